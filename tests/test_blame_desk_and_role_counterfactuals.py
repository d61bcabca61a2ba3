"""A counterfactual held against a desk, a department or a person named after a role
(PM103), read in one document.

"The second-line desk should have phoned the carrier" judges the desk as "the on-call
engineer should have" judges the engineer: a line of support names people's work before a
desk or before "support"; a department written bare ("Support", "Security") is a party with
an act only people do; a name set off by commas after a role or a place ("our clerk at the
depot, Nadia, should have ...") is the one judged. A feature's "support", a system's check,
a place set off by commas, the future and what users were owed stay clean. Every sentence
here is written for this file."""

from __future__ import annotations

from conftest import LintFn, findings_by_paragraph

_HELD = {
    "The second-line desk should have phoned the carrier when the queue passed a thousand.": (
        "PM103 The second-line desk should have phoned"
    ),
    "Tier-2 support should have escalated the ticket to the vendor.": (
        "PM103 Tier-2 support should have escalated"
    ),
    "Security should have warned the bucket owners before the policy change.": (
        "PM103 Security should have warned"
    ),
    "By Tuesday, support should have chased the supplier for the new codes.": (
        "PM103 support should have chased"
    ),
    "The receptionist on the late shift should have questioned the second card charge.": (
        "PM103 The receptionist on the late shift should have questioned"
    ),
    "Our clerk at the Bristol depot, Nadia, should have spotted the duplicate manifest.": (
        "PM103 Our clerk at the Bristol depot, Nadia, should have spotted"
    ),
}

_CLEAN = [
    "Support for the old API should have been dropped last year.",
    "Support should have handled the retries transparently.",
    "Security should have been tightened on the bucket.",
    "The first-line checks should have caught the malformed file.",
    "The front panel should have shown the fault code.",
    "The relay in Frankfurt, Paris, should have taken over.",
    "The alerting stack, Prometheus, should have fired at 09:00.",
    "In future, second-line support should page the vendor directly.",
    "The second-line support rota should have listed the vendor's number.",
    "Users should have received an email before the cut-over.",
    "Operations should have resumed by noon according to the plan.",
    "The L2 queue should have drained within the hour.",
]


def test_desks_departments_and_named_roles_held_to_a_duty(lint_text: LintFn) -> None:
    found = findings_by_paragraph(lint_text, [("Discussion", [*_HELD, *_CLEAN])], ("PM103",))
    for sentence, finding in _HELD.items():
        assert found[sentence] == [finding], (sentence, found[sentence])
    assert {s: f for s, f in found.items() if s in _CLEAN and f} == {}


# A department written bare, supposed in a condition to have done a duty only people do
# (a desk duty, or keeping to a procedure written for people), judged as "Security should
# have ..." is; a feature's support, a state and a software's following stay clean.
_SUPPOSED = {
    "If Security had simply followed the vault procedure, the doors would have stayed open.": (
        "PM103 If Security had simply followed the vault procedure"
    ),
    "If support had chased the courier on Tuesday, the parcels would have arrived in time.": (
        "PM103 If support had chased the courier on Tuesday"
    ),
    "If Operations had read the failover runbook, the traffic would have gone east.": (
        "PM103 If Operations had read the failover runbook"
    ),
    "Had security followed the key rotation checklist, the old token would have been revoked.": (
        "PM103 Had security followed the key rotation checklist"
    ),
    "Had Support warned the shop owners, fewer orders would have been lost.": (
        "PM103 Had Support warned the shop owners"
    ),
}

_UNSUPPOSED = [
    "If support had followed the redirect, the client would have reached the new host.",
    "If security had been tighter, the bucket would not have been exposed.",
    "Had Support handled the retries, the clients would have recovered.",
    "Had support for the old cipher been dropped, the scan would have passed.",
    "If the health probe had failed, the job would have stopped on its own.",
    "Had the cache been warm, the page would have loaded in time.",
    "Had security reviewed the change, they would have found the same gap.",
]


def test_departments_supposed_to_have_done_a_duty(lint_text: LintFn) -> None:
    found = findings_by_paragraph(lint_text, [("Analysis", [*_SUPPOSED, *_UNSUPPOSED])], ("PM103",))
    for sentence, finding in _SUPPOSED.items():
        assert found[sentence] == [finding], (sentence, found[sentence])
    assert {s: f for s, f in found.items() if s in _UNSUPPOSED and f} == {}
