"""A month in a question is often the time of the event, reported later (fix11).

«كم بلغ التضخم في مارس؟» was scoped to the articles dated in March: the April article that
reports March's inflation («تراجع التضخم إلى 9.4% في مارس») was never searched, and the
answer was declined with no hits whenever another article happened to be dated in March.
A month named now scopes the search to the articles dated then and to the passages that
tell of that month in their text (in the year asked: a month printed without a year is of
its article's year, or of the year before when it is later in the year than the article).
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from test_cli import marsad

from retrieval.date_scope import AskedMonth, names_month
from retrieval.model import Article

ARTICLES = [
    Article("cbe", "المركزي المصري يخفض الفائدة", "العربية", dt.date(2025, 4, 17), (
        "قال البنك المركزي المصري إنه خفض أسعار الفائدة 225 نقطة أساس في أول تيسير نقدي.",
        "وأضاف البنك أن متوسط التضخم الأساسي تراجع إلى 9.4% في مارس، وأن اللجنة ستواصل "
        "تقييم قراراتها.")),
    Article("jobs", "البطالة في الأردن", "الغد", dt.date(2025, 1, 9), (
        "قالت دائرة الإحصاءات العامة إن معدل البطالة بلغ 21.4% في ديسمبر بين الأردنيين.",)),
    Article("tourism", "السياحة في تونس", "موزاييك", dt.date(2024, 8, 3), (
        "استقبلت تونس مليونا و200 ألف سائح خلال شهر جويلية بحسب وزارة السياحة.",)),
    Article("exports", "صادرات المغرب", "هسبريس", dt.date(2025, 4, 2), (
        "ارتفعت صادرات السيارات المغربية إلى 14 مليار درهم في فبراير 2025 حسب مكتب الصرف.",
        "وكانت الصادرات قد بلغت 12 مليار درهم في فبراير 2024.")),
    # dated in the months asked, about something else: they alone were searched before
    Article("port", "خط بحري جديد", "هسبريس", dt.date(2025, 3, 10), (
        "وقع المغرب وموريتانيا اتفاقية لإنشاء خط بحري منتظم بين الدار البيضاء ونواكشوط.",)),
    Article("rain", "أمطار في عمان", "الرؤية", dt.date(2024, 12, 20), (
        "هطلت أمطار غزيرة على محافظة مسقط وجرت الأودية في ولايات عدة.",)),
    Article("fair", "معرض الكتاب", "الشروق", dt.date(2024, 7, 25), (
        "افتتح معرض الكتاب في القاهرة بمشاركة 800 دار نشر.",)),
]


@pytest.fixture
async def newsroom(engine_over):
    return await engine_over(ARTICLES)


@pytest.mark.parametrize(("question", "key"), [
    ("كم بلغ التضخم في مارس؟", "9.4%"),
    ("كم بلغ التضخم الأساسي في مارس 2025؟", "9.4%"),
    ("شو صار بالتضخم في آذار؟", "9.4%"),
    ("كم بلغت البطالة في ديسمبر؟", "21.4%"),  # December of the year before January's report
    ("كم بلغت البطالة في كانون الأول 2024؟", "21.4%"),
    ("كم سائحا زار تونس في يوليو؟", "مليونا و200 ألف"),  # «جويلية» in the passage
    ("كم بلغت صادرات السيارات في فبراير 2025؟", "14 مليار"),
    ("كم بلغت صادرات السيارات في فبراير 2024؟", "12 مليار"),  # the year printed counts
])
async def test_a_month_asked_is_found_in_a_later_articles_text(newsroom, question, key):
    answer = await newsroom.answer(question, k=3)
    assert answer.hits, question
    assert key in answer.hits[0].text


@pytest.mark.parametrize(("question", "article"), [
    ("ما الاتفاقية التي وقعها المغرب في مارس 2025؟", "port"),  # the month's own articles
    ("أين هطلت الأمطار في ديسمبر 2024؟", "rain"),
])
async def test_the_months_own_articles_still_answer(newsroom, question, article):
    answer = await newsroom.answer(question, k=3)
    assert answer.hits and answer.hits[0].article_id == article


@pytest.mark.parametrize(("text", "published", "month", "expected"), [
    ("تراجع التضخم إلى 9.4% في مارس، وأن", dt.date(2025, 4, 17), AskedMonth(3, 2025), True),
    ("تراجع التضخم إلى 9.4% في مارس، وأن", dt.date(2025, 4, 17), AskedMonth(3, 2024), False),
    ("رفعها بواقع 600 نقطة في مارس 2024.", dt.date(2025, 4, 17), AskedMonth(3, 2024), True),
    ("منذ 10 آذار الماضي", dt.date(2025, 4, 17), AskedMonth(3, None), True),
    ("بلغ العجز في ديسمبر", dt.date(2025, 1, 5), AskedMonth(12, 2024), True),
    ("بلغ العجز في ديسمبر", None, AskedMonth(12, 2030), True),  # undated: any year
    ("مارس الجيش ضغوطا على المحتجين", dt.date(2025, 4, 17), AskedMonth(3, None), None),
    ("وقال آب الضحية إن", dt.date(2025, 8, 17), AskedMonth(8, None), None),
    ("الذين يمارسون الرياضة في الصيف", dt.date(2025, 4, 17), AskedMonth(3, None), None),
])
def test_a_passage_names_a_month_as_a_time(text, published, month, expected):
    assert names_month(text, published, month) is expected


def test_the_cli_answers_a_month_asked_from_a_later_article(tmp_path):
    rows = [{"id": a.id, "title": a.title, "source": a.source, "date": a.date.isoformat(),
             "text": "\n\n".join(a.paragraphs)} for a in ARTICLES]
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    db = tmp_path / "m.db"
    assert marsad("ingest", str(path), cwd=tmp_path, db=db).returncode == 0
    result = marsad("ask", "كم بلغ التضخم في مارس؟", "--json", cwd=tmp_path, db=db)
    answer = json.loads(result.stdout)
    assert answer["hits"][0]["source"] == "العربية"
    assert answer["hits"][0]["date"] == "2025-04-17"
    assert "9.4%" in answer["hits"][0]["text"]
