"""``pm-lint report`` on a corpus the team wrote (tests/data/report_corpus/): 13 postmortems,
12 dated across the four quarters of 2025 and one undated, with known figures.

Every expected number below was worked out by hand from the files (the dates, severities,
statuses, Duration fields, timeline rows and action-item tables), not computed by the code:
the report is "as of" 2026-01-15. The one exception is the lint findings per family, which
are compared with the engine's own diagnostics for the same file (they depend on every
rule's judgment, and each rule is tested on its own elsewhere).
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from pm_lsp.cli.report_command import main as report_main
from pm_lsp.engine import lint
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.policy.config import ConfigResolver
from pm_lsp.report.extract import _due_date, severity_label

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).resolve().parent / "data" / "report_corpus"
AS_OF = "2026-01-15"

A01 = "2025-01-api-certificate.md"
A02 = "2025-02-orders-database.md"
A03 = "2025-03-search-indexing.md"
B01 = "2025-04-cdn-certificate.md"
B02 = "2025-05-queue-backlog.md"
B03 = "2025-06-checkout-pool.md"
C01 = "2025-07-resolver-cache.md"
C02 = "2025-08-mail-certificate.md"
C03 = "2025-09-log-volume.md"
D01 = "2025-10-pool-leak.md"
D02 = "2025-11-dns-ttl.md"
D03 = "2025-12-config-push.md"
UND = "undated-wiki-outage.md"


@pytest.fixture
def in_corpus() -> Iterator[None]:
    """Run from the corpus folder, so the report names files by their own names."""
    old = Path.cwd()
    os.chdir(CORPUS)
    try:
        yield
    finally:
        os.chdir(old)


def _report(nlp: NLP, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    rc = report_main([*args, "--as-of", AS_OF, "--isolated", "."], out, err, nlp=nlp)
    return rc, out.getvalue(), err.getvalue()


@pytest.fixture
def data(nlp: NLP, in_corpus: None) -> dict[str, Any]:
    rc, out, err = _report(nlp, "--format", "json")
    assert rc == 0, err
    assert err == ""  # not a terminal: no progress bar, nothing else
    result: dict[str, Any] = json.loads(out)
    return result


def test_documents_and_incident_counts(data: dict[str, Any]) -> None:
    assert data["documents"] == {"read": 13, "selected": 13, "undated": 1, "skipped": []}
    inc = data["incidents"]
    assert inc["total"] == 13
    assert inc["by_severity"] == {"SEV1": 3, "SEV2": 4, "SEV3": 5, "SEV4": 1}
    assert inc["per_quarter"] == {
        "2025-Q1": {"total": 3, "by_severity": {"SEV1": 1, "SEV2": 1, "SEV3": 1, "SEV4": 0}},
        "2025-Q2": {"total": 3, "by_severity": {"SEV1": 0, "SEV2": 2, "SEV3": 1, "SEV4": 0}},
        "2025-Q3": {"total": 3, "by_severity": {"SEV1": 1, "SEV2": 0, "SEV3": 1, "SEV4": 1}},
        "2025-Q4": {"total": 3, "by_severity": {"SEV1": 1, "SEV2": 1, "SEV3": 1, "SEV4": 0}},
    }
    months = inc["per_month"]
    assert list(months) == [f"2025-{m:02d}" for m in range(1, 13)]
    assert all(v["total"] == 1 for v in months.values())
    assert months["2025-02"]["by_severity"] == {"SEV1": 1, "SEV2": 0, "SEV3": 0, "SEV4": 0}
    assert months["2025-09"]["by_severity"] == {"SEV1": 0, "SEV2": 0, "SEV3": 0, "SEV4": 1}


def test_times_per_incident(data: dict[str, Any]) -> None:
    """(date, severity, status, duration, its source, detect, mitigate, resolve)."""
    want = {
        A01: ("2025-01-14", "SEV2", "Final", 45, "stated", 10, 30, 45),
        A02: ("2025-02-03", "SEV1", "Final", 120, "stated", 20, 60, 120),
        A03: ("2025-03-20", "SEV3", "Final", 60, "timeline", 30, None, 60),
        B01: ("2025-04-08", "SEV2", "Final", 90, "stated", 40, 60, 90),
        B02: ("2025-05-12", "SEV3", "In Review", 30, "stated", None, 10, 30),
        B03: ("2025-06-30", "SEV2", "Draft", 90, "stated", 15, 45, 90),
        C01: ("2025-07-15", "SEV1", "Final", 180, "stated", 45, 120, 180),
        C02: ("2025-08-02", "SEV3", "Reviewed", 20, "stated", 5, 15, 20),
        C03: ("2025-09-09", "SEV4", "Final", None, None, None, None, None),
        D01: ("2025-10-21", "SEV2", "Final", 60, "stated", 10, 40, 60),
        D02: ("2025-11-18", "SEV1", "In Review", 240, "stated", 60, 180, 240),
        D03: ("2025-12-29", "SEV3", "Draft", 15, "stated", 5, 10, 15),
        UND: (None, "SEV3", "Draft", 25, "stated", None, None, None),
    }
    got = {
        r["path"]: (
            r["date"],
            r["severity"],
            r["status"],
            r["duration_minutes"],
            r["duration_source"],
            r["time_to_detect_minutes"],
            r["time_to_mitigate_minutes"],
            r["time_to_resolve_minutes"],
        )
        for r in data["incidents"]["list"]
    }
    assert got == want
    assert [r["path"] for r in data["incidents"]["list"]][-1] == UND  # undated last


def test_medians_and_trend_per_quarter(data: dict[str, Any]) -> None:
    t = data["times"]

    def s(median: float | None, known: int, missing: int) -> dict[str, Any]:
        return {"median": median, "known": known, "missing": missing}

    assert t["overall"] == {
        "duration": s(60, 12, 1),
        "time_to_detect": s(17.5, 10, 3),
        "time_to_mitigate": s(42.5, 10, 3),
        "time_to_resolve": s(60, 11, 2),
    }
    assert t["per_quarter"] == {
        "2025-Q1": {
            "incidents": 3,
            "duration": s(60, 3, 0),
            "time_to_detect": s(20, 3, 0),
            "time_to_mitigate": s(45, 2, 1),
            "time_to_resolve": s(60, 3, 0),
        },
        "2025-Q2": {
            "incidents": 3,
            "duration": s(90, 3, 0),
            "time_to_detect": s(27.5, 2, 1),
            "time_to_mitigate": s(45, 3, 0),
            "time_to_resolve": s(90, 3, 0),
        },
        "2025-Q3": {
            "incidents": 3,
            "duration": s(100, 2, 1),
            "time_to_detect": s(25, 2, 1),
            "time_to_mitigate": s(67.5, 2, 1),
            "time_to_resolve": s(100, 2, 1),
        },
        "2025-Q4": {
            "incidents": 3,
            "duration": s(60, 3, 0),
            "time_to_detect": s(10, 3, 0),
            "time_to_mitigate": s(40, 3, 0),
            "time_to_resolve": s(60, 3, 0),
        },
    }
    q = ("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4")
    assert t["trend"] == {
        "duration": dict(zip(q, (None, 30, 10, -40), strict=True)),
        "time_to_detect": dict(zip(q, (None, 7.5, -2.5, -15), strict=True)),
        "time_to_mitigate": dict(zip(q, (None, 0, 22.5, -27.5), strict=True)),
        "time_to_resolve": dict(zip(q, (None, 30, 10, -40), strict=True)),
    }


def test_recurring_causes(data: dict[str, Any]) -> None:
    """Three certificate expiries, three connection-pool incidents (two of them pool
    exhaustion), two DNS caches, three hosts; "expiry" and "pool exhaustion" name the same
    postmortems as a longer term and are left out; phrases come before single nouns."""
    rc = data["recurring_causes"]
    assert "noun chunks" in rc["method"] and "2 or more" in rc["method"]
    assert [(g["term"], g["incidents"]) for g in rc["groups"]] == [
        ("certificate expiry", [A01, B01, C02]),
        ("connection pool", [A02, B03, D01]),
        ("connection pool exhaustion", [A02, B03]),
        ("dns cache", [C01, D02]),
        ("host", [C01, C03, UND]),
        ("connection", [A02, D01]),
    ]
    assert [g["documents"] for g in rc["groups"]] == [3, 3, 2, 2, 3, 2]


def test_action_items(data: dict[str, Any]) -> None:
    a = data["action_items"]
    counts = {k: v for k, v in a.items() if isinstance(v, int)}
    assert counts == {
        "total": 19,
        "done": 8,
        "open": 11,
        "open_with_ticket": 6,
        "open_without_ticket": 5,
        "overdue": 4,
        "open_without_owner": 3,
        "open_without_due_date": 2,
    }
    assert a["per_owner"] == {
        "@ben": {"open": 4, "done": 2, "overdue": 1},
        "@carla": {"open": 3, "done": 2, "overdue": 2},
        "@ana": {"open": 1, "done": 4, "overdue": 0},
    }
    assert [(i["path"], i["owner"], i["due"]) for i in a["overdue_items"]] == [
        (A01, "@ben", "2025-03-01"),
        (B01, None, "2025-05-15"),
        (B03, "@carla", "2025-07-15"),
        (D01, "@carla", "2026-01-10"),
    ]
    # open, no ticket, incident more than 14 days before the as-of day (the undated one
    # cannot be aged)
    assert [(i["path"], i["incident_date"]) for i in a["old_incidents_without_ticket"]] == [
        (A03, "2025-03-20"),
        (B02, "2025-05-12"),
        (C03, "2025-09-09"),
        (D03, "2025-12-29"),
    ]


def test_process(data: dict[str, Any]) -> None:
    p = data["process"]
    assert [(s["path"], s["status"], s["days"]) for s in p["not_final"]] == [
        (B02, "In Review", 248),
        (B03, "Draft", 199),
        (D02, "In Review", 58),
        (D03, "Draft", 17),
    ]
    assert p["severe_missing_sections"] == [
        {"path": B03, "severity": "SEV2", "sections": ["detection", "lessons"]},
        {"path": D02, "severity": "SEV1", "sections": ["lessons"]},
    ]


def test_findings_per_family_match_the_engine(data: dict[str, Any], nlp: NLP) -> None:
    f = data["process"]["findings"]
    resolver = ConfigResolver(isolated=True)
    rows = {r["path"]: r for r in f["per_document"]}
    assert sorted(rows) == sorted(p.name for p in CORPUS.glob("*.md"))
    totals: Counter[str] = Counter()
    for path in sorted(CORPUS.glob("*.md")):
        res = lint(path.read_text(), resolver.for_path(path), path=path, nlp=nlp)
        want = Counter(d.category for d in res.diagnostics if d.category != "meta")
        totals.update(want)
        assert {k: v for k, v in rows[path.name].items() if k not in ("path", "total")} == {
            fam: want.get(fam, 0) for fam in f["families"]
        }
        assert rows[path.name]["total"] == sum(want.values())
    assert f["per_family"] == {fam: totals[fam] for fam in f["families"]}
    assert set(f["per_quarter_mean"]) == {"2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"}


def test_since_until_select_by_incident_date(nlp: NLP, in_corpus: None) -> None:
    """Q2 and Q3 only: six incidents, the undated one left out (it has no place)."""
    rc, out, _ = _report(nlp, "--format", "json", "--since", "2025-04-01", "--until", "2025-09-30")
    assert rc == 0
    d = json.loads(out)
    assert d["documents"]["selected"] == 6 and d["documents"]["undated"] == 0
    assert d["incidents"]["by_severity"] == {"SEV1": 1, "SEV2": 2, "SEV3": 2, "SEV4": 1}
    assert list(d["incidents"]["per_quarter"]) == ["2025-Q2", "2025-Q3"]
    a = d["action_items"]
    assert (a["total"], a["done"], a["open"], a["overdue"]) == (9, 4, 5, 2)


def test_markdown_has_the_same_numbers(nlp: NLP, in_corpus: None) -> None:
    rc, out, _ = _report(nlp, "--format", "markdown")
    assert rc == 0
    assert "| 2025-Q2 | 0 | 2 | 1 | 0 | 3 |" in out
    assert "| open | 11 |" in out and "| overdue | 4 |" in out
    assert "| @carla | 3 | 2 | 2 |" in out
    assert "| certificate expiry | 3 |" in out
    # the undated incident's missing figures say so
    assert re.search(r"\| \[Wiki unavailable\]\([^)]*\) \| missing \| SEV3 \| Draft \| 25 \|", out)


def test_progress_bar_only_on_a_terminal(nlp: NLP, in_corpus: None) -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    out, err = io.StringIO(), Tty()
    assert report_main(["--format", "json", "--isolated", "."], out, err, nlp=nlp) == 0
    assert "Reading postmortems" in err.getvalue()
    assert json.loads(out.getvalue())["documents"]["read"] == 13


def test_usage_errors(nlp: NLP, in_corpus: None) -> None:
    rc, _, err = _report(nlp, "--since", "2025-06-01", "--until", "2025-01-01")
    assert rc == 2 and "--since is after --until" in err
    out, err2 = io.StringIO(), io.StringIO()
    assert report_main(["--format", "json", "nowhere"], out, err2, nlp=nlp) == 2
    assert "nowhere: no such file" in err2.getvalue()


def test_severity_and_due_date_reading() -> None:
    assert severity_label("Sev-1 (critical)") == "SEV1"
    assert severity_label("severity 2") == "SEV2"
    assert severity_label("P1") == "P1"
    assert severity_label(None) is None
    words = {"critical": "SEV1", "major": "SEV2"}
    assert severity_label("Critical (customer-facing)", words) == "SEV1"
    assert severity_label("MAJOR", words) == "SEV2"
    assert severity_label("P1", words) == "P1"  # a priority stays a priority
    assert severity_label("High", words) == "HIGH"
    assert _due_date("end of Q3 2025") == "2025-09-30"
    assert _due_date("Q4 '25") == "2025-12-31"
    assert _due_date("14 March 2025") == "2025-03-14"
    assert _due_date("soon") is None


# -- HTML --------------------------------------------------------------------------------------


@pytest.fixture
def html_file(nlp: NLP, in_corpus: None, tmp_path: Path) -> Path:
    pytest.importorskip("pygal", reason="the HTML report needs pip install 'pm-lsp[report]'")
    target = tmp_path / "report.html"
    rc, _out, err = _report(nlp, "-o", str(target))
    assert rc == 0, err
    return target


def test_html_is_self_contained(html_file: Path) -> None:
    page = html_file.read_text()
    assert "<script" not in page.lower()  # nothing runs, nothing is fetched
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    assert "@import" not in page and "url(http" not in page
    for name in ("incidents", "times", "actions", "causes", "findings"):
        assert f'id="chart-{name}"><svg' in page
    # links to the files, relative to where the page was written
    assert 'href="/' not in page
    rel = os.path.relpath(CORPUS / A01, html_file.parent)
    assert f'href="{rel}"' in page


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


#: records resource and script errors and, once loaded, the drawn size of every chart's
#: SVG and of the shapes inside it, into an attribute that --dump-dom prints
_PROBE = """<script>
window.__errors = [];
window.addEventListener('error', e => window.__errors.push(
  String(e.message || (e.target && (e.target.src || e.target.href)))), true);
