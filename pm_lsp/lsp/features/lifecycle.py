"""``initialize``, ``initialized`` and ``shutdown``: the server's state is set up and torn down.

``initialize`` reads what the client can do, the negotiated position encoding, the workspace
folders and ``initializationOptions``, and starts the first paint's one-time work in the
background (:meth:`~pm_lsp.lsp.scheduling.Scheduler.warm_up`); ``initialized`` pulls the
scoped settings, registers the config-file watchers, lets waiting analyses start, and loads
the spaCy model in the background once the first document's model-free diagnostics are out
(never at import time: ``pm-lsp --version`` must stay fast).
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from lsprotocol import types as T

from pm_lsp.lsp.capabilities import ClientSupport
from pm_lsp.lsp.client_log import ClientLogHandler
from pm_lsp.lsp.convert import encoding_of
from pm_lsp.lsp.features.registration import Feature
from pm_lsp.lsp.features.workspace import pull_configuration, register_watchers
from pm_lsp.lsp.server_state import PmLanguageServer
from pm_lsp.lsp.settings import settings_from_init
from pm_lsp.lsp.watchdog import watch_parent

log = logging.getLogger("pm_lsp.lsp.server")


def initialize(ls: PmLanguageServer, params: T.InitializeParams) -> None:
    ls.client = ClientSupport.of(params.capabilities)
    ls.encoding = encoding_of(ls.workspace.position_encoding)
    folders = list(params.workspace_folders or [])
    root_uri = params.root_uri or ls.workspace.root_uri
    if not folders and root_uri:  # a client without workspace folders: the root is one
        folders = [T.WorkspaceFolder(uri=root_uri, name="")]
    scopes = ls.scopes
    scopes.set_folders(folders)
    root = ls.workspace.root_path
    first = next(iter(scopes.folders.values()), None)
    scopes.root = Path(root) if root else (first.path if first else None)
    error = scopes.apply_unscoped(settings_from_init(params))
    ls.adopt_settings()
    if error:
        ls.show_error(error)
    if ls.analyzer is not None:
        ls.analyzer.encoding = ls.encoding
    ls.watchdog = watch_parent(params.process_id)
    ls.scheduler.warm_up((scopes.root / "_") if scopes.root else None)
    log.info(
        "initialized: encoding=%s diagnostics=%s",
        ls.encoding,
        "pull" if ls.client.pull_diagnostics else "push",
    )


async def initialized(ls: PmLanguageServer, params: T.InitializedParams) -> None:
    handler = ClientLogHandler(ls, asyncio.get_running_loop())
    logging.getLogger("pm_lsp").addHandler(handler)
    ls.log_handler = handler
    try:
        await pull_configuration(ls)
        await register_watchers(ls)
    finally:
        ls.scheduler.config_ready.set()
    root = ls.scopes.root
    ls.scheduler.preload_task = asyncio.ensure_future(
        ls.scheduler.preload((root / "_") if root else None)
    )


def shutdown(ls: PmLanguageServer, params: None) -> None:
    ls.shutting_down = True
    if ls.log_handler is not None:
        logging.getLogger("pm_lsp").removeHandler(ls.log_handler)
    ls.scheduler.stop()


FEATURES = (
    Feature(T.INITIALIZE, initialize),
    Feature(T.INITIALIZED, initialized),
    Feature(T.SHUTDOWN, shutdown),
)
