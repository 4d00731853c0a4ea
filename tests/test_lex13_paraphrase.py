"""Paraphrases that share no word with their passage but a name (issue 12, thirteenth
round): how a reader judges («كيف قيّم …؟» for «مفيدة وبناءة»), counts years and months
(«كم سنة» for «75 عاما», «كم شهر» for «سبعة أشهر»), praises (امتدح / أشاد), names a
factory (معامل / مصانع), an orbit (يدور / مدار), getting (حصل / تلقى / نال), wanting
as looking for (تريد / تبحث عن); the Iraqi progressive د (دنروح), the Maghrebi باغي
(wanting) and «قاعد في الاجتماع» (took part). The corpus is invented
(another visit, other words); the seed-level floor is the development sets' paraphrase
and dialect questions."""

from __future__ import annotations

import datetime as dt

import pytest
from question_files import top_passages_right

from retrieval.analysis import analyze
from retrieval.dialects import to_msa
from retrieval.model import Article
from retrieval.synonyms import synonyms


def _term(word: str) -> str:
    return analyze(word)[0]


# --------------------------------------------------------------------------- the lexicon

@pytest.mark.parametrize("asked, said", [
    ("قيّم", "مفيدة"), ("تقييم", "ناجحة"), ("قيّم", "إيجابية"),  # judging: how it was judged
    ("سنة", "عاما"), ("سنوات", "أعوام"),  # a count of years in the press's word
    ("شهر", "أشهر"),  # the plural of a counted month
    ("يريد", "يبحث"), ("تسعى", "تبحث"),  # wanting: looking for (يبحث عن)
    ("الرئاسة", "منصب"),  # «تولى منصب الرئيس» is reaching the presidency
])
def test_a_question_word_reaches_the_words_that_answer_it(asked: str, said: str) -> None:
    assert _term(said) in synonyms(_term(asked))


@pytest.mark.parametrize("said, asked", [
    ("عام", "سنة"),  # «العام» is also general: «المدير العام» says no year
    ("أشهر", "شهر"),  # «أشهر» is also most famous
    ("مفيدة", "قيّم"),  # a useful thing is no judging
    ("يبحث", "يريد"),  # «يبحث الرئيسان …» discuss: no wanting
    ("بحث", "يريد"),  # research
    ("منصب", "الرئاسة"),  # a post is not always the presidency
])
def test_the_one_way_links_do_not_run_back(said: str, asked: str) -> None:
    assert _term(asked) not in synonyms(_term(said))


@pytest.mark.parametrize("asked, said", [
    ("امتدح", "أشاد"), ("يمتدح", "أثنى"), ("معامل", "مصانع"), ("معمل", "مصنع"),
    ("يدور", "مدار"), ("دوران", "مدارات"), ("حصل", "تلقى"), ("يحصل", "نال"),
])
def test_words_of_one_meaning_class_say_one_another(asked: str, said: str) -> None:
    assert _term(said) in synonyms(_term(asked))
    assert _term(asked) in synonyms(_term(said))


@pytest.mark.parametrize("dialect, msa", [
    ("دنروح للسوق", "نذهب"),  # Iraqi: we are going
    ("شنو دنسوي هسه", "نفعل"),
    ("شنو كان باغي كيم؟", "يريد"),  # Maghrebi: wanting
    ("شنو باغية روسيا من كوريا؟", "تريد"),  # before a verb it only frames it: dropped
    ("مين من الوزرا كانوا قاعدين بالاجتماع؟", "شارك"),  # sitting in a meeting: took part
    ("مين كان قاعد في القمة؟", "شارك"),
    ("مين قاعدة في المفاوضات؟", "شارك"),
])
def test_dialect_words_become_the_press_word(dialect: str, msa: str) -> None:
    assert msa in to_msa(dialect).split()


@pytest.mark.parametrize("dialect", ["كانوا قاعدين بالقطار؟", "قعد كيم قد إيه في روسيا؟"])
def test_sitting_elsewhere_is_no_taking_part(dialect: str) -> None:
    assert "شارك" not in to_msa(dialect).split()


# --------------------------------------------------------------------------- answering

