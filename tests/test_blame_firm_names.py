"""A firm named by its name as the party of a "should have" (bl44 class 2,
``firms.firm_name``): a capitalised name ending in a firm word (Logistics, Consulting,
Partners, Ltd ...) with an act people do is PM103, as "the contractor should have tested
it" is. A bare name stays clean: tools and products are named the same way ("Jenkins should
have tested the branch"), and so do names ending in words that end product names as often
("Azure Container Services"). Every sentence here is written for this file."""

from __future__ import annotations

import pytest
from conftest import LintFn


def _doc(sentence: str) -> str:
    return f"# Import failure\n\n## Root cause\n\n{sentence}\n"


def _pm103(lint_text: LintFn, text: str) -> list[str]:
    diags = lint_text(text, select=["PM103"]).diagnostics
    return [text[d.start : d.end] for d in diags]


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        (
            "Harwick Logistics should have checked the manifest.",
            "Harwick Logistics should have checked",
        ),
        (
            "Pellam Consulting ought to have tested the importer.",
            "Pellam Consulting ought to have tested",
        ),
        ("Tolvar Ltd should have told us.", "Tolvar Ltd should have told"),
        (
            "Brennan Partners should have reviewed the contract change.",
            "Brennan Partners should have reviewed",
        ),
        (
            "Meridian Airways should have notified the ground crew.",
            "Meridian Airways should have notified",
        ),
    ],
)
def test_a_named_firm_is_a_party(lint_text: LintFn, sentence: str, span: str) -> None:
    assert _pm103(lint_text, _doc(sentence)) == [span]


@pytest.mark.parametrize(
    "sentence",
    [
        "Jenkins should have tested the branch.",
        "Datadog should have warned us.",
        "Kafka should have rebalanced the partitions.",
        "Postgres should have failed over to the replica.",
        "Chrome should have shown a warning.",
        "Terraform should have detected the drift.",
        "Azure Container Services should have restarted the pod.",
        "Kestrel Bank should have settled the batch.",
        "Voss Engineering should have been the supplier.",
    ],
)
def test_tools_and_bare_names_stay_clean(lint_text: LintFn, sentence: str) -> None:
    assert _pm103(lint_text, _doc(sentence)) == []
