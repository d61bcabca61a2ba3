"""The action items by parts of the document, so that an edit costs the part it touched.

The action items (:func:`pm_lsp.rules.actions.items.walk`: the action regions, the inline,
numbered and labelled items, the groups of tables and lists) are read on every lint by
PM301-PM306, the impact rules and the structure rules; walked over the whole document,
that was ~2.5 ms of an edit of the 11,900-word corpus document (~10% of the engine's
CPU), for an answer that changes in one part (joined from the parts' walks: ~1.2 ms, most
of it the cut and the keys, :func:`cut`). A *part* is a section's own stretch, its
heading up to the next heading of any level, or the text before the first heading: the
cut of :func:`pm_lsp.model.parts.parts`. Nothing the walk groups crosses from one part to
another (a label region ends at the next heading, a run of checkbox items or labelled
lines is one section's, a table or list is in one section), so the whole document's walk
is its parts' walks joined kind by kind; where a label line before the first heading
opens a region past it, or the model's sections are out of order, :func:`found_by_parts`
says None and the document is walked whole.

Each part's walk is kept in a table of the pack's (:class:`_Tables`), relative to the
part, under a key that holds all it reads (:func:`_key`): the part's source and masked
text, its section path (title, canonical name, level and whether it has subsections, for
the section and each one above it), its section's content span, the shape of its blocks
and tables, and the label regions in it. What the walk of one part cannot know is done
on the joined answer by :func:`pm_lsp.rules.actions.items._action_groups`, as before:
the document's order of the groups, the items an id reported done elsewhere makes done
(each part keeps the ids of its items, and the ids its blocks report done are kept by
part in a second table, asked only when the items have ids), and due dates on or before
the incident's day (the metadata). A part's entry carries a token that stands for its key
in the keys of the tables built on the walk (:class:`Walked`).

``tests/test_memo_actions.py`` compares the joined answer with the whole walk's on every
fixture and edit, and a warm lint with a fresh one after edits from outside a part.
"""

from __future__ import annotations

import bisect
import dataclasses
import struct
from collections.abc import Hashable, Sequence
from types import MappingProxyType
from typing import Any, NamedTuple

from pm_lsp.cache import BLOCK_CHARS, Memo
from pm_lsp.model.document import Block, PostmortemDoc, Section, Span, Table
from pm_lsp.model.parts import parts as model_parts
from pm_lsp.model.parts import union
from pm_lsp.policy.rulepack import RulePack
from pm_lsp.rules.actions.candidates import ItemFact, is_tracked
from pm_lsp.rules.actions.items import (
    ActionGroup,
    ActionItem,
    Found,
    ItemField,
    _Words,
    _words,
    item_id,
    labelled_regions,
    reported_ids,
    walk,
)


class _Tables:
    """The tables of the walk by parts, one set per pack (``pack.derived``: the pack's
    words are the rest of their keys). Their keys hold the document's text twice, so
    they are bounded like the block tables (:data:`pm_lsp.cache.BLOCK_CHARS`)."""

    def __init__(self, pack: RulePack) -> None:
        self.walks: Memo[Walked] = Memo(chars=BLOCK_CHARS)  #: each part's walk
        #: the ids each part's blocks report done (:func:`reported_by_parts`)
        self.reported: Memo[tuple[frozenset[str]]] = Memo(chars=BLOCK_CHARS)


#: a section path as a part's key holds it (:func:`chain`)
Chain = tuple[tuple[str, str | None, int, bool], ...]


class ItemPart(NamedTuple):
    """One part: where it starts and ends, its section, its blocks and tables, its label
    regions (document offsets) and its key (:func:`_key`, relative to ``start``)."""

    start: int
    end: int
    section: Section | None
    blocks: Sequence[Block]
    tables: Sequence[Table]
    stop: int  #: the index in ``doc.blocks`` of the first block after the part
    labels: tuple[tuple[str, Span, Section | None], ...]
    chain: Chain
    layout: tuple[Hashable, ...]  #: the shape of its blocks and tables (:func:`_layout`)
    key: Hashable


