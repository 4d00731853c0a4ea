"""Issue 12: a where- or how-question, in MSA or dialect, leads with the passage that names
a place or a means, not with another that holds the same names. Invented articles (a trade
minister «حداد»), none from the seeds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from retrieval.dialects import to_msa
from retrieval.engine import Marsad
from retrieval.model import Article
from retrieval.place_means import MEANS, PLACE, asked_shape, holds_shape

DAY = dt.date(2024, 5, 2)
# Each pair holds the question's words alike; only one names the place or the means, and it
# is the longer one (a shorter passage is otherwise preferred).
TRADE = [
    Article("talks", "جولة وزير التجارة", "وكالة الأنباء", DAY, (
        "والتقى وزير التجارة سامي حداد وفد التجار الأربعاء لبحث الأسعار.",
        "والتقى وزير التجارة سامي حداد وفد التجار في قاعة المؤتمرات الكبرى بمدينة حلب.",
        "وسافر حداد بعد انتهاء اللقاء مع وفد من مساعديه.",
        "وسافر حداد بعد انتهاء اللقاء إلى طرطوس لتفقد الميناء ومخازن الحبوب.",
    )),
    Article("arrival", "الوزير يصل", "صحيفة الشمال", DAY, (
        "ووصل حداد إلى حلب مساء الأحد.",
        "ووصل حداد إلى حلب مساء الأحد على متن قطار خاص من العاصمة.",
        "وعاد المبعوث النرويجي إلى بلاده بعد ثلاثة أيام.",
        "وعاد المبعوث النرويجي إلى بلاده بعد ثلاثة أيام عبر طائرة عسكرية.",
    )),
]


@pytest.mark.parametrize("question, key", [
    ("أين التقى حداد وفد التجار؟", "قاعة المؤتمرات"),  # a noun of places
    ("وين التقى حداد وفد التجار؟", "قاعة المؤتمرات"),  # Levantine/Gulf وين
    ("فين اتقابل حداد مع وفد التجار؟", "قاعة المؤتمرات"),  # Egyptian
    ("إلى أين سافر حداد بعد انتهاء اللقاء؟", "إلى طرطوس"),  # a name after إلى
    ("لوين سافر حداد بعد اللقاء؟", "إلى طرطوس"),
    ("كيف وصل حداد إلى حلب؟", "على متن قطار"),  # a means
    ("إزاي وصل حداد لحلب؟", "على متن قطار"),
    ("كيفاش وصل حداد لحلب؟", "على متن قطار"),
    ("بأي وسيلة عاد المبعوث النرويجي إلى بلاده؟", "عبر طائرة"),
    ("حداد وصل حلب بإيه؟", "على متن قطار"),  # by what: Egyptian بإيه with a verb of going
    ("المبعوث النرويجي رجع لبلاده بشو؟", "عبر طائرة"),  # Levantine بشو
    ("شلون رجع المبعوث النرويجي لبلاده؟", "عبر طائرة"),
])
async def test_where_and_how_questions_lead_with_the_place_or_the_means(
        tmp_path: Path, question: str, key: str) -> None:
    async with await Marsad.open(tmp_path / "trade.db") as engine:
        await engine.ingest(TRADE)
        answer = await engine.answer(question)
    assert answer.hits and key in answer.hits[0].text, [h.text for h in answer.hits]


@pytest.mark.parametrize("question, shape", [
    ("أين عقد الاجتماع؟", PLACE), ("الوزير وين راح؟", PLACE), ("من أين جاء الوفد؟", PLACE),
    ("كيف وصل الوفد؟", MEANS), ("بأي طريقة سافر الوزير؟", MEANS), ("إزاي جه الوفد؟", MEANS),
    ("متى وصل الوفد؟", None), ("من التقى الوزير؟", None), ("ماذا قال الوزير عن أين؟", None),
    ("كيف وصف الوزير الزيارة؟", None), ("كيف رأى الوزير الخطة؟", None),  # an opinion
    ("الوفد جه بإيه؟", MEANS), ("بشنو سافر الوزير؟", MEANS),  # by what, with a verb of going
    ("الوزير وعد بإيه؟", None),  # by what, with another verb: what he promised
    ("كيفاش شاف الوزير الخطة؟", None),  # how he saw it: an opinion (Maghrebi)
])
def test_the_shape_asked_is_read_from_the_question_words(question: str, shape: str) -> None:
    assert asked_shape(to_msa(question)) == shape


def test_a_place_the_question_names_is_not_the_answer() -> None:
    weights = {"سافر": 1.0, "حلب": 1.0}
    aliases: dict[str, frozenset[str]] = {}
    assert not holds_shape("وسافر الوزير إلى حلب.", PLACE, weights, aliases)
    assert holds_shape("وسافر الوزير من حلب إلى طرطوس.", PLACE, weights, aliases)
    assert not holds_shape("وسافر الوزير في الصباح.", PLACE, weights, aliases)  # no name


# Issue 12 (round 12): «كيف صوّر الإعلام الموالي للكرملين زيارة الزعيم الكوري؟» led with
# «… ووصل إلى روسيا عبر قطار مدرّع», a means, over the channels calling the visit a
# diplomatic success: how someone portrayed, covered or regarded a thing asks what was
# said of it, not by what means.
@pytest.mark.parametrize("question", [
    "كيف صوّرت الصحف زيارة الوزير؟", "كيف صور الإعلام القمة؟", "كيف يصور التلفزيون الاتفاق؟",
    "كيف تناولت الصحف الزيارة؟", "كيف غطت القنوات اللقاء؟", "كيف نظرت واشنطن إلى القمة؟",
    "كيف ينظر الغرب إلى الاتفاق؟", "كيف تعامل الوزير مع الأزمة؟",
    "إزاي صورت القنوات الزيارة؟",  # Egyptian how
])
def test_how_someone_portrayed_a_thing_asks_no_means(question: str) -> None:
    assert asked_shape(to_msa(question)) is None


@pytest.mark.parametrize("question", [
    "كيف صوّر الإعلام الموالي للكرملين زيارة الزعيم الكوري؟",  # the example
    "كيف صورت القنوات الروسية زيارة كيم؟",
    "كيف تناول الإعلام الروسي زيارة الزعيم الكوري؟",
    "إزاي صورت القنوات الروسية زيارة كيم؟",
    "كيف صوّرت وسائل الإعلام الروسية زيارة كيم لروسيا؟",
])
async def test_how_the_press_portrayed_the_visit_leads_with_what_it_said(
        engine: Marsad, question: str) -> None:
    answer = await engine.answer(question)
    assert answer.hits and "نجاح دبلوماسي" in answer.hits[0].text, \
        [h.text[:80] for h in answer.hits]
