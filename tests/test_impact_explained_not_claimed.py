"""PM401 on sentences that explain the fault, address the readers or comment on it rather
than state how much harm it did (blind round 42): a threshold or a load the fault set in
under, a failure told again with its reason, a count inside what the cause was said to be,
the memo's own purpose line, the readers who fielded questions, where people are as the
reason for a choice, the team named as the agent of a passive, and an opening comment
adverb. Each class stands beside look-alikes that state impact and stay reported. Every
sentence here is written for this file."""

from __future__ import annotations

from conftest import LintFn, lines_reported

#: the lines PM401 reports when each stands as its own paragraph under a heading
_reported = lines_reported("PM401", "Depot incident")


def test_a_threshold_or_a_load_the_fault_set_in_under_is_no_amount(lint_text: LintFn) -> None:
    """A size word with "enough" after its thing, or on a load after "under", tells when
    the fault set in; a size before a noun of harm or a count of people stays."""
    clean = [
        "Once the retry count was high enough, the senders stopped emptying the queue.",
        "When the retry backlog grew large enough, every dispatcher stalled on it.",
        "Under high load the consumers left their leased jobs untouched.",
        "The pool ran dry under high traffic, as the timeouts were per request.",
    ]
    harm = [
        "A large number of parcels were stuck at the hub.",
        "Under high load, most customers could not pay for about an hour.",
        "A large enough share of users noticed the delay to complain.",
    ]
    assert _reported(lint_text, harm, "Summary") == harm
    assert _reported(lint_text, clean, "Root cause") == []
    text = "# Depot incident\n\n## Summary\n\n" + "\n\n".join(clean) + "\n"
    words = [text[d.start : d.end] for d in lint_text(text, select=["PM401"]).diagnostics]
    assert not [w for w in words if w.lower() in ("high", "large")]


def test_a_failure_told_again_with_its_reason_explains_it(lint_text: LintFn) -> None:
    """ "The X failed because ...", with nothing but a subject of "the" in its clause, gives
    the reason for a failure named elsewhere; a failure said of people, of a service without
    "the", or with its reach or its length, still owes its amount."""
    clean = [
        "The scanners failed because the signing key had expired at midnight.",
        "The handhelds stopped working because their token lapsed overnight.",
        "The kiosks crashed because the new firmware could not parse the config.",
    ]
    harm = [
        "Checkout failed because the database ran out of disk.",
        "Our customers could not pay because the gateway was down.",
        "The checkout page failed for many shoppers because the database ran out of disk.",
    ]
    assert _reported(lint_text, clean + harm, "Summary") == harm


def test_a_count_of_things_inside_what_the_cause_was_is_the_mechanism(
    lint_text: LintFn,
) -> None:
    """A vague count of jobs or messages in the complement of "The root cause was ..."
    describes the cause; people counted there, or a count in a clause of its own, stay."""
    clean = [
        "The root cause was a retry design in which a dispatcher could keep a claim on a"
        " big batch while doing nothing with most of the jobs in it.",
    ]
    harm = [
        "The cause was a push that locked most customers out of their accounts.",
        "The root cause was a config change, and several jobs failed for a long time.",
    ]
    assert _reported(lint_text, clean + harm, "Root cause") == harm


def test_the_memos_purpose_and_the_readers_are_no_impact(lint_text: LintFn) -> None:
    """A memo pointing at itself says what it is about; readers counted as those who had
    questions put to them are addressed; people counted where they are explain a choice
    of place. Readers or people counted by what they lost stay."""
    clean = [
        "This memo summarises the delay to payroll runs last week and what we will change.",
        "This memorandum covers the outage of the parcel scanners on Friday night.",
        "I imagine most of you have had riders or council members asking about Monday.",
        "I suspect many of you have had questions from partners about Tuesday.",
        "I would rather we mend the process than hunt for someone to blame, and I imagine many"
        " of you have had shoppers or trustees asking you about Monday already.",
        "We host the replica in the region where most of our paying customers are.",
        "Times are in EET, where most of our riders live.",
    ]
    harm = [
        "Many of you had your orders cancelled without notice.",
        "The depots where most drivers were stuck lost the whole morning.",
        "We moved traffic away from the region where most of our customers were cut off.",
    ]
    assert _reported(lint_text, clean + harm, "Closing notes") == harm
    assert _reported(lint_text, clean[:2], "Summary") == []


