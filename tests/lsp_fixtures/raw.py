"""A raw JSON-RPC connection to a real ``pm-lsp`` subprocess, for tests that must send bytes
no well-behaved client would (bad framing, out-of-order lifecycle messages).

Messages from the server are read on a thread and parsed with a strict framing reader of
our own (``Content-Length`` then exactly that many bytes), independent of the server's.
"""

from __future__ import annotations

import json
import queue
import subprocess
import threading
import time
from typing import Any

from lsp_fixtures.helpers import SERVER


def frame(message: dict[str, Any] | bytes, *, header: bytes | None = None) -> bytes:
    """``message`` framed as LSP does (or with a header of the test's choosing)."""
    body = message if isinstance(message, bytes) else json.dumps(message).encode("utf-8")
    if header is None:
        header = b"Content-Length: %d\r\n\r\n" % len(body)
    return header + body


def request(msg_id: int, method: str, params: Any = None) -> dict[str, Any]:
    msg: dict[str, Any] = {"jsonrpc": "2.0", "id": msg_id, "method": method}
    if params is not None:
        msg["params"] = params
    return msg


def notification(method: str, params: Any = None) -> dict[str, Any]:
    msg: dict[str, Any] = {"jsonrpc": "2.0", "method": method}
    if params is not None:
        msg["params"] = params
    return msg


INITIALIZE_PARAMS: dict[str, Any] = {"processId": None, "rootUri": None, "capabilities": {}}


class RawServer:
    """``pm-lsp`` over pipes: send bytes, receive parsed messages."""

    def __init__(self, env: dict[str, str] | None = None) -> None:
        self.proc = subprocess.Popen(
            SERVER, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
        )
        self.inbox: queue.Queue[dict[str, Any]] = queue.Queue()
        #: messages received that no ``wait_for`` has asked for yet
        self.unread: list[dict[str, Any]] = []
        self.stderr = b""
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            headers: dict[str, str] = {}
            while True:
                line = out.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            body = out.read(int(headers["content-length"]))
            self.inbox.put(json.loads(body))

    def _read_stderr(self) -> None:
        err = self.proc.stderr
        assert err is not None
        for line in err:
            self.stderr += line

    def send(self, data: bytes) -> None:
        stdin = self.proc.stdin
        assert stdin is not None
        stdin.write(data)
        stdin.flush()

    def send_slowly(self, data: bytes, piece: int, pause_s: float) -> None:
        """``data`` in writes of ``piece`` bytes, ``pause_s`` apart: a slow client (or a
        pipe that hands the server a message in fragments)."""
        stdin = self.proc.stdin
        assert stdin is not None
        for at in range(0, len(data), piece):
            stdin.write(data[at : at + piece])
            stdin.flush()
            time.sleep(pause_s)

    def send_message(self, message: dict[str, Any]) -> None:
        self.send(frame(message))

    def wait_for(self, pred: Any, timeout: float = 60) -> dict[str, Any]:
        """The first message from the server for which ``pred(message)`` holds.

        Messages that do not match are kept for later calls, not dropped: the server may
        answer concurrent requests in any order (JSON-RPC allows it), and a test waiting
        for the answer to 2 must not throw away the answer to 3 that came first.
        """
        for i, msg in enumerate(self.unread):
            if pred(msg):
                return self.unread.pop(i)
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no matching message; stderr:\n{self.stderr.decode()}")
            try:
                msg = self.inbox.get(timeout=left)
            except queue.Empty:
                continue
            if pred(msg):
                return msg
            self.unread.append(msg)

    def answer(self, msg_id: int, timeout: float = 60) -> dict[str, Any]:
        """The response to request ``msg_id``."""
        return self.wait_for(lambda m: m.get("id") == msg_id and "method" not in m, timeout)

    def initialize(self, msg_id: int = 1) -> dict[str, Any]:
        self.send_message(request(msg_id, "initialize", INITIALIZE_PARAMS))
        got = self.answer(msg_id)
        self.send_message(notification("initialized", {}))
        return got

    def wait_exit(self, timeout: float = 30) -> int:
        return self.proc.wait(timeout)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)
