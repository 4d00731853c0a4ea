"""Reading articles: the seed pages, JSONL records, encodings and batches of files."""

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from retrieval.articles import (
    ArticleError,
    iter_articles,
    parse_jsonl_line,
    parse_raw,
    read_text_file,
)
from retrieval.model import Article
from retrieval.passages import split_passages

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))

# design.md, "Seed metadata"
EXPECTED = {
    "000_3709f080d7caa3b5": ("سكاي نيوز عربية", dt.date(2023, 9, 14)),
    "001_6abf5aa8ef46f725": ("العربي - أ ف ب", dt.date(2024, 7, 27)),
    "002_8bd87385d959e3d9": ("صحيفة الاتحاد", dt.date(2023, 9, 14)),
    "003_81250df353619dc4": ("صحوة نيوز", None),
    "004_2dc0d43aa74d0617": (None, None),
}

NOT_ARTICLE_TEXT = [
    "القطب الشمالي",
    "ماكرون",
    "كلمات دلالية",
    "إقرأ أيضاً",
    "[ad_",
    "Source link",
    "Comments are closed",
    "Telegraph",
    "شارك القصة",
    "تابع القراءة",
    "Close",
    "المصدر:",
    "المصادر:",
    "رصد:",
    "تاريخ النشر",
    "أخبار ذات صلة",
]


def seed(article_id: str) -> Article:
    path = SEEDS / f"{article_id}.txt"
    return parse_raw(path.read_text(encoding="utf-8"), article_id)


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    return {path.stem: seed(path.stem) for path in SEED_FILES}


# --- the seeds, file by file, against design.md -------------------------------------------


def test_all_five_seeds_are_there():
    assert [p.stem for p in SEED_FILES] == list(EXPECTED)


@pytest.mark.parametrize("article_id", list(EXPECTED))
def test_seed_source_and_date_match_the_design_table(seeds, article_id):
    article = seeds[article_id]
    assert (article.source, article.date) == EXPECTED[article_id]


@pytest.mark.parametrize("article_id", list(EXPECTED))
def test_no_boilerplate_in_any_paragraph_or_passage(seeds, article_id):
    article = seeds[article_id]
    texts = list(article.paragraphs) + split_passages(article.paragraphs)
    for text in texts:
        for junk in NOT_ARTICLE_TEXT:
            assert junk not in text, f"{junk!r} left in {article_id}: {text[:80]}"


@pytest.mark.parametrize("article_id", list(EXPECTED))
def test_title_appears_once(seeds, article_id):
    article = seeds[article_id]
    assert article.title
    assert article.title not in article.paragraphs


def test_000_date_from_the_published_line(seeds):
    article = seeds["000_3709f080d7caa3b5"]
    assert article.title == 'بنادق وقفازات نادرة.. بوتين وكيم يعززان العلاقة بـ"الهدايا"'
    assert article.paragraphs[0].startswith("أهدى كل من الرئيس الروسي")


def test_000_kim_quote_survives_the_glued_source(seeds):
    last = seeds["000_3709f080d7caa3b5"].paragraphs[-1]
    assert last.endswith("لقد تمكنا من رؤية حاضر ومستقبل القوة الفضائية الروسية بأعيننا.")
    assert "سكاي نيوز" not in last


def test_000_prose_date_of_the_arctic_article_is_not_used(seeds):
    # "2 مايو 2023" is printed in the unrelated article below إقرأ أيضاً
    assert seeds["000_3709f080d7caa3b5"].date == dt.date(2023, 9, 14)


def test_001_title_is_the_headline_not_the_date_line(seeds):
    article = seeds["001_6abf5aa8ef46f725"]
    assert article.title == "بنادق وقفاز استخدم في الفضاء.. بوتين وكيم جونغ أون يتبادلان الهدايا"
    assert not any(p.startswith("السبت 27 يوليو") for p in article.paragraphs)


def test_001_captions_with_their_credits_are_not_article_text(seeds):
    paragraphs = seeds["001_6abf5aa8ef46f725"].paragraphs
    for caption in ("بوتين يلتقي بكيم في ظل تكهنات بشأن إمكانية توصلهما إلى اتفاق للأسلحة",
                    "أشاد الرئيس الروسي ببتعزيز علاقات التعاون والصداقة مستقبلًا مع بيونغيانغ",
                    "مقطع فيديو يرصد لحظة استقبال بوتين"):
        assert not any(caption in p for p in paragraphs), caption
    assert not any("غيتي" in p for p in paragraphs)
    assert paragraphs[0].startswith("عبّر كيم الذي يقوم بزيارة خارجية نادرة")


