"""News web pages (HTML) into `Article`s: the page's own metadata, the article body only.

Title, outlet, date and URL come from what the page states about itself, in this order:
JSON-LD `NewsArticle` (headline, datePublished, publisher.name, url), OpenGraph (`og:title`,
`og:site_name`, `article:published_time`, `og:url`), `<time datetime>`, the date line
between the headline and the first paragraph, `<title>` without the site's name around the
heading (the site named there is the outlet when nothing else names one),
`<link rel="canonical">` (never a home page). Nothing is guessed: a page that states no
date has an unknown date. The body is trafilatura's main-text extraction (navigation,
footer, scripts, cookie banners, related links, share buttons and comments left out), then
the same line cleaning as raw pages (bylines, captions' credits, read-also teasers). A page
with no body text of its own gives its JSON-LD `articleBody` (pages drawn by script), else
its caption or description (a page that is only a video); a photo gallery's captions are
its text. A section page of story cards is no article, and a page that only sends its
reader on (`<meta http-equiv="refresh">`) is followed by the fetcher (web.py).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from html import unescape
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import use_config

from retrieval.agencies import article_agency
from retrieval.articles import (
    SHORT_LINE_WORDS,
    ArticleError,
    clean_paragraphs,
    is_update_line,
    outlet_name,
    publication_date,
    site_outlet,
    uncredited,
    without_notes,
)
from retrieval.charsets import XML_DECLARATION, decode_page
from retrieval.dates import stated_date, unless_placeholder
from retrieval.feeds import paragraph_lines
from retrieval.fetching import is_url, names_a_page, normalize_url
from retrieval.model import Article
from retrieval.next_data import is_page_title, next_data_article, page_titles
from retrieval.passages import clean_text
from retrieval.teaser_boxes import drop_teaser_boxes

_CONFIG = use_config()
_CONFIG.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # no SIGALRM: we run in worker threads
_CONFIG.set("DEFAULT", "MIN_EXTRACTED_SIZE", "50")  # short news items are news too

_ARTICLE_TYPES = re.compile(r"(?:News|Reportage|Analysis|Opinion|Report)?Article$|BlogPosting$")
# a page that is only a video or a photo gallery, when no article
_VIDEO_TYPE = re.compile(r"^(?:VideoObject|ImageGallery|MediaGallery)$")
# ": " only ever goes with the site's name or the page's heading on the other side
# ("عربي21: headline"); a headline's own colon ("تونس: إضراب عام") stays.
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " « ", ": ")
# Where pages put their headline: heading elements, and on old table-laid sites
# `<font class="title">` / `<div class="headline">`.
_HEADINGS = ("//h1 | //h2 | //h3 | //*[contains(@class, 'title') or contains(@class, 'headline')]"
             "[not(self::html or self::body or self::head or self::title)]")
MAX_HEADING_WORDS = 40
# The page's own statements of its publication date, OpenGraph's first; matched without
# regard to case (`DC.Date.Issued`, `dc.date.issued`). Never a modification date.
_DATE_META = ("article:published_time", "og:published_time", "datePublished", "dateCreated",
              "pubdate", "publishdate", "publish-date", "publish_date", "article.published",
              "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
              "dcterms.created", "dc.date", "dcterms.date", "date")


def _text(value: Any) -> str | None:
    """A JSON-LD / meta value as clean text (first of a list, `name` of an object; an
    object without a name, such as a bare `{"@id": …}` reference, says nothing)."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    if not isinstance(value, str):
        return None
    if "&" in value:  # a CMS that escaped its JSON-LD or meta values once more: `&quot;`
        value = unescape(value)
    return clean_text(value) or None




def _date(value: Any) -> dt.date | None:
    """A metadata value's date (`dates.stated_date`), or None (also for a placeholder)."""
    text = _text(value)
    return unless_placeholder(stated_date(text)) if text else None


def _json_ld_objects(tree: Any) -> Iterator[dict[str, Any]]:
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except (json.JSONDecodeError, RecursionError):
            continue  # a broken block is common; the other sources may still say it
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                stack.extend(v for k, v in item.items() if k in ("@graph", "mainEntity"))


def _json_ld_article(tree: Any) -> dict[str, Any]:
    """The page's JSON-LD NewsArticle (or Article, BlogPosting..., else a VideoObject, its
    `name` and `uploadDate` read as headline and publication), or {}; its `publisher`
    given as a reference (`{"@id": "…#organization"}`, Yoast and most WordPress sites) is
    replaced by the object of that @id elsewhere on the page. A page that describes other
    stories as well gives the one titled as the page (its `<title>`, og:title, heading)."""
    objects = list(_json_ld_objects(tree))
    by_id = {item["@id"]: item for item in objects
             if isinstance(item.get("@id"), str) and len(item) > 1}
    titles = page_titles(tree)
    for kind in (_ARTICLE_TYPES, _VIDEO_TYPE):
        found = [item for item in objects if any(isinstance(t, str) and kind.search(t) for t in (
            item["@type"] if isinstance(item.get("@type"), list) else [item.get("@type")]))]
        if not found:
            continue
        # a page may describe other stories too: the one titled as the page is its own
        item = next((item for item in found if is_page_title(
            _text(item.get("headline") or item.get("name")) or "", titles)), found[0])
        publisher = item.get("publisher")
        if isinstance(publisher, list) and publisher:
            publisher = publisher[0]
        if isinstance(publisher, dict) and "name" not in publisher:
            item = {**item, "publisher": by_id.get(publisher.get("@id"), publisher)}
        if kind is _VIDEO_TYPE:  # a video page: its name is the headline, its upload the
            item = {"headline": item.get("name"),  # publication
                    "datePublished": item.get("uploadDate"), **item}
        return item
    return {}


