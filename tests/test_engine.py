"""Marsad's answering function and ingest, as a frontend (or a script) uses them."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from retrieval.analysis import analyze
from retrieval.articles import iter_articles
from retrieval.engine import Marsad
from retrieval.model import Article

GIFT = "ماذا أهدى بوتين لكيم؟"

GIRAFFES = Article(
    id="zoo-1", title="وصول الزرافات إلى حديقة الحيوان في موسكو", source="وكالة الاختبار",
    date=dt.date(2024, 5, 2),
    paragraphs=("استقبلت الحديقة ثلاثة حيوانات طويلة الأعناق قادمة من كينيا صباح الخميس.",
                "وقال مدير الحديقة إن الزوار سيتمكنون من رؤيتها بعد أسبوعين من الحجر."),
    url="https://example.org/zoo-1")
PENGUINS = dataclasses.replace(
    GIRAFFES, title="وصول البطاريق إلى حديقة الحيوان في موسكو",
    paragraphs=("استقبلت الحديقة عشرين طائرا بحريا قادمة من تشيلي صباح الجمعة.",))
HARBOUR = Article(
    id="port-1", title="افتتاح ميناء جديد للصيادين", source="صحيفة التجربة", date=None,
    paragraphs=("افتتح المحافظ ميناء الصيادين الجديد بعد ثلاث سنوات من الأشغال.",))


async def sources_by_id(engine: Marsad) -> dict[str, tuple]:
    return {s.id: (s.title, s.source, s.date, s.passages) for s in await engine.sources()}


async def passage_texts(engine: Marsad, article_id: str) -> list[str]:
    rows = await engine.store.db.execute_fetchall(
        "SELECT text FROM passages WHERE article_id = ? ORDER BY ordinal", (article_id,))
    return [r[0] for r in rows]


async def scored(engine: Marsad, question: str) -> dict[tuple[str, str], float]:
    """Every matching passage's score, keyed by what it is (ids differ between databases)."""
    return {(p.article_id, p.text): round(score, 9)
            for p, score in await engine.search(question, 1000)}


async def answered(engine: Marsad, question: str) -> tuple:
    """What a reader sees of an answer (passage ids are the database's own business)."""
    answer = await engine.answer(question)
    return answer.answered, [(h.article_id, h.text, round(h.score, 9),
                              [c.article_id for c in h.also_reported_by]) for h in answer.hits]


# -- answering -----------------------------------------------------------------------------

async def test_the_gift_question_is_answered_with_the_gift_passage(engine):
    answer = await engine.answer(GIFT)
    assert answer.answered and answer.searchable
    top = answer.hits[0]
    assert "بندقية" in top.text or "قفاز" in top.text
    known = await sources_by_id(engine)
    for hit in answer.hits:  # each hit carries its article's citation
        title, source, date, _ = known[hit.article_id]
        assert (hit.title, hit.source, hit.date) == (title, source, date)
    cited = [h for h in answer.hits if h.source and h.date and "بندقية" in h.text]
    assert cited, "no gift passage with a known outlet and date among the hits"


async def test_hits_are_ranked_best_first(engine):
    answer = await engine.answer("المتحدث باسم الكرملين دميتري بيسكوف", k=5)
    assert [h.rank for h in answer.hits] == list(range(1, len(answer.hits) + 1))
    scores = [h.score for h in answer.hits]
    assert scores == sorted(scores, reverse=True)
    assert len(answer.hits) <= 5


@pytest.mark.parametrize("question", [
    "من هو مدرب ريال مدريد؟",
    "ما سعر الذهب اليوم في القاهرة؟",
])
async def test_a_question_outside_the_coverage_is_not_answered(engine, question):
    answer = await engine.answer(question)
    assert answer.searchable
    assert not answer.answered


async def test_a_question_about_someone_else_is_not_answered_but_keeps_its_candidates(engine):
    # Putin's gift is not Trump's: showing it as the answer would mislead
    answer = await engine.answer("ماذا أهدى ترامب لكيم؟")
    assert not answer.answered
    assert answer.hits, "the ranked candidates are returned even when not answered"
    assert answer.to_json()["hits"][0]["rank"] == 1


@pytest.mark.parametrize(("question", "word"), [
    ("ماذا قال ماكرون عن مستقبل أوروبا؟", "ماكرون"),
    ("هل يكمن مستقبل روسيا في تنمية القطب الشمالي؟", "القطب"),
])
async def test_unrelated_articles_stuck_under_a_seed_never_answer(engine, question, word):
    answer = await engine.answer(question)
    assert not answer.answered
    assert all(word not in h.text for h in answer.hits)


