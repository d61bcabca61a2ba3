"""Measure the timeline (PM501-PM504) and readability (PM601-PM602) rules on ../shared/corpus.

Prints, per corpus document with a timeline: entries found, the zone, time to detect /
mitigate / resolve, and the PM50x codes reported (with the flagged timestamp or duration as
written, and for PM504 the milestones found missing); then totals, diagnostics per 1,000
words, and the time taken by the timeline model and by each family (no spaCy is involved).
The corpus is read at run time only; nothing from it is copied into the project.

Usage: python bench/eval_timeline.py [--corpus DIR] [--quiet]
"""

from __future__ import annotations

import argparse
import collections
import time
from pathlib import Path

from pm_lsp.engine import lint
from pm_lsp.parse.markdown import parse
from pm_lsp.policy.config import Settings, resolve, validate
from pm_lsp.rules.timeline.model import timeline_of

ROOT = Path(__file__).resolve().parent.parent


def _mins(v: float | None) -> str:
    return "-" if v is None else f"{v:.0f}m"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--quiet", action="store_true", help="figures only")
    args = ap.parse_args()
    files = sorted(p for p in args.corpus.glob("*.md") if p.name != "README.md")
    texts = {p.name: p.read_text(encoding="utf-8") for p in files}
    tl_cfg = resolve([Settings(), validate({"select": ["PM5"]}, "bench", None)])
    rd_cfg = resolve([Settings(), validate({"select": ["PM6"]}, "bench", None)])

    t0 = time.perf_counter()
    docs = {name: parse(text, tl_cfg.template) for name, text in texts.items()}
    t_parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    timelines = {name: timeline_of(doc, tl_cfg.pack, tl_cfg.template) for name, doc in docs.items()}
    t_model = time.perf_counter() - t0

    t0 = time.perf_counter()
    tl_diags = {name: lint(text, tl_cfg).diagnostics for name, text in texts.items()}
    t_tl = time.perf_counter() - t0
    t0 = time.perf_counter()
    rd_diags = {name: lint(text, rd_cfg).diagnostics for name, text in texts.items()}
    t_rd = time.perf_counter() - t0

    words = sum(doc.word_count() for doc in docs.values())
    counts: collections.Counter[str] = collections.Counter()
    with_timeline = 0
    entries = 0
    for name, tl in timelines.items():
        for d in [*tl_diags[name], *rd_diags[name]]:
            counts[d.code] += 1
        if not tl.entries:
            continue
        with_timeline += 1
        entries += len(tl.entries)
        if args.quiet:
            continue
        m = tl.metrics.as_dict()
        flagged = ", ".join(
            f"{d.code} '{' '.join(texts[name][d.start : d.end].split())[:24]}'"
            + (f" {d.data['missing']}" if d.code == "PM504" and d.data else "")
            for d in tl_diags[name]
        )
        print(
            f"{name[:34]:34} {len(tl.entries):3} entries  zone={tl.zone or '-':8} "
            f"TTD {_mins(m['time_to_detect_minutes']):>6} TTM "
            f"{_mins(m['time_to_mitigate_minutes']):>6} TTR "
            f"{_mins(m['time_to_resolve_minutes']):>6}  {flagged}"
        )
    print(
        f"\ncorpus: {len(files)} files, {words} words; {with_timeline} timelines, {entries} entries"
    )
    print("diagnostics: " + ", ".join(f"{c} {counts[c]}" for c in sorted(counts)))
    print(
        "per 1,000 words: "
        + ", ".join(f"{c} {counts[c] * 1000 / max(words, 1):.2f}" for c in sorted(counts))
    )
    print(
        f"time: markdown parse {t_parse * 1000:.0f} ms, timeline model {t_model * 1000:.0f} ms"
        f" ({t_model * 1000 / max(len(files), 1):.2f} ms/doc); PM5 lint {t_tl:.2f} s, "
        f"PM6 lint {t_rd:.2f} s (textstat import included)"
    )


if __name__ == "__main__":
    main()
