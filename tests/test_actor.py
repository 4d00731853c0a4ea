"""«متى زار X …؟» leads with X's visit, not another's visit that shares the question's
rarer words (issue 12: «متى زار بوتين كوريا الشمالية لأول مرة؟» was answered with Kim's
«ويزور … روسيا للمرة الأولى», then Shoigu's «زار … بيونغيانغ»; the actor cue in
retrieval/rerank.py, read by retrieval/roles.acts)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from retrieval import rerank
from retrieval.engine import Marsad
from retrieval.model import Article
from retrieval.roles import acts, frame

# Two ministers travel; each passage holds words of the other's question.
OTHER_FIRST = ("ويزور وزير الدفاع خالد العمري العاصمة عمان للمرة الأولى منذ عام 2015، "
               "ووصل إليها على متن طائرة عسكرية.")
NAJJAR_FIRST = ("وكان وزير الخارجية سامر النجار أول وزير يزور عمان في العام 2009، عندما "
                "وقع اتفاق التعاون الأول.")
OTHER_VISIT = "كذلك، زار رئيس الأركان عمان في يوليو لحضور عرض عسكري."
NAJJAR_TRIP = ("وتوجه النجار بعد ذلك إلى دمشق في رحلة قصيرة، والتقى هناك نظيره السوري "
               "لمدة ساعتين.")
OTHER_TRIP = "وسافر العمري بالقطار إلى حلب حيث تفقد مصنعا للذخيرة."
VISITS = Article("visits-1", "النجار والعمري في جولة إقليمية", "صحيفة الجسر",
                 dt.date(2024, 3, 9),
                 ("أعلنت الحكومة برنامج جولة إقليمية لوزيري الخارجية والدفاع.", OTHER_FIRST,
                  NAJJAR_FIRST, OTHER_VISIT, NAJJAR_TRIP, OTHER_TRIP))


@pytest.mark.parametrize("question, expected", [
    ("متى زار النجار عمان لأول مرة؟", NAJJAR_FIRST),
    ("متى زار النجار العاصمة عمان أول مرة؟", NAJJAR_FIRST),
    ("متى زار العمري عمان لأول مرة؟", OTHER_FIRST),
    ("في أي عام زار النجار عمان لأول مرة؟", NAJJAR_FIRST),  # which-noun asks as متى
    ("بأي سنة زار العمري عمان لأول مرة؟", OTHER_FIRST),
    ("ما المدينة التي زارها النجار لأول مرة؟", NAJJAR_FIRST),  # what-noun-that too
    ("ما هي المدينة التي زارها العمري للمرة الأولى؟", OTHER_FIRST),
    ("متى سافر النجار إلى دمشق؟", NAJJAR_TRIP),
    ("كيف سافر العمري إلى حلب؟", OTHER_TRIP),
])
async def test_the_passage_where_the_asked_actor_acts_comes_first(
        tmp_path: Path, question: str, expected: str) -> None:
    async with await Marsad.open(tmp_path / "visits.db") as engine:
        await engine.ingest([VISITS])
        answer = await engine.answer(question, k=3)
    assert answer.hits and answer.hits[0].text == expected, answer.hits[0].text


async def test_without_the_actor_cue_the_rarer_words_win(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the cue is what puts Najjar's own visit first: off, the other minister's «للمرة
    # الأولى» outweighs it (the test above measures the cue, not the corpus)
    monkeypatch.setattr(rerank, "WEIGHTS", replace(rerank.WEIGHTS, acting=0.0))
    async with await Marsad.open(tmp_path / "visits.db") as engine:
        await engine.ingest([VISITS])
        answer = await engine.answer("متى زار النجار عمان لأول مرة؟", k=3)
    assert answer.hits and answer.hits[0].text == OTHER_FIRST


@pytest.mark.parametrize("question, text, done", [
    # the action in another form of its word (زار / يزور / زيارته), the actor beside it
    ("متى زار النجار عمان؟", "وكان النجار أول وزير يزور عمان.", True),
    ("متى زار النجار عمان؟", "وقال مكتبه إن زيارة النجار إلى عمان تمت في مارس.", True),
    ("متى زار النجار عمان؟", "وجرت زيارته الأولى في 2009 حين كان النجار وزيرا.", True),
    # VSO, the actor a few words after the verb
    ("متى وصل النجار إلى عمان؟", "ووصل وزير الخارجية سامر النجار إلى عمان أمس.", True),
    # a clause opening with the action keeps the sentence's actor
    ("كيف وصل العمري إلى حلب؟", "ويزور العمري سوريا للمرة الأولى، ووصل إلى حلب بالقطار.",
     True),
    # another's visit, and the actor only named elsewhere in another clause
    ("متى زار النجار عمان؟", "ويزور العمري عمان للمرة الأولى منذ 2015.", False),
    ("متى زار النجار عمان؟", "أعلن النجار برنامج عمله، بعد الزيارة التي قام بها العمري.",
     False),
    ("متى زار النجار عمان؟", "النجار وزير الخارجية منذ 2019. وزار العمري عمان أمس.", False),
])
def test_a_passage_acts_when_its_clause_holds_the_action_and_the_actor(
        question: str, text: str, done: bool) -> None:
    asked = frame(question)
    assert asked is not None and acts(asked, text, {}) is done
