"""A newsroom's own coverage, as a newsroom ingests and asks it (break6).

tests/data/newsroom6/ holds fourteen articles written for this test on events the seeds never
cover (a flood in Kassala, Jordan's 2024 budget vote, a football transfer, a Tunisian court
verdict, a strike at Umm Qasr port, an OPEC+ decision, a measles campaign), several outlets
reporting the same event in their own words and with their own figures: a JSONL file, a
folder of raw `.txt` pages and three HTML pages served by a local site. Each test states
what a reader of those pages concludes or expects from an answer.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from newsroom_server import NewsroomSite
from test_cli import marsad

from retrieval.articles import parse_raw

DATA = Path(__file__).parent / "data" / "newsroom6"
PAGES = ("alaraby-kassala.html", "shafaq-port-strike.html", "alarabiya-opec.html")

BODY = (
    "وقع الدولي المغربي أيوب الكعبي على عقد انتقاله إلى نادي الاتحاد السعودي، في صفقة "
    "قدرت بـ18 مليون يورو.",
    "وأكد الكعبي أنه اختار جدة من أجل الفوز بالبطولات وأنه يأمل أن يكون في مستوى تطلعات "
    "الجمهور.",
)
HEADLINE = "الكعبي يوقع للاتحاد السعودي مقابل 18 مليون يورو"


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory) -> tuple[Path, Path]:
    """(folder, database) holding the fourteen articles, ingested as a user does."""
    folder = tmp_path_factory.mktemp("newsroom6")
    site = NewsroomSite().start()
    try:
        urls = [site.page(f"/{name}", (DATA / "html" / name).read_text("utf-8"),
                          content_type="text/html; charset=utf-8") for name in PAGES]
        db = folder / "news.db"
        result = marsad("ingest", str(DATA / "articles.jsonl"), str(DATA / "txt"), *urls,
                        cwd=folder, db=db)
    finally:
        site.stop()
    assert result.returncode == 0, result.stderr
    assert "added 14" in result.stdout
    return folder, db


def ask(newsroom: tuple[Path, Path], *questions: str, k: int = 3) -> list[dict]:
    folder, db = newsroom
    result = marsad("ask", "--json", "-k", str(k), cwd=folder, db=db,
                    stdin="".join(q + "\n" for q in questions))
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def sources(newsroom: tuple[Path, Path]) -> dict[str, tuple[str | None, str | None]]:
    folder, db = newsroom
    result = marsad("sources", "--json", cwd=folder, db=db)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    return {row["id"].rsplit("/", 1)[-1]: (row["source"], row["date"]) for row in rows}


# --- an outlet's name printed beside the day ------------------------------------------

@pytest.mark.parametrize(("stamp", "outlet", "date"), [
    ("هسبريس - الخميس 03/07/2025", "هسبريس", dt.date(2025, 7, 3)),
    ("سكاي نيوز عربية - الإثنين 12 أغسطس 2024", "سكاي نيوز عربية", dt.date(2024, 8, 12)),
    ("12 أغسطس 2024 | العربية.نت", "العربية.نت", dt.date(2024, 8, 12)),
    ("الجزيرة نت - 28 صفر 1445هـ", "الجزيرة نت", dt.date(2023, 9, 13)),
    ("صحيفة الغد، السبت 27 كانون الثاني 2024", "صحيفة الغد", dt.date(2024, 1, 27)),
    # a place, or a body that is no outlet, beside the day credits nobody
    ("بيروت - الأحد 10 مارس 2024", None, dt.date(2024, 3, 10)),
    ("مجلس النواب - 27 كانون الثاني 2024", None, dt.date(2024, 1, 27)),
])
@pytest.mark.parametrize("above", [True, False])
def test_an_outlets_name_beside_the_day_credits_it_and_is_no_passage(stamp, outlet, date,
                                                                       above):
    header = (stamp, HEADLINE) if above else (HEADLINE, stamp)
    article = parse_raw("\n".join((*header, *BODY)), "p")
    assert (article.title, article.source, article.date, article.paragraphs) == (
        HEADLINE, outlet, date, BODY)


def test_each_article_cites_the_outlet_and_date_its_page_prints(newsroom):
    assert sources(newsroom) == {
        "jazeera-kassala-flood": ("الجزيرة نت", "2024-08-12"),
        "sky-kassala-toll": ("سكاي نيوز عربية", "2024-08-12"),
        "kassala-red-crescent": ("العربي الجديد", "2024-08-13"),  # JSON-LD, not dateModified
        "petra-budget-2024": ("وكالة الأنباء الأردنية (بترا)", "2024-01-27"),  # 15 رجب 1445هـ
        "alghad-budget": ("صحيفة الغد", "2024-01-27"),  # السابع والعشرون من كانون الثاني
        "bein-kaabi-ittihad": ("بي إن سبورتس", "2025-07-03"),
        "hespress-kaabi": ("هسبريس", "2025-07-03"),  # `هسبريس - الخميس 03/07/2025`
        "mosaique-haddad-verdict": ("موزاييك إف إم", "2024-11-14"),  # 12 جمادى الأولى 1446هـ
        "tap-haddad": ("وكالة تونس أفريقيا للأنباء", "2024-11-14"),
        "umm-qasr-strike-day-three": ("شفق نيوز", "2025-03-04"),  # <time datetime>
        "sumaria-port-deal": ("السومرية نيوز", "2025-03-06"),
        "opec-plus-extends-cuts": ("العربية.نت", "2024-06-02"),
        "asharq-opec-cuts": ("الشرق للأخبار", "2024-06-02"),  # ٢ يونيو ٢٠٢٤
        "un-yemen-measles": ("أخبار الأمم المتحدة", "2025-02-10"),
    }


def test_what_an_outlet_said_is_that_outlets_passage(newsroom):
    [answer] = ask(newsroom, "ماذا قالت هسبريس عن الكعبي؟")
    assert answer["answered"]
    assert {hit["source"] for hit in answer["hits"]} == {"هسبريس"}


# --- a day written in words ------------------------------------------------------------

@pytest.mark.parametrize(("printed", "expected"), [
    ("السبت، السابع والعشرون من كانون الثاني 2024", dt.date(2024, 1, 27)),
    ("الخامس عشر من رجب 1445هـ", dt.date(2024, 1, 27)),
    ("الأول من أيار 2024", dt.date(2024, 5, 1)),
    ("الحادي والثلاثين من ديسمبر 2023", dt.date(2023, 12, 31)),
    ("الثاني عشر من شهر مارس 2025", dt.date(2025, 3, 12)),
    ("العشرين من يونيو 2024", dt.date(2024, 6, 20)),
    ("الخميس الثالث من تشرين الأول 2024", dt.date(2024, 10, 3)),
    ("الثاني من كانون الثاني 2024", dt.date(2024, 1, 2)),
    ("27 كانون الثاني 2024", dt.date(2024, 1, 27)),
    # no real day, or no day at all: no date
    ("الحادي والثلاثين من فبراير 2024", None),
    ("العاشر عشر من مارس 2024", None),
    ("الربع الثالث من 2024", None),
])
def test_a_day_written_in_words_dates_the_page_and_is_no_passage(printed, expected):
    article = parse_raw("\n".join((HEADLINE, printed, *BODY)), "p")
    assert (article.title, article.date, article.paragraphs) == (HEADLINE, expected, BODY)
