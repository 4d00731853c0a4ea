"""How many is not answered by how long (issue 12, round 9b: near misses the decision still
answered). «كم عدد القذائف التي أرسلتها …؟» reached «بقذائف مدفعية للشهر والنصف
الماضيين»: «النصف» was read as the amount asked, though it tells for how long the shells
came, not how many. Every question and sentence here is invented for the kind.
"""

from __future__ import annotations

import pytest
from test_decide import signal

from retrieval.analysis import analyze
from retrieval.answer_types import NUMBER, asks_count, holds, holds_near

# ------------------------------------------------------------- which questions ask a count

@pytest.mark.parametrize("question", [
    "كم عدد الدبابات التي اشترتها بولندا؟",
    "ما عدد اللاجئين الذين عبروا الحدود؟",
    "كم طائرة مسيرة أسقطت فوق العاصمة؟",
    "كم صاروخا أطلق الجيش أمس؟",
    "كم مرة زار الوزير المصنع؟",
    "قديش سفينة رست في الميناء؟",
])
def test_a_count_asked_by_its_noun_or_by_number_is_a_count(question) -> None:
    assert asks_count(question)


@pytest.mark.parametrize("question", [
    "كم استمر الاجتماع؟",
    "كم ستدوم الهدنة بين الطرفين؟",
    "قديش ضلوا الوزراء مجتمعين؟",
    "كم ساعة تأخرت الطائرة؟",
    "كم عدد الأيام التي قضاها الوفد في القاهرة؟",
    "كم كان عمر الملك حين تولى الحكم؟",
    "كم تبعد المدينة عن الحدود؟",
    "كم استمرة المفاوضات",  # mistyped verb, not a counted noun
])
def test_how_long_how_old_or_how_far_is_no_count(question) -> None:
    assert not asks_count(question)


# ------------------------------------------------- a span of time is no amount of things

WEIGHTS = {t: 1.0 for t in analyze("دبابات الجيش")}


@pytest.mark.parametrize("sentence", [
    "وزودت الشركة الجيش بدبابات للشهر والنصف الماضيين.",
    "وتسلم الجيش دبابات على مدى ثلاثة أيام.",
    "ووصلت دبابات الجيش خلال يومين من الطلب.",
])
def test_an_amount_of_time_does_not_answer_how_many(sentence) -> None:
    assert not holds(sentence, NUMBER, WEIGHTS, {}, spans=False)
    assert not holds_near(sentence, NUMBER, WEIGHTS, {}, WEIGHTS, spans=False)
    # ... and it still answers how long
    assert holds(sentence, NUMBER, WEIGHTS, {}, spans=True)


@pytest.mark.parametrize("sentence", [
    "وتسلم الجيش 120 دبابة من الشركة.",
    "وتسلم الجيش عشرات الدبابات خلال الشهر الماضي.",
    "وتسلم الجيش الدبابات مرتين هذا العام.",
])
def test_a_count_beside_the_things_asked_still_answers(sentence) -> None:
    assert holds(sentence, NUMBER, WEIGHTS, {}, spans=False)
    assert holds_near(sentence, NUMBER, WEIGHTS, {}, WEIGHTS, spans=False)


# -------------------------------------------------------------------- over the seeds

@pytest.mark.parametrize("question", [
    "ما عدد قذائف المدفعية التي حصلت عليها روسيا من كوريا الشمالية؟",
    "كم صاروخا باعت كوريا الشمالية لروسيا؟",
    "كم قذيفة مدفعية وصلت إلى موسكو من بيونغيانغ؟",
])
async def test_a_count_of_shells_the_coverage_never_gives_weighs_against(
        seeded, question) -> None:
    # the coverage says for how long North Korea has sent shells, never how many
    answer = await seeded.answer(question, k=3)
    assert signal(answer, "type_far") == 1.0
    assert signal(answer, "focus_far") == 1.0


@pytest.mark.parametrize("question", [
    "كم صاروخا باعت كوريا الشمالية لروسيا؟",
    "كم قذيفة مدفعية وصلت إلى موسكو من بيونغيانغ؟",
])
async def test_a_count_the_coverage_never_gives_is_declined(seeded, question) -> None:
    answer = await seeded.answer(question, k=3)
    assert not answer.answered
    assert answer.hits  # the closest passages are still shown, labelled


@pytest.mark.parametrize("question", [
    "كم شهرا تزود كوريا الشمالية روسيا بالقذائف؟",  # how long: the span answers
    "كم ساعة استمرت المحادثات؟",
    "كم مرة فشلت كوريا الشمالية في وضع قمر اصطناعي في المدار؟",  # مرتين: a count
])
async def test_how_long_and_a_count_the_coverage_gives_are_answered(seeded, question) -> None:
    answer = await seeded.answer(question, k=3)
    assert signal(answer, "type_far") == 0.0
    assert answer.answered
