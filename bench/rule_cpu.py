"""Each rule's own CPU, where a change of one family shows: a big lint and an editor's edit.

``engine_cpu.py`` says what a lint costs in all; this says which rule spends it, so a change
that slows one family is found by its code rather than guessed. For each ``--root``
checkout, a fresh process loads the model (not counted) and times every rule's check
(``engine._check``, both passes, with the parse batch outside it), on:

* ``50k``: the ~50,000-word file ``cli_speed.py`` builds, linted ``--lints`` times with every
  cache emptied before each (the median is printed);
* ``edit``: the corpus document ``lsp_latency.py`` opens (~11,900 words), linted once, then
  edited ``--edits`` times (a word added at the start of a random paragraph anywhere in the
  document, as a keystroke burst does)
  with the caches kept, as the language server keeps them: the CPU per edit, by rule.

Printed: the total CPU of the lints (the parse included) and the rules that spend most, side
by side for the checkouts. CPU is ``time.process_time``; compare figures of one run.

Run: ``python bench/rule_cpu.py [--root A --root B] [--corpus DIR] [--top 12]``
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
HERE = Path(__file__).resolve().parent


def _child(kind: str, corpus: Path, big: Path, count: int) -> None:
    """One fresh process's figures for ``kind`` ("50k" or "edit"), printed as JSON."""
    from pm_lsp import cache, engine
    from pm_lsp.nlp.pipeline import NLP
    from pm_lsp.policy.config import Settings, resolve

    config = resolve([Settings()])
    nlp = NLP()
    nlp.load(entities=True)
    spent: collections.Counter[str] = collections.Counter()
    check = engine._check

    def timed(r: object, ctx: object) -> object:
        t = time.process_time()
        try:
            return check(r, ctx)  # type: ignore[arg-type]
        finally:
            spent[r.code] += time.process_time() - t  # type: ignore[attr-defined]

    engine._check = timed  # type: ignore[assignment]
    totals: list[float] = []
    per_rule: list[dict[str, float]] = []
    if kind == "50k":
        text = big.read_text(encoding="utf-8")
        engine.lint(text, config, nlp=nlp)  # a process's first lint pays its set-up
        for _ in range(count):
            cache.clear_all()
            spent.clear()
            t = time.process_time()
            engine.lint(text, config, nlp=nlp)
            totals.append(time.process_time() - t)
            per_rule.append(dict(spent))
    else:
        sys.path.insert(0, str(HERE))
        from lsp_latency import corpus_document

        text, lines = corpus_document(corpus, 11900)  # editable paragraphs: line numbers
        engine.lint(text, config, nlp=nlp)
        rng = random.Random(3)
        for n in range(count + 5):  # five edits to warm the memo tables, not counted
            line = rng.choice(lines)
            at = sum(len(x) + 1 for x in text.split("\n")[:line])  # where that line starts
            text = text[:at] + "quickly " + text[at:]
            spent.clear()
            t = time.process_time()
            engine.lint(text, config, nlp=nlp)
            if n >= 5:
                totals.append(time.process_time() - t)
                per_rule.append(dict(spent))
    codes = {c for run in per_rule for c in run}
    rules = {c: statistics.median(run.get(c, 0.0) for run in per_rule) for c in codes}
    print(json.dumps({"total": statistics.median(totals), "rules": rules}))


def measure(root: Path, kind: str, corpus: Path, big: Path, count: int) -> dict[str, object]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", kind]
    cmd += ["--corpus", str(corpus), "--big", str(big), "--count", str(count)]
    env = {**os.environ, "PYTHONPATH": str(root)}
    p = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False, timeout=1800)
    if p.returncode != 0:
        raise SystemExit(f"{root}: {kind}: {p.stderr[-2000:]}")
    return json.loads(p.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def report(kind: str, roots: list[Path], got: list[dict[str, object]], top: int) -> None:
    unit, scale = ("ms", 1000.0)
    print(f"\n{kind}: CPU {unit} (median), the {top} rules that spend most in any checkout")
    names = [str(r)[-24:] for r in roots]
    print(f"{'':<8}" + "".join(f"{n:>26}" for n in names))
    totals = [float(g["total"]) * scale for g in got]  # type: ignore[arg-type]
    print(f"{'total':<8}" + "".join(f"{t:>26.1f}" for t in totals))
    rules = [g["rules"] for g in got]
    codes = sorted(
        {c for r in rules for c in r},  # type: ignore[attr-defined]
        key=lambda c: -max(float(r.get(c, 0.0)) for r in rules),  # type: ignore[attr-defined]
    )[:top]
    for c in codes:
        row = [float(r.get(c, 0.0)) * scale for r in rules]  # type: ignore[attr-defined]
        print(f"{c:<8}" + "".join(f"{v:>26.2f}" for v in row))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", type=Path, action="append", help="a checkout (default: this)")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--lints", type=int, default=3, help="50k lints per checkout")
    ap.add_argument("--edits", type=int, default=30, help="edits per checkout")
    ap.add_argument("--top", type=int, default=12)
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--big", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--count", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child is not None:
        _child(args.child, args.corpus, args.big, args.count)
        return
    roots = [r.resolve() for r in (args.root or [ROOT])]
    sys.path.insert(0, str(HERE))
    from engine_cpu import big_file

    with tempfile.TemporaryDirectory(prefix="rule-cpu-") as tmp:
        big = big_file(args.corpus, Path(tmp))
        for kind, count in (("50k", args.lints), ("edit", args.edits)):
            got = [measure(r, kind, args.corpus, big, count) for r in roots]
            report(kind, roots, got, args.top)


if __name__ == "__main__":
    main()
