"""Suppression comments as edits: where a ``pm-lint-disable`` directive goes, and how.

One module decides this for both front ends, so the editor's "Disable PMxxx for this line"
action and ``pm-lint --add-noqa`` write the same comments in the same places. It is pure:
text, the parsed document and diagnostics in, :class:`~pm_lsp.rules.spec.Edit` lists out, with no
LSP types and no I/O.

Every edit it returns is an *insertion* (``start == end``): a new comment line, or codes
added at the end of an existing directive. So removing what was inserted gives back the
original bytes, and the rest of the file is never rewritten.

Placement, per finding line (the line of the diagnostic's first character):

* An existing ``disable-next-line`` directive that already aims at the line gets the missing
  codes appended (two directives in a row would leave the upper one aiming at the lower
  comment, suppressing nothing).
* Otherwise a ``<!-- pm-lint-disable-next-line CODES -->`` line goes directly above it, with
  the line's indentation and the line ending used there. A leading BOM stays first.
* Inside a table (below its first line) a comment line would end the table, so the table is
  bracketed with ``pm-lint-disable``/``pm-lint-enable`` instead.
* File-level comments (``pm-lint-disable-file``) go after front matter (and after a BOM).

:func:`plan` is the batch version used by ``--add-noqa``. A comment line can change how
Markdown is read: between two list items it splits the list, inside a wrapped paragraph it
splits the paragraph, between quoted paragraphs without the ``>`` marker it splits the
quote. So the planner tries the placement above and, when the block structure (as
markdown-it sees it, comments removed) changes, falls back in order to: the comment with the
line's blockquote markers; the comment indented into the previous list item; bracketing the
table; bracketing the whole top-level block (list, quote, paragraph); and last a file-level
directive. Findings about something the document lacks (a section, a metadata field, a
statement) have no line of their own and get a file-level directive, as do findings inside
front matter, where a comment line would be YAML.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from pm_lsp.model.document import PostmortemDoc, Span
from pm_lsp.model.positions import LineIndex
from pm_lsp.parse.chunks import tokens_before_cut
from pm_lsp.rules.registry import rules_by_code
from pm_lsp.rules.spec import Diagnostic, Edit
from pm_lsp.suppression.directives import Suppression, parse_suppressions

_EOL = re.compile(r"\r\n|\r|\n")
_INDENT = re.compile(r"[ \t]*")
#: blockquote markers and indentation at the start of a line
_QUOTE_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*")
#: the same plus a list marker: where the content of a list item starts
_ITEM_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$))?")
#: a pm-lint comment; the last alternative takes an unclosed one up to the first ``>`` (every
#: later opener before it fails there too), so the search does not re-read the text from each
#: of them: quadratic on many unclosed directives. That alternative is left as it is.
_PM_COMMENT = re.compile(r"<!--\s*pm-lint-[a-z-]+\b(?:([^>]*?-->)|[^>]*)")


def _reports_missing(code: str) -> bool:
    """Does rule ``code`` report something the document lacks (``anchor="document"``)? Its
    suppression is then file-level: no line "has" the problem."""
    r = rules_by_code().get(code)
    return r is not None and r.spec.anchor == "document"


#: Insertions at one offset are merged in this order, so an ``enable`` closes the region
#: above before a ``disable`` opens the next one, and a ``disable-next-line`` stays directly
#: above the line it aims at.
_ORDER = {"disable-file": 0, "enable": 1, "disable": 2, "disable-next-line": 3}


def line_ending(text: str, near: int = 0) -> str:
    """The line ending used at ``near`` (else the document's first one, else ``\\n``)."""
    m = _EOL.search(text, near) or _EOL.search(text)
    return m.group(0) if m else "\n"


def _line_start(text: str, idx: LineIndex, line: int) -> int:
    """Where a comment line above ``line`` goes: its start, but after a leading BOM."""
    start = idx.starts[line]
    return 1 if start == 0 and text.startswith("\ufeff") else start


def add_codes(text: str, s: Suppression, codes: Iterable[str]) -> Edit | None:
    """Append the codes ``s`` does not list yet to its comment, as one insertion.

    None when nothing is missing, or when ``s`` names no codes (it covers every rule).
    """
    if not s.codes:
        return None
    body = text[s.start : s.end]
    close = body.rfind("-->")
    if close < 0:
        return None
    inner = body[:close].rstrip()
    missing = [
        c for c in dict.fromkeys(codes) if not re.search(rf"(?<![\w]){re.escape(c)}(?![\w])", inner)
    ]
    if not missing:
        return None
    at = s.start + len(inner)
    return Edit(at, at, " " + " ".join(missing))


def _directive(prefix: str, kind: str, codes: Sequence[str], eol: str) -> str:
    return f"{prefix}<!-- pm-lint-{kind} {' '.join(codes)} -->{eol}"


def next_line_directive(doc: PostmortemDoc, line: int) -> Suppression | None:
    """A ``disable-next-line`` directive whose region is ``line``, if there is one."""
    if line <= 0:
        return None
    start = doc.lines.starts[line]
    for s in parse_suppressions(doc)[0]:
        if s.kind == "disable-next-line" and s.region[0] == start:
            return s
    return None


def comment_above(
    text: str, idx: LineIndex, line: int, codes: Sequence[str], prefix: str | None = None
) -> Edit:
    """A new ``disable-next-line`` comment line directly above ``line``.

    ``prefix`` defaults to the line's own indentation (spaces and tabs, no ``>``).
    """
    start = _line_start(text, idx, line)
    if prefix is None:
        m = _INDENT.match(text, start)
        prefix = m.group(0) if m else ""
    return Edit(
        start, start, _directive(prefix, "disable-next-line", codes, line_ending(text, start))
    )


def disable_line(
    text: str, doc: PostmortemDoc | None, line: int, codes: Sequence[str]
) -> list[Edit]:
    """Suppress ``codes`` on ``line`` with a next-line directive (new or extended).

    An empty list means an existing directive already covers them.
    """
    if doc is not None:
        existing = next_line_directive(doc, line)
        if existing is not None:
            edit = add_codes(text, existing, codes)
            return [] if edit is None else [edit]
    idx = doc.lines if doc is not None else LineIndex(text)
    return [comment_above(text, idx, line, codes)]


def table_at(doc: PostmortemDoc, offset: int) -> tuple[int, int] | None:
    """The span of the table holding ``offset``."""
    for t in doc.tables:
        if t.start <= offset < t.end:
            return t.start, t.end
    return None


def _comment_on_line(doc: PostmortemDoc, line: int, kind: str) -> Suppression | None:
    """A ``kind`` directive that is the only thing on ``line`` (besides indentation)."""
    if not 0 <= line < doc.lines.line_count:
        return None
    stripped = _QUOTE_PREFIX.sub("", doc.lines.line_text(line), count=1).rstrip()
    for s in parse_suppressions(doc)[0]:
        if (
            s.kind == kind
            and doc.lines.line_of(s.start) == line
            and stripped == doc.text[s.start : s.end]
        ):
            return s
    return None


def bracket(
    text: str,
    doc: PostmortemDoc | None,
    first_line: int,
    last_line: int,
    codes: Sequence[str],
    prefix: str | None = None,
) -> list[Edit]:
    """``disable CODES`` above ``first_line`` and ``enable CODES`` below ``last_line``.

    When the lines are already bracketed by a disable/enable pair listing the same codes,
    the missing codes are added to both comments instead of nesting a second pair.
    """
    idx = doc.lines if doc is not None else LineIndex(text)
    if doc is not None:
        above = _comment_on_line(doc, first_line - 1, "disable")
        below = _comment_on_line(doc, last_line + 1, "enable")
        if (
            above is not None
            and below is not None
            and above.codes
            and set(above.codes) == set(below.codes)
        ):
            return [
                e
                for e in (add_codes(text, above, codes), add_codes(text, below, codes))
                if e is not None
            ]
    first = _line_start(text, idx, first_line)
    eol = line_ending(text, idx.starts[first_line])
    if prefix is None:
        m = _INDENT.match(text, first)
        prefix = m.group(0) if m else ""
    after = idx.line_end(last_line, include_newline=True)
    tail_eol = "" if after > idx.line_end(last_line) else eol
    return [
        Edit(first, first, _directive(prefix, "disable", codes, eol)),
        Edit(after, after, tail_eol + _directive(prefix, "enable", codes, eol)),
    ]


def disable_table(
    text: str, doc: PostmortemDoc, table: tuple[int, int], codes: Sequence[str]
) -> list[Edit]:
    """Bracket the table spanning ``table`` (offsets) with disable/enable."""
    idx = doc.lines
    return bracket(
        text, doc, idx.line_of(table[0]), idx.line_of(max(table[0], table[1] - 1)), codes
    )


@dataclass(frozen=True)
class LineDisable:
    """What "Disable for this line" does at a diagnostic: ``scope`` is "line" or "table"."""

    scope: str
    edits: list[Edit]


def disable_for_line(
    text: str, doc: PostmortemDoc | None, d: Diagnostic, codes: Sequence[str] | None = None
) -> LineDisable:
    """The editor's "Disable for this line", placed exactly as :func:`plan` places it: a
    next-line comment (extending one already aiming at the line), written with the quote
    markers or list indentation that keep the Markdown as it was, or else a disable/enable
    pair around the table or block. ``scope`` says which ("line", "table" or "block");
    no edits inside front matter (a comment line there would be YAML) or where only a
    file-level directive would do (the editor offers that as its own action)."""
    codes = list(codes) if codes is not None else [d.code]
    if doc is None:
        return LineDisable(
            "line", disable_line(text, None, LineIndex(text).line_of(d.start), codes)
        )
    if doc.front_matter is not None and d.start < doc.front_matter.end:
        return LineDisable("line", [])
    check = _checker(doc)
    line = doc.lines.line_of(d.start)
    placed = _place_line(doc, line, codes, check.top, check.keeps_structure)
    if placed is None:
        return LineDisable("line", [])
    if isinstance(placed, _Above):
        return LineDisable("line", [comment_above(text, doc.lines, line, codes, placed.prefix)])
    if isinstance(placed, tuple):
        first, last, prefix = placed
        return LineDisable(
            "table" if prefix is None else "block", bracket(text, doc, first, last, codes, prefix)
        )
    return LineDisable("line", placed)


def file_insertion_point(text: str, doc: PostmortemDoc | None) -> int:
    """Where a file-level comment goes: after front matter, else after a BOM, else 0."""
    if doc is not None and doc.front_matter is not None:
        idx = doc.lines
        return idx.line_end(idx.line_of(max(0, doc.front_matter.end - 1)), include_newline=True)
    return 1 if text.startswith("\ufeff") else 0


def disable_file(text: str, doc: PostmortemDoc | None, codes: Sequence[str]) -> list[Edit]:
    """``<!-- pm-lint-disable-file CODES -->`` at the top, or codes added to the existing one.

    An empty list means an existing file-level directive already covers them.
    """
    if doc is not None:
        for s in parse_suppressions(doc)[0]:
            if s.kind == "disable-file":
                edit = add_codes(text, s, codes)
                return [] if edit is None else [edit]
    at = file_insertion_point(text, doc)
    eol = line_ending(text)
    lead = eol if at == len(text) and at > 0 and not text.endswith(("\n", "\r")) else ""
    return [Edit(at, at, lead + _directive("", "disable-file", codes, eol))]


# -- batch planning (pm-lint --add-noqa) --------------------------------------------------

_MD = MarkdownIt("commonmark").enable("table")
_DIRECTIVE_CODES = re.compile(
    r"<!--\s*pm-lint-(disable-next-line|disable-file|disable)\b(?:([^>]*?)-->|[^>]*)"
)


def _markdown_source(text: str, front_matter: Span | None) -> str:
    """The text as a Markdown renderer reads it: BOM dropped (a renderer strips it, and it
    would otherwise hide the first block's syntax), front matter blanked."""
    if front_matter is not None:
        fm = front_matter
        text = text[: fm.start] + re.sub(r"[^\r\n]", " ", text[fm.start : fm.end]) + text[fm.end :]
    return text[1:] if text.startswith("\ufeff") else text


def structure(src: str) -> list[tuple[str, str, int, bool, str]]:
    """The block structure markdown-it reads from ``src``, with pm-lint comments removed.

    Two texts with equal structures render the same apart from the comments and the
    whitespace between blocks: the same lists, quotes, tables and paragraphs, holding the
    same words.
    """
    return _structure_of(_MD.parse(src))


def _structure_of(tokens: list[Token]) -> list[tuple[str, str, int, bool, str]]:
    out: list[tuple[str, str, int, bool, str]] = []
    for t in tokens:
        content = ""
        if t.type in ("inline", "fence", "code_block", "html_block"):
            content = " ".join(_PM_COMMENT.sub(_drop_closed, t.content).split())
            if t.type == "html_block" and not content:
                continue
        out.append((t.type, t.tag, t.level, t.hidden, content))
    return out


def _drop_closed(m: re.Match[str]) -> str:
    return " " if m.group(1) is not None else m.group(0)


def count_codes(text: str) -> int:
    """Codes named by disable directives in ``text`` (an ``enable`` is not counted)."""
    return sum(len(m.group(2).split()) for m in _DIRECTIVE_CODES.finditer(text) if m.group(2))


@dataclass
class Plan:
    """The insertions for one file; ``added`` counts the codes they add to directives."""

    edits: list[Edit] = field(default_factory=list)
    added: int = 0


def _merge(edits: list[Edit]) -> list[Edit]:
    """One insertion per offset, ordered by :data:`_ORDER` (then as given)."""
    by_at: dict[int, list[tuple[int, int, Edit]]] = defaultdict(list)
    for n, e in enumerate(edits):
        m = re.search(r"pm-lint-([a-z-]+)", e.new_text)
        rank = _ORDER.get(m.group(1), 3) if m else 3
        by_at[e.start].append((rank, n, e))
    out = []
    for at, group in sorted(by_at.items()):
        group.sort(key=lambda g: (g[0], g[1]))
        out.append(Edit(at, at, "".join(g[2].new_text for g in group)))
    return out


def apply_insertions(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with the insertions of a :class:`Plan` made."""
    out = text
    for e in sorted(edits, key=lambda e: e.start, reverse=True):
        out = out[: e.start] + e.new_text + out[e.end :]
    return out


#: a bracket still to be written: first line, last line, comment prefix (None: indentation)
_Bracket = tuple[int, int, "str | None"]


def plan(
    doc: PostmortemDoc,
    diagnostics: Iterable[Diagnostic],
    file_level: Container[Diagnostic] = (),
) -> Plan:
    """Insertions that suppress every one of ``diagnostics`` and change nothing else.

    See the module docstring for the order in which placements are tried. Each line's
    placement is checked on its own against the original block structure; the combined
    result is checked again, and if it still differs every code goes to one file-level
    directive (always safe: it sits above the first block). ``file_level``: findings whose
    line comment was tried and not read (see :mod:`pm_lsp.suppression.baseline`), which go
    to the file-level directive from the start.
    """
    text = doc.text
    fm = doc.front_matter
    check = _checker(doc)
    top, keeps_structure = check.top, check.keeps_structure
    file_codes: set[str] = set()
    per_line: dict[int, set[str]] = defaultdict(set)
    for d in diagnostics:
        if _reports_missing(d.code) or (fm is not None and d.start < fm.end) or d in file_level:
            file_codes.add(d.code)
        else:
            per_line[doc.lines.line_of(d.start)].add(d.code)

    chosen: list[Edit] = []
    above: dict[int, tuple[str | None, list[str]]] = {}
    brackets: dict[_Bracket, set[str]] = defaultdict(set)
    for line in sorted(per_line):
        codes = sorted(per_line[line])
        placed = _place_line(doc, line, codes, top, keeps_structure)
        if placed is None:
            file_codes.update(codes)
        elif isinstance(placed, _Above):
            above[line] = (placed.prefix, codes)
        elif isinstance(placed, tuple):
            brackets[placed].update(codes)
        else:
            chosen.extend(placed)
    for (first, last, prefix), bracketed in brackets.items():
        chosen.extend(bracket(text, doc, first, last, sorted(bracketed), prefix))
    for line, (prefix, codes) in above.items():
        # a line inside a bracket needs no comment of its own for the bracket's codes
        inside = {c for (a, b, _), cs in brackets.items() if a <= line <= b for c in cs}
        rest = [c for c in codes if c not in inside]
        if rest:
            chosen.append(comment_above(text, doc.lines, line, rest, prefix))
    if file_codes:
        chosen.extend(disable_file(text, doc, sorted(file_codes)))
    edits = _merge(chosen)
    if edits and not keeps_structure(edits):  # pragma: no cover - a safety net
        every = file_codes | {c for cs in per_line.values() for c in cs}
        edits = disable_file(text, doc, sorted(every))
    return Plan(edits, count_codes(apply_insertions(text, edits)) - count_codes(text))


@dataclass(frozen=True)
class _Checker:
    """The document's block structure, to test a placement against (see :func:`plan`).

    A placement is tested on the heading-delimited chunk that holds it, not on the whole
    document. The chunks are cut at top-level ``#``/``##`` headings, as the incremental
    parse cuts them (:mod:`pm_lsp.parse.chunks`): nothing before such a heading reaches past
    it, so text inserted inside one chunk cannot change how another is read, provided the
    cut still holds afterwards, which is checked the same way
    (:func:`pm_lsp.parse.chunks.tokens_before_cut`). Otherwise, and for edits in several
    chunks, the whole document is compared.
    """

    doc: PostmortemDoc
    #: (first line, last line) of each top-level block
    top: tuple[tuple[int, int], ...]
    #: offsets where chunks start, then the text's length
    bounds: tuple[int, ...]

    def _source(self, text: str, k: int) -> str:
        return _chunk_source(self.doc, text, k)

    def keeps_structure(self, edits: list[Edit]) -> bool:
        if not edits:
            return True
        text, bounds = self.doc.text, self.bounds
        # an insertion at a chunk's first offset sits before its heading: the chunk above
        ks = {max(0, bisect.bisect_left(bounds, e.start) - 1) for e in edits}
        if len(ks) == 1:
            k = ks.pop()
            lo, hi = bounds[k], bounds[k + 1]
            if k + 1 < len(bounds) - 1:  # the chunk has a heading after it: keep that cut
                nxt = bounds[k + 2] if k + 2 < len(bounds) else len(text)
                probe_end = min(nxt, _line_after(text, _line_after(text, hi)))
                probe = apply_insertions(text[lo:probe_end], _shift(edits, lo))
                cut = len(_EOL.findall(apply_insertions(text[lo:hi], _shift(edits, lo))))
                if tokens_before_cut(_MD, self._source(probe, k), cut) is None:
                    return self._whole_keeps(edits)
            ref = self.doc.analysis(_chunk_structure, lo, hi, k)
            after = structure(self._source(apply_insertions(text[lo:hi], _shift(edits, lo)), k))
            return tuple(after) == ref
        return self._whole_keeps(edits)

    def _whole_keeps(self, edits: list[Edit]) -> bool:
        fm = self.doc.front_matter
        # insertions never land inside front matter, so its span is unchanged
        after = structure(_markdown_source(apply_insertions(self.doc.text, edits), fm))
        return tuple(after) == self.doc.analysis(_whole_structure)


_Structure = tuple[tuple[str, str, int, bool, str], ...]


def _chunk_source(doc: PostmortemDoc, text: str, k: int) -> str:
    """Chunk 0 holds the BOM and the front matter; other chunks are read as they are."""
    return _markdown_source(text, doc.front_matter) if k == 0 else text


def _chunk_structure(doc: PostmortemDoc, lo: int, hi: int, k: int) -> _Structure:
    """The structure of chunk ``k`` (``doc.text[lo:hi]``) as written: once per document."""
    return tuple(structure(_chunk_source(doc, doc.text[lo:hi], k)))


def _whole_structure(doc: PostmortemDoc) -> _Structure:
    """The whole document's structure as written: once per document."""
    return tuple(structure(_markdown_source(doc.text, doc.front_matter)))


def _shift(edits: list[Edit], by: int) -> list[Edit]:
    return [Edit(e.start - by, e.end - by, e.new_text) for e in edits]


def _line_after(text: str, offset: int) -> int:
    """The offset just past the line break after ``offset`` (or the end of the text)."""
    nl = text.find("\n", offset)
    return len(text) if nl < 0 else nl + 1


def _checker(doc: PostmortemDoc) -> _Checker:
    """Built once per parsed document (an editor asks for actions at every cursor move)."""
    return doc.analysis(_build_checker)


def _build_checker(doc: PostmortemDoc) -> _Checker:
    tokens = _MD.parse(_markdown_source(doc.text, doc.front_matter))
    top = tuple(
        (t.map[0], t.map[1] - 1)
        for t in tokens
        if t.level == 0 and t.map is not None and t.nesting >= 0
    )
    # The cuts the incremental parse would prove (pm_lsp.parse.chunks): top-level "#"/"##"
    # headings at column 0, read off this parse instead of asking the chunk cache.
    idx = doc.lines
    cuts = [
        t.map[0]
        for t in tokens
        if t.type == "heading_open"
        and t.level == 0
        and t.tag in ("h1", "h2")
        and t.markup.startswith("#")
        and t.map is not None
        and t.map[0] > 0
        and idx.line_text(t.map[0]).startswith("#")
    ]
    bounds = (0, *(idx.starts[line] for line in cuts), len(doc.text))
    return _Checker(doc, top, bounds)


def _table_on_line(doc: PostmortemDoc, line: int) -> tuple[int, int] | None:
    a, b = doc.lines.starts[line], doc.lines.line_end(line)
    for t in doc.tables:
        if t.start <= b and a < t.end:
            return t.start, t.end
    return None


@dataclass(frozen=True)
class _Above:
    """A new next-line comment above the line, written with this prefix."""

    prefix: str | None


def _place_line(
    doc: PostmortemDoc,
    line: int,
    codes: list[str],
    top: Sequence[tuple[int, int]],
    keeps_structure: Callable[[list[Edit]], bool],
) -> list[Edit] | _Above | _Bracket | None:
    """Where one line's codes go: edits to an existing directive, a new comment above the
    line, a bracket to add them to, or None (file level)."""
    text, idx = doc.text, doc.lines
    existing = next_line_directive(doc, line)
    if existing is not None:
        edit = add_codes(text, existing, codes)
        return [] if edit is None else [edit]
    table = _table_on_line(doc, line)
    if table is None or idx.line_of(table[0]) == line:
        prefixes: list[str | None] = [None]
        quote = _QUOTE_PREFIX.match(idx.line_text(line))
        if quote is not None and ">" in quote.group(0):
            prefixes.append(quote.group(0))
        prev = line - 1
        while prev >= 0 and not idx.line_text(prev).strip():
            prev -= 1
        if prev >= 0:
            item = _ITEM_PREFIX.match(idx.line_text(prev))
            if item is not None:
                prefixes.append("".join(ch if ch in ">\t" else " " for ch in item.group(0)))
        for prefix in dict.fromkeys(prefixes):
            if keeps_structure([comment_above(text, idx, line, codes, prefix)]):
                return _Above(prefix)
    if table is not None:
        first, last = idx.line_of(table[0]), idx.line_of(max(table[0], table[1] - 1))
        if keeps_structure(bracket(text, doc, first, last, codes)):
            return (first, last, None)
    for first, last in top:
        if first <= line <= last:
            if keeps_structure(bracket(text, doc, first, last, codes, "")):
                return (first, last, "")
            break
    return None
