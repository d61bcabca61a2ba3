"""PM403 in a security incident: a statement about whether data was reached (accessed,
viewed, exposed, exfiltrated) answers the data question as a statement about loss does,
said either way; an open question and a service out of users' reach do not."""

from __future__ import annotations

import pytest
from conftest import LintFn

_DOC = (
    "# Stolen session token at the clinic portal\n\n## Summary\n\nAn intruder replayed a "
    "staff session token against the scheduling API for 50 minutes.\n\n## Impact\n\n"
    "{statement}\n\n## Root cause\n\nThe token lifetime was 30 days.\n"
)


def _pm403(lint_text: LintFn, statement: str) -> list[str]:
    text = _DOC.format(statement=statement)
    return [d.code for d in lint_text(text, select=["PM403"]).diagnostics]


@pytest.mark.parametrize(
    "statement",
    [
        "No patient data was accessed.",
        "No appointment records were viewed, copied or exfiltrated.",
        "We found no evidence that any billing details were downloaded.",
        "None of the stored referral documents were exposed.",
        "Patient records were not accessed at any point.",
        "Insurance details weren’t exposed.",
        "The intruder did not reach the records database.",
        # the other way: data was reached
        "About 410 patient email addresses were exposed.",
        "The intruder exfiltrated 1,200 patient records before the token was revoked.",
    ],
)
def test_a_statement_about_access_or_exposure_answers_pm403(
    lint_text: LintFn, statement: str
) -> None:
    assert _pm403(lint_text, statement) == [], statement


@pytest.mark.parametrize(
    "statement",
    [
        # a question still open
        "We are still checking whether patient data was accessed.",
        "It is not yet known if any appointment records were exfiltrated.",
        # the service out of reach, or something else exposed or viewed
        "Staff could not access their calendars for 50 minutes.",
        "The health endpoint was exposed on port 9100 by design.",
        "No dashboards were viewed during the night.",
        "Clinic staff accessed their schedules as usual.",
    ],
)
def test_look_alikes_still_leave_the_data_question_open(lint_text: LintFn, statement: str) -> None:
    assert _pm403(lint_text, statement) == ["PM403"], statement


@pytest.mark.parametrize(
    "statement",
    [
        # an open question, however it is put
        "We have yet to establish whether the intruder opened any referral letters.",
        "At this stage we cannot rule out that appointment records were exfiltrated.",
        "Nobody has been able to confirm that billing details were not downloaded.",
        "Whether the intruder read patient records has not been determined.",
        # a denial for one store that leaves another open
        "The intruder never reached the archive, but clinic data may have been viewed.",
        # no security sense: a job that did not copy a table
        "The nightly export did not copy the patient records table, so reports came out empty.",
    ],
)
def test_open_questions_and_non_security_denials_leave_pm403(
    lint_text: LintFn, statement: str
) -> None:
    assert _pm403(lint_text, statement) == ["PM403"], statement


@pytest.mark.parametrize(
    "statement",
    [
        # settled answers, also when the sentence says how they were settled
        "We confirmed that no patient data was accessed.",
        "The audit determined that appointment records were not exposed.",
        "Scheduling finished early. No referral documents were downloaded.",
        "The attacker did not copy any patient records.",
        # "able to confirm" that settles it, and an unknown party that reached nothing
        "The forensics team was able to confirm that no clinic records were viewed.",
        "We went on to verify that no booking data was exfiltrated.",
        "An unknown bot scanned the portal, but no patient files were accessed.",
    ],
)
def test_settled_access_statements_answer_pm403(lint_text: LintFn, statement: str) -> None:
    assert _pm403(lint_text, statement) == [], statement
