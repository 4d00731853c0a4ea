"""Pages of other outlets served over HTTP, as `marsad ingest URL` and `follow` meet them.

tests/data/pages3/ holds saved pages, each with a JSON file beside it saying what a reader
expects (title, outlet, date, the passages). Every page is served from a real 127.0.0.1
server and read as `marsad ingest URL` reads it. Break pass (seventh), what went wrong:

- dates: a heading wrapped alone in its own `<div>` hid the date line under it (BBC's
  `<time>`, Al-Ahram's `15-5-2024 | 14:32`, Anadolu's `16.09.2024`, Echorouk's
  `2024/09/16 10:45`): no date; a WordPress post whose `<time class="entry-date
  published">` sits in its permalink got the date of a related post (`jp-relatedposts`);
  related-article cards beside an Asharq Al-Awsat date block erased its date.
- furniture indexed as passages: a comment box's prompt (`لا تعليقات. كن أول من يعلق!`, and
  «كن أول من يعلق» was *answered* from it), an old site's action row (`طباعة الخبر | أرسل
  لصديق | عودة للخلف`), a live page's `ملخص` label, and Anadolu's dateline with its
  reporter (`الجزائر/ عبد الرزاق بن عبد الله/ الأناضول`).
- title and outlet: `<title>بوابة الأهرام :وزير التموين: …` (no og:title) was the headline,
  site name and all; a site named only in its `<title>` (`… – مدونة الفلاح التونسي`,
  `الرياض نت :: …`) gave no outlet; og:site_name `Hespress - هسبريس جريدة إلكترونية مغربية`
  was cited whole.
- a photo gallery with a line of text (`بالصور.. إقبال كبير على معرض الرياض الدولي للكتاب`)
  lost every caption (each ends in its photographer's credit, so each was dropped as a
  photo's caption): «ماذا يضم جناح كتب الأطفال؟» was declined; a JSON-LD `ImageGallery`'s
  date was not read.
- a date line in words (`نُشر يوم الإثنين الرابع من مارس آذار ألفين وأربعة وعشرين`) or with
  both month names side by side (`الخميس 14 أيلول سبتمبر 2023`) gave no date; nor did a
  Maghreb site's French stamp (`Publié le 16/09/2024 à 10:45`, `16 septembre 2024`).
- a readers' poll (`هل تلقيت لقاح الإنفلونزا هذا العام؟`) and a pull quote (a sentence of the
  body again) were passages; a `<title>` naming only the site and a menu word (`الرئيسية -
  جريدة الصباح`) was the headline, and the real headline (the `<h1>`) a passage.
- a feed item whose page is gone and whose long `<description>` is WordPress's cut excerpt
  (`… [&#8230;]`) was ingested as the whole article.
- a page drawn by script whose JSON-LD `articleBody` is HTML (`<p>…</p><p>…</p>`) became one
  passage, paragraphs run together; a JSON-LD headline escaped once more (`&quot;…&quot;`)
  was shown with its entities.
- an unmarked list of other stories' headlines in the body (`<ul><li><a>الأمطار تغرق شوارع
  العاصمة…</a></li>…`, no «اقرأ أيضا» over it) was indexed, a headline a passage.
- a section page given as a URL (`اقتصاد - جريدة الصباح`, story cards) became an article
  titled «اقتصاد» holding one teaser; a page that only sends its reader on (`<meta
  http-equiv="refresh" content="0; url=…">`) was stored as «جاري التحويل...».
- an opinion page's starred note on its writer (`* كاتب وصحفي مصري …`) and its disclaimer
  (`الآراء الواردة في هذا المقال تعبر عن رأي كاتبها…`), a player's `جار التحميل...` and
  Reuters' bracketed credit (`(تغطية صحفية: … - إعداد: … للنشرة العربية)`) were passages.
- a site whose every page names its home page as canonical URL (`<link rel="canonical"
  href="https://www.site.com/">`): each article ingested replaced the one before.
- JSON-LD `datePublished` in UTC (`2024-09-15T22:30:00.000Z`) for a story the page prints
  under its headline as `الإثنين، 16 سبتمبر 2024 01:30 ص` was cited a day early.
- a caption set beside its picture in the same paragraph, with no `<figcaption>` (`<p><img>
  <br><em>صورة من صفحة الرئاسة التونسية على فيسبوك</em></p>`), was a passage.
- a news sitemap's URL (what many outlets offer instead of a feed) failed as «the page states
  no title»; a sitemap index too.
- a `<title>` with the heading between a label and the site (`عاجل | … | الشروق أونلاين`, `موقع
  | … | وطنية`) kept the label or the section in the headline.
- calls to act were passages: `لقراءة المزيد من الأخبار الرياضية اضغط هنا`, `تابع آخر أخبار مصر
  على جوجل نيوز`, `هذا المقال متوفر أيضا باللغة الإنجليزية`, `للتواصل مع المحرر: …@…`.
- a feed item's own full text (`content:encoded`, its page gone) with a read-also box in
  mid-article kept only the paragraphs above the box.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from newsroom_server import NewsroomSite
from saved_pages import (
    check_served_page,
    ingest_served_pages,
    pages_with_expectations,
    read_url,
)
from test_cli import marsad

from retrieval.articles import ArticleError

PAGES = Path(__file__).parent / "data" / "pages3"



@pytest.fixture(scope="module")
def site():
    s = NewsroomSite().start()
    for path in pages_with_expectations(PAGES):
        s.page(f"/news/{path.name}", path.read_bytes(),
               content_type="text/html")  # no charset: the page says its own
    yield s
    s.stop()



@pytest.mark.parametrize("path", pages_with_expectations(PAGES), ids=lambda p: p.stem)
async def test_each_served_page_gives_what_a_reader_expects(site, path):
    await check_served_page(site.url, path)


def test_marsad_ingest_of_the_page_urls_cites_each_with_its_date(site, tmp_path):
    db = ingest_served_pages(site.url, PAGES, tmp_path)
    answer = json.loads(marsad("ask", "متى أعيد فتح معبر رأس جدير؟", "--json", cwd=tmp_path,
                               db=db).stdout)
    assert (answer["hits"][0]["source"], answer["hits"][0]["date"]) == (
        "الشرق الأوسط", "2024-07-02")


@pytest.mark.parametrize("line", [
    "لا تعليقات. كن أول من يعلق!", "لا توجد تعليقات بعد", "كن أول من يعلق على هذا المقال",
    "اكتب تعليقك هنا", "12 تعليقات", "Be the first to comment", "طباعة الخبر | أرسل لصديق",
    "أرسل لصديق | طباعة | عودة", "تويتر • فيسبوك • أعلى الصفحة", "ملخص",
    "بيروت/ ليلى حسن/ الأناضول", "إسطنبول/ الأناضول"])
def test_comment_prompts_button_rows_and_datelines_are_no_passages(line):
    from retrieval.articles import clean_paragraphs
    prose = "وقال المتحدث إن لا تعليق لديه على القرار، وإن الوزارة ستصدر بيانا بعد اجتماع الحكومة."
    assert clean_paragraphs([line, prose]) == [prose]
    assert clean_paragraphs([prose, "لا تعليق لدينا على ما نشر بشأن الصفقة في وسائل الإعلام"]) == [
        prose, "لا تعليق لدينا على ما نشر بشأن الصفقة في وسائل الإعلام"]


@pytest.mark.parametrize(("line", "day"), [
    ("نُشر يوم الإثنين الرابع من مارس آذار ألفين وأربعة وعشرين", "2024-03-04"),
    ("العاشر من يونيو ألفين وعشرين", "2020-06-10"),
    ("الأول من يناير عام ألفين وخمسة عشر", "2015-01-01"),
    ("3 مارس ألفين وتسعة", "2009-03-03"),
    ("الحادي والعشرون من أكتوبر ألفين وثلاثة وعشرين", "2023-10-21"),
    ("الخميس 14 أيلول سبتمبر 2023", "2023-09-14"),
    ("2 تموز يوليو 2024", "2024-07-02"),
    ("نشر يوم 4 مارس 2024", "2024-03-04"),
    ("Publié le 16/09/2024 à 10:45", "2024-09-16"),  # an Algerian or Moroccan site's stamp
    ("Publié le 16 septembre 2024 à 10h45", "2024-09-16"),
    ("1 décembre 2024", "2024-12-01"),
    ("Mis à jour le 17/09/2024 à 08:00 | Publié le 16/09/2024", "2024-09-16"),
    ("يوليو آب 2024", None),  # two different months: the line contradicts itself
    ("ألفين شخص تظاهروا في الرابع من مارس", None),  # a count, no year
    ("نشر يوم أمس تقرير عن الأزمة", None),
])
def test_date_lines_with_the_year_in_words_or_both_month_names(line, day):
    from retrieval.articles import publication_date
    found = publication_date([line])
    assert (found.isoformat() if found else None) == day


SENTENCE = ("وقالت الوزارة إن مشروع الربط الكهربائي بين البلدين سيدخل الخدمة العام المقبل بقدرة"
            " ألف ميغاوات، وإن الأشغال في الجانب التونسي بلغت مراحلها الأخيرة. ")
OTHER = ("وأضافت أن الكابل البحري يمتد على مسافة مئتي كيلومتر بين الرأس الطيب وجزيرة صقلية، وأن"
         " كلفته تتقاسمها الشركتان الوطنيتان للكهرباء بدعم من الاتحاد الأوروبي. ")


@pytest.mark.parametrize(("ending", "article"), [
    (" [&#8230;]", False),  # WordPress's excerpt: cut, the rest is on the page
    (" [...]", False),
    ("…", False),
    (" ...", False),
    ("", True),  # a full description of 80 words or more is the article
])
async def test_a_long_feed_description_cut_short_is_a_teaser_not_an_article(ending, article):
    from newsroom_server import rss
    s = NewsroomSite().start()
    try:
        text = (SENTENCE + OTHER) * 3
        s.feed("/rss.xml", rss("الصباح نيوز", [{
            "link": s.url + "/gone", "title": "الربط الكهربائي مع إيطاليا يدخل الخدمة",
            "pubDate": "Tue, 02 Jul 2024 10:00:00 +0100",
            "description": f"<![CDATA[<p>{text.strip()}{ending}</p>]]>"}]))
        [found] = await read_url(s.url + "/rss.xml")
    finally:
        s.stop()
    if article:
        assert found.date.isoformat() == "2024-07-02" and SENTENCE.strip() in found.paragraphs[0]
    else:  # the page is gone and the feed has only a teaser: named and skipped
        assert isinstance(found, ArticleError) and "/gone" in str(found)


STUB = ('<html><head><meta http-equiv="refresh" content="0; url={target}"><title>جاري التحويل...'
        '</title></head><body><p>جاري التحويل... إذا لم يتم تحويلك <a href="{target}">اضغط هنا</a>'
        '</p></body></html>')


def test_a_page_that_only_sends_its_reader_on_is_followed_and_a_saved_one_is_named(
        site, tmp_path):
    db = tmp_path / "m.db"
    (tmp_path / "config.toml").write_text("[feeds]\ndelay_seconds = 0\n", encoding="utf-8")
    site.page("/s/1", STUB.format(target="/news/title-site-and-menu-only.html"))
    site.page("/s/2", STUB.format(target=site.url + "/s/1").replace('"0;', '"2;'))
    result = marsad("ingest", site.url + "/s/2", cwd=tmp_path, db=db)
    assert result.returncode == 0, result.stderr
    [listed] = json.loads(marsad("sources", "--json", cwd=tmp_path, db=db).stdout)
    assert listed["title"] == "افتتاح أول مصنع للسيارات الكهربائية في المنطقة الصناعية"
    assert listed["url"].endswith("/news/title-site-and-menu-only.html")
    saved = tmp_path / "stub.html"
    saved.write_text(STUB.format(target="/news/1"), encoding="utf-8")
    result = marsad("ingest", str(saved), cwd=tmp_path, db=db)
    assert result.returncode == 1 and "sends its reader on to /news/1" in result.stderr


@pytest.mark.parametrize("refresh", ['content="300"', 'content="600; url={url}"'])
async def test_an_article_that_reloads_itself_is_read_as_the_article(site, refresh):
    page = (PAGES / "furniture-comment-prompt.html").read_text(encoding="utf-8")
    url = site.page("/reload", page.replace(
        "<head>", f'<head><meta http-equiv="refresh" {refresh.format(url=site.url + "/reload")}>'))
    [article] = await read_url(url)
    assert article.title == "تيزي وزو: إعادة فتح الطريق الوطني بعد انهيار أرضي"


CARD = ('<article class="card"><a href="/news/{n}"><h2>{title}</h2></a><p>{teaser}</p>'
        '<time datetime="2024-09-1{n}">1{n} سبتمبر 2024</time></article>')
STORIES = [("الحكومة تقر خطة لدعم مربي الماشية في المناطق الجافة",
            "أقرت الحكومة خطة لدعم مربي الماشية بتوفير الأعلاف بأسعار مدعمة هذا العام."),
           ("افتتاح مستشفى جامعي جديد بطاقة خمسمئة سرير",
            "افتتح رئيس الحكومة مستشفى جامعيا جديدا يضم عشرين غرفة عمليات."),
           ("ارتفاع صادرات الفوسفات بنسبة عشرة في المئة",
            "ارتفعت صادرات الفوسفات ومشتقاته خلال الأشهر الستة الأولى من العام.")]


async def test_a_section_page_is_refused_as_a_list_of_stories_but_a_post_with_cards_is_read(site):
    cards = "".join(CARD.format(n=n, title=t, teaser=e) for n, (t, e) in enumerate(STORIES))
    url = site.page("/eco", f'<html><head><meta charset="utf-8"><title>اقتصاد - جريدة الصباح'
                            f'</title></head><body><h1>اقتصاد</h1><main>{cards}</main></body></html>')
    [found] = await read_url(url)
    assert isinstance(found, ArticleError) and "list of stories" in str(found)
    post = (PAGES / "furniture-no-comments-yet.html").read_text(encoding="utf-8")
    url = site.page("/post", post.replace("</article>", f"</article><section>{cards}</section>"))
    [article] = await read_url(url)
    assert article.title == "جامعة قسنطينة تفتح تخصصا جديدا في الذكاء الاصطناعي"
    assert not any(t in " ".join(article.paragraphs) for t, _ in STORIES)


@pytest.mark.parametrize("prose", [
    "وقال الوزير إن تصريحات المعارضة لا تعبر عن رأي الشارع وإن الحكومة ماضية في الإصلاحات.",
    "المقالات التي نشرتها الصحيفة الأسبوع الماضي تعكس حجم الغضب في الشارع من قرارات الحكومة.",
    "* تعليق الدراسة في جميع المدارس الحكومية والخاصة يومي الأحد والاثنين",
    "تابع المنتخب تدريباته أمس استعدادا للمباراة الحاسمة أمام تونس على ملعب القاهرة.",
    "وتابع الوزير أن البطولة ستقام على مدى أسبوعين في فندق بوسط القاهرة.",
    "(إعداد البرنامج استغرق عامين من العمل المتواصل)",
])
def test_prose_that_looks_like_a_disclaimer_or_a_credit_stays(prose):
    from retrieval.articles import clean_paragraphs
    first = "أعلنت الحكومة خطة جديدة لإصلاح نظام الدعم تبدأ في مطلع العام المقبل."
    assert clean_paragraphs([first, prose]) == [first, prose]


def _story(n: int, head: str) -> str:
    return (f'<html><head><meta charset="utf-8"><title>افتتاح المشروع رقم {n} في الأحياء الشرقية'
            f' - صوت الشعب</title>{head}</head><body><h1>افتتاح المشروع رقم {n} في الأحياء الشرقية'
            f"</h1><p>افتتح المحافظ اليوم المشروع رقم {n} الذي يضم مرافق خدمية جديدة لسكان الأحياء"
            f" الشرقية من المدينة.</p><p>وقال المحافظ إن المشروع رقم {n} سيوفر مئات فرص العمل"
            " للشباب في المنطقة خلال السنوات المقبلة.</p></body></html>")


def test_a_home_page_given_as_every_pages_canonical_url_loses_no_article(site, tmp_path):
    db = tmp_path / "m.db"
    (tmp_path / "config.toml").write_text("[feeds]\ndelay_seconds = 0\n", encoding="utf-8")
    heads = ['<link rel="canonical" href="https://www.sawt.example/">',
             '<link rel="canonical" href="https://www.sawt.example">'
             '<meta property="og:url" content="https://www.sawt.example/">',
             '<link rel="canonical" href="https://www.sawt.example/">'
             '<meta property="og:url" content="https://www.sawt.example/local/3">',
             '<link rel="canonical" href="https://www.sawt.example/?p=4">']
    urls = [site.page(f"/c/{n}", _story(n, head)) for n, head in enumerate(heads, 1)]
    result = marsad("ingest", *urls, cwd=tmp_path, db=db)
    assert result.returncode == 0 and "added 4" in result.stdout, result.stdout
    listed = {s["title"][-25:]: s["url"] for s in json.loads(
        marsad("sources", "--json", cwd=tmp_path, db=db).stdout)}
    assert sorted(listed.values()) == sorted([
        urls[0], urls[1], "https://www.sawt.example/local/3", "https://www.sawt.example/?p=4"])


def test_a_page_of_thousands_of_paragraphs_keeps_them_all():
    from retrieval.html_pages import parse_html
    rows = "".join(f"<p>وقال المتحدث باسم الحكومة إن الجلسة رقم {n} ناقشت مشروع قانون المالية"
                   " وتفاصيل النقاش بين النواب.</p>" for n in range(3000))
    title = "محضر جلسة البرلمان الكامل"
    article = parse_html(f"<html><head><title>{title}</title></head><body><h1>{title}</h1>"
                         f"<article>{rows}</article></body></html>", "minutes")
    assert len(article.paragraphs) == 3000  # similar openings are no repeats of each other


NEWS_SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
 xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>{site}/news/title-site-and-menu-only.html</loc><lastmod>2024-11-30T10:00:00Z</lastmod>
<news:news><news:publication><news:name>جريدة الصباح</news:name><news:language>ar</news:language>
</news:publication><news:publication_date>2024-09-20T09:00:00+01:00</news:publication_date>
<news:title>افتتاح أول مصنع للسيارات الكهربائية</news:title></news:news></url>
<url><loc>/news/dates-today-bar-differs.html</loc></url>
</urlset>"""


