"""What users are answered, as data: full rankings, `answered`, `also_reported_by`.

A speed change must not change answers. This records them over the bundled seeds (their
evaluation questions) and over the ARCD train split (a sample of its questions), so a test
can compare today's answers with a snapshot recorded from the code before the change:

    python -m benchmarks.answers_snapshot > tests/data/answers-before.json
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from retrieval.engine import Marsad
from retrieval.evaluate import load_questions, load_squad

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
ARCD_EVERY = 7  # every 7th ARCD question: ~100 of them, spread over the whole set
RANK_DEPTH = 30  # passages of the full ranking compared
K = 5  # hits per answer


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


async def _answers(engine: Marsad, questions: list[str]) -> list[dict[str, Any]]:
    out = []
    for question in questions:
        answer = await engine.answer(question, K)
        ranked = await engine.ranked(question, RANK_DEPTH)
        out.append({
            "q": question,
            "answered": answer.answered,
            "hits": [{"article_id": h.article_id, "text": _digest(h.text),
                      "score": round(h.score, 6),
                      "also_reported_by": [[c.article_id, c.source,
                                            c.date.isoformat() if c.date else None]
                                           for c in h.also_reported_by]}
                     for h in answer.hits],
            "ranked": [[p.article_id, _digest(p.text), round(s, 6)] for p, s in ranked],
        })
    return out


async def snapshot(seeds: Path, seed_questions: Path, arcd: Path, workdir: Path
                   ) -> dict[str, list[dict[str, Any]]]:
    """{"seeds": [...], "arcd": [...]}: one record per question, in order."""
    engine = await Marsad.open(workdir / "seeds.db", seeds=seeds)
    try:
        seeds_answers = await _answers(
            engine, [item["q"] for item in load_questions(seed_questions)])
    finally:
        await engine.close()
    articles, questions = load_squad(arcd)
    engine = await Marsad.open(workdir / "arcd.db")
    try:
        await engine.ingest(articles)
        arcd_answers = await _answers(engine, [q.question for q in questions[::ARCD_EVERY]])
    finally:
        await engine.close()
    return {"seeds": seeds_answers, "arcd": arcd_answers}


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="marsad-snapshot-") as tmp:
        result = asyncio.run(snapshot(ROOT / "seeds", DATA / "seeds-dev.jsonl",
                                      DATA / "arcd-train.json", Path(tmp)))
    json.dump(result, sys.stdout, ensure_ascii=False, indent=0)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
