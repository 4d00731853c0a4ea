"""Marsad vs rank_bm25 vs bm25s on one synthetic corpus: query latency, ingest, restart, RSS.

    python -m benchmarks.speed --sizes 10k,100k,1M
    python -m benchmarks.speed --smoke          # a few hundred passages, seconds

Each size runs in a fresh subprocess (so peak RSS is that size's own) which:
1. ingests the synthetic corpus (benchmarks/corpus.py) through the real engine into a
   temporary database (time spent generating articles is not counted);
2. closes it, reopens it and ranks passages for one question (restart to first search),
   then times the first `answer()` (which also builds answer-side structures lazily);
3. times the same analysed questions (2-5 words drawn from the corpus vocabulary) on
   Marsad's index (top 10), on rank_bm25 BM25Okapi (`get_scores` + top 10, only up to
   --rank-bm25-max passages: it walks every document per word) and on bm25s
   (method "robertson", `get_scores` + top 10), all over the same passages and term ids;
4. checks Marsad's scores against rank_bm25's on those questions.
Peak RSS is read after steps 1-2 and a Marsad query run, before the comparison libraries
are built. rank_bm25 and bm25s are benchmark-only dependencies (`pip install .[bench]`).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from benchmarks.corpus import Vocabulary, generate, parse_size, queries
from retrieval.engine import Marsad
from retrieval.model import Article

K = 10


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


class Timed:
    """Wraps an iterator and adds up the time spent producing its items."""

    def __init__(self, items: Iterator[Article]) -> None:
        self.items, self.seconds = items, 0.0

    def __iter__(self) -> Iterator[Article]:
        while True:
            t = time.perf_counter()
            try:
                item = next(self.items)
            except StopIteration:
                self.seconds += time.perf_counter() - t
                return
            self.seconds += time.perf_counter() - t
            yield item


def percentiles(seconds: list[float]) -> tuple[float, float]:
    ms = np.array(seconds) * 1000
    return float(np.percentile(ms, 50)), float(np.percentile(ms, 95))


def top_k(scores: np.ndarray, k: int = K) -> np.ndarray:
    if len(scores) > k:
        part = np.argpartition(-scores, k - 1)[:k]
        return part[np.argsort(-scores[part], kind="stable")]
    return np.argsort(-scores, kind="stable")


async def measure(passages: int, n_queries: int, rank_bm25_max: int, seed: int,
                  workdir: Path) -> dict:
    vocab = Vocabulary.from_sources()
    result: dict = {"passages": passages}
    db = workdir / f"bench-{passages}.db"

    # 1. ingest
    engine = await Marsad.open(db)
    articles = Timed(generate(passages, seed=seed, vocabulary=vocab))
    t = time.perf_counter()
    report = await engine.ingest(articles)
    ingest_s = time.perf_counter() - t - articles.seconds
    assert report.passages == passages, (report, passages)
    result["ingest_s"] = ingest_s
    result["ingest_per_s"] = passages / ingest_s
    result["segments"] = len(engine.index.segments)
    result["terms"] = len(engine.terms)
    await engine.close()

    # 2. restart to first answer
    questions = queries(n_queries, seed=seed + 1, vocabulary=vocab)
    t = time.perf_counter()
    engine = await Marsad.open(db)
    result["open_s"] = time.perf_counter() - t
    await engine.search(questions[0], K)
    result["restart_s"] = time.perf_counter() - t  # to the first ranked passages
    t = time.perf_counter()
    await engine.answer(questions[1])
    result["first_answer_s"] = time.perf_counter() - t  # answer()'s own first-call setup
    result["db_mb"] = db.stat().st_size / 2**20

    # 3. Marsad
    query_ids = [engine._query_ids(q) for q in questions]
    index = engine.index
    for q in query_ids[:5]:
        index.top(q, K)
    times = []
    marsad_top = []
    for q in query_ids:
        t = time.perf_counter()
        marsad_top.append(index.top(q, K))
        times.append(time.perf_counter() - t)
    result["marsad_ms"] = percentiles(times)
    times = []
    for question in questions[:50]:
        t = time.perf_counter()
        await engine.search(question, K)
        times.append(time.perf_counter() - t)
    result["marsad_search_ms"] = percentiles(times)  # analysis + scoring + SQLite rows
    result["peak_rss_mb"] = peak_rss_mb()

    slots, docs = await engine.store.all_terms()
    await engine.close()
    corpus = [d.tolist() for d in docs]
    del docs
    slot_arr = np.asarray(slots)
    queries_known = [[t for t in q if t >= 0] for q in query_ids]

    # 4. rank_bm25
    if passages <= rank_bm25_max:
        from rank_bm25 import BM25Okapi

        p = index.params
        bm = BM25Okapi(corpus, k1=p.k1, b=p.b, epsilon=p.epsilon)
        sample = [(i, q) for i, q in enumerate(queries_known) if q][:max(10, n_queries // 5)]
        times, worst = [], 0.0
        for i, q in sample:
            t = time.perf_counter()
            scores = bm.get_scores(q)
            best = top_k(scores)
            times.append(time.perf_counter() - t)
            # Marsad's top-k scores are rank_bm25's scores of the same passages
            for slot, score in marsad_top[i]:
                j = int(np.searchsorted(slot_arr, slot))
                worst = max(worst, abs(score - scores[j]) / max(1.0, abs(scores[j])))
            want = np.sort(scores[best])[::-1]
            got = np.array([s for _, s in marsad_top[i]])
            worst = max(worst, float(np.max(np.abs(got - want[:len(got)]), initial=0.0)))
        result["rank_bm25_ms"] = percentiles(times)
        result["rank_bm25_queries"] = len(sample)
        result["max_score_diff"] = worst
        del bm

    # 5. bm25s
    try:
        import bm25s
        from bm25s.tokenization import Tokenized
    except ImportError:
        result["bm25s_ms"] = None
    else:
        vocab_ids = {str(i): i for i in range(len(engine.terms))}
        retriever = bm25s.BM25(k1=index.params.k1, b=index.params.b, method="robertson")
        retriever.index(Tokenized(ids=corpus, vocab=vocab_ids), show_progress=False)
        times = []
        for q in queries_known:
            if not q:
                continue
            t = time.perf_counter()
            top_k(retriever.get_scores(q))
            times.append(time.perf_counter() - t)
        result["bm25s_ms"] = percentiles(times)
    return result


def run_one(size: int, n_queries: int, rank_bm25_max: int, seed: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="marsad-bench-") as tmp:
        return asyncio.run(measure(size, n_queries, rank_bm25_max, seed, Path(tmp)))


def human(n: int) -> str:
    if n >= 1_000_000 and n % 1_000_000 == 0:
        return f"{n // 1_000_000}M"
    if n >= 1000 and n % 1000 == 0:
        return f"{n // 1000}k"
    return str(n)


def table(results: list[dict]) -> str:
    def ms(pair: tuple[float, float] | None) -> str:
        return f"{pair[0]:.2f} / {pair[1]:.2f}" if pair else "—"

    lines = [
        "| passages | Marsad p50 / p95 ms | Marsad search() p50 ms | rank_bm25 p50 / p95 ms "
        "| bm25s p50 / p95 ms | vs rank_bm25 | vs bm25s | ingest passages/s "
        "| restart to 1st search s | then 1st answer() s | peak RSS MB |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        m = r["marsad_ms"]
        rb, bs = r.get("rank_bm25_ms"), r.get("bm25s_ms")
        lines.append(
            f"| {human(r['passages'])} | {ms(m)} | {r['marsad_search_ms'][0]:.2f} | {ms(rb)} "
            f"| {ms(bs)} | {f'{rb[0] / m[0]:.0f}×' if rb else '—'} "
            f"| {f'{bs[0] / m[0]:.1f}×' if bs else '—'} | {r['ingest_per_s']:,.0f} "
            f"| {r['restart_s']:.2f} | {r.get('first_answer_s', float('nan')):.2f} "
            f"| {r['peak_rss_mb']:,.0f} |")
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GB RAM, Python "
            f"{platform.python_version()}, numpy {np.__version__}, {platform.system()}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Marsad speed benchmark")
    parser.add_argument("--sizes", default="10k,100k,1M")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--rank-bm25-max", default="100k",
                        help="skip rank_bm25 above this many passages")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--smoke", action="store_true", help="a tiny run, in seconds")
    parser.add_argument("--inline", action="store_true", help="no subprocess per size")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # internal: one size, JSON out
    args = parser.parse_args(argv)
    rank_max = parse_size(args.rank_bm25_max)
    if args.one:
        print(json.dumps(run_one(parse_size(args.one), args.queries, rank_max, args.seed)))
        return 0
    if args.smoke:
        sizes, n_queries, inline = [400], min(args.queries, 20), True
    else:
        sizes, n_queries, inline = [parse_size(s) for s in args.sizes.split(",")], \
            args.queries, args.inline
    results = []
    for size in sizes:
        print(f"… {human(size)} passages", file=sys.stderr, flush=True)
        if inline:
            results.append(run_one(size, n_queries, rank_max, args.seed))
        else:
            out = subprocess.run(
                [sys.executable, "-m", "benchmarks.speed", "--one", str(size), "--queries",
                 str(n_queries), "--rank-bm25-max", str(rank_max), "--seed", str(args.seed)],
                check=True, capture_output=True, text=True,
                cwd=Path(__file__).resolve().parent.parent)
            results.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(json.dumps(results[-1]), file=sys.stderr, flush=True)
    if args.json:
        args.json.write_text(json.dumps({"machine": machine(), "results": results}, indent=1))
    print(f"Machine: {machine()}\n")
    print(table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
