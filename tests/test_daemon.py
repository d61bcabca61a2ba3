"""``pm-lint --daemon``: the same command lines, answered by a warm background process.

Real processes and a real Unix socket: each test that needs a daemon gets its own private
runtime folder (``XDG_RUNTIME_DIR``), lets the first ``--daemon`` run start the daemon,
and stops it afterwards. What a daemon prints, exits with and writes must be what the same
command line gives without ``--daemon``."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pm_lsp.cli.daemon import place, server, wire
from pm_lsp.cli.daemon.client import _without_flag

ROOT = Path(__file__).resolve().parent.parent
BLAME = ROOT / "tests" / "fixtures" / "blame" / "rca.md"
BAD = ROOT / "examples" / "bad-postmortem.md"

Run = tuple[int, bytes, bytes]


class Daemon:
    """A private runtime folder and the ``pm-lint`` command lines run with it."""

    def __init__(self, runtime: Path) -> None:
        self.runtime = runtime
        self.env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime), "PM_LINT_DAEMON_IDLE": "300"}
        self.env.pop("NO_COLOR", None)
        self.env.pop("FORCE_COLOR", None)

    def pm_lint(self, *args: str, stdin: bytes = b"", cwd: Path = ROOT) -> Run:
        """``pm-lint ARGS`` in ``cwd``. With ``-P``: the installed package whatever the
        folder (``python -m`` would import a checkout it runs in, and a client in another
        folder would then be another installation, with a daemon of its own)."""
        done = subprocess.run(
            [sys.executable, "-P", "-m", "pm_lsp.cli", *args],
            input=stdin,
            capture_output=True,
            env=self.env,
            cwd=cwd,
            timeout=300,
        )
        return done.returncode, done.stdout, done.stderr

    def served(self) -> int | None:
        """How many command lines the daemon has run; None when none answers."""
        code, out, _err = self.pm_lint("daemon", "status")
        if code != 0:
            return None
        return int(out.decode().split(", ")[1].split()[0])

    def wait(self, timeout: float = 120.0) -> int:
        """Until the daemon answers (it answers once warm); its run count."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            got = self.served()
            if got is not None:
                return got
            time.sleep(0.3)
        raise AssertionError("no daemon answered")

    def sockets(self) -> list[str]:
        folder = self.runtime / "pm-lint"
        return sorted(p.name for p in folder.glob("*.sock")) if folder.is_dir() else []


@pytest.fixture
def daemon() -> Iterator[Daemon]:
    runtime = Path(tempfile.mkdtemp(prefix="pmd", dir="/tmp"))  # a short socket path
    d = Daemon(runtime)
    try:
        yield d
    finally:
        d.pm_lint("daemon", "stop")
        shutil.rmtree(runtime, ignore_errors=True)


def _cases(tmp: Path) -> list[tuple[list[str], bytes]]:
    """Command lines that cover the output paths: text and JSON reports, standard input,
    exit codes 0/1/2, a configuration error, a missing file, the version."""
    broken = tmp / "broken"
    broken.mkdir()
    (broken / ".pm-lint.toml").write_text("select = 12\n")
    (broken / "pm.md").write_text("# Incident\n")
    cache = ["--cache-dir", str(tmp / "cache")]  # a result cache of the test's own
    return [
        ([*cache, str(BLAME)], b""),
        ([*cache, str(BLAME)], b""),  # now from the result cache
        (["--no-cache", "--format", "json", str(BAD)], b""),
        (["--no-cache", "--format", "json", "tests/fixtures"], b""),
        (["--no-cache", "--format", "sarif", "--select", "PM1", str(BLAME)], b""),
        (["--no-cache", "-", "--stdin-filename", "draft.md"], BLAME.read_bytes()),
        (["--no-cache", "--fix", "-"], BAD.read_bytes()),  # formatter style: fixed text out
        (["--no-cache", "--exit-zero", str(BAD)], b""),
        (["--no-cache", str(broken / "pm.md")], b""),
        (["--no-cache", str(tmp / "missing.md")], b""),
        (["--version"], b""),
        (["--explain", "PM101"], b""),
    ]


