"""Who said it (issue 12, fix12): the agency a story came from, every outlet telling the
same toll, and one statement shown once.

- An outlet republishing wire copy names its agency in a dateline («موسكو (رويترز) -»,
  «أنقرة/ الأناضول», «اللاذقية - أ ف ب:») or an attribution («ونقلت وكالة الأنباء
  الفرنسية عن …»): the reader saw only the outlet. A hit now carries `agencies` (JSON) and
  its citation reads «— الجزيرة نت نقلاً عن رويترز، …».
- «ما حصيلة زلزال الشلف؟» lost Hespress, whose passage tells the toll («مقتل ثلاثة أشخاص
  وإصابة 41 آخرين، فيما بعث الملك … برقية تعزية») under a headline on Oujda: it holds none of
  the question's words, so it was never ranked.
- The same statement in other words by two outlets, linked at ingest, was shown twice, each
  hit crediting the other (newsroom12: Iraq's 20 million dollars for Gaza).

tests/data/newsroom12/: thirteen articles by five outlets on stories no other file covers
(Morocco's butane price, July 2025; the Latakia wildfires, July 2025; the Arab summit in
Baghdad, May 2025), some of them wire copy, and a question file over them.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from question_files import check_newsroom
from test_cli import ask_json as ask
from test_cli import eval_json, ingested, marsad
from test_pages4_answers import _coverage as pages4_coverage

from bot.render import render_answer
from retrieval.agencies import agencies_in, dateline_agency
from retrieval.articles import parse_jsonl_line
from retrieval.model import Answer, Article, Hit

DATA = Path(__file__).parent / "data" / "newsroom12"
OUTLETS = {"هسبريس", "الجزيرة نت", "العربية", "سكاي نيوز عربية", "القدس العربي"}


@pytest.mark.parametrize(("text", "agencies"), [
    ("ونقلت وكالة الأنباء الفرنسية عن مسؤول في الدفاع المدني أن", ["فرانس برس"]),
    ("بحسب ما أوردته رويترز عن مسؤولين محليين", ["رويترز"]),
    ("وقال مسؤول لرويترز إن المحادثات توقفت", ["رويترز"]),
    ("ذكرت وكالة الأنباء السعودية (واس) أن الملك استقبل", ["واس"]),
    ("ونقلت وكالة أنباء الإمارات (وام) عن الوزير", ["وام"]),
    ("أفادت وكالة تاس الروسية نقلا عن الكرملين", ["تاس"]),
    ("وبحسب ما نقلته وكالة المغرب العربي للأنباء، أجرى الوزير لقاءات", ["ومع"]),
    ("كما نقلت أسوشيتد برس عن شهود، وأكدت شينخوا الخبر", ["أسوشيتد برس", "شينخوا"]),
    # names that are also places or words count only as a credit
    ("وصل الوفد إلى قنا صباح الأحد", []),
    ("ضرب زلزال شرق الأناضول", []),
    ("قالت الخارجية الفرنسية إن السفير استدعي", []),
    ("وتحدث الوزير باللغة الفرنسية ومع الصحفيين", []),
])
def test_a_passage_credits_the_agencies_it_names(text, agencies):
    assert agencies_in(text) == agencies


@pytest.mark.parametrize(("lines", "agency"), [
    (["موسكو - 13 سبتمبر 2023 (رويترز) - أعلنت الحكومة الروسية"], "رويترز"),
    (["باريس (أ ف ب)", "أعلنت الحكومة الفرنسية"], "فرانس برس"),
    (["أنقرة/ الأناضول", "أعلن وزير الخارجية التركي"], "الأناضول"),
    (["القاهرة/ محمد علي/ الأناضول"], "الأناضول"),
    (["تونس (وات) - قضت المحكمة الابتدائية"], "وات"),
    (["الرياض - واس", "استقبل ولي العهد"], "واس"),
    (["اللاذقية - أ ف ب: تمكنت فرق الإطفاء"], "فرانس برس"),
    # no agency: a generic credit, an outlet's own dateline, a photo's caption
    (["موسكو (وكالات)", "أعلن الكرملين"], None),
    (["دبي - العربية.نت", "أعلنت الحكومة"], None),
    (["جنود في أم درمان (أ.ف.ب)"], None),
])
def test_a_dateline_names_the_agency_the_copy_came_from(lines, agency):
    assert dateline_agency(lines) == agency


def test_the_dateline_is_cut_from_the_passage_and_kept_as_the_agency():
    record = {"id": "x", "title": "حرائق", "source": "القدس العربي", "date": "2025-07-08",
              "text": "اللاذقية - أ ف ب: تمكنت فرق الإطفاء الثلاثاء من السيطرة على 70% من "
                      "الحرائق التي اندلعت في الغابات.\n\nويقول خبراء إن الجفاف هو الأسوأ."}
    article = parse_jsonl_line(json.dumps(record, ensure_ascii=False), "x")
    assert article.paragraphs[0].startswith("تمكنت فرق الإطفاء")
    assert article.agency == "فرانس برس"


def test_the_citation_names_the_agency_beside_the_outlet():
    hit = Hit(1, 1.0, "قالت الحكومة المغربية اليوم الخميس إنها لن ترفع السعر.", "a", "t",
              "الجزيرة نت", dt.date(2025, 7, 10), agencies=["رويترز"])
    assert "— الجزيرة نت نقلاً عن رويترز، 10 يوليو 2025" in render_answer(
        Answer("q", True, [hit]))
    assert hit.to_json()["agencies"] == ["رويترز"]


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory) -> tuple[Path, Path]:
    """(folder, database) holding newsroom12's thirteen articles, ingested as a user does."""
    return ingested(tmp_path_factory.mktemp("newsroom12"), DATA / "articles.jsonl", 13)


