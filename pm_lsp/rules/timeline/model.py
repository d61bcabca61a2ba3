"""The timeline model: entries with exact offsets, parsed times, milestones and metrics.

Reviewers read a postmortem's timeline for four things: is the
time zone stated, are the entries in order, are the key milestones there (impact start,
detection, mitigation, resolution), and does the stated duration agree with them. This module
extracts the timeline once per document; the PM50x rules and the language server read it.

API (the language server uses it for hover)::

    tl = timeline_of(doc)              # cached on the doc per pack and template
    tl.entries                         # list[Entry], document order
    tl.zone                            # declared zone ("UTC", "PT", "+02:00") or None
    tl.metrics.time_to_detect          # timedelta | None (also _mitigate, _resolve)
    tl.metrics.start_kind              # "impact-start", or "detection" when no impact start
    entry.start, entry.end             # the timestamp as written (code-point offsets)
    entry.event_start, entry.event_end # the event text
    entry.when                         # naive local datetime in the timeline's frame
    entry.milestones                   # frozenset of MILESTONES names

Where a timeline is: sections whose canonical name is ``timeline`` (any synonym: "Key
events", "Chronology"...) and label regions such as ``- **Key events**`` followed by a list.
Inside, entries come from

* tables, in any column order: a time column (header "Time", "Timestamp", "When", "Date and
  time"..., or the column whose cells mostly parse as timestamps), an optional separate date
  column, and an event column (header synonyms, else the first other column);
* list items and paragraph lines that open with a timestamp ("- 14:02 UTC - alert fired",
  "**14:02** ...", "2025-03-14 23:58: ...", "12:45 PM: ..."), or short labelled lines that end
  with one ("First detected: 2025-03-14 11:24");
* sub-headings: a date heading ("### 2025-03-14", "### March 14, 2025 - first outage") sets
  the date for what follows; a time heading ("### 16:59 UTC") is an entry whose event is the
  next paragraph; a heading with a time and text ("### 21:00 - Team alerted") is an entry.

Times: ``HH:MM``, ``HH:MM:SS``, 12-hour with AM/PM ("2:05 pm", "2 PM"), ISO dates and
datetimes with ``T``, ``Z`` or an offset, ``March 14, 2025``, ``14 Mar``, ``Oct 30th`` (year
from the context) and US-style ``7/5/2023`` (month first, unless the first number is above 12).
AM/PM on an hour only the 24-hour clock has keeps the digits and records the clash
(``Stamp.clash``): "13:55 PM" is 13:55 either way ("redundant"); "23:00 AM" cannot be both
("contradictory"), so such an entry is not ``reliable``: it is no reference for the rollover
of the next entry and :func:`between` (hence every metric) refuses it.

The 12-hour clock. A timeline region that writes AM/PM somewhere, has times of hour 1-12
without it and no time written the 24-hour way (hour 0 or 13-23) is kept on the 12-hour
clock, and is read a second time once that is known: a bare time then takes the half of the
day that continues forward from the entry before it (11:50 PM, then "12:10", is ten past
midnight), unless the other half is at most ``HALF_DAY_BACK`` (an hour) earlier, which reads
as an entry out of order (10:20 AM, then "10:10"). A bare time before any timed entry takes
the half that leads up to the first time written with AM/PM. See :func:`half_day`. A region
that writes both clocks ("4:50 pm" and "17:05") keeps its bare times on the 24-hour clock,
except one of hour 1-11 without a leading zero whose 24-hour reading steps back to the
morning while its afternoon reading fits between its neighbours ("5:30" between 17:05 and
17:45 is 17:30). See :func:`afternoon_bare`.

Dates and midnight rollover. An explicit date (on the entry, in its row's date column, in a
date heading or a date-only line) sets the current date. An entry without a date inherits
the current date plus any rollover days. Rollover heuristic: when an undated entry's time of
day is earlier than the previous timed entry's by more than ``ROLLOVER_HOURS`` (12) hours,
the day is taken to have changed (23:58 then 00:03 is five minutes later, next day); so is
a backward step of at least ``OVERNIGHT_HOURS`` (6) from the evening (18:00 or later) to the
morning (before 12:00), the shape of a log where work stopped for the night (19:47, then
11:07). Any other backward step is the same day, out of order (09:40 then 09:15). Of the two
readings it picks the one with the shorter gap, which is right for a log kept as events
happen; a misplaced entry that happens to fit the overnight shape is not caught.
A day of the week written before the time ("Fri 22:15", "Saturday at 01:40", or in a
"Day" column) replaces the guess: the entry goes on the day of that name, counted from the
first entry that wrote one (see ``_Extractor._weekday_shift``).

Zones. A declaration anywhere in the document ("All times UTC", "Times in PT", "Time zone:
CET", "in Pacific time"), a zone in the timeline's heading, in the label line that opens a
label region ("Timeline (UTC):") or a table header ("Time (UTC)"), a zone on a short line or
a lead-in line ending with a colon in the timeline ("Timeline, Berlin time (CET):"), or a
zone written after each time ("14:02 UTC", "14:02Z", "14:02+02:00"). A written-out zone name
followed by another word is that word's adjective ("the Central region"), not a zone.
Entries whose zones have fixed offsets are compared in UTC when zones are mixed, and the
midnight rollover between two entries on different known clocks is judged on one clock
(``_Extractor._across_clocks``): "18:11 UTC" then "10:16 PST" is five minutes later, not a
night. In a timeline that declares no zone and keeps two clocks on most of its rows, a row
written without a zone is on no known clock (``Entry.clockless``). A zone kept
by daylight saving ("ET", "Pacific", "Europe/Oslo") is read on the entry's day (its date, else
the document's Date field), else in the season the timeline's abbreviations agree on, else
as a range of its winter and summer offsets. Under a declared zone each entry also carries
its time on the declared clock (``Entry.frame``) and whether it is written in another zone
(``Entry.foreign``): PM502 places such an entry on that clock, PM501 shows the mix.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal, NamedTuple

from pm_lsp.cache import Memo, lru
from pm_lsp.model.document import Block, PostmortemDoc, Section, Span, Table, Vocabulary
from pm_lsp.model.parts import parts
from pm_lsp.nlp.patterns import Gated
from pm_lsp.nlp.sentences import sentence_spans
from pm_lsp.policy.names import given_names, is_given_name
from pm_lsp.policy.rulepack import RulePack, builtin_pack
from pm_lsp.rules.timeline.clocks import Frame, Readings, exact, on_clock, tz_readings

FAMILY = "timeline"
MILESTONES = ("impact-start", "detection", "declared", "diagnosis", "mitigation", "resolution")
#: explicit markers of the impact's bounds (``[markers]`` in rules/timeline.toml)
MARKERS = ("impact-start", "impact-end")
#: the milestones an entry's markers make it: a marked start is the impact start, a marked
#: end at least a mitigation
_MARKED_AS: dict[frozenset[str], frozenset[str]] = {
    frozenset(): frozenset(),
    frozenset({"impact-start"}): frozenset({"impact-start"}),
    frozenset({"impact-end"}): frozenset({"mitigation"}),
    frozenset(MARKERS): frozenset({"impact-start", "mitigation"}),
}
ROLLOVER_HOURS = 12
#: ...or any backward step from the evening to the morning of at least this many hours
OVERNIGHT_HOURS = 6
EVENING, MORNING = dt.time(18, 0), dt.time(12, 0)
#: date used for undated timelines: entries still order and subtract correctly
UNDATED = dt.date(2000, 1, 1)
_ROLLOVER = dt.timedelta(hours=ROLLOVER_HOURS)
_OVERNIGHT = dt.timedelta(hours=OVERNIGHT_HOURS)
_MIDNIGHT = dt.time(0)
#: a time without AM/PM in a 12-hour timeline is read as continuing forward from the entry
#: before it, unless the other half of the day is at most this much earlier (see half_day)
HALF_DAY_BACK = dt.timedelta(hours=1)
#: the entries a timeline must write in one zone before that zone is taken as its own
#: when it declares none and a few entries name another (``_Extractor._implied_zone``)
_IMPLIED_MIN = 3


@lru(64)
def _days(n: int) -> dt.timedelta:
    """``timedelta(days=n)``, built once per n (every entry asks for its rollover shift)."""
    return dt.timedelta(days=n)


Source = Literal["table", "list", "paragraph", "heading", "label", "prose"]
Clash = Literal["redundant", "contradictory"]


# -- timestamps --------------------------------------------------------------------------------

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
#: month and weekday names must be capitalised ("5 may be" is not the 5th of May)
_MONTH = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|"
    r"SEP|OCT|NOV|DEC)[a-zA-Z]*\.?"
)
_WEEKDAY = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)"
#: a year after a month and day: 19xx or 20xx, and not a time of day written without a colon
#: ("Feb 7 2036 UTC", "Mar 4 1432h": the digits are the time)
_YEAR = r"(?P<y>(?:19|20)\d{2})(?!\d|:\d)(?![ \t]?(?:UTC|GMT|Z\b|[A-Z]{1,4}T\b|h\b|hrs?\b))"
_DATE_RES = (
    ("iso", re.compile(r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?![\d/.-]\d)")),
    ("us", re.compile(r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])")),
    # 07-10-2021, 07.10.2021: day or month first (see _date_at)
    ("dashed", re.compile(r"(?P<a>\d{1,2})[-.](?P<b>\d{1,2})[-.](?P<y>\d{4})(?![\d.-]\d)")),
    # 03-26 23:04, 3/26 23:04: a day of the year, only right before a time
    ("md", re.compile(r"(?P<a>\d{1,2})[-/](?P<b>\d{1,2})(?=[ T]\d{1,2}:\d{2})")),
    # 04.03 21:30, 4.3. 21:30: the dotted day and month (always day first), only right
    # before a time; "4.12" or "99.5" elsewhere stays a number, a month over 12 no date
    ("dm", re.compile(r"(?P<a>\d{1,2})\.(?P<b>\d{1,2})\.?(?=[ \t]\d{1,2}:\d{2}(?!\d))")),
    (
        "mdy",
        re.compile(
            rf"{_WEEKDAY}?(?P<mon>{_MONTH})\s+(?P<d>\d{{1,2}})(?![\d:])(?:st|nd|rd|th)?"
            rf"(?:,?\s+{_YEAR})?"
        ),
    ),
    (
        "dmy",
        re.compile(
            rf"{_WEEKDAY}?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
            rf"(?P<mon>{_MONTH})(?![a-z])(?:,?\s+{_YEAR})?"
        ),
    ),
)
_TIME_RE = re.compile(
    r"(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:[.,]\d+)?)?(?!\d)"
    r"(?:\s?(?P<ap>[AaPp])\.?\s?[Mm]\.?(?![A-Za-z]))?"
    # "9am", and the British dotted form, which the AM/PM marker makes a time: "9.15am",
    # "6.00 p.m." (never "3.5 pm": minutes have two digits)
    r"|(?P<h2>\d{1,2})(?:\.(?P<mi2>[0-5]\d))?\s?(?P<ap2>[AaPp])\.?\s?[Mm]\.?(?![A-Za-z])"
)
#: a 24-hour time written with a dot ("14.05", "09.10"), a time only where it ends an
#: entry's stamp or carries a zone (see :func:`_dotted_at`); "4.12" or "99.95" elsewhere
#: are numbers
_DOTTED = re.compile(r"(?P<h>[01]\d|2[0-3])\.(?P<mi>[0-5]\d)(?![\d.,]?\d|%)")
#: a hedge before a time that was not noted exactly ("around 9.15am", "approx. 14:05",
#: "~09:10", "c. 6pm"): part of the stamp, the time is read as written
_HEDGE = re.compile(r"(?i:around|about|approx(?:imately|\.)?|circa|ca?\.)[ \t]+|[~≈][ \t]?")
_ISO_T = re.compile(r"T(?=\d{1,2}:\d{2})")
#: a day of the week on its own, as a timeline that spans a night or a weekend writes it
#: before the time ("Fri 22:15", "Saturday, 05:50", "SUN @ 09:10"); with a date it is part
#: of the date (``_WEEKDAY``)
_WEEKDAY_NAME = (
    r"(?P<wd>Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?|Fri(?:day)?|"
    r"Sat(?:urday)?|Sun(?:day)?|MON|TUE|WED|THU|FRI|SAT|SUN)\.?"
)
_WEEKDAY_TIME = re.compile(
    rf"{_WEEKDAY_NAME},?[ \t]+(?:(?:at|@)[ \t]+)?(?:{_HEDGE.pattern})?(?=\d)"
)
_WEEKDAY_ONLY = re.compile(rf"[ \t]*{_WEEKDAY_NAME}[ \t]*")


def _weekday(name: str) -> int:
    """Monday is 0, as ``date.weekday()`` counts."""
    return ("mon", "tue", "wed", "thu", "fri", "sat", "sun").index(name[:3].lower())


_OFFSET = r"[+-]\d{2}:?\d{2}(?!\d)"
_SEP = re.compile(r"[ \t]*(?:[-–—:|,.>=]+|\s)[ \t]*")


#: the writer's own clock named as the zone ("Times are my local time"): no zone a reader
#: can convert from, so no declaration (nor is "local time", misc34: not a zone name)
_OWN_CLOCK = re.compile(r"(?i)\bmy\s+(?:own\s+)?local\s+time\b")


@dataclass(frozen=True)
class Stamp:
    """A timestamp as parsed; offsets are relative to the string it was parsed from."""

    start: int
    end: int
    date: dt.date | None
    time: dt.time | None
    zone: str | None
    year_given: bool = True
    ampm: bool = False  #: written on the 12-hour clock
    #: an AM/PM marker on an hour only the 24-hour clock has: "redundant" when they agree
    #: ("13:55 PM", "00:15 AM"), "contradictory" when they do not ("23:00 AM", "00:30 PM")
    clash: Clash | None = None
    #: where the AM/PM marker (with the space before it) starts and ends, when written
    suffix: tuple[int, int] | None = None
    #: the day of the week written before a time that has no date ("Fri 22:15"), Monday 0
    weekday: int | None = None


def _tz_database(names: object) -> str:
    """A zone of the tz database written as Area/Location ("Europe/Oslo"), its areas the
    ``areas`` of ``[zone-names]`` (misc34): one more alternative to the UTC forms, or ''."""
    areas = names.get("areas", []) if isinstance(names, Mapping) else []
    if not areas:
        return ""
    tz = "|".join(re.escape(str(a)) for a in areas)
    return rf"|(?:{tz})/[A-Z][A-Za-z_-]+(?:/[A-Z][A-Za-z_-]+)?"


class Zones:
    """Zone vocabulary from ``rules/timeline.toml``: abbreviations (case-sensitive, with an
    offset when fixed), written-out names, and declaration patterns."""

    def __init__(self, pack: RulePack) -> None:
        table = pack.family(FAMILY).get("zones", {})
        self.offsets: dict[str, float | None] = {}
        if isinstance(table, Mapping):
            for k, v in table.items():
                self.offsets[str(k)] = float(v) if isinstance(v, int | float) else None
        self._clock_tables(pack)
        names = pack.family(FAMILY).get("zone-names", {})
        self.names = [
            str(n) for n in (names.get("names", []) if isinstance(names, Mapping) else [])
        ]
        abbrs = sorted((a for a in self.offsets if a != "Z"), key=len, reverse=True)
        utc_off = r"(?:UTC|GMT)(?:\s?[+-]\s?\d{1,2}(?::?\d{2})?)?" + _tz_database(names)
        name_alt = "|".join(
            re.escape(n).replace(r"\ ", r"\s+") for n in sorted(self.names, key=len, reverse=True)
        )
        self.alt = (
            rf"(?:(?-i:{utc_off}|{'|'.join(map(re.escape, abbrs))})"
            + (rf"|(?i:{name_alt})" if name_alt else "")
            + ")"
        )
        #: a zone right after a time: "UTC", "(PST)", "Z", "+02:00"
        self.suffix = re.compile(
            rf"(?:(?P<z>Z)(?![A-Za-z0-9])|[ \t]?(?P<off>{_OFFSET})"
            rf"|[ \t]*\(?[ \t]*(?P<abbr>(?-i:{utc_off}|{'|'.join(map(re.escape, abbrs))})"
            + (rf"|(?i:{name_alt})(?:[ \t]+(?i:time))?" if name_alt else "")
            + r")(?![A-Za-z])(?:[ \t]*\))?)"
        )
        #: a zone token in a heading, header cell, lead-in line or zone-only line. A
        #: written-out name followed by another word is that word's adjective, not a zone
        #: ("the Central region", "Eastern Europe"), unless the word says it is a time
        #: ("Pacific time", "Eastern standard time").
        token_alt = (
            rf"(?:(?-i:{utc_off}|{'|'.join(map(re.escape, abbrs))})"
            + (
                rf"|(?i:{name_alt})(?![ \t]+(?!(?i:time|standard|daylight|summer)\b)[A-Za-z])"
                if name_alt
                else ""
            )
            + ")"
        )
        self.token = re.compile(rf"(?<![A-Za-z])(?:{token_alt})(?![A-Za-z])")
        decl = pack.family(FAMILY).get("declarations", {})
        pats = decl.get("patterns", []) if isinstance(decl, Mapping) else []
        self.declarations = [
            re.compile(str(p).replace("{zone}", f"(?P<zone>{self.alt})")) for p in pats
        ]
        default = decl.get("date-default", "(?!)") if isinstance(decl, Mapping) else "(?!)"
        #: a lead-in line whose date is the day of the undated entries ("All times UTC,
        #: 1 May 2025 unless noted"), not a title that names another day
        self.date_default = re.compile(str(default))
        self._declared: Memo[tuple[tuple[int, str, int, int], ...]] = Memo()
        #: parse_stamp's answers by (text, position, year), each as a 1-tuple (None, no
        #: stamp, is an answer): see parse_stamp
        self.stamps: Memo[tuple[Stamp | None]] = Memo(_STAMP_MEMO_SIZE)
        #: offset()'s answers by zone string (a pure function of it and these words), as
        #: 1-tuples
        self._offsets: Memo[tuple[dt.timedelta | None]] = Memo(_STAMP_MEMO_SIZE)

    def _clock_tables(self, pack: RulePack) -> None:
        """The clocks of the zones without a fixed offset: their seasons' abbreviations
        (``[zone-seasons]``) and their tz database zones (``[zone-tz]``)."""
        seasons = pack.family(FAMILY).get("zone-seasons", {})
        #: a daylight-saving zone (lower case) -> its (standard, daylight) abbreviations
        self.seasons: dict[str, tuple[str, str]] = {
            str(k).lower(): (str(v[0]), str(v[1]))
            for k, v in (seasons.items() if isinstance(seasons, Mapping) else ())
            if isinstance(v, list) and len(v) == 2
        }
        tz = pack.family(FAMILY).get("zone-tz", {})
        #: a zone without a fixed offset (lower case) -> its tz database name
        self.tz: dict[str, str] = {
            _zone_key(str(k)): str(v) for k, v in (tz.items() if isinstance(tz, Mapping) else ())
        }
        #: an abbreviation of one season ("PDT") -> the zone it is a season of ("pt")
        self.season_of: dict[str, str] = {a: k for k, pair in self.seasons.items() for a in pair}

    def declared(self, text: str) -> tuple[tuple[int, str, int, int], ...]:
        """For each declaration pattern that matches ``text``, in pattern order: (its index,
        the zone, where the zone starts and ends) of its first match. Every prose block is
        searched with every pattern on every lint, so this is memoised per text."""
        got = self._declared.get(text)
        if got is None:
            found = []
            for i, p in enumerate(self.declarations):
                m = p.search(text)
                if m is not None:
                    found.append((i, m.group("zone"), m.start("zone"), m.end("zone")))
            got = self._declared.put(text, tuple(found))
        return got

    def offset(self, zone: str | None) -> dt.timedelta | None:
        """The fixed UTC offset of ``zone``, or None when it has none (PT, names).
        Memoised per zone string (asked for every entry on every lint)."""
        got = self._offsets.get(zone)
        if got is None:
            got = self._offsets.put(zone, (self._offset(zone),))
        return got[0]

    def season(self, written: Iterable[str]) -> int | None:
        """The daylight-saving season the ``written`` abbreviations agree on: 0 when they
        name only standard times ("PST", "EST"), 1 when only daylight times, else None."""
        standard = {pair[0] for pair in self.seasons.values()}
        daylight = {pair[1] for pair in self.seasons.values()}
        seen = {0 for z in written if z in standard} | {1 for z in written if z in daylight}
        return seen.pop() if len(seen) == 1 else None

    def offset_in(self, zone: str | None, season: int | None) -> dt.timedelta | None:
        """:meth:`offset`, with a daylight-saving zone ("Eastern", "PT") read in ``season``
        (see :meth:`season`) when it is known."""
        off = self.offset(zone)
        if off is not None or zone is None or season is None:
            return off
        pair = self.seasons.get(" ".join(zone.strip("() ").lower().split()))
        return self.offset(pair[season]) if pair is not None else None

    def tz_name(self, zone: str) -> str | None:
        """The tz database zone whose clock ``zone`` keeps: from ``[zone-tz]`` ("ET",
        "Pacific time"), or the zone itself when written as Area/Location."""
        got = self.tz.get(_zone_key(zone))
        if got is None and _TZ_DATABASE.fullmatch(zone.strip("() ")):
            return zone.strip("() ")
        return got

    def readings(
        self, zone: str, day: dt.date | None, t: dt.time, season: int | None = None
    ) -> Readings | None:
        """``zone``'s UTC offset at ``t`` on ``day``, as (winter, summer) readings (see
        :mod:`pm_lsp.rules.timeline.clocks`): a fixed offset twice; a daylight-saving zone
        on the entry's day, else in the ``season`` the timeline's abbreviations name, else
        both; None when the zone has no known clock ("local")."""
        off = self.offset(zone)
        if off is not None:
            return off, off
        tz = self.tz_name(zone)
        if day is not None and tz is not None:
            got = tz_readings(tz, day, t)
            if got is not None:
                return got
        pair = self.seasons.get(_zone_key(zone))
        if pair is not None:
            std, dst = self.offset(pair[0]), self.offset(pair[1])
            if std is not None and dst is not None:
                return ((std, std), (dst, dst))[season] if season is not None else (std, dst)
        return tz_readings(tz, None, t) if tz is not None else None

    def family(self, zone: str) -> str:
        """What makes two zones one clock: "PT", "Pacific time" and "PDT" (a season of PT)
        share one; "UTC", "GMT", "Z" and "+00:00" share their fixed offset."""
        key = _zone_key(zone)
        key = self.season_of.get(zone.strip("() "), key)
        tz = self.tz.get(key)
        if tz is not None:
            return tz
        off = self.offset(zone)
        return str(off) if off is not None else key

    def _offset(self, zone: str | None) -> dt.timedelta | None:
        if zone is None:
            return None
        z = zone.strip("() ")
        m = _FIXED_OFFSET.fullmatch(z)
        if m:
            sign = -1 if m.group(1) == "-" else 1
            return sign * dt.timedelta(hours=int(m.group(2)), minutes=int(m.group(3) or 0))
        hours = self.offsets.get(z)
        if z in ("UTC", "GMT"):
            return dt.timedelta(0)
        return dt.timedelta(hours=hours) if hours is not None else None


def _zone_key(zone: str) -> str:
    """A zone as looked up in the pack's tables: "(Eastern Time)" -> "eastern"."""
    key = " ".join(zone.strip("() ").lower().split())
    return key.removesuffix(" time") if key != "time" else key


