"""Timeline rules PM501-PM504 through the real engine on fixture postmortems written for them:
true positives and hard negatives for each rule, options, exact positions with CRLF and emoji,
and the bundled examples."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import FIXTURES, ROOT, LintFn

from pm_lsp.fixes import apply_edits
from pm_lsp.model.positions import LineIndex
from pm_lsp.parse.markdown import parse
from pm_lsp.policy.config import Settings, resolve
from pm_lsp.rules.spec import Diagnostic, Severity
from pm_lsp.rules.timeline.model import timeline_of

HERE = FIXTURES / "timeline"


def _read(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")


def _got(text: str, diags: list[Diagnostic]) -> list[tuple[str, str]]:
    return [(d.code, text[d.start : d.end]) for d in diags]


CLEAN = [
    "rollover-list.md",
    "date-headings.md",
    "mixed-clock.md",
    "date-column.md",
    "duration-match.md",
    "twelve-hour.md",
    "duration-marked.md",
]


@pytest.mark.parametrize("name", CLEAN)
def test_well_formed_timelines_are_clean(lint_text: LintFn, name: str) -> None:
    """Rollover past midnight, date headings, mixed 12/24-hour times, a separate date column
    in a reordered table, stated durations that agree, and a 12-hour timeline whose bare
    times cross midnight: nothing to report."""
    assert lint_text(_read(name), select=["PM5"]).diagnostics == []


# -- PM501 -------------------------------------------------------------------------------------


def test_no_timezone(lint_text: LintFn) -> None:
    text = _read("no-timezone.md")
    diags = lint_text(text, select=["PM501"]).diagnostics
    assert _got(text, diags) == [("PM501", "Timeline")]
    assert diags[0].severity == Severity.WARNING


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("## Timeline", "## Timeline (UTC)"),  # in the heading
        ("## Timeline\n", "## Timeline\n\nAll times are in CET.\n"),  # a declaration line
        ("## Timeline\n", "## Timeline\n\nAll times listed below are (UTC).\n"),
        ("**Date**: 2025-03-03", "**Date**: 2025-03-03\n\nTimes in this document are PT."),
        ("## Timeline\n", "## Timeline\n\nOur times here are Porto time, WEST.\n"),
        ("## Timeline\n", "## Timeline\n\nThe clocks below read Auckland time (NZDT).\n"),
        ("16:20 Deploy", "16:20 UTC Deploy"),  # a zone on the entries (one is enough)
        ("- 16:2", "- 2025-03-03T16:2"),  # ISO datetimes without a zone still need one...
    ],
)
def test_zone_declarations_satisfy_pm501(lint_text: LintFn, old: str, new: str) -> None:
    text = _read("no-timezone.md").replace(old, new)
    codes = [d.code for d in lint_text(text, select=["PM501"]).diagnostics]
    if new.startswith("- 2025"):
        assert codes == ["PM501"]
    else:
        assert codes == []


def test_times_word_without_zone_is_not_a_declaration(lint_text: LintFn) -> None:
    text = _read("no-timezone.md").replace(
        "## Timeline\n",
        "## Timeline\n\nThe deploy was retried three times, the central queue kept the rest.\n",
    )
    assert [d.code for d in lint_text(text, select=["PM501"]).diagnostics] == ["PM501"]


def test_a_place_before_time_is_no_declaration_without_a_zone(lint_text: LintFn) -> None:
    """A place's time declares a zone only with the zone's abbreviation after it: "Porto
    time, and the rest of the queue" names none."""
    text = _read("no-timezone.md").replace(
        "## Timeline\n", "## Timeline\n\nThe Porto time, and the NZ time, drifted apart.\n"
    )
    assert [d.code for d in lint_text(text, select=["PM501"]).diagnostics] == ["PM501"]


@pytest.mark.parametrize(
    ("line", "declared"),
    [
        ("Times are my local time.", False),
        ("All times below are my own local time.", False),
        # misc34 class 4: "local time" names no zone either
        ("Times are our local time.", False),
        ("All times are in local time.", False),
    ],
)
def test_the_writers_own_clock_declares_no_zone(
    lint_text: LintFn, line: str, declared: bool
) -> None:
    """One person's local time tells the reader no zone to convert from."""
    text = _read("no-timezone.md").replace("## Timeline\n", f"## Timeline\n\n{line}\n")
    codes = [d.code for d in lint_text(text, select=["PM501"]).diagnostics]
    assert codes == ([] if declared else ["PM501"])


