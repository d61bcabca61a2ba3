"""Round 37 (branch misc37): a shift's own log heads the Timeline, and the events before
the incident ("Leadup", "Lead-up to the incident") are their own part, not its root cause.

A person doing their job in the lead-up is told, not a root cause that ends at a person
(PM107), and a log line under a handover or shift log is a timeline entry, not a
commitment (PM301). Hard negatives: a software "Change log" names no part."""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.policy.templates import load_template


@pytest.mark.parametrize(
    ("heading", "canonical"),
    [
        ("Handover log (all times CET)", "timeline"),
        ("Shift log", "timeline"),
        ("Operations log, night of 3 May", "timeline"),
        ("Watch log", "timeline"),
        ("Duty log (UTC)", "timeline"),
        ("Leadup", "leadup"),
        ("Lead-up to the incident", "leadup"),
        ("Lead up", "leadup"),
        # hard negatives
        ("Change log", None),
        ("Changelog", None),
        ("Leading indicators", None),
        ("Shift handover checklist", None),
    ],
)
def test_log_and_leadup_headings(heading: str, canonical: str | None) -> None:
    assert load_template("standard").canonical_section(heading) == canonical


def test_atlassian_leadup_is_its_own_section() -> None:
    assert load_template("atlassian").canonical_section("Lead-up") == "leadup"


_LEADUP = (
    "# Postmortem: Fare lookup slowdown\n\n## Summary\n\n"
    "Between 08:02 and 08:40 UTC on 4 June, fare lookups slowed from 90 ms to 2 seconds.\n\n"
    "## {heading}\n\n{sentence}\n\n"
    "## Fault\n\nThe new rules read a renamed table, so every lookup missed the cache.\n"
)

PEOPLE_AT_WORK = [
    "At 07:45 UTC, Marta Lindqvist shipped pricing rules version 12 through the usual"
    " staged rollout.",
    "Jonas Weber merged the cache change on Tuesday after two reviews.",
    "The night operator, Aiko Tanaka, restarted the fare service at 06:10 as scheduled.",
]


@pytest.mark.parametrize("heading", ["Leadup", "Lead-up", "Lead up to the incident"])
@pytest.mark.parametrize("sentence", PEOPLE_AT_WORK)
def test_a_person_in_the_leadup_is_no_root_cause(
    lint_text: LintFn, heading: str, sentence: str
) -> None:
    text = _LEADUP.format(heading=heading, sentence=sentence)
    assert [d.code for d in lint_text(text, select=["PM107"]).diagnostics] == []


_LOG = (
    "# Postmortem: Freezer alarm missed\n\n## Summary\n\n"
    "The freezer alarm on ward 4 was missed for 2 hours on 3 May.\n\n"
    "## {heading}\n\n"
    "- 21:40 Night shift takes over from Priya.\n"
    "- 22:15 Relay fault shows on the panel. Needs sign-off from the duty manager.\n"
    "- 23:50 Alarm restored.\n"
)


@pytest.mark.parametrize("heading", ["Handover log (all times CET)", "Shift log", "Watch log"])
def test_log_lines_under_a_shift_log_are_timeline(lint_text: LintFn, heading: str) -> None:
    text = _LOG.format(heading=heading)
    codes = [d.code for d in lint_text(text, select=["PM201", "PM301"]).diagnostics]
    assert "PM301" not in codes
    assert not any("Timeline" in d.message for d in lint_text(text, select=["PM201"]).diagnostics)


# --- PM203 Duration told as a span of days; PM204 a Status note naming an advisory ---

_NO_DURATION = (
    "# Postmortem: Signing keys exposed\n\n**Date:** 2026-10-02\n**Authors:** Ruth Okafor\n"
    "**Status:** Final\n**Severity:** SEV2\n\n## Summary\n\n{sentence}\n"
)

SPANS = [
    "The signing keys sat in a public bucket for a combined 6 days.",
    "From 3 to 9 October the build cache served the old keys.",
    "Between October 3 and 9, the mirror handed out the stale keys.",
    "The exposure ran from 28 September to 4 October before we rotated the keys.",
    "Logs were unreadable for a total of 14 hours.",
]

NOT_SPANS = [
    "The key rotation is planned from 3 to 9 November.",
    "We rebuilt the cache from 12 to 21 servers over the week.",
    "Ruth is on leave from 3 to 9 November, so Tom owns the follow-up.",
    "The scheduled freeze runs between December 20 and 28.",
]


def _duration_missing(lint_text: LintFn, sentence: str) -> bool:
    diags = lint_text(_NO_DURATION.format(sentence=sentence), select=["PM203"]).diagnostics
    return any("Duration" in d.message for d in diags)


@pytest.mark.parametrize("sentence", SPANS)
def test_a_span_of_days_tells_the_duration(lint_text: LintFn, sentence: str) -> None:
    assert not _duration_missing(lint_text, sentence)


@pytest.mark.parametrize("sentence", NOT_SPANS)
def test_a_plan_or_a_count_is_no_duration(lint_text: LintFn, sentence: str) -> None:
    assert _duration_missing(lint_text, sentence)


@pytest.mark.parametrize(
    ("value", "final"),
    [
        ("Resolved; advisory final", True),
        ("Resolved (bulletin final)", True),
        ("Mitigated - advisory draft", False),
        ("Resolved; advisory pending", False),
    ],
)
def test_a_note_naming_the_advisory(value: str, final: bool) -> None:
    assert load_template("standard").is_final(value) is final
