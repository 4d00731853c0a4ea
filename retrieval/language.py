"""Which language a question is written in: Arabic, or one whose reader needs to be told that the
coverage is Arabic.

A question with Arabic letters is Arabic, even with Latin-typed names in it («ماذا أهدى Putin لـ
Kim؟»): those are searched. A question in Latin letters only is matched against short lists of
each language's commonest words (function words and question words); the language with most
hits wins (English on a tie); with no such word at all ("Putin Kim") it is "und" and searched.
A capitalised word inside a sentence is part of a name, not a function word ("Kim Jong Un",
"Marine Le Pen").
A question with an Arabizi word (Arabic typed in Latin letters with the digits 3 7 2 for ع ح ء:
«shu a3ta Putin la Kim?», «wein et2abalo?») is Arabic.
A question in another script (Cyrillic, Hangul, Kana, Han, Hebrew, Greek, Devanagari) takes
that script's language. Returns an ISO 639-1 code: "ar", "en", "fr", "es", "de", "tr", "ru",
"ko", "ja", "zh", "he", "el", "hi", or "und" (no letters to tell by).

A question of Latin words and none of those lists («putin gifts», «Kim armored train»,
«PUTIN GIFTS TO KIM?», Italian, Indonesian) is "und" and searched; `unnamed_words` gives the
engine its words that are not names (written in lower case, or any word of a question typed
in capitals), so that when the search finds no answer and one of them is a word the
coverage never uses, the reader is told the coverage is Arabic, not that it is silent; in
French when the words are French (`unnamed_language`: «Poutine cadeaux Kim», «Kim train
blindé»: French letters, French spellings of names and the commonest French nouns of the
news, written from knowledge of the language), else in English.
"""

from __future__ import annotations

import re

from .transliterate import is_arabizi

__all__ = ["question_language", "unnamed_language", "unnamed_words"]