@pytest.mark.parametrize(
    ("line", "zone"),
    [
        ("All times below are local time in Lisbon (WET).", "WET"),
        ("Times are given as local time at the Leeds depot (GMT, UK).", "GMT"),
        ("Every timestamp is local time for the Madrid office (CET).", "CET"),
        ("Times in this section are Berlin local time (UTC+1).", "UTC+1"),
        ("Clock times are local to our Auckland office (NZST).", "NZST"),
        ("Note: all times here are local time in the rail operator's area (BST, UK).", "BST"),
        ("The entries use local time at the plant (CST, US).", "CST"),
        ("Times shown are the local time of the Oslo control room (CET).", "CET"),
        ("Times are local time (UTC+1).", "UTC+1"),
        # look-alikes: no zone, another clock, the writer's own clock, not the times
        ("All times are approximate (see the logs).", None),
        ("Times are local to each store, while the processor (UTC) logs its own.", None),
        ("Times are local; the vendor's console (UTC) ran an hour behind.", None),
        ("Times are my local time in Denver (MST).", None),
        ("At the time, local time in Tokyo (JST) was past midnight.", None),
        ("Response times for local users (EU) doubled.", None),
    ],
)
def test_times_said_local_to_a_place_with_the_zone_in_brackets(
    lint_text: LintFn, line: str, zone: str | None
) -> None:
    """A note that the times are local to a place, the zone in brackets after the place,
    declares that zone; the same words about another clock, or without the times as their
    subject, declare none."""
    text = _read("no-timezone.md").replace("## Timeline\n", f"## Timeline\n\n{line}\n")
    codes = [d.code for d in lint_text(text, select=["PM501"]).diagnostics]
    assert codes == ([] if zone else ["PM501"])
    if zone is not None:
        cfg = resolve([Settings()])
        assert timeline_of(parse(text, cfg.template), cfg.pack, cfg.template).zone == zone


def test_date_only_timeline_needs_no_zone(lint_text: LintFn) -> None:
    text = (
        "# T\n\n## Timeline\n\n- 2025-03-01 Vendor announces the API change\n"
        "- 2025-03-08 Errors start for webhook consumers\n- 2025-03-09 Client updated\n"
    )
    assert lint_text(text, select=["PM501"]).diagnostics == []


def test_prose_times_without_a_timeline_are_not_zoned(lint_text: LintFn) -> None:
    """Decided after the fifth blind test: PM501 zones a timeline's entries. A write-up
    with no timeline that tells clock times in its prose has no entries to zone (PM201 asks
    for the timeline); the same times as a timeline are reported."""
    prose = (
        "# Scheduler outage\n\nThe controller fell over at 22:40 on Sunday. I restarted it "
        "at 08:20 the next morning, and jobs were flowing again by 09:10.\n"
    )
    assert lint_text(prose, select=["PM501"]).diagnostics == []
    timeline = (
        "# Scheduler outage\n\n## Timeline\n\n- 22:40 Controller falls over\n"
        "- 08:20 Controller restarted\n- 09:10 Jobs flowing again\n"
    )
    assert [d.code for d in lint_text(timeline, select=["PM501"]).diagnostics] == ["PM501"]


# -- PM502 -------------------------------------------------------------------------------------


def test_out_of_order_entry(lint_text: LintFn) -> None:
    text = _read("out-of-order.md")
    diags = lint_text(text, select=["PM502"]).diagnostics
    assert _got(text, diags) == [("PM502", "13:22")]
    assert "13:40" in diags[0].message


def test_explicit_date_going_back(lint_text: LintFn) -> None:
    text = (
        "# T\n\nAll times UTC.\n\n## Timeline\n\n| Date | Time | Event |\n|---|---|---|\n"
        "| 2025-03-02 | 10:00 | Errors start |\n| 2025-03-01 | 11:00 | Alert fires |\n"
        "| 2025-03-02 | 12:00 | Resolved |\n"
    )
    diags = lint_text(text, select=["PM502"]).diagnostics
    assert [(d.code, d.message.split(" goes")[0]) for d in diags] == [("PM502", "11:00")]
    assert "earlier date" in diags[0].message


