"""Decision faults found in blind17/blind18's failures (issue 12), fixed as kinds: an adverb
in the accusative beside the actor read as the one acted upon (`role_swap` fired on «ما
الرغبة التي أكدها بوتين مجددا؟»), a title with a preposition glued to it beside its
holder's name read as unnamed (`name_missing`, `title_unnamed` on «لوزير الخارجية الروسي
سيرغي لافروف»), «في حين» (whereas) read as a time (a future event's time asked was
answered by a passage that never dates it), and a time noun that only scopes a count
(«كم قذيفة … خلال الشهر الماضي؟») read as asking how long, a country after «كم» read as
the unit counted (the dialect's «شكد صارلها كوريا … تدز قذائف» asks how long), «ما أسماء
…؟» not read as asking names, a statement that the amount is not known («لم أكن متأكدا من
المدة») not read as answering how long, a who-question holding an amount
(«مين بيقرر قديش …؟») read as asking the amount, and a recipient named by his relation to
the actor and an adjective («لضيفه الكوري»: his Korean guest) looked for as the word
«ضيف», which no passage writes, rather than as the adjective.

Questions and coverage invented, siblings of the failures, not copied from any question file.
"""

from __future__ import annotations

import datetime as dt

import pytest
from test_decide import signal

from retrieval import answer_types
from retrieval.analysis import analyze_token, normalize
from retrieval.decide import _frame
from retrieval.model import Article


def has(text: str, *keys: str) -> bool:
    return any(normalize(k) in normalize(text) for k in keys)


def _article(aid: str, source: str, title: str, text: str) -> Article:
    return Article(aid, title, source, dt.date(2025, 3, 4), tuple(text.split("\n\n")))


VISIT = [
    _article("visit", "صحيفة الشروق", "وزير الخارجية التونسي في الجزائر",
             "وصل وزير الخارجية التونسي سامي الهادفي إلى الجزائر الثلاثاء في زيارة تستمر "
             "يومين.\n\n"
             "ولم يتم توقيع أي اتفاقيات خلال الزيارة، لكن المتحدث باسم الرئاسة قال إنها "
             "كانت مثمرة، وإنه ستكون هناك زيارة متابعة إلى تونس الشهر المقبل لوزير الطاقة "
             "الجزائري كريم بوزيد، ثم زيارة أخرى للرئيس.\n\n"
             "وجاء في البيان أن الرئيس الجزائري رحب بالدعوة بكل سرور وأكد مجددا رغبته في "
             "المضي قدما في تعزيز الشراكة الاقتصادية بين البلدين."),
    _article("solar", "موقع الخبر", "عرض جزائري لتدريب مهندسين تونسيين",
             "وفي علامة على تعزيز التعاون، عرضت الجزائر على تونس تدريب مهندسين تونسيين في "
             "محطة الطاقة الشمسية بورقلة. وإذا حصل ذلك، سيكون أول برنامج تدريب مشترك في "
             "المنطقة، في حين تسعى تونس إلى تطوير قطاعها الطاقوي.\n\n"
             "وتقول الجزائر إنها تزود تونس بالغاز الطبيعي بأسعار تفضيلية للشهر الثالث على "
             "التوالي."),
    _article("rain", "موقع الخبر", "أمطار غزيرة في الشرق الجزائري",
             "تسببت أمطار غزيرة في فيضانات بولاية قسنطينة الأربعاء.\n\n"
             "وقالت الحماية المدنية إن فرقها أجلت عشرات العائلات."),
]


# ------------------------------------------------ an adverb beside the actor acts on no one

@pytest.mark.parametrize("question", [
    "ما الرغبة التي أكدها بوتين مجددا؟",
    "ماذا قال الوزير أيضا؟",
    "ما الذي أعلنه الكرملين رسميا؟",
    "بحسب البيان، ما الذي أكده الرئيس مجدداً؟",
])
def test_an_adverb_after_the_actor_is_no_recipient(question) -> None:
    asked = _frame(question)
    assert asked is not None and asked.recipient is None, asked


@pytest.mark.parametrize("question, recipient", [
    ("ماذا أكد كيم مجددا لبوتين؟", "لبوتين"),
    ("ماذا قدم بيسكوف رسميا لكيم؟", "لكيم"),
    ("ماذا أهدى كيم بوتين مرة أخرى؟", "بوتين"),
])
def test_the_recipient_after_an_adverb_is_still_read(question, recipient) -> None:
    asked = _frame(question)
    assert asked is not None and asked.recipient is not None
    assert asked.recipient == analyze_token(normalize(recipient)) or \
        analyze_token(normalize(recipient)).endswith(asked.recipient), asked