def cut(doc: PostmortemDoc) -> tuple[ItemPart, ...] | None:
    """The document's parts with their keys, once per document; None when something the
    walk groups may span two parts (then the document is walked whole)."""
    return doc.analysis(_cut)


def _cut(doc: PostmortemDoc) -> tuple[ItemPart, ...] | None:
    """:func:`cut`. Lean by design: it runs on every lint (~150 parts on the 11,900-word
    document, most of them with no table or label region)."""
    starts = [b.start for b in doc.blocks]
    if starts != sorted(starts):
        return None
    labels = labelled_regions(doc)
    nlabels = len(labels)
    chains: dict[int, Chain] = {}
    out: list[ItemPart] = []
    k = 0  # the next label region
    last = -1
    all_blocks, all_tables = doc.blocks, doc.tables
    for p in model_parts(doc):
        a, e, sec = p.start, p.end, p.section
        if a <= last or e < a:
            return None  # headings out of order
        last = a
        blocks = all_blocks[p.first : p.stop]
        # assigned by offset, so the blocks between the first and the last are sec's too
        if blocks and (blocks[0].section is not sec or blocks[-1].section is not sec):
            return None
        tables = all_tables[p.first_table : p.stop_table] if p.stop_table > p.first_table else ()
        if tables and any(t.section is not sec for t in tables):
            return None
        if sec is not None and not a <= sec.content.start <= sec.content.end <= e:
            return None
        mine: list[tuple[str, Span, Section | None]] = []
        while k < nlabels and labels[k][1].start < e:
            if labels[k][1].end > e or labels[k][2] is not sec:
                return None  # a label line before the first heading opens a region past it
            mine.append(labels[k])
            k += 1
        layout = _layout(blocks, tables, a)
        chain = _chain(sec, chains)
        out.append(
            ItemPart(
                a,
                e,
                sec,
                blocks,
                tables,
                p.stop,
                tuple(mine),
                chain,
                layout,
                _key(p, chain, layout, mine),
            )
        )
    return tuple(out)


def _key(
    p: Any,
    chain: Chain,
    layout: tuple[Hashable, ...],
    labels: Sequence[tuple[str, Span, Section | None]],
) -> Hashable:
    """What the walk of part ``p`` (a :class:`pm_lsp.model.parts.Part`) reads, relative
    to its start: its text (source and masked: the model part's strings, hashed once for
    every family's key), its section path and content span, the shape of its blocks and
    tables. The label regions in it follow from these (``label_of`` reads a block's
    text, and a region ends at the next label line or heading), so they are no part of it."""
    a, sec = p.start, p.section
    content = None if sec is None else (sec.content.start - a, sec.content.end - a)
    return (p.key[0], p.key[1], chain, content, layout)


def chain(sec: Section | None) -> Chain:
    """Title, canonical name, level and whether it has subsections, of ``sec`` and each
    section above it, innermost first: all a walk by parts reads of the sections."""
    return _chain(sec, {})


def _chain(sec: Section | None, chains: dict[int, Chain]) -> Chain:
    if sec is None:
        return ()
    got = chains.get(id(sec))
    if got is None:
        got = chains[id(sec)] = (
            (sec.title, sec.canonical, sec.level, bool(sec.children)),
            *_chain(sec.parent, chains),
        )
    return got


#: a block's kind and checkbox as numbers in a part's layout (:func:`_layout`)
_KINDS = {"paragraph": 0, "list_item": 1, "blockquote": 2, "table_cell": 3, "heading": 4}
_CHECKBOX = {None: 0, False: 1, True: 2}
#: no list item (a block's ``item_start`` of None) in a part's layout
_NO_ITEM = -(2**62)
#: a block in a part's layout: kind, start, end, list depth, checkbox, item start
_BLOCK = struct.Struct("<bqqhbq")


