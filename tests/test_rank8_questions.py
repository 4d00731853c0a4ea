"""Issue 12, eighth round: the right passage first for paraphrased questions.

tests/data/seeds-rank8.jsonl (tuned on) and seeds-rank8-heldout.jsonl (held out by the md5
of the question before any result was seen): readers half-remembering a story, in other
verbs and nouns, titles for names, causes asked as لماذا, consequences, descriptions.
The kinds fixed: a question word the answering passage says only in a word of its class
or in the word it inflects (تباحث / محادثات, صنعت / مصنوعة) was credited nothing by the
trigram fields while a passage holding the word itself, and nothing else asked, led
(rerank.KIN_GRAMS); «بماذا وصف X Y؟» asks for X's words (rerank.describer); the actor
cue lifted «التقى الزعيمان» for «لماذا التقى الزعيمان …؟»; the lexicon lacked the words
of death (حتف، مصرع) and of talks (تباحث)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from question_files import check_question_files
from test_related_rerank import _counts

from retrieval import rerank
from retrieval.analysis import analyze, analyze_token, normalize
from retrieval.engine import Marsad
from retrieval.evaluate import eval_questions, load_questions
from retrieval.synonyms import inflected, kin, related, synonyms

FILES = ("seeds-rank8.jsonl", "seeds-rank8-heldout.jsonl")


def test_every_key_is_in_a_seed_passage_and_no_question_is_asked_twice(seeds_dir,
                                                                       data_dir) -> None:
    check_question_files(seeds_dir, data_dir, FILES, at_least=150)


async def test_the_top_passage_answers_as_measured(engine: Marsad, data_dir) -> None:
    """Through answer() (answered, top passage holds a key): measured 0.529 tuned on (0.506
    on main before the round) and 0.489 held out (0.466); floors just under. Main after the
    round's merge: 0.529 and 0.477."""
    tuned = await eval_questions(engine, load_questions(data_dir / FILES[0]))
    held = await eval_questions(engine, load_questions(data_dir / FILES[1]))
    assert tuned["answerable"]["answer@1"] >= 0.52, tuned["failures"]
    # 0.477 (42 of 88) with decide7's refit pooling newsroom8 with the seed questions
    assert held["answerable"]["answer@1"] >= 0.47, held["failures"]


# The seeds say these in other words than the question's: «المفاوضات» as «محادثات …
# وشارك في المناقشات», «القتال» as «المعركة», «تحتاج» as «تريد», «التفاوض» as
# «محادثات». Each led with a passage holding the asked word and no answer.
RELATED = [
    ("من حضر المفاوضات من المسؤولين الروس؟", "شويغو"),
    ("ضد ماذا تعهد كيم بالقتال إلى جانب موسكو؟", "ضد السياسات الاستعمارية"),
    ("لماذا تحتاج موسكو إلى قذائف بيونغيانغ؟", "لحربها في أوكرانيا"),
    # («كيف أجاب بوتين عن سؤال مساعدة بيونغيانغ في الأقمار؟» left out in rank10: it led by
    # its article's title's «دعم», a related word of «مساعدة» its text never says; counted
    # in the text alone (rerank.related_share) it is fourth: «علق» is no related word of
    # «أجاب» in the lexicon, «ستساعد» none of «مساعدة»)
    ("ما مدة التفاوض بين الوفدين؟", "قرابة ساعتين"),
]


@pytest.mark.parametrize("question, key", RELATED)
async def test_the_passage_saying_it_in_related_words_leads(engine: Marsad, question: str,
                                                             key: str) -> None:
    answer = await engine.answer(question)
    assert answer.hits and normalize(key) in normalize(answer.hits[0].text), \
        [h.text[:80] for h in answer.hits]


# «تحتاج» is a word of the wanting class itself since lexicon.py's seventeenth round: its
# passage leads without the trigram credit too; and «ضد» is a content word since para21
# (analysis.STOPWORDS): the passage saying «ضد السياسات الاستعمارية» holds it and leads
@pytest.mark.parametrize("question, key", [c for c in RELATED
                                           if "تحتاج" not in c[0] and "ضد" not in c[0]])