@pytest.mark.parametrize("question", [
    "ما الرغبة التي أكدها الرئيس الجزائري مجددا؟",
    "بحسب البيان، ما الرغبة التي أكدها الرئيس الجزائري مجدداً؟",
])
async def test_what_was_reaffirmed_is_answered(engine_over, question) -> None:
    engine = await engine_over(VISIT)
    answer = await engine.answer(question, 3)
    assert signal(answer, "role_swap") == 0.0
    assert answer.answered and has(answer.hits[0].text, "رغبته"), (
        question, [h.text for h in answer.hits])


# ------------------------------------------------ a title with a glued preposition is named

@pytest.mark.parametrize("question", [
    "من هو وزير الطاقة الذي سيزور تونس الشهر المقبل؟",
    "مين الوزير اللي رح يزور تونس الشهر الجاي؟",
    "من الوزير الجزائري الذي سيزور تونس؟",
])
async def test_a_title_glued_to_a_preposition_names_its_holder(engine_over, question) -> None:
    engine = await engine_over(VISIT)
    answer = await engine.answer(question, 3)
    assert signal(answer, "name_missing") == 0.0
    assert answer.answered and has(answer.hits[0].text, "كريم بوزيد"), (
        question, [h.text for h in answer.hits])


@pytest.mark.parametrize("sentence, named", [
    ("وستكون هناك زيارة لوزير الطاقة الجزائري كريم بوزيد.", True),
    ("وستكون هناك زيارة بوزير الطاقة الجزائري كريم بوزيد.", True),
    ("وستكون هناك زيارة لوزير الطاقة الشهر المقبل.", False),  # no name beside it
])
def test_names_beside_a_glued_title(sentence, named) -> None:
    weights = {analyze_token(normalize(w)): 1.0 for w in ("وزير", "الطاقة", "زيارة")}
    focus = analyze_token(normalize("وزير"))
    assert answer_types.names_beside(sentence, focus, weights, {}) is named


async def test_a_title_nobody_holds_in_the_coverage_is_still_declined(engine_over) -> None:
    engine = await engine_over(VISIT)
    answer = await engine.answer("من هو وزير الصحة الجزائري؟", 3)
    assert not answer.answered, [h.text for h in answer.hits]


# ------------------------------------------------ «في حين»: whereas, no time

def test_whereas_tells_no_time() -> None:
    text = "سيكون أول برنامج تدريب مشترك في المنطقة، في حين تسعى تونس إلى تطوير قطاعها."
    weights = {analyze_token(normalize(w)): 1.0 for w in ("برنامج", "تدريب", "مشترك")}
    assert not answer_types.holds(text, answer_types.TIME, weights, {})


@pytest.mark.parametrize("text", [
    "بدأ أول برنامج تدريب مشترك حين وصل الوزير.",  # when: a time
    "بدأ أول برنامج تدريب مشترك في مارس.",
])
def test_a_time_is_still_held(text) -> None:
    weights = {analyze_token(normalize(w)): 1.0 for w in ("برنامج", "تدريب", "مشترك")}
    assert answer_types.holds(text, answer_types.TIME, weights, {})


@pytest.mark.parametrize("question", [
    "متى سيبدأ أول برنامج تدريب مشترك في المنطقة؟",
    "في أي عام سينطلق أول برنامج تدريب مشترك للمهندسين التونسيين؟",
])
async def test_the_time_of_an_event_still_ahead_is_declined(engine_over, question) -> None:
    # the passage tells the offer and what it would be, «في حين …» no time of it
    engine = await engine_over(VISIT)
    answer = await engine.answer(question, 3)
    assert not answer.answered, (question, [h.text for h in answer.hits])


async def test_what_was_offered_is_still_answered(engine_over) -> None:
    engine = await engine_over(VISIT)
    answer = await engine.answer("ماذا عرضت الجزائر على تونس؟", 3)
    assert answer.answered and has(answer.hits[0].text, "تدريب مهندسين"), [
        h.text for h in answer.hits]


# ------------------------------------------------ a time noun scoping a count

