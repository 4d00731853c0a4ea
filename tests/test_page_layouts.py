"""Site layouts beyond the plain article: live blogs, bulleted entries, pages that are only
a video and its caption.

Break pass: a live blog whose entries were `<li><span class="time">10:45</span> …</li>`
gave passages starting "- 10:45 …" (trafilatura's list mark and the entry's clock time,
then cited as the outlet's words); a video page whose only text was its `<figcaption>`
was skipped as "no article text found in the page".
"""

from __future__ import annotations

import pytest

from retrieval.articles import ArticleError
from retrieval.html_pages import parse_html

ENTRIES = [
    "وصل الزعيم الكوري الشمالي كيم جونغ أون إلى قاعدة فوستوتشني الفضائية حيث كان الرئيس "
    "بوتين في استقباله.",
    "قال بوتين للصحفيين إن روسيا ستساعد كوريا الشمالية في بناء أقمار صناعية في إطار "
    "التعاون الفضائي.",
    "انتهت المحادثات الرسمية بعد أربع ساعات وأقام بوتين مأدبة عشاء على شرف الضيف الكوري "
    "الشمالي.",
]


def page(body: str, head: str = "", title: str = "لحظة بلحظة: قمة بوتين وكيم") -> str:
    return (f'<html><head><meta charset="utf-8"><title>{title}</title>{head}</head><body>'
            f"<nav><a href='/'>الرئيسية</a></nav><h1>{title}</h1>{body}"
            "<footer>جميع الحقوق محفوظة</footer></body></html>")


@pytest.mark.parametrize("clock", ["10:45", "08:30 GMT", "7:10 م -", "23:05 بتوقيت مكة"])
def test_live_blog_entries_are_passages_without_list_marks_or_clock_times(clock):
    items = "".join(f"<li><span class='time'>{clock}</span> {entry}</li>" for entry in ENTRIES)
    article = parse_html(page(f"<ul class='live'>{items}</ul>"), "live")
    assert list(article.paragraphs) == ENTRIES


def test_an_articles_bulleted_list_keeps_its_items_without_the_mark():
    points = "".join(f"<li>{entry}</li>" for entry in ENTRIES[1:])
    article = parse_html(page(f"<p>{ENTRIES[0]}</p><ul>{points}</ul>"), "points")
    assert list(article.paragraphs) == ENTRIES


def test_a_dashed_credit_line_is_still_no_passage_and_prose_times_stay():
    prose = "وقال مسؤول إن الاجتماع بدأ في الساعة 10:45 صباحا واستمر حتى المساء في القاعدة."
    article = parse_html(page(f"<p>{ENTRIES[0]}</p><p>- رويترز</p><p>{prose}</p>"), "credit")
    assert list(article.paragraphs) == [ENTRIES[0], prose]


CAPTION = "صافح بوتين كيم جونغ أون لنحو أربعين ثانية عند وصوله إلى قاعدة فوستوتشني الفضائية."


@pytest.mark.parametrize(("body", "head"), [
    (f"<figure><video src='v.mp4'></video><figcaption>{CAPTION}</figcaption></figure>", ""),
    ("<div class='player'><iframe src='https://video.example/1'></iframe></div>",
     f'<meta property="og:description" content="{CAPTION}">'),
    ("<video src='v.mp4'></video>", f'<meta name="description" content="{CAPTION}">'),
    ("<div id='player'></div>", '<script type="application/ld+json">{"@type": "NewsArticle",'
     f' "headline": "بالفيديو: مصافحة طويلة", "description": "{CAPTION}"}}</script>'),
])
def test_a_page_that_is_only_a_video_gives_its_caption_or_description(body, head):
    article = parse_html(page(body, head, title="بالفيديو: مصافحة طويلة"), "video")
    assert list(article.paragraphs) == [CAPTION]


def test_a_caption_beside_article_text_is_not_a_passage_and_an_empty_page_is_refused():
    body = (f"<figure><img src='a.jpg'><figcaption>{CAPTION}</figcaption></figure>"
            f"<p>{ENTRIES[0]}</p><p>{ENTRIES[1]}</p>")
    assert list(parse_html(page(body), "photo").paragraphs) == ENTRIES[:2]
    with pytest.raises(ArticleError, match="no article text"):
        parse_html(page("<video src='v.mp4'></video>", title="بالفيديو: مصافحة"), "empty")


def ld_page(body: str, visible: str = "<div id='root'></div>") -> str:
    import json
    ld = json.dumps({"@type": "NewsArticle", "headline": "كيم يدعو بوتين لزيارة بيونغيانغ",
                     "datePublished": "2023-09-14", "articleBody": body}, ensure_ascii=False)
    return page(f"{visible}<script src='/app.js'></script>",
                f'<script type="application/ld+json">{ld}</script>',
                title="كيم يدعو بوتين لزيارة بيونغيانغ")


@pytest.mark.parametrize("separator", ["\n\n", "\n", "\r\n"])
def test_a_page_drawn_by_script_keeps_the_paragraphs_of_its_json_ld_body(separator):
    article = parse_html(ld_page(separator.join(ENTRIES)), "spa")
    assert list(article.paragraphs) == ENTRIES
    assert str(article.date) == "2023-09-14"


