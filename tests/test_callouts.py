"""Callouts are the author's prose; quotations are someone else's words.

A blockquote that the author uses as a callout (a GitHub or Obsidian alert "> [!NOTE]", a
Notion callout that opens with an emoji, a quote that opens with a callout label such as
"**Note:**" or "TL;DR —") is read as paragraphs and list items, so every rule family judges
it, and a TL;DR callout is the Summary. A quotation (a customer's email, a chat message,
anything that ends with an attribution such as "— @name" or "-- Name") stays a blockquote
no rule judges.
"""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.parse.markdown import parse
from pm_lsp.policy.config import Settings, resolve


def _blocks(body: str) -> list[tuple[str, bool, str]]:
    doc = parse("# Printers offline\n\n" + body, resolve([Settings()]).template)
    return [(b.kind, b.in_quote, b.text.strip()) for b in doc.blocks if b.kind != "heading"]


@pytest.mark.parametrize(
    "quote",
    [
        "> [!WARNING]\n> The spooler disk fills up again within a week.",
        "> [!tip]- Folded\n> The spooler disk fills up again within a week.",
        "> 🧯 The spooler disk fills up again within a week.",
        "> **Note:** the spooler disk fills up again within a week.",
        "> **Heads up** — the spooler disk fills up again within a week.",
        "> Edit: the spooler disk fills up again within a week.",
        "> TL;DR - the spooler disk fills up again within a week.",
    ],
)
def test_callouts_are_prose(quote: str) -> None:
    ((kind, in_quote, text),) = _blocks(quote + "\n")
    assert kind == "paragraph" and not in_quote
    assert "[!" not in text  # the alert marker is no word of the note


def test_a_list_in_a_callout_is_a_list() -> None:
    got = _blocks("> ℹ️ Two things to know:\n>\n> - the disk is small\n> - the alert is off\n")
    assert [(k, q) for k, q, _t in got] == [
        ("paragraph", False),
        ("list_item", False),
        ("list_item", False),
    ]


@pytest.mark.parametrize(
    "quote",
    [
        # someone else's words: plain, or attributed on their own line or after the quote
        "> We have restored your storage account and apologise for the delay.",
        "> The printers have been flaky all week.\n> — Sam O., night shift lead",
        "> The printers have been flaky all week.\n>\n> -- @sam.o",
        '> 💬 "The printers have been flaky all week." — @sam.o',
        '> **Note:** "Please reboot the printers first." — vendor support',
        # a label that is no callout label: a paraphrase of a colleague
        "> Sam points out that: the spooler only warns at 99%.",
    ],
)
def test_quotations_stay_quotations(quote: str) -> None:
    got = _blocks(quote + "\n")
    assert got and all(k == "blockquote" and q for k, q, _t in got)


def test_a_quote_inside_a_callout_is_a_quotation() -> None:
    got = _blocks("> [!NOTE]\n> The vendor wrote:\n>\n> > Reboot the printers first.\n")
    assert [(k, q) for k, q, _t in got] == [("paragraph", False), ("blockquote", True)]


_DOC = """# Label printers offline

{opening}

## Impact

40 printers stopped for 35 minutes; 1,200 labels were printed late.

{body}
"""


def test_blame_in_a_callout_is_judged_and_in_a_quotation_is_not(lint_text: LintFn) -> None:
    def blame(body: str) -> list[str]:
        text = _DOC.format(opening="", body=body)
        return [d.code for d in lint_text(text, select=["PM1"]).diagnostics]

    assert blame("> [!NOTE]\n> This was human error on the night shift.") == ["PM102"]
    assert blame("> 📝 Author's note: the release engineer was sloppy.") == ["PM104"]
    assert blame("> **Note:** the release engineer was sloppy.") == ["PM104"]
    assert blame('> "This was human error on the night shift." — @dock.lead') == []
    assert blame("> The release engineer was sloppy.\n> -- Priya N., warehouse manager") == []


def test_a_tldr_callout_is_the_summary(lint_text: LintFn) -> None:
    def summary_missing(opening: str) -> bool:
        text = _DOC.format(opening=opening, body="")
        diags = lint_text(text, select=["PM201"]).diagnostics
        return any("'Summary'" in d.message for d in diags)

    tldr = "the spooler ran out of disk and 40 printers stopped for 35 minutes."
    assert not summary_missing("> **TL;DR** — " + tldr)
    assert not summary_missing("> 💡 **TL;DR:** " + tldr)
    # a customer's email quoted at the top is not the author's summary
    assert summary_missing('> "All 40 of our printers stopped." — a warehouse customer')
