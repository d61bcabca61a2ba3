"""The actions rules by parts of the document, so that an edit costs the part it touched.

The selection of what to judge (:func:`pm_lsp.rules.actions.candidates.select_units`)
walks every block and action item of the document, and the verdicts are then looked up
one unit at a time: on a long postmortem that walk is most of what an edit costs the
actions rules, for an answer that changes in one part only. A *part* here is one
section's own stretch: its heading up to the next heading of any level (the text before
the first heading is a part too). Every block in it belongs to that section, and none of
what the walk groups (a run of list items, a list group, a label region, a table) spans
two of them; where one does (a label line before the first heading opens a region up to
the next label line, wherever it is), :func:`parts` says None and the document is walked
whole, as before.

The per-lint pass (:func:`parts`, a document analysis) computes the document-wide facts
once and projects them onto each part, offsets relative to the part's start, into its key:

* the part's source and masked text, the shape of its blocks (kind, offsets, list
  depth, the item each paragraph belongs to: the Markdown around a part could change how
  its lines are read) and its section path: title, canonical name, level and whether it
  has subsections, for the section and each one above it (the prose mode, the action
  scope, the document title). These are the key of the part's action items' walk
  (:mod:`pm_lsp.rules.actions.itemparts`), which stands here for them by a token
  (:class:`~pm_lsp.rules.actions.itemparts.Walked`): one object per entry of that
  table, the same for every lint that finds the part unchanged;
* whether the block after the part is a list item (a lead-in line before a list);
* the action items that start in it (:data:`~pm_lsp.rules.actions.candidates.ItemFact`:
  nested, tracked, done, which reads items reported done elsewhere in the document);
* the action regions over it, cut to it, and its paragraphs with inline or numbered items;
* when it holds action items, the document's reference day (its Date, else Published:
  :func:`~pm_lsp.rules.actions.items.reference_day`), since a bracketed date on or before
  it is no due date;
* whether prefilters are consulted (:func:`pm_lsp.nlp.judge.prefiltering`).

A table on the NLP object holds each part's verdicts under ``(lexicon, key)``
(``actions.judged.part``), offsets relative to the part. The parts it
does not hold are selected once per document (:func:`_pending`: the parse batch runs the
judging twice), in one walk of the whole document when most of them are new. The
completeness rules (PM302-PM305) keep each part's findings, messages and fixes included,
in a table on the pack's lexicon (:func:`findings_by_parts`).
``tests/test_memo_actions.py`` changes each input of the key from outside a part and
compares a warm lint with a fresh one.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from pm_lsp.cache import BLOCK_CHARS, Memo
from pm_lsp.model.document import Block, PostmortemDoc
from pm_lsp.nlp.judge import Judgment, Unit, judge_units, prefiltering
from pm_lsp.policy.rulepack import RulePack
from pm_lsp.rules.actions import itemparts
from pm_lsp.rules.actions.candidates import (
    ActionText,
    Candidate,
    ItemFact,
    ProseMode,
    Scope,
    enumerated_items,
    item_facts,
    select_units,
)
from pm_lsp.rules.actions.items import (
    ActionGroup,
    SpanCover,
    action_groups,
    action_regions,
    found,
    reference_day,
)
from pm_lsp.rules.actions.lexicon import Lexicon, lexicon
from pm_lsp.rules.spec import Edit, Finding, Fix, Severity

if TYPE_CHECKING:
    from pm_lsp.nlp.pipeline import NLP

F = TypeVar("F")

#: a part's units by kind (items, listed, labelled, prose), in document offsets
PartUnits = tuple[tuple[Unit[ActionText], ...], ...]
#: a part's verdicts by kind: relative start and end, proposal, verdict
PartVerdicts = tuple[tuple[tuple[int, int, bool, Any], ...], ...]
#: the name of the verdicts' table (``nlp.memos``)
VERDICTS_TABLE = "actions.judged.part"


class Part(NamedTuple):
    """One section's stretch with what its walk reads, relative to its start, and its
    key (the same facts)."""

    start: int
    blocks: Sequence[Block]
    after_item: bool  #: the block after the part is a list item
    items: tuple[ItemFact, ...]
    regions: tuple[tuple[int, int], ...]  #: action regions over the part, cut to it
    inline: tuple[tuple[int, int, int], ...]  #: (paragraph start, run start, run end)
    key: Hashable
    #: the action groups whose items start in the part (all of a group's items do), in
    #: document order; not in the key: the key's texts, shape, section path and item
    #: facts decide them
    groups: tuple[ActionGroup, ...] = ()


def parts(doc: PostmortemDoc, pack: RulePack, prefiltered: bool) -> tuple[Part, ...] | None:
    """The document's parts with their keys, once per document; None when a list group
    or a block does not keep to one part (then the document is walked whole)."""
    return doc.analysis(_parts, pack, prefiltered)


def _parts(doc: PostmortemDoc, pack: RulePack, prefiltered: bool) -> tuple[Part, ...] | None:
    """:func:`parts`. Lean by design: it runs on every lint, and most parts hold no item,
    region or inline run (their facts are the empty tuple). The cut, the section paths,
    the blocks' shape and each part's regions and inline runs are the action items' walk
    by parts' (:mod:`pm_lsp.rules.actions.itemparts`), which the key holds."""
    cut = itemparts.cut(doc)
    walked = itemparts.walked(doc, pack)
    if cut is None or walked is None:
        return None
    kept = [w.kept for w in walked]
    got = _items_by_part(doc, pack, cut, kept)
    if got is None:
        return None
    items, groups = got
    day = reference_day(doc)  # a bracketed date on or before it is no due date
    blocks = doc.blocks
    out: list[Part] = []
    for p, w, it, gs in zip(cut, walked, items, groups, strict=True):
        after = p.stop < len(blocks) and blocks[p.stop].kind == "list_item"
        rg, il = itemparts.scope(w.kept)
        # the token stands for the part's key (its text, section path and shape)
        key = (prefiltered, day if it else None, w.token, after, it, rg, il)
        out.append(Part(p.start, p.blocks, after, it, rg, il, key, gs))
    return tuple(out)


