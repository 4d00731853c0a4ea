"""RSS 2.0 and Atom feeds (feedparser): the items a newsroom publishes, with their links.

An item points at its article page, which is fetched and parsed as a page (html_pages.py);
when the page cannot be fetched, the item's own full text (`content:encoded`, Atom
`<content>`) is the article, with the item's title, date and link and the feed's title as
outlet. An item that carries only a teaser (`<description>` cut short) is not an article.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import email.utils
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import lxml.html
from lxml import etree

from retrieval.agencies import agency_named, article_agency
from retrieval.articles import (
    ArticleError,
    clean_paragraphs,
    read_bounded,
    site_outlet,
    without_notes,
)
from retrieval.charsets import XML_DECLARATION, decode_page
from retrieval.dates import stated_date, unless_placeholder
from retrieval.fetching import is_url, names_a_page, normalize_url
from retrieval.model import Article
from retrieval.passages import clean_text, without_controls
from retrieval.teaser_boxes import drop_teaser_boxes
from retrieval.web import JSON_FEED

_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF|urlset|sitemapindex)[\s>]")
_SITEMAP_ROOT = re.compile(rb"<(?:urlset|sitemapindex)[\s>]")
_PROLOG = re.compile(rb"^(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)+", re.S)
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote", "figcaption")


@dataclass(frozen=True)
class FeedItem:
    """One feed entry: where its article lives, and what the feed itself says about it."""

    link: str | None
    title: str | None
    date: dt.date | None
    text: str | None  # the item's full text (HTML or plain), when the feed carries it
    outlet: str | None  # the feed's title
    # the id its own text goes in under when it links to no page of its own (no link, or the
    # site's home page): `FEED#GUID`
    guid: str | None = None
    # the wire agency the item's `<source>` names (`<source url="…">واس</source>`)
    agency: str | None = None


def _own_pages(items: list[FeedItem], ids: list[str | None], feed: str) -> list[FeedItem]:
    """The items with a link only to a page of their own: a link to the site's home page
    (a CMS that links every item there) is none; such an item, and one with no link, is
    known by `FEED#GUID` (its guid, else its title), under which its full text goes in."""
    own = []
    for item, ident in zip(items, ids, strict=True):
        if item.link is None or not names_a_page(item.link):
            if not ident or (is_url(ident) and not names_a_page(ident)):  # the home page too
                ident = item.title
            item = dataclasses.replace(item, link=None, guid=f"{feed}#{ident}")
        own.append(item)
    return own




def looks_like_feed(body: bytes) -> bool:
    """True when the document's root element is <rss>, <feed> (Atom) or <rdf:RDF>, or a
    sitemap's <urlset> / <sitemapindex>, or it is a JSON Feed (`{"version":
    "https://jsonfeed.org/version/1.1", …}`)."""
    head = _PROLOG.sub(b"", body[:4096].removeprefix(b"\xef\xbb\xbf"))
    return bool(_FEED_ROOT.match(head) or JSON_FEED.match(head))


def _item_date(entry: feedparser.FeedParserDict) -> dt.date | None:
    """The day the item states, or None (also for a CMS's placeholder, 1 January 1970)."""
    return unless_placeholder(_printed_day(entry))


def _printed_day(entry: feedparser.FeedParserDict) -> dt.date | None:
    """The day the feed printed (`Thu, 14 Sep 2023 23:30:00 +0300` → 14 September, in the
    outlet's own zone; feedparser's parsed form is converted to UTC and could shift it)."""
    for key in ("published", "updated", "created"):
        raw = dict.get(entry, key)  # not feedparser's deprecated updated→published mapping
        if not raw:
            continue
        try:
            day = email.utils.parsedate_to_datetime(raw).date()
        except (TypeError, ValueError):
            return _iso_or_printed_day(raw)
        written = _RFC822_YEAR.search(raw)
        if written and len(written[1]) > 2:  # `0001` is the year 1, never widened to 2001
            return stated_date(f"{int(written[1]):04d}-{day.month:02d}-{day.day:02d}")
        return day
    return None


# The year of `Mon, 01 Jan 0001 00:00:00 +0000` as written (email.utils reads it as 2001).
_RFC822_YEAR = re.compile(r"\b\d{1,2}\s+[A-Za-z]{3,}\.?\s+(\d+)\b")


TEASER_WORDS = 80  # a <description> / <summary> this long or longer is the article itself


def _full_text(entry: feedparser.FeedParserDict) -> str | None:
    """`content:encoded` / Atom `<content>`; the summary only when it is not a teaser."""
    contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
    if contents:
        return max(contents, key=len)
    return _whole_summary(entry.get("summary", ""))


def _whole_summary(summary: str) -> str | None:
    """A summary that is the article itself: TEASER_WORDS or more, not cut short."""
    words = len(" ".join(paragraph_lines(summary)).split()) if summary else 0
    return summary if words >= TEASER_WORDS and not _cut_short(summary) else None


_CUT_MARK = re.compile(r"\[\s*(?:…|\.\.\.)\s*\]|(?:…|\.\.\.)\s*$")


def _cut_short(summary: str) -> bool:
    """True for a summary the feed cut short, however long: its text ends in `…` or holds
    WordPress's `[…]` (the rest is on the page)."""
    lines = clean_paragraphs(paragraph_lines(summary))
    return bool(lines) and (any("[…]" in line or "[...]" in line for line in lines)
                            or bool(_CUT_MARK.search(lines[-1])))


def _plain(parent: feedparser.FeedParserDict, key: str) -> str | None:
    """A feed's or an item's title as text: feedparser hands a title it sees as HTML
    (Atom `type="html"`, RSS titles with entities) back as markup, `&amp;` and all."""
    value = parent.get(key, "")
    detail = parent.get(f"{key}_detail") or {}
    if value and "html" in detail.get("type", ""):
        value = " ".join(paragraph_lines(value)) if "<" in value else html.unescape(value)
    return clean_text(value) or None


def parse_feed(body: bytes | str, where: str, base: str | None = None) -> list[FeedItem]:
    """The items of an RSS 2.0 / Atom document, in feed order. `base`: the feed's own URL,
    against which relative item links (`<link>/news/1</link>`) resolve; without it, the
    channel's `<link>`. ArticleError when `body` is not a feed at all (a broken but
    readable feed still gives its items)."""
    text = decode_page(body) if isinstance(body, bytes) else body
    if JSON_FEED.match(text[:4096].lstrip("\ufeff").encode("utf-8")):
        return _json_feed_items(text, where, base)
    if _SITEMAP_ROOT.match(_PROLOG.sub(b"", text[:4096].encode("utf-8").removeprefix(
            b"\xef\xbb\xbf"))):
        return _sitemap_items(text, where, base)
    parsed = feedparser.parse(XML_DECLARATION.sub("", text).encode("utf-8"),
                              sanitize_html=False, resolve_relative_uris=True,
                              # the text is UTF-8 now, whatever it was sent as: said so, or
                              # feedparser reads headers without a charset as windows-1252
                              response_headers={"content-location": base or "",
                                                "content-type": "application/xml; charset=utf-8"})
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception") or "no RSS or Atom root element"
        raise ArticleError(f"{where}: not an RSS, Atom or JSON feed ({reason})")
    outlet = site_outlet(_plain(parsed.feed, "title"))
    base = base or parsed.feed.get("link", "")
    items = []
    for entry in parsed.entries:
        link = entry.get("link") or (entry.get("id") if is_url(entry.get("id", "")) else None)
        link = urljoin(base, link.strip()) if link and is_url(base) else link
        # an item's `<source>`: the outlet an aggregator's item comes from (Google News's
        # `<source url="…">اليوم السابع</source>`), or the agency the story came from
        credit = clean_text((entry.get("source") or {}).get("title") or "") or None
        agency = agency_named(credit) if credit else None
        items.append(FeedItem(
            link=normalize_url(link) if link and is_url(link) else None,
            title=_plain(entry, "title"),
            date=_item_date(entry),
            text=_full_text(entry),
            outlet=(credit if credit and not agency else outlet),
            agency=agency,
        ))
    return _own_pages(items, [entry.get("id") for entry in parsed.entries], where)


def _json_feed_items(text: str, where: str, base: str | None) -> list[FeedItem]:
    """The items of a JSON Feed (jsonfeed.org 1.0 / 1.1): `url` (else `external_url`, else
    an `id` that is a URL), `title`, `date_published`, `content_html` / `content_text` as
    the item's full text and a `summary` as RSS's `<description>` (a teaser unless long),
    the feed's `title` as outlet. ArticleError when it is not JSON or has no items list."""
    try:
        feed = json.loads(text.lstrip("\ufeff"))
    except (json.JSONDecodeError, RecursionError) as error:
        raise ArticleError(f"{where}: not a readable JSON Feed ({error})") from None
    entries = feed.get("items") if isinstance(feed, dict) else None
    if not isinstance(entries, list):
        raise ArticleError(f"{where}: a JSON Feed without a list of items")
    base = base or (feed.get("feed_url") if isinstance(feed.get("feed_url"), str) else "")
    outlet = site_outlet(clean_text(_string(feed, "title")) or None)
    items, entries = [], [e for e in entries if isinstance(e, dict)]
    for entry in entries:
        link = (_string(entry, "url") or _string(entry, "external_url")
                or (_string(entry, "id") if is_url(_string(entry, "id")) else ""))
        link = urljoin(base, link.strip()) if link and is_url(base or "") else link
        items.append(FeedItem(
            link=normalize_url(link) if link and is_url(link) else None,
            title=clean_text(html.unescape(_string(entry, "title"))) or None,
            date=unless_placeholder(_iso_or_printed_day(_string(entry, "date_published"))),
            text=(_string(entry, "content_html") or _string(entry, "content_text")
                  or _whole_summary(_string(entry, "summary"))),
            outlet=outlet))
    return _own_pages(items, [str(entry.get("id") or "") or None for entry in entries], where)


def _string(item: dict, key: str) -> str:
    value = item.get(key)
    return value if isinstance(value, str) else ""


MAX_SITEMAP_URLS = 1000  # a news sitemap's limit; a bigger one is a site's whole archive
_NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def _sitemap_items(text: str, where: str, base: str | None) -> list[FeedItem]:
    """The articles a sitemap lists (`<urlset><url><loc>`), as feed items: a Google News
    sitemap's `<news:title>`, `<news:publication_date>` and `<news:name>` fill title, date
    and outlet (a plain sitemap's `<lastmod>` is a modification date, never read). A sitemap
    index, or a sitemap of more than MAX_SITEMAP_URLS pages, is refused with its size."""
    try:
        root = etree.fromstring(XML_DECLARATION.sub("", text).encode("utf-8"),
                                etree.XMLParser(recover=True, resolve_entities=False))
    except etree.XMLSyntaxError as error:
        raise ArticleError(f"{where}: not a readable sitemap ({error})") from None
    if root is None:
        raise ArticleError(f"{where}: not a readable sitemap")
    children = [child for child in root if isinstance(child.tag, str)]
    if etree.QName(root).localname == "sitemapindex":
        raise ArticleError(f"{where}: a sitemap index of {len(children)} sitemaps; give one of "
                           "them (its news sitemap) or the site's feed")
    if len(children) > MAX_SITEMAP_URLS:
        raise ArticleError(f"{where}: a sitemap of {len(children)} pages (a site's archive, "
                           f"more than {MAX_SITEMAP_URLS}); give its news sitemap or its feed")
    items = []
    for url in children:
        loc = next((e.text.strip() for e in url.iter() if isinstance(e.tag, str)
                    and etree.QName(e).localname == "loc" and e.text), None)
        link = urljoin(base, loc) if loc and base and is_url(base) else loc
        items.append(FeedItem(
            link=normalize_url(link) if link and is_url(link) else None,
            title=clean_text(url.findtext(f".//{_NEWS}title") or "") or None,
            date=unless_placeholder(_iso_or_printed_day(url.findtext(
                f".//{_NEWS}publication_date") or "")),
            text=None,
            outlet=site_outlet(clean_text(url.findtext(f".//{_NEWS}name") or "") or None)))
    return items


def _iso_or_printed_day(raw: str) -> dt.date | None:
    """The day an ISO (`2024-09-16T06:40:12+01:00`) or printed date names, as printed, read
    as a page's metadata is: a Hijri year converted (`1445-02-28`), a year in neither
    calendar (`0001-01-01`, a content system's stand-in for none) no date."""
    return stated_date(raw) if raw.strip() else None


MAX_FEED_BYTES = 16 * 1024 * 1024


def _feed_too_big(path: Path, size: int, more: bool) -> ArticleError:
    return ArticleError(f"{path}: too large for a feed ({'over ' if more else ''}"
                        f"{size / 1048576:.1f} MB; the limit is {MAX_FEED_BYTES // 1048576} MB)")


def read_feed_file(path: str | Path) -> list[FeedItem]:
    """The items of a saved feed file; ArticleError (naming the file) when it cannot be read,
    is too big, or is not a feed."""
    path = Path(path)
    try:
        return parse_feed(read_bounded(path, MAX_FEED_BYTES, _feed_too_big), str(path))
    except OSError as error:
        raise ArticleError(f"{path}: cannot read ({error.strerror or error})") from None


def paragraph_lines(text: str) -> list[str]:
    """Paragraph lines of HTML (or plain text) content: a feed item's, a JSON-LD
    `articleBody` written as HTML (`<p>…</p><p>…</p>`)."""
    if "<" not in text:
        return text.splitlines()
    try:
        tree = lxml.html.fromstring(f"<div>{without_controls(text)}</div>")
    except (etree.ParserError, ValueError):
        return text.splitlines()
    for bad in tree.xpath("//script | //style | //figure | //iframe"):
        bad.drop_tree()
    drop_teaser_boxes(tree)  # a read-also box in mid-article: the article goes on after it
    for block in tree.iter(*_BLOCKS):
        block.tail = "\n" + (block.tail or "")
        if block.tag != "br":
            block.text = "\n" + (block.text or "")
    return tree.text_content().splitlines()


def item_article(item: FeedItem, where: str) -> Article:
    """The item's own full text as an Article (id: its link, else `FEED#GUID`). ArticleError
    when the feed carries no full text for it, or the item has no title."""
    ident = item.link or item.guid
    if not ident:
        raise ArticleError(f"{where}: an item without a link")
    if not item.text:
        raise ArticleError(f"{item.link or where}: the feed carries no full text for this item"
                           f" ({item.title or 'untitled'})")
    title = item.title or ""
    lines = paragraph_lines(item.text)
    paragraphs = without_notes(clean_paragraphs(lines, title))
    if not title or not paragraphs:
        raise ArticleError(f"{ident}: the feed item has no title or no text")
    return Article(id=ident, title=title, source=item.outlet, date=item.date,
                   paragraphs=tuple(paragraphs), url=item.link,
                   agency=article_agency(lines) or item.agency)
