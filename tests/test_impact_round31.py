"""PM401 and PM403 on the classes blind round 31 found (fix helper imp31). Every sentence
here is written for this file.

1. Reported speech: a quoted clause that a verb of saying gives to someone other than the
   writers is recorded, not claimed (:mod:`pm_lsp.nlp.reported`, shared with the blame
   family): neither a vague amount inside it nor an impact statement read from it is the
   writers'. A quote the writers give themselves, and everything outside the marks, is still
   judged. A quotation that ends its sentence (the closing mark after the full stop) and one
   wrapped over a line break are quotations too; a whole-sentence finding on a sentence that
   ends inside one covers the closing mark as it covers the opening one.
2. A comparison whose difference is measured on its comparative ("2 hours later than
   normal", "30% slower than usual") gives the amount; "much later than normal" and
   "slower than usual for 40 minutes" (how long, not how much) do not.
3. A quantifier whose count the next clause gives in a unit ("several laptops each; 1.8
   sessions per pupil"), and a clause that tells which things are where ("some feeds are on
   the legacy scheduler and some are not") state no vague amount; a quantifier that leaves
   its noun out ("some are not", "a few failed") is asked about the noun an earlier
   quantifier of the sentence names, not about people, and a bare denial shares that
   earlier count's verdict.
5. PM403: a document that counts what could not be recovered or what was backfilled has
   its data-loss statement; the message asks for those counts when something was lost, and
   offers 'No data was lost' only for when nothing was.
4. A sentence that opens by telling where the fault lay ("The fault was in the relay
   firmware: ...") and goes on, after a colon, a semicolon or a dash, to the mechanism
   states no impact; an elaboration about people after it, or a mechanism told without
   the fault located, is read as before.
6. Vague amounts in informal British English ("loads of", "a fair few", "a number of")
   on those who give to a cause (donors, givers, supporters, backers, sponsors) and on
   breaches of a limit (breaches, violations, exceedances) are vague amounts of harm; a
   report that the page "wasn't working" is harm told, like "was not working"."""

from __future__ import annotations

from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack
from pm_lsp.rules.impact.checks import lexicon


def _doc(section: str, sentence: str) -> str:
    return f"# Depot outage\n\n## {section}\n\n{sentence}\n"


def _flagged(lint_text: LintFn, section: str, sentence: str, code: str = "PM401") -> list[str]:
    text = _doc(section, sentence)
    return [text[d.start : d.end] for d in lint_text(text, select=[code]).diagnostics]


# -- class 1: reported speech ----------------------------------------------------------------


def test_a_quote_someone_else_said_is_recorded_not_claimed(lint_text: LintFn) -> None:
    for section, sentence in (
        (
            "Root cause",
            'A note in the support queue said "the card gateway failed our shoppers once '
            'more." The gateway did what we asked.',
        ),
        (
            "Root cause",
            'The first outline of this report said "the merchant broke their own storefront '
            'by editing\nthe settings without asking us." We took that sentence out.',
        ),
        (
            "Root cause",
            'A reply in the ops channel said "the tenant broke their own dashboards by '
            'renaming the fields." The importer should have coped.',
        ),
        (
            "Discussion",
            'A post on the rider forum said "many riders could not book a trip." It was '
            "pinned at 10:02.",
        ),
        ("Discussion", '"Several of my parcels never arrived," one courier wrote in the app.'),
        (
            "Discussion",
            'A tenant complained on the call that "lots of our invoices went missing".',
        ),
        (
            "Lessons",
            'One volunteer joked in the thread that "half the county lost the\nsignup form for '
            'ages." Nobody took it up.',
        ),
    ):
        assert _flagged(lint_text, section, sentence) == [], sentence


def test_what_the_writers_say_or_write_outside_the_marks_is_still_judged(
    lint_text: LintFn,
) -> None:
    complaint = 'A rider wrote in: "many of my bookings vanished overnight".'
    assert _flagged(lint_text, "Impact", complaint) == ["many of my bookings"]
    for sentence, phrase in (
        ('We told the regulator "several depots lost power," which was all we knew.', "several"),
        ('Several drivers posted "the map will not load" in the forum.', "Several drivers"),
        ('Many riders could not book a trip, and the app kept saying "try again soon."', "Many"),
        ('I told the board "many donors could not finish the form".', "many"),
        ('We wrote in the status note: "many donors could not finish the form."', "many"),
    ):
        got = _flagged(lint_text, "Impact", sentence)
        assert len(got) == 1 and got[0].startswith(phrase), (sentence, got)


