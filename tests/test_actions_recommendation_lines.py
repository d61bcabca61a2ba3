"""A report's recommendations written as paragraphs that open with "Recommendation:" or
"Recommended action:" (``item-line-labels``) are action items: their fields are read
(PM302-PM305 when the report is final), and a vague one, a passive with "should" among
them, is PM301. Look-alikes: a complete recommendation, "Recommendation: none needed",
and a "Recommendation:" note outside follow-up sections (a finding's aside)."""

from __future__ import annotations

from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack

_DOC = """# Pump station telemetry loss

| Field | Value |
|-------|-------|
| Status | Final |

## Summary

Telemetry from pump station 4 was lost for 70 minutes on 2026-10-02.

## Findings

Recommendation: the vendor's own review reached the same conclusion in 2025.

## Recommendations

Recommendation: Add a telemetry gap alarm that pages the duty engineer after 5 silent
minutes. Owner: K. Abara. Due: 2026-11-30. Priority: High. Tracking: PS-310.

Recommended action: Fit a second modem to the station 4 cabinet. Owner: K. Abara.
Due: 2026-12-15. Priority: Medium. Tracking: PS-311.

Recommendation: Coordination with the vendor should be improved.

Recommendation: Alarm handling must be strengthened.

Recommended action: The station checklists should be made clearer.

Recommendation: Replace the station 4 surge arrester.

Recommendation: none needed for the SCADA historian, it was unaffected.
"""


def _found(lint_text: LintFn) -> dict[str, set[str]]:
    res = lint_text(_DOC, select=["PM301", "PM302", "PM303", "PM304", "PM305"])
    out: dict[str, set[str]] = {}
    for d in res.diagnostics:
        line = _DOC[_DOC.rfind("\n", 0, d.start) + 1 : _DOC.find("\n", d.start)]
        out.setdefault(line, set()).add(d.code)
    return out


def test_recommendation_lines_are_action_items(lint_text: LintFn) -> None:
    found = _found(lint_text)
    fields = {"PM302", "PM303", "PM304", "PM305"}
    for vague in (
        "Recommendation: Coordination with the vendor should be improved.",
        "Recommendation: Alarm handling must be strengthened.",
        "Recommended action: The station checklists should be made clearer.",
    ):
        assert found.get(vague, set()) >= {"PM301"} | fields, vague
    assert found["Recommendation: Replace the station 4 surge arrester."] >= fields


def test_recommendation_lines_that_need_nothing(lint_text: LintFn) -> None:
    found = _found(lint_text)
    for line in found:
        assert "Add a telemetry gap alarm" not in line
        assert "Fit a second modem" not in line
        assert "none needed" not in line
        assert "vendor's own review" not in line


def test_every_item_label_is_exercised() -> None:
    labels = builtin_pack().words("actions", "item-line-labels")
    assert {"recommendation", "recommended action"} <= {w.lower() for w in labels}
    assert all(f"\n{w.capitalize()}:" in _DOC for w in ("recommendation", "recommended action"))