@pytest.mark.parametrize("question", ["", "   ", "😀🎉", "؟!...", "،،؛ — ؟", "\n\t"])
async def test_a_question_with_no_words_is_not_searchable(engine, question):
    answer = await engine.answer(question)
    assert answer.searchable is False
    assert answer.answered is False
    assert answer.hits == []
    assert answer.to_json() == {"question": question, "answered": False, "language": "und",
                                "hits": []}


async def test_the_json_contract(engine):
    data = (await engine.answer(GIFT)).to_json()
    assert {"question", "answered", "hits"} <= data.keys()
    assert data["question"] == GIFT and data["answered"] is True
    assert data["hits"]
    for rank, hit in enumerate(data["hits"], 1):
        assert {"rank", "score", "text", "article_id", "title", "source", "date", "url",
                "also_reported_by"} <= hit.keys()
        assert hit["rank"] == rank
        assert isinstance(hit["score"], float) and hit["score"] > 0
        assert isinstance(hit["text"], str) and hit["text"]
        assert hit["source"] is None or isinstance(hit["source"], str)
        assert hit["date"] is None or dt.date.fromisoformat(hit["date"])
        for credit in hit["also_reported_by"]:
            assert set(credit) == {"article_id", "source", "date"}
            assert credit["article_id"] != hit["article_id"]


@pytest.mark.parametrize("question", [
    GIFT, "بيسكوف", "قاعدة فوستوشني الفضائية", "كيم جونغ أون بوتين روسيا", "الأقمار الصناعية",
])
async def test_no_hit_repeats_another_hit_of_the_same_answer(engine, question):
    hits = (await engine.answer(question, k=5)).hits
    words = [set(analyze(h.text)) for h in hits]
    for i, a in enumerate(words):
        for b in words[i + 1:]:
            small = min(len(a), len(b))
            assert small < 5 or len(a & b) / small < 0.6, "two hits say the same thing"
        assert len({h.text for h in hits}) == len(hits)


async def test_the_same_statement_from_two_outlets_is_shown_once_crediting_both(engine):
    said = ("أعلن وزير النقل أن القطار السريع بين المدينتين سيبدأ رحلاته التجريبية "
            "في الخريف المقبل بسرعة ثلاثمئة كيلومتر في الساعة")
    first = Article("rail-a", "القطار السريع", "صحيفة الأولى", dt.date(2024, 3, 1), (said + ".",))
    second = Article("rail-b", "قطار سريع قريبا", "إذاعة الثانية", dt.date(2024, 3, 2),
                     ("وقال المسؤول: " + said + "، وفق بيان رسمي.",))
    await engine.ingest([first, second])
    answer = await engine.answer("متى يبدأ القطار السريع رحلاته التجريبية؟")
    assert answer.answered
    rail = [h for h in answer.hits if h.article_id.startswith("rail-")]
    assert len(rail) == 1
    other = {"rail-a": "rail-b", "rail-b": "rail-a"}[rail[0].article_id]
    assert [c.article_id for c in rail[0].also_reported_by] == [other]
    assert rail[0].also_reported_by[0].source in {"صحيفة الأولى", "إذاعة الثانية"}


async def test_the_title_is_context_of_every_passage_but_never_a_passage(engine):
    await engine.ingest([GIRAFFES])
    texts = await passage_texts(engine, "zoo-1")
    assert texts == list(GIRAFFES.paragraphs)  # two passages, no title passage
    # "الزرافات" is only in the title: the question still finds both passages
    found = [(p.article_id, p.text) for p, _ in await engine.search("الزرافات", 10)]
    assert sorted(found) == sorted(("zoo-1", t) for t in GIRAFFES.paragraphs)
    answer = await engine.answer("متى وصلت الزرافات؟")
    assert answer.hits and answer.hits[0].article_id == "zoo-1"
    assert answer.hits[0].text != GIRAFFES.title


async def test_no_seed_title_is_a_passage(engine):
    for source in await engine.sources():
        texts = await passage_texts(engine, source.id)
        assert len(texts) == source.passages > 0
        assert source.title not in texts


# -- ingest --------------------------------------------------------------------------------

