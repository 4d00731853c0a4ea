"""Issue 12: a why-question's answer comes first whichever connective states the cause.

The cause cue (causes.py) read بسبب، إثر، جراء، نتيجة، لأن، بهدف; a passage giving its reason
with «على خلفية», «بدافع», «بفعل», «نظرا إلى», «بحجة», «بغية» or «خوفا من» lost to the
shorter passage that only says what happened. An invented market, closed for a fire."""

from __future__ import annotations

import datetime as dt

import pytest

from retrieval.analysis import analyze
from retrieval.causes import states_cause
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
