"""Measure the action-item and impact rules on the real postmortems in ../shared/corpus.

Prints precision and recall of
  * vague-action: PM301 or PM306 against the labels vague-action / specific-action,
  * vague-impact: PM401 against the labels vague-impact / quantified-impact,
each for the documents the rules were developed on (001-067), for the documents added later
(101-153), and per organisation (the file-name part after the number: ``137-rotko-...`` is
``rotko``); then the misses and false alarms (with the message of the diagnostic that fired),
how many other labelled sentences (clean, blame) the rules touch, and the throughput of
PM3xx+PM4xx over the corpus (model load excluded).

A labelled sentence counts as flagged when a diagnostic of the rule overlaps its span. The
corpus is read here at run time only; nothing from it is copied into the project.

Usage: python bench/eval_actions_impact.py [--corpus DIR] [--quiet] [--task NAME]
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pm_lsp.engine import lint
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.policy.config import Settings, resolve, validate
from pm_lsp.rules.spec import Diagnostic

ROOT = Path(__file__).resolve().parent.parent
TASKS = {
    "vague-action": (("PM301", "PM306"), "vague-action", "specific-action"),
    "vague-impact": (("PM401",), "vague-impact", "quantified-impact"),
}
#: the two halves of the corpus: developed on, and added later (never tuned on by sentence)
HALVES = (("001-067", "0"), ("101-153", "1"))


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    other: int = 0  #: labelled sentences of neither class that a diagnostic touches
    misses: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)
    touched: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    def line(self, name: str) -> str:
        p = f"{self.precision:.3f}" if self.tp + self.fp else "  -  "
        r = f"{self.recall:.3f}" if self.tp + self.fn else "  -  "
        return (
            f"  {name:<16} P {p}  R {r}  "
            f"(tp {self.tp:>3}, fp {self.fp:>3}, fn {self.fn:>3}, tn {self.tn:>3}, "
            f"other touched {self.other})"
        )


def organisation(file_name: str) -> str:
    """``137-rotko-network-outage.md`` -> ``rotko``."""
    parts = file_name.split("-")
    return parts[1] if len(parts) > 2 else file_name


def score_task(
    labels: Sequence[Mapping[str, Any]],
    texts: Mapping[str, str],
    results: Mapping[str, Sequence[Diagnostic]],
    codes: Sequence[str],
    pos: str,
    neg: str,
) -> dict[str, Score]:
    """Scores under the keys ``all``, each half's name and ``org:<name>``."""
    scores: dict[str, Score] = {}
    for lab in labels:
        text = texts.get(lab["file"])
        if text is None:
            continue
        i = text.find(lab["text"])
        if i < 0:
            continue
        j = i + len(lab["text"])
        hit = [d for d in results[lab["file"]] if d.code in codes and d.start < j and i < d.end]
        half = next((h for h, first in HALVES if lab["file"].startswith(first)), "other")
        keys = ("all", half, f"org:{organisation(lab['file'])}")
        short = " ".join(lab["text"].split())[:110]
        for key in keys:
            s = scores.setdefault(key, Score())
            if lab["label"] == pos:
                if hit:
                    s.tp += 1
                else:
                    s.fn += 1
                    s.misses.append(f"{lab['file'][:3]} {short}")
            elif lab["label"] == neg:
                if hit:
                    s.fp += 1
                    s.false.append(f"{lab['file'][:3]} {short}\n         -> {hit[0].message}")
                else:
                    s.tn += 1
            elif hit:
                s.other += 1
                s.touched.append(
                    f"{lab['file'][:3]} [{lab['label']}] {short}\n         -> {hit[0].message}"
                )
    return scores


def report(task: str, codes: Sequence[str], scores: Mapping[str, Score], quiet: bool) -> None:
    total = scores.get("all", Score())
    print(f"\n{task} ({'+'.join(codes)}):")
    print(total.line("all"))
    for half, _first in HALVES:
        print(scores.get(half, Score()).line(half))
    print("  per organisation:")
    for key in sorted(k for k in scores if k.startswith("org:")):
        print(scores[key].line(key[4:]))
    if quiet:
        return
    for line in total.false:
        print(f"  FP   {line}")
    for line in total.misses:
        print(f"  MISS {line}")
    for line in total.touched:
        print(f"  OTHER {line}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--quiet", action="store_true", help="figures only")
    ap.add_argument("--task", choices=sorted(TASKS), help="only this task")
    args = ap.parse_args()
    labels = [
        json.loads(ln)
        for ln in (args.corpus / "labels.jsonl").read_text(encoding="utf-8").splitlines()
        if ln.strip()
    ]
    files = sorted(p for p in args.corpus.glob("*.md") if p.name != "README.md")
    nlp = NLP()
    nlp.load()
    config = resolve([Settings(), validate({"select": ["PM3", "PM4"]}, "bench", None)])
    texts = {p.name: p.read_text(encoding="utf-8") for p in files}
    words = sum(len(t.split()) for t in texts.values())
    t0 = time.perf_counter()
    results: dict[str, list[Diagnostic]] = {
        name: lint(text, config, nlp=nlp).diagnostics for name, text in texts.items()
    }
    cold = time.perf_counter() - t0
    t1 = time.perf_counter()
    for text in texts.values():
        lint(text, config, nlp=nlp)
    warm = time.perf_counter() - t1
    print(f"corpus: {len(files)} files, {words} words, {len(labels)} labelled sentences")
    print(
        f"throughput PM3xx+PM4xx: first run {cold:.2f} s ({words / cold:,.0f} words/s, "
        f"{nlp.parsed_texts} texts parsed, {nlp.parsed_chars:,} chars); "
        f"cached re-run {warm:.2f} s ({words / warm:,.0f} words/s)"
    )
    counts: dict[str, int] = {}
    for diags in results.values():
        for d in diags:
            counts[d.code] = counts.get(d.code, 0) + 1
    print(
        "diagnostics per 1,000 words: "
        + ", ".join(f"{c} {n * 1000 / words:.2f}" for c, n in sorted(counts.items()))
    )
    for task, (codes, pos, neg) in TASKS.items():
        if args.task and task != args.task:
            continue
        scores = score_task(labels, texts, results, codes, pos, neg)
        report(task, codes, scores, args.quiet)


if __name__ == "__main__":
    main()
