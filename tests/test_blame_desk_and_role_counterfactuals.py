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
