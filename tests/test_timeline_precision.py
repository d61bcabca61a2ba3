"""Precision classes of the timeline rules found by writers testing pm-lint on postmortems of
their own, each with true positives and hard negatives on fixture documents written for them:

* PM501, a zone stated where the timeline is introduced: on a label line that opens the
  timeline ("Timeline (UTC):", "Timeline, in CET:"), on a lead-in sentence ending with a
  colon, in a sentence saying the times are "in Pacific time". A timeline with no zone
  anywhere is still reported, and so is one whose "zone" is a region ("the Central region").
* a table whose first time column ("Hour") counts elapsed hours read on the column whose
  cells are clock times; a "Time" column of times is kept beside another, and counts are
  no clock.
* PM503, the stated duration measured to where the impact ended (a resolution that says the
  system recovered, or any mitigation row), never to a bookkeeping row ("Incident closed",
  "Postmortem meeting scheduled", "Status page set to Resolved"). A duration shorter than
  the time to the mitigation is still reported.
"""

from __future__ import annotations

import pytest
from conftest import FIXTURES, LintFn

from pm_lsp.parse.markdown import parse
from pm_lsp.policy.config import Settings, resolve
from pm_lsp.policy.rulepack import builtin_pack
from pm_lsp.rules.timeline.model import timeline_of, words

HERE = FIXTURES / "timeline"


def _read(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")


def _pm501(lint_text: LintFn, text: str) -> list[str]:
    return [text[d.start : d.end] for d in lint_text(text, select=["PM501"]).diagnostics]


# -- PM501: the zone on the line that introduces the timeline ---------------------------------

LABEL = "Timeline (UTC):"


@pytest.mark.parametrize(
    "lead",
    [
        LABEL,
        "Timeline (CET):",
        "Timeline, in CET:",
        "Timeline, Berlin time (CET):",
        "Timeline (Pacific):",
        "Timeline-ish (JST, since the team was in Tokyo):",
        "All times are in UTC:",
        "Times below are Pacific time (PT).",
    ],
)
def test_a_zone_on_the_timeline_label_line_is_a_zone(lint_text: LintFn, lead: str) -> None:
    text = _read("zone-lead-in.md").replace(LABEL, lead)
    assert _pm501(lint_text, text) == []


@pytest.mark.parametrize(
    ("lead", "anchor"),
    [
        ("Timeline:", "Timeline"),
        ("Timeline of the EU region outage:", "Timeline of the EU region outage"),
        ("Timeline of the Central region outage:", "Timeline of the Central region outage"),
        ("Timeline (Eastern Europe tenants):", "Timeline (Eastern Europe tenants)"),
    ],
)
def test_a_label_line_without_a_zone_is_still_reported(
    lint_text: LintFn, lead: str, anchor: str
) -> None:
    text = _read("zone-lead-in.md").replace(LABEL, lead)
    assert _pm501(lint_text, text) == [anchor]


SENTENCE = "We rebuilt this from the scheduler log and the chat channel (CET):"


@pytest.mark.parametrize(
    "lead",
    [
        SENTENCE,
        "Everything below is in Pacific time, as read off the laptops of the team in Seattle.",
        "Here is the order of events, in UTC, as the scheduler recorded them:",
        "We rebuilt the order of events from the scheduler log, the chat channel and\n"
        "the deploy history; the times are those of the Berlin office (CET):",
    ],
)
def test_a_lead_in_sentence_states_the_zone(lint_text: LintFn, lead: str) -> None:
    text = _read("zone-lead-in-section.md").replace(SENTENCE, lead)
    assert _pm501(lint_text, text) == []


@pytest.mark.parametrize(
    "lead",
    [
        "We rebuilt this from the scheduler log and the chat channel:",
        "Below is what we know about the failure of the Central region cluster:",
        "We rebuilt this from the scheduler log (the one in the Pacific region) and chat.",
    ],
)
def test_a_lead_in_sentence_without_a_zone_is_still_reported(lint_text: LintFn, lead: str) -> None:
    text = _read("zone-lead-in-section.md").replace(SENTENCE, lead)
    assert _pm501(lint_text, text) == ["Timeline"]


def test_a_zone_in_the_time_column_header_is_a_zone(lint_text: LintFn) -> None:
    table = (
        "| Time (UTC) | Event |\n|---|---|\n| 09:00 | Export job starts |\n"
        "| 09:14 | Finance reports errors |\n| 10:02 | Incident resolved |\n"
    )
    text = "# Ledger export\n\n## Timeline\n\n" + table
    assert _pm501(lint_text, text) == []
    assert _pm501(lint_text, text.replace("Time (UTC)", "Time")) == ["Timeline"]


# -- PM503: the impact end, never a bookkeeping row -----------------------------------------


def _bookkeeping_lines() -> list[tuple[str, str]]:
    lines = (HERE / "administrative.txt").read_text(encoding="utf-8").splitlines()
    return [
        (kind, event)
        for kind, event in (ln.split("\t") for ln in lines if ln.strip() and not ln.startswith("#"))
    ]


@pytest.mark.parametrize(("kind", "event"), _bookkeeping_lines())
def test_bookkeeping_events(kind: str, event: str) -> None:
    assert words(builtin_pack()).administrative(event) is (kind == "yes")


def test_every_bookkeeping_pattern_has_a_fixture_sentence() -> None:
    events = [e for kind, e in _bookkeeping_lines() if kind == "yes"]
    uncovered = [
        p.pattern
        for p in words(builtin_pack()).admin_patterns
        if not any(p.search(e) for e in events)
    ]
    assert uncovered == []


def _pm503(lint_text: LintFn, text: str) -> list[str]:
    return [d.message for d in lint_text(text, select=["PM503"]).diagnostics]


BACK = "Incident mitigated, image error rate back to baseline"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("", ""),  # the file as written: the duration ends at the mitigation row
        (BACK, "Incident mitigated"),  # mitigation only, later than an earlier rollback
        ("Incident closed", "Status page set to Resolved"),
        ("Incident closed", "Incident closed; all clear given in the channel"),
    ],
)
def test_duration_to_the_impact_end_agrees(lint_text: LintFn, old: str, new: str) -> None:
    text = (
        _read("duration-bookkeeping.md").replace(old, new)
        if old
        else _read("duration-bookkeeping.md")
    )
    assert _pm503(lint_text, text) == []