def _meta(tree: Any, *names: str) -> str | None:
    """The content of the first `<meta property|name|itemprop=NAME>` among `names` (in
    their order, case ignored) that says something."""
    stated: dict[str, str] = {}
    for meta in tree.iter("meta"):
        text = clean_text(meta.get("content") or "")
        for attribute in ("property", "name", "itemprop"):
            key = (meta.get(attribute) or "").strip().lower()
            if key and text:
                stated.setdefault(key, text)
    return next((stated[name.lower()] for name in names if name.lower() in stated), None)


# Microdata on a visible element (`<span itemprop="datePublished" content="2023-09-13">منذ
# سنة</span>`), and hAtom's `published` class (`<abbr class="published" title="2023-09-13">`,
# WordPress's `<time class="entry-date published" datetime="…">`, which sits in the post's
# own permalink, `<a rel="bookmark">`). Other stories' cards (in lists, links, sidebars,
# related-posts boxes) carry their own.
_OUTSIDE_CARDS = ('[not(ancestor::nav or ancestor::aside or ancestor::footer or ancestor::li'
                  ' or ancestor::a[not(contains(@rel, "bookmark"))]'
                  ' or ancestor::*[contains(translate(@class, "RELATD", "relatd"), "related")])]')
_STATED_DATES = ('(//*[@itemprop="datePublished" or @itemprop="dateCreated"][not(self::meta)]'
                 ' | //*[contains(concat(" ", normalize-space(@class), " "), " published ")])'
                 + _OUTSIDE_CARDS)


def _stated_element_date(tree: Any) -> dt.date | None:
    """The date a page's microdata or hAtom markup gives its article: the element's
    `content`, `datetime` or `title`, else its text."""
    for element in tree.xpath(_STATED_DATES):
        for value in (element.get("content"), element.get("datetime"), element.get("title"),
                      element.text_content()):
            date = _date(value)
            if date:
                return date
    return None


# A <time> marked as the update's (hAtom `updated`, `dateModified`) never dates the article.
_UPDATE_MARKS = ("updated", "modified", "update")
_NOT_UPDATE = ("[not(" + " or ".join(
    f'contains(translate(@class, "UPDATEMOIF", "updatemoif"), "{m}")' for m in _UPDATE_MARKS)
    + ' or @itemprop="dateModified")]')
_UNMARKED_TIMES = ".//time" + _NOT_UPDATE + _OUTSIDE_CARDS


def _headline_element(tree: Any, title: str) -> Any:
    """The page's own heading: the h1/h2 whose text is `title`, else another heading
    element (`<font class="title">` on old table-laid sites) whose text it is, else the
    page's only h1."""
    for path in ("//h1 | //h2", _HEADINGS):
        for heading in tree.xpath(path):
            if _text(heading.text_content()) == title:
                return heading
    h1s = tree.xpath("//h1")
    return h1s[0] if len(h1s) == 1 else None


def _article_scope(tree: Any, title: str) -> Any:
    """Where the article's own byline and date line sit: the heading's <article>, else its
    parent, and on a table-laid page (heading in one cell, date in the next row) the
    heading's table; None when the heading cannot be found."""
    heading = _headline_element(tree, title)
    if heading is None:
        return None
    scope = next(heading.iterancestors("article"), None)
    if scope is None:
        scope = heading.getparent()
        if scope.tag in ("td", "th", "tr"):
            scope = next(heading.iterancestors("table"), scope)
    return scope


def _time_datetime(tree: Any, title: str) -> str | None:
    """`<time datetime>` (without it, the date the <time> prints) of the article itself:
    one marked datePublished/pubdate, else the unmarked ones beside the article's heading
    (its <article>, or the heading's parent), when they all name one day. A sidebar's
    "most read" or "recent posts" list carries <time>s of other stories, in <div>s as
    often as in <aside>s: a page whose heading cannot be found, or whose nearby <time>s
    disagree, gets no date rather than theirs."""
    for path in ('//time[@itemprop="datePublished"]/@datetime', "//time[@pubdate]/@datetime"):
        values = [v for v in tree.xpath(path) if v.strip()]
        if values:
            return values[0]
    scope = _article_scope(tree, title)
    if scope is None:
        return None
    days = {}
    for time in scope.xpath(_UNMARKED_TIMES):
        if next(time.iterancestors("article"), scope) is scope:  # not a nested story card
            value = time.get("datetime") or time.text_content()
            days.setdefault(_date(value), value)
    days.pop(None, None)
    return next(iter(days.values())) if len(days) == 1 else None


# Elements a page marks as its byline or date line (by class or id), outside page furniture.
_MARKS = ("byline", "author", "date", "time", "meta", "publish", "posted")
_LOWER = 'translate({}, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")'
# in any case: `newsStoryDate`, `PostMeta`
_MARKED = ("(.//*[" + " or ".join(f'contains({_LOWER.format("@class")}, "{m}")'
                                  f' or contains({_LOWER.format("@id")}, "{m}")' for m in _MARKS)
           + "])" + _OUTSIDE_CARDS)
MAX_MARKED_WORDS = 30  # a byline or date line, not a paragraph that happens to be marked


