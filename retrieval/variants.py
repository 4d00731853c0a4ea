"""Spelling variants and character n-grams at the vocabulary level, not the posting level.

A full character n-gram posting index would hold ~5x the postings of the stemmed field, too
much at a million passages. Instead this map sits beside the vocabulary (one entry per
distinct term, built incrementally as terms appear):

- a transliteration *skeleton* per term (فوستوتشني and فوستوشني, بيونغيانغ and بيونجيانج,
  جونغ and جونج, اصطناعي and صناعي share one), so a query term is widened to every
  vocabulary term of its skeleton and scored as one synonym group;
- the character trigrams of each term, so the reranker can weigh a candidate's trigrams by
  an approximate corpus document frequency: df(g) ~ min(N, sum of df(t) over terms t
  holding g). Measured on ARCD the log-error of that estimate is ~3%.

Nothing here touches the BM25 index: groups are scored with its exact per-term scores.
"""

from __future__ import annotations

import bisect
import itertools
import re
import threading
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .analysis import analyze_token, char_ngrams, normalize, stem
from .index import run_starts
from .questions import LIGHT
from .transliterate import (
    EXONYMS,
    arabic_spellings,
    hamza_seated,
    sound_alike_spellings,
    unaccented,
)

__all__ = ["VariantMap", "VariantPart", "skeleton"]

# Letters that transliterations of the same foreign sound alternate between (g, v, p, ch).
_FOLD = str.maketrans({"\u063a": "\u062c",  # غ -> ج  (بيونغ / بيونج, جونغ / جونج)
                       "\u06af": "\u0643",  # گ -> ك
                       "\u06a4": "\u0641",  # ڤ -> ف
                       "\u067e": "\u0628",  # پ -> ب
                       "\u0686": "\u0634"})  # چ -> ش
# Form VIII of roots starting with ص/ض writes an infixed ط: اصطناعي is صناعي's twin.
_FORM_VIII = (("\u0627\u0635\u0637", "\u0635"), ("\u0627\u0636\u0637", "\u0636"))
_LONG_VOWELS = str.maketrans("", "", "\u0627\u0648\u064a")  # ا و ي
# Dropping long vowels too (بوتين / بوتن) merges real words (علوم / عالم / علم): measured
# on ARCD it costs 1.7 P@1 points, and the known pairs do not need it. Off.
DROP_LONG_VOWELS = False
_MIN_SKELETON = 3  # shorter skeletons collide with too many unrelated words
_MIN_SPLIT = 3  # each half of a split compound (بيونغ + يانغ) has 3+ letters
_ARABIC_LETTERS = re.compile("[\u0621-\u06d3]+")
# An unknown query word stands for its NEAR_TERMS most similar vocabulary terms, if they
# share this much of its trigrams (ARCD, 5-fold cross-validated: +0.6 P@1, +0.6 MRR@10;
# 0.5 and a single term both gained less).
NEAR_SIMILARITY = 0.6
NEAR_TERMS = 3
# A word nothing else reached is taken for a typo of a term one slip away (`one_slip`).
SLIP_MIN_LETTERS = 5
# A shorter word, of this many letters or more, is taken for its likeliest slips only
# (`short_slip`), and only when one term they reach is this much commoner (idf) than any
# other they reach: e^1.4, about four times as many passages.
SHORT_SLIP_LETTERS = 3
SLIP_DOMINANCE = 1.4
# and for a spelling with other vowels, which must share most of its letters' order too:
# سفر / سافر, عرض / عروض, قطر / قطار are other words (seed questions lost at 0.2)
VOWEL_SIMILARITY = 0.4
SLIP_SIMILARITY = 0.2  # candidates from the trigram index, then checked letter by letter
_MIN_GENITIVE = 4  # Putins, Kremlins: a name and the German genitive -s
_GLUED = ("\u0644", "\u0628", "\u0643")  # ل ب ك: prepositions written as one with a word
_GLUED_BEFORE = ("\u0628",)  # ب (glued_forms): a property's «بقوة», «بسرعة», «بنسبة»
_TA_MARBUTA, _TA = "\u0647", "\u062a"  # ة as normalized (ه), and ت before a pronoun
_PRONOUNS = ("\u0647\u0627", "\u0647", "\u0647\u0645")  # ها ه هم


