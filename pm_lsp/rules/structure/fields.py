"""Where a postmortem gives each metadata field, beyond ``doc.metadata``.

``doc.metadata`` holds the fields written as fields (front matter, labels, ``Key: value``
lines, metadata tables, headings with a value). A document also gives its date in its
title ("Incident on 2021-07-12 - ..."), and tells fields in its text ("On Friday 29
November 2019 ...", "the outage lasted nearly an hour", "written by ..."); the CLI and the
language server may pass the file name, which often holds the date. PM203 does not call a
field missing when the document gives it somewhere, and says where when that is not a
field of its own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from pm_lsp.model.document import PostmortemDoc
from pm_lsp.nlp.patterns import Gated
from pm_lsp.parse.values import find_date
from pm_lsp.policy.rulepack import RulePack
from pm_lsp.policy.templates import Template
from pm_lsp.rules.structure.concepts import block_label

#: a date in a file name: "2024-01-15-db-outage.md", "20240115_outage.md"
_FILE_DATE = re.compile(r"(?<!\d)(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)")


#: how many lines at the top of the file count as its head for a byline
_HEAD_LINES = 12


@dataclass(frozen=True)
class FieldPresence:
    """``written``: field id -> where it is a field or in the title; ``in_text``: fields
    told only in the text; ``file_date``: the ISO date of the file name, if any."""

    written: Mapping[str, str]
    in_text: frozenset[str]
    file_date: str | None


@dataclass(frozen=True)
class _Cues:
    """The field cues of a pack, each one alternation, and the same searched through one
    reading of a block (:class:`~pm_lsp.nlp.patterns.Gated`: a cue runs only where the
    block holds a word it cannot match without; a huge block of markup debris then costs
    one reading, not a full search per field)."""

    patterns: Mapping[str, re.Pattern[str]]
    gated: Gated


def _cues(pack: RulePack) -> _Cues:
    cues = pack.get("structure", "field-cues", {})
    out: dict[str, re.Pattern[str]] = {}
    if isinstance(cues, Mapping):
        for fid, pats in cues.items():
            if isinstance(pats, list) and pats:
                out[fid] = re.compile("|".join(f"(?:{p})" for p in pats), re.IGNORECASE)
    return _Cues(out, Gated(list(out.values())))


def _told_in(texts: list[str], cues: _Cues, skip: Mapping[str, str]) -> set[str]:
    """The fields (not in ``skip``) whose cue one of ``texts`` holds."""
    wanted = {fid: cue for fid, cue in cues.patterns.items() if fid not in skip}
    found: set[str] = set()
    for t in texts:
        if not wanted:
            break
        reading = cues.gated.read(t)
        for fid in [f for f, cue in wanted.items() if reading.search(cue) is not None]:
            found.add(fid)
            del wanted[fid]
    return found


def _label_lists(doc: PostmortemDoc, template: Template) -> set[str]:
    """Fields written as a label over a list ("Authors:" with one name per item below)."""
    out: set[str] = set()
    blocks = doc.blocks
    for i, b in enumerate(blocks[:-1]):
        if b.kind not in ("paragraph", "list_item"):
            continue
        label = block_label(doc, b)
        if label is None or label[1].strip():
            continue
        fid = template.canonical_field(label[0])
        nxt = blocks[i + 1]
        if fid is not None and nxt.kind == "list_item" and nxt.text.strip():
            out.add(fid)
    return out


def _signatures(pack: RulePack) -> tuple[re.Pattern[str], ...]:
    pats = pack.get("structure", "signature", {})
    found = pats.get("patterns", []) if isinstance(pats, Mapping) else []
    return tuple(re.compile(str(p)) for p in found)


def signed(doc: PostmortemDoc, pack: RulePack) -> bool:
    """Does the document close with a sign-off ("— @dana-r (with @lee)", "-- Dana Ruiz,
    SRE")? Only the last line of the last block counts, and only in a paragraph: the same
    line mid-document or as a list item (an action's owner) names no author."""
    last = next((b for b in reversed(doc.blocks) if b.text.strip()), None)
    if last is None or last.kind != "paragraph":
        return False
    line = last.text.strip().splitlines()[-1].strip()
    return any(p.fullmatch(line) for p in pack.derived(_signatures))


def file_date(name: str | None) -> str | None:
    """The date a file name holds, as ``YYYY-MM-DD``, if it is a plausible calendar date."""
    if not name:
        return None
    m = _FILE_DATE.search(name)
    if m is None:
        return None
    y, mo, d = (int(g) for g in m.groups())
    if not (1990 <= y <= 2100 and 1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def field_presence(
    doc: PostmortemDoc, template: Template, pack: RulePack, source_name: str | None
) -> FieldPresence:
    """Memoise with ``ctx.analysis(field_presence, ctx.template, ctx.pack, ctx.source_name)``."""
    written: dict[str, str] = {}
    for f in doc.metadata:
        if f.canonical is not None and f.value.strip():
            written.setdefault(f.canonical, f.source)
    for fid in _label_lists(doc, template):
        written.setdefault(fid, "label")
    if "authors" not in written and signed(doc, pack):
        written["authors"] = "signature"
    equivalents = pack.get("structure", "field-equivalents", {})
    for fid, others in equivalents.items() if isinstance(equivalents, Mapping) else ():
        given = next((written[o] for o in others if o in written), None)
        if given is not None:
            written.setdefault(str(fid), given)
    head = [s.title for s in doc.sections]
    if doc.title:
        head.append(doc.title)
    if "date" not in written and any(find_date(t) for t in head):
        written["date"] = "title"  # the title, or a dated heading ("### 2025-03-14")
    for sec in doc.sections:
        named = template.canonical_field(sec.title)
        if named is not None and any(b.kind != "heading" for b in doc.blocks_in(sec)):
            written.setdefault(named, "heading")  # "## Status" over a paragraph about it
    prose = [b.text for b in doc.blocks if b.kind != "heading"]
    in_text: set[str] = set()
    raw = (doc.text[b.start : b.end] for b in doc.blocks if b.kind != "heading")
    if "date" not in written and any(find_date(t) for t in raw):
        in_text.add("date")  # the source text: a date in code (`2022-04-28 10:34`) counts
    # the head as written too: a byline in HTML ("<div>1 August · by ...</div>") is no block
    prose.append(doc.text[: doc.lines.line_end(min(_HEAD_LINES, doc.lines.line_count - 1))])
    in_text |= _told_in(prose, pack.derived(_cues), written)
    return FieldPresence(written, frozenset(in_text), file_date(source_name))
