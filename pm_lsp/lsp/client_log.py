"""pm_lsp warnings and errors in the editor's log (``window/logMessage``), besides stderr.

stdout is the protocol channel, so the server never prints; stderr is where
:func:`pm_lsp.lsp.server.main` sends every record, but editors tend to hide a server's
stderr. Warnings and errors are therefore also sent to the client once it is initialized.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from lsprotocol import types as T

if TYPE_CHECKING:
    from pm_lsp.lsp.server_state import PmLanguageServer


class ClientLogHandler(logging.Handler):
    """Forwards pm_lsp warnings and errors to ``window/logMessage`` (the editor's log).

    Records may come from the analysis thread; the message is handed to the event loop,
    which owns the transport.
    """

    def __init__(self, ls: PmLanguageServer, loop: asyncio.AbstractEventLoop) -> None:
        super().__init__(level=logging.WARNING)
        self.ls = ls
        self.loop = loop
        self.setFormatter(logging.Formatter("%(name)s: %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        if self.ls.shutting_down or self.loop.is_closed():
            return
        try:
            message = self.format(record)
            kind = T.MessageType.Error if record.levelno >= logging.ERROR else T.MessageType.Warning
            self.loop.call_soon_threadsafe(self._send, kind, message)
        except Exception:  # logging must never raise into the caller
            self.handleError(record)

    def _send(self, kind: T.MessageType, message: str) -> None:
        if not self.ls.shutting_down:
            self.ls.window_log_message(T.LogMessageParams(type=kind, message=message))
