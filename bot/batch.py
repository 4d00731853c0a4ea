"""`marsad ask` with questions on stdin: one JSON line per input line, in order, whatever comes.

Built for scripts feeding it anything (issue 7):
- input is split on `\\n` only (a `\\r` before it is dropped) and decoded as UTF-8 with bad
  bytes replaced, so invalid UTF-8 or an encoded lone surrogate never stops the batch;
- every output line is valid JSON; when stdout cannot encode a character (an ASCII pipe,
  a lone surrogate) the line is written with `\\uXXXX` escapes instead, still valid JSON;
- SIGTERM or SIGINT lets the answer in flight finish and be written, then the database is
  closed cleanly and the exit status is 128 + the signal number;
- a reader that goes away (broken pipe) ends the batch quietly.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import sys
import threading
from collections.abc import Iterator
from typing import Any, BinaryIO, TextIO

from retrieval.engine import Marsad

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


def decode_line(raw: bytes) -> str:
    """One input line (without its newline) as text; never raises."""
    if raw.endswith(b"\r"):
        raw = raw[:-1]
    return raw.decode("utf-8", errors="replace")


def json_line(data: Any, encoding: str | None) -> str:
    """`data` as one line of JSON that `encoding` can write (escaped where it cannot)."""
    line = json.dumps(data, ensure_ascii=False)
    try:
        line.encode(encoding or "utf-8")
    except (UnicodeEncodeError, LookupError):
        line = json.dumps(data, ensure_ascii=True)
    return line


def _raw_lines(stream: BinaryIO) -> Iterator[bytes]:
    """Lines of `stream` with their `\n`. A real file descriptor is read with os.read: a
    thread blocked there holds no lock of the `sys.stdin` object, so it never holds up (or
    crashes) interpreter shutdown."""
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):
        yield from iter(stream.readline, b"")
        return
    pending = b""
    while chunk := os.read(fd, 1 << 16):
        pending += chunk
        *lines, pending = pending.split(b"\n")
        for line in lines:
            yield line + b"\n"
    if pending:
        yield pending


def _reader(stream: BinaryIO, loop: asyncio.AbstractEventLoop,
            queue: asyncio.Queue[bytes | None]) -> None:
    """Feed raw lines to the event loop from a daemon thread (a blocked read never holds up
    shutdown: the thread dies with the process)."""
    try:
        first = True
        for raw in _raw_lines(stream):
            if first and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            first = False
            loop.call_soon_threadsafe(queue.put_nowait, raw.rstrip(b"\n"))
    except (OSError, ValueError, RuntimeError):
        pass
    finally:
        with contextlib.suppress(RuntimeError):  # the loop is already closed
            loop.call_soon_threadsafe(queue.put_nowait, None)


async def answer_lines(engine: Marsad, k: int, stdin: BinaryIO | None = None,
                       stdout: TextIO | None = None) -> int:
    """Answer every line of `stdin` on `stdout`; the exit status (0, or 128 + signal)."""
    stdin = stdin if stdin is not None else sys.stdin.buffer
    stdout = stdout if stdout is not None else sys.stdout
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[bytes | None] = asyncio.Queue()
    stopped: list[int] = []
    wake = asyncio.Event()

    def stop(signum: int) -> None:
        if not stopped:
            stopped.append(signum)
        wake.set()

    installed = []
    if threading.current_thread() is threading.main_thread():
        for signum in STOP_SIGNALS:
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(signum, stop, signum)
                installed.append(signum)
    threading.Thread(target=_reader, args=(stdin, loop, queue), daemon=True,
                     name="marsad-stdin").start()
    try:
        while not stopped:
            get = asyncio.ensure_future(queue.get())
            waiter = asyncio.ensure_future(wake.wait())
            await asyncio.wait({get, waiter}, return_when=asyncio.FIRST_COMPLETED)
            waiter.cancel()
            if not get.done():
                get.cancel()
                break
            raw = get.result()
            if raw is None:
                break
            # the answer in flight is never interrupted: a signal only stops the next one
            answer = await engine.answer(decode_line(raw), k=k)
            try:
                stdout.write(json_line(answer.to_json(), stdout.encoding) + "\n")
                stdout.flush()
            except BrokenPipeError:
                _silence(stdout)
                return 0
    finally:
        for signum in installed:
            loop.remove_signal_handler(signum)
    return 128 + stopped[0] if stopped else 0


def _silence(stdout: TextIO) -> None:
    """The reader left: point stdout at /dev/null so the exit flush cannot fail again."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stdout.fileno())
