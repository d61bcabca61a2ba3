"""Two lapses told around the usual shape, read in one document.

A message meant to be read, left unread, told in the passive with a person as the "by"
agent ("the handover note was not read by the incoming lead") is the omission "the lead did
not read the note" is (PM103); data left unread ("the export was not read by anyone"), a
message marked as not the party's ("the misdirected letter"), a reason given and a thing as
the agent stay clean. Inattention told with an aside between "was" and "paying"
("was, sadly, not paying attention") is PM104 as the plain form is; a state before the
clause ("was busy, not paying ...") and a thing stay clean. Every sentence here is
written for this file."""

from __future__ import annotations

from conftest import LintFn, findings_by_paragraph

_HELD = {
    "The shift memo was not read by the incoming supervisor.": (
        "PM103 The shift memo was not read by the incoming supervisor"
    ),
    "The supplier's advisory was never read by our account manager.": (
        "PM103 The supplier's advisory was never read by our account manager"
    ),
    "The night lead was, sadly, not paying attention to the queue.": (
        "PM104 was, sadly, not paying attention"
    ),
    "Our approver was, frankly, paying no attention to the diff.": (
        "PM104 was, frankly, paying no attention"
    ),
}

_CLEAN = [
    "The customer export was not read by anyone outside the payroll team.",
    "The misdirected letter was not read by the clerk.",
    "The warning memo was not read by the supervisor because it landed in a shared inbox.",
    "The handover note was not read by the ingest job.",
    "The approver was busy, not paying attention to email.",
    "The sensor was, at that point, not paying attention to the drift.",
]


def test_unread_notes_and_interrupted_inattention(lint_text: LintFn) -> None:
    found = findings_by_paragraph(lint_text, [("What happened", [*_HELD, *_CLEAN])])
    for sentence, finding in _HELD.items():
        assert found[sentence] == [finding], (sentence, found[sentence])
    assert {s: f for s, f in found.items() if s in _CLEAN and f} == {}
