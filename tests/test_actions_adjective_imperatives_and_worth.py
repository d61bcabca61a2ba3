"""Four kinds of writing around action items, judged in one lint of one document.

An item opening with a word that is both an adjective and a verb of work ("Complete",
"Empty", "Free", "Correct") before a noun is an imperative when the phrase says how far or
how often the work goes: a whole set after a preposition other than "of" ("for every
courier"), a cadence after the noun ("weekly"), or a means with "by" and an -ing verb. It
has a verb (PM301 "has no verb" was wrong). Look-alikes keep the note: "Complete list of
...", "Secure storage of ...", "Complete coverage of all ..." (the set after "of").

A Lessons sentence whose subject is an -ing phrase and whose verb says what the activity is
worth ("Checking the totals matters, but ...") is a statement, not an open-ended action,
even where the small model reads "matters" as a plural noun. An -ing fragment with no such
verb ("Checking the balances with the bank every night.") is still judged, and so is an
item "Reviewing alert counts" ("counts" is no verb of worth).

A noun-phrase item with an owner, a ticket or a due date whose head carries a clause telling
when it acts or what it does ("Hourly alert when ...", "..., paging on any gap") names its
end state: no "has no verb" note. A bare noun phrase or one with a purpose in "to" keeps it,
tracked or not.

A table row whose every cell is empty or a dash is no item: no PM302-PM305 on it. A row
with a word in any cell is still an item missing its fields. Every sentence is our own."""

from __future__ import annotations

import pytest
from conftest import LintFn

#: items opening with an adjective-verb that the phrase shows to be an imperative
ADJECTIVE_IMPERATIVES = [
    "Complete fingerprint registration for all depot couriers before 30 June",
    "Complete badge migration for every contractor at the sorting hub",
    "Free disk space on the log hosts by rotating archives daily",
    "Empty trash folders on the shared drives weekly",
    "Correct invalid timestamps in all ledger rows",
    "Empty dead-letter queues by replaying them into the main topic",
    "Clear stale locks on all shards nightly",
]
#: noun phrases opened by the same words: they keep "has no verb"
ADJECTIVE_NOUN_PHRASES = [
    "Complete list of affected tenants",
    "Secure storage of the signing keys in the HSM",
    "Complete coverage of all payment paths",
    "Empty responses from the pricing cache",
    "Free tier limits for new accounts",
]
#: Lessons sentences with an -ing subject and a verb of worth: statements
WORTH_STATEMENTS = [
    "Checking the courier totals matters, but the deeper lesson is to compare them with "
    "the bank every night.",
    "Assessing supplier risk matters, and we now do it for every new supplier.",
    "Auditing cache keys helps, yet it would not have caught a stale price list.",
    "Guarding against replayed refunds matters more than adding retries.",
    "Reviewing the courier dashboards matters.",
]
#: -ing lessons that are still judged: a fragment with no verb of worth
WORTH_LOOKALIKES = [
    "Checking the courier balances with the bank every night.",
    "Improving monitoring of the depot ledger.",
]
#: tracked noun-phrase items that name when they act or what they do
TRIGGERED = [
    "Hourly alert when a depot's open parcel count exceeds its shelf capacity",
    "Nightly comparison of parcel scans with the carrier manifest, paging on any gap",
    "Automatic pause of the label printer when the ribbon sensor reports a fault",
]
#: tracked noun-phrase items that still have no verb
UNTRIGGERED = [
    "Depot metrics and alerts",
    "Production-scale load testing to catch slow label renders",
]
_BLANK_ROW = "| 9 | — | — | — | — | — |"
_DASHED_ITEM = "| 10 | Add a scan-gap alert for the hub | — | — | — | — |"


