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
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from .model import Answer

__all__ = ["AGENCIES", "agencies_in", "agencies_of", "agency_first", "agency_named",
           "article_agency", "credit_forms", "credited_agencies", "dateline_agency",
           "outlet_agencies", "signoff_agency", "split_dateline"]

# canonical name -> the other forms printed for it (the canonical one is printed too)
AGENCIES: dict[str, tuple[str, ...]] = {
    "رويترز": ("Reuters",),
    "فرانس برس": ("فرانس بريس", "أ ف ب", "AFP", "الفرنسية",
                  "الأنباء الفرنسية", "وكالة الصحافة الفرنسية", "الصحافة الفرنسية"),
    "أسوشيتد برس": ("أسوشييتد برس", "أسوشيتيد برس", "اسوشيتد برس", "أ ب", "AP"),
    "الأناضول": ("Anadolu",),
    "د ب أ": ("الأنباء الألمانية", "الألمانية"),
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
    "وات": ("تونس أفريقيا للأنباء", "تونس إفريقيا للأنباء", "الأنباء التونسية"),
    "واج": ("الأنباء الجزائرية",),
    "سونا": ("السودان للأنباء", "الأنباء السودانية"),
    "واع": ("الأنباء العراقية",),
    "وال": ("الأنباء الليبية",),
    "ومع": ("و م ع", "المغرب العربي للأنباء"),
    "الوكالة الوطنية للإعلام": (),
}

# Names that count anywhere in a passage: no other word of Arabic prose is spelled so.
_ANYWHERE = ("رويترز", "فرانس برس", "فرانس بريس", "أسوشيتد برس", "أسوشييتد برس",
             "أسوشيتيد برس", "اسوشيتد برس", "شينخوا", "نوفوستي", "ريا نوفوستي", "إنترفاكس",
             "انترفاكس", "بلومبرغ", "بلومبيرغ", "كيودو", "يونهاب", "Reuters", "AFP",
             "Xinhua", "Bloomberg", "Interfax", "الأنباء الفرنسية", "الأنباء الألمانية")

_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي", "\u0640": None})


# An abbreviation's dotted letters: `أ.ف.ب`, `أ. ف. ب`, `و.م.ع` are `أ ف ب`, `و م ع`.
_DOTTED_LETTER = re.compile(r"(?<!\w)(\w)\.\s*(?=\w)")


def _fold(text: str) -> str:
    """Hamza seats, ta marbuta, alef maqsura and tatweel folded; an abbreviation's dots
    made spaces; spaces made single."""
    text = _DOTTED_LETTER.sub(r"\1 ", re.sub(r"[\u064B-\u0652]", "", text).translate(_FOLD))
    return " ".join(text.split())


_CANONICAL = {_fold(form): name for name, forms in AGENCIES.items()
              for form in (name, *forms)}
_FORMS = sorted(_CANONICAL, key=len, reverse=True)  # the longest form first
_ALT = "|".join(re.escape(f) for f in _FORMS)
_EDGE_BEFORE = r"(?<![\w.])"
_EDGE_AFTER = r"(?![\w])"
# A credit: in parentheses, or after «وكالة» / «وكالة أنباء» (with a clitic before it:
# «لوكالة», «ووكالة»), or after «ل» of «قال لرويترز» for the names that count anywhere.
_IN_PARENS = re.compile(rf"\(\s*({_ALT})\s*\)")
# (the name quoted too: «بحسب ما أوردته وكالة «تاس» الروسية»)
_AFTER_AGENCY = re.compile(
    rf"{_EDGE_BEFORE}(?:[وفلب]|ول|لل)?(?:وكاله|الوكاله)\s+(?:(?:انباء|الانباء)\s+)?"
    rf"(?:[«\"]\s*)?({_ALT}){_EDGE_AFTER}")
_PLAIN = re.compile(
    rf"{_EDGE_BEFORE}(?:[وفلب]|ول|لل)?("
    + "|".join(re.escape(_fold(f)) for f in sorted(_ANYWHERE, key=len, reverse=True))
    + rf"){_EDGE_AFTER}")


