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

import bisect
import itertools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from pm_lsp.model.document import Block, PostmortemDoc
from pm_lsp.nlp.patterns import Gated
from pm_lsp.parse.values import find_date
from pm_lsp.policy.names import given_names, is_given_name
from pm_lsp.policy.rulepack import RulePack
from pm_lsp.policy.templates import Template
from pm_lsp.rules.structure.concepts import load_words
from pm_lsp.rules.structure.parts import Parts, structure_parts, subtree_any, told_by_parts

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


def _told_in(texts: list[str], cues: _Cues, asked: Iterable[str]) -> set[str]:
    """The fields of ``asked`` whose cue one of ``texts`` holds."""
    wanted = {fid: cues.patterns[fid] for fid in asked}
    found: set[str] = set()
    for t in texts:
        if not wanted:
            break
        reading = cues.gated.read(t)
        for fid in [f for f, cue in wanted.items() if reading.search(cue) is not None]:
            found.add(fid)
            del wanted[fid]
    return found


def _label_lists(doc: PostmortemDoc, parts: Parts) -> set[str]:
    """Fields written as a label over a list ("Authors:" with one name per item below),
    from each part's facts; a label that ends its part is read with the block after it."""
    out: set[str] = set()
    blocks = doc.blocks
    for p in parts.parts:
        out.update(p.facts.field_lists)
        if p.facts.open_label is None:
            continue
        end = p.lo + len(p.key[0])
        nxt = bisect.bisect_left(blocks, end, key=lambda b: b.start)
        if nxt < len(blocks) and blocks[nxt].kind == "list_item" and blocks[nxt].text.strip():
            out.add(p.facts.open_label)
    return out


def _parts_told(parts: Parts, cues: _Cues, asked: tuple[str, ...], pack: RulePack) -> set[str]:
    """The fields of ``asked`` whose cue a block (other than a heading) of some part holds
    (:func:`~pm_lsp.rules.structure.parts.told_by_parts`)."""
    return set(
        told_by_parts(
            parts,
            asked,
            pack.derived(load_words)._part_fields,
            lambda facts: facts.texts,
            lambda texts, left: _told_in(texts, cues, left),
        )
    )


#: :func:`_dated_text`'s question in the per-part table
_DATE = "date in the source"


def _dated_text(parts: Parts, pack: RulePack) -> bool:
    """Is there a date in the source of a block other than a heading (a date in code,
    "`2022-04-28 10:34`", counts)? Read part by part up to the first that holds one, each
    part's answer memoised under its key."""
    table = pack.derived(load_words)._part_fields
    for p in parts.parts:
        key = (p.key, _DATE)
        got = table.get(key)
        if got is None:
            raw = p.key[0]
            dated = any(find_date(raw[a:e]) for a, e in p.facts.texts)
            got = table.put(key, frozenset({_DATE}) if dated else frozenset())
        if got:
            return True
    return False


@dataclass(frozen=True)
class _Closing:
    """How a document signs itself (``[signature]`` in ``rules/structure.toml``), compiled
    once per pack: the dash sign-offs, the valedictions as one whole-line pattern, and the
    header labels that name a letter's sender."""

    dash: tuple[re.Pattern[str], ...]
    valediction: re.Pattern[str] | None
    #: a line opening with a sender label and its colon, markup around it ("**From:**")
    sender: re.Pattern[str] | None
    #: a byline naming who posted, wrote or prepared the write-up (:func:`bylined`)
    bylines: tuple[re.Pattern[str], ...] = ()


def _closing(pack: RulePack) -> _Closing:
    table = pack.get("structure", "signature", {})
    table = table if isinstance(table, Mapping) else {}
    words = [re.escape(str(w)).replace(r"\ ", r"\s+") for w in table.get("valedictions", [])]
    labels = [re.escape(str(w)).replace(r"\ ", r"\s+") for w in table.get("sender-labels", [])]
    return _Closing(
        tuple(re.compile(str(p)) for p in table.get("patterns", [])),
        re.compile(rf"(?i)(?:{'|'.join(words)})\s*[,!.]?") if words else None,
        re.compile(rf"(?i)[ \t>*_-]*(?:{'|'.join(labels)})[*_]*[ \t]*:") if labels else None,
        tuple(re.compile(str(p)) for p in table.get("bylines", [])),
    )


