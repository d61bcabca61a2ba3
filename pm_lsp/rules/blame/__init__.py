"""Blame-oriented language (PM101-PM107): people as the cause instead of conditions."""

from pm_lsp.rules.blame.checks import RULES

__all__ = ["RULES"]
