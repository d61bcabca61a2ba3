"""Reading LSP messages from stdin: a framing error is answered and the stream resynchronised.

pygls' own reader matches ``Content-Length: N\\r\\n`` exactly and reads exactly N bytes. One
wrong header (lower case, LF-only line ends), one wrong length or one absurd length left
the server alive but deaf: it waited for bytes that never came, or swallowed the next
message's header as part of a body, and never answered again.

:class:`Framer` splits the byte stream into message bodies and recovers instead:

* header names are matched without regard to case, and lines may end in LF alone;
* a body whose length was announced wrongly is taken as the one JSON value found where the
  body starts (too long: the JSON value ends early and what follows is the next message;
  too short: the value continues past the announced end);
* a body shorter than announced is taken as it is once it holds one whole JSON value and
  the client goes quiet for :data:`QUIET_S`, or the next header already follows;
* a body that is not yet one whole JSON value is waited for, however slowly it arrives: a
  slow writer (or a pipe handing over a big message in fragments, with a pause longer than
  :data:`QUIET_S` between them) is not a framing error. The announced length is trusted
  only when the bytes it covers are one JSON value (checked when nothing follows them yet,
  so a fragment that happens to end in ``}`` at the announced length is not taken for a
  whole message);
* anything that cannot be read (no or bad ``Content-Length``, a length over
  :data:`MAX_BODY`, a body that is not JSON once the next header or the end of input shows
  where it ends) is answered with a JSON-RPC ``ParseError`` (id null, as JSON-RPC asks when
  the id cannot be known) and the stream is resynchronised at the next ``Content-Length``
  header.

:func:`serve` is the read loop. The reading itself happens on a daemon thread (blocking
``os.read`` on stdin), so a server told to ``exit`` never waits for input that will not come.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

import orjson
from pygls.exceptions import JsonRpcException
from pygls.protocol import JsonRPCProtocol

log = logging.getLogger("pm_lsp.lsp.server")

#: the largest body accepted: far above any Markdown document an editor sends
MAX_BODY = 256 * 1024 * 1024
#: a header block longer than this is garbage
MAX_HEADER = 64 * 1024
#: seconds of silence after which an incomplete body is parsed as it is
QUIET_S = 0.5
#: JSON-RPC's "invalid JSON was received"
PARSE_ERROR = -32700

_HEADER_END = re.compile(rb"\r?\n\r?\n")
_CONTENT_LENGTH = re.compile(rb"(?i)content-length[ \t]*:")
_HEADER_LINE = re.compile(rb"^[A-Za-z][A-Za-z0-9-]*[ \t]*:[^\r\n]*$")
_DECODER = json.JSONDecoder()


@dataclass(frozen=True)
class Frame:
    """What :meth:`Framer.next` found: a message body, or a framing error to answer."""

    kind: Literal["body", "error"]
    body: bytes = b""
    reason: str = ""


class Framer:
    """Splits a byte stream into message bodies (see the module docstring)."""

    def __init__(self) -> None:
        self.buf = bytearray()

    def feed(self, data: bytes) -> None:
        self.buf += data

    @property
    def idle(self) -> bool:
        """Nothing buffered: waiting for the next message may take forever, legitimately."""
        return not self.buf.strip()

    def next(self, quiet: bool = False, final: bool = False) -> Frame | None:
        """The next frame, or None until more bytes arrive.

        ``quiet``: the client has sent nothing for a while, so a body that is already one
        whole JSON value but shorter than announced is taken as it is. ``final``: the input
        has ended, so whatever is left is answered (a body, or an error).
        """
        quiet = quiet or final
        while self.buf[:1].isspace():
            del self.buf[:1]
        if not self.buf:
            return None
        end = _HEADER_END.search(self.buf, 0, MAX_HEADER + 4)
        if end is None:
            return self._no_header_yet(quiet)
        length = self._content_length(bytes(self.buf[: end.start()]))
        if isinstance(length, str):
            self._resync(end.end())
            return Frame("error", reason=length)
        return self._body(end.end(), length, quiet, final)

    def _no_header_yet(self, quiet: bool) -> Frame | None:
        first = bytes(self.buf).split(b"\n", 1)[0].rstrip(b"\r")
        complete_line = b"\n" in self.buf
        if len(self.buf) > MAX_HEADER or (complete_line and not _HEADER_LINE.match(first)):
            self._resync(1)
            return Frame("error", reason="expected a Content-Length header")
        if quiet and not complete_line and not _HEADER_LINE.match(first + b":"):
            self._resync(1)
            return Frame("error", reason="expected a Content-Length header")
        return None

    @staticmethod
    def _content_length(header: bytes) -> int | str:
        length: int | None = None
        for line in re.split(rb"\r?\n", header):
            name, sep, value = line.partition(b":")
            if not sep or not _HEADER_LINE.match(line):
                return f"malformed header line {line[:80]!r}"
            if name.strip().lower() == b"content-length":
                try:
                    length = int(value.strip())
                except ValueError:
                    return f"bad Content-Length {value.strip()[:40]!r}"
        if length is None:
            return "no Content-Length header"
        if length <= 0 or length > MAX_BODY:
            return f"Content-Length {length} is out of range (1..{MAX_BODY})"
        return length

    def _body(self, start: int, length: int, quiet: bool, final: bool) -> Frame | None:
        have = len(self.buf) - start
        if have >= length and self._fits(start, length):
            body = bytes(self.buf[start : start + length])
            del self.buf[: start + length]
            return Frame("body", body)
        next_header = _CONTENT_LENGTH.search(self.buf, start)
        if have < length and not quiet and next_header is None:
            return None  # more of this body is on its way
        found = self._json_at(start)
        if found is not None:
            log.warning("Content-Length said %d bytes, the message had %d", length, found)
            body = bytes(self.buf[start : start + found])
            del self.buf[: start + found]
            return Frame("body", body)
        if next_header is None and not final:
            return None  # not one JSON value yet: a slow writer, still writing
        self._resync(start)
        return Frame("error", reason="the message body is not valid JSON")

    def _fits(self, start: int, length: int) -> bool:
        """Whether the announced length looks right: the body ends a JSON object and what
        follows is the next header, or nothing yet and the body is one whole JSON value.

        Only the second case parses here (a message that arrives alone, as editors send
        them: small, except for ``didOpen``): without it, a fragment of a longer body
        that ends in ``}`` exactly at a too-short announced length would be taken for the
        whole message. A body followed by a header that still is not JSON is answered by
        :func:`serve`."""
        end = start + length
        last = bytes(self.buf[start:end].rstrip()[-1:])
        if last not in (b"}", b"]"):
            return False
        rest = bytes(self.buf[end : end + 64]).lstrip()
        if rest:
            return bool(_HEADER_LINE.match(rest.split(b"\n", 1)[0].rstrip(b"\r")))
        try:
            # the usual answer, in C: a whole-document change is ~100 KB, and reading it
            # as text to find where its JSON ends took ~1 ms of the edit
            orjson.loads(bytes(self.buf[start:end]))
            return True
        except orjson.JSONDecodeError:
            pass  # not UTF-8, NaN, a lone surrogate escape...: the lenient reading decides
        found = self._json_at(start)
        return found is not None and not self.buf[start + found : end].strip()

    def _json_at(self, start: int) -> int | None:
        """Length in bytes of the one JSON value at ``start`` (None: there is none).

        ``surrogateescape`` keeps the byte count exact when the body is not valid UTF-8
        (each bad byte stays one character and becomes one byte again)."""
        text = bytes(self.buf[start:]).decode("utf-8", "surrogateescape")
        begin = len(text) - len(text.lstrip())
        try:
            _, end = _DECODER.raw_decode(text, begin)
        except ValueError:
            return None
        return len(text[:end].encode("utf-8", "surrogateescape"))

    def _resync(self, start: int) -> None:
        """Drop bytes up to the next ``Content-Length`` header at or after ``start``."""
        found = _CONTENT_LENGTH.search(self.buf, start)
        if found is None:
            keep = len(b"content-length:")  # the start of a header may be split
            del self.buf[: max(start, len(self.buf) - keep)]
        else:
            del self.buf[: found.start()]


def parse_error(reason: str) -> bytes:
    """A framed JSON-RPC ``ParseError`` response (id null)."""
    body = json.dumps(
        {
            "jsonrpc": "2.0",
            "id": None,
            "error": {"code": PARSE_ERROR, "message": f"pm-lsp: {reason}"},
        }
    ).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def _read_forever(fd: int, loop: asyncio.AbstractEventLoop, queue: asyncio.Queue[bytes]) -> None:
    while True:
        try:
            data = os.read(fd, 1 << 16)
        except OSError:
            data = b""
        try:
            loop.call_soon_threadsafe(queue.put_nowait, data)
        except RuntimeError:  # the loop is closed: the server is exiting
            return
        if not data:
            return


async def serve(
    stop: threading.Event,
    fd: int,
    protocol: JsonRPCProtocol,
    write: Callable[[bytes], Any],
    on_error: Callable[[Exception, type[JsonRpcException]], Any],
) -> None:
    """Read and dispatch messages from ``fd`` until end of input or ``stop``.

    ``SystemExit`` from the ``exit`` notification propagates to the caller, with its code.
    """
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[bytes] = asyncio.Queue()
    reader = threading.Thread(
        target=_read_forever, args=(fd, loop, queue), name="pm-lsp-stdin", daemon=True
    )
    reader.start()
    framer = Framer()
    quiet = eof = False
    while not stop.is_set():
        frame = framer.next(quiet, eof)
        if frame is not None:
            quiet = False
            if frame.kind == "error":
                log.error("framing error: %s; skipping to the next message", frame.reason)
                write(parse_error(frame.reason))
            else:
                _dispatch(protocol, frame.body, write, on_error)
            continue
        if eof:
            return
        try:
            timeout = None if framer.idle else QUIET_S
            data = await asyncio.wait_for(queue.get(), timeout)
        except TimeoutError:
            # Silence, unless bytes arrived just as the wait ran out.
            quiet = queue.empty()
            continue
        if not data:
            eof = True
        framer.feed(data)
        quiet = False


def _dispatch(
    protocol: JsonRPCProtocol,
    body: bytes,
    write: Callable[[bytes], Any],
    on_error: Callable[[Exception, type[JsonRpcException]], Any],
) -> None:
    """One message to pygls, as its own reader would hand it over."""
    try:
        message = json.loads(body, object_hook=protocol.structure_message)
    except ValueError as exc:  # not JSON (a JsonRpcException from structuring is not one)
        log.error("framing error: the message body is not valid JSON: %s", exc)
        write(parse_error("the message body is not valid JSON"))
        return
    except Exception as exc:  # a notification whose params cannot be read
        log.exception("Unable to read message")
        on_error(exc, JsonRpcException)
        return
    try:
        protocol.handle_message(message)
    except Exception as exc:
        log.exception("Unable to handle message")
        on_error(exc, JsonRpcException)
