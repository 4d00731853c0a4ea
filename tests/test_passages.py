"""Passages: what gets indexed and quoted back to the reader."""

import pytest

from retrieval.passages import clean_text, split_passages, split_sentences


def test_sentences_keep_their_punctuation():
    text = "التقى الزعيمان أمس. هل ستساعد روسيا؟ نعم! قال ذلك"
    assert split_sentences(text) == ["التقى الزعيمان أمس.", "هل ستساعد روسيا؟", "نعم!", "قال ذلك"]


def test_newlines_always_end_a_sentence():
    assert split_sentences("سطر أول\nسطر ثان") == ["سطر أول", "سطر ثان"]


def test_decimals_are_not_sentence_ends():
    assert split_sentences("نما الاقتصاد 3.5 بالمئة هذا العام.") == [
        "نما الاقتصاد 3.5 بالمئة هذا العام."
    ]


def test_initials_are_not_sentence_ends():
    assert split_sentences("قال د. أحمد إن القمة ناجحة. ثم غادر.") == [
        "قال د. أحمد إن القمة ناجحة.",
        "ثم غادر.",
    ]


def test_closing_quote_stays_with_its_sentence():
    text = "وقال: “هذا من صلاحياتهم.” ثم أضاف: «نحن نقدر الزيارة.» انتهى"
    assert split_sentences(text) == [
        "وقال: “هذا من صلاحياتهم.”",
        "ثم أضاف: «نحن نقدر الزيارة.»",
        "انتهى",
    ]


def test_glued_period_without_space_does_not_split():
    assert split_sentences("بأعيننا.المصدر") == ["بأعيننا.المصدر"]


def test_blank_input_has_no_sentences():
    assert split_sentences("  \n \n") == []


def test_each_paragraph_is_one_passage():
    first = "قال المتحدث باسم الكرملين إن الزيارة كانت مفيدة وبناءة للغاية."
    second = "وأكد أن رحلة أخرى   ستتبع الشهر المقبل إلى العاصمة الكورية."
    assert split_passages([first, "  ", second]) == [first, second.replace("   ", " ")]


def test_a_lead_in_or_short_sentence_joins_the_paragraph_after_it():
    quote = "العلاقة مع روسيا سترتقي إلى مستوى جديد بما فيه مصالح الشعبين."
    assert split_passages(["وأضاف كيم:", quote]) == [f"وأضاف كيم: {quote}"]
    assert split_passages(["وقال بوتين.", quote]) == [f"وقال بوتين. {quote}"]
    assert split_passages([quote, "وأضاف كيم:"]) == [quote, "وأضاف كيم:"]


@pytest.mark.parametrize("furniture", [
    "أفضل الاقتباسات", "أفضل عروض الأسعار من بوتين وكيم", "لقاء الزعيمين في الشرق الأقصى",
    "مقطع فيديو يرصد لحظة الاستقبال", "صورة: الزعيمان في القاعدة",
    "الرئيس الروسي في القاعدة الفضائية - غيتي"])
def test_a_heading_caption_or_credit_stays_apart_from_the_paragraph_after_it(furniture):
    # glued on, its words (the story's names) would lift a paragraph that does not answer
    quote = "العلاقة مع روسيا سترتقي إلى مستوى جديد بما فيه مصالح الشعبين."
    assert split_passages([furniture, quote]) == [furniture, quote]


def test_long_paragraph_is_split_at_sentence_ends():
    sentence = " ".join(["كلمة"] * 9) + "."
    paragraph = " ".join([sentence] * 5)  # 50 words
    passages = split_passages([paragraph], max_words=20)
    assert passages == [f"{sentence} {sentence}", f"{sentence} {sentence}", sentence]
    assert all(len(p.split()) <= 20 for p in passages)


def test_one_huge_sentence_is_cut_at_word_boundaries():
    words = [f"w{i}" for i in range(25)]
    passages = split_passages([" ".join(words)], max_words=10)
    assert [len(p.split()) for p in passages] == [10, 10, 5]
    assert " ".join(passages).split() == words


def test_no_words_are_lost_when_splitting():
    paragraph = "أ ب ج. " * 50 + " ".join(["د"] * 300) + ". هـ و."
    passages = split_passages([paragraph], max_words=40)
    assert " ".join(passages).split() == paragraph.split()
    assert all(len(p.split()) <= 40 for p in passages)


def test_invisible_controls_are_removed():
    dirty = "\u200fبوتين\u200b و\u202bكيم\u202c\ufeff  التقيا\u2067\u2069"
    assert split_passages([dirty]) == ["بوتين وكيم التقيا"]
    assert clean_text(" \u200e ") == ""


def test_max_words_must_be_positive():
    with pytest.raises(ValueError):
        split_passages(["نص"], max_words=0)
