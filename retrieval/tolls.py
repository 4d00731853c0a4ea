"""The toll a passage states, whatever its words: «3 قتلى و41 جريحا», «مقتل ثلاثة أشخاص
وإصابة 41 آخرين» and «ثلاثة أشخاص لقوا حتفهم وأصيب 41» all state {(dead, 3), (injured, 41)}.

Outlets tell the same count of dead, injured, missing, displaced or arrested in other words:
a noun after the number («3 قتلى», «41 جريحا», «28 مصابا»), a verbal noun or a verb before it
(«مقتل ثلاثة أشخاص», «وأصيب 28 آخرون», «لقي شخصان مصرعهما»), or a verb after the people
counted («ثلاثة أشخاص على الأقل قتلوا», «الضحايا الثلاثة قضوا»). grouping.py credits an
outlet whose passage states the same toll as the one shown (issue 12, item 4: the reader
saw the same statement twice, the other outlet uncredited). The cue words are listed from
knowledge of how Arabic news writes a toll, not from a question set.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

import numpy as np

from .analysis import analyze_token, join_thousands, normalize

__all__ = ["DEAD", "INJURED", "asks_toll", "cue_category", "reporting_term", "stop_cue_in",
           "toll", "toll_clause", "toll_term", "toll_words"]

DEAD, INJURED, MISSING, DISPLACED, ARRESTED = "dead", "injured", "missing", "displaced", \
    "arrested"


def _words(text: str) -> list[str]:
    return [normalize(w) for w in text.split()]


def _cues(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    return {w: category for words, category in pairs for w in _words(words)}


# After the number: the people counted, as a noun or a verb of what befell them
_AFTER = _cues([
    ("قتيل قتيلا قتيلًا قتلى قتيلان قتيلين ضحية ضحايا وفيات متوفين حتفهم حتفه مصرعهم مصرعه "
     "مصرعهما حتفهما قتلوا قتلا توفوا توفيا قضوا لقوا ماتوا وفاة غرقى غرقوا", DEAD),
    ("جريح جريحا جريحًا جرحى جريحان جريحين مصاب مصابا مصابًا مصابين مصابون مصابان أصيبوا "
     "اصيبوا أصيبا بجروح إصابة إصابات", INJURED),
    ("مفقود مفقودا مفقودين مفقودون فقدوا", MISSING),
    ("نازح نازحا نازحين نازحون نزحوا مشرد مشردا مشردين شردوا", DISPLACED),
    ("معتقل معتقلا معتقلين موقوفين موقوفا اعتقلوا أوقفوا", ARRESTED),
])
# Before the number: a verbal noun or a verb governing the people counted
_BEFORE = _cues([
    ("مقتل وفاة مصرع قتل لقي لقيت توفي قضى بحياة", DEAD),
    ("إصابة اصابة أصيب اصيب جرح إصابات", INJURED),
    ("فقدان فقد اختفاء", MISSING),
    ("نزوح تشريد إجلاء اجلاء", DISPLACED),
    ("اعتقال توقيف احتجاز اعتقلت اعتقل أوقفت أوقف احتجزت القبض", ARRESTED),
])
# Words for the people counted, passed over between the number and its cue
_PEOPLE = set(_words("شخص شخصا شخصًا أشخاص اشخاص آخر آخرين آخرون اخرين اخرون مواطن مواطنا "
                     "مواطنين مدنيا مدنيين على الأقل الاقل الأقل مشجعا مشجعين طفلا أطفال "
                     "عاملا عمال راكبا ركاب جنديا جنود مهاجرا مهاجرين صيادا صيادين "
                     "متظاهرا متظاهرين امرأة نساء"))
# Between a verb or noun of the toll and the number: «أصيب فيه 54 آخرون», «قتل فيها 3»
_BETWEEN = set(_words("فيه فيها فيهم به بها منهم جراءه جراءها خلاله خلالها على"))
# The subject of a verb of the toll, between it and the number: «أوقفت قوات الأمن 12»
_SUBJECTS = set(_words("قوات عناصر سلطات فرق أجهزة"))
SUBJECT_WORDS = 2  # words of a subject passed over back from the number
# A dual noun counts two by itself («قتيلان», «شخصان مصرعهما»)
_DUALS = {w: 2 for w in _words("قتيلان قتيلين جريحان جريحين مصابان شخصان شخصين")}
_NUMBER_WORDS = {w: n for n, words in enumerate((
    "", "واحد واحدة", "اثنان اثنين اثنتان اثنتين", "ثلاثة ثلاث", "أربعة أربع", "خمسة خمس",
    "ستة ست", "سبعة سبع", "ثمانية ثماني ثمان", "تسعة تسع", "عشرة عشر"))
    for w in _words(words)}
_TENS = {w: 10 * n for n, words in enumerate(("", "", "عشرون عشرين", "ثلاثون ثلاثين",
                                              "أربعون أربعين", "خمسون خمسين", "ستون ستين",
                                              "سبعون سبعين", "ثمانون ثمانين", "تسعون تسعين"))
         for w in _words(words)}
_DIGITS = re.compile(r"^\d+$")
_TOKEN = re.compile(r"\w+")
_ARTICLE, _AND = normalize("ال"), normalize("و")
# Every word `_count` reads as a count without digits: a number word, bare or glued to و
# and the article as `_bare` strips them (a word in none, all letters, is passed over)
_COUNT_FORMS = frozenset(f"{glued}{article}{w}" for w in (*_NUMBER_WORDS, *_TENS, *_DUALS)
                         for glued in ("", _AND) for article in ("", _ARTICLE))
WINDOW = 4  # words a cue may stand after the number (the people counted passed over)
# Every toll has a cue word in it: a text without one (most passages) is passed over at
# once, not read word by word (grouping reads the toll of every candidate of a question)
_ANY_CUE = frozenset(f"{glued}{article}{cue}" for cue in (*_AFTER, *_BEFORE)
                     for glued in ("", _AND) for article in ("", _ARTICLE))


def _bare(word: str) -> list[str]:
    """The word, without و glued before it, and without the article."""
    forms = [word]
    if word.startswith(_AND) and len(word) > 2:
        forms.append(word[1:])
    forms += [f[len(_ARTICLE):] for f in forms if f.startswith(_ARTICLE) and len(f) > 4]
    return forms


def _count(word: str) -> int | None:
    for form in _bare(word):
        if _DIGITS.match(form):
            return int(form)
        if form in _NUMBER_WORDS:
            return _NUMBER_WORDS[form]
        if form in _TENS:
            return _TENS[form]
        if form in _DUALS:
            return _DUALS[form]
    return None


def _cue(word: str, cues: dict[str, str]) -> str | None:
    return next((cues[f] for f in _bare(word) if f in cues), None)


def _before(words: list[str], i: int) -> int:
    """Where a verb or noun of the toll stands before the number at i: right before it,
    or before a preposition («أصيب فيه 54») or a subject («أوقفت قوات الأمن 12»)."""
    j = i - 1
    if j > 0 and words[j] in _BETWEEN:
        return j - 1
    k = j
    while k > 0 and i - k <= SUBJECT_WORDS and (
            words[k].startswith(_ARTICLE) or words[k] in _SUBJECTS):
        k -= 1
    return k if k < j and _cue(words[k], _BEFORE) is not None else j


def toll(text: str) -> frozenset[tuple[str, int]]:
    """The (category, count) pairs the text states: dead, injured, missing, displaced,
    arrested (see the module). A number with no cue beside it (a magnitude, a year, a
    count of buildings) states none."""
    words = _TOKEN.findall(join_thousands(normalize(text)))
    if _ANY_CUE.isdisjoint(words):
        return frozenset()
    found: set[tuple[str, int]] = set()
    for i, word in enumerate(words):
        count = _count(word) if word in _COUNT_FORMS or not word.isalpha() else None
        if not count:
            continue
        category = _DUALS.get(word) and _cue(word, _AFTER)  # «قتيلان»: the noun itself
        j = i + 1
        while category is None and j < min(len(words), i + 1 + WINDOW):
            if words[j] in _PEOPLE:
                j += 1
                continue
            category = _cue(words[j], _AFTER) if not words[j].startswith(_AND) or \
                _cue(words[j], _BEFORE) is None else None
            break
        if category is None and i:
            category = _cue(words[_before(words, i)], _BEFORE)
        if category is not None:
            found.add((category, count))
    return frozenset(found)


@lru_cache(maxsize=1)
def _cue_terms() -> dict[str, str]:
    """Analysed cue word -> its category (the terms a question asks a toll by)."""
    return {t: category for cues in (_AFTER, _BEFORE) for w, category in cues.items()
            if (t := analyze_token(w)) is not None}


@lru_cache(maxsize=1)
def _read_terms() -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    """What analysis keeps of the words `toll` reads: the terms of the cue words' forms
    (`_ANY_CUE`), those of the number words' forms (bare, or glued to و and the article as
    `_bare` strips them), and the cue forms it drops as stop words («فقد»). Analysis reads
    a text's words as `toll` does (normalized, cut at what is no letter or digit)."""
    cues = {w: analyze_token(w) for w in _ANY_CUE}
    counts = {analyze_token(f) for f in _COUNT_FORMS}
    return (frozenset(t for t in cues.values() if t is not None),
            frozenset(t for t in counts if t is not None),
            tuple(sorted(w for w, t in cues.items() if t is None)))


