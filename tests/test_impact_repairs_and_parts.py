"""PM401's "Impact stated without an amount" on sentences whose effect word belongs to a
component or a step of the work, not to a population reached: what a step of recovery
ran again ("we replayed the failed jobs"), a member of staff's mistaken choice told with a
comment on the team, one program named by the people noun it shares with people ("the
validator loaded the bundle"), and a compound name whose first word is something users
reach ("App Store receipts"), which must not be asked about as the affected party. Each
class stands beside look-alikes that state harm and stay reported. Every sentence here is
written for this file."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from conftest import LintFn


def _messages(lint_text: LintFn, lines: Sequence[str], heading: str) -> dict[str, list[str]]:
    """PM401's messages by line, each line its own paragraph under ``heading``."""
    text = f"# Parcel locker outage\n\n## {heading}\n\n" + "\n\n".join(lines) + "\n"
    diags = lint_text(text, select=["PM401"]).diagnostics
    by_line = dict(enumerate(text.splitlines(), start=1))
    out: dict[str, list[str]] = {}
    for d in diags:
        out.setdefault(by_line[text.count("\n", 0, d.start) + 1], []).append(d.message)
    return out


_REDONE = (
    "The on-call replayed the failed invoices from the retry queue.",
    "The rejected uploads were reprocessed from the archive overnight.",
    "Ops requeued the stuck label requests once the printer driver was pinned.",
)

_REDONE_HARM = (
    "Couriers resubmitted the failed handovers by hand.",
    "Lockers stayed shut and parcels could not be collected.",
)


@pytest.mark.parametrize("heading", ["Summary", "Impact"])
def test_a_recovery_step_on_damaged_things_is_no_claim(lint_text: LintFn, heading: str) -> None:
    got = _messages(lint_text, _REDONE + _REDONE_HARM, heading)
    assert not any(line in got for line in _REDONE), got
    assert all(line in got for line in _REDONE_HARM), got


_MISTAKES = (
    "A new engineer copied the wrong manifest and nobody reviewing the PR spotted it, which "
    "tells you how rushed reviews are on this team.",
    "The release manager picked the wrong branch, and no reviewer noticed before the tag.",
)

_MISTAKE_HARM = (
    "The engineer sent customers the wrong invoices.",
    "Customers were sent the wrong collection codes.",
)


def test_a_staff_mistake_is_no_claim(lint_text: LintFn) -> None:
    got = _messages(lint_text, _MISTAKES + _MISTAKE_HARM, "Summary")
    assert not any(line in got for line in _MISTAKES), got
    assert all(line in got for line in _MISTAKE_HARM), got


_ONE_PROGRAM = (
    "The validator loaded the truncated key bundle without a warning and then failed every "
    "token check.",
    "The consumer parsed the malformed event and then crashed.",
)

_PEOPLE_NOUN_HARM = (
    "Validators were locked out of the staking portal.",
    "Validators could not withdraw their stake.",
)


def test_one_program_named_by_a_people_noun_is_no_population(lint_text: LintFn) -> None:
    got = _messages(lint_text, _ONE_PROGRAM + _PEOPLE_NOUN_HARM, "Root cause")
    assert not any(line in got for line in _ONE_PROGRAM), got
    got = _messages(lint_text, _PEOPLE_NOUN_HARM, "Impact")
    assert all(line in got for line in _PEOPLE_NOUN_HARM), got


def test_a_compound_name_is_asked_about_by_its_head(lint_text: LintFn) -> None:
    lines = (
        "Android app tokens were rejected by the gateway.",
        "The mobile app crashed on launch.",
    )
    got = _messages(lint_text, lines, "Impact")
    assert "'app'" not in " ".join(got.get(lines[0], [])), got
    assert "tokens" in " ".join(got[lines[0]]), got
    assert "'app'" in " ".join(got[lines[1]]) or "apps" in " ".join(got[lines[1]]), got
