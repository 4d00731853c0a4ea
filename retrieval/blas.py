"""One BLAS thread for the answer path's small matrix products.

The rerank and grouping products are tiny (40 x ~1,000); OpenBLAS would still split them
over every core, and under load its second thread turns 0.3 ms into tens of ms and slows
everything else running (issue 13). `one_thread()` wraps such products.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from threadpoolctl import ThreadpoolController

__all__ = ["one_thread"]

_CONTROLLER: ThreadpoolController | None = None
_LOCK = threading.Lock()


@contextmanager
def one_thread() -> Iterator[None]:
    """BLAS limited to one thread inside the block (about 30 µs to enter and leave)."""
    global _CONTROLLER
    with _LOCK:
        if _CONTROLLER is None:  # inspecting the loaded libraries once is the slow part
            _CONTROLLER = ThreadpoolController()
    with _CONTROLLER.limit(limits=1, user_api="blas"):
        yield