def _marked_date(tree: Any, title: str) -> dt.date | None:
    """The date printed in the article's byline or date line, beside its heading (its
    <article>, or the heading's parent): `<div class="byline">بقلم: … — ١٣ سبتمبر ٢٠٢٣
    </div>`, `<span class="post-date">الأحد 13 سبتمبر 2023</span>`. trafilatura drops
    such lines from the text. Read only as a stamp, a labelled date or a dated byline
    (never from prose), and only when those lines name one day."""
    scope = _article_scope(tree, title)
    if scope is None:
        return None
    days = set()
    for element in scope.xpath(_MARKED):
        text = _spaced_text(element)
        if text and len(text.split()) <= MAX_MARKED_WORDS:
            days.add(publication_date([text]))
    days.discard(None)
    return days.pop() if len(days) == 1 else None


def _spaced_text(element: Any) -> str:
    """An element's text with its children's texts kept apart (`<time>4 مارس، 2024</time><time>
    6 مارس، 2024</time>` is two dates, not «20246»)."""
    return clean_text(" ".join(element.itertext()))


MAX_HEADER_ELEMENTS = 80  # how far after the heading a date line is looked for


def _header_date(tree: Any, title: str) -> dt.date | None:
    """The day printed between the article's heading and its first paragraph, where pages
    put their date line whatever wraps the heading (`<div><h1>…</h1></div><time>`, `<div
    class="outerTitle"><h1>` then `<div>15-5-2024 | 14:32</div>`, a Turkish `<span
    class="tarih">16.09.2024</span>`): a <time> (not an update's) or a short line that is a
    stamp, a labelled publication date or a dated byline, when all such name one day. A
    site's "today" bar above the heading and other stories' dates below the body are
    outside this stretch."""
    heading = _headline_element(tree, title)
    if heading is None:
        return None
    days = set()
    for element in heading.xpath(f"following::*[position() <= {MAX_HEADER_ELEMENTS}]"):
        if not isinstance(element.tag, str) or element.tag in ("script", "style"):
            continue
        text = _spaced_text(element)
        if element.tag == "time":
            if element.xpath("self::*" + _NOT_UPDATE):
                days.add(_date(element.get("datetime")) or _date(text))
            continue
        if len(text.split()) >= SHORT_LINE_WORDS:
            if element.tag == "p" or len(element) == 0:
                break  # the body has started
            continue
        if len(element) == 0 and text and not is_update_line(text):
            days.add(publication_date([text]))
    days.discard(None)
    return days.pop() if len(days) == 1 else None


MAX_SITE_WORDS = 5
_SITE_EDGE = " |-–—:·•«»"


_TITLE_PARTS = re.compile(r"\s[|–—:-]\s|\s::\s")


def _around_heading(title: str, headings: set[str | None]) -> tuple[str, list[str]] | None:
    """A `<title>` that is the page's own heading with the site's name, a section or a label
    around it, whatever the separator (`بوابة الأهرام :وزير التموين: …` over `<h1>وزير التموين:
    …`, `عاجل | … | الشروق أونلاين`, `الشروق أونلاين | … | سياسة`): (the heading, the other
    parts). None when it is not so. Longer headings are tried first: a theme's site name in
    a heading-like element (`<div class="site-title">`) is also a heading, and the `<title>`
    «headline – site» is built around both; the headline is the longer (and the choice must
    not depend on a set's order)."""
    for heading in sorted(filter(None, headings), key=lambda h: (-len(h), h)):
        if heading == title or len(heading.split()) < 2:
            continue
        if title.startswith(heading) or title.endswith(heading):
            rest = (title[len(heading):] if title.startswith(heading)
                    else title[:-len(heading)]).strip(_SITE_EDGE)
            if rest and len(rest.split()) <= MAX_SITE_WORDS:
                return heading, [p.strip(_SITE_EDGE) for p in _TITLE_PARTS.split(rest)]
        parts = [p.strip(_SITE_EDGE) for p in _TITLE_PARTS.split(title)]
        if heading in parts and all(len(p.split()) <= MAX_SITE_WORDS for p in parts
                                    if p != heading):
            return heading, [p for p in parts if p != heading]
    return None


# Words that make a `<title>`'s other part a publication's name (`مدونة الفلاح`, `الرياض نت`).
_SITE_WORDS = re.compile(r"(?:^|\s)(?:مدونة|مدونه|موقع|صحيفة|صحيفه|جريدة|جريده|بوابة|بوابه|وكالة"
                         r"|شبكة|مجلة|نت|أونلاين|اونلاين|news|online|blog)(?:\s|$)", re.IGNORECASE)


def _sole_heading(tree: Any) -> str | None:
    """The page's heading when its `<title>` says nothing more than the site's name: its
    first `<h1>`, else its only `<h2>` (a print version's, an old site's headline); an
    `<h1>` that is only the site's logo (`<h1 class="logo">الأيام</h1>`) is none."""
    for path in ("//h1", "//h2"):
        found = [_text(h.text_content()) for h in tree.xpath(path)]
        found = [text for text in found if text and not outlet_name(text)]
        if found and (path == "//h1" or len(found) == 1):
            return found[0]
    return None


def _title_site(tag: str | None, title: str | None, headings: set[str | None]) -> str | None:
    """The site's name a page states only in its `<title>`, beside its headline (`… – مدونة
    الفلاح التونسي`, `بوابة الأهرام :…`, `الرياض نت :: …`): a known outlet's name, or a
    name that says it is a publication (`مدونة`, `موقع`, `… نت`); a section (`… | سياسة`)
    is no outlet. None when the page does not say."""
    if not tag or not title or tag == title:
        return None
    cut = _around_heading(tag, {title, *headings})
    named = [outlet_name(part) or (part if _SITE_WORDS.search(part) else None)
             for part in (cut[1] if cut else [])]
    return next(filter(None, named), None)


