"""Agencies cited everywhere a passage's outlet is (issue 12, agencies14): the answer cited
«— الجزيرة نت نقلاً عن رويترز، …» but Telegram's inline results, /compare (console, CLI,
bot) and /timeline (console, CLI, bot) still named the outlet alone. Each now carries the
same «نقلاً عن …» (bot.render.via) and, in JSON, `agencies` as `ask --json` has it.

The coverage (invented, ingested by `marsad ingest` as a user would): wire copy under two
datelines («موسكو - 3 مارس 2025 (رويترز) -», «باريس (أ ف ب) -»), an undated Anadolu
copy («أنقرة/ الأناضول»), an outlet's own reporting, and the agency's own article (credits
no one else).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import test_telegram as harness
from botapi_server import parse_html, private_chat
from test_cli import jsonl_ingested, stdout_of
from test_telegram import ALICE, BOB, Bot, plain

from retrieval.engine import Marsad

server, start, bot, quick_retries = harness.server, harness.start, harness.bot, \
    harness.quick_retries

ARTICLES = [
    {"id": "jazeera-zapo", "title": "الكرملين: زابوريجيا تبقى تحت إدارتنا", "source": "الجزيرة نت",
     "date": "2025-03-03", "url": "https://www.aljazeera.net/news/zapo",
     "text": "موسكو - 3 مارس 2025 (رويترز) - قال الكرملين اليوم الاثنين إن محطة زابوريجيا "
             "النووية ستبقى تحت الإدارة الروسية وإن أي نقل لتشغيلها غير مطروح.\n\n"
             "وأضاف المتحدث أن المفتشين الدوليين سيواصلون عملهم في المحطة."},
    {"id": "arabiya-zapo", "title": "كييف تطالب باستعادة محطة زابوريجيا", "source": "العربية",
     "date": "2025-03-04", "url": "https://www.alarabiya.net/zapo",
     "text": "طالبت الحكومة الأوكرانية الثلاثاء باستعادة السيطرة على محطة زابوريجيا النووية "
             "قائلة إن تشغيلها من جانب روسيا خطر على المنطقة كلها."},
    {"id": "quds-olives", "title": "موسم قطف الزيتون في الجنوب الفرنسي", "source": "القدس العربي",
     "date": "2025-02-20",
     "text": "باريس (أ ف ب) - بدأ المزارعون في جنوب فرنسا قطف الزيتون مبكراً هذا العام بسبب "
             "موجة الحر التي ضربت البلاد في الخريف الماضي."},
    {"id": "sabah-bridge", "title": "افتتاح جسر جديد على مضيق البوسفور", "source": "صحيفة الصباح",
     "text": "أنقرة/ الأناضول\n\nافتتح وزير النقل التركي جسراً جديداً على مضيق البوسفور يربط "
             "ضفتي إسطنبول ويختصر زمن العبور إلى عشر دقائق."},
    {"id": "anadolu-own", "title": "تركيا تطلق قمراً صناعياً للاتصالات", "source": "وكالة الأناضول",
     "date": "2025-01-15",
     "text": "أنقرة/ الأناضول\n\nأطلقت تركيا قمراً صناعياً جديداً للاتصالات من قاعدة في "
             "فلوريدا، على أن يبدأ عمله بعد ثلاثة أشهر من التجارب."},
]


@pytest.fixture(scope="module")
def coverage(tmp_path_factory) -> tuple[Path, Path]:
    """(folder, database) after `marsad ingest` of ARTICLES."""
    return jsonl_ingested(tmp_path_factory.mktemp("agencies"), ARTICLES)


@pytest.fixture
async def engine(coverage):
    """The bot's engine (harness.start uses it by name) over the ingested coverage."""
    opened = await Marsad.open(coverage[1])
    try:
        yield opened
    finally:
        await opened.close()


# -- the CLI and the console ----------------------------------------------------------------

