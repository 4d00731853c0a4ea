"""Sports and everyday nouns the dialects borrow: «الماتش» (Egypt, Levant, Maghreb) is the
match, «الكورة» the ball or football, «الأجوال» the goals, Maghrebi «السبيطار» the
hospital. A reader asking «مين كسب الماتش؟» or «واش الإضراب شمل السبيطارات؟» asks about
what the coverage calls مباراة and مستشفى. Invented articles and questions."""

from __future__ import annotations

import datetime as dt

import pytest

from retrieval.analysis import analyze
from retrieval.dialects import to_msa
from retrieval.model import Article


@pytest.mark.parametrize("dialect, msa", [
    ("الماتش", "المباراة"),
    ("بالماتش", "بالمباراة"),
    ("كام ماتش", "كم مباراة"),
    ("الماتشات", "المباريات"),
    ("الكورة", "الكرة"),
    ("الأجوال", "الأهداف"),
    ("السبيطار", "المستشفى"),
    ("السبيطارات", "المستشفيات"),
])
def test_borrowed_nouns_are_read_as_the_press_writes_them(dialect: str, msa: str) -> None:
    assert analyze(to_msa(dialect)) == analyze(msa)


def test_a_borrowed_noun_the_corpus_writes_is_kept() -> None:
    assert analyze(to_msa("الماتش", {"ماتش"}.__contains__)) == ["ماتش"]


ARTICLES = [
    Article("final", "الوداد يفوز بالكأس", "صحيفة الملاعب", dt.date(2025, 6, 1),
            ("فاز الوداد على الرجاء بثلاثة أهداف لهدف في المباراة النهائية للكأس.",
             "وسجل أهداف الوداد المهاجم أيوب الكعبي مرتين ويحيى جبران.")),
    Article("strike", "إضراب الأطباء", "صحيفة الأخبار", dt.date(2025, 6, 2),
            ("شمل إضراب الأطباء المستشفيات العمومية في الدار البيضاء والرباط.",
             "وقالت النقابة إن الإضراب سيستمر ثلاثة أيام.")),
    Article("budget", "ميزانية التعليم", "صحيفة الأخبار", dt.date(2025, 6, 3),
            ("رفعت الحكومة ميزانية التعليم بنسبة عشرة في المئة.",)),
]


@pytest.mark.parametrize("question, words", [
    ("شكون ربح الماتش النهائي؟", "المباراة النهائية"),
    ("شحال من جول فالماتش؟", "المباراة النهائية"),
    ("شكون مارك الأجوال ديال الوداد؟", "أيوب الكعبي"),
    ("واش الإضراب شمل السبيطارات؟", "المستشفيات العمومية"),
])
async def test_a_question_with_a_borrowed_noun_reaches_its_passage(
        engine_over, question: str, words: str) -> None:
    engine = await engine_over(ARTICLES)
    answer = await engine.answer(question, 3)
    assert answer.hits and words in answer.hits[0].text, [h.text for h in answer.hits]
