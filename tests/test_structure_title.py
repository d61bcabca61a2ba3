"""The document's title is its first level-1 heading, unless that heading is only the name
of a section: a postmortem that opens with "# Summary" (an email or chat summary pasted
with its parts as H1s) has no title, and its Summary is there. A first H1 that names a
section and says more ("Incident summary: card payments") is still the title.
"""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.parse.markdown import parse
from pm_lsp.policy.config import Settings, resolve

_PARTS = """
Card payments failed for 25 minutes for 1,300 shoppers.

# Impact

1,300 shoppers could not pay by card for 25 minutes.

# Root cause

A renewed gateway key was loaded on one of two payment hosts.

# Timeline

- 10:05 UTC first declined payments
- 10:30 UTC key copied to the second host, payments succeed again
"""


def _pm201(lint_text: LintFn, text: str) -> list[str]:
    return [d.message for d in lint_text(text, select=["PM201"]).diagnostics]


@pytest.mark.parametrize("opening", ["# Summary", "# Executive summary", "# TL;DR", "# Overview"])
def test_a_first_heading_that_is_a_section_name_is_that_section(
    lint_text: LintFn, opening: str
) -> None:
    text = opening + "\n" + _PARTS
    assert not [m for m in _pm201(lint_text, text) if "Summary" in m]
    doc = parse(text, resolve([Settings()]).template)
    assert doc.title is None
    assert doc.sections[0].canonical == "summary"


def test_a_title_that_names_a_section_and_more_stays_the_title(lint_text: LintFn) -> None:
    text = "# Incident summary: card payments declined\n" + _PARTS
    doc = parse(text, resolve([Settings()]).template)
    assert doc.title == "Incident summary: card payments declined"
    # the title names the incident; the document has no Summary part of its own
    assert [m for m in _pm201(lint_text, text) if "'Summary'" in m]


def test_a_plain_title_then_the_parts(lint_text: LintFn) -> None:
    text = "# Card payments declined\n\n## Summary\n" + _PARTS.replace("\n# ", "\n## ")
    doc = parse(text, resolve([Settings()]).template)
    assert doc.title == "Card payments declined"
    assert not [m for m in _pm201(lint_text, text) if "Summary" in m]
