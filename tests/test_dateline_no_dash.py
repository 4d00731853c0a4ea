"""A wire dateline whose credit closes in parentheses with no dash after it.

Wire copy is often printed «القاهرة (رويترز) قال وزير …» or «واشنطن (أ ف ب) أعلن …»: the
agency was credited but the dateline stayed at the head of the cited passage. It is cut
now, and credited, when the parentheses name an agency (or «وكالات») after a place; a body
sentence that merely opens with a place and a parenthesis, or a clause crediting an agency
in prose («ذكرت وكالة (رويترز) أن …»), is kept whole.
"""

from __future__ import annotations

import json

import pytest
from test_cli import ask_json, marsad

from retrieval.agencies import split_dateline
from retrieval.articles import parse_raw

NEWS = ("قال وزير النقل إن الحكومة ستنفق ثلاثة مليارات دولار على تحديث شبكة السكك الحديدية "
        "خلال خمس سنوات.")
SECOND = "وأضاف أن المرحلة الأولى تبدأ في الربيع المقبل بخطوط الصعيد."

NO_DASH = [
    ("القاهرة (رويترز)", "رويترز"),
    ("واشنطن (أ ف ب)", "فرانس برس"),
    ("باريس (أ.ف.ب)", "فرانس برس"),
    ("الرباط (و م ع)", "ومع"),
    ("الكويت (كونا)", "كونا"),
    ("عمان (بترا)", "بترا"),
    ("أنقرة (الأناضول)", "الأناضول"),
    ("الدار البيضاء (و م ع)", "ومع"),
    ("موسكو - 13 سبتمبر 2023 (رويترز)", "رويترز"),
    ("بكين (شينخوا)", "شينخوا"),
    ("برلين (د ب أ)", "د ب أ"),
]


def _page(first_line: str) -> str:
    return f"الحكومة تعلن خطة للسكك الحديدية\nالأحد 13 يوليو 2025\n{first_line}\n\n{SECOND}\n"


@pytest.mark.parametrize(("dateline", "agency"), NO_DASH)
def test_a_parenthesised_credit_without_a_dash_is_cut_and_credited(dateline, agency):
    article = parse_raw(_page(f"{dateline} {NEWS}"), "x")
    assert article.paragraphs[0] == NEWS
    assert article.agency == agency


def test_agencies_in_general_are_no_dateline_without_a_place():
    assert split_dateline(f"بيروت (وكالات) {NEWS}") == (None, NEWS)


@pytest.mark.parametrize("sentence", [
    "ذكرت وكالة (رويترز) أن الزلزال لم يوقع إصابات في المدن الكبرى القريبة من مركزه.",
    "وقالت (واس) إن ولي العهد استقبل الوفد في قصر اليمامة مساء أمس الأحد.",
    "أفادت رويترز (Reuters) بأن الشركة ستغلق مصنعها في المدينة نهاية العام الجاري.",
    "نقلت وكالة الأنباء (أ ف ب) عن مسؤول قوله إن المحادثات ستستأنف الأسبوع المقبل.",
    "الرياض (العاصمة السعودية) تستضيف القمة العربية المقبلة في شهر مايو من العام المقبل.",
    "دبي (الإمارات) تشهد ارتفاعا في أسعار العقارات للعام الثالث على التوالي بحسب التقرير.",
    "قال الوزير (رويترز) إنه لن يستقيل قبل انتهاء التحقيق في حادث القطار الأخير.",
])
def test_a_body_sentence_with_a_place_and_parenthesis_is_kept_whole(sentence):
    article = parse_raw(_page(sentence), "x")
    assert article.paragraphs[0] == sentence
    assert split_dateline(sentence) is None


def test_the_cli_shows_the_news_without_the_dateline(tmp_path):
    lines = [{"id": f"t{n}", "title": "خطة السكك الحديدية", "source": source,
              "date": "2025-07-13", "text": f"{dateline} {NEWS}\n\n{SECOND}"}
             for n, (source, (dateline, _)) in enumerate(
                 zip(["الجزيرة نت", "العربية"], NO_DASH[:2], strict=True))]
    articles = tmp_path / "wire.jsonl"
    articles.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), "utf-8")
    db = tmp_path / "news.db"
    assert marsad("ingest", str(articles), cwd=tmp_path, db=db).returncode == 0
    [answer] = ask_json((tmp_path, db), "كم ستنفق الحكومة على السكك الحديدية؟")
    first = answer["hits"][0]
    assert first["text"].startswith("قال وزير النقل"), first["text"]
    assert set(first["agencies"]) == {"رويترز", "فرانس برس"}
    shown = marsad("ask", "كم ستنفق الحكومة على السكك الحديدية؟", cwd=tmp_path, db=db).stdout
    assert "(رويترز)" not in shown and "نقلاً عن" in shown


@pytest.mark.parametrize(("dateline", "day"), [
    ("موسكو - 13 سبتمبر 2023 (رويترز)", "2023-09-13"),
    ("واشنطن - 2 مارس 2025 (أ ف ب)", "2025-03-02"),
    ("الرباط - 9 سبتمبر 2023 (و م ع)", "2023-09-09"),
])
def test_a_dated_dateline_without_a_dash_dates_the_article(dateline, day):
    """Cut from the passage, its day must not be lost: it is the article's date."""
    page = f"خطة السكك الحديدية\n{dateline} {NEWS}\n\n{SECOND}\n"
    article = parse_raw(page, "x")
    assert article.paragraphs[0] == NEWS
    assert article.date is not None and article.date.isoformat() == day
