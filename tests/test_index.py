"""The postings index gives rank_bm25.BM25Okapi's scores, however the corpus was built."""

from __future__ import annotations

import itertools
import random

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rank_bm25 import BM25Okapi

from retrieval.index import BM25Index, BM25Params, sort_order, unique_inverse

PARAMS = [
    BM25Params(),
    BM25Params(k1=1.2, b=0.75, epsilon=0.25),
    BM25Params(k1=0.9, b=0.4, epsilon=0.1),
    BM25Params(k1=2.0, b=1.0, epsilon=0.5),
    BM25Params(k1=1.5, b=0.0, epsilon=0.0),
]

# Small vocabularies so that many terms sit in more than half the documents
# (negative idf, replaced by epsilon * average idf) and repeat within documents.
docs_strategy = st.lists(
    st.lists(st.integers(0, 12), min_size=0, max_size=12), min_size=1, max_size=25
).filter(lambda docs: any(docs))  # rank_bm25 divides by the average length
query_strategy = st.lists(st.integers(0, 16), min_size=1, max_size=6)  # 13..16 unknown
params_strategy = st.sampled_from(PARAMS)
SETTINGS = settings(max_examples=60, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.filter_too_much])


def reference(docs: list[list[int]], query: list[int], params: BM25Params) -> np.ndarray:
    """rank_bm25's scores; its 0/0 for an empty document when b = 1 means "no match": 0."""
    with np.errstate(invalid="ignore", divide="ignore"):
        scores = BM25Okapi(docs, k1=params.k1, b=params.b, epsilon=params.epsilon
                           ).get_scores(query)
    return np.nan_to_num(scores, nan=0.0)


def dense(index: BM25Index, query: list[int], slots: list[int]) -> np.ndarray:
    """The index's scores for the given slots, zero where a document holds no query term."""
    got_slots, got_scores = index.scores(query)
    by_slot = dict(zip(got_slots.tolist(), got_scores.tolist(), strict=True))
    return np.array([by_slot.get(s, 0.0) for s in slots])


def built(docs: list[list[int]], params: BM25Params, slots: list[int] | None = None
          ) -> BM25Index:
    index = BM25Index(params)
    index.add(slots if slots is not None else list(range(len(docs))), docs)
    return index


def assert_same(got: np.ndarray, want: np.ndarray) -> None:
    np.testing.assert_allclose(got, want, rtol=1e-9, atol=1e-12)


@SETTINGS
@given(docs=docs_strategy, query=query_strategy, params=params_strategy)
def test_scores_equal_rank_bm25(docs, query, params):
    index = built(docs, params)
    assert_same(dense(index, query, list(range(len(docs)))), reference(docs, query, params))


@SETTINGS
@given(docs=docs_strategy, query=query_strategy, params=params_strategy,
       cuts=st.lists(st.integers(0, 25), max_size=12))
def test_adding_in_batches_equals_one_build(docs, query, params, cuts):
    index = BM25Index(params)
    bounds = sorted({0, len(docs), *(c for c in cuts if c < len(docs))})
    for lo, hi in itertools.pairwise(bounds):
        index.add(list(range(lo, hi)), docs[lo:hi])
    assert_same(dense(index, query, list(range(len(docs)))), reference(docs, query, params))


@SETTINGS
@given(docs=docs_strategy, query=query_strategy, params=params_strategy, data=st.data())
def test_removing_equals_fresh_build_of_the_rest(docs, query, params, data):
    index = BM25Index(params)
    half = len(docs) // 2
    index.add(list(range(half)), docs[:half])
    index.add(list(range(half, len(docs))), docs[half:])
    gone = data.draw(st.sets(st.integers(0, len(docs) - 1), max_size=len(docs) - 1))
    keep = [i for i in range(len(docs)) if i not in gone]
    remaining = [docs[i] for i in keep]
    if not any(remaining):
        return  # rank_bm25 cannot score a corpus with no words
    index.remove(sorted(gone), [docs[i] for i in sorted(gone)])
    want = reference(remaining, query, params)
    assert_same(dense(index, query, keep), want)
    removed_slots, _ = index.scores(query)
    assert not set(removed_slots.tolist()) & gone, "a removed document is still scored"
    index.compact()
    assert_same(dense(index, query, keep), want)