window.addEventListener('load', () => {
  const charts = {};
  for (const div of document.querySelectorAll('div.chart')) {
    const svg = div.querySelector('svg'); const box = svg.getBoundingClientRect();
    const shapes = [...svg.querySelectorAll('rect, path, circle')]
      .filter(s => { const b = s.getBoundingClientRect(); return b.width > 0 && b.height > 0; });
    charts[div.id] = {width: box.width, height: box.height, shapes: shapes.length,
                      texts: svg.querySelectorAll('text').length};
  }
  document.body.setAttribute('data-probe', JSON.stringify({errors: window.__errors, charts}));
});
</script>"""


@pytest.mark.slow
def test_html_charts_drawn_in_a_headless_browser(html_file: Path, tmp_path: Path) -> None:
    """Chromium (Debian package ``chromium``) opens the page from disk with no network,
    lays it out, and every chart has a size and visible shapes; nothing logs an error."""
    browser = _chromium()
    if browser is None:
        pytest.skip("no Chromium installed (apt-get install chromium) to render the report")
    probed = html_file.with_name("probed.html")
    probed.write_text(html_file.read_text().replace("<head>", "<head>" + _PROBE, 1))
    proc = subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=5000",
            "--dump-dom",
            probed.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    m = re.search(r'data-probe="([^"]*)"', proc.stdout)
    assert m is not None, proc.stderr[-2000:]
    probe = json.loads(unescape(m.group(1)))
    assert probe["errors"] == []
    console = [line for line in proc.stderr.splitlines() if ":CONSOLE" in line]
    assert console == []  # e.g. an SVG attribute the browser cannot read
    charts = probe["charts"]
    assert set(charts) == {
        f"chart-{n}" for n in ("incidents", "times", "actions", "causes", "findings")
    }
    for name, c in charts.items():
        assert c["width"] > 300 and c["height"] > 100, name
        assert c["shapes"] >= 3 and c["texts"] >= 3, name


@pytest.mark.slow
def test_cli_subcommand_with_jobs(tmp_path: Path) -> None:
    """``pm-lint report`` through the real entry point, in two worker processes: the same
    numbers as one process."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))

    def run(*extra: str) -> dict[str, Any]:
        proc = subprocess.run(
            [sys.executable, "-m", "pm_lsp.cli", "report", "--format", "json", "--as-of", AS_OF,
             "--isolated", *extra, "."],
            cwd=CORPUS, env=env, capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr
        assert proc.stderr == ""
        result: dict[str, Any] = json.loads(proc.stdout)
        return result

    one, two = run(), run("--jobs", "2")
    assert one == two
    assert one["action_items"]["total"] == 19


def test_markup_in_documents_stays_text_and_unreadable_files_are_listed(
    nlp: NLP, tmp_path: Path
) -> None:
    """A title, an action item and an owner holding markup stay text in the page, and a
    file that cannot be read is named with the reason instead of being dropped silently."""
    pytest.importorskip("pygal", reason="the HTML report needs pip install 'pm-lsp[report]'")
    (tmp_path / "a.md").write_text(
        "# Retries when a < b & c\n\n**Date**: 2025-02-01\n**Severity**: SEV2\n\n"
        "## Action Items\n\n| Action | Owner | Due |\n|---|---|---|\n"
        "| Add <script>alert(1)</script> guard | <b>@eve</b> | 2025-03-01 |\n"
    )
    (tmp_path / "b.md").write_bytes(b"\x00\x01binary\xff")
    out, err = io.StringIO(), io.StringIO()
    args = ["--as-of", AS_OF, "--isolated", str(tmp_path)]
    assert report_main(["--format", "json", *args], out, err, nlp=nlp) == 0
    d = json.loads(out.getvalue())
    assert d["documents"]["read"] == 1
    assert [s["path"].rsplit("/", 1)[-1] for s in d["documents"]["skipped"]] == ["b.md"]
    assert d["action_items"]["overdue_items"][0]["owner"] == "<b>@eve</b>"
    out = io.StringIO()
    assert report_main(args, out, err, nlp=nlp) == 0
    page = out.getvalue()
    assert "<script" not in page and "<b>@eve" not in page
    assert "Retries when a &lt; b &amp; c" in page
    assert "Add &lt;script&gt;alert(1)&lt;/script&gt; guard" in page
    assert "&lt;b&gt;@eve&lt;/b&gt;" in page


def test_date_from_the_timeline_only_when_its_year_is_written(nlp: NLP, tmp_path: Path) -> None:
    """No Date field: a timeline with full dates dates the incident by its first entry; one
    that writes "Mar 14" without a year leaves it undated (not in the year 2000)."""
    rows = "| Time | Event |\n|---|---|\n"
    (tmp_path / "full.md").write_text(
        "# Full\n\n## Timeline\n\n" + rows + "| 2025-03-14 10:00 UTC | Alert fires |\n"
        "| 2025-03-14 11:00 UTC | Rollback done |\n"
    )
    (tmp_path / "short.md").write_text(
        "# Short\n\n## Timeline\n\n" + rows + "| Mar 14, 10:00 UTC | Alert fires |\n"
        "| Mar 14, 11:00 UTC | Rollback done |\n"
    )
    out, err = io.StringIO(), io.StringIO()
    args = ["--format", "json", "--as-of", AS_OF, "--isolated", str(tmp_path)]
    assert report_main(args, out, err, nlp=nlp) == 0, err.getvalue()
    dates = {
        r["path"].rsplit("/", 1)[-1]: r["date"]
        for r in json.loads(out.getvalue())["incidents"]["list"]
    }
    assert dates == {"full.md": "2025-03-14", "short.md": None}


def test_quiet_quarters_are_zero_and_long_ranges_still_draw() -> None:
    """Three incidents across three years: every quarter between them is listed (zero
    when quiet), the trend skips quarters without a median, and the charts still draw."""
    pytest.importorskip("pygal", reason="the HTML report needs pip install 'pm-lsp[report]'")
    import datetime as dt

    from pm_lsp.report.aggregate import Options, aggregate
    from pm_lsp.report.extract import IncidentRecord
    from pm_lsp.report.render_html import render_html

    recs = [
        IncidentRecord("a.md", date="2023-02-10", severity="SEV2", resolve_minutes=30.0),
        IncidentRecord("b.md", date="2024-05-01", severity="SEV1", resolve_minutes=90.0),
        IncidentRecord("c.md", date="2025-11-30", severity="SEV2"),
    ]
    d = aggregate(recs, Options(as_of=dt.date(2026, 1, 1)))
    per_q = d["incidents"]["per_quarter"]
    quarters = list(per_q)
    assert len(quarters) == 12 and (quarters[0], quarters[-1]) == ("2023-Q1", "2025-Q4")
    assert [q for q, v in per_q.items() if v["total"]] == ["2023-Q1", "2024-Q2", "2025-Q4"]
    trend = d["times"]["trend"]["time_to_resolve"]
    assert trend["2024-Q2"] == 60 and trend["2025-Q4"] is None
    page = render_html(d)
    # incidents and times only: no causes, action items or findings to chart
    assert page.count("<svg") == 2
    assert "rotate(40" in page  # twelve quarter labels slanted
