"""Generated documentation stays in step with the rule declarations."""

from __future__ import annotations

from pathlib import Path

from pm_lsp.rules.explain import anchor, rules_reference
from pm_lsp.rules.registry import all_rules

ROOT = Path(__file__).resolve().parent.parent


def test_rules_md_is_fresh() -> None:
    on_disk = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert on_disk == rules_reference(), (
        "docs/rules.md is stale: run `python -m pm_lsp.rules.explain > docs/rules.md`"
    )


def test_every_rule_is_fully_declared() -> None:
    codes = [r.code for r in all_rules()]
    assert len(codes) == len(set(codes))
    for r in all_rules():
        s = r.spec
        assert s.code.startswith("PM") and len(s.code) == 5
        assert s.name == s.name.lower() and " " not in s.name
        for text in (s.summary, s.rationale, s.bad, s.good):
            assert text.strip(), f"{s.code} has an empty declaration field"
        assert s.fix in ("none", "safe", "unsafe", "sometimes")
        assert f"## {s.code} {s.name}" in rules_reference()
        assert anchor(s) == f"{s.code.lower()}-{s.name}"


def test_configuration_doc_lists_every_key() -> None:
    from pm_lsp.policy.schema import CONFIG_KEYS

    doc = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    for key in CONFIG_KEYS:
        assert f"`{key}`" in doc, f"docs/configuration.md does not document '{key}'"


def test_readme_quick_start_matches_ci() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = [
        line
        for line in ci.splitlines()
        if line.strip() and not line.startswith(("#", "set ", "cd "))
    ][-1]
    assert command in readme


def test_a_rule_whose_findings_vary_in_severity_says_how() -> None:
    """PM204, PM106 and PM302 report some findings at info while their default is warning
    (a Status outside a template's list without a template, tone that names no one, the
    items under an adoption-mode summary): --list-rules marks the default and --explain
    says how a finding's severity is decided; a rule whose findings all take the default
    is listed as it is."""
    import contextlib
    import io

    from pm_lsp.cli.command import main
    from pm_lsp.rules.explain import explain_markdown, severity_label
    from pm_lsp.rules.spec import severity_note

    by_code = {r.code: r.spec for r in all_rules()}
    for code in ("PM101", "PM106", "PM201", "PM203", "PM204", "PM301", "PM302", "PM401"):
        spec = by_code[code]
        assert severity_label(spec) == "warning*", code
        assert f"Severity of a finding: {severity_note(spec)}" in explain_markdown(spec)
    assert "until a template is configured" in (severity_note(by_code["PM204"]) or "")
    for code in ("PM202", "PM306", "PM402", "PM503", "PM601", "PM603"):
        spec = by_code[code]
        assert severity_label(spec) == spec.severity.label, code
        assert "Severity of a finding" not in explain_markdown(spec)

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["--list-rules"]) == 0
    lines = out.getvalue().splitlines()
    assert any(ln.startswith("PM204  invalid-metadata") and " warning* " in ln for ln in lines)
    assert any(ln.startswith("PM603") and " info " in ln for ln in lines)
    assert "pm-lint --explain CODE says when" in lines[-1]
