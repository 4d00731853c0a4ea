"""«كيف وصل X إلى Y؟» leads with the passage that says by what means, not the one that
only says X arrived (issue 12: «كيف وصل Kim إلى روسيا؟» led with «والثلاثاء، وصل كيم إلى
روسيا…» over «ووصل إلى روسيا عبر قطار مدرّع»; the means cue in retrieval/rerank.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from retrieval import rerank
from retrieval.engine import Marsad
from retrieval.model import Article

ARRIVED = "والخميس، وصل الوزير سامر النجار إلى القاهرة التي تستضيف القمة العربية."
BY_PLANE = ("ويزور وزير الخارجية سامر النجار مصر للمرة الأولى، ووصل إلى القاهرة على متن "
            "طائرة خاصة.")
LEFT = "وغادر النجار القاهرة مساء الجمعة بعد ختام أعمال القمة."
BY_CAR = "وانتقل العمري من عمان إلى دمشق بالسيارة في موكب رسمي."
CAME = "وجاء العمري إلى دمشق بعد يومين من إعلان الزيارة."
SUMMIT = Article("summit-1", "النجار والعمري في جولتين", "صحيفة الجسر", dt.date(2024, 3, 9),
                 ("افتتحت القمة العربية أعمالها في القاهرة.", ARRIVED, BY_PLANE, LEFT, CAME,
                  BY_CAR))


@pytest.mark.parametrize("question, expected", [
    ("كيف وصل النجار إلى القاهرة؟", BY_PLANE),
    ("كيف سافر النجار إلى القاهرة؟", BY_PLANE),
    ("ازاي راح النجار على القاهرة؟", BY_PLANE),
    ("كيف جاء العمري إلى دمشق؟", BY_CAR),
    ("كيف انتقل العمري إلى دمشق؟", BY_CAR),
    ("بأي وسيلة وصل النجار إلى القاهرة؟", BY_PLANE),
    ("بأي طريقة سافر العمري إلى دمشق؟", BY_CAR),
])
async def test_a_how_did_x_travel_question_leads_with_the_means(
        tmp_path: Path, question: str, expected: str) -> None:
    async with await Marsad.open(tmp_path / "summit.db") as engine:
        await engine.ingest([SUMMIT])
        answer = await engine.answer(question, k=3)
    assert answer.hits and expected in answer.hits[0].text, answer.hits[0].text


@pytest.mark.parametrize("question", ["متى وصل النجار إلى القاهرة؟",
                                      "كيف كانت القمة العربية في القاهرة؟"])
def test_only_a_how_question_about_travel_asks_for_a_means(question: str) -> None:
    candidates = [rerank.Candidate("", text, 1.0, [], 0) for text in (ARRIVED, BY_PLANE)]
    assert not rerank.by_means(question, candidates, {}, {}).any()


async def test_without_the_means_cues_the_bare_arrival_leads(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both cues off (this one and place_means, which lifts a means for any how-question)."""
    monkeypatch.setattr(rerank, "WEIGHTS", replace(rerank.WEIGHTS, means=0.0, place_means=0.0))
    async with await Marsad.open(tmp_path / "summit.db") as engine:
        await engine.ingest([SUMMIT])
        answer = await engine.answer("كيف وصل النجار إلى القاهرة؟", k=3)
    assert answer.hits and BY_PLANE not in answer.hits[0].text
