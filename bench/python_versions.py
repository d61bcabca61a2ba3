"""Every supported CPython installs pm-lsp from its wheel and reports the same findings.

``requires-python`` in pyproject.toml is a promise: each version from that floor to the newest
one we claim (3.13 unless ``--newest`` says otherwise) must install the wheel with its pinned
dependencies and give the same diagnostics, and the version just below the floor must be
refused by pip itself rather than install and then fail at run time. This script checks both
with the interpreters pyenv has here (``python3.X`` on ``PATH`` otherwise):

  1. build the wheel once (``pip wheel --no-deps``), so every version installs the same file;
  2. for each version, a fresh venv and ``pip install <wheel>`` (not editable, dependencies
     resolved for that interpreter), timed;
  3. ``pm-lint --format json --exit-zero`` over tests/fixtures, examples/ and the corpus in
     ``../shared/corpus`` (when present), from the installed package only (``PYTHONPATH`` is
     dropped and the import location is checked);
  4. the JSON reports compared with the first version's, ignoring the ``version`` field and
     the directories the inputs live in;
  5. for the version below the floor, ``pip install`` must fail with pip's "requires a
     different Python".

It prints one row per version and exits 1 when a version is missing, fails to install or to
lint, reports different diagnostics, or when the version below the floor is not refused.
Installs download the dependencies (spaCy, numpy, the model), a few minutes each.

Usage: python bench/python_versions.py [--workdir DIR] [--keep] [--newest 3.13] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
REFUSAL = "requires a different Python"
INSTALL_TIMEOUT = 1800
LINT_TIMEOUT = 900


@dataclass
class Result:
    """What one interpreter did: the row of the table, and the report it produced."""

    minor: tuple[int, int]
    python: str = "-"
    install_s: float | None = None
    lint_s: float | None = None
    libs: str = "-"
    report: dict[str, Any] | None = None
    problem: str = ""
    identical: str = "-"

    @property
    def label(self) -> str:
        return f"{self.minor[0]}.{self.minor[1]}"


def floor_version() -> tuple[int, int]:
    """The ``>=3.N`` lower bound that pyproject.toml declares."""
    spec = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    m = re.search(r">=\s*3\.(\d+)", spec["requires-python"])
    if m is None:
        sys.exit(f"cannot read a '>=3.N' floor from requires-python = {spec['requires-python']!r}")
    return (3, int(m.group(1)))


def _pyenv_versions() -> dict[tuple[int, int], Path]:
    """The newest patch release pyenv has of each CPython minor version, by its interpreter."""
    if shutil.which("pyenv") is None:
        return {}
    out = subprocess.run(
        ["pyenv", "versions", "--bare"], capture_output=True, text=True, check=False
    ).stdout
    root = subprocess.run(["pyenv", "root"], capture_output=True, text=True, check=False)
    found: dict[tuple[int, int], tuple[tuple[int, ...], Path]] = {}
    for name in out.split():
        if not re.fullmatch(r"3\.\d+\.\d+", name):
            continue  # only plain CPython releases (no pypy, no -dev builds)
        parts = tuple(int(x) for x in name.split("."))
        exe = Path(root.stdout.strip()) / "versions" / name / "bin" / "python3"
        minor = (parts[0], parts[1])
        if exe.exists() and (minor not in found or parts > found[minor][0]):
            found[minor] = (parts, exe)
    return {minor: exe for minor, (_, exe) in found.items()}


def find_interpreter(minor: tuple[int, int]) -> Path | None:
    """pyenv's interpreter for ``minor``, else ``python3.N`` on ``PATH``."""
    exe = _pyenv_versions().get(minor)
    if exe is not None:
        return exe
    which = shutil.which(f"python{minor[0]}.{minor[1]}")
    return Path(which) if which else None


