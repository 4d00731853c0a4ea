"""Feeds and pages over HTTP into a real database: the right title, outlet, date and url,
no furniture, and identity by canonical URL (re-ingest adds nothing, a changed page replaces
its old version, a new feed item adds one). Python API and the CLI as a user runs it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from newsroom_server import NewsroomSite, html_page, rss
from test_cli import marsad

from retrieval.articles import ArticleError, iter_articles
from retrieval.engine import Marsad
from retrieval.fetching import Fetcher
from retrieval.web import articles_from_web

OUTLET = "صحيفة الوطن"
FARMERS = ["أقرت الحكومة خطة بقيمة مئتي مليون دولار لدعم المزارعين المتضررين من الجفاف.",
           "وقال وزير الزراعة إن الدعم سيصرف على ثلاث دفعات تبدأ في أيار المقبل.",
           "وأضاف أن الخطة تشمل توزيع بذور محسنة على عشرة آلاف مزارع في المحافظات الشرقية."]
BUDGET = ["أقر البرلمان موازنة العام المقبل بأغلبية خمسة وستين صوتا بعد جلسة استمرت يومين.",
          "وتتضمن الموازنة زيادة مخصصات التعليم والصحة بنسبة خمسة عشر في المئة هذا العام.",
          "واعترض نواب المعارضة على غياب خطة واضحة لسداد الديون الخارجية المتراكمة."]
POWER = ["انقطعت الكهرباء عن أحياء واسعة من العاصمة بسبب عطل في محطة التحويل الرئيسية.",
         "وقالت شركة الكهرباء إن فرق الصيانة تعمل على إصلاح العطل خلال ساعات."]
NEW = ["افتتح وزير الثقافة معرض الكتاب الدولي بمشاركة ألف دار نشر من ثلاثين دولة.",
       "ويضم المعرض هذا العام جناحا خاصا بكتب الأطفال وآخر للمخطوطات النادرة."]


@pytest.fixture
def site():
    s = NewsroomSite().start()
    yield s
    s.stop()


def publish(site: NewsroomSite, path: str, headline: str, paragraphs: list[str],
            date: str = "2024-03-05T09:00:00+03:00") -> dict[str, str]:
    url = site.page(path, html_page(headline, paragraphs, url=site.url + path, date=date))
    return {"link": url, "title": headline, "pubDate": "Tue, 05 Mar 2024 09:00:00 +0300"}


def newsroom(site: NewsroomSite) -> list[dict[str, str]]:
    """A feed of three items: two pages that load, one whose page is gone but whose full
    text the feed carries."""
    items = [publish(site, "/news/farmers", "الحكومة تقر خطة لدعم المزارعين", FARMERS),
             publish(site, "/news/budget", "البرلمان يقر موازنة العام المقبل", BUDGET,
                     date="2023-10-14T21:00:00+03:00")]
    items.append({"link": site.url + "/news/power-cut", "title": "انقطاع الكهرباء عن العاصمة",
                  "pubDate": "Wed, 06 Mar 2024 23:30:00 +0300",
                  "content": "".join(f"<p>{p}</p>" for p in POWER)})
    site.feed("/rss.xml", rss("الوطن - آخر الأخبار", items), etag='"1"')
    return items


def quick(folder: Path) -> None:
    """./config.toml for the CLI: no politeness delay towards our own test server."""
    (folder / "config.toml").write_text("[feeds]\ndelay_seconds = 0\n", encoding="utf-8")


async def ingest(engine: Marsad, *targets: str):
    async with Fetcher(delay=0) as fetcher:
        found = [a async for a in articles_from_web(list(targets), fetcher)]
    return await engine.ingest(found)


async def test_a_feed_over_http_goes_in_with_metadata_and_no_furniture(site, tmp_path):
    newsroom(site)
    async with await Marsad.open(tmp_path / "m.db") as engine:
        report = await ingest(engine, site.url + "/rss.xml")
        assert (report.added, report.errors) == (3, [])
        sources = {s.url: s for s in await engine.sources()}
        farmers = sources[site.url + "/news/farmers"]
        assert (farmers.title, farmers.source, farmers.date) == (
            "الحكومة تقر خطة لدعم المزارعين", OUTLET, dt.date(2024, 3, 5))
        assert sources[site.url + "/news/budget"].date == dt.date(2023, 10, 14)
        # the page is gone: the feed's own full text, title, date and outlet
        power = sources[site.url + "/news/power-cut"]
        assert (power.title, power.source, power.date) == (
            "انقطاع الكهرباء عن العاصمة", "الوطن", dt.date(2024, 3, 6))  # no «- آخر الأخبار»
        answer = await engine.answer("كم قيمة خطة دعم المزارعين؟")
        assert answer.answered and answer.hits[0].url == site.url + "/news/farmers"
        assert answer.hits[0].source == OUTLET
        for question in ("gtag dataLayer", "ملفات تعريف الارتباط", "كتب محمد علي"):
            hits = (await engine.answer(question)).hits
            assert not any(w in h.text for h in hits for w in ("gtag", "ملفات", "محمد علي"))
        texts = [p for a in [await engine.article(i) for i in sources] for p in a.paragraphs]
        assert sorted(texts) == sorted(FARMERS + BUDGET + POWER)


async def test_reingest_adds_nothing_a_changed_page_replaces_a_new_item_adds_one(site, tmp_path):
    items = newsroom(site)
    async with await Marsad.open(tmp_path / "m.db") as engine:
        await ingest(engine, site.url + "/rss.xml")
        again = await ingest(engine, site.url + "/rss.xml")
        assert (again.added, again.replaced, again.unchanged) == (0, 0, 3)

        corrected = [*FARMERS[:2], "وأضاف أن الخطة تشمل عشرين ألف مزارع بعد التعديل."]
        publish(site, "/news/farmers", "الحكومة تقر خطة لدعم المزارعين", corrected)
        changed = await ingest(engine, site.url + "/rss.xml")
        assert (changed.added, changed.replaced) == (0, 1)
        article = await engine.article(site.url + "/news/farmers")
        assert article.paragraphs == tuple(corrected)

        items.insert(0, publish(site, "/news/book-fair", "افتتاح معرض الكتاب", NEW))
        site.feed("/rss.xml", rss("الوطن - آخر الأخبار", items), etag='"2"')
        grown = await ingest(engine, site.url + "/rss.xml")
        assert (grown.added, grown.replaced, grown.unchanged) == (1, 0, 3)
        assert len(await engine.sources()) == 4


async def test_a_failing_page_is_named_and_skipped_the_rest_goes_in(site, tmp_path):
    items = newsroom(site)
    items.append({"link": site.url + "/news/deleted", "title": "خبر محذوف"})  # 404, no text
    site.page("/robots.txt", "User-agent: *\nDisallow: /news/secret\n", content_type="text/plain")
    items.append({"link": site.url + "/news/secret", "title": "خبر محجوب"})
    site.feed("/rss.xml", rss("الوطن", items))
    async with await Marsad.open(tmp_path / "m.db") as engine:
        site.page("/report.pdf", b"%PDF-1.4 ...", content_type="application/pdf")
        report = await ingest(engine, site.url + "/rss.xml", site.url + "/no-such-feed.xml",
                              site.url + "/report.pdf")
    assert report.added == 3
    assert sorted(report.errors) == sorted([
        f"{site.url}/report.pdf: not a web page or a feed (application/pdf)",
        f"{site.url}/news/deleted: HTTP 404",
        f"{site.url}/news/secret: disallowed by the site's robots.txt",
        f"{site.url}/no-such-feed.xml: HTTP 404"])
    assert not site.hits("/news/secret")


@pytest.mark.parametrize("charset", ["utf-8", None])
async def test_a_feed_items_own_text_keeps_its_arabic_title_when_its_page_is_gone(
        site, tmp_path, charset):
    # the page 404s: the feed's own text goes in, under the item's title as the feed wrote it
    body = " ".join(["أطلقت وزارة الصحة حملة تطعيم واسعة في المدارس."] * 12)
    item = {"link": site.url + "/news/gone", "title": "حملة تطعيم", "content": body}
    site.feed("/rss.xml", rss("موقع الريف", [item]),
              content_type="application/rss+xml" + (f"; charset={charset}" if charset else ""))
    async with await Marsad.open(tmp_path / "m.db") as engine:
        report = await ingest(engine, site.url + "/rss.xml")
        assert report.added == 1, report.errors
        [source] = await engine.sources()
    assert (source.title, source.source) == ("حملة تطعيم", "موقع الريف")


async def test_a_page_url_and_an_atom_feed(site, tmp_path):
    url = publish(site, "/story?id=7", "البرلمان يقر موازنة العام المقبل", BUDGET)["link"]
    power = publish(site, "/power", "انقطاع الكهرباء عن العاصمة", POWER,
                    date="2024-01-03T10:00:00+02:00")["link"]
    site.feed("/atom", f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>أخبار المدينة</title><id>urn:x</id>
<updated>2024-01-03T10:00:00Z</updated><entry><title>انقطاع الكهرباء</title>
<link rel="alternate" href="{power}"/><id>{power}</id><updated>2024-01-03T10:00:00Z</updated>
</entry></feed>""", content_type="application/atom+xml")
    async with await Marsad.open(tmp_path / "m.db") as engine:
        report = await ingest(engine, url + "#comments", site.url + "/atom")
        assert (report.added, report.errors) == (2, [])
        by_url = {s.url: s for s in await engine.sources()}
    assert by_url[url].title == "البرلمان يقر موازنة العام المقبل"
    assert by_url[power].date == dt.date(2024, 1, 3)


