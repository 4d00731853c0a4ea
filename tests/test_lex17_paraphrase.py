"""Paraphrases and dialect words that share no word with their passage (issue 12,
seventeenth round): needing asked in the feminine present where the passage says wanting
(تحتاج / تريد), haste asked in the accusative (مستعجلا / عجالة), a verb ending in ى asked
with an object pronoun (نفاه، ألغاه، تلقاها), the dialect «قعدة» (a sit-down: the talks),
and dialect content words written from knowledge (استنى، طنش، كنسل، فنش، اتهاوش، معاد،
طبنجة، كرهبة، عيال). The corpus is invented (a ministry's week, other words); the
seed-level floor is the development sets' paraphrase and dialect questions."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from question_files import top_passages_right

from retrieval.analysis import analyze, normalize
from retrieval.dialects import to_msa
from retrieval.model import Article
from retrieval.synonyms import related


def _term(word: str) -> str:
    return analyze(word)[0]


# --------------------------------------------------------------------------- the lexicon

@pytest.mark.parametrize("asked, said", [
    ("تحتاج", "تريد"), ("تحتاج", "يريد"), ("يحتاج", "تريد"),  # needing is wanting
    ("مستعجلا", "عجالة"), ("متسرعا", "مستعجل"), ("مستعجلا", "استعجال"),  # haste
    ("نفاه", "نفى"), ("نفاها", "نفى"),  # ى before an object pronoun
    ("ألغاه", "ألغى"), ("تلقاها", "تلقى"), ("تولاه", "تولى"), ("لباها", "تلبية"),
])
def test_words_of_one_meaning_class_say_one_another(asked: str, said: str) -> None:
    assert _term(said) in related(_term(asked))


@pytest.mark.parametrize("word, other", [
    ("تعهد", "تعرض"),  # a pledge is no offer: تعرّض is also "was subjected to"; measured, lost
    ("خصوم", "الإمبريالية"),  # enemies are not named by a rhetoric's words: measured, lost
    ("التقاه", "التقى"),  # measured: a named guest's meeting then met the summit's
])
def test_links_measured_and_left_out_stay_apart(word: str, other: str) -> None:
    assert _term(other) not in related(_term(word))


# --------------------------------------------------------------------------- dialect words

@pytest.mark.parametrize("question, msa", [
    ("مين الوزرا اللي حضروا القعدة مع كيم؟", "المحادثات"),  # a sit-down is the talks
    ("القعده بينهم طولت قديش؟", "المحادثات"),
    ("ليش كنسلوا زيارة المصنع؟", "الغوا"),  # cancelled (an English loan)
    ("بوتين طنش سؤال الصحفيين؟", "تجاهل"),  # ignored
    ("حددوا معاد الزيارة؟", "موعد"),  # an appointment
    ("بوتين عطاه طبنجة؟", "مسدس"),  # a pistol
    ("كيم راح بالكرهبة ولا بالتران؟", "بالسياره"),  # a car (Maghrebi)
    ("استنوا قديش قبل المحادثات؟", "انتظروا"),  # waited
    ("الجيشين اتهاوشوا وين؟", "تقاتلوا"),  # fought (Gulf)
    ("متى فنشوا الاجتماع؟", "انتهوا"),  # finished (Gulf)
    ("كم واحد من العيال انقتلوا؟", "الاطفال"),  # children
])
def test_a_dialect_word_is_read_as_the_press_says_it(question: str, msa: str) -> None:
    assert normalize(msa) in re.findall(r"\w+", normalize(to_msa(question)))


@pytest.mark.parametrize("question, kept", [
    ("ما هي المعادن التي تصدرها روسيا؟", "المعادن"),  # not معاد
    ("هل تعرض المصنع لهجوم؟", "تعرض"),  # subjected to, no pledge read
])
def test_msa_words_are_kept(question: str, kept: str) -> None:
    assert normalize(kept) in re.findall(r"\w+", normalize(to_msa(question)))


# --------------------------------------------------------------------------- answering

TOUR = " خلال جولة الوزير في الأقاليم الشمالية."  # siblings as long as the answers
# (question, the passage that answers it, a sibling holding its names and no more)
CASES = [
    ("لماذا تحتاج الحكومة إلى صندوق التنمية؟",  # تحتاج: تريد
     "فالحكومة تريد سد العجز في الموازنة بتمويل من صندوق التنمية قبل نهاية العام.",
     "وتحدثت الحكومة عن صندوق التنمية ومشاريعه" + TOUR),
    ("هل بدا الوزير مستعجلا لإقرار قانون المناجم؟",  # مستعجلا: عجالة
     "وقال الوزير إن قانون المناجم سيناقش من دون أي عجالة وإن لدى البرلمان الوقت الكافي.",
     "وتحدث الوزير عن قانون المناجم" + TOUR),
    ("مين من النواب حضر القعدة مع الوزير؟",  # القعدة: المحادثات
     "وحضر المحادثات مع الوزير النائبان سالم العبري وهدى الكندي.",
     "وحضر النائبان سالم العبري وهدى الكندي حفل تكريم الوزير في العاصمة."),
]


@pytest.fixture
async def ministry(engine_over):
    return await engine_over([
        Article("ministry-week", "أسبوع الوزارة", "وكالة الأنباء", dt.date(2025, 3, 4),
                tuple(p for _, answer, sibling in CASES for p in (answer, sibling))),
    ])


@pytest.mark.parametrize("question, passage", [(q, answer) for q, answer, _ in CASES])
async def test_a_reader_paraphrase_reaches_the_passage_that_answers_it(ministry, question,
                                                                       passage) -> None:
    """Each question shares only names (and at most one other word) with its passage; the
    sibling holds the same names and no more."""
    answer = await ministry.answer(question)
    assert answer.hits and answer.hits[0].text == passage


# --------------------------------------------------------------------------- over the seeds

# The development sets' paraphrase and dialect questions (ten writers), top passage right
# (answered or not), just under what was measured: 566 of 681 before this round, 570 after
# (572 once a future asked met its class's futures: test_future_classes.py).
SETS = ("seeds-unseen.jsonl", "seeds-blind2.jsonl", "seeds-blind3.jsonl",
        "seeds-blind4.jsonl", "seeds-blind5.jsonl", "seeds-blind6.jsonl",
        "seeds-blind7.jsonl", "seeds-blind8.jsonl", "seeds-blind9.jsonl",
        "seeds-blind10.jsonl")
TOP_FLOOR = 571


async def test_paraphrase_and_dialect_top_passage_over_the_seeds(seeded_db, data_dir) -> None:
    right, asked = await top_passages_right(seeded_db, data_dir, SETS, ("paraphrase", "dialect"))
    assert asked == 681
    assert right >= TOP_FLOOR, right