def skeleton(term: str) -> str:
    """Fold a (stemmed, normalized) term to the key its spelling variants share.

    Folds transliteration letters (غ/ج, گ/ك, ڤ/ف, پ/ب, چ and تش -> ش) and form VIII
    ص/ض + ط (فوستوتشني -> فوستوشني, بيونغ -> بيونج, اصطناع -> صناع).
    Terms that are not all Arabic letters, and skeletons under three letters, are their
    own key (digits, Latin, short words are never widened).
    """
    if not _ARABIC_LETTERS.fullmatch(term):
        return term
    key = term.translate(_FOLD).replace("\u062a\u0634", "\u0634")  # تش -> ش
    for prefix, letter in _FORM_VIII:
        if key.startswith(prefix) and len(key) > len(prefix) + 1:
            key = letter + key[len(prefix):]
            break
    if DROP_LONG_VOWELS:
        key = key[0] + key[1:].translate(_LONG_VOWELS)
    return key if len(key) >= _MIN_SKELETON else term


_FOLD_PAIRS = tuple((chr(c), r) for c, r in _FOLD.items())  # no replacement is folded again
_NOT_LETTERS = re.compile("[^\u0621-\u06d3\n]+")


def _consonants(term: str) -> str:
    """A term's skeleton without the long vowels inside it (دانييل, دانيال -> دنل): how a
    foreign name's spellings differ most (`VariantMap.vowel_variants`). The first and last
    letters stay: دانيلو (Danilo) is another name."""
    key = skeleton(term)
    return key[:1] + key[1:-1].translate(_LONG_VOWELS) + key[-1:] if len(key) > 1 else key


def all_skeletons(terms: Sequence[str]) -> list[str]:
    """`[skeleton(t) for t in terms]`, ~4x faster over a whole vocabulary (a restart builds
    the map of every term): the folds run once over all the terms joined by newlines, and
    only the few terms a rule singles out are looked at one by one."""
    if DROP_LONG_VOWELS or not terms:
        return list(map(skeleton, terms))
    joined = "\n".join(terms)
    if joined.count("\n") != len(terms) - 1:  # a term holding a newline: one by one
        return list(map(skeleton, terms))
    lengths = np.fromiter(map(len, terms), np.int64, len(terms))
    line_starts = np.cumsum(lengths + 1) - lengths - 1
    # a term with anything but Arabic letters (at these offsets) is its own key
    odd = np.array([m.start() for m in _NOT_LETTERS.finditer(joined)], np.int64)
    own = set((np.searchsorted(line_starts, odd, side="right") - 1).tolist())
    for char, letter in _FOLD_PAIRS:
        if char in joined:
            joined = joined.replace(char, letter)
    keys = joined.replace("\u062a\u0634", "\u0634").split("\n")
    for prefix, letter in _FORM_VIII:  # the few lines starting with it, found in C
        line, seen = 0, 0
        for found in re.finditer(f"^{prefix}", joined, re.MULTILINE):
            line += joined.count("\n", seen, found.start())
            seen = found.start()
            if len(keys[line]) > len(prefix) + 1:
                keys[line] = letter + keys[line][len(prefix):]
    sizes = np.fromiter(map(len, keys), np.int64, len(keys))
    own.update(np.flatnonzero(sizes < _MIN_SKELETON).tolist())
    for i in own:
        keys[i] = terms[i]
    return keys


# Trigram codes: the code points of a trigram (two for the marked empty term "##") packed
# 21 bits each into an int64, so a map is numpy arrays only: built and loaded without a
# Python loop over the vocabulary, looked up with searchsorted.
_CODE_BITS = 21
MERGE_FACTOR = 4  # a part is merged into the one before it unless 4x smaller


def gram_code(gram: str) -> int:
    """The int64 code of a trigram (as `char_ngrams(term, 3)` makes them)."""
    code = 0
    for char in gram:
        code = (code << _CODE_BITS) | ord(char)
    return code


_NUMPY_SORT = 64  # terms up to this long are sorted by numpy as fixed-width strings


def _sorted(keys: list[str], fixed_width: bool) -> tuple[list[str], np.ndarray]:
    """`keys` sorted, ties in their order, and that order (int64). numpy sorts fixed-width
    strings several times faster than Python sorts a list, but drops the NULs a string ends
    with and gives every string the longest one's width: `fixed_width` says neither
    matters."""
    if fixed_width:
        array = np.array(keys)
        order = np.argsort(array, kind="stable")
        return array[order].tolist(), order
    order = sorted(range(len(keys)), key=keys.__getitem__)
    return list(map(keys.__getitem__, order)), np.array(order, np.int64)


