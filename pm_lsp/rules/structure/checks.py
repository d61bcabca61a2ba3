"""Structure rules (PM201-PM204): the parts and metadata the active template requires.

Where a document writes each part (headings, labels, table rows, front matter) and tells it
in prose is :mod:`pm_lsp.rules.structure.concepts`; where it gives each metadata field is
:mod:`pm_lsp.rules.structure.fields`. With no template configured (adoption mode) only the
core parts warn. Fixes insert the template's skeleton for a missing or empty section and
``TODO`` metadata lines: placeholders, so the fixes are unsafe (never applied by a plain
``--fix``), and the placeholders stay flagged until they are filled in.
"""

from __future__ import annotations

import bisect
import datetime as dt
import difflib
import re
from collections.abc import Iterator, Mapping
from typing import NamedTuple

from pm_lsp.model.document import MetaField, PostmortemDoc
from pm_lsp.parse.insertion import safe_insertion_point
from pm_lsp.parse.values import date_readings, parse_date, parse_duration
from pm_lsp.policy.rulepack import RulePack
from pm_lsp.policy.templates import FieldSpec, SectionSpec, Template, normalise_value
from pm_lsp.rules.actions.items import action_groups, placeholder_note
from pm_lsp.rules.spec import Edit, Finding, Fix, RuleContext, Severity, rule
from pm_lsp.rules.structure.blanks import placeholder_notes
from pm_lsp.rules.structure.concepts import presence, starts_as_placeholder
from pm_lsp.rules.structure.fields import FieldPresence, field_presence
from pm_lsp.rules.structure.parts import MEDIA, Parts, below_any, structure_parts
from pm_lsp.rules.structure.specs import (
    empty_section,
    invalid_metadata,
    missing_metadata,
    missing_section,
)
from pm_lsp.rules.timeline.model import zone_in_use


def _newline(doc: PostmortemDoc) -> str:
    m = re.search(r"\r\n|\r|\n", doc.text)
    return m.group(0) if m else "\n"


def _anchor(doc: PostmortemDoc) -> tuple[int, int]:
    """Where document-level findings point: the title, else the first line."""
    if doc.title_span is not None:
        return doc.title_span.start, doc.title_span.end
    return 0, doc.lines.line_end(0)


def _present(doc: PostmortemDoc, spec: SectionSpec) -> bool:
    ids = {spec.id, *spec.satisfied_by}
    return any(s.canonical in ids for s in doc.sections)


def missing_required_sections(doc: PostmortemDoc, template: Template) -> tuple[str, ...]:
    """The ids of the sections ``template`` requires that ``doc`` lacks, in template order:
    what PM201 reports, as data (the cross-incident report reads it whatever the rule
    selection). A required subsection counts only when its parent is present, since a
    missing parent is reported itself."""
    out: list[str] = []
    for spec in template.sections:
        if not spec.required or _present(doc, spec):
            continue
        if spec.parent is not None and not doc.sections_named(spec.parent):
            continue
        out.append(spec.id)
    return tuple(out)


def _skeleton(ctx: RuleContext, spec: SectionSpec, nl: str, level: int) -> str:
    body = _skeleton_body(ctx, spec) or "TODO"
    body = body.replace("\n", nl)
    return f"{'#' * level} {spec.title}{nl}{nl}{body}{nl}"


def _skeleton_body(ctx: RuleContext, spec: SectionSpec) -> str:
    """The template's skeleton of a section, its time-zone placeholder filled with the zone
    the document already writes its times in (a Timeline skeleton saying "All times UTC"
    in a document told in Pacific time would state a falsehood); left for the writer when
    the document names no zone, or several."""
    body = spec.skeleton or ctx.template.skeletons.get(spec.id, "")
    placeholder = str(ctx.pack.family("structure").get("zone-placeholder", ""))
    if not placeholder or placeholder not in body:
        return body
    zone = zone_in_use(ctx.doc, ctx.pack, ctx.template)
    return body if zone is None else body.replace(placeholder, _zone_words(zone))


def _zone_words(zone: str) -> str:
    """A zone as the skeleton's sentence says it: "UTC", "UTC+02:00", "Pacific time"."""
    if zone[:1] in "+-":
        return f"UTC{zone}"
    if zone.isupper() or any(c.isdigit() for c in zone) or zone.lower().endswith(" time"):
        return zone
    return f"{zone} time"


def _insertion_point(doc: PostmortemDoc, template: Template, spec: SectionSpec) -> int | None:
    """Before the first present section that the template orders after ``spec``, else at
    the end; None if the end lies in a fence or comment never closed (nowhere to insert)."""
    order = [s.id for s in template.sections]
    later = set(order[order.index(spec.id) + 1 :])
    for s in doc.sections:
        if s.canonical in later and s.level <= 2:
            return s.heading.start
    return safe_insertion_point(doc, len(doc.text))


