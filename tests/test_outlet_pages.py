"""Other outlets' pages, feeds and raw pages, as newsrooms really publish them.

The inputs in tests/data/outlets/ (named after the shape they stand for), tests/data/feeds/
(`{BASE}` is the test server's address) and tests/data/pages/ were written to break the
page reader; each asserts title, outlet, date and url, and that no furniture is cited.
A wrong date is a wrong citation: where a page does not state its own, the date is unknown.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from newsroom_server import NewsroomSite
from test_cli import marsad

from retrieval.articles import ArticleError, iter_articles, parse_raw
from retrieval.dates import find_date, is_date_line, is_relative_stamp
from retrieval.engine import Marsad
from retrieval.feeds import parse_feed
from retrieval.fetching import Fetcher
from retrieval.html_pages import parse_html
from retrieval.web import articles_from_web

DATA = Path(__file__).parent / "data"


def read(path: Path):
    [article] = iter_articles([path])
    assert not isinstance(article, ArticleError), article
    return article


def cited(article) -> str:
    return "\n".join((article.title, *article.paragraphs))


# --- HTML pages -----------------------------------------------------------------------

@pytest.mark.parametrize(("name", "title", "source", "date", "url"), [
    # JSON-LD @graph whose NewsArticle names its publisher by {"@id": "…#organization"}
    ("arabi21-publisher-reference.html", "البنك المركزي يرفع سعر الفائدة للمرة الثالثة هذا العام",
     "عربي21", dt.date(2024, 4, 17), "https://arabi21.example/story/1588/central-bank-rate"),
    # "Article", publisher a string, RFC 822 datePublished, URL only in mainEntityOfPage
    ("aawsat-string-publisher.html", "وفاة 12 شخصاً في حادث سير مروع على الطريق الصحراوي",
     "الشرق الأوسط", dt.date(2024, 5, 11), "https://aawsat.example/node/4412"),
    ("aljazeera-reportage-gallery.html", "مخيمات النزوح في الشمال السوري تواجه شتاءً قاسياً",
     "الجزيرة نت", dt.date(2024, 1, 9), "https://aljazeera.example/news/2024/1/9/camps-winter"),
    ("annahar-og-only.html", "انتخابات بلدية في لبنان بعد تأجيل دام سنتين", "النهار",
     dt.date(2025, 5, 12), "https://annahar.example/arabic/news/lebanon/12-05-2025/municipal"),
    ("local-time-only.html", "ارتفاع أسعار الخضار في الأسواق مع بداية رمضان",
     "شبكة الأخبار المحلية", dt.date(2024, 3, 11), None),  # the <title> names the site
    ("mosaique-amp.html", "إضراب عام في قطاع النقل يشل الحركة في العاصمة", "موزاييك أف أم",
     dt.date(2024, 6, 3), None),  # a relative canonical and no page URL: no url to give
    # Windows-1256, a table layout, "site - headline" <title>, a labelled date in the body
    ("alayam-cp1256-table.html", "المجلس البلدي يناقش مشروع الصرف الصحي", "صحيفة الأيام",
     dt.date(2009, 10, 5), None),  # the <title> names the site before the headline
    # only dateModified; the "most read" widget's <time>s are other stories' dates
    ("almodon-most-read-times.html", "مقتل ثلاثة في غارة على بلدة جنوبية", "Almodon", None, None),
    ("sudantribune-recent-posts.html", "جامعة الخرطوم تستأنف الدراسة عن بعد", "سودان تريبيون",
     None, None),
    ("hespress-site-first.html", "المغرب يطلق برنامجاً لتحلية مياه البحر في الجنوب", "Hespress",
     dt.date(2024, 8, 20), None),
])
def test_outlet_pages_give_their_own_title_outlet_date_and_url(name, title, source, date, url):
    article = read(DATA / "outlets" / name)
    assert (article.title, article.source, article.date, article.url) == (
        title, source, date, url)


FURNITURE = (
    "كتب:", "أحمد منصور", "إقرأ", "الدولار يتراجع", "النشرة البريدية", "اشترك", "الوسوم",
    "الأكثر قراءة", "أسعار الذهب", "جميع الحقوق", "الكوكيز", "التعليقات", "الله يرحمهم",
    "شاهد أيضاً", "لحظة وقوع", "المصدر:", "وكالة أنباء الشرق الأوسط", "تقرير:", "عمر يوسف -",
    "تصوير", "أطفال يلعبون", "متطوعون يوزعون", "ملفات تعريف الارتباط", "اقرأ أيضاً",
    "الحكومة تقر موازنة", "فيسبوك", "نسخ الرابط", "بيروت - النهار", "06:15", "للمزيد",
    "أسعار اللحوم", "آخر الأخبار", "افتتاح جسر", "رويترز", "محطة حافلات فارغة", "amp-",
    "التاريخ:", "محليات", "أحدث المقالات", "أم درمان", "إعداد وتحرير", "يوسف العلوي",
    "اقرأ ايضا", "مخزون السدود", "كلمات مفتاحية", "Almodon", "وزير المال",
)


@pytest.mark.parametrize("name", sorted(p.name for p in (DATA / "outlets").glob("*.html")))
def test_no_furniture_in_any_outlets_passage(name):
    article = read(DATA / "outlets" / name)
    leaked = [f for f in FURNITURE for p in article.paragraphs if f in p]
    assert not leaked, leaked


BODY = ("<p>أعلنت وزارة الصحة عن حملة تطعيم وطنية تشمل جميع المدارس الحكومية والخاصة في "
        "المحافظات كافة، وتستمر ثلاثة أسابيع بحسب بيان رسمي.</p><p>وقال المتحدث باسم الوزارة "
        "إن الحملة تهدف إلى رفع نسبة التحصين بين الأطفال إلى أكثر من تسعين في المئة.</p>")
CARD = "<a href='/{n}'>خبر آخر رقم {n}</a><time datetime='2021-0{n}-0{n}'>قديم</time>"


@pytest.mark.parametrize(("layout", "expected"), [
    # sidebars built from <div>s, not <aside>: their <time>s are other stories'
    (f"<div class='main'><h1>حملة تطعيم</h1>{BODY}</div>"
     f"<div class='widget'><h3>الأكثر قراءة</h3><div>{CARD.format(n=1)}</div></div>", None),
    (f"<div class='widget'>{CARD.format(n=2)}</div><div class='main'><h1>حملة تطعيم</h1>{BODY}"
     "</div>", None),
    # story cards inside the article itself
    (f"<article><h1>حملة تطعيم</h1>{BODY}<section class='related'>"
     f"<article>{CARD.format(n=3)}</article><article>{CARD.format(n=4)}</article></section>"
     "</article>", None),
    (f"<article><h1>حملة تطعيم</h1>{BODY}<ul><li>{CARD.format(n=5)}</li></ul></article>", None),
    # no heading to anchor the date to: no date
    (f"<div>{BODY}<time datetime='2021-01-01'>قديم</time></div>", None),
    # the article's own <time>, beside its heading, with a sidebar around it
    (f"<div class='post'><h1>حملة تطعيم</h1><div class='meta'><time datetime='2023-05-03T10:00'>"
     f"3 مايو</time></div>{BODY}</div><div class='widget'>{CARD.format(n=6)}</div>",
     dt.date(2023, 5, 3)),
    (f"<article><header><h1>حملة تطعيم</h1></header><div><time datetime='2023-05-03'>3 مايو"
     f"</time></div>{BODY}<article>{CARD.format(n=7)}</article></article>", dt.date(2023, 5, 3)),
    # two different days beside the heading: which one is the publication is not stated
    (f"<article><h1>حملة تطعيم</h1><time datetime='2023-05-03'>3 مايو</time>"
     f"<time datetime='2023-05-09'>تحديث</time>{BODY}</article>", None),
])
def test_a_time_element_dates_the_page_only_beside_its_own_heading(layout, expected):
    html = f"<html><head><title>حملة تطعيم | الصحة اليوم</title></head><body>{layout}</body></html>"
    assert parse_html(html, "page").date == expected


def ld_page(article: str, *others: str, head: str = "") -> str:
    graph = ", ".join((*others, article))
    return (f"<html><head>{head}<script type='application/ld+json'>{{\"@graph\": [{graph}]}}"
            f"</script></head><body><h1>حملة تطعيم وطنية</h1>{BODY}</body></html>")


ARTICLE = ('{{"@type": "NewsArticle", "headline": "حملة تطعيم وطنية", "datePublished": '
           '"2023-05-03", "publisher": {publisher}}}')
ORG = '{"@type": "NewsMediaOrganization", "@id": "https://health.example/#org", "name": "الصحة"}'


@pytest.mark.parametrize(("page", "expected"), [
    (ld_page(ARTICLE.format(publisher='{"@id": "https://health.example/#org"}'), ORG), "الصحة"),
    (ld_page(ARTICLE.format(publisher='[{"@id": "https://health.example/#org"}]'), ORG), "الصحة"),
    # a reference to nothing on the page: the OpenGraph name, else no outlet, never a URL
    (ld_page(ARTICLE.format(publisher='{"@id": "https://health.example/#org"}'),
             head="<meta property='og:site_name' content='الصحة اليوم'>"), "الصحة اليوم"),
    (ld_page(ARTICLE.format(publisher='{"@id": "https://health.example/#org"}')), None),
    (ld_page(ARTICLE.format(publisher='"الصحة اليوم"')), "الصحة اليوم"),
])
def test_the_publisher_is_a_name_never_a_reference(page, expected):
    assert parse_html(page, "page").source == expected


@pytest.mark.parametrize(("head", "heading", "expected"), [
    ("<title>الصحة اليوم: حملة تطعيم وطنية</title>"
     "<meta property='og:site_name' content='الصحة اليوم'>", "<h1>x</h1>", "حملة تطعيم وطنية"),
    ("<title>الصحة اليوم - حملة تطعيم وطنية</title>",
     "<font class='title'>حملة تطعيم وطنية</font>", "حملة تطعيم وطنية"),
    ("<title>الصحة اليوم | حملة تطعيم وطنية</title>",
     "<div class='post-headline'>حملة تطعيم وطنية</div>", "حملة تطعيم وطنية"),
    # a headline's own colon and dash stay when nothing says which part is the site
    ("<title>تونس: حملة تطعيم وطنية</title>", "<h1>تونس: حملة تطعيم وطنية</h1>",
     "تونس: حملة تطعيم وطنية"),
    ("<title>وزير الصحة: الحملة تشمل كل المدارس</title>", "", "وزير الصحة: الحملة تشمل كل المدارس"),
    ("<title>حملة تطعيم - المرحلة الثانية</title>", "<h2>أخبار</h2>",
     "حملة تطعيم - المرحلة الثانية"),
])
def test_the_site_name_before_the_headline_is_cut(head, heading, expected):
    html = f"<html><head>{head}</head><body>{heading}{BODY}</body></html>"
    assert parse_html(html, "page").title == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("التاريخ: 2009/10/05", dt.date(2009, 10, 5)),
    ("تاريخ النشر: 14 نيسان 2024 - 11:20", dt.date(2024, 4, 14)),
    ("نشر بتاريخ: 3 أيلول، 2023", dt.date(2023, 9, 3)),
])
def test_a_labelled_date_in_a_bare_pages_body_dates_it_and_is_no_passage(line, expected):
    html = f"<html><head><title>حملة تطعيم</title></head><body><p>{line}</p>{BODY}</body></html>"
    article = parse_html(html, "page")
    assert article.date == expected
    assert not any(line in p for p in article.paragraphs)


def test_a_bare_pages_top_bar_date_is_not_its_date_nor_is_prose_after_a_label():
    html = ("<html><head><title>حملة تطعيم</title></head><body><div>الأحد 10 مارس 2024</div>"
            f"<p>التاريخ: يعيد نفسه في كل حملة تطعيم منذ عقود طويلة.</p>{BODY}</body></html>")
    article = parse_html(html, "page")
    assert article.date is None
    assert any(p.startswith("التاريخ: يعيد نفسه") for p in article.paragraphs)


# --- feeds ----------------------------------------------------------------------------

@pytest.fixture
def site():
    s = NewsroomSite().start()
    for page in (DATA / "outlets").glob("*.html"):
        s.page(f"/news/{page.name}", page.read_bytes(),
               content_type="text/html")  # no charset: the page's own <meta> names it
    for feed in (DATA / "feeds").iterdir():
        s.feed(f"/feeds/{feed.name}", feed.read_text(encoding="utf-8").replace("{BASE}", s.url))
    yield s
    s.stop()


async def ingest(engine: Marsad, *urls: str):
    async with Fetcher(delay=0) as fetcher:
        found = [a async for a in articles_from_web(list(urls), fetcher)]
    return await engine.ingest(found), [f for f in found if isinstance(f, ArticleError)]


async def test_feeds_as_outlets_publish_them(site, tmp_path):
    feeds = [f"{site.url}/feeds/{name}" for name in (
        "wordpress-content-encoded.xml", "relative-links-teasers.xml",
        "xml-base-html-title.atom", "malformed.xml")]
    async with await Marsad.open(tmp_path / "m.db") as engine:
        report, errors = await ingest(engine, *feeds)
        by_title = {s.title: s for s in await engine.sources()}
        again, _ = await ingest(engine, *feeds)
        passages = [h.text for s in by_title.values()
                    for h in (await engine.answer(s.title, k=10)).hits]
    # relative <link>s resolve against the feed's URL; the item whose page is gone and
    # whose feed carries no text is named; the broken second item of the malformed feed too
    assert f"{site.url}/news/deleted.html: HTTP 404" in [str(e) for e in errors]
    assert (report.added, len(errors)) == (9, 2)
    assert (again.added, again.replaced) == (0, 0)
    khartoum = by_title["جامعة الخرطوم تستأنف الدراسة عن بعد"]
    assert (khartoum.url, khartoum.date) == (  # the page states no date; the feed item does
        f"{site.url}/news/sudantribune-recent-posts.html", dt.date(2024, 7, 14))
    assert by_title["انتخابات بلدية في لبنان بعد تأجيل دام سنتين"].date == dt.date(2025, 5, 12)
    # an Atom title of type html is text: `&amp;` is `&`
    rain = by_title["الأمطار تغرق شوارع المدينة & السلطات تعلن الطوارئ"]
    assert (rain.source, rain.date) == ("الجزيرة نت", dt.date(2024, 11, 20))
    assert by_title["البنك المركزي يرفع سعر الفائدة للمرة الثالثة هذا العام"].source == "عربي21"
    # the feed is titled «عربي21 - اقتصاد»: the outlet is عربي21, the section no part of it
    assert by_title["ميناء العقبة يسجل رقماً قياسياً في حركة الحاويات"].source == "عربي21"
    leaked = [p for p in passages for f in ("appeared first", "The post", "ليلى حداد", "تصوير",
                                            "اقرأ أيضاً", "الصورة:", "أ ف ب") if f in p]
    assert passages and not leaked, leaked


def test_a_saved_feed_with_relative_links_resolves_them_against_its_channel_link():
    feed = """<rss version="2.0"><channel><title>النهار</title><link>https://annahar.example/</link>
