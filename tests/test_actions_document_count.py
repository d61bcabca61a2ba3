"""The adoption-mode count of items without an owner (PM302), when the items are spread
over several sections of a page that covers several incidents, stands on the page's
title, where a reader sees it covers the document, not on the first incident's heading.
With no title over them all (two top-level headings), it stays on the heading over the
first item lacking an owner; a count over one section stays on that section's heading."""

from __future__ import annotations

from conftest import LintFn

_INCIDENT = """## Incident {n}: relay lag

The relay queue lagged for {n}0 minutes on 2026-11-2{n} and 1,{n}00 events waited.

### Follow-ups

- Add a lag alert on relay {n}
- Cap retries on relay {n} (@ines, due 2026-12-0{n}, P1, RLY-{n})
"""


def _count(lint_text: LintFn, text: str) -> str:
    diags = lint_text(text, select=["PM302"]).diagnostics
    d = next(d for d in diags if "without an owner" in d.message)
    return text[d.start : d.end]


def test_a_count_over_the_page_stands_on_its_title(lint_text: LintFn) -> None:
    text = "# Weekly relay review\n\n" + "\n".join(_INCIDENT.format(n=n) for n in (1, 2, 3))
    assert _count(lint_text, text) == "Weekly relay review"


def test_without_one_title_over_them_the_first_lacking_section(lint_text: LintFn) -> None:
    text = "\n".join(_INCIDENT.format(n=n).replace("## ", "# ") for n in (1, 2))
    assert _count(lint_text, text) == "Follow-ups"


def test_a_count_over_one_section_stays_on_its_heading(lint_text: LintFn) -> None:
    text = (
        "# Relay review\n\n## Follow-ups\n\n- Add a lag alert on relay 1\n"
        "- Add a lag alert on relay 2\n- Cap retries on relay 3 (@ines, P1, RLY-3)\n"
    )
    assert _count(lint_text, text) == "Follow-ups"