def _ends_with_blank_line(s: str) -> bool:
    tail = s[-16:].replace("\r\n", "\n").replace("\r", "\n")
    return bool(re.search(r"\n[ \t]*\n[ \t]*$", tail))


def _insert_text(doc: PostmortemDoc, at: int, block: str) -> str:
    """``block`` separated by blank lines from what comes before and after ``at``."""
    nl = _newline(doc)
    before = doc.text[:at].lstrip("\ufeff")
    if before and not before.endswith(("\n", "\r")):
        block = nl + nl + block
    elif before.strip() and not _ends_with_blank_line(before):
        block = nl + block
    if at < len(doc.text):
        block = block + nl
    return block


def _plain_title(pack: RulePack, section_id: str) -> str:
    """The vocabulary's own name of a part ("Summary", not a template's "Executive
    Summary"): adoption mode asks for the part, not for a template's heading."""
    spec = pack.family("vocabulary").get("sections", {}).get(section_id, {})
    return str(spec.get("title", section_id)) if isinstance(spec, dict) else section_id


def _weight(ctx: RuleContext, core: bool, in_prose: bool) -> tuple[Severity | None, str] | None:
    """How a missing part is reported: (severity, message key), or None for not at all.

    Adoption mode (no template configured): a core part no form and no sentence tells is a
    warning, another part is suggested at ``info``, a part told in prose is not reported.
    With a template: a part no form tells is a warning, one told only in prose ``info``.
    """
    if not ctx.template_configured:
        if in_prose:
            return None
        return (None, "missing-core") if core else (Severity.INFO, "suggested-section")
    return (Severity.INFO, "told-in-prose") if in_prose else (None, "missing-section")


@rule(missing_section)
def check_missing_section(ctx: RuleContext) -> Iterator[Finding]:
    """PM201: a part the template asks for that no heading, label, table row or front-matter
    key writes (see :mod:`pm_lsp.rules.structure.concepts`). The fix inserts the
    template's skeleton, placeholders included, so it is never safe."""
    doc, template, pack = ctx.doc, ctx.template, ctx.pack
    found = ctx.analysis(presence, template, pack)
    core = set(pack.words("structure", "core"))
    nl = _newline(doc)
    a, b = _anchor(doc)
    for spec in template.sections:
        ids = (spec.id, *spec.satisfied_by)
        if not spec.required or found.has(ids) is not None:
            continue
        if any(i in found.unfilled for i in ids):
            continue  # its heading is there, empty or a skeleton: PM202 reports it
        weight = _weight(ctx, spec.id in core, any(i in found.in_prose for i in ids))
        if weight is None:
            continue
        severity, key = weight
        if spec.parent is not None:
            parents = doc.sections_named(spec.parent)
            if not parents or found.has((spec.parent,)) is None:
                continue  # the parent itself is reported, or is written as a label
            parent = parents[0]
            at = safe_insertion_point(doc, parent.body.end)
            level = parent.level + 1
            message = pack.message(
                "structure",
                "missing-subsection",
                title=spec.title,
                parent=parent.title,
                template=template.name,
            )
            start, end = parent.title_span.start, parent.title_span.end
        else:
            at = _insertion_point(doc, template, spec)
            level = spec.level
            title = _plain_title(pack, spec.id) if key == "missing-core" else spec.title
            message = pack.message("structure", key, title=title, template=template.name)
            start, end = a, b
        fix = None
        if at is not None:
            text = _insert_text(doc, at, _skeleton(ctx, spec, nl, level))
            fix = Fix(f"Insert section skeleton: {spec.title}", (Edit(at, at, text),), False)
        yield Finding(start, end, message, fix=fix, data={"section": spec.id}, severity=severity)


#: what makes a section without prose not empty: an image or an HTML table
_OTHER_CONTENT = MEDIA


def _other_content(text: str) -> list[tuple[int, int]]:
    """Spans of every occurrence of the :data:`_OTHER_CONTENT` strings, in order: the
    matches of ``re.finditer(r"!\\[|<img|<table", text)`` (none of the three can overlap
    another or itself), found with ``str.find``, which is several times faster."""
    out: list[tuple[int, int]] = []
    for lit in _OTHER_CONTENT:
        i = text.find(lit)
        while i >= 0:
            out.append((i, i + len(lit)))
            i = text.find(lit, i + len(lit))
    out.sort()
    return out


class _Fill(NamedTuple):
    """What a section's body holds besides headings (table header cells left out: a
    table's header over empty rows is a skeleton, not content). A named tuple: one is
    built per section and per subsection on every lint."""

    texts: int = 0  #: how many blocks
    headers: bool = False  #: a table header in it
    placeholders: bool = True  #: every block a placeholder (:attr:`BlockFacts.placeholder`)
    italic: bool = True  #: every block in italics
    prompt: bool = False  #: one block a prompt's tell: with ``italic``, the template's guidance


