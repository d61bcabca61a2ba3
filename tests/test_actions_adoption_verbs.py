"""PM301 on an item with two verbs where the first is concrete: "Publish one status page
for every depot and agree its use with the control room" is carried by "publish"; the verb
joined after it (agree, discuss, share, align …) tells how the change is adopted, not a
second piece of work left vague. Look-alikes that keep their finding: a vague first verb
("Improve … and agree …", "Review … and agree …") and a vague second task after a concrete
one ("… and look into …", "… and improve …"). Our own sentences, one table, one lint."""

from __future__ import annotations

from conftest import LintFn

CARRIED = [
    "Publish one status page for depot faults and agree its use with the control room",
    "Add a lag alert to the relay dashboard and discuss its threshold with operations",
    "Draft a passenger notice template and align it with the press office",
    "Add a points-heater alarm and share the dashboard link with the night crew",
]

STILL_VAGUE = [
    ("Rotate the depot signing key and look into the expiry warnings", "'look into'"),
    ("Fix the relay and improve monitoring", "'improve'"),
    ("Improve relay monitoring and agree it with operations", "'Improve'"),
    ("Review the relay firmware and agree on next steps", "'agree'"),
]


def test_a_concrete_first_verb_carries_the_item(lint_text: LintFn) -> None:
    items = CARRIED + [s for s, _ in STILL_VAGUE]
    rows = "".join(f"| {s} | Dana Lee | 2026-09-01 | P2 | DEP-{i} |\n" for i, s in enumerate(items))
    text = (
        "# Depot signalling outage\n\n## Action items\n\n"
        "| Action | Owner | Due | Priority | Ticket |\n|---|---|---|---|---|\n" + rows
    )
    diags = lint_text(text, select=["PM301"]).diagnostics
    found = {
        s: [d.message for d in diags if text.index(s) <= d.start < text.index(s) + len(s)]
        for s in items
    }
    assert {s: found[s] for s in CARRIED if found[s]} == {}
    for s, verb in STILL_VAGUE:
        [msg] = found[s]
        assert verb in msg, (s, msg)
