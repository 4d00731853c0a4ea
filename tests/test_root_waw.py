"""Issue 12: the light stemmer keeps a root's و.

A word whose و is its root's first letter is not «and» + a word: وزارة (ministry) is not
و + زار (visited), وقعت (she signed) not و + قعت, which never meets وقع. Invented articles
(a health ministry, a signed accord), then the stemmer's terms alone."""

from __future__ import annotations

import datetime as dt

import pytest

from retrieval.analysis import analyze

DAY = dt.date(2025, 3, 9)


def _corpus():
    from retrieval.model import Article
    return [
        Article("clinic", "افتتاح مستشفى جديد في المدينة", "وكالة الأنباء", DAY, (
            "وقالت مصادر إن الرئيس زار المستشفى الجديد وزار الجرحى، وزار بعد ذلك مدرسة.",
            "وقالت الوزارة إن عدد المصابين ارتفع إلى أربعين شخصا.",
            "وأعلنت الوكالة أن الأدوية ستصل إلى المستشفى الأحد.",
        )),
        Article("accord", "اتفاق تجاري بين البلدين", "صحيفة الشمال", DAY, (
            "وقعت الحكومتان اتفاق التجارة الحرة يوم الخميس.",
            "وتحدث المسؤولون عن اتفاق التجارة الحرة ومزاياه للمصدرين في العاصمة منذ شهر.",
            "وصلت البعثة التجارية إلى الميناء مساء الجمعة.",
            "ويتحدث التجار عن البعثة التجارية منذ شهور.",
            "وجدت اللجنة أخطاء في حسابات البعثة.",
            "ويراجع المحاسبون حسابات البعثة كل عام.",
        )),
    ]


@pytest.mark.parametrize("question, key", [
    # declined before: وقع / وصل / وجد asked met no وقعت / وصلت / وجدت (قعت, صلت, جدت)
    ("متى وقع الاتفاق؟", "يوم الخميس"),
    ("متى وصل البعثة؟", "مساء الجمعة"),
    ("هل وجد شيء في حسابات البعثة؟", "أخطاء"),
    ("ماذا قالت الوزارة؟", "وقالت الوزارة"),
    ("ماذا أعلنت الوكالة؟", "وأعلنت الوكالة"),
])
async def test_a_root_waw_finds_its_passage(engine_over, question: str,
                                                              key: str) -> None:
    engine = await engine_over(_corpus())
    answer = await engine.answer(question)
    assert answer.answered and key in answer.hits[0].text, [h.text for h in answer.hits]


@pytest.mark.parametrize("words", [
    "وقعت وقع",  # she signed / he signed
    "وصلت وصل",
    "وجدت وجد",
    "وعدت وعد",
    "ولدت ولد",
    "الوزارة وزارة وزارات",
    "الوكالة وكالة وكالات",
])
def test_forms_of_a_word_in_root_waw_meet(words: str) -> None:
    assert len(set(analyze(words))) == 1, analyze(words)


@pytest.mark.parametrize("ministry, other", [
    ("وزارة", "زار"),  # ministry, visited
    ("الوزارة", "زارها"),
    ("وكالة", "كال"),  # agency, measured out
])
def test_a_root_waw_noun_never_meets_the_verb_left_without_it(ministry: str, other: str) -> None:
    assert set(analyze(ministry)).isdisjoint(analyze(other))


@pytest.mark.parametrize("words", [
    "وقال قال",  # and + said
    "وزار زار",
    "ودولة دولة",  # and + a state: the و is «and»
    "والدولة الدولة",
])
def test_and_before_a_word_still_goes(words: str) -> None:
    assert len(set(analyze(words))) == 1, analyze(words)