def _plus(a: _Fill, b: _Fill) -> _Fill:
    """The fill of two stretches of a body together."""
    return _Fill(
        a.texts + b.texts,
        a.headers or b.headers,
        a.placeholders and b.placeholders,
        a.italic and b.italic,
        a.prompt or b.prompt,
    )


_EMPTY = _Fill()


def _fills(parts: Parts) -> list[_Fill]:
    """Per section (in ``doc.sections`` order): the :class:`_Fill` of its body. A body is
    the section's own content and its subsections' headings and bodies, so each is its own
    content's fill (memoised with its part,
    :class:`~pm_lsp.rules.structure.parts.SectionFacts`) plus its children's, folded from
    the last section up."""
    out: list[_Fill] = [_EMPTY] * len(parts.sections)
    for i in range(len(out) - 1, -1, -1):
        f = parts.sections[i]
        own = f.fill
        fill = _Fill(headers=f.headers) if own is None else _Fill(own[0], f.headers, *own[1:])
        for c in parts.children[i]:
            fill = _plus(fill, out[c])
        out[i] = fill
    return out


def _part_data(ctx: RuleContext, canonical: str | None) -> dict[str, str] | None:
    """What an empty heading leaves missing: ``{"section": id}`` when the document tells
    its part nowhere else (the heading was its only place), ``{"heading": id}`` when it
    does (a label, another heading, the prose)."""
    if canonical is None:
        return None
    found = ctx.analysis(presence, ctx.template, ctx.pack)
    told = canonical in found.written or canonical in found.in_prose
    return {"heading" if told else "section": canonical}


@rule(empty_section)
def check_empty_section(ctx: RuleContext) -> Iterator[Finding]:
    """PM202: a heading with no content, or a section still holding template placeholders.

    Kept in one piece: the two findings share one walk over the sections and their blocks, and
    the order of the tests (nested sections, fields, placeholders) is what tells an empty
    section from a filled one."""
    doc, pack, template = ctx.doc, ctx.pack, ctx.template
    parts = ctx.analysis(structure_parts, template, pack)
    fills = _fills(parts)
    # per section: its facts and where its part starts
    own = [(f, p.lo) for p in parts.parts for f in p.facts.sections]
    nl = _newline(doc)
    # Code regions, found once and bisected per section; images and HTML tables in a body
    # from the parts' facts (each section's own content and heading), folded up the
    # subsections.
    code_starts = sorted(r.start for r in doc.code_regions)
    media = below_any(
        parts,
        [f.media for f in parts.sections],
        [f.media or f.heading_media for f in parts.sections],
    )
    for s, (facts, lo), held, fill in zip(doc.sections, own, media, fills, strict=True):
        if s.level == 1 and s is doc.sections[0] and s.parent is None and s.title == doc.title:
            continue  # the document title owns the whole document
        if not s.title.strip():
            continue  # "## " while typing: no section yet, nothing to name in a message
        if _thread_header(pack, s.title):
            continue  # a comment's header: its words follow at the commenter's levels
        body = s.body
        i = bisect.bisect_left(code_starts, body.start)
        if i < len(code_starts) and code_starts[i] < body.end:
            continue  # code in the body
        if held:
            continue  # an image or an HTML table in the body
        if not fill.texts and not fill.headers:
            fix = None
            spec = next((x for x in template.sections if x.id == s.canonical), None)
            if spec is not None and (spec.skeleton or template.skeletons.get(spec.id)):
                skel = _skeleton_body(ctx, spec).replace("\n", nl)
                at = s.heading.end
                fix = Fix(
                    f"Insert section skeleton: {spec.title}", (Edit(at, at, nl + nl + skel),), False
                )
            yield Finding(
                s.title_span.start,
                s.title_span.end,
                pack.message("structure", "empty-section", title=s.title),
                fix=fix,
                data=_part_data(ctx, s.canonical),
            )
        elif fill.placeholders or (fill.italic and fill.prompt):
            yield Finding(
                s.title_span.start,
                s.title_span.end,
                pack.message("structure", "placeholder-section", title=s.title),
                data=_part_data(ctx, s.canonical),
            )
        elif (
            left := _placeholder_left(ctx, facts.placeholders, lo, s.canonical == "action-items")
        ) is not None:
            # partly filled in: reported once, at the first placeholder left, the words to
            # replace (action items have their own per-cell rules, PM302-PM305)
            at, word = left
            yield Finding(
                at,
                at + len(word),
                pack.message("structure", "placeholder-left", title=s.title, word=word),
            )


