"""Paraphrases that share no word with their passage but a name (issue 12, fifteenth
round): television for the channels (التلفزيون / القنوات), war-words for the military
(الحربية / العسكرية، الدفاعي / العسكري), looking over (يطّلع / يتفقد), boasting (تباهى /
فخور), a garment for its pieces (لباس / بزة،
قفاز), a preposition glued to a word the stemmer keeps whole (كتذكار / تذكار: هدية), and
the Egyptian «فضل قد إيه» (stayed how long: lasted). The corpus is invented (a visit to
Nairobi, other words); the seed-level floor is the development sets' paraphrase and
dialect questions."""

from __future__ import annotations

import datetime as dt

import pytest
from question_files import top_passages_right

from retrieval.analysis import analyze
from retrieval.dialects import to_msa
from retrieval.model import Article
from retrieval.synonyms import related, synonyms, unglued


def _term(word: str) -> str:
    return analyze(word)[0]


# --------------------------------------------------------------------------- the lexicon

@pytest.mark.parametrize("asked, said", [
    ("التلفزيون", "القنوات"), ("التلفزة", "قناة"), ("تلفزيونية", "القناة"),
    ("الحربية", "العسكرية"), ("حربي", "عسكري"), ("الدفاعي", "العسكري"),
    ("يطّلع", "تفقد"), ("اطلع", "يتفقد"), ("اطلاع", "تفقد"),
    ("تباهى", "فخورة"), ("يتفاخر", "يفخر"), ("التفاخر", "اعتزاز"),
    ("حاكم", "يرأس"), ("الحاكم", "ترأس"),
])
def test_words_of_one_meaning_class_say_one_another(asked: str, said: str) -> None:
    assert _term(said) in synonyms(_term(asked))
    assert _term(asked) in synonyms(_term(said))


@pytest.mark.parametrize("asked, said", [
    ("لباس", "بزة"), ("الملابس", "القفاز"), ("الزي", "خوذة"),  # a garment, its pieces
    ("موعد", "تاريخ"), ("المواعيد", "تاريخ"),  # an appointment said as a date
])
def test_a_question_word_reaches_the_words_that_answer_it(asked: str, said: str) -> None:
    assert _term(said) in synonyms(_term(asked))


@pytest.mark.parametrize("said, asked", [
    ("القفاز", "لباس"),  # a glove is no garment asked
    ("بزة", "القفاز"),  # nor one piece another
    ("التاريخ", "موعد"),  # «أول مرة في التاريخ» is history, no appointment
])
def test_the_one_way_links_do_not_run_back(said: str, asked: str) -> None:
    assert _term(asked) not in synonyms(_term(said))


@pytest.mark.parametrize("glued, bare", [
    ("كتذكار", "تذكار"), ("لاسواق", "أسواق"), ("بمواجهتهم", "مواجهتهم"),
    ("بإرساله", "إرسال"), ("لمسار", "مسار"),
])
def test_a_glued_preposition_is_read_off_a_word_the_stemmer_keeps(glued: str,
                                                                  bare: str) -> None:
    assert _term(bare) in unglued(_term(glued))
    assert _term(bare) in related(_term(glued))


def test_a_glued_word_reaches_the_class_of_the_bare_word() -> None:
    assert _term("هدية") in related(_term("كتذكار"))  # as a souvenir: a gift


@pytest.mark.parametrize("word", ["بلد", "كبير", "لقاء", "بيان", "لبنان", "كييف", "بحث"])
def test_a_word_whose_first_letter_is_its_own_is_not_unglued(word: str) -> None:
    assert not unglued(_term(word))


@pytest.mark.parametrize("dialect, msa", [
    ("الاجتماع بين الوزيرين فضل قد إيه؟", "استمر"),  # Egyptian: stayed how long
    ("المفاوضات فضلت قد إيه؟", "استمرت"),
    ("كم ساعة ظلت المحادثات؟", "استمرت"),
])
def test_stayed_how_long_is_lasted(dialect: str, msa: str) -> None:
    assert msa in to_msa(dialect).split()


