"""Markdown -> ``PostmortemDoc``: sections, prose blocks, tables, metadata, with exact spans.

markdown-it-py decides the block structure (what is a heading, a list, a table, code or HTML);
this module maps its line ranges back to code-point offsets and masks inline markup to equal
length (see :mod:`pm_lsp.parse.masking`), so that every offset a rule computes on prose is an
offset into the original file. A table written in HTML (``<table>`` in an HTML block) is read
into the same shape as a pipe table (:mod:`pm_lsp.parse.htmltables`). Nothing here needs
spaCy. Long documents are cut at top-level headings (:mod:`pm_lsp.parse.chunks`) and each
chunk's build is cached by its text, so an edit rebuilds only the chunk it touched.
"""

from __future__ import annotations

import bisect
import itertools
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Literal, TypeVar

from markdown_it import MarkdownIt
from markdown_it.token import Token

from pm_lsp.cache import lru, register_function, text_size
from pm_lsp.model.document import (
    Block,
    BlockKind,
    Cell,
    MetaField,
    PostmortemDoc,
    Section,
    Span,
    Table,
    Vocabulary,
)
from pm_lsp.model.positions import LineIndex, lf_equivalent, lines_end_in_lf
from pm_lsp.parse.assemble import BlockRow, Piece, TableRow, assemble, chunk_comments
from pm_lsp.parse.chunks import candidate_lines, split, split_lines, tokens_before_cut
from pm_lsp.parse.fieldforms import tables_fields
from pm_lsp.parse.frontmatter import front_matter_fields, prepare_source
from pm_lsp.parse.htmltables import html_tables, mask_cell
from pm_lsp.parse.masking import container_prefix_length, mask_inline
from pm_lsp.parse.values import value_end
from pm_lsp.parse.versions import Chunk, Version, Versions, tail

_T = TypeVar("_T", "Block", "Table")

#: one emoji (a Notion callout's icon, "📌"), with its presentation selector
_EMOJI = (
    "[\u203c\u2049\u2139\u231a-\u23ff\u24c2\u25aa-\u27bf\u2934\u2935\u2b05-\u2b55"
    "\U0001f000-\U0001faff]\ufe0f?"
)
# A field's value is everything up to its line's trailing blanks, spelled "up to the last
# non-blank character": a lazy value before ``[ \t]*$`` tried the end at every position,
# quadratic on a line with long runs of blanks inside.
_BOLD_FIELD = re.compile(
    # a quote's line may open with a callout's icon ("> 📌 **Status:** Final")
    r"(?P<pre>^[ \t]*(?:(?:>[ \t]*)+(?:" + _EMOJI + r"[ \t]+)?)?(?:[-*+][ \t]+)?)"
    r"(?P<open>\*\*|__)(?P<key>[^*_\n:]{1,60}?)(?P<c1>:?)(?P=open)[ \t]*(?P<c2>:?)[ \t]*"
    r"(?P<value>(?:[^\n\r]*[^ \t\n\r])?)[ \t]*\r?$",
    re.MULTILINE,
)
_PLAIN_FIELD = re.compile(
    r"^(?P<pre>[ \t]*(?:[-*+][ \t]+)?(?:" + _EMOJI + r"[ \t]+)?(?:[_*](?=[A-Za-z]))?)"
    r"(?P<key>[A-Za-z][A-Za-z /()-]{0,40}?)[ \t]*:[_*]?[ \t]+"
    r"(?P<value>[^ \t\n\r](?:[^\n\r]*[^ \t\n\r])?|[ \t])[ \t]*\r?$",
    re.MULTILINE,
)
#: a field written after a byline's first part, past a separator ("Posted by Sam · 21
#: November · Status: Final · Severity: SEV2", "By Lee Park | 4 June | Status: draft",
#: "Posted 3 March by Tomas V. (storage). Status: final."): the first such key of a line
#: that does not open with one (the pairs after it are read by :func:`_line_pairs`). Past a
#: middle dot or a bullet; past a bar, a dash between spaces, a semicolon, or a sentence's
#: end or a comma before a capitalised key, only with a short value (:data:`_BYLINE_VALUE`):
#: "We rolled back at 14:00. Status: the pods were healthy again" is a sentence
_SEPARATED_FIELD = re.compile(
    r"^(?![ \t]*[A-Za-z][A-Za-z /()-]{0,40}?[ \t]*:)[^\n\r]*?"
    r"(?:[ \t][·•][ \t]+|(?P<weak>[ \t][|—–][ \t]+|[ \t](?:-|--)[ \t]+|;[ \t]+"
    r"|(?<=[.!,])[ \t]+(?=[A-Z])))"
    r"(?P<key>[A-Za-z][A-Za-z /()-]{0,40}?)[ \t]*:[ \t]+"
    r"(?P<value>[^ \t\n\r](?:[^\n\r]*[^ \t\n\r*_.])?)\.?[*_]*[ \t]*\r?$",  # a closing
    re.MULTILINE,  # "*" of an italic byline, or the full stop of its sentence, is no part
)  # of the last value
#: a byline field's value after a sentence's end or a comma: a few words up to the next
#: separator, a full stop or the line's end ("resolved", "SEV-2", "final (signed off)")
_BYLINE_VALUE = re.compile(r"[^.;|·•\n\r]{1,40}?(?:[.;|·•]|[*_]*[ \t]*$)")
_BYLINE_WORDS = 4
#: a key's last letter, its colon and a blank ("Status: ", not a time's "14:02")
_KEY_COLON = re.compile(r"[A-Za-z)]:[ \t]")
#: a line opening with a bold label ("**Follow-up:** ", "- __Action__: "): its prose is
#: the label's, and a key after one of its sentences is no field of the document's
_BOLD_LABEL_OPENING = re.compile(
    r"[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)[^*_\n]{1,60}?(?::(?:\*\*|__)|(?:\*\*|__)[ \t]*:)"
)
_ATX_OPEN = re.compile(r"[ \t]{0,3}(#{1,6})(?:[ \t]+|$)")
#: the list and quote markers a line may open with before a heading they contain
_CONTAINERS = re.compile(r"(?:[ \t]{0,3}(?:[-+*]|\d{1,9}[.)]|>)(?=[ \t]|$)[ \t]*)*")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
#: what an HTML block must hold to be read for tables (most hold none: a comment, a <div>)
_TABLE_TAG = re.compile(r"<[Tt][Aa][Bb][Ll][Ee][ \t\r\n/>]")
#: a callout's opening (see _Builder._callout): a GitHub or Obsidian alert marker, an
#: emoji, a label in bold or plain before a colon or a dash
_QUOTE_MARKS = re.compile(r"^[ \t]*(?:>[ \t]?)+")
_ALERT = re.compile(r"[ \t]*\[![A-Za-z][\w-]*\][+-]?")
_EMOJI_LEAD = re.compile(_EMOJI)
_CALLOUT_LABEL = re.compile(
    r"(?:(?:\*\*|__)(?P<bold>[^*_\n]{1,30}?)[ \t]*:?[ \t]*(?:\*\*|__)"
    r"|(?P<plain>[A-Za-z][\w;.'’ -]{0,29}?)[ \t]*(?=:|[ \t][—–-][ \t]))"
)
#: an attribution ending a quotation: a line of its own ("— @ellie.pm", "-- Dana Ruiz")
#: or the end of the quote's last line ('"..." — @kai.support')
_ATTRIBUTION = re.compile(
    r"^(?:[—―–~]|--)[ \t]*[@\w]"
    r"|[\"”'’)][ \t]*(?:[—―–]|--?)[ \t]*@?[\w.-]+(?:[ \t,]+[\w.@-]+){0,4}[ \t]*$"
)


