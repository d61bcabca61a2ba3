"""Cutting a Markdown document into independently parsable chunks at top-level headings.

The language server re-parses the whole document after every keystroke. CommonMark block
parsing is left to right, and at a top-level ATX heading every container and leaf block is
closed: what follows parses the same whether or not the text before it is there. So a
document can be cut at those headings, each chunk parsed (and cached) on its own, and an
edit re-parses one chunk instead of the document.

The catch is knowing, without the whole parse, which ``#``/``##`` lines really are
top-level headings: one inside a fenced code block, an HTML block or a table is not. A
cheap scan proposes candidates (column-0 level-1/2 headings outside fences it can see), and
every cut is then *proven* by the parser itself: a chunk is parsed together with the two
lines after its end, and the cut is accepted only if markdown-it produced a top-level
heading on exactly that line (two lines, because the table rule looks one line ahead). A
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

#: a level-1 or level-2 ATX heading at column 0 (indented ones may sit in a list item)
_TOP_HEADING = re.compile(r"^#{1,2}(?=[ \t\r\n]|$)", re.MULTILINE)
#: a line that opens or closes a fenced code block (up to three spaces of indent)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})([^\r\n]*)", re.MULTILINE)

#: consecutive rejected cuts after which the rest is parsed whole
MAX_REJECTED = 8


def candidate_lines(md_src: str, lines: LineIndex) -> list[int]:
    """Lines (> 0) that may start a chunk: column-0 ``#``/``##`` headings outside fences.

    Only a proposal: :func:`split` proves each cut. A scan that is wrong costs a rejected
    cut (or a missed one), never a wrong parse.
    """
    scan = lf_equivalent(md_src)
    marks: list[tuple[int, int, re.Match[str]]] = [
        (m.start(), 0, m) for m in _TOP_HEADING.finditer(scan)
    ]
    if "```" in scan or "~~~" in scan:
        marks += [(m.start(), 1, m) for m in _FENCE.finditer(scan)]
        marks.sort(key=lambda x: (x[0], x[1]))
    out: list[int] = []
    fence: tuple[str, int] | None = None  # (character, length) of the open fence
    for offset, kind, m in marks:
        if kind == 1:
            run, rest = m.group(1), m.group(2)
            if fence is None:
                if not (run[0] == "`" and "`" in rest):  # backtick info has no backtick
                    fence = (run[0], len(run))
            elif run[0] == fence[0] and len(run) >= fence[1] and not rest.strip():
                fence = None
        elif fence is None and offset > 0:
            out.append(lines.line_of(offset))
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
    out: list[tuple[int, _P]] = []
    first = 0
    k = 0
    rejected = 0
    while True:
        while k < len(candidates) and candidates[k] <= first:
            k += 1
        end: int | None = candidates[k] if k < len(candidates) else None
        if rejected >= MAX_REJECTED:
            end = None
        got = piece(first, end)
        if got is not None:
            out.append((first, got))
            if end is None:
                return out
            first, rejected = end, 0
        elif end is None:  # the last chunk always holds; never loop
            raise AssertionError("a chunk parsed to the end cannot be rejected")
        else:
            rejected += 1
            k += 1
