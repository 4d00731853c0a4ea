"""«ماذا حدث في 16 سبتمبر 2023؟» lists the openings of that day's articles. Two outlets
carrying the same wire opening were listed twice, one under the other, and neither was
credited with the agency its dateline names («جنيف (أ ف ب) -»), though every other answer
cites both: one hit per statement, crediting the other outlet, with the agencies."""

from __future__ import annotations

import datetime as dt

import pytest

from retrieval.model import Article

UN = ("أعلن مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية أن عدد قتلى الفيضانات في درنة بلغ "
      "11300 شخص، وأن 10100 شخص ما زالوا في عداد المفقودين.")


def _article(id_, source, title, text, day=16, agency=None):
    return Article(id_, title, source, dt.date(2023, 9, day), (text,), agency=agency)


COVERAGE = [
    _article("jazeera", "الجزيرة نت", "الأمم المتحدة: 11300 قتيل", UN, agency="فرانس برس"),
    _article("arabiya", "العربية", "أوتشا: 11300 قتيل في درنة", UN),
    _article("sky", "سكاي نيوز عربية", "تحقيق في انهيار السدين",
             "أعلن النائب العام الليبي فتح تحقيق في انهيار السدين اللذين تسببا في الكارثة."),
    _article("awsat", "الشرق الأوسط", "مساعدات إلى درنة",
             "وصلت طائرات مساعدات من مصر والجزائر إلى مطار بنينا لنقلها إلى درنة.", day=17),
]


@pytest.mark.parametrize("question", ["ماذا حدث في 16 سبتمبر 2023؟", "ماذا نشر في 16/9/2023؟",
                                      "أخبار 16 سبتمبر 2023"])
async def test_a_days_same_opening_is_one_hit_crediting_both(engine_over, question):
    coverage = await engine_over(COVERAGE)
    answer = await coverage.answer(question, k=5)
    assert answer.published_on is not None
    told = [h for h in answer.hits if h.text == UN]
    assert len(told) == 1, [(h.rank, h.article_id) for h in answer.hits]
    [hit] = told
    credited = {hit.source, *(c.source for c in hit.also_reported_by)}
    assert credited == {"الجزيرة نت", "العربية"}
    assert hit.agencies == ["فرانس برس"]
    assert [h.rank for h in answer.hits] == list(range(1, len(answer.hits) + 1))
    assert {h.article_id for h in answer.hits} >= {"sky", "awsat"}


async def test_an_outlets_latest_openings_credit_their_agency(engine_over):
    coverage = await engine_over(COVERAGE)
    answer = await coverage.answer("ماذا نشرت الجزيرة نت؟", k=3)
    assert answer.latest and answer.hits[0].article_id == "jazeera"
    assert answer.hits[0].agencies == ["فرانس برس"]