<item><title>خبر</title><link>/news/1?utm_source=rss</link></item>
<item><title>خبر آخر</title><link>news/2</link></item>
<item><title>خبر ثالث</title><link>https://other.example/3</link></item></channel></rss>"""
    assert [i.link for i in parse_feed(feed, "feed")] == [
        "https://annahar.example/news/1", "https://annahar.example/news/2",
        "https://other.example/3"]
    assert [i.link for i in parse_feed(feed, "feed", "https://cdn.example/feeds/a.xml")][:2] == [
        "https://cdn.example/news/1", "https://cdn.example/feeds/news/2"]


@pytest.mark.parametrize(("title", "expected"), [
    ('<title type="html">أ &amp;amp; ب</title>', "أ & ب"),
    ('<title type="html">&lt;b&gt;عاجل&lt;/b&gt; انقطاع الكهرباء</title>', "عاجل انقطاع الكهرباء"),
    ('<title type="text">أ &amp; ب &lt;ج&gt;</title>', "أ & ب <ج>"),
])
def test_feed_titles_are_text(title, expected):
    feed = (f'<feed xmlns="http://www.w3.org/2005/Atom"><title>الموقع</title><entry>{title}'
            '<link href="https://a.example/1"/><id>https://a.example/1</id></entry></feed>')
    assert parse_feed(feed, "feed")[0].title == expected


