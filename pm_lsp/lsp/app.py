"""The pm-lsp language server (pygls 2), assembled: a server object and its handlers.

How a keystroke becomes diagnostics:

1. ``didChange`` (:mod:`pm_lsp.lsp.features.documents`) schedules the document's analysis
   after the debounce delay (:mod:`pm_lsp.lsp.scheduling`).
2. The analysis (:mod:`pm_lsp.lsp.analysis`) runs on one of the server's analysis threads
   once the settings are known (:mod:`pm_lsp.lsp.scopes`), and is dropped if the document
   changed meanwhile; while the spaCy model loads, the rules that need none are
   published first.
3. Push clients get ``publishDiagnostics`` for the analysed version; pull clients
   (:mod:`pm_lsp.lsp.features.diagnostics`) get a refresh and ask.

Messages enter through :mod:`pm_lsp.lsp.transport` (framing) and
:class:`~pm_lsp.lsp.protocol.PmProtocol` (URIs made canonical, lifecycle gates, ranged
edits applied). The server's state lives in typed parts of
:class:`~pm_lsp.lsp.server_state.PmLanguageServer`; the handlers are module-level functions
in :mod:`pm_lsp.lsp.features`. Logs go to stderr and, for warnings and errors, to
``window/logMessage`` (:mod:`pm_lsp.lsp.client_log`); stdout is the protocol channel.
"""

from __future__ import annotations

from pm_lsp.lsp import memory_probe
from pm_lsp.lsp.features import FEATURES
from pm_lsp.lsp.server_state import PmLanguageServer


def build_server() -> PmLanguageServer:
    """A fresh server with every handler of :data:`~pm_lsp.lsp.features.FEATURES`."""
    server = PmLanguageServer()
    for feature in FEATURES:
        server.feature(feature.method, feature.options)(feature.handler)
    if memory_probe.enabled():
        memory_probe.start()
        server.feature(memory_probe.METHOD)(memory_probe.answer)
    return server
