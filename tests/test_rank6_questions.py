"""Issue 12, sixth round: the top passage is the one that answers, on reader questions
written for it (tests/data/seeds-rank6.jsonl, tuned on; seeds-rank6-heldout.jsonl, every
third question held out before any result was seen): why-questions with other connectives,
the predicate beyond the names, the detail after a lead, Korean adjectives, foreign names
spelled otherwise. And «كيف وصف X …؟» over an invented corpus."""

from __future__ import annotations

import datetime as dt

from question_files import check_question_files

from retrieval.engine import Marsad
from retrieval.evaluate import eval_questions, load_questions
from retrieval.model import Article

FILES = ("seeds-rank6.jsonl", "seeds-rank6-heldout.jsonl")


def test_every_key_is_in_a_seed_passage_and_no_question_is_asked_twice(seeds_dir,
                                                                       data_dir) -> None:
    check_question_files(seeds_dir, data_dir, FILES, at_least=135)


async def test_the_top_passage_answers_as_measured(engine: Marsad, data_dir) -> None:
    """Through answer() (top passage holds a key, answered): measured 0.767 tuned on
    (0.744 on main before the round) and 0.756 held out (0.756); floors just under."""
    tuned = await eval_questions(engine, load_questions(data_dir / FILES[0]))
    held = await eval_questions(engine, load_questions(data_dir / FILES[1]))
    assert tuned["answerable"]["answer@1"] >= 0.75, tuned["failures"]
    assert held["answerable"]["answer@1"] >= 0.74, held["failures"]


DAY = dt.date(2025, 4, 2)
CHANNELS = "وتحدثت الصحف المحلية عن مفاوضات حداد ووصفتها بأنها ناجحة."
WORDS = "وقال حداد إن المفاوضات مع التجار كانت صعبة وطويلة لكنها انتهت باتفاق."
FAIR = "ووصف المنظمون المعرض التجاري بأنه يضم مئتي شركة من عشرين بلدا."


async def test_how_someone_described_it_is_their_words_not_the_verb_beside_the_name(
        engine_over) -> None:
    """«كيف وصف حداد المفاوضات؟»: the actor cue lifted «مفاوضات حداد ووصفتها» (the papers
    describing his talks), the verb next to his name; his own words answer."""
    engine = await engine_over([
        Article("talks", "جولة الوزير حداد", "وكالة الأنباء", DAY, (CHANNELS, WORDS, FAIR)),
        Article("fair", "معرض تجاري", "صحيفة المدينة", DAY, (FAIR.replace("مئتي", "ثلاثمئة"),)),
    ])
    answer = await engine.answer("كيف وصف حداد المفاوضات مع التجار؟")
    assert answer.hits and answer.hits[0].text == WORDS, [h.text for h in answer.hits]