def test_cli_ingests_relative_link_feed_then_sources_and_ask_json(site, tmp_path):
    (tmp_path / "config.toml").write_text("[feeds]\ndelay_seconds = 0\n", encoding="utf-8")
    db = tmp_path / "m.db"
    feed = f"{site.url}/feeds/relative-links-teasers.xml"
    result = marsad("ingest", feed, cwd=tmp_path, db=db)
    assert result.returncode == 1  # one item's page is gone
    assert "added 2" in result.stdout and f"{site.url}/news/deleted.html" in result.stderr
    sources = json.loads(marsad("sources", "--json", cwd=tmp_path, db=db).stdout)
    assert sorted(s["url"] for s in sources) == [  # the page's own og:url is its identity
        f"{site.url}/news/sudantribune-recent-posts.html",
        "https://annahar.example/arabic/news/lebanon/12-05-2025/municipal"]
    answer = json.loads(marsad("ask", "أحدث المقالات الجيش جسر استراتيجي", "--json",
                               cwd=tmp_path, db=db).stdout)
    assert not any("جسر استراتيجي" in h["text"] for h in answer["hits"])


# --- raw pages ------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "date", "stamps"), [
    ("hijri-rabi.txt", dt.date(2023, 9, 27), ("ربيع الأول", "كتب:")),
    ("hijri-jumada-dual.txt", dt.date(2023, 12, 29), ("جمادى", "بقلم", "حسن الأحمد")),
    ("hijri-dhulhijja.txt", dt.date(2023, 6, 27), ("ذو الحجة", "إعداد", "فاطمة الزهراني")),
    ("hijri-no-mark.txt", dt.date(2024, 9, 4), ("1446",)),
    ("hijri-shaban-dual.txt", dt.date(2024, 3, 1), ("شعبان", "آذار")),
    ("levantine-adhar.txt", dt.date(2024, 3, 2), ("آذار", "تقرير", "رامي الشامي", "اقرأ ايضا")),
    ("levantine-months.txt", dt.date(2024, 7, 18), ("تموز 2024", "إقرأ", "شاهد أيضاً")),
    ("shubat-bylines.txt", dt.date(2024, 2, 25), ("شباط", "كتب:", "للمزيد", "مجاعة")),
    ("nisan-published.txt", dt.date(2024, 4, 14), ("تاريخ النشر",)),
    ("hazeeran-labelled.txt", dt.date(2024, 6, 10), ("نشر بتاريخ",)),
    ("relative-minutes.txt", None, ("قبل 5 دقائق",)),
    ("relative-days-byline.txt", None, ("منذ يومين", "كتبت", "ريما عوض")),
    ("relative-yesterday.txt", None, ("أمس",)),
])
def test_raw_pages_of_other_outlets(name, date, stamps):
    article = read(DATA / "pages" / name)
    assert article.date == date
    assert not any(s in cited(article) for s in stamps), cited(article)
    assert len(article.paragraphs) >= 2


