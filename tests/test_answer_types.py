"""What a question asks for (an amount, a time) and whether a passage holds one where it
matches the question (retrieval/answer_types.py; issue 12, second round)."""

from __future__ import annotations

import pytest

from retrieval.analysis import analyze
from retrieval.answer_types import NUMBER, TIME, answer_type, holds


@pytest.mark.parametrize("question, kind", [
    ("كم طالت المباحثات بين الوفدين؟", NUMBER),
    ("قديش طولت المحادثات؟", NUMBER),  # Levantine
    ("بكم بيعت اللوحة؟", NUMBER),
    ("ما عدد القتلى في الزلزال؟", NUMBER),
    ("ما مدة الزيارة؟", NUMBER),
    ("كام سنة قعد في السجن؟", NUMBER),  # Egyptian
    ("متى ولد نجيب محفوظ؟", TIME),
    ("امتى وصل الوفد؟", TIME),
    ("في أي عام تأسست الجامعة؟", TIME),
    ("في أي يوم وقع الهجوم؟", TIME),
    ("من هو الناطق باسم الحكومة؟", None),
    ("أين عقد الاجتماع؟", None),
    ("هل التقى الرئيسان؟", None),
    ("ماذا قال الوزير عن الميزانية؟", None),
    ("الجامعة العربية", None),
])
def test_the_question_word_says_what_kind_of_answer_is_asked(question, kind) -> None:
    assert answer_type(question) == kind


def weights(question: str) -> dict[str, float]:
    return dict.fromkeys(analyze(question), 1.0)


@pytest.mark.parametrize("text", [
    "استمرت المحادثات بين الوفدين قرابة ساعتين.",  # a unit's dual
    "استمرت المحادثات بين الوفدين ثلاث ساعات.",  # a number word
    "استمرت المحادثات بين الوفدين 3 ساعات.",
    "استمرت المحادثات بين الوفدين ٣ ساعات.",  # Arabic-Indic digits
    "استمرت المحادثات بين الوفدين بضعة أيام.",
    "استمرت المحادثات بين الوفدين عشرات الساعات.",
])
def test_an_amount_in_the_matching_sentence_is_a_candidate(text) -> None:
    assert holds(text, NUMBER, weights("كم استمرت المحادثات بين الوفدين؟"), {})


@pytest.mark.parametrize("text", [
    "استمرت المحادثات بين الوفدين طويلا.",
    # the amount is there, but in a sentence that does not match the question
    "استمرت المحادثات بين الوفدين طويلا. وفي مدينة أخرى جرت 5 مباريات.",
])
def test_no_amount_where_the_question_matches_is_no_candidate(text) -> None:
    assert not holds(text, NUMBER, weights("كم استمرت المحادثات بين الوفدين؟"), {})


@pytest.mark.parametrize("text, held", [
    ("ووصل الوفد إلى القاهرة الثلاثاء.", True),  # a weekday, written with و and ال
    ("ووصل الوفد إلى القاهرة في 12 مارس.", True),
    ("ووصل الوفد إلى القاهرة في أيلول.", True),
    ("ووصل الوفد إلى القاهرة أمس.", True),
    ("ووصل الوفد إلى القاهرة عندما انتهت القمة.", True),
    ("ووصل الوفد إلى القاهرة على متن طائرة خاصة.", False),
])
def test_a_time_in_the_matching_sentence_is_a_candidate(text, held) -> None:
    assert holds(text, TIME, weights("متى وصل الوفد إلى القاهرة؟"), {}) is held


def test_a_spelling_of_a_question_word_counts_as_it_when_finding_the_sentence() -> None:
    text = "انتهى الاجتماع. وصلت البعثة إلى القاهرة يوم الاثنين."
    question = weights("متى وصل الوفد؟")
    assert not holds(text, TIME, question, {})  # no sentence holds any question word
    assert holds(text, TIME, question, {"وفد": {analyze("البعثة")[0]},
                                        "وصل": {analyze("وصلت")[0]}})


def test_a_year_is_a_time_not_an_amount() -> None:
    text = "زار الوفد المصنع منذ عام 2019."
    assert not holds(text, NUMBER, weights("كم سعر المصنع الذي زاره الوفد؟"), {})
    assert holds(text, TIME, weights("متى زار الوفد المصنع؟"), {})
    assert holds("زار الوفد المصنع 2019 مرة.", TIME, weights("متى زار الوفد المصنع؟"), {})
