"""Document text inside the server: ranged edits applied where the editor made them, lone
surrogates replaced, and no memory kept per notification.
"""

from __future__ import annotations

import asyncio
import gc
import json
from concurrent.futures import Future
from typing import Any

import pytest
from lsp_fixtures.helpers import apply_text_edits, lsp_session
from lsprotocol import types as T

from pm_lsp.lsp.app import build_server
from pm_lsp.lsp.protocol import PmProtocol
from pm_lsp.rules.meta import specs as meta_specs

pytestmark = [pytest.mark.filterwarnings("error::pytest_lsp.LspSpecificationWarning")]

#: a form feed and U+2028 inside line 4: line breaks for str.splitlines, not for LSP
TEXT = (
    "# Alpha 🔥\n\n## Summary\n\nThe cache\u2028filled up\x0cand stayed full.\n\n"
    "## Impact\n\nNone.\n"
)


def _names(symbols: Any) -> list[str]:
    return [s.name for s in symbols or []]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8"])
async def test_ranged_changes_land_where_the_editor_made_them(encoding: str) -> None:
    caps = T.ClientCapabilities(
        general=T.GeneralClientCapabilities(position_encodings=[T.PositionEncodingKind(encoding)])
    )
    uri = "file:///tmp/pm-lsp-edits/ranged.md"
    async with lsp_session(caps) as s:
        assert s.encoding == encoding
        s.open(uri, TEXT)
        await s.wait_published(uri, 1)
        title_end = len("# Alpha 🔥".encode("utf-16-le" if encoding == "utf-16" else "utf-8"))
        title_end //= 2 if encoding == "utf-16" else 1
        edits = [
            T.TextEdit(range=T.Range(T.Position(6, 3), T.Position(6, 9)), new_text="Lessons"),
            T.TextEdit(
                range=T.Range(T.Position(0, title_end), T.Position(0, title_end)),
                new_text=" outage",
            ),
        ]
        expected = TEXT
        changes = []
        for e in edits:  # applied one after the other, as the protocol orders them
            expected = apply_text_edits(expected, [e], encoding)
            changes.append(T.TextDocumentContentChangePartial(range=e.range, text=e.new_text))
        s.client.text_document_did_change(
            T.DidChangeTextDocumentParams(
                text_document=T.VersionedTextDocumentIdentifier(uri=uri, version=2),
                content_changes=changes,
            )
        )
        await s.wait_published(uri, 2)
        symbols = await s.client.text_document_document_symbol_async(
            T.DocumentSymbolParams(text_document=T.TextDocumentIdentifier(uri=uri))
        )
        assert _names(symbols) == ["Alpha 🔥 outage", "Summary", "Lessons"]
        assert "Lessons" in expected and "🔥 outage" in expected


async def test_lone_surrogates_are_replaced_before_analysis() -> None:
    uri = "file:///tmp/pm-lsp-edits/surrogates.md"
    text = (
        "# Outage \ud800 report\n\n**Date**: 2025-01-02 \udfff\n\n## Summary\n\n"
        "The API \ud83d returned errors for 20 minutes.\n\n## Action items\n\n"
        "| Action | Owner |\n|---|---|\n| Fix \udc00 it | @ana |\n"
    )
    async with lsp_session() as s:
        s.open(uri, text)
        published = await s.wait_published(uri, 1)
        codes = {d.code for d in published.diagnostics}
        assert meta_specs.rule_crashed.code not in codes
        assert published.diagnostics


async def test_five_thousand_notifications_leave_no_futures_or_objects_behind() -> None:
    """pygls 2.1 kept one future per didOpen/didChange; counted in-process, not as RSS."""
    server = build_server()
    protocol = server.protocol
    assert isinstance(protocol, PmProtocol)
    sent: list[bytes] = []

    class Writer:
        def write(self, data: bytes) -> None:
            sent.append(data)

        def close(self) -> None:
            pass

    protocol.set_writer(Writer())
    msg_id = 0

    def deliver(method: str, params: Any, request: bool = False) -> None:
        nonlocal msg_id
        data: dict[str, Any] = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            msg_id += 1
            data["id"] = msg_id
        protocol.handle_message(
            json.loads(json.dumps(data), object_hook=protocol.structure_message)
        )

    deliver(
        "initialize",
        {
            "processId": None,
            "capabilities": {},
            "initializationOptions": {"pmLint": {"debounceMs": 100000}},
        },
        request=True,
    )
    deliver("initialized", {})
    uri = "file:///tmp/pm%20lsp/leak.md"
    item = {"uri": uri, "languageId": "markdown", "version": 1, "text": "# T\n\nText.\n"}
    deliver("textDocument/didOpen", {"textDocument": item})

    def edit(version: int) -> None:
        deliver(
            "textDocument/didChange",
            {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [
                    {
                        "range": {
                            "start": {"line": 2, "character": 0},
                            "end": {"line": 2, "character": 0},
                        },
                        "text": "x",
                    }
                ],
            },
        )

    def futures_alive() -> int:
        gc.collect()
        return sum(isinstance(o, (Future, asyncio.Future)) for o in gc.get_objects())

    for v in range(2, 102):  # warm-up
        edit(v)
    await asyncio.sleep(0.05)
    table_before, alive_before = len(protocol._request_futures), futures_alive()
    for v in range(102, 5102):
        edit(v)
    await asyncio.sleep(0.05)
    assert len(protocol._request_futures) <= table_before
    assert futures_alive() <= alive_before + 10
    assert server.current(uri) is not None
    assert server.current(uri)[1] == "# T\n\n" + "x" * 5100 + "Text.\n"
    server.scheduler.stop()