def agency_named(text: str) -> str | None:
    """The canonical name of the agency `text` is (as a whole: «أ ف ب», «وكالة رويترز»,
    «وكالة الأنباء الفرنسية»), or None."""
    key = re.sub(r"^(?:وكاله|الوكاله)\s+", "", _fold(text.strip(" ()«»\".")))
    return _CANONICAL.get(key) or _CANONICAL.get(re.sub(r"^(?:انباء|الانباء)\s+", "", key))


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
def dateline_agency(lines: Iterable[str]) -> str | None:
    """The agency a wire dateline among the first lines credits, canonical: `موسكو - 13
    سبتمبر 2023 (رويترز) - أعلنت …`, `موسكو (وكالات)` (none: no agency named), `أنقرة/
    الأناضول`, `تونس (وات) - …`, `الرياض - واس` → رويترز, None, الأناضول, وات, واس."""
    for number, line in enumerate(lines):
        if number >= DATELINE_LINES:
            break
        if (lead := split_dateline(line.strip()[:DATELINE_CHARS])) and lead[0]:
            return lead[0]
    return None


SIGNOFF_LINES = 4  # a sign-off stands among the few lines under the last paragraph
SIGNOFF_WORDS = 6  # ... and is a short line: `فرانس24/ أ ف ب`, `ع.ش/ رويترز`, `(د.ب.أ)`
BODY_WORDS = 6  # a line of at least this many words that ends a sentence is article text
_SIGNOFF_LABEL = re.compile(r"^(?:المصدر|المصادر|نقلا عن|نقلاً عن|عن|بحسب|وفق|source)\s*:?\s*")
_SIGNOFF_PARTS = re.compile(r"\s*[/+|،,&]\s*|\s+[-–—ـ]\s+|\s+(?=و\S)")
_SENTENCE_END = re.compile(r"[.!?؟…][\"'»”’)\]]*\s*$")
_ENDING_CREDIT = re.compile(r"\(\s*([^()\d]{1,25}?)\s*\)\s*$")


def _signoff(line: str) -> str | None:
    """The agency a short line under an article credits, when the line is only credits:
    an agency, perhaps beside the outlet or the editor's initials (`فرانس24/ أ ف ب`,
    `ع.ش/ رويترز`, `(أ.ف.ب)`, `رويترز وأ ف ب`); else None."""
    line = _SIGNOFF_LABEL.sub("", line.strip(" ()«»\"."))
    if not line or len(line.split()) > SIGNOFF_WORDS:
        return None
    parts = [part.strip(" ()«»\".") for part in _SIGNOFF_PARTS.split(line)]
    parts = [re.sub(r"^و(?=\S)", "", part) if agency_named(part) is None else part
             for part in parts if part]
    named = [agency_named(part) for part in parts]
    credits = [name for name in named if name]
    if not credits or any(len(part.split()) > 2 for part, name in zip(parts, named,
                                                                         strict=True)
                          if name is None):
        return None
    return credits[0]


def signoff_agency(lines: Sequence[str]) -> str | None:
    """The agency an article's sign-off credits, canonical: a short line of credits among
    the lines under its last paragraph (`فرانس24/ أ ف ب`, `(رويترز)`, `د.ب.أ`, `ع.ش/
    رويترز`), or a credit in parentheses ending that paragraph (`… الأسبوع المقبل. (رويترز)`);
    None when the article ends with none. A credit above the last paragraph (a photo's)
    is not its sign-off."""
    body = [n for n, line in enumerate(lines)
            if len(line.split()) >= BODY_WORDS
            and _SENTENCE_END.search(_ENDING_CREDIT.sub("", line))]
    if not body:
        return None
    last = body[-1]
    ending = _ENDING_CREDIT.search(lines[last])
    if ending and (name := agency_named(ending[1])):
        return name
    return next(filter(None, map(_signoff, lines[last + 1 : last + 1 + SIGNOFF_LINES])), None)


def article_agency(lines: Sequence[str]) -> str | None:
    """The wire agency an article's text credits: its dateline's (`dateline_agency`), else
    its sign-off's (`signoff_agency`)."""
    return dateline_agency(lines) or signoff_agency(lines)


def _printed(form: str) -> str:
    """A pattern for a folded agency name as printed: any hamza seat, ة or ه, ى or ي; an
    abbreviation's letters spaced, dotted or both (`أ ف ب`, `أ.ف.ب`, `أ. ف. ب.`)."""
    seats = {" ": r"(?:\s*\.\s*|\s+)", "ا": "[اأإآ]", "ه": "[هة]", "ي": "[يى]"}
    return "".join(seats.get(c, re.escape(c)) for c in form) + (r"\.?" if " " in form else "")


