"""Country names in Arabic, as analysed terms, for telling a near miss (issue 12).

«هل التقى كيم برئيس الصين؟» names a country the coverage never mentions: a question
about a subject it never covers, not a paraphrase of something it says. The names and
their official forms come from ISO 3166 through pycountry's Arabic translations (no list
of our own), with each name's adjective of origin (الصين -> الصيني, ألمانيا -> الألماني)
analysed too. Only names of one word are kept (الصين، إيران، البرازيل): the words of
longer ones (جمهورية، المتحدة، جزر) are shared by many.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from functools import lru_cache

import pycountry

from .analysis import analyze_token, normalize, tokenize
from .questions import word_shapes

__all__ = ["country_terms", "nation", "not_countries", "qualified_otherwise"]

_HEAD = re.compile("[،,(]")  # «إيران، الجمهورية الإسلامية الإيرانية»: the name ends there
_ARTICLE = normalize("ال")
_AND = normalize("و")
_ADJECTIVE = normalize("ي")  # الصيني, الهندي
_NISBA_F = normalize("ية")
_LAND = normalize("يا")  # ألمانيا -> ألماني, أوكرانيا -> أوكراني


def _forms(word: str) -> set[str]:
    """A name's word and its adjective of origin, with and without the article (ال
    starting a name may be its own letters: ألمانيا)."""
    out = set()
    for base in {word, word[len(_ARTICLE):] if word.startswith(_ARTICLE) else word}:
        adjective = (base[:-len(_LAND)] if base.endswith(_LAND) else base) + _ADJECTIVE
        out |= {base, adjective, _ARTICLE + adjective}
    return out


@lru_cache(maxsize=1)
def country_terms() -> frozenset[str]:
    """The analysed terms that name a country (or its people) in Arabic: the countries
    whose name, before any comma or bracket («إيران، الجمهورية الإسلامية»), is one word."""
    arabic = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"],
                                 fallback=True)
    out: set[str] = set()
    for country in pycountry.countries:
        for name in {country.name, getattr(country, "official_name", country.name)}:
            words = tokenize(normalize(_HEAD.split(arabic.gettext(name))[0]))
            if len(words) == 1 and not words[0].isascii():
                out |= {t for form in _forms(words[0])
                        if (t := analyze_token(form)) and len(t) > 2}
    return frozenset(out)



@lru_cache(maxsize=1)
def _bare_names() -> frozenset[str]:
    """The one-word country names written without the article (قطر، مصر، روسيا),
    normalized."""
    arabic = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"],
                                 fallback=True)
    out = {normalize(w) for w in _ONE_WORD_NAMES.split()}
    for country in pycountry.countries:
        for name in {country.name, getattr(country, "official_name", country.name)}:
            words = tokenize(normalize(_HEAD.split(arabic.gettext(name))[0]))
            if len(words) == 1 and not words[0].startswith(_ARTICLE):
                out.add(words[0])
    return frozenset(out)


_CLITICS = tuple(normalize(c) for c in ("و", "ف", "ب", "ل", "ك"))


def not_countries(question: str) -> frozenset[str]:
    """The terms of `question` that spell a country's name but are written with the
    article that name never takes: «بالقطر» (by train, in Egypt), «القطر» (the region)
    are not Qatar, which is written «قطر»; «المصر» is no Egypt. Nor is a word written as
    the bare stem of a name whose every written form is longer (`_stem_only`: «كين», a
    slip for كيم, is the stem of «كينيا» and «الكيني», never a way to write Kenya). A
    term the question also writes as the name is a country."""
    words: dict[str, list[bool]] = {}
    for token in tokenize(normalize(question)):
        term = analyze_token(token)
        if term is None or term not in country_terms():
            continue
        forms = [token, *(token[1:] for c in _CLITICS if token.startswith(c))]
        words.setdefault(term, []).append(any(
            (f.startswith(_ARTICLE) and f[len(_ARTICLE):] in _bare_names())
            or (f == term and _stem_only(f)) for f in forms))
    return frozenset(t for t, marked in words.items() if all(marked))


def _stem_only(word: str) -> bool:
    """Whether `word` (normalized, bare) is a country's stem that is none of its written
    forms: no name, and no adjective of origin (كين of كينيا / كيني; not قطر, مصر)."""
    return word not in _bare_names() and not any(
        word == form for name in _bare_names() for form in _forms(name))


# Names of countries that ISO gives in more than one word («الولايات المتحدة», «المملكة
# المتحدة», «روسيا الاتحادية») as readers and outlets write them in one.
_ONE_WORD_NAMES = "روسيا أمريكا أميركا بريطانيا تركيا"
_NISBA = tuple(normalize(s) for s in ("يون", "يين", "ية", "يا", "ي", "ا"))
# First words of ISO names that name a kind of state or place, no country: «دولة
# فلسطين», «الجمهورية العربية السورية», «جزر القمر», «سان مارينو». Read as nations,
# «سكان دولة العراق» was another country's population than «سكان الجمهورية العراقية».
_KINDS_OF_STATE = frozenset(normalize(w) for w in (
    "دوله", "جمهور", "مملكه", "اماره", "سلطنه", "اتحاد", "دوق", "جزر", "جزيره", "جبل", "راس",
    "ساحل", "صحراء", "قطب", "جنوب", "نيو", "مقاطعه", "مقاطعات", "مقعد", "كومنولث", "سان",
    "سانت", "ساو", "ساينت"))


def _base(word: str) -> str:
    """A normalized word without the article and its adjective's ending (الروسية -> روس)."""
    base = word[len(_ARTICLE):] if word.startswith(_ARTICLE) and len(word) > 4 else word
    for ending in _NISBA:
        if base.endswith(ending) and len(base) - len(ending) >= 3:
            return base[:-len(ending)]
    return base


