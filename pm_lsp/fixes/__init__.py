"""Applying fixes: choosing them, checking them, iterating to a fixed point, writing files.

- :mod:`pm_lsp.fixes.edits`: which fixes go together in one pass, and splicing edits in;
- :mod:`pm_lsp.fixes.safety`: the invariant every applied fix keeps (nothing outside its
  edits changes, nor the block structure around them, nor the BOM or line-break style);
- :mod:`pm_lsp.fixes.loop`: the passes, dropping and reporting fixes that fail a check or
  do not remove their finding;
- :mod:`pm_lsp.fixes.write`: writing the result back (symlinks, hard links, owner, mode,
  read-only files, atomic replace).

Line endings are whatever the text already had: files are read and written without newline
translation.
"""

from __future__ import annotations

from pm_lsp.fixes.edits import apply_edits, fixable, select_non_overlapping
from pm_lsp.fixes.loop import MAX_PASSES, FixResult, SkippedFix, fix_text
from pm_lsp.fixes.write import WriteError, write_atomic

__all__ = [
    "MAX_PASSES",
    "FixResult",
    "SkippedFix",
    "WriteError",
    "apply_edits",
    "fix_text",
    "fixable",
    "select_non_overlapping",
    "write_atomic",
]