#: a zone of the tz database as written ("Europe/Oslo", "America/Argentina/Salta")
_TZ_DATABASE = re.compile(r"[A-Z][A-Za-z]+/[A-Z][A-Za-z_-]+(?:/[A-Z][A-Za-z_-]+)?")
#: an abbreviation in brackets after a declared zone: "Eastern (EST)"
_PAREN_ZONE = re.compile(r"[ \t]*\([ \t]*([A-Z]{2,5})[ \t]*\)")
#: stamps (and zone offsets) remembered per Zones object (LRU)
_STAMP_MEMO_SIZE = 16_384
_FIXED_OFFSET = re.compile(r"(?:UTC|GMT)?\s?([+-])\s?(\d{1,2}):?(\d{2})?")
_DATE_TIME_SEP = re.compile(r"[ \t]*(?:,|at|@|-)?[ \t]*")
_OPEN_PAREN = re.compile(r"[ \t]*\(?[ \t]*")
_CLOSE_PAREN = re.compile(r"[ \t]*\)")
_CLOSE_BRACKET = re.compile(r"[ \t]*\]")
#: the slash before a second clock in a chat stamp's brackets: "[14:02 UTC / 22:02 SGT]"
_SECOND_CLOCK = re.compile(r"[ \t]*/[ \t]*")


@lru(_STAMP_MEMO_SIZE)
def _date_at(
    text: str, pos: int, year: int | None, dayfirst: bool = False
) -> tuple[dt.date, int, bool] | None:
    """The date that starts at ``text[pos]``: (date, where it ends, was the year written).
    A pure function of its arguments (an immutable answer), memoised: every time cell,
    entry and date column cell asks on every lint. Numeric dates with the day and month
    in either order ("07-10-2021", "03-26 23:04") read the day first when the first number
    cannot be a month, the month first when the second cannot, else as ``dayfirst`` says
    (the document's habit: :func:`day_first`)."""
    for kind, pat in _DATE_RES:
        m = pat.match(text, pos)
        if m is None:
            continue
        try:
            if kind in ("dashed", "md"):
                a, b = int(m.group("a")), int(m.group("b"))
                first_is_day = a > 12 or (dayfirst and b <= 12)
                d, mo = (a, b) if first_is_day else (b, a)
                if kind == "dashed":
                    return dt.date(int(m.group("y")), mo, d), m.end(), True
                return dt.date(year or UNDATED.year, mo, d), m.end(), False
            if kind == "dm":
                return (
                    dt.date(year or UNDATED.year, int(m.group("b")), int(m.group("a"))),
                    m.end(),
                    False,
                )
            if kind in ("iso", "us"):
                y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
                if kind == "us":
                    if y < 100:
                        y += 2000
                    if mo > 12 >= d:
                        mo, d = d, mo
                return dt.date(y, mo, d), m.end(), True
            month = _MONTHS.index(m.group("mon")[:3].lower()) + 1
            given = m.group("y") is not None
            y = int(m.group("y")) if given else (year or UNDATED.year)
            return dt.date(y, month, int(m.group("d"))), m.end(), given
        except ValueError:
            return None
    return None


def _weekday_time_at(text: str, pos: int, bare: bool = False) -> tuple[int | None, _Time | None]:
    """The clock time at ``text[pos]``, after a day of the week when one is written there
    ("Fri 22:15"): (the weekday, Monday 0, or None; the time or None). ``bare``: see
    :func:`_hhmm_at`."""
    wd = _WEEKDAY_TIME.match(text, pos)
    if wd is None:
        return None, _time_at(text, pos, bare)
    return _weekday(wd.group("wd")), _time_at(text, wd.end(), bare)


class _Time(NamedTuple):
    time: dt.time
    end: int
    ampm: bool
    clash: Clash | None
    suffix: tuple[int, int] | None


def _time_at(text: str, pos: int, bare: bool = False) -> _Time | None:
    """The clock time at ``text[pos]``. An AM/PM marker on an hour of 1-12 converts it; on
    an hour only the 24-hour clock has (0, 13-23) the digits are kept, being the more
    specific of the two, and the clash is recorded: "13:55 PM" is 13:55 either way
    (redundant), "23:00 AM" cannot be both (contradictory)."""
    hedge = _HEDGE.match(text, pos)
    if hedge is not None:
        pos = hedge.end()
    m = _TIME_RE.match(text, pos)
    if m is None:
        return _hhmm_at(text, pos, bare) or _dotted_at(text, pos)
    if m.group("h") is not None:
        h, mi, s = int(m.group("h")), int(m.group("mi")), int(m.group("s") or 0)
        ap, ap_group = m.group("ap"), "ap"
    else:
        h, mi, s = int(m.group("h2")), int(m.group("mi2") or 0), 0
        ap, ap_group = m.group("ap2"), "ap2"
    clash: Clash | None = None
    suffix: tuple[int, int] | None = None
    if ap is not None:
        if h == 0 and m.group("h") is None:
            return None  # "0 pm" is not a time
        a = m.start(ap_group)
        suffix = (a - 1 if a > m.start() and text[a - 1] in " \t" else a, m.end())
        pm = ap.lower() == "p"
        if 1 <= h <= 12:
            h = h % 12 + (12 if pm else 0)
        elif h <= 23:
            clash = "redundant" if (h > 12) == pm else "contradictory"
        else:
            return None
    if h == 24 and mi == 0 and s == 0:
        h = 0  # "24:00": end of day, read as midnight
    if h > 23 or mi > 59 or s > 59:
        return None
    return _Time(dt.time(h, mi, s), m.end(), ap is not None, clash, suffix)


#: a time of day written without a colon: "1432", "2309", "0308"
_HHMM = re.compile(r"(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)(?![\d.,:/-]?\d)")
#: what makes four digits a time: a zone or an hour mark right after them
_HHMM_ZONE = re.compile(r"[ \t]?(?:UTC|GMT|Z\b|[A-Z]{1,4}T\b|h\b|hrs?\b)")
#: or, for digits that cannot be a year, the separator that ends an entry's stamp
_HHMM_SEP = re.compile(r"[ \t]*(?::[ \t]|[-–—|][ \t]|:?$)")
#: an hour word after four digits on the four-digit clock ("0912 hours", "1400h")
_HOUR_WORD = re.compile(r"[ \t]*(?:hours|hrs?|h)\b")
#: an entry's line or cell that opens with a time of the four-digit clock: the digits, an
#: hour word maybe, then the end, a separator, or a word ("1843 First call", "| 2131 |",
#: "0912 hours: pager fires"); not "1200 5xx errors", "2047.5", "1843-1901" (a range)
_BARE_LEAD = re.compile(
    r"[ \t]*(?P<h>[01]\d|2[0-3])[0-5]\d(?![\d.,:/-]?\d)(?:[ \t]*(?:hours|hrs?|h)\b)?"
    r"(?=[ \t]*$|[ \t]*[:|–—-][ \t]|[ \t]*[:|]?$|[ \t]+[^\d\s])"
)


def _hhmm_at(text: str, pos: int, bare: bool = False) -> _Time | None:
    """A time written as four digits with no colon, where it is a time: followed by a
    zone or an hour mark ("1432 UTC", "2309Z", "0715h"), or ending an entry's stamp ("1440:
    alert fires", "0930 - rollback") when the digits cannot be a year (19xx, 20xx). Not a
    count ("1432 requests failed"), not a year ("2015: we moved regions"), not part of a
    longer number or an identifier.

    ``bare``: the entry is in a timeline written on the four-digit clock (see
    :meth:`_Extractor._bare_clock`), where its opening digits are its time whatever
    follows them, 19xx and 20xx included ("1912 Supervisor moves to paper", "0912 hours:
    ..."); an hour word after them ("hours", "hrs", "h") is part of the stamp."""
    m = _HHMM.match(text, pos)
    if m is None or (pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] in "#.")):
        return None
    end = m.end()
    if bare and _BARE_LEAD.match(text, pos):
        mark = _HOUR_WORD.match(text, end)
        at = dt.time(int(m.group("h")), int(m.group("mi")))
        return _Time(at, mark.end() if mark else end, False, None, None)
    if not _HHMM_ZONE.match(text, end) and (
        text[pos : pos + 2] in ("19", "20") or not _HHMM_SEP.match(text, end)
    ):
        return None
    return _Time(dt.time(int(m.group("h")), int(m.group("mi"))), end, False, None, None)


def _dotted_at(text: str, pos: int) -> _Time | None:
    """A 24-hour time written with a dot ("14.05 - failover starts", "| 09.10 |"), where it
    is a time: followed by a zone or an hour mark, or ending an entry's stamp, as
    :func:`_hhmm_at` asks of four bare digits. The hour has two digits, so "4.12 shipped"
    and "3.5 hours" stay numbers; not part of a version ("14.05.1"), an address or a
    percentage."""
    m = _DOTTED.match(text, pos)
    if m is None or (pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] in "#.v")):
        return None
    end = m.end()
    if not (_HHMM_ZONE.match(text, end) or _HHMM_SEP.match(text, end)):
        return None
    return _Time(dt.time(int(m.group("h")), int(m.group("mi"))), end, False, None, None)


def _second_clock(text: str, end: int, zones: Zones) -> int:
    """Where a chat stamp's second reading of the same moment ends ("[14:02 UTC / 22:02
    SGT]": the poster gave two zones), or ``end`` when none follows. The first clock is the
    entry's time; the second only has to be stepped over to reach the bracket's close."""
    sep = _SECOND_CLOCK.match(text, end)
    if sep is None or not sep.group(0).strip():
        return end
    tm = _time_at(text, sep.end())
    if tm is None:
        return end
    z = zones.suffix.match(text, tm.end)
    return z.end() if z is not None else tm.end


