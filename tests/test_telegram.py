"""The Telegram bot end to end: the real Application, over HTTP, against tests/botapi_server.py.

Each test starts the Bot API test server, a real `Marsad` engine over the bundled seeds in a
temporary database, and the bot built by `bot.telegram_app` with `base_url` pointing at the
server; then it queues updates the way Telegram would and reads what the bot sent.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import os
import re
import signal
import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from botapi_server import (
    BOT_USERNAME,
    BotAPIServer,
    group_chat,
    parse_html,
    private_chat,
    running,
    user,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from telegram.ext import Application

from bot import telegram_app
from bot import telegram_render as render
from bot.config import Config, ConfigError
from bot.telegram_app import RedactToken, run_telegram
from retrieval.engine import Marsad
from retrieval.model import Answer, Article, Citation, Hit

# Built at runtime so that no token-shaped string sits in the repository.
TOKEN = "".join(["7", "31852", "0946", ":", "AAH", "k9x", "-Qz", "TmP4", "wVb", "8Lr", "2sJd",
                 "Nf", "6yUc", "0oAe", "Zq"])

ALICE = user(1001, "Alice", "alice")
BOB = user(1002, "Bob", "bob")
CAROL = user(1003, "Carol")
ADMIN = user(1999, "Admin", "boss")
GROUP = group_chat(-1001234567890, "غرفة الأخبار")

GIFT_QUESTION = "ماذا أهدى بوتين لكيم؟"
MEETING_QUESTION = "أين التقى بوتين وكيم؟"
OFF_COVERAGE = "من هو مدرب ريال مدريد؟"


# -- harness ---------------------------------------------------------------------------------------

class Bot:
    """The running bot plus the server it talks to, with helpers that read like usage."""

    def __init__(self, server: BotAPIServer, app: Application, engine: Marsad) -> None:
        self.server, self.app, self.engine = server, app, engine
        self.last_update = 0

    def say(self, chat: dict, who: dict, text: str, **kw: Any) -> dict:
        msg = self.server.message(chat, who, text, **kw)
        self.last_update = msg["update_id"]
        return msg

    async def reply(self, msg: dict, since: int = 0) -> dict:
        """The bot's reply to `msg` (in a private chat: its next message there)."""
        chat_id = msg["chat"]["id"]
        if msg["chat"]["type"] == "private":
            sent = await self.server.wait_for(lambda: self.server.sent(chat_id, since))
            return sent[0]
        sent = await self.server.wait_for(lambda: self.server.replies_to(msg, since))
        return sent[0]

    async def ask(self, chat: dict, who: dict, text: str) -> dict:
        since = len(self.server.calls)
        return await self.reply(self.say(chat, who, text), since)

    async def press(self, who: dict, sent: dict, data: str) -> int:
        self.last_update = self.server.callback(who, sent["_result"], data)
        return self.last_update

    async def settle(self) -> None:
        """Wait until every queued update was fetched and fully handled."""
        await self.server.wait_delivered(self.last_update)
        idle = 0
        while idle < 5:
            busy = (not self.app.update_queue.empty()
                    or self.app.update_processor.current_concurrent_updates)
            idle = 0 if busy else idle + 1
            await asyncio.sleep(0.01)


def plain(sent: dict) -> str:
    """What the user sees: the sent HTML as Telegram parses it."""
    return sent["_result"]["text"]


def buttons(sent: dict) -> dict[str, str]:
    markup = sent.get("reply_markup") or {}
    return {b["text"]: b["callback_data"] for row in markup.get("inline_keyboard", [])
            for b in row}


def make_config(server: BotAPIServer, db: Path, **telegram: Any) -> Config:
    config = Config()
    config.storage.db = str(db)
    config.telegram.token = TOKEN
    config.telegram.base_url = server.base_url
    for key, value in telegram.items():
        setattr(config.telegram, key, value)
    return config




@pytest.fixture(autouse=True)
def quick_retries(monkeypatch) -> None:
    """Back off 50 ms instead of 0.5 s between retries of a 5xx; retry_after is still obeyed."""
    monkeypatch.setattr(telegram_app, "RETRY_BACKOFF", 0.05)


@pytest.fixture
async def server() -> AsyncIterator[BotAPIServer]:
    async with BotAPIServer(TOKEN) as s:
        yield s


