"""BM25 with rank-bm25's `BM25Okapi` scores, computed from per-term postings.

rank_bm25 walks every document for every query term. Here each term's postings (document
slots and term frequencies) sit in CSR arrays, so a query touches only its own terms'
postings: it accumulates into a reusable per-thread buffer, resets only the slots it touched,
and picks the top k by partial selection. The statistics that move with the corpus (N,
document frequencies, average length, average idf) are kept live, so adding or removing
documents gives the same scores as a fresh build; what depends on them (the per-document
length normalisation, the average idf) is cached per corpus generation.

Documents arrive in segments (one per ingest batch). Segments are merged log-structured
(MERGE_FACTOR segments of one size class become one of the next), so ingesting N documents
moves each posting O(log N) times and the number of segments stays small. Segments are
immutable: the store persists them as they are and loads them back without re-analysis.
"""

from __future__ import annotations

import itertools
import math
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class BM25Params:
    k1: float = 1.5
    b: float = 0.75
    epsilon: float = 0.25


_EMPTY_I32 = np.zeros(0, np.int32)
_I32 = np.int32


@dataclass(frozen=True, eq=False)
class Segment:
    """Postings of a batch of documents.

    `terms` holds the sorted term ids present; term `terms[i]` owns
    `doc_ids[indptr[i]:indptr[i+1]]` (sorted slots) with frequencies `tfs[...]`.
    `slots`/`lengths` list the segment's documents (sorted) and their lengths.
    `key` names the segment in the store.
    """

    slots: np.ndarray  # int32, sorted
    lengths: np.ndarray  # int32, aligned with slots
    terms: np.ndarray  # int32, sorted
    indptr: np.ndarray  # int64, len(terms) + 1
    doc_ids: np.ndarray  # int32
    tfs: np.ndarray  # uint16 (int32 if a frequency does not fit)
    key: int = field(default=0, compare=False)

    @property
    def size(self) -> int:
        return len(self.doc_ids)

    @property
    def first(self) -> int:
        return int(self.slots[0]) if len(self.slots) else -1

    @property
    def last(self) -> int:
        return int(self.slots[-1]) if len(self.slots) else -1

    def postings(self, term: int) -> tuple[np.ndarray, np.ndarray]:
        terms = self.terms
        i = int(terms.searchsorted(_I32(term)))  # same dtype, or numpy copies `terms`
        if i == len(terms) or terms[i] != term:
            return self.doc_ids[:0], self.tfs[:0]
        lo, hi = self.indptr[i], self.indptr[i + 1]
        return self.doc_ids[lo:hi], self.tfs[lo:hi]

    def consistent(self, n_terms: int) -> bool:
        """Whether the arrays hang together, with term ids below `n_terms`: a segment
        read back from a damaged file can hold anything."""
        s, t, p, d = self.slots, self.terms, self.indptr, self.doc_ids
        return (len(self.lengths) == len(s) and len(p) == len(t) + 1
                and len(self.tfs) == len(d) and p[0] == 0 and p[-1] == len(d)
                and bool(np.all(np.diff(p) >= 0)) and bool(np.all(np.diff(s) > 0))
                and bool(np.all(np.diff(t) > 0))
                and (not len(t) or (t[0] >= 0 and t[-1] < n_terms))
                and (not len(d) or (len(s) > 0 and d.min() >= s[0] and d.max() <= s[-1]))
                and (not len(s) or s[0] > 0))

    def holds(self, slot: int) -> bool:
        i = int(self.slots.searchsorted(_I32(slot)))
        return i < len(self.slots) and self.slots[i] == slot

    @classmethod
    def build(cls, slots: Sequence[int], docs: Sequence[np.ndarray], key: int = 0) -> Segment:
        lengths = np.fromiter((len(d) for d in docs), dtype=np.int64, count=len(docs))
        if len(docs):
            terms = np.concatenate([np.asarray(d) for d in docs]).astype(np.int64, copy=False)
        else:
            terms = np.zeros(0, np.int64)
        return cls.build_flat(slots, lengths, terms, key)

    @classmethod
    def build_flat(cls, slots: Sequence[int] | np.ndarray, lengths: np.ndarray,
                   terms: np.ndarray, key: int = 0) -> Segment:
        """`build` from the documents' terms laid end to end, `lengths[i]` for slot i."""
        slot_arr = np.asarray(slots, dtype=np.int64)
        lengths = np.asarray(lengths, dtype=np.int64)
        terms = np.asarray(terms).astype(np.int64, copy=False)
        owners = np.repeat(slot_arr, lengths)
        lo = int(slot_arr.min()) if len(slot_arr) else 0
        span = int(slot_arr.max()) - lo + 1 if len(slot_arr) else 1
        keys = np.sort(terms * span + (owners - lo))
        first = run_starts(keys)
        counts = np.diff(np.append(first, len(keys)))
        keys = keys[first]
        term_of = keys // span
        starts = np.flatnonzero(np.diff(term_of, prepend=-1))
        uniq_terms = term_of[starts]
        indptr = np.append(starts, len(keys)).astype(np.int64)
        order = np.argsort(slot_arr, kind="stable")
        return cls(slot_arr[order].astype(np.int32), lengths[order].astype(np.int32),
                   uniq_terms.astype(np.int32), indptr,
                   (keys % span + lo).astype(np.int32), _tf_array(counts), key)

    @classmethod
    def merge(cls, segments: Sequence[Segment], live: np.ndarray, key: int = 0) -> Segment:
        """One segment from many, dropping documents that are not `live`."""
        segments = [s for s in segments if len(s.slots)]
        if not segments:
            return cls(_EMPTY_I32, _EMPTY_I32, _EMPTY_I32, np.zeros(1, np.int64), _EMPTY_I32,
                       np.zeros(0, np.uint16), key)
        # (postings per local term, ids, tfs, terms) with dead docs dropped
        parts: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
        slot_keep = [live[s.slots] for s in segments]
        for seg, alive in zip(segments, slot_keep, strict=True):
            per_term = np.diff(seg.indptr)
            ids, tfs = seg.doc_ids, seg.tfs
            if not alive.all():  # some documents are gone: drop their postings
                keep = live[ids]
                term_idx = np.repeat(np.arange(len(seg.terms)), per_term)[keep]
                ids, tfs = ids[keep], tfs[keep]
                per_term = np.bincount(term_idx, minlength=len(seg.terms))
            parts.append((per_term, ids, tfs, seg.terms))
        slots = np.concatenate([s.slots[k] for s, k in zip(segments, slot_keep, strict=True)])
        lengths = np.concatenate([s.lengths[k] for s, k in
                                  zip(segments, slot_keep, strict=True)])
        present = np.zeros(max((int(s.terms[-1]) + 1 for s in segments if len(s.terms)),
                               default=0), bool)
        for seg in segments:
            present[seg.terms] = True
        all_terms = np.flatnonzero(present)
        position = np.cumsum(present) - 1  # term id -> its index in all_terms
        tf_dtype = np.result_type(*(s.tfs.dtype for s in segments))
        ordered = all(a.last < b.first for a, b in itertools.pairwise(segments))
        if not ordered:  # slots interleave: sort every posting by (term, slot)
            terms = np.concatenate([np.repeat(t, n) for n, _, _, t in parts]).astype(np.int64)
            ids = np.concatenate([p[1] for p in parts])
            tfs = np.concatenate([p[2] for p in parts]).astype(tf_dtype)
            order = np.lexsort((ids, terms))
            terms, ids, tfs = terms[order], ids[order], tfs[order]
            uniq, starts = np.unique(terms, return_index=True)
            indptr = np.append(starts, len(terms)).astype(np.int64)
            order = np.argsort(slots, kind="stable")
            return cls(slots[order], lengths[order], uniq.astype(np.int32), indptr,
                       ids, tfs, key)
        # Slot ranges follow each other: term t's postings are segment 1's, then 2's...
        where = [position[t] for *_, t in parts]
        counts = np.zeros(len(all_terms), dtype=np.int64)
        for (per_term, *_rest), pos in zip(parts, where, strict=True):
            counts[pos] += per_term
        indptr = np.zeros(len(all_terms) + 1, dtype=np.int64)
        np.cumsum(counts, out=indptr[1:])
        total = int(indptr[-1])
        out_ids = np.empty(total, dtype=np.int32)
        out_tfs = np.empty(total, dtype=tf_dtype)
        cursor = indptr[:-1].copy()  # next free position of each term
        for (per_term, ids, tfs, _), pos in zip(parts, where, strict=True):
            # a term's postings go to its cursor, in order: each term's run moves by
            # (cursor - where the run starts here)
            local_start = np.cumsum(per_term) - per_term
            dest = np.repeat(cursor[pos] - local_start, per_term)
            dest += np.arange(len(ids), dtype=np.int64)
            out_ids[dest] = ids
            out_tfs[dest] = tfs
            cursor[pos] += per_term
        nonempty = counts > 0
        if not nonempty.all():
            all_terms = all_terms[nonempty]
            indptr = np.append(indptr[:-1][nonempty], total)
        return cls(slots, lengths, all_terms.astype(np.int32), indptr, out_ids, out_tfs, key)


