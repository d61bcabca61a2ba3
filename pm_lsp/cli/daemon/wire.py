"""The daemon's messages on its Unix socket: length-prefixed frames.

A request is a JSON header (what to do; for a lint, the arguments, working folder,
environment and whether the client's outputs are terminals) and the bytes of standard
input (empty unless the arguments read it). A reply is a JSON header (the exit code, or
the daemon's status) and the bytes of standard output and standard error. Bytes travel as
they are: a report holding any text, valid UTF-8 or not, arrives unchanged.
"""

from __future__ import annotations

import json
import socket
import struct
from typing import Any

#: a frame's length prefix: 8 bytes, big-endian
_LENGTH = struct.Struct(">Q")
#: frames shorter than this are sent in one call with their length prefix
_JOIN = 1 << 16
#: the longest frame accepted (a corrupt prefix must not make the reader allocate it)
MAX_FRAME = 1 << 31


class WireError(Exception):
    """The other end closed early or sent something that is not a message."""


def send(sock: socket.socket, header: dict[str, Any], *bodies: bytes) -> None:
    """One message. Each frame goes whole in one call, the length with its bytes: the
    other end may reply and close as soon as it has read the last byte it waits for, and a
    write after that (an empty body's) would fail on a closed connection."""
    head = json.dumps(header).encode()
    for frame in (head, *bodies):
        prefix = _LENGTH.pack(len(frame))
        if len(frame) < _JOIN:
            sock.sendall(prefix + frame)
        else:  # a big body: not copied just to be joined to its length
            sock.sendall(prefix)
            sock.sendall(frame)


def receive(sock: socket.socket, bodies: int) -> tuple[dict[str, Any], list[bytes]]:
    """A header and ``bodies`` frames after it."""
    try:
        header = json.loads(_frame(sock))
    except ValueError as exc:
        raise WireError(f"not a message header: {exc}") from None
    if not isinstance(header, dict):
        raise WireError("not a message header")
    return header, [_frame(sock) for _ in range(bodies)]


def _frame(sock: socket.socket) -> bytes:
    (size,) = _LENGTH.unpack(_exactly(sock, _LENGTH.size))
    if size > MAX_FRAME:
        raise WireError(f"frame of {size} bytes refused")
    return _exactly(sock, size)


def _exactly(sock: socket.socket, size: int) -> bytes:
    chunks: list[bytes] = []
    left = size
    while left:
        chunk = sock.recv(min(left, 1 << 20))
        if not chunk:
            raise WireError("the other end closed the connection")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)
