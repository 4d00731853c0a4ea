"""Issue 12: «ماذا قال X؟» leads with X's own words even when the passage gives X by the
title the coverage gives X elsewhere («وزير التجارة سامي حداد» … «وقال وزير التجارة إن …»),
not with others' words about X. Invented articles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from retrieval.analysis import analyze
from retrieval.engine import Marsad
from retrieval.model import Article
from retrieval.rerank import _speaks_as, _speaks_by_title

DAY = dt.date(2024, 5, 2)
MARKET = [
    Article("market", "جولة الوزير في الشمال", "وكالة الأنباء", DAY, (
        "وزار وزير التجارة سامي حداد سوق الحبوب في حلب صباح الأحد.",
        "وقال وزير التجارة إن أسعار القمح ستنخفض الشهر المقبل بعد وصول الشحنات.",
        "وأضاف حداد أن الوزارة ستفتح مكاتب جديدة في المدن الكبرى.",
        "وقال التجار إن حداد وعد بمراجعة أسعار القمح.",
        "وزارت وزيرة الصحة ليلى نصار مستشفى المدينة يوم الاثنين.",
        "وقالت وزيرة الصحة إن المستشفى سيحصل على أجهزة تنفس جديدة.",
        "وقال الأطباء إن نصار وعدت بأجهزة تنفس للمستشفى.",
    )),
]


@pytest.mark.parametrize("question, key", [
    ("ماذا قال حداد عن أسعار القمح؟", "ستنخفض"),
    ("شو قال حداد عن القمح؟", "ستنخفض"),
    ("ماذا قالت نصار عن أجهزة التنفس؟", "سيحصل على أجهزة"),
    ("ايش قالت نصار عن المستشفى؟", "سيحصل على أجهزة"),
])
async def test_what_x_said_leads_with_x_named_by_title(
        tmp_path: Path, question: str, key: str) -> None:
    async with await Marsad.open(tmp_path / "market.db") as engine:
        await engine.ingest(MARKET)
        answer = await engine.answer(question)
    assert answer.hits and key in answer.hits[0].text, [h.text for h in answer.hits]


SPOKEN = ["وقال وزير التجارة إن الأسعار ستنخفض.", "وقال وزير الصحة إن الأسعار ستنخفض.",
          "وقال التجار إن وزير التجارة وعد.", "وأكد رئيس الوزراء أن الحكومة ستدعم التجار.",
          "رئيس الوزراء: لن نرفع الأسعار", "وزير التجارة وزير الصحة رئيس الوزراء."]


@pytest.mark.parametrize("text", SPOKEN)
def test_a_name_with_several_titles_speaks_by_any_of_them(text: str) -> None:
    """The titles of one name checked together (the text analysed once) answer as each
    checked alone, whichever comes first or speaks."""
    titles = [tuple(analyze(t)) for t in ("وزير الصحة", "رئيس الوزراء", "وزير التجارة")]
    for some in (titles, titles[::-1], titles[:1], []):
        assert _speaks_by_title(text, [(frozenset(t), t[:1]) for t in some], {}) == any(
            _speaks_as(text, t, {}) for t in some)


def test_the_whole_title_must_be_there_and_speaking() -> None:
    title = tuple(analyze("وزير التجارة"))
    assert _speaks_as("وقال وزير التجارة إن الأسعار ستنخفض.", title, {})
    assert not _speaks_as("وقال وزير الصحة إن الأسعار ستنخفض.", title, {})  # another
    assert not _speaks_as("وقال التجار إن وزير التجارة وعد.", title, {})  # spoken of
