"""Dialect words still unread in the development sets (issue 12, para21), each read for
every dialect that says it so; the questions are invented (siblings, never the sets'):

- Gulf «الياي/الياية» (next: المقبل), Gulf and Yemeni «لوّل» (the first) and «ذي» (this);
- Maghrebi and Libyan «ش» alone before a verb (what: «ش قال»);
- Egyptian «صحوبية» (friendship: صداقة);
- «بالذات» (specifically), a filler like «بالضبط».
"""

from __future__ import annotations

import pytest

from retrieval.dialects import to_msa


@pytest.mark.parametrize(("question", "word", "read"), [
    ("شو صار الشهر الياي؟", "الياي", "المقبل"),
    ("وين القمة الياية؟", "الياية", "المقبله"),
    ("هي لوّل مرة يزور روسيا؟", "لول", "الاول"),
    ("الزيارة ذي كانت وين؟", "ذي", "هذه"),
    ("بوتين ش قال؟", "ش", "ماذا"),
    ("ش اهدى كيم لبوتين؟", "ش", "ماذا"),
    ("شو قالوا عن الصحوبية بين البلدين؟", "الصحوبيه", "الصداقه"),
    ("ليش راح على فلاديفوستوك بالذات؟", "بالذات", ""),
])
def test_the_dialect_word_is_read_in_msa(question, word, read) -> None:
    words = to_msa(question).replace("؟", " ").split()
    assert word not in words
    assert not read or read in words


@pytest.mark.parametrize(("question", "said"), [
    ("مين الوزير الروسي اللي بيزور بيونغيانغ الشهر الياي؟", "لافروف"),
    ("شو قال كيم عن الصحوبية مع روسيا؟", "الصداقة"),
])
async def test_a_dialect_question_with_them_is_answered(seeded, question, said) -> None:
    answer = await seeded.answer(question, k=3)
    assert answer.answered
    assert said in answer.hits[0].text
