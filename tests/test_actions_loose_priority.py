"""A priority written as a key and its level with no colon, as a field of its own among
an item's fields ("…, priority high, ticket …", "(prio p2)", "— priority medium"), is the
item's priority, as "Priority: high" is. Look-alikes: an action about a priority
("Set the relay queue priority high for batch jobs", "Give the export priority over
reads"), where the words are the work, not a field."""

from __future__ import annotations

import pytest
from conftest import LintFn


def _codes(lint_text: LintFn, item: str) -> set[str]:
    """The PM305 codes the item gets (the second item has every field)."""
    text = (
        f"# Relay backlog\n\n## Action items\n\n1. {item}\n"
        "2. Add a CPU alert on the relays. Owner: @ana, due 2026-12-01, P1, ticket OPS-1.\n"
    )
    a = text.index(item)
    diags = lint_text(text, select=["PM305"]).diagnostics
    return {d.code for d in diags if a <= d.start < a + len(item)}


@pytest.mark.parametrize(
    "item",
    [
        "Renew the relay certificates from the pipeline. Owner: Ines Roth, due 2026-12-04, "
        "priority high, ticket OPS-2.",
        "Add a lag gauge to the relay board (@omar, prio p2, OPS-3)",
        "Write down the relay drain steps — @ines — priority medium",
        "Page the relay on-call on lag. Owner: Omar Haddad; Priority Low; OPS-4.",
    ],
)
def test_a_key_and_level_without_a_colon_is_a_priority(lint_text: LintFn, item: str) -> None:
    assert "PM305" not in _codes(lint_text, item)


@pytest.mark.parametrize(
    "item",
    [
        "Set the relay queue priority high for batch jobs. Owner: @ines, due 2026-12-04.",
        "Give the export priority over reads on the relays. Owner: @omar, OPS-5.",
        "Review which relay jobs get priority. Owner: @ines, OPS-6.",
    ],
)
def test_priority_in_the_action_words_is_no_field(lint_text: LintFn, item: str) -> None:
    assert "PM305" in _codes(lint_text, item)
