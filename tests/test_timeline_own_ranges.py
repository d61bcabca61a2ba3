"""PM503 on a stated duration written with its own clock range beside it: in brackets or
after a comma right after the figure ("52 minutes of failed logins (08:14-09:06 UTC)"), or
just before it ("from 13:20 to 15:05, for an hour and 45 minutes"). The figure is the
writer's arithmetic on that range, so it is compared with the range, not with the
timeline's entries: a figure that equals its range is clean whatever the timeline says, and
one that does not is reported with the range's length. A range of something else in the
same sentence, not beside the figure, leaves the figure to the timeline.

The timeline runs from 10:00 (impact begins) to 13:40 (resolved): 3h 40m."""

from __future__ import annotations

import pytest
from conftest import LintFn

DOC = """# Order intake outage

FIELD

## Summary

SUMMARY

## Timeline

All times UTC.

| Time | Event |
|---|---|
| 10:00 | Order submissions start failing (impact begins) |
| 10:09 | Error-rate alert pages the on-call engineer |
| 10:50 | Engineer finds the exhausted connection pool |
| 13:40 | Order submissions succeed again, resolved |
"""


def _pm503(lint_text: LintFn, summary: str, field: str = "") -> list[tuple[str, str]]:
    text = DOC.replace("FIELD", field).replace("SUMMARY", summary)
    return [
        (text[d.start : d.end], d.message) for d in lint_text(text, select=["PM503"]).diagnostics
    ]


@pytest.mark.parametrize(
    ("field", "summary", "stated", "measured"),
    [
        ("**Duration:** 1 hour 20 minutes of dropped orders (08:05 to 09:35 UTC)",
         "Orders failed.", "1 hour 20 minutes", "08:05 to 09:35 UTC is 1h 30m"),
        ("", "Order intake failed for 55 minutes (11:10-12:15 UTC).",
         "55 minutes", "11:10-12:15 UTC is 1h 05m"),
        ("", "From 9:30 am to 11:45 am, for about an hour, shops could not submit orders.",
         "an hour", "9:30 am to 11:45 am is 2h 15m"),
        ("", "Order intake was down for 40 minutes, from 23:50 to 00:50.",
         "40 minutes", "23:50 to 00:50 is 1h 00m"),
        # the timeline agrees with the figure, its own range does not
        ("**Duration:** 3 hours 40 minutes (10:00\u201312:40 UTC)", "Orders failed.",
         "3 hours 40 minutes", "10:00\u201312:40 UTC is 2h 40m"),
    ],
)  # fmt: skip
def test_a_figure_that_disagrees_with_its_own_range_is_reported(
    lint_text: LintFn, field: str, summary: str, stated: str, measured: str
) -> None:
    found = _pm503(lint_text, summary, field)
    assert [s for s, _ in found] == [stated]
    assert found[0][1].endswith(f"the range written beside it: {measured}")


@pytest.mark.parametrize(
    ("field", "summary"),
    [
        # equal to the range beside it, though the timeline's span is 3h 40m
        ("**Duration:** 1 hour 43 minutes of dropped orders (08:02-09:45 UTC)", "Orders failed."),
        ("", "The outage lasted 47 minutes (10:13\u201311:00 UTC)."),
        ("", "Shops were unable to submit orders from 10:05 to 12:35 UTC, for two and a half "
             "hours."),
        ("", "The outage lasted about two hours, from 10:00 to 12:10."),
        ("", "Orders failed for 1 hour 5 minutes (9:40 am to 10:45 am)."),
        ("- **Duration:** 2h 30m (22:45 to 01:15 UTC)", "Orders failed."),
        # several windows listed: the figure is their sum, the timeline's span agrees
        ("**Total downtime:** 3 hours 40 minutes (10:00-12:00 and 12:20-14:00 UTC)",
         "Orders failed."),
        ("", "Between 10:00 and 11:00, then from 11:20 to 14:00, for 3 hours 40 minutes "
             "orders failed."),
        # a range of something else, not beside the figure: the timeline agrees
        ("", "The outage lasted three hours and 40 minutes; the restart ran from 11:00 to "
             "11:20."),
        ("", "For 3 hours 40 minutes orders failed, and between 10:30 and 10:45 the queue "
             "overflowed."),
    ],
)  # fmt: skip
def test_a_figure_that_equals_its_own_range_or_has_none_beside_it_is_clean(
    lint_text: LintFn, field: str, summary: str
) -> None:
    assert _pm503(lint_text, summary, field) == []


