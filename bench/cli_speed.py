"""Whole-process speed of ``pm-lint`` where users feel it, side by side with proselint and alex.

Every figure is one whole command (interpreter start, imports, model load, output), the
median wall time of ``--repeats`` runs and the peak resident memory of the slowest process
tree, measured with ``/usr/bin/time``. The cases:

* ``tiny cold``: one ~60-word postmortem, empty on-disk cache (``--cache-dir`` pointing at a
  fresh folder), so every rule runs and the spaCy model is loaded;
* ``tiny warm``: the same file again with the cache the first run filled: nothing is parsed;
* ``tiny changed``: the file edited after that: one file linted for real with a warm cache
  folder (what a pre-commit run on one edited postmortem costs);
* ``50 corpus``: the first 50 corpus documents (read at run time), cold cache;
* ``50k words``: corpus documents joined into one ~50,000-word file, cold cache; ``jobs50k``:
  the same with ``--jobs 0`` (one file, so no pool: its parse batch is shared with a forked
  copy of the process);
* ``250 seq`` / ``250 jobs``: 250 distinct files, the corpus copied until there are 250 with
  the words of each line shuffled per copy (no cache can serve one copy from another), cold
  cache, sequential and with ``--jobs 0`` (auto);
* ``daemon-changed``, ``daemon50k``, ``daemonj50k``: ``pm-lint --daemon`` with a warm daemon
  (started and answering before the runs, in a private runtime folder): the tiny file edited
  before each run, and the 50k-word file (with ``--jobs 0`` for the last), all with
  ``--no-cache``, so that every lint starts from empty result, parse and rule caches and
  only the loaded model and the built indexes are warm. Wall time is the client's; the CPU
  seconds are the client's plus the daemon's over the runs (its own and its forked copies',
  from ``/proc``), averaged; the memory is the daemon's peak.

proselint and alex get the same files (no cache either has). They live outside the project:
``--proselint`` (a venv's ``proselint``) and ``--alex`` (``node_modules/.bin/alex``) default to
``/work/tmp-speed``, where ``python bench/peers.py`` installs them at the measured versions
(``--install-peers`` does it first); a tool that is missing is left out.

The machine this runs on is usually shared, so absolute times are inflated: the ratios,
measured in one run, are what to compare. ``--pm-lint-root DIR`` (repeatable) measures other
checkouts' pm-lint (e.g. the commit before a change, for before/after in one table); options
one does not have (``--cache-dir``, ``--jobs 0``) are left out for it. Modules are compiled
before the runs (``compileall``), as in an installed package, and one unmeasured run on the
50k-word file fills the checkout's own table of compiled regular expressions
(``pm_lsp/regex_cache.py``, in the bench's temporary folder), as any earlier run on a
machine fills the user's: "cold" is about the result cache, not about either.

Run: ``python bench/cli_speed.py [--repeats 3] [--corpus DIR] [--only CASE,...]``
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TMP = Path("/work/tmp-speed")

TINY = """# Incident: search results were stale

**Date**: 2024-05-02
**Status**: Draft

## Summary