def _site_only(tag: str | None) -> str | None:
    """For a `<title>` that names only the site and a menu word (`الرئيسية - جريدة الصباح`, a
    CMS that titles every page so): the site's name; None for a `<title>` that says more."""
    if not tag:
        return None
    parts = [p.strip(_SITE_EDGE) for p in _TITLE_PARTS.split(tag)]
    names = [p for p in parts if outlet_name(p) or _SITE_WORDS.search(p)]
    rest = [p for p in parts if p and p not in names]
    # the menu word, or a country or section of a word or two beside a known outlet's name
    # (`صحيفة الأيام - البحرين`; never beside a headline that holds a word such as «شبكة»)
    said = not clean_paragraphs(rest) or (
        bool(names) and outlet_name(names[0]) is not None
        and all(len(p.split()) <= SITE_PLACE_WORDS for p in rest))
    return names[0] if len(names) == 1 and rest and said else None


SITE_PLACE_WORDS = 2


_UTC = re.compile(r"T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]00:?00)$", re.I)


def _local_day(stated: str | None, printed: dt.date | None) -> dt.date | None:
    """The day of the page's stated publication time (`_date`), except that a time given in
    UTC (`2024-09-15T22:30:00Z`) is a day behind or ahead of the outlet's own when the page
    prints, under its headline, the day before or after: a reader in the outlet's time zone
    saw that printed day."""
    day = _date(stated)
    if day and printed and stated and _UTC.search(stated) and abs((printed - day).days) == 1:
        return printed
    return day


def _without_site(title: str | None, site: str | None, headings: set[str | None],
                  blind: bool) -> str | None:
    """`title` without the site's name around a separator ("headline | site", "site -
    headline"). A dash is also part of headlines, so a part is cut only when it is `site`,
    or the rest is the page's own heading; `blind` (a `<title>`): " | site" always goes."""
    if not title:
        return None
    if blind and (cut := _around_heading(title, headings)):
        return cut[0]
    for separator in _TITLE_SEPARATORS:
        parts = [part.strip() for part in title.split(separator)]
        if len(parts) < 2:
            continue
        kept = [part for part in parts if part != site]
        if site and kept and len(kept) < len(parts):
            return separator.join(kept)
        head, tail = separator.join(parts[:-1]), separator.join(parts[1:])
        if head in headings:
            return head
        if tail in headings:  # "site - headline"
            return tail
        if blind and separator == " | ":
            return head
    return title


def _ld_id(value: Any) -> str | None:
    """JSON-LD `mainEntityOfPage`: the page's URL, as a string or as `{"@id": URL}`."""
    if isinstance(value, dict):
        value = value.get("@id")
    return value.strip() if isinstance(value, str) else None


def _canonical(tree: Any, base: str | None) -> str | None:
    """The page's own URL as it states it: `<link rel="canonical">`, else `og:url`; a home
    page's URL there is a CMS's default, not the article's (each article would replace the
    last)."""
    hrefs = tree.xpath('//link[@rel="canonical"]/@href') + tree.xpath(
        '//meta[@property="og:url"]/@content')
    for href in hrefs:
        url = urljoin(base or "", href.strip())
        if names_a_page(url):
            return normalize_url(url)
    return None


# trafilatura's list-item mark, and a live blog's entry time before its text (`10:45`,
# `08:30 GMT -`): neither is part of what the outlet wrote. Cut from the paragraphs once
# they are cleaned (a `- رويترز` line is a credit, recognised by its dash).
_LIST_MARK = re.compile(r"^\s*[-•*]\s+")
_ENTRY_TIME = re.compile(r"^(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*(?:ص|م|صباحا|صباحاً|مساء|مساءً"
                         r"|GMT|UTC|بتوقيت\s+\S+))?\s*[-–—:|]?\s+(?=\S)")


# Overlays and boxes that are not the article: cookie consent, paywall and subscription
# prompts, readers' polls and quizzes (`هل تلقيت لقاح الإنفلونزا هذا العام؟ نعم لا`), and pull
# quotes (a sentence of the body again, in large type); and, smaller, the boxes set between
# its paragraphs: share rows (a live blog's `شارك | نسخ الرابط` under each entry, after which
# trafilatura dropped the last entry), promotions of a podcast, a newsletter or the app
# (BBC's `<section aria-labelledby="podcast-promo">بودكاست … البودكاست نهاية</section>`).
_WALL_MARKS = ("consent", "cookie", "gdpr", "paywall", "subscribe", "subscription", "poll",
               "survey", "quiz", "pullquote", "pull-quote", "pull_quote")
_BOX_MARKS = ("share", "sharing", "social", "promo", "newsletter", "podcast")


def _marked(marks: tuple[str, ...]) -> str:
    return ("//*[not(self::html or self::body)][" + " or ".join(
        f'contains({_LOWER.format(f"@{attribute}")}, "{m}")' for m in marks
        for attribute in ("class", "id", "aria-labelledby")) + "]")


MAX_WALL_WORDS = 80  # a banner or prompt; an article body marked `paywall-content` is longer
MAX_BOX_WORDS = 40  # a share row or a promotion between paragraphs
_WALLS = ((_marked(_WALL_MARKS), MAX_WALL_WORDS), (_marked(_BOX_MARKS), MAX_BOX_WORDS))


