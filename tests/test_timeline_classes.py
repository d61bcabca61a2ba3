"""Three ways real timelines are written that the timeline model must read, each with true
positives and hard negatives on fixture postmortems written for them:

* a backwards step within one stated date ("[03-26 23:04]" then "[03-26 02:50]") is out of
  order, not a rollover past midnight; the next date ("[03-27 00:50]") is in order;
* four digits without a colon are a time where they are one ("1432 UTC", "1507: ..."), not
  a year ("2015: ..."), not a count ("1432 requests failed");
* a date subheading ("### 07-10-2021") carries its date to the entries below it, read day
  or month first as the document writes its dates, so the next day's morning is not
  "earlier than the entry before it", while a real step back under one date still is;
* a day of the week before the time ("Fri 22:15", "Saturday at 01:40", a "Day" column of
  "Tue", "Wed") says when the day changed, so a step back after midnight is still out of
  order, and the next day's morning after an afternoon is not;
* a dotted day and month before the time ("04.03 21:30", "4.3. 21:30") is the row's date,
  day first, so a table stamped so is read at all and ordered across midnight; a version
  or a decimal before a time ("3.8.0 14:00", "99.5 10:00") is none;
* without a marked impact start, a stated duration longer than the span from the change
  put out before the detection (a rollout, or a new setting told as live) to the end
  contradicts the timeline, as a shorter one than detection-to-end does.
"""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import FIXTURES, LintFn

from pm_lsp.parse.markdown import parse
from pm_lsp.policy.config import Settings, resolve
from pm_lsp.rules.timeline.model import day_first, parse_stamp, timeline_of

HERE = FIXTURES / "timeline"


def _read(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")


def _pm502(lint_text: LintFn, name: str) -> list[str]:
    text = _read(name)
    return [text[d.start : d.end] for d in lint_text(text, select=["PM502"]).diagnostics]


def _whens(name: str) -> list[dt.datetime]:
    cfg = resolve([Settings()])
    tl = timeline_of(parse(_read(name), cfg.template), cfg.pack, cfg.template)
    return [e.when for e in tl.entries]


# -- a backwards step within one stated date ------------------------------------------------


def test_backwards_step_within_one_stated_date_is_out_of_order(lint_text: LintFn) -> None:
    assert _pm502(lint_text, "same-date-back.md") == ["[03-26 02:50]"]


def test_next_stated_date_and_bare_chat_times_past_midnight_are_in_order(
    lint_text: LintFn,
) -> None:
    assert _pm502(lint_text, "same-date-next-day.md") == []
    whens = _whens("same-date-next-day.md")
    assert whens[2] == dt.datetime(2025, 3, 27, 0, 50)  # the year from the Date field


def test_bracketed_stamp_includes_its_brackets() -> None:
    st = parse_stamp("[03-26 23:04] Lag alert fires", year=2025)
    assert st is not None and (st.start, st.end) == (0, 13)
    assert st.date == dt.date(2025, 3, 26) and st.time == dt.time(23, 4)
    assert parse_stamp("[x] Lag alert fires") is None
    assert parse_stamp("[03-26 23:04 Lag alert fires") is None  # the bracket never closes


# -- four-digit times --------------------------------------------------------------------------


def test_four_digit_times_are_read(lint_text: LintFn) -> None:
    assert [w.time() for w in _whens("hhmm-times.md")] == [
        dt.time(14, 32),
        dt.time(14, 40),
        dt.time(15, 7),
        dt.time(15, 22),
    ]
    assert lint_text(_read("hhmm-times.md"), select=["PM5"]).diagnostics == []


def test_four_digit_time_going_back_is_out_of_order(lint_text: LintFn) -> None:
    assert _pm502(lint_text, "hhmm-backwards.md") == ["1418 UTC"]


def test_years_and_counts_are_not_four_digit_times(lint_text: LintFn) -> None:
    assert [w.time() for w in _whens("hhmm-look-alikes.md")] == [
        dt.time(14, 32),
        dt.time(14, 40),
        dt.time(15, 7),
        dt.time(15, 22),
    ]
    assert lint_text(_read("hhmm-look-alikes.md"), select=["PM5"]).diagnostics == []


@pytest.mark.parametrize(
    ("text", "hour_minute"),
    [
        ("2309Z: signer restarted", (23, 9)),
        ("0308 UTC: replicas back in sync", (3, 8)),
        ("0715h - rollback", (7, 15)),
        ("1440: alert fires", (14, 40)),
        ("1507 - rollback", (15, 7)),
        ("Feb 7 2036 UTC: patch released", (20, 36)),
    ],
)
def test_four_digit_time_forms(text: str, hour_minute: tuple[int, int]) -> None:
    st = parse_stamp(text, year=2025)
    assert st is not None and st.time == dt.time(*hour_minute)


@pytest.mark.parametrize(
    "text",
    [
        "2015: the validators were deployed",
        "2019 - the signer moved to hardware keys",
        "1432 requests failed in the first minute",
        "#1432 was the ticket",
        "14321 blocks were produced",
    ],
)
def test_four_digits_that_are_no_time(text: str) -> None:
    st = parse_stamp(text, year=2025)
    assert st is None or st.time is None


def test_a_year_after_a_month_day_stays_a_year() -> None:
    st = parse_stamp("Feb 7, 2025: patch released")
    assert st is not None and st.date == dt.date(2025, 2, 7) and st.time is None


# -- date subheadings --------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["date-subheads.md", "date-subheads-month-first.md"])
def test_date_subheadings_carry_their_date(lint_text: LintFn, name: str) -> None:
    assert _pm502(lint_text, name) == []
    whens = _whens(name)
    assert [w.date() for w in whens] == [dt.date(2021, 10, 7)] * 2 + [dt.date(2021, 10, 8)] * 2


def test_a_step_back_under_one_date_subheading_is_still_reported(lint_text: LintFn) -> None:
    assert _pm502(lint_text, "date-subheads-backwards.md") == ["15:20"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("### 13-10-2021\n### 14-10-2021", True),  # only day first reads 13
        ("### 10-13-2021\n### 10-14-2021", False),  # only month first reads 13
        ("### 07-10-2021\n### 08-10-2021", True),  # the number that changes is the day
        ("### 10-07-2021\n### 10-08-2021", False),
        ("no numeric dates at all", False),
    ],
)
def test_day_first_follows_the_document(text: str, expected: bool) -> None:
    assert day_first(text) is expected


