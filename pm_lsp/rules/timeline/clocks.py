"""The clock of a zone on a given day, and an entry's time read on another zone's clock.

A timeline declared in one zone sometimes writes an entry in another ("10:05 ET" in a UTC
table, a customer's report in Pacific time). To order such an entry, and to tell the reader
what it is on the timeline's clock, the entry's zone and the declared one are each read as a
pair of UTC offsets: (winter, summer) when the day is unknown, the same offset twice when it
is known or the zone's offset is fixed. "ET" against "PT" then differs by three hours in
both halves of the year, while "ET" against UTC is four or five hours apart: a time on
another clock is a range, and an order is told only when the whole range agrees.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pm_lsp.cache import lru

#: an offset in winter and in summer (the same twice when fixed, or on a known day)
Readings = tuple[dt.timedelta, dt.timedelta]
#: the earliest and the latest reading of a time on another clock
Frame = tuple[dt.datetime, dt.datetime]

#: the days a daylight-saving zone is read on when the entry's date is unknown: one in
#: each half of the year, so the zone's two offsets are both seen (in either hemisphere)
_WINTER, _SUMMER = dt.date(2025, 1, 15), dt.date(2025, 7, 15)


@lru(256)
def _tz(name: str) -> ZoneInfo | None:
    """The tz database zone ``name``, or None when this system has no such zone (no tz
    data installed, or a name the writer made up)."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def _offset_on(tz: ZoneInfo, day: dt.date, t: dt.time) -> dt.timedelta | None:
    return dt.datetime.combine(day, t, tz).utcoffset()


@lru(4096)
def tz_readings(name: str, day: dt.date | None, t: dt.time) -> Readings | None:
    """The offsets of tz database zone ``name`` at ``t`` on ``day`` (twice), or in winter
    and in summer when the day is unknown; None when the zone is unknown here."""
    tz = _tz(name)
    if tz is None:
        return None
    if day is not None:
        off = _offset_on(tz, day, t)
        return None if off is None else (off, off)
    winter, summer = _offset_on(tz, _WINTER, t), _offset_on(tz, _SUMMER, t)
    if winter is None or summer is None:
        return None
    return winter, summer


def exact(readings: Readings | None) -> dt.timedelta | None:
    """The offset when both readings agree, else None."""
    if readings is None or readings[0] != readings[1]:
        return None
    return readings[0]


def on_clock(when: dt.datetime, own: Readings, other: Readings) -> Frame:
    """``when``, written on the clock of ``own``, read on the clock of ``other``: the
    earliest and latest of the two halves of the year (the same datetime twice when the
    difference does not depend on the season, as between "ET" and "PT")."""
    diffs = (other[0] - own[0], other[1] - own[1])
    return when + min(diffs), when + max(diffs)


def frame_before(a: Frame, b: Frame) -> bool | None:
    """Is ``a`` earlier than ``b``? True or False when every reading agrees, None when
    the readings leave it open (an hour's difference that daylight saving could make)."""
    if a[1] < b[0]:
        return True
    if a[0] >= b[1]:
        return False
    return None
