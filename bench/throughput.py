"""Throughput of pm-lint against running spaCy over everything, and of the blame prefilter.

Parse only what can matter: tagging, parsing and entity recognition cost
~50x tokenizing, so the rules parse only the sentences their lexical prefilters mark, and
only the sentences whose verdict can depend on named entities go through the entity
recogniser. This script measures, in one run, each figure the median of ``--repeats`` runs
with the parse cache emptied before each (the model load is excluded throughout):

  1. one large document (all corpus documents joined, read at run time): ``pm-lint`` with
     every rule enabled vs. the full spaCy pipeline (``nlp.pipe`` over every prose block of
     the same text, by a STOCK ``spacy.load`` of the same model: nothing swapped, every
     component), words/second and the ratio. The first lint of the process is also
     printed on its own ("cold"): it pays one-time costs (``import textstat``, compiling the
     rule packs' regexes), which the warm median does not. The lint is measured twice: with
     the pipeline as loaded for a lint (the dictionary attribute ruler,
     :mod:`pm_lsp.nlp.attribute_rules`, and the memo lemmatizer, :mod:`pm_lsp.nlp.lemmas`)
     and with spaCy's stock components (before). Per family, the texts judged on a parse
     and how many gave a finding are printed too;
  2. the blame rules (PM101-PM107) over the corpus documents, with the prefilter vs. parsing
     every prose sentence with every pipeline component (``full_parse()`` and a second
     pipeline that always runs the entity recogniser).

Every figure is given as wall time and as the process's CPU time: on a shared machine the
wall time is mostly waiting for a core, so the CPU ratios are the ones to compare.

Usage: python bench/throughput.py [--corpus DIR] [--repeats N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import spacy

from pm_lsp.engine import lint
from pm_lsp.nlp.judge import full_parse
from pm_lsp.nlp.pipeline import NLP, resolve_model
from pm_lsp.parse.markdown import parse
from pm_lsp.policy.config import Settings, resolve, validate

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Timing:
    """Median wall and CPU seconds (the process's own CPU time: on a shared machine the
    wall time is mostly waiting for a core, the CPU time is what the work costs)."""

    wall: float
    cpu: float


def _medians(fns: dict[str, tuple[Callable[[], object], NLP]], repeats: int) -> dict[str, Timing]:
    """Each function's medians over ``repeats`` rounds, the functions taking turns within a
    round (the machine's load changes over a run: every variant sees the same), the parse
    cache of its object emptied before each run."""
    walls: dict[str, list[float]] = {k: [] for k in fns}
    cpus: dict[str, list[float]] = {k: [] for k in fns}
    for _ in range(repeats):
        for key, (fn, nlp) in fns.items():
            nlp.clear()
            t0, c0 = time.perf_counter(), time.process_time()
            fn()
            walls[key].append(time.perf_counter() - t0)
            cpus[key].append(time.process_time() - c0)
    return {k: Timing(statistics.median(walls[k]), statistics.median(cpus[k])) for k in fns}


def _line(label: str, t: Timing, words: int, note: str = "") -> str:
    return (
        f"{label:<38}{t.wall:6.2f} s wall {t.cpu:6.2f} s CPU  {words / t.cpu:9,.0f} words/CPU-s"
        + (f"  ({note})" if note else "")
    )


def _judged_per_family(nlp: NLP) -> dict[str, tuple[int, int]]:
    """Per sentence-judging family (:mod:`pm_lsp.nlp.judge`), how many texts its judge
    read on a parse since the memo tables were emptied, and how many of them gave a finding:
    the texts parsed for nothing are what a tighter prefilter would save."""
    out: dict[str, tuple[int, int]] = {}
    for name, table in sorted(nlp.memos._tables.items()):
        if name.endswith(".judge"):
            verdicts = list(table._data.values())
            out[name.removesuffix(".judge")] = (len(verdicts), sum(1 for v in verdicts if v))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    if args.repeats < 3:
        sys.exit("--repeats must be at least 3 (the figures are medians)")
    files = sorted(p for p in args.corpus.glob("*.md") if p.name != "README.md")
    if not files:
        sys.exit(f"no documents in {args.corpus}")
    texts = [p.read_text(encoding="utf-8") for p in files]
    words = sum(len(t.split()) for t in texts)
    nlp = NLP()
    nlp.load()
    stock_nlp = NLP(fast_rules=False)  # the lint with spaCy's own attribute ruler, lemmatizer
    stock_nlp.load()
    name = resolve_model()
    assert name is not None
    model = spacy.load(name)  # the baseline: the model as spaCy loads it, every component
    everything = resolve([Settings(), validate({}, "bench", None)])
    blame = resolve([Settings(), validate({"select": ["PM1"]}, "bench", None)])

    # -- 1. one large document -------------------------------------------------------------
    big = "\n\n".join(texts)
    big_words = len(big.split())
    prose = [b.text for b in parse(big, everything.template).prose_blocks() if b.text.strip()]

    def lint_all() -> None:
        lint(big, everything, nlp=nlp)

    def lint_stock() -> None:
        lint(big, everything, nlp=stock_nlp)

    def pipeline_all() -> None:
        list(model.pipe(prose, batch_size=64))

    nlp.clear()
    t0, c0 = time.perf_counter(), time.process_time()
    lint_all()  # the first lint of this process: imports, regex compilation, lexicons
    cold = Timing(time.perf_counter() - t0, time.process_time() - c0)
    parsed, recognised = nlp.parsed_texts, nlp.ner_texts
    judged = _judged_per_family(nlp)
    lint_stock()  # its one-time costs too, outside the medians
    got = _medians(
        {
            "lint": (lint_all, nlp),
            "stock": (lint_stock, stock_nlp),
            "pipe": (pipeline_all, nlp),
        },
        args.repeats,
    )
    lint_t, stock_t, pipe_t = got["lint"], got["stock"], got["pipe"]
    print(
        f"one large document: {len(files)} corpus documents joined, {big_words:,} words, "
        f"{len(prose):,} prose blocks; model load excluded"
    )
    print(_line("pm-lint, all rules, first run (cold):", cold, big_words, "one-time imports"))
    print(
        _line(
            "pm-lint, all rules (warm, median):",
            lint_t,
            big_words,
            f"{parsed:,} texts parsed, {recognised:,} through the entity recogniser",
        )
    )
    print(
        "  texts judged on a parse, per family (with a finding): "
        + ", ".join(f"{name} {n:,} ({hit:,})" for name, (n, hit) in judged.items())
    )
    print(_line("  same, stock ruler and lemmatizer:", stock_t, big_words, "before"))
    print(_line("spaCy pipeline over all prose:", pipe_t, big_words, f"stock spacy.load({name!r})"))
    for label in ("wall", "cpu"):
        lt, pt, ct, st = (getattr(t, label) for t in (lint_t, pipe_t, cold, stock_t))
        print(
            f"ratio (warm, {label}):{'':<{22 - len(label)}}{pt / lt:6.1f}x   "
            f"(target >= 3x; cold: {pt / ct:.1f}x; before, with the stock ruler and lemmatizer: "
            f"{pt / st:.1f}x)"
        )
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} now")
    print(
        f"medians of {args.repeats} rounds, the three taking turns, parse cache emptied before "
        f"each; the warm runs follow the cold one in the same process, so one-time costs "
        f"(the pronouncing dictionary on the first PM602 grade, compiling the rule packs) are "
        f"in the cold figure only"
    )

    # -- 2. blame prefilter ----------------------------------------------------------------
    full_nlp = NLP(lazy_entities=False)
    full_nlp.load()

    def blame_pass() -> None:
        for t in texts:
            lint(t, blame, nlp=nlp)

    def blame_full() -> None:
        with full_parse():
            for t in texts:
                lint(t, blame, nlp=full_nlp)

    before = nlp.parsed_texts
    got = _medians({"fast": (blame_pass, nlp), "full": (blame_full, full_nlp)}, args.repeats)
    fast, full = got["fast"], got["full"]
    parsed_fast = (nlp.parsed_texts - before) // args.repeats
    print(
        f"\nblame rules over the {len(files)} documents ({words:,} words), each linted on its own:"
    )
    print(_line("prefilter:", fast, words, f"{parsed_fast:,} texts parsed per run"))
    print(_line("every sentence, every component:", full, words))
    print(
        f"prefilter speed-up:                   {full.wall / fast.wall:6.1f}x wall, "
        f"{full.cpu / fast.cpu:.1f}x CPU"
    )


if __name__ == "__main__":
    main()