def _range_end(offset: str | None, start: dt.time) -> bool:
    """Is ``offset``, written right after a time with no date, the end of a range rather
    than a UTC offset? "13:30-13:45" and "09:00-10:00" are ranges (a dateless clock time
    and a later one); an offset keeps its place after a date ("2025-03-14T09:00-05:00")."""
    m = re.fullmatch(r"-(\d{2}):?(\d{2})", offset or "")
    if m is None or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        return False
    return dt.time(int(m.group(1)), int(m.group(2))) > start


def parse_stamp(
    text: str,
    pos: int = 0,
    *,
    zones: Zones | None = None,
    year: int | None = None,
    dayfirst: bool = False,
    bare: bool = False,
) -> Stamp | None:
    """The timestamp that starts at ``text[pos]`` (after spaces), or None.

    Accepts a date, a time, or both in either order ("2025-03-14 23:58", "2025-03-14T23:58Z",
    "14:02 UTC (Mar 14)", "Oct 30th 12:45 PM PST", "12:45 PM PST Saturday Oct 30th"), with an
    optional zone after the time, in a chat log's brackets or not ("[03-26 23:04]"), and
    times written without a colon where they are times ("1432 UTC", "2309:", see
    :func:`_time_at`). ``year`` completes dates written without one; ``dayfirst`` orders
    numeric dates that could be read either way (see :func:`_date_at`); ``bare`` reads
    the four-digit clock of a timeline written on it (:func:`_hhmm_at`).

    A pure function of the text, the position, the zone words, the year and the order, and
    asked for every line of every timeline block and cell on every lint, so the (immutable)
    answer is memoised on the ``zones`` object under (text, pos, year, dayfirst).
    """
    zones = zones or _zones(builtin_pack())
    memo = zones.stamps
    key = (text, pos, year, dayfirst, bare)
    got = memo.get(key)
    if got is None:
        got = memo.put(key, (_parse_stamp(text, pos, zones, year, dayfirst, bare),))
    return got[0]


def _parse_stamp(
    text: str, pos: int, zones: Zones, year: int | None, dayfirst: bool = False, bare: bool = False
) -> Stamp | None:
    i = pos
    while i < len(text) and text[i] in " \t":
        i += 1
    start = i
    bracket = i < len(text) and text[i] == "["
    if bracket:  # a chat-log stamp: "[03-26 23:04] ..."
        i += 1
    date: dt.date | None = None
    year_given = True
    time: dt.time | None = None
    zone: str | None = None
    tm: _Time | None = None
    weekday: int | None = None
    end = i
    got = _date_at(text, i, year, dayfirst)
    if got is not None:
        date, end, year_given = got
        j = end
        t = _ISO_T.match(text, j)
        if t:
            j = t.end()
        else:
            sep = _DATE_TIME_SEP.match(text[j:])
            j += sep.end() if sep else 0
        tm = _time_at(text, j)
        if tm is not None:
            time, end = tm.time, tm.end
    else:
        weekday, tm = _weekday_time_at(text, i, bare)
        if tm is None:
            return None
        time, end = tm.time, tm.end
    if time is not None:
        z = zones.suffix.match(text, end)
        if z is not None and date is None and _range_end(z.group("off"), time):
            z = None  # "13:30-13:45": a range of two clock times, not a UTC offset
        if z is not None and z.group(0).strip():
            zone = (z.group("z") or z.group("off") or z.group("abbr") or "").strip()
            end = z.end()
        if date is None:  # "14:02 UTC (Mar 14)", "12:45 PM PST Saturday Oct 30th"
            m = _OPEN_PAREN.match(text[end:])
            j = end + (m.end() if m else 0)
            got = _date_at(text, j, year, dayfirst)
            if got is not None:
                date, dend, year_given = got
                close = _CLOSE_PAREN.match(text[dend:])
                end = dend + (close.end() if close else 0)
    if bracket:
        close = _CLOSE_BRACKET.match(text, _second_clock(text, end, zones) if time else end)
        if close is None:
            return None  # "[" then a date or time that the bracket does not close on
        end = close.end()
    if tm is None:
        return Stamp(start, end, date, time, zone, year_given)
    if date is not None:
        weekday = None  # "Fri 22:15 (Mar 14)": the date says the day
    return Stamp(start, end, date, time, zone, year_given, tm.ampm, tm.clash, tm.suffix, weekday)


# -- the model ---------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Entry:
    """One timeline entry. Offsets are code points into ``doc.text``."""

    start: int  #: the timestamp as written
    end: int
    event_start: int  #: the event text
    event_end: int
    event: str  #: masked event text (markup blanked)
    label: str  #: the timestamp as written
    date: dt.date | None  #: date written on the entry itself (row, date column, prefix)
    time: dt.time | None
    zone: str | None  #: zone written on the entry itself
    when: dt.datetime  #: local time in the timeline's frame (undated timelines: year 2000)
    utc: dt.datetime | None  #: ``when`` in UTC when the entry's zone has a fixed offset
    rolled_over: bool  #: the date was advanced by the midnight rollover heuristic
    source: Source
    milestones: frozenset[str] = frozenset()
    region: int = 0  #: index into ``Timeline.regions``
    shift: int = 0  #: rollover days added to the current date
    ampm: bool = False  #: AM/PM written on the entry
    #: AM or PM not written but read from the neighbouring entries (see ``_half_day``)
    ampm_inferred: bool = False
    clash: Clash | None = None  #: AM/PM on a 24-hour hour (see :class:`Stamp`)
    suffix: tuple[int, int] | None = None  #: the AM/PM marker's offsets in ``doc.text``
    #: the event is bookkeeping about the incident, not the state of the system ("Incident
    #: closed", "Postmortem meeting scheduled"): never where the impact ended
    administrative: bool = False
    #: explicit bounds of the impact the writer marked ("impact start", "end of outage"):
    #: names from MARKERS. A marked bound wins over one inferred from the event's words
    markers: frozenset[str] = frozenset()
    #: the status-page word the entry is posted under ("Investigating", "Monitoring"): a
    #: label that opens its text, the heading above it or its row's status cell. It
    #: counts as a milestone only in a timeline written as status updates
    #: (:meth:`_Extractor._status_page`)
    status: str | None = None
    #: the entry's time on the clock of the timeline's declared zone, as the earliest and
    #: latest readings (the same twice when exact; see :mod:`pm_lsp.rules.timeline.clocks`);
    #: None without a declared zone, a time, or a known clock for the entry's zone
    frame: Frame | None = None
    #: written in a zone that keeps another clock than the declared one ("10:05 ET" in a
    #: UTC timeline; not "10:05 PDT" in a Pacific one, nor "GMT" in a UTC one)
    foreign: bool = False
    #: written without a zone in a timeline that declares none and whose zoned entries (most
    #: of them) keep two clocks or more: which clock this time is on cannot be told, so it
    #: moves no day forward, is no reference for the next entry's rollover, is not ordered
    #: against its neighbours and bounds no metric (``_Extractor._clockless_among_two``)
    clockless: bool = False

    @property
    def has_time(self) -> bool:
        return self.time is not None

    @property
    def reliable(self) -> bool:
        """Can arithmetic use this entry's time? Not when its AM/PM contradicts its hour
        ("23:00 AM"): 23:00 and 11:00 are both possible, and a metric from either could be
        half a day off."""
        return self.time is not None and self.clash != "contradictory"

    @property
    def measurable(self) -> bool:
        """Can a span be measured from or to this entry? When its time is ``reliable`` and
        its clock is known (not ``clockless``): the end of a span read on the wrong clock
        is off by the clocks' difference, a day when a rollover followed it."""
        return self.reliable and not self.clockless


@dataclass(frozen=True)
class Metrics:
    """Milestone entries and the intervals between them (None when not computable)."""

    impact_start: Entry | None = None
    detected: Entry | None = None
    declared: Entry | None = None
    mitigated: Entry | None = None
    resolved: Entry | None = None
    #: where the clock starts: the impact start, else the first detection
    start: Entry | None = None
    start_kind: str | None = None
    time_to_detect: dt.timedelta | None = None
    time_to_mitigate: dt.timedelta | None = None
    time_to_resolve: dt.timedelta | None = None

    def as_dict(self) -> dict[str, Any]:
        """Plain values for hover text and JSON: minutes as floats, labels as written."""

        def mins(d: dt.timedelta | None) -> float | None:
            return None if d is None else d.total_seconds() / 60

        return {
            "start": self.start.label if self.start else None,
            "start_kind": self.start_kind,
            "time_to_detect_minutes": mins(self.time_to_detect),
            "time_to_mitigate_minutes": mins(self.time_to_mitigate),
            "time_to_resolve_minutes": mins(self.time_to_resolve),
        }


@dataclass(frozen=True)
class Timeline:
    """A document's timeline (:func:`timeline_of`): frozen, like its entries and metrics,
    since every rule and the language server's hover receive the same object."""

    entries: tuple[Entry, ...]
    zone: str | None  #: the declared zone, or the zone every entry carries
    zone_span: Span | None
    #: (region, anchor): each timeline section body or label region, and the heading title
    #: (or label) span where whole-timeline diagnostics go
    regions: tuple[tuple[Span, Span], ...] = ()
    dated: bool = False  #: entries carry real dates (else dates are relative to UNDATED)
    metrics: Metrics = field(default_factory=Metrics)
    #: milestones a summary line in a timeline region labels with a time, outside the
    #: entries ("Detection: 8 minutes after the first alarm. Mitigation: Mon 08:02."): the
    #: timeline marks them (PM504), though no entry of it tells them
    stated: frozenset[str] = frozenset()
    #: the zone is not declared but kept by most entries, each writing it after its time
    #: (``_Extractor._implied_zone``): every entry names its own clock, so PM502 compares
    #: them in UTC as written rather than placing the others on the majority's clock
    implied: bool = False
    #: False when the timeline is one kept for the incident's handling, read only because
    #: the document has none by name ("Notification timeline"): PM504 asks it for no
    #: milestones (:func:`handling_heading`)
    asks_milestones: bool = True

    @property
    def anchor(self) -> Span | None:
        return self.regions[0][1] if self.regions else None

    @property
    def prose(self) -> bool:
        """Is the timeline told as prose (:meth:`_Extractor._prose`)? Its entries are only
        the sentences that open with a time: the others may tell the detection or the fix,
        and a night passed over in silence leaves its clock uncertain, so PM503 and PM504
        do not judge it and PM502 judges only a short step back (:data:`PROSE_BACK`)."""
        return bool(self.entries) and all(e.source == "prose" for e in self.entries)

    @property
    def timed(self) -> list[Entry]:
        return [e for e in self.entries if e.time is not None]

    def entries_with(self, milestone: str) -> list[Entry]:
        return [e for e in self.entries if milestone in e.milestones]


# -- words -------------------------------------------------------------------------------------


