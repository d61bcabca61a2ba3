"""Score the structure rules (PM201 missing section, PM203 missing metadata) on real postmortems.

An empty heading, or one holding only placeholders or template prompts, leaves its part
missing: PM202 reports it (with the part in its data) instead of a second PM201, so a
PM202 that names a part counts as a "missing" finding too.

``../shared/corpus/structure.jsonl`` records, per document, where each part (summary, impact,
timeline, root cause, contributing factors, detection, response, action items, lessons) and
each metadata field (date, authors, status, severity, duration) is expressed, or that it is
absent. A "missing X" finding is correct only if the record says X is absent.

Prints, for adoption mode (no template configured) and for ``template = "standard"``:
  * per concept and per metadata field: findings at warning level (true / false), findings
    at info level, and the absent parts that no finding names;
  * precision of the warnings and recall of the absent core parts (summary, impact, root
    cause, action items), the acceptance figures of the structure issue, for the whole
    corpus and per half (001-067, 101-153);
  * with ``--density``: warnings per 1,000 words over the whole corpus (every rule, the
    default selection), and the structure share of them.

File names are passed to the linter as the CLI does (the date may come from the name).
Misses and false alarms are printed at run time only (nothing from the corpus is copied).

Usage: python bench/eval_structure.py [--corpus DIR] [--density] [--quiet]
Run it against another checkout with ``PYTHONPATH=<checkout>``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _eval import DEFAULT_CORPUS, HALVES, half_of, read_corpus

from pm_lsp.engine import lint
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.policy.config import Config, Settings, resolve, validate
from pm_lsp.rules.spec import Diagnostic, Severity

#: template section id -> the part's name in structure.jsonl
SECTIONS = {
    "summary": "summary",
    "impact": "impact",
    "timeline": "timeline",
    "root-cause": "root_cause",
    "contributing-factors": "contributing_factors",
    "detection": "detection",
    "response": "response",
    "action-items": "action_items",
    "lessons": "lessons",
}
FIELDS = ("date", "authors", "status", "severity", "duration")
CORE = ("summary", "impact", "root_cause", "action_items")


@dataclass
class Tally:
    warn_true: int = 0
    warn_false: int = 0
    info_true: int = 0
    info_false: int = 0
    absent: int = 0
    absent_warned: int = 0
    absent_named: int = 0
    false: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)


def _named(diags: Sequence[Diagnostic]) -> dict[str, Severity]:
    """The concept or field each finding says is missing, at its worst severity: PM201,
    PM203, and PM202 on a heading that names the part but holds nothing of the author's."""
    out: dict[str, Severity] = {}
    for d in diags:
        data = d.data or {}
        if d.code in ("PM201", "PM202") and "section" in data:
            key = SECTIONS.get(str(data["section"]))
        elif d.code == "PM203" and "field" in data:
            key = str(data["field"])
        else:
            continue
        if key is not None and (key not in out or d.severity > out[key]):
            out[key] = d.severity
    return out


def score(
    records: Sequence[Mapping[str, Any]], results: Mapping[str, Sequence[Diagnostic]]
) -> dict[str, Tally]:
    tallies: dict[str, Tally] = {}
    for rec in records:
        named = _named(results[rec["file"]])
        parts = {**rec["concepts"], **rec["metadata"]}
        for key, where in parts.items():
            t = tallies.setdefault(key, Tally())
            absent = where.get("present") is False
            t.absent += absent
            sev = named.get(key)
            if sev is None:
                if absent:
                    t.missed.append(rec["file"])
                continue
            warned = sev >= Severity.WARNING
            if absent:
                t.absent_named += 1
                t.absent_warned += warned
                t.warn_true += warned
                t.info_true += not warned
            else:
                t.warn_false += warned
                t.info_false += not warned
                if warned:
                    t.false.append(f"{rec['file']} ({where.get('present')})")
    return tallies


