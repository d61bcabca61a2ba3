"""The pm-lsp language server (pygls 2): document sync, scheduling, diagnostics, configuration.

How a keystroke becomes diagnostics:

1. ``didChange`` (full sync: the client sends the whole text, so there is no incremental-edit
   arithmetic to get wrong) cancels the document's pending job and schedules a new one after
   the debounce delay (150 ms by default; ``debounceMs`` in ``initializationOptions`` or the
   ``pmLint`` settings).
2. The job waits for the configuration pull that follows ``initialized`` (requests can
   overtake that notification), then runs :meth:`Analyzer.analyze` on the server's own
   single-thread executor. It never uses pygls' ``thread_pool``, which also reads stdin, and
   never a fork-started process (a forked child deadlocks on pygls' stdin lock).
3. A job whose version is no longer the document's current version is dropped before it
   starts and again before it publishes: stale diagnostics never reach the client.
4. Clients with pull support (``textDocument.diagnostic``) get ``textDocument/diagnostic`` and
   ``workspace/diagnostic`` answers (waiting for a pending job so the answer is fresh) and a
   ``workspace/diagnostic/refresh`` after each analysis; others get ``publishDiagnostics``
   with the analysed version.

Settings come per workspace folder. The server remembers the folders (``initialize``, then
``workspace/didChangeWorkspaceFolders``) and pulls ``pmLint`` with one
``workspace/configuration`` item per folder (``scopeUri`` = the folder) plus one unscoped
item, in a single request: in a VS Code multi-root workspace each folder's
``.vscode/settings.json`` then applies to that folder's documents only. Each folder's answer is
validated on its own (a bad key is reported, naming the folder, and dropped; the rest
applies) and gets its own :class:`~pm_lsp.policy.config.ConfigResolver`; a document follows the
innermost folder that holds it, and documents outside every folder (or untitled) follow the
unscoped answer, which also carries the server's own options (``debounceMs``). Clients that
cannot answer ``workspace/configuration`` keep one set of settings for everything
(``initializationOptions``, then ``didChangeConfiguration``'s payload).

Logs go to stderr and, for warnings and errors, to ``window/logMessage``; stdout is the
protocol channel.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from lsprotocol import types as T
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol

from pm_lsp import __version__
from pm_lsp.lsp.analysis import Analysis, Analyzer, Resolvers
from pm_lsp.lsp.convert import diagnostic_json, encoding_of, uri_to_path
from pm_lsp.lsp.settings import (
    SERVER_KEYS,
    SETTINGS_SECTION,
    SETTINGS_SOURCE,
    Folder,
    ServerOptions,
    describe_problems,
    folder_of,
    settings_from_init,
    settings_object,
    split_settings,
    validated_overrides,
)
from pm_lsp.model.positions import Encoding
from pm_lsp.policy.config import ConfigResolver, Settings

log = logging.getLogger("pm_lsp.lsp.server")

_R = TypeVar("_R")


class PmProtocol(LanguageServerProtocol):
    """pygls' protocol, plus an error *answer* to a request whose params cannot be read.

    pygls 2.1 logs such a request and drops it, so the client waits forever for a reply;
    JSON-RPC asks for an ``InvalidParams`` error response with the request's id.
    """

    def notify_json(self, method: str, params: dict[str, Any]) -> None:
        """A notification whose params are JSON already (no converter walk)."""
        self._send_data({"jsonrpc": "2.0", "method": method, "params": params})

    def structure_message(self, data: Any) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            if isinstance(data, dict) and "id" in data and "method" in data:
                log.error(
                    "malformed %s request %r: %s", data.get("method"), data.get("id"), exc.message
                )
                self._send_response(data["id"], error=exc.to_response_error())
            raise


class PmLanguageServer(LanguageServer):
    """pygls server plus the scheduling state for pm-lint."""

    def __init__(self) -> None:
        super().__init__(
            "pm-lsp",
            __version__,
            text_document_sync_kind=T.TextDocumentSyncKind.Full,
            protocol_cls=PmProtocol,
        )
        self.options = ServerOptions()
        #: workspace folders by path (a folder removed later is named by its URI, which
        #: may be spelt differently; the path is what documents are matched against)
        self.folders: dict[Path, Folder] = {}
        #: validated unscoped settings: documents outside every folder, and every document
        #: for clients that cannot answer scoped workspace/configuration requests
        self.default_overrides = Settings(source=SETTINGS_SOURCE)
        #: validated settings of the folders whose answer was not null
        self.folder_overrides: dict[Path, Settings] = {}
        #: counts configuration pulls, so an answer overtaken by a newer pull is dropped
        self.pulls = 0
        self.encoding: Encoding = "utf-16"
        self.pull_mode = False
        self.refresh_support = False
        self.resolve_edit_support = False
        self.snippet_support = False
        self.hierarchical_symbols = True
        self.completion_markdown = False
        self.hover_markdown = True
        self.analyzer: Analyzer | None = None
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pm-lsp-analysis")
        self.results: dict[str, Analysis] = {}
        self.pending: dict[str, asyncio.Task[Analysis | None]] = {}
        self.config_ready: asyncio.Event | None = None
        self.root: Path | None = None
        self._watchdog: asyncio.Task[None] | None = None
        self.log_handler: logging.Handler | None = None
        self.shutting_down = False

    # -- configuration ---------------------------------------------------------------------
    def ready_event(self) -> asyncio.Event:
        if self.config_ready is None:
            self.config_ready = asyncio.Event()
        return self.config_ready

    def apply_settings(self, raw: Mapping[str, Any]) -> str | None:
        """Adopt unscoped ``pmLint`` settings; returns an error message if some are invalid.

        Used for ``initializationOptions`` and for ``didChangeConfiguration`` payloads of
        clients that cannot be asked: these settings apply to every document that has no
        folder settings of its own (for such clients, every document).
        """
        opts, lint_keys = split_settings(raw)
        self.options = opts
        self.default_overrides, errors = validated_overrides(lint_keys, self.root)
        self.new_resolver()
        return describe_problems({e: [None] for e in errors}, 1)

    def apply_pulled(
        self, folders: Sequence[Folder], answers: Sequence[object], unscoped: object
    ) -> str | None:
        """Adopt the answers of one scoped pull (one per folder, then the unscoped one).

        A null answer means the client has nothing for that scope: the unscoped settings
        stay what they were (``initializationOptions``), and a folder falls back to them.
        Server options come from the unscoped answer only; a folder's ``debounceMs`` is
        ignored (there is one event loop, not one per folder).
        """
        problems: dict[str, list[str | None]] = {}
        scopes = 0
        if unscoped is not None:
            scopes += 1
            opts, lint_keys = split_settings(settings_object(unscoped))
            self.options = opts
            self.default_overrides, errors = validated_overrides(lint_keys, self.root)
            for e in errors:
                problems.setdefault(e, []).append(None)
        overrides: dict[Path, Settings] = {}
        for folder, raw in zip(folders, answers, strict=True):
            if raw is None:
                continue
            scopes += 1
            keys = {k: v for k, v in settings_object(raw).items() if k not in SERVER_KEYS}
            _, lint_keys = split_settings(keys)
            overrides[folder.path], errors = validated_overrides(lint_keys, folder.path)
            for e in errors:
                problems.setdefault(e, []).append(folder.name)
        self.folder_overrides = overrides
        self.new_resolver()
        return describe_problems(problems, scopes)

    def new_resolver(self) -> None:
        """Fresh resolvers for every scope: forgets cached config files (they may have changed).

        A folder without settings of its own shares the unscoped resolver. The bundle is
        swapped in with one assignment (see :mod:`pm_lsp.lsp.analysis`).
        """
        default = ConfigResolver(self.default_overrides)
        scoped: list[tuple[Path, ConfigResolver]] = []
        for path in self.folders:
            own = self.folder_overrides.get(path)
            scoped.append((path, default if own is None else ConfigResolver(own)))
        resolvers = Resolvers.of(default, scoped)
        if self.analyzer is None:
            self.analyzer = Analyzer(resolvers, self.encoding)
        else:
            self.analyzer.resolvers = resolvers

    def set_folders(
        self, added: Iterable[T.WorkspaceFolder], removed: Iterable[T.WorkspaceFolder] = ()
    ) -> None:
        """Follow the client's workspace folders (the caller re-pulls and re-lints)."""
        for wf in removed:
            gone = folder_of(wf)
            if gone is not None:
                self.folders.pop(gone.path, None)
                self.folder_overrides.pop(gone.path, None)
        for wf in added:
            folder = folder_of(wf)
            if folder is not None:
                self.folders[folder.path] = folder

    async def run_in_worker(self, fn: Any, *args: Any) -> Any:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.executor, fn, *args)

    # -- documents -------------------------------------------------------------------------
    def current(self, uri: str) -> tuple[int | None, str] | None:
        """(version, text) of an open document, or None if the client never opened it."""
        doc = self.workspace.text_documents.get(uri)
        if doc is None:
            return None
        return doc.version, doc.source

    def schedule(self, uri: str, delay_s: float | None = None) -> None:
        old = self.pending.pop(uri, None)
        if old is not None and not old.done():
            old.cancel()
        delay = self.options.debounce_ms / 1000 if delay_s is None else delay_s
        task = asyncio.get_running_loop().create_task(self._run(uri, delay))
        self.pending[uri] = task

    async def _run(self, uri: str, delay: float) -> Analysis | None:
        if delay > 0:
            await asyncio.sleep(delay)
        await self.ready_event().wait()
        cur = self.current(uri)
        if cur is None or self.analyzer is None:
            return None
        version, text = cur
        analyzer = self.analyzer
        path = uri_to_path(uri)

        def job() -> Analysis | None:
            now = self.current(uri)
            if now is None or now[0] != version:
                return None  # superseded while queued
            return analyzer.analyze(uri, version, text, path)

        result: Analysis | None = await self.run_in_worker(job)
        if result is None:
            return None
        now = self.current(uri)
        if now is None or now[0] != version or now[1] != text:
            return None  # a newer edit arrived while we worked: never publish stale results
        self.results[uri] = result
        for err in result.errors:
            log.warning("%s: %s", uri, err)
        self.deliver(result)
        return result

    def deliver(self, result: Analysis) -> None:
        if self.shutting_down:
            return
        if self.pull_mode:
            if self.refresh_support:
                self.workspace_diagnostic_refresh(None)
            return
        self.publish(result.uri, result.version, result.lsp)

    def publish(self, uri: str, version: int | None, diagnostics: list[T.Diagnostic]) -> None:
        """``textDocument/publishDiagnostics``, serialised by :func:`diagnostic_json`."""
        params: dict[str, Any] = {
            "uri": uri,
            "diagnostics": [diagnostic_json(d) for d in diagnostics],
        }
        if version is not None:
            params["version"] = version
        protocol = self.protocol
        assert isinstance(protocol, PmProtocol)
        protocol.notify_json(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS, params)

    async def fresh(self, uri: str) -> Analysis | None:
        """The analysis of the document's current version, waiting for it if needed.

        If edits keep superseding the pending job, follow them (a bounded number of times),
        then answer with the newest analysis there is.
        """
        for _ in range(50):
            cur = self.current(uri)
            if cur is None:
                return None
            res = self.results.get(uri)
            if res is not None and res.version == cur[0] and res.text == cur[1]:
                return res
            task = self.pending.get(uri)
            if task is None or task.done():
                self.schedule(uri, 0)
                task = self.pending[uri]
            try:
                await asyncio.shield(task)
            except asyncio.CancelledError:
                if not task.cancelled():
                    raise  # it is this request that was cancelled
        return self.results.get(uri)

    def forget(self, uri: str) -> None:
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        self.results.pop(uri, None)

    def relint_all(self) -> None:
        """Re-lint every open document (the configuration changed)."""
        # Results for an unchanged version are now stale too: drop them so pull requests
        # and code actions wait for the new analysis instead of answering with the old one.
        self.results.clear()
        for uri in list(self.workspace.text_documents):
            self.schedule(uri, 0)

    # -- watchdog --------------------------------------------------------------------------
    def start_watchdog(self, pid: int | None) -> None:
        """Exit when the editor that started us is gone (pygls has no such check)."""
        if not pid or pid == os.getpid():
            return

        async def watch() -> None:
            while True:
                await asyncio.sleep(5)
                try:
                    os.kill(pid, 0)
                except ProcessLookupError:
                    log.warning("parent process %d is gone; exiting", pid)
                    os._exit(1)
                except PermissionError:
                    pass

        self._watchdog = asyncio.get_running_loop().create_task(watch())


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