def credit_forms() -> list[tuple[str, bool]]:
    """(form, alone) for every form an agency's name is printed in: `alone` when the form
    credits wherever it stands (a name no other word is spelled as, or an abbreviation,
    «أ ف ب»); else it credits only after «وكالة» (or in parentheses): «الفرنسية». A
    passage holding none of them so credits no agency (`agencies_in`): what an index
    search for the passages that may credit one looks for."""
    return [(form, form in _ANYWHERE or bool(re.search(r"(?:^|\s)\w(?:\s|$)", form)))
            for name, forms in AGENCIES.items() for form in (name, *forms)]


# A dateline opening a paragraph, in the shapes the Arabic press prints: a place of up to
# three words, perhaps a day, then the credit after - – — ـ / or :, spaced or glued, in
# parentheses, in «quotes» or bare (a reporter's name may stand between place and credit),
# then - – — ـ or : before the news (`الرباط (و م ع) -`,
# `أنقرة/ الأناضول -`, `الرياض - واس -`, `دمشق-سانا`, `بيروت ـ «أ ف ب»:`).
_WORD = r"[^\W\d_\u0640](?:[^\W\d_]|[\u064B-\u065F\u0670])*"  # letters and harakat
_DAY = (rf"(?:\s*[-–—،,]?\s*(?:{_WORD}\s+)?(?:\d{{1,2}}\s+{_WORD}\s+\d{{4}}"
        r"|\d{1,2}([-/.])\d{1,2}\1\d{4}))?")  # `الخرطوم 12-3-2024 (سونا) -`
# Anadolu's `القاهرة/ محمد علي/ الأناضول`: the reporter's name between place and credit
_REPORTER = rf"(?:\s*/\s*{_WORD}(?:\s+{_WORD}){{0,2}}?(?=\s*/))?"
_SEP = r"(?:\s*[-–—/:]+\s*|\s+\u0640+\s+)"
_END = r"(?:\s*[-–—:]+\s*|\s+\u0640+\s+)"
_NAMED = (r"(?:(?:ال)?وكال[ةه]\s+(?:(?:ال)?[اأ]نباء\s+)?)?(?:"
          + "|".join(_printed(form) for form in _FORMS) + ")")
_DATELINE_LEAD = re.compile(
    rf"^{_WORD}(?:\s+{_WORD}){{0,2}}?{_DAY}{_REPORTER}(?:"
    rf"(?:{_SEP}|\s*)\(\s*(?P<paren>[^()\d]{{1,30}}?)\s*\)(?P<paren_end>{_END}|$|\s+)"
    rf"|{_SEP}[«\"“]\s*(?P<quoted>[^«»\"“”\d]{{1,30}}?)\s*[»\"”]"
    rf"(?:\s*(?:\+|و|،)\s*(?P<also>{_NAMED}|وكالات))?(?P<quoted_end>{_END}|$)"
    rf"|(?P<sep>{_SEP})(?P<bare>{_NAMED})(?P<bare_end>{_END}|\s+|$))")


def split_dateline(line: str) -> tuple[str | None, str] | None:
    """(the agency credited, the news after it) when `line` opens with a dateline:
    `أنقرة/ الأناضول - ضرب زلزال …` → (الأناضول, `ضرب زلزال …`); `موسكو (وكالات) - …` →
    (None, `…`): a credit, no agency. None for any other line, and for a sentence that
    merely opens with a place or credits an agency (`أنقرة/ الأناضول تشهد موجة حر`,
    `ذكرت وكالة (رويترز) أن …`): the news must follow a separator, or a credit glued to its
    place (`دمشق-سانا ضرب …`)."""
    match = _DATELINE_LEAD.match(line)
    if match is None:
        return None
    credit = match["paren"] or match["quoted"] or match["bare"]
    # `بيروت - «الشرق الأوسط» ورويترز:`: the outlet's own reporting and an agency's
    agency = agency_named(credit) or (agency_named(match["also"]) if match["also"] else None)
    end = match["paren_end"] if match["paren"] is not None else (
        match["quoted_end"] if match["quoted"] is not None else match["bare_end"])
    rest = line[match.end():]
    if rest and not end.strip() and match["sep"] and match["sep"] != match["sep"].strip():
        return None  # no separator before the news: only a credit glued, `دمشق-سانا ضرب`
    if agency is None and match["paren"] is None:
        return None  # `قال - «لن نتراجع» - …`: a quotation, no credit
    if match["paren"] is not None and rest and not end.strip() and not _closes_dateline(
            line[:match.start("paren")], match["paren"], rest):
        return None  # `الرياض (العاصمة السعودية) تستضيف …`, `ذكرت وكالة (رويترز) أن …`
    return agency, rest


