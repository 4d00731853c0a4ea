"""The right passage first over other coverage than the seeds (issue 12, seventeenth round),
each kind with siblings over an invented coverage (tests/data/rank17: a road accident told
by two outlets, a quake, a dam that gave way, a market fire, a UN count printed «120,000,000»
by one outlet and «120000000» by another) and the researcher's newsroom14:

- a how-many question leads with the passage that counts what was asked («خلّف 820 قتيلا»,
  «أودى بحياة 14 شخصا»), not with another amount of the same story (a magnitude, a depth):
  counts.py;
- a why-question leads with the cause, told as «تحت ضغط/وطأة» or attributed («عزت …
  الارتفاع إلى»): causes.py;
- a number grouped by thousands («11,300») reads as the same number unseparated, so two
  outlets printing one statement each way are one statement, the other outlet credited.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli import ask_json, ingested
from test_compare_topic import newsroom  # noqa: F401  (the fixture, used by name)

from retrieval.analysis import normalize, tokenize
from retrieval.causes import states_cause
from retrieval.counts import asked_count, states_count
from retrieval.evaluate import holds_key
from retrieval.tolls import toll


@pytest.fixture(scope="module")
def coverage(tmp_path_factory, data_dir: Path) -> tuple[Path, Path]:
    articles = data_dir / "rank17" / "articles.jsonl"
    return ingested(tmp_path_factory.mktemp("rank17"), articles,
                    sum(1 for _ in articles.open(encoding="utf-8")))


def _first(corpus: tuple[Path, Path], questions: list[str]) -> list[str]:
    return [a["hits"][0]["text"] if a["hits"] else "" for a in ask_json(corpus, *questions)]


COUNTS = [
    ("كم عدد ضحايا زلزال وان؟", ["14 شخصا"]),  # not «بقوة 6.1 درجات», «عمق سبعة كيلومترات»
    ("كم قتيلا سقط في حادث الطريق الصحراوي؟", ["29 قتيلا"]),
    ("كم عدد قتلى انهيار سد أربعات؟", ["30 شخصا"]),
]
CAUSES = [
    ("ليش انهار سد أربعات؟", ["تحت وطأة السيول"]),  # not the inquiry into the collapse
    ("لماذا وقع حادث أسيوط؟", ["نتيجة السرعة الزائدة"]),
    ("ما سبب حريق سوق الموصل؟", ["بسبب تماس كهربائي"]),
]


@pytest.mark.parametrize(("question", "keys"), COUNTS + CAUSES)
def test_the_passage_answering_comes_first(coverage, question: str, keys: list[str]) -> None:
    [text] = _first(coverage, [question])
    assert holds_key(text, keys), (question, text)


def test_newsroom_counts_and_causes_first(newsroom) -> None:  # noqa: F811
    """The researcher's failures: the magnitude passage led the toll asked, the inquiry
    passage led why the dam gave way."""
    questions = ["كم عدد قتلى زلزال الحوز؟", "ليش انهار سد درنة؟", "لماذا انهار سد درنة؟"]
    keys = [["820 قتيلا", "2012 قتيلا"], ["ضغط الأمطار"], ["ضغط الأمطار"]]
    for question, text, wanted in zip(questions, _first(newsroom, questions), keys,
                                      strict=True):
        assert holds_key(text, wanted), (question, text)


@pytest.mark.parametrize(("question", "counted", "tolls"), [
    ("كم عدد قتلى زلزال الحوز؟", "قتيل", {"dead"}),  # the class of قتلى
    ("ما عدد المصابين في الحادث؟", "مصاب", {"injured"}),
    ("كم نازح في السودان؟", "شخص", {"displaced"}),  # dialect: كم before a bare noun
    ("كم قتيلا سقط؟", "قتيل", {"dead"}),
    ("كم شخصا توفي في الحريق؟", "شخص", {"dead"}),  # persons, the toll read from the verb
    ("ما عدد سكان الصين؟", "نسم", set()),  # inhabitants are counted in souls too
    ("كم عدد الطائرات التي أسقطت؟", "طاءر", set()),
])
def test_what_a_how_many_question_counts(question: str, counted: str, tolls: set[str]) -> None:
    asked = asked_count(question)
    assert asked is not None and counted in asked.terms and asked.tolls == tolls, asked


@pytest.mark.parametrize("question", [
    "كم بلغ التضخم في مصر في فبراير؟",  # a figure, nothing counted
    "كم شخصا حضر الحفل؟",  # persons alone, no toll asked: any number of persons is no count
    "متى وقع الزلزال؟", "ما قوة الزلزال؟",
])
def test_questions_counting_nothing_named(question: str) -> None:
    assert asked_count(question) is None


@pytest.mark.parametrize(("question", "text", "counts"), [
    ("كم عدد قتلى الزلزال؟", "خلّف الزلزال 820 قتيلا و672 جريحا.", True),
    ("كم عدد قتلى الزلزال؟", "لقي 12 شخصا حتفهم جراء الزلزال.", True),
    ("كم عدد قتلى الفيضانات؟", "قال إن عدد قتلى الفيضانات في المدينة بلغ 11300 شخص.", True),
    ("كم عدد قتلى الزلزال؟", "بلغت قوة الزلزال 7 درجات على سلم ريختر.", False),
    ("كم عدد قتلى الزلزال؟", "أصيب 22 شخصا جراء الزلزال.", False),  # injured, not dead
    ("ما عدد سكان المدينة؟", "يقطن المدينة نحو 1.3 مليون نسمة.", True),
    ("كم عدد الطائرات؟", "أسقطت الدفاعات 3 طائرات مسيرة.", True),
    ("كم عدد الطائرات؟", "حلقت الطائرات على ارتفاع 300 متر.", False),
])
def test_a_sentence_counting_what_was_asked(question: str, text: str, counts: bool) -> None:
    asked = asked_count(question)
    weights = {t: 1.0 for t in asked.terms} if asked else {}
    assert asked is not None and states_count(text, asked, weights, {}) is counts


@pytest.mark.parametrize(("text", "states"), [
    ("انهار السد تحت ضغط الأمطار.", True),
    ("انهار المبنى تحت وطأة الثلوج.", True),
    ("وعزا محللون الارتفاع إلى خفض قيمة الجنيه.", True),
    ("الأضرار الناجمة عن العاصفة كبيرة.", True),
    ("وقع السد تحت إشراف الوزارة.", False),  # «تحت» alone
    ("زاد الضغط على الحكومة.", False),  # pressure, no cause
])
def test_cause_markers(text: str, states: bool) -> None:
    weights = {t: 1.0 for t in ("سد", "مبن", "ارتفاع", "اضرار", "حكوم")}
    assert states_cause(text, weights, {}) is states, text


@pytest.mark.parametrize(("text", "tokens"), [
    ("11,300 قتيل", ["11300", "قتيل"]),
    ("1,234,567", ["1234567"]),
    ("11٬300", ["11300"]),  # the Arabic thousands separator
    ("(120,000,000)", ["120000000"]),
    ("2,5 مليون", ["2", "5", "مليون"]),  # a decimal comma: not thousands
    ("12,34", ["12", "34"]),
])
def test_thousands_separators(text: str, tokens: list[str]) -> None:
    assert tokenize(normalize(text)) == [normalize(t) for t in tokens]


def test_a_toll_grouped_by_thousands_is_the_same_toll() -> None:
    assert toll("بلغ عدد الضحايا 11,300 قتيل") == toll("بلغ عدد الضحايا 11300 قتيل") \
        == {("dead", 11300)}


def test_one_statement_printed_both_ways_credits_both_outlets(coverage) -> None:
    [answer] = ask_json(coverage, "كم عدد النازحين قسرا حول العالم؟")
    first, *rest = answer["hits"]
    assert "120" in first["text"]
    others = {first["article_id"], *(o["article_id"] for o in first["also_reported_by"])}
    assert others == {"refugees-un-1", "refugees-afp-1"}
    assert not any("120" in h["text"] for h in rest)
