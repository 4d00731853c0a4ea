"""Following feeds: `marsad follow` as a user runs it (a subprocess stopped by SIGTERM), the
FeedFollower's passes (conditional GET, only new items fetched, answerable at once, questions
answered during a pass), and the Telegram bot's `[feeds]`."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from botapi_server import BotAPIServer, private_chat, running, user
from newsroom_server import NewsroomSite, Route, rss
from test_cli import marsad
from test_telegram import TOKEN, make_config
from test_web_ingest import BUDGET, FARMERS, NEW, OUTLET, publish, quick

from bot.config import ConfigError, load_config
from bot.follow import FeedFollower
from retrieval.engine import Marsad

FARMERS_Q = "كم قيمة خطة دعم المزارعين؟"
BOOKS_Q = "كم دار نشر تشارك في معرض الكتاب؟"


@contextlib.asynccontextmanager
async def held(engine: Marsad):
    """A pass's session over an engine the test keeps open."""
    yield engine


@pytest.fixture
def site():
    s = NewsroomSite().start()
    yield s
    s.stop()


def two_items(site: NewsroomSite) -> list[dict[str, str]]:
    items = [publish(site, "/news/farmers", "الحكومة تقر خطة لدعم المزارعين", FARMERS),
             publish(site, "/news/budget", "البرلمان يقر موازنة العام المقبل", BUDGET)]
    site.feed("/rss.xml", rss("الوطن", items), etag='"1"')
    return items


def add_item(site: NewsroomSite, items: list[dict[str, str]]) -> None:
    items.insert(0, publish(site, "/news/books", "افتتاح معرض الكتاب", NEW))
    site.feed("/rss.xml", rss("الوطن", items), etag='"2"')


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "Ctrl-C"])
def test_cli_follow_prints_each_pass_and_stops_cleanly(site, tmp_path, stop):
    two_items(site)
    quick(tmp_path)
    env = {k: v for k, v in os.environ.items() if not k.startswith("MARSAD_")}
    env |= {"PYTHONIOENCODING": "utf-8", "MARSAD_STORAGE_DB": str(tmp_path / "m.db")}
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "follow", site.url + "/rss.xml", "--every", "30"],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        encoding="utf-8")
    try:
        first = process.stdout.readline()  # the first pass runs at once
        assert "added 2," in first and "failed 0" in first, first
        process.send_signal(stop)
        _, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err
    assert "following 1 feed(s) every 30 minutes" in err and "stopped following" in err
    assert "Traceback" not in err
    sources = json.loads(marsad("sources", "--json", cwd=tmp_path, db=tmp_path / "m.db").stdout)
    assert {s["url"] for s in sources} == {site.url + "/news/farmers", site.url + "/news/budget"}


def test_cli_follow_refuses_what_is_not_a_feed_url(tmp_path):
    result = marsad("follow", "feeds.txt", cwd=tmp_path)
    assert result.returncode == 2 and "not an http:// or https:// feed URL" in result.stderr
    result = marsad("follow", "https://a.example/rss", "--every", "0", cwd=tmp_path)
    assert result.returncode == 2 and "--every" in result.stderr


async def test_passes_fetch_only_what_is_new_and_it_is_answerable_at_once(site, tmp_path):
    items = two_items(site)
    async with await Marsad.open(tmp_path / "m.db") as engine:
        follower = FeedFollower([site.url + "/rss.xml"], 15, session=lambda: held(engine),
                                delay_seconds=0)
        try:
            first = await follower.poll_once()
            assert (first.added, first.errors) == (2, [])
            assert (await engine.answer(FARMERS_Q)).hits[0].source == OUTLET

            unchanged = await follower.poll_once()  # the feed answers 304
            assert (unchanged.added, unchanged.unchanged) == (0, 0)
            assert site.hits("/rss.xml")[-1].headers["If-None-Match"] == '"1"'
            assert len(site.hits("/news/farmers")) == 1

            site.routes["/news/budget"].etag = '"b1"'
            corrected = [*FARMERS[:2], "وأضاف أن الخطة تشمل عشرين ألف مزارع بعد التعديل."]
            publish(site, "/news/farmers", "الحكومة تقر خطة لدعم المزارعين", corrected)
            add_item(site, items)
            grown = await follower.poll_once()
            assert (grown.added, grown.replaced, grown.errors) == (1, 1, [])
            answer = await engine.answer(BOOKS_Q)
            assert answer.answered and answer.hits[0].url == site.url + "/news/books"
            assert "عشرين ألف مزارع" in (await engine.answer("كم مزارعا تشمل الخطة؟")).hits[0].text

            site.feed("/rss.xml", rss("الوطن", items), etag='"3"')  # the feed changed, no page
            again = await follower.poll_once()
            # two pages came back with the same text, the third answered 304: all unchanged
            assert (again.added, again.replaced, again.unchanged) == (0, 0, 3)
            budget = site.hits("/news/budget")[-1].headers
            assert budget["If-None-Match"] == '"b1"'  # its page answered 304, costing nothing
        finally:
            await follower.stop()


