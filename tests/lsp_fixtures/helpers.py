"""Helpers for the language-server tests: a real ``pm-lsp`` subprocess driven by pytest-lsp.

Positions are converted here *independently* of :mod:`pm_lsp.model.positions` (by encoding each
line prefix with Python's codecs), so a bug in the server's conversion cannot hide behind the
same bug in the test.
"""

from __future__ import annotations

import asyncio
import os
import re
import sys
import time
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager, suppress
from pathlib import Path
from typing import Any

from lsprotocol import types as T
from pytest_lsp import LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

SERVER = [sys.executable, "-m", "pm_lsp"]
#: a sentence the blame rules (which need spaCy) flag
WARM_UP_TEXT = "# Warm-up\n\n## Summary\n\nKim forgot to renew the certificate, so it failed.\n"
_EOL = re.compile(r"\r\n|\r|\n")


def line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _EOL.finditer(text)]


def units(s: str, encoding: str) -> int:
    if encoding == "utf-8":
        return len(s.encode("utf-8"))
    if encoding == "utf-16":
        return len(s.encode("utf-16-le")) // 2
    return len(s)


def position(text: str, offset: int, encoding: str) -> tuple[int, int]:
    starts = line_starts(text)
    line = max(i for i, s in enumerate(starts) if s <= offset)
    return line, units(text[starts[line] : offset], encoding)


def expected_range(text: str, start: int, end: int, encoding: str) -> tuple[int, int, int, int]:
    return (*position(text, start, encoding), *position(text, end, encoding))


def as_tuple(rng: T.Range) -> tuple[int, int, int, int]:
    return rng.start.line, rng.start.character, rng.end.line, rng.end.character


def offset_of(text: str, line: int, character: int, encoding: str) -> int:
    """Code-point offset of an LSP position (walks the line unit by unit)."""
    starts = line_starts(text)
    start = starts[line]
    end = starts[line + 1] if line + 1 < len(starts) else len(text)
    counted = 0
    i = start
    while i < end and counted < character:
        counted += units(text[i], encoding)
        i += 1
    assert counted == character, "position inside a character"
    return i


def apply_text_edits(text: str, edits: Sequence[T.TextEdit], encoding: str) -> str:
    spans = []
    for e in edits:
        a = offset_of(text, e.range.start.line, e.range.start.character, encoding)
        b = offset_of(text, e.range.end.line, e.range.end.character, encoding)
        spans.append((a, b, e.new_text))
    for a, b, new in sorted(spans, reverse=True):
        text = text[:a] + new + text[b:]
    return text


def edits_for(edit: T.WorkspaceEdit | None, uri: str) -> list[T.TextEdit]:
    assert edit is not None
    out: list[T.TextEdit] = []
    if edit.changes:
        out.extend(edit.changes.get(uri, []))
    for dc in edit.document_changes or []:
        assert isinstance(dc, T.TextDocumentEdit)
        if dc.text_document.uri == uri:
            out.extend(e for e in dc.edits if isinstance(e, T.TextEdit))
    return out


