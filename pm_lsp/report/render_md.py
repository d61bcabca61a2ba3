"""The report as Markdown, for pasting into the quarterly review document: the same numbers
as the HTML page and the JSON (:func:`pm_lsp.report.aggregate.aggregate`), as tables."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from pm_lsp.report.aggregate import METRICS


def _cell(v: object) -> str:
    if v is None:
        return "missing"
    text = f"{v:g}" if isinstance(v, float) else str(v)
    return text.replace("|", "\\|").replace("\n", " ")


def _table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    out = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    if len(out) == 2:
        out.append("| " + " | ".join(["none"] + [""] * (len(headers) - 1)) + " |")
    return [*out, ""]


Link = Callable[[str], str]


def _linker(data: dict[str, Any]) -> Link:
    """Links to the files, each named by its incident's title when it has one."""
    titles = {r["path"]: r["title"] for r in data["incidents"]["list"] if r["title"]}

    def link(path: str) -> str:
        label = (titles.get(path) or path).replace("[", "\\[").replace("]", "\\]")
        return f"[{label}](<{path}>)"

    return link


def render_markdown(data: dict[str, Any]) -> str:
    """The whole report as Markdown."""
    docs = data["documents"]
    link = _linker(data)
    lines = [
        "# Postmortem review",
        "",
        f"As of {data['as_of']}; {docs['read']} postmortems read, {docs['selected']} in the "
        f"report ({docs['undated']} without a date, {len(docs['skipped'])} skipped).",
        "",
    ]
    for part in (_incidents, _times, _causes, _actions, _process):
        lines += part(data, link)
    return "\n".join(lines).rstrip() + "\n"


def _incidents(data: dict[str, Any], _link: Link) -> list[str]:
    inc = data["incidents"]
    sevs = inc["severities"]
    lines = ["## Incidents", "", f"{inc['total']} incidents.", ""]
    lines += _table(
        ["Quarter", *sevs, "Total"],
        (
            [q, *(v["by_severity"][s] for s in sevs), v["total"]]
            for q, v in inc["per_quarter"].items()
        ),
    )
    lines += _table(
        ["Incident", "Date", "Severity", "Status", "Duration", "Detect", "Mitigate", "Resolve"],
        (
            [_link(r["path"]), r["date"], r["severity"] or "unknown", r["status"]]
            + [r[f"{m}_minutes"] for m in METRICS]
            for r in inc["list"]
        ),
    )
    return lines


def _times(data: dict[str, Any], _link: Link) -> list[str]:
    t = data["times"]
    headers = ["Quarter", "Incidents"] + [f"{m} median (change)" for m in METRICS]
    rows = []
    for q, v in t["per_quarter"].items():
        row: list[object] = [q, v["incidents"]]
        for m in METRICS:
            change = t["trend"][m][q]
            med = _cell(v[m]["median"])
            row.append(med if change is None else f"{med} ({change:+g})")
        rows.append(row)
    return ["## Response times (minutes)", "", *_table(headers, rows)]


def _causes(data: dict[str, Any], _link: Link) -> list[str]:
    rc = data["recurring_causes"]
    return [
        "## Recurring causes",
        "",
        rc["method"],
        "",
        *_table(
            ["Term", "Postmortems", "Incidents"],
            (
                [g["term"], g["documents"], ", ".join(_link(p) for p in g["incidents"])]
                for g in rc["groups"]
            ),
        ),
    ]


def _actions(data: dict[str, Any], _link: Link) -> list[str]:
    a = data["action_items"]
    keys = ["total", "done", "open", "open_with_ticket", "open_without_ticket", "overdue"]
    keys += ["open_without_owner", "open_without_due_date"]
    lines = [
        "## Action items",
        "",
        *_table(["", "Items"], ([k.replace("_", " "), a[k]] for k in keys)),
    ]
    lines += _table(
        ["Owner", "Open", "Overdue", "Done"],
        ([o, c["open"], c["overdue"], c["done"]] for o, c in a["per_owner"].items()),
    )
    for title, key in (
        ("Overdue", "overdue_items"),
        ("Open, no ticket, incident older than two weeks", "old_incidents_without_ticket"),
    ):
        lines += [f"### {title}", ""]
        lines += _table(
            ["Incident", "Action item", "Owner", "Due"],
            ([_link(i["path"]), i["item"], i["owner"], i["due"]] for i in a[key]),
        )
    return lines


def _process(data: dict[str, Any], _link: Link) -> list[str]:
    p = data["process"]
    f = p["findings"]
    fams = f["families"]
    return [
        "## Process",
        "",
        "### Not final more than 7 days after the incident",
        "",
        *_table(
            ["Postmortem", "Status", "Incident date", "Days since"],
            ([_link(s["path"]), s["status"], s["date"], s["days"]] for s in p["not_final"]),
        ),
        "### SEV0-SEV2 postmortems missing a required section",
        "",
        *_table(
            ["Postmortem", "Severity", "Missing sections"],
            (
                [_link(m["path"]), m["severity"], ", ".join(m["sections"])]
                for m in p["severe_missing_sections"]
            ),
        ),
        "### Lint findings per postmortem",
        "",
        *_table(
            ["Postmortem", *fams, "Total"],
            ([_link(r["path"]), *(r[x] for x in fams), r["total"]] for r in f["per_document"]),
        ),
    ]
