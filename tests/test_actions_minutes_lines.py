"""Action items written as lines of their own in meeting minutes, a label and a colon
before them ("AI: Omar - look into …", "Action: …", "ACTION: …"), are action items: the
owner is the name before the dash ("???" is none filled in), the other fields are read
from the line, and the action is judged as a list item's is. Look-alikes: a note with
the same label outside follow-up sections that names no owner ("AI: the anomaly model
flagged …"), "Action taken: …" (another label), a label line in a timeline, and one that
says there is no work ("Action: none needed …")."""

from __future__ import annotations

from typing import Any

from conftest import LintFn

_DOC = """# Relay queue review

## Summary

The relay queue stalled for 50 minutes on 2026-11-20 and 4,000 events waited.

## Detection

AI: the anomaly model flagged the relay lag at 10:02, eight minutes before the page.

Action taken: the on-call engineer paged the relay owners at 10:05.

## Discussion

AI: Omar - cap relay retries at three, park the rest. Due 2026-12-02. P1. RLY-21.

## Action items

AI: Ines - look into a deploy freeze for peak hours.

AI: ??? - canary stage for relay consumers

Action: Omar to add a lag alert on the relay queue, due 2026-12-04, P2, RLY-22.
ACTION: Ines - write the relay drain runbook. Due 2026-12-09. P2. RLY-23.

Action: none needed for the replay tool, it shipped in 4.2.

## Timeline

Action: paged the relay on-call at 10:40.
"""


def _on(text: str, line: str, diags: list[Any]) -> set[str]:
    a = text.index(line)
    e = a + len(line)
    return {d.code for d in diags if a <= d.start < e}


def test_minutes_lines_are_action_items(lint_text: LintFn) -> None:
    codes = ["PM301", "PM302", "PM303", "PM305"]
    diags = list(lint_text(_DOC, select=codes).diagnostics)
    assert _on(_DOC, "AI: Ines - look into", diags) == {"PM301", "PM303", "PM305"}
    assert _on(_DOC, "AI: ??? - canary stage for relay consumers", diags) == {
        "PM301",
        "PM302",
        "PM303",
        "PM305",
    }
    assert _on(_DOC, "Action: Omar to add", diags) == set()
    assert _on(_DOC, "ACTION: Ines - write", diags) == set()
    assert _on(_DOC, "AI: Omar - cap relay retries", diags) == set()
    owner = next(d for d in diags if d.code == "PM302")
    assert _DOC[owner.start : owner.end] == "???"
    verbless = next(d for d in diags if d.code == "PM301" and "no verb" in d.message)
    assert _DOC[verbless.start : verbless.end] == "canary stage for relay consumers"


def test_label_lines_that_are_no_action_items(lint_text: LintFn) -> None:
    diags = list(lint_text(_DOC).diagnostics)
    lines = ("AI: the anomaly model", "Action taken:", "Action: paged the relay", "Action: none")
    for line in lines:
        assert not {c for c in _on(_DOC, line, diags) if c.startswith("PM30")}, line


def test_a_placeholder_line_under_an_action_heading_is_no_item(lint_text: LintFn) -> None:
    """A template's placeholder line ("TODO: …") under a follow-up heading is text to
    replace, not an action item (the scaffolded Atlassian "Backlog Check" section holds
    one)."""
    text = (
        "# Relay outage\n\n## Follow-up backlog\n\n"
        "TODO: was anything on the relay backlog that would have caught this?\n"
    )
    codes = ["PM302", "PM303", "PM305"]
    assert list(lint_text(text, select=codes).diagnostics) == []
