"""The timeline model (pm_lsp/timeline.py): timestamp parsing, extraction from tables, lists,
headings and label regions, midnight rollover, zones, milestones and metrics. Real Markdown
parsing, no spaCy needed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import FIXTURES

from pm_lsp.model.document import PostmortemDoc
from pm_lsp.parse.markdown import parse
from pm_lsp.policy.rulepack import builtin_pack
from pm_lsp.policy.templates import load_template
from pm_lsp.rules.timeline.model import (
    MILESTONES,
    Timeline,
    format_delta,
    half_day,
    parse_stamp,
    timeline_of,
    words,
)

HERE = FIXTURES / "timeline"
STANDARD = load_template("standard")
D = dt.date
T = dt.time


def _doc(name: str) -> PostmortemDoc:
    return parse((HERE / name).read_text(encoding="utf-8"), STANDARD)


def _tl(name: str) -> tuple[PostmortemDoc, Timeline]:
    doc = _doc(name)
    return doc, timeline_of(doc)


def _minutes(d: dt.timedelta | None) -> float | None:
    return None if d is None else d.total_seconds() / 60


# -- timestamps --------------------------------------------------------------------------------

STAMPS = [
    # text, date, time, zone, consumed
    ("14:02", None, T(14, 2), None, "14:02"),
    ("9:05 - deploy", None, T(9, 5), None, "9:05"),
    ("14:02:33 event", None, T(14, 2, 33), None, "14:02:33"),
    ("2:05 pm", None, T(14, 5), None, "2:05 pm"),
    ("2:05PM", None, T(14, 5), None, "2:05PM"),
    ("11:59 a.m. x", None, T(11, 59), None, "11:59 a.m."),
    ("12:00 AM", None, T(0, 0), None, "12:00 AM"),
    ("12:30 PM", None, T(12, 30), None, "12:30 PM"),
    ("2 PM: call", None, T(14, 0), None, "2 PM"),
    ("13:55 PM", None, T(13, 55), None, "13:55 PM"),  # 24-hour time with a stray PM
    ("24:00", None, T(0, 0), None, "24:00"),
    ("14:02 UTC", None, T(14, 2), "UTC", "14:02 UTC"),
    ("14:02 (CEST) x", None, T(14, 2), "CEST", "14:02 (CEST)"),
    ("14:02Z", None, T(14, 2), "Z", "14:02Z"),
    ("14:02+02:00", None, T(14, 2), "+02:00", "14:02+02:00"),
    ("14:02 UTC+1", None, T(14, 2), "UTC+1", "14:02 UTC+1"),
    ("7:09 AM Eastern: x", None, T(7, 9), "Eastern", "7:09 AM Eastern"),
    ("2025-03-14", D(2025, 3, 14), None, None, "2025-03-14"),
    ("2025-03-14 23:58", D(2025, 3, 14), T(23, 58), None, "2025-03-14 23:58"),
    ("2025-03-14T23:58:10Z", D(2025, 3, 14), T(23, 58, 10), "Z", "2025-03-14T23:58:10Z"),
    (
        "2025-03-14T23:58:10.123+01:00",
        D(2025, 3, 14),
        T(23, 58, 10),
        "+01:00",
        "2025-03-14T23:58:10.123+01:00",
    ),
    ("2025/03/14 08:00 PST", D(2025, 3, 14), T(8, 0), "PST", "2025/03/14 08:00 PST"),
    ("March 14, 2025", D(2025, 3, 14), None, None, "March 14, 2025"),
    ("14 Mar 2025 09:10", D(2025, 3, 14), T(9, 10), None, "14 Mar 2025 09:10"),
    ("Mar 14, 2:05 PM", D(2024, 3, 14), T(14, 5), None, "Mar 14, 2:05 PM"),  # year from context
    ("22:30 UTC (Oct 29)", D(2024, 10, 29), T(22, 30), "UTC", "22:30 UTC (Oct 29)"),
    (
        "12:45 PM PST Saturday Oct 30th: x",
        D(2024, 10, 30),
        T(12, 45),
        "PST",
        "12:45 PM PST Saturday Oct 30th",
    ),
    ("7/5/2023", D(2023, 7, 5), None, None, "7/5/2023"),
    ("25/12/2024", D(2024, 12, 25), None, None, "25/12/2024"),  # first number > 12: day first
]


@pytest.mark.parametrize(
    ("text", "date", "time", "zone", "consumed"), STAMPS, ids=[s[0] for s in STAMPS]
)
def test_parse_stamp(
    text: str, date: dt.date | None, time: dt.time | None, zone: str | None, consumed: str
) -> None:
    st = parse_stamp(text, year=2024)
    assert st is not None
    assert (st.date, st.time, st.zone) == (date, time, zone)
    assert text[st.start : st.end] == consumed


CLASHES = [
    # text, time, clash, the AM/PM marker as cut out by Stamp.suffix
    ("13:55 PM", T(13, 55), "redundant", " PM"),  # 13:55 either way
    ("00:15 AM", T(0, 15), "redundant", " AM"),
    ("21:05pm UTC", T(21, 5), "redundant", "pm"),
    ("23:00 AM MST", T(23, 0), "contradictory", " AM"),  # evening digits, morning marker
    ("00:30 PM", T(0, 30), "contradictory", " PM"),
    ("16 PM", T(16, 0), "redundant", " PM"),
    ("12:30 PM", T(12, 30), None, " PM"),  # a proper 12-hour time
    ("1:05 a.m.", T(1, 5), None, " a.m."),
    ("14:02", T(14, 2), None, None),
]


@pytest.mark.parametrize(("text", "time", "clash", "suffix"), CLASHES, ids=[c[0] for c in CLASHES])
def test_am_pm_on_a_24_hour_hour_is_read_as_the_digits_and_marked(
    text: str, time: dt.time, clash: str | None, suffix: str | None
) -> None:
    st = parse_stamp(text)
    assert st is not None and st.time == time and st.clash == clash
    assert (text[st.suffix[0] : st.suffix[1]] if st.suffix else None) == suffix


@pytest.mark.parametrize(
    "text",
    [
        "5 may be late",
        "3 hosts failed",
        "25:10",
        "14:75",
        "v4.12",
        "0 pm",
        "1:1 mapping",
        "the 14:02 deploy",
        "2025-13-40",
        "25:00 PM",
        "24 AM",
    ],
)
def test_not_a_stamp(text: str) -> None:
    assert parse_stamp(text) is None


def test_format_delta() -> None:
    assert format_delta(dt.timedelta(minutes=47)) == "47m"
    assert format_delta(dt.timedelta(hours=1, minutes=5)) == "1h 05m"
    assert format_delta(dt.timedelta(days=1, hours=2)) == "1d 2h 00m"


# -- milestones --------------------------------------------------------------------------------


def _lines(path: Path) -> list[str]:
    return [
        ln.rstrip("\n")
        for ln in path.read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ]


MILESTONE_LINES = [tuple(ln.split("\t")) for ln in _lines(HERE / "milestones.txt")]


@pytest.mark.parametrize(("kind", "event"), MILESTONE_LINES, ids=[e for _, e in MILESTONE_LINES])
def test_milestone_sentences(kind: str, event: str) -> None:
    assert kind in words(builtin_pack()).classify(event)


@pytest.mark.parametrize("event", _lines(HERE / "milestones-clean.txt"))
def test_milestone_look_alikes_stay_clean(event: str) -> None:
    assert words(builtin_pack()).classify(event) == frozenset()


def test_every_milestone_pattern_has_a_fixture_sentence() -> None:
    w = words(builtin_pack())
    by_kind: dict[str, list[str]] = {k: [] for k in MILESTONES}
    for kind, event in MILESTONE_LINES:
        by_kind[kind].append(event)
    uncovered = [
        f"{k}: {p.pattern}"
        for k, pats in w.milestones.items()
        for p in pats
        if not any(p.search(e) for e in by_kind[k])
    ]
    assert uncovered == []


# -- extraction --------------------------------------------------------------------------------


def test_good_example_timeline_and_metrics() -> None:
    from conftest import ROOT

    doc = parse((ROOT / "examples" / "good-postmortem.md").read_text(encoding="utf-8"), STANDARD)
    tl = timeline_of(doc)
    assert tl.zone == "UTC" and tl.dated
    assert [e.label for e in tl.entries][:3] == ["13:41", "14:03", "14:11"]
    assert all(e.when.date() == D(2025, 3, 14) for e in tl.entries)
    m = tl.metrics
    assert m.start_kind == "impact-start" and m.start is not None and m.start.label == "14:03"
    assert (
        _minutes(m.time_to_detect),
        _minutes(m.time_to_mitigate),
        _minutes(m.time_to_resolve),
    ) == (8, 31, 47)
    assert m.as_dict()["time_to_resolve_minutes"] == 47
    # cached on the document for the language server, per pack and template
    assert timeline_of(doc) is tl and timeline_of(doc, builtin_pack(), STANDARD) is tl
    other = load_template("google-sre")
    assert timeline_of(doc, builtin_pack(), other) is not tl
    assert timeline_of(doc, builtin_pack(), other) is timeline_of(doc, None, other)


def test_list_with_rollover_past_midnight() -> None:
    doc, tl = _tl("rollover-list.md")
    assert [e.source for e in tl.entries] == ["list"] * 6
    assert [e.when.date() for e in tl.entries] == [D(2000, 1, 1)] * 3 + [D(2000, 1, 2)] * 3
    assert [e.rolled_over for e in tl.entries] == [False, False, False, True, False, False]
    assert not tl.dated
    first = tl.entries[0]
    assert doc.text[first.start : first.end] == "23:40"
    assert doc.text[first.event_start : first.event_end].startswith("Export workers start")
    assert _minutes(tl.metrics.time_to_resolve) == 65
    assert _minutes(tl.metrics.time_to_mitigate) == 25


def test_date_headings_and_bold_times() -> None:
    doc, tl = _tl("date-headings.md")
    assert tl.zone == "CET"
    assert [(e.when, e.rolled_over) for e in tl.entries] == [
        (dt.datetime(2025, 4, 9, 22, 10), False),
        (dt.datetime(2025, 4, 9, 22, 25), False),
        (dt.datetime(2025, 4, 10, 6, 55), False),
        (dt.datetime(2025, 4, 10, 7, 20), False),
    ]
    assert doc.text[tl.entries[0].start : tl.entries[0].end] == "22:10"  # inside **...**
    assert _minutes(tl.metrics.time_to_resolve) == 9 * 60 + 10


def test_mixed_12_and_24_hour_clock() -> None:
    _, tl = _tl("mixed-clock.md")
    assert [e.when.time() for e in tl.entries] == [
        T(13, 58),
        T(14, 5),
        T(14, 12),
        T(14, 40),
        T(14, 57),
    ]
    assert tl.zone == "PT"  # from the "Time (PT)" column header
    assert _minutes(tl.metrics.time_to_resolve) == 52


HALF_DAY = [
    # written, previous entry (None: first), first AM/PM time of the timeline, reading
    (T(12, 10), T(23, 50), T(23, 50), T(0, 10)),  # 11:50 PM, "12:10": ten past midnight
    (T(10, 5), T(9, 55), T(9, 55), T(10, 5)),  # 9:55 AM, "10:05": the same morning
    (T(10, 20), T(22, 5), T(22, 5), T(22, 20)),  # 10:05 PM, "10:20": the same evening
    (T(4, 15), T(11, 30), T(9, 0), T(16, 15)),  # 11:30 AM, "4:15": the afternoon
    (T(8, 0), T(22, 30), T(22, 30), T(8, 0)),  # 10:30 PM, "8:00": the next morning
    (T(10, 10), T(10, 20), T(9, 0), T(10, 10)),  # ten minutes back: out of order, not 10:10 PM
    (T(9, 0), T(10, 5), T(9, 0), T(21, 0)),  # 65 minutes back is too far: 9 PM
    (T(12, 10), None, T(0, 40), T(0, 10)),  # first entry, before 12:40 AM
    (T(9, 30), None, T(9, 55), T(9, 30)),  # first entry, before 9:55 AM
    (T(11, 50), None, T(0, 10), T(23, 50)),  # first entry, before 12:10 AM
]


@pytest.mark.parametrize(("t", "prev", "anchor", "want"), HALF_DAY)
def test_half_day_reading(t: dt.time, prev: dt.time | None, anchor: dt.time, want: dt.time) -> None:
    assert half_day(t, prev, anchor) == want


def test_twelve_hour_timeline_reads_bare_times_on_its_clock() -> None:
    """11:50 PM then "12:06" is six past midnight, not noon: the order holds and the
    metrics are minutes, not half a day."""
    _, tl = _tl("twelve-hour.md")
    assert [(e.when.day, e.when.time()) for e in tl.entries] == [
        (1, T(23, 35)),
        (1, T(23, 42)),
        (1, T(23, 58)),
        (2, T(0, 6)),
        (2, T(0, 25)),
        (2, T(1, 10)),
    ]
    assert [e.ampm_inferred for e in tl.entries] == [False, False, True, True, False, True]
    m = tl.metrics
    assert (
        _minutes(m.time_to_detect),
        _minutes(m.time_to_mitigate),
        _minutes(m.time_to_resolve),
    ) == (7, 31, 50)


def test_twelve_hour_table_keeps_a_short_step_back_and_reads_the_afternoon() -> None:
    _, tl = _tl("twelve-hour-morning.md")
    assert [e.when.time() for e in tl.entries] == [
        T(9, 48),
        T(9, 55),
        T(10, 5),
        T(10, 20),
        T(10, 10),
        T(11, 30),
        T(16, 15),
    ]
    assert _minutes(tl.metrics.time_to_resolve) == 102


def test_bare_times_stay_24_hour_when_the_timeline_writes_24_hour_times() -> None:
    """ "14:12" next to "2:05 PM" shows the bare times are on the 24-hour clock."""
    _, tl = _tl("mixed-clock.md")
    assert not any(e.ampm_inferred for e in tl.entries)
    text = (
        "# T\n\n## Timeline\n\nAll times UTC.\n\n- 09:10 Errors start\n- 09:20 Alert "
        "fires\n- 10:05 Config reverted\n"
    )
    tl = timeline_of(parse(text, STANDARD))
    assert not any(e.ampm_inferred for e in tl.entries)  # no AM/PM anywhere: as written
    assert [e.when.time() for e in tl.entries] == [T(9, 10), T(9, 20), T(10, 5)]


MIXED_EVENING = """# Gate readers reject passes

