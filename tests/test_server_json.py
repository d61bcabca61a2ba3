"""The server's hand-written diagnostic JSON equals lsprotocol's converter output.

The server publishes diagnostic items (:func:`pm_lsp.lsp.convert.diagnostic_item`) as JSON,
with no lsprotocol objects in between, and writes the lsprotocol diagnostics of pull answers
with :func:`pm_lsp.lsp.convert.diagnostic_json` instead of cattrs' generic walk (its
converter's hook, see :mod:`pm_lsp.lsp.protocol`). This holds both together with
lsprotocol on every diagnostic the fixture postmortems produce, in each position encoding,
with and without rule data, plus the fields pm-lint never sets; and checks the
frames the real server object writes.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import FIXTURES, LintFn
from lsprotocol import types as T
from lsprotocol.converters import get_converter

from pm_lsp.lsp.app import build_server
from pm_lsp.lsp.convert import Positions, diagnostic_items, diagnostic_json, from_item
from pm_lsp.lsp.protocol import converter
from pm_lsp.model.positions import Encoding

CONVERTER = get_converter()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-32"])
def test_equal_to_the_converter_on_every_fixture(lint_text: LintFn, encoding: Encoding) -> None:
    seen = 0
    kinds: set[str] = set()
    for path in sorted(FIXTURES.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        result = lint_text(text)
        pos = Positions(result.doc.lines, encoding)
        for item in diagnostic_items(result.diagnostics, pos, 7):
            ld = from_item(item)
            # the published item is what lsprotocol writes for its lsprotocol value...
            assert item == CONVERTER.unstructure(ld, T.Diagnostic)
            # ... and so is the pull answers' hook output
            assert diagnostic_json(ld) == item
            # and it is JSON as it is sent
            assert json.loads(json.dumps(item)) == item
            seen += 1
            kinds.update(k for k in ("fix", "rule") if k in item["data"])
    # rule data travels; fixes stay in the server (code actions read its analysis)
    assert seen > 100 and kinds == {"rule"}


def test_fields_pm_lint_never_sets_go_through_the_converter() -> None:
    rng = T.Range(start=T.Position(line=0, character=1), end=T.Position(line=2, character=0))
    d = T.Diagnostic(
        range=rng,
        message="m",
        tags=[T.DiagnosticTag.Unnecessary],
        related_information=[
            T.DiagnosticRelatedInformation(
                location=T.Location(uri="file:///x.md", range=rng), message="r"
            )
        ],
    )
    assert diagnostic_json(d) == CONVERTER.unstructure(d, T.Diagnostic)
    bare = T.Diagnostic(range=rng, message="only a message")
    assert diagnostic_json(bare) == CONVERTER.unstructure(bare, T.Diagnostic)


def _fixture_items(lint_text: LintFn) -> list[dict[str, Any]]:
    text = (FIXTURES / "ci" / "bad-postmortem.md").read_text(encoding="utf-8")
    result = lint_text(text)
    return diagnostic_items(result.diagnostics, Positions(result.doc.lines, "utf-16"), 3)


def _fixture_diagnostics(lint_text: LintFn) -> list[T.Diagnostic]:
    return [from_item(item) for item in _fixture_items(lint_text)]


def test_messages_with_diagnostics_are_written_as_lsprotocol_would(lint_text: LintFn) -> None:
    diags = _fixture_diagnostics(lint_text)
    assert len(diags) > 5
    server_conv = converter()
    uri = "file:///tmp/incident.md"
    for value, kind in [
        (T.PublishDiagnosticsParams(uri=uri, diagnostics=diags, version=3), None),
        (T.PublishDiagnosticsParams(uri=uri, diagnostics=[]), None),
        (T.RelatedFullDocumentDiagnosticReport(items=diags, result_id="3:1"), None),
        (
            T.WorkspaceDiagnosticReport(
                items=[T.WorkspaceFullDocumentDiagnosticReport(uri=uri, version=3, items=diags)]
            ),
            None,
        ),
    ]:
        assert server_conv.unstructure(value, kind) == CONVERTER.unstructure(value, kind)


class _Sink:
    """A transport that keeps what the server writes (pygls' public ``set_writer``)."""

    def __init__(self) -> None:
        self.frames: list[bytes] = []

    def write(self, data: bytes) -> None:
        self.frames.append(data)

    def close(self) -> None:
        pass


def _body(frame: bytes) -> Any:
    return json.loads(frame.split(b"\r\n\r\n", 1)[1])


def test_publish_writes_what_lsprotocol_would(lint_text: LintFn) -> None:
    """The real server object and its transport: the published frame holds the message
    lsprotocol would write for the same diagnostics, with a Content-Length that counts the
    body's bytes (non-ASCII messages are sent as UTF-8)."""
    items = _fixture_items(lint_text)
    items[0] = {**items[0], "message": items[0]["message"] + " (naïve, 😀)"}
    server = build_server()
    sink = _Sink()
    server.protocol.set_writer(sink)
    server.publish("file:///tmp/incident.md", 3, items)
    server.publish("file:///tmp/closed.md", None, [])
    for frame in sink.frames:
        header, body = frame.split(b"\r\n\r\n", 1)
        assert f"Content-Length: {len(body)}".encode() in header
    sent, closed = (_body(f) for f in sink.frames)
    params = T.PublishDiagnosticsParams(
        uri="file:///tmp/incident.md", diagnostics=[from_item(i) for i in items], version=3
    )
    assert sent == {
        "jsonrpc": "2.0",
        "method": T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS,
        "params": CONVERTER.unstructure(params),
    }
    assert closed["params"] == {"uri": "file:///tmp/closed.md", "diagnostics": []}


def test_a_string_orjson_refuses_is_still_sent() -> None:
    """A lone surrogate cannot be encoded as UTF-8; the body falls back to ``json.dumps``,
    which escapes it, instead of the message being lost."""
    server = build_server()
    sink = _Sink()
    server.protocol.set_writer(sink)
    server.pm_protocol.notify_json("window/logMessage", {"type": 3, "message": "odd \ud800"})
    (frame,) = sink.frames
    assert _body(frame)["params"]["message"] == "odd \ud800"