def test_a_whole_sentence_finding_covers_the_closing_mark_of_a_final_quote(
    lint_text: LintFn,
) -> None:
    sentence = (
        'Shoppers could not pay and saw the banner "checkout is resting for now." '
        "It recovered after lunch."
    )
    assert _flagged(lint_text, "Impact", sentence) == [
        'Shoppers could not pay and saw the banner "checkout is resting for now."'
    ]


def test_the_blame_family_reads_a_wrapped_reported_quote_the_same_way(
    lint_text: LintFn,
) -> None:
    sentence = (
        'A reply in the thread said "the night operator forgot to renew\nthe certificate '
        'again." We fixed the reminder.'
    )
    assert _flagged(lint_text, "Discussion", sentence, "PM1") == []
    own = "The night operator forgot to renew\nthe certificate again. We fixed the reminder."
    assert _flagged(lint_text, "Discussion", own, "PM1") != []


# -- class 2: a comparison whose difference is measured --------------------------------------


def test_a_comparison_with_its_difference_measured_is_quantified(lint_text: LintFn) -> None:
    for section, sentence in (
        (
            "Impact",
            "The nightly payroll export reached the bank 3 hours and 20 minutes later than normal.",
        ),
        ("Impact", "Label printing ran 45% slower than usual at the depot."),
        ("Impact", "The morning digest went out an hour later than expected."),
        ("Impact", "Invoices arrived two days later than usual for our tenants."),
        ("Impact", "Search ran four times slower than before the upgrade."),
        ("Summary", "Latency at the ferry booking edge was 220 ms higher than normal."),
    ):
        assert _flagged(lint_text, section, sentence) == [], sentence


def test_a_comparison_with_no_measured_difference_is_still_vague(lint_text: LintFn) -> None:
    for sentence, phrase in (
        ("The nightly payroll export reached the bank much later than normal.", "than normal"),
        ("Label printing was slower than usual for 40 minutes.", "than usual"),
        ("Invoices arrived later than expected for about 90 tenants.", "than expected"),
        ("Card top-ups settled noticeably later than normal.", "than normal"),
    ):
        assert _flagged(lint_text, "Impact", sentence) == [phrase], sentence


# -- class 3: a count given beside the quantifier; which things are where; the elided noun ---


def _messages(lint_text: LintFn, section: str, sentence: str) -> list[str]:
    return [d.message for d in lint_text(_doc(section, sentence), select=["PM401"]).diagnostics]


def test_a_count_told_in_the_next_clause_or_a_placement_is_no_vague_amount(
    lint_text: LintFn,
) -> None:
    for section, sentence in (
        ("Impact", "Pupils signed in from several laptops each; we logged 1.8 sessions per pupil."),
        ("Impact", "Some parcels went out twice: 212 parcels in all."),
        ("Contributing factors", "Some feeds are on the legacy scheduler and some are not."),
        (
            "Contributing factors",
            "Most nightly jobs are in the shared calendar, but a few are not.",
        ),
        ("Contributing factors", "Some of the kiosks are on the old firmware and some are not."),
        ("Root cause", "A few feeds are on the new broker."),
    ):
        assert _flagged(lint_text, section, sentence) == [], sentence


def test_a_count_of_something_else_beside_it_leaves_the_quantifier_vague(
    lint_text: LintFn,
) -> None:
    for sentence, phrase in (
        ("Some customers were billed twice; refunds took 3 days.", "Some customers"),
        ("Several depots lost power; the outage lasted 40 minutes.", "Several depots"),
        ("Many riders could not book; we refunded 40 fares.", "Many riders"),
    ):
        assert _flagged(lint_text, "Impact", sentence) == [phrase], sentence


def test_a_quantifier_that_leaves_its_noun_out_is_asked_about_that_noun(
    lint_text: LintFn,
) -> None:
    (got,) = _messages(lint_text, "Contributing factors", "Some exports finished and some failed.")
    assert "how many exports" in got and "people" not in got
    found = _messages(lint_text, "Impact", "Many exports failed, and a few did not.")
    assert len(found) == 2 and all("how many exports" in m for m in found)
    (people,) = _messages(lint_text, "Impact", "A handful could not log in.")
    assert "how many people" in people


# -- class 5: the losses and the recovered part counted answer PM403 -------------------------


def _loss_told(lint_text: LintFn, text: str) -> bool:
    return lint_text(_doc("Impact", text), select=["PM403"]).diagnostics == []


def test_counted_losses_and_recoveries_answer_the_data_question(lint_text: LintFn) -> None:
    for text in (
        "Of the 96 meter readings missed, 95 were backfilled from the loggers and 1 reading "
        "(pump 7, 03:40) could not be recovered.",
        "3 of the 40 photo uploads could not be restored from the bucket.",
        "1,240 orders were backfilled overnight from the broker.",
        "12 survey answers couldn't be rebuilt; the rest were fine.",
    ):
        assert _loss_told(lint_text, text), text


