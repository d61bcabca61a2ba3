"""``pm-lint new``: a postmortem skeleton from the active template.

Every placeholder in a scaffold is one the linter flags, so a scaffold can be committed early
and still fail CI until it is filled in: TODO metadata values are PM203, action-item cells
(``@TBD``, ``TBD``) are PM301-PM305, and every other section is written so that each of its
blocks *starts* with a placeholder, which is what PM202 needs to report the section as
"holds only placeholder text". Template skeletons are written for humans first, and some
are not in that form (a timeline table whose header and event cells are real words, a list
item such as ``- Scribe: TODO``), so :func:`flaggable` rewrites them for the scaffold:

- a table outside Action Items becomes a list, one ``- TODO (Time): Impact starts`` item
  per row (timeline entries can be lists; the linter reads both);
- a list item with a trailing placeholder gets it in front: ``- TODO: Scribe``;
- any other plain paragraph is prefixed with ``TODO (confirm):``.

The template's own skeleton (also inserted by PM202's fix) is left as it is.
"""

from __future__ import annotations

import re

from pm_lsp.templates import Template

_PLACEHOLDER = re.compile(r"(?i)^(todo|tbd|fixme)\b")
_TRAILING = re.compile(r"(?i)[\s:-]*\b(todo|tbd|fixme)\s*$")
_LIST_ITEM = re.compile(r"^(\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?)(.*)$")
_ACTION_ITEMS = "action-items"


def _cells(row: str) -> list[str]:
    inner = row.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return [c.strip() for c in inner.split("|")]


def _table_as_list(rows: list[str]) -> list[str]:
    """Data rows as placeholder list items; the header names the placeholder's column."""
    header = _cells(rows[0])
    out = []
    for row in rows[2:]:
        cells = _cells(row)
        idx = next((i for i, c in enumerate(cells) if _PLACEHOLDER.match(c)), None)
        rest = [c for i, c in enumerate(cells) if i != idx and c]
        label = f" ({header[idx]})" if idx is not None and idx < len(header) and header[idx] else ""
        out.append(f"- TODO{label}: {', '.join(rest)}" if rest else "- TODO")
    return out


def flaggable(section_id: str, skeleton: str) -> str:
    """The skeleton rewritten so that every block starts with a placeholder (see above)."""
    lines = skeleton.split("\n")
    out: list[str] = []
    i = 0
    in_comment = False
    previous_blank = True
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if in_comment or stripped.startswith("<!--"):
            in_comment = "-->" not in stripped
            out.append(line)
        elif stripped.startswith("|"):
            j = i
            while j < len(lines) and lines[j].strip().startswith("|"):
                j += 1
            table = lines[i:j]
            if section_id == _ACTION_ITEMS or len(table) < 3:
                out.extend(table)
            else:
                out.extend(_table_as_list(table))
            i = j
            previous_blank = False
            continue
        elif (m := _LIST_ITEM.match(line)) is not None:
            marker, content = m.groups()
            if not _PLACEHOLDER.match(content):
                content = _TRAILING.sub("", content).strip()
                content = f"TODO: {content}" if content else "TODO"
            out.append(marker + content)
        elif stripped and not stripped.startswith("#") and previous_blank:
            out.append(line if _PLACEHOLDER.match(stripped) else f"TODO (confirm): {stripped}")
        else:
            out.append(line)
        previous_blank = not stripped
        i += 1
    return "\n".join(out)


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
        lines += [flaggable(spec.id, body), ""]
    return "\n".join(lines).rstrip() + "\n"