BODY_LINES = ["أقر مجلس النواب قانون الإيجارات الجديد الذي يحرر العقود القديمة تدريجيا.",
              "واعترضت لجان المستأجرين على القانون معتبرة أنه يهدد آلاف العائلات."]


def raw(*lines: str):
    return parse_raw("\n".join(("مجلس النواب يقر قانون الإيجارات", *lines)), "page")


@pytest.mark.parametrize("byline", [
    "إعداد وتحرير: يوسف العلوي", "ترجمة وإعداد: علي حسن", "تقرير: عمر يوسف", "تقرير ـ رنا سعد",
    "حوار: ليلى خوري", "تحرير وتدقيق - سامي نادر", "كتب وأعد: نبيل",
])
def test_compound_and_report_bylines_are_no_passage(byline):
    article = raw(byline, *BODY_LINES)
    assert article.paragraphs == tuple(BODY_LINES)


@pytest.mark.parametrize("prose", [
    "تقرير: الأمم المتحدة تحذر من مجاعة وشيكة في المدينة",
    "حوار: وزير الخارجية يكشف تفاصيل المفاوضات الجارية",
])
def test_a_report_headline_is_not_a_byline(prose):
    assert prose in raw(BODY_LINES[0], prose, BODY_LINES[1]).paragraphs


