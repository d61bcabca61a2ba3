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
import sys
from collections.abc import Iterable, Mapping, Sequence
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _eval import DEFAULT_CORPUS, Label, Score, print_breakdown, read_corpus, spans_of
from eval_actions_impact import TASKS

from pm_lsp.engine import lint
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.policy.config import Settings, resolve, validate
from pm_lsp.rules.spec import Diagnostic, Severity

BLAME_LABELS = ("blame", "counterfactual", "human-error", "judgment")
BLAME_CODES = ("PM101", "PM102", "PM103", "PM104", "PM105", "PM106", "PM107")


def score(
    labels: Iterable[Label],
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
        spans = spans_of(text, lab["text"])
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


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--quiet", action="store_true", help="figures only")
    args = ap.parse_args()
    corpus = read_corpus(args.corpus)
    labels, texts = corpus.labels, corpus.texts
    nlp = NLP()
    nlp.load()
    config = resolve([Settings(), validate({"select": ["PM1", "PM3", "PM4"]}, "bench", None)])
    results = {name: lint(text, config, nlp=nlp).diagnostics for name, text in texts.items()}
    words = sum(lint(t, config, nlp=nlp, rules=[]).doc.word_count() for t in texts.values())
    raw_words = corpus.words
    print(
        f"corpus: {len(texts)} files, {raw_words} words ({words} prose words outside code, "
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
    blame_tally = partial(
        score,
        texts=texts,
        results=results,
        codes=BLAME_CODES,
        positive=BLAME_LABELS,
        negative=None,
    )
    print_breakdown(labels, blame_tally)
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

    for task, (codes, pos, neg) in TASKS.items():
        t = score(labels, texts, results, codes, (pos,), (neg,))
        print(
            f"\n{task} ({'+'.join(codes)}): precision {t.precision:.3f} recall "
            f"{t.recall:.3f} (tp {t.tp}, fp {t.fp}, fn {t.fn}, tn {t.tn})"
        )
        tally = partial(
            score, texts=texts, results=results, codes=codes, positive=(pos,), negative=(neg,)
        )
        print_breakdown(labels, tally, organisations=False)
        if not args.quiet:
            for line in t.false:
                print(f"  FP   {line}")
            for line in t.misses:
                print(f"  MISS {line}")


if __name__ == "__main__":
    main()
