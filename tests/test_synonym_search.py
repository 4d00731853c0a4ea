"""A question word the corpus never uses is searched as the words of its class it does use
(synonyms.py): «كم دامت المباحثات؟» over coverage that says «محادثات … استمرت». A word the
corpus has is searched as itself first (passages holding only a word of its class come
below, at engine.RELATED_SHARE of their score). The corpus is invented."""

from __future__ import annotations

import datetime as dt

import pytest

from retrieval.analysis import normalize
from retrieval.model import Article

TALKS = ("وعقد الوفدان محادثات مطولة في قصر الضيافة استمرت قرابة أربع ساعات بحضور وزيري "
         "الخارجية.")
TRADE = "ووقع البلدان اتفاقية لتبادل السلع الزراعية تشمل القمح والشعير والذرة."
PRICES = "وارتفعت أسعار الوقود في الأسواق المحلية للمرة الثالثة خلال العام الجاري."


@pytest.fixture
async def coverage(engine_over):
    return await engine_over([
        Article("visit", "زيارة رسمية للوفد التجاري", "وكالة الأفق", dt.date(2025, 5, 2),
                (TALKS, TRADE)),
        Article("fuel", "الوقود يرتفع مجددا", "صحيفة المساء", dt.date(2025, 5, 3), (PRICES,)),
    ])


@pytest.mark.parametrize("question, passage", [
    ("كم دامت المباحثات بين الوفدين؟", TALKS),  # دامت / استمرت, مباحثات / محادثات
    ("كم طالت المفاوضات؟", TALKS),
    ("ما الصفقة التي أبرمها البلدان بشأن السلع الزراعية؟", TRADE),  # صفقة / اتفاقية
])
async def test_a_word_the_corpus_never_uses_reaches_the_words_of_its_class(
        coverage, question, passage):
    answer = await coverage.answer(question)
    assert answer.hits and answer.hits[0].text == passage


async def test_a_word_the_corpus_has_is_not_widened(coverage):
    terms = await coverage.search("محادثات", 5)  # the corpus's own word: itself only
    assert [p.text for p, _ in terms] == [TALKS]
    widened = (await coverage.answer("اتفاقية")).hits
    assert [h.text for h in widened] == [TRADE]  # not «محادثات», not «صفقة»'s others


async def test_an_unknown_word_with_no_class_stays_unknown(coverage):
    answer = await coverage.answer("ما موقف البرلمان من التضخم؟")
    assert not answer.answered
    assert all(normalize("التضخم") not in normalize(h.text) for h in answer.hits)
