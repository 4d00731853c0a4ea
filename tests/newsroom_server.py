"""A newsroom's web site on 127.0.0.1 for tests: pages, feeds, robots.txt, and the ways real
sites fail (404, slow, oversized, redirect loops). Real sockets, a real HTTP server.

`site.routes[path] = Route(...)` sets what a path answers; `site.requests` records every
request (path and headers) so tests can check politeness (User-Agent, conditional GET).
"""

from __future__ import annotations

import contextlib
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

DATA = Path(__file__).parent / "data"


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None  # answer 304 to If-None-Match with this tag
    delay: float = 0.0  # seconds before answering (a slow site)
    declare_length: bool = True  # False: no Content-Length, the body ends when the socket closes


@dataclass
class Request:
    path: str
    headers: dict[str, str]


class NewsroomSite:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.requests.append(Request(self.path, dict(self.headers.items())))
                route = site.routes.get(self.path)
                if route is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "9")
                    self.end_headers()
                    self.wfile.write(b"not found")
                    return
                if route.delay:
                    time.sleep(route.delay)
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    self.send_response(304)
                    self.send_header("ETag", route.etag)
                    self.end_headers()
                    return
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                if route.declare_length:
                    self.send_header("Content-Length", str(len(route.body)))
                if route.etag:
                    self.send_header("ETag", route.etag)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                # the client may stop reading (a page over its size limit)
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(route.body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> NewsroomSite:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def page(self, path: str, html: str | bytes, **kwargs: object) -> str:
        body = html.encode("utf-8") if isinstance(html, str) else html
        self.routes[path] = Route(body, **kwargs)  # type: ignore[arg-type]
        return self.url + path

    def feed(self, path: str, xml: str, **kwargs: object) -> str:
        kwargs.setdefault("content_type", "application/rss+xml; charset=utf-8")
        return self.page(path, xml, **kwargs)

    def hits(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path == path]


def html_page(headline: str, paragraphs: list[str], *, url: str, site: str = "صحيفة الوطن",
              date: str = "2024-03-05T09:00:00+03:00") -> str:
    """A realistic article page (furniture included), with JSON-LD and OpenGraph."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{headline} | {site}</title>
<link rel="canonical" href="{url}">
<meta property="og:title" content="{headline}"><meta property="og:site_name" content="{site}">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"{headline}","datePublished":"{date}","publisher":{{"@type":"Organization",
"name":"{site}"}}}}</script>
<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments)}}
gtag('config','G-1');</script></head><body>
<div class="cookie-banner">نستخدم ملفات تعريف الارتباط لتحسين تجربتك. <button>موافق</button></div>
<nav><a href="/">الرئيسية</a> <a href="/politics">سياسة</a> <a href="/economy">اقتصاد</a></nav>
<article><h1>{headline}</h1><p class="byline">كتب - محمد علي</p>
<div class="share"><a>شارك</a> <a>فيسبوك</a> <a>تويتر</a></div>
<div class="body">{body}</div></article>
<aside class="related"><h3>أخبار ذات صلة</h3>
<ul><li><a href="/x">خبر آخر لا علاقة له بهذا الموضوع</a></li>
</ul></aside>
<footer>جميع الحقوق محفوظة © {site}</footer></body></html>"""


def rss(title: str, items: list[dict[str, str]]) -> str:
    """An RSS 2.0 feed; each item: link, title, pubDate, optional content (full text)."""
    entries = []
    for item in items:
        content = (f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>"
                   if item.get("content") else "")
        entries.append(f"""<item><title>{item['title']}</title><link>{item['link']}</link>
<guid>{item['link']}</guid><pubDate>{item.get('pubDate', '')}</pubDate>
<description>{item.get('description', 'ملخص قصير')}</description>{content}</item>""")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>{title}</title><link>http://example/</link><description>آخر الأخبار</description>
{''.join(entries)}</channel></rss>"""
