"""Marsad's retrieval library: parse articles, analyse Arabic, index with BM25, answer.

No Telegram, no printing, no configuration files: frontends pass plain values in.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .engine import IngestReport, Marsad
    from .index import BM25Params
    from .model import Answer, Article, Citation, Hit

__all__ = ["Answer", "Article", "BM25Params", "Citation", "Hit", "IngestReport", "Marsad"]
# imported on first use (PEP 562): an ingest worker process, which needs only the parsing
# and analysis modules (ingest_worker.py), then never loads the engine and all it pulls in
_HOME = {"Answer": "model", "Article": "model", "BM25Params": "index", "Citation": "model",
         "Hit": "model", "IngestReport": "engine", "Marsad": "engine"}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_HOME[name]}", __name__), name)
