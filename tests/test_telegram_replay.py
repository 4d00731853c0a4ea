"""Telegram as groups really use it, replayed: forum topics, captions, migrated groups, inline
results under an allowlist, other languages.

Each case in tests/data/telegram/ (format: tests/data/telegram/README.md) is run against the
project's Bot API server with the real `Application`: its faults injected, its steps queued one
at a time, each handled before the next. `check_replay` then holds every replay to what any
situation of these kinds must satisfy; each test adds what its case is about.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import test_telegram as harness
from botapi_server import BotAPIServer, Call, running
from test_telegram import TOKEN, Bot, buttons, plain

from bot import telegram_render as render
from bot.config import Config, load_config
from bot.render import other_language_notice
from retrieval.engine import Marsad

CASES = Path(__file__).parent / "data" / "telegram"
MIGRATED = "group chat was upgraded to a supergroup chat"  # the Bot API's words

# the harness's fixtures, used here by name
server, start, quick_retries = harness.server, harness.start, harness.quick_retries


# -- the replay harness ----------------------------------------------------------------------------

@dataclass
class Step:
    spec: dict[str, Any]
    calls: list[Call]  # what the bot called while handling this step
    origin: dict[str, Any] | None  # the message the step is about (asked, or pressed)

    def sent(self, chat_id: int | None = None) -> list[dict[str, Any]]:
        """The messages this step made the bot send (the server accepted them)."""
        return [c.params for c in self.calls if c.method.lower() == "sendmessage"
                and "_result" in c.params
                and (chat_id is None or int(c.params["chat_id"]) == chat_id)]

    def calls_to(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method.lower() == method.lower()]


@dataclass
class Replay:
    case: dict[str, Any]
    config: Config
    steps: list[Step]
    server: BotAPIServer


def load_case(name: str) -> dict[str, Any]:
    return json.loads((CASES / name).read_text(encoding="utf-8"))


def case_config(case: dict[str, Any], server: BotAPIServer, tmp_path: Path) -> Config:
    """The bot's configuration: the case's `config` given as `MARSAD_TELEGRAM_*` overrides."""
    empty = tmp_path / "config.toml"
    empty.write_text("", encoding="utf-8")
    env = {f"MARSAD_TELEGRAM_{key.upper()}": str(value)
           for key, value in (case.get("config") or {}).items()}
    config = load_config(empty, env=env)
    config.storage.db = str(tmp_path / "marsad.db")
    config.telegram.token = TOKEN
    config.telegram.base_url = server.base_url
    return config


def _carrying(server: BotAPIServer, label: str) -> tuple[dict[str, Any], str]:
    """The bot's last message with a button labelled `label`, and that button's data."""
    for params in reversed(server.sent()):
        message = params["_result"]
        data = buttons(message).get(label)
        if data is not None:
            return message, data
    raise AssertionError(f"the bot sent no message with a button {label!r}")


def _last_sent(server: BotAPIServer, chat_id: int) -> dict[str, Any]:
    """The bot's last message in `chat_id`, as a `reply_to_message`."""
    for params in reversed(server.sent(chat_id)):
        return {k: v for k, v in params["_result"].items() if k != "reply_to_message"}
    raise AssertionError(f"the bot sent nothing to chat {chat_id} to reply to")


def _origin(update: dict[str, Any]) -> dict[str, Any] | None:
    for kind in ("message", "edited_message", "channel_post", "edited_channel_post"):
        if kind in update:
            return update[kind]
    return (update.get("callback_query") or {}).get("message")


async def replay(case: dict[str, Any], server: BotAPIServer, engine: Marsad,
                 tmp_path: Path) -> Replay:
    """Run `case` against `server` with the real bot; every step is handled before the next."""
    assert case.get("corpus", "seeds") == "seeds", "only the bundled seeds are replayed"
    for fault in case.get("faults") or []:
        server.fail(fault["method"], fault.get("status", 500),
                    description=fault.get("description"), parameters=fault.get("parameters"),
                    retry_after=(fault.get("parameters") or {}).get("retry_after"),
                    times=fault.get("times", 1))
    config = case_config(case, server, tmp_path)
    steps: list[Step] = []
    async with running(config, engine) as app:
        bot = Bot(server, app, engine)
        pressed: tuple[dict[str, Any], str] | None = None  # the last press: message, data
        for spec in case["steps"]:
            start = len(server.calls)
            if "message" in spec:
                origin = dict(spec["message"])
                if spec.get("replying"):  # a reply to the bot's last message in that chat
                    origin["reply_to_message"] = _last_sent(server, origin["chat"]["id"])
                bot.last_update = server.push_message(origin)
            elif "update" in spec:
                origin = _origin(spec["update"])
                bot.last_update = server.push(spec["update"])
            elif "press" in spec:
                if not spec.get("again") or pressed is None:
                    pressed = _carrying(server, spec["press"])
                origin, data = pressed
                if "chat" in spec:  # the message as seen in another chat (a migrated group's)
                    origin = {**origin, "chat": spec["chat"]}
                    server.chats.setdefault(origin["chat"]["id"], origin["chat"])
                    server.messages[(origin["chat"]["id"], origin["message_id"])] = origin
                bot.last_update = server.callback(spec["from"], origin, data)
            else:
                raise AssertionError(f"unknown step {spec}")
            await bot.settle()
            steps.append(Step(spec, server.calls[start:], origin))
    result = Replay(case, config, steps, server)
    check_replay(result)
    return result


