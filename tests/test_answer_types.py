"""What a question asks for (an amount, a time) and whether a passage holds one where it
matches the question (retrieval/answer_types.py; issue 12, second round)."""

from __future__ import annotations

import pytest

from retrieval.analysis import analyze, analyze_question
from retrieval.answer_types import (
    NAME,
    NUMBER,
    PROPERTY_TERMS,
    SAYING,
    TIME,
    YES_NO,
    answer_type,
    decision_type,
    holds,
    holds_near,
    names_beside,
    with_article,
)
from retrieval.countries import country_terms


@pytest.mark.parametrize("question, kind", [
    ("كم طالت المباحثات بين الوفدين؟", NUMBER),
    ("قديش طولت المحادثات؟", NUMBER),  # Levantine
    ("بكم بيعت اللوحة؟", NUMBER),
    ("ما عدد القتلى في الزلزال؟", NUMBER),
    ("ما مدة الزيارة؟", NUMBER),
    ("كام سنة قعد في السجن؟", NUMBER),  # Egyptian
    ("متى ولد نجيب محفوظ؟", TIME),
    ("امتى وصل الوفد؟", TIME),
    ("في أي عام تأسست الجامعة؟", TIME),
    ("في أي يوم وقع الهجوم؟", TIME),
    ("من هو الناطق باسم الحكومة؟", None),
    ("أين عقد الاجتماع؟", None),
    ("هل التقى الرئيسان؟", None),
    ("ماذا قال الوزير عن الميزانية؟", None),
    ("الجامعة العربية", None),
])
def test_the_question_word_says_what_kind_of_answer_is_asked(question, kind) -> None:
    assert answer_type(question) == kind


def weights(question: str) -> dict[str, float]:
    return dict.fromkeys(analyze(question), 1.0)


@pytest.mark.parametrize("text", [
    "استمرت المحادثات بين الوفدين قرابة ساعتين.",  # a unit's dual
    "استمرت المحادثات بين الوفدين وتوقفت مرتين.",  # twice
    "استمرت المحادثات بين الوفدين ثلاث ساعات.",  # a number word
    "استمرت المحادثات بين الوفدين 3 ساعات.",
    "استمرت المحادثات بين الوفدين ٣ ساعات.",  # Arabic-Indic digits
    "استمرت المحادثات بين الوفدين بضعة أيام.",
    "استمرت المحادثات بين الوفدين عشرات الساعات.",
])
def test_an_amount_in_the_matching_sentence_is_a_candidate(text) -> None:
    assert holds(text, NUMBER, weights("كم استمرت المحادثات بين الوفدين؟"), {})


@pytest.mark.parametrize("text", [
    "استمرت المحادثات بين الوفدين طويلا.",
    # the amount is there, but in a sentence that does not match the question
    "استمرت المحادثات بين الوفدين طويلا. وفي مدينة أخرى جرت 5 مباريات.",
])
def test_no_amount_where_the_question_matches_is_no_candidate(text) -> None:
    assert not holds(text, NUMBER, weights("كم استمرت المحادثات بين الوفدين؟"), {})


@pytest.mark.parametrize("text, held", [
    ("ووصل الوفد إلى القاهرة الثلاثاء.", True),  # a weekday, written with و and ال
    ("ووصل الوفد إلى القاهرة في 12 مارس.", True),
    ("ووصل الوفد إلى القاهرة في أيلول.", True),
    ("ووصل الوفد إلى القاهرة أمس.", True),
    ("ووصل الوفد إلى القاهرة عندما انتهت القمة.", True),
    ("ويصل الوفد إلى القاهرة الشهر المقبل.", True),  # a time said relative to now
    ("ووصل الوفد إلى القاهرة الأسبوع الماضي.", True),
    ("ويصل الوفد إلى القاهرة في الزيارة القادمة.", True),
    ("ووصل الوفد إلى القاهرة على متن طائرة خاصة.", False),
])
def test_a_time_in_the_matching_sentence_is_a_candidate(text, held) -> None:
    assert holds(text, TIME, weights("متى وصل الوفد إلى القاهرة؟"), {}) is held


def test_a_spelling_of_a_question_word_counts_as_it_when_finding_the_sentence() -> None:
    # (بلغت, not وصلت: the stemmer reads وصلت as وصل since the root's و is kept)
    text = "انتهى الاجتماع. بلغت البعثة القاهرة يوم الاثنين."
    question = weights("متى وصل الوفد؟")
    assert not holds(text, TIME, question, {})  # no sentence holds any question word
    assert holds(text, TIME, question, {"وفد": {analyze("البعثة")[0]},
                                        "وصل": {analyze("بلغت")[0]}})


def test_a_year_is_a_time_not_an_amount() -> None:
    text = "زار الوفد المصنع منذ عام 2019."
    assert not holds(text, NUMBER, weights("كم سعر المصنع الذي زاره الوفد؟"), {})
    assert holds(text, TIME, weights("متى زار الوفد المصنع؟"), {})
    assert holds("زار الوفد المصنع 2019 مرة.", TIME, weights("متى زار الوفد المصنع؟"), {})


# --------------------------------------------------------------------------- near the words asked

def term(word: str) -> str:
    return analyze(word)[0]