@pytest.fixture
def start(server: BotAPIServer, engine: Marsad, tmp_path: Path):
    """`async with start(**telegram_settings) as bot:` runs the bot for the test."""
    @contextlib.asynccontextmanager
    async def _start(**telegram: Any) -> AsyncIterator[Bot]:
        config = make_config(server, tmp_path / "marsad.db", **telegram)
        async with running(config, engine) as app:
            yield Bot(server, app, engine)
    return _start


@pytest.fixture
async def bot(start) -> AsyncIterator[Bot]:
    async with start() as b:
        yield b


# -- private chats ---------------------------------------------------------------------------------

async def test_private_question_gets_a_cited_answer(bot: Bot, caplog) -> None:
    caplog.set_level(logging.INFO, logger="bot")
    sent = await bot.ask(private_chat(ALICE), ALICE, GIFT_QUESTION)

    expected = await bot.engine.answer(GIFT_QUESTION, k=9)
    assert expected.answered
    assert sent["parse_mode"] == "HTML"
    assert sent["text"] == render.render_answer(expected, 3)
    text = plain(sent)
    best = expected.hits[0]
    assert text.startswith(best.text[:30])
    bold = [e for e in sent["_result"]["entities"] if e["type"] == "bold"]
    assert bold, "the best sentence is in bold"
    assert best.sentence in text
    # every shown passage carries `— outlet، date`, unknowns said plainly
    assert text.count("— ") == 3
    assert "— مصدر غير معروف، تاريخ غير معروف" in text
    assert "— سكاي نيوز عربية، 14 سبتمبر 2023" in text
    assert set(buttons(sent)) == {render.MORE_BUTTON, render.ARTICLE_BUTTON,
                                  render.FEEDBACK_UP, render.FEEDBACK_DOWN}
    assert any(re.search(r"question chat_type=private answered=True hits=\d+ latency_ms=\d+",
                         r.getMessage()) for r in caplog.records)


async def test_start_and_help_list_outlets_dates_and_examples(bot: Bot) -> None:
    chat = private_chat(BOB)
    for command in ("/start", "/help"):
        sent = await bot.ask(chat, BOB, command)
        text = plain(sent)
        assert text.startswith("مرصد")  # Arabic first
        assert "ما أعرفه: 5 مقالات نشرها 4 مصادر:" in text  # the unknown outlet is none
        for outlet, date in [("سكاي نيوز عربية", "14 سبتمبر 2023"),
                             ("العربي - أ ف ب", "27 يوليو 2024"),
                             ("صحيفة الاتحاد", "14 سبتمبر 2023"),
                             ("صحوة نيوز", "تاريخ غير معروف"),
                             ("مصدر غير معروف", "تاريخ غير معروف")]:
            assert f"• {outlet} — {date}" in text
        for example in render.EXAMPLES:
            assert example in text
        assert f"@{BOT_USERNAME}" in text and "/ask" in text and "/sources" in text
    # the two examples really are answered
    for example in render.EXAMPLES:
        assert (await bot.engine.answer(example)).answered


async def test_sources_lists_outlets_titles_and_dates(bot: Bot) -> None:
    sent = await bot.ask(private_chat(BOB), BOB, "/sources")
    text = plain(sent)
    for source in await bot.engine.sources():
        assert source.title in text
    assert "صحيفة الاتحاد" in text and "14 سبتمبر 2023" in text and "تاريخ غير معروف" in text


async def test_out_of_coverage_is_declined_with_a_pointer_to_sources(bot: Bot) -> None:
    sent = await bot.ask(private_chat(ALICE), ALICE, OFF_COVERAGE)
    text = plain(sent)
    assert "لا تجيب التغطية" in text and "/sources" in text
    assert OFF_COVERAGE in text
    assert "— " not in text  # no passage is passed off as an answer
    assert not buttons(sent)


async def test_unknown_command_and_empty_question_in_private(bot: Bot) -> None:
    chat = private_chat(ALICE)
    assert plain(await bot.ask(chat, ALICE, "/foo")) == render.UNKNOWN_COMMAND
    assert "اكتب سؤالاً" in plain(await bot.ask(chat, ALICE, "؟؟ 🙂"))


