"""Publication dates as Arabic news pages print them.

Pages mix the Egyptian month names (سبتمبر), the Levantine ones (أيلول), both at once
(`فبراير/ شباط 2022`), English (`14th, September 2023 GMT`), Arabic-Indic digits and numeric
forms. A date is only returned when day, month and year are all printed and form a real
calendar day: Marsad never guesses a date it cannot cite.

Hijri dates (`28 صفر 1445هـ`, `1445/02/28 هـ`) are converted by the Umm al-Qura calendar
(hijridate), never read as Gregorian; when a page prints both, the Gregorian one is cited.
Relative stamps (`منذ ساعتين`) name no day at all: they give no date.
"""

from __future__ import annotations

import datetime as dt
import re

from hijridate import Hijri

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
# A Maghreb site's French stamp (`Publié le 16 septembre 2024`): read on pages only, never in
# a question («Mars», «Mai» are names there too).
_FRENCH_MONTHS = ("janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet",
                  "août", "aout", "septembre", "octobre", "novembre", "décembre", "decembre",
                  # abbreviated, as a French-locale feed prints them: `Mer, 17 Juil 2024`
                  "janv", "févr", "fevr", "avr", "juil", "déc")
_MONTH_NUMBERS_FR = (1, 2, 2, 3, 4, 5, 6, 7, 8, 8, 9, 10, 11, 12, 12, 1, 2, 2, 4, 7, 12)
# The Levantine pairs are also printed with a number or without the article:
# `كانون 2` / `كانون ثاني` / `ك2` is January, `تشرين 1` / `تشرين أول` / `ت1` October.
_PAIRED = {"كانون": (12, 1), "تشرين": (10, 11), "ك": (12, 1), "ت": (10, 11)}
for _name, (_first, _second) in _PAIRED.items():
    _MONTH_NAMES[_first] += (f"{_name} 1", f"{_name} أول", f"{_name} اول")
    _MONTH_NAMES[_second] += (f"{_name} 2", f"{_name} ثاني", f"{_name} الثاني")

HIJRI_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("محرم", "المحرم"),
    2: ("صفر",),
    3: ("ربيع الأول", "ربيع الاول", "ربيع أول", "ربيع 1"),
    4: ("ربيع الآخر", "ربيع الثاني", "ربيع ثاني", "ربيع 2"),
    5: ("جمادى الأولى", "جمادى الاولى", "جمادى الأول", "جمادى 1"),
    6: ("جمادى الآخرة", "جمادى الثانية", "جمادى الآخر", "جمادى الثاني", "جمادى 2"),
    7: ("رجب",),
    8: ("شعبان",),
    9: ("رمضان",),
    10: ("شوال",),
    11: ("ذو القعدة", "ذي القعدة", "ذو القعده", "ذي القعده"),
    12: ("ذو الحجة", "ذي الحجة", "ذو الحجه", "ذي الحجه"),
}

