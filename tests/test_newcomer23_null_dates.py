"""A content system's stand-in for "no date" is no date, on every path an article comes in by.

A feed's `Mon, 01 Jan 0001` (Hugo's zero time) was cited as 1 January 2001 (RFC 822's
two-digit-year widening), an Atom `<updated>1446-11-05` as November 1446, a JSON Feed's
`0001-01-01T00:00:00Z` as the year 1; a JSONL line dated `0000-00-00 00:00:00` (MySQL's zero
date) or `9999-12-31` was skipped whole, told to "give YYYY-MM-DD".
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from retrieval.articles import ArticleError, parse_json_record
from retrieval.feeds import parse_feed

TEXT = "أعلنت البلدية إغلاق الطريق الساحلي ثلاثة أيام لصيانة الجسر الرئيسي في المدينة."


def _rss(pub_date: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>مدونة المدينة</title><link>https://city.example/</link>
<item><title>إغلاق الطريق</title><link>https://city.example/news/road-closure</link>
<pubDate>{pub_date}</pubDate></item></channel></rss>""".encode()


def _atom(updated: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>جريدة الساحل</title><id>urn:f</id>
<entry><title>إغلاق الطريق</title><id>urn:e</id>
<link href="https://coast.example/news/road-closure"/><updated>{updated}</updated></entry>
</feed>""".encode()


def _json_feed(published: str) -> bytes:
    return json.dumps({
        "version": "https://jsonfeed.org/version/1.1", "title": "نشرة الواحة",
        "items": [{"id": "1", "url": "https://oasis.example/news/road-closure",
                   "title": "إغلاق الطريق", "date_published": published}]},
        ensure_ascii=False).encode()


def _sitemap(published: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://desert.example/news/road-closure</loc><news:news>
<news:publication><news:name>صحيفة الصحراء</news:name><news:language>ar</news:language>
</news:publication><news:publication_date>{published}</news:publication_date>
<news:title>إغلاق الطريق</news:title></news:news></url></urlset>""".encode()


NO_DAY_RFC822 = ["Mon, 01 Jan 0001 00:00:00 +0000", "Sat, 01 Jan 1000 00:00:00 GMT",
                 "Fri, 31 Dec 9999 23:59:59 +0000", "Wed, 05 Mar 0024 10:00:00 +0300"]
NO_DAY_ISO = ["0001-01-01T00:00:00Z", "1000-01-01", "0000-00-00 00:00:00",
              "9999-12-31T23:59:59Z", "0024-03-05"]


@pytest.mark.parametrize("stamp", NO_DAY_RFC822 + NO_DAY_ISO)
def test_rss_item_with_a_stand_in_date_is_undated(stamp: str) -> None:
    [item] = parse_feed(_rss(stamp), "rss")
    assert item.date is None


@pytest.mark.parametrize("stamp", NO_DAY_ISO)
@pytest.mark.parametrize("feed", [_atom, _json_feed, _sitemap])
def test_atom_json_feed_and_sitemap_stand_ins_are_undated(feed, stamp: str) -> None:
    [item] = parse_feed(feed(stamp), "feed")
    assert item.date is None


@pytest.mark.parametrize("feed", [_atom, _json_feed, _sitemap])
def test_a_numeric_hijri_date_in_a_feed_is_converted_not_read_as_gregorian(feed) -> None:
    [item] = parse_feed(feed("1445-02-28T09:00:00+03:00"), "feed")
    assert item.date == dt.date(2023, 9, 13)  # 28 Safar 1445, Umm al-Qura


@pytest.mark.parametrize("feed,stamp", [
    (_rss, "Thu, 14 Sep 2023 23:30:00 +0300"), (_rss, "Thu, 14 Sep 23 23:30:00 +0300"),
    (_atom, "2023-09-14T23:30:00+03:00"), (_json_feed, "2023-09-14"),
    (_sitemap, "2023-09-14T08:00:00Z")])
def test_real_feed_dates_still_read_as_printed(feed, stamp: str) -> None:
    [item] = parse_feed(feed(stamp), "feed")
    assert item.date == dt.date(2023, 9, 14)


@pytest.mark.parametrize("stamp", ["0000-00-00", "0000-00-00 00:00:00", "0001-01-01",
                                   "0001-01-01T00:00:00", "9999-12-31T23:59:59",
                                   "1000-01-01", "1753-01-01", "2024-00-00",
                                   "0000-00-00T00:00:00Z"])
def test_jsonl_line_with_a_stand_in_date_goes_in_undated(stamp: str) -> None:
    article = parse_json_record(
        {"id": "road", "title": "إغلاق الطريق", "date": stamp, "text": TEXT}, "a.jsonl:1")
    assert article.date is None
    assert article.paragraphs == (TEXT,)


@pytest.mark.parametrize("stamp", ["2024-13-01", "2024-02-30", "yesterday", "3/5/2024",
                                   "0023-09-14", "2999-09-14"])  # typos: the user fixes them
def test_jsonl_line_with_an_unreadable_date_is_still_refused(stamp: str) -> None:
    with pytest.raises(ArticleError, match="cannot be read"):
        parse_json_record({"id": "x", "title": "t", "date": stamp, "text": TEXT}, "a.jsonl:2")
