"""Articles from the web: page URLs, feed URLs and feed files, fetched politely.

A feed's items point at article pages; each page is fetched and parsed as a page. When a
page cannot be fetched or read, the item's own full text (when the feed carries it) is the
article; otherwise the page is reported with its URL and the reason, and the rest goes on.
Problems are yielded as `ArticleError`s, never raised: one bad page never stops an ingest.
"""

from __future__ import annotations

import asyncio
import dataclasses
import re
import zlib
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from retrieval.articles import ArticleError, parse_raw
from retrieval.fetching import Fetcher, FetchError, Page, is_url, normalize_url
from retrieval.model import Article

# Feeds (feedparser) and pages (trafilatura, lxml) load when one is met: `marsad ingest`
# asks `is_web_target` of every path, and a JSONL or .txt ingest needs neither (~0.1-0.3 s).
if TYPE_CHECKING:
    from retrieval.feeds import FeedItem

FEED_SUFFIXES = (".xml", ".rss", ".atom", ".json")  # .json: a JSON Feed


@dataclasses.dataclass(frozen=True)
class Unchanged:
    """A page that answered 304 to a conditional fetch: the article stored from it last
    time stands (a polling pass counts it among the unchanged)."""

    url: str


# A JSON Feed's opening: `{"version": "https://jsonfeed.org/version/1.1", …`
JSON_FEED = re.compile(rb'^\s*\{.{0,2048}?"version"\s*:\s*"https?://jsonfeed\.org/version/', re.S)


def is_web_target(target: str | Path) -> bool:
    """True for what `articles_from_web` reads: an http(s) URL or a feed file (a .json file
    only when it is a JSON Feed: any other is an archive of articles, read locally)."""
    text = str(target)
    path = Path(text)
    if is_url(text):
        return True
    if path.suffix.lower() not in FEED_SUFFIXES or not path.is_file():
        return False
    if path.suffix.lower() != ".json":
        return True
    try:
        with path.open("rb") as f:
            return bool(JSON_FEED.match(f.read(4096).removeprefix(b"\xef\xbb\xbf")))
    except OSError:
        return True  # the feed reader names what cannot be read


async def articles_from_web(targets: Sequence[str | Path], fetcher: Fetcher, *,
                            conditional: bool = False
                            ) -> AsyncIterator[Article | ArticleError | Unchanged]:
    """Articles from page URLs, feed URLs and feed files, in order.

    `conditional` (for polling): feeds and pages are fetched with the ETag / Last-Modified
    `fetcher` saw last, and what is unchanged costs the site a 304: a feed item's page
    yields `Unchanged`, a feed nothing (its items are not asked for).
    """
    for target in targets:
        text = str(target)
        found = (_from_url(text, fetcher, conditional) if is_url(text)
                 else _from_feed_file(text, fetcher, conditional))
        async for item in found:
            yield item


async def _from_feed_file(path: str, fetcher: Fetcher, conditional: bool
                          ) -> AsyncIterator[Article | ArticleError | Unchanged]:
    from retrieval.feeds import read_feed_file

    try:
        items = read_feed_file(path)
    except ArticleError as error:
        yield error
        return
    async for found in _feed(items, fetcher, conditional):
        yield found


async def _from_url(url: str, fetcher: Fetcher, conditional: bool
                    ) -> AsyncIterator[Article | ArticleError | Unchanged]:
    try:
        page = await _refreshed(await fetcher.get(url, conditional=conditional), fetcher)
    except FetchError as error:
        yield ArticleError(str(error))
        return
    if page.not_modified:  # a feed's 304 says nothing of how many items it holds
        return
    try:
        page = _gunzipped(page, fetcher.max_bytes)
    except FetchError as error:
        yield ArticleError(str(error))
        return
    from retrieval.feeds import looks_like_feed, parse_feed

    if not looks_like_feed(page.body):
        for found in await _page_articles(page, url, fetcher):
            yield found
        return
    try:
        items = await asyncio.to_thread(parse_feed, page.body, url, page.url)
    except ArticleError as error:
        yield error
        return
    failed = False
    async for found in _feed(items, fetcher, conditional):
        failed = failed or isinstance(found, ArticleError)
        yield found
    if failed:  # a page that failed is asked again next pass, even if the feed is unchanged
        fetcher.validators.pop(url, None)


def _gunzipped(page: Page, limit: int) -> Page:
    """A resource served as a gzip file (`sitemap-news.xml.gz`, `application/x-gzip`, not
    a transfer encoding) as the document inside it; others as they are. FetchError for a
    broken one, or one that unpacks to more than `limit` bytes."""
    if not page.body.startswith(b"\x1f\x8b"):
        return page
    unpacker = zlib.decompressobj(wbits=31)
    try:
        body = unpacker.decompress(page.body, limit + 1)
    except zlib.error as error:
        raise FetchError(page.url, f"a broken gzip file ({error})") from None
    if len(body) > limit:
        raise FetchError(page.url, f"larger than {limit // 1024} KB once unpacked")
    if not unpacker.eof:
        raise FetchError(page.url, "a gzip file cut off before its end")
    return dataclasses.replace(page, body=body, content_type="", charset=None)


