"""The decision, seventeenth round (issue 12): kinds found reading why answerable
questions of the blind development sets (seeds-blind11 and -blind12 among them) were
declined with the right passage first. Each kind is asked over the seeds (the blind
writers' shape of it) and over invented articles (siblings of it).

- a verbal noun of the derived forms after لـ or «إلى» is a purpose, not the one an
  action is for («أبدى كيم استعداده لتطويرها», «هل سيعود الرئيسان للاجتماع؟»): no frame
  whose recipient the passage must name (`frame_apart`);
- a country asked as the recipient is said by its capital or its seat of power as well
  («تعهد كيم لموسكو» over «تعرض دعمها لروسيا»); a person or another country is not.
"""

from __future__ import annotations

import pytest
from test_decide import signal
from test_decide13 import _article

from retrieval.analysis import derived_verbal_noun, normalize

ARTICLES = [
    _article("water", "وزير الخارجية الفرنسي في بغداد", 4,
             "وصل وزير الخارجية الفرنسي لوران ماري إلى بغداد الثلاثاء في زيارة تستمر يومين."
             "\n\n"
             "وتعهد الوزير الفرنسي لبغداد بدعم مشاريع السدود على نهر دجلة.\n\n"
             "وأبدى الوزير استعداده لتطوير برنامج مشترك لتدريب المهندسين العراقيين."),
    _article("talks", "محادثات تجارية في الرباط", 5,
             "التقى وزير التجارة الإسباني بنظيره المغربي في الرباط الأربعاء، وبحثا رسوم "
             "الموانئ.\n\n"
             "وقال الوزير الإسباني إن الطرفين سيعودان للاجتماع في مدريد الشهر المقبل.\n\n"
             "وأكد الوزير المغربي لمدريد أن الرباط ستخفض رسوم الموانئ على السلع الإسبانية."),
]


@pytest.mark.parametrize("word, verbal", [
    ("اجتماع", True), ("انطلاق", True), ("استقبال", True), ("اعلان", True),
    ("تطوير", True), ("تدريب", True),
    ("ترامب", False), ("بوتين", False), ("لافروف", False), ("وفد", False),
    ("مدريد", False), ("نظير", False),
])
def test_a_verbal_noun_of_the_derived_forms_is_read_by_its_shape(word: str,
                                                                 verbal: bool) -> None:
    assert derived_verbal_noun(normalize(word)) is verbal


@pytest.mark.parametrize("question, article", [
    ("ما البرنامج الذي أبدى الوزير الفرنسي استعداده لتطويره؟", "water"),
    ("ما البرنامج الذي أبدى وزير الخارجية الفرنسي استعداده لتطويره للعراقيين؟", "water"),
    ("هل سيعود الوزيران الإسباني والمغربي للاجتماع؟", "talks"),
])
async def test_a_purpose_after_li_is_no_recipient(engine_over, question, article) -> None:
    engine = await engine_over(ARTICLES)
    answer = await engine.answer(question, 3)
    assert signal(answer, "frame_apart") == 0.0
    assert answer.hits[0].article_id == article


@pytest.mark.parametrize("question", [
    "ما الخطة التي أبدى كيم استعداده لتطويرها مع بوتين؟",  # a purpose
    "هل سيعود الرئيسان للاجتماع مرة ثانية؟",
    "بماذا تعهد الزعيم الكوري الشمالي لموسكو في معركتها للدفاع عن أمنها؟",  # «لروسيا»
    "بماذا تنبأ الزعيم الكوري لروسيا في مواجهة خصومها",  # «… بأن موسكو ستحقق»
])
async def test_no_one_else_is_asked_of_over_the_seeds(seeded, question) -> None:
    answer = await seeded.answer(question, 3)
    assert signal(answer, "frame_apart") == 0.0
    assert answer.answered, (question, [h.text for h in answer.hits])


@pytest.mark.parametrize("question, article", [
    ("بماذا تعهد الوزير الفرنسي للعراق؟", "water"),  # the passage: «لبغداد»
    ("ماذا أكد الوزير المغربي لإسبانيا؟", "talks"),  # the passage: «لمدريد»
])
async def test_a_country_said_by_its_capital(engine_over, question, article) -> None:
    engine = await engine_over(ARTICLES)
    answer = await engine.answer(question, 3)
    assert signal(answer, "frame_apart") == 0.0
    assert answer.hits[0].article_id == article
    assert answer.answered, (question, [h.text for h in answer.hits])


@pytest.mark.parametrize("question", [
    "بماذا تعهد الوزير الفرنسي لإيطاليا؟",  # another country than the one promised
    "ماذا أكد الوزير المغربي لفرنسا؟",
    "بماذا تعهد الوزير الفرنسي لرئيس الوزراء التركي؟",  # a person, never named
])
async def test_another_recipient_is_still_apart(engine_over, question) -> None:
    engine = await engine_over(ARTICLES)
    answer = await engine.answer(question, 3)
    assert signal(answer, "frame_apart") == 1.0, [h.text for h in answer.hits]


async def test_a_gift_to_another_capital_is_still_declined(seeded) -> None:
    answer = await seeded.answer("ماذا قدم كيم لبكين خلال زيارته؟", 3)
    assert not answer.answered
