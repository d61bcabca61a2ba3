"""Metadata written outside ``Key: value`` lines: metadata tables and headings with a value.

Real postmortems put their metadata in a two-column table (``| **Date** | 2021-03-05 |``),
in a table whose header names the fields and whose one row holds the values, or as a
heading with its value beneath (``## Status`` over ``Final``). These become
:class:`MetaField` entries like any other, so every rule reading ``doc.field(...)`` sees
them. Only the head of the document counts for headings (before the first section that is
not itself a field), and only the first value per field is kept by ``doc.field``.
"""

from __future__ import annotations

from typing import Literal

from pm_lsp.model.document import MetaField, PostmortemDoc, Span, Vocabulary

#: a value beneath a field heading is a short line, not a section of prose
_HEADING_VALUE_WORDS = 12


def table_fields(doc: PostmortemDoc, vocab: Vocabulary) -> list[MetaField]:
    """Fields of metadata tables: rows whose first cell is a field name, or a header of
    field names over one row of values."""
    out: list[MetaField] = []
    for t in doc.tables:
        header_ids = [vocab.canonical_field(c.value) for c in t.header]
        if len(t.rows) == 1 and sum(i is not None for i in header_ids) >= 2:
            for cell, value, cid in zip(t.header, t.rows[0], header_ids, strict=False):
                if cid is not None and value.value:
                    out.append(
                        _meta(doc, cell.start, cell.end, value.start, value.end, cid, "table")
                    )
            continue
        for row in [t.header, *t.rows]:
            if len(row) != 2:
                continue
            cid = vocab.canonical_field(row[0].value)
            if cid is not None and row[1].value:
                out.append(
                    _meta(doc, row[0].start, row[0].end, row[1].start, row[1].end, cid, "table")
                )
    return out


def heading_fields(doc: PostmortemDoc, vocab: Vocabulary) -> list[MetaField]:
    """``## Status`` with ``Final`` beneath: a heading naming a field, over one short
    paragraph and nothing else, among the headings before the first real section."""
    out: list[MetaField] = []
    for s in doc.sections:
        if s.level == 1 and s.title == doc.title:
            continue
        cid = vocab.canonical_field(s.title)
        if cid is None:
            if vocab.canonical_section(s.title) is not None:
                break  # the head ends at the first real section
            continue
        inner = [b for b in doc.blocks_in(s) if b.kind != "heading"]
        if len(inner) != 1 or inner[0].kind not in ("paragraph", "list_item"):
            continue
        b = inner[0]
        if len(b.text.split()) > _HEADING_VALUE_WORDS or "\n" in b.text.strip():
            continue
        ts = s.title_span
        out.append(_meta(doc, ts.start, ts.end, b.start, b.end, cid, "heading"))
    return out


def _meta(
    doc: PostmortemDoc,
    ks: int,
    ke: int,
    vs: int,
    ve: int,
    cid: str,
    source: Literal["table", "heading"],
) -> MetaField:
    """A field from a key span and a value span; the value is the source text without the
    emphasis or code marks around it (masking would turn code into stand-in letters)."""
    return MetaField(
        key=doc.masked[ks:ke].strip(),
        canonical=cid,
        value=doc.text[vs:ve].strip().strip("*_`").strip(),
        key_span=Span(ks, ke),
        value_span=Span(vs, ve),
        source=source,
    )
