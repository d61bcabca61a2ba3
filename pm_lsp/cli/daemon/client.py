"""What ``pm-lint --daemon ...`` runs: the daemon's answer, or this run in-process.

1. Where the daemon for this installation listens (:mod:`pm_lsp.cli.daemon.place`); no
   private folder, or no Unix sockets: the command line runs in-process.
2. Connect, send the request (arguments without ``--daemon``, working folder, environment,
   standard input when the arguments read it), write the reply's output and error bytes,
   exit with its code.
3. Nobody listening: start a daemon in the background (its own session, streams on
   ``/dev/null``) and run this command line in-process, as without ``--daemon``. The next
   run finds the daemon warm. The same when the daemon fails before replying.

``pm-lint daemon status`` and ``pm-lint daemon stop`` ask the daemon of this installation.
Only standard-library modules are imported until the command line has to run in-process.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
from collections.abc import Sequence
from typing import Any

from pm_lsp.cli.daemon import place, wire

FLAG = "--daemon"
#: the environment variable that sets the daemon's idle time in seconds (default: the
#: server's ``IDLE``)
IDLE_VARIABLE = "PM_LINT_DAEMON_IDLE"


def run(argv: Sequence[str]) -> int:
    """``pm-lint --daemon ARGS``: ARGS through the daemon, else in-process."""
    args = _without_flag(argv)
    reads_stdin = "-" in args
    stdin = sys.stdin.buffer.read() if reads_stdin else b""
    path = _socket()
    if path is None:
        return _in_process(args, stdin if reads_stdin else None)
    try:
        reply = _ask(path, _request(args), stdin)
    except (OSError, wire.WireError):
        _start(path)
        return _in_process(args, stdin if reads_stdin else None)
    except KeyboardInterrupt:
        return 130  # as without the daemon (which finishes the run and finds nobody)
    header, (out, err) = reply
    return _write(out, err, int(header.get("code", 2)))


def control(argv: Sequence[str]) -> int:
    """``pm-lint daemon status|stop``: ask this installation's daemon; 1 when none runs."""
    what = argv[0] if argv else "status"
    if what not in ("status", "stop"):
        print("usage: pm-lint daemon [status|stop]", file=sys.stderr)
        return 2
    path = _socket()
    if path is None:
        print("pm-lint daemon: not available here", file=sys.stderr)
        return 1
    try:
        with _connect(path) as sock:
            wire.send(sock, {"kind": what}, b"")
            header, _ = wire.receive(sock, 0)
    except (OSError, wire.WireError):
        print("pm-lint daemon: not running", file=sys.stderr)
        return 1
    if what == "stop":
        print("pm-lint daemon: stopped")
    else:
        print(
            f"pm-lint daemon: running (pid {header.get('pid')}, {header.get('served')} runs, "
            f"peak memory {header.get('peak_mib')} MiB, socket {path})"
        )
    return 0


def _without_flag(argv: Sequence[str]) -> list[str]:
    """The arguments without ``--daemon`` (before a ``--``, which ends the options)."""
    out: list[str] = []
    ended = False
    for a in argv:
        if a == "--":
            ended = True
        if a == FLAG and not ended:
            continue
        out.append(a)
    return out


def _socket() -> str | None:
    if not place.supported():
        return None
    where = place.folder()
    return None if where is None else place.socket_path(where, place.fingerprint())


def _request(args: list[str]) -> dict[str, Any]:
    return {
        "kind": "lint",
        "argv": args,
        "cwd": os.getcwd(),
        "env": dict(os.environ),
        "stdout_tty": _is_terminal(sys.stdout),
        "stderr_tty": _is_terminal(sys.stderr),
        "streams": {
            name: [getattr(s, "encoding", None) or "utf-8", getattr(s, "errors", None) or "strict"]
            for name, s in (("stdin", sys.stdin), ("stdout", sys.stdout), ("stderr", sys.stderr))
        },
    }


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _connect(path: str) -> socket.socket:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.connect(path)
    except OSError:
        sock.close()
        raise
    return sock


def _ask(path: str, request: dict[str, Any], stdin: bytes) -> tuple[dict[str, Any], list[bytes]]:
    with _connect(path) as sock:
        wire.send(sock, request, stdin)
        header, bodies = wire.receive(sock, 2)
    if "code" not in header:
        raise wire.WireError("no exit code in the reply")
    return header, bodies


def _start(path: str) -> None:
    """A daemon for ``path``, in the background; a failure to start is no error (this run
    goes on in-process, the next one tries again). Spawned, not forked: this process may
    have threads (an embedding application's), and the daemon needs a fresh interpreter
    in a session of its own, its streams on ``/dev/null``, never waited for."""
    # the daemon imports the very package this client runs (the one the socket's name is a
    # fingerprint of): its folder first on the module path, and -P keeps the working folder
    # off it (run from a checkout of another version, the daemon would import that one)
    command = [sys.executable, "-P", "-m", "pm_lsp.cli.daemon.server", path]
    idle = os.environ.get(IDLE_VARIABLE)
    if idle:
        command += ["--idle", idle]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (_package_root(), env.get("PYTHONPATH"))))
    quiet = [(os.POSIX_SPAWN_OPEN, fd, os.devnull, os.O_RDWR, 0) for fd in (0, 1, 2)]
    try:
        os.posix_spawn(sys.executable, command, env, file_actions=quiet, setsid=True)
    except (NotImplementedError, AttributeError):  # no setsid for posix_spawn here
        _popen(command, env)
    except OSError:
        pass


def _popen(command: list[str], env: dict[str, str]) -> None:
    """:func:`_start` where ``posix_spawn`` cannot start a session (an older libc, some
    BSDs): the same through ``subprocess``, the child kept referenced so that it is never
    reported as a process left running."""
    import subprocess

    with contextlib.suppress(OSError):
        _STARTED.append(
            subprocess.Popen(
                command,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
        )


#: daemons started through :func:`_popen` by this process (never waited for)
_STARTED: list[object] = []


def _package_root() -> str:
    """The folder holding the ``pm_lsp`` package this client was imported from."""
    import pm_lsp

    return os.path.dirname(os.path.dirname(os.path.abspath(pm_lsp.__file__)))


def _in_process(args: list[str], stdin: bytes | None) -> int:
    import io

    from pm_lsp.cli.command import main

    if stdin is not None:  # already read from the real stream: hand the same bytes over
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding=sys.stdin.encoding)
    return main(args)


def _write(out: bytes, err: bytes, code: int) -> int:
    try:
        _put(sys.stdout, out)
        _put(sys.stderr, err)
    except BrokenPipeError:  # `pm-lint --daemon ... | head`: stop quietly, as without it
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 2
    return code


def _put(stream: Any, data: bytes) -> None:
    if not data:
        return
    stream.flush()
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        buffer.write(data)
        buffer.flush()
    else:  # a text-only stream (an embedding application's): decoded as it was encoded
        stream.write(data.decode(getattr(stream, "encoding", None) or "utf-8", "replace"))
        stream.flush()