def _items_by_part(
    doc: PostmortemDoc,
    pack: RulePack,
    cut: Sequence[itemparts.ItemPart],
    kept: Sequence[itemparts.Kept],
) -> tuple[list[tuple[ItemFact, ...]], list[tuple[ActionGroup, ...]]] | None:
    """The facts of the action items of each part, relative to it, in the order of their
    groups, and the groups with items of each part: as the parts' walks have them
    (:func:`pm_lsp.rules.actions.itemparts.facts`: no item to look at) unless the
    document's groups changed an item of theirs (an id reported done in another part,
    a due date on or before the incident's day), else read off the document's groups.
    None when a group's items lie in more than one part."""
    groups = action_groups(doc, pack)
    joined = found(doc, pack)
    if joined.by_part is not None:
        ours = {id(g) for kind in joined.groups for g in kind}
        if all(id(g) in ours for g in groups):
            return [itemparts.facts(k) for k in kept], list(joined.by_part)
    starts = [p.start for p in cut]
    facts = iter(item_facts(doc, pack))
    items: list[list[ItemFact]] = [[] for _ in cut]
    by_part: list[list[ActionGroup]] = [[] for _ in cut]
    for g in groups:
        where = {bisect.bisect_right(starts, it.start) - 1 for it in g.items}
        if len(where) > 1:
            return None
        if where:
            by_part[next(iter(where))].append(g)
        for _it in g.items:
            s, e, n, t, d = next(facts)
            i = bisect.bisect_right(starts, s) - 1
            items[i].append((s - starts[i], e - starts[i], n, t, d))
    return [tuple(it) for it in items], [tuple(gs) for gs in by_part]


def _table(nlp: NLP, name: str) -> Memo[Any]:
    return nlp.memos.table(name, BLOCK_CHARS)


