"""Mixed time zones within one timeline.

A timeline declared in one zone sometimes writes an entry in another: a report from an
office elsewhere ("10:07 ET" among UTC times), the processor's status page quoted in UTC in a
BST timeline. PM501 points out each such entry (information) with its time on the declared
clock; a zone kept by daylight saving ("ET", "Pacific", "Europe/Oslo") is read on the entry's
date or the document's Date, and without one both readings are given. PM502 places the entry
on the declared clock and judges it against the entries around it, so an entry in order once
converted is not reported, and one out of order is reported on itself, not on its neighbour.

A timeline that states no zone, with a zone on a row or two among bare times ("08:10 UTC"
in the middle), has that row pointed out (a warning, as a missing zone is): the bare times
are on no stated clock. A zone on the first time only, or on most rows, is left alone.

Left alone: rows that give both zones on purpose ("14:05 UTC / 10:05 EDT", a second time
column), a timeline in one zone, other zones in prose, a "(09:00 local)" aside, a season's
abbreviation of the declared zone, and a timeline region written mostly in another zone.
"""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import LintFn

from pm_lsp.parse.markdown import parse
from pm_lsp.policy.config import Settings, resolve
from pm_lsp.rules.timeline.model import timeline_of


def _found(lint_text: LintFn, text: str) -> list[tuple[str, str, str]]:
    diags = lint_text(text, select=["PM501", "PM502"]).diagnostics
    return [(d.code, text[d.start : d.end], d.severity.name.lower()) for d in diags]


def _utc(text: str) -> list[dt.datetime | None]:
    cfg = resolve([Settings()])
    return [e.utc for e in timeline_of(parse(text, cfg.template), cfg.pack, cfg.template).entries]


# -- a summer date: ET is four hours behind UTC ---------------------------------------------

GATEWAY = (
    "# Payment gateway timeouts\n\n**Date**: 2025-07-09\n\n## Timeline\n\nAll times UTC.\n\n"
    "| Time | Event |\n|---|---|\n"
    "| 13:52 | Gateway latency starts climbing. |\n"
    "| 14:01 | On-call SRE paged by the latency alert. |\n"
    "| 10:07 ET | Merchant support in New York reports failed card payments. |\n"
    "| 14:12 | Incident declared. |\n"
    "| 14:40 | Connection pool size restored; latency recovers. |\n"
)


def test_an_et_entry_in_a_utc_timeline_is_shown_converted_not_out_of_order(
    lint_text: LintFn,
) -> None:
    diags = lint_text(GATEWAY, select=["PM501", "PM502"]).diagnostics
    assert [(d.code, GATEWAY[d.start : d.end], d.severity.name.lower()) for d in diags] == [
        ("PM501", "10:07 ET", "info")
    ]
    message = diags[0].message
    assert "ET" in message and "UTC" in message and "14:07 UTC" in message


def test_the_document_date_gives_the_season() -> None:
    winter = GATEWAY.replace("2025-07-09", "2025-01-14").replace("10:07 ET", "9:07 ET")
    assert [u.time() if u else None for u in _utc(winter)][2] == dt.time(14, 7)
    assert [u.time() if u else None for u in _utc(GATEWAY)][2] == dt.time(14, 7)


def test_an_et_entry_read_in_the_wrong_season_is_out_of_order(lint_text: LintFn) -> None:
    """In January, 10:07 ET is 15:07 UTC: after 14:12 and 14:40, so it is reported, on its
    own line, with the converted time."""
    winter = GATEWAY.replace("2025-07-09", "2025-01-14")
    diags = lint_text(winter, select=["PM502"]).diagnostics
    assert [winter[d.start : d.end] for d in diags] == ["10:07 ET"]
    assert "15:07 UTC" in diags[0].message and "14:12" in diags[0].message


# -- midnight: a Pacific entry on a winter evening is the next day in UTC --------------------

SCANNERS = (
    "# Warehouse scanner sync failure\n\n**Date**: 2024-12-03\n\n## Timeline\n\n"
    "All times are UTC.\n\n"
    "- 23:40 - Handheld scanners at the Reno depot stop syncing.\n"
    "- 23:55 - Depot supervisor opens a ticket.\n"
    "- 4:10 PM PT - Regional manager in Sacramento escalates the ticket.\n"
    "- 00:20 - Sync service restarted; scanners catch up.\n"
)