def _atx_text(line: str) -> tuple[int, int] | None:
    """Where the text of an ATX heading line (no line break) is: after the opening ``#`` run
    and its blanks, before an optional closing ``#`` run and trailing blanks; None if the
    line does not open with a ``#`` run.

    The closing run is looked for from the end of the line once (a lazy regex tried it at
    every position: quadratic on a heading with long runs of blanks inside). A closing run
    needs a blank before it, so "# C#" keeps its "#".
    """
    m = _ATX_OPEN.match(line)
    if m is None:
        return None
    start = m.end()
    end = max(start, len(line.rstrip(" \t")))
    kept = line[start:end].rstrip("#")
    if start + len(kept) < end and kept[-1:] in (" ", "\t"):
        end = start + len(kept.rstrip(" \t"))
    return start, end


def _markdown() -> MarkdownIt:
    """Block structure only: inline tokens are never read (inline markup is masked from the
    source by :mod:`pm_lsp.parse.masking`), so the inline phase, about half of markdown-it's time
    on a long document, is switched off."""
    md = MarkdownIt("commonmark").enable("table")
    md.disable(["inline", "text_join"])
    return md


_MD = _markdown()

_NOT_NEWLINE = re.compile(r"[^\r\n]+")


def _blank_all(text: str) -> str:
    """:func:`pm_lsp.parse.masking.blank` for a whole document: one replacement per line instead
    of one per character (a few ms on a long document, paid on every keystroke)."""
    return _NOT_NEWLINE.sub(lambda m: " " * (m.end() - m.start()), text)


#: inline masking of one heading, paragraph or cell: a pure function of its text, so an
#: edit re-masks only the blocks that changed (bounded like the parse cache)
_mask = lru(16_384)(mask_inline)


def parse(text: str, vocabulary: Vocabulary | None = None) -> PostmortemDoc:
    """Parse ``text`` into a :class:`PostmortemDoc`. Never raises on any ``str``.

    The text is cut into chunks at top-level headings (:mod:`pm_lsp.parse.chunks`), each
    chunk is built on its own and cached by its text, and the chunks are joined
    (:mod:`pm_lsp.parse.assemble`): after an edit only the chunk that changed is parsed
    again. The result is the same as :func:`parse_whole`'s, which
    tests/test_document_chunks.py checks.
    """
    lines, front_matter, fm_error, pieces = _chunked(text, vocabulary)
    doc = assemble(text, lines, vocabulary, pieces)
    return _finish(doc, vocabulary, front_matter, fm_error)


def chunk_starts(text: str, vocabulary: Vocabulary | None = None) -> list[int]:
    """The first line of each chunk :func:`parse` builds separately (for tests and benches)."""
    return [first for first, _ in _chunked(text, vocabulary)[3]]


