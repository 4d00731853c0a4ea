"""Latin letters to Arabic ones, for names typed in Latin (Putin, Kim Jong Un, Vostochny).

A reader types «ماذا أهدى Putin لـ Kim؟»; the coverage writes بوتين and كيم. This module
only spells a Latin word in Arabic letters, the way the Arabic press transliterates foreign
names (p -> ب, v -> ف, g -> غ, ch -> تش, a long vowel for each written vowel). Which
spelling the corpus really uses is decided elsewhere: the candidates are matched against
the vocabulary by the spelling-variant machinery (variants.py: skeletons, split compounds,
near terms), so nothing here knows any particular name.

Several candidates per word: every vowel written as a long letter (بوتين, لافروف), then
each choice of the short vowels a/e between consonants left unwritten (Kremlin -> كرملين,
Merkel -> ميركل), as Arabic spelling often does.
"""

from __future__ import annotations

import re
from itertools import combinations

__all__ = ["LATIN_WORD", "arabic_spellings"]

LATIN_WORD = re.compile("[a-z]+")  # normalized (lowercased) Latin letters only

# Longest first within each starting letter: tried in this order at each position.
_DIGRAPHS: dict[str, str] = {
    "sh": "ش", "ch": "تش", "kh": "خ", "gh": "غ", "th": "ث", "ph": "ف", "zh": "ج",
    "ts": "تس", "ck": "ك", "qu": "كو", "oo": "و", "ee": "ي", "ou": "و", "ai": "اي",
    "ay": "اي", "ei": "ي", "ey": "ي", "oi": "وي", "oy": "وي", "yu": "يو", "ya": "يا",
    "yo": "يو", "dj": "ج",
}
_LETTERS: dict[str, str] = {
    "a": "ا", "b": "ب", "c": "ك", "d": "د", "e": "ي", "f": "ف", "g": "غ", "h": "ه", "i": "ي",
    "j": "ج", "k": "ك", "l": "ل", "m": "م", "n": "ن", "o": "و", "p": "ب", "q": "ق", "r": "ر",
    "s": "س", "t": "ت", "u": "و", "v": "ف", "w": "و", "x": "كس", "y": "ي", "z": "ز",
}
_VOWELS = frozenset("aeiou")
_SHORT = frozenset("ae")  # the vowels Arabic spelling most often leaves unwritten
_SOFT_C = frozenset("eiy")  # c before these sounds as s (Mercedes, Nice)
_ALEF = "ا"
_MIN_LETTERS = 2
MAX_SPELLINGS = 8


def _spell(word: str, dropped: frozenset[int]) -> str:
    """`word` in Arabic letters, leaving out the short vowels at the positions `dropped`."""
    out: list[str] = []
    i, n = 0, len(word)
    while i < n:
        ch = word[i]
        if i + 1 < n and word[i + 1] == ch and ch not in _VOWELS:  # ss, ll: one letter
            i += 1
            continue
        pair = word[i:i + 2]
        if i == 0 and ch in _VOWELS:  # a word-initial vowel sits on an alef (Un -> اون)
            out.append(_ALEF)
            if ch in _SHORT and pair not in _DIGRAPHS:
                i += 1
                continue
        if pair in _DIGRAPHS:
            out.append(_DIGRAPHS[pair])
            i += 2
            continue
        if ch == "w" and i == n - 1 and out:  # Moscow: a final w only lengthens the vowel
            i += 1
            continue
        if i in dropped:
            i += 1
            continue
        if ch == "c" and i + 1 < n and word[i + 1] in _SOFT_C:
            out.append("س")
        else:
            out.append(_LETTERS[ch])
        i += 1
    spelled = "".join(out)
    # a vowel letter doubled by the rules above (Moscow -> موسكوو) is written once
    return re.sub("([اوي])\\1+", "\\1", spelled)


def arabic_spellings(word: str) -> list[str]:
    """Arabic-letter spellings of a lowercased Latin word, most literal first: every vowel
    written, then each choice of short vowels (a, e) inside the word left unwritten (at
    most MAX_SPELLINGS). None for a word of fewer than two letters or with other
    characters (digits, accents)."""
    if len(word) < _MIN_LETTERS or not LATIN_WORD.fullmatch(word):
        return []
    inner = [i for i in range(1, len(word) - 1) if word[i] in _SHORT
             and word[i - 1] not in _VOWELS and word[i + 1] not in _VOWELS]
    choices = sorted((frozenset(c) for r in range(len(inner) + 1)
                      for c in combinations(inner, r)), key=len)[:MAX_SPELLINGS]
    return list(dict.fromkeys(_spell(word, c) for c in choices))