def _document() -> str:
    rows = [
        *ADJECTIVE_IMPERATIVES,
        *ADJECTIVE_NOUN_PHRASES,
        *TRIGGERED,
        *UNTRIGGERED,
        "Reviewing alert counts",
    ]
    return (
        "# Parcel hub outage\n\n**Status:** Final\n\n## Summary\n\nThe parcel hub's label "
        "printers stopped for 50 minutes on 2026-05-04; 3,100 parcels waited.\n\n"
        "## Action items\n\n| # | Item | Owner | Due | Priority | Ticket |\n"
        "|---|---|---|---|---|---|\n"
        + "".join(
            f"| {n} | {t} | Noor Haddad | 2026-07-01 | P2 | HUB-{n} |\n"
            for n, t in enumerate(rows, start=11)
        )
        + f"{_BLANK_ROW}\n{_DASHED_ITEM}\n"
        + "| 8 |  |  |  |  |  |\n"
        + "\n## Lessons learned\n\n"
        + "\n\n".join([*WORTH_STATEMENTS, *WORTH_LOOKALIKES])
        + "\n"
    )


#: the document and its findings: code, start, end, message
Linted = tuple[str, list[tuple[str, int, int, str]]]


@pytest.fixture(scope="module")
def linted(lint_text: LintFn) -> Linted:
    text = _document()
    codes = ["PM301", "PM302", "PM303", "PM304", "PM305"]
    diags = lint_text(text, select=codes).diagnostics
    return text, [(d.code, d.start, d.end, d.message) for d in diags]


def _found(linted: Linted, part: str) -> list[tuple[str, int, int, str]]:
    text, diags = linted
    a = text.index(part)
    return [d for d in diags if a <= d[1] < a + len(part)]


def _no_verb(linted: Linted, part: str) -> bool:
    return any(d[0] == "PM301" and "no verb" in d[3] for d in _found(linted, part))


@pytest.mark.parametrize("item", ADJECTIVE_IMPERATIVES)
def test_an_adjective_verb_with_scope_opens_an_imperative(linted: Linted, item: str) -> None:
    assert _found(linted, item) == []


@pytest.mark.parametrize("item", ADJECTIVE_NOUN_PHRASES)
def test_an_adjective_before_its_noun_keeps_no_verb(linted: Linted, item: str) -> None:
    text, _ = linted
    (hit,) = [d for d in _found(linted, item) if d[0] == "PM301"]
    assert "no verb" in hit[3]
    assert text[hit[1] : hit[2]] == item  # the whole cell, exactly


@pytest.mark.parametrize("sentence", WORTH_STATEMENTS)
def test_an_activity_said_to_matter_is_a_statement(linted: Linted, sentence: str) -> None:
    assert _found(linted, sentence) == []


@pytest.mark.parametrize("sentence", [*WORTH_LOOKALIKES, "Reviewing alert counts"])
def test_an_ing_item_without_a_verb_of_worth_is_judged(linted: Linted, sentence: str) -> None:
    assert any(d[0] == "PM301" for d in _found(linted, sentence))


@pytest.mark.parametrize("item", TRIGGERED)
def test_a_tracked_noun_phrase_with_its_trigger_has_no_note(linted: Linted, item: str) -> None:
    assert _found(linted, item) == []


@pytest.mark.parametrize("item", UNTRIGGERED)
def test_a_tracked_bare_noun_phrase_keeps_its_note(linted: Linted, item: str) -> None:
    assert _no_verb(linted, item)


def test_a_row_of_dashes_is_no_item(linted: Linted) -> None:
    assert _found(linted, _BLANK_ROW) == []
    assert _found(linted, "| 8 |  |") == []


def test_a_row_with_its_work_written_still_misses_its_fields(linted: Linted) -> None:
    text, _ = linted
    hits = _found(linted, _DASHED_ITEM)
    assert sorted(d[0] for d in hits) == ["PM302", "PM303", "PM304", "PM305"]
    row = text.index(_DASHED_ITEM)
    owner = row + _DASHED_ITEM.index("| —") + 2
    (pm302,) = [d for d in hits if d[0] == "PM302"]
    assert (pm302[1], pm302[2]) == (owner, owner + 1)  # the owner's dash
