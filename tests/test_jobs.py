"""``--jobs`` and the result cache change how the work is done, never what is found."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pm_lsp.cli.command import POOL_MIN_BYTES, _preload, _Target, _workers
from pm_lsp.policy.config import ConfigResolver, validate

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
BAD = ROOT / "examples" / "bad-postmortem.md"


def _targets(folder: Path, count: int, size: int) -> list[_Target]:
    folder.mkdir(exist_ok=True)
    out = []
    for i in range(count):
        p = folder / f"{i}.md"
        p.write_text("# Incident\n\n" + "The cache was cold. " * (size // 20), encoding="utf-8")
        out.append(_Target(p, p.name))
    return out


def test_small_work_stays_in_one_process(tmp_path: Path) -> None:
    small = _targets(tmp_path, 5, 2_000)
    assert _workers(0, small) == 1
    assert _workers(4, small) == 1  # asked for, but the set-up would cost more than it saves
    assert _workers(1, _targets(tmp_path, 50, POOL_MIN_BYTES)) == 1


def test_large_work_is_shared_out(tmp_path: Path) -> None:
    big = _targets(tmp_path, 40, POOL_MIN_BYTES // 10)
    assert _workers(2, big) == 2
    two = _targets(tmp_path / "two", 2, POOL_MIN_BYTES)
    assert _workers(3, two) == 2  # never more processes than files
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert _workers(0, big) == min(
        cpus or 1, 40, sum(t.path.stat().st_size for t in big) // (128 * 1024)
    )  # type: ignore[union-attr]


def test_workers_are_forked_with_only_what_a_sequential_run_would_load(tmp_path: Path) -> None:
    """Before forking, the pool loads the pipeline (entity recogniser included) once for
    every worker, but only for configurations whose enabled rules use it."""
    targets = _targets(tmp_path, 2, 2_000)
    structure_only = ConfigResolver(validate({"select": ["PM2"]}, "test", None), isolated=True)
    assert _preload(targets, structure_only) == {}
    nlps = _preload(targets, ConfigResolver(isolated=True))
    assert list(nlps) == [None]
    assert nlps[None].loaded and "ner" in nlps[None].load().pipe_names


def test_negative_jobs_is_a_usage_error(tmp_path: Path) -> None:
    p = subprocess.run(
        [sys.executable, "-m", "pm_lsp.cli", "--jobs", "-1", str(BAD)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert p.returncode == 2 and "--jobs" in p.stderr


def _lint(folder: Path, *flags: str, cache: Path) -> str:
    p = subprocess.run(
        [
            sys.executable,
            "-m",
            "pm_lsp.cli",
            "--isolated",
            "--format",
            "json",
            "--cache-dir",
            str(cache),
            *flags,
            ".",
        ],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert p.returncode in (0, 1), p.stderr
    return p.stdout


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_dir(), reason="the evaluation corpus is not here")
def test_corpus_findings_are_the_same_with_and_without_cache_and_jobs(tmp_path: Path) -> None:
    """Every diagnostic on every corpus document, five ways: no cache, one process (the
    reference); a cold cache (filling it); the warm cache (all hits, nothing parsed); a pool
    of two processes filling a second cold cache; and --jobs 0 (auto) reading what the pool
    stored. (One pool run lints the corpus: a second one, as this test once had, proves
    nothing the first does not and costs a corpus lint.)"""
    docs = tmp_path / "docs"
    docs.mkdir()
    for d in sorted(CORPUS.glob("*.md")):
        shutil.copy(d, docs / d.name)
    assert sum(p.stat().st_size for p in docs.iterdir()) > POOL_MIN_BYTES  # the pool runs
    cache = tmp_path / "cache"
    reference = _lint(docs, "--no-cache", cache=cache)
    assert '"code": "PM1' in reference
    assert _lint(docs, cache=cache) == reference  # cold: every file linted and stored
    stored = len(list(cache.glob("v*/*.json")))
    assert stored == len(list(docs.iterdir()))
    assert _lint(docs, cache=cache) == reference  # warm: every file from the cache
    pooled = tmp_path / "pooled"
    assert _lint(docs, "--jobs", "2", cache=pooled) == reference  # cold: the pool lints
    assert len(list(pooled.glob("v*/*.json"))) == stored
    assert _lint(docs, "--jobs", "0", cache=pooled) == reference  # warm: the pool's entries
