"""Publication dates as Arabic news pages print them."""

import datetime as dt

import pytest

from retrieval.dates import arabic_date, find_date, fold, is_date_line

SEPT_14 = dt.date(2023, 9, 14)


@pytest.mark.parametrize(
    "printed",
    [
        "14th, September 2023 GMT",  # seed 000 and 002
        "September 14, 2023",
        "14 Sep 2023",
        "14 سبتمبر 2023",
        "الخميس 14 سبتمبر 2023",
        "14 من سبتمبر 2023",
        "14 أيلول 2023",
        "14 ايلول 2023",
        "14 أيلول (سبتمبر) 2023",
        "14 سبتمبر/ أيلول 2023",
        "١٤ سبتمبر ٢٠٢٣",
        "۱۴ سبتمبر ۲۰۲۳",
        "2023-09-14",
        "14/09/2023",
        "14-9-2023",
        "١٤/٠٩/٢٠٢٣",
        "الخميس، 14 سبتمبر 2023 - 10:30 ص",
    ],
)
def test_the_same_day_printed_many_ways(printed):
    assert find_date(printed) == SEPT_14


def test_seed_001_leading_date_with_month_printed_twice():
    assert find_date("السبت 27 يوليو / يوليو 2024") == dt.date(2024, 7, 27)


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("1 يناير 2024", dt.date(2024, 1, 1)),
        ("2 فبراير 2024", dt.date(2024, 2, 2)),
        ("3 مارس 2024", dt.date(2024, 3, 3)),
        ("4 أبريل 2024", dt.date(2024, 4, 4)),
        ("4 ابريل 2024", dt.date(2024, 4, 4)),
        ("5 مايو 2024", dt.date(2024, 5, 5)),
        ("6 يونيو 2024", dt.date(2024, 6, 6)),
        ("6 يونيه 2024", dt.date(2024, 6, 6)),
        ("7 يوليو 2024", dt.date(2024, 7, 7)),
        ("7 يوليه 2024", dt.date(2024, 7, 7)),
        ("8 أغسطس 2024", dt.date(2024, 8, 8)),
        ("8 اغسطس 2024", dt.date(2024, 8, 8)),
        ("9 سبتمبر 2024", dt.date(2024, 9, 9)),
        ("10 أكتوبر 2024", dt.date(2024, 10, 10)),
        ("10 اكتوبر 2024", dt.date(2024, 10, 10)),
        ("11 نوفمبر 2024", dt.date(2024, 11, 11)),
        ("12 ديسمبر 2024", dt.date(2024, 12, 12)),
    ],
)
def test_egyptian_month_names(printed, expected):
    assert find_date(printed) == expected


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("1 كانون الثاني 2024", dt.date(2024, 1, 1)),
        ("2 شباط 2024", dt.date(2024, 2, 2)),
        ("3 آذار 2024", dt.date(2024, 3, 3)),
        ("4 نيسان 2024", dt.date(2024, 4, 4)),
        ("5 أيار 2024", dt.date(2024, 5, 5)),
        ("6 حزيران 2024", dt.date(2024, 6, 6)),
        ("7 تموز 2024", dt.date(2024, 7, 7)),
        ("8 آب 2024", dt.date(2024, 8, 8)),
        ("9 أيلول 2024", dt.date(2024, 9, 9)),
        ("10 تشرين الأول 2024", dt.date(2024, 10, 10)),
        ("11 تشرين الثاني 2024", dt.date(2024, 11, 11)),
        ("12 كانون الأول 2024", dt.date(2024, 12, 12)),
    ],
)
def test_levantine_month_names(printed, expected):
    assert find_date(printed) == expected


def test_combined_egyptian_and_levantine_names():
    assert find_date("24 فبراير/ شباط 2022") == dt.date(2022, 2, 24)
    assert find_date("الجمعة ٢٤ شباط /فبراير ٢٠٢٢") == dt.date(2022, 2, 24)


def test_month_and_year_without_a_day_is_not_a_date():
    # seed 001 body: "منذ فبراير/ شباط 2022" — no day printed, so no date is made up
    assert find_date("منذ فبراير/ شباط 2022") is None


@pytest.mark.parametrize(
    "printed",
    ["31 فبراير 2023", "30/02/2023", "2023-13-01", "29 February 2023", "32 يوليو 2024"],
)
def test_impossible_dates_are_none(printed):
    assert find_date(printed) is None


def test_contradicting_month_names_are_none():
    assert find_date("12 يوليو / آب 2020") is None


def test_leap_day_is_a_date():
    assert find_date("29 فبراير 2024") == dt.date(2024, 2, 29)


def test_text_without_a_date():
    assert find_date("بوتين وكيم يتبادلان الهدايا") is None
    assert find_date("") is None


def test_a_date_line_is_only_a_stamp():
    assert is_date_line("السبت 27 يوليو / يوليو 2024")
    assert is_date_line("14th, September 2023 GMT")
    assert not is_date_line("وقد أنشئت هذه العطلة بموجب مرسوم رئاسي بتاريخ 2 مايو 2023.")
    assert not is_date_line("منذ فبراير/ شباط 2022")


def test_arabic_date_for_display():
    assert arabic_date(SEPT_14) == "14 سبتمبر 2023"
    assert arabic_date(dt.date(2024, 7, 27)) == "27 يوليو 2024"
    assert arabic_date(dt.date(2024, 4, 1)) == "1 أبريل 2024"


def test_arabic_date_when_unknown():
    assert arabic_date(None) == "تاريخ غير معروف"


# -- folding fast gives what folding by translation tables gave (issue 13) -----------------

def _fold_by_tables(text: str) -> str:
    from retrieval.dates import _ALEFS, _DIGITS, _MARKS

    return _MARKS.sub("", text).translate(_DIGITS).translate(_ALEFS).lower()


def test_fold_equals_the_translation_tables_on_every_seed_line(seeds_dir):
    lines = [line for path in sorted(seeds_dir.glob("*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines()]
    lines += ["٢٠٢٣/٠٩/١٤ ۱۴ أيلول\u00a0إلى آذار ٱلى مستشفى", "THURSDAY 14TH, SEPT", "ـــ\u200fبـ"]
    assert all(fold(line) == _fold_by_tables(line) for line in lines)


@pytest.mark.parametrize("text, date", [
    ("١٤ سبتمبر ٢٠٢٣", dt.date(2023, 9, 14)),  # Arabic-Indic digits only
    ("14 سبتمبر 2\u200b023", dt.date(2023, 9, 14)),  # a zero-width mark inside the year
    ("۱۴ أيلول ۲۰۲۳", dt.date(2023, 9, 14)),  # Persian digits
    ("الرابع عشر من سبتمبر", None),  # no digit at all
])
def test_dates_are_found_whatever_digits_print_them(text, date):
    assert find_date(text) == date
    assert is_date_line(text) is (date is not None)