def _clean_env() -> dict[str, str]:
    """The environment minus what would make a venv import the checkout instead of the wheel."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME"}}
    env.pop("VIRTUAL_ENV", None)
    return env


def _run(cmd: list[str], timeout: int, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cmd, capture_output=True, text=True, check=False, timeout=timeout, cwd=cwd, env=_clean_env()
    )


def _last_lines(text: str, n: int = 6) -> str:
    return "\n".join(text.strip().splitlines()[-n:])


def build_wheel(out_dir: Path) -> Path:
    """The project's wheel, built once from the checkout with its declared build backend."""
    p = _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out_dir), str(ROOT)],
        INSTALL_TIMEOUT,
        out_dir,
    )
    wheels = sorted(out_dir.glob("pm_lsp-*.whl"))
    if p.returncode != 0 or not wheels:
        sys.exit(f"building the wheel failed:\n{_last_lines(p.stdout + p.stderr, 20)}")
    return wheels[-1]


def make_venv(exe: Path, where: Path, result: Result) -> Path | None:
    """A fresh venv for ``exe``; records the exact interpreter version on ``result``."""
    shutil.rmtree(where, ignore_errors=True)
    p = _run([str(exe), "-m", "venv", str(where)], 300, where.parent)
    if p.returncode != 0:
        result.problem = f"venv failed: {_last_lines(p.stderr)}"
        return None
    python = where / "bin" / "python"
    v = _run([str(python), "-c", "import platform; print(platform.python_version())"], 60, where)
    result.python = v.stdout.strip() or "?"
    return python


def install(python: Path, wheel: Path, result: Result) -> bool:
    """``pip install <wheel>`` into the venv, timed; False (with the reason) when it fails."""
    t0 = time.perf_counter()
    p = _run([str(python), "-m", "pip", "install", str(wheel)], INSTALL_TIMEOUT, wheel.parent)
    result.install_s = time.perf_counter() - t0
    if p.returncode != 0:
        result.problem = f"install failed: {_last_lines(p.stdout + p.stderr)}"
        return False
    probe = (
        "import importlib.metadata as m, pm_lsp; "
        "print(pm_lsp.__file__); print(m.version('spacy'), m.version('numpy'))"
    )
    q = _run([str(python), "-c", probe], 120, wheel.parent)
    lines = q.stdout.splitlines()
    venv = python.parent.parent
    if q.returncode != 0 or len(lines) < 2 or not Path(lines[0]).is_relative_to(venv):
        result.problem = f"pm_lsp is not imported from the venv: {q.stdout}{q.stderr}"
        return False
    spacy, numpy = lines[1].split()
    result.libs = f"spaCy {spacy}, numpy {numpy}"
    return True


def normalise(raw: str, roots: dict[str, Path]) -> dict[str, Any]:
    """The JSON report without what may differ legitimately: ``version`` and input directories."""
    for label, path in roots.items():
        raw = raw.replace(json.dumps(str(path))[1:-1], label)
    data: dict[str, Any] = json.loads(raw)
    data.pop("version", None)
    return data


def lint(python: Path, roots: dict[str, Path], result: Result) -> None:
    """``pm-lint --format json --exit-zero`` over every input with the venv's own entry point."""
    cmd = [str(python.parent / "pm-lint"), "--format", "json", "--exit-zero"]
    t0 = time.perf_counter()
    p = _run(cmd + [str(p) for p in roots.values()], LINT_TIMEOUT, python.parent.parent)
    result.lint_s = time.perf_counter() - t0
    if p.returncode != 0:
        result.problem = f"pm-lint exited {p.returncode}: {_last_lines(p.stderr)}"
        return
    try:
        result.report = normalise(p.stdout, roots)
    except json.JSONDecodeError as exc:
        result.problem = f"pm-lint printed no JSON report ({exc}): {_last_lines(p.stdout)}"


def check_refused(exe: Path, wheel: Path, workdir: Path, result: Result) -> None:
    """The version below the floor: pip must refuse the wheel, naming the Python requirement."""
    python = make_venv(exe, workdir / f"venv-{result.label}", result)
    if python is None:
        return
    p = _run([str(python), "-m", "pip", "install", str(wheel)], INSTALL_TIMEOUT, wheel.parent)
    text = p.stdout + p.stderr
    line = next((ln.strip() for ln in text.splitlines() if REFUSAL in ln), "")
    if p.returncode != 0 and line:
        result.identical = "refused"
        result.problem = line
    elif p.returncode == 0:
        result.problem = "installed, but requires-python should have refused it"
    else:
        result.problem = f"failed for another reason: {_last_lines(text)}"