def toll_words(terms: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Per analysed term: whether it is a cue word's, and whether it may be a count's (a
    number word's, or one with digits, which analysis keeps, glued to و or the article or
    not: any term not all letters). A text stating a toll (`toll`) holds a cue word's term,
    or a count's and a cue analysis drops (`stop_cue_in`)."""
    cues, counts, _ = _read_terms()
    return (np.fromiter((t in cues for t in terms), bool, len(terms)),
            np.fromiter((t in counts or not t.isalpha() for t in terms), bool, len(terms)))


def stop_cue_in(text: str) -> bool:
    """Whether `text` may hold a cue word analysis drops as a stop word («فقد»): its
    normalized text holds its letters, as a word or within one."""
    stops = _read_terms()[2]
    if not stops:
        return False
    folded = normalize(text)
    return any(w in folded for w in stops)


@lru_cache(maxsize=1)
def _toll_terms() -> frozenset[str]:
    """Analysed words a toll is told in: its cues, the people counted, the numbers."""
    words = (*_AFTER, *_BEFORE, *_PEOPLE, *_DUALS, *_NUMBER_WORDS, *_TENS)
    return frozenset(t for w in words if (t := analyze_token(w)) is not None)


def toll_term(term: str) -> bool:
    """Whether an analysed term is one a toll is told in (a cue, a word for the people
    counted, a number): what is left of a passage without them tells which event it is."""
    return term in _toll_terms() or term.replace(".", "").isdigit()


_ASKING = frozenset(t for w in _words("حصيلة حصيلتها ضحايا ضحية الضحايا خسائر بشرية")
                   if (t := analyze_token(w)) is not None)


def asks_toll(term: str) -> bool:
    """Whether an analysed question term asks a toll: a cue («القتلى», «المصابين»,
    «اعتقل») or a word for the whole of it («حصيلة», «ضحايا»)."""
    return term in _ASKING or cue_category(term) is not None


def cue_category(term: str) -> str | None:
    """The toll category an analysed question term asks about («قتلى», «مقتل», «الجرحى»,
    «المصابين»), or None: a passage stating that category's count holds what it asks."""
    return _cue_terms().get(term)


# Where one clause of a sentence ends and the next tells something else: «وفي الجزائر
# أعلنت الحماية المدنية مقتل ثلاثة أشخاص وإصابة 41 آخرين، فيما بعث الملك … برقية تعزية»
_CLAUSES = re.compile(r"[.،؛!?؟]|,\s|\s(?:فيما|بينما|في حين)\s")


def toll_clause(text: str) -> str:
    """The clause of `text` that states its toll (`toll`), else the whole text: what the
    passage says of the event beside the count."""
    return next((c for c in _CLAUSES.split(text) if toll(c)), text)


# Words saying who told a toll, not which event it is: «أعلنت», «أحصت», «سجلت», «حسب»
_REPORTING = frozenset(t for w in _words(
    "أعلن أعلنت أعلنته إعلان أحصى أحصت سجل سجلت أفاد أفادت قال قالت ذكر ذكرت أكد أكدت "
    "أوضح أوضحت نقل نقلت بحسب حسب وفق وفقا أشار أشارت بيان حصيلة حصيلتها")
    if (t := analyze_token(w)) is not None)


def reporting_term(term: str) -> bool:
    """Whether an analysed term says who told a toll or that it is one («أعلنت», «أحصت»,
    «حسب», «حصيلة»), not which event it tells of."""
    return term in _REPORTING
