"""PM603 and words in capitals next to each other, code prefixes, words in capitals, and
definitions that come after the first use.

* A run of capitals is a phrase in capitals only when every word of it is an English word
  (the syllable dictionary PM602 ships): "IS NOT NULL" and "DO NOT MERGE" are phrases; in
  "No HSTS CSP header" each acronym is a use.
* An error code's prefix written with its number ("ERR-1042") is part of a code wherever
  the document writes it; an English word of four letters or more written in capitals that
  the document's prose also writes in lower case ("the SPOOL volume" beside "spool
  files") is that word, not initials.
* A definition in running text after the first use does not excuse it: the first use is
  reported, with the line that spells it out. A glossary or footnote excuses every use.
"""

from __future__ import annotations

import pytest
from conftest import LintFn


def _found(text: str, lint_text: LintFn) -> list[tuple[str, str]]:
    diags = lint_text(text, select=["PM603"]).diagnostics
    return [(text[d.start : d.end], d.message) for d in diags]


def _doc(body: str) -> str:
    return "# Parcel tracking delays\n\n## Root cause\n\n" + body + "\n"


@pytest.mark.parametrize(
    ("body", "used"),
    [
        ("No HSTS CSP header was sent by the edge proxy.", ["HSTS", "CSP"]),
        ("The BMC IPMI port was closed by the firewall change.", ["BMC", "IPMI"]),
        ("Only the XKQ VLT pair was rebuilt.", ["XKQ", "VLT"]),
    ],
)
def test_a_run_of_acronyms_is_a_run_of_uses(lint_text: LintFn, body: str, used: list[str]) -> None:
    assert [a for a, _m in _found(_doc(body), lint_text)] == used


@pytest.mark.parametrize(
    "body",
    [
        "The query filtered on a column that IS NOT NULL for old parcels.",
        "The pull request carried a DO NOT MERGE label that nobody saw.",
        "The banner said SCHEDULED MAINTENANCE IN PROGRESS for an hour.",
    ],
)
def test_a_phrase_in_capitals_stays_clean(lint_text: LintFn, body: str) -> None:
    assert _found(_doc(body), lint_text) == []


def test_an_error_code_prefix_is_no_acronym(lint_text: LintFn) -> None:
    body = "The import stopped with ERR-1042. Two more ERR messages followed at noon."
    assert _found(_doc(body), lint_text) == []
    # written without its number anywhere, the same capitals are an acronym
    assert [a for a, _m in _found(_doc("Two more ERR messages followed."), lint_text)] == ["ERR"]


def test_a_word_in_capitals_the_document_also_writes_in_lower_case(lint_text: LintFn) -> None:
    body = "The SPOOL volume filled up. Printers write their spool files there and never clean it."
    assert _found(_doc(body), lint_text) == []
    # the word alone in capitals, never in lower case: still reported
    alone = "The SPOOL volume filled up overnight."
    assert [a for a, _m in _found(_doc(alone), lint_text)] == ["SPOOL"]
    # short capitals are initials even when the prose has the word ("the BAR team", "bar")
    short = "The ETL job for the BAR team failed. A bar chart showed it."
    assert "BAR" in [a for a, _m in _found(_doc(short), lint_text)]


def test_a_later_definition_does_not_excuse_the_first_use(lint_text: LintFn) -> None:
    body = (
        "Every PTD scan after 09:00 was dropped.\n\n"
        "The parcel tracking daemon (PTD) reads the scanner queue."
    )
    text = _doc(body)
    ((acronym, message),) = _found(text, lint_text)
    assert acronym == "PTD" and text.index("PTD") == text.index(acronym)
    assert "before it is spelled out (line 7)" in message


@pytest.mark.parametrize(
    "later",
    [
        # a glossary, a footnote, or a definition in the same block excuse every use
        "## Glossary\n\n- PTD: parcel tracking daemon",
        "[^1]: PTD stands for parcel tracking daemon.",
        "## Glossary\n\n| Term | Meaning |\n|---|---|\n| PTD | parcel tracking daemon |",
    ],
)
def test_a_glossary_or_footnote_excuses_every_use(lint_text: LintFn, later: str) -> None:
    text = _doc("Every PTD scan after 09:00 was dropped.\n\n" + later)
    assert _found(text, lint_text) == []