def _migrated_to(call: Call) -> int | None:
    """The supergroup a refused send was pointed to (an injected fault, or the server's own
    refusal of a group that migrated); None for any other call."""
    parameters = call.fault.parameters if call.fault else call.params.get("_error_parameters")
    return (parameters or {}).get("migrate_to_chat_id")


def _topic_gone(call: Call) -> bool:
    """The call was refused because its forum topic was deleted or closed: what follows
    may go to the forum's General topic."""
    said = (call.fault.description if call.fault else call.params.get("_error")) or ""
    return any(gone in said.lower() for gone in ("thread not found", "topic_deleted",
                                                 "topic_closed"))


def check_replay(run: Replay) -> None:
    """What holds in every replay, whatever the situation."""
    for step in run.steps:
        for call in step.calls:
            if call.method.lower() == "getupdates" or (call.fault and not _migrated_to(call)):
                continue
            new = _migrated_to(call)
            # the server accepted every call (valid HTML, length, thread, markup) ...
            assert "_result" in call.params or new, (call.method, call.params.get("_error"))
            if new and call.method.lower() == "sendmessage":  # ... and what a migrated group
                # refused reached its supergroup (an edit of an old message is let go)
                assert any(s["text"] == call.params["text"] for s in step.sent(new)), (
                    "lost in the migration", call.params["text"][:80])
        origin = step.origin or {}
        gone = any(_topic_gone(call) for call in step.calls)
        if origin.get("is_topic_message") and not gone:  # a topic's replies stay in that topic
            for sent in step.sent(origin["chat"]["id"]):
                assert sent.get("message_thread_id") == origin["message_thread_id"], (
                    step.spec, plain(sent))
        if "press" in step.spec:  # every press is answered, once (a 429 is tried again)
            assert len([c for c in step.calls_to("answerCallbackQuery")
                        if not (c.fault and c.fault.status == 429)]) == 1
        if run.config.telegram.allowed_chats:  # restricted access: personal inline results
            assert all(call.params.get("is_personal") is True
                       for call in step.calls_to("answerInlineQuery"))


@pytest.fixture
def run(server: BotAPIServer, engine: Marsad, tmp_path: Path) -> Callable:
    async def _run(name: str) -> Replay:
        return await replay(load_case(name), server, engine, tmp_path)
    return _run


def only(sent: list[dict[str, Any]]) -> dict[str, Any]:
    assert len(sent) == 1, [plain(s)[:60] for s in sent]
    return sent[0]


# -- forum topics ----------------------------------------------------------------------------------

async def test_forum_topic_full_article_follow_ups_stay_in_the_topic(run, engine) -> None:
    replayed = await run("forum-topic-full-article.json")
    ask, article, more, article4 = replayed.steps
    chat = ask.origin["chat"]["id"]
    answer = only(ask.sent(chat))
    assert answer["message_thread_id"] == 77
    assert answer["reply_parameters"]["message_id"] == 500
    assert "بندقية" in plain(answer)
    # the full article, the next page, and the article of the fourth hit: all in topic 77
    expected = await engine.answer("ماذا أهدى بوتين لكيم؟", k=9)
    first = await engine.article(expected.hits[0].article_id)
    assert plain(article.sent(chat)[0]).startswith(first.title)
    assert "نتائج أخرى (4–" in plain(only(more.sent(chat)))
    fourth = await engine.article(expected.hits[3].article_id)
    assert plain(article4.sent(chat)[0]).startswith(fourth.title)
    for step in (article, more, article4):
        assert step.sent(chat) and all(s["message_thread_id"] == 77 for s in step.sent(chat))


