"""A date in brackets in an action item is read as its due date ("— @sam (Nov 20)"),
unless it dates an event: written right after words that say something happened then (a
past form: "the export we rolled back (Nov 3)"; an incident noun: "the outage (Nov 3)"),
or falling on or before the day the document dates its incident by (its Date field, else
its Published field). A date after that day still reads as the due date, and so does
any date after a due word ("(due Nov 2)", "by Nov 2")."""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack


def _due_missing(lint_text: LintFn, item: str, meta: str = "**Date**: 2026-11-03\n\n") -> bool:
    """Does PM303 say the item has no due date (the second item fills every field)?"""
    text = (
        f"# Relay outage\n\n{meta}## Summary\n\nThe relay queue stalled for 50 minutes.\n\n"
        f"## Action items\n\n- {item}\n"
        "- Add a CPU alert on the relays — @ana, due 2026-12-01, P1, OPS-1\n"
    )
    a = text.index(item)
    diags = lint_text(text, select=["PM303"]).diagnostics
    return any(a <= d.start < a + len(item) for d in diags)


@pytest.mark.parametrize(
    "item",
    [
        "Re-enable the export job we rolled back (Nov 3), @sam, P2",
        "Rotate the signing key that leaked (Nov 3), @sam, P2",
        "Restore the replica we failed over (Nov 2) to the old rack, @sam",
        "Add the lag alert that was missing during the outage (Nov 3), @sam, P2",
        "Close the gap the incident (Nov 3) showed in the relay drain, @sam",
        "Rebuild the index we found corrupted (2026-10-30), @sam",
        "Keep the cache warm after a restart like the one we ran (Oct 28), @sam",
    ],
)
def test_a_bracketed_date_after_an_event_is_no_due_date(lint_text: LintFn, item: str) -> None:
    assert _due_missing(lint_text, item)


@pytest.mark.parametrize(
    "item",
    [
        "Add a lag alert on the relay queue, @sam, P2 (Nov 3)",
        "Split the relay pool by tenant — @sam (Nov 1)",
        "Write a replay script for parked jobs (2026-11-02), @sam",
        "Document the relay drain steps, @sam (October 30, 2026)",
    ],
)
def test_a_bracketed_date_on_or_before_the_incident_is_no_due_date(
    lint_text: LintFn, item: str
) -> None:
    assert _due_missing(lint_text, item)
    # the publication day stands in when the document gives no incident date
    assert _due_missing(lint_text, item, "**Published**: 2026-11-10\n\n")


@pytest.mark.parametrize(
    "item",
    [
        "Add a lag alert on the relay queue, @sam, P2 (Nov 20)",
        "Split the relay pool by tenant — @sam (2026-12-04)",
        "Ship the relay fix, scheduled (Nov 20), @sam",
        "Rotate the relay key — @sam (due Nov 2)",
        "Rotate the relay key, @sam, by Nov 2",
        "Move the relay to the new rack — @sam (Jan 15)",  # next year's January
        "Add the lag alert we discussed after the outage — @sam (Nov 24)",
    ],
)
def test_a_bracketed_date_after_the_incident_is_the_due_date(lint_text: LintFn, item: str) -> None:
    assert not _due_missing(lint_text, item)


def test_without_a_document_date_a_bracketed_date_is_the_due_date(lint_text: LintFn) -> None:
    assert not _due_missing(lint_text, "Add a lag alert on the relay queue, @sam (Nov 3)", "")


def test_every_event_word_dates_an_event() -> None:
    """Each ``event-nouns`` and ``event-particles`` entry is read (own sentences)."""
    from pm_lsp.rules.actions.items import _words

    pack = builtin_pack()
    words = _words(pack)
    fields = pack.family("actions")["fields"]
    nouns = [str(w) for w in fields["event-nouns"]]
    particles = [str(w) for w in fields["event-particles"]]
    assert nouns and particles
    for noun in nouns:
        text = f"Add the check that the {noun} (Nov 3) lacked"
        assert words.happened_on(text, text.index("Nov")), noun
    for particle in particles:
        text = f"Undo the change we rolled {particle} (Nov 3)"
        assert words.happened_on(text, text.index("Nov")), particle
    for text in ("Add a lag alert (Nov 3)", "Ship it, planned (Nov 3)", "Add it (@sam, Nov 3)"):
        assert not words.happened_on(text, text.index("Nov")), text
