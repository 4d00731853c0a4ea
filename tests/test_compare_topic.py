"""A compare prompt suggests a topic the coverage has. Over a newsroom's coverage of Derna's
floods, Morocco's earthquake, Egypt's rates and Sudan's talks, `marsad compare` with no topic
(and `:compare`, `/compare`, an outlet's name given as the topic, `:help`) suggested the
seeds' «الهدايا», which nothing there is about: it suggests the word most headlines share."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import test_telegram as harness
from botapi_server import private_chat
from test_cli import ingested, marsad
from test_telegram import ALICE, Bot, plain

from bot.examples import compare_topic
from retrieval.engine import Marsad
from retrieval.store import SourceInfo

server, start, bot = harness.server, harness.start, harness.bot


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory, data_dir: Path) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("newsroom14")
    articles = data_dir / "newsroom14" / "articles.jsonl"
    return ingested(folder, articles, sum(1 for _ in articles.open(encoding="utf-8")))


@pytest.fixture
async def engine(newsroom):
    opened = await Marsad.open(newsroom[1])
    try:
        yield opened
    finally:
        await opened.close()


def _sources(*titles: str) -> list[SourceInfo]:
    return [SourceInfo(f"a{n}", title, "مصدر", None, 1) for n, title in enumerate(titles)]


@pytest.mark.parametrize(("titles", "topic"), [
    (("آلاف القتلى في فيضانات درنة", "درنة: الحصيلة ترتفع", "زلزال قوي يضرب الحوز"), "درنة"),
    (("زلزال يضرب الحوز", "حصيلة الزلزال ترتفع", "الزلزال يعيد فتح ملف البناء"), "الزلزال"),
    (("بوتين وكيم يتبادلان الهدايا",), "الهدايا"),  # the seeds' subject
    ((), None),  # no articles: no topic to suggest (newcomer22: not the seeds' word)
])
def test_the_topic_is_the_word_most_headlines_share(titles, topic):
    assert compare_topic(_sources(*titles)) == topic


def run(newsroom, *args: str, stdin: str = "") -> str:
    folder, db = newsroom
    result = marsad(*args, cwd=folder, db=db, stdin=stdin)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_cli_suggests_a_topic_of_the_coverage(newsroom):
    assert "marsad compare درنة" in run(newsroom, "compare", "")
    # no TOPIC at all, as a newcomer first types it: the same suggestion, not a usage error
    assert "marsad compare درنة" in run(newsroom, "compare")
    assert "marsad compare درنة" in run(newsroom, "compare", "؟")
    named = run(newsroom, "compare", "الجزيرة", "نت")
    assert "مصدر وليس موضوعاً" in named and "marsad compare درنة" in named
    assert "الهدايا" not in named
    # and what it suggests compares: the outlets that covered it, not silence
    data = json.loads(run(newsroom, "compare", "--json", "درنة"))
    assert len(data["outlets"]) >= 3


def test_the_console_suggests_a_topic_of_the_coverage(newsroom):
    text = run(newsroom, stdin=":help\n:compare\n:quit\n")
    assert "(e.g. :compare درنة)" in text and ":compare درنة (Give a topic" in text
    assert "الهدايا" not in text


async def test_the_bot_suggests_a_topic_of_the_coverage(bot: Bot) -> None:
    assert "/compare درنة" in plain(await bot.ask(private_chat(ALICE), ALICE, "/compare"))
    assert "/compare درنة" in plain(await bot.ask(private_chat(ALICE), ALICE, "/help"))