def judged_by_parts(
    doc: PostmortemDoc,
    pack: RulePack,
    nlp: NLP,
    make: Callable[[Lexicon], Judgment[ProseMode, ActionText, F]],
    prefiltered: bool,
) -> tuple[tuple[Candidate, F], ...] | None:
    """Every candidate with its verdicts, as the whole-document walk gives them (items,
    then listed items, labelled paragraphs and prose, each in document order): an
    unchanged part is one lookup. None when the document does not cut into parts.
    ``make`` gives the judgment for a lexicon (the pack's); its verdicts must hold no
    offsets."""
    cut = parts(doc, pack, prefiltered)
    if cut is None:
        return None
    judgment = make(lexicon(pack))
    assert judgment.shift is None, "verdicts are stored relative to nothing"
    found = list(doc.analysis(_stored, nlp, pack, prefiltered))
    todo, selected, units = doc.analysis(_pending, nlp, pack, prefiltered, make)
    if todo:
        table = _table(nlp, VERDICTS_TABLE)
        words = judgment.words
        verdicts = iter(judge_units(nlp, judgment, units))
        for i, kinds in zip(todo, selected, strict=True):
            found[i] = table.put((words, cut[i].key), _verdicts(kinds, verdicts, cut[i].start))
    # most parts have no candidate (their verdicts are _NOTHING): left out at once
    some = [(p.start, got) for p, got in zip(cut, found, strict=True) if got is not _NOTHING]
    out: list[tuple[Candidate, F]] = []
    for kind in range(4):
        for a, got in some:
            assert got is not None
            out.extend([(Candidate(a + s, a + e, proposal), v) for s, e, proposal, v in got[kind]])
    return tuple(out)


def _stored(
    doc: PostmortemDoc, nlp: NLP, pack: RulePack, prefiltered: bool
) -> tuple[PartVerdicts | None, ...]:
    """The verdicts the table holds for each of :func:`parts`, looked up once per
    document: the judging may stop for the lint's parse batch and run again after it,
    and would look every part up again."""
    table = _table(nlp, VERDICTS_TABLE)
    words = lexicon(pack)
    return tuple([table.get((words, p.key)) for p in parts(doc, pack, prefiltered) or ()])


def _pending(
    doc: PostmortemDoc,
    nlp: NLP,
    pack: RulePack,
    prefiltered: bool,
    make: Callable[[Lexicon], Judgment[ProseMode, ActionText, F]],
) -> tuple[tuple[int, ...], tuple[PartUnits, ...], tuple[Unit[ActionText], ...]]:
    """The parts (by index) the table holds no verdicts for, their units, and those
    units to judge, in document offsets: selected once per document, as the judging may
    stop for the lint's parse batch and run again after it."""
    cut = parts(doc, pack, prefiltered) or ()
    found = doc.analysis(_stored, nlp, pack, prefiltered)
    todo = tuple(i for i, f in enumerate(found) if f is None)
    if not todo:
        return (), (), ()
    judgment = make(lexicon(pack))
    if len(todo) > _WHOLE_WALK_SHARE * len(cut):
        whole = _split(doc, pack, nlp, judgment, cut)
        selected = tuple(whole[cut[i].start] for i in todo)
    else:
        selected = tuple(_select(doc, pack, nlp, judgment, cut[i]) for i in todo)
    units = tuple(u for kinds in selected for kind in kinds for u in kind)
    return todo, selected, units


def _verdicts(kinds: PartUnits, verdicts: Iterator[tuple[Any, ...]], a: int) -> PartVerdicts:
    """A part's verdicts by kind, relative to the part (which starts at ``a``), read off
    ``verdicts`` (those of every unit judged, in order) for its units ``kinds``."""
    if not any(kinds):
        return _NOTHING  # type: ignore[no-any-return]
    got = tuple(
        tuple(
            (u.offset - a, u.offset - a + len(u.text), u.context.proposal, v)
            for u in kind
            for v in next(verdicts)
        )
        for kind in kinds
    )
    return got if any(got) else _NOTHING


#: the units, and the verdicts, of a part that has none (most parts): one object for all
#: of them, in the table's values and in the garbage collector's count
_NOTHING: Any = ((), (), (), ())


#: when more parts than this share of them are new (a document's first lint), their units
#: are selected in one walk of the whole document, then split by part: a walk per part
#: repeats the per-call work (the section modes, the prefilter tables) hundreds of times
_WHOLE_WALK_SHARE = 0.25