# -- groups ----------------------------------------------------------------------------------------

async def test_group_answers_ask_ask_at_bot_mention_and_reply(bot: Bot) -> None:
    asks = [
        f"/ask {GIFT_QUESTION}",
        f"/ask@{BOT_USERNAME} {MEETING_QUESTION}",
        f"@{BOT_USERNAME} {GIFT_QUESTION}",
        f"ماذا أهدى بوتين @{BOT_USERNAME} لكيم؟",  # a mention anywhere in the message
        f"{MEETING_QUESTION} @{BOT_USERNAME.lower()}",
    ]
    for text in asks:
        since = len(bot.server.calls)
        msg = bot.say(GROUP, ALICE, text)
        sent = await bot.reply(msg, since)  # replies to the asking message
        assert sent["reply_parameters"]["message_id"] == msg["message_id"]
        assert "— " in plain(sent) and "لا تجيب" not in plain(sent)

    # a reply to one of the bot's own messages is a question too
    since = len(bot.server.calls)
    msg = bot.say(GROUP, BOB, MEETING_QUESTION, reply_to=sent["_result"])
    answer = await bot.reply(msg, since)
    assert "قاعدة" in plain(answer) or "فوستو" in plain(answer)


async def test_group_ignores_chatter_and_other_bots(bot: Bot) -> None:
    since = len(bot.server.calls)
    chatter = bot.say(GROUP, ALICE, "صباح الخير جميعاً")
    bot.say(GROUP, ALICE, f"/ask@OtherBot {GIFT_QUESTION}")
    bot.say(GROUP, BOB, GIFT_QUESTION, reply_to=chatter)  # a reply, but not to the bot
    bot.say(GROUP, BOB, "@someone_else ما رأيك؟")
    bot.say(GROUP, ALICE, f"@{BOT_USERNAME} {GIFT_QUESTION}", edited=True)  # an edit
    await bot.settle()
    assert bot.server.sent(since=since) == []


async def test_empty_ask_gets_a_force_reply_then_the_reply_is_answered(bot: Bot) -> None:
    since = len(bot.server.calls)
    msg = bot.say(GROUP, CAROL, f"/ask@{BOT_USERNAME}")
    prompt = await bot.reply(msg, since)
    assert prompt["reply_markup"]["force_reply"] is True
    assert prompt["reply_markup"]["selective"] is True
    assert prompt["reply_parameters"]["message_id"] == msg["message_id"]

    since = len(bot.server.calls)
    reply = bot.say(GROUP, CAROL, GIFT_QUESTION, reply_to=prompt["_result"])
    assert "بندقية" in plain(await bot.reply(reply, since))


# -- buttons ---------------------------------------------------------------------------------------

async def test_more_results_and_full_article_buttons(bot: Bot) -> None:
    chat = private_chat(ALICE)
    first = await bot.ask(chat, ALICE, MEETING_QUESTION)
    answer = await bot.engine.answer(MEETING_QUESTION, k=9)
    data = buttons(first)

    since = len(bot.server.calls)
    await bot.press(ALICE, first, data[render.MORE_BUTTON])
    page = await bot.server.wait_for(lambda: bot.server.sent(chat["id"], since))
    page = page[0]
    assert bot.server.calls_to("answerCallbackQuery", since)
    # the pressed button is gone, the article button stays
    edit = bot.server.calls_to("editMessageReplyMarkup", since)[0].params
    assert [b["text"] for row in edit["reply_markup"]["inline_keyboard"] for b in row] == [
        render.ARTICLE_BUTTON, render.FEEDBACK_UP, render.FEEDBACK_DOWN]
    text = plain(page)
    for hit in answer.hits[3:6]:
        assert hit.text[:40] in text or hit.sentence[:40] in text
    assert text.count("— ") >= 3  # each passage cited
    assert page["reply_parameters"]["message_id"] == first["_result"]["message_id"]

    # full article of the best hit: title, citation, every paragraph, in order
    since = len(bot.server.calls)
    await bot.press(ALICE, first, data[render.ARTICLE_BUTTON])
    await bot.settle()
    parts = [plain(p) for p in bot.server.sent(chat["id"], since)]
    article = await bot.engine.article(answer.hits[0].article_id)
    assert parts and parts[0].startswith(article.title)
    whole = "\n\n".join(parts)
    positions = [whole.find(p[:50]) for p in article.paragraphs]
    assert -1 not in positions and positions == sorted(positions)


