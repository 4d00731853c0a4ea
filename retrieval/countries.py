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
from functools import lru_cache

import pycountry

from .analysis import analyze_token, normalize, tokenize

__all__ = ["country_terms"]

_HEAD = re.compile("[،,(]")  # «إيران، الجمهورية الإسلامية الإيرانية»: the name ends there
_ARTICLE = normalize("ال")
_ADJECTIVE = normalize("ي")  # الصيني, الهندي
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
