"""Reading input safely: binary, invalid UTF-8, oversized and unreadable files become PM002
and the run goes on; a missing path is a usage error (exit 2)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from pm_lsp.files import _read_bounded, decode, discover, read_source
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
    assert read_source(tmp_path, 100).skipped == "not a regular file (a directory)"
    gone = tmp_path / "gone.md"
    gone.write_text("# T\n")
    gone.unlink()  # found by the walk, deleted before it was read
    assert read_source(gone, 100).skipped == "file no longer exists (deleted during the run)"


def test_read_source_names_links_that_lead_nowhere(tmp_path: Path) -> None:
    (tmp_path / "self.md").symlink_to("self.md")
    (tmp_path / "dangling.md").symlink_to("nowhere.md")
    assert read_source(tmp_path / "self.md", 100).skipped == (
        "symbolic link loop (the link leads back to itself)"
    )
    assert read_source(tmp_path / "dangling.md", 100).skipped == (
        "broken symbolic link (its target 'nowhere.md' does not exist)"
    )


def test_a_huge_limit_allocates_nothing_up_front(tmp_path: Path) -> None:
    p = tmp_path / "small.md"
    p.write_text("# T\n")
    assert read_source(p, 1 << 50).text == "# T\n"  # read(limit + 1) would be 1 PiB


def test_a_file_that_grows_past_the_limit_while_read_is_skipped(tmp_path: Path) -> None:
    p = tmp_path / "grow.md"
    p.write_bytes(b"x" * 100)
    with p.open("rb") as fh:
        assert _read_bounded(fh, 99) is None
    with p.open("rb") as fh:
        assert _read_bounded(fh, 100) == b"x" * 100


def test_nul_anywhere_is_binary() -> None:
    data = b"# T\n\n" + b"word " * 10_000 + b"\x00"  # far past the first 8 KB
    assert decode(data, 1 << 20).skipped == "file looks binary (contains NUL bytes)"


@pytest.mark.parametrize(
    ("codec", "name"),
    # Python's utf-16 and utf-32 codecs write the byte order mark themselves
    [("utf-16", "UTF-16"), ("utf-32", "UTF-32"), ("utf-16-be", "UTF-16")],
)
def test_utf16_and_utf32_with_a_bom_are_named(codec: str, name: str) -> None:
    bom = "" if codec in ("utf-16", "utf-32") else "\ufeff"
    data = f"{bom}# Title\n\nText.\n".encode(codec)
    assert decode(data, 1000).skipped == (
        f"file is {name} encoded (it starts with a byte order mark); save it as UTF-8 to lint it"
    )


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


def _run(
    *args: str, cwd: Path, stdin: bytes | None = None, drop_root: bool = False
) -> subprocess.CompletedProcess[bytes]:
    """The CLI as bytes in and out; ``drop_root`` runs it without the capabilities that let
    root read any folder, so that permissions are enforced as for any user."""
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "pm_lsp.cli", *args]
    if drop_root and os.geteuid() == 0:
        caps = "-dac_override,-dac_read_search"
        cmd = ["setpriv", "--bounding-set", caps, "--inh-caps", caps, *cmd]
    return subprocess.run(
        cmd, cwd=cwd, env=env, input=stdin, capture_output=True, timeout=300, check=False
    )


def _one_line_error(p: subprocess.CompletedProcess[bytes]) -> str:
    err = p.stderr.decode()
    assert p.returncode == 2, err
    assert "Traceback" not in err and err.count("\n") == 1, err
    assert p.stdout == b""
    return err


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"# T\n\n\x89PNG\x00\x01 tail\n", "looks binary"),
        (b"# Caf\xe9\n\n## Summary\n", "not valid UTF-8"),
        (b"# Big\n\n" + b"word " * 400, "over the 1000 bytes limit"),
    ],
)
def test_fix_on_stdin_echoes_skipped_input_unchanged(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    """`pm-lint --fix - < f > f.new && mv f.new f` must never leave an empty file."""
    (tmp_path / ".pm-lint.toml").write_text("max-file-size = 1000\n")
    p = _run("--fix", "-", cwd=tmp_path, stdin=data)
    assert p.stdout == data
    err = p.stderr.decode()
    assert err.startswith("pm-lint: -: not fixed, file ") and reason in err, err
    assert err.endswith("; the input is written back unchanged\n")
    assert p.returncode == 1  # PM002 is a warning, as for a skipped file
    quiet = _run("--fix", "--ignore", "PM002", "-", cwd=tmp_path, stdin=data)
    assert (quiet.stdout, quiet.stderr, quiet.returncode) == (data, b"", 0)


def test_fix_on_stdin_still_writes_the_fixed_text(tmp_path: Path) -> None:
    # the skeleton is placeholder text: an unsafe fix
    p = _run(
        "--fix",
        "--unsafe-fixes",
        "--select",
        "PM202",
        "-",
        cwd=tmp_path,
        stdin=b"# T\n\n## Impact\n",
    )
    assert p.stdout.startswith(b"# T\n\n## Impact\n") and len(p.stdout) > 17
    assert p.stderr == b""


def test_a_symlink_loop_under_a_directory_is_reported_and_the_run_goes_on(
    tmp_path: Path,
) -> None:
    (tmp_path / "a-self.md").symlink_to("a-self.md")
    (tmp_path / "b-ping.md").symlink_to("c-pong.md")
    (tmp_path / "c-pong.md").symlink_to("b-ping.md")
    (tmp_path / "d-gone.md").symlink_to("deleted.md")
    (tmp_path / "e-ok.md").write_text("# Fine\n\n## Impact\n")
    p = _run("--select", "PM0,PM202", "--format", "json", ".", cwd=tmp_path)
    assert b"Traceback" not in p.stderr, p.stderr.decode()
    by_path = {
        f["path"]: [(d["code"], d["message"]) for d in f["diagnostics"]]
        for f in json.loads(p.stdout)["files"]
    }
    loop = "File skipped: symbolic link loop (the link leads back to itself)"
    assert by_path["a-self.md"] == [("PM002", loop)]
    assert by_path["b-ping.md"] == by_path["c-pong.md"] == [("PM002", loop)]
    assert by_path["d-gone.md"] == [
        ("PM002", "File skipped: broken symbolic link (its target 'deleted.md' does not exist)")
    ]
    assert [c for c, _ in by_path["e-ok.md"]] == ["PM202"]
    assert p.returncode == 1


def test_a_symlink_loop_on_the_command_line_says_so(tmp_path: Path) -> None:
    (tmp_path / "self.md").symlink_to("self.md")
    err = _one_line_error(_run("self.md", cwd=tmp_path))
    assert err == "pm-lint: error: self.md: symbolic link loop (the link leads back to itself)\n"


@pytest.mark.skipif(
    os.name != "posix" or (os.geteuid() == 0 and shutil.which("setpriv") is None),
    reason="needs a user for whom permissions are enforced",
)
def test_an_unreadable_folder_is_reported_not_skipped_silently(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# Fine\n\n## Impact\n")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "hidden.md").write_text("# T\n")
    locked.chmod(0)
    try:
        p = _run("--select", "PM0,PM202", "--format", "json", ".", cwd=tmp_path, drop_root=True)
    finally:
        locked.chmod(0o700)
    assert b"Traceback" not in p.stderr, p.stderr.decode()
    by_path = {f["path"]: f["diagnostics"] for f in json.loads(p.stdout)["files"]}
    assert [(d["code"], d["message"]) for d in by_path["locked"]] == [
        ("PM002", "File skipped: cannot list directory: Permission denied")
    ]
    assert [d["code"] for d in by_path["a.md"]] == ["PM202"]
    assert p.returncode == 1
    # named on the command line, alone: still reported, still a failing exit
    locked.chmod(0)
    try:
        alone = _run("--select", "PM0", "locked", cwd=tmp_path, drop_root=True)
    finally:
        locked.chmod(0o700)
    assert alone.stdout.startswith(b"locked:1:1: PM002 File skipped: cannot list directory")
    assert alone.returncode == 1


def test_a_name_too_long_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    long_name = "a" * 300 + ".md"
    err = _one_line_error(_run(long_name, cwd=tmp_path))
    assert err.endswith(f"{long_name}: file name too long for the file system\n")
    err = _one_line_error(_run("--stdin-filename", long_name, "-", cwd=tmp_path, stdin=b"# T\n"))
    assert err.startswith("pm-lint: error: --stdin-filename aaa")
    assert err.endswith(": file name too long for the file system\n")


def test_stdin_filename_need_not_exist(tmp_path: Path) -> None:
    """A name for config lookup and reports: a new file, or one below a file, is fine."""
    (tmp_path / "plain.txt").write_text("x")
    for name in ("new/dir/x.md", "plain.txt/x.md"):
        p = _run("--select", "PM202", "--stdin-filename", name, "-", cwd=tmp_path, stdin=b"# T\n")
        assert p.returncode == 0, p.stderr.decode()


def test_a_huge_max_file_size_is_not_allocated(tmp_path: Path) -> None:
    (tmp_path / ".pm-lint.toml").write_text('max-file-size = "64GB"\nselect = ["PM202"]\n')
    (tmp_path / "a.md").write_text("# T\n\n## Impact\n")
    p = _run("a.md", cwd=tmp_path)
    assert b"MemoryError" not in p.stderr and b"Traceback" not in p.stderr, p.stderr.decode()
    assert b"a.md:3:4: PM202" in p.stdout
    assert p.returncode == 1


def test_nul_after_the_first_8kb_and_utf16_through_the_cli(tmp_path: Path) -> None:
    (tmp_path / "late-nul.md").write_bytes(b"# T\n\n" + b"word " * 3000 + b"\x00\n")
    (tmp_path / "utf16.md").write_bytes("# Title\n\n## Summary\nText.\n".encode("utf-16"))
    os.mkfifo(tmp_path / "pipe.md")  # must not block the run
    p = _run("--select", "PM0", "--format", "json", ".", cwd=tmp_path)
    by_path = {f["path"]: f["diagnostics"] for f in json.loads(p.stdout)["files"]}
    assert by_path["late-nul.md"][0]["message"] == (
        "File skipped: file looks binary (contains NUL bytes)"
    )
    assert by_path["utf16.md"][0]["message"] == (
        "File skipped: file is UTF-16 encoded (it starts with a byte order mark); "
        "save it as UTF-8 to lint it"
    )
    assert by_path["pipe.md"][0]["message"] == "File skipped: not a regular file (a named pipe)"
