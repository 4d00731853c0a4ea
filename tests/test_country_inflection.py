"""Issue 12: a country the coverage never names is not another form of a word it uses.

A word a small coverage never uses counts as known when the best passage says it in
another inflection (decide.inflections: الجرحى / بجروح, قررت / قرر), matched on cores
without their long vowels. A country's name shares such a core with unrelated words:
السعودية (سعد) with مساعدات (help), العراق (عرق) with عرق (sweat). «ما هي أسعار الذهب
اليوم في السعودية؟» was then answered over the seeds by a passage on food aid for Korea.
A country is a name, not an inflected word. Invented articles: food aid, a marathon."""

from __future__ import annotations

import datetime as dt

import pytest

from retrieval.model import Article

DAY = dt.date(2025, 4, 12)
AID = ("وصلت مساعدات غذائية عاجلة إلى مخيمات اللاجئين في الشمال، وقال منسق الإغاثة إن "
       "الشحنة تكفي ثلاثة آلاف أسرة لمدة شهر.")
RACE = ("وتصبب العرق من العدائين في الكيلومترات الأخيرة من سباق الماراثون، وفاز به عداء "
        "كيني بزمن ساعتين وسبع دقائق.")
WOUNDED = "وأصيب عشرون شخصا بجروح في انهيار مدرج الملعب القديم."


def _corpus() -> list[Article]:
    return [
        Article("aid", "مساعدات للاجئين", "إذاعة السلام", DAY, (AID,)),
        Article("race", "ماراثون المدينة", "صحيفة الملاعب", DAY, (RACE, WOUNDED)),
    ]


@pytest.mark.parametrize("question", [
    "ما هي أسعار الذهب اليوم في السعودية؟",
    "ماذا قدمت السعودية للاجئين؟",
    "من فاز بماراثون العراق؟",
])
async def test_a_country_never_named_is_no_form_of_a_word(engine_over, question: str) -> None:
    engine = await engine_over(_corpus())
    assert not (await engine.answer(question)).answered


async def test_another_form_of_a_word_still_answers(engine_over) -> None:
    engine = await engine_over(_corpus())
    answer = await engine.answer("كم عدد الجرحى في انهيار مدرج الملعب؟")
    assert answer.answered and answer.hits[0].text == WOUNDED
