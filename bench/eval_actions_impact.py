"""Measure the action-item and impact rules on the real postmortems in ../shared/corpus.

Prints precision and recall of
  * vague-action: PM301 or PM306 against the labels vague-action / specific-action,
  * vague-impact: PM401 against the labels vague-impact / quantified-impact,
the misses and false positives, how many other labelled-clean sentences the rules touch, and
the throughput of PM3xx+PM4xx over the corpus (model load excluded).

A labelled sentence counts as flagged when a diagnostic of the rule overlaps its span. The
corpus is read here at run time only; nothing from it is copied into the project.

Usage: python bench/eval_actions_impact.py [--corpus DIR] [--quiet]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from pm_lsp.engine import lint
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.policy.config import Settings, resolve, validate
from pm_lsp.rules.spec import Diagnostic

ROOT = Path(__file__).resolve().parent.parent
TASKS = {
    "vague-action": (("PM301", "PM306"), "vague-action", "specific-action"),
    "vague-impact": (("PM401",), "vague-impact", "quantified-impact"),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--quiet", action="store_true", help="figures only")
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
        tp = fp = fn = tn = other = 0
        misses: list[str] = []
        false: list[str] = []
        for lab in labels:
            text = texts.get(lab["file"])
            if text is None:
                continue
            i = text.find(lab["text"])
            if i < 0:
                continue
            j = i + len(lab["text"])
            hit = [d for d in results[lab["file"]] if d.code in codes and d.start < j and i < d.end]
            short = " ".join(lab["text"].split())[:110]
            if lab["label"] == pos:
                if hit:
                    tp += 1
                else:
                    fn += 1
                    misses.append(f"{lab['file'][:3]} {short}")
            elif lab["label"] == neg:
                if hit:
                    fp += 1
                    false.append(f"{lab['file'][:3]} {hit[0].code} {short}")
                else:
                    tn += 1
            elif hit:
                other += 1
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        print(
            f"\n{task} ({'+'.join(codes)}): precision {p:.3f} recall {r:.3f} "
            f"(tp {tp}, fp {fp}, fn {fn}, tn {tn}); other labelled sentences touched: {other}"
        )
        if not args.quiet:
            for line in false:
                print(f"  FP   {line}")
            for line in misses:
                print(f"  MISS {line}")


if __name__ == "__main__":
    main()
