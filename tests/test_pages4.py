"""Pages of web-app sites, aggregators, print and paged versions, served over HTTP as `marsad
ingest URL` and `follow` meet them.

tests/data/pages4/ holds saved pages, each with a JSON file beside it saying what a reader
expects (title, outlet, date, the passages). Every page is served from a real 127.0.0.1
server and read as `marsad ingest URL` reads it. Break pass (eighth), what went wrong:

- sites rebuilt as web apps whose HTML holds a teaser or a spinner and whose story is data:
  a Next.js App Router page (the story in `self.__next_f.push([1,"…"])` scripts) gave only
  its one-paragraph teaser; a Nuxt 3 page (`__NUXT_DATA__`, values by index) and a Nuxt 2
  page (`window.__NUXT__=(function(a,b){return {…}}(…))`) failed as «no article text».
- an aggregator's page (Google News's full coverage: `<article>` cards of an outlet's name,
  a linked headline and `قبل 3 ساعات`) was ingested as an article whose passages were
  other outlets' headlines and names (`الجزيرة نت`); one whose cards are `<div>`s
  (`آخر أخبار مصر` over five linked headlines) became an article of its label.
- a JSON Feed (`{"version": "https://jsonfeed.org/version/1.1", "items": […]}`) was «not a
  web page or a feed»; a news sitemap served gzipped (`sitemap-news.xml.gz`,
  `application/x-gzip`) too.
- an Algerian daily's French read-also teaser (`Lire aussi : Séisme de Chlef : …`) and
  Anadolu's notice in Turkish (`… abonelere sunulan haberler, özetlenerek yayımlanmaktadır.`)
  were passages; so would `Tous droits réservés` and `Tüm hakları saklıdır` be.
- a print version (`<title>طباعة | الشرق الأوسط</title>`, the headline in its only `<h2>`)
  failed as «the page states no title» (`نسخة للطباعة - …` was taken for the headline).
- a 2 MB page (a short article under 3,000 readers' comments) took 12.8 s to ingest: the
  read-also box finder asked XPath for each element's text outside links, which costs time
  in the page's size per element (now 2.1 s, most of it starting the process).
- a Telegram channel's web view (`t.me/s/akhbardz`) became one undated article titled by the
  channel, a dozen unrelated posts its passages; a line of hashtags (`#الشلف #زلزال`) was a
  passage; a channel's own page (`t.me/akhbardz`: its description, `If you have Telegram, you
  can view and join`) was an article.
- an article paged in parts (Al-Ahram's `الصفحة 1 من 3`, `<link rel="next" href="?page=2">`)
  was ingested as its first part only; its page 2, given or met in a feed, was another
  article under the same headline.
- a UTF-8 page with one broken byte (a character cut in half) was read whole as
  Windows-1256: headline and text mojibake (`طھط¯ط´ظٹظ†`), nothing answerable.
- BBC's podcast promotion between paragraphs (`بودكاست`, `الحلقات`, `البودكاست نهاية`) was
  four passages; a live blog with a share row under each entry lost its last entry
  (trafilatura's precise extraction dropped it).
- a page sent with `Content-Encoding: br` (a CDN that ignores Accept-Encoding) was read as
  its compressed bytes: httpx unpacks br only with the `brotli` package, now a dependency;
  an encoding still unknown (`compress`) is named, not read as garbage.
- a web app's data holding the next story in full (infinite scroll) gave that longer story's
  text and date under the page's own headline.
- a caption set apart under a picture alone (`<p><img></p><p style="text-align:center"><em>
  محطة محولات العاصمة الإدارية</em></p>`, Youm7) was a passage.
- a feed whose items all link to the site's home page (their full text in the feed) stored
  them under one id, each replacing the last: two of three articles lost; an Atom entry with
  a `tag:` id and no link, with its full text, was skipped as «a feed item without a link».
- a site's check for robots served as 200 (Cloudflare's «Just a moment...», Akamai's «Access
  Denied», an Arabic «نتحقق من أنك لست روبوتا») was ingested as an article, its prompts the
  passages; met for a feed item, it stood in for the item's own full text.
- a page whose first JSON-LD `NewsArticle` describes a related story took that story's
  headline, date and URL: stored under the other story's id, it replaced it.
- a French stamp with its weekday (`Publié le mardi 18 février 2025 à 09:41`) gave no date;
  `آخر تحديث: 19-02-2025 | نشر: 18-02-2025` gave the update's day; a print version's one
  header row (`القاهرة: «الشرق الأوسط» — نُشر: 18:40-17 أبريل 2025 م`) gave no date.
- Hespress's pages cite it as `Hespress` (og:site_name `Hespress - هسبريس …`) or `هسبريس`:
  «ماذا قالت هسبريس عن الزلزال؟» found only the pages under the Arabic name, none about the
  earthquake, and was declined with no hits.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import lxml.html
import pytest
from newsroom_server import NewsroomSite
from saved_pages import (
    check_served_page,
    expected,
    ingest_served_pages,
    pages_with_expectations,
    read_url,
)
from test_cli import marsad

from retrieval.articles import ArticleError
from retrieval.fetching import Fetcher
from retrieval.html_pages import parse_html
from retrieval.next_data import next_data_article
from retrieval.passages import split_passages
from retrieval.web import articles_from_web

PAGES = Path(__file__).parent / "data" / "pages4"



@pytest.fixture(scope="module")
def site():
    s = NewsroomSite().start()
    for path in sorted(PAGES.glob("*.html")):  # those with no JSON beside them are no article
        s.page(f"/news/{path.name}", path.read_bytes(),
               content_type="text/html")  # no charset: the page says its own
    yield s
    s.stop()




@pytest.mark.parametrize("path", pages_with_expectations(PAGES), ids=lambda p: p.stem)
async def test_each_served_page_gives_what_a_reader_expects(site, path):
    await check_served_page(site.url, path)


def test_marsad_ingest_of_the_page_urls_cites_each_with_its_date(site, tmp_path):
    db = ingest_served_pages(site.url, PAGES, tmp_path)
    answer = json.loads(marsad("ask", "من أوفده تبون إلى الشلف بعد الزلزال؟", "--json",
                               cwd=tmp_path, db=db).stdout)
    assert answer["answered"]
    assert "إبراهيم مراد" in answer["hits"][0]["text"]
    assert (answer["hits"][0]["source"], answer["hits"][0]["date"]) == ("الجزيرة نت",
                                                                       "2025-02-18")


# --- pages drawn from data: the shapes a site may send ---------------------------------

PARAGRAPHS = [
    "أعلنت هيئة الأرصاد الجوية في سلطنة عمان أن الحالة المدارية تمركزت على بعد 400 كيلومتر"
    " من سواحل محافظة ظفار، وأن الأمطار الغزيرة ستبدأ مساء الأربعاء وتستمر ثلاثة أيام.",
    "وقال مدير عام الأرصاد إن كميات الأمطار قد تتجاوز 200 ملليمتر في المناطق الجبلية، ودعا"
    " المواطنين إلى الابتعاد عن مجاري الأودية وتأجيل الرحلات البحرية.",
]
TITLE = "حالة مدارية تقترب من سواحل ظفار"
HTML = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


def _page(scripts: str, main: str = '<div class="spinner">جار التحميل...</div>') -> str:
    return (f'<html lang="ar"><head><meta charset="utf-8"><title>{TITLE} | جريدة الرؤية</title>'
            '<meta property="og:site_name" content="جريدة الرؤية">'
            '<meta property="article:published_time" content="2024-10-09T08:00:00+04:00">'
            f'</head><body><nav><a href="/">الرئيسية</a></nav><main><h1>{TITLE}</h1>{main}'
            f'</main>{scripts}</body></html>')


def _push(*rows: str) -> str:
    """The App Router's payload, pushed in pieces the way Next.js cuts it."""
    payload = "".join(rows)
    third = len(payload) // 3
    pieces = [payload[:third], payload[third:2 * third], payload[2 * third:]]
    return "<script>(self.__next_f=self.__next_f||[]).push([0])</script>" + "".join(
        f"<script>self.__next_f.push([1,{json.dumps(piece, ensure_ascii=False)}])</script>"
        for piece in pieces)


