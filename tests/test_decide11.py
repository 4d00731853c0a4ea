"""The kinds the decision failed on over the six blind writers' questions (issue 12, round
10: seeds-blind5 and -blind6 fitted too, each its own fold). Every question here is
invented for its kind; none is a blind set's.
"""

from __future__ import annotations

import numpy as np
import pytest
from test_decide import signal

from benchmarks.fit_decision import BLIND, folds
from retrieval.analysis import analyze_token, normalize
from retrieval.countries import not_countries
from retrieval.decide import _frame, _NamePairs, one_edit


def term(word: str) -> str | None:
    return analyze_token(normalize(word))


# ---------------------------------------- the time or amount of an event never told

@pytest.mark.parametrize("question", [
    "في أي عام شيدت قاعدة فوستوتشني؟",  # built: the coverage never tells it
    "متى سيهبط أول رائد فضاء كوري شمالي على القمر؟",
    "متى ستنتهي أعمال توسيع قاعدة فوستوشني؟",
    "كم بلغ عمر الاتفاقية؟",  # past the verb that only frames the amount
])
async def test_the_time_of_an_event_the_coverage_never_tells_is_declined(
        seeded, question) -> None:
    answer = await seeded.answer(question, k=3)
    assert signal(answer, "event_unknown") == 1.0
    assert not answer.answered


@pytest.mark.parametrize("question, said", [
    ("متى وصل كيم إلى روسيا؟", "الثلاثاء"),
    ("كم استغرقت المصافحة بين الرئيسين؟", "40"),  # استغرقت frames; the event: المصافحة
    ("كم دامت المصافحة بين بوتين وكيم؟", "40"),
    ("متى زار شويغو بيونغيانغ؟", "يوليو"),
])
async def test_the_time_of_an_event_the_coverage_tells_is_answered(
        seeded, question, said) -> None:
    answer = await seeded.answer(question, k=3)
    assert signal(answer, "event_unknown") == 0.0
    assert answer.answered
    assert said in answer.hits[0].text


@pytest.mark.parametrize("a, b", [
    ("يباغ", "يبلغ"),  # a letter changed
    ("انطلت", "انطلقت"),  # one added
    ("تزويج", "تزوج"),
    ("سافرت", "سافتر"),  # two swapped
])
def test_a_typo_is_one_edit_from_its_word(a, b) -> None:
    assert one_edit(a, b) and one_edit(b, a)


@pytest.mark.parametrize("a, b", [
    ("ولد", "ولي"),  # three letters: one from too many others
    ("افتتح", "افتتح"),  # the same word
    ("افتتح", "انتهى"),
    ("سينطلق", "انطلاق"),
])
def test_other_words_are_not_one_edit_apart(a, b) -> None:
    assert not one_edit(a, b)


# --------------------------------------------- who gave whom, as readers ask it

NAMES = _NamePairs(["أهدى فلاديمير بوتين قفازا للزعيم الكوري الشمالي كيم جونغ أون.",
                     "واستقبل بوتين كيم في القاعدة، وقال سيرغي لافروف إن الزيارة ناجحة."])


@pytest.mark.parametrize("question, actor, recipient", [
    # the thing asked in more than one word before «الذي/التي»
    ("ما القفاز الفضائي الذي أهداه كيم لبوتين؟", "كيم", "لبوتين"),
    ("ما البندقية الكورية الصنع التي قدمها لافروف لبوتين؟", "لافروف", "لبوتين"),
    # the actor's name in the words the coverage writes only after its first
    ("هل أهدى كيم جونغ أون لبوتين قفازا؟", "كيم", "لبوتين"),
    # a verb of giving's first object, past the actor's name
    ("هل أهدى كيم جونغ أون بوتين قفازا؟", "كيم", "بوتين"),
    ("لماذا أعطى لافروف كيم بندقية؟", "لافروف", "كيم"),
])
def test_a_gift_is_read_as_who_gave_whom(question, actor, recipient) -> None:
    asked = _frame(question, NAMES)
    assert asked is not None
    assert (asked.actor, asked.recipient) == (term(actor), term(recipient))