@pytest.mark.parametrize("teaser", [
    "للمزيد: الأمم المتحدة تحذر من مجاعة", "اقرأ المزيد: ارتفاع الإيجارات", "ذات صلة: خبر آخر",
    "يهمك أيضاً: أسعار الشقق", "قد يهمك: نواب يعترضون", "اقرأ كذلك: قانون المالكين",
    "تابع أيضا: جلسة البرلمان",
])
def test_other_teaser_spellings_are_cut_and_the_article_goes_on(teaser):
    article = raw(BODY_LINES[0], teaser, BODY_LINES[1])
    assert article.paragraphs == tuple(BODY_LINES)


def test_prose_that_starts_like_a_teaser_is_kept():
    prose = "للمزيد من المعلومات حول القانون يمكن مراجعة موقع مجلس النواب الرسمي."
    assert prose in raw(BODY_LINES[0], prose, BODY_LINES[1]).paragraphs


@pytest.mark.parametrize("stamp", [
    "منذ ثلاث ساعات", "قبل ثلاثة أيام", "قبل ساعة واحدة", "5 دقائق مضت", "منذ بضع دقائق",
    "قبل عشر دقائق", "منذ عدة أيام",
])
def test_relative_stamps_in_words_give_no_date_and_no_passage(stamp):
    assert is_relative_stamp(stamp)
    article = raw(stamp, *BODY_LINES)
    assert (article.date, article.paragraphs) == (None, tuple(BODY_LINES))


@pytest.mark.parametrize("prose", [
    "منذ ثلاث سنوات والمدينة تعاني من انقطاع المياه",
    "قبل ساعة واحدة من الانفجار وصل الوفد إلى المطار",
])
def test_prose_with_counted_time_is_not_a_stamp(prose):
    assert not is_relative_stamp(prose)