class Words:
    """Compiled ``rules/timeline.toml`` for one pack."""

    def __init__(self, pack: RulePack) -> None:
        fam = pack.family(FAMILY)
        self.zones = _zones(pack)

        def cols(key: str) -> set[str]:
            return {w.lower() for w in pack.words(FAMILY, key)}

        self.time_cols = cols("time-columns")
        self.date_cols = cols("date-columns")
        self.event_cols = cols("event-columns")
        self.zone_cols = cols("zone-columns")
        self.status_cols = cols("status-columns")
        ms = fam.get("milestones", {})
        ms = ms if isinstance(ms, Mapping) else {}
        self.milestones: dict[str, list[re.Pattern[str]]] = {
            name: [re.compile(str(p), re.IGNORECASE) for p in ms.get(name, [])]
            for name in MILESTONES
        }
        mk = fam.get("markers", {})
        mk = mk if isinstance(mk, Mapping) else {}
        self.markers: dict[str, list[re.Pattern[str]]] = {
            name: [re.compile(str(p), re.IGNORECASE) for p in mk.get(name, [])] for name in MARKERS
        }
        self._marked: Memo[frozenset[str]] = Memo()
        self.negation = _phrases(ms, "negations")
        #: a decision or an intent before a mitigation or a resolution (the pack's
        #: ``intentions``): the act is told later, by the entry that does it
        self.intention = _phrases(ms, "intentions")
        self._milestone_words(ms)
        #: given names that are no product's name ("Ana", not "Grafana" or "Jenkins")
        self.names = given_names() - frozenset(pack.words("blame", "product-names"))
        dur = fam.get("duration", {})
        ctx = [str(w).lower() for w in (dur.get("context", []) if isinstance(dur, Mapping) else [])]
        self.duration_context = (
            re.compile(r"(?i)(?<![\w-])(?:" + "|".join(re.escape(w) for w in ctx) + r")(?![\w-])")
            if ctx
            else None
        )
        self._classified: Memo[frozenset[str]] = Memo()
        adm = fam.get("administrative", {})
        adm_pats = adm.get("patterns", []) if isinstance(adm, Mapping) else []
        self.admin_patterns = [re.compile(str(p), re.IGNORECASE) for p in adm_pats]
        self._admin = re.compile(
            "|".join(f"(?:{p.pattern})" for p in self.admin_patterns) or "(?!)", re.IGNORECASE
        )
        self._administrative: Memo[tuple[bool]] = Memo()
        self._release = _joined(fam, "release-out")
        self._release_out: Memo[tuple[frozenset[str]]] = Memo()
        self._change_out = _joined(fam, "change-out")
        self._summary_labels(fam)
        #: an entry is searched only for the patterns whose literal words it holds
        self._gated = Gated([*(p for v in self.milestones.values() for p in v), self.entry_label])
        self._status_words(fam)
        self._extraction_tables()

    def _status_words(self, fam: Mapping[str, Any]) -> None:
        """The pack's ``status-page``: the status words, the milestone each stands for, and
        those a thread of status updates opens with."""
        tab = fam.get("status-page", {})
        tab = tab if isinstance(tab, Mapping) else {}
        #: a status word (lower case) -> its milestone
        self.status_milestone: dict[str, str] = {
            str(word).lower(): name
            for name in MILESTONES
            for word in (tab.get(name, []) if isinstance(tab.get(name), list) else [])
        }
        self.status_opening = frozenset(str(w).lower() for w in tab.get("opening", []))
        alts = "|".join(re.escape(w) for w in sorted(self.status_milestone, key=len, reverse=True))
        #: a status word that opens an event text as its label ("Monitoring - a fix is
        #: out", "**Identified**: ...", "[Resolved]"), or is all of it
        self._status_lead = re.compile(
            r"(?i)^[\W_]*(" + (alts or "(?!)") + r")[ \t*_\])]*(?:[:|.\-\u2013\u2014]|$)"
        )
        self._status_head = re.compile(
            r"(?i)^[ \t*_\[]*(" + (alts or "(?!)") + r")[ \t*_\]]*(?:[(\[:,|\-\u2013\u2014][ \t]*)?"
        )

    def status_head(self, line: str) -> tuple[str, int] | None:
        """The status word that opens ``line`` with a stamp or a separator after it, and
        where the stamp may begin ("Investigating (14:07 UTC): ...", "**Resolved** - ...")."""
        m = self._status_head.match(line)
        return (m.group(1).lower(), m.end()) if m else None

    def status_of(self, text: str) -> str | None:
        """The status word ``text`` opens with as its label, or is (lower case), or None."""
        m = self._status_lead.match(text)
        return m.group(1).lower() if m else None

    def _summary_labels(self, fam: Mapping[str, Any]) -> None:
        """The pack's ``summary-labels``: per milestone, the labels a summary line gives it
        ("Mitigation:", "Detected:"), as one pattern whose match ends where the label's
        value begins, and the milestone of each label; then the labels an entry gives its
        own milestone (:meth:`_entry_labels`)."""
        self._entry_labels(fam)
        tab = fam.get("summary-labels", {})
        tab = tab if isinstance(tab, Mapping) else {}
        self.label_milestone: dict[str, str] = {
            _spaced(str(label)): name
            for name in MILESTONES
            for label in (tab.get(name, []) if isinstance(tab.get(name), list) else [])
        }
        #: the labels whose value is a span from the start ("Time to mitigation: 67 min")
        self.duration_labels = frozenset(
            _spaced(str(label))
            for label in (
                tab.get("durations", []) if isinstance(tab.get("durations"), list) else []
            )
        )
        alts = "|".join(
            re.escape(label).replace(r"\ ", r"\s+")
            for label in sorted(self.label_milestone, key=len, reverse=True)
        )
        self.summary_label = (
            re.compile(
                r"(?i)(?:^|(?<=[.;!?|\n]))[ \t*_]*(?P<label>" + alts + r")[ \t]*"
                r"(?:[:=]|[-\u2013\u2014](?=\s))[ \t]*"
                r"(?:(?:at|on|approx\.?|approximately|about|around|~)[ \t]*)?"
            )
            if alts
            else None
        )

    def _entry_labels(self, fam: Mapping[str, Any]) -> None:
        """The pack's ``entry-labels``: per milestone, the words an entry gives its own
        milestone as a label ("... (detection)", "[mitigated] ...", "... - resolution")."""
        tab = fam.get("entry-labels", {})
        tab = tab if isinstance(tab, Mapping) else {}
        #: a label (lower case, spaces collapsed) -> its milestone
        self.entry_label_milestone: dict[str, str] = {
            _spaced(str(label)): name
            for name in MILESTONES
            for label in (tab.get(name, []) if isinstance(tab.get(name), list) else [])
        }
        alts = "|".join(
            re.escape(label).replace(r"\ ", r"[ \t]+")
            for label in sorted(self.entry_label_milestone, key=len, reverse=True)
        )
        label = "(" + (alts or "(?!)") + ")"
        #: a label standing alone: in brackets anywhere, opening the text before a colon,
        #: a dash or a full stop ("**Detection.** The pager ..."), or closing it after a
        #: dash
        self.entry_label = re.compile(
            r"(?i)[(\[][ \t*_]*" + label + r"[ \t*_]*[)\]]"
            r"|^[\W_]*" + label + r"[ \t*_]*(?:[:\u2013\u2014]|-(?=\s)|\.(?=[\s*_]|$))"
            r"|(?:[\u2013\u2014]|(?<=\s)-)[ \t*_]*" + label + r"[ \t*_]*[.!]?[ \t*_]*$"
        )

    def labelled(self, event: str) -> set[str]:
        """The milestones ``event`` labels in so many words (:meth:`_entry_labels`)."""
        return {
            self.entry_label_milestone[_spaced(next(g for g in m.groups() if g))]
            for m in self.entry_label.finditer(event)
        }

    def stated(self, text: str, zones: Zones, year: int | None, dayfirst: bool) -> set[str]:
        """The milestones a summary line labels with a time ("Detection time: 56 hours
        after the start. Mitigation: Mon 08:02."): a clock time, or a span after something,
        right after the label. A label without one ("Resolution: pending", "Mitigated:
        no") names no moment and counts for nothing."""
        found: set[str] = set()
        if self.summary_label is None:
            return found
        for m in self.summary_label.finditer(text):
            label = _spaced(m.group("label"))
            st = parse_stamp(text, m.end(), zones=zones, year=year, dayfirst=dayfirst)
            if (
                (st is not None and st.time is not None)
                or _SPAN_AFTER.match(text, m.end())
                or (label in self.duration_labels and _SPAN.match(text, m.end()))
            ):
                found.add(self.label_milestone[label])
        return found

    def _milestone_words(self, ms: Mapping[str, Any]) -> None:
        """The words of ``[milestones]`` beside the patterns: the easing verbs
        (:meth:`_eases`) and, per milestone, the words that name its event without telling
        it (PM504's hint)."""
        self.easing = _easing(str(v) for v in ms.get("easing", []))
        #: per milestone, the words that name its event without telling it (PM504's hint)
        self.near: dict[str, re.Pattern[str]] = {
            name: re.compile(
                r"(?i)(?<![\w-])(" + "|".join(re.escape(str(w)) for w in near) + r")(?![\w-])"
            )
            for name in MILESTONES
            if isinstance(near := ms.get(f"near-{name}", []), list) and near
        }
        #: words that name people (``people``): a pattern's ``subject`` that is one of them,
        #: or a given name, tells what a person did, not what the system did
        #: (:meth:`_person_subject`)
        self.people = frozenset(str(w).lower() for w in ms.get("people", []))

    def _extraction_tables(self) -> None:
        """The memo tables of the extraction (:class:`_Extractor`), on these words."""
        #: timeline regions read on their own, by their text, shape and what they inherit
        #: (:meth:`_Extractor._whole_region`)
        self.regions: Memo[_ReadRegion] = Memo()
        #: per event text: the release keys it puts out (``_put_out_versions`` and
        #: :meth:`released`), and those of :meth:`released` alone (``_fixed_releases``)
        self._faulty_keys: Memo[frozenset[tuple[int, ...]]] = Memo()
        self._released_keys: Memo[frozenset[tuple[int, ...]]] = Memo()
        #: the numeric dates of each paragraph of masked text (:func:`day_first`)
        self.numeric_dates: Memo[frozenset[tuple[int, int]]] = Memo()

    def classify(self, event: str) -> frozenset[str]:
        """The milestones an entry's event text names. A pure function of the text and
        these words, run for every entry on every lint (a long timeline has hundreds, and
        dozens of patterns each), so memoised per text on this object: an edit re-classifies
        only the entries whose text changed."""
        got = self._classified.get(event)
        if got is None:
            got = self._classified.put(event, self._classify(event))
        return got

    def marked(self, event: str) -> frozenset[str]:
        """The impact bounds an entry's event text marks in so many words ("impact start",
        "END OF OUTAGE"), not negated. Memoised per text, like :meth:`classify`."""
        got = self._marked.get(event)
        if got is None:
            got = self._marked.put(
                event,
                frozenset(
                    name
                    for name, pats in self.markers.items()
                    if any(
                        not self._negated(event, m.start())
                        and not (name == "impact-start" and self._eases(event, m.end()))
                        for p in pats
                        for m in p.finditer(event)
                    )
                ),
            )
        return got

    def administrative(self, event: str) -> bool:
        """Is the event bookkeeping about the incident (closing it, scheduling its review,
        setting the status page) rather than a change in the system? Memoised per text,
        like :meth:`classify`."""
        got = self._administrative.get(event)
        if got is None:
            got = self._administrative.put(event, (self._admin.search(event) is not None,))
        return got[0]

    def puts_change_out(self, event: str) -> bool:
        """Does the event put a change out (a rollout, deploy or config push that starts or
        lands), not negated? Where an unmarked impact may have begun (PM503)."""
        return any(not self._negated(event, m.start()) for m in self._change_out.finditer(event))

    def _classify(self, event: str) -> frozenset[str]:
        """The milestones of :meth:`classify`. An onset whose complement is a verb of
        decrease or recovery ("errors start to drop", "impact begins to ease") tells the
        recovery under way: a mitigation, not the impact's start."""
        found: set[str] = set()
        reading = self._gated.read(event)
        for name, pats in self.milestones.items():
            for p in pats:
                if not reading.may_match(p):
                    continue
                told = [
                    m
                    for m in p.finditer(event)
                    if not self._negated(event, m.start())
                    and not self._person_subject(event, m)
                    and not (name in _ACTS and self._negated(event, m.start(), self.intention))
                ]
                if (
                    name == "impact-start"
                    and told
                    and all(self._eases(event, m.end()) for m in told)
                ):
                    found.add("mitigation")
                    continue
                if told:
                    found.add(name)
                    break
        if reading.may_match(self.entry_label):
            found |= self.labelled(event)
        return frozenset(found)

    def _person_subject(self, event: str, m: re.Match[str]) -> bool:
        """Does the match's ``subject`` group name a person ("Ana worked again", "the night
        shift worked again", "Dr Okafor was back")? What people do is no milestone of the
        system: one of the pack's ``people`` words, a given name, or a capitalised word after
        a given name or a title ("Ana Silva", "Dr Patel"; "Ana's laptop" is a thing). A
        pattern without the group names no subject."""
        if "subject" not in m.re.groupindex or m.group("subject") is None:
            return False
        word = _CLITIC.sub("", m.group("subject"))
        if word.lower() in self.people or is_given_name(word, self.names):
            return True
        prev = _LAST_WORD.search(event, 0, m.start("subject"))
        if prev is None or not word[:1].isupper():
            return False  # "Ana's laptop" is a thing of hers
        name = prev.group(1)
        return name.lower().rstrip(".") in self.people or is_given_name(name, self.names)

    def _eases(self, event: str, end: int) -> bool:
        """Does a verb of decrease or recovery complement the onset verb ending at ``end``
        ("... start to drop", "... began subsiding")?"""
        return self.easing is not None and self.easing.match(event, end) is not None

    def release_out(self, event: str) -> bool:
        """Does the event put a release out ("4.2.1 published", "uploads 2.0.3 to the
        registry"), not negated? After a detection that is the fixed release (PM504's
        mitigation, :meth:`_Extractor._fixed_releases`); before one it is the change."""
        return bool(self.released(event))

    def released(self, event: str) -> frozenset[str]:
        """The version numbers the event puts out (:meth:`release_out`), those listed
        after the first as well ("published 4.2.0 and 4.2.1"), memoised per text."""
        got = self._release_out.get(event)
        if got is None:
            got = self._release_out.put(
                event,
                (
                    frozenset(
                        v
                        for m in self._release.finditer(event)
                        if not self._negated(event, m.start())
                        for v in _VERSION.findall(m.group(0) + _listed_after(event, m.end()))
                    ),
                ),
            )
        return got[0]

    def faulty_keys(self, event: str) -> frozenset[tuple[int, ...]]:
        """The releases (:func:`_release_key`) an event before the detection names as put
        out: the faulty ones. Memoised per text: asked of every such entry on every lint."""
        got = self._faulty_keys.get(event)
        if got is None:
            found = map(_release_key, [*_put_out_versions(event), *self.released(event)])
            got = self._faulty_keys.put(event, frozenset(found))
        return got

    def released_keys(self, event: str) -> frozenset[tuple[int, ...]]:
        """The releases (:func:`_release_key`) of :meth:`released`, memoised per text."""
        got = self._released_keys.get(event)
        if got is None:
            got = self._released_keys.put(
                event, frozenset(_release_key(v) for v in self.released(event))
            )
        return got

    def _negated(self, text: str, at: int, words: re.Pattern[str] | None = None) -> bool:
        """Is the match at ``at`` cancelled by a negation (or by ``words``: the intentions)
        among the three words before it, in its own clause? A negation that ends an earlier
        sentence or quote of the entry ("users say no reset mail. detected") cancels nothing
        after it."""
        cancel = self.negation if words is None else words
        if cancel is None:
            return False
        head = text[max(0, at - 80) : at]
        before = re.findall(r"[\w'-]+", head)[-3:]
        if not cancel.search(" ".join(before)):
            return False  # the common case, told without looking for clause ends
        cut = max((m.end() for m in _CLAUSE_END.finditer(head)), default=0)
        before = re.findall(r"[\w'-]+", head[cut:])[-3:]
        return bool(cancel.search(" ".join(before)))


#: the milestones that are acts of the responders or their outcome: a decision or an intent
#: to do one is not yet it (:attr:`Words.intention`)
_ACTS = frozenset({"mitigation", "resolution"})


def _phrases(ms: Mapping[str, Any], key: str) -> re.Pattern[str] | None:
    """The pack's phrases under ``key`` of ``[milestones]`` as one whole-word pattern, a
    space matching any white space; None without phrases."""
    got = [str(n) for n in ms.get(key, [])]
    if not got:
        return None
    alt = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in got)
    return re.compile(r"(?i)(?<![\w'])(?:" + alt + r")(?![\w'])")


#: a clitic on a subject ("we're", "Ana's"): the word is read without it
_CLITIC = re.compile(r"['’](?:re|s|m|ve|d|ll)$", re.IGNORECASE)
#: the word just before a subject, one space away
_LAST_WORD = re.compile(r"(?<![\w'’.-])([\w'’.-]+) $")


def _easing(verbs: Iterable[str]) -> re.Pattern[str] | None:
    """The complement that turns an onset verb into a recovery: an optional "to" and
    adverb, then one of ``verbs`` (the pack's ``easing``, as base forms: "drop", "go
    down") in the base or the "-ing" form, the forms an onset verb takes after it ("start
    to drop", "began dropping"). None without verbs."""
    forms: set[str] = set()
    for verb in verbs:
        head, _, rest = verb.strip().lower().partition(" ")
        if not head:
            continue
        tail = r"\s+" + r"\s+".join(map(re.escape, rest.split())) if rest else ""
        forms |= {re.escape(f) + tail for f in _base_and_ing(head)}
    if not forms:
        return None
    alts = "|".join(sorted(sorted(forms), key=len, reverse=True))
    return re.compile(rf"(?i)\s+(?:to\s+)?(?:\w+ly\s+)?(?:{alts})(?![\w-]){_NO_OBJECT}")


#: the easing verb has no object: "errors start to drop" eases, but the incident that
#: "started to drop the orders" (a determiner, possessive or number after the verb) harms
_NO_OBJECT = (
    r"(?!\s+(?:the|a|an|our|their|its|his|her|your|my|this|that|these|those|some|all|every|"
    r"each|any|many|most|several|incoming|\d+\b(?!\s*(?:%|percent|per\s*cent)))\b)"
)


def _base_and_ing(verb: str) -> set[str]:
    """A verb's base and "-ing" forms ("drop", "dropping"; "ease", "easing"; "level",
    "leveling", "levelling"); a form that is no word matches nothing."""
    forms = {verb, verb + "ing", verb + verb[-1] + "ing"}
    if verb.endswith("e") and not verb.endswith("ee"):
        forms.add(verb[:-1] + "ing")
    return forms


def _joined(fam: Mapping[str, Any], key: str) -> re.Pattern[str]:
    """The ``patterns`` of table ``key`` as one case-insensitive alternation (never
    matching when there are none)."""
    tab = fam.get(key, {})
    pats = tab.get("patterns", []) if isinstance(tab, Mapping) else []
    return re.compile("|".join(f"(?:{p})" for p in pats) or "(?!)", re.IGNORECASE)


def _spaced(label: str) -> str:
    """A label lower-cased, its spaces collapsed: the key of its milestone."""
    return " ".join(label.lower().split())


#: a span alone, as a "Time to mitigation" label gives one ("67 minutes", "2 h 10 min",
#: "1.5 hours"); not a span that goes on to tell a target or a plan ("30 minutes target")
_SPAN = re.compile(
    r"(?i)\d+(?:[.,]\d+)?\s*(?:h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?|d|days?)\b"
    r"(?:\s*(?:and\s+)?\d+\s*(?:m|mins?|minutes?|s|secs?|seconds?)\b)?"
    r"(?!\s*(?:target|goal|objective|budget|slo|sla|max(?:imum)?|or (?:less|more))\b)"
)

#: a span after something, as a summary line gives a milestone's time ("8 minutes after
#: the first alarm", "56 hours 35 minutes after start", "2h into the incident")
_SPAN_AFTER = re.compile(
    r"(?i)\d+(?:[.,]\d+)?\s*(?:h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?|d|days?)\b"
    r"(?:\s*(?:and\s+)?\d+\s*(?:m|mins?|minutes?|s|secs?|seconds?)\b)?"
    r"\s+(?:after|from|into|since|later)\b"
)

#: a release's version number ("4.2.1", "v2.0.3")
_VERSION = re.compile(r"\d+\.\d+(?:\.\d+)+")

#: a two-part version put out ("SDK 4.2 published", "released 4.2 to the store"): the
#: release-out patterns read three parts only; before the detection this names the faulty
#: release as well
_PUT_OUT_VERSION = re.compile(
    r"(?i)(?<![\w.])v?(\d+\.\d+)(?![\w.]*\w) (?:(?:is|was|were|has been|gets|got) )?(?:now )?"
    r"(?:published|released|uploaded|shipped|live|out)\b"
    r"|\b(?:publish|releas|ship|upload)(?:es|ed|s|e)? (?:the |a )?(?:release |version )?"
    r"v?(\d+\.\d+)(?![\w.]*\w)"
)

#: more versions listed after a release's ("... 4.2.0 and 4.2.1", "4.2.0, 4.2.1")
_MORE_VERSIONS = re.compile(r"(?:\s*(?:,|and|&|,\s*and)\s*v?\d+\.\d+(?:\.\d+)+(?![\w.]*\w))+")


def _listed_after(event: str, end: int) -> str:
    """The versions listed right after a release's match at ``event[end]``, as text."""
    m = _MORE_VERSIONS.match(event, end)
    return " " + m.group(0) if m else ""


#: an entry that says its release mends the fault
_FIX_WORD = re.compile(r"(?i)\b(?:fix(?:es|ed)?|hotfix|patch(?:ed)?|revert(?:s|ed)?|rollback)\b")


def _put_out_versions(event: str) -> list[str]:
    """The two-part versions an entry puts out ("SDK 4.2 published")."""
    return [a or b for a, b in _PUT_OUT_VERSION.findall(event)]


def _release_key(version: str) -> tuple[int, ...]:
    """A version as numbers without trailing zeros: "4.2" and "4.2.0" are one release."""
    parts = [int(p) for p in re.findall(r"\d+", version)[:3]]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


