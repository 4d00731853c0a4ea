"""A lowercase name typed in Latin letters whose last part is also a short word of some
language («kim jong un»: French «un») is a name, not a French question; a real French or
English question is still told the coverage is Arabic."""

import pytest

from retrieval.language import question_language


@pytest.mark.parametrize("text", ["kim jong un", "putin la kim", "lavrov de", "kim jong-un"])
def test_a_lone_two_letter_word_names_no_language(text: str) -> None:
    assert question_language(text) == "und"


@pytest.mark.parametrize(("text", "language"), [
    ("le cadeau de poutine", "fr"), ("qui est kim jong un", "fr"),
    ("what did putin give kim jong un", "en"), ("quién es kim jong un", "es"),
    ("was hat putin kim gegeben", "de")])
def test_questions_in_other_languages_are_still_read_as_such(text: str, language: str) -> None:
    assert question_language(text) == language


async def test_kim_jong_un_in_lowercase_is_answered_from_the_arabic_coverage(seeded) -> None:
    answer = await seeded.answer("kim jong un")
    assert answer.language != "fr"
    assert answer.hits and "كيم" in answer.hits[0].text
