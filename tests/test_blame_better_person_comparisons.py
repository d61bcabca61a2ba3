"""Competence judged against an imagined more experienced person, read in one document.

"A more experienced dispatcher would have caught it" (PM103) holds the real person to a
better one whatever the trade: experience is had only by people, so such a word on a noun
that names a doer by its ending makes it a person even when the role list lacks the trade;
"someone more senior would have" is the same judgment. "Took longer than a seasoned
analyst would have" (PM104) measures a person's pace against that imagined person. A noun
that names no doer ("a more experienced model"), a word that fits a machine ("a more
careful parser"), an act ("more experienced reviewers were added"), the substitution test
("would have needed the same access"), "even ..." and "no longer than ..." (defences) and a
forecast ("longer than a senior DBA would have estimated") stay clean. Every sentence here
is written for this file."""

from __future__ import annotations

from conftest import LintFn, findings_by_paragraph

_HELD = {
    "A more experienced dispatcher would have rerouted the van before noon.": (
        "PM103 A more experienced dispatcher would have rerouted"
    ),
    "A senior planner would have caught the double booking at once.": (
        "PM103 A senior planner would have caught"
    ),
    "A seasoned therapist would have noticed the change in her notes.": (
        "PM103 A seasoned therapist would have noticed"
    ),
    "Somebody more senior would have paused the import.": (
        "PM103 Somebody more senior would have paused"
    ),
    "Ravi needed far longer than a more experienced analyst would have to open the trace.": (
        "PM104 longer than a more experienced analyst would have"
    ),
    "The junior worked through the runbook more slowly than a seasoned operator would.": (
        "PM104 more slowly than a seasoned operator would"
    ),
}

_CLEAN = [
    "A more experienced model would have fitted the seasonal curve better.",
    "A more careful parser would have rejected the truncated file.",
    "More experienced reviewers were added to the weekend rota.",
    "We paired the new hire with a more seasoned dispatcher for her first month.",
    "A senior engineer would have needed exactly the same access to run the fix.",
    "A more experienced planner would have made the same call with that data.",
    "Even a veteran dispatcher would have missed it, since the map showed the old road.",
    "Even somebody more senior would have trusted the green dashboard.",
    "The restore took no longer than a senior engineer would have needed.",
    "The cut-over took longer than a senior DBA would have estimated.",
    "Someone more experienced joined the call at ten.",
]


def test_an_imagined_more_experienced_person_is_a_judgment(lint_text: LintFn) -> None:
    found = findings_by_paragraph(lint_text, [("Discussion", [*_HELD, *_CLEAN])])
    for sentence, finding in _HELD.items():
        assert found[sentence] == [finding], (sentence, found[sentence])
    assert {s: f for s, f in found.items() if s in _CLEAN and f} == {}
