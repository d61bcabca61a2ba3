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
from pm_lsp.parse.values import find_date
from pm_lsp.policy.rulepack import RulePack

#: a date in a file name: "2024-01-15-db-outage.md", "20240115_outage.md"
_FILE_DATE = re.compile(r"(?<!\d)(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)")


@dataclass(frozen=True)
class FieldPresence:
    """``written``: field id -> where it is a field or in the title; ``in_text``: fields
    told only in the text; ``file_date``: the ISO date of the file name, if any."""

    written: Mapping[str, str]
    in_text: frozenset[str]
    file_date: str | None


def _cues(pack: RulePack) -> Mapping[str, re.Pattern[str]]:
    cues = pack.get("structure", "field-cues", {})
    out: dict[str, re.Pattern[str]] = {}
    if isinstance(cues, Mapping):
        for fid, pats in cues.items():
            if isinstance(pats, list) and pats:
                out[fid] = re.compile("|".join(f"(?:{p})" for p in pats), re.IGNORECASE)
    return out


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


def field_presence(doc: PostmortemDoc, pack: RulePack, source_name: str | None) -> FieldPresence:
    """Memoise with ``ctx.analysis(field_presence, ctx.pack, ctx.source_name)``."""
    written: dict[str, str] = {}
    for f in doc.metadata:
        if f.canonical is not None and f.value.strip():
            written.setdefault(f.canonical, f.source)
    head = [s.title for s in doc.sections[:1]]
    if doc.title:
        head.append(doc.title)
    if "date" not in written and any(find_date(t) for t in head):
        written["date"] = "title"
    prose = [b.text for b in doc.blocks if b.kind != "heading"]
    in_text: set[str] = set()
    if "date" not in written and any(find_date(t) for t in prose):
        in_text.add("date")
    for fid, cue in pack.derived(_cues).items():
        if fid not in written and any(cue.search(t) for t in prose):
            in_text.add(fid)
    return FieldPresence(written, frozenset(in_text), file_date(source_name))
