"""An agency is credited to the outlet whose copy carried it. A hit folding two outlets' copies
of one statement cited «العربية نقلاً عن فرانس برس» when only Al Jazeera's copy carried AFP's
dateline: a reader takes it that Al Arabiya quoted AFP. Now the hit's outlet is cited with the
agencies its own copy carried, each outlet in `also_reported_by` with its copy's (the hit's
`agency_credits` in the JSON), in the JSON, the console and the bot; the hit's `agencies`
(every copy's, as before) is kept for scripts that read it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import test_telegram as harness
from botapi_server import private_chat
from test_cli import ask_json, ingested, marsad
from test_telegram import ALICE, Bot, plain

from retrieval.engine import Marsad

server, start, bot = harness.server, harness.start, harness.bot

OCHA = ("أعلن مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية أن عدد قتلى الفيضانات في درنة بلغ "
        "11300 شخص، وأن 10100 شخص ما زالوا في عداد المفقودين.")
RATE = ("رفع البنك المركزي المصري أسعار الفائدة الأساسية 200 نقطة أساس في اجتماع لجنة السياسة "
        "النقدية يوم الخميس، في خطوة فاجأت معظم المحللين.")
ARTICLES = [
    # AFP's dateline in Al Jazeera's copy only; Al Arabiya printed the statement bare
    {"id": "ocha-jazeera", "title": "الأمم المتحدة: عدد قتلى درنة 11300", "source": "الجزيرة نت",
     "date": "2023-09-16", "text": f"جنيف (أ ف ب) {OCHA}\n\nوحذرت منظمة الصحة العالمية من "
                                   "انتشار الأمراض بسبب تلوث مياه الشرب."},
    {"id": "ocha-arabiya", "title": "أوتشا: 11300 قتيل في درنة", "source": "العربية",
     "date": "2023-09-16", "text": f"{OCHA}\n\nوأضاف المكتب أن 40 ألف شخص نزحوا من منازلهم."},
    # Reuters' copy in Sky News Arabia's, Anadolu's in Al-Sharq Al-Awsat's, none in Al Quds'
    {"id": "rate-sky", "title": "المركزي المصري يرفع الفائدة", "source": "سكاي نيوز عربية",
     "date": "2024-02-01", "text": f"القاهرة (رويترز) - {RATE}\n\nوقال البنك إن القرار يهدف إلى "
                                   "كبح التضخم."},
    {"id": "rate-awsat", "title": "مصر ترفع الفائدة 2 بالمئة", "source": "الشرق الأوسط",
     "date": "2024-02-01", "text": f"القاهرة/ الأناضول - {RATE}\n\nويأتي القرار قبل زيارة بعثة "
                                   "صندوق النقد."},
    {"id": "rate-quds", "title": "رفع مفاجئ للفائدة في مصر", "source": "القدس العربي",
     "date": "2024-02-02", "text": f"{RATE}\n\nويتوقع محللون مزيدا من الرفع في مارس."},
]


@pytest.fixture(scope="module")
def coverage(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("agency-per-outlet")
    path = folder / "articles.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), "utf-8")
    return ingested(folder, path, len(ARTICLES))


@pytest.fixture
async def engine(coverage):
    opened = await Marsad.open(coverage[1])
    try:
        yield opened
    finally:
        await opened.close()


def _credits(hit: dict) -> dict[str | None, list[str]]:
    """Outlet -> the agencies cited beside it, for the hit's outlet and every other."""
    out: dict[str | None, list[str]] = {hit["source"]: []}
    out.update((c["source"], []) for c in hit["also_reported_by"])
    for credit in hit["agency_credits"]:
        assert set(credit) == {"article_id", "source", "date", "agencies"}
        out[credit["source"]] += credit["agencies"]
    return out


def _hit_of(answer: dict, words: str) -> dict:
    [hit] = [h for h in answer["hits"] if words in h["text"]]
    return hit


def test_json_credits_each_agency_to_the_outlet_whose_copy_carried_it(coverage):
    ocha, rate = ask_json(coverage, "كم عدد قتلى فيضانات درنة بحسب الأمم المتحدة؟",
                          "بكم رفع البنك المركزي المصري الفائدة؟", k=3)
    hit = _hit_of(ocha, "11300")
    assert _credits(hit) == {"الجزيرة نت": ["فرانس برس"], "العربية": []}
    assert hit["agencies"] == ["فرانس برس"]  # every copy's, kept as it was
    hit = _hit_of(rate, "200 نقطة")
    assert _credits(hit) == {"سكاي نيوز عربية": ["رويترز"], "الشرق الأوسط": ["الأناضول"],
                             "القدس العربي": []}
    assert sorted(hit["agencies"]) == sorted(["رويترز", "الأناضول"])


def test_the_console_names_the_agency_beside_the_outlet_that_carried_it(coverage):
    folder, db = coverage
    shown = marsad("ask", "-k", "1", "كم عدد قتلى فيضانات درنة بحسب الأمم المتحدة؟",
                   cwd=folder, db=db).stdout
    assert "العربية نقلاً عن" not in shown
    assert "الجزيرة نت نقلاً عن فرانس برس" in shown
    shown = marsad("ask", "-k", "1", "بكم رفع البنك المركزي المصري الفائدة؟",
                   cwd=folder, db=db).stdout
    assert "سكاي نيوز عربية نقلاً عن رويترز" in shown
    assert "الشرق الأوسط نقلاً عن الأناضول" in shown
    assert "القدس العربي نقلاً" not in shown


async def test_the_bot_names_the_agency_beside_the_outlet_that_carried_it(bot: Bot) -> None:
    text = plain(await bot.ask(private_chat(ALICE), ALICE,
                               "كم عدد قتلى فيضانات درنة بحسب الأمم المتحدة؟"))
    assert "الجزيرة نت نقلاً عن فرانس برس" in text
    assert "العربية نقلاً عن" not in text


async def test_the_python_api_carries_the_same_credits(engine):
    answer = await engine.answer("بكم رفع البنك المركزي المصري الفائدة؟", k=3)
    [hit] = [h for h in answer.hits if "200 نقطة" in h.text]
    beside = {c.source: list(c.agencies) for c in hit.credited_outlets()}
    beside[hit.source] = hit.source_agencies
    assert beside == {"سكاي نيوز عربية": ["رويترز"], "الشرق الأوسط": ["الأناضول"],
                      "القدس العربي": []}