def _element(tag: str, children: object, **props: object) -> list:
    return ["$", tag, None, {"children": children, **props}]


def _text_row(row: str, text: str) -> str:
    return f"{row}:T{len(text.encode('utf-8')):x},{text}"


def _row(row: str, value: object) -> str:
    return f"{row}:{json.dumps(value, ensure_ascii=False)}\n"


@pytest.mark.parametrize("scripts", [
    _push('1:HL["/_next/static/css/a.css","style"]\n',
          _row("5", _element("div", [_element("p", p) for p in PARAGRAPHS], className="body"))),
    # the body's HTML as a text row, drawn as is by reference
    _push(_text_row("6", HTML), _row("7", ["$", "div", None, {
        "className": "article-body", "dangerouslySetInnerHTML": {"__html": "$6"}}])),
    # a paragraph split in runs (a link, bold words), and a text row referenced as a child
    _push(_text_row("8", PARAGRAPHS[1]), _row("9", _element("article", [
        _element("p", [PARAGRAPHS[0][:40], _element("strong", PARAGRAPHS[0][40:80]),
                       PARAGRAPHS[0][80:]]), _element("p", "$8")]))),
    # an object with the story's fields, as a client component's props
    _push(_row("a", ["$", "$Lb", None, {"article": {"title": TITLE, "content": HTML,
                                                    "publishedAt": "2024-10-09"}}])),
    # Nuxt 3: values by index, Vue's wrappers around them
    '<script type="application/json" id="__NUXT_DATA__">' + json.dumps(
        [["ShallowReactive", 1], {"data": 2}, ["Reactive", 3], {"story-77": 4},
         {"title": 5, "body": 6, "publishedAt": 7, "tags": 8}, TITLE, HTML, "2024-10-09",
         [9], "طقس"], ensure_ascii=False) + "</script>",
    # Nuxt 2: a JavaScript literal, single quotes, escaped slashes, variables for values
    "<script>window.__NUXT__=(function(a,b){return {layout:'default',data:[{story:{"
    f"id:412,title:'{TITLE}',date:'2024-10-09',related:[a,b],"
    "body:'" + HTML.replace("/", "\\u002F") + "',}}],serverRendered:true}}(null,void 0));"
    "</script>",
], ids=["app-router-elements", "app-router-html-row", "app-router-runs-and-refs",
        "app-router-props", "nuxt3", "nuxt2"])
def test_a_web_app_page_gives_the_story_its_data_holds(scripts):
    article = parse_html(_page(scripts), url="https://alroya.example/article/8810")
    assert (article.title, article.source, article.date.isoformat()) == (
        TITLE, "جريدة الرؤية", "2024-10-09")
    assert list(article.paragraphs) == PARAGRAPHS


def test_an_app_router_page_of_story_cards_gives_no_story():
    cards = [_element("article", [_element("h2", f"عنوان الخبر رقم {n} في الصفحة"),
                                  _element("p", "مقتطف قصير من الخبر لا يتجاوز سطرا")])
             for n in range(12)]
    tree = lxml.html.fromstring(_page(_push(_row("3", _element("section", cards)))))
    assert next_data_article(tree) == {}


@pytest.mark.parametrize("script", [
    "<script>self.__next_f.push([1,\"5:[\\\"$\\\",\\\"p\\\",null,{\\\"children\\\":</script>",
    "<script>self.__next_f.push([1,\"5:T9999,قصير\"])</script>",
    "<script>window.__NUXT__=(function(a){return {data:[{title:'x',body:'</script>",
    '<script type="application/json" id="__NUXT_DATA__">[{"a": 0}, [1, 2]]</script>',
])
def test_broken_or_cut_data_is_no_story_and_no_crash(script):
    assert next_data_article(lxml.html.fromstring(_page(script))) == {}


# --- an aggregator's page is a list of stories --------------------------------------------

NABD_CARD = ('<article class="story"><a href="/r/{n}"><img src="/i/{n}.jpg" alt=""></a>'
             '<a class="title" href="/r/{n}">{title}</a><span class="src">المصدر: {outlet}</span>'
             '<span class="ago">منذ {n} دقائق</span></article>')
HEADLINES = [("ارتفاع أسعار الذهب في السوق المحلية لليوم الثالث", "اليوم السابع"),
             ("الحكومة تعلن موعد صرف منحة العمالة غير المنتظمة", "مصراوي"),
             ("الأرصاد تحذر من موجة حارة تبدأ غدا على أغلب المحافظات", "الشروق"),
             ("افتتاح معرض الكتاب بمشاركة 80 دار نشر عربية", "الأهرام")]


async def test_an_aggregators_page_is_refused_as_a_list_of_stories(site):
    nabd = "".join(NABD_CARD.format(n=n, title=t, outlet=o) for n, (t, o) in enumerate(HEADLINES))
    site.page("/nabd", f'<html lang="ar"><head><meta charset="utf-8"><title>نبض - أخبار مصر'
                       f'</title></head><body><h1>أخبار مصر</h1><main>{nabd}</main></body></html>')
    for path in ("/news/aggregator-full-coverage.html", "/nabd",
                 "/news/aggregator-div-cards.html"):  # cards in <div>s, under a label
        [found] = await read_url(site.url + path)
        assert isinstance(found, ArticleError) and "list of stories" in str(found), found


async def test_an_article_with_cards_of_other_stories_below_it_is_still_read(site):
    nabd = "".join(NABD_CARD.format(n=n, title=t, outlet=o) for n, (t, o) in enumerate(HEADLINES))
    page = (PAGES / "aljazeera-app-router.html").read_text(encoding="utf-8")
    site.page("/with-cards", page.replace("</main>", f"</main><section>{nabd}</section>"))
    [article] = await read_url(site.url + "/with-cards")
    assert article.title == expected(PAGES / "aljazeera-app-router.html")["title"]
    assert not any(t in " ".join(article.paragraphs) for t, _ in HEADLINES)


# --- JSON Feed and a gzipped news sitemap --------------------------------------------------

MOURNING = ["أعلنت الرئاسة الجزائرية الحداد الوطني ثلاثة أيام على أرواح ضحايا زلزال الشلف، مع"
            " تنكيس الأعلام في كامل التراب الوطني وعلى مستوى الممثليات الدبلوماسية في الخارج.",
            "وقرر مجلس الوزراء في اجتماع استثنائي تخصيص مليار دينار لإعادة بناء المساكن المنهارة،"
            " وتكليف وزارة السكن بإحصاء العائلات المتضررة خلال أسبوع."]


def _json_feed(site, items: list[dict], **feed: object) -> str:
    body = json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "الجزيرة نت",
                       "home_page_url": site.url + "/", **feed, "items": items},
                      ensure_ascii=False, indent=1)
    return site.page("/feed.json", body, content_type="application/feed+json")


async def test_a_json_feed_gives_its_items_pages_and_its_own_full_text(site):
    url = _json_feed(site, [
        {"id": "1", "url": site.url + "/news/aljazeera-app-router.html", "summary": "زلزال",
         "title": "زلزال بقوة 5.4 درجات يضرب الشلف", "date_published": "2025-02-18T07:40:00+03:00"},
        {"id": "2", "url": "/news/gone", "title": "الجزائر تعلن الحداد ثلاثة أيام",
         "content_html": "".join(f"<p>{p}</p>" for p in MOURNING),
         "date_published": "2025-02-19T12:00:00+01:00"},
        {"id": site.url + "/news/gone-2", "title": "فيديو: رفع الأنقاض في بن سونة",
         "content_text": "\n\n".join(reversed(MOURNING)), "date_published": "2025-02-19"},
        {"id": "4", "url": site.url + "/news/gone-3", "title": "تعزية من الرباط",
         "summary": "بعث العاهل المغربي برقية تعزية…"},  # a teaser, its page gone: skipped
    ])
    page, mourning, text_only, teaser = await read_url(url)
    assert page.title == expected(PAGES / "aljazeera-app-router.html")["title"]
    assert (mourning.id, mourning.title, mourning.source, mourning.date.isoformat()) == (
        site.url + "/news/gone", "الجزائر تعلن الحداد ثلاثة أيام", "الجزيرة نت", "2025-02-19")
    assert list(mourning.paragraphs) == MOURNING
    assert list(text_only.paragraphs) == MOURNING[::-1] and text_only.url.endswith("/gone-2")
    assert isinstance(teaser, ArticleError) and "/news/gone-3" in str(teaser)