@pytest.mark.parametrize("question, count", [
    ("كم قذيفة سلمت كوريا لروسيا خلال الشهر الماضي؟", True),
    ("كم مترا مكعبا من الغاز زودت الجزائر تونس خلال الأشهر الثلاثة؟", True),
    ("ما عدد الصواريخ التي أطلقت هذا العام؟", True),
    ("كم عدد الأيام التي قضاها الوزير في الجزائر؟", False),  # the unit counted is time
    ("كم يوما بقي الوزير؟", False),
    ("كم ساعة استمرت المحادثات؟", False),
    ("كم استمرت المحادثات خلال اليوم؟", False),  # how long
])
def test_a_time_noun_only_scoping_a_count_leaves_it_a_count(question, count) -> None:
    assert answer_types.asks_count(question) is count


async def test_how_many_over_a_span_is_declined(engine_over) -> None:
    # «للشهر الثالث على التوالي» tells for how long, not how much gas
    engine = await engine_over(VISIT)
    answer = await engine.answer(
        "كم مترا مكعبا من الغاز زودت الجزائر تونس خلال الأشهر الثلاثة الماضية؟", 3)
    assert not answer.answered, [h.text for h in answer.hits]


# ------------------------------------------------ a country after «كم» is no unit counted

@pytest.mark.parametrize("question", [
    "شكد صارلها كوريا الشمالية تبعت قذائف لروسيا؟",  # how long has it been
    "قديش صرلها الجزائر تزود تونس بالغاز؟",
    "كم روسيا دفعت مقابل الذخيرة؟",
])
def test_a_country_after_how_much_is_no_count(question) -> None:
    from retrieval.dialects import to_msa
    assert not answer_types.asks_count(to_msa(question))


async def test_how_long_a_country_has_done_it_is_answered_by_a_span(engine_over) -> None:
    engine = await engine_over(VISIT)
    answer = await engine.answer("قديش صرلها الجزائر عم تزود تونس بالغاز؟", 3)
    assert answer.answered and has(answer.hits[0].text, "للشهر الثالث"), [
        h.text for h in answer.hits]


# ------------------------------------------------ «ما أسماء …؟» asks names

@pytest.mark.parametrize("question", [
    "ما أسماء الوزراء الذين رافقوا الهادفي؟",
    "ما هي أسماء المهندسين الذين سيتدربون؟",
])
def test_names_asked_in_the_plural(question) -> None:
    assert answer_types.decision_type(question) == answer_types.NAME


async def test_names_the_coverage_never_gives_are_missing(engine_over) -> None:
    # the engineers are offered training, never named: the decision is told so
    engine = await engine_over(VISIT)
    answer = await engine.answer("ما أسماء المهندسين التونسيين الذين سيتدربون في ورقلة؟", 3)
    assert signal(answer, "name_missing") == 1.0, [h.text for h in answer.hits]


async def test_names_the_coverage_gives_are_answered(engine_over) -> None:
    engine = await engine_over(VISIT)
    answer = await engine.answer("ما أسماء الوزراء الذين وصلوا إلى الجزائر؟", 3)
    assert signal(answer, "name_missing") == 0.0, [h.text for h in answer.hits]


# ------------------------------------------------ «not sure how long» answers how long

TALKS = [
    _article("stay", "صحيفة الشروق", "الهادفي في الجزائر",
             "وقال المتحدث باسم الرئاسة الجزائرية إنه غير متأكد من المدة التي سيبقى فيها "
             "الوفد التونسي في الجزائر، لكن لن تكون هناك لقاءات أخرى بين الرئيسين.\n\n"
             "وأضاف أن تحديد مدة الإقامة من صلاحيات الوفد نفسه."),
    _article("rain", "موقع الخبر", "أمطار غزيرة في الشرق الجزائري",
             "تسببت أمطار غزيرة في فيضانات بولاية قسنطينة الأربعاء.\n\n"
             "وقالت الحماية المدنية إن فرقها أجلت عشرات العائلات."),
]


@pytest.mark.parametrize("question", [
    "كم يوما إضافيا سيبقى الوفد التونسي في الجزائر؟",
    "قديش رح يضل الوفد التونسي بالجزائر؟",
])
async def test_not_sure_how_long_answers_how_long(engine_over, question) -> None:
    engine = await engine_over(TALKS)
    answer = await engine.answer(question, 3)
    assert signal(answer, "type_missing") == 0.0
    assert answer.answered and has(answer.hits[0].text, "غير متأكد من المدة"), (
        question, [h.text for h in answer.hits])


