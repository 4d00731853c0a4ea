"""The many ways a news page states its publication date, and the dates it must not take.

Site templates differ: microdata on a visible span, hAtom's `<abbr class="published">`,
a `<time>` with only printed text, `<meta name="date">`, Dublin Core in any case,
Parse.ly / Sailthru tags, a compact `20230913`, JSON-LD `dateCreated` without
`datePublished`. A modification date, or another story's date in a sidebar, is never
the article's.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from test_cli import marsad

from retrieval.html_pages import parse_html

BODY = ("<p>التقى الرئيس الروسي فلاديمير بوتين الزعيم الكوري الشمالي كيم جونغ أون في قاعدة"
        " فوستوتشني الفضائية وبحثا التعاون العسكري والفضائي بين البلدين.</p>"
        "<p>وقال الكرملين إن المحادثات استمرت عدة ساعات وإن الجانبين اتفقا على مواصلة"
        " الاتصالات على مستوى وزراء الخارجية في الأشهر المقبلة.</p>")
TITLE = "لقاء القمة في الشرق الأقصى"


def page(head: str = "", top: str = "", bottom: str = "") -> str:
    return (f'<html><head><meta charset="utf-8"><title>{TITLE}</title>{head}</head><body>'
            f"<h1>{TITLE}</h1>{top}{BODY}{bottom}</body></html>")


STATED = {
    "microdata span": page(top='<span itemprop="datePublished" content="2023-09-13T09:00:00'
                               '+03:00">منذ سنة</span>'),
    "microdata time text": page(top='<div itemprop="datePublished">13 سبتمبر 2023</div>'),
    "hAtom abbr": page(top='<abbr class="published updated" title="2023-09-13T09:00:00">'
                           "قبل عام</abbr>"),
    "time without datetime": page(top="<time>الأربعاء 13 سبتمبر 2023</time>"),
    "time in Arabic-Indic digits": page(top="<time>١٣ سبتمبر ٢٠٢٣</time>"),
    "meta name=date": page(head='<meta name="date" content="2023-09-13">'),
    "Dublin Core capitalised": page(head='<meta name="DC.Date.Issued" content="2023-09-13">'),
    "dcterms.created": page(head='<meta name="dcterms.created" content="2023-09-13">'),
    "parse.ly": page(head='<meta name="parsely-pub-date" content="2023-09-13T06:00:00Z">'),
    "sailthru": page(head='<meta name="sailthru.date" content="2023-09-13 06:00:00">'),
    "compact pubdate": page(head='<meta name="pubdate" content="20230913">'),
    "JSON-LD dateCreated": page(head='<script type="application/ld+json">{"@type": '
                                     '"NewsArticle", "headline": "لقاء القمة في الشرق الأقصى",'
                                     ' "dateCreated": "2023-09-13T09:00:00Z", "dateModified":'
                                     ' "2023-10-01T09:00:00Z"}</script>'),
}


@pytest.mark.parametrize("html", STATED.values(), ids=STATED.keys())
def test_every_way_a_page_states_its_date(html):
    assert parse_html(html, article_id="page").date == dt.date(2023, 9, 13)


UNSTATED = {
    "only a modification date": page(head='<meta property="og:updated_time" '
                                          'content="2023-09-20T09:00:00Z"><meta '
                                          'property="article:modified_time" content="2023-09-20">'),
    "JSON-LD dateModified only": page(head='<script type="application/ld+json">{"@type": '
                                           '"NewsArticle", "dateModified": "2023-09-20"}</script>'),
    "another story's microdata in a sidebar": page(bottom=(
        '<aside><ul><li itemscope><a href="/x">ماكرون في بيروت</a><span itemprop="datePublished"'
        ' content="2023-09-20">20 سبتمبر</span></li></ul></aside>')),
    "a time with only a clock": page(top="<time>10:45</time>"),
    "a compact number that is no date": page(head='<meta name="pubdate" content="202309131">'),
}


@pytest.mark.parametrize("html", UNSTATED.values(), ids=UNSTATED.keys())
def test_no_date_is_taken_from_what_does_not_state_publication(html):
    assert parse_html(html, article_id="page").date is None


def test_ingested_pages_show_the_dates_their_markup_states(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    for number, html in enumerate(STATED.values()):
        (folder / f"page{number}.html").write_text(html.replace(TITLE, f"{TITLE} {number}"),
                                                   encoding="utf-8")
    db = tmp_path / "news.db"
    assert marsad("ingest", str(folder), cwd=tmp_path, db=db).returncode == 0
    listed = json.loads(marsad("sources", "--json", cwd=tmp_path, db=db).stdout)
    assert len(listed) == len(STATED)
    assert {article["date"] for article in listed} == {"2023-09-13"}


def table_page(date_cell: str, sidebar: str = "") -> bytes:
    """An old table-laid site, in windows-1256: the heading in one cell, its date in the
    next row (trafilatura keeps neither line in the text)."""
    return (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
        "<title>موسكو وبيونغيانغ توقعان اتفاقا</title></head><body><table><tr><td>"
        f'<font class="title">موسكو وبيونغيانغ توقعان اتفاقا</font></td></tr>{date_cell}'
        "<tr><td><p>وقعت روسيا وكوريا الشمالية اتفاقا للتعاون في مجالات الزراعة والتعليم "
        "والرياضة خلال زيارة الزعيم كيم جونغ أون إلى الشرق الأقصى الروسي.</p><p>وقال وزير "
        "الموارد الطبيعية الروسي إن اللجنة الحكومية المشتركة ستجتمع في بيونغيانغ في نوفمبر "
        f"المقبل لبحث التفاصيل.</p></td></tr></table>{sidebar}</body></html>"
    ).encode("cp1256")


@pytest.mark.parametrize("date_cell", [
    '<tr><td class="date">الخميس 14 سبتمبر 2023</td></tr>',
    '<tr><td><span class="post-date">14/09/2023</span></td></tr>',
    '<tr><td class="meta">نشر في: 28 صفر 1445 هـ</td></tr>',
])
def test_a_table_laid_page_dated_in_the_row_under_its_heading(date_cell):
    article = parse_html(table_page(date_cell), article_id="old-site")
    assert article.title == "موسكو وبيونغيانغ توقعان اتفاقا"
    assert article.date in (dt.date(2023, 9, 14), dt.date(2023, 9, 13))  # 28 Safar: 13th or 14th
    assert len(article.paragraphs) == 2


def test_a_table_laid_page_takes_no_date_from_another_table_or_two_disagreeing_rows():
    sidebar = '<table><tr><td class="date">الأحد 1 أكتوبر 2023</td></tr></table>'
    assert parse_html(table_page("", sidebar), article_id="old-site").date is None
    two = ('<tr><td class="date">الخميس 14 سبتمبر 2023</td></tr>'
           '<tr><td class="date">الأحد 1 أكتوبر 2023</td></tr>')
    assert parse_html(table_page(two), article_id="old-site").date is None


def test_ingesting_a_table_laid_page_prints_no_extractor_chatter(tmp_path):
    (tmp_path / "old.html").write_bytes(
        table_page('<tr><td class="date">الخميس 14 سبتمبر 2023</td></tr>'))
    db = tmp_path / "news.db"
    run = marsad("ingest", str(tmp_path / "old.html"), cwd=tmp_path, db=db)
    assert run.returncode == 0
    assert "trafilatura" not in run.stderr and "WARNING" not in run.stderr, run.stderr
    [listed] = json.loads(marsad("sources", "--json", cwd=tmp_path, db=db).stdout)
    assert listed["date"] == "2023-09-14"


EPOCHS = ["1970-01-01T00:00:00Z", "1970-01-01", "Thu, 01 Jan 1970 00:00:00 +0000",
          "1900-01-01 00:00:00"]


@pytest.mark.parametrize("epoch", EPOCHS)
def test_a_cms_placeholder_date_is_no_date_and_the_page_may_still_state_one(epoch):
    head = f'<meta property="article:published_time" content="{epoch}">'
    assert parse_html(page(head=head), article_id="page").date is None
    stated = parse_html(page(head=head, top="<time datetime='2023-09-13'>13 سبتمبر</time>"),
                        article_id="page")
    assert stated.date == dt.date(2023, 9, 13)


@pytest.mark.parametrize("epoch", EPOCHS)
def test_placeholder_dates_in_feeds_jsonl_and_txt_are_unknown_not_1970(tmp_path, epoch):
    from retrieval.articles import parse_jsonl_line, parse_raw
    from retrieval.feeds import parse_feed

    feed = (f"<rss version='2.0'><channel><title>وكالة</title><item><title>خبر</title><link>"
            f"https://a.example/1</link><pubDate>{epoch}</pubDate></item></channel></rss>")
    assert [item.date for item in parse_feed(feed.encode(), "feed.xml")] == [None]
    line = json.dumps({"id": "j", "title": "خبر", "source": "وكالة", "date": epoch.split("T")[0],
                       "text": "نص الخبر عن القمة."}, ensure_ascii=False)
    if "," not in epoch:  # JSONL takes ISO and printed dates; the placeholder is null
        assert parse_jsonl_line(line, "a.jsonl:1").date is None
    raw = parse_raw(f"عنوان الخبر\n\nتاريخ النشر: {epoch}\n\nنص الخبر الطويل عن القمة بين "
                    "الزعيمين في الشرق الأقصى الروسي.", "raw")
    assert raw.date is None
