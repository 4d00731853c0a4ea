"""Paraphrases reach the passage that answers them (issue 12): the news lexicon
(lexicon.py), derivations of one root (synonyms.derivations), press epithets
(aliases.EPITHETS), and related words searched below the question's own (engine._top).
The corpus of the answering tests is invented."""

from __future__ import annotations

import datetime as dt

import pytest

from retrieval import decide
from retrieval.aliases import AliasTable, count_pairs
from retrieval.analysis import analyze, normalize, tokenize
from retrieval.engine import Marsad
from retrieval.evaluate import eval_questions, load_questions
from retrieval.lexicon import groups
from retrieval.model import Article
from retrieval.questions import question_terms
from retrieval.synonyms import derivations, related, synonyms


def _term(word: str) -> str:
    return analyze(word)[0]


# --------------------------------------------------------------------------- the lexicon

def test_the_lexicon_holds_several_hundred_groups_of_distinct_words() -> None:
    found = groups()
    assert len(found) >= 300
    # each group says one thing in at least two words the stemmer keeps apart
    assert all(len({t for w in g for t in analyze(w)}) >= 2 for g in found)


@pytest.mark.parametrize("asked, said", [
    ("مباحثات", "محادثات"), ("سفرة", "رحلة"), ("رحيل", "مغادرة"), ("تشييد", "بناء"),
    ("ذهب", "توجه"), ("أبرم", "وقع"), ("ندد", "أدان"), ("غارات", "قصف"), ("بترول", "نفط"),
    ("تطعيم", "لقاح"), ("جائحة", "وباء"), ("تنحى", "استقال"), ("تظاهرات", "احتجاجات"),
    ("هزة", "زلزال"), ("استضاف", "استقبل"), ("أوفد", "أرسل"), ("تقنيات", "تكنولوجيا"),
    ("طهران", "إيران"), ("بكين", "الصين"),
])
def test_news_words_of_one_meaning_say_one_another(asked: str, said: str) -> None:
    assert _term(said) in synonyms(_term(asked))
    assert _term(asked) in synonyms(_term(said))


@pytest.mark.parametrize("one, many", [
    ("بندقية", "بنادق"), ("صاروخ", "صواريخ"), ("رئيس", "رؤساء"), ("سفير", "سفراء"),
    ("هدية", "هدايا"), ("ساعة", "ساعتين"), ("مرة", "مرتين"),
])
def test_a_singular_meets_its_broken_plural_and_its_dual(one: str, many: str) -> None:
    assert _term(many) in synonyms(_term(one))


@pytest.mark.parametrize("word", ["عين", "صدر", "طالب", "عام", "مسيرة", "حقق", "تحقيق",
                                  "كلمة", "بحث", "سيول", "علق", "أجل", "استطلاع", "مدرعة",
                                  "هبط", "منفذ", "أشهر", "التضخم", "الانتخابات"])
def test_words_with_a_second_sense_or_a_subject_of_their_own_have_no_class(word: str) -> None:
    assert synonyms(_term(word)) == frozenset()


# --------------------------------------------------------------------------- derivations

@pytest.mark.parametrize("asked, said", [
    ("يتبادل", "متبادل"), ("تبادل", "يتبادل"), ("يستقبل", "استقبال"), ("يعزز", "تعزيز"),
    ("انسحب", "انسحاب"), ("اجتمع", "يجتمع"), ("تحدث", "متحدث"), ("مشاركة", "يشارك"),
    ("يتفاوض", "تفاوض"), ("يوقع", "توقيع"), ("ازدهار", "يزدهر"), ("تعهدات", "يتعهد"),
])
def test_a_verb_meets_its_verbal_noun_and_participle(asked: str, said: str) -> None:
    assert _term(said) in derivations(_term(asked))
    assert _term(said) in related(_term(asked))


@pytest.mark.parametrize("one, other", [
    ("استقبل", "مستقبل"),  # received / the future
    ("اجتمع", "مجتمع"),  # met / a society
    ("تحد", "يتحد"),  # borders / unites
    ("يزور", "تزوير"),  # visits / forgery
    ("محادثات", "حادث"),  # talks / an accident
    ("يكتب", "مكتب"),  # writes / an office
])
def test_another_derived_form_of_the_root_is_not_related(one: str, other: str) -> None:
    assert _term(other) not in related(_term(one))
    assert _term(one) not in related(_term(other))


# --------------------------------------------------------------------------- epithets