def test_rollover_and_new_day_heading_are_not_out_of_order(lint_text: LintFn) -> None:
    text = (
        "# T\n\n## Timeline\n\nAll times UTC.\n\n- 23:50 Errors start\n- 23:58 Alert fires\n"
        "- 00:04 Config reverted\n\n### 2025-03-15\n\n- 08:00 Incident closed\n"
    )
    assert lint_text(text, select=["PM502"]).diagnostics == []


def test_same_time_entries_are_in_order(lint_text: LintFn) -> None:
    text = (
        "# T\n\n## Timeline\n\nAll times UTC.\n\n- 10:00 Errors start\n"
        "- 10:00 Alert fires\n- 10:20 Resolved\n"
    )
    assert lint_text(text, select=["PM502"]).diagnostics == []


def test_newest_first_is_one_info_finding(lint_text: LintFn) -> None:
    text = (
        "# T\n\n## Timeline\n\nAll times UTC.\n\n- 11:30 Resolved\n- 11:05 Rolled back\n"
        "- 10:40 Alert fires\n- 10:31 Errors start\n"
    )
    diags = lint_text(text, select=["PM502"]).diagnostics
    assert _got(text, diags) == [("PM502", "Timeline")]
    assert diags[0].severity == Severity.INFO and "newest first" in diags[0].message


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_positions_with_crlf_and_emoji(lint_text: LintFn, newline: str) -> None:
    text = _read("crlf-emoji.md").replace("\n", newline)
    diags = lint_text(text, select=["PM502"]).diagnostics
    assert _got(text, diags) == [("PM502", "09:15")]
    lines = LineIndex(text)
    line = lines.line_of(diags[0].start)
    assert lines.line_text(line).startswith("| 09:15 | 🔥")
    assert diags[0].start - lines.starts[line] == 2


def test_positions_in_utf16_after_emoji(lint_text: LintFn) -> None:
    """The same finding, as the language server would report it to a UTF-16 client."""
    text = (
        "# T\n\nAll times UTC.\n\n## Timeline 🕒\n\n- 🔥 10:05 not a stamp\n"
        "- 10:00 Errors start 🔥\n- 09:58 Alert 📟 fires\n- 10:30 Resolved\n"
    )
    diags = lint_text(text, select=["PM502"]).diagnostics
    assert _got(text, diags) == [("PM502", "09:58")]


def test_twelve_hour_bare_times_keep_real_disorder(lint_text: LintFn) -> None:
    """In a 12-hour table, "10:10" after "10:20" is ten minutes out of order (reported), and
    "4:15" after "11:30 AM" is the afternoon (not reported)."""
    text = _read("twelve-hour-morning.md")
    diags = lint_text(text, select=["PM502"]).diagnostics
    assert _got(text, diags) == [("PM502", "10:10")]
    assert "10:20" in diags[0].message


def test_a_bare_afternoon_time_among_both_clocks_is_in_order(lint_text: LintFn) -> None:
    """A list that writes "3:20 pm" and "15:35" alike: a bare "3:50" between 15:35 and
    16:05 is 15:50, in order; the same row moved above "15:35" is still out of order."""
    rows = [
        ("3:20 pm", "Price feed switched to the new supplier"),
        ("15:35", "First basket shows a zero total"),
        ("3:50", "Store manager calls about zero totals at the tills"),
        ("16:05", "Price feed switched back; totals correct again"),
    ]
    table = "".join(f"| {t} | {e} |\n" for t, e in rows)
    text = f"# T\n\n## Timeline (all times CET)\n\n| Time | Event |\n|---|---|\n{table}"
    assert lint_text(text, select=["PM502"]).diagnostics == []
    rows[1], rows[2] = rows[2], rows[1]
    table = "".join(f"| {t} | {e} |\n" for t, e in rows)
    moved = f"# T\n\n## Timeline (all times CET)\n\n| Time | Event |\n|---|---|\n{table}"
    assert _got(moved, lint_text(moved, select=["PM502"]).diagnostics) == [("PM502", "3:50")]


