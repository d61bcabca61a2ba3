"""Reading input safely: binary, invalid UTF-8, oversized and unreadable files become PM002
and the run goes on; a missing path is a usage error (exit 2)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from pm_lsp.files import decode, discover, read_source
from pm_lsp.policy.config import Settings, resolve


def test_decode_good_text_keeps_bom_and_crlf() -> None:
    src = decode(b"\xef\xbb\xbf# T\r\n", 100)
    assert src.text == "\ufeff# T\r\n" and src.skipped is None


def test_decode_binary() -> None:
    src = decode(b"\x89PNG\r\n\x1a\n\x00\x00", 100)
    assert src.text is None
    assert src.skipped == "file looks binary (contains NUL bytes)"


def test_decode_invalid_utf8_names_the_byte() -> None:
    src = decode("# Café\n".encode("latin-1"), 100)
    assert src.text is None
    assert src.skipped is not None
    assert src.skipped.startswith("file is not valid UTF-8 (byte 5:")


def test_decode_over_the_limit() -> None:
    src = decode(b"x" * 2049, 2048)
    assert src.text is None
    assert src.skipped == "file is 2.0 KB, over the 2.0 KB limit (max-file-size)"
    assert decode(b"x" * 2048, 2048).text == "x" * 2048  # the limit itself is allowed


def test_read_source_reports_the_real_size_of_a_big_file(tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    big.write_bytes(b"word " * 300_000)  # 1.5 MB
    src = read_source(big, 1000)
    assert src.skipped == "file is 1.4 MB, over the 1000 bytes limit (max-file-size)"


def test_read_source_on_directories_and_missing_files(tmp_path: Path) -> None:
    assert read_source(tmp_path, 100).skipped == "not a regular file"
    assert read_source(tmp_path / "nope.md", 100).skipped == "not a regular file"


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="permissions are not enforced for root"
)
def test_read_source_unreadable(tmp_path: Path) -> None:
    p = tmp_path / "secret.md"
    p.write_text("# T\n")
    p.chmod(0)
    try:
        src = read_source(p, 100)
    finally:
        p.chmod(0o600)
    assert src.skipped is not None and src.skipped.startswith("cannot read file:")


def test_discover_is_sorted_and_follows_config(tmp_path: Path) -> None:
    for rel in ("b.md", "a.md", "z/y.md", "node_modules/m.md", "x.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("# T\n")
    config = resolve([Settings()])
    found = [p.relative_to(tmp_path).as_posix() for p in discover(tmp_path, lambda _: config)]
    assert found == ["a.md", "b.md", "z/y.md"]


# -- through the CLI -----------------------------------------------------------------------


def _pm_lint(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "pm_lsp.cli", *args],
        cwd=cwd,
        env=env,
        input=stdin.decode("latin-1") if stdin else None,
        text=True,
        encoding="latin-1",
        capture_output=True,
        timeout=300,
        check=False,
    )


def test_bad_files_are_skipped_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / ".pm-lint.toml").write_text('select = ["PM0", "PM202"]\nmax-file-size = "1KB"\n')
    (tmp_path / "a-binary.md").write_bytes(b"GIF89a\x00\x01\x02")
    (tmp_path / "b-latin1.md").write_bytes("# Résumé\n".encode("latin-1"))
    (tmp_path / "c-huge.md").write_text("# Big\n\n" + "text " * 300)
    (tmp_path / "d-ok.md").write_text("# Fine\n\n## Impact\n")
    p = _pm_lint("--format", "json", ".", cwd=tmp_path)
    data = json.loads(p.stdout)
    got = {
        f["path"]: [(d["code"], d["start"], d["message"]) for d in f["diagnostics"]]
        for f in data["files"]
    }
    assert got["a-binary.md"] == [
        ("PM002", {"line": 1, "column": 1}, "File skipped: file looks binary (contains NUL bytes)")
    ]
    assert got["b-latin1.md"][0][0] == "PM002"
    assert "not valid UTF-8" in got["b-latin1.md"][0][2]
    assert got["c-huge.md"][0][0] == "PM002" and "over the" in got["c-huge.md"][0][2]
    assert [c for c, _, _ in got["d-ok.md"]] == ["PM202"]  # linted after the bad ones
    assert p.returncode == 1
    assert "Traceback" not in p.stderr


def test_skipped_file_alone_is_a_warning_exit(tmp_path: Path) -> None:
    (tmp_path / "bin.md").write_bytes(b"\x00\x00")
    p = _pm_lint("bin.md", cwd=tmp_path)
    assert p.returncode == 1
    assert "bin.md:1:1: PM002" in p.stdout
    # PM002 is a rule like any other: it can be ignored or re-rated
    ignored = _pm_lint("--ignore", "PM002", "bin.md", cwd=tmp_path)
    assert ignored.returncode == 0 and "PM002" not in ignored.stdout
    (tmp_path / ".pm-lint.toml").write_text('[severity]\nPM002 = "info"\n')
    rated = _pm_lint("bin.md", cwd=tmp_path)
    assert rated.returncode == 0 and "(info)" in rated.stdout


def test_invalid_utf8_on_stdin(tmp_path: Path) -> None:
    p = _pm_lint("--format", "json", "--select", "PM0", "-", cwd=tmp_path, stdin=b"# Caf\xe9\n")
    (f,) = json.loads(p.stdout)["files"]
    assert [d["code"] for d in f["diagnostics"]] == ["PM002"]


def test_missing_path_is_a_usage_error_even_with_good_paths(tmp_path: Path) -> None:
    (tmp_path / "ok.md").write_text("# T\n")
    p = _pm_lint("ok.md", "missing.md", cwd=tmp_path)
    assert p.returncode == 2
    assert p.stderr == "pm-lint: error: missing.md: no such file or directory\n"
    assert p.stdout == ""


def test_no_paths_is_a_usage_error(tmp_path: Path) -> None:
    p = _pm_lint(cwd=tmp_path)
    assert p.returncode == 2
    assert "no paths given" in p.stderr and "Traceback" not in p.stderr
