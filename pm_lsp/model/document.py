"""The document model: what a parsed postmortem is made of, every part with exact offsets.

A :class:`PostmortemDoc` holds the sections (heading + level + canonical name from the
template), the prose blocks (paragraphs, list items, table cells, headings, each with its
inline markup masked to equal length), tables, metadata fields and HTML comments. Offsets are
code points into the original text, so a rule's finding maps straight back to the file.
:mod:`pm_lsp.parse.markdown` builds it; nothing here parses or needs spaCy.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Concatenate, Literal, ParamSpec, Protocol, TypeVar

from pm_lsp.cache import DocAnalyses
from pm_lsp.model.positions import LineIndex

_T = TypeVar("_T", "Block", "Table")
_R = TypeVar("_R")
_P = ParamSpec("_P")

BlockKind = Literal["paragraph", "list_item", "blockquote", "table_cell", "heading"]


class Vocabulary(Protocol):
    """What the parser needs from a template: canonical names for headings and fields."""

    def canonical_section(self, title: str) -> str | None: ...

    def canonical_field(self, key: str) -> str | None: ...

    def names_section(self, title: str) -> bool: ...

    def is_callout_label(self, label: str) -> bool: ...


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def __contains__(self, offset: object) -> bool:
        return isinstance(offset, int) and self.start <= offset < self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(eq=False, slots=True)
class Section:
    """A heading and what follows it up to the next heading of the same or a higher level."""

    title: str
    level: int
    canonical: str | None
    heading: Span  #: the whole heading line(s), markers included
    title_span: Span  #: the heading's text only
    body: Span  #: after the heading up to the next heading of level <= this one
    content: Span  #: after the heading up to the next heading of any level
    parent: Section | None = None
    children: list[Section] = field(default_factory=list)

    def ancestors(self) -> Iterator[Section]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def canonical_path(self) -> list[str]:
        """Canonical names of this section and its ancestors, innermost first."""
        names = [self.canonical] + [a.canonical for a in self.ancestors()]
        return [n for n in names if n]


@dataclass(eq=False, slots=True)
class Block:
    """A run of prose: a paragraph, a list item's paragraph, a quote, a table cell, a heading.

    ``text`` is ``doc.masked[start:end]``: the source slice with markup masked to equal
    length, ready for spaCy.
    """

    kind: BlockKind
    start: int
    end: int
    text: str
    section: Section | None
    list_depth: int = 0
    ordered: bool = False
    checkbox: bool | None = None  #: None: no checkbox; False: "[ ]"; True: "[x]"
    in_quote: bool = False
    item_start: int | None = None  #: where the list item (marker included) starts

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(eq=False, slots=True)
class Cell:
    start: int
    end: int
    text: str  #: masked, stripped of nothing (start/end already exclude padding)

    @property
    def value(self) -> str:
        return self.text.strip()


@dataclass(eq=False, slots=True)
class Table:
    start: int
    end: int
    header: list[Cell]
    rows: list[list[Cell]]
    section: Section | None
    row_spans: list[Span] = field(default_factory=list)  #: one per body row, whole line
    #: written in HTML (``<table>``, :mod:`pm_lsp.parse.htmltables`): its row spans run
    #: from ``<tr`` to ``</tr>``, and a fix cannot append ``| cell |`` to its lines
    html: bool = False
    #: rows of one cell spanning an HTML table ("Short term", "2026-03-05"): sub-headings
    #: grouping the rows below them, left out of ``rows``; each with the index into
    #: ``rows`` of the first row it groups (a timeline reads a date there)
    groups: list[tuple[int, Cell]] = field(default_factory=list)


@dataclass(frozen=True)
class MetaField:
    """One metadata entry: ``**Status**: Draft``, ``Status: Draft``, front matter, a row of
    a metadata table or a heading with its value beneath (:mod:`pm_lsp.parse.fieldforms`)."""

    key: str  #: as written
    canonical: str | None
    value: str
    key_span: Span
    value_span: Span
    source: Literal["front-matter", "bold", "plain", "table", "heading"]


@dataclass(frozen=True)
class Comment:
    """An HTML comment; suppression directives live in these."""

    start: int
    end: int
    body: str


@dataclass(eq=False)
class PostmortemDoc:
    text: str
    masked: str
    lines: LineIndex
    title: str | None
    title_span: Span | None
    sections: list[Section]  #: document order
    blocks: list[Block]
    tables: list[Table]
    metadata: list[MetaField]
    comments: list[Comment]
    #: fenced and indented code blocks: never prose, and comments inside are not directives
    code_regions: list[Span] = field(default_factory=list)
    front_matter: Span | None = None
    front_matter_error: str | None = None
    #: what rule families derive from this document (timeline, action items): see
    #: :meth:`analysis`
    _analyses: DocAnalyses[PostmortemDoc] = field(
        default_factory=DocAnalyses, init=False, repr=False, compare=False
    )

    #: per list name: (the list indexed, its length then, its starts or None if unordered)
    _index: dict[str, tuple[list[Any], int, list[int] | None]] = field(
        default_factory=dict, init=False, repr=False
    )

    def analysis(
        self,
        build: Callable[Concatenate[PostmortemDoc, _P], _R],
        /,
        *args: _P.args,
        **kwargs: _P.kwargs,
    ) -> _R:
        """``build(self, *args, **kwargs)``, computed once for this document and these
        inputs (:class:`pm_lsp.cache.DocAnalyses`): what several rules, or a rule and the
        language server, read of one parsed document. ``build`` must return an immutable
        value and read nothing but the document and its arguments (the pack, the template,
        the NLP object...), which form the key."""
        return self._analyses.get(self, build, *args, **kwargs)

    @property
    def roots(self) -> list[Section]:
        return [s for s in self.sections if s.parent is None]

    def section_at(self, offset: int) -> Section | None:
        """The innermost section whose body holds ``offset``."""
        found: Section | None = None
        for s in self.sections:
            if s.heading.start <= offset < s.body.end:
                found = s
        return found

    def sections_named(self, canonical: str) -> list[Section]:
        return [s for s in self.sections if s.canonical == canonical]

    def _between(self, name: str, items: list[_T], start: int, end: int) -> list[_T]:
        """The items whose start lies in ``[start, end)``, in list order.

        Rules call :meth:`blocks_in` once or more per section, and a scan of every block
        per call made that quadratic on long documents: the start offsets are indexed on
        first use (and again if the list was replaced or changed length) and bisected. The
        builder makes both lists in document order; should one not be, it is scanned.
        """
        got = self._index.get(name)
        if got is None or got[0] is not items or got[1] != len(items):
            starts = [x.start for x in items]
            ordered = starts == sorted(starts)  # in C: a pairwise scan cost 0.1 ms per lint
            got = self._index[name] = (items, len(items), starts if ordered else None)
        starts_or_none = got[2]
        if starts_or_none is None:
            return [x for x in items if start <= x.start < end]
        return items[
            bisect.bisect_left(starts_or_none, start) : bisect.bisect_left(starts_or_none, end)
        ]

    def blocks_in(self, section: Section, *, nested: bool = True) -> list[Block]:
        span = section.body if nested else section.content
        return self._between("blocks", self.blocks, span.start, span.end)

    def blocks_between(self, start: int, end: int) -> list[Block]:
        """The blocks that start in ``[start, end)`` (a label region, a timeline), in order."""
        return self._between("blocks", self.blocks, start, end)

    def tables_between(self, start: int, end: int) -> list[Table]:
        return self._between("tables", self.tables, start, end)

    def tables_in(self, section: Section) -> list[Table]:
        return self._between("tables", self.tables, section.body.start, section.body.end)

    def field(self, canonical: str) -> MetaField | None:
        for f in self.metadata:
            if f.canonical == canonical:
                return f
        return None

    def prose_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.kind != "heading"]

    def word_count(self) -> int:
        return sum(len(_WORD.findall(b.text)) for b in self.prose_blocks())


_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