@pytest.mark.parametrize("question", [
    "هل أهدى فلاديمير بوتين كيم قفازا؟",  # بوتين is the rest of the actor's name
    "هل أهدى بوتين قفازا؟",  # an indefinite object is the thing given
])
def test_no_recipient_is_read_where_none_is_named(question) -> None:
    asked = _frame(question, NAMES)
    assert asked is not None and asked.recipient in (None, term("قفازا"))
    assert asked.recipient != term("بوتين")


@pytest.mark.parametrize("question", [
    "ما القفاز الفضائي الذي أهداه شويغو لكيم؟",  # another giver
    "ما البندقية الكورية الصنع التي أهداها لافروف لبوتين؟",
    "هل أهدى كيم جونغ أون بوتين قفاز رائد فضاء؟",  # the gift the other way round
    "لماذا أهدى كيم جونغ أون بوتين قفازا؟",
    "هل أهدى كيم جونغ أون لافروف قفازا؟",
])
async def test_a_gift_other_than_the_coverage_reports_weighs_against(
        seeded, question) -> None:
    answer = await seeded.answer(question, k=3)
    assert signal(answer, "frame_apart") + signal(answer, "role_swap") >= 1.0


@pytest.mark.parametrize("question", [
    "ما القفاز الفضائي الذي أهداه بوتين لكيم؟",
    "هل أهدى بوتين كيم قفاز رائد فضاء؟",
    "هل أهدى فلاديمير بوتين كيم جونغ أون قفازا؟",
])
async def test_the_gift_the_coverage_reports_is_answered(seeded, question) -> None:
    answer = await seeded.answer(question, k=3)
    assert signal(answer, "frame_apart") == signal(answer, "role_swap") == 0.0
    assert answer.answered
    assert "قفاز" in answer.hits[0].text


# ----------------------------------------------------------------- the fit's folds

def test_six_blind_writers_are_fitted_each_a_fold_of_its_own() -> None:
    """seeds-blind5 and -blind6 joined the fit: with one fold per writer, no model that
    scores a blind question saw any question its writer wrote."""
    assert {"seeds-blind5.jsonl", "seeds-blind6.jsonl"} <= set(BLIND)
    groups = np.array(["arcd:a", *(f"blind:{name}" for name in BLIND), "key:x"])
    fold = folds(groups, len(BLIND))
    assert sorted(int(fold[1 + i]) for i in range(len(BLIND))) == list(range(len(BLIND)))


# ------------------------------------- a country's name written with an article it never takes

@pytest.mark.parametrize("question, word", [
    ("هو كيم جه روسيا بإيه؟ بالقطر ولا بالطيارة؟", "قطر"),  # by train (Egypt's القطر)
    ("ما موقف القطر العربي السوري؟", "قطر"),  # the region
    ("ماذا قالت المصر؟", "مصر"),
])
def test_a_country_name_with_an_article_it_never_takes_is_no_country(question, word) -> None:
    assert term(word) in not_countries(question)


@pytest.mark.parametrize("question", ["هل زار أمير قطر موسكو؟", "هل سافر كيم بالقطر إلى قطر؟",
                                      "هل التقى كيم برئيس الصين؟"])
def test_a_country_written_as_its_name_is_still_a_country(question) -> None:
    assert not not_countries(question)


@pytest.mark.parametrize("question", ["هل سافر كيم إلى روسيا بالقطر المدرع؟",
                                      "كيم وصل روسيا بالقطر؟"])
async def test_by_train_in_dialect_is_no_unknown_country(seeded, question) -> None:
    answer = await seeded.answer(question, k=3)
    assert signal(answer, "unknown_country") == 0.0
    assert answer.answered


@pytest.mark.parametrize("question", ["هل زار أمير قطر روسيا؟", "هل التقى كيم بأمير قطر؟"])
async def test_a_country_the_coverage_never_names_still_weighs_against(
        seeded, question) -> None:
    answer = await seeded.answer(question, k=3)
    assert signal(answer, "unknown_country") > 0.0
    assert not answer.answered
