"""PM503 on a timeline kept on two clocks, each row naming its own zone ("10:16 PST" rows
and "18:24 UTC" rows, as posted in a channel by people in two offices).

Every step from one row to the next is judged on one clock, each row read by its own zone,
before a night is taken to have passed: "18:11 UTC" then "10:16 PST" is five minutes later,
not a step back of eight hours over a night, and "21:30 UTC" then "03:20 IST" is the next
day on the Indian clock while the "22:35 UTC" after it is still the first on the UTC one. So
the stated duration is measured in hours, not in days, and a real disagreement is still
reported with the right span.

A row with no zone among rows on two clocks is on no known clock: it moves no day forward,
is no reference for the next row, is not ordered against its neighbours and bounds no span
(the rows around it are measured instead; PM501 asks for its zone).
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from conftest import LintFn

from pm_lsp.parse.markdown import parse
from pm_lsp.policy.config import Settings, resolve
from pm_lsp.rules.timeline.model import Timeline, timeline_of

PACIFIC = """# Invoice export stalls after the storage migration

## Summary

STATED

## Timeline

Times as each person posted them: the support desk writes Pacific time, the platform team UTC.

- 09:40 PST - Export worker starts timing out on the new storage bucket.
- 17:55 UTC - Export latency alert pages the platform on-call.
- 10:02 PST - Platform on-call acknowledges and opens the incident.
- 18:20 UTC - Export queue drained by hand; the backlog stops growing.
BARE- 10:48 PST - Bucket permissions corrected on the export role.
- 19:25 UTC - Exports complete normally again. Incident resolved.
"""

#: a row with no zone between the UTC and PST rows (the platform lead's note)
PACIFIC_BARE = "- 10:31 - Export worker restarted with the old bucket as a fallback.\n"

CENTRAL = """# Parcel label printing fails at the Lyon depot

## Summary

STATED

## Timeline

- 06:50 UTC - Label service rejects requests from the depot printers.
- 08:05 CET - Depot supervisor reports that no labels print.
- 07:12 UTC - On-call engineer paged by the label error alert.
BARE- 09:20 CET - Printer certificate renewed; labels print again. Incident resolved.
"""

CENTRAL_BARE = "- 07:25 - Printer certificate found expired.\n"

INDIAN = """# Settlement batch fails overnight

## Summary

STATED

## Timeline

The payments team in London logs UTC; the Bengaluru operations desk logs IST.

- 21:30 UTC - Nightly settlement batch begins failing on the ledger lock.
- 03:20 IST - Batch failure alert pages the operations on-call.
- 22:35 UTC - Ledger lock released; the batch is re-run and succeeds.
BARE- 05:05 IST - Settlement totals reconciled with the bank. Incident resolved.
"""

INDIAN_BARE = "- 04:40 - Bank confirms receipt of the settlement file.\n"


def _doc(template: str, stated: str, bare: str = "") -> str:
    return template.replace("STATED", stated).replace("BARE", bare)


def _pm503(lint_text: LintFn, text: str) -> list[tuple[str, str]]:
    diags = lint_text(text, select=["PM503"]).diagnostics
    return [(text[d.start : d.end], d.message) for d in diags]


def _timeline(text: str) -> Timeline:
    cfg = resolve([Settings()])
    return timeline_of(parse(text, cfg.template), cfg.pack, cfg.template)


@pytest.mark.parametrize("bare", ["", PACIFIC_BARE])
@pytest.mark.parametrize(
    ("template", "other_bare", "stated"),
    [
        (PACIFIC, PACIFIC_BARE, "Invoice exports stalled for about an hour and 45 minutes."),
        (PACIFIC, PACIFIC_BARE, "The outage lasted 105 minutes."),
        (CENTRAL, CENTRAL_BARE, "Label printing was down for roughly 90 minutes."),
        (INDIAN, INDIAN_BARE, "The outage lasted about two hours."),
        (INDIAN, INDIAN_BARE, "Settlement was delayed for about 2 hours 5 minutes."),
    ],
)
def test_a_duration_that_agrees_once_each_row_is_read_on_its_clock_is_clean(
    lint_text: LintFn, template: str, other_bare: str, stated: str, bare: str
) -> None:
    text = _doc(template, stated, other_bare if bare else "")
    assert _pm503(lint_text, text) == []


@pytest.mark.parametrize("bare", [False, True])
@pytest.mark.parametrize(
    ("template", "other_bare", "stated", "span", "measured"),
    [
        (PACIFIC, PACIFIC_BARE, "The outage lasted about four hours.", "four hours", "1h 45m"),
        (PACIFIC, PACIFIC_BARE, "The outage lasted 25 minutes.", "25 minutes", "1h 45m"),
        (CENTRAL, CENTRAL_BARE, "Label printing was down for 20 minutes.", "20 minutes", "1h 08m"),
        (INDIAN, INDIAN_BARE, "The outage lasted about six hours.", "six hours", "2h 05m"),
    ],
)
def test_a_duration_that_disagrees_is_reported_with_the_span_in_hours(
    lint_text: LintFn,
    template: str,
    other_bare: str,
    stated: str,
    span: str,
    measured: str,
    bare: bool,
) -> None:
    text = _doc(template, stated, other_bare if bare else "")
    found = _pm503(lint_text, text)
    assert [s for s, _ in found] == [span]
    assert found[0][1].endswith(f"is {measured}"), found[0][1]
    assert "d " not in found[0][1].rsplit(" is ", 1)[1]


def test_rows_on_two_clocks_stay_on_their_days() -> None:
    """The UTC row after an IST row past midnight is back on the first day; in UTC every
    row is a few minutes after the one before."""
    tl = _timeline(_doc(INDIAN, "x", INDIAN_BARE))
    zoned = [e for e in tl.entries if not e.clockless]
    assert [e.label for e in zoned] == ["21:30 UTC", "03:20 IST", "22:35 UTC", "05:05 IST"]
    utc = [e.utc for e in zoned]
    assert all(u is not None for u in utc)
    steps = [b - a for a, b in itertools.pairwise(utc) if a and b]
    assert all(dt.timedelta(0) < s < dt.timedelta(hours=2) for s in steps), steps
    assert [(e.when.date() - zoned[0].when.date()).days for e in zoned] == [0, 1, 0, 1]


def test_a_row_without_a_zone_moves_no_day_and_bounds_no_span() -> None:
    tl = _timeline(_doc(PACIFIC, "x", PACIFIC_BARE))
    bare = [e for e in tl.entries if e.zone is None]
    assert [e.label for e in bare] == ["10:31"] and bare[0].clockless
    assert {e.shift for e in tl.entries} == {0}
    m = tl.metrics
    assert m.start is not None and m.start.label == "09:40 PST"
    assert m.resolved is not None and m.resolved.label == "19:25 UTC"
    assert m.time_to_resolve == dt.timedelta(hours=1, minutes=45)


BARE_ENDS = """# Matchmaking queue errors

