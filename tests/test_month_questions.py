"""A month in a question scopes it to the articles dated in that month (issue 12, round 6).

«كسلا في أغسطس 2024», «ماذا حدث في يناير 2024 في الموازنة؟», «موازنة شهر 1 2024» were
searched word by word: a passage printing «2024» won whatever its month. A month named
(with or without its year) now keeps the answer to that month's articles, and its words are
not searched; a month and nothing else gets that month's openings, as a day does. A month
no article is dated in may be the subject itself («ثورة يوليو 1952»): asked as written.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from test_cli import marsad

from bot.render import render_answer
from retrieval.date_scope import AskedMonth, asked_month
from retrieval.model import Article

ARTICLES = [
    Article("k8", "سيول تجتاح كسلا", "سودان تريبيون", dt.date(2024, 8, 12), (
        "اجتاحت السيول أحياء في مدينة كسلا وتضررت مئات المنازل بعد أمطار غزيرة.",)),
    Article("k3", "كسلا تستقبل نازحين", "الراكوبة", dt.date(2024, 3, 2), (
        "استقبلت ولاية كسلا آلاف النازحين خلال عام 2024 وفق مفوضية العون الإنساني في كسلا.",)),
    Article("b1", "البرلمان يقر موازنة 2024", "الغد", dt.date(2024, 1, 18), (
        "أقر مجلس النواب الموازنة العامة بعجز متوقع يبلغ ملياري دينار.",)),
    Article("b6", "موازنة 2024 تحت المراجعة", "عمون", dt.date(2024, 6, 9), (
        "قالت وزارة المالية إن الموازنة العامة لعام 2024 ستخضع للمراجعة في 2024 بسبب 2024.",)),
    Article("f9", "الفيضانات تضرب درنة", "بوابة الوسط", dt.date(2023, 9, 11), (
        "ضربت الفيضانات مدينة درنة بعد انهيار سدين.",)),
    Article("f24", "ذكرى فيضانات درنة", "بوابة الوسط", dt.date(2024, 9, 11), (
        "أحيا أهالي درنة ذكرى الفيضانات.",)),
]


@pytest.fixture
async def newsroom(engine_over):
    return await engine_over(ARTICLES)


@pytest.mark.parametrize(("question", "month", "year", "rest"), [
    ("كسلا في أغسطس 2024", 8, 2024, "كسلا"),
    ("ماذا حدث في يناير 2024 في الموازنة؟", 1, 2024, "ماذا حدث في الموازنة؟"),
    ("موازنة شهر 1 2024", 1, 2024, "موازنة"),
    ("أخبار الموازنة في كانون الثاني 2024", 1, 2024, "اخبار الموازنة"),
    ("الموازنة 6/2024", 6, 2024, "الموازنة"),
    ("ماذا نشر خلال شهر آذار", 3, None, "ماذا نشر"),
    ("السيول في أغسطس", 8, None, "السيول"),
])
def test_a_month_is_read_out_of_the_question(question, month, year, rest) -> None:
    asked = asked_month(question)
    assert asked == AskedMonth(month, year) and asked.rest == rest


@pytest.mark.parametrize("question", [
    "مارس الجيش ضغوطا على المحتجين",  # a verb, not March
    "ماذا قال الأب عن ابنه؟",
    "انتخابات 2024",  # a year alone
    "ماذا حدث في 13 سبتمبر 2023؟",  # a day, read by date_scope.asked_day
])
def test_words_that_are_no_month_stay_words(question) -> None:
    assert asked_month(question) is None


@pytest.mark.parametrize(("question", "article"), [
    ("كسلا في أغسطس 2024", "k8"),
    ("كسلا في مارس 2024", "k3"),
    ("ماذا حدث في يناير 2024 في الموازنة؟", "b1"),
    ("موازنة شهر 1 2024", "b1"),
    ("الموازنة في حزيران 2024", "b6"),
    ("فيضانات درنة في سبتمبر 2023", "f9"),
    ("فيضانات درنة في أيلول 2024", "f24"),
])
async def test_the_answer_comes_from_the_months_articles(newsroom, question, article) -> None:
    answer = await newsroom.answer(question, k=3)
    assert answer.hits and {h.article_id for h in answer.hits} == {article}


async def test_a_month_and_nothing_else_gets_that_months_openings(newsroom) -> None:
    answer = await newsroom.answer("ماذا حدث في سبتمبر؟", k=9)
    assert answer.answered and {h.article_id for h in answer.hits} == {"f9", "f24"}
    assert answer.published_on == "09"
    answer = await newsroom.answer("ماذا حدث في يناير 2024؟", k=9)
    assert [h.article_id for h in answer.hits] == ["b1"] and answer.published_on == "2024-01"
    assert "ما نشرته التغطية في يناير 2024" in render_answer(answer)


async def test_a_month_no_article_is_dated_in_is_asked_as_written(newsroom) -> None:
    answer = await newsroom.answer("كسلا في مايو 2024", k=3)
    assert answer.hits and answer.hits[0].article_id in {"k8", "k3"}
    assert answer.published_on is None


async def test_an_outlet_and_a_month_together(newsroom) -> None:
    answer = await newsroom.answer("ماذا نشرت بوابة الوسط في سبتمبر 2024؟", k=5)
    assert [h.article_id for h in answer.hits] == ["f24"]


def test_ask_json_says_the_month(tmp_path: Path) -> None:
    corpus = tmp_path / "month.jsonl"
    corpus.write_text("\n".join(json.dumps({
        "id": a.id, "title": a.title, "source": a.source, "date": a.date.isoformat(),
        "text": "\n\n".join(a.paragraphs)}, ensure_ascii=False) for a in ARTICLES),
        encoding="utf-8")
    db = tmp_path / "m.db"
    marsad("ingest", str(corpus), cwd=tmp_path, db=db)
    got = json.loads(marsad("ask", "--json", "ماذا حدث في يناير 2024؟", cwd=tmp_path,
                            db=db).stdout)
    assert got["published_on"] == "2024-01" and [h["article_id"] for h in got["hits"]] == ["b1"]
