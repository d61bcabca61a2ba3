"""The report as one self-contained HTML page: inline CSS and inline SVG charts, no script,
no external resource, so it opens offline and can be attached or archived as one file.

Charts (:mod:`pm_lsp.report.charts`) are there for what people would rather see than read;
every number is also in a table, and every incident links to its file (relative to where
the page is written). A figure the postmortem did not give reads "missing".
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import quote

from pm_lsp.report.aggregate import METRICS

MISSING = '<span class="missing">missing</span>'
_CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;color:#1f2933;
background:#f5f7fa;line-height:1.45}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{margin:0 0 4px}h2{margin-top:40px;border-bottom:2px solid #d9e2ec;padding-bottom:4px}
.meta{color:#52606d}.missing{color:#9aa5b1;font-style:italic}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:20px 0}
.card{background:#fff;border-radius:8px;padding:12px 18px;box-shadow:0 1px 3px #0002;
flex:1 1 110px}
.card b{display:block;font-size:26px}.card span{color:#52606d;font-size:13px}
.chart{background:#fff;border-radius:8px;box-shadow:0 1px 3px #0002;margin:16px 0;padding:8px}
.chart svg{width:100%;height:auto}
table{border-collapse:collapse;background:#fff;margin:12px 0;width:100%;font-size:14px}
th,td{border:1px solid #d9e2ec;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#e4e7eb}td.n{text-align:right;font-variant-numeric:tabular-nums}
.bad{color:#b42318;font-weight:600}.good{color:#2f7d32}
"""


def render_html(data: dict[str, Any], link_base: Path | None = None) -> str:
    """The whole page. ``link_base`` is the folder the page will be opened from (file links
    are made relative to it); default: the working folder."""
    from pm_lsp.report.charts import all_charts

    page = _Page(data, all_charts(data), link_base or Path.cwd())
    body = "\n".join(
        [
            page.header(),
            page.incidents(),
            page.times(),
            page.causes(),
            page.actions(),
            page.process(),
        ]
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>Postmortem review</title><style>{_CSS}</style></head>"
        f"<body><main>\n{body}\n</main></body></html>\n"
    )


def _num(v: float | int | None, unit: str = "") -> str:
    if v is None:
        return MISSING
    text = f"{v:g}" if isinstance(v, float) else str(v)
    return escape(text + unit)


def _trend(v: float | None) -> str:
    if v is None:
        return "&ndash;"
    cls = "bad" if v > 0 else "good" if v < 0 else ""
    return f'<span class="{cls}">{v:+g}</span>'


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]], numeric: int = 0) -> str:
    """A table of pre-escaped cells; the last ``numeric`` columns are right-aligned."""
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    out = [f"<table><thead><tr>{head}</tr></thead><tbody>"]
    n = len(headers)
    for row in rows:
        cells = "".join(
            f'<td class="n">{c}</td>' if i >= n - numeric else f"<td>{c}</td>"
            for i, c in enumerate(row)
        )
        out.append(f"<tr>{cells}</tr>")
    if len(out) == 1:
        out.append(f'<tr><td colspan="{n}" class="missing">none</td></tr>')
    out.append("</tbody></table>")
    return "".join(out)


