"""pygls' protocol and converter, adapted through their public extension points.

Three adaptations; the first two without touching pygls internals:

* **An answer to a request whose params cannot be read.** pygls 2.1 logs such a request and
  drops it, so the client waits forever; JSON-RPC asks for an ``InvalidParams`` error with
  the request's id. :meth:`PmProtocol.structure_message` turns the unreadable request into a
  request for :data:`INVALID_PARAMS` carrying the reason, and the handler registered for it
  raises the error, which pygls sends back under the original id like any handler's error.
* **Diagnostics written without the generic converter walk.** A pull answer is on the path
  from a keystroke to the editor; cattrs' generic walk over ~180 diagnostics of a long
  postmortem took ~2 ms per answer. :func:`converter` registers
  :func:`~pm_lsp.lsp.convert.diagnostic_json` as the converter's hook for ``Diagnostic``, so
  every message holding diagnostics (pull reports) is written by it.
* **Bodies encoded by orjson.** :meth:`PmProtocol._send_data` replaces pygls' writer (same
  framing, same fallbacks); published diagnostics arrive as JSON already
  (:meth:`PmProtocol.notify_json`), so a keystroke's publish is one C call.

Four more, at the protocol edge (see :meth:`PmProtocol.structure_message` and
:meth:`PmProtocol.handle_message`):

* **One key per document.** Every ``textDocument.uri`` is replaced by its canonical key
  (:mod:`pm_lsp.lsp.uris`) before any handler sees it, and lone surrogates in document
  text (reachable through JSON ``\\ud800`` escapes) are replaced by U+FFFD, so rules never
  meet text that cannot be encoded.
* **The lifecycle of the LSP specification.** A request before ``initialize`` is answered
  with ``ServerNotInitialized`` (-32002) and a notification dropped; a request after
  ``shutdown`` is answered with ``InvalidRequest`` (pygls dropped it silently).
* **Incremental sync, applied by us.** pygls splits lines with ``str.splitlines``, which
  also breaks at form feeds and U+2028, so its ranged edits land in the wrong place;
  :meth:`PmProtocol.lsp_text_document__did_change` applies them through
  :class:`~pm_lsp.model.positions.LineIndex` (``\\r\\n``, ``\\r``, ``\\n`` only) in the
  negotiated encoding.
* **No future kept per notification.** pygls 2.1 stores a future for each notification
  handled by a generator or a coroutine (``didOpen``, ``didChange``...) and never removes
  it: about 1 KB per keystroke, forever. :meth:`PmProtocol._execute_handler` removes each
  one when it is done.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import Callable, Generator
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

import orjson
from cattrs import Converter
from lsprotocol import types as T
from pygls.exceptions import JsonRpcException, JsonRpcInternalError, JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.protocol import (
    JsonRPCRequestMessage,
    LanguageServerProtocol,
    default_converter,
    lsp_method,
)

from pm_lsp.lsp.convert import diagnostic_json, encoding_of
from pm_lsp.lsp.uris import UriBook, workspace_key
from pm_lsp.model.positions import LineIndex

log = logging.getLogger("pm_lsp.lsp.server")

#: the internal request an unreadable request is answered through ("$/": implementation
#: dependent, by the protocol's naming rule; no client sends it)
INVALID_PARAMS = "$/pm-lsp/invalidParams"


@dataclass(frozen=True)
class Unreadable:
    """A request whose params could not be read, and the error that says why (the params
    of :data:`INVALID_PARAMS`)."""

    method: str
    error: JsonRpcException


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """``text`` with lone surrogates replaced by U+FFFD (one code point, one UTF-16 unit
    each, so no position moves). A Python ``str`` from JSON holds a surrogate only when it
    is lone: ``json`` joins valid pairs into one character."""
    if text.isascii() or _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub("\ufffd", text)


class PmProtocol(LanguageServerProtocol):
    """pygls' protocol, adapted at the edge (see the module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        #: how the client spells each open document's URI (keys are canonical inside)
        self.uris = UriBook()
        #: ``initialize`` has been received
        self.initialize_seen = False
        super().__init__(*args, **kwargs)

    def structure_message(self, data: Any) -> Any:
        if isinstance(data, dict) and "jsonrpc" in data and "method" in data:
            # JSON-RPC lets a message leave out ``params``; pygls' generic request and
            # notification types require the field (a custom method without params was
            # answered InternalError instead of being handled, or MethodNotFound)
            data.setdefault("params", None)
        message = self._structure(data)
        params = getattr(message, "params", None)
        doc: Any = getattr(params, "text_document", None)
        if isinstance(getattr(doc, "uri", None), str):
            doc.uri = self.uris.enter(doc.uri)
        if isinstance(doc, T.TextDocumentItem):
            doc.text = clean_text(doc.text)
        if isinstance(params, T.DidChangeTextDocumentParams):
            for change in params.content_changes:
                change.text = clean_text(change.text)
        return message

    def _structure(self, data: Any) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            if not (isinstance(data, dict) and "id" in data and "method" in data):
                raise  # a notification or a response: there is no one to answer
            method = str(data["method"])
            log.error("malformed %s request %r: %s", method, data["id"], exc.message)
            return JsonRPCRequestMessage(
                id=data["id"],
                method=INVALID_PARAMS,
                params=Unreadable(method, exc),
                jsonrpc=self.VERSION,
            )

    def handle_message(self, message: Any) -> None:
        """pygls' dispatch, behind the lifecycle gates of the LSP specification."""
        method = getattr(message, "method", None)
        is_request = method is not None and hasattr(message, "id")
        if method == T.EXIT:
            pass
        elif not self.initialize_seen:
            if method == T.INITIALIZE:
                self.initialize_seen = True
            elif is_request:
                self._refuse(message.id, T.ErrorCodes.ServerNotInitialized, "not initialized")
                return
            elif method is not None:
                log.warning("dropping %s: the server is not initialized yet", method)
                return
        elif self._shutdown and is_request:
            self._refuse(message.id, T.ErrorCodes.InvalidRequest, "the server is shut down")
            return
        super().handle_message(message)

    def notify_json(self, method: str, params: dict[str, Any]) -> None:
        """A notification whose params are JSON already (published diagnostics)."""
        self._send_data({"jsonrpc": self.VERSION, "method": method, "params": params})

    def _send_data(self, data: Any) -> None:
        """pygls' writer, with the body encoded by orjson: ~10x faster than ``json.dumps``
        on the ~170 KB a long postmortem's diagnostics take, and every edit publishes them.
        lsprotocol values are unstructured by the converter as pygls does; a value orjson
        refuses (a lone surrogate in a string) is written by ``json.dumps``, which escapes
        it, as pygls would have."""
        if not data:
            return
        if self.writer is None:
            log.error("no transport to send data to")
            return
        try:
            try:
                body = orjson.dumps(data, default=self._serialize_message)
            except TypeError:
                body = json.dumps(data, default=self._serialize_message).encode("utf-8")
            header = (
                f"Content-Length: {len(body)}\r\n"
                f"Content-Type: {self.CONTENT_TYPE}; charset={self.CHARSET}\r\n\r\n"
            )
            self.writer.write(header.encode("ascii") + body)  # stdio: a blocking write
        except BrokenPipeError:
            log.error("the connection to the client is lost")
            raise
        except Exception as error:
            log.exception("error sending data")
            self._server._report_server_error(error, JsonRpcInternalError)

    def _refuse(self, msg_id: Any, code: int, why: str) -> None:
        self._send_response(msg_id, error=T.ResponseError(code=int(code), message=why))

    def _execute_handler(
        self,
        msg_id: Any,
        handler: Callable[..., Any],
        callback: Callable[[Future[Any]], None],
        args: tuple[Any, ...] | None = None,
        kwargs: dict[str, Any] | None = None,
    ) -> None:
        super()._execute_handler(msg_id, handler, callback, args, kwargs)
        future = self._request_futures.get(msg_id)
        if future is not None:
            loop = asyncio.get_running_loop()
            future.add_done_callback(
                lambda f: loop.call_soon_threadsafe(self._forget_future, msg_id, f)
            )

    def _forget_future(self, msg_id: Any, future: Future[Any]) -> None:
        """A finished handler's future leaves the table (a request's is already gone:
        pygls removes it when it sends the answer). Called on the event loop, never while
        pygls walks the table (``shutdown`` cancels futures as it iterates over them), and
        never from a worker thread that finished a future."""
        if self._request_futures.get(msg_id) is future:
            del self._request_futures[msg_id]

    @lsp_method(T.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(
        self, params: T.DidChangeTextDocumentParams
    ) -> Generator[Any, Any, None]:
        """Apply the changes (whole or ranged) to the open document, then call our handler."""
        key = workspace_key(params.text_document.uri)
        doc = self.workspace.text_documents.get(key)
        if doc is None:
            log.warning("didChange for a document that is not open: %s", key)
            return
        encoding = encoding_of(self.workspace.position_encoding)
        text = doc.source
        for change in params.content_changes:
            if isinstance(change, T.TextDocumentContentChangePartial):
                index = self._line_index(params.text_document.uri, text)
                start, end = change.range.start, change.range.end
                a = index.offset(start.line, start.character, encoding)
                b = index.offset(end.line, end.character, encoding)
                text = text[:a] + change.text + text[max(a, b) :]
            else:
                text = change.text
        self.workspace.put_text_document(
            T.TextDocumentItem(
                uri=params.text_document.uri,
                language_id=doc.language_id or "markdown",
                version=params.text_document.version,
                text=text,
            )
        )
        user_handler = self.fm.features.get(T.TEXT_DOCUMENT_DID_CHANGE)
        if user_handler is not None:
            yield user_handler, (params,), None

    def _line_index(self, uri: str, text: str) -> LineIndex:
        """The line index of ``text``: the one the server's latest analysis of the document
        built, when it is of this very text (an edit usually follows the diagnostics of
        the one before), else a new one (~0.7 ms for a 14k-word postmortem, on the path
        from the keystroke to the editor)."""
        known = getattr(self._server, "line_index_of", None)
        index = known(uri) if known is not None else None
        return index if index is not None and index.text is text else LineIndex(text)


def answer_unreadable(ls: LanguageServer, params: object) -> None:
    """The handler of :data:`INVALID_PARAMS`: pygls sends the raised error to the client as
    the answer to the unreadable request (``InvalidParams``, or ``InternalError`` when
    reading failed for another reason)."""
    if isinstance(params, Unreadable):
        raise params.error
    raise JsonRpcInvalidParams()  # sent by a client by name: nothing to answer with


def converter() -> Converter:
    """pygls' converter, with diagnostics written by :func:`diagnostic_json`."""
    conv: Converter = default_converter()  # type: ignore[no-untyped-call]
    conv.register_unstructure_hook(T.Diagnostic, diagnostic_json)
    return conv