async def test_forged_and_stale_callbacks_get_a_polite_answer(bot: Bot) -> None:
    chat = private_chat(ALICE)
    first = await bot.ask(chat, ALICE, GIFT_QUESTION)
    since = len(bot.server.calls)
    forged = ["", "x", "m:zz", "m:99999:3", "m:1:0", "m:1:77", "a:../../etc/passwd",
              "a:no_such_article", "a#1:42", "a:" + "9" * 70, "🙂"]
    for data in forged:
        await bot.press(ALICE, first, data)
    await bot.settle()
    answers = bot.server.calls_to("answerCallbackQuery", since)
    assert len(answers) == len(forged)
    assert all(a.params.get("text") in {render.STALE_BUTTON, render.ARTICLE_GONE}
               for a in answers)
    assert bot.server.sent(since=since) == []
    # and the bot goes on serving
    assert "— " in plain(await bot.ask(chat, ALICE, MEETING_QUESTION))


async def test_buttons_from_another_chat_are_stale(bot: Bot) -> None:
    first = await bot.ask(private_chat(ALICE), ALICE, MEETING_QUESTION)
    more = buttons(first)[render.MORE_BUTTON]
    elsewhere = {**first["_result"], "chat": private_chat(BOB)}
    since = len(bot.server.calls)
    bot.last_update = bot.server.callback(BOB, elsewhere, more)
    await bot.settle()
    assert bot.server.calls_to("answerCallbackQuery", since)[0].params["text"] == (
        render.STALE_BUTTON)
    assert bot.server.sent(since=since) == []


# -- inline mode -----------------------------------------------------------------------------------

async def test_inline_query_gives_up_to_five_cited_passages(bot: Bot) -> None:
    since = len(bot.server.calls)
    bot.server.inline(ALICE, GIFT_QUESTION)
    call = (await bot.server.wait_for(lambda: bot.server.calls_to("answerInlineQuery", since)))[0]
    results = call.params["results"]
    assert 1 <= len(results) <= 5
    for result in results:
        content = result["input_message_content"]
        assert content["parse_mode"] == "HTML"
        text, _ = parse_html(content["message_text"])
        assert "— " in text and ("تاريخ غير معروف" in text or "20" in text)
        assert "— " not in result["title"] and result["description"]

    since = len(bot.server.calls)
    bot.server.inline(ALICE, OFF_COVERAGE)
    call = (await bot.server.wait_for(lambda: bot.server.calls_to("answerInlineQuery", since)))[0]
    assert call.params["results"] == []
    assert call.params["button"]["start_parameter"] == "sources"


async def test_inline_declined_with_related_passages_offers_them_labelled_closest(bot) -> None:
    since = len(bot.server.calls)
    bot.server.inline(ALICE, "ماذا أهدى ترامب لكيم؟")  # Putin's gifts are not Trump's
    call = (await bot.server.wait_for(lambda: bot.server.calls_to("answerInlineQuery", since)))[0]
    results = call.params["results"]
    assert results and all(r["title"].startswith(render.INLINE_CLOSEST) for r in results)
    assert call.params["button"]["start_parameter"] == "sources"  # "does not answer this"
    text, _ = parse_html(results[0]["input_message_content"]["message_text"])
    assert "— " in text  # what is shared still cites its outlet and date

    since = len(bot.server.calls)
    bot.server.inline(ALICE, GIFT_QUESTION)  # answered: no label, no button
    call = (await bot.server.wait_for(lambda: bot.server.calls_to("answerInlineQuery", since)))[0]
    assert not any(r["title"].startswith(render.INLINE_CLOSEST) for r in call.params["results"])
    assert not call.params.get("button")


async def test_start_with_sources_payload_lists_sources(bot: Bot) -> None:
    text = plain(await bot.ask(private_chat(ALICE), ALICE, "/start sources"))
    assert text.startswith("المصادر")


# -- escaping and length ---------------------------------------------------------------------------

