"""Structure rules (PM201-PM204): sections and metadata the active template requires."""

from pm_lsp.rules.structure.checks import RULES

__all__ = ["RULES"]
