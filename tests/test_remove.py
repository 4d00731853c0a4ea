"""Removing articles: gone from answers, from corroboration credits and from the BM25
statistics, idempotent, and still gone after a restart; the API and the CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from test_cli import GIFT, marsad

from retrieval.engine import Marsad

ARABY = "001_6abf5aa8ef46f725"  # carries the Kremlin's gift statement Sky News also carried
SKY = "000_3709f080d7caa3b5"
SAHWA = "003_81250df353619dc4"
QUESTIONS = (GIFT, "ماذا قال كيم عن الإمبريالية؟", "ماذا قال بيسكوف عن الزيارة؟",
             "هل ستساعد روسيا كوريا الشمالية في بناء الأقمار الصناعية؟")


def _named(answer) -> set[str]:
    """Every article an answer cites or credits."""
    return {h.article_id for h in answer.hits} | {
        c.article_id for h in answer.hits for c in h.also_reported_by}


async def test_a_removed_article_is_neither_cited_nor_credited(engine):
    before = await engine.answer(GIFT)
    assert ARABY in _named(before), "the seeds credit Araby with the gift statement"
    report = await engine.remove([ARABY])
    assert report.removed == [ARABY] and report.missing == [] and report.passages > 0
    for question in QUESTIONS:
        assert ARABY not in _named(await engine.answer(question, k=5)), question
    assert ARABY not in {s.id for s in await engine.sources()}
    assert all(o.source != "العربي - أ ف ب" for o in await engine.outlets())


async def test_removing_twice_changes_nothing_the_second_time(engine):
    first = await engine.remove([SAHWA, "no-such-id"])
    assert first.removed == [SAHWA] and first.missing == ["no-such-id"]
    sources = await engine.sources()
    again = await engine.remove([SAHWA, "no-such-id"])
    assert again.removed == [] and again.missing == [SAHWA, "no-such-id"]
    assert again.passages == 0
    assert await engine.sources() == sources


async def test_by_outlet_removes_every_article_of_that_outlet_only(engine):
    report = await engine.remove(outlet="سكاي نيوز عربية")
    assert report.removed == [SKY]
    assert {s.source for s in await engine.sources()} == {
        "العربي - أ ف ب", "صحيفة الاتحاد", "صحوة نيوز", None}
    assert (await engine.remove(outlet="سكاي نيوز عربية")).removed == []
    assert (await engine.remove(outlet="no such outlet")).removed == []


async def test_bm25_after_removal_equals_never_having_ingested_it(seeds_copy, tmp_path):
    """idf and average length follow the removal: scores as if the article never came."""
    without = tmp_path / "without"
    shutil.copytree(seeds_copy, without)
    (without / f"{ARABY}.txt").unlink()
    async with await Marsad.open(tmp_path / "removed.db", seeds=seeds_copy) as removed, \
            await Marsad.open(tmp_path / "never.db", seeds=without) as never:
        await removed.remove([ARABY])
        for question in QUESTIONS:
            got = [(p.text, s) for p, s in await removed.search(question, 8)]
            want = [(p.text, s) for p, s in await never.search(question, 8)]
            assert [t for t, _ in got] == [t for t, _ in want], question
            for (_, a), (_, b) in zip(got, want, strict=True):
                assert a == pytest.approx(b, rel=1e-9, abs=1e-12)


async def test_removed_passages_leave_the_stored_index_once_they_are_many(seeds_copy,
                                                                         tmp_path):
    """Every open reads the stored index: removed passages' postings are dropped from it
    (compacted) once they are a quarter of the live ones, and answers stay what they were."""
    without = tmp_path / "without"
    shutil.copytree(seeds_copy, without)
    for name in (ARABY, SAHWA):
        (without / f"{name}.txt").unlink()
    db = tmp_path / "m.db"
    async with await Marsad.open(db, seeds=seeds_copy) as engine:
        await engine.remove([ARABY, SAHWA])
    async with await Marsad.open(db) as engine, \
            await Marsad.open(tmp_path / "never.db", seeds=without) as never:
        assert engine.index.dead == 0 and len(engine.index.segments) == 1
        for question in QUESTIONS:
            got = [(p.text, s) for p, s in await engine.search(question, 8)]
            want = [(p.text, s) for p, s in await never.search(question, 8)]
            assert [t for t, _ in got] == [t for t, _ in want], question
            assert [s for _, s in got] == pytest.approx([s for _, s in want], rel=1e-9)


async def test_a_restart_sees_the_removal_and_an_emptied_database_stays_empty(seeds_copy,
                                                                            tmp_path):
    db = tmp_path / "m.db"
    async with await Marsad.open(db, seeds=seeds_copy) as engine:
        await engine.remove([ARABY])
    async with await Marsad.open(db, seeds=seeds_copy) as engine:
        assert ARABY not in {s.id for s in await engine.sources()}
        assert ARABY not in _named(await engine.answer(GIFT))
        ids = [s.id for s in await engine.sources()]
        assert len((await engine.remove(ids)).removed) == 4
    async with await Marsad.open(db, seeds=seeds_copy) as engine:  # the seeds do not return
        assert await engine.sources() == []
        assert not (await engine.answer(GIFT)).hits


# -- the CLI -------------------------------------------------------------------------------

def test_cli_remove_by_id_and_outlet_is_idempotent(tmp_path: Path):
    db = tmp_path / "news.db"
    assert marsad("sources", cwd=tmp_path, db=db).returncode == 0
    first = marsad("remove", ARABY, "nope", "--db", str(db), cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "removed 1 article" in first.stdout and ARABY in first.stdout
    assert "not in the database" in first.stdout and "nope" in first.stdout
    again = marsad("remove", ARABY, "--db", str(db), cwd=tmp_path)
    assert again.returncode == 0 and "removed 0 articles" in again.stdout
    outlet = marsad("remove", "--outlet", "صحوة نيوز", "--db", str(db), cwd=tmp_path)
    assert outlet.returncode == 0 and SAHWA in outlet.stdout
    sources = json.loads(marsad("sources", "--json", cwd=tmp_path, db=db).stdout)
    assert {s["id"] for s in sources} == {SKY, "002_8bd87385d959e3d9", "004_2dc0d43aa74d0617"}
    answer = json.loads(marsad("ask", "--json", "-k", "5", GIFT, cwd=tmp_path, db=db).stdout)
    credited = {a["article_id"] for h in answer["hits"] for a in h["also_reported_by"]}
    assert ARABY not in credited and SAHWA not in credited
    assert not {h["article_id"] for h in answer["hits"]} & {ARABY, SAHWA}


def test_cli_remove_without_ids_says_how(tmp_path: Path):
    result = marsad("remove", cwd=tmp_path)
    assert result.returncode == 2
    assert "marsad remove" in result.stderr and "--outlet" in result.stderr
    assert not (tmp_path / "default-unused.db").exists()


def test_cli_remove_on_no_database_creates_none(tmp_path: Path):
    result = marsad("remove", SKY, cwd=tmp_path, db=tmp_path / "none.db")
    assert result.returncode == 0 and "nothing to remove" in result.stdout
    assert not (tmp_path / "none.db").exists()