async def test_without_the_related_trigrams_another_passage_led(
        engine: Marsad, monkeypatch, question: str, key: str) -> None:
    """The credit is what lifts them: switched off, a passage holding the asked word
    itself («قبل مفاوضاته مع كيم …», «وأكد بوتين أن موسكو مستعدة …») leads again."""
    monkeypatch.setattr(rerank, "KIN_GRAMS", 0.0)
    top = (await engine.ranked(question, 1))[0][0]
    assert normalize(key) not in normalize(top.text)


@pytest.mark.parametrize("question", [
    "كم من الوقت تباحث الوفدان؟",
    "كم ساعة تباحث الجانبان؟",
    "كم استغرق التباحث بين الوفدين؟",
])
async def test_talks_asked_as_a_verb_of_talking_reach_the_talks(engine: Marsad,
                                                                 question: str) -> None:
    """«تباحث» is a word of the talks' class (lexicon.py): the passage saying «وأجريا
    محادثات … استمرت قرابة ساعتين» answers, not Peskov's «المدة التي سيبقى فيها الوفد»."""
    answer = await engine.answer(question)
    assert answer.hits and "قرابة ساعتين" in answer.hits[0].text


@pytest.mark.parametrize("word, base", [
    ("قتيلا", "قتيل"),  # the accusative's tanwin alef
    ("مقررا", "مقرر"),
    ("صنعت", "صنع"),  # a past verb's feminine ت
    ("زودت", "زود"),
    ("انتهت", "انتهى"),
    ("اجتمعوا", "اجتمع"),  # the plural verb's وا
    ("سيحارب", "يحارب"),  # the future's س
    ("ستسافر", "تسافر"),
])
def test_a_word_the_stemmer_keeps_inflected_reads_as_its_base(word: str, base: str) -> None:
    term = analyze_token(normalize(word))
    assert analyze_token(normalize(base)) in inflected(term)
    assert analyze_token(normalize(base)) in kin(term)


@pytest.mark.parametrize("word", ["قفاز", "بيت", "سياسة", "سيارة", "كيم", "روس"])
def test_words_that_are_no_such_inflection_stay_as_they_are(word: str) -> None:
    assert not inflected(analyze_token(normalize(word)))


def test_kin_is_the_class_and_the_inflected_base_never_the_roots_other_forms() -> None:
    """توجد (exists) and وجدت (found) share a root, not a meaning: derivations relate them
    for the decision, the trigram credit takes only the lexicon's class and inflections."""
    talks = analyze_token(normalize("تباحث"))
    assert analyze_token(normalize("محادثات")) in kin(talks)
    made = analyze_token(normalize("صنعت"))
    assert analyze_token(normalize("مصنوعة")) in kin(made)  # صنع's class
    exists = analyze_token(normalize("يتبادل"))
    assert related(exists) - kin(exists)  # its derivations: related, not kin


@pytest.mark.parametrize("word, kind", [
    ("حتفهم", "قتلى"), ("مصرع", "قتيل"), ("مصرعه", "مقتل"),
    ("حتف", "وفاة"), ("استشهد", "شهداء"), ("يحارب", "حرب"), ("خاض", "حرب"),
])
def test_the_words_of_dying_and_fighting_are_one_class(word: str, kind: str) -> None:
    assert analyze_token(normalize(kind)) in synonyms(analyze_token(normalize(word)))


@pytest.mark.parametrize("question, who", [
    ("بماذا وصف بيسكوف الزيارة؟", "بيسكوف"),
    ("كيف وصف الكرملين زيارة كيم؟", "الكرملين"),
    ("كيف وصف الرئيس الروسي المحادثات؟", "الرئيس الروسي"),
    ("بماذا وصفت الوكالة الكورية الرحلة؟", "الوكالة الكورية"),
])
def test_a_describing_question_names_whose_words_it_asks(question: str, who: str) -> None:
    assert rerank.describer(question) == tuple(analyze(who))