#: where a clause of an entry ends: a sentence's stop (or a semicolon) before white space,
#: after or before a closing quote ("... no reset mail". detected)
_CLAUSE_END = re.compile(r"[.!?;](?=[\"”’')\]]*(?:\s|$))")


def _zones(pack: RulePack) -> Zones:
    return pack.derived(Zones)


def words(pack: RulePack) -> Words:
    return pack.derived(Words)


# -- extraction --------------------------------------------------------------------------------


@lru(4096)
def _norm_header(s: str) -> str:
    """A header cell's text, lower-cased, without parentheses and punctuation (a pure
    function of the text, memoised: every table's header, every lint)."""
    s = re.sub(r"\([^)]*\)", " ", s.lower())
    return re.sub(r"\s+", " ", re.sub(r"[^\w/ ]+", " ", s)).strip()


@lru(16)
def handling_heading(pack: RulePack) -> re.Pattern[str]:
    """A heading that names a timeline kept for the incident's handling ("6. Notification
    timeline (72-hour window)"): the pack's ``handling-timelines`` words before "timeline"
    at its start. Such a section is no Timeline part by name, since a schedule of notices
    may mark no detection or mitigation, but its times are still a timeline's."""
    alt = "|".join(re.escape(w) for w in pack.words(FAMILY, "handling-timelines")) or "(?!)"
    return re.compile(rf"^\W*(?:\d+(?:\.\d+)*[.)]?\s+)?(?:{alt})\s+time-?lines?\b", re.I)


#: the longest step back between two sentences of a prose timeline that PM502 reports: a
#: slip of the writer ("At 06:15 ... At 06:05 ..."); a longer one may be a night the story
#: passed over or a look back, which a sentence does not date
PROSE_BACK = dt.timedelta(hours=1)

#: how many sentences of a region must open with their time for the region to be read as
#: a timeline told in prose (:meth:`_Extractor._prose`)
PROSE_ENTRIES = 3

#: how many items of one list level, opening with their time, make a section read as the
#: timeline in a document that names none (:meth:`_Extractor._time_led_regions`)
TIME_LED_ITEMS = 3


@lru(16)
def prose_opener(pack: RulePack) -> re.Pattern[str]:
    """The words that open a sentence of a prose timeline before its time ("At about ",
    "By ", "On Friday at "): the pack's ``prose-openers``, then its ``prose-hedges``. "On"
    takes up to four words of a day before "at" ("On Thursday 19 September at")."""
    ops = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in pack.words(FAMILY, "prose-openers"))
    hedges = "|".join(re.escape(w) for w in pack.words(FAMILY, "prose-hedges")) or "(?!)"
    return re.compile(
        rf"(?:{ops or '(?!)'})\s+(?:(?<=on\s)(?:[\w,]+\s+){{0,4}}?at\s+)?(?:(?:{hedges})\s+)?",
        re.IGNORECASE,
    )


def timeline_regions(
    doc: PostmortemDoc, vocabulary: Vocabulary | None, handling: re.Pattern[str] | None = None
) -> list[tuple[Span, Span, Section | None]]:
    """(region, anchor, section): outermost timeline sections and timeline label regions;
    with none, the outermost sections whose heading matches ``handling``
    (:func:`handling_heading`), else a chat thread's sections."""
    from pm_lsp.rules.actions.items import labelled_regions

    out: list[tuple[Span, Span, Section | None]] = []
    for s in doc.sections:
        if s.canonical == "timeline" and not any(a.canonical == "timeline" for a in s.ancestors()):
            out.append((s.body, s.title_span, s))
    if vocabulary is not None:
        for label, span, sec in labelled_regions(doc):
            if any(r.start <= span.start < r.end for r, _, _ in out):
                continue
            if vocabulary.canonical_section(label) == "timeline":
                lab = re.search(re.escape(label), doc.text[max(0, span.start - 200) : span.start])
                a = max(0, span.start - 200) + lab.start() if lab else span.start
                out.append((span, Span(a, a + len(label) if lab else span.start), sec))
    if not out and handling is not None:  # a timeline kept for the incident's handling
        out.extend(
            (s.body, s.title_span, s)
            for s in doc.sections
            if handling.search(s.title) and not any(handling.search(a.title) for a in s.ancestors())
        )
    if not out:  # no timeline by name: a chat thread pasted under another heading
        out.extend((s.body, s.title_span, s) for s in _thread_sections(doc))
    out.sort(key=lambda r: r[0].start)
    return out


def _thread_sections(doc: PostmortemDoc) -> list[Section]:
    """The sections whose own paragraphs and list items (not quotes) hold a chat thread:
    at least :data:`~pm_lsp.rules.timeline.chat.THREAD_LINES` messages, lines that open
    with a time and a speaker or a speaker's name and time over the message
    (:mod:`pm_lsp.rules.timeline.chat`). Asked only of a document with no timeline by
    name."""
    from pm_lsp.rules.timeline.chat import THREAD_LINES, chat_header, chat_lines, thread_lines

    chats: dict[int, int] = {}
    speakers: dict[int, list[str]] = {}
    sections: dict[int, Section] = {}
    for b in doc.blocks:
        if b.kind not in ("paragraph", "list_item") or b.in_quote or b.section is None:
            continue
        raw = doc.text[b.start : b.end]
        key = id(b.section)
        sections[key] = b.section
        chats[key] = chats.get(key, 0) + chat_lines(raw)
        head = chat_header(raw)
        if head is not None:
            speakers.setdefault(key, []).append(head[0])
    return [
        sec
        for key, sec in sections.items()
        if thread_lines(chats[key], speakers.get(key, ())) >= THREAD_LINES
    ]


@dataclass
class _State:
    date: dt.date | None = None  # current explicit date
    shift: int = 0  # rollover days since that date
    prev: Entry | None = None
    #: indices into the extractor's entries of those before the first date
    undated: list[int] = field(default_factory=list)
    backdate: dt.date | None = None  # first date seen in a heading: applied at the next time
    #: the date a lead-in declares for the entries that carry none ("All times UTC,
    #: 1 May 2025 unless noted"): an entry dated otherwise is an exception, not a new day
    default: dt.date | None = None
    status: str | None = None  # the status word of the heading above ("### Monitoring")


#: a region read on its own (:meth:`_Extractor._read_region`): its entries relative to where
#: it starts, the zone it declares (zone, start, end, relative) and whether it set a date
_ReadRegion = tuple[tuple["Entry", ...], tuple[str, int, int] | None, bool, frozenset[str]]


def _moved(e: Entry, delta: int, region: int) -> Entry:
    """``e`` with its offsets moved by ``delta``, in region ``region``."""
    return _changed(
        e,
        start=e.start + delta,
        end=e.end + delta,
        event_start=e.event_start + delta,
        event_end=e.event_end + delta,
        region=region,
        suffix=(e.suffix[0] + delta, e.suffix[1] + delta) if e.suffix else None,
    )


def _changed(e: Entry, **fields: Any) -> Entry:
    """``e`` with ``fields`` changed, as ``dataclasses.replace`` gives it, built from the
    entry's field dictionary: every entry of a region an edit moved is moved and put on the
    clock again on every lint, and ``replace`` (which passes all twenty fields through
    ``__init__`` and its frozen ``__setattr__``) cost a third of reading the region anew.
    An entry checks nothing on construction, so nothing is skipped."""
    changed = object.__new__(Entry)
    changed.__dict__.update(e.__dict__, **fields)
    return changed


