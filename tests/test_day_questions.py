"""«ماذا حدث في 13 سبتمبر؟»: a question that asks only about a day gets what the coverage
published that day and the next, each article's opening passage with its outlet and date.

Break pass: «ماذا حدث في 13 سبتمبر؟» and «ماذا حدث في ١٤ سبتمبر ٢٠٢٣؟» over the seeds (three
articles of 14 September 2023) were declined as outside the coverage.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from botapi_server import parse_html
from test_cli import marsad

from bot import telegram_render
from bot.render import render_answer
from retrieval.date_scope import AskedDay, asked_day
from retrieval.engine import Marsad
from retrieval.model import Article

ARTICLES = [
    Article("d12", "الأمطار تشتد على شرق ليبيا", "الوطن الليبية", dt.date(2023, 9, 12), (
        "حذرت الأرصاد الجوية من أمطار غزيرة تضرب الجبل الأخضر خلال الساعات المقبلة.",)),
    Article("d13", "انهيار سدين في درنة", "بوابة الوسط", dt.date(2023, 9, 13), (
        "صورة: سيول درنة",  # a caption-like heading first: not the opening
        "انهار سدان على وادي درنة فجرفت المياه أحياء كاملة نحو البحر.",
        "وقال شهود إن المياه ارتفعت ثلاثة أمتار خلال دقائق.")),
    Article("d14", "مصر ترسل مساعدات", "أخبار القاهرة", dt.date(2023, 9, 14), (
        "أرسلت مصر طائرات محملة بالمساعدات وفرق الإنقاذ إلى مدينة درنة.",)),
    Article("d15", "ارتفاع حصيلة الضحايا", "الوطن الليبية", dt.date(2023, 9, 15), (
        "ارتفعت حصيلة ضحايا الفيضانات إلى أكثر من أحد عشر ألفا.",)),
    Article("y24", "ذكرى الفيضانات", "بوابة الوسط", dt.date(2024, 9, 13), (
        "أحيا أهالي درنة الذكرى الأولى لكارثة الفيضانات بوقفة عند الوادي.",)),
    Article("nd", "تقرير عن إعادة الإعمار", "هسبريس", None, (
        "بدأت أعمال إعادة إعمار الجسور في درنة بتمويل دولي.",)),
]


@pytest.fixture
async def newsroom(engine_over):
    return await engine_over(ARTICLES)


@pytest.mark.parametrize(("question", "articles"), [
    ("ماذا حدث في 13 سبتمبر 2023؟", ["d13", "d14"]),
    ("ماذا حدث في ١٣ أيلول ٢٠٢٣؟", ["d13", "d14"]),
    ("شو صار يوم 12 سبتمبر 2023", ["d12", "d13"]),
    ("أخبار 2023-09-14", ["d14", "d15"]),
    ("ماذا حدث يوم ١٤/٩/٢٠٢٣؟", ["d14", "d15"]),
    ("ماذا حدث في 2023/09/13", ["d13", "d14"]),
    ("ماذا حدث في 12.09.2023", ["d12", "d13"]),
    ("ماذا حدث في 13 سبتمبر؟", ["d13", "d14", "y24"]),  # no year: each year's
    ("ما هي أهم الأخبار في ١٥ سبتمبر؟", ["d15"]),
])
async def test_a_day_gets_the_articles_published_then_and_the_next_day(
        newsroom: Marsad, question: str, articles: list[str]) -> None:
    answer = await newsroom.answer(question, k=9)
    assert answer.answered and answer.published_on
    assert [h.article_id for h in answer.hits] == articles  # in date order
    assert all(h.date is not None and h.source for h in answer.hits)
    opening = next(h for h in answer.hits if h.article_id == "d13") if "d13" in articles \
        else None
    if opening is not None:
        assert opening.text.startswith("انهار سدان")  # the caption-like line is skipped
    shown = render_answer(answer)
    assert shown.startswith("ما نشرته التغطية في ")
    parse_html(telegram_render.render_answer(answer))
    assert answer.to_json()["published_on"] == answer.published_on


@pytest.mark.parametrize("question", [
    "ماذا قال الشهود في 13 سبتمبر 2023؟",  # a subject beside the day
    "ماذا حدث في 1 يناير 2020؟",  # nothing published then: answered as any question
    "ماذا حدث في درنة؟",
])
async def test_other_questions_with_days_are_answered_as_any_other(newsroom: Marsad,
                                                                   question: str) -> None:
    answer = await newsroom.answer(question, k=3)
    assert answer.published_on is None
    assert "published_on" not in answer.to_json()


@pytest.mark.parametrize(("question", "day"), [
    ("ماذا حدث في 13 سبتمبر؟", AskedDay(9, 13, None)),
    ("ماذا جرى يوم ٢٩ فبراير ٢٠٢٤", AskedDay(2, 29, 2024)),
    ("ماذا حدث في 31 فبراير؟", None),
    ("ماذا حدث في 31/2/2024؟", None),
    ("ماذا حدث في 14/13/2023؟", None),  # no 13th month (nor month-first reading)
    ("ماذا حدث في 14 صفر 1445؟", None),  # a Hijri year under a Gregorian reading: no
    ("متى التقى بوتين وكيم؟", None),
    # dialect asking words and «بـ» (newcomer pass: not read as day questions)
    ("شنو صار يوم 13 أيلول؟", AskedDay(9, 13, None)),
    ("ماذا حدث بـ 14 سبتمبر 2023؟", AskedDay(9, 14, 2023)),
    ("إيه اللي حصل في 14 سبتمبر؟", AskedDay(9, 14, None)),
    ("واش وقع نهار 14 شتنبر؟", AskedDay(9, 14, None)),  # Maghrebi month and نهار
    # Iraqi/Gulf ش glued to the verb, Tunisian شنوة, Maghrebi نهار with a month read
    ("شصار ب 13 أيلول؟", AskedDay(9, 13, None)),
    ("شنوة صار نهار 13 سبتمبر؟", AskedDay(9, 13, None)),
    ("شكو ماكو يوم 13 سبتمبر؟", AskedDay(9, 13, None)),
    ("شنو قال بوتين ب 13 سبتمبر؟", None),  # a subject: answered as any other
])
def test_asked_day(question: str, day: AskedDay | None) -> None:
    assert asked_day(question) == day


def test_dialect_todays_count_from_today() -> None:
    today = dt.date(2023, 9, 14)
    for question in ("شنوة صار اليومة؟", "واش كاين شي جديد ليوما؟"):  # Tunisian, Moroccan
        assert asked_day(question, today) == AskedDay(9, 14, 2023)


def test_the_day_after_crosses_months_and_years() -> None:
    assert AskedDay(12, 31, 2023).days([]) == [dt.date(2023, 12, 31), dt.date(2024, 1, 1)]
    assert AskedDay(2, 29, None).days([2023, 2024]) == [dt.date(2024, 2, 29),
                                                        dt.date(2024, 3, 1)]
    assert AskedDay.from_key(AskedDay(9, 13, None).key()) == AskedDay(9, 13, None)


def test_ask_json_over_the_seeds(tmp_path: Path) -> None:
    out = marsad("ask", "--json", "ماذا حدث في ١٣ سبتمبر؟", cwd=tmp_path, db=tmp_path / "s.db")
    got = json.loads(out.stdout)
    assert got["answered"] and got["published_on"] == "09-13"
    assert {h["source"] for h in got["hits"]} == {"سكاي نيوز عربية", "صحيفة الاتحاد"}
    assert {h["date"] for h in got["hits"]} == {"2023-09-14"}


async def test_a_busy_day_takes_the_outlets_in_turn(tmp_path: Path) -> None:
    """A day with many articles of one outlet: the first hits are not all that outlet's."""
    day = dt.date(2024, 1, 10)
    busy = [Article(f"w{i}", f"نشرة {i}", "وكالة الأنباء", day, (
        f"أعلنت الوزارة القرار رقم {i} بشأن الموانئ.",)) for i in range(30)]
    # each outlet's own news (the same sentence by two outlets would be one hit crediting both)
    told = {"أخبار القاهرة": "افتتح المحافظ المعرض رقم {i} في وسط المدينة.",
            "هسبريس": "أغلقت البلدية السوق الأسبوعي رقم {i} بسبب الأمطار."}
    others = [Article(f"{name}{i}", f"خبر {i}", name, day, (said.format(i=i),))
              for name, said in told.items() for i in range(2)]
    engine = await Marsad.open(tmp_path / "busy.db")
    try:
        await engine.ingest([*busy, *others])
        answer = await engine.answer("ماذا حدث في 10 يناير 2024؟", k=9)
        sources = [h.source for h in answer.hits]
        turn = ["أخبار القاهرة", "هسبريس", "وكالة الأنباء"]
        assert sources == turn + turn + ["وكالة الأنباء"] * 3
    finally:
        await engine.close()


