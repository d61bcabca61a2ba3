"""The HTML report's charts, drawn by pygal as inline SVG.

pygal is pure Python with no compiled dependencies (the ``pm-lsp[report]`` extra), and
renders each chart to an SVG document that a browser draws without any script: the report
asks for no JavaScript (``js=[]``), so nothing is fetched when the page is opened and the
file works offline, attached to an email or in a ticket. Each function takes the numbers of
:func:`pm_lsp.report.aggregate.aggregate` and returns one ``<svg>`` element as text, or None
when there is nothing to draw.
"""

from __future__ import annotations

import re
from typing import Any

#: the severity colours, most severe first; other labels take the later ones
PALETTE = (
    "#b42318", "#e8590c", "#f2a93b", "#4c9a2a", "#2f6f9f", "#7a5195", "#8a8f98", "#3d405b",
)  # fmt: skip
#: action-item states: done, open with a ticket, open without one
STATE_COLOURS = ("#4c9a2a", "#2f6f9f", "#b42318")
#: the three response-time lines: detect, mitigate, resolve
TIME_COLOURS = ("#2f6f9f", "#7a5195", "#4c9a2a")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
#: pygal always writes its tooltip script's configuration into the chart; with no script
#: loaded to read it, it is dead weight (and the page promises to run nothing)
_SCRIPT = re.compile(r"<script\b.*?</script>", re.S)


def charts_available() -> bool:
    """Is pygal installed (``pip install 'pm-lsp[report]'``)?"""
    try:
        import pygal  # noqa: F401
    except ImportError:
        return False
    return True


def _config(title: str, colours: tuple[str, ...] = PALETTE, **extra: Any) -> dict[str, Any]:
    from pygal.style import Style

    style = Style(
        background="white",
        plot_background="white",
        foreground="#1f2933",
        foreground_strong="#1f2933",
        foreground_subtle="#8a8f98",
        colors=colours,
        font_family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
        title_font_size=16,
        label_font_size=12,
        legend_font_size=12,
        value_font_size=11,
    )
    return {
        "title": title,
        "style": style,
        "js": [],  # no script, nothing fetched: the page works offline
        "disable_xml_declaration": True,
        "explicit_size": False,  # a viewBox only: the chart scales with the page
        "width": 760,
        "height": 340,
        "legend_at_bottom": True,
        "legend_at_bottom_columns": 4,
        "print_zeroes": False,
        "no_data_text": "no data",
        **extra,
    }


def _rotation(labels: list[str]) -> dict[str, Any]:
    """Quarter labels slanted when there are too many to stand side by side."""
    return {"x_label_rotation": 40} if len(labels) > 8 else {}


def _svg(chart: Any) -> str:
    """The chart's ``<svg>`` element, without pygal's credit comments and script
    configuration."""
    return _SCRIPT.sub("", _COMMENT.sub("", str(chart.render(is_unicode=True))))


def incidents_per_quarter(data: dict[str, Any]) -> str | None:
    """Stacked bars: incidents per quarter, one colour per severity."""
    import pygal

    per_q = data["incidents"]["per_quarter"]
    if not per_q:
        return None
    chart = pygal.StackedBar(
        **_config("Incidents per quarter by severity", **_rotation(list(per_q)))
    )
    chart.x_labels = list(per_q)
    top = max(v["total"] for v in per_q.values())
    if top <= 20:  # whole incidents on the axis, not 0.2 steps
        chart.y_labels = list(range(top + 1))
    for sev in data["incidents"]["severities"]:
        chart.add(sev, [per_q[q]["by_severity"].get(sev, 0) for q in per_q])
    return _svg(chart)


def response_trend(data: dict[str, Any]) -> str | None:
    """Lines: median minutes to detect, mitigate and resolve per quarter (a gap where no
    incident of the quarter gave the figure)."""
    import pygal

    per_q = data["times"]["per_quarter"]
    if not per_q:
        return None
    chart = pygal.Line(
        **_config(
            "Median minutes per quarter (MTTD / MTTM / MTTR)",
            TIME_COLOURS,
            y_title="minutes",
            stroke_style={"width": 3},
            dots_size=4,
            **_rotation(list(per_q)),
        )
    )
    chart.x_labels = list(per_q)
    for key, label in (
        ("time_to_detect", "to detect"),
        ("time_to_mitigate", "to mitigate"),
        ("time_to_resolve", "to resolve"),
    ):
        chart.add(label, [per_q[q][key]["median"] for q in per_q])
    return _svg(chart)


def action_status(data: dict[str, Any]) -> str | None:
    """A ring: action items done, open with a ticket, open without one."""
    import pygal

    a = data["action_items"]
    if not a["total"]:
        return None
    chart = pygal.Pie(
        **_config(
            f"Action items ({a['total']}; {a['overdue']} overdue)",
            STATE_COLOURS,
            inner_radius=0.45,
            print_values=True,
        )
    )
    chart.add("done", a["done"])
    chart.add("open, with ticket", a["open_with_ticket"])
    chart.add("open, no ticket", a["open_without_ticket"])
    return _svg(chart)


def recurring_causes(data: dict[str, Any]) -> str | None:
    """Horizontal bars: the largest recurring-cause groups by number of postmortems."""
    import pygal

    groups = data["recurring_causes"]["groups"][:10]
    if not groups:
        return None
    chart = pygal.HorizontalBar(
        **_config(
            "Top recurring cause terms (postmortems)",
            ("#2f6f9f",),
            show_legend=False,
            print_values=True,
            height=max(200, 40 + 30 * len(groups)),
        )
    )
    ordered = list(reversed(groups))  # pygal draws the first value at the bottom
    chart.x_labels = [g["term"] for g in ordered]
    top = max(g["documents"] for g in groups)
    if top <= 20:  # whole postmortems on the axis
        chart.y_labels = list(range(top + 1))
    chart.add("postmortems", [g["documents"] for g in ordered])
    return _svg(chart)


def findings_trend(data: dict[str, Any]) -> str | None:
    """Lines: lint findings per postmortem per quarter, one line per rule family."""
    import pygal

    f = data["process"]["findings"]
    per_q = f["per_quarter_mean"]
    if not per_q or not f["families"]:
        return None
    chart = pygal.Line(
        **_config(
            "Findings per postmortem by rule family",
            stroke_style={"width": 2},
            **_rotation(list(per_q)),
        )
    )
    chart.x_labels = list(per_q)
    for fam in f["families"]:
        chart.add(fam, [per_q[q][fam] for q in per_q])
    return _svg(chart)


def all_charts(data: dict[str, Any]) -> dict[str, str | None]:
    """Every chart by name (None: nothing to draw)."""
    return {
        "incidents": incidents_per_quarter(data),
        "times": response_trend(data),
        "actions": action_status(data),
        "causes": recurring_causes(data),
        "findings": findings_trend(data),
    }