@pytest.mark.parametrize("body", ["{}", '{"version": "https://jsonfeed.org/version/1", '
                                  '"items": "none"}', '{"version": "https://jsonfeed.org/version/1'])
async def test_a_broken_json_feed_is_named_and_no_crash(site, body):
    [found] = await read_url(site.page("/broken.json", body, content_type="application/json"))
    assert isinstance(found, ArticleError) and "/broken.json" in str(found)


def test_marsad_ingest_and_follow_read_a_json_feed_and_a_saved_one(site, tmp_path):
    (tmp_path / "config.toml").write_text("[feeds]\ndelay_seconds = 0\n", encoding="utf-8")
    items = [{"id": "2", "url": site.url + "/news/gone-mourning", "title": "الحداد ثلاثة أيام",
              "content_html": "".join(f"<p>{p}</p>" for p in MOURNING),
              "date_published": "2025-02-19T12:00:00+01:00"}]
    url = _json_feed(site, items)
    result = marsad("ingest", url, cwd=tmp_path, db=tmp_path / "a.db")
    assert result.returncode == 0 and "added 1" in result.stdout, result.stderr
    saved = tmp_path / "feed.json"
    saved.write_bytes(site.routes["/feed.json"].body)
    result = marsad("ingest", str(saved), cwd=tmp_path, db=tmp_path / "b.db")
    assert result.returncode == 0 and "added 1" in result.stdout, result.stderr
    answer = json.loads(marsad("ask", "كم يوما أعلنت الجزائر الحداد؟", "--json", cwd=tmp_path,
                               db=tmp_path / "b.db").stdout)
    assert (answer["hits"][0]["source"], answer["hits"][0]["date"]) == ("الجزيرة نت",
                                                                       "2025-02-19")


SITEMAP = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/'
           'sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>'
           '{loc}</loc><news:news><news:publication><news:name>الجزيرة نت</news:name>'
           '</news:publication><news:publication_date>2025-02-18</news:publication_date>'
           '<news:title>زلزال الشلف</news:title></news:news></url></urlset>')


@pytest.mark.parametrize("content_type", ["application/x-gzip", "application/octet-stream",
                                          "application/xml"])
async def test_a_gzipped_news_sitemap_is_read_as_the_sitemap_inside(site, content_type):
    import gzip

    xml = SITEMAP.format(loc=site.url + "/news/aljazeera-app-router.html").encode("utf-8")
    url = site.page("/sitemap-news.xml.gz", gzip.compress(xml), content_type=content_type)
    [article] = await read_url(url)
    assert article.title == expected(PAGES / "aljazeera-app-router.html")["title"]


async def test_a_broken_or_huge_gzip_file_is_named_not_read():
    import gzip

    s = NewsroomSite().start()
    try:
        broken = s.page("/broken.xml.gz", gzip.compress(b"<urlset>" * 100)[:-10],
                        content_type="application/x-gzip")
        bomb = s.page("/bomb.xml.gz", gzip.compress(b"<urlset>" + b" " * 3_000_000),
                      content_type="application/x-gzip")
        async with Fetcher(delay=0, max_bytes=1_000_000) as fetcher:
            found = [a async for a in articles_from_web([broken, bomb], fetcher)]
    finally:
        s.stop()
    assert [type(f) for f in found] == [ArticleError, ArticleError]
    assert "/broken.xml.gz" in str(found[0]) and "unpacked" in str(found[1])


# --- a Maghreb site's French furniture, a wire agency's notice in Turkish ------------------

PROSE = ("وقال والي الشلف إن لجانا تقنية شرعت في معاينة 300 مسكن متضرر، وإن العائلات المتضررة"
         " ستستفيد من إعانات لإعادة البناء قبل نهاية الشهر.")
AFTER = "وأضاف أن الطريق الوطني رقم 4 أعيد فتحه أمام حركة المرور صباح اليوم بعد رفع الأنقاض."


@pytest.mark.parametrize("teaser", [
    "Lire aussi : Séisme de Chlef : les images des dégâts",
    "À lire aussi: Le bilan s'alourdit à Chlef",
    "A lire aussi - Tebboune dépêche une délégation ministérielle",
    "Lire également : Les répliques se poursuivent",
    "Voir aussi : Chlef, 45 ans après le séisme d'El Asnam",
])
def test_a_french_read_also_teaser_in_mid_article_is_cut_and_the_article_goes_on(teaser):
    from retrieval.articles import clean_paragraphs
    assert clean_paragraphs([PROSE, teaser, AFTER]) == [PROSE, AFTER]


@pytest.mark.parametrize("line", [
    "© El Khabar 2025 — Tous droits réservés",
    "Tous droits reservés - Hespress FR",
    "Copyright © 2025 Anadolu Ajansı. Tüm hakları saklıdır.",
    "Anadolu Ajansı web sitesinde, AA Haber Akış Sistemi (HAS) üzerinden abonelere sunulan"
    " haberler, özetlenerek yayımlanmaktadır.",
    "يتم نشر جزء من الأخبار التي تبث للمشتركين عبر نظام تدفق الأخبار في وكالة الأناضول على"
    " الموقع بشكل ملخص.",
])
def test_rights_and_wire_summary_notices_in_french_turkish_and_arabic_are_no_passages(line):
    from retrieval.articles import clean_paragraphs
    assert clean_paragraphs([PROSE, AFTER, line]) == [PROSE, AFTER]


def test_french_prose_and_lire_in_a_sentence_stay():
    from retrieval.articles import clean_paragraphs
    french = ("Le ministre de l'Intérieur a indiqué que 120 familles ont été relogées, et qu'il"
              " faut lire aussi ce bilan à la lumière des répliques.")
    assert clean_paragraphs([PROSE, french, AFTER]) == [PROSE, french, AFTER]


# --- a print version: its <title> names only the site, its headline is an <h2> --------------

PRINT = ('<html><head><meta charset="utf-8"><title>{title}</title></head><body onload="window.'
         'print()"><a href="javascript:window.print()">اطبع هذه الصفحة</a><table><tr><td><h2>'
         'الحكومة ترفع الحد الأدنى للأجور إلى 7000 جنيه</h2></td></tr><tr><td><p>{p0}</p><p>{p1}'
         '</p></td></tr></table></body></html>')
WAGES = ["قررت الحكومة المصرية رفع الحد الأدنى لأجور العاملين في الدولة إلى 7000 جنيه شهريا"
         " اعتبارا من أول مارس، في حزمة اجتماعية تتكلف 40 مليار جنيه.",
         "وقال وزير المالية إن الحزمة تشمل زيادة المعاشات بنسبة 15% ورفع حد الإعفاء الضريبي،"
         " وإن تمويلها مدرج في موازنة العام المالي الحالي."]


@pytest.mark.parametrize(("title", "outlet"), [
    ("طباعة | الشرق الأوسط", "الشرق الأوسط"),
    ("نسخة للطباعة - بوابة الشروق", "بوابة الشروق"),
    ("الرئيسية - جريدة الصباح", "جريدة الصباح"),
])
def test_a_print_version_is_titled_by_its_sole_heading(title, outlet):
    article = parse_html(PRINT.format(title=title, p0=WAGES[0], p1=WAGES[1]),
                         url="https://example.com/print/55012")
    assert (article.title, article.source) == ("الحكومة ترفع الحد الأدنى للأجور إلى 7000 جنيه",
                                               outlet)
    assert list(article.paragraphs) == WAGES


