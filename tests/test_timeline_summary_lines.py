"""A timeline's milestones told outside its entries.

* An entry that tells the mitigation by its effect on the harm's own measure ("scales the
  pool to zero. Spend stops climbing.", "the retry queue stops growing", "storage costs
  flatten out") marks the mitigation; the sentences of that class and their look-alikes
  are in tests/fixtures/timeline/milestones.txt and milestones-clean.txt, and here PM504 is
  checked on whole timelines.
* A summary line beside the entries that labels a milestone with its time ("Detection
  time: 40 minutes after the first page. Mitigation: Tue 03:15. Resolved: 04:02.") marks
  that milestone (the pack's ``summary-labels``); a label with no time after it
  ("Mitigation: none yet", "Resolution: pending") marks nothing.
"""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.parse.markdown import parse
from pm_lsp.policy.rulepack import builtin_pack
from pm_lsp.policy.templates import load_template
from pm_lsp.rules.timeline.model import FAMILY, MILESTONES, timeline_of

_EFFECT = """# Render farm overspend

## Timeline (UTC)

- Sat 01:10 The nightly render job starts and keeps asking for more machines.
- Sat 09:30 The budget forecast email goes to a shared inbox.
- Mon 07:20 Priya notices the machine count on the console and pages the on-call.
- Mon 07:41 {step}
- Mon 10:00 Finance partner told about the bill.
"""


@pytest.mark.parametrize(
    "step",
    [
        "Jonas sets the render pool's maximum to zero. Spend stops climbing.",
        "Jonas drains the render pool; the hourly cloud bill stops rising.",
        "Jonas pauses the submitter and the render queue stops growing.",
        "Jonas caps the pool at four machines, and compute costs flatten out.",
    ],
)
def test_the_harm_measure_easing_marks_the_mitigation(lint_text: LintFn, step: str) -> None:
    text = _EFFECT.format(step=step)
    assert lint_text(text, select=["PM504"]).diagnostics == []


@pytest.mark.parametrize(
    "step",
    [
        "Jonas looks at the bill. Spend keeps climbing.",
        "Jonas asks finance whether spend stops climbing at the cap.",
        "Jonas restarts the submitter; spend falls briefly, then jumps again.",
        "Jonas reads the console: render throughput falls to zero.",
    ],
)
def test_a_measure_that_does_not_ease_marks_nothing(lint_text: LintFn, step: str) -> None:
    text = _EFFECT.format(step=step)
    found = lint_text(text, select=["PM504"]).diagnostics
    assert [d.code for d in found] == ["PM504"]
    assert "mitigation" in found[0].message


_SUMMARY = """# Ticket sync stalled

## Timeline (UTC)

- Tue 02:20 The sync worker starts retrying one malformed record in a loop.
- Tue 02:35 Support tickets stop appearing in the agents' queue.
- Tue 03:15 Maya skips the record by hand and restarts nothing.
- Tue 04:02 Agents confirm new tickets show up.

{summary}
"""


@pytest.mark.parametrize(
    ("summary", "marked"),
    [
        (
            "Detection time: 40 minutes after the first retry. Mitigation: Tue 03:15. "
            "Resolved: 04:02.",
            {"detection", "mitigation", "resolution"},
        ),
        ("Detected: 02:58. Mitigated: 03:15.", {"detection", "mitigation"}),
        (
            "**Detection** - 2h after the loop began; **Resolution** - at 04:02",
            {
                "detection",
                "resolution",
            },
        ),
        (
            "Time of detection: about 02:58 | Time of mitigation: ~03:15",
            {
                "detection",
                "mitigation",
            },
        ),
        ("Incident declared: 03:01. Mitigated: 03:15.", {"declared", "mitigation"}),
    ],
)
def test_a_summary_line_labels_milestones(
    lint_text: LintFn, summary: str, marked: set[str]
) -> None:
    text = _SUMMARY.format(summary=summary)
    doc = parse(text, load_template("standard"))
    assert set(timeline_of(doc).stated) == marked
    if marked & {"detection", "declared"} and marked & {"mitigation", "resolution"}:
        assert lint_text(text, select=["PM504"]).diagnostics == []


@pytest.mark.parametrize(
    "summary",
    [
        "Mitigation: none yet. Resolution: pending the vendor's patch.",
        "Detected: no, not by our alerts; agents told us.",
        "Resolution owner: Maya. Mitigation plan: skip malformed records by 2026-07-01.",
        "The detection time is not known; mitigation came at 03:15 when Maya skipped it.",
        "Resolved tickets: 412 of 430 synced by Wednesday.",
    ],
)
def test_a_label_without_a_time_marks_nothing(lint_text: LintFn, summary: str) -> None:
    text = _SUMMARY.format(summary=summary)
    doc = parse(text, load_template("standard"))
    assert timeline_of(doc).stated == frozenset()
    found = lint_text(text, select=["PM504"]).diagnostics
    assert [d.code for d in found] == ["PM504"]


def test_a_summary_line_outside_the_timeline_marks_nothing() -> None:
    text = _SUMMARY.format(summary="") + "\n## Response\n\nDetected: 02:58. Mitigated: 03:15.\n"
    doc = parse(text, load_template("standard"))
    assert timeline_of(doc).stated == frozenset()


def _summary_labels() -> list[tuple[str, str]]:
    tab = builtin_pack().family(FAMILY)["summary-labels"]
    return [(name, str(label)) for name in MILESTONES for label in tab.get(name, [])]


@pytest.mark.parametrize(("milestone", "label"), _summary_labels())
def test_every_summary_label_marks_its_milestone(milestone: str, label: str) -> None:
    text = _SUMMARY.format(summary=f"{label.capitalize()}: Tue 03:15.")
    doc = parse(text, load_template("standard"))
    assert milestone in timeline_of(doc).stated


@pytest.mark.parametrize(
    ("summary", "marked"),
    [
        (
            "Time to detect: 38 minutes. Time to mitigation: 55 minutes.",
            {"detection", "mitigation"},
        ),
        ("Time to detection: 1 h 20 min | Time to resolve: 2 hours", {"detection", "resolution"}),
        ("**Time to mitigate** - 1.5 hours", {"mitigation"}),
        # look-alikes: a span after a plain label may be how long the step took; a "time
        # to" label with no span, or with a target, marks nothing
        ("Mitigation: 40 minutes of manual work by two engineers.", set()),
        ("Time to mitigation: unknown, the logs were rotated.", set()),
        ("Time to mitigate: 30 minutes target, missed.", set()),
        ("Time to detect: n/a", set()),
    ],
)
def test_a_time_to_label_marks_its_milestone_with_a_bare_span(
    summary: str, marked: set[str]
) -> None:
    text = _SUMMARY.format(summary=summary)
    doc = parse(text, load_template("standard"))
    assert set(timeline_of(doc).stated) == marked


@pytest.mark.parametrize(
    "label", [str(w) for w in builtin_pack().family(FAMILY)["summary-labels"]["durations"]]
)
def test_every_duration_label_takes_a_bare_span(label: str) -> None:
    tab = builtin_pack().family(FAMILY)["summary-labels"]
    milestone = next(name for name in MILESTONES if label in tab.get(name, []))
    text = _SUMMARY.format(summary=f"{label.capitalize()}: 45 minutes.")
    doc = parse(text, load_template("standard"))
    assert milestone in timeline_of(doc).stated
