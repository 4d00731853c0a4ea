"""Retrieval quality, side by side: baselines, each component on and off, the final system.

    python -m benchmarks.quality [--arcd PATH] [--sets PATH ...]

ARCD train split (tests/data/arcd-train.json or $MARSAD_ARCD): every paragraph is an
article titled by its SQuAD title, as `marsad eval` does; P@1, R@5, MRR@10 of the gold
paragraph. Rows:

- whitespace split + rank_bm25's BM25Okapi (its README style);
- Marsad's analysis built up one step at a time (tokens, normalize, stop words, stemming,
  title as context), BM25 only, in memory (ranked lists, nothing declined);
- the engine through `Marsad.answer(q, k=10)`, what users see and what `marsad eval`
  measures (top-level hits only, and the share of these in-coverage questions declined),
  with variants and rerank signals switched off one at a time, and the final system.

Then, over the bundled seeds, through `answer()`: ARCD questions (all out of coverage
there) declined, and the question sets (tests/data/seeds-questions.jsonl: answer@1/@3,
false declines, wrong answers per kind; seeds-near-misses.jsonl: correct declines per kind;
seeds-dev.jsonl). Takes about 80 s.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np

from bot.eval_report import render_eval
from retrieval import rerank as rerank_module
from retrieval.analysis import STOPWORDS, analyze, normalize, stem, tokenize
from retrieval.engine import Marsad
from retrieval.evaluate import (
    SquadQuestion,
    eval_declines,
    eval_questions,
    eval_squad,
    load_questions,
    load_squad,
    rank_figures,
    rank_of,
)
from retrieval.index import BM25Index
from retrieval.model import Article
from retrieval.passages import split_passages
from retrieval.variants import VariantMap

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
ARCD = Path(os.environ.get("MARSAD_ARCD", DATA / "arcd-train.json"))
SETS = [DATA / f"seeds-{name}.jsonl" for name in ("questions", "near-misses", "dev")]

Analyzer = Callable[[str], list[str]]


def _tokens(text: str) -> list[str]:
    return tokenize(text.lower())


def _normalized(text: str) -> list[str]:
    return tokenize(normalize(text))


def _no_stop(text: str) -> list[str]:
    return [t for t in tokenize(normalize(text)) if t not in STOPWORDS]


def _stemmed_with_stop(text: str) -> list[str]:
    return [stem(t) for t in tokenize(normalize(text))]


def _figures(ranked_ids: list[list[str]], questions: list[SquadQuestion]) -> dict[str, float]:
    return rank_figures([rank_of(q.gold, ids)
                         for ids, q in zip(ranked_ids, questions, strict=True)])


def _passages(articles: list[Article]) -> list[tuple[str, str, str]]:
    return [(a.id, a.title, text) for a in articles for text in split_passages(a.paragraphs)]


def bm25_only(articles: list[Article], questions: list[SquadQuestion], analyzer: Analyzer,
              title: bool) -> dict[str, float]:
    """BM25 (rank_bm25's scores, via the postings index) over one analysis chain."""
    passages = _passages(articles)
    vocab: dict[str, int] = {}
    docs = []
    for _, head, text in passages:
        terms = (analyzer(head) if title else []) + analyzer(text)
        docs.append(np.array([vocab.setdefault(t, len(vocab)) for t in terms], np.int64))
    index = BM25Index()
    index.add(list(range(len(docs))), docs)
    ranked = []
    for q in questions:
        top = index.top([vocab.get(t, -1) for t in analyzer(q.question)], 30)
        ranked.append([passages[slot][0] for slot, _ in top])
    return _figures(ranked, questions)


def whitespace_rank_bm25(articles: list[Article], questions: list[SquadQuestion]
                         ) -> dict[str, float]:
    """rank_bm25's README: `doc.split(" ")`, BM25Okapi, get_scores."""
    from rank_bm25 import BM25Okapi

    passages = _passages(articles)
    bm25 = BM25Okapi([text.split(" ") for _, _, text in passages])
    ranked = []
    for q in questions:
        scores = bm25.get_scores(q.question.split(" "))
        order = np.argsort(-scores, kind="stable")[:30]
        ranked.append([passages[i][0] for i in order])
    return _figures(ranked, questions)


def _plain_expand(self: VariantMap, terms: list[str], ids: list[int],
                  *widening: object) -> list[tuple[list[int], tuple[int, ...]]]:
    """VariantMap.expand with no variants (nor near forms, nor synonyms): every term alone."""
    return [([i] if i >= 0 else [], (n,)) for n, i in enumerate(ids)]


async def engine_rows(articles: list[Article], questions: list[SquadQuestion]
                      ) -> list[tuple[str, dict[str, float]]]:
    final = rerank_module.WEIGHTS
    no_rerank = rerank_module.Weights(1.0, 0.0, 0.0, 0.0, 0.0, brevity=0.0)
    settings = [
        ("engine: BM25 only (no variants, no rerank)", no_rerank, False),
        ("engine: + variants (no rerank)", no_rerank, True),
        ("engine: + rerank (no variants)", final, False),
        ("final - stem trigrams", replace(final, stem_grams=0.0), True),
        ("final - word trigrams", replace(final, word_grams=0.0), True),
        ("final - exact word forms", replace(final, exact=0.0), True),
        ("final - title coverage", replace(final, title=0.0), True),
        ("final - answer-type cue", replace(final, answer_type=0.0), True),
        ("final - brevity", replace(final, brevity=0.0), True),
        ("final system", final, True),
    ]
    rows = []
    expand = VariantMap.expand
    with tempfile.TemporaryDirectory() as tmp:
        async with await Marsad.open(Path(tmp) / "arcd.db") as engine:
            await engine.ingest(articles)
            try:
                for name, weights, variants in settings:
                    rerank_module.WEIGHTS = weights
                    VariantMap.expand = expand if variants else _plain_expand
                    result = await eval_squad(engine, questions)
                    rows.append((name, result))
            finally:
                rerank_module.WEIGHTS = final
                VariantMap.expand = expand
    return rows


async def over_seeds(questions: list[SquadQuestion], sets: list[Path]) -> list[str]:
    """Declines and answers over the bundled seeds, through `answer()`."""
    from bot.seeds import seeds_dir

    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        async with await Marsad.open(Path(tmp) / "seeds.db", seeds=seeds_dir()) as engine:
            r = await eval_declines(engine, (q.question for q in questions))
            lines.append(f"ARCD questions against the seeds (out of coverage): "
                         f"{r['declined_count']}/{r['questions']} declined ({r['declined']:.1%})")
            for path in sets:
                if path.exists():
                    report = await eval_questions(engine, load_questions(path))
                    lines += ["", render_eval({"file": path.name, **report}, failures=False)]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--arcd", type=Path, default=ARCD)
    parser.add_argument("--sets", type=Path, nargs="*", default=SETS,
                        help="question files over the seeds (JSONL, see README)")
    args = parser.parse_args(argv)
    if not args.arcd.exists():
        parser.error(f"{args.arcd} not found (set --arcd or $MARSAD_ARCD)")
    started = time.perf_counter()
    articles, questions = load_squad(args.arcd)
    rows: list[tuple[str, dict[str, float]]] = [
        ("whitespace split + rank_bm25 BM25Okapi", whitespace_rank_bm25(articles, questions)),
        ("letters/digits tokens (no normalize)", bm25_only(articles, questions, _tokens, False)),
        ("+ normalize", bm25_only(articles, questions, _normalized, False)),
        ("+ stop words", bm25_only(articles, questions, _no_stop, False)),
        ("+ light stemming (= analyze)", bm25_only(articles, questions, analyze, False)),
        ("  same, stemming but no stop words", bm25_only(articles, questions,
                                                         _stemmed_with_stop, False)),
        ("+ title as context", bm25_only(articles, questions, analyze, True)),
    ]
    rows += asyncio.run(engine_rows(articles, questions))
    width = max(len(name) for name, _ in rows)
    print(f"ARCD ({args.arcd.name}): {len(questions)} questions, {len(articles)} paragraphs")
    print(f"{'':{width}}   P@1    R@5    MRR@10  declined")
    for name, r in rows:
        declined = f"  {r['declined']:.3f}" if "declined" in r else "  (ranked lists)"
        print(f"{name:{width}}  {r['P@1']:.3f}  {r['R@5']:.3f}  {r['MRR@10']:.3f}{declined}")
    print()
    for line in asyncio.run(over_seeds(questions, args.sets)):
        print(line)
    print(f"\n({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
