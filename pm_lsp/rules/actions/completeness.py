"""Owner completeness in adoption mode: one warning per document, the details at info.

A repository that has not chosen a template (adoption mode, see the structure rules) has
not agreed on an action-item format, and most real postmortems write no owner at all: a
warning per list or per item would bury the judgments that matter (a vague action, a
missing root cause) under a wall of "no owner". Every action item needing one owner is
still the practice every postmortem guide asks for, so it is said once: with no template
configured PM302 gives one finding at its severity per document ("Action items without an
owner: 7 of 9"), on the heading above the first item or table it concerns, and every
per-list and per-item finding (with its unsafe fix) at ``info``, where an editor shows it
quietly next to the item. Once a template is chosen (``template = ...``), the template's
format is the team's and every list and item is reported at the rule's severity, as
before. PM303 (no due date) is ``info`` per item in every mode already.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

from pm_lsp.model.document import Span
from pm_lsp.rules.actions.items import action_groups, open_items
from pm_lsp.rules.spec import Finding, RuleContext, Severity

FAMILY = "actions"


def summarised(ctx: RuleContext, name: str, findings: Iterable[Finding]) -> Iterator[Finding]:
    """``findings`` of a completeness rule (PM302: ``name`` "owner"), in adoption mode one
    summary at the rule's severity and the rest at ``info`` (see the module docstring);
    unchanged once a template is configured. A document with a single finding keeps it
    as it is: it is its own summary."""
    if ctx.template_configured:
        yield from findings
        return
    found = sorted(findings, key=lambda f: f.start)
    if len(found) <= 1:
        yield from found
        return
    # the items the rule's findings are about: work reported as done is not counted
    items = [
        it for g in action_groups(ctx.doc, ctx.pack) for it in open_items(g.items, skip_done=False)
    ]
    lacking = sum(1 for it in items if not it.has(name))
    anchor = _anchor(ctx, found[0])
    yield Finding(
        anchor.start,
        anchor.end,
        ctx.pack.message(FAMILY, f"missing-{name}-some", count=lacking, total=len(items)),
        data={"field": name, "count": lacking, "total": len(items)},
    )
    for f in found:
        yield dataclasses.replace(f, severity=Severity.INFO)


def _anchor(ctx: RuleContext, first: Finding) -> Span:
    """Where the summary stands: the title of the heading above the first item it counts
    (the summary is about the section's items, not about that item), or, with no heading
    above, that item's own range. On the item itself it would sit on the same range as the
    item's own information finding: two PM302 on one item, one of them about all items."""
    sec = ctx.doc.section_at(first.start)
    if sec is None or sec.title_span.start >= sec.title_span.end:
        return Span(first.start, first.end)
    return sec.title_span
