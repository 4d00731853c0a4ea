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

from retrieval.decide import headline as is_headline
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
    "اغتيال الهادفي",  # headlines on events the coverage never tells
    "محاكمة وزير الخارجية التونسي",
    "إلغاء جولة الهادفي المغاربية",
])
async def test_what_the_coverage_never_says_is_still_declined(engine_over, question) -> None:
    engine = await engine_over(TALKS)
    answer = await engine.answer(question, 3)
    assert not answer.answered, (question, [h.text for h in answer.hits])


# A headline query (no question word, no question mark) whose first word, the event, the
# coverage never uses in any form, word of its class or near typo is declined, whatever
# the weight (engine: event_unknown with decide.headline): the passage holding its other
# words tells something else of them. «منذ متى …» with no question mark is a question,
# not a headline on «منذ».

@pytest.mark.parametrize("question, headline", [
    ("منذ متى يزور الهادفي الجزائر", False),
    ("حتى متى تستمر زيارة الهادفي", False),
    ("جولة الهادفي المغاربية", True),
])
def test_a_preposition_before_a_question_word_is_no_headline(question, headline) -> None:
    assert is_headline(question) is headline