def test_a_pacific_entry_past_midnight_utc(lint_text: LintFn) -> None:
    diags = lint_text(SCANNERS, select=["PM501", "PM502"]).diagnostics
    assert [(d.code, SCANNERS[d.start : d.end]) for d in diags] == [("PM501", "4:10 PM PT")]
    assert "12:10 AM UTC the next day" in diags[0].message


# -- a UTC entry in a BST timeline ------------------------------------------------------------

TRAMS = (
    "# Tram ticketing outage\n\n## Timeline (BST)\n\n"
    "- 07:58 Ticket machines on line 3 reject contactless cards.\n"
    "- 07:15 UTC Card processor status page posts a degraded notice.\n"
    "- 08:20 Operations switch the machines to offline mode.\n"
    "- 08:45 Processor recovers; machines back online.\n"
)


def test_a_utc_entry_in_a_bst_timeline(lint_text: LintFn) -> None:
    diags = lint_text(TRAMS, select=["PM501", "PM502"]).diagnostics
    assert [(d.code, TRAMS[d.start : d.end]) for d in diags] == [("PM501", "07:15 UTC")]
    assert "08:15 BST" in diags[0].message


def test_a_misplaced_foreign_entry_is_blamed_not_its_neighbour(lint_text: LintFn) -> None:
    """13:40 UTC is 14:40 BST: later than the 08:20 after it. The report is on the UTC line
    (later than the entry after it), and 08:20 is not reported."""
    text = TRAMS.replace("07:15 UTC", "13:40 UTC")
    diags = lint_text(text, select=["PM502"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == ["13:40 UTC"]
    assert "14:40 BST" in diags[0].message and "08:20" in diags[0].message
    assert "later" in diags[0].message


# -- a lab in Boston, an undated timeline: the season is open ------------------------------

LAB = (
    "# Lab results delayed\n\n## Timeline\n\nAll times UTC.\n\n"
    "| Time | Event |\n|---|---|\n"
    "| 09:00 | Interface engine queue stops draining. |\n"
    "| 09:12 | Pathology lab notices results missing. |\n"
    "| {row} | Hospital IT in Boston reports the same symptom. |\n"
    "| 10:25 | Queue alert fires. |\n"
    "| 10:48 | Engine restarted; backlog clears. |\n"
)


def test_without_a_date_both_readings_are_given_and_the_order_is_not_judged(
    lint_text: LintFn,
) -> None:
    text = LAB.format(row="5:30 Eastern")  # 09:30 or 10:30 UTC: in order either way
    found = _found(lint_text, text)
    assert found == [("PM501", "5:30 Eastern", "info")]
    diags = lint_text(text, select=["PM501"]).diagnostics
    assert "09:30 or 10:30 UTC" in diags[0].message
    # 10:10 or 11:10 UTC: before or after 10:25 depending on the season, so not judged
    assert _found(lint_text, LAB.format(row="6:10 ET")) == [("PM501", "6:10 ET", "info")]


def test_without_a_date_an_order_every_reading_breaks_is_reported(lint_text: LintFn) -> None:
    text = LAB.format(row="07:45 ET")  # 11:45 or 12:45 UTC: after 10:25 either way
    diags = lint_text(text, select=["PM502"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == ["07:45 ET"]


def test_a_second_zone_with_the_same_clock_difference_in_both_seasons(
    lint_text: LintFn,
) -> None:
    """Eastern is three hours ahead of Pacific all year: converted without a date."""
    text = (
        "# Point-of-sale card readers\n\n## Timeline\n\nAll times Pacific.\n\n"
        "- 6:50 AM Card readers at the first stores fail to connect.\n"
        "- 7:02 AM Store manager calls the help desk.\n"
        "- 10:15 AM Eastern Regional director in Atlanta escalates to the vendor.\n"
        "- 7:30 AM Vendor rolls back the reader firmware.\n"
        "- 7:55 AM Readers reconnect.\n"
    )
    diags = lint_text(text, select=["PM501", "PM502"]).diagnostics
    assert [(d.code, text[d.start : d.end]) for d in diags] == [("PM501", "10:15 AM Eastern")]
    assert "7:15 AM Pacific" in diags[0].message


def test_a_tz_database_zone_is_read_on_its_date(lint_text: LintFn) -> None:
    """Oslo is still on winter time the evening before the spring change."""
    text = (
        "# Ferry booking outage\n\n## Timeline\n\nTimes are UTC.\n\n"
        "| Date | Time | Event |\n|---|---|---|\n"
        "| 2025-03-29 | 22:40 | Booking API starts returning 503s. |\n"
        "| 2025-03-29 | 23:59 Europe/Oslo | Night shift at the terminal reports kiosks down. |\n"
        "| 2025-03-29 | 23:05 | Database failover triggered. |\n"
        "| 2025-03-30 | 00:15 | Bookings recover. |\n"
    )
    diags = lint_text(text, select=["PM501", "PM502"]).diagnostics
    assert [(d.code, text[d.start : d.end]) for d in diags] == [("PM501", "23:59 Europe/Oslo")]
    assert "22:59 UTC" in diags[0].message


# -- no declaration: the zone every other entry writes after its time ------------------------

FERRY = (
    "# Ferry booking holds lost\n\n## Timeline\n\n"
    "| When | Event |\n|---|---|\n"
    "| 3 Mar 07:10 UTC | Booking cache evicts held seats. |\n"
    "| 3 Mar 07:25 UTC | Harbour office reports missing reservations. |\n"
    "| 3 Mar 09:40 CET | Port agent in Kiel confirms empty manifests. |\n"
    "| 3 Mar 08:55 UTC | Cache warmed from the nightly export. |\n"
    "| 3 Mar 09:30 UTC | Holds restored for every sailing. |\n"
)


def test_a_dated_row_in_another_zone_among_rows_that_each_name_theirs(
    lint_text: LintFn,
) -> None:
    """No line declares the zone, but every other row writes UTC after its time: the CET
    row, date and all, is the odd one, shown on the UTC clock."""
    diags = lint_text(FERRY, select=["PM501", "PM502"]).diagnostics
    assert [(d.code, FERRY[d.start : d.end], d.severity.name.lower()) for d in diags] == [
        ("PM501", "3 Mar 09:40 CET", "info")
    ]
    assert "08:40 UTC" in diags[0].message


@pytest.mark.parametrize(
    "text",
    [
        # a row without a zone: no clock to hold the others to
        FERRY.replace("| 3 Mar 07:25 UTC |", "| 3 Mar 07:25 |"),
        # two entries in one zone against one in another: no clear majority
        "# Ferry\n\n## Timeline\n\n- 07:10 UTC Cache evicts holds.\n"
        "- 09:40 CET Port agent confirms.\n- 09:30 UTC Holds restored.\n",
        # a timeline split between two zones
        "# Ferry\n\n## Timeline\n\n- 07:10 UTC Cache evicts holds.\n"
        "- 07:25 UTC Harbour office calls.\n- 09:40 CET Port agent confirms.\n"
        "- 10:05 CET Kiel terminal reopens sales.\n- 09:30 UTC Holds restored.\n",
    ],
)
def test_no_clear_zone_of_its_own_no_mix(lint_text: LintFn, text: str) -> None:
    """No entry is held to another's clock (a bare row among them is pointed out on its
    own, below)."""
    diags = lint_text(text, select=["PM501"]).diagnostics
    assert [d for d in diags if d.data.get("kind") != "bare-among-zoned"] == []


# -- a zone on one row of a timeline that states none ----------------------------------------

LOCKERS = (
    "# Parcel locker doors stuck\n\n## Timeline\n\n| Time | Event |\n|---|---|\n"
    "| 07:05 | Firmware 3.2 pushed to the lockers. |\n"
    "| 07:30 | Couriers report doors that will not open. |\n"
    "| 08:10 UTC | The vendor confirms a fault in the door controller. |\n"
    "| 08:45 | Firmware 3.1 restored on every locker. |\n"
    "| 09:00 | Couriers confirm the doors open again. |\n"
)


def test_a_lone_zoned_row_among_bare_times_is_pointed_out(lint_text: LintFn) -> None:
    """No zone is stated, and one row in the middle gives one: the bare times are on no
    stated clock, and the odd row says another was in play. Reported on that row."""
    diags = lint_text(LOCKERS, select=["PM501", "PM502"]).diagnostics
    assert [(d.code, LOCKERS[d.start : d.end], d.severity.name.lower()) for d in diags] == [
        ("PM501", "08:10 UTC", "warning")
    ]
    assert "4 other times" in diags[0].message and "'All times UTC'" in diags[0].message


@pytest.mark.parametrize(
    "text",
    [
        # the zone given once, on the first time, for the rows below
        LOCKERS.replace("| 07:05 |", "| 07:05 UTC |").replace("| 08:10 UTC |", "| 08:10 |"),
        # stated for the whole timeline
        LOCKERS.replace("## Timeline\n\n", "## Timeline\n\nAll times UTC.\n\n"),
        # most rows zoned, one not
        "# Lockers\n\n## Timeline\n\n- 07:05 CET Firmware pushed.\n"
        "- 07:30 CET Couriers report stuck doors.\n- 08:10 Vendor confirms the fault.\n"
        "- 08:45 CET Old firmware restored.\n",
        # too few bare times to tell an odd row from a second clock
        "# Lockers\n\n## Timeline\n\n- 07:05 Firmware pushed.\n"
        "- 08:10 UTC Vendor confirms the fault.\n- 08:45 Old firmware restored.\n",
    ],
)
def test_a_zone_given_once_or_mostly_is_no_lone_zone(lint_text: LintFn, text: str) -> None:
    assert [d for d in _found(lint_text, text) if d[0] == "PM501"] == []


def test_a_zone_in_the_event_text_is_no_zoned_row(lint_text: LintFn) -> None:
    """A zone inside a row's words ("ships at 09:00 UTC") leaves every time bare: the
    timeline's missing zone is reported where it starts, as before."""
    text = LOCKERS.replace(
        "| 08:10 UTC | The vendor confirms a fault in the door controller. |",
        "| 08:10 | The vendor says a fix ships at 09:00 UTC. |",
    )
    diags = lint_text(text, select=["PM501"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == ["Timeline"]


def test_a_summer_row_in_a_gmt_table_read_on_its_clock_column(lint_text: LintFn) -> None:
    """ "All times are GMT" over a table of elapsed hours and clock times, one row in BST:
    pointed out with its GMT time, and in order once converted."""
    text = (
        "# Rota app shows wrong shifts\n\n## Timeline\n\nAll times are GMT.\n\n"
        "| Hour | Time | Event |\n|---|---|---|\n"
        "| 0 | 2 Feb 08:00 | Nurses report shifts a day out. |\n"
        "| 1 | 2 Feb 09:05 | Rota sync paused. |\n"
        "| 5 | 2 Feb 14:10 BST | The supplier sends a corrected feed. |\n"
        "| 6 | 2 Feb 14:30 | Rota sync resumed; shifts correct again. |\n"
    )
    diags = lint_text(text, select=["PM501", "PM502"]).diagnostics
    assert [(d.code, text[d.start : d.end]) for d in diags] == [("PM501", "2 Feb 14:10 BST")]
    assert "13:10 GMT" in diags[0].message


# -- hard negatives ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # both zones on every row, either order
        "# Surge pricing stuck\n\n**Date**: 2025-03-20\n\n## Timeline\n\nAll times UTC.\n\n"
        "- 14:05 UTC / 10:05 EDT - Surge multiplier freezes at 2.1x.\n"
        "- 10:20 EDT / 14:20 UTC - Rider complaints spike in the east coast queue.\n"
        "- 14:31 UTC (10:31 EDT) - Pricing worker restarted.\n",
        # a second time column in another zone
        "# Surge pricing stuck\n\n## Timeline\n\nAll times UTC.\n\n"
        "| Time (UTC) | Time (ET) | Event |\n|---|---|---|\n"
        "| 14:40 | 10:40 | Multiplier back to normal. |\n| 14:52 | 10:52 | Incident closed. |\n",
        # one zone throughout, another zone in the lead-in prose and the summary
        "# Flight board blank\n\n## Summary\n\nOur Dallas partner saw it at 07:12 CT.\n\n"
        "## Timeline\n\nAll times CET. The airline's ops center in Dallas (CT) was told at "
        "08:00 CT.\n\n- 14:10 CET Departure boards go blank in terminal 2.\n"
        "- 14:18 CET Airport IT paged.\n- 14:33 CET Display controller rebooted.\n",
        # a local-time aside in a UTC row
        "# Teller system outage\n\n## Timeline\n\nAll times UTC.\n\n"
        "| Time | Event |\n|---|---|\n"
        "| 13:00 | Teller application fails to open (09:00 local) at the first branches. |\n"
        "| 13:10 | Branch managers call the service desk. |\n"
        "| 13:35 | Certificate renewed; tellers log in again. |\n",
        # other spellings of the declared clock: GMT, Z, +00:00
        "# Subtitle purge\n\n## Timeline\n\nAll times UTC.\n\n"
        "- 16:58Z Purge job deletes the subtitle bundle.\n"
        "- 17:02 GMT Player error alert fires.\n- 17:10 +00:00 Bundle restore started.\n"
        "- 17:40 Restore finished.\n",
        # a season's abbreviation of the declared zone
        "# Loyalty points\n\n## Timeline\n\nAll times Pacific.\n\n"
        "- 8:05 AM Points stop posting.\n- 8:20 AM PDT Support escalates.\n"
        "- 9:00 AM Points job rerun.\n",
        # a second timeline region written in its own zone
        "# Subtitle purge\n\n## Timeline\n\nAll times UTC.\n\n"
        "- 16:58 Purge job deletes the subtitle bundle.\n- 17:40 Restore finished.\n\n"
        "## Response timeline (PT)\n\n"
        "- 9:05 AM PT Support queue fills.\n- 9:20 AM PT Status page updated.\n"
        "- 9:45 AM PT Status page set to resolved.\n",
    ],
)
def test_hard_negatives_stay_clean(lint_text: LintFn, text: str) -> None:
    assert _found(lint_text, text) == []


def test_a_utc_row_with_emoji_and_cjk_and_crlf(lint_text: LintFn) -> None:
    text = TRAMS.replace("Card processor status page", "🚋 決済 processor page").replace(
        "\n", "\r\n"
    )
    diags = lint_text(text, select=["PM501", "PM502"]).diagnostics
    assert [(d.code, text[d.start : d.end]) for d in diags] == [("PM501", "07:15 UTC")]


# -- a bare row among rows on two clocks or more ---------------------------------------------

BOOKINGS = (
    "# Ferry bookings charged twice\n\n## Timeline\n\n| Time | Event |\n|---|---|\n"
    "| 3 Jun 21:40 CEST | Payment library 7.2 deployed. |\n"
    "| 3 Jun 22:15 | Nightly settlement file sent to the bank. |\n"
    "| 4 Jun 05:30 UTC | Bank flags duplicate debits. |\n"
    "| 4 Jun 07:45 CEST | Payment library 7.1 restored. |\n"
    "| 4 Jun 06:10 UTC | Duplicate debits reversed. |\n"
)


def test_a_bare_row_among_rows_on_several_clocks_is_pointed_out(lint_text: LintFn) -> None:
    """No zone is stated; four of five rows give one, on two clocks: the bare row could be on
    either. Reported once, on that row, as information."""
    found = [d for d in _found(lint_text, BOOKINGS) if d[0] == "PM501"]
    assert found == [("PM501", "3 Jun 22:15", "info")]
    (d,) = lint_text(BOOKINGS, select=["PM501"]).diagnostics
    assert "4 of the 5 times" in d.message and "CEST, UTC" in d.message


@pytest.mark.parametrize(
    "text",
    [
        # the zone stated in the heading
        BOOKINGS.replace("## Timeline", "## Timeline (CEST)"),
        # stated in a lead line
        BOOKINGS.replace("## Timeline\n\n", "## Timeline\n\nAll times UTC unless marked.\n\n"),
        # the zoned rows keep one clock
        BOOKINGS.replace(" UTC |", " CEST |"),
        # only the first row gives a zone
        "# Ferry\n\n## Timeline\n\n- 21:40 CEST Library deployed.\n- 22:15 File sent.\n"
        "- 05:30 Bank flags duplicates.\n- 07:45 Library restored.\n",
    ],
)
def test_a_stated_zone_one_clock_or_a_zone_given_once_is_quiet(
    lint_text: LintFn, text: str
) -> None:
    diags = lint_text(text, select=["PM501"]).diagnostics
    assert [d for d in diags if d.data.get("kind") == "bare-among-zoned"] == []