@pytest.mark.slow
def test_the_daemon_answers_as_the_command_line_does(daemon: Daemon, tmp_path: Path) -> None:
    cases = _cases(tmp_path)
    first_args, first_stdin = cases[0]
    expected = daemon.pm_lint(*first_args, stdin=first_stdin)
    # no daemon yet: this run starts one and lints in-process
    assert daemon.pm_lint("--daemon", *first_args, stdin=first_stdin) == expected
    before = daemon.wait()
    codes = set()
    for args, stdin in cases:
        plain = daemon.pm_lint(*args, stdin=stdin)
        assert daemon.pm_lint("--daemon", *args, stdin=stdin) == plain, args
        codes.add(plain[0])
    assert daemon.served() == before + len(cases)  # every one of them went to the daemon
    assert codes == {0, 1, 2}  # the cases reach every exit code (no third cold run for it)


@pytest.mark.slow
def test_edited_configuration_and_pack_are_read_again(daemon: Daemon, tmp_path: Path) -> None:
    """A long-lived process must not answer from files as they were: the configuration is
    read on every run, a rule pack and a template are cached by their file's stamp."""
    (tmp_path / "words.toml").write_text('[structure]\nplaceholders = ["ask the scribe"]\n')
    config = tmp_path / ".pm-lint.toml"
    config.write_text('rule-packs = ["words.toml"]\nselect = ["PM202"]\n')
    doc = tmp_path / "pm.md"
    doc.write_text("# T\n\n## Impact\n\nask the scribe\n\n## Timeline\n\nstill to be decided\n")
    daemon.pm_lint("--daemon", "--no-cache", str(doc), cwd=tmp_path)
    daemon.wait()
    code, out, _ = daemon.pm_lint("--daemon", "--no-cache", str(doc), cwd=tmp_path)
    assert code == 1 and out.count(b"PM202") == 1, out
    (tmp_path / "words.toml").write_text(
        '[structure]\nplaceholders = ["ask the scribe", "still to be decided"]\n'
    )
    code, out, _ = daemon.pm_lint("--daemon", "--no-cache", str(doc), cwd=tmp_path)
    assert out.count(b"PM202") == 2, out
    config.write_text('rule-packs = ["words.toml"]\nselect = ["PM101"]\n')
    code, out, _ = daemon.pm_lint("--daemon", "--no-cache", str(doc), cwd=tmp_path)
    assert code == 0 and b"PM202" not in out, out


@pytest.mark.slow
def test_fixes_are_written_by_the_daemon_as_without_it(daemon: Daemon, tmp_path: Path) -> None:
    here, there = tmp_path / "here", tmp_path / "there"
    for d in (here, there):
        d.mkdir()
        shutil.copy(BAD, d / "pm.md")
    daemon.pm_lint("--daemon", "--version")
    daemon.wait()
    plain = daemon.pm_lint("--fix", "--no-cache", "pm.md", cwd=here)
    served = daemon.pm_lint("--daemon", "--fix", "--no-cache", "pm.md", cwd=there)
    assert served == plain
    assert (there / "pm.md").read_bytes() == (here / "pm.md").read_bytes()
    assert (here / "pm.md").read_bytes() != BAD.read_bytes()  # something was fixed


@pytest.mark.slow
def test_a_daemon_survives_garbage_and_a_second_one_leaves(daemon: Daemon) -> None:
    daemon.pm_lint("--daemon", "--version")
    before = daemon.wait()
    (path,) = daemon.sockets()
    sock_path = str(daemon.runtime / "pm-lint" / path)
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.connect(sock_path)
        s.sendall(b"\xff" * 64)  # no frame at all
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.connect(sock_path)
        wire.send(s, {"kind": "lint", "argv": ["--version"], "cwd": "/no/such/folder"}, b"")
        header, (out, err) = wire.receive(s, 2)
    assert header["code"] == 2 and b"working folder" in err and out == b""
    assert daemon.served() == before + 1
    # a second daemon for the same socket finds the lock taken and exits at once
    second = subprocess.run(
        [sys.executable, "-m", "pm_lsp.cli.daemon.server", sock_path, "--idle", "5"],
        env=daemon.env,
        timeout=60,
    )
    assert second.returncode == 0
    assert daemon.served() == before + 1


@pytest.mark.slow
def test_an_idle_daemon_exits_and_removes_its_socket(daemon: Daemon) -> None:
    folder = place_folder(daemon)
    path = place.socket_path(folder, place.fingerprint())
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "pm_lsp.cli.daemon.server", path, "--idle", "1"],
        env=daemon.env,
        timeout=120,
    )
    assert done.returncode == 0
    assert time.monotonic() - started < 60
    assert daemon.sockets() == []


