"""`:compare TOPIC` never calls an outlet silent that reported the topic in other words
(issue 12, round 6: a toll given as «لقي 29 شخصا حتفهم» listed under «لم تتناوله»).

Each topic word counts in its synonyms' spellings too (synonyms.py, the analysis answering
uses when an outlet's own words differ), so «أهدى» covers «الهدايا», «مباحثات» covers
«محادثات». An outlet with nothing on the topic stays silent.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.render import render_comparison
from retrieval.model import Article

ARTICLES = [
    Article("a1", "زيارة الرئيس", "الغد", dt.date(2024, 3, 2), (
        "أهدى الرئيس ضيفه سيفا مرصعا في ختام الزيارة.",)),
    Article("b1", "هدايا متبادلة", "الشروق", dt.date(2024, 3, 2), (
        "تبادل الزعيمان الهدايا في ختام الزيارة الرسمية.",)),
    Article("c1", "محادثات السلام", "الرأي", dt.date(2024, 3, 3), (
        "جرت محادثات السلام بين الوفدين في العاصمة.",)),
    Article("d1", "جولة جديدة", "الأيام", dt.date(2024, 3, 3), (
        "انطلقت مباحثات السلام بين الطرفين في جنيف.",)),
    Article("e1", "سقوط قتلى", "الوطن", dt.date(2024, 3, 4), (
        "سقط عشرة قتلى في انفجار استهدف السوق المركزي.",)),
    Article("f1", "هجوم على السوق", "النهار", dt.date(2024, 3, 4), (
        "أدى الانفجار إلى مقتل عشرة أشخاص في السوق المركزي.",)),
    Article("g1", "مهرجان الربيع", "المدى", dt.date(2024, 3, 5), (
        "افتتح مهرجان الربيع للفنون بمشاركة فرق من عشر دول.",)),
]


@pytest.fixture
async def newsroom(engine_over):
    return await engine_over(ARTICLES)


@pytest.mark.parametrize(("topic", "covered"), [
    ("الهدايا", {"الغد", "الشروق"}),
    ("محادثات السلام", {"الرأي", "الأيام"}),
    ("قتلى الانفجار", {"الوطن", "النهار"}),
])
async def test_an_outlet_that_said_it_in_other_words_is_not_silent(newsroom, topic,
                                                                   covered) -> None:
    comparison = await newsroom.compare(topic)
    assert {o.source for o in comparison.outlets} == covered
    assert not covered & set(comparison.silent)
    assert "المدى" in comparison.silent  # a festival says nothing on any of them
    silent_part = render_comparison(comparison).split("لم تتناوله", 1)[-1]
    assert not any(outlet in silent_part for outlet in covered)
