"""A timeline written on the four-digit 24-hour clock, as public-safety, hospital and
military reports write it ("| 1843 | ... |", "- 0912 hours Pager fires"), is read: its
zone and order are checked like any other. The digits are read as a time only where the
region is written that way (most of its entries open with four digits, two of them with
an hour no year has), so 19xx and 20xx count there ("1912", "2047"). A list of years, a
count in a timeline written on the colon clock, and a ticket number beside a row's time
stay numbers. Documents are written for these tests.
"""

from __future__ import annotations

from conftest import LintFn

_TABLE = """# Dispatch console slowdown

## Event timeline

| Time | Event |
|---|---|
| 1805 | Night shift takes over the floor |
| 1842 | First operator reports the entry screen hanging |
| 1917 | Supervisor moves ambulance dispatch to paper cards |
| 1909 | Database admin sees lock waits on the incident table |
| 2055 | Admin stops the reindex task |
| 2140 | Screens respond in under two seconds again |
"""

_LIST = """# Ward pager outage

## Timeline

- 0652 hours Night sister notes that pagers show no messages.
- 0710 hours Switchboard confirms the paging gateway is unreachable.
- 0705 hours Porters start carrying bleeps by hand.
- 0904 hours Gateway vendor restarts the paging gateway.
"""


def _at(text: str, needle: str) -> tuple[int, int]:
    a = text.index(needle)
    return a, a + len(needle)


def test_a_table_on_the_four_digit_clock_is_checked(lint_text: LintFn) -> None:
    res = lint_text(_TABLE, select=["PM501", "PM502"])
    got = {(d.code, d.start, d.end) for d in res.diagnostics}
    assert ("PM502", *_at(_TABLE, "1909")) in got
    assert any(c == "PM501" for c, _, _ in got)
    assert len(got) == 2


def test_a_list_with_hour_words_is_checked(lint_text: LintFn) -> None:
    res = lint_text(_LIST, select=["PM501", "PM502"])
    out = [d for d in res.diagnostics if d.code == "PM502"]
    assert [(d.start, d.end) for d in out] == [_at(_LIST, "0705 hours")]
    assert any(d.code == "PM501" for d in res.diagnostics)


def test_a_list_of_years_is_no_timeline_of_times(lint_text: LintFn) -> None:
    text = (
        "# Platform history\n\n## Timeline\n\n"
        "- 2019 Moved the shop to containers\n"
        "- 2021 Adopted the service mesh\n"
        "- 2023 Upgraded the mesh to the new control plane\n"
        "- 2020 Hired the first platform team\n"
    )
    assert lint_text(text, select=["PM501", "PM502"]).diagnostics == []


def test_counts_and_tickets_in_a_colon_clock_timeline_stay_numbers(lint_text: LintFn) -> None:
    text = (
        "# Checkout errors\n\n## Timeline\n\nAll times UTC.\n\n"
        "| Time | Ticket | Event |\n|---|---|---|\n"
        "| 14:05 | 1843 | Checkout errors start |\n"
        "| 14:20 | 1844 | Alert fires |\n"
        "| 14:50 | 1845 | Config rolled back |\n\n"
        "- 15:10 Error rate back to normal\n"
        "- 1200 orders failed in total, by the gateway's count\n"
        "- 2047 retries were dropped\n"
    )
    assert lint_text(text, select=["PM501", "PM502"]).diagnostics == []
