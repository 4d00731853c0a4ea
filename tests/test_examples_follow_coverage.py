"""The example question follows the coverage everywhere it is shown (issue 12, round 6).

break6 made /start and /help suggest the newsroom's own headlines; the console's help, the
"ask in Arabic" notice and Telegram's not-a-question reply still suggested the seeds'
«ماذا أهدى بوتين لكيم؟» over coverage that cannot answer it. One chooser (bot/examples.py)
now serves them all: the seeds' question only while their subject is covered.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from test_cli import marsad

from bot.console import run_console
from bot.examples import EXAMPLES, example
from retrieval.model import Article

NEWEST = "السيول تجرف جسرا في ولاية كسلا"
ARTICLES = [
    Article("k1", "البرلمان يقر الموازنة العامة", "الغد", dt.date(2024, 1, 18), (
        "أقر مجلس النواب الموازنة العامة بعجز متوقع يبلغ ملياري دينار.",)),
    Article("k2", NEWEST, "سودان تريبيون", dt.date(2024, 8, 12), (
        "جرفت السيول جسرا رئيسيا في ولاية كسلا وقطعت الطريق إلى بورتسودان.",)),
    Article("k3", "تقرير بلا تاريخ عن الحصبة", "الراكوبة", None, (
        "سجلت السلطات الصحية إصابات بالحصبة في ثلاث ولايات.",)),
]
SEEDS_WORDS = ("بوتين", "كيم")


@pytest.fixture
async def newsroom(engine_over):
    return await engine_over(ARTICLES)


async def test_the_example_is_the_newest_headline_of_other_coverage(newsroom) -> None:
    assert example(await newsroom.sources()) == NEWEST


async def test_the_seeds_keep_their_example(engine) -> None:
    assert example(await engine.sources()) == EXAMPLES[0]


async def test_the_consoles_help_suggests_the_coverages_headline(newsroom, monkeypatch,
                                                                 capsys) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(":help\nWhat did the parliament pass?\n"))
    assert await run_console(newsroom, interactive=False) == 0
    out = capsys.readouterr().out
    assert f"مثال: {NEWEST}" in out
    assert f"for example: {NEWEST}" in out  # the "ask in Arabic" notice
    assert not any(w in out for w in SEEDS_WORDS)


@pytest.mark.parametrize("question", ["What did the parliament pass?",
                                      "Qu'a voté le parlement ?",
                                      "Was hat das Parlament beschlossen?"])
def test_ask_in_another_language_suggests_the_coverages_headline(tmp_path: Path,
                                                                 question: str) -> None:
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("\n".join(json.dumps({
        "id": a.id, "title": a.title, "source": a.source,
        "date": a.date.isoformat() if a.date else None, "text": "\n\n".join(a.paragraphs)},
        ensure_ascii=False) for a in ARTICLES), encoding="utf-8")
    db = tmp_path / "n.db"
    marsad("ingest", str(corpus), cwd=tmp_path, db=db)
    out = marsad("ask", question, cwd=tmp_path, db=db).stdout
    assert NEWEST in out and not any(w in out for w in SEEDS_WORDS)


@pytest.mark.parametrize("message", ["؟؟؟", "What did the parliament pass?", "...!"])
async def test_telegrams_replies_suggest_the_coverages_headline(newsroom, message) -> None:
    from botapi_server import BotAPIServer, private_chat, running, user

    from bot.config import Config

    token = "".join(["1234", "567", ":", "B" * 35])
    reader = user(1002, "Bob", "bob")
    async with BotAPIServer(token) as server:
        config = Config()
        config.storage.db, config.telegram.token = str(newsroom.store.path), token
        config.telegram.base_url = server.base_url
        async with running(config, newsroom):
            chat = private_chat(reader)
            server.message(chat, reader, message)
            [sent] = await server.wait_for(lambda: server.sent(chat["id"]))
    text = sent["_result"]["text"]
    assert NEWEST in text and not any(w in text for w in SEEDS_WORDS)
