"""«ماذا قالت فرانس برس عن …؟» where another outlet printed the agency's statement in its own
words and ranked first: the agency's copy (an outlet's article under the agency's dateline)
is the passage shown, crediting the other outlet, not the other wording (fix16). Invented
articles, through `marsad ingest` and `marsad ask --json`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli import marsad

ARTICLES = {
    # the agency's copy, in one outlet
    "copy": "فيضانات في جنوب البلاد\nالمصدر: الجزيرة نت\nتاريخ النشر: 3 مارس 2024\n"
            "الخرطوم - 3 مارس 2024 ({agency}) - أعلنت السلطات السودانية ارتفاع حصيلة ضحايا "
            "الفيضانات في ولاية النيل الأزرق إلى 40 قتيلا، وقالت إن آلاف المنازل انهارت.\n"
            "وأضافت السلطات أن فرق الإغاثة وصلت إلى القرى المنكوبة.\n",
    # the same statement in another outlet's words, holding more of the question's words
    "retold": "الفيضانات تجتاح النيل الأزرق\nالمصدر: العربية\nتاريخ النشر: 4 مارس 2024\n"
              "اجتاحت الفيضانات ولاية النيل الأزرق في السودان، وأعلنت السلطات السودانية أن "
              "حصيلة ضحايا الفيضانات بلغت 40 قتيلا وأن آلاف المنازل في ولاية النيل الأزرق "
              "انهارت بسبب الفيضانات.\nوطالبت منظمات الإغاثة بفتح ممرات لإيصال المساعدات إلى "
              "ضحايا الفيضانات.\n",
    # the agency as an outlet of the coverage, on another story
    "own": "اجتماع وزراء الخارجية العرب\nالمصدر: {outlet}\nتاريخ النشر: 5 مارس 2024\n"
           "القاهرة - 5 مارس 2024 ({agency}) - عقد وزراء الخارجية العرب اجتماعا طارئا في "
           "القاهرة لبحث الأوضاع في المنطقة.\n",
}


@pytest.mark.parametrize("agency, outlet, questions", [
    ("أ ف ب", "فرانس برس", ["ماذا قالت فرانس برس عن الفيضانات؟",
                             "ماذا قالت أ ف ب عن ضحايا الفيضانات؟"]),
    ("رويترز", "رويترز", ["ماذا قالت رويترز عن الفيضانات؟",
                          "شو قالت رويترز عن ضحايا الفيضانات في السودان؟"]),
])
@pytest.mark.parametrize("own_article", [True, False])
def test_the_agencys_copy_is_shown_not_another_outlets_wording(
        tmp_path: Path, agency: str, outlet: str, questions: list[str],
        own_article: bool) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        if name != "own" or own_article:
            (folder / f"{name}.txt").write_text(text.format(agency=agency, outlet=outlet),
                                                encoding="utf-8")
    db = tmp_path / "m.db"
    assert marsad("ingest", str(folder), cwd=tmp_path, db=db).returncode == 0
    result = marsad("ask", "--json", "-k", "3", cwd=tmp_path, db=db,
                    stdin="".join(q + "\n" for q in questions))
    assert result.returncode == 0, result.stderr
    for answer in map(json.loads, result.stdout.splitlines()):
        first = answer["hits"][0]
        assert answer["answered"], answer["question"]
        assert first["source"] == "الجزيرة نت" and "40 قتيلا" in first["text"], (
            answer["question"], first["source"], first["text"])