TRICKY = Article(
    id="tricky_html",
    title="<b>عنوان</b> & <script>alert(1)</script> كاسحة الجليد",
    source="وكالة <i>أنباء</i> & شركاه",
    date=dt.date(2023, 9, 15),
    paragraphs=(
        "أعلنت الوكالة أن كاسحة الجليد النووية <script>alert('x')</script> أبحرت & عادت "
        "إلى ميناء مورمانسك بعد رحلة طويلة في بحر <b>بارنتس</b>.",
        "وقال القبطان إن الرحلة 5 < 7 أيام & أن الطقس كان \"معتدلاً\" على غير العادة.",
    ),
    url="https://example.com/news?id=1&lang=ar",
)


async def test_html_in_questions_and_corpus_is_escaped(bot: Bot) -> None:
    await bot.engine.ingest([TRICKY])
    chat = private_chat(ALICE)
    # corpus text with markup: sent as valid HTML (the server parses it strictly)
    sent = await bot.ask(chat, ALICE, "متى عادت كاسحة الجليد النووية إلى ميناء مورمانسك؟")
    text = plain(sent)
    assert "<script>alert('x')</script>" in text and "<b>بارنتس</b>" in text
    assert "&lt;script&gt;" in sent["text"] and "<script>" not in sent["text"]
    assert "وكالة <i>أنباء</i> & شركاه، 15 سبتمبر 2023" in text
    links = [e for e in sent["_result"]["entities"] if e["type"] == "text_link"]
    assert links and links[0]["url"] == TRICKY.url

    # a question with markup, echoed in the decline
    question = "ما <b>رأي</b> & <script>steal()</script> نادي برشلونة؟"
    sent = await bot.ask(chat, ALICE, question)
    assert question in plain(sent) and "<script>" not in sent["text"]

    # the full article and inline results
    first = await bot.ask(chat, ALICE, "كاسحة الجليد مورمانسك بارنتس")
    since = len(bot.server.calls)
    await bot.press(ALICE, first, buttons(first)[render.ARTICLE_BUTTON])
    await bot.settle()
    article_text = "\n".join(plain(p) for p in bot.server.sent(chat["id"], since))
    assert TRICKY.title in article_text and "5 < 7 أيام &" in article_text
    since = len(bot.server.calls)
    bot.server.inline(ALICE, "<b>كاسحة</b> & الجليد <script>")
    call = (await bot.server.wait_for(lambda: bot.server.calls_to("answerInlineQuery", since)))[0]
    assert call.params["results"]
    assert bot.server.calls_to("answerInlineQuery", since)[0].params.get("_result") is True


async def test_long_passages_and_articles_are_split_at_4096(bot: Bot) -> None:
    words = " ".join(f"كلمة{i}&<>" * 6 for i in range(110))  # one passage, >4096 once escaped
    paragraphs = tuple(f"فقرة رقم {n} عن المنطاد القطبي الأزرق. " + words for n in range(6))
    article = Article("long_one", "المنطاد القطبي الأزرق", "صحيفة الطول", dt.date(2024, 1, 2),
                      paragraphs)
    await bot.engine.ingest([article])
    assert len(render.esc(article.text)) > 6 * render.MAX_MESSAGE

    chat = private_chat(ALICE)
    sent = await bot.ask(chat, ALICE, "ماذا عن المنطاد القطبي الأزرق؟")
    assert render.tg_len(sent["text"]) <= render.MAX_MESSAGE  # and the server accepted it
    assert "— صحيفة الطول، 2 يناير 2024" in plain(sent)
    assert "…" in plain(sent)  # the passage was shortened, not the citation

    since = len(bot.server.calls)
    await bot.press(ALICE, sent, buttons(sent)[render.ARTICLE_BUTTON])
    await bot.settle()
    parts = bot.server.sent(chat["id"], since)
    assert len(parts) >= 7
    assert all(render.tg_len(p["text"]) <= render.MAX_MESSAGE for p in parts)
    joined = " ".join(plain(p) for p in parts)
    assert all(f"كلمة{i}&<>" in joined for i in range(110))
    assert all(f"فقرة رقم {n}" in joined for n in range(6))


# -- faults ----------------------------------------------------------------------------------------

