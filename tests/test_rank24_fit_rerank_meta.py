"""benchmarks/fit_rerank.py keeps, beside each candidate's text, its outlet, its article's
agency, its article and its place there, so a signal reading them (an outlet asked for, an
article's lead) is measured on the cache without collecting again: each must be the one of
that very candidate (the engine reranks in the order it found the passages, names added)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from benchmarks import fit_rerank as fr
from bot.seeds import seeds_dir
from retrieval.engine import Marsad

QUESTIONS = [  # invented over the seeds: any answerable question reranks candidates
    {"q": "ماذا قالت صحيفة الاتحاد عن بناء الأقمار الاصطناعية؟", "keys": ["أقمار"]},
    {"q": "كم دامت مصافحة الرئيس الروسي لضيفه؟", "keys": ["40 ثانية"]},
]


def test_each_candidate_carries_its_own_outlet_and_place(tmp_path: Path) -> None:
    path = tmp_path / "questions.jsonl"
    path.write_text("".join(json.dumps(q, ensure_ascii=False) + "\n" for q in QUESTIONS),
                    encoding="utf-8")
    db = tmp_path / "seeds.db"
    rows = asyncio.run(fr.collect_file(db, path, "invented", seeds_dir()))
    assert len(rows) == len(QUESTIONS)

    async def stored() -> dict[tuple[str, int], tuple[str | None, str]]:
        async with await Marsad.open(db) as engine:
            got = await engine.store.db.execute_fetchall(
                "SELECT p.article_id, p.ordinal, a.source, p.text FROM passages p "
                "JOIN articles a ON a.id = p.article_id")
        return {(r[0], r[1]): (r[2], r[3]) for r in got}

    passages = asyncio.run(stored())
    for row in rows:
        assert len(row.meta) == len(row.texts) == len(row.gold) > 1
        for (source, _agency, article, ordinal), (_title, text) in zip(row.meta, row.texts,
                                                                      strict=True):
            assert passages[(article, ordinal)] == (source, text)
    # the outlet asked for: its passages only (outlet_scope.py)
    assert {m[0] for m in rows[0].meta} == {"صحيفة الاتحاد"}
