"""What the structure rules read of each part of a document, memoised per part.

PM201 (:func:`~pm_lsp.rules.structure.concepts.presence`), PM202 (the fills of ``checks``)
and PM203 (:func:`~pm_lsp.rules.structure.fields.field_presence`) walked every block of the
document on every lint, asking each block's facts of a memo table: after an edit that
changed one paragraph, the other ~900 blocks were looked up and combined again. Here the
document is cut into **parts** at its top-level headings (an ATX heading at column 0:
CommonMark closes every container there, so what lies between two such headings parses the
same whatever stands before or after it; the chunk parser cuts at such headings too,
:mod:`pm_lsp.parse.chunks`), and what the three rules read of a part is computed once per
part text (:class:`PartFacts`) and combined on each lint.

What a part's facts read, and so what its key holds: the part's source and masked text
(the blocks, tables and sections inside it, their kinds, list depths and offsets, are what
the parser makes of that text), the template (by identity: the heading and label synonyms)
and the pack (the table lives on the pack's compiled words). What depends on the rest of the
document is left to the lint: whether a section has content (its subsections in later
parts count), the parts already written elsewhere (which cues are asked), the title, the
front matter, the opening of the document. Offsets in the value are relative to the part's
start.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from pm_lsp.cache import Identity, Memo, identity
from pm_lsp.model.document import Block, PostmortemDoc, Section, Table
from pm_lsp.parse.values import find_date
from pm_lsp.policy.rulepack import RulePack
from pm_lsp.policy.templates import Template
from pm_lsp.rules.structure.concepts import (
    _STAMP,
    BlockFacts,
    Words,
    _facts_of,
    _feeds,
    _named,
    is_filler,
    load_words,
    placeholder_note,
)
from pm_lsp.rules.timeline.chat import thread_lines


class SectionFacts(NamedTuple):
    """What one section's own content (its heading up to the next heading of any level)
    says, for PM201, PM202 and PM203."""

    #: a block of the author's own in it (not filler, not all italics, not a heading nor a
    #: table's header cell): the section has content (``concepts.has_content``)
    author: bool
    #: the parts its title names when the section has content (``concepts._named``)
    named: tuple[str, ...]
    #: the parts its title names for ``unfilled`` (``template.concepts_in``)
    concepts: tuple[str, ...]
    #: its blocks besides headings and table header cells: how many, all placeholders, all
    #: in italics, one a prompt's tell (None: no such block); PM202's ``_Fill``
    fill: tuple[int, bool, bool, bool] | None
    #: a table with a header row belongs to it
    headers: bool
    #: (start relative to the part, word) of the placeholder word left in each of its blocks
    placeholders: tuple[tuple[int, str], ...]
    #: the metadata field its title names (PM203: "## Status" over a paragraph)
    field: str | None
    #: a block other than a heading in it
    text: bool
    #: an image or an HTML table in its own content, in its heading (PM202: what makes a
    #: section without prose not empty)
    media: bool
    heading_media: bool


class PartFacts(NamedTuple):
    """One part's contribution to :class:`~pm_lsp.rules.structure.concepts.Presence`, to
    PM202's fills and to PM203's field presence, offsets relative to the part's start."""

    #: the sections whose headings lie in the part, in document order
    sections: tuple[SectionFacts, ...]
    #: the parts each filled label names, in block order (a label's feeding block lies in
    #: the label's section, so in the same part)
    labels: tuple[tuple[str, ...], ...]
    #: the parts each table row with a filled cell names, in order
    tables: tuple[tuple[str, ...], ...]
    #: the most time-stamped entries in one of its sections or tables
    stamped: int
    #: the blocks the prose cues are read in (paragraphs, list items and quotes that are
    #: neither filler nor italic), as spans of the masked part
    prose: tuple[tuple[int, int], ...]
    #: PM203: the fields written as a label over a list in the part, in order
    field_lists: tuple[str, ...]
    #: PM203: the field an open label that is the part's last block names (its list would
    #: be the next part's first block)
    open_label: str | None
    #: PM203: a date in a section title
    dated_title: bool
    #: PM203: the blocks other than headings, as spans of the part: field cues are read in
    #: their masked text, dates in their source
    texts: tuple[tuple[int, int], ...]