class _Extractor:
    def __init__(self, doc: PostmortemDoc, pack: RulePack, vocabulary: Vocabulary | None) -> None:
        self.doc = doc
        self.w = words(pack)
        self.z = self.w.zones
        self.vocab = vocabulary
        self.pack = pack
        self.handling = handling_heading(pack)
        self.entries: list[Entry] = []
        self.state = _State()
        meta = doc.field("date")
        self.year: int | None = None  # for dates written without one ("Oct 30")
        #: the document's Date field: the day of an undated timeline's clock (daylight saving)
        self.doc_date: dt.date | None = None
        if meta is not None:
            from pm_lsp.parse.values import parse_date

            self.doc_date = parse_date(meta.value)
            self.year = self.doc_date.year if self.doc_date else None
        #: numeric dates that read either way ("07-10-2021") are read day first
        self.dayfirst = day_first(doc.masked, self.w.numeric_dates, _section_cuts(doc))
        self.region = 0
        self.zone: str | None = None
        self.zone_span: Span | None = None
        self.dated = False
        #: milestones labelled in summary lines of the regions read (:meth:`Words.stated`)
        self.stated: set[str] = set()
        #: set while re-reading a 12-hour timeline: the first time written with AM/PM
        self.clock12: dt.time | None = None
        #: set while re-reading a region that mixes the two clocks: the offsets of the bare
        #: times read in the afternoon (:func:`afternoon_bare`)
        self.afternoon: frozenset[int] = frozenset()
        #: the first day of the week written on an entry since the last date, and the day
        #: the timeline's clock put that entry on (see :meth:`_weekday_shift`)
        self.weekday_ref: tuple[int, dt.date] | None = None
        #: the region being read is written on the four-digit clock (:meth:`_bare_clock`)
        self.bare = False
        #: the region being read keeps two clocks or more on its zoned entries, and an entry
        #: without a zone is on none known (:meth:`_clockless_among_two`)
        self.mixed = False

    # -- zones --------------------------------------------------------------------------------
    def _declare(self, text: str, base: int, *, bare: bool) -> None:
        if self.zone is not None:
            return
        for p in self.z.declarations:
            m = p.search(text)
            if m is not None:
                self.zone, self.zone_span = (
                    m.group("zone"),
                    Span(base + m.start("zone"), base + m.end("zone")),
                )
                return
        if bare:
            m = self.z.token.search(text)
            if m is not None and not _OWN_CLOCK.search(text, 0, m.end()):
                self.zone, self.zone_span = m.group(0), Span(base + m.start(), base + m.end())

    # -- dates --------------------------------------------------------------------------------
    def _set_date(self, d: dt.date, year_given: bool, first_time: dt.time | None = None) -> None:
        if not year_given and self.state.date is not None:
            d = d.replace(year=self.state.date.year)
        if self.state.date is None and self.state.undated:
            if first_time is None:
                self.state.backdate = d
            else:
                self._backdate(d, first_time)
        self.state.date, self.state.shift = d, 0
        self.dated = True
        self.weekday_ref = None

    def _backdate(self, d: dt.date, first_time: dt.time | None) -> None:
        """Entries written before the first date get that date, or the day before when the
        last of them is later in the day than the first dated entry (23:50, then
        "### 2025-03-15", then 00:10)."""
        state, entries = self.state, self.entries
        undated = state.undated
        last = entries[undated[-1]]
        base = d
        if first_time is not None and last.time is not None and last.when.time() > first_time:
            base = d - dt.timedelta(days=1 + last.shift)
        else:
            base = d - dt.timedelta(days=last.shift)
        for i in undated:
            e = entries[i]
            when = dt.datetime.combine(base + dt.timedelta(days=e.shift), e.when.time())
            off = self.z.offset(e.zone or self.zone)
            moved = replace(e, when=when, utc=when - off if off is not None else None)
            if state.prev is e:
                state.prev = moved
            entries[i] = moved
        undated.clear()
        self.state.backdate = None

    def _to_default(self) -> bool:
        """Put an undated entry back on the date the lead-in declared ("All times UTC,
        1 May 2025 unless noted") when the entries before it were dated earlier as
        exceptions ("2025-04-29 15:20 release deployed", then "00:04 first failures"):
        the writer said which day an undated time is on, so no rollover from the
        exception moves it. True when it was put back."""
        state = self.state
        if state.default is None or state.date is None:
            return False
        if state.date + _days(state.shift) >= state.default:
            return False
        state.date, state.shift = state.default, 0
        return True

    def _year(self) -> int | None:
        return self.state.date.year if self.state.date else self.year

    def _weekday_shift(self, weekday: int) -> int | None:
        """The rollover days for an entry written on a day of the week ("Sat 05:35"), or
        None when no earlier entry gave one to count from.

        The day of the week says when the day changed, so it replaces the rollover guess:
        "Fri 22:15", "Sat 05:50", "Sat 05:35" is a step back of a quarter of an hour on
        Saturday, not a third day. Days are counted from the first entry that wrote one,
        on the day the clock put it (the calendar of a date written without a year, or of
        no date at all, cannot be trusted); the entry goes on the day with that name from
        one day before the previous entry (written out of order) to five days after."""
        ref = self.weekday_ref
        prev = self.state.prev
        if ref is None or prev is None:
            return None
        ref_day, prev_day = ref[1], prev.when.date()
        for step in range(-1, 6):
            day = prev_day + _days(step)
            if (ref[0] + (day - ref_day).days) % 7 == weekday:
                return (day - (self.state.date or UNDATED)).days
        return None

    # -- entries ------------------------------------------------------------------------------
    def _add(
        self,
        st: Stamp,
        base: int,
        ev_start: int,
        ev_end: int,
        source: Source,
        date: dt.date | None = None,
        date_given: bool = True,
        status: str | None = None,
    ) -> Entry:
        """Add one entry to the timeline being built: its stamp read on the timeline's clock
        (date carried over, 12-hour reading, day rollover) and its milestone.

        Kept in one piece: the clock state (current date, 12-hour mode, previous time) is
        updated by each step in order; as one function the state changes stay visible side by
        side."""
        doc = self.doc
        state = self.state
        own_date = st.date if st.date is not None else date
        given = st.year_given if st.date is not None else date_given
        rolled = False
        t = st.time
        inferred = False
        clockless = self.mixed and t is not None and st.zone is None and self.zone is None
        if self.clock12 is not None and t is not None and not st.ampm and 1 <= t.hour <= 12:
            ref = state.prev.when.time() if state.prev is not None else None
            t = half_day(t, ref, self.clock12)
            inferred = True
        elif t is not None and base + st.start in self.afternoon:
            t, inferred = t.replace(hour=t.hour + 12), True
        if state.backdate is not None and t is not None and own_date is None:
            self._backdate(state.backdate, t)
        if own_date is not None:
            self._set_date(own_date, given, t)
            own_date = state.date
        elif (
            t is not None
            and not self._to_default()
            and state.prev is not None
            and (st.clash != "contradictory")
            and not clockless
        ):
            prev = state.prev.when
            cur = dt.datetime.combine((state.date or UNDATED) + _days(state.shift), t)
            back = prev - cur
            shift = None if st.weekday is None else self._weekday_shift(st.weekday)
            across = None if shift is not None else self._across_clocks(state.prev, t, st.zone)
            if shift is not None:
                rolled, state.shift = shift > state.shift, shift
            elif across is not None:
                rolled, state.shift = across
            elif _rolls(prev, t, back):
                state.shift += 1
                rolled = True
        day = (state.date or UNDATED) + _days(state.shift)
        if own_date is None and st.weekday is not None and self.weekday_ref is None:
            self.weekday_ref = (st.weekday, day)
        when = dt.datetime.combine(day, t or _MIDNIGHT)
        zone = st.zone or self.zone
        off = self.z.offset(zone)
        event = doc.masked[ev_start:ev_end]
        entry = Entry(
            start=base + st.start,
            end=base + st.end,
            event_start=ev_start,
            event_end=max(ev_start, ev_end),
            event=event,
            label=doc.text[base + st.start : base + st.end],
            date=own_date,
            time=t,
            zone=st.zone,
            when=when,
            utc=when - off if off is not None else None,
            rolled_over=rolled,
            source=source,
            milestones=self.w.classify(event) | _MARKED_AS[self.w.marked(event)],
            administrative=self.w.administrative(event),
            markers=self.w.marked(event),
            status=status or self.w.status_of(event) or state.status,
            region=self.region,
            shift=state.shift,
            ampm=st.ampm,
            ampm_inferred=inferred,
            clash=st.clash,
            suffix=(base + st.suffix[0], base + st.suffix[1]) if st.suffix else None,
            clockless=clockless,
        )
        if state.date is None:
            state.undated.append(len(self.entries))
        self.entries.append(entry)
        # "23:00 AM", or a time on no known clock, is no reference for the next rollover
        if entry.measurable:
            state.prev = entry
        return entry

    def _across_clocks(self, prev: Entry, t: dt.time, zone: str | None) -> tuple[bool, int] | None:
        """Whether the day rolls over at ``t`` (written in ``zone``, else the declared one)
        and the rollover days it then lies on, when ``prev`` is written on another known
        clock: the step is judged on ``t``'s clock, ``prev`` read on it, so "18:11 UTC"
        then "10:16 PST" is five minutes later, not eight hours back over a night, and
        "21:30 UTC" then "03:20 IST" is on the next day of the IST clock while a "22:35
        UTC" after it is back on the first. Of the readings daylight saving leaves open,
        the earliest (the smallest step back). None when either clock is unknown or the
        two are one: the rollover is judged as written."""
        mine, theirs = zone or self.zone, prev.zone or self.zone
        if mine is None or theirs is None or self.z.family(mine) == self.z.family(theirs):
            return None
        dated = self.state.date is not None
        day = prev.when.date() if dated else None
        own = self.z.readings(mine, day, t)
        other = self.z.readings(theirs, day, prev.when.time())
        if own is None or other is None:
            return None
        seen = on_clock(prev.when, other, own)[0]
        rolled = _rolls(seen, t, seen - dt.datetime.combine(seen.date(), t))
        landed = seen.date() + _days(1 if rolled else 0)
        return rolled, (landed - (self.state.date or UNDATED)).days

    def run(self) -> Timeline:
        doc = self.doc
        regions = timeline_regions(doc, self.vocab, self.handling)
        inferred = not regions
        if inferred:
            regions = self._time_led_regions()
        # A declaration anywhere in the prose counts: the first block matching the first
        # pattern that matches any block.
        best: tuple[int, str, int, int] | None = None
        for b in doc.prose_blocks():
            found = self.z.declared(b.text)
            if found and (best is None or found[0][0] < best[0]):
                i, zone, a, e = found[0]
                best = (i, zone, b.start + a, b.start + e)
                if i == 0:
                    break  # the first pattern, in the first block: nothing can be better
        if best is not None:
            self.zone, self.zone_span = best[1], Span(best[2], best[3])
        for n, (region, anchor, sec) in enumerate(regions):
            mark, saved = len(self.entries), (self.zone, self.zone_span, self.dated)
            self.clock12 = None
            lead = anchor if sec is None or anchor != sec.title_span else None
            self._whole_region(n, region, sec, lead)
            clock12 = twelve_hour_anchor(self.entries[mark:])
            if clock12 is not None:
                # A 12-hour timeline with times written without AM/PM: read it again, now
                # that the clock is known (the stamps and milestones are memoised, so the
                # second pass costs little; it happens only for such timelines).
                del self.entries[mark:]
                self.zone, self.zone_span, self.dated = saved
                self.clock12 = clock12
                self._whole_region(n, region, sec, lead)
                self.clock12 = None
        implied = self.zone is None
        if implied:
            self.zone = self._implied_zone(self.entries)
        implied = implied and self.zone is not None
        entries = self._fixed_releases(self._status_page(self._clocked(self.entries)))
        if self.zone is None and entries and all(e.zone for e in entries if e.time):
            zs = {e.zone for e in entries if e.time}
            if len(zs) == 1:
                self.zone = zs.pop()
        return Timeline(
            entries=tuple(entries),
            zone=self.zone,
            zone_span=self.zone_span,
            regions=tuple((r, a) for r, a, _ in regions),
            dated=self.dated,
            stated=frozenset(self.stated),
            metrics=compute_metrics(entries),
            implied=implied,
            asks_milestones=not inferred
            and not any(
                sec is not None
                and a == sec.title_span
                and sec.canonical != "timeline"
                and self.handling.search(sec.title)
                for _, a, sec in regions
            ),
        )

    def _time_led_regions(self) -> list[tuple[Span, Span, Section | None]]:
        """In a document with no timeline by name, the sections whose list is one of
        steps told by their time ("1. 07:45 - lifts open ...") under a heading that names
        no timeline ("What happened", "How the morning went"): at least
        :data:`TIME_LED_ITEMS` items of one level open with a clock time, two in three of
        that level's items, one of them telling a milestone (the harm starting, its
        detection, a mitigation...). Such a list is the incident's timeline as its writer
        kept it, and the zone, the order and a stated duration are checked on it as on one
        named; a list with a time here and there (steps, actions, notes) is none, nor a
        schedule ("10:00 standup with the export team") that tells no milestone. Only the
        section's own text is read, up to its next heading."""
        led: dict[tuple[int, int], list[bool]] = {}
        told: set[tuple[int, int]] = set()
        sections: dict[int, Section] = {}
        seen: set[int] = set()
        for b in self.doc.blocks:
            if b.kind != "list_item" or b.in_quote or b.section is None:
                continue
            item = b.start if b.item_start is None else b.item_start
            if item in seen:
                continue  # a later paragraph of the same item
            seen.add(item)
            sections[id(b.section)] = b.section
            text = self.doc.masked[b.start : b.end]
            line = text.split("\n", 1)[0]
            st = self._stamp(line)
            timed = st is not None and st.time is not None and bool(_SEP.match(line, st.end))
            level = (id(b.section), b.list_depth)
            led.setdefault(level, []).append(timed)
            if st is not None and timed and self.w.classify(text[st.end :]):
                told.add(level)
        keys = {
            level[0]
            for level, flags in led.items()
            if level in told and sum(flags) >= TIME_LED_ITEMS and 3 * sum(flags) >= 2 * len(flags)
        }
        return [(sec.content, sec.title_span, sec) for key, sec in sections.items() if key in keys]

    def _implied_zone(self, entries: list[Entry]) -> str | None:
        """The zone a timeline that declares none keeps by writing it after every time,
        when a few of its times are written in another ("26 Feb 13:02 CET" among a
        dozen "... UTC" rows): the zone of at least three entries and of at least twice as
        many as all the others together, so the others are read as written on another
        clock. Only when every timed entry names its zone: an entry without one would be
        put on a clock nobody declared."""
        timed = [e for e in entries if e.time is not None]
        if not timed or any(e.zone is None for e in timed):
            return None
        by_family: dict[str, list[str]] = {}
        for e in timed:
            by_family.setdefault(self.z.family(e.zone or ""), []).append(e.zone or "")
        if len(by_family) < 2:
            return None
        most = max(by_family.values(), key=len)
        if len(most) < _IMPLIED_MIN or len(most) < 2 * (len(timed) - len(most)):
            return None
        return max(set(most), key=most.count)

    def _status_page(self, entries: list[Entry]) -> list[Entry]:
        """The entries, each posted under a status word given that word's milestone
        ("Investigating" a detection, "Identified" the diagnosis, "Monitoring" a
        mitigation, "Resolved" the resolution) when the timeline is written as status
        updates: at least two status words, the first of them one a thread of updates
        opens with (the last, when the updates are listed newest first, as a status page
        lists them). A lone "Monitoring:" label in another timeline ("Monitoring: disk
        alert on db-2") names where a signal came from, not a mitigation."""
        posted = [e.status for e in entries if e.status]
        opening = self.w.status_opening
        if len(set(posted)) < 2 or (posted[0] not in opening and posted[-1] not in opening):
            return entries
        out = []
        for e in entries:
            name = self.w.status_milestone.get(e.status) if e.status else None
            if name is not None and name not in e.milestones:
                e = replace(e, milestones=e.milestones | {name})
            out.append(e)
        return out

    def _fixed_releases(self, entries: list[Entry]) -> list[Entry]:
        """The entries, a release put out after the first detection ("4.2.1 published")
        read as a mitigation: the faulty release went out before anyone noticed it, the one
        put out once the problem was known is the fix (a package, an app or firmware is
        mended by shipping a new version). A version put out before the detection is the
        faulty release ("4.2.0 is out on every mirror"), never the fix. One pass,
        the event's reading memoised."""
        out: list[Entry] = []
        seen = False
        faulty: set[tuple[int, ...]] = set()
        for e in entries:
            if not seen:
                faulty.update(self.w.faulty_keys(e.event))
            if seen and "mitigation" not in e.milestones and self._fixes(e.event, faulty):
                e = replace(e, milestones=e.milestones | {"mitigation"})
            seen = seen or "detection" in e.milestones
            out.append(e)
        return out

    def _fixes(self, event: str, faulty: set[tuple[int, ...]]) -> bool:
        """Does the event, after the detection, put out a release that mends the fault? One
        not named as faulty before; and when none was, one that says it fixes or a patch
        release ("4.2.1"): a first "4.2.0 is now live ..., so installs fail" is the faulty
        release told late, not its fix."""
        keys = self.w.released_keys(event)
        if not keys or keys <= faulty:
            return False
        return (
            bool(faulty)
            or _FIX_WORD.search(event) is not None
            or any(len(k) == 3 and k[2] > 0 for k in keys - faulty)
        )

    def _season(self, entries: list[Entry]) -> int | None:
        """The daylight-saving season the timeline's written abbreviations agree on: "6:45
        AM PST" among Eastern times makes them Eastern standard time, and so does "Eastern
        (EST)" in the declaration (see :meth:`Zones.season`)."""
        written = [e.zone for e in entries if e.zone]
        if self.zone_span is not None:
            m = _PAREN_ZONE.match(self.doc.text, self.zone_span.end)
            if m is not None:
                written.append(m.group(1))
        return self.z.season(written)

    def _day(self, e: Entry) -> dt.date | None:
        """The calendar day of ``e``: its own (the timeline is dated), else the document's
        Date field moved by the entry's rollover days, else None."""
        day = e.when.date()
        if day.year != UNDATED.year:
            return day
        return self.doc_date + (day - UNDATED) if self.doc_date is not None else None

    def _clocked(self, entries: list[Entry]) -> list[Entry]:
        """The entries, each read on a clock. One in a daylight-saving zone ("All times
        Eastern", an entry's "9:31 AM PT") gets a UTC time from its day (the entry's date,
        else the document's), else from the season the timeline's abbreviations agree on;
        without either it keeps none and is compared as written. Under a declared zone each
        timed entry also gets its time on that zone's clock (``frame``), and one written in
        another zone is marked ``foreign``, so PM502 orders it in one clock and PM501 can
        show the reader the mix."""
        if not any(e.time is not None for e in entries):
            return entries
        season = self._season(entries)
        return [self._on_clock(e, season) for e in entries]

    def _on_clock(self, e: Entry, season: int | None) -> Entry:
        """``e`` with its UTC time (when its zone's clock tells it), its time on the
        declared zone's clock, and whether it is written in another zone."""
        t = e.time
        if t is None:
            return e
        day, declared = self._day(e), self.zone
        zone = e.zone or declared
        own = self.z.readings(zone, day, t, season) if zone is not None else None
        off = exact(own)
        if e.utc is None and off is not None:
            e = _changed(e, utc=e.when - off)
        if declared is None:
            return e
        if e.zone is None or self.z.family(e.zone) == self.z.family(declared):
            return _changed(e, frame=(e.when, e.when))
        home = self.z.readings(declared, day, t, season)
        frame = on_clock(e.when, own, home) if own is not None and home is not None else None
        same = frame is not None and frame[0] == frame[1] == e.when
        return _changed(e, frame=frame, foreign=not same)

    def _whole_region(self, n: int, region: Span, sec: Section | None, lead: Span | None) -> None:
        """Extract the entries of region ``n``, its heading (or ``lead``, the label line that
        opens a label region: "Timeline (UTC):") included.

        A region is read on its own: the clock state starts afresh, and what it inherits
        from the regions before it (the declared zone) and from the document (the year,
        day-first dates, the 12-hour reading) is in the key of its memo, with its text and
        the shape of its blocks and tables, relative to where it starts. So a region an
        edit did not touch is not read again (only moved), wherever the edit was."""
        items = self._items(region)
        lo, key = self._region_key(region, sec, items, lead)
        got = self.w.regions.get(key)
        if got is None:
            got = self.w.regions.put(key, self._read_region(sec, items, lo, lead))
        entries, zone, dated, stated = got
        self.stated |= stated
        self.entries.extend(_moved(e, lo, n) for e in entries)
        if zone is not None and self.zone is None:
            self.zone, self.zone_span = zone[0], Span(zone[1] + lo, zone[2] + lo)
        self.dated = self.dated or dated

    def _region_key(
        self,
        region: Span,
        sec: Section | None,
        items: list[tuple[int, Block | Table]],
        lead: Span | None,
    ) -> tuple[int, Hashable]:
        """Where the region's memo key is relative to, and the key: the source and masked
        text from the heading's title (or the lead-in label) to the end of the last item,
        the title's, label's and items' places in it, and what the region inherits."""
        doc = self.doc
        lo, hi = region.start, region.end
        if sec is not None:
            lo = min(lo, sec.title_span.start)
        if lead is not None:
            lo = min(lo, lead.start)
        for _, item in items:
            hi = max(hi, item.end)
        shape: list[Hashable] = []
        for start, item in items:
            if isinstance(item, Table):
                rows = [item.header, *item.rows]
                cells = tuple(tuple((c.start - lo, c.end - lo) for c in row) for row in rows)
                shape.append((start - lo, cells))
            else:
                shape.append((item.kind, start - lo, item.end - lo))
        title = None
        if sec is not None:
            title = (sec.title_span.start - lo, sec.title_span.end - lo)
        label = None if lead is None else (lead.start - lo, lead.end - lo)
        inherited = (self.year, self.dayfirst, self.zone, self.clock12)
        return lo, (doc.text[lo:hi], doc.masked[lo:hi], tuple(shape), title, label, inherited)

    def _read_region(
        self,
        sec: Section | None,
        items: list[tuple[int, Block | Table]],
        lo: int,
        lead: Span | None,
    ) -> _ReadRegion:
        """The region's entries (offsets relative to ``lo``, region 0), the zone it
        declares (when none was declared before it), and whether it set a date. A label
        region's label line is its heading: "Timeline (UTC):" declares the zone as
        "## Timeline (UTC)" does."""
        outer = self.entries, self.zone, self.zone_span, self.dated, self.stated
        self.entries, self.dated, self.region, self.stated = [], False, 0, set()
        weekday_ref = self.weekday_ref
        try:
            self._read_items(sec, items, lead)
            if self._clockless_among_two():
                # read again, now that an entry without a zone is known to be on no clock
                self.entries, self.dated, self.stated = [], False, set()
                self.weekday_ref, self.mixed = weekday_ref, True
                self._read_items(sec, items, lead)
            later = afternoon_bare(self.entries)
            if later:
                # read again, the bare times that continue an afternoon on the 12-hour clock
                self.entries, self.dated, self.stated = [], False, set()
                self.weekday_ref, self.afternoon = weekday_ref, later
                self._read_items(sec, items, lead)
            zone: tuple[str, int, int] | None = None
            if outer[1] is None and self.zone is not None and self.zone_span is not None:
                zone = (self.zone, self.zone_span.start - lo, self.zone_span.end - lo)
            entries = tuple(_moved(e, -lo, 0) for e in self.entries)
            return entries, zone, self.dated, frozenset(self.stated)
        finally:
            self.entries, self.zone, self.zone_span, self.dated, self.stated = outer
            self.bare = self.mixed = False
            self.afternoon = frozenset()

    def _read_items(
        self, sec: Section | None, items: list[tuple[int, Block | Table]], lead: Span | None
    ) -> None:
        """Read the region's heading, lead-in label and items into ``self.entries``, the
        clock state started afresh."""
        self.state = _State()
        self.bare = self._bare_clock(items)
        if sec is not None:
            title = self.doc.masked[sec.title_span.start : sec.title_span.end]
            self._declare(title, sec.title_span.start, bare=True)
            # a heading may declare the entries' day as a lead-in line does ("Main
            # events (CEST, 9 June unless noted)")
            default = self.z.date_default.search(title) is not None
            self._date_in(title, sec.title_span.start, lead_in=default)
        if lead is not None:
            self._declare(self.doc.masked[lead.start : lead.end], lead.start, bare=True)
        self._region(items)
        if not self.entries:
            self._prose(items)
        if self.state.backdate is not None:
            self._backdate(self.state.backdate, None)

    def _clockless_among_two(self) -> bool:
        """Does the region just read declare no zone, write one on most of its times, those
        zones keeping two clocks or more ("PST" rows and "UTC" rows), and leave a time
        without one? That time's clock is unknown: reading it on its neighbour's clock
        would roll the day over on the step between the clocks (a PST time after a UTC
        one looks eight hours earlier). A region whose bare times are half or more keeps
        them on one clock of their own, the zoned rows being the exceptions."""
        if self.zone is not None:
            return False
        timed = [e for e in self.entries if e.reliable]
        zoned = [e for e in timed if e.zone]
        if len(zoned) == len(timed) or len(zoned) * 2 <= len(timed):
            return False
        return len({self.z.family(e.zone or "") for e in zoned}) >= 2

    def _prose(self, items: list[tuple[int, Block | Table]]) -> None:
        """A region with no entry of another form, told as prose: each sentence of its
        paragraphs that opens with its time (:func:`prose_opener`) is an entry, when at
        least :data:`PROSE_ENTRIES` do. Fewer are remarks with a time in them ("At 09:00
        the incident was closed."), not a timeline."""
        opener = prose_opener(self.pack)
        found: list[tuple[Stamp, int, int, int]] = []
        for _, item in items:
            if isinstance(item, Table) or item.kind != "paragraph" or item.in_quote:
                continue
            text = self.doc.masked[item.start : item.end]
            for a, e in sentence_spans(text):
                m = opener.match(text, a, e)
                st = self._stamp(text[m.end() : e]) if m is not None else None
                if m is None or st is None or st.time is None:
                    continue
                sep = _SEP.match(text, m.end() + st.end, e)
                if sep is None:
                    continue  # "At 0615h" or a number glued to a word
                found.append((st, item.start + m.end(), item.start + sep.end(), item.start + e))
        if len(found) >= PROSE_ENTRIES:
            for st, base, ev, end in found:
                self._add(st, base, ev, end, "prose")

    def _date_in(self, text: str, base: int, *, lead_in: bool = False) -> None:
        """A date anywhere in a heading or declaration line sets the current date; one a
        lead-in line declares ("Times are UTC on 2025-05-01") is also the date of the
        entries written without one (:meth:`_to_default`)."""
        for m in _DATE_ANYWHERE.finditer(text):
            got = _date_at(text, m.start(), self._year(), self.dayfirst)
            if got is not None:
                self._set_date(got[0], got[2])
                if lead_in and not self.entries:
                    self.state.default = self.state.date
                return

    def _items(self, region: Span) -> list[tuple[int, Block | Table]]:
        """The tables and the paragraphs, list items and headings of a region, in order."""
        doc = self.doc
        items: list[tuple[int, Block | Table]] = []
        for t in doc.tables_between(region.start, region.end):
            items.append((t.start, t))
        for b in doc.blocks_between(region.start, region.end):
            if b.kind in ("paragraph", "list_item", "heading"):
                items.append((b.start, b))
        items.sort(key=lambda x: x[0])
        return items

    def _region(self, items: list[tuple[int, Block | Table]]) -> None:
        pending: Stamp | None = None  # a time heading waiting for its event paragraph
        pending_base = 0
        for _, item in items:
            if isinstance(item, Table):
                pending = None
                self._table(item)
                continue
            assert isinstance(item, Block)
            if item.kind == "heading":
                pending = None
                self.state.status = self.w.status_of(self.doc.masked[item.start : item.end])
                res = self._heading(item)
                if res is not None:
                    pending, pending_base = res
                continue
            if pending is not None:
                self._add(pending, pending_base, item.start, item.end, "heading")
                pending = None
                continue
            self._block(item)

    def _heading(self, b: Block) -> tuple[Stamp, int] | None:
        doc = self.doc
        text = doc.masked[b.start : b.end]
        st = self._stamp(text)
        if st is None:
            self._declare(text, b.start, bare=True)
            return None
        rest = _SEP.match(text, st.end)
        ev = rest.end() if rest else st.end
        if st.time is None:
            self._set_date(st.date or UNDATED, st.year_given)
            return None
        if text[ev:].strip():
            self._add(st, b.start, b.start + ev, b.end, "heading")
            return None
        return st, b.start

    def _block(self, b: Block) -> None:
        doc = self.doc
        text = doc.masked[b.start : b.end]
        source: Source = "list" if b.kind == "list_item" else "paragraph"
        lines = [m.span() for m in _LINE.finditer(text)]
        if lines and self._status_entry(b, text, lines, source):
            return
        if len(lines) > 1 and self._chat_header(b, text, lines, source):
            return
        if b.kind == "list_item":
            lines = lines[:1]
        matched = False
        for n, (a, e) in enumerate(lines):
            if n > 0 and not matched:
                break  # later lines of a prose paragraph are not entries
            line = text[a:e]
            st = self._stamp(line)
            if st is not None and (st.time is not None or st.date is not None):
                rest = line[st.end :]
                sep = _SEP.match(line, st.end)
                if rest.strip() and sep is None:
                    st = None  # "2025-03-14T" or a number glued to a word
                elif not rest.strip(" \t.:,-–—") and st.time is None:
                    self._set_date(st.date or UNDATED, st.year_given)  # a date-only line
                    matched = True
                    continue
            if st is not None:
                ev = st.end + (sep.end() - st.end if sep else 0)
                ev_end = b.end if b.kind == "list_item" else b.start + e
                self._add(st, b.start + a, b.start + a + ev, ev_end, source)
                matched = True
                continue
            lab = self._labelled(line)
            if lab is not None:
                st, label_end = lab
                self._add(st, b.start + a, b.start + a, b.start + a + label_end, "label")
                matched = True
        if not matched:
            # a short line, or a lead-in to the entries ("Timeline, Berlin time (CET):"),
            # states the zone with the zone word alone
            lead_in = text.rstrip().endswith(":")
            self._declare(text, b.start, bare=lead_in or len(text.split()) <= 6)
            if len(text) < 120:
                self._date_in(text, b.start, lead_in=bool(self.z.date_default.search(text)))
            self.stated |= self.w.stated(text, self.z, self._year(), self.dayfirst)

    def _status_entry(
        self, b: Block, text: str, lines: list[tuple[int, int]], source: Source
    ) -> bool:
        """A status update whose stamp comes after its status word: on its line
        ("Investigating (14:07 UTC): we are looking into ...") or alone on the next line
        ("Resolved - all held emails went out." over "Mar 3, 11:30 UTC", as a status page
        lists its history). Adds the entry and says so; False when the block is none."""
        a, e = lines[0]
        head = self.w.status_head(text[a:e])
        if head is None:
            return False
        word, at = head
        year, dayfirst = self._year(), self.dayfirst
        st = parse_stamp(text[a:e], at, zones=self.z, year=year, dayfirst=dayfirst)
        if st is not None and st.time is not None:
            sep = _STATUS_SEP.match(text, a + st.end, e)
            ev = sep.end() if sep else a + st.end
            if not text[ev:e].strip():
                return False  # "Resolved: 14:30" alone is a label and its time (_labelled)
            ev_end = b.end if b.kind == "list_item" else b.start + e
            self._add(st, b.start + a, b.start + ev, ev_end, source, status=word)
            return True
        if len(lines) != 2:
            return False
        a2, e2 = lines[1]
        st = parse_stamp(text[a2:e2], 0, zones=self.z, year=year, dayfirst=dayfirst)
        if st is None or st.time is None or text[a2 + st.end : e2].strip(" \t.;,"):
            return False
        self._add(st, b.start + a2, b.start + a, b.start + e, source, status=word)
        return True

    def _chat_header(
        self, b: Block, text: str, lines: list[tuple[int, int]], source: Source
    ) -> bool:
        """A chat message under its speaker and time ("**Ana Ruiz** 10:42" over "rolled
        back", :func:`~pm_lsp.rules.timeline.chat.chat_header`): the stamp is the time on
        the first line, the event the lines below. Adds the entry and says so."""
        from pm_lsp.rules.timeline.chat import chat_header

        head = chat_header(self.doc.text[b.start : b.end])
        if head is None:
            return False
        a, e = lines[0]
        st = parse_stamp(
            text[a:e], head[1] - a, zones=self.z, year=self._year(), dayfirst=self.dayfirst
        )
        if st is None or st.time is None:
            return False
        self._add(st, b.start + a, b.start + lines[1][0], b.end, source)
        return True

    def _labelled(self, line: str) -> tuple[Stamp, int] | None:
        """``First detected: 2025-03-14 11:24``: a short label, then a timestamp ending the
        line. Returns the stamp and where the label text ends."""
        if _DIGIT.search(line) is None:
            # the pattern needs a digit, and backtracks through long runs of blanks (masked
            # link targets) before it can tell there is none: ~2 ms for such a line
            return None
        m = _LABEL_THEN_STAMP.match(line)
        if m is None or len(m.group(1).split()) > 6:
            return None
        st = parse_stamp(line, m.end(), zones=self.z, year=self._year(), dayfirst=self.dayfirst)
        if st is None or st.time is None or line[st.end :].strip(" \t.;,"):
            return None
        return st, m.end(1)

    def _table(self, t: Table) -> None:
        doc, w = self.doc, self.w
        heads = [_norm_header(c.value) for c in t.header]
        for c in t.header:
            self._declare(doc.masked[c.start : c.end], c.start, bare=True)
        self._zone_column(t, heads)
        ncols = len(heads) if heads else max((len(r) for r in t.rows), default=0)  # HTML
        time_col = self._time_column(t, heads)
        date_cols = [i for i, h in enumerate(heads) if h in w.date_cols and i != time_col]
        # of several ("Day", "Date"), the one whose cells parse as dates
        date_col = max(
            date_cols,
            default=None,
            key=lambda i: sum(
                1
                for r in t.rows
                if i < len(r) and _date_at(r[i].value, 0, 2000, self.dayfirst) is not None
            ),
        )
        if time_col is None and date_col is not None:
            time_col, date_col = date_col, None
        if time_col is None:  # no header names it: the column whose cells parse as times
            best, best_n = self._timed_column(t, range(ncols))
            if best is None or best_n * 2 < len(t.rows):
                return
            time_col = best
        event_col = next(
            (i for i, h in enumerate(heads) if h in w.event_cols and i not in (time_col, date_col)),
            None,
        )
        if event_col is None:
            event_col = next((i for i in range(ncols) if i not in (time_col, date_col)), None)
        groups = _groups_by_row(t)
        for r, row in enumerate(t.rows):
            for g in groups.get(r, ()):
                self._group_date(g)
            if time_col >= len(row):
                continue
            cell = row[time_col]
            st = self._cell_stamp(cell)
            if st is None:
                continue
            date: dt.date | None = None
            given = True
            if date_col is not None and date_col < len(row) and row[date_col].value:
                dc = row[date_col]
                got = _date_at(
                    doc.masked[dc.start : dc.end].strip(), 0, self._year(), self.dayfirst
                )
                if got is not None:
                    date, _, given = got
                elif st.date is None and (wd := _WEEKDAY_ONLY.fullmatch(dc.value)):
                    st = replace(st, weekday=_weekday(wd.group("wd")))  # "| Sat | 05:35 |"
            ev = row[event_col] if event_col is not None and event_col < len(row) else cell
            status = self._status(row, heads)
            self._add(st, cell.start, ev.start, ev.end, "table", date, given, status)

    def _timed_column(self, t: Table, cols: Iterable[int]) -> tuple[int | None, int]:
        """Of ``cols``, the column with the most cells that parse as times, and how many."""
        best, best_n = None, 0
        for i in cols:
            n = sum(1 for r in t.rows if i < len(r) and self._cell_stamp(r[i]) is not None)
            if n > best_n:
                best, best_n = i, n
        return best, best_n

    def _time_column(self, t: Table, heads: list[str]) -> int | None:
        """The column the header names as the time, and of several ("| Hour | Time |") the
        one whose cells read as times. A named column whose cells are mostly not times (an
        "Hour" of elapsed hours, "-", "0", "26", beside "3 Mar 14:20") gives way to another
        whose cells mostly are, so the timeline is read on its clock."""
        named = [i for i, h in enumerate(heads) if h in self.w.time_cols]
        if not named:
            return None
        half = len(t.rows) / 2
        best, best_n = self._timed_column(t, named)
        if best is not None and best_n >= half:
            return best
        other, other_n = self._timed_column(t, (i for i in range(len(heads)) if i not in named))
        if other is not None and other_n > half and other_n > best_n:
            return other
        return best if best is not None else named[0]

    def _status(self, row: Sequence[Any], heads: list[str]) -> str | None:
        """The status word in the row's status column ("| 14:41 | Identified | ... |")."""
        for i, h in enumerate(heads):
            if h in self.w.status_cols and i < len(row):
                return self.w.status_of(row[i].value)
        return None

    def _group_date(self, cell: Any) -> None:
        """A row of one cell spanning an HTML table ("2026-03-05" over that day's rows,
        :attr:`Table.groups`) dates the rows below it, as a date row of a pipe table does
        ("| **2026-03-05** | |")."""
        st = self._cell_stamp(cell)
        if st is not None:
            self._add(st, cell.start, cell.end, cell.end, "table", None, True)

    def _zone_column(self, t: Table, heads: list[str]) -> None:
        """A column of zones ("| Time | Zone | Event |") with one zone in all its cells
        declares that zone for the timeline; mixed zones declare nothing here."""
        col = next((i for i, h in enumerate(heads) if h in self.w.zone_cols), None)
        if col is None:
            return
        cells = [r[col] for r in t.rows if col < len(r) and r[col].value.strip()]
        if cells and len({c.value.strip().upper() for c in cells}) == 1:
            c = cells[0]
            self._declare(self.doc.masked[c.start : c.end], c.start, bare=True)

    def _stamp(self, text: str) -> Stamp | None:
        """The stamp that opens an entry's line, heading or cell, on the region's clock."""
        return parse_stamp(
            text, 0, zones=self.z, year=self._year(), dayfirst=self.dayfirst, bare=self.bare
        )

    def _bare_clock(self, items: list[tuple[int, Block | Table]]) -> bool:
        """Is the region written on the four-digit clock ("| 1843 | ... |", "0912 hours
        Pager fires")? Then an entry's opening digits are its time even where they could be
        a year ("1912") or a count ("1843 First call"). Most of its entries (table rows,
        list items, paragraphs) must open so, at least three, two of them with an hour no
        year has (not 19 or 20): a list of years ("2019 Moved to Kubernetes") or of counts
        in prose is not read as times, nor a number beside a row's clock time ("| 14:05 |
        1843 |": a ticket)."""
        doc = self.doc
        leads: list[str] = []
        candidates = 0
        for _, item in items:
            if isinstance(item, Table):
                for row in item.rows:
                    candidates += 1
                    cells = [doc.masked[c.start : c.end] for c in row[:2]]
                    lead = next((c for c in cells if _BARE_LEAD.fullmatch(c.rstrip())), None)
                    if lead is not None and not any(_TIME_AFTER.search(c) for c in cells):
                        leads.append(lead)
            elif item.kind in ("paragraph", "list_item"):
                candidates += 1
                line = doc.masked[item.start : item.end].split("\n", 1)[0]
                if _BARE_LEAD.match(line):
                    leads.append(line)
        plain = sum(1 for t in leads if t.strip()[:2] not in ("19", "20"))
        return len(leads) >= 3 and plain >= 2 and len(leads) * 2 > candidates

    def _cell_stamp(self, cell: Any) -> Stamp | None:
        text = self.doc.masked[cell.start : cell.end]
        st = self._stamp(text)
        if st is None:
            return None
        if st.time is None and text[st.end :].strip() and _TIME_AFTER.search(text[st.end :]):
            return st  # "2025-03-14 --:--": a date with an unknown time
        return st


