"""One outlet under two names: «Hespress» (a page's site name) and «هسبريس» (a .txt masthead)
were two outlets in `sources --outlets`, compare, timeline and a hit's credits. Now an
outlet's Latin and Arabic mastheads, its site's spellings («الجزيرة» / «الجزيرة نت» /
«الجزيرة.نت» / «Al Jazeera») and the names its articles share a site under (their URLs'
domain) are stored as one name; outlets
that only share a word («العربية» / «العربي» / «العربي الجديد», «صحيفة الوطن» / «الوطن»)
stay apart, and so do outlets whose articles come through one shared host (an aggregator, a
local server), and names whose articles come from two sites."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from test_cli import ingested, marsad

from retrieval.articles import read_articles
from retrieval.engine import Marsad
from retrieval.outlet_identity import one_name_per_outlet

DATA = Path(__file__).parent / "data" / "pages5"

STATEMENT = ("أعلنت وزارة الصحة تسجيل 120 إصابة جديدة بالكوليرا في محافظة الحديدة خلال الأسبوع "
             "الماضي، وحذرت من انتشار الوباء مع موسم الأمطار.")


def _article(aid: str, source: str, date: str, text: str, url: str | None = None) -> dict:
    return {"id": aid, "title": f"خبر {aid}", "source": source, "date": date, "url": url,
            "text": text}


ARTICLES = [
    _article("jz-1", "الجزيرة نت", "2025-03-01", STATEMENT),
    _article("jz-2", "Al Jazeera", "2025-03-02", "افتتحت قطر معرضا دوليا للكتاب يشارك فيه أكثر "
             "من 500 ناشر من 40 دولة.", "https://www.aljazeera.net/news/2025/3/2/book-fair"),
    _article("jz-3", "الجزيرة.نت", "2025-03-03", "ارتفعت أسعار الذهب في الأسواق العالمية إلى "
             "مستوى قياسي جديد مع تراجع الدولار."),
    _article("jz-4", "الجزيرة", "2025-03-04", "أعلنت الأمم المتحدة أن المجاعة تهدد ملايين "
             "الأشخاص في السودان مع استمرار الحرب.", "https://aljazeera.net/news/sudan"),
    _article("ar-1", "العربية", "2025-03-01", "وصل وزير الخارجية الأميركي إلى الرياض في زيارة "
             "تستمر يومين يبحث فيها ملف غزة."),
    _article("ar-2", "العربية.نت", "2025-03-02", STATEMENT),
    _article("ar-3", "Al Arabiya", "2025-03-05", "قالت السلطات المصرية إن حركة الملاحة في قناة "
             "السويس عادت إلى طبيعتها بعد تعطل سفينة."),
    _article("araby-1", "العربي", "2025-03-02", "نظمت نقابة الصحفيين وقفة احتجاجية للمطالبة "
             "بالإفراج عن الصحفيين المعتقلين."),
    _article("new-arab-1", "العربي الجديد", "2025-03-03", "أطلقت منظمات إغاثة نداء عاجلا لجمع "
             "التبرعات لمتضرري الفيضانات في ليبيا."),
    _article("ittihad-1", "صحيفة الاتحاد", "2025-03-01", "أطلقت أبوظبي مبادرة لزراعة مليون شجرة "
             "قرم على سواحل الإمارة."),
    _article("ittihad-2", "الاتحاد", "2025-03-04", "افتتح في دبي أكبر مجمع للطاقة الشمسية في "
             "المنطقة بقدرة خمسة آلاف ميغاواط."),
    # one site, two names no list knows: its domain says they are one outlet
    _article("zw-1", "زاوية عربي", "2025-03-02", "أعلنت شركة أرامكو أرباحا فصلية بلغت 27 مليار "
             "دولار.", "https://www.zawya.com/ar/business/aramco-q1"),
    _article("zw-2", "Zawya Arabic", "2025-03-03", "رفع البنك المركزي السعودي سعر الفائدة ربع "
             "نقطة مئوية.", "https://zawya.com/ar/economy/sama-rate"),
    # three outlets' items through one aggregator's links: three outlets
    _article("agg-1", "مصراوي", "2025-03-02", "شهدت القاهرة أمطارا غزيرة أدت إلى تعطل حركة "
             "المرور.", "https://news.example-aggregator.com/item/1"),
    _article("agg-2", "الوطن", "2025-03-02", "قررت وزارة التعليم تأجيل امتحانات نصف العام "
             "أسبوعا.", "https://news.example-aggregator.com/item/2"),
    _article("agg-3", "فيتو", "2025-03-02", "أعلنت هيئة السكك الحديدية تشغيل قطارات إضافية "
             "خلال العيد.", "https://news.example-aggregator.com/item/3"),
]

# «صحيفة الاتحاد» / «الاتحاد»: a kind word may be all that tells two papers apart (Saudi
# «صحيفة الوطن», Egyptian «الوطن»); with no site to say otherwise, two outlets
OUTLETS = {"الجزيرة نت": 4, "العربية": 3, "العربي": 1, "العربي الجديد": 1, "صحيفة الاتحاد": 1,
           "الاتحاد": 1,
           "زاوية عربي": 2, "مصراوي": 1, "الوطن": 1, "فيتو": 1}


@pytest.fixture(scope="module")
def coverage(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("one-outlet")
    path = folder / "articles.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), "utf-8")
    return ingested(folder, path, len(ARTICLES))


def run(coverage, *args: str) -> str:
    folder, db = coverage
    result = marsad(*args, cwd=folder, db=db)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_sources_lists_each_outlet_once(coverage):
    summary = json.loads(run(coverage, "sources", "--outlets", "--json"))
    assert {o["source"]: o["articles"] for o in summary} == OUTLETS
    listed = {a["id"]: a["source"] for a in json.loads(run(coverage, "sources", "--json"))}
    assert {listed[a] for a in ("jz-1", "jz-2", "jz-3", "jz-4")} == {"الجزيرة نت"}


def test_timeline_and_compare_name_the_outlet_once(coverage):
    timeline = json.loads(run(coverage, "timeline", "--json"))
    named = {item["source"] for item in timeline["dated"]}
    assert not named & {"Al Jazeera", "الجزيرة.نت", "الجزيرة", "العربية.نت", "Al Arabiya",
                        "Zawya Arabic"}
    compared = json.loads(run(coverage, "compare", "--json", "الكوليرا في الحديدة"))
    sources = [o["source"] for o in compared["outlets"]] + compared["silent"]
    assert len(sources) == len(set(sources)) == len(OUTLETS)


def test_a_statement_two_names_of_one_outlet_carried_credits_no_other_outlet(coverage):
    folder, db = coverage
    result = marsad("ask", "--json", "-k", "1", "كم إصابة بالكوليرا في الحديدة؟", cwd=folder,
                    db=db)
    [hit] = json.loads(result.stdout)["hits"]
    credited = {c["source"] for c in hit["also_reported_by"]}
    assert {hit["source"], *credited} == {"الجزيرة نت", "العربية"}


def test_remove_by_any_of_its_names_removes_the_outlet(coverage, tmp_path):
    folder, db = coverage
    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    result = marsad("remove", "--outlet", "Al Jazeera", cwd=folder, db=copy)
    assert result.returncode == 0, result.stderr
    left = {a["source"] for a in json.loads(marsad("sources", "--json", cwd=folder,
                                                   db=copy).stdout)}
    assert "الجزيرة نت" not in left and "العربية" in left


def test_hespress_page_and_masthead_are_one_outlet(tmp_path):
    for name in ("hespress-og-only.html", "hespress-update-same-line.txt"):
        shutil.copy(DATA / name, tmp_path / name)
    db = tmp_path / "news.db"
    assert marsad("ingest", str(tmp_path), cwd=tmp_path, db=db).returncode == 0
    [outlet] = json.loads(marsad("sources", "--outlets", "--json", cwd=tmp_path, db=db).stdout)
    assert (outlet["source"], outlet["articles"]) == ("هسبريس", 2)
    again = marsad("ingest", str(tmp_path), cwd=tmp_path, db=db)
    assert "unchanged 2" in again.stdout  # the names as printed still identify the pages


async def test_a_later_page_takes_the_name_the_coverage_holds(tmp_path):
    shutil.copy(DATA / "hespress-update-same-line.txt", tmp_path / "a.txt")
    db = tmp_path / "news.db"
    engine = await Marsad.open(db)
    try:
        await engine.ingest(read_articles([tmp_path / "a.txt"]))
        await engine.ingest(read_articles([DATA / "hespress-og-only.html"]))
        assert [s.source for s in await engine.sources()] == ["هسبريس", "هسبريس"]
        assert [o.source for o in await engine.outlets()] == ["هسبريس"]
    finally:
        await engine.close()


@pytest.mark.parametrize(("stored", "new", "expected"), [
    ([("هسبريس", None, 3)], [("Hespress", "https://www.hespress.com/a.html")], ["هسبريس"]),
    ([], [("Sky News Arabia", None), ("سكاي نيوز عربية", None)], ["سكاي نيوز عربية"] * 2),
    ([("Reuters", None, 1)], [("رويترز", None)], ["رويترز"]),  # a tie: the Arabic name
    ([("Reuters", None, 2)], [("رويترز", None)], ["Reuters"]),
    ([("الشرق الأوسط", None, 2)], [("الشرق", None)], ["الشرق"]),
    ([("الشروق", None, 2)], [("الشروق أونلاين", None)], ["الشروق أونلاين"]),
    ([("النهار", None, 2)], [("النهار العربي", None)], ["النهار العربي"]),
    ([("قناة أ", "http://127.0.0.1:8080/a", 1)], [("قناة ب", "http://127.0.0.1:8080/b")],
     ["قناة ب"]),
    ([("قناة أ", "https://t.me/a/1", 1)], [("قناة ب", "https://t.me/b/2")], ["قناة ب"]),
    ([("صحيفة الوطن", None, 2)], [("الوطن", None)], ["الوطن"]),
    # two sites: Qatar's channel and Saudi Arabia's daily «الجزيرة» are two outlets
    ([("Al Jazeera", "https://www.aljazeera.net/a", 2)],
     [("الجزيرة", "https://www.al-jazirah.com/2025/b.html")], ["الجزيرة"]),
])
def test_names_are_joined_only_when_they_are_one_outlet(stored, new, expected):
    assert one_name_per_outlet(stored, new)[1] == expected


def test_two_stored_names_found_to_be_one_outlet_become_one():
    renamed, names = one_name_per_outlet(
        [("Al Jazeera", "https://www.aljazeera.net/x", 1), ("الجزيرة نت", None, 5)],
        [("الجزيرة", None)])
    assert renamed == {"Al Jazeera": "الجزيرة نت"} and names == ["الجزيرة نت"]
