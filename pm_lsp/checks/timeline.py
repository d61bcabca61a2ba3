"""Timeline rules (PM501-PM504): time zone, order, stated duration, milestones.

All four read the model built once by :func:`pm_lsp.timeline.timeline_of` (entries with
parsed times, rollover past midnight, zones and milestones), so they are cheap and need no
spaCy. Severities follow precision: a missing zone, an entry that goes back in time and a
duration that contradicts the timeline are facts (warnings); a missing milestone depends on
how the event text is worded, so it is information.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator

from pm_lsp.document import MetaField, PostmortemDoc
from pm_lsp.rule import Finding, OptionSpec, RuleContext, RuleSpec, Severity, rule
from pm_lsp.timeline import (
    FAMILY,
    Entry,
    Timeline,
    between,
    earlier,
    format_delta,
    timeline_of,
    words,
)
from pm_lsp.values import parse_duration


def _timeline(ctx: RuleContext) -> Timeline:
    return timeline_of(ctx.doc, ctx.pack, ctx.template)


# -- PM501 -------------------------------------------------------------------------------------

no_timezone = RuleSpec(
    code="PM501",
    name="timeline-no-timezone",
    category="timeline",
    severity=Severity.WARNING,
    summary="The timeline gives clock times but never says in which time zone.",
    rationale=(
        "Responders, readers and tools sit in different zones: '14:02' alone cannot be "
        "matched to a dashboard, a deploy log or a customer's report. The Google SRE example "
        "postmortem heads its timeline '(all times UTC)'; GitLab writes 'YYYY-MM-DD UTC'. "
        "Real postmortems show what goes wrong without it: times converted by hand, zones "
        "mixed within one table. Declare the zone once ('All times UTC'), in the heading or "
        "column header ('Time (UTC)'), or after each time ('14:02 UTC')."
    ),
    bad="## Timeline\n\n| Time | Event |\n|---|---|\n| 14:02 | Alert fires |",
    good="## Timeline\n\nAll times UTC.\n\n| Time | Event |\n|---|---|\n| 14:02 | Alert fires |",
    question="Which time zone are these times in?",
)


@rule(no_timezone)
def check_no_timezone(ctx: RuleContext) -> Iterator[Finding]:
    tl = _timeline(ctx)
    timed = tl.timed
    if not timed or tl.zone is not None or any(e.zone for e in timed):
        return
    anchor = tl.anchor
    a, e = (anchor.start, anchor.end) if anchor is not None and anchor.end > anchor.start \
        else (timed[0].start, timed[0].end)
    yield Finding(a, e, ctx.pack.message(FAMILY, "no-timezone"), data={"entries": len(timed)})


# -- PM502 -------------------------------------------------------------------------------------

out_of_order = RuleSpec(
    code="PM502",
    name="timeline-out-of-order",
    category="timeline",
    severity=Severity.WARNING,
    summary="A timeline entry is earlier than the entry before it.",
    rationale=(
        "A timeline is read top to bottom as the story of the incident (PagerDuty: work "
        "forward from before the incident); an entry out of place makes the reader rebuild "
        "the order, and often hides a typo in the time. Rollover past midnight is handled: "
        "an undated 00:03 after 23:58 is the next day. A backward step of more than 12 "
        "hours is read as a new day; anything smaller is reported. Explicit dates (a date "
        "column, a date in the entry, a '### 2025-03-14' heading) are compared as dates."
    ),
    bad="| Time | Event |\n|---|---|\n| 09:40 | Config pushed |\n| 09:15 | Errors start |",
    good="| Time | Event |\n|---|---|\n| 09:15 | Errors start |\n| 09:40 | Config pushed |",
    question="Is the time wrong, or the entry in the wrong place?",
)


def _label(e: Entry) -> str:
    return re.sub(r"\s+", " ", e.label).strip() or "this entry"


@rule(out_of_order)
def check_out_of_order(ctx: RuleContext) -> Iterator[Finding]:
    tl = _timeline(ctx)
    pack = ctx.pack
    for region in range(len(tl.regions) or 1):
        entries = [e for e in tl.entries if e.region == region]
        pairs = list(itertools.pairwise(entries))
        back = [(p, c) for p, c in pairs if earlier(c, p)]
        if not back:
            continue
        if len(pairs) >= 3 and len(back) * 3 >= len(pairs) * 2:
            anchor = tl.regions[region][1] if tl.regions else None
            a, e = (anchor.start, anchor.end) if anchor is not None else (
                entries[0].start, entries[0].end)
            yield Finding(a, e, pack.message(FAMILY, "newest-first"), severity=Severity.INFO,
                          data={"kind": "newest-first"})
            continue
        for prev, cur in back:
            key = "out-of-order-date" if (
                cur.when.date() < prev.when.date() and cur.date is not None) else "out-of-order"
            yield Finding(cur.start, cur.end,
                          pack.message(FAMILY, key, this=_label(cur), previous=_label(prev)),
                          data={"previous": [prev.start, prev.end]})


# -- PM503 -------------------------------------------------------------------------------------

duration_mismatch = RuleSpec(
    code="PM503",
    name="duration-mismatch",
    category="timeline",
    severity=Severity.WARNING,
    summary="The stated duration (Duration / Time to resolve metadata, or 'for 47 minutes' in "
            "the summary) disagrees with the timeline's impact start and resolution.",
    rationale=(
        "Readers quote the duration; the timeline is where it comes from. When they disagree "
        "one of them is wrong, and real postmortems show both kinds: a 'Time to resolve' "
        "copied from another incident, a resolution time that moved while the document was "
        "edited. The clock runs from the entry that marks the impact start (or, without one, "
        "the first detection) to the first resolution entry after it. Differences within "
        "the tolerance (default: the larger of 5 minutes and 10%) are rounding."
    ),
    bad="**Duration**: 25 minutes\n\n| Time | Event |\n|---|---|\n| 14:03 | Errors start |\n"
        "| 14:50 | Resolved |",
    good="**Duration**: 47 minutes\n\n| Time | Event |\n|---|---|\n| 14:03 | Errors start |\n"
         "| 14:50 | Resolved |",
    question="Which is right: the stated duration or the timeline?",
    options={
        "tolerance-minutes": OptionSpec("int", 5, "differences up to this many minutes are "
                                                  "accepted"),
        "tolerance-percent": OptionSpec("float", 10.0, "...or up to this share of the longer "
                                                       "of the two durations"),
    },
)

_DUR = (r"\d+(?:[.,]\d+)?[\s-]*(?:d|days?|h|hrs?|hours?|m|mins?|minutes?)\b"
        r"(?:[\s,]*(?:and\s+)?\d+[\s-]*(?:h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?)\b)*")
_SUMMARY_DURATION = re.compile(
    rf"(?i)\b(?:for|lasted|lasting|of|over|took)\s+(?:about\s+|approximately\s+|around\s+|"
    rf"roughly\s+|nearly\s+|almost\s+|~\s*)?(?P<d>{_DUR})"
    rf"|(?P<d2>\d+(?:[.,]\d+)?-(?:minute|hour|day))s?\b"
)


Stated = tuple[dt.timedelta, int, int, str, bool]


def stated_duration(ctx: RuleContext) -> Stated | None:
    """The duration the document states: (duration, start, end, text, to_resolution).

    A Duration-type metadata field (only when all such fields agree), else a summary
    sentence about the outage. ``to_resolution`` is True for a "Time to resolve" field, which
    is measured to the resolution only; a plain duration may end at mitigation."""
    doc = ctx.doc
    fields: list[tuple[MetaField, dt.timedelta]] = []
    for f in doc.metadata:
        if f.canonical == "duration":
            d = parse_duration(f.value)
            if d is not None:
                fields.append((f, d))
    if fields:
        if len({d for _, d in fields}) > 1:
            return None  # several incidents or several clocks: ambiguous
        f, d = fields[0]
        return (d, f.value_span.start, f.value_span.end, f.value.strip(),
                "resol" in f.key.lower())
    return _summary_duration(ctx, doc)


def _summary_duration(ctx: RuleContext, doc: PostmortemDoc) -> Stated | None:
    w = words(ctx.pack)
    found: list[Stated] = []
    from pm_lsp.nlp import sentence_spans

    for s in doc.sections:
        if s.canonical != "summary":
            continue
        for b in doc.blocks_in(s):
            if b.kind not in ("paragraph", "list_item"):
                continue
            for a, e in sentence_spans(b.text):
                sent = b.text[a:e]
                if w.duration_context is None or not w.duration_context.search(sent):
                    continue
                for m in _SUMMARY_DURATION.finditer(sent):
                    g = "d" if m.group("d") else "d2"
                    d = parse_duration(m.group(g).replace("-", " "))
                    if d is not None:
                        st = b.start + a + m.start(g)
                        found.append((d, st, st + len(m.group(g)), m.group(g), False))
    if len({f[0] for f in found}) != 1:
        return None  # none, or several different durations in the summary
    return found[0]


@rule(duration_mismatch)
def check_duration_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    tl = _timeline(ctx)
    m = tl.metrics
    if m.start is None or m.resolved is None:
        return
    measured = between(m.start, m.resolved)
    if measured is None or measured < dt.timedelta(0):
        return
    starts = tl.entries_with("impact-start")
    if any(earlier(m.resolved, s) for s in starts):
        return  # several impact windows: the stated duration may be their sum
    stated = stated_duration(ctx)
    if stated is None:
        return
    dur, a, e, text, to_resolution = stated
    # Impact often ends at mitigation and the incident is closed later: a duration that
    # agrees with either end point is consistent ("Time to resolve" only with resolution).
    ends = [x for x in (m.resolved, None if to_resolution else m.mitigated) if x is not None]
    for end in ends:
        span = between(m.start, end)
        if span is not None and _consistent(ctx, dur, span, m.start_kind):
            return
    start_label = "impact start" if m.start_kind == "impact-start" else "first detection"
    yield Finding(a, e, ctx.pack.message(
        FAMILY, "duration-mismatch", stated=text, start_label=start_label,
        start=_label(m.start), end=_label(m.resolved), measured=format_delta(measured)),
        data={"stated_minutes": dur.total_seconds() / 60,
              "timeline_minutes": measured.total_seconds() / 60})


def _consistent(ctx: RuleContext, stated: dt.timedelta, measured: dt.timedelta,
                start_kind: str | None) -> bool:
    tol = max(dt.timedelta(minutes=float(ctx.option("tolerance-minutes"))),
              max(stated, measured) * (float(ctx.option("tolerance-percent")) / 100))
    if abs(stated - measured) <= tol:
        return True
    # From the first detection, a longer stated duration is fine: impact may have begun
    # before anyone noticed.
    return start_kind == "detection" and stated > measured


# -- PM504 -------------------------------------------------------------------------------------

_NAMES = {"impact-start": "the impact start", "detection": "detection",
          "declared": "the incident declaration", "mitigation": "mitigation",
          "resolution": "resolution"}

missing_milestone = RuleSpec(
    code="PM504",
    name="timeline-missing-milestone",
    category="timeline",
    severity=Severity.INFO,
    summary="The timeline does not mark one of the key milestones: impact start, detection, "
            "mitigation, resolution.",
    rationale=(
        "Time to detect, to mitigate and to resolve are what an organisation tracks across "
        "incidents, and they can only be read off a timeline that marks when impact began, "
        "when it was detected, when it was mitigated and when it was resolved (the Google "
        "SRE example marks them in bold; FireHydrant and others call them milestones). The "
        "rule looks for these in the event text ('impact begins', 'alert fired', 'rolled "
        "back', 'resolved'); a timeline with fewer than three entries is not judged."
    ),
    bad="| Time | Event |\n|---|---|\n| 14:03 | Queue grows |\n| 14:20 | Team looks at graphs "
        "|\n| 14:50 | Queue is empty |",
    good="| Time | Event |\n|---|---|\n| 14:03 | Queue grows (impact begins) |\n| 14:11 | "
         "Alert fires |\n| 14:34 | Worker rolled back (mitigated) |\n| 14:50 | Queue empty "
         "(resolved) |",
    question="When did impact start, and when was it detected, mitigated and resolved?",
    options={
        "required": OptionSpec("list[str]", ["impact-start", "detection", "mitigation",
                                             "resolution"],
                               "milestones the timeline must mark (impact-start, detection, "
                               "declared, mitigation, resolution)"),
    },
)


@rule(missing_milestone)
def check_missing_milestone(ctx: RuleContext) -> Iterator[Finding]:
    tl = _timeline(ctx)
    if len(tl.entries) < 3 or tl.anchor is None:
        return
    have = set().union(*(e.milestones for e in tl.entries))
    missing = [m for m in ctx.option("required") if m not in have]
    if not missing:
        return
    names = [_NAMES.get(m, m) for m in missing]
    text = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
    a = tl.anchor
    yield Finding(a.start, a.end,
                  ctx.pack.message(FAMILY, "missing-milestone", missing=text)
                  + ctx.pack.message(FAMILY, "missing-milestone-hint"),
                  data={"missing": missing})


RULES = (check_no_timezone, check_out_of_order, check_duration_mismatch,
         check_missing_milestone)
