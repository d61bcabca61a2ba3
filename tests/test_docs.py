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