#: a name alone on a line, as a letter is signed: an @handle, one to four capitalised words
#: (a particle may join them: "Ana de Souza", "Omar H."), or a team ("The billing team")
_NAME_LINE = re.compile(
    r"@[A-Za-z0-9][\w.-]*"
    r"|[A-Z][\w\x27’.-]*(?:[ \t]+(?:[A-Z][\w\x27’.-]*|(?:van|von|de|da|del|der|di|du|la|le|bin"
    r"|ibn|al)\b)){0,3}"
    r"|(?:[Tt]he[ \t]+|[Oo]ur[ \t]+)?[\w\x27’-]+(?:[ \t]+[\w\x27’-]+){0,3}[ \t]+team"
)
#: a header's value opening with a sender's name ("Rosa Ibarra, Service Desk Lead", an
#: @handle, an address): capitalised words up to a comma, a bracket, a dash or the end; a
#: time, a date, a determiner or a word in lower case opens no name
_SENDER = re.compile(
    r"[*_\s]*(?:@[A-Za-z0-9][\w.-]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?!(?:The|A|An|Our|Their|This|January|February|March|April|May|June|July|August"
    r"|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday"
    r"|Saturday|Sunday)\b)([A-Z][\w\x27’.-]*(?:[ \t]+[A-Z][\w\x27’.-]*){0,3}))"
    r"(?=[ \t*_]*(?:$|[,;(<\[|—–-]))"
)
#: a line of a signature block under the name: a role, a team, a place ("Help Desk
#: Manager, University IT Services"): a few words, no sentence's end
_ROLE_LINE = re.compile(r"[^.!?\n]{1,80}")
_ROLE_WORDS = 10


def _roles(lines: list[str]) -> bool:
    """Are ``lines`` (under a signature's name) at most two short role or place lines?"""
    return len(lines) <= 2 and all(
        _ROLE_LINE.fullmatch(ln) and len(ln.split()) <= _ROLE_WORDS for ln in lines
    )


def _a_person(line: str) -> bool:
    """Is ``line`` a person's name alone, opened by a given name or an @handle ("Dana
    Okafor", "@kofi")? Without a valediction before it, only a given name tells a
    signature from a label or a product's name ("Grafana Cloud")."""
    if _NAME_LINE.fullmatch(line) is None:
        return False
    first = line.split()[0]
    return first.startswith("@") or is_given_name(first, given_names())


def _letter_close(lines: list[str], before: Block | None, closing: _Closing) -> bool:
    """Does the last paragraph (its ``lines``) close a letter: a valediction line, then a
    name and at most two role lines; or the whole paragraph a signature block, a name and
    role lines, after a paragraph that ends with a valediction or opened by a given name
    ("Rosa Ibarra" / "Service Desk Lead, Campus IT")?"""
    valediction = closing.valediction
    if valediction is not None:
        for i, line in enumerate(lines[:-1]):
            if (
                valediction.fullmatch(line)
                and _NAME_LINE.fullmatch(lines[i + 1])
                and _roles(lines[i + 2 :])
            ):
                return True
    if not _roles(lines[1:]) or _NAME_LINE.fullmatch(lines[0]) is None:
        return False
    prior = before.text.strip().splitlines()[-1].strip() if before is not None else ""
    valedicted = (
        valediction is not None
        and before is not None
        and before.kind == "paragraph"
        and valediction.fullmatch(prior) is not None
    )
    return valedicted or _a_person(lines[0])


