"""The declarations of the rules about structure (PM201-PM204).

Each :class:`RuleSpec` is the one place its rule is described: ``--explain``, hover, SARIF
metadata and ``docs/rules.md`` render it, the configuration checks options against it, and
code that needs a rule's code or facts names the rule through it instead of a string.
"""

from __future__ import annotations

from pm_lsp.rules.spec import RuleSpec, Severity

missing_section = RuleSpec(
    code="PM201",
    name="missing-section",
    category="structure",
    severity=Severity.WARNING,
    summary="A section the active template requires is missing.",
    rationale=(
        "Every respected postmortem guide asks for the same core: what happened, its impact, "
        "a timeline, the contributing factors, how it was detected and resolved, action items "
        "and lessons. A missing section is usually a missing conversation: nobody wrote down "
        "the impact, so nobody checked it. Headings are matched through synonyms, so 'Issue "
        "Summary' or 'TL;DR' satisfy 'Summary'; choose a template with `template = ...`."
    ),
    bad="# Checkout outage\n\n## Summary\n...\n## Timeline\n...",
    good=(
        "# Checkout outage\n\n## Summary\n...\n## Impact\n...\n## Timeline\n...\n"
        "## Action Items\n..."
    ),
    fix="safe",
    anchor="document",
)


empty_section = RuleSpec(
    code="PM202",
    name="empty-section",
    category="structure",
    severity=Severity.WARNING,
    summary="A heading with no content, only placeholder text, or a TODO/TBD left in it.",
    rationale=(
        "An empty heading tells the reader the question was considered and then skipped. "
        "Either answer it (a sentence saying 'no customer-facing impact' is an answer) or "
        "remove the heading. Placeholders such as TODO count as empty, and a TODO, TBD or "
        "FIXME left anywhere in a section is reported too, so a scaffold from `pm-lint new` "
        "or a skeleton inserted by a fix stays flagged until it is filled in."
    ),
    bad="## Detection\n\n## Response",
    good="## Detection\n\nThe p99 latency alert paged the on-call engineer at 14:07 UTC.",
    fix="sometimes",
)


missing_metadata = RuleSpec(
    code="PM203",
    name="missing-metadata",
    category="structure",
    severity=Severity.WARNING,
    summary="Date, authors/owner, status, severity or duration is missing or not filled in.",
    rationale=(
        "Metadata makes postmortems findable and comparable: which incidents were SEV1 this "
        "quarter, which reviews are still drafts, who owns the follow-up. Write it as YAML "
        "front matter or as `**Field**: value` lines under the title; which fields are "
        "required depends on the template."
    ),
    bad="# Checkout outage\n\nOn Tuesday the checkout service...",
    good=(
        "# Checkout outage\n\n**Date**: 2025-03-14\n**Authors**: @amara\n**Status**: Draft\n"
        "**Severity**: SEV2\n**Duration**: 47 minutes"
    ),
    fix="safe",
    anchor="document",
)


invalid_metadata = RuleSpec(
    code="PM204",
    name="invalid-metadata",
    category="structure",
    severity=Severity.WARNING,
    summary="A Status outside the template's list, an unknown Severity, an unreadable date or "
    "duration, or broken front matter.",
    rationale=(
        "Tools and people filter postmortems by these values. 'Sev one', 'done-ish' or "
        "'last Tuesday' cannot be sorted, counted or checked against the timeline. The "
        "allowed Status and Severity values come from the template."
    ),
    bad="**Status**: done-ish\n**Severity**: very bad\n**Date**: last Tuesday",
    good="**Status**: In Review\n**Severity**: SEV2\n**Date**: 2025-03-14",
)