async def test_ingest_is_idempotent(engine, seeds_copy):
    before = await sources_by_id(engine)
    report = await engine.ingest(iter_articles([seeds_copy]))
    assert (report.added, report.replaced, report.duplicates, report.passages) == (0, 0, 0, 0)
    assert report.unchanged == 5
    assert await sources_by_id(engine) == before
    again = await engine.ingest([GIRAFFES])
    assert (again.added, again.passages) == (1, 2)
    again = await engine.ingest([GIRAFFES])
    assert (again.added, again.unchanged, again.passages) == (0, 1, 0)
    assert (await sources_by_id(engine))["zoo-1"][3] == 2


async def test_the_same_content_under_another_id_is_a_duplicate(engine, seeds_copy):
    seed = next(a for a in iter_articles([seeds_copy]) if isinstance(a, Article))
    before = await sources_by_id(engine)
    report = await engine.ingest([dataclasses.replace(seed, id="copy-of-" + seed.id)])
    assert report.duplicates == 1 and report.added == 0
    assert await sources_by_id(engine) == before


async def test_changed_text_under_the_same_id_replaces_the_article(engine):
    await engine.ingest([GIRAFFES])
    assert await engine.search("الزرافات", 5)
    report = await engine.ingest([PENGUINS])
    assert (report.replaced, report.added) == (1, 0)
    assert await engine.search("الزرافات", 5) == []
    assert await engine.search("كينيا", 5) == []
    found = await engine.search("البطاريق تشيلي", 5)
    assert {p.article_id for p, _ in found} == {"zoo-1"}
    assert await passage_texts(engine, "zoo-1") == list(PENGUINS.paragraphs)
    assert (await engine.article("zoo-1")).paragraphs == PENGUINS.paragraphs


QUESTIONS = ["الزرافات", "البطاريق تشيلي", "حديقة الحيوان في موسكو", GIFT, "ميناء الصيادين",
             "بيسكوف الكرملين روسيا"]


async def test_after_a_replace_scores_equal_a_fresh_database(engine, seeds_copy, tmp_path):
    await engine.ingest([GIRAFFES, HARBOUR])
    await engine.ingest([PENGUINS])
    async with await Marsad.open(tmp_path / "fresh.db", seeds=seeds_copy) as fresh:
        await fresh.ingest([PENGUINS, HARBOUR])
        for question in QUESTIONS:
            assert await scored(engine, question) == await scored(fresh, question), question
            assert await answered(engine, question) == await answered(fresh, question)
        await engine.close()
        async with await Marsad.open(tmp_path / "marsad.db") as reopened:
            for question in QUESTIONS:
                assert await scored(reopened, question) == await scored(fresh, question)


def failing_after(articles, n):
    """An article source that breaks (a crash, a bad disk) after yielding n articles."""
    yield from articles[:n]
    raise OSError("disk went away")


async def test_a_failing_article_source_leaves_the_database_as_before(engine, tmp_path):
    before = await sources_by_id(engine)
    with pytest.raises(OSError):
        await engine.ingest(failing_after([GIRAFFES, HARBOUR], 2))
    assert await sources_by_id(engine) == before
    assert await engine.search("الزرافات", 5) == []


def die_at_passage_write(monkeypatch, connection, n: int, error: BaseException) -> list[str]:
    """Make the n-th statement that writes passages fail, as a crash or Ctrl-C would.

    Works on the SQLite connection, so it holds however the store batches its writes.
    """
    seen: list[str] = []
    for name in ("execute", "executemany"):
        real = getattr(connection, name)

        async def failing(sql, *args, _real=real, **kwargs):
            if "INSERT INTO passages" in " ".join(sql.split()):
                seen.append(sql)
                if len(seen) == n:
                    raise error
            return await _real(sql, *args, **kwargs)

        monkeypatch.setattr(connection, name, failing)
    return seen


