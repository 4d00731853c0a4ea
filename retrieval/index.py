"""BM25 with rank-bm25's `BM25Okapi` scores, computed from per-term postings.

rank_bm25 walks every document for every query term. Here each term's postings (document
slots and term frequencies) sit in CSR arrays, so a query touches only its own terms'
postings. The statistics that move with the corpus (N, document frequencies, average length,
average idf) are kept live, so adding or removing documents gives the same scores as a fresh
build. Documents arrive in segments (one per ingest batch) that are merged as they pile up.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class BM25Params:
    k1: float = 1.5
    b: float = 0.75
    epsilon: float = 0.25


@dataclass(frozen=True)
class Segment:
    """Postings of a batch of documents: term t owns doc_ids[indptr[t]:indptr[t+1]]."""

    indptr: np.ndarray  # int64, len = number of terms known to this segment + 1
    doc_ids: np.ndarray  # int32 document slots
    tfs: np.ndarray  # float64 term frequencies

    def postings(self, term: int) -> tuple[np.ndarray, np.ndarray]:
        if term + 1 >= len(self.indptr):
            return self.doc_ids[:0], self.tfs[:0]
        lo, hi = self.indptr[term], self.indptr[term + 1]
        return self.doc_ids[lo:hi], self.tfs[lo:hi]

    @classmethod
    def build(cls, slots: Sequence[int], docs: Sequence[np.ndarray]) -> Segment:
        lengths = np.fromiter((len(d) for d in docs), dtype=np.int64, count=len(docs))
        terms = np.concatenate(docs).astype(np.int64) if docs else np.zeros(0, np.int64)
        owners = np.repeat(np.asarray(slots, dtype=np.int64), lengths)
        n_terms = int(terms.max()) + 1 if len(terms) else 0
        span = int(owners.max()) + 1 if len(owners) else 1
        keys, counts = np.unique(terms * span + owners, return_counts=True)
        term_of = keys // span
        indptr = np.zeros(n_terms + 1, dtype=np.int64)
        np.cumsum(np.bincount(term_of, minlength=n_terms), out=indptr[1:])
        return cls(indptr, (keys % span).astype(np.int32), counts.astype(np.float64))

    @classmethod
    def merge(cls, segments: Sequence[Segment], live: np.ndarray) -> Segment:
        """One segment from many, dropping postings of removed documents."""
        parts_t, parts_d, parts_f = [], [], []
        for seg in segments:
            term_of = np.repeat(np.arange(len(seg.indptr) - 1), np.diff(seg.indptr))
            keep = live[seg.doc_ids]
            parts_t.append(term_of[keep])
            parts_d.append(seg.doc_ids[keep])
            parts_f.append(seg.tfs[keep])
        terms = np.concatenate(parts_t) if parts_t else np.zeros(0, np.int64)
        docs = np.concatenate(parts_d) if parts_d else np.zeros(0, np.int32)
        tfs = np.concatenate(parts_f) if parts_f else np.zeros(0, np.float64)
        order = np.lexsort((docs, terms))
        n_terms = int(terms.max()) + 1 if len(terms) else 0
        indptr = np.zeros(n_terms + 1, dtype=np.int64)
        np.cumsum(np.bincount(terms, minlength=n_terms), out=indptr[1:])
        return cls(indptr, docs[order], tfs[order])


class BM25Index:
    """Document slots are integers chosen by the caller (the store's passage ids)."""

    MAX_SEGMENTS = 8

    def __init__(self, params: BM25Params | None = None) -> None:
        self.params = params or BM25Params()
        self.segments: tuple[Segment, ...] = ()
        self.doc_len = np.zeros(0, dtype=np.float64)
        self.live = np.zeros(0, dtype=bool)
        self.df = np.zeros(0, dtype=np.int64)
        self.n_docs = 0
        self.total_len = 0.0
        self._avg_idf: float | None = None

    # -- building -----------------------------------------------------------------------
    def add(self, slots: Sequence[int], docs: Sequence[Sequence[int] | np.ndarray]) -> None:
        """Add documents (term-id arrays) at the given slots; slots must be unused."""
        if not len(slots):
            return
        arrays = [np.asarray(d, dtype=np.int64) for d in docs]
        top = max(slots) + 1
        if top > len(self.live):
            grow = max(top, int(len(self.live) * 1.5))
            self.doc_len = _grown(self.doc_len, grow)
            self.live = _grown(self.live, grow)
        slot_arr = np.asarray(slots, dtype=np.int64)
        if self.live[slot_arr].any():
            raise ValueError("document slot already in use")
        lengths = np.fromiter((len(a) for a in arrays), dtype=np.float64, count=len(arrays))
        self.doc_len[slot_arr] = lengths
        self.live[slot_arr] = True
        self.n_docs += len(arrays)
        self.total_len += float(lengths.sum())
        uniq = [np.unique(a) for a in arrays]
        self._count_df(np.concatenate(uniq) if uniq else np.zeros(0, np.int64), +1)
        self.segments = (*self.segments, Segment.build(slots, arrays))
        if len(self.segments) > self.MAX_SEGMENTS:
            self.compact()

    def remove(self, slots: Iterable[int], docs: Sequence[Sequence[int] | np.ndarray]) -> None:
        """Forget documents; their term arrays are needed to correct document frequencies."""
        slot_arr = np.asarray(list(slots), dtype=np.int64)
        if not len(slot_arr):
            return
        self.live[slot_arr] = False
        self.n_docs -= len(slot_arr)
        self.total_len -= float(self.doc_len[slot_arr].sum())
        uniq = [np.unique(np.asarray(d, dtype=np.int64)) for d in docs]
        self._count_df(np.concatenate(uniq) if uniq else np.zeros(0, np.int64), -1)

    def compact(self) -> None:
        self.segments = (Segment.merge(self.segments, self.live),)

    def _count_df(self, terms: np.ndarray, sign: int) -> None:
        if len(terms):
            top = int(terms.max()) + 1
            if top > len(self.df):
                self.df = _grown(self.df, max(top, int(len(self.df) * 1.5)))
            np.add.at(self.df, terms, sign)
        self._avg_idf = None

    # -- statistics ---------------------------------------------------------------------
    @property
    def avgdl(self) -> float:
        return self.total_len / self.n_docs if self.n_docs else 0.0

    def _raw_idf(self, df: np.ndarray | float) -> np.ndarray | float:
        return np.log(self.n_docs - df + 0.5) - np.log(df + 0.5)

    @property
    def average_idf(self) -> float:
        if self._avg_idf is None:
            present = self.df[self.df > 0]
            self._avg_idf = float(self._raw_idf(present).sum() / len(present)) if len(
                present) else 0.0
        return self._avg_idf

    def idf(self, term: int) -> float:
        """rank_bm25's idf: negative values are replaced by epsilon times the average idf."""
        if term < 0 or term >= len(self.df) or self.df[term] <= 0:
            return 0.0
        value = float(self._raw_idf(float(self.df[term])))
        if value < 0:
            return self.params.epsilon * self.average_idf
        return value

    def max_idf(self) -> float:
        """The idf a term found in no document would have: used to weigh unknown words."""
        return float(np.log(self.n_docs + 0.5) - np.log(0.5)) if self.n_docs else 0.0

    # -- scoring ------------------------------------------------------------------------
    def scores(self, query: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
        """(slots, scores) of every live document that holds a query term."""
        k1, b = self.params.k1, self.params.b
        segments, avgdl = self.segments, self.avgdl
        touched = []
        score = None
        for term in query:
            idf = self.idf(term)
            for seg in segments:
                ids, tf = seg.postings(term)
                if not len(ids):
                    continue
                if score is None:
                    score = np.zeros(len(self.live), dtype=np.float64)
                dl = self.doc_len[ids]
                score[ids] += idf * (tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl / avgdl)))
                touched.append(ids)
        if score is None:
            return np.zeros(0, np.int64), np.zeros(0, np.float64)
        slots = np.unique(np.concatenate(touched)).astype(np.int64)
        slots = slots[self.live[slots]]
        return slots, score[slots]

    def top(self, query: Sequence[int], k: int) -> list[tuple[int, float]]:
        """The k best (slot, score) pairs, best first; ties broken by slot order."""
        slots, scores = self.scores(query)
        if not len(slots) or k <= 0:
            return []
        if len(slots) > k:
            part = np.argpartition(-scores, k - 1)[:k]
            slots, scores = slots[part], scores[part]
        order = np.lexsort((slots, -scores))
        return [(int(slots[i]), float(scores[i])) for i in order]

    def term_frequencies(self, slot: int, query: Sequence[int]) -> dict[int, float]:
        """Which query terms a document holds (for deciding whether it answers)."""
        found: dict[int, float] = {}
        for term in set(query):
            for seg in self.segments:
                ids, tf = seg.postings(term)
                pos = np.searchsorted(ids, slot)
                if pos < len(ids) and ids[pos] == slot:
                    found[term] = float(tf[pos])
                    break
        return found


def _grown(array: np.ndarray, size: int) -> np.ndarray:
    out = np.zeros(size, dtype=array.dtype)
    out[: len(array)] = array
    return out
