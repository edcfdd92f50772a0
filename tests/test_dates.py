import calendar
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commune_cli.dates import DateError, parse_edtf, parse_query_date


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("1871-03-18", date(1871, 3, 18), date(1871, 3, 18), "day"),
        ("1871-03", date(1871, 3, 1), date(1871, 3, 31), "month"),
        ("1871", date(1871, 1, 1), date(1871, 12, 31), "year"),
        ("1871-05-21/1871-05-28", date(1871, 5, 21), date(1871, 5, 28), "interval"),
        ("1871-05-XX", date(1871, 5, 1), date(1871, 5, 31), "month"),
        ("1871-XX-XX", date(1871, 1, 1), date(1871, 12, 31), "year"),
        ("187X", date(1870, 1, 1), date(1879, 12, 31), "decade"),
        ("1871-21", date(1871, 3, 1), date(1871, 5, 31), "season"),
        ("1870-24", date(1870, 12, 1), date(1871, 2, 28), "season"),
        ("1871-05/1871-06", date(1871, 5, 1), date(1871, 6, 30), "interval"),
    ],
)
def test_bounds_follow_precision(text, start, end, precision):
    parsed = parse_edtf(text)
    assert (parsed.start, parsed.end, parsed.precision) == (start, end, precision)
    assert str(parsed) == text


def test_qualifiers_are_kept():
    assert parse_edtf("1871-05-21?").uncertain and not parse_edtf("1871-05-21?").approximate
    assert parse_edtf("1871-05~").approximate and not parse_edtf("1871-05~").uncertain
    both = parse_edtf("1871%")
    assert both.uncertain and both.approximate
    assert parse_edtf("1871-05-21?/1871-05-28").uncertain


def test_open_interval_is_unbounded_on_that_side():
    parsed = parse_edtf("../1871-05-28")
    assert parsed.start == date.min and parsed.end == date(1871, 5, 28)
    assert parsed.overlaps(date(1700, 1, 1), date(1700, 1, 2))
    assert not parsed.bounded and parse_edtf("1871-05-21/1871-05-28").bounded


@pytest.mark.parametrize(
    "text",
    ["1871-13-45", "1871-02-29", "1871-00", "1871-04-31", "71-03-18", "1871/03/18", "1871-05-28/1871-05-21",
     "", "..", "../..", "1871-21-01", "18XX-05", "march 1871", "1871-03-18 ", "1871-3-18"],
)  # fmt: skip
def test_invalid_dates_are_refused(text):
    with pytest.raises(DateError):
        parse_edtf(text)


def test_query_dates_are_plain():
    assert parse_query_date(" 1871-05 ").precision == "month"
    for text in ("1871-05?", "1871-05-21/1871-05-28", "187X", "1871-21"):
        with pytest.raises(DateError):
            parse_query_date(text)


days = st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31))


@given(days)
def test_any_real_day_parses_to_itself(day):
    parsed = parse_edtf(day.isoformat())
    assert parsed.start == parsed.end == day


@given(days)
def test_a_month_covers_exactly_its_days(day):
    parsed = parse_edtf(day.isoformat()[:7])
    assert parsed.start <= day <= parsed.end
    assert (parsed.end - parsed.start).days + 1 == calendar.monthrange(day.year, day.month)[1]


@given(days, days)
def test_interval_bounds_are_its_ends(a, b):
    first, last = sorted((a, b))
    parsed = parse_edtf(f"{first.isoformat()}/{last.isoformat()}")
    assert (parsed.start, parsed.end) == (first, last)
    assert parsed.overlaps(first, first) and parsed.overlaps(last, last)


# Any text at all, and text shaped like a date or an interval.
anything_or_date_shaped = st.one_of(
    st.text(max_size=30),
    st.from_regex(r"\d{4}(-\d{2}(-\d{2})?)?[?~%]?(/\d{4}(-\d{2}(-\d{2})?)?)?", fullmatch=True),
)


@given(anything_or_date_shaped)
def test_any_string_parses_or_raises_date_error(text):
    try:
        parsed = parse_edtf(text)
    except DateError:
        return
    assert parsed.start <= parsed.end