def _placeholder_left(
    ctx: RuleContext, placeholders: tuple[tuple[int, str], ...], lo: int, actions: bool
) -> tuple[int, str] | None:
    """Where the first placeholder word in a section's own content outside its action items
    starts, and the word (``placeholders``: the word left in each block holding one, as
    (start relative to ``lo``, word)). A
    "TBD" in an action item's owner or due cell is that item's missing field, which
    PM302-PM305 report on the item: it does not make a section of real rows (a
    "Remediation" table under a heading that names the response) a placeholder. In an
    action section (``actions``) only a list line that is a note to fill in ("[TODO: link
    the graph]", :func:`placeholder_note`) is one (act42): the items' own fields are
    PM302-PM305's."""
    if not placeholders:
        return None
    if actions:
        starts = [b.start for b in ctx.doc.blocks]
        notes = []
        for at, word in placeholders:
            i = bisect.bisect_right(starts, lo + at) - 1
            b = ctx.doc.blocks[i] if i >= 0 else None
            if b is not None and b.item_start is not None and placeholder_note(b.text, ctx.pack):
                notes.append((at, word))
        placeholders = tuple(notes)
    spans = [
        (g.table.start, g.table.end) if g.table is not None else (i.start, i.end)
        for g in action_groups(ctx.doc, ctx.pack)
        for i in ((g.items[0],) if g.table is not None else g.items)
    ]
    for at, word in placeholders:
        if not any(a <= lo + at < e for a, e in spans):
            return lo + at, word
    return None


def _metadata_insertion(
    doc: PostmortemDoc, spec: FieldSpec, nl: str, value: str
) -> tuple[int | None, str]:
    """Where a line for a missing field goes, in the style the document already uses.

    After the last ``**Field**: value`` line above the first section; else inside valid
    front matter (a ``key: TODO`` line before the closing ``---`` of YAML, ``key = "TODO"``
    before the closing ``+++`` of TOML; never a Markdown line in it); else under the title
    (after a setext title's underline, not between the two);
    else at the top (after a byte order mark).
    """
    first_section = next((s.heading.start for s in doc.sections if s.level >= 2), len(doc.text))
    lines = [
        f for f in doc.metadata if f.source != "front-matter" and f.key_span.start < first_section
    ]
    line_text = f"**{spec.label}**: {value}"
    if lines:
        last = max(lines, key=lambda f: f.value_span.end)
        at = doc.lines.line_end(doc.lines.line_of(last.value_span.end))
        return at, nl + line_text
    fm = doc.front_matter
    if fm is not None and doc.front_matter_error is None:
        closing = doc.lines.starts[doc.lines.line_of(fm.end)]
        if doc.text.startswith("+++", fm.start):  # TOML: a quoted string
            quoted = value.replace("\\", "\\\\").replace('"', '\\"')
            return closing, f'{spec.id} = "{quoted}"{nl}'
        return closing, f"{spec.id}: {value}{nl}"
    if doc.title_span is not None and (fm is None or doc.title_span.start >= fm.end):
        under = safe_insertion_point(doc, doc.lines.line_end(doc.lines.line_of(doc.title_span.end)))
        return under, _own_paragraph(doc, under, nl + nl + line_text, nl)
    if fm is not None:
        return fm.end, _own_paragraph(doc, fm.end, nl + nl + line_text, nl)
    return safe_insertion_point(doc, 0), line_text + nl + nl


def _own_paragraph(doc: PostmortemDoc, at: int | None, text: str, nl: str) -> str:
    """``text`` inserted at the end of a line, with a blank line after it when the next
    line holds text: the metadata line must not join the paragraph below (a title directly
    followed by prose)."""
    if at is None:
        return text
    line = doc.lines.line_of(at) + 1
    if line < doc.lines.line_count and doc.lines.line_text(line).strip():
        return text + nl
    return text


def _field_weight(
    ctx: RuleContext, fid: str, found: FieldPresence
) -> tuple[Severity | None, str, str] | None:
    """How a field ``doc.metadata`` lacks is reported: (severity, message key, value for
    the message), or None when the document gives it (in its title, say).

    The file name's date is named at ``info`` in both modes; a field told only in the
    text is not reported in adoption mode and is ``info`` with a template; a field given
    nowhere is ``info`` in adoption mode (most real postmortems have no Severity or
    Status) and a warning once a template asks for it.
    """
    if fid in found.written:
        return None
    if fid == "date" and found.file_date is not None:
        return Severity.INFO, "field-in-file-name", found.file_date
    if fid in found.in_text:
        return (Severity.INFO, "field-in-text", "") if ctx.template_configured else None
    return (None if ctx.template_configured else Severity.INFO), "missing-field", ""


