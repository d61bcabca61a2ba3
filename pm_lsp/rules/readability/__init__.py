"""Readability rules (PM601-PM603): long sentences, hard-to-read paragraphs, undefined
acronyms."""

from pm_lsp.rules.readability import acronyms, checks

RULES = checks.RULES + acronyms.RULES

__all__ = ["RULES"]