_ARABIC = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff\ufb50-\ufdff\ufe70-\ufefc]")
# Latin letters, Latin Extended-A/B included (Turkish ı ş ğ, Polish, Romanian...)
_LATIN_WORD = re.compile(r"[a-zà-öø-ɏ]+", re.IGNORECASE)
_ARABIZI_WORD = re.compile(r"[a-z0-9']+")
_SENTENCE_END = frozenset(".?!¿¡:;\n؟")
# Scripts that name their language well enough for the "ask in Arabic" notice (the reply
# itself falls back to English where Marsad has no text in that language).
_SCRIPTS = (
    ("ru", re.compile(r"[\u0400-\u04ff]")),  # Cyrillic
    ("ko", re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")),  # Hangul
    ("ja", re.compile(r"[\u3040-\u30ff]")),  # Hiragana, Katakana
    ("zh", re.compile(r"[\u4e00-\u9fff]")),  # Han
    ("he", re.compile(r"[\u05d0-\u05ea]")),  # Hebrew
    ("el", re.compile(r"[\u0370-\u03ff]")),  # Greek
    ("hi", re.compile(r"[\u0900-\u097f]")),  # Devanagari
)

# The commonest words of each language, as a reader types them (accents optional).
_HYPHENS = frozenset("-\u2010\u2011")
_COMMON = {  # split into words below
    "en": "the a an of to in on at is are was were did do does what who whom whose when where why "
          "how which with about from and or not say said give gave this that it he she they "
          "there any has have had will would can could",
    "fr": "le la les un une des du de d l qu que qui quoi quel quelle quels quelles est sont "
          "était a ont fait dit donné pourquoi comment où quand avec pour sur dans et ou pas "
          "ce cette il elle ils au aux à",
    "es": "el la los las un una unos de del que qué quién quien cuándo dónde por porqué cómo "
          "es son fue dijo dio con para en y o no se su le les lo",
    "de": "der die das ein eine einen des dem den was wer wann wo warum wie ist sind war hat "
          "haben gab sagte mit für auf und oder nicht",
    "tr": "ne neden nasıl nerede zaman ve bir bu şu ile için mi mı mu mü dedi verdi",
}
_LOOKUP: dict[str, list[str]] = {}
for _lang, _words in _COMMON.items():
    for _word in _words.split():
        _LOOKUP.setdefault(_word, []).append(_lang)


# A lone two-letter word («un», «la», «de») names no language: in lowercase «kim jong un» it
# is the end of a name, in «putin la kim» Arabic's لـ typed in Latin; two of them, or one
# beside a longer word of the language, do.
_SHORT_VOTE = 0.5


def question_language(text: str) -> str:
    """The language `text` is written in: "ar" when it has Arabic letters, else a guess."""
    if _ARABIC.search(text):
        return "ar"
    for language, script in _SCRIPTS:
        if script.search(text):
            return language
    words = list(_LATIN_WORD.finditer(text))
    if not words:
        return "und"
    if any(is_arabizi(w) for w in _ARABIZI_WORD.findall(text.lower())):
        return "ar"  # «shu a3ta Putin la Kim?»: Arabic typed in Latin letters
    votes = dict.fromkeys(_COMMON, 0)
    after = None  # where the previous word ended
    named = False  # the previous word was capitalised
    for match in words:
        word, gap = match.group().lower(), text[after:match.start()] if after else None
        after, capital = match.end(), match.group()[0].isupper()
        hyphened, named = gap is not None and gap in _HYPHENS and named, capital
        if len(word) < 2:  # "a", "à", "y", "o": too short to tell one language from another
            continue
        if gap is not None and capital and _SENTENCE_END.isdisjoint(gap):
            continue  # a capital inside a sentence starts a name: the "Un" of "Kim Jong Un"
        if hyphened:
            continue  # the rest of a name after a hyphen: the "un" of "Kim Jong-un"
        for lang in _LOOKUP.get(word, ()):
            votes[lang] += 1 if len(word) > 2 else _SHORT_VOTE
    best = max(votes, key=lambda lang: (votes[lang], lang == "en"))
    return best if votes[best] >= 1 else "und"


_MIN_UNNAMED = 3  # "a", "to", "ha": too short to be taken for a word of some language
# Letters French writes and English does not, and French words of the news that English
# spells otherwise (names of people and places included: Poutine, Moscou, Corée).
_FRENCH_LETTERS = re.compile("[éèêëàâçîïôûùœ]", re.IGNORECASE)
_FRENCH_WORDS = frozenset((
    "poutine", "moscou", "russie", "corée", "coree", "coréen", "coreen", "pékin", "pekin",
    "chine", "japon", "cadeau", "cadeaux", "fusil", "fusils", "gant", "gants", "visite",
    "visites", "rencontre", "sommet", "guerre", "armes", "arme", "accord", "accords", "ministre",
    "ministres", "président", "blindé", "blinde", "espace", "fusée", "fusee",
    "fusees", "soutien", "discours", "entretien", "entretiens", "négociations",
    "negociations"))


def unnamed_language(text: str) -> str:
    """"fr" or "en": the language of a Latin-letter question that named no language by its
    function words («Poutine cadeaux Kim»: French): French letters or a French word of the
    news make it French, else it is taken for English."""
    if _FRENCH_LETTERS.search(text):
        return "fr"
    words = {w.lower() for w in _LATIN_WORD.findall(text)}
    return "fr" if words & _FRENCH_WORDS else "en"


def unnamed_words(text: str) -> list[str]:
    """The Latin words of `text` (lowercased, 3+ letters) that are not read as names: those
    written in lower case («putin gifts»: both), or every one when the text has no lower
    case letter («PUTIN GIFTS TO KIM?»). A capitalised word («Medvedev», «Kim») is a name."""
    words = _LATIN_WORD.findall(text)
    shouting = not any(c.islower() for w in words for c in w)
    return [w.lower() for w in words
            if len(w) >= _MIN_UNNAMED and (shouting or not w[0].isupper())]
