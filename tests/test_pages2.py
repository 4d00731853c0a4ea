"""Other Arabic outlets' pages, as readers copy them, save them and subscribe to them.

tests/data/pages2/ holds raw .txt pages (copied from the sites of Al Jazeera, BBC Arabic, Al
Arabiya, Sky News Arabia, Asharq Al-Awsat, Al-Ahram, Youm7, Hespress, Al Quds Al Arabi,
France 24, RT Arabic, Anadolu, CNN Arabic, Independent Arabia, Al Khaleej, Al Riyadh,
Annahar, Al-Masry Al-Youm, Enab Baladi, Alghad…), saved HTML pages and feeds; beside each a
JSON file says what a reader expects: title, outlet, date, url and exactly the lines that
are article text. The siblings below hold each kind of page furniture and metadata with
other words than the corpus: a masthead, a section or a breadcrumb is never the headline,
nothing after «الأكثر قراءة» is the article, a caption's credit is no passage.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from test_cli import marsad

from benchmarks.pages_quality import DEFAULT_FOLDER, measure, pages, read_page
from retrieval.articles import ArticleError, parse_raw
from retrieval.feeds import item_article, parse_feed
from retrieval.html_pages import parse_html

BODY = ("وقال المتحدث باسم الوزارة إن الأعمال ستستمر حتى نهاية الشهر المقبل وفق الجدول المعلن.",
        "وأضاف أن الفرق الفنية تعمل على مدار الساعة لإنجاز المرحلة الأولى في موعدها المحدد.")
HEADLINE = "الحكومة تعلن خطة جديدة لتطوير شبكة الطرق في المحافظات"


def page(*lines: str) -> str:
    return "\n".join(lines)


@pytest.mark.parametrize("path", pages(DEFAULT_FOLDER), ids=lambda p: p.name)
def test_each_page_gives_what_a_reader_expects(path: Path):
    wanted, got = read_page(path)
    assert got == [{"error": g["error"]} if "error" in w and "error" in g else w
                   for w, g in zip(wanted, got, strict=True)]


def test_no_furniture_is_indexed_and_no_title_date_or_outlet_is_wrong_over_the_corpus():
    tally = measure(DEFAULT_FOLDER)
    assert tally.articles >= 30 and tally.indexed >= 80
    assert (tally.furniture, tally.missed) == ([], [])
    assert tally.wrong == {"title": [], "source": [], "date": [], "url": []}


def test_marsad_ingest_of_the_corpus_cites_each_page_with_its_title_outlet_and_date(tmp_path):
    db = tmp_path / "m.db"
    result = marsad("ingest", str(DEFAULT_FOLDER), cwd=tmp_path, db=db)
    # every page goes in; the feeds' teaser-only items are named and skipped (exit 1)
    teasers = [w for path in pages(DEFAULT_FOLDER) for w in read_page(path)[0] if "error" in w]
    assert result.returncode == 1 and "tahrir" in result.stderr, result.stderr
    assert result.stderr.count("skipped") == len(teasers)
    listed = json.loads(marsad("sources", "--json", cwd=tmp_path, db=db).stdout)
    shown = {(s["title"], s["source"], s["date"], s["passages"]) for s in listed}
    # one outlet, one name: the name most of its pages print (outlet_identity)
    stored_as = {"العربية.نت": "العربية", "الجزيرة": "الجزيرة نت", "هسبريس": "Hespress",
                 "RT Arabic": "RT", "Sky News Arabia": "سكاي نيوز عربية"}
    expected = {(w["title"], stored_as.get(w["source"], w["source"]), w["date"],
                 len(w["passages"]))
                for path in pages(DEFAULT_FOLDER) for w in read_page(path)[0] if "error" not in w}
    assert shown == expected
    answer = json.loads(marsad("ask", "كم شاحنة أعيدت عند الحاجز؟", "--json", cwd=tmp_path,
                               db=db).stdout)
    assert answer["hits"][0]["source"] == "الجزيرة + وكالات"
    assert answer["hits"][0]["date"] == "2024-03-12"


# --- the headline, the masthead and the outlet ------------------------------------------

@pytest.mark.parametrize(("top", "outlet"), [
    (["الشرق الأوسط", "العالم العربي"], "الشرق الأوسط"),
    (["صحيفة البيان", "اقتصاد"], "صحيفة البيان"),
    (["وكالة الأناضول"], "وكالة الأناضول"),
    (["العربي الجديد", "سياسة", "أخبار عربية"], "العربي الجديد"),
    (["الرئيسية", "رياضة"], None),
    (["عربي21", "تخطى إلى المحتوى"], "عربي21"),
    (["سكاي نيوز عربية - دبي"], "سكاي نيوز عربية"),
    (["Al Jazeera"], "Al Jazeera"),
    (["BBC News, عربي", "تخطى إلى المحتوى"], "BBC News, عربي"),  # punctuated otherwise
    (["العربية. نت"], "العربية. نت"),
])
def test_the_sites_name_and_sections_above_the_headline_are_neither_title_nor_passage(
        top, outlet):
    article = parse_raw(page(*top, HEADLINE, *BODY), "x")
    assert (article.title, article.paragraphs, article.source) == (HEADLINE, BODY, outlet)


@pytest.mark.parametrize(("line", "outlet"), [
    (f"{HEADLINE} | الجزيرة نت", "الجزيرة نت"),
    (f"{HEADLINE} - اليوم السابع", "اليوم السابع"),
    (f"هسبريس - {HEADLINE}", "هسبريس"),
])
def test_a_headline_copied_with_the_tabs_outlet_name_loses_it_and_names_the_outlet(line, outlet):
    article = parse_raw(page(line, *BODY), "x")
    assert (article.title, article.source, article.paragraphs) == (HEADLINE, outlet, BODY)


def test_a_dash_in_a_headline_before_no_outlets_name_stays():
    headline = "مصر - السودان: مباحثات جديدة حول سد النهضة"
    assert parse_raw(page(headline, *BODY), "x").title == headline


@pytest.mark.parametrize("menu", ["أخبار | سياسة | اقتصاد | رياضة | ثقافة",
                                  "الرئيسية • محليات • عربي ودولي • منوعات"])
def test_a_menu_copied_as_one_line_is_neither_title_nor_passage(menu):
    article = parse_raw(page(menu, HEADLINE, *BODY), "x")
    assert (article.title, article.paragraphs) == (HEADLINE, BODY)


@pytest.mark.parametrize(("dateline", "outlet"), [
    ("بيروت - النهار", "النهار"),
    ("الدوحة: «الراية»", "الراية"),
    ("جدة - «عكاظ»:", "عكاظ"),
    ("الجزائر/ الخبر", "الخبر"),
    ("العربي الجديد من القاهرة", "العربي الجديد"),
    ("صنعاء- المصدر أونلاين", "المصدر أونلاين"),
    ("عربي21- سامر خليل", "عربي21"),  # an outlet whose name has digits, and its reporter
    ("بغداد - موقع الرافدين", "موقع الرافدين"),  # an outlet the table does not know
    ("عمان- الغد", "الغد"), ("القدس - معا", "معا"),  # a city's name beside an outlet's
])
def test_a_dateline_crediting_an_outlet_names_it_and_is_no_passage(dateline, outlet):
    article = parse_raw(page(HEADLINE, dateline, *BODY), "x")
    assert (article.title, article.paragraphs, article.source) == (HEADLINE, BODY, outlet)


@pytest.mark.parametrize(("rights", "outlet"), [
    ("© 2024 عربي21. جميع الحقوق محفوظة", "عربي21"),
    ("جميع الحقوق محفوظة لموقع الميادين 2023 ©", "الميادين"),
    ("حقوق النشر محفوظة لصحيفة القبس", "القبس"),
])
def test_a_rights_notice_names_the_outlet_when_nothing_else_does(rights, outlet):
    article = parse_raw(page(HEADLINE, *BODY, rights), "x")
    assert (article.paragraphs, article.source) == (BODY, outlet)


@pytest.mark.parametrize("headline", ["قناة السويس - إيرادات قياسية في شهر مارس",
                                      "وكالة الطاقة - الطلب على النفط يتراجع"])
def test_a_headline_opening_with_an_institutions_name_is_no_masthead(headline):
    article = parse_raw(page(headline, *BODY), "x")
    assert (article.title, article.source) == (headline, None)


def test_a_quotation_under_the_headline_is_no_outlet():
    article = parse_raw(page(HEADLINE, "«لن نتراجع عن هذا القرار»", *BODY), "x")
    assert (article.title, article.source) == (HEADLINE, None)


def test_a_source_line_beats_the_masthead_and_prose_naming_an_outlet_names_none():
    labelled = parse_raw(page("الشروق", HEADLINE, *BODY, "المصدر: وكالات"), "x")
    assert labelled.source == "وكالات"
    prose = parse_raw(page(HEADLINE, "وقالت صحيفة الرياض إن الأعمال ستبدأ قريبا في الموقع.",
                           *BODY), "x")
    assert prose.source is None


@pytest.mark.parametrize("text", [
    page("عنوان", "تقرير: الأمم المتحدة تحذر من مجاعة في الإقليم"),
    page("زلزال تركيا", *BODY),
])
def test_a_short_headline_stays_the_title_when_no_headline_stands_below_it(text):
    assert parse_raw(text, "x").title == text.splitlines()[0]


# --- where the article ends --------------------------------------------------------------

@pytest.mark.parametrize("heading", [
    "الأكثر قراءة", "الأكثر مشاهدة", "المزيد حول هذه القصة", "موضوعات متعلقة",
    "مواضيع ذات صلة", "قصص مقترحة", "اخترنا لك", "تعليقات الزوار", "التعليقات", "أضف تعليقك",
    "الكلمات الدلالية", "الوسوم", "Most read", "عن الكاتب",
])
def test_nothing_under_a_heading_of_other_stories_comments_or_tags_is_the_article(heading):
    other = "وزير المالية يعلن موازنة جديدة تتضمن زيادة كبيرة في الإنفاق العام."
    article = parse_raw(page(HEADLINE, *BODY, heading, "سوريا", other), "x")
    assert article.paragraphs == BODY


@pytest.mark.parametrize("end", ["end of list", "نهاية القائمة"])
def test_a_read_also_box_that_says_where_it_ends_is_cut_and_the_article_goes_on(end):
    article = parse_raw(page(HEADLINE, BODY[0], "اقرأ أيضا", "list of 3 items", "list 1 of 3",
                             "ارتفاع أسعار الوقود للمرة الثانية", "list 2 of 3",
                             "مقتل ثلاثة في حادث سير", end, BODY[1]), "x")
    assert article.paragraphs == BODY


@pytest.mark.parametrize("marker", ["قد يعجبك أيضاً:", "لا تفوتك:", "الخبر التالي:",
                                    "مواضيع قد تهمك:", "ننصحك بقراءة:"])
def test_other_teaser_markers_cut_their_headline_and_the_article_goes_on(marker):
    teaser = f"{marker} ارتفاع أسعار الوقود للمرة الثانية هذا العام في البلاد"
    assert parse_raw(page(HEADLINE, BODY[0], teaser, BODY[1]), "x").paragraphs == BODY


@pytest.mark.parametrize("marker", ["الخبر التالي", "المقال السابق", "اخترنا لكم"])
def test_a_bare_next_story_marker_ends_the_article(marker):
    other = "وزير المالية يعلن موازنة جديدة تتضمن زيادة كبيرة في الإنفاق العام."
    assert parse_raw(page(HEADLINE, *BODY, marker, other), "x").paragraphs == BODY


OTHER_LEAD = "أعلنت وزارة الصحة إطلاق حملة تطعيم جديدة تستهدف مليون طفل في المحافظات الجنوبية."


@pytest.mark.parametrize("box", [
    ("عنوان قصة أخرى", OTHER_LEAD),  # another story's lead opens no continuation
    ("عنوان قصة أخرى", "ملخص القصة الأخرى كما يظهر تحت عنوانها.", BODY[1]),  # an excerpt
    ("عنوان أول", "عنوان ثان", "عنوان ثالث", "عنوان رابع", BODY[1]),  # a list, not a box
])
def test_a_read_also_list_without_an_end_still_ends_the_article(box):
    """Nothing after «اقرأ أيضا» is the article unless it plainly goes on (below)."""
    article = parse_raw(page(HEADLINE, BODY[0], "اقرأ أيضا", *box), "x")
    assert article.paragraphs == BODY[:1]


@pytest.mark.parametrize("marker", ["اقرأ أيضاً", "إقرأ أيضا", "شاهد أيضا", "ذات صلة"])
@pytest.mark.parametrize("teasers", [
    ("الجزائر ترفع صادرات الغاز إلى أوروبا عبر خط ترانسميد",),
    ("أسعار النفط ترتفع بعد قرار أوبك+", "الذهب يسجل مستوى قياسيا جديدا"),
])
@pytest.mark.parametrize("goes_on", [
    BODY[1],
    "ويعبر أنبوب الغاز الأراضي التونسية نحو إيطاليا، وتحصل تونس على رسوم عبور عن الكميات.",
    "كما اتفق الطرفان على إنشاء منطقة تجارة حرة حدودية وعلى إنجاز خط ثان للربط الكهربائي.",
    "ومن جهته، قال رئيس الحكومة إن الاتفاقيات تنقل العلاقات من مرحلة النوايا إلى الإنجاز.",
])
def test_a_read_also_box_inside_the_body_is_cut_and_the_article_goes_on(marker, teasers,
                                                                        goes_on):
    """A TV site's box (the marker alone, one to three teased headlines) set between two
    paragraphs: the paragraph after it opens with a connective no other story's lead opens
    with (و+verb, كما, من جهته), so the article goes on there (newsroom16's Sky News
    Arabia page lost its last two paragraphs, Sonatrach's gas and the Transmed pipeline)."""
    article = parse_raw(page(HEADLINE, BODY[0], marker, *teasers, goes_on), "x")
    assert article.paragraphs == (BODY[0], goes_on)


# --- furniture lines ---------------------------------------------------------------------

@pytest.mark.parametrize("furniture", [
    "نستخدم ملفات تعريف الارتباط لنقدم لك أفضل تجربة على موقعنا.",
    "يستخدم هذا الموقع الكوكيز، وباستمرارك فإنك توافق على سياسة الخصوصية",
    "We use cookies to improve your experience. By continuing you agree.",
    "موافق", "قبول", "اشترك في النشرة الإخبارية اليومية", "سجل في نشرتنا البريدية الآن",
    "النشرة البريدية", "بريدك الإلكتروني", "5 دقائق", "1523", "حفظ", "A+", "A-",
    "انتقل إلى المحتوى", "فيسبوك", "واتساب", "نسخ الرابط", "Facebook",
    "حمّل التطبيق الآن", "التطبيق متوفر على App Store و Google Play",
    "اضغط هنا للاشتراك في قناتنا", "شارك هذا الخبر", "شارك المقال عبر:", "شاهد الفيديو",
    "10:45 ص", "18:30 بتوقيت مكة", "8:05 PM",
])
def test_consent_newsletter_and_counter_lines_are_no_passage(furniture):
    article = parse_raw(page(HEADLINE, BODY[0], furniture, BODY[1]), "x")
    assert article.paragraphs == BODY


@pytest.mark.parametrize("caption", [
    "متظاهرون أمام مبنى البرلمان (رويترز)",
    "جانب من الاجتماع (الأناضول)",
    "وزير الخارجية خلال المؤتمر الصحفي. © أ ف ب",
    "الرئيس خلال زيارته للمصنع © Getty Images",
])
def test_a_caption_credited_to_an_agency_is_no_passage(caption):
    article = parse_raw(page(HEADLINE, caption, *BODY), "x")
    assert article.paragraphs == BODY


def test_a_paragraph_that_ends_by_naming_an_agency_in_brackets_is_kept():
    prose = ("وأكد المتحدث أن المفاوضات ستستأنف الأسبوع المقبل في العاصمة القطرية بحضور "
             "الوسطاء من مصر وقطر والولايات المتحدة، وفق ما نقلت وكالة (رويترز)")
    assert parse_raw(page(HEADLINE, prose, *BODY), "x").paragraphs == (prose, *BODY)


@pytest.mark.parametrize("notes", [
    ("سامر الحسيني", "صحافي"), ("كتب محمود راغب",), ("القاهرة - أ ش أ",),
    ("رئيس الوزراء خلال جولته",), ("تونس- «القدس العربي»:",),
])
def test_author_boxes_captions_and_datelines_between_headline_and_body_are_no_passage(notes):
    assert parse_raw(page(HEADLINE, *notes, *BODY), "x").paragraphs == BODY


@pytest.mark.parametrize("tail", [("فرانس24/ أ ف ب",), ("بالتزامن مع",), ("الأناضول",),
                                  ("النفط", "أوبك+"), ("A+", "A-")])
def test_credits_tags_and_buttons_after_the_last_paragraph_are_no_passage(tail):
    assert parse_raw(page(HEADLINE, *BODY, *tail), "x").paragraphs == BODY


def test_a_page_without_punctuation_keeps_its_short_lines():
    lines = ("الأمطار مستمرة حتى الأحد", "الأرصاد تحذر السائقين من الضباب الكثيف صباحا")
    assert parse_raw(page(HEADLINE, *lines), "x").paragraphs == lines


# --- dates -------------------------------------------------------------------------------

@pytest.mark.parametrize(("stamp", "expected"), [
    ("الأحد - 5 رمضان 1445 هـ - 15 مارس 2024 مـ رقم العدد [ 16544 ]", dt.date(2024, 3, 15)),
    ("الجمعة 14 يونيو 2024 العدد 1832", dt.date(2024, 6, 14)),
    ("آخر تحديث: 9/5/202416:20 (بتوقيت مكة المكرمة)", dt.date(2024, 5, 9)),
    ("نشر الثلاثاء، 7 مايو / أيار 2024", dt.date(2024, 5, 7)),
    ("نشرت في: 21/06/2024 - 08:15 آخر تحديث: 21/06/2024 - 10:00", dt.date(2024, 6, 21)),
    ("نُشر في 2 يونيو 2024", dt.date(2024, 6, 2)),
    ("كتبت: سارة محمد السبت 11-05-2024 09:30 م", dt.date(2024, 5, 11)),
    ("كتب أحمد علي الاثنين 3 يونيو 2024", dt.date(2024, 6, 3)),
    ("| آخر تحديث: الأحد 12-05-2024 08:10 م", dt.date(2024, 5, 12)),
    ("• نشر في: 4 يونيو 2024", dt.date(2024, 6, 4)),
    ("السبت 6 من رمضان 1445 هــ 16 مارس 2024 السنة 148 العدد 49814", dt.date(2024, 3, 16)),
])
def test_date_lines_as_outlets_print_them_give_the_date_and_no_passage(stamp, expected):
    for lines in ((stamp, HEADLINE), (HEADLINE, stamp), ("المدن", "لبنان", HEADLINE, "كاتب",
                                                         "محرر", stamp)):
        article = parse_raw(page(*lines, *BODY), "x")
        assert (article.title, article.date, article.paragraphs) == (HEADLINE, expected, BODY)


def test_a_date_line_under_other_stories_headlines_is_never_the_articles_date():
    article = parse_raw(page(HEADLINE, *BODY, "اقرأ المزيد", "المزيد حول هذه القصة",
                             "عنوان قصة أخرى عن الطرق", "5 مارس/ آذار 2024"), "x")
    assert (article.date, article.paragraphs) == (None, BODY)


def test_a_bare_date_in_mid_article_is_no_passage():
    assert parse_raw(page(HEADLINE, BODY[0], "الخميس 14 مارس 2024", BODY[1]),
                     "x").paragraphs == BODY


# --- feeds and HTML ----------------------------------------------------------------------

@pytest.mark.parametrize(("title", "outlet"), [
    ("اليوم السابع - أخبار عاجلة", "اليوم السابع"),
    ("أخبار مصر | المصري اليوم", "المصري اليوم"),
    ("هسبريس", "هسبريس"),
    ("صحيفة الغد الأردنية - محليات", "صحيفة الغد الأردنية"),
    ("أخبار المدينة - الرئيسية", "أخبار المدينة - الرئيسية"),  # no outlet's name: as it is
])
def test_a_feeds_outlet_is_its_titles_outlet_name_without_the_section(title, outlet):
    feed = (f"<rss version='2.0'><channel><title>{title}</title><link>https://x.example/</link>"
            "<item><title>خبر</title><link>https://x.example/1</link>"
            f"<description>{' '.join(BODY * 5)}</description></item></channel></rss>")
    [item] = parse_feed(feed, "feed")
    assert item_article(item, "feed").source == outlet


def test_a_photo_gallery_page_gives_its_captions_without_the_photographers_credits():
    html = ("<html><head><title>بالصور.. افتتاح المتحف</title></head><body><h1>بالصور.. "
            "افتتاح المتحف</h1><figure><img src='1.jpg'><figcaption>زوار في القاعة الرئيسية "
            "للمتحف الجديد (تصوير: علي حسن)</figcaption></figure><figure><img src='2.jpg'>"
            "<figcaption>قطع أثرية معروضة لأول مرة - عدسة: منى سعيد</figcaption></figure>"
            "</body></html>")
    article = parse_html(html, "gallery")
    assert article.paragraphs == ("زوار في القاعة الرئيسية للمتحف الجديد",
                                  "قطع أثرية معروضة لأول مرة")


def test_a_page_that_is_only_furniture_is_still_refused():
    with pytest.raises(ArticleError):
        parse_raw(page("هسبريس", "الأكثر قراءة", HEADLINE), "x")


@pytest.mark.parametrize("marked", [
    "<span class='newsStoryDate'>الخميس، 14 مارس 2024 10:45 ص</span>",
    "<div id='PostMeta'>نشر في: 14 مارس 2024</div>",
    "<p class='Article-Date'>14/03/2024</p>",
])
def test_a_date_line_marked_in_any_letter_case_beside_the_headline_dates_the_page(marked):
    html = (f"<html><body><div><h1>{HEADLINE}</h1>{marked}<div class='body'>"
            + "".join(f"<p>{p}</p>" for p in BODY) + "</div></div></body></html>")
    article = parse_html(html, "x")
    assert (article.title, article.date, article.paragraphs) == (
        HEADLINE, dt.date(2024, 3, 14), BODY)


@pytest.mark.parametrize("caption", ["صورة أرشيفية لمقر البنك المركزي في العاصمة (رويترز)",
                                     "متظاهرون في ساحة التحرير وسط بغداد - غيتي",
                                     "الوزير خلال زيارته للمصنع. © Getty Images"])
def test_a_credited_caption_above_the_headline_is_not_the_title(caption):
    article = parse_raw(page("اندبندنت عربية", caption, HEADLINE, *BODY), "x")
    assert (article.title, article.paragraphs) == (HEADLINE, BODY)


@pytest.mark.parametrize("dateline", ["عنب بلدي – إدلب", "الرباط- العربي الجديد",
                                      "غزة - «القدس العربي»:"])
def test_an_html_pages_dateline_paragraph_is_no_passage(dateline):
    html = (f"<html><body><article><h1>{HEADLINE}</h1><div class='entry-content'>"
            f"<p>{dateline}</p>" + "".join(f"<p>{p}</p>" for p in BODY)
            + "</div></article></body></html>")
    assert parse_html(html, "x").paragraphs == BODY


def _article_html(inner: str) -> str:
    return (f"<html><body><article><h1>{HEADLINE}</h1><div class='article-body'>{inner}"
            "</div></article></body></html>")


@pytest.mark.parametrize("box", [
    "<p>اقرأ أيضا:</p><ul><li><a href='/a'>ارتفاع أسعار الوقود للمرة الثانية</a></li>"
    "<li><a href='/b'>مقتل ثلاثة في حادث سير</a></li></ul>",
    "<h3>اقرأ أيضاً</h3><ol><li><a href='/a'>الذهب يقفز إلى مستوى قياسي</a></li></ol>",
    "<p><strong>ذات صلة</strong></p><div><a href='/a'>خبر أول</a> | <a href='/b'>خبر ثان</a>"
    "</div>",
])
def test_an_html_read_also_marker_over_a_list_of_links_is_cut_and_the_article_goes_on(box):
    html = _article_html(f"<p>{BODY[0]}</p>{box}<p>{BODY[1]}</p>")
    assert parse_html(html, "x").paragraphs == BODY


def test_an_html_read_also_marker_over_another_story_still_ends_the_article():
    html = _article_html(f"<p>{BODY[0]}</p><p>اقرأ أيضا:</p><h2>وزير المالية يعلن موازنة جديدة"
                         "</h2><p>أعلن وزير المالية موازنة جديدة تتضمن زيادة كبيرة في الإنفاق "
                         "العام على التعليم والصحة خلال العام المقبل.</p>")
    assert parse_html(html, "x").paragraphs == BODY[:1]