def signed(doc: PostmortemDoc, pack: RulePack) -> bool:
    """Does the document close with a sign-off ("— @dana-r (with @lee)", "-- Dana Ruiz,
    SRE") or a letter's signature ("Regards," and a name; a name and a role as the last
    paragraph, :func:`_letter_close`)? Only the last paragraph counts, and only a
    paragraph: the same line mid-document or as a list item (an action's owner) names no
    author."""
    blocks = [b for b in doc.blocks if b.text.strip()]
    if not blocks or blocks[-1].kind != "paragraph":
        return False
    closing = pack.derived(_closing)
    lines = [ln.strip() for ln in blocks[-1].text.strip().splitlines() if ln.strip()]
    if any(p.fullmatch(lines[-1]) for p in closing.dash):
        return True
    return _letter_close(lines, blocks[-2] if len(blocks) > 1 else None, closing)


def sent_by(doc: PostmortemDoc, pack: RulePack) -> bool:
    """Does the document's head carry a letter's or an email's sender field naming a
    person or a team ("**From:** Rosa Ibarra, Service Desk Lead", "From: @kofi")? Read
    from the head's lines as written (a plain "From:" line is no metadata field of the
    parser's). A time or a phrase in the same field ("From: 09:00 to 11:00") names nobody,
    nor does such a field further down (a quoted email in the timeline)."""
    label = pack.derived(_closing).sender
    if label is None:
        return False
    head = doc.text[: doc.lines.line_end(min(_HEAD_LINES, doc.lines.line_count - 1))]
    for line in head.splitlines():
        f = label.match(line)
        if f is None:
            continue
        m = _SENDER.match(line, f.end())
        if m is None:
            continue
        name = m.group(1)
        if name is None or " " in name.strip() or is_given_name(name.strip(), given_names()):
            return True
    return False


#: how many paragraphs at the head of the document may carry its byline
_HEAD_PARAGRAPHS = 3


def bylined(doc: PostmortemDoc, pack: RulePack) -> bool:
    """Does a byline name who posted, wrote or prepared the write-up ("Posted on 3
    September by Mina and Taro", "— posted by Sam (SRE) and Lee"; ``bylines`` of
    ``[signature]`` in ``rules/structure.toml``)? Read on each line of the first
    paragraphs of the document's head (before its first section under the title; its
    first lines when it has none) and of its last paragraph: the same words in a
    timeline or a story ("posted at 14:05 by ...") name who did something else."""
    patterns = pack.derived(_closing).bylines
    if not patterns:
        return False
    head_end = _head_end(doc)
    # the first paragraphs and the last block: walked from each end, not over the document
    paragraphs = (b for b in doc.blocks if b.kind == "paragraph" and b.text.strip())
    chosen = [b for b in itertools.islice(paragraphs, _HEAD_PARAGRAPHS) if b.start < head_end]
    last = next((b for b in reversed(doc.blocks) if b.text.strip()), None)
    if any(_byline(line, patterns, True) for b in chosen for line in b.text.splitlines()):
        return True
    return (
        last is not None
        and last.kind == "paragraph"
        and any(_byline(line, patterns, last.start < head_end) for line in last.text.splitlines())
    )


def _byline(line: str, patterns: tuple[re.Pattern[str], ...], head: bool) -> bool:
    """Does ``line`` hold a byline? One whose verb is a tracker's ("Opened ... by @x",
    the pattern's group ``head``) counts only in the document's head: at its end the same
    words tell an event of the timeline."""
    for p in patterns:
        for m in p.finditer(line):
            if head or "head" not in p.groupindex or m.group("head") is None:
                return True
    return False


@dataclass(frozen=True)
class _Scoped:
    """The scoped labels of an issue tracker that give a metadata field (``[scoped-labels]``
    in ``rules/structure.toml``), compiled once per pack: one label with its scope and
    value, the scope's field, and a line that sets or lists labels."""

    label: re.Pattern[str] | None
    fields: Mapping[str, str]
    labels_line: re.Pattern[str] | None