MAX_REFRESHES = 3  # a page that only sends the reader on (`<meta http-equiv="refresh">`)


async def _refreshed(page: Page, fetcher: Fetcher) -> Page:
    """The page a `<meta http-equiv="refresh" content="0; url=…">` page sends its reader to
    (a short link, an old URL, an AMP stub), followed like a redirect; else `page`.
    Raises FetchError when the target cannot be fetched."""
    from retrieval.html_pages import refresh_target

    for _ in range(MAX_REFRESHES):
        target = None if page.not_modified else refresh_target(page.body, page.url)
        if target is None:
            return page
        page = await fetcher.get(target)
    return page


async def _page_articles(page: Page, asked: str, fetcher: Fetcher
                         ) -> list[Article | ArticleError]:
    """A page's article; a Telegram channel's web view (`t.me/s/…`) gives one a post, its
    page with no posts (`t.me/CHANNEL`) none."""
    if b"tgme_" in page.body:
        from retrieval.channel_pages import channel_posts
        from retrieval.html_pages import decode_page

        posts = await asyncio.to_thread(channel_posts, decode_page(page.body, page.charset),
                                        page.url)
        if posts is not None:
            return list(posts) or [ArticleError(f"{asked}: a channel with no post of text")]
    return [await _page_article(page, asked, fetcher)]


MAX_ARTICLE_PAGES = 10  # an article paged in more parts than this is read this far


async def _parts(html: str, url: str, rel: str, fetcher: Fetcher
                 ) -> AsyncIterator[tuple[str, str]]:
    """The (HTML, URL) of the article's other parts from this one on, in the direction of
    `rel` ("next" or "prev"); a part that cannot be fetched ends them."""
    from retrieval.html_pages import decode_page, next_part

    seen = {normalize_url(url)}
    for _ in range(MAX_ARTICLE_PAGES - 1):
        target = next_part(html, url, rel)
        if target is None or normalize_url(target) in seen:
            return
        seen.add(normalize_url(target))
        try:
            part = await fetcher.get(target)
        except FetchError:
            return
        html, url = decode_page(part.body, part.charset), part.url
        yield html, url


async def _page_article(page: Page, asked: str, fetcher: Fetcher) -> Article | ArticleError:
    """The page's article; one paged in parts (`<link rel="next">` to its page 2 of 3) with
    the paragraphs of all its pages, under its first page's id, title and date, whichever
    part was given (a part that fails ends it there)."""
    from retrieval.html_pages import decode_page, parse_html

    if "html" not in page.content_type and page.body.lstrip()[:1] != b"<":
        if page.content_type.startswith("text/plain"):  # a raw page served as text, as saved
            try:
                return await asyncio.to_thread(parse_raw, decode_page(page.body, page.charset),
                                               normalize_url(page.url), page.url)
            except ArticleError as error:
                return ArticleError(f"{asked}: {str(error).removeprefix(page.url + ': ')}")
        return ArticleError(f"{asked}: not a web page or a feed ({page.content_type or '?'})")

    first = (decode_page(page.body, page.charset), page.url)
    async for earlier in _parts(*first, "prev", fetcher):  # given a later part
        first = earlier
    try:
        article = await asyncio.to_thread(parse_html, first[0], None, first[1])
    except ArticleError as error:
        return error
    paragraphs = list(article.paragraphs)
    async for html, url in _parts(*first, "next", fetcher):
        try:
            more = await asyncio.to_thread(parse_html, html, None, url)
        except ArticleError:
            break
        new = [p for p in more.paragraphs if p not in paragraphs]
        if not new:  # the same page again (a site that ignores `?page=`): no more parts
            break
        paragraphs += new
    return dataclasses.replace(article, paragraphs=tuple(paragraphs))


async def _feed(items: list[FeedItem], fetcher: Fetcher, conditional: bool
                ) -> AsyncIterator[Article | ArticleError | Unchanged]:
    for item in items:
        for found in await _item(item, fetcher, conditional):
            yield found


async def _item(item: FeedItem, fetcher: Fetcher, conditional: bool
                ) -> list[Article | ArticleError | Unchanged]:
    """The item's page (a channel's web view: its posts), with what the feed says filling
    what the page does not state; the item's own full text when the page fails; else the
    page's failure; `Unchanged` when the page has not changed since `fetcher` last
    fetched it."""
    from retrieval.feeds import item_article

    if item.link is None:  # no page of its own: its own text, if the feed carries it
        try:
            return [item_article(item, "a feed item without a link of its own")]
        except ArticleError as error:
            return [error]
    try:
        page = await _refreshed(await fetcher.get(item.link, conditional=conditional), fetcher)
        if page.not_modified:
            return [Unchanged(item.link)]
        found = await _page_articles(page, item.link, fetcher)
    except FetchError as error:
        found = [ArticleError(str(error))]
    if any(isinstance(article, Article) for article in found):
        return [dataclasses.replace(article, date=article.date or item.date,
                                    source=article.source or item.outlet,
                                    agency=article.agency or item.agency)
                if isinstance(article, Article) else article for article in found]
    if item.text:
        try:
            return [item_article(item, item.link)]
        except ArticleError:
            pass
    return found
