"""The engine alone: ``engine.lint`` after a one-paragraph edit, per rule and in total.

The language server's edit latency (``bench/lsp_latency.py``) is almost all ``engine.lint``;
this script shows where that time goes. For a ~10,000-word document (the synthetic one of
``bench/lsp_latency.py``, and the real postmortems of the evaluation corpus joined, read at
run time) it lints the document once (warm-up: model loaded, every block parsed, the memo
caches filled), then applies ``--edits`` one-paragraph edits, each to text the caches have
never seen, and lints after each, like the server does on ``didChange``. It prints the
median and p95 of the whole lint and the median of each step: ``document.parse``, every
rule's check (the blame rules share one analysis, so the first one, PM101, carries it), and
the rest (suppressions, sorting).

With ``--profile`` it also prints the top functions of a cProfile run over the same edits.

Run: ``python bench/lint_latency.py [--words 10000] [--edits 30] [--corpus DIR] [--profile]``
(``--corpus`` defaults to ``../shared/corpus``; ``--no-corpus`` skips that document).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import random
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lsp_latency import corpus_document, make_document, paragraph

from pm_lsp import engine
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.policy.config import Settings, resolve
from pm_lsp.rules.spec import Finding, Rule, RuleContext

ROOT = Path(__file__).resolve().parent.parent


def edited_texts(text: str, editable: list[int], edits: int, corpus: bool) -> list[str]:
    """The same kind of edits as ``bench/lsp_latency.py``: one paragraph each, new text."""
    lines = text.split("\n")
    rng = random.Random(11)
    out = []
    for k in range(edits):
        line = rng.choice(editable)
        if corpus:
            lines[line] += f" The team revised this paragraph in edit {k}."
        else:
            lines[line] = paragraph(rng, 10_000 + k)
        out.append("\n".join(lines))
    return out


class Timer:
    """Per-step wall times of one lint, collected through wrapped rules and parse."""

    def __init__(self) -> None:
        self.current: dict[str, float] = defaultdict(float)

    def rule(self, r: Rule) -> Rule:
        def check(ctx: RuleContext) -> Iterable[Finding]:
            t0 = time.perf_counter()
            try:
                return list(r.check(ctx))
            finally:
                self.current[r.code] += time.perf_counter() - t0

        return Rule(spec=r.spec, check=check)

    def wrap_parse(
        self, fn: Callable[..., engine.PostmortemDoc]
    ) -> Callable[..., engine.PostmortemDoc]:
        def parse(*args: object, **kwargs: object) -> engine.PostmortemDoc:
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.current["document.parse"] += time.perf_counter() - t0

        return parse


def measure(name: str, text: str, texts: list[str], profile: bool) -> None:
    config = resolve([Settings()])
    nlp = NLP()
    timer = Timer()
    rules = [timer.rule(r) for r in engine.enabled_rules(config, None)]
    original_parse = engine.parse
    engine.parse = timer.wrap_parse(original_parse)  # type: ignore[assignment]
    try:
        t0 = time.perf_counter()
        engine.lint(text, config, nlp=nlp, rules=rules)
        first = 1000 * (time.perf_counter() - t0)
        steps: dict[str, list[float]] = defaultdict(list)
        totals: list[float] = []
        prof = cProfile.Profile() if profile else None
        for t in texts:
            timer.current.clear()
            if prof is not None:
                prof.enable()
            t0 = time.perf_counter()
            engine.lint(t, config, nlp=nlp, rules=rules)
            total = time.perf_counter() - t0
            if prof is not None:
                prof.disable()
            totals.append(1000 * total)
            for k, v in timer.current.items():
                steps[k].append(1000 * v)
            steps["rest (suppressions, sorting)"].append(
                1000 * (total - sum(timer.current.values()))
            )
    finally:
        engine.parse = original_parse  # type: ignore[assignment]
    totals.sort()
    p95 = totals[max(0, round(0.95 * len(totals)) - 1)]
    print(
        f"\n{name}: {len(text.split())} words; first lint (model load, every block parsed) "
        f"{first:.0f} ms"
    )
    print(
        f"  engine.lint after a one-paragraph edit, {len(totals)} edits: median "
        f"{statistics.median(totals):.1f} ms, p95 {p95:.1f} ms, min {totals[0]:.1f} ms"
    )
    ranked = sorted(steps.items(), key=lambda kv: -statistics.median(kv[1]))
    for k, vs in ranked:
        med = statistics.median(vs)
        if med >= 0.05:
            print(f"    {k:<30} median {med:7.2f} ms   max {max(vs):7.2f} ms")
    small = [k for k, vs in ranked if statistics.median(vs) < 0.05]
    if small:
        print(f"    under 0.05 ms: {', '.join(small)}")
    if prof is not None:
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(25)
        print(out.getvalue())


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--words", type=int, default=10_000)
    ap.add_argument("--edits", type=int, default=30)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--no-corpus", action="store_true", help="the synthetic document only")
    ap.add_argument("--no-synthetic", action="store_true", help="the corpus document only")
    ap.add_argument("--profile", action="store_true", help="print a cProfile of the edits")
    args = ap.parse_args()
    if not args.no_synthetic:
        text, editable = make_document(args.words)
        measure("synthetic", text, edited_texts(text, editable, args.edits, False), args.profile)
    if not args.no_corpus:
        if not args.corpus.is_dir():
            sys.exit(f"no corpus at {args.corpus} (pass --corpus DIR or --no-corpus)")
        text, editable = corpus_document(args.corpus, args.words)
        measure(
            f"corpus {args.corpus}",
            text,
            edited_texts(text, editable, args.edits, True),
            args.profile,
        )


if __name__ == "__main__":
    main()
