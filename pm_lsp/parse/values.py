"""Parsing of metadata values: dates and durations as people write them."""

from __future__ import annotations

import datetime as dt
import re

#: an HTML line break at the end of a value, read in a short tail of it
_BR_AT_END = re.compile(r"<br\s{0,8}/?>$", re.IGNORECASE)


def value_end(text: str, start: int, end: int) -> int:
    """``end`` moved back over the line-break markup that ends the value ``text[start:end]``
    (with the spaces around it): an HTML line break ("Final<br>": a table cell has no other
    way to hold one) or Markdown's hard line break (a backslash ending the line). Before,
    "Final<br>" was the status and "30th January 2023\\" not a date. Read from the end, a
    bounded tail at a time: a value may be a megabyte of blanks."""
    found = end
    while True:
        stop = found
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        if stop > start and text[stop - 1] == "\\":
            found = stop - 1
            continue
        m = _BR_AT_END.search(text, max(start, stop - 16), stop)
        if m is None:
            break
        found = m.start()
    if found == end:
        return end  # no markup: the value's span as written
    while found > start and text[found - 1].isspace():
        found -= 1
    return found


_DATE_RE = re.compile(
    r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)"
    r"|\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Za-z]{3,9})\.?,?\s+(\d{4})\b"
    r"|\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b"
)


#: a range of days written once with its month and year: "14-19 March 2025" (day first) and
#: "March 14-19, 2025" or "Mar 30 - Apr 2, 2025" (month first); the range starts the incident
_DAY_RANGE = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s*(?:[-\u2013\u2014]|to|until)\s*\d{1,2}(?:st|nd|rd|th)?"
    r"\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b"
    r"|\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s*(?:[-\u2013\u2014]|to|until)\s*"
    r"(?:([A-Za-z]{3,9})\.?\s+)?\d{1,2}(?:st|nd|rd|th)?,?\s+(\d{4})\b"
)


def _range_start(m: re.Match[str]) -> dt.date | None:
    """The first day of a range of days (:data:`_DAY_RANGE`), else None. A range across
    the new year ("Dec 30 - Jan 2, 2025") starts in the year before the one written."""
    try:
        if m.group(1):
            month = _month(m.group(2))
            return dt.date(int(m.group(3)), month, int(m.group(1))) if month else None
        month = _month(m.group(4))
        if not month:
            return None
        year = int(m.group(7))
        end_month = _month(m.group(6)) if m.group(6) else month
        if end_month is not None and end_month < month:
            year -= 1
        return dt.date(year, month, int(m.group(5)))
    except ValueError:
        return None


def parse_date(value: str) -> dt.date | None:
    """The first date in ``value`` (ISO, ``14 March 2025``, ``14th of March 2025``,
    ``March 14, 2025``, the first day of a range such as ``March 14-19, 2025``), else
    None."""
    ranged = _DAY_RANGE.search(value)
    start = _range_start(ranged) if ranged else None
    for m in _DATE_RE.finditer(value):
        if ranged is not None and start is not None and ranged.start() <= m.start():
            return start
        try:
            if m.group(1):
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if m.group(4):
                month = _month(m.group(5))
                if month:
                    return dt.date(int(m.group(6)), month, int(m.group(4)))
            if m.group(7):
                month = _month(m.group(7))
                if month:
                    return dt.date(int(m.group(9)), month, int(m.group(8)))
        except ValueError:
            return None
    if start is not None:
        return start
    readings = date_readings(value)
    return readings[0] if len(readings) == 1 else None


#: a day and month in digits with a year: "03/10/2021", "5-26-21", "15.08.2025"
_NUMERIC_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?![\d/.-])")


def date_readings(value: str) -> tuple[dt.date, ...]:
    """The calendar dates a numeric ``day/month/year`` or ``month/day/year`` date in
    ``value`` can mean: one when only one reading is a date ("26/5/2021"), two when both
    are ("03/10/2021" is 3 October or 10 March), none when there is no such date."""
    m = _NUMERIC_DATE.search(value)
    if m is None:
        return ()
    a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    year = y + 2000 if y < 100 else y
    out: list[dt.date] = []
    for month, day in ((a, b), (b, a)):
        try:
            d = dt.date(year, month, day)
        except ValueError:
            continue
        if d not in out:
            out.append(d)
    return tuple(out)


