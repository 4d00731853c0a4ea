"""One BLAS thread for the answer path's small matrix products, set once per process.

The rerank and grouping products are tiny (40 x ~1,000); OpenBLAS would still split them
over every core, and under load its second thread turns 0.3 ms into tens of ms and slows
everything else running (issue 13). Limiting and restoring around each product did not
stop that: measured at 100k passages, `group` p95 48 ms with a limit entered and left per
product, 6 ms with the limit set once (the same as OPENBLAS_NUM_THREADS=1). So the first
answer limits BLAS to one thread for the rest of the process: a Marsad process runs many
small products and no large ones, and concurrent answers already use the other cores.
"""

from __future__ import annotations

import threading

from threadpoolctl import threadpool_limits

__all__ = ["one_thread"]

_LOCK = threading.Lock()
_LIMITED: list[object] = []  # the limiter, once set (kept so it is never collected)


def one_thread() -> None:
    """Limit BLAS to one thread, process-wide, on the first call; later calls cost a list
    check (~50 ns). Inspecting the loaded libraries (~1 ms) happens once."""
    if _LIMITED:
        return
    with _LOCK:
        if not _LIMITED:
            _LIMITED.append(threadpool_limits(limits=1, user_api="blas"))