def test_visible_paragraphs_win_over_a_json_ld_body_that_differs():
    visible = "".join(f"<p>{entry}</p>" for entry in ENTRIES)
    article = parse_html(ld_page("ملخص قصير مختلف.\n\nسطر آخر.", visible), "both")
    assert list(article.paragraphs) == ENTRIES


def test_a_video_page_described_only_by_its_json_ld_video_object():
    import json
    video = json.dumps({"@context": "https://schema.org", "@type": "VideoObject",
                        "name": "لحظة وصول كيم إلى فوستوتشني", "description": CAPTION,
                        "uploadDate": "2023-09-13T08:00:00+03:00",
                        "publisher": {"@type": "Organization", "name": "قناة المثال"}},
                       ensure_ascii=False)
    html = ("<html><head><meta charset='utf-8'><title>فيديو | قناة المثال</title>"
            f"<script type='application/ld+json'>{video}</script></head><body>"
            "<div id='player'><video src='v.mp4'></video></div></body></html>")
    article = parse_html(html, "video")
    assert (article.title, article.source, str(article.date)) == (
        "لحظة وصول كيم إلى فوستوتشني", "قناة المثال", "2023-09-13")
    assert list(article.paragraphs) == [CAPTION]
    # beside a NewsArticle, the page's video is not what the page is
    story = json.dumps({"@type": "NewsArticle", "headline": "كيم يصل إلى روسيا",
                        "datePublished": "2023-09-12"}, ensure_ascii=False)
    both = html.replace("</head>", f"<script type='application/ld+json'>{story}</script></head>")
    both = both.replace("<div id='player'>", "".join(f"<p>{e}</p>" for e in ENTRIES) + "<div>")
    article = parse_html(both, "story")
    assert (article.title, str(article.date)) == ("كيم يصل إلى روسيا", "2023-09-12")


STORY = "".join(f"<p>{entry}</p>" for entry in ENTRIES)


@pytest.mark.parametrize("wall", [
    "<div class='paywall'><p>هذا المحتوى حصري للمشتركين. اشترك الآن للوصول غير المحدود إلى "
    "جميع المقالات.</p><a href='/subscribe'>اشترك الآن</a> <a href='/login'>تسجيل الدخول</a></div>",
    "<div id='CookieConsent'><p>نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا.</p>"
    "<button>موافق</button><button>الإعدادات</button></div>",
    "<section class='newsletter-subscribe'><h3>النشرة اليومية</h3><p>أخبار اليوم في بريدك كل "
    "صباح.</p><input><button>اشترك</button></section>",
    "<div class='gdpr-banner'>We use cookies. <a href='/privacy'>Privacy</a> <button>Accept"
    "</button></div>",
])
def test_paywall_and_consent_prompts_are_not_passages(wall):
    article = parse_html(page(STORY + wall), "walled")
    assert list(article.paragraphs) == ENTRIES


def test_an_article_body_marked_as_paywalled_content_is_still_the_article():
    body = "".join(f"<p>{entry} {entry}</p>" for entry in ENTRIES)  # a story, not a prompt
    article = parse_html(page(f"<div class='article-body paywall-content'>{body}</div>"), "p")
    assert len(article.paragraphs) == 3


def test_a_consent_page_fetched_instead_of_the_article_is_not_an_article():
    wall = ("<div class='consent-page'><h1>قبل المتابعة إلى الموقع</h1><p>نستخدم ملفات تعريف "
            "الارتباط والبيانات من أجل تقديم خدماتنا وصيانتها وتتبع الانقطاعات.</p><p>إذا اخترت "
            "قبول الكل، سنستخدم أيضاً ملفات تعريف الارتباط لعرض الإعلانات.</p><button>قبول الكل"
            "</button></div>")
    html = ("<html><head><meta charset='utf-8'><title>قبل المتابعة إلى الموقع</title></head>"
            f"<body>{wall}</body></html>")
    with pytest.raises(ArticleError, match="no article text"):
        parse_html(html, "consent")


@pytest.mark.parametrize(("title", "heading"), [
    ("الصفحة غير موجودة | الجريدة", "عذراً، الصفحة غير موجودة"),
    ("خطأ 404 - الجريدة", "الصفحة المطلوبة غير موجودة"),
    ("Page not found – Alyaum", "لم يتم العثور على الصفحة"),
    ("404", "404"),
])
def test_a_page_that_says_it_is_not_there_is_refused(title, heading):
    html = (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><h1>{heading}"
            "</h1><p>الصفحة التي تبحث عنها غير موجودة أو ربما تم نقلها أو حذفها. يمكنك العودة "
            "إلى الصفحة الرئيسية أو استخدام البحث للعثور على ما تريد.</p></body></html>")
    with pytest.raises(ArticleError, match="not found"):
        parse_html(html, "gone")


@pytest.mark.parametrize("title", ["الرحلة 404 تهبط بسلام في موسكو",
                                   "لم يتم العثور على الصندوق الأسود بعد"])
def test_a_story_that_mentions_404_or_not_finding_something_is_kept(title):
    assert list(parse_html(page(STORY, title=title), "story").paragraphs) == ENTRIES
