"""The article a page drawn in the browser carries only as data (Next.js `__NEXT_DATA__`).

A site built with Next.js may send a shell (a header, a menu, «جار التحميل...») and the story
itself as JSON in `<script id="__NEXT_DATA__" type="application/json">`, for the browser to
draw. Its shape is each site's own (`props.pageProps.article.body`, a list of content blocks,
an Apollo cache keyed `Article:123`...), so nothing is read by path: the object holding the
longest body of text is the article, its own title and publication date go with it. What is
found is given in JSON-LD's terms (`headline`, `articleBody`, `datePublished`) so the page
parser reads it as it reads a page's JSON-LD, which wins where a page has both.
"""

from __future__ import annotations

import json
import re
from typing import Any

from retrieval.feeds import paragraph_lines

# Keys a CMS gives an article's text, title and first publication (never a modification).
_BODY_KEYS = ("articleBody", "body", "bodyHtml", "body_html", "content", "contentHtml",
              "content_html", "html", "text", "fullText", "full_text", "story")
_BLOCK_TEXT_KEYS = ("text", "html", "content", "data", "value", "body")
_TITLE_KEYS = ("headline", "title", "name")
_DATE_KEYS = ("datePublished", "publishedAt", "published_at", "publishDate", "publish_date",
              "publishedDate", "publicationDate", "firstPublished", "first_published_at",
              "createdAt", "created_at", "date")
MIN_BODY_WORDS = 30  # a card's teaser or a menu is shorter; a news item is not
MAX_NODES = 100_000  # a page's data is walked at most this far (a huge cache is cut there)
_WORD = re.compile(r"\w+")


def _block_text(value: Any, depth: int = 0) -> str | None:
    """Text of a body given as a string (HTML or plain) or as a list of content blocks
    (`[{"type": "paragraph", "text": "…"}, …]`, children nested a few levels)."""
    if isinstance(value, str):
        return "\n".join(paragraph_lines(value)) if "<" in value else value
    if isinstance(value, list) and depth < 4:
        parts = [_block_text(item, depth + 1) for item in value]
        return "\n".join(part for part in parts if part) or None
    if isinstance(value, dict) and depth < 4:
        for key in (*_BLOCK_TEXT_KEYS, "children"):
            if key in value:
                text = _block_text(value[key], depth + 1)
                if text:
                    return text
    return None


def _body(item: dict[str, Any]) -> str | None:
    for key in _BODY_KEYS:
        text = _block_text(item.get(key))
        if text and len(_WORD.findall(text)) >= MIN_BODY_WORDS:
            return text
    return None


def _first_string(item: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    return next((item[k] for k in keys if isinstance(item.get(k), str) and item[k].strip()),
                None)


def next_data_article(tree: Any) -> dict[str, Any]:
    """The article in a page's `__NEXT_DATA__` as JSON-LD terms (`headline`, `articleBody`
    with one paragraph per line, `datePublished`), or {} when the page has no such data or
    no object in it holds a body of MIN_BODY_WORDS words or more."""
    scripts = tree.xpath('//script[@id="__NEXT_DATA__"]')
    if not scripts:
        return {}
    try:
        data = json.loads(scripts[0].text or "")
    except (json.JSONDecodeError, RecursionError):
        return {}
    best: tuple[int, dict[str, Any]] | None = None
    stack, seen = [data], 0
    while stack and seen < MAX_NODES:
        item = stack.pop()
        seen += 1
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
            body = _body(item)
            if body and _first_string(item, _TITLE_KEYS):
                words = len(_WORD.findall(body))
                if best is None or words > best[0]:
                    best = (words, {"headline": _first_string(item, _TITLE_KEYS),
                                    "articleBody": body,
                                    "datePublished": _first_string(item, _DATE_KEYS)})
    if best is None:
        return {}
    return {key: value for key, value in best[1].items() if value}
