"""The declarations of the rules about readability (PM601-PM603).

Each :class:`RuleSpec` is the one place its rule is described: ``--explain``, hover, SARIF
metadata and ``docs/rules.md`` render it, the configuration checks options against it, and
code that needs a rule's code or facts names the rule through it instead of a string.
"""

from __future__ import annotations

from pm_lsp.rules.spec import OptionSpec, RuleSpec, Severity

long_sentence = RuleSpec(
    code="PM601",
    name="long-sentence",
    category="readability",
    severity=Severity.INFO,
    summary="A sentence longer than the configured number of words (default 35).",
    rationale=(
        "Long sentences in a postmortem usually chain several events or causes with 'and' "
        "and 'which', and readers lose which clause explains which. One fact or one causal "
        "step per sentence keeps the analysis checkable. Plain-language guides put the "
        "comfortable average near 15-20 words; 35 flags only the outliers."
    ),
    bad=(
        "The worker acknowledged messages before processing them and the retry policy had "
        "changed in the same release so when the mail provider slowed down every thread "
        "kept retrying the same message and none was free for new work, which grew the "
        "queue until the alert fired."
    ),
    good=(
        "The worker acknowledged messages before processing them. In the same release the "
        "retry policy changed to retry forever. When the mail provider slowed down, every "
        "thread kept retrying, and the queue grew until the alert fired."
    ),
    question="Can this be two sentences, one fact each?",
    options={"max-words": OptionSpec("int", 35, "longest sentence accepted, in words", minimum=1)},
)


hard_to_read = RuleSpec(
    code="PM602",
    name="hard-to-read",
    category="readability",
    severity=Severity.INFO,
    summary="A paragraph whose Flesch-Kincaid grade is above the configured ceiling (default 14).",
    rationale=(
        "Postmortems are read by other teams, managers and sometimes customers. A grade "
        "above 14 (university level) means long sentences full of long words: split "
        "sentences, prefer the short word, and define jargon once. Paragraphs shorter than "
        "three sentences or 40 words are not judged: their grade is noise."
    ),
    bad=(
        "Notwithstanding comprehensive preliminary verification, the asynchronous "
        "acknowledgement modification fundamentally invalidated idempotency assumptions "
        "underpinning downstream reconciliation infrastructure. Consequently, intermittent "
        "unavailability of the notification intermediary precipitated cascading "
        "resource exhaustion throughout the consumption tier. Operational visibility "
        "regarding thread utilisation characteristics was correspondingly insufficient."
    ),
    good=(
        "The new worker acknowledged each message before it was processed. That broke an "
        "assumption the reconciliation job relies on. When the mail provider slowed down, "
        "every worker thread got stuck retrying. Our dashboards did not show busy threads, "
        "so we could not see this."
    ),
    question="Would someone from another team follow this paragraph on first reading?",
    options={
        "max-grade": OptionSpec("float", 14.0, "highest Flesch-Kincaid grade accepted"),
        "min-words": OptionSpec("int", 40, "paragraphs with fewer words are not judged", minimum=0),
        "min-sentences": OptionSpec(
            "int", 3, "paragraphs with fewer sentences are not judged", minimum=0
        ),
    },
)


undefined_acronym = RuleSpec(
    code="PM603",
    name="undefined-acronym",
    category="readability",
    severity=Severity.INFO,
    summary=(
        "An acronym that the postmortem does not spell out by its first use (never, or "
        "only further down)."
    ),
    rationale=(
        "Postmortems are read long after the incident by people who were not there: other "
        "teams, managers, new hires. An unexplained acronym is where such a reader stops. "
        "Spell it out once, at first use ('Border Gateway Protocol (BGP)') or in a glossary, "
        "and use the short form after that; spelled out only further down, it comes too "
        "late for the reader who met it first. A glossary or a footnote counts wherever it "
        "stands: a definition in any form under a heading such as 'Glossary', 'Terms' or "
        "'Abbreviations' ('WAL = write-ahead log', 'Log sequence number (LSN): ...'), or a "
        "row of a glossary table; the same definition under another heading after the "
        "first use is 'defined later'. A first use may be a table's row label ('DAU' in a "
        "metrics table) or the initials of an equipment tag ('UPS' of 'UPS-2B'; a ticket "
        "key or error code such as 'OPS-88' is neither). Acronyms every engineer knows "
        "(HTTP, DNS, UTC, CI, ...) are never reported, nor those that everyday English uses "
        "as the word itself, which any reader says without thinking of its letters (TV, PC, "
        "PIN, ATM, GPS, ICU, ...); initials known only inside a trade (RTU, BGP) are. "
        "Add your team's own with the `known` option."
    ),
    bad="## Root Cause\n\nThe IGW route table lost its default route during the change.",
    good="## Root Cause\n\nThe internet gateway (IGW) route table lost its default route "
    "during the change.",
    question="Would a reader from another team know what this stands for?",
    options={
        "known": OptionSpec("list[str]", [], "more acronyms your readers know (never reported)"),
    },
)