def test_a_page_titled_by_its_site_alone_with_several_headings_gives_no_title():
    page = PRINT.format(title="طباعة | الشرق الأوسط", p0=WAGES[0], p1=WAGES[1]).replace(
        "</table>", "</table><h2>الأكثر قراءة</h2>")
    with pytest.raises(ArticleError, match="no title"):
        parse_html(page, url="https://example.com/print/55012")


def test_the_print_version_and_the_page_are_one_article(site, tmp_path):
    page = (PAGES / "aawsat-print-version.html").read_text(encoding="utf-8")
    canonical = 'href="https://aawsat.com/%D8%A7%D9%82%D8%AA%D8%B5%D8%A7%D8%AF/5133001"'
    assert canonical in page
    full = page.replace("<title>طباعة | الشرق الأوسط</title>",
                        "<title>«المركزي» المصري يخفض الفائدة | الشرق الأوسط</title>")
    site.page("/article/5133001", full)
    (tmp_path / "config.toml").write_text("[feeds]\ndelay_seconds = 0\n", encoding="utf-8")
    result = marsad("ingest", f"{site.url}/news/aawsat-print-version.html",
                    f"{site.url}/article/5133001", cwd=tmp_path, db=tmp_path / "m.db")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(marsad("sources", "--json", cwd=tmp_path, db=tmp_path / "m.db")
                          .stdout)) == 1


# --- a huge page: 2 MB of readers' comments under a short article ---------------------------

HOSPITAL = ["أعلن وزير الصحة المصري بدء تشغيل مستشفى العاصمة الإدارية الطبي بطاقة 1200 سرير،"
            " ليكون أكبر مستشفى حكومي في المنطقة.",
            "وقال المتحدث باسم الوزارة إن المستشفى يضم 32 غرفة عمليات و240 سرير رعاية مركزة."]


def _huge_page(size: int = 2_100_000) -> str:
    comment = ('<li class="comment"><div class="comment-author">زائر {n}</div><p>ربنا يبارك في'
               ' كل من عمل في المشروع ونتمنى أن تصل الخدمة إلى المحافظات البعيدة قبل العاصمة،'
               ' والعلاج حق للجميع {n}.</p><a class="reply" href="#c{n}">رد</a> <span>{n}'
               ' إعجاب</span> <a href="/u/{n}">ملف الزائر رقم {n} على الموقع</a></li>')
    comments, n, total = [], 0, 0
    while total < size:
        comments.append(comment.format(n=n))
        total += len(comments[-1].encode("utf-8"))
        n += 1
    return ('<html lang="ar"><head><meta charset="utf-8"><title>افتتاح أكبر مستشفى حكومي | مصراوي'
            '</title><meta property="article:published_time" content="2025-05-11T14:20:00+03:00">'
            '</head><body><article><h1>افتتاح أكبر مستشفى حكومي</h1>'
            + "".join(f"<p>{p}</p>" for p in HOSPITAL) + '</article><section id="comments">'
            f'<h3>تعليقات القراء ({n})</h3><ol>{"".join(comments)}</ol></section></body></html>')


async def test_a_page_with_megabytes_of_comments_gives_its_article_alone(site):
    url = site.page("/huge", _huge_page())
    [article] = await read_url(url)
    assert list(article.paragraphs) == HOSPITAL and article.date.isoformat() == "2025-05-11"


@pytest.mark.parametrize("html", [
    "<div>a <a>b <i>c</i></a> d<!-- x --> <span>e<a>f</a>g</span>h<?pi x?>z</div>",
    "<p><b>اقرأ أيضا:</b> <a href='/1'>عنوان <b>خبر</b> آخر</a> ذيل</p>",
    "<a href='/x'><div>كل <span>شيء</span> في رابط</div></a>",
    "<ul><li>١ <a>أ</a></li><li><a>ب</a> ٢</li></ul>",
])
def test_the_text_outside_links_is_what_xpath_says_it_is(html):
    from retrieval.teaser_boxes import _text_outside_links
    tree = lxml.html.fromstring(f"<html><body>{html}</body></html>")
    for element in tree.iter():
        if isinstance(element.tag, str):
            assert _text_outside_links(element) == "".join(
                element.xpath(".//text()[not(ancestor::a)]"))


# --- a Telegram channel's web view: one article a post ----------------------------------------

CHANNEL = PAGES / "tme-channel-posts.html"


async def test_a_channel_web_view_gives_each_post_with_its_own_link_date_and_channel(site):
    posts = await read_url(f"{site.url}/news/{CHANNEL.name}")
    assert [(p.id, p.date.isoformat()) for p in posts] == [
        ("https://t.me/akhbardz/9120", "2025-02-18"), ("https://t.me/akhbardz/9121", "2025-02-18"),
        ("https://t.me/akhbardz/9122", "2025-02-18"), ("https://t.me/akhbardz/9123", "2025-02-18"),
        ("https://t.me/akhbardz/9125", "2025-02-19")]  # 9124 is a photo alone
    assert {p.source for p in posts} == {"أخبار الجزائر العاجلة"}
    update = posts[3]
    assert update.title.startswith("ارتفاع حصيلة زلزال الشلف إلى أربعة قتلى")  # no «تحديث:»
    assert list(update.paragraphs) == [  # not the post it replies to, nor its hashtags
        "تحديث: ارتفاع حصيلة زلزال الشلف إلى أربعة قتلى بعد وفاة طفل متأثرا بجروحه في مستشفى"
        " الشلف الجامعي.",
        "وأكدت مديرية الصحة أن 12 جريحا ما زالوا تحت المراقبة الطبية، بينهم ثلاثة في حالة حرجة."]
    assert list(posts[4].paragraphs) == [  # not the forwarded header, nor the link preview
        "نصب 450 خيمة لإيواء العائلات المتضررة من زلزال الشلف في الملعب البلدي وحي بن سونة."]
    long_title = posts[1].title
    assert long_title.endswith("…") and len(long_title.split()) <= 16
    assert posts[0].title.startswith("هزة أرضية بقوة 5.4 درجات")  # not «🔴 عاجل |»
    assert posts[0].paragraphs[0].startswith("🔴 عاجل | هزة أرضية")  # the post as written


def test_a_saved_channel_page_and_a_new_post_next_time(site, tmp_path):
    (tmp_path / "config.toml").write_text("[feeds]\ndelay_seconds = 0\n", encoding="utf-8")
    db = tmp_path / "m.db"
    saved = tmp_path / "channel.html"
    saved.write_bytes(CHANNEL.read_bytes())
    result = marsad("ingest", str(saved), cwd=tmp_path, db=db)
    assert result.returncode == 0 and "added 5" in result.stdout, result.stdout + result.stderr
    html = CHANNEL.read_text(encoding="utf-8")
    newer = html.replace('data-post="akhbardz/9120"', 'data-post="akhbardz/9126"').replace(
        "🔴 عاجل | هزة أرضية بقوة 5.4 درجات", "عاجل | هزة ارتدادية بقوة 4.1 درجات")
    url = site.page("/s/akhbardz", newer)
    result = marsad("ingest", url, cwd=tmp_path, db=db)
    assert result.returncode == 0 and "added 1" in result.stdout, result.stdout + result.stderr
    answer = json.loads(marsad("ask", "كم عدد الخيام التي نصبت في الشلف؟", "--json",
                               cwd=tmp_path, db=db).stdout)
    assert answer["hits"][0]["url"] == "https://t.me/akhbardz/9125"
    assert (answer["hits"][0]["source"], answer["hits"][0]["date"]) == (
        "أخبار الجزائر العاجلة", "2025-02-19")