@pytest.mark.parametrize(("printed", "expected"), [
    ("3 أيلول، 2023", dt.date(2023, 9, 3)),
    ("أيلول 3، 2023", dt.date(2023, 9, 3)),
    ("الخميس، 5 ربيع الأول، 1445", dt.date(2023, 9, 20)),
    ("1 رمضان 1445 للهجرة", dt.date(2024, 3, 11)),
    ("12 مايو 2024 للميلاد", dt.date(2024, 5, 12)),
])
def test_dates_with_arabic_commas_and_calendar_words(printed, expected):
    assert find_date(printed) == expected and is_date_line(printed)
    assert raw(printed, *BODY_LINES).date == expected


@pytest.mark.parametrize("footer", [
    "The post ميناء العقبة يسجل رقماً قياسياً appeared first on عربي21.",
    "ظهرت المقالة ميناء العقبة يسجل رقماً قياسياً أولاً على عربي21.",
    "المقالة ميناء العقبة يسجل رقماً قياسياً ظهرت أولاً على عربي21",
])
def test_the_feeds_wordpress_footer_is_no_passage(footer):
    assert raw(*BODY_LINES, footer).paragraphs == tuple(BODY_LINES)


@pytest.mark.parametrize("furniture", [
    # photos' credits and caption labels on lines of their own
    "مصدر الصورة، Getty Images", "التعليق على الصورة، نواب في جلسة البرلمان", "(أ.ف.ب)",
    "(وكالات)", "(ع.م)", "صورة أرشيفية", "AFP via Getty Images", "رويترز", "© رويترز",
    "حقوق الصورة: رويترز",
    # calls to follow the outlet elsewhere, share rows, page counters, editors
    "تابعوا آخر الأخبار عبر قناتنا على تيليجرام", "تابعونا على فيسبوك", "شارك عبر",
    "اشترك في قناتنا على يوتيوب", "حمّل تطبيق الجزيرة", "نزّل الآن تطبيق عربي21",
    "وقت القراءة: 3 دقائق", "عدد القراءات: 1520", "2 دقائق قراءة", "المحرر: سامي نادر",
])
def test_credit_promo_and_counter_lines_are_no_passage(furniture):
    assert raw(BODY_LINES[0], furniture, BODY_LINES[1]).paragraphs == tuple(BODY_LINES)


@pytest.mark.parametrize("prose", [
    "تابع الناشطون على فيسبوك الحادثة باهتمام كبير طوال الليل.",
    "رويترز: مقتل ثلاثة في انفجار قرب السوق المركزي",
    "وقال مراسل رويترز إن الانفجار وقع قرب السوق.",
    "حمل المتظاهرون لافتات تطالب بإطلاق تطبيق العدالة.",
    "المشاهدات الأولى تشير إلى أضرار كبيرة في المباني القديمة",
])
def test_prose_that_names_an_agency_or_a_platform_is_kept(prose):
    assert prose in raw(BODY_LINES[0], prose, BODY_LINES[1]).paragraphs


def test_a_bbc_style_page_keeps_only_the_article():
    html = ("<html><head><title>نواب يقرون قانون الإيجارات - BBC News عربي</title>"
            "<meta property='og:site_name' content='BBC News عربي'></head><body><main>"
            "<h1>نواب يقرون قانون الإيجارات</h1><figure><img src='a.jpg'>"
            "<p>مصدر الصورة، Getty Images</p><figcaption><p>التعليق على الصورة، "
            "نواب خلال جلسة التصويت</p></figcaption></figure>"
            + "".join(f"<p>{p}</p>" for p in BODY_LINES)
            + "<p>تابعوا آخر الأخبار عبر قناتنا على تيليجرام</p></main></body></html>")
    article = parse_html(html, "page")
    assert (article.title, article.source) == ("نواب يقرون قانون الإيجارات", "BBC News عربي")
    assert article.paragraphs == tuple(BODY_LINES)


CP1256_PAGE = (DATA / "outlets" / "alayam-cp1256-table.html").read_bytes()
UTF8_PAGE = (DATA / "outlets" / "annahar-og-only.html").read_bytes()
NO_META = CP1256_PAGE.replace(b"; charset=windows-1256", b"")


