"""Historical dates as Extended Date/Time Format strings (EDTF, levels 0 and 1).

A date in the chronology is often known only to the month, is a span, or is
uncertain. EDTF says all of that in a short string; this module turns such a
string into the earliest and latest day it can mean, which is all that sorting
and filtering need.

We parse EDTF ourselves rather than with the `edtf` package: that package pulls
in pyparsing and costs about 80 ms at import, more than the rest of a query.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

__all__ = ["DateError", "Edtf", "parse_edtf", "parse_query_date"]

# Seasons (EDTF level 1: 21 spring ... 24 winter) as northern-hemisphere months.
_SEASON_MONTHS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 2)}

_SINGLE = re.compile(
    r"(?P<year>\d{2}[\dX]{2})"
    r"(?:-(?P<month>\d{2}|XX)(?:-(?P<day>\d{2}|XX))?)?"
    r"(?P<qualifier>[?~%])?"
)

_QUALIFIER_MEANING = {"?": (True, False), "~": (False, True), "%": (True, True)}

OPEN = ".."


class DateError(ValueError):
    """A string that is not an EDTF date this project understands."""


@dataclass(frozen=True, slots=True)
class Edtf:
    """An EDTF date or interval, with the first and last day it can mean."""

    text: str
    start: date
    end: date
    precision: str  # "day", "month", "season", "year", "decade" or "interval"
    uncertain: bool = False
    approximate: bool = False

    @property
    def bounded(self) -> bool:
        """False for an interval with an open or unknown end: it has no first or no last day."""
        return self.start != date.min and self.end != date.max

    @property
    def exact_days(self) -> bool:
        """True when the date names days: a day, or a span between two days."""
        if self.precision == "day":
            return True
        if self.precision != "interval":
            return False
        first, _, last = self.text.partition("/")
        return all(part not in ("", OPEN) and _single(part).precision == "day" for part in (first, last))

    def __str__(self) -> str:
        return self.text

    def overlaps(self, first: date | None, last: date | None) -> bool:
        """True when some day of this date falls within [first, last]."""
        return (first is None or self.end >= first) and (last is None or self.start <= last)


def _single(text: str) -> Edtf:
    match = _SINGLE.fullmatch(text)
    if match is None:
        raise DateError(f"{text!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    year_text, month_text, day_text, qualifier = match.group("year", "month", "day", "qualifier")
    uncertain, approximate = _QUALIFIER_MEANING.get(qualifier, (False, False))

    if "X" in year_text:
        if month_text is not None or not re.fullmatch(r"\d{3}X|\d{2}XX", year_text):
            raise DateError(f"{text!r}: only the last digits of a year may be unspecified (187X)")
        first_year, last_year = int(year_text.replace("X", "0")), int(year_text.replace("X", "9"))
        return Edtf(text, date(first_year, 1, 1), date(last_year, 12, 31), "decade", uncertain, approximate)

    year = int(year_text)
    if year < 1:
        raise DateError(f"{text!r}: year must be 0001 or later")
    if month_text is None or month_text == "XX":
        if day_text not in (None, "XX"):
            raise DateError(f"{text!r}: a day needs a month")
        return Edtf(text, date(year, 1, 1), date(year, 12, 31), "year", uncertain, approximate)

    month = int(month_text)
    if month in _SEASON_MONTHS:
        if day_text is not None:
            raise DateError(f"{text!r}: a season has no day")
        first_month, last_month = _SEASON_MONTHS[month]
        last_year = year + 1 if last_month < first_month else year
        end = date(last_year, last_month, calendar.monthrange(last_year, last_month)[1])
        return Edtf(text, date(year, first_month, 1), end, "season", uncertain, approximate)
    if not 1 <= month <= 12:
        raise DateError(f"{text!r}: month must be 01 to 12")

    last_day = calendar.monthrange(year, month)[1]
    if day_text is None or day_text == "XX":
        return Edtf(text, date(year, month, 1), date(year, month, last_day), "month", uncertain, approximate)
    day = int(day_text)
    if not 1 <= day <= last_day:
        raise DateError(f"{text!r}: day must be 01 to {last_day} in {calendar.month_name[month]} {year}")
    return Edtf(text, date(year, month, day), date(year, month, day), "day", uncertain, approximate)


def parse_edtf(text: str) -> Edtf:
    """Parse an EDTF level 0-1 date or interval (``1871-05-21/1871-05-28``).

    An open end (``..``) or unknown end (empty) of an interval is unbounded.
    """
    if not isinstance(text, str):
        raise DateError(f"{text!r} is not a date string")
    if "/" not in text:
        return _single(text)
    first_text, _, last_text = text.partition("/")
    if "/" in last_text:
        raise DateError(f"{text!r}: an interval has one '/'")
    if first_text in ("", OPEN) and last_text in ("", OPEN):
        raise DateError(f"{text!r}: an interval needs at least one known end")
    first = None if first_text in ("", OPEN) else _single(first_text)
    last = None if last_text in ("", OPEN) else _single(last_text)
    start = first.start if first else date.min
    end = last.end if last else date.max
    if first and last and first.start > last.end:
        raise DateError(f"{text!r}: the interval ends before it starts")
    uncertain = any(part.uncertain for part in (first, last) if part)
    approximate = any(part.approximate for part in (first, last) if part)
    return Edtf(text, start, end, "interval", uncertain, approximate)


def parse_query_date(text: str) -> Edtf:
    """Parse a date typed by a user in a filter: a year, a month or a day."""
    value = _single(text.strip())
    if value.uncertain or value.approximate or value.precision not in ("year", "month", "day"):
        raise DateError(f"{text!r} is not a plain date: use YYYY, YYYY-MM or YYYY-MM-DD")
    return value
