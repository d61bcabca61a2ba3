"""End-to-end tests of editor settings per workspace folder (a VS Code multi-root workspace).

The real ``pm-lsp`` runs over stdio. The client here answers ``workspace/configuration`` the
way vscode-languageclient does, one answer per item from its ``scopeUri``, so each test can
give two folders different ``pmLint`` settings and check that each folder's documents get
their own diagnostics: the same text, opened in two folders, is linted differently.

The document below has an empty section (PM202), two vague impact phrases (PM401) and
missing sections (PM201), so ignoring one of those codes is visible in the diagnostics.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from lsp_fixtures.helpers import SERVER, Session
from lsprotocol import types as T
from pytest_lsp import LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

pytestmark = [
    pytest.mark.filterwarnings("error::pytest_lsp.LspSpecificationWarning"),
]

DOC = "\n".join(
    [
        "# Search outage",
        "",
        "**Date**: 2025-03-14",
        "**Authors**: Search team",
        "**Status**: Draft",
        "**Severity**: SEV3",
        "**Duration**: 30 minutes",
        "",
        "## Summary",
        "",
        "Search returned errors for 30 minutes after an index rebuild stalled.",
        "",
        "## Impact",
        "",
        "Many users saw empty results for a while. No data was lost.",
        "",
        "## Lessons Learned",
        "",
        "## Root Cause",
        "",
        "The rebuild job waited on a lock that a paused backup never released.",
        "",
    ]
)

#: ``scopeUri`` (None for the unscoped item) -> the ``pmLint`` answer; a scope missing here
#: is answered with null, as a client with nothing for that scope would
Answers = dict[str | None, Any]


class FolderSession(Session):
    """A :class:`Session` that also records each ``workspace/configuration`` request."""

    def __init__(self, client: LanguageClient, encoding: str, answers: Answers) -> None:
        super().__init__(client, encoding)
        self.answers = answers
        #: the ``scopeUri`` of every item, one list per request
        self.config_requests: list[list[str | None]] = []
        self.init_result: T.InitializeResult | None = None

    async def wait_next(
        self, uri: str, after: int, timeout: float = 90
    ) -> T.PublishDiagnosticsParams:
        """The first publish for ``uri`` among those after the first ``after`` publishes."""
        deadline = time.monotonic() + timeout
        while True:
            for p in self.published[after:]:
                if p.uri == uri:
                    return p
            assert time.monotonic() < deadline, f"no new diagnostics for {uri}"
            await asyncio.sleep(0.05)

    async def wait_message(self, timeout: float = 60) -> T.ShowMessageParams:
        deadline = time.monotonic() + timeout
        while not self.client.messages:
            assert time.monotonic() < deadline, "no window/showMessage"
            await asyncio.sleep(0.05)
        return self.client.messages[-1]


def folder(path: Path) -> T.WorkspaceFolder:
    path.mkdir(parents=True, exist_ok=True)
    return T.WorkspaceFolder(uri=path.as_uri(), name=path.name)


def doc_uri(directory: Path, name: str = "incident.md") -> str:
    directory.mkdir(parents=True, exist_ok=True)
    return (directory / name).as_uri()


def codes(p: T.PublishDiagnosticsParams) -> set[str]:
    return {str(d.code) for d in p.diagnostics}


@asynccontextmanager
async def folder_session(
    folders: Sequence[T.WorkspaceFolder], answers: Answers, *, watch: bool = False
) -> AsyncIterator[FolderSession]:
    """Start ``pm-lsp`` with these workspace folders and a client that answers per scope."""
    client = LanguageClient()
    box: list[FolderSession] = []

    def on_publish(client_: LanguageClient, params: T.PublishDiagnosticsParams) -> None:
        client_.diagnostics[params.uri] = params.diagnostics
        box[0].published.append(params)
        box[0].changed.set()

    def on_configuration(client_: LanguageClient, params: T.ConfigurationParams) -> list[Any]:
        s = box[0]
        s.config_requests.append([item.scope_uri for item in params.items])
        out: list[Any] = []
        for item in params.items:
            assert item.section == "pmLint"
            out.append(s.answers.get(item.scope_uri))
        return out

    features: dict[str, Any] = dict(DEFAULT_CLIENT_FEATURES)
    features[T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = on_publish
    features[T.WORKSPACE_CONFIGURATION] = on_configuration
    register_lsp_features(client, features)
    await client.start_io(*SERVER)
    caps = T.ClientCapabilities(
        workspace=T.WorkspaceClientCapabilities(
            configuration=True,
            workspace_folders=True,
            did_change_configuration=T.DidChangeConfigurationClientCapabilities(
                dynamic_registration=False
            ),
            did_change_watched_files=T.DidChangeWatchedFilesClientCapabilities(
                dynamic_registration=True
            )
            if watch
            else None,
        ),
        text_document=T.TextDocumentClientCapabilities(
            publish_diagnostics=T.PublishDiagnosticsClientCapabilities(version_support=True)
        ),
    )
    session = FolderSession(client, "utf-16", answers)
    box.append(session)
    try:
        session.init_result = await asyncio.wait_for(
            client.initialize_session(
                T.InitializeParams(
                    capabilities=caps,
                    workspace_folders=list(folders),
                    root_uri=folders[0].uri if folders else None,
                )
            ),
            30,
        )
        await session.warm_up()  # the first publish of each test is then the full one
        yield session
        await asyncio.wait_for(client.shutdown_session(), 30)
        assert client._server is not None and client._server.returncode == 0
    except BaseException:
        # A failed assertion skips the shutdown request, and client.stop() only waits for
        # the server to exit: end our server process, so a failure fails fast.
        if client._server is not None and client._server.returncode is None:
            client._server.kill()
        raise
    finally:
        await client.stop()


async def open_and_wait(s: FolderSession, uris: Mapping[str, str]) -> dict[str, set[str]]:
    """Open each document (name -> uri) with DOC; the codes of its first diagnostics."""
    for uri in uris.values():
        s.open(uri, DOC)
    return {name: codes(await s.wait_published(uri, 1)) for name, uri in uris.items()}


async def test_each_folder_gets_its_own_settings(tmp_path: Path) -> None:
    """Folder A ignores PM202, folder B sets nothing, a folder nested in A ignores PM201 only,
    and the unscoped settings (for files outside the folders) ignore PM4."""
    a, nested, b = tmp_path / "a", tmp_path / "a" / "nested", tmp_path / "b"
    outside = tmp_path / "elsewhere"
    folders = [folder(a), folder(nested), folder(b)]  # the outer folder first, on purpose
    answers: Answers = {
        a.as_uri(): {"ignore": ["PM202"]},
        nested.as_uri(): {"ignore": ["PM201"]},
        b.as_uri(): {},
        None: {"ignore": ["PM4"]},
    }
    async with folder_session(folders, answers) as s:
        assert s.init_result is not None
        ws_caps = s.init_result.capabilities.workspace
        assert ws_caps is not None and ws_caps.workspace_folders is not None
        assert ws_caps.workspace_folders.supported
        assert ws_caps.workspace_folders.change_notifications
        got = await open_and_wait(
            s,
            {
                "a": doc_uri(a),
                "nested": doc_uri(nested / "deeper"),
                "b": doc_uri(b),
                "outside": doc_uri(outside),
                "untitled": "untitled:Untitled-1",
            },
        )
    # one request, one item per folder plus the unscoped one
    assert s.config_requests == [[a.as_uri(), nested.as_uri(), b.as_uri(), None]]
    assert "PM202" not in got["a"] and {"PM201", "PM401"} <= got["a"]
    assert "PM201" not in got["nested"] and {"PM202", "PM401"} <= got["nested"], (
        "the innermost folder decides, not the first one listed"
    )
    assert {"PM201", "PM202", "PM401"} <= got["b"]
    for name in ("outside", "untitled"):
        assert "PM401" not in got[name] and {"PM201", "PM202"} <= got[name], name


async def test_configuration_change_relints_the_folder_that_changed(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    answers: Answers = {a.as_uri(): {"ignore": ["PM202"]}, b.as_uri(): {}, None: {}}
    async with folder_session([folder(a), folder(b)], answers) as s:
        uri_a, uri_b = doc_uri(a), doc_uri(b)
        first = await open_and_wait(s, {"a": uri_a, "b": uri_b})
        assert "PM202" not in first["a"] and "PM401" in first["a"]
        assert {"PM202", "PM401"} <= first["b"]
        before = len(s.published)
        s.answers[b.as_uri()] = {"ignore": ["PM4"]}
        s.client.workspace_did_change_configuration(T.DidChangeConfigurationParams(settings=None))
        b2 = codes(await s.wait_next(uri_b, before))
        a2 = codes(await s.wait_next(uri_a, before))
    assert "PM401" not in b2 and "PM202" in b2
    assert "PM202" not in a2 and "PM401" in a2, "folder A keeps its own settings"
    assert len(s.config_requests) == 2
    assert s.config_requests[-1] == [a.as_uri(), b.as_uri(), None]


async def test_a_bad_key_in_one_folder_is_reported_and_stays_there(tmp_path: Path) -> None:
    a, b = tmp_path / "alpha", tmp_path / "beta"
    answers: Answers = {
        a.as_uri(): {"ignore": ["PM202"], "ignoreRulez": ["PM4"]},
        b.as_uri(): {"ignore": ["PM401"]},
        None: {},
    }
    async with folder_session([folder(a), folder(b)], answers) as s:
        got = await open_and_wait(s, {"a": doc_uri(a), "b": doc_uri(b)})
        shown = await s.wait_message()
    assert shown.type == T.MessageType.Error
    assert "ignoreRulez" in shown.message and "folder 'alpha'" in shown.message
    assert "beta" not in shown.message
    assert len(s.client.messages) == 1
    # A's valid key still applies, and the bad key did not leak into B (nor B's into A)
    assert "PM202" not in got["a"] and "PM401" in got["a"]
    assert "PM401" not in got["b"] and "PM202" in got["b"]


async def test_an_added_folder_brings_its_settings_and_a_removed_one_takes_them(
    tmp_path: Path,
) -> None:
    a, c = tmp_path / "a", tmp_path / "c"
    answers: Answers = {a.as_uri(): {}, c.as_uri(): {"ignore": ["PM202"]}, None: {}}
    async with folder_session([folder(a)], answers) as s:
        uri_c = doc_uri(c)
        first = await open_and_wait(s, {"c": uri_c})
        assert "PM202" in first["c"], "outside every folder: the unscoped settings"
        before = len(s.published)
        s.client.workspace_did_change_workspace_folders(
            T.DidChangeWorkspaceFoldersParams(
                event=T.WorkspaceFoldersChangeEvent(added=[folder(c)], removed=[])
            )
        )
        added = codes(await s.wait_next(uri_c, before))
        assert s.config_requests[-1] == [a.as_uri(), c.as_uri(), None]
        before = len(s.published)
        s.client.workspace_did_change_workspace_folders(
            T.DidChangeWorkspaceFoldersParams(
                event=T.WorkspaceFoldersChangeEvent(added=[], removed=[folder(c)])
            )
        )
        removed = codes(await s.wait_next(uri_c, before))
    assert "PM202" not in added and "PM401" in added
    assert "PM202" in removed
    assert s.config_requests[-1] == [a.as_uri(), None]


async def test_a_changed_config_file_keeps_each_folders_editor_settings(tmp_path: Path) -> None:
    """Config files are forgotten and read again; the folders' editor settings stay."""
    a, b = tmp_path / "a", tmp_path / "b"
    answers: Answers = {a.as_uri(): {"ignore": ["PM202"]}, b.as_uri(): {}, None: {}}
    folders = [folder(a), folder(b)]
    cfg = b / ".pm-lint.toml"
    cfg.write_text('ignore = ["PM4"]\n', encoding="utf-8")
    async with folder_session(folders, answers, watch=True) as s:
        uri_a, uri_b = doc_uri(a), doc_uri(b)
        first = await open_and_wait(s, {"a": uri_a, "b": uri_b})
        assert "PM202" not in first["a"] and "PM401" in first["a"]
        assert "PM401" not in first["b"] and "PM202" in first["b"], "B's project file applies"
        cfg.write_text('ignore = ["PM201"]\n', encoding="utf-8")
        before = len(s.published)
        s.client.workspace_did_change_watched_files(
            T.DidChangeWatchedFilesParams(
                changes=[T.FileEvent(uri=cfg.as_uri(), type=T.FileChangeType.Changed)]
            )
        )
        b2 = codes(await s.wait_next(uri_b, before))
        a2 = codes(await s.wait_next(uri_a, before))
    assert "PM201" not in b2 and {"PM202", "PM401"} <= b2
    assert "PM202" not in a2 and {"PM201", "PM401"} <= a2