async def test_a_channel_page_with_no_post_of_text_is_named(site):
    empty = CHANNEL.read_text(encoding="utf-8").split('<section class="tgme_channel_history')[0]
    url = site.page("/s/empty", empty + '<section><div class="tgme_widget_message" data-post="a/1">'
                    '<a class="tgme_widget_message_photo_wrap"></a></div></section></body></html>')
    [found] = await read_url(url)
    assert isinstance(found, ArticleError) and "no post of text" in str(found)


@pytest.mark.parametrize("line", ["#الشلف #زلزال", "#عاجل", "#تركيا#التضخم"])
def test_a_line_of_hashtags_is_no_passage(line):
    from retrieval.articles import clean_paragraphs
    assert clean_paragraphs([PROSE, line, AFTER]) == [PROSE, AFTER]
    kept = "#1 في العالم: المنتخب يتصدر التصنيف الدولي للمرة الأولى منذ عشرين عاما"
    assert clean_paragraphs([PROSE, kept]) == [PROSE, kept]


# --- an article paged in parts: page 1 of 3 -------------------------------------------------

PART_ONE = (PAGES / "ahram-paged-1.html").read_text(encoding="utf-8")
PART_TWO = (PAGES / "ahram-paged-2.html").read_text(encoding="utf-8")
THIRD = ("وأشار البنك إلى أن معدل نمو الناتج المحلي الإجمالي بلغ 4.3% في الربع الأخير من العام"
         " الماضي، مدفوعا بتعافي قطاعي السياحة والصناعات التحويلية.")


def _part(page: str, prev: str | None, next_: str | None) -> str:
    """A part of the paged article with its own rel links (`?page=2`, `/2`, `/page/2`)."""
    links = "".join(f'<link rel="{rel}" href="{href}">' for rel, href in (("prev", prev),
                                                                          ("next", next_)) if href)
    page = re.sub(r'<link rel="(?:next|prev)"[^>]*>', "", page)
    return page.replace("</head>", links + "</head>")


def _whole() -> list[str]:
    return (_expected_parts(PART_ONE) + _expected_parts(PART_TWO) + [THIRD])


def _expected_parts(page: str) -> list[str]:
    return re.findall(r"<p>([^<]+)</p>", page.split('class="bodyContent">')[1].split("</div>")[0])


def _serve_parts(site, base: str, style: str) -> list[str]:
    """Serves the three parts under `base`, linked in `style`; their URLs."""
    three = PART_TWO.replace(_expected_parts(PART_TWO)[0], THIRD).replace(
        "<p>" + _expected_parts(PART_TWO)[1] + "</p>", "")
    paths = {"query": [base, f"{base}?page=2", f"{base}?page=3"],
             "number": [base, f"{base}/2", f"{base}/3"],
             "page-number": [base, f"{base}/page/2", f"{base}/page/3"]}[style]
    rel = {"query": ["?page=2", "?page=3"], "number": [f"{base}/2", f"{base}/3"],
           "page-number": [f"{base}/page/2", f"{base}/page/3"]}[style]
    site.page(paths[0], _part(PART_ONE, None, rel[0]))
    site.page(paths[1], _part(PART_TWO, base, rel[1]))
    site.page(paths[2], _part(three, paths[1], None))
    return [site.url + p for p in paths]


@pytest.mark.parametrize("style", ["query", "number", "page-number"])
@pytest.mark.parametrize("given", [0, 1, 2])
async def test_an_article_paged_in_parts_is_one_article_whichever_part_is_given(
        site, style, given):
    urls = _serve_parts(site, f"/eco/{style}", style)
    [article] = await read_url(urls[given])
    assert article.title == "البنك المركزي يخفض الفائدة 225 نقطة أساس لأول مرة منذ 2020"
    assert list(article.paragraphs) == _whole()
    assert article.id == "https://gate.ahram.org.eg/News/5100200.aspx"  # page 1's canonical


async def test_a_part_that_fails_ends_the_article_there_and_links_that_loop_end(site):
    base = "/eco/broken"
    site.page(base, _part(PART_ONE, None, "?page=2"))
    site.page(f"{base}?page=2", _part(PART_TWO, base, "?page=3"))  # page 3 is not there
    [article] = await read_url(site.url + base)
    assert list(article.paragraphs) == _expected_parts(PART_ONE) + _expected_parts(PART_TWO)
    site.page("/eco/loop", _part(PART_ONE, "?page=2", "?page=2"))
    site.page("/eco/loop?page=2", _part(PART_TWO, "/eco/loop", "/eco/loop"))
    [article] = await read_url(site.url + "/eco/loop")
    assert len(article.paragraphs) == 5


@pytest.mark.parametrize("href", ["/news/another-story", "/eco/2024/other",
                                  "https://other.example/x?page=2"])
async def test_a_next_link_to_another_page_is_not_a_part(site, href):
    url = site.page("/eco/alone", _part(PART_ONE, None, href))
    site.page(href, _part(PART_TWO, None, None))
    [article] = await read_url(url)
    assert list(article.paragraphs) == _expected_parts(PART_ONE)


def test_marsad_follow_of_a_feed_reads_the_paged_article_whole(site, tmp_path):
    from newsroom_server import rss
    urls = _serve_parts(site, "/eco/feed", "query")
    feed = site.feed("/eco.rss", rss("بوابة الأهرام", [{
        "link": urls[0], "title": "البنك المركزي يخفض الفائدة",
        "pubDate": "Thu, 17 Apr 2025 21:05:00 +0200", "description": "قررت لجنة السياسة"}]))
    (tmp_path / "config.toml").write_text("[feeds]\ndelay_seconds = 0\n", encoding="utf-8")
    result = marsad("ingest", feed, cwd=tmp_path, db=tmp_path / "m.db")
    assert result.returncode == 0 and "added 1" in result.stdout, result.stderr
    answer = json.loads(marsad("ask", "كم بلغ نمو الناتج المحلي في الربع الأخير؟", "--json",
                               cwd=tmp_path, db=tmp_path / "m.db").stdout)
    assert answer["hits"][0]["text"] == THIRD
    assert answer["hits"][0]["source"] == "بوابة الأهرام"


# --- a UTF-8 page with a few broken bytes -----------------------------------------------------


def _broken(body: bytes, *words: str) -> bytes:
    """`body` with the second byte of each word's first letter taken out (a character cut in
    half, as a CMS that cuts text by bytes leaves it)."""
    for word in words:
        at = body.index(word.encode("utf-8"))
        body = body[:at + 1] + body[at + 2:]
    return body


@pytest.mark.parametrize(("header", "cuts"), [
    ("text/html; charset=utf-8", ("الحماية",)),
    ("text/html", ("الحماية", "الداخلية")),
    ("text/html; charset=windows-1256", ("الحماية",)),  # a wrong header too
    ("text/html; charset=iso-8859-1", ("الحماية", "الطوب", "فارس")),
])
async def test_a_utf8_page_with_a_few_broken_bytes_is_read_as_utf8(site, header, cuts):
    page = (PAGES / "aljazeera-app-router.html").read_bytes()
    url = site.page("/broken-bytes", _broken(page, *cuts), content_type=header)
    [article] = await read_url(url)
    wanted = expected(PAGES / "aljazeera-app-router.html")
    assert (article.title, article.source) == (wanted["title"], wanted["source"])
    intact = sum(p in wanted["passages"] for p in article.paragraphs)
    assert intact >= len(wanted["passages"]) - len(cuts)


def test_a_windows_1256_page_is_still_read_as_windows_1256():
    from retrieval.charsets import decode_page
    text = "<p>أعلنت الشركة التونسية للكهرباء والغاز انقطاع التيار عن 14 ولاية.</p>"
    for header in (None, "utf-8", "iso-8859-1"):
        assert decode_page(text.encode("cp1256"), header) == text


# --- boxes between paragraphs: share rows under live entries, a podcast's promotion ---------


