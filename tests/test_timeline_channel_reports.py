"""Detection told as a report over a channel, the radio or the phone, and the incident
declared by its priority.

* A person or a role that reports the symptom over a channel, the radio or the phone ("a
  shift lead reported on the supervisors' radio that the scanners had gone dark", "a
  driver radios the depot: the junction signal is dark") tells the detection. A report of
  progress or of all being well, or a call to ask or confirm something, is none.
* Raising or declaring a P1, a SEV1 or a priority incident ("raised a P1 with the
  telephony provider", "declares a priority-one incident") declares the incident; a P1
  follow-up ticket, a low priority or a priority someone was asked to raise is none.

The sentences of each class and their look-alikes are in tests/fixtures/timeline/
milestones.txt and milestones-clean.txt; here PM504 is checked on whole timelines.
"""

from __future__ import annotations

import pytest
from conftest import LintFn

_DOC = """# Evening calls not routed

## Timeline (BST)

- 17:50 Routing table 22 published to the contact-centre platform.
- 17:54 Calls for the returns queue start waiting with no agent offered.
- {first}
- {second}
- 18:31 Nadia rolls back to table 21; calls reach agents from 18:33.
"""


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "18:02 Team lead Omar Reyes reported on the supervisors' channel that his "
            "agents' phones were silent while the board showed 45 calls waiting.",
            "18:10 Omar takes the headset off and goes to look at the wallboard.",
        ),
        (
            "18:02 A floor walker radios the control desk: the returns agents have had no "
            "calls for ten minutes.",
            "18:10 The desk checks the agents' status screen.",
        ),
        (
            "18:02 The Leeds office receptionist rang to say callers get a dead line.",
            "18:10 The duty supervisor phones the telephony on-call line.",
        ),
        (
            "18:02 Agents in Leeds chat about the quiet evening.",
            "18:10 Floor manager Ola Berg raised a P1 with the telephony provider.",
        ),
        (
            "18:02 Agents in Leeds chat about the quiet evening.",
            "18:10 The duty manager declares a priority-one incident.",
        ),
    ],
)
def test_a_channel_report_or_a_priority_incident_marks_detection(
    lint_text: LintFn, first: str, second: str
) -> None:
    text = _DOC.format(first=first, second=second)
    assert lint_text(text, select=["PM504"]).diagnostics == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "18:02 Team lead Omar Reyes reported on the supervisors' channel that the "
            "shift handover was done.",
            "18:10 The control desk radioed the team leads to confirm the break rota.",
        ),
        (
            "18:02 A supervisor phoned the provider to ask for an ETA on the new release.",
            "18:10 The incident lead posted in the status channel that the next update "
            "is at 19:00.",
        ),
        (
            "18:02 Omar asks the provider to raise a P1 on their side.",
            "18:10 Ola opens a P3 ticket for the typo in the call script.",
        ),
        (
            "18:02 Ola raised a P1 follow-up ticket to add a queue-wait alert.",
            "18:10 The ticket priority was raised to P1.",
        ),
    ],
)
def test_progress_a_question_or_a_follow_up_marks_nothing(
    lint_text: LintFn, first: str, second: str
) -> None:
    text = _DOC.format(first=first, second=second)
    found = lint_text(text, select=["PM504"]).diagnostics
    assert [d.code for d in found] == ["PM504"]
    assert "detection" in found[0].message
