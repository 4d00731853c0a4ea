"""Issue 13: a worker killed while writing its result never keeps the process from ending.

A SIGKILLed analysis worker (the OOM killer, a user's kill) can die halfway through sending
its result. The pool's manager thread then waits in recv() for the rest of that message,
forever, and Python joins that thread when the process exits: a full test run hung at its
very end, and a bot following feeds would hang on SIGTERM the same way. The half message
is written here by hand, then a worker is killed, as the ingest's own watch finds it."""

from __future__ import annotations

import os
import signal
import struct

from retrieval.ingest import _Analysis


def test_a_half_written_result_does_not_hang_the_pool_at_exit() -> None:
    analysis = _Analysis(parallel=True)
    pool = analysis.executor
    writer = pool._result_queue._writer
    try:
        analysis.executor.submit(len, "warm").result(timeout=60)  # the workers are up
        manager = pool._executor_manager_thread
        # the header of a 1,000-byte message, then 10 bytes of it: recv() waits for the rest
        os.write(writer.fileno(), struct.pack("!i", 1000) + b"x" * 10)
        victim = next(iter(pool._processes.values()))
        os.kill(victim.pid, signal.SIGKILL)
        victim.join(timeout=20)  # dead, as the ingest's watch finds it before closing
        analysis.close()
        manager.join(timeout=20)
        assert not manager.is_alive(), "the pool's manager thread still waits on the dead"
    finally:
        if not writer.closed:  # without the fix: end the wait so this run can still exit
            writer.close()
