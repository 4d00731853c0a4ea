"""Does the best passage answer the question? The share of the question's weight it holds.

Each query word weighs its idf (a word the corpus never uses weighs the most, so a question
about something absent is declined). A word counts as held when the passage has it or one
of its corpus spellings (variants.py); failing that, a passage word sharing most of its
character trigrams (وصفت / وصفتها, الدعاية / الدعائية) holds it in proportion to their
similarity. Calibrated on real negatives: ARCD questions asked against the seed articles.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from functools import lru_cache

from .analysis import analyze, char_ngrams

__all__ = ["ANSWER_COVERAGE", "SOFT_MATCH", "coverage", "similarity"]

ANSWER_COVERAGE = 0.5  # share of the question's idf weight the best passage must hold
SOFT_MATCH = 0.5  # trigram similarity from which an unmatched word counts, partially


@lru_cache(maxsize=1 << 16)
def _trigrams(term: str) -> frozenset[str]:
    return frozenset(char_ngrams(term, 3))


def similarity(a: str, b: str) -> float:
    """Dice coefficient of the two terms' boundary-marked character trigrams."""
    ga, gb = _trigrams(a), _trigrams(b)
    return 2 * len(ga & gb) / (len(ga) + len(gb))


@lru_cache(maxsize=4096)
def _terms(text: str) -> frozenset[str]:
    return frozenset(analyze(text))


def coverage(text: str, weights: Mapping[str, float],
             aliases: Mapping[str, Collection[str]] | None = None) -> float:
    """Share of `weights` (query term -> idf) that `text` (title + passage) holds."""
    total = sum(weights.values())
    if total <= 0:
        return 0.0
    held = _terms(text)
    aliases = aliases or {}
    matched = 0.0
    for term, weight in weights.items():
        if term in held or not held.isdisjoint(aliases.get(term, ())):
            matched += weight
            continue
        best = max((similarity(term, t) for t in held), default=0.0)
        if best >= SOFT_MATCH:
            matched += weight * best
    return matched / total
