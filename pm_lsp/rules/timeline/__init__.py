"""Timeline rules (PM501-PM504): time zone, order, stated duration, milestones."""

from pm_lsp.rules.timeline.checks import RULES

__all__ = ["RULES"]
