"""The right passage first (issue 12, fifteenth round), each kind with siblings:

- a question asking what an outlet or a person said, mentioned or announced («ماذا أعلن
  موقع العربي عن …؟») frames no act for the actor cue: a passage where the word «موقع»
  stands near «وقال» («أحدث موقع لإطلاق الصواريخ …، وقال …») is no answer;
- a question asking who someone is («بيسكوف», «من هو بيسكوف؟») leads with the passage
  that presents them by the title the coverage gives them («دميتري بيسكوف المتحدث باسم
  الكرملين»), not one naming them in passing («وبحسب بيسكوف …»);
- «يوم» before a verb opens a clause of time as «حين» does («… يوم زارها بوتين أول مرة؟»,
  Gulf and Iraqi speech, and MSA's «يومَ زارها»): the act asked at is Putin's visit, not
  Kim's own first visit;
- a verb of going with its actor («متى راح/ذهب/سافر بوتين إلى كوريا الشمالية أول مرة؟») asks
  for a visit too: «وكان بوتين أول رئيس روسي يزور كوريا الشمالية» answers, not Kim's own
  first trip; a question asking where he went («وين راح بوتين بعد …؟») is no visit asked;
- a question word glued to ل or ب that the coverage writes bare («متى وصل كيم لروسيا؟»)
  weighs as the bare word: as a rare word of its own it let a passage naming Russia
  outweigh the one telling when Kim arrived.
"""

from __future__ import annotations

import numpy as np
import pytest

from retrieval.analysis import analyze
from retrieval.evaluate import holds_key
from retrieval.rerank import Candidate, asks_who_is, bare_weights, presenting
from retrieval.roles import VISITING, acting_degree, frame, time_clause

THE_ASTRONAUT = ["إرسال رائد فضاء كوري شمالي"]
PESKOV_PRESENTED = ["الناطق باسم الكرملين دميتري بيسكوف", "دميتري بيسكوف المتحدث باسم الكرملين"]


@pytest.mark.parametrize("question", [
    "ماذا أعلن موقع العربي عن رائد فضاء كوري شمالي؟",
    "ماذا أورد موقع العربي عن إرسال رائد فضاء كوري شمالي؟",
    "ماذا ذكر العربي عن إرسال رائد فضاء كوري؟",
])
async def test_what_an_outlet_said_is_no_act_near_the_word_outlet(engine, question: str) -> None:
    answer = await engine.answer(question, k=3)
    assert answer.answered and holds_key(answer.hits[0].text, THE_ASTRONAUT), question


@pytest.mark.parametrize("question", ["بيسكوف", "من هو بيسكوف؟", "مين بيسكوف", "دميتري بيسكوف",
                                      "بيسكوب"])  # a spelling the coverage does not use
async def test_who_someone_is_leads_with_the_passage_presenting_them(engine,
                                                                   question: str) -> None:
    answer = await engine.answer(question, k=3)
    assert answer.hits and holds_key(answer.hits[0].text, PESKOV_PRESENTED), question


@pytest.mark.parametrize(("question", "asks"), [
    ("خليل", True), ("من هو خليل؟", True), ("من هي خليل", True), ("سامر خليل", True),
    ("ماذا قال خليل؟", False),  # his words, not who he is
    ("زيارة خليل", False),  # a topic beside the name
    ("من هو وزير الزراعة؟", False),  # a title asked, not a name
])
def test_who_is_questions_are_the_name_alone(question: str, asks: bool) -> None:
    assert asks_who_is(question, {"خليل", "سامر"}) is asks


def test_a_name_asked_in_another_spelling_is_the_name() -> None:
    assert not asks_who_is("من هو خلييل؟", {"خليل"})
    assert asks_who_is("من هو خلييل؟", {"خليل"}, {"خلييل": {"خليل"}})


def _candidate(text: str, vocab: dict[str, int]) -> Candidate:
    """A passage as stored: its text's terms analysed at ingest, by id (no title)."""
    ids = [vocab.setdefault(t, len(vocab)) for t in analyze(text)]
    return Candidate("", text, 1.0, np.array(ids, np.int64), 0)


def test_the_passage_holding_a_title_given_the_name_presents_them() -> None:
    titles = [(("ناطق", "باسم", "وزار", "زراع"), ("خليل",))]
    texts = ["وبحسب خليل، ستستمر الزيارة يومين آخرين.",
             "وقال المتحدث باسم وزارة الزراعة سامر خليل إن المحادثات كانت مفيدة.",  # kin
             "وأفاد الناطق باسم وزارة الزراعة سامر خليل الصحافيين بأن الوزير تلقى دعوة.",
             "وأفاد الناطق باسم وزارة الصحة بأن خليل وصل."]  # another ministry's spokesman
    vocab: dict[str, int] = {}
    candidates = [_candidate(t, vocab) for t in texts]
    assert presenting("من هو خليل؟", candidates, titles, vocab).tolist() == [0, 1, 1, 0]
    assert presenting("ماذا قال خليل؟", candidates, titles, vocab).tolist() == [0, 0, 0, 0]