async def test_a_batch_killed_midway_leaves_the_database_as_before(engine, tmp_path,
                                                                    monkeypatch):
    await engine.ingest([GIRAFFES])
    before = await sources_by_id(engine)
    scores_before = {q: await scored(engine, q) for q in QUESTIONS}
    terms_before = len(engine.terms)

    seen = die_at_passage_write(monkeypatch, engine.store.db, 1, KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):  # the user pressed Ctrl-C during the batch
        await engine.ingest([PENGUINS, HARBOUR])  # a replace and a new article
    assert seen, "the failure was never triggered"
    monkeypatch.undo()

    assert await sources_by_id(engine) == before
    assert await engine.store.count_articles() == len(before)
    assert len(engine.terms) == terms_before == len(await engine.store.vocabulary())
    for question in QUESTIONS:
        assert await scored(engine, question) == scores_before[question], question
    assert (await engine.article("zoo-1")).paragraphs == GIRAFFES.paragraphs

    await engine.close()
    async with await Marsad.open(tmp_path / "marsad.db") as reopened:
        assert await sources_by_id(reopened) == before
        for question in QUESTIONS:
            assert await scored(reopened, question) == scores_before[question], question
        # and the next ingest goes in whole, with the vocabulary still consistent
        report = await reopened.ingest([PENGUINS, HARBOUR])
        assert (report.replaced, report.added) == (1, 1)
        after = {q: await scored(reopened, q) for q in QUESTIONS}
    async with await Marsad.open(tmp_path / "marsad.db") as again:
        assert {q: await scored(again, q) for q in QUESTIONS} == after


async def test_batches_before_the_failing_one_stay(engine, tmp_path, monkeypatch):
    import retrieval.ingest

    monkeypatch.setattr(retrieval.ingest, "BATCH_ARTICLES", 1)
    die_at_passage_write(monkeypatch, engine.store.db, 2, RuntimeError("disk full"))
    with pytest.raises(RuntimeError):
        await engine.ingest([GIRAFFES, HARBOUR])
    monkeypatch.undo()
    ids = set(await sources_by_id(engine))
    assert "zoo-1" in ids and "port-1" not in ids
    report = await engine.ingest([GIRAFFES, HARBOUR])  # running it again finishes the job
    assert (report.unchanged, report.added) == (1, 1)
    async with await Marsad.open(tmp_path / "marsad.db") as reopened:
        for question in QUESTIONS:
            assert await scored(reopened, question) == await scored(engine, question), question


KILLED_INGEST = """
import asyncio, datetime as dt, os, sys
from retrieval.engine import Marsad
from retrieval.model import Article

async def main():
    engine = await Marsad.open(sys.argv[1])
    for name in ("execute", "executemany"):
        real = getattr(engine.store.db, name)
        async def dying(sql, *args, _real=real):
            if "INSERT INTO passages" in " ".join(sql.split()):
                os._exit(9)  # killed: no rollback, no close
            return await _real(sql, *args)
        setattr(engine.store.db, name, dying)
    await engine.ingest([Article("port-1", "افتتاح ميناء", "صحيفة", None,
                                 ("افتتح المحافظ ميناء الصيادين الجديد.",)),
                         Article("zoo-1", "وصول البطاريق", "وكالة", None,
                                 ("استقبلت الحديقة عشرين طائرا بحريا من تشيلي.",))])

asyncio.run(main())
"""


async def test_a_killed_process_leaves_the_database_as_before(engine, tmp_path):
    import subprocess
    import sys

    await engine.ingest([GIRAFFES])
    before = await sources_by_id(engine)
    scores_before = {q: await scored(engine, q) for q in QUESTIONS}
    await engine.close()
    killed = subprocess.run([sys.executable, "-c", KILLED_INGEST, str(tmp_path / "marsad.db")],
                            capture_output=True, text=True, timeout=60)
    assert killed.returncode == 9, killed.stderr
    async with await Marsad.open(tmp_path / "marsad.db") as reopened:
        assert await sources_by_id(reopened) == before
        for question in QUESTIONS:
            assert await scored(reopened, question) == scores_before[question], question


async def test_the_running_engine_recovers_from_a_killed_batch(engine, tmp_path, monkeypatch):
    die_at_passage_write(monkeypatch, engine.store.db, 1, RuntimeError("killed"))
    with pytest.raises(RuntimeError):
        await engine.ingest([HARBOUR])
    monkeypatch.undo()
    report = await engine.ingest([GIRAFFES, HARBOUR])
    assert report.added == 2
    async with await Marsad.open(tmp_path / "marsad.db") as reopened:
        for question in QUESTIONS:
            assert await scored(reopened, question) == await scored(engine, question), question


async def test_ingest_reports_bad_items_and_keeps_the_rest(engine, tmp_path):
    from retrieval.articles import ArticleError

    report = await engine.ingest([ArticleError("bad.jsonl:3: not valid JSON"), HARBOUR])
    assert report.errors == ["bad.jsonl:3: not valid JSON"]
    assert report.added == 1
    assert "port-1" in await sources_by_id(engine)
