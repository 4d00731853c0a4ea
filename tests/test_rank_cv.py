"""The rerank's weight fit (benchmarks/rank_cv.py): it learns which signal puts the gold
paragraph first, and its folds never split an ARCD article between fit and test."""

from __future__ import annotations

import numpy as np
import pytest

from benchmarks.rank_cv import (
    BASE,
    RULES,
    SIGNALS,
    cv,
    figures,
    fit_listwise,
    folds_of,
    held_out,
    ranks,
)


def _lists(n: int, informative: str, seed: int = 0) -> list:
    """n questions of 10 candidates: the gold one leads on `informative` (with noise);
    every other fitted signal is noise, the rules kept at their weights (furniture, the
    answer-type, speaker, actor and means cues) are off, as they are on most questions."""
    rng = np.random.default_rng(seed)
    rows = []
    for q in range(n):
        x = rng.normal(size=(10, len(SIGNALS)))
        gold = np.zeros(10, bool)
        gold[rng.integers(10)] = True
        x[gold, SIGNALS.index(informative)] += 2.0
        x[:, list(RULES)] = 0.0
        rows.append((x, gold, f"article {q % 12}", f"q{q}"))
    return rows


@pytest.mark.parametrize("informative", ["stem_grams", "title", "exact"])
def test_the_fit_weighs_the_signal_that_puts_the_gold_first(informative: str) -> None:
    rows = _lists(120, informative)
    cols = [BASE.index(s) for s in ("bm25", "stem_grams", "word_grams", "exact", "title")]
    w = fit_listwise(rows, cols)
    assert w[SIGNALS.index(informative)] > 3 * max(
        abs(w[j]) for j in cols if j not in (SIGNALS.index(informative), BASE.index("bm25")))
    held_out = figures(cv(rows, 5, lambda train: fit_listwise(train, cols)))
    uniform = figures(ranks(rows, np.ones(len(SIGNALS))))
    assert held_out[0] > uniform[0] + 0.2  # P@1, on questions the fit never saw


def test_folds_keep_each_article_whole() -> None:
    rows = _lists(60, "title")
    fold = folds_of(rows, 5)
    by_article: dict[str, set[int]] = {}
    for row, f in zip(rows, fold, strict=True):
        by_article.setdefault(row[2], set()).add(int(f))
    assert all(len(f) == 1 for f in by_article.values())
    assert len(set(fold.tolist())) == 5


def test_each_fold_assignment_keeps_articles_whole_and_they_differ() -> None:
    """--repeats averages over several assignments of articles to folds: each keeps every
    article in one fold, and they are not all the same assignment."""
    rows = _lists(60, "title")
    assignments = [folds_of(rows, 5, seed) for seed in range(4)]
    for fold in assignments:
        by_article: dict[str, set[int]] = {}
        for row, f in zip(rows, fold, strict=True):
            by_article.setdefault(row[2], set()).add(int(f))
        assert all(len(f) == 1 for f in by_article.values())
    assert len({tuple(f.tolist()) for f in assignments}) > 1


def test_held_out_figures_average_over_repeats() -> None:
    rows = _lists(120, "exact", seed=3)
    cols = [BASE.index(s) for s in ("bm25", "stem_grams", "word_grams", "exact", "title")]
    runs = [figures(cv(rows, 5, lambda train: fit_listwise(train, cols), seed))
            for seed in range(3)]
    p1, mrr = held_out(rows, 5, cols, 3)
    assert p1 == pytest.approx(np.mean([p for p, _ in runs]))
    assert mrr == pytest.approx(np.mean([m for _, m in runs]))
    assert p1 > figures(ranks(rows, np.ones(len(SIGNALS))))[0] + 0.2