async def test_every_reply_in_a_topic_stays_there(run) -> None:
    replayed = await run("forum-topic-every-reply.json")
    (ask, more, article5, rate, empty_ask, declined, sources, compare, caption, article,
     general, general_more) = replayed.steps
    chat = ask.origin["chat"]["id"]
    assert only(ask.sent(chat))["message_thread_id"] == 12
    assert more.sent(chat) and article5.sent(chat)
    assert rate.sent() == [] and rate.calls_to("answerCallbackQuery")[0].params["text"] == (
        render.FEEDBACK_THANKS)
    prompt = only(empty_ask.sent(chat))
    assert prompt["reply_markup"]["force_reply"] is True and prompt["message_thread_id"] == 12
    assert "لا تجيب التغطية" in plain(only(declined.sent(chat)))
    assert sources.sent(chat)[0]["message_thread_id"] == 31
    assert compare.sent(chat)[0]["message_thread_id"] == 31
    assert "بندقية" in plain(only(caption.sent(chat)))  # a captioned photo, in topic 31
    assert all(s["message_thread_id"] == 31 for s in article.sent(chat)) and article.sent(chat)
    # General (no topic): nothing carries a thread id, buttons included
    assert "message_thread_id" not in only(general.sent(chat))
    assert general_more.sent(chat)
    assert all("message_thread_id" not in s for s in general_more.sent(chat))


async def test_buttons_on_a_message_telegram_no_longer_shows_stay_in_the_topic(start) -> None:
    """A press may come with the message inaccessible (deleted, too old): no thread id in it,
    yet the follow-ups go to the topic the answer was given in."""
    async with start() as bot:
        forum = {"id": -1005151515151, "type": "supergroup", "title": "f", "is_forum": True}
        since = len(bot.server.calls)
        msg = bot.server.message(forum, harness.ALICE, "/ask أين التقى بوتين وكيم؟", topic=21)
        answer = await bot.reply(msg, since)
        assert answer["message_thread_id"] == 21
        gone = {"chat": forum, "message_id": answer["_result"]["message_id"], "date": 0}
        for label in (render.MORE_BUTTON, render.ARTICLE_BUTTON):
            since = len(bot.server.calls)
            await bot.press(harness.BOB, {"_result": gone}, buttons(answer)[label])
            await bot.settle()
            sent = bot.server.sent(forum["id"], since)
            assert sent and all(s["message_thread_id"] == 21 for s in sent), label


async def test_rate_limit_notice_and_flood_wait_stay_in_the_topic(run, caplog) -> None:
    replayed = await run("forum-topic-rate-limit-and-flood.json")
    first, second, third, fourth = replayed.steps
    chat = first.origin["chat"]["id"]
    attempts = first.calls_to("sendMessage")
    assert len(attempts) == 2 and attempts[0].fault is not None  # 429, then sent
    waits = [r.getMessage() for r in caplog.records if "flood control" in r.getMessage()]
    assert waits == ["Bot API flood control on sendMessage: retrying in 1 s"]  # retry_after
    assert "— " in plain(only(first.sent(chat))) and "— " in plain(only(second.sent(chat)))
    notice = only(third.sent(chat))
    assert plain(notice) == render.SLOW_DOWN and notice["message_thread_id"] == 5
    assert fourth.sent() == []  # told once


async def test_engine_failure_in_a_topic_is_reported_in_the_topic(start, monkeypatch) -> None:
    async with start() as bot:
        async def broken(question: str, k: int = 3):
            raise RuntimeError("index unreadable")
        monkeypatch.setattr(bot.engine, "answer", broken)
        forum = {"id": -1006060606060, "type": "supergroup", "title": "f", "is_forum": True}
        since = len(bot.server.calls)
        msg = bot.server.message(forum, harness.ALICE, "/ask ماذا أهدى بوتين لكيم؟", topic=44)
        failed = await bot.reply(msg, since)
        assert plain(failed) == render.FAILED and failed["message_thread_id"] == 44


# -- captions --------------------------------------------------------------------------------------

async def test_private_photo_caption_is_a_question(run, engine) -> None:
    replayed = await run("photo-caption-private.json")
    sent = only(replayed.steps[0].sent(1001))
    expected = await engine.answer("ماذا أهدى بوتين لكيم؟", k=9)
    assert sent["text"] == render.render_answer(expected, 3)
    assert set(buttons(sent)) >= {render.ARTICLE_BUTTON, render.MORE_BUTTON}


