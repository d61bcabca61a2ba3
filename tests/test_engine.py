"""The engine: rule isolation (PM003), severity handling, clamping, ordering, no model load.

The crashing and misbehaving rules here are real :class:`Rule` objects handed to
``lint(rules=...)``; the engine itself runs unmodified.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

from conftest import ROOT

from pm_lsp.engine import enabled_rules, lint, worst
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.policy.config import Config, Settings, resolve, validate
from pm_lsp.rules.spec import Finding, Rule, RuleContext, RuleSpec, Severity, rule

_NO_MODEL = NLP()


def _config(**raw: object) -> Config:
    data = {k.replace("_", "-"): v for k, v in raw.items()}
    return resolve([Settings(), validate(data, "t", None)])


def _spec(code: str, severity: Severity = Severity.WARNING) -> RuleSpec:
    return RuleSpec(
        code=code,
        name=f"test-{code.lower()}",
        category="test",
        severity=severity,
        summary="s",
        rationale="r",
        bad="b",
        good="g",
    )


@rule(_spec("PM901"))
def _crashes(ctx: RuleContext) -> Iterator[Finding]:
    yield Finding(0, 1, "before the crash")
    raise KeyError("no such lexicon entry")


@rule(_spec("PM902"))
def _out_of_range(ctx: RuleContext) -> Iterator[Finding]:
    n = len(ctx.doc.text)
    yield Finding(-5, 2, "starts before the text")
    yield Finding(n - 1, n + 40, "ends after the text")
    yield Finding(3, 1, "end before start")


@rule(_spec("PM903", Severity.WARNING))
def _graded(ctx: RuleContext) -> Iterator[Finding]:
    yield Finding(0, 1, "default severity")
    yield Finding(2, 3, "context says info", severity=Severity.INFO)
    yield Finding(2, 3, "context says info", severity=Severity.INFO)  # a duplicate


@rule(
    RuleSpec(
        code="PM904",
        name="test-needs-model",
        category="test",
        severity=Severity.WARNING,
        summary="s",
        rationale="r",
        bad="b",
        good="g",
        uses_nlp=True,
    )
)
def _needs_model(ctx: RuleContext) -> Iterator[Finding]:
    ctx.nlp.parse("A sentence to parse.")
    yield Finding(0, 1, "parsed")


def test_a_crashing_rule_becomes_pm003_and_the_others_still_run() -> None:
    from pm_lsp.rules.registry import rules_by_code

    text = "# T\n\n## Impact\n"
    rules: list[Rule] = [_crashes, rules_by_code()["PM202"]]
    result = lint(text, _config(), rules=rules, nlp=_NO_MODEL)
    codes = [(d.code, d.start) for d in result.diagnostics]
    assert ("PM202", text.index("Impact")) in codes
    (crash,) = [d for d in result.diagnostics if d.code == "PM003"]
    assert (crash.start, crash.end) == (0, 0)
    assert crash.severity == Severity.ERROR
    assert crash.message == (
        "Internal error in PM901 (test-pm901): KeyError: 'no such lexicon entry'"
    )
    # the findings of the crashed rule are dropped, not half-reported
    assert "before the crash" not in [d.message for d in result.diagnostics]
    assert result.errors == ["PM901 crashed: KeyError: 'no such lexicon entry'"]


def test_a_missing_model_is_pm003_with_the_package_to_install() -> None:
    result = lint("# T\n", _config(), rules=[_needs_model], nlp=NLP("no_such_pipeline_for_tests"))
    (d,) = result.diagnostics
    assert d.code == "PM003" and d.message.startswith("PM904 could not run: ")
    assert len(result.errors) == 1
    assert "no_such_pipeline_for_tests" in result.errors[0]


def test_offsets_are_clamped_to_the_text() -> None:
    text = "# Title\n"
    result = lint(text, _config(), rules=[_out_of_range], nlp=_NO_MODEL)
    spans = sorted((d.start, d.end) for d in result.diagnostics)
    assert spans == [(0, 2), (3, 3), (len(text) - 1, len(text))]


def test_finding_severity_config_override_and_dedupe() -> None:
    text = "# Title\n"
    result = lint(text, _config(), rules=[_graded], nlp=_NO_MODEL)
    assert [(d.message, d.severity) for d in result.diagnostics] == [
        ("default severity", Severity.WARNING),
        ("context says info", Severity.INFO),
    ]
    assert worst(result.diagnostics) == Severity.WARNING
    # PM903 is a rule of this test, not of the registry that validate() checks codes against
    forced_config = resolve([Settings(), Settings(severity={"PM903": "error"})])
    forced = lint(text, forced_config, rules=[_graded], nlp=_NO_MODEL)
    assert {d.severity for d in forced.diagnostics} == {Severity.ERROR}
    assert worst([]) is None


def test_diagnostics_are_sorted_by_position() -> None:
    text = (
        "# T\n\n**Status**: weird\n\n## Impact\n\n## Detection\n\n"
        "<!-- pm-lint-disable-next-line PM101 -->\nA line.\n"
    )
    diags = lint(text, _config(select=["PM0", "PM2"]), nlp=_NO_MODEL).diagnostics
    keys = [(d.start, d.end, d.code) for d in diags]
    assert keys == sorted(keys)
    assert {"PM001", "PM201", "PM202", "PM203", "PM204"} <= {d.code for d in diags}


def test_enabled_rules_follow_the_selection() -> None:
    codes = [r.code for r in enabled_rules(_config(select=["PM2"], ignore=["PM204"]), None)]
    assert codes == ["PM201", "PM202", "PM203"]


def test_rules_are_declared_once_with_everything_a_doc_needs() -> None:
    from pm_lsp.rules.registry import all_rules

    rules = all_rules()
    codes = [r.code for r in rules]
    assert codes == sorted(set(codes))
    assert len({r.spec.name for r in rules}) == len(rules)
    for r in rules:
        s = r.spec
        assert s.summary and s.rationale and s.bad and s.good, r.code
        assert s.fix in ("none", "safe", "unsafe", "sometimes")


def test_structure_only_lint_never_imports_spacy() -> None:
    code = (
        "import sys\n"
        "from pm_lsp.policy.config import Settings, resolve, validate\n"
        "from pm_lsp.engine import lint\n"
        "cfg = resolve([Settings(), validate({'select': ['PM0', 'PM2']}, 't', None)])\n"
        "r = lint('# T\\n\\n## Impact\\n\\nKim forgot the step.\\n', cfg)\n"
        "assert [d.code for d in r.diagnostics], r\n"
        "assert 'spacy' not in sys.modules, 'spaCy was imported'\n"
    )
    p = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert p.returncode == 0, p.stderr


def test_lint_of_a_realistic_document_reports_no_internal_errors(nlp: NLP) -> None:
    """Every registered rule runs on the bundled bad example without crashing."""
    text = (ROOT / "examples" / "bad-postmortem.md").read_text(encoding="utf-8")
    result = lint(text, _config(), nlp=nlp)
    assert result.errors == []
    assert "PM003" not in {d.code for d in result.diagnostics}
