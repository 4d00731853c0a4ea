"""Reranking the top BM25 candidates with signals computed on those candidates only.

The stemmed BM25 field (exactly rank_bm25's scores) picks the candidates. Each candidate
then gets, from its own text (title + passage):

- a character-trigram BM25 score over the stemmed terms, and one over the unstemmed words
  (stop words dropped): spelling- and morphology-tolerant matching (يحدها / تحد,
  مشتقة / اشتقت) without a trigram posting index. Trigram document frequencies come from
  the vocabulary (`VariantMap.gram_df`), the average length from the stemmed field's;
- the share of the question's idf weight that the candidate holds in exactly the
  question's word forms (before stemming);
- the share of that weight its article's title holds (stems or spellings), times the share
  its own text holds: a passage that answers, from an article about what was asked, beats
  a passing mention elsewhere; a passage that does not answer gains little from its title.

The BM25 and trigram scores are scaled by their best value among the candidates, then all
five are summed with round weights (1, 1, 1, 0.7, 2), chosen on ARCD by 5-fold
cross-validation over articles; see benchmarks/quality.py. The title's share alone did
less well there, and lifted passages of a well-titled article that did not answer. Sentence
density, term proximity, passage length, body-only scores and an answer-type cue (a number
for متى/كم) were measured too and did not help on top of these, so they are not used.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .analysis import STOPWORDS, char_ngrams, normalize, stem, tokenize
from .variants import VariantMap

__all__ = ["RERANK_DEPTH", "WEIGHTS", "Weights", "rerank"]

RERANK_DEPTH = 30  # candidates reranked; deeper changed nothing measurable on ARCD


@dataclass(frozen=True)
class Weights:
    bm25: float = 1.0
    stem_grams: float = 1.0
    word_grams: float = 1.0
    exact: float = 0.7
    title: float = 2.0


WEIGHTS = Weights()  # module default, so benchmarks/quality.py can switch signals off


def _words(text: str) -> list[str]:
    return [t for t in tokenize(normalize(text)) if t not in STOPWORDS]


@lru_cache(maxsize=1 << 18)
def _word_grams(word: str) -> tuple[str, ...]:
    return tuple(char_ngrams(word, 3))


@lru_cache(maxsize=1 << 18)
def _stem_grams(word: str) -> tuple[str, ...]:
    return tuple(char_ngrams(stem(word), 3))


def _grams(tokens: Sequence[str], stemmed: bool = False) -> list[str]:
    grams = _stem_grams if stemmed else _word_grams
    return [g for t in tokens for g in grams(t)]


@dataclass(frozen=True)
class _Doc:
    words: frozenset[str]
    stems: frozenset[str]
    n_words: int
    stem_grams: Counter[str]
    n_stem_grams: int
    word_grams: Counter[str]
    n_word_grams: int


@lru_cache(maxsize=8192)  # candidates repeat across questions: the hot passages stay here
def _doc(text: str) -> _Doc:
    words = _words(text)
    sg, wg = _grams(words, stemmed=True), _grams(words)
    return _Doc(frozenset(words), frozenset(stem(w) for w in words), len(words), Counter(sg),
                len(sg), Counter(wg), len(wg))


def doc_freqs(index: object) -> tuple[np.ndarray, int]:
    """(df by term id, number of documents) of a BM25Index."""
    df = getattr(index, "df", None)
    if df is None:  # the index keeps its live statistics in one state record
        df = index._state.df  # type: ignore[attr-defined]
    return np.asarray(df), int(index.n_docs)  # type: ignore[attr-defined]


class _GramScorer:
    """BM25 (rank_bm25's formula, k1=1.5, b=0.75) of query trigrams in candidate docs."""

    def __init__(self, query: list[str], vmap: VariantMap, df: np.ndarray, n: int,
                 k1: float = 1.5, b: float = 0.75, epsilon: float = 0.25) -> None:
        self.query, self.k1, self.b = query, k1, b
        self.idf: dict[str, float] = {}
        for g in set(query):
            d = vmap.gram_df(g, df, n)
            if d > 0:
                value = math.log(n - d + 0.5) - math.log(d + 0.5)
                self.idf[g] = value if value > 0 else epsilon

    def scores(self, docs: list[tuple[Counter[str], int]], avgdl: float) -> np.ndarray:
        k1, b = self.k1, self.b
        query = [g for g in self.query if g in self.idf]
        out = np.zeros(len(docs))
        for i, (counts, length) in enumerate(docs):
            norm = k1 * (1 - b + b * length / avgdl)
            out[i] = sum(self.idf[g] * counts[g] * (k1 + 1) / (counts[g] + norm)
                         for g in query if g in counts)
        return out


def _gram_set(forms: frozenset[str]) -> list[str]:
    return sorted({g for f in forms for g in char_ngrams(f, 3)})


def _query_words(question: str, idf: Mapping[str, float],
                 aliases: Mapping[str, Collection[str]]
                 ) -> tuple[list[tuple[str, float]], list[tuple[frozenset[str], float]]]:
    """The question's words with their idf: as written, or (several corpus spellings) as
    the set of those stems, each set once."""
    plain: list[tuple[str, float]] = []
    spelled: dict[frozenset[str], float] = {}
    for word in _words(question):
        term = stem(word)
        forms = frozenset(aliases.get(term, ()))
        if forms and forms != {term}:  # the corpus spells it otherwise, or several ways
            spelled[forms] = max(spelled.get(forms, 0.0), idf.get(term, 0.0))
        else:
            plain.append((word, idf.get(term, 0.0)))
    return plain, sorted(spelled.items(), key=lambda kv: sorted(kv[0]))


def _scaled(x: np.ndarray) -> np.ndarray:
    top = float(x.max()) if len(x) else 0.0
    return x / top if top > 0 else x


def _held(doc: _Doc, plain: list[tuple[str, float]],
          spelled: list[tuple[frozenset[str], float]], stems: bool) -> float:
    """The idf weight of the question words `doc` holds: as written, or (stems) as any
    stem or spelling of them."""
    words = doc.stems if stems else doc.words
    return (sum(v for w, v in plain if (stem(w) if stems else w) in words)
            + sum(v for forms, v in spelled if not doc.stems.isdisjoint(forms)))


def rerank(question: str, candidates: Sequence[tuple[str, str, float]], *, index: object,
           vmap: VariantMap, idf: Mapping[str, float],
           aliases: Mapping[str, Collection[str]] | None = None,
           weights: Weights | None = None) -> list[tuple[int, float]]:
    """(candidate position, fused score), best first. `candidates` are (article
    title, passage text, bm25). `idf` weighs each stemmed query
    term (the engine's `_weights`); `aliases` maps a stemmed query term to its corpus
    spellings. A word with several spellings is matched as the set of them, so every
    spelling of a question ranks the same way.
    """
    if not candidates:
        return []
    weights = weights or WEIGHTS
    bm25 = _scaled(np.array([s for _, _, s in candidates], dtype=np.float64))
    total = bm25 * weights.bm25
    df, n = doc_freqs(index)
    avgdl = max(float(index.avgdl), 1.0)  # type: ignore[attr-defined]
    plain, spelled = _query_words(question, idf, aliases or {})
    q_words = [w for w, _ in plain]
    stem_query = _grams(q_words, stemmed=True) + [g for forms, _ in spelled
                                                   for g in _gram_set(forms)]
    word_query = _grams(q_words) + [g for forms, _ in spelled for g in _gram_set(forms)]
    docs = [_doc(f"{title} {text}") for title, text, _ in candidates]
    n_words = sum(d.n_words for d in docs) or 1
    if weights.stem_grams:
        avg = avgdl * sum(d.n_stem_grams for d in docs) / n_words
        total += weights.stem_grams * _scaled(
            _GramScorer(stem_query, vmap, df, n).scores(
                [(d.stem_grams, d.n_stem_grams) for d in docs], avg))
    if weights.word_grams:
        avg = avgdl * sum(d.n_word_grams for d in docs) / n_words
        total += weights.word_grams * _scaled(
            _GramScorer(word_query, vmap, df, n).scores(
                [(d.word_grams, d.n_word_grams) for d in docs], avg))
    mass = sum(v for _, v in plain) + sum(v for _, v in spelled)
    if weights.exact and mass > 0:
        total += weights.exact * np.array([_held(d, plain, spelled, False) / mass
                                           for d in docs])
    if weights.title and mass > 0:
        total += weights.title * np.array([
            _held(_doc(title), plain, spelled, True) * _held(_doc(text), plain, spelled, True)
            for title, text, _ in candidates]) / mass**2
    order = np.lexsort((np.arange(len(total)), -total))
    return [(int(i), float(total[i])) for i in order]
