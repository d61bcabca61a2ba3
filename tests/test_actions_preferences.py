"""PM301 on preferences told to readers, the hedge quoted as written, and a bold item
whose fields follow it (act29, blind round 29).

"I'd rather you heard it from us" prefers how the readers learn something: no commitment,
however hedged "would" is. A preference about the writers' own work ("we would rather
move the exporter to its own queue") is still a hedged commitment, and its message quotes
the hedge with its subject ("We would rather"), never a bare contraction ("'d"). An item
whose bold text is followed only by its fields ("**Key the cache on …** - owner: …") is
judged on the bold text, and a finding's range lies there, not on "- owner:". Every
sentence is our own.
"""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack

_PROSE = (
    "# Ferry booking outage\n\n**Date**: 2025-03-04 · **Status**: Draft · **Severity**: "
    "SEV-3 · **Authors**: Rui Tan\n\n## Summary\n\nBookings failed for 35 minutes.\n\n"
    "## Lessons learned\n\n{sentence}\n\n## Action items\n\n"
    "- Add a booking error-rate alert at 2% (owner: @rui, due 2025-04-01, P2, FER-9)\n"
)


def _pm301(lint_text: LintFn, sentence: str) -> list[str]:
    text = _PROSE.format(sentence=sentence)
    a = text.index(sentence)
    return [
        d.message
        for d in lint_text(text, select=["PM301"]).diagnostics
        if a <= d.start < a + len(sentence)
    ]


PREFERENCES = [
    "This one stings, and honestly I'd rather you heard it from us than from a forum.",
    "We would sooner tell you the whole story now than have you piece it together later.",
    "We made this mistake, and we'd sooner you read about it here than on social media.",
    "I would much rather our riders learn about delays from the app than at the pier.",
    "Frankly, we'd rather you hear the bad news from us first.",
]


@pytest.mark.parametrize("sentence", PREFERENCES)
def test_a_preference_told_to_readers_is_no_commitment(lint_text: LintFn, sentence: str) -> None:
    assert _pm301(lint_text, sentence) == []


HEDGED = [
    # a contraction is quoted with its subject and adverb, never as a bare "'d"
    ("We promised a fix, and honestly I'd rather we split the exporter in two.", "I'd rather"),
    ("We promised a fix, and we'd move the seat map to its own database.", "we'd"),
    ("We promised a fix, and we'd sooner rebuild the fare cache than tune it.", "we'd sooner"),
    # a preference for the writers' own work is still hedged
    ("We would rather move the booking exporter to its own queue.", "would"),
    ("We could shard the booking table by route.", "could"),
    ("Next quarter we might add a second payment provider.", "might"),
]


@pytest.mark.parametrize(("sentence", "quoted"), HEDGED)
def test_a_hedged_commitment_quotes_its_hedge_as_written(
    lint_text: LintFn, sentence: str, quoted: str
) -> None:
    messages = _pm301(lint_text, sentence)
    assert messages == [
        f"Hedged commitment ('{quoted}'): say what will be done, by whom and how to tell it "
        "is finished"
    ]


def test_every_preference_adverb_has_a_sentence() -> None:
    words = builtin_pack().words("actions", "preference-adverbs")
    assert words
    for word in words:
        assert any(f" {word} " in s for s in PREFERENCES), word
        assert any(f" {word} " in s for s, _ in HEDGED), word


_ITEMS = (
    "# Ferry booking outage\n\n**Status**: Draft\n\n## Action items\n\n"
    "1. **{item}** - owner:\n   Rui T., due 2 May 2025, P1, FER-41.\n"
    "2. **Add a booking error-rate alert at 2%** - owner: Rui T., due 2 May 2025, P2, FER-42.\n"
)


@pytest.mark.parametrize(
    "item",
    [
        "Key the fare cache on route and sailing date",
        "Stage the booking-engine rollout by terminal",
        "Table the seat-map schema change until the audit is done",
        "Seed the staging fare tables from last week's snapshot",
    ],
)
def test_a_bold_item_before_its_fields_is_judged_on_its_text(lint_text: LintFn, item: str) -> None:
    text = _ITEMS.format(item=item)
    assert [d for d in lint_text(text, select=["PM301"]).diagnostics] == []


@pytest.mark.parametrize(
    ("item", "word"),
    [
        ("Improve fare caching", "Improve"),
        ("Ticket desk improvements", None),
    ],
)
def test_a_finding_on_a_bold_item_lies_on_its_text(
    lint_text: LintFn, item: str, word: str | None
) -> None:
    """Not on the "- owner:" after it (the range a blind-round writer saw)."""
    text = _ITEMS.format(item=item)
    a = text.index(item)
    found = lint_text(text, select=["PM301"]).diagnostics
    assert found, item
    for d in found:
        assert (d.start, d.end) == (a, a + len(item)), text[d.start : d.end]
