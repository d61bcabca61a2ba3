"""One postmortem as a record: the few facts the cross-incident report counts.

A run over ten thousand postmortems must not hold ten thousand parsed documents: each file
is read, linted and parsed once (:func:`extract`), reduced to an :class:`IncidentRecord` of
plain values, and dropped. Nothing here parses by hand: the metadata comes from the parsed
document's fields, the times from the timeline model (:func:`timeline_of`), the action items
from the action-item extraction the PM30x rules use, the missing sections from the structure
rules' own test, and the findings from the engine. A figure the document does not give is
``None`` ("missing" in the report), never a guess.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pm_lsp.model.document import PostmortemDoc
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.parse.values import parse_date, parse_duration
from pm_lsp.policy.config import Config
from pm_lsp.rules.actions.items import action_items, labelled_regions, top_level
from pm_lsp.rules.spec import Diagnostic
from pm_lsp.rules.structure.checks import missing_required_sections
from pm_lsp.rules.timeline.model import UNDATED, Entry, timeline_of

#: sections (canonical ids) whose statements are causes
CAUSE_SECTIONS = ("root-cause", "contributing-factors")
#: finding categories that are about the lint run, not the writing
_NOT_WRITING = frozenset({"meta"})
_SEV = re.compile(r"(?i)\bsev(?:erity)?[\s_-]*(\d)\b")
_PLACEHOLDER = re.compile(r"(?i)^\s*(?:todo|tbd|fixme|n/?a|\?+|-+)?\s*$")
_QUARTER_DUE = re.compile(r"(?i)\bQ([1-4])\s*'?(\d{4}|\d{2})\b")
#: the longest action text kept in a record (the report shows the start of the item)
ACTION_TEXT_CHARS = 160


@dataclass(frozen=True, slots=True)
class ActionRecord:
    """One top-level action item. ``due`` is an ISO date, None when absent or unreadable."""

    text: str
    owner: str | None
    due: str | None
    ticket: str | None
    done: bool


@dataclass(frozen=True, slots=True)
class IncidentRecord:
    """What the report keeps of one postmortem (all plain, picklable values).

    Times are minutes. ``duration_source`` says where the duration came from: the
    document's Duration field ("stated"), else the timeline's impact start to resolution
    ("timeline"); None when neither gives one.
    """

    path: str
    title: str | None = None
    date: str | None = None
    severity: str | None = None
    status: str | None = None
    final: bool = False
    duration_minutes: float | None = None
    duration_source: str | None = None
    detect_minutes: float | None = None
    mitigate_minutes: float | None = None
    resolve_minutes: float | None = None
    cause_terms: tuple[str, ...] = ()
    actions: tuple[ActionRecord, ...] = ()
    missing_sections: tuple[str, ...] = ()
    #: (category, count) of the lint findings, sorted by category
    findings: tuple[tuple[str, int], ...] = ()
    #: why the file could not be read (then nothing else is known)
    skipped: str | None = None

    @property
    def day(self) -> dt.date | None:
        return dt.date.fromisoformat(self.date) if self.date else None


def extract(path: Path, display: str, config: Config, nlp: NLP) -> IncidentRecord:
    """Read, lint and reduce one file (the lint parses it; the record reuses that parse)."""
    from pm_lsp.engine import lint
    from pm_lsp.files import read_source

    src = read_source(path, config.max_file_size)
    if src.text is None:
        return IncidentRecord(display, skipped=src.skipped or "unreadable")
    result = lint(src.text, config, path=path, nlp=nlp)
    return record_of(result.doc, result.diagnostics, display, config, nlp)


def record_of(
    doc: PostmortemDoc, diagnostics: list[Diagnostic], display: str, config: Config, nlp: NLP
) -> IncidentRecord:
    """The record of a parsed, linted document."""
    template = config.template
    tl = timeline_of(doc, config.pack, template)
    m = tl.metrics
    stated = _field_value(doc, "duration")
    duration = parse_duration(stated) if stated else None
    source = "stated" if duration is not None else None
    if duration is None and m.time_to_resolve is not None:
        duration, source = m.time_to_resolve, "timeline"
    status = _field_value(doc, "status")
    return IncidentRecord(
        path=display,
        title=doc.title.strip() if doc.title else None,
        date=_incident_date(doc, tl.dated, [d for e in tl.entries if (d := _entry_day(e))]),
        severity=severity_label(_field_value(doc, "severity"), _severity_words(config)),
        status=status,
        final=status is not None and template.is_final(status),
        duration_minutes=_minutes(duration),
        duration_source=source,
        detect_minutes=_minutes(m.time_to_detect),
        mitigate_minutes=_minutes(m.time_to_mitigate),
        resolve_minutes=_minutes(m.time_to_resolve),
        cause_terms=_cause_terms(doc, config, nlp),
        actions=tuple(_actions(doc, config)),
        missing_sections=missing_required_sections(doc, template),
        findings=tuple(
            sorted(
                Counter(d.category for d in diagnostics if d.category not in _NOT_WRITING).items()
            )
        ),
    )


def _field_value(doc: PostmortemDoc, canonical: str) -> str | None:
    """A metadata value as written, None when absent or a placeholder ("TBD", "?")."""
    f = doc.field(canonical)
    if f is None or _PLACEHOLDER.match(f.value):
        return None
    return f.value.strip()


def severity_label(value: str | None, words: Mapping[str, str] | None = None) -> str | None:
    """``SEV-1``, ``Sev 1 (critical)`` and ``severity 1`` are ``SEV1``; a severity word of
    the team's (``words``, from ``rules/report.toml``: "Critical" is ``SEV1``) is its level;
    any other value is kept as its first word in upper case ("P1", "HIGH")."""
    if value is None:
        return None
    m = _SEV.search(value)
    if m is not None:
        return f"SEV{m.group(1)}"
    word = value.split()[0].strip(".,;:()") if value.split() else ""
    if words and word.lower() in words:
        return words[word.lower()]
    return word.upper() or None


def _severity_words(config: Config) -> dict[str, str]:
    table = config.pack.get("report", "severity-words", {})
    if not isinstance(table, Mapping):
        return {}
    return {str(k).lower(): str(v) for k, v in table.items()}


def _incident_date(doc: PostmortemDoc, dated: bool, entry_days: list[dt.date]) -> str | None:
    """The Date field, else the first dated timeline entry's day, as an ISO date."""
    stated = _field_value(doc, "date")
    day = parse_date(stated) if stated else None
    if day is None and dated and entry_days:
        day = min(entry_days)
    return day.isoformat() if day else None