# A parenthesised credit with no dash after it («القاهرة (رويترز) قال وزير …») is a dateline
# only when it names an agency (or «وكالات»), the words before it are a place (no «وكالة»,
# no agency's name: `ذكرت وكالة (رويترز)`, `أفادت رويترز (Reuters)`) and the news after it
# starts a sentence, not a clause of the words before (`وقالت (واس) إن …`).
_AGENCIES_WORD = re.compile(r"^(?:ال)?وكالات$")
_ANY_FORM = re.compile(rf"{_EDGE_BEFORE}(?:[وفلب]|ول|لل)?(?:{_ALT}){_EDGE_AFTER}")
_AGENCY_WORD = re.compile(r"(?:^|\s)(?:[وفلب]|ول|لل)?(?:ال)?وكال[ةه]")
_CLAUSE_WORDS = frozenset(_fold(w) for w in (
    "أن", "إن", "بأن", "وأن", "وإن", "عن", "على", "إلى", "في", "من", "لـ", "بـ", "ب", "ل",
    "أنه", "إنه", "بأنه", "أنها", "إنها", "بأنها"))


def _closes_dateline(place: str, credit: str, news: str) -> bool:
    """True when `place (credit) news` opens with a dateline though no dash closes it."""
    if agency_named(credit) is None and not _AGENCIES_WORD.match(_fold(credit)):
        return False
    if _AGENCY_WORD.search(_fold(place)) or _ANY_FORM.search(_fold(place)):
        return False
    first = _fold(news).split(maxsplit=1)
    return bool(first) and first[0].strip("،,:") not in _CLAUSE_WORDS


def credited_agencies(passage: object) -> list[str]:
    """The agencies a stored passage came from: its article's dateline agency, then those
    its text credits; never the outlet that printed it (an agency's own article, its
    source «وكالة الأناضول», credits no one else)."""
    return agencies_of(passage.text, getattr(passage, "source", None),  # type: ignore
                       getattr(passage, "agency", None))


def agencies_of(text: str, source: str | None, agency: str | None) -> list[str]:
    """`credited_agencies` of a passage's text, its outlet and its article's dateline agency
    (as read from the store: a hit's linked copies)."""
    own = _outlet_agencies(source or "")
    found = [agency, *agencies_in(text)]
    return [name for name in dict.fromkeys(filter(None, found)) if name not in own]


@lru_cache(maxsize=1024)
def _outlet_agencies(source: str) -> frozenset[str | None]:
    """The agency an outlet's name is or credits (`العربي - أ ف ب` credits AFP), never
    credited to its own passages; per outlet name, which every passage of it repeats."""
    return frozenset({agency_named(source), _signoff(source)})


def outlet_agencies(source: str) -> frozenset[str]:
    """The agencies an outlet's name is or credits («العربي - أ ف ب»: فرانس برس; «صحيفة
    الاتحاد نقلاً عن تاس»: تاس): a question naming the outlet may name them too."""
    return frozenset(filter(None, _outlet_agencies(source)))


def agency_first(answer: Answer, named: str | None, answers: Callable[[str], bool]) -> Answer:
    """`answer` to a question naming `named`, an outlet the coverage holds no article of:
    when `named` is an agency whose copy some hits carry («ماذا قالت رويترز عن …» over
    Al Jazeera's Reuters copy), those of them whose text under its article's headline
    `answers` the question first (what was told to the agency, «وقال مسؤول أميركي لرويترز
    …», under «تعليق مفاوضات جدة», is its reporting on the talks), and no "not covered" note;
    the others keep their order after them. Else `answer` as is."""
    agency = agency_named(named) if named else None
    theirs = [h for h in answer.hits
              if agency in h.agencies and answers(f"{h.title}\n{h.text}")] if agency else []
    if not theirs:
        return answer
    rest = [h for h in answer.hits if h not in theirs]
    return dataclasses.replace(answer, outlet_not_covered=None, hits=[
        dataclasses.replace(h, rank=rank) for rank, h in enumerate([*theirs, *rest], 1)])
