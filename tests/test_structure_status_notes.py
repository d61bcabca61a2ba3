"""act35 class 4 (PM204): a Status that opens with the incident's state and gives the
write-up's own in a note ("Recovered (retro final)", "Contained - write-up approved",
"Fixed; the report is in review") is read by the note: the document's status, valid, and
final when that status is. Look-alikes: a value that opens with a status is read by it
("Draft (final review on Friday)" stays a draft), and a note that names no write-up right
before a status ("Recovered (final review pending)", "Recovered, retro still being
drafted") gives none, so PM204 still reports the incident's state. Values are our own."""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack
from pm_lsp.policy.templates import load_template

_DOC = (
    "# Locker bank outage\n\n**Date:** 2026-05-11\n**Status:** {status}\n\n"
    "## Action items\n\n- Add a heartbeat alert to the locker hubs (owner: Ayla, "
    "due 2026-06-01)\n"
)

OWN = [
    ("Recovered (retro final)", "final", True),
    ("Contained - write-up approved", "approved", True),
    ("Fixed; the report is in review", "in review", False),
    ("Restored, post-mortem Published", "Published", True),
    ("Recovered (postmortem: draft)", "draft", False),
    ("Recovered [RCA closed]", "closed", True),
    ("Contained (writeup final)", "final", True),
    ("Recovered - document approved", "approved", True),
    ("Fixed (doc now in review)", "in review", False),
    ("Recovered; retrospective complete", "complete", True),
    ("Restored (PIR reviewed)", "reviewed", True),
    # misc37 class 4: a security advisory or a bulletin is the write-up
    ("Contained; advisory final", "final", True),
    ("Recovered (bulletin in review)", "in review", False),
]

NOT_OWN = [
    "Recovered (final review pending)",
    "Recovered, retro still being drafted",
    "Contained (see the write-up thread)",
    "Recovered (reports are final)",
]


@pytest.mark.parametrize(("status", "word", "final"), OWN)
def test_a_note_naming_the_write_up_gives_its_status(
    lint_text: LintFn, status: str, word: str, final: bool
) -> None:
    template = load_template("standard")
    assert template.is_valid_status(status)
    assert template.status_word(status) == word
    assert template.is_final(status) is final
    text = _DOC.format(status=status)
    assert lint_text(text, select=["PM204"], template="standard").diagnostics == []


@pytest.mark.parametrize("status", NOT_OWN)
def test_a_note_that_names_no_write_up_status_leaves_the_incident_state(
    lint_text: LintFn, status: str
) -> None:
    text = _DOC.format(status=status)
    (d,) = lint_text(text, select=["PM204"], template="standard").diagnostics
    assert d.message.startswith(("Status 'Recovered'", "Status 'Contained'")), d.message


def test_a_status_first_is_read_by_it() -> None:
    template = load_template("standard")
    value = "Draft (final review on Friday)"
    assert template.status_word(value) == "Draft"
    assert not template.is_final(value)


def test_every_document_noun_has_a_value() -> None:
    nouns = builtin_pack().family("vocabulary")["status-notes"]["documents"]
    written = " ".join(s.lower() for s, _, _ in OWN) + " " + " ".join(NOT_OWN).lower()
    missing = [n for n in nouns if n.lower() not in written]
    assert missing == []
