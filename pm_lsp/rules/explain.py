"""Rule documentation rendered from the one declaration: ``--explain``, hover, docs/rules.md."""

from __future__ import annotations

from pm_lsp.rules.spec import OptionSpec, RuleSpec, severity_note

DOCS_URL = "https://github.com/pm-lsp/pm-lsp/blob/main/docs/rules.md"

_FIX_TEXT = {
    "none": "No automatic fix.",
    "safe": "A safe fix is available (`pm-lint --fix`).",
    "unsafe": "An unsafe fix is available: it may change meaning, so review it "
    "(`pm-lint --fix --unsafe-fixes`, or the editor's quick fix).",
    "sometimes": "A fix is offered when the structure allows one.",
}


#: said after a rule's severity note: a configured level replaces every finding's
CONFIGURED_SEVERITY = (
    "A level set for the rule in `.pm-lint.toml` (`[severity]`) applies to all its findings."
)


def severity_label(spec: RuleSpec) -> str:
    """The default severity as a listing shows it: ``warning*`` when some findings are
    shown at another level (:func:`pm_lsp.rules.spec.severity_note`)."""
    return spec.severity.label + ("*" if severity_note(spec) else "")


def anchor(spec: RuleSpec) -> str:
    """The docs/rules.md heading anchor for a rule (GitHub's slug rules)."""
    return f"{spec.code.lower()}-{spec.name}"


def doc_url(spec: RuleSpec) -> str:
    return f"{DOCS_URL}#{anchor(spec)}"


def _fenced(text: str) -> str:
    return f"```markdown\n{text}\n```"


def explain_markdown(spec: RuleSpec, *, heading_level: int = 2) -> str:
    """The full explanation of one rule as Markdown."""
    h = "#" * heading_level
    parts = [
        f"{h} {spec.code} {spec.name}",
        "",
        f"**{spec.summary}**",
        "",
        f"Category: {spec.category} · Default severity: {spec.severity.label}",
        "",
    ]
    note = severity_note(spec)
    if note:
        parts += [f"Severity of a finding: {note} {CONFIGURED_SEVERITY}", ""]
    if spec.question:
        parts += [f"> Ask instead: *{spec.question}*", ""]
    parts += [f"{h}# Why", "", spec.rationale, ""]
    parts += [
        f"{h}# Example",
        "",
        "Flagged:",
        "",
        _fenced(spec.bad),
        "",
        "Better:",
        "",
        _fenced(spec.good),
        "",
    ]
    parts += [f"{h}# Fix", "", _FIX_TEXT[spec.fix], ""]
    if spec.options:
        parts += [f"{h}# Options", ""]
        for name, opt in spec.options.items():
            parts.append(
                f"- `{name}` ({opt.type}, default `{opt.default!r}`): {opt.help}" + _accepted(opt)
            )
        parts += [
            "",
            f"Set them in `.pm-lint.toml` under `[rules.{spec.code}]`.",
            "",
        ]
    return "\n".join(parts).rstrip() + "\n"


def _accepted(opt: OptionSpec) -> str:
    """What the configuration check accepts beyond the type, said where users read it."""
    notes = []
    if opt.choices:
        notes.append("one of " + ", ".join(f"`{c}`" for c in opt.choices))
        if opt.alternatives:
            notes[-1] += f" (several joined by `{opt.alternatives}`)"
    if opt.minimum is not None:
        notes.append(f"at least {opt.minimum:g}")
    return f"; {'; '.join(notes)}" if notes else ""


def hover_markdown(spec: RuleSpec, message: str, rewrite: str | None = None) -> str:
    """Short hover text: the finding, the question it asks, the why, a suggested rewrite."""
    parts = [f"**{spec.code} {spec.name}**: {message}", ""]
    if spec.question:
        parts += [f"*{spec.question}*", ""]
    parts += [spec.rationale, ""]
    if rewrite:
        parts += ["Suggested rewrite:", "", f"> {rewrite}", ""]
    parts.append(f"[Rule documentation]({doc_url(spec)})")
    return "\n".join(parts)


def rules_reference() -> str:
    """The whole of ``docs/rules.md``; regenerate with ``python -m pm_lsp.rules.explain``."""
    from pm_lsp.rules.registry import all_rules

    rules = all_rules()
    parts = [
        "# Rule reference",
        "",
        "<!-- Generated from the rule declarations by"
        " `python -m pm_lsp.rules.explain > docs/rules.md`."
        " Do not edit by hand; tests/test_docs.py fails when this file is stale. -->",
        "",
        "Severity is the default; a rule marked * reports some findings at another level,"
        " and its section says when.",
        "",
        "| Code | Name | Category | Severity | Fix | Summary |",
        "|---|---|---|---|---|---|",
    ]
    for r in rules:
        s = r.spec
        summary = s.summary.replace("|", "\\|")
        severity = severity_label(s).replace("*", "\\*")
        parts.append(
            f"| [{s.code}](#{anchor(s)}) | {s.name} | {s.category} | "
            f"{severity} | {s.fix} | {summary} |"
        )
    parts.append("")
    for r in rules:
        parts.append(explain_markdown(r.spec, heading_level=2))
    return "\n".join(parts).rstrip() + "\n"


if __name__ == "__main__":  # pragma: no cover
    import sys

    sys.stdout.write(rules_reference())