async def test_every_entry_of_a_live_blog_with_share_rows_is_kept(site):
    [article] = await read_url(f"{site.url}/news/aljazeera-liveblog.html")
    text = "\n".join(article.paragraphs)
    for entry in ("وصل وزير الداخلية الجزائري إبراهيم مراد", "أعلنت الحماية المدنية ارتفاع",
                  "سجل مركز البحث في علم الفلك"):  # the last (oldest) entry was lost
        assert entry in text
    assert not any(word in text for word in ("شارك", "نسخ الرابط", "بتوقيت مكة"))


BOX = ('<div class="{mark}"><h4>{heading}</h4><p>{line}</p><button>اشترك</button></div>')


@pytest.mark.parametrize(("mark", "heading", "line"), [
    ("newsletter-inline", "النشرة البريدية", "احصل على أهم الأخبار في بريدك كل صباح مجانا"),
    ("podcast-promo", "بودكاست", "استمع إلى حلقتنا الجديدة عن الزلازل في شمال أفريقيا"),
    ("app-promo", "حمل تطبيقنا", "تابع الأخبار العاجلة لحظة بلحظة على هاتفك"),
    ("social-follow", "تابعونا", "تابعوا صفحتنا على فيسبوك وإنستغرام وتيك توك"),
    ("share-tools", "شارك المقال", "واتساب فيسبوك إكس تلغرام نسخ الرابط"),
])
def test_a_box_set_between_paragraphs_is_no_passage(mark, heading, line):
    box = BOX.format(mark=mark, heading=heading, line=line)
    page = _page("", main=f"<article><p>{PARAGRAPHS[0]}</p>{box}<p>{PARAGRAPHS[1]}</p></article>")
    article = parse_html(page, url="https://alroya.example/article/8810")
    assert list(article.paragraphs) == PARAGRAPHS


def test_an_article_body_marked_social_or_promo_is_still_read():
    long = " ".join(PARAGRAPHS * 2)
    page = _page("", main=f'<article class="social-news promo-story"><p>{long}</p></article>')
    assert parse_html(page, url="https://alroya.example/article/8810").paragraphs == (long,)


# --- pages sent compressed -----------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["br", "gzip", "deflate"])
async def test_a_page_sent_compressed_is_read(site, encoding):
    import zlib

    import brotli
    page = (PAGES / "bbc-inline-furniture.html").read_bytes()
    body = {"br": brotli.compress, "gzip": lambda b: zlib.compress(b, wbits=31),
            "deflate": zlib.compress}[encoding](page)
    url = site.page(f"/packed/{encoding}", body, headers={"Content-Encoding": encoding})
    [article] = await read_url(url)
    assert split_passages(article.paragraphs) == expected(
        PAGES / "bbc-inline-furniture.html")["passages"]


async def test_a_page_sent_in_an_encoding_marsad_cannot_unpack_is_named_not_garbled(site):
    url = site.page("/packed/compress", b"\x1f\x9d\x90<html>", headers={
        "Content-Encoding": "compress"})
    [found] = await read_url(url)
    assert isinstance(found, ArticleError)
    assert "/packed/compress" in str(found) and "'compress'" in str(found)


@pytest.mark.parametrize("shape", ["next-data", "nuxt3", "apollo"])
def test_a_web_app_page_whose_data_also_holds_the_next_story_gives_its_own(shape):
    """Infinite-scroll sites send the next story in full with the page's own: the story
    titled as the page is the article, not the longer one."""
    other = {"title": "افتتاح معرض مسقط الدولي للكتاب بمشاركة 800 دار نشر", "publishedAt":
             "2024-10-10", "body": "<p>" + "افتتح معرض مسقط للكتاب أبوابه اليوم. " * 30 + "</p>"}
    own = {"title": TITLE, "body": HTML, "publishedAt": "2024-10-09"}
    if shape == "next-data":
        script = ('<script id="__NEXT_DATA__" type="application/json">' + json.dumps(
            {"props": {"pageProps": {"article": own, "nextArticle": other}}}, ensure_ascii=False)
            + "</script>")
    elif shape == "apollo":
        script = _push(_row("4", {"Story:2": other, "Story:1": own}))
    else:  # Nuxt 3: values by index
        table = [{"data": 1}, [2, 3], {"title": 4, "body": 5, "publishedAt": 6},
                 {"title": 7, "body": 8, "publishedAt": 9}, own["title"], own["body"],
                 own["publishedAt"], other["title"], other["body"], other["publishedAt"]]
        script = ('<script type="application/json" id="__NUXT_DATA__">'
                  + json.dumps(table, ensure_ascii=False) + "</script>")
    article = parse_html(_page(script), url="https://alroya.example/article/8810")
    assert (article.title, article.date.isoformat()) == (TITLE, "2024-10-09")
    assert list(article.paragraphs) == PARAGRAPHS


# --- a caption set apart under a picture, with no <figcaption> -------------------------------


@pytest.mark.parametrize("caption", [
    '<p style="text-align: center;"><em>محطة محولات العاصمة الإدارية</em></p>',
    "<p><em>وزير الكهرباء خلال الجولة التفقدية</em></p>",
    '<p class="image-caption">جانب من الجولة (تصوير: أحمد حسن)</p>',
    "<div><small>أرشيفية</small></div>",
    "<p><i>صورة أرشيفية</i> <em>- رويترز</em></p>",
])
def test_a_caption_line_under_a_picture_alone_is_no_passage(caption):
    body = f'<p>{PARAGRAPHS[0]}</p><p><img src="/a.jpg"></p>{caption}<p>{PARAGRAPHS[1]}</p>'
    article = parse_html(_page("", main=f"<article>{body}</article>"),
                         url="https://alroya.example/article/8810")
    assert list(article.paragraphs) == PARAGRAPHS


@pytest.mark.parametrize("after", [
    "<p><strong>الأمطار في المناطق الجبلية</strong></p>",  # a subheading, set in bold
    "<p>وقال مدير الأرصاد إن الأمطار ستكون غزيرة.</p>",  # a sentence
])
def test_what_follows_a_picture_and_is_not_set_as_a_caption_stays(after):
    body = f'<p>{PARAGRAPHS[0]}</p><p><img src="/a.jpg"></p>{after}<p>{PARAGRAPHS[1]}</p>'
    article = parse_html(_page("", main=f"<article>{body}</article>"),
                         url="https://alroya.example/article/8810")
    assert lxml.html.fromstring(after).text_content() in article.paragraphs


# --- feed items that link to no page of their own --------------------------------------------

ITEM_TEXT = ("<p>وقالت الوزارة إن مشروع الربط الكهربائي سيدخل الخدمة العام المقبل بقدرة ألف"
             " ميغاوات، وإن الأشغال في الجانب التونسي بلغت مراحلها الأخيرة بعد تأخر دام عامين.</p>"
             "<p>وأضافت أن الكابل البحري يمتد على مسافة مئتي كيلومتر بين الرأس الطيب وجزيرة صقلية."
             "</p>")
ITEM_TITLES = ["الربط الكهربائي مع إيطاليا يدخل الخدمة", "افتتاح محطة شمسية في توزر",
               "ارتفاع صادرات زيت الزيتون"]


def _items_feed(site, kind: str) -> str:
    """A feed of three items with their full text, linking to no page of their own."""
    if kind == "rss-home-link":
        from newsroom_server import rss
        return site.feed(f"/{kind}", rss("الصباح نيوز", [
            {"link": site.url + "/", "title": t, "pubDate": "Tue, 02 Jul 2024 10:00:00 +0100",
             "content": ITEM_TEXT.replace("الكهربائي", f"الكهربائي {n}")}
            for n, t in enumerate(ITEM_TITLES)]))
    if kind == "atom-tag-ids":
        entries = "".join(
            f'<entry><title>{t}</title><id>tag:assabah.tn,2024:post-{n}</id><updated>'
            f'2024-07-02T10:00:00+01:00</updated><content type="html">'
            f'{html.escape(ITEM_TEXT.replace("الكهربائي", f"الكهربائي {n}"))}</content></entry>'
            for n, t in enumerate(ITEM_TITLES))
        return site.feed(f"/{kind}", '<?xml version="1.0" encoding="utf-8"?><feed xmlns='
                         '"http://www.w3.org/2005/Atom"><title>الصباح نيوز</title>'
                         f"{entries}</feed>", content_type="application/atom+xml")
    return _json_feed(site, [
        {"id": f"post-{n}", "title": t, "date_published": "2024-07-02",
         "content_html": ITEM_TEXT.replace("الكهربائي", f"الكهربائي {n}")}
        for n, t in enumerate(ITEM_TITLES)], title="الصباح نيوز")


