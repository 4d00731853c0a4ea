"""A property asked by a noun the passage says glued or with a pronoun (fix11).

«ما قوة زلزال الشلف؟» was declined over passages saying «زلزال بقوة 5.4 درجات» and «بلغت
قوتها 5.3 درجات»: the stemmer leaves a glued ب on (بقوة -> بقو) and keeps ة on a short
word (قوة -> قوه, قوتها -> قوت), so the asked word matched nothing. A word the coverage
says mostly glued or with a pronoun now reaches those forms (variants.glued_forms); one it
says mostly bare (روسيا beside لروسيا) is left alone.
"""

from __future__ import annotations

import datetime as dt

import pytest

from retrieval.model import Article

ARTICLES = [
    Article("quake", "زلزال في الشلف", "الجزيرة نت", dt.date(2025, 2, 18), (
        "ضرب زلزال بقوة 5.4 درجات ولاية الشلف غربي الجزائر فجر الثلاثاء.",
        "وتعيد الهزة إلى الأذهان زلزال الأصنام عام 1980 الذي دمر مدينة الشلف.")),
    Article("quake2", "هزة في وجدة", "هسبريس", dt.date(2025, 2, 18), (
        "أفاد المعهد الوطني للجيوفيزياء بأن الهزة بلغت شدتها 5.3 درجات على سلم ريشتر.",
        "وشعر سكان وجدة بالهزة فجر الثلاثاء دون أضرار.")),
    Article("storm", "عاصفة في عمان", "الرؤية", dt.date(2024, 10, 9), (
        "اقتربت عاصفة مدارية من سواحل ظفار بسرعة 120 كيلومترا في الساعة.",
        "وقالت هيئة الأرصاد إن العاصفة ستضعف قبل وصولها إلى اليابسة في ظفار.")),
    Article("gold", "الذهب في مصر", "مصراوي", dt.date(2025, 4, 17), (
        "ارتفع سعر الذهب عيار 21 في مصر ليسجل 4600 جنيه للغرام، وارتفعت قيمتها بنسبة 2%.",
        "وقال تجار إن الطلب على الذهب تراجع مع ارتفاع الأسعار في الأسواق المصرية.")),
]


@pytest.fixture
async def newsroom(engine_over):
    return await engine_over(ARTICLES)


@pytest.mark.parametrize(("question", "key"), [
    ("ما قوة زلزال الشلف؟", "بقوة 5.4"),
    ("كم كانت شدة الهزة؟", "شدتها 5.3"),
    ("ما سرعة العاصفة المدارية؟", "بسرعة 120"),
])
async def test_a_property_said_glued_or_with_a_pronoun_is_found(newsroom, question, key):
    answer = await newsroom.answer(question, k=3)
    assert answer.hits and key in answer.hits[0].text


async def test_a_word_said_mostly_bare_keeps_to_itself(newsroom):
    """«سعر» is said bare: the query does not widen to «بسعر»/«لسعر» forms."""
    asked = newsroom._analyse("كم سعر الذهب؟")
    groups = dict(zip(asked.terms, asked.query.groups_by_term(), strict=False))
    assert [newsroom.terms[i] for i in groups["سعر"]] == ["سعر"]
