"""Fetch newsroom pages and feeds politely, and within bounds.

A bot that polls other people's sites must not hammer them nor be hung by them: every
request names Marsad in its User-Agent, honours robots.txt (urllib.robotparser, with its
Crawl-delay), waits between requests to one host, gives up after connect/read timeouts,
stops reading past a maximum size, follows a few redirects only, and only to http/https.
Feeds are fetched with a conditional GET (ETag / Last-Modified): an unchanged feed costs
the site a 304 and no body. Failures raise `FetchError` naming the URL and the reason.
"""

from __future__ import annotations

import asyncio
import importlib.util
import time
import urllib.robotparser
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

USER_AGENT = "Marsad/0.1 (Arabic news-coverage bot; follows robots.txt)"
ROBOTS_AGENT = "Marsad"  # the token robots.txt rules name
CONNECT_TIMEOUT = 10.0  # seconds
READ_TIMEOUT = 20.0  # seconds between bytes, not for the whole page
TOTAL_TIMEOUT = 60.0  # seconds for one whole response: a site dripping bytes is cut off
MAX_PAGE_BYTES = 5 * 1024 * 1024
MAX_ROBOTS_BYTES = 512 * 1024
MAX_REDIRECTS = 5
# Content-Encodings httpx unpacks (br through the `brotli` package, zstd when `zstandard`
# happens to be installed): a body sent in another one unasked would be read as text, garbage.
DECODED_ENCODINGS = frozenset({"", "identity", "gzip", "x-gzip", "deflate", "br"} | (
    {"zstd"} if importlib.util.find_spec("zstandard") else set()))
HOST_DELAY = 1.0  # seconds between two requests to one host
MAX_CRAWL_DELAY = 30.0  # a robots.txt Crawl-delay is honoured up to this many seconds
ROBOTS_TTL = 24 * 3600.0  # a long-running follower reads each robots.txt again daily


class FetchError(Exception):
    """A URL that could not be fetched; `str()` is "URL: reason" for the user."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


@dataclass(frozen=True)
class Page:
    """A fetched resource. `not_modified`: a conditional GET answered 304 (no body)."""

    url: str  # after redirects
    body: bytes
    content_type: str
    charset: str | None
    not_modified: bool = False


def is_url(text: str) -> bool:
    """True for an http:// or https:// URL (the only schemes Marsad fetches)."""
    return urlsplit(text.strip()).scheme.lower() in ("http", "https") and "://" in text


def normalize_url(url: str) -> str:
    """The URL without its #fragment and `utm_*` tracking parameters, with a lower-case
    scheme and host: one page, one id however it was linked."""
    parts = urlsplit(url.strip())
    query = "&".join(p for p in parts.query.split("&") if p and not p.startswith("utm_"))
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", query, ""))


def names_a_page(url: str) -> bool:
    """True for an http(s) URL that can name one article: not a site's home page
    (`https://www.site.com/`, which a CMS sets as every page's canonical URL and some
    feeds as every item's link)."""
    parts = urlsplit(url)
    return is_url(url) and (parts.path.strip("/") != "" or bool(parts.query))


