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
import sys
import time
from collections.abc import Mapping, Sequence
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _eval import DEFAULT_CORPUS, Label, Score, print_breakdown, read_corpus

from pm_lsp.engine import lint
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.policy.config import Settings, resolve, validate
from pm_lsp.rules.spec import Diagnostic

TASKS = {
    "vague-action": (("PM301", "PM306"), "vague-action", "specific-action"),
    "vague-impact": (("PM401",), "vague-impact", "quantified-impact"),
}


def score(
    labels: Sequence[Label],
    texts: Mapping[str, str],
    results: Mapping[str, Sequence[Diagnostic]],
    codes: Sequence[str],
    pos: str,
    neg: str,
) -> Score:
    """The task's tally over ``labels``: a labelled sentence counts as flagged when a
    diagnostic of one of ``codes`` overlaps its first occurrence."""
    s = Score()
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
    return s


def report(
    task: str, codes: Sequence[str], labels: Sequence[Label], tally: partial[Score], quiet: bool
) -> None:
    total = tally(labels)
    print(f"\n{task} ({'+'.join(codes)}):")
    print(total.line("all"))
    print_breakdown(labels, tally)
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
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--quiet", action="store_true", help="figures only")
    ap.add_argument("--task", choices=sorted(TASKS), help="only this task")
    args = ap.parse_args()
    corpus = read_corpus(args.corpus)
    labels, texts = corpus.labels, corpus.texts
    nlp = NLP()
    nlp.load()
    config = resolve([Settings(), validate({"select": ["PM3", "PM4"]}, "bench", None)])
    words = corpus.words
    t0 = time.perf_counter()
    results: dict[str, list[Diagnostic]] = {
        name: lint(text, config, nlp=nlp).diagnostics for name, text in texts.items()
    }
    cold = time.perf_counter() - t0
    t1 = time.perf_counter()
    for text in texts.values():
        lint(text, config, nlp=nlp)
    warm = time.perf_counter() - t1
    print(f"corpus: {len(texts)} files, {words} words, {len(labels)} labelled sentences")
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
        tally = partial(score, texts=texts, results=results, codes=codes, pos=pos, neg=neg)
        report(task, codes, labels, tally, args.quiet)


if __name__ == "__main__":
    main()
