"""Joining built chunks into one :class:`PostmortemDoc` at the cost of the objects, no more.

The language server parses a new version of the document on every keystroke, and the chunk
cache (:mod:`pm_lsp.parse.markdown`) rebuilds only the chunk the edit touched. What is left
is joining the chunks: every version gets its own sections, blocks and tables (they link to
each other, and a section's body and children depend on the chunks after it), but
everything else about a chunk is worked out once, when it is built, and kept in its
:class:`Piece`: each block's masked text and section (as an index into the chunk's
sections), each table's cell texts, the metadata fields written in it, which of its
headings name a field. Immutable parts (spans, fields) are shifted to the chunk's offset
once per offset and shared by every version that has the chunk there: an edit moves only
the chunks after it, and the chunks before it cost their object copies only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from pm_lsp.model.document import (
    Block,
    BlockKind,
    Cell,
    Comment,
    MetaField,
    PostmortemDoc,
    Section,
    Span,
    Table,
    Vocabulary,
)
from pm_lsp.model.positions import LineIndex
from pm_lsp.parse.fieldforms import heading_field
from pm_lsp.parse.masking import html_comments

#: a block: kind, start, end, masked text, list depth, ordered, checkbox, in a quote, item
#: start, and the index of its section among the chunk's (-1: a section of an earlier chunk)
BlockRow = tuple[BlockKind, int, int, str, int, bool, "bool | None", bool, "int | None", int]
#: a section: title, level, canonical name, heading start and end, title start and end
SectionRow = tuple[str, int, "str | None", int, int, int, int]
#: a table cell: start, end, masked text
CellRow = tuple[int, int, str]


@dataclass(frozen=True, slots=True)
class TableRow:
    """A table of one chunk, offsets relative to the chunk."""

    start: int
    end: int
    header: tuple[CellRow, ...]
    rows: tuple[tuple[CellRow, ...], ...]
    section: int  #: as :data:`BlockRow`'s
    html: bool = False  #: as :attr:`Table.html`
    groups: tuple[tuple[int, CellRow], ...] = ()  #: as :attr:`Table.groups`


class Shifted(NamedTuple):
    """The immutable parts of one :class:`Piece` at one offset in a document (a named
    tuple: one is built for each chunk an edit moved, on every edit)."""

    titles: tuple[tuple[Span, Span], ...]  #: per section: heading, title span
    row_spans: tuple[tuple[Span, ...], ...]  #: per table
    code_regions: tuple[Span, ...]
    #: per field: the field, and for a ``Key: value`` line that counts only before the
    #: first H2, its block's start (None: it counts anywhere)
    fields: tuple[tuple[MetaField, int | None], ...]
    table_fields: tuple[MetaField, ...]
    comments: tuple[Comment, ...]  #: :attr:`Piece.comments`, () when that is None


#: offsets kept per piece: an edit moves the chunks after it, so a chunk seldom sits at more
#: than a few offsets in the versions still in use
_OFFSETS_KEPT = 4


@dataclass(frozen=True, eq=False)
class Piece:
    """One chunk built on its own, offsets relative to the chunk's first character.

    Cached by the chunk's text and shared by every version of every document that holds
    the chunk: nothing in it is ever changed (``_at`` is a memo of :meth:`at`, a pure
    function of the piece and the offset).
    """

    masked: str
    sections: tuple[SectionRow, ...]
    blocks: tuple[BlockRow, ...]
    tables: tuple[TableRow, ...]
    #: per table: each body row's whole line
    row_spans: tuple[tuple[tuple[int, int], ...], ...]
    code_regions: tuple[tuple[int, int], ...]
    #: as :attr:`Shifted.fields`, relative
    fields: tuple[tuple[MetaField, int | None], ...]
    table_fields: tuple[MetaField, ...]
    #: (index among the chunk's sections, canonical field) of headings naming a field
    field_sections: tuple[tuple[int, str], ...]
    #: the HTML comments outside its code blocks (:func:`chunk_comments`), or None when an
    #: opener in it has no closer after it in the chunk (the document's are then found by
    #: one scan of its whole text: the closer may be in a later chunk)
    comments: tuple[tuple[int, int, str], ...] | None = ()
    _at: dict[int, Shifted] = field(default_factory=dict, repr=False)

    def at(self, off: int) -> Shifted:
        """The immutable parts shifted by ``off`` (memoised for the last few offsets)."""
        got = self._at.get(off)
        if got is None:
            # most chunks hold one section and no table, code block or field: the empty
            # parts cost nothing (a generator each cost more than the spans they shift)
            got = Shifted(
                tuple(
                    (Span(hs + off, he + off), Span(ts + off, te + off))
                    for _t, _l, _c, hs, he, ts, te in self.sections
                ),
                tuple(tuple(Span(a + off, b + off) for a, b in r) for r in self.row_spans)
                if self.row_spans
                else (),
                tuple(Span(a + off, b + off) for a, b in self.code_regions)
                if self.code_regions
                else (),
                tuple(
                    (shift_field(f, off), None if gate is None else gate + off)
                    for f, gate in self.fields
                )
                if self.fields
                else (),
                tuple(shift_field(f, off) for f in self.table_fields) if self.table_fields else (),
                tuple(Comment(a + off, b + off, body) for a, b, body in self.comments)
                if self.comments
                else (),
            )
            if len(self._at) >= _OFFSETS_KEPT:
                self._at.clear()
            self._at[off] = got
        return got


def chunk_comments(
    chunk: str, code_regions: Sequence[Span]
) -> tuple[tuple[int, int, str], ...] | None:
    """The HTML comments of one chunk outside its code blocks (start, end, body), as
    :func:`comments` finds them in a whole text; None when an opener has no closer after
    it in the chunk.

    A chunk starts at a line's start, where no ``<!--`` or ``-->`` is cut in two, so a
    scan of the whole text that reaches a chunk's start outside every comment (no earlier
    chunk left one open) finds in it what a scan of the chunk alone finds. Scanning the
    whole text on every edit cost ~0.1 ms of the 11,900-word document's ~3 ms parse."""
    found = tuple((c.start, c.end, c.body) for c in comments(chunk, code_regions))
    last = max((b for _a, b in html_comments(chunk)), default=0)
    return None if chunk.find("<!--", last) >= 0 else found