async def test_429_and_500_on_send_message_are_retried_and_serving_goes_on(bot: Bot,
                                                                          caplog) -> None:
    bot.server.fail("sendMessage", 429, retry_after=1)
    bot.server.fail("sendMessage", 500)
    chat = private_chat(ALICE)
    since = len(bot.server.calls)
    sent = await bot.ask(chat, ALICE, GIFT_QUESTION)
    assert "— " in plain(sent)
    attempts = [c for c in bot.server.calls_to("sendMessage", since)
                if int(c.params["chat_id"]) == chat["id"]]
    assert len(attempts) == 3 and attempts[0].params["text"] == attempts[2].params["text"]
    waits = [r.getMessage() for r in caplog.records if "retrying in" in r.getMessage()]
    assert waits[0].endswith("flood control on sendMessage: retrying in 1 s")  # retry_after
    assert "— " in plain(await bot.ask(chat, ALICE, MEETING_QUESTION))


async def test_failure_that_outlasts_retries_is_logged_once_and_bot_goes_on(bot: Bot,
                                                                           caplog) -> None:
    caplog.set_level(logging.INFO)
    bot.server.fail("sendMessage", 500, times=4)
    chat = private_chat(BOB)
    bot.say(chat, BOB, GIFT_QUESTION)
    await bot.settle()
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and "failed to handle update" in errors[0].getMessage()
    assert "— " in plain(await bot.ask(chat, BOB, GIFT_QUESTION))


async def test_engine_error_is_logged_and_the_asker_told(bot: Bot, caplog, monkeypatch) -> None:
    async def broken(question: str, k: int = 3) -> Answer:
        raise RuntimeError("index corrupted")
    monkeypatch.setattr(bot.engine, "answer", broken)
    sent = await bot.ask(private_chat(CAROL), CAROL, GIFT_QUESTION)
    assert plain(sent) == render.FAILED
    assert [r.levelno for r in caplog.records if "index corrupted" in str(r.exc_info)] == [
        logging.ERROR]


async def test_unknown_set_my_commands_does_not_stop_the_bot(server, start, caplog) -> None:
    server.fail("setMyCommands", 404, description="Not Found", times=None)
    async with start() as bot:
        assert "— " in plain(await bot.ask(private_chat(ALICE), ALICE, GIFT_QUESTION))
    assert server.calls_to("setMyCommands")
    assert any("could not register the bot commands" in r.getMessage() for r in caplog.records)


async def test_slow_engine_does_not_stall_other_chats(bot: Bot, monkeypatch) -> None:
    release = asyncio.Event()
    real = bot.engine.answer

    async def sometimes_slow(question: str, k: int = 3) -> Answer:
        if question == MEETING_QUESTION:
            await release.wait()
        return await real(question, k)
    monkeypatch.setattr(bot.engine, "answer", sometimes_slow)

    slow = bot.say(private_chat(ALICE), ALICE, MEETING_QUESTION)
    fast = await bot.ask(private_chat(BOB), BOB, GIFT_QUESTION)
    assert "— " in plain(fast)
    assert bot.server.sent(ALICE["id"]) == []
    release.set()
    assert "— " in plain(await bot.reply(slow))


# -- access control --------------------------------------------------------------------------------

async def test_allowlist_refuses_once_per_chat_and_lets_admins_in(start) -> None:
    async with start(allowed_chats=[ALICE["id"], GROUP["id"]], admins=[ADMIN["id"]]) as bot:
        assert "— " in plain(await bot.ask(private_chat(ALICE), ALICE, GIFT_QUESTION))
        assert "— " in plain(await bot.ask(private_chat(ADMIN), ADMIN, GIFT_QUESTION))
        assert "— " in plain(await bot.ask(GROUP, BOB, f"/ask {GIFT_QUESTION}"))

        outsider = private_chat(BOB)
        assert plain(await bot.ask(outsider, BOB, GIFT_QUESTION)) == render.REFUSED
        other_group = group_chat(-100999, "Elsewhere")
        assert plain(await bot.ask(other_group, CAROL, f"/ask {GIFT_QUESTION}")) == (
            render.REFUSED)
        since = len(bot.server.calls)
        bot.say(outsider, BOB, MEETING_QUESTION)
        bot.say(outsider, BOB, "/help")
        bot.say(other_group, ALICE, f"@{BOT_USERNAME} {MEETING_QUESTION}")
        bot.say(other_group, ALICE, "chatter")
        await bot.settle()
        assert bot.server.sent(since=since) == []

        since = len(bot.server.calls)
        bot.server.inline(BOB, GIFT_QUESTION)
        call = (await bot.server.wait_for(
            lambda: bot.server.calls_to("answerInlineQuery", since)))[0]
        assert call.params["results"] == []


