"""Twelfth round of pages as newsrooms publish them (tests/data/pages5): other outlets'
HTML, raw .txt pages, an RSS feed with full text and an Atom feed of teasers, each beside a
JSON file of what a reader expects: title, outlet, date, url, the wire agency credited
and exactly the passages indexed. The siblings below hold each fault found on them, in
other words than the corpus: a call to follow the outlet behind a lead-in clause, an
agency credited only in the sign-off under the article, a dateline naming the outlet and
an agency together, a wire dateline whose day is printed in figures.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_cli import marsad

from benchmarks.pages_quality import pages
from retrieval.agencies import signoff_agency, split_dateline
from retrieval.articles import ArticleError, _is_boilerplate, iter_articles, parse_raw
from retrieval.passages import split_passages

FOLDER = Path(__file__).parent / "data" / "pages5"
HEAD = "الوطن\nالحكومة تعلن خطة جديدة لتطوير شبكة الطرق في المحافظات\n12 مارس 2024\n"
BODY = ("قال المتحدث باسم الوزارة إن الأعمال ستستمر حتى نهاية الشهر المقبل وفق الجدول المعلن.",
        "وأضاف أن الفرق الفنية تعمل على مدار الساعة لإنجاز المرحلة الأولى في موعدها المحدد.")


def read(article):
    if isinstance(article, ArticleError):
        return {"error": "teaser"}
    return {"title": article.title, "source": article.source,
            "date": article.date.isoformat() if article.date else None, "url": article.url,
            "agency": article.agency, "passages": split_passages(article.paragraphs)}


@pytest.mark.parametrize("path", pages(FOLDER), ids=lambda p: p.name)
def test_each_page_reads_as_a_reader_expects(path: Path):
    wanted = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert [read(a) for a in iter_articles([path])] == wanted.get("items", [wanted])


def test_ingest_cites_title_outlet_date_and_agency_and_again_adds_nothing(tmp_path):
    db = tmp_path / "m.db"
    first = marsad("ingest", str(FOLDER), cwd=tmp_path, db=db)
    # the Atom feed's two items are teasers whose pages cannot be fetched: named, skipped
    assert first.returncode == 1 and first.stderr.count("skipped") == 2, first.stderr
    again = marsad("ingest", str(FOLDER), cwd=tmp_path, db=db)
    assert again.stdout.startswith("added 0, replaced 0"), again.stdout
    answer = json.loads(marsad("ask", "كم شخصا قتلوا في حرائق بجاية؟", "--json",
                               cwd=tmp_path, db=db).stdout)
    top = answer["hits"][0]
    assert (top["source"], top["date"], top["agencies"]) == ("France 24", "2023-07-25",
                                                             ["فرانس برس"])
    texts = [h["text"] for h in json.loads(marsad(
        "ask", "كم كيلومترا من الترع سيتم تبطينها؟", "--json", cwd=tmp_path, db=db).stdout)["hits"]]
    assert texts[0].startswith("أعلن وزير الموارد المائية")
    assert not any("تابعوا" in text or "فيسبوك" in text for text in texts)


# --- a call to follow the outlet, behind a lead-in clause ------------------------------

@pytest.mark.parametrize("line", [
    "لمزيد من الأخبار تابعوا صفحتنا على فيسبوك",
    "ولمتابعة آخر المستجدات، تابعونا على تيليجرام",
    "للاطلاع على آخر الأخبار تابعوا قناتنا على واتساب",
    "لمعرفة المزيد اشترك في نشرتنا البريدية",
    "للمزيد من الأخبار، حمّل تطبيق الشروق",
    "ولمزيد من التفاصيل تابعونا عبر منصة إكس",
    "للمزيد من الأخبار والتقارير تابعونا على جوجل نيوز",
    "تابعونا على حساباتنا في مواقع التواصل",
])
def test_a_call_to_follow_the_outlet_is_no_passage(line):
    assert _is_boilerplate(line)
    article = parse_raw(HEAD + "\n".join([*BODY, line]), "x")
    assert article.paragraphs == BODY


@pytest.mark.parametrize("line", [
    "لمزيد من المعلومات حول الخطة، قال الوزير إن التفاصيل ستنشر على فيسبوك.",
    "وتابع الرئيس حديثه على فيسبوك قائلا إن الحكومة ستواصل العمل.",
    "للمزيد من الشفافية تابعت اللجنة عمل الوزارة على مدى عامين.",
])
def test_prose_that_mentions_following_stays(line):
    assert not _is_boilerplate(line)


# --- the agency an article's sign-off credits ------------------------------------------

@pytest.mark.parametrize(("tail", "agency"), [
    (["فرانس24/ أ ف ب"], "فرانس برس"),
    (["(رويترز)"], "رويترز"),
    (["أ ف ب", "الكلمات الدالة", "غزة"], "فرانس برس"),
    (["د.ب.أ"], "د ب أ"),
    (["ع.ش/ رويترز", "شارك"], "رويترز"),
    (["(أ.ف.ب)"], "فرانس برس"),
    (["م.ع / وام"], "وام"),
    (["رويترز وأ ف ب"], "رويترز"),
    (["نقلاً عن الأناضول"], "الأناضول"),
])
def test_the_sign_off_under_the_article_credits_its_agency(tail, agency):
    article = parse_raw(HEAD + "\n".join([*BODY, *tail]), "x")
    assert article.agency == agency
    assert article.paragraphs == BODY


def test_an_agency_credit_ending_the_last_paragraph_is_its_sign_off():
    assert signoff_agency([BODY[0], BODY[1][:-1] + ". (أ ش أ)"]) == "أ ش أ"


@pytest.mark.parametrize("lines", [
    [BODY[0], "(رويترز)", BODY[1]],  # a photo's credit between paragraphs
    [*BODY, "صورة أرشيفية لمقر الوزارة في العاصمة (رويترز)"],  # a caption, credited
    [*BODY, "رويترز تكشف تفاصيل جديدة عن الصفقة"],  # a teaser of another story
    [*BODY, "محمد علي"],  # the writer's name
    list(BODY),
])
def test_no_sign_off_no_agency(lines):
    assert signoff_agency(lines) is None


# --- datelines: the outlet and an agency together, a day in figures --------------------

@pytest.mark.parametrize(("lead", "agency"), [
    ("بيروت - «الشرق الأوسط» ورويترز: ", "رويترز"),
    ("دمشق - «عنب بلدي» وأ ف ب - ", "فرانس برس"),
    ("لندن - «الشرق الأوسط» + وكالات: ", None),
    ("غزة - «القدس العربي» ووكالات: ", None),
    ("الخرطوم 12-03-2024 (سونا) - ", "سونا"),
    ("القاهرة 12/03/2024 (أ ش أ) - ", "أ ش أ"),
])
def test_a_dateline_crediting_outlet_and_agencies_is_cut_and_credited(lead, agency):
    article = parse_raw(HEAD + lead + BODY[0] + "\n" + BODY[1], "x")
    assert article.paragraphs == BODY
    assert article.agency == agency


@pytest.mark.parametrize(("text", "date"), [
    ("الخرطوم 12-08-2024 (سونا) - ", "2024-08-12"),
    ("الرباط 03/11/2023 (و م ع) - ", "2023-11-03"),
    ("طرابلس 25.12.2023 (وال) - ", "2023-12-25"),
])
def test_a_wire_dateline_dated_in_figures_dates_the_article(text, date):
    article = parse_raw(f"سودان تربيون\n{HEADLINE}\n{text}{BODY[0]}\n{BODY[1]}", "x")
    assert article.date is not None and article.date.isoformat() == date
    assert article.paragraphs == BODY


HEADLINE = "وزارة الصحة تعلن خطة طوارئ لمواجهة تفشي الأمراض في الولايات"


def test_a_quotation_after_the_outlet_is_no_dateline():
    assert split_dateline("القاهرة - «الشروق» ويقول: لن نتراجع عن القرار أبدا") is None


# --- archives: JSONL and .json files with the field names scrapers give -----------------

ARCHIVES = Path(__file__).parent / "data" / "archives"


def test_a_jsonl_record_under_other_field_names_is_an_article():
    first, second, third = iter_articles([ARCHIVES / "scraper-fields.jsonl"])
    assert (first.id, first.title, first.source, first.date.isoformat(), first.url) == (
        "https://www.masrawy.com/news/sat2", "إطلاق أول قمر صناعي مصري مصنع محليا بالكامل",
        "مصراوي", "2023-12-04", "https://www.masrawy.com/news/sat2")
    assert len(first.paragraphs) == 2
    assert second.id == "sabq-1" and second.date.isoformat() == "2023-11-18"
    assert isinstance(third, ArticleError) and "قبل يومين" in str(third)  # named, skipped


@pytest.mark.parametrize(("record", "expected"), [
    ({"headline": HEADLINE, "body": BODY[0], "pubDate": "12 مارس 2024", "outlet": "الوطن"},
     (HEADLINE, "الوطن", "2024-03-12", None)),
    ({"title": HEADLINE, "article_body": BODY[0], "publish_date": "2024-03-12T23:30:00+03:00",
      "publisher": {"name": "عكاظ"}, "permalink": "https://www.okaz.com.sa/news/1"},
     (HEADLINE, "عكاظ", "2024-03-12", "https://www.okaz.com.sa/news/1")),
    ({"uuid": "a1", "headline": HEADLINE, "content_html": f"<p>{BODY[0]}</p><p>{BODY[1]}</p>",
      "date_published": None}, (HEADLINE, None, None, None)),
])
def test_scraper_field_names_give_title_outlet_date_and_url(record, expected):
    from retrieval.articles import parse_json_record

    article = parse_json_record(record, "x.jsonl:1")
    assert (article.title, article.source,
            article.date.isoformat() if article.date else None, article.url) == expected
    assert article.paragraphs[0] == BODY[0]


def test_a_record_without_id_or_url_is_named_by_its_content_the_same_each_time():
    from retrieval.articles import parse_json_record

    record = {"headline": HEADLINE, "body": BODY[0]}
    assert parse_json_record(record, "a").id == parse_json_record(dict(record), "b").id
    assert parse_json_record({**record, "body": BODY[1]}, "a").id != parse_json_record(
        record, "a").id


def test_a_json_archive_is_read_as_articles_and_its_bad_record_named(tmp_path):
    found = list(iter_articles([ARCHIVES / "export-list.json", ARCHIVES / "export-object.json"]))
    ahram, ghad, empty, qabas = found
    assert ahram.id == "ahram-77" and ahram.date.isoformat() == "2024-02-11"
    # an HTML body: its paragraphs, without the dateline alone on top or the call under it
    assert (ghad.id, ghad.source, ghad.date.isoformat()) == ("90211", "الغد", "2024-06-30")
    assert [p[:12] for p in ghad.paragraphs] == ["افتتحت الحكو", "وقال وزير ال"]
    assert isinstance(empty, ArticleError) and "article 3" in str(empty)
    assert (qabas.source, qabas.agency, qabas.url) == ("القبس", "كونا",
                                                       "https://www.alqabas.com/article/5931234")
    assert not any("(كونا)" in p for p in qabas.paragraphs)


def test_marsad_ingest_of_json_archives_and_again_adds_nothing(tmp_path):
    db = tmp_path / "m.db"
    paths = [str(ARCHIVES / name) for name in ("export-list.json", "export-object.json",
                                                "scraper-fields.jsonl")]
    first = marsad("ingest", *paths, cwd=tmp_path, db=db)
    assert first.stdout.startswith("added 5,"), first.stdout + first.stderr
    assert "article 3" in first.stderr and "قبل يومين" in first.stderr
    assert marsad("ingest", *paths, cwd=tmp_path, db=db).stdout.startswith("added 0, replaced 0")
    listed = {s["title"]: (s["source"], s["date"])
              for s in json.loads(marsad("sources", "--json", cwd=tmp_path, db=db).stdout)}
    assert listed["افتتاح أكبر محطة لتحلية مياه البحر في العقبة"] == ("الغد", "2024-06-30")
    hit = json.loads(marsad("ask", "كم تبلغ طاقة محطة تحلية المياه في العقبة؟", "--json",
                            cwd=tmp_path, db=db).stdout)["hits"][0]
    assert hit["source"] == "الغد" and "300 مليون متر مكعب" in hit["text"]


def test_a_folder_s_json_files_are_no_articles(tmp_path):
    (tmp_path / "package.json").write_text('{"name": "site", "version": "1.0.0"}')
    (tmp_path / "page.txt").write_text(f"الوطن\n{HEADLINE}\n12 مارس 2024\n{BODY[0]}\n",
                                       encoding="utf-8")
    assert [a.id for a in iter_articles([tmp_path])] == ["page"]


# --- furniture between paragraphs: credits, players, counters, ads, end marks -----------

@pytest.mark.parametrize("line", [
    "الصورة من: وزارة الداخلية", "المصور: سامي الحربي", "ت: محمد ناجي", "صور: أرشيفية",
    "Photographer: John Smith", "فيديو: شاهد لحظة وصول المساعدات", "بالفيديو: كواليس الحفل",
    # a TV site's caption over its player (newsroom16's Sky News Arabia page)
    "فيديو | لحظة توقيع الاتفاقيات بين البلدين", "فيديو| جولة في موقع المشروع",
    "بالفيديو | أول تصريح للمدرب بعد المباراة", "Video | Inside the control room",
    "نرحب بتعليقاتكم", "شارك برأيك", "ما رأيك؟", "تابعنا على", "Follow us", "هام", "ترند",
    "تم نسخ الرابط", "إضافة للمفضلة", "مشاهدات: 1٬245", "1.2 ألف مشاهدة", "قراءات 530",
    "استمع للمقال", "استمع إلى هذا المقال", "دقيقتان للقراءة", "4 دقائق قراءة",
    "إعلانات", "مساحة إعلانية", "محتوى مدفوع", "برعاية", "محتوى ممول",
    "Advertisement - Scroll to continue", "Scroll to continue with content",
    "تابع القراءة أدناه", "تحميل التطبيق", "يتبع...", "انتهى", "- انتهى -", "/انتهى/",
    "ع.م", "م/ع", "ح.س.ع",
])
def test_furniture_between_paragraphs_is_no_passage(line):
    article = parse_raw(HEAD + "\n".join([BODY[0], line, BODY[1]]), "x")
    assert article.paragraphs == BODY


@pytest.mark.parametrize("line", [
    "فيديو نشره ناشطون أظهر تصاعد الدخان من المبنى بعد الانفجار بدقائق.",
    "وقال المصور الذي رافق الفرق إن الدمار كان واسعا في الحي.",
    "وانتهى الاجتماع دون اتفاق على موعد الجولة المقبلة من المفاوضات.",
    "وبلغ عدد مشاهدات المقطع أكثر من مليون مشاهدة خلال يومين.",
    "هام جدا أن يلتزم المواطنون بالتعليمات الصادرة عن الدفاع المدني.",
])
def test_prose_with_those_words_stays(line):
    article = parse_raw(HEAD + "\n".join([BODY[0], line, BODY[1]]), "x")
    assert article.paragraphs == (BODY[0], line, BODY[1])


def test_the_news_source_label_names_the_source_and_is_no_passage():
    article = parse_raw(HEAD + "\n".join([*BODY, "مصدر الخبر: وكالة الأنباء الكويتية"]), "x")
    assert article.paragraphs == BODY
    assert article.source == "وكالة الأنباء الكويتية"


# --- feeds: an item's <source> -----------------------------------------------------------

def _rss(source: str) -> str:
    return ("<?xml version='1.0' encoding='UTF-8'?><rss version='2.0'><channel>"
            "<title>أخبار Google</title><link>https://news.google.com/</link><item>"
            f"<title>{HEADLINE}</title><link>https://example.com/news/1</link>"
            "<pubDate>Tue, 12 Mar 2024 08:00:00 GMT</pubDate>"
            f"<description>{' '.join(BODY * 6)}</description>{source}</item></channel></rss>")


@pytest.mark.parametrize(("source", "outlet", "agency"), [
    ("<source url='https://www.spa.gov.sa/'>واس</source>", "أخبار Google", "واس"),
    ("<source url='https://www.reuters.com/'>Reuters</source>", "أخبار Google", "رويترز"),
    ("<source url='https://www.masrawy.com'>مصراوي</source>", "مصراوي", None),  # aggregator
    ("", "أخبار Google", None),
])
def test_an_item_s_source_names_its_agency_or_its_outlet(source, outlet, agency):
    from retrieval.feeds import item_article, parse_feed

    [item] = parse_feed(_rss(source), "feed.xml")
    article = item_article(item, "feed.xml")
    assert (article.source, article.agency) == (outlet, agency)


# --- date stamps: the clock «على الساعة», a label «بتاريخ», spaced figures, an update ------

@pytest.mark.parametrize(("stamp", "date"), [
    ("الثلاثاء 12 مارس 2024 على الساعة 10:30", "2024-03-12"),
    ("الأربعاء 05 جوان 2024 على الساعة 18:45", "2024-06-05"),
    ("12/03/2024 على الساعة 10:30", "2024-03-12"),
    ("نشر في 12 مارس 2024 على 10:30", "2024-03-12"),
    ("بتاريخ 12 مارس 2024", "2024-03-12"),
    ("في 14 أيلول 2023", "2023-09-14"),
    ("12 / 03 / 2024", "2024-03-12"),
    ("٢٥ - ١٢ - ٢٠٢٣", "2023-12-25"),
    # the update's day is never the publication's
    ("الثلاثاء 12 مارس 2024 | آخر تحديث: الأربعاء 13 مارس 2024", "2024-03-12"),
    ("الخميس 7 نوفمبر 2024 — اخر تحديث: الجمعة 8 نوفمبر 2024", "2024-11-07"),
    ("الثلاثاء 12 مارس 2024 | 10:30 م | آخر تحديث: 10:45 م", "2024-03-12"),
])
def test_a_date_stamp_as_outlets_print_it_dates_the_article_and_is_no_passage(stamp, date):
    article = parse_raw(f"الوطن\n{HEADLINE}\n{stamp}\n{BODY[0]}\n{BODY[1]}", "x")
    assert article.date is not None and article.date.isoformat() == date
    assert article.paragraphs == BODY


@pytest.mark.parametrize("stamp", ["آخر تحديث منذ 3 ساعات", "12 - 03", "في الساعة الأخيرة"])
def test_no_day_printed_no_date(stamp):
    assert parse_raw(f"الوطن\n{HEADLINE}\n{stamp}\n{BODY[0]}\n{BODY[1]}", "x").date is None


# --- a day still to come is no publication date ----------------------------------------

def test_a_day_still_to_come_is_never_the_date_whatever_the_input(tmp_path):
    from retrieval.feeds import item_article, parse_feed
    from retrieval.html_pages import parse_html

    raw = parse_raw(f"الوطن\n{HEADLINE}\n12 مارس 2099\n{BODY[0]}\n{BODY[1]}", "x")
    record = {"id": "future", "title": HEADLINE, "text": "\n\n".join(BODY),
              "date": "2099-05-01T10:00:00Z"}
    (tmp_path / "a.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n",
                                      encoding="utf-8")
    jsonl = iter_articles([tmp_path / "a.jsonl"])
    html = parse_html((
        "<html><head><title>t</title><script type='application/ld+json'>{\"@type\":"
        f"\"NewsArticle\",\"headline\":\"{HEADLINE}\",\"datePublished\":\"2099-01-01\"}}"
        f"</script></head><body><h1>{HEADLINE}</h1><p>{BODY[0]}</p><p>{BODY[1]}</p>"
        "</body></html>").encode(), "x")
    [item] = parse_feed(_rss("").replace("Tue, 12 Mar 2024", "Thu, 01 Jan 2099"), "f.xml")
    dates = [raw.date, next(jsonl).date, html.date, item_article(item, "f.xml").date]
    assert dates == [None, None, None, None]



# --- a .txt page wrapped at a width; a standfirst and a date alone above the body -------

def test_paragraphs_wrapped_at_a_width_are_joined_back():
    wrapped = ("الوطن\nاقتصاد\n" + HEADLINE + "\n\n12 مارس 2024\n\n"
               "قال المتحدث باسم الوزارة إن الأعمال ستستمر حتى نهاية\n"
               "الشهر المقبل وفق الجدول المعلن.\n\n"
               "وأضاف أن الفرق الفنية تعمل على مدار الساعة لإنجاز\n"
               "المرحلة الأولى في موعدها المحدد.\n")
    article = parse_raw(wrapped, "x")
    assert (article.title, article.source, article.paragraphs) == (HEADLINE, "الوطن", BODY)
    assert article.date is not None and article.date.isoformat() == "2024-03-12"


def test_lines_that_end_sentences_stay_paragraphs_in_a_block():
    block = "الوطن\n" + HEADLINE + "\n12 مارس 2024\n\n" + "\n".join(BODY) + "\n"
    assert parse_raw(block, "x").paragraphs == BODY


@pytest.mark.parametrize("stamp", ["10/5/2024", "الجمعة 10 مايو 2024", "10 مايو 2024 - 18:45"])
def test_a_date_alone_under_the_standfirst_is_no_passage(stamp):
    standfirst = "خطة تمتد خمس سنوات وتشمل كل المحافظات."
    text = f"الوطن\nأخبار\n{HEADLINE}\n{standfirst}\n{stamp}\n{BODY[0]}\n{BODY[1]}"
    assert parse_raw(text, "x").paragraphs == (standfirst, *BODY)


def test_a_standfirst_the_first_paragraph_opens_with_is_indexed_once():
    standfirst = "قال المتحدث باسم الوزارة إن الأعمال ستستمر حتى نهاية الشهر المقبل."
    text = f"الوطن\n{HEADLINE}\n12 مارس 2024\n{standfirst}\n{BODY[0]}\n{BODY[1]}"
    assert parse_raw(text, "x").paragraphs == BODY


# --- an outlet no list knows: its masthead, when its rights notice names it too ---------

@pytest.mark.parametrize(("masthead", "rights", "outlet"), [
    ("سودان تربيون", "© 2024 سودان تربيون. جميع الحقوق محفوظة", "سودان تربيون"),
    ("موزاييك أف أم", "حقوق النشر محفوظة لموزاييك أف أم 2024", "موزاييك أف أم"),
    ("بلادي نيوز", "كل الحقوق محفوظة © بلادي نيوز", "بلادي نيوز"),
    ("بلادي نيوز", "", None),  # the masthead alone: a site's name or a section, unknown
    ("سياسة", "حقوق النشر محفوظة لسياسة الخصوصية 2024", None),
])
def test_an_unknown_masthead_is_the_outlet_when_the_rights_notice_names_it(masthead, rights,
                                                                           outlet):
    text = f"{masthead}\n{HEADLINE}\n12 مارس 2024\n{BODY[0]}\n{BODY[1]}\n{rights}"
    article = parse_raw(text, "x")
    assert article.source == outlet and article.paragraphs == BODY


# --- what an embedded post leaves in a copied page --------------------------------------

@pytest.mark.parametrize("line", [
    "— وزارة الخارجية (@KSAMOFA) April 18, 2023",
    "— Sky News Arabia (@skynewsarabia) 12 مارس 2024",
    "View this post on Instagram", "A post shared by Al Watan (@alwatan)",
    "عرض هذا المنشور على Instagram", "‏تمت مشاركة منشور بواسطة ‏الوطن‏ (@alwatan)‏",
    "Embed from Getty Images", "تخطى منشورات تويتر, 1", "نهاية منشورات يوتيوب, 2",
    "اسمح بمحتوى تويتر؟", "المحتوى غير متاح", "https://t.co/abc123",
])
def test_an_embedded_post_s_residue_is_no_passage(line):
    assert parse_raw(HEAD + "\n".join([BODY[0], line, BODY[1]]), "x").paragraphs == BODY


def test_a_tweet_s_text_stays_without_its_photo_link_and_prose_naming_a_handle_stays():
    tweet = "وصول سمو وزير الخارجية إلى دمشق pic.twitter.com/abc123"
    prose = "وكتب الوزير على حسابه (@KSAMOFA) أن الزيارة ناجحة."
    article = parse_raw(HEAD + "\n".join([BODY[0], tweet, prose, BODY[1]]), "x")
    assert article.paragraphs == (BODY[0], "وصول سمو وزير الخارجية إلى دمشق", prose, BODY[1])


@pytest.mark.parametrize(("printed", "date"), [
    ("Mer, 17 Juil 2024 10:00:00 +0100", "2024-07-17"),
    ("Lun, 5 Févr. 2024 08:15:00 +0100", "2024-02-05"),
    ("12 janv. 2024", "2024-01-12"),
    ("Ven, 20 Déc 2024 09:00:00 +0100", "2024-12-20"),
])
def test_a_french_locale_feed_date_is_read(printed, date):
    from retrieval.dates import stated_date

    assert stated_date(printed).isoformat() == date


# --- a story updated: a flag alone is no passage, the update's news is -----------------

@pytest.mark.parametrize(("line", "kept"), [
    ("تحديث: ارتفع عدد القتلى إلى 45 شخصا بحسب آخر حصيلة رسمية.", True),  # the post as written
    ("[تحديث] ارتفع عدد القتلى إلى 45 شخصا حسب الدفاع المدني.", True),
    ("تحديث البنية التحتية أولوية للحكومة في المرحلة المقبلة كما قال الوزير.", True),
    ("تحديث 2", False), ("محدث", False), ("(تحديث)", False), ("تحديث مستمر", False),
    ("تم تحديث هذا الخبر", False),
])
def test_an_update_s_flag_alone_is_cut_and_its_news_kept(line, kept):
    article = parse_raw(HEAD + "\n".join([BODY[0], line, BODY[1]]), "x")
    assert article.paragraphs == ((BODY[0], line, BODY[1]) if kept else BODY)
    assert article.date.isoformat() == "2024-03-12"


# --- an old CMS's body: paragraphs between double line breaks, a logo in <h1> ------------

def _old_page(body: str, title: str = "جريدة الوطن - الكويت") -> bytes:
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            "<h1 class='logo'><a href='/'>الوطن</a></h1>"
            f"<h2 class='title'>{HEADLINE}</h2><span>12 مارس 2024</span>"
            f"<div class='text'>{body}</div></body></html>").encode()


@pytest.mark.parametrize("body", [
    f"{BODY[0]}<br><br>{BODY[1]}",
    f"{BODY[0]}<br /><br /><br />{BODY[1]}",
    f"{BODY[0]}<br>\n<br>- إعلان -<br><br>{BODY[1]}",
    f"<font size='3'>{BODY[0]}</font><br><br><b>{BODY[1]}</b>",
])
def test_paragraphs_between_double_breaks_are_passages_of_their_own(body):
    from retrieval.html_pages import parse_html

    article = parse_html(_old_page(body), "x")
    assert (article.title, article.source) == (HEADLINE, "جريدة الوطن")
    assert article.paragraphs == BODY


def test_a_single_break_inside_a_paragraph_splits_nothing():
    from retrieval.html_pages import parse_html

    first, rest = BODY[0].split(" إن ")
    article = parse_html(_old_page(f"{first} إن<br>{rest}<br><br>{BODY[1]}"), "x")
    assert len(article.paragraphs) == 2 and article.paragraphs[1] == BODY[1]


# --- a raw page served as plain text -----------------------------------------------------

def test_a_raw_page_served_as_plain_text_is_read_as_a_saved_page(tmp_path):
    from newsroom_server import NewsroomSite

    site = NewsroomSite().start()
    try:
        page = (FOLDER / "annahar.txt").read_bytes()
        url = site.page("/archive/annahar.txt", page, content_type="text/plain; charset=utf-8")
        blank = site.page("/archive/blank.txt", b"   \n", content_type="text/plain")
        binary = site.page("/archive/file.bin", b"\x00\x01", content_type="application/pdf")
        db = tmp_path / "m.db"
        (tmp_path / "config.toml").write_text("[feeds]\ndelay_seconds = 0\n", encoding="utf-8")
        result = marsad("ingest", url, blank, binary, cwd=tmp_path, db=db)
        assert result.stdout.startswith("added 1,"), result.stdout + result.stderr
        assert "blank.txt" in result.stderr and "file.bin" in result.stderr  # named, skipped
        [listed] = json.loads(marsad("sources", "--json", cwd=tmp_path, db=db).stdout)
        assert (listed["id"], listed["source"], listed["date"], listed["passages"]) == (
            url, "النهار", "2024-02-19", 3)
        again = marsad("ingest", url, cwd=tmp_path, db=db)
        assert again.stdout.startswith("added 0, replaced 0, unchanged 1"), again.stdout
    finally:
        site.stop()


@pytest.mark.parametrize("title", [
    f"{HEADLINE.replace('الطرق', 'شبكة الطرق')} - سودان تربيون",
    f"سودان تربيون - {HEADLINE.replace('الطرق', 'شبكة الطرق')}",
    "إطلاق موقع إلكتروني جديد لخدمات الجوازات | الراكوبة نيوز",
])
def test_a_headline_holding_a_site_word_is_never_the_outlet(title):
    from retrieval.html_pages import parse_html

    headline = next(p for p in re.split(r" [-|] ", title) if len(p.split()) > 3)
    page = (f"<html><head><title>{title}</title></head><body><h1>{headline}</h1>"
            f"<article><p>{BODY[0]}</p><p>{BODY[1]}</p></article></body></html>")
    article = parse_html(page.encode(), "x")
    assert article.title == headline and article.source != headline
