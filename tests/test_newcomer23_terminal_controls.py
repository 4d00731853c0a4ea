"""What a terminal obeys instead of showing never reaches a stored article.

A scraped JSONL record holding `\\u001b[2J` (or `\\u001b[1;31m`, a bell, an OSC title) was
stored as typed, and `marsad ask` / `sources` printed it raw: the reader's console was
cleared, coloured or retitled by an article. The same from an HTML page's `&#27;`, a feed
item's text and a saved `.txt` page. A JSON Feed item whose `content_html` held one ended
the whole ingest in lxml's ValueError traceback ("All strings must be XML compatible").
"""

from __future__ import annotations

import json
import re

import pytest
from test_cli import marsad

from retrieval.articles import parse_json_record, parse_raw
from retrieval.feeds import item_article, parse_feed
from retrieval.html_pages import parse_html
from retrieval.model import Article

ESC = "\x1b"
SEQUENCES = [f"{ESC}[2J", f"{ESC}[1;31m", f"{ESC}]0;pwned\x07", f"{ESC}]52;c;aGk=\x07",
             f"{ESC}[?1049h", "\x07", "\x00", "\x7f", "\x9b31m", f"{ESC}7", f"{ESC}]8;;http://x\x1b\\"]
TERMINAL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
BODY = "افتتح رئيس البلدية الحديقة العامة الجديدة في وسط المدينة اليوم بحضور السكان."


def _clean(article: Article, whole: bool = True) -> None:
    """No control left; `whole`: nor the rest of an escape (an HTML parser drops a raw ESC
    itself, before Marsad sees the `[2J` after it: harmless text)."""
    for value in (article.id, article.title, article.source or "", *article.paragraphs):
        assert not TERMINAL.search(value), repr(value)
    if whole:
        assert "pwned" not in article.text and "[2J" not in article.text
    assert "الحديقة العامة الجديدة" in article.text


@pytest.mark.parametrize("seq", SEQUENCES)
def test_jsonl_record_fields_lose_terminal_controls(seq: str) -> None:
    _clean(parse_json_record({"id": f"park{seq}", "title": f"افتتاح{seq} الحديقة",
                              "source": f"صحيفة{seq} المدينة",
                              "text": BODY.replace("الجديدة", f"الجديدة{seq}")}, "a.jsonl:1"))


@pytest.mark.parametrize("seq", SEQUENCES[:3])
def test_jsonl_record_written_as_html_loses_terminal_controls(seq: str) -> None:
    text = f"<p>{BODY.replace('الجديدة', 'الجديدة' + seq)}</p><p>{BODY}</p>"
    _clean(parse_json_record({"id": "park", "title": "افتتاح الحديقة", "text": text},
                             "a.jsonl:1"))


@pytest.mark.parametrize("seq", [f"{ESC}[2J", f"{ESC}]0;pwned\x07", "\x07"])
@pytest.mark.parametrize("written", ["raw", "entity"])
def test_html_page_loses_terminal_controls(seq: str, written: str) -> None:
    shown = seq if written == "raw" else "".join(f"&#{ord(c)};" if c in "\x1b\x07" else c
                                                   for c in seq)
    page = (f"<html lang='ar'><head><meta charset='utf-8'><title>افتتاح{shown} الحديقة"
            f"</title></head><body><article><h1>افتتاح{shown} الحديقة</h1>"
            f"<p>{BODY.replace('الجديدة', 'الجديدة' + shown)}</p>"
            f"<p>{BODY.replace('اليوم', 'أمس')}</p></article></body></html>")
    _clean(parse_html(page, "park"), whole=False)


@pytest.mark.parametrize("seq", SEQUENCES[:4])
def test_json_feed_item_and_txt_page_lose_terminal_controls(seq: str) -> None:
    long = " ".join([BODY] * 8)
    feed = json.dumps({"version": "https://jsonfeed.org/version/1.1",
                       "title": f"نشرة{seq} المدينة", "items": [{
                           "id": "1", "title": f"افتتاح{seq} الحديقة",
                           "content_html": f"<p>{long.replace('الجديدة', 'الجديدة' + seq, 1)}"
                                           "</p>"}]}, ensure_ascii=False)
    [item] = parse_feed(feed.encode("utf-8"), "https://city.example/feed.json")
    _clean(item_article(item, "feed: item 1"))
    _clean(parse_raw(f"افتتاح الحديقة\n\n{long.replace('الجديدة', 'الجديدة' + seq, 1)}\n",
                     "park"))


@pytest.mark.parametrize("field", ["content_html", "content_text"])
def test_a_json_feed_item_holding_an_escape_goes_in(tmp_path, field) -> None:
    long = " ".join([BODY] * 8).replace("الجديدة", "الجديدة\\u001b[2J\\u0007", 1)
    text = f"<p>{long}</p>" if field == "content_html" else long
    feed = ('{"version": "https://jsonfeed.org/version/1.1", "title": "نشرة المدينة", '
            '"items": [{"id": "1", "title": "افتتاح الحديقة", "' + field + '": "'
            + text.replace('"', '\\"') + '"}]}')
    (tmp_path / "feed.json").write_text(feed, encoding="utf-8")
    done = marsad("ingest", "feed.json", cwd=tmp_path, db=tmp_path / "m.db")
    assert done.returncode == 0 and "added 1," in done.stdout, done.stderr
    out = marsad("ask", "من افتتح الحديقة العامة الجديدة؟", cwd=tmp_path,
                 db=tmp_path / "m.db").stdout
    assert "الحديقة" in out and not TERMINAL.search(out.replace("\n", ""))


def test_the_console_prints_no_escape_from_an_article(tmp_path) -> None:
    line = ('{"id": "park", "title": "افتتاح\\u001b[5m الحديقة", "source": '
            '"صحيفة\\u001b[31m المدينة", "text": "' + BODY.replace("الجديدة",
                                                                   "الجديدة\\u001b[2J\\u0007")
            + '"}\n')
    (tmp_path / "a.jsonl").write_text(line, encoding="utf-8")
    db = tmp_path / "m.db"
    assert marsad("ingest", "a.jsonl", cwd=tmp_path, db=db).returncode == 0
    for args in (["ask", "من افتتح الحديقة العامة الجديدة؟"], ["sources"], ["timeline"],
                 ["compare", "الحديقة"]):
        out = marsad(*args, cwd=tmp_path, db=db).stdout
        assert "الحديقة" in out and not TERMINAL.search(out.replace("\n", "")), (args, out)
