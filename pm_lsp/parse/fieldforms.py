"""Metadata written outside ``Key: value`` lines: metadata tables and headings with a value.

Real postmortems put their metadata in a two-column table (``| **Date** | 2021-03-05 |``),
in a table whose header names the fields and whose one row holds the values, or as a
heading with its value beneath (``## Status`` over ``Final``). These become
:class:`MetaField` entries like any other, so every rule reading ``doc.field(...)`` sees
them. ``doc.field`` reads the first value per field.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from pm_lsp.model.document import (
    Block,
    MetaField,
    PostmortemDoc,
    Section,
    Span,
    Table,
    Vocabulary,
)
from pm_lsp.parse.values import value_end

#: a value beneath a field heading is a short line, not a section of prose
_HEADING_VALUE_WORDS = 12
#: a value may also be a list of at most this many items of at most this many words
_LIST_ITEMS = 12
_ITEM_WORDS = 10


def table_fields(doc: PostmortemDoc, vocab: Vocabulary) -> list[MetaField]:
    """Fields of metadata tables: rows whose first cell is a field name (the header row
    too, when a body row is one), or a header of field names over one row of values."""
    return tables_fields(doc.tables, doc.masked, doc.text, vocab)


def tables_fields(
    tables: Iterable[Table], masked: str, text: str, vocab: Vocabulary
) -> list[MetaField]:
    """:func:`table_fields` of these tables, read from ``masked`` (keys) and ``text``
    (values): a chunk's own, before it is placed in a document."""
    out: list[MetaField] = []
    for t in tables:
        header_ids = [vocab.canonical_field(c.value) for c in t.header]
        if len(t.rows) == 1 and sum(i is not None for i in header_ids) >= 2:
            for cell, value, cid in zip(t.header, t.rows[0], header_ids, strict=False):
                if cid is not None and value.value:
                    out.append(
                        _meta(masked, text, (cell.start, cell.end, value.start, value.end), cid)
                    )
            continue
        pairs = [
            (row, vocab.canonical_field(row[0].value))
            for row in [t.header, *t.rows]
            if len(row) == 2
        ]
        # the header is a field row only in a table of fields ("| Date | 2021-03-05 |" over
        # "| Status | Final |"); over rows of times it names columns ("| Date and time (CET) |
        # Event |" heads a timeline)
        if (
            t.rows
            and pairs
            and pairs[0][0] is t.header
            and not any(cid is not None for _row, cid in pairs[1:])
        ):
            pairs = pairs[1:]
        for row, cid in pairs:
            if cid is not None and row[1].value:
                spans = (row[0].start, row[0].end, row[1].start, row[1].end)
                out.append(_meta(masked, text, spans, cid))
    return out


def heading_fields(doc: PostmortemDoc, vocab: Vocabulary) -> list[MetaField]:
    """``## Status`` with ``Final`` beneath: a heading naming a field, over one short
    paragraph or list item and nothing else ("## Attendees" over a list of initials)."""
    out: list[MetaField] = []
    for s in doc.sections:
        cid = vocab.canonical_field(s.title)
        if cid is not None and (f := heading_field(doc, s, cid)) is not None:
            out.append(f)
    return out


def heading_field(doc: PostmortemDoc, s: Section, cid: str) -> MetaField | None:
    """The field of section ``s``, whose title names field ``cid``, if a short value is all
    its body holds (the document's own title is never a field)."""
    if s.level == 1 and s.title == doc.title:
        return None
    inner = [b for b in doc.blocks_in(s) if b.kind != "heading"]
    if not _short_value(inner):
        return None
    ts = s.title_span
    spans = (ts.start, ts.end, inner[0].start, inner[-1].end)
    return _meta(doc.masked, doc.text, spans, cid, "heading")


def _short_value(inner: list[Block]) -> bool:
    """One short line, or a short list of short items (names under "## Attendees")."""
    if not inner or len(inner) > _LIST_ITEMS:
        return False
    if len(inner) == 1 and inner[0].kind == "paragraph":
        text = inner[0].text.strip()
        return len(text.split()) <= _HEADING_VALUE_WORDS and "\n" not in text
    return all(
        b.kind == "list_item" and len(b.text.split()) <= _ITEM_WORDS and b.list_depth == 1
        for b in inner
    )


def _meta(
    masked: str,
    text: str,
    spans: tuple[int, int, int, int],
    cid: str,
    source: Literal["table", "heading"] = "table",
) -> MetaField:
    """A field from a key span and a value span (``spans``: key start and end, value start
    and end); the value is the source text without the emphasis or code marks around it
    (masking would turn code into stand-in letters)."""
    ks, ke, vs, ve = spans
    ve = value_end(text, vs, ve)
    return MetaField(
        key=masked[ks:ke].strip(),
        canonical=cid,
        value=text[vs:ve].strip().strip("*_`").strip(),
        key_span=Span(ks, ke),
        value_span=Span(vs, ve),
        source=source,
    )