def _drop_walls(tree: Any) -> None:
    """Removes cookie-consent banners and paywall or subscription prompts (`<div
    class="paywall">هذا المحتوى حصري للمشتركين… اشترك الآن</div>`), share rows and
    promotions: trafilatura keeps some, and a consent page fetched instead of the article is
    nothing but one. An element so marked that holds more than a prompt's words (the
    article itself) stays."""
    for path, most in _WALLS:
        for element in tree.xpath(path):
            if element.getparent() is not None and (
                    len(element.text_content().split()) <= most):
                element.drop_tree()


# A page that says it is not there, served as 200 ("soft 404"): no article, whatever it says.
_NOT_FOUND = re.compile(
    r"(?:الصفحة|الصفحه) (?:المطلوبة |التي تبحث عنها )?غير موجود|لم (?:يتم|نتمكن من) العثور"
    r" على (?:الصفحة|الصفحه)|page not found|^(?:error|خطأ|الخطأ)?\s*404(?:\s*[-:|–]|\s*$)",
    re.IGNORECASE)


# A site's check for robots, served as 200 instead of the article (Cloudflare's «Just a
# moment...», Akamai's «Access Denied», DDoS-Guard, a captcha), matched on the `<title>` and
# headings of a short page: an article about such checks is longer.
_BOT_CHECK = re.compile(
    r"^(?:just a moment|attention required|access denied|checking your browser|verifying you"
    r" are (?:a )?human|are you a (?:human|robot)|security check|one more step|ddos-guard"
    r"|captcha|please (?:wait|verify)|human verification|request blocked|you have been blocked"
    r"|يرجى الانتظار|(?:نتحقق|التحقق|جار التحقق) من (?:أنك|انك|متصفحك|اتصالك)"
    r"|(?:أنت|انت)? ?لست روبوت|تحقق أمني)|\|\s*cloudflare$", re.IGNORECASE)
MAX_BOT_CHECK_WORDS = 120


def _is_bot_check(tree: Any, ld: dict[str, Any]) -> bool:
    """True for a page that is a site's check for robots, not an article (which states
    itself as one: JSON-LD, `og:type` article)."""
    if ld or (_meta(tree, "og:type") or "").lower() == "article":
        return False
    texts = [tree.findtext(".//title") or ""] + [h.text_content() for h in tree.xpath(
        "//h1 | //h2")]
    return len(tree.text_content().split()) <= MAX_BOT_CHECK_WORDS + sum(
        len(s.text_content().split()) for s in tree.xpath("//script | //style")) and any(
        _BOT_CHECK.search(" ".join(text.split())) for text in texts)


def _body_lines(html: str | bytes, url: str | None) -> list[str]:
    """The main text's lines: precise extraction first; a short page it finds nothing in
    gets a second, more inclusive try."""
    for precise in (True, False):
        text = trafilatura.extract(
            html, url=url, include_comments=False, include_tables=False,
            include_images=False, include_links=False, favor_precision=precise,
            favor_recall=not precise, deduplicate=False, config=_CONFIG)
        if text:
            return text.splitlines()
    return []


_INLINE = frozenset({"br", "a", "b", "strong", "i", "em", "u", "span", "font", "sup", "sub",
                     "small", "big", "mark", "abbr", "cite", "q", "img", "time"})


def _is_break(node: Any) -> bool:
    return node.tag == "br" and not (node.tail or "").strip()


def _paragraphs_of_breaks(tree: Any) -> None:
    """Text written as runs between double line breaks (`…<br><br>…`, an old CMS's body or a
    table cell's) gets a `<p>` per run, in place: extractors read `<br>` as a space, and the
    headline, the date, an ad marker and every paragraph would become one passage."""
    for parent in [e for e in tree.iter() if isinstance(e.tag, str) and e.tag != "br"]:
        kids = list(parent)
        if not any(_is_break(k) and n + 1 < len(kids) and kids[n + 1].tag == "br"
                   for n, k in enumerate(kids)) or any(k.tag not in _INLINE for k in kids):
            continue  # no double break, or blocks of their own among the text
        current = lxml.html.Element("p")
        current.text, parent.text = parent.text, None
        runs = [current]
        at = 0
        while at < len(kids):
            kid = kids[at]
            if _is_break(kid) and at + 1 < len(kids) and kids[at + 1].tag == "br":
                end = at + 1
                while end + 1 < len(kids) and kids[end + 1].tag == "br" and _is_break(kids[end]):
                    end += 1
                current = lxml.html.Element("p")
                current.text = kids[end].tail
                runs.append(current)
                for br in kids[at:end + 1]:
                    br.tail = None
                    parent.remove(br)
                at = end + 1
                continue
            current.append(kid)  # moves it, with its tail
            at += 1
        if parent.tag == "p":
            parent.tag = "div"
        parent.extend(runs)


# Elements a page prints side by side as labels: an author and a time stamp, a time and a
# flag (`<span>منذ 3 ساعات</span><span>تحديث</span>`).
_LABELS = frozenset({"span", "time", "a", "small", "b", "strong", "em", "i", "label", "abbr",
                     "font"})
_WORD_EDGE = re.compile(r"\w")


def _space_touching_labels(tree: Any) -> None:
    """A space after each label element that touches the next one in minified HTML (no
    whitespace between the tags): extractors join their texts, and «منذ 3 ساعاتتحديث» or
    «سامر الخطيبمنذ ساعة» is then no time stamp nor byline but a passage."""
    for element in tree.iter(*_LABELS):
        after = element.getnext()
        if (element.tail or after is None or not isinstance(after.tag, str)
                or after.tag not in _LABELS):
            continue
        text, following = element.text_content(), after.text_content()
        if text[-1:] and following[:1] and _WORD_EDGE.match(text[-1]) \
                and _WORD_EDGE.match(following[0]):
            element.tail = " "


