"""Two writers on one database at once: two `marsad ingest`s, `marsad follow` left running
while an ingest runs.

Break pass: the second of two ingests started together failed with "the database … is
damaged (UNIQUE constraint failed: terms.id); restore it from a backup" (it was not: each
process had given the next term ids to different new words), and its articles were not
stored. The bot's own feed passes, after an ingest, failed the same way every pass until
an admin sent /reload. A `marsad follow` kept its engine from the start, so after an
ingest its passes wrote term ids that the ingest had taken. Writers now take the database
in turn, and a writer opened before another process wrote reopens (or refuses, clearly).
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from botapi_server import BotAPIServer, private_chat, running, user
from newsroom_server import NewsroomSite, rss
from test_cli import marsad
from test_telegram import TOKEN, make_config
from test_web_ingest import FARMERS, OUTLET, publish, quick

LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"


def invented_words(seed: int, n: int) -> list[str]:
    """Words no other batch has: every article brings new terms to the vocabulary."""
    rng = random.Random(seed)
    return ["".join(rng.choice(LETTERS) for _ in range(6)) for _ in range(n)]


def write_batch(path: Path, outlet: str, seed: int, articles: int) -> list[str]:
    words = invented_words(seed, articles * 30)
    with path.open("w", encoding="utf-8") as out:
        for i in range(articles):
            mine = words[i * 30:(i + 1) * 30]
            text = " ".join(mine[:15]) + ".\n\n" + " ".join(mine[15:]) + "."
            out.write(json.dumps({"id": f"{outlet}-{i}", "title": f"{outlet} {mine[0]}",
                                  "source": outlet, "date": "2023-09-13", "text": text},
                                 ensure_ascii=False) + "\n")
    return words


def cli(tmp_path: Path, db: Path, *args: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MARSAD_")}
    env |= {"PYTHONIOENCODING": "utf-8", "MARSAD_STORAGE_DB": str(db)}
    return subprocess.Popen([sys.executable, "-m", "bot", *args], cwd=tmp_path, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            encoding="utf-8")


def articles_of(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as connection:
        return dict(connection.execute("SELECT source, COUNT(*) FROM articles GROUP BY source"))


def asked(tmp_path: Path, db: Path, question: str) -> dict:
    return json.loads(marsad("ask", "--json", question, cwd=tmp_path, db=db).stdout)


def test_two_ingests_started_together_both_store_everything(tmp_path):
    db = tmp_path / "news.db"
    words = {outlet: write_batch(tmp_path / f"{outlet}.jsonl", outlet, seed, 600)
             for seed, outlet in enumerate(("وكالة أ", "وكالة ب", "وكالة ج"))}
    runs = [cli(tmp_path, db, "ingest", f"{outlet}.jsonl") for outlet in words]
    results = [(run.wait(timeout=300), *run.communicate()) for run in runs]
    for code, out, err in results:
        assert code == 0, err
        assert "damaged" not in err and "added 600," in out, (out, err)
    assert articles_of(db) == dict.fromkeys(words, 600)
    for outlet, its_words in words.items():  # each batch's own words find its articles
        hit = asked(tmp_path, db, f"{its_words[-30]} {its_words[-29]}")["hits"][0]
        assert hit["source"] == outlet and hit["article_id"] == f"{outlet}-599"


def test_follow_left_running_while_an_ingest_runs_keeps_ingesting(tmp_path):
    site = NewsroomSite()
    site.start()
    db = tmp_path / "news.db"
    quick(tmp_path)
    follow = None
    try:
        items = [publish(site, "/news/farmers", "الحكومة تقر خطة لدعم المزارعين", FARMERS)]
        site.feed("/rss.xml", rss(OUTLET, items), etag='"1"')
        follow = cli(tmp_path, db, "follow", site.url + "/rss.xml", "--every", "0.005")
        assert "added 1," in follow.stdout.readline()  # the first pass, at once
        write_batch(tmp_path / "wire.jsonl", "وكالة أ", 7, 600)
        ingest = marsad("ingest", "wire.jsonl", cwd=tmp_path, db=db)
        assert ingest.returncode == 0 and "added 600," in ingest.stdout, ingest.stderr
        fresh = invented_words(99, 20)  # new words, published after the ingest
        items.insert(0, publish(site, "/news/late", "خبر متأخر عن " + fresh[0],
                                [" ".join(fresh[:10]) + ".", " ".join(fresh[10:]) + "."]))
        site.feed("/rss.xml", rss(OUTLET, items), etag='"2"')
        deadline = time.monotonic() + 120
        line = ""
        while "added 1," not in line and time.monotonic() < deadline:
            line = follow.stdout.readline()
            assert "failed 0" in line or not line.strip(), line
        assert "added 1," in line
        assert articles_of(db) == {OUTLET: 2, "وكالة أ": 600}
        hit = asked(tmp_path, db, f"{fresh[3]} {fresh[4]}")["hits"][0]
        assert hit["url"] == site.url + "/news/late"
    finally:
        if follow is not None:
            follow.terminate()
            _, err = follow.communicate(timeout=60)
            assert "Traceback" not in err and "damaged" not in err, err
        site.stop()


READER = user(2002, "Reader", "reader")


async def test_the_bot_following_feeds_keeps_ingesting_after_a_marsad_ingest(tmp_path):
    site = NewsroomSite()
    site.start()
    db = tmp_path / "bot.db"
    try:
        items = [publish(site, "/news/farmers", "الحكومة تقر خطة لدعم المزارعين", FARMERS)]
        site.feed("/rss.xml", rss(OUTLET, items), etag='"1"')
        async with BotAPIServer(TOKEN) as server:
            config = make_config(server, db)
            config.feeds.urls = [site.url + "/rss.xml"]
            config.feeds.every_minutes = 0.005  # a pass every 0.3 s
            config.feeds.delay_seconds = 0
            async with running(config):
                while OUTLET not in articles_of(db):
                    await asyncio.sleep(0.05)
                words = write_batch(tmp_path / "wire.jsonl", "وكالة أ", 11, 300)
                ingest = await asyncio.to_thread(marsad, "ingest", "wire.jsonl", cwd=tmp_path,
                                                 db=db)
                assert ingest.returncode == 0 and "added 300," in ingest.stdout, ingest.stderr
                fresh = invented_words(98, 20)
                items.insert(0, publish(site, "/news/late", "خبر متأخر عن " + fresh[0],
                                        [" ".join(fresh[:10]) + ".", " ".join(fresh[10:]) + "."]))
                site.feed("/rss.xml", rss(OUTLET, items), etag='"2"')
                for _ in range(1200):
                    if articles_of(db).get(OUTLET) == 2:
                        break
                    await asyncio.sleep(0.05)
                stored = articles_of(db)
                assert (stored[OUTLET], stored["وكالة أ"]) == (2, 300)
                chat = private_chat(READER)
                for question, expected in ((f"{fresh[3]} {fresh[4]}", fresh[3]),
                                           (f"{words[-30]} {words[-29]}", words[-30])):
                    since = len(server.calls)
                    server.message(chat, READER, question)
                    [reply, *_] = await server.wait_for(
                        lambda since=since: server.sent(chat["id"], since))
                    assert expected in reply["_result"]["text"]  # no /reload needed
    finally:
        site.stop()



def article(outlet: str, seed: int):
    from retrieval.model import Article
    words = invented_words(seed, 20)
    return Article(id=f"{outlet}-{seed}", title=f"{outlet} {words[0]}", source=outlet,
                   date=None, paragraphs=(" ".join(words[:10]) + ".",
                                          " ".join(words[10:]) + "."))


async def test_an_engine_opened_before_another_process_wrote_refuses_to_write(tmp_path):
    from retrieval.engine import Marsad
    from retrieval.ingest import WrittenElsewhere

    db = tmp_path / "news.db"
    async with await Marsad.open(db) as early:
        async with await Marsad.open(db) as other:  # as another process would
            assert (await other.ingest([article("وكالة أ", 1)])).added == 1
        with pytest.raises(WrittenElsewhere, match="open it again"):
            await early.ingest([article("وكالة ب", 2)])
    assert articles_of(db) == {"وكالة أ": 1}  # nothing half-written
    async with await Marsad.open(db) as reopened:  # what the message says to do
        assert (await reopened.ingest([article("وكالة ب", 2)])).added == 1
    assert articles_of(db) == {"وكالة أ": 1, "وكالة ب": 1}