@rule(missing_metadata)
def check_missing_metadata(ctx: RuleContext) -> Iterator[Finding]:
    """PM203: a field the template asks for that the document does not give, or gives
    as a placeholder. The fix adds a ``TODO`` line (the file name's date when that is all
    there is): never safe, a placeholder is not metadata."""
    doc, template, pack = ctx.doc, ctx.template, ctx.pack
    placeholders = {p.lower() for p in pack.words("structure", "placeholders")}
    note = pack.derived(placeholder_notes)
    found = ctx.analysis(field_presence, template, pack, ctx.source_name)
    nl = _newline(doc)
    a, b = _anchor(doc)
    for spec in template.fields:
        if not spec.required:
            continue
        f = doc.field(spec.id)
        if f is None:
            weight = _field_weight(ctx, spec.id, found)
            if weight is None:
                continue
            severity, key, value = weight
            at, text = _metadata_insertion(doc, spec, nl, value or "TODO")
            fix = None
            if at is not None:
                fix = Fix(f"Add metadata line: {spec.label}", (Edit(at, at, text),), False)
            yield Finding(
                a,
                b,
                pack.message("structure", key, label=spec.label, value=value),
                fix=fix,
                data={"field": spec.id},
                severity=severity,
            )
        elif f.value.strip() and _unfilled(f.value.strip(), placeholders, note):
            yield Finding(
                f.value_span.start,
                max(f.value_span.end, f.value_span.start),
                pack.message("structure", "placeholder-field", label=spec.label),
                severity=None if ctx.template_configured else Severity.INFO,
            )


#: the numeric date an ambiguous value holds, to replace by the reading the author picks
_NUMERIC_DATE = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}")


def _ambiguous_date(
    text: str,
    f: MetaField,
    spec: FieldSpec,
    value: str,
    readings: tuple[dt.date, ...],
    pack: RulePack,
) -> Finding:
    """``03/10/2021``: both readings offered as unsafe fixes (only the author knows)."""
    written = text[f.value_span.start : f.value_span.end]
    m = _NUMERIC_DATE.search(written)
    at = f.value_span.start + (m.start() if m else 0)
    end = f.value_span.start + (m.end() if m else len(written))
    first, second = (d.isoformat() for d in readings)
    return Finding(
        f.value_span.start,
        f.value_span.end,
        pack.message(
            "structure", "ambiguous-date", label=spec.label, value=value, first=first, second=second
        ),
        fix=Fix(f"Read it as {first}", (Edit(at, end, first),), False),
        data={
            "other-fixes": [
                {"title": f"Read it as {second}", "start": at, "end": end, "text": second}
            ]
        },
    )


def _status_key(pack: RulePack, template: Template, key: str, value: str) -> tuple[str, str]:
    """The message key of a Status outside the list, and the status it is nearest to: the
    incident's state ("Resolved") is told apart, a misspelt status ("Finnal") is told the
    one meant (:func:`_nearest_status`); any other key is kept, with no nearest status."""
    if key != "invalid-status":
        return key, ""
    if _incident_status(pack, value):
        return "incident-status", ""
    near = _nearest_status(template, template.status_word(value))
    return ("invalid-status", "") if near is None else ("invalid-status-near", near)


def _nearest_status(template: Template, word: str) -> str | None:
    """The template's status that ``word`` misspells ("Finnal" -> "Final", "Aproved" ->
    "Approved"; a common word for one, ``status-synonyms``, counts as that status): the
    closest by :func:`difflib.get_close_matches` at a ratio of 0.8 or more, else None, so
    that a value that is no status at all ("Banana", "Parked") is only listed against."""
    options = {v.lower(): v for v in template.status_values}
    options.update((k.lower(), v) for k, v in template.status_synonyms.items())
    got = difflib.get_close_matches(word.lower(), list(options), n=1, cutoff=0.8)
    return options[got[0]] if got else None


def _outside_the_list(
    template: Template,
    spec: FieldSpec,
    value: str,
    words: frozenset[str] = frozenset(),
    labels: Mapping[str, int] | None = None,
    told: str | None = None,
) -> str | None:
    """The message key when a Status or Severity is not one of the template's values.
    ``words``: severity words also accepted (lower case), see :func:`_severity_words`;
    ``labels``: the words a numbered level may carry and the level each names
    (:func:`_numbered_level`); a label far from its number is reported
    (:func:`_contradicted`); ``told``: the one level a sentence in the value names
    (:func:`_level_told`), which is the Severity."""
    labels = labels or {}
    if spec.type == "status" and template.status_values and not template.is_valid_status(value):
        return "invalid-status"
    if spec.type != "severity" or not template.severity_values:
        return None
    first = value.split()[0].strip("()[],.;:")
    contradicted = _contradicted(value, labels)
    if contradicted is not None and _bare_level(template, str(contradicted[2])):
        return "contradicted-severity"  # a level on the scale, its label naming another
    if contradicted is not None or not (
        template.is_valid_severity(value)
        or template.is_valid_severity(first)
        or first.lower() in words
        or _bare_level(template, first)
        or _numbered_level(template, value, labels)
        or _numbered_level(template, _before_note(value), labels)
        or (contradicted is None and told is not None)
    ):
        return "invalid-severity"
    return None


#: a word of a field's value, an apostrophe or a hyphen inside it ("we're", "SEV-1")
_VALUE_WORD = re.compile(r"[\w'\u2019-]+")