@lru_cache(maxsize=1)
def _nation_keys() -> frozenset[str]:
    arabic = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"],
                                 fallback=True)
    words = [normalize(w) for w in _ONE_WORD_NAMES.split()]
    for country in pycountry.countries:
        for name in {country.name, getattr(country, "official_name", country.name)}:
            words += tokenize(normalize(_HEAD.split(arabic.gettext(name))[0]))[:1]
    return frozenset(b for w in words if not w.isascii() and len(b := _base(w)) >= 3
                     and b not in _KINDS_OF_STATE)


@lru_cache(maxsize=1 << 14)
def nation(word: str) -> str | None:
    """The country a (normalized) word names or qualifies by, as a key shared by the name
    and its adjective of origin (روسيا, الروسي, الروسية -> روس; كوريا, الكوري -> كور), or
    None for a word that names no country."""
    base = _base(word)
    return base if base in _nation_keys() else None


def _qualified(tokens: Sequence[str], heads: bool | Collection[str] = False
               ) -> list[tuple[tuple[str, ...], str]]:
    """(noun, country key) for each country name or adjective right after a noun: the
    noun as its term, and with the word before it when it is definite and that one is
    not (a construct: «وزير الدفاع الروسي» -> ((دفاع,), روس), ((وزير, دفاع), روس);
    «رئيس كوريا» -> ((رئيس,), كور)), and with `heads` (True, or the head terms allowed)
    the construct's head alone ((وزير,), روس: the minister is Russian). A dual or plural
    noun takes each country joined
    by «و» after it: «الزعيمان الروسي والكوري الشمالي» -> ((زعيم,), روس), ((زعيم,), كور)."""
    out = []
    for i, token in enumerate(tokens):
        key = nation(token)
        if key is None or i == 0 or nation(tokens[i - 1]) is not None:
            continue
        if i > 1 and _adjective(tokens[i - 1]) and tokens[i - 2].startswith(_ARTICLE) \
                and nation(tokens[i - 2]) is None:
            # «العرض الفضائي الروسي»: the country qualifies the noun before the adjective
            # (a Russian offer), not the adjective's noun (space: «رائد فضاء كوري شمالي»)
            i -= 1
        noun = analyze_token(tokens[i - 1])
        if noun is None:
            continue
        nouns = [(noun,)]
        head = analyze_token(tokens[i - 2]) if i > 1 else None
        if head is not None and tokens[i - 1].startswith(_ARTICLE) \
                and not tokens[i - 2].startswith(_ARTICLE) and nation(tokens[i - 2]) is None:
            nouns.append((head, noun))
            if heads is True or (heads and head in heads):  # not a verb's: «توقعه الزعيم»
                nouns.append((head,))
        keys = [key, *_joined(tokens, i + 1)]
        out += [(n, k) for k in keys for n in nouns]
    return out


def _adjective(token: str) -> bool:
    """Whether a (normalized) word is a definite adjective of relation, the nisba
    («الفضائي», «العسكري», «الرسمية»): ending in ي or ية after three letters or more."""
    if not token.startswith(_ARTICLE):
        return False
    stem = token[len(_ARTICLE):]
    return len(stem) >= 4 and (stem.endswith(_ADJECTIVE) or stem.endswith(_NISBA_F))


