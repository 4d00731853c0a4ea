"""The decision, eighteenth round (issue 12): the decision reads the passage the reader
is shown. When outlets carry one statement, a later hit that carries the first one whole
and says more takes its place (engine._cite: «وأضاف كيم: … سنخوض المعركة …» of one outlet
over another's bare «سنخوض المعركة …»); the text signals (`type_missing`,
`speaker_silent`, …) read that passage, not the bare copy that ranked first.

Invented coverage: two outlets, one carrying the speaker and the detail, one the bare
statement.
"""

from __future__ import annotations

import datetime as dt

import pytest
from test_decide import signal

from retrieval.model import Article


def _article(aid: str, source: str, title: str, text: str) -> Article:
    return Article(aid, title, source, dt.date(2025, 3, 4), tuple(text.split("\n\n")))


TALKS = [
    _article("bare", "صحيفة الشروق", "وزير الخارجية التونسي في الجزائر",
             "وصل وزير الخارجية التونسي سامي الهادفي إلى الجزائر الثلاثاء في زيارة تستمر "
             "يومين.\n\n"
             "سنقف دائما إلى جانب الجزائر الشقيقة ضد الحصار الاقتصادي الظالم.\n\n"
             "وبحث الوزيران ملف الحدود والمعابر التجارية."),
    _article("told", "موقع الخبر", "الهادفي: تونس والجزائر شريكان",
             "استقبل الرئيس الجزائري وزير الخارجية التونسي سامي الهادفي في قصر المرادية.\n\n"
             "وأضاف الهادفي: العلاقة مع الجزائر ستشهد تعاونا في مجال الطاقة والغاز. العلاقة "
             "مع الجزائر سترتقي إلى مستوى جديد من الشراكة الاستراتيجية. سنقف دائما إلى جانب "
             "الجزائر الشقيقة ضد الحصار الاقتصادي الظالم. وسنعمل معا على فتح المعابر "
             "التجارية وتطوير المناطق الحدودية.\n\n"
             "وتناول اللقاء مشروع خط الغاز العابر للحدود."),
    _article("tour", "صحيفة الشروق", "الهادفي يختتم جولته المغاربية",
             "اختتم الهادفي جولته المغاربية في نواكشوط بعد زيارة الرباط والجزائر.\n\n"
             "والتقى الهادفي في نواكشوط الرئيس الموريتاني ورئيس الحكومة.\n\n"
             "وقال الهادفي إن الجولة تمهد لقمة مغاربية في تونس العام المقبل."),
    _article("rain", "موقع الخبر", "أمطار غزيرة في الشرق الجزائري",
             "تسببت أمطار غزيرة في فيضانات بولاية قسنطينة الأربعاء.\n\n"
             "وقالت الحماية المدنية إن فرقها أجلت عشرات العائلات."),
]


@pytest.mark.parametrize("question", [
    "ضد ماذا قال الهادفي إن تونس ستقف إلى جانب الجزائر الشقيقة؟",
    "ضد ماذا قال الهادفي إن تونس ستقف دائما إلى جانب الجزائر؟",
])
async def test_the_decision_reads_the_copy_that_names_the_speaker(engine_over,
                                                                   question) -> None:
    # the bare copy («سنقف دائما …», no one said it) ranks first; the other outlet's
    # «وأضاف الهادفي: … سنقف دائما …» carries it whole and is shown in its place
    engine = await engine_over(TALKS)
    answer = await engine.answer(question, 3)
    assert answer.hits[0].article_id == "told", [h.text for h in answer.hits]
    assert signal(answer, "speaker_silent") == 0.0
    assert signal(answer, "type_missing") == 0.0
    assert answer.answered, (question, [h.text for h in answer.hits])


@pytest.mark.parametrize("question", [
    "ماذا قال الهادفي عن أسعار النفط؟",
    "ماذا قال الرئيس الموريتاني عن الحصار الاقتصادي؟",
])
async def test_what_the_coverage_never_says_is_still_declined(engine_over, question) -> None:
    engine = await engine_over(TALKS)
    answer = await engine.answer(question, 3)
    assert not answer.answered, (question, [h.text for h in answer.hits])

