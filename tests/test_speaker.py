"""«ماذا قال X؟» leads with what X said, not with someone else's words that name X
(issue 12: «ماذا قال كيم؟» was answered with «قال بوتين إن روسيا فخورة…»; the speaker
cue in retrieval/rerank.py, read by retrieval/answer_types.speaks)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from retrieval.analysis import analyze_token, normalize
from retrieval.answer_types import speaker, speaks
from retrieval.engine import Marsad
from retrieval.model import Article

# Two people quoted on one budget, each also named beside the other's words.
MINISTER = ("وقال وزير المالية سامي الخوري إن الميزانية الجديدة تضمن خفض العجز إلى النصف "
            "خلال العام المقبل.")
MINISTER_AGAIN = "وأكد الخوري أن الحكومة ستنشر تفاصيل الإنفاق على المدارس الأسبوع المقبل."
LEADER = ("ورد زعيم المعارضة نبيل حداد بأن الميزانية تثقل كاهل الأسر الفقيرة بضرائب "
          "جديدة.")
LEADER_AGAIN = "وأضاف حداد: لن نصوت على ميزانية تكتب في مكاتب مغلقة."
# each names the other twice: more of his name than his own words hold
ABOUT_MINISTER = "وقال حداد إن الخوري لم يستشر أحدا، وإن الخوري وحده مسؤول عن العجز."
ABOUT_LEADER = "وقال الخوري إن حداد يرفض الحوار، وإن حداد يعارض كل إصلاح."
BUDGET = Article("budget-1", "الخوري وحداد يختلفان على الميزانية", "صحيفة الميزان",
                 dt.date(2024, 5, 2),
                 ("عرضت الحكومة مشروع الميزانية الجديدة على البرلمان أمس.", ABOUT_MINISTER,
                  ABOUT_LEADER, MINISTER, LEADER, MINISTER_AGAIN, LEADER_AGAIN))
SAID_BY = {"الخوري": {MINISTER, MINISTER_AGAIN, ABOUT_LEADER},
           "حداد": {LEADER, LEADER_AGAIN, ABOUT_MINISTER}}


@pytest.mark.parametrize("question, who", [
    ("ماذا قال الخوري؟", "الخوري"),
    ("ماذا قال حداد؟", "حداد"),
    ("ماذا أكد الخوري؟", "الخوري"),
    ("شو قال حداد؟", "حداد"),
    ("ماذا صرح حداد؟", "حداد"),
    ("ايش قال الخوري", "الخوري"),
])
async def test_the_person_asked_about_is_the_speaker_of_the_first_hit(
        tmp_path: Path, question: str, who: str) -> None:
    async with await Marsad.open(tmp_path / "budget.db") as engine:
        await engine.ingest([BUDGET])
        answer = await engine.answer(question, k=3)
    assert answer.hits, question
    assert answer.hits[0].text in SAID_BY[who], answer.hits[0].text


async def test_what_x_said_about_a_topic_is_x_on_that_topic(tmp_path: Path) -> None:
    # both of the minister's passages have him speak; the one on the schools answers
    async with await Marsad.open(tmp_path / "budget.db") as engine:
        await engine.ingest([BUDGET])
        answer = await engine.answer("ماذا قال الخوري عن المدارس؟", k=3)
    assert answer.hits and answer.hits[0].text == MINISTER_AGAIN


def stems(*words: str) -> tuple[str, ...]:
    return tuple(t for w in words if (t := analyze_token(normalize(w))))


@pytest.mark.parametrize("question, who", [
    ("ماذا قال كيم؟", ("كيم",)),
    ("شو قال الوزير عن الميزانية؟", ("الوزير",)),
    ("ماذا أكدت الوزارة؟", ("الوزارة",)),
    ("ماذا قال كيم جونغ أون لبوتين؟", ("كيم", "جونغ", "أون")),
    ("أين عقد الاجتماع؟", ()),
    ("كم طالت المحادثات؟", ()),
])
def test_the_speaker_asked_about_is_read_from_the_question(question, who) -> None:
    assert speaker(question) == stems(*who)


@pytest.mark.parametrize("text", [
    "وقال سامي: سنفعل ذلك.",  # the verb with its conjunction
    "فقال سامي إن الأمر انتهى.",
    "وأضاف سامي أن العمل مستمر.",
    "وأوضح وزير المالية سامي أن العجز تراجع.",  # a title between the verb and the name
    "سامي: لن نتراجع عن القرار.",  # the name, then a colon
    "لكن سامي قال إنها كانت بناءة.",  # the name before the verb
    "وصرح المتحدث باسم الوزارة سامي للصحفيين بأن الموعد ثابت.",
])
def test_a_name_after_a_verb_of_saying_or_before_a_colon_is_the_speaker(text) -> None:
    assert speaks(text, stems("سامي"), {})


@pytest.mark.parametrize("text", [
    "وقال نبيل إن سامي لم يحضر الاجتماع.",  # named in another's words
    "وقال نبيل وهو يصافح سامي إن اللقاء مفيد.",  # after a function word
    "وجاء في البيان أن سامي قبل الدعوة.",  # after a noun, not a verb of saying
    "وقال نبيل، بعد لقائه سامي، إن الأمور جيدة.",
    "سيحضر سامي \"عرضا\" عسكريا الأسبوع المقبل.",  # a quotation after the name
    "التقى سامي بالوزير أمس.",
])
def test_a_name_spoken_of_is_not_the_speaker(text) -> None:
    assert not speaks(text, stems("سامي"), {})