def test_without_the_range_the_same_figures_meet_the_timeline(lint_text: LintFn) -> None:
    """The clean figures above are clean because of their ranges: alone, the timeline
    (3h 40m) contradicts them."""
    found = _pm503(lint_text, "The outage lasted 47 minutes.")
    assert [s for s, _ in found] == ["47 minutes"]
    found = _pm503(lint_text, "Orders failed.", "**Duration:** 1 hour 43 minutes")
    assert [s for s, _ in found] == ["1 hour 43 minutes"]


def test_crlf_and_wide_characters_keep_the_figure_s_range(lint_text: LintFn) -> None:
    text = DOC.replace("FIELD", "").replace(
        "SUMMARY", "🛒 注文 intake failed for 55 minutes (11:10-12:15 UTC)."
    )
    text = text.replace("\n", "\r\n")
    found = lint_text(text, select=["PM503"]).diagnostics
    assert [text[d.start : d.end] for d in found] == ["55 minutes"]
    assert found[0].message.endswith("11:10-12:15 UTC is 1h 05m")


RECOVERY = """# Search index outage

- **Duration:** FIGURE

## Timeline (all times UTC)

| Time | Event |
|---|---|
| 09:10 | Index rebuild pushed to the search fleet |
| 09:12 | Search queries start failing on every node |
| 09:15 | Latency alert pages the search on-call |
| 09:40 | Rebuild rolled back; nodes restarting one by one |
| 10:05 | Last node serving; query success rate back above 99.9% |
| 10:30 | Monitoring continued; no further errors |
"""


@pytest.mark.parametrize(
    ("figure", "message"),
    [
        ("41 minutes (09:12\u201309:53 UTC)",
         "41 minutes ends its range 09:12\u201309:53 UTC before the timeline's resolution: "
         "09:12 to 10:05 is 53m"),
        ("15 minutes (09:15 to 09:30 UTC)",
         "15 minutes ends its range 09:15 to 09:30 UTC before the timeline's resolution: "
         "09:15 to 10:05 is 50m"),
    ],
)  # fmt: skip
def test_a_range_that_ends_before_the_timeline_s_recovery_is_reported(
    lint_text: LintFn, figure: str, message: str
) -> None:
    """The figure agrees with its range, and the range starts on a time of the timeline
    on its clock, but the timeline tells the impact going on past the range's end."""
    text = RECOVERY.replace("FIGURE", figure)
    found = lint_text(text, select=["PM503"]).diagnostics
    assert [text[d.start : d.end] for d in found] == [figure.split(" (")[0]]
    assert found[0].message == f"Stated duration {message}"


@pytest.mark.parametrize(
    "figure",
    [
        "53 minutes (09:12\u201310:05 UTC)",  # ends at the recovery
        "28 minutes (09:12\u201309:40 UTC)",  # ends at the mitigation: impact may end there
        "1 hour 18 minutes (09:12\u201310:30 UTC)",  # counts the monitoring after recovery
        "41 minutes (04:12\u201304:53 EST)",  # another clock
        "41 minutes (09:12\u201309:53)",  # no clock named on the range
        "41 minutes (09:11\u201309:52 UTC)",  # starts on no time of the timeline
    ],
)
def test_a_range_that_meets_the_timeline_or_cannot_be_placed_on_it_is_clean(
    lint_text: LintFn, figure: str
) -> None:
    text = RECOVERY.replace("FIGURE", figure)
    assert lint_text(text, select=["PM503"]).diagnostics == []


def test_a_range_on_a_timeline_of_several_days_is_placed_only_on_its_own_day(
    lint_text: LintFn,
) -> None:
    """The range's start time recurs on the second day: which day it means is a guess."""
    text = RECOVERY.replace("FIGURE", "41 minutes (09:12\u201309:53 UTC)").replace(
        "| 10:30 | Monitoring continued; no further errors |",
        "| 23:50 | Monitoring continued; no further errors |\n"
        "| 09:12 | Follow-up review of the rebuild tooling |",
    )
    assert lint_text(text, select=["PM503"]).diagnostics == []