def build_server() -> PmLanguageServer:
    """Create the server and register every feature."""
    server = PmLanguageServer()

    @server.feature(T.INITIALIZE)
    def initialize(ls: PmLanguageServer, params: T.InitializeParams) -> None:
        caps = params.capabilities
        ls.encoding = encoding_of(ls.workspace.position_encoding)
        ls.pull_mode = caps.text_document is not None and caps.text_document.diagnostic is not None
        ws = caps.workspace
        ls.refresh_support = bool(ws and ws.diagnostics and ws.diagnostics.refresh_support)
        ca = caps.text_document.code_action if caps.text_document else None
        ls.resolve_edit_support = bool(
            ca and ca.resolve_support and "edit" in (ca.resolve_support.properties or [])
        )
        comp = caps.text_document.completion if caps.text_document else None
        ls.snippet_support = bool(
            comp and comp.completion_item and comp.completion_item.snippet_support
        )
        ls.completion_markdown = bool(
            comp
            and comp.completion_item
            and T.MarkupKind.Markdown in (comp.completion_item.documentation_format or [])
        )
        hov = caps.text_document.hover if caps.text_document else None
        ls.hover_markdown = not (hov and hov.content_format) or T.MarkupKind.Markdown in (
            hov.content_format or []
        )
        sym = caps.text_document.document_symbol if caps.text_document else None
        ls.hierarchical_symbols = bool(sym and sym.hierarchical_document_symbol_support)
        folders = list(params.workspace_folders or [])
        root_uri = params.root_uri or ls.workspace.root_uri
        if not folders and root_uri:  # a client without workspace folders: the root is one
            folders = [T.WorkspaceFolder(uri=root_uri, name="")]
        ls.set_folders(folders)
        root = ls.workspace.root_path
        first = next(iter(ls.folders.values()), None)
        ls.root = Path(root) if root else (first.path if first else None)
        error = ls.apply_settings(settings_from_init(params))
        if error:
            show_error(ls, error)
        if ls.analyzer is not None:
            ls.analyzer.encoding = ls.encoding
        ls.start_watchdog(params.process_id)
        log.info(
            "initialized: encoding=%s diagnostics=%s",
            ls.encoding,
            "pull" if ls.pull_mode else "push",
        )

    @server.feature(T.INITIALIZED)
    async def initialized(ls: PmLanguageServer, params: T.InitializedParams) -> None:
        handler = ClientLogHandler(ls, asyncio.get_running_loop())
        logging.getLogger("pm_lsp").addHandler(handler)
        ls.log_handler = handler
        try:
            await pull_configuration(ls)
            await register_watchers(ls)
        finally:
            ls.ready_event().set()
        if ls.analyzer is not None:
            analyzer, root = ls.analyzer, ls.root
            ls.executor.submit(analyzer.warm, (root / "_") if root else None)

    @server.feature(T.SHUTDOWN)
    def shutdown(ls: PmLanguageServer, params: None) -> None:
        ls.shutting_down = True
        if ls.log_handler is not None:
            logging.getLogger("pm_lsp").removeHandler(ls.log_handler)
        for uri in list(ls.pending):
            ls.forget(uri)
        ls.executor.shutdown(wait=False, cancel_futures=True)

    @server.feature(T.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: PmLanguageServer, params: T.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(T.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: PmLanguageServer, params: T.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(T.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: PmLanguageServer, params: T.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri not in ls.results:
            ls.schedule(uri, 0)

    @server.feature(T.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: PmLanguageServer, params: T.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.forget(uri)
        if not ls.pull_mode:
            ls.publish(uri, None, [])

    @server.feature(
        T.TEXT_DOCUMENT_DIAGNOSTIC,
        T.DiagnosticOptions(
            identifier="pm-lint", inter_file_dependencies=False, workspace_diagnostics=True
        ),
    )
    async def document_diagnostic(
        ls: PmLanguageServer, params: T.DocumentDiagnosticParams
    ) -> T.DocumentDiagnosticReport:
        res = await ls.fresh(params.text_document.uri)
        if res is None:
            return T.RelatedFullDocumentDiagnosticReport(items=[])
        if params.previous_result_id == res.result_id:
            return T.RelatedUnchangedDocumentDiagnosticReport(result_id=res.result_id)
        return T.RelatedFullDocumentDiagnosticReport(items=res.lsp, result_id=res.result_id)

    @server.feature(T.WORKSPACE_DIAGNOSTIC)
    async def workspace_diagnostic(
        ls: PmLanguageServer, params: T.WorkspaceDiagnosticParams
    ) -> T.WorkspaceDiagnosticReport:
        previous = {p.uri: p.value for p in params.previous_result_ids or []}
        items: list[T.WorkspaceDocumentDiagnosticReport] = []
        for uri in list(ls.workspace.text_documents):
            res = await ls.fresh(uri)
            if res is None:
                continue
            if previous.get(uri) == res.result_id:
                items.append(
                    T.WorkspaceUnchangedDocumentDiagnosticReport(
                        uri=uri, version=res.version, result_id=res.result_id
                    )
                )
            else:
                items.append(
                    T.WorkspaceFullDocumentDiagnosticReport(
                        uri=uri, version=res.version, items=res.lsp, result_id=res.result_id
                    )
                )
        return T.WorkspaceDiagnosticReport(items=items)

    @server.feature(T.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(
        ls: PmLanguageServer, params: T.DidChangeConfigurationParams
    ) -> None:
        pulled = await pull_configuration(ls)
        if not pulled:
            error = ls.apply_settings(settings_object(params.settings))
            if error:
                show_error(ls, error)
        ls.relint_all()

    @server.feature(T.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(
        ls: PmLanguageServer, params: T.DidChangeWatchedFilesParams
    ) -> None:
        if not any(c.uri.endswith(".toml") for c in params.changes):
            return
        from pm_lsp.policy.rulepack import load_pack
        from pm_lsp.policy.templates import load_template

        # Config files, user templates and rule packs are cached by path: forget them all.
        load_template.cache_clear()
        load_pack.cache_clear()
        ls.new_resolver()
        ls.relint_all()

    @server.feature(T.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)
    async def did_change_workspace_folders(
        ls: PmLanguageServer, params: T.DidChangeWorkspaceFoldersParams
    ) -> None:
        # pygls advertises workspace.workspaceFolders (supported, changeNotifications) itself
        # and keeps its own list; ours maps documents to the folders' settings.
        ls.set_folders(params.event.added or [], params.event.removed or [])
        if not await pull_configuration(ls):
            ls.new_resolver()  # clients that cannot be asked: one set of settings for all
        ls.relint_all()

    from pm_lsp.lsp import features

    features.register(server)
    return server


def show_error(ls: PmLanguageServer, message: str) -> None:
    log.error("%s", message)
    ls.window_show_message(
        T.ShowMessageParams(type=T.MessageType.Error, message=f"pm-lint: {message}")
    )


async def pull_configuration(ls: PmLanguageServer) -> bool:
    """Ask the client for ``pmLint`` settings, per folder and unscoped, in one request.

    False when the client cannot answer (no ``workspace.configuration`` capability, an error
    or no answer within 5 s): the caller then keeps or applies unscoped settings. An answer
    overtaken by a newer pull (folders or settings changed while we waited) is dropped:
    the newer pull decides.
    """
    caps = ls.client_capabilities
    if not (caps.workspace and caps.workspace.configuration):
        return False
    folders = list(ls.folders.values())
    items = [T.ConfigurationItem(scope_uri=f.uri, section=SETTINGS_SECTION) for f in folders]
    items.append(T.ConfigurationItem(section=SETTINGS_SECTION))
    ls.pulls += 1
    pull = ls.pulls
    try:
        answer = await asyncio.wait_for(
            ls.workspace_configuration_async(T.ConfigurationParams(items=items)), timeout=5
        )
    except Exception as exc:
        log.warning("workspace/configuration failed: %s", exc)
        return False
    if pull != ls.pulls:
        return True
    answers: list[object] = list(answer or [])
    if len(answers) != len(items):
        log.warning("workspace/configuration: %d answers for %d items", len(answers), len(items))
        answers = (answers + [None] * len(items))[: len(items)]
    error = ls.apply_pulled(folders, answers[:-1], answers[-1])
    if error:
        show_error(ls, error)
    return True


async def register_watchers(ls: PmLanguageServer) -> None:
    """Watch config files so edits to them re-lint open documents (when the client can)."""
    ws = ls.client_capabilities.workspace
    watched = ws.did_change_watched_files if ws else None
    if not (watched and watched.dynamic_registration):
        return
    # .pm-lint.toml and pyproject.toml, and the user templates and rule packs they name.
    opts = T.DidChangeWatchedFilesRegistrationOptions(
        watchers=[
            T.FileSystemWatcher(glob_pattern="**/*.toml"),
        ]
    )
    try:
        await asyncio.wait_for(
            ls.client_register_capability_async(
                T.RegistrationParams(
                    registrations=[
                        T.Registration(
                            id="pm-lint-config-watch",
                            method=T.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                            register_options=opts,
                        )
                    ]
                )
            ),
            timeout=5,
        )
    except Exception as exc:
        log.warning("could not register file watchers: %s", exc)
