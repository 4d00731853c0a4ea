"""The article a page drawn in the browser carries only as data, not as HTML.

A site built as a web app may send a shell (a header, a menu, «جار التحميل...») and the story
itself as data for the browser to draw: Next.js's `__NEXT_DATA__` JSON (Pages Router), the
React Server Components payload of Next.js's App Router (`self.__next_f.push([1,"…"])`
scripts), Nuxt 3's `__NUXT_DATA__` (JSON whose values are indices into one array) and Nuxt 2's
`window.__NUXT__=` (a JavaScript object literal). Its shape is each site's own
(`props.pageProps.article.body`, a list of content blocks, an Apollo cache keyed
`Article:123`, a tree of React elements...), so nothing is read by path: the object holding
the longest body of text is the article (one titled as the page first: a site may send the
next story in full too), its own title and publication date go with it; in
a tree of React elements, the element whose paragraphs (`p`, `h2`, `li`...) hold the most
words. What is found is given in JSON-LD's terms (`headline`, `articleBody`,
`datePublished`) so the page parser reads it as it reads a page's JSON-LD, which wins where a
page has both.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
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


def _loads(text: str) -> Any:
    try:
        return json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        return None


def _next_data(tree: Any) -> Iterator[Any]:
    """Next.js Pages Router: `<script id="__NEXT_DATA__" type="application/json">`."""
    for script in tree.xpath('//script[@id="__NEXT_DATA__"]'):
        yield _loads(script.text or "")


_PUSH = re.compile(r"self\.__next_f\.push\(\[\s*1\s*,\s*(\"(?:[^\"\\]|\\.)*\")\s*\]\)", re.S)
_ROW = re.compile(r"([0-9a-fA-F]+):(T([0-9a-fA-F]+),)?")


def _flight_rows(tree: Any) -> dict[str, Any]:
    """Next.js App Router: the React Server Components payload the page pushes in pieces
    (`self.__next_f.push([1,"…"])`), as its rows by id: `5:["$","p",…]` (JSON) and
    `6:T1a4,<text of 0x1a4 UTF-8 bytes>` (a long string, often the body's HTML)."""
    payload = "".join(
        piece for script in tree.xpath("//script[not(@src)]")
        if "__next_f" in (script.text or "")
        for piece in (_loads(m[1]) for m in _PUSH.finditer(script.text or ""))
        if isinstance(piece, str))
    rows: dict[str, Any] = {}
    at = 0
    while at < len(payload):
        row = _ROW.match(payload, at)
        if row is None:  # not a row's start: skip to the next line
            end = payload.find("\n", at)
            at = len(payload) if end < 0 else end + 1
            continue
        start = row.end()
        if row[2]:  # a text row: its length in UTF-8 bytes, no line end
            size = int(row[3], 16)  # at most `size` characters hold `size` bytes
            text = payload[start:start + size].encode("utf-8")[:size].decode("utf-8", "ignore")
            rows[row[1]] = text
            at = start + len(text)
            continue
        end = payload.find("\n", start)
        end = len(payload) if end < 0 else end
        value = _loads(payload[start:end])
        if value is not None:
            rows[row[1]] = value
        at = end + 1
    return rows


_PARAGRAPH_TAGS = {"p", "h2", "h3", "h4", "li", "blockquote"}


def _inner_html(props: dict[str, Any], rows: dict[str, Any]) -> str | None:
    """The HTML an element draws as is (`dangerouslySetInnerHTML: {"__html": …}`), a long
    one given by reference to a text row (`"$6"`); None for an element that draws none."""
    inner = props.get("dangerouslySetInnerHTML")
    html = inner.get("__html") if isinstance(inner, dict) else None
    if isinstance(html, str) and html.startswith("$"):
        html = rows.get(html[1:])
    return html if isinstance(html, str) else None


def _element_text(node: Any, rows: dict[str, Any], depth: int = 0) -> str:
    """The words a React element (`["$", "p", key, {"children": …}]`) draws."""
    if isinstance(node, str):
        if node.startswith("$"):  # a reference to another row (a long string's `$6`)
            target = rows.get(node[1:].lstrip("L"))
            return target if isinstance(target, str) and depth < 8 else ""
        return node
    if isinstance(node, list) and depth < 30:
        if len(node) >= 4 and node[0] == "$" and isinstance(node[3], dict):
            props = node[3]
            html = _inner_html(props, rows)
            if html is not None:
                return " ".join(paragraph_lines(html))
            return _element_text(props.get("children"), rows, depth + 1)
        return "".join(_element_text(item, rows, depth + 1) for item in node)
    return ""


def _react_body(rows: dict[str, Any]) -> str | None:
    """The paragraphs of the React element whose paragraph children hold the most words
    (at least MIN_BODY_WORDS), one per line; an element drawing a body of HTML
    (`dangerouslySetInnerHTML`) counts as its paragraphs."""
    best: tuple[int, list[str]] | None = None
    stack, seen = list(rows.values()), 0
    while stack and seen < MAX_NODES:
        node = stack.pop()
        seen += 1
        if isinstance(node, dict):
            stack.extend(v for v in node.values() if isinstance(v, (dict, list)))
            continue
        if not isinstance(node, list):
            continue
        stack.extend(v for v in node if isinstance(v, (dict, list)))
        if not (len(node) >= 4 and node[0] == "$" and isinstance(node[3], dict)):
            continue
        html = _inner_html(node[3], rows)
        if html is not None:
            lines = [line.strip() for line in paragraph_lines(html) if line.strip()]
        else:
            children = node[3].get("children")
            children = children if isinstance(children, list) else [children]
            if len(children) >= 4 and children[0] == "$":  # one child element, not a list
                children = [children]
            lines = [_element_text(child, rows).strip() for child in children
                     if isinstance(child, list) and len(child) >= 4 and child[0] == "$"
                     and child[1] in _PARAGRAPH_TAGS]
            lines = [line for line in lines if line]
        words = sum(len(_WORD.findall(line)) for line in lines)
        if words >= MIN_BODY_WORDS and (best is None or words > best[0]):
            best = (words, lines)
    return "\n".join(best[1]) if best else None


def _nuxt_data(tree: Any) -> Iterator[Any]:
    """Nuxt 3: `<script id="__NUXT_DATA__" type="application/json">`, a flat array whose
    objects and lists hold indices into it (`[{"data": 1}, {"article": 2}, …]`), revived."""
    for script in tree.xpath('//script[@id="__NUXT_DATA__"]'):
        table = _loads(script.text or "")
        if isinstance(table, list) and table:
            yield _revived(table)


def _revived(table: list[Any]) -> Any:
    """The value at index 0 of a devalue table, each index replaced by what it points to
    (Vue's `["Reactive", i]` wrappers unwrapped); at most MAX_NODES values are made."""
    made = 0

    def value(index: Any, depth: int) -> Any:
        nonlocal made
        made += 1
        if not isinstance(index, int) or not 0 <= index < len(table) or depth > 40 or (
                made > MAX_NODES):
            return None
        item = table[index]
        if isinstance(item, dict):
            return {key: value(i, depth + 1) for key, i in item.items()}
        if isinstance(item, list):
            if len(item) == 2 and isinstance(item[0], str):  # ["Reactive", 3], ["Date", "…"]
                return value(item[1], depth + 1) if isinstance(item[1], int) else item[1]
            return [value(i, depth + 1) for i in item]
        return item

    return value(0, 0)


_NUXT2 = re.compile(r"window\.__NUXT__\s*=")
_JS_TOKEN = re.compile(r"""\s*(?:("(?:[^"\\]|\\.)*")|('(?:[^'\\]|\\.)*')|([{}\[\]:,])"""
                       r"""|(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)|([A-Za-z_$][\w$]*(?:\s+0)?))""", re.S)


def _nuxt2(tree: Any) -> Iterator[Any]:
    """Nuxt 2: `window.__NUXT__=(function(a,b){return {…}}(…))`, a JavaScript object
    literal: its `return {…}` (or the literal itself) read as JSON, names of variables
    standing for values read as null."""
    for script in tree.xpath("//script[not(@src)]"):
        text = script.text or ""
        found = _NUXT2.search(text)
        if not found:
            continue
        start = text.find("return", found.end())
        start = text.find("{", start if start >= 0 else found.end())
        if start >= 0:
            yield _js_literal(text, start)


def _js_literal(text: str, at: int) -> Any:
    """The JavaScript object literal starting at `text[at]` as Python data, or None."""
    out: list[str] = []
    depth, last = 0, ""
    while at < len(text):
        token = _JS_TOKEN.match(text, at)
        if token is None:
            return None
        at = token.end()
        double, single, mark, number, name = token.groups()
        if double or single:
            raw = double or '"' + single[1:-1].replace("\\'", "'").replace('"', '\\"') + '"'
            decoded = _loads(raw.replace("\\x", "\\u00"))
            piece = json.dumps(decoded if isinstance(decoded, str) else "")
        elif mark:
            piece = mark
            depth += 1 if mark in "{[" else -1 if mark in "}]" else 0
        elif number:
            piece = number
        else:
            key = (_JS_TOKEN.match(text, at) or [None, None, None, None])[3] == ":"
            piece = (json.dumps(name) if key and last in ("{", ",")
                     else name if name in ("true", "false", "null") else "null")
        if piece == "}" and last == ",":  # a trailing comma
            out.pop()
        out.append(piece)
        last = piece
        if depth == 0:
            return _loads("".join(out))
    return None


def is_page_title(title: str, page_titles: tuple[str, ...]) -> bool:
    """True when `title` is the page's: one of its headings or og:title, or inside its
    `<title>` (which adds the site's name)."""
    key = " ".join(title.split())
    return len(key.split()) >= 3 and any(key in page for page in page_titles)


def _best_object(roots: list[Any], page_titles: tuple[str, ...]) -> dict[str, Any] | None:
    """The object with a title holding the longest body, in JSON-LD terms; among them, one
    titled as the page is first (its data may hold the next story in full, prefetched)."""
    best: tuple[tuple[bool, int], dict[str, Any]] | None = None
    stack, seen = list(roots), 0
    while stack and seen < MAX_NODES:
        item = stack.pop()
        seen += 1
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
            body = _body(item)
            title = _first_string(item, _TITLE_KEYS)
            if body and title:
                rank = (is_page_title(title, page_titles), len(_WORD.findall(body)))
                if best is None or rank > best[0]:
                    best = (rank, {"headline": title,
                                    "articleBody": body,
                                    "datePublished": _first_string(item, _DATE_KEYS)})
    return best[1] if best else None


def page_titles(tree: Any) -> tuple[str, ...]:
    """What the page's HTML says its story is called: its `<h1>`, og:title, `<title>`."""
    texts = [h.text_content() for h in tree.xpath("//h1 | //title")]
    texts += tree.xpath('//meta[@property="og:title"]/@content')
    return tuple(" ".join(text.split()) for text in texts if text.strip())


def next_data_article(tree: Any) -> dict[str, Any]:
    """The article in a page's data (`__NEXT_DATA__`, the App Router's pushed payload,
    `__NUXT_DATA__`, `window.__NUXT__`) as JSON-LD terms (`headline`, `articleBody` with one
    paragraph per line, `datePublished`), or {} when the page has no such data or nothing in
    it holds a body of MIN_BODY_WORDS words or more. The story titled as the page is its
    article, else the longest."""
    rows = _flight_rows(tree)
    roots = [*_next_data(tree), *_nuxt_data(tree), *_nuxt2(tree), *rows.values()]
    if not any(root is not None for root in roots):
        return {}
    found = _best_object([root for root in roots if root is not None], page_titles(tree))
    if found is None and rows:
        body = _react_body(rows)
        found = {"articleBody": body} if body else None
    if found is None:
        return {}
    return {key: value for key, value in found.items() if value}