@dataclass(frozen=True, eq=False)
class VariantPart:
    """The map of the terms `first` .. `end - 1`, immutable, stored as it is (store.py).

    `skeletons` are the terms' skeletons sorted (ties by term id), `skeleton_ids` their
    terms; trigram `grams[i]` (a code, sorted) is held by the terms
    `gram_ids[indptr[i]:indptr[i + 1]]` (ascending); `lengths` counts each term's distinct
    trigrams (capped at 65535).
    """

    first: int
    skeletons: list[str]
    skeleton_ids: np.ndarray  # int32
    grams: np.ndarray  # int64
    indptr: np.ndarray  # int64, len(grams) + 1
    gram_ids: np.ndarray  # int32
    lengths: np.ndarray  # uint16

    @property
    def end(self) -> int:
        return self.first + len(self.lengths)

    @classmethod
    def build(cls, terms: Sequence[str], first: int = 0) -> VariantPart:
        """The part of `terms`, the first of them term id `first`."""
        n = len(terms)
        # "#term#" for each term, one after another: every window of three code points
        # inside one marked term is one of its trigrams (as char_ngrams makes them)
        sizes = np.fromiter(map(len, terms), np.int64, n) + 2
        marked = "#" + "##".join(terms) + "#"
        keys, order = _sorted(all_skeletons(terms), n and int(sizes.max()) - 2 <= _NUMPY_SORT
                              and "\0" not in marked)
        codes = np.frombuffer(marked.encode("utf-32-le"), np.uint32).astype(np.int64)
        owner = np.repeat(np.arange(n, dtype=np.int32), sizes)
        grams = (codes[:-2] << 2 * _CODE_BITS) | (codes[1:-1] << _CODE_BITS) | codes[2:]
        del codes  # a million terms hold ~10M code points: memory is let go as it goes
        inside = owner[:-2] == owner[2:]
        short = np.flatnonzero(sizes < 3)  # the empty term: "##" is its only gram
        grams = np.concatenate([grams[inside], np.array([gram_code(f"#{terms[i]}#")
                                                         for i in short], np.int64)])
        owner = np.concatenate([owner[:-2][inside], short.astype(np.int32)])
        at = np.argsort(grams, kind="stable")  # within a trigram, owners stay ascending
        grams, owner = grams[at], owner[at]
        keep = np.ones(len(grams), bool)  # a trigram twice in one term counts once
        keep[1:] = (grams[1:] != grams[:-1]) | (owner[1:] != owner[:-1])
        grams, owner = grams[keep], owner[keep]
        starts = run_starts(grams)
        return cls(first, keys, (order + first).astype(np.int32), grams[starts],
                   np.append(starts, len(grams)).astype(np.int64),
                   (owner + first).astype(np.int32),
                   np.minimum(np.bincount(owner, minlength=n), 65535).astype(np.uint16))

    def consistent(self) -> bool:
        """Whether the arrays hang together, so no lookup can fail (a part read back from a
        damaged file can hold anything; the order of the skeletons is not checked: 10 ms
        at 180k terms, and a wrong order only misses variants)."""
        n, p, keys = len(self.lengths), self.indptr, self.skeletons
        return (self.first >= 0 and isinstance(keys, list)
                and all(map(isinstance, keys, itertools.repeat(str)))
                and len(keys) == n == len(self.skeleton_ids)
                and len(p) == len(self.grams) + 1 and p[0] == 0
                and p[-1] == len(self.gram_ids) and bool(np.all(np.diff(p) > 0))
                and bool(np.all(np.diff(self.grams) > 0))
                and all(not len(ids) or (ids.min() >= self.first and ids.max() < self.end)
                        for ids in (self.skeleton_ids, self.gram_ids)))

    def with_skeleton(self, key: str) -> np.ndarray:
        lo = bisect.bisect_left(self.skeletons, key)
        hi = bisect.bisect_right(self.skeletons, key, lo)
        return self.skeleton_ids[lo:hi]

    def holding(self, code: int) -> np.ndarray:
        i = int(self.grams.searchsorted(code))
        if i == len(self.grams) or self.grams[i] != code:
            return self.gram_ids[:0]
        return self.gram_ids[self.indptr[i]:self.indptr[i + 1]]


@dataclass(frozen=True)
class _Map:
    """What a lookup reads, swapped in one assignment (sync runs beside lookups)."""

    parts: tuple[VariantPart, ...]
    lengths: np.ndarray  # uint16 by term id: the parts' lengths end to end
    first_term: str | None  # to notice a rebuilt vocabulary

    @property
    def size(self) -> int:
        return self.parts[-1].end if self.parts else 0

    @classmethod
    def of(cls, parts: Sequence[VariantPart], first_term: str | None) -> _Map:
        lengths = [p.lengths for p in parts]
        return cls(tuple(parts), np.concatenate(lengths) if lengths else np.zeros(0, np.uint16),
                   first_term)