def test_numeric_date_pattern_reads_as_its_plain_form() -> None:
    """The numeric-date pattern opens with a digit (searched for fast) and checks the
    character before it afterwards; it finds exactly what its plain form (a look-behind
    first) finds, on texts built from the characters that matter and on the fixtures."""
    import random
    import re

    from pm_lsp.rules.timeline.model import _NUMERIC_DATE

    plain = re.compile(
        r"(?<![\d.-])(\d{1,2})[-./](\d{1,2})(?:[-./]\d{4}|(?=[ T]\d{1,2}:\d{2}))(?!\d)"
    )
    rng = random.Random(7)
    texts = [
        "".join(rng.choices("0123456789-./ T:x\n", k=rng.randrange(1, 30))) for _ in range(20_000)
    ]
    texts += [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.rglob("*.md"))]
    texts += [
        "07-10-2021",
        "a 3/4/2024 b",
        "1.07-10-2021",
        "-07-10-2021",
        "03-26 23:04",
        "003-26 23:04",
    ]
    for text in texts:
        assert _NUMERIC_DATE.findall(text) == plain.findall(text), text
    assert _NUMERIC_DATE.findall("on 07-10-2021 and 12/03 10:00") == [("07", "10"), ("12", "03")]


def test_day_first_read_paragraph_by_paragraph_is_the_same() -> None:
    from pm_lsp.cache import Memo

    memo: Memo[frozenset[tuple[int, int]]] = Memo()
    texts = [
        "### 13-10-2021\n\n### 14-10-2021",
        "### 07-10-2021\n\n### 08-10-2021\n\n### 07-10-2021",
        "a 03-26 23:04\n\n\nb 03-27 01:00\n",
        *[p.read_text(encoding="utf-8") for p in sorted(FIXTURES.rglob("*.md"))],
    ]
    for text in texts:
        for masked in (parse(text).masked, parse(text.replace("\n", "\r\n")).masked):
            assert day_first(masked, memo) is day_first(masked) is day_first(masked, memo)


