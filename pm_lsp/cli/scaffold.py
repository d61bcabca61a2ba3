"""``pm-lint new``: a postmortem skeleton from the active template.

Every placeholder in a scaffold is one the linter flags, so a scaffold can be committed early
and still fail CI until it is filled in: TODO metadata values are PM203, action-item cells
(``@TBD``, ``TBD``) are PM301-PM305, and any other section holding a TODO is PM202. The
section bodies are the template's own skeletons, the same text PM202's fix inserts, so the
scaffold and the fix cannot drift apart.
"""

from __future__ import annotations

from pm_lsp.policy.templates import Template


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
        lines += [spec.skeleton or template.skeletons.get(spec.id) or "TODO", ""]
    return "\n".join(lines).rstrip() + "\n"
