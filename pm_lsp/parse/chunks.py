"""Cutting a Markdown document into independently parsable chunks at top-level headings.

The language server re-parses the whole document after every keystroke. CommonMark block
parsing is left to right, and at a heading outside every container (an ATX heading at
column 0, or a setext heading whose text line follows a blank line) every container and
leaf block is closed: what follows parses the same whether or not the text before it is
there. So a document can be cut at those headings, each chunk parsed (and cached) on its
own, and an edit re-parses one chunk instead of the document. Every level counts: a
postmortem written with ``###`` subsections or setext headings would otherwise be one
chunk of hundreds of lines, parsed again on every keystroke.

The catch is knowing, without the whole parse, which heading-like lines really are
top-level headings: one inside a fenced code block, an HTML block or a table is not. A
cheap scan proposes candidates (column-0 headings outside fences it can see), and
every cut is then *proven* by the parser itself: a chunk is parsed together with the two
lines after its end, and the cut is accepted only if markdown-it produced a top-level
heading on exactly that line (two lines, because the table rule looks one line ahead, and
a setext heading's underline is the line after its text). A
rejected cut merges the chunk with the next one. Past :data:`MAX_REJECTED` consecutive
rejections the rest of the document is parsed as one chunk, so a document that defeats the
scan costs one whole parse, never a quadratic number of partial ones.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from markdown_it import MarkdownIt
from markdown_it.token import Token

from pm_lsp.model.positions import LineIndex, lf_equivalent

_P = TypeVar("_P")

# The patterns below open with the line break before their line and run over the text
# with a line break put in front (so the first line has one too): a pattern that opens
# with a literal is searched for by the regex engine's fast literal scan, where a
# ``^``-anchored one is tried at every character (four times the cost on a long document,
# paid on every keystroke). ``m.start()`` is then the line's offset in the text itself.

#: what the scan looks for at the start of each line, in one pass over the text (one pattern
#: per kind tried each at every line break, three times the cost): an ATX heading at column 0
#: (indented ones may sit in a list item), a setext underline (up to three spaces of indent),
#: a line that opens or closes a fenced code block (up to three spaces of indent)
_MARK = re.compile(
    r"\n(?:(?P<atx>#{1,6}(?=[ \t\r\n]|$))"
    r"|(?P<under> {0,3}(?:=+|-+)[ \t]*\r?(?=\n|$))"
    r"|(?P<fence> {0,3}(?P<run>`{3,}|~{3,})(?P<rest>[^\r\n]*)))"
)
#: how a setext heading's text line may not open: with a blank, or with what opens a list,
#: quote, table, fence or HTML block (seldom a heading; each rejected cut costs a parse)
_NOT_SETEXT_TEXT = frozenset("#>|*+-`~<")

#: consecutive rejected cuts after which the rest is parsed whole
MAX_REJECTED = 8


def candidate_lines(
    md_src: str, lines: LineIndex, start: int = 0, stop: int | None = None
) -> list[int]:
    """Lines (> 0) that may start a chunk: column-0 headings outside fences, ATX (any level)
    or setext (after a blank line); only the lines starting in ``[start, stop)`` when asked
    (``start`` a cut, where no fence is open).

    Only a proposal: :func:`split` proves each cut. A scan that is wrong costs a rejected
    cut (or a missed one), never a wrong parse.
    """
    scan = lf_equivalent(md_src)
    marks: list[tuple[int, int, re.Match[str] | None]] = []
    unders: list[int] = []
    # "\n" + scan: a line starting at offset o in the text is found at o; the one-longer
    # end lets the pattern see the line break that ends the region's last line
    lined = "\n" + scan
    for found in _MARK.finditer(lined, start, len(lined) if stop is None else stop + 1):
        kind = found.lastgroup
        if kind == "atx":
            marks.append((found.start(), 0, None))
        elif kind == "under":
            unders.append(found.start())
        else:
            marks.append((found.start(), 1, found))
    marks += [(at, 0, None) for at in _setext_lines(scan, unders)]
    marks.sort(key=lambda x: (x[0], x[1]))
    out: list[int] = []
    fence: tuple[str, int] | None = None  # (character, length) of the open fence
    for offset, _kind, m in marks:
        if m is not None:
            run, rest = m.group("run"), m.group("rest")
            if fence is None:
                if not (run[0] == "`" and "`" in rest):  # backtick info has no backtick
                    fence = (run[0], len(run))
            elif run[0] == fence[0] and len(run) >= fence[1] and not rest.strip():
                fence = None
        elif fence is None and offset > 0:
            out.append(lines.line_of(offset))
    return out


def _setext_lines(scan: str, unders: list[int]) -> list[int]:
    """Offsets of the lines that may be a setext heading's text: underlined on the next
    line (``unders``: where the underlines start), after a blank line, at column 0."""
    out: list[int] = []
    for under in unders:
        start = scan.rfind("\n", 0, under - 1) + 1  # the text line
        text = scan[start : under - 1].rstrip("\r")
        if start == 0 or not text or text[0] in _NOT_SETEXT_TEXT or text[0].isspace():
            continue
        before = scan[scan.rfind("\n", 0, start - 1) + 1 : start - 1]
        if not before.strip(" \t\r"):
            out.append(start)
    return out


def tokens_before_cut(md: MarkdownIt, probe: str, cut: int | None) -> list[Token] | None:
    """Block tokens of ``probe`` before line ``cut``, or None if ``cut`` is not a cut.

    ``probe`` is the chunk plus the two lines after it; ``cut`` is the chunk's line count
    (None for the last chunk, parsed to the end). The cut holds only when markdown-it put a
    top-level heading on that very line.
    """
    tokens = md.parse(probe)
    if cut is None:
        return tokens
    for i, t in enumerate(tokens):
        if t.level == 0 and t.map is not None and t.map[0] >= cut:
            if t.type == "heading_open" and t.map[0] == cut:
                return tokens[:i]
            return None
    return None


def split(
    lines: LineIndex, candidates: list[int], piece: Callable[[int, int | None], _P | None]
) -> list[tuple[int, _P]]:
    """Chunks as ``(first line, piece)``, cutting at the candidates ``piece`` accepts.

    ``piece(first, end)`` builds the chunk of lines ``[first, end)`` (``end`` None: to the
    end of the text) and returns None when the cut at ``end`` does not hold.
    """
    got = split_lines(candidates, piece, 0, None)
    if got is None:  # the last chunk always holds
        raise AssertionError("a chunk parsed to the end cannot be rejected")
    return got


def split_lines(
    candidates: list[int],
    piece: Callable[[int, int | None], _P | None],
    first: int,
    stop: int | None,
) -> list[tuple[int, _P]] | None:
    """:func:`split` of lines ``[first, stop)`` only (``stop`` None: to the end), where
    ``first`` is a cut and ``stop`` must be one: the chunks of the part of a document an
    edit changed, between chunks it left alone. None if the cut at ``stop`` does not hold.
    """
    out: list[tuple[int, _P]] = []
    k = 0
    rejected = 0
    while True:
        while k < len(candidates) and candidates[k] <= first:
            k += 1
        end = stop
        if k < len(candidates) and (stop is None or candidates[k] < stop):
            end = candidates[k]
        if rejected >= MAX_REJECTED:
            end = stop
        got = piece(first, end)
        if got is not None:
            out.append((first, got))
            if end == stop:
                return out
            assert end is not None
            first, rejected = end, 0
        elif end == stop:
            return None
        else:
            rejected += 1
            k += 1