def _ld_body(ld: dict[str, Any]) -> list[str]:
    """The lines of JSON-LD `articleBody`: a page drawn by script has its text only there
    (a live blog's, in the `articleBody` of each of its `liveBlogUpdate` entries)."""
    body = ld.get("articleBody")
    updates = ld.get("liveBlogUpdate")
    if not isinstance(body, str) and isinstance(updates, (list, dict)):
        body = "\n\n".join(update["articleBody"] for update in (
            updates if isinstance(updates, list) else [updates])
            if isinstance(update, dict) and isinstance(update.get("articleBody"), str))
    if not isinstance(body, str):
        return []
    return paragraph_lines(body) if "<" in body else body.splitlines()


def _words(lines: list[str]) -> int:
    return sum(len(line.split()) for line in lines)


def _ld_paragraphs(body: list[str], lines: list[str]) -> list[str]:
    """The body the page states of itself (`_ld_body`) instead of trafilatura's `lines`
    when they are that body read as one line (a script-drawn page), or hold no more than
    half its words (the page drew a teaser, its data the story)."""
    same = " ".join(" ".join(body).split()) == " ".join(" ".join(lines).split())
    return body if body and (same or _words(body) > 2 * _words(lines)) else lines


_CAPTIONS = ("//figcaption[not(ancestor::nav or ancestor::aside or ancestor::footer"
             " or ancestor::li or ancestor::a)]")


def _caption_lines(tree: Any, ld: dict[str, Any]) -> list[str]:
    """A page that is only a video or a photo: its caption, else the description it gives
    of itself (JSON-LD, OpenGraph, `<meta name=description>`). Only read when the page
    has no body text: elsewhere a caption is not article text. A photo gallery's captions
    are its text, without their photographers' credits."""
    captions = [_text(caption.text_content()) for caption in tree.xpath(_CAPTIONS)]
    described = _text(ld.get("description")) or _meta(tree, "og:description", "description")
    return [uncredited(c) for c in captions if c] or ([described] if described else [])


# A photo gallery says so in its headline (`بالصور.. إقبال كبير على المعرض`) or its JSON-LD type.
_GALLERY_TITLE = re.compile(r"^(?:بالصور|بالفيديو والصور|بالصور والفيديو|ألبوم صور|البوم صور"
                            r"|معرض صور|صور)(?:\s*[:.،|-]|\s)|^(?:in pictures|photos|gallery)\b",
                            re.I)
_GALLERY_TYPES = re.compile(r"(?:Image|Media)Gallery$")


def _is_gallery(tree: Any, title: str) -> bool:
    """True for a photo gallery page: its captions are what it reports."""
    types = [item.get("@type") for item in _json_ld_objects(tree)]
    return bool(_GALLERY_TITLE.match(title)) or any(
        isinstance(t, str) and _GALLERY_TYPES.search(t)
        for kind in types for t in (kind if isinstance(kind, list) else [kind]))


QUOTE_GRAM = 3  # words: where a repeated part is looked for


MAX_IMAGE_CAPTION_WORDS = 15
_ENDS_SENTENCE = re.compile(r"[.!؟?][\"'»”’)\]]*$")  # a sentence of the article, not a caption


_PHOTOS = ('//p[.//img[not(contains(@class, "emoji") or contains(@class, "smiley")'
           ' or contains(@class, "icon"))]]')


def _is_caption(element: Any) -> bool:
    """True for a short line that ends no sentence: what a page sets beside a picture."""
    text = element.text_content().strip()
    return 0 < len(text.split()) <= MAX_IMAGE_CAPTION_WORDS and not _ENDS_SENTENCE.search(text)


def _set_as_caption(element: Any) -> bool:
    """True for a line set apart as a caption: all of it in `<em>`/`<i>`/`<small>`, or a
    block marked `caption` or centred (`<p style="text-align:center"><em>…</em></p>`)."""
    marks = f'{element.get("class", "")} {element.get("style", "")}'.lower().replace(" ", "")
    if "caption" in marks or "text-align:center" in marks:
        return True
    outside = "".join(element.xpath(".//text()[not(ancestor::em or ancestor::i"
                                    " or ancestor::small)]"))
    return not outside.strip()


def _drop_image_captions(tree: Any) -> None:
    """Removes the words a paragraph sets beside its picture and nothing else (`<p><img><br>
    <em>صورة من صفحة الرئاسة على فيسبوك</em></p>`), and the caption line set apart right
    under a paragraph that is only a picture (`<p><img></p><p><em>محطة المحولات</em></p>`):
    captions without a `<figcaption>`. A sentence that happens to hold an image (an emoji,
    an icon) stays."""
    for paragraph in tree.xpath(_PHOTOS):
        if paragraph.getparent() is None:
            continue
        if not paragraph.text_content().strip():  # a picture alone: its caption follows
            after = paragraph.getnext()
            if (after is not None and after.tag in ("p", "div", "span") and _is_caption(after)
                    and _set_as_caption(after)):
                after.drop_tree()
        elif _is_caption(paragraph):
            paragraph.drop_tree()