def _split(
    doc: PostmortemDoc,
    pack: RulePack,
    nlp: NLP,
    judgment: Judgment[ProseMode, ActionText, F],
    cut: Sequence[Part],
) -> dict[int, PartUnits]:
    """The units of every part (by its start) from one walk of the whole document: the
    whole walk's units of each kind, in order, are the parts' units of that kind one part
    after the other (:func:`parts` cuts only where that holds)."""
    scope = Scope(
        SpanCover([r for r, _ in action_regions(doc, pack)]).__contains__,
        enumerated_items(doc, pack),
    )
    kinds = select_units(doc, pack, nlp, judgment, doc.blocks, False, item_facts(doc, pack), scope)
    starts = [p.start for p in cut]
    out: list[tuple[list[Unit[ActionText]], ...]] = [([], [], [], []) for _ in cut]
    for k, kind in enumerate(kinds):
        for u in kind:
            out[bisect.bisect_right(starts, u.offset) - 1][k].append(u)
    return {a: _kinds(part) for a, part in zip(starts, out, strict=True)}


def _kinds(found: Sequence[Sequence[Unit[ActionText]]]) -> PartUnits:
    """A part's units by kind, :data:`_NOTHING` when it has none."""
    if not any(found):
        return _NOTHING  # type: ignore[no-any-return]
    return tuple(tuple(k) for k in found)


def _select(
    doc: PostmortemDoc,
    pack: RulePack,
    nlp: NLP,
    judgment: Judgment[ProseMode, ActionText, F],
    p: Part,
) -> PartUnits:
    """What :func:`select_units` selects in part ``p``. It reads the blocks, items,
    regions and inline runs of ``p`` and the texts inside the part, all of which its key
    holds."""
    a = p.start
    regions = [(a + s, a + e) for s, e in p.regions]
    scope = Scope(
        lambda at: any(s <= at < e for s, e in regions),
        {a + b: (a + s, a + e) for b, s, e in p.inline},
    )
    items = [(a + s, a + e, n, t, d) for s, e, n, t, d in p.items]
    return _kinds(select_units(doc, pack, nlp, judgment, p.blocks, p.after_item, items, scope))


# -- the completeness rules (PM302-PM305) ----------------------------------------------------

#: a finding as a part's table holds it: start and end relative to the part, message, fix
#: (title, edits relative to the part, safe) or None, severity, data as pairs or None
_Kept = tuple[int, int, str, Any, Severity | None, tuple[tuple[str, Any], ...] | None]


def findings_by_parts(
    doc: PostmortemDoc,
    pack: RulePack,
    what: Hashable,
    walk: Callable[[Sequence[ActionGroup]], Iterable[Finding]],
) -> list[Finding] | None:
    """``walk`` over the action groups of the whole document, part by part: the findings
    of the groups of an unchanged part are one lookup (in the pack's lexicon, under
    ``what`` and the part's key), messages and fixes included. ``what`` holds everything
    ``walk`` reads besides the groups and the pack (the field, the values its messages
    name); ``walk`` reads of the document only the texts of the part its groups are in.
    Parts without groups have no findings and are not looked up. None when the document
    does not cut into parts."""
    cut = parts(doc, pack, prefiltering())
    if cut is None:
        return None
    table = lexicon(pack).part_findings
    out: list[Finding] = []
    for p in cut:
        if not p.groups:
            continue
        key = (what, p.key)
        kept = table.get(key)
        if kept is None:
            kept = table.put(key, tuple(_kept(f, p.start) for f in walk(p.groups)))
        out.extend(_finding(k, p.start) for k in kept)
    return out


def _kept(f: Finding, a: int) -> _Kept:
    fix = f.fix
    return (
        f.start - a,
        f.end - a,
        f.message,
        None
        if fix is None
        else (fix.title, tuple((e.start - a, e.end - a, e.new_text) for e in fix.edits), fix.safe),
        f.severity,
        None if f.data is None else tuple(f.data.items()),
    )


def _finding(k: _Kept, a: int) -> Finding:
    start, end, message, fix, severity, data = k
    return Finding(
        start + a,
        end + a,
        message,
        None
        if fix is None
        else Fix(fix[0], tuple(Edit(s + a, e + a, t) for s, e, t in fix[1]), fix[2]),
        severity,
        None if data is None else dict(data),
    )
