"""The server's lifecycle and framing, per the LSP specification, through the real process.

Raw JSON-RPC over the subprocess's pipes (:mod:`lsp_fixtures.raw`): a well-behaved client
library cannot send a request before ``initialize``, a wrong ``Content-Length`` or an
``exit`` without ``shutdown``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import pytest
from lsp_fixtures.raw import RawServer, frame, notification, request

from pm_lsp.lsp.transport import QUIET_S

SERVER_NOT_INITIALIZED = -32002
INVALID_REQUEST = -32600
PARSE_ERROR = -32700

DOC_URI = "file:///tmp/pm-lsp-lifecycle/incident.md"


@pytest.fixture
def raw() -> Iterator[RawServer]:
    server = RawServer()
    try:
        yield server
    finally:
        server.close()


def _symbols(raw: RawServer, msg_id: int, uri: str = DOC_URI) -> Any:
    raw.send_message(request(msg_id, "textDocument/documentSymbol", {"textDocument": {"uri": uri}}))
    return raw.answer(msg_id)


def _open(raw: RawServer, text: str, uri: str = DOC_URI) -> None:
    item = {"uri": uri, "languageId": "markdown", "version": 1, "text": text}
    raw.send_message(notification("textDocument/didOpen", {"textDocument": item}))


def test_request_before_initialize_is_server_not_initialized(raw: RawServer) -> None:
    raw.send_message(request(7, "textDocument/hover", {"textDocument": {"uri": DOC_URI}}))
    assert raw.answer(7)["error"]["code"] == SERVER_NOT_INITIALIZED
    # a notification before initialize is dropped, and the server still initializes
    _open(raw, "# Dropped\n")
    assert "capabilities" in raw.initialize(8)["result"]
    assert _symbols(raw, 9)["result"] == []  # the dropped didOpen did not open it


def test_request_after_shutdown_is_invalid_request_and_exit_is_0(raw: RawServer) -> None:
    raw.initialize()
    raw.send_message(request(2, "shutdown"))
    assert raw.answer(2)["result"] is None
    raw.send_message(request(3, "textDocument/documentSymbol", {"textDocument": {"uri": DOC_URI}}))
    assert raw.answer(3)["error"]["code"] == INVALID_REQUEST
    raw.send_message(notification("exit"))
    assert raw.wait_exit() == 0


def test_exit_without_shutdown_exits_1(raw: RawServer) -> None:
    raw.initialize()
    raw.send_message(notification("exit"))
    assert raw.wait_exit() == 1


@pytest.mark.parametrize(
    "header",
    [
        b"content-length: %d\r\n\r\n",  # lower case
        b"Content-Length: %d\n\n",  # LF-only line ends
        b"CONTENT-LENGTH:%d\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n",
    ],
    ids=["lower-case", "lf-only", "upper-case-no-space"],
)
def test_unusual_but_readable_headers_are_read(raw: RawServer, header: bytes) -> None:
    raw.initialize()
    _open(raw, "# Title\n\n## Summary\n\nText.\n")
    msg = request(2, "textDocument/documentSymbol", {"textDocument": {"uri": DOC_URI}})
    body = json.dumps(msg).encode("utf-8")
    raw.send(header % len(body) + body)
    assert [s["name"] for s in raw.answer(2)["result"]] == ["Title", "Summary"]


@pytest.mark.parametrize("delta", [10, -10], ids=["length-too-long", "length-too-short"])
def test_wrong_content_length_still_answers_both_messages(raw: RawServer, delta: int) -> None:
    # Both answers are awaited whatever their order: the two requests run concurrently
    # and JSON-RPC lets the server answer 3 before 2 (the fixture keeps unread messages).
    raw.initialize()
    _open(raw, "# Title\n\n## Summary\n\nText.\n")
    body = json.dumps(
        request(2, "textDocument/documentSymbol", {"textDocument": {"uri": DOC_URI}})
    ).encode("utf-8")
    wrong = b"Content-Length: %d\r\n\r\n" % (len(body) + delta) + body
    second = request(3, "textDocument/documentSymbol", {"textDocument": {"uri": DOC_URI}})
    raw.send(wrong + frame(second))
    assert raw.answer(2)["result"][0]["name"] == "Title"
    assert raw.answer(3)["result"][0]["name"] == "Title"


def _params_first(msg_id: int) -> bytes:
    """A documentSymbol request whose ``params`` object closes early in the body, so that a
    too-short length can end right after a ``}``."""
    msg = {"params": {"textDocument": {"uri": DOC_URI}}, "jsonrpc": "2.0", "id": msg_id}
    msg["method"] = "textDocument/documentSymbol"
    return json.dumps(msg).encode("utf-8")


@pytest.mark.parametrize("length", ["right", "too-long", "too-short-at-a-brace"])
def test_recovery_under_a_slow_writer(raw: RawServer, length: str) -> None:
    """Two requests written in 9-byte pieces, 5 ms apart, with one pause longer than the
    framer's quiet delay inside the first message (mid-body; after a too-long body; at a
    too-short length that ends on a ``}``): both are answered."""
    raw.initialize()
    _open(raw, "# Title\n\n## Summary\n\nText.\n")
    body = _params_first(2)
    announced = {
        "right": len(body),
        "too-long": len(body) + 10,
        "too-short-at-a-brace": body.index(b"}}") + 2,
    }[length]
    header = b"Content-Length: %d\r\n\r\n" % announced
    first = header + body
    pause_at = {"right": len(body) // 2, "too-long": len(body), "too-short-at-a-brace": announced}
    cut = len(header) + pause_at[length]
    raw.send_slowly(first[:cut], piece=9, pause_s=0.005)
    time.sleep(QUIET_S * 2.5)
    raw.send_slowly(first[cut:] + frame(_params_first(3)), piece=9, pause_s=0.005)
    assert raw.answer(2, timeout=30)["result"][0]["name"] == "Title"
    assert raw.answer(3, timeout=30)["result"][0]["name"] == "Title"


def test_wrong_length_on_the_last_message_is_answered_when_the_client_waits(
    raw: RawServer,
) -> None:
    raw.initialize()
    body = json.dumps(request(2, "shutdown")).encode("utf-8")
    raw.send(b"Content-Length: %d\r\n\r\n" % (len(body) + 10) + body)
    assert raw.answer(2, timeout=30)["result"] is None


@pytest.mark.parametrize(
    "garbage",
    [
        b"Content-Length: 99999999999999\r\n\r\n{}",  # absurd length
        b"Content-Length: banana\r\n\r\n{}",
        b"this is not a header at all\r\n\r\n",
        b"Content-Length: 12\r\n\r\n{not json!!}",
    ],
    ids=["absurd-length", "bad-length", "no-header", "bad-json"],
)
def test_framing_errors_are_answered_and_the_stream_resynchronised(
    raw: RawServer, garbage: bytes
) -> None:
    raw.initialize()
    raw.send(garbage + frame(request(2, "shutdown")))
    error = raw.wait_for(lambda m: m.get("id") is None and "error" in m, timeout=30)
    assert error["error"]["code"] == PARSE_ERROR
    assert raw.answer(2, timeout=30)["result"] is None
    raw.send_message(notification("exit"))
    assert raw.wait_exit() == 0
