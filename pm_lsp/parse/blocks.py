"""The block structure of a text, line by line, as markdown-it reads it.

Two questions about a document need markdown-it's own view of its blocks rather than the
prose model :mod:`pm_lsp.parse.markdown` builds from it: *did an edit change the structure
around it* (a fix must never swallow or split a heading, fence, comment or list: see
:mod:`pm_lsp.fixes.safety`) and *where does a construct run unclosed to the end of the text*
(an unclosed fence or HTML comment, where an insertion would never be read: see
:mod:`pm_lsp.parse.insertion`). Both are answered from one block parse (no inline phase),
with the BOM and front matter blanked exactly as the document parser does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

from pm_lsp.cache import lru
from pm_lsp.model.positions import LineIndex
from pm_lsp.parse.frontmatter import prepare_source

#: what one block token says about a line: its type (without "_open"), its tag ("h1",
#: "h2": a setext "===" and "---" differ) and whether the line is the block's first
Role = tuple[str, str, bool]


def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable("table")
    md.disable(["inline", "text_join"])
    return md


_MD = _markdown()

#: HTML blocks that run to the end of the text when their end marker is missing
#: (CommonMark kinds 1-5); kinds 6 and 7 end at a blank line and cannot swallow the rest
_HTML_ENDS = (
    (
        re.compile(r"<(?:script|pre|style|textarea)(?:\s|>|$)", re.I),
        re.compile(r"</(?:script|pre|style|textarea)>", re.I),
    ),
    (re.compile(r"<!--"), re.compile(r"-->")),
    (re.compile(r"<\?"), re.compile(r"\?>")),
    (re.compile(r"<![A-Za-z]"), re.compile(r">")),
    (re.compile(r"<!\[CDATA\["), re.compile(r"\]\]>")),
)


@dataclass(frozen=True)
class Unclosed:
    """A fence or HTML block whose end marker is missing: it reads to the end of its container."""

    kind: str  #: "code block" or "HTML comment" / "HTML block"
    start: int  #: offset of its first line
    end: int  #: offset where it stops (the end of the text, or of its list item or quote)


@lru(2)
def block_tokens(text: str) -> tuple[Token, ...]:
    """markdown-it's block tokens for ``text`` (memoised: a fix is checked against the text
    it was computed from, which every fix of one pass shares, and every insertion point of
    one lint looks for unclosed blocks in the same text).

    Two entries: the text one pass or lint asks about, and another document's on a second
    language-server lane. An entry is a whole document's token stream, ~1.4 MB for a
    10,000-word postmortem, and each analysis of an edited document asks with a new text:
    eight entries held ~11 MB of old versions, a step in the server's memory from the first
    edit that made a lint insert at the end of a document with an HTML comment in it."""
    src, _fm, _err = prepare_source(text)
    return tuple(_MD.parse(src))


def line_roles(text: str) -> list[tuple[Role, ...]]:
    """For each line of ``text``, the block tokens that cover it, outermost first."""
    count = LineIndex(text).line_count
    roles: list[list[Role]] = [[] for _ in range(count)]
    for t in block_tokens(text):
        if t.nesting < 0 or t.type == "inline" or not t.map:
            continue
        first, last = t.map
        kind = t.type.removesuffix("_open")
        for line in range(first, min(last, count)):
            roles[line].append((kind, t.tag, line == first))
    return [tuple(r) for r in roles]


def unclosed(text: str) -> list[Unclosed]:
    """Fences and HTML blocks in ``text`` that never close, in document order."""
    lines = LineIndex(text)
    out: list[Unclosed] = []
    for t in block_tokens(text):
        if t.map is None or t.type not in ("fence", "html_block"):
            continue
        first, last = t.map
        body = [lines.line_text(n) for n in range(first, min(last, lines.line_count))]
        kind = _unclosed_kind(t, body)
        if kind is not None:
            end = lines.line_end(min(last, lines.line_count) - 1, include_newline=True)
            out.append(Unclosed(kind, lines.starts[first], end))
    return out


def _unclosed_kind(t: Token, body: list[str]) -> str | None:
    if t.type == "fence":
        fence = re.compile(rf"^[ \t>]*{re.escape(t.markup[0])}{{{len(t.markup)},}}[ \t]*$")
        closed = len(body) > 1 and fence.match(body[-1]) is not None
        return None if closed else "code block"
    stripped = "\n".join(body).lstrip(" \t>")
    for opener, closer in _HTML_ENDS:
        m = opener.match(stripped)
        if m is not None:
            if closer.search(stripped, m.end()) is not None:
                return None
            return "HTML comment" if m.group(0) == "<!--" else "HTML block"
    return None