async def test_rate_limit_says_slow_down_once(start) -> None:
    async with start(rate_limit_per_minute=3, admins=[ADMIN["id"]]) as bot:
        chat = private_chat(ALICE)
        for _ in range(3):
            assert "— " in plain(await bot.ask(chat, ALICE, GIFT_QUESTION))
        assert plain(await bot.ask(chat, ALICE, GIFT_QUESTION)) == render.SLOW_DOWN
        since = len(bot.server.calls)
        bot.say(chat, ALICE, GIFT_QUESTION)
        await bot.settle()
        assert bot.server.sent(since=since) == []  # told once, then quiet
        # other users and admins are not affected
        assert "— " in plain(await bot.ask(private_chat(BOB), BOB, GIFT_QUESTION))
        for _ in range(5):
            assert "— " in plain(await bot.ask(private_chat(ADMIN), ADMIN, GIFT_QUESTION))


# -- secrets and configuration ---------------------------------------------------------------------

async def test_token_never_appears_in_logs(server, engine, tmp_path, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    server.fail("setMyCommands", 404, description="Not Found")
    server.fail("sendMessage", 500, times=5)
    config = make_config(server, tmp_path / "marsad.db")
    async with running(config, engine) as app:
        bot = Bot(server, app, engine)
        bot.say(private_chat(ALICE), ALICE, GIFT_QUESTION)
        await bot.settle()
        await bot.ask(private_chat(ALICE), ALICE, MEETING_QUESTION)
        bot.server.inline(ALICE, GIFT_QUESTION)
        await bot.ask(private_chat(ALICE), ALICE, "/help")
    assert len(caplog.records) > 5
    secret = TOKEN.split(":")[1]
    assert not [r for r in caplog.records if secret in r.getMessage()]
    assert secret not in caplog.text  # formatted, tracebacks included


async def test_marsad_telegram_command_polls_answers_and_stops(server, tmp_path) -> None:
    """`marsad telegram` as a user runs it: config from the environment, engine from seeds."""
    env = {**os.environ, "MARSAD_TELEGRAM_TOKEN": TOKEN,
           "MARSAD_TELEGRAM_BASE_URL": server.base_url,
           "MARSAD_STORAGE_DB": str(tmp_path / "cli.db")}
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "telegram", cwd=tmp_path, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        await server.wait_for(lambda: server.calls_to("setMyCommands"), timeout=30)
        msg = server.message(private_chat(ALICE), ALICE, GIFT_QUESTION)
        sent = await server.wait_for(lambda: server.sent(ALICE["id"]), timeout=30)
        assert "— " in plain(sent[0])
        await server.wait_delivered(msg["update_id"])
    finally:
        if proc.returncode is None:
            proc.send_signal(signal.SIGINT)
        out, err = await asyncio.wait_for(proc.communicate(), 30)
    assert proc.returncode == 0, err.decode()
    log_text = (out + err).decode()
    assert "question chat_type=private answered=True" in log_text
    assert TOKEN.split(":")[1] not in log_text


def _closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _marsad_telegram(base_url: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "MARSAD_TELEGRAM_TOKEN": TOKEN, "MARSAD_TELEGRAM_BASE_URL": base_url,
           "MARSAD_STORAGE_DB": str(tmp_path / "cli.db")}
    return subprocess.run([sys.executable, "-m", "bot", "telegram", *args], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=120)


def test_unreachable_bot_api_is_said_in_two_lines_without_traceback(tmp_path) -> None:
    port = _closed_port()
    done = _marsad_telegram(f"http://127.0.0.1:{port}/bot", tmp_path)
    output = done.stdout + done.stderr
    lines = [line for line in output.splitlines() if line.strip()]
    assert done.returncode == 1
    assert 1 <= len(lines) <= 2, output
    assert "Traceback" not in output and "retrying" not in output
    assert f"could not reach the Telegram Bot API at 127.0.0.1:{port}" in lines[0]
    assert "base_url" in output and "--debug" in output  # what to check
    assert TOKEN.split(":")[1] not in output

    debug = _marsad_telegram(f"http://127.0.0.1:{port}/bot", tmp_path, "--debug")
    assert debug.returncode == 1 and "Traceback" in debug.stderr
    assert TOKEN.split(":")[1] not in debug.stdout + debug.stderr


async def test_a_bot_api_failing_at_start_is_said_in_two_lines(server, tmp_path) -> None:
    """A Bot API that answers, but only 502s: the same short message, the server's words."""
    server.fail("getMe", 502, description="Bad Gateway", times=None)
    done = await asyncio.to_thread(_marsad_telegram, server.base_url, tmp_path)
    output = done.stdout + done.stderr
    assert done.returncode == 1
    assert len(output.strip().splitlines()) <= 2 and "Traceback" not in output, output
    assert "Bad Gateway" in output and f"127.0.0.1:{server.port}" in output
    assert TOKEN.split(":")[1] not in output
    assert len(server.calls_to("getMe")) == 1  # no retries before saying so


def test_redact_token_filter() -> None:
    record = logging.LogRecord("httpx", logging.INFO, __file__, 1, "POST %s", (
        f"http://x/bot{TOKEN}/getMe",), None)
    RedactToken(TOKEN).filter(record)
    assert TOKEN not in record.getMessage() and "<token>" in record.getMessage()


def test_missing_token_is_a_clear_config_error() -> None:
    with pytest.raises(ConfigError, match=r"token is missing.*MARSAD_TELEGRAM_TOKEN"):
        run_telegram(Config())


def test_webhook_needs_https_url() -> None:
    config = Config()
    config.telegram.token = TOKEN
    config.telegram.webhook_url = "http://example.com/hook"
    with pytest.raises(ConfigError, match="https"):
        run_telegram(config)


# -- rendering limits ------------------------------------------------------------------------------

_FRAGMENTS = ["كلمة ", "بوتين", "&", "<b>", "</i>", "&amp;", "<script>", '"', "'", " ", "\n",
              "\n\n", ".", "؟", "😀", "ـ", "x" * 50, "قال " * 20]
_text = st.builds(lambda parts, times: "".join(parts) * times,
                  st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=40),
                  st.integers(1, 120))


