"""The right passage first on questions written the way readers write them (issue 12,
twelfth round), each kind with invented siblings over an invented corpus (never the blind
sets' strings):

- an act to come carried on by «ثم» is no act done: «متى آخر مرة زار فيها بوتين كوريا
  الشمالية؟» led with «ستكون هناك رحلة متابعة … لوزير الخارجية، ثم رحلة أخرى لبوتين»,
  a trip still to come, over «وكانت آخر زيارة لبوتين لكوريا الشمالية في يوليو 2000».
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from retrieval.engine import Marsad
from retrieval.model import Article
from retrieval.roles import acting_degree, frame

TO_COME = ("وقال المتحدث إنه ستكون هناك زيارة إلى حلب الشهر المقبل لوزير الدفاع خالد "
           "العمري، ثم زيارة أخرى لمارتين في تاريخ لم يحدد.")
INTENDED = ("ويعتزم وزير الدفاع خالد العمري زيارة حلب في الربيع، ثم يزورها مارتين "
            "قبل نهاية العام.")
DONE_THEN = "وزار وزير الدفاع خالد العمري حلب في مايو، ثم زارها مارتين في يونيو."
NOT_THEN = "ولم يزر العمري حلب منذ سنوات، ثم زارها مارتين في يونيو."
LAST_VISIT = ("وكان مارتين أول وزير فرنسي يزور حلب في العام 2009، عندما كان يرأس الحكومة "
              "رئيس سابق.")


@pytest.mark.parametrize("text, done", [
    (TO_COME, 0.0), (INTENDED, 0.0),  # the act after «ثم» is to come as the one before
    (DONE_THEN, 1.0),  # a visit done, then another done
    (NOT_THEN, 1.0),  # a negation is not carried on: Martin did visit
    (LAST_VISIT, 1.0),
])
def test_an_act_to_come_carried_on_by_then_is_no_act_done(text: str, done: float) -> None:
    asked = frame("متى زار مارتين حلب؟")
    assert acting_degree(asked, text, {}, done=True) == done
    assert acting_degree(asked, text, {}, done=False) == 1.0  # «متى سيزور …» takes it


VISITS = Article("visits-1", "جولات مارتين في حلب", "صحيفة الجسر", dt.date(2024, 5, 2),
                 (TO_COME, LAST_VISIT,
                  "وتحدث مارتين مطولا عن العلاقات الاقتصادية بين البلدين."))


@pytest.mark.parametrize("question", [
    "متى آخر مرة زار فيها مارتين حلب؟",
    "إيمتى آخر مرة زار فيها مارتين حلب؟",
    "مارتين متى زار حلب آخر مرة؟",
])
async def test_the_last_visit_done_comes_before_a_visit_to_come(tmp_path: Path,
                                                                question: str) -> None:
    async with await Marsad.open(tmp_path / "visits.db") as engine:
        await engine.ingest([VISITS])
        answer = await engine.answer(question, k=3)
    assert answer.hits and answer.hits[0].text == LAST_VISIT, [h.text for h in answer.hits]