def test_001_ends_with_the_article_not_the_footer(seeds):
    paragraphs = seeds["001_6abf5aa8ef46f725"].paragraphs
    assert paragraphs[-1].endswith("وحضر عرضًا عسكريًا إلى جانب كيم.")
    assert "العربي - أ ف ب" not in paragraphs


def test_002_related_news_prefix_is_cut_but_paragraph_kept(seeds):
    first = seeds["002_8bd87385d959e3d9"].paragraphs[0]
    assert first.startswith("استقبل الرئيس الروسي فلاديمير بوتين")


def test_002_dateline_and_source_line_are_not_paragraphs(seeds):
    paragraphs = seeds["002_8bd87385d959e3d9"].paragraphs
    assert "موسكو (وكالات)" not in paragraphs
    assert not any("صحيفة الاتحاد" in p for p in paragraphs)
    assert paragraphs[-1].startswith("وكان كيم شدد على أن زيارته")


def test_003_monitoring_credit_is_the_source_not_a_paragraph(seeds):
    article = seeds["003_81250df353619dc4"]
    assert article.paragraphs[0].startswith("التقى الرئيس الروسي")
    assert not any("صحوة نيوز" in p for p in article.paragraphs)


def test_004_has_no_source_and_no_date_and_no_ads(seeds):
    article = seeds["004_2dc0d43aa74d0617"]
    assert article.title == "بوتين يقدم لكيم جونغ أون هدايا فراق مع انتهاء جولته مبكرا"
    assert article.paragraphs[0].startswith("أهدى فلاديمير بوتين قفاز رائد فضاء")
    assert article.paragraphs[-1].endswith("هي بمثابة ضربة لوول ستريت”.")


def test_article_id_and_url_are_passed_through():
    article = parse_raw("عنوان\nنص الخبر.", "my-id", url="https://example.com/a")
    assert (article.id, article.url, article.title, article.paragraphs) == (
        "my-id",
        "https://example.com/a",
        "عنوان",
        ("نص الخبر.",),
    )


# --- the rules, on pages shaped like other Arabic news sites -----------------------------


def test_source_on_the_line_after_a_lone_label():
    article = parse_raw("عنوان\nنص الخبر.\nالمصدر:\n\nوكالة الأنباء\n", "x")
    assert article.source == "وكالة الأنباء"
    assert article.paragraphs == ("نص الخبر.",)


def test_monitoring_credit_without_parentheses():
    assert parse_raw("عنوان\nرصد: صحوة نيوز\nنص.", "x").source == "صحوة نيوز"


def test_quoted_source_in_prose_is_not_an_outlet():
    prose = "وقال المصدر: إن الاجتماع سيعقد الأسبوع المقبل في العاصمة بحضور الوزراء والسفراء."
    article = parse_raw(f"عنوان\n{prose}\n", "x")
    assert article.source is None
    assert len(article.paragraphs) == 1


def test_date_in_prose_is_never_the_publication_date():
    text = "عنوان\nنص أول.\nنص ثان.\nنص ثالث.\nنص رابع.\nأنشئت العطلة بمرسوم بتاريخ 2 مايو 2023.\n"
    assert parse_raw(text, "x").date is None


def test_levantine_date_line_with_arabic_indic_digits():
    article = parse_raw("الخميس ١٤ أيلول ٢٠٢٣\nعنوان الخبر\nنص الخبر.", "x")
    assert (article.title, article.date) == ("عنوان الخبر", dt.date(2023, 9, 14))
    assert article.paragraphs == ("نص الخبر.",)


def test_everything_after_read_also_is_dropped_whatever_the_spelling():
    for marker in ("اقرأ أيضا", "إقرأ أيضاً:", "اقرا ايضا", "اقرأ أيضًا"):
        article = parse_raw(f"عنوان\nنص الخبر.\n{marker}\nخبر آخر تماما.", "x")
        assert article.paragraphs == ("نص الخبر.",), marker