_WEEKDAYS = (
    "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
    "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sun", "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat",
    # a Maghreb site's French stamp: `Publié le mardi 18 février 2025 à 09:41`
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
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


def _name_key(name: str) -> str:
    """`كانون  2`, `كانون2` → `كانون 2`: one spelling per month name."""
    return re.sub(r"\s*(\d)$", r" \1", re.sub(r"\s+", " ", name))


def _names(months: dict[int, tuple[str, ...]]) -> tuple[dict[str, int], str]:
    """Folded name → month number, and a regex alternation of the names (longest first)."""
    numbers = {_name_key(fold(name)): n for n, names in months.items() for name in names}
    pattern = "|".join(
        re.escape(name).replace(r"\ ", r"\s*" if name[-1].isdigit() else r"\s+")
        for name in sorted(numbers, key=len, reverse=True))
    return numbers, pattern


MONTH_NAME = _names(_MONTH_NAMES)[1]  # a regex alternation of the Gregorian month names, folded
for _name, _number in zip(_FRENCH_MONTHS, _MONTH_NUMBERS_FR, strict=True):
    _MONTH_NAMES[_number] += (_name,)
_MONTHS, _MONTH = _names(_MONTH_NAMES)
_HIJRI_MONTHS, _HIJRI_MONTH = _names(HIJRI_MONTHS)
_SEP = r"(?:\s*[/|\\(–-]\s*|\s+)"  # `مارس/آذار`, `مارس (آذار)`, `أيلول سبتمبر`
_MONTHS_RE = rf"(?P<month>{_MONTH})(?!\w)\.?(?:{_SEP}(?P<month2>{_MONTH})(?!\w)\)?)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})(?!\d)"
# After a year, `هـ` (folded: `ه`) marks it Hijri and `م` Gregorian; both are consumed.
_MARK = (r"(?:\s*(?:(?P<hijri>ه|هجريه|هجرية|هجري|للهجره|للهجرة)|م|ميلاديه|ميلادية|ميلادي"
         r"|للميلاد)(?!\w))?")
# Between a printed date's day, month name and year: a comma, or a dash or slash as some
# systems print them (`15-أكتوبر-2025`); before the year, the word for year, with its
# preposition (`15 من أكتوبر لعام 2025`, `23 ربيع الآخر لعام 1447 هـ`).
_GAP = r"(?:\s*[,،]?\s*|\s*[-/.]\s*)"
_YEAR_WORD = r"(?:(?:ل|لل|من\s+)?(?:عام|العام|سنة|السنة)\s*)?"
_HIJRI_YEARS = range(1300, 1600)  # a year printed in this range is a Hijri year

# (pattern, months by name or None for numbers, True when the month names are Hijri)
_PATTERNS: tuple[tuple[re.Pattern[str], bool], ...] = tuple(
    (re.compile(pattern + _MARK), hijri) for pattern, hijri in (
        (r"(?<!\d)(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})(?!\d)", False),
        (r"(?<![\d/.-])(?P<day>\d{1,2})[-/.](?P<month>\d{1,2})[-/.]" + _YEAR, False),
        # spaced: `12 / 03 / 2024`, `12 - 03 - 2024`
        (r"(?<![\d/.-])(?P<day>\d{1,2})\s+(?P<sep>[-/.])\s+(?P<month>\d{1,2})\s+(?P=sep)\s+"
         + _YEAR, False),
        (rf"(?<!\d){_DAY}{_GAP}(?:من\s+)?(?:شهر\s+)?{_MONTHS_RE}{_GAP}{_YEAR_WORD}{_YEAR}",
         False),
        (rf"(?<!\w){_MONTHS_RE}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s*[,،]?\s*{_YEAR}", False),
        (rf"(?<!\d){_DAY}{_GAP}(?:من\s+)?(?:شهر\s+)?(?P<month>{_HIJRI_MONTH})(?!\w){_GAP}"
         rf"{_YEAR_WORD}{_YEAR}", True),
    )
)

_WEEKDAY_RE = re.compile(r"(?<!\w)(?:" + "|".join(fold(w) for w in _WEEKDAYS) + r")(?!\w)\.?")
_TIME_RE = re.compile(
    r"(?:(?<!\w)(?:à|علي|في)\s+)?\d{1,2}[:h]\d{2}(?::\d{2})?\s*(?:am|pm|ص|م|صباحا|مساء)?(?!\w)"
    r"|(?<!\w)(?:gmt|utc|ksa|بتوقيت\s+\w+|توقيت\s+\w+|(?:علي\s+|في\s+)?(?:الساعه|الساعة))(?!\w)"
    r"|[+-]\d{2}:?\d{2}"
)
# A newspaper's issue and volume numbers on its date line: `13 مارس 2024 مـ رقم العدد [ 16542
# ]`, `15 مارس 2024 السنة 148 العدد 49813`.
_ISSUE_RE = re.compile(r"(?<!\w)(?:(?:رقم\s+)?(?:العدد|عدد)|السنه|السنة)\s*[\[(]?\s*\d+\s*[\])]?")
# A clock time printed against the year: `12/3/202410:45` (Al Jazeera's update line).
_GLUED_TIME = re.compile(r"(?<=\d{4})(?=\d{1,2}:\d{2})")
# Words that join the two calendars on one stamp: `14 سبتمبر 2023م الموافق 28 صفر 1445هـ`.
# So do the words a stamp is printed with: `بتاريخ 12 مارس 2024`, `في 12 مارس 2024`.
_JOINER_RE = re.compile(r"(?<!\w)(?:الموافق|الموافقه|الموافقة|الموافق\s+ل|ل|في|بتاريخ)(?!\w)")




def month_number(name: str) -> int | None:
    """The Gregorian month (1-12) a folded month name or number says; None for neither."""
    number = _month_number(name, _MONTHS)
    return number if number is not None and 1 <= number <= 12 else None


def month_names(month: int) -> tuple[str, ...]:
    """The folded names of a Gregorian month (1-12) in Arabic as each region writes it
    («مارس», «اذار»; «تشرين 2», «جانفي»), without the Latin ones: the words a passage
    names it by."""
    return tuple(name for name, number in _MONTHS.items() if number == month
                 and all(c == " " or "\u0600" <= c <= "\u06ff" for c in name))


def _month_number(value: str, names: dict[str, int]) -> int | None:
    if value.isdigit():
        return int(value)
    return names.get(_name_key(value))


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian day of a Hijri date by the Umm al-Qura calendar (hijridate, years
    1343–1500 AH); None when it is not a real Hijri day or lies outside that range."""
    try:
        return Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None


def _date_from(match: re.Match[str], hijri_names: bool) -> tuple[dt.date | None, bool]:
    """(the Gregorian calendar day the match names or None, whether it was printed Hijri)."""
    groups = match.groupdict()
    names = _HIJRI_MONTHS if hijri_names else _MONTHS
    month = _month_number(groups["month"], names)
    second = groups.get("month2")
    if second is not None and _month_number(second, names) != month:
        return None, False  # `يوليو / آب`: the page contradicts itself, so no date
    year, day = int(groups["year"]), int(groups["day"])
    by_number = groups["month"].isdigit()
    hijri = hijri_names or bool(groups["hijri"]) or (by_number and year in _HIJRI_YEARS)
    if hijri:
        return hijri_to_gregorian(year, month or 0, day), True
    if year in _HIJRI_YEARS or year < _HIJRI_YEARS.start:
        return None, False  # `28 فبراير 1445`: a Hijri year under a Gregorian month
    try:
        return dt.date(year, month or 0, day), False
    except ValueError:
        return None, False


_DIGIT = re.compile(r"\d")
_YEAR_DIGITS = re.compile(r"\d{4}")  # every pattern holds a year: no year, no date


# A day written as an ordinal before its month, as formal prose and some date lines print
# it: `السبت، السابع والعشرون من كانون الثاني 2024`, `الخامس عشر من رجب 1445هـ` (folded).
_ORDINAL_UNITS = {"اول": 1, "حادي": 1, "ثاني": 2, "ثالث": 3, "رابع": 4, "خامس": 5, "سادس": 6,
                  "سابع": 7, "ثامن": 8, "تاسع": 9, "عاشر": 10}
_ORDINAL_DAY = re.compile(
    r"(?<!\w)ال(?:(?P<unit>" + "|".join(_ORDINAL_UNITS) + r")(?:\s+(?P<teen>عشر)"
    r"|\s+و\s*(?:ال)?(?P<tens>عشر|ثلاث)(?:ون|ين))?|(?P<round>عشر|ثلاث)(?:ون|ين))"
    rf"(?=\s*[,،]?\s+(?:من\s+)?(?:شهر\s+)?(?:{_MONTH}|{_HIJRI_MONTH})(?!\w))")
_TENS = {"عشر": 20, "ثلاث": 30}


def _ordinal_day(match: re.Match[str]) -> str:
    """The day an `_ORDINAL_DAY` match names, in digits (the words as they are when they
    name no day: `العاشر عشر`)."""
    if match["round"]:
        return str(_TENS[match["round"]])
    unit = _ORDINAL_UNITS[match["unit"]]
    if (match["teen"] or match["tens"]) and match["unit"] in ("اول", "عاشر"):
        return match[0]
    return str(unit + (10 if match["teen"] else _TENS.get(match["tens"] or "", 0)))


# A year written in words, as formal date lines print it: `ألفين وأربعة وعشرين` (2024), `عام
# ألفين وخمسة عشر` (2015), `ألفين وعشرين` (2020) (folded: alefs plain).
_UNITS = {"واحد": 1, "احد": 1, "اثنين": 2, "اثنان": 2, "اثني": 2, "اثنا": 2, "ثلاث": 3,
          "اربع": 4, "خمس": 5, "ست": 6, "سبع": 7, "ثماني": 8, "ثمان": 8, "تسع": 9}
_TENS_WORDS = {"عشر": 20, "ثلاث": 30, "اربع": 40, "خمس": 50, "ست": 60, "سبع": 70, "ثمان": 80,
               "تسع": 90}
_UNIT = "(?:" + "|".join(sorted(_UNITS, key=len, reverse=True)) + ")"
_TEN = "(?:" + "|".join(_TENS_WORDS) + ")"
_SPELLED_YEAR = re.compile(
    rf"(?<!\w)الف(?:ين|ان)(?:\s+و\s*(?:(?P<unit>{_UNIT})[ةه]?(?:\s+(?P<teen>عشر)[ةه]?"
    rf"|\s+و\s*(?P<tens>{_TEN})(?:ين|ون))?|(?P<round>{_TEN})(?:ين|ون)|(?P<ten>عشر)[ةه]?))?(?!\w)")
_SPELLED_HINT = "لف"  # every spelled year holds it (ألفين, الفين): no hint, no spelled year


def _spelled_year(match: re.Match[str]) -> str:
    """The year a `_SPELLED_YEAR` match names, in digits."""
    if match["unit"]:
        unit = _UNITS[match["unit"]]
        extra = 10 if match["teen"] else _TENS_WORDS.get(match["tens"] or "", 0)
        return str(2000 + unit + extra)
    return str(2000 + (_TENS_WORDS[match["round"]] if match["round"] else 10 * bool(match["ten"])))


def _might_hold_date(text: str) -> bool:
    """False when `text` can hold no date: no digit and no year in words (most text)."""
    return bool(_DIGIT.search(text)) or _SPELLED_HINT in text


def _date_text(text: str) -> str:
    """`text` folded for date matching, a clock time glued to a year set apart, a year in
    words and a day written as an ordinal in digits."""
    folded = fold(text)
    if _SPELLED_HINT in folded:
        folded = _SPELLED_YEAR.sub(_spelled_year, folded)
    if "ال" in folded and _YEAR_DIGITS.search(folded):
        folded = _ORDINAL_DAY.sub(_ordinal_day, folded)
    return _GLUED_TIME.sub(" ", folded) if ":" in folded else folded


def _dates(folded: str) -> list[tuple[re.Match[str], dt.date, bool]]:
    """Every real date printed in `folded`, left to right, overlaps resolved longest first."""
    if not _YEAR_DIGITS.search(folded):  # most paragraphs: skip the patterns
        return []

    found = [(m, hijri) for pattern, hijri in _PATTERNS for m in pattern.finditer(folded)]
    found.sort(key=lambda item: (item[0].start(), -item[0].end()))
    dates: list[tuple[re.Match[str], dt.date, bool]] = []
    end = 0
    for match, hijri_names in found:
        if match.start() < end:
            continue
        date, hijri = _date_from(match, hijri_names)
        if date is not None:
            dates.append((match, date, hijri))
            end = match.end()
    return dates


def find_date(text: str) -> dt.date | None:
    """The first real date printed in `text` (day, month and year), else None.

    A Gregorian date wins over a Hijri one printed beside it (the Hijri one is converted,
    so both name the same day give or take the moon sighting)."""
    if not _might_hold_date(text):  # folding keeps digits digits: no digit, no date
        return None
    dates = _dates(_date_text(text))
    gregorian = [date for _, date, hijri in dates if not hijri]
    return (gregorian or [date for _, date, _ in dates] or [None])[0]


_DAY_MONTH = re.compile(
    rf"(?<![\d/.-]){_DAY}\s*(?:من\s+)?(?:شهر\s+)?(?P<month>{_MONTH})(?!\w)"
    rf"(?:\s*[,،]?\s*(?:عام|سنة|سنه)?\s*(?P<year>\d{{4}})(?!\d)\s*م?(?!\w))?"
    r"|(?<!\d)(?P<iso_year>\d{4})[-/.](?P<iso_month>\d{1,2})[-/.](?P<iso_day>\d{1,2})(?!\d)"
    r"|(?<![\d/.-])(?P<n_day>\d{1,2})[-/.](?P<n_month>\d{1,2})[-/.](?P<n_year>\d{4})(?!\d)")


def named_day(text: str) -> tuple[int, int, int | None, str] | None:
    """The first Gregorian day `text` names, with or without its year («13 سبتمبر»,
    «١٤ أيلول ٢٠٢٣», «2023-09-14», «١٤/٩/٢٠٢٣»): (month, day, year or None, the rest of
    `text`, folded); None when it names none or no real day (31 February)."""
    if not _DIGIT.search(text):
        return None
    folded = fold(text)
    for match in _DAY_MONTH.finditer(folded):
        if match["iso_year"]:
            year, month, day = int(match["iso_year"]), int(match["iso_month"]), int(
                match["iso_day"])
        elif match["n_year"]:  # day first, as the Arab press prints it: 14/9/2023
            year, month, day = int(match["n_year"]), int(match["n_month"]), int(match["n_day"])
        else:
            year = int(match["year"]) if match["year"] else None
            month, day = _month_number(match["month"], _MONTHS) or 0, int(match["day"])
        try:
            dt.date(year or 2024, month, day)  # 2024: 29 February is a real day
        except ValueError:
            continue
        if year is not None and year in _HIJRI_YEARS:
            continue
        return month, day, year, f"{folded[:match.start()]} {folded[match.end():]}"
    return None


_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_COMPACT_DATE = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:T\d|\s|$)")  # `20230914`, ISO basic
_NUMERIC_DATE = re.compile(r"\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")


_GREGORIAN_YEARS = range(1800, 2200)  # a year outside both ranges is a typo, not a date
# What a CMS prints when it has no date: timestamp 0 (the Unix epoch), and 1 January 1900.
PLACEHOLDER_DAYS = frozenset({dt.date(1970, 1, 1), dt.date(1900, 1, 1)})


AHEAD_DAYS = 1  # an outlet's day may run ahead of ours by its time zone, no more


def unless_placeholder(date: dt.date | None) -> dt.date | None:
    """`date`, or None when it is a CMS's stand-in for no date (1970-01-01, 1900-01-01) or a
    day still to come (`2099-01-01`, a scheduled post's or a typo's): no news article is
    dated so, and citing it would be a wrong date."""
    if date in PLACEHOLDER_DAYS:
        return None
    if date is not None and date > dt.date.today() + dt.timedelta(days=AHEAD_DAYS):
        return None
    return date


def is_null_stamp(text: str) -> bool:
    """True for a well-formed ISO stamp that is a content system's stand-in for no date:
    MySQL's zero date (`0000-00-00`, a zero month or day), a type's least or greatest value
    (.NET's and Go's `0001-01-01`, MySQL's `1000-01-01`, SQL Server's `1753-01-01`,
    `9999-12-31`). Such a record is undated, not unreadable; a typo such as `0023-09-14`
    or `2024-13-01` is not one."""
    iso = _ISO_DATE.match(text)
    if not iso:
        return False
    year, month, day = int(iso[1]), int(iso[2]), int(iso[3])
    return year == 0 or month == 0 or day == 0 or (year, month, day) in _NULL_DAYS


# The least and greatest days date types hold, written by exports that had no date.
_NULL_DAYS = frozenset({(1, 1, 1), (1000, 1, 1), (1753, 1, 1), (9999, 12, 31)})


def stated_date(text: str) -> dt.date | None:
    """The day a metadata value states: `2023-09-14T10:30:00+03:00` or `20230914` → 2023-09-14 (the
    day as printed, in its own time zone, not converted); `14/09/2023` (day first unless
    only the other reading is a date; `3/5/2024`, which could be either, gives None: an
    unknown date beats a wrong citation); other printed forms, Hijri included, through
    `find_date`. A numeric date with a Hijri year (`1445-02-28`, `28/02/1445`) is Hijri,
    converted; one with a year in neither calendar's range (`0023-09-14`) is no date."""
    iso = _ISO_DATE.match(text) or _COMPACT_DATE.match(text)
    numeric = None if iso else _NUMERIC_DATE.match(fold(text))
    if iso:
        year, month, day = int(iso[1]), int(iso[2]), int(iso[3])
    elif numeric:  # 3/5/2024 in metadata: day-first in Arabic pages, month-first from US
        a, b, year = int(numeric[1]), int(numeric[2]), int(numeric[3])  # server defaults
        if a <= 12 and b <= 12 and a != b:
            return None  # either reading is possible
        day, month = (b, a) if b > 12 else (a, b)
    else:
        return find_date(text)
    if year in _HIJRI_YEARS:
        return hijri_to_gregorian(year, month, day)
    if year not in _GREGORIAN_YEARS:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def is_date_line(text: str) -> bool:
    """True when `text` is only a date stamp (weekday, date(s), time, zone): page metadata."""
    if not _might_hold_date(text):  # folding keeps digits digits: no digit, no date
        return False
    folded = _date_text(text)
    dates = _dates(folded)
    if not dates:
        return False
    rest, last = [], 0
    for match, _, _ in dates:
        rest.append(folded[last : match.start()])
        last = match.end()
    rest.append(folded[last:])
    left = _JOINER_RE.sub(" ", _TIME_RE.sub(" ", _WEEKDAY_RE.sub(" ", " ".join(rest))))
    return not re.search(r"\w", _ISSUE_RE.sub(" ", left))


_RELATIVE_UNITS = (
    r"ثانيه|ثانية|ثانيتين|ثوان|ثواني|ثوانى|دقيقه|دقيقة|دقيقتين|دقائق|دقايق|ساعه|ساعة|ساعتين"
    r"|ساعات|يوم|يومين|ايام|اسبوع|اسبوعين|اسابيع|شهر|شهرين|اشهر|شهور|سنه|سنة|سنتين|سنوات"
    r"|عام|عامين|اعوام|seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?"
)
# Counts as digits or words (`منذ ثلاث ساعات`, `قبل ساعة واحدة`, `بضع دقائق`), folded.
_COUNT_WORDS = (
    r"واحد|واحده|واحدة|اثنين|اثنتين|ثلاث|ثلاثه|ثلاثة|اربع|اربعه|اربعة|خمس|خمسه|خمسة"
    r"|ست|سته|ستة|سبع|سبعه|سبعة|ثماني|ثمانيه|ثمانية|تسع|تسعه|تسعة|عشر|عشره|عشرة"
    r"|بضع|بضعه|بضعة|عده|عدة"
)
_COUNT = rf"(?:\d+|{_COUNT_WORDS})"
_RELATIVE = re.compile(
    rf"(?:منذ|قبل|نحو|حوالي)\s+(?:{_COUNT}\s+|نحو\s+|حوالي\s+)?(?:{_RELATIVE_UNITS})"
    rf"(?:\s+(?:{_COUNT_WORDS}))?(?!\w)"
    rf"|(?<!\w)(?:{_COUNT}\s+)?(?:{_RELATIVE_UNITS})\s+(?:مضت|مضي|مضين)(?!\w)"
    r"|(?:منذ|قبل)\s+(?:قليل|لحظات|لحظه|لحظة)(?!\w)"
    rf"|(?:\d+|an?|one)\s+(?:{_RELATIVE_UNITS})\s+ago(?!\w)|just now"
    r"|(?<!\w)(?:امس|البارحه|البارحة|اليوم|yesterday|today)(?!\w)"
)
# The labels printed with a relative stamp, a live entry's flags among them (`منذ ساعة عاجل`).
_STAMP_LABEL = re.compile(
    r"(?<!\w)(?:نشر|تم النشر|نشر في|اخر تحديث|تاريخ النشر|تاريخ التحديث|تحديث|حدث|محدث"
    r"|عاجل|مباشر|published|updated|posted|last updated|breaking|live)(?!\w)"
)


def is_relative_stamp(text: str) -> bool:
    """True when `text` is only a relative time stamp (`منذ ساعتين`, `نُشر منذ 3 ساعات |
    آخر تحديث: منذ ساعة`, `2 hours ago`): page metadata that names no day."""
    folded = fold(text)
    if not _RELATIVE.search(folded):
        return False
    left = _STAMP_LABEL.sub(" ", _TIME_RE.sub(" ", _RELATIVE.sub(" ", folded)))
    return not re.search(r"\w", left)


def arabic_date(date: dt.date | None) -> str:
    """`14 سبتمبر 2023` for display; `تاريخ غير معروف` when no date was printed."""
    if date is None:
        return UNKNOWN_DATE
    return f"{date.day} {EGYPTIAN_MONTHS[date.month - 1]} {date.year}"