def test_epsilon_rule_applies_to_terms_in_most_documents():
    # term 0 is in every document: negative raw idf, so epsilon * average idf is used.
    docs = [[0, 1], [0, 2], [0, 3], [0, 0, 4], []]
    for params in PARAMS:
        index = built(docs, params)
        assert np.log(5 - 4 + 0.5) - np.log(4 + 0.5) < 0
        assert index.idf(0) == pytest.approx(params.epsilon * index.average_idf)
        assert_same(dense(index, [0], list(range(5))), reference(docs, [0], params))


def test_repeated_and_unknown_query_terms():
    docs = [[1, 2, 3], [2, 2, 5], [7], [1, 1, 1, 9], [3, 4]]
    for query in ([2, 2], [1, 1, 1, 2], [99], [99, 1, 99], [-1, 3]):
        index = built(docs, BM25Params())
        want = reference(docs, [q for q in query if q >= 0], BM25Params())
        assert_same(dense(index, query, list(range(len(docs)))), want)
    assert built(docs, BM25Params()).top([99, 100], 5) == []


def test_slots_need_not_be_contiguous():
    docs = [[1, 2], [2, 3, 3], [4], [1, 4, 4, 5]]
    slots = [7, 3, 40, 12]
    index = built(docs, BM25Params(), slots)
    assert_same(dense(index, [1, 3, 4], slots), reference(docs, [1, 3, 4], BM25Params()))


def test_a_used_slot_is_refused():
    index = built([[1, 2], [3]], BM25Params())
    with pytest.raises(ValueError):
        index.add([1], [[4]])


def test_top_is_best_first_and_respects_k():
    rng = random.Random(7)
    docs = [[rng.randrange(30) for _ in range(rng.randrange(1, 15))] for _ in range(200)]
    index = built(docs, BM25Params())
    query = [3, 5, 5, 11, 29]
    want = reference(docs, query, BM25Params())
    for k in (1, 3, 10, 500):
        top = index.top(query, k)
        matching = int((want != 0).sum())
        assert len(top) == min(k, matching)
        scores = [score for _, score in top]
        assert scores == sorted(scores, reverse=True)
        # the k best really are the k best of rank_bm25's scores
        assert_same(np.array(scores), np.sort(want[want != 0])[::-1][: len(top)])
        for slot, score in top:
            assert score == pytest.approx(want[slot])
    assert index.top(query, 0) == []


def test_top_breaks_ties_by_slot_order():
    # identical documents score the same; the lower slot comes first, also at the cut-off
    index = built([[1, 2]] * 6 + [[1]], BM25Params())
    assert [slot for slot, _ in index.top([2], 3)] == [0, 1, 2]
    assert [slot for slot, _ in index.top([2], 10)] == [0, 1, 2, 3, 4, 5]


def test_many_batches_compact_and_keep_scores():
    rng = random.Random(3)
    docs = [[rng.randrange(20) for _ in range(rng.randrange(0, 10))] for _ in range(120)]
    docs[0] = [1, 2, 3]
    index = BM25Index(BM25Params())
    for lo in range(0, 120, 5):  # 24 batches: more than MAX_SEGMENTS, so merges happen
        index.add(list(range(lo, lo + 5)), docs[lo:lo + 5])
    assert len(index.segments) <= BM25Index.MAX_SEGMENTS
    query = [0, 1, 7, 7, 19]
    assert_same(dense(index, query, list(range(120))), reference(docs, query, BM25Params()))
    gone = list(range(0, 120, 3))
    index.remove(gone, [docs[i] for i in gone])
    keep = [i for i in range(120) if i % 3]
    index.compact()
    assert len(index.segments) == 1
    assert_same(dense(index, query, keep), reference([docs[i] for i in keep], query,
                                                     BM25Params()))
    # documents added after the merge are scored too, with the statistics of the whole
    index.add([500, 501], [[7, 7, 1], [19]])
    keep_docs = [docs[i] for i in keep] + [[7, 7, 1], [19]]
    assert_same(dense(index, query, [*keep, 500, 501]),
                reference(keep_docs, query, BM25Params()))


