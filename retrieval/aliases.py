"""Who is who in the coverage: titles and epithets that stand for a named person or place.

A reader asks «ما الذي حصل عليه الرئيس الروسي؟» where the passage says «أهدى بوتين…», or
«أين استقبل سيد الكرملين ضيفه؟». The coverage itself says who holds which title, by
*apposition*: «الرئيس الروسي فلاديمير بوتين», «المتحدث باسم الكرملين دميتري بيسكوف»,
«زعيم كوريا الشمالية كيم جونغ أون», «العاصمة الكورية الشمالية بيونغيانغ». `mine` finds
those title -> name pairs in passage text (a title head such as رئيس، زعيم، متحدث، وزير،
عاصمة, its modifiers, then up to three name words), `AliasTable.of` keeps, per title, the
names most of its mentions agree on, and `AliasTable.expand` finds a question's titles and
answers the names they stand for, so the engine can search them beside the title (and the
decision count a passage naming the person as holding the title); `AliasTable.titles_of`
goes the other way (a passage writing «الرئيس الروسي» holds بوتين asked). It works for any
corpus: the pairs come from the indexed passages, not from a list of people. engine.py
mines the passages an ingest adds at its end and keeps the counts in the database (a
removal takes its passages' pairs out); a database without them (an older Marsad) is
mined in memory on the first question. Mining reads only the words after a head word:
~55k news passages a second here.

Beside the mined pairs, a small table of press epithets that are general Arabic news
usage (`EPITHETS`: سيد الكرملين is the Russian president, أرض الكنانة is Egypt, رئيس
الدبلوماسية a foreign minister, العاصمة الروسية Moscow, الرئاسة الروسية the Kremlin),
written by hand from that usage, maps an epithet to a title, resolved through the mined
pairs, or to a name. A dual of a person noun
(الزعيمان، الرئيسان، الرجلان، الطرفان) stands for the persons the coverage titles most.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from .analysis import STOPWORDS, analyze, analyze_token, normalize
from .countries import country_terms
from .synonyms import synonyms

__all__ = ["EPITHETS", "AliasTable", "Mined", "count_pairs", "mine"]

Terms = tuple[str, ...]

# Words that head a title of a person or a place in news Arabic (as analysed terms).
_PERSON_HEADS = """
رئيس رئيسة زعيم قائد ملك ملكة أمير ولي وزير وزيرة متحدث متحدثة ناطق ناطقة مستشار
مستشارة سفير سفيرة مبعوث مندوب نائب حاكم محافظ عمدة مدير مديرة أمين مرشد بابا
"""
_PLACE_HEADS = "عاصمة مدينة"
# Nouns a question uses for a titled person without the coverage's head word: «الضيف
# الكوري» is the leader the coverage calls «زعيم كوريا الشمالية».
_PERSON_NOUNS = "ضيف زائر رجل طرف جانب مضيف"
_LEADER_HEADS = "رئيس زعيم قائد ملك أمير"
# Countries whose name ISO gives in more than one word (countries.py keeps one-word names)
_NATION_NAMES = "روسيا روسي أمريكا أمريكي أميركا أميركي بريطانيا بريطاني"


def _terms(words: str) -> frozenset[str]:
    return frozenset(t for w in words.split() if (t := analyze_token(normalize(w))))


PERSON_HEADS = _terms(_PERSON_HEADS)
PLACE_HEADS = _terms(_PLACE_HEADS)
HEADS = PERSON_HEADS | PLACE_HEADS
PERSON_NOUNS = _terms(_PERSON_NOUNS) | _terms(_LEADER_HEADS)
LEADERS = _terms(_LEADER_HEADS)
_NATIONS = _terms(_NATION_NAMES)

# Press epithets of general Arabic news usage -> the title or name they stand for.
EPITHETS = {
    "سيد الكرملين": "الرئيس الروسي",
    "ساكن الكرملين": "الرئيس الروسي",
    "سيد البيت الأبيض": "الرئيس الأمريكي",
    "ساكن البيت الأبيض": "الرئيس الأمريكي",
    "سيد الإليزيه": "الرئيس الفرنسي",
    "ساكن الإليزيه": "الرئيس الفرنسي",
    "ساكن داونينغ ستريت": "رئيس الوزراء البريطاني",
    "أرض الكنانة": "مصر",
    "بلاد الرافدين": "العراق",
    "بلاد الشام": "سوريا",
    "بلاد الأرز": "لبنان",
    "بلاد فارس": "إيران",
    "بلاد الحرمين": "السعودية",
    "المملكة الهاشمية": "الأردن",
    "بلاد العم سام": "أمريكا",
    "الدب الروسي": "روسيا",
    "التنين الصيني": "الصين",
    "القارة العجوز": "أوروبا",
    "عاصمة الضباب": "لندن",
    "عاصمة النور": "باريس",
    # the head of a country's diplomacy is its foreign minister (a nationality kept)
    "رئيس الدبلوماسية": "وزير الخارجية",
    "رئيس الدبلوماسية الروسية": "وزير الخارجية الروسي",
    "رئيس الدبلوماسية الأمريكية": "وزير الخارجية الأمريكي",
    "رئيس الدبلوماسية الأميركية": "وزير الخارجية الأمريكي",
    "رئيس الدبلوماسية الصينية": "وزير الخارجية الصيني",
    "رئيس الدبلوماسية الكورية الشمالية": "وزير الخارجية الكوري الشمالي",
    "كبير الدبلوماسيين الروس": "وزير الخارجية الروسي",
    "زعيم الكرملين": "الرئيس الروسي",
    "الدولة العبرية": "إسرائيل",
    # a seat of government for the government, and the other way round
    "الرئاسة الروسية": "الكرملين",
    "الرئاسة الأمريكية": "البيت الأبيض",
    "الإدارة الأمريكية": "البيت الأبيض",
    "الإدارة الأميركية": "البيت الأبيض",
    "الرئاسة الفرنسية": "الإليزيه",
    "البنتاغون": "وزارة الدفاع الأمريكية",
    # a capital named by its country
    "العاصمة الروسية": "موسكو",
    "العاصمة الأمريكية": "واشنطن",
    "العاصمة الأميركية": "واشنطن",
    "العاصمة الكورية الشمالية": "بيونغيانغ",
    "العاصمة الصينية": "بكين",
    "العاصمة الأوكرانية": "كييف",
    "العاصمة الإيرانية": "طهران",
    "العاصمة الفرنسية": "باريس",
    "العاصمة البريطانية": "لندن",
    "العاصمة الألمانية": "برلين",
    "العاصمة اليابانية": "طوكيو",
    "العاصمة المصرية": "القاهرة",
    "العاصمة السورية": "دمشق",
    "العاصمة العراقية": "بغداد",
    "العاصمة اللبنانية": "بيروت",
    "العاصمة السعودية": "الرياض",
    "العاصمة التركية": "أنقرة",
    "العاصمة البيلاروسية": "مينسك",
    # a cosmodrome is a space base
    "الميناء الفضائي": "القاعدة الفضائية",
    "المطار الفضائي": "القاعدة الفضائية",
    "كوزمودروم": "القاعدة الفضائية",
}

MINER_VERSION = 3  # pairs saved by another version of `mine` are mined again
MAX_MODIFIERS = 3  # words after a head that say whose or where: «باسم الكرملين»
MAX_NAME = 3  # words of a name: «كيم جونغ أون»
AGREE = 0.5  # a name is kept when at least this share of its title's mentions give it
# In an archive whose appositions seen once are this many, those are left out of the table:
# a big archive names a titled person more than once, and what it gives once is mostly a
# title before words that are no name (a synthetic 1M-passage archive: 154k of 161k pairs
# seen once, 0.8 s of table building at each restart; issue 13). A small coverage keeps
# every pair (the seeds give most appositions once or twice).
MAX_SINGLES = 20_000
DUAL_NAMES = 4  # the persons a dual («الزعيمان») stands for: the most titled ones

# A word that may be a head: one of _PERSON_HEADS / _PLACE_HEADS (normalized), behind a
# clitic or the article, before a feminine, dual or plural ending; `_head` decides.
_HEAD_WORDS = re.compile(
    "(?<![\u0621-\u064a])(?:[\u0648\u0641\u0628\u0644]?(?:\u0627\u0644|\u0644)?)(?:"
    + "|".join(sorted({normalize(w) for w in (_PERSON_HEADS + _PLACE_HEADS).split()},
                      key=len, reverse=True))
    + ")(?:\u0647|\u0627\u0646|\u064a\u0646)?(?![\u0621-\u064a])")
_WINDOW = 160  # characters after a head that hold its modifiers and a name
_WORD = re.compile(r"[\u0621-\u064a]+|[0-9A-Za-z]+|[^\s\u0621-\u064a0-9A-Za-z]")
_ARTICLE = normalize("ال")
_CONJUNCTION = normalize("و")
_AFTER_HEAD = frozenset({normalize("باسم")})  # «المتحدث باسم الكرملين»
# Nouns a title head governs without the article (إضافة): «رئيس مجلس الوزراء», «وزير
# خارجية روسيا», «رئيس بلدية درنة», «مدير عام الشركة»: part of the title, not a name.
_CONSTRUCT_NOUNS = """
مجلس وزراء حكومة بلدية خارجية داخلية دفاع مالية عدل صحة تعليم اقتصاد طاقة نفط إعلام
عام عامة إدارة هيئة لجنة أركان جمهورية دولة مكتب حزب اتحاد نادي شركة بنك جامعة محكمة
نواب شعب شورى أمة وكالة منظمة بعثة جهاز مخابرات استخبارات شرطة جيش قوات بلدة منطقة
ولاية إقليم مدينة محافظة
"""
_CONSTRUCT = frozenset(map(normalize, _CONSTRUCT_NOUNS.split()))
_APPOSITION_MARKS = frozenset({"،", ","})  # «الرئيس الروسي، فلاديمير بوتين،»
CLITICS = tuple(normalize(c) for c in ("و", "ف", "ل", "ب"))  # ووزير، للرئيس
# the terms a passage holding a head is indexed under: the passages that are mined
HEAD_TERMS = tuple(c + h for h in HEADS for c in ("", *CLITICS))
_PARTICLES = frozenset(normalize(w) for w in (
    "بأن", "لأن", "أنه", "بأنه", "إنه", "فإن", "كما", "حيث", "خلال"))
_DUAL = tuple(normalize(s) for s in ("ان", "ين"))


def _is_word(token: str) -> bool:
    return "\u0621" <= token[0] <= "\u064a"


def _head(token: str) -> str | None:
    """The title head a word is, with or without a clitic (ووزير، للرئيس), else None."""
    for word in (token, token[1:] if token.startswith(CLITICS) else ""):
        if word and (term := analyze_token(word)) in HEADS:
            return term
    return None


def _country(token: str) -> bool:
    """A country's name as written (كوريا، روسيا), not a word whose stem is one (بوتين)."""
    return analyze_token(token) == token and token in country_terms()