def test_twelve_hour_bare_time_past_midnight_before_first_am_pm(lint_text: LintFn) -> None:
    """A bare first entry is read as leading up to the first AM/PM time."""
    text = (
        "# T\n\n## Timeline\n\nAll times ET.\n\n- 11:50 Errors start\n"
        "- 12:10 AM Alert fires\n- 12:40 Config reverted\n- 1:05 AM Resolved\n"
    )
    assert lint_text(text, select=["PM5"]).diagnostics == []
    # the same times on the 24-hour clock (no AM/PM anywhere) are out of order
    bare = text.replace(" AM", "")
    assert [d.code for d in lint_text(bare, select=["PM502"]).diagnostics] == ["PM502"]


def test_clock_clashes(lint_text: LintFn) -> None:
    """ "23:15 AM" contradicts itself: a warning, and the entry after it is not reported as
    out of order. "13:05 PM" and the like: one info finding for the timeline, with a fix."""
    text = _read("clock-clash.md")
    diags = lint_text(text, select=["PM502"]).diagnostics
    assert _got(text, diags) == [("PM502", "13:05 PM"), ("PM502", "23:15 AM")]
    redundant, contradictory = diags
    assert redundant.severity == Severity.INFO and contradictory.severity == Severity.WARNING
    assert "2 more times" in redundant.message
    assert "disagree" in contradictory.message
    assert redundant.fix is not None and redundant.fix.safe
    assert [text[e.start : e.end] for e in redundant.fix.edits] == [" PM"] * 3


def test_clock_clash_fix_leaves_only_the_contradiction(lint_text: LintFn) -> None:
    text = _read("clock-clash.md")
    diags = lint_text(text, select=["PM502"]).diagnostics
    fix = diags[0].fix
    assert fix is not None
    fixed = apply_edits(text, fix.edits)
    assert "- 13:05 — Catalogue" in fixed and "- 14:10 — Mobile" in fixed
    assert "12:40 PM" in fixed and "23:15 AM" in fixed  # a proper 12-hour time is kept
    assert _got(fixed, lint_text(fixed, select=["PM502"]).diagnostics) == [("PM502", "23:15 AM")]


def test_one_redundant_clash_message_and_no_fix_for_bare_hour(lint_text: LintFn) -> None:
    text = (
        "# T\n\n## Timeline\n\nAll times UTC.\n\n- 11:40 AM Errors start\n"
        "- 15 PM Alert fires\n- 3:30 PM Resolved\n"
    )
    diags = lint_text(text, select=["PM502"]).diagnostics
    assert _got(text, diags) == [("PM502", "15 PM")]
    assert "more times" not in diags[0].message
    assert diags[0].fix is None  # dropping "PM" would leave a bare "15": no safe fix


def test_proper_12_hour_times_are_no_clash(lint_text: LintFn) -> None:
    text = (
        "# T\n\n## Timeline\n\nAll times UTC.\n\n- 11:40 AM Errors start\n"
        "- 12:05 PM Alert fires\n- 12:30 PM Config reverted\n- 1:10 PM Resolved\n"
    )
    assert lint_text(text, select=["PM502"]).diagnostics == []


# -- PM503 -------------------------------------------------------------------------------------


def test_duration_mismatch_metadata(lint_text: LintFn) -> None:
    text = _read("duration-mismatch.md")
    diags = lint_text(text, select=["PM503"]).diagnostics
    assert _got(text, diags) == [("PM503", "1h 30m")]
    assert "47m" in diags[0].message and diags[0].data is not None
    assert diags[0].data["timeline_minutes"] == 47


def test_duration_mismatch_in_summary_sentence(lint_text: LintFn) -> None:
    text = _read("summary-duration.md")
    assert _got(text, lint_text(text, select=["PM503"]).diagnostics) == [("PM503", "2 hours")]


def test_duration_agreeing_with_timeline(lint_text: LintFn) -> None:
    text = _read("summary-duration.md").replace("for 2 hours", "for 70 minutes")
    assert lint_text(text, select=["PM503"]).diagnostics == []
    text = _read("summary-duration.md").replace("for 2 hours", "for 40 minutes")
    assert lint_text(text, select=["PM503"]).diagnostics == []  # until mitigation