def _chunked(
    text: str, vocabulary: Vocabulary | None
) -> tuple[LineIndex, Span | None, str | None, list[tuple[int, Piece]]]:
    md_src, front_matter, fm_error = prepare_source(text)
    if lines_end_in_lf(text):
        blanked = None
        if md_src is not text:
            blanked = (0, front_matter.end if front_matter else 1)
        lines, pieces = _changed(text, md_src, blanked, vocabulary)
        return lines, front_matter, fm_error, pieces
    lines = LineIndex(text)

    def piece(first: int, end: int | None) -> Piece | None:
        return _cached_piece(text, md_src, lines, vocabulary, first, end)

    return lines, front_matter, fm_error, split(lines, candidate_lines(md_src, lines), piece)


def _changed(
    text: str, md_src: str, blanked: tuple[int, int] | None, vocab: Vocabulary | None
) -> tuple[LineIndex, list[tuple[int, Piece]]]:
    """The chunks of ``text`` (read by markdown-it as ``md_src``, ``blanked`` where they
    differ), finding those of the last versions parsed it still holds
    (:mod:`pm_lsp.parse.versions`) and cutting only the region between them."""
    ch = _VERSIONS.change(text, vocab, blanked)
    lines = ch.lines

    def piece(first: int, end: int | None) -> Piece | None:
        return _cached_piece(text, md_src, lines, vocab, first, end)

    middle: list[tuple[int, Piece]] | None = []
    if ch.start < ch.stop or not (ch.before or ch.after):
        cands = candidate_lines(md_src, lines, ch.start, ch.stop)
        stop = ch.after[0][0] if ch.after else None
        middle = split_lines(cands, piece, lines.line_of(ch.start), stop)
    placed: list[tuple[int, int, Chunk[Piece] | None, Piece]]
    if middle is None:  # the region's end is no longer a cut: cut the whole text
        whole = split(lines, candidate_lines(md_src, lines), piece)
        placed = [(first, lines.starts[first], None, pc) for first, pc in whole]
    else:
        placed = [(first, at, c, c.piece) for first, at, c in ch.before]
        placed += [(first, lines.starts[first], None, pc) for first, pc in middle]
        placed += [(first, at, c, c.piece) for first, at, c in ch.after]
    _remember(text, vocab, blanked, lines, placed)
    return lines, [(first, pc) for first, _at, _c, pc in placed]


def _remember(
    text: str,
    vocab: Vocabulary | None,
    blanked: tuple[int, int] | None,
    lines: LineIndex,
    placed: list[tuple[int, int, Chunk[Piece] | None, Piece]],
) -> None:
    """Keep this version's chunks for the next edit: the ones found again as they were,
    the new ones with their text and the lines after them."""
    chunks: list[Chunk[Piece]] = []
    for k, (_first, at, c, pc) in enumerate(placed):
        if c is None:
            last = k + 1 == len(placed)
            end = len(text) if last else placed[k + 1][1]
            c = Chunk(text[at:end], "" if last else tail(text, end), pc)
        chunks.append(c)
    starts = [at for _f, at, _c, _p in placed]
    _VERSIONS.remember(Version(vocab, text, blanked, lines, chunks, starts))


def parse_whole(text: str, vocabulary: Vocabulary | None = None) -> PostmortemDoc:
    """:func:`parse` without chunks or caches: the reference the chunked parse must equal."""
    lines = LineIndex(text)
    md_src, front_matter, fm_error = prepare_source(text)
    built = _Builder(text, lines, vocabulary, _MD.parse(md_src)).build()
    whole = _compile(built, text, vocabulary)
    return _finish(
        assemble(text, lines, vocabulary, [(0, whole)]), vocabulary, front_matter, fm_error
    )


def _finish(
    doc: PostmortemDoc,
    vocabulary: Vocabulary | None,
    front_matter: Span | None,
    fm_error: str | None,
) -> PostmortemDoc:
    doc.front_matter = front_matter
    doc.front_matter_error = fm_error
    if front_matter is not None:
        doc.metadata[:0] = front_matter_fields(doc.text, front_matter, vocabulary)
    if doc.title is None:
        fm_title = next((f for f in doc.metadata if f.key.lower() == "title"), None)
        if fm_title is not None:
            doc.title, doc.title_span = fm_title.value, fm_title.value_span
    return doc


def _as_parsed(text: str) -> str:
    """The text as markdown-it reads its lines: a leading BOM is a space and lone CRs are
    LFs, so line-anchored patterns (headings, list markers, fields) match on every line."""
    return lf_equivalent(" " + text[1:] if text.startswith("\ufeff") else text)


