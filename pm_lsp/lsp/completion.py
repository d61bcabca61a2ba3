"""Completion from the active template: missing sections and metadata values.

* On a heading line being typed (``## `` or ``## Ti``), the sections of the template that
  the document does not have yet, required ones first, each inserting its heading and the
  template's skeleton (as a snippet with the cursor on the first TODO, when the client
  supports snippets). The skeleton's line breaks become the document's own.
* After ``**Status**:`` or ``**Severity**:`` (or the plain ``Status:`` form in the header,
  or a front-matter key), the values the template allows, which are the values PM204 accepts.
"""

from __future__ import annotations

import re

from lsprotocol import types as T

from pm_lsp.lsp.convert import Positions
from pm_lsp.model.document import PostmortemDoc
from pm_lsp.policy.templates import SectionSpec, Template

_HEADING_PREFIX = re.compile(r"^(?P<indent> {0,3})(?P<hashes>#{1,6})(?P<gap>[ \t]+)(?P<typed>.*)$")
_BOLD_KEY = re.compile(
    r"^(?P<pre>[ \t]*(?:>[ \t]*)*(?:[-*+][ \t]+)?)(?P<open>\*\*|__)(?P<key>[^*_\n:]{1,60}?)"
    r"(?P<c1>:?)(?P=open)[ \t]*(?P<c2>:?)[ \t]*(?P<typed>[^\r\n]*)$"
)
_PLAIN_KEY = re.compile(
    r"^(?P<pre>[ \t]*(?:[-*+][ \t]+)?)(?P<key>[A-Za-z][A-Za-z /()-]{0,40}?)[ \t]*:[ \t]*"
    r"(?P<typed>[^\r\n]*)$"
)
_EOL = re.compile(r"\r\n|\r|\n")


def _snippet_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("$", "\\$").replace("}", "\\}")


def _present(doc: PostmortemDoc) -> set[str]:
    return {s.canonical for s in doc.sections if s.canonical}


def _missing(template: Template, doc: PostmortemDoc) -> list[tuple[SectionSpec, bool]]:
    """(section, still required) for every template section the document lacks."""
    have = _present(doc)
    out = []
    for spec in template.sections:
        if spec.id in have:
            continue
        needed = spec.required and not any(s in have for s in spec.satisfied_by)
        if spec.parent is not None and spec.parent not in have:
            needed = False  # a subsection makes sense once its parent exists
        out.append((spec, needed))
    return out


def _eol(text: str) -> str:
    m = _EOL.search(text)
    return m.group(0) if m else "\n"


def section_items(
    template: Template,
    doc: PostmortemDoc,
    pos: Positions,
    offset: int,
    snippets: bool,
    markdown: bool = False,
) -> list[T.CompletionItem]:
    idx = pos.index
    line = idx.line_of(offset)
    line_start = idx.starts[line]
    before = pos.text[line_start:offset]
    m = _HEADING_PREFIX.match(before)
    if m is None:
        return []
    level = len(m.group("hashes"))
    eol = _eol(pos.text)
    rng = pos.range(line_start, idx.line_end(line))
    items: list[T.CompletionItem] = []
    for order, (spec, needed) in enumerate(_missing(template, doc)):
        heading = f"{'#' * spec.level} {spec.title}"
        skeleton = _EOL.sub(eol, spec.skeleton.strip("\r\n"))
        body = f"{eol}{eol}{skeleton}{eol}" if skeleton else eol
        if snippets:
            esc = _snippet_escape(body)
            if "TODO" in esc:
                esc = esc.replace("TODO", "${1:TODO}", 1) + "$0"
            else:
                esc += "$0"
            new_text = _snippet_escape(heading) + esc
            fmt = T.InsertTextFormat.Snippet
        else:
            new_text = heading + body
            fmt = T.InsertTextFormat.PlainText
        rank = (0 if needed else 1, 0 if spec.level == level else 1, order)
        items.append(
            T.CompletionItem(
                label=spec.title,
                kind=T.CompletionItemKind.Snippet,
                detail=("missing required section" if needed else "template section")
                + f" ({template.name})",
                documentation=T.MarkupContent(
                    kind=T.MarkupKind.Markdown,
                    value=f"```markdown\n{heading}\n\n{spec.skeleton}\n```",
                )
                if markdown
                else f"{heading}\n\n{spec.skeleton}",
                filter_text=f"{m.group('hashes')} {spec.title}",
                sort_text="{}{}{:03d}".format(*rank),
                text_edit=T.TextEdit(range=rng, new_text=new_text),
                insert_text_format=fmt,
                preselect=order == 0 and needed,
            )
        )
    return items


def _values_for(template: Template, key: str) -> tuple[str, list[str]] | None:
    fid = template.canonical_field(key)
    if fid is None:
        return None
    spec = next((f for f in template.fields if f.id == fid), None)
    if spec is None:
        return None
    if spec.type == "status":
        return spec.label, template.status_values
    if spec.type == "severity":
        return spec.label, template.severity_values
    return None


def _in_header(doc: PostmortemDoc, offset: int) -> bool:
    """Before the first level-2 heading, or inside front matter (where plain keys count)."""
    if doc.front_matter is not None and doc.front_matter.start <= offset < doc.front_matter.end:
        return True
    first_h2 = next((s.heading.start for s in doc.sections if s.level >= 2), len(doc.text))
    return offset <= first_h2


def metadata_items(
    template: Template, doc: PostmortemDoc, pos: Positions, offset: int
) -> list[T.CompletionItem]:
    idx = pos.index
    line = idx.line_of(offset)
    line_start = idx.starts[line]
    before = pos.text[line_start:offset]
    m = _BOLD_KEY.match(before)
    if m is not None and not (m.group("c1") or m.group("c2")):
        m = None
    if m is None and _in_header(doc, offset):
        m = _PLAIN_KEY.match(before)
    if m is None:
        return []
    found = _values_for(template, m.group("key").strip())
    if found is None:
        return []
    label, values = found
    typed_start = line_start + m.start("typed")
    rng = pos.range(typed_start, idx.line_end(line))
    return [
        T.CompletionItem(
            label=v,
            kind=T.CompletionItemKind.EnumMember,
            detail=f"{label} allowed by the '{template.name}' template",
            sort_text=f"{i:03d}",
            filter_text=v,
            text_edit=T.TextEdit(range=rng, new_text=v),
        )
        for i, v in enumerate(values)
    ]


def complete(
    template: Template,
    doc: PostmortemDoc,
    pos: Positions,
    p: T.Position,
    snippets: bool,
    markdown: bool = False,
) -> list[T.CompletionItem]:
    """Completion items at ``p``; ``markdown``: the client renders Markdown documentation."""
    offset = pos.offset(p)
    items = section_items(template, doc, pos, offset, snippets, markdown)
    if items:
        return items
    return metadata_items(template, doc, pos, offset)