@pytest.mark.parametrize(("body", "content_type", "title"), [
    # the server's charset contradicts the page: the page's bytes and <meta> win
    (CP1256_PAGE, "text/html; charset=iso-8859-1", "المجلس البلدي يناقش مشروع الصرف الصحي"),
    (CP1256_PAGE, "text/html; charset=utf-8", "المجلس البلدي يناقش مشروع الصرف الصحي"),
    (CP1256_PAGE, "text/html; charset=nonsense", "المجلس البلدي يناقش مشروع الصرف الصحي"),
    (NO_META, "text/html; charset=iso-8859-1", "المجلس البلدي يناقش مشروع الصرف الصحي"),
    (NO_META, "text/html", "المجلس البلدي يناقش مشروع الصرف الصحي"),
    (UTF8_PAGE, "text/html; charset=iso-8859-1", "انتخابات بلدية في لبنان بعد تأجيل دام سنتين"),
    (UTF8_PAGE, "text/html; charset=windows-1256", "انتخابات بلدية في لبنان بعد تأجيل دام سنتين"),
    (UTF8_PAGE.replace(b'charset="utf-8"', b'charset="windows-1256"'), "text/html",
     "انتخابات بلدية في لبنان بعد تأجيل دام سنتين"),
    # XHTML with an XML declaration, served with its charset
    (b'<?xml version="1.0" encoding="utf-8"?>\n' + UTF8_PAGE.replace(b"<!DOCTYPE html>", b""),
     "application/xhtml+xml; charset=utf-8", "انتخابات بلدية في لبنان بعد تأجيل دام سنتين"),
])
async def test_a_page_whose_server_misnames_its_charset_is_read_right(body, content_type, title):
    site = NewsroomSite().start()
    try:
        url = site.page("/page", body, content_type=content_type)
        async with Fetcher(delay=0) as fetcher:
            [article] = [a async for a in articles_from_web([url], fetcher)]
    finally:
        site.stop()
    assert not isinstance(article, ArticleError), article
    assert article.title == title
    assert all("\ufffd" not in p and "Ø" not in p for p in article.paragraphs)


RENT = ["أقر مجلس النواب قانون الإيجارات الجديد الذي يحرر عقود الإيجار القديمة بشكل تدريجي.",
        "واعترضت لجان المستأجرين على القانون معتبرة أنه يهدد آلاف العائلات بالتهجير.",
        "وقال رئيس لجنة الإدارة والعدل إن القانون يتضمن صندوقا لمساعدة المستأجرين.",
        "ومن المتوقع أن يصدر المرسوم التطبيقي للقانون خلال شهرين بعد نشره رسميا."]


def rent_page(middle: str, after: str = "") -> str:
    paragraphs = [f"<p>{p}</p>" for p in RENT]
    return ("<html><head><title>البرلمان يقر قانون الإيجارات</title></head><body><article>"
            "<h1>البرلمان يقر قانون الإيجارات</h1>" + "".join(paragraphs[:2]) + middle
            + "".join(paragraphs[2:]) + after + "</article></body></html>")


@pytest.mark.parametrize("box", [
    "<div class='read-also'><p>اقرأ أيضاً</p><ul><li><a href='/a'>ارتفاع الإيجارات</a></li>"
    "<li><a href='/b'>نواب يعترضون</a></li></ul></div>",
    "<div class='related-inline'><h4>اقرأ أيضاً</h4><a href='/a'>ارتفاع الإيجارات</a></div>",
    "<p><strong>اقرأ أيضاً</strong><br><a href='/a'>ارتفاع الإيجارات في العاصمة</a></p>",
    "<aside><span>ذات صلة</span><a href='/a'>ارتفاع الإيجارات</a><a href='/b'>نواب</a></aside>",
    "<blockquote class='twitter-tweet'><p>تغريدة من النائب عن القانون الجديد</p>&mdash; النائب "
    "(@mp) <a href='https://twitter.com/x'>March 2, 2024</a></blockquote>",
    "<iframe src='https://video.example/embed/1'></iframe><p>شاهد: فيديو جلسة التصويت</p>",
])
def test_a_read_also_box_or_embed_in_mid_article_is_cut_and_the_article_goes_on(box):
    assert parse_html(rent_page(box), "page").paragraphs == tuple(RENT)


def test_a_read_also_marker_before_other_stories_still_ends_the_article():
    other = ("<p>اقرأ أيضاً</p><h3><a href='/m'>ماكرون يزور الجزائر</a></h3><p>بدأ الرئيس "
             "الفرنسي زيارة رسمية إلى الجزائر تستمر ثلاثة أيام يلتقي خلالها كبار المسؤولين.</p>")
    assert parse_html(rent_page("", other), "page").paragraphs == tuple(RENT)


