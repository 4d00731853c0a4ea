"""A Telegram channel's public web view (`https://t.me/s/CHANNEL`) as one article a post.

Many Arabic newsrooms break news on Telegram first, and `t.me/s/…` shows a channel's latest
posts as a web page. Read as one article it would be a dozen unrelated posts under the
channel's name, with no date (each post has its own). Each post is its own article
instead: its id and URL are the post's own link (`https://t.me/CHANNEL/9120`), its date the
post's `<time datetime>`, its outlet the channel's name, its title the post's first line.
A post's quoted reply, forwarded header and link preview are not its text.
"""

from __future__ import annotations

import re
from typing import Any

import lxml.html

from retrieval.articles import clean_paragraphs
from retrieval.dates import stated_date, unless_placeholder
from retrieval.model import Article
from retrieval.passages import clean_text

_POSTS = ('//*[contains(concat(" ", normalize-space(@class), " "), " tgme_widget_message ")]'
          "[@data-post]")
_TEXT = ('.//*[contains(concat(" ", normalize-space(@class), " "), " tgme_widget_message_text ")]'
         '[not(ancestor::*[contains(@class, "tgme_widget_message_reply")'
         ' or contains(@class, "tgme_widget_message_link_preview")])]')
_CHANNEL = ('//*[contains(@class, "tgme_channel_info_header_title")]'
            ' | //*[contains(@class, "tgme_header_title")]')
MAX_TITLE_WORDS = 16  # a first line longer than this is cut to its first words


def _lines(element: Any) -> list[str]:
    """The post's lines, as its `<br>`s break them."""
    for br in element.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return [clean_text(line) for line in element.text_content().splitlines()]


# What opens a breaking post before its news: emoji and marks, `عاجل |`, `🔴 عاجل:`.
_OPENING = re.compile(r"^[^\w«\"(]*(?:(?:عاجل|خاص|متابعة|تحديث|breaking|urgent)\s*[|:\-–—]+\s*)?",
                      re.IGNORECASE)


def _title(paragraphs: list[str]) -> str:
    """The post's first line, without its emoji and `عاجل |` label, cut to its first
    MAX_TITLE_WORDS words."""
    words = (_OPENING.sub("", paragraphs[0]) or paragraphs[0]).split()
    return " ".join(words) if len(words) <= MAX_TITLE_WORDS else " ".join(
        words[:MAX_TITLE_WORDS]) + "…"


_TELEGRAM = re.compile(r"^https?://(?:t\.me|telegram\.me)/", re.IGNORECASE)


def _is_telegrams(tree: Any, url: str | None) -> bool:
    """True for Telegram's own page: it says so (og:site_name) or lives at t.me."""
    names = tree.xpath('//meta[@property="og:site_name"]/@content')
    stated = [url or "", *tree.xpath('//link[@rel="canonical"]/@href | '
                                     '//meta[@property="og:url"]/@content')]
    return any(n.strip().lower() == "telegram" for n in names) or any(
        _TELEGRAM.match(u.strip()) for u in stated)


_POST_URL = re.compile(r"^https?://t\.me/(?:s/)?([\w]+/\d+)(?:[/?#]|$)")


def _post_page(tree: Any, url: str | None) -> list[Article]:
    """A Telegram page that is no web view of posts: one post's page (`t.me/CHANNEL/9121`)
    gives that post from its description; a channel's page (`t.me/CHANNEL`, its name, its
    subscribers, `View in Telegram`) gives none."""
    meta = {m.get("property"): clean_text(m.get("content") or "")
            for m in tree.xpath("//meta[@property]")}
    stated = [url or "", meta.get("og:url") or "", *tree.xpath('//link[@rel="canonical"]/@href')]
    post = next((found for found in map(_POST_URL.match, stated) if found), None)
    lines = clean_paragraphs((meta.get("og:description") or "").splitlines())
    if post is None or not lines:
        return []
    link = f"https://t.me/{post[1]}"
    return [Article(id=link, title=_title(lines), source=meta.get("og:title") or None,
                    date=None, paragraphs=tuple(lines), url=link)]


def channel_posts(html: str | bytes, url: str | None = None) -> list[Article] | None:
    """The posts of a Telegram channel's web view as articles (those with no text, a photo
    or a sticker alone, left out), or of one post's page (`url` names the post); None for
    any page not Telegram's."""
    try:
        tree = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return None
    if not _is_telegrams(tree, url):  # a news page that embeds a post is the news page
        return None
    posts = tree.xpath(_POSTS)
    if not posts:
        return _post_page(tree, url) if tree.xpath('//*[contains(@class, "tgme_page")]') else None
    channel = next((clean_text(e.text_content()) for e in tree.xpath(_CHANNEL)
                    if clean_text(e.text_content())), None)
    meta = tree.xpath('//meta[@property="og:title"]/@content')
    channel = channel or (clean_text(meta[0]) if meta else None)
    articles = []
    for post in posts:
        texts = post.xpath(_TEXT)
        paragraphs = clean_paragraphs(_lines(texts[0])) if texts else []
        if not paragraphs:
            continue
        url = f"https://t.me/{post.get('data-post').strip('/')}"
        stamps = post.xpath(".//time/@datetime")
        articles.append(Article(
            id=url, title=_title(paragraphs), source=channel,
            date=unless_placeholder(stated_date(stamps[0])) if stamps else None,
            paragraphs=tuple(paragraphs), url=url))
    return articles
