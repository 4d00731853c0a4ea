"""Publication dates as Arabic news pages print them.

Pages mix the Egyptian month names (سبتمبر), the Levantine ones (أيلول), both at once
(`فبراير/ شباط 2022`), English (`14th, September 2023 GMT`), Arabic-Indic digits and numeric
forms. A date is only returned when day, month and year are all printed and form a real
calendar day: Marsad never guesses a date it cannot cite.
"""

from __future__ import annotations

import datetime as dt
import re

UNKNOWN_DATE = "تاريخ غير معروف"

EGYPTIAN_MONTHS = (
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
    "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
)  # fmt: skip

_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("يناير", "كانون الثاني", "جانفي", "january", "jan"),
    2: ("فبراير", "شباط", "فيفري", "february", "feb"),
    3: ("مارس", "آذار", "march", "mar"),
    4: ("أبريل", "ابريل", "إبريل", "نيسان", "أفريل", "april", "apr"),
    5: ("مايو", "أيار", "ماي", "may"),
    6: ("يونيو", "يونيه", "حزيران", "جوان", "june", "jun"),
    7: ("يوليو", "يوليه", "تموز", "يوليوز", "جويلية", "july", "jul"),
    8: ("أغسطس", "اغسطس", "آب", "غشت", "أوت", "august", "aug"),
    9: ("سبتمبر", "أيلول", "شتنبر", "september", "sept", "sep"),
    10: ("أكتوبر", "اكتوبر", "تشرين الأول", "october", "oct"),
    11: ("نوفمبر", "تشرين الثاني", "نونبر", "november", "nov"),
    12: ("ديسمبر", "كانون الأول", "دجنبر", "december", "dec"),
}

_WEEKDAYS = (
    "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
    "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sun", "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat",
)  # fmt: skip

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)
_ALEFS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "\u00a0": " "})
_MARKS = re.compile(
    "[\u064b-\u065f\u0670\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u061c]"
)


# The two tables as (character, replacement) pairs. No replacement is itself folded, so
# replacing one character after another gives what `translate` gives, ~8x faster on Arabic
# text: `str.translate` looks up every character of a non-ASCII string in the table, while
# `in` and `replace` scan for one character at C speed (ingest folds every paragraph).
_FOLDS = tuple((chr(c), r if isinstance(r, str) else chr(r))
               for table in (_DIGITS, _ALEFS) for c, r in table.items())


def fold(text: str) -> str:
    """Fold the spelling variants that do not change a date word (hamza, digits, case)."""
    text = _MARKS.sub("", text)
    for char, replacement in _FOLDS:
        if char in text:
            text = text.replace(char, replacement)
    return text.lower()


_MONTHS: dict[str, int] = {
    re.sub(r"\s+", " ", fold(name)): number
    for number, names in _MONTH_NAMES.items()
    for name in names
}
_MONTH = "|".join(
    re.escape(name).replace(r"\ ", r"\s+") for name in sorted(_MONTHS, key=len, reverse=True)
)
_SEP = r"\s*(?:[/|\\(–-]\s*)"
_MONTHS_RE = rf"(?P<month>{_MONTH})\b(?:{_SEP}(?P<month2>{_MONTH})\b\)?)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})(?!\d)"

_PATTERNS = (
    re.compile(r"(?<!\d)(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})(?!\d)"),
    re.compile(r"(?<![\d/.-])(?P<day>\d{1,2})[-/.](?P<month>\d{1,2})[-/.]" + _YEAR),
    re.compile(
        rf"(?<!\d){_DAY}\s*,?\s*(?:من\s+)?(?:شهر\s+)?{_MONTHS_RE}\s*,?\s*(?:عام|سنة)?\s*{_YEAR}"
    ),
    re.compile(rf"(?<!\w){_MONTHS_RE}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*{_YEAR}"),
)

_WEEKDAY_RE = re.compile(r"(?<!\w)(?:" + "|".join(fold(w) for w in _WEEKDAYS) + r")(?!\w)\.?")
_TIME_RE = re.compile(
    r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:am|pm|ص|م|صباحا|مساء)?(?!\w)"
    r"|(?<!\w)(?:gmt|utc|ksa|بتوقيت\s+\w+|توقيت\s+\w+|الساعه|الساعة)(?!\w)"
    r"|[+-]\d{2}:?\d{2}"
)


def _month_number(value: str) -> int | None:
    if value.isdigit():
        return int(value)
    return _MONTHS.get(re.sub(r"\s+", " ", value))


def _date_from(match: re.Match[str]) -> dt.date | None:
    """Turn a pattern match into a real calendar date, or None when it is not one."""
    groups = match.groupdict()
    month = _month_number(groups["month"])
    second = groups.get("month2")
    if second is not None and _month_number(second) != month:
        return None  # `يوليو / آب`: the page contradicts itself, so no date
    try:
        return dt.date(int(groups["year"]), month or 0, int(groups["day"]))
    except ValueError:
        return None


_DIGIT = re.compile(r"\d")
_YEAR_DIGITS = re.compile(r"\d{4}")  # every pattern holds a year: no year, no date


def _matches(folded: str) -> list[re.Match[str]]:
    if not _YEAR_DIGITS.search(folded):  # most paragraphs: skip the four patterns
        return []
    found = [m for pattern in _PATTERNS for m in pattern.finditer(folded)]
    return sorted(found, key=lambda m: (m.start(), -m.end()))


def find_date(text: str) -> dt.date | None:
    """The first real date printed in `text` (day, month and year), else None."""
    if not _DIGIT.search(text):  # folding keeps digits digits: no digit, no date
        return None
    for match in _matches(fold(text)):
        date = _date_from(match)
        if date is not None:
            return date
    return None


def is_date_line(text: str) -> bool:
    """True when `text` is only a date stamp (weekday, date, time, zone): page metadata."""
    if not _DIGIT.search(text):  # folding keeps digits digits: no digit, no date
        return False
    folded = fold(text)
    for match in _matches(folded):
        if _date_from(match) is None:
            continue
        rest = folded[: match.start()] + " " + folded[match.end() :]
        rest = _TIME_RE.sub(" ", _WEEKDAY_RE.sub(" ", rest))
        return not re.search(r"\w", rest)
    return False


def arabic_date(date: dt.date | None) -> str:
    """`14 سبتمبر 2023` for display; `تاريخ غير معروف` when no date was printed."""
    if date is None:
        return UNKNOWN_DATE
    return f"{date.day} {EGYPTIAN_MONTHS[date.month - 1]} {date.year}"