def test_duration_in_an_unrelated_summary_sentence_is_not_stated(lint_text: LintFn) -> None:
    text = _read("summary-duration.md").replace(
        "Webhook deliveries were delayed for 2 hours after a queue consumer crashed.",
        "The team spent 2 hours on the runbook review.",
    )
    assert lint_text(text, select=["PM503"]).diagnostics == []


def test_key_events_time_to_resolve(lint_text: LintFn) -> None:
    text = _read("key-events.md")
    diags = lint_text(text, select=["PM503"]).diagnostics
    assert _got(text, diags) == [("PM503", "1h 31m")]
    assert "first detection" in diags[0].message


def test_tolerance_options(lint_text: LintFn) -> None:
    text = _read("duration-mismatch.md")
    assert (
        lint_text(text, select=["PM503"], rules={"PM503": {"tolerance-minutes": 60}}).diagnostics
        == []
    )
    near = text.replace("1h 30m", "52 minutes")  # 5 minutes off 47: within the default
    assert lint_text(near, select=["PM503"]).diagnostics == []
    strict = lint_text(
        near, select=["PM503"], rules={"PM503": {"tolerance-minutes": 1, "tolerance-percent": 1}}
    )
    assert [d.code for d in strict.diagnostics] == ["PM503"]


def _named_failures(first: str, stated: str) -> str:
    return (
        f"# Card gateway outage\n\n**Duration**: {stated}\n\n## Timeline\n\nAll times UTC.\n\n"
        "| Time | Event |\n|------|-------|\n"
        "| 08:50 | Scheduled certificate rotation on the card gateway |\n"
        f"| 09:00 | {first} |\n"
        "| 09:10 | Payments alert fires |\n"
        "| 09:40 | Gateway back to normal; incident resolved |\n"
    )


@pytest.mark.parametrize(
    "first",
    [
        "First TLS handshake failures; card declines begin",
        "First checkout 502 errors in the edge logs",
        "Payment rejections start at the acquirer",
    ],
)
def test_first_failures_of_a_named_kind_start_the_impact(lint_text: LintFn, first: str) -> None:
    # 09:00 to 09:40 is 40m: '30 minutes' is wrong, '40 minutes' agrees, and the
    # rotation before it is not where the impact began
    wrong = _named_failures(first, "30 minutes")
    diags = lint_text(wrong, select=["PM503"]).diagnostics
    assert _got(wrong, diags) == [("PM503", "30 minutes")]
    assert "impact start 09:00 to resolution 09:40 is 40m" in diags[0].message
    assert lint_text(_named_failures(first, "40 minutes"), select=["PM503"]).diagnostics == []


def test_first_responder_is_no_impact_start(lint_text: LintFn) -> None:
    from pm_lsp.parse.markdown import parse
    from pm_lsp.policy.templates import load_template
    from pm_lsp.rules.timeline.model import timeline_of

    text = _named_failures("First responder checks the errors", "40 minutes")
    tl = timeline_of(parse(text, load_template("standard")))
    assert tl.metrics.impact_start is None


def test_detection_start_accepts_a_longer_stated_duration(lint_text: LintFn) -> None:
    text = _read("key-events.md").replace("1h 31m", "5h")  # impact may precede detection
    assert lint_text(text, select=["PM503"]).diagnostics == []


def test_marked_impact_bounds_win_over_inferred_ones(lint_text: LintFn) -> None:
    """An entry marked "impact start" is the start even after an entry whose words read as
    one ("errors start rising on one worker"), and "impact end" is the end even before a
    later "resolved"; a recovery step that "started failing over" is no impact start."""
    from pm_lsp.parse.markdown import parse
    from pm_lsp.policy.templates import load_template
    from pm_lsp.rules.timeline.model import timeline_of

    text = _read("duration-marked.md")
    assert lint_text(text, select=["PM503"]).diagnostics == []  # 09:05 to 09:40 is 35m
    tl = timeline_of(parse(text, load_template("standard")))
    assert [e.label for e in tl.entries if "impact-start" in e.milestones] == ["08:50", "09:05"]
    assert tl.metrics.impact_start is not None and tl.metrics.impact_start.label == "09:05"
    wrong = text.replace("35 minutes", "2 hours")
    diags = lint_text(wrong, select=["PM503"]).diagnostics
    assert _got(wrong, diags) == [("PM503", "2 hours")]
    assert "impact start 09:05 to impact end 09:40 is 35m" in diags[0].message
    # without the markers the inferred start and the resolution measure it
    plain = text.replace(". impact start", "").replace(". impact end", "")
    diags = lint_text(plain, select=["PM503"]).diagnostics
    assert "impact start 08:50 to resolution 10:15" in diags[0].message


