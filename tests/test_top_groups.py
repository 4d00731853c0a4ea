"""The answer path's synonym-group top-k equals summing every matching passage's scores."""

from __future__ import annotations

import numpy as np

from retrieval.index import BM25Index


def reference(index: BM25Index, singles: list[int], groups: list[list[int]], k: int
              ) -> list[tuple[int, float]]:
    """What `Marsad._top` computed before: every matching passage, then np.unique."""
    parts = [index.scores(singles)] if singles else []
    for group in groups:
        per = [index.scores([t]) for t in group]
        slots = np.concatenate([p[0] for p in per])
        if len(slots):
            uniq, inv = np.unique(slots, return_inverse=True)
            best = np.zeros(len(uniq))
            np.maximum.at(best, inv, np.concatenate([p[1] for p in per]))
            parts.append((uniq, best))
    parts = [p for p in parts if len(p[0])]
    if not parts:
        return []
    slots = np.concatenate([p[0] for p in parts])
    uniq, inv = np.unique(slots, return_inverse=True)
    total = np.zeros(len(uniq))
    np.add.at(total, inv, np.concatenate([p[1] for p in parts]))
    order = np.lexsort((uniq, -total))[:k]
    return [(int(uniq[i]), float(total[i])) for i in order]


def test_top_groups_equals_the_exhaustive_sum():
    rng = np.random.default_rng(3)
    index = BM25Index()
    for lo in range(0, 6000, 700):  # several segments, then some removed documents
        docs = [rng.integers(0, 400, rng.integers(3, 40)) for _ in range(700)]
        index.add(list(range(lo, lo + 700)), docs)
    gone = list(range(100, 160))
    index.remove(gone, [np.zeros(0, np.int64)] * len(gone))  # df drift is irrelevant here
    for _ in range(300):
        singles = [int(t) for t in rng.integers(-1, 450, rng.integers(0, 4)) if t >= 0]
        groups = [[int(t) for t in dict.fromkeys(rng.integers(0, 450, rng.integers(2, 5)))]
                  for _ in range(rng.integers(0, 3))]
        groups = [g for g in groups if len(g) > 1]
        k = int(rng.integers(1, 40))
        assert index.top_groups(singles, groups, k) == reference(index, singles, groups, k)


def test_pruning_frequent_words_keeps_the_exact_top():
    """News text: a few words in most passages, most words rare. The top k skips the long
    postings of the frequent words when their bounds allow it, and must still equal the
    exhaustive sum, ties and scores included."""
    rng = np.random.default_rng(11)
    index = BM25Index()
    index.PRUNE_MIN_POSTINGS = 0  # this corpus is small: prune whatever its size
    vocabulary = 3000
    docs = [np.minimum(rng.zipf(1.3, rng.integers(5, 60)), vocabulary) - 1
            for _ in range(20000)]
    for lo in range(0, 20000, 2500):
        index.add(list(range(lo, lo + 2500)), docs[lo:lo + 2500])
    index.remove(range(2000, 2600), docs[2000:2600])
    pruned = 0
    for _ in range(200):
        frequent = [int(t) for t in rng.integers(0, 8, rng.integers(0, 4))]
        rare = [int(t) for t in rng.integers(50, vocabulary, rng.integers(1, 4))]
        singles = list(rng.permutation(frequent + rare))
        groups = [[int(t) for t in dict.fromkeys(rng.integers(0, 400, rng.integers(2, 5)))]
                  for _ in range(rng.integers(0, 3))]
        groups = [g for g in groups if len(g) > 1]
        k = int(rng.integers(1, 50))
        expected = reference(index, singles, groups, k)
        assert index.top_groups(singles, groups, k) == expected
        pruned += index._top_pruned(index._state, [[t] for t in singles] + groups,
                                    k) is not None
    assert pruned > 100  # the bounds do cut most of these questions short


