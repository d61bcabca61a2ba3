"""pygls' protocol and converter, adapted through their public extension points.

Two adaptations, both without touching pygls internals:

* **An answer to a request whose params cannot be read.** pygls 2.1 logs such a request and
  drops it, so the client waits forever; JSON-RPC asks for an ``InvalidParams`` error with
  the request's id. :meth:`PmProtocol.structure_message` turns the unreadable request into a
  request for :data:`INVALID_PARAMS` carrying the reason, and the handler registered for it
  raises the error, which pygls sends back under the original id like any handler's error.
* **Diagnostics written without the generic converter walk.** Publishing is on the path
  from a keystroke to the editor; cattrs' generic walk over ~180 diagnostics of a long
  postmortem took ~2 ms per publish. :func:`converter` registers
  :func:`~pm_lsp.lsp.convert.diagnostic_json` as the converter's hook for ``Diagnostic``, so
  every message holding diagnostics (``publishDiagnostics``, pull reports) is written by it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from cattrs import Converter
from lsprotocol import types as T
from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.protocol import JsonRPCRequestMessage, LanguageServerProtocol, default_converter

from pm_lsp.lsp.convert import diagnostic_json

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


class PmProtocol(LanguageServerProtocol):
    """pygls' protocol, plus an error *answer* to a request whose params cannot be read."""

    def structure_message(self, data: Any) -> Any:
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
