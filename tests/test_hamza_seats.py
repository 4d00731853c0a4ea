"""A hamza on a vowel's seat (ؤ، ئ) typed in Latin letters or Arabizi: «Fouad» is فؤاد,
«Raed» رائد, «Raouf» رؤوف, Arabizi «el fayda» الفائدة (interest), never the nearest other
word the corpus happens to have (الفيضه, flood). Invented articles and questions."""

from __future__ import annotations

import datetime as dt

import pytest

from retrieval.analysis import normalize
from retrieval.dialects import to_msa
from retrieval.model import Article
from retrieval.transliterate import hamza_seated


@pytest.mark.parametrize("spelled, seated", [
    ("فواد", "فءاد"),  # Fouad: فؤاد
    ("فايده", "فاءده"),  # Arabizi fayda: فائدة
    ("راوف", "رءوف"),  # Raouf: رؤوف
    ("رايد", "راءد"),  # Raed: رائد
    ("قايد", "قاءد"),  # qayed: قائد
])
def test_a_vowel_pair_takes_a_hamza_on_either_seat(spelled: str, seated: str) -> None:
    assert seated in hamza_seated(spelled)


def test_a_spelling_with_no_vowel_pair_has_no_hamza_reading() -> None:
    assert hamza_seated("بوتين") == []
    assert hamza_seated("كولر") == []
    assert not any(s.startswith("ء") for s in hamza_seated("اوبك"))


def test_arabizi_reads_the_hamza_word_the_corpus_has_before_a_lookalike() -> None:
    corpus = {"فاءد", "فيض", "بنك", "رفع", "قاءد", "قيد"}.__contains__
    assert normalize("الفائدة") in to_msa("ta3rif el fayda", corpus)
    assert "فيض" not in to_msa("ta3rif el fayda", corpus)
    assert normalize("القائد") in to_msa("meen el 2a2ed? el qayed", corpus)


def _article(aid: str, title: str, source: str, day: int, text: str) -> Article:
    return Article(aid, title, source, dt.date(2025, 4, day), tuple(text.split("\n\n")))


ARTICLES = [
    _article("visit", "وزير الخارجية العراقي يستقبل نظيره الأردني", "الرأي", 3,
             "استقبل وزير الخارجية العراقي فؤاد حسين نظيره الأردني في بغداد الأحد.\n\n"
             "وقال رائد الزعبي المتحدث باسم الوزارة إن الجانبين بحثا ملف المياه."),
    _article("rates", "المركزي يثبت سعر الفائدة", "الغد", 5,
             "قرر البنك المركزي تثبيت سعر الفائدة عند 7.5 في المئة.\n\n"
             "وقال المحافظ عبد الرؤوف النمر إن التضخم تراجع في مارس."),
    _article("floods", "فيضانات في الجنوب", "الدستور", 7,
             "تسببت الأمطار بفيضان وادي الموجب وإغلاق الطريق الصحراوي.\n\n"
             "وأجلت فرق الدفاع المدني عشرات العائلات من المنطقة."),
]


@pytest.mark.parametrize("question, article, words", [
    ("Fouad Hussein", "visit", "فؤاد حسين"),
    ("ماذا قال Raed؟", "visit", "رائد الزعبي"),
    ("ta3rif el fayda", "rates", "سعر الفائدة"),
    ("el bank el markazi 3amal eh fel fayda?", "rates", "سعر الفائدة"),
])
async def test_hamza_names_and_words_typed_in_latin_reach_their_passage(
        engine_over, question: str, article: str, words: str) -> None:
    engine = await engine_over(ARTICLES)
    answer = await engine.answer(question, 3)
    assert answer.hits, question
    top = answer.hits[0]
    assert (top.article_id, words in top.text) == (article, True), question


def test_a_run_of_vowel_letters_is_not_read_with_hamzas() -> None:
    """Typed «aiaiaiai» (or a hostile question of such words) is no hamza word; trying a
    hamza on every seat of every Arabizi reading made such a question 5-10x slower."""
    assert hamza_seated("ايايايايا") == []
    assert hamza_seated("فاياو") == []
