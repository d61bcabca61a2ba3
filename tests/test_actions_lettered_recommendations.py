"""A formal report's recommendations written as lettered paragraphs ("(a) That …",
"(ii) …", "R2. …") under a follow-up heading are its action items, as its numbered
paragraphs are: their fields are read (PM302-PM305 when the report is final) and a
vague or people-fixing one is PM301/PM306. A committee proposes work in the subjunctive
passive without naming who does it ("That the rota be reviewed"); the doer written after
the verb ("to be carried out by the estates team") owns the item. Look-alikes stay
clean: lettered paragraphs in a Findings section, a section that recounts an earlier
audit's recommendations, and a "That … be …" clause that reports what was agreed."""

from __future__ import annotations

from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack
from pm_lsp.rules.actions.items import extract_fields

_DOC = """# Report on the library kiosk outage

| Field | Value |
|-------|-------|
| Status | Final |

## 1. Summary

1.1 Self-service kiosks in four branch libraries refused loans for six hours on 2 May 2026.

## 2. Findings

(a) The kiosks trusted a certificate that the card provider had withdrawn on 30 April.

(b) Branch staff logged each refusal by hand, since the kiosks did not report them.

## 3. Earlier recommendations

(a) The 2025 audit recommended that the kiosk certificates be tracked centrally; this was done.

(b) That the spare kiosk be kept at the central branch was agreed and has been followed since.

## 4. Recommendations

4.1 The Committee is asked to endorse the recommendations below.

(a) That certificate expiry for the kiosk fleet be alerted 30 days ahead, to be carried out by the \
Head of Library Systems by 30 June 2026 (ticket LIB-220, priority high).

(b) That the kiosk support arrangements be reviewed.

(c) That branch staff be reminded to be more careful with kiosk warnings.

(d) That thought be given to a second card provider.

(e) That kiosk monitoring be enhanced going forward.

## 5. Actions

R1. Add a kiosk health page that lists failed loans per branch. Owner: Kofi Mensah. \
Due: 2026-07-15. Priority: P2. Ticket: LIB-221.

R2. Counter staff to be more vigilant at opening time.
"""


def _found(lint_text: LintFn) -> dict[str, set[str]]:
    res = lint_text(_DOC, select=["PM301", "PM302", "PM303", "PM304", "PM305", "PM306"])
    out: dict[str, set[str]] = {}
    for d in res.diagnostics:
        line = _DOC[_DOC.rfind("\n", 0, d.start) + 1 : _DOC.find("\n", d.start)]
        out.setdefault(line, set()).add(d.code)
    return out


def _line(prefix: str) -> str:
    return next(ln for ln in _DOC.splitlines() if ln.startswith(prefix))


def test_lettered_recommendations_are_action_items(lint_text: LintFn) -> None:
    found = _found(lint_text)
    fields = {"PM302", "PM303", "PM304", "PM305"}
    assert found[_line("(b) That the kiosk support")] >= fields
    assert found[_line("(c) That branch staff")] >= fields | {"PM306"}
    assert found[_line("(d) That thought")] >= fields
    assert found[_line("(e) That kiosk monitoring")] >= fields | {"PM301"}
    assert found[_line("R2. Counter staff")] >= {"PM302", "PM306"}


def test_item_range_starts_after_the_letter(lint_text: LintFn) -> None:
    res = lint_text(_DOC, select=["PM303"])
    line = _line("(b) That the kiosk support")
    start = _DOC.index(line) + len("(b) ")
    assert any(d.start == start and d.end == start + len(line) - 4 for d in res.diagnostics)


def test_lettered_paragraphs_that_are_no_proposals(lint_text: LintFn) -> None:
    found = _found(lint_text)
    for line in found:
        assert not line.startswith(("(a) The kiosks", "(b) Branch staff")), line
        assert "2025 audit" not in line and "spare kiosk" not in line, line
        assert "Committee is asked" not in line, line
        assert "health page" not in line, line
        assert "certificate expiry" not in line, line


def test_the_doer_after_a_passive_owns_the_item() -> None:
    pack = builtin_pack()
    for item, owner in [
        (
            "That a disk alarm be set at 85%, to be delivered by the Deputy Head of Hosting.",
            "Deputy Head of Hosting",
        ),
        (
            "Replace the door sensors, carried out by the estates team, due 2026-04-01.",
            "estates team",
        ),
    ]:
        assert [f.value for f in extract_fields(item, 0, pack=pack) if f.name == "owner"] == [owner]
    for item in [
        "That a disk alarm be set at 85%, to be delivered by Friday.",
        "Ship the patch delivered by the vendor to every kiosk.",
    ]:
        assert not [f for f in extract_fields(item, 0, pack=pack) if f.name == "owner"], item
