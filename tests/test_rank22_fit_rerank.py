"""benchmarks/fit_rerank.py: the listwise fit over invented candidate sets recovers the
weight that puts the answering candidate first, and its cross-validation holds files out."""

from __future__ import annotations

import numpy as np
import pytest

from benchmarks import fit_rerank as fr

BM25, GRAMS, EXACT = (fr.SIGNALS.index(s) for s in ("bm25", "stem_grams", "exact"))


def _question(file: str, rng: np.random.Generator, n: int = 6) -> fr.Question:
    """Candidates where BM25 is noise and only stem trigrams mark the answering one."""
    x = np.zeros((n, len(fr.SIGNALS)))
    x[:, BM25] = rng.uniform(0.0, 1.0, n)
    x[:, GRAMS] = rng.uniform(0.0, 0.5, n)
    gold = np.zeros(n, bool)
    at = int(rng.integers(n))
    gold[at] = True
    x[at, GRAMS] += 0.6  # the answering candidate matches the question's trigrams best
    x[at, BM25] = 0.0    # and BM25 puts it last
    return fr.Question(file, f"q{at}", x, gold, False)


@pytest.fixture
def rows() -> list[fr.Question]:
    rng = np.random.default_rng(7)
    return [_question(f"file{i % 4}", rng) for i in range(120)]


def test_the_fit_recovers_the_separating_weight(rows):
    w = fr.fit(rows, ("bm25", "stem_grams"), base=np.zeros(len(fr.SIGNALS)))
    assert w[GRAMS] > 0 and w[GRAMS] > 5 * max(w[BM25], 0.0)
    assert fr.right_top(rows, w).all()


def test_bm25_alone_puts_the_answer_last(rows):
    w = np.zeros(len(fr.SIGNALS))
    w[BM25] = 1.0
    assert not fr.right_top(rows, w).any()


def test_signals_left_out_keep_their_base_weight(rows):
    base = np.zeros(len(fr.SIGNALS))
    base[EXACT] = 0.7
    w = fr.fit(rows, ("bm25", "stem_grams"), base=base)
    assert w[EXACT] == 0.7


def test_cross_validation_fits_one_fold_per_file_without_it(rows):
    seen = []

    def fitter(train, l2):
        seen.append({q.file for q in train})
        return fr.fit(train, ("bm25", "stem_grams"), l2, base=np.zeros(len(fr.SIGNALS)))

    held, weights = fr.cross_validated(rows, fitter, fr.L2)
    assert sorted(weights) == ["file0", "file1", "file2", "file3"]
    assert all(len(files) == 3 for files in seen)  # each fit saw every file but one
    assert held.all()


def test_a_question_without_candidates_is_a_miss():
    empty = fr.Question("f", "q", np.zeros((0, len(fr.SIGNALS))), np.zeros(0, bool), False)
    assert not fr.right_top([empty], fr.hand()).any()
