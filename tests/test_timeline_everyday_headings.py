"""PM501-PM503 under a timeline whose heading names it in everyday words with its formal
name in parentheses or after a separator ("What happened (timeline)", "How the lifts came
back: timeline", "Key times (CET)"), and a labelled total of the time to get the service
back ("Total time to restore: roughly two hours"), which PM204 read as no duration and
PM503 did not compare with the timeline. Look-alikes: "What happened" alone stays the
summary beside a timeline by name, a parenthesis that names no part ("What happened
(UTC)"), a heading about the timeline ("Why the timeline matters"), "Key times" before
other words, and a vague length ("a few hours"), still no duration. Every sentence is our own."""

from __future__ import annotations

import pytest
from conftest import LintFn

_HEAD = (
    "# Lift controllers offline at the harbour car park\n\n**Severity:** SEV3\n\n"
    "## Summary\n\nThe four lifts of the harbour car park stopped answering calls.\n\n"
)
#: the third row is out of order: a timeline check that runs reports it
_ROWS = (
    "- 06:12 — Lift 2 stops answering floor calls.\n"
    "- 06:20 — The night warden phones the on-call engineer.\n"
    "- 06:05 — Controller firmware push starts from the vendor portal.\n"
    "- 07:40 — Firmware rolled back; all lifts answering calls again.\n"
)


def _codes(lint_text: LintFn, text: str) -> list[str]:
    return [d.code for d in lint_text(text, select=["PM5"]).diagnostics]


@pytest.mark.parametrize(
    "heading",
    [
        "What happened (timeline)",
        "What Happened (Timeline)",
        "What happened: timeline",
        "What happened, step by step",
        "How we got the lifts back (timeline, all times UTC)",
        "Key times (UTC)",
        # the stretch of time it filled, unfolding
        "How the evening unfolded",
        "How the night unfolded",
    ],
)
def test_a_timeline_named_in_everyday_words_is_checked(lint_text: LintFn, heading: str) -> None:
    text = f"{_HEAD}## {heading}\n\nAll times UTC.\n\n{_ROWS}"
    assert "PM502" in _codes(lint_text, text)


@pytest.mark.parametrize(
    "heading",
    [
        "What happened",
        "What happened (UTC)",
        "What happened (as far as we know)",
        "Why the timeline matters",
        "Key times to call the vendor",
        "How the night went",
    ],
)
def test_a_heading_without_the_timeline_name_keeps_its_reading(
    lint_text: LintFn, heading: str
) -> None:
    """The heading names no timeline, so a document with a timeline by name reads only
    that one (alone, the entries told by their time make the section its timeline:
    tests/test_timeline_time_led_lists.py)."""
    named = "## Timeline\n\nAll times UTC.\n\n- 05:50 — Vendor stages the firmware.\n\n"
    text = f"{_HEAD}{named}## {heading}\n\nAll times UTC.\n\n{_ROWS}"
    assert _codes(lint_text, text) == []


def test_key_times_heading_gives_the_day_of_undated_rows(lint_text: LintFn) -> None:
    text = (
        f"{_HEAD}## Key times (UTC, 3 March unless noted)\n\n"
        "- 26 February, 10:30: firmware bundle staged on the vendor portal\n"
        "- 06:05: controller firmware push starts\n"
        "- 06:12: lift 2 stops answering floor calls\n"
        "- 06:20: the night warden phones the on-call engineer\n"
        "- 07:40: firmware rolled back; all lifts answering calls again\n"
    )
    assert "PM502" not in _codes(lint_text, text)


def _recovery_doc(total: str) -> str:
    return (
        f"{_HEAD}## Timeline\n\nAll times UTC.\n\n"
        "- 06:05 — Controller firmware push starts.\n"
        "- 06:12 — Lifts stop answering floor calls.\n"
        "- 06:20 — The night warden phones the on-call engineer.\n"
        "- 11:40 — Firmware rolled back; all lifts answering calls again.\n\n"
        f"{total}\n"
    )