_DATE_ANYWHERE = re.compile(
    r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}[-.]\d{1,2}[-.]\d{4}|(?:"
    rf"{_MONTH})\s+\d|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH})"
)
_LINE = re.compile(r"[^\r\n]+")
#: what separates a status update's stamp from its text: "(14:07 UTC): we are ..."
_STATUS_SEP = re.compile(r"[ \t]*[)\]]?[ \t]*(?:[-\u2013\u2014:|,.]+[ \t]*)?")
_LABEL_THEN_STAMP = re.compile(
    r"[ \t]*([A-Za-z][A-Za-z' /-]{1,50}?)[ \t]*(?::|-|–|—|at|on)?[ \t]+(?=\d)"
)
_TIME_AFTER = re.compile(r"\d:\d")
_DIGIT = re.compile(r"\d")


#: a numeric date whose day and month could come in either order: "07-10-2021", "26/03/2025",
#: "03-26 23:04"
#: (``(\d(?<![\d.-]\d)\d?)`` is ``(?<![\d.-])(\d{1,2})`` with the look-behind after the
#: first digit: a pattern that opens with a digit is searched for digit by digit, one that
#: opens with a look-behind is tried at every character of the document on every lint)
_NUMERIC_DATE = re.compile(
    r"(\d(?<![\d.-]\d)\d?)[-./](\d{1,2})(?:[-./]\d{4}|(?=[ T]\d{1,2}:\d{2}))(?!\d)"
)


