"""A wire dateline that prints the day and month and no year (`موسكو - 13 سبتمبر (رويترز) -`)
dates its article when the article's other printed dates give the year (fix16); with none,
or with dates of several years or after that day, the article stays undated: never a
guessed year. Invented articles, ingested through `marsad ingest`, read through `marsad
sources --json`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli import marsad

from retrieval.articles import yearless_dateline


def _dates(tmp_path: Path, articles: dict[str, str]) -> dict[str, str | None]:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in articles.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "m.db"
    assert marsad("ingest", str(folder), cwd=tmp_path, db=db).returncode == 0
    listed = marsad("sources", "--json", cwd=tmp_path, db=db)
    return {a["id"]: a["date"] for a in json.loads(listed.stdout)}


def test_a_yearless_dateline_takes_the_year_of_the_articles_other_dates(tmp_path) -> None:
    dates = _dates(tmp_path, {
        "missile": "روسيا تعلن تجربة صاروخية\nموسكو - 13 سبتمبر (رويترز) - أعلنت وزارة الدفاع "
                   "إجراء تجربة ناجحة لصاروخ جديد.\nوكانت الوزارة قد أجرت تجربة مماثلة في 2 مارس "
                   "2023 من القاعدة نفسها.\n",
        "harvest": "موسم القمح\nعمّان، الخميس 4 يوليو (بترا) - بدأ المزارعون حصاد القمح في سهول "
                   "حوران.\nوقالت الوزارة إن الإنتاج فاق ما جمع حتى 20 يونيو 2024.\n",
        "factory": "افتتاح مصنع\nالقاهرة - 5 يوليو (أ ف ب) - افتتح الرئيس مصنعا جديدا للأدوية "
                   "شرق العاصمة.\nوقال الوزير إن المصنع يغطي حاجة السوق.\n",  # no other date
        "plan": "خطة النقل\nبيروت - 2 فبراير (وكالات) - أقرت الحكومة خطة للنقل العام.\nوتبدأ "
                "المرحلة الأولى في 1 مارس 2025 وتنتهي في 1 مارس 2026.\n",  # two years
        "vote": "موعد الانتخابات\nتونس - 10 يناير (رويترز) - حددت الهيئة موعد الانتخابات.\n"
                "وتجرى الانتخابات في 6 أكتوبر 2024 في كل الدوائر.\n",  # a day to come
    })
    assert dates["missile"] == "2023-09-13"
    assert dates["harvest"] == "2024-07-04"
    assert dates["factory"] is None
    assert dates["plan"] is None
    assert dates["vote"] is None


@pytest.mark.parametrize("lines", [
    ["العنوان", "قال الوزير في 13 سبتمبر إن …", "في 2 مارس 2023"],  # no dateline: prose
    ["العنوان", "موسكو - 13 سبتمبر 2023 (رويترز) - أعلنت …", "في 2 مارس 2023"],  # a year
])
def test_only_a_yearless_wire_dateline_is_read(lines) -> None:
    assert yearless_dateline(lines) is None