class VariantMap:
    """Skeleton -> term ids and trigram -> term ids over an append-only vocabulary.

    Held as parts over consecutive term ids (`VariantPart`), stored in the database at
    ingest so that a restart reads them instead of rebuilding them; the terms added since
    become a new part when `sync` sees them.
    """

    def __init__(self, parts: Sequence[VariantPart] = (), first_term: str | None = None
                 ) -> None:
        """Empty, or from stored parts (store.variant_parts) of a vocabulary whose first
        term is `first_term`."""
        self._map = _Map.of(parts, first_term)
        self._lock = threading.Lock()
        self._terms: Sequence[str] = ()  # the vocabulary `sync` was last given

    def __len__(self) -> int:
        return self._map.size

    @property
    def parts(self) -> tuple[VariantPart, ...]:
        return self._map.parts

    def sync(self, terms: Sequence[str]) -> None:
        """Register the terms appended since the last call (cheap when nothing changed).

        The engine's vocabulary only grows: if it shrank (a rolled back ingest) the parts
        past its end go, if it was replaced (another first term) the map starts over. The
        new terms make a new part; a part more than a quarter of the size of the one
        before is merged into it, so there are at most log4(terms) + 1 parts, and each
        merge grows a part by a quarter or more: a term is rebuilt O(log terms) times.
        """
        self._terms = terms
        current = self._map
        if len(terms) == current.size and (not terms or terms[0] == current.first_term):
            return
        with self._lock:
            current = self._map
            parts = list(current.parts)
            if parts and (not terms or terms[0] != current.first_term):
                parts = []
            while parts and parts[-1].end > len(terms):  # a shorter vocabulary
                parts.pop()
            start = parts[-1].end if parts else 0
            if start < len(terms):
                parts.append(VariantPart.build(terms[start:], start))
            while len(parts) > 1 and MERGE_FACTOR * (parts[-1].end - parts[-1].first) \
                    > parts[-2].end - parts[-2].first:
                first = parts[-2].first
                parts[-2:] = [VariantPart.build(terms[first:parts[-1].end], first)]
            self._map = _Map.of(parts, terms[0] if terms else None)

    def forget(self, size: int) -> None:
        """Forget the terms from id `size` on (an ingest rolled back: those ids will be
        given to other terms); `sync` registers what takes their place."""
        with self._lock:
            parts = [p for p in self._map.parts if p.end <= size]
            self._map = _Map.of(parts, self._map.first_term)

    def spelled_like(self, term: str) -> list[int]:
        """The terms whose skeleton is `term`'s (a term of the vocabulary is among them)."""
        return self._skeleton_ids(skeleton(term))

    def _skeleton_ids(self, key: str) -> list[int]:
        """The terms whose skeleton is `key`, ascending."""
        found = [ids for p in self._map.parts if len(ids := p.with_skeleton(key))]
        return np.concatenate(found).tolist() if found else []

    def _holding(self, gram: str) -> np.ndarray:
        """The terms holding trigram `gram` (int32, ascending)."""
        code = gram_code(gram)
        found = [ids for p in self._map.parts if len(ids := p.holding(code))]
        if len(found) == 1:
            return found[0]
        return np.concatenate(found) if found else np.zeros(0, np.int32)

    # -- variants -------------------------------------------------------------------------
    def group(self, term: str, term_id: int) -> list[int]:
        """The vocabulary terms spelled like `term` (itself first when known)."""
        found = self.spelled_like(term)
        if term_id >= 0:
            return [term_id, *(i for i in found if i != term_id)]
        return list(found)

    def expand(self, terms: Sequence[str], ids: Sequence[int],
               idf: Callable[[int], float] | None = None,
               synonyms: Callable[[str], list[int]] | None = None,
               common: Collection[str] = (),
               shapes: Mapping[str, str] | None = None
               ) -> list[tuple[list[int], tuple[int, ...]]]:
        """One synonym group of term ids per query unit, with the query positions it covers.

        A unit is a query term, or two adjacent terms that the corpus also writes as one
        word (بيونج يانج / بيونغيانغ; لبيونغ يانغ with a preposition glued to the first).
        Its group holds every vocabulary spelling of it:
        same skeleton, the one-word form of a pair, the two halves of a long word
        (بيونغيانغ -> بيونج, يانج). Both spellings of a pair thus give the same group.
        A term with no known spelling is widened to the few vocabulary terms nearest to
        it (`near`): a typo or another inflection of a word the corpus has; failing
        that, the vocabulary words of its class (`synonyms`: a term's synonym ids, see
        synonyms.py: مباحثات asked where the coverage writes محادثات); failing that, the
        terms one typing slip away (`one_slip`: رءس -> رءيس); failing that, for a short
        word and with `idf` and the `shapes` of the question's words
        (questions.word_shapes), the one term a likely slip away that is far commoner than
        any other (`short_slip`: دفاغ -> دفاع); failing that, its group is empty.
        With `idf` (term id -> idf), a word with a preposition
        glued to it (لبوتين, بكيم) also counts as the bare word (`bare_of`). A Latin word in
        `common` (typed in lower case, so no name: language.unnamed_words) is reached only
        by its own transliteration (`latin(..., name=False)`).
        """
        units: list[tuple[list[int], tuple[int, ...]]] = []
        i = 0
        while i < len(terms):
            if i + 1 < len(terms):
                joined = self._skeleton_ids(skeleton(terms[i] + terms[i + 1]))
                if not joined and terms[i].startswith(_GLUED) and len(terms[i]) > _MIN_SPLIT:
                    # a preposition glued to the pair's first half: لبيونغ يانغ
                    joined = self._skeleton_ids(skeleton(terms[i][1:] + terms[i + 1]))
                if joined:
                    group = self.group(terms[i + 1], ids[i + 1])
                    group = _union(self.group(terms[i], ids[i]), group, joined)
                    units.append((group, (i, i + 1)))
                    i += 2
                    continue
            group = self.group(terms[i], ids[i])
            if not group and (latin := unaccented(terms[i])).isascii():
                group = self.latin(latin, name=latin not in common)  # Putin, Poutine
            if len(terms[i]) >= 2 * _MIN_SPLIT + 1 or not group:
                group = _union(group, *self._split(terms[i]))
            if idf is not None:
                group = _union(group, self.bare_of(terms[i], group, idf))
            if idf is not None:
                group = _union(group, self.glued_forms(terms[i], group, idf))
            if not group:
                group = self.vowel_variants(terms[i])
            if not group:
                group = self.near(terms[i], NEAR_SIMILARITY)[:NEAR_TERMS]
            if not group and synonyms is not None:
                group = synonyms(terms[i])
            if not group:
                group = self.one_slip(terms[i])
            if not group and idf is not None and shapes is not None:
                group = self.short_slip(terms[i], idf, shapes.get(terms[i], "plain"))
            units.append((group, (i,)))
            i += 1
        return units

    def bare_of(self, term: str, group: Sequence[int], idf: Callable[[int], float]
                ) -> list[int]:
        """The spellings of `term` without the preposition glued to it (ل ب ك: لبوتين ->
        بوتين, بكيم -> كيم), if the bare word is the more common one: a name the question
        writes with a clitic («ماذا قال كيم لبوتين؟») reaches the passages naming it bare,
        while a word that only starts with one of those letters (كبير, بيان) is more common
        than what is left (بير, يان) and keeps to itself. Empty if none."""
        if not term.startswith(_GLUED) or len(term) <= _MIN_SPLIT:
            return []
        bare = self.spelled_like(stem(term[1:]))
        if not bare:
            return []
        own = max((idf(i) for i in group), default=float("inf"))
        return bare if min(idf(i) for i in bare) < own else []

    def glued_forms(self, term: str, group: Sequence[int], idf: Callable[[int], float]
                    ) -> list[int]:
        """The vocabulary's spellings of `term` with ب glued before it, and of a noun
        in ة with a pronoun after it, when the coverage says it so more often than bare
        (or never bare): «ما قوة الزلزال؟» reaches «زلزال بقوة 5.4 درجات» and «بلغت قوتها
        5.3 درجات», «ما شدة …» «بلغت شدتها …» (the stemmer leaves a glued ب on, and keeps
        ة on a short word: بقوة -> بقو, قوتها -> قوت). A word the coverage mostly says
        bare (روسيا beside لروسيا) is left alone: its glued forms are already few of its
        passages, and widening it would change every ranking it is in. Only for terms of
        _MIN_SPLIT letters or more (shorter ones glued are other words: بعد، بحر). Not ك,
        which makes too many words of a bare one (امل -> كامل), nor ل, which re-glues
        what the stemmer cut of a word asked with لل («للقاء» -> قاء -> لقاء, a commoner
        word than the one asked). Empty if none."""
        if len(term) < _MIN_SPLIT or not _ARABIC_LETTERS.fullmatch(term) or term in LIGHT:
            return []  # (a light word glued is one too: حسب / بحسب)
        forms = [p + term for p in _GLUED_BEFORE]
        stems = set(forms)  # what the glued word may analyse to: the word left whole
        if term.endswith(_TA_MARBUTA):
            forms += [term[:-1] + _TA + suffix for suffix in _PRONOUNS]
            stems |= {p + term[:-1] for p in _GLUED_BEFORE} | {term[:-1] + _TA}
        # (not a stem the glued word loses more of: لقوات -> لقو is لقوة's, not قوات's)
        glued = _union(*(self.spelled_like(t) for f in forms
                         if (t := analyze_token(f)) in stems))
        if not glued or not group:
            return glued
        own = min(idf(i) for i in group)
        return glued if min(idf(i) for i in glued) < own else []

    def latin(self, word: str, name: bool = True) -> list[int]:
        """The vocabulary terms a Latin-typed word (a name: Putin, Vostochny) is spelled
        as in Arabic: the press's own name for a place (EXONYMS: Cairo -> القاهرة), else
        its transliterations (transliterate.py), analysed like any word, found by
        skeleton, then the same with a hamza on a vowel's seat (Fouad -> فؤاد); else the
        first of its sound-alike spellings (طهران, بايدن, لندن: fewest departures from the
        usual letters first) the vocabulary has; else as a split compound, or as near
        terms. A word not typed as a name (`name` False: «login», «update») stops after its
        own transliterations: sounding like an Arabic word (لجنة, عبد) is no reason to
        take an English word for it."""
        if word in _LATIN_FUNCTION_WORDS and not (name and len(word) == 2):
            return []  # a capitalised two-letter one ends a name: the Il of Kim Jong Il
        exonym = EXONYMS.get(word)
        if exonym and (s := analyze_token(normalize(exonym))) and (
                found := self._skeleton_ids(skeleton(s))):
            return found
        spellings = arabic_spellings(word)
        stems = [s for s in map(analyze_token, spellings) if s]
        seated = (analyze_token(h) for s in spellings for h in hamza_seated(s))  # Fouad: فؤاد
        for s in itertools.chain(stems, seated):
            if s and (found := self._skeleton_ids(skeleton(s))):
                return found
        if not name:
            return []
        for s in map(analyze_token, sound_alike_spellings(word)):
            if s and (found := self._skeleton_ids(skeleton(s))):
                return found
        for finder in (lambda s: _union(*self._split(s)),
                       lambda s: self.near(s, NEAR_SIMILARITY)[:NEAR_TERMS]):
            for s in stems:
                if found := finder(s):
                    return list(found)
        if word.endswith("s") and len(word) > _MIN_GENITIVE:  # German genitive: Putins
            return self.latin(word[:-1])
        return []

    def one_slip(self, term: str) -> list[int]:
        """The vocabulary terms one typing slip away from `term` (a letter left out, added,
        changed, or two neighbours swapped: رءس -> رءيس, روسبا -> روسيا), for a word of
        SLIP_MIN_LETTERS+ letters that nothing else reached (a short word's slip is too
        often another word). Most alike first (Dice of trigrams); empty if none. Needs the
        vocabulary `sync` was last given."""
        if len(term) < SLIP_MIN_LETTERS or not _ARABIC_LETTERS.fullmatch(term):
            return []
        vocabulary = self._terms
        found = [i for i in self.near(term, SLIP_SIMILARITY)
                 if i < len(vocabulary) and _one_slip(term, vocabulary[i])][:NEAR_TERMS]
        return found or self._slip_stemmed(term)

    def _slip_stemmed(self, term: str) -> list[int]:
        """The vocabulary terms that a word one slip from `term` analyses to, when the
        slip hid a suffix the stemmer strips: بوتبن -> بوتين -> بوت (the vocabulary holds
        stems, two slips from the word typed). Only a correction that keeps SLIP_MIN_LETTERS
        letters before stemming and three after; the term reached by most corrections
        first (then the earliest registered); empty if none."""
        votes: dict[int, int] = {}
        for word in _slips(term):
            found = analyze_token(word)
            if found and found != term and len(found) >= _MIN_SKELETON:
                for i in self.spelled_like(found):
                    votes[i] = votes.get(i, 0) + 1
        return sorted(votes, key=lambda i: (-votes[i], i))[:NEAR_TERMS]

    def short_slip(self, term: str, idf: Callable[[int], float], shape: str = "plain"
                   ) -> list[int]:
        """The vocabulary term a short word (SHORT_SLIP_LETTERS to SLIP_MIN_LETTERS
        letters) the vocabulary lacks was most likely mistyped for: a letter changed for
        its twin but for dots (دفاغ -> دفاع, زبر -> زير) or, failing that and in four
        letters or more, for its neighbour on the keyboard; two neighbours swapped (نطاق
        -> ناطق), a long vowel left out (نطق -> ناطق) or a letter doubled; with a
        preposition or conjunction glued before it, the word after it (لكبم -> كيم).
        Only the likeliest of those slips, not any letter (a short word's any slip is too
        often another word: `one_slip`), and only when one term they reach is
        SLIP_DOMINANCE commoner (in idf) than every other: a word two terms are equally
        near to is left unknown. `shape`: its word's shape (questions.word_shapes): a
        word shaped like a verb (عقدت, تشمل) or a light one is another form or word, not
        a slip (عقدت is no slip of عقدا); a three-letter word lacks a long vowel only
        written with the article, as a noun (النطق -> ناطق; قطع is a verb, no قطاع).
        Empty if none. Needs the vocabulary `sync` was last given."""
        if not SHORT_SLIP_LETTERS <= len(term) <= SLIP_MIN_LETTERS \
                or not _ARABIC_LETTERS.fullmatch(term) or term in LIGHT \
                or shape in _NO_SLIP_SHAPES:
            return []
        noun = shape == "definite"
        for keys in (False, True):  # a dot twin's slip first, a neighbouring key's after
            if keys and len(term) <= SHORT_SLIP_LETTERS:
                # one key off, three letters are too often another word: الكرة / مرة,
                # and in newsroom12 and newsroom14 قتل / قال, ولد / واد answered near misses
                break
            found = self._slipped_for(term, noun, keys)
            if found:
                ranked = sorted(found, key=lambda i: (idf(i), i))
                if len(ranked) > 1 and idf(ranked[1]) - idf(ranked[0]) < SLIP_DOMINANCE:
                    return []
                return ranked[:1]
        return []

    def _slipped_for(self, term: str, noun: bool, keys: bool) -> set[int]:
        """The vocabulary terms `term` may be a slip of (`_likely_slips`), or the word
        after a preposition glued to it, or, unless it is a definite `noun`, what the
        stemmer leaves of either (a slip may hide an ending it strips: بوتن -> بوتين ->
        بوت); a glued and a bare form of one
        word (لكيم, كيم) count as the bare one."""
        words = {w for w in _likely_slips(term, noun, keys) if len(w) >= SHORT_SLIP_LETTERS}
        if term[0] in _SLIP_GLUED and len(term) > SHORT_SLIP_LETTERS:
            rest = term[1:]
            words |= {rest} | {w for w in _likely_slips(rest, noun, keys)
                               if len(w) >= SHORT_SLIP_LETTERS}
        if not noun:  # (a definite noun's is compared whole: الكرة -> كورة is no كور)
            words |= {a for w in words
                      if (a := analyze_token(w)) and len(a) >= SHORT_SLIP_LETTERS}
        vocabulary = self._terms
        found = {i for w in words for i in self.spelled_like(w)
                 if i < len(vocabulary) and vocabulary[i] == w}
        bare = {vocabulary[i] for i in found}
        return {i for i in found if not (vocabulary[i][0] in _SLIP_GLUED
                                         and vocabulary[i][1:] in bare)}

    def vowel_variants(self, term: str) -> list[int]:
        """The vocabulary terms that spell `term` with other long vowels (ا و ي) inside it:
        a foreign name the press writes several ways (دانييل / دانيال /
        دانيل, لوكاشنكو / لوكاشينكو, بوتن / بوتين), for a word the vocabulary lacks. Its
        consonants must all be there, in order, and three at least: the trigram-nearest
        term (near) would otherwise be another name sharing a longer run of letters
        (دانييل -> دانييلسون). Most alike first; empty if none. Needs the vocabulary
        `sync` was last given."""
        key = _consonants(term)
        if len(key) < _MIN_SKELETON or not _ARABIC_LETTERS.fullmatch(term):
            return []
        vocabulary = self._terms
        return [i for i in self.near(term, VOWEL_SIMILARITY)
                if i < len(vocabulary) and _consonants(vocabulary[i]) == key][:NEAR_TERMS]

    def _split(self, term: str) -> list[list[int]]:
        """A word written as two known words (بيونغيانغ -> بيونج + يانج), else nothing."""
        for cut in range(len(term) - _MIN_SPLIT, _MIN_SPLIT - 1, -1):
            left = self._skeleton_ids(skeleton(term[:cut]))
            right = self._skeleton_ids(skeleton(term[cut:])) if left else None
            if left and right:
                return [left, right]
        return []

    def near(self, term: str, min_similarity: float = 0.5, limit: int = 50_000) -> list[int]:
        """Vocabulary terms sharing most of `term`'s trigrams (Dice >= min_similarity),
        most similar first (ties by id).

        For words the corpus only has in another form (عقد / عقدا, يتزوج / تزوج) or that
        the asker misspelled (بلجيكيا / بلجيكا); meant for unknown query words, so it is
        rarely called. Trigrams held by over `limit` terms are skipped.
        """
        grams = set(char_ngrams(term, 3))
        held = [ids for g in grams if 0 < len(ids := self._holding(g)) <= limit]
        if not held:
            return []
        ids, shared = np.unique(np.concatenate(held), return_counts=True)
        lengths = self._map.lengths[ids]
        dice = 2 * shared / (len(grams) + lengths)
        keep = dice >= min_similarity
        ids, dice = ids[keep], dice[keep]
        return ids[np.lexsort((ids, -dice))].tolist()

    def holding(self, gram: str) -> np.ndarray:
        """The ids of the terms holding `gram`, ascending (terms are registered in order)."""
        return self._holding(gram).astype(np.int64)

    def gram_counts(self, term_ids: np.ndarray) -> np.ndarray:
        """Distinct trigrams of each term (float; 0 for an id not registered yet)."""
        lengths = self._map.lengths
        known = term_ids < len(lengths)
        out = np.zeros(len(term_ids))
        out[known] = lengths[term_ids[known]]
        return out

    # -- n-gram statistics ----------------------------------------------------------------
    def gram_df(self, gram: str, df: np.ndarray, n_docs: int) -> int:
        """Approximate number of documents holding `gram`: sum of its terms' df, capped."""
        arr = self._holding(gram)
        if not len(arr):
            return 0
        arr = arr[arr < len(df)]
        return min(n_docs, int(df[arr].sum()))


