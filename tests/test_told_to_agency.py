"""«ماذا قالت رويترز عن مفاوضات جدة؟» was declined although Al Arabiya's story on the talks
carries «وقال مسؤول أميركي لرويترز …»: what a source told an agency is that agency's
reporting on the story its article tells (its headline names the talks, the passage need
not). Whether the agency is also an outlet of the coverage (an article whose source is
«رويترز») or not («فرانس برس», «الأناضول» here), its copy answers; a story it never carried
does not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli import ask_json, ingested

from retrieval.engine import Marsad

ARTICLES = [
    {"id": "talks-awsat", "title": "مفاوضات جدة تستأنف", "source": "الشرق الأوسط",
     "date": "2023-10-26",
     "text": "استؤنفت في مدينة جدة مفاوضات بين الجيش السوداني وقوات الدعم السريع برعاية سعودية "
             "أميركية بعد توقف دام أشهرا.\n\nوقال بيان مشترك إن المحادثات ستركز على وقف إطلاق "
             "النار وتسهيل وصول المساعدات الإنسانية."},
    {"id": "talks-arabiya", "title": "تعليق مفاوضات جدة", "source": "العربية", "date": "2023-12-04",
     "text": "أعلنت الوساطة السعودية الأميركية تعليق مفاوضات جدة بين الجيش السوداني وقوات الدعم "
             "السريع بسبب عدم التزام الطرفين بتعهدات بناء الثقة.\n\nوقال مسؤول أميركي لرويترز "
             "إن الطرفين لم ينفذا التزاماتهما بشأن المساعدات الإنسانية."},
    {"id": "grain-jazeera", "title": "أزمة ممر الحبوب في البحر الأسود", "source": "الجزيرة نت",
     "date": "2023-07-18",
     "text": "انسحبت روسيا من اتفاق تصدير الحبوب عبر البحر الأسود بعد عام من توقيعه في "
             "إسطنبول.\n\nوأكد دبلوماسي تركي في تصريح لوكالة الأناضول أن أنقرة تعمل على إحياء "
             "الاتفاق خلال الأسابيع المقبلة."},
    {"id": "grain-sky", "title": "تركيا تسعى لإحياء اتفاق الحبوب", "source": "سكاي نيوز عربية",
     "date": "2023-07-19",
     "text": "قالت تركيا إنها تجري اتصالات مع موسكو وكييف لإعادة العمل باتفاق الحبوب.\n\n"
             "وصرح مسؤول أوروبي لفرانس برس بأن الاتحاد الأوروبي مستعد لدعم ممرات بديلة "
             "لتصدير الحبوب الأوكرانية."},
    {"id": "reuters-own", "title": "النفط يرتفع مع تراجع المخزونات الأميركية", "source": "رويترز",
     "date": "2023-10-27",
     "text": "ارتفعت أسعار النفط اليوم الجمعة بعد أن أظهرت بيانات تراجع المخزونات الأميركية "
             "أكثر من المتوقع.\n\nوصعدت العقود الآجلة لخام برنت 1.2 بالمئة إلى 89 دولارا "
             "للبرميل."},
]


@pytest.fixture(scope="module")
def coverage(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("told-to-agency")
    path = folder / "articles.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), "utf-8")
    return ingested(folder, path, len(ARTICLES))


# (question, the agency, the article whose passage told it, words of that passage)
TOLD = [
    ("ماذا قالت رويترز عن مفاوضات جدة؟", "رويترز", "talks-arabiya", "لرويترز"),
    ("ماذا قالت وكالة الأناضول عن اتفاق الحبوب؟", "الأناضول", "grain-jazeera", "لوكالة الأناضول"),
    ("ماذا قالت فرانس برس عن اتفاق الحبوب؟", "فرانس برس", "grain-sky", "لفرانس برس"),
]


@pytest.mark.parametrize(("question", "agency", "article", "words"), TOLD)
def test_a_statement_told_to_an_agency_answers_what_it_said(coverage, question, agency,
                                                            article, words):
    answer = ask_json(coverage, question, k=3)[0]
    assert answer["answered"], answer
    hit = answer["hits"][0]
    assert hit["article_id"] == article and words in hit["text"]
    assert agency in hit["agencies"]
    assert "outlet_not_covered" not in answer


def test_an_agency_that_never_carried_the_story_is_not_made_to(coverage):
    # Reuters is an outlet of the coverage, and its copy tells of the talks, not of grain
    answer = ask_json(coverage, "ماذا قالت رويترز عن اتفاق الحبوب؟", k=3)[0]
    assert not answer["answered"] or all("رويترز" in h["agencies"] or h["source"] == "رويترز"
                                         for h in answer["hits"])
    assert all("رويترز" not in h["agencies"] for h in answer["hits"] if "الحبوب" in h["text"])


async def test_the_python_api_answers_the_same(coverage):
    engine = await Marsad.open(coverage[1])
    try:
        answer = await engine.answer(TOLD[0][0], k=3)
    finally:
        await engine.close()
    assert answer.answered and answer.hits[0].article_id == "talks-arabiya"