class Session:
    """A started server plus every ``publishDiagnostics`` it sent, in order."""

    def __init__(self, client: LanguageClient, encoding: str) -> None:
        self.client = client
        self.encoding = encoding
        self.published: list[T.PublishDiagnosticsParams] = []
        #: how many ``$/progress`` reports the client had when each publish arrived
        self.progress_at_publish: list[int] = []
        self.changed = asyncio.Event()

    async def wait_published(
        self, uri: str, version: int | None, timeout: float = 90
    ) -> T.PublishDiagnosticsParams:
        deadline = time.monotonic() + timeout
        while True:
            for p in reversed(self.published):
                if p.uri == uri and p.version == version:
                    return p
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no diagnostics for {uri} version {version}")
            self.changed.clear()
            with suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self.changed.wait(), left)

    async def actions_for(self, uri: str, diagnostics: list[T.Diagnostic]) -> list[T.CodeAction]:
        """The code actions offered for ``diagnostics`` (at the first one's range)."""
        got = await self.client.text_document_code_action_async(
            T.CodeActionParams(
                text_document=T.TextDocumentIdentifier(uri=uri),
                range=diagnostics[0].range,
                context=T.CodeActionContext(diagnostics=diagnostics),
            )
        )
        assert got, "no code actions"
        return [a for a in got if isinstance(a, T.CodeAction)]

    async def warm_up(self, timeout: float = 90, *, pull: bool = False) -> None:
        """Wait until the server's model is loaded: until a scratch document shows a
        finding of a rule that needs spaCy. Until then the server publishes a first paint
        of the model-free rules only, then the full diagnostics for the same version."""
        from pm_lsp.rules.registry import all_rules

        nlp_codes = {r.code for r in all_rules() if r.spec.uses_nlp}
        uri = "untitled:pm-lsp-test-warm-up"
        self.open(uri, WARM_UP_TEXT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if pull:
                report = await self.client.text_document_diagnostic_async(
                    T.DocumentDiagnosticParams(text_document=T.TextDocumentIdentifier(uri=uri))
                )
                items = getattr(report, "items", None) or []
                if {d.code for d in items} & nlp_codes:
                    break
                await asyncio.sleep(0.2)
                continue
            if any(
                p.uri == uri and {d.code for d in p.diagnostics} & nlp_codes for p in self.published
            ):
                break
            self.changed.clear()
            with suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self.changed.wait(), 1)
        self.client.text_document_did_close(
            T.DidCloseTextDocumentParams(text_document=T.TextDocumentIdentifier(uri=uri))
        )
        if not pull:
            with suppress(TimeoutError):
                await self.wait_published(uri, None, timeout=10)
        self.published.clear()
        self.client.diagnostics.pop(uri, None)

    def open(self, uri: str, text: str, version: int = 1) -> None:
        self.client.text_document_did_open(
            T.DidOpenTextDocumentParams(
                text_document=T.TextDocumentItem(
                    uri=uri, language_id="markdown", version=version, text=text
                )
            )
        )

    def change(self, uri: str, text: str, version: int) -> None:
        self.client.text_document_did_change(
            T.DidChangeTextDocumentParams(
                text_document=T.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[T.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )


@asynccontextmanager
async def lsp_session(
    capabilities: T.ClientCapabilities | None = None,
    *,
    init_options: Any = None,
    configuration: dict[str, Any] | None = None,
    root: Path | None = None,
    expect_clean_exit: bool = True,
    server_args: Sequence[str] = (),
    warm_up: bool = True,
    env: Mapping[str, str] | None = None,
) -> AsyncIterator[Session]:
    """Start ``pm-lsp``, initialize it, yield, then shut down and check the exit code.

    ``env``: variables set for the server process on top of this one's.

    ``warm_up``: before yielding, wait until the spaCy model is in (see
    :meth:`Session.warm_up`), so a test's first ``publishDiagnostics`` is the full one.
    """
    client = LanguageClient(configuration=configuration)
    session_box: list[Session] = []

    def on_publish(client_: LanguageClient, params: T.PublishDiagnosticsParams) -> None:
        client_.diagnostics[params.uri] = params.diagnostics
        if session_box:
            session_box[0].published.append(params)
            reports = sum(len(r) for r in client_.progress_reports.values())
            session_box[0].progress_at_publish.append(reports)
            session_box[0].changed.set()

    features = dict(DEFAULT_CLIENT_FEATURES)
    features[T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = on_publish
    register_lsp_features(client, features)
    kwargs: dict[str, Any] = {}
    if root is not None:
        kwargs["cwd"] = str(root)
    if env is not None:
        kwargs["env"] = {**os.environ, **env}
    await client.start_io(*SERVER, *server_args, **kwargs)
    try:
        caps = capabilities or T.ClientCapabilities()
        result = await asyncio.wait_for(
            client.initialize_session(
                T.InitializeParams(
                    capabilities=caps,
                    initialization_options=init_options,
                    root_uri=root.as_uri() if root is not None else None,
                    workspace_folders=[T.WorkspaceFolder(uri=root.as_uri(), name=root.name)]
                    if root is not None
                    else None,
                )
            ),
            30,
        )
        enc = result.capabilities.position_encoding or "utf-16"
        session = Session(client, str(getattr(enc, "value", enc)))
        session_box.append(session)
        try:
            if warm_up:
                pull = getattr(caps.text_document, "diagnostic", None) is not None
                await session.warm_up(pull=pull)
            yield session
        except BaseException:
            # A failed assertion in the test body: no orderly shutdown will come, and
            # client.stop() only waits for the server to exit. Kill it instead of hanging
            # until pytest's timeout.
            if client._server is not None and client._server.returncode is None:
                client._server.kill()
            raise
        await asyncio.wait_for(client.shutdown_session(), 30)
        if expect_clean_exit:
            assert client._server is not None
            assert client._server.returncode == 0
    finally:
        await client.stop()
