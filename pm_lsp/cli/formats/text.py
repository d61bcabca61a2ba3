"""``--format text``: what a person reads in a terminal.

Each finding shows ``path:line:col: CODE message``, the source line with the span
underlined, and the fix title. Colour (via rich) only on a terminal; plain when piped.
Whatever comes from the document (the path, the message, the source line) passes through
:func:`pm_lsp.cli.formats.safe.for_terminal`: an ESC in a postmortem is shown as ``\\x1b``,
never sent to the terminal, and the underline is measured on what is shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from rich.console import Console
from rich.markup import escape

from pm_lsp.cli.formats import FileReport, safe
from pm_lsp.rules.spec import Severity

_STYLE = {
    Severity.ERROR: "bold red",
    Severity.WARNING: "yellow",
    Severity.INFO: "cyan",
    Severity.HINT: "dim",
}


def _display_width(s: str) -> int:
    from rich.cells import cell_len

    return cell_len(s)


def _plain(s: str) -> str:
    """Document text as the terminal shows it: tabs as one space, controls as escapes."""
    return safe.for_terminal(s.expandtabs(1))


def _shown(s: str) -> str:
    """A path, message or fix title as rich markup that prints it literally."""
    return escape(safe.for_terminal(s))


def render(reports: Sequence[FileReport], out: TextIO, color: bool) -> None:
    console = Console(
        file=out,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        soft_wrap=True,
        emoji=False,
        width=10_000,
    )
    total = fixable = 0
    for r in reports:
        for d in r.diagnostics:
            total += 1
            line, col = r.pos(d.start)
            sev = d.severity
            console.print(
                f"[bold]{_shown(r.path)}[/bold]:{line}:{col}: "
                f"[{_STYLE[sev]}]{d.code}[/{_STYLE[sev]}] {_shown(d.message)} "
                f"[dim]({sev.label})[/dim]"
            )
            if r.text is not None and d.end >= d.start:
                idx = r.lines
                ln = idx.line_of(d.start)
                src = _plain(idx.line_text(ln))
                start_col = d.start - idx.starts[ln]
                end_in_line = min(d.end, idx.line_end(ln)) - idx.starts[ln]
                prefix = _plain(idx.line_text(ln)[:start_col])
                flagged = _plain(idx.line_text(ln)[start_col:end_in_line])
                gutter = f"{ln + 1:>5} | "
                console.print(f"[dim]{gutter}[/dim]{escape(src)}")
                marks = "^" * max(1, _display_width(flagged))
                console.print(
                    " " * (len(gutter) + _display_width(prefix)) + f"[{_STYLE[sev]}]{marks}"
                    f"[/{_STYLE[sev]}]"
                )
            if d.fix is not None:
                kind = "fix" if d.fix.safe else "unsafe fix"
                if d.fix.safe:
                    fixable += 1
                console.print(f"      [green]= {kind}:[/green] {_shown(d.fix.title)}")
            console.print("")
    if total:
        files = sum(1 for r in reports if r.diagnostics)
        tail = f" ({fixable} fixable with --fix)" if fixable else ""
        console.print(
            f"Found {total} problem{'s' * (total != 1)} in {files} file{'s' * (files != 1)}{tail}."
        )
    else:
        n = len(reports)
        console.print(f"All checks passed ({n} file{'s' * (n != 1)}).")