def test_the_question_file_keys_are_in_the_coverage():
    check_newsroom(DATA, OUTLETS, {
        "who", "paraphrase", "dialect", "latin", "number", "date", "near-miss", "off-topic"})


@pytest.mark.parametrize(("question", "key", "source", "agency"), [
    # a Reuters dateline: every passage of the article is Reuters copy
    ("كم خصصت الحكومة المغربية لصندوق المقاصة في موازنة 2025؟", "16.5 مليار درهم",
     "الجزيرة نت", "رويترز"),
    ("كم قرية أجلي سكانها بسبب حرائق اللاذقية؟", "12 قرية", None, None),
    # an attribution inside the passage
    ("ماذا قال بايتاس عن تحمل الدولة الفرق بين السعر الحقيقي وسعر البيع؟",
     "الدولة ستتحمل الفرق", "العربية", "فرانس برس"),
    ("ماذا نقلت سانا عن وزير الطوارئ؟", "قوة الرياح", "سكاي نيوز عربية", "سانا"),
    # a dash dateline with a colon
    ("ما نسبة الحرائق التي سيطرت عليها فرق الإطفاء في اللاذقية؟", "70%", "القدس العربي",
     "فرانس برس"),
])
def test_a_hit_from_wire_copy_credits_its_agency(newsroom, question, key, source, agency):
    [answer] = ask(newsroom, question)
    hit = next(h for h in answer["hits"] if key in h["text"])
    if source is not None:
        assert (hit["source"], hit["agencies"]) == (source, [agency])


def test_the_console_answer_names_the_agency(newsroom):
    folder, db = newsroom
    result = marsad("ask", "ماذا قال بايتاس عن تحمل الدولة الفرق بين السعر الحقيقي وسعر البيع؟",
                    cwd=folder, db=db)
    assert result.returncode == 0, result.stderr
    assert "العربية نقلاً عن فرانس برس" in result.stdout


@pytest.mark.parametrize("question", [
    "كم تبرع العراق لإعمار غزة؟",
    "ماذا أعلن السوداني في القمة العربية؟",
    "كم خصص العراق لإعمار لبنان؟",
])
def test_a_statement_linked_across_outlets_is_shown_once(newsroom, question):
    [answer] = ask(newsroom, question, k=5)
    told = [h for h in answer["hits"] if "20 مليون دولار" in h["text"]]
    assert len(told) == 1, [h["text"] for h in answer["hits"]]
    assert {"الجزيرة نت", "العربية"} <= {c["source"] for c in told[0]["also_reported_by"]}


def test_floors_over_the_question_file(newsroom):
    report = eval_json(newsroom, DATA / "questions.jsonl")
    assert report["answerable"]["questions"] == 39
    # fix12: answer@1 0.718, 6 false declines, 8 of 9 out-of-coverage declined; decide14
    # (newsroom12 fitted, a count printed before its noun): 0.769, 4, 8
    assert report["answerable"]["answer@1"] >= 0.76, report["failures"]
    assert report["answerable"]["false_declines"] <= 4, report["failures"]
    assert report["abstain"]["correct_declines"] >= 8, report["failures"]


# -- a toll told by an outlet whose passage holds none of the question's words ---------------

async def test_the_chlef_toll_credits_hespress(engine_over):
    coverage = await engine_over(pages4_coverage())
    for question in ("ما حصيلة زلزال الشلف؟", "كم عدد قتلى وجرحى زلزال الشلف؟"):
        answer = await coverage.answer(question, k=3)
        credited = {r.source for r in answer.hits[0].also_reported_by}
        assert "هسبريس" in credited, (question, credited)  # «Hespress» stored under one name
        assert "وكالة الأناضول" not in credited  # its early toll: two dead, 28 injured


def _article(id_, source, day, title, *paragraphs):
    return Article(id_, title, source, dt.date(2025, 8, day), paragraphs)


