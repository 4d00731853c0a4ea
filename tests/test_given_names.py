"""Arabic given names typed in Latin letters, capitalised or not, reach the Arabic name:
«Mohammed», «abdullah», «Abdulaziz» found nothing (their sound is not their spelling:
موهاميد, and عبد الله is two words); transliterate.py's table of given names reads them.
Invented articles and questions."""

from __future__ import annotations

import datetime as dt

import pytest

from retrieval.model import Article

CROWN = "واستقبل ولي العهد السعودي الأمير محمد بن سلمان وزير الخارجية الأمريكي في الرياض."
KING = "وقال العاهل الأردني الملك عبد الله الثاني إن المنطقة تحتاج إلى تهدئة عاجلة."
ENERGY = "وأكد وزير الطاقة عبد العزيز بن سلمان أن التحالف سيمدد خفض الإنتاج حتى الربيع."
COACH = "وقاد المدرب يوسف الشريف فريقه إلى الفوز بالكأس بعد ركلات الترجيح."
WEATHER = "وتوقعت الأرصاد الجوية أمطارا غزيرة على المرتفعات الغربية نهاية الأسبوع."


@pytest.fixture
async def coverage(engine_over):
    return await engine_over([
        Article("riyadh", "ولي العهد يستقبل الوزير", "صحيفة الرياض", dt.date(2025, 2, 6),
                (CROWN, WEATHER)),
        Article("amman", "الملك يدعو إلى التهدئة", "صحيفة عمان", dt.date(2025, 3, 2), (KING,)),
        Article("opec", "أوبك+ تمدد الخفض", "وكالة الطاقة", dt.date(2025, 3, 3), (ENERGY,)),
        Article("cup", "الكأس للفريق", "صحيفة الملاعب", dt.date(2025, 4, 1), (COACH,)),
    ])


@pytest.mark.parametrize("question, passage", [
    ("Mohammed", CROWN),
    ("mohamed bin salman", CROWN),
    ("Abdallah", KING),
    ("abdullah", KING),
    ("Abdulaziz", ENERGY),
    ("yusuf", COACH),
    ("من استقبل Mohammed bin Salman؟", CROWN),
    ("ماذا قال abdelaziz bin salman عن خفض الإنتاج؟", ENERGY),
])
async def test_a_given_name_typed_in_latin_letters_reaches_the_arabic_name(
        coverage, question, passage) -> None:
    answer = await coverage.answer(question)
    assert answer.hits and answer.hits[0].text == passage