def _is_name_word(token: str) -> bool:
    """A word that can be part of a name: Arabic letters, no article, no stop word or
    particle (بأن), not a title's head behind a conjunction (وزعيم starts the next phrase;
    وليام is a name)."""
    return (_is_word(token) and len(token) > 1 and not token.startswith(_ARTICLE)
            and not (token.startswith(CLITICS) and token[1:].startswith(_ARTICLE))
            and token not in STOPWORDS and token not in _PARTICLES
            and not (token.startswith(_CONJUNCTION) and _head(token) is not None)
            and analyze_token(token) is not None)


def mine(text: str) -> list[tuple[Terms, Terms]]:
    """The (title, name words) pairs of a passage, as analysed terms: a head (رئيس، زعيم،
    عاصمة…), its modifiers (words with the article, «باسم», a country: «زعيم كوريا
    الشمالية», a noun it governs: «رئيس مجلس الوزراء», «رئيس وزراء العراق»; not a
    function word spelled with ال: «المبعوث الأممي إلى بغداد» names no envoy بغداد,
    «الرئيس الروسي الذي» no one), an optional comma, then up to MAX_NAME words that can
    be a name. The name words are candidates: `AliasTable.of` keeps the ones a title's
    mentions agree on. Only the words after a head are looked at (found by
    `_HEAD_WORDS`): a corpus is mined whole on first use."""
    text = normalize(text)
    out = []
    for found in _HEAD_WORDS.finditer(text):
        end = text.find(" ", found.start() + _WINDOW)
        tokens = _WORD.findall(text[found.start():end if end >= 0 else len(text)])
        if not tokens or (head := _head(tokens[0])) is None:
            continue
        title, j = [head], 1
        while j < len(tokens) and len(title) <= MAX_MODIFIERS and _is_word(tokens[j]) and (
                (tokens[j].startswith(_ARTICLE) and tokens[j] not in STOPWORDS)
                or tokens[j] in _AFTER_HEAD or tokens[j] in _CONSTRUCT
                or ((j == 1 or tokens[j - 1] in _CONSTRUCT) and _country(tokens[j]))):
            if (term := analyze_token(tokens[j])) is not None:
                title.append(term)
            j += 1
        if j < len(tokens) and tokens[j] in _APPOSITION_MARKS and len(title) > 1:
            j += 1
        name = []
        while j < len(tokens) and len(name) < MAX_NAME and _is_name_word(tokens[j]):
            name.append(analyze_token(tokens[j]))
            j += 1
        if name:
            out.append((tuple(title), tuple(t for t in name if t)))
    return out