def _level_told(pack: RulePack, template: Template, value: str) -> str | None:
    """The level a Severity told in a sentence names ("we're treating this one as a SEV-2
    for now", "treated as SEV2 by the on-call lead"): a word, or a word and the next
    ("Sev 1"), that is a level of the template's scale, when the sentence (three words or
    more) names exactly one and no word of ``severity-denials`` denies it ("not a SEV-1
    yet"). A short value is judged as written; two levels name no one Severity."""
    words = _VALUE_WORD.findall(value)
    if len(words) < 3:
        return None
    denials = {w.lower() for w in pack.words("structure", "severity-denials")}
    if any(w.lower().replace("\u2019", "'") in denials for w in words):
        return None
    levels: dict[str, str] = {}
    for i, w in enumerate(words):
        for cand in (w, f"{w} {words[i + 1]}" if i + 1 < len(words) else ""):
            if cand and template.is_valid_severity(cand):
                levels[normalise_value(cand)] = cand
    return next(iter(levels.values())) if len(levels) == 1 else None


#: a remark in brackets at the end of a field's value: two words or more, no bracket inside
_NOTE = re.compile(r"\s*\((?=[^()\n]*\w\W+\w)[^()\n]{3,120}\)\s*$")


def _before_note(value: str) -> str:
    """``value`` without a bracketed remark of two words or more at its end ("Sev 1 (hub
    station affected)", "Category 2 (loss of telemetry, no loss of supply)"): a level with a
    note on its scope is that level. A single word in brackets is a label and is checked
    as one ("Severity 2 (whenever)" is still reported)."""
    m = _NOTE.search(value)
    return value[: m.start()] if m is not None and m.start() > 0 else value


def _scheme_tail(pack: RulePack) -> re.Pattern[str] | None:
    """The name of the scheme a level is graded on, after the level ("... under the
    company's incident classification", "... per our matrix (billing only)"): a link word
    of ``severity-scheme-links``, up to six words, a noun of ``severity-scheme-nouns``
    (``rules/structure.toml``), a bracketed note optional, to the end of the value.
    Compiled once per pack."""
    links = sorted(pack.words("structure", "severity-scheme-links"), key=len, reverse=True)
    nouns = sorted(pack.words("structure", "severity-scheme-nouns"), key=len, reverse=True)
    if not links or not nouns:
        return None
    link = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in links)
    noun = "|".join(re.escape(w) for w in nouns)
    return re.compile(
        rf"(?i)[ \t]*,?[ \t]+(?:{link})[ \t]+(?:[\w'’&./-]+[ \t]+){{0,6}}?(?:{noun})\b"
        r"(?:[ \t]*\([^()\n]{1,120}\))?[ \t]*[.;]?$"
    )


def _without_scheme(pack: RulePack, spec: FieldSpec, value: str) -> str:
    """A Severity without the name of the scheme it is graded on (:func:`_scheme_tail`):
    "Severity 1 under the company's incident classification" is the level "Severity 1",
    as "SEV-1 (...)" is. Other fields, and a value that is the scheme's name alone, are
    judged as written."""
    tail = pack.derived(_scheme_tail) if spec.type == "severity" else None
    m = tail.search(value) if tail is not None else None
    return value[: m.start()] if m is not None and m.start() > 0 else value


def _own_scale(pack: RulePack) -> re.Pattern[str] | None:
    """A level written on one of the pack's other scales (``severity-scales`` in
    ``rules/structure.toml``): the scale's name, a number, a label after it optional
    ("Priority 1", "P2", "Level 2 (Moderate harm potential)", "Tier 3 - internal").
    Regulators and organisations also grade by letter or by Roman numeral ("Category A",
    "Class II"): one capital letter of ``severity-scale-letters`` or a numeral up to V,
    apart from the name and ending there, so "Cats" or "Class action" are no level.
    Compiled once per pack."""
    names = sorted(pack.words("structure", "severity-scales"), key=len, reverse=True)
    if not names:
        return None
    alt = "|".join(re.escape(n) for n in names)
    letters = "".join(re.escape(c) for c in pack.words("structure", "severity-scale-letters"))
    graded = rf"|[ \t.:#_-]+(?-i:[{letters}]|I{{1,3}}|IV|V)\b" if letters else ""
    return re.compile(
        rf"(?i)(?:{alt})(?:[ \t.:#_-]*\d{{1,2}}{graded})"
        r"(?:(?:[ \t]*[-\u2013\u2014:/,][ \t]*|[ \t]*\([ \t]*|[ \t]+)"
        r"[^\W\d_][\w '’/&-]{0,48}\)?)?[ \t]*"
    )


def _bare_level(template: Template, value: str) -> bool:
    """A bare number in a Severity field ("sev: 1") is that level of the template's
    SEV scale ("SEV1"): the field's name already says "severity". Only on a scale written
    as SEVn, and only a level the scale has ("9" on SEV0-SEV5 is still reported)."""
    return value.isdigit() and template.is_valid_severity(f"SEV{value}")


