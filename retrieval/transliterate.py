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
import unicodedata
from itertools import combinations, product

__all__ = ["EXONYMS", "LATIN_WORD", "arabic_spellings", "sound_alike_spellings", "unaccented"]

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


def unaccented(word: str) -> str:
    """`word` with the accents of its Latin letters dropped (Sergueï -> Serguei, Corée ->
    Coree, Pékin -> Pekin), so that a name typed the French or German way is spelled like
    any other; other characters are kept."""
    return "".join(c for c in unicodedata.normalize("NFKD", word)
                   if not unicodedata.combining(c))


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


# --------------------------------------------------------------------------- other choices

# The press's other choices for a Latin letter or group, beside `_spell`'s (costlier later):
# emphatic consonants (Tehran -> طهران, Riyadh -> الرياض, Doha -> الدوحة, Ankara -> أنقرة),
# g and j as ج (Georgia), th as ت or ذ, and vowels written otherwise or not at all
# (Trump -> ترامب, Biden -> بايدن, London -> لندن, Dubai -> دبي).
_OTHER_CONSONANTS: dict[str, tuple[str, ...]] = {
    "t": ("ط",), "d": ("ض",), "s": ("ص", "ز"), "k": ("ق",), "c": ("ق",), "q": ("ك",),
    "h": ("ح", ""), "z": ("ظ", "س", "تس"), "j": ("ي",), "x": ("كس",),
    "th": ("ت", "ذ"), "dh": ("ذ", "ض", "د"), "ch": ("ش", "ك", "خ"), "zh": ("ز",),
    "sch": ("ش",), "ts": ("تز",), "ph": ("ب",), "kh": ("ك",), "gh": ("ج", "غ"),
    "ng": ("ن", "نج"),
}
_SOFT_G = ("ج",)  # g before e, i, y (George, Georgia); a hard g is never ج here (goal)
_USUAL = {**_DIGRAPHS, **_LETTERS, "sch": "ش", "dh": "ذ", "ng": "نغ", "ie": "ي", "yi": "ي",
          "ea": "ي"}
# Single vowels may go unwritten; long ones (ee, oo, ou, ea) are always written.
_OTHER_VOWELS: dict[str, tuple[str, ...]] = {
    "a": ("", "ي"), "e": ("", "ا"), "i": ("", "اي", "ا"), "o": ("", "ا"), "u": ("", "ا"),
    "y": ("",), "ai": ("ي", ""), "ay": ("ي",), "ei": ("اي",), "ey": ("اي",),
    "ya": ("ي",), "yo": ("ي",), "yu": ("ي",), "ie": ("يي", "اي"), "yi": ("يي",),
    "ea": ("يا",),
}
_FINAL_VOWELS: dict[str, tuple[str, ...]] = {"a": ("ه", ""), "e": ("", "ه"), "y": ("ي",)}
_GROUPS = sorted({*_OTHER_CONSONANTS, *_OTHER_VOWELS, *_DIGRAPHS}, key=len, reverse=True)
MIN_SOUNDS_LETTERS = 4  # shorter words are too ambiguous to spell in other ways
MAX_SOUND_SPELLINGS = 512
_DOUBLED = re.compile("([او])\\1+")  # موسكوو, but كييف keeps its two ي
_LETTERS_PER_DEPARTURE = 3  # a name departs from the usual letters once per 3 letters, + 1


def _segments(word: str) -> list[tuple[str, ...]]:
    """`word` cut into letters and letter groups, each with its Arabic choices: the usual
    one first (as `_spell` writes it), then the others."""
    out: list[tuple[str, ...]] = []
    i, n = 0, len(word)
    while i < n:
        if i + 1 < n and word[i + 1] == word[i] and word[i] not in _VOWELS:  # ss, ll
            i += 1
            continue
        group = next(g for g in (*_GROUPS, word[i]) if word.startswith(g, i))
        usual = _USUAL[group]
        if group == "c" and word[i + 1:i + 2] in _SOFT_C:
            usual = "س"
        others = _OTHER_CONSONANTS.get(group, ()) + _OTHER_VOWELS.get(group, ())
        if group == "g" and word[i + 1:i + 2] in _SOFT_C:
            others = _SOFT_G
        if i + len(group) == n:
            others = _FINAL_VOWELS.get(group, ()) + others
            if group == "w":
                usual = ""
        choices = tuple(dict.fromkeys((usual, *others)))
        if i == 0 and group[0] in _VOWELS:  # a word-initial vowel sits on an alef
            choices = tuple(dict.fromkeys(_ALEF + c for c in choices))
        out.append(choices)
        i += len(group)
    return out


