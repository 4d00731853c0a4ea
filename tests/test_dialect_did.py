"""Gulf and Iraqi «سوا» after a question word is "did" (سوّى typed with an alef), as «سوى»
already was: «وش سوا الوزير في بغداد؟» asks what the minister did. Elsewhere it is the
Levantine "together" («راحوا سوا»: معا). It was read «ماذا معا الوزير». Invented
articles and questions."""

from __future__ import annotations

import datetime as dt

import pytest

from retrieval.analysis import normalize
from retrieval.dialects import to_msa
from retrieval.model import Article


@pytest.mark.parametrize("dialect, msa", [
    ("وش سوا الوزير في بغداد؟", "ماذا فعل الوزير في بغداد؟"),
    ("شو سوا الرئيس بعد الزلزال؟", "ماذا فعل الرئيس بعد الزلزال؟"),
    ("ايش سوا المدرب في الشوط الثاني؟", "ماذا فعل المدرب في الشوط الثاني؟"),
    ("شنو سوا البرلمان؟", "ماذا فعل البرلمان؟"),
])
def test_sawa_after_a_question_word_is_did(dialect: str, msa: str) -> None:
    assert to_msa(dialect) == normalize(msa)


@pytest.mark.parametrize("dialect, together", [
    ("راحوا سوا على بغداد", "معا"),
    ("اشتغلوا سوا سنتين", "معا"),
])
def test_sawa_elsewhere_is_still_together(dialect: str, together: str) -> None:
    assert normalize(together) in to_msa(dialect).split()
    assert normalize("فعل") not in to_msa(dialect).split()


ARTICLES = [
    Article("envoy", "المبعوث الأممي في بغداد", "وكالة الرافدين", dt.date(2025, 2, 3),
            ("وصل المبعوث الأممي إلى بغداد الأحد في زيارة تستغرق يومين.",
             "وفعل المبعوث ما وعد به إذ افتتح مكتبا للأمم المتحدة في البصرة.")),
    Article("market", "أسعار الذهب", "وكالة الرافدين", dt.date(2025, 2, 4),
            ("ارتفعت أسعار الذهب في أسواق بغداد إلى مستوى قياسي.",
             "وسافر التجار معا إلى دبي لشراء كميات جديدة.")),
]


async def test_what_did_he_do_in_gulf_arabic_is_asked_as_did(engine_over) -> None:
    engine = await engine_over(ARTICLES)
    answer = await engine.answer("وش سوا المبعوث الأممي في العراق؟", 3)
    assert answer.hits and "افتتح مكتبا" in answer.hits[0].text, [h.text for h in answer.hits]
