"""Applying fixes: conflict handling, iteration to a fixed point, atomic writes.

A fix is a set of edits on the text it was computed from. Fixes whose edits overlap cannot
both be applied in one pass; like ruff, we apply a non-overlapping subset, re-lint, and repeat
(up to a bound) so later fixes see the text the earlier ones produced. Writing goes through a
temporary file in the same directory and ``os.replace``, so an interrupted run leaves either
the old file or the new one, never half of each. Line endings are whatever the text already
had: files are read and written without newline translation.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pm_lsp.rules.spec import Diagnostic, Edit, Fix

#: ruff's bound. Fixes that insert at the same point (several missing sections before the
#: same heading, several metadata lines) conflict and go one per pass, so a bare document
#: under a long template (Atlassian: 12 sections and 4 fields) needs more than 10 passes.
MAX_PASSES = 100


def select_non_overlapping(fixes: Iterable[Fix]) -> list[Fix]:
    """A subset of ``fixes`` whose edits neither overlap each other nor touch one point twice."""
    chosen: list[Fix] = []
    taken: list[tuple[int, int]] = []
    for fix in fixes:
        spans = [(e.start, e.end) for e in fix.edits]
        if any(_clash(a, b) for a in spans for b in taken):
            continue
        if any(_clash(a, b) for i, a in enumerate(spans) for b in spans[i + 1 :]):
            continue
        chosen.append(fix)
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


def fixable(diags: Iterable[Diagnostic], *, unsafe: bool) -> list[Fix]:
    return [d.fix for d in diags if d.fix is not None and (d.fix.safe or unsafe)]


@dataclass
class FixResult:
    text: str
    applied: int
    passes: int


def fix_text(
    text: str, lint: Callable[[str], Sequence[Diagnostic]], *, unsafe: bool = False
) -> FixResult:
    """Apply fixes from ``lint(text)`` until none apply or :data:`MAX_PASSES` is reached."""
    applied = 0
    passes = 0
    current = text
    for passes in range(1, MAX_PASSES + 1):  # noqa: B007
        fixes = select_non_overlapping(fixable(lint(current), unsafe=unsafe))
        if not fixes:
            break
        new = apply_edits(current, [e for f in fixes for e in f.edits])
        if new == current:
            break
        current = new
        applied += len(fixes)
    return FixResult(current, applied, passes)


def write_atomic(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Replace ``path`` with ``text`` atomically, keeping its permission bits."""
    data = text.encode(encoding)
    directory = path.parent
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".pm-lint.tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp, stat.S_IMODE(path.stat().st_mode))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