# -- «اليوم», «أمس»: days counted from today ---------------------------------------------------

@pytest.mark.parametrize(("question", "back"), [
    ("ماذا حدث اليوم؟", 0), ("أخبار اليوم", 0), ("ماذا حدث أمس؟", 1), ("شو صار البارحة", 1),
    ("ماذا حدث أول أمس؟", 2), ("ماذا نشرت التغطية يوم أمس", 1),
    ("ماذا حدث امبارح؟", 1), ("ايش صار امبارح؟", 1), ("إيه اللي حصل أول امبارح؟", 2),
    # Gulf, Iraqi and Maghrebi yesterday; Egyptian and Levantine today
    ("شنو صار البارح؟", 1), ("واش وقع البارح؟", 1), ("وش صار أول البارح؟", 2),
    ("إيه اللي حصل النهارده؟", 0), ("شو صار هاليوم؟", 0),
])
def test_relative_days_count_from_today(question: str, back: int) -> None:
    today = dt.date(2023, 9, 15)
    day = today - dt.timedelta(days=back)
    assert asked_day(question, today) == AskedDay(day.month, day.day, day.year)
    assert asked_day(question, today).relative


@pytest.mark.parametrize("question", ["ماذا قال بوتين اليوم؟", "متى التقى بوتين وكيم؟",
                                      "ما موقف اليوم السابع؟"])
