"""A question in another language is told, in that language, that the coverage is Arabic."""

from __future__ import annotations

import pytest

from bot.render import render_answer
from retrieval.engine import Marsad
from retrieval.language import question_language


@pytest.mark.parametrize(("question", "language"), [
    ("What did Putin give Kim?", "en"),
    ("who is the Kremlin spokesman", "en"),
    ("Qu'est-ce que Poutine a donné à Kim ?", "fr"),
    ("Où se sont-ils rencontrés ?", "fr"),
    ("¿Qué le dio Putin a Kim?", "es"),
    ("Was hat Putin Kim gegeben?", "de"),
    ("ماذا أهدى Putin لـ Kim؟", "ar"),  # Latin-typed names inside an Arabic question
    ("ماذا أهدى بوتين لكيم؟", "ar"),
    ("😀 ؟", "und"),
    ("Что Путин подарил Киму?", "ru"),
    ("푸틴은 김정은에게 무엇을 주었나요?", "ko"),
    ("普京送给金正恩什么礼物？", "zh"),
    ("プーチンは何を贈りましたか", "ja"),
    ("Putin Kim", "und"),  # names alone: searched as typed, not told to use Arabic
    ("<A>", "und"),
    ("Kim Jong Un", "und"),  # "un" alone does not make it French
    ("Kim Jong-un", "und"),  # nor the rest of a hyphenated name (newcomer pass: said "fr")
    ("Kim Jong-un Vladivostok", "und"),
    ("Jean-Marc Ayrault Le Drian", "und"),
    ("What did Kim Jong-un say?", "en"),
    ("Qu'a dit Kim Jong-un ?", "fr"),
    ("est-ce que Poutine a donné un fusil ?", "fr"),  # a hyphen after a lowercase word counts
    ("Vladimir Putin Kim Jong Un Vostochny", "und"),
    ("where Putin", "en"),
    ("Will Putin visit North Korea?", "en"),
    ("Did Kim's trip end early?", "en"),
    ("Kim Jong Un a-t-il visité la Russie ?", "fr"),
])
def test_question_language(question: str, language: str) -> None:
    assert question_language(question) == language


@pytest.mark.parametrize(("question", "says"), [
    ("What did Putin give Kim?", "in Arabic"),
    ("Qu'est-ce que Poutine a donné à Kim ?", "en arabe"),
    ("Что Путин подарил Киму?", "на арабском"),
    ("푸틴은 김정은에게 무엇을 주었나요?", "in Arabic"),  # no Korean text: the English notice
])
async def test_a_foreign_question_is_invited_in_arabic_not_told_the_coverage_is_silent(
        engine: Marsad, question: str, says: str) -> None:
    answer = await engine.answer(question)
    assert not answer.answered
    assert answer.to_json()["language"] == question_language(question)
    text = render_answer(answer)
    assert says in text
    assert "لا تجيب التغطية" not in text and "does not answer" not in text


async def test_an_arabic_question_with_latin_names_is_searched(engine: Marsad) -> None:
    answer = await engine.answer("ماذا أهدى Putin لـ Kim؟")
    assert answer.language == "ar" and answer.searchable


@pytest.mark.parametrize("question", [
    "putin gifts",  # English words the lists of function words lack
    "Kim armored train",
    "Putin-Kim summit location?",
    "PUTIN GIFTS TO KIM?",  # typed in capitals: no word is taken for a name
    "Cosa ha regalato Putin a Kim?",  # Italian, with no list of its own
    "Apa hadiah Putin untuk Kim?",  # Indonesian
])
async def test_a_question_of_unlisted_foreign_words_is_never_told_the_coverage_is_silent(
        engine: Marsad, question: str) -> None:
    answer = await engine.answer(question)
    text = render_answer(answer)
    assert "لا تجيب التغطية" not in text and "does not answer" not in text, text
    assert answer.answered or "in Arabic" in text


@pytest.mark.parametrize("question", ["Putin Kim", "putin kim", "Vostochny", "Kim Jong Un"])
async def test_names_alone_in_latin_letters_are_still_searched_and_answered(
        engine: Marsad, question: str) -> None:
    answer = await engine.answer(question)
    assert answer.language == "und" and answer.answered and answer.hits


async def test_a_name_the_coverage_lacks_is_not_mistaken_for_another_language(
        engine: Marsad) -> None:
    answer = await engine.answer("Medvedev")
    assert answer.language == "und" and not answer.answered