class _Builder:
    """Walks markdown-it's token stream once and collects everything with offsets."""

    def __init__(
        self, text: str, lines: LineIndex, vocabulary: Vocabulary | None, tokens: list[Token]
    ) -> None:
        self.text = text
        #: the text as markdown-it saw it: a leading BOM is a space, so line-anchored
        #: patterns (ATX headings, list markers, fields) match on the first line too
        #: (and lone CRs are LFs, for the same reason)
        self.src = _as_parsed(text)
        self.lines = lines
        self.vocab = vocabulary
        self.tokens = tokens
        self._mask_chars = list(_blank_all(text))
        self.sections: list[Section] = []
        self.blocks: list[Block] = []
        self.tables: list[Table] = []
        self.code_regions: list[Span] = []

    # -- helpers -------------------------------------------------------------------------
    def _line_start(self, line: int) -> int:
        if line >= self.lines.line_count:
            return len(self.text)
        return self.lines.starts[line]

    def _lines_span(self, first: int, last_exclusive: int) -> Span:
        """Span of source lines [first, last_exclusive), without the final line break."""
        start = self._line_start(first)
        if start == 0 and self.text.startswith("\ufeff"):
            start = 1  # the BOM belongs to no block
        last = max(first, last_exclusive - 1)
        end = self.lines.line_end(min(last, self.lines.line_count - 1))
        return Span(start, max(start, end))

    def _line_text(self, line: int) -> str:
        return self.src[self.lines.starts[line] : self.lines.line_end(line)]

    def _paste(self, start: int, masked: str) -> None:
        self._mask_chars[start : start + len(masked)] = list(masked)

    # -- main ----------------------------------------------------------------------------
    def build(self) -> _Built:
        """Everything in this text that does not depend on the text around it."""
        stack: list[str] = []  # container kinds: "ul", "ol", "quote", "li"
        item_starts: list[int] = []
        pending_heading: tuple[Token, int] | None = None
        i = 0
        toks = self.tokens
        while i < len(toks):
            t = toks[i]
            if t.type in ("bullet_list_open", "ordered_list_open"):
                stack.append("ol" if t.type == "ordered_list_open" else "ul")
            elif t.type in ("bullet_list_close", "ordered_list_close"):
                stack.pop()
            elif t.type == "blockquote_open":
                outer = "quote" not in stack and "callout" not in stack
                stack.append("callout" if outer and t.map and self._callout(*t.map) else "quote")
            elif t.type == "blockquote_close":
                stack.pop()
            elif t.type == "list_item_open":
                stack.append("li")
                item_starts.append(self._line_start(t.map[0]) if t.map else 0)
            elif t.type == "list_item_close":
                stack.pop()
                item_starts.pop()
            elif t.type == "heading_open" and t.map:
                pending_heading = (t, int(t.tag[1]))
            elif t.type == "inline" and pending_heading is not None:
                self._heading(pending_heading[0], pending_heading[1])
                pending_heading = None
            elif t.type == "paragraph_open" and t.map:
                self._paragraph(t.map[0], t.map[1], stack, item_starts)
            elif t.type in ("fence", "code_block") and t.map:
                self.code_regions.append(self._lines_span(t.map[0], t.map[1]))
            elif t.type == "table_open" and t.map:
                j = i
                while j < len(toks) and toks[j].type != "table_close":
                    j += 1
                self._table(toks[i : j + 1])
                i = j
            elif t.type == "html_block" and t.map:
                j = i  # HTML blocks parted by blank lines only: one table may span them
                while j + 1 < len(toks) and toks[j + 1].type == "html_block" and toks[j + 1].map:
                    j += 1
                last = toks[j].map
                assert last is not None
                self._html_tables(t.map[0], last[1], stack, item_starts)
                i = j
            i += 1
        bold = tuple(self._bold_fields(b) for b in self.blocks)
        return _Built(
            masked="".join(self._mask_chars),
            sections=tuple(self.sections),
            blocks=tuple(self.blocks),
            tables=tuple(self.tables),
            code_regions=tuple(self.code_regions),
            bold_fields=bold,
        )

    def _heading(self, tok: Token, level: int) -> None:
        assert tok.map is not None
        first, last = tok.map
        whole = self._lines_span(first, last)
        line_text = self._line_text(first)
        line_start = self._line_start(first)
        if tok.markup.startswith("#"):
            # inside a list item or a quote the line opens with the containers' markers
            # ("- # Title", "> # Title"), and a BOM belongs to no block
            opened = _CONTAINERS.match(line_text, whole.start - line_start)
            col = opened.end() if opened else 0  # it always matches (it may match nothing)
            found = _atx_text(line_text[col:])
            if found:
                ts, te = line_start + col + found[0], line_start + col + found[1]
            else:
                ts, te = whole.start, line_start + len(line_text)
        else:  # setext: the text is every line but the underline
            body = self._lines_span(first, last - 1)
            ts, te = body.start, body.end
            while ts < te and self.text[ts] in " \t":
                ts += 1
        raw = self.text[ts:te]
        masked = _mask(raw)
        self._paste(ts, masked)
        title = re.sub(r"\s+", " ", masked).strip()
        canonical = self.vocab.canonical_section(title) if self.vocab else None
        section = Section(
            title=title,
            level=level,
            canonical=canonical,
            heading=whole,
            title_span=Span(ts, te),
            body=Span(whole.end, len(self.text)),
            content=Span(whole.end, len(self.text)),
        )
        self.sections.append(section)
        self.blocks.append(Block("heading", ts, te, "", None))

    def _callout(self, first: int, last: int) -> bool:
        """Is the blockquote on lines ``first`` to ``last`` the author's own callout, not
        someone else's words? It opens with an alert marker ("[!NOTE]"), an emoji (a
        Notion callout) or a callout label ("**Note:**", "TL;DR —": ``[callouts]`` in
        rules/vocabulary.toml), and it does not end with an attribution ("— @name")."""
        lines = [
            _QUOTE_MARKS.sub("", self._line_text(n), count=1).strip() for n in range(first, last)
        ]
        lines = [ln for ln in lines if ln]
        if not lines or _ATTRIBUTION.search(lines[-1]):
            return False
        head = lines[0]
        if _ALERT.match(head) or _EMOJI_LEAD.match(head):
            return True
        m = _CALLOUT_LABEL.match(head)
        if m is None or self.vocab is None:
            return False
        return self.vocab.is_callout_label(m.group("bold") or m.group("plain") or "")

    def _paragraph(self, first: int, last: int, stack: list[str], item_starts: list[int]) -> None:
        in_list = "li" in stack
        in_quote = "quote" in stack
        content_starts: list[int] = []
        start_offset: int | None = None
        checkbox: bool | None = None
        for n, line in enumerate(range(first, last)):
            ls = self._line_start(line)
            lt = self._line_text(line)
            is_first_of_item = n == 0 and in_list and bool(item_starts) and (ls == item_starts[-1])
            plen = container_prefix_length(lt, first_line=is_first_of_item, in_list=in_list)
            if is_first_of_item:
                cb = re.search(r"\[([ xX])\](?:[ \t]+|$)", lt[:plen])
                if cb:
                    checkbox = cb.group(1) != " "
            if start_offset is None:
                start_offset = ls + plen
            content_starts.append(ls + plen)
        if start_offset is None:
            return
        span = self._lines_span(first, last)
        # Mask the whole paragraph as one string so code spans and links may cross lines.
        seg = self.text[start_offset : span.end]
        prefix_mask = list(seg)
        for cstart in content_starts:
            ls = self.lines.starts[self.lines.line_of(cstart)]
            for k in range(max(ls, start_offset), cstart):
                prefix_mask[k - start_offset] = " "
        unprefixed = "".join(prefix_mask)
        masked = _mask(unprefixed)
        if "callout" in stack:  # "[!NOTE]" marks the callout; it is no word of the note
            alert = _ALERT.match(masked)
            if alert is not None:
                masked = " " * alert.end() + masked[alert.end() :]
        # The block ends where its source text ends, closing markup included ("*b*",
        # "[link](url)"): fixes that append to a block must land after it, not inside it.
        end = start_offset + len(unprefixed.rstrip())
        self._paste(start_offset, masked)
        kind: BlockKind = "list_item" if in_list else "blockquote" if in_quote else "paragraph"
        depth = stack.count("li")
        ordered = False
        for s in reversed(stack):
            if s in ("ul", "ol"):
                ordered = s == "ol"
                break
        self.blocks.append(
            Block(
                kind=kind,
                start=start_offset,
                end=max(start_offset, end),
                text="",
                section=None,
                list_depth=depth,
                ordered=ordered,
                checkbox=checkbox,
                in_quote=in_quote,
                item_start=item_starts[-1] if in_list and item_starts else None,
            )
        )

    def _table(self, toks: list[Token]) -> None:
        rows: list[list[Cell]] = []
        row_spans: list[Span] = []
        header: list[Cell] = []
        span = self._lines_span(*toks[0].map) if toks[0].map else Span(0, 0)
        in_head = False
        for t in toks:
            if t.type == "thead_open":
                in_head = True
            elif t.type == "thead_close":
                in_head = False
            elif t.type == "tr_open" and t.map:
                line = t.map[0]
                cells = self._split_row(line)
                if in_head:
                    header = cells
                else:
                    rows.append(cells)
                    row_spans.append(self._lines_span(line, line + 1))
        for cell in [*header, *(c for r in rows for c in r)]:
            raw = self.text[cell.start : cell.end]
            masked = _mask(raw.replace("\\|", "  "))
            self._paste(cell.start, masked)
            if cell.end > cell.start:
                self.blocks.append(Block("table_cell", cell.start, cell.end, "", None))
        self.tables.append(Table(span.start, span.end, header, rows, None, row_spans))

    def _html_tables(self, first: int, last: int, stack: list[str], item_starts: list[int]) -> None:
        """The tables written in HTML on lines ``first`` to ``last`` (one run of HTML
        blocks: :mod:`pm_lsp.parse.htmltables`), in the shape of a pipe table's, each cell
        a prose block of its own; unlike a pipe table's, the header may be missing (empty:
        a table of data rows only)."""
        span = self._lines_span(first, last)
        if not _TABLE_TAG.search(self.text, span.start, span.end):
            return
        base, seg = span.start, self._unprefixed(first, last, span, stack, item_starts)
        for found in html_tables(seg):
            # rows grouping the columns or the rows below are left out (HtmlTable.layout)
            head, body = found.layout(seg)
            kept = body if head is None else [head, *body]
            rows = [[Cell(base + a, base + b, "") for a, b in found.rows[i]] for i in kept]
            for cell in (c for row in rows for c in row):
                if cell.end > cell.start:
                    self._paste(cell.start, mask_cell(seg[cell.start - base : cell.end - base]))
                    self.blocks.append(Block("table_cell", cell.start, cell.end, "", None))
            groups = [(bisect.bisect_left(body, g), g) for g in found.groups(head, body)]
            for _, g in groups:
                a, b = found.rows[g][0]
                if b > a:  # its words are in the masked text (a date to a timeline), no block
                    self._paste(base + a, mask_cell(seg[a:b]))
            row_spans = [
                Span(base + found.row_spans[i][0], base + found.row_spans[i][1]) for i in body
            ]
            header, data = ([], rows) if head is None else (rows[0], rows[1:])
            table = Table(base + found.start, base + found.end, header, data, None)
            table.row_spans, table.html = row_spans, True
            table.groups = [
                (at, Cell(base + found.rows[g][0][0], base + found.rows[g][0][1], ""))
                for at, g in groups
            ]
            self.tables.append(table)

    def _unprefixed(
        self, first: int, last: int, span: Span, stack: list[str], item_starts: list[int]
    ) -> str:
        """The text of ``span`` (lines ``first`` to ``last``) with the list and quote
        markers opening its lines blanked, so a cell running over lines of a quote does not
        hold the ``>`` of each."""
        if not any(s in stack for s in ("li", "quote", "callout")):
            return self.text[span.start : span.end]
        parts: list[str] = []
        pos = span.start
        for line in range(first, last):
            real = self._line_start(line)
            ls = max(real, span.start)  # past a BOM
            if ls >= span.end:
                break
            head = item_starts[-1] == real if "li" in stack and item_starts else False
            plen = container_prefix_length(
                self._line_text(line), first_line=head, in_list="li" in stack
            )
            cut = max(real + plen, ls)
            parts += [self.text[pos:ls], " " * (cut - ls)]
            pos = cut
        parts.append(self.text[pos : span.end])
        return "".join(parts)

    def _split_row(self, line: int) -> list[Cell]:
        ls = self._line_start(line)
        lt = self._line_text(line)
        # Pipes inside code spans do not split cells (GFM).
        protected = re.sub(r"`[^`]*`", lambda m: "x" * len(m.group(0)), lt)
        quote = re.match(r"^[ \t]*(?:>[ \t]?)*", protected)
        offset = quote.end() if quote else 0
        cuts = [m.start() for m in _CELL_SPLIT.finditer(protected, offset)]
        bounds = [offset - 1, *cuts, len(lt)]
        cells: list[Cell] = []
        for a, b in itertools.pairwise(bounds):
            seg_start, seg_end = a + 1, b
            while seg_start < seg_end and lt[seg_start] in " \t":
                seg_start += 1
            while seg_end > seg_start and lt[seg_end - 1] in " \t":
                seg_end -= 1
            cells.append(Cell(ls + seg_start, ls + seg_end, ""))
        # Leading and trailing pipes produce empty edge segments that are not cells.
        if cuts and not protected[offset : cuts[0]].strip():
            cells = cells[1:]
        if cuts and not protected[cuts[-1] + 1 :].strip():
            cells = cells[:-1]
        return cells

    def _bold_fields(self, b: Block) -> tuple[MetaField, ...]:
        """``**Field**: value`` entries on the lines of a paragraph or list item."""
        if b.kind not in ("paragraph", "list_item"):
            return ()
        line_base = self.lines.starts[self.lines.line_of(b.start)]
        out: list[MetaField] = []
        for m in _BOLD_FIELD.finditer(self.src[line_base : b.end]):
            if m.group("c1") or m.group("c2"):
                out.extend(_field(self.text, m, line_base, "bold", self.vocab))
        return tuple(out)


