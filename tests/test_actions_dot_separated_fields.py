"""An item's labelled fields parted by a middle dot or a bullet ("Owner: Lena Park · Due:
2026-11-30 · Priority: P1", "Owner: @lena • Due: 30 Nov"), as a comma, a semicolon, a bar
or a dash parts them: each label opens a field of its own, and the owner's value ends at
the dot instead of taking in the fields after it. A field still empty or a placeholder
after a dot ("Due: TBD") is still reported."""

from __future__ import annotations

import pytest
from conftest import LintFn


def _fields(lint_text: LintFn, item: str) -> set[str]:
    """The codes PM302, PM303 and PM305 give the item (the second item fills every field)."""
    text = (
        f"# Kiosk outage\n\n## Action items\n\n- [ ] {item}\n"
        "- [ ] Add a CPU alert on the relays — @ana, due 2026-12-01, P1, OPS-1\n"
    )
    a = text.index(item)
    diags = lint_text(text, select=["PM302", "PM303", "PM305"]).diagnostics
    return {d.code for d in diags if a <= d.start < a + len(item)}


@pytest.mark.parametrize(
    "item",
    [
        "Pin the kiosk firmware. Owner: Lena Park · Due: 2026-11-30 · Priority: P1 · Ticket: KS-12",
        "Pin the kiosk firmware. Owner: @lena · Due: 30 Nov 2026 · Priority: P2",
        "Pin the kiosk firmware. Owner: Lena Park • Due: 2026-11-30 • Priority: P1",
        "Pin the kiosk firmware · Owner: Lena Park · Due: 2026-11-30 · P1",
    ],
)
def test_fields_parted_by_a_dot_are_each_read(lint_text: LintFn, item: str) -> None:
    assert _fields(lint_text, item) == set()


@pytest.mark.parametrize(
    ("item", "code"),
    [
        ("Pin the kiosk firmware. Owner: Lena Park · Due: TBD · Priority: P1", "PM303"),
        ("Pin the kiosk firmware. Due: 2026-11-30 · Priority: P1", "PM302"),
        ("Pin the kiosk firmware. Owner: Lena Park · Due: 2026-11-30", "PM305"),
    ],
)
def test_a_field_missing_among_dotted_fields_is_reported(
    lint_text: LintFn, item: str, code: str
) -> None:
    assert _fields(lint_text, item) == {code}
