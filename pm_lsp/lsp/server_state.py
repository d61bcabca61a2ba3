"""The pm-lsp server object: pygls' ``LanguageServer`` plus pm-lint's state, in typed parts.

The handlers in :mod:`pm_lsp.lsp.features` are module-level functions that take this server
(``ls``) and read or change its parts:

* :attr:`PmLanguageServer.client`: what the client can do (:mod:`pm_lsp.lsp.capabilities`);
* :attr:`PmLanguageServer.scopes`: workspace folders and their settings
  (:mod:`pm_lsp.lsp.scopes`);
* :attr:`PmLanguageServer.analyzer`: config lookup and linting (:mod:`pm_lsp.lsp.analysis`);
* :attr:`PmLanguageServer.scheduler`: when documents are linted, and their latest results
  (:mod:`pm_lsp.lsp.scheduling`).

The open documents themselves are pygls' (``workspace.text_documents``; ranged changes are
applied by :class:`~pm_lsp.lsp.protocol.PmProtocol`), stored under the canonical key of
their URI (:mod:`pm_lsp.lsp.uris`): handlers only ever see that key, and messages to the
client name the document as the client spelt it (:meth:`PmLanguageServer.client_uri`).
"""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
from typing import Any, BinaryIO

from lsprotocol import types as T
from pygls.io_ import StdoutWriter
from pygls.lsp.server import LanguageServer

from pm_lsp import __version__
from pm_lsp.lsp.analysis import Analysis, Analyzer
from pm_lsp.lsp.capabilities import ClientSupport
from pm_lsp.lsp.protocol import PmProtocol, converter
from pm_lsp.lsp.scheduling import Scheduler
from pm_lsp.lsp.scopes import SettingsScopes
from pm_lsp.lsp.uris import UriBook, workspace_key
from pm_lsp.model.positions import Encoding, LineIndex

log = logging.getLogger("pm_lsp.lsp.server")


class PmLanguageServer(LanguageServer):
    """pygls' server plus the client's capabilities, the settings scopes and the scheduler."""

    def __init__(self) -> None:
        super().__init__(
            "pm-lsp",
            __version__,
            text_document_sync_kind=T.TextDocumentSyncKind.Incremental,
            protocol_cls=PmProtocol,
            converter_factory=converter,
        )
        self.client = ClientSupport()
        #: the negotiated position encoding
        self.encoding: Encoding = "utf-16"
        self.scopes = SettingsScopes()
        #: created by the first settings adopted (``initialize``)
        self.analyzer: Analyzer | None = None
        self.scheduler = Scheduler(self)
        self.log_handler: logging.Handler | None = None
        self.watchdog: asyncio.Task[None] | None = None
        self.shutting_down = False

    @property
    def uris(self) -> UriBook:
        """The client's spelling of each open document's URI."""
        return self.pm_protocol.uris

    @property
    def pm_protocol(self) -> PmProtocol:
        assert isinstance(self.protocol, PmProtocol)
        return self.protocol

    def client_uri(self, key: str) -> str:
        """The URI naming the document ``key`` in a message to the client."""
        return self.uris.client(key)

    def current(self, uri: str) -> tuple[int | None, str] | None:
        """(version, text) of an open document, or None if the client never opened it."""
        doc = self.workspace.text_documents.get(workspace_key(uri))
        if doc is None:
            return None
        return doc.version, doc.source

    def line_index_of(self, uri: str) -> LineIndex | None:
        """The line index of the latest analysis of a document (canonical URI), which is
        of the text that analysis read."""
        result = self.scheduler.results.get(uri)
        return result.positions.index if result is not None else None

    def adopt_settings(self) -> None:
        """Use the settings scopes as they are now: fresh resolvers (cached config files
        are forgotten), swapped into the analyzer with one assignment (see
        :mod:`pm_lsp.lsp.analysis`)."""
        resolvers = self.scopes.resolvers()
        if self.analyzer is None:
            self.analyzer = Analyzer(resolvers, self.encoding)
        else:
            self.analyzer.resolvers = resolvers

    def open_uris(self) -> list[str]:
        """The canonical keys of the open documents (pygls' own dict keys are decoded)."""
        return [doc.uri for doc in self.workspace.text_documents.values()]

    def relint_all(self) -> None:
        """Re-lint every open document (the configuration changed)."""
        self.scheduler.relint(self.open_uris())

    def deliver(self, result: Analysis) -> None:
        """Tell the client about a new analysis: a refresh for pull clients, else a push."""
        if self.shutting_down:
            return
        if self.client.pull_diagnostics:
            if self.client.diagnostic_refresh:
                self.workspace_diagnostic_refresh(None)
            return
        self.publish(result.uri, result.version, result.items)

    def publish(self, uri: str, version: int | None, items: list[dict[str, Any]]) -> None:
        """``textDocument/publishDiagnostics`` of diagnostic items
        (:func:`~pm_lsp.lsp.convert.diagnostic_item`): the JSON is written as it is, with
        no lsprotocol objects in between (the message lsprotocol would write for the same
        diagnostics, tests/test_server_json.py)."""
        params: dict[str, Any] = {"uri": self.client_uri(uri), "diagnostics": items}
        if version is not None:
            params["version"] = version
        self.pm_protocol.notify_json(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS, params)

    def run_stdio(self, stdin: BinaryIO | None = None, stdout: BinaryIO | None = None) -> int:
        """Serve over stdin/stdout until ``exit`` or end of input; the process exit code.

        Like pygls' ``start_io``, but reading through :mod:`pm_lsp.lsp.transport` (framing
        errors are answered, never left unread), and keeping ``exit``'s code: 0 after
        ``shutdown``, 1 without it, as the specification asks (pygls swallowed the
        ``SystemExit`` and the process always ended with 0).
        """
        from pm_lsp.lsp.heap import fix_mmap_threshold, limit_arenas, pace_collector
        from pm_lsp.lsp.transport import serve

        limit_arenas(2)  # before the reader and analysis threads start
        fix_mmap_threshold()
        pace_collector()
        self._stop_event = threading.Event()
        writer = StdoutWriter(stdout or sys.stdout.buffer)
        self.protocol.set_writer(writer)
        fd = (stdin or sys.stdin.buffer).fileno()
        code = 0
        try:
            asyncio.run(
                serve(self._stop_event, fd, self.protocol, writer.write, self.report_server_error)
            )
        except BrokenPipeError:
            log.error("the connection to the client is lost; exiting")
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        except KeyboardInterrupt:
            pass
        finally:
            self.shutdown()  # type: ignore[no-untyped-call]
        return code

    def show_error(self, message: str) -> None:
        """A settings problem: logged, and shown to the user (they have something to fix)."""
        log.error("%s", message)
        self.window_show_message(
            T.ShowMessageParams(type=T.MessageType.Error, message=f"pm-lint: {message}")
        )