async def test_a_page_that_failed_is_fetched_again_though_the_feed_is_unchanged(site, tmp_path):
    two_items(site)
    site.routes["/news/budget"].status = 503  # the site is down for that page, for now
    async with await Marsad.open(tmp_path / "m.db") as engine:
        follower = FeedFollower([site.url + "/rss.xml"], 15, session=lambda: held(engine),
                                delay_seconds=0)
        try:
            first = await follower.poll_once()
            assert first.added == 1 and len(first.errors) == 1
            assert "/news/budget" in first.errors[0]
            site.routes["/news/budget"].status = 200  # back; the feed itself has not changed
            second = await follower.poll_once()
            assert second.added == 1 and second.errors == []
            assert "If-None-Match" not in site.hits("/rss.xml")[-1].headers
            assert (await engine.answer("ماذا أقر البرلمان؟")).hits[0].url.endswith("/budget")
            third = await follower.poll_once()  # all fetched: the feed costs a 304 again
            assert (third.added, third.errors) == (0, [])
            assert site.hits("/rss.xml")[-1].headers.get("If-None-Match") == '"1"'
        finally:
            await follower.stop()


async def test_questions_are_answered_while_a_pass_is_fetching(site, tmp_path):
    items = two_items(site)
    async with await Marsad.open(tmp_path / "m.db") as engine:
        follower = FeedFollower([site.url + "/rss.xml"], 15, session=lambda: held(engine),
                                delay_seconds=0)
        try:
            await follower.poll_once()
            add_item(site, items)
            site.routes["/news/books"].delay = 1.5  # a slow site
            passing = asyncio.ensure_future(follower.poll_once())
            while not site.hits("/news/books"):
                await asyncio.sleep(0.02)
            answer = await engine.answer(FARMERS_Q)
            assert not passing.done()  # answered while the pass was still running
            assert answer.answered and answer.hits[0].url == site.url + "/news/farmers"
            assert (await passing).added == 1
        finally:
            await follower.stop()


async def test_a_failing_pass_is_logged_and_the_next_one_still_comes(site, tmp_path, caplog):
    site.routes["/rss.xml"] = Route(b"<html><body>maintenance</body></html>")
    async with await Marsad.open(tmp_path / "m.db") as engine:
        reports = []
        follower = FeedFollower([site.url + "/rss.xml"], 0.002, session=lambda: held(engine),
                                delay_seconds=0, on_pass=reports.append)
        follower.start()
        try:
            while len(reports) < 2:
                await asyncio.sleep(0.05)
            assert reports[0].errors and "rss.xml" in reports[0].errors[0]
            two_items(site)
            while not any(r.added for r in reports):
                await asyncio.sleep(0.05)
        finally:
            await follower.stop()


def test_feeds_config_from_file_and_environment(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[feeds]\nurls = ["https://a.example/rss.xml"]\nevery_minutes = 5\n',
                    encoding="utf-8")
    config = load_config(path, env={"MARSAD_FEEDS_DELAY_SECONDS": "2.5"})
    assert config.feeds.urls == ["https://a.example/rss.xml"]
    assert (config.feeds.every_minutes, config.feeds.delay_seconds) == (5, 2.5)
    env = {"MARSAD_FEEDS_URLS": "https://a.example/rss, https://b.example/atom"}
    assert load_config(path, env=env).feeds.urls == ["https://a.example/rss",
                                                    "https://b.example/atom"]
    path.write_text('[feeds]\nurls = ["file:///etc/passwd"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="not an http"):
        load_config(path, env={})
    path.write_text("[feeds]\nurls = [1, 2]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"feeds\.urls"):
        load_config(path, env={})


ALICE = user(1001, "Alice", "alice")


async def answerable(engine: Marsad, question: str, url: str, seconds: float = 60) -> None:
    """Wait until a feed pass has made the article at `url` the answer to `question` (its
    stored hash alone may show before the pass has finished indexing it: under load the bot
    was asked in between, and answered without it)."""
    deadline = asyncio.get_running_loop().time() + seconds
    while asyncio.get_running_loop().time() < deadline:
        answer = await engine.answer(question)
        if answer.answered and answer.hits[0].url == url:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"no feed pass made {url} the answer within {seconds} s")


async def test_the_bot_follows_its_feeds_and_answers_new_articles_without_reload(
        site, tmp_path, engine):
    items = two_items(site)
    async with BotAPIServer(TOKEN) as server:
        config = make_config(server, Path(tmp_path) / "bot.db")
        config.feeds.urls = [site.url + "/rss.xml"]
        config.feeds.every_minutes = 0.005  # a pass every 0.3 s
        config.feeds.delay_seconds = 0
        async with running(config, engine):
            await answerable(engine, FARMERS_Q, items[0]["link"])
            chat = private_chat(ALICE)
            since = len(server.calls)
            server.message(chat, ALICE, FARMERS_Q)
            [reply, *_] = await server.wait_for(lambda: server.sent(chat["id"], since))
            assert OUTLET in reply["_result"]["text"]

            add_item(site, items)
            await answerable(engine, BOOKS_Q, items[0]["link"])
            since = len(server.calls)
            server.message(chat, ALICE, BOOKS_Q)
            [reply, *_] = await server.wait_for(lambda: server.sent(chat["id"], since))
            assert "معرض الكتاب" in reply["_result"]["text"]