@dataclass
class AliasTable:
    """Titles -> the names they stand for in one corpus (`of` builds it from mined pairs)."""

    titles: dict[Terms, list[Terms]] = field(default_factory=dict)  # title -> names
    persons: list[Terms] = field(default_factory=list)  # titled persons, most titled first

    @classmethod
    def of(cls, pairs: Counter[tuple[Terms, Terms]]) -> AliasTable:
        """From mined (title, name words) counts: per title, each first name word's name is
        the longest run of words at least AGREE of its mentions share («فلاديمير بوتين», not
        «فلاديمير بوتين اليوم»); names given by fewer than AGREE of the most given one's
        mentions are dropped («الرئيس الروسي ببتعزيز» of a heading); pairs seen once, in
        an archive where more than MAX_SINGLES are, too."""
        least = 2 if sum(n == 1 for n in pairs.values()) > MAX_SINGLES else 1
        by_title: dict[Terms, Counter[Terms]] = {}
        for (title, words), n in pairs.items():
            if n >= least and words:
                by_title.setdefault(title, Counter())[words] += n
        titles: dict[Terms, list[Terms]] = {}
        leaders: Counter[Terms] = Counter()
        for title, seen in by_title.items():
            names: Counter[Terms] = Counter()
            by_first: dict[Terms, dict[Terms, int]] = {}  # one pass, not one per first word
            for w, n in seen.items():
                by_first.setdefault(w[:1], {})[w] = n
            for first, runs in by_first.items():
                mentions = sum(runs.values())
                name = first
                for size in range(2, MAX_NAME + 1):
                    longer = Counter()
                    for w, n in runs.items():
                        if len(w) >= size and w[:size - 1] == name:
                            longer[w[:size]] += n
                    if not longer:
                        break
                    best, n = longer.most_common(1)[0]
                    # more than AGREE of the mentions; a name seen once: two words at most
                    if n <= AGREE * mentions or (mentions == 1 and size > 2):
                        break
                    name = best
                names[name] += mentions
            top = max(names.values())
            kept = sorted((n for n, c in names.items() if c >= AGREE * top),
                          key=lambda n: (-names[n], n))
            titles[title] = kept
            if title[0] in LEADERS and len(title) > 1:
                for n in kept:
                    leaders[n] += names[n]
        persons = sorted(leaders, key=lambda n: (-leaders[n], n))
        return cls(titles, persons)

    def names(self, title: Sequence[str], person: bool = False) -> tuple[list[Terms], int]:
        """The names a title of the question stands for: titles of the same head (any
        leader's or person noun's head when `person`: «الضيف الكوري») whose modifiers hold
        the question's modifiers from the first on, most of them (a country the question
        or the title names must be the other's too); with how many of the question's
        modifiers they hold (the title's words past the head)."""
        head, mods = title[0], title[1:]
        if not mods:
            return [], 0
        heads = {head} | synonyms(head) | (LEADERS if person else set())
        scored: dict[Terms, tuple[int, int]] = {}
        for known, names in self.titles.items():
            if known[0] not in heads or len(known) < 2:
                continue
            lead = next((i for i, m in enumerate(mods) if not _same_any(m, known[1:])),
                        len(mods))
            said = mods[:lead]
            if not lead or (lead < len(mods) and _nationality(mods[lead])) or any(
                    _nationality(k) and not _same_any(k, said) for k in known[1:]):
                continue  # «رئيس الوزراء السويدي» is not «رئيس الوزراء النرويجي»
            unmatched = sum(not _same_any(k, said) for k in known[1:])
            for name in names:
                scored[name] = max(scored.get(name, (0, 0)), (lead, -unmatched))
        if not scored:
            return [], 0
        best = max(scored.values())
        return [n for n, s in scored.items() if s == best], best[0]

    def titles_of(self, terms: Sequence[str]) -> list[tuple[Terms, Terms]]:
        """The other way round: (title, the name's words the question gives) for each name
        a question gives (a word of it, three letters or more: بوتين، كيم) that the coverage
        titles, by each of its titles with a modifier the question does not give whole: a
        passage writing «الرئيس الروسي» names بوتين."""
        asked = set(terms)
        found = sorted({entry for w in asked for entry in self._by_name_word.get(w, ())})
        return [(title, tuple(w for w in name if w in asked and len(w) >= 3))
                for _, title, name in found if not set(title) <= asked]

    @cached_property
    def _by_name_word(self) -> dict[str, list[tuple[int, Terms, Terms]]]:
        """Each name word (three letters or more) -> (order, title, name) of the titled
        names holding it: `titles_of` looks up the question's words, not every title (a
        big archive mines thousands; issue 13)."""
        out: dict[str, list[tuple[int, Terms, Terms]]] = {}
        for order, (title, names) in enumerate(self.titles.items()):
            if len(title) < 2:
                continue
            for at, name in enumerate(names):
                for w in {w for w in name if len(w) >= 3}:
                    out.setdefault(w, []).append((order * 1000 + at, title, name))
        return out

    def sole(self, head: str) -> list[Terms]:
        """The one name the coverage gives every title of `head` (or a synonym of it), if
        it gives one only: «المتحدث الرئاسي» is the one spokesman it names, whatever it
        calls his office. None for a leader's title (رئيس، زعيم: «الرئيس» alone may be
        anyone's)."""
        if head in LEADERS or head not in HEADS:
            return []
        heads = {head} | synonyms(head)
        names = {n for known, ns in self.titles.items() if known[0] in heads for n in ns}
        return list(names) if len(names) == 1 else []

    def expand(self, terms: Sequence[str], words: Sequence[str] = ()
               ) -> list[tuple[tuple[int, ...], list[str]]]:
        """The names a question's titles and epithets stand for: (positions of the title's
        terms in `terms`, the names' terms), for the names the question does not already
        give. `terms`: the question's analysed terms in order; `words`: its normalized
        words, to tell a dual (الزعيمان) from a singular."""
        out: list[tuple[tuple[int, ...], list[str]]] = []
        given = set(terms)
        taken: set[int] = set()
        for phrase, target in _epithets():
            for i in _find(terms, phrase):
                span = tuple(range(i, i + len(phrase)))
                if not taken.isdisjoint(span):  # inside a longer epithet, taken first
                    continue
                names = self.names(target, target[0] in PERSON_NOUNS)[0] \
                    if len(target) > 1 and target[0] in HEADS else []
                found = _new_terms(names, given) if names else [
                    t for t in target if t not in given]
                if found:
                    out.append((span, found))
                    taken.update(span)
        for i, term in enumerate(terms):
            if i in taken:
                continue
            if term in HEADS or (term in PERSON_NOUNS and not _preposition(term, words)):
                mods = tuple(terms[i + 1:i + 1 + MAX_MODIFIERS])
                names, lead = self.names((term, *mods), term in PERSON_NOUNS)
                if not names and term in PERSON_NOUNS and _dual(term, words):
                    names = self.persons[:DUAL_NAMES]
                if not names and not (mods and _nationality(mods[0])):
                    names, lead = self.sole(term), len(mods[:1])
                if found := _new_terms(names, given):
                    out.append((tuple(range(i, i + 1 + lead)), found))
        return out

    def to_json(self) -> dict:
        return {"titles": [[list(t), [list(n) for n in ns]] for t, ns in self.titles.items()],
                "persons": [list(n) for n in self.persons]}