@settings(max_examples=40, deadline=None, database=None)
@given(text=_text, sentence_at=st.integers(0, 6000), source=st.text(max_size=150))
def test_rendered_messages_never_exceed_4096(text: str, sentence_at: int, source: str) -> None:
    sentence = text[sentence_at % len(text):][:800]
    cites = [Citation(str(i), source or None, None) for i in range(15)]
    hits = [Hit(i + 1, 1.0, text, f"a{i}", source, source or None, dt.date(2023, 9, 14),
                sentence=sentence if i % 2 == 0 else sentence[::-1] + "؟",  # not verbatim
                also_reported_by=cites) for i in range(9)]
    answer = Answer("<q>" + text[:100], True, hits)
    messages = [render.render_answer(answer), render.render_more(hits[3:6], 4),
                render.render_inline_message(hits[0]), render.render_inline_message(hits[1]),
                render.render_declined(text)]
    messages += render.render_article(Article("x", source, source, None, (text, text[::-1])))
    for message in messages:
        assert render.tg_len(message) <= render.MAX_MESSAGE
        parse_html(message)  # well-formed: no broken tag or entity


# -- latency ---------------------------------------------------------------------------------------

async def test_two_hundred_questions_all_answered(start) -> None:
    """A few hundred questions in a row, as benchmarks/telegram_latency.py times them."""
    questions = [GIFT_QUESTION, MEETING_QUESTION, "ماذا قال كيم عن روسيا؟", OFF_COVERAGE,
                 "هل ستساعد روسيا كوريا الشمالية في بناء أقمار اصطناعية؟"]
    async with start(rate_limit_per_minute=0) as bot:
        declined = 0
        for i in range(200):
            who = user(5000 + i % 20, f"u{i % 20}")
            sent = await bot.ask(private_chat(who), who, questions[i % len(questions)])
            declined += "لا تجيب التغطية" in plain(sent)
        assert declined == 40  # exactly the out-of-coverage ones
