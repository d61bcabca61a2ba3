"""The declarations of the rules about impact (PM401-PM403).

Each :class:`RuleSpec` is the one place its rule is described: ``--explain``, hover, SARIF
metadata and ``docs/rules.md`` render it, the configuration checks options against it, and
code that needs a rule's code or facts names the rule through it instead of a string.
"""

from __future__ import annotations

from pm_lsp.rules.spec import RuleSpec, Severity

vague_impact = RuleSpec(
    code="PM401",
    name="vague-impact",
    category="impact",
    severity=Severity.WARNING,
    summary="Impact without an amount: a vague quantifier where a number belongs ('many "
    "users', 'several epochs', 'close to no builds', 'for a while'), or an impact statement "
    "that no number, share, duration or window bounds.",
    rationale=(
        "PagerDuty asks for exact numbers, and the Google SRE workbook says a well-informed "
        "estimate beats no data at all: 'if you don't know how to measure it, then you can't "
        "know it's fixed'. The rule reads the parse, not the word: a quantifier counts only "
        "when it is attached to people, requests, services, units of the domain (blocks, "
        "epochs, validators, tests), money or time ('some customers', 'several hours'), so "
        "'some of the retries succeeded' stays clean, and the suggestion follows the noun: "
        "a count for individuals, a share for a mass, a duration for time, a figure for "
        "money. An impact statement (something affected and an effect on it: 'Users could "
        "not log in', 'The API was unavailable', 'Every nightly job didn't run') is found "
        "wherever it is written and is quantified by a number, a share, a duration, a "
        "bounded window ('from 14:03 to 14:50', 'until 12:15') or an explicit zero ('no "
        "funds were lost', 'X remained functional') in the sentence or the one next to it; "
        "a time of day or a date alone is a point, not an amount. No claim is read in what "
        "others are quoted as saying (a clause in double quotes that a verb of saying gives "
        "to someone other than the writers, outside the Impact and Summary), in how people "
        "found out ('the drivers noticed when the app showed old routes'), in a sentence "
        "that points to a table or list of figures right below it, or in a fault located "
        "and its mechanism told ('the gap was in the gateway: it dropped new sessions')."
    ),
    bad="Many users could not check out for a while.",
    good="4,120 users (12% of active sessions) could not check out from 14:03 to 14:50 UTC.",
    question="How many, out of how many, and for how long?",
    uses_nlp=True,
    severity_note=(
        "Set by where the finding stands, not by the phrase: a warning for a vague "
        "quantifier where the impact is stated (the Impact or Summary section, a heading "
        "naming the impact in plain words, an impact paragraph or an 'Impact:' label); "
        "info for the same phrase elsewhere (a timeline, a root cause, a lesson) and for "
        "an impact statement that names no amount at all."
    ),
)


impact_without_numbers = RuleSpec(
    code="PM402",
    name="impact-without-numbers",
    category="impact",
    severity=Severity.WARNING,
    summary="The Impact section (or, without one, the Summary's impact paragraph) states no "
    "quantity at all.",
    rationale=(
        "An impact statement with no number cannot be compared with the next incident or "
        "checked against the SLO. Give counts (users, requests, orders), shares ('31% of "
        "checkouts'), durations, money or support tickets: the guides ask for exact numbers "
        "internally and accept estimates with error bars. 'No customer was affected' is a "
        "quantity too."
    ),
    bad="## Impact\n\nCheckout was degraded and customers were unhappy.",
    good="## Impact\n\n18,420 checkouts (31%) failed between 14:03 and 14:50 UTC; 96 support "
    "tickets.",
    question="What can be counted: users, requests, orders, minutes, money, tickets?",
    uses_nlp=True,
)


missing_data_loss = RuleSpec(
    code="PM403",
    name="missing-data-loss-statement",
    category="impact",
    severity=Severity.INFO,
    summary=(
        "The postmortem never says whether anything (data, records, orders, payments) was "
        "lost for good."
    ),
    rationale=(
        "Data loss of any kind is one of the Google SRE book's postmortem triggers, and it "
        "is the first thing a customer or auditor asks. Readers cannot tell 'no data was "
        "lost' from 'nobody checked'. One explicit sentence settles it: 'No data was lost', "
        "or how many records were lost and whether they were recovered."
    ),
    bad="## Impact\n\n2,310 merchants received webhooks up to 41 minutes late.",
    good="## Impact\n\n2,310 merchants received webhooks up to 41 minutes late. No data was lost.",
    question=(
        "Was anything (data, records, orders, payments) lost for good, corrupted or "
        "duplicated, and how do we know?"
    ),
    anchor="document",
)