class Part(NamedTuple):
    """A part of one document: where it starts, its key, its facts, and the index in
    ``doc.sections`` of its first section."""

    lo: int
    #: the part's source text, its masked text, the template
    key: tuple[str, str, Identity]
    facts: PartFacts
    first: int


@dataclass(frozen=True)
class Parts:
    """Every part of a document (:func:`structure_parts`), and the :class:`SectionFacts`
    of every section, in ``doc.sections`` order."""

    parts: tuple[Part, ...]
    sections: tuple[SectionFacts, ...]
    #: per section, the indices (into ``doc.sections``) of its subsections: the folds up
    #: the section tree (:func:`subtree_any`) read them
    children: tuple[tuple[int, ...], ...]


def _cuts(doc: PostmortemDoc) -> tuple[list[int], list[int]]:
    """Where parts start (offsets, the first 0) and the index of each part's first section:
    at every section whose heading is an ATX heading at the start of a line."""
    text = doc.text
    bounds, firsts = [0], [0]
    for i, s in enumerate(doc.sections):
        at = s.heading.start
        if at > bounds[-1] and text[at - 1] in "\n\r" and text.startswith("#", at):
            bounds.append(at)
            firsts.append(i)
    return bounds, firsts


def structure_parts(doc: PostmortemDoc, template: Template, pack: RulePack) -> Parts:
    """The parts of ``doc`` and their facts, each from the pack's table where its text was
    seen before (a document analysis: ``doc.analysis(structure_parts, template, pack)``)."""
    words = pack.derived(load_words)
    table = words._parts
    text, masked = doc.text, doc.masked
    bounds, firsts = _cuts(doc)
    bounds.append(len(text))
    firsts.append(len(doc.sections))
    same = identity(template)
    parts: list[Part] = []
    sections: list[SectionFacts] = []
    for n in range(len(firsts) - 1):
        lo, hi = bounds[n], bounds[n + 1]
        key = (text[lo:hi], masked[lo:hi], same)
        got = table.get(key)
        if got is None:
            own = doc.sections[firsts[n] : firsts[n + 1]]
            got = table.put(key, _part_facts(doc, lo, hi, own, template, pack, words))
        parts.append(Part(lo, key, got, firsts[n]))
        sections.extend(got.sections)
    index = {id(s): i for i, s in enumerate(doc.sections)}
    children = tuple(tuple(index[id(c)] for c in s.children) for s in doc.sections)
    return Parts(tuple(parts), tuple(sections), children)


def _part_facts(
    doc: PostmortemDoc,
    lo: int,
    hi: int,
    own: list[Section],
    template: Template,
    pack: RulePack,
    words: Words,
) -> PartFacts:
    """The facts of the part ``[lo, hi)`` holding the sections ``own``: read from nothing
    but what the parser made of the part's text, the template and the pack."""
    blocks = doc.blocks_between(lo, hi)
    tables = doc.tables_between(lo, hi)
    text = doc.text
    facts = words._facts.each(
        [(text[b.start : b.end], b.text) for b in blocks], lambda k: _facts_of(k[0], k[1], words)
    )
    headers = {c.start for t in tables for c in t.header}
    picked = [
        (b, f)
        for b, f in zip(blocks, facts, strict=True)
        if b.kind in ("paragraph", "list_item", "blockquote")
    ]
    starts = [b.start for b in blocks]
    sections = []
    for s in own:  # a section's own content is a run of the part's blocks
        i = bisect.bisect_left(starts, s.content.start)
        j = bisect.bisect_left(starts, s.content.end)
        sections.append(
            _section_facts(doc, s, blocks[i:j], facts[i:j], tables, headers, lo, template, pack)
        )
    return PartFacts(
        tuple(sections),
        _labels(picked, template, pack),
        _table_rows(tables, template, words),
        _stamped(blocks, facts, tables),
        tuple((b.start - lo, b.end - lo) for b, f in picked if not f.filler and not f.italic),
        *_field_facts(blocks, facts, own, lo, template),
    )


