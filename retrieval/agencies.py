"""Which wire agency a passage came from: the credit a republished story owes its source.

An outlet republishing agency copy prints the agency in a dateline («موسكو (رويترز) -»,
«أنقرة/ الأناضول») or in an attribution («ونقلت وكالة الأنباء الفرنسية عن …», «بحسب ما
أوردته رويترز», «وقال مسؤول لرويترز»). A reader asking "who said it" must see that agency
beside the outlet that printed it (issue 12). The names are the agencies' own and the
forms the Arabic press prints them in, written from knowledge, not from a question set.

A name that is also a common word or a place (قنا a city, سبأ a kingdom, ومع "and with",
الأناضول Anatolia, الفرنسية "French") counts only where a credit stands: in parentheses,
after «وكالة» / «وكالة أنباء», or in a dateline. Unambiguous names (رويترز, فرانس برس)
count anywhere in a passage.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from .model import Answer

__all__ = ["AGENCIES", "agencies_in", "agency_first", "agency_named", "credited_agencies",
           "dateline_agency"]

# canonical name -> the other forms printed for it (the canonical one is printed too)
AGENCIES: dict[str, tuple[str, ...]] = {
    "رويترز": ("Reuters",),
    "فرانس برس": ("فرانس بريس", "أ ف ب", "أ.ف.ب", "أ. ف. ب", "AFP", "الفرنسية",
                  "الأنباء الفرنسية", "وكالة الصحافة الفرنسية", "الصحافة الفرنسية"),
    "أسوشيتد برس": ("أسوشييتد برس", "أسوشيتيد برس", "اسوشيتد برس", "أ ب", "AP"),
    "الأناضول": ("Anadolu",),
    "د ب أ": ("د.ب.أ", "الأنباء الألمانية", "الألمانية"),
    "شينخوا": ("Xinhua", "أنباء الصين الجديدة"),
    "تاس": ("TASS",),
    "نوفوستي": ("ريا نوفوستي",),
    "إنترفاكس": ("انترفاكس", "Interfax"),
    "بلومبرغ": ("بلومبيرغ", "Bloomberg"),
    "إرنا": ("ارنا", "IRNA"),
    "كيودو": ("Kyodo",),
    "يونهاب": ("Yonhap",),
    "واس": ("الأنباء السعودية",),
    "وام": ("أنباء الإمارات",),
    "قنا": ("الأنباء القطرية",),
    "كونا": ("الأنباء الكويتية",),
    "بنا": ("أنباء البحرين",),
    "العمانية": ("الأنباء العمانية",),
    "بترا": ("الأنباء الأردنية",),
    "سانا": ("الأنباء السورية",),
    "وفا": ("الأنباء الفلسطينية",),
    "أ ش أ": ("أنباء الشرق الأوسط",),
    "سبأ": ("الأنباء اليمنية",),
    "ومع": ("المغرب العربي للأنباء",),
    "وات": ("تونس أفريقيا للأنباء", "تونس إفريقيا للأنباء"),
    "واج": ("الأنباء الجزائرية",),
    "سونا": ("السودان للأنباء",),
    "واع": ("الأنباء العراقية",),
    "الوكالة الوطنية للإعلام": (),
}

# Names that count anywhere in a passage: no other word of Arabic prose is spelled so.
_ANYWHERE = ("رويترز", "فرانس برس", "فرانس بريس", "أسوشيتد برس", "أسوشييتد برس",
             "أسوشيتيد برس", "اسوشيتد برس", "شينخوا", "نوفوستي", "ريا نوفوستي", "إنترفاكس",
             "انترفاكس", "بلومبرغ", "بلومبيرغ", "كيودو", "يونهاب", "Reuters", "AFP",
             "Xinhua", "Bloomberg", "Interfax", "الأنباء الفرنسية", "الأنباء الألمانية")

_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي", "\u0640": None})


def _fold(text: str) -> str:
    """Hamza seats, ta marbuta, alef maqsura and tatweel folded; spaces made single."""
    return " ".join(re.sub(r"[\u064B-\u0652]", "", text).translate(_FOLD).split())


_CANONICAL = {_fold(form): name for name, forms in AGENCIES.items()
              for form in (name, *forms)}
_FORMS = sorted(_CANONICAL, key=len, reverse=True)  # the longest form first
_ALT = "|".join(re.escape(f) for f in _FORMS)
_EDGE_BEFORE = r"(?<![\w.])"
_EDGE_AFTER = r"(?![\w])"
# A credit: in parentheses, or after «وكالة» / «وكالة أنباء» (with a clitic before it:
# «لوكالة», «ووكالة»), or after «ل» of «قال لرويترز» for the names that count anywhere.
_IN_PARENS = re.compile(rf"\(\s*({_ALT})\s*\)")
_AFTER_AGENCY = re.compile(
    rf"{_EDGE_BEFORE}(?:[وفلب]|ول|لل)?(?:وكاله|الوكاله)\s+(?:(?:انباء|الانباء)\s+)?"
    rf"({_ALT}){_EDGE_AFTER}")
_PLAIN = re.compile(
    rf"{_EDGE_BEFORE}(?:[وفلب]|ول|لل)?("
    + "|".join(re.escape(_fold(f)) for f in sorted(_ANYWHERE, key=len, reverse=True))
    + rf"){_EDGE_AFTER}")


def agency_named(text: str) -> str | None:
    """The canonical name of the agency `text` is (as a whole: «أ ف ب», «وكالة رويترز»,
    «وكالة الأنباء الفرنسية»), or None."""
    key = re.sub(r"^(?:وكاله|الوكاله)\s+(?:(?:انباء|الانباء)\s+)?", "",
                 _fold(text.strip(" ()«»\"")))
    return _CANONICAL.get(key)


def agencies_in(text: str) -> list[str]:
    """The agencies a passage credits (canonical names, in the order first printed):
    `«ونقلت وكالة الأنباء الفرنسية عن مسؤول …»` → [فرانس برس]. Empty for most passages."""
    folded = _fold(text)
    found: list[tuple[int, str]] = []
    for pattern in (_IN_PARENS, _AFTER_AGENCY, _PLAIN):
        found += [(m.start(1), _CANONICAL[m.group(1)]) for m in pattern.finditer(folded)
                  if m.group(1) in _CANONICAL]
    return list(dict.fromkeys(name for _, name in sorted(found)))


DATELINE_LINES = 6  # a dateline stands among an article's first lines
DATELINE_CHARS = 90  # ... and at the start of its line
# `… (رويترز) -` opening the news, or a dateline line of its own: `موسكو (رويترز)` (a
# short place before it: a photo's caption `جنود في أم درمان (أ.ف.ب)` is no dateline)
_CREDIT = re.compile(r"\(\s*([^()\d]{2,30}?)\s*\)\s*[-–—:]")
_CREDIT_ALONE = re.compile(r"^[^\W\d]+(?:\s+[^\W\d]+){0,2}\s*\(\s*([^()\d]{2,30}?)\s*\)$")
_DASH = re.compile(r"^[^\W\d]+(?:\s+[^\W\d]+){0,2}\s*[-–—]\s*([^\d()\-–—]{2,30}?)\s*(?:[-–—:]|$)")
_SLASH = re.compile(r"^[^\d/]{2,40}/\s*(?:[^\d/]{2,40}/\s*)?([^\d/]{2,30}?)\s*(?:[-–—:]|$)")


def dateline_agency(lines: Iterable[str]) -> str | None:
    """The agency a wire dateline among the first lines credits, canonical: `موسكو - 13
    سبتمبر 2023 (رويترز) - أعلنت …`, `موسكو (وكالات)` (none: no agency named), `أنقرة/
    الأناضول`, `تونس (وات) - …`, `الرياض - واس` → رويترز, None, الأناضول, وات, واس."""
    for number, line in enumerate(lines):
        if number >= DATELINE_LINES:
            break
        head = line.strip()[:DATELINE_CHARS]
        for pattern in (_CREDIT, _CREDIT_ALONE, _DASH, _SLASH):
            match = pattern.search(head) if pattern is _CREDIT else pattern.match(head)
            if match and (name := agency_named(match.group(1))):
                return name
    return None


def credited_agencies(passage: object) -> list[str]:
    """The agencies a stored passage came from: its article's dateline agency, then those
    its text credits; never the outlet that printed it (an agency's own article, its
    source «وكالة الأناضول», credits no one else)."""
    own = agency_named(getattr(passage, "source", None) or "")
    found = [getattr(passage, "agency", None), *agencies_in(passage.text)]  # type: ignore
    return [name for name in dict.fromkeys(filter(None, found)) if name != own]


def agency_first(answer: Answer, named: str | None) -> Answer:
    """`answer` to a question naming `named`, an outlet the coverage holds no article of:
    when `named` is an agency whose copy some hits carry («ماذا قالت رويترز عن …» over
    Al Jazeera's Reuters copy), those hits first and no "not covered" note; else as is."""
    agency = agency_named(named) if named else None
    theirs = [h for h in answer.hits if agency in h.agencies] if agency else []
    if not theirs:
        return answer
    rest = [h for h in answer.hits if agency not in h.agencies]
    return dataclasses.replace(answer, outlet_not_covered=None, hits=[
        dataclasses.replace(h, rank=rank) for rank, h in enumerate([*theirs, *rest], 1)])
