"""A broken plural meets its singular (issue 12, eighteenth round): the light stemmer keeps
«صواريخ» and «صاروخ», «خبراء» and «خبير», «نتائج» and «نتيجة» apart, so a reader asking in
the singular missed a passage written in the plural, and the reverse. synonyms.number_kin
pairs the shapes few other words take (فعائل، فواعل، فعلاء، مفاعيل، فواعيل); the shapes
common words of another meaning share are left out and stay apart. The corpus is invented
(a week in Somalia, other stories than the seeds')."""

from __future__ import annotations

import datetime as dt

import pytest

from retrieval.analysis import analyze
from retrieval.model import Article
from retrieval.synonyms import kin, number_kin, related


def _term(word: str) -> str:
    return analyze(word)[0]


@pytest.mark.parametrize("plural, singular", [
    ("الرسائل", "رسالة"), ("القذائف", "قذيفة"), ("نتائج", "النتيجة"), ("ضرائب", "الضريبة"),
    ("الذخائر", "ذخيرة"), ("القبائل", "قبيلة"),  # فعائل
    ("الفوائد", "فائدة"), ("عوائد", "العائدة"), ("قوائم", "قائمة"),  # فواعل of فاعلة
    ("الزعماء", "زعيم"), ("خبراء", "الخبير"), ("الحلفاء", "حليف"), ("سفراء", "السفير"),
    ("رؤساء", "الرئيس"), ("الشركاء", "شريك"), ("عملاء", "العميل"),  # فعلاء
    ("المشاريع", "مشروع"), ("تقارير", "التقرير"), ("الأساطيل", "أسطول"),
    ("مفاتيح", "المفتاح"), ("التصاريح", "تصريح"), ("أسابيع", "الأسبوع"),  # مفاعيل
    ("الصواريخ", "صاروخ"), ("جواسيس", "الجاسوس"),  # فواعيل
])
def test_a_broken_plural_and_its_singular_say_one_another(plural: str, singular: str) -> None:
    p, s = _term(plural), _term(singular)
    assert s in number_kin(p) and p in number_kin(s)
    assert s in related(p) and p in related(s)  # for the decision and the search
    assert s in kin(p) and p in kin(s)  # for ranking


@pytest.mark.parametrize("word, other", [
    ("الجزائر", "الجزيرة"),  # a country is no plural of an island (nor of a channel)
    ("حضاريا", "حضروا"),  # an adjective's accusative is no مفاعيل
    ("جوائز", "جواز"),  # prizes are no passports' plural
    ("أعداء", "أعيد"),  # أفعلاء is left out: enemies, a verb re-done
    ("مقاتل", "مقتل"),  # مفاعل is left out: a fighter, a killing
    ("أكبر", "كبار"),  # أفعلة / فعال is left out: an elative
    ("سياق", "سائق"),  # فعّال is left out: context, a driver
])
def test_words_of_a_shape_left_out_stay_apart(word: str, other: str) -> None:
    w, o = _term(word), _term(other)
    assert o not in number_kin(w) and w not in number_kin(o)


@pytest.mark.parametrize("word", ["بوتين", "مدرسة", "الانتخابات", "الحكومة", "قال"])
def test_a_word_of_no_plural_shape_has_no_number_kin(word: str) -> None:
    assert not number_kin(_term(word))


WEEK = " بحسب ما أفادت به مصادر محلية خلال أسبوع حافل بالأحداث في الصومال."  # long enough
# to stand as passages of their own
# (question, the passage that answers it, a sibling holding all its other words, which
# comes first: a tie would go to it)
CASES = [
    ("هل اعتقلت الشرطة أي جاسوس في ميناء بربرة؟",  # singular asked, فواعيل said
     "وقالت الشرطة إنها اعتقلت جواسيس في ميناء بربرة مساء السبت.",
     "وقالت الشرطة إنها اعتقلت مهربين في ميناء بربرة مساء السبت."),
    ("كيف استقبل الجمهور فريق هرجيسا؟",  # singular asked, فعاليل said
     "واستقبلت الجماهير فريق هرجيسا بالأغاني في المطار.",
     "واستقبلت الفرقة الموسيقية فريق هرجيسا بالأغاني في المطار."),
    ("ما البدائل التي طرحتها بلدية جوهر للسوق؟",  # فعائل asked, singular said
     "وطرحت بلدية جوهر البديل عن السوق القديم في اجتماع مفتوح.",
     "وطرحت بلدية جوهر الخلاف حول السوق القديم في اجتماع مفتوح."),
    ("هل شاركت العشيرة في مؤتمر المصالحة في بيدوا؟",  # singular asked, فعائل said
     "وشاركت العشائر في مؤتمر المصالحة الذي عقد في بيدوا.",
     "وشاركت النساء في مؤتمر المصالحة الذي عقد في بيدوا."),
    ("ماذا قال رئيس بلدية مركا عن المقياس؟",  # singular asked, مفاعيل said
     "وتحدث رئيس بلدية مركا عن المقاييس المعتمدة لجودة مياه الشرب.",
     "وتحدث رئيس بلدية مركا عن الرسوم المعتمدة لجودة مياه الشرب."),
    ("ماذا قال محافظ جوبا السفلى عن البدائل؟",  # فعائل asked, singular said
     "وتحدث محافظ جوبا السفلى عن البديل المطروح لطريق كسمايو الساحلي.",
     "وتحدث محافظ جوبا السفلى عن الجسر المطروح لطريق كسمايو الساحلي."),
]


@pytest.fixture
async def somalia(engine_over):
    return await engine_over([
        Article("somalia-week", "أسبوع في الصومال", "وكالة الأنباء الصومالية",
                dt.date(2025, 9, 3),
                tuple(p + WEEK for _, answer, sibling in CASES for p in (sibling, answer))),
    ])


@pytest.mark.parametrize("question, passage", [(q, answer) for q, answer, _ in CASES])
async def test_a_question_in_the_other_number_reaches_its_passage(somalia, question,
                                                                  passage) -> None:
    """The question and its passage write one word in the other number; the sibling
    passage holds the question's other words and not that one."""
    answer = await somalia.answer(question)
    assert answer.answered and answer.hits[0].text == passage + WEEK


async def test_a_plural_met_does_not_answer_what_the_passage_never_says(somalia) -> None:
    """A near miss: the passage names the spies and the port but not their age."""
    answer = await somalia.answer("كم عمر الجاسوس الذي اعتقل في ميناء بربرة؟")
    assert not answer.answered
