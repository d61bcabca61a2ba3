"""Hover: why a span is flagged, and what the timeline adds up to.

On a flagged span the hover is rendered from the rule's one declaration by
:func:`pm_lsp.explain.hover_markdown` (the finding, the blameless question the rule asks, the
rationale, a suggested rewrite, a link to the rule's documentation), so hover, ``--explain``
and ``docs/rules.md`` never disagree. Several findings of one rule at the same place (seven
missing sections reported on the title) share one explanation.

On the Timeline heading or inside the Timeline section, the hover shows the time to detect,
mitigate and resolve computed from the timeline, when :mod:`pm_lsp.timeline` is available.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from lsprotocol import types as T

from pm_lsp.explain import hover_markdown
from pm_lsp.lsp.analysis import Analysis
from pm_lsp.lsp.convert import contains, rewrite_of
from pm_lsp.rule import Diagnostic

log = logging.getLogger(__name__)


def diagnostic_hover(analysis: Analysis, p: T.Position) -> T.Hover | None:
    from pm_lsp.checks import rules_by_code

    hits = [(d, ld) for d, ld in zip(analysis.diagnostics, analysis.lsp, strict=True)
            if contains(ld.range, p)]
    if not hits:
        return None
    by_code: dict[str, list[Diagnostic]] = {}
    for d, _ in hits:
        by_code.setdefault(d.code, []).append(d)
    parts: list[str] = []
    for code, diags in by_code.items():
        rule = rules_by_code().get(code)
        if rule is None:
            continue
        messages = list(dict.fromkeys(d.message for d in diags))
        message = messages[0] if len(messages) == 1 else "\n" + "\n".join(
            f"- {m}" for m in messages)
        rewrite = next((r for r in (rewrite_of(d, analysis.text) for d in diags) if r), None)
        parts.append(hover_markdown(rule.spec, message, rewrite))
    if not parts:
        return None
    # the smallest flagged range under the cursor is the one the reader points at
    best = min((ld.range for _, ld in hits),
               key=lambda r: (r.end.line - r.start.line, r.end.character - r.start.character))
    return T.Hover(contents=T.MarkupContent(kind=T.MarkupKind.Markdown,
                                            value="\n\n---\n\n".join(parts)),
                   range=best)


def _timeline_fn() -> Callable[..., Any] | None:
    """``pm_lsp.timeline.timeline_of`` if that module exists (another part of the project)."""
    try:
        from pm_lsp import timeline  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        return None
    fn = getattr(timeline, "timeline_of", None)
    return fn if callable(fn) else None


def _fmt_delta(value: object) -> str | None:
    if isinstance(value, timedelta):
        minutes = round(value.total_seconds() / 60)
        sign = "-" if minutes < 0 else ""
        minutes = abs(minutes)
        h, m = divmod(minutes, 60)
        d, h = divmod(h, 24)
        out = (f"{d} d " if d else "") + (f"{h} h " if h or d else "") + f"{m} min"
        return sign + out.strip()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _fmt_delta(timedelta(minutes=float(value)))
    return None


_MEASURES = (
    ("Time to detect", ("time_to_detect", "ttd")),
    ("Time to mitigate", ("time_to_mitigate", "ttm")),
    ("Time to resolve", ("time_to_resolve", "ttr")),
    ("Total duration", ("duration", "total_duration")),
)


def timeline_hover(analysis: Analysis, offset: int) -> T.Hover | None:
    """Detect/mitigate/resolve times when the cursor is on the Timeline section."""
    doc = analysis.doc
    if doc is None:
        return None
    section = doc.section_at(offset)
    while section is not None and section.canonical != "timeline":
        section = section.parent
    if section is None:
        return None
    fn = _timeline_fn()
    if fn is None:
        return None
    try:
        tl = fn(doc)
    except Exception:  # a bug over there must not break hover here
        log.exception("timeline_of failed")
        return None
    if tl is None:
        return None
    rows: list[str] = []
    for label, names in _MEASURES:
        for name in names:
            value = getattr(tl, name, None)
            if callable(value):
                try:
                    value = value()
                except Exception:
                    value = None
            text = _fmt_delta(value)
            if text is not None:
                rows.append(f"| {label} | {text} |")
                break
    if not rows:
        return None
    start = getattr(tl, "start", None)
    head = "**Timeline**"
    if isinstance(start, datetime):
        head += f" (from {start.isoformat(sep=' ', timespec='minutes')})"
    value = "\n".join([head, "", "| Measure | Time |", "|---|---|", *rows])
    rng = analysis.positions.range(section.heading.start, section.heading.end)
    return T.Hover(contents=T.MarkupContent(kind=T.MarkupKind.Markdown, value=value), range=rng)


def hover(analysis: Analysis, p: T.Position) -> T.Hover | None:
    found = diagnostic_hover(analysis, p)
    if found is not None:
        return found
    return timeline_hover(analysis, analysis.positions.offset(p))