def _without_pulled_quotes(paragraphs: list[str]) -> list[str]:
    """The paragraphs without those that only repeat part of a longer one (a pull quote the
    page sets apart: «الحملة ستستمر حتى نهاية الشهر» beside the paragraph that says it).
    Only paragraphs holding a short one's rarest three words are compared with it."""
    keys = [" ".join(clean_text(p).strip(" .،,:«»\"'").split()) for p in paragraphs]
    hosts: dict[tuple[str, ...], set[int]] = {}
    for number, key in enumerate(keys):
        words = key.split()
        for at in range(len(words) - QUOTE_GRAM + 1):
            hosts.setdefault(tuple(words[at:at + QUOTE_GRAM]), set()).add(number)

    def repeated(number: int, key: str) -> bool:
        words = key.split()
        if not QUOTE_GRAM <= len(words) <= MAX_MARKED_WORDS:
            return False
        rarest = min((hosts[tuple(words[at:at + QUOTE_GRAM])]
                      for at in range(len(words) - QUOTE_GRAM + 1)), key=len)
        return any(len(keys[host]) > len(key) and key in keys[host]
                   for host in rarest - {number})

    return [p for number, (p, key) in enumerate(zip(paragraphs, keys, strict=True))
            if not repeated(number, key)]


_REFRESH = re.compile(rb"""<meta[^>]+http-equiv\s*=\s*["']?refresh["']?[^>]*>""", re.I)
_REFRESH_URL = re.compile(rb"""content\s*=\s*["']?\s*(\d+)\s*[;,]\s*url\s*=\s*["']?([^"'>\s]+)""",
                          re.I)
MAX_REFRESH_SECONDS = 10  # a longer delay is a page reloading itself, not a redirect
MAX_REFRESH_PAGE_BYTES = 20_000  # an article page is larger than a stub that sends you on


def _refresh_url(body: bytes) -> str | None:
    """The URL, as written, a page that only sends its reader on points to
    (`<meta http-equiv="refresh" content="0; url=/news/1">` in a short page); None for any
    other page (an article that reloads itself every few minutes has no URL or a long
    delay)."""
    if len(body) > MAX_REFRESH_PAGE_BYTES:
        return None
    tag = _REFRESH.search(body)
    found = _REFRESH_URL.search(tag.group()) if tag else None
    if found is None or int(found[1]) > MAX_REFRESH_SECONDS:
        return None
    return unescape(found[2].decode("utf-8", "replace")).strip() or None


def refresh_target(body: bytes, url: str) -> str | None:
    """Where a page that only sends its reader on points (`_refresh_url`), as an absolute
    http(s) URL other than the page's own; else None."""
    written = _refresh_url(body)
    target = urljoin(url, written) if written else ""
    return target if is_url(target) and normalize_url(target) != normalize_url(url) else None


_PART_LINK = re.compile(r"""<(?:link|a)\b[^>]*\brel\s*=\s*["']?(next|prev)\b[^>]*>""", re.I)
_HREF = re.compile(r"""\bhref\s*=\s*["']?([^"'\s>]+)""", re.I)
_PART_PATH = re.compile(r"^/(?:page/)?\d{1,3}/?$")  # what a part's path adds: `/2`, `/page/2`


def next_part(html: str, url: str, rel: str = "next") -> str | None:
    """The URL of the article's next part (`rel="prev"`: its previous part) when the page is
    one part of an article paged in several (`<link rel="next" href="…?page=2">`, `…/2`,
    `…/page/2`): the same page but for its query or a page number after its path. None
    otherwise (a blog's link to its next post, a section's next page of stories)."""
    for tag in _PART_LINK.finditer(html[:MAX_NEXT_SCAN]):
        href = _HREF.search(tag.group())
        if tag[1].lower() != rel:
            continue
        target = urljoin(url, unescape(href[1])) if href else ""
        here, there = urlsplit(url), urlsplit(target)
        if not is_url(target) or there.netloc.lower() != here.netloc.lower():
            continue
        if there.path == here.path and there.query != here.query:
            return target
        short, long = sorted((here.path.rstrip("/"), there.path.rstrip("/")), key=len)
        first = re.sub(r"/(?:page/)?\d{1,3}$", "", short)  # part 2's path, less its number
        if any(long.startswith(base) and _PART_PATH.match(long[len(base):])
               for base in (short, first)):
            return target
    return None


MAX_NEXT_SCAN = 2_000_000  # characters of a page searched for its next part's link
MIN_LISTED_STORIES = 3
_HEADING = "*[self::h1 or self::h2 or self::h3 or self::h4]"
_LINKED_HEADING = f".//a//{_HEADING} | .//{_HEADING}//a"


MIN_LINKED_HEADLINE_WORDS = 4  # a shorter link is a tag, an outlet's name or a menu item


def _is_card(article: Any) -> bool:
    """True for a story card: its heading is a link to the story, or (an aggregator's card:
    `<article><div>الجزيرة نت</div><a>headline…</a><time>قبل 3 ساعات</time>`) a link of a
    headline's length holds most of its words."""
    if article.xpath(_LINKED_HEADING):
        return True
    words = len(article.text_content().split())
    return any(len(link.text_content().split()) >= max(MIN_LINKED_HEADLINE_WORDS, words / 2)
               for link in article.iter("a"))


MAX_LABEL_WORDS = 6  # a section's label (`آخر أخبار مصر`), not a news item of one line
# Links to stories in the page's own list, not in its menus or a related-stories box.
_LISTED_LINKS = ('//a[not(ancestor::nav or ancestor::header or ancestor::footer or ancestor::aside'
                 ' or ancestor::*[contains(translate(@class, "RELATD", "relatd"), "related")])]')


