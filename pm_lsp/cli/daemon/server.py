"""The daemon: ``python -m pm_lsp.cli.daemon.server SOCKET [--idle SECONDS]``.

Started by a client that found no daemon (:mod:`pm_lsp.cli.daemon.client`), in a session
of its own with its standard streams on ``/dev/null``. It takes a lock beside the socket
(two clients may start two daemons at once: the second one leaves), listens, warms up (the
model loaded with its entity recogniser, one small document linted so that every rule
family has built its indexes), then answers one request at a time, in this one thread:

* ``lint``: the ordinary :func:`pm_lsp.cli.command.main` with the client's arguments, run
  in the client's working folder and environment, reading the client's standard input and
  writing into buffers that go back as the reply. The streams say they are terminals when
  the client's are (colour follows the client's terminal, as without the daemon);
* ``status``: the process id, how many command lines it has run, since when, its peak
  memory;
* ``stop``: reply, then exit.

It exits after :data:`IDLE` seconds without a request (or ``--idle``), or when it is out
of date (the installation's files changed, or its socket was removed or replaced: checked
every :data:`CHECK_EVERY` seconds while idle), and removes its socket unless another daemon
has replaced it since. One thread only: a command line may
share a big parse batch with forked copies of the process (:mod:`pm_lsp.nlp.forked`),
which only a single-threaded process may do.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import io
import os
import resource
import socket
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from pm_lsp import regex_cache
from pm_lsp.cli.daemon import place, wire

#: seconds without a request before the daemon exits (its memory goes back to the system)
IDLE = 900.0
#: how often (seconds) an idle daemon checks that it is still current (:func:`_current`)
CHECK_EVERY = 60.0
#: seconds a connected client has to send its request
REQUEST_WAIT = 30.0

#: linted once at start-up so that the first real request finds every index built; written
#: for this purpose (a little of each family: blame, vague impact, vague actions, timeline)
WARM_UP = """# Incident: receipts delayed after the broker upgrade

**Date**: 2024-05-02
**Severity**: SEV3
**Status**: Draft

## Summary

The broker upgrade raised consumer lag for a while, and some users saw delayed receipts.

## Impact

Many users waited longer than usual for their receipts.

## Timeline

- 09:12 UTC: the consumer lag alert fired.
- 09:40 UTC: Ana rolled back the upgrade because Ben forgot the canary step.

## Root Cause

The new broker version changed the default prefetch limit.

## Action Items

- Improve monitoring.
- Pin the prefetch limit in the broker config (owner: @ana, due 2024-06-01, OPS-77)
"""


@dataclass
class _State:
    started: float = field(default_factory=time.time)
    served: int = 0


class _Stream(io.TextIOWrapper):
    """A standard stream of the request: text over a byte buffer, a terminal when the
    client's stream is one."""

    def __init__(self, raw: BinaryIO, encoding: str, errors: str, terminal: bool) -> None:
        super().__init__(raw, encoding=encoding, errors=errors, write_through=True)
        self._terminal = terminal

    def isatty(self) -> bool:
        return self._terminal


def serve(path: str, idle: float) -> int:
    """Listen on ``path`` until idle, stopped or out of date; 0 also when another daemon
    holds it."""
    lock = os.open(path + ".lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(lock)
        return 0  # another daemon serves this socket
    try:
        with _listening(path) as (server, ours):
            _warm_up()
            regex_cache.save()  # what the warm-up compiled serves the next daemon's start
            server.settimeout(min(idle, CHECK_EVERY))
            state = _State()
            last = time.monotonic()
            while True:
                try:
                    conn, _addr = server.accept()
                except TimeoutError:
                    if time.monotonic() - last >= idle or not _current(path, ours):
                        return 0
                    continue
                with conn:
                    if not _answer(conn, state):
                        return 0
                last = time.monotonic()
    finally:
        os.close(lock)


def _current(path: str, ours: int) -> bool:
    """Is this daemon still the one its clients would reach? Not when its socket was
    removed or replaced, nor when the installation's files changed since (clients now
    compute another socket name: this one would only hold its memory until idle)."""
    try:
        if os.stat(path).st_ino != ours:
            return False
    except OSError:
        return False
    return os.path.basename(path) == os.path.basename(place.socket_path("", place.fingerprint()))


@contextlib.contextmanager
def _listening(path: str) -> Iterator[tuple[socket.socket, int]]:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)  # a dead daemon's socket: nobody answers on it
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    mask = os.umask(0o077)
    try:
        server.bind(path)
    finally:
        os.umask(mask)
    ours = os.stat(path).st_ino
    server.listen(16)
    try:
        yield server, ours
    finally:
        server.close()
        with contextlib.suppress(OSError):
            if os.stat(path).st_ino == ours:
                os.unlink(path)


