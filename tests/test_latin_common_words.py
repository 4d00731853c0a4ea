"""An English word typed in lower case is no name: «login», «update», «video» must not reach
the Arabic word they happen to sound like (لجنة, عبد, فيضان) and be answered with it; the
reader is told the coverage is Arabic. A name typed as one («Derna», «Hussein») still reaches
its Arabic spelling by sound. Invented articles and questions."""

from __future__ import annotations

import datetime as dt

import pytest

from retrieval.model import Article

COMMITTEE = "وقررت لجنة السياسة النقدية في البنك المركزي رفع سعر الفائدة نصف نقطة مئوية."
MINISTER = "وقال وزير الطاقة عبد العزيز بن سلمان إن التحالف سيمدد خفض الإنتاج حتى الربيع."
FLOOD = "وأودت الفيضانات في مدينة درنة بحياة المئات بعد انهيار سدين إثر العاصفة."
ENVOY = "واستقبل الرئيس العراقي صالح حسين المبعوث الأممي في بغداد صباح الأحد."
ROADS = "وأعلنت وزارة النقل إعادة فتح الطرق بين المدن الساحلية بعد انحسار المياه."


@pytest.fixture
async def coverage(engine_over):
    return await engine_over([
        Article("bank", "المركزي يرفع الفائدة", "صحيفة المال", dt.date(2025, 2, 6),
                (COMMITTEE,)),
        Article("opec", "أوبك+ تمدد خفض الإنتاج", "وكالة الطاقة", dt.date(2025, 3, 2),
                (MINISTER,)),
        Article("derna", "فيضانات درنة", "صحيفة الساحل", dt.date(2023, 9, 12),
                (FLOOD, ROADS)),
        Article("envoy", "زيارة المبعوث الأممي", "صحيفة الرافدين", dt.date(2025, 1, 19),
                (ENVOY,)),
    ])


@pytest.mark.parametrize("question", ["login", "update", "video", "read more", "comment"])
async def test_a_lower_case_english_word_is_not_taken_for_an_arabic_one(coverage, question):
    answer = await coverage.answer(question)
    assert not answer.answered
    assert answer.language != "ar"  # told the coverage is Arabic, not that it is silent


@pytest.mark.parametrize("question, passage", [
    ("Derna", FLOOD),
    ("Hussein", ENVOY),
    ("ماذا حدث في Derna؟", FLOOD),
])
async def test_a_name_typed_as_one_still_reaches_its_arabic_spelling(coverage, question,
                                                                    passage):
    answer = await coverage.answer(question)
    assert answer.hits and answer.hits[0].text == passage
