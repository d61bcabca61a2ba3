"""Editor settings per scope: the workspace folders, each one's ``pmLint`` answer, and the rest.

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

This class only holds and validates; it sends nothing (the pull is in
:mod:`pm_lsp.lsp.features.workspace`) and lints nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from lsprotocol import types as T

from pm_lsp.lsp.analysis import Resolvers
from pm_lsp.lsp.settings import (
    SERVER_KEYS,
    SETTINGS_SOURCE,
    Folder,
    ServerOptions,
    describe_problems,
    folder_of,
    settings_object,
    split_settings,
    validated_overrides,
)
from pm_lsp.policy.config import ConfigResolver, Settings


class SettingsScopes:
    """The workspace folders and the validated settings of each scope."""

    def __init__(self) -> None:
        #: the server's own options (from the unscoped settings only)
        self.options = ServerOptions()
        #: workspace folders by path (a folder removed later is named by its URI, which
        #: may be spelt differently; the path is what documents are matched against)
        self.folders: dict[Path, Folder] = {}
        #: validated unscoped settings: documents outside every folder, and every document
        #: for clients that cannot answer scoped workspace/configuration requests
        self.default_overrides = Settings(source=SETTINGS_SOURCE)
        #: validated settings of the folders whose answer was not null
        self.folder_overrides: dict[Path, Settings] = {}
        #: anchors relative paths in the unscoped settings (the workspace root)
        self.root: Path | None = None
        #: counts configuration pulls, so an answer overtaken by a newer pull is dropped
        self.pulls = 0

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

    def apply_unscoped(self, raw: Mapping[str, Any]) -> str | None:
        """Adopt unscoped ``pmLint`` settings; returns an error message if some are invalid.

        Used for ``initializationOptions`` and for ``didChangeConfiguration`` payloads of
        clients that cannot be asked: these settings apply to every document that has no
        folder settings of its own (for such clients, every document).
        """
        errors = self._adopt_unscoped(raw)
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
            for e in self._adopt_unscoped(settings_object(unscoped)):
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
        return describe_problems(problems, scopes)

    def _adopt_unscoped(self, raw: Mapping[str, Any]) -> list[str]:
        opts, lint_keys = split_settings(raw)
        self.options = opts
        self.default_overrides, errors = validated_overrides(lint_keys, self.root)
        return errors

    def resolvers(self) -> Resolvers:
        """Fresh resolvers for every scope: forgets cached config files (they may have changed).

        A folder without settings of its own shares the unscoped resolver. Building them
        reads no files (each resolver starts with an empty cache).
        """
        default = ConfigResolver(self.default_overrides)
        scoped: list[tuple[Path, ConfigResolver]] = []
        for path in self.folders:
            own = self.folder_overrides.get(path)
            scoped.append((path, default if own is None else ConfigResolver(own)))
        return Resolvers.of(default, scoped)