## Timeline (all times CET)

| Time | Event |
|------|-------|
| 4:50 pm | Reader firmware 3.2 pushed to the north gates |
| 17:05 | First season pass rejected |
| 5:30 | Steward radios that the north gates stay shut |
| 17:45 | Firmware rolled back on every reader |
| 11:10 PM | Late shift reports queues cleared |
| 11:25 | Gate counts back to normal |
| 23:40 | Incident resolved |
"""


def test_a_bare_time_among_afternoon_rows_of_both_clocks_continues_the_afternoon() -> None:
    """A list that writes "4:50 pm" and "17:05" alike: a bare "5:30" between 17:05 and
    17:45 is 17:30, and "11:25" between 11:10 PM and 23:40 is 23:25, not the next
    morning. Times written with AM/PM or the 24-hour way keep their reading."""
    tl = timeline_of(parse(MIXED_EVENING, STANDARD))
    assert [(e.when.day, e.when.time(), e.ampm_inferred) for e in tl.entries] == [
        (1, T(16, 50), False),
        (1, T(17, 5), False),
        (1, T(17, 30), True),
        (1, T(17, 45), False),
        (1, T(23, 10), False),
        (1, T(23, 25), True),
        (1, T(23, 40), False),
    ]


@pytest.mark.parametrize(
    ("rows", "want"),
    [
        # a leading zero is the 24-hour clock's: the morning, as written
        (["4:50 pm", "17:05", "05:30", "17:45"], [T(16, 50), T(17, 5), T(5, 30), T(17, 45)]),
        # past midnight: read forward as written
        (["10:40 pm", "23:30", "1:15", "01:50"], [T(22, 40), T(23, 30), T(1, 15), T(1, 50)]),
        # the next row is the next morning: the bare time is too
        (["9:40 pm", "21:55", "10:30", "07:00"], [T(21, 40), T(21, 55), T(10, 30), T(7, 0)]),
        # no AM/PM written anywhere: every time as written
        (["16:50", "17:05", "5:30", "17:45"], [T(16, 50), T(17, 5), T(5, 30), T(17, 45)]),
        # the last row, far from the one before it in the afternoon reading
        (["1:10 pm", "13:25", "9:15"], [T(13, 10), T(13, 25), T(9, 15)]),
    ],
)
def test_a_bare_time_that_does_not_fit_the_afternoon_keeps_its_reading(
    rows: list[str], want: list[dt.time]
) -> None:
    table = "".join(f"| {r} | Step {i} of the night |\n" for i, r in enumerate(rows))
    text = f"# T\n\n## Timeline (all times CET)\n\n| Time | Event |\n|---|---|\n{table}"
    tl = timeline_of(parse(text, STANDARD))
    assert [e.when.time() for e in tl.entries] == want
    assert not any(e.ampm_inferred for e in tl.entries)


def test_twelve_hour_reading_is_per_timeline_region() -> None:
    """A second timeline (a "Key events" list) on the 24-hour clock is not re-read because
    the first one uses AM/PM."""
    text = (
        "# T\n\n## Summary\n\n- **Key events**\n  - First detected 2025-03-01 09:40\n"
        "  - Resolved 2025-03-01 10:15\n\n## Timeline\n\nAll times PT.\n\n"
        "- 11:50 PM Errors start\n- 12:10 Config reverted\n- 12:30 AM Resolved\n"
    )
    tl = timeline_of(parse(text, STANDARD))
    assert [(e.region, e.when.time(), e.ampm_inferred) for e in tl.entries] == [
        (0, T(9, 40), False),
        (0, T(10, 15), False),
        (1, T(23, 50), False),
        (1, T(0, 10), True),
        (1, T(0, 30), False),
    ]


def test_contradictory_time_is_not_used_for_metrics() -> None:
    """ "23:15 AM" could be 23:15 or 11:15: no metric is computed from it."""
    text = (
        "# T\n\n## Timeline\n\nAll times UTC.\n\n- 10:00 AM Errors start\n"
        "- 10:07 AM Alert fires\n- 23:15 AM Incident resolved\n"
    )
    tl = timeline_of(parse(text, STANDARD))
    m = tl.metrics
    assert m.resolved is not None and m.resolved.clash == "contradictory"
    assert not m.resolved.reliable
    assert _minutes(m.time_to_detect) == 7 and m.time_to_resolve is None


def test_redundant_am_pm_times_give_metrics() -> None:
    _, tl = _tl("clock-clash.md")
    assert [e.clash for e in tl.entries] == [
        None,
        "redundant",
        "redundant",
        "contradictory",
        "redundant",
    ]
    m = tl.metrics
    assert (_minutes(m.time_to_mitigate), _minutes(m.time_to_resolve)) == (25, 65)


def test_separate_date_column_in_reordered_table() -> None:
    doc, tl = _tl("date-column.md")
    assert [e.when for e in tl.entries] == [
        dt.datetime(2025, 5, 20, 21, 50),
        dt.datetime(2025, 5, 20, 22, 5),
        dt.datetime(2025, 5, 21, 3, 15),
        dt.datetime(2025, 5, 21, 7, 30),
    ]
    # the event comes from the Event column, the time from the Time column
    e = tl.entries[1]
    assert doc.text[e.event_start : e.event_end] == "Disk usage alert fires"
    assert doc.text[e.start : e.end] == "22:05"
    assert tl.zone == "UTC"
    assert _minutes(tl.metrics.time_to_resolve) == 9 * 60 + 40


def test_label_region_key_events() -> None:
    doc, tl = _tl("key-events.md")
    assert [e.source for e in tl.entries] == ["label"] * 4
    assert [doc.text[e.event_start : e.event_end] for e in tl.entries] == [
        "First detected",
        "Incident declared",
        "Repaired",
        "Resolved",
    ]
    assert tl.metrics.start_kind == "detection"
    assert _minutes(tl.metrics.time_to_resolve) == 3 * 60 + 31
    assert tl.anchor is not None and doc.text[tl.anchor.start : tl.anchor.end] == "Key events"


def test_time_headings_take_the_next_paragraph_as_event() -> None:
    text = (
        "# T\n\n## Timeline\n\n### 2025-02-01 16:24 PST\n\nNode runs out of memory.\n\n"
        "### 16:59 PST\n\nAlert fires for the proxy.\n\n### 17:30 - Proxy restarted, "
        "traffic restored\n"
    )
    doc = parse(text, STANDARD)
    tl = timeline_of(doc)
    assert [(e.label, doc.text[e.event_start : e.event_end]) for e in tl.entries] == [
        ("2025-02-01 16:24 PST", "Node runs out of memory."),
        ("16:59 PST", "Alert fires for the proxy."),
        ("17:30", "Proxy restarted, traffic restored"),
    ]
    assert [e.when.date() for e in tl.entries] == [D(2025, 2, 1)] * 3
    assert [sorted(e.milestones) for e in tl.entries] == [
        ["impact-start"],
        ["detection"],
        ["mitigation"],
    ]


def test_paragraph_lines_and_date_lines() -> None:
    text = (
        "# T\n\n## Timeline (all times PST) 7/5/2023\n\n12:11 PM: Phishing mail arrives.\n\n"
        "_7/6/2023_\n\n9:05 AM: Mail filter updated.\n\nThe team met at 14:00 to review.\n"
    )
    doc = parse(text, STANDARD)
    tl = timeline_of(doc)
    assert tl.zone == "PST"
    assert [e.when for e in tl.entries] == [
        dt.datetime(2023, 7, 5, 12, 11),
        dt.datetime(2023, 7, 6, 9, 5),
    ]


def test_overnight_step_is_next_day_and_small_step_back_is_not() -> None:
    text = (
        "# T\n\n## Timeline\n\nAll times UTC.\n\n- 19:47 Deploy attempted\n"
        "- 11:07 Deploy succeeds\n- 10:50 Cache cleared\n"
    )
    tl = timeline_of(parse(text, STANDARD))
    assert [e.rolled_over for e in tl.entries] == [False, True, False]
    assert [e.when.day for e in tl.entries] == [1, 2, 2]


def test_undated_entries_before_the_first_date_are_backdated() -> None:
    text = (
        "# T\n\n## Timeline\n\nAll times UTC.\n\n- 23:50 Errors start\n\n"
        "### 2025-03-15\n\n- 00:10 Incident resolved\n"
    )
    tl = timeline_of(parse(text, STANDARD))
    assert [e.when for e in tl.entries] == [
        dt.datetime(2025, 3, 14, 23, 50),
        dt.datetime(2025, 3, 15, 0, 10),
    ]
    assert _minutes(tl.metrics.time_to_resolve) == 20


def test_mixed_zones_compare_in_utc() -> None:
    text = (
        "# T\n\n## Timeline\n\n- 14:00 UTC Errors start\n- 15:10 CET Alert fires\n"
        "- 14:30 UTC Config reverted\n"
    )
    tl = timeline_of(parse(text, STANDARD))
    assert [e.utc for e in tl.entries] == [
        dt.datetime(2000, 1, 1, 14, 0),
        dt.datetime(2000, 1, 1, 14, 10),
        dt.datetime(2000, 1, 1, 14, 30),
    ]
    assert _minutes(tl.metrics.time_to_detect) == 10


def test_prose_outside_timeline_is_ignored() -> None:
    text = (
        "# T\n\n## Summary\n\n- 14:02 the alert fired\n\n## Timeline\n\n"
        "The on-call engineer was paged at 14:02 and found the cause.\n"
    )
    tl = timeline_of(parse(text, STANDARD))
    assert tl.entries == ()


def test_crlf_and_emoji_offsets() -> None:
    raw = (HERE / "crlf-emoji.md").read_text(encoding="utf-8")
    for text in (raw, raw.replace("\n", "\r\n")):
        doc = parse(text, STANDARD)
        tl = timeline_of(doc)
        assert [doc.text[e.start : e.end] for e in tl.entries] == [
            "09:40",
            "09:15",
            "09:52",
            "10:05",
            "10:20",
        ]
        ev = tl.entries[1]
        assert doc.text[ev.event_start : ev.event_end] == "🔥 Sync errors start for 東京 tenants"
        assert tl.metrics.impact_start is ev


def test_metrics_ignore_detection_before_the_impact_started() -> None:
    text = (
        "# T\n\n## Timeline\n\nAll times UTC.\n\n- 08:00 Disk alert fires for the old "
        "cluster\n- 09:00 Errors start on checkout\n- 09:06 Checkout alert fires\n"
        "- 09:30 Release rolled back\n- 09:45 Checkout back to normal\n"
    )
    m = timeline_of(parse(text, STANDARD)).metrics
    assert m.detected is not None and m.detected.label == "09:06"
    assert (
        _minutes(m.time_to_detect),
        _minutes(m.time_to_mitigate),
        _minutes(m.time_to_resolve),
    ) == (6, 30, 45)


def test_metrics_without_milestones_are_none() -> None:
    _, tl = _tl("missing-milestones.md")
    m = tl.metrics
    assert m.start_kind == "detection"
    assert (m.time_to_detect, m.time_to_mitigate, m.time_to_resolve) == (None, None, None)
