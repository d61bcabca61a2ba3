"""Timeline rules (PM501-PM504): time zone, order, stated duration, milestones.

All four read the model built once by :func:`pm_lsp.rules.timeline.model.timeline_of` (entries with
parsed times, rollover past midnight, zones and milestones), so they are cheap and need no
spaCy. Severities follow precision: a missing zone, an entry that goes back in time, a time
whose AM/PM contradicts its hour ("23:00 AM") and a duration that contradicts the timeline are
facts (warnings); a harmless AM/PM on a 24-hour time ("13:55 PM") and a missing milestone
are information, the latter because it depends on how the event text is worded. PM504 asks
by default only for what the derived metrics cannot do without: when the problem was
detected (or the incident declared) and when the impact ended (mitigation or resolution).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator
from dataclasses import replace

from pm_lsp.rules.spec import Edit, Finding, Fix, RuleContext, Severity, rule
from pm_lsp.rules.timeline.clocks import Frame, frame_before
from pm_lsp.rules.timeline.durations import Stated, consistent, duration_words
from pm_lsp.rules.timeline.durations import stated_duration as read_stated
from pm_lsp.rules.timeline.model import (
    FAMILY,
    PROSE_BACK,
    Entry,
    Metrics,
    Timeline,
    between,
    earlier,
    format_delta,
    parse_stamp,
    timeline_of,
    words,
)
from pm_lsp.rules.timeline.specs import (
    MILESTONE_NAMES,
    duration_mismatch,
    missing_milestone,
    no_timezone,
    out_of_order,
)


def _timeline(ctx: RuleContext) -> Timeline:
    return timeline_of(ctx.doc, ctx.pack, ctx.template)


# -- PM501 -------------------------------------------------------------------------------------


@rule(no_timezone)
def check_no_timezone(ctx: RuleContext) -> Iterator[Finding]:
    tl = _timeline(ctx)
    timed = tl.timed
    if not timed:
        return
    if tl.zone is not None:
        yield from _mixed_zones(ctx, tl)
        return
    if any(e.zone for e in timed):
        yield from _lone_zones(ctx, tl)
        yield from _bare_among_zoned(ctx, tl)
        return
    anchor = tl.anchor
    a, e = (
        (anchor.start, anchor.end)
        if anchor is not None and anchor.end > anchor.start
        else (timed[0].start, timed[0].end)
    )
    yield Finding(a, e, ctx.pack.message(FAMILY, "no-timezone"), data={"entries": len(timed)})


def _mixed_zones(ctx: RuleContext, tl: Timeline) -> Iterator[Finding]:
    """An entry written in another zone than the timeline declares ("10:05 ET" among UTC
    times): information, naming both zones and, when the clocks tell it, the entry's time
    on the declared one, so the reader need not convert by hand. A row that gives the
    declared zone's time too ("14:05 UTC / 10:05 EDT") is a deliberate pair, and a region
    where most entries are in the other zone declares it apart, so neither is reported."""
    declared = tl.zone
    if declared is None:
        return
    shown = declared.strip("() ")
    for region in _by_region(tl).values():
        foreign = [e for e in region if e.foreign and e.reliable]
        timed = [e for e in region if e.reliable]
        if not foreign or len(foreign) * 2 >= len(timed):
            continue
        for e in foreign:
            if _gives_declared_time(ctx, e, declared):
                continue
            zone = (e.zone or "").strip("() ")
            fields = {"this": _label(e), "zone": zone, "declared": shown}
            key, converted, day = _converted(ctx, e)
            yield Finding(
                e.start,
                e.end,
                ctx.pack.message(FAMILY, key, converted=converted, day=day, **fields),
                severity=Severity.INFO,
                data={"kind": "mixed-zone", "zone": zone, "declared": shown},
            )


#: at least this many entries without a zone make a zone given on a row or two the odd one
_LONE_ZONE_BARE = 3


def _lone_zones(ctx: RuleContext, tl: Timeline) -> Iterator[Finding]:
    """A timeline that declares no zone, where a row or two in the middle give one ("10:02
    UTC" among bare times): the bare times are on no stated clock, and the zoned row says
    the writer had more than one clock in hand (a vendor's message, a status page), so the
    reader cannot tell whether the rest are on it. Reported on each zoned row, as the
    missing zone is (a warning). A zone on the region's first time states it for the rows
    below ("09:14 UTC", then bare times), and a region where a third or more of the times
    give a zone is written zoned: neither is reported."""
    for region in _by_region(tl).values():
        timed = [e for e in region if e.reliable]
        zoned = [e for e in timed if e.zone]
        bare = len(timed) - len(zoned)
        if not zoned or timed[0].zone or bare < _LONE_ZONE_BARE or len(zoned) * 3 > len(timed):
            continue
        for e in zoned:
            zone = (e.zone or "").strip("() ")
            yield Finding(
                e.start,
                e.end,
                ctx.pack.message(FAMILY, "lone-zone", this=_label(e), zone=zone, others=bare),
                data={"kind": "lone-zone", "zone": zone, "entries": len(timed)},
            )


def _bare_among_zoned(ctx: RuleContext, tl: Timeline) -> Iterator[Finding]:
    """The converse of :func:`_lone_zones`: a timeline that declares no zone, where most
    times give one and those zones name more than one clock ("CEST", "CET" and "UTC" rows),
    but a row or two give none. Which clock such a row is on cannot be told from its
    neighbours, so its place among them is a guess. Reported on the region's first bare
    row, as information (the writer may know; the reader cannot). Zoned rows that all keep
    one clock ("CET" on most rows, one bare) leave the bare row on that clock, and a region
    where half or more of the times are bare is :func:`_lone_zones`' case: neither is
    reported here."""
    zones = words(ctx.pack).zones
    for region in _by_region(tl).values():
        timed = [e for e in region if e.reliable]
        zoned = [e for e in timed if e.zone]
        bare = [e for e in timed if not e.zone]
        if not bare or len(zoned) * 2 <= len(timed):
            continue
        clocks = {zones.family(e.zone or "") for e in zoned}
        if len(clocks) < 2:
            continue
        shown = sorted({(e.zone or "").strip("() ") for e in zoned})
        e = bare[0]
        yield Finding(
            e.start,
            e.end,
            ctx.pack.message(
                FAMILY,
                "bare-among-zoned",
                this=_label(e),
                zoned=len(zoned),
                total=len(timed),
                zones=", ".join(shown),
            ),
            severity=Severity.INFO,
            data={"kind": "bare-among-zoned", "zones": shown, "entries": len(timed)},
        )


def _by_region(tl: Timeline) -> dict[int, list[Entry]]:
    """The entries of each region, in one pass."""
    by_region: dict[int, list[Entry]] = {}
    for entry in tl.entries:
        by_region.setdefault(entry.region, []).append(entry)
    return by_region


def _converted(ctx: RuleContext, e: Entry) -> tuple[str, str, str]:
    """The message key for ``e``'s mix, its time on the declared zone's clock (both
    readings when daylight saving leaves the hour open: "18:25 or 19:25"), written as
    the entry writes its own (the 12-hour clock when it does), and the day when another."""
    if e.frame is None:
        return "mixed-zone-unconverted", "", ""
    lo, hi = e.frame
    text = " or ".join(_clock(at, e.ampm) for at in ((lo,) if hi == lo else (lo, hi)))
    day = ""
    if lo.date() != e.when.date():
        day = ctx.pack.message(FAMILY, "next-day" if lo.date() > e.when.date() else "day-before")
    return ("mixed-zone" if hi == lo else "mixed-zone-season"), text, day


def _clock(at: dt.datetime, ampm: bool) -> str:
    """ "14:05", or "2:05 PM" for an entry written on the 12-hour clock."""
    return at.strftime("%I:%M %p").lstrip("0") if ampm else at.strftime("%H:%M")


def _gives_declared_time(ctx: RuleContext, e: Entry, declared: str) -> bool:
    """Does the line of ``e``'s time also give a time in the declared zone ("10:05 EDT /
    14:05 UTC", "| 14:05 UTC | 10:05 EDT |")? Then the writer states both on purpose."""
    zones = words(ctx.pack).zones
    text = ctx.doc.text
    lo = text.rfind("\n", 0, e.start) + 1
    hi = text.find("\n", e.end)
    line = text[lo : hi if hi >= 0 else len(text)]
    family = zones.family(declared)
    for m in _CLOCK.finditer(line):
        if lo + m.start() == e.start:
            continue
        st = parse_stamp(line, m.start(), zones=zones)
        if st is not None and st.zone is not None and zones.family(st.zone) == family:
            return True
    return False


#: where a clock time may start on an entry's line
_CLOCK = re.compile(r"(?<![\d:.])\d{1,2}(?::\d{2}|\s?[AaPp]\.?[Mm]\b)")


# -- PM502 -------------------------------------------------------------------------------------


def _label(e: Entry) -> str:
    return re.sub(r"\s+", " ", e.label).strip() or "this entry"


@rule(out_of_order)
def check_out_of_order(ctx: RuleContext) -> Iterator[Finding]:
    tl = _timeline(ctx)
    pack = ctx.pack
    by_region = _by_region(tl)
    for region in range(len(tl.regions) or 1):
        entries = by_region.get(region, [])
        yield from _clock_clashes(ctx, entries)
        # a contradictory time ("23:00 AM"), or one on no known clock among two, has no
        # place to be out of: compare around it
        entries = [e for e in entries if e.clash != "contradictory" and not e.clockless]
        # an entry in another zone is placed on the declared clock against the entries
        # around it, so it neither breaks the order nor is blamed on its neighbour
        foreign = [e for e in entries if e.foreign and not tl.implied]
        if foreign and len(foreign) * 2 < len(entries):
            yield from _foreign_order(ctx, tl, entries)
            entries = [e for e in entries if not e.foreign]
        pairs = list(itertools.pairwise(entries))
        back = [(p, c) for p, c in pairs if _back(p, c, tl.implied) and _judged(p, c)]
        if not back:
            continue
        if len(pairs) >= 3 and len(back) * 3 >= len(pairs) * 2:
            anchor = tl.regions[region][1] if tl.regions else None
            a, e = (
                (anchor.start, anchor.end)
                if anchor is not None
                else (entries[0].start, entries[0].end)
            )
            yield Finding(
                a,
                e,
                pack.message(FAMILY, "newest-first"),
                severity=Severity.INFO,
                data={"kind": "newest-first"},
            )
            continue
        for prev, cur in back:
            key = (
                "out-of-order-date"
                if (cur.when.date() < prev.when.date() and cur.date is not None)
                else "out-of-order"
            )
            yield Finding(
                cur.start,
                cur.end,
                pack.message(FAMILY, key, this=_label(cur), previous=_label(prev)),
                data={"previous": [prev.start, prev.end]},
            )


def _back(prev: Entry, cur: Entry, implied: bool = False) -> bool:
    """Is ``cur`` earlier than ``prev``? In UTC when both are known; two entries on one
    clock as written; an entry in another zone than the declared one against an entry on
    another clock only when every reading of the declared clock agrees (else it is not
    judged: comparing the digits of two clocks would blame the wrong entry). Under a zone
    only ``implied`` by the entries, none is foreign: each is judged as written."""
    if (
        prev.time is None
        or cur.time is None
        or (prev.utc is not None and cur.utc is not None)
        or implied
        or not (prev.foreign or cur.foreign)
        or _zone_of(prev) == _zone_of(cur)
    ):
        return earlier(cur, prev)
    if prev.frame is not None and cur.frame is not None:
        return frame_before(cur.frame, prev.frame) is True
    return False


def _judged(prev: Entry, cur: Entry) -> bool:
    """Is a step back to ``cur`` reported? Always, but between two sentences of a prose
    timeline only when short (:data:`PROSE_BACK`) and ``cur`` gives no date of its own."""
    if cur.source != "prose" or prev.source != "prose":
        return True
    gap = between(cur, prev)
    return cur.date is None and gap is not None and gap <= PROSE_BACK


def _zone_of(e: Entry) -> str:
    return " ".join((e.zone or "").strip("() ").split())


def _foreign_order(ctx: RuleContext, tl: Timeline, entries: list[Entry]) -> Iterator[Finding]:
    """Each entry written in another zone, read on the declared clock, against the
    nearest entries in the declared zone before and after it: reported when it is surely
    earlier than the one before or later than the one after. An entry whose reading is
    left open by daylight saving, or whose zone has no known clock, is not judged."""
    home = [e for e in entries if not e.foreign]
    declared = (tl.zone or "").strip("() ")
    for e in entries:
        if not e.foreign or e.frame is None:
            continue
        before = next((h for h in reversed(home) if h.start < e.start), None)
        after = next((h for h in home if h.start > e.start), None)
        fields = {
            "this": _label(e),
            "zone": (e.zone or "").strip("() "),
            "declared": declared,
            "converted": _span_text(e.frame),
        }
        if before is not None and before.frame is not None and _surely(e.frame, before.frame):
            yield Finding(
                e.start,
                e.end,
                ctx.pack.message(FAMILY, "out-of-order-zoned", previous=_label(before), **fields),
                data={"previous": [before.start, before.end]},
            )
        elif after is not None and after.frame is not None and _surely(after.frame, e.frame):
            yield Finding(
                e.start,
                e.end,
                ctx.pack.message(FAMILY, "out-of-order-later", next=_label(after), **fields),
                data={"next": [after.start, after.end]},
            )


def _surely(a: Frame, b: Frame) -> bool:
    return frame_before(a, b) is True


def _span_text(frame: Frame) -> str:
    """A time on the declared clock: "14:05", or "14:05-15:05" when daylight saving
    leaves the hour open."""
    lo, hi = frame
    return lo.strftime("%H:%M") if lo == hi else f"{lo:%H:%M}-{hi:%H:%M}"


_HHMM_BEFORE = re.compile(r"\d:\d\d$")


def _clock_clashes(ctx: RuleContext, entries: list[Entry]) -> Iterator[Finding]:
    """AM/PM written on an hour of the 24-hour clock: each contradictory one ("23:00 AM")
    is a warning; the redundant ones ("13:55 PM") are one information finding per timeline,
    at the first, whose safe fix drops every such marker ("13:55 PM" -> "13:55")."""
    pack = ctx.pack
    redundant: list[Entry] = []
    for e in entries:
        if e.clash == "contradictory":
            yield Finding(
                e.start,
                e.end,
                pack.message(FAMILY, "clock-contradiction", this=_label(e)),
                data={"kind": "clock-contradiction"},
            )
        elif e.clash == "redundant":
            redundant.append(e)
    if not redundant:
        return
    first = redundant[0]
    edits = tuple(
        Edit(e.suffix[0], e.suffix[1], "")
        for e in redundant
        if e.suffix is not None and _HHMM_BEFORE.search(ctx.doc.text[e.start : e.suffix[0]])
    )
    fix = Fix(pack.message(FAMILY, "fix-clock-redundant"), edits, True) if edits else None
    key = "clock-redundant" if len(redundant) == 1 else "clock-redundant-many"
    yield Finding(
        first.start,
        first.end,
        pack.message(FAMILY, key, this=_label(first), others=len(redundant) - 1),
        fix=fix,
        severity=Severity.INFO,
        data={"kind": "clock-redundant", "entries": len(redundant)},
    )


# -- PM503 -------------------------------------------------------------------------------------


def stated_duration(ctx: RuleContext) -> Stated | None:
    """The duration the document states (see :mod:`pm_lsp.rules.timeline.durations`)."""
    return read_stated(ctx.doc, ctx.pack)


@rule(duration_mismatch)
def check_duration_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    stated = stated_duration(ctx)
    if stated is None:
        return
    if stated.own is not None:
        yield from _against_own_range(ctx, stated, stated.own)
        return
    tl = _timeline(ctx)
    m = tl.metrics
    if m.start is None or tl.prose:
        return
    dur, a, e, text = stated.duration, stated.start, stated.end, stated.text
    got = _impact_end(tl, m, stated, ctx)
    if got is None:
        return
    end, end_label = got
    measured = between(m.start, end)
    if measured is None:
        return
    start_label = "impact start" if m.start_kind == "impact-start" else "first detection"
    first, last = _on_day(tl, m.start, end), _on_day(tl, end, m.start)
    change = _change_before(ctx, tl, m.start) if m.start_kind == "detection" else None
    longest = between(change, end) if change is not None else None
    if change is not None and longest is not None:
        message = ctx.pack.message(
            FAMILY,
            "duration-mismatch-window",
            stated=text,
            start=first,
            end_label=end_label,
            end=last,
            measured=format_delta(measured),
            change=_label(change),
            longest=format_delta(longest),
        )
    else:
        message = ctx.pack.message(
            FAMILY,
            "duration-mismatch",
            stated=text,
            start_label=start_label,
            start=first,
            end_label=end_label,
            end=last,
            measured=format_delta(measured),
        )
    yield Finding(
        a,
        e,
        message,
        data={
            "stated_minutes": dur.total_seconds() / 60,
            "timeline_minutes": measured.total_seconds() / 60,
        },
    )


def _against_own_range(ctx: RuleContext, stated: Stated, own: dt.timedelta) -> Iterator[Finding]:
    """A figure written with its own clock range beside it is the writer's arithmetic on
    that range: it is reported only when the two disagree, whatever the timeline says."""
    w = duration_words(ctx.pack)
    if consistent(stated, own, w.tolerances.get("own-range", (2.0, 0.0)), None, w):
        yield from _own_range_against_timeline(ctx, stated)
        return
    message = ctx.pack.message(
        FAMILY,
        "duration-own-range",
        stated=stated.text,
        range=stated.own_text,
        measured=format_delta(own),
    )
    yield Finding(
        stated.start,
        stated.end,
        message,
        data={
            "stated_minutes": stated.duration.total_seconds() / 60,
            "range_minutes": own.total_seconds() / 60,
        },
    )


def _own_range_against_timeline(ctx: RuleContext, stated: Stated) -> Iterator[Finding]:
    """A figure that agrees with its own range ("47 minutes (14:02-14:49 UTC)"), where the
    range starts on a time the timeline gives and the timeline tells the impact going on
    past the range's end (the recovery at 15:01, no mitigation at 14:49): the range was
    read off the timeline and its end is wrong, or the timeline is. Judged only when both
    are on one clock (the range names the timeline's zone), on one day (the range does not
    cross midnight, its start is the only entry at that clock time, and the end entry is on
    the start's date), and only a range that ends early is reported: one that ends later
    may count monitoring after the recovery."""
    first_at, last_at = stated.own_from, stated.own_to
    tl = _timeline(ctx)
    if first_at is None or last_at is None or last_at <= first_at or tl.prose:
        return
    zones = words(ctx.pack).zones
    if not stated.own_zone or tl.zone is None or tl.implied:
        return
    if zones.family(stated.own_zone) != zones.family(tl.zone):
        return
    at = [e for e in tl.entries if e.time is not None and _minute(e.time) == first_at]
    if len(at) != 1 or not at[0].measurable or at[0].foreign:
        return
    first = at[0]
    m = replace(tl.metrics, start=first, start_kind="impact-start")
    got = _impact_end(tl, m, stated, ctx)
    if got is None:
        return
    end, end_label = got
    if end.time is None or end.when.date() != first.when.date() or _minute(end.time) <= last_at:
        return
    measured = between(first, end)
    if measured is None:
        return
    message = ctx.pack.message(
        FAMILY,
        "duration-range-end",
        stated=stated.text,
        range=stated.own_text,
        start=_label(first),
        end_label=end_label,
        end=_label(end),
        measured=format_delta(measured),
    )
    yield Finding(
        stated.start,
        stated.end,
        message,
        data={
            "stated_minutes": stated.duration.total_seconds() / 60,
            "timeline_minutes": measured.total_seconds() / 60,
        },
    )


def _minute(t: dt.time) -> int:
    return t.hour * 60 + t.minute


#: a date written in a timestamp: a year, a day and month in digits, or a month or weekday name
_SHOWS_DATE = re.compile(r"\d{4}|\d{1,2}[/.-]\d{1,2}\b|\b[A-Za-z][a-z]{2}")


def _on_day(tl: Timeline, e: Entry, other: Entry) -> str:
    """``e``'s label, with its day when the span runs across dates and the label shows only
    the clock ("22:10 (14 Mar) to 18:55 (15 Mar) is 20h 45m", where the date comes from a
    date column or a date heading): the clock times alone would read as a shorter span."""
    label = _label(e)
    day = e.when.date()
    if not tl.dated or day == other.when.date() or _SHOWS_DATE.search(label):
        return label
    return f"{label} ({day.day} {day.strftime('%b')})"


def _impact_end(
    tl: Timeline, m: Metrics, stated: Stated, ctx: RuleContext
) -> tuple[Entry, str] | None:
    """The end point a stated duration contradicts, with its name, or None when the
    duration agrees with the timeline or the timeline cannot say.

    Impact often ends at mitigation and the incident is closed later, so a duration that
    agrees with any entry marking the impact's end is consistent: a resolution, or a
    mitigation ("Incident mitigated" after an earlier rollback that did not help) unless the
    duration is a "Time to resolve". Bookkeeping entries ("Incident closed", "Status page set
    to Resolved") are never an end point. Without a resolution that says the system
    recovered, only a duration shorter than the time to the first mitigation contradicts the
    timeline: the recovery after a mitigation may not be written down."""
    start = m.start
    if start is None:
        return None
    change = _change_before(ctx, tl, start) if m.start_kind == "detection" else None

    def agrees(end: Entry) -> bool:
        span = between(start, end)
        if span is None or span < dt.timedelta(0):
            return True
        ceiling = between(change, end) if change is not None else None
        return _consistent(ctx, stated, span, m.start_kind, ceiling)

    marked = _marked_end(tl, start)
    if marked is not None:
        return None if agrees(marked) else (marked, "impact end")
    kinds = ("resolution",) if stated.to_resolution else ("resolution", "mitigation")
    ends = [
        x
        for x in tl.entries
        if not x.administrative
        and x.measurable
        and any(k in x.milestones for k in kinds)
        and not earlier(x, start)
    ]
    resolved = next((x for x in ends if "resolution" in x.milestones), None)
    if resolved is not None:
        if any(earlier(resolved, s) for s in tl.entries_with("impact-start")):
            return None  # several impact windows: the stated duration may be their sum
        end: Entry | None = resolved
        label = "resolution"
    else:
        end, label = (ends[0], "mitigation") if ends else (None, "")
    if end is None:
        return None
    for x in ends:
        span = between(start, x)
        if span is not None and span >= dt.timedelta(0) and agrees(x):
            return None
    if resolved is None:
        first = between(start, end)
        if first is None or stated.duration >= first or stated.bound == "at-least":
            return None
    return end, _own_word(end, label)


def _own_word(end: Entry, label: str) -> str:
    """The end point's name in the timeline's own word: an entry that reads as both a
    mitigation and a resolution ("Outage mitigated, error rate back to normal") and says
    "mitigated" is named a mitigation, as its writer did."""
    if label == "resolution" and "mitigation" in end.milestones and "mitigat" in end.event.lower():
        return "mitigation"
    return label


def _change_before(ctx: RuleContext, tl: Timeline, detected: Entry) -> Entry | None:
    """The first change put out ("rollout of 4.12 starts") before the first detection, in a
    timeline that marks no impact start: the impact may have begun there, so the stated
    duration may lie anywhere from detection-to-end to change-to-end."""
    w = words(ctx.pack)
    for x in tl.entries:
        if x.clockless:
            continue
        if not earlier(x, detected):
            return None
        if x.reliable and w.puts_change_out(x.event):
            return x
    return None


def _marked_end(tl: Timeline, start: Entry) -> Entry | None:
    """The entry the writer marked as the impact's end ("impact end", "END OF OUTAGE") at
    or after ``start``, when the timeline has one impact window: with a second marked start
    after it, the stated duration may be the windows' sum."""
    end = next(
        (
            x
            for x in tl.entries
            if "impact-end" in x.markers and x.measurable and not earlier(x, start)
        ),
        None,
    )
    if end is None or any("impact-start" in s.markers and earlier(end, s) for s in tl.entries):
        return None
    return end


def _consistent(
    ctx: RuleContext,
    stated: Stated,
    measured: dt.timedelta,
    start_kind: str | None,
    ceiling: dt.timedelta | None = None,
) -> bool:
    base = (float(ctx.option("tolerance-minutes")), float(ctx.option("tolerance-percent")))
    return consistent(stated, measured, base, start_kind, duration_words(ctx.pack), ceiling)


# -- PM504 -------------------------------------------------------------------------------------


def _wanted(text: str) -> tuple[str, ...]:
    """``"detection|declared"`` -> ("detection", "declared")."""
    return tuple(p.strip() for p in text.split("|") if p.strip())


def _wanted_label(names: tuple[str, ...]) -> str:
    words = [MILESTONE_NAMES.get(m, m) for m in names]
    return words[0] if len(words) == 1 else f"{words[0]} (or {' or '.join(words[1:])})"


@rule(missing_milestone)
def check_missing_milestone(ctx: RuleContext) -> Iterator[Finding]:
    tl = _timeline(ctx)
    if len(tl.entries) < 3 or tl.anchor is None or not tl.asks_milestones or tl.prose:
        return
    have = set().union(tl.stated, *(e.milestones for e in tl.entries))
    missing = [
        (req, names)
        for req in ctx.option("required")
        if (names := _wanted(req)) and not any(m in have for m in names)
    ]
    if not missing:
        return
    labels = [_wanted_label(names) for _, names in missing]
    messages = ctx.pack.family(FAMILY).get("messages", {})
    examples = [
        str(messages[f"example-{names[0]}"])
        for _, names in missing
        if f"example-{names[0]}" in messages
    ]
    hint = _hint(ctx, tl, [names for _, names in missing], examples)
    a = tl.anchor
    yield Finding(
        a.start,
        a.end,
        _missing_message(ctx, labels) + hint,
        data={"missing": [req for req, _ in missing]},
    )


def _missing_message(ctx: RuleContext, labels: list[str]) -> str:
    """What the timeline lacks, each milestone named so that none reads as optional: "does
    not mark X", "marks neither X nor Y", "marks none of X, Y and Z" (a list joined with
    "or" read as if one of them was enough)."""
    if len(labels) == 1:
        return ctx.pack.message(FAMILY, "missing-milestone", missing=labels[0])
    if len(labels) == 2:
        return ctx.pack.message(FAMILY, "missing-two-milestones", first=labels[0], second=labels[1])
    listed = ", ".join(labels[:-1]) + " and " + labels[-1]
    return ctx.pack.message(FAMILY, "missing-milestones", missing=listed)


#: a negation a word or two before the word an entry mentions: "No alarm raised", "the
#: alert did not fire", "without a page" tell that the event did not happen, so the entry is
#: no candidate for "write it plainly"
_NEGATED_BEFORE = re.compile(r"(?i)\b(?:no|not|never|without|nor|nobody|no one)\W+(?:\w+\W+){0,2}$")


def _hint(
    ctx: RuleContext, tl: Timeline, missing: list[tuple[str, ...]], examples: list[str]
) -> str:
    """The example that ends PM504's message. When one milestone is missing and an entry
    names its event without telling it ("Checkout alert: error rate over 5%", the pack's
    ``near-<milestone>`` words), the hint names that entry and asks what happened, rather
    than telling the writer to write what they may think they already wrote."""
    if not examples:
        return ""
    joined = ", ".join(examples)
    if len(missing) == 1:
        pattern = words(ctx.pack).near.get(missing[0][0])
        if pattern is not None:
            for e in tl.entries:
                m = pattern.search(e.event)
                if m is not None and not _NEGATED_BEFORE.search(e.event, 0, m.start(1)):
                    return ctx.pack.message(
                        FAMILY,
                        "missing-milestone-near",
                        this=_label(e),
                        word=m.group(1).lower(),
                        examples=joined,
                    )
    return ctx.pack.message(FAMILY, "missing-milestone-hint", examples=joined)


RULES = (check_no_timezone, check_out_of_order, check_duration_mismatch, check_missing_milestone)
