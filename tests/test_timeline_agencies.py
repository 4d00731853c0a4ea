"""`timeline` credits the agencies an article came from as an answer credits a hit: its
dateline's and those its text names («ونقلت وكالة رويترز عن …», «وقال مسؤول لرويترز»).
It credited the dateline's only, so an outlet's story built on an agency's report was listed
as its own while `ask` cited the same passage «نقلاً عن رويترز» (one reader of agencies,
`agencies.agencies_of`, for every frontend)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import test_telegram as harness
from botapi_server import private_chat
from test_cli import jsonl_ingested, stdout_of
from test_telegram import ALICE, Bot, plain

from retrieval.agencies import agencies_in
from retrieval.engine import Marsad

server, start, bot = harness.server, harness.start, harness.bot

ARTICLES = [
    {"id": "body-reuters", "title": "الحكومة السودانية تعلن هدنة إنسانية", "source": "الجزيرة نت",
     "date": "2025-05-02",
     "text": "أعلنت الحكومة السودانية هدنة إنسانية لمدة ثلاثة أيام في الخرطوم لإيصال المساعدات.\n\n"
             "ونقلت وكالة رويترز عن مسؤول في وزارة الخارجية أن الهدنة قد تمدد إذا التزم بها "
             "الطرفان."},
    {"id": "dateline-and-body", "title": "فرنسا تستدعي سفير الجزائر", "source": "العربية",
     "date": "2025-05-03",
     "text": "باريس (أ ف ب) - استدعت وزارة الخارجية الفرنسية سفير الجزائر بعد تصريحات "
             "اعتبرتها مسيئة.\n\nوقال مسؤول دبلوماسي لوكالة أسوشيتد برس إن الأزمة قد تطول."},
    {"id": "undated-body", "title": "ارتفاع أسعار القمح", "source": "صحيفة الغد",
     "text": "ارتفعت أسعار القمح في الأسواق العالمية للأسبوع الثالث على التوالي.\n\n"
             "وبحسب ما أوردته وكالة الأنباء الألمانية فإن الجفاف في أوروبا رفع الطلب."},
    {"id": "own-story", "title": "الحكومة الفرنسية تقر ميزانية التعليم", "source": "القدس العربي",
     "date": "2025-05-04",
     "text": "أقرت الحكومة الفرنسية ميزانية التعليم الجديدة بعد نقاش استمر أسابيع في "
             "البرلمان.\n\nوقال وزير التعليم إن المدارس الريفية ستنال حصة أكبر من قبل."},
    {"id": "glued-credit", "title": "اجتماع وزاري في تونس", "source": "الشروق التونسية",
     "date": "2025-05-05",
     "text": "يعقد وزراء الخارجية العرب اجتماعا في تونس الأسبوع المقبل لبحث الأزمة الليبية.\n\n"
             "وأكد مصدر حكومي لفرانس برس أن الاجتماع سيعقد الأحد، وقال آخر (أ ف ب) إن جدول "
             "الأعمال لم يحسم."},
    {"id": "agency-own", "title": "رويترز: أسعار النفط ترتفع", "source": "رويترز",
     "date": "2025-05-01",
     "text": "ارتفعت أسعار النفط اليوم الخميس بحسب بيانات جمعتها رويترز من المتعاملين في "
             "الأسواق."},
]

EXPECTED = {"body-reuters": ["رويترز"], "dateline-and-body": ["فرانس برس", "أسوشيتد برس"],
            "undated-body": ["د ب أ"], "own-story": [], "glued-credit": ["فرانس برس"],
            "agency-own": []}


@pytest.fixture(scope="module")
def coverage(tmp_path_factory) -> tuple[Path, Path]:
    return jsonl_ingested(tmp_path_factory.mktemp("timeline-agencies"), ARTICLES)


@pytest.fixture
async def engine(coverage):
    async with await Marsad.open(coverage[1]) as opened:
        yield opened


def test_timeline_json_credits_the_agencies_an_articles_text_names(coverage):
    data = json.loads(stdout_of(coverage, "timeline", "--json"))
    assert {a["id"]: a["agencies"] for a in data["dated"] + data["undated"]} == EXPECTED


def test_timeline_and_ask_credit_the_same_agency(coverage):
    lines = stdout_of(coverage, "timeline").splitlines()
    assert "2 مايو 2025 — الجزيرة نت نقلاً عن رويترز: الحكومة السودانية تعلن هدنة إنسانية" \
        in lines
    assert "3 مايو 2025 — العربية نقلاً عن فرانس برس وأسوشيتد برس: فرنسا تستدعي سفير الجزائر" \
        in lines
    assert "• صحيفة الغد نقلاً عن د ب أ: ارتفاع أسعار القمح" in lines
    assert "4 مايو 2025 — القدس العربي: الحكومة الفرنسية تقر ميزانية التعليم" in lines
    [answer] = [json.loads(line) for line in stdout_of(
        coverage, "ask", "--json", "هل ستمدد الهدنة في الخرطوم؟").splitlines()]
    told = [h for h in answer["hits"] if h["article_id"] == "body-reuters"]
    assert told and all(h["agencies"] == ["رويترز"] for h in told if "رويترز" in h["text"])


def test_console_timeline_credits_body_attributions(coverage):
    text = stdout_of(coverage, stdin=":timeline\n:quit\n")
    assert "الجزيرة نت نقلاً عن رويترز: الحكومة السودانية" in text


async def test_bot_timeline_credits_body_attributions(bot: Bot) -> None:
    text = plain(await bot.ask(private_chat(ALICE), ALICE, "/timeline"))
    assert "الجزيرة نت نقلاً عن رويترز: الحكومة السودانية" in text
    assert "• صحيفة الغد نقلاً عن د ب أ: ارتفاع" in text


@pytest.mark.parametrize(("text", "agency"), [
    ("وذكرت وكالة الأنباء السودانية أن وفد الجيش يرأسه نائب رئيس هيئة الأركان.", "سونا"),
    ("ونقلت وكالة الأنباء الليبية عن مسؤول أن الطريق الساحلي أعيد فتحه.", "وال"),
    ("وقالت وكالة الأنباء التونسية إن الانتخابات ستجرى في موعدها.", "وات"),
    ("طرابلس (وال) - أعلنت الحكومة فتح الطريق الساحلي أمام حركة السير.", "وال"),
])
def test_national_agencies_named_by_their_country_are_credited(text, agency):
    assert agencies_in(text) == [agency]
