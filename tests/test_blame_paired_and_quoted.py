"""Blind round 33 classes of bl35. Every sentence here is written for this file.

Class 1: a thing the writers own ("our gateway"), paired with a party by "and", is a thing;
a root-cause statement whose subject it heads ends at no one's action. Two parties, or a
name paired with a role, still do."""

from __future__ import annotations

import pytest
from conftest import LintFn


def _root_cause(lint_text: LintFn, sentence: str) -> list[tuple[str, str]]:
    text = f"# Incident\n\n## Root cause\n\n{sentence}\n"
    diags = lint_text(text, select=["PM1"]).diagnostics
    return [(d.code, text[d.start : d.end]) for d in diags if d.code == "PM107"]


@pytest.mark.parametrize(
    "sentence",
    [
        # class 1 of bl35: a thing (owned by the writers or not) paired with a party
        "Our kiosk software and our courier partner swap delivery codes every hour.",
        "Our gateway and our hosting vendor share one certificate chain.",
        "Our scheduler and the contractor both write to the same bucket.",
        "Our warehouse robots and the floor supervisor share one aisle map.",
        "The ticket portal and our print partner read the same seat plan.",
        "My laptop and the auditor's tablet sync from one shared folder.",
        "The health check and the load balancer disagree about the port.",
    ],
)
def test_a_thing_paired_with_a_party_ends_at_no_one(lint_text: LintFn, sentence: str) -> None:
    assert _root_cause(lint_text, sentence) == []


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("The contractor and our release manager deleted the staging bucket.", "The contractor"),
        ("Marta and the vendor's technician skipped the failover check.", "Marta"),
        ("The new hire and Kim ignored the expiry warning.", "The new hire"),
        (
            "Our release manager and the contractor deleted the staging bucket.",
            "Our release manager",
        ),
    ],
)
def test_two_parties_paired_still_end_the_chain(lint_text: LintFn, sentence: str, who: str) -> None:
    assert _root_cause(lint_text, sentence) == [("PM107", who)]


# Class 2 of bl35: a claim partly quoted after a verb of saying ("reported that the crew
# "forgot to ..."") is the speaker's, the party outside the marks included; the writers'
# own words around it are still judged.
REJECTED = (
    "# Ferry ticketing outage\n\n## Contributing factors\n\n"
    'A harbour radio show reported that the booking clerks "forgot to reload" the fare '
    "table. That is not what happened: the fare table loads itself, and the loader had "
    "stalled on a locked file.\n\n"
    'A travel blog said the crew had "simply forgotten" the second gangway. We disagree: '
    "the gangway sensor read closed.\n"
)


def test_a_partly_quoted_claim_the_document_rejects_is_not_judged(lint_text: LintFn) -> None:
    diags = lint_text(REJECTED, select=["PM1"]).diagnostics
    assert [(d.code, REJECTED[d.start : d.end]) for d in diags] == []


def test_blame_beside_a_partly_quoted_claim_is_judged(lint_text: LintFn) -> None:
    text = (
        "# Ferry ticketing outage\n\n## Contributing factors\n\n"
        'A harbour radio show reported that the clerks "forgot to reload" the fare table, '
        "and Tomas ignored the stale-fare alarm.\n"
    )
    diags = lint_text(text, select=["PM1"]).diagnostics
    assert [(d.code, text[d.start : d.end]) for d in diags] == [("PM101", "Tomas ignored")]
