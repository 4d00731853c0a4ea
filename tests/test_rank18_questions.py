"""The right passage first (issue 12, eighteenth round), each kind with invented siblings,
over the seeds and an invented coverage (tests/data/rank18: Jordan's unemployment and
Morocco's tourism receipts told by month, a visit accepted and an earlier one, a fire and
a flood each with its toll):

- a dialect question asking of an act to come («امتى هيزور بوتين كوريا؟», «رح يزور»,
  «غادي يزور») keeps its future in the MSA it is searched as (dialects.py writes «سوف»),
  so the future cue leads with the visit to come, not the visit of years ago;
- a how-many question leads with the toll of the event it names («كم عدد قتلى حريق
  الزرقاء؟»), not with another disaster's «عدد القتلى … بلغ» (rerank.counted_topic);
- a question the engine scopes to a month, its month's words taken out of the search
  («كم بلغت البطالة في الأردن في فبراير؟»), leads with the passage telling of that month,
  not with another month's figure printed in that month's articles (rerank.Weights.month).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli import ask_json, ingested

from retrieval.analysis import analyze_token, normalize
from retrieval.date_scope import AskedMonth
from retrieval.dialects import to_msa
from retrieval.evaluate import holds_key
from retrieval.rerank import tells_other_month
from retrieval.tenses import asks_future


@pytest.fixture(scope="module")
def coverage(tmp_path_factory, data_dir: Path) -> tuple[Path, Path]:
    articles = data_dir / "rank18" / "articles.jsonl"
    return ingested(tmp_path_factory.mktemp("rank18"), articles,
                    sum(1 for _ in articles.open(encoding="utf-8")))


# --- a dialect future kept -------------------------------------------------------------

# the corpus writes the present (يزور), not the dialect's future (هيزور)
_KNOWN = frozenset(analyze_token(normalize(w)) for w in (
    "يزور", "يذهب", "زيارة", "الوزير", "حلب", "يصل", "يحكي", "يقول", "قال", "متى"))


@pytest.mark.parametrize("question", [
    "امتى هيزور الوزير حلب؟", "الوزير حيزور حلب امتى؟",  # Egypt, Levant: ه/ح
    "الوزير رح يزور حلب؟", "الوزير راح يزور حلب؟",  # Levant, Iraq: رح/راح + present
    "واش الوزير غادي يزور حلب؟",  # Maghreb
])
def test_a_dialect_future_stays_a_future_in_msa(question: str) -> None:
    assert asks_future(to_msa(question, _KNOWN.__contains__)), question


@pytest.mark.parametrize("question", [
    "الوزير بيزور حلب كل سنة؟",  # the present's بـ
    "شو عم يحكي الوزير؟",  # the progressive عم
    "الوزير زار حلب امتى؟",
])
def test_a_dialect_present_or_past_asks_no_future(question: str) -> None:
    assert not asks_future(to_msa(question, _KNOWN.__contains__)), question


PUTIN_TO_COME = ['بوتين "بسرور" دعوة كيم', "بوتين قبل الدعوة بكل سرور", "ثم رحلة أخرى لبوتين"]
LAVROV_TO_COME = ["لوزير الخارجية الروسي سيرجي لافروف"]


@pytest.mark.parametrize(("question", "keys"), [
    ("إمتى حيزور بوتين كوريا الشمالية؟", PUTIN_TO_COME),  # not «يزور … في العام 2000»
    ("بوتين هيروح كوريا الشمالية إمتى؟", PUTIN_TO_COME),
    ("لافروف امتى هيروح بيونغيانغ؟", LAVROV_TO_COME),
])
async def test_a_dialect_future_is_answered_by_the_act_to_come(engine, question: str,
                                                               keys: list[str]) -> None:
    answer = await engine.answer(question, k=3)
    assert answer.hits and holds_key(answer.hits[0].text, keys), (
        question, answer.hits[0].text if answer.hits else None)


VISIT_TO_COME = ["في يونيو المقبل"]


@pytest.mark.parametrize("question", [
    "امتى هيزور الرئيس التونسي الجزائر؟", "الرئيس التونسي رح يزور الجزائر امتى؟",
    "واش الرئيس التونسي غادي يزور الجزائر؟", "متى سيزور الرئيس التونسي الجزائر؟",
])
def test_a_visit_to_come_before_the_visit_of_2022(coverage, question: str) -> None:
    [answer] = ask_json(coverage, question)
    assert answer["hits"] and holds_key(answer["hits"][0]["text"], VISIT_TO_COME), answer


# --- the toll of the event asked -------------------------------------------------------

@pytest.mark.parametrize(("question", "keys"), [
    ("كم عدد قتلى حريق الزرقاء؟", ["5 قتلى"]),  # not «عدد القتلى جراء السيول … بلغ 12»
    ("كم شخصا قتل في حريق مستودع الزرقاء؟", ["5 قتلى"]),
    ("كم عدد قتلى سيول معان؟", ["12 شخصا"]),
])
def test_a_toll_of_the_event_asked_comes_first(coverage, question: str,
                                               keys: list[str]) -> None:
    [answer] = ask_json(coverage, question)
    assert answer["hits"] and holds_key(answer["hits"][0]["text"], keys), answer


@pytest.mark.parametrize("question", ["كم عدد قتلى زلزال إربد؟", "كم عدد قتلى حريق العقبة؟"])
def test_a_toll_of_an_event_never_told_is_declined(coverage, question: str) -> None:
    [answer] = ask_json(coverage, question)
    assert not answer["answered"], answer


def test_rank17_tolls_of_several_disasters(data_dir: Path, tmp_path: Path) -> None:
    """The rank17 coverage: a road accident, a quake and a dam's collapse; the dam's «عدد
    القتلى … بلغ 30» holds the question's words, the accident's and the quake's tolls
    answer."""
    articles = data_dir / "rank17" / "articles.jsonl"
    corpus = ingested(tmp_path, articles, sum(1 for _ in articles.open(encoding="utf-8")))
    asked = {"كم عدد قتلى حادث أسيوط؟": ["29 قتيلا"],
             "كم عدد قتلى حادث الحافلة في أسيوط؟": ["29 قتيلا"],
             "كم قتيلا خلف حادث أسيوط؟": ["29 قتيلا"],
             "كم عدد قتلى زلزال وان؟": ["14 شخصا"]}
    for keys, answer in zip(asked.values(), ask_json(corpus, *asked), strict=True):
        assert answer["hits"] and holds_key(answer["hits"][0]["text"], keys), answer


# --- the month asked --------------------------------------------------------------------

@pytest.mark.parametrize(("question", "keys"), [
    ("كم بلغت البطالة في الأردن في فبراير؟", ["21.4% في فبراير"]),  # not December's 22.3%
    ("كم بلغت البطالة في الأردن في ديسمبر؟", ["22.3% في ديسمبر"]),
    ("كم بلغت عائدات السياحة المغربية في يوليو؟", ["11 مليار درهم"]),  # not May's
    ("كم بلغت عائدات السياحة المغربية في مايو؟", ["8.7 مليار درهم"]),
])
def test_the_month_asked_comes_first(coverage, question: str, keys: list[str]) -> None:
    [answer] = ask_json(coverage, question)
    assert answer["hits"] and holds_key(answer["hits"][0]["text"], keys), answer


@pytest.mark.parametrize(("text", "month", "other"), [
    ("خفض البطالة التي بلغت 22.3% في ديسمبر.", 2, True),
    ("تراجع المعدل إلى 35.7% في فبراير من 29.8% في يناير.", 2, False),  # the month asked too
    ("تراجع المعدل إلى 21.4% في فبراير.", 2, False),
    ("وأضافت الدائرة أن المعدل ما زال مرتفعا.", 2, False),  # no month at all
])
def test_a_passage_telling_of_another_month(text: str, month: int, other: bool) -> None:
    assert tells_other_month(text, AskedMonth(month, None)) is other
