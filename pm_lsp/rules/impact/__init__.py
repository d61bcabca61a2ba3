"""Impact rules (PM401-PM403): vague quantifiers, impact without numbers, no data-loss statement."""

from pm_lsp.rules.impact.checks import RULES

__all__ = ["RULES"]
