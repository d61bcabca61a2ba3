"""Fixed judgment phrases ("poor judgment", "a bad call", "a rookie mistake") and where they
do not judge anyone (PM104), read in one document per test.

A phrase set aside through the words it hangs from ("this was never a matter of poor
judgment", "nothing in the logs points to poor judgment") is a denial, and one the writers
say of themselves ("we showed poor judgment when ...", "I made a bad call") is the
ownership a postmortem asks for. Said of a person, a role or "our" engineer, the phrase
still judges them. Every sentence here is written for this file."""

from __future__ import annotations

from conftest import LintFn, findings_by_paragraph

_JUDGED = {
    "Ravi showed poor judgment in restarting both replicas at once.": "PM104 poor judgment",
    "The shift lead used poor judgement when she paged the vendor instead of the DBA.": (
        "PM104 poor judgement"
    ),
    "Our contractor exercised poor judgment by editing the firewall rules live.": (
        "PM104 poor judgment"
    ),
    "Poor judgment by the release captain let the build through.": "PM104 Poor judgment",
    "Pushing the hotfix at midnight was a bad call by the platform lead.": "PM104 bad call",
}

_CLEAN = [
    "This was never a matter of poor judgment; the dashboard showed stale data.",
    "It was not a case of poor judgement by the operator, because the alert text misled him.",
    "Nothing in the chat logs points to poor judgment on the part of the responders.",
    "The delay was not the result of a bad call but of a missing flag.",
    "We showed poor judgment in scheduling the migration on a holiday weekend.",
    "I made a bad call when I approved the change without a canary.",
    "We made a rookie mistake by leaving the debug flag on.",
    "My poor judgement cost the team an hour.",
]


def test_judgment_phrases_denied_or_owned_stay_clean(lint_text: LintFn) -> None:
    found = findings_by_paragraph(lint_text, [("Analysis", [*_JUDGED, *_CLEAN])], ("PM104",))
    for sentence, finding in _JUDGED.items():
        assert found[sentence] == [finding], (sentence, found[sentence])
    assert {s: f for s, f in found.items() if s in _CLEAN and f} == {}
