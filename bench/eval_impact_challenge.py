"""Measure PM401 on the impact challenge set (tests/data/impact_challenge.tsv).

The set holds impact statements written for this project, each labelled vague (PM401 must
report something in it) or quantified (PM401 must report nothing), and placed in the
section named by its ``where`` column. Prints precision and recall overall and per class,
and with ``--misses`` each miss and false alarm. ``tests/test_impact_challenge.py`` asserts
the targets on the same figures (precision >= 0.9, recall >= 0.85).

Usage: python bench/eval_impact_challenge.py [--misses]
"""

from __future__ import annotations

import argparse
import collections
from dataclasses import dataclass
from pathlib import Path

from pm_lsp.engine import lint
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.policy.config import Config, Settings, resolve, validate

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "impact_challenge.tsv"
#: the heading each ``where`` puts the entry under
SECTIONS = {
    "impact": "Impact",
    "summary": "Summary",
    "prose": "What happened",
    "timeline": "Timeline",
}


@dataclass(frozen=True)
class Entry:
    label: str  #: "vague" or "quantified"
    where: str
    cls: str
    text: str


@dataclass(frozen=True)
class Outcome:
    entry: Entry
    flagged: bool
    messages: tuple[str, ...]


def entries(path: Path = DATA) -> list[Entry]:
    out: list[Entry] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        label, where, cls, text = line.split("\t")
        out.append(Entry(label, where, cls, text))
    return out


def document(e: Entry) -> str:
    return f"# Incident\n\n## {SECTIONS[e.where]}\n\n{e.text}\n"


def config() -> Config:
    return resolve([Settings(), validate({"select": ["PM401"]}, "bench", None)])


def judge(nlp: NLP, items: list[Entry]) -> list[Outcome]:
    cfg = config()
    out: list[Outcome] = []
    for e in items:
        diags = lint(document(e), cfg, nlp=nlp).diagnostics
        out.append(Outcome(e, bool(diags), tuple(d.message for d in diags)))
    return out


def scores(outcomes: list[Outcome]) -> tuple[float, float, int, int, int]:
    """Precision, recall, true positives, false positives, false negatives."""
    tp = sum(o.flagged for o in outcomes if o.entry.label == "vague")
    fn = sum(not o.flagged for o in outcomes if o.entry.label == "vague")
    fp = sum(o.flagged for o in outcomes if o.entry.label == "quantified")
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, tp, fp, fn


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", action="store_true", help="print misses and false alarms")
    args = ap.parse_args()
    items = entries()
    nlp = NLP()
    nlp.load()
    outcomes = judge(nlp, items)
    p, r, tp, fp, fn = scores(outcomes)
    vague = sum(e.label == "vague" for e in items)
    print(f"impact challenge: {vague} vague, {len(items) - vague} quantified statements")
    print(f"PM401: precision {p:.3f} recall {r:.3f} (tp {tp}, fp {fp}, fn {fn})")
    per: dict[str, list[Outcome]] = collections.defaultdict(list)
    for o in outcomes:
        per[f"{o.entry.label}/{o.entry.cls}"].append(o)
    for name, group in sorted(per.items()):
        right = sum(o.flagged == (o.entry.label == "vague") for o in group)
        print(f"  {name:32} {right:3}/{len(group)}")
    if args.misses:
        for o in outcomes:
            if o.flagged != (o.entry.label == "vague"):
                kind = "MISS" if o.entry.label == "vague" else "FP  "
                print(f"{kind} [{o.entry.where}] {o.entry.text} {list(o.messages)[:1]}")


if __name__ == "__main__":
    main()
