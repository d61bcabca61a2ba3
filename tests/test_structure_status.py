"""A Status value that says two things ("Final, action items in progress", "Draft - pending
review", "Complete (actions open)") is read by its first: the status it opens with decides
whether the postmortem is final (PM304 asks for tickets then) and whether the status is one
the template allows (PM204), and a message quotes that status word only, not the note after
it (:meth:`Template.status_word`). Values are written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import LintFn

from pm_lsp.policy.rulepack import PackError
from pm_lsp.policy.templates import load_template

_DOC = (
    "# Badge reader outage\n\n**Date:** 2026-03-02\n**Status:** {status}\n\n"
    "## Action items\n\n- Add a heartbeat alert to the door controllers (owner: Kofi, "
    "due 2026-04-01)\n"
)


@pytest.mark.parametrize(
    ("value", "word", "final"),
    [
        ("Final, action items in progress", "Final", True),
        ("Complete (actions open)", "Complete", True),
        ("Approved; follow-ups tracked in the board", "Approved", True),
        ("Closed/archived", "Closed", True),
        ("final (second revision)", "final", True),
        ("Published – 2026-03-04", "Published", True),
        ("_Final_ - signed off by the depot lead", "Final", True),
        ("Draft - pending review", "Draft", False),
        ("In Review – waiting on legal", "In Review", False),
        ("Draft, to be made Final next week", "Draft", False),  # the first says it
        ("Final", "Final", True),
        # not a status the template lists: its words before the first note
        ("WIP, not reviewed yet", "WIP", False),
        ("Pending", "Pending", False),
    ],
)
def test_a_status_is_read_by_its_first_word(value: str, word: str, final: bool) -> None:
    t = load_template("standard")
    assert t.status_word(value) == word
    assert t.is_final(value) is final


@pytest.mark.parametrize(
    ("status", "word"),
    [
        ("Final, action items in progress", "Final"),
        ("Complete (actions open)", "Complete"),
        ("Approved; follow-ups tracked in the board", "Approved"),
        ("Closed/archived", "Closed"),
    ],
)
def test_pm304_quotes_the_status_word(lint_text: LintFn, status: str, word: str) -> None:
    text = _DOC.format(status=status)
    (d,) = lint_text(text, select=["PM304"], template="standard").diagnostics
    assert d.message == f"Action item has no tracking ticket (the postmortem is {word})"


@pytest.mark.parametrize(
    ("status", "word"),
    [
        ("Draft - pending review", "Draft"),
        ("In Review – waiting on legal", "In Review"),
        ("Draft, Final soon", "Draft"),
    ],
)
def test_a_draft_with_a_note_asks_for_no_ticket(lint_text: LintFn, status: str, word: str) -> None:
    text = _DOC.format(status=status)
    assert lint_text(text, select=["PM304"], template="standard").diagnostics == []
    # asked always, the message still names the status word alone
    (d,) = lint_text(
        text, select=["PM304"], template="standard", rules={"PM304": {"when": "always"}}
    ).diagnostics
    assert d.message.endswith(f"(the postmortem is {word})")


@pytest.mark.parametrize(
    "status",
    [
        "Final, action items in progress",
        "Draft - pending review",
        "Complete (actions open)",
        "In Review – waiting on legal",
    ],
)
def test_a_status_with_a_note_is_a_valid_status(lint_text: LintFn, status: str) -> None:
    text = _DOC.format(status=status)
    assert lint_text(text, select=["PM204"], template="standard").diagnostics == []


@pytest.mark.parametrize(
    ("status", "word"),
    [
        # a status the template does not list, a note after it: PM204 quotes the status
        ("Awaiting sign-off, see the thread below", "Awaiting sign-off"),
        ("WIP (numbers still moving)", "WIP"),
        ("Parked; waiting on the door vendor", "Parked"),
        ("Under discussion - legal has the draft", "Under discussion"),
        ("Shelved/obsolete", "Shelved"),
        # no note: the whole value is the status
        ("Awaiting legal review", "Awaiting legal review"),
        ("Draftish", "Draftish"),
    ],
)
def test_pm204_quotes_the_status_word(lint_text: LintFn, status: str, word: str) -> None:
    text = _DOC.format(status=status)
    (d,) = lint_text(text, select=["PM204"], template="standard").diagnostics
    assert d.message.startswith(f"Status '{word}' is not one of: Draft, ")
    assert text[d.start : d.end] == status  # the finding still covers the whole value


@pytest.mark.parametrize(
    ("status", "word"),
    [
        ("Resolved, postmortem still being written", "Resolved"),
        ("Mitigated (monitoring overnight)", "Mitigated"),
        ("Recovered – 🚪 readers back online", "Recovered"),
    ],
)
def test_pm204_quotes_the_incident_state_word(lint_text: LintFn, status: str, word: str) -> None:
    text = _DOC.format(status=status).replace("\n", "\r\n")
    (d,) = lint_text(text, select=["PM204"], template="standard").diagnostics
    assert d.message.startswith(f"Status '{word}' is the incident's state;")
    assert text[d.start : d.end] == status


# -- act31: common words for a status, and the nearest status to a misspelt one --------------


@pytest.mark.parametrize(
    ("status", "word", "final"),
    [
        ("Done", "Done", True),
        ("Done, follow-ups tracked on the board", "Done", True),
        ("Finished (signed off by the depot lead)", "Finished", True),
        ("Action items in progress", "Action items in progress", True),
        ("Under review – with the door vendor", "Under review", False),
        ("Signed off", "Signed off", True),
    ],
)
def test_a_common_word_for_a_status_is_that_status(
    lint_text: LintFn, status: str, word: str, final: bool
) -> None:
    text = _DOC.format(status=status)
    assert lint_text(text, select=["PM204"], template="standard").diagnostics == []
    t = load_template("standard")
    assert t.is_final(status) is final
    assert t.status_word(status) == word


@pytest.mark.parametrize("template", ["standard", "google-sre", "pagerduty", "atlassian"])
def test_every_builtin_template_reads_done_as_final(template: str) -> None:
    t = load_template(template)
    assert t.is_valid_status("Done, actions in progress") and t.is_final("Done")
    assert t.is_valid_status("Action items in progress")


@pytest.mark.parametrize(
    ("status", "near"),
    [("Finnal", "Final"), ("Aproved", "Approved"), ("In Reveiw", "In Review"), ("Draf", "Draft")],
)
def test_a_misspelt_status_is_told_the_nearest_one(
    lint_text: LintFn, status: str, near: str
) -> None:
    (d,) = lint_text(_DOC.format(status=status), select=["PM204"], template="standard").diagnostics
    assert d.message.startswith(f"Status '{status}' is not one of: Draft, ")
    assert d.message.endswith(f"; did you mean '{near}'?")


@pytest.mark.parametrize(
    "status", ["Banana", "Parked", "Shelved", "Awaiting legal review", "Done-ish", "Final-ish"]
)
def test_a_value_that_is_no_status_gets_no_guess(lint_text: LintFn, status: str) -> None:
    (d,) = lint_text(_DOC.format(status=status), select=["PM204"], template="standard").diagnostics
    assert "did you mean" not in d.message


def test_a_synonym_for_a_status_the_template_lacks_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        'name = "mine"\n[metadata]\nstatus-values = ["Draft", "Final"]\n'
        'status-synonyms = { Done = "Complete" }\n',
        encoding="utf-8",
    )
    with pytest.raises(PackError, match="status-synonyms"):
        load_template(str(path))


@pytest.mark.parametrize(
    ("status", "told"),
    [
        ("Action items in progress", "'Action items in progress', read as Complete"),
        ("Done, follow-ups on the board", "'Done', read as Complete"),
        ("Final, action items in progress", "Final"),  # a status itself: no gloss
    ],
)
def test_pm304_tells_a_common_word_with_the_status_it_states(
    lint_text: LintFn, status: str, told: str
) -> None:
    (d,) = lint_text(_DOC.format(status=status), select=["PM304"], template="standard").diagnostics
    assert d.message == f"Action item has no tracking ticket (the postmortem is {told})"


#: the final statuses of the standard template, each a plain word for a finished write-up
_FINISHED = ["Reviewed", "Approved", "Final", "Closed", "Published", "Complete", "Signed off"]


@pytest.mark.parametrize("template", ["standard", "google-sre", "pagerduty", "atlassian"])
@pytest.mark.parametrize("word", _FINISHED)
def test_every_builtin_template_reads_a_finished_word_as_final(template: str, word: str) -> None:
    """act38: a write-up marked with any built-in template's final status is final under
    every built-in template (the ones a template does not list are its common words)."""
    t = load_template(template)
    value = f"{word} (follow-ups still open)"
    assert t.is_valid_status(value)
    assert t.is_final(value)


@pytest.mark.parametrize("template", ["standard", "google-sre", "pagerduty", "atlassian"])
def test_a_closed_postmortem_with_open_items_asks_for_tickets(
    lint_text: LintFn, template: str
) -> None:
    """A postmortem closed while its follow-ups are still open is final: the open items
    need tickets (PM304), and the status is no error (PM204), whichever template."""
    text = _DOC.format(status="Closed (watch items still open)")
    got = lint_text(text, select=["PM304", "PM204"], template=template).diagnostics
    assert [d.code for d in got] == ["PM304"]
    assert text[got[0].start : got[0].end].startswith("Add a heartbeat alert")
    assert got[0].message.startswith("Action item has no tracking ticket (the postmortem is ")


@pytest.mark.parametrize("template", ["standard", "google-sre", "pagerduty", "atlassian"])
def test_a_postmortem_in_review_with_open_items_asks_for_no_ticket(
    lint_text: LintFn, template: str
) -> None:
    text = _DOC.format(status="In Review (follow-ups still open)")
    assert lint_text(text, select=["PM304", "PM204"], template=template).diagnostics == []