def place_folder(daemon: Daemon) -> str:
    folder = daemon.runtime / "pm-lint"
    folder.mkdir(mode=0o700)
    return str(folder)


def test_a_folder_others_can_enter_is_refused(daemon: Daemon) -> None:
    """The socket's folder must be this user's alone; else no daemon, lint in-process."""
    folder = daemon.runtime / "pm-lint"
    folder.mkdir()
    folder.chmod(0o777)
    plain = daemon.pm_lint("--version")
    assert daemon.pm_lint("--daemon", "--version") == plain
    time.sleep(0.5)
    assert daemon.sockets() == []
    assert daemon.pm_lint("daemon", "status")[0] == 1


def test_fingerprint_follows_every_file_but_compiled_caches(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    mod = tmp_path / "pkg" / "mod.py"
    mod.write_text("x = 1\n")
    first = place.fingerprint((str(tmp_path),))
    (tmp_path / "pkg" / "__pycache__").mkdir()
    (tmp_path / "pkg" / "__pycache__" / "mod.cpython-311.pyc").write_bytes(b"\0")
    assert place.fingerprint((str(tmp_path),)) == first
    mod.write_text("x = 22\n")
    assert place.fingerprint((str(tmp_path),)) != first
    mod.write_text("x = 1\n")
    os.utime(mod, ns=(1, 1))
    assert place.fingerprint((str(tmp_path),)) != first  # same size, another time


def test_frames_round_trip_and_bad_ones_are_refused() -> None:
    a, b = socket.socketpair()
    with a, b:
        wire.send(a, {"kind": "lint", "argv": ["é", "-"]}, b"\x00\xffbytes", b"")
        header, bodies = wire.receive(b, 2)
        assert header == {"kind": "lint", "argv": ["é", "-"]}
        assert bodies == [b"\x00\xffbytes", b""]
        a.sendall((wire.MAX_FRAME + 1).to_bytes(8, "big"))
        with pytest.raises(wire.WireError, match="refused"):
            wire.receive(b, 0)
    c, d = socket.socketpair()
    with c, d:
        c.sendall((5).to_bytes(8, "big") + b"[1,")
        c.close()
        with pytest.raises(wire.WireError, match="closed"):
            wire.receive(d, 0)


def test_the_flag_is_taken_out_only_before_the_end_of_options() -> None:
    assert _without_flag(["--daemon", "a.md", "--", "--daemon"]) == ["a.md", "--", "--daemon"]


def test_a_daemon_of_other_files_is_not_current() -> None:
    folder = tempfile.mkdtemp(prefix="pmd", dir="/tmp")  # a short socket path
    try:
        current = place.socket_path(folder, place.fingerprint())
        other = place.socket_path(folder, "0" * 20)
        for path in (current, other):
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
                s.bind(path)
        assert server._current(current, os.stat(current).st_ino)
        assert not server._current(other, os.stat(other).st_ino)  # another installation
        assert not server._current(current, os.stat(other).st_ino)  # replaced since
        os.unlink(current)
        assert not server._current(current, os.stat(other).st_ino)  # removed
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_without_posix_spawn_sessions_the_daemon_starts_through_subprocess(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Where ``posix_spawn`` cannot start a session (``setsid`` unsupported), the client
    starts the daemon with ``subprocess`` instead: here a real daemon, reached afterwards."""
    from pm_lsp.cli.daemon import client

    def no_sessions(*_args: object, **_kwargs: object) -> int:
        raise NotImplementedError("setsid")

    folder = tempfile.mkdtemp(prefix="pmd", dir="/tmp")  # a short socket path
    path = place.socket_path(folder, place.fingerprint())
    monkeypatch.setattr(os, "posix_spawn", no_sessions)
    monkeypatch.setenv(client.IDLE_VARIABLE, "60")
    try:
        client._start(path)
        end = time.monotonic() + 120
        header: dict[str, object] = {}
        while time.monotonic() < end and not header:
            try:
                with client._connect(path) as sock:
                    wire.send(sock, {"kind": "stop"}, b"")
                    header, _ = wire.receive(sock, 0)
            except (OSError, wire.WireError):
                time.sleep(0.3)
        assert header == {"stopping": True}
    finally:
        shutil.rmtree(folder, ignore_errors=True)
