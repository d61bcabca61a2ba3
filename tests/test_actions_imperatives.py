"""Imperatives the small model reads as nouns at the start of an item: a verb in its base
form that the tagger marks as a verb but the parse hangs in a noun phrase ("Exercise the
relay failover …" works, "Exercise relay failover quarterly …" is parsed as a compound),
and a verb with a hyphenated prefix that no word list knows ("Pre-print", "Pre-stage").
They have a verb. Look-alikes that keep "has no verb" (PM301): a true noun phrase that
opens with a word that is also a verb ("Exercise schedule for Q3", "Print queue
monitoring"), a prefixed noun ("Re-design of the relay API", "Pre-production hosts for
the relays")."""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.nlp.pipeline import NLP
from pm_lsp.policy.rulepack import builtin_pack
from pm_lsp.rules.actions.checks import _imperative_sending_object
from pm_lsp.rules.actions.lexicon import lexicon


def _no_verb(lint_text: LintFn, item: str) -> bool:
    text = (
        f"# Relay backlog\n\n## Action items\n\n- {item}\n"
        "- Add a CPU alert on the relays (@ana, due 2026-12-01, P1, OPS-1)\n"
    )
    a = text.index(item)
    diags = lint_text(text, select=["PM301"]).diagnostics
    return any(a <= d.start < a + len(item) and "no verb" in d.message for d in diags)


@pytest.mark.parametrize(
    "item",
    [
        "Exercise relay failover quarterly and send the result to the review board",
        "Pre-print 200 relay rack labels and keep them in the cage",
        "Pre-stage spare relay disks in each rack",
        "Re-run the relay reconciliation for every shard",
        "De-duplicate relay webhook deliveries in the consumer",
        # the second imperative joined low in the phrase the first word was hung in
        "Display ledger batch windows on the ops calendar and block cluster maintenance "
        "that overlaps them without a Finance approval",
        "Display billing run windows on the release calendar and block storage "
        "maintenance during them",
    ],
)
def test_an_imperative_read_as_a_noun_has_a_verb(lint_text: LintFn, item: str) -> None:
    assert not _no_verb(lint_text, item)


#: imperatives whose first word is also a noun, with a plural object and a preposition that
#: sends it somewhere (``imperative-complements``); one sentence per preposition
SENDING = [
    "Route relay heartbeat failures into the storage team queue",
    "Gate relay schema changes behind the dry-run job",
    "Mirror relay ledger writes into the standby region",
    "Stage relay config pushes through the canary ring",
    "Fence relay writes onto the new primary only",
    "Queue relay refund requests via the retry topic",
    "Shard relay customer tables across four database nodes",
    "Rate-limit partner relay webhooks through the API gateway",
    "Rate-limit relay login attempts to ten a minute per account",
    # "per" hands the object to each holder
    "Partition relay job queues per tenant",
    "Key relay replay caches per region, with a 6 h expiry",
    "Bucket relay audit logs per customer account",
    # a verb the lemmatizer's index lacks (``unindexed-verbs``)
    "Scope relay publish tokens per package; tokens expire after a day",
    "Namespace relay metrics per team",
]


@pytest.mark.parametrize("item", SENDING)
def test_an_imperative_sending_its_object_has_a_verb(lint_text: LintFn, item: str) -> None:
    assert not _no_verb(lint_text, item)


def test_every_sending_preposition_has_a_sentence() -> None:
    words = builtin_pack().words("actions", "imperative-complements")
    assert words
    for word in words:
        assert any(f" {word} " in s for s in SENDING), word


@pytest.mark.parametrize(
    "item",
    [
        # a singular head, or a preposition that sends nothing anywhere
        "Queue depth on the relays",
        "Route table cleanup in the EU region",
        "Fence posts for the relay cage",
        "Rate limit on the relay login endpoint",
        "Stage timing into the relay canary",
        # a rate: "per" and a period (``rate-periods``) measure, they send nothing
        "Message counts per hour on the relay console",
        "Signup totals per week for the relay console",
        "Order totals per month for the relay console",
        # an unindexed verb word used as the noun it also is
        "Scope of the relay audit",
        "Scope creep on the relay project",
    ],
)
def test_a_noun_phrase_with_a_verb_word_and_a_preposition(lint_text: LintFn, item: str) -> None:
    assert _no_verb(lint_text, item)


@pytest.mark.parametrize(
    "item",
    [
        "Exercise schedule for Q3",
        "Print queue monitoring",
        "Re-design of the relay API",
        "Pre-production hosts for the relays",
        "Display fonts on the status page and footer",
    ],
)
def test_a_noun_phrase_that_opens_with_a_verb_word(lint_text: LintFn, item: str) -> None:
    assert _no_verb(lint_text, item)


def test_every_rate_period_keeps_a_noun_phrase(nlp: NLP) -> None:
    lex = lexicon(builtin_pack())
    assert lex.rate_periods
    for period in sorted(lex.rate_periods):
        doc = nlp.parse(f"Partition relay job queues per {period} on the relay console")
        assert _imperative_sending_object(list(doc), lex) is None, period
    doc = nlp.parse("Partition relay job queues per tenant on the relay console")
    assert _imperative_sending_object(list(doc), lex) is not None


def test_every_unindexed_verb_has_a_sentence() -> None:
    words = builtin_pack().words("actions", "unindexed-verbs")
    assert words
    for word in words:
        assert any(s.lower().startswith(f"{word} ") for s in SENDING), word


