"""One BLAS thread for the answer path's small matrix products.

The rerank and grouping products are tiny (40 x ~1,000); OpenBLAS would still split them
over every core, and under load its second thread turns 0.3 ms into tens of ms and slows
everything else running (issue 13). `one_thread()` wraps such products.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from threadpoolctl import ThreadpoolController

__all__ = ["one_thread"]

_LOCK = threading.Lock()
_STATE: dict[str, Any] = {"controller": None, "inside": 0, "limiter": None}


@contextmanager
def one_thread() -> Iterator[None]:
    """BLAS limited to one thread inside the block (tens of µs to enter and leave).

    Answers run in several threads at once: the first to enter sets the limit and the last
    to leave restores the original, so no thread ever restores another's setting."""
    with _LOCK:
        if _STATE["controller"] is None:  # inspecting the loaded libraries is the slow part
            _STATE["controller"] = ThreadpoolController()
        if _STATE["inside"] == 0:
            _STATE["limiter"] = _STATE["controller"].limit(limits=1, user_api="blas")
        _STATE["inside"] += 1
    try:
        yield
    finally:
        with _LOCK:
            _STATE["inside"] -= 1
            if _STATE["inside"] == 0:
                _STATE["limiter"].restore_original_limits()
                _STATE["limiter"] = None
