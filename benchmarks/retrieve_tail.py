"""BM25 top-k over spelling groups (`Marsad._top`, the retrieve stage's kernel) per question,
in process, on the benchmark's questions: p50 / p95, first pass (each word's scores computed
on first use, as a fresh process meets them) and second pass.

    python -m benchmarks.retrieve_tail DB [--full] [--questions 300] [--out rankings.json]

`--full` sums every posting (no MaxScore pruning): the before side of the comparison.
`--out` writes every ranking (slots and scores), to compare the two sides byte for byte.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from pathlib import Path

import numpy as np

from benchmarks.corpus import queries
from retrieval.engine import Marsad
from retrieval.rerank import RERANK_DEPTH


async def run(db: Path, full: bool, n_questions: int) -> tuple[list[str], dict[int, list]]:
    engine = await Marsad.open(db)
    try:
        if full:
            engine.index.PRUNE_MIN_POSTINGS = float("inf")
        asked = [a for q in queries(n_questions + 5, seed=1) if (a := engine._analyse(q))]
        for a in asked[:5]:  # as userpath.stages_side: five questions first
            engine._top(a.query, RERANK_DEPTH)
        lines, rankings = [], {}
        for name in ("first pass", "second pass"):
            times = []
            for i, a in enumerate(asked[5:]):
                t = time.perf_counter()
                rankings[i] = engine._top(a.query, RERANK_DEPTH)
                times.append((time.perf_counter() - t) * 1000)
            p50, p95 = np.percentile(times, [50, 95])
            lines.append(f"{name}: {len(times)} questions, p50 {p50:.2f} ms, p95 {p95:.2f} ms, "
                         f"max {max(times):.2f} ms")
        return lines, rankings
    finally:
        await engine.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--full", action="store_true", help="sum every posting (before)")
    parser.add_argument("--questions", type=int, default=300)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    lines, rankings = asyncio.run(run(args.db, args.full, args.questions))
    print("\n".join(lines))
    if args.out:
        args.out.write_text(json.dumps(rankings))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
