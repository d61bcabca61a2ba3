"""Blame told without the usual trigger words: a party's not knowing asked with disbelief
("was the courier really unaware that ...?"), a change asked about with "who" at a time held
against it ("who upgrades every router on a Friday night?"), a duty mocked as optional in
the writers' own team, a check called too easy to miss ("isn't exactly rocket science"),
and a team called a squad given as the cause. Their look-alikes stay clean: a question
without disbelief, a thing's, answered next or listed under a heading of questions; a day
planned for or a rota; a setting that is optional; a fix called easy. Each group is one
document, one lint; a statement follows every question, so that none is read as one of a
list of questions. Every sentence here is written for this file."""

from __future__ import annotations

from conftest import LintFn, findings_by_paragraph

_FILLER = "The yard scanners were back at 06:40."

#: (sentence, "CODE span" it must give)
_FOUND = [
    (
        "Was the weekend auditor really unaware that the retention job covered the backups?",
        "PM104 Was the weekend auditor really unaware",
    ),
    (
        "Were the approvers seriously not aware that the toggle was already live?",
        "PM104 Were the approvers seriously not aware",
    ),
    (
        "Did Bogdan honestly not know that the sweeper ran every ten minutes?",
        "PM104 Did Bogdan honestly not know",
    ),
    (
        "Who upgrades every edge router at once on a Friday night?",
        "PM104 Who upgrades",
    ),
    ("Who rotates the signing keys over a holiday weekend?", "PM104 Who rotates"),
    ("Who pushes a schema change straight to production in 2025?", "PM104 Who pushes"),
    ("Who merges an untested migration these days?", "PM104 Who merges"),
    ("Who deploys a schema change on a Sunday night nowadays?", "PM104 Who deploys"),
    (
        "Apparently reconciling the ledgers is optional on this team.",
        "PM106 Apparently reconciling the ledgers is optional on this team",
    ),
    (
        "Evidently, reading the shift log is optional around here.",
        "PM106 Evidently, reading the shift log is optional around here",
    ),
    (
        "Comparing the two hostnames isn't exactly rocket science.",
        "PM106 Comparing the two hostnames isn't exactly rocket science",
    ),
    (
        "It was not brain surgery to verify the port before cutting over.",
        "PM106 It was not brain surgery to verify the port before cutting over",
    ),
    (
        "Checkout failed because the ledger squad released the rounding change untested.",
        "PM101 the ledger squad released",
    ),
]

_CLEAN = [
    "Was the night analyst aware of the purge rule?",
    "Was the archive really covered by the purge rule, or was the tag wrong?",
    "Did the sweeper really not run, or did it run and log nothing?",
    "Did the monitor really not know that the host had gone?",
    "Who upgrades the edge routers on Friday, the network lead or the vendor?",
    "Who covers the pager on weekends?",
    "Who handles pages on a weekend when the primary is away?",
    "Who is on call over the holiday weekend?",
    "Apparently the optional field was left blank by the importer.",
    "Apparently caching is optional in our client library.",
    "Apparently filling in the survey is optional for the support team.",
    "Skimming vendor changelogs is optional in our present runbook; we are making it required.",
    "Adding a bounds check to the parser is not rocket science.",
    "It is not rocket science to add a guard, and the ticket for it is open.",
    "Checking the expiry date is not rocket science, so the renewal job now does it.",
    "The ledger squad's queue filled up after the consumer lost its lease.",
    "Checkout recovered because the ledger squad rolled back within minutes.",
    "The squad rotation changed on Monday.",
]

#: asked and answered, or listed as open under a heading of questions
_ANSWERED = [
    "Who approves a firmware rollout on a Friday? The release manager, once the board signs it.",
    "Was the clerk really unaware that the limit applied? Yes: the handbook left it out.",
]
_LISTED = [
    "Who approves a firmware rollout on a Friday?",
    "Was the clerk really unaware that the retention job covered the backups?",
]


def _spaced(sentences: list[str]) -> list[str]:
    """Each sentence followed by a statement paragraph of its own."""
    return [p for s in sentences for p in (s, _FILLER)]


def test_blame_without_trigger_words_is_found(lint_text: LintFn) -> None:
    found = findings_by_paragraph(lint_text, [("Analysis", _spaced([s for s, _ in _FOUND]))])
    for sentence, finding in _FOUND:
        assert finding in found[sentence], (sentence, found[sentence])


def test_look_alikes_stay_clean(lint_text: LintFn) -> None:
    found = findings_by_paragraph(
        lint_text,
        [
            ("Analysis", _spaced(_CLEAN + _ANSWERED)),
            ("Open questions", _spaced(_LISTED)),
            ("Timeline", ['09:12 Ravi asked in the channel, "Who upgrades a router on a Friday?"']),
        ],
    )
    assert {s: f for s, f in found.items() if f and s != _FILLER} == {}
