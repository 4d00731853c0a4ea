"""Issue 12: a why-question's answer comes first whichever connective states the cause.

The cause cue (causes.py) read بسبب، إثر، جراء، نتيجة، لأن، بهدف; a passage giving its reason
with «على خلفية», «بدافع», «بفعل», «نظرا إلى», «بحجة», «بغية» or «خوفا من» lost to the
shorter passage that only says what happened. An invented market, closed for a fire."""

from __future__ import annotations

import datetime as dt

import pytest

from retrieval.analysis import analyze
from retrieval.causes import asks_cause, states_cause
from retrieval.dialects import to_msa
from retrieval.model import Article

DAY = dt.date(2025, 3, 9)
CONNECTIVES = ("بسبب", "إثر", "جراء", "من جراء", "نتيجة", "على خلفية", "بدافع", "بفعل",
               "نظرا إلى", "بحجة", "بغية منع", "خوفا من", "لأن", "بهدف منع")


def _market(connective: str) -> list[Article]:
    return [
        Article("market", "البلدية والسوق المركزي", "صحيفة المدينة", DAY, (
            "وأغلقت البلدية السوق المركزي في وسط المدينة صباح الاثنين.",
            f"وأغلقت البلدية السوق المركزي {connective} الحريق الذي اندلع في مخازنه ليلة "
            "الأحد الماضي.",
            "ويقصد السكان السوق المركزي لشراء الخضار والفواكه.",
        )),
        Article("port", "الميناء", "صحيفة الساحل", DAY, (
            "وتستقبل الميناء السفن التجارية كل يوم.",
            "ويعمل في الميناء مئات العمال.",
        )),
    ]


@pytest.mark.parametrize("connective", CONNECTIVES)
async def test_the_passage_giving_the_cause_leads_whatever_its_connective(
        engine_over, connective: str) -> None:
    engine = await engine_over(_market(connective))
    for question in ("لماذا أغلقت البلدية السوق المركزي؟", "ليش البلدية سكرت السوق المركزي؟"):
        answer = await engine.answer(question)
        assert answer.hits and "الحريق" in answer.hits[0].text, (question,
                                                                  [h.text for h in answer.hits])


@pytest.mark.parametrize("sentence, cause", [
    ("واعتقلت الشرطة المتظاهرين على خلفية أعمال الشغب.", True),
    ("وارتفعت الأسعار بفعل الجفاف.", True),
    ("وظهر في خلفية الصورة جبل مرتفع.", False),  # خلفية alone: a background, no cause
    ("واعتقلت الشرطة المتظاهرين بعد أعمال الشغب.", False),
])
def test_a_sentence_states_a_cause_only_with_a_connective(sentence: str, cause: bool) -> None:
    asked = {t: 1.0 for t in analyze(sentence)}
    assert states_cause(sentence, asked, {}) is cause


# ------------------------------------------------ the cause asked in other words (fix16)

@pytest.mark.parametrize("question", [
    "شو سبب إغلاق السوق المركزي؟",  # a dialect's what-word before the reason noun
    "وش سبب إغلاق البلدية للسوق المركزي؟",
    "ما الذي أدى إلى إغلاق السوق المركزي؟",  # the verb that brings it about
    "ما الذي دفع البلدية إلى إغلاق السوق المركزي؟",
    "لشنو سكرت البلدية السوق المركزي؟",  # Iraqi why
    "من أجل ماذا أغلقت البلدية السوق المركزي؟",
])
async def test_the_cause_asked_in_other_words_leads_with_the_cause(
        engine_over, question: str) -> None:
    engine = await engine_over(_market("بسبب"))
    answer = await engine.answer(question)
    assert answer.hits and "الحريق" in answer.hits[0].text, [h.text for h in answer.hits]


@pytest.mark.parametrize("question, why", [
    ("شو سبب انهيار السد؟", True),
    ("ما الذي تسبب في انهيار السد؟", True),
    ("ماذا دفع المعلمين إلى الإضراب؟", True),
    ("ما دواعي الزيارة؟", True),
    ("ماذا دفع كيم مقابل البندقية؟", False),  # paid, not pushed
    ("من دفع ثمن البندقية؟", False),  # who paid
    ("ماذا أهدى بوتين لكيم؟", False),
    ("ماذا قال بوتين عن الهدف؟", False),  # the goal spoken of, no reason asked
])
def test_what_asks_a_cause(question: str, why: bool) -> None:
    assert asks_cause(to_msa(question, lambda term: False)) is why