def _answer(conn: socket.socket, state: _State) -> bool:
    """Answer one connection; False when asked to stop."""
    conn.settimeout(REQUEST_WAIT)
    try:
        header, (stdin,) = wire.receive(conn, 1)
    except (wire.WireError, OSError):
        return True
    conn.settimeout(None)
    kind = header.get("kind")
    reply: dict[str, Any]
    bodies: tuple[bytes, ...] = ()
    if kind == "lint":
        code, out, err = _run_safely(header, stdin)
        state.served += 1
        reply, bodies = {"code": code}, (out, err)
    elif kind == "status":
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024  # KiB on Linux
        reply = {
            "pid": os.getpid(),
            "served": state.served,
            "started": state.started,
            "peak_mib": peak,
        }
    elif kind == "stop":
        reply = {"stopping": True}
    else:
        reply = {"error": f"unknown request {kind!r}"}
    with contextlib.suppress(OSError):  # a client that left (Ctrl-C) gets nothing
        wire.send(conn, reply, *bodies)
    return kind != "stop"


def _run_safely(header: dict[str, Any], stdin: bytes) -> tuple[int, bytes, bytes]:
    """:func:`run_command`, and a bug in it (not in the command line, which reports its
    own) said to the client as an internal error: the daemon stays up for the next one."""
    try:
        return run_command(header, stdin)
    except Exception:
        import traceback

        text = f"pm-lint: internal error in the daemon (a bug):\n{traceback.format_exc()}"
        return 2, b"", text.encode("utf-8", "replace")


def run_command(header: dict[str, Any], stdin: bytes) -> tuple[int, bytes, bytes]:
    """The client's command line, run here as it would have run there: its exit code, and
    what it wrote to standard output and error."""
    from pm_lsp.cli.command import main

    out, err = io.BytesIO(), io.BytesIO()
    streams = header.get("streams", {})
    with _request_context(header) as problem:
        if problem is not None:
            return 2, b"", f"pm-lint: error: {problem}\n".encode()
        sys.stdin = _Stream(io.BytesIO(stdin), *_form(streams, "stdin"), False)
        sys.stdout = _Stream(out, *_form(streams, "stdout"), bool(header.get("stdout_tty")))
        sys.stderr = _Stream(err, *_form(streams, "stderr"), bool(header.get("stderr_tty")))
        try:
            code = main([str(a) for a in header.get("argv", [])])
        except SystemExit as exc:  # argparse's --help and usage errors
            code = _exit_code(exc)
        sys.stdout.flush()
        sys.stderr.flush()
        # read while the streams are alive: a text stream closes its buffer when it goes
        return code, out.getvalue(), err.getvalue()


@contextlib.contextmanager
def _request_context(header: dict[str, Any]) -> Iterator[str | None]:
    """The client's working folder and environment for the request's duration (and the
    process's own standard streams back afterwards); yields why it cannot be entered."""
    saved_cwd = os.getcwd()
    saved_env = dict(os.environ)
    saved_streams = sys.stdin, sys.stdout, sys.stderr
    try:
        try:
            os.chdir(str(header.get("cwd", "/")))
        except OSError as exc:
            yield f"cannot enter the working folder: {exc.strerror}"
            return
        os.environ.clear()
        os.environ.update({str(k): str(v) for k, v in dict(header.get("env", {})).items()})
        yield None
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved_streams
        os.environ.clear()
        os.environ.update(saved_env)
        os.chdir(saved_cwd)


def _form(streams: dict[str, Any], name: str) -> tuple[str, str]:
    """The client stream's encoding and error handler (UTF-8 and its defaults if unsaid)."""
    enc, errors = streams.get(name, ["utf-8", "strict"])
    return str(enc), str(errors)


def _exit_code(exc: SystemExit) -> int:
    if exc.code is None:
        return 0
    if isinstance(exc.code, int):
        return exc.code
    print(exc.code, file=sys.stderr)
    return 1


def _warm_up() -> None:
    argv = ["--isolated", "--no-cache", "--format", "json", "-"]
    run_command({"argv": argv, "cwd": os.getcwd(), "env": dict(os.environ)}, WARM_UP.encode())


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="pm-lint daemon", description="Serve pm-lint --daemon.")
    p.add_argument("socket")
    p.add_argument("--idle", type=float, default=IDLE, help="seconds idle before exiting")
    args = p.parse_args(argv)
    os.chdir("/")  # hold no folder of the client's open (each request enters its own)
    regex_cache.install()
    return serve(args.socket, args.idle)


if __name__ == "__main__":
    raise SystemExit(main())
