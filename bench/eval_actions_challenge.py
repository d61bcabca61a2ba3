"""Measure PM301/PM306 on the project's own challenge set of action items.

``tests/data/actions_challenge.tsv`` holds action items written for this project, each
labelled vague (PM301 or PM306 must report it) or specific (neither may), with the form it
is written in (a list item, an open or a checked task, a table row, a numbered lesson, a
paragraph in a follow-up or Lessons section, a paragraph in a Detection or Response
section) and the class of writing it stands for. Each entry is placed in a small postmortem
of its form, under one of several follow-up headings that real postmortems use, and linted
on its own.

Prints precision and recall overall, per form and per class, and the entries the rules get
wrong. ``tests/test_actions_commitments.py`` asserts the overall figures.

Usage: python bench/eval_actions_challenge.py [--quiet]
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pm_lsp.engine import lint
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.policy.config import Settings, resolve, validate

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "actions_challenge.tsv"
CODES = ("PM301", "PM306")
FORMS = ("list", "task", "done", "table", "numbered", "prose", "narrative")

#: follow-up headings the list, task and table forms are placed under, in turn
ACTION_HEADINGS = (
    "Action items",
    "Corrective actions",
    "Long term solution",
    "Future measures",
    "Remediation",
    "Resulting actions",
    "Follow-up",
    "Next steps",
)
#: headings for the numbered and prose forms: Lessons and sections mixing proposals in
PROSE_HEADINGS = (
    "Lessons learned",
    "What could have gone better",
    "Opportunities",
    "Recommendations",
    "Takeaways",
)
#: headings for the narrative form: anywhere else
NARRATIVE_HEADINGS = ("Detection", "Response", "Root cause", "Summary")


@dataclass(frozen=True)
class Entry:
    label: str  #: "vague" or "specific"
    form: str
    kind: str  #: the class of writing
    text: str


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    wrong: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def line(self, name: str) -> str:
        return (
            f"  {name:<20} P {self.precision:.3f}  R {self.recall:.3f}  "
            f"(tp {self.tp:>3}, fp {self.fp:>3}, fn {self.fn:>3}, tn {self.tn:>3})"
        )


def load(path: Path = DATA) -> list[Entry]:
    """The entries of the challenge file (comment lines start with '#')."""
    out: list[Entry] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 4 or parts[0] not in ("vague", "specific") or parts[1] not in FORMS:
            raise ValueError(f"{path}:{n}: expected label<TAB>form<TAB>class<TAB>text")
        out.append(Entry(*parts))
    return out


def document(entry: Entry, index: int) -> str:
    """A small postmortem holding ``entry`` in its form (heading chosen by ``index``)."""
    head = "# Cache outage\n\n## Summary\n\nThe cache cluster was unavailable for 40 minutes.\n\n"
    text = entry.text
    if entry.form in ("list", "task", "done", "table"):
        title = ACTION_HEADINGS[index % len(ACTION_HEADINGS)]
        if entry.form == "table":
            body = (
                "| Action | Owner | Due |\n|---|---|---|\n"
                f"| {text} | @sam | 2026-03-01 |\n"
                "| Rotate the cache password | @kim | 2026-03-02 |\n"
            )
        else:
            box = {"list": "", "task": "[ ] ", "done": "[x] "}[entry.form]
            body = f"- {box}{text}\n- {box}Rotate the cache password\n"
        return f"{head}## {title}\n\n{body}"
    if entry.form == "numbered":
        title = PROSE_HEADINGS[index % len(PROSE_HEADINGS)]
        return f"{head}## {title}\n\n1. The failover worked as designed.\n2. {text}\n"
    if entry.form == "prose":
        title = PROSE_HEADINGS[index % len(PROSE_HEADINGS)]
        return f"{head}## {title}\n\nThe cache came back at 14:40.\n\n{text}\n"
    title = NARRATIVE_HEADINGS[index % len(NARRATIVE_HEADINGS)]
    return f"{head}## {title}\n\nThe cache came back at 14:40.\n\n{text}\n"


def flagged(entries: Sequence[Entry], nlp: NLP) -> list[bool]:
    """For each entry: does a PM301/PM306 diagnostic overlap its text in its document?"""
    config = resolve([Settings(), validate({"select": list(CODES)}, "challenge", None)])
    out: list[bool] = []
    for i, e in enumerate(entries):
        text = document(e, i)
        a = text.index(e.text)
        b = a + len(e.text)
        diags = lint(text, config, nlp=nlp).diagnostics
        out.append(any(d.code in CODES and d.start < b and a < d.end for d in diags))
    return out


def scores(entries: Sequence[Entry], hits: Iterable[bool]) -> dict[str, Score]:
    """Scores under ``all``, ``form:<form>`` and ``class:<class>``."""
    out: dict[str, Score] = {}
    for e, hit in zip(entries, hits, strict=True):
        for key in ("all", f"form:{e.form}", f"class:{e.kind}"):
            s = out.setdefault(key, Score())
            if e.label == "vague":
                if hit:
                    s.tp += 1
                else:
                    s.fn += 1
                    s.wrong.append(f"MISS [{e.form}/{e.kind}] {e.text}")
            elif hit:
                s.fp += 1
                s.wrong.append(f"FP   [{e.form}/{e.kind}] {e.text}")
            else:
                s.tn += 1
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quiet", action="store_true", help="figures only")
    args = ap.parse_args()
    entries = load()
    nlp = NLP()
    nlp.load()
    result = scores(entries, flagged(entries, nlp))
    vague = sum(e.label == "vague" for e in entries)
    print(f"challenge set: {len(entries)} entries ({vague} vague, {len(entries) - vague} specific)")
    print(result["all"].line("all"))
    for key in sorted(k for k in result if k.startswith("form:")):
        print(result[key].line(key))
    for key in sorted(k for k in result if k.startswith("class:")):
        print(result[key].line(key))
    if not args.quiet:
        for line in result["all"].wrong:
            print(f"  {line}")


if __name__ == "__main__":
    main()