def _field(
    text: str,
    m: re.Match[str],
    base: int,
    source: Literal["bold", "plain"],
    vocab: Vocabulary | None,
) -> list[MetaField]:
    """The field ``m`` matched, and the fields written after it on the same line
    ("Severity: SEV-2 · Status: draft · Owner: @mira"): see :func:`_line_pairs`."""
    key = m.group("key").strip()
    kstart = base + m.start("key")
    kend = kstart + len(m.group("key").rstrip())
    vstart = base + m.start("value")
    vend = value_end(text, vstart, base + m.end("value"))
    out: list[MetaField] = []
    plain = source == "plain"
    # an italic line ("*Status: draft. Severity: SEV-2*") closes its emphasis after the
    # last value: the marker is markup, no part of the value
    pre = (m.groupdict().get("pre") or "") if plain else ""
    closer = pre[-1] if pre[-1:] in ("*", "_") else ""
    for k, ks, vs, ve in _line_pairs(text, (key, kstart, kend), (vstart, vend), vocab, plain):
        while ve > vs and text[ve - 1] in " \t":
            ve -= 1
        if closer and ve == vend and ve - 1 > vs and text[ve - 1] == closer:
            ve -= 1
        out.append(
            MetaField(
                key=k,
                canonical=vocab.canonical_field(k) if vocab else None,
                value=text[vs:ve].strip(),
                key_span=ks,
                value_span=Span(vs, ve),
                source=source,
            )
        )
    return out


