"""Tables written in HTML inside Markdown: ``<table><tr><th>Action</th>...</table>``.

Confluence and GitLab exports, and hand-written reports, put their action items, timelines
and metadata in an HTML table, which CommonMark passes through as an HTML block. This module
reads the cells of such a block as a table of the same shape as a pipe table's, but for two
things a pipe table cannot write (:meth:`HtmlTable.layout`): a row of one cell spanning the
table is a sub-heading grouping the rows below it ("Short term"), kept apart from the rows,
and the header row may be missing (the first row is the header when it is ``<th>`` cells or
reads as column names). Every cell is a span of the source. A cell's span is its
content between ``<td ...>`` and ``</td>`` (or the tag that ends it implicitly: the next
cell, row or section), trimmed of white space, tags and ``&nbsp;`` at its edges; its masked
text (:func:`mask_cell`) blanks the tags inside it and puts each entity's character where
the entity starts (``&amp;`` reads ``&`` and four spaces), so a finding on a cell's words
maps to the exact source offsets.

Only a clean table is read: one closed by ``</table>`` within the HTML blocks that make it
(a table split by blank lines is several blocks, read together), holding no nested table and
no cell spanning rows (``rowspan``: its column would be missing from the rows below, and a
rule would report a missing owner). Anything else yields nothing; no input raises.

Why not :mod:`html.parser`: on the Python this project supports (3.11) it is quadratic on
some unclosed constructs (20 KB of ``<a `` took 3.4 s of CPU, 200 KB of ``<!--`` 17 s), and
a document is parsed on every keystroke. Only the table's structural tags are read here, by
one pattern whose every attempt stops at the next ``<`` (linear; tests/test_linear_time.py);
the other tags in a cell are blanked by the inline masking (:mod:`pm_lsp.parse.masking`) and
entities decoded by :func:`html.unescape`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from pm_lsp.parse.masking import html_comments, mask_inline

_NAMES = r"(?P<name>table|thead|tbody|tfoot|tr|td|th|caption|colgroup|col)"
#: a table-structure tag: its name, whether it closes, its attributes; or such a tag's
#: opening that is no tag (``broken``: a stray ``<`` or an unclosed quote before its
#: ``>``), which spoils the table it is in. Neither a quoted value nor the rest of the tag
#: may hold a ``<`` (an XHTML export escapes it), so every attempt stops at the next one
_TAG = re.compile(
    rf"<(?P<close>/?){_NAMES}"
    r"(?:(?P<attrs>(?:[ \t\r\n/][^<>\"']*(?:(?:\"[^\"<]*\"|'[^'<]*')[^<>\"']*)*)?)>"
    r"|(?P<broken>(?![A-Za-z0-9-])))",
    re.IGNORECASE,
)
_SPAN_ATTR = re.compile(r"(?i)\b(colspan|rowspan)[ \t\r\n]*=[ \t\r\n]*[\"']?[ \t]*(\d{1,4})")
#: a character reference that ends with its semicolon (one without reads as itself)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
#: a spanned column is padded with empty cells up to this many (a ``colspan="1000"``
#: adds no more)
_MAX_COLSPAN = 32
_SECTIONS = frozenset({"thead", "tbody", "tfoot", "caption", "colgroup"})


@dataclass(slots=True)
class HtmlTable:
    """One table's spans, offsets relative to the scanned text: cells are ``(start, end)``
    of their trimmed content, row spans from ``<tr`` to ``</tr>`` (or the tag ending the
    row)."""

    start: int
    end: int = -1
    rows: list[list[tuple[int, int]]] = field(default_factory=list)
    row_spans: list[tuple[int, int]] = field(default_factory=list)
    #: leading rows written in ``<thead>``: of several, the last names the columns (the
    #: ones above it group them: "Follow-ups" spanning "Action" and "Owner")
    head_rows: int = 0
    #: per row, the cells written in it and how many of them are ``<th>`` (its padding
    #: for a ``colspan`` is not written)
    written: list[int] = field(default_factory=list)
    headed: list[int] = field(default_factory=list)

    def layout(self, text: str) -> tuple[int | None, list[int]]:
        """The row that names the columns (None for a table without one) and the rows of
        data beneath it. Rows above the header group its columns, and a row whose one cell
        spans the table (``<td colspan="3"><b>Short term</b></td>``) or is a lone ``<th>``
        groups the rows below it: a sub-heading, neither header nor data, so both are left
        out. Without ``<thead>`` the header is the first other row when all its cells are
        ``<th>``; when the table holds no ``<th>`` at all, when its cells read as column
        names (:func:`_names_columns`); otherwise every row is data (an exported table
        often has no header row, and its first row is an item like the others)."""
        groups = self._group_rows()
        if self.head_rows:
            head: int | None = self.head_rows - 1
        else:
            rest = [i for i in range(len(self.rows)) if i not in groups]
            head = rest[0] if rest else None
            if head is not None and not self._is_header(head, rest, text):
                head = None
        low = -1 if head is None else head
        return head, [i for i in range(low + 1, len(self.rows)) if i not in groups]

    def groups(self, head: int | None, body: list[int]) -> list[int]:
        """The group rows among the rows below the header (of :meth:`layout`)."""
        kept = set(body)
        low = -1 if head is None else head
        return [i for i in range(low + 1, len(self.rows)) if i not in kept]

    def _group_rows(self) -> set[int]:
        """Rows of one cell, in a table of two columns or more, that span its width or
        are a ``<th>``: sub-headings grouping the rows below them."""
        width = max(
            (len(r) for r, n in zip(self.rows, self.written, strict=True) if n > 1), default=0
        )
        if width < 2:
            return set()
        return {
            i
            for i, (row, n) in enumerate(zip(self.rows, self.written, strict=True))
            if n == 1 and (len(row) >= width or self.headed[i] == 1) and i >= self.head_rows
        }

    def _is_header(self, i: int, rest: list[int], text: str) -> bool:
        if self.headed[i] == self.written[i]:
            return True
        if any(self.headed[j] for j in rest):
            return False
        cells = [mask_cell(text[a:b]) for a, b in self.rows[i]]
        return any(c.strip() for c in cells) and _names_columns(cells)


#: what a column's name does not hold, where a row of content does: a date or a clock
#: time, a handle, a sentence that ends and goes on ("Done. Then ...")
_CONTENT = re.compile(r"\d{4}-\d{2}-\d{2}|\b\d{1,2}:\d{2}\b|@\w|[.!?]\s+\S")
_BRACKETED = re.compile(r"\([^()]*\)")
#: a column's name is a few words ("Action", "Due date for the fix"); a cell of more is an
#: item's text
_NAME_WORDS = 5


def _names_columns(cells: list[str]) -> bool:
    """Do these cells (masked) read as column names rather than an item? A row with no
    ``<th>`` is the header, as a pipe table's first row is, unless one of its cells reads
    as content: more than a few words, a date or a time, a handle, sentences. "# | Action
    | Owner | Done?" and "Due date for the fix" name columns; "Add a disk alert at 80% of
    the volume | Ana | 2026-12-20" is an item."""
    for cell in filter(str.strip, cells):
        words = _BRACKETED.sub(" ", cell).split()
        if len(words) > _NAME_WORDS or _CONTENT.search(" ".join(words)):
            return False
    return True


