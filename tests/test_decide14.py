"""«كم + counted noun» answered by a number printed right before that noun (issue 12,
round 11; found on newsroom12: «كم طنا …», «كم قائدا …» declined with the right passage
first). The noun «كم» counts is written in the accusative (طنا، قائدا، هكتارا); the
coverage prints it after its number («3 ملايين طن», «خمسة رؤساء»), in its form or a word
of its class. Every question and article here is invented for its kind; newsroom12's own
are measured by `marsad eval` and benchmarks/fit_decision.py.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_decide import signal

from retrieval.analysis import analyze, analyze_token, normalize
from retrieval.answer_types import count_printed, counted_noun
from retrieval.articles import Article, read_articles


def weights(question: str) -> dict[str, float]:
    return dict.fromkeys(analyze(question), 1.0)


# ------------------------------------------------------------------ the noun counted

@pytest.mark.parametrize("question, noun", [
    ("كم طنا من القمح استورد الأردن؟", "طن"),
    ("كم زعيما إفريقيا شارك في القمة؟", "زعيم"),
    ("كم هكتارا من الغابات احترق؟", "هكتار"),
    ("كم سفينة رست في الميناء؟", "سفينة"),
    ("بكم دولارا بيع البرميل؟", "دولار"),
])
def test_the_noun_kam_counts_is_read_without_its_accusative(question, noun) -> None:
    assert analyze_token(normalize(noun)) in counted_noun(question)


@pytest.mark.parametrize("question", [
    "كم يوما استمر الإضراب؟",  # time: how long, not how many of a thing
    "كم مرة التقى الوزيران؟",
    "كم تبرعت الشركة للمستشفى؟",  # a verb after «كم»: no noun counted
    "كم عدد الضحايا؟",  # counted by «عدد», no accusative noun after «كم»
    "متى وصل الوفد؟",
])
def test_no_noun_counted(question) -> None:
    assert not counted_noun(question)


@pytest.mark.parametrize("sentence, noun, printed", [
    ("واستورد الأردن نحو 1.2 مليون طن من القمح.", "طن", True),  # number, multiplier, noun
    ("وشارك سبعة زعماء في القمة.", "زعماء", True),  # a number word
    ("وأتت النيران على 3 آلاف هكتار من الغابات.", "هكتار", True),
    ("واستورد الأردن القمح بالأطنان في 2024.", "طن", False),  # a year counts nothing
    ("واحترق الهكتار الأول قبل وصول 12 سيارة إطفاء.", "هكتار", False),  # number after it
    ("وشارك الزعماء في القمة التي حضرها 40 صحفيا.", "زعماء", False),  # another noun counted
])
def test_a_number_printed_right_before_the_noun(sentence, noun, printed) -> None:
    term = analyze_token(normalize(noun))
    assert count_printed(sentence, lambda t: t == term, weights(sentence),
                         {}) is printed


# ------------------------------------------------------------------ as readers ask them
# over newsroom12's thirteen articles (a coverage of realistic size) and an invented one

NEWSROOM12 = Path(__file__).parent / "data" / "newsroom12" / "articles.jsonl"
WHEAT = Article("wheat", "الأردن يرفع وارداته من القمح", "صحيفة السوق", dt.date(2025, 3, 4), (
    "قالت وزارة الصناعة والتجارة الأردنية إن المملكة استوردت العام الماضي نحو 1.2 مليون "
    "طن من القمح، معظمها من رومانيا وأوكرانيا.",
    "وأوضحت الوزارة أن المخزون الاستراتيجي يكفي لعشرة أشهر."))
SUMMIT = Article("summit", "قمة إفريقية في أديس أبابا", "موقع القارة", dt.date(2025, 2, 16), (
    "افتتحت في أديس أبابا القمة السنوية للاتحاد الإفريقي بمشاركة 38 رئيس دولة وحكومة، "
    "وسط غياب عدد من القادة بسبب أزمات داخلية.",
    "وناقشت القمة ملفات الأمن الغذائي والنزاعات في منطقة الساحل."))


async def over(engine_over, *articles: Article):
    return await engine_over([*read_articles([NEWSROOM12]), *articles])


@pytest.mark.parametrize("question, article, key", [
    ("كم طنا من القمح استورد الأردن العام الماضي؟", WHEAT, "1.2 مليون"),
    ("كم طنا من القمح تستورد المملكة الأردنية؟", WHEAT, "1.2 مليون"),
    ("كم زعيما شارك في قمة الاتحاد الإفريقي؟", SUMMIT, "38 رئيس"),
    ("كم قائدا حضر قمة أديس أبابا؟", SUMMIT, "38 رئيس"),
])
async def test_a_count_printed_before_its_noun_is_answered(engine_over, question, article,
                                                          key) -> None:
    engine = await over(engine_over, article)
    answer = await engine.answer(question, k=3)
    assert key in answer.hits[0].text
    assert signal(answer, "focus_far") == 0.0
    assert signal(answer, "event_unknown") == 0.0
    assert answer.answered


@pytest.mark.parametrize("question, article", [
    ("كم سفينة قمح وصلت إلى الأردن؟", WHEAT),  # ships never counted: no number before them
    ("كم جنديا أرسل الاتحاد الإفريقي إلى الساحل؟", SUMMIT),
])
async def test_a_count_of_another_noun_is_no_answer(engine_over, question, article) -> None:
    engine = await over(engine_over, article)
    answer = await engine.answer(question, k=3)
    # no amount beside what is asked: the count's signals still fire
    assert any(signal(answer, name) == 1.0 for name in ("type_missing", "type_far", "focus_far"))
    assert not answer.answered