#: what parts two "Key: value" pairs written on one line: a middle dot, a bar or a bullet
#: between spaces, a semicolon, the blanks before a bold key ("**Status:** resolved.
#: **Severity:** high") or the blanks after a sentence's end ("Status: resolved. Severity:
#: high"); the key after it must still be a field the vocabulary knows
_PAIR_SEP = re.compile(
    r"[ \t]+[·|•][ \t]+|;[ \t]+|[ \t]+(?=(?:\*\*|__)[A-Za-z])|(?<=[.!])[ \t]+(?=[A-Z])"
)
#: the next pair's key after such a separator, bold or not ("Status: ", "**Owner:** ")
_PAIR_KEY = re.compile(
    r"(?P<open>\*\*|__)?(?P<key>[A-Za-z][A-Za-z /()-]{0,40}?)"
    r"(?:(?P=open):|:(?P=open)|(?(open)(?!)|:))[ \t]+(?=[^ \t\r\n])"
)


#: the longest value read for more pairs: a metadata line is short, and every field of a
#: line ("**x**:**x**:..." a megabyte long) would otherwise scan the rest of it again
_PAIRS_REACH = 400


def _line_pairs(
    text: str,
    first: tuple[str, int, int],
    value: tuple[int, int],
    vocab: Vocabulary | None,
    plain: bool,
) -> list[tuple[str, Span, int, int]]:
    """(key, key span, value start, value end) of each "Key: value" pair in a field's
    value, the first being the field itself. A value is cut only before a key the
    vocabulary knows as a field ("· Status: draft"), so "Status: draft; awaiting review"
    and "Impact: checkout | search" keep their values whole. A plain key after a sentence
    parts only a ``plain`` field (a header line's): a bold label's prose anywhere ("**Action
    item:** Add a canary. Owner: @li") names an item's owner, not the document's."""
    key, kstart, kend = first
    vstart, vend = value
    pairs: list[tuple[str, Span, int, int]] = []
    pos = vstart
    if vocab is not None and vend - vstart <= _PAIRS_REACH:
        for sep in _PAIR_SEP.finditer(text, vstart, vend):
            nk = _PAIR_KEY.match(text, sep.end(), vend)
            if nk is None or vocab.canonical_field(nk.group("key").strip()) is None:
                continue
            if not (plain or sep.group().strip() or nk.group("open")):
                continue
            end = sep.start()  # a sentence's full stop or a comma before the next key
            end -= end > pos and not sep.group().strip() and text[end - 1] in ".,"
            pairs.append((key, Span(kstart, kend), pos, end))
            key = nk.group("key").strip()
            kstart = nk.start("key")
            kend = kstart + len(nk.group("key").rstrip())
            pos = nk.end()
    pairs.append((key, Span(kstart, kend), pos, vend))
    return pairs