@pytest.mark.parametrize(
    "total",
    [
        "Total time to restore: roughly two hours.",
        "Overall time to restore: about 90 minutes",
    ],
)
def test_a_total_time_to_recovery_is_compared_with_the_timeline(
    lint_text: LintFn, total: str
) -> None:
    text = _recovery_doc(total)
    diags = lint_text(text, select=["PM503", "PM204"]).diagnostics
    assert [d.code for d in diags] == ["PM503"]
    assert text[diags[0].start : diags[0].end] in ("two hours", "90 minutes")


@pytest.mark.parametrize(
    "total",
    [
        "Total time to restore: roughly five and a half hours.",
        "Time to recovery: about two hours.",  # no total: the field, not the Duration
    ],
)
def test_an_agreeing_or_unmarked_recovery_time_is_left_alone(lint_text: LintFn, total: str) -> None:
    assert lint_text(_recovery_doc(total), select=["PM503", "PM204"]).diagnostics == []


_FIELD = "# Kiosk outage\n\n**Date:** 2026-02-03\n**Status:** Draft\n**Duration:** {d}\n"


@pytest.mark.parametrize(
    "value",
    ["roughly four hours", "an hour and a half", "about two and a half days", "ten minutes"],
)
def test_a_length_in_words_is_a_duration(lint_text: LintFn, value: str) -> None:
    assert lint_text(_FIELD.format(d=value), select=["PM204"]).diagnostics == []


@pytest.mark.parametrize("value", ["a few hours", "several days", "a while", "four"])
def test_a_vague_length_is_still_no_duration(lint_text: LintFn, value: str) -> None:
    assert [d.code for d in lint_text(_FIELD.format(d=value), select=["PM204"]).diagnostics] == [
        "PM204"
    ]


#: a schedule of notices with no detection and no mitigation, the third row out of order
_NOTICES = (
    "- 09:10 — Data protection officer told of the exposed records.\n"
    "- 11:30 — Regulator's online form submitted.\n"
    "- 10:45 — Letters to the affected tenants approved.\n"
    "- 16:00 — Letters posted.\n"
)


@pytest.mark.parametrize(
    "heading",
    [
        "Notification timeline (regulator deadline)",
        "5. Regulatory timeline",
        "Escalation timeline",
        "Comms timeline",
    ],
)
def test_a_timeline_kept_for_the_handling_is_read_but_asked_for_no_milestones(
    lint_text: LintFn, heading: str
) -> None:
    """With no timeline by name, a timeline named by the handling it follows is still
    checked for order and zone; PM504 stays silent, since notices mark no detection."""
    codes = _codes(lint_text, f"{_HEAD}## {heading}\n\nAll times UTC.\n\n{_NOTICES}")
    assert "PM502" in codes
    assert "PM504" not in codes


def test_a_timeline_by_name_keeps_the_handling_one_out(lint_text: LintFn) -> None:
    """Beside the Timeline, a notification timeline is no second timeline: its rows are not
    read (no PM502 for their order), and the Timeline is asked for its milestones."""
    text = (
        f"{_HEAD}## Timeline\n\nAll times UTC.\n\n- 06:12 — Lift 2 stops answering floor calls.\n"
        "- 06:30 — Warden tries the lift again.\n- 06:50 — Warden writes up the shift.\n\n"
        f"## Notification timeline\n\n{_NOTICES}"
    )
    codes = _codes(lint_text, text)
    assert "PM502" not in codes
    assert "PM504" in codes


@pytest.mark.parametrize("heading", ["Notifications", "Project timeline", "Reporting lines"])
def test_other_headings_name_no_handling_timeline(lint_text: LintFn, heading: str) -> None:
    codes = _codes(lint_text, f"{_HEAD}## {heading}\n\nAll times UTC.\n\n{_NOTICES}")
    assert "PM502" not in codes
