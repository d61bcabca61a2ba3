"""PM401 on the impact challenge set (tests/data/impact_challenge.tsv), with the real model.

The set is ours: vague and quantified impact statements across the classes PM401 judges
(vague quantifiers on people and on domain units, universal quantifiers with no number near,
"close to no", inabilities and unavailability with no extent, label lists, durations and
degrees without a figure, potential exposure; and counts, shares, durations, windows,
explicit zeros, a neighbouring sentence that gives the extent, and look-alikes that state no
impact at all). ``bench/eval_impact_challenge.py`` prints the same figures per class.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from conftest import ROOT

from pm_lsp.nlp.pipeline import NLP


def _bench() -> ModuleType:
    path = ROOT / "bench" / "eval_impact_challenge.py"
    spec = importlib.util.spec_from_file_location("eval_impact_challenge", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


BENCH = _bench()


def test_the_set_is_large_enough_and_well_formed() -> None:
    items = BENCH.entries()
    labels = [e.label for e in items]
    assert labels.count("vague") >= 150 and labels.count("quantified") >= 150
    assert set(labels) == {"vague", "quantified"}
    assert {e.where for e in items} <= set(BENCH.SECTIONS)
    texts = [e.text for e in items]
    assert len(set(texts)) == len(texts), "an entry appears twice"


@pytest.mark.slow
def test_precision_and_recall_on_the_challenge_set(nlp: NLP) -> None:
    outcomes = BENCH.judge(nlp, BENCH.entries())
    p, r, _tp, _fp, _fn = BENCH.scores(outcomes)
    wrong = [
        f"{o.entry.label}: {o.entry.text}"
        for o in outcomes
        if o.flagged != (o.entry.label == "vague")
    ]
    assert p >= 0.9 and r >= 0.85, wrong


def test_scores_count_misses_and_false_alarms() -> None:
    """The scoring itself, on hand-made outcomes: a miss lowers recall, a false alarm
    lowers precision."""
    vague = BENCH.Entry("vague", "impact", "c", "Many users could not pay.")
    clean = BENCH.Entry("quantified", "impact", "c", "No data was lost.")
    outcomes = [
        BENCH.Outcome(vague, True, ("m",)),
        BENCH.Outcome(vague, False, ()),
        BENCH.Outcome(clean, True, ("m",)),
        BENCH.Outcome(clean, False, ()),
    ]
    p, r, tp, fp, fn = BENCH.scores(outcomes)
    assert (tp, fp, fn) == (1, 1, 1) and p == 0.5 and r == 0.5


def test_entries_are_placed_in_their_section(tmp_path: Path) -> None:
    (tmp_path / "set.tsv").write_text(
        "# comment\nvague\ttimeline\tc\tThe site is down.\n", encoding="utf-8"
    )
    (entry,) = BENCH.entries(tmp_path / "set.tsv")
    assert "## Timeline\n\nThe site is down.\n" in BENCH.document(entry)