def test_a_saved_feed_file_offline_gives_the_items_own_text(tmp_path):
    feed = tmp_path / "feed.rss"
    feed.write_text(rss("الوطن", [
        {"link": "https://alwatan.example/a", "title": "انقطاع الكهرباء عن العاصمة",
         "pubDate": "Wed, 06 Mar 2024 23:30:00 +0300",
         "content": "".join(f"<p>{p}</p>" for p in POWER)},
        {"link": "https://alwatan.example/b", "title": "خبر بلا نص"}]), encoding="utf-8")
    article, error = iter_articles([feed])
    assert (article.id, article.title, article.date, article.paragraphs) == (
        "https://alwatan.example/a", "انقطاع الكهرباء عن العاصمة", dt.date(2024, 3, 6),
        tuple(POWER))
    assert isinstance(error, ArticleError) and "https://alwatan.example/b" in str(error)


def test_cli_ingest_of_a_feed_url_and_a_feed_file_then_sources_json(site, tmp_path):
    newsroom(site)
    db = tmp_path / "m.db"
    quick(tmp_path)
    result = marsad("ingest", site.url + "/rss.xml", cwd=tmp_path, db=db)
    assert result.returncode == 0, result.stderr
    assert "added 3" in result.stdout
    saved = tmp_path / "saved.xml"  # the same feed saved to disk: its pages are fetched
    saved.write_bytes(site.routes["/rss.xml"].body)
    again = marsad("ingest", str(saved), cwd=tmp_path, db=db)
    assert "added 0" in again.stdout and "unchanged 3" in again.stdout, again.stdout
    sources = json.loads(marsad("sources", "--json", cwd=tmp_path, db=db).stdout)
    assert {s["url"] for s in sources} == {site.url + p for p in (
        "/news/farmers", "/news/budget", "/news/power-cut")}
    # the page's publisher, and for the item without a page the feed's outlet: its title
    # «الوطن - آخر الأخبار» without the section
    assert {s["source"] for s in sources} == {OUTLET, "الوطن"}


