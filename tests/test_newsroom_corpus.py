"""A newsroom's own coverage, as a newsroom ingests and asks it (break6).

tests/data/newsroom6/ holds sixteen articles written for this test on events the seeds never
cover (a flood in Kassala, Jordan's 2024 budget vote, a football transfer, a Tunisian court
verdict, a strike at Umm Qasr port, an OPEC+ decision, a measles campaign), several outlets
reporting the same event in their own words and with their own figures: a JSONL file, a
folder of raw `.txt` pages and three HTML pages served by a local site. Each test states
what a reader of those pages concludes or expects from an answer.

tests/data/newsroom6/questions.jsonl (for `marsad eval … --db` over this corpus, measure
only, no test reads it) holds the questions that still failed when this round ended:
written after seeing them fail, so its figures are no estimate of anything.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from newsroom_server import NewsroomSite
from test_cli import ask_json as ask
from test_cli import marsad

from retrieval.articles import parse_raw
from retrieval.corroborate import numbers

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
    """(folder, database) holding the sixteen articles, ingested as a user does."""
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
    assert "added 16" in result.stdout
    return folder, db


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
        "roya-budget": ("رؤيا نيوز", "2024-01-27"),
        "ammon-kassala": ("عمون", "2024-08-12"),
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


# --- an outlet is credited only with the figures it printed -----------------------------

FIGURE_QUESTIONS = (
    "كم شخصا لقي حتفه في سيول كسلا؟",  # الجزيرة نت 27, عمون 29 (the same sentence otherwise)
    "كم عدد قتلى سيول كسلا؟",
    "بكم صوت أقرت الموازنة؟",  # بترا 74, رؤيا 75 (the same paragraph otherwise)
    "كم نائبا وافق على الموازنة؟",
    "كم منزلا دمرت السيول؟",
    "كم تبلغ النفقات العامة في الموازنة؟",
)


def printed(newsroom: tuple[Path, Path]) -> dict[str, frozenset[str]]:
    """Each article's numbers, as its passages print them."""
    import sqlite3
    with sqlite3.connect(newsroom[1]) as db:
        rows = db.execute("SELECT article_id, group_concat(text, ' ') FROM passages "
                          "GROUP BY article_id").fetchall()
    return {article: frozenset(re.findall(r"\d+", text)) for article, text in rows}


def test_no_outlet_is_credited_with_a_figure_it_did_not_print(newsroom):
    said = printed(newsroom)
    credited = 0
    for answer in ask(newsroom, *FIGURE_QUESTIONS, k=5):
        for hit in answer["hits"]:
            figures = set(re.findall(r"\d+", hit["sentence"] or hit["text"]))
            for other in hit["also_reported_by"]:
                credited += 1
                assert figures <= said[other["article_id"]], (answer["question"], hit, other)
    assert credited  # the same figures are still credited (spending, houses destroyed)


@pytest.mark.parametrize(("question", "figures"), [
    ("كم شخصا لقي حتفه في سيول كسلا؟", {"27": {"الجزيرة نت"}, "29": {"عمون"}}),
    ("بكم صوت أقرت الموازنة؟",
     {"74": {"وكالة الأنباء الأردنية (بترا)"}, "75": {"رؤيا نيوز", "صحيفة الغد"}}),
])
def test_outlets_that_differ_on_a_figure_each_show_their_own(newsroom, question, figures):
    [answer] = ask(newsroom, question, k=5)
    for figure, outlets in figures.items():
        shown = {hit["source"] for hit in answer["hits"]
                 if re.search(rf"(?<!\d){figure}(?!\d)", hit["text"])}
        assert shown and shown <= outlets, (figure, shown)


def test_the_same_statement_with_the_same_figures_is_credited_once(newsroom):
    [answer] = ask(newsroom, "كم تبلغ النفقات العامة في الموازنة؟", k=3)
    top = answer["hits"][0]
    outlets = {top["source"], *(o["source"] for o in top["also_reported_by"])}
    assert "12.4" in top["text"]
    assert outlets == {"وكالة الأنباء الأردنية (بترا)", "رؤيا نيوز"}


