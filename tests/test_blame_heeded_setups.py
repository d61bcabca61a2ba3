"""A counterfactual passive about what people set up, told with how heedfully (bl43 class
4, ``omission._heeded_passive`` with ``heeded-setups``): "had the cap been configured
properly, the depot would have kept running" implies someone's lapse (PM103), as the
active "had the desk configured it" does. A state ("had the cache been warm"), a size, a
condition that looks ahead, code's own checking, a tool as the agent and a question stay
clean. Every sentence here is written for this file."""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack


def _doc(sentence: str) -> str:
    return f"# Depot outage\n\n## Analysis\n\n{sentence}\n"


def _pm103(lint_text: LintFn, text: str) -> list[str]:
    diags = lint_text(text, select=["PM103"]).diagnostics
    return [text[d.start : d.end] for d in diags]


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        (
            "Had the courier cap been configured properly, the depot would have kept running.",
            "Had the courier cap been configured properly",
        ),
        (
            "If the pallet limits had been set correctly, the loader would have stopped at 40.",
            "If the pallet limits had been set correctly",
        ),
        (
            "If the door sensors had been installed carefully, the alarm would have fired.",
            "If the door sensors had been installed carefully",
        ),
        (
            "If the night rota had been planned properly, the dock would not have been empty.",
            "If the night rota had been planned properly",
        ),
        (
            "Had the relabel step been tested thoroughly, the wrong barcodes would have shown.",
            "Had the relabel step been tested thoroughly",
        ),
    ],
)
def test_a_heedless_setup_supposed_otherwise(lint_text: LintFn, sentence: str, span: str) -> None:
    assert span in _pm103(lint_text, _doc(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Had the label cache been warm, the printers would have kept up.",
        "If the loading bay had been larger, the trucks would have cleared by noon.",
        "If the pallet limit is set correctly, the loader will stop at 40.",
        "Had the scan payload been validated properly, the sorter would not have jammed.",
        "Had the pallet limits been set correctly by the installer, the loader would have stopped.",
        "Once the pallet limits had been set correctly, the loader stopped at 40.",
        "Had the courier cap been configured differently, the queue would have drained.",
        "If the courier cap had been configured properly, would the queue have drained?",
    ],
)
def test_look_alikes_stay_clean(lint_text: LintFn, sentence: str) -> None:
    assert _pm103(lint_text, _doc(sentence)) == []


def test_crlf_and_wide_text(lint_text: LintFn) -> None:
    text = _doc("倉庫 🚚 Had the cap been set correctly, the queue would have drained.")
    assert "Had the cap been set correctly" in _pm103(lint_text, text.replace("\n", "\r\n"))


def test_words_are_in_the_pack() -> None:
    pack = builtin_pack()
    assert "configure" in pack.words("blame", "heeded-setups")
    assert "validate" not in pack.words("blame", "heeded-setups")  # code's work as often
    assert "correctly" in pack.words("blame", "heedful-manners")
