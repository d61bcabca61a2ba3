"""Edits on a text: which fixes can go together in one pass, and splicing them in.

A fix is a set of edits on the text it was computed from. Fixes whose edits overlap cannot
both be applied in one pass; like ruff, the fix loop (:mod:`pm_lsp.fixes.loop`) applies a
non-overlapping subset, lints again, and repeats, so later fixes see the text the earlier
ones produced.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeVar

from pm_lsp.rules.spec import Diagnostic, Edit, Fix

_T = TypeVar("_T")


def select_non_overlapping(fixes: Iterable[Fix]) -> list[Fix]:
    """A subset of ``fixes`` whose edits neither overlap each other nor touch one point twice."""
    return [f for f, _ in _select((f, f) for f in fixes)]


def select_diagnostics(diags: Iterable[Diagnostic]) -> list[Diagnostic]:
    """:func:`select_non_overlapping` over the fixes of ``diags`` (each has a fix), keeping
    the diagnostic, so that what is skipped can be reported by its code."""
    return [d for _, d in _select((d.fix, d) for d in diags if d.fix is not None)]


def _select(pairs: Iterable[tuple[Fix, _T]]) -> list[tuple[Fix, _T]]:
    chosen: list[tuple[Fix, _T]] = []
    taken: list[tuple[int, int]] = []
    for fix, item in pairs:
        spans = [(e.start, e.end) for e in fix.edits]
        if any(_clash(a, b) for a in spans for b in taken):
            continue
        if any(_clash(a, b) for i, a in enumerate(spans) for b in spans[i + 1 :]):
            continue
        chosen.append((fix, item))
        taken.extend(spans)
    return chosen


def _clash(a: tuple[int, int], b: tuple[int, int]) -> bool:
    if a[0] == a[1] or b[0] == b[1]:  # insertions clash only at the same point or inside
        return a[0] == b[0] or (b[0] < a[0] < b[1]) or (a[0] < b[0] < a[1])
    return a[0] < b[1] and b[0] < a[1]


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply non-overlapping edits (offsets into ``text``) from the end backwards."""
    out = text
    for e in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        if not 0 <= e.start <= e.end <= len(text):
            raise ValueError(f"edit {e} is outside the text (length {len(text)})")
        out = out[: e.start] + e.new_text + out[e.end :]
    return out


def moved(offset: int, edits: Sequence[Edit], *, after_insertions: bool = True) -> int:
    """Where ``offset`` of a text is once ``edits`` are applied to it (an offset inside a
    replaced stretch: where the replacement starts). An insertion at the offset itself goes
    before the text there, as :func:`apply_edits` puts it, so the offset moves past it;
    unless ``after_insertions`` is False: then it stays before it (where a finding reported at
    an insertion point may still be reported)."""
    shift = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.end < offset or (e.end == offset and (after_insertions or e.start < e.end)):
            shift += len(e.new_text) - (e.end - e.start)
        elif e.start < offset:
            return e.start + shift
        else:
            break
    return offset + shift


def moved_span(offset: int, edits: Sequence[Edit]) -> tuple[int, int]:
    """The offsets ``offset`` may be at once ``edits`` are applied: before and after what
    was inserted right at it."""
    return moved(offset, edits, after_insertions=False), moved(offset, edits)


def fixable(diags: Iterable[Diagnostic], *, unsafe: bool) -> list[Fix]:
    return [d.fix for d in diags if d.fix is not None and (d.fix.safe or unsafe)]
