"""What the corpus evaluation scripts share: the corpus read at run time, its two halves and
its organisations, and precision/recall tallies printed per half and per organisation.

The halves are the documents the rules were developed on (001-067) and the ones added later
and never looked at while the rules were written (101-153): a rule fitted to the first shows
as a gap between the two. Per organisation, a rule fitted to one organisation's writing shows.
Nothing from the corpus is copied: it is read from ``--corpus`` at run time, and the lines
printed about single sentences exist only in the terminal.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"

#: (name, first character of the file names in it)
HALVES = (("001-067", "0"), ("101-153", "1"))

Label = Mapping[str, Any]


def half_of(file_name: str) -> str:
    """The corpus half a file belongs to ("other" for a file outside both)."""
    return next((name for name, first in HALVES if file_name.startswith(first)), "other")


def organisation(file_name: str) -> str:
    """The organisation a corpus file is from: the file-name part after the number
    (``137-rotko-network-outage.md`` -> ``rotko``)."""
    parts = file_name.split("-")
    return parts[1] if len(parts) > 2 else file_name


@dataclass
class Corpus:
    """The corpus as the scripts read it: texts by file name, the labelled sentences, and
    the structure records (where each part and metadata field is written)."""

    texts: dict[str, str]
    labels: list[Label]
    structure: list[Label]

    @property
    def words(self) -> int:
        return sum(len(t.split()) for t in self.texts.values())


def read_corpus(folder: Path) -> Corpus:
    """The corpus in ``folder``; exits with a message when there is none."""
    if not (folder / "labels.jsonl").is_file():
        raise SystemExit(f"no corpus at {folder} (labels.jsonl not found)")
    files = sorted(p for p in folder.glob("*.md") if p.name != "README.md")
    texts = {p.name: p.read_text(encoding="utf-8") for p in files}

    def lines(name: str) -> list[Label]:
        path = folder / name
        if not path.is_file():
            return []
        rows = [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln]
        return [r for r in rows if r.get("file") in texts]

    return Corpus(texts, lines("labels.jsonl"), lines("structure.jsonl"))


def spans_of(text: str, snippet: str) -> list[tuple[int, int]]:
    """Every place ``snippet`` (a labelled sentence, an exact substring) occurs in ``text``."""
    out = []
    i = text.find(snippet)
    while i >= 0:
        out.append((i, i + len(snippet)))
        i = text.find(snippet, i + 1)
    return out


@dataclass
class Score:
    """Labelled sentences a rule touched or not: true/false positives and negatives, and
    ``other`` for a sentence of neither class that a finding touches."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    other: int = 0
    misses: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)
    touched: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def silent(self) -> bool:
        """No positive and no finding: nothing to measure."""
        return self.tp + self.fp + self.fn == 0

    def line(self, name: str) -> str:
        p = f"{self.precision:.3f}" if self.tp + self.fp else "  -  "
        r = f"{self.recall:.3f}" if self.tp + self.fn else "  -  "
        other = f", other touched {self.other}" if self.other else ""
        return (
            f"  {name:<22} P {p}  R {r}  "
            f"(tp {self.tp:>3}, fp {self.fp:>3}, fn {self.fn:>3}, tn {self.tn:>3}{other})"
        )


def print_breakdown(
    labels: Sequence[Label],
    score: Callable[[Sequence[Label]], Score],
    *,
    organisations: bool = True,
) -> None:
    """``score`` of each corpus half, then (``organisations``) of each organisation within
    each half; organisations with no positive and no finding are named on one line."""
    for half, _first in HALVES:
        print(score([lab for lab in labels if half_of(lab["file"]) == half]).line(half))
    if not organisations:
        return
    print("  per organisation:")
    silent = []
    for half, _first in HALVES:
        in_half = [lab for lab in labels if half_of(lab["file"]) == half]
        for org in sorted({organisation(lab["file"]) for lab in in_half}):
            s = score([lab for lab in in_half if organisation(lab["file"]) == org])
            if s.silent:
                silent.append(f"{org} ({half[:3]})")
            else:
                print(s.line(f"{half[:3]} {org}"))
    if silent:
        print(f"  no positive and no finding: {', '.join(silent)}")
