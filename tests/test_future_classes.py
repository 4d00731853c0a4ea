"""A future asked, a future said in another word (issue 12, paraphrase): «كم ستدوم
الجولة؟» where the passage says «ستستمر», «سيمكث» where it says «سيبقى», «سيجتمع» where
it says «سيلتقي». The stemmer keeps the future's س, so the question's future met only its
own present's class (synonyms.present_of); now it meets the futures of that class too,
tense for tense, while a present asked still reaches no future. And a passage that glues
ب/ل/ك to the class word (بشراء for «لاقتنائه»'s شراء) holds the question's word for the
decision. The corpus is invented (a festival, a club, a trade delegation, a grain
company, a relief society)."""

from __future__ import annotations

import datetime as dt

import pytest
from question_files import top_passages_right

from retrieval.analysis import analyze
from retrieval.decide import _said_otherwise
from retrieval.model import Article
from retrieval.synonyms import futures, related


def _term(word: str) -> str:
    return analyze(word)[0]


# --------------------------------------------------------------------------- the lexicon

@pytest.mark.parametrize("asked, said", [
    ("ستدوم", "ستستمر"), ("ستطول", "ستستمر"), ("سيدوم", "سيستمر"),  # lasting
    ("سيمكث", "سيبقى"), ("ستمكث", "ستبقى"),  # staying
    ("سيجتمع", "سيلتقي"), ("سنجتمع", "سنلتقي"),  # meeting: the present's past's class
])
def test_a_future_asked_is_held_by_a_future_of_its_class(asked: str, said: str) -> None:
    assert _term(said) in related(_term(asked))


@pytest.mark.parametrize("asked, said", [
    ("يدعم", "سندعم"),  # a present asked reaches no future (near misses were answered)
    ("يجتمع", "سيلتقي"),
    ("سيزور", "ستستمر"),  # a future reaches no future of another class
    ("سيهدي", "سيمنح"),  # سيهد is read as no future (tenses.future_verb), nothing added
])
def test_no_future_is_read_across_tenses_or_classes(asked: str, said: str) -> None:
    assert _term(said) not in related(_term(asked))


def test_the_futures_of_a_class_are_its_presents_with_the_future_s() -> None:
    assert futures(frozenset({_term("استمر")})) >= {_term("سيستمر"), _term("ستستمر")}
    assert futures(frozenset({_term("قمة")})) == frozenset()  # a noun has no future


# --------------------------------------------------------------------------- answering

# (question, the passage that answers it, a sibling holding its names and no more)
CASES = [
    ("كم ستدوم دورة مهرجان الزيتون في جرش؟",  # ستدوم: ستستمر
     "وقالت اللجنة المنظمة إن دورة مهرجان الزيتون في جرش ستستمر عشرة أيام.",
     "وافتتح المحافظ دورة مهرجان الزيتون في جرش بحضور المزارعين والتجار."),
    ("متى سيجتمع مدرب الوداد باللاعبين الجدد؟",  # سيجتمع: سيلتقي
     "وأعلن النادي أن مدرب الوداد سيلتقي اللاعبين الجدد صباح الخميس في مركز التدريب.",
     "وأشاد مدرب الوداد باللاعبين الجدد في مؤتمر صحفي عقده بعد المباراة الودية."),
    ("كم يوما سيمكث الوفد التجاري الماليزي في القاهرة؟",  # سيمكث: سيبقى
     "وأوضح السفير أن الوفد التجاري الماليزي سيبقى في القاهرة أربعة أيام.",
     "ووصل الوفد التجاري الماليزي إلى القاهرة على متن رحلة تجارية من كوالالمبور."),
    # a class word with ب glued to it in the passage (بشراء، بإمداد): answered before the
    # decision read glued class words too (its other signals carry them; the reading
    # itself is tested below)
    ("ما الذي تريد شركة الحبوب الوطنية اقتناءه من مزارعي الجنوب؟",  # اقتناء: بشراء
     "وأبدت شركة الحبوب الوطنية رغبتها بشراء القمح من مزارعي الجنوب بأسعار السوق.",
     "والتقى مدير شركة الحبوب الوطنية مزارعي الجنوب في حفل بمناسبة موسم الحصاد."),
    ("بماذا زود الهلال الأحمر سكان القرى المنكوبة؟",  # زود: بإمداد
     "وقام الهلال الأحمر بإمداد سكان القرى المنكوبة بالخيام والأغطية ومياه الشرب.",
     "وزار وفد من الهلال الأحمر سكان القرى المنكوبة بعد أسبوع من السيول."),
]


@pytest.fixture
async def week(engine_over):
    return await engine_over([
        Article("regional-week", "أسبوع في الأقاليم", "وكالة الأنباء", dt.date(2025, 10, 6),
                tuple(p for _, answer, sibling in CASES for p in (answer, sibling))),
    ])


@pytest.mark.parametrize("question, passage", [(q, answer) for q, answer, _ in CASES])
async def test_a_paraphrase_reaches_and_answers_with_its_passage(week, question,
                                                                 passage) -> None:
    answer = await week.answer(question)
    assert answer.answered
    assert answer.hits and answer.hits[0].text == passage


# --------------------------------------------------------------------------- a glued class word

@pytest.mark.parametrize("term, held, said", [
    ("اقتناء", {"بشراء", "قمح"}, True),  # buying, ب glued
    ("اقتناء", {"شراء", "قمح"}, True),  # as before
    ("منح", {"لاهداء"}, True),  # giving, ل glued (لإهداء)
    ("اقتناء", {"بقمح"}, False),  # a glued word of no class of the question's
])
def test_the_decision_reads_a_class_word_behind_a_glued_preposition(term, held, said) -> None:
    assert _said_otherwise(_term(term), frozenset(held), {}) is said


# --------------------------------------------------------------------------- over the seeds

# The twelve development sets' paraphrase and dialect questions (seeds-unseen, -blind2 …
# -blind12), top passage right (answered or not), just under what was measured: 673 of 821
# before this change, 675 after (the first ten: 570 -> 572 of 681).
SETS = ("seeds-unseen.jsonl", *(f"seeds-blind{i}.jsonl" for i in range(2, 13)))
TOP_FLOOR = 674


async def test_paraphrase_and_dialect_top_passage_over_twelve_sets(seeded_db, data_dir) -> None:
    right, asked = await top_passages_right(seeded_db, data_dir, SETS, ("paraphrase", "dialect"))
    assert asked == 821
    assert right >= TOP_FLOOR, right