#: a level written with a number, its name before it and a label after it optional
#: ("Severity 1 (Critical)", "Level 2 - Major", "S3", "Sev. 2 / High", "SEV1 Low",
#: "Severity level 2")
_NUMBERED_LEVEL = re.compile(
    r"(?i)(?:sev(?:erity)?(?:[\s.:_-]*(?:level|lvl))?|level|lvl|s)?[\s.:_-]*(\d)"
    r"(?:(?:\s*[-\u2013\u2014:/,]\s*|\s*\(\s*|\s+)([a-z][a-z ]{0,20}?)\s*\)?)?\s*"
)


def _numbered_level(template: Template, value: str, labels: Mapping[str, int]) -> bool:
    """Is the Severity a level of the template's SEVn scale written with its number and,
    optionally, the name the organisation's matrix gives it ("Severity 1 (Critical)",
    "Level 2 - Major")? The number must be on the scale and the label, when there is
    one, a severity word or one of the template's values: "Severity 1 (banana)" and
    "Severity 9" are still reported."""
    m = _NUMBERED_LEVEL.fullmatch(value.strip())
    if m is None or not _bare_level(template, m.group(1)):
        return False
    label = m.group(2)
    return label is None or label.lower() in labels or template.is_valid_severity(label)


def _contradicted(value: str, labels: Mapping[str, int]) -> tuple[str, int, int] | None:
    """The label, the level it names and the level written, when the label after a
    numbered level names another level ("Sev 1 - low", "S3 / Critical", "SEV1 (minor)").
    Each severity word names a level of the SEV scale (``[severity-words]``: critical
    SEV1, low SEV4); matrices differ by a step ("Severity 1 (High)", "Severity 2
    (Critical)" agree), two steps or more apart they contradict."""
    m = _NUMBERED_LEVEL.fullmatch(value.strip())
    if m is None or m.group(2) is None:
        return None
    named = labels.get(m.group(2).lower())
    level = int(m.group(1))
    if named is None or abs(named - level) <= 1:
        return None
    return m.group(2).strip(), named, level


def _level_labels(pack: RulePack) -> dict[str, int]:
    """The severity words of ``[severity-words]`` in ``rules/report.toml`` (lower case),
    each with the number of the SEV level it names: the labels a numbered level may carry,
    whether or not a template is configured."""
    table = pack.get("report", "severity-words", {})
    if not isinstance(table, Mapping):
        return {}
    out: dict[str, int] = {}
    for word, level in table.items():
        digits = re.search(r"\d+", str(level))
        if digits is not None:
            out[str(word).lower()] = int(digits.group(0))
    return out


def _incident_status(pack: RulePack, value: str) -> bool:
    """Is the Status the incident's state ("Resolved", "Mitigated") rather than the
    document's? (``incident-statuses`` in ``rules/structure.toml``)."""
    low = value.lower()
    return any(
        re.match(rf"{re.escape(w.lower())}\b", low) is not None
        for w in pack.words("structure", "incident-statuses")
    )


def _severity_words(ctx: RuleContext) -> frozenset[str]:
    """The severity words the project reads as levels (``[severity-words]`` of
    ``rules/report.toml``: "Critical", "Major", "Minor", "High", "Medium", "Moderate",
    "Low"), accepted while no template is configured: the standard template's SEV0-SEV5
    is then only a suggestion, and a team
    writing its incidents on that scale is on a scale the report already reads. With a
    template configured its list is the contract. A word the table does not hold
    ("Severe", "Urgent") has no level to be read as: a team adds its words to the table in
    its pack. A number on another named scale ("Priority 1") is accepted apart
    (:func:`_own_scale`)."""
    if ctx.template_configured:
        return frozenset()
    table = ctx.pack.get("report", "severity-words", {})
    return frozenset(str(k).lower() for k in table) if isinstance(table, Mapping) else frozenset()


#: a status icon opening a value ("✅ Resolved", "🟡 In review"): no word of the value
_VALUE_ICON = re.compile(
    "(?:[\u2139\u231a-\u23ff\u24c2\u25aa-\u27bf\u2b05-\u2b55\U0001f000-\U0001faff]\ufe0f?[ \t]*)+"
)


def _judged_value(f: MetaField) -> tuple[str, tuple[int, int]]:
    """A field's value as PM204 judges it, and its span: past a status icon it opens
    with, so "✅ Resolved" is read (and quoted) as "Resolved"."""
    value = f.value.strip()
    icon = _VALUE_ICON.match(value)
    if icon is None or icon.end() == len(value) or not value[icon.end()].isalnum():
        return value, (f.value_span.start, f.value_span.end)  # "🔥🚒 👩‍💻" is all picture
    return value[icon.end() :], (f.value_span.start + icon.end(), f.value_span.end)