def day_first(
    text: str,
    memo: Memo[frozenset[tuple[int, int]]] | None = None,
    cuts: Sequence[int] | None = None,
) -> bool:
    """Does ``text`` write numeric dates day first? Yes when one of them can only be read
    so (a first number over 12: "13-10-2021"), no when one can only be read month first
    ("10-13-2021"). Without such a date, the dates of one incident are close together, and
    the number that changes between them is the day: "07-10-2021" then "08-10-2021" is day
    first, "07-10-2021" then "07-11-2021" month first.

    With ``memo``, each paragraph's dates are kept by its text: a numeric date holds no
    line break, so the dates of the text are those of its paragraphs, and an edit reads
    one paragraph again instead of the whole document. ``cuts`` (line starts, in order)
    cut it into larger pieces instead, such as its sections: an unchanged section is
    then one lookup, where splitting every paragraph out of the text and looking each up
    was most of the cost of an edit's lint."""
    if memo is None:
        pairs = _numeric_pairs(text)
    else:
        if cuts is None:
            pieces = text.split("\r\n\r\n" if "\r\n" in text else "\n\n")
        else:
            bounds = [0, *cuts, len(text)]
            pieces = [text[a:e] for a, e in itertools.pairwise(bounds)]
        found: list[frozenset[tuple[int, int]]] = []
        for piece in pieces:
            got = memo.get(piece)
            found.append(memo.put(piece, _numeric_pairs(piece)) if got is None else got)
        pairs = frozenset().union(*found)
    if any(b > 12 for _a, b in pairs):
        return False
    if any(a > 12 for a, _b in pairs):
        return True
    return len({a for a, _b in pairs}) > 1 and len({b for _a, b in pairs}) == 1


def _section_cuts(doc: PostmortemDoc) -> list[int]:
    """Where the document's sections start, where that is the start of a line (a heading
    inside a quote or a list item starts after its markers): the cuts :func:`day_first`
    reads the masked text by, in order."""
    text = doc.masked
    out: list[int] = []
    for s in doc.sections:
        at = s.heading.start
        if 0 < at < len(text) and text[at - 1] == "\n" and (not out or at > out[-1]):
            out.append(at)
    return out


def _numeric_pairs(text: str) -> frozenset[tuple[int, int]]:
    """The (first, second) numbers of the numeric dates in ``text`` (only which pairs
    occur matters to :func:`day_first`)."""
    return frozenset((int(a), int(b)) for a, b in _NUMERIC_DATE.findall(text))


def twelve_hour_anchor(entries: Sequence[Entry]) -> dt.time | None:
    """Is this (one region's) timeline kept on the 12-hour clock, with some times written
    without AM/PM? Then return the first time written with AM/PM, else None.

    It is when some time carries AM/PM, some time without it has an hour of 1-12, and no
    time is written the 24-hour way (an hour of 0 or 13-23, with or without AM/PM): a
    timeline that writes "14:12" next to "2:40 pm" keeps its bare times on the 24-hour
    clock, as they read."""
    written = next(
        (e.time for e in entries if e.ampm and e.clash is None and e.time is not None), None
    )
    if written is None:
        return None
    bare = [e.time for e in entries if e.time is not None and not e.ampm]
    if not any(1 <= t.hour <= 12 for t in bare):
        return None
    if any(e.clash is not None for e in entries) or any(t.hour == 0 or t.hour > 12 for t in bare):
        return None
    return written


#: the hour of a bare time as written ("5:30", "05:30", "Tue 11:25")
_WRITTEN_HOUR = re.compile(r"(?<!\d)(\d{1,2})[:.h]\d{2}")
#: a bare time read in the afternoon with no next entry is at most this far after the one
#: before it
_AFTERNOON_LAST = dt.timedelta(hours=3)


def afternoon_bare(entries: Sequence[Entry]) -> frozenset[int]:
    """The bare times of a region that writes AM/PM on some times and the 24-hour way on
    others ("4:50 pm", then "17:05", then "5:30", then "17:45"), which read on the 24-hour
    clock step back to the morning but on the 12-hour clock continue the afternoon: the
    writer mixed the clocks, and "5:30" is 17:30. The offsets of their stamps, for a second
    reading (:meth:`_Extractor._add`). Only an hour of 1-11 not written with a leading zero
    ("05:30" is the 24-hour clock's), whose afternoon reading is at or after the entry
    before it and at or before the next one (either reading of the next when it is bare
    too), or, on the last entry, at most :data:`_AFTERNOON_LAST` after the one before it.
    A bare time after midnight ("23:30", then "1:15") reads forward as it stands."""
    timed = [e for e in entries if e.reliable and not e.clockless]
    if not any(e.ampm for e in timed) or not any(
        not e.ampm and (e.time.hour == 0 or e.time.hour > 12) for e in timed if e.time
    ):
        return frozenset()
    found: set[int] = set()
    prev: dt.time | None = None
    for e, nxt in itertools.zip_longest(timed, timed[1:]):
        t = e.time
        if t is not None and prev is not None and _afternoon(e, t, prev, nxt):
            found.add(e.start)
            t = t.replace(hour=t.hour + 12)
        prev = t
    return frozenset(found)


def _afternoon(e: Entry, t: dt.time, prev: dt.time, nxt: Entry | None) -> bool:
    """Does the bare time ``t`` of ``e`` continue the afternoon after ``prev``, before the
    next entry (see :func:`afternoon_bare`)?"""
    m = _WRITTEN_HOUR.search(e.label)
    if e.ampm or e.date is not None or not 1 <= t.hour <= 11 or m is None or m.group(1)[0] == "0":
        return False
    later = t.replace(hour=t.hour + 12)
    if not t < prev <= later:
        return False
    if nxt is None or nxt.time is None:
        span = dt.datetime.combine(UNDATED, later) - dt.datetime.combine(UNDATED, prev)
        return span <= _AFTERNOON_LAST
    n = nxt.time
    readings = [n]
    if not nxt.ampm and 1 <= n.hour <= 11:
        readings.append(n.replace(hour=n.hour + 12))
    return nxt.date is None and any(r >= later for r in readings)


def half_day(t: dt.time, prev: dt.time | None, anchor: dt.time) -> dt.time:
    """The reading of ``t`` (written without AM/PM, hour 1-12) in a 12-hour timeline.

    After a timed entry (``prev``) it is the half of the day that continues forward from it
    (11:50 PM, then "12:10" is 12:10 AM; 9:55 AM, then "10:05" is 10:05 AM), unless the
    other half is at most ``HALF_DAY_BACK`` earlier than ``prev``: 10:20 AM, then "10:10"
    is an entry ten minutes out of order (which PM502 reports), not 10:10 PM. Before any
    timed entry it is the half that leads up to ``anchor``, the first time written with
    AM/PM.
    """
    am = t.replace(hour=t.hour % 12)
    pm = t.replace(hour=t.hour % 12 + 12)
    if prev is None:
        a = _seconds(anchor)
        return min((am, pm), key=lambda c: (a - _seconds(c)) % _DAY)
    p = _seconds(prev)
    fwd, other = sorted((am, pm), key=lambda c: (_seconds(c) - p) % _DAY)
    back = (p - _seconds(other)) % _DAY
    return other if 0 < back <= HALF_DAY_BACK.total_seconds() else fwd


_DAY = 24 * 3600


def _rolls(prev: dt.datetime, t: dt.time, back: dt.timedelta) -> bool:
    """Does the day roll over between ``prev`` and a time ``t`` written after it, ``back``
    earlier on one clock? See the module's docstring (midnight rollover)."""
    return back > _ROLLOVER or (prev.time() >= EVENING and t < MORNING and back >= _OVERNIGHT)


def _seconds(t: dt.time) -> int:
    return t.hour * 3600 + t.minute * 60 + t.second


def earlier(a: Entry, b: Entry) -> bool:
    """Is ``a`` strictly earlier than ``b``? Compared in UTC when both zones have fixed
    offsets, else as written; entries without a time compare by date only."""
    if a.time is None or b.time is None:
        return a.when.date() < b.when.date()
    if a.utc is not None and b.utc is not None:
        return a.utc < b.utc
    return a.when < b.when


def between(a: Entry, b: Entry) -> dt.timedelta | None:
    """``b - a`` when both entries have a time that can be trusted (not "23:00 AM") on a
    known clock (:attr:`Entry.measurable`)."""
    if not (a.measurable and b.measurable):
        return None
    if a.utc is not None and b.utc is not None:
        return b.utc - a.utc
    return b.when - a.when


def _impact_resolved(entries: Sequence[Entry], start: Entry | None) -> Entry | None:
    """The first resolution at or after ``start`` that is not bookkeeping: the impact ended
    at "back to normal", not at "Incident closed" an hour later. A timeline whose only
    resolution is bookkeeping keeps that one as its time to resolve."""
    for e in entries:
        if (
            "resolution" in e.milestones
            and not e.administrative
            and not e.clockless
            and (start is None or not earlier(e, start))
        ):
            return e
    return None


#: how long before the first detection after it an entry read as an impact start must lie,
#: on an earlier date, to be a latent cause rather than the impact start (:func:`_latent`)
LATENT_GAP = dt.timedelta(days=1)


def _latent(entries: Sequence[Entry]) -> set[int]:
    """The entries (by id) read as an impact start from their words that are latent causes
    instead: each lies on an earlier date than the next detection after it in the timeline
    and at least a day before it ("03-11 nightly compaction starts failing" before "03-14
    08:12 alert fires"). The impact the incident is about began where it was detected, and
    a clock run from the latent cause would be days long (PM503 then measures from the
    first detection, as its explanation says for a timeline without an impact start). One
    pass from the end, so a long timeline costs no more than its length."""
    found: set[int] = set()
    detection: Entry | None = None
    for e in reversed(entries):
        if "impact-start" in e.milestones and detection is not None and e.measurable:
            span = between(e, detection)
            if span is not None and span >= LATENT_GAP and detection.when.date() > e.when.date():
                found.add(id(e))
        if "detection" in e.milestones and e.measurable:
            detection = e
    return found


def _impact_start(entries: Sequence[Entry]) -> Entry | None:
    """The impact start: one the writer marked ("impact start") wins over one read from the
    event's words ("clients started failing over" while the impact was ending); one read
    from the words that lies days before anyone noticed is a latent cause, not the impact
    start. An entry on no known clock is neither."""
    latent = _latent(entries)
    marked = (e for e in entries if "impact-start" in e.markers and not e.clockless)
    worded = (
        e
        for e in entries
        if "impact-start" in e.milestones and id(e) not in latent and not e.clockless
    )
    return next(marked, None) or next(worded, None)


def compute_metrics(entries: Sequence[Entry]) -> Metrics:
    """Milestones (the first entry of each kind, at or after the impact start) and times from
    the start of impact.

    Time to detect is impact start -> first detection. Time to mitigate and to resolve run
    from the impact start, or, when the timeline marks none, from the first detection (the
    convention of templates that record "first detected" as the start).
    """

    def first(kind: str, after: Entry | None = None) -> Entry | None:
        for e in entries:
            if (
                kind in e.milestones
                and not e.clockless
                and (after is None or not earlier(e, after))
            ):
                return e
        return None

    impact_start = _impact_start(entries)
    # detection (and declaration) before the impact began belongs to something else (an
    # earlier incident in the same timeline): take the first one at or after the start
    detected = first("detection", impact_start) or (
        None if impact_start is not None else first("detection")
    )
    start = impact_start or detected
    mitigated = first("mitigation", start)
    resolved = _impact_resolved(entries, start) or first("resolution", start)
    return Metrics(
        impact_start=impact_start,
        detected=detected,
        declared=first("declared", impact_start),
        mitigated=mitigated,
        resolved=resolved,
        start=start,
        start_kind=(
            "impact-start"
            if impact_start is not None
            else "detection"
            if detected is not None
            else None
        ),
        time_to_detect=(
            between(impact_start, detected)
            if impact_start is not None and detected is not None
            else None
        ),
        time_to_mitigate=(
            between(start, mitigated) if start is not None and mitigated is not None else None
        ),
        time_to_resolve=(
            between(start, resolved) if start is not None and resolved is not None else None
        ),
    )


def timeline_of(
    doc: PostmortemDoc, pack: RulePack | None = None, vocabulary: Vocabulary | None = None
) -> Timeline:
    """The document's timeline, computed once per parsed document, pack and vocabulary
    (``doc.analysis``): the result reads the words of the pack and the template's label
    synonyms, so a call with another pack or template (hover with the default ones, a lint
    with an organisation's pack) computes its own instead of reading the other's.

    ``pack`` supplies the words (default: the built-in pack); ``vocabulary`` (the active
    template) recognises label regions such as "Key events" (default: the standard
    template).
    """
    pack = pack or builtin_pack()
    if vocabulary is None:
        from pm_lsp.policy.templates import load_template

        vocabulary = load_template("standard")
    return doc.analysis(_extract, pack, vocabulary)


def zone_in_use(
    doc: PostmortemDoc, pack: RulePack | None = None, vocabulary: Vocabulary | None = None
) -> str | None:
    """The time zone the document already writes its times in, for text a fix inserts (a
    timeline skeleton must not declare "UTC" in a document told in Pacific time): the
    timeline's zone, else the zone written after the clock times of the prose ("2:05 PM
    Pacific", "06:41 UTC"), when they all name the same one; None when the document names
    none, or several."""
    zone = timeline_of(doc, pack, vocabulary).zone
    if zone is not None:
        return zone
    found = doc.analysis(_prose_zones, pack or builtin_pack())
    return next(iter(found)) if len(found) == 1 else None


def zones_written(
    doc: PostmortemDoc, pack: RulePack | None = None, vocabulary: Vocabulary | None = None
) -> frozenset[str]:
    """Every zone the document writes its times in: the timeline's zone and each zone
    written after a clock time in the prose ("09:12 WEST"), as written there (no brackets).
    A reader meets these as a clock's zone, not as initials to look up (PM603)."""
    pack = pack or builtin_pack()
    zone = timeline_of(doc, pack, vocabulary).zone
    found = doc.analysis(_prose_zones, pack)
    return found | {zone.strip("() ")} if zone is not None else found


def _prose_zones(doc: PostmortemDoc, pack: RulePack) -> frozenset[str]:
    """The zones written after the clock times of the prose (computed once per document
    and pack, from each part's own answer: PM603 asks on every lint, and an editor's edit
    reads one part again, not the whole text)."""
    suffix = _zones(pack).suffix
    return frozenset().union(*(_part_prose_zones(p.key[1], suffix) for p in parts(doc)))


def prose_zones_in(masked: str, pack: RulePack) -> frozenset[str]:
    """The zones written after the clock times of one part's masked text
    (:func:`zones_written` is these over every part, with the timeline's zone): for PM603,
    which keeps each part's in its own per-part memo entry instead of folding over the
    parts on every lint (~0.3 ms of an 11,900-word document's edit)."""
    return _part_prose_zones(masked, _zones(pack).suffix)


@lru(4096)
def _part_prose_zones(text: str, suffix: re.Pattern[str]) -> frozenset[str]:
    """The zones written after the clock times of one part's masked text (a clock and its
    zone stand on one line, never across a heading)."""
    found: set[str] = set()
    for m in _CLOCK_TIME.finditer(text):
        z = suffix.match(text, m.end())
        if z is None or z.group("off"):
            continue  # "14:02-15:00" is a range, not an offset
        found.add("UTC" if z.group("z") else (z.group("abbr") or "").strip())
    return frozenset(found)


#: a clock time in prose, AM/PM included, for the zone written after it
_CLOCK_TIME = re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?(?![\d:])")


def _extract(doc: PostmortemDoc, pack: RulePack, vocabulary: Vocabulary) -> Timeline:
    return _Extractor(doc, pack, vocabulary).run()


def format_delta(d: dt.timedelta) -> str:
    """``1h 05m``, ``47m``, ``2d 3h 00m``: the form people write in Duration fields."""
    total = round(abs(d.total_seconds()) / 60)
    days, rem = divmod(total, 1440)
    hours, minutes = divmod(rem, 60)
    sign = "-" if d.total_seconds() < 0 else ""
    if days:
        return f"{sign}{days}d {hours}h {minutes:02d}m"
    if hours:
        return f"{sign}{hours}h {minutes:02d}m"
    return f"{sign}{minutes}m"


def iter_timed_pairs(entries: Iterable[Entry]) -> Iterable[tuple[Entry, Entry]]:
    """Consecutive pairs of entries, in document order (for the ordering rule)."""
    prev: Entry | None = None
    for e in entries:
        if prev is not None:
            yield prev, e
        prev = e


def _groups_by_row(t: Table) -> dict[int, list[Any]]:
    """The group rows of ``t`` (:attr:`Table.groups`) by the row each stands above. (An
    HTML table may also have no header row: ``_table`` counts its columns in its rows.)"""
    out: dict[int, list[Any]] = {}
    for at, cell in t.groups:
        out.setdefault(at, []).append(cell)
    return out
