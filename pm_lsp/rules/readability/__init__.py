"""Readability rules (PM601-PM602): long sentences and hard-to-read paragraphs."""

from pm_lsp.rules.readability.checks import RULES

__all__ = ["RULES"]
