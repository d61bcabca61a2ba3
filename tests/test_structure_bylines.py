"""Metadata written inside a byline strip, and the labels a learning review gives its
writers (act29, blind round 29).

A byline or a one-line strip at the head holds fields after its first part, past a middle
dot, a bar, a dash, a semicolon, or a sentence's end or a comma ("Posted 3 March by Tomas
V. (storage). Status: final."): PM203 must not call them missing, and the actions rules
read the document's status from there as from any field (PM304 once it is final).
Look-alikes: a sentence with a field's word and a colon in it ("We rolled back. Status:
the pods were ...") gives no field. A learning review names its writers by their part in
it ("Review facilitators", "Lead facilitator", "Compiled by"): the authors; "Reviewed by",
"Review date" and "Lead time" are not. Every sentence is our own.
"""

from __future__ import annotations

import pytest
from conftest import LintFn
from test_structure_forms import BODY, missing

from pm_lsp.parse.markdown import parse
from pm_lsp.policy.rulepack import builtin_pack
from pm_lsp.policy.templates import load_template, normalise_heading

_T = load_template("standard")


def _doc(head: str) -> str:
    return f"# Kiosk receipts went missing\n\n{head}\n\n{BODY}"


def _status(head: str) -> str | None:
    f = parse(_doc(head), _T).field("status")
    return f.value if f is not None else None


@pytest.mark.parametrize(
    ("head", "status"),
    [
        ("By Oksana Brel · 9 June 2025 · Status: resolved", "resolved"),
        ("_Posted 2 July 2025 by Teo Lind (payments). Status: final. Severity: SEV-3._", "final"),
        ("Written by Ines Varga | 14 May 2025 | Status: draft | Severity: SEV2", "draft"),
        ("By Oksana Brel, 9 June 2025, Status: In Review", "In Review"),
        ("Marta Quist (stores platform) — 3 April 2025 — Status: Final", "Final"),
        ("Published 30 May 2025 by the kiosk team; Status: closed; Severity: SEV-1", "closed"),
        ("*Oksana Brel - 9 June 2025 - Status: Published*", "Published"),
    ],
)
def test_a_status_in_a_byline_strip_is_the_field(head: str, status: str) -> None:
    assert _status(head) == status
    assert "status" not in missing(_doc(head))


@pytest.mark.parametrize(
    "head",
    [
        # a sentence that happens to hold a field's word and a colon
        "We rolled the kiosks back at 14:00. Status: the printers came back one by one.",
        "Uploads are paused for the week; Owner: @marta is chasing the vendor on it",
        "Oksana Brel | stores | Status: resolved for now but we will say more next week",
        "Kiosks restarted - Status: we are still watching the receipt queue closely",
        "The drawer alarm fired, Severity: nobody had set one on that rule yet",
        # a lower-case word after a comma is no field's key
        "By Oksana Brel, 9 June 2025, status: unclear",
    ],
)
def test_a_sentence_with_a_colon_gives_no_status(head: str) -> None:
    assert _status(head) is None


def test_the_severity_of_a_byline_sentence_has_no_full_stop() -> None:
    f = parse(_doc("_By Teodor Lind. Status: draft. Severity: SEV-2._"), _T).field("severity")
    assert f is not None and f.value == "SEV-2"


_ITEMS = (
    "# Kiosk receipts went missing\n\n{head}\n\n## Summary\n\nReceipts stopped for 40 "
    "minutes.\n\n## Action items\n\n- Add a receipt-queue depth alert at 500 (owner: "
    "@marta, due 2025-08-01, P2)\n"
)


def test_a_final_status_in_a_byline_asks_items_for_a_ticket(lint_text: LintFn) -> None:
    """The actions rules read the byline's status as the document's: PM304 once final;
    an incident's state ("resolved") is no document status, as in a field of its own."""
    final = lint_text(_ITEMS.format(head="By Oksana Brel · 9 June 2025 · Status: Final"))
    assert [d.code for d in final.diagnostics if d.code == "PM304"] == ["PM304"]
    for head in ("By Oksana Brel. Status: resolved.", "By Oksana Brel. Status: Draft."):
        result = lint_text(_ITEMS.format(head=head))
        assert not [d for d in result.diagnostics if d.code == "PM304"], head


@pytest.mark.parametrize(
    "line",
    [
        "- **Review facilitators:** Hana Sol (nursing), Piet Raas (lab IT)",
        "Review facilitator: Hana Sol",
        "**Lead facilitator**: Hana Sol",
        "Co-facilitators: Hana Sol, Piet Raas",
        "**Compiled by:** Piet Raas",
        "Drafted by: Piet Raas",
        "Written up by: Hana Sol",
        "**Retro facilitator**: @piet",
        "**Debrief facilitator**: Hana Sol",
        "Learning review facilitators: Hana Sol and Piet Raas",
        "**Scribes**: Piet Raas, Jo Lenn",
        "**Note takers**: Jo Lenn",
        "Report compiled by: Jo Lenn",
        "**Lead author**: Jo Lenn",
        "**Summary prepared by**: Jo Lenn",
        "**Edited by**: Jo Lenn",
        "Put together by: Hana Sol",
        "**Compiler**: Piet Raas",
        "**Facilitation**: Hana Sol (quality office)",
    ],
)
def test_a_learning_reviews_writers_are_the_authors(line: str) -> None:
    assert "authors" not in missing(f"# T\n\n{line}\n\nText.\n")


@pytest.mark.parametrize(
    "line",
    [
        "**Reviewed by**: Hana Sol",  # who read it, not who wrote it
        "**Approved by**: Hana Sol",
        "**Review date**: 2025-06-20",
        "**Lead time**: 3 days",
        "**Lead engineer on call**: Piet Raas",
        "**Reviewers**: Hana Sol",
    ],
)
def test_role_look_alikes_are_not_the_authors(line: str) -> None:
    assert "authors" in missing(f"# T\n\n{line}\n\nText.\n")


def test_every_authors_qualifier_names_the_authors() -> None:
    """Each ``qualifiers`` word of the authors field in rules/vocabulary.toml opens a label
    that names them, and never one that names nothing ("<qualifier> date")."""
    fields = builtin_pack().get("vocabulary", "fields", {})
    quals = fields["authors"]["qualifiers"]
    assert quals
    for q in quals:
        label = f"{q} facilitators" if normalise_heading(q) not in ("co",) else f"{q}-authors"
        assert _T.canonical_field(label) == "authors", label
        assert _T.canonical_field(f"{q} date") is None, q