TOUR = " في إطار جولة رسمية."  # the sibling passages as long as the answers
# (question, the passage that answers it, a sibling holding its names and no more)
CASES = [
    ("كيف قيّم المتحدث باسم الحكومة الإندونيسية المحادثات؟",  # قيّم: مفيدة
     "وقال المتحدث باسم الحكومة الإندونيسية إن المحادثات كانت مفيدة وبناءة للغاية.",
     "وعقد المتحدث باسم الحكومة الإندونيسية مؤتمرا عن المحادثات" + TOUR),
    ("كيف قيم وزير التجارة الجولة الآسيوية؟",  # قيّم: ناجحة
     "ووصف وزير التجارة الجولة الآسيوية بأنها ناجحة وفتحت أسواقا جديدة.",
     "وبدأ وزير التجارة الجولة الآسيوية من طوكيو" + TOUR),
    ("كم سنة مضت على تأسيس جامعة باندونغ التقنية؟",  # سنة: عاما
     "وتحتفل جامعة باندونغ التقنية بمرور 60 عاما على تأسيسها.",
     "وتضم جامعة باندونغ التقنية منذ تأسيسها عشرين ألف طالب" + TOUR),
    ("ما الذي امتدحه الرئيس ويدودو في سولاويزي؟",  # امتدح: أشاد
     "وأشاد الرئيس ويدودو بجهود فرق الإنقاذ في جزيرة سولاويزي.",
     "وزار الرئيس ويدودو جزيرة سولاويزي" + TOUR),
    ("أي معامل للأدوية في سورابايا؟",  # معامل: مصانع
     "وتفقد الوزير مصانع الأدوية في منطقة سورابايا الصناعية.",
     "وارتفعت أسعار الأدوية في سورابايا" + TOUR),
    ("متى يدور قمر إندونيسي حول الأرض؟",  # يدور: مدار
     "ويهدف البرنامج إلى وضع أول قمر إندونيسي في مدار حول الأرض عام 2027.",
     "ويصور قمر إندونيسي الأرض" + TOUR),
    ("ما الذي حصل عليه فريق جاكرتا؟",  # حصل: تلقى
     "وتلقى فريق جاكرتا جائزة قدرها مليون دولار بعد فوزه بالبطولة.",
     "وتأسس فريق جاكرتا قبل نصف قرن" + TOUR),
    ("ماذا تريد شركة غارودا في أوروبا؟",  # تريد: تبحث (عن)
     "وقال محللون إن شركة غارودا تبحث عن شركاء جدد في أوروبا.",
     "وتوسعت شركة غارودا في أوروبا" + TOUR),
]


PRESIDENCY = ("متى بلغ سوهارتو الرئاسة؟",  # الرئاسة: منصب
              "وتولى سوهارتو منصب الرئيس عام 1967 بعد أزمة طويلة.",
              "وحكم سوهارتو البلاد عقودا" + TOUR)


@pytest.fixture
async def jakarta(engine_over):
    return await engine_over([
        Article("jakarta-week", "أسبوع في جاكرتا", "وكالة أنتارا", dt.date(2025, 3, 6),
                tuple(p for _, answer, sibling in (*CASES, PRESIDENCY)
                      for p in (answer, sibling))),
    ])


@pytest.mark.parametrize("question, passage", [(q, answer) for q, answer, _ in CASES])
async def test_a_reader_paraphrase_reaches_the_passage_that_answers_it(jakarta, question,
                                                                       passage) -> None:
    """Each question shares only names (and at most one other word) with its passage; the
    sibling passage holds the same names and no more, as long. Before this round the
    sibling came first for all but the years question, which was declined."""
    answer = await jakarta.answer(question)
    assert answer.answered and answer.hits[0].text == passage


async def test_the_presidency_is_reached_in_the_post_of_president(jakarta) -> None:
    """«الرئاسة» asked, «منصب الرئيس» said: the passage leads (the sibling did before);
    over the seeds the same link turned eight declines into answers, here the decision
    still declines a question whose other word (بلغ) the passage lacks."""
    question, passage, _ = PRESIDENCY
    answer = await jakarta.answer(question)
    assert answer.hits[0].text == passage


# --------------------------------------------------------------------------- over the seeds

# The development sets' paraphrase and dialect questions (six writers), top passage right
# (answered or not), just under what was measured: 307 of 401 before this round, 324 after.
SETS = ("seeds-unseen.jsonl", "seeds-blind2.jsonl", "seeds-blind3.jsonl",
        "seeds-blind4.jsonl", "seeds-blind5.jsonl", "seeds-blind6.jsonl")
TOP_FLOOR = 323


async def test_paraphrase_and_dialect_top_passage_over_the_seeds(seeded_db, data_dir) -> None:
    right, asked = await top_passages_right(seeded_db, data_dir, SETS, ("paraphrase", "dialect"))
    assert asked == 401
    assert right >= TOP_FLOOR, right


@pytest.mark.parametrize("question, reading", [
    ("كم سنة مضت على تأسيس الجامعة؟", "مر"),  # MSA: years passed
    ("كم عاما مضى على افتتاح الجسر؟", "مر"),
    ("مضت ثلاثة أشهر على الاتفاق", "مر"),
    ("مضى عامان على الزلزال", "مر"),
    ("هما مضوا على إيه في الزيارة؟", "وقع"),  # Egyptian: they signed
    ("الوزيرين مضوا على اتفاق؟", "وقع"),
])
def test_passed_beside_a_span_of_time_is_not_signed(question, reading) -> None:
    """«مضى» beside a span of time is MSA «passed»; the Egyptian «مضوا على» (signed) keeps
    its reading. Read as signing, «كم سنة مضت على تأسيس …» asked the time of a signing the
    coverage never tells, and was declined over «بمرور 60 عاما على تأسيسها»."""
    assert any(word.startswith(reading) for word in to_msa(question).split())
