"""Impact rules on the classes blind round 28 found (fix helper imp28). Every sentence here
is written for this file.

PM403: a loss statement in the domain's own words (a negation with a noun other than
"data", "went missing", a sentence wrapped over two lines) or a counted loss for good (a
permanent gap, beyond recovery) answers the data question; a loss of power, of time or a
gap in watching does not."""

from __future__ import annotations

from conftest import LintFn

_BASE = (
    "# Sorting hub stall\n\n**Date**: 2026-09-02\n\n## Impact\n\n"
    "- Parcels left the hub 35 minutes late.\n- {}\n"
)


def _pm403(lint_text: LintFn, line: str) -> list[str]:
    return [d.code for d in lint_text(_BASE.format(line), select=["PM403"]).diagnostics]


def test_a_loss_told_in_the_domains_words_answers_the_data_question(lint_text: LintFn) -> None:
    for line in (
        "No scan\n  was lost, although label printing slowed down.",
        "Not one manifest went missing during the failover.",
        "Not a single parcel scan was lost.",
        "None of the delivery notes went missing.",
        "Nothing went missing from the outbound spool.",
        "No consignment was dropped by the carrier gateway.",
        "No booking\nwas dropped while the queue was paused.",
    ):
        assert _pm403(lint_text, line) == [], line


def test_a_counted_loss_for_good_answers_the_data_question(lint_text: LintFn) -> None:
    for line in (
        "The remaining 5,120 weight readings have a permanent gap.",
        "Those 85 uploads can't be recovered.",
        "About 1,900 log entries could not be restored from the snapshot.",
        "The 312 affected rows are unrecoverable.",
        "Roughly 7,000 samples from the dock scales now show a permanent gap.",
        "The depot archive keeps a permanent gap in the telemetry for that night.",
    ):
        assert _pm403(lint_text, line) == [], line


def test_power_time_people_and_watching_lost_do_not_answer_it(lint_text: LintFn) -> None:
    for line in (
        "The call centre lost power at 09:10.",
        "We lost an hour chasing the wrong conveyor.",
        "The gap in monitoring lasted ten minutes.",
        "Those 4 scanners could not be recovered until Monday.",
        "The two replicas could not be restored to service and were rebuilt.",
        "There is a permanent gap in our on-call rota on Sundays.",
        "No one went missing from the bridge call.",
        "Around 60 nodes show a permanent gap in the rack diagram.",
        "Not one driver was paged.",
    ):
        assert _pm403(lint_text, line) == ["PM403"], line