@pytest.mark.parametrize(("header", "expected"), [
    ("آخر تحديث: 15 مارس 2024 - 10:00\nتاريخ النشر: 10 مارس 2024", dt.date(2024, 3, 10)),
    ("آخر تحديث: 15 مارس 2024 | نشر في: 10 مارس 2024", dt.date(2024, 3, 10)),
    ("نشر في: 10 مارس 2024 | آخر تحديث: 15 مارس 2024", dt.date(2024, 3, 10)),
    ("آخر تحديث: 15 مارس 2024\nالأحد 10 مارس 2024", dt.date(2024, 3, 10)),
    ("Updated: 15 March 2024 - Published: 10 March 2024", dt.date(2024, 3, 10)),
    ("آخر تحديث: 15 مارس 2024", dt.date(2024, 3, 15)),  # the only date the page prints
])
def test_the_publication_date_wins_over_the_last_update(header, expected):
    article = raw(*header.split("\n"), *BODY_LINES)
    assert (article.date, article.paragraphs) == (expected, tuple(BODY_LINES))


@pytest.mark.parametrize("above", [
    "عاجل", "عاجل |", "الرئيسية > أخبار > سياسة", "الرئيسية / محليات",
    "أخبار » عربي ودولي » سوريا", "القسم: سياسة", "A A A", "حجم الخط", "0 تعليق",
    "1.2k مشاهدة", "الكاتب: سامي نادر", "المصدر: الجزيرة", "Facebook Twitter WhatsApp",
    "شارك على فيسبوك تويتر واتساب",
])
def test_furniture_above_the_headline_is_neither_title_nor_passage(above):
    article = parse_raw("\n".join((above, "مجلس النواب يقر قانون الإيجارات", *BODY_LINES)), "p")
    assert (article.title, article.paragraphs) == (
        "مجلس النواب يقر قانون الإيجارات", tuple(BODY_LINES))


@pytest.mark.parametrize("prose", [
    "قال الوزير: الأسعار > التكاليف > الأجور في هذا العام",
    "عاجل: البرلمان يقر القانون بأغلبية كبيرة",
    "تويتر وفيسبوك يحذفان حسابات مرتبطة بالحملة",
])
def test_prose_like_furniture_is_kept(prose):
    assert prose in raw(BODY_LINES[0], prose, BODY_LINES[1]).paragraphs


CP1256_FEED = ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>الأيام'
               '</title><item><title>المجلس البلدي يناقش مشروع الصرف الصحي</title>'
               '<link>https://alayam.example/3</link></item></channel></rss>')


@pytest.mark.parametrize("body", [
    CP1256_FEED.encode("cp1256"),  # declared UTF-8, written in Windows-1256
    CP1256_FEED.replace("UTF-8", "windows-1256").encode("cp1256"),
    CP1256_FEED.split("?>", 1)[1].encode("cp1256"),  # no declaration at all
    CP1256_FEED.replace("UTF-8", "UTF-16").encode("utf-16"),
    b"\xef\xbb\xbf" + CP1256_FEED.encode("utf-8"),
])
def test_a_feed_in_windows_1256_whatever_it_declares_reads_as_arabic(body):
    [item] = parse_feed(body, "feed")
    assert (item.title, item.outlet) == ("المجلس البلدي يناقش مشروع الصرف الصحي", "الأيام")


@pytest.mark.parametrize(("stamp", "expected"), [
    ("الأحد 10 مارس 2024 - منذ 3 ساعات", dt.date(2024, 3, 10)),
    ("منذ 3 ساعات | 10 مارس 2024", dt.date(2024, 3, 10)),
    ("10 مارس 2024 (قبل يومين)", dt.date(2024, 3, 10)),
    ("نشر في 10 مارس 2024 - آخر تحديث منذ ساعة", dt.date(2024, 3, 10)),
    ("10 مارس 2024 | 5 دقائق قراءة", dt.date(2024, 3, 10)),
    ("10 مارس 2024 - 3 تعليقات", dt.date(2024, 3, 10)),
    ("الأحد 10 مارس 2024 | بيروت", dt.date(2024, 3, 10)),
    ("بيروت - الأحد 10 مارس 2024", dt.date(2024, 3, 10)),
    ("منذ 3 ساعات | 2 دقائق قراءة", None),
])
@pytest.mark.parametrize("above", [True, False])
def test_a_stamp_built_of_parts_is_metadata_above_or_below_the_headline(stamp, expected, above):
    title = "مجلس النواب يقر قانون الإيجارات"
    header = (stamp, title) if above else (title, stamp)
    article = parse_raw("\n".join(header + tuple(BODY_LINES)), "p")
    assert (article.title, article.date, article.paragraphs) == (
        title, expected, tuple(BODY_LINES))


@pytest.mark.parametrize("prose", [
    "غزة - الأحد 10 مارس 2024 قصف عنيف على المدينة",
    "مؤتمر صحفي - 10 مارس 2024 - حضره الوزير والمسؤولون",
])
def test_prose_around_a_date_is_kept(prose):
    assert prose in raw(BODY_LINES[0], prose, BODY_LINES[1]).paragraphs