def _scoped(pack: RulePack) -> _Scoped:
    table = pack.get("structure", "scoped-labels", {})
    table = table if isinstance(table, Mapping) else {}
    fields = {
        str(scope).lower(): str(fid)
        for fid, scopes in table.items()
        if fid not in ("lines", "commands") and isinstance(scopes, list)
        for scope in scopes
    }
    if not fields:
        return _Scoped(None, {}, None)
    alt = "|".join(re.escape(s) for s in sorted(fields, key=len, reverse=True))
    named = "|".join(re.escape(str(w)) for w in table.get("lines", []))
    commands = "|".join(re.escape(str(w)) for w in table.get("commands", []))
    heads = [h for h in (f"(?:{named})[*_]*[ \t]*:" if named else "", commands) if h]
    return _Scoped(
        re.compile(
            rf'(?i)(?<![\w~])~(?:"(?P<qs>{alt})::(?P<qv>[^"\n]{{1,40}})"'
            rf"|(?P<s>{alt})::(?P<v>[\w.+-]{{1,40}}))"
        ),
        fields,
        re.compile(rf"(?im)^[ \t>*_-]*(?:{'|'.join(heads)})(?![\w-])") if heads else None,
    )


def _outside_code(doc: PostmortemDoc, at: int) -> bool:
    return not any(r.start <= at < r.end for r in doc.code_regions)


def scoped_labels(doc: PostmortemDoc, pack: RulePack, head_end: int) -> set[str]:
    """The fields a tracker's scoped label gives (``~"severity::1"``, ``~incident::resolved``
    for the Status), where the document sets its own labels: a label in its head (before
    ``head_end``, its first section), or on a line that lists or sets labels ("Labels:",
    GitLab's ``/label`` quick action) anywhere. Not in code, and not in prose further down:
    a label quoted there names another issue's ("#412 was ~"severity::2""). A placeholder
    value ("severity::TBD") gives nothing."""
    scoped = pack.derived(_scoped)
    if scoped.label is None:
        return set()
    placeholders = {p.lower() for p in pack.words("structure", "placeholders")}
    text = doc.text
    spans = [(0, head_end)]
    if scoped.labels_line is not None:
        for m in scoped.labels_line.finditer(text, head_end):
            end = text.find("\n", m.end())
            spans.append((m.start(), len(text) if end < 0 else end))
    found: set[str] = set()
    for a, e in spans:
        for m in scoped.label.finditer(text, a, e):
            value = (m.group("qv") or m.group("v")).strip()
            if value.lower() not in placeholders and _outside_code(doc, m.start()):
                found.add(scoped.fields[(m.group("qs") or m.group("s")).lower()])
    return found


@dataclass(frozen=True)
class _HeadFields:
    """The labels that name a field only in the document's head (``[head-fields]`` in
    ``rules/structure.toml``), compiled once per pack: one line or table row that opens
    with such a label and gives a value, and the field each label names. ``graded`` and
    ``graded_fields`` are the same for ``[graded-head-fields]``, whose value must open
    with a level on a grade scale (``level``: ``[graded-levels]``)."""

    line: re.Pattern[str] | None
    fields: Mapping[str, str]
    graded: re.Pattern[str] | None = None
    graded_fields: Mapping[str, str] = field(default_factory=dict)
    level: re.Pattern[str] | None = None


def _label_table(pack: RulePack, key: str) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """A table of ``rules/structure.toml`` mapping field ids to head labels: a line or
    table row opening with one of them (group ``k``) and its value (group ``v``), and the
    field each lower-cased label names."""
    table = pack.get("structure", key, {})
    table = table if isinstance(table, Mapping) else {}
    fields = {
        " ".join(str(label).lower().split()): str(fid)
        for fid, labels in table.items()
        if isinstance(labels, list)
        for label in labels
    }
    if not fields:
        return None, {}
    alt = "|".join(
        re.escape(k).replace(r"\ ", r"[ \t]+") for k in sorted(fields, key=len, reverse=True)
    )
    line = re.compile(
        rf"(?im)^[ \t>]*(?:\|[ \t]*)?[*_]*(?P<k>{alt})[*_]*[ \t]*(?::[*_]*|\|)"
        rf"[ \t]*(?P<v>[^|\n]*?)[ \t]*(?:\||$)"
    )
    return line, fields


