"""Owner completeness in adoption mode: one warning per document, the details at info.

A repository that has not chosen a template (adoption mode, see the structure rules) has
not agreed on an action-item format, and most real postmortems write no owner at all: a
warning per list or per item would bury the judgments that matter (a vague action, a
missing root cause) under a wall of "no owner". Every action item needing one owner is
still the practice every postmortem guide asks for, so it is said once: with no template
configured PM302 gives one finding at its severity per document ("Action items without an
owner: 7 of 9"), on the heading of the section that holds every item it counts (or, when
they are spread over sections, on the document's title, else on the heading over the
first item it counts as lacking one), and every
per-list and per-item finding (with its unsafe fix) at ``info``, where an editor shows it
quietly next to the item. Once a template is chosen (``template = ...``), the template's
format is the team's and every list and item is reported at the rule's severity, as
before. PM303 (no due date) is ``info`` per item in every mode already.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from pm_lsp.model.document import PostmortemDoc, Section, Span
from pm_lsp.policy.rulepack import RulePack
from pm_lsp.rules.actions.items import (
    ActionItem,
    action_groups,
    is_action_label,
    labelled_regions,
    open_items,
)
from pm_lsp.rules.spec import Finding, Fix, RuleContext, Severity

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
    items = [it for g in action_groups(ctx.doc, ctx.pack) for it in open_items(g.items)]
    lacking = [it for it in items if not it.has(name)]
    anchor = list_anchor(ctx.doc, ctx.pack, items, lacking[0] if lacking else None) or Span(
        found[0].start, found[0].end
    )
    sections = {id(it.section) for it in items}
    spread = (
        ctx.pack.message(FAMILY, "items-spread", sections=len(sections))
        if len(sections) > 1
        and _common_section(items) is None
        and _common_label(ctx.doc, ctx.pack, items) is None
        else ""
    )
    title = _document_title(items) if spread else None
    if title is not None:  # a count over the whole document stands on the document's title
        anchor = title.title_span
    # a list's own finding on the same title ("None of the 2 action items has an owner"
    # beside "Action items without an owner: 3 of 4") is part of the count: one finding
    # per title, which keeps the list's fix
    folded = [f for f in found if f.start == anchor.start and f.end == anchor.end]
    yield Finding(
        anchor.start,
        anchor.end,
        ctx.pack.message(
            FAMILY, f"missing-{name}-some", count=len(lacking), total=len(items), spread=spread
        ),
        fix=_joined(f.fix for f in folded),
        data={"field": name, "count": len(lacking), "total": len(items)},
    )
    # an item's own finding says where it is counted: read beside the count, it is one of
    # the items counted, not a second report of them (blind round 28: two writers of three
    # read the pair as the same problem said twice)
    heading = " ".join(ctx.doc.text[anchor.start : anchor.end].split()).strip("*_:` ")
    for f in found:  # built directly: dataclasses.replace costs several times more
        if f.start != anchor.start or f.end != anchor.end:
            message = ctx.pack.message(
                FAMILY, "counted-in-summary", finding=f.message, heading=heading
            )
            yield Finding(f.start, f.end, message, f.fix, Severity.INFO, f.data)


def _joined(fixes: Iterable[Fix | None]) -> Fix | None:
    """One fix doing every edit of ``fixes`` (the first one's title and safety), or None."""
    given = [f for f in fixes if f is not None]
    if len(given) <= 1:
        return given[0] if given else None
    edits = tuple(sorted((e for f in given for e in f.edits), key=lambda e: e.start))
    return Fix(given[0].title, edits, given[0].safe)


def list_anchor(
    doc: PostmortemDoc, pack: RulePack, items: Sequence[ActionItem], lacking: ActionItem | None
) -> Span | None:
    """Where a finding about a whole list of items stands, one rule for every such finding
    of PM302-PM305 (the adoption-mode summary "Action items without an owner: 4 of 6" and
    "None of the 6 action items has a priority" alike): on the title of what holds every
    item it counts, since it is about those items, not about one of them. That is the label
    line of a labelled region that announces follow-up work ("**Actions following
    review**:", not "In line 26, `x.rs`:") when one holds them all,
    else the heading of the innermost section that does. When they are spread over
    sections with nothing in common below the document's title ("D5" and "D7" of an 8D
    report, several "Follow-ups" sections) it is the heading of the section that holds the
    first item counted as lacking the field: still a title, never an item's own range,
    where that item's findings stand and the summary would read as a second finding about
    it (the message's count says it is about more than that section). The item itself
    only when its section has no heading; None without an item. (A table's missing column
    is said on the table's header row: that is about the table.)"""
    if items:
        label = _common_label(doc, pack, items)
        if label is not None:
            return label
    sec = _common_section(items)
    if sec is not None and sec.title_span.start < sec.title_span.end:
        return sec.title_span
    if lacking is None:
        return None
    own = lacking.section
    if own is not None and own.title_span.start < own.title_span.end:
        return own.title_span  # spread over sections: the heading over the first lacking one
    return Span(lacking.start, lacking.end)


def _common_label(doc: PostmortemDoc, pack: RulePack, items: Sequence[ActionItem]) -> Span | None:
    """The label line announcing follow-up work ("**Actions following review**:") whose
    region holds every item, or None (the label's own text, without markup and colon)."""
    lo, hi = min(it.start for it in items), max(it.start for it in items)
    for label, region, _sec in labelled_regions(doc):
        if region.start <= lo and hi < region.end and is_action_label(label, pack):
            block = next((b for b in doc.blocks if b.end == region.start), None)
            if block is None:
                return None
            at = doc.text.find(label, block.start, block.end)
            return Span(at, at + len(label)) if at >= 0 else Span(block.start, block.end)
    return None


def _document_title(items: Sequence[ActionItem]) -> Section | None:
    """The document's title (one level-1 heading with the sections under it) when it
    holds every item, else None. A count spread over several sections ("5 of 11, across 3
    sections" on a page of three incidents) stands there, where a reader sees it covers
    the document, not on the first incident's heading, where it reads as that incident's."""
    roots = set()
    for it in items:
        node = it.section
        while node is not None and node.parent is not None:
            node = node.parent
        if node is None:
            return None
        roots.add(id(node))
        top = node
    if len(roots) != 1 or top.level != 1 or not top.children:
        return None
    return top if top.title_span.start < top.title_span.end else None


def _common_section(items: Sequence[ActionItem]) -> Section | None:
    """The innermost section that holds every item, not the document's title (a top
    heading with the other sections under it), or None."""
    if not items:
        return None
    paths = []
    sections = {id(it.section): it.section for it in items}  # items share their sections
    for section in sections.values():
        chain: list[Section] = []
        node = section
        while node is not None:
            chain.append(node)
            node = node.parent
        paths.append(chain[::-1])
    common: Section | None = None
    for level in zip(*paths, strict=False):
        if any(s is not level[0] for s in level):
            break
        common = level[0]
    if common is not None and common.parent is None and common.level == 1 and common.children:
        return None  # the document's title: every section is under it
    return common