def _joined(tokens: Sequence[str], at: int) -> list[str]:
    """The country keys of the words from `at` on joined by «و» to a country before them
    («الروسي والكوري الشمالي»: كور), the adjectives of a country passed over."""
    keys = []
    for token in tokens[at:]:
        if nation(token) is not None:  # «الكوري الشمالي»: the same country
            continue
        key = nation(token[1:]) if token.startswith(_AND) and len(token) > 3 else None
        if key is None:
            break
        keys.append(key)
    return keys


def _says(said: tuple[str, ...], asked: tuple[str, ...],
          aliases: Mapping[str, Collection[str]],
          kinds: Callable[[str], Collection[str]] | None = None) -> bool:
    if kinds is not None and len(said) == len(asked) and said[0] in kinds(asked[0]):
        # «أعضاء الحكومة الكورية» / «وزير الدفاع الروسي»: a member of its kind;
        # «الوزراء الكوريين» / «وزير (الدفاع) الروسي»: the plural's singular
        return True
    return len(said) == len(asked) and all(
        s == a or s in aliases.get(a, ()) for s, a in zip(said, asked, strict=True))


def qualified_otherwise(question: str, text: str,
                        aliases: Mapping[str, Collection[str]],
                        kinds: Callable[[str], Collection[str]] | None = None,
                        titles: Collection[str] = ()) -> bool:
    """Whether the passage `text` qualifies a noun the question qualifies by a country only
    by another country: «ما اسم وزير الدفاع الكوري الشمالي؟» over «وزير الدفاع الروسي
    سيرغي شويغو», «هل حضر الرئيس التركي القمة؟» over «الرئيس الروسي»: the passage names
    another country's minister, not the one asked about. A verb before a country
    («يحكم كوريا», «تقع مصر») qualifies nothing. `kinds`: the words naming a kind of a
    term (synonyms.synonyms: a minister of the members asked), whose construct with
    another noun the passage qualifies stands for the question's («أعضاء الحكومة
    الكورية» over «وزير الدفاع الروسي»: a member of another government), as does a kind
    alone («المسؤولون الكوريون» over «وزير الدفاع الروسي»). `titles`: the head words of
    a title whose construct the question's country qualifies as a whole («وزير الخارجية
    الكوري» asks a Korean minister, as «وزير الدفاع الروسي» names a Russian one)."""
    shapes = word_shapes(question)
    asked: dict[tuple[str, ...], set[str]] = {}
    for noun, key in _qualified(tokenize(normalize(question)), titles):
        if shapes.get(noun[-1]) not in ("verbal", "light"):
            asked.setdefault(noun, set()).add(key)
    words = tokenize(normalize(text))
    # ... unless the passage tells who held it there by a verb of its class, the country
    # named («مين كان رئيس كوريا الشمالية؟» over «أول رئيس روسي يزور كوريا الشمالية …،
    # عندما كان يرأسها كيم جونغ إيل»): the title it gives another country's holder is
    # beside the point
    held = {nation(w) for w in words} - {None}
    asked = {noun: keys for noun, keys in asked.items()
             if not (len(noun) == 1 and keys & held and _held_by_verb(noun[0], words))}
    said: dict[tuple[str, ...], set[str]] = {}
    for noun, key in _qualified(words, heads=True) if asked else ():
        for wanted in asked:
            if _says(noun, wanted, aliases, kinds):
                said.setdefault(wanted, set()).add(key)
    return any(not keys & asked[noun] for noun, keys in said.items())


_VERB_START = tuple(normalize(p) for p in ("ي", "ت"))


def _held_by_verb(title: str, words: Sequence[str]) -> bool:
    """Whether `words` (a passage, normalized) hold a verb of the class of the title
    `title` (a term: رئيس -> يرأس، يحكم، ترأس; synonyms.related), in the imperfect or
    the fifth form, with or without its object pronoun («يرأسها», «يحكم»)."""
    from .synonyms import related  # synonyms reads this module's country terms

    kin = {t for t in related(title) if t.startswith(_VERB_START)}
    return bool(kin) and any(
        w.startswith(_VERB_START) and (analyze_token(w) in kin or analyze_token(
            w.removesuffix(_HER)) in kin) for w in words)


_HER = normalize("ها")
