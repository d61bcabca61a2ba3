"""Action-item rules (PM301-PM306): vague and people-fixing actions, missing owner/date/ticket/"""

from pm_lsp.rules.actions.checks import RULES

__all__ = ["RULES"]
