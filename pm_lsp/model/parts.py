"""A document cut into parts, each a section's own stretch, for rules that memoise per part.

The language server lints the whole document after every keystroke burst, and a rule that
walks every block and asks a memo table per block pays for the ~900 blocks of a long
postmortem on each lint, though an edit changed one paragraph. A rule whose walk reads
little of the document outside one stretch of it memoises that stretch's answer instead,
so an unchanged stretch costs one lookup (the impact and readability families do:
``impact.checks``, ``readability.checks``, ``readability.acronyms``).

A part is a section's heading and its own content up to the next heading of any level
(:attr:`Section.content`), or the text before the first heading. :func:`parts` cuts a
parsed document once (a per-document analysis) and gives each part a :attr:`Part.key`
holding everything of its own text a per-part step may read: the original and the masked
text (and, for a part whose heading stands in a list or quote, the layout of its blocks
and tables). A step adds to its memo key the template (:func:`identity`), the
document-wide facts it reads, projected to the part (:class:`Cover`), and the rule's
options (its table lives on the pack's compiled words); its answer holds offsets relative
to :attr:`Part.start`.

The impact and readability families key their parts on :attr:`Part.key`; the actions,
blame and structure families cut the same stretches with keys of their own shape (their
``parts`` modules), since each reads a different projection of the document.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import NamedTuple

from pm_lsp.model.document import Block, PostmortemDoc, Section, Table

#: a part's own text: (original text, masked text, layout or ``()``)
PartKey = tuple[str, str, tuple[object, ...]]


class Part(NamedTuple):
    """One stretch of the document: ``doc.blocks[first:stop]`` and
    ``doc.tables[first_table:stop_table]`` are in it, and all of them belong to
    ``section`` (a section's content holds its own blocks only: the model's construction).

    ``key`` is all a per-part step may read of the part itself: the source slice, the
    masked slice (every block's and cell's ``text`` is a slice of it) and, when its heading
    stands inside a list or a quote, its layout (:func:`_layout`). A part that opens at a
    heading outside every container, or at the start of the text, and ends at the next
    heading is parsed the same wherever it stands (the Markdown chunks are cut at such
    headings, :mod:`pm_lsp.parse.chunks`): its blocks and tables are a function of its text
    and the template, which a step's key adds."""

    start: int
    end: int
    section: Section | None
    first: int
    stop: int
    first_table: int
    stop_table: int
    key: PartKey

    def blocks(self, doc: PostmortemDoc) -> list[Block]:
        return doc.blocks[self.first : self.stop]

    def tables(self, doc: PostmortemDoc) -> list[Table]:
        return doc.tables[self.first_table : self.stop_table]


def parts(doc: PostmortemDoc) -> tuple[Part, ...]:
    """The document's parts in order, tiling it from its first character to its last
    (computed once per parsed document: two slices and two bisections a part)."""
    return doc.analysis(_cut)


def _cut(doc: PostmortemDoc) -> tuple[Part, ...]:
    text, masked = doc.text, doc.masked
    heads: list[tuple[int, Section | None]] = [(s.heading.start, s) for s in doc.sections]
    if not heads or heads[0][0] > 0:
        heads.insert(0, (0, None))
    starts = [b.start for b in doc.blocks]
    table_starts = [t.start for t in doc.tables]
    out: list[Part] = []
    # a part's first block and table are where the part before it stopped
    stop = bisect.bisect_left(starts, heads[0][0])
    tstop = bisect.bisect_left(table_starts, heads[0][0])
    for k, (a, sec) in enumerate(heads):
        e = heads[k + 1][0] if k + 1 < len(heads) else len(text)
        m = masked[a:e]
        t = text[a:e]
        if t == m:
            t = m  # one string: hashed once for every key that holds the part
        first, stop = stop, bisect.bisect_left(starts, e, stop)
        tfirst, tstop = tstop, bisect.bisect_left(table_starts, e, tstop)
        layout = (
            ()
            if at_top_level(text, a)
            else _layout(a, doc.blocks[first:stop], doc.tables[tfirst:tstop])
        )
        out.append(Part(a, e, sec, first, stop, tfirst, tstop, (t, m, layout)))
    return tuple(out)


#: what a heading's line may open with when the heading may stand inside a list item or a
#: quote: white space (an item's indentation), a list or quote marker, or a digit (an
#: ordered list's number; a heading opening with a digit is read so too, to be safe)
_CONTAINER_START = frozenset(" \t>*+-0123456789")


def at_top_level(text: str, at: int) -> bool:
    """Does the heading at ``at`` (or the text's start) stand outside every list and quote:
    at the start of a line, its first character neither white space, nor a list or quote
    marker, nor a digit? ("  ## Sub" may be a list item's heading, its paragraphs the
    item's: the same text parses differently after "- item"; such a part's key holds its
    layout.)"""
    return at == 0 or (text[at - 1] == "\n" and text[at] not in _CONTAINER_START)


def _layout(a: int, blocks: list[Block], tables: list[Table]) -> tuple[object, ...]:
    """Each block's kind, start, end, quoting and list depth, and each table's cells,
    relative to ``a``: for a part whose heading stands in a container, whose blocks may
    depend on the text before it."""
    layout: list[object] = []
    for b in blocks:
        layout += (b.kind, b.start - a, b.end - a, b.in_quote, b.list_depth)
    for t in tables:
        layout += ("table", t.start - a, t.end - a)
        for row in (t.header, *t.rows):
            layout += (len(row), *(x - a for c in row for x in (c.start, c.end)))
    return tuple(layout)


def union(spans: Iterable[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The union of ``(start, end)`` spans as sorted disjoint intervals: their starts and
    their ends (empty spans dropped, touching ones joined)."""
    merged: list[list[int]] = []
    for a, e in sorted(s for s in spans if s[0] < s[1]):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([a, e])
    return [a for a, _e in merged], [e for _a, e in merged]


class Cover:
    """Offsets covered by some spans (impact regions, action items, glossary sections),
    projected onto each part: the part's key then holds the spans that reach into it,
    clipped and relative, and ``offset in cover`` over the whole document is answered
    from them (:func:`covers`)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self._starts, self._ends = union(spans)

    def within(self, a: int, e: int) -> tuple[int, ...]:
        """The spans reaching into ``[a, e)`` (a part), clipped to it, as flat (start, end)
        pairs relative to ``a``."""
        return self.project(((a, e),))[0]

    def project(self, bounds: Iterable[tuple[int, int]]) -> list[tuple[int, ...]]:
        """:meth:`within` of each of ``bounds`` (disjoint, in order: the parts), in one
        sweep over the spans."""
        starts, ends = self._starts, self._ends
        n = len(starts)
        out: list[tuple[int, ...]] = []
        i = 0
        for a, e in bounds:
            while i < n and ends[i] <= a:
                i += 1
            if i == n or starts[i] >= e:
                out.append(())
                continue
            got: list[int] = []
            j = i
            while j < n and starts[j] < e:
                got += (max(starts[j], a) - a, min(ends[j], e) - a)
                j += 1
            out.append(tuple(got))
        return out


def covers(spans: tuple[int, ...], at: int) -> bool:
    """Is the relative offset ``at`` inside one of ``spans`` (:meth:`Cover.within`)?"""
    return any(spans[k] <= at < spans[k + 1] for k in range(0, len(spans), 2))