def _layout(blocks: Sequence[Block], tables: Sequence[Table], a: int) -> tuple[Hashable, ...]:
    """What the walk reads of the blocks and tables besides the part's text, relative to
    ``a``: each block's kind, start, end, list depth, checkbox and the start of the list
    item a paragraph is in, packed as bytes (hashed once however many tables look the
    key up, compared as memory, and not walked by the memo tables' count of the text
    their keys hold: as a tuple of numbers, that count cost ~25 ms of the 50,000-word
    file's first lint); then each table's span, cells (their text too: an HTML table's
    cells are read, not sliced) and row spans."""
    pack = _BLOCK.pack
    packed = b"".join(
        [
            pack(
                _KINDS[b.kind],
                b.start - a,
                b.end - a,
                b.list_depth,
                _CHECKBOX[b.checkbox],
                _NO_ITEM if b.item_start is None else b.item_start - a,
            )
            for b in blocks
        ]
    )
    if not tables:
        return (packed,)
    shape: list[Hashable] = []
    for t in tables:
        shape.append((t.start - a, t.end - a, t.html, len(t.header)))
        for row in (t.header, *t.rows):
            shape.append(tuple((c.start - a, c.end - a, c.text) for c in row))
        shape.append(tuple((s.start - a, s.end - a) for s in t.row_spans))
    return (packed, tuple(shape))


# -- a part's walk, kept relative to the part ------------------------------------------------


#: a part's walk as its table keeps it (:func:`_kept`), offsets relative to the part,
#: blocks and tables by their index in the part: regions by kind, inline enumerations,
#: numbered paragraphs, labelled lines, groups by kind, the items' ids by start, what
#: PM301's walk of the part reads of them (:func:`scope`), and the part's groups with
#: items in document order (their index among its groups by kind) with their items'
#: facts (:func:`facts`)
Kept = tuple[Any, Any, Any, Any, Any, Any, Any, Any, Any, Any]

#: what most parts keep: nothing (one object for all of them, skipped when joining)
_NOTHING: Kept = (((), (), ()), (), (), (), ((),) * 7, (), (), (), (), ())


class _Uncut(Exception):
    """Something the walk of a part found belongs to another section."""


class Walked(NamedTuple):
    """A part's walk as its table keeps it, and a token that stands for the part's key
    in the keys of the tables that build on the walk (PM301's verdicts, PM302-PM305's
    findings): one object per entry, hashed and compared by identity, while the key it
    stands for holds the part's text twice and its shape (looking that up cost ~3 µs a
    part, ~0.45 ms a lint of the 11,900-word document, for each table). The same token
    for as long as the entry lives; a new one when the part is walked again, which no
    stored key can hold."""

    token: object
    kept: Kept


class _Token:
    """A part's key, interned (:class:`Walked`)."""

    __slots__ = ()


def found_by_parts(doc: PostmortemDoc, pack: RulePack) -> Found | None:
    """:func:`pm_lsp.rules.actions.items.walk` over the whole document, part by part: an
    unchanged part is one lookup. None when the document does not cut into parts."""
    parts = cut(doc)
    got = walked(doc, pack)
    return None if parts is None or got is None else _joined(parts, [w.kept for w in got])


def walked(doc: PostmortemDoc, pack: RulePack) -> tuple[Walked, ...] | None:
    """Each part's walk (:class:`Walked`), once per document: None when the document
    does not cut into parts."""
    return doc.analysis(_all_walked, pack)


def _all_walked(doc: PostmortemDoc, pack: RulePack) -> tuple[Walked, ...] | None:
    parts = cut(doc)
    if parts is None:
        return None
    words = _words(pack)
    table = pack.derived(_Tables).walks
    out: list[Walked | None] = [table.get(p.key) for p in parts]
    todo = [i for i, got in enumerate(out) if got is None]
    if len(todo) > _WHOLE_WALK_SHARE * len(parts):
        whole = walk(doc, words, doc.blocks, doc.tables, doc.sections, labelled_regions(doc))
        found = _split(whole, parts)
    else:
        found = {i: _walk(doc, words, parts[i]) for i in todo}
    try:
        for i in todo:
            f = found.get(i)
            k = _NOTHING if f is None else _kept(doc, parts[i], f)
            out[i] = table.put(parts[i].key, Walked(_Token(), k))
    except _Uncut:
        return None
    return tuple(w for w in out if w is not None)


