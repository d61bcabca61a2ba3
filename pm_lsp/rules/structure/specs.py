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
    summary="A part the active template requires is written nowhere in the document.",
    rationale=(
        "Every respected postmortem guide asks for the same core: what happened, its impact, "
        "a timeline, the contributing factors, how it was detected and resolved, action items "
        "and lessons. A missing part is usually a missing conversation: nobody wrote down "
        "the impact, so nobody checked it. A part is written by a heading naming it anywhere "
        "('Issue Summary', 'Recovery and Lessons Learned'), a bold or plain label opening a "
        "paragraph or list item (`**Impact**:`), a table row or a front-matter key. Until a "
        "repository sets `template = ...` (adoption mode) only what happened, its impact, why "
        "it happened and what will be done are warnings; the rest is `info`, as is a part "
        "told only in passing in the prose. The fix inserts a skeleton with placeholders, so "
        "it is unsafe."
    ),
    bad="# Checkout outage\n\n## Summary\n...\n## Timeline\n...",
    good=(
        "# Checkout outage\n\n## Summary\n...\n## Impact\n...\n## Timeline\n...\n"
        "## Action Items\n..."
    ),
    fix="unsafe",
    anchor="document",
    severity_note=(
        "A warning for a part that no heading, label, table row or key writes; info for a "
        "part told only in passing in the prose. Until a template is configured (adoption "
        "mode) only the core parts (what happened, its impact, why, what will be done) are "
        "warnings: the others are suggested at info, and a part told in prose is not "
        "reported."
    ),
)


empty_section = RuleSpec(
    code="PM202",
    name="empty-section",
    category="structure",
    severity=Severity.WARNING,
    summary="A heading with no content, only placeholders or prompts, or a TODO left in it.",
    rationale=(
        "An empty heading tells the reader the question was considered and then skipped. "
        "Either answer it (a sentence saying 'no customer-facing impact' is an answer) or "
        "remove the heading. Placeholders (TODO, TBD, `<...>` prompts, lorem ipsum) and a "
        "template's own prompts ('_Describe the impact_') count as empty; links, checklists "
        "and short answers such as 'N/A' do not. A TODO, TBD or FIXME left anywhere in a "
        "section is reported too, so a scaffold from `pm-lint new` or a skeleton inserted by "
        "a fix stays flagged until it is filled in; the finding points at the word. A TBD "
        "inside a quotation of someone else's note or message (in quotation marks, or in a "
        "quote block that is more than the placeholder) is a mention, not a field left open."
    ),
    bad="## Detection\n\n## Response",
    good="## Detection\n\nThe p99 latency alert paged the on-call engineer at 14:07 UTC.",
    fix="unsafe",
)


missing_metadata = RuleSpec(
    code="PM203",
    name="missing-metadata",
    category="structure",
    severity=Severity.WARNING,
    summary="Date, authors/owner, status, severity or duration is missing or not filled in.",
    rationale=(
        "Metadata makes postmortems findable and comparable: which incidents were SEV1 this "
        "quarter, which reviews are still drafts, who owns the follow-up. It is read from "
        "YAML (`---`) or TOML (`+++`) front matter, `**Field**: value` and `Field: value` "
        "lines (`Incident Severity` is Severity), metadata tables, a heading with its value "
        "beneath, and the title (the date); the authors also from a closing sign-off or a "
        "letter's signature ('Regards,' and a name) and from an email's `From:` header naming "
        "a person, and as told in the text from a byline at the head or at the end ('Posted "
        "on 14 May by Odile and Bram', 'Written by the glaze line team', '— posted by Joana "
        "(QA)'); the CLI and the editor may read the date from "
        "the file name and say so. Without a Duration field (or a `Time to repair`, which "
        "stands for it), the duration counts as told in the text when a length or a clock "
        "range is written anywhere in the document, the timeline's entries included: "
        "'lasted 47 minutes', 'for about an hour', 'between 14:03 and 14:50', 'down 2 hours "
        "15 minutes in all'. An entry that times only one step ('the restart lasted 3 "
        "minutes') is taken as telling it too. No duration is worked out from the "
        "timeline's clock times: a timeline alone leaves the Duration missing (PM503 "
        "compares a written duration with the timeline). Which fields are required depends "
        "on the template; in "
        "adoption mode (no template set) missing metadata is `info`. The fix inserts a TODO "
        "line in the document's own form (`date: TODO` in YAML front matter, "
        '`date = "TODO"` in TOML), so it is unsafe.'
    ),
    bad="# Checkout outage\n\nOn Tuesday the checkout service...",
    good=(
        "# Checkout outage\n\n**Date**: 2025-03-14\n**Authors**: @amara\n**Status**: Draft\n"
        "**Severity**: SEV2\n**Duration**: 47 minutes"
    ),
    fix="unsafe",
    anchor="document",
    severity_note=(
        "A warning for a field the template asks for that the document gives nowhere, or "
        "fills with a placeholder; info for a field told only in the text, and for a date "
        "read from the file name. Until a template is configured (adoption mode) a missing "
        "field or a placeholder is info, and a field told in the text is not reported."
    ),
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
        "allowed Status and Severity values come from the template (`info` until one is "
        "set; until then a severity word the report reads as a level, 'Critical', 'Major', "
        "'Minor', 'High', 'Medium' or 'Low' from `[severity-words]` in rules/report.toml, is "
        "accepted too, and so is a number on a scale of another name, a label after it "
        "optional: 'Priority 1', 'P2', 'Level 2 (Moderate harm)', or a grade by letter or Roman "
        "numeral, as regulators write them: 'Category A', 'Class II', from `severity-scales` "
        "and `severity-scale-letters` in rules/structure.toml). A bare number in a Severity "
        "field ('sev: 1') is that level of a "
        "SEVn scale, and a level followed by the scheme it is graded on ('Severity 1 under "
        "the company's incident classification', `severity-scheme-links` and "
        "`severity-scheme-nouns`) is that level. The Status is the document's (it may be "
        "named 'Report status' or "
        "'Write-up status'): an incident's state written there ('Resolved', 'Mitigated') "
        "does not make the document final, and the message says which words the field "
        "takes. A Status that says two things is read, and quoted, by its first ('Parked' of "
        "'Parked; waiting on the vendor'): the rest is a note, unless the first is the "
        "incident's state and the note names the write-up before its status ('Resolved "
        "(postmortem final)' is Final; `[status-notes]` in rules/vocabulary.toml). A date "
        "such as 03/10/2021 is ambiguous: both ISO readings are offered as unsafe fixes. A "
        "Duration written as the clock times it spans ('21:40-00:18 CEST', 'from about "
        "21:40 until 00:18') states the length; one time alone ('since 21:40') does not."
    ),
    bad="**Status**: done-ish\n**Severity**: very bad\n**Date**: last Tuesday",
    good="**Status**: In Review\n**Severity**: SEV2\n**Date**: 2025-03-14",
    fix="unsafe",
    severity_note=(
        "A Status or Severity outside the template's list is info until a template is "
        "configured (`template = ...`), since the allowed values are the template's, and a "
        "warning after; an unreadable or ambiguous date, an unreadable duration and broken "
        "front matter are warnings."
    ),
)