def test_a_recovery_still_to_come_or_a_time_of_day_is_no_answer(lint_text: LintFn) -> None:
    for text in (
        "The 2 hosts could not be restored until Monday.",
        "At 14:02 the config could not be restored, so we rolled forward.",
        "96 readings could not be recovered yet.",
        "40 invoices were not backfilled before we closed the ticket.",
        "The backfill job could not be restarted.",
    ):
        assert not _loss_told(lint_text, text), text


def test_the_data_loss_statements_still_read_one_block_at_a_time() -> None:
    """A statement pattern PM403 cannot prove block-local makes it scan the whole prose on
    every lint (an apostrophe class written as an escape is outside the proof)."""
    assert lexicon(builtin_pack()).data_loss_per_block


def test_the_data_loss_message_asks_for_counts_when_something_was_lost(
    lint_text: LintFn,
) -> None:
    text = _doc("Impact", "Kiosks printed blank tickets for 20 minutes.")
    (d,) = lint_text(text, select=["PM403"]).diagnostics
    assert "how many were lost and how many recovered" in d.message
    assert "if nothing was, write 'No data was lost'" in d.message


# -- class 4: a fault located, then its mechanism --------------------------------------------

LOCATED = (
    "The fault was in the relay firmware: it silently discarded new polling requests.",
    "The gap was between the broker and the archive; the bridge dropped new batches unlogged.",
    "The problem lay with the scheduler — it skipped queued exports after a clock change.",
    "The bug was inside the retry wrapper: it swallowed timeouts and resent stale payloads.",
    "The defect was at the edge proxy: it cached error pages for new requests.",
    "The flaw was in the import mapper: it truncated long rows.",
    "The issue was with the parser: it rejected new events that carried a byte-order mark.",
    "The weakness was within the lock manager: it released leases early and lost writes.",
    "The break was in the fibre run: the relay stopped forwarding heartbeats.",
)


def test_a_fault_located_then_its_mechanism_is_no_impact_claim(lint_text: LintFn) -> None:
    for sentence in LOCATED:
        assert _flagged(lint_text, "Summary", sentence) == [], sentence


def test_every_located_fault_word_has_a_sentence() -> None:
    pack = builtin_pack()
    subjects = {s.split()[1].lower() for s in LOCATED}
    assert set(pack.words("impact", "located-faults")) <= subjects
    places = {w for s in LOCATED for w in s.split(":")[0].split(";")[0].split()}
    assert set(pack.words("impact", "fault-places")) <= places


def test_harm_after_a_located_fault_or_a_bare_mechanism_still_counts(lint_text: LintFn) -> None:
    for sentence in (
        "The fault was in the relay firmware: riders could not pay at the kiosks.",
        "The problem was that customers could not log in.",
        "The gateway quietly dropped incoming meter sessions.",
        "The fault was in the relay firmware, which dropped incoming meter sessions.",
    ):
        assert _flagged(lint_text, "Summary", sentence) != [], sentence


# -- class 6: vague amounts in informal British English, and the givers counted ---------------


def test_informal_amounts_of_givers_breaches_and_reports_are_vague(lint_text: LintFn) -> None:
    for sentence, phrase in (
        ("Loads of people emailed to say the page wasn't working.", "Loads of people"),
        ("We probably lost a fair few monthly givers too.", "a fair few monthly givers"),
        ("The union raised a number of rest-time breaches with us.", "a number of rest-time"),
        ("A number of donors gave up at the card step.", "A number of donors"),
        ("Loads of supporters could not renew.", "Loads of supporters"),
        ("A handful of backers asked for refunds.", "A handful of backers"),
        ("Several sponsors pulled out.", "Several sponsors"),
        ("A number of SLA violations were logged.", "A number of SLA violations"),
        ("Some exceedances of the noise limit were recorded.", "Some exceedances"),
    ):
        got = _flagged(lint_text, "How bad was it?", sentence)
        assert len(got) == 1 and got[0].startswith(phrase), (sentence, got)


def test_informal_amounts_of_things_no_one_suffers_stay_clean(lint_text: LintFn) -> None:
    for section, sentence in (
        ("Impact", "A number of fixes were considered."),
        ("Impact", "Loads of ideas came up in the retro."),
        ("Impact", "A fair few of the dashboards were rebuilt by the team."),
        ("Root cause", "A number of donors use the old form."),
        ("Root cause", "Loads of supporters give by standing order."),
    ):
        assert _flagged(lint_text, section, sentence) == [], sentence