def mask_cell(raw: str) -> str:
    """A cell's content masked to equal length: tags, code spans and emphasis by the inline
    masking, each entity by its character followed by spaces (``&nbsp;`` and white-space
    references by a space)."""
    masked = mask_inline(raw)
    if "&" not in masked:
        return masked
    return _ENTITY.sub(_entity_char, masked)


def _entity_char(m: re.Match[str]) -> str:
    ref = m.group(0)
    ch = html.unescape(ref)
    if ch == ref or len(ch) >= len(ref):
        return ref
    if ch.isspace() or not ch.isprintable():
        ch = " "
    return ch + " " * (len(ref) - len(ch))


class _Reader:
    """The structural tags of one text in order, building the tables they make."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.done: list[HtmlTable] = []
        self.table: HtmlTable | None = None
        self.depth = 0  #: tables open, the current one included
        self.spoilt = False  #: the current table holds a nested table or a rowspan
        self.row: list[tuple[int, int]] | None = None
        self.row_start = 0
        self.cell: tuple[int, int] | None = None  #: (content start, columns it spans)
        self.written = self.headed = 0  #: cells of the open row, and its ``<th>`` cells
        self.in_caption = False
        self.in_head = False

    def feed(self, m: re.Match[str]) -> None:
        name, closing = m.group("name").lower(), bool(m.group("close"))
        if m.group("broken") is not None:
            self.spoilt = self.spoilt or self.table is not None
        elif name == "table":
            self._table(m, closing)
        elif self.table is None or self.depth != 1:
            return
        elif name in ("td", "th"):
            self._end_cell(m.start())
            if not closing and not self.in_caption:
                self._start_cell(m)
        elif name == "tr":
            self._end_row(m.start(), m.end() if closing and self.row is not None else None)
            if not closing:
                self.row, self.row_start = [], m.start()
                self.written = self.headed = 0
        elif name in _SECTIONS:
            self._end_row(m.start(), None)
            if name == "caption":
                self.in_caption = not closing
            self.in_head = name == "thead" and not closing

    def _table(self, m: re.Match[str], closing: bool) -> None:
        if not closing:
            if self.table is None:
                self.table, self.depth, self.spoilt = HtmlTable(m.start()), 1, False
            else:
                self.depth += 1
                self.spoilt = True  # a nested table: neither is read
            return
        if self.table is None:
            return
        if self.depth > 1:
            self.depth -= 1
            return
        self._end_row(m.start(), None)
        t, self.table, self.depth = self.table, None, 0
        self.in_caption = self.in_head = False
        if not self.spoilt and t.rows:
            t.end = m.end()
            self.done.append(t)

    def _start_cell(self, m: re.Match[str]) -> None:
        span = 1
        for attr, value in _SPAN_ATTR.findall(m.group("attrs")):
            if attr.lower() == "rowspan" and int(value) > 1:
                self.spoilt = True
            elif attr.lower() == "colspan":
                span = min(max(int(value), 1), _MAX_COLSPAN)
        if self.row is None:  # a cell outside a row opens one (as a browser does)
            self.row, self.row_start = [], m.start()
            self.written = self.headed = 0
        self.cell = (m.end(), span)
        self.written += 1
        self.headed += m.group("name").lower() == "th"

    def _end_cell(self, at: int) -> None:
        if self.cell is None or self.row is None:
            self.cell = None
            return
        begin, span = self.cell
        self.cell = None
        a, b = _trimmed(self.text, begin, at)
        self.row.append((a, b))
        self.row.extend([(b, b)] * (span - 1))

    def _end_row(self, at: int, end: int | None) -> None:
        """Close the open cell and row: at ``end`` (after ``</tr>``) or, implied by the
        next tag, at ``at`` less the white space before it."""
        self._end_cell(at)
        if self.row is None or self.table is None:
            self.row = None
            return
        if end is None:
            end = at
            while end > self.row_start and self.text[end - 1].isspace():
                end -= 1
        if self.row:
            t = self.table
            if self.in_head and t.head_rows == len(t.rows):  # no body row before it
                t.head_rows += 1
            t.rows.append(self.row)
            t.row_spans.append((self.row_start, end))
            t.written.append(self.written)
            t.headed.append(self.headed)
        self.row = None


def _trimmed(text: str, begin: int, end: int) -> tuple[int, int]:
    """``[begin, end)`` without what masks to white space at its edges (blanks, line
    breaks, tags, ``&nbsp;``): the cell's words, as a pipe cell's span holds them."""
    masked = mask_cell(text[begin:end])
    lead = len(masked) - len(masked.lstrip())
    if lead == len(masked):
        return begin, begin
    return begin + lead, begin + len(masked.rstrip())


def html_tables(text: str) -> Iterator[HtmlTable]:
    """The clean tables of ``text`` (the source of one run of HTML blocks, container
    markers blanked), in order. Tags inside HTML comments are not read."""
    if "<" not in text or not re.search(r"(?i)<table", text):
        return iter(())
    scanned = text
    if "<!--" in text:
        parts: list[str] = []
        pos = 0
        for a, b in html_comments(text):
            parts += [text[pos:a], re.sub(r"[^\r\n]", " ", text[a:b])]
            pos = b
        scanned = "".join([*parts, text[pos:]])
    reader = _Reader(scanned)
    for m in _TAG.finditer(scanned):
        reader.feed(m)
    return iter(reader.done)