def test_a_definition_in_the_same_block_is_the_first_use(lint_text: LintFn) -> None:
    text = _doc("Every PTD scan was dropped; the parcel tracking daemon (PTD) had stopped.")
    assert _found(text, lint_text) == []


# -- the blind test's classes: row labels, equipment tags, glossary sections ------------------


def test_an_acronym_labelling_a_table_row_is_a_use(lint_text: LintFn) -> None:
    # a metrics table: the reader meets "MAU" as a row label before any prose
    text = _doc(
        "| Metric | Before | During |\n|---|---|---|\n"
        "| MAU | 88,000 | 51,000 |\n| Orders | 3,100 | 900 |\n\n"
        "The MAU figure fell by two fifths."
    )
    ((acronym, message),) = _found(text, lint_text)
    assert acronym == "MAU" and "never spelled out" in message
    assert text.index("MAU") == text.index("| MAU") + 2


@pytest.mark.parametrize(
    "table",
    [
        # look-alikes: a row whose other cells spell the acronym out, a glossary table
        "| MAU | monthly active users |\n|---|---|\n| QPD | queries per day |",
        "| Abbreviation | Stands for |\n|---|---|\n| MAU | a count of people |",
    ],
)
def test_a_glossary_row_in_a_table_defines_it(lint_text: LintFn, table: str) -> None:
    text = _doc("The MAU figure fell by two fifths.\n\n" + table)
    assert [a for a, _m in _found(text, lint_text) if a == "MAU"] == []


def test_a_value_cell_is_still_shorthand(lint_text: LintFn) -> None:
    # a key/value table's value ("Owner | KV") is not read as a use
    text = _doc("| Field | Value |\n|---|---|\n| Owner team | KV |\n\nThe parser broke.")
    assert _found(text, lint_text) == []


@pytest.mark.parametrize(
    ("body", "used"),
    [
        ("The PDU-A3 breaker opened and the rack lost power.", ["PDU"]),
        ("Both chillers stopped when ATS-2B switched to the generator.", ["ATS"]),
        ("The XQR-12C unit was swapped in the morning.", ["XQR"]),
    ],
)
def test_the_initials_of_an_equipment_tag_are_a_use(
    lint_text: LintFn, body: str, used: list[str]
) -> None:
    assert [a for a, _m in _found(_doc(body), lint_text)] == used


@pytest.mark.parametrize(
    "body",
    [
        # look-alikes: a ticket key or an error code (digits only) is a code, not a tag
        "The fix is tracked in OPS-88 and shipped on Friday.",
        "The build failed with ORA-01652 twice.",
        "A SEV-2 was declared at noon.",
    ],
)
def test_a_ticket_key_or_code_is_no_tag(lint_text: LintFn, body: str) -> None:
    assert _found(_doc(body), lint_text) == []


@pytest.mark.parametrize(
    "glossary",
    [
        "## Glossary\n\n- PTD = parcel tracking daemon",
        "## Terms\n\n- Parcel tracking daemon (PTD): the service that reads the scanners",
        "### Abbreviations\n\nParcel tracking daemon (PTD). The service that reads the scanners.",
    ],
)
def test_any_definition_in_a_glossary_section_counts_wherever_it_stands(
    lint_text: LintFn, glossary: str
) -> None:
    text = _doc("Every PTD scan after 09:00 was dropped.\n\n" + glossary)
    assert _found(text, lint_text) == []


def test_the_same_definition_outside_a_glossary_comes_too_late(lint_text: LintFn) -> None:
    # the look-alike: under a heading that is no glossary, it is a later definition
    text = _doc(
        "Every PTD scan after 09:00 was dropped.\n\n## Background\n\n"
        "- Parcel tracking daemon (PTD): the service that reads the scanners"
    )
    ((acronym, message),) = _found(text, lint_text)
    assert acronym == "PTD" and "before it is spelled out" in message