#: a date as prose writes it, for telling whether a text holds one at all: ISO, numeric
#: with a year, "29 November 2019", "January 20th", "the 15th of February", "5. January",
#: "June 2026" (a month and a year)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_ANY_DATE = re.compile(
    r"\b\d{4}-\d{1,2}-\d{1,2}\b|(?<![\d/])\d{1,2}[/-]\d{1,2}[/-](?:\d{4}|\d{2})\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:of\s+)?{_MONTH}(?![a-z])"
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
    r"|\b(?-i:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?)\s+(?:19|20)\d\d\b",
    re.IGNORECASE,
)


#: month names as :data:`_ANY_DATE` reads them, for :func:`find_date`'s cheap test
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def find_date(text: str) -> str | None:
    """The first date written in ``text`` in any common form, else None.

    Every form holds a ``-`` or a ``/`` (the numeric ones) or a month name: a text with
    none of them has no date, found by a few substring searches instead of the pattern's
    five alternatives tried at every digit (a long run of digits and colons cost most of a
    second per megabyte). Only for ASCII text, where the pattern's case-insensitive letters
    are exactly the lower-cased ones (a long s matches "s" case-insensitively)."""
    if text.isascii() and "-" not in text and "/" not in text:
        low = text.lower()
        if not any(m in low for m in _MONTH_STEMS):
            return None
    m = _ANY_DATE.search(text)
    return m.group(0) if m is not None else None


def _month(name: str) -> int | None:
    key = name[:3].lower()
    months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    return months.index(key) + 1 if key in months else None


#: a number and its unit; a number starts where a digit run starts (the same matches, but
#: tried once per run instead of from each of its digits: quadratic on a long run). The unit
#: ends where no letter follows, so the parts written together count ("1h25m", "2d4h"; a
#: word boundary there read "1h25m" as 25 minutes)
_DURATION_PART = re.compile(
    r"(?<!\d)(\d+(?:[.,]\d+)?)\s*(w|wks?|weeks?|d|days?|h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?)"
    r"(?![^\W\d_])",
    re.IGNORECASE,
)
_CLOCK = re.compile(r"^\s*(\d{1,3}):(\d{2})(?::(\d{2}))?\s*$")
#: what may stand between two parts ("1h, 30m", "1 hour and 30 minutes"); the same strings
#: as ``[\s,]*(?:and)?[\s,]*``, without its quadratic backtracking on a long gap
_JOINER = re.compile(r"[\s,]*(?:and[\s,]*)?")
_UNIT_SECONDS = {"w": 604800, "d": 86400, "h": 3600, "m": 60, "s": 1}


def parse_duration(value: str) -> dt.timedelta | None:
    """``47 minutes``, ``1h 30m``, ``4h 45m``, ``1 hour and 48 minutes``, ``01:47`` -> timedelta.

    Returns None when ``value`` holds no duration. Only the first run of duration parts is
    read, so "47 minutes (14:03-14:50 UTC)" gives 47 minutes.
    """
    clock = _CLOCK.match(value)
    if clock:
        hours, minutes = int(clock.group(1)), int(clock.group(2))
        return dt.timedelta(hours=hours, minutes=minutes, seconds=int(clock.group(3) or 0))
    total = 0.0
    found = False
    last_end: int | None = None
    for m in _DURATION_PART.finditer(value):
        gap = value[last_end : m.start()] if last_end is not None else ""
        if last_end is not None and not _JOINER.fullmatch(gap):
            break
        unit = m.group(2).lower()[0]
        total += float(m.group(1).replace(",", ".")) * _UNIT_SECONDS[unit]
        found = True
        last_end = m.end()
    return dt.timedelta(seconds=total) if found else None