@dataclass(frozen=True, eq=False)
class _Built:
    """What :class:`_Builder` found in one text, before :func:`_compile` turns it into a
    :class:`~pm_lsp.parse.assemble.Piece` (the objects are the builder's own, never
    shared: block and cell texts and sections are not set yet)."""

    masked: str
    sections: tuple[Section, ...]
    blocks: tuple[Block, ...]
    tables: tuple[Table, ...]
    code_regions: tuple[Span, ...]
    bold_fields: tuple[tuple[MetaField, ...], ...]  #: per block


def _compile(built: _Built, chunk: str, vocab: Vocabulary | None) -> Piece:
    """The piece of one chunk: what :func:`~pm_lsp.parse.assemble.assemble` copies for
    each document holding it, all that can be known from the chunk alone worked out here
    once (block and cell texts, sections by index, fields)."""
    masked = built.masked
    heading_starts = [s.heading.start for s in built.sections]

    def section_of(offset: int) -> int:
        return bisect.bisect_right(heading_starts, offset) - 1

    def cells(row: list[Cell]) -> tuple[tuple[int, int, str], ...]:
        for c in row:
            c.text = masked[c.start : c.end]
        return tuple((c.start, c.end, c.text) for c in row)

    tables = tuple(
        TableRow(
            t.start,
            t.end,
            cells(t.header),
            tuple(cells(r) for r in t.rows),
            section_of(t.start),
            t.html,
            tuple((i, cells([c])[0]) for i, c in t.groups),
        )
        for t in built.tables
    )
    return Piece(
        masked=masked,
        sections=tuple(
            (s.title, s.level, s.canonical, *astuple(s.heading), *astuple(s.title_span))
            for s in built.sections
        ),
        blocks=tuple(_block_row(b, masked, section_of(b.start)) for b in built.blocks),
        tables=tables,
        row_spans=tuple(tuple(astuple(r) for r in t.row_spans) for t in built.tables),
        code_regions=tuple(astuple(r) for r in built.code_regions),
        fields=_chunk_fields(chunk, built, vocab),
        table_fields=tuple(tables_fields(built.tables, masked, chunk, vocab)) if vocab else (),
        field_sections=tuple(
            (i, cid)
            for i, s in enumerate(built.sections)
            if vocab is not None and (cid := vocab.canonical_field(s.title)) is not None
        ),
        comments=chunk_comments(chunk, built.code_regions),
    )


def _block_row(b: Block, masked: str, section: int) -> BlockRow:
    return (
        b.kind,
        b.start,
        b.end,
        masked[b.start : b.end],
        b.list_depth,
        b.ordered,
        b.checkbox,
        b.in_quote,
        b.item_start,
        section,
    )


def astuple(span: Span) -> tuple[int, int]:
    return span.start, span.end


#: built chunks by (vocabulary identity, chunk text, the chunk as markdown-it saw it if that
#: differs (front matter blanked, a BOM), the two lines after it as markdown-it saw them):
#: the value also holds the vocabulary, so a recycled ``id`` cannot alias, and the chunk's
#: size. Bounded by the characters held, not the entries: an editing session adds one entry
#: per edited chunk per analysis, and a document without headings is one chunk.
_PIECES: OrderedDict[
    tuple[int, str, str | None, str], tuple[Vocabulary | None, Piece | None, int]
] = OrderedDict()
#: ~7 versions of a 10,000-word postmortem (each piece holds its text twice, plus the built
#: blocks: some 15 bytes of memory per character); 4M let a long editing session grow by
#: ~60 MB before the bound was reached (bench/lsp_soak.py)
_PIECES_MAX_CHARS = 1_000_000
_pieces_chars = 0
_PIECES_LOCK = threading.Lock()
#: the last versions parsed, for the next edit (:mod:`pm_lsp.parse.versions`): a few texts
#: and the pieces of their chunks, held beyond the bound above (and freed by ``clear_cache``)
_VERSIONS: Versions[Piece] = Versions()


