"""Ranking failures, counted and grouped: issue 12's measure of the top passage.

    python -m benchmarks.rank_failures [--db PATH] FILE.jsonl...

For each question file (`{"q", "keys"}` lines, as `marsad eval` reads them) over the
database (the bundled seeds when --db is a new path): the answerable Arabic questions, how
many have a top passage holding a key whether answered or declined (`right_top`), and the
ranking failures among the rest: a passage of the coverage holds a key, the top one does
not. `marsad eval` counts a right top passage that was declined as a false decline; this
separates the ranking's failures from the decision's. Last, the wrong top passages that
lead the most ranking failures over all the files: a passage leading many paraphrases is
one kind of failure, not many (the twentieth and twenty-first rounds read them so).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sqlite3
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from retrieval.analysis import normalize
from retrieval.engine import Marsad
from retrieval.evaluate import holds_key, load_questions

LEADERS = 10  # wrong top passages listed
SHOWN = 90  # characters of each


@dataclass
class Outcome:
    """One answerable question's top passage: whether it holds a key, and whether any
    passage of the coverage does."""

    question: str
    top: str
    answered: bool
    right_top: bool
    in_coverage: bool

    @property
    def ranking_failure(self) -> bool:
        return self.in_coverage and not self.right_top


async def outcomes(db: Path, path: Path, seeds: Path | None = None) -> list[Outcome]:
    """Every answerable Arabic question of `path`, asked over the database at `db` (an
    empty one filled from `seeds` when given)."""
    out = []
    async with await Marsad.open(db, seeds=seeds) as engine:
        texts = [normalize(t) for (t,) in sqlite3.connect(db).execute(
            "SELECT text FROM passages")]
        for item in load_questions(path):
            keys = item.get("keys") or []
            if item.get("abstain") or not keys or item.get("language", "ar") != "ar":
                continue
            answer = await engine.answer(item["q"], k=3)
            top = answer.hits[0].text if answer.hits else ""
            wanted = [normalize(k) for k in keys]
            out.append(Outcome(item["q"], top, answer.answered,
                               bool(top) and holds_key(top, keys),
                               any(k in t for t in texts for k in wanted)))
    return out


def report(results: dict[str, list[Outcome]]) -> dict:
    """Per file: questions, right_top, ranking_failures; and the leading wrong passages."""
    leaders: Counter[str] = Counter()
    files = {}
    for name, found in results.items():
        files[name] = {"questions": len(found),
                       "right_top": sum(o.right_top for o in found),
                       "ranking_failures": sum(o.ranking_failure for o in found)}
        leaders.update(o.top[:SHOWN] for o in found if o.ranking_failure)
    return {"files": files, "leaders": leaders.most_common(LEADERS)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("rank-failures-seeds.db"))
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args(argv)
    from bot.seeds import seeds_dir  # the bundled corpus, as `marsad` opens it

    results = {str(p): asyncio.run(outcomes(args.db, p, seeds_dir())) for p in args.files}
    print(json.dumps(report(results), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