@pytest.mark.parametrize(
    "junk",
    [
        "شارك القصة",
        "تابع القراءة",
        "اقرأ المزيد",
        "Close",
        "[ad_1]",
        "Source link",
        "Comments are closed.",
        "كلمات دلالية: روسيا كوريا",
        "جرّب الخدمة مجانًا لمدة شهر ثم اشترك بسعر مخفض.",
    ],
)
def test_page_furniture_is_not_article_text(junk):
    assert parse_raw(f"عنوان\n{junk}\nنص الخبر.\n{junk}", "x").paragraphs == ("نص الخبر.",)


def test_repeated_title_after_whitespace_normalisation_is_dropped():
    article = parse_raw("بوتين  وكيم\n\n بوتين وكيم \n\nنص الخبر.", "x")
    assert (article.title, article.paragraphs) == ("بوتين وكيم", ("نص الخبر.",))


def test_a_page_with_only_boilerplate_is_an_error():
    with pytest.raises(ArticleError, match="x"):
        parse_raw("عنوان\nشارك القصة\n[ad_1]\n", "x")


# --- JSONL --------------------------------------------------------------------------------


def record(**fields) -> str:
    base = {"id": "a1", "title": "عنوان", "source": "رويترز", "date": "2023-09-14"}
    base.update(fields)
    return json.dumps({**base, "text": fields.get("text", "فقرة أولى.\n\nفقرة ثانية.")})


def test_jsonl_good_line():
    article = parse_jsonl_line(record(url="https://example.com/1"), "news.jsonl:1")
    assert article == Article(
        id="a1",
        title="عنوان",
        source="رويترز",
        date=dt.date(2023, 9, 14),
        paragraphs=("فقرة أولى.", "فقرة ثانية."),
        url="https://example.com/1",
    )


def test_jsonl_null_date_and_source_and_no_url():
    article = parse_jsonl_line(record(date=None, source=None), "news.jsonl:1")
    assert (article.date, article.source, article.url) == (None, None, None)


def test_jsonl_text_gets_the_same_cleaning():
    text = "عنوان\n\nفقرة أولى.\n\n[ad_1]\n\nكلمات دلالية: روسيا\n\nإقرأ أيضاً:\n\nماكرون يتحدث."
    assert parse_jsonl_line(record(text=text), "n:1").paragraphs == ("فقرة أولى.",)


@pytest.mark.parametrize("escape", ["\\ud800", "\\uDFFF", "\\udBff", "\\uDc00"])
def test_jsonl_escaped_lone_surrogates_become_replacement_characters(escape):
    """A line holding a lone surrogate escape, in any field, in upper or lower case hex:
    the article goes in with U+FFFD there (no database or terminal can encode the rest)."""
    line = record(id="a1", title="عنوان", text="فقرة أولى.\n\nفقرة ثانية.")
    for field in ("a1", "عنوان", "فقرة ثانية"):
        line = line.replace(json.dumps(field)[1:-1], json.dumps(field)[1:-1] + escape, 1)
    article = parse_jsonl_line(line, "news.jsonl:1")
    assert (article.id, article.title) == ("a1\ufffd", "عنوان\ufffd")
    assert article.paragraphs == ("فقرة أولى.", "فقرة ثانية\ufffd.")


def test_jsonl_a_pair_of_surrogate_escapes_and_an_escaped_backslash_stay_as_written():
    """Not lone surrogates: an escaped pair is one character (an emoji), and «\\ud800»
    (the backslash escaped) is the six characters it shows."""
    line = record(text="فقرة \U0001f600 أولى.\n\nفقرة \\ud800 ثانية.")
    article = parse_jsonl_line(line, "news.jsonl:1")
    assert "\\ud83d\\ude00" in line and "\\\\ud800" in line
    assert article.paragraphs == ("فقرة \U0001f600 أولى.", "فقرة \\ud800 ثانية.")


@pytest.mark.parametrize(
    ("line", "complaint"),
    [
        ("{not json", "JSON"),
        ("[1, 2]", "object"),
        (record(id=""), "id"),
        (json.dumps({"text": "نص"}), "id"),  # no id, url or title to name it by
        (record(text="  "), "text"),
        (json.dumps({"id": "a"}), "text"),
        (record(date="yesterday"), "date"),
        (record(date="2023-02-31"), "2023-02-31"),
    ],
)
def test_jsonl_bad_lines_name_file_and_line(line, complaint):
    with pytest.raises(ArticleError, match=re.escape("news.jsonl:3")) as caught:
        parse_jsonl_line(line, "news.jsonl:3")
    assert complaint in str(caught.value)