#: when more parts than this share of them are new (a document's first lint), they are
#: found in one walk of the whole document, then split by part: a walk per part repeats
#: the per-call work hundreds of times (on the 50,000-word file, ~560 walks cost ~6 ms
#: more than one, and keeping the parts that hold nothing ~8 ms)
_WHOLE_WALK_SHARE = 0.25


def _walk(doc: PostmortemDoc, words: _Words, p: ItemPart) -> Found:
    sections = () if p.section is None else (p.section,)
    return walk(doc, words, p.blocks, p.tables, sections, p.labels)


def _split(whole: Found, parts: Sequence[ItemPart]) -> dict[int, Found]:
    """The walk of each part (by index) that finds anything, from the walk of the whole
    document: each kind's finds in order are the parts' one part after the other
    (:func:`cut` cuts only where that holds). A group is the part's of its first item,
    or of its region when it has none."""
    starts = [p.start for p in parts]
    got: dict[int, tuple[list[Any], ...]] = {}

    def put(k: int, at: int, x: object) -> None:
        i = bisect.bisect_right(starts, at) - 1
        if i not in got:
            got[i] = tuple([] for _ in range(_KINDS_FOUND))
        got[i][k].append(x)

    for k, kind in enumerate(whole.regions):
        for r in kind:
            put(k, r[0].start, r)
    for b, spans in whole.inline:
        put(3, b.start, (b, spans))
    for b, sp in whole.numbered:
        put(4, b.start, (b, sp))
    for line in whole.lines:
        put(5, line[0].start, line)
    for k, gs in enumerate(whole.groups):
        for g in gs:
            at = g.items[0].start if g.items else g.region.start if g.region is not None else 0
            put(6 + k, at, g)
    return {
        i: Found(
            (tuple(f[0]), tuple(f[1]), tuple(f[2])),
            tuple(f[3]),
            tuple(f[4]),
            tuple(f[5]),
            tuple(tuple(g) for g in f[6:]),
        )
        for i, f in got.items()
    }


#: the kinds of what a walk finds, as :func:`_split` counts them: three of regions,
#: inline enumerations, numbered paragraphs, labelled lines, seven of groups
_KINDS_FOUND = 13


def _kept(doc: PostmortemDoc, p: ItemPart, f: Found) -> Kept:
    """The walk ``f`` of part ``p``, relative to it (:data:`Kept`)."""
    if not (any(f.regions) or f.inline or f.numbered or f.lines or any(f.groups)):
        return _NOTHING
    a = p.start
    index = {id(b): i for i, b in enumerate(p.blocks)}
    ids: list[tuple[int, str]] = []
    regions = tuple(tuple(_relative(r, sec, p) for r, sec in k) for k in f.regions)
    groups = tuple(tuple(_kept_group(doc, p, g, ids) for g in k) for k in f.groups)
    starts, ends = union(r for k in regions for r in k)
    kept: Kept = (
        regions,
        tuple((index[id(b)], tuple((s.start - a, s.end - a) for s in sp)) for b, sp in f.inline),
        tuple((index[id(b)], (sp.start - a, sp.end - a)) for b, sp in f.numbered),
        tuple((index[id(b)], at - a, (sp.start - a, sp.end - a)) for b, at, sp in f.lines),
        groups,
        tuple(ids),
        tuple(zip(starts, ends, strict=True)),
        _inline_runs(f, a),
        *_ordered(f, a),
    )
    return _NOTHING if kept == _NOTHING else kept


