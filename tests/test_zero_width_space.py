"""A zero width space (U+200B) between two words, as pasted from some web pages and phones,
is a word boundary: the question and the passage read as if it were a space."""

from retrieval.analysis import analyze
from retrieval.passages import clean_text


def test_a_zero_width_space_splits_the_question_words() -> None:
    assert analyze("ماذا\u200bأهدى بوتين\u200bلكيم؟") == analyze("ماذا أهدى بوتين لكيم؟")


def test_a_zero_width_space_in_an_article_splits_its_words() -> None:
    assert clean_text("وصل\u200bالوفد إلى\u200b\u200bالميناء") == "وصل الوفد إلى الميناء"


def test_joiners_and_marks_inside_a_word_still_vanish() -> None:
    assert clean_text("الميـ\u200dناء\u200f الشرقي") == "الميـناء الشرقي"
    assert analyze("الم\u200cيناء") == analyze("الميناء")


async def test_a_question_glued_by_zero_width_spaces_is_answered(seeded) -> None:
    answer = await seeded.answer("ماذا\u200bأهدى\u200bبوتين\u200bلكيم؟")
    plain = await seeded.answer("ماذا أهدى بوتين لكيم؟")
    assert answer.answered == plain.answered
    assert [h.passage_id for h in answer.hits] == [h.passage_id for h in plain.hits]