def test_the_team_named_as_the_agent_is_who_acted(lint_text: LintFn) -> None:
    """In "the renewal was missed last month by the store IT team" the place naming the team is no
    population reached; the people or things in the subject of a passive still are."""
    clean = [
        "The renewal of this key was missed last month by the store IT team.",
        "The certificate update was skipped by the branch support staff.",
    ]
    harm = [
        "Customers were locked out by the update.",
        "Several deliveries were missed by the couriers.",
    ]
    assert _reported(lint_text, clean + harm, "Summary") == harm


def test_an_opening_comment_adverb_is_tone(lint_text: LintFn) -> None:
    """ "Seriously, ..." set off by a comma at the opening is the writer's comment; the same
    adverb grading an effect still asks for the measured change, with its exact range."""
    clean = [
        "Nobody had read the notes. Seriously, what is the value of a lab nobody uses?",
        "Seriously, how did this pass review?",
    ]
    harm = ["Card payments were seriously degraded for the whole afternoon."]
    assert _reported(lint_text, clean + harm, "What went wrong") == harm
    text = "# Depot incident\n\n## Impact\n\n" + harm[0] + "\n"
    diags = lint_text(text, select=["PM401"]).diagnostics
    at = text.index("seriously")
    assert [(d.start, d.end) for d in diags] == [(at, at + len("seriously"))]


def test_how_the_fault_or_the_alarm_worked_is_no_amount(lint_text: LintFn) -> None:
    """A span counted from an event, the lag a design was built for, a system that went on
    working with nothing wrong told of it, a share of a delay put down to a cause, and a
    grade too slight to move an alarm explain the fault or its detection; the same words
    said of riders, of a failure or of a delay that fell on people still owe amounts."""
    clean = [
        "The tablets froze within a few seconds of launching the scanner view.",
        "On the new firmware the reader app hung within a few seconds of starting.",
        "The poller was built to wait, which is right in the usual case of a few seconds of lag.",
        "The retry loop was tuned for patience, which is correct in the typical case of a few"
        " minutes of lag.",
        "The gateway kept answering from its local copy for a while after the database left.",
        "The daemon carried on running from memory for some time before the restart.",
        "The polling cadence accounts for most of the lag in alerting.",
        "Most of the lag came from the five-minute batching window.",
        "Our monitor never fired, as the faulty zone was too small a fraction to move the"
        " fleet-wide average.",
        "The pager never went off, since the failing shard was too small a part to trip the"
        " global threshold.",
    ]
    harm = [
        "Validators crashed for a while and riders could not pay.",
        "Riders waited for a while at the gates.",
        "The gateway kept failing for a while after the database went away.",
        "The kiosks kept serving stale timetables for a while.",
        "Too few drivers were on shift to cover the evening rush.",
        "Most of the delay fell on riders at the two busiest stations.",
        "The app crashed for a few minutes after every launch.",
        "Gate readers stopped within a few minutes of the app release.",
    ]
    assert _reported(lint_text, clean + harm, "Root cause") == harm
    assert _reported(lint_text, harm[:2], "Summary") == harm[:2]
    timed = "- 14:40 — The delay check averages 20 minutes; that accounts for most of the wait."
    assert _reported(lint_text, [timed, clean[0]], "Detection") == []


