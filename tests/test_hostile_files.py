"""Killed and interrupted ``--fix`` runs leave no temporary files (issue 17): through the
real CLI for what a killed run left, and the real write path in a child process for SIGTERM.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT

from pm_lsp.fixes import write_atomic
from pm_lsp.rules.structure import specs as structure_specs

_BARE = b"# Disk outage\n\nThe queue filled the disk.\n"


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pm_lsp.cli", *args],
        cwd=cwd,
        env={**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".pm-lint.tmp"))


def _dead_pid() -> int:
    """The pid of a process that has ended."""
    p = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(p.stdout)


def test_a_fix_run_removes_what_a_killed_run_left(tmp_path: Path) -> None:
    """A run killed outright (SIGKILL) cannot remove its temporary file; the next --fix of
    the same file removes it, since the process named in it is gone. A temporary file of
    a live process (a run still going) is left alone."""
    (tmp_path / "pm.md").write_bytes(_BARE)
    dead = tmp_path / f".pm.md.{_dead_pid()}.x1y2z3.pm-lint.tmp"
    dead.write_bytes(b"half of a fixed file")
    live = tmp_path / f".pm.md.{os.getpid()}.a1b2c3.pm-lint.tmp"
    live.write_bytes(b"being written")
    other = tmp_path / ".notes.md.1.q.pm-lint.tmp"  # another file's: not ours to judge
    other.write_bytes(b"x")
    code = structure_specs.missing_metadata.code
    p = _cli("--select", code, "--fix", "--unsafe-fixes", "pm.md", cwd=tmp_path)
    assert p.returncode in (0, 1), p.stderr
    assert (tmp_path / "pm.md").read_bytes() != _BARE  # it was fixed
    assert _temps(tmp_path) == sorted([live.name, other.name])


def test_sigterm_during_the_write_removes_the_temporary_file(tmp_path: Path) -> None:
    """SIGTERM ends a process without running its cleanup; while a temporary file exists
    it raises instead, so the file is removed and the original stays whole."""
    path = tmp_path / "pm.md"
    path.write_bytes(_BARE)
    big = "x" * (96 * 1024 * 1024)  # long enough to write that the signal lands mid-write
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 0
        try:
            write_atomic(path, big, original=_BARE)
        except SystemExit as exc:
            code = int(exc.code or 0)
        except BaseException:
            code = 3
        os._exit(code)
    deadline = time.monotonic() + 60
    while not _temps(tmp_path) and time.monotonic() < deadline:
        time.sleep(0.001)
    seen = bool(_temps(tmp_path))
    os.kill(pid, signal.SIGTERM)
    _, status = os.waitpid(pid, 0)
    assert seen, "the temporary file never appeared"
    assert _temps(tmp_path) == []
    assert os.WEXITSTATUS(status) in (0, 128 + signal.SIGTERM)
    # Whole, whichever way the race went: the original (interrupted before the replace) or
    # the complete new text (the replace done, the signal landing before, during or after
    # the removal of the old content's temporary name: the exit status cannot tell those
    # apart, the file can).
    written = path.read_bytes()
    assert written == _BARE or written == big.encode()


# -- configuration files that are not what they claim (issue 16: config edge cases) -----------

_DEEP = "a = " + "[" * 5000 + "]" * 5000 + "\n"


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({".pm-lint.toml": b'select = ["PM1"]\n# caf\xe9\n'}, ".pm-lint.toml: not UTF-8 (byte 22)"),
        ({".pm-lint.toml": _DEEP.encode()}, ".pm-lint.toml: not valid TOML: nested too deeply"),
        (
            {".pm-lint.toml": b'template = "t.toml"\n', "t.toml": _DEEP.encode()},
            "t.toml: not valid TOML: nested too deeply",
        ),
        (
            {".pm-lint.toml": b'rule-packs = ["p.toml"]\n', "p.toml": b"[blame]\n# \xff\n"},
            "p.toml: not UTF-8",
        ),
    ],
)
def test_config_files_that_cannot_be_read_as_toml_are_one_message(
    tmp_path: Path, files: dict[str, bytes], expected: str
) -> None:
    """A config, template or rule pack file in another encoding, or nested deeper than the
    TOML reader's recursion: one line naming the file, exit 2 (was a traceback)."""
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "pm.md").write_bytes(_BARE)
    p = _cli("pm.md", cwd=tmp_path)
    assert p.returncode == 2
    assert expected in p.stderr
    assert "Traceback" not in p.stderr and p.stderr.count("\n") == 1, p.stderr


def test_the_last_step_of_a_write_never_recreates_a_deleted_file(tmp_path: Path) -> None:
    """The check that the file still exists and the rename are one step where the system
    allows (an atomic exchange of the two names, which fails if the file is gone): a file
    deleted at any moment of a --fix run stays deleted."""
    from pm_lsp.fixes.write import WriteError, _replace_existing

    tmp = tmp_path / ".pm.md.1.x.pm-lint.tmp"
    tmp.write_bytes(b"fixed\n")
    with pytest.raises(WriteError, match="deleted during the run; not recreated"):
        _replace_existing(str(tmp), tmp_path / "pm.md")
    assert not (tmp_path / "pm.md").exists()
    target = tmp_path / "kept.md"
    target.write_bytes(_BARE)
    _replace_existing(str(tmp), target)
    assert target.read_bytes() == b"fixed\n" and sorted(os.listdir(tmp_path)) == ["kept.md"]