# -- array helpers (also used by engine.py and corroborate.py) ---------------------------

def run_starts(keys: np.ndarray) -> np.ndarray:
    """Positions where a run of equal values starts in sorted `keys`."""
    flag = np.empty(len(keys), bool)
    flag[:1] = True
    np.not_equal(keys[1:], keys[:-1], out=flag[1:])
    return np.flatnonzero(flag)


def unique(values: np.ndarray) -> np.ndarray:
    """np.unique by sorting: numpy 2's hash table is several times slower on big arrays."""
    values = np.sort(values)
    return values[run_starts(values)]


def sort_order(keys: np.ndarray) -> np.ndarray:
    """np.argsort(keys, kind="stable") of non-negative int keys: each key packed with its
    position into one int64 and sorted by value, several times faster than an argsort
    (numpy's argsort of int64 is not vectorized, its sort is)."""
    n = len(keys)
    if n == 0 or int(keys.max()) >= (1 << 62) // n:  # no room to pack: argsort it
        return np.argsort(keys, kind="stable")
    return np.sort(keys.astype(np.int64) * n + np.arange(n)) % n


def unique_inverse(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """np.unique(values, return_inverse=True) of non-negative ints, by `sort_order`."""
    order = sort_order(values)
    ordered = values[order]
    new = np.ones(len(ordered), bool)
    new[1:] = ordered[1:] != ordered[:-1]
    inverse = np.empty(len(values), np.int64)
    inverse[order] = np.cumsum(new) - 1
    return ordered[new], inverse


def ranges(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """starts[i], starts[i] + 1, ..., starts[i] + counts[i] - 1 for every i, end to end."""
    ends = np.cumsum(counts)
    total = int(ends[-1]) if len(ends) else 0
    return np.repeat(starts - (ends - counts), counts) + np.arange(total)


def _tf_array(counts: np.ndarray) -> np.ndarray:
    if len(counts) and int(counts.max()) > np.iinfo(np.uint16).max:
        return counts.astype(np.int32)
    return counts.astype(np.uint16)


@dataclass(frozen=True)
class _State:
    """Everything a query reads, swapped in one assignment so a query sees one corpus."""

    segments: tuple[Segment, ...]
    doc_len: np.ndarray  # float64 by slot (0 for unused slots)
    live: np.ndarray  # bool by slot
    df: np.ndarray  # int64 by term
    n_docs: int
    total_len: float
    dead: int  # removed documents whose postings are still in segments
    generation: int


class BM25Index:
    """Document slots are integers chosen by the caller (the store's passage ids)."""

    MAX_SEGMENTS = 16  # hard cap; the merge policy normally keeps far fewer
    MERGE_FACTOR = 4
    CACHE_MAX_POSTINGS = 8 << 20  # cached term scores per generation (12 bytes each)

    def __init__(self, params: BM25Params | None = None) -> None:
        self.params = params or BM25Params()
        self._state = _State((), np.zeros(0, np.float64), np.zeros(0, bool),
                             np.zeros(0, np.int64), 0, 0.0, 0, 0)
        self._next_key = 1
        self._cache_lock = threading.Lock()
        self._norm: tuple[int, np.ndarray] | None = None
        self._avg_idf: tuple[int, float] | None = None
        self._buffers = threading.local()
        self._score_cache: tuple[int, dict, list[int]] = (-1, {}, [0])
        self._norm_floor: tuple[np.ndarray, float] | None = None
        self._bounds: tuple[int, dict[int, float]] = (-1, {})  # _bound, per generation

    # -- read-only views -----------------------------------------------------------------
    segments = property(lambda self: self._state.segments)
    doc_len = property(lambda self: self._state.doc_len)
    live = property(lambda self: self._state.live)
    df = property(lambda self: self._state.df)
    n_docs = property(lambda self: self._state.n_docs)
    total_len = property(lambda self: self._state.total_len)
    generation = property(lambda self: self._state.generation)
    dead = property(lambda self: self._state.dead)  # removed, postings still stored

    # -- building -----------------------------------------------------------------------
    def add(self, slots: Sequence[int], docs: Sequence[Sequence[int] | np.ndarray]) -> None:
        """Add documents (term-id arrays) at the given slots; slots must be unused."""
        if not len(slots):
            return
        arrays = [np.asarray(d, dtype=np.int64) for d in docs]
        if len(arrays) != len(slots):
            raise ValueError("one term array per slot")
        slot_arr = np.asarray(slots, dtype=np.int64)
        if len(unique(slot_arr)) != len(slot_arr):
            raise ValueError("document slot used twice")
        st = self._state
        if self._slots_taken(st, slot_arr):
            raise ValueError("document slot already in use")
        seg = Segment.build(slot_arr, arrays, key=self._take_key())
        self._add_segments(st, [seg])

    def add_flat(self, slots: Sequence[int], lengths: np.ndarray, terms: np.ndarray) -> None:
        """`add` with the documents' term ids laid end to end (`lengths[i]` for slot i)."""
        if not len(slots):
            return
        slot_arr = np.asarray(slots, dtype=np.int64)
        if len(lengths) != len(slot_arr) or int(np.sum(lengths)) != len(terms):
            raise ValueError("one length per slot, adding up to the terms")
        if len(unique(slot_arr)) != len(slot_arr):
            raise ValueError("document slot used twice")
        st = self._state
        if self._slots_taken(st, slot_arr):
            raise ValueError("document slot already in use")
        seg = Segment.build_flat(slot_arr, lengths, terms, key=self._take_key())
        self._add_segments(st, [seg])

    def add_segments(self, segments: Sequence[Segment], dead: Iterable[int] = ()) -> None:
        """Install segments (as loaded from the store); `dead` slots are not live."""
        st = self._state
        for seg in segments:
            if self._slots_taken(st, seg.slots.astype(np.int64)):
                raise ValueError("document slot already in use")
            self._next_key = max(self._next_key, seg.key + 1)
        self._add_segments(st, list(segments), merge=False)
        dead_arr = np.asarray(sorted(set(dead)), dtype=np.int64)
        if len(dead_arr):
            live = self._state.live
            dead_arr = dead_arr[(dead_arr < len(live))]
            dead_arr = dead_arr[live[dead_arr]]
            self._forget(dead_arr, None)

    def _slots_taken(self, st: _State, slot_arr: np.ndarray) -> bool:
        if not st.segments or slot_arr.min() > max(seg.last for seg in st.segments):
            return False  # the common case: new slots above every stored one
        inside = slot_arr[slot_arr < len(st.live)]
        if not len(inside):
            return False
        if st.live[inside].any():
            return True
        # a removed slot whose postings are still in a segment is not free either
        return bool(st.dead) and any(seg.holds(int(s)) for s in inside
                                     for seg in st.segments)

    def _take_key(self) -> int:
        key = self._next_key
        self._next_key += 1
        return key

    def _add_segments(self, st: _State, new: list[Segment], merge: bool = True) -> None:
        top = max((seg.last for seg in new), default=-1) + 1
        doc_len, live = st.doc_len, st.live
        if top > len(live):
            grow = max(top, int(len(live) * 1.5))
            doc_len, live = _grown(doc_len, grow), _grown(live, grow)
        df = st.df
        top_term = max((int(seg.terms[-1]) + 1 for seg in new if len(seg.terms)), default=0)
        df = _grown(df, max(top_term, int(len(df) * 1.5))) if top_term > len(df) else df.copy()
        n_docs, total_len = st.n_docs, st.total_len
        for seg in new:
            doc_len[seg.slots] = seg.lengths
            live[seg.slots] = True
            df[seg.terms] += np.diff(seg.indptr)
            n_docs += len(seg.slots)
            total_len += float(seg.lengths.sum())
        segments = (*st.segments, *new)
        if merge:
            segments = self._merge_policy(segments, live)
        dead = self._count_dead(segments, live) if st.dead else 0
        self._state = _State(segments, doc_len, live, df, n_docs, total_len, dead,
                             st.generation + 1)

    @staticmethod
    def _count_dead(segments: Sequence[Segment], live: np.ndarray) -> int:
        return sum(int((~live[seg.slots]).sum()) for seg in segments)

    def _level(self, seg: Segment) -> int:
        return int(math.log(max(seg.size, 1), self.MERGE_FACTOR))

    def _merge_policy(self, segments: tuple[Segment, ...], live: np.ndarray
                      ) -> tuple[Segment, ...]:
        """Merge a tail of segments once MERGE_FACTOR of them share a size class."""
        segs = list(segments)
        while len(segs) > 1:
            levels = [self._level(s) for s in segs]
            start = None
            for level in sorted(set(levels)):
                j = len(segs)
                while j > 0 and levels[j - 1] <= level:
                    j -= 1
                if sum(1 for x in levels[j:] if x == level) >= self.MERGE_FACTOR:
                    start = j
                    break
            if start is None and len(segs) > self.MAX_SEGMENTS:
                # merge the adjacent pair that is cheapest to merge
                start = min(range(len(segs) - 1),
                            key=lambda i: segs[i].size + segs[i + 1].size)
                segs[start:start + 2] = [Segment.merge(segs[start:start + 2], live,
                                                       self._take_key())]
                continue
            if start is None:
                break
            segs[start:] = [Segment.merge(segs[start:], live, self._take_key())]
        return tuple(segs)

    def remove(self, slots: Iterable[int], docs: Sequence[Sequence[int] | np.ndarray]) -> None:
        """Forget documents; their term arrays are needed to correct document frequencies."""
        slot_arr = np.asarray(list(slots), dtype=np.int64)
        if not len(slot_arr):
            return
        self._forget(slot_arr, [np.asarray(d, dtype=np.int64) for d in docs])

    def _forget(self, slot_arr: np.ndarray, docs: list[np.ndarray] | None) -> None:
        st = self._state
        live = st.live.copy()
        live[slot_arr] = False
        df = st.df.copy()
        if docs is not None:
            uniq = [np.unique(d) for d in docs]
            terms = np.concatenate(uniq) if uniq else np.zeros(0, np.int64)
            np.subtract.at(df, terms, 1)
        else:  # read the documents' terms back from the postings
            gone = np.zeros(len(live), dtype=bool)
            gone[slot_arr] = True
            for seg in st.segments:
                hit = gone[seg.doc_ids]
                if hit.any():
                    term_idx = np.repeat(np.arange(len(seg.terms)), np.diff(seg.indptr))
                    np.subtract.at(df, seg.terms[term_idx[hit]], 1)
        self._state = _State(st.segments, st.doc_len, live, df, st.n_docs - len(slot_arr),
                             st.total_len - float(st.doc_len[slot_arr].sum()),
                             st.dead + len(slot_arr), st.generation + 1)

    def compact(self) -> None:
        st = self._state
        if len(st.segments) == 1 and not st.dead:
            return
        merged = Segment.merge(st.segments, st.live, self._take_key()) if st.segments else None
        self._state = _State((merged,) if merged is not None else (), st.doc_len, st.live,
                             st.df, st.n_docs, st.total_len, 0, st.generation + 1)

    # -- statistics ---------------------------------------------------------------------
    @property
    def avgdl(self) -> float:
        st = self._state
        return st.total_len / st.n_docs if st.n_docs else 0.0

    def _average_idf(self, st: _State) -> float:
        cached = self._avg_idf
        if cached is not None and cached[0] == st.generation:
            return cached[1]
        present = st.df[st.df > 0]
        raw = np.log(st.n_docs - present + 0.5) - np.log(present + 0.5)
        value = math.fsum(raw.tolist()) / len(present) if len(present) else 0.0
        self._avg_idf = (st.generation, value)
        return value

    @property
    def average_idf(self) -> float:
        return self._average_idf(self._state)

    def _idf(self, st: _State, term: int) -> float:
        if term < 0 or term >= len(st.df):
            return 0.0
        df = int(st.df[term])
        if df <= 0:
            return 0.0
        value = math.log(st.n_docs - df + 0.5) - math.log(df + 0.5)
        if value < 0:
            return self.params.epsilon * self._average_idf(st)
        return value

    def idf(self, term: int) -> float:
        """rank_bm25's idf: negative values are replaced by epsilon times the average idf."""
        return self._idf(self._state, term)

    def max_idf(self) -> float:
        """The idf a term found in no document would have: used to weigh unknown words."""
        n = self._state.n_docs
        return float(np.log(n + 0.5) - np.log(0.5)) if n else 0.0

    def _norms(self, st: _State) -> np.ndarray:
        """k1 * (1 - b + b * dl / avgdl) for every slot, as rank_bm25 computes it."""
        cached = self._norm
        if cached is not None and cached[0] == st.generation:
            return cached[1]
        with self._cache_lock:
            cached = self._norm
            if cached is not None and cached[0] == st.generation:
                return cached[1]
            k1, b = self.params.k1, self.params.b
            avgdl = st.total_len / st.n_docs if st.n_docs else 1.0
            norm = k1 * (1 - b + b * st.doc_len / avgdl)
            self._norm = (st.generation, norm)
            return norm

    def _buffers_for(self, size: int) -> tuple[np.ndarray, np.ndarray]:
        local = self._buffers
        acc = getattr(local, "acc", None)
        if acc is None or len(acc) < size:
            local.acc = acc = np.zeros(size, dtype=np.float64)
            local.stamp = np.zeros(size, dtype=np.int64)
        return acc, local.stamp

    # -- scoring ------------------------------------------------------------------------
    def _candidates(self, query: Sequence[int], unique: bool = True
                    ) -> tuple[np.ndarray, np.ndarray, int]:
        """(slots, scores, copies) of every live document holding a query term, in no
        order. Unless `unique`, a slot may appear up to `copies` times (same score)."""
        st = self._state
        if not st.n_docs:
            return np.zeros(0, np.int64), np.zeros(0, np.float64), 1
        touched: list[np.ndarray] = []
        try:
            return self._accumulate(st, query, touched, unique)
        except BaseException:
            if touched:  # leave the reusable buffer clean
                self._buffers_for(len(st.live))[0].fill(0.0)
            raise

    def _term_scores(self, st: _State, term: int) -> tuple[np.ndarray, np.ndarray] | None:
        """(slots, idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl / avgdl))) of a term.

        Cached for the corpus generation (within a memory budget): words recur in
        questions, and their scores only change when the corpus does.
        """
        if term < 0 or term >= len(st.df) or st.df[term] <= 0:
            return None
        cache = self._score_cache
        if cache[0] != st.generation:
            with self._cache_lock:
                if self._score_cache[0] != st.generation:
                    self._score_cache = (st.generation, {}, [0])
                cache = self._score_cache
        hit = cache[1].get(term)
        if hit is not None:
            return hit
        parts = [seg.postings(term) for seg in st.segments]
        parts = [p for p in parts if len(p[0])]
        if not parts:
            return None
        ids = parts[0][0] if len(parts) == 1 else np.concatenate([p[0] for p in parts])
        tf = (parts[0][1] if len(parts) == 1 else np.concatenate([p[1] for p in parts])
              ).astype(np.float64)
        # rank_bm25's expression, operation for operation, so the same floating point
        scores = self._idf(st, term) * (tf * (self.params.k1 + 1)
                                        / (tf + self._norms(st).take(ids)))
        scores.flags.writeable = False
        if cache[2][0] + len(ids) <= self.CACHE_MAX_POSTINGS:
            cache[1][term] = (ids, scores)
            cache[2][0] += len(ids)
        return ids, scores

    def _accumulate(self, st: _State, query: Sequence[int], touched: list[np.ndarray],
                    unique: bool) -> tuple[np.ndarray, np.ndarray, int]:
        # rank_bm25 adds each query word's score in query order (a repeated word counts
        # again): the same additions in the same order give the same floating point.
        lists = [got for term in query if (got := self._term_scores(st, term)) is not None]
        if not lists:
            return np.zeros(0, np.int64), np.zeros(0, np.float64), 1
        copies = 1
        if len(lists) == 1:  # nothing to add up
            cand, scores = lists[0]
        else:
            acc, stamp = self._buffers_for(len(st.live))
            touched.append(lists[0][0])
            acc[lists[0][0]] = lists[0][1]  # the buffer is all zeros: 0 + x is x
            for ids, part in lists[1:]:
                touched.append(ids)
                acc[ids] += part
            cand = np.concatenate(touched)
            if unique:
                order = np.arange(len(cand), dtype=np.int64)
                stamp[cand] = order
                cand = cand[stamp[cand] == order]  # each slot once
            else:
                copies = len(touched)
            scores = acc.take(cand)
            acc[cand] = 0.0
        if st.dead:
            keep = st.live[cand]
            cand, scores = cand[keep], scores[keep]
        return cand, scores, copies

    def scores(self, query: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
        """(slots, scores) of every live document that holds a query term, by slot."""
        slots, scores, _ = self._candidates(query)
        order = np.argsort(slots, kind="stable")
        return slots[order].astype(np.int64), scores[order]

    def top(self, query: Sequence[int], k: int) -> list[tuple[int, float]]:
        """The k best (slot, score) pairs, best first; ties broken by slot order."""
        if k <= 0:
            return []
        slots, scores, copies = self._candidates(query, unique=False)
        if not len(slots):
            return []
        # A slot appears at most `copies` times, always with its one score. The (k *
        # copies)-th best entry is then no better than the k-th best document, so the
        # entries at least as good hold the k best documents and every tie at the cut.
        cut = k * copies
        if len(slots) > cut:
            kth = np.partition(scores, len(scores) - cut)[len(scores) - cut]
            keep = np.flatnonzero(scores >= kth)
            slots, scores = slots[keep], scores[keep]
        if copies > 1:
            slots, first = np.unique(slots, return_index=True)
            scores = scores[first]
        order = np.lexsort((slots, -scores))[:k]
        return [(int(slots[i]), float(scores[i])) for i in order]

    def top_groups(self, singles: Sequence[int], groups: Sequence[Sequence[int]], k: int
                   ) -> list[tuple[int, float]]:
        """The k best (slot, score) pairs, best first, ties by slot, for a query whose
        `singles` count as plain BM25 terms and each of whose `groups` is a synonym group:
        a document gets max(0, its best spelling's score) for it. The sum runs singles in
        order, then groups in order (the order the answer path always used)."""
        if k <= 0:
            return []
        st = self._state
        if not st.n_docs:
            return []
        pruned = self._top_pruned(st, [[t] for t in singles] + [list(g) for g in groups], k)
        if pruned is not None:
            return pruned
        lists = [got for term in singles if (got := self._term_scores(st, term)) is not None]
        group_lists = []
        for group in groups:
            got = [x for t in group if (x := self._term_scores(st, t)) is not None]
            if got:
                group_lists.append(got)
        if not group_lists:
            return self.top(singles, k) if lists else []
        cand, scores = self._unit_sums(st, lists, group_lists)
        return _best_k(cand, scores, k)

    def _unit_sums(self, st: _State, lists: list[tuple[np.ndarray, np.ndarray]],
                   group_lists: list[list[tuple[np.ndarray, np.ndarray]]]
                   ) -> tuple[np.ndarray, np.ndarray]:
        """(slots, scores) of every live passage holding a term: the `lists` (a term's
        slots and scores) added in order, then each group's max(0, best spelling)."""
        acc, stamp = self._buffers_for(len(st.live))
        best = self._best_buffer(len(st.live))
        touched: list[np.ndarray] = []
        try:
            for j, (ids, part) in enumerate(lists):
                touched.append(ids)
                if j == 0:
                    acc[ids] = part  # the buffer is all zeros: 0 + x is x
                else:
                    acc[ids] += part
            for got in group_lists:
                if len(got) == 1 and len(got[0][1]) and got[0][1].min() >= 0:
                    ids, part = got[0]  # max(0, its only spelling's score): the score
                    touched.append(ids)
                    acc[ids] += part
                    continue
                for ids, part in got:
                    best[ids] = np.maximum(best.take(ids), part)
                for ids, _ in got:  # each slot's best added once: 0 once reset
                    touched.append(ids)
                    acc[ids] += best.take(ids)
                    best[ids] = 0.0
            cand = _each_once(stamp, np.concatenate(touched))
            scores = acc.take(cand)
            acc[cand] = 0.0
        except BaseException:
            acc.fill(0.0)
            best.fill(0.0)
            raise
        if st.dead:
            keep = st.live[cand]
            cand, scores = cand[keep], scores[keep]
        return cand, scores

    # -- rank-exact pruning (MaxScore) ------------------------------------------------------
    PRUNE_MIN_POSTINGS = 1 << 17  # below this many postings the dense sum is as cheap
    PRUNE_MAX_CANDIDATES = 1 << 15  # candidates the pruned path scores exactly, at most
    PRUNE_REFINED_ENOUGH = 1 << 11  # candidates few enough to score exactly at once
    PRUNE_MAX_FIRST = 1 << 17  # postings of the rarest spelling, for the threshold
    PRUNE_POOL = 1 << 14  # postings of the rarer spellings summed for the threshold
    PRUNE_POOL_EXACT = 4  # times k of their best passages scored exactly for it
    # A term's scores at some passages are read from the dense buffer (all its postings
    # laid out) when it has at most this many postings per passage asked, else searched.
    # top_groups at 1M passages over the benchmark's 300 questions twice (in process, on
    # the same calls): 4 took 1,517 ms where 1 took 1,656; 16 was no better than 1
    DENSE_POSTINGS = 4

    def _top_pruned(self, st: _State, units: list[list[int]], k: int
                    ) -> list[tuple[int, float]] | None:
        """`top_groups` without reading the long postings of frequent words, or None when
        the bounds do not allow it (the caller then sums every posting). MaxScore:

        1. A threshold the k-th best score reaches (`_threshold`); each spelling's bound is
           the most it adds (`_bound`).
        2. The spellings whose bounds add up (a unit counting its best one) to less than
           the threshold are left out: a passage holding none of the others scores less.
        3. The passages of the others whose score there plus those bounds reach the
           threshold are candidates; the left-out spellings' scores at them replace their
           bounds, best bound first, dropping the candidates that can no longer reach it.
        4. The rest are scored exactly (every unit, in query order: the full sum's
           floating point), and the top k taken from them.
        """
        known = [[t for t in unit if 0 <= t < len(st.df) and st.df[t] > 0] for unit in units]
        known = [unit for unit in known if unit]
        if len(known) < 2 or sum(int(st.df[t]) for unit in known for t in unit
                                  ) <= self.PRUNE_MIN_POSTINGS:
            return None  # summing every posting is as cheap
        owner = {t: u for u, unit in enumerate(known) for t in unit}
        if len(owner) < sum(map(len, known)):
            return None  # a word asked twice: its bound would count once
        bound = {t: self._bound(st, t) for t in owner}
        if min(bound.values()) <= 0:  # idf below zero (rank_bm25's epsilon)
            return None
        by_bound = sorted(owner, key=lambda t: -bound[t])
        kth = self._threshold(st, known, k)
        if kth <= 0:
            return None
        left: list[int] = []  # left-out spellings, lowest bound first
        taken = list(by_bound)  # best bound first
        while len(taken) > 1:
            if _rest(left + taken[-1:], owner, bound) * (1 + 1e-9) >= kth:
                break
            left.append(taken.pop())
        if not left:
            return None
        # the taken spellings' scores summed (at least their unit's best) plus the rest's
        # bounds: no less than a passage's score
        cand, upper = self._sum_of(st, taken)
        if st.dead:
            alive = st.live[cand]
            cand, upper = cand[alive], upper[alive]
        kth = max(kth, self._kth_exact(st, known, cand, upper, k))
        keep = (upper + _rest(left, owner, bound)) * (1 + 1e-9) >= kth
        cand, upper = cand[keep], upper[keep]
        while left and len(cand) > self.PRUNE_REFINED_ENOUGH:
            upper = upper + self._scores_among(st, left.pop(), cand)  # best bound first
            keep = (upper + _rest(left, owner, bound)) * (1 + 1e-9) >= kth
            cand, upper = cand[keep], upper[keep]
        if len(cand) > self.PRUNE_MAX_CANDIDATES or len(cand) < k:
            return None
        cand = np.sort(cand)
        return _best_k(cand, self._exact_at(st, known, cand), k)

    def _threshold(self, st: _State, known: list[list[int]], k: int) -> float:
        """A score the k-th best passage reaches, 0 when none is found cheaply: the rarer
        spellings' passages (PRUNE_POOL postings; at least the rarest spelling's) ranked by
        their score from those spellings alone (no more than their whole score), and the
        PRUNE_POOL_EXACT * k best of them scored exactly: the k-th of those. A related
        word's rare form, or the question's rarest word, holds the best passages."""
        pool: set[int] = set()
        total = 0
        for t in sorted((t for unit in known for t in unit), key=lambda t: int(st.df[t])):
            total += int(st.df[t])
            if total > (self.PRUNE_POOL if pool else self.PRUNE_MAX_FIRST):
                break
            pool.add(t)
        group_lists = [got for unit in known
                       if (got := [x for t in unit if t in pool
                                   and (x := self._term_scores(st, t)) is not None])]
        if not group_lists:
            return 0.0
        if len(pool) == 1:  # its own scores
            slots, lower = group_lists[0][0]
            if st.dead:
                slots, lower = slots[st.live[slots]], lower[st.live[slots]]
        else:
            slots, lower = self._unit_sums(st, [], group_lists)
        return self._kth_exact(st, known, slots, lower, k)

    def _kth_exact(self, st: _State, known: list[list[int]], slots: np.ndarray,
                   rough: np.ndarray, k: int) -> float:
        """The k-th best exact score among the PRUNE_POOL_EXACT * k live `slots` best by a
        `rough` score (0 when fewer than k): a score the query's k-th best reaches."""
        if len(slots) < k:
            return 0.0
        many = min(len(slots), self.PRUNE_POOL_EXACT * k)
        slots = np.sort(slots[np.argpartition(rough, len(rough) - many)[len(rough) - many:]])
        scores = self._exact_at(st, known, slots)
        return float(np.partition(scores, len(scores) - k)[len(scores) - k])

    def _scores_among(self, st: _State, term: int, slots: np.ndarray) -> np.ndarray:
        """`term`'s score at each of `slots` (distinct, any order), 0 where a passage lacks
        it: its postings' scores laid into the dense buffer when they are few enough
        (DENSE_POSTINGS per slot), else each slot looked up in them."""
        if st.df[term] > self.DENSE_POSTINGS * len(slots):
            order = sort_order(slots)
            out = np.empty(len(slots), np.float64)
            out[order] = self._scores_at(st, term, slots[order])
            return out
        return self._scores_sorted(st, term, slots)  # laid out densely: any order

    def _exact_at(self, st: _State, units: list[list[int]], slots: np.ndarray) -> np.ndarray:
        """The query's score at each of `slots` (sorted): every unit in query order, a
        group's best spelling, so the same floating point as the full sum."""
        scores = np.zeros(len(slots), np.float64)
        for unit in units:
            best = self._scores_sorted(st, unit[0], slots)
            for t in unit[1:]:
                best = np.maximum(best, self._scores_sorted(st, t, slots))
            scores += best
        return scores

    def _scores_sorted(self, st: _State, term: int, slots: np.ndarray) -> np.ndarray:
        """`_scores_at` of `slots` (sorted, unless the term has at most DENSE_POSTINGS
        postings per slot): then its scores are laid into the dense buffer and read at the
        slots (a search per slot costs more), else searched; the same values either way."""
        if st.df[term] > self.DENSE_POSTINGS * len(slots):
            return self._scores_at(st, term, slots)
        got = self._term_scores(st, term)
        if got is None:
            return np.zeros(len(slots), np.float64)
        ids, part = got
        acc, _ = self._buffers_for(len(st.live))
        try:
            acc[ids] = part
            out = acc.take(slots)
        finally:
            acc[ids] = 0.0
        return out

    def _sum_of(self, st: _State, terms: list[int]) -> tuple[np.ndarray, np.ndarray]:
        """(slots, sum of `terms`' scores) of every passage holding one of `terms`."""
        lists = [got for t in terms if (got := self._term_scores(st, t)) is not None]
        if len(lists) == 1:
            return lists[0]
        acc, stamp = self._buffers_for(len(st.live))
        try:
            for ids, part in lists:
                acc[ids] += part
            ids = _each_once(stamp, np.concatenate([ids for ids, _ in lists]))  # any order
            sums = acc.take(ids)
            acc[ids] = 0.0
        except BaseException:
            acc.fill(0.0)
            raise
        return ids, sums

    def _bound(self, st: _State, term: int) -> float:
        """The most `term` adds to any passage's score: its idf with its highest term
        frequency over the shortest passage's length normalisation. Every operation is
        monotone, so no passage's floating-point score of the term exceeds it. Kept for
        the corpus generation (a question's words recur)."""
        cache = self._bounds
        if cache[0] != st.generation:
            self._bounds = cache = (st.generation, {})
        got = cache[1].get(term)
        if got is None:
            tf = float(max(int(tfs.max()) for seg in st.segments
                           if len(tfs := seg.postings(term)[1])))
            got = self._idf(st, term) * (tf * (self.params.k1 + 1) / (tf + self._norm_min(st)))
            cache[1][term] = got
        return got

    def _norm_min(self, st: _State) -> float:
        norms = self._norms(st)
        cached = self._norm_floor
        if cached is None or cached[0] is not norms:
            held = norms[st.doc_len > 0]
            self._norm_floor = cached = (norms, float(held.min()) if len(held) else 0.0)
        return cached[1]

    def _scores_at(self, st: _State, term: int, slots: np.ndarray) -> np.ndarray:
        """`term`'s score at each of `slots` (sorted), 0 where a passage lacks it: the same
        expression as `_term_scores`, so the same floating point (read from its cached
        scores when they are kept and the segments hold ascending slots)."""
        cache = self._score_cache
        known = cache[1].get(term) if cache[0] == st.generation else None
        if known is not None and all(a.last < b.first for a, b in itertools.pairwise(st.segments)):
            # its scores, by slot: one search
            ids, scores = known
            at = ids.searchsorted(slots.astype(ids.dtype))
            at[at == len(ids)] = 0
            return np.where(ids[at] == slots, scores[at], 0.0)
        out = np.zeros(len(slots), np.float64)
        norms = self._norms(st)
        idf = self._idf(st, term)
        k1 = self.params.k1
        for seg in st.segments:
            ids, tfs = seg.postings(term)
            if not len(ids):
                continue
            lo, hi = slots.searchsorted((ids[0], ids[-1] + 1))  # the segment's own slots
            if lo == hi:
                continue
            at = ids.searchsorted(slots[lo:hi].astype(ids.dtype))
            at[at == len(ids)] = 0
            inside = np.flatnonzero(ids[at] == slots[lo:hi])
            if len(inside):
                at, inside = at[inside], inside + lo
                tf = tfs[at].astype(np.float64)
                out[inside] = idf * (tf * (k1 + 1) / (tf + norms.take(slots[inside])))
        return out

    def _best_buffer(self, size: int) -> np.ndarray:
        local = self._buffers
        best = getattr(local, "best", None)
        if best is None or len(best) < size:
            local.best = best = np.zeros(size, dtype=np.float64)
        return best


def _each_once(stamp: np.ndarray, slots: np.ndarray) -> np.ndarray:
    """`slots` with each slot once (its last occurrence kept, in no sorted order): each
    position written into the slot's cell of `stamp` (a buffer as long as the slots
    reach; its contents are never read before written), the positions that survive
    kept. Linear, where a sort of millions of postings is not."""
    order = np.arange(len(slots), dtype=np.int64)
    stamp[slots] = order
    return slots[stamp[slots] == order]


def _best_k(slots: np.ndarray, scores: np.ndarray, k: int) -> list[tuple[int, float]]:
    """The k best (slot, score) pairs of distinct `slots`, best first, ties by slot."""
    if len(slots) > k:
        kth = np.partition(scores, len(scores) - k)[len(scores) - k]
        keep = np.flatnonzero(scores >= kth)
        slots, scores = slots[keep], scores[keep]
    order = np.lexsort((slots, -scores))[:k]
    return [(int(slots[i]), float(scores[i])) for i in order]


def _rest(left: list[int], owner: dict[int, int], bound: dict[int, float]) -> float:
    """The most the `left` spellings add to a passage: each unit's best bound among them,
    summed."""
    best: dict[int, float] = {}
    for t in left:
        best[owner[t]] = max(best.get(owner[t], 0.0), bound[t])
    return math.fsum(best.values())


def _grown(array: np.ndarray, size: int) -> np.ndarray:
    out = np.zeros(size, dtype=array.dtype)
    out[: len(array)] = array
    return out