def sound_alike_spellings(word: str, limit: int = MAX_SOUND_SPELLINGS) -> list[str]:
    """Arabic spellings of a lowercased Latin name beyond `arabic_spellings`', fewest
    departures from the usual letters first (at most `limit`, and one departure per three
    letters plus one: an English word is not bent into some Arabic word, meeting -> متن):
    each letter group may take the press's other choices (طهران, بايدن, لندن, الدوحة).
    For names the usual spelling misses; the vocabulary decides which, if any, is real.
    None under MIN_SOUNDS_LETTERS letters or for other characters."""
    if len(word) < MIN_SOUNDS_LETTERS or not LATIN_WORD.fullmatch(word):
        return []
    segments = _segments(word)
    budget = 1 + len(word) // _LETTERS_PER_DEPARTURE
    open_at = [i for i, s in enumerate(segments) if len(s) > 1]
    out: list[str] = []
    for departures in range(budget + 1):
        for at in combinations(open_at, departures):
            for others in product(*(segments[i][1:] for i in at)):
                letters = [s[0] for s in segments]
                for i, other in zip(at, others, strict=True):
                    letters[i] = other
                out.append(_DOUBLED.sub("\\1", "".join(letters)))
                if len(out) >= limit:
                    return list(dict.fromkeys(out))
    return list(dict.fromkeys(out))


# --------------------------------------------------------------------------- exonyms

# Places the Arabic press calls by a name of its own, not by their sound in English or
# French (Cairo is القاهرة, Beijing بكين, Ukraine أوكرانيا): no spelling rule reaches them.
_EXONYMS = """
egypt egypte مصر | cairo caire القاهرة | alexandria alexandrie الإسكندرية | damascus damas دمشق
syria syrie سوريا | aleppo alep حلب | lebanon liban لبنان | jordan jordanie الأردن
iraq irak العراق | mosul mossoul الموصل | basra bassora البصرة | saudi السعودية
yemen اليمن | morocco maroc المغرب | algeria algerie الجزائر | algiers alger الجزائر
tunisia tunisie تونس | palestine palestine فلسطين | jerusalem jerusalem القدس
mecca mecque مكة | medina medine المدينة | turkey turquie تركيا | greece grece اليونان
athens athenes أثينا | germany allemagne ألمانيا | munich ميونخ | cologne كولونيا
spain espagne إسبانيا | lisbon lisbonne لشبونة | japan japon اليابان | china chine الصين
beijing peking pekin بكين | india inde الهند | ukraine أوكرانيا | england angleterre إنجلترا
netherlands holland hollande هولندا | switzerland suisse سويسرا | austria autriche النمسا
vienna vienne فيينا | sweden suede السويد | norway norvege النرويج | finland finlande فنلندا
poland pologne بولندا | warsaw varsovie وارسو | hungary hongrie المجر | belgium belgique بلجيكا
brussels bruxelles بروكسل | geneva geneve جنيف | rome روما | venice venise البندقية
copenhagen copenhague كوبنهاغن | prague براغ | mexico mexique المكسيك | brazil bresil البرازيل
europe أوروبا | africa afrique أفريقيا | asia asie آسيا | crimea crimee القرم
chechnya tchetchenie الشيشان | azerbaijan azerbaidjan أذربيجان | vatican الفاتيكان
kuwait koweit الكويت | bahrain bahrein البحرين | emirates emirats الإمارات
"""
EXONYMS: dict[str, str] = {latin: entry.split()[-1] for line in _EXONYMS.strip().splitlines()
                           for entry in line.split("|") for latin in entry.split()[:-1]}
"""Lowercased Latin name (English or French, unaccented) -> the Arabic press's name."""