def test_a_subject_beside_a_relative_day_is_no_day_question(question: str) -> None:
    assert asked_day(question, dt.date(2023, 9, 15)) is None


async def test_today_with_nothing_published_says_so_and_cites_nothing(newsroom: Marsad) -> None:
    """Break pass: «ماذا حدث اليوم؟» was answered with a 2023 passage holding the word «يوم»,
    and «ماذا حدث أمس؟» with one holding «أمس», as if they were today's news."""
    for question in ("ماذا حدث اليوم؟", "ماذا حدث أمس؟", "أخبار اليوم"):
        answer = await newsroom.answer(question)
        assert not answer.answered and answer.hits == [] and answer.published_on
        assert render_answer(answer).startswith("لم تنشر التغطية شيئاً في ")


async def test_today_with_articles_published_today(tmp_path: Path) -> None:
    today = dt.date.today()
    engine = await Marsad.open(tmp_path / "today.db")
    try:
        await engine.ingest([Article("t1", "عاجل", "الوطن الليبية", today, (
            "افتتح المجلس البلدي جسراً جديداً على وادي درنة صباح اليوم.",)),
            Article("t2", "غداً", "الوطن الليبية", today + dt.timedelta(days=1), (  # midnight
                "يفتتح المجلس البلدي جسراً ثانياً على وادي درنة.",)),
            Article("old", "قديم", "الوطن الليبية", today - dt.timedelta(days=30), (
                "افتتح المجلس البلدي مدرسة جديدة اليوم.",))])
        answer = await engine.answer("ماذا حدث اليوم؟")
        assert answer.answered and answer.hits
        assert {h.article_id for h in answer.hits} <= {"t1", "t2"}
    finally:
        await engine.close()