# -- PM504 -------------------------------------------------------------------------------------


def test_missing_milestones(lint_text: LintFn) -> None:
    text = _read("missing-milestones.md")
    diags = lint_text(text, select=["PM504"]).diagnostics
    assert _got(text, diags) == [("PM504", "Timeline")]
    d = diags[0]
    assert d.severity == Severity.INFO
    assert d.data is not None and d.data["missing"] == ["mitigation|resolution"]
    assert d.message.startswith("The timeline does not mark mitigation (or resolution) ")
    assert "'rolled back'" in d.message and "'alert fired'" not in d.message


def _timeline_text(*events: str) -> str:
    rows = "".join(f"- {10 + i}:00 {ev}\n" for i, ev in enumerate(events))
    return f"# T\n\n## Timeline\n\nAll times UTC.\n\n{rows}"


@pytest.mark.parametrize(
    "events",
    [
        # no entry marks the impact start: the first entry is the earliest known start
        ("Release 4.2 reaches the EU cluster", "Checkout alert fires", "Release rolled back"),
        # a declaration says the responders knew
        (
            "Release 4.2 reaches the EU cluster",
            "Incident declared by support",
            "Checkout back to normal",
        ),
        # mitigation alone tells when the impact ended
        ("Errors start on checkout", "Checkout alert fires", "Traffic restored to the old pool"),
        # labels, as in a "Key events" list
        ("Detection: checkout alert", "Investigating the cache", "Recovery: cache warmed"),
        # terse notes: the data put back, the service up again
        ("Orders table dropped by a script", "Pager alert fires", "dump restored to db-2"),
        ("Health check starts failing", "Pingdom alert fires", "site back up, checks green"),
        # detection told through a person: someone catches the symptom on a screen, or the
        # responders hear of it from whoever is on site
        (
            "Release 4.2 reaches the EU cluster",
            "Ines caught the dip in completed baskets on the sales board",
            "Release rolled back",
        ),
        ("Press 3 stops feeding sheets", "I get the call", "Press 3 running normally again"),
        (
            "Press 3 stops feeding sheets",
            "The floor supervisor rings me",
            "Press 3 running normally again",
        ),
        # the end of the impact told of what users do: it worked again, recovered, is back
        ("Sign-in page returns 502", "Login alert fires", "Staff logins worked again"),
        ("Sign-in page returns 502", "Login alert fires", "Library logins recovered"),
        ("Sign-in page returns 502", "Login alert fires", "Email was back for every campus"),
        ("Till app stops at startup", "Till health alert fires", "Till app loaded normally"),
    ],
)
def test_detection_and_end_of_impact_are_enough(lint_text: LintFn, events: tuple[str, ...]) -> None:
    assert lint_text(_timeline_text(*events), select=["PM504"]).diagnostics == []