@dataclass
class Mined:
    """The pairs mined from a corpus's passages so far: their counts, the highest passage
    id mined, how many passages, and the index size (covers, documents) they stand for."""

    pairs: Counter[tuple[Terms, Terms]] = field(default_factory=Counter)
    upto: int = 0
    docs: int = 0
    size: tuple[int, int] | None = None

    def add(self, rows: Iterable[tuple[int, str]], sign: int = 1) -> None:
        """Count the pairs of passages given as (id, text); with `sign` -1, take them out
        (passages removed). `upto`, `docs` and `size` are the caller's to set."""
        found = count_pairs(text for _, text in rows)
        if sign > 0:
            self.pairs.update(found)
        else:
            self.pairs.subtract(found)
            self.pairs = +self.pairs  # pairs no passage gives any more are gone

    def copy(self) -> Mined:
        return Mined(Counter(self.pairs), self.upto, self.docs, self.size)

    def dumps(self) -> str:
        """As JSON, for the database's meta table (engine.py keeps it there)."""
        return json.dumps({"version": MINER_VERSION, "upto": self.upto, "docs": self.docs,
                           "size": self.size, "pairs": [
                               [list(t), list(n), c] for (t, n), c in self.pairs.items()]},
                          ensure_ascii=False)

    @classmethod
    def loads(cls, saved: str | None) -> Mined:
        """What `dumps` wrote; nothing mined if it is missing, damaged or of another
        version of the miner."""
        try:
            data = json.loads(saved or "")
            if data["version"] != MINER_VERSION:
                return cls()
            pairs = Counter({(tuple(t), tuple(n)): int(c) for t, n, c in data["pairs"]})
            size = data["size"]
            return cls(pairs, int(data["upto"]), int(data["docs"]),
                       (int(size[0]), int(size[1])) if size else None)
        except (ValueError, TypeError, KeyError, IndexError):
            return cls()


