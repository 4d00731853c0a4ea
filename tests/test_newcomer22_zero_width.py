"""A zero width space (U+200B) in a question, read as its writer meant it. A phone or a
copied page puts one between two words («ماذا​أهدى»): a space, else the two glue into one
word no passage has and the question is declined. A mark pasted inside a name («بو​تين») is
nothing: the name is one word. Both readings were each, in turn, the project's rule (para21
split at every ZWSP; the revert glued at every one). Now the index decides: joined when the
joined word is a term of the coverage, split when a side is a question or function word or
both sides are terms of the coverage."""

from __future__ import annotations

import datetime as dt

import pytest

from retrieval.model import Article
from retrieval.questions import read_zero_width_spaces

Z = "\u200b"

BETWEEN_WORDS = [  # (typed, as meant): between two words
    (f"ماذا{Z}أهدى بوتين لكيم؟", "ماذا أهدى بوتين لكيم؟"),
    (f"ماذا{Z}أهدى{Z}بوتين{Z}لكيم؟", "ماذا أهدى بوتين لكيم؟"),
    (f"أين{Z}التقى بوتين وكيم؟", "أين التقى بوتين وكيم؟"),
    (f"متى{Z}وصل كيم إلى روسيا؟", "متى وصل كيم إلى روسيا؟"),
    (f"بندقية{Z}قفاز", "بندقية قفاز"),
]
INSIDE_A_WORD = [  # a name split by an invisible mark
    (f"ماذا أهدى بو{Z}تين لكيم؟", "ماذا أهدى بوتين لكيم؟"),
    (f"ماذا قال بيس{Z}كوف عن الزيارة؟", "ماذا قال بيسكوف عن الزيارة؟"),
    (f"ماذا أهدى بوتين ل{Z}كيم؟", "ماذا أهدى بوتين لكيم؟"),
]


async def same_answer(engine, typed: str, meant: str) -> None:
    got, plain = await engine.answer(typed), await engine.answer(meant)
    assert plain.answered, meant
    assert got.answered == plain.answered, typed
    assert [h.passage_id for h in got.hits] == [h.passage_id for h in plain.hits], typed
    assert got.question == typed  # echoed as asked (ask --json's "question")


@pytest.mark.parametrize("typed, meant", BETWEEN_WORDS)
async def test_a_zero_width_space_between_words_is_a_space(seeded, typed, meant):
    await same_answer(seeded, typed, meant)


@pytest.mark.parametrize("typed, meant", INSIDE_A_WORD)
async def test_a_zero_width_space_inside_a_name_is_nothing(seeded, typed, meant):
    await same_answer(seeded, typed, meant)


async def test_both_kinds_in_one_question(seeded):
    await same_answer(seeded, f"ماذا{Z}أهدى بو{Z}تين لكيم؟", "ماذا أهدى بوتين لكيم؟")


PORT = Article(
    id="port-1", title="توسعة ميناء الحديدة", source="صحيفة الساحل", date=dt.date(2025, 3, 4),
    paragraphs=(
        "قال مدير الميناء عبدالله الحمادي إن أعمال التوسعة ستنتهي في الصيف المقبل، وإن "
        "الرصيف الجديد سيستقبل السفن الكبيرة.",
        "وأضاف الحمادي أن الميناء استقبل أربعين سفينة خلال الشهر الماضي.",
    ))
OTHER = Article(
    id="rain-1", title="أمطار غزيرة في تعز", source="صحيفة الساحل", date=dt.date(2025, 3, 5),
    paragraphs=("هطلت أمطار غزيرة على مدينة تعز وأغلقت السيول عدة طرق رئيسية في المدينة.",))


@pytest.mark.parametrize("typed, meant", [
    (f"ماذا{Z}قال الحمادي عن الرصيف الجديد؟", "ماذا قال الحمادي عن الرصيف الجديد؟"),
    (f"ماذا قال الحما{Z}دي عن الرصيف الجديد؟", "ماذا قال الحمادي عن الرصيف الجديد؟"),
    (f"كم{Z}سفينة استقبل الميناء؟", "كم سفينة استقبل الميناء؟"),
    (f"كم سفينة استقبل المي{Z}ناء؟", "كم سفينة استقبل الميناء؟"),
])
async def test_an_invented_coverage_reads_both_kinds(engine_over, typed, meant):
    await same_answer(await engine_over([PORT, OTHER]), typed, meant)


def test_words_the_coverage_does_not_know_stay_joined():
    """Neither side a term, neither a question word: a word cut by a mark, joined."""
    assert read_zero_width_spaces(f"زرا{Z}دشت", lambda w: False) == "زرادشت"
    assert read_zero_width_spaces(f"ماذا{Z}زرادشت", lambda w: False) == "ماذا زرادشت"
    assert read_zero_width_spaces(f"ال{Z}ميناء", lambda w: False) == "الميناء"
    assert read_zero_width_spaces(f"{Z}ماذا {Z}قال{Z}", lambda w: True) == "ماذا قال"


async def test_compare_reads_the_topic_the_same_way(seeded):
    typed, plain = await seeded.compare(f"الهدايا{Z}بندقية"), await seeded.compare(
        "الهدايا بندقية")
    assert [v.source for v in typed.outlets] == [v.source for v in plain.outlets]
    assert typed.outlets
