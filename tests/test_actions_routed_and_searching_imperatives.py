"""Imperatives whose first word is also a noun (PM301's "has no verb"), read as verbs by
what follows them. A plural object narrowed by a phrase and then sent on to a person or a
desk that takes work ("Route … for the EU shards to the payments on-call"), and a verb of
looking for something with "for" and a plural or modified object right after it ("Lint
for removed …", "Screen for duplicate …"). Look-alikes that keep "has no verb": a range
or an end point after the object, a determiner before the searched object, and a verb
word that is no search ("Budget for …"). Every item is our own; all of them are judged in
one lint."""

from __future__ import annotations

from conftest import LintFn

IMPERATIVES = [
    "Route checkout timeout alerts for the EU shards to the payments on-call",
    "Route parcel-scan failures from one depot to the hub supervisor",
    "Route pager alerts for the billing queue to the finance rota",
    "Route kiosk crash reports from the north stores to the retail desk as a ticket",
    "Lint for unused feature toggles before each release",
    "Lint for deprecated config keys in every merge request",
    "Screen for duplicate invoices before the monthly run",
    "Scan for leaked access tokens in the build logs",
]

NOUN_PHRASES = [
    "Route changes from March to June",
    "Stage delays from May to July",
    "Queue lengths from the edge to the core",
    "Stage results for the pilot to date",
    "Route costs for the EU shards to the end of Q3",
    "Gate delays at the north depot through the winter",
    "Lint for the monorepo",
    "Budget for relay hardware in Q3",
    "Route table cleanup in the EU region",
]


def _no_verb(lint_text: LintFn) -> dict[str, bool]:
    items = IMPERATIVES + NOUN_PHRASES
    text = "# Kiosk backlog\n\n## Action items\n\n" + "".join(f"- {i}\n" for i in items)
    diags = [d for d in lint_text(text, select=["PM301"]).diagnostics if "no verb" in d.message]
    found = {}
    for item in items:
        a = text.index(f"- {item}\n") + 2
        found[item] = any(a <= d.start < a + len(item) for d in diags)
    return found


def test_imperatives_read_by_what_follows_and_their_look_alikes(lint_text: LintFn) -> None:
    found = _no_verb(lint_text)
    assert [i for i in IMPERATIVES if found[i]] == []
    assert [i for i in NOUN_PHRASES if not found[i]] == []