def count_pairs(texts: Iterable[str]) -> Counter[tuple[Terms, Terms]]:
    """The mined (title, name words) pairs of passages, counted."""
    out: Counter[tuple[Terms, Terms]] = Counter()
    for text in texts:
        out.update(mine(text))
    return out


def _same(a: str, b: str) -> bool:
    """Two modifier terms that name the same thing: equal, or one the other's stem with a
    suffix (كور / كوريا, روس / روسيا: the adjective and the country)."""
    return a == b or (min(len(a), len(b)) >= 3 and (a.startswith(b) or b.startswith(a)))


@lru_cache(maxsize=1 << 12)
def _nationality(term: str) -> bool:
    """Whether a term names a country or its people (كوريا، الكوري، الفرنسي: فرنس)."""
    nations = country_terms() | _NATIONS
    return term in nations or (len(term) >= 3 and any(
        c.startswith(term) and len(c) - len(term) <= 1 for c in nations))


def _same_any(term: str, others: Sequence[str]) -> bool:
    return any(_same(term, o) for o in others)


def _new_terms(names: Iterable[Terms], given: set[str]) -> list[str]:
    """The terms of `names` whose names the question does not already give (none of their
    words in it), in order, once each."""
    out: list[str] = []
    for name in names:
        if given.isdisjoint(name):
            out.extend(t for t in name if t not in out)
    return out