class _FieldFacts(NamedTuple):
    field_lists: tuple[str, ...]
    open_label: str | None
    dated_title: bool
    texts: tuple[tuple[int, int], ...]


def _field_facts(
    blocks: list[Block],
    facts: tuple[BlockFacts, ...],
    own: list[Section],
    lo: int,
    template: Template,
) -> _FieldFacts:
    """What PM203 (:func:`pm_lsp.rules.structure.fields.field_presence`) reads of a part:
    a field written as a label over a list ("Authors:" above one name per item), dates in
    titles and text, and the blocks its cues are read in."""
    lists: list[str] = []
    open_label: str | None = None
    for i, (b, f) in enumerate(zip(blocks, facts, strict=True)):
        label = f.label
        if b.kind not in ("paragraph", "list_item") or label is None or label[1].strip():
            continue
        fid = template.canonical_field(label[0])
        if fid is None:
            continue
        if i + 1 == len(blocks):
            open_label = fid
        elif blocks[i + 1].kind == "list_item" and blocks[i + 1].text.strip():
            lists.append(fid)
    return _FieldFacts(
        field_lists=tuple(lists),
        open_label=open_label,
        dated_title=any(find_date(s.title) for s in own),
        texts=tuple((b.start - lo, b.end - lo) for b in blocks if b.kind != "heading"),
    )


def _section_facts(
    doc: PostmortemDoc,
    s: Section,
    blocks: list[Block],
    facts: tuple[BlockFacts, ...],
    tables: list[Table],
    headers: set[int],
    lo: int,
    template: Template,
    pack: RulePack,
) -> SectionFacts:
    """:class:`SectionFacts` of ``s`` from the blocks of its own content."""
    author = text = False
    count, placeholder, italic, prompt = 0, True, True, False
    # "N/A" is no answer for a part every incident has (how it was detected, its cause)
    concepts = template.concepts_in(s.title)
    always = set(pack.words("structure", "always-applicable"))
    unanswerable = bool(concepts) and always.issuperset(concepts)
    placeholders: list[tuple[int, str]] = []
    for b, f in zip(blocks, facts, strict=True):
        if f.placeholder_word is not None and (not b.in_quote or placeholder_note(b.text)):
            # in a quote (someone else's words, not the author's callout) only a note that
            # is nothing but the placeholder is one: "> filters TBD" mentions it
            at, word = f.placeholder_word
            placeholders.append((b.start + at - lo, word))
        if b.kind == "heading":
            continue
        text = True
        if b.start in headers:
            continue
        author = author or not (f.filler or f.italic)
        count += 1
        placeholder = placeholder and (f.placeholder or (unanswerable and f.not_applicable))
        italic = italic and f.italic
        prompt = prompt or f.prompt
    return SectionFacts(
        author=author,
        named=_named(s.title, template, pack),
        concepts=concepts,
        fill=(count, placeholder, italic, prompt) if count else None,
        headers=any(t.section is s and t.header for t in tables),
        placeholders=tuple(placeholders),
        field=template.canonical_field(s.title),
        text=text,
        media=_media(doc.text, s.content.start, s.content.end),
        heading_media=_media(doc.text, s.heading.start, s.heading.end),
    )


#: what makes a section without prose not empty: an image or an HTML table (none of them
#: can overlap another, nor cross a part's edge: a part starts with "#" after a line break)
MEDIA = ("![", "<img", "<table")


def _media(text: str, start: int, end: int) -> bool:
    """Does one of :data:`MEDIA` lie wholly in ``text[start:end]``?"""
    return any(text.find(lit, start, end) >= 0 for lit in MEDIA)


def _labels(
    picked: list[tuple[Block, BlockFacts]], template: Template, pack: RulePack
) -> tuple[tuple[str, ...], ...]:
    """The parts the labels of the part's blocks name (presence's label pass)."""
    out: list[tuple[str, ...]] = []
    for i, (b, f) in enumerate(picked):
        following = picked[i + 1] if i + 1 < len(picked) else None
        if f.label is not None and (f.label_filled or _feeds(b, following)):
            out.append(_named(f.label[0], template, pack))
        for key, filled, last in f.inner:
            if filled or (last and _feeds(b, following)):
                out.append(template.concepts_in(key))
    return tuple(out)


