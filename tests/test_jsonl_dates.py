"""A JSONL article's date as scrapers and newsrooms write it, not only YYYY-MM-DD.

Break pass: `"date": "2023-09-14T08:30:00+01:00"` (what most scrapers emit), `"١٤ سبتمبر
٢٠٢٣"`, `"28 صفر 1445هـ"` and `"14/09/2023"` each cost the whole article ("date must be
YYYY-MM-DD"); the rest of the batch went in without them.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from test_cli import marsad

from retrieval.articles import ArticleError, parse_jsonl_line
from retrieval.html_pages import parse_html

SEPT_14 = dt.date(2023, 9, 14)


def line(date: object) -> str:
    return json.dumps({"id": "a1", "title": "عنوان", "source": "عكاظ", "date": date,
                       "text": "نص المقال عن موسم الحج وأعداد الحجاج."}, ensure_ascii=False)


@pytest.mark.parametrize(("date", "day"), [
    ("2023-09-14", SEPT_14),
    ("2023-09-14T08:30:00+01:00", SEPT_14),
    ("2023-09-14T23:30:00-05:00", SEPT_14),  # the day the outlet printed, not converted
    ("2023-09-14 08:30:00", SEPT_14),
    ("١٤ سبتمبر ٢٠٢٣", SEPT_14),
    ("الخميس 14 أيلول 2023", SEPT_14),
    ("14/09/2023", SEPT_14),
    ("١٤/٠٩/٢٠٢٣", SEPT_14),
    ("29 صفر 1445هـ", SEPT_14),
    (None, None),
    ("", None),
    ("  ", None),
])
def test_dates_as_written_are_read(date: object, day: dt.date | None) -> None:
    assert parse_jsonl_line(line(date), "f.jsonl:1").date == day


@pytest.mark.parametrize("date", ["yesterday", 1694649600, "3/5/2024", "2023-02-30",
                                  "منذ ساعتين", ["2023-09-14"]])
def test_an_unreadable_date_is_named_with_what_is_accepted(date: object) -> None:
    with pytest.raises(ArticleError) as caught:
        parse_jsonl_line(line(date), "f.jsonl:3")
    said = str(caught.value)
    assert said.startswith("f.jsonl:3: ") and ("YYYY-MM-DD" in said or "calendar" in said)


@pytest.mark.parametrize("date", ["3/5/2024", "03-05-24", "12.11.2023"])
def test_a_date_that_reads_both_ways_says_so(date: str) -> None:
    """Newcomer pass: «3/5/2024 cannot be read» did not say why; 14/09/2023 is read."""
    with pytest.raises(ArticleError) as caught:
        parse_jsonl_line(line(date), "f.jsonl:3")
    assert "both" in str(caught.value) and "14/09/2023" in str(caught.value)


def test_ingest_keeps_them_all(tmp_path: Path) -> None:
    feed = tmp_path / "scraped.jsonl"
    dates = ["2023-09-14T08:30:00+01:00", "١٤ سبتمبر ٢٠٢٣", "14/09/2023", "yesterday"]
    feed.write_text("\n".join(json.dumps({
        "id": f"s{i}", "title": f"عنوان {i}", "source": "الشروق", "date": d,
        "text": f"نص المقال رقم {i} عن الانتخابات البلدية."}, ensure_ascii=False)
        for i, d in enumerate(dates)) + "\n", encoding="utf-8")
    done = marsad("ingest", str(feed), cwd=tmp_path, db=tmp_path / "m.db")
    assert done.returncode == 1 and "added 3," in done.stdout
    assert "scraped.jsonl:4" in done.stderr and "yesterday" in done.stderr
    listed = json.loads(marsad("sources", "--json", cwd=tmp_path, db=tmp_path / "m.db").stdout)
    assert sorted(a["date"] for a in listed) == ["2023-09-14"] * 3


@pytest.mark.parametrize(("stated", "day"), [
    ("1445-02-29", SEPT_14),  # a Hijri year in ISO form (some Saudi sites' metadata)
    ("1445-02-29T09:00:00+03:00", SEPT_14),
    ("29/02/1445", SEPT_14),
    ("2023-09-14", SEPT_14),
    ("0023-09-14", None),  # a typo, in neither calendar's range
    ("2999-09-14", None),
    ("1445-13-01", None),  # no thirteenth Hijri month
])
def test_numeric_dates_with_hijri_years_are_converted(stated: str, day: dt.date | None) -> None:
    """Break pass: `article:published_time` 1445-02-28 was cited as «28 فبراير 1445»."""
    page = ("<html lang='ar'><head><meta charset='utf-8'><title>موسم الحج</title>"
            f"<meta property='article:published_time' content='{stated}'></head><body>"
            "<article><h1>موسم الحج</h1><p>وصل أكثر من مليون حاج إلى مكة المكرمة حتى الآن "
            "بحسب الهيئة العامة للإحصاء.</p></article></body></html>")
    assert parse_html(page, "hajj").date == day
    if day is not None:
        assert parse_jsonl_line(line(stated), "f.jsonl:1").date == day
    else:
        with pytest.raises(ArticleError):
            parse_jsonl_line(line(stated), "f.jsonl:1")