def _only_headlines(tree: Any, ld: dict[str, Any], paragraphs: list[str]) -> bool:
    """True for a page of story cards laid out in `<div>`s (an aggregator's, a section's):
    what is left of it once the cards' headlines and outlets are set aside is a line that
    ends no sentence (`آخر أخبار مصر`), while it links to several stories by headline."""
    if ld or any(len(p.split()) > MAX_LABEL_WORDS or _ENDS_SENTENCE.search(p)
                 for p in paragraphs):
        return False  # a news item of one line (`عاجل: …`) is longer than a section's label
    headlines = [a for a in tree.xpath(_LISTED_LINKS)
                 if len(a.text_content().split()) >= MIN_LINKED_HEADLINE_WORDS + 1]
    return len(headlines) >= MIN_LISTED_STORIES


def _is_listing(tree: Any, ld: dict[str, Any]) -> bool:
    """True for a section, home or aggregator page: several story cards (`<article>`s
    whose headline is a link to the story) and no article of its own (every `<article>`
    is such a card)."""
    if ld:
        return False
    cards = [a for a in tree.iter("article") if a.find(".//article") is None]
    linked = [a for a in cards if _is_card(a)]
    return len(linked) >= MIN_LISTED_STORIES and len(linked) == len(cards)


def parse_html(html: str | bytes, article_id: str | None = None, url: str | None = None
               ) -> Article:
    """One news page as an Article; its id is the canonical URL when the page has one,
    else `url`, else `article_id` (a saved file's name). Raises ArticleError."""
    where = url or article_id or "page"
    raw = html if isinstance(html, bytes) else html.encode("utf-8")
    target = _refresh_url(raw)
    if target and (url is None or refresh_target(raw, url)):  # not followed (a saved file)
        raise ArticleError(f"{where}: the page only sends its reader on to {target}")
    html = XML_DECLARATION.sub("", decode_page(html) if isinstance(html, bytes) else html)
    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError) as error:
        raise ArticleError(f"{where}: not an HTML page ({error})") from None
    drawn = next_data_article(tree)  # JSON-LD, then the page's own heading, win over it
    ld = {**{k: v for k, v in drawn.items() if k != "headline"}, **_json_ld_article(tree)}
    site = site_outlet(_text(ld.get("publisher")) or _meta(tree, "og:site_name"))
    headings = {_text(h.text_content()) for h in tree.xpath(_HEADINGS)
                if len(h.text_content().split()) <= MAX_HEADING_WORDS}
    tag = _text(tree.findtext(".//title"))
    site_only = _site_only(tag)
    title = (_without_site(_text(ld.get("headline")), site, headings, blind=False)
             or _without_site(_meta(tree, "og:title"), site, headings, blind=False)
             or (None if site_only else _without_site(tag, site, headings, blind=True))
             or _text(drawn.get("headline")) or _sole_heading(tree))
    site = site or _title_site(tag, title, headings) or site_only
    stated = next((value for value in (_text(ld.get("datePublished")),
                                       _text(ld.get("dateCreated")), _meta(tree, *_DATE_META))
                   if _date(value)), None)
    printed = _marked_date(tree, title or "") or _header_date(tree, title or "")
    date = (_local_day(stated, printed) or _stated_element_date(tree)
            or _date(_time_datetime(tree, title or "")) or printed)
    canonical = _canonical(tree, url) or next(
        (normalize_url(u) for u in (_text(ld.get("url")), _ld_id(ld.get("mainEntityOfPage")))
         if u and names_a_page(u)), None)
    page_url = canonical or (normalize_url(url) if url else None)
    identity = page_url or article_id
    if not identity:
        raise ArticleError(f"{where}: a page needs a URL or a name")
    if not title:
        raise ArticleError(f"{where}: the page states no title")
    if any(_NOT_FOUND.search(text or "") for text in (title, _text(tree.findtext(".//h1")))):
        raise ArticleError(f"{where}: the page says it was not found ({title})")
    if _is_bot_check(tree, ld):
        raise ArticleError(f"{where}: the site answered with a check for robots, not the "
                           f"article ({_text(tree.findtext('.//title')) or title})")
    if _is_listing(tree, ld):
        raise ArticleError(f"{where}: a list of stories (a section or home page), not an "
                           f"article; give the articles' own URLs or the site's feed")
    gallery = _is_gallery(tree, title)
    _paragraphs_of_breaks(tree)
    _space_touching_labels(tree)
    drop_teaser_boxes(tree)
    _drop_walls(tree)
    if not gallery:
        _drop_image_captions(tree)
    stated = _ld_body(ld)
    lines = _ld_paragraphs(stated, _body_lines(lxml.html.tostring(tree, encoding="unicode"),
                                               page_url))
    date = date or publication_date([clean_text(line) for line in lines], bare_on_top=False)
    if gallery:  # each photo's caption is text, its photographer's credit not
        lines = [uncredited(clean_text(line)) for line in lines]
    paragraphs = _without_pulled_quotes(without_notes([text for text in (
        _ENTRY_TIME.sub("", _LIST_MARK.sub("", p)) for p in (
            clean_paragraphs(lines, title) or clean_paragraphs(stated, title)
            or clean_paragraphs(_caption_lines(tree, ld), title)))
        if text]))
    if not paragraphs:
        raise ArticleError(f"{where}: no article text found in the page")
    if _only_headlines(tree, ld, paragraphs):
        raise ArticleError(f"{where}: a list of stories (a section or home page), not an "
                           f"article; give the articles' own URLs or the site's feed")
    return Article(id=identity, title=title, source=site, date=date,
                   paragraphs=tuple(paragraphs), url=page_url,
                   agency=article_agency([clean_text(line) for line in lines]))