@pytest.mark.parametrize(
    ("events", "missing"),
    [
        (
            ("Release 4.2 reaches the EU cluster", "Cache hit rate falls", "Release rolled back"),
            ["detection|declared"],
        ),
        (
            ("Errors start on checkout", "Checkout alert fires", "Cache keys compared"),
            ["mitigation|resolution"],
        ),
        # a person's repair or errand is no detection
        (
            (
                "Press 3 stops feeding sheets",
                "Ravi caught up with the press vendor",
                "Press 3 running normally again",
            ),
            ["detection|declared"],
        ),
        (
            (
                "Press 3 stops feeding sheets",
                "Ravi phones the vendor for a belt",
                "Press 3 running normally again",
            ),
            ["detection|declared"],
        ),
        # a queue that backs up and a restore that failed end nothing
        (
            ("Errors start on checkout", "Checkout alert fires", "Orders queue begins to back up"),
            ["mitigation|resolution"],
        ),
        (
            ("Errors start on checkout", "Checkout alert fires", "Restore of the dump failed"),
            ["mitigation|resolution"],
        ),
        # people who worked again, a retry that failed, a recovery that did not hold, data
        # brought back or a disk that got its space back end no impact
        (
            ("Sign-in page returns 502", "Login alert fires", "We worked again through the night"),
            ["mitigation|resolution"],
        ),
        (
            ("Sign-in page returns 502", "Login alert fires", "Rota loaded again and failed"),
            ["mitigation|resolution"],
        ),
        (
            ("Sign-in page returns 502", "Login alert fires", "Logins recovered briefly"),
            ["mitigation|resolution"],
        ),
        (
            ("Sign-in page returns 502", "Login alert fires", "We recovered the auth logs"),
            ["mitigation|resolution"],
        ),
        (
            ("Sign-in page returns 502", "Login alert fires", "Emails were recovered from tape"),
            ["mitigation|resolution"],
        ),
        (
            ("Sign-in page returns 502", "Login alert fires", "Disk recovered space after purge"),
            ["mitigation|resolution"],
        ),
        (
            ("Release 4.2 reaches the EU cluster", "Cache hit rate falls", "Cache keys compared"),
            ["detection|declared", "mitigation|resolution"],
        ),
    ],
)
def test_genuinely_absent_milestones_are_reported(
    lint_text: LintFn, events: tuple[str, ...], missing: list[str]
) -> None:
    diags = lint_text(_timeline_text(*events), select=["PM504"]).diagnostics
    assert [d.data["missing"] for d in diags if d.data] == [missing]


def test_both_missing_message(lint_text: LintFn) -> None:
    text = _timeline_text(
        "Release 4.2 reaches the EU cluster", "Cache hit rate falls", "Cache keys compared"
    )
    (d,) = lint_text(text, select=["PM504"]).diagnostics
    assert d.message == (
        "The timeline marks neither detection (or the incident declaration) "
        "nor mitigation (or resolution) (write e.g. 'alert fired', "
        "'rolled back' in the event text)"
    )


def test_required_milestones_option(lint_text: LintFn) -> None:
    text = _read("missing-milestones.md")
    diags = lint_text(
        text, select=["PM504"], rules={"PM504": {"required": ["detection", "resolution"]}}
    ).diagnostics
    assert [d.data["missing"] for d in diags if d.data] == [["resolution"]]
    # teams that want the impact start marked say so; the first entry does not count then
    strict = lint_text(
        text,
        select=["PM504"],
        rules={"PM504": {"required": ["impact-start", "detection", "mitigation|resolution"]}},
    ).diagnostics
    assert [d.data["missing"] for d in strict if d.data] == [
        ["impact-start", "mitigation|resolution"]
    ]
    assert "marks neither the impact start nor mitigation (or resolution)" in strict[0].message
    # alternatives in any order, with spaces
    alt = lint_text(
        text, select=["PM504"], rules={"PM504": {"required": ["resolution | detection"]}}
    ).diagnostics
    assert alt == []


def test_short_timeline_is_not_judged(lint_text: LintFn) -> None:
    text = "# T\n\n## Timeline\n\nAll times UTC.\n\n- 10:00 Deploy\n- 10:20 Dashboards checked\n"
    assert lint_text(text, select=["PM504"]).diagnostics == []


# -- the examples ------------------------------------------------------------------------------


def test_examples(lint_text: LintFn) -> None:
    good = (ROOT / "examples" / "good-postmortem.md").read_text(encoding="utf-8")
    assert lint_text(good, select=["PM5"]).diagnostics == []
    bad = (ROOT / "examples" / "bad-postmortem.md").read_text(encoding="utf-8")
    got = _got(bad, lint_text(bad, select=["PM5"]).diagnostics)
    assert sorted(got) == [
        ("PM501", "Timeline"),
        ("PM502", "09:15"),
        ("PM503", "20 minutes"),
        ("PM504", "Timeline"),
    ]