def _head_fields(pack: RulePack) -> _HeadFields:
    line, fields = _label_table(pack, "head-fields")
    graded, graded_fields = _label_table(pack, "graded-head-fields")
    levels = pack.get("structure", "graded-levels", {})
    pats = levels.get("patterns", []) if isinstance(levels, Mapping) else []
    level = re.compile("|".join(f"(?:{p})" for p in pats), re.IGNORECASE) if pats else None
    return _HeadFields(line, fields, graded, graded_fields, level)


def head_labelled(doc: PostmortemDoc, pack: RulePack, head_end: int) -> set[str]:
    """The fields given by a label that names one only in the head ("Priority: P1" over
    an ITIL review's first section is its severity; an action item's "Priority: P2"
    further down is not): a line or a table row before ``head_end`` that opens with it,
    outside code, with a value that is no placeholder. A graded label ("Event
    classification") gives its field only over a level ("Level 2 - no harm")."""
    found = pack.derived(_head_fields)
    placeholders = {p.lower() for p in pack.words("structure", "placeholders")}
    out: set[str] = set()
    tables = ((found.line, found.fields, None), (found.graded, found.graded_fields, found.level))
    for line, fields, level in tables:
        if line is None or (fields is found.graded_fields and level is None):
            continue
        for m in line.finditer(doc.text, 0, head_end):
            value = m.group("v").strip().strip("*_").strip()
            if not value or value.lower() in placeholders or not _outside_code(doc, m.start()):
                continue
            if level is None or level.match(value):
                out.add(fields[" ".join(m.group("k").lower().split())])
    return out


def _head_end(doc: PostmortemDoc) -> int:
    """Where the document's head ends: its first section under the title, or its first
    lines when it has none."""
    title = doc.title_span
    return next(
        (
            s.heading.start
            for s in doc.sections
            if s.level >= 2 and (title is None or s.title_span.start != title.start)
        ),
        doc.lines.line_end(min(_HEAD_LINES, doc.lines.line_count - 1)),
    )


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
    parts = doc.analysis(structure_parts, template, pack)
    for fid in _label_lists(doc, parts):
        written.setdefault(fid, "label")
    if not {"severity", "status"} <= written.keys():
        for fid in scoped_labels(doc, pack, _head_end(doc)) | head_labelled(
            doc, pack, _head_end(doc)
        ):
            written.setdefault(fid, "label")
    if "authors" not in written and signed(doc, pack):
        written["authors"] = "signature"
    if "authors" not in written and sent_by(doc, pack):
        written["authors"] = "sender"
    equivalents = pack.get("structure", "field-equivalents", {})
    for fid, others in equivalents.items() if isinstance(equivalents, Mapping) else ():
        given = next((written[o] for o in others if o in written), None)
        if given is not None:
            written.setdefault(str(fid), given)
    if "date" not in written and (
        any(p.facts.dated_title for p in parts.parts) or (doc.title and find_date(doc.title))
    ):
        written["date"] = "title"  # the title, or a dated heading ("### 2025-03-14")
    texts = subtree_any(parts, [f.text for f in parts.sections])
    for sf, has in zip(parts.sections, texts, strict=True):
        if sf.field is not None and has:
            written.setdefault(sf.field, "heading")  # "## Status" over a paragraph about it
    in_text: set[str] = set()
    if "date" not in written and _dated_text(parts, pack):
        in_text.add("date")  # the source text: a date in code (`2022-04-28 10:34`) counts
    cues = pack.derived(_cues)
    asked = tuple(fid for fid in cues.patterns if fid not in written)
    if asked:
        in_text |= _parts_told(parts, cues, asked, pack)
        # the head as written too: a byline in HTML ("<div>1 August · by ...</div>") is no
        # block
        head = doc.text[: doc.lines.line_end(min(_HEAD_LINES, doc.lines.line_count - 1))]
        in_text |= _told_in([head], cues, [f for f in asked if f not in in_text])
        if "authors" in asked and "authors" not in in_text and bylined(doc, pack):
            in_text.add("authors")
    return FieldPresence(written, frozenset(in_text), file_date(source_name))
