"""Measure the blame rules (PM101-PM107) on the real postmortems in ../shared/corpus.

Prints
  * blame precision and recall against labels.jsonl, overall, per corpus half (001-067,
    101-153) and per organisation (the file-name part after the number): the labels blame,
    counterfactual, human-error and judgment are positives; every other labelled sentence
    (clean, hard negatives, action and impact sentences) is a negative. A labelled sentence
    counts as flagged when a PM1xx diagnostic (any severity) overlaps its span;
  * the misses and false alarms (printed here at run time only; nothing from the corpus is
    copied into the project);
  * blame findings per 1,000 words over all the documents, all severities and warnings only;
  * vague-action (PM301+PM306) and vague-impact (PM401) precision and recall, with the task
    definitions imported from bench/eval_actions_impact.py.

The label text is an exact substring of its file; where it occurs more than once, every
occurrence counts.

Usage: python bench/eval_corpus.py [--corpus DIR] [--quiet]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pm_lsp.engine import lint
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.policy.config import Settings, resolve, validate
from pm_lsp.rules.spec import Diagnostic, Severity

ROOT = Path(__file__).resolve().parent.parent
BLAME_LABELS = ("blame", "counterfactual", "human-error", "judgment")
BLAME_CODES = ("PM101", "PM102", "PM103", "PM104", "PM105", "PM106", "PM107")


def _actions_impact_tasks() -> Mapping[str, tuple[tuple[str, ...], str, str]]:
    """The task table of bench/eval_actions_impact.py (codes, positive label, negative)."""
    path = Path(__file__).resolve().parent / "eval_actions_impact.py"
    spec = importlib.util.spec_from_file_location("eval_actions_impact", path)
    if spec is None or spec.loader is None:
        return {}
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # its dataclasses look their module up while being built
    spec.loader.exec_module(mod)
    tasks: Mapping[str, tuple[tuple[str, ...], str, str]] = mod.TASKS
    return tasks


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    misses: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0


def score(
    labels: Iterable[Mapping[str, Any]],
    texts: Mapping[str, str],
    results: Mapping[str, Sequence[Diagnostic]],
    codes: Sequence[str],
    positive: Sequence[str],
    negative: Sequence[str] | None,
) -> Score:
    """Precision/recall of ``codes`` against labels; ``negative=None`` means every other
    label is a negative."""
    s = Score()
    for lab in labels:
        text = texts.get(lab["file"])
        if text is None:
            continue
        spans = []
        i = text.find(lab["text"])
        while i >= 0:
            spans.append((i, i + len(lab["text"])))
            i = text.find(lab["text"], i + 1)
        if not spans:
            continue
        hit = [
            d
            for d in results[lab["file"]]
            if d.code in codes and any(d.start < b and a < d.end for a, b in spans)
        ]
        short = " ".join(lab["text"].split())[:120]
        if lab["label"] in positive:
            if hit:
                s.tp += 1
            else:
                s.fn += 1
                s.misses.append(f"{lab['file'][:3]} [{lab['label']}] {short}")
        elif negative is None or lab["label"] in negative:
            if hit:
                s.fp += 1
                s.false.append(f"{lab['file'][:3]} {hit[0].code} {short}")
            else:
                s.tn += 1
    return s


#: the corpus halves: the documents the rules were developed on, and the ones added later
#: and never looked at while the rules were written (numbered from 101)
HALVES = (("001-067", lambda name: name < "100"), ("101-153", lambda name: name >= "100"))


def print_halves(
    labels: Sequence[Mapping[str, Any]],
    texts: Mapping[str, str],
    results: Mapping[str, Sequence[Diagnostic]],
    codes: Sequence[str],
    positive: Sequence[str],
    negative: Sequence[str] | None,
) -> None:
    """Precision and recall on each corpus half, so a rule fitted to the first half shows."""
    for half, member in HALVES:
        sub = [lab for lab in labels if member(lab["file"])]
        h = score(sub, texts, results, codes, positive, negative)
        print(
            f"  files {half}: precision {h.precision:.3f} recall {h.recall:.3f} "
            f"(tp {h.tp}, fp {h.fp}, fn {h.fn})"
        )


def organisation(name: str) -> str:
    """The organisation a corpus file is from: the file-name part after the number
    ("001-dfds-k8s-ip-starvation.md" -> "dfds")."""
    parts = name.split("-")
    return parts[1] if len(parts) > 1 else name


def print_organisations(
    labels: Sequence[Mapping[str, Any]],
    texts: Mapping[str, str],
    results: Mapping[str, Sequence[Diagnostic]],
    codes: Sequence[str],
    positive: Sequence[str],
) -> None:
    """Precision and recall per organisation and corpus half, so that a rule fitted to one
    organisation's writing shows; organisations without a positive or a finding are
    summed on one line."""
    quiet = []
    for half, member in HALVES:
        orgs = sorted({organisation(lab["file"]) for lab in labels if member(lab["file"])})
        for org in orgs:
            sub = [
                lab for lab in labels if member(lab["file"]) and organisation(lab["file"]) == org
            ]
            s = score(sub, texts, results, codes, positive, None)
            if s.tp + s.fp + s.fn == 0:
                quiet.append(f"{org} ({half[:3]})")
                continue
            p = f"{s.precision:.2f}" if s.tp + s.fp else "  - "
            r = f"{s.recall:.2f}" if s.tp + s.fn else "  - "
            print(f"    {half} {org:18} precision {p} recall {r} (tp {s.tp}, fp {s.fp}, fn {s.fn})")
    if quiet:
        print(f"    no positive and no finding: {', '.join(quiet)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--quiet", action="store_true", help="figures only")
    args = ap.parse_args()
    if not (args.corpus / "labels.jsonl").is_file():
        sys.exit(f"no corpus at {args.corpus}")
    labels = [
        json.loads(ln)
        for ln in (args.corpus / "labels.jsonl").read_text(encoding="utf-8").splitlines()
        if ln.strip()
    ]
    files = sorted(p for p in args.corpus.glob("*.md") if p.name != "README.md")
    texts = {p.name: p.read_text(encoding="utf-8") for p in files}
    nlp = NLP()
    nlp.load()
    config = resolve([Settings(), validate({"select": ["PM1", "PM3", "PM4"]}, "bench", None)])
    results = {name: lint(text, config, nlp=nlp).diagnostics for name, text in texts.items()}
    words = sum(lint(t, config, nlp=nlp, rules=[]).doc.word_count() for t in texts.values())
    raw_words = sum(len(t.split()) for t in texts.values())
    print(
        f"corpus: {len(files)} files, {raw_words} words ({words} prose words outside code, "
        f"headings and markup), {len(labels)} labelled sentences"
    )

    blame = [d for ds in results.values() for d in ds if d.code in BLAME_CODES]
    warn = [d for d in blame if d.severity >= Severity.WARNING]
    per_code: dict[str, int] = {}
    for d in blame:
        per_code[d.code] = per_code.get(d.code, 0) + 1
    print(
        f"blame findings: {len(blame)} = {len(blame) * 1000 / raw_words:.2f} per 1,000 words "
        f"({len(blame) * 1000 / words:.2f} per 1,000 prose words); at warning level "
        f"{len(warn)} = {len(warn) * 1000 / raw_words:.2f} per 1,000 words "
        f"({len(warn) * 1000 / words:.2f} per 1,000 prose words); "
        + ", ".join(f"{c} {n}" for c, n in sorted(per_code.items()))
    )

    s = score(labels, texts, results, BLAME_CODES, BLAME_LABELS, None)
    clean_only = score(labels, texts, results, BLAME_CODES, BLAME_LABELS, ("clean",))
    print(
        f"\nblame (PM101-PM107): precision {s.precision:.3f} recall {s.recall:.3f} "
        f"(tp {s.tp}, fp {s.fp}, fn {s.fn}, tn {s.tn}); against 'clean' labels only: "
        f"precision {clean_only.precision:.3f}"
    )
    print_halves(labels, texts, results, BLAME_CODES, BLAME_LABELS, None)
    print("  per organisation:")
    print_organisations(labels, texts, results, BLAME_CODES, BLAME_LABELS)
    if not args.quiet:
        for line in s.false:
            print(f"  FP   {line}")
        for line in s.misses:
            print(f"  MISS {line}")
        print("  unlabelled blame findings (for reading, not scored):")
        labelled = [(lab["file"], lab["text"]) for lab in labels]
        for name, ds in results.items():
            text = texts[name]
            for d in ds:
                if d.code not in BLAME_CODES:
                    continue
                if any(
                    f == name and text.find(t) <= d.start < text.find(t) + len(t)
                    for f, t in labelled
                    if t in text
                ):
                    continue
                line_start = text.rfind("\n", 0, d.start) + 1
                line_end = text.find("\n", d.end)
                line = " ".join(text[line_start : line_end if line_end >= 0 else None].split())[
                    :120
                ]
                print(f"    {name[:3]} {d.code} {d.severity.label:7} {line}")

    for task, (codes, pos, neg) in _actions_impact_tasks().items():
        t = score(labels, texts, results, codes, (pos,), (neg,))
        print(
            f"\n{task} ({'+'.join(codes)}): precision {t.precision:.3f} recall "
            f"{t.recall:.3f} (tp {t.tp}, fp {t.fp}, fn {t.fn}, tn {t.tn})"
        )
        print_halves(labels, texts, results, codes, (pos,), (neg,))
        if not args.quiet:
            for line in t.false:
                print(f"  FP   {line}")
            for line in t.misses:
                print(f"  MISS {line}")


if __name__ == "__main__":
    main()
