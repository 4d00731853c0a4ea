"""An article dated only in its byline gets that date, in saved pages and in .txt articles.

Break pass: a page whose only date was its byline, `<div class="byline">بقلم: سالم العبيدي —
٢٨ صفر ١٤٤٥هـ الموافق ١٣ سبتمبر ٢٠٢٣</div>`, was ingested with an unknown date (trafilatura
drops the byline from the text); in a .txt article the same line was a passage of its own.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_cli import marsad

from retrieval.articles import dated_byline, parse_raw
from retrieval.html_pages import parse_html

BODY = ("<p>قال رئيس بلدية درنة إن عدد الوفيات قد يصل إلى عشرين ألفا بسبب حجم الدمار الذي "
        "خلفته العاصفة.</p><p>وانهار سدان على وادي درنة ليل الأحد، فجرفت المياه أحياء كاملة "
        "نحو البحر، بحسب شهود عيان.</p>")


def page(byline: str, *, around: str = "") -> str:
    return (f"<html lang='ar'><head><meta charset='utf-8'><title>الفيضانات تضرب درنة</title>"
            f"</head><body><nav><a href='/'>الرئيسية</a></nav>{around}<article>"
            f"<h1>الفيضانات تضرب درنة</h1>{byline}{BODY}</article>"
            f"<footer>جميع الحقوق محفوظة ٢٠٢٣</footer></body></html>")


SEPT_13 = dt.date(2023, 9, 13)


@pytest.mark.parametrize("byline", [
    "<div class='byline'>بقلم: سالم العبيدي — ٢٨ صفر ١٤٤٥هـ الموافق ١٣ سبتمبر ٢٠٢٣</div>",
    "<div class='byline'>بقلم: سالم العبيدي — ١٣ سبتمبر ٢٠٢٣</div>",
    "<p class='article-meta'>كتب: أحمد علي | الأربعاء 13 سبتمبر 2023</p>",
    "<span class='post-date'>الأربعاء، 13 أيلول 2023</span>",
    "<div id='author-box'>إعداد: منى حسن - 2023/09/13</div>",
    "<div class='entry-meta'><span class='author'>بقلم ريم خليل</span> "
    "<span class='date'>28 صفر 1445 هـ</span></div>",
])
def test_a_page_dated_only_in_its_byline_gets_that_date(byline: str) -> None:
    article = parse_html(page(byline), "derna")
    assert article.date == SEPT_13
    assert not any("بقلم" in p or "كتب:" in p or "إعداد" in p for p in article.paragraphs)


@pytest.mark.parametrize(("byline", "around"), [
    # two marked dates beside the heading that disagree: neither is trusted
    ("<span class='date'>13 سبتمبر 2023</span><span class='date'>20 مارس 2021</span>", ""),
    # a marked line that is prose, not a stamp or a byline
    ("<div class='meta'>وقعت الكارثة في 13 سبتمبر 2023 بعد أيام من الأمطار</div>", ""),
    # the site's "today" bar, outside the article
    ("", "<div class='date-today'>الخميس 30 نوفمبر 2026</div>"),
])
def test_no_date_is_taken_from_what_is_not_the_articles_byline(byline: str,
                                                               around: str) -> None:
    assert parse_html(page(byline, around=around), "derna").date is None


@pytest.mark.parametrize(("line", "date"), [
    ("بقلم: سالم العبيدي — ١٣ سبتمبر ٢٠٢٣", SEPT_13),
    ("كتب: أحمد علي | الأحد 13 سبتمبر 2023", SEPT_13),
    ("بقلم سالم العبيدي - 28 صفر 1445هـ الموافق 13 سبتمبر 2023", SEPT_13),
    ("إعداد: منى حسن - 2023-09-13", SEPT_13),
    ("By: Salem Obeidi | 13 September 2023", SEPT_13),
    ("كتب الوزير في 2023 رسالة إلى 13 سبتمبر", None),  # prose
    ("بقلم: سالم العبيدي", None),
])
def test_dated_byline(line: str, date: dt.date | None) -> None:
    assert dated_byline(line) == date


@pytest.mark.parametrize("line", [
    "بقلم: سالم العبيدي — ١٣ سبتمبر ٢٠٢٣",
    "بقلم سالم العبيدي - 28 صفر 1445هـ الموافق 13 سبتمبر 2023",
    "كتبت: سلمى يوسف / 13 سبتمبر 2023",
])
def test_a_txt_article_dated_in_its_byline(tmp_path: Path, line: str) -> None:
    said = "قال رئيس بلدية درنة إن عدد الوفيات قد يصل إلى عشرين ألفا."
    text = f"الفيضانات تضرب درنة\n{line}\n{said}\n"
    article = parse_raw(text, "derna")
    assert article.date == SEPT_13
    assert article.paragraphs == (said,)
    (tmp_path / "derna.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "m.db"
    assert marsad("ingest", str(tmp_path / "derna.txt"), cwd=tmp_path, db=db).returncode == 0
    assert "13 سبتمبر 2023" in marsad("sources", cwd=tmp_path, db=db).stdout


WIRE_DATELINES = [
    "موسكو - 13 سبتمبر 2023 (رويترز) -",
    "موسكو (رويترز) - 13 سبتمبر 2023",
    "بيونغيانغ، 13 سبتمبر 2023 (أ ف ب) -",
    "سيول - (يونهاب) ١٣ سبتمبر ٢٠٢٣",
    "درنة، الأربعاء 13 أيلول 2023 (وكالات)",
]


@pytest.mark.parametrize("dateline", WIRE_DATELINES)
def test_a_wire_dateline_dates_the_story_and_is_no_passage(dateline: str) -> None:
    article = parse_html(page(f"<p>{dateline}</p>"), "derna")
    assert article.date == SEPT_13
    assert len(article.paragraphs) == 2  # the dateline is not a passage of its own
    raw = parse_raw(f"الفيضانات تضرب درنة\n\n{dateline}\n\nقال رئيس بلدية درنة إن عدد الوفيات "
                    "قد يصل إلى عشرين ألفا بسبب حجم الدمار.", "derna")
    assert raw.date == SEPT_13
    assert [p for p in raw.paragraphs if "13" in p or "١٣" in p] == []


@pytest.mark.parametrize("line", [
    "بوتين يلتقي كيم (رويترز) 13 سبتمبر 2023",  # a headline-like sentence
    "ذكرت وكالة (رويترز) أن الزعيمين التقيا في 13 سبتمبر 2023 في قاعدة فوستوتشني الفضائية "
    "وتبادلا الهدايا قبل أن يغادر كيم",  # prose
])
def test_prose_crediting_an_agency_beside_a_date_is_neither_date_nor_dropped(line: str) -> None:
    article = parse_html(page(f"<p>{line}</p>"), "derna")
    assert article.date is None
    assert any(line[:12] in p for p in article.paragraphs)


@pytest.mark.parametrize("dateline", [
    "موسكو - 13 سبتمبر 2023 (رويترز) -",
    "بيونغيانغ، 13 سبتمبر 2023 (أ ف ب) –",
    "بنغازي - الأربعاء 13 أيلول 2023 (وكالات) —",
    "سيول - ١٣ سبتمبر ٢٠٢٣ (يونهاب) -",
])
def test_a_wire_dateline_glued_to_the_first_paragraph_dates_it_and_is_cut(dateline: str
                                                                           ) -> None:
    """Wire copy prints its dateline at the start of the first paragraph, not on a line of
    its own (newcomer5): the story takes its date and the passage starts with the news."""
    first = "قال رئيس بلدية درنة إن عدد الوفيات قد يصل إلى عشرين ألفا بسبب حجم الدمار."
    raw = parse_raw(f"الفيضانات تضرب درنة\n\n{dateline} {first}\n\nوانهار سدان على وادي درنة "
                    "ليل الأحد.", "derna")
    assert raw.date == SEPT_13
    assert raw.paragraphs[0] == first


def test_a_later_paragraph_opening_like_a_dateline_keeps_its_words() -> None:
    """Only the top of the article holds its dateline: a later paragraph quoting a dated
    wire report stays whole, and gives no date."""
    later = "موسكو - 13 سبتمبر 2023 (رويترز) - هكذا افتتحت الوكالة خبرها عن الزيارة الأولى."
    raw = parse_raw("الفيضانات تضرب درنة\n\nقال رئيس بلدية درنة إن الوفيات بالآلاف.\n\n"
                    "وانهار سدان على وادي درنة ليل الأحد.\n\nوأعلنت السلطات الحداد.\n\n"
                    "وتواصلت عمليات البحث.\n\nوقال مسؤول إن المساعدات وصلت.\n\n" + later,
                    "derna")
    assert raw.date is None
    assert raw.paragraphs[-1] == later


@pytest.mark.parametrize("dateline", [
    "عمّان -",
    "تونس (وات) -",
    "الدار البيضاء –",
    "إدلب-",
    "عمان- «القدس العربي»:",
    "بيروت (د ب أ) —",
])
def test_an_undated_dateline_opening_the_first_paragraph_is_cut(dateline: str) -> None:
    """Wire and press copy open the first paragraph with the place (and the agency) but no
    day: the cited passage starts with the news, and no date is made up from it."""
    first = "أقر مجلس النواب مشروع قانون الموازنة العامة بأغلبية 75 نائبا بعد نقاش طويل."
    raw = parse_raw(f"النواب يقرون الموازنة\n\n{dateline} {first}\n\nوحجب 35 نائبا الثقة "
                    "عن الموازنة.", "budget")
    assert raw.paragraphs[0] == first
    assert raw.date is None


@pytest.mark.parametrize("first", [
    "قال الرئيس - في كلمة متلفزة مساء أمس - إن البلاد تواجه أزمة اقتصادية حادة.",
    "روسيا - أوكرانيا: جولة جديدة من المحادثات في إسطنبول الأسبوع المقبل بحضور الوسطاء.",
    "أعلنت وزارة الصحة - في بيان - تسجيل إصابات جديدة بالحصبة في ثلاث محافظات.",
])
def test_a_first_paragraph_with_a_dash_of_its_own_keeps_its_words(first: str) -> None:
    """A dash-parenthesis or a two-country lead is the paragraph's own text, not a dateline."""
    raw = parse_raw(f"عنوان الخبر\n\n{first}\n\nوتابعت الوزارة الوضع عن كثب.", "x")
    assert raw.paragraphs[0] == first