FIRST_VISIT_RULER = ["عندما كان يرأسها كيم جونغ إيل"]


@pytest.mark.parametrize("question", [
    "من كان يحكم كوريا الشمالية يوم زارها بوتين للمرة الأولى؟",
    "شكون كان يحكم كوريا الشمالية يوم زارها بوتين؟",
    "مين كان رئيس كوريا الشمالية يوم زارها بوتين أول مرة؟",
])
async def test_a_clause_of_time_opened_by_yawm_is_the_act_asked_at(engine, question: str) -> None:
    answer = await engine.answer(question, k=3)
    assert answer.hits and holds_key(answer.hits[0].text, FIRST_VISIT_RULER), question


@pytest.mark.parametrize(("question", "clause"), [
    ("من كان يحكم المدينة يوم زارها الوزير؟", "متى زارها الوزير"),
    ("شو صار يوم زار بوتين الميناء؟", "متى زار بوتين الميناء"),
    ("من كان يحكم المدينة يوم الأربعاء؟", None),  # a day named, no act
])
def test_yawm_before_a_verb_opens_a_clause_of_time(question: str, clause: str | None) -> None:
    assert time_clause(question) == clause


PUTINS_VISIT = ["أول رئيس روسي يزور كوريا", "آخر زيارة لبوتين لكوريا الشمالية"]


@pytest.mark.parametrize("question", [
    "متى ذهب بوتين إلى كوريا الشمالية أول مرة؟",
    "امتى راح بوتين لكوريا الشمالية أول مرة؟",
    "متى سافر بوتين إلى كوريا الشمالية لأول مرة؟",
])
async def test_going_to_a_country_is_visiting_it(engine, question: str) -> None:
    answer = await engine.answer(question, k=3)
    assert answer.hits and holds_key(answer.hits[0].text, PUTINS_VISIT), question


async def test_where_someone_went_is_no_visit_asked(engine) -> None:
    answer = await engine.answer("وين راح بوتين بعد ما خلص من كيم؟", k=3)
    assert answer.answered and holds_key(answer.hits[0].text, ["توجه إلى سوتشي"])


def test_a_visit_is_the_act_of_a_verb_of_going_when_asked_for() -> None:
    asked = frame("متى ذهب الوزير إلى حلب؟")
    visit = "وكان الوزير أول مسؤول يزور حلب في العام 2009."
    assert asked is not None
    assert acting_degree(asked, visit, {}) == 0
    assert acting_degree(asked, visit, {}, also=VISITING) == 1


KIM_ARRIVED = ["والثلاثاء، وصل كيم إلى روسيا"]


@pytest.mark.parametrize("question", [
    "متى وصل كيم إلى روسيا؟",  # bare: as before
    "متى وصل كيم لروسيا؟",
    "امتى وصل كيم لروسيا؟",
    "إمتى وصل كيم جونغ أون لروسيا؟",
    "متى وصل الزعيم الكوري لروسيا؟",
])
async def test_a_word_glued_to_li_weighs_as_the_bare_word(engine, question: str) -> None:
    answer = await engine.answer(question, k=3)
    assert answer.hits and holds_key(answer.hits[0].text, KIM_ARRIVED), question


class _Index:
    """idf by term id, as the engine's index gives it."""

    def __init__(self, idf: dict[int, float]) -> None:
        self._idf = idf

    def idf(self, term: int) -> float:
        return self._idf[term]


def test_only_a_glued_word_spelled_bare_by_the_coverage_takes_the_bare_weight() -> None:
    vocab = {"حلب": 1, "لحلب": 2, "قاء": 3, "لقاء": 4, "يان": 5}
    index = _Index({1: 0.5, 2: 3.0, 3: 0.2, 4: 1.5, 5: 0.1})
    idf = {"لحلب": 3.0, "لقاء": 1.5, "بيان": 2.5, "زار": 2.0}
    aliases = {"لحلب": {"لحلب", "حلب"}, "لقاء": {"لقاء"}, "بيان": {"بيان"}}
    weighed = bare_weights(idf, aliases, vocab, index)
    assert weighed["لحلب"] == pytest.approx(0.5)  # «لحلب» is Aleppo, written «حلب»
    # a word that starts with the letter keeps its weight: «لقاء» is no «ل + قاء»
    assert weighed["لقاء"] == pytest.approx(1.5)
    assert weighed["بيان"] == pytest.approx(2.5)
    assert weighed["زار"] == pytest.approx(2.0)
