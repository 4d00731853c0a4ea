"""The figures a passage prints and what each one counts, for telling a reader that two
outlets reporting one statement disagree on its numbers.

Grouping never shows «لقي 29 شخصا حتفهم» for «لقي 27 شخصا حتفهم» (two hits, by design), but a
reader seeing both must be told they disagree, and only when the numbers count the same
thing: 27 dead against 29 dead, 5% against 7%, 3 million dollars against 4 million dollars;
never 27 dead against 40 injured, a year against a toll, or a figure one outlet prints and
the other leaves out. What a number counts is the toll it states whatever its words
(`tolls.toll`: «مقتل ثلاثة أشخاص» and «3 قتلى» both count the dead), a year after «عام», else
the word after it (its unit or the people counted: «27 شخصا», «3.5 مليون دولار», «5 في
المئة»).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .analysis import analyze_token, normalize
from .tolls import toll

__all__ = ["Clash", "clashes", "figures"]

# a number (Arabic-Indic digits too, decimals with . , or ٫), a run of letters, a percent sign
_TOKEN = re.compile(r"\d+(?:[.,٫]\d+)?|[^\W\d_]+|[%٪]")
# «11,300», «١١٬٣٠٠»: a thousands separator, not a decimal point (nor two numbers)
_THOUSANDS = re.compile(r"(?<=\d)[,٬](?=\d{3}(?!\d))")
_SCALES = {normalize(w): s for words, s in (("ألف آلاف الاف", "ألف"), ("مليون ملايين", "مليون"),
                                           ("مليار مليارات", "مليار"))
           for w in words.split()}
_PERCENT = {normalize(w) for w in ("%", "٪", "بالمئة", "بالمائة", "بالمية")}
_HUNDRED = {normalize(w) for w in ("المئة", "المائة")}
_IN = normalize("في")
_YEAR_BEFORE = {normalize(w) for w in ("عام", "العام", "لعام", "سنة", "السنة", "عامي", "مطلع")}
_TANWEEN_ALEF = "ا"  # «27 شخصا»: the accusative's alef is no part of the word counted
# what each toll category is called where a reader is told of a clash
TOLL_NAMES = {"dead": "القتلى", "injured": "الجرحى", "missing": "المفقودين",
              "displaced": "النازحين", "arrested": "الموقوفين"}


def _measure(word: str) -> str | None:
    """The analysed form of the word a number counts (None: a stop word, nothing counted)."""
    term = analyze_token(word)
    if term and len(term) > 3 and term.endswith(_TANWEEN_ALEF):
        term = term[:-1]
    return term


def figures(text: str) -> dict[str, tuple[str, frozenset[str]]]:
    """What the text counts -> (the word it is printed with, the figures it prints for it):
    «قتل 27 شخصا وأصيب 40» → {dead: (القتلى, {27}), injured: (الجرحى, {40})}; «ارتفع
    التضخم إلى 5.2%» → {%: (%, {5.2})}; «3 ملايين دولار» → {دولار: (دولار, {3 مليون})}. A
    year («عام 2023») and a number followed by none of these count nothing."""
    text = _THOUSANDS.sub("", text)
    tolled = toll(text)
    counted = {str(count) for _, count in tolled}
    out: dict[str, tuple[str, set[str]]] = {
        f"toll:{category}": (TOLL_NAMES[category], set()) for category, _ in tolled}
    for category, count in tolled:
        out[f"toll:{category}"][1].add(str(count))
    printed = _TOKEN.findall(text)
    words = [normalize(w) for w in printed]
    for i, word in enumerate(words):
        if not word[:1].isdigit():
            continue
        if i and words[i - 1] in _YEAR_BEFORE:  # «بدأ بناؤه عام 2002»: a year
            out.setdefault("year", ("السنة", set()))[1].add(word)
            continue
        value = re.sub("[,٫]", ".", word)
        if value in counted:
            continue  # a toll's count: counted by what befell the people, above
        j = i + 1
        if j < len(words) and words[j] in _SCALES:
            value, j = f"{value} {_SCALES[words[j]]}", j + 1
        if (j < len(words) and words[j] in _PERCENT) or (
                j + 1 < len(words) and words[j] == _IN and words[j + 1] in _HUNDRED):
            key, label = "%", "النسبة المئوية"
        elif j < len(words) and not words[j][:1].isdigit() and (key := _measure(words[j])):
            label = printed[j]
        else:
            continue
        out.setdefault(key, (label, set()))[1].add(value)
    return {key: (label, frozenset(values)) for key, (label, values) in out.items()}


@dataclass(frozen=True)
class Clash:
    """One thing two passages count differently: `measure` as the first prints it, and
    the figures each prints for it."""

    measure: str
    this: tuple[str, ...]
    other: tuple[str, ...]

    def to_json(self) -> dict[str, object]:
        return {"measure": self.measure, "this": list(self.this), "other": list(self.other)}


def clashes(this: str, other: str) -> list[Clash]:
    """The things both texts count with figures neither holds all of the other's (27 dead
    against 29 dead; not 27 against 27 and 3, nor 27 dead against 40 injured): [] when
    they agree or count nothing in common."""
    mine, theirs = figures(this), figures(other)
    return [Clash(label, tuple(sorted(values)), tuple(sorted(theirs[key][1])))
            for key, (label, values) in mine.items()
            if key in theirs and not (values <= theirs[key][1] or theirs[key][1] <= values)]