def test_groups_widened_with_frequent_related_words_are_still_pruned():
    """A question's words widened by related words (engine `_widened`): each unit a group
    of a rare spelling and a few frequent or middling ones, so the frequent ones' bounds
    add up past a single word's k-th score. The threshold from the exact scores of the
    rarest spellings' passages still leaves the frequent words out, and the top k equals
    the exhaustive sum."""
    rng = np.random.default_rng(5)
    index = BM25Index()
    index.PRUNE_MIN_POSTINGS = 0
    for limit in ("PRUNE_MAX_CANDIDATES", "PRUNE_REFINED_ENOUGH", "PRUNE_POOL",
                  "PRUNE_MAX_FIRST"):  # scaled to 30k passages of 1M
        setattr(index, limit, getattr(BM25Index, limit) // 32)
    vocabulary = 20000
    docs = [np.minimum(rng.zipf(1.2, rng.integers(5, 60)), vocabulary) - 1
            for _ in range(30000)]
    for lo in range(0, 30000, 5000):
        index.add(list(range(lo, lo + 5000)), docs[lo:lo + 5000])
    index.remove(range(7000, 7300), docs[7000:7300])
    pruned = asked = 0
    for _ in range(150):
        groups = []
        for _ in range(rng.integers(2, 5)):
            unit = [int(rng.integers(2000, vocabulary))]  # the question's own, rare word
            unit += [int(t) for t in rng.integers(0, 12, rng.integers(0, 3))]  # frequent
            unit += [int(t) for t in rng.integers(12, 300, rng.integers(0, 3))]  # middling
            groups.append(list(dict.fromkeys(unit)))
        if len({t for g in groups for t in g}) < sum(map(len, groups)):
            continue  # a word in two units: not pruned by design
        k = int(rng.integers(20, 40))
        singles = [g[0] for g in groups if len(g) == 1]
        groups = [g for g in groups if len(g) > 1]
        assert index.top_groups(singles, groups, k) == reference(index, singles, groups, k)
        asked += 1
        pruned += index._top_pruned(index._state, [[t] for t in singles] + groups,
                                    k) is not None
    assert asked > 100
    assert pruned > asked * 0.7  # the best-bound word's k-th alone as the bar: 28%


def test_pruning_over_segments_added_out_of_slot_order():
    """Passages added with lower slots after higher ones (segments not in slot order):
    scores looked up at candidates cannot come from one sorted array of a word's
    postings, and the pruned top k still equals the exhaustive sum."""
    rng = np.random.default_rng(17)
    index = BM25Index()
    index.PRUNE_MIN_POSTINGS = 0
    index.PRUNE_REFINED_ENOUGH = 16
    docs = [np.minimum(rng.zipf(1.3, rng.integers(5, 50)), 2000) - 1 for _ in range(12000)]
    for lo, n in ((4000, 8000), (0, 4000)):  # the newer segment holds the lower slots
        index.add(list(range(lo, lo + n)), docs[lo:lo + n])
    assert [seg.first for seg in index.segments] == [4000, 0]
    pruned = 0
    for _ in range(120):
        units = [[int(rng.integers(50, 2000)), *map(int, rng.integers(0, 10, 2))]
                 for _ in range(rng.integers(2, 4))]
        if len({t for u in units for t in u}) < sum(map(len, units)):
            continue
        k = int(rng.integers(5, 30))
        for _ in range(2):  # then again with every word's scores cached
            assert index.top_groups([], units, k) == reference(index, [], units, k)
        pruned += index._top_pruned(index._state, units, k) is not None
    assert pruned > 30  # 45: the bounds do cut these short


def test_a_terms_scores_at_passages_are_the_same_laid_out_densely_or_searched():
    """`_exact_at` reads a term with fewer postings than passages asked from the dense
    buffer, another by searching its postings: both give `_scores_at`'s values, bit for
    bit, cached or not, over several segments with removed documents."""
    rng = np.random.default_rng(5)
    index = BM25Index()
    for lo in range(0, 4000, 800):
        index.add(list(range(lo, lo + 800)),
                  [rng.integers(0, 300, rng.integers(3, 40)) for _ in range(800)])
    gone = list(range(900, 950))
    index.remove(gone, [np.zeros(0, np.int64)] * len(gone))
    st = index._state
    dense = 0
    for _ in range(200):
        term = int(rng.integers(0, 300))
        if st.df[term] <= 0:
            continue
        slots = np.unique(rng.integers(0, 4000, int(rng.integers(1, 3000))))
        want = index._scores_at(st, term, slots)
        dense += st.df[term] <= index.DENSE_POSTINGS * len(slots)
        assert np.array_equal(index._scores_sorted(st, term, slots), want)
        index._term_scores(st, term)  # cached from here on
        assert np.array_equal(index._scores_sorted(st, term, slots), want)
    assert dense > 50
