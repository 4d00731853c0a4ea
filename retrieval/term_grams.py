"""The trigrams, printed numbers and toll words of vocabulary terms, worked out once per term.

Grouping an answer's ~40 candidates compares their ~1,000 distinct terms by trigrams
(near forms, `corroborate._near_edges`) and by the numbers they print
(`grouping._same_figures`), and reads a toll only from a passage holding its words
(`grouping._tolls`); a term's trigrams and numbers never change, and most terms
of one answer's candidates were in an earlier answer's. They are kept here by term id,
worked out for the terms not seen yet only (vectorized, `corroborate.trigram_codes`),
and read back for all of a call's terms with a few array gathers.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np

from .corroborate import NUMBER, trigram_codes
from .index import ranges, unique_inverse
from .tolls import toll_words

__all__ = ["TermGrams"]


class TermGrams:
    """Per term id of `vocabulary` (a list only appended to, or cut back with `forget`):
    its distinct trigram codes, the numbers it prints, and whether it is a toll's cue
    word or count (`tolls.toll_words`). Safe across threads."""

    def __init__(self, vocabulary: Sequence[str]) -> None:
        self.vocabulary = vocabulary
        self._lock = threading.Lock()
        self._start = np.full(0, -1, np.int64)  # term id -> first code in _codes; -1: not yet
        self._count = np.zeros(0, np.int32)  # term id -> how many codes
        self._codes = np.zeros(1024, np.int64)
        self._used = 0  # codes filled in _codes
        self._numeric = np.zeros(0, bool)  # term id -> prints a number
        self._numbers: dict[int, frozenset[str]] = {}  # term id -> the numbers it prints
        self._cue = np.zeros(0, bool)  # term id -> a toll's cue word (tolls.toll_words)
        self._counts = np.zeros(0, bool)  # term id -> may be a toll's count (the same)

    def forget(self, size: int) -> None:
        """Forget the terms from id `size` on (an ingest rolled back: those ids will be
        given to other terms)."""
        with self._lock:
            self._start[size:] = -1
            self._numeric[size:] = False
            for i in [i for i in self._numbers if i >= size]:
                del self._numbers[i]

    def trigrams(self, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """`corroborate._term_trigrams` of the terms of `ids` (distinct term ids): (owner,
        gram), owner = position in `ids`, grams numbered 0.. in the order of their codes."""
        with self._lock:
            self._fill(ids)
            count = self._count[ids]
            code = self._codes[ranges(self._start[ids], count)]
        owner = np.repeat(np.arange(len(ids), dtype=np.int64), count)
        return owner, unique_inverse(code)[1]

    def numbers(self, ids: np.ndarray) -> dict[int, frozenset[str]]:
        """position in `ids` -> the numbers that term prints, for the terms printing any
        (`grouping._numbers_of`)."""
        with self._lock:
            self._fill(ids)
            return {int(at): self._numbers[int(ids[at])]
                    for at in np.flatnonzero(self._numeric[ids])}

    def toll_words(self, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Per position in `ids`: whether the term is a toll's cue word, and whether it
        may be a toll's count (`tolls.toll_words`)."""
        with self._lock:
            self._fill(ids)
            return self._cue[ids], self._counts[ids]

    def _fill(self, ids: np.ndarray) -> None:
        """Work out the trigrams, numbers and toll words of the terms of `ids` not seen yet."""
        size = len(self.vocabulary)
        if len(self._start) < size:
            grow = max(size, len(self._start) + len(self._start) // 4) - len(self._start)
            self._start = np.concatenate((self._start, np.full(grow, -1, np.int64)))
            self._count = np.concatenate((self._count, np.zeros(grow, np.int32)))
            self._numeric = np.concatenate((self._numeric, np.zeros(grow, bool)))
            self._cue = np.concatenate((self._cue, np.zeros(grow, bool)))
            self._counts = np.concatenate((self._counts, np.zeros(grow, bool)))
        new = ids[self._start[ids] < 0]
        if not len(new):
            return
        terms = [self.vocabulary[i] for i in new.tolist()]
        owner, code = trigram_codes(terms)
        if self._used + len(code) > len(self._codes):
            grown = np.zeros(max(2 * len(self._codes), self._used + len(code)), np.int64)
            grown[:self._used] = self._codes[:self._used]
            self._codes = grown
        self._codes[self._used:self._used + len(code)] = code
        count = np.bincount(owner, minlength=len(new))
        self._start[new] = self._used + np.cumsum(count) - count
        self._count[new] = count
        self._used += len(code)
        self._cue[new], self._counts[new] = toll_words(terms)
        for i, term in zip(new.tolist(), terms, strict=True):
            if found := NUMBER.findall(term):
                self._numbers[i] = frozenset(found)
                self._numeric[i] = True
