"""The right passage first on questions written the way readers write them (issue 12,
thirteenth round), each kind with invented siblings over an invented corpus (never the dev
sets' strings):

- the speaker cue's "rest of the question" is what the passage itself says: an article
  whose title holds every word asked («كيم يعلن دعم روسيا في الحرب») made each of its
  passages where the speaker talks of anything hold all of it («وأضاف كيم: العلاقة مع روسيا
  ستشهد تعاونا …») over the one giving his words on what was asked;
- a question framing no act of its own is asked at the time of the act in its clause of
  time («من كان يحكم كوريا الشمالية حين زارها بوتين للمرة الأولى؟»): the passage telling
  of that act, not another's act with the same words («ويزور كيم روسيا للمرة الأولى»);
- «… بحسب المحللين؟» asks for the analysts' words, as «ماذا قال المحللون؟» does;
- أبلغ / أخبر report who speaks («من جانبه أبلغ زعيم كوريا الشمالية الرئيس الروسي بأن …»),
  and a preposition's object right before a verb of saying is not its speaker: «من جانبه
  أبلغ …» made «جانب» (a Latin-typed name's fuzzy spelling) a speaker.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from retrieval.analysis import analyze_token
from retrieval.answer_types import speaks
from retrieval.engine import Marsad
from retrieval.model import Article
from retrieval.rerank import according_to
from retrieval.roles import acting_degree, frame, time_clause


async def _top(tmp_path: Path, articles: list[Article], question: str) -> str:
    async with await Marsad.open(tmp_path / "rank13.db") as engine:
        await engine.ingest(articles)
        answer = await engine.answer(question, k=3)
    assert answer.hits, question
    return answer.hits[0].text


# -- the speaker's words on what was asked, in the passage's own text ----------------------

ON_ANYTHING = "وأضاف مارتين: العلاقة مع حلب ستشهد تعاونا في مجال التعليم والجامعات."
ON_THE_DROUGHT = ("وقال مارتين إن حكومته تقدم دعمها الكامل لحلب في قتالها ضد الجفاف الذي "
                  "ضرب المحاصيل.")
SPEAKER_ARTICLES = [
    Article("speaker-1", "مارتين يعلن دعم حلب في الحرب على الجفاف", "صحيفة الجسر",
            dt.date(2024, 5, 2),
            (ON_ANYTHING, "وزار مارتين السوق القديمة برفقة المحافظ.")),
    Article("speaker-2", "زيارة رسمية إلى الشمال", "وكالة النهر", dt.date(2024, 5, 3),
            ("ووصل وزير الزراعة الفرنسي مارتين إلى المدينة صباح الثلاثاء.",
             ON_THE_DROUGHT)),
]


@pytest.mark.parametrize("question", [
    "ماذا قال مارتين عن دعم حلب في حربها على الجفاف؟",
    "شو قال مارتين عن دعم حلب بحربها على الجفاف؟",
    "مارتين قال إيه عن دعم حلب في الحرب على الجفاف؟",
])
async def test_the_speakers_words_on_what_was_asked_beat_his_words_under_a_title_that_asks_it(
        tmp_path: Path, question: str) -> None:
    assert await _top(tmp_path, SPEAKER_ARTICLES, question) == ON_THE_DROUGHT


async def test_the_asked_words_found_only_in_the_title_lift_no_speaker(tmp_path: Path) -> None:
    # the sibling with the title's words nowhere else: the speaker's own passage stays
    # first when nothing answers better (no passage is lost)
    top = await _top(tmp_path, SPEAKER_ARTICLES[:1], "ماذا قال مارتين عن الجفاف؟")
    assert top == ON_ANYTHING


# -- the act of a clause of time ------------------------------------------------------------

HIS_FIRST_VISIT = ("وكان مارتين أول وزير فرنسي يزور حلب في العام 2009، عندما كان يرأسها "
                   "المحافظ سامي الحلبي.")
THE_OTHERS_FIRST = ("ويزور محافظ حلب سامي الحلبي باريس للمرة الأولى منذ عام 2015، ووصل إليها "
                    "بالقطار.")
VISITS = [Article("visits-13", "زيارات بين حلب وباريس", "صحيفة الجسر", dt.date(2024, 5, 2),
                  (THE_OTHERS_FIRST, HIS_FIRST_VISIT,
                   "وتحدث الوفدان عن التبادل التجاري بين المدينتين."))]


@pytest.mark.parametrize("question", [
    "من كان يحكم حلب حين زارها مارتين للمرة الأولى؟",
    "من كان يدير حلب عندما زارها مارتين لأول مرة؟",
    "مين كان محافظ حلب لما زارها مارتين أول مرة؟",
])
async def test_the_clause_of_time_names_the_act_asked_about(tmp_path: Path,
                                                            question: str) -> None:
    assert await _top(tmp_path, VISITS, question) == HIS_FIRST_VISIT


@pytest.mark.parametrize("question, clause", [
    ("من كان يحكم حلب حين زارها مارتين للمرة الأولى؟", "متى زارها مارتين للمره الاولي"),
    ("ماذا قال المحافظ عندما وصل مارتين؟", "متى وصل مارتين"),
    ("من كان يحكم حلب في عام 2009؟", None),  # no clause of time
    ("ماذا حدث حين بدأت الأمطار؟", None),  # a clause naming no act between people
    ("حين", None),
])
def test_time_clause(question: str, clause: str | None) -> None:
    assert time_clause(question) == clause


# -- «بحسب X» asks for X's words ------------------------------------------------------------

THE_ANALYSTS = ("وقال محللون إن سامي جاء إلى باريس بحثا عن قروض ميسرة لإعادة بناء شبكة "
                "الري.")
HIS_OFFICE = "وأعلن مكتب سامي أنه يريد من باريس دعما سياسيا في المحافل الدولية."
ACCORDING = [Article("according-1", "المحافظ سامي في باريس", "وكالة النهر",
                     dt.date(2024, 6, 1), (HIS_OFFICE, THE_ANALYSTS))]


@pytest.mark.parametrize("question", [
    "ماذا يريد سامي من باريس بحسب المحللين؟",
    "شو بدو سامي من باريس حسب المحللين؟",
    "ما الذي يريده سامي من باريس وفق المحللين؟",
])
async def test_according_to_x_asks_for_xs_words(tmp_path: Path, question: str) -> None:
    assert await _top(tmp_path, ACCORDING, question) == THE_ANALYSTS


@pytest.mark.parametrize("question, who", [
    ("ماذا يريد سامي من باريس بحسب المحللين؟", ("المحللين",)),
    ("كم سنة مضت على التأسيس حسب كلام المحافظ؟", ("المحافظ",)),  # «كلام» is no one
    ("ما الذي يريده سامي وفق مارتين، وماذا قال المحافظ؟", ("مارتين",)),  # to the comma
    ("ماذا يريد سامي من باريس؟", ()),
])
def test_according_to(question: str, who: tuple[str, ...]) -> None:
    assert according_to(question) == tuple(analyze_token(w) for w in who)


# -- أبلغ / أخبر report who speaks ---------------------------------------------------------

@pytest.mark.parametrize("text, said", [
    ("من جانبه أبلغ مارتين المحافظ بأن بلاده ستمول المشروع.", True),
    ("وأخبر مارتين الصحافيين أن الزيارة كانت مثمرة.", True),
    ("ونقل الصحافيون ما قاله المحافظ عن زيارة مارتين.", False),  # spoken of, not speaking
    # a preposition's object before the verb is not its speaker («من جانبه أبلغ …»)
    ("وعن مارتين قال المحافظ إنه ضيف عزيز.", False),
    ("ومع مارتين أبلغ المحافظ الوفد بالقرار.", False),
    ("مارتين قال إن الزيارة كانت مثمرة.", True),
])
def test_verbs_of_informing_report_who_speaks(text: str, said: bool) -> None:
    assert speaks(text, (analyze_token("مارتين"),), {}) is said


# -- a clause carries its sentence's actor only when joined by و/ف ------------------------

@pytest.mark.parametrize("text, degree", [
    # a phrase set in front, then the main clause with its own subject
    ("وفي علامة على تحسن العلاقات بين حلب وباريس، عرضت لندن على حلب قرضا ميسرا.", 0.0),
    ("وبعد لقاء جمع باريس والمحافظ، عرضت الوكالة قرضا على المدينة.", 0.0),
    # joined: the earlier subject carries on
    ("وصل وفد باريس إلى حلب صباحا، وعرض على المحافظ قرضا ميسرا.", 1.0),
    ("وصلت باريس إلى اتفاق مع حلب، فعرضت عليها قرضا ميسرا.", 1.0),
    ("وعرضت باريس على حلب قرضا ميسرا.", 1.0),  # the actor beside the act
])
def test_a_clause_carries_the_actor_only_when_joined(text: str, degree: float) -> None:
    asked = frame("ماذا عرضت باريس على حلب؟")
    assert asked is not None
    assert acting_degree(asked, text, {}) == degree


# -- over the seeds, as a reader asks -------------------------------------------------------

@pytest.mark.parametrize("question, key", [
    # Kim's words on the support, not his other words under 003's title «كيم يعلن دعم روسيا»
    ("شو قال كيم عن دعم روسيا؟", "دعمها الكامل غير المشروط"),
    ("ماذا قال كيم عن دعم بلاده لروسيا في حربها؟", "دعمها الكامل غير المشروط"),
    # the analysts' account (004), not Russia wanting ammunition
    ("ماذا كان كيم يريد من روسيا بحسب المحللين؟", "مساعدات غذائية مقابل الذخيرة"),
    ("من كان يرأس كوريا الشمالية عندما زارها بوتين أول مرة؟", "عندما كان يرأسها كيم جونغ إيل"),
])
async def test_seed_questions_lead_with_the_passage_that_answers(seeded: Marsad, question: str,
                                                                 key: str) -> None:
    answer = await seeded.answer(question, k=3)
    assert answer.hits and key in answer.hits[0].text, [h.text[:60] for h in answer.hits]
