"""Issue 12, ninth round: the noun after «أي» names the kind of thing asked for («من أي بلد
صنعت البندقية؟», «في أي إقليم تقع القاعدة؟»), not what was asked about: a passage naming
the answer rarely writes it, while one that merely mentions a country or a region did lead
(rerank.WHICH_NOUN, which_nouns.which_noun)."""

from __future__ import annotations

import pytest

from retrieval import rerank
from retrieval.analysis import analyze_token, normalize
from retrieval.engine import Marsad
from retrieval.which_nouns import framing, which_noun


@pytest.mark.parametrize("question, noun", [
    ("من أي بلد صنعت البندقية؟", "بلد"),
    ("في أي مجال ستتعاون الدولتان؟", "مجال"),
    ("أي سلاح تبادله الزعيمان؟", "سلاح"),
    ("بأي لغة تحدث الرئيس؟", "لغة"),
    ("لأي فريق يلعب المهاجم؟", "فريق"),
    ("وفي أي إقليم تقع القاعدة؟", "إقليم"),
])
def test_the_noun_after_a_which_word_is_found(question: str, noun: str) -> None:
    assert which_noun(question) == analyze_token(normalize(noun))


@pytest.mark.parametrize("question", [
    "ماذا قال بوتين عن كيم؟",
    "أين عقد اللقاء؟",
    "هل تبادل الزعيمان الهدايا؟",
    "ماذا قال الرئيس عن البلد ومجال التعاون وأي شيء آخر بعد الزيارة الطويلة؟",  # not near the start
])
def test_a_question_without_a_which_word_near_its_start_has_none(question: str) -> None:
    assert which_noun(question) is None


async def _top(engine: Marsad, question: str) -> str:
    answer = await engine.answer(question)
    assert answer.hits
    return answer.hits[0].text


async def test_over_the_seeds_the_region_is_answered_by_the_province(engine: Marsad,
                                                                     monkeypatch) -> None:
    """«في أي إقليم روسي تقع قاعدة اللقاء؟» (seeds-rank8): «… في مقاطعة آمور» first, not
    «وفي كلمته الافتتاحية رحب بوتين بكيم في روسيا …», which led while إقليم weighed as
    the rarest word asked."""
    question = "في أي إقليم روسي تقع قاعدة اللقاء؟"
    assert "مقاطعة آمور" in await _top(engine, question)
    monkeypatch.setattr(rerank, "WHICH_NOUN", False)
    assert "مقاطعة آمور" not in await _top(engine, question)


@pytest.mark.parametrize("question, key", [
    ("في أي مقاطعة تقع القاعدة الفضائية؟", "مقاطعة آمور"),
    ("في أي محافظة روسية تقع القاعدة؟", "مقاطعة آمور"),
    ("بأي وسيلة نقل وصل كيم إلى روسيا؟", "قطار"),
    ("على متن أي مركبة وصل كيم؟", "قطار"),
])
async def test_other_which_questions_over_the_seeds_keep_their_answer(
        engine: Marsad, question: str, key: str) -> None:
    assert normalize(key) in normalize(await _top(engine, question))


def test_a_framing_noun_is_still_dropped_by_the_framing() -> None:
    """مكان، منطقة، مدة: framing (which_nouns.py) drops them and looks for an answer of its
    type; which_noun only weighs the other kinds."""
    assert framing("في أي منطقة تقع القاعدة؟") is not None
    assert framing("من أي بلد صنعت البندقية؟") is None
