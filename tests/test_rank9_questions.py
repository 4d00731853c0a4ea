"""Issue 12, ninth round: a question every passage of an article seems to hold, because
the article's title says it («بوتين وكيم جونغ أون يتبادلان الهدايا»), is still put in other
words than the passage that answers («أهدى كل من … الآخر بندقية»). The related-word
trigram credit (rerank.KIN_GRAMS) is given when no candidate's own text holds KIN_OFF of the
question: the title no longer counts as saying it (rerank.KIN_BODY)."""

from __future__ import annotations

import pytest

from retrieval import rerank
from retrieval.analysis import normalize
from retrieval.engine import Marsad


async def _top(engine: Marsad, question: str) -> str:
    answer = await engine.answer(question)
    assert answer.hits
    return answer.hits[0].text


GIFTS = "أهدى كل من الرئيس الروسي"


@pytest.mark.parametrize("question", [
    "هل تبادل الزعيمان البنادق؟",
    "من كشف خبر تبادل البنادق بين الزعيمين؟",
    "هل تبادل الرئيسان البنادق؟",
    "تبادل البنادق بين الزعيمين",
])
async def test_the_gift_passage_leads_not_the_meeting_under_the_same_title(
        engine: Marsad, monkeypatch, question: str) -> None:
    """001's title «… يتبادلان الهدايا» gave every passage of it تبادل: «وهذا الاجتماع هو
    الأول بين الزعيمين …» led, holding الزعيمين in its text; «أهدى كل من … الآخر بندقية»
    answers with a word of the gifts' class."""
    assert normalize(GIFTS) in normalize(await _top(engine, question))
    monkeypatch.setattr(rerank, "KIN_BODY", False)
    assert normalize(GIFTS) not in normalize(await _top(engine, question))
