"""What the client can do, read once from its ``initialize`` capabilities.

The server changes its answers by client: pull or push diagnostics, lazily resolved fix-all
edits, snippets and Markdown in completions, plain-text hovers, flat or nested outlines,
versioned workspace edits. Each answer depends on one nested capability, read here with
pygls' :func:`~pygls.capabilities.get_capability` (a missing level anywhere on the path reads
as the default), so the handlers test a flag instead of walking optional objects.
"""

from __future__ import annotations

from dataclasses import dataclass

from lsprotocol import types as T
from pygls.capabilities import get_capability


@dataclass(frozen=True)
class ClientSupport:
    """The client capabilities pm-lsp acts on (the defaults are those of a bare client)."""

    #: ``textDocument/diagnostic`` (pull) instead of ``publishDiagnostics`` (push)
    pull_diagnostics: bool = False
    #: ``workspace/diagnostic/refresh`` after each analysis, for pull clients
    diagnostic_refresh: bool = False
    #: ``codeAction/resolve`` can fill in an action's edit (fix-all is computed lazily)
    resolve_edit: bool = False
    #: completion items may be snippets (``$1`` placeholders)
    snippets: bool = False
    #: completion documentation may be Markdown
    completion_markdown: bool = False
    #: hover contents may be Markdown (the LSP default when the client says nothing)
    hover_markdown: bool = True
    #: the outline may be nested ``DocumentSymbol`` (else flat ``SymbolInformation``)
    hierarchical_symbols: bool = False
    #: workspace edits may carry ``documentChanges`` (versioned, so stale edits fail)
    versioned_edits: bool = False
    #: the client answers ``workspace/configuration``
    configuration: bool = False
    #: file watchers can be registered dynamically
    watch_files: bool = False
    #: server-initiated ``$/progress`` (``window/workDoneProgress/create``)
    work_done_progress: bool = False

    @classmethod
    def of(cls, caps: T.ClientCapabilities) -> ClientSupport:
        hover_formats = get_capability(caps, "text_document.hover.content_format", [])
        return cls(
            pull_diagnostics=get_capability(caps, "text_document.diagnostic") is not None,
            diagnostic_refresh=get_capability(caps, "workspace.diagnostics.refresh_support", False),
            resolve_edit="edit"
            in get_capability(caps, "text_document.code_action.resolve_support.properties", []),
            snippets=get_capability(
                caps, "text_document.completion.completion_item.snippet_support", False
            ),
            completion_markdown=T.MarkupKind.Markdown
            in get_capability(
                caps, "text_document.completion.completion_item.documentation_format", []
            ),
            hover_markdown=not hover_formats or T.MarkupKind.Markdown in hover_formats,
            hierarchical_symbols=get_capability(
                caps, "text_document.document_symbol.hierarchical_document_symbol_support", False
            ),
            versioned_edits=get_capability(
                caps, "workspace.workspace_edit.document_changes", False
            ),
            configuration=get_capability(caps, "workspace.configuration", False),
            watch_files=get_capability(
                caps, "workspace.did_change_watched_files.dynamic_registration", False
            ),
            work_done_progress=get_capability(caps, "window.work_done_progress", False),
        )
