"""Marsad's retrieval library: parse articles, analyse Arabic, index with BM25, answer.

No Telegram, no printing, no configuration files: frontends pass plain values in.
"""

from .engine import IngestReport, Marsad
from .index import BM25Params
from .model import Answer, Article, Citation, Hit

__all__ = ["Answer", "Article", "BM25Params", "Citation", "Hit", "IngestReport", "Marsad"]