# English and French words that name no one: never transliterated (what, did -> وات, ديد).
_FUNCTION_WORDS = """
the of to in on at for from with by about and or but is are was were be been do does did
what who whom when where why how which that this these those give gave say said tell told
meet met visit after before between during his her their its it he she they le la les une
des du de et ou est sont qui que quoi quand comment pourquoi avec pour dans sur par au aux
ce cette il elle ils donne dit
"""
_LATIN_FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())


def _one_slip(a: str, b: str) -> bool:
    """Whether `b` is `a` with one letter left out, added or changed, or two neighbours
    swapped (Damerau distance 1)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    start = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
                 len(a))
    if len(a) < len(b):
        return a[start:] == b[start + 1:]
    return a[start + 1:] == b[start + 1:] or (
        a[start + 2:] == b[start + 2:] and a[start:start + 2] == b[start:start + 2][::-1])


_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويء"  # as `normalize` leaves them


def _slips(word: str) -> set[str]:
    """Every word one slip from `word` (a letter left out, added, changed, or two
    neighbours swapped) of SLIP_MIN_LETTERS letters or more."""
    cuts = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in cuts if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in cuts if len(b) > 1}
    out |= {a + c + b[1:] for a, b in cuts if b for c in _LETTERS}
    out |= {a + c + b for a, b in cuts for c in _LETTERS}
    return {w for w in out if len(w) >= SLIP_MIN_LETTERS and w != word}


# Keys that neighbour each other on the Arabic keyboard (its three rows, as `normalize`
# leaves the letters), and letters that differ only by their dots: a short word's slips.
_KEY_ROWS = ("ضصثقفغعهخحجد", "شسيبلاتنمكط", "وزظ")  # (ى ة, ؤ ئ fold to others)
_DOT_TWINS = ("بتثني", "جحخ", "دذ", "رز", "سش", "صض", "طظ", "عغ", "فق")
_LONG_VOWEL_LETTERS = "اوي"
_WEAK_LETTERS = frozenset("اويء")  # their order is spelling, not a slip
_NO_SLIP_SHAPES = frozenset(("verbal", "light", "slip"))
_SLIP_GLUED = "لبوفك"  # a preposition or conjunction typed as one with the word


def _build_swaps(keys: bool = True) -> dict[str, str]:
    """Letter -> the letters a slip of it most likely types instead (its dot twins, and
    with `keys` its neighbouring keys)."""
    out: dict[str, set[str]] = {}
    for row in _KEY_ROWS if keys else ():
        for a, b in itertools.pairwise(row):
            out.setdefault(a, set()).add(b)
            out.setdefault(b, set()).add(a)
    for twins in _DOT_TWINS:
        for a in twins:
            out.setdefault(a, set()).update(set(twins) - {a})
    return {c: "".join(sorted(v)) for c, v in out.items()}


_SWAPS = _build_swaps()
_TWINS = _build_swaps(keys=False)


def _likely_slips(word: str, noun: bool = True, keys: bool = True) -> set[str]:
    """The words `word` is a likely slip of (`VariantMap.short_slip`): a letter changed
    for a dot twin (and with `keys` a neighbouring key), two neighbours swapped, a long
    vowel left out, a letter doubled. A three-letter word not for two letters swapped
    (عال / اعل); a definite one (a `noun`) only for a long vowel (النطق / ناطق; الجرب,
    scabies, is no slip of حرب), a bare one never for one (قطع is a verb, no قطاع)."""
    cuts = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    short = len(word) <= SHORT_SLIP_LETTERS
    swaps = {} if short and noun else _SWAPS if keys else _TWINS  # (الجرب is no حرب)
    out = {a + c + b[1:] for a, b in cuts if b for c in swaps.get(b[0], "")}
    if not short:
        out |= {a + b[1] + b[0] + b[2:] for a, b in cuts if len(b) > 1 and b[0] != b[1]
                and not {b[0], b[1]} <= _WEAK_LETTERS}  # (وساءل is no slip of سءال)
    if noun or not short:
        out |= {a + c + b for a, b in cuts if a for c in _LONG_VOWEL_LETTERS}
    out |= {a + b[1:] for a, b in cuts if len(b) > 1 and b[0] == b[1]}
    return out - {word}


def _union(*groups: Sequence[int]) -> list[int]:
    return list(dict.fromkeys(i for g in groups for i in g))