## Summary

Players could not queue for roughly three hours.

## Timeline

- 10:00 PST - Seasonal event goes live.
- 18:09 UTC - First queue broker killed for memory.
- 10:12 - Queue error alert fires and pages the on-call.
- 10:15 PST - On-call acknowledges and opens the incident.
- 18:31 UTC - Broker fleet scaled out; new pods die within minutes.
- 11:50 PST - Memory cap deployed to every broker; queueing recovers.
- 20:58 UTC - Queue times back to normal.
- 13:14 - Incident resolved.
"""


def test_rows_without_a_zone_are_no_endpoints(lint_text: LintFn) -> None:
    """The first detection and the resolution are both written without a zone among PST
    and UTC rows: no span is measured from or to them (and none rolls a day over), so
    nothing is reported, nor is either row out of order."""
    tl = _timeline(BARE_ENDS)
    assert {e.shift for e in tl.entries} == {0}
    assert [e.label for e in tl.entries if e.clockless] == ["10:12", "13:14"]
    assert tl.metrics.start is None and tl.metrics.time_to_resolve is None
    diags = lint_text(BARE_ENDS, select=["PM502", "PM503"]).diagnostics
    assert diags == []


@pytest.mark.parametrize(
    "text",
    [
        # bare rows are most of the timeline: they keep a clock of their own
        "# Cache outage\n\n## Summary\n\nThe outage lasted about three hours.\n\n"
        "## Timeline\n\n- 10:00 - Cache nodes start evicting hot keys.\n"
        "- 10:05 - Latency alert pages the on-call.\n- 14:20 UTC - Vendor status page "
        "posts an incident.\n- 11:00 - Cache resized.\n- 12:10 EST - Vendor fix noted.\n"
        "- 13:05 - Latency back to normal. Incident resolved.\n",
        # a declared zone puts the bare rows on it
        "# Cache outage\n\n## Summary\n\nThe outage lasted about three hours.\n\n"
        "## Timeline\n\nAll times PST.\n\n- 10:00 - Cache nodes start evicting hot keys.\n"
        "- 10:05 PST - Latency alert pages the on-call.\n- 18:20 UTC - Vendor status page "
        "posts an incident.\n- 11:00 PST - Cache resized.\n"
        "- 13:05 - Latency back to normal. Incident resolved.\n",
    ],
)
def test_bare_rows_on_a_clock_of_their_own_keep_their_place(text: str) -> None:
    tl = _timeline(text)
    assert not any(e.clockless for e in tl.entries)
    assert tl.metrics.start is not None and tl.metrics.start.label.startswith("10:05")
    assert tl.metrics.time_to_resolve == dt.timedelta(hours=3)