def test_compare_cites_the_agency_beside_the_outlet(coverage) -> None:
    text = stdout_of(coverage, "compare", "محطة", "زابوريجيا")
    assert "■ الجزيرة نت نقلاً عن رويترز، 3 مارس 2025" in text
    assert "■ العربية، 4 مارس 2025" in text  # its own reporting: no agency
    assert text.count("نقلاً عن") == 1


def test_compare_json_has_each_outlets_agencies(coverage) -> None:
    data = json.loads(stdout_of(coverage, "compare", "--json", "محطة", "زابوريجيا"))
    agencies = {view["source"]: view["agencies"] for view in data["outlets"]}
    assert agencies == {"الجزيرة نت": ["رويترز"], "العربية": []}


def test_timeline_cites_dateline_agencies_dated_and_undated(coverage) -> None:
    text = stdout_of(coverage, "timeline")
    lines = text.splitlines()
    assert "3 مارس 2025 — الجزيرة نت نقلاً عن رويترز: الكرملين: زابوريجيا تبقى تحت إدارتنا" \
        in lines
    assert "20 فبراير 2025 — القدس العربي نقلاً عن فرانس برس: موسم قطف الزيتون في الجنوب " \
        "الفرنسي" in lines
    assert "4 مارس 2025 — العربية: كييف تطالب باستعادة محطة زابوريجيا" in lines
    # the agency's own article credits no one; an undated copy is credited all the same
    assert "15 يناير 2025 — وكالة الأناضول: تركيا تطلق قمراً صناعياً للاتصالات" in lines
    assert "• صحيفة الصباح نقلاً عن الأناضول: افتتاح جسر جديد على مضيق البوسفور" in lines


def test_timeline_json_has_each_articles_agencies(coverage) -> None:
    data = json.loads(stdout_of(coverage, "timeline", "--json"))
    agencies = {a["id"]: a["agencies"] for a in data["dated"] + data["undated"]}
    assert agencies == {"jazeera-zapo": ["رويترز"], "arabiya-zapo": [],
                        "quds-olives": ["فرانس برس"], "sabah-bridge": ["الأناضول"],
                        "anadolu-own": []}


def test_console_compare_and_timeline_cite_agencies(coverage) -> None:
    text = stdout_of(coverage, stdin=":compare زابوريجيا\n:timeline\n:quit\n")
    assert "■ الجزيرة نت نقلاً عن رويترز، 3 مارس 2025" in text
    assert "20 فبراير 2025 — القدس العربي نقلاً عن فرانس برس:" in text


# -- the bot, through the project's Bot API server ------------------------------------------

async def test_inline_result_titles_cite_the_agency(bot: Bot) -> None:
    since = len(bot.server.calls)
    bot.server.inline(ALICE, "ماذا قال الكرملين عن محطة زابوريجيا؟")
    call = (await bot.server.wait_for(lambda: bot.server.calls_to("answerInlineQuery", since)))[0]
    results = call.params["results"]
    assert results[0]["title"] == "الجزيرة نت نقلاً عن رويترز، 3 مارس 2025"
    posted, _ = parse_html(results[0]["input_message_content"]["message_text"])
    assert "— الجزيرة نت نقلاً عن رويترز، 3 مارس 2025" in posted
    assert all("نقلاً عن" not in r["title"] for r in results if "العربية" in r["title"])


async def test_bot_compare_and_timeline_cite_agencies(bot: Bot) -> None:
    text = plain(await bot.ask(private_chat(ALICE), ALICE, "/compare زابوريجيا"))
    assert "الجزيرة نت نقلاً عن رويترز — 3 مارس 2025" in text
    assert "العربية — 4 مارس 2025" in text
    text = plain(await bot.ask(private_chat(BOB), BOB, "/timeline"))
    assert "• 20 فبراير 2025 — القدس العربي نقلاً عن فرانس برس: موسم قطف" in text
    assert "• صحيفة الصباح نقلاً عن الأناضول: افتتاح جسر" in text
    assert "• 15 يناير 2025 — وكالة الأناضول: تركيا" in text