def test_a_news_sitemap_is_read_like_a_feed_and_an_index_or_an_archive_is_named(site, tmp_path):
    db = tmp_path / "m.db"
    (tmp_path / "config.toml").write_text("[feeds]\ndelay_seconds = 0\n", encoding="utf-8")
    news = site.feed("/sitemap-news.xml", NEWS_SITEMAP.format(site=site.url),
                     content_type="application/xml")
    index = site.feed("/sitemap.xml", '<?xml version="1.0"?><sitemapindex xmlns="http://www.'
                      'sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>' + news + "</loc></sitemap>"
                      "</sitemapindex>", content_type="application/xml")
    archive = site.feed("/sitemap-posts.xml", '<urlset xmlns="http://www.sitemaps.org/schemas/'
                        'sitemap/0.9">' + "".join(f"<url><loc>{site.url}/p/{n}</loc></url>"
                                                  for n in range(1001)) + "</urlset>")
    result = marsad("ingest", news, index, archive, cwd=tmp_path, db=db)
    assert result.returncode == 1 and "added 2" in result.stdout, result.stdout
    assert "a sitemap index of 1 sitemaps" in result.stderr
    assert "a sitemap of 1001 pages" in result.stderr
    listed = {s["title"]: (s["source"], s["date"]) for s in json.loads(
        marsad("sources", "--json", cwd=tmp_path, db=db).stdout)}
    # the page's own metadata first; the sitemap's news date where the page prints none,
    # never its <lastmod>
    assert listed == {
        "افتتاح أول مصنع للسيارات الكهربائية في المنطقة الصناعية": ("جريدة الصباح", "2024-09-20"),
        "وهران: استلام ألف مسكن جديد قبل نهاية السنة": ("الخبر", "2024-10-18")}


