"""A subject that is no one ("nobody", "none of the agents", "no reviewer", "not one
operator", "not a single nurse"), read in one document.

With a verb that is itself a lapse ("missed", "ignored", "skipped", "forgot", "failed to")
such a subject makes a double negation: the people did what was asked, the blameless
finding, not a person named as the cause (PM101) or an omission (PM103). "Did anything"
narrowed by a denied relative clause ("anything the checklist did not require") says the
same. With a verb of care ("checked", "bothered to") the denial is an omission pinned on the
group and stays PM103; a count ("no fewer than three operators"), "only one" and a plain
"not" contrast keep their findings. Every sentence here is written for this file."""

from __future__ import annotations

from conftest import LintFn, findings_by_paragraph

_CLEAN = [
    "Two parcels were delayed, and no customer missed the delivery window as a result.",
    "No trainee missed the certification slot.",
    "None of the dispatchers skipped a call during the storm.",
    "Not one technician ignored the torque warning; each logged it.",
    "Not a single responder overlooked the second page.",
    "No one forgot the handover, because the rota sent a reminder.",
    "Nobody on the night shift neglected to sign the log.",
    "Nobody failed to follow the evacuation checklist.",
    "No analyst broke the embargo on the figures.",
    "Nobody did anything the change plan had not asked for.",
    "Nobody did anything that was not in the rollback guide.",
]

_HELD = {
    "Nobody checked the replica lag before the failover.": "PM103 Nobody checked",
    "No one on the late rota bothered to open the ticket.": (
        "PM103 No one on the late rota bothered to open"
    ),
    "Not one of the approvers bothered to read the diff.": (
        "PM103 Not one of the approvers bothered to read"
    ),
    "Nobody did anything for half an hour.": "PM103 Nobody did anything",
    "Nobody did anything the pager asked them to do.": "PM103 Nobody did anything",
    "No fewer than four operators skipped the lockout step.": (
        "PM101 No fewer than four operators skipped"
    ),
    "Only one engineer missed the cut-over call.": "PM101 Only one engineer missed",
    "The auditor, not the clerk, ignored the flag.": "PM101 The auditor, not the clerk, ignored",
}


def test_a_lapse_denied_of_everyone_is_clean_and_omissions_stay(lint_text: LintFn) -> None:
    found = findings_by_paragraph(lint_text, [("What went well", [*_CLEAN, *_HELD])])
    assert {s: f for s, f in found.items() if s in _CLEAN and f} == {}
    for sentence, finding in _HELD.items():
        assert found[sentence] == [finding], (sentence, found[sentence])