def explain_difference(ref: Result, other: Result) -> str:
    """The files whose diagnostics differ from the reference's, and the first differing lines."""
    assert ref.report is not None and other.report is not None
    before = {f["path"]: f["diagnostics"] for f in ref.report["files"]}
    after = {f["path"]: f["diagnostics"] for f in other.report["files"]}
    paths = sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))
    a = json.dumps(ref.report, indent=1, sort_keys=True).splitlines()
    b = json.dumps(other.report, indent=1, sort_keys=True).splitlines()
    diff = difflib.unified_diff(a, b, f"Python {ref.label}", f"Python {other.label}", lineterm="")
    head = f"Python {other.label} differs from {ref.label} in {len(paths)} file(s): "
    return head + ", ".join(paths[:10]) + "\n" + "\n".join(list(diff)[:40])


def _seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}"


def print_table(results: list[Result]) -> None:
    """One row per version; a failure's reason is printed under its row."""
    head = ("Python", "exact", "install s", "lint s", "libraries", "diagnostics", "identical")
    rows = [head]
    for r in results:
        count = "-" if r.report is None else str(r.report["summary"]["diagnostics"])
        rows.append(
            (
                r.label,
                r.python,
                _seconds(r.install_s),
                _seconds(r.lint_s),
                r.libs,
                count,
                r.identical,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    for i, row in enumerate(rows):
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))
        elif results[i - 1].problem:
            print(f"    {results[i - 1].problem}")


def run_supported(
    minor: tuple[int, int], wheel: Path, roots: dict[str, Path], workdir: Path
) -> Result:
    """Install and lint with one supported version (the ``identical`` column is filled later)."""
    result = Result(minor)
    exe = find_interpreter(minor)
    if exe is None:
        result.problem = "no interpreter for this version here (pyenv versions; PATH)"
        return result
    python = make_venv(exe, workdir / f"venv-{result.label}", result)
    if python is not None and install(python, wheel, result):
        lint(python, roots, result)
    return result


def compare(results: list[Result]) -> list[str]:
    """Fill the ``identical`` column against the first report; the differences, explained."""
    reports = [r for r in results if r.report is not None]
    notes = []
    for r in results:
        if r.report is None:
            r.identical = "no"
        elif r.report == reports[0].report:
            r.identical = "yes" if r is not reports[0] else "yes (ref)"
        else:
            r.identical = "no"
            notes.append(explain_difference(reports[0], r))
    return notes


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--workdir", type=Path, help="where the venvs go (default: a temp dir)")
    ap.add_argument("--keep", action="store_true", help="keep the venvs and the wheel")
    ap.add_argument("--newest", default="3.13", help="the newest version to check (3.N)")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = ap.parse_args()
    floor = floor_version()
    newest = (3, int(args.newest.split(".")[1]))
    roots = {"fixtures": ROOT / "tests" / "fixtures", "examples": ROOT / "examples"}
    if args.corpus.is_dir():
        roots["corpus"] = args.corpus.resolve()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="pm-lsp-pythons-"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"requires-python >={floor[0]}.{floor[1]}; inputs: {', '.join(roots)}; in {workdir}")
    try:
        ok = check_all(floor, newest, roots, workdir)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    sys.exit(0 if ok else 1)


def check_all(
    floor: tuple[int, int], newest: tuple[int, int], roots: dict[str, Path], workdir: Path
) -> bool:
    """Every supported version, then the one below the floor; True when all is as promised."""
    wheel = build_wheel(workdir)
    results = []
    for minor in range(floor[1], newest[1] + 1):
        results.append(run_supported((3, minor), wheel, roots, workdir))
        print(f"  Python 3.{minor}: {results[-1].problem or 'done'}", flush=True)
    notes = compare(results)
    below = Result((3, floor[1] - 1))
    exe = find_interpreter(below.minor)
    if exe is None:
        below.problem = "no interpreter for this version here: the refusal is not checked"
    else:
        check_refused(exe, wheel, workdir, below)
    print()
    print_table([*results, below])
    for note in notes:
        print(f"\n{note}")
    return all(r.identical.startswith("yes") for r in results) and below.identical == "refused"


if __name__ == "__main__":
    main()