def test_a_duration_past_the_impact_end_is_reported(lint_text: LintFn) -> None:
    text = _read("duration-bookkeeping.md").replace("| 1h 10m |", "| 2h 35m |")
    assert _pm503(lint_text, text) == [
        # the row says "Incident mitigated" (and "back to baseline"): named as written
        "Stated duration 2h 35m disagrees with the timeline: impact start 13:05 to "
        "mitigation 14:15 is 1h 10m"
    ]


def test_a_duration_shorter_than_the_mitigation_is_reported(lint_text: LintFn) -> None:
    text = _read("duration-short.md")
    assert _pm503(lint_text, text) == [
        "Stated duration 30 min disagrees with the timeline: impact start 10:00 to "
        "mitigation 11:00 is 1h 00m"
    ]
    text = text.replace("checkout mitigated", "checkout back to normal")
    assert _pm503(lint_text, text) == [
        "Stated duration 30 min disagrees with the timeline: impact start 10:00 to "
        "resolution 11:00 is 1h 00m"
    ]


def test_a_duration_matching_a_mitigation_is_consistent(lint_text: LintFn) -> None:
    text = _read("duration-short.md").replace("| 30 min |", "| 1 hour |")
    assert _pm503(lint_text, text) == []


def test_the_time_to_resolve_skips_bookkeeping_rows() -> None:
    cfg = resolve([Settings()])
    doc = parse(_read("duration-bookkeeping.md"), cfg.template)
    m = timeline_of(doc, cfg.pack, cfg.template).metrics
    assert m.resolved is not None and m.resolved.label == "14:15"
    doc = parse(_read("duration-short.md"), cfg.template)
    m = timeline_of(doc, cfg.pack, cfg.template).metrics
    # only bookkeeping says it is over: it stays the time to resolve, not the impact end
    assert m.resolved is not None and m.resolved.label == "11:45"


def test_a_zone_column_with_one_zone_is_the_timelines_zone(lint_text: LintFn) -> None:
    """ "| Time | Zone | Event |" with "UTC" on every row states the zone (PM501 stays
    quiet); a table without it still has no zone."""
    table = (
        "# T\n\n## Timeline\n\n| Time | Zone | Event |\n|---|---|---|\n"
        "| 09:14 | UTC | Alert fires |\n| 09:20 | {} | Incident declared |\n"
    )
    assert lint_text(table.format("UTC"), select=["PM501"]).diagnostics == []
    plain = (
        "# T\n\n## Timeline\n\n| Time | Event |\n|---|---|\n"
        "| 09:14 | Alert fires |\n| 09:20 | Incident declared |\n"
    )
    assert lint_text(plain, select=["PM501"]).diagnostics


# -- a table whose first time column counts hours: the clock is in another column ------------

_ELAPSED = (
    "# Ledger export stall\n\n## Timeline\n\nAll times UTC.\n\n"
    "| Hour | Time | Event |\n|---|---|---|\n"
    "| - | 11 Jun 22:40 | Export job settings changed. |\n"
    "| 0 | 12 Jun 06:15 | An analyst reports a missing ledger file. |\n"
    "| 2 | 12 Jun 08:20 | Job settings reverted; exports run again. |\n"
    "| {a} | 13 Jun {t1} | Missing files sent again to the bank. |\n"
    "| {b} | 13 Jun {t2} | The bank confirms receipt. |\n"
)


