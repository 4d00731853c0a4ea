"""Issue 12: a foreign name spelled with other long vowels reaches the person it names.

The press writes Daniel دانيال, readers دانييل or دانيل; Lukashenko لوكاشينكو or لوكاشنكو.
An unknown spelling went to the trigram-nearest term, another name sharing a longer run of
letters (دانييل -> دانييلسون, Danielson), and that passage came first. Invented articles:
a football club and a film festival with Daniel, Danilo, Danielson and Daniels in them."""

from __future__ import annotations

import datetime as dt

import pytest

from retrieval.model import Article
from retrieval.variants import VariantMap

DAY = dt.date(2025, 3, 9)
APPOINTED = "وعين النادي المدرب البرتغالي دانيال فونسيكا خلفا للمدرب المقال."
DANILO = "وقال المدير الرياضي دانيلو سانتوس إن الصفقة كلفت مليون يورو."
DANIELSON = "وسجل اللاعب ميخائيل دانييلسون هدفين في المباراة الأخيرة."
PRIZE = "وفاز المخرج دانيال بيرغ بجائزة أفضل فيلم عن رحلة في الصحراء."
DANIELS = "وقالت الممثلة إيفا دانيلز إن الفيلم صور في الصحراء خلال شهرين."
ENVOY = "واستقبل الرئيس ألكسندر لوكاشينكو الوفد التجاري في مينسك."


def _corpus() -> list[Article]:
    return [
        Article("club", "النادي يعين مدربا جديدا", "صحيفة الملاعب", DAY,
                (APPOINTED, DANILO, DANIELSON)),
        Article("film", "مهرجان السينما", "صحيفة الفن", DAY, (PRIZE, DANIELS)),
        Article("minsk", "وفد تجاري في بيلاروسيا", "وكالة الشرق", DAY, (ENVOY,)),
    ]


@pytest.mark.parametrize("question, passage", [
    ("من هو دانييل فونسيكا؟", APPOINTED),  # was Danielson's goals
    ("من هو دانيل فونسيكا؟", APPOINTED),
    ("دانييل فونسيكا", APPOINTED),
    ("بماذا فاز دانييل بيرغ؟", PRIZE),
    ("بماذا فاز المخرج دانيل؟", PRIZE),
    ("من استقبل لوكاشنكو؟", ENVOY),
    # the names as the coverage spells them, and the other names, still reach their own
    ("من هو دانيال فونسيكا؟", APPOINTED),
    ("ماذا قال دانيلو؟", DANILO),
    ("ماذا سجل ميخائيل دانييلسون؟", DANIELSON),
    ("ماذا قالت إيفا دانيلز؟", DANIELS),
])
async def test_a_name_in_other_vowels_finds_its_passage(engine_over, question: str,
                                                        passage: str) -> None:
    engine = await engine_over(_corpus())
    answer = await engine.answer(question)
    assert answer.answered and answer.hits[0].text.startswith(passage[:30]), [
        h.text for h in answer.hits]


async def test_a_name_in_other_vowels_finds_its_passage_though_silent(engine_over) -> None:
    """«ماذا قال دانييل فونسيكا عن النادي؟» reaches Fonseca's appointment first; the passage
    reports no words of his (the decision's speaker_silent and type_missing read it so), so
    whether it is answered is the decision's call, not the spelling's: since decide17's
    first refit (seeds-blind11 and -blind12 fitted, threshold 0.2921) it is declined (p
    0.27), its passage still shown."""
    engine = await engine_over(_corpus())
    answer = await engine.answer("ماذا قال دانييل فونسيكا عن النادي؟")
    assert answer.hits[0].text.startswith(APPOINTED[:30]), [h.text for h in answer.hits]


def test_only_other_inner_vowels_make_a_spelling_of_a_name() -> None:
    terms = ["دانيال", "دانيلو", "دانييلس", "دانيلز", "سافر", "عروض", "قطار", "لوكاشينكو"]
    vmap = VariantMap()
    vmap.sync(terms)
    spelled = {t: [terms[i] for i in vmap.vowel_variants(t)]
               for t in ("دانييل", "دانيل", "لوكاشنكو", "سفر", "عرض", "قطر")}
    assert spelled == {"دانييل": ["دانيال"], "دانيل": ["دانيال"],
                       "لوكاشنكو": ["لوكاشينكو"], "سفر": [], "عرض": [], "قطر": []}
