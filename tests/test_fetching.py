"""Polite, bounded fetching against a real HTTP server on 127.0.0.1 (tests/newsroom_server.py):
robots.txt, 404, slow and oversized pages, redirect loops, conditional GET, User-Agent."""

from __future__ import annotations

import pytest
from newsroom_server import NewsroomSite, Route

from retrieval.fetching import Fetcher, FetchError, is_url, normalize_url


@pytest.fixture
def site():
    s = NewsroomSite().start()
    yield s
    s.stop()


async def fetch(site: NewsroomSite, path: str, **options) -> bytes:
    async with Fetcher(delay=0, **options) as fetcher:
        return (await fetcher.get(site.url + path)).body


async def failure(site: NewsroomSite, path: str, **options) -> str:
    with pytest.raises(FetchError) as caught:
        await fetch(site, path, **options)
    assert caught.value.url == site.url + path  # the failing page is named
    return caught.value.reason


async def test_user_agent_names_marsad_and_robots_txt_is_read_first(site):
    site.page("/news/1", "<p>خبر</p>")
    assert await fetch(site, "/news/1") == "<p>خبر</p>".encode()
    assert [r.path for r in site.requests] == ["/robots.txt", "/news/1"]
    assert all("Marsad" in r.headers["User-Agent"] for r in site.requests)


async def test_robots_txt_disallow_is_respected_and_the_page_never_requested(site):
    site.page("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    site.page("/private/a", "<p>سري</p>")
    site.page("/public/b", "<p>علني</p>")
    assert "robots.txt" in await failure(site, "/private/a")
    assert not site.hits("/private/a")
    assert await fetch(site, "/public/b")


async def test_robots_txt_rules_for_marsad_by_name(site):
    site.page("/robots.txt", "User-agent: Marsad\nDisallow: /\n\nUser-agent: *\nAllow: /\n",
              content_type="text/plain")
    site.page("/a", "<p>x</p>")
    assert "robots.txt" in await failure(site, "/a")


async def test_not_found_is_named_with_its_status(site):
    assert await failure(site, "/missing") == "HTTP 404"


async def test_a_slow_page_times_out(site):
    site.routes["/slow"] = Route(b"<p>late</p>", delay=2.0)
    assert "timed out" in await failure(site, "/slow", read_timeout=0.3)


async def test_a_page_slower_than_the_whole_response_deadline_times_out(site):
    site.routes["/drip"] = Route(b"<p>late</p>", delay=2.0)
    assert "timed out" in await failure(site, "/drip", read_timeout=10, total_timeout=0.3)


async def test_an_oversized_page_is_refused(site):
    site.page("/huge", b"<p>" + b"x" * 200_000 + b"</p>")
    assert "larger than" in await failure(site, "/huge", max_bytes=50_000)


async def test_an_oversized_page_without_content_length_is_cut_off(site):
    site.routes["/chunked"] = Route(b"x" * 300_000, declare_length=False)
    assert "larger than" in await failure(site, "/chunked", max_bytes=50_000)


async def test_a_redirect_loop_is_capped(site):
    site.routes["/a"] = Route(status=302, headers={"Location": "/b"})
    site.routes["/b"] = Route(status=302, headers={"Location": "/a"})
    assert "redirects" in await failure(site, "/a", max_redirects=4)
    assert len(site.hits("/a")) + len(site.hits("/b")) == 5


async def test_redirects_are_followed_to_the_final_page(site):
    site.routes["/old"] = Route(status=301, headers={"Location": "/new"})
    site.page("/new", "<p>هنا</p>")
    async with Fetcher(delay=0) as fetcher:
        page = await fetcher.get(site.url + "/old")
    assert page.url == site.url + "/new" and page.body == "<p>هنا</p>".encode()


async def test_a_redirect_to_another_scheme_is_refused(site):
    site.routes["/to-file"] = Route(status=302, headers={"Location": "file:///etc/passwd"})
    assert "only http and https" in await failure(site, "/to-file")


async def test_only_http_and_https_urls_are_fetched():
    async with Fetcher(delay=0) as fetcher:
        for url in ("ftp://example/feed.xml", "file:///etc/passwd", "javascript:alert(1)"):
            with pytest.raises(FetchError, match="only http and https"):
                await fetcher.get(url)


async def test_conditional_get_with_etag_gets_a_304_and_no_body(site):
    site.feed("/rss.xml", "<rss></rss>", etag='"v1"')
    async with Fetcher(delay=0) as fetcher:
        first = await fetcher.get(site.url + "/rss.xml", conditional=True)
        second = await fetcher.get(site.url + "/rss.xml", conditional=True)
    assert not first.not_modified and first.body == b"<rss></rss>"
    assert second.not_modified and second.body == b""
    asked = site.hits("/rss.xml")
    assert "If-None-Match" not in asked[0].headers
    assert asked[1].headers["If-None-Match"] == '"v1"'


async def test_last_modified_is_sent_back_as_if_modified_since(site):
    stamp = "Thu, 14 Sep 2023 10:00:00 GMT"
    site.feed("/atom.xml", "<feed></feed>", headers={"Last-Modified": stamp})
    async with Fetcher(delay=0) as fetcher:
        await fetcher.get(site.url + "/atom.xml", conditional=True)
        await fetcher.get(site.url + "/atom.xml", conditional=True)
    assert site.hits("/atom.xml")[1].headers["If-Modified-Since"] == stamp


async def test_an_unreachable_host_is_named_with_the_reason():
    async with Fetcher(delay=0, connect_timeout=2) as fetcher:
        with pytest.raises(FetchError) as caught:
            await fetcher.get("http://127.0.0.1:9/news")  # the discard port: refused
    assert caught.value.url == "http://127.0.0.1:9/news" and caught.value.reason


def test_urls_are_recognised_and_normalised():
    assert is_url("https://a.example/x") and is_url("http://a.example")
    assert not is_url("news.html") and not is_url("ftp://a.example/x")
    assert normalize_url("HTTPS://A.Example/x?id=3&utm_source=tw#comments") == (
        "https://a.example/x?id=3")
