"""Impact rules on the classes blind round 28 found (fix helper imp28). Every sentence here
is written for this file.

PM403: a loss statement in the domain's own words (a negation with a noun other than
"data", "went missing", a sentence wrapped over two lines) or a counted loss for good (a
permanent gap, beyond recovery) answers the data question; a loss of power, of time or a
gap in watching does not."""

from __future__ import annotations

from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack
from pm_lsp.rules.impact.checks import _unwrapped

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


def _pm401(lint_text: LintFn, section: str, sentence: str) -> list[str]:
    text = f"# Archive sweep\n\n## {section}\n\n{sentence}\n"
    return [text[d.start : d.end] for d in lint_text(text, select=["PM401"]).diagnostics]


_ROWS = "| Time | Event |\n|---|---|\n| 04:10 | {} |"


def test_how_a_mechanism_works_is_no_impact(lint_text: LintFn) -> None:
    """PM401: a quantifier that counts where a property or a behaviour is told in the
    present ("the owner on most files is root", "on most hosts the agent starts before
    the network") explains the mechanism, in a timeline row or the root cause; what
    happened to the things counted, or to people on them, is still an amount to give."""
    for section, sentence in (
        (
            "Timeline",
            _ROWS.format("Sweeper starts removing files; the owner on most files is root."),
        ),
        (
            "Timeline",
            _ROWS.format("Cleanup runs; the mtime of most files equals their upload time."),
        ),
        (
            "Timeline",
            _ROWS.format("The agent restarts; on most hosts the agent starts before the network."),
        ),
        (
            "Timeline",
            _ROWS.format(
                "Compactor begins rewriting files; because retention is keyed on the write "
                "date, the age of most files is their compaction time."
            ),
        ),
        ("Root cause", "The default shell on most images is dash, which lacks arrays."),
    ):
        assert _pm401(lint_text, section, sentence) == [], sentence
    for section, sentence in (
        ("Timeline", _ROWS.format("Users on most hosts see a blank page.")),
        ("Timeline", _ROWS.format("Compactor begins rewriting files; most files were lost.")),
        ("Timeline", _ROWS.format("The queue on most hosts is a backlog of failed writes.")),
        ("Timeline", _ROWS.format("Most requests fail with a timeout.")),
        ("Impact", "On most hosts the agent could not start."),
    ):
        assert _pm401(lint_text, section, sentence) != [], sentence


def test_people_held_in_contempt_are_not_the_affected(lint_text: LintFn) -> None:
    """PM401: people characterised by what they believe ("the folks who reckon they can
    hot-patch production") are the ones blamed; as the subject of harm they still count."""
    for sentence in (
        "The rollback waited on the usual theatrics from the folks who reckon they can "
        "hot-patch production.",
        "The fix sat for a day because of some folks who insist every change is theirs.",
    ):
        assert _pm401(lint_text, "Contributing factors", sentence) == [], sentence
    assert _pm401(
        lint_text,
        "Contributing factors",
        "Some folks who think the page is broken could not log in.",
    ) == ["Some folks"]
    assert _pm401(lint_text, "Impact", "The folks who believe the app is down could not log in.")
    assert "reckon" in builtin_pack().words("impact", "belief-verbs")


def test_a_fault_denied_then_explained_is_no_impact(lint_text: LintFn) -> None:
    """PM401: a sentence that opens by denying a fault ("Nobody overlooked the renewal")
    and explains after a colon, a semicolon or a dash answers a charge; an inability or
    harm told of "nobody" is still a statement."""
    for sentence in (
        "Nobody ignored the page: the rota tool sent it to a retired number, and the backup "
        "stalled.",
        "Nobody overlooked the renewal; the certificate job ran on schedule and stopped on an "
        "expired token.",
        "No one neglected the queue: the consumer crashed on a malformed record.",
        "Nobody skipped a step — the runbook was followed and the restore still hung on a lock.",
    ):
        assert _pm401(lint_text, "What happened", sentence) == [], sentence
    for sentence in (
        "Nobody could sign in: the identity provider stopped on a lock.",
        "Nobody received their payslip: the export stopped on a lock.",
        "The payroll export stopped on a lock and the file did not reach the bank.",
    ):
        assert _pm401(lint_text, "What happened", sentence) != [], sentence
    assert "overlook" in builtin_pack().words("impact", "rebuttal-verbs")


def test_a_hedged_small_count_is_vague(lint_text: LintFn) -> None:
    """PM401: a count hedged around its noun ("a kiosk or three", "one or two tenants") is
    as vague as "a few"; its number words are no amount. A told number beside it ("one or
    two of the 40 stores"), normal behaviour, time spent and a part of a document stay
    clean."""
    for sentence, span in (
        ("A thesis deadline or two may have slipped.", "A thesis deadline or two"),
        ("A kiosk or three could not print tickets.", "A kiosk or three"),
        ("An order or two may have been charged twice.", "An order or two"),
        ("One or two tenants may have lost their sessions.", "One or two tenants"),
        ("Two or three clinics had to reschedule appointments.", "Two or three clinics"),
    ):
        assert _pm401(lint_text, "Impact", sentence) == [span], sentence
    for section, sentence in (
        ("Impact", "One or two retries are normal for this queue."),
        ("Root cause", "A retry or two per hour is expected from the poller."),
        ("Impact", "One or two of the 40 stores could not print receipts."),
        ("Impact", "We spent an hour or two on the phone with the carrier."),
        ("Impact", "A page or two of the handbook was out of date."),
        ("What happened", "The team tried a fix or two before the rollback."),
    ):
        assert _pm401(lint_text, section, sentence) == [], sentence
    assert len(builtin_pack().words("impact", "hedged-counts")) == 2


def test_a_share_beside_counts_of_other_things_is_still_vague(lint_text: LintFn) -> None:
    """PM401: a graded share ("a noticeable share of the October settlement") is not
    measured by counts of other things in its sentence; a percentage, a fraction or "N of
    M" measures it."""
    for sentence, span in (
        (
            "Billing for 12 wind farms was estimated for 48 intervals, which affects a "
            "noticeable share of the October settlement.",
            "noticeable share",
        ),
        (
            "Invoices for 14 tenants were re-issued, a sizeable portion of the month's billing.",
            "sizeable portion",
        ),
    ):
        assert _pm401(lint_text, "Impact", sentence) == [span], sentence
    for sentence in (
        "Billing for 12 wind farms was estimated for 48 intervals, which affects 9% of the "
        "October settlement.",
        "Invoices for 14 tenants were re-issued, a sizeable portion (14 of 90) of the billing.",
        "A sizeable portion, about a third, of the 300 shipments arrived late.",
        "Each team pays a share of the cost of the cluster.",
        "A 12% share of the invoices went out twice.",
    ):
        assert _pm401(lint_text, "Impact", sentence) == [], sentence
    pack = builtin_pack()
    assert "portion" in pack.words("impact", "share-nouns")
    assert pack.get("impact", "share-figure")


def test_a_soft_wrap_reads_as_one_space_and_maps_back() -> None:
    """PM403 reads a block with its soft wraps (LF or CRLF, with the indentation after)
    as single spaces; each character of the unwrapped text knows where it stands."""
    text = "No scan\r\n  was lost"
    flat, at = _unwrapped(text)
    assert flat == "No scan was lost"
    assert at is not None and text[at[flat.index("was")]] == "w" and at[7] == 7
    assert _unwrapped("one line") == ("one line", None)
