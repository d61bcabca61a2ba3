"""Editor features beyond diagnostics: code actions, hover, symbols, completion.

Handlers are ``async`` so a slow one never blocks the event loop and ``$/cancelRequest``
reaches it. They answer from the latest analysis when it matches the document's text, and
otherwise re-parse the current text (cheap: no spaCy) on a thread from asyncio's default
executor, so hover, outline and completion do not queue behind a long lint.

Every handler tolerates an unknown document (the client never opened it, or closed it):
it answers with an empty result rather than an error, as the issue asks.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from lsprotocol import types as T

from pm_lsp.lsp import actions, completion, hover, outline
from pm_lsp.lsp.convert import Positions, uri_to_path
from pm_lsp.model.document import PostmortemDoc
from pm_lsp.parse.markdown import parse
from pm_lsp.policy.config import ConfigError
from pm_lsp.policy.templates import Template
from pm_lsp.rules.spec import Diagnostic

if TYPE_CHECKING:
    from pm_lsp.lsp.app import PmLanguageServer


log = logging.getLogger(__name__)


def _versioned_edits(ls: PmLanguageServer) -> bool:
    ws = ls.client_capabilities.workspace
    return bool(ws and ws.workspace_edit and ws.workspace_edit.document_changes)


async def _doc_for(
    ls: PmLanguageServer, uri: str
) -> tuple[Template, PostmortemDoc, Positions] | None:
    """The active template, plus a parse and positions of the document's *current* text.

    Never waits for a lint: the outline and completion must answer while spaCy works on a
    big document. Without a matching analysis, the text is parsed again (no spaCy; a few ms)
    on a thread of asyncio's default executor.
    """
    cur = ls.current(uri)
    if cur is None or ls.analyzer is None:
        return None
    text = cur[1]
    res = ls.results.get(uri)
    if res is not None and res.config is not None and res.text == text and res.doc is not None:
        return res.config.template, res.doc, res.positions
    template: Template | None = res.config.template if res and res.config else None
    if template is None:
        path = uri_to_path(uri)
        resolver = ls.analyzer.resolver_for(path)
        try:
            template = (await asyncio.to_thread(resolver.for_path, path)).template
        except ConfigError:
            return None
    doc = await asyncio.to_thread(parse, text, template)
    return template, doc, Positions(doc.lines, ls.encoding)


async def _fix_all_edit(ls: PmLanguageServer, uri: str, version: object) -> T.WorkspaceEdit:
    """The edit of ``source.fixAll.pm-lint``: empty when the document moved on."""
    res = await ls.fresh(uri)
    cur = ls.current(uri)
    if res is None or cur is None or res.version != cur[0] or res.version != version:
        return T.WorkspaceEdit(changes={})
    analyzer = ls.analyzer
    config = res.config
    if analyzer is None or config is None:
        return T.WorkspaceEdit(changes={})

    def compute() -> str:
        from pm_lsp.engine import lint

        nlp = analyzer.nlp_for(config.model)
        return actions.fix_all_text(
            res, lambda t: lint(t, config, path=res.path, nlp=nlp).diagnostics
        )

    new_text: str = await ls.run_in_worker(compute)
    edit = actions.minimal_edit(res.text, new_text, res.positions)
    if edit is None:
        return T.WorkspaceEdit(changes={})
    return actions.workspace_edit(uri, res.version, [edit], _versioned_edits(ls))


def register(server: PmLanguageServer) -> None:
    """Register the feature handlers on ``server``."""

    @server.feature(
        T.TEXT_DOCUMENT_CODE_ACTION,
        T.CodeActionOptions(
            code_action_kinds=[
                T.CodeActionKind.QuickFix,
                T.CodeActionKind.SourceFixAll,
                actions.FIX_ALL_KIND,
            ],
            resolve_provider=True,
        ),
    )
    async def code_action(
        ls: PmLanguageServer, params: T.CodeActionParams
    ) -> list[T.CodeAction] | None:
        uri = params.text_document.uri
        res = await ls.fresh(uri)
        cur = ls.current(uri)
        if res is None or cur is None or res.version != cur[0]:
            return None
        only = params.context.only
        versioned = _versioned_edits(ls)
        out: list[T.CodeAction] = []
        if actions.kind_allowed(T.CodeActionKind.QuickFix, only):
            pairs = actions.matching(res, params.context.diagnostics)
            if not pairs and not params.context.diagnostics:
                pairs = actions.overlapping(res, params.range)
            fixes: list[T.CodeAction] = []
            firsts: list[tuple[Diagnostic, T.Diagnostic]] = []
            seen_codes: set[str] = set()
            for d, ld in pairs:
                qf = actions.quick_fix(uri, res, d, ld, versioned)
                if qf is not None:
                    fixes.append(qf)
                if d.code not in seen_codes:
                    seen_codes.add(d.code)
                    firsts.append((d, ld))

            def disables() -> list[T.CodeAction]:
                made = (
                    make(uri, res, d, ld, versioned)
                    for d, ld in firsts
                    for make in (actions.disable_line, actions.disable_file)
                )
                return [a for a in made if a is not None]

            out.extend(fixes)
            # Placing a comment re-reads the Markdown block structure (tens of ms on a very
            # long document): off the event loop, so edits and publishes are not held up.
            out.extend(await asyncio.to_thread(disables) if firsts else [])
        fix_all = actions.fix_all_action(uri, res)
        if fix_all is not None and only and actions.kind_allowed(actions.FIX_ALL_KIND, only):
            if not ls.resolve_edit_support:
                fix_all.edit = await _fix_all_edit(ls, uri, res.version)
            out.append(fix_all)
        elif fix_all is not None and not only and out and ls.resolve_edit_support:
            # offered next to the quick fixes (the lightbulb) only when it can be resolved
            # lazily: computing it re-lints the document up to ten times
            out.append(fix_all)
        return out or None

    @server.feature(T.CODE_ACTION_RESOLVE)
    async def code_action_resolve(ls: PmLanguageServer, params: T.CodeAction) -> T.CodeAction:
        data: Any = params.data
        if actions.is_fix_all(data) and params.edit is None:
            params.edit = await _fix_all_edit(ls, data["uri"], data.get("version"))
        return params

    @server.feature(T.TEXT_DOCUMENT_HOVER)
    async def on_hover(ls: PmLanguageServer, params: T.HoverParams) -> T.Hover | None:
        uri = params.text_document.uri
        res = await ls.fresh(uri)
        cur = ls.current(uri)
        if res is None or cur is None or res.text != cur[1]:
            return None
        found = hover.hover(res, params.position)
        if (
            found is not None
            and not ls.hover_markdown
            and isinstance(found.contents, T.MarkupContent)
        ):
            found.contents = T.MarkupContent(
                kind=T.MarkupKind.PlainText, value=found.contents.value
            )
        return found

    @server.feature(T.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    async def document_symbol(
        ls: PmLanguageServer, params: T.DocumentSymbolParams
    ) -> list[T.DocumentSymbol] | list[T.SymbolInformation] | None:
        uri = params.text_document.uri
        found = await _doc_for(ls, uri)
        if found is None:
            return []
        _, doc, pos = found
        if ls.hierarchical_symbols:
            return outline.document_symbols(doc, pos)
        return outline.symbol_information(doc, pos, uri)

    @server.feature(
        T.TEXT_DOCUMENT_COMPLETION,
        T.CompletionOptions(trigger_characters=["#", " ", ":"], resolve_provider=False),
    )
    async def on_completion(
        ls: PmLanguageServer, params: T.CompletionParams
    ) -> T.CompletionList | None:
        uri = params.text_document.uri
        found = await _doc_for(ls, uri)
        if found is None:
            return None
        template, doc, pos = found
        items = completion.complete(
            template, doc, pos, params.position, ls.snippet_support, ls.completion_markdown
        )
        return T.CompletionList(is_incomplete=False, items=items)
