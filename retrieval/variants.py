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

import re
import threading
from array import array
from collections.abc import Sequence

import numpy as np

from .analysis import analyze_token, char_ngrams
from .transliterate import arabic_spellings

__all__ = ["VariantMap", "skeleton"]

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
BULK = 2000  # terms registered at once from which sync finds their trigrams with numpy


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
    for prefix, letter in _FORM_VIII:
        if prefix in joined:
            for i, key in enumerate(keys):
                if key.startswith(prefix) and len(key) > len(prefix) + 1:
                    keys[i] = letter + key[len(prefix):]
    sizes = np.fromiter(map(len, keys), np.int64, len(keys))
    own.update(np.flatnonzero(sizes < _MIN_SKELETON).tolist())
    for i in own:
        keys[i] = terms[i]
    return keys


class VariantMap:
    """Skeleton -> term ids and trigram -> term ids over an append-only vocabulary."""

    def __init__(self) -> None:
        self._size = 0
        self._first: str | None = None  # the first term seen, to notice a rebuilt vocabulary
        self._skeletons: dict[str, list[int]] = {}
        self._grams: dict[str, array] = {}
        self._lengths = array("H")  # distinct trigrams per term, by term id
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return self._size

    def sync(self, terms: Sequence[str]) -> None:
        """Register the terms appended since the last call (cheap when nothing changed).

        The engine's vocabulary only grows; if it shrank (a rolled back ingest) or was
        replaced, the map is rebuilt from scratch.
        """
        if len(terms) == self._size and (not terms or terms[0] == self._first):
            return
        with self._lock:
            if len(terms) < self._size or (self._size and terms[0] != self._first):
                self._size, self._first = 0, None
                self._skeletons, self._grams, self._lengths = {}, {}, array("H")
            if len(terms) - self._size >= BULK:
                self._add_bulk(terms)
            for i in range(self._size, len(terms)):
                self.add(i, terms[i])

    def _add_bulk(self, terms: Sequence[str]) -> None:
        """`add` for every term from `self._size` on, the trigrams found with numpy."""
        start = self._size
        new = terms[start:]
        if start == 0:
            self._first = new[0]
        skeletons = self._skeletons
        for i, key in enumerate(all_skeletons(new), start):
            found = skeletons.get(key)
            if found is None:
                skeletons[key] = [i]
            else:
                found.append(i)
        # "#term#" for each term, one after another: every window of three code points
        # inside one marked term is one of its trigrams (as char_ngrams makes them).
        marked = [f"#{t}#" for t in new]
        sizes = np.fromiter(map(len, marked), np.int64, len(marked))
        codes = np.frombuffer("".join(marked).encode("utf-32-le"), np.uint32).astype(np.int64)
        owner = np.repeat(np.arange(start, start + len(new), dtype=np.int64), sizes)
        alphabet = np.flatnonzero(np.bincount(codes)) if len(codes) else codes
        dense = np.zeros(int(alphabet[-1]) + 1 if len(alphabet) else 1, np.int64)
        dense[alphabet] = np.arange(len(alphabet))
        letters = dense[codes]
        size, n = len(alphabet), len(new)
        if len(codes) >= 3 and size ** 3 * n < 2 ** 62:
            grams = (letters[:-2] * size + letters[1:-1]) * size + letters[2:]
            inside = owner[:-2] == owner[2:]
            keys = np.sort(grams[inside] * n + (owner[:-2][inside] - start))
            keys = keys[np.diff(keys, prepend=-1) != 0]
            gram_codes, owners = keys // n, (keys % n + start).astype(np.int32)
        elif len(codes) >= 3:  # a huge alphabet: one term at a time
            for i, term in enumerate(new, start):
                self.add(i, term)
            return
        else:
            gram_codes, owners = np.zeros(0, np.int64), np.zeros(0, np.int32)
        lengths = np.bincount(owners - start, minlength=n)
        # a marked term shorter than three letters is its own (only) "trigram"
        short = np.flatnonzero(sizes < 3)
        lengths[short] = 1
        self._lengths.extend(np.minimum(lengths, 65535).tolist())
        bounds = np.flatnonzero(np.diff(gram_codes, prepend=-1, append=-1))
        table = self._grams
        for lo, hi in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
            code = int(gram_codes[lo])
            gram = "".join(map(chr, alphabet[[code // size // size, code // size % size,
                                              code % size]].tolist()))
            ids = table.get(gram)
            if ids is None:
                table[gram] = ids = array("i")
            ids.frombytes(owners[lo:hi].tobytes())
        for i in short.tolist():
            gram = marked[i]
            ids = table.get(gram)
            if ids is None:
                table[gram] = ids = array("i")
            ids.append(start + i)
        self._size = len(terms)

    def add(self, term_id: int, term: str) -> None:
        if term_id != self._size:
            raise ValueError(f"term ids must arrive in order: got {term_id}, "
                             f"expected {self._size}")
        if term_id == 0:
            self._first = term
        self._size += 1
        self._skeletons.setdefault(skeleton(term), []).append(term_id)
        grams = set(char_ngrams(term, 3))
        self._lengths.append(min(len(grams), 65535))
        for gram in grams:
            ids = self._grams.get(gram)
            if ids is None:
                self._grams[gram] = ids = array("i")
            ids.append(term_id)

    # -- variants -------------------------------------------------------------------------
    def group(self, term: str, term_id: int) -> list[int]:
        """The vocabulary terms spelled like `term` (itself first when known)."""
        found = self._skeletons.get(skeleton(term), [])
        if term_id >= 0:
            return [term_id, *(i for i in found if i != term_id)]
        return list(found)

    def expand(self, terms: Sequence[str], ids: Sequence[int]
               ) -> list[tuple[list[int], tuple[int, ...]]]:
        """One synonym group of term ids per query unit, with the query positions it covers.

        A unit is a query term, or two adjacent terms that the corpus also writes as one
        word (بيونج يانج / بيونغيانغ). Its group holds every vocabulary spelling of it:
        same skeleton, the one-word form of a pair, the two halves of a long word
        (بيونغيانغ -> بيونج, يانج). Both spellings of a pair thus give the same group.
        A term with no known spelling is widened to the few vocabulary terms nearest to
        it (`near`): a typo or another inflection of a word the corpus has; failing
        that, its group is empty.
        """
        units: list[tuple[list[int], tuple[int, ...]]] = []
        i = 0
        while i < len(terms):
            if i + 1 < len(terms):
                joined = self._skeletons.get(skeleton(terms[i] + terms[i + 1]))
                if joined:
                    group = self.group(terms[i + 1], ids[i + 1])
                    group = _union(self.group(terms[i], ids[i]), group, joined)
                    units.append((group, (i, i + 1)))
                    i += 2
                    continue
            group = self.group(terms[i], ids[i])
            if not group and terms[i].isascii():
                group = self.latin(terms[i])
            if len(terms[i]) >= 2 * _MIN_SPLIT + 1 or not group:
                group = _union(group, *self._split(terms[i]))
            if not group:
                group = self.near(terms[i], NEAR_SIMILARITY)[:NEAR_TERMS]
            units.append((group, (i,)))
            i += 1
        return units

    def latin(self, word: str) -> list[int]:
        """The vocabulary terms a Latin-typed word (a name: Putin, Vostochny) is spelled
        as in Arabic: its transliterations (transliterate.py), analysed like any word,
        found by skeleton, as a split compound, or failing that as near terms."""
        if word in _LATIN_FUNCTION_WORDS:
            return []
        stems = [s for s in map(analyze_token, arabic_spellings(word)) if s]
        for finder in (lambda s: self._skeletons.get(skeleton(s), []),
                       lambda s: _union(*self._split(s)),
                       lambda s: self.near(s, NEAR_SIMILARITY)[:NEAR_TERMS]):
            for s in stems:
                if found := finder(s):
                    return list(found)
        return []

    def _split(self, term: str) -> list[list[int]]:
        """A word written as two known words (بيونغيانغ -> بيونج + يانج), else nothing."""
        for cut in range(len(term) - _MIN_SPLIT, _MIN_SPLIT - 1, -1):
            left = self._skeletons.get(skeleton(term[:cut]))
            right = self._skeletons.get(skeleton(term[cut:])) if left else None
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
        held = [np.frombuffer(ids, np.int32) for g in grams
                if (ids := self._grams.get(g)) is not None and len(ids) <= limit]
        if not held:
            return []
        ids, shared = np.unique(np.concatenate(held), return_counts=True)
        lengths = np.frombuffer(self._lengths, np.uint16)[ids]
        dice = 2 * shared / (len(grams) + lengths)
        keep = dice >= min_similarity
        ids, dice = ids[keep], dice[keep]
        return ids[np.lexsort((ids, -dice))].tolist()

    def holding(self, gram: str) -> np.ndarray:
        """The ids of the terms holding `gram`, ascending (terms are registered in order)."""
        ids = self._grams.get(gram)
        return np.array(ids, np.int64) if ids is not None else np.zeros(0, np.int64)

    def gram_counts(self, term_ids: np.ndarray) -> np.ndarray:
        """Distinct trigrams of each term (float; 0 for an id not registered yet)."""
        lengths = np.frombuffer(self._lengths, np.uint16)
        known = term_ids < len(lengths)
        out = np.zeros(len(term_ids))
        out[known] = lengths[term_ids[known]]
        return out

    # -- n-gram statistics ----------------------------------------------------------------
    def gram_df(self, gram: str, df: np.ndarray, n_docs: int) -> int:
        """Approximate number of documents holding `gram`: sum of its terms' df, capped."""
        ids = self._grams.get(gram)
        if ids is None or not len(ids):
            return 0
        arr = np.frombuffer(ids, dtype=np.int32)
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


def _union(*groups: Sequence[int]) -> list[int]:
    return list(dict.fromkeys(i for g in groups for i in g))
