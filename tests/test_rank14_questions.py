"""Three analysis faults of the last pass (issue 12, fourteenth round), each kind with
invented siblings over an invented corpus (never the dev sets' strings):

- «قبل» the verb (accepted: «وقبل لافروف العرض»، «قبلت الحكومة الوساطة») was dropped as
  the stop word «before», so «هل وافق X على …؟» never met the passage saying X accepted;
  «قبل» the preposition («قبل الزيارة»، «قبل يومين»، «قبل أن»، «من قبل الاتحاد») stays a
  stop word;
- «إلى جانب روسيا» (alongside) read «جانب» as a person noun (a party, a side) and gave
  the question the names of Russia's leader: every passage naming him seemed to hold it;
- «بحسب صحيفة X، ماذا قال Y …» reached the ranking without «قال», as if the outlet's
  verb had been dropped with its name.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from retrieval.aliases import AliasTable, count_pairs
from retrieval.analysis import ACCEPTED, analyze, analyze_question, normalize, tokenize
from retrieval.engine import Marsad
from retrieval.model import Article
from retrieval.outlet_scope import find_scope


async def _answer(tmp_path: Path, articles: list[Article], question: str):
    async with await Marsad.open(tmp_path / "rank14.db") as engine:
        await engine.ingest(articles)
        return await engine.answer(question, k=3)


# -- «قبل» the verb ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "وقبل لافروف العرض الصيني",
    "قبل أردوغان الدعوة بسرور",
    "وقبلت الحكومة الوساطة القطرية",
    "فقبل الرئيس الاقتراح",
    "قبلوا الشروط كلها",
    "الوزير قبل الاستقالة",
])
def test_qabl_before_a_name_or_what_is_accepted_is_the_verb(text: str) -> None:
    assert ACCEPTED in analyze(text)
    assert ACCEPTED in analyze_question(f"هل {text}؟")


@pytest.mark.parametrize("text", [
    "وصل الوفد قبل الزيارة",
    "غادر قبل يومين",
    "قبل أن يغادر الوفد",
    "تم تعيينه من قبل الاتحاد الدولي",
    "وقبل انطلاق القمة، تحدث الوزير",
    "قبل وصوله إلى المطار",
    "قبل ثلاث سنوات",
    "قبل الحرب كانت المدينة هادئة",
    "قبل اجتماع الحكومة",
    "قبل بناء السد",
    "عاش قبل آدم، ومن بعده",
])
def test_qabl_the_preposition_stays_a_stop_word(text: str) -> None:
    assert ACCEPTED not in analyze(text)


ACCEPTED_PASSAGE = ("وقبل لافروف «بارتياح» دعوة نظيره الصيني لزيارة بكين في الربيع، "
                    "بحسب الخارجية الروسية.")
OTHER_LAVROV = "وكان لافروف قد التقى نظيره الصيني قبل الزيارة في نيويورك على هامش الجمعية."
BEFORE_ONLY = "وقبل أن يصل لافروف إلى بكين، زار الوفد الروسي مدينة شنغهاي."
INVITED = [
    Article("lavrov-1", "لافروف يتلقى دعوة لزيارة الصين", "صحيفة الجسر", dt.date(2024, 3, 2),
            (OTHER_LAVROV, ACCEPTED_PASSAGE)),
    Article("lavrov-2", "جولة آسيوية للدبلوماسية الروسية", "وكالة النهر", dt.date(2024, 3, 4),
            (BEFORE_ONLY, "وتشمل الجولة محطات في فيتنام ولاوس.")),
]


@pytest.mark.parametrize("question", [
    "هل وافق لافروف على زيارة بكين؟",
    "هل وافق وزير الخارجية الروسي لافروف على السفر إلى بكين؟",
    "هل رضي لافروف بزيارة بكين؟",
    "هل قبل لافروف دعوة نظيره الصيني؟",
])
async def test_agreeing_meets_the_passage_where_he_accepted(tmp_path: Path,
                                                            question: str) -> None:
    answer = await _answer(tmp_path, INVITED, question)
    assert answer.hits and answer.hits[0].text == ACCEPTED_PASSAGE, question


@pytest.mark.parametrize("question", [
    "هل قبل ماكرون دعوة كيم؟",
    "هل قبلت ميركل دعوة كيم؟",
    # every other word held (p above the threshold since decide16's refit): a name the
    # coverage never writes, doing what it tells of another, declines (fix16:
    # decide.unknown_actor with actor_otherwise)
    "هل قبلت ميركل دعوة الزعيم الكوري الشمالي؟",
    "هل قبل ماكرون دعوة الزعيم الكوري الشمالي؟",
])
async def test_someone_else_accepting_is_declined(engine: Marsad, question: str) -> None:
    # «قبل» now a word of the question (the seeds say «قبل بوتين … دعوة كيم»): the one
    # said to accept is still the one asked (roles.frame reads the verb too)
    answer = await engine.answer(question, k=3)
    assert not answer.answered, question


async def test_the_one_who_accepted_is_answered(engine: Marsad) -> None:
    answer = await engine.answer("هل قبل الرئيس الروسي دعوة كيم؟", k=3)
    assert answer.answered and "دعوة كيم" in answer.hits[0].text


# -- «إلى جانب» names no one ----------------------------------------------------------------

def _words(question: str) -> list[str]:
    return tokenize(normalize(question))


TABLE = AliasTable.of(count_pairs(["واستقبل الرئيس التركي رجب طيب أردوغان الوفد."] * 2))


@pytest.mark.parametrize("question", [
    "ضد من قاتلت الكتيبة إلى جانب تركيا؟",
    "مع من وقفت قطر الى جانب تركيا في الأزمة؟",
    "من جانبه ماذا قال الرئيس التركي؟",
])
def test_a_side_in_a_compound_preposition_stands_for_no_one(question: str) -> None:
    terms = analyze_question(question)
    spans = TABLE.expand(terms, _words(question))
    named = {terms[p] for span, _ in spans for p in span}
    assert "جانب" not in named, spans


@pytest.mark.parametrize("question", [
    "من شارك من الجانب التركي في المحادثات؟",
    "ماذا قال الجانب التركي عن الاتفاق؟",
])
def test_the_side_of_a_country_still_stands_for_its_leader(question: str) -> None:
    terms = analyze_question(question)
    assert any(terms[span[0]] == "جانب" for span, _ in TABLE.expand(terms, _words(question)))


@pytest.mark.parametrize("question", [
    "ماذا عرض الوفد على مضيفه التركي؟",
    "ماذا قدم الضيف إلى مضيفه التركي من جانبه؟",
])
def test_a_host_after_a_preposition_is_still_the_host(question: str) -> None:
    terms = analyze_question(question)
    named = [n for _, names in TABLE.expand(terms, _words(question)) for n in names]
    assert set(TABLE.persons[0]) <= set(named), named


ALONGSIDE = "وتعهد الوزير بأن تقاتل بلاده إلى جانب تركيا ضد الإرهاب حتى النهاية."
NAMING_HIM = [f"واستقبل الرئيس التركي رجب طيب أردوغان الوفد في أنقرة يوم {d}." for d in
              ("الإثنين", "الثلاثاء")] + ["وقال أردوغان إن تركيا ستدعم الحل السياسي."]
ALLIES = [
    Article("ally-1", "زيارة وفد إلى أنقرة", "صحيفة الجسر", dt.date(2024, 6, 1),
            tuple(NAMING_HIM)),
    Article("ally-2", "تحالف عسكري جديد", "وكالة النهر", dt.date(2024, 6, 2), (ALONGSIDE,)),
]


@pytest.mark.parametrize("question", [
    "ضد ماذا تعهد الوزير بالقتال إلى جانب تركيا؟",
    "مع من ستقاتل بلاد الوزير إلى جانب تركيا؟",
])
async def test_alongside_a_country_leads_with_the_passage_that_says_it(
        tmp_path: Path, question: str) -> None:
    answer = await _answer(tmp_path, ALLIES, question)
    assert answer.hits and answer.hits[0].text == ALONGSIDE


# -- the speaker's verb after an outlet's attribution --------------------------------------

OUTLETS = ["صحيفة الجسر", "وكالة النهر", "سكاي نيوز عربية"]


@pytest.mark.parametrize(("question", "rest"), [
    ("بحسب صحيفة الجسر، ماذا قال الوزير عن الجفاف؟", "ماذا قال الوزير عن الجفاف؟"),
    ("حسب وكالة النهر ماذا أكد المحافظ عن السد؟", "ماذا أكد المحافظ عن السد؟"),
    ("وفق سكاي نيوز عربية، ماذا صرح الوزير؟", "ماذا صرح الوزير؟"),
    ("صحيفة الجسر، ماذا قال الوزير عن الجفاف؟", "ماذا قال الوزير عن الجفاف؟"),
])
def test_the_speakers_verb_stays_after_the_outlet(question: str, rest: str) -> None:
    scope = find_scope(question, OUTLETS)
    assert scope is not None and scope.rest == rest


@pytest.mark.parametrize(("question", "rest"), [
    ("سكاي نيوز قالت إيه عن الهدايا؟", "إيه عن الهدايا؟"),
    ("صحيفة الجسر شو كتبت عن الجفاف؟", "شو عن الجفاف؟"),
    ("ماذا قالت وكالة النهر عن السد؟", "ماذا عن السد؟"),
])
def test_the_outlets_own_verb_still_goes_with_its_name(question: str, rest: str) -> None:
    scope = find_scope(question, OUTLETS)
    assert scope is not None and scope.rest == rest


SAID_ON_DROUGHT = "وقال الوزير إن الجفاف ضرب ثلثي المحاصيل هذا العام، ووعد بتعويض المزارعين."
ABOUT_DROUGHT = "وتسبب الجفاف في تراجع منسوب النهر إلى أدنى مستوى منذ عقود."
PAPER = [Article("drought-1", "الجفاف يضرب المحاصيل", "صحيفة الجسر", dt.date(2024, 7, 1),
                 (ABOUT_DROUGHT, SAID_ON_DROUGHT))]


@pytest.mark.parametrize("question", [
    "بحسب صحيفة الجسر، ماذا قال الوزير عن الجفاف؟",
    "حسب صحيفة الجسر ماذا قال الوزير بشأن الجفاف؟",
])
async def test_the_speakers_words_lead_within_the_outlet(tmp_path: Path, question: str) -> None:
    answer = await _answer(tmp_path, PAPER, question)
    assert answer.hits and answer.hits[0].text == SAID_ON_DROUGHT
