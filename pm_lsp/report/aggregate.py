"""The report's numbers: pure functions from records (and the day they are as of) to JSON.

Everything the HTML and Markdown pages show comes from :func:`aggregate`'s result, and the
JSON format is that result, so the three formats cannot disagree. Conventions:

* an incident's **date** places it in a month and a quarter ("2025-Q3"); the periods run
  without gaps from the first incident to the last, so a quiet quarter shows as 0;
* ``--since``/``--until`` select incidents by date (inclusive); an undated postmortem can
  be placed in no period, so it is counted only when neither is given;
* a time nobody wrote down is **missing**: medians are over the known values, and each
  says how many were known and how many missing;
* the **trend** of a metric in a quarter is its median minus the median of the nearest
  earlier quarter that has one (negative: faster);
* action items are counted at the top level of each document's lists and tables; "open"
  is every item not marked done; "overdue" is open with a due date before the as-of day.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pm_lsp.report.extract import IncidentRecord

REPORT_VERSION = 1
#: the incident times the report follows, and the record attribute of each
METRICS = {
    "duration": "duration_minutes",
    "time_to_detect": "detect_minutes",
    "time_to_mitigate": "mitigate_minutes",
    "time_to_resolve": "resolve_minutes",
}
#: severities whose postmortems must have every section the template requires
SEVERE = ("SEV0", "SEV1", "SEV2")
UNKNOWN = "unknown"
METHOD = (
    "Causes are grouped by shared key terms: spaCy's noun chunks from each Root cause and "
    'Contributing factors section, reduced to the lemmas of their nouns ("the expired '
    'certificates" gives "certificate", "connection pool exhaustion" gives '
    '"connection pool", "pool exhaustion" and "exhaustion"), without stop words and '
    'generic words such as "incident"; a term found in {min_documents} or more postmortems '
    "is a group, phrases listed before single nouns."
)


@dataclass(frozen=True)
class Options:
    """What the numbers depend on besides the records."""

    as_of: dt.date
    since: dt.date | None = None
    until: dt.date | None = None
    #: a postmortem not final this many days after the incident is overdue for review
    stale_days: int = 7
    #: an open action item without a ticket this many days after the incident is flagged
    ticket_days: int = 14
    min_documents: int = 2
    top: int = 15


def aggregate(records: Sequence[IncidentRecord], opts: Options) -> dict[str, Any]:
    """The whole report as JSON-ready data (see the module for the conventions)."""
    read = [r for r in records if r.skipped is None]
    chosen = [r for r in read if _selected(r, opts)]
    return {
        "version": REPORT_VERSION,
        "as_of": opts.as_of.isoformat(),
        "since": opts.since.isoformat() if opts.since else None,
        "until": opts.until.isoformat() if opts.until else None,
        "documents": {
            "read": len(read),
            "selected": len(chosen),
            "undated": sum(1 for r in chosen if r.day is None),
            "skipped": [{"path": r.path, "reason": r.skipped} for r in records if r.skipped],
        },
        "incidents": incidents(chosen),
        "times": times(chosen),
        "recurring_causes": recurring_causes(chosen, opts),
        "action_items": action_summary(chosen, opts),
        "process": process(chosen, opts),
    }


def _selected(r: IncidentRecord, opts: Options) -> bool:
    day = r.day
    if day is None:
        return opts.since is None and opts.until is None
    return (opts.since is None or day >= opts.since) and (opts.until is None or day <= opts.until)


def quarter_of(day: dt.date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def month_of(day: dt.date) -> str:
    return f"{day.year}-{day.month:02d}"


def _quarters(first: dt.date, last: dt.date) -> list[str]:
    out = []
    y, q = first.year, (first.month - 1) // 3
    while (y, q) <= (last.year, (last.month - 1) // 3):
        out.append(f"{y}-Q{q + 1}")
        y, q = (y + 1, 0) if q == 3 else (y, q + 1)
    return out


def _months(first: dt.date, last: dt.date) -> list[str]:
    out = []
    y, m = first.year, first.month
    while (y, m) <= (last.year, last.month):
        out.append(f"{y}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def periods(records: Iterable[IncidentRecord]) -> tuple[list[str], list[str]]:
    """The months and quarters from the first dated incident to the last, without gaps."""
    days = [d for r in records if (d := r.day) is not None]
    if not days:
        return [], []
    return _months(min(days), max(days)), _quarters(min(days), max(days))


def severity_order(names: Iterable[str]) -> list[str]:
    """SEV0, SEV1... first, other labels in alphabetical order, unknown last."""
    names = set(names)
    sev = sorted(n for n in names if n.startswith("SEV"))
    other = sorted(n for n in names if not n.startswith("SEV") and n != UNKNOWN)
    return sev + other + ([UNKNOWN] if UNKNOWN in names else [])


def incidents(chosen: Sequence[IncidentRecord]) -> dict[str, Any]:
    """Counts per severity, month and quarter, and one row per incident."""
    sev = Counter(r.severity or UNKNOWN for r in chosen)
    order = severity_order(sev)
    months, quarters = periods(chosen)
    per_month: dict[str, Counter[str]] = {m: Counter() for m in months}
    per_quarter: dict[str, Counter[str]] = {q: Counter() for q in quarters}
    for r in chosen:
        if (day := r.day) is not None:
            per_month[month_of(day)][r.severity or UNKNOWN] += 1
            per_quarter[quarter_of(day)][r.severity or UNKNOWN] += 1

    def table(counts: Mapping[str, Counter[str]]) -> dict[str, Any]:
        return {
            k: {"total": sum(c.values()), "by_severity": {s: c[s] for s in order}}
            for k, c in counts.items()
        }

    return {
        "total": len(chosen),
        "severities": order,
        "by_severity": {s: sev[s] for s in order},
        "per_month": table(per_month),
        "per_quarter": table(per_quarter),
        "list": [_row(r) for r in sorted(chosen, key=lambda r: (r.date or "9999", r.path))],
    }


def _row(r: IncidentRecord) -> dict[str, Any]:
    row: dict[str, Any] = {
        "path": r.path,
        "title": r.title,
        "date": r.date,
        "quarter": quarter_of(r.day) if r.day else None,
        "severity": r.severity,
        "status": r.status,
        "duration_source": r.duration_source,
    }
    for name, attr in METRICS.items():
        row[f"{name}_minutes"] = getattr(r, attr)
    return row


def _stat(values: Sequence[float | None]) -> dict[str, Any]:
    known = [v for v in values if v is not None]
    return {
        "median": round(statistics.median(known), 1) if known else None,
        "known": len(known),
        "missing": len(values) - len(known),
    }


def times(chosen: Sequence[IncidentRecord]) -> dict[str, Any]:
    """Medians of duration and time to detect / mitigate / resolve, overall and per
    quarter, with the trend against the previous quarter that has a median."""
    quarters = periods(chosen)[1]
    by_q: dict[str, list[IncidentRecord]] = {q: [] for q in quarters}
    for r in chosen:
        if (day := r.day) is not None:
            by_q[quarter_of(day)].append(r)
    per_quarter: dict[str, dict[str, Any]] = {
        q: {"incidents": len(rs)}
        | {m: _stat([getattr(r, a) for r in rs]) for m, a in METRICS.items()}
        for q, rs in by_q.items()
    }
    trend: dict[str, dict[str, float | None]] = {}
    for m in METRICS:
        prev: float | None = None
        trend[m] = {}
        for q in quarters:
            med = per_quarter[q][m]["median"]
            trend[m][q] = round(med - prev, 1) if med is not None and prev is not None else None
            prev = med if med is not None else prev
    return {
        "overall": {m: _stat([getattr(r, a) for r in chosen]) for m, a in METRICS.items()},
        "per_quarter": per_quarter,
        "trend": trend,
    }


def recurring_causes(chosen: Sequence[IncidentRecord], opts: Options) -> dict[str, Any]:
    """Key terms shared by at least ``min_documents`` postmortems: phrases, then single
    nouns, each largest group first. A term is left out when a longer term containing it
    names the same postmortems (it would say nothing more)."""
    docs: dict[str, set[str]] = defaultdict(set)
    for r in chosen:
        for t in r.cause_terms:
            docs[t].add(r.path)
    groups = {t: ps for t, ps in docs.items() if len(ps) >= opts.min_documents}
    kept = [
        t
        for t, ps in groups.items()
        if not any(o != t and _contains(o, t) and groups[o] == ps for o in groups)
    ]
    # phrases first: "certificate expiry" names a cause, a lone noun ("configuration") a
    # topic that unrelated causes share
    kept.sort(key=lambda t: (" " not in t, -len(groups[t]), -len(t.split()), t))
    return {
        "method": METHOD.format(min_documents=opts.min_documents),
        "groups": [
            {"term": t, "documents": len(groups[t]), "incidents": sorted(groups[t])}
            for t in kept[: opts.top]
        ],
    }


def _contains(longer: str, term: str) -> bool:
    return f" {term} " in f" {longer} "


def action_summary(chosen: Sequence[IncidentRecord], opts: Options) -> dict[str, Any]:
    """Open and done items, overdue ones, items without owner, per owner, and open items
    of incidents older than ``ticket_days`` that still have no ticket."""
    counts: Counter[str] = Counter()
    owners: dict[str, Counter[str]] = defaultdict(Counter)
    overdue: list[dict[str, Any]] = []
    no_ticket: list[dict[str, Any]] = []
    for r in chosen:
        for a in r.actions:
            counts["total"] += 1
            late = not a.done and a.due is not None and dt.date.fromisoformat(a.due) < opts.as_of
            counts["done" if a.done else "open"] += 1
            if a.owner is not None:
                owners[a.owner]["done" if a.done else "open"] += 1
                owners[a.owner]["overdue"] += late
            if a.done:
                continue
            counts["open_with_ticket" if a.ticket else "open_without_ticket"] += 1
            counts["open_without_owner"] += a.owner is None
            counts["open_without_due_date"] += a.due is None
            item = {"path": r.path, "item": a.text, "owner": a.owner, "due": a.due}
            if late:
                counts["overdue"] += 1
                overdue.append(item)
            day = r.day
            if a.ticket is None and day is not None and (opts.as_of - day).days > opts.ticket_days:
                no_ticket.append(item | {"incident_date": r.date})
    keys = ("total", "done", "open", "open_with_ticket", "open_without_ticket", "overdue")
    rest = ("open_without_owner", "open_without_due_date")
    return {k: counts[k] for k in keys + rest} | {
        "per_owner": {
            o: {"open": c["open"], "done": c["done"], "overdue": c["overdue"]}
            for o, c in sorted(owners.items(), key=lambda kv: (-kv[1]["open"], kv[0].lower()))
        },
        "overdue_items": overdue,
        "old_incidents_without_ticket": no_ticket,
    }


def process(chosen: Sequence[IncidentRecord], opts: Options) -> dict[str, Any]:
    """Postmortems not final ``stale_days`` after the incident, severe incidents missing a
    required section, and the lint findings per family per document and quarter."""
    stale = []
    for r in chosen:
        day = r.day
        if not r.final and day is not None and (opts.as_of - day).days > opts.stale_days:
            stale.append(
                {
                    "path": r.path,
                    "status": r.status,
                    "date": r.date,
                    "days": (opts.as_of - day).days,
                }
            )
    missing = [
        {"path": r.path, "severity": r.severity, "sections": list(r.missing_sections)}
        for r in chosen
        if r.severity in SEVERE and r.missing_sections
    ]
    return {"not_final": stale, "severe_missing_sections": missing, "findings": findings(chosen)}


def findings(chosen: Sequence[IncidentRecord]) -> dict[str, Any]:
    """Findings per family: per document, in total, and per document on average in each
    quarter (the writing's own quality trend)."""
    families = sorted({f for r in chosen for f, _n in r.findings})
    per_doc = []
    for r in sorted(chosen, key=lambda r: r.path):
        c = dict(r.findings)
        per_doc.append(
            {"path": r.path, "total": sum(c.values())} | {f: c.get(f, 0) for f in families}
        )
    quarters = periods(chosen)[1]
    sums: dict[str, Counter[str]] = {q: Counter() for q in quarters}
    n: Counter[str] = Counter()
    for r in chosen:
        if (day := r.day) is not None:
            q = quarter_of(day)
            n[q] += 1
            sums[q].update(dict(r.findings))
    return {
        "families": families,
        "per_document": per_doc,
        "per_family": {f: sum(d[f] for d in per_doc) for f in families},
        "per_quarter_mean": {
            q: {f: round(sums[q][f] / n[q], 2) if n[q] else None for f in families}
            for q in quarters
        },
    }