@pytest.mark.parametrize("question, anchor, text, near", [
    # «كم عدد أبناء بوتين؟»: the number must count the children, not the handshake
    ("كم عدد أبناء الرئيس؟", "أبناء", "صافح الرئيس ضيفه لنحو 40 ثانية في القاعدة.", False),
    ("كم عدد أبناء الرئيس؟", "أبناء", "للرئيس ثلاثة أبناء وابنتان.", True),
    ("كم عدد ضحايا الفيضان في المدينة؟", "ضحايا",
     "غمر الفيضان المدينة وأغلقت 12 مدرسة أبوابها في الأحياء الشرقية من المدينة.", False),
    # «في أي عام وُلد بوتين؟»: a year in a sentence naming him, but not his birth
    ("في أي عام ولد الكاتب؟", "ولد", "زار الكاتب القاهرة في العام 2000 وألقى محاضرة.", False),
    ("في أي عام ولد الكاتب؟", "ولد", "ولد الكاتب في القاهرة عام 1911.", True),
    ("متى افتتح المتحف؟", "افتتح", "زار الوزير المتحف يوم الأربعاء مع الوفد.", False),
    ("متى افتتح المتحف؟", "افتتح", "افتتح المتحف يوم الأربعاء بحضور الوزير.", True),
])
def test_an_amount_or_a_time_answers_only_beside_the_words_asked(
        question, anchor, text, near) -> None:
    kind = answer_type(question)
    assert holds_near(text, kind, weights(question), {}, [term(anchor)]) is near


def test_the_time_noun_framing_a_question_is_no_anchor() -> None:
    """«في أي عام ...»: a year written beside «العام» does not date what was asked."""
    question = "في أي عام ولد الكاتب؟"
    text = "وكان الكاتب في العام 2000 يزور القاهرة."
    assert not holds_near(text, TIME, weights(question), {}, [term("عام"), term("ولد")])


# --------------------------------------------------------------------------- a name asked for

@pytest.mark.parametrize("question, kind", [
    ("ما اسم القطار المدرع؟", NAME),
    ("شو اسم الفندق اللي نزل فيه؟", NAME),  # Levantine
    ("من هو الناطق باسم الحكومة؟", NAME),
    ("مين المدرب الجديد؟", NAME),
    ("من زار الرئيس؟", None),  # who did something: no role to name
    ("ماذا قال الوزير عن الميزانية؟", SAYING),
    ("هل التقى الرئيسان؟", YES_NO),
    ("كم عدد القتلى؟", NUMBER),
])
def test_a_question_asking_the_name_of_a_thing_or_a_role_is_a_kind(question, kind) -> None:
    assert decision_type(question) == kind


@pytest.mark.parametrize("question, text, named", [
    ("ما اسم القاعدة التي التقى فيها الرئيسان؟",
     "التقى الرئيسان في قاعدة مطار فوستوتشني الفضائية.", True),  # a noun, then the name
    ("ما اسم الصاروخ الذي زار الوفد صالة تجميعه؟",
     "زار الوفد صالة تجميع الصاروخ الفضائي أنغارا.", True),  # past its adjective
    ("من هو المتحدث باسم الكرملين؟",
     "وقال دميتري بيسكوف المتحدث باسم الكرملين إن الزيارة مفيدة.", True),  # name first
    ("ما اسم الزعيم البيلاروسي؟",
     "وتوجه إلى سوتشي للقاء ألكسندر لوكاشينكو، الزعيم البيلاروسي.", True),
    # the noun asked about, with no name beside it
    ("ما اسم القطار المدرع الذي سافر به الزعيم؟",
     "سافر الزعيم إلى روسيا على متن قطاره المدرع، كان يبحث عن دعم.", False),
    ("ما اسم الفندق الذي نزل فيه الوفد؟", "نزل الوفد في الفندق الفخم ثم غادر.", False),
    ("ما اسم المترجم الذي رافق الوزير؟", "رافق المترجم الوزير في كل لقاءاته.", False),
])
def test_a_name_beside_the_noun_asked_about_names_it(question, text, named) -> None:
    asked = dict.fromkeys(analyze_question(question), 1.0)  # «اسم» frames, it is no term
    assert names_beside(text, next(iter(asked)), asked, {}) is named


def test_a_word_the_coverage_writes_with_the_article_is_no_name() -> None:
    asked = dict.fromkeys(analyze_question("ما اسم المصنع الذي زاره الوزير؟"), 1.0)
    text = "زار الوزير مصنع طائرات مدنية."
    common = with_article(["صنعت الطائرات المدنية والعسكرية"])
    assert names_beside(text, term("مصنع"), asked, {})  # طائرات might be a name
    assert names_beside(text, term("مصنع"), asked, {}, common) is False


def test_a_passage_without_the_noun_asked_about_says_nothing_of_its_name() -> None:
    asked = dict.fromkeys(analyze_question("ما اسم الفندق؟"), 1.0)
    assert names_beside("وصل الوفد إلى المدينة.", term("فندق"), asked, {}) is None


# --------------------------------------------------------------------------- properties

@pytest.mark.parametrize("word", ["عمر", "وُلد", "زوجة", "ابنة", "أبناء", "سعر", "تكلفة",
                                  "وزن", "لون", "الطقس", "راتب", "درس"])
def test_properties_news_of_an_event_seldom_states_are_known(word) -> None:
    assert term(word) in PROPERTY_TERMS


@pytest.mark.parametrize("word", ["عرض", "مرت", "قال", "زيارة", "قمة", "هدية", "قطار"])
def test_words_an_event_is_told_in_are_no_properties(word) -> None:
    assert term(word) not in PROPERTY_TERMS


# --------------------------------------------------------------------------- countries

@pytest.mark.parametrize("word", ["الصين", "الصيني", "البرازيل", "اليابان", "الهند", "الهندي",
                                  "إيران", "الإيراني", "ألمانيا", "الألماني", "مصر", "فرنسا"])
def test_a_country_and_its_people_are_country_terms(word) -> None:
    assert term(word) in country_terms()


@pytest.mark.parametrize("word", ["الرئيس", "جمهورية", "المتحدة", "الجنوبية", "العرب",
                                  "الوزير", "قطار"])
def test_words_many_country_names_share_are_not_country_terms(word) -> None:
    assert term(word) not in country_terms()
