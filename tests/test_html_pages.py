"""Saved news pages (.html): the page's own metadata, and only the article body as text.

Three outlets' shapes in tests/data/html/: JSON-LD + OpenGraph (and a figure, byline, share
buttons, related links, comments, cookie banner, gtag scripts), OpenGraph only with a
"| site" title, and a bare Windows-1256 page with a relative canonical link and no date.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from retrieval.articles import ArticleError, iter_articles
from retrieval.html_pages import parse_html

HTML = Path(__file__).parent / "data" / "html"

FURNITURE = (
    "gtag", "dataLayer", "ملفات تعريف الارتباط", "الكوكيز", "الرئيسية", "شارك المقال", "فيسبوك",
    "تويتر", "التعليقات", "خطة جيدة لكنها متأخرة", "أخبار ذات صلة", "أسعار الخبز",
    "البنك المركزي", "جميع الحقوق", "بقلم", "سامر الخطيب", "كتب -", "محمد علي", "تصوير",
    "وكالة الأنباء", "اقرأ أيضاً", "الأكثر قراءة", "منتخب الشباب", "اشترك", "النشرة البريدية",
    "الوسوم", "عاجل: انقطاع", "مزارعون في حقل", "مشاركة:", "تيليجرام", "ذات صلة", "تعليق",
    "زيارة مهمة جدا", "إعداد", "هالة يوسف", "رويترز", "مطار القاهرة", "سفراء الدول",
    "تصميم وتطوير", "منذ ساعتين", "الصادرات الزراعية",
)


def read(name: str):
    [article] = iter_articles([HTML / name])
    assert not isinstance(article, ArticleError), article
    return article


def test_json_ld_news_article_gives_headline_publisher_and_date():
    article = read("alwatan-jsonld.html")
    assert article.title == "الحكومة تقر خطة لدعم المزارعين بعد موسم الجفاف"  # not og:title
    assert article.source == "صحيفة الوطن"  # publisher.name, not og:site_name
    assert article.date == dt.date(2024, 3, 5)  # datePublished as printed, not dateModified
    assert article.url == "https://alwatan.example/news/2024/03/farmers-plan"
    assert article.id == article.url  # a page's identity is its canonical URL


def test_opengraph_page_with_a_site_suffix_in_its_title():
    article = read("almasdar-og.html")
    assert article.title == "البرلمان يقر موازنة العام المقبل بأغلبية كبيرة"
    assert article.source == "المصدر أونلاين"
    assert article.date == dt.date(2023, 10, 14)
    assert article.url == "https://almasdar.example/politics/budget-2024"


def test_wordpress_page_with_its_furniture_inside_the_article_element():
    article = read("alnaba-wordpress.html")
    assert article.title == "وزير الخارجية يصل إلى القاهرة في زيارة رسمية"  # " - site" cut
    assert (article.source, article.date) == ("شبكة النبأ", dt.date(2024, 2, 11))
    assert len(article.paragraphs) == 3
    assert article.paragraphs[-1].startswith("ومن المقرر أن يوقع الجانبان")


def test_bare_page_title_loses_its_site_and_no_date_is_guessed():
    article = read("akhbar-plain.html")  # Windows-1256, as old Arabic sites are
    assert article.title == "افتتاح معرض الكتاب الدولي بمشاركة ألف دار نشر"
    # the outlet the <title> names beside the headline (a known outlet's name) is stated,
    # not guessed; the date is nowhere on the page
    assert (article.source, article.date) == ("أخبار اليوم", None)
    assert article.id == "akhbar-plain"  # a relative canonical link and no URL: the file
    assert article.paragraphs[0].startswith("افتتح وزير الثقافة صباح اليوم")


@pytest.mark.parametrize("name", sorted(p.name for p in HTML.glob("*.html")))
def test_no_page_furniture_in_any_passage(name):
    article = read(name)
    assert len(article.paragraphs) >= 3
    for paragraph in article.paragraphs:
        for junk in FURNITURE:
            assert junk not in paragraph, (junk, paragraph)


def test_the_article_goes_on_after_a_mid_article_teaser():
    paragraphs = read("alwatan-jsonld.html").paragraphs
    assert paragraphs[-1].startswith("ورحب اتحاد المزارعين بالخطة")
    assert len(paragraphs) == 4


BODY = ("<p>أعلنت وزارة الصحة اليوم عن حملة تطعيم وطنية تشمل جميع المدارس الحكومية والخاصة "
        "في المحافظات كافة، وتستمر ثلاثة أسابيع.</p><p>وقال المتحدث باسم الوزارة إن الحملة "
        "انطلقت بعد قرار صدر في 2 مايو 2023 عن مجلس الوزراء بتوسيع برنامج التحصين.</p>")


def test_a_date_in_the_prose_is_never_the_publication_date():
    html = f"<html><head><title>حملة تطعيم وطنية</title></head><body>{BODY}</body></html>"
    article = parse_html(html, "page")
    assert (article.title, article.date, article.source) == ("حملة تطعيم وطنية", None, None)


def test_time_datetime_inside_the_article_is_the_date_not_one_in_the_sidebar():
    html = (f"<html><head><title>حملة تطعيم</title></head><body>"
            f"<aside><time datetime='2020-01-01'>قديم</time></aside><article><h1>حملة تطعيم</h1>"
            f"<time datetime='2023-05-03T08:00:00+02:00'>3 مايو</time>{BODY}</article></body>"
            f"</html>")
    assert parse_html(html, "page").date == dt.date(2023, 5, 3)


def test_broken_json_ld_falls_back_to_opengraph():
    html = ("<html><head><script type='application/ld+json'>{not json</script>"
            "<meta property='og:title' content='حملة التطعيم تبدأ'>"
            "<meta property='og:site_name' content='الصحة اليوم'>"
            "<meta property='article:published_time' content='2023-05-03'>"
            f"</head><body>{BODY}</body></html>")
    article = parse_html(html, None, "https://health.example/a?utm_source=feed#top")
    assert (article.title, article.source, article.date) == (
        "حملة التطعيم تبدأ", "الصحة اليوم", dt.date(2023, 5, 3))
    assert article.id == article.url == "https://health.example/a"


def test_a_page_without_article_text_is_reported_by_name(tmp_path):
    page = tmp_path / "empty.html"
    page.write_text("<html><head><title>فارغ</title></head><body><nav>الرئيسية</nav></body>"
                    "</html>", encoding="utf-8")
    [error] = iter_articles([page])
    assert isinstance(error, ArticleError) and str(page) in str(error)


def page_with(head: str, heading: str = "") -> str:
    return f"<html><head>{head}</head><body><h1>{heading}</h1>{BODY}</body></html>"


@pytest.mark.parametrize(("head", "heading", "expected"), [
    ("<title>حملة تطعيم وطنية | الصحة اليوم</title>", "", "حملة تطعيم وطنية"),
    ("<title>الصحة اليوم - حملة تطعيم وطنية</title>"
     "<meta property='og:site_name' content='الصحة اليوم'>", "", "حملة تطعيم وطنية"),
    ("<meta property='og:title' content='حملة تطعيم وطنية | الصحة اليوم'>"
     "<meta property='og:site_name' content='الصحة اليوم'>", "", "حملة تطعيم وطنية"),
    ("<title>حملة تطعيم وطنية - المرحلة الثانية</title>", "", "حملة تطعيم وطنية - المرحلة الثانية"),
    ("<title>حملة تطعيم وطنية - الصحة اليوم</title>", "حملة تطعيم وطنية", "حملة تطعيم وطنية"),
])
def test_the_site_name_is_not_part_of_the_title(head, heading, expected):
    assert parse_html(page_with(head, heading), "page").title == expected


@pytest.mark.parametrize("head", [
    "<meta itemprop='datePublished' content='2023-05-03T08:00:00+03:00'>",
    "<meta name='pubdate' content='2023-05-03'>",
    "<meta property='article:published_time' content='2023-05-03T23:59:00-05:00'>",
])
def test_the_pages_own_date_metadata_as_printed(head):
    assert parse_html(page_with(f"<title>حملة</title>{head}"), "page").date == dt.date(2023, 5, 3)


def test_json_ld_article_type_as_a_list_and_publisher_as_a_list():
    ld = ('{"@type": ["NewsArticle", "Article"], "headline": "حملة تطعيم وطنية", '
          '"datePublished": "2023-05-03", "publisher": [{"@type": "Organization", '
          '"name": "الصحة اليوم"}]}')
    html = page_with(f"<script type='application/ld+json'>{ld}</script>")
    article = parse_html(html, "page")
    assert (article.title, article.source, article.date) == (
        "حملة تطعيم وطنية", "الصحة اليوم", dt.date(2023, 5, 3))


@pytest.mark.parametrize(("published", "expected"), [
    ("3/5/2024 10:30 PM", None),  # ASP.NET's US default, or day-first: unknown, never a guess
    ("03.04.2024", None),
    ("13/5/2024", dt.date(2024, 5, 13)),  # only one reading is a date
    ("5/13/2024 1:00 AM", dt.date(2024, 5, 13)),
    ("7/7/2024", dt.date(2024, 7, 7)),
])
def test_numeric_metadata_dates_are_read_only_when_one_reading_exists(published, expected):
    ld = f'{{"@type": "NewsArticle", "headline": "حملة", "datePublished": "{published}"}}'
    html = page_with(f"<script type='application/ld+json'>{ld}</script>")
    assert parse_html(html, "page").date == expected