def _expand(table: AliasTable, question: str) -> list[set[str]]:
    return [set(names) for _, names in table.expand(
        question_terms(question), tokenize(normalize(question)))]


def test_the_head_of_a_countrys_diplomacy_is_its_foreign_minister() -> None:
    table = AliasTable.of(count_pairs([
        "وصل وزير الخارجية الروسي سيرغي لافروف إلى أنقرة.",
        "واستقبل وزير الخارجية التركي هاكان فيدان ضيفه في المطار."]))
    lavrov = set(analyze("سيرغي لافروف"))
    assert _expand(table, "ماذا قال رئيس الدبلوماسية الروسية؟") == [lavrov]
    assert _expand(table, "متى وصل كبير الدبلوماسيين الروس؟") == [lavrov]


@pytest.mark.parametrize("question, name", [
    ("ماذا حدث في العاصمة الروسية؟", "موسكو"),
    ("من زار العاصمة الكورية الشمالية؟", "بيونغيانغ"),
    ("ماذا أعلنت الرئاسة الروسية؟", "الكرملين"),
    ("ما موقف الإدارة الأمريكية؟", "البيت الأبيض"),
    ("ماذا قال مسؤولو الدولة العبرية؟", "إسرائيل"),
])
def test_an_epithet_stands_for_its_name_with_no_title_mined(question: str, name: str) -> None:
    assert _expand(AliasTable(), question) == [set(analyze(name))]


# --------------------------------------------------------------------------- answering

VISIT = "وحل رئيس الوزراء الياباني ضيفا على القاهرة في أول جولة له بالمنطقة منذ توليه منصبه."
GIFT = "وأهدى الرئيس المصري ضيفه تمثالا مصغرا لتوت عنخ آمون صنعه حرفيون من الأقصر."
SIGNED = "ووقع الجانبان مذكرة تفاهم لتمويل توسعة الخط الثالث لمترو الأنفاق."
TALKS = "وأجرى الوفدان مباحثات موسعة استمرت ثلاث ساعات في قصر الاتحادية."
LEFT = "وغادر الضيف القاهرة متوجها إلى أبوظبي مساء الخميس."
MUSEUM = "وتسهم شركات يابانية في تشييد المتحف المصري الكبير قرب أهرامات الجيزة."
TRADE = "وبلغ التبادل التجاري بين البلدين أربعة مليارات دولار العام الماضي."
PHONE = "وكان الزعيمان قد أجريا محادثات هاتفية الشهر الماضي تناولت أمن الملاحة."
CONDEMNED = "ونددت مصر بالهجوم على ناقلة النفط قرب باب المندب."
MISSION = "وأوفدت اليابان بعثة فنية لدراسة مشروع محطة تحلية المياه في العين السخنة."
PORT = "وتعتزم شركة الشحن الانسحاب من مشروع توسعة ميناء السخنة بسبب ارتفاع التكاليف."


@pytest.fixture
async def visit(engine_over):
    return await engine_over([
        Article("tokyo-cairo", "زيارة رسمية لرئيس الوزراء الياباني", "وكالة النيل",
                dt.date(2025, 3, 6), (VISIT, GIFT, SIGNED, TALKS, LEFT, MUSEUM, TRADE)),
        Article("phone", "اتصال بين الزعيمين", "صحيفة الصباح", dt.date(2025, 2, 1), (PHONE,)),
        Article("region", "أخبار المنطقة", "صحيفة الصباح", dt.date(2025, 3, 7),
                (CONDEMNED, MISSION, PORT)),
    ])


@pytest.mark.parametrize("question, passage", [
    ("ما الهدية التي قدمها الرئيس المصري لضيفه؟", GIFT),  # هدية / أهدى
    ("متى كان رحيل الضيف عن القاهرة؟", LEFT),  # رحيل / غادر
    ("كم دامت المفاوضات بين الوفدين؟", TALKS),  # دامت / استمرت, مفاوضات / مباحثات
    ("من يساهم في بناء المتحف الكبير؟", MUSEUM),  # بناء / تشييد
    ("كم بلغ حجم ما يتبادله البلدان؟", TRADE),  # يتبادله / التبادل
    ("هل أبرم الطرفان اتفاقا لتمويل المترو؟", SIGNED),  # أبرم / وقع
    ("هل استنكرت القاهرة الاعتداء على الناقلة؟", CONDEMNED),  # استنكر / ندد, القاهرة / مصر
    ("هل أرسلت طوكيو وفدا لدراسة محطة التحلية؟", MISSION),  # أرسل / أوفد, وفد / بعثة
    ("هل تنسحب شركة الشحن من مشروع الميناء؟", PORT),  # تنسحب / الانسحاب
])
async def test_a_paraphrase_reaches_the_passage_that_answers_it(visit, question, passage):
    answer = await visit.answer(question)
    assert answer.hits[0].text == passage