async def test_private_captions_of_documents_and_ask_captions(run) -> None:
    document, ask_caption, no_caption, unknown = (await run(
        "photo-caption-private-siblings.json")).steps
    assert "فوستو" in plain(only(document.sent()))
    assert "بندقية" in plain(only(ask_caption.sent()))
    assert no_caption.calls_to("sendMessage") == []
    assert plain(only(unknown.sent())) == render.UNKNOWN_COMMAND


async def test_group_captions_that_address_the_bot_are_questions(run) -> None:
    mention, plain_caption, other_bot, ask, ask_at, empty_ask = (await run(
        "photo-caption-group.json")).steps
    for step, word in ((mention, "بندقية"), (ask, "فوستو"), (ask_at, "بندقية")):
        answer = only(step.sent())
        assert word in plain(answer)
        assert answer["reply_parameters"]["message_id"] == step.origin["message_id"]
    assert plain_caption.calls_to("sendMessage") == other_bot.calls_to("sendMessage") == []
    assert only(empty_ask.sent())["reply_markup"]["force_reply"] is True


async def test_a_captioned_reply_to_the_bot_is_a_question(start) -> None:
    async with start() as bot:
        group = harness.GROUP
        first = await bot.ask(group, harness.ALICE, "/ask أين التقى بوتين وكيم؟")
        since = len(bot.server.calls)
        photo = bot.server.photo(group, harness.BOB, "وماذا أهدى بوتين لكيم؟",
                                 reply_to=first["_result"])
        assert "بندقية" in plain(await bot.reply(photo, since))
        # a captioned reply to someone else is chatter
        since = len(bot.server.calls)
        bot.last_update = bot.server.photo(group, harness.CAROL, "ماذا أهدى بوتين لكيم؟",
                                           reply_to=photo)["update_id"]
        await bot.settle()
        assert bot.server.sent(since=since) == []


# -- migrated groups -------------------------------------------------------------------------------

async def test_answer_to_a_migrated_group_is_resent_to_the_supergroup(run, caplog) -> None:
    replayed = await run("group-migrated.json")
    ask = replayed.steps[0]
    attempt, resent = ask.calls_to("sendMessage")
    assert int(attempt.params["chat_id"]) == -555555 and attempt.fault is not None
    assert int(resent.params["chat_id"]) == -1004444444444 and "_result" in resent.params
    assert "بندقية" in plain(resent.params)
    assert not [r for r in caplog.records if r.levelname == "ERROR"]
    assert all(s.sent() == [] for s in replayed.steps[1:])  # service messages: no reply


async def test_migration_seen_first_in_service_messages(run) -> None:
    replayed = await run("group-migrated-service-first.json")
    ask_old, _, _, ask_new, article = replayed.steps
    assert "فوستو" in plain(only(ask_old.sent(-555001)))
    answer = only(ask_new.sent(-1005550010000))
    assert plain(answer) != render.REFUSED and "بندقية" in plain(answer)  # still allowed
    assert article.sent(-1005550010000)  # its buttons work there


async def test_allowlisted_group_that_migrates_keeps_access_and_its_buttons(run) -> None:
    replayed = await run("group-migrated-allowlisted.json")
    ask, more, ask_new = replayed.steps
    new = -1005550020000
    assert "فوستو" in plain(only(ask.sent(new)))
    page = only(more.sent(new))  # the remembered answer followed the chat
    assert plain(page).startswith("نتائج أخرى")
    assert more.calls_to("answerCallbackQuery")[0].params.get("text") is None  # not stale
    assert "بندقية" in plain(only(ask_new.sent(new)))


async def test_every_send_to_a_migrated_group_goes_to_the_supergroup(start) -> None:
    """Telegram keeps refusing the old id: after the first refusal the bot sends to the
    supergroup straight away (the full article's several messages included)."""
    async with start(allowed_chats=[-777001]) as bot:
        old = {"id": -777001, "type": "group", "title": "old"}
        outsider = {"id": -777002, "type": "group", "title": "outsider"}
        first = await bot.ask(old, harness.ALICE, "/ask أين التقى بوتين وكيم؟")
        assert plain(first) != render.REFUSED
        assert plain(await bot.ask(outsider, harness.BOB, "/ask أين؟")) == render.REFUSED
        bot.server.migrate(-777001, -1007770010000, announce=False)
        bot.server.migrate(-777002, -1007770020000, announce=False)
        since = len(bot.server.calls)
        await bot.press(harness.ALICE, first, buttons(first)[render.ARTICLE_BUTTON])
        await bot.settle()
        parts = bot.server.sent(-1007770010000, since)
        assert parts and plain(parts[0])
        refused = [c for c in bot.server.calls_to("sendMessage", since)
                   if MIGRATED in c.params.get("_error", "")]
        assert len(refused) == 1  # one refusal taught the bot; the other parts went straight
        # the outsider's refusal is not repeated in its supergroup
        since = len(bot.server.calls)
        bot.server.migrate(-777002, -1007770020000)  # the service messages now
        bot.say({"id": -1007770020000, "type": "supergroup", "title": "outsider"}, harness.BOB,
                "/ask أين التقى بوتين وكيم؟")
        await bot.settle()
        assert bot.server.sent(since=since) == []


