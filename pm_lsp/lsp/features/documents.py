"""Document sync: open, change, save and close schedule or drop the document's analysis.

Sync is incremental: the protocol applies ranged changes
(:class:`~pm_lsp.lsp.protocol.PmProtocol`) and pygls keeps the texts. An edit is linted after
the debounce delay, an opened document at once (see :mod:`pm_lsp.lsp.scheduling`).
"""

from __future__ import annotations

from lsprotocol import types as T

from pm_lsp.lsp.features.registration import Feature
from pm_lsp.lsp.server_state import PmLanguageServer


def did_open(ls: PmLanguageServer, params: T.DidOpenTextDocumentParams) -> None:
    ls.scheduler.schedule(params.text_document.uri, 0)


def did_change(ls: PmLanguageServer, params: T.DidChangeTextDocumentParams) -> None:
    ls.scheduler.schedule(params.text_document.uri)


def did_save(ls: PmLanguageServer, params: T.DidSaveTextDocumentParams) -> None:
    uri = params.text_document.uri
    if uri not in ls.scheduler.results:
        ls.scheduler.schedule(uri, 0)


def did_close(ls: PmLanguageServer, params: T.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    ls.scheduler.forget(uri)
    if not ls.client.pull_diagnostics:
        ls.publish(uri, None, [])  # the closed document's problems leave the editor's list
    ls.uris.forget(uri)


FEATURES = (
    Feature(T.TEXT_DOCUMENT_DID_OPEN, did_open),
    Feature(T.TEXT_DOCUMENT_DID_CHANGE, did_change),
    Feature(T.TEXT_DOCUMENT_DID_SAVE, did_save),
    Feature(T.TEXT_DOCUMENT_DID_CLOSE, did_close),
)
