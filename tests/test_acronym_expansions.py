"""Acronyms spelled out by their initials next to them (:mod:`pm_lsp.rules.readability.
expansions`), in the layouts PM603's definition patterns do not read: a colon, a comma, a
dash, a footnote. Sentences written for these tests."""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.rules.readability.acronyms import _ACRONYM
from pm_lsp.rules.readability.expansions import spelled_out


def _spelled(text: str) -> frozenset[str]:
    """:func:`spelled_out` of the acronyms PM603 finds in ``text``."""
    return spelled_out(text, [(m.start(1), m.group(1)) for m in _ACRONYM.finditer(text)])


@pytest.mark.parametrize(
    ("text", "defined"),
    [
        ("We checked each host with the USE method: utilization, saturation and errors.", "USE"),
        ("Restoring from PITR, point-in-time recovery, took an hour.", "PITR"),
        ("Point-in-time recovery, or PITR, took an hour.", "PITR"),
        ("The SLO - service level objective - was missed twice.", "SLO"),
        ("The SLO, which is our service level objective, was missed.", "SLO"),
        ("RDS, the relational database service, was slow all week.", "RDS"),
        ("The DBE team: Data, Billing and Exports, owns the ledger.", "DBE"),
        ("Traffic left through two edge POP sites (points of presence).", "POP"),
    ],
)
def test_an_expansion_next_to_the_acronym_defines_it(text: str, defined: str) -> None:
    assert defined in _spelled(text)


@pytest.mark.parametrize(
    "text",
    [
        "The API serves requests for the app.",  # initials that spell nothing
        "We paged the SRE, who restarted every service.",
        "No channel reached the PMs - Monday posts on the wiki were missed.",  # P..., M...
        "The BGP session dropped at noon and bounced twice.",
        "KIAM failed to issue credentials for the pods.",
    ],
)
def test_words_that_do_not_spell_it_define_nothing(text: str) -> None:
    assert _spelled(text) == frozenset()


def test_pm603_reads_these_definitions(lint_text: LintFn) -> None:
    """A document that spells an acronym out only in a footnote: PM603 stays quiet about
    it, and still reports the one it never spells out."""
    text = (
        "# Disk outage\n\n## Summary\n\nWe checked the hosts with the USE method[^1] and "
        "paged the DBRE team.\n\n[^1]: USE method: utilization, saturation and errors.\n"
    )
    diags = lint_text(text, select=["PM603"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == ["DBRE"]
