"""Leaving is not arriving: the news lexicon's class of travel words (going, travelling,
coming, arriving) holds no word of departure (غادر، مغادرة), which has its own class
(رحيل). «متى غادر الوزير بغداد؟» over «وصل الوزير إلى بغداد الإثنين» would tell the day
he came as the day he left. Invented articles and questions."""

from __future__ import annotations

import datetime as dt

import pytest

from retrieval.analysis import analyze
from retrieval.model import Article
from retrieval.synonyms import related


def _stems(words: str) -> set[str]:
    return {s for w in words.split() for s in analyze(w)}


@pytest.mark.parametrize("leaving", ["غادر", "يغادر", "مغادرة", "رحيل"])
def test_a_word_of_leaving_is_related_to_no_word_of_arriving(leaving: str) -> None:
    arriving = _stems("وصل يصل وصول جاء قدوم")
    for term in analyze(leaving):
        assert not related(term) & arriving, (leaving, sorted(related(term) & arriving))


def test_leaving_words_stay_one_class() -> None:
    assert _stems("مغادرة رحيل") <= {t for s in analyze("غادر") for t in related(s)}


def _article(aid: str, title: str, day: int, text: str) -> Article:
    return Article(aid, title, "وكالة الأنباء", dt.date(2025, 5, day),
                   tuple(text.split("\n\n")))


ARTICLES = [
    _article("visit", "وزير الزراعة التونسي في الرباط", 4,
             "وصل وزير الزراعة التونسي إلى الرباط الثلاثاء في زيارة تستغرق ثلاثة أيام.\n\n"
             "وبحث الوزير مع نظيره المغربي تصدير زيت الزيتون."),
    _article("harvest", "موسم قياسي لحصاد القمح", 5,
             "أعلنت وزارة الفلاحة أن محصول القمح بلغ مليوني طن هذا العام.\n\n"
             "وعزت الوزارة الزيادة إلى الأمطار الغزيرة في الشتاء."),
    _article("port", "افتتاح ميناء جديد في صفاقس", 6,
             "افتتح رئيس الحكومة ميناء تجاريا جديدا في صفاقس بكلفة 300 مليون دينار.\n\n"
             "وقال مدير الميناء إن الطاقة الاستيعابية تبلغ خمسة ملايين طن سنويا."),
    _article("fair", "معرض الكتاب يستقبل زواره", 7,
             "استقبل معرض تونس الدولي للكتاب أكثر من مئة ألف زائر في أسبوعه الأول.\n\n"
             "وشاركت في المعرض دور نشر من عشرين بلدا."),
]


# A headline query naming a departure the coverage never tells, over a passage holding its
# other words: declined since the thirteenth decision round (decide.py `event_unknown`: a
# headline's first word, an event the coverage never tells in any spelling or form).
@pytest.mark.parametrize("question", [
    "ماذا قال وزير الزراعة التونسي بعد مغادرة الرباط؟",
    "متى غادر وزير الزراعة التونسي الرباط؟",
    "مغادرة وزير الزراعة التونسي",
    "رحيل وزير الزراعة التونسي",
])
async def test_a_question_on_leaving_is_not_answered_by_the_arrival(
        engine_over, question: str) -> None:
    engine = await engine_over(ARTICLES)
    answer = await engine.answer(question, 3)
    assert not (answer.answered and answer.hits[0].article_id == "visit"), (
        question, [h.text for h in answer.hits])


@pytest.mark.parametrize("question, article", [
    ("متى وصل وزير الزراعة التونسي إلى الرباط؟", "visit"),
    ("متى جاء وزير الزراعة التونسي إلى الرباط؟", "visit"),
    ("كم بلغ محصول القمح؟", "harvest"),
])
async def test_arrival_asked_as_written_or_in_its_class_is_answered(
        engine_over, question: str, article: str) -> None:
    engine = await engine_over(ARTICLES)
    answer = await engine.answer(question, 3)
    assert answer.answered and answer.hits[0].article_id == article, question


@pytest.mark.parametrize("question", [
    "إقالة وزير الزراعة التونسي",
    "اعتقال وزير الزراعة التونسي",
    "وفاة مدير الميناء",
    "إغلاق معرض تونس الدولي للكتاب",
])
async def test_a_headline_naming_an_event_never_told_is_declined(
        engine_over, question: str) -> None:
    """A headline query (no question word) whose first word, the event, the coverage
    never uses in any spelling or form: the passage holding its other words tells
    something else of the same people or place."""
    engine = await engine_over(ARTICLES)
    answer = await engine.answer(question, 3)
    assert not answer.answered, (question, [h.text for h in answer.hits])
    assert answer.hits  # the closest passages are still shown, labelled


@pytest.mark.parametrize("question, article", [
    ("وصول وزير الزراعة التونسي", "visit"),
    ("زيارة وزير الزراعة التونسي للرباط", "visit"),
    ("افتتاح ميناء صفاقس", "port"),
    ("محصول القمح هذا العام", "harvest"),
])
async def test_a_headline_naming_an_event_told_is_answered(
        engine_over, question: str, article: str) -> None:
    engine = await engine_over(ARTICLES)
    answer = await engine.answer(question, 3)
    assert answer.answered and answer.hits[0].article_id == article, question
