"""Paraphrased questions (issue 12, para21): kinds read from the paraphrase failures of the
development sets, each fixed as a kind. Every question here is invented for its kind (a
sibling of what readers asked, never one of theirs):

- «ضد» (against) is a content word, not a stop word: «ضد من …؟» asks the side fought,
  and the passages saying «ضد X» answer it.
"""

from __future__ import annotations

import pytest

from retrieval.analysis import STOPWORDS, analyze

# ------------------------------------------------------------------- «ضد»: against whom


def test_against_is_no_stop_word() -> None:
    assert "ضد" not in STOPWORDS
    assert "ضد" in analyze("سنخوض الحرب ضد الاستعمار")


@pytest.mark.parametrize("question", [
    "ضد من تعهد الزعيم الكوري بالوقوف مع موسكو؟",
    "ضد من سيقف الزعيم الكوري مع روسيا؟",
    "ضد من ستقف كوريا الشمالية مع روسيا؟",
    "ضد من سيقاتل الزعيم الكوري مع موسكو؟",
])
async def test_against_whom_is_answered_by_the_side_fought(seeded, question) -> None:
    answer = await seeded.answer(question, k=3)
    assert answer.answered
    assert "ضد" in answer.hits[0].text


@pytest.mark.parametrize("question", [
    "ضد من فرضت أوروبا عقوبات جديدة؟",
    "ضد من صوتت كوريا الشمالية في الأمم المتحدة؟",
])
async def test_against_whom_the_coverage_never_tells_is_declined(seeded, question) -> None:
    answer = await seeded.answer(question, k=3)
    assert not answer.answered
