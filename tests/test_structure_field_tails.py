"""misc36: a field label that names the field and then how its value is given ("Severity
classification", "Incident severity rating", "Sev grade"), or the severity written together
with the priority ("Priority/severity"): the severity field, so PM203 must not call it
missing. Look-alikes: a label that goes on about something else ("Severity of the ticket
backlog"), a tail after a word that names no field ("Risk rating", "Impact
classification"), and a body sentence with a colon. Every sentence is our own."""

from __future__ import annotations

import pytest
from test_structure_forms import BODY, missing

from pm_lsp.policy.rulepack import builtin_pack
from pm_lsp.policy.templates import load_template

_T = load_template("standard")


def _doc(line: str) -> str:
    return (
        "# Ferry ticket gates froze\n\n**Date:** 2026-05-04\n**Authors:** Noor Haddad\n"
        f"**Status:** Final\n{line}\n**Duration:** 50 minutes\n\n{BODY}"
    )


@pytest.mark.parametrize(
    "line",
    [
        "**Severity classification:** Moderate, tier 3",
        "**Incident severity rating:** Major",
        "**Sev grade:** 2",
        "**Priority/severity:** P2",
        "**Severity / priority:** High",
        "**Severity category:** Minor",
        "| Severity assessment | Moderate |",
    ],
)
def test_a_severity_label_with_a_tail_names_the_severity(line: str) -> None:
    if line.startswith("|"):
        line = f"| Field | Value |\n|---|---|\n{line}"
    assert "severity" not in missing(_doc(line))


@pytest.mark.parametrize(
    "line",
    [
        "**Severity of the ticket backlog:** three gates stayed frozen after the restart",
        "**Risk rating:** High",
        "**Impact classification:** Regional",
        "Severity of the delays: most riders waited under ten minutes.",
    ],
)
def test_a_label_about_something_else_is_no_severity(line: str) -> None:
    assert "severity" in missing(_doc(line))


def test_every_severity_tail_closes_a_severity_label() -> None:
    """Each ``tails`` word of the severity field in rules/vocabulary.toml closes a label
    that names it, after the field's name or a synonym, and names nothing after a word
    that is no field ("Gate <tail>")."""
    fields = builtin_pack().get("vocabulary", "fields", {})
    tails = fields["severity"]["tails"]
    assert tails
    for tail in tails:
        assert _T.canonical_field(f"Severity {tail}") == "severity", tail
        assert _T.canonical_field(f"Incident sev {tail}") == "severity", tail
        assert _T.canonical_field(f"Gate {tail}") is None, tail
