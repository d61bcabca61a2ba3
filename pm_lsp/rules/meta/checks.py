"""Diagnostics about the linting itself: unused suppressions, skipped files, crashed rules.

These rules are produced by the engine and the file reader rather than by a check over the
document, so their check functions find nothing; they are declared here so that they can be
selected, ignored, explained and documented like every other rule.
"""

from __future__ import annotations

from collections.abc import Iterator

from pm_lsp.rules.meta.specs import file_skipped, rule_crashed, unused_suppression
from pm_lsp.rules.spec import Finding, RuleContext, rule


def _produced_elsewhere(ctx: RuleContext) -> Iterator[Finding]:
    return iter(())


check_unused_suppression = rule(unused_suppression)(_produced_elsewhere)

check_file_skipped = rule(file_skipped)(_produced_elsewhere)

check_rule_crashed = rule(rule_crashed)(_produced_elsewhere)

RULES = (check_unused_suppression, check_file_skipped, check_rule_crashed)