def _ordered(f: Found, a: int) -> tuple[tuple[int, ...], tuple[ItemFact, ...]]:
    """The groups of ``f`` that have items, in the order the document's groups are sorted
    in (by their first item; ties in the order of their kinds), as indexes among them by
    kind, and their items' facts relative to ``a``
    (:data:`~pm_lsp.rules.actions.candidates.ItemFact`)."""
    flat = [g for k in f.groups for g in k]
    order = sorted((i for i, g in enumerate(flat) if g.items), key=lambda i: flat[i].items[0].start)
    found = tuple(
        (it.start - a, it.end - a, it.depth > 0, is_tracked(it), it.done)
        for i in order
        for it in flat[i].items
    )
    return tuple(order), found


def facts(k: Kept) -> tuple[ItemFact, ...]:
    """The facts of a part's items, relative to it, as its walk gives them: those of the
    document's walk unless an id reported done elsewhere or a past due date changes an
    item (then they are read off the document's groups)."""
    return k[9]  # type: ignore[no-any-return]


def _inline_runs(f: Found, a: int) -> tuple[tuple[int, int, int], ...]:
    """The paragraphs of ``f`` holding inline enumerated, numbered or labelled items, each
    with the run of its items (:func:`pm_lsp.rules.actions.candidates.enumerated_items`),
    as (paragraph start, run start, run end) relative to ``a``, in order."""
    inline = {b.start: (spans[0].start, spans[-1].end) for b, spans in f.inline}
    inline.update((b.start, (sp.start, sp.end)) for b, sp in f.numbered)
    for b, label, sp in f.lines:  # "AI: Dana - add …": from the label on
        inline[b.start] = (inline.get(b.start, (label, sp.end))[0], sp.end)
    return tuple((b - a, s - a, e - a) for b, (s, e) in sorted(inline.items()))


def scope(k: Kept) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int, int], ...]]:
    """What PM301's walk of a part reads of its action items besides the items, relative
    to the part: the action regions' union over it, and its paragraphs with inline,
    numbered or labelled items with their runs (:func:`_inline_runs`)."""
    return k[6], k[7]


def _own(sec: Section | None, p: ItemPart) -> None:
    if sec is not p.section:
        raise _Uncut


def _relative(r: Span, sec: Section | None, p: ItemPart) -> tuple[int, int]:
    _own(sec, p)
    return r.start - p.start, r.end - p.start


def _kept_group(
    doc: PostmortemDoc, p: ItemPart, g: ActionGroup, ids: list[tuple[int, str]]
) -> tuple[Any, ...]:
    a = p.start
    _own(g.section, p)
    tables = list(p.tables)
    items = []
    for it in g.items:
        _own(it.section, p)
        i = item_id(doc, it)
        if i is not None:
            ids.append((it.start - a, i))
        items.append(
            (
                it.start - a,
                it.end - a,
                it.text,
                it.source,
                it.depth,
                it.checkbox,
                tuple(
                    (k, f.name, f.value, f.start - a, f.end - a, f.missing)
                    for k, f in it.fields.items()
                ),
                None if it.table is None else tables.index(it.table),
                it.row,
                it.insert_at - a,
                it.reported,
                it.finished,
            )
        )
    return (
        g.kind,
        tuple(items),
        None if g.table is None else tables.index(g.table),
        g.columns,
        None if g.region is None else (g.region.start - a, g.region.end - a),
    )