FLOOD = [
    _article("a", "الشروق", 3, "فيضانات سطيف",
             "لقي خمسة أشخاص حتفهم وأصيب 17 آخرون في فيضانات اجتاحت ولاية سطيف شرقي الجزائر "
             "ليلة السبت، حسب الحماية المدنية.",
             "وغمرت المياه عشرات المنازل في بلدية عين ولمان."),
    # the same toll, in a passage on something else, under another headline
    _article("b", "الخبر", 4, "أمطار طوفانية في الشرق الجزائري",
             "وفي سطيف أحصت الحماية المدنية 5 وفيات و17 مصابا، فيما علقت الدراسة في ثلاث "
             "ولايات مجاورة بسبب الأحوال الجوية."),
    # the same figures, another event: never credited
    _article("c", "هسبريس", 4, "حادث سير في أكادير",
             "وفي أكادير أعلنت السلطات المحلية مصرع 5 أشخاص وإصابة 17 آخرين في انقلاب "
             "حافلة لنقل العمال."),
    # the same place and figures weeks later, another event: never credited
    _article("d", "النهار", 30, "حريق في سوق بسطيف",
             "وفي سطيف أعلنت الحماية المدنية وفاة 5 أشخاص وإصابة 17 آخرين في حريق شب في "
             "سوق شعبي وسط المدينة."),
]


@pytest.mark.parametrize("question", ["ما حصيلة فيضانات سطيف؟", "كم عدد ضحايا فيضانات سطيف؟"])
async def test_a_toll_is_credited_to_every_outlet_telling_it(engine_over, question):
    coverage = await engine_over(FLOOD)
    answer = await coverage.answer(question, k=3)
    told = [h for h in answer.hits if h.article_id in ("a", "b") and "17" in h.text]
    assert len(told) == 1, [h.text for h in answer.hits]  # the toll shown once
    credited = {r.article_id for r in told[0].also_reported_by} | {told[0].article_id}
    assert {"a", "b"} <= credited, [h.text for h in answer.hits]
    assert not credited & {"c", "d"}


async def test_a_toll_credit_is_only_for_a_question_asking_the_toll(engine_over):
    coverage = await engine_over(FLOOD)
    answer = await coverage.answer("أين وقعت فيضانات سطيف؟", k=3)
    assert "b" not in {r.article_id for h in answer.hits for r in h.also_reported_by}


@pytest.mark.parametrize(("question", "agency", "key"), [
    ("ماذا قالت رويترز عن حرائق اللاذقية؟", "رويترز", "10 آلاف هكتار"),
    ("حسب رويترز، كم هكتارا احترق في اللاذقية؟", "رويترز", "10 آلاف هكتار"),
    ("ماذا نقلت فرانس برس عن بايتاس؟", "فرانس برس", "الدولة ستتحمل الفرق"),
])
def test_a_question_naming_an_agency_reaches_the_outlets_carrying_its_copy(newsroom, question,
                                                                           agency, key):
    [answer] = ask(newsroom, question)
    assert "outlet_not_covered" not in answer  # its copy is in the coverage
    assert agency in answer["hits"][0]["agencies"] and key in answer["hits"][0]["text"]


def test_an_agency_whose_copy_the_coverage_lacks_is_still_not_covered(newsroom):
    [answer] = ask(newsroom, "ماذا قالت وكالة الأناضول عن قمة بغداد؟")
    assert answer["outlet_not_covered"] == "الأناضول" or "الأناضول" in answer[
        "outlet_not_covered"]


@pytest.mark.parametrize("question", [
    "ما اسم القاعدة الفضائية التي عقد فيها الاجتماع؟",
    "أين اجتمع الرئيسان؟",
    "ما أهم منشأة لإطلاق الأقمار الصناعية في روسيا؟",
])
async def test_a_statement_told_whole_inside_a_longer_one_is_shown_once(seeded, question):
    """Sky News Arabia's one sentence («واجتمع الرئيسان، الأربعاء، في قاعدة فوستوشني الفضائية،
    أهم منشأة محلية لإطلاق الأقمار الصناعية في روسيا.») is told whole inside Sahwa News's
    longer passage (the links found at ingest tie them). Whichever comes first, the reader
    sees the statement once, crediting both outlets (in the passage that says more when the
    shorter came first); it was shown twice, first and second, each crediting the other."""
    answer = await seeded.answer(question, k=5)
    told = [h for h in answer.hits if "أهم منشأة محلية لإطلاق" in h.text]
    assert len(told) == 1, [h.text for h in answer.hits]
    assert {told[0].source, *(c.source for c in told[0].also_reported_by)} >= {
        "صحوة نيوز", "سكاي نيوز عربية"}
    assert [h.rank for h in answer.hits] == list(range(1, len(answer.hits) + 1))
