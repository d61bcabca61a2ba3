"""Throughput of pm-lint against running spaCy over everything, and of the blame prefilter.

Parse only what can matter: tagging, parsing and entity recognition cost
~50x tokenizing, so the rules parse only the sentences their lexical prefilters mark, and
only the sentences whose verdict can depend on named entities go through the entity
recogniser. This script measures, in one run, each figure the median of ``--repeats`` runs
with the parse cache emptied before each (the model load is excluded throughout):

  1. one large document (all corpus documents joined, read at run time): ``pm-lint`` with
     every rule enabled vs. the full spaCy pipeline (``nlp.pipe`` over every prose block of
     the same text), words/second and the ratio. The first lint of the process is also
     printed on its own ("cold"): it pays one-time costs (``import textstat``, compiling the
     rule packs' regexes), which the warm median does not;
  2. the blame rules (PM101-PM107) over the corpus documents, with the prefilter vs. parsing
     every prose sentence with every pipeline component (``full_parse()`` and a second
     pipeline that always runs the entity recogniser).

Usage: python bench/throughput.py [--corpus DIR] [--repeats N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from pm_lsp.engine import lint
from pm_lsp.nlp.judge import full_parse
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.parse.markdown import parse
from pm_lsp.policy.config import Settings, resolve, validate

ROOT = Path(__file__).resolve().parent.parent


def _median(fn: Callable[[], object], nlp: NLP, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        nlp.clear()
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


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
    model = nlp.load()
    everything = resolve([Settings(), validate({}, "bench", None)])
    blame = resolve([Settings(), validate({"select": ["PM1"]}, "bench", None)])

    # -- 1. one large document -------------------------------------------------------------
    big = "\n\n".join(texts)
    big_words = len(big.split())
    prose = [b.text for b in parse(big, everything.template).prose_blocks() if b.text.strip()]

    def lint_all() -> None:
        lint(big, everything, nlp=nlp)

    def pipeline_all() -> None:
        list(model.pipe(prose, batch_size=64))

    nlp.clear()
    t0 = time.perf_counter()
    lint_all()  # the first lint of this process: imports, regex compilation, lexicons
    t_cold = time.perf_counter() - t0
    parsed, recognised = nlp.parsed_texts, nlp.ner_texts
    t_lint = _median(lint_all, nlp, args.repeats)
    t_pipe = _median(pipeline_all, nlp, args.repeats)
    print(
        f"one large document: {len(files)} corpus documents joined, {big_words:,} words, "
        f"{len(prose):,} prose blocks; model load excluded"
    )
    print(
        f"pm-lint, all rules, first run (cold): {t_cold:6.2f} s  "
        f"{big_words / t_cold:9,.0f} words/s  (includes one-time imports such as textstat)"
    )
    print(
        f"pm-lint, all rules (warm, median):    {t_lint:6.2f} s  {big_words / t_lint:9,.0f} "
        f"words/s  ({parsed:,} texts parsed, {recognised:,} through the entity recogniser)"
    )
    print(
        f"spaCy pipeline over all prose:        {t_pipe:6.2f} s  {big_words / t_pipe:9,.0f} words/s"
    )
    print(
        f"ratio (warm):                         {t_pipe / t_lint:6.1f}x   "
        f"(target >= 3x; cold: {t_pipe / t_cold:.1f}x)"
    )
    print(
        f"medians of {args.repeats} runs, parse cache emptied before each; the warm runs "
        f"follow the cold one in the same process, so one-time costs (textstat loading the "
        f"CMU pronouncing dictionary on the first PM602 grade, compiling the rule packs) "
        f"are in the cold figure only"
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
    fast = _median(blame_pass, nlp, args.repeats)
    parsed_fast = (nlp.parsed_texts - before) // args.repeats
    full = _median(blame_full, full_nlp, args.repeats)
    print(
        f"\nblame rules over the {len(files)} documents ({words:,} words), each linted on its own:"
    )
    print(
        f"prefilter:                            {fast:6.2f} s  {words / fast:9,.0f} words/s  "
        f"({parsed_fast:,} texts parsed per run)"
    )
    print(f"every sentence, every component:      {full:6.2f} s  {words / full:9,.0f} words/s")
    print(f"prefilter speed-up:                   {full / fast:6.1f}x")


if __name__ == "__main__":
    main()
