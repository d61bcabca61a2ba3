"""Action items whose fields are written as sub-bullets under them (a layout a blind test
used: "- [ ] Remove the fallback path" over "  - owner: @dana", "  - due: 2025-12-13"). A
sub-item that is only fields gives them to its item; a sub-item with words of its own stays
a sub-point. Every item here is written for this file."""

from __future__ import annotations

from conftest import LintFn

_DOC = """# Cart outage

## Summary

The cart service failed for 38 minutes on 2025-11-28 and 2,100 checkouts waited.

## Action items

{items}
"""

_COMPLETE = """- [ ] Drop the lock-free fallback path and fail closed when the lock store is down
  - owner: @lena.ortiz
  - due: 2025-12-12
  - priority: P1
  - ticket: CART-771
- [ ] Add a lock-store failover case to the load test suite
  - **Owner:** Tomas Rey
  - **Due:** 2025-12-19
  - priority: P2; ticket: QA-218"""


def _codes(lint_text: LintFn, items: str) -> list[tuple[int, str]]:
    text = _DOC.format(items=items)
    diags = lint_text(text, select=["PM302", "PM303", "PM304", "PM305"]).diagnostics
    return sorted((text.count("\n", 0, d.start) + 1, d.code) for d in diags)


def test_fields_written_as_sub_bullets_belong_to_their_item(lint_text: LintFn) -> None:
    assert _codes(lint_text, _COMPLETE) == []


def test_an_item_without_field_sub_bullets_still_lacks_them(lint_text: LintFn) -> None:
    items = _COMPLETE + "\n- [ ] Rewrite the checkout banner copy"
    got = _codes(lint_text, items)
    assert {code for _line, code in got} == {"PM302", "PM303", "PM305"}
    assert all(line == 18 for line, _code in got)  # the new item's line, item by item


def test_a_sub_point_with_words_of_its_own_gives_nothing(lint_text: LintFn) -> None:
    """A sub-point with its own words ("Ana to draft the runbook") names its own owner."""
    items = "- [ ] Review the lock store's failover settings\n  - Ana to draft the runbook"
    got = _codes(lint_text, items)
    assert (9, "PM302") in got