def report(title: str, tallies: Mapping[str, Tally], quiet: bool) -> None:
    print(f"\n== {title}")
    print(
        f"{'part':22} {'warn ok':>7} {'warn bad':>8} {'info ok':>7} {'info bad':>8} "
        f"{'absent':>6} {'warned':>6} {'named':>5}"
    )
    for key, t in tallies.items():
        print(
            f"{key:22} {t.warn_true:7} {t.warn_false:8} {t.info_true:7} {t.info_false:8} "
            f"{t.absent:6} {t.absent_warned:6} {t.absent_named:5}"
        )
        if not quiet and t.false:
            print(f"    false warnings: {', '.join(t.false)}")
        if not quiet and t.missed:
            print(f"    absent, not named: {', '.join(t.missed)}")
    wt = sum(t.warn_true for t in tallies.values())
    wf = sum(t.warn_false for t in tallies.values())
    it = sum(t.info_true for t in tallies.values())
    inf = sum(t.info_false for t in tallies.values())
    core_abs = sum(tallies[k].absent for k in CORE if k in tallies)
    core_warn = sum(tallies[k].absent_warned for k in CORE if k in tallies)
    core_named = sum(tallies[k].absent_named for k in CORE if k in tallies)
    prec = wt / (wt + wf) if wt + wf else 1.0
    print(f"warnings: {wt + wf}, precision {prec:.3f} ({wt} true, {wf} false)")
    print(f"info findings: {it + inf} ({it} about absent parts, {inf} about present ones)")
    if core_abs:
        print(
            f"absent core parts: {core_abs}; recall at warning level {core_warn / core_abs:.3f}"
            f", any severity {core_named / core_abs:.3f}"
        )


def halves(name: str, tallies: Mapping[str, Tally]) -> None:
    """One line per corpus half: the figures were tuned on both, so a gap shows overfitting."""
    wt = sum(t.warn_true for t in tallies.values())
    wf = sum(t.warn_false for t in tallies.values())
    core_abs = sum(tallies[k].absent for k in CORE if k in tallies)
    core_warn = sum(tallies[k].absent_warned for k in CORE if k in tallies)
    prec = wt / (wt + wf) if wt + wf else 1.0
    rec = core_warn / core_abs if core_abs else 1.0
    print(
        f"  half {name}: warnings {wt + wf}, precision {prec:.3f}; "
        f"absent core parts {core_abs}, recall {rec:.3f}"
    )


def density(texts: Mapping[str, str], config: Config, nlp: NLP) -> None:
    warn = structure = 0
    per_code: dict[str, int] = {}
    for name, text in texts.items():
        for d in lint(text, config, path=Path(name), nlp=nlp).diagnostics:
            if d.severity >= Severity.WARNING:
                warn += 1
                structure += d.code.startswith("PM2")
                per_code[d.code] = per_code.get(d.code, 0) + 1
    words = sum(len(t.split()) for t in texts.values())
    print(
        f"\nadoption mode, every rule: {warn} warnings = {warn * 1000 / words:.2f} per 1,000 "
        f"words ({words} words); PM2xx {structure} = {structure * 1000 / words:.2f}; "
        + ", ".join(f"{c} {n}" for c, n in sorted(per_code.items()))
    )


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--density", action="store_true", help="also warnings per 1,000 words")
    ap.add_argument("--quiet", action="store_true", help="no per-document lists")
    args = ap.parse_args(argv)
    corpus = read_corpus(args.corpus)
    records, texts = corpus.structure, corpus.texts
    nlp = NLP()
    only = {"select": ["PM201", "PM202", "PM203"]}
    modes = {
        "adoption mode (no template configured)": resolve(
            [Settings(), validate(only, "bench", None)]
        ),
        'template = "standard"': resolve(
            [Settings(), validate({**only, "template": "standard"}, "bench", None)]
        ),
    }
    print(f"corpus: {len(texts)} files, {len(records)} with a structure record")
    for title, config in modes.items():
        results = {
            r["file"]: lint(texts[r["file"]], config, path=Path(r["file"]), nlp=nlp).diagnostics
            for r in records
        }
        report(title, score(records, results), args.quiet)
        for half, _first in HALVES:
            halves(half, score([r for r in records if half_of(r["file"]) == half], results))
    if args.density:
        nlp.load()
        density(texts, resolve([Settings()]), nlp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
