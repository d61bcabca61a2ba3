"""The engine's own CPU, outside spaCy: what a process's first lint costs, and a lint after.

For each input (a ~50,000-word file built from the corpus as ``bench/cli_speed.py`` builds
it, and a few corpus documents), fresh processes each load the model (not counted), lint
the document once, then lint it ``--per-lint`` times more with every cache emptied before
each (``pm_lsp.cache.clear_all``: memo tables, parses, the chunk cache). CPU is
``time.process_time``; the parse is the time inside ``NLP.parse_many``. Printed, medians
over ``--repeats`` processes:

* ``parse``: the first lint's parsing;
* ``set-up``: the first lint's CPU outside the parse minus a later lint's (the rule packs'
  compiled lexicons, regexes, gates, dictionaries: what a process pays once);
* ``rules``: a later lint's CPU outside the parse (every cache emptied before it);
* ``first``: the first lint's CPU outside the parse (``set-up + rules``).

``--root DIR`` (repeatable) measures other checkouts' engines in the same run, for
before/after figures. The machine is usually shared: CPU time is steadier than wall time,
but still compare figures measured in one run.

Run: ``python bench/engine_cpu.py [--repeats 3] [--per-lint 3] [--corpus DIR] [--docs A,B]``
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
#: corpus documents measured besides the big file: ~600 and ~1,400 words (read at run time)
DOCS = (
    "152-dotabod-silent-chat-outage.md",
    "109-pythondiscord-cascading-node-failures.md",
)


def _child(path: Path, per_lint: int) -> None:
    """One fresh process's figures, printed as JSON."""
    from pm_lsp import cache, engine
    from pm_lsp.nlp.pipeline import NLP
    from pm_lsp.policy.config import Settings, resolve

    text = path.read_text(encoding="utf-8")
    config = resolve([Settings()])
    nlp = NLP()
    nlp.load(entities=True)
    spent = [0.0]
    parse_many = NLP.parse_many

    def timed(self: NLP, *args: object, **kwargs: object) -> object:
        t = time.process_time()
        try:
            return parse_many(self, *args, **kwargs)  # type: ignore[arg-type]
        finally:
            spent[0] += time.process_time() - t

    NLP.parse_many = timed  # type: ignore[method-assign,assignment]
    lints = []
    for i in range(1 + per_lint):
        if i:
            cache.clear_all()
        spent[0] = 0.0
        t = time.process_time()
        engine.lint(text, config, nlp=nlp)
        lints.append((time.process_time() - t, spent[0]))
    print(json.dumps({"lints": lints}))


def _run_child(root: Path, path: Path, per_lint: int) -> dict[str, list[list[float]]]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(path)]
    cmd += ["--per-lint", str(per_lint)]
    env = {**os.environ, "PYTHONPATH": str(root)}
    p = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False, timeout=900)
    if p.returncode != 0:
        raise SystemExit(f"{root}: {path.name}: {p.stderr[-2000:]}")
    return json.loads(p.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def big_file(corpus: Path, where: Path) -> Path:
    """~50,000 words of corpus documents, built as ``cli_speed.py`` builds its file."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from cli_speed import fifty_thousand_words

    out = where / "words50k.md"
    out.write_text(fifty_thousand_words(sorted(corpus.glob("*.md"))), encoding="utf-8")
    return out


def measure(root: Path, path: Path, repeats: int, per_lint: int) -> dict[str, float]:
    parse, first, rules = [], [], []
    for _ in range(repeats):
        lints = _run_child(root, path, per_lint)["lints"]
        (t0, p0), later = lints[0], lints[1:]
        parse.append(p0)
        first.append(t0 - p0)
        rules.append(statistics.median(t - p for t, p in later))
    med = statistics.median
    return {
        "parse": med(parse),
        "setup": med(first) - med(rules),
        "rules": med(rules),
        "first": med(first),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeats", type=int, default=3, help="fresh processes per figure")
    ap.add_argument("--per-lint", type=int, default=3, help="lints after the first, each")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--docs", default=",".join(DOCS), help="corpus documents, comma-separated")
    ap.add_argument("--root", type=Path, action="append", help="a checkout (default: this)")
    ap.add_argument("--no-big", action="store_true", help="leave out the 50k-word file")
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child is not None:
        _child(args.child, args.per_lint)
        return
    roots = [r.resolve() for r in (args.root or [ROOT])]
    with tempfile.TemporaryDirectory(prefix="engine-cpu-") as tmp:
        where = Path(tmp)
        inputs = [args.corpus / name for name in args.docs.split(",") if name]
        if not args.no_big:
            inputs.insert(0, big_file(args.corpus, where))
        print(
            f"CPU seconds, medians of {args.repeats} fresh processes ({args.per_lint} later "
            "lints each); parse = first lint's parsing; set-up = first - rules"
        )
        print(f"{'checkout':<28} {'input':<46} parse  set-up rules  first")
        for root in roots:
            for path in inputs:
                f = measure(root, path, args.repeats, args.per_lint)
                print(
                    f"{str(root)[-28:]:<28} {path.name[:46]:<46} {f['parse']:.3f}  "
                    f"{f['setup']:.3f}  {f['rules']:.3f}  {f['first']:.3f}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
