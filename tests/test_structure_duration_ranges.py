"""PM204 on a Duration given as the clock times it spans ("21:40-00:18 CEST", "from about
21:40 until 00:18", "between 09:05 and 10:50 UTC", with dates or AM/PM): the reader works
the length out from the two times, so the field states a duration and is not reported as
unreadable. Look-alikes that still are: one time alone ("since 21:40", "about 21:40"), an
open end ("21:40 - ?"), words that point elsewhere ("see below"). A placeholder ("TBD")
keeps what it had (PM203's missing field, no PM204). Values are our own."""

from __future__ import annotations

import pytest
from conftest import LintFn

_DOC = (
    "# Ticket printer outage\n\n**Date:** 2026-02-03\n**Status:** Draft\n"
    "**Duration:** {duration}\n\n## Summary\n\nThe ticket printers at the depot stopped.\n"
)


@pytest.mark.parametrize(
    "duration",
    [
        "19:25-22:05 CET",
        "from about 19:25 until 22:05",
        "between 19:25 and 22:05 UTC",
        "19:25 to 22:05",
        "2026-02-03 23:40 – 2026-02-04 01:10 UTC",
        "7:25 pm to 10:05 pm",
        "19:25 (CET) – 22:05 (CET)",
        "19.25–22.05 🖨️",
        "2h 40m",
    ],
)
def test_a_duration_given_as_a_span_of_times_is_accepted(lint_text: LintFn, duration: str) -> None:
    text = _DOC.format(duration=duration)
    assert lint_text(text, select=["PM204"]).diagnostics == []


@pytest.mark.parametrize(
    "duration",
    ["since 19:25", "about 19:25", "19:25 - ?", "see below", "ongoing since 19:25 - unknown"],
)
def test_a_single_time_or_no_length_is_still_reported(lint_text: LintFn, duration: str) -> None:
    text = _DOC.format(duration=duration).replace("\n", "\r\n")
    (d,) = lint_text(text, select=["PM204"]).diagnostics
    assert text[d.start : d.end] == duration
    assert d.message.startswith(f"Duration '{duration}' is not a duration")


def test_a_placeholder_keeps_its_missing_field_finding(lint_text: LintFn) -> None:
    text = _DOC.format(duration="TBD")
    codes = [d.code for d in lint_text(text, select=["PM203", "PM204"]).diagnostics]
    assert "PM204" not in codes
    assert any(
        d.code == "PM203" and "Duration" in d.message
        for d in lint_text(text, select=["PM203"]).diagnostics
    )