@pytest.mark.parametrize("question, passage", [
    ("ما الهدية التي قدمها الرئيس المصري لضيفه؟", GIFT),
    ("متى كان رحيل الضيف عن القاهرة؟", LEFT),
    ("كم دامت المفاوضات بين الوفدين؟", TALKS),
    ("من يساهم في بناء المتحف الكبير؟", MUSEUM),
    ("هل استنكرت القاهرة الاعتداء على الناقلة؟", CONDEMNED),
    ("هل تنسحب شركة الشحن من مشروع الميناء؟", PORT),
])
async def test_a_paraphrase_is_answered_not_declined(visit, question, passage):
    """The decision counts the passage's word of the same class or root as the asked one
    (declined before the lexicon: رحيل، بناء، استنكر، اعتداء were words of no class)."""
    answer = await visit.answer(question)
    assert answer.answered
    assert answer.hits[0].text == passage


async def test_a_passage_saying_the_asked_word_comes_before_one_saying_a_related_word(visit):
    ranked = [p.text for p, _ in await visit.ranked("أين جرت المحادثات؟", 9)]
    # PHONE says محادثات; TALKS only مباحثات, of its class: found too, below it
    assert ranked.index(PHONE) < ranked.index(TALKS)


@pytest.mark.parametrize("question", [
    "كم عدد ضحايا الزلزال في القاهرة؟",
    "هل ندد البرلمان الياباني بالزيارة؟",
    "ما قيمة صفقة الأسلحة بين البلدين؟",
])
async def test_a_near_miss_in_words_of_the_lexicon_is_still_declined(visit, question):
    assert not (await visit.answer(question)).answered


# --------------------------------------------------------------------------- over the seeds

async def test_paraphrases_over_the_seeds(seeded_db, data_dir) -> None:
    """tests/data/seeds-paraphrase.jsonl (issue 12's lexicon round, the dev set: 55
    paraphrases written over the seed articles in other verbs, nouns, derivations and
    epithets, 11 near misses in lexicon words) and seeds-paraphrase-heldout.jsonl (27 and
    6, never tuned on). Measured, `marsad eval`: dev answer@1 0.618, 13 declined, near
    misses 9 of 11 declined (main: 0.582, 13, 9); held out 0.630, 4 declined, near misses
    3 of 6 (main: 0.593, 4, 3)."""
    async with await Marsad.open(seeded_db) as seeded:
        dev = await eval_questions(seeded, load_questions(data_dir / "seeds-paraphrase.jsonl"))
        held = await eval_questions(
            seeded, load_questions(data_dir / "seeds-paraphrase-heldout.jsonl"))
    assert dev["kinds"]["paraphrase"]["answer@1"] >= 0.6, dev["failures"]
    assert dev["kinds"]["near-miss"]["declined"] >= 0.8, dev["failures"]
    assert held["kinds"]["paraphrase"]["answer@1"] >= 0.57, held["failures"]  # 0.593 merged
    # 2 of 6 with decide7's refit pooling newsroom8 with the seed questions (main 3)
    assert held["kinds"]["near-miss"]["declined"] >= 0.33, held["failures"]


async def test_a_passage_saying_every_asked_word_in_another_keeps_its_bm25_evidence(visit):
    """«كم طالت المفاوضات؟» over «مباحثات … استمرت»: every word said otherwise, the BM25
    signal is the passage's score over the known weight, not 0 (decide.signals). Whether it
    is then answered is the fitted decision's call: with the sixth round's signals merged,
    a question said wholly in other words sits just under the threshold (0.27 against
    0.31), and is shown as the closest passage; clipping the signals' z-scores, which would
    answer it, did no better held out (fit_decision: AUC 0.952-0.957 against 0.957). The
    `synonym` signal counts up to decide.SYNONYM_SHARE (eighth round: a question said
    wholly in other words weighed twice one said half so)."""
    answer = await visit.answer("كم طالت المفاوضات؟")
    assert answer.hits[0].text == TALKS
    assert answer.signals[decide.SIGNALS.index("synonym")] == pytest.approx(decide.SYNONYM_SHARE)
    assert answer.signals[decide.SIGNALS.index("bm25")] > 0
