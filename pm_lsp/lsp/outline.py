"""Document symbols: the section outline, nested as the headings nest.

Each symbol spans its heading and everything up to the next heading of the same or a higher
level (``Section.heading.start`` to ``Section.body.end``); its selection range is the heading
text. The detail names the template section the heading was recognised as ("Root cause" ->
``root-cause``), so the outline also shows what the linter understood.
"""

from __future__ import annotations

from lsprotocol import types as T

from pm_lsp.lsp.convert import Positions
from pm_lsp.model.document import PostmortemDoc, Section


def _name(s: Section) -> str:
    return s.title.strip() or "(untitled heading)"


def _symbol(s: Section, pos: Positions) -> T.DocumentSymbol:
    end = max(s.body.end, s.heading.end)
    return T.DocumentSymbol(
        name=_name(s),
        detail=s.canonical or "",
        kind=T.SymbolKind.String,
        range=pos.range(s.heading.start, end),
        selection_range=pos.range(s.title_span.start, s.title_span.end),
        children=[_symbol(c, pos) for c in s.children],
    )


def document_symbols(doc: PostmortemDoc, pos: Positions) -> list[T.DocumentSymbol]:
    return [_symbol(s, pos) for s in doc.roots]


def symbol_information(doc: PostmortemDoc, pos: Positions, uri: str) -> list[T.SymbolInformation]:
    """The flat form, for clients without hierarchical symbol support."""
    return [
        T.SymbolInformation(
            name=_name(s),
            kind=T.SymbolKind.String,
            location=T.Location(
                uri=uri, range=pos.range(s.heading.start, max(s.body.end, s.heading.end))
            ),
            container_name=_name(s.parent) if s.parent is not None else None,
        )
        for s in doc.sections
    ]
