"""The trigrams and numbers of vocabulary terms kept across answers (term_grams.py) are what
grouping would work out from the terms themselves, call after call, whichever terms were
seen before, and after an ingest rolled back gave the forgotten ids to other terms."""

from __future__ import annotations

import random

import numpy as np

from retrieval.corroborate import _near_edges, _term_trigrams, near_pairs
from retrieval.grouping import _numbers_of
from retrieval.term_grams import TermGrams

# one-letter, number-bearing, mixed-script and beyond-BMP terms among plain Arabic ones
ODD = ["م", "x", "2023", "ب18", "81ب", "١٩", "27و29", "abab", "مم", "𝔸𝔹", "ك𝔸م", "ال", "😀"]
LETTERS = "ابتثجحخدمنهوي"


def _vocabulary(rnd: random.Random, n: int) -> list[str]:
    words = {rnd.choice(ODD) if rnd.random() < 0.1 else
             "".join(rnd.choice(LETTERS) for _ in range(rnd.randint(1, 8))) for _ in range(n)}
    return sorted(words | set(ODD))


def _same_as_from_terms(grams: TermGrams, vocabulary: list[str], ids: np.ndarray) -> None:
    terms = [vocabulary[i] for i in ids.tolist()]
    owner, gram = grams.trigrams(ids)
    expected_owner, expected_gram = _term_trigrams(terms)
    assert owner.tolist() == expected_owner.tolist()
    assert gram.tolist() == expected_gram.tolist()
    assert {k: set(v) for k, v in grams.numbers(ids).items()} == _numbers_of(terms)
    touching = np.arange(len(ids)) % 3 == 0
    found = near_pairs(len(ids), owner, gram, touching)
    expected = _near_edges(terms, touching)
    assert all(a.tolist() == b.tolist() for a, b in zip(found, expected, strict=True))


def test_kept_trigrams_and_numbers_equal_those_worked_out_call_by_call() -> None:
    rnd = random.Random(11)
    vocabulary = _vocabulary(rnd, 2_000)
    grams = TermGrams(vocabulary)
    for _ in range(40):  # overlapping draws: most terms seen before, some new
        ids = np.unique(rnd.sample(range(len(vocabulary)), rnd.randint(2, 300)))
        _same_as_from_terms(grams, vocabulary, ids.astype(np.int64))


def test_terms_added_to_the_vocabulary_later_are_worked_out_when_asked() -> None:
    rnd = random.Random(5)
    vocabulary = _vocabulary(rnd, 300)
    grams = TermGrams(vocabulary)
    _same_as_from_terms(grams, vocabulary, np.arange(len(vocabulary), dtype=np.int64))
    vocabulary.extend(w + "ة" for w in list(vocabulary)[:200])  # an ingest appends terms
    ids = np.unique(rnd.sample(range(len(vocabulary)), 250)).astype(np.int64)
    _same_as_from_terms(grams, vocabulary, ids)


def test_forgotten_ids_given_to_other_terms_are_worked_out_again() -> None:
    vocabulary = ["بوتين", "كيم", "قمة", "29"]
    grams = TermGrams(vocabulary)
    _same_as_from_terms(grams, vocabulary, np.arange(4, dtype=np.int64))
    vocabulary.extend(["فوستوشني", "1961"])
    _same_as_from_terms(grams, vocabulary, np.arange(6, dtype=np.int64))
    del vocabulary[4:]  # the ingest that added them rolled back
    grams.forget(4)
    vocabulary.extend(["27", "بوتن"])  # the next ingest numbers other terms so
    _same_as_from_terms(grams, vocabulary, np.arange(6, dtype=np.int64))
    assert grams.numbers(np.array([4, 5], np.int64)) == {0: frozenset({"27"})}
