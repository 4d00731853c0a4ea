"""Near misses and false declines over other coverage than the seeds (issue 12, round 16;
found on tests/data/pages5 and tests/data/newsroom14): a country asked as the place of
what happens that the best passage, telling of another country, never names
(`place_missing`), and «من ضيف شرف …؟» read as «who hosted …» of the guest himself
(cooccurrence.object_acts). Every article here is invented for its kind.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import pytest
from test_cli import ask_json
from test_compare_topic import newsroom  # noqa: F401  (the fixture, used by name)
from test_decide import signal

from retrieval import cooccurrence
from retrieval.articles import Article
from retrieval.engine import Marsad

# four invented stories, each in one country; the questions ask of them in another
ARTICLES = [
    ("الذهب يرتفع في الأسواق", "ارتفعت أسعار الذهب في أسواق الإمارات صباح اليوم، إذ سجل سعر "
     "غرام عيار 24 نحو 298 درهما، مقارنة بـ 295 درهما عند إغلاق أمس."),
    ("حرائق الغابات", "أعلنت الحماية المدنية في الجزائر تعبئة ثمانية آلاف عنصر و529 شاحنة "
     "إطفاء لمكافحة حرائق الغابات التي أودت بحياة 34 شخصا في ولايات الشرق."),
    ("الأرز يغلو", "قفز سعر كيلوغرام الأرز في أسواق الأردن إلى دينار ونصف الدينار، بعد "
     "ارتفاع كلفة الشحن وتراجع المخزون لدى التجار، بحسب نقابة تجار المواد الغذائية."),
    ("معرض الكتاب", "افتتح معرض القاهرة الدولي للكتاب دورته الجديدة بمشاركة ألف ناشر، وتحل "
     "النرويج ضيف شرف الدورة الحالية، فيما اختير الأديب الراحل سليم حسن شخصية المعرض."),
    ("مهرجان المسرح", "انطلق مهرجان قرطاج المسرحي بعروض من عشرين بلدا بينها مصر وتونس، "
     "ويحل المغرب ضيف شرف المهرجان هذا العام، على أن تختتم العروض في التاسع من ديسمبر."),
]


def stories_db(path: Path, stories: list[tuple[str, str]]) -> Path:
    """A database at `path` holding `stories` ((title, text) pairs), one outlet each."""
    async def build() -> Path:
        articles = [Article(f"e{i}", title, f"صحيفة {i}", dt.date(2024, 7, i + 1), (text,))
                    for i, (title, text) in enumerate(stories)]
        async with await Marsad.open(path) as engine:
            await engine.ingest(articles)
        return path
    return asyncio.run(build())


@pytest.fixture(scope="module")
def elsewhere(tmp_path_factory) -> Path:
    return stories_db(tmp_path_factory.mktemp("elsewhere") / "e.db", ARTICLES)


def ask(db: Path, question: str):
    async def run():
        async with await Marsad.open(db) as engine:
            return await engine.answer(question, k=3)
    return asyncio.run(run())


# ------------------------------------------------------- a country asked as the place

@pytest.mark.parametrize("question, place", [
    ("كم شاحنة إطفاء عبأت الحماية المدنية في المغرب؟",
     "كم شاحنة إطفاء عبأت الحماية المدنية في الجزائر؟"),
    ("كم شخصا قتلت حرائق الغابات في تونس؟", "كم شخصا قتلت حرائق الغابات في الجزائر؟"),
    ("كم سعر كيلو الأرز بمصر؟", "كم سعر كيلو الأرز بالأردن؟"),
])
def test_a_country_asked_that_the_passage_of_another_never_names_is_declined(
        elsewhere, question, place) -> None:
    """The coverage tells the market, the fires, the price in one country; asked of another
    country it knows (each is named somewhere in it), Marsad says it does not answer
    directly and still shows the passage; asked of the right country, it answers."""
    other, right = ask(elsewhere, question), ask(elsewhere, place)
    assert signal(other, "place_missing") == 1.0
    assert not other.answered and other.related and other.hits
    assert signal(right, "place_missing") == 0.0
    assert right.answered


def test_a_strong_passage_of_another_country_loses_confidence(elsewhere) -> None:
    """«ما سعر الذهب في مصر؟» over the Emirates' gold market: every other word is held
    and the figure is there, so the refit's weight (-0.10, standardized) lowers it without
    declining it (left undone: a price asked of a place the passage is not in)."""
    other, right = ask(elsewhere, "ما سعر الذهب في مصر؟"), ask(elsewhere,
                                                              "ما سعر الذهب في الإمارات؟")
    assert signal(other, "place_missing") == 1.0 and signal(right, "place_missing") == 0.0
    assert other.confidence < right.confidence - 0.2


def test_over_newsroom14_a_disaster_asked_in_another_country_is_declined(
        newsroom) -> None:  # noqa: F811
    """`marsad ask --json` over a researcher's coverage (tests/data/newsroom14): Morocco's
    earthquake and Libya's floods; asked in Turkey or Algeria (named there as senders of
    aid), Marsad declines and still shows the closest passages."""
    asked = ["كم عدد قتلى الزلزال في تركيا؟", "كم عدد ضحايا الفيضانات في الجزائر؟",
             "كم عدد قتلى الزلزال في المغرب؟", "كم عدد ضحايا الفيضانات في ليبيا؟"]
    turkey, algeria, morocco, libya = ask_json(newsroom, *asked)
    for other in (turkey, algeria):
        assert not other["answered"] and other["hits"], other["question"]
    assert morocco["answered"] and libya["answered"]


@pytest.mark.parametrize("question", [
    "لماذا يرتفع سعر الذهب؟",  # no country asked
    "هل ساعدت مصر الجزائر في إطفاء الحرائق؟",  # countries as actors, not a place asked
])
def test_no_place_asked_is_no_place_missing(elsewhere, question) -> None:
    assert signal(ask(elsewhere, question), "place_missing") == 0.0


# ------------------------------------------------------ the guest of honour is no object

@pytest.mark.parametrize("question, text", [
    ("من ضيف شرف معرض القاهرة للكتاب؟", "وتحل النرويج ضيف شرف الدورة الحالية"),
    ("من ضيف شرف مهرجان قرطاج؟", "ويحل المغرب ضيف شرف المهرجان هذا العام"),
    ("من ضيف شرف المعرض؟", "وتحل تونس ضيف شرف المعرض"),
])
def test_a_name_before_the_word_asked_is_its_subject_not_its_object(question, text) -> None:
    assert not cooccurrence.object_acts(question, text)


@pytest.mark.parametrize("question", ["من ضيف شرف معرض القاهرة للكتاب؟",
                                      "من ضيف شرف مهرجان قرطاج المسرحي؟"])
def test_the_guest_of_honour_asked_is_answered(elsewhere, question) -> None:
    answer = ask(elsewhere, question)
    assert signal(answer, "object_acts") == 0.0
    assert answer.answered and "ضيف شرف" in answer.hits[0].text