def _host(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


class Fetcher:
    """One polite HTTP client for a run (an ingest, a `follow`, the bot's polling).

    Use as `async with Fetcher() as fetcher: page = await fetcher.get(url)`. The delay,
    limits and timeouts are per instance so tests can shorten them; the defaults are the
    polite ones. Validators (ETag / Last-Modified) are remembered per URL for the
    instance's lifetime; `validators` can be saved and given back to a later instance.
    """

    def __init__(self, *, delay: float = HOST_DELAY, max_bytes: int = MAX_PAGE_BYTES,
                 max_redirects: int = MAX_REDIRECTS, connect_timeout: float = CONNECT_TIMEOUT,
                 read_timeout: float = READ_TIMEOUT, total_timeout: float = TOTAL_TIMEOUT,
                 validators: dict[str, tuple[str | None, str | None]] | None = None) -> None:
        self.delay = delay
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.validators = dict(validators or {})
        self.total_timeout = total_timeout
        timeout = httpx.Timeout(read_timeout, connect=connect_timeout)
        self._client = httpx.AsyncClient(
            headers={"User-Agent": USER_AGENT}, timeout=timeout, follow_redirects=False,
            trust_env=False)
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}
        self._last: dict[str, float] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def close(self) -> None:
        await self._client.aclose()

    async def get(self, url: str, *, conditional: bool = False) -> Page:
        """GET `url`, following at most `max_redirects` redirects (each one checked like
        the first: http/https only, allowed by its site's robots.txt).

        `conditional`: send the validators of the last 200 for this URL; an unchanged
        resource comes back as a `Page` with `not_modified` set. Raises FetchError."""
        current = url.strip()
        for _ in range(self.max_redirects + 1):
            if not is_url(current):
                raise FetchError(url, f"only http and https URLs are fetched, not {current!r}")
            if not await self._allowed(current):
                raise FetchError(url, "disallowed by the site's robots.txt")
            headers = self._conditions(url) if conditional else {}
            status, location, page = await self._request(url, current, headers)
            if location is None:
                if status == 304 and conditional:
                    return Page(current, b"", "", None, not_modified=True)
                if status >= 400:
                    raise FetchError(url, f"HTTP {status}")
                assert page is not None
                return page
            current = urljoin(current, location)
        raise FetchError(url, f"more than {self.max_redirects} redirects")

    def _conditions(self, url: str) -> dict[str, str]:
        etag, modified = self.validators.get(url, (None, None))
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        return headers

    async def _request(self, asked: str, url: str, headers: dict[str, str]
                       ) -> tuple[int, str | None, Page | None]:
        """(status, redirect location or None, the page when it is a final answer)."""
        await self._wait_turn(url)
        try:
            async with (asyncio.timeout(self.total_timeout),
                        self._client.stream("GET", url, headers=headers) as response):
                if response.status_code in (301, 302, 303, 307, 308):
                    location = response.headers.get("location")
                    if not location:
                        raise FetchError(asked, f"HTTP {response.status_code} without Location")
                    return response.status_code, location, None
                if response.status_code != 200:
                    return response.status_code, None, None
                encoding = response.headers.get("content-encoding", "").strip().lower()
                if any(e.strip() not in DECODED_ENCODINGS for e in encoding.split(",")):
                    raise FetchError(asked, f"sent compressed as {encoding!r}, which Marsad "
                                            "cannot unpack")
                body = await self._body(asked, response)
                etag = response.headers.get("etag")
                modified = response.headers.get("last-modified")
                if etag or modified:
                    self.validators[asked] = (etag, modified)
                content_type = response.headers.get("content-type", "")
                return 200, None, Page(str(response.url), body,
                                       content_type.split(";")[0].strip().lower(),
                                       response.charset_encoding)
        except (httpx.TimeoutException, TimeoutError):
            raise FetchError(asked, "timed out") from None
        except httpx.HTTPError as error:
            raise FetchError(asked, f"{type(error).__name__}: {error}".rstrip(": ")) from None

    async def _body(self, asked: str, response: httpx.Response, limit: int | None = None
                    ) -> bytes:
        limit = self.max_bytes if limit is None else limit
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(asked, f"larger than {limit // 1024} KB ({int(declared)} bytes)")
        chunks, size = [], 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > limit:
                raise FetchError(asked, f"larger than {limit // 1024} KB")
            chunks.append(chunk)
        return b"".join(chunks)

    async def _wait_turn(self, url: str) -> None:
        """Sleep until this host's delay (or its robots.txt Crawl-delay) has passed."""
        host = _host(url)
        lock = self._locks.setdefault(host, asyncio.Lock())
        async with lock:
            robots = self._robots.get(host)
            crawl = robots.crawl_delay(ROBOTS_AGENT) if robots is not None else None
            delay = max(self.delay, min(float(crawl or 0), MAX_CRAWL_DELAY))
            wait = self._last.get(host, -1e9) + delay - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            self._last[host] = time.monotonic()

    async def _allowed(self, url: str) -> bool:
        host = _host(url)
        robots = self._robots.get(host)
        if robots is None or time.time() - robots.mtime() > ROBOTS_TTL:
            self._robots[host] = await self._read_robots(host)
        return self._robots[host].can_fetch(ROBOTS_AGENT, url)

    async def _read_robots(self, host: str) -> urllib.robotparser.RobotFileParser:
        """The host's robots.txt, read as urllib.robotparser reads it: 401/403 forbid all,
        other 4xx (none) allow all. A server error forbids all for this run; no answer at
        all allows (the page request then fails and says why)."""
        robots = urllib.robotparser.RobotFileParser(f"{host}/robots.txt")
        await self._wait_turn(host)
        try:
            async with (asyncio.timeout(self.total_timeout),
                        self._client.stream("GET", f"{host}/robots.txt") as response):
                status = response.status_code
                if status == 200:
                    body = await self._body(f"{host}/robots.txt", response, MAX_ROBOTS_BYTES)
                    robots.parse(body.decode("utf-8", errors="replace").splitlines())
                elif status in (401, 403) or status >= 500:
                    robots.disallow_all = True
                else:  # 404 and the like (redirects too: not followed for robots.txt)
                    robots.allow_all = True
        except (httpx.HTTPError, FetchError, TimeoutError):
            robots.allow_all = True  # unreachable: the page request will fail and say why
        robots.modified()
        return robots