def test_what_became_of_things_after_a_no_loss_answer_is_its_amount(lint_text: LintFn) -> None:
    """After a no-loss answer (before it in the paragraph, or opening its sentence before a
    semicolon), a statement that the things were only late or only held back ("affected
    timing only", "late, not wrong", "simply not delivered") goes on with that answer; harm
    told of people after it still owes its amount."""
    clean = [
        "About 8,400 of 61,000 push alerts were held back. Alerts on the old app were spared."
        " Several depots asked the desk for help. No alert content or rider data was lost or"
        " exposed; dropped alerts were simply not delivered.",
        "About 8,400 of 61,000 push alerts were held back. Several depots asked the desk for"
        " help. No alert content or rider data was\nlost or exposed; dropped alerts were simply"
        "\nnot delivered.",
        "The batch held 3,120 transfers worth EUR 2.2 million. No transfers were lost or"
        " duplicated. The outage affected timing only.",
        "The run held 9,020 payouts. No payouts were lost. Payouts to sellers were late,"
        " not wrong.",
    ]
    harm = [
        "No payments were lost. The outage affected many riders.",
        "No records were lost. Riders could not tap in at the gates.",
    ]
    for line in clean:
        assert _reported(lint_text, [line], "Impact") == [], line
    assert _reported(lint_text, harm, "Impact") == harm


def test_a_name_that_opens_with_a_digit_is_no_amount(lint_text: LintFn) -> None:
    """A name such as "2FA" or "4G" holds a digit but counts nothing: a grade beside it
    still owes its measure; a real figure beside it, or "10K", still gives one."""
    vague = [
        "Lenders who use our 2FA service saw significant drops in sign-in success.",
        "Stores on the 4G fallback saw substantial delays at checkout.",
    ]
    measured = [
        "Shops on the 4G fallback saw 2,300 failed payments.",
        "Shops saw significant delays on 10K card payments.",
    ]
    assert _reported(lint_text, vague + measured, "Summary") == vague


def test_a_containment_step_told_in_the_response_is_no_claim(lint_text: LintFn) -> None:
    """Outside the Impact and Summary, a service the responders took out of service on
    purpose ("we took the booking site offline"), a stop-gap that sites or their staff put
    in place ("several hubs put up timetables"), and a fault told only as the time of such a
    stop-gap ("while the tills were down") are steps of the response. People unable to do
    something, harm done to people, the fault taking a service down, and the same steps
    told under Impact stay reported."""
    clean = [
        "- 2 June, 11:40: booking portal taken offline; static notice published.",
        "The ordering site was pulled offline at noon and a holding page published.",
        "We took the booking site offline and put up a holding page.",
        "A few branches handed out printed vouchers while the tills were down.",
        "Staff at a few depots handed out paper tickets while the scanners were down.",
        "Several hubs put up printed timetables on their doors.",
        "Staff at several sites set up a temporary sign-in sheet within the hour.",
        "Several hubs switched to paper manifests.",
    ]
    harm = [
        "Riders could not buy tickets for a while once the portal went offline.",
        "The portal was taken offline, so residents could not pay their rent.",
        "Customers queued at a few branches while the tills were down.",
        "Several depots sent drivers home while the scanners were down.",
        "Many riders printed their own tickets while the app was down.",
        "The surge took the booking site offline.",
        "The booking site was taken offline by the flood of requests.",
        "At 11:26 the booking site was taken offline, and the team rebuilt the index.",
    ]
    assert _reported(lint_text, clean + harm, "Response") == harm
    # a passive takedown with no stop-gap beside it tells the outage itself
    upgrades = ["Both brokers were taken offline for disk replacements."]
    assert _reported(lint_text, upgrades, "Notes from the week") == upgrades
    told_as_impact = [clean[1], "Several hubs taped a printed notice to the front door."]
    assert _reported(lint_text, told_as_impact, "Impact") == told_as_impact


def test_a_program_with_a_fault_named_among_program_words_is_no_population(
    lint_text: LintFn,
) -> None:
    """A program noun in the singular with a program's fault before it ("a stuck
    consumer", "a hung subscriber"), in a sentence that names what programs work on (a
    queue, a topic, a partition lease), is one process in the story of the cause. The same
    nouns in the plural, or in the singular doing what people do, stay reported."""
    clean = [
        "On Monday an engineer restarted the ledger queue to clear a stuck consumer.",
        "We replayed the order topic after a hung subscriber stopped acknowledging messages.",
        "A stuck consumer held the partition lease, so no other worker could read from it.",
    ]
    harm = [
        "Some consumers could not top up their cards.",
        "Several subscribers could not read the morning edition.",
        "A stuck subscriber could not renew their pass because the renewal queue was down.",
    ]
    assert _reported(lint_text, clean + harm, "Summary") == harm
