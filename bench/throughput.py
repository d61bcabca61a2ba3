"""Throughput of the blame rules with the prefilter vs. parsing every sentence.

DESIGN section 2 ("parse only what can matter"): tagging + parsing + NER costs ~50x
tokenizing, so the blame rules parse only the sentences their lexical prefilter marks. This
script measures, in one run and as the median of a few repeats with the parse cache emptied
before each:

  1. the blame rules (PM101-PM107) over the corpus documents, with the prefilter and with
     ``full_parse()`` (every prose sentence through spaCy), words/second and the ratio;
  2. one large document (all corpus documents concatenated, read at run time): ``pm-lint``
     with every rule enabled vs. running the full spaCy pipeline over all of its prose.

The model load is excluded. The corpus is read here at run time only.

Usage: python bench/throughput.py [--corpus DIR] [--repeats N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from pm_lsp.blame_parse import full_parse
from pm_lsp.config import Settings, resolve, validate
from pm_lsp.document import parse
from pm_lsp.engine import lint
from pm_lsp.nlp import NLP

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
    files = sorted(p for p in args.corpus.glob("*.md") if p.name != "README.md")
    if not files:
        sys.exit(f"no documents in {args.corpus}")
    texts = [p.read_text(encoding="utf-8") for p in files]
    words = sum(len(t.split()) for t in texts)
    nlp = NLP()
    nlp.load()
    blame = resolve([Settings(), validate({"select": ["PM1"]}, "bench", None)])
    everything = resolve([Settings(), validate({}, "bench", None)])

    def blame_pass() -> None:
        for t in texts:
            lint(t, blame, nlp=nlp)

    def blame_full() -> None:
        with full_parse():
            blame_pass()

    fast = _median(blame_pass, nlp, args.repeats)
    parsed_fast = nlp.parsed_texts
    full = _median(blame_full, nlp, args.repeats)
    print(f"corpus: {len(files)} documents, {words:,} words; median of {args.repeats} runs, "
          f"parse cache emptied before each")
    print(f"blame rules, prefilter:          {fast:6.2f} s  {words / fast:9,.0f} words/s")
    print(f"blame rules, every sentence:     {full:6.2f} s  {words / full:9,.0f} words/s")
    print(f"prefilter speed-up:              {full / fast:6.1f}x  "
          f"({parsed_fast // args.repeats} texts parsed per run with the prefilter)")

    big = "\n\n".join(texts)
    prose = [b.text for b in parse(big, everything.template).prose_blocks() if b.text.strip()]
    model = nlp.load()

    def lint_all() -> None:
        lint(big, everything, nlp=nlp)

    def pipeline_all() -> None:
        list(model.pipe(prose, batch_size=64))

    t_lint = _median(lint_all, nlp, args.repeats)
    t_pipe = _median(pipeline_all, nlp, args.repeats)
    print(f"\none large document ({len(big.split()):,} words):")
    print(f"pm-lint, all rules:              {t_lint:6.2f} s  {words / t_lint:9,.0f} words/s")
    print(f"spaCy pipeline over all prose:   {t_pipe:6.2f} s  {words / t_pipe:9,.0f} words/s")
    print(f"ratio:                           {t_pipe / t_lint:6.1f}x")


if __name__ == "__main__":
    main()
