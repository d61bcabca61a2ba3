"""Editor settings for the server: the ``pmLint`` section, split, validated and scoped.

The client sends one ``pmLint`` object per scope (``initializationOptions``, a
``didChangeConfiguration`` payload, or one ``workspace/configuration`` answer per workspace
folder plus one unscoped). Some keys configure the server itself (``debounceMs``), some
belong to the editor extension (how to start the server), the rest are ``.pm-lint.toml``
keys in camelCase, validated by the same code as the CLI's configuration. No server state:
:mod:`pm_lsp.lsp.features.workspace` and :mod:`pm_lsp.lsp.scopes` decide when to pull and
what to re-lint.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lsprotocol import types as T

from pm_lsp.lsp.convert import uri_to_path
from pm_lsp.policy.config import ConfigError, Settings, validate
from pm_lsp.policy.schema import DEFAULT_DEBOUNCE_MS, KEYS, kebab_to_camel

log = logging.getLogger("pm_lsp.lsp.server")

SETTINGS_SECTION = "pmLint"
#: how error messages name editor settings (validate() puts it in front of each message)
SETTINGS_SOURCE = "editor settings (pmLint)"
#: keys under ``pmLint`` that configure the server itself, not the linter (camelCase or
#: kebab-case -> the schema's name)
SERVER_KEYS = {form: k.name for k in KEYS if k.reader == "server" for form in (k.camel, k.name)}
#: keys editor extensions keep under ``pmLint`` for themselves (how to start the server,
#: protocol tracing, which files to attach to): not linter settings, and not errors. A
#: nested setting (``server.path``) arrives as its first part (``server``); ``enable`` is
#: the on/off switch some clients keep next to their settings
CLIENT_KEYS = frozenset(
    {"enable"}
    | {
        form
        for k in KEYS
        if k.reader == "editor"
        for form in (k.name.split(".")[0], kebab_to_camel(k.name.split(".")[0]))
    }
)


@dataclass
class ServerOptions:
    debounce_ms: int = DEFAULT_DEBOUNCE_MS


def split_settings(raw: Mapping[str, Any]) -> tuple[ServerOptions, dict[str, Any]]:
    """Separate server options from linter keys in a ``pmLint`` settings object."""
    opts = ServerOptions()
    lint_keys: dict[str, Any] = {}
    for key, value in raw.items():
        if key in SERVER_KEYS:
            if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0:
                opts.debounce_ms = int(value)
            else:
                log.warning("pmLint.%s must be a number of milliseconds >= 0, got %r", key, value)
        elif value is not None and key not in CLIENT_KEYS:
            lint_keys[key] = value
    return opts, lint_keys


def validated_overrides(
    lint_keys: Mapping[str, Any], root: Path | None
) -> tuple[Settings, list[str]]:
    """Validated editor settings, plus one message per key that had to be dropped.

    One bad key must not throw away the others (a typo in one setting would otherwise
    silently re-enable everything the user ignored): each key that validates on its own is
    kept, each one that does not is reported. ``root`` anchors relative paths (rule packs,
    templates, per-file-ignores globs): the folder whose settings these are.
    """
    try:
        return validate(lint_keys, SETTINGS_SOURCE, root, camel_case=True), []
    except ConfigError:
        pass
    good: dict[str, Any] = {}
    errors: list[str] = []
    for key, value in lint_keys.items():
        try:
            validate({key: value}, SETTINGS_SOURCE, root, camel_case=True)
        except ConfigError as exc:
            errors.append(str(exc))
        else:
            good[key] = value
    try:
        return validate(good, SETTINGS_SOURCE, root, camel_case=True), errors
    except ConfigError as exc:  # keys that are valid alone but not together
        errors.append(str(exc))
        return Settings(source=SETTINGS_SOURCE), errors


def describe_problems(problems: Mapping[str, Sequence[str | None]], scopes: int) -> str | None:
    """One message for the settings problems of one pull; None when there were none.

    ``problems`` maps each message to where it was found: a folder's name, or None for the
    unscoped settings. A folder's answer in VS Code includes the user and workspace
    settings, so a typo there shows up in every scope: such a message is shown once, as is.
    One found in some scopes only names them, so the user knows which settings file to open.
    """
    if not problems:
        return None
    parts: list[str] = []
    for message, where in problems.items():
        if len(where) < scopes:
            places = [f"folder {name!r}" for name in where if name is not None]
            if None in where:
                places.append("files outside the workspace folders")
            label = f"{SETTINGS_SOURCE} for {' and '.join(places)}"
            if message.startswith(SETTINGS_SOURCE):
                message = label + message[len(SETTINGS_SOURCE) :]
            else:
                message = f"{label}: {message}"
        parts.append(message)
    return "; ".join(parts) + " (the other settings are applied)"


@dataclass(frozen=True)
class Folder:
    """A workspace folder as the client named it, and where it is on disk."""

    uri: str
    name: str
    path: Path


def folder_of(wf: T.WorkspaceFolder) -> Folder | None:
    """None for folders that are not on the local file system (their documents have no path
    either, so they follow the unscoped settings)."""
    path = uri_to_path(wf.uri)
    if path is None:
        return None
    return Folder(wf.uri, wf.name or path.name, path)


def settings_object(value: object) -> Mapping[str, Any]:
    """The ``pmLint`` table from whatever shape the client sent (nested or flat)."""
    if not isinstance(value, Mapping):
        return {}
    inner = value.get(SETTINGS_SECTION)
    if isinstance(inner, Mapping):
        return inner
    return value


def settings_from_init(params: T.InitializeParams) -> Mapping[str, Any]:
    return settings_object(params.initialization_options)