def _entries(text: str) -> list[dict[str, object]]:
    from pm_lsp.policy.templates import load_template

    timeline = timeline_of(parse(text, load_template("standard")))
    return [vars(e) for e in timeline.entries] + [
        {"zone": timeline.zone, "span": timeline.zone_span, "dated": timeline.dated}
    ]


def test_timeline_regions_from_the_memo_equal_a_fresh_read() -> None:
    """Each timeline region is memoised by its text, shape and what it inherits, and moved
    to where it now stands: after edits before, inside and between two regions (a zone
    declared in the first, a 12-hour clock in the second), the timeline equals the one
    read with every cache emptied."""
    from pm_lsp.cache import clear_all

    base = (
        "# Outage\n\n**Date**: 2024-03-14\n\nIntro.\n\n## Timeline\n\nAll times UTC.\n\n"
        "- 10:02 Alert fired for checkout errors\n- 10:15 Incident declared\n"
        "- 11:40 Rollback finished, errors stopped\n\n## Impact\n\nSome text.\n\n"
        "## Timeline of the follow-up\n\n| Time | Event |\n|---|---|\n"
        "| 9:05 AM | Review started |\n| 9:30 | Owners assigned |\n| 11:10 | Review closed |\n"
    )
    edits = [
        ("Intro.", "Intro, now longer by a few words."),
        ("Incident declared", "Incident declared by the on-call engineer"),
        ("Some text.", "Some text.\n\n- 12:00 not a timeline entry here"),
        ("All times UTC.", "All times PST."),
        ("| 9:30 |", "| 9:35 |"),
    ]
    text = base
    for old, new in edits:
        text = text.replace(old, new)
        warm = _entries(text)
        clear_all()
        assert warm == _entries(text)
        assert _entries(text) == warm  # and from the memo again
    assert len(warm) == 7  # six entries in two regions, and the zone


def test_day_first_read_section_by_section_is_the_same() -> None:
    """The extractor reads the masked text cut at its sections' line starts: the same
    answer as one reading of the whole text, from the memo or not."""
    from pm_lsp.cache import Memo
    from pm_lsp.rules.timeline.model import _section_cuts

    memo: Memo[frozenset[tuple[int, int]]] = Memo()
    texts = [
        "# T\n\n### 13-10-2021\n\n### 14-10-2021",
        "## A\n07-10-2021 x\n## B\n08-10-2021 y\n> ## C\n07-10-2021 z\n",
        *[p.read_text(encoding="utf-8") for p in sorted(FIXTURES.rglob("*.md"))],
    ]
    for text in texts:
        for doc in (parse(text), parse(text.replace("\n", "\r\n"))):
            cuts = _section_cuts(doc)
            assert cuts == sorted(set(cuts))
            masked = doc.masked
            assert day_first(masked, memo, cuts) is day_first(masked)
            assert day_first(masked, memo, cuts) is day_first(masked)  # from the memo


# -- a day of the week before the time ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "weekday", "hour_minute"),
    [
        ("Fri 22:15 deploy", 4, (22, 15)),
        ("Saturday, 05:50 - call", 5, (5, 50)),
        ("Sunday at 09:05 resumed", 6, (9, 5)),
        ("MON 7 PM call", 0, (19, 0)),
        ("Thurs. 11:20 alert", 3, (11, 20)),
    ],
)
def test_weekday_before_a_time(text: str, weekday: int, hour_minute: tuple[int, int]) -> None:
    st = parse_stamp(text)
    assert st is not None and st.weekday == weekday and st.date is None
    assert st.time is not None and (st.time.hour, st.time.minute) == hour_minute


@pytest.mark.parametrize("text", ["Monitoring 10:00 check", "Sunny 10:00", "Sat 10 minutes idle"])
def test_words_that_start_like_a_weekday_are_no_stamp(text: str) -> None:
    assert parse_stamp(text) is None


def test_weekday_with_a_date_is_the_date() -> None:
    st = parse_stamp("Sat, Mar 14 05:50", year=2026)
    assert st is not None and st.date == dt.date(2026, 3, 14) and st.weekday is None