@pytest.mark.parametrize("question", ["متى وصل كيم؟", "ما الوصف الذي أطلقه بوتين؟",
                                      "وصف الزيارة", "ماذا قال بيسكوف؟"])
def test_other_questions_name_no_describer(question: str) -> None:
    assert rerank.describer(question) == ()


@pytest.mark.parametrize("question", ["بماذا وصف بيسكوف الزيارة؟",
                                      "كيف وصف بيسكوف الرحلة؟"])
async def test_how_peskov_described_the_visit_is_his_words(engine: Marsad,
                                                          question: str) -> None:
    """The channels' «عن زيارة كيم ووصفتها بأنها نجاح» holds the verb; Peskov's «لكن بيسكوف
    قال إنها كانت بناءة للغاية» (a word of the visit's class, رحلة, in its sentence)
    answers."""
    answer = await engine.answer(question)
    assert answer.hits and "بناءة" in answer.hits[0].text, [h.text[:80] for h in answer.hits]


@pytest.mark.parametrize("question, when", [
    ("لماذا التقى الزعيمان في القاعدة؟", "متى التقى الزعيمان في القاعدة؟"),
    ("لماذا زار الزعيمان القاعدة؟", "متى زار الزعيمان القاعدة؟"),
])
def test_that_the_actor_acted_is_no_answer_to_why(question: str, when: str) -> None:
    texts = ["والتقى الزعيمان في القاعدة الفضائية صباح الأربعاء.",
             "وقال الرئيس إن الزيارة إلى القاعدة تهدف إلى تعزيز التعاون.",
             "وزار الزعيمان القاعدة الفضائية بعد اللقاء."]
    vocab: dict[str, int] = {}
    counts, distinct = _counts(texts, vocab)
    candidates = [rerank.Candidate("", t, 1.0, np.zeros(0, np.int64), 0) for t in texts]
    idf = {t: 1.0 for t in analyze(question)}
    assert not rerank.acting(question, candidates, counts, distinct, vocab, idf, {}).any()
    # the same words asked when, not why: the actor cue lifts the passage saying they did
    assert rerank.acting(when, candidates, counts, distinct, vocab, idf, {}).any()


def test_a_related_word_is_credited_with_the_asked_words_trigrams() -> None:
    """«محادثات» in a passage, «تباحث» asked: the related word's row gains the asked
    word's trigrams at KIN_GRAMS; an unrelated word's row gains nothing."""
    vocab: dict[str, int] = {}
    _, distinct = _counts(["وأجريا محادثات مطولة", "وأعلن الوزير النتائج"], vocab)
    asked = analyze_token(normalize("تباحث"))
    grams = sorted(set(rerank._grams(asked)))
    membership = np.zeros((len(distinct), len(grams)))
    rerank._kin_membership(membership, distinct, grams, {asked: 3.0}, {}, vocab)
    talks = int(np.searchsorted(distinct, vocab[analyze_token(normalize("محادثات"))]))
    assert membership[talks] == pytest.approx(np.full(len(grams), rerank.KIN_GRAMS))
    assert membership.sum() == pytest.approx(rerank.KIN_GRAMS * len(grams))


def test_the_credit_waits_for_a_question_said_otherwise() -> None:
    """When a candidate holds most of the question's weight itself (ARCD's questions copy
    their paragraph), related words stand in for nothing: no credit."""
    units = [([0], 2.0), ([1], 1.0)]
    counts = np.array([[1.0, 1.0], [0.0, 1.0]])
    distinct = np.array([0, 1], np.int64)
    assert not rerank._said_otherwise(counts, distinct, units)
    assert rerank._said_otherwise(counts[1:], distinct, units)
    weights = dataclasses.replace(rerank.WEIGHTS)
    assert weights.related > 0  # the share cue stays on beside the trigram credit