class _Page:
    """The page's parts, one method per section."""

    def __init__(self, data: dict[str, Any], charts: dict[str, str | None], base: Path) -> None:
        self.d = data
        self.charts = charts
        self.base = base
        self.titles = {r["path"]: r["title"] for r in data["incidents"]["list"]}

    def link(self, path: str) -> str:
        target = Path(path) if os.path.isabs(path) else Path.cwd() / path
        try:
            href = os.path.relpath(target, self.base)
        except ValueError:  # another drive
            href = str(target)
        label = self.titles.get(path) or path
        return (
            f'<a href="{escape(quote(Path(href).as_posix()))}" title="{escape(path)}">'
            f"{escape(label)}</a>"
        )

    def chart(self, name: str) -> str:
        svg = self.charts.get(name)
        return f'<div class="chart" id="chart-{name}">{svg}</div>' if svg else ""

    def header(self) -> str:
        d, docs = self.d, self.d["documents"]
        period = f"{d['since'] or 'first incident'} to {d['until'] or 'last incident'}"
        overall = d["times"]["overall"]
        a = d["action_items"]
        cards = [
            (str(d["incidents"]["total"]), "incidents"),
            (_num(overall["time_to_detect"]["median"], " min"), "median time to detect"),
            (_num(overall["time_to_mitigate"]["median"], " min"), "median time to mitigate"),
            (_num(overall["time_to_resolve"]["median"], " min"), "median time to resolve"),
            (str(a["open"]), "open action items"),
            (str(a["overdue"]), "overdue action items"),
        ]
        skipped = f", {len(docs['skipped'])} skipped" if docs["skipped"] else ""
        return (
            "<h1>Postmortem review</h1>"
            f'<p class="meta">As of {escape(d["as_of"])}; incidents from {escape(period)}. '
            f"{docs['read']} postmortems read, {docs['selected']} in the report "
            f"({docs['undated']} without a date){skipped}.</p>"
            '<div class="cards">'
            + "".join(f"<div class=card><b>{v}</b><span>{escape(k)}</span></div>" for v, k in cards)
            + "</div>"
        )

    def incidents(self) -> str:
        inc = self.d["incidents"]
        sevs = inc["severities"]
        per_q = _table(
            ["Quarter", *sevs, "Total"],
            (
                [escape(q), *(str(v["by_severity"][s]) for s in sevs), str(v["total"])]
                for q, v in inc["per_quarter"].items()
            ),
            numeric=len(sevs) + 1,
        )
        return "<h2>Incidents</h2>" + self.chart("incidents") + per_q

    def per_incident(self) -> str:
        """One row per incident with its times (under the response-time medians)."""
        rows = (
            [
                self.link(r["path"]),
                escape(r["date"]) if r["date"] else MISSING,
                escape(r["severity"] or "unknown"),
                escape(r["status"]) if r["status"] else MISSING,
                *(_num(r[f"{m}_minutes"]) for m in METRICS),
            ]
            for r in self.d["incidents"]["list"]
        )
        return (
            "<h3>Per incident</h3>"
            "<p>Minutes per incident; <i>missing</i> where the postmortem does not say.</p>"
            + _table(
                [
                    "Incident",
                    "Date",
                    "Severity",
                    "Status",
                    "Duration",
                    "Detect",
                    "Mitigate",
                    "Resolve",
                ],
                rows,
                numeric=4,
            )
        )

    def times(self) -> str:
        t = self.d["times"]
        names = {"duration": "Duration", "time_to_detect": "Detect"}
        names |= {"time_to_mitigate": "Mitigate", "time_to_resolve": "Resolve"}
        rows = []
        for q, v in t["per_quarter"].items():
            row = [escape(q), str(v["incidents"])]
            for m in METRICS:
                s = v[m]
                row.append(f"{_num(s['median'])} ({s['known']}/{s['known'] + s['missing']})")
                row.append(_trend(t["trend"][m][q]))
            rows.append(row)
        headers = ["Quarter", "Incidents"]
        for m in METRICS:
            headers += [f"{names[m]} median (known/all)", "vs previous"]
        return (
            "<h2>Response times</h2>"
            + self.chart("times")
            + _table(headers, rows, numeric=len(headers) - 1)
            + self.per_incident()
        )

    def causes(self) -> str:
        rc = self.d["recurring_causes"]
        rows = (
            [
                escape(g["term"]),
                str(g["documents"]),
                ", ".join(self.link(p) for p in g["incidents"]),
            ]
            for g in rc["groups"]
        )
        return (
            "<h2>Recurring causes</h2>"
            f"<p>{escape(rc['method'])}</p>"
            + self.chart("causes")
            + _table(["Term", "Postmortems", "Incidents"], rows)
        )

    def actions(self) -> str:
        a = self.d["action_items"]
        labels = {"total": "All items", "done": "Done", "open": "Open"}
        labels |= {
            "open_with_ticket": "Open, with ticket",
            "open_without_ticket": "Open, no ticket",
        }
        labels |= {"overdue": "Overdue", "open_without_owner": "Open, no owner"}
        labels |= {"open_without_due_date": "Open, no due date"}
        summary = _table(["", "Items"], ([escape(v), str(a[k])] for k, v in labels.items()), 1)
        owners = _table(
            ["Owner", "Open", "Overdue", "Done"],
            (
                [escape(o), str(c["open"]), str(c["overdue"]), str(c["done"])]
                for o, c in a["per_owner"].items()
            ),
            numeric=3,
        )
        return (
            "<h2>Action items</h2>"
            + self.chart("actions")
            + summary
            + "<h3>Per owner</h3>"
            + owners
            + "<h3>Overdue</h3>"
            + self._items(a["overdue_items"])
            + "<h3>Open, no ticket, incident older than two weeks</h3>"
            + self._items(a["old_incidents_without_ticket"])
        )

    def _items(self, items: list[dict[str, Any]]) -> str:
        return _table(
            ["Incident", "Action item", "Owner", "Due"],
            (
                [
                    self.link(i["path"]),
                    escape(i["item"]),
                    escape(i["owner"]) if i["owner"] else MISSING,
                    escape(i["due"]) if i["due"] else MISSING,
                ]
                for i in items
            ),
        )

    def process(self) -> str:
        p = self.d["process"]
        stale = _table(
            ["Postmortem", "Status", "Incident date", "Days since"],
            (
                [
                    self.link(s["path"]),
                    escape(s["status"]) if s["status"] else MISSING,
                    escape(s["date"]),
                    str(s["days"]),
                ]
                for s in p["not_final"]
            ),
            numeric=1,
        )
        missing = _table(
            ["Postmortem", "Severity", "Missing sections"],
            (
                [self.link(m["path"]), escape(m["severity"]), escape(", ".join(m["sections"]))]
                for m in p["severe_missing_sections"]
            ),
        )
        f = p["findings"]
        fams = f["families"]
        per_doc = _table(
            ["Postmortem", *fams, "Total"],
            (
                [self.link(r["path"]), *(str(r[x]) for x in fams), str(r["total"])]
                for r in f["per_document"]
            ),
            numeric=len(fams) + 1,
        )
        return (
            "<h2>Process</h2><h3>Not final more than 7 days after the incident</h3>"
            + stale
            + "<h3>SEV0-SEV2 postmortems missing a required section</h3>"
            + missing
            + "<h3>Lint findings (the writing's own quality)</h3>"
            + self.chart("findings")
            + per_doc
        )
