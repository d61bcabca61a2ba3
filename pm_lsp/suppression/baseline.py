"""``--add-noqa`` on one text: suppress every finding at or above a floor, then lint again.

A baseline must be idempotent: run on its own output it finds nothing to add, whatever the
input held (stale directives included), or each CI run would stack more comments. So every
pass lints the text it produced, and the loop stops when a pass plans nothing; a comment can
change how a neighbouring block parses, so a second pass may find work. Where each comment
goes is :mod:`pm_lsp.suppression.placement` (the module the editor's "Disable for this line"
action uses). Pure: text and a lint function in, text out; the CLI writes the file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pm_lsp.fixes.edits import moved_span
from pm_lsp.rules.meta import specs as meta_specs
from pm_lsp.rules.spec import Diagnostic, Edit, Severity
from pm_lsp.suppression.placement import apply_insertions, plan

if TYPE_CHECKING:
    from pm_lsp.engine import LintResult

#: Two passes have always sufficed; the third is a bound, not an expectation.
PASSES = 3


@dataclass
class Baseline:
    """The text with its suppressions, how many codes were added, and the last lint of it."""

    text: str
    added: int
    result: LintResult


def unsuppressable(d: Diagnostic) -> bool:
    """PM002 (the file was not read) and PM003 (a rule did not run) are not findings about
    the text, so a comment in the text is no answer to them."""
    return d.code in (meta_specs.file_skipped.code, meta_specs.rule_crashed.code)


def add_noqa(text: str, lint: Callable[[str], LintResult], floor: Severity) -> Baseline:
    """Suppress every finding of ``lint`` at or above ``floor`` in ``text`` (module doc).

    A lint with errors (a rule did not run) stops the baseline where it is: it would be
    incomplete."""
    current = text
    added = 0
    res = lint(current)
    for _ in range(PASSES):
        if res.errors:
            break
        todo = [d for d in res.diagnostics if d.severity >= floor and not unsuppressable(d)]
        if not todo:
            break
        step = _suppress(current, res, todo, lint, floor)
        if step is None:
            break
        current, res, n = step
        added += n
    return Baseline(current, added, res)


def _suppress(
    text: str,
    res: LintResult,
    todo: list[Diagnostic],
    lint: Callable[[str], LintResult],
    floor: Severity,
) -> tuple[str, LintResult, int] | None:
    """One pass: comments for ``todo``, and the lint of the result. A line comment that is
    not read as a directive (it landed in a code block the parser sees and the placement
    did not, say) leaves its finding in place: those findings are planned again with a
    file-level directive instead, or every run would add the same comment again."""
    p = plan(res.doc, todo)
    if not p.edits:
        return None
    new_text = apply_insertions(text, p.edits)
    new = lint(new_text)
    stuck = _still_reported(todo, p.edits, new, floor)
    if stuck:
        p = plan(res.doc, todo, file_level=stuck)
        new_text = apply_insertions(text, p.edits)
        new = lint(new_text)
    return new_text, new, p.added


def _still_reported(
    todo: list[Diagnostic], edits: list[Edit], new: LintResult, floor: Severity
) -> list[Diagnostic]:
    """The findings of ``todo`` the lint of the text with ``edits`` still reports where
    they moved to."""
    at = {(d.code, d.message, d.start) for d in new.diagnostics if d.severity >= floor}
    return [
        d for d in todo if any((d.code, d.message, p) in at for p in moved_span(d.start, edits))
    ]
