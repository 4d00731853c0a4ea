"""Arabic analysis chain: each step alone, then the spelling pairs users actually type."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retrieval.analysis import (
    STOPWORDS,
    analyze,
    char_ngrams,
    normalize,
    remove_stopwords,
    stem,
    tokenize,
)

# --------------------------------------------------------------------------- normalize


def test_normalize_strips_tashkeel_and_shadda() -> None:
    assert normalize("الْعَرَبِيَّةُ") == "العربيه"


def test_normalize_strips_superscript_alef_and_quranic_marks() -> None:
    assert normalize("الرَّحْمَٰنِ") == "الرحمن"
    assert normalize("هُدًى لِّلْمُتَّقِينَ ۛ") == "هدي للمتقين "


def test_normalize_strips_tatweel() -> None:
    assert normalize("مـــصـــر") == "مصر"


@pytest.mark.parametrize("form", ["أحمد", "إحمد", "آحمد", "ٱحمد"])
def test_normalize_folds_alef_forms(form: str) -> None:
    assert normalize(form) == "احمد"


def test_normalize_alef_maksura_and_teh_marbuta() -> None:
    assert normalize("مستشفى") == "مستشفي"
    assert normalize("مدينة") == "مدينه"


def test_normalize_hamza_carriers_meet() -> None:
    # Both press spellings of "official" / "affairs", and hamza on the line, meet.
    assert normalize("مسؤول") == normalize("مسئول") == "مسءول"
    assert normalize("شؤون") == normalize("شئون")
    assert normalize("قائد") == normalize("قاءد")


def test_normalize_digits() -> None:
    assert normalize("٤٠") == "40"
    assert normalize("۱۹۴۸") == "1948"
    assert normalize("٠١٢٣٤٥٦٧٨٩") == "0123456789"


def test_normalize_removes_zero_width_and_bidi_controls() -> None:
    invisible = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    invisible += "\u2066\u2067\u2068\u2069\ufeff\u061c"
    assert normalize(f"بوت{invisible}ين") == "بوتين"


def test_normalize_lowercases_latin_and_unfolds_presentation_forms() -> None:
    assert normalize("NASA") == "nasa"
    # Presentation forms (lam-alef ligature, isolated letters) become plain letters.
    assert normalize("\ufefb") == "لا"
    assert normalize("\ufe8e\ufedf") == "ال"


# --------------------------------------------------------------------------- tokenize


def test_tokenize_never_glues_arabic_punctuation() -> None:
    toks = tokenize("روسيا، اوكرانيا؛ لماذا؟ «الحرب» “السلام”")
    assert toks == ["روسيا", "اوكرانيا", "لماذا", "الحرب", "السلام"]
    for tok in toks:
        assert not set(tok) & set("،؛؟«»“”")


def test_tokenize_splits_on_punctuation_and_underscore() -> None:
    assert tokenize("1958،المدينة-المنورة_2018.end") == [
        "1958",
        "المدينة",
        "المنورة",
        "2018",
        "end",
    ]


def test_tokenize_keeps_letters_and_digits_together() -> None:
    assert tokenize("f16 و ام4") == ["f16", "و", "ام4"]


# --------------------------------------------------------------------------- stop words


def test_stopwords_are_normalized_and_include_question_words() -> None:
    for word in ["ما", "ماذا", "من", "متي", "كم", "هل", "كيف", "لماذا", "اين", "اي", "في"]:
        assert word in STOPWORDS
    assert all(normalize(w) == w for w in STOPWORDS)


def test_remove_stopwords_keeps_content_words() -> None:
    tokens = tokenize(normalize("ماذا قال بوتين عن أوكرانيا في موسكو؟"))
    assert remove_stopwords(tokens) == ["قال", "بوتين", "اوكرانيا", "موسكو"]


# --------------------------------------------------------------------------- stem


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("الكتاب", "كتاب"),
        ("والكتاب", "كتاب"),
        ("بالكتاب", "كتاب"),
        ("للكتاب", "كتاب"),
        ("وبالكتاب", "كتاب"),
        ("المعلمون", "معلم"),
        ("المعلمين", "معلم"),
        ("السيارات", "سيار"),
        ("العربيه", "عرب"),
        ("كتابها", "كتاب"),
        # Bare و after the article too, so وزير and الوزير meet.
        ("الوزير", "زير"),
        ("وزير", "زير"),
    ],
)
def test_stem_prefixes_and_suffixes(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_stem_min_length_rule() -> None:
    assert stem("ال") == "ال"
    assert stem("وه") == "وه"
    assert stem("الحج") == "حج"  # two letters may remain after a prefix...
    assert stem("سكان") == "سكان"  # ...but a suffix never leaves fewer than three
    assert stem("ولد") == "ولد"  # three-letter words keep their و


@pytest.mark.parametrize(("adjective", "noun"), [
    ("الإيرانية", "إيران"),  # ARCD: «ما عاصمة الجمهورية الإسلامية الإيرانية؟»
    ("الدولة العثمانية", "الدولة عثمان"),
    ("باليابانية", "اليابان"),
    ("اللبناني", "لبنان"),
    ("السودانية", "السودان"),
    ("الإنسانية", "الإنسان"),
    ("السرطانية", "السرطان"),
    ("رواياته", "روايات"),  # a plural with a pronoun, as the plural alone
])
def test_an_adjective_in_ya_and_a_pronoun_ending_meet_their_noun(adjective: str,
                                                                  noun: str) -> None:
    """One pass of suffixes left الإيرانية as ايران while إيران itself lost its ان: the
    suffixes are stripped again while a pass strips one."""
    assert analyze(adjective) == analyze(noun) != []


@pytest.mark.parametrize(("with_pronoun", "noun"), [
    ("زيارته", "الزيارة"),  # «متى كانت زيارته الأولى؟» of a passage on «الزيارة الأولى»
    ("زيارتها", "زيارة"),
    ("رحلته", "الرحلة"),
    ("دعوته", "دعوة"),
    ("حكومتها", "الحكومة"),
    ("استقبلته", "استقبل"),  # a verb's ت before its object pronoun, as the verb
])
def test_a_noun_in_ta_marbuta_with_a_pronoun_meets_the_noun(with_pronoun: str,
                                                            noun: str) -> None:
    """ة is written ت before a pronoun: زيارته analysed as زيارت met no زيارة."""
    assert analyze(with_pronoun) == analyze(noun) != []


@pytest.mark.parametrize("word", ["بيته", "وقته", "صوته", "موته"])
def test_a_three_letter_word_ending_in_ta_keeps_it_before_a_pronoun(word: str) -> None:
    assert analyze(word) == analyze(word[:-1]) != []  # بيته as بيت, not بي


@pytest.mark.parametrize(("with_waw", "bare"), [("ومدينة", "مدينة"), ("وحيوانات", "حيوانات"),
                                                  ("والوفدين", "الوفد")])
def test_a_second_pass_never_eats_into_a_word_behind_waw(with_waw: str, bare: str) -> None:
    assert analyze(with_waw) == analyze(bare) != []


def test_stem_leaves_digits_and_latin_alone() -> None:
    assert stem("1948") == "1948"
    assert stem("alhan") == "alhan"
    assert stem("ال2020") == "ال2020"


def test_stem_keeps_names_recognisable() -> None:
    assert stem("فوستوشني").startswith("فوستوشن")
    assert stem("بيونغيانغ") == "بيونغيانغ"


# --------------------------------------------------------------------------- analyze


def test_analyze_spelling_pairs_from_seeds() -> None:
    assert analyze("الشماليه") == analyze("الشمالية") != []
    assert analyze("أقمار") == analyze("اقمار") != []
    assert analyze("إطلاق صاروخ") == analyze("اطلاق صاروخ")


def test_analyze_arabic_indic_digits() -> None:
    assert analyze("٤٠ صاروخا") == analyze("40 صاروخا")
    assert "40" in analyze("٤٠ صاروخا")


def test_analyze_question_keeps_only_content() -> None:
    assert analyze("ماذا قال بوتين؟") == ["قال", stem("بوتين")]
    # The name is found however the passage inflects or punctuates it.
    assert stem("بوتين") in analyze("وقال الرئيس بوتين، إن ...")
    # ARCD-style noise: leading " - " and a stray trailing article.
    assert analyze(" - متى ولد جمال خاشقجي؟ ال") == ["ولد", "جمال", stem("خاشقجي")]


def test_analyze_query_matches_document_form() -> None:
    doc = analyze("أطلقت كوريا الشمالية صواريخها من قاعدة فوستوشني.")
    query = analyze("متى أطلقت كوريا الشماليه صواريخ؟")
    assert set(query) <= set(doc)


def test_analyze_empty_and_punctuation_only() -> None:
    assert analyze("") == []
    assert analyze("، ؛ ؟ «» ...") == []


# --------------------------------------------------------------------------- n-grams


def test_char_ngrams_with_boundaries() -> None:
    assert char_ngrams("مصر") == ["#مص", "مصر", "صر#"]
    assert char_ngrams("ab", n=2) == ["#a", "ab", "b#"]
    assert char_ngrams("a", n=4) == ["#a#"]


def test_char_ngrams_tolerate_spelling_variants() -> None:
    a, b = set(char_ngrams("فوستوشني")), set(char_ngrams("فوستوتشني"))
    assert len(a & b) / len(a | b) > 0.5


def test_char_ngrams_rejects_bad_n() -> None:
    with pytest.raises(ValueError):
        char_ngrams("مصر", n=0)


@pytest.mark.parametrize("question, msa", [
    ("شكد طوّلت المحادثات؟", "كم طوّلت المحادثات؟"),  # Iraqi
    ("شنو گال كيم عن الحرب؟", "ماذا قال كيم عن الحرب؟"),  # Iraqi, گ for the ق said as g
    ("واش روسيا غادي ترسل رائد فضاء؟", "هل روسيا سوف ترسل رائد فضاء؟"),  # Maghrebi
    ("شكون زار بيونغيانغ؟", "من زار بيونغيانغ؟"),
    ("علاش سافر كيم بالقطار؟", "لماذا سافر كيم بالقطار؟"),
    ("وش يبي كيم من روسيا؟", "ماذا كيم من روسيا؟"),  # Gulf
    ("هو كيم عايز إيه من روسيا؟", "ماذا كيم من روسيا؟"),  # Egyptian
    ("شلون وصل كيم؟", "كيف وصل كيم؟"),
])
def test_dialect_question_and_function_words_carry_no_topic(question: str, msa: str) -> None:
    assert analyze(question) == analyze(msa)


@pytest.mark.parametrize("typed, arabic", [("گال", "قال"), ("ڤلاديمير", "فلاديمير"),
                                           ("پوتين", "بوتين")])
def test_letters_for_sounds_msa_lacks_fold_to_the_letters_the_press_writes(typed, arabic):
    assert normalize(typed) == normalize(arabic)


@pytest.mark.parametrize("word", ["حق", "أبي", "خالص", "ودي"])
def test_msa_words_that_look_like_dialect_stay_content(word: str) -> None:
    assert analyze(f"{word} الشعب") != analyze("الشعب")


@given(st.text(alphabet=st.characters(), max_size=200)
       | st.lists(st.sampled_from(["الحكومة", "،", "2024", "_", " ", "\n", "x_y", "«قال»",
                                   "\u00a0", "٣", "ـ", "\u200f", "Ⅻ", "²"]), max_size=40)
       .map("".join))
def test_tokenize_is_runs_of_letters_and_digits(text: str) -> None:
    """The fast split keeps exactly the regex's tokens: runs of letters and digits, never an
    underscore, a mark or a space inside one, whatever the characters."""
    assert tokenize(text) == re.findall(r"[^\W_]+", text)


@pytest.mark.parametrize("forms", [
    ("وكالة", "الوكالة", "وكالات", "والوكالات"),  # agency, agencies: one term
    ("كالعادة", "العادة"),  # كال "like the" still goes where a word is left
    ("كالبرق", "البرق"),
])
def test_a_word_starting_with_kal_is_not_cut_to_its_ending(forms) -> None:
    """وكالات was read as و + كال + ات and analysed as ات, apart from وكالة (كال): the
    "like the" prefix needs three letters left, so agencies meet their agency."""
    assert len({tuple(analyze(f)) for f in forms}) == 1, [analyze(f) for f in forms]
