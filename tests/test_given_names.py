"""Arabic given names typed in Latin letters, capitalised or not, reach the Arabic name:
«Mohammed bin Salman», «abdullah», «Abdulaziz», «yusuf» lead with the passage naming them
(a guard for the rule that a lower-case Latin word is read by its own transliteration only).
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
    ("من استقبل Mohammed bin Salman؟", CROWN),
    ("من استقبل mohamed bin salman؟", CROWN),  # typed in lower case: no sound-alike reading
    ("ماذا قال الملك Abdallah؟", KING),
    ("ماذا قال الملك abdullah؟", KING),
    ("ماذا قال Abdulaziz عن خفض الإنتاج؟", ENERGY),
    ("ماذا قال abdelaziz bin salman عن خفض الإنتاج؟", ENERGY),
    ("Youssef", COACH),
    ("كيف فاز فريق المدرب yusuf؟", COACH),
])
async def test_a_given_name_typed_in_latin_letters_reaches_the_arabic_name(
        coverage, question, passage) -> None:
    answer = await coverage.answer(question)
    assert answer.hits and answer.hits[0].text == passage
