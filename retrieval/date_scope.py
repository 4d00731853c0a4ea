"""Questions that ask what happened on a day: «ماذا حدث في 13 سبتمبر؟», «أخبار ١٤ أيلول ٢٠٢٣».

Such a question has no subject to search for beside the day: its words are the day and
words like «ماذا حدث في». What the reader expects is what the coverage published then,
so the answer is the lead passage of each article published that day or the next (a day's
events are reported the same day or the day after). A question with a subject as well
(«ماذا قال بوتين في 13 سبتمبر؟») is answered as any other. The asking words include the
dialects' (شو، شنو، إيه اللي، اتنشر، انكتب، كان فيه، نهار), listed from knowledge of how
each dialect asks, not from a question set.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .dates import EGYPTIAN_MONTHS, MONTH_NAME, fold, month_names, month_number, named_day

# Words that ask about a day without naming a subject (folded, as `dates.fold` writes them).
_ASKING = frozenset(fold(w) for w in (
    "ماذا", "ما", "ما هو", "ما هي", "الذي", "التي", "حدث", "يحدث", "جرى", "جري", "يجري",
    "حصل", "صار", "وقع", "في", "يوم", "بتاريخ", "تاريخ", "خلال", "أخبار", "اخبار", "خبر",
    "الأخبار", "نشر", "نشرت", "ينشر", "المنشورة", "المنشوره", "منشور", "الصادرة", "صدر",
    "التغطية", "المقالات", "مقالات", "عن", "هل", "من", "شيء", "شي", "ايش", "إيش", "شو",
    "وش", "اش", "هو", "هي", "أهم", "اهم", "قالت", "قال", "الصحف", "المصادر", "الإعلام",
    "الاعلام", "جديد", "الجديد", "يوم", "حتى", "الان", "الآن", "منذ", "كتبت", "كتب",
    "ذكرت", "ذكر", "اوردت", "اورد", "نقلت",
    "نقل", "غطت", "تناولت", "تقول", "يقول", "حسب", "بحسب", "وفق", "وفقا", "اخر", "آخر",
    "أحدث", "احدث", "مؤخرا", "مؤخراً", "تغطية", "ماذا عن",
    # dialect asking words and the preposition a day takes in speech («شنو صار بـ 14 أيلول؟»)
    "شنو", "شنهو", "واش", "إيه", "ايه", "اللي", "إللي", "يصير", "بيصير", "حصلت", "ب", "بـ",
    # the Iraqi/Gulf ش glued to the verb, Tunisian شنوة/شنيا, Maghrebi «كاين» (is there),
    # «ديال/تاع» (of) and «نهار» (the day of)
    "شصار", "شحصل", "شكو", "ماكو", "اكو", "شنوة", "شنوه", "شنيا", "كاين", "كاينة", "ديال",
    "تاع", "نهار", "النهار", "بنهار",
    # the dialects' passives of «نشر، كتب، قال» (Egyptian اتنشر, Levantine انكتب), their «كان
    # في» (was there), and more of their question words
    "اتنشر", "اتنشرت", "انتشر", "انشر", "انشرت", "اتكتب", "اتكتبت", "انكتب", "انكتبت",
    "اتقال", "انقال", "كان", "كانت", "فيه", "ويش", "وشو", "شني", "اشنو", "اشنهو", "شنهي",
    "صاير", "بيصير", "بيحصل", "حصل", "جرا"))


@dataclass(frozen=True)
class AskedDay:
    """The day a question asks about; `year` None: that day of any year."""

    month: int
    day: int
    year: int | None
    # «اليوم», «أمس»: a day counted from today, never searched for as a word when nothing
    # was published then (the coverage's words «اليوم» and «أمس» are other days')
    relative: bool = field(default=False, compare=False)

    @classmethod
    def from_key(cls, key: str) -> AskedDay:
        """The inverse of `key`."""
        parts = [int(x) for x in key.split("-")]
        return cls(parts[-2], parts[-1], parts[0] if len(parts) == 3 else None)

    def days(self, years: list[int]) -> list[dt.date]:
        """The days whose articles answer it: the day and the next, in each of `years`
        (the years the coverage has) when the question gave none."""
        out = []
        for year in [self.year] if self.year is not None else years:
            try:
                first = dt.date(year, self.month, self.day)
            except ValueError:  # 29 February of a common year
                continue
            out += [first, first + dt.timedelta(days=1)]
        return out

    def text(self) -> str:
        """«13 سبتمبر» or «13 سبتمبر 2023», for the reader."""
        named = f"{self.day} {EGYPTIAN_MONTHS[self.month - 1]}"
        return f"{named} {self.year}" if self.year is not None else named

    def key(self) -> str:
        """`2023-09-13`, or `09-13` for any year (the JSON's `published_on`)."""
        day = f"{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{day}" if self.year is not None else day


@dataclass(frozen=True)
class AskedMonth:
    """A month a question names («في أغسطس 2024», «شهر 1 2024», «في يناير»); `year` None:
    that month of any year. `rest`: the question without it (folded), to search."""

    month: int
    year: int | None
    rest: str = field(default="", compare=False)

    def months(self, years: list[int]) -> list[str]:
        """`2024-08` for the month, in each of `years` (the coverage's) when it gave none."""
        return [f"{year:04d}-{self.month:02d}"
                for year in ([self.year] if self.year is not None else years)]

    def days(self, years: list[int]) -> list[dt.date]:
        """Every day of the month (of each of `years` when it gave none)."""
        out = []
        for year in [self.year] if self.year is not None else years:
            first = dt.date(year, self.month, 1)
            while first.month == self.month:
                out.append(first)
                first += dt.timedelta(days=1)
        return out

    def text(self) -> str:
        """«أغسطس 2024» or «أغسطس», for the reader."""
        named = EGYPTIAN_MONTHS[self.month - 1]
        return f"{named} {self.year}" if self.year is not None else named

    def key(self) -> str:
        """`2024-08`, or `08` for any year (the JSON's `published_on`)."""
        month = f"{self.month:02d}"
        return f"{self.year:04d}-{month}" if self.year is not None else month


# What marks a month name in a passage as a time («في مارس», «منذ نوفمبر 2020», «10 مارس»,
# «مارس 2024»), not a verb («مارس الجيش ضغوطا») nor a father («آب»): a day before it, a
# preposition or a word of part of a month before it, or a year after it.
_TIME_LEADS = "|".join(fold(w) for w in (
    "في", "خلال", "منذ", "شهر", "حتى", "مطلع", "نهاية", "منتصف", "أواخر", "أوائل", "بداية",
    "مع", "إلى", "من", "قبل", "بعد", "لشهر", "الشهر", "طوال"))


def _month_mention(month: int) -> re.Pattern[str]:
    names = "|".join(re.escape(n).replace(r"\ ", r"\s+")
                     for n in sorted(month_names(month), key=len, reverse=True))
    return re.compile(
        rf"(?:(?P<day>\d{{1,2}})\s+|(?<!\w)(?P<lead>{_TIME_LEADS})\s+|(?<!\w))"
        rf"(?:{names})(?!\w)(?:\s*[,،]?\s*(?:(?:عام|سنه)\s+)?(?P<year>\d{{4}})(?!\d))?")


def names_month(text: str, published: dt.date | None, month: AskedMonth) -> bool | None:
    """Whether a passage tells of `month`: names it as a time (a day, a preposition or a
    year beside the name), in the year asked; None when it names that month in no year
    at all. A month printed without a year is of its article's year, or of the year
    before when it comes later in the year than the article («تراجع التضخم في ديسمبر»
    of a January article); any year when the article is undated. The month a question
    names is often the event's, reported later: «كم بلغ التضخم في مارس؟» is answered by
    an April article on March's inflation."""
    named = None
    for match in _month_mention(month.month).finditer(fold(text)):
        if not (match["day"] or match["lead"] or match["year"]):
            continue
        if match["year"]:
            year: int | None = int(match["year"])
        elif published is not None:
            year = published.year - (month.month > published.month)
        else:
            year = None
        if month.year is None or year is None or year == month.year:
            return True
        named = False
    return named


def month_words(month: AskedMonth) -> tuple[str, ...]:
    """The words that name the month in a passage (folded), to find the passages that
    may tell of it (`names_month` then reads them)."""
    return tuple(dict.fromkeys(name.split()[0] for name in month_names(month.month)))


def asked_period(key: str) -> AskedDay | AskedMonth:
    """The day or month a `published_on` key names (`2023-09-13`, `09-13`, `2024-08`, `08`)."""
    parts = [int(x) for x in key.split("-")]
    if len(parts) == 1:
        return AskedMonth(parts[0], None)
    if len(parts) == 2 and len(key.split("-")[0]) == 4:
        return AskedMonth(parts[1], parts[0])
    return AskedDay.from_key(key)




def _year_after(group: str) -> str:
    """A year after a month, «2024», «، 2024», «عام 2024», captured as `group`."""
    return rf"(?:\s*[,،/-]?\s*(?:(?:عام|سنه|سنة)\s+)?(?P<{group}>\d{{4}})(?!\d))"


# A month as readers name it: by name («في أغسطس 2024», «خلال شهر يناير»), or by number
# after «شهر» («شهر 1 2024») or beside its year («1/2024», «2024-01»).
_ASKED_MONTH = re.compile(
    rf"(?<!\w)(?P<lead>(?:(?:في|خلال|طوال|منذ)\s+)?(?:(?:شهر|الشهر)\s+)?)"
    rf"(?:(?P<name>{MONTH_NAME})(?!\w){_year_after('year')}?"
    rf"|(?<=شهر\s)(?P<number>\d{{1,2}})(?![\d/.-]){_year_after('number_year')}?"
    rf"|(?P<n_month>\d{{1,2}})[/-](?P<n_year>\d{{4}})(?![\d/.-])"
    rf"|(?P<y_year>\d{{4}})-(?P<y_month>\d{{1,2}})(?![\d/.-]))")
_YEARS = range(1900, 2101)


def asked_month(question: str) -> AskedMonth | None:
    """The month `question` names, when it names no day: a month name with a year, or
    after «في», «خلال» or «شهر» (alone, «مارس» is also a verb, «آب» a father); a month
    number after «شهر» or beside its year. None when it names none."""
    if named_day(question) is not None:
        return None
    folded = fold(question)
    for match in _ASKED_MONTH.finditer(folded):
        year_text = match["year"] or match["number_year"] or match["n_year"] or match["y_year"]
        year = int(year_text) if year_text else None
        if year is not None and year not in _YEARS:
            continue
        if match["name"]:
            if year is None and (not match["lead"] or len(match["name"]) < 3
                                 or match["name"].isascii()):
                continue
            month = month_number(match["name"])
        else:
            month = month_number(match["number"] or match["n_month"] or match["y_month"])
        if month is None:
            continue
        rest = f"{folded[:match.start()]} {folded[match.end():]}"
        return AskedMonth(month, year, " ".join(rest.split()))
    return None


# Days counted back from today, as readers name them (folded: hamza-less alefs).
_RELATIVE_DAYS = {"اليوم": 0, "امس": 1, "البارحه": 1, "البارحة": 1, "اول امس": 2,
                  "اول البارحه": 2, "اول البارحة": 2,
                  # Egyptian and Levantine yesterday, Gulf, Iraqi and Maghrebi البارح
                  "امبارح": 1, "مبارح": 1, "اول امبارح": 2, "اول مبارح": 2, "البارح": 1,
                  "اول البارح": 2,
                  # Egyptian and Levantine today
                  "النهارده": 0, "النهاردة": 0, "هاليوم": 0,
                  # Tunisian and Moroccan today
                  "اليومة": 0, "اليومه": 0, "ليوما": 0}
_RELATIVE = re.compile(r"(?<!\w)(?:يوم\s+)?(" + "|".join(sorted(_RELATIVE_DAYS, key=len,
                                                                  reverse=True)) + r")(?!\w)")


def asked_day(question: str, today: dt.date | None = None) -> AskedDay | None:
    """The day `question` asks about when that is all it asks (see the module); else None.
    «اليوم», «أمس», «أول أمس» count back from `today` (the machine's date by default)."""
    named = named_day(question)
    if named is not None:
        month, day, year, rest = named
        return AskedDay(month, day, year) if asks_for_nothing(rest) else None
    folded = fold(question)
    relative = _RELATIVE.search(folded)
    if relative is None or not asks_for_nothing(folded[:relative.start()]
                                                + " " + folded[relative.end():]):
        return None
    day = (today or dt.date.today()) - dt.timedelta(days=_RELATIVE_DAYS[relative[1]])
    return AskedDay(day.month, day.day, day.year, relative=True)


def asks_for_nothing(text: str) -> bool:
    """True when `text` holds only asking words («ماذا حدث في», «ماذا قالت», «أخبار»):
    what is left of «ماذا نشرت سكاي نيوز؟» once the outlet is taken out."""
    return not any(w not in _ASKING and not re.fullmatch(r"[وف]?(?:ال)?", w)
                   for w in re.findall(r"\w+", fold(text)))
