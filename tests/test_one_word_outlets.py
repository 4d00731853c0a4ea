"""An outlet named by its one own word where an outlet goes (issue 12, newsroom round 6).

«ماذا قالت موزاييك/السومرية/وات/الغد عن …؟» were declined or answered from another outlet:
one-word names were refused so that a common word («الغد», tomorrow) never becomes an
outlet by accident. Now one word names an outlet when the coverage holds an outlet of that
name, or whose own word it is beside words of its kind only («نيوز», «إف إم», «صحيفة»,
«راديو»), AND the question puts it where an outlet goes: after «ماذا قالت/نشرت/كتبت»,
«حسب/وفق/بحسب», or «جاء في / نُشر على». Elsewhere the word stays a word.
"""

from __future__ import annotations

import datetime as dt

import pytest

from retrieval.model import Article
from retrieval.outlet_scope import find_scope

OUTLETS = ["الغد", "موزاييك إف إم", "السومرية نيوز", "وات", "راديو شمس", "صحيفة المدى",
           "أخبار بغداد", "القاهرة الإخبارية"]


@pytest.mark.parametrize(("question", "outlet"), [
    ("ماذا قالت الغد عن الموازنة؟", "الغد"),
    ("ماذا قالت موزاييك عن الانتخابات؟", "موزاييك إف إم"),
    ("ماذا نشرت السومرية عن الكهرباء؟", "السومرية نيوز"),
    ("ماذا ذكرت وات عن التضخم؟", "وات"),
    ("حسب موزاييك كم عدد الضحايا؟", "موزاييك إف إم"),
    ("بحسب السومرية، متى تعود الكهرباء؟", "السومرية نيوز"),
    ("وفق شمس ما سبب الإضراب؟", "راديو شمس"),
    ("ماذا كتبت المدى عن الفيضان؟", "صحيفة المدى"),
    ("ماذا جاء في الغد عن الموازنة؟", "الغد"),
    ("ما المنشور على موزاييك عن الأمطار؟", "موزاييك إف إم"),
    ("ماذا نشر في المدى عن الفيضان؟", "صحيفة المدى"),
])
def test_one_word_where_an_outlet_goes_names_the_coverages_outlet(question: str,
                                                                   outlet: str) -> None:
    scope = find_scope(question, OUTLETS)
    assert scope is not None and scope.outlets == (outlet,)
    assert len(scope.rest.split()) < len(question.split())  # the name is not searched


@pytest.mark.parametrize("question", [
    "ماذا سيحدث في الغد؟",  # tomorrow
    "ماذا ينتظر التونسيون في الغد من الحكومة؟",
    "ماذا قالت الحكومة عن الغد؟",
    "ما هو المدى الذي تصل إليه الصواريخ؟",  # range, not «صحيفة المدى»
    "ماذا قالت بغداد عن الاتفاق؟",  # the city: «أخبار» belongs to «أخبار بغداد»'s title
    "ماذا قالت القاهرة عن الهدنة؟",  # the city, not «القاهرة الإخبارية»
    "ماذا قالت الشمس عن",  # «شمس» with no coverage named so: a sun; nothing to scope
    "السومرية شو حكت عن الكهرباء؟",  # named first, before a verb: not an outlet's place
])
def test_one_word_elsewhere_or_of_no_such_outlet_stays_a_word(question: str) -> None:
    scope = find_scope(question, OUTLETS if "الشمس" not in question else ["الغد"])
    assert scope is None


@pytest.mark.parametrize("question", ["ماذا قالت الغد عن الموازنة؟", "حسب وات ما نسبة التضخم؟"])
def test_one_word_of_an_outlet_the_coverage_lacks_names_none(question: str) -> None:
    assert find_scope(question, ["موزاييك إف إم", "صحيفة المدى"]) is None


ARTICLES = [
    Article("m1", "تونس: أمطار غزيرة في الشمال", "موزاييك إف إم", dt.date(2024, 3, 2), (
        "تهاطلت أمطار غزيرة على ولايات الشمال وأعلنت الحماية المدنية عن إجلاء عشرين عائلة.",
    )),
    Article("w1", "تونس: الأمطار تتسبب في غلق طرقات", "وات", dt.date(2024, 3, 2), (
        "تسببت الأمطار الغزيرة في غلق ثلاث طرقات جهوية بولاية جندوبة حسب الحماية المدنية.",
    )),
    Article("s1", "بغداد: انقطاع الكهرباء في أحياء الرصافة", "السومرية نيوز",
            dt.date(2024, 7, 10), (
        "أعلنت وزارة الكهرباء أن انقطاع التيار في الرصافة سببه عطل في محطة التحويل.",
    )),
    Article("g1", "الحكومة تقر الموازنة العامة", "الغد", dt.date(2024, 1, 5), (
        "أقر مجلس الوزراء الموازنة العامة للعام الجديد بعجز متوقع يبلغ ملياري دينار.",
    )),
    Article("r1", "الأمطار تغلق مدارس الشمال", "راديو شمس", dt.date(2024, 3, 3), (
        "أعلنت وزارة التربية غلق المدارس في الشمال بسبب الأمطار الغزيرة يوم الإثنين.",
    )),
]


@pytest.fixture
async def newsroom(engine_over):
    return await engine_over(ARTICLES)


@pytest.mark.parametrize(("question", "outlet"), [
    ("ماذا قالت موزاييك عن الأمطار؟", "موزاييك إف إم"),
    ("ماذا قالت وات عن الأمطار؟", "وات"),
    ("حسب شمس ماذا حدث بسبب الأمطار؟", "راديو شمس"),
    ("ماذا نشرت السومرية عن انقطاع الكهرباء؟", "السومرية نيوز"),
    ("ماذا جاء في الغد عن الموازنة؟", "الغد"),
])
async def test_the_answer_cites_the_outlet_named_by_its_one_word(newsroom, question: str,
                                                                 outlet: str) -> None:
    answer = await newsroom.answer(question, k=3)
    assert answer.outlets == (outlet,)
    assert answer.hits and {h.source for h in answer.hits} == {outlet}