def reloaded(index: BM25Index) -> BM25Index:
    """The index as the store saves and loads it: its segments plus the removed slots."""
    copy = BM25Index(index.params)
    live = index.live
    dead = [int(s) for seg in index.segments for s in seg.slots[~live[seg.slots]]]
    copy.add_segments(index.segments, dead)
    return copy


operations = st.lists(st.one_of(
    st.tuples(st.just("add"), st.lists(st.lists(st.integers(0, 12), max_size=10),
                                       min_size=1, max_size=9)),
    st.tuples(st.just("remove"), st.lists(st.integers(0, 10_000), min_size=1, max_size=4)),
    st.tuples(st.just("compact"), st.none()),
    st.tuples(st.just("reload"), st.none()),
), min_size=1, max_size=25)


@settings(max_examples=30, deadline=None, database=None)
@given(ops=operations, query=query_strategy, params=params_strategy)
def test_any_history_of_changes_scores_like_a_fresh_build(ops, query, params):
    """Ingests, replaces, merges and reloads in any order: always rank_bm25's scores."""
    index = BM25Index(params)
    corpus: dict[int, list[int]] = {}  # live slot -> document
    next_slot = 0
    for op, arg in ops:
        if op == "add":
            slots = list(range(next_slot, next_slot + len(arg)))
            next_slot += len(arg) + 1  # slots are never reused, and may leave gaps
            index.add(slots, arg)
            corpus.update(zip(slots, arg, strict=True))
        elif op == "remove" and corpus:
            live = sorted(corpus)
            gone = sorted({live[i % len(live)] for i in arg})
            index.remove(gone, [corpus.pop(s) for s in gone])
        elif op == "compact":
            index.compact()
        elif op == "reload":
            index = reloaded(index)
        slots = sorted(corpus)
        if any(corpus.values()):
            assert_same(dense(index, query, slots),
                        reference([corpus[s] for s in slots], query, params))
            held, scores = index.scores(query)
            best = sorted(zip(held.tolist(), scores.tolist(), strict=True),
                          key=lambda pair: (-pair[1], pair[0]))[:3]
            assert [s for s, _ in index.top(query, 3)] == [s for s, _ in best]


def test_long_postings_lists_score_right_before_and_after_changes():
    """Terms in thousands of documents (the cached-weights path) and huge frequencies."""
    rng = random.Random(11)
    docs = [[0, *(rng.randrange(1, 40) for _ in range(rng.randrange(0, 12)))]
            for _ in range(6000)]
    docs[5] = [7] * 70_000 + [0]  # a frequency too big for 16 bits
    index = BM25Index(BM25Params())
    for lo in range(0, 6000, 1500):
        index.add(list(range(lo, lo + 1500)), docs[lo:lo + 1500])
    queries = ([0], [0, 7], [3, 0, 0], [7, 7, 39])
    for query in queries:
        assert_same(dense(index, query, list(range(6000))),
                    reference(docs, query, BM25Params()))
    # change the corpus after those queries: nothing cached may survive the change
    gone = list(range(0, 6000, 4))
    index.remove(gone, [docs[i] for i in gone])
    index.add(list(range(6000, 6100)), [[0, 7, 7]] * 100)
    slots = [i for i in range(6000) if i % 4] + list(range(6000, 6100))
    corpus = [docs[i] for i in range(6000) if i % 4] + [[0, 7, 7]] * 100
    for query in queries:
        assert_same(dense(index, query, slots), reference(corpus, query, BM25Params()))
        assert_same(dense(reloaded(index), query, slots),
                    reference(corpus, query, BM25Params()))


@given(st.lists(st.one_of(st.integers(0, 50), st.integers(0, 2**62)), max_size=300))
def test_sort_order_and_unique_inverse_are_numpys(values: list[int]) -> None:
    """The packed sort the answer path uses (grouping's near forms) orders ties by position
    and numbers distinct values as numpy does, small keys and keys too big to pack alike."""
    keys = np.array(values, np.int64)
    assert sort_order(keys).tolist() == np.argsort(keys, kind="stable").tolist()
    distinct, inverse = unique_inverse(keys)
    want_distinct, want_inverse = np.unique(keys, return_inverse=True)
    assert distinct.tolist() == want_distinct.tolist()
    assert inverse.tolist() == want_inverse.tolist()
