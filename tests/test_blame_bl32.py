"""Blind rounds 30/31 classes of the blame family (bl32): collective and occupational nouns
of people read as a party, and a rhetorical question cleared only by a sentence that
answers it."""

from __future__ import annotations

import re

from conftest import FIXTURES, LintFn

from pm_lsp.policy.rulepack import builtin_pack

HERE = FIXTURES / "blame"
CODES = ("PM101", "PM102", "PM103", "PM104", "PM105", "PM106", "PM107")


def _lines(name: str) -> list[str]:
    text = (HERE / name).read_text(encoding="utf-8")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def test_every_occupation_entry_has_a_fixture_sentence() -> None:
    """Each ``occupation-suffixes`` entry ends a word of a true positive; each
    ``occupation-things`` entry is a word of a hard negative."""
    pack = builtin_pack()
    pos = _lines("positives.txt")
    neg = _lines("negatives.txt")
    missing = [
        f"occupation-suffixes: {w}"
        for w in pack.words("blame", "occupation-suffixes")
        if not any(re.search(rf"\w{re.escape(w)}\b", s, re.IGNORECASE) for s in pos)
    ]
    missing += [
        f"occupation-things: {w}"
        for w in pack.words("blame", "occupation-things")
        if not any(re.search(rf"\b{re.escape(w)}\b", s, re.IGNORECASE) for s in neg)
    ]
    assert missing == []


def test_collective_party_in_a_paragraph(lint_text: LintFn) -> None:
    """In running text, the claims desk's lapse is flagged; the desk lamp beside it is not."""
    text = (
        "# Incident\n\n## Contributing Factors\n\n"
        "The desk lamp in the claims room was left on. "
        "The claims desk ought to have escalated the frozen refunds on Monday.\n"
    )
    diags = [d for d in lint_text(text, select=["PM1"]).diagnostics if d.code in CODES]
    assert [text[d.start : d.end] for d in diags] == ["The claims desk ought to have escalated"]