def test_a_step_back_after_midnight_between_weekday_entries_is_out_of_order(
    lint_text: LintFn,
) -> None:
    assert _pm502(lint_text, "weekday-back.md") == ["Mon 03:55"]
    whens = _whens("weekday-back.md")
    assert whens[2] - whens[1] == dt.timedelta(hours=5, minutes=5)


def test_a_day_back_by_weekday_is_out_of_order(lint_text: LintFn) -> None:
    assert _pm502(lint_text, "weekday-names.md") == ["Fri 23:55"]
    whens = _whens("weekday-names.md")
    assert whens[4] - whens[0] == dt.timedelta(days=1, hours=10, minutes=50)


def test_weekday_column_moves_the_day_forward(lint_text: LintFn) -> None:
    # 14:00 on Tuesday, then 10:00 on Wednesday: in order, and two days to resolve
    assert _pm502(lint_text, "weekday-order.md") == []
    cfg = resolve([Settings()])
    tl = timeline_of(parse(_read("weekday-order.md"), cfg.template), cfg.pack, cfg.template)
    assert tl.metrics.time_to_resolve == dt.timedelta(hours=43, minutes=15)


def test_a_timeline_named_in_parentheses_is_read(lint_text: LintFn) -> None:
    # "How the weekend went (Timeline)": the writer's words name nothing, the parenthesis names it
    text = _read("weekday-back.md").replace("## Timeline", "## How the weekend went (Timeline)")
    diags = lint_text(text, select=["PM502"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == ["Mon 03:55"]
    # a parenthesis that names no part: the entries told by their time still make the
    # section the timeline of a document that names none
    text = _read("weekday-back.md").replace("## Timeline", "## How the weekend went (draft)")
    diags = lint_text(text, select=["PM502"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == ["Mon 03:55"]
    # beside a timeline by name, it is no second one
    named = "## Timeline\n\nAll times CET.\n\n- Sun 20:00 Vendor announces firmware 3.8.\n\n"
    text = text.replace("## How the weekend", named + "## How the weekend")
    assert lint_text(text, select=["PM502"]).diagnostics == []


# -- dotted clock times and hedged times ---------------------------------------------------------


def test_dotted_and_hedged_times_are_read(lint_text: LintFn) -> None:
    # the British dotted clock ("8.40am", "09.55") and a hedge before the time ("around",
    # "approx.", "~") read as times, so the whole timeline parses and its duration checks
    assert [w.time() for w in _whens("dotted-times.md")] == [
        dt.time(8, 5),
        dt.time(8, 40),
        dt.time(9, 10),
        dt.time(9, 55),
        dt.time(10, 30),
        dt.time(11, 45),
    ]
    assert lint_text(_read("dotted-times.md"), select=["PM5"]).diagnostics == []
    wrong = _read("dotted-times.md").replace("2 hours 25 minutes", "5 hours")
    diags = lint_text(wrong, select=["PM5"]).diagnostics
    assert [d.code for d in diags] == ["PM503"] and "2h 25m" in diags[0].message


def test_dotted_numbers_in_a_timeline_are_no_times(lint_text: LintFn) -> None:
    assert [w.time() for w in _whens("dotted-look-alikes.md")] == [
        dt.time(13, 10),
        dt.time(13, 42),
        dt.time(14, 5),
    ]
    assert lint_text(_read("dotted-look-alikes.md"), select=["PM5"]).diagnostics == []


@pytest.mark.parametrize(
    ("text", "hour_minute"),
    [
        ("7.45pm: queue drained", (19, 45)),
        ("11.05 a.m. - paged the DBA", (11, 5)),
        ("12.10am - backups paused", (0, 10)),
        ("Thu around 6.30pm - maintenance starts", (18, 30)),
        ("17.20 - failover begins", (17, 20)),
        ("08.15 BST: first alert", (8, 15)),
        ("about 16:40 - traffic shifted", (16, 40)),
        ("c. 2pm - vendor called back", (14, 0)),
        ("≈ 03:10 - replica lag peaks", (3, 10)),
    ],
)
def test_dotted_and_hedged_time_forms(text: str, hour_minute: tuple[int, int]) -> None:
    st = parse_stamp(text, year=2026)
    assert st is not None and st.time == dt.time(*hour_minute)


@pytest.mark.parametrize(
    "text",
    [
        "4.12 shipped to all tenants",
        "version 4.12 - release notes",
        "3.5 hours of backlog",
        "v2.10 - theme update",
        "99.95% of requests were served",
        "14.05.1 - the patch release",
        "22.04 hosts were fine",
        "About 40 minutes later the queue drained",
        "~400 users saw errors",
    ],
)
def test_dotted_numbers_that_are_no_time(text: str) -> None:
    st = parse_stamp(text, year=2026)
    assert st is None or st.time is None


@pytest.mark.parametrize(
    ("text", "month_day", "hour_minute"),
    [
        ("04.03 21:30 gateway restarted", (3, 4), (21, 30)),
        ("4.3. 21:30 gateway restarted", (3, 4), (21, 30)),
        ("31.12 23:59 batch closes", (12, 31), (23, 59)),
        ("18.11 07:05 - sorter halts", (11, 18), (7, 5)),
    ],
)
def test_a_dotted_day_and_month_before_a_time_is_a_date(
    text: str, month_day: tuple[int, int], hour_minute: tuple[int, int]
) -> None:
    st = parse_stamp(text, year=2026)
    assert st is not None and st.date == dt.date(2026, *month_day)
    assert st.time == dt.time(*hour_minute)


@pytest.mark.parametrize(
    "text",
    ["12.31 10:00 batch closes", "3.8.0 14:00 tagged", "99.5 10:00 uptime", "4.12 shipped"],
)
def test_dotted_numbers_before_a_time_that_are_no_date(text: str) -> None:
    # a month over 12, a version of three parts, a decimal: no day and month
    st = parse_stamp(text, year=2026)
    assert st is None or st.date is None


_DOTTED_DAYS = (
    "# Sorter halt\n\n## 3. Timeline\n\nAll times are plant time (CET).\n\n"
    "| Time | Event |\n|------|-------|\n"
    "| 11.06 22:40 | Conveyor firmware update starts on sorter B. |\n"
    "| 11.06 23:15 | Sorter B halts; parcels pile up at the infeed. |\n"
    "| 12.06 00:05 | Night supervisor phones the maintenance on-call. |\n"
    "| {back} | Firmware rolled back on sorter B. |\n"
    "| 12.06 01:30 | Sorter B running again, backlog cleared by 02:10. |\n"
)


def test_dotted_day_prefixes_order_a_table_across_midnight(lint_text: LintFn) -> None:
    # the day prefix carries the date: past midnight onto the next day is in order, a row
    # stamped with the day before after one of the next day is out of order
    fine = _DOTTED_DAYS.format(back="12.06 00:50")
    assert lint_text(fine, select=["PM502"]).diagnostics == []
    cfg = resolve([Settings()])
    tl = timeline_of(parse(fine, cfg.template), cfg.pack, cfg.template)
    assert [e.when.day for e in tl.entries] == [11, 11, 12, 12, 12]
    bad = _DOTTED_DAYS.format(back="11.06 23:55")
    diags = lint_text(bad, select=["PM502"]).diagnostics
    assert [bad[d.start : d.end] for d in diags] == ["11.06 23:55"]


def test_a_dateless_clock_range_is_no_utc_offset() -> None:
    # "13:30-13:45" is a quarter of an hour, not 13:30 at UTC-13:45; after a date the
    # offset keeps its meaning
    st = parse_stamp("~13:30-13:45 launches start failing")
    assert st is not None and st.time == dt.time(13, 30) and st.zone is None
    st = parse_stamp("2026-03-14T09:00-05:00 deploy")
    assert st is not None and st.zone == "-05:00"


# -- repairs by hand, and the window when no impact start is marked ------------------------------


def test_a_repair_by_hand_marks_mitigation(lint_text: LintFn) -> None:
    # copying the right file back, restarting the service and confirming it works are
    # mitigation; the stated 1 hour 10 minutes runs from the failures to the confirmation
    text = _read("repair-by-hand.md")
    assert lint_text(text, select=["PM5"]).diagnostics == []
    cfg = resolve([Settings()])
    tl = timeline_of(parse(text, cfg.template), cfg.pack, cfg.template)
    assert [sorted(e.milestones) for e in tl.entries] == [
        ["impact-start"],
        ["detection"],
        [],
        ["mitigation"],
        ["mitigation"],
    ]


def test_without_an_impact_start_the_change_before_detection_bounds_the_window(
    lint_text: LintFn,
) -> None:
    text = _read("change-window.md")
    diags = lint_text(text, select=["PM503"]).diagnostics
    assert len(diags) == 1
    assert "first detection 11:40 to mitigation 12:25 is 45m" in diags[0].message
    assert "from the change at 10:00 it is 2h 25m" in diags[0].message
    # any duration between the two windows agrees with the timeline
    for stated in ("45 minutes", "1 hour 30 minutes", "2 hours 25 minutes"):
        ok = text.replace("**Duration:** 30 minutes", f"**Duration:** {stated}")
        assert lint_text(ok, select=["PM503"]).diagnostics == []
    # a change after the detection is no bound
    late = text.replace("- 10:00 Rollout of importer build 3.7 starts on the first shard\n", "")
    late = late.replace("- 12:25", "- 12:00 Rollout of a hotfix build starts\n- 12:25")
    diags = lint_text(late, select=["PM503"]).diagnostics
    assert len(diags) == 1 and "from the change" not in diags[0].message


_LIVE_CHANGE = (
    "# Coupon totals wrong at checkout\n\n## Summary\n\n"
    "Between 10:00 and 11:20 UTC some baskets were priced with the wrong coupon.\n"
    "The incident lasted {stated} from the first wrong basket to the revert.\n\n"
    "## Timeline\n\nAll times UTC.\n\n"
    "- 09:40 Merchandising team approves the spring coupon rules\n"
    "- 10:00 The new coupon rules are live in all regions\n"
    "- 10:35 Checkout error alert fires and pages the payments on-call\n"
    "- 10:50 Coupon rules reverted to the previous set\n"
    "- 11:20 Basket totals back to normal\n"
)


def test_a_longer_duration_than_the_change_went_live_allows_disagrees(
    lint_text: LintFn,
) -> None:
    # no impact start marked: the impact began at most when the new rules went live, so
    # 2h 30m is longer than the timeline holds (10:00 to 11:20 is 1h 20m)
    text = _LIVE_CHANGE.format(stated="2 hours and 30 minutes")
    diags = lint_text(text, select=["PM503"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == ["2 hours and 30 minutes"]
    assert "from the change at 10:00 it is 1h 20m" in diags[0].message
    # anything from detection-to-end up to change-to-end (with the tolerance) agrees
    for stated in (
        "1 hour and 20 minutes",
        "1 hour and 5 minutes",
        "45 minutes",
        "about 90 minutes",
    ):
        ok = _LIVE_CHANGE.format(stated=stated)
        assert lint_text(ok, select=["PM503"]).diagnostics == [], stated
    # an old setting back live is no change put out: no bound, as before
    old = text.replace("The new coupon rules are live", "The old coupon rules are live again")
    assert lint_text(old, select=["PM503"]).diagnostics == []


@pytest.mark.parametrize(
    ("event", "is_change"),
    [
        ("Canary deployment of the new router config begins", True),
        ("Schema migration started on the orders database", True),
        ("Ops pushed the new firewall config to all sites", True),
        ("Firmware update 2.4 goes out to 5% of devices", True),
        ("Release notes for 2.4 published on the blog", False),
        ("Team discusses the migration plan", False),
        ("Deploys are frozen for the rest of the day", False),
        ("The rollout did not start because the gate failed", False),
        # the changed thing told as live
        ("The new discount rules are live in every store", True),
        ("Updated shipping price table went live at the warehouse", True),
        ("Build 7.2 is live on every node", True),
        ("Revised routing weights are now live", True),
        ("Old routing weights are live again", False),
        ("The fixed build is live on every node", False),
        ("The fix is live", False),
        ("Status page is live", False),
        ("The new dashboard is live for the team", False),
        ("The new discount rules are not live yet", False),
    ],
)
def test_change_out_entries(event: str, is_change: bool) -> None:
    from pm_lsp.policy.rulepack import builtin_pack
    from pm_lsp.rules.timeline.model import words

    assert words(builtin_pack()).puts_change_out(event) is is_change


# -- a daylight-saving zone read in the season the timeline's abbreviations name -----------


def _seasoned(text: str) -> list[dt.datetime | None]:
    cfg = resolve([Settings()])
    tl = timeline_of(parse(text, cfg.template), cfg.pack, cfg.template)
    return [e.utc for e in tl.entries]


_SEASON_DOC = (
    "# Checkout errors\n\n## Timeline\n\n{decl}\n\n"
    "| Time | Event |\n|---|---|\n"
    "| 8:10 AM | Checkout requests start failing in the west region. |\n"
    "| {marked} | On-call engineer in the east office is paged by the error-rate alert. |\n"
    "| 8:40 AM | Payment cache flushed; checkout recovers. |\n"
)


@pytest.mark.parametrize(
    ("decl", "marked", "utc"),
    [
        # a written-out zone, an entry marked with another zone's standard abbreviation
        ("All times are Pacific unless marked otherwise.", "11:25 AM EST", 16),
        # the declaration names its own abbreviation in brackets
        ("All times Mountain (MST); one entry is marked in Eastern time.", "10:25 AM ET", 15),
        # daylight time: the abbreviations name summer
        ("Times are in PT.", "11:25 AM EDT", 15),
    ],
)
def test_daylight_zone_takes_the_season_of_the_written_abbreviations(
    lint_text: LintFn, decl: str, marked: str, utc: int
) -> None:
    text = _SEASON_DOC.format(decl=decl, marked=marked)
    got = _seasoned(text)
    assert all(u is not None for u in got)
    assert got == sorted(got)  # [8:10, 8:25, 8:40] local, each in its own zone
    assert got[0] is not None and got[0].hour == utc
    assert lint_text(text, select=["PM502"]).diagnostics == []


@pytest.mark.parametrize(
    ("decl", "marked"),
    [
        # no abbreviation says which season: the times are compared as written
        ("All times are Pacific.", "7:25 AM ET"),
        # abbreviations of both seasons disagree: nothing is converted
        ("All times Pacific (PST).", "7:25 AM EDT"),
    ],
)
def test_daylight_zone_without_a_season_is_compared_as_written(
    lint_text: LintFn, decl: str, marked: str
) -> None:
    text = _SEASON_DOC.format(decl=decl, marked=marked)
    got = _seasoned(text)
    assert got[0] is None and got[2] is None
    diags = lint_text(text, select=["PM502"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == [marked]


@pytest.mark.parametrize(
    ("entry", "detected"),
    [
        # a job, check or monitor of ours reports the symptom, quoted or named
        ('The nightly validation job reports "row count mismatch: 3,112 orders".', True),
        ("The reconciliation check flagged a ledger mismatch for two merchants.", True),
        ("The canary probe raised errors on two of five hosts.", True),
        # reporting its progress, or a person's report of routine work, is no detection
        ("The nightly validation job reports its progress to the batch dashboard.", False),
        ("The audit job reported 40% done.", False),
    ],
)
def test_a_job_reporting_the_symptom_is_detection(entry: str, detected: bool) -> None:
    text = (
        f"# Meter drift\n\n## Timeline\n\n- 09:14 UTC: {entry}\n"
        "- 09:40 UTC: The rollback finished.\n"
    )
    cfg = resolve([Settings()])
    tl = timeline_of(parse(text, cfg.template), cfg.pack, cfg.template)
    assert ("detection" in tl.entries[0].milestones) is detected


# -- a release put out after the detection is the fix ------------------------------------------


def _pm504(lint_text: LintFn, name: str) -> list[str]:
    return [d.message for d in lint_text(_read(name), select=["PM504"]).diagnostics]


def test_release_published_after_detection_is_the_mitigation(lint_text: LintFn) -> None:
    assert _pm504(lint_text, "release-mitigation.md") == []
    cfg = resolve([Settings()])
    tl = timeline_of(parse(_read("release-mitigation.md"), cfg.template), cfg.pack, cfg.template)
    assert tl.metrics.mitigated is not None and tl.metrics.mitigated.label == "11:40"
    assert "mitigation" not in tl.entries[0].milestones  # the faulty release, before anyone knew


def test_releases_before_any_detection_are_the_change_not_the_fix(lint_text: LintFn) -> None:
    (msg,) = _pm504(lint_text, "release-before-detection.md")
    assert "mitigation" in msg


@pytest.mark.parametrize(
    ("event", "out"),
    [
        ("9.1.4 released to the app store", True),
        ("Ops publishes 9.1.4 with the migration reverted", True),
        ("Tags release 0.18.2 after the review", True),
        ("Release notes for 9.1 drafted", False),
        ("9.1.4 not published yet: signing fails", False),
        ("Version 2 of the runbook shared", False),
        ("Maintainer ships 11.2.3 to the app stores with the parser fix", True),
        ("Uploaded 5.1.0 heap dumps for the vendor to inspect", False),
        ("Published 2.9.1-beta2 so the reporter could test the patch", False),
        ("Tags 3.0.5-debug to collect more traces", False),
        ("Shipped 8.0.4 to the staging fleet to reproduce the fault", False),
        ("Verified that 4.0.2 is out on all mirrors", False),
        ("Release 4.0.9 contains the fix for the date parser", True),
        ("Shipped 3.7.2 to both app stores", True),
        ("Tagged v3.7.2 and pushed it to the index", True),
        ("3.7.2 went out with the parser fix", True),
        ("Pushed 3.7.2 to the package index", True),
        ("Pushed 3.7.2 to the staging fleet to test the fix", False),
        ("Shipped 3.7.2 crash dumps to the vendor", False),
    ],
)
def test_what_puts_a_release_out(event: str, out: bool) -> None:
    from pm_lsp.policy.rulepack import builtin_pack
    from pm_lsp.rules.timeline.model import words

    assert words(builtin_pack()).release_out(event) is out


def test_the_faulty_release_seen_out_after_detection_is_no_fix() -> None:
    # the version named before the detection is the one that broke things: saying it is
    # out (or out again) later mitigates nothing; a new version put out does
    cfg = resolve([Settings()])
    head = (
        "# Broken CLI\n\n## Timeline (UTC)\n\n"
        "- 08:00 7.2.0 released to the package index\n"
        "- 08:30 Alert fired: install errors on Windows\n"
    )
    for tail, mitigated in [
        ("- 09:00 7.2.0 is live on every mirror by now\n", None),
        ("- 09:00 7.2.0 uploaded to the second mirror\n", None),
        ("- 09:00 7.2.1 uploaded to the package index\n", "09:00"),
    ]:
        tl = timeline_of(parse(head + tail, cfg.template), cfg.pack, cfg.template)
        got = tl.metrics.mitigated
        assert (got.label if got else None) == mitigated, tail


@pytest.mark.parametrize(
    ("first", "tail", "mitigated"),
    [
        # the faulty release first told after the detection, or pushed on to more places,
        # is no fix: a first ".0" release with no word of a fix
        (
            "Nightly build of the CLI kicked off",
            "6.3.0 now live on all mirrors; installs crash",
            None,
        ),
        ("Nightly build of the CLI kicked off", "Uploaded 6.3.0 to the last two mirrors", None),
        # two parts name the same release as three ("6.3" is "6.3.0")
        ("CLI 6.3 released to the package index", "6.3.0 uploaded to the EU mirror", None),
        # a patch release, a release said to fix, or a new version after the faulty one is
        ("Nightly build of the CLI kicked off", "6.3.1 uploaded to the package index", "09:00"),
        ("Nightly build of the CLI kicked off", "Released 6.4.0 with the parser fix", "09:00"),
        ("CLI 6.3 released to the package index", "6.4.0 uploaded to the package index", "09:00"),
        # a list of versions put out holds the fix when one of them is new
        ("CLI 6.3 released to the package index", "Published 6.3.0 and 6.3.1 to npm", "09:00"),
        ("CLI 6.3 released to the package index", "Published 6.3.0, 6.3 to npm", None),
    ],
)
def test_a_release_put_out_after_detection_mends_only_when_it_is_new(
    first: str, tail: str, mitigated: str | None
) -> None:
    cfg = resolve([Settings()])
    text = (
        f"# Broken CLI\n\n## Timeline (UTC)\n\n- 08:00 {first}\n"
        f"- 08:30 Alert fired: install errors on Windows\n- 09:00 {tail}\n"
    )
    tl = timeline_of(parse(text, cfg.template), cfg.pack, cfg.template)
    got = tl.metrics.mitigated
    assert (got.label if got else None) == mitigated
