"""PM301 on two kinds of prose that are no untracked plan.

What was impossible: a hedging modal whose subject denies that anyone or anything did it
("no new orders could be placed", "nothing could be written to the journal", "no one could
be paged") tells the incident, whatever the parse makes of the clause before it. Look-alikes
that stay hedged: a thing that "could be added" with a plain subject, the writers' "we
could add …".

A plan handed to a listed item by its id ("… as part of A2", "under action 4", "(tracked
in AI-3)") is that item's work, tracked with it. Look-alikes that keep their finding: the
same plan with no id, an id after "besides", a quarter ("in Q3"), a number of weeks, and a
people-fixing phrase (PM306 is about what is asked, not where it is tracked).

One lint per group: every sentence is its own paragraph in one document. Our own sentences.
"""

from __future__ import annotations

from conftest import LintFn

_HEAD = (
    "# Tram depot signalling outage\n\n## Summary\n\n"
    "Depot signalling was down from 07:10 to 08:05 UTC; 31 trams left late.\n\n"
)

DENIED = [
    "Relaymaster keeps its routes in one file, so no new routes could be loaded.",
    "Gatekeeper keeps its leases in one table, so no new leases could be created.",
    "No new tickets could be opened while the database was read-only.",
    "Nothing could be added to the queue until the disk was cleared.",
    "None of the orders could be created after the lock was taken.",
    "Not a single new booking could be created that morning.",
    "No one could be paged, because the rota was empty.",
]

STILL_HEDGED = [
    "New replicas could be added to the pool.",
    "We could add a second relay to each depot.",
]

HANDED_OVER = [
    "We will review the other depot controllers for the same fault as part of A1.",
    "We will look into the relay firmware under AI-2.",
    "We will also audit the spare relays (tracked in action 3).",
    "We will review the points heaters together with action 4.",
]

NOT_HANDED_OVER = [
    ("We will review the other depot controllers for the same fault.", "'review'"),
    ("We will review the relay firmware in Q3.", "'review'"),
    ("Besides A2, we should improve monitoring.", "'improve'"),
    ("We will look into the relay firmware in 2 weeks.", "'look into'"),
]


def _findings(lint_text: LintFn, section: str, sentences: list[str]) -> dict[str, list[str]]:
    """Each sentence's PM301/PM306 messages, linted as paragraphs of one ``section``."""
    text = _HEAD + f"## {section}\n\n" + "\n\n".join(sentences) + "\n"
    diags = lint_text(text, select=["PM301", "PM306"]).diagnostics
    found: dict[str, list[str]] = {}
    for s in sentences:
        a = text.index(s)
        found[s] = [f"{d.code} {d.message}" for d in diags if a <= d.start < a + len(s)]
    return found


def test_a_denied_subject_tells_what_was_impossible(lint_text: LintFn) -> None:
    for section in ("Root cause", "Lessons learned"):
        found = _findings(lint_text, section, DENIED + STILL_HEDGED)
        assert {s: m for s, m in found.items() if s in DENIED and m} == {}, section
        for s in STILL_HEDGED:
            [msg] = found[s]
            assert msg.startswith("PM301 Hedged commitment ('could')"), (section, msg)


def test_a_plan_handed_to_a_listed_item_is_tracked_there(lint_text: LintFn) -> None:
    lines = HANDED_OVER + [s for s, _ in NOT_HANDED_OVER]
    lines.append("We should be more careful with relay firmware as part of A2.")
    found = _findings(lint_text, "Lessons learned", lines)
    assert {s: found[s] for s in HANDED_OVER if found[s]} == {}
    for s, verb in NOT_HANDED_OVER:
        [msg] = found[s]
        assert msg.startswith("PM301") and verb in msg, (s, msg)
    [careful] = found[lines[-1]]
    assert careful.startswith("PM306") and "be more careful" in careful
