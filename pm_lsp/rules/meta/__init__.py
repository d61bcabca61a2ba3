"""Diagnostics about the linting itself: unused suppressions, skipped files, crashed rules."""

from pm_lsp.rules.meta.checks import RULES

__all__ = ["RULES"]