@pytest.mark.parametrize(("terms", "expected"), [
    (("لقي", "27", "شخصا"), {"27"}),
    (("ب18", "ملي", "يورو"), {"18"}),
    (("بنسب", "0", "8"), {"0", "8"}),
    (("قال", "وزير"), set()),
])
def test_numbers_are_the_figures_a_statement_prints(terms, expected):
    assert numbers(terms) == expected


# --- an outlet named without its `نت` --------------------------------------------------

@pytest.mark.parametrize(("question", "outlet"), [
    ("ماذا قالت العربية عن أوبك؟", "العربية.نت"),
    ("ماذا قالت العربية نت عن تخفيضات الإنتاج؟", "العربية.نت"),
    ("ماذا قالت Al Arabiya عن أوبك؟", "العربية.نت"),
    ("ماذا قالت الجزيرة عن سيول كسلا؟", "الجزيرة نت"),
    ("ماذا قالت الجزيرة نت عن سيول كسلا؟", "الجزيرة نت"),
])
def test_an_outlet_named_without_its_net_is_the_coverages_outlet(newsroom, question, outlet):
    [answer] = ask(newsroom, question)
    assert answer["answered"]
    assert "outlet_not_covered" not in answer
    assert {hit["source"] for hit in answer["hits"]} == {outlet}


def test_an_outlet_the_coverage_lacks_is_still_reported_missing(newsroom):
    [answer] = ask(newsroom, "ماذا قالت بي بي سي عن سيول كسلا؟")
    assert answer["outlet_not_covered"] == "بي بي سي"
    assert "بي بي سي" not in {hit["source"] for hit in answer["hits"]}


# --- the bot suggests questions its own coverage answers -----------------------------

async def test_start_suggests_the_newsrooms_own_headlines_and_they_are_answered(
        newsroom, tmp_path):
    import shutil

    from botapi_server import BotAPIServer, private_chat, running, user

    from bot.config import Config
    from bot.telegram_render import EXAMPLES
    from retrieval.engine import Marsad

    db = tmp_path / "bot.db"
    shutil.copy(newsroom[1], db)
    token = "".join(["1234", "567", ":", "A" * 35])
    reader = user(1001, "Alice", "alice")
    engine = await Marsad.open(db)
    try:
        async with BotAPIServer(token) as server:
            config = Config()
            config.storage.db, config.telegram.token = str(db), token
            config.telegram.base_url = server.base_url
            async with running(config, engine):
                chat = private_chat(reader)
                server.message(chat, reader, "/start")
                [sent] = await server.wait_for(lambda: server.sent(chat["id"]))
        text = sent["_result"]["text"]
        suggested = text.split("أمثلة:\n", 1)[1].split("\n\n", 1)[0].splitlines()
        assert len(suggested) == 2
        assert not any(example in text for example in EXAMPLES)  # no Putin–Kim here
        assert "/compare الهدايا" not in text
        for line in suggested:
            answer = await engine.answer(line.removeprefix("• "))
            assert answer.answered, line
    finally:
        await engine.close()


# --- «أخبار X» asks about X ----------------------------------------------------------

@pytest.mark.parametrize(("question", "subject"), [
    ("أخبار كسلا", "كسلا"),
    ("آخر أخبار أم قصر", "أم قصر"),
    ("أخبار الحصبة في اليمن", "الحصبة"),
    ("شو أخبار الموازنة؟", "الموازنة"),
    ("الأخبار عن أوبك", "أوبك"),
])
def test_news_of_a_subject_is_answered_by_passages_on_it(newsroom, question, subject):
    [answer] = ask(newsroom, question)
    assert answer["answered"]
    assert subject in answer["hits"][0]["text"]
    assert not any("اختار" in hit["text"] for hit in answer["hits"])  # «news» is no word asked
