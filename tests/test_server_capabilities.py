"""What pm-lsp reads from a client's capabilities (:class:`pm_lsp.lsp.capabilities.ClientSupport`).

The recorded ``initialize`` capabilities of real editors that pytest-lsp ships (VS Code,
several Neovim releases, Emacs) are read twice: by the server, through lsprotocol's types
and pygls' ``get_capability``, and here, straight from the recorded JSON (camelCase keys,
plain dict look-ups), so a wrong path in the server cannot hide behind the same path in the
test.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest
from lsprotocol import types as T
from lsprotocol.converters import get_converter

from pm_lsp.lsp.capabilities import ClientSupport

PROFILES = sorted(
    p.name for p in resources.files("pytest_lsp.clients").iterdir() if p.name.endswith(".json")
)


def _at(tree: Any, path: str, default: Any = None) -> Any:
    for key in path.split("."):
        if not isinstance(tree, dict) or tree.get(key) is None:
            return default
        tree = tree[key]
    return tree


def _expected(raw: dict[str, Any]) -> ClientSupport:
    hover = _at(raw, "textDocument.hover.contentFormat", [])
    return ClientSupport(
        pull_diagnostics=_at(raw, "textDocument.diagnostic") is not None,
        diagnostic_refresh=bool(_at(raw, "workspace.diagnostics.refreshSupport")),
        resolve_edit="edit" in _at(raw, "textDocument.codeAction.resolveSupport.properties", []),
        snippets=bool(_at(raw, "textDocument.completion.completionItem.snippetSupport")),
        completion_markdown="markdown"
        in _at(raw, "textDocument.completion.completionItem.documentationFormat", []),
        hover_markdown=not hover or "markdown" in hover,
        hierarchical_symbols=bool(
            _at(raw, "textDocument.documentSymbol.hierarchicalDocumentSymbolSupport")
        ),
        versioned_edits=bool(_at(raw, "workspace.workspaceEdit.documentChanges")),
        configuration=bool(_at(raw, "workspace.configuration")),
        watch_files=bool(_at(raw, "workspace.didChangeWatchedFiles.dynamicRegistration")),
        work_done_progress=bool(_at(raw, "window.workDoneProgress")),
    )


@pytest.mark.parametrize("profile", PROFILES)
def test_recorded_editor_capabilities(profile: str) -> None:
    raw = json.loads(resources.files("pytest_lsp.clients").joinpath(profile).read_text())
    caps = get_converter().structure(raw["capabilities"], T.ClientCapabilities)
    assert ClientSupport.of(caps) == _expected(raw["capabilities"])


def test_the_profiles_cover_both_answers_of_most_flags() -> None:
    # the recorded editors differ: pull and push diagnostics, with and without resolvable
    # edits, snippets, versioned edits, watchers; so the comparison above sees both values
    seen: dict[str, set[bool]] = {}
    for profile in PROFILES:
        raw = json.loads(resources.files("pytest_lsp.clients").joinpath(profile).read_text())
        for name, value in vars(_expected(raw["capabilities"])).items():
            seen.setdefault(name, set()).add(value)
    both = {name for name, values in seen.items() if values == {True, False}}
    assert {"pull_diagnostics", "resolve_edit", "snippets", "versioned_edits"} <= both


def test_a_bare_client_gets_the_plainest_answers() -> None:
    bare = ClientSupport.of(T.ClientCapabilities())
    assert bare == ClientSupport()
    assert not bare.pull_diagnostics and not bare.configuration and not bare.snippets
    assert bare.hover_markdown  # the LSP default when the client names no format
    assert not bare.hierarchical_symbols


@pytest.mark.parametrize(
    ("formats", "markdown"),
    [
        (None, True),
        ([], True),
        ([T.MarkupKind.PlainText], False),
        ([T.MarkupKind.PlainText, T.MarkupKind.Markdown], True),
    ],
)
def test_hover_format(formats: list[T.MarkupKind] | None, markdown: bool) -> None:
    caps = T.ClientCapabilities(
        text_document=T.TextDocumentClientCapabilities(
            hover=T.HoverClientCapabilities(content_format=formats)
        )
    )
    assert ClientSupport.of(caps).hover_markdown is markdown


def test_resolve_support_must_name_the_edit() -> None:
    def caps(properties: list[str]) -> T.ClientCapabilities:
        return T.ClientCapabilities(
            text_document=T.TextDocumentClientCapabilities(
                code_action=T.CodeActionClientCapabilities(
                    resolve_support=T.ClientCodeActionResolveOptions(properties=properties)
                )
            )
        )

    assert not ClientSupport.of(caps(["command"])).resolve_edit
    assert ClientSupport.of(caps(["command", "edit"])).resolve_edit