def _entry_day(e: Entry) -> dt.date | None:
    """The day of a timed entry whose year is known: an entry written "Jan 14" in a
    timeline that never says the year is placed in the model's stand-in year
    (:data:`UNDATED`), which is no incident date."""
    if e.time is None or e.when.year == UNDATED.year:
        return None
    return e.when.date()


def _minutes(d: dt.timedelta | None) -> float | None:
    return None if d is None else round(d.total_seconds() / 60, 1)


def _cause_texts(doc: PostmortemDoc, config: Config) -> list[str]:
    """The prose of the Root cause and Contributing factors sections, and of label regions
    named like them ("**Root cause**: ..."), as masked block texts."""
    texts: list[str] = []
    seen: set[int] = set()
    spans = [s.body for s in doc.sections if s.canonical in CAUSE_SECTIONS]
    for label, span, _sec in labelled_regions(doc):
        if config.template.canonical_section(label) in CAUSE_SECTIONS:
            spans.append(span)
    for span in spans:
        for b in doc.blocks_between(span.start, span.end):
            if b.kind != "heading" and b.start not in seen:
                seen.add(b.start)
                texts.append(b.text)
    return texts


def _cause_terms(doc: PostmortemDoc, config: Config, nlp: NLP) -> tuple[str, ...]:
    from pm_lsp.report.terms import key_terms

    texts = _cause_texts(doc, config)
    return key_terms(texts, nlp, config.pack) if texts else ()


def _actions(doc: PostmortemDoc, config: Config) -> list[ActionRecord]:
    out: list[ActionRecord] = []
    for it in top_level(action_items(doc, config.pack)):
        owner = it.owner.value.strip() if it.has("owner") and it.owner else None
        ticket = it.ticket.value.strip() if it.has("ticket") and it.ticket else None
        due = _due_date(it.due.value) if it.has("due") and it.due else None
        text = " ".join(doc.text[it.start : it.end].split())
        out.append(ActionRecord(text[:ACTION_TEXT_CHARS], owner, due, ticket, it.done))
    return out


def _due_date(value: str) -> str | None:
    """A due date as an ISO date: a written date, or the last day of a quarter ("Q3 2025",
    "end of Q3 '25"); None when it names no day."""
    day = parse_date(value)
    if day is None:
        m = _QUARTER_DUE.search(value)
        if m is not None:
            year = int(m.group(2)) + (2000 if len(m.group(2)) == 2 else 0)
            q = int(m.group(1))
            day = dt.date(year + (q == 4), (q * 3) % 12 + 1, 1) - dt.timedelta(days=1)
    return day.isoformat() if day else None