@pytest.mark.parametrize("text, held", [
    ("وقال إنه غير متأكد من المدة التي سيبقى فيها الوفد.", True),
    ("وقال إنه لم يكن متأكدا من المدة التي سيبقى فيها الوفد.", True),
    ("وسيبقى الوفد في الجزائر من دون تحديد.", True),
    ("وقال إنه متأكد من أن الوفد سيبقى.", False),  # sure, and of no amount
])
def test_an_amount_said_unknown_answers_how_long(text, held) -> None:
    weights = {analyze_token(normalize(w)): 1.0 for w in ("سيبقى", "الوفد")}
    assert answer_types.holds(text, answer_types.NUMBER, weights, {}) is held


def test_an_amount_said_unknown_answers_no_count() -> None:
    # «كم عدد أفراد الوفد؟» is not answered by «غير متأكد من المدة»
    text = "وقال إنه غير متأكد من المدة التي سيبقى فيها الوفد."
    weights = {analyze_token(normalize(w)): 1.0 for w in ("أفراد", "الوفد")}
    assert not answer_types.holds(text, answer_types.NUMBER, weights, {}, spans=False)


def test_a_date_said_unknown_answers_no_when() -> None:
    # «متى …؟» over «من دون تحديد تاريخ» answered near misses on what else the sentence
    # dates (left out: only how long reads it)
    text = "وسيحضر الوزير عرضا عسكريا في العاصمة من دون تحديد تاريخ."
    weights = {analyze_token(normalize(w)): 1.0 for w in ("الوزير", "عرضا")}
    assert not answer_types.holds(text, answer_types.TIME, weights, {})


# ------------------------------------------------ who asked first: no amount asked

@pytest.mark.parametrize("question", [
    "مين بيقرر قديش بيضل الوفد التونسي بالجزائر؟",
    "منو يعرف متى يرجع الوزير؟",
    "من قال كم سيبقى الوفد؟",
])
def test_who_before_how_much_asks_who(question) -> None:
    assert answer_types.answer_type(question) is None


@pytest.mark.parametrize("question, kind", [
    ("من كم يوم وصل الوزير؟", answer_types.NUMBER),  # «من» a preposition: since
    ("من متى تحارب روسيا أوكرانيا؟", answer_types.TIME),
    ("كم يوما بقي الوزير؟", answer_types.NUMBER),
])
def test_from_before_how_much_still_asks_it(question, kind) -> None:
    assert answer_types.answer_type(question) == kind


# ------------------------------------------------ «لضيفه»: the actor's guest

GUESTS = [
    _article("gifts", "صحيفة الشروق", "تبادل الهدايا في قصر المرادية",
             "وأهدى الرئيس الجزائري وزير الخارجية التونسي سامي الهادفي مصحفا مخطوطا، وتلقى "
             "في المقابل لوحة فنية من الخزف التونسي.\n\n"
             "واستقبل الرئيس الجزائري في اليوم نفسه رئيس الوزراء المالي في زيارة قصيرة."),
    _article("rain", "موقع الخبر", "أمطار غزيرة في الشرق الجزائري",
             "تسببت أمطار غزيرة في فيضانات بولاية قسنطينة الأربعاء.\n\n"
             "وقالت الحماية المدنية إن فرقها أجلت عشرات العائلات."),
]


@pytest.mark.parametrize("question", [
    "ماذا أهدى الرئيس الجزائري لضيفه التونسي؟",
    "ما الذي قدمه الرئيس الجزائري هدية لضيفه التونسي؟",
])
async def test_a_gift_to_the_actors_guest_is_answered(engine_over, question) -> None:
    engine = await engine_over(GUESTS)
    answer = await engine.answer(question, 3)
    assert signal(answer, "frame_apart") == 0.0
    assert answer.answered and has(answer.hits[0].text, "مصحفا"), (
        question, [h.text for h in answer.hits])


@pytest.mark.parametrize("question, recipient", [
    ("ماذا أهدى بوتين لضيفه البيلاروسي؟", "البيلاروسي"),
    ("ماذا قدم كيم لنظيره الصيني؟", "الصيني"),
])
def test_the_guest_is_the_one_the_adjective_names(question, recipient) -> None:
    asked = _frame(question)
    assert asked is not None and asked.recipient == analyze_token(normalize(recipient))


async def test_a_gift_to_a_guest_of_another_country_is_declined(engine_over) -> None:
    # the Malian guest was received, never given a gift
    engine = await engine_over(GUESTS)
    answer = await engine.answer("ماذا أهدى الرئيس الجزائري لضيفه المالي؟", 3)
    assert not answer.answered, [h.text for h in answer.hits]