def test_an_elapsed_hour_column_gives_way_to_the_clock_column(lint_text: LintFn) -> None:
    """ "| Hour | Time |" with elapsed hours ("-", "0", "26") under "Hour": the rows are
    read on the clock of the column whose cells are times, so a step back is found."""
    text = _ELAPSED.format(a="30", t1="12:05", b="27", t2="09:10")
    diags = lint_text(text, select=["PM501", "PM502"]).diagnostics
    assert [(d.code, text[d.start : d.end]) for d in diags] == [("PM502", "13 Jun 09:10")]
    cfg = resolve([Settings()])
    tl = timeline_of(parse(text, cfg.template), cfg.pack, cfg.template)
    assert [e.label for e in tl.entries][:2] == ["11 Jun 22:40", "12 Jun 06:15"]
    ordered = _ELAPSED.format(a="27", t1="09:10", b="30", t2="12:05")
    assert lint_text(ordered, select=["PM501", "PM502"]).diagnostics == []


def test_a_named_time_column_of_times_is_kept_and_counts_are_no_clock(
    lint_text: LintFn,
) -> None:
    """A "Time" column of clock times stays the time even beside another column of times
    (an acknowledgement time may go back); a table of hours and counts has no clock."""
    acked = (
        "# T\n\n## Timeline\n\nAll times UTC.\n\n| Time | Acked | Event |\n|---|---|---|\n"
        "| 09:02 | 09:20 | Disk alert on the build host. |\n"
        "| 09:11 | 09:05 | Queue alert on the same host. |\n"
        "| 09:30 | 09:31 | Old artifacts deleted; builds resume. |\n"
    )
    assert lint_text(acked, select=["PM502"]).diagnostics == []
    counts = (
        "# T\n\n## Timeline\n\nAll times UTC.\n\n| Hour | Failed logins | Note |\n"
        "|---|---|---|\n| 7 | 1200 | peak |\n| 5 | 300 | falling |\n| 9 | 40 | normal |\n"
    )
    assert lint_text(counts, select=["PM501", "PM502"]).diagnostics == []


# -- PM503: a latent cause days before the incident is not the impact start -------------------


def test_a_latent_cause_days_before_is_not_the_impact_start(lint_text: LintFn) -> None:
    text = _read("latent-cause.md")
    # measured from the first detection (41 minutes), not from the failing task three days
    # before it
    assert _pm503(lint_text, text) == []
    cfg = resolve([Settings()])
    m = timeline_of(parse(text, cfg.template), cfg.pack, cfg.template).metrics
    assert m.start_kind == "detection" and m.start is not None
    assert m.start.label == "03-14 08:12"


def test_after_a_latent_cause_a_short_duration_is_measured_from_detection(
    lint_text: LintFn,
) -> None:
    text = _read("latent-cause.md").replace("**Duration:** 41 minutes", "**Duration:** 12 minutes")
    assert _pm503(lint_text, text) == [
        "Stated duration 12 minutes disagrees with the timeline: first detection 03-14 08:12 "
        "to resolution 03-14 08:53 is 41m"
    ]


def test_a_failure_the_same_day_before_the_alert_is_still_the_impact_start(
    lint_text: LintFn,
) -> None:
    # the look-alike: the same entry hours before the alert, on the same date, starts the clock
    text = _read("latent-cause.md").replace("03-11 21:40", "03-14 06:40")
    assert _pm503(lint_text, text) == [
        "Stated duration 41 minutes disagrees with the timeline: impact start 03-14 06:40 to "
        "resolution 03-14 08:53 is 2h 13m"
    ]


def test_a_first_entry_that_is_no_impact_start_falls_back_to_detection(
    lint_text: LintFn,
) -> None:
    # the first row is the change; without an impact start, the clock runs from the
    # support ticket (a detection), to the payouts resuming (the resolution)
    text = _read("recovery-words.md").replace("**Status:** Final", "**Duration:** 5 minutes")
    assert _pm503(lint_text, text) == [
        "Stated duration 5 minutes disagrees with the timeline: first detection 09:15 to "
        "resolution 09:44 is 29m"
    ]


def test_an_entry_that_says_mitigated_is_named_a_mitigation(lint_text: LintFn) -> None:
    text = _read("duration-short.md").replace(
        "checkout mitigated", "checkout mitigated, errors back to normal"
    )
    assert _pm503(lint_text, text) == [
        "Stated duration 30 min disagrees with the timeline: impact start 10:00 to "
        "mitigation 11:00 is 1h 00m"
    ]


# -- PM504: recovery and detection told in other words ------------------------------------------


def test_recovery_and_a_support_ticket_mark_the_milestones(lint_text: LintFn) -> None:
    text = _read("recovery-words.md")
    assert lint_text(text, select=["PM504"]).diagnostics == []
    # the look-alike: without those rows the timeline marks neither
    bare = text.replace("Merchant support ticket reports payouts stuck in pending", "Team meets")
    bare = bare.replace("Ana rolled the ledger writer upgrade back", "Ana reads the logs")
    bare = bare.replace("Merchant payouts resume", "Ana reads more logs")
    bare = bare.replace("Payout backlog cleared", "Team writes notes")
    assert [d.code for d in lint_text(bare, select=["PM504"]).diagnostics] == ["PM504"]
