"""PM501-PM503 on a list of steps each told by its clock time, under a heading that names
no timeline ("What happened", "How the evening went", "Our night, step by step" aside),
in a document with no timeline by name: the list is the timeline its writer kept, so its
zone, its order and a stated duration are checked. It must be most of its level's items
(two in three, at least three) and tell at least one milestone. Look-alikes: a schedule
of meetings, a runbook with one time in it, two timed items, a quoted list, and any such
list beside a timeline by name. PM504 asks such a list for no milestones: it may tell only
part of the incident. Every sentence is our own."""

from __future__ import annotations

import pytest
from conftest import LintFn

_HEAD = (
    "# Room booking kiosks down at the library\n\n**Severity:** SEV3\n\n## Summary\n\n{summary}\n\n"
)

#: the fourth step is out of order (19:05 after 19:20)
_STEPS = (
    "1. 18:40 – Kiosk software update 2.4 goes out to the branch libraries.\n"
    "2. 18:52 – Booking errors start rising on every kiosk.\n"
    "3. 19:20 – The desk supervisor phones IT; the on-call technician is paged.\n"
    "4. 19:05 – A student reports the kiosk screen frozen 🔒 予約.\n"
    "5. 20:10 – Update rolled back; kiosks take bookings again.\n"
)


def _doc(heading: str, steps: str = _STEPS, summary: str = "Kiosks took no bookings.") -> str:
    return _HEAD.format(summary=summary) + f"## {heading}\n\n{steps}"


def _found(lint_text: LintFn, text: str, codes: list[str]) -> list[tuple[str, str]]:
    diags = lint_text(text, select=codes).diagnostics
    return [(d.code, text[d.start : d.end]) for d in diags]


@pytest.mark.parametrize(
    "heading", ["What happened", "How the evening went", "The evening of 3 March", "Details"]
)
def test_a_time_led_list_is_the_timeline_of_a_document_that_names_none(
    lint_text: LintFn, heading: str
) -> None:
    text = _doc(heading)
    assert _found(lint_text, text, ["PM501", "PM502"]) == [
        ("PM501", heading),
        ("PM502", "19:05"),
    ]


@pytest.mark.parametrize(
    "steps",
    [
        # bullets with a colon, one step that carries no time among them
        _STEPS.replace("1. ", "- ").replace("2. ", "- ").replace("3. ", "- ")
        .replace("4. ", "- ").replace("5. ", "- ").replace(" – ", ": "),
        _STEPS + "6. Kiosk logs kept for the review.\n",
        _STEPS.replace("\n", "\r\n"),
    ],
)  # fmt: skip
def test_the_list_form_does_not_matter(lint_text: LintFn, steps: str) -> None:
    codes = [c for c, _ in _found(lint_text, _doc("What happened", steps), ["PM501", "PM502"])]
    assert codes == ["PM501", "PM502"]


def test_a_zone_declared_before_the_list_is_read(lint_text: LintFn) -> None:
    text = _doc("What happened", "All times CET.\n\n" + _STEPS)
    assert _found(lint_text, text, ["PM501", "PM502"]) == [("PM502", "19:05")]


_IN_ORDER = (
    "- 18:52 — Booking errors start rising on every kiosk.\n"
    "- 19:05 — A student reports the kiosk screen frozen.\n"
    "- 19:20 — The on-call technician is paged.\n"
    "- 20:10 — Update rolled back; kiosks take bookings again.\n"
)


@pytest.mark.parametrize(
    ("summary", "stated"),
    [
        ("The kiosks were down for about 40 minutes.", "40 minutes"),
        ("The outage lasted roughly half an hour.", "half an hour"),
    ],
)
def test_a_stated_duration_is_measured_on_the_list(
    lint_text: LintFn, summary: str, stated: str
) -> None:
    # 18:52 (errors start) to 20:10 (rolled back): 1h 18m
    text = _doc("What happened", "All times CET.\n\n" + _IN_ORDER, summary)
    assert _found(lint_text, text, ["PM5"]) == [("PM503", stated)]


@pytest.mark.parametrize(
    "summary",
    ["The kiosks were down for about 80 minutes.", "The outage lasted over an hour."],
)
def test_a_duration_that_agrees_with_the_list_is_clean(lint_text: LintFn, summary: str) -> None:
    text = _doc("What happened", "All times CET.\n\n" + _IN_ORDER, summary)
    assert _found(lint_text, text, ["PM5"]) == []


def test_a_list_without_mitigation_is_asked_for_no_milestone(lint_text: LintFn) -> None:
    steps = "".join(_IN_ORDER.splitlines(keepends=True)[:3])
    text = _doc("What happened", "All times CET.\n\n" + steps)
    assert _found(lint_text, text, ["PM5"]) == []


@pytest.mark.parametrize(
    "body",
    [
        # a schedule that tells no milestone
        "## Review sessions\n\n- 10:00 walkthrough of the kiosk update\n"
        "- 11:30 vendor call about release notes\n- 15:00 retro with the branch staff\n",
        # a runbook with one time in it
        "## How we recovered\n\n- Open the kiosk admin page.\n- 19:20 the technician is paged.\n"
        "- Roll back to 2.3.\n- Kiosks take bookings again after the rollback.\n",
        # two timed items
        "## What happened\n\n- 19:05 A student reports the screen frozen.\n"
        "- 18:52 Booking errors start rising.\n",
        # a quoted list
        "## What the branch told us\n\n> - 19:20 The technician is paged.\n"
        "> - 19:05 A student reports the screen frozen.\n"
        "> - 20:10 Update rolled back.\n",
    ],
)
def test_look_alikes_of_a_time_led_list_are_no_timeline(lint_text: LintFn, body: str) -> None:
    text = _HEAD.format(summary="Kiosks took no bookings.") + body
    assert _found(lint_text, text, ["PM501", "PM502", "PM503"]) == []