# --- encodings ----------------------------------------------------------------------------

PAGE = "بوتين وكيم يتبادلان الهدايا\nالمصدر: سكاي نيوز عربية\nأهدى بوتين كيم بندقية.\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1256"])
def test_read_text_file_decodes_common_encodings(tmp_path, encoding):
    path = tmp_path / "page.txt"
    path.write_bytes(PAGE.encode(encoding))
    assert read_text_file(path) == PAGE


def test_cp1256_file_ingests_with_its_arabic_intact(tmp_path):
    (tmp_path / "old.txt").write_bytes(PAGE.encode("cp1256"))
    [article] = iter_articles([tmp_path])
    assert article.source == "سكاي نيوز عربية"
    assert article.title == "بوتين وكيم يتبادلان الهدايا"


def test_binary_and_empty_files_are_rejected_by_name(tmp_path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    for path in (binary, empty):
        with pytest.raises(ArticleError, match=re.escape(path.name)):
            read_text_file(path)


# --- batches ------------------------------------------------------------------------------


def test_seeds_folder_gives_five_articles_in_order():
    articles = list(iter_articles([SEEDS]))
    assert [a.id for a in articles] == list(EXPECTED)


def test_folder_batch_skips_unknown_types_and_keeps_going(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("عنوان ثان\nنص.", encoding="utf-8")
    (tmp_path / "1.txt").write_text("عنوان أول\nنص.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("# not an article", encoding="utf-8")
    lines = [record(id="j1"), "", "{broken", record(id="j2")]
    (tmp_path / "news.jsonl").write_text("\n".join(lines), encoding="utf-8")

    results = list(iter_articles([tmp_path]))

    ids = [r.id for r in results if isinstance(r, Article)]
    errors = [str(r) for r in results if isinstance(r, ArticleError)]
    assert ids == ["1", "2", "j1", "j2"]
    assert len(errors) == 1
    assert errors[0].startswith(f"{tmp_path / 'news.jsonl'}:3")


def test_named_missing_or_unsupported_files_are_reported_not_raised(tmp_path):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    good = tmp_path / "ok.txt"
    good.write_text("عنوان\nنص.", encoding="utf-8")

    results = list(iter_articles([tmp_path / "missing.txt", pdf, str(good)]))

    assert isinstance(results[0], ArticleError) and "missing.txt" in str(results[0])
    assert isinstance(results[1], ArticleError) and "report.pdf" in str(results[1])
    assert isinstance(results[2], Article) and results[2].id == "ok"


def test_a_bad_txt_file_is_named_in_the_error(tmp_path):
    bad = tmp_path / "blank.txt"
    bad.write_text("شارك القصة\n", encoding="utf-8")
    [error] = iter_articles([bad])
    assert isinstance(error, ArticleError)
    assert str(bad) in str(error)


@pytest.mark.parametrize("caption", [
    "أهدى بوتين كيم قفازًا وبندقية خلال الزيارة – STR/KCNA عبر AFP عبر Getty Images",
    "مقطع فيديو يرصد لحظة الاستقبال في القاعدة الفضائية (الصورة: غيتي)",
    "الوزير خلال المؤتمر الصحفي (تصوير: وكالة الأنباء)",
    "جانب من الاجتماع الوزاري في العاصمة (عدسة: أحمد سعيد)",
    "المتظاهرون أمام مبنى البرلمان - رويترز",
    "الرئيس خلال كلمته في افتتاح الدورة البرلمانية - أ ف ب",
    "الوزير خلال اجتماع سابق مع السفراء (أرشيفية)",
])
def test_photo_captions_ending_in_a_credit_are_not_article_text(caption):
    body = "قال الوزير إن الخطة تبدأ الشهر المقبل في كل المحافظات."
    article = parse_raw(f"عنوان الخبر\n{caption}\n{body}", "credits")
    assert article.paragraphs == (body,)


def test_a_long_paragraph_ending_in_a_credit_keeps_its_text_without_the_credit():
    words = " ".join(["وأضاف الوزير أن الخطة تشمل توزيع البذور على المزارعين"] * 6)
    article = parse_raw(f"عنوان الخبر\n{words} (الصورة: غيتي)\n", "credits")
    assert article.paragraphs == (words,)