@pytest.mark.parametrize("question", ["ليش فضل الوزير القطار؟", "فضل الوزير إيه؟"])
def test_preferred_with_no_span_of_time_is_not_lasted(question: str) -> None:
    assert not {"استمر", "استغرق"} & set(to_msa(question).split())


# --------------------------------------------------------------------------- answering

TOUR = " في إطار جولة رسمية في كينيا."  # the sibling passages as long as the answers
# (question, the passage that answers it, a sibling holding its names and no more)
CASES = [
    ("كيف صور التلفزيون الكيني زيارة روتو؟",  # التلفزيون: القنوات
     "ووصفت القنوات الكينية زيارة روتو بأنها نجاح كبير للبلاد.",
     "واستقبل الكينيون زيارة روتو بحفاوة" + TOUR),
    ("ما الأهداف الحربية لمناورات مومباسا؟",  # الحربية: العسكرية
     "وقال خبراء إن لمناورات مومباسا أغراضا عسكرية تتعلق بحماية الموانئ.",
     "وشارك آلاف الجنود في مناورات مومباسا" + TOUR),
    ("هل يطّلع روتو على ميناء لامو؟",  # يطّلع: يتفقد
     "ومن المقرر أن يتفقد روتو ميناء لامو صباح الخميس برفقة وزير النقل وعدد من المستثمرين.",
     "وتحدث روتو عن ميناء لامو" + TOUR),
    ("بماذا تباهى وزير الزراعة الكيني؟",  # تباهى: فخور
     "وقال وزير الزراعة الكيني إنه فخور بمحصول الشاي هذا العام.",
     "واستقبل وزير الزراعة الكيني وفدا أوغنديا" + TOUR),
    ("هل حدد موعد لزيارة روتو إلى كمبالا؟",  # موعد: تاريخ
     "وقال مكتب روتو إن زيارته إلى كمبالا ستكون في تاريخ يعلن لاحقا.",
     "واستقبل روتو وفدا من كمبالا" + TOUR),
]


@pytest.fixture
async def nairobi(engine_over):
    return await engine_over([
        Article("nairobi-week", "أسبوع في نيروبي", "وكالة الأنباء الكينية",
                dt.date(2025, 5, 8),
                tuple(p for _, answer, sibling in CASES for p in (answer, sibling))),
    ])


@pytest.mark.parametrize("question, passage", [(q, answer) for q, answer, _ in CASES])
async def test_a_reader_paraphrase_reaches_the_passage_that_answers_it(nairobi, question,
                                                                       passage) -> None:
    """Each question shares only names (and at most one other word) with its passage; the
    sibling passage holds the same names and no more. Before this round the sibling came
    first for the television, looking-over and boasting questions (the answer is the longer
    passage); the military and appointment questions were declined."""
    answer = await nairobi.answer(question)
    assert answer.answered and answer.hits[0].text == passage


# --------------------------------------------------------------------------- over the seeds

# The development sets' paraphrase and dialect questions (eight writers), top passage right
# (answered or not), just under what was measured: 433 of 541 before this round, 440 after.
SETS = ("seeds-unseen.jsonl", "seeds-blind2.jsonl", "seeds-blind3.jsonl",
        "seeds-blind4.jsonl", "seeds-blind5.jsonl", "seeds-blind6.jsonl",
        "seeds-blind7.jsonl", "seeds-blind8.jsonl")
TOP_FLOOR = 439


async def test_paraphrase_and_dialect_top_passage_over_the_seeds(seeded_db, data_dir) -> None:
    right, asked = await top_passages_right(seeded_db, data_dir, SETS, ("paraphrase", "dialect"))
    assert asked == 541
    assert right >= TOP_FLOOR, right
