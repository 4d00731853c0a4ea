"""«الأبيض» alone is white, not the United States: the news lexicon's class of America
(أميركا، أميركي، واشنطن) held «الأبيض» for «البيت الأبيض», so every «البحر الأبيض
المتوسط» in the coverage spelled America, and «كم مهاجرا أنقذت واشنطن؟» was answered by a
shipwreck off Libya. Invented articles and questions."""

from __future__ import annotations

import datetime as dt

import pytest

from retrieval.analysis import analyze
from retrieval.model import Article
from retrieval.synonyms import related


@pytest.mark.parametrize("word", ["الأبيض", "البيضاء", "أبيض"])
def test_white_is_related_to_no_word_of_america(word: str) -> None:
    america = {s for w in ["أمريكا", "أميركا", "أمريكي", "واشنطن"] for s in analyze(w)}
    for term in analyze(word):
        assert not related(term) & america, (word, sorted(related(term) & america))


def test_america_keeps_its_adjective_and_capital() -> None:
    america = {t for s in analyze("أمريكا") for t in related(s)}
    assert {s for w in ("أميركي", "واشنطن") for s in analyze(w)} <= america


ARTICLES = [
    Article("migrants", "غرق مركب مهاجرين قبالة ليبيا", "الوسط", dt.date(2025, 8, 3), (
        "غرق مركب يقل 60 مهاجرا في البحر الأبيض المتوسط قبالة سواحل طبرق.",
        "وأنقذ خفر السواحل الليبي 23 شخصا، فيما لا يزال الآخرون في عداد المفقودين.",
        "وقالت المنظمة الدولية للهجرة إن عدد الغرقى هذا العام تجاوز ألفي شخص.")),
    Article("wheat", "واردات القمح", "الوسط", dt.date(2025, 8, 4), (
        "استوردت ليبيا 300 ألف طن من القمح الروسي خلال الربع الثاني من العام.",)),
    Article("election", "تأجيل الانتخابات البلدية", "الوسط", dt.date(2025, 8, 5), (
        "أعلنت المفوضية العليا للانتخابات تأجيل الانتخابات البلدية في طرابلس شهرا.",)),
]


@pytest.mark.parametrize("question", [
    "كم مهاجرا أنقذت واشنطن؟",
    "موقف أمريكا من غرق المركب",
    "أمريكا ليبيا",
])
async def test_the_mediterranean_does_not_answer_for_america(engine_over, question) -> None:
    engine = await engine_over(ARTICLES)
    answer = await engine.answer(question, 3)
    assert not answer.answered, (question, [h.text for h in answer.hits])
