"""``pm-lint new``: a postmortem skeleton from the active template.

Every placeholder is one the linter flags (TODO sections are PM202, TODO metadata PM203), so
a scaffold can be committed early and still fail CI until it is filled in.
"""

from __future__ import annotations

from pm_lsp.templates import Template


def scaffold(template: Template, title: str, *, severity: str, date: str) -> str:
    lines = [f"# {title.strip() or 'TODO: incident title'}", ""]
    values = {"date": date, "severity": severity, "status": "Draft"}
    for f in template.fields:
        if f.required or f.id in values:
            lines.append(f"**{f.label}**: {values.get(f.id, 'TODO')}  ")
    if lines[-1].endswith("  "):
        lines[-1] = lines[-1].rstrip()
    lines.append("")
    for spec in template.sections:
        level = "#" * spec.level
        lines += [f"{level} {spec.title}", ""]
        body = spec.skeleton or template.skeletons.get(spec.id) or "TODO"
        lines += [body, ""]
    return "\n".join(lines).rstrip() + "\n"
