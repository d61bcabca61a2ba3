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
