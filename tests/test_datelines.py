"""Wire datelines and agency credit, as a newcomer found them (issue 12, round 11 follow-up).

A newcomer ingested one .txt (and .html) page per dateline, the same first paragraph under
each, and asked about it: «الرباط (و م ع) -» was cut but credited no agency; «أنقرة/ الأناضول
-» and «الرياض - واس -» credited theirs but stayed in the passage («أنقرة/ الأناضول - ضرب
زلزال…» in the CLI, compare and Telegram); «دمشق-سانا» and «بيروت ـ «أ ف ب»:» were neither
cut nor credited. The datelines below are the shapes the Arabic press prints: a place, perhaps
a day, the agency in parentheses, in «quotes» or bare, after - – — ـ / or :, spaced or glued,
its abbreviation spaced or dotted. A body sentence that merely opens with a place is kept.

Also: a hit whose folded copy (the same statement by another outlet, linked at ingest or
grouped) credits an agency carries it; and a question naming an agency puts first only the
agency's hits that answer it (hit 2 of «ماذا قالت رويترز عن وزير النقل؟» was a Cairo book
fair passage of Reuters copy).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from test_cli import ask_json, marsad

from retrieval.agencies import dateline_agency, split_dateline
from retrieval.articles import parse_raw
from retrieval.model import Article

NEWS = ("ضرب زلزال بقوة 5.8 درجات ولاية ملاطية شرقي تركيا صباح اليوم الأحد، دون أن تسجل "
        "خسائر في الأرواح حتى الآن.")
SECOND = "وقال مسؤول في إدارة الكوارث إن فرق الإنقاذ تمسح القرى القريبة من مركز الزلزال."

DATELINES = [
    # the newcomer's five
    ("الرباط (و م ع) -", "ومع"),
    ("أنقرة/ الأناضول -", "الأناضول"),
    ("الرياض - واس -", "واس"),
    ("دمشق-سانا", "سانا"),
    ("بيروت ـ «أ ف ب»:", "فرانس برس"),
    # siblings: other separators, spacing, quotes and abbreviations
    ("الرباط - و.م.ع -", "ومع"),
    ("إسطنبول/الأناضول:", "الأناضول"),
    ("جدة – واس:", "واس"),
    ("حلب ـ سانا ـ", "سانا"),
    ("دمشق-سانا:", "سانا"),
    ("باريس - «أ.ف.ب» -", "فرانس برس"),
    ("باريس (أ. ف. ب.) -", "فرانس برس"),
    ("القاهرة (أ ش أ) -", "أ ش أ"),
    ("القاهرة- أ.ش.أ:", "أ ش أ"),
    ("القاهرة - وكالة أنباء الشرق الأوسط:", "أ ش أ"),
    ("برلين - د.ب.أ -", "د ب أ"),
    ("عمان - بترا -", "بترا"),
    ("الكويت (كونا) --", "كونا"),
    ("تونس (وات) :", "وات"),
    ("الدار البيضاء (و م ع) -", "ومع"),
    ("الرياض الأحد 13 يوليو 2025 (واس) -", "واس"),
    # the reporter's name between place and credit (Anadolu's own datelines)
    ("القاهرة/ محمد علي/ الأناضول -", "الأناضول"),
    ("أنقرة/ أحمد دوغان/ الأناضول:", "الأناضول"),
]


def _page(first_line: str) -> str:
    """A raw news page: headline, date, the dateline opening the first paragraph."""
    return f"زلزال يضرب ملاطية\nالأحد 13 يوليو 2025\n{first_line}\n\n{SECOND}\n"


@pytest.mark.parametrize(("dateline", "agency"), DATELINES)
def test_a_dateline_is_cut_from_the_passage_and_credits_its_agency(dateline, agency):
    article = parse_raw(_page(f"{dateline} {NEWS}"), "x")
    assert article.paragraphs[0] == NEWS
    assert article.agency == agency


@pytest.mark.parametrize(("dateline", "agency"), DATELINES[:12])
def test_a_dateline_on_a_line_of_its_own_is_no_paragraph(dateline, agency):
    alone = dateline.rstrip(" -–—ـ:")  # `دمشق-سانا`, `بيروت ـ «أ ف ب»` above the news
    article = parse_raw(_page(f"{alone}\n{NEWS}"), "x")
    assert (article.title, article.paragraphs[0]) == ("زلزال يضرب ملاطية", NEWS)
    assert article.agency == agency
    assert dateline_agency([alone, NEWS]) == agency


@pytest.mark.parametrize("sentence", [
    # a place, then the news with no separator: a body sentence, not a dateline
    "أنقرة/ الأناضول تشهد موجة حر غير مسبوقة هذا الأسبوع بحسب هيئة الأرصاد التركية.",
    "الرياض (العاصمة السعودية) تستضيف القمة العربية المقبلة في شهر مايو من العام المقبل.",
    "دمشق تستعيد حركة الطيران المدني بعد توقف دام أسابيع بسبب الأحوال الجوية.",
    "بيروت ـ «لن نتراجع»: هكذا رد المتظاهرون على قرار الحكومة رفع أسعار الخبز.",
    "قنا - الأقصر: طريق سريع جديد يختصر الرحلة بين المدينتين إلى ساعة واحدة فقط.",
    "الرباط ومع ذلك بقيت الأسعار مستقرة في أسواق المدينة طوال الأسبوع الماضي.",
    # an agency credited in prose, no dateline
    "ذكرت وكالة (رويترز) أن الزلزال لم يوقع إصابات في المدن الكبرى القريبة من مركزه.",
    "وقالت (واس) إن ولي العهد استقبل الوفد في قصر اليمامة مساء أمس الأحد.",
])
def test_a_body_sentence_opening_with_a_place_is_kept_whole(sentence):
    article = parse_raw(_page(sentence), "x")
    assert article.paragraphs[0] == sentence
    assert article.agency is None  # the passage's own credit is `agencies_in`'s
    assert split_dateline(sentence) is None


def _html(dateline: str, outlet: str) -> str:
    return (f'<!doctype html><html lang="ar"><head><meta charset="utf-8">'
            f"<title>زلزال يضرب ملاطية | {outlet}</title>"
            f'<meta property="og:site_name" content="{outlet}">'
            '<meta property="article:published_time" content="2025-07-13T09:00:00Z">'
            f"</head><body><article><h1>زلزال يضرب ملاطية</h1><p>{dateline} {NEWS}</p>"
            f"<p>{SECOND}</p></article></body></html>")


@pytest.fixture(scope="module")
def newcomer(tmp_path_factory) -> tuple[Path, Path]:
    """(folder, database): one page per dateline, .txt and .html, as the newcomer had them."""
    folder = tmp_path_factory.mktemp("datelines")
    pages = folder / "pages"
    pages.mkdir()
    for number, (dateline, _) in enumerate(DATELINES[:5]):
        (pages / f"quake-{number}.txt").write_text(
            _page(f"{dateline} {NEWS}").replace("\n\n", f"\nالمصدر: صحيفة رقم {number}\n\n", 1),
            "utf-8")
    (pages / "quake-html.html").write_text(_html("أنقرة/ الأناضول -", "صحيفة الغد"), "utf-8")
    db = folder / "news.db"
    result = marsad("ingest", str(pages), cwd=folder, db=db)
    assert result.returncode == 0, result.stderr
    assert "added 6" in result.stdout
    return folder, db


def test_the_cli_shows_the_news_and_credits_every_agency(newcomer):
    """The six copies are one statement: shown once, its passage the news alone, crediting
    the agencies every copy names (one statement, one source agency, whichever copy says
    it)."""
    [answer] = ask_json(newcomer, "أين ضرب الزلزال صباح الأحد؟", k=5)
    told = [h for h in answer["hits"] if "ضرب زلزال" in h["text"]]
    assert len(told) == 1, [h["text"] for h in answer["hits"]]
    assert told[0]["text"].startswith("ضرب زلزال")
    assert set(told[0]["agencies"]) == {agency for _, agency in DATELINES[:5]}
    assert len(told[0]["also_reported_by"]) == 5


def test_the_console_cites_the_agency_not_the_dateline(newcomer):
    folder, db = newcomer
    result = marsad("ask", "أين ضرب الزلزال صباح الأحد؟", cwd=folder, db=db)
    assert result.returncode == 0, result.stderr
    assert "نقلاً عن" in result.stdout
    for dateline, _ in DATELINES[:5]:
        assert dateline not in result.stdout


# -- a folded copy's agency -------------------------------------------------------------

def _article(id_, source, title, *paragraphs, agency=None, day=14):
    return Article(id_, title, source, dt.date(2025, 7, day), paragraphs, agency=agency)


FLOODS = [
    _article("a", "الشروق", "فيضانات في ولاية سطيف",
             "أعلنت الحماية المدنية الجزائرية أن الفيضانات التي اجتاحت ولاية سطيف ليلة السبت "
             "أودت بحياة خمسة أشخاص وأجبرت مئات العائلات على مغادرة منازلها.",
             agency="واج"),
    _article("b", "الخبر", "سيول سطيف",
             "أعلنت الحماية المدنية الجزائرية أن الفيضانات التي اجتاحت ولاية سطيف ليلة السبت "
             "أودت بحياة خمسة أشخاص وأجبرت مئات العائلات على مغادرة منازلها."),
    # another statement by an outlet crediting another agency: never folded in
    _article("c", "النهار", "أمطار في قسنطينة",
             "ذكرت وكالة الأنباء الفرنسية أن أمطارا غزيرة هطلت على قسنطينة وأغلقت طرقا "
             "عديدة دون تسجيل إصابات.", day=15),
]


@pytest.mark.parametrize("question", ["كم شخصا قتلت فيضانات سطيف؟",
                                      "ماذا أعلنت الحماية المدنية عن فيضانات سطيف؟"])
async def test_a_hit_carries_the_agency_its_folded_copy_credits(engine_over, question):
    coverage = await engine_over(FLOODS)
    answer = await coverage.answer(question, k=3)
    told = [h for h in answer.hits if "أودت بحياة خمسة" in h.text]
    assert len(told) == 1
    assert told[0].agencies == ["واج"], told[0]
    assert {told[0].article_id, *(c.article_id for c in told[0].also_reported_by)} == {"a", "b"}


# -- a question naming an agency --------------------------------------------------------

TRANSPORT = [
    _article("r", "الجزيرة نت", "وزير النقل المصري يعلن خطة لتطوير السكك الحديدية",
             "قال وزير النقل المصري كامل الوزير اليوم الخميس إن الحكومة ستنفق 3 مليارات دولار "
             "على تحديث شبكة السكك الحديدية خلال خمس سنوات.", agency="رويترز"),
    _article("fair", "العربية", "معرض القاهرة الدولي للكتاب يفتح أبوابه",
             "افتتح وزير الثقافة معرض القاهرة الدولي للكتاب بمشاركة أكثر من ألف دار نشر.",
             "وقال وزير الثقافة إن عدد زوار المعرض تجاوز مليون زائر في أيامه الأولى.",
             agency="رويترز"),
    _article("s", "سكاي نيوز عربية", "وزير النقل يتفقد محطة القطار",
             "قال وزير النقل كامل الوزير إن وزارة النقل ستفتتح محطة قطار الإسكندرية الجديدة "
             "الشهر المقبل بعد انتهاء التشغيل التجريبي."),
]


@pytest.mark.parametrize("question", ["ماذا قالت رويترز عن وزير النقل؟",
                                      "ماذا قالت رويترز عن إقالة وزير النقل؟",
                                      "ماذا قالت رويترز عن استقالة وزير النقل؟",
                                      "ماذا نقلت رويترز عن وزير النقل؟",
                                      "حسب رويترز، ماذا قال وزير النقل المصري؟"])
async def test_an_agency_first_answer_brings_in_no_passage_that_does_not_answer(
        engine_over, question):
    coverage = await engine_over(TRANSPORT)
    answer = await coverage.answer(question, k=5)
    assert answer.hits[0].article_id == "r" and "رويترز" in answer.hits[0].agencies
    assert answer.outlet_not_covered is None
    # the book fair's minister (Reuters copy too) is no answer: never ahead of one
    ranks = {h.article_id: h.rank for h in answer.hits}
    assert ranks.get("fair", 99) > ranks["s"], [(h.rank, h.text[:40]) for h in answer.hits]


def test_an_agency_question_through_the_cli(tmp_path):
    articles = tmp_path / "transport.jsonl"
    articles.write_text("".join(json.dumps({
        "id": a.id, "title": a.title, "source": a.source, "date": a.date.isoformat(),
        "text": ("القاهرة (رويترز) - " if a.agency else "") + "\n\n".join(a.paragraphs)},
        ensure_ascii=False) + "\n" for a in TRANSPORT), "utf-8")
    db = tmp_path / "news.db"
    assert marsad("ingest", str(articles), cwd=tmp_path, db=db).returncode == 0
    [answer] = ask_json((tmp_path, db), "ماذا قالت رويترز عن إقالة وزير النقل؟", k=5)
    first = answer["hits"][0]
    assert (first["article_id"], first["agencies"]) == ("r", ["رويترز"])
    assert first["text"].startswith("قال وزير النقل")  # the dateline cut
    ranks = {h["article_id"]: h["rank"] for h in answer["hits"]}
    assert ranks.get("fair", 99) > ranks["s"]
