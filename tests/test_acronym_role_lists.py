"""PM603 and two layouts that name what an acronym stands for without spelling it out
beside it.

A list of responders gives each role in full beside its holder ("- Incident Commander:
Kwame Obi"); the reader takes the role's initials from it, so "IC" later is defined. A
label in title case followed by no person ("Customer Impact: TBD") spells nothing.

DNS record types joined before the record word ("the SOA and NS records") are each a record
type, as one alone before it is ("CAA records"): no use. Look-alike: letters joined to a
word that is no record type ("the SOA team and NS records"). Every sentence is our own."""

from __future__ import annotations

import pytest
from conftest import LintFn


def _reported(lint_text: LintFn, text: str) -> list[str]:
    return [text[d.start : d.end] for d in lint_text(text, select=["PM603"]).diagnostics]


def _responders(line: str) -> str:
    return (
        "# Kiosk payments failed\n\n## Responders\n\n"
        f"{line}\n- Scribe: Lena Park\n\n## Timeline\n\n"
        "At 09:12 the outage was declared; Kwame took IC and paged the card team.\n"
    )


@pytest.mark.parametrize(
    "line",
    [
        "- Incident Commander: Kwame Obi",
        "- **Incident Commander:** Kwame Obi",
        "Incident Commander: @kobi",
        "1. Incident Commander: Kwame Obi (payments)",
    ],
)
def test_a_role_given_to_a_person_defines_its_initials(lint_text: LintFn, line: str) -> None:
    assert _reported(lint_text, _responders(line)) == []


@pytest.mark.parametrize(
    "line",
    [
        "- Incident Commander: TBD",
        "- Incident Commander: N/A",
        "- Customer Impact: Kwame Obi",  # no role's initials ("CI"), IC still reported
    ],
)
def test_a_label_with_no_person_after_it_spells_nothing(lint_text: LintFn, line: str) -> None:
    assert _reported(lint_text, _responders(line)) == ["IC"]


@pytest.mark.parametrize(
    "sentence",
    [
        "A CNAME cannot share the apex with the SOA and NS records.",
        "We compared the SOA, NS and MX records on both servers.",
        "The SOA/NS records came back intact.",
        "Either the SOA or NS records were stale.",
    ],
)
def test_record_types_joined_before_the_record_word_are_no_use(
    lint_text: LintFn, sentence: str
) -> None:
    assert _reported(lint_text, f"# Zone change\n\n## Summary\n\n{sentence}\n") == []


def test_letters_joined_to_another_noun_are_still_a_use(lint_text: LintFn) -> None:
    text = "# Zone change\n\n## Summary\n\nThe SOA team and NS records were fine.\n"
    assert _reported(lint_text, text) == ["SOA"]