John forgot to run the reindex job after the schema change, so search served results
that were two days old for most of the afternoon. We should improve monitoring.
"""

CASES = (
    "tiny-cold",
    "tiny-warm",
    "tiny-changed",
    "corpus50",
    "words50k",
    "jobs50k",
    "files250",
    "jobs250",
    "daemon-changed",
    "daemon50k",
    "daemonj50k",
)


@dataclass
class Figure:
    seconds: float
    rss_mib: float
    cpu: float = 0.0  #: user + system seconds of the whole process tree (median run)


def timed(cmd: Sequence[str], env: dict[str, str], repeats: int, prepare: object = None) -> Figure:
    """Median wall time and the largest peak RSS over ``repeats`` runs of ``cmd``, run in
    a neutral folder (``python -m`` puts the working directory first on ``sys.path``, which
    would run this checkout's code whatever ``PYTHONPATH`` says)."""
    walls: list[float] = []
    cpus: list[float] = []
    rss = 0.0
    for _ in range(repeats):
        if callable(prepare):
            prepare()
        with tempfile.NamedTemporaryFile("r", suffix=".time") as out:
            subprocess.run(
                ["/usr/bin/time", "-o", out.name, "-f", "%e %M %U %S", *cmd],
                env=env,
                cwd=tempfile.gettempdir(),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=False,
            )
            last = Path(out.name).read_text().strip().splitlines()[-1].split()
        walls.append(float(last[0]))
        cpus.append(float(last[2]) + float(last[3]))
        rss = max(rss, int(last[1]) / 1024)
    return Figure(statistics.median(walls), rss, statistics.median(cpus))


def shuffled(text: str, rng: random.Random) -> str:
    """The same Markdown with the words of each prose line in another order: headings,
    tables, fences and list markers stay, so the structure (and the rules' work) is alike
    but no sentence is the same."""
    out = []
    for line in text.split("\n"):
        words = line.split(" ")
        if len(words) < 4 or line.lstrip().startswith(("#", "|", "```", "<!--", "**")):
            out.append(line)
            continue
        head = 1 if words[0].rstrip(".") in ("-", "*", "+") or words[0][:-1].isdigit() else 0
        body = words[head:]
        rng.shuffle(body)
        out.append(" ".join(words[:head] + body))
    return "\n".join(out)


def fifty_thousand_words(docs: Sequence[Path]) -> str:
    """The ~50,000-word postmortem: ``docs`` joined in order until there are 50,000 words,
    every copy after the first round with its words shuffled (:func:`shuffled`)."""
    parts: list[str] = []
    words = 0
    i = 0
    while words < 50_000:
        t = docs[i % len(docs)].read_text(encoding="utf-8", errors="replace")
        parts.append(t if i < len(docs) else shuffled(t, random.Random(i)))
        words += len(t.split())
        i += 1
    return "\n\n".join(parts)


def build_inputs(corpus: Path, where: Path) -> dict[str, list[Path]]:
    docs = sorted(corpus.glob("*.md"))
    if len(docs) < 50:
        raise SystemExit(f"{corpus}: fewer than 50 corpus documents")
    tiny = where / "tiny" / "postmortem.md"
    tiny.parent.mkdir(parents=True)
    tiny.write_text(TINY)
    c50 = where / "corpus50"
    c50.mkdir()
    for d in docs[:50]:
        shutil.copy(d, c50 / d.name)
    big = where / "words50k" / "postmortem.md"
    big.parent.mkdir()
    big.write_text(fifty_thousand_words(docs), encoding="utf-8")
    f250 = where / "files250"
    f250.mkdir()
    rng = random.Random(250)
    for k in range(250):
        d = docs[k % len(docs)]
        text = d.read_text(encoding="utf-8", errors="replace")
        (f250 / f"{k:03d}-{d.name}").write_text(shuffled(text, rng), encoding="utf-8")
    return {
        "tiny": [tiny],
        "corpus50": sorted(c50.glob("*.md")),
        "words50k": [big],
        "files250": sorted(f250.glob("*.md")),
    }


class PmLint:
    def __init__(self, root: Path, cache_root: Path) -> None:
        self.root = root
        # like an installed package: modules compiled once, then read from __pycache__
        self.env = {**os.environ, "PYTHONPATH": str(root)}
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", str(root / "pm_lsp")],
            env=self.env,
            stdout=subprocess.DEVNULL,
            check=False,
        )
        self.cache_root = cache_root
        # its own table of compiled regular expressions (pm_lsp/regex_cache.py), filled by
        # one run before the measured ones (see warm_patterns), as any earlier run on the
        # machine fills the user's; a checkout without the table ignores the variable
        self.env["PM_LSP_REGEX_CACHE"] = str(cache_root / "regex-table.marshal")
        self.fresh = 0
        help_text = subprocess.run(
            [sys.executable, "-m", "pm_lsp.cli", "--help"],
            env=self.env,
            cwd=tempfile.gettempdir(),
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        self.has_cache = "--cache-dir" in help_text
        self.has_daemon = "--daemon" in help_text
        self.auto_jobs = "--jobs 0" in help_text or "0 = auto" in help_text

    def warm_patterns(self, paths: Sequence[Path]) -> None:
        """One unmeasured run, which leaves the compiled-pattern table as an earlier run on
        the machine would (like ``compileall`` for the modules)."""
        subprocess.run(
            [*self.cmd(paths, None), "--no-cache"],
            env=self.env,
            cwd=tempfile.gettempdir(),
            capture_output=True,
            check=False,
        )

    def new_cache(self) -> Path:
        self.fresh += 1
        path = self.cache_root / f"cache{self.fresh}"
        shutil.rmtree(path, ignore_errors=True)
        return path

    def cmd(self, paths: Sequence[Path], cache: Path | None, jobs: int = 1) -> list[str]:
        cmd = [sys.executable, "-m", "pm_lsp.cli", "--isolated", "--quiet"]
        if self.has_cache and cache is not None:
            cmd += ["--cache-dir", str(cache)]
        if jobs != 1:
            cmd += ["--jobs", str(jobs if jobs > 0 or self.auto_jobs else 2)]
        return cmd + [str(p) for p in paths]


def pm_lint_figures(
    tool: PmLint, inputs: dict[str, list[Path]], repeats: int, only: set[str]
) -> dict[str, Figure]:
    """Kept in one piece: one statement per case, in the order of the table."""
    figs: dict[str, Figure] = {}
    tiny = inputs["tiny"]

    def run(case: str, paths: list[Path], jobs: int = 1, reps: int = repeats) -> None:
        if case not in only:
            return
        cache = tool.new_cache()

        def prepare() -> None:
            shutil.rmtree(cache, ignore_errors=True)

        figs[case] = timed(tool.cmd(paths, cache, jobs), tool.env, reps, prepare)

    run("tiny-cold", tiny)
    if "tiny-warm" in only and tool.has_cache:
        cache = tool.new_cache()
        timed(tool.cmd(tiny, cache), tool.env, 1)
        figs["tiny-warm"] = timed(tool.cmd(tiny, cache), tool.env, repeats)
    if "tiny-changed" in only and tool.has_cache:
        cache = tool.new_cache()
        timed(tool.cmd(tiny, cache), tool.env, 1)
        edit = [0]

        def change() -> None:
            edit[0] += 1
            tiny[0].write_text(TINY + f"\nThe page fired {edit[0]} times before anyone saw it.\n")

        figs["tiny-changed"] = timed(tool.cmd(tiny, cache), tool.env, repeats, change)
        tiny[0].write_text(TINY)
    run("corpus50", inputs["corpus50"])
    run("words50k", inputs["words50k"])
    run("jobs50k", inputs["words50k"], jobs=0)
    run("files250", inputs["files250"], reps=1)
    run("jobs250", inputs["files250"], jobs=0, reps=1)
    if tool.has_daemon and only & {"daemon-changed", "daemon50k", "daemonj50k"}:
        figs.update(daemon_figures(tool, inputs, repeats, only))
    return figs


def daemon_figures(
    tool: PmLint, inputs: dict[str, list[Path]], repeats: int, only: set[str]
) -> dict[str, Figure]:
    """The ``--daemon`` cases, with one daemon started (and stopped) for them."""
    figs: dict[str, Figure] = {}
    runtime = Path(tempfile.mkdtemp(prefix="pmd", dir="/tmp"))  # a short socket path
    env = {**tool.env, "XDG_RUNTIME_DIR": str(runtime)}
    base = [sys.executable, "-m", "pm_lsp.cli"]
    try:
        subprocess.run([*base, "--daemon", "--version"], env=env, capture_output=True)
        pid = _daemon_pid(base, env)
        tiny = inputs["tiny"]
        edit = [0]

        def change() -> None:
            edit[0] += 1
            tiny[0].write_text(TINY + f"\nThe pager rang {edit[0]} times before anyone woke.\n")

        for case, paths, extra, prepare in (
            ("daemon-changed", tiny, [], change),
            ("daemon50k", inputs["words50k"], [], None),
            ("daemonj50k", inputs["words50k"], ["--jobs", "0"], None),
        ):
            if case not in only:
                continue
            cmd = [*base, "--daemon", "--isolated", "--quiet", "--no-cache", *extra]
            before = _cpu_of(pid)
            fig = timed([*cmd, *map(str, paths)], env, repeats, prepare)
            fig.cpu += (_cpu_of(pid) - before) / repeats
            fig.rss_mib = _peak_mib(pid)
            figs[case] = fig
        tiny[0].write_text(TINY)
    finally:
        subprocess.run([*base, "daemon", "stop"], env=env, capture_output=True)
        shutil.rmtree(runtime, ignore_errors=True)
    return figs


def _daemon_pid(base: list[str], env: dict[str, str]) -> int:
    """The daemon's process id once it answers (it answers when warm)."""
    for _ in range(600):
        done = subprocess.run([*base, "daemon", "status"], env=env, capture_output=True, text=True)
        if done.returncode == 0:
            return int(done.stdout.split("pid ")[1].split(",")[0])
        time.sleep(0.2)
    raise SystemExit("the daemon did not answer")


def _cpu_of(pid: int) -> float:
    """User and system seconds of a process and of its children it has waited for."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = sum(int(f) for f in fields[11:15])  # utime stime cutime cstime
    return ticks / os.sysconf("SC_CLK_TCK")


def _peak_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def other_figures(
    cmd: list[str], inputs: dict[str, list[Path]], repeats: int, only: set[str]
) -> dict[str, Figure]:
    figs: dict[str, Figure] = {}
    env = dict(os.environ)
    for case, key, reps in (
        ("tiny-cold", "tiny", repeats),
        ("corpus50", "corpus50", repeats),
        ("words50k", "words50k", repeats),
        ("files250", "files250", 1),
    ):
        if case in only:
            figs[case] = timed([*cmd, *map(str, inputs[key])], env, reps)
    return figs


def table(columns: dict[str, dict[str, Figure]], only: set[str]) -> str:
    names = list(columns)
    lines = [
        f"{'case':<14}" + "".join(f"{n:>24}" for n in names),
        "-" * (14 + 24 * len(names)),
    ]
    for case in CASES:
        if case not in only:
            continue
        row = f"{case:<14}"
        for n in names:
            f = columns[n].get(case)
            row += f"{f.seconds:>11.2f} s {f.rss_mib:>6.0f} MiB" if f else f"{'-':>24}"
        lines.append(row)
    return "\n".join(lines)


def ratios(columns: dict[str, dict[str, Figure]]) -> list[str]:
    """The targets, each as wall time and as CPU time (on a loaded machine the wall time is
    mostly waiting for a core; CPU seconds are what the work itself costs)."""
    pm = columns["pm-lint"]
    out = []

    def both(label: str, f: Figure) -> None:
        out.append(f"{label}: {f.seconds:.2f} s wall, {f.cpu:.2f} s CPU")

    if "tiny-warm" in pm:
        both("warm-cache re-run of an unchanged file (target <= 0.3 s)", pm["tiny-warm"])
    if "tiny-changed" in pm:
        both("changed one-file run (target <= 1.2 s)", pm["tiny-changed"])
    if "daemon-changed" in pm:
        both("changed one-file run through a warm --daemon", pm["daemon-changed"])
    for n, col in columns.items():
        for case in ("tiny-cold", "corpus50", "words50k", "files250"):
            if n != "pm-lint" and case in col and case in pm:
                a, b = pm[case], col[case]
                out.append(
                    f"{case}, pm-lint / {n}: {a.seconds / b.seconds:.2f}x wall, "
                    f"{a.cpu / b.cpu:.2f}x CPU"
                    + (" (target <= 2x)" if case == "words50k" and n == "proselint" else "")
                )
        for case, label in (
            ("jobs50k", "--jobs 0"),
            ("daemon50k", "--daemon (warm)"),
            ("daemonj50k", "--daemon --jobs 0 (warm)"),
        ):
            if n == "proselint" and case in pm and "words50k" in col:
                a, b = pm[case], col["words50k"]
                out.append(
                    f"words50k, pm-lint {label} / proselint: {a.seconds / b.seconds:.2f}x "
                    f"wall, {a.cpu / b.cpu:.2f}x CPU (target <= 2x)"
                )
    if "files250" in pm and "jobs250" in pm:
        seq, par = pm["files250"], pm["jobs250"]
        out.append(
            f"250 files, sequential / --jobs 0 (auto): {seq.seconds / par.seconds:.2f}x wall "
            "(target >= 1.5x)"
        )
        out.append(
            f"250 files, CPU seconds: sequential {seq.cpu:.1f}, --jobs 0 {par.cpu:.1f} "
            f"(the pool's extra work: {par.cpu / seq.cpu - 1:+.0%}; with two idle cores the "
            f"wall time would be about {seq.cpu / (par.cpu / 2):.2f}x shorter)"
        )
    return out


def machine_note(load_before: tuple[float, float, float]) -> str:
    """The machine's load over the run and whether Linux shares the CPU per session
    (autogroup): then, while other sessions keep every core busy, ``--jobs`` workers split
    one session's share and cannot finish sooner than one process."""
    cpus = os.cpu_count() or 1
    after = os.getloadavg()
    try:
        autogroup = Path("/proc/sys/kernel/sched_autogroup_enabled").read_text().strip() == "1"
    except OSError:
        autogroup = False
    note = (
        f"machine: {cpus} CPUs, load average {load_before[0]:.1f} at the start, "
        f"{after[0]:.1f} at the end"
    )
    if autogroup:
        note += "; autogroup scheduling on (CPU shared per session: under load, --jobs cannot win)"
    return note


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--proselint", type=Path, default=TMP / "proselint-venv/bin/proselint")
    ap.add_argument("--alex", type=Path, default=TMP / "alex/node_modules/.bin/alex")
    ap.add_argument(
        "--pm-lint-root",
        type=Path,
        action="append",
        default=[],
        help="checkouts whose pm-lint to measure (default: this one); repeat to compare",
    )
    ap.add_argument("--only", default=",".join(CASES), help="comma-separated cases")
    ap.add_argument("--install-peers", action="store_true", help="install proselint and alex first")
    args = ap.parse_args()
    if args.install_peers:
        from peers import install

        install(args.proselint.parents[2])
    only = {c.strip() for c in args.only.split(",") if c.strip()}
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="pm-lint-speed-") as tmp:
        where = Path(tmp)
        inputs = build_inputs(args.corpus, where)
        columns: dict[str, dict[str, Figure]] = {}
        roots = args.pm_lint_root or [ROOT]
        for i, root in enumerate(roots):
            name = "pm-lint" if i == 0 else f"pm-lint@{root.name}"  # ratios use the first
            tool = PmLint(root, where / f"c{i}")
            tool.warm_patterns(inputs["words50k"])
            columns[name] = pm_lint_figures(tool, inputs, args.repeats, only)
        if args.proselint.exists():
            columns["proselint"] = other_figures(
                [str(args.proselint), "check"], inputs, args.repeats, only
            )
        if args.alex.exists():
            columns["alex"] = other_figures([str(args.alex)], inputs, args.repeats, only)
    print(f"median wall time of {args.repeats} runs (250-file cases: 1 run); peak RSS")
    print("(shared machine: absolute times are inflated, compare the ratios)")
    print(machine_note(load_before))
    print(table(columns, only))
    print("CPU seconds (user + system):")
    for n, col in columns.items():
        print(f"  {n}: " + ", ".join(f"{c} {f.cpu:.2f}" for c, f in col.items()))
    for line in ratios(columns):
        print(line)


if __name__ == "__main__":
    main()