def _joined(parts: Sequence[ItemPart], kept: Sequence[Kept]) -> Found:
    """The parts' walks, in document offsets, joined kind by kind."""
    regions: tuple[list[Any], ...] = ([], [], [])
    inline: list[Any] = []
    numbered: list[Any] = []
    lines: list[Any] = []
    groups: tuple[list[ActionGroup], ...] = ([], [], [], [], [], [], [])
    ids: dict[int, str] = {}
    by_part: list[tuple[ActionGroup, ...]] = []
    for p, k in zip(parts, kept, strict=True):
        if k is _NOTHING:
            by_part.append(())
            continue
        a, sec, bl = p.start, p.section, p.blocks
        for out, rs in zip(regions, k[0], strict=True):
            out.extend((Span(a + s, a + e), sec) for s, e in rs)
        inline.extend((bl[i], tuple(Span(a + s, a + e) for s, e in sp)) for i, sp in k[1])
        numbered.extend((bl[i], Span(a + s, a + e)) for i, (s, e) in k[2])
        lines.extend((bl[i], a + at, Span(a + s, a + e)) for i, at, (s, e) in k[3])
        built = [_group(g, p) for gs in k[4] for g in gs]
        n = 0
        for out, gs in zip(groups, k[4], strict=True):
            out.extend(built[n : n + len(gs)])
            n += len(gs)
        by_part.append(tuple(built[i] for i in k[8]))
        ids.update((a + s, i) for s, i in k[5])
    return Found(
        (tuple(regions[0]), tuple(regions[1]), tuple(regions[2])),
        tuple(inline),
        tuple(numbered),
        tuple(lines),
        tuple(tuple(g) for g in groups),
        MappingProxyType(ids),
        tuple(by_part),
    )


def reported_by_parts(doc: PostmortemDoc, pack: RulePack) -> frozenset[str]:
    """Every id a paragraph or list item of the document reports done
    (:func:`pm_lsp.rules.actions.items.reported_ids`), part by part: asked only of a
    document whose items have ids, and an unchanged part is one lookup."""
    parts = cut(doc)
    assert parts is not None, "asked only of a document walked by parts"
    table = pack.derived(_Tables).reported
    words = _words(pack)
    out: set[str] = set()
    for p in parts:
        got = table.get(p.key)
        if got is None:
            got = table.put(p.key, (reported_ids(p.blocks, words),))
        out.update(got[0])
    return frozenset(out)


def _group(kept: tuple[Any, ...], p: ItemPart) -> ActionGroup:
    kind, items, t, columns, region = kept
    a, sec = p.start, p.section
    return ActionGroup(
        kind,
        tuple(_item(k, a, sec, p.tables) for k in items),
        sec,
        None if t is None else p.tables[t],
        columns,
        None if region is None else Span(region[0] + a, region[1] + a),
    )


def _item(
    kept: tuple[Any, ...], a: int, sec: Section | None, tables: Sequence[Table]
) -> ActionItem:
    s, e, text, source, depth, checkbox, fields, ti, row, at, reported, finished = kept
    # built without the dataclass's __init__, which sets each of the thirteen fields of
    # a frozen instance through object.__setattr__: every item of the document is built
    # on every lint, and that was ~2 µs of the ~3 µs an item cost (the fields are those
    # of __init__, all given: test_action_items_by_parts_are_the_whole_walks compares)
    item = _new(ActionItem)
    item.__dict__.update(
        start=s + a,
        end=e + a,
        text=text,
        source=source,
        section=sec,
        depth=depth,
        checkbox=checkbox,
        fields=MappingProxyType(
            {k: ItemField(n, v, fs + a, fe + a, m) for k, n, v, fs, fe, m in fields}
        )
        if fields
        else _NO_FIELDS,
        table=None if ti is None else tables[ti],
        row=row,
        insert_at=at + a,
        reported=reported,
        finished=finished,
    )
    return item


_new = object.__new__
#: the fields :func:`_item` sets, which must be all of :class:`ActionItem`'s
_ITEM_FIELDS = (
    "start",
    "end",
    "text",
    "source",
    "section",
    "depth",
    "checkbox",
    "fields",
    "table",
    "row",
    "insert_at",
    "reported",
    "finished",
)
assert tuple(f.name for f in dataclasses.fields(ActionItem)) == _ITEM_FIELDS
assert not hasattr(ActionItem, "__post_init__") and not hasattr(ActionItem, "__slots__")


_NO_FIELDS: Any = MappingProxyType({})