async def test_rate_limit_follows_the_reader_into_the_supergroup(start) -> None:
    async with start(rate_limit_per_minute=1) as bot:
        old = {"id": -888001, "type": "group", "title": "old"}
        assert "— " in plain(await bot.ask(old, harness.ALICE, "/ask أين التقى بوتين وكيم؟"))
        bot.server.migrate(-888001, -1008880010000)
        new = {"id": -1008880010000, "type": "supergroup", "title": "old"}
        assert plain(await bot.ask(new, harness.ALICE, "/ask ماذا أهدى بوتين لكيم؟")) == (
            render.SLOW_DOWN)


# -- inline results --------------------------------------------------------------------------------

async def test_inline_results_are_personal_under_an_allowlist(run) -> None:
    member, outsider = (await run("inline-allowlist-cache.json")).steps
    call = only(member.calls_to("answerInlineQuery")).params
    assert call["results"] and call["is_personal"] is True
    call = only(outsider.calls_to("answerInlineQuery")).params
    assert call["results"] == [] and call["is_personal"] is True


async def test_inline_results_for_an_admin_under_an_allowlist_are_personal(run) -> None:
    admin, member = (await run("inline-allowlist-admin-and-group.json")).steps
    call = only(admin.calls_to("answerInlineQuery")).params
    assert call["results"] and call["is_personal"] is True
    assert only(member.calls_to("answerInlineQuery")).params["results"] == []


async def test_inline_results_without_restrictions_may_be_shared(run) -> None:
    first, second = (await run("inline-open.json")).steps
    for step in (first, second):
        call = only(step.calls_to("answerInlineQuery")).params
        assert call["results"] and not call.get("is_personal")
        assert call["cache_time"] == 60
    assert (first.calls_to("answerInlineQuery")[0].params["results"]
            == second.calls_to("answerInlineQuery")[0].params["results"])


# -- other languages -------------------------------------------------------------------------------

async def test_questions_in_other_languages_are_told_the_coverage_is_arabic(run) -> None:
    french, english, english_topic, spanish, german, turkish, names = (await run(
        "question-other-language.json")).steps
    for step, language, says in ((french, "fr", "en arabe"), (english, "en", "in Arabic"),
                                 (english_topic, "en", "in Arabic"),
                                 (spanish, "es", "en árabe")):
        sent = only(step.sent())
        assert plain(sent) == other_language_notice(language)
        assert says in plain(sent) and "لا تجيب التغطية" not in plain(sent)
        assert not buttons(sent)
    assert only(english_topic.sent())["message_thread_id"] == 9
    for step, says in ((german, "Arabisch"), (turkish, "Arapça")):
        call = only(step.calls_to("answerInlineQuery")).params
        assert call["results"] == [] and says in call["button"]["text"]
        assert len(call["button"]["text"]) <= 64
    assert "Marsad" not in plain(only(names.sent()))  # names alone are searched


# -- what already worked ---------------------------------------------------------------------------

async def test_what_already_worked_still_works(run) -> None:
    blocked, asked, edited, channel, deleted, other_bot, markup = (await run(
        "keeps-working.json")).steps
    assert blocked.sent() == [] and blocked.calls_to("sendMessage")[0].fault.status == 403
    assert "بندقية" in plain(only(asked.sent()))  # the next reader is served
    assert edited.calls_to("sendMessage") == channel.calls_to("sendMessage") == []
    answer = only(deleted.sent())  # the question is gone: answered without the reply
    assert "فوستو" in plain(answer)
    assert other_bot.calls_to("sendMessage") == []
    declined = only(markup.sent())
    assert "ما <b>رأي</b> & <i>نادي</i> برشلونة؟" in plain(declined)
    assert "<b>رأي" not in declined["text"]
