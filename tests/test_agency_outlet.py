"""A question naming an agency that is also an outlet of the coverage («ماذا قالت رويترز عن
درنة؟» over Reuters' own article on the dams' inquiry and Al Jazeera's Reuters copy on the
toll) was declined: only the agency's own articles were searched. Its copy in other
outlets answers it, as it does for an agency the coverage holds no article of
(agencies.agency_first); the agency's own articles still come first when they answer."""

from __future__ import annotations

import datetime as dt

import pytest

from retrieval.model import Article


def _article(id_, source, title, *paragraphs, agency=None, day=12):
    return Article(id_, title, source, dt.date(2023, 9, day), paragraphs, agency=agency)


COVERAGE = [
    _article("reuters-dams", "رويترز", "النائب العام الليبي يحقق في انهيار سدي درنة",
             "قال النائب العام الليبي إن النيابة فتحت تحقيقا في انهيار السدين اللذين تسببا في "
             "الكارثة، وإن التحقيق سيشمل السلطات المحلية.", day=17),
    _article("jazeera-toll", "الجزيرة نت", "آلاف القتلى في فيضانات درنة",
             "قال مسؤول في الحكومة الليبية إن عدد قتلى الفيضانات في مدينة درنة تجاوز 2000 "
             "شخص، فيما لا يزال آلاف في عداد المفقودين.", agency="رويترز"),
    _article("arabiya-aid", "العربية", "وصول المساعدات إلى درنة",
             "وصلت طائرات مساعدات من مصر والجزائر إلى مطار بنينا لنقلها إلى مدينة درنة "
             "المنكوبة بالفيضانات.", day=13),
    _article("anadolu-own", "وكالة الأناضول", "تركيا ترسل فرق إنقاذ إلى ليبيا",
             "أرسلت تركيا ثلاث طائرات تقل فرق إنقاذ ومستشفى ميدانيا إلى شرق ليبيا.", day=13),
    _article("sabah-bridge", "صحيفة الصباح", "افتتاح جسر على البوسفور",
             "افتتح وزير النقل التركي جسرا جديدا على مضيق البوسفور يختصر زمن العبور بين ضفتي "
             "إسطنبول إلى عشر دقائق.", agency="الأناضول", day=14),
]


@pytest.mark.parametrize(("question", "article", "agency"), [
    ("ماذا قالت رويترز عن درنة؟", "jazeera-toll", "رويترز"),
    ("ماذا قالت رويترز عن قتلى الفيضانات؟", "jazeera-toll", "رويترز"),
    ("حسب رويترز، كم عدد قتلى درنة؟", "jazeera-toll", "رويترز"),
    ("ماذا قالت الأناضول عن جسر البوسفور؟", "sabah-bridge", "الأناضول"),
])
async def test_the_agencys_copy_in_another_outlet_answers(engine_over, question, article,
                                                          agency):
    coverage = await engine_over(COVERAGE)
    answer = await coverage.answer(question, k=3)
    assert answer.answered, [(h.article_id, h.agencies) for h in answer.hits]
    assert answer.hits[0].article_id == article
    assert all(agency in h.agencies or h.source in (agency, f"وكالة {agency}")
               for h in answer.hits)
    assert [h.rank for h in answer.hits] == list(range(1, len(answer.hits) + 1))


@pytest.mark.parametrize(("question", "article"), [
    ("ماذا قالت رويترز عن انهيار السدين؟", "reuters-dams"),
    ("ماذا قالت الأناضول عن فرق الإنقاذ التركية؟", "anadolu-own"),
])
async def test_the_agencys_own_article_answers_first(engine_over, question, article):
    coverage = await engine_over(COVERAGE)
    answer = await coverage.answer(question, k=3)
    assert answer.answered and answer.hits[0].article_id == article


async def test_a_subject_no_copy_of_the_agency_tells_is_still_declined(engine_over):
    coverage = await engine_over(COVERAGE)
    answer = await coverage.answer("ماذا قالت رويترز عن المساعدات المصرية؟", k=3)
    assert not answer.answered
    assert all(h.article_id != "arabiya-aid" for h in answer.hits)