def shift_field(f: MetaField, off: int) -> MetaField:
    if not off:
        return f
    return MetaField(
        f.key,
        f.canonical,
        f.value,
        Span(f.key_span.start + off, f.key_span.end + off),
        Span(f.value_span.start + off, f.value_span.end + off),
        f.source,
    )


def assemble(
    text: str, lines: LineIndex, vocab: Vocabulary | None, pieces: list[tuple[int, Piece]]
) -> PostmortemDoc:
    """The document the chunks make, with the metadata of its text (front matter aside).

    Sections first (their bodies and parents link across chunks), then each chunk's
    blocks, tables and fields with their section: the innermost one holding their start,
    which is the chunk's section they were built under, or the last section of an earlier
    chunk, unless that one's body ended before them (then one of its ancestors)."""
    size = len(text)
    starts = lines.starts
    placed = [(starts[first], pc, pc.at(starts[first])) for first, pc in pieces]
    sections = _sections(placed, size)
    first_h2 = next((s.heading.start for s in sections if s.level >= 2), size)
    blocks: list[Block] = []
    tables: list[Table] = []
    code_regions: list[Span] = []
    metadata: list[MetaField] = []
    named: list[tuple[Section, str]] = []
    notes: list[Comment] = []  # each chunk's, shifted (:func:`chunk_comments`)
    unclosed = False
    base = 0
    for off, pc, sh in placed:  # most chunks have no table, code or field: tested first
        local = sections[base : base + len(pc.sections)]
        inherited = sections[base - 1] if base else None
        _add_blocks(blocks, pc.blocks, off, local, inherited)
        if pc.tables:
            for t, spans in zip(pc.tables, sh.row_spans, strict=True):
                tables.append(_table(t, spans, off, local, inherited))
        if sh.code_regions:
            code_regions.extend(sh.code_regions)
        if sh.fields:
            metadata.extend(f for f, gate in sh.fields if gate is None or gate < first_h2)
        if pc.field_sections:
            named.extend((local[i], cid) for i, cid in pc.field_sections)
        if sh.comments:
            notes.extend(sh.comments)
        elif pc.comments is None:
            unclosed = True
        base += len(pc.sections)
    title = _title(sections, vocab)
    doc = PostmortemDoc(
        text=text,
        masked="".join(pc.masked for _off, pc, _sh in placed),
        lines=lines,
        title=title.title if title else None,
        title_span=title.title_span if title else None,
        sections=sections,
        blocks=blocks,
        tables=tables,
        metadata=metadata,
        comments=comments(text, code_regions) if unclosed else notes,
        code_regions=code_regions,
    )
    if vocab is not None:
        for _off, _pc, sh in placed:
            if sh.table_fields:
                metadata.extend(sh.table_fields)
        metadata.extend(f for s, cid in named if (f := heading_field(doc, s, cid)) is not None)
    return doc


