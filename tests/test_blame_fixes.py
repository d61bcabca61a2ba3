"""Blame fixes: each applies cleanly, reads as written in the fixture, and clears its finding."""

from __future__ import annotations

import pytest
from conftest import FIXTURES, LintFn

from pm_lsp.fixes import apply_edits
from pm_lsp.rules.spec import Diagnostic

HERE = FIXTURES / "blame"


def _cases() -> list[tuple[str, str, str]]:
    out = []
    for ln in (HERE / "fixes.txt").read_text(encoding="utf-8").splitlines():
        if not ln.strip() or ln.startswith("#"):
            continue
        code, rest = (p.strip() for p in ln.split("|", 1))
        before, after = (p.strip() for p in rest.split("=>"))
        out.append((code, before, after))
    return out


def _doc(sentence: str) -> str:
    return f"# Incident\n\n## Contributing Factors\n\n{sentence}\n\nThe queue drained at 10:51.\n"


def _fixed(text: str, d: Diagnostic) -> str:
    assert d.fix is not None
    return apply_edits(text, d.fix.edits)


@pytest.mark.parametrize(("code", "before", "after"), _cases())
def test_fix_rewrites_and_clears_the_finding(
    lint_text: LintFn, code: str, before: str, after: str
) -> None:
    text = _doc(before)
    diags = [d for d in lint_text(text, select=["PM1"]).diagnostics if d.code == code]
    assert diags, f"{code} not raised on {before!r}"
    if after == before:  # no sure rewrite: none is offered
        assert all(d.fix is None for d in diags)
        return
    with_fix = [d for d in diags if d.fix is not None]
    assert len(with_fix) == 1, diags
    d = with_fix[0]
    new = _fixed(text, d)
    assert new == _doc(after)
    # Text outside the edits is unchanged.
    edits = sorted(d.fix.edits, key=lambda e: e.start) if d.fix else []
    assert new.startswith(text[: edits[0].start])
    assert new.endswith(text[edits[-1].end :])
    again = [x for x in lint_text(new, select=["PM1"]).diagnostics if x.code == code]
    assert again == [], [(x.code, new[x.start : x.end]) for x in again]


def test_safety_flags(lint_text: LintFn) -> None:
    """Deleting a judgment word or '!!!' is safe; rewriting a clause is not."""
    text = _doc("Kevin carelessly deployed the change!!! Kim forgot to renew the certificate.")
    fixes = {d.code: d.fix for d in lint_text(text, select=["PM1"]).diagnostics if d.fix}
    assert fixes["PM104"] is not None and fixes["PM104"].safe
    assert fixes["PM106"] is not None and fixes["PM106"].safe
    assert fixes["PM103"] is not None and not fixes["PM103"].safe


def test_every_offered_fix_on_the_positive_fixtures_clears_its_finding(lint_text: LintFn) -> None:
    """Beyond the table above: any fix the rules offer on the positive fixture sentences
    leaves the text outside its edits alone and removes its own finding."""
    lines = [
        ln.split("|", 1)
        for ln in (HERE / "positives.txt").read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    checked = 0
    for code, sentence in lines:
        text = _doc(sentence.strip())
        for d in lint_text(text, select=["PM1"]).diagnostics:
            if d.fix is None or d.code != code.strip():
                continue
            new = _fixed(text, d)
            assert "  " not in new.replace("\n\n", "\n"), new
            again = [
                x
                for x in lint_text(new, select=["PM1"]).diagnostics
                if x.code == d.code and x.data == d.data
            ]
            assert again == [], (sentence, new)
            checked += 1
    assert checked >= 30