def test_good_example_has_no_warning_at_all() -> None:
    """The CLI, as a user runs it: the good example passes at the default --fail-on."""
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "pm_lsp.cli",
            "--format",
            "json",
            str(ROOT / "examples" / "good-postmortem.md"),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    data = json.loads(out.stdout)
    severities = {d["severity"] for f in data["files"] for d in f["diagnostics"]}
    assert out.returncode == 0 and severities <= {"info", "hint"}


# -- misc34 class 4: "local time" is no zone; a zone named elsewhere is ---------------------
_LOCAL_ROWS = (
    "| Time | Event |\n|---|---|\n| 07:55 | Ticket gates stop reading cards |\n"
    "| 08:30 | Gate controller restarted |\n"
)


@pytest.mark.parametrize(
    "head",
    [
        "## Timeline (local time)\n\n",
        "## Timeline\n\nAll times are local.\n\n",
        "## Timeline\n\nTimes below are station local time.\n\n",
        "## Sequence of events, local time\n\n",
    ],
)
def test_a_timeline_in_local_time_only_has_no_zone(lint_text: LintFn, head: str) -> None:
    text = f"# Gate outage\n\n{head}{_LOCAL_ROWS}"
    assert [d.code for d in lint_text(text, select=["PM501"]).diagnostics] == ["PM501"], head


@pytest.mark.parametrize(
    "head",
    [
        "Times in this report are AEST.\n\n## Timeline (local time)\n\n",
        "## Timeline\n\nAll times local (Europe/Lisbon).\n\n",
        "## Timeline (local time, CET)\n\n",
        "## Timeline\n\nTime zone: America/Argentina/Salta.\n\n",
    ],
)
def test_local_time_with_a_zone_named_elsewhere_is_zoned(lint_text: LintFn, head: str) -> None:
    text = f"# Gate outage\n\n{head}{_LOCAL_ROWS}"
    assert lint_text(text, select=["PM501"]).diagnostics == [], head


# -- a timeline told as prose ------------------------------------------------------------------

_PROSE = (
    "# Kiln controller restarts\n\n**Severity:** SEV3\n\n## Summary\n\n"
    "The kiln controllers restarted in a loop; the outage lasted 20 minutes.\n\n"
    "## Timeline\n\nAll times UTC.\n\n"
    "At 21:10, the firmware update reached the first kiln. Its controller rebooted twice.\n\n"
    "At about 21:40 the night supervisor saw the temperature chart go flat. {third}\n\n"
    "{fourth} the vendor's engineer joined the call and asked for the logs.\n"
)


def test_a_step_back_between_sentences_of_a_prose_timeline_is_reported(
    lint_text: LintFn,
) -> None:
    """Sentences that open with their time are the entries of a timeline written as prose;
    a short step back between two is the writer's slip. PM504 and PM503 do not judge such
    a timeline: the sentences without a time may tell the detection or the fix."""
    text = _PROSE.format(third="By 22:25 all six kilns were cooling.", fourth="Shortly after 22:15")
    got = _got(text, lint_text(text, select=["PM5"]).diagnostics)
    assert got == [("PM502", "22:15")]


@pytest.mark.parametrize(
    ("third", "fourth"),
    [
        # a long step back: a day the story passed over in silence, or a look back
        ("At 22:50 the last kiln was reset.", "At 16:20 the next day"),
        # only two sentences open with a time: remarks, no timeline
        ("All six kilns were cooling soon after.", "Later,"),
    ],
)
def test_prose_with_a_long_step_back_or_few_times_draws_no_order_finding(
    lint_text: LintFn, third: str, fourth: str
) -> None:
    text = _PROSE.format(third=third, fourth=fourth)
    assert lint_text(text, select=["PM5"]).diagnostics == []


def test_prose_after_a_list_timeline_is_not_read(lint_text: LintFn) -> None:
    text = (
        "# Kiln controller restarts\n\n## Timeline\n\nAll times UTC.\n\n"
        "- 21:10 Firmware update reaches the first kiln\n- 21:40 Alert fired for flat charts\n"
        "- 22:30 Firmware rolled back, kilns heating again\n\n"
        "At 20:00 the evening before, the vendor had published the update. At 19:00 we had"
        " approved it. At 18:00 the change board met.\n"
    )
    assert lint_text(text, select=["PM502"]).diagnostics == []
