"""How ``pm-lint report`` scales: wall time and peak memory for N postmortems.

The folder of N postmortems is made by replicating a corpus (default ../shared/corpus, read
at run time only, written to a temporary folder that is deleted afterwards). A plain copy
would be unfair to the cache: identical paragraphs are parsed once and then served from
the parse cache, which real, distinct postmortems never allow. So every copy's plain
paragraphs and list items (lines that are not headings, table rows, quotes or code) get a
sentence naming the copy, which makes them new text for spaCy; tables (and so table
timelines and action-item tables) stay as written, and are the part the caches may still
serve from an earlier copy.

For each size it runs ``pm-lint report --format json`` as a subprocess (model loading
included, as a user sees it) and prints: wall time, milliseconds per document, the peak
resident memory of the largest process (the report process or a worker), and the
postmortems the report read. Linear cost means the ms per document stays flat as N grows,
and bounded memory means the peak stays flat too (the run keeps records, not documents).

Usage: python bench/report_scale.py [--sizes 1000 10000] [--jobs 2] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_NOT_PROSE = re.compile(r"^\s*(?:#|\||>|```|~~~|<|\*\*[^*]+\*\*\s*:|---|[-*+]\s*$)")


def distinct_copy(text: str, k: int) -> str:
    """``text`` with a sentence naming copy ``k`` after each paragraph or list line."""
    out = []
    fenced = False
    for line in text.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        if line.strip() and not fenced and not _NOT_PROSE.match(line):
            line = f"{line} Copy {k} of the review set."
        out.append(line)
    return "\n".join(out) + "\n"


def build(corpus: Path, n: int, dest: Path) -> int:
    """Write ``n`` postmortems into ``dest``, cycling through the corpus."""
    sources = sorted(corpus.glob("*.md"))
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sources]
    for i in range(n):
        k, j = divmod(i, len(texts))
        (dest / f"{i:05d}-{sources[j].name}").write_text(distinct_copy(texts[j], k))
    return n


def run(folder: Path, jobs: int) -> tuple[float, float, int]:
    """(wall seconds, peak RSS in MiB of the largest process, documents read)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "pm_lsp.cli", "report", "--format", "json", "--isolated",
         "--jobs", str(jobs), str(folder)],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    wall = time.perf_counter() - t0
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    read = json.loads(proc.stdout)["documents"]["read"]
    return wall, peak / 1024, read


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = ap.parse_args()
    print(f"pm-lint report --jobs {args.jobs}, corpus {args.corpus} replicated")
    print(f"{'docs':>7} {'wall s':>9} {'ms/doc':>8} {'peak MiB':>9}")
    for n in args.sizes:
        with tempfile.TemporaryDirectory(prefix="pm-report-scale-") as tmp:
            build(args.corpus, n, Path(tmp))
            wall, peak, read = run(Path(tmp), args.jobs)
        # the peak is the largest process so far: sizes run smallest first, so a later row
        # can only be its own peak or an earlier one's (printed as is, and said so)
        print(f"{read:>7} {wall:>9.1f} {1000 * wall / read:>8.1f} {peak:>9.0f}", flush=True)
    print("peak MiB: largest single process (report or worker) of the runs so far")


if __name__ == "__main__":
    main()