@pytest.mark.parametrize("target", ["ftp://127.0.0.1/news/1", "file:///tmp/page.html",
                                    "gopher://example/1"])
def test_cli_says_which_addresses_it_fetches_for_another_scheme(tmp_path, target):
    result = marsad("ingest", target, cwd=tmp_path, db=tmp_path / "m.db")
    assert result.returncode == 1
    assert f"{target}: only http:// and https://" in result.stderr  # named as typed


def test_cli_names_a_failing_url_and_exits_1(site, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(html_page("حملة تطعيم وطنية في المدارس", FARMERS,
                              url="https://alwatan.example/vaccines"), encoding="utf-8")
    quick(tmp_path)
    result = marsad("ingest", str(page), site.url + "/gone", cwd=tmp_path, db=tmp_path / "m.db")
    assert result.returncode == 1
    assert f"{site.url}/gone: HTTP 404" in result.stderr
    assert "added 1" in result.stdout


def test_a_feed_whose_description_is_the_whole_article_but_a_teaser_is_not(tmp_path):
    whole = " ".join(FARMERS * 4)  # well over a teaser's length
    feed = tmp_path / "feed.xml"
    feed.write_text(rss("الوطن", [
        {"link": "https://alwatan.example/a", "title": "خطة دعم المزارعين",
         "description": f"&lt;p&gt;{whole}&lt;/p&gt;"},
        {"link": "https://alwatan.example/b", "title": "خبر قصير",
         "description": "أقرت الحكومة خطة لدعم المزارعين... التفاصيل"}]), encoding="utf-8")
    article, teaser = iter_articles([feed])
    assert article.paragraphs == (whole,) and article.source == "الوطن"
    assert isinstance(teaser, ArticleError)
    assert "https://alwatan.example/b" in str(teaser) and "no full text" in str(teaser)


def test_an_atom_file_with_html_content(tmp_path):
    feed = tmp_path / "city.atom"
    feed.write_text(f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>أخبار المدينة</title><id>urn:city</id>
<updated>2023-10-14T18:00:00Z</updated>
<entry><title>البرلمان يقر الموازنة</title><id>https://city.example/budget</id>
<link href="https://city.example/budget"/><published>2023-10-14T21:00:00+03:00</published>
<content type="html">{"".join(f"&lt;p&gt;{p}&lt;/p&gt;" for p in BUDGET)}</content></entry>
</feed>""", encoding="utf-8")
    [article] = iter_articles([feed])
    assert (article.title, article.source, article.date, article.url) == (
        "البرلمان يقر الموازنة", "أخبار المدينة", dt.date(2023, 10, 14),
        "https://city.example/budget")
    assert article.paragraphs == tuple(BUDGET)
