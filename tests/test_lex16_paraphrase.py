"""Paraphrases that share no word with their passage but a name (issue 12, sixteenth
round): a verb asked in the future where the passage says it otherwise (سيجتمع / اجتماع),
secrecy (التكتم / السرية), attention (انتباه / اهتمام), usefulness (فائدة، جدوى / مفيدة),
a favourite (الأثيرة / المفضلة), cutting short (اختصر / انتهت), backing (يساند / يدعم),
importance (أهمية / مهمة), company (برفقة / مرافقة), the feminine forms a country subject
takes (حذرت، تعهدت، تتهم، تحارب، شطبت), and phrases the press says in other words: «حلّ X
ضيفا على Y» (a visit), «السلام باليد» (a handshake), «وصوله إلى الحكم» (taking office), and
in dialect «يوقف معهم» (backing them) and the Iraqi «كال» typed for «گال» (said). The corpus
is invented (a week in Kenya, other words); the seed-level floor is the development sets'
paraphrase and dialect questions."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from question_files import top_passages_right

from retrieval.analysis import analyze, normalize
from retrieval.dialects import to_msa
from retrieval.model import Article
from retrieval.synonyms import present_of, related, synonyms


def _term(word: str) -> str:
    return analyze(word)[0]


# --------------------------------------------------------------------------- the lexicon

@pytest.mark.parametrize("asked, said", [
    ("التكتم", "السرية"), ("بالتكتم", "سرا"), ("كتمان", "تستر"),  # secrecy
    ("انتباه", "اهتمامه"), ("الانتباه", "يهتم"),  # attention
    ("فائدة", "مفيدة"), ("جدوى", "مفيد"), ("الفوائد", "نافعة"),  # usefulness
    ("الأثيرة", "المفضلة"), ("أثير", "مفضل"),  # a favourite
    ("اختصر", "انتهت"), ("اختصار", "انتهى"),  # cutting short ends early
    ("يساند", "يدعم"), ("مساندة", "دعم"),  # backing
    ("تطمح", "يسعى"), ("تتطلع", "يطمح"),  # aspiring, a country's feminine present
    ("حذرت", "يحذر"), ("تعهدت", "وعد"), ("ألغت", "شطب"), ("شطبت", "ألغيت"),
    ("تحارب", "تخوض"), ("يحارب", "يخوض"), ("تتقاتل", "تخوض"), ("تتهم", "اتهام"), ("اتهمت", "يتهم"),
    ("كهدية", "هدايا"),  # as a gift
    ("أهمية", "مهمة"), ("برفقة", "مرافقة"),
    ("مرحلة", "مستوى"), ("المراحل", "مستويات"),  # a stage reached is a level
])
def test_words_of_one_meaning_class_say_one_another(asked: str, said: str) -> None:
    assert _term(said) in related(_term(asked))
    assert _term(asked) in related(_term(said))


@pytest.mark.parametrize("future, present", [
    ("سيجتمع", "يجتمع"), ("سيساند", "يساند"), ("سنناقش", "نناقش"), ("ستتوجه", "تتوجه"),
])
def test_a_future_is_read_as_its_present(future: str, present: str) -> None:
    assert _term(present) in present_of(_term(future))


@pytest.mark.parametrize("future, said", [
    ("سيجتمع", "اجتماع"),  # the future reaches its derivations
    ("سيساند", "يدعم"),  # and its class
    ("سيتوجه", "توجه"),
])
def test_a_future_reaches_the_words_of_its_present(future: str, said: str) -> None:
    assert _term(said) in related(_term(future))


@pytest.mark.parametrize("word", ["سيارة", "سيطرة", "سياسة", "سيدة", "ستة", "سنوات"])
def test_a_word_that_only_starts_like_a_future_is_none(word: str) -> None:
    assert not present_of(_term(word))


@pytest.mark.parametrize("word, other", [
    ("عقود", "صفقات"),  # contracts, but decades too: measured, no gain
    ("حاجة", "يريد"),  # حاجة is stemmed حاج, a pilgrim
    ("الجبهة", "الحرب"),  # a political front too
])
def test_words_measured_and_left_out_stay_apart(word: str, other: str) -> None:
    assert _term(other) not in synonyms(_term(word))


# --------------------------------------------------------------------------- phrases

@pytest.mark.parametrize("question, msa", [
    ("متى حلّ شويغو ضيفاً على العاصمة الكورية؟", "زار شويغو"),  # subject kept
    ("لأي مناسبة حلّ وزير الدفاع ضيفاً على كوريا؟", "زار وزير الدفاع"),
    ("حين حل بوتين ضيفا عليها للمرة الأولى", "زار بوتين"),
    ("متى تحل الملكة ضيفة على باريس؟", "زار الملكة"),
    ("كم دام السلام باليد بين الرئيسين؟", "المصافحة"),
    ("كم طال سلام اليد بينهما؟", "المصافحة"),
    ("بعد كم شهر من وصوله إلى الحكم زار بكين؟", "توليه منصب"),
    ("ماذا فعل بعد تسلمه السلطة؟", "توليه منصب"),
    ("شو قال كيم عن حرب روسيا؟ رح يوقف معهم؟", "دعم"),  # dialect: standing with is backing
    ("هل الصين واقفة مع روسيا؟", "دعم"),
    ("كيم شنو كال عن الفضاء؟", "قال"),  # Iraqi گال typed with ك
])
def test_a_phrase_is_read_as_the_press_says_it(question: str, msa: str) -> None:
    assert normalize(msa) in normalize(to_msa(question))


@pytest.mark.parametrize("question, kept", [
    ("هل تم حل المشكلة بين البلدين؟", "حل"),  # solving is no visit
    ("ما موقف الرئيس من عملية السلام؟", "السلام"),  # peace is no handshake
    ("هل دعا إلى وقف الحرب مع أوكرانيا؟", "وقف"),  # a ceasefire is no backing
    ("متى وصل الوزير إلى المطار؟", "وصل"),  # arriving somewhere is arriving
])
def test_the_same_words_in_another_sense_are_kept(question: str, kept: str) -> None:
    out = set(re.findall(r"\w+", normalize(to_msa(question))))
    assert kept in out and not {"زار", "المصافحه", "دعم", "توليه"} & out


# --------------------------------------------------------------------------- answering

TOUR = " في إطار جولة رسمية في كينيا."  # the sibling passages as long as the answers
# (question, the passage that answers it, a sibling holding its names and no more)
CASES = [
    ("هل سيجتمع روتو بوزير المالية الأوغندي؟",  # سيجتمع: اجتماع
     "ومن المقرر اجتماع بين روتو ووزير المالية الأوغندي يوم الجمعة في نيروبي.",
     "وتحدث وزير المالية الأوغندي عن روتو" + TOUR),
    ("متى حلّ روتو ضيفا على كمبالا آخر مرة؟",  # حل ضيفا على: زار
     "وكان روتو زار كمبالا في مارس الماضي لبحث مشروع السكك الحديدية المشترك.",
     "وتحدث روتو عن كمبالا ومشاريعها" + TOUR),
    ("كم دام السلام باليد بين روتو وموسيفيني؟",  # السلام باليد: يصافح
     "واستمرت مصافحة روتو وموسيفيني نحو دقيقة كاملة أمام عدسات المصورين.",
     "وجلس روتو إلى جانب موسيفيني" + TOUR),
    ("هل أحيطت رحلة روتو إلى لامو بالتكتم؟",  # التكتم: السرية
     "وجرت رحلة روتو إلى لامو في سرية تامة ولم يعلن عنها مسبقا.",
     "وتحدث روتو عن لامو ومينائها" + TOUR),
    ("ما فائدة جولة روتو بحسب مكتبه؟",  # فائدة: مفيدة
     "وقال مكتب روتو إن الجولة كانت مفيدة وبناءة للبلدين.",
     "وأصدر مكتب روتو بيانا عن الجولة" + TOUR),
]


@pytest.fixture
async def nairobi(engine_over):
    return await engine_over([
        Article("kenya-week", "أسبوع في كينيا", "وكالة الأنباء الكينية",
                dt.date(2025, 6, 12),
                tuple(p for _, answer, sibling in CASES for p in (answer, sibling))),
    ])


@pytest.mark.parametrize("question, passage", [(q, answer) for q, answer, _ in CASES])
async def test_a_reader_paraphrase_reaches_the_passage_that_answers_it(nairobi, question,
                                                                       passage) -> None:
    """Each question shares only names (and at most one other word) with its passage; the
    sibling passage holds the same names and no more. Before this round the sibling came
    first for the future; the others were declined though their passage came first."""
    answer = await nairobi.answer(question)
    assert answer.answered and answer.hits[0].text == passage


# --------------------------------------------------------------------------- over the seeds

# The development sets' paraphrase and dialect questions (ten writers), top passage right
# (answered or not), just under what was measured: 539 of 681 before this round, 559 after.
SETS = ("seeds-unseen.jsonl", "seeds-blind2.jsonl", "seeds-blind3.jsonl",
        "seeds-blind4.jsonl", "seeds-blind5.jsonl", "seeds-blind6.jsonl",
        "seeds-blind7.jsonl", "seeds-blind8.jsonl", "seeds-blind9.jsonl",
        "seeds-blind10.jsonl")
TOP_FLOOR = 558


async def test_paraphrase_and_dialect_top_passage_over_the_seeds(seeded_db, data_dir) -> None:
    right, asked = await top_passages_right(seeded_db, data_dir, SETS, ("paraphrase", "dialect"))
    assert asked == 681
    assert right >= TOP_FLOOR, right
