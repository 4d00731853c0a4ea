"""The ingest pipeline (retrieval/ingest.py): parsing and analysis in a worker process, in
order; a worker that dies fails the ingest clearly and loses nothing committed."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

import retrieval.ingest
from retrieval.articles import Unparsed, iter_articles, read_articles
from retrieval.engine import Marsad
from retrieval.ingest import WorkerDied

WORDS = ["مجلس", "الوزراء", "قرار", "اقتصاد", "ميناء", "سفينة", "مطار", "رحلة", "مدينة",
         "مستشفى", "مدرسة", "طلاب", "زراعة", "قمح", "مياه", "نهر", "طاقة", "شمس", "رياح"]


def write_jsonl(path: Path, n: int, bad_every: int = 0) -> list[str]:
    """n articles of two paragraphs (every `bad_every`th line broken); their ids."""
    ids = []
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            if bad_every and i % bad_every == bad_every - 1:
                f.write('{"id": "broken", "text": \n')
                continue
            words = [WORDS[(i * 7 + j * 3) % len(WORDS)] for j in range(24)]
            text = " ".join(words[:12]) + f" رقم {i}.\n\n" + " ".join(words[12:]) + f" {i}."
            f.write(json.dumps({"id": f"n{i:05d}", "title": f"خبر {i}", "source": "وكالة",
                                "date": "2024-05-01", "text": text}, ensure_ascii=False) + "\n")
            ids.append(f"n{i:05d}")
    return ids


def test_reading_defers_parsing_and_parsing_later_gives_the_same_articles(tmp_path):
    path = tmp_path / "a.jsonl"
    write_jsonl(path, 30, bad_every=10)
    deferred = list(read_articles([path]))
    assert all(isinstance(item, Unparsed) for item in deferred)
    parsed = []
    for item in deferred:
        try:
            parsed.append(item.parse())
        except ValueError as error:
            parsed.append(str(error))
    assert parsed == [a if not isinstance(a, ValueError) else str(a)
                      for a in iter_articles([path])]
    assert sum(isinstance(p, str) and "a.jsonl:" in p for p in parsed) == 3


async def test_errors_parsed_in_the_worker_are_reported_by_line(tmp_path, monkeypatch):
    monkeypatch.setattr(retrieval.ingest, "BATCH_ARTICLES", 20)  # several batches: a worker
    path = tmp_path / "a.jsonl"
    ids = write_jsonl(path, 100, bad_every=25)
    async with await Marsad.open(tmp_path / "m.db") as engine:
        report = await engine.ingest(read_articles([path]))
        assert report.added == len(ids) == 96
        assert [e.split(":")[1] for e in report.errors] == ["25", "50", "75", "100"]
        assert {s.id for s in await engine.sources()} == set(ids)
        again = await engine.ingest(read_articles([path]))
        assert (again.added, again.unchanged) == (0, 96)


async def test_the_workers_are_gone_cleanly_when_an_ingest_returns(tmp_path, monkeypatch):
    """Sent off by the pool, the workers leave at once (without freeing their memory object
    by object): an ingest returns with none of them left, each exited cleanly, and the next
    ingest starts workers of its own."""
    monkeypatch.setattr(retrieval.ingest, "BATCH_ARTICLES", 20)  # several batches: workers
    path = tmp_path / "a.jsonl"
    ids = write_jsonl(path, 200)
    seen: dict[int, multiprocessing.Process] = {}

    def note_workers(articles: int, passages: int) -> None:
        seen.update((child.pid, child) for child in multiprocessing.active_children())

    async with await Marsad.open(tmp_path / "m.db") as engine:
        first = await engine.ingest(read_articles([path]), progress=note_workers)
        assert first.added == len(ids) and first.passages == 2 * len(ids)
        assert seen and not multiprocessing.active_children()
        assert [worker.exitcode for worker in seen.values()] == [0] * len(seen)
        workers, seen = set(seen), {}
        again = await engine.ingest(read_articles([path]), progress=note_workers)
        assert (again.added, again.unchanged) == (0, len(ids))
        assert seen and not set(seen) & workers and not multiprocessing.active_children()
        hits = await engine.search("رقم 117", 3)
        assert hits[0][0].article_id == "n00117"


async def test_a_killed_worker_fails_the_ingest_clearly_and_loses_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(retrieval.ingest, "BATCH_ARTICLES", 50)
    monkeypatch.setattr(retrieval.ingest, "AHEAD", 1)
    path = tmp_path / "a.jsonl"
    ids = write_jsonl(path, 1000)
    killed = []

    def kill_worker(articles: int, passages: int) -> None:
        if not killed:  # after the first committed batch
            for child in multiprocessing.active_children():
                os.kill(child.pid, signal.SIGKILL)
                killed.append(child.pid)

    async with await Marsad.open(tmp_path / "m.db") as engine:
        with pytest.raises(WorkerDied, match="run the same ingest again"):
            await engine.ingest(read_articles([path]), progress=kill_worker)
        assert killed
        kept = {s.id for s in await engine.sources()}
        assert 50 <= len(kept) < 1000
        report = await engine.ingest(read_articles([path]))
        assert (report.unchanged, report.added) == (len(kept), 1000 - len(kept))
        sources = await engine.sources()
        assert sorted(s.id for s in sources) == ids
        assert all(s.passages == 2 for s in sources)
        hits = await engine.search("رقم 517", 3)
        assert hits[0][0].article_id == "n00517"


def test_marsad_ingest_says_what_happened_when_its_worker_is_killed(tmp_path):
    """As a user runs it: the worker of `marsad ingest` killed (OOM killer, kill -9)."""
    from benchmarks.crash import _env, committed, ingest_cmd

    path, db = tmp_path / "big.jsonl", tmp_path / "m.db"
    write_jsonl(path, 6000)
    proc = subprocess.Popen(ingest_cmd(path, db), env=_env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, encoding="utf-8")
    try:
        deadline = time.monotonic() + 120
        while committed(db) < 1000 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        children = [int(pid) for pid in Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
                    .read_text().split()
                    if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()]
        for child in children:  # the worker (not multiprocessing's resource tracker)
            os.kill(child, signal.SIGKILL)
        out, err = proc.communicate(timeout=120)
    finally:
        proc.kill()
    assert children and proc.returncode == 1, (out, err)
    assert "marsad: the ingest worker process stopped" in err and "Traceback" not in err
    kept = committed(db)
    again = subprocess.run(ingest_cmd(path, db), env=_env(), capture_output=True, text=True,
                           encoding="utf-8", timeout=300)
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith(f"added {6000 - kept}, replaced 0, unchanged {kept},")


async def test_batches_analysed_by_several_workers_index_exactly_as_one_thread(
        tmp_path, data_dir, monkeypatch):
    """Each worker numbers terms its own way: the vocabulary, the stored terms and every
    ranking must still equal those of one analyser in this process."""
    from retrieval.evaluate import load_squad

    articles, questions = load_squad(data_dir / "arcd-train.json")
    async with await Marsad.open(tmp_path / "one.db") as one:
        await one.ingest(articles)  # one batch: analysed in a thread of this process
        monkeypatch.setattr(retrieval.ingest, "BATCH_ARTICLES", 40)
        async with await Marsad.open(tmp_path / "many.db") as many:
            report = await many.ingest(articles)
            assert report.added == len(articles)
            assert sorted(many.terms) == sorted(one.terms)
            for q in questions[::10]:
                want = [(p.article_id, p.text, round(s, 9)) for p, s in await one.search(
                    q.question, 10)]
                got = [(p.article_id, p.text, round(s, 9)) for p, s in await many.search(
                    q.question, 10)]
                assert got == want, q.question


# Text of every kind a page gives the analyser: punctuation glued to words, diacritics and
# tatweel, presentation forms, invisible marks, no-break spaces, Latin in capitals, Eastern
# digits, stop words alone and glued, hyphenated names, quotes, credits and captions.
HOSTILE_PARAGRAPHS = [
    "قالَ الوزيـــر، في بيانٍ: «إنّ الاتفاق\u200f تم» (رويترز).",
    "ﻻ تزال المحادثات\u00a0جارية بين Kim Jong-un و PUTIN في ٢٠٢٣/٩/١٣ - أ ف ب",
    "في من على إلى عن مع",
    "مقطع فيديو يرصد وصول القطار إلى المحطة",
    "الرئيسُ التركيّ أردوغان؛ وزيرُ الخارجية؟ نعم! ...",
    "ΟΔΟΣ Straße café-bar e-mail: info@example.com 100% +5",
    "(الصورة: غيتي) صورة الزعيمين في الكرملين",
    "قال مسؤولون إن الوفدين اتفقا على متابعة المشاورات في الأسابيع المقبلة - غيتي",
]
HOSTILE_TITLES = ["بوتين وكيم: لقاءٌ في «فوستوشني»", "في من", "", "Kim Jong-un\u00a0يزور روسيا"]


async def test_stored_word_forms_and_furniture_are_those_of_the_passage_text(tmp_path,
                                                                              monkeypatch):
    """The analyser builds each passage's rerank word forms from its per-form cache and
    flags furniture: what it stores must be what `word_forms(title, text)` and
    `is_furniture(text)` give for the stored text, in one thread and in the workers."""
    import sqlite3

    from retrieval.kinds import is_furniture
    from retrieval.model import Article
    from retrieval.rerank import word_forms

    articles = []
    for i in range(60):
        paragraphs = tuple(HOSTILE_PARAGRAPHS[(i + j) % len(HOSTILE_PARAGRAPHS)] + f" {i}"
                           for j in range(1 + i % 4))
        articles.append(Article(f"h{i}", HOSTILE_TITLES[i % len(HOSTILE_TITLES)], "وكالة",
                                None, paragraphs))
    for name, batch in (("thread", 1000), ("workers", 7)):
        monkeypatch.setattr(retrieval.ingest, "BATCH_ARTICLES", batch)
        path = tmp_path / f"{name}.db"
        async with await Marsad.open(path) as engine:
            assert (await engine.ingest(articles)).added == len(articles)
        db = sqlite3.connect(path)
        rows = db.execute("SELECT a.title, p.text, p.words, p.furniture FROM passages p "
                          "JOIN articles a ON a.id = p.article_id").fetchall()
        db.close()
        assert len(rows) >= len(articles)
        assert [(words, bool(furniture)) for _, _, words, furniture in rows] == [
            (word_forms(title, text), is_furniture(text)) for title, text, _, _ in rows], name
        assert any(furniture for *_, furniture in rows)
        assert any(words == "" or words.startswith("kim jong un") for *_, words, _ in rows)
