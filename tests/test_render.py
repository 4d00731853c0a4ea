"""Terminal rendering: what a console user sees under each answer."""

import datetime as dt

from bot.render import BOLD, NOT_DIRECTLY, PLAIN, render_answer
from retrieval.model import Answer, Citation, Hit


def _hit(**kw) -> Hit:
    fields = dict(rank=1, score=2.0, text="أهدى بوتين كيم بندقية. وقبل الدعوة بسرور.",
                  article_id="a", title="t", source="سكاي نيوز عربية",
                  date=dt.date(2023, 9, 14), sentence="وقبل الدعوة بسرور.")
    fields.update(kw)
    return Hit(**fields)


def test_every_passage_is_followed_by_outlet_and_arabic_date():
    text = render_answer(Answer("q", True, [_hit(), _hit(rank=2, source=None, date=None)]))
    assert "— سكاي نيوز عربية، 14 سبتمبر 2023" in text
    assert "— مصدر غير معروف، تاريخ غير معروف" in text


def test_other_outlets_that_carried_the_statement_are_credited():
    hit = _hit(also_reported_by=[Citation("b", "العربي - أ ف ب", dt.date(2024, 7, 27))])
    assert "نقلته أيضاً: العربي - أ ف ب، 27 يوليو 2024" in render_answer(Answer("q", True, [hit]))


def test_the_best_sentence_is_bold_only_when_asked_for():
    answer = Answer("q", True, [_hit()])
    assert f"{BOLD}وقبل الدعوة بسرور.{PLAIN}" in render_answer(answer, bold=True)
    assert BOLD not in render_answer(answer)


def test_a_declined_answer_with_related_passages_shows_them_labelled_as_closest():
    """Declined while passages on the subject exist: "does not answer this directly", then
    the closest passages with their citations; the reader never loses a passage."""
    text = render_answer(Answer("q", False, [_hit(), _hit(rank=2, text="وصل كيم بالقطار.")]))
    assert text.startswith(NOT_DIRECTLY)
    assert "مباشرة" in text and "directly" in text
    assert "بندقية" in text and "وصل كيم بالقطار." in text
    assert "— سكاي نيوز عربية، 14 سبتمبر 2023" in text


def test_a_declined_answer_with_nothing_related_says_the_coverage_does_not_answer():
    text = render_answer(Answer("q", False, []))
    assert "لا تجيب التغطية" in text and "مباشرة" not in text


def test_a_question_in_another_language_is_told_to_ask_in_arabic_not_shown_closest():
    text = render_answer(Answer("What did Putin give?", False, [_hit()], language="en"))
    assert "Arabic" in text and NOT_DIRECTLY not in text
