"""Short words mistyped (issue 12, para21): a question word of three to five letters the
coverage never uses, one likely slip from a word it does (a dot twin, then a neighbouring
key, two letters swapped, a long vowel left out, a preposition glued before it), is read as
that word when it is far commoner than any other such word (variants.short_slip). Not a
word shaped like a verb (another form, not a slip), nor a three-letter word one key off
(الكرة / مرة, قتل / قال, ولد / واد: newsroom12 and newsroom14 each answered a near miss).
Every question is invented (a sibling of what readers typed, never one of theirs).
"""

from __future__ import annotations

import pytest

from retrieval.variants import VariantMap

# ------------------------------------------------------------------ the slip itself

_VOCABULARY = ["دفاع", "ناطق", "زير", "كيم", "لكيم", "زعيم", "مره", "تشكل", "سابق", "قطاع",
               "بيان", "بنان", "بوت", "اخذ", "احد", "قال", "واد",
               "حرب"]
_IDF = {t: 1.0 for t in _VOCABULARY}
_IDF.update({"بنان": 1.3, "احد": 3.0})  # بنان as common as بيان: neither is meant


def _vmap() -> VariantMap:
    vmap = VariantMap()
    vmap.sync(_VOCABULARY)
    return vmap


def _idf(i: int) -> float:
    return _IDF[_VOCABULARY[i]]


@pytest.mark.parametrize(("typed", "shape", "meant"), [
    ("دفاغ", "definite", "دفاع"),  # a dot twin (غ / ع)
    ("نطاق", "definite", "ناطق"),  # two neighbours swapped
    ("نطق", "definite", "ناطق"),  # a long vowel left out of a noun
    ("زعم", "definite", "زعيم"),
    ("زبر", "plain", "زير"),  # a dot twin in three letters (وزبر -> وزير)
    ("لكبم", "plain", "كيم"),  # a preposition glued, the word after it a twin off
    ("بوتن", "plain", "بوت"),  # a long vowel left out hid the ending the stemmer strips
    ("اخد", "plain", "اخذ"),  # a dot twin before a key: اخذ, far commoner than احد
    ("دفاع", "plain", "دفاع"),  # (a known word is no slip: expand never asks)
])
def test_a_short_word_reaches_the_word_it_slipped_from(typed, shape, meant) -> None:
    if typed in _VOCABULARY:
        return
    found = _vmap().short_slip(typed, _idf, shape)
    assert [_VOCABULARY[i] for i in found] == [meant]


@pytest.mark.parametrize(("typed", "shape"), [
    ("كره", "definite"),  # one key off in three letters: كرة is no slip of مرة
    ("قتل", "plain"),  # nor قتل of قال, ولد of واد (a newsroom's «كم عدد قتلى …؟»)
    ("جرب", "definite"),  # nor الجرب (scabies) of حرب: a definite one only lacks a vowel
    ("ولد", "plain"),
    ("كين", "plain"),  # (so a name one key off stays unknown too: كين / كيم)
    ("تشمل", "verbal"),  # a verb is another word, not a slip of تشكل
    ("قطع", "plain"),  # a bare three-letter word lacks no long vowel: no قطاع
    ("بتان", "plain"),  # بيان and بنان equally near and as common: neither
    ("جري", "plain"),  # a light word (جرى) is no slip
    ("دفاغ", "slip"),
])
def test_a_word_that_is_no_likely_slip_stays_unknown(typed, shape) -> None:
    assert _vmap().short_slip(typed, _idf, shape) == []


def test_a_far_commoner_word_wins_over_a_rare_one() -> None:
    vocabulary = ["بيان", "بنان"]
    idf = {"بيان": 0.5, "بنان": 3.0}
    vmap = VariantMap()
    vmap.sync(vocabulary)
    assert vmap.short_slip("بتان", lambda i: idf[vocabulary[i]], "plain") == [0]


# ------------------------------------------------------- through answer(), over the seeds


@pytest.mark.parametrize(("question", "said"), [
    ("من هو وزير الدفاغ الروسي؟", "وزير الدفاع الروسي سيرغي شويغو"),
    ("ما اسم النطق باسم الكرملين؟", "الناطق باسم الكرملين دميتري بيسكوف"),
    ("من النطاق باسم الكرملين؟", "الناطق باسم الكرملين دميتري بيسكوف"),
    ("ماذا اعطى بوتين لكبم؟", "أعطى كيم بندقية"),
    ("كم دامت محادثات الزعمين؟", "قرابة ساعتين"),
    ("ماذا أعطى بوتن لكيم في القاعدة؟", "أعطى كيم بندقية"),
])
async def test_a_mistyped_short_word_is_answered(seeded, question, said) -> None:
    answer = await seeded.answer(question, k=3)
    assert answer.answered
    assert said in answer.hits[0].text


@pytest.mark.parametrize("question", [
    "ماذا قال الزعيم عن الكرة؟",  # كرة: a word the coverage never uses, no slip of مرة
    "من فاز في سباق الدرجات؟",
])
async def test_a_short_word_the_coverage_never_uses_stays_declined(seeded, question) -> None:
    answer = await seeded.answer(question, k=3)
    assert not answer.answered