#: a value wholly in brackets, as a form's blank is marked ("[TBD]", "(TODO)", "<tbc>")
_BRACKETED = re.compile(
    r"\[[ \t]*([^\[\]]*?)[ \t]*\]|\([ \t]*([^()]*?)[ \t]*\)|<[ \t]*([^<>]*?)[ \t]*>"
)


def _unfilled(value: str, placeholders: set[str], note: re.Pattern[str] | None) -> bool:
    """Is a field's value empty or a placeholder ("TBD", "<severity>"), bare or in the
    brackets a form marks its blanks with ("[TBD]", "(TODO)"), or does it open with a blank
    left in brackets (``note``: "[NAME], Platform team", "<insert owner>", "[To be
    confirmed]")? PM202 and PM203 speak of those; PM204 judges only a value written."""
    if not value or value.lower() in placeholders or starts_as_placeholder(value):
        return True
    bare = value.strip("*_ \t")
    m = _BRACKETED.fullmatch(bare)
    inner = next((g for g in m.groups() if g is not None), "") if m else None
    if inner is not None and (inner.lower() in placeholders or starts_as_placeholder(inner)):
        return True
    if note is None:
        return False
    # a form's blank in any brackets is read as one in square brackets ("<insert owner>")
    return note.match(f"[{inner}]" if inner is not None else bare) is not None


@rule(invalid_metadata)
def check_invalid_metadata(ctx: RuleContext) -> Iterator[Finding]:
    doc, template, pack = ctx.doc, ctx.template, ctx.pack
    placeholders = {p.lower() for p in pack.words("structure", "placeholders")}
    note = pack.derived(placeholder_notes)
    if doc.front_matter is not None and doc.front_matter_error:
        yield Finding(
            doc.front_matter.start,
            doc.front_matter.start + 3,
            pack.message("structure", "invalid-front-matter", error=doc.front_matter_error),
        )
    types = {f.id: f for f in template.fields}
    # the allowed Status and Severity values are a template's: a suggestion until one is set
    chosen = None if ctx.template_configured else Severity.INFO
    words, labels = _severity_words(ctx), _level_labels(pack)
    # until a template is set, a level on the team's own scale ("Priority 1") is accepted
    scale = None if ctx.template_configured else pack.derived(_own_scale)
    for f in doc.metadata:
        spec = types.get(f.canonical or "")
        written, span = _judged_value(f)
        value = _without_scheme(pack, spec, written) if spec is not None else written
        if spec is None or _unfilled(value, placeholders, note):
            continue
        told = _level_told(pack, template, value) if spec.type == "severity" else None
        if spec.type == "date" and len(readings := date_readings(value)) == 2:
            yield _ambiguous_date(doc.text, f, spec, value, readings, pack)
        elif (
            key := _outside_the_list(template, spec, value, words, labels, told)
        ) is not None and not (
            key == "invalid-severity"
            and scale is not None
            and (scale.fullmatch(value) or scale.fullmatch(_before_note(value)))
        ):
            allowed = (
                template.status_values if key == "invalid-status" else template.severity_values
            )
            key, near = _status_key(pack, template, key, value)
            label, named, level = _contradicted(value, labels) or ("", 0, 0)
            yield Finding(
                *span,
                pack.message(
                    "structure",
                    key,
                    # a Status that says two things is quoted by its status, as PM304 does
                    # ("Pending" of "Pending, see notes"): the rest is a note
                    value=template.status_word(value) if "-status" in key else written,
                    allowed=", ".join(allowed),
                    label=label,
                    named=named,
                    level=level,
                    near=near,
                ),
                severity=chosen,
            )
        elif spec.type == "date" and parse_date(value) is None:
            yield Finding(
                *span, pack.message("structure", "invalid-date", label=spec.label, value=value)
            )
        elif spec.type == "duration" and _unreadable_duration(pack, value):
            yield Finding(*span, pack.message("structure", "invalid-duration", value=value))


def _unreadable_duration(pack: RulePack, value: str) -> bool:
    """Does the Duration state no length? A length ("47 minutes") states one, and so do the
    clock times it spans ("21:40-00:18 CEST", "from about 21:40 until 00:18"): the reader
    works the length out from them (``duration-ranges`` in ``rules/structure.toml``)."""
    if parse_duration(value) is not None:
        return False
    return not any(p.search(value) for p in pack.derived(_duration_ranges))


def _thread_header(pack: RulePack, title: str) -> bool:
    """Is ``title`` the header of one comment in a discussion thread ("@lee commented on 3
    May")? Such a heading is no part of the write-up, and the comment under it often goes on
    under shallower headings of its own, so it is no empty section (``thread-headers`` in
    ``rules/structure.toml``)."""
    return any(p.search(title) for p in pack.derived(_thread_headers))


def _thread_headers(pack: RulePack) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in pack.words("structure", "thread-headers"))


def _duration_ranges(pack: RulePack) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in pack.words("structure", "duration-ranges"))


RULES = (check_missing_section, check_empty_section, check_missing_metadata, check_invalid_metadata)
