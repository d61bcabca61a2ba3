"""``--format text``: what a person reads in a terminal.

Each finding shows ``path:line:col: CODE message``, the source line with the span
underlined, and the fix title. Findings on the same span (a vague action item with no
owner, no due date and no priority; a title under which several parts are missing) keep a
``path:line:col:`` line each, for grep and editors' problem matchers, but share one
underlined source and list their fixes under it, each named by its code: one item read
five times over was the noise the blind rounds' writers named first. Colour (via rich)
only on a terminal; plain when piped.
Whatever comes from the document (the path, the message, the source line) passes through
:func:`pm_lsp.cli.formats.safe.for_terminal`: an ESC in a postmortem is shown as ``\\x1b``,
never sent to the terminal, and the underline is measured on what is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TextIO

from pm_lsp.cli.formats import FileReport, safe
from pm_lsp.rules.spec import Diagnostic, Severity

_STYLE = {
    Severity.ERROR: "bold red",
    Severity.WARNING: "yellow",
    Severity.INFO: "cyan",
    Severity.HINT: "dim",
}

#: a run of output and its rich style ("" for none)
Piece = tuple[str, str]


def _display_width(s: str) -> int:
    from rich.cells import cell_len

    return cell_len(s)


def _plain(s: str) -> str:
    """Document text as the terminal shows it: tabs as one space, controls as escapes."""
    return safe.for_terminal(s.expandtabs(1))


#: a source line is shown whole up to this many characters; a longer one (a paragraph run
#: on for pages, a table minified to one line) as the finding and this many characters on
#: either side, cut with an ellipsis, so one finding prints a line, not a megabyte
SHOWN = 240
CONTEXT = 60


def _window(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The part of the source line ``text`` that is shown for the span ``start``-``end``
    (columns in it), and the span's columns in that part."""
    if len(text) <= SHOWN:
        return text, start, end
    end = min(max(end, start), start + SHOWN - 2 * CONTEXT)
    a, b = max(0, start - CONTEXT), min(len(text), end + CONTEXT)
    head = "…" if a > 0 else ""
    tail = "…" if b < len(text) else ""
    return head + text[a:b] + tail, start - a + len(head), end - a + len(head)


def _group(r: FileReport, group: Sequence[Diagnostic]) -> list[Piece]:
    """The lines of findings on one span: where and what for each, the source underlined
    once (in the most serious one's colour), the fixes, a blank line. The pieces carry no
    markup, so nothing from the document needs escaping for rich."""
    out: list[Piece] = []
    for d in group:
        line, col = r.pos(d.start)
        out += [
            (safe.for_terminal(r.path), "bold"),
            (f":{line}:{col}: ", ""),
            (d.code, _STYLE[d.severity]),
            (f" {safe.for_terminal(d.message)} ", ""),
            (f"({d.severity.label})", "dim"),
            ("\n", ""),
        ]
    first = group[0]
    if r.text is not None and first.end >= first.start:
        out += _underlined(r, first, max(d.severity for d in group))
    for d in group:
        if d.fix is None:
            continue
        kind = "fix" if d.fix.safe else "unsafe fix"
        named = f" ({d.code})" if len(group) > 1 else ""
        out += [
            ("      ", ""),
            (f"= {kind}{named}:", "green"),
            (f" {safe.for_terminal(d.fix.title)}\n", ""),
        ]
    out.append(("\n", ""))
    return out


def _same_span(diagnostics: Sequence[Diagnostic]) -> list[list[Diagnostic]]:
    """``diagnostics`` in runs of neighbours on the same span (they come sorted by place)."""
    runs: list[list[Diagnostic]] = []
    for d in diagnostics:
        if runs and (runs[-1][0].start, runs[-1][0].end) == (d.start, d.end):
            runs[-1].append(d)
        else:
            runs.append([d])
    return runs


#: a span over more lines shows its first lines and its last, with an ellipsis between
SPAN_LINES = 4


def _underlined(r: FileReport, d: Diagnostic, severity: Severity) -> list[Piece]:
    """The source lines of ``d``'s span, each underlined where the span covers it: a
    finding wrapped over two lines of a paragraph is marked on both, not only on the line
    it starts on (a continuation line's indentation is not marked)."""
    idx = r.lines
    first = idx.line_of(d.start)
    last = idx.line_of(d.end - 1) if d.end > d.start else first
    shown = list(range(first, last + 1))
    if len(shown) > SPAN_LINES:
        shown = [*shown[: SPAN_LINES - 1], -1, last]
    out: list[Piece] = []
    for ln in shown:
        if ln < 0:
            out += [("      | …", "dim"), ("\n", "")]
            continue
        line_start = idx.starts[ln]
        text = idx.line_text(ln)
        a = max(d.start, line_start) - line_start
        if ln > first:
            a += len(text[a:]) - len(text[a:].lstrip(" \t"))
        b = max(a, min(d.end, idx.line_end(ln)) - line_start)
        text, a, b = _window(text, a, b)
        gutter = f"{ln + 1:>5} | "
        indent = len(gutter) + _display_width(_plain(text[:a]))
        marks = "^" * max(1, _display_width(_plain(text[a:b])))
        out += [(gutter, "dim"), (_plain(text), ""), ("\n", "")]
        out += [(" " * indent, ""), (marks, _STYLE[severity]), ("\n", "")]
    return out


def render(reports: Sequence[FileReport], out: TextIO, color: bool) -> None:
    """Every finding, then a count. Plain output is written as it is; rich draws only the
    coloured one (a 50,000-word file's ~950 findings took rich ~0.4 s to lay out, piped,
    with nothing to colour)."""
    write = _painter(out) if color else (lambda pieces: out.write("".join(t for t, _ in pieces)))
    total = fixable = 0
    for r in reports:
        for group in _same_span(r.diagnostics):
            total += len(group)
            fixable += sum(d.fix is not None and d.fix.safe for d in group)
            write(_group(r, group))
    if total:
        files = sum(1 for r in reports if r.diagnostics)
        tail = f" ({fixable} fixable with --fix)" if fixable else ""
        s, fs = "s" * (total != 1), "s" * (files != 1)
        write([(f"Found {total} problem{s} in {files} file{fs}{tail}.\n", "")])
    else:
        n = len(reports)
        write([(f"All checks passed ({n} file{'s' * (n != 1)}).\n", "")])


def _painter(out: TextIO) -> Callable[[list[Piece]], None]:
    """Writes pieces in their colours through rich."""
    from rich.console import Console
    from rich.text import Text

    console = Console(
        file=out,
        force_terminal=True,
        highlight=False,
        soft_wrap=True,
        emoji=False,
        width=10_000,
    )

    def write(pieces: list[Piece]) -> None:
        console.print(Text.assemble(*pieces), end="")

    return write
