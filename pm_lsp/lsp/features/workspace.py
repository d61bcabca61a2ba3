"""Settings and config files: pulling ``pmLint``, following folders, watching ``*.toml``.

Every change here ends in a re-lint of the open documents: the settings, the folders that
scope them, or a config file, user template or rule pack they name may have changed what
the linter reports.
"""

from __future__ import annotations

import asyncio
import logging

from lsprotocol import types as T

from pm_lsp.lsp.features.registration import Feature
from pm_lsp.lsp.server_state import PmLanguageServer
from pm_lsp.lsp.settings import SETTINGS_SECTION, settings_object

log = logging.getLogger("pm_lsp.lsp.server")

#: seconds to wait for the client's answer to a configuration or registration request
CLIENT_TIMEOUT_S = 5
#: the id of the dynamic registration of the config-file watchers
WATCH_ID = "pm-lint-config-watch"


async def pull_configuration(ls: PmLanguageServer) -> bool:
    """Ask the client for ``pmLint`` settings, per folder and unscoped, in one request.

    False when the client cannot answer (no ``workspace.configuration`` capability, an error
    or no answer within 5 s): the caller then keeps or applies unscoped settings. An answer
    overtaken by a newer pull (folders or settings changed while we waited) is dropped:
    the newer pull decides.
    """
    if not ls.client.configuration:
        return False
    scopes = ls.scopes
    folders = list(scopes.folders.values())
    items = [T.ConfigurationItem(scope_uri=f.uri, section=SETTINGS_SECTION) for f in folders]
    items.append(T.ConfigurationItem(section=SETTINGS_SECTION))
    scopes.pulls += 1
    pull = scopes.pulls
    try:
        answer = await asyncio.wait_for(
            ls.workspace_configuration_async(T.ConfigurationParams(items=items)),
            timeout=CLIENT_TIMEOUT_S,
        )
    except Exception as exc:
        log.warning("workspace/configuration failed: %s", exc)
        return False
    if pull != scopes.pulls:
        return True
    answers: list[object] = list(answer or [])
    if len(answers) != len(items):
        log.warning("workspace/configuration: %d answers for %d items", len(answers), len(items))
        answers = (answers + [None] * len(items))[: len(items)]
    error = scopes.apply_pulled(folders, answers[:-1], answers[-1])
    ls.adopt_settings()
    if error:
        ls.show_error(error)
    return True


async def register_watchers(ls: PmLanguageServer) -> None:
    """Watch config files so edits to them re-lint open documents (when the client can)."""
    if not ls.client.watch_files:
        return
    # .pm-lint.toml and pyproject.toml, and the user templates and rule packs they name.
    opts = T.DidChangeWatchedFilesRegistrationOptions(
        watchers=[T.FileSystemWatcher(glob_pattern="**/*.toml")]
    )
    registration = T.Registration(
        id=WATCH_ID, method=T.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=opts
    )
    try:
        await asyncio.wait_for(
            ls.client_register_capability_async(T.RegistrationParams(registrations=[registration])),
            timeout=CLIENT_TIMEOUT_S,
        )
    except Exception as exc:
        log.warning("could not register file watchers: %s", exc)


async def did_change_configuration(
    ls: PmLanguageServer, params: T.DidChangeConfigurationParams
) -> None:
    if not await pull_configuration(ls):
        # a client that cannot be asked sends its settings in the notification
        error = ls.scopes.apply_unscoped(settings_object(params.settings))
        ls.adopt_settings()
        if error:
            ls.show_error(error)
    ls.relint_all()


def did_change_watched_files(ls: PmLanguageServer, params: T.DidChangeWatchedFilesParams) -> None:
    if not any(c.uri.endswith(".toml") for c in params.changes):
        return
    from pm_lsp.policy.rulepack import forget_packs
    from pm_lsp.policy.templates import forget_templates

    # User templates and rule packs are cached by path and file stamp; a client saying that
    # files changed is believed even when the stamps did not move: forget them all.
    forget_templates()
    forget_packs()
    ls.adopt_settings()
    ls.relint_all()


async def did_change_workspace_folders(
    ls: PmLanguageServer, params: T.DidChangeWorkspaceFoldersParams
) -> None:
    # pygls advertises workspace.workspaceFolders (supported, changeNotifications) itself
    # and keeps its own list; ours maps documents to the folders' settings.
    ls.scopes.set_folders(params.event.added or [], params.event.removed or [])
    if not await pull_configuration(ls):
        ls.adopt_settings()  # clients that cannot be asked: one set of settings for all
    ls.relint_all()


FEATURES = (
    Feature(T.WORKSPACE_DID_CHANGE_CONFIGURATION, did_change_configuration),
    Feature(T.WORKSPACE_DID_CHANGE_WATCHED_FILES, did_change_watched_files),
    Feature(T.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS, did_change_workspace_folders),
)