def _cached_piece(
    text: str,
    md_src: str,
    lines: LineIndex,
    vocab: Vocabulary | None,
    first: int,
    end: int | None,
) -> Piece | None:
    """The chunk of lines ``[first, end)``, or None if the cut at ``end`` does not hold.

    The key holds the chunk once (hashing it is most of a lookup's cost): the text
    markdown-it reads is the same string unless front matter or a BOM was blanked."""
    global _pieces_chars
    starts, count = lines.starts, lines.line_count
    start = starts[first]
    stop = len(text) if end is None else starts[end]
    probe_stop = len(text) if end is None or end + 2 >= count else starts[end + 2]
    chunk = text[start:stop]
    key = (
        id(vocab),
        chunk,
        None if md_src is text else md_src[start:stop],
        md_src[stop:probe_stop],
    )
    with _PIECES_LOCK:
        hit = _PIECES.get(key)
        if hit is not None and hit[0] is vocab:
            _PIECES.move_to_end(key)
            return hit[1]
    probe = (chunk if key[2] is None else key[2]) + key[3]
    tokens = tokens_before_cut(_MD, probe, None if end is None else end - first)
    built = None
    if tokens is not None:
        found = _Builder(chunk, LineIndex(chunk), vocab, tokens).build()
        built = _compile(found, chunk, vocab)
    size = 2 * text_size(chunk) + text_size(key[3])
    with _PIECES_LOCK:
        old = _PIECES.pop(key, None)
        if old is not None:
            _pieces_chars -= old[2]
        _PIECES[key] = (vocab, built, size)
        _pieces_chars += size
        while _pieces_chars > _PIECES_MAX_CHARS and len(_PIECES) > 1:
            _pieces_chars -= _PIECES.popitem(last=False)[1][2]
    return built


def clear_cache() -> None:
    """Forget every built chunk (:func:`pm_lsp.cache.clear_all`; tests)."""
    global _pieces_chars
    with _PIECES_LOCK:
        _PIECES.clear()
        _pieces_chars = 0
    _VERSIONS.clear()


register_function("pm_lsp.parse.markdown.chunks", clear_cache, lambda: len(_PIECES))


#: fields a ``Key: value`` line gives wherever it stands: a stats list at the end
#: ("Time to recovery: 5 minutes") holds the duration, where a "Status:" or "Owner:" line
#: further down is a timeline entry's or an action item's, not the document's
_FIELDS_ANYWHERE = frozenset({"duration", "time-to-repair"})


def _separated(m: re.Match[str]) -> bool:
    """Is ``m`` (:data:`_SEPARATED_FIELD`) a field: past a middle dot or a bullet, or past
    another separator with a short value (:data:`_BYLINE_VALUE`), no sentence?"""
    if m.group("weak") is None:
        return True
    if _BOLD_LABEL_OPENING.match(m.group()):
        return False  # "**Follow-up:** Add a canary. Owner: @li": an item's owner
    short = _BYLINE_VALUE.match(m.group("value"))
    return short is not None and len(short.group().split()) <= _BYLINE_WORDS


def _chunk_fields(
    chunk: str, built: _Built, vocab: Vocabulary | None
) -> tuple[tuple[MetaField, int | None], ...]:
    """``**Field**: value`` anywhere in prose; ``Field: value`` lines with, for those that
    count only before the first H2 (all but :data:`_FIELDS_ANYWHERE`), their block's start:
    where the first H2 is depends on the document around the chunk."""
    src: str | None = None
    seen: set[int] = set()
    out: list[tuple[MetaField, int | None]] = []
    for b, fields in zip(built.blocks, built.bold_fields, strict=True):
        for f in fields:
            if f.key_span.start not in seen:
                seen.add(f.key_span.start)
                out.append((f, None))
        if b.kind not in ("paragraph", "list_item") or vocab is None:
            continue
        if src is None:
            src = _as_parsed(chunk)
        if src.find(":", b.start, b.end) < 0:
            continue  # a field needs its colon (most prose blocks have none)
        block = src[b.start : b.end]
        found = [*_PLAIN_FIELD.finditer(block)]
        if (
            "·" in block
            or "•" in block
            or (
                # a byline strip is a short block with a key and its colon ("Status: "); a
                # paragraph of prose or a time ("14:02") holds none
                len(block) <= _PAIRS_REACH and _KEY_COLON.search(block) is not None
            )
        ):
            found += (m for m in _SEPARATED_FIELD.finditer(block) if _separated(m))
        for m in found:
            key = m.group("key").strip()
            canonical = vocab.canonical_field(key)
            if canonical is None or b.start + m.start("key") in seen:
                continue
            seen.add(b.start + m.start("key"))
            for f in _field(chunk, m, b.start, "plain", vocab):
                seen.add(f.key_span.start)
                gate = None if f.canonical in _FIELDS_ANYWHERE else b.start
                out.append((f, gate))
    return tuple(out)