@pytest.mark.parametrize("kind", ["rss-home-link", "atom-tag-ids", "json-no-url"])
def test_feed_items_linking_to_no_page_of_their_own_each_go_in_once(site, tmp_path, kind):
    url = _items_feed(site, kind)
    (tmp_path / "config.toml").write_text("[feeds]\ndelay_seconds = 0\n", encoding="utf-8")
    db = tmp_path / "m.db"
    result = marsad("ingest", url, cwd=tmp_path, db=db)
    assert result.returncode == 0 and "added 3" in result.stdout, result.stdout + result.stderr
    listed = json.loads(marsad("sources", "--json", cwd=tmp_path, db=db).stdout)
    assert sorted(s["title"] for s in listed) == sorted(ITEM_TITLES)
    assert {s["source"] for s in listed} == {"الصباح نيوز"}
    again = marsad("ingest", url, cwd=tmp_path, db=db)
    assert "added 0" in again.stdout and "unchanged 3" in again.stdout, again.stdout


async def test_an_item_linking_to_the_home_page_without_its_text_is_named(site):
    from newsroom_server import rss
    url = site.feed("/teasers-home", rss("الصباح نيوز", [
        {"link": site.url + "/", "title": "خبر بلا صفحة", "description": "ملخص قصير"}]))
    [found] = await read_url(url)
    assert isinstance(found, ArticleError) and "خبر بلا صفحة" in str(found)


# --- a site's check for robots, served instead of the article ---------------------------------


@pytest.mark.parametrize("name", ["bot-check-cf-challenge", "bot-check-access-denied",
                                  "bot-check-ar-bot-check"])
async def test_a_check_for_robots_served_as_200_is_named_not_ingested(site, name):
    [found] = await read_url(f"{site.url}/news/{name}.html")
    assert isinstance(found, ArticleError) and "check for robots" in str(found)


async def test_a_feed_item_whose_page_is_a_check_for_robots_gives_the_items_own_text(site):
    from newsroom_server import rss
    check = (PAGES / "bot-check-cf-challenge.html").read_text(encoding="utf-8")
    site.page("/guarded/1", check)
    url = site.feed("/guarded.rss", rss("الجزيرة نت", [{
        "link": site.url + "/guarded/1", "title": "الجزائر تعلن الحداد ثلاثة أيام",
        "pubDate": "Wed, 19 Feb 2025 12:00:00 +0100",
        "content": "".join(f"<p>{p}</p>" for p in MOURNING)}]))
    [article] = await read_url(url)
    assert list(article.paragraphs) == MOURNING and article.title.startswith("الجزائر تعلن")


@pytest.mark.parametrize("headline", ["«أنت لست روبوتا».. جوجل تغير اختبار كابتشا",
                                      "Access denied: hackers lock a ministry's servers"])
def test_a_short_article_about_such_checks_is_still_an_article(headline):
    page = (f'<html><head><meta charset="utf-8"><title>{headline}</title><meta property='
            f'"og:type" content="article"></head><body><h1>{headline}</h1><p>{PARAGRAPHS[0]}'
            "</p></body></html>")
    assert parse_html(page, url="https://example.com/tech/1").title == headline


# --- JSON-LD describing other stories besides the page's own ---------------------------------

OTHER_LD = {"@type": "NewsArticle", "headline": "افتتاح معرض مسقط الدولي للكتاب",
            "datePublished": "2024-02-21", "url": "https://alroya.example/article/77",
            "publisher": {"@type": "Organization", "name": "وكالة الأنباء العمانية"}}
OWN_LD = {"@type": "NewsArticle", "headline": TITLE, "datePublished": "2024-10-09",
          "publisher": {"@type": "Organization", "name": "جريدة الرؤية"}}


@pytest.mark.parametrize("blocks", [
    [OTHER_LD, OWN_LD],  # two scripts, a related story's first
    [{"@graph": [{"@type": "WebPage"}, OTHER_LD, OWN_LD]}],
    [[OTHER_LD, {**OWN_LD, "@type": ["NewsArticle", "ReportageNewsArticle"]}]],
    [OTHER_LD, {**OWN_LD, "headline": TITLE + " خلال ساعات"}],  # the <title> holds less
])
def test_the_json_ld_story_titled_as_the_page_is_its_own(blocks):
    scripts = "".join(f'<script type="application/ld+json">{json.dumps(b, ensure_ascii=False)}'
                      "</script>" for b in blocks)
    page = _page("", main=f"<article>{HTML}</article>").replace("</head>", scripts + "</head>")
    page = page.replace(f"<h1>{TITLE}</h1>", f"<h1>{blocks[-1].get('headline', TITLE)}</h1>"
                        if isinstance(blocks[-1], dict) and "headline" in blocks[-1] else
                        f"<h1>{TITLE}</h1>")
    article = parse_html(page, url="https://alroya.example/article/8810")
    assert article.id == "https://alroya.example/article/8810"  # not the other story's URL
    assert (article.date.isoformat(), article.source) == ("2024-10-09", "جريدة الرؤية")
    assert article.title.startswith(TITLE)


def test_a_page_with_one_json_ld_story_titled_otherwise_still_gives_it():
    ld = {**OWN_LD, "headline": "عنوان مختلف تماما عن عنوان الصفحة"}
    page = _page("", main=f"<article>{HTML}</article>").replace(
        "</head>", f'<script type="application/ld+json">{json.dumps(ld)}</script></head>')
    article = parse_html(page, url="https://alroya.example/article/8810")
    assert article.date.isoformat() == "2024-10-09"


# --- date lines: a French weekday, a bare `نشر:` after the update's date -----------------------


@pytest.mark.parametrize(("line", "day"), [
    ("Publié le mardi 18 février 2025 à 09:41", "2025-02-18"),
    ("Mardi 18 Février 2025", "2025-02-18"),
    ("Mis à jour le jeudi 20 février 2025 | Publié le mardi 18 février 2025", "2025-02-18"),
    ("dimanche 2 mars 2025 - 14h05", "2025-03-02"),
    ("آخر تحديث: 19-02-2025 | نشر: 18-02-2025", "2025-02-18"),
    ("آخر تحديث: 19-02-2025 | نُشر: الثلاثاء 18 فبراير 2025", "2025-02-18"),
    ("تحديث: 20/02/2025 - نشرت: 18/02/2025", "2025-02-18"),
    ("آخر تحديث: 19-02-2025", "2025-02-19"),  # an update's date stands in, alone
    ("تحديث: ارتفاع حصيلة الزلزال إلى أربعة قتلى في 18/02/2025", None),  # news, not a label
    # a dateline before the label, on the same line (a print version's one header row)
    ("القاهرة: «الشرق الأوسط» — نُشر: 18:40-17 أبريل 2025 م ـ 19 شوّال 1446 هـ", "2025-04-17"),
    ("الرباط - هسبريس | نشر في: 18 فبراير 2025", "2025-02-18"),
    ("الجزائر — تاريخ النشر: 18/02/2025 - آخر تحديث: 19/02/2025", "2025-02-18"),
    ("وقال الوزير - نشر: بيانا مطولا عن الزلزال", None),
])
def test_a_date_line_with_a_french_weekday_or_a_bare_published_label(line, day):
    from retrieval.articles import publication_date
    found = publication_date([line])
    assert (found.isoformat() if found else None) == day


