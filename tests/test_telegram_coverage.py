"""/compare, /timeline, /sources numbers, 👍/👎 and /stats: the real bot against the fake
Bot API server (harness from test_telegram.py)."""

from __future__ import annotations

import test_telegram as harness
from botapi_server import BOT_USERNAME, private_chat
from test_telegram import ADMIN, ALICE, BOB, GIFT_QUESTION, GROUP, Bot, buttons, plain

from bot import telegram_render as render

# the harness's fixtures, used here by name
server, start, bot, quick_retries = harness.server, harness.start, harness.bot, \
    harness.quick_retries


async def test_compare_shows_each_outlet_with_dates_and_the_silent(bot: Bot) -> None:
    text = plain(await bot.ask(private_chat(ALICE), ALICE, "/compare الذخيرة"))
    assert text.startswith("كيف غطّت المصادر «الذخيرة»")
    assert "العربي - أ ف ب — 27 يوليو 2024" in text
    assert "مصدر غير معروف — تاريخ غير معروف" in text
    silent = text[text.index("لم تتناوله:"):]
    assert all(name in silent for name in ("سكاي نيوز عربية", "صحيفة الاتحاد", "صحوة نيوز"))
    # in a group too, and a bare /compare asks for a topic
    assert "«الهدايا»" in plain(await bot.ask(GROUP, BOB, f"/compare@{BOT_USERNAME} الهدايا"))
    assert plain(await bot.ask(private_chat(ALICE), ALICE, "/compare")) == render.COMPARE_PROMPT


async def test_timeline_lists_dated_articles_in_order_and_undated_apart(bot: Bot) -> None:
    text = plain(await bot.ask(private_chat(BOB), BOB, "/timeline"))
    assert text.index("14 سبتمبر 2023") < text.index("27 يوليو 2024") < text.index("دون تاريخ")
    undated = text[text.index("دون تاريخ"):]
    assert "صحوة نيوز" in undated and "مصدر غير معروف" in undated
    assert "2023" not in undated and "2024" not in undated


async def test_sources_adds_each_outlets_numbers(bot: Bot) -> None:
    text = plain(await bot.ask(private_chat(BOB), BOB, "/sources"))
    assert "المصادر في أرقام" in text
    line = next(x for x in text.splitlines() if x.startswith("• سكاي نيوز عربية —"))
    assert "مقال واحد" in line and "نقلتها مصادر أخرى أيضاً: " in line
    assert int(line.rsplit(" ", 1)[1]) >= 3


async def test_feedback_buttons_store_one_rating_per_reader_and_stats_is_for_admins(
        start) -> None:
    async with start(admins=[ADMIN["id"]]) as bot:
        chat = private_chat(ALICE)
        sent = await bot.ask(chat, ALICE, GIFT_QUESTION)
        data = buttons(sent)
        up, down = data[render.FEEDBACK_UP], data[render.FEEDBACK_DOWN]
        assert all(len(d.encode()) <= 64 for d in data.values())
        since = len(bot.server.calls)
        for data_ in (up, down, "f:" + up.split(":")[1] + ":x", "f:zzzz:u"):
            await bot.press(ALICE, sent, data_)  # then down: changes her rating, no second one
            await bot.settle()
        toasts = [c.params.get("text") for c in bot.server.calls_to("answerCallbackQuery", since)]
        assert toasts == [render.FEEDBACK_THANKS, render.FEEDBACK_THANKS, render.STALE_BUTTON,
                          render.STALE_BUTTON]  # the last two: forged, unknown answer
        summary = await bot.engine.feedback_summary()
        assert [(r.question, r.up, r.down) for r in summary] == [(GIFT_QUESTION, 0, 1)]
        answer = await bot.engine.answer(GIFT_QUESTION)
        assert summary[0].article_id == answer.hits[0].article_id

        assert plain(await bot.ask(private_chat(BOB), BOB, "/stats")) == render.ADMINS_ONLY
        stats = plain(await bot.ask(private_chat(ADMIN), ADMIN, "/stats"))
        assert GIFT_QUESTION in stats and "-1" in stats
