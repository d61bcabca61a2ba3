"""Hover, the outline (document symbols) and completion.

Handlers are ``async`` so a slow one never blocks the event loop and ``$/cancelRequest``
reaches it. Hover explains diagnostics, so it waits for the analysis of the current text.
The outline and completion do not wait for a lint: they answer from the latest analysis
when it matches the document's text, and otherwise re-parse the current text (cheap: no
spaCy) on a thread from asyncio's default executor, so they never queue behind a long lint.

Every handler tolerates an unknown document (the client never opened it, or closed it):
it answers with an empty result rather than an error.
"""

from __future__ import annotations

import asyncio

from lsprotocol import types as T

from pm_lsp.lsp import completion, hover, outline
from pm_lsp.lsp.convert import Positions, uri_to_path
from pm_lsp.lsp.features.registration import Feature
from pm_lsp.lsp.server_state import PmLanguageServer
from pm_lsp.model.document import PostmortemDoc
from pm_lsp.parse.markdown import parse
from pm_lsp.policy.config import ConfigError
from pm_lsp.policy.templates import Template


async def current_parse(
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
    res = ls.scheduler.results.get(uri)
    if res is not None and res.config is not None and res.text == text and res.doc is not None:
        return res.config.template, res.doc, res.positions
    template: Template | None = res.config.template if res and res.config else None
    if template is None:
        path = uri_to_path(uri)
        resolver = ls.analyzer.resolver_for(path)
        try:
            template = (await asyncio.to_thread(resolver.for_path, path)).template
        except (ConfigError, OSError, RecursionError, ValueError):
            return None  # the analysis reports it on the document (PM002)
    doc = await asyncio.to_thread(parse, text, template)
    return template, doc, Positions(doc.lines, ls.encoding)


async def on_hover(ls: PmLanguageServer, params: T.HoverParams) -> T.Hover | None:
    uri = params.text_document.uri
    res = await ls.scheduler.fresh(uri)
    cur = ls.current(uri)
    if res is None or cur is None or res.text != cur[1]:
        return None
    found = hover.hover(res, params.position)
    plain = not ls.client.hover_markdown
    if found is not None and plain and isinstance(found.contents, T.MarkupContent):
        found.contents = T.MarkupContent(kind=T.MarkupKind.PlainText, value=found.contents.value)
    return found


async def document_symbol(
    ls: PmLanguageServer, params: T.DocumentSymbolParams
) -> list[T.DocumentSymbol] | list[T.SymbolInformation] | None:
    uri = params.text_document.uri
    found = await current_parse(ls, uri)
    if found is None:
        return []
    _, doc, pos = found
    if ls.client.hierarchical_symbols:
        return outline.document_symbols(doc, pos)
    return outline.symbol_information(doc, pos, ls.client_uri(uri))


async def on_completion(
    ls: PmLanguageServer, params: T.CompletionParams
) -> T.CompletionList | None:
    found = await current_parse(ls, params.text_document.uri)
    if found is None:
        return None
    template, doc, pos = found
    client = ls.client
    items = completion.complete(
        template, doc, pos, params.position, client.snippets, client.completion_markdown
    )
    return T.CompletionList(is_incomplete=False, items=items)


FEATURES = (
    Feature(T.TEXT_DOCUMENT_HOVER, on_hover),
    Feature(T.TEXT_DOCUMENT_DOCUMENT_SYMBOL, document_symbol),
    Feature(
        T.TEXT_DOCUMENT_COMPLETION,
        on_completion,
        T.CompletionOptions(trigger_characters=["#", " ", ":"], resolve_provider=False),
    ),
)