#: act29: imperatives whose first word is also a noun, told by a clause after the object
#: that puts the work off to a time or a condition (``imperative-clause-marks``); one
#: sentence per mark (the first four had "no verb" before)
DEFERRED = [
    "Table kiosk schema changes until the audit closes",
    "Queue kiosk refunds unless the card network responds",
    "Buffer kiosk scan events while the uplink is down",
    "Key kiosk sessions until the cookie expires",
    "Park printer firmware upgrades till the depot has reopened",
    "Freeze kiosk menu edits before the holiday rush begins",
    "Batch kiosk receipt uploads after the store closes",
    "Cache kiosk price lookups once the catalogue syncs",
    "Page kiosk support whenever the drawer sensor trips",
]


@pytest.mark.parametrize("item", DEFERRED)
def test_an_imperative_deferred_by_a_clause_has_a_verb(lint_text: LintFn, item: str) -> None:
    assert not _no_verb(lint_text, item)


@pytest.mark.parametrize(
    "item",
    [
        # no clause with a verb of its own after the mark, or no mark at all
        "Queue depth until the drain",
        "Key metrics before the launch",
        "Stage gates for the release train",
        "Table layout of the audit log",
    ],
)
def test_a_noun_phrase_with_a_time_word_keeps_no_verb(lint_text: LintFn, item: str) -> None:
    assert _no_verb(lint_text, item)


def test_every_clause_mark_has_a_sentence() -> None:
    words = builtin_pack().words("actions", "imperative-clause-marks")
    assert words
    for word in words:
        assert any(f" {word} " in s for s in DEFERRED), word


#: imperatives whose first word the tagger reads as a noun, told by the amount that follows:
#: a number and a plural noun, or an adjective of amount (``quantity-adjectives``)
COUNTED = [
    "Stock 40 spare relay fans in each regional cage",
    "Budget two more relay engineers for the holiday rota",
    "Staff 3 operators on the relay night desk from March",
    "Pilot 2 relay regions on the new failover path first",
    "Schedule four relay restore drills a year",
    "Document 3 relay recovery paths in the runbook",
    "Map twelve relay dependencies onto the service catalogue",
    "Label 250 relay cables in the east hall",
    "Tag 30 relay dashboards with their owning team",
    "Survey 20 relay on-call engineers about paging noise",
    "Budget extra relay capacity for the January peak",
    "Stock additional relay power supplies at the depot",
    "Staff enough relay operators to cover both desks overnight",
    "Cache sufficient relay routes on each edge node",
]


@pytest.mark.parametrize("item", COUNTED)
def test_an_imperative_counting_its_object_has_a_verb(lint_text: LintFn, item: str) -> None:
    assert not _no_verb(lint_text, item)


def test_every_quantity_adjective_has_a_sentence() -> None:
    words = builtin_pack().words("actions", "quantity-adjectives")
    assert words
    for word in words:
        assert any(f" {word} " in s for s in COUNTED), word


@pytest.mark.parametrize(
    "item",
    [
        # no amount: the verb word names the thing ("stock" the goods, "budget" the money)
        "Stock levels at the relay depots",
        "Budget for relay hardware in Q3",
        "Staff turnover on the relay desk",
        # a number that names (``numbered-labels``), a year, one thing
        "Phase 2 relay tests on the new hardware",
        "Stage 3 results from the relay pilot",
        "Level 2 engineers on the relay rota",
        "Budget 2025 review for the relays",
        "Staff 1 desk at the relay hub",
    ],
)
def test_a_noun_phrase_with_a_verb_word_and_no_amount(lint_text: LintFn, item: str) -> None:
    assert _no_verb(lint_text, item)


#: act43: an object arranged by a key ("by ..."), then a clause of purpose or time with its
#: own verb: the first word is the imperative, however the tagger read it
ARRANGED = [
    "Group relay batches by destination so a slow provider cannot stall the others",
    "Bucket relay refunds by merchant so one large merchant cannot delay the rest",
    "Stage relay rollouts by cluster until the canary has run for a full day",
]


@pytest.mark.parametrize("item", ARRANGED)
def test_an_object_arranged_for_a_purpose_has_a_verb(lint_text: LintFn, item: str) -> None:
    assert not _no_verb(lint_text, item)


@pytest.mark.parametrize(
    "item",
    ["Error budgets by relay service", "Group policies by relay team"],
)
def test_a_breakdown_by_a_key_without_a_clause_has_no_verb(lint_text: LintFn, item: str) -> None:
    assert _no_verb(lint_text, item)


@pytest.mark.parametrize(
    "item",
    [
        # a compound verb written with a hyphen, its object opened by a determiner
        "Load-test every relay release at twice the peak rate",
        "Smoke-test the relay exporter after each deploy",
        "Spot-check a sample of relay acks every Monday",
        "Back-fill the missing relay receipts from the ledger",
        "Stress-test our relay pool against a 3x burst",
        # a verb the tagger reads as an adjective, though English has no such adjective
        "Refresh staging relay fixtures from production: by region, monthly",
        "Rebuild relay test fixtures from last week's traffic",
    ],
)
def test_a_compound_or_adjective_read_imperative_has_a_verb(lint_text: LintFn, item: str) -> None:
    assert not _no_verb(lint_text, item)


@pytest.mark.parametrize(
    "item",
    [
        "Load-test results for the relay pool",  # no determiner after the compound
        "Fresh fixtures for the relay tests",  # an adjective that is one
    ],
)
def test_a_compound_noun_or_a_real_adjective_keeps_no_verb(lint_text: LintFn, item: str) -> None:
    assert _no_verb(lint_text, item)