def _title(sections: list[Section], vocab: Vocabulary | None) -> Section | None:
    """The document's title: its first level-1 heading, unless that heading is only the
    name of a section ("# Summary", "# Timeline"): a document that opens with its parts
    has no title, and its first part is a part like the others (a title names the
    incident; "# Summary" names no incident). "# Incident summary: login outage" says more
    than a section's name and stays the title."""
    first = next((s for s in sections if s.level == 1), None)
    named = first is not None and first.canonical is not None
    if named and vocab is not None and first is not None and vocab.names_section(first.title):
        return None
    return first


def _sections(placed: list[tuple[int, Piece, Shifted]], size: int) -> list[Section]:
    # every section's body and content are set by link_sections: one span stands in until
    # then (a frozen span costs a microsecond to build, and a long document has hundreds)
    unlinked = Span(0, size)
    sections = [
        Section(row[0], row[1], row[2], heading, title, unlinked, unlinked)
        for _off, pc, sh in placed
        for row, (heading, title) in zip(pc.sections, sh.titles, strict=True)
    ]
    link_sections(sections, size)
    return sections


def _add_blocks(
    out: list[Block],
    rows: tuple[BlockRow, ...],
    off: int,
    local: list[Section],
    inherited: Section | None,
) -> None:
    for kind, s, e, masked, depth, ordered, checkbox, quote, item, si in rows:
        start = s + off
        sec = local[si] if si >= 0 else inherited
        if sec is not None and start >= sec.body.end:
            sec = climb(sec, start)
        out.append(
            Block(
                kind,
                start,
                e + off,
                masked,
                sec,
                depth,
                ordered,
                checkbox,
                quote,
                None if item is None else item + off,
            )
        )


def _table(
    t: TableRow,
    spans: tuple[Span, ...],
    off: int,
    local: list[Section],
    inherited: Section | None,
) -> Table:
    start = t.start + off
    sec = local[t.section] if t.section >= 0 else inherited
    if sec is not None and start >= sec.body.end:
        sec = climb(sec, start)
    return Table(
        start,
        t.end + off,
        [Cell(a + off, b + off, s) for a, b, s in t.header],
        [[Cell(a + off, b + off, s) for a, b, s in row] for row in t.rows],
        sec,
        list(spans),
        t.html,
        [(i, Cell(a + off, b + off, s)) for i, (a, b, s) in t.groups],
    )


def climb(found: Section | None, offset: int) -> Section | None:
    """``found`` or its nearest ancestor whose span (heading to body end) holds ``offset``."""
    while found is not None and not found.heading.start <= offset < found.body.end:
        found = found.parent
    return found


def link_sections(secs: list[Section], size: int) -> None:
    """Bodies, content spans and parents: a section's body runs to the next heading of the
    same or a higher level, its parent is the nearest earlier heading of a higher level."""
    open_: list[Section] = []
    for idx, s in enumerate(secs):
        s.content = Span(
            s.heading.end, secs[idx + 1].heading.start if idx + 1 < len(secs) else size
        )
        while open_ and open_[-1].level >= s.level:
            done = open_.pop()
            # a section without subsections: its body is its content (one span for both)
            prev = done is secs[idx - 1]
            done.body = done.content if prev else Span(done.heading.end, s.heading.start)
        if open_:
            s.parent = open_[-1]
            open_[-1].children.append(s)
        open_.append(s)
    for s in open_:
        s.body = s.content if s is secs[-1] else Span(s.heading.end, size)


def comments(text: str, code_regions: Sequence[Span]) -> list[Comment]:
    """HTML comments outside code blocks (the regions are in order and disjoint)."""
    out: list[Comment] = []
    k = 0
    for a, b in html_comments(text):
        while k < len(code_regions) and code_regions[k].end <= a:
            k += 1
        if k < len(code_regions) and code_regions[k].start <= a:
            continue
        out.append(Comment(a, b, text[a + 4 : b - 3]))
    return out
