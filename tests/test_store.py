"""The database file: refuses what is not its own without touching it; reopens without seeds."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from retrieval.engine import Marsad
from retrieval.store import SCHEMA_VERSION, Store, StoreError

GIFT_QUESTION = "ماذا أهدى بوتين لكيم؟"


@pytest.mark.parametrize("content", [
    b"just some notes, not a database\n" * 20,
    "مقالة عربية وليست قاعدة بيانات".encode() * 10,
    bytes(range(256)) * 4,
])
async def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(tmp_path, content):
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(StoreError) as caught:
        await Store.open(path)
    assert str(path) in str(caught.value)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


async def test_another_programs_sqlite_database_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE invoices(id INTEGER PRIMARY KEY, amount REAL)")
        db.execute("INSERT INTO invoices(amount) VALUES (12.5)")
    db.close()
    before = path.read_bytes()
    with pytest.raises(StoreError) as caught:
        await Store.open(path)
    assert str(path) in str(caught.value)
    assert path.read_bytes() == before
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT amount FROM invoices").fetchall() == [(12.5,)]
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    db.close()


async def test_the_engine_refuses_a_foreign_file_too(tmp_path, seeds_dir):
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 100)
    with pytest.raises(StoreError, match=r"photo\.jpg"):
        await Marsad.open(path, seeds=seeds_dir)
    assert path.read_bytes() == b"\xff\xd8\xff\xe0" + b"\0" * 100


async def test_a_new_database_is_created_in_missing_folders(tmp_path):
    path = tmp_path / "a" / "b" / "marsad.db"
    store = await Store.open(path)
    await store.close()
    assert path.is_file()
    store = await Store.open(path)  # and it is recognised as ours when reopened
    assert await store.count_articles() == 0
    await store.close()


async def test_reopening_loads_the_database_without_reading_the_seeds(tmp_path, seeds_copy):
    db = tmp_path / "marsad.db"
    async with await Marsad.open(db, seeds=seeds_copy) as engine:
        first = await engine.answer(GIFT_QUESTION)
        sources = await engine.sources()
    assert first.answered
    shutil.rmtree(seeds_copy)
    async with await Marsad.open(db, seeds=seeds_copy) as engine:
        again = await engine.answer(GIFT_QUESTION)
        assert await engine.sources() == sources
    assert again.to_json() == first.to_json()


async def test_reopening_with_no_seeds_keeps_everything(engine, tmp_path):
    before = await engine.search("بيسكوف الكرملين", 5)
    await engine.close()
    async with await Marsad.open(tmp_path / "marsad.db") as reopened:
        after = await reopened.search("بيسكوف الكرملين", 5)
        assert len(await reopened.sources()) == 5
    assert [(p.id, s) for p, s in after] == [(p.id, s) for p, s in before]


async def test_a_newer_schema_version_is_refused(tmp_path):
    path = tmp_path / "marsad.db"
    store = await Store.open(path)
    await store.set_meta("schema_version", "999")
    await store.commit()
    await store.close()
    with pytest.raises(StoreError, match="schema version 999"):
        await Store.open(path)


async def test_an_empty_file_becomes_a_new_database(tmp_path):
    path = tmp_path / "marsad.db"
    path.touch()
    store = await Store.open(path)
    assert await store.count_articles() == 0
    await store.close()



async def test_a_version_2_database_opens_as_it_was_and_ingests_stay_idempotent(seeds_copy,
                                                                               tmp_path):
    from retrieval.articles import iter_articles
    from retrieval.model import Article

    path = tmp_path / "v2.db"
    async with await Marsad.open(path, seeds=seeds_copy) as engine:
        before = {s.id: await engine.article(s.id) for s in await engine.sources()}
        answer = (await engine.answer(GIFT_QUESTION)).to_json()
    db = sqlite3.connect(path)  # as version 2 wrote it: whole bodies, whole-hash index
    db.executescript("""
        UPDATE articles SET body = (SELECT group_concat(text, char(10, 10)) FROM
            (SELECT text FROM passages WHERE article_id = articles.id ORDER BY ordinal))
            WHERE body = '';
        DROP INDEX articles_by_hash_prefix;
        CREATE INDEX articles_by_hash ON articles(content_hash);
        UPDATE meta SET value = '2' WHERE key = 'schema_version';""")
    db.close()
    async with await Marsad.open(path) as engine:
        assert await engine.store.meta("schema_version") == str(SCHEMA_VERSION)
        assert {s.id: await engine.article(s.id) for s in await engine.sources()} == before
        assert (await engine.answer(GIFT_QUESTION)).to_json() == answer
        again = await engine.ingest(iter_articles([seeds_copy]))
        assert (again.unchanged, again.added, again.duplicates) == (5, 0, 0)
        copy = next(a for a in before.values())
        report = await engine.ingest([
            Article("copy-1", copy.title, copy.source, copy.date, copy.paragraphs),
            Article("new-1", "خبر جديد", None, None, ("فقرة أولى عن الميناء الجديد.",))])
        assert (report.duplicates, report.added) == (1, 1)
        assert (await engine.article("new-1")).paragraphs == ("فقرة أولى عن الميناء الجديد.",)
    db = sqlite3.connect(path)
    indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    db.close()
    assert "articles_by_hash" not in indexes and "articles_by_hash_prefix" in indexes


DETAIL_QUESTIONS = [GIFT_QUESTION, "أين التقى بوتين وكيم؟", "كم استمرت المحادثات؟",
                    "ماذا قال بيسكوف عن الزيارة؟", "القفاز", "متى وصل كيم إلى موسكو؟"]


def _as_version_4(path) -> None:
    """The database as Marsad wrote it before passages carried their answer-time details."""
    db = sqlite3.connect(path)
    for column in ("words", "title_terms", "furniture"):
        db.execute(f"ALTER TABLE passages DROP COLUMN {column}")
    db.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    db.commit()
    db.close()


def _details(path) -> list[tuple]:
    db = sqlite3.connect(path)
    rows = db.execute("SELECT id, text, words, title_terms, furniture FROM passages "
                      "ORDER BY id").fetchall()
    db.close()
    return rows


async def test_a_version_4_database_gains_passage_details_once_and_answers_the_same(
        seeds_copy, tmp_path):
    """A database from before passages stored their word forms, title terms and furniture
    flag: opened, it gains them (the same as a fresh ingest stores), keeps every passage
    and id, answers every question byte for byte as before, and fills nothing again."""
    fresh = tmp_path / "fresh.db"
    async with await Marsad.open(fresh, seeds=seeds_copy) as engine:
        want = [(await engine.answer(q, 5)).to_json() for q in DETAIL_QUESTIONS]
    stored = _details(fresh)
    assert all(words is not None and terms is not None and furniture is not None
               for _, _, words, terms, furniture in stored)
    old = tmp_path / "old.db"
    shutil.copy(fresh, old)
    _as_version_4(old)
    assert "words" not in {r[1] for r in sqlite3.connect(old).execute(
        "PRAGMA table_info(passages)")}
    async with await Marsad.open(old) as engine:
        assert await engine.store.meta("schema_version") == str(SCHEMA_VERSION)
        assert [(await engine.answer(q, 5)).to_json() for q in DETAIL_QUESTIONS] == want
    assert _details(old) == stored
    async with await Marsad.open(old) as engine:  # nothing left to fill
        assert not await engine.store.meta("details_pending")
        assert [(await engine.answer(q, 5)).to_json() for q in DETAIL_QUESTIONS] == want


async def test_passages_an_older_marsad_left_without_details_answer_the_same(seeds_copy,
                                                                              tmp_path):
    """Rows whose details are still missing (a fill not run yet, or killed halfway) are
    ranked from their text as before: the answers are the same as from filled rows."""
    path = tmp_path / "marsad.db"
    async with await Marsad.open(path, seeds=seeds_copy) as engine:
        want = [(await engine.answer(q, 5)).to_json() for q in DETAIL_QUESTIONS]
        await engine.store.db.execute(
            "UPDATE passages SET words = NULL, title_terms = NULL, furniture = NULL "
            "WHERE id % 2 = 0")
        await engine.store.commit()
        assert [(await engine.answer(q, 5)).to_json() for q in DETAIL_QUESTIONS] == want


UPGRADE_QUESTIONS = [GIFT_QUESTION, "كم استمرت المحادثات؟", "أين التقى بوتين وكيم؟",
                     "ماذا قال بيسكوف عن الزيارة؟"]


def _shown(answer) -> list:
    return [answer.answered, [(h.article_id, h.text) for h in answer.hits]]


async def test_a_database_an_older_marsad_analysed_is_analysed_again_once(seeds_copy, tmp_path):
    fresh = tmp_path / "fresh.db"
    async with await Marsad.open(fresh, seeds=seeds_copy) as engine:
        want = [_shown(await engine.answer(q)) for q in UPGRADE_QUESTIONS]
        articles = {s.id: await engine.article(s.id) for s in await engine.sources()}
    old = tmp_path / "old.db"
    shutil.copy(fresh, old)
    db = sqlite3.connect(old)  # as an older Marsad might have cut them: one passage each
    db.execute("""UPDATE articles SET body = (SELECT group_concat(text, char(10, 10)) FROM
        (SELECT text FROM passages WHERE article_id = articles.id ORDER BY ordinal))
        WHERE body = ''""")
    for article_id, in db.execute("SELECT id FROM articles").fetchall():
        rows = db.execute("SELECT text, terms FROM passages WHERE article_id = ? "
                          "ORDER BY ordinal", (article_id,)).fetchall()
        db.execute("DELETE FROM passages WHERE article_id = ?", (article_id,))
        db.execute("INSERT INTO passages(article_id, ordinal, text, terms) VALUES (?, 0, ?, ?)",
                   (article_id, " ".join(t for t, _ in rows), b"".join(b for _, b in rows)))
    db.execute("UPDATE articles SET content_hash = 'made-by-an-older-marsad'")
    db.execute("DELETE FROM meta WHERE key = 'analysis_version'")
    db.commit()
    db.close()
    async with await Marsad.open(old) as engine:
        assert [_shown(await engine.answer(q)) for q in UPGRADE_QUESTIONS] == want
        assert {s.id: await engine.article(s.id) for s in await engine.sources()} == articles
        ids = [r.passage_id for r in (await engine.answer(GIFT_QUESTION)).hits]
    async with await Marsad.open(old) as engine:  # once: the next open changes nothing
        assert [r.passage_id for r in (await engine.answer(GIFT_QUESTION)).hits] == ids
        report = await engine.ingest(articles.values())
        assert (report.unchanged, report.added, report.replaced) == (5, 0, 0)


async def test_a_database_another_process_is_writing_is_busy_not_damaged(seeds_copy, tmp_path):
    # an older database is re-analysed on open; a second command opening it meanwhile must
    # hear that it is busy, never that it is damaged and should be restored from a backup
    path = tmp_path / "old.db"
    async with await Marsad.open(path, seeds=seeds_copy):
        pass
    writer = sqlite3.connect(path)
    writer.execute("DELETE FROM meta WHERE key = 'analysis_version'")
    writer.commit()
    writer.execute("BEGIN IMMEDIATE")  # another process's write in progress
    try:
        with pytest.raises(StoreError) as raised:
            await Marsad.open(path)
    finally:
        writer.rollback()
        writer.close()
    message = str(raised.value)
    assert "busy" in message and "damaged" not in message and "backup" not in message
    async with await Marsad.open(path) as engine:  # once it is free, it opens and answers
        assert (await engine.answer(GIFT_QUESTION)).answered


async def test_term_ids_outside_the_vocabulary_are_reported_as_damage(seeds_copy, tmp_path):
    """A passage whose stored term ids are not the vocabulary's (a damaged blob) is named
    in a DatabaseError when an answer reads it, never used to rank or group."""
    import numpy as np

    path = tmp_path / "marsad.db"
    async with await Marsad.open(path, seeds=seeds_copy) as engine:
        hit = (await engine.answer(GIFT_QUESTION)).hits[0].passage_id
        for bad in (len(engine.terms) + 5, -3):
            blob = np.array([0, bad, 1], "<i4").tobytes()
            await engine.store.db.execute("UPDATE passages SET terms = ? WHERE id = ?",
                                          (blob, hit))
            await engine.store.commit()
            with pytest.raises(sqlite3.DatabaseError, match=f"passage {hit}"):
                await engine.answer(GIFT_QUESTION)


async def test_the_answer_paths_reader_never_writes(seeds_copy, tmp_path):
    """Store.fetch (an answer's worker thread reads candidates and carriers with it) is
    read-only: a write through it is refused and the passages stay."""
    async with await Marsad.open(tmp_path / "marsad.db", seeds=seeds_copy) as engine:
        [(before,)] = engine.store.fetch("SELECT COUNT(*) FROM passages")
        assert before > 0
        with pytest.raises(sqlite3.OperationalError):
            engine.store.fetch("DELETE FROM passages")
        assert engine.store.fetch("SELECT COUNT(*) FROM passages") == [(before,)]
        assert (await engine.answer(GIFT_QUESTION)).hits