FIRES = ["اندلعت حرائق غابات واسعة في ولاية جندوبة شمال غربي تونس، وحاصرت ألسنة اللهب ثلاث قرى"
         " جبلية وفق الحماية المدنية.",
         "وقال متحدث باسم الحماية المدنية إن أكثر من مئتي عون إطفاء وطائرتين يشاركون في عمليات"
         " الإخماد منذ الصباح.",
         "وأجلت السلطات عشرات العائلات من منازلها احترازيا، فيما أتت النيران على مئات الهكتارات"
         " من غابات الفلين."]
BOXES = ['<div class="more"><h3>اقرأ أيضا</h3><ul><li><a href="/1">موجة حر غير مسبوقة تضرب شمال'
         ' أفريقيا</a></li><li><a href="/2">الجزائر ترسل طائرات لإخماد الحرائق</a></li></ul></div>',
         '<p>اقرأ أيضاً:</p><ul><li><a href="/1">موجة حر غير مسبوقة تضرب شمال أفريقيا</a></li></ul>',
         '<ul><li><a href="/1">موجة حر غير مسبوقة تضرب شمال أفريقيا</a></li><li><a href="/2">'
         "الجزائر ترسل طائرات لإخماد الحرائق في الشرق</a></li></ul>"]


@pytest.mark.parametrize("box", BOXES)
async def test_a_feed_items_own_text_goes_on_after_a_read_also_box(box):
    from newsroom_server import rss
    s = NewsroomSite().start()
    try:
        content = f"<p>{FIRES[0]}</p>{box}<p>{FIRES[1]}</p><p>{FIRES[2]}</p>"
        s.feed("/rss.xml", rss("الجزيرة نت", [{
            "link": s.url + "/gone", "title": "حرائق الغابات تحاصر قرى في شمال تونس",
            "pubDate": "Sun, 15 Sep 2024 19:02:00 +0000", "content": content}]))
        [article] = await read_url(s.url + "/rss.xml")  # the page is gone: the feed's own text
    finally:
        s.stop()
    assert list(article.paragraphs) == FIRES
