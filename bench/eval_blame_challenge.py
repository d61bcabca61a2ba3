"""Measure the blame rules (PM101-PM107) on the challenge set in tests/data/blame_challenge.tsv.

The challenge set is written for this project (no corpus text): blame-like sentences in
many constructions (a given name from one of many languages, an @handle, a role or a team
as the agent of a destructive or negligent act; failure to act; conduct judged in a
negated frame; counterfactuals, inverted conditionals, responsibility vocabulary) and hard
negatives that use the same words innocently (system agents, neutral timeline acts,
products named like people, blameless statements about human error, system
counterfactuals, technical senses).

Each sentence is linted alone under ``## Contributing Factors``; a ``blame`` sentence is
caught when any PM1xx diagnostic (any severity) is raised on it, a ``clean`` one is a false
alarm when any is. Prints precision and recall overall and recall or false-alarm count per
construction, then the misses and false alarms.

Usage: python bench/eval_blame_challenge.py [--quiet]
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pm_lsp.engine import lint
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.policy.config import Settings, resolve, validate

ROOT = Path(__file__).resolve().parent.parent
CHALLENGE = ROOT / "tests" / "data" / "blame_challenge.tsv"
BLAME_CODES = ("PM101", "PM102", "PM103", "PM104", "PM105", "PM106", "PM107")


@dataclass(frozen=True)
class Item:
    label: str  #: "blame" or "clean"
    construction: str
    sentence: str


def load(path: Path = CHALLENGE) -> list[Item]:
    """The challenge sentences (tab-separated: label, construction, sentence)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        label, construction, sentence = line.split("\t")
        out.append(Item(label, construction, sentence))
    return out


def document(sentence: str) -> str:
    """The one-sentence postmortem a challenge sentence is judged in."""
    return f"# Incident\n\n## Contributing Factors\n\n{sentence}\n"


@dataclass
class Result:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    misses: list[Item] = field(default_factory=list)
    false: list[tuple[Item, str]] = field(default_factory=list)
    #: construction -> (flagged, total)
    per_construction: dict[str, list[int]] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0


def evaluate(items: Sequence[Item], flagged: Callable[[str], list[str]]) -> Result:
    """Score ``items``; ``flagged(text)`` returns the blame codes raised on a document."""
    r = Result()
    for it in items:
        codes = flagged(document(it.sentence))
        row = r.per_construction.setdefault(f"{it.label}/{it.construction}", [0, 0])
        row[1] += 1
        if codes:
            row[0] += 1
        if it.label == "blame":
            if codes:
                r.tp += 1
            else:
                r.fn += 1
                r.misses.append(it)
        elif codes:
            r.fp += 1
            r.false.append((it, ",".join(codes)))
        else:
            r.tn += 1
    return r


def linter(nlp: NLP) -> Callable[[str], list[str]]:
    """``flagged`` for :func:`evaluate`: the blame rules only, through the engine."""
    config = resolve([Settings(), validate({"select": ["PM1"]}, "challenge", None)])

    def flagged(text: str) -> list[str]:
        return [d.code for d in lint(text, config, nlp=nlp).diagnostics if d.code in BLAME_CODES]

    return flagged


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--quiet", action="store_true", help="figures only")
    args = ap.parse_args()
    items = load()
    nlp = NLP()
    nlp.load()
    r = evaluate(items, linter(nlp))
    pos = sum(it.label == "blame" for it in items)
    kinds = {it.construction for it in items if it.label == "blame"}
    print(
        f"challenge: {pos} blame sentences in {len(kinds)} constructions, "
        f"{len(items) - pos} hard negatives"
    )
    print(
        f"blame (PM101-PM107): precision {r.precision:.3f} recall {r.recall:.3f} "
        f"(tp {r.tp}, fp {r.fp}, fn {r.fn}, tn {r.tn})"
    )
    for key, (hit, total) in sorted(r.per_construction.items()):
        what = "caught" if key.startswith("blame/") else "false alarms"
        print(f"  {key:40} {what} {hit}/{total}")
    if not args.quiet:
        for it in r.misses:
            print(f"  MISS [{it.construction}] {it.sentence}")
        for it, codes in r.false:
            print(f"  FP   [{it.construction}] {codes} {it.sentence}")


if __name__ == "__main__":
    main()
