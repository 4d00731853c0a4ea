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
