"""A wire dateline with a weekday and no separator before the day («الرياض الأحد 13 يوليو 2025
(واس) -») dates its article, in a .txt page and in a JSONL record given no date; a body credit
printed only in parentheses at a sentence's end («… الأسبوع المقبل (ومع).», «(الفرنسية)») is
one of the agencies `timeline` cites beside the article's outlet, as `ask` cites it beside
the hit; a common word outside parentheses («اللغة الفرنسية», «ومع ذلك») credits no one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli import ingested, marsad

from retrieval.articles import parse_json_record, parse_raw

BODY = "أعلنت وزارة الداخلية ضبط شبكة لتهريب المخدرات في المنطقة الشرقية بعد أسابيع من التحري."

# (dateline as printed, the day it dates, the agency it credits)
WEEKDAY_DATELINES = [
    ("الرياض الأحد 13 يوليو 2025 (واس) -", "2025-07-13", "واس"),
    ("الرباط الخميس 3 يوليو 2025 (ومع) -", "2025-07-03", "ومع"),
    ("المدينة المنورة الإثنين 7 أبريل 2025 (واس) -", "2025-04-07", "واس"),
    ("جدة يوم الثلاثاء 11 مارس 2025 (واس) -", "2025-03-11", "واس"),
    ("أبوظبي، الأربعاء 5 فبراير 2025 (وام) -", "2025-02-05", "وام"),
    ("الدوحة الجمعة 14-2-2025 (قنا) -", "2025-02-14", "قنا"),
    ("الكويت السبت 1 مارس 2025 (كونا)", "2025-03-01", "كونا"),
]


@pytest.mark.parametrize(("dateline", "day", "agency"), WEEKDAY_DATELINES)
def test_a_weekday_dateline_dates_a_raw_page(dateline, day, agency):
    glued = parse_raw(f"الداخلية تعلن ضبط شبكة تهريب\n{dateline} {BODY}\nوأوضح المتحدث "
                      "الأمني أن العملية استمرت أسابيع.", "glued")
    alone = parse_raw(f"الداخلية تعلن ضبط شبكة تهريب\n{dateline}\n{BODY}", "alone")
    for article in (glued, alone):
        assert str(article.date) == day
        assert article.agency == agency
        assert article.paragraphs[0] == BODY  # the dateline is no part of the text


@pytest.mark.parametrize(("dateline", "day", "agency"), WEEKDAY_DATELINES)
def test_a_jsonl_record_without_a_date_takes_its_datelines(dateline, day, agency):
    record = {"id": "x", "title": "الداخلية تعلن ضبط شبكة", "source": "صحيفة الرياض",
              "date": None, "text": f"{dateline} {BODY}"}
    article = parse_json_record(record, "line 1")
    assert (str(article.date), article.agency) == (day, agency)
    # a date given is kept: the record's own
    assert str(parse_json_record({**record, "date": "2025-07-14"}, "line 1").date) == "2025-07-14"


def test_a_day_in_the_news_is_no_dateline():
    record = {"id": "x", "title": "الداخلية تعلن ضبط شبكة", "source": "صحيفة الرياض",
              "date": None, "text": "الرياض (واس) - أعلنت وزارة الداخلية يوم الأحد 13 يوليو 2025 "
                                    "ضبط شبكة لتهريب المخدرات."}
    assert parse_json_record(record, "line 1").date is None


ARTICLES = [
    {"id": "maghreb", "title": "المغرب يطلق برنامجا لدعم الفلاحين", "source": "هسبريس",
     "date": "2025-07-01",
     "text": "أطلقت الحكومة المغربية برنامجا لدعم الفلاحين المتضررين من الجفاف هذا الموسم.\n\n"
             "وقال وزير الفلاحة إن البرنامج سيشمل مئة ألف فلاح في المرحلة الأولى (ومع).\n\n"
             "وستصرف الدفعة الأولى من الدعم قبل نهاية الشهر الجاري."},
    {"id": "french", "title": "باريس تستضيف مؤتمرا للمانحين", "source": "القدس العربي",
     "date": "2025-07-02",
     "text": "تستضيف باريس الأسبوع المقبل مؤتمرا للمانحين لدعم إعادة إعمار المدن المتضررة.\n\n"
             "وأكد دبلوماسي أن عشرين دولة أكدت مشاركتها في المؤتمر (الفرنسية).\n\n"
             "ويأمل المنظمون جمع ثلاثة مليارات دولار خلال يومين من الاجتماعات."},
    {"id": "saudi", "title": "السعودية تفتح باب التسجيل للحج", "source": "عكاظ",
     "date": "2025-07-03",
     "text": "فتحت وزارة الحج باب التسجيل لحجاج الداخل عبر المنصة الإلكترونية الموحدة.\n\n"
             "وأوضحت الوزارة أن التسجيل يستمر حتى نهاية الشهر المقبل (واس). وسيعلن عن "
             "النتائج تباعا.\n\nودعت الوزارة المواطنين إلى التأكد من بياناتهم قبل التسجيل."},
    {"id": "prose", "title": "مدارس تعتمد اللغة الفرنسية", "source": "الأيام",
     "date": "2025-07-04",
     "text": "اعتمدت مدارس عدة تدريس العلوم باللغة الفرنسية ابتداء من الموسم المقبل.\n\n"
             "ومع ذلك قال أولياء أمور إن القرار جاء متأخرا وإن المعلمين غير مستعدين."},
]

EXPECTED = {"maghreb": ["ومع"], "french": ["فرانس برس"], "saudi": ["واس"], "prose": []}


@pytest.fixture(scope="module")
def coverage(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("body-credits")
    path = folder / "articles.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), "utf-8")
    return ingested(folder, path, len(ARTICLES))


def test_timeline_counts_a_body_credit_in_parentheses(coverage):
    folder, db = coverage
    result = marsad("timeline", "--json", cwd=folder, db=db)
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)["dated"]
    assert {item["id"]: item["agencies"] for item in items} == EXPECTED
    shown = marsad("timeline", cwd=folder, db=db).stdout
    assert "هسبريس نقلاً عن ومع" in shown and "عكاظ نقلاً عن واس" in shown
    assert "الأيام نقلاً" not in shown


def test_ask_cites_the_same_body_credit(coverage):
    folder, db = coverage
    result = marsad("ask", "--json", "-k", "1", "كم فلاحا يشمل برنامج دعم الفلاحين؟",
                    cwd=folder, db=db)
    assert result.returncode == 0, result.stderr
    hit = json.loads(result.stdout)["hits"][0]
    assert (hit["source"], hit["agencies"]) == ("هسبريس", ["ومع"])
