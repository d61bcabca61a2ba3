"""Hover: why a span is flagged, and what the timeline adds up to.

On a flagged span the hover is rendered from the rule's one declaration by
:func:`pm_lsp.rules.explain.hover_markdown` (the finding, the blameless question the rule asks, the
rationale, a suggested rewrite, a link to the rule's documentation), so hover, ``--explain``
and ``docs/rules.md`` never disagree. Several findings of one rule at the same place (seven
missing sections reported on the title) share one explanation.

On the Timeline heading or inside the Timeline section, the hover shows the time to detect,
mitigate and resolve computed from the timeline, when :mod:`pm_lsp.rules.timeline.model`
is available.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from lsprotocol import types as T

from pm_lsp.lsp.analysis import Analysis
from pm_lsp.lsp.convert import contains, rewrite_of
from pm_lsp.rules.explain import hover_markdown
from pm_lsp.rules.spec import Diagnostic

log = logging.getLogger(__name__)


def diagnostic_hover(analysis: Analysis, p: T.Position) -> T.Hover | None:
    from pm_lsp.rules.registry import rules_by_code

    hits = [
        (d, ld)
        for d, ld in zip(analysis.diagnostics, analysis.lsp, strict=True)
        if contains(ld.range, p)
    ]
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
        message = (
            messages[0] if len(messages) == 1 else "\n" + "\n".join(f"- {m}" for m in messages)
        )
        rewrite = next((r for r in (rewrite_of(d, analysis.text) for d in diags) if r), None)
        parts.append(hover_markdown(rule.spec, message, rewrite))
    if not parts:
        return None
    # the smallest flagged range under the cursor is the one the reader points at
    best = min(
        (ld.range for _, ld in hits),
        key=lambda r: (r.end.line - r.start.line, r.end.character - r.start.character),
    )
    return T.Hover(
        contents=T.MarkupContent(kind=T.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
        range=best,
    )


def _timeline_of() -> Callable[..., Any] | None:
    """:func:`pm_lsp.rules.timeline.model.timeline_of`, imported defensively (a separate module)."""
    try:
        from pm_lsp.rules.timeline.model import timeline_of
    except ImportError:  # pragma: no cover - the module ships with the package
        return None
    return timeline_of


def _fmt_delta(value: timedelta) -> str:
    try:
        from pm_lsp.rules.timeline.model import format_delta
    except ImportError:  # pragma: no cover
        return f"{round(value.total_seconds() / 60)}m"
    return format_delta(value)


_MILESTONES = (
    ("Time to detect", "time_to_detect", "detected"),
    ("Time to mitigate", "time_to_mitigate", "mitigated"),
    ("Time to resolve", "time_to_resolve", "resolved"),
)


def _label(entry: Any) -> str:
    label = getattr(entry, "label", None)
    return str(label).strip() if label else "?"


def timeline_hover(analysis: Analysis, offset: int) -> T.Hover | None:
    """Time to detect, mitigate and resolve, when the cursor is on the timeline.

    "On the timeline" means its heading (or label) or anywhere in its body, as the timeline
    module located them; the numbers are the ones the PM50x rules check.
    """
    doc = analysis.doc
    fn = _timeline_of()
    if doc is None or fn is None:
        return None
    try:
        config = analysis.config
        tl = fn(doc, config.pack, config.template) if config is not None else fn(doc)
    except Exception:  # a bug over there must not break hover here
        log.exception("timeline_of failed")
        return None
    hit = None
    on_heading = False
    for region, anchor in getattr(tl, "regions", []):
        if anchor.start <= offset <= anchor.end or region.start <= offset < region.end:
            hit, on_heading = anchor, anchor.start <= offset <= anchor.end
            break
    if hit is None:
        return None
    m = tl.metrics
    rows: list[str] = []
    start = getattr(m, "start", None)
    for title, attr, milestone in _MILESTONES:
        delta = getattr(m, attr, None)
        end = getattr(m, milestone, None)
        if isinstance(delta, timedelta) and start is not None and end is not None:
            rows.append(f"| {title} | {_fmt_delta(delta)} | {_label(start)} → {_label(end)} |")
        else:
            rows.append(f"| {title} | not computable | |")
    kind = {"impact-start": "the impact start", "detection": "the first detection"}.get(
        str(getattr(m, "start_kind", "")), "the first entry"
    )
    zone = getattr(tl, "zone", None)
    head = f"**Timeline**: {len(tl.entries)} entries" + (
        f", times in {zone}" if zone else ", no time zone stated"
    )
    lines = [
        head,
        "",
        f"Measured from {kind}.",
        "",
        "| Measure | Time | From → to |",
        "|---|---|---|",
        *rows,
    ]
    rng = analysis.positions.range(hit.start, hit.end) if on_heading else None
    return T.Hover(
        contents=T.MarkupContent(kind=T.MarkupKind.Markdown, value="\n".join(lines)), range=rng
    )


def hover(analysis: Analysis, p: T.Position) -> T.Hover | None:
    found = diagnostic_hover(analysis, p)
    if found is not None:
        return found
    return timeline_hover(analysis, analysis.positions.offset(p))