def _find(terms: Sequence[str], phrase: Terms) -> list[int]:
    n = len(phrase)
    return [i for i in range(len(terms) - n + 1) if tuple(terms[i:i + n]) == phrase]


def _dual(term: str, words: Sequence[str]) -> bool:
    """Whether the question writes `term` as a dual or plural (الزعيمان، الطرفين)."""
    return any(analyze_token(w) == term and w.endswith(_DUAL) for w in words)


# «إلى جانب روسيا» is «alongside Russia», «من جانبه» «for his part», «من طرف» «by»: a
# person noun inside such a phrase names no one (its modifiers then stood for بوتين).
_PHRASE_PREPOSITIONS = frozenset(normalize(w) for w in ("إلى", "الى", "من", "على"))
_SIDES = _terms("جانب طرف")  # the person nouns that make such phrases («ضيفه» is a guest)
_PRONOUN_ENDS = tuple(normalize(s) for s in ("ه", "ها", "هم", "هما", "هن"))


def _preposition(term: str, words: Sequence[str]) -> bool:
    """Whether the question writes a side (جانب، طرف) only inside a compound preposition
    (without the article, after إلى/من/على, or with a pronoun: «إلى جانب روسيا»،
    «من جانبه»), never as a party («الجانب الروسي»). False for any other person noun
    («على مضيفه الروسي» is the host) and when `words` does not hold it."""
    at = [j for j, w in enumerate(words) if analyze_token(w) == term]
    return term in _SIDES and bool(at) and all(
        not words[j].startswith(_ARTICLE) and not words[j].endswith(_DUAL)
        and ((j > 0 and words[j - 1] in _PHRASE_PREPOSITIONS)
             or words[j].endswith(_PRONOUN_ENDS)) for j in at)


_EPITHETS: list[tuple[Terms, Terms]] = []


def _epithets() -> list[tuple[Terms, Terms]]:
    """EPITHETS as analysed terms, longest first."""
    if not _EPITHETS:
        pairs = [(tuple(analyze(k)), tuple(analyze(v))) for k, v in EPITHETS.items()]
        _EPITHETS.extend(sorted((p for p in pairs if p[0] and p[1]),
                                key=lambda p: -len(p[0])))
    return _EPITHETS
