"""Notes to a report's readers in an action section: a numbered paragraph or list item that
says where to send questions about the report, whom to contact, or how to cite it ("6.4 Any
questions about this report should be sent to the network safety office"). It is written
with "should" like a recommendation but asks no one on the team for work: no action item
(PM302-PM305, and no place in their "N of M" counts) and no proposal (PM301). Look-alikes
that stay items: recommendations about other people's questions and comments ("Customer
queries about delay repay SHOULD be routed to a dedicated desk"), a paragraph that names
the report as the thing to change, and a note that carries an item's field."""

from __future__ import annotations

import re

import pytest
from conftest import LintFn

from pm_lsp.parse.markdown import parse
from pm_lsp.policy.rulepack import builtin_pack
from pm_lsp.policy.templates import load_template
from pm_lsp.rules.actions.items import action_items

#: paragraphs and list items that tell the reader what to do with the report
NOTES = [
    "Any questions about this report should be sent to the network safety office.",
    "Queries should be directed to the duty performance manager in the first instance.",
    "Please direct any comments on the findings to the review secretary.",
    "This document should be cited as SR-2024-117 in later reports.",
    "For any further enquiry, contact the control room manager on extension 4410.",
    "Feedback on these recommendations should be addressed to the review panel.",
    "Inquiries about these findings should go to the review panel chair.",
    "Please address any correspondence about this review to the secretariat.",
    "Comments received after publication will be forwarded to the panel.",
    "Please forward any inquiry to the duty manager; queries by phone are logged.",
    "Please send any query about the figures to the analyst who prepared them.",
    "Please send feedback to the panel by the end of the month.",
    "When citing this report, give its issue date; readers may quote it in full.",
    "Please cite this document by its number: it may be quoted in briefings.",
    "This report may be referenced in safety briefings; enquiries should be raised with the"
    " author.",
]

#: recommendations that mention questions, comments or the report and stay items
ITEMS = [
    "Customer queries about delay repay SHOULD be routed to a dedicated desk during disruption.",
    "Comments from drivers SHOULD be collected after every points failure.",
    "The review office SHOULD answer passenger complaints within ten working days.",
    "The depot SHOULD add a spares check to the findings section of this report template.",
    "Questions raised at the debrief should be sent to the depot as tickets. Owner: OCC."
    " Due: 2024-09-01.",
]


#: the report's one tracked recommendation, first under its heading
FIRST = (
    "The maintainer SHOULD replace the standby feed relay. Owner: Depot. Due: 2024-07-01."
    " Priority: High. Ticket: SR-11."
)


def _report(paragraphs: list[str], *, numbered: bool) -> str:
    head = (
        "# Report on the signalling outage at Elm Junction\n\nStatus: Final\n\n"
        "## 5. Findings\n\n5.1 The interlocking lost power for twelve minutes.\n\n"
        "## 6. Recommendations\n\n"
    )
    paragraphs = [FIRST, *paragraphs]
    if numbered:
        return head + "".join(f"6.{k} {p}\n\n" for k, p in enumerate(paragraphs, start=1))
    return head + "".join(f"{k}. {p}\n" for k, p in enumerate(paragraphs, start=1))


@pytest.mark.parametrize("numbered", [True, False], ids=["paragraphs", "list"])
def test_notes_to_readers_are_no_action_items(lint_text: LintFn, numbered: bool) -> None:
    text = _report(NOTES + ITEMS, numbered=numbered)
    items = action_items(parse(text, load_template("standard")), builtin_pack())
    got = [text[i.start : i.end] for i in items]
    assert [g[:30] for g in got] == [
        "The maintainer SHOULD replace ",
        *(i[:30] for i in ITEMS),
    ]
    diags = lint_text(text, select=["PM301", "PM302", "PM303", "PM304", "PM305"]).diagnostics
    for note in NOTES:
        a = text.index(note)
        assert not [d for d in diags if a <= d.start < a + len(note)], note
    count = [d.message for d in diags if d.message.startswith("Action items without an owner")]
    assert len(count) == 1 and count[0].startswith("Action items without an owner: 4 of 6")


def test_every_word_of_a_reader_note_has_a_sentence() -> None:
    """Each word the note test reads (``reader-queries``, ``reader-routing``,
    ``citing-verbs``) opens or sends one of the notes above."""
    pack = builtin_pack()
    sentences = " ".join(NOTES).lower()
    missing = [
        f"{key}: {w}"
        for key in ("reader-queries", "reader-routing", "citing-verbs")
        for w in pack.words("actions", key)
        if not re.search(rf"(?<![\w-]){re.escape(w)}(?:s|es)?(?![\w-])", sentences)
    ]
    assert missing == []