def _table_rows(
    tables: list[Table], template: Template, words: Words
) -> tuple[tuple[str, ...], ...]:
    """The parts the rows of the part's tables name: a first cell, with a filled cell
    after it."""
    return tuple(
        template.concepts_in(row[0].value)
        for t in tables
        for row in [t.header, *t.rows]
        if len(row) >= 2 and any(not is_filler(c.value, words) for c in row[1:])
    )


def _stamped(blocks: list[Block], facts: tuple[BlockFacts, ...], tables: list[Table]) -> int:
    """Time-stamped list items and paragraphs, the most in one section (a paragraph of
    chat lines counts each line: a pasted thread), and time-stamped table rows, the most
    in one table."""
    counts: dict[int, int] = {}
    speakers: dict[int, list[str]] = {}
    for b, f in zip(blocks, facts, strict=True):
        if b.kind not in ("list_item", "paragraph"):
            continue
        key = id(b.section)
        n = max(int(f.stamped), 0 if b.in_quote else f.chat)
        if n:
            counts[key] = counts.get(key, 0) + n
        if f.speaker is not None and not b.in_quote:
            speakers.setdefault(key, []).append(f.speaker)
    for key, said in speakers.items():
        counts[key] = thread_lines(counts.get(key, 0), said)
    best = max(counts.values(), default=0)
    for t in tables:
        best = max(best, sum(1 for row in t.rows if row and _STAMP.match(row[0].value)))
    return best


def subtree_any(parts: Parts, flags: list[bool]) -> list[bool]:
    """Per section (``flags``: one per section, in ``doc.sections`` order): its flag or one
    of its subsections', folded from the last section up (a section's body is its own
    content and its subsections')."""
    out = list(flags)
    children = parts.children
    for i in range(len(out) - 1, -1, -1):
        if not out[i] and any(out[c] for c in children[i]):
            out[i] = True
    return out


def below_any(parts: Parts, own: list[bool], whole: list[bool]) -> list[bool]:
    """Per section: its ``own`` flag, or the ``whole`` flag of one of its subsections or
    of theirs (a section's body is its own content, and its subsections' headings and
    bodies)."""
    full = subtree_any(parts, whole)
    return [own[i] or any(full[c] for c in kids) for i, kids in enumerate(parts.children)]


def told(parts: Parts, asked: tuple[str, ...], words: Words) -> frozenset[str]:
    """Which of the parts ``asked`` the prose of some part tells (:meth:`Words.told` of
    its blocks), read as :func:`told_by_parts` reads."""
    return told_by_parts(
        parts,
        asked,
        words._part_told,
        lambda facts: facts.prose,
        lambda texts, left: (c for c in left if any(words.told(c, t) for t in texts)),
    )


def told_by_parts(
    parts: Parts,
    asked: tuple[str, ...],
    table: Memo[frozenset[str]],
    spans: Callable[[PartFacts], tuple[tuple[int, int], ...]],
    answer: Callable[[list[str], tuple[str, ...]], Iterable[str]],
) -> frozenset[str]:
    """Which of ``asked`` some part's texts (``spans`` of its facts, in its masked text)
    tell, by ``answer``. The parts are read in order, each asked only what the parts
    before it did not tell, and the reading stops once all is told (as the walk over every
    block did); each part's answer is memoised in ``table`` under its key and what it was
    asked (the table belongs to one ``answer``)."""
    found: set[str] = set()
    for p in parts.parts:
        if not asked:
            break
        key = (p.key, asked)
        got = table.get(key)
        if got is None:
            masked = p.key[1]
            got = table.put(key, frozenset(answer([masked[a:e] for a, e in spans(p.facts)], asked)))
        if got:
            found |= got
            asked = tuple(c for c in asked if c not in got)
    return frozenset(found)
