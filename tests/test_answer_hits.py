"""An answered question shows passages on its answer, not whatever else shared a word with
it: hits after the first score at least engine.ALSO_SHOWN of the first's. A declined one
still shows its closest passages, however weak (labelled as such). Corpus invented."""

from __future__ import annotations

import datetime as dt

import pytest

from retrieval.engine import ALSO_SHOWN
from retrieval.model import Article

KREMLIN = ("وقال الكرملين إن الزيارة الرسمية للرئيس الضيف ستستمر ثلاثة أيام وتشمل محادثات "
           "حول الطاقة والتجارة.")
ARTICLES = [
    Article("k1", "الكرملين يعلن تفاصيل الزيارة", "وكالة الشرق", dt.date(2025, 4, 1),
            (KREMLIN, "وأضاف المتحدث أن الوفدين سيوقعان اتفاقيات في مجال الطاقة.")),
    Article("b1", "معرض الكتاب يستقبل زواره", "صحيفة الغد", dt.date(2025, 4, 2),
            ("شهد معرض القاهرة للكتاب إقبالا كبيرا وامتدت ساعات الزيارة حتى المساء.",
             "وعرضت دور النشر آلاف العناوين الجديدة في الرواية والتاريخ.")),
    Article("s1", "افتتاح محطة للطاقة الشمسية", "موقع النهار", dt.date(2025, 4, 3),
            ("افتتحت الحكومة محطة للطاقة الشمسية في الصحراء الغربية بقدرة مئتي ميغاواط.",)),
]


@pytest.fixture
async def newsroom(engine_over):
    return await engine_over(ARTICLES)


async def test_an_answer_shows_no_passage_that_only_shares_a_word(newsroom):
    answer = await newsroom.answer("ماذا قال الكرملين عن الزيارة؟", k=3)
    assert answer.answered and answer.hits[0].text == KREMLIN
    assert all("معرض" not in h.text for h in answer.hits)
    assert all(h.score >= ALSO_SHOWN * answer.hits[0].score for h in answer.hits)


async def test_a_declined_question_still_shows_its_closest_passages(newsroom):
    answer = await newsroom.answer("كم عدد زوار معرض الكتاب في يومه الأول؟", k=3)
    assert not answer.answered and answer.hits  # the reader keeps what is closest
