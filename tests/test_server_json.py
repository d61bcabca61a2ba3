"""The server's hand-written diagnostic JSON equals lsprotocol's converter output.

The server writes diagnostics with :func:`pm_lsp.lsp.convert.diagnostic_json` instead of
cattrs' generic walk (registered as its converter's hook, see :mod:`pm_lsp.lsp.protocol`),
so this holds the two together on every diagnostic the fixture postmortems produce, in each
position encoding, with and without fixes and rule data, plus the fields pm-lint never sets;
and checks that the messages the server sends are written through that hook.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import FIXTURES, LintFn
from lsprotocol import types as T
from lsprotocol.converters import get_converter

from pm_lsp.lsp.app import build_server
from pm_lsp.lsp.convert import Positions, diagnostic_json, to_lsp_all
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
        for ld in to_lsp_all(result.diagnostics, Positions(result.doc.lines, encoding), 7):
            mine = diagnostic_json(ld)
            assert mine == CONVERTER.unstructure(ld, T.Diagnostic)
            # and it is JSON the way pygls writes it
            assert json.loads(json.dumps(mine)) == mine
            seen += 1
            if isinstance(ld.data, dict):
                kinds.update(k for k in ("fix", "rule") if k in ld.data)
    assert seen > 100 and kinds == {"fix", "rule"}


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


def _fixture_diagnostics(lint_text: LintFn) -> list[T.Diagnostic]:
    text = (FIXTURES / "ci" / "bad-postmortem.md").read_text(encoding="utf-8")
    result = lint_text(text)
    return to_lsp_all(result.diagnostics, Positions(result.doc.lines, "utf-16"), 3)


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


def test_publish_goes_through_the_hook(lint_text: LintFn, monkeypatch: pytest.MonkeyPatch) -> None:
    """The real server object, pygls' public publish and transport: the frame holds what
    lsprotocol would write, and pygls wrote each diagnostic with the server converter's
    hook (counted by a wrapper around ``diagnostic_json``: if pygls stopped using the
    converter from ``converter_factory`` for notifications, publishing would be ~2 ms
    slower on a long postmortem and this would say so)."""
    import pm_lsp.lsp.protocol

    calls: list[T.Diagnostic] = []

    def counted(d: T.Diagnostic) -> dict[str, Any]:
        calls.append(d)
        return diagnostic_json(d)

    monkeypatch.setattr(pm_lsp.lsp.protocol, "diagnostic_json", counted)
    diags = _fixture_diagnostics(lint_text)
    server = build_server()
    sink = _Sink()
    server.protocol.set_writer(sink)
    server.publish("file:///tmp/incident.md", 3, diags)
    server.publish("file:///tmp/closed.md", None, [])
    sent, closed = (_body(f) for f in sink.frames)
    params = T.PublishDiagnosticsParams(uri="file:///tmp/incident.md", diagnostics=diags, version=3)
    assert sent == {
        "jsonrpc": "2.0",
        "method": T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS,
        "params": CONVERTER.unstructure(params),
    }
    assert closed["params"] == {"uri": "file:///tmp/closed.md", "diagnostics": []}
    assert calls == diags
