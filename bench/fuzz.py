"""Fuzz the real engine with hostile Markdown: no exception, ranges inside, fixes safe.

Each document is ``tests/hostile.py``'s generator seeded with its number, so a failure is
replayed with ``--replay N``. For every document, with every rule and the real spaCy model:

- the lint raises nothing and reports no rule crash (PM003);
- every diagnostic's range, and every edit of its fix, lies inside the document;
- applying all safe fixes (the ``--fix`` loop; with ``--unsafe``, the unsafe ones too)
  keeps the fix-safety invariant, checked here from the outside on the whole result (each
  fix's own check is inside the loop): the BOM
  stays first (or absent), no line break of a kind the file did not use appears, the lines
  the fixes did not rewrite are all there in order, the file grows by at most the text the
  fixes inserted, and a second ``--fix`` changes nothing;
- the lint of the fixed text raises nothing and reports no crash;
- on every ``--noqa-every``-th document, ``--add-noqa`` run on its own output adds nothing.

Speed: documents are small, each worker loads the model once and keeps the engine warm
(caches are per process), and ``--jobs`` workers (default: every core) share the seeds.

Usage: python bench/fuzz.py [--count 100000] [--seed 0] [--jobs N] [--noqa-every 4] [--unsafe]
(Ctrl-C or SIGTERM stops it early and prints how many documents were checked.)
       python bench/fuzz.py --replay N   # print document N and its failures
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import re
import signal
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hostile import document_for_seed, kept_outside_edits  # noqa: E402

from pm_lsp.engine import LintResult, lint  # noqa: E402
from pm_lsp.fixes import fix_text  # noqa: E402
from pm_lsp.nlp.pipeline import NLP  # noqa: E402
from pm_lsp.policy.config import Config, Settings, resolve  # noqa: E402
from pm_lsp.rules.spec import Diagnostic, Severity  # noqa: E402
from pm_lsp.suppression.baseline import add_noqa  # noqa: E402

_BREAKS = re.compile(r"\r\n|\r|\n")
_CHUNK = 50

_state: dict[str, object] = {}


def _init(unsafe: bool = False) -> None:
    _state["unsafe"] = unsafe
    nlp = NLP()
    nlp.load()
    _state["nlp"] = nlp
    _state["config"] = resolve([Settings()])


class _Linter:
    """The engine on one document and the texts its fixes produce, each linted once."""

    def __init__(self) -> None:
        self.seen: dict[str, LintResult] = {}
        self.failures: list[str] = []

    def __call__(self, text: str) -> LintResult:
        res = self.seen.get(text)
        if res is None:
            config = _state["config"]
            nlp = _state["nlp"]
            assert isinstance(config, Config) and isinstance(nlp, NLP)
            res = self.seen[text] = lint(text, config, nlp=nlp)
            self.failures += _check_result(text, res)
        return res

    def diagnostics(self, text: str) -> Sequence[Diagnostic]:
        return self(text).diagnostics


def _check_result(text: str, res: LintResult) -> list[str]:
    out = [f"rule error: {e}" for e in res.errors]
    n = len(text)
    for d in res.diagnostics:
        if not 0 <= d.start <= d.end <= n:
            out.append(f"{d.code} range {d.start}-{d.end} outside 0-{n}")
            continue
        if d.fix is not None:
            out += [
                f"{d.code} fix edit {e.start}-{e.end} outside 0-{n}"
                for e in d.fix.edits
                if not 0 <= e.start <= e.end <= n
            ]
    return out


def _check_fixes(text: str, linter: _Linter) -> list[str]:
    unsafe = bool(_state.get("unsafe"))
    once = fix_text(text, linter.diagnostics, unsafe=unsafe)
    fixed = once.text
    out: list[str] = []
    if fix_text(fixed, linter.diagnostics, unsafe=unsafe).text != fixed:
        out.append("--fix twice differs from --fix once")
    if len(fixed) - len(text) > once.inserted:
        out.append(f"grew by {len(fixed) - len(text)} > inserted {once.inserted}")
    if fixed.startswith("\ufeff") != text.startswith("\ufeff"):
        out.append("the BOM moved")
    have = set(_BREAKS.findall(text))
    if have and not set(_BREAKS.findall(fixed)) <= have:
        out.append("a line break of a new kind appeared")
    if not kept_outside_edits(text, fixed):
        out.append("lines outside the fixes changed")
    linter(fixed)  # the re-lint (its failures are collected by the linter)
    return out


def _check_add_noqa(text: str, linter: _Linter) -> list[str]:
    first = add_noqa(text, linter, Severity.HINT)
    if first.result.errors:
        return []  # reported by the lint checks
    second = add_noqa(first.text, linter, Severity.HINT)
    if second.text != first.text or second.added:
        return [f"--add-noqa not idempotent: the second run added {second.added}"]
    return []


def check(seed: int, noqa_every: int) -> list[str]:
    """Every failure of document ``seed`` (an empty list: it passed)."""
    text = document_for_seed(seed)
    linter = _Linter()
    out: list[str] = []
    try:
        linter(text)
        out += _check_fixes(text, linter)
        if noqa_every and seed % noqa_every == 0:
            out += _check_add_noqa(text, linter)
    except Exception:
        out.append("exception:\n" + traceback.format_exc())
    return sorted(set(out + linter.failures))


def _run_chunk(job: tuple[int, int, int]) -> tuple[int, list[tuple[int, list[str]]]]:
    start, stop, noqa_every = job
    failed = []
    for seed in range(start, stop):
        problems = check(seed, noqa_every)
        if problems:
            failed.append((seed, problems))
    return stop - start, failed


def _report(seed: int, problems: list[str]) -> None:
    print(f"FAIL document {seed} (replay: python bench/fuzz.py --replay {seed})")
    for p in problems:
        print("   ", p.replace("\n", "\n    "))


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=0, help="number of the first document")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--noqa-every", type=int, default=4, help="0: no --add-noqa checks")
    ap.add_argument("--unsafe", action="store_true", help="apply unsafe fixes too")
    ap.add_argument("--replay", type=int, help="print one document and check it")
    ap.add_argument("--every", type=int, default=5000, help="print progress this often")
    args = ap.parse_args(argv)
    if args.replay is not None:
        _init(args.unsafe)
        print(repr(document_for_seed(args.replay)))
        problems = check(args.replay, 1)
        for p in problems:
            print("   ", p)
        return 1 if problems else 0
    jobs = [
        (s, min(s + _CHUNK, args.seed + args.count), args.noqa_every)
        for s in range(args.seed, args.seed + args.count, _CHUNK)
    ]
    began = time.perf_counter()
    done = failures = 0
    ctx = multiprocessing.get_context("spawn")  # a forked spaCy pipeline is unsafe
    signal.signal(signal.SIGTERM, _stop)
    pool = ctx.Pool(args.jobs, initializer=_init, initargs=(args.unsafe,))
    try:
        for n, failed in pool.imap_unordered(_run_chunk, jobs):
            done += n
            failures += len(failed)
            for seed, problems in failed:
                _report(seed, problems)
            if done % args.every < _CHUNK or done == args.count:
                rate = done / (time.perf_counter() - began)
                print(f"{done} documents, {failures} failing ({rate:.1f}/s)", flush=True)
        pool.close()
    except KeyboardInterrupt:
        print("stopped before the end (the count below is what was checked)")
        pool.terminate()
    pool.join()
    elapsed = time.perf_counter() - began
    print(
        f"fuzz: {done} documents (from seed {args.seed}), "
        f"{failures} failing, {elapsed:.0f} s with {args.jobs} worker(s)",
        flush=True,
    )
    return 1 if failures else 0


def _stop(signum: int, frame: object) -> None:
    """SIGTERM ends the run like Ctrl-C: the workers stop and the summary is printed."""
    raise KeyboardInterrupt


if __name__ == "__main__":
    raise SystemExit(main())