def test_a_maghreb_page_stamped_in_french_beside_its_update_is_dated_by_its_publication():
    stamp = ('<div class="date">Mis à jour le jeudi 20 février 2025 à 10:00 | Publié le mardi'
             ' 18 février 2025 à 09:41</div>')
    page = (f'<html lang="ar"><head><meta charset="utf-8"><title>{TITLE} - الشروق أونلاين'
            f'</title></head><body><article><h1>{TITLE}</h1>{stamp}{HTML}</article></body></html>')
    assert parse_html(page, url="https://www.echoroukonline.com/x").date.isoformat() == (
        "2025-02-18")


async def test_a_feed_item_linking_to_a_channels_web_view_gives_its_posts(site):
    xml = SITEMAP.format(loc=f"{site.url}/news/{CHANNEL.name}")
    posts = await read_url(site.page("/channel-sitemap.xml", xml, content_type="application/xml"))
    assert [p.id for p in posts][:2] == ["https://t.me/akhbardz/9120", "https://t.me/akhbardz/9121"]
    assert len(posts) == 5 and {p.source for p in posts} == {"أخبار الجزائر العاجلة"}


# --- one outlet under its Latin and its Arabic name ---------------------------------------------


@pytest.mark.parametrize(("question", "rest"), [
    ("ماذا قالت هسبريس عن الهزة؟", "ماذا عن الهزة؟"),
    ("ماذا قالت Hespress عن الهزة؟", "ماذا عن الهزة؟"),
    ("حسب هسبريس، بكم شعر سكان وجدة؟", "بكم شعر سكان وجدة؟"),
])
def test_an_outlet_named_either_way_scopes_its_pages_under_both_names(question, rest):
    from retrieval.outlet_scope import find_scope
    scope = find_scope(question, ["Hespress", "هسبريس", "BBC News عربي", "الجزيرة نت"])
    assert set(scope.outlets) == {"Hespress", "هسبريس"}
    assert scope.rest == rest


def test_asking_an_outlet_by_its_arabic_name_finds_its_pages_titled_in_latin(site, tmp_path):
    (tmp_path / "config.toml").write_text("[feeds]\ndelay_seconds = 0\n", encoding="utf-8")
    db = tmp_path / "m.db"
    pages = ("hespress-ads-newsletter.html", "hespress-split-body.html",
             "aljazeera-app-router.html")
    result = marsad("ingest", *(f"{site.url}/news/{p}" for p in pages), cwd=tmp_path, db=db)
    assert result.returncode == 0, result.stderr
    answer = json.loads(marsad("ask", "ماذا قالت هسبريس عن الهزة في وجدة؟", "--json",
                               cwd=tmp_path, db=db).stdout)
    # one outlet, one name: its Latin and Arabic mastheads are stored as «هسبريس»
    assert answer["hits"] and {h["source"] for h in answer["hits"]} == {"هسبريس"}
    assert "وجدة" in answer["hits"][0]["text"]


def test_a_long_text_row_followed_by_other_rows_is_cut_at_its_length():
    """A text row's length is in UTF-8 bytes: Arabic takes two a letter, and the rows after
    it must still be read (the next story's title is in one of them)."""
    body = HTML * 200  # ~60 KB of Arabic
    scripts = _push(_text_row("6", body), _row("7", ["$", "div", None, {
        "dangerouslySetInnerHTML": {"__html": "$6"}}]), _row("8", {"title": "عنوان آخر"}))
    found = next_data_article(lxml.html.fromstring(_page(scripts)))
    assert found["articleBody"].splitlines() == PARAGRAPHS * 200


async def test_a_site_that_answers_every_part_with_the_first_is_asked_once_more_only(site):
    for n in range(1, 12):  # each "part" is page 1 again, linking to the next number
        site.page(f"/eco/same?page={n}" if n > 1 else "/eco/same",
                  _part(PART_ONE, None, f"?page={n + 1}"))
    [article] = await read_url(site.url + "/eco/same")
    assert list(article.paragraphs) == _expected_parts(PART_ONE)
    assert [r.path for r in site.requests if r.path.startswith("/eco/same")] == [
        "/eco/same", "/eco/same?page=2"]


@pytest.mark.parametrize("related", [
    '<aside><h3>ذات صلة</h3>{links}</aside>',
    '<div class="related-news">{links}</div>',
    '<section><h3>الأكثر قراءة</h3>{links}</section>',
])
def test_a_breaking_item_of_one_line_beside_other_stories_is_still_an_article(related):
    links = "".join(f'<div class="card"><a href="/n/{n}">{t}</a> <span>{o}</span></div>'
                    for n, (t, o) in enumerate(HEADLINES))
    title = "زلزال بقوة 5.4 درجات يضرب الشلف"
    line = "عاجل: زلزال بقوة 5.4 درجات يضرب ولاية الشلف غربي الجزائر والحماية المدنية تستنفر"
    page = (f'<html lang="ar"><head><meta charset="utf-8"><title>{title} | الجزيرة نت</title>'
            f"</head><body><main><h1>{title}</h1><p>{line}</p></main>"
            f"{related.format(links=links)}</body></html>")
    article = parse_html(page, url="https://www.aljazeera.net/news/2025/2/18/breaking")
    assert article.paragraphs == (line,)


TELEGRAM_PAGE = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>Telegram: Contact '
                 '@akhbardz</title><meta property="og:title" content="أخبار الجزائر العاجلة">'
                 '{url}<meta property="og:site_name" content="Telegram"><meta property='
                 '"og:description" content="{text}"></head><body><div class="tgme_page_wrap">'
                 '<div class="tgme_page"><div class="tgme_page_title"><span>أخبار الجزائر العاجلة'
                 '</span></div><div class="tgme_page_extra">84 213 subscribers</div><div class='
                 '"tgme_page_description">{text}</div><a href="tg://resolve?domain=akhbardz">View'
                 ' in Telegram</a><div class="tgme_page_additional">If you have <strong>Telegram'
                 '</strong>, you can view and join <br><strong>أخبار الجزائر العاجلة</strong> right'
                 ' away.</div></div></div></body></html>')


async def test_a_telegram_channels_page_without_posts_is_no_article(site):
    url = site.page("/akhbardz", TELEGRAM_PAGE.format(
        url="", text="قناة إخبارية جزائرية تنقل عاجل الأخبار على مدار الساعة من مختلف الولايات."))
    [found] = await read_url(url)
    assert isinstance(found, ArticleError) and "no post of text" in str(found)


async def test_one_telegram_posts_page_gives_that_post(site):
    text = ("الحماية المدنية الجزائرية: ثلاثة قتلى و41 جريحا في حصيلة أولية لزلزال الشلف، وانتشال"
            " سبعة أحياء من تحت الأنقاض في حي بن سونة.")
    url = site.page("/akhbardz/9121", TELEGRAM_PAGE.format(
        url='<meta property="og:url" content="https://t.me/akhbardz/9121">', text=text))
    [post] = await read_url(url)
    assert (post.id, post.source, post.date, post.paragraphs) == (
        "https://t.me/akhbardz/9121", "أخبار الجزائر العاجلة", None, (text,))


def test_a_news_page_that_embeds_a_telegram_post_is_the_news_page():
    embed = ('<div class="tgme_widget_message" data-post="akhbardz/9121"><div class='
             '"tgme_widget_message_text">منشور مضمن من قناة أخرى عن الزلزال والحصيلة</div></div>')
    page = _page("", main=f"<article><p>{PARAGRAPHS[0]}</p>{embed}<p>{PARAGRAPHS[1]}</p></article>")
    from retrieval.channel_pages import channel_posts
    assert channel_posts(page, "https://alroya.example/article/8810") is None
    article = parse_html(page, url="https://alroya.example/article/8810")
    assert article.title == TITLE and PARAGRAPHS[0] in article.paragraphs
