"""PM401 on narrative sentences that tell no impact, by the classes of writing a blind test
found read as unquantified impact (session 24), each beside look-alikes in the same shape
that state impact and stay reported. Every sentence here is written for this file."""

from __future__ import annotations

from collections.abc import Sequence

from conftest import LintFn


def _reported(lint_text: LintFn, lines: Sequence[str], heading: str = "Summary") -> list[str]:
    """The lines PM401 reports when each stands as its own paragraph under ``heading``."""
    text = f"# Sync incident\n\n## {heading}\n\n" + "\n\n".join(lines) + "\n"
    diags = lint_text(text, select=["PM401"]).diagnostics
    by_line = dict(enumerate(text.splitlines(), start=1))
    return sorted({by_line[text.count("\n", 0, d.start) + 1] for d in diags}, key=lines.index)


def test_a_cause_told_of_the_incident_states_no_impact(lint_text: LintFn) -> None:
    """A cause sentence: something "caused the outage" (the incident already told, as the
    object of a verb of causing) or the harm "resulted from" something. What comes after
    "by" or "from" is the cause (a member of a team is who acted, not who was affected).
    The outage told with whom it reached, an effect of its own in another clause, or
    harm named with a verb of causing stays a statement."""
    clean = [
        "Lena's schema change caused the outage.",
        "A stale feature flag triggered this incident.",
        "The duplicate refunds resulted from a manual replay by a member of the billing team.",
        "The delayed shipments stemmed from a misconfigured cron entry.",
    ]
    harm = [
        "The bad deploy caused an outage for every customer in Europe.",
        "The expired certificate caused checkout failures for shoppers.",
        "The bad deploy caused the outage, and customers could not pay.",
        "The config push caused errors for merchants.",
        "Merchants saw declined payments resulting from the expired certificate.",
    ]
    assert _reported(lint_text, clean + harm) == harm
    assert _reported(lint_text, clean, heading="What happened") == []


def test_a_step_of_the_response_on_a_thing_named_after_the_harm(lint_text: LintFn) -> None:
    """A timestamped recovery step ("corrected the error page at 11:40") acts on a thing
    named after the harm, and a paging message a responder received ("got the first error
    email at 03:10") is news of it: neither states harm. People who got such a thing, or
    a system that served it, are told of harm."""
    clean = [
        "The support writer corrected the error page at 11:40.",
        "We rewrote the outage banner at 09:30.",
        "Marco received an error email at 03:10 and tried to call the lead.",
    ]
    harm = [
        "Customers got an error page at checkout.",
        "The gateway returned an error page.",
        "Marco received an error email, and customers could not pay.",
    ]
    heading = "Accessibility"
    assert _reported(lint_text, clean + harm, heading=heading) == harm


def test_a_map_of_the_reports_contents_states_no_impact(lint_text: LintFn) -> None:
    """A report's roadmap: the write-up ("the report", "our write-up", not only "this
    note") as the subject of a verb of what a document holds ("sets out", "covers").
    A report that says harm in a clause of its own, or harm told beside the roadmap,
    stays a statement."""
    clean = [
        "The report sets out the facts of the outage, its impact on customers, the failed "
        "controls, and the repairs made.",
        "Our write-up covers the failed payments and what we changed.",
    ]
    harm = [
        "The report describes the outage, and customers could not pay.",
        "The vendor's report says customers lost data.",
    ]
    heading = "1. Introduction"
    assert _reported(lint_text, clean + harm, heading=heading) == harm


def test_readers_counted_by_what_they_want_are_not_the_affected(lint_text: LintFn) -> None:
    """Reader meta-commentary: "some of you want the figures first" counts readers by a
    wish, a state of mind like knowing. Readers counted by what they could not do stay
    reported."""
    clean = [
        "I know some of you want the figures before the story.",
        "Some of you wish we had posted sooner.",
    ]
    harm = [
        "Some of you could not open your notes.",
        "Some of you wanted to cancel but could not reach support.",
    ]
    assert _reported(lint_text, clean + harm) == harm


def test_a_verification_period_is_not_the_impacts_duration(lint_text: LintFn) -> None:
    """A vague span the responders spent watching a change before the next step is a
    verification period; the same span told of the users, or of the outage, is the
    impact's duration."""
    clean = [
        "We watched the error rate for a few hours before reopening signups.",
        "We turned sync back on for our own accounts, monitored it for some time, and "
        "opened it to everyone.",
        "Priya watched the canary for a while before the full rollout.",
    ]
    harm = [
        "Users watched the spinner for a few minutes.",
        "Users waited for a few hours before the queue drained.",
        "Checkout was down for some time.",
    ]
    assert _reported(lint_text, clean + harm) == harm


def test_a_severity_class_is_no_magnitude(lint_text: LintFn) -> None:
    """A grade word in a severity class ("Major operational incident" as a metadata
    value, the class a report is filed under) names the class; a grade word on the
    incident doing harm, or on an outage, is a size with no figure."""
    text = (
        "# Card debits report\n\n"
        "| Field | Value |\n|-------|-------|\n"
        "| Severity | Major operational incident |\n| Status | Final |\n\n"
        "**Severity:** Major incident\n\n"
        "## Introduction\n\n"
        "We notified the regulator of a major operational incident.\n\n"
        "## Impact\n\n"
        "A major incident hit the trunk network.\n\n"
        "The incident was major.\n\n"
        "Checkout suffered a major disruption.\n"
    )
    diags = lint_text(text, select=["PM401"]).diagnostics
    lines = sorted({text.count("\n", 0, d.start) + 1 for d in diags})
    assert [text.splitlines()[n - 1] for n in lines] == [
        "A major incident hit the trunk network.",
        "The incident was major.",
        "Checkout suffered a major disruption.",
    ]


def _messages(lint_text: LintFn, line: str, heading: str = "Impact") -> list[str]:
    text = f"# Sync incident\n\n## {heading}\n\n{line}\n"
    return [d.message for d in lint_text(text, select=["PM401"]).diagnostics]


def test_a_vague_phrase_as_subject_names_what_it_counts(lint_text: LintFn) -> None:
    """A quantifier phrase that is the subject of an impact statement ("Lots of internal
    tooling was flaky") is the vague word, and what it counts is the noun after its "of"
    (never its head, "lots"; never an owner before "'s": "a handful of the team's
    dashboards" counts dashboards)."""
    assert _messages(lint_text, "Lots of internal tooling was unreliable that week.") == [
        "Vague impact: 'Lots of' where a number belongs; give the share of tooling (a "
        "percentage, or the measured amount)"
    ]
    assert _messages(lint_text, "A handful of the team's dashboards broke.") == [
        "Vague impact: 'A handful of' where a number belongs; say how many dashboards (a "
        "count, or a share of the total)"
    ]
    assert _messages(lint_text, "Loads of our build agents crashed.") == [
        "Vague impact: 'Loads of' where a number belongs; say how many agents (a count, or "
        "a share of the total)"
    ]


def test_a_grade_word_on_one_event_asks_how_large_it_was(lint_text: LintFn) -> None:
    """A grade word on one event of harm in the singular ("a major outage") asks how large
    it was, never "the share of outage"; on a mass it still asks for the share."""
    size = (
        "where a measure belongs; say how large the {} was (users or requests reached, or a "
        "share, and for how long)"
    )
    assert _messages(lint_text, "Checkout suffered a major disruption.") == [
        "Vague impact: 'major' " + size.format("disruption")
    ]
    assert _messages(lint_text, "The incident was major.") == [
        "Vague impact: 'major' " + size.format("incident")
    ]
    assert _messages(lint_text, "We lost a significant portion of traffic.") == [
        "Vague impact: 'significant' where a number belongs; give the share of traffic (a "
        "percentage, or the measured amount)"
    ]


def test_owners_losing_their_stored_things_states_data_loss(lint_text: LintFn) -> None:
    """PM403: data loss told in the domain's words, as what the owners lost ("lost their
    ranked progress", "lost their saved drafts"), answers whether data was lost; a link,
    patience, access, permits or shifts lost do not."""
    answers = [
        "Some players lost their ranked progress.",
        "A few customers lost their saved drafts.",
        "You may have lost all of your notes.",
        "Some riders lost their booking history.",
    ]
    no_answer = [
        "Some players lost their connection to the match server.",
        "Several callers lost patience and hung up.",
        "Users lost access to their files for an hour.",
        "Some couriers lost their work permits in the mix-up.",
        "Drivers lost their shifts.",
    ]
    for line in answers + no_answer:
        text = f"# Sync incident\n\n## Impact\n\n{line}\n"
        codes = [d.code for d in lint_text(text, select=["PM403"]).diagnostics]
        assert (codes == []) == (line in answers), line


def test_one_owner_is_not_the_population_affected(lint_text: LintFn) -> None:
    """A possessor in the singular ("the school's grading portal", "the clinic's patient
    record") names whose thing was affected, never a population to count; owners in the
    plural, or people owned ("the hospital's patients"), are counted as before."""
    assert _messages(lint_text, "The school's grading portal was down.") == [
        "Impact stated without an amount: for how long was 'grading portal' affected (start "
        "and end times), and how many users or requests did it reach?"
    ]
    scope = (
        "On Monday night the clinic's patient record was unavailable to all wards, the "
        "front desk and the pharmacy."
    )
    got = " ".join(_messages(lint_text, scope, heading="Summary"))
    assert "how many clinics" not in got and "how many pharmacies" not in got


def test_units_named_in_a_scope_list_are_not_counted(lint_text: LintFn) -> None:
    """A list that sets the scope ("to all wards, the front desk and the pharmacy") names
    whom it reached: a unit after "the" in it is not a population to count; people in the
    plural beside it still are."""
    scope = (
        "On Monday night the clinic's patient record was unavailable to all wards, the "
        "front desk and the pharmacy."
    )
    assert _messages(lint_text, scope, heading="Summary") == [
        "Impact stated without an amount: for how long was 'patient record' affected (start "
        "and end times), and how many users or requests did it reach?"
    ]
    people = "Patients and the pharmacy could not reach the booking line."
    assert _messages(lint_text, people, heading="Summary") == [
        "Impact stated without an amount: how many patients were affected, or what share, "
        "and for how long?"
    ]
    assert _messages(lint_text, "The hospital's patients could not book appointments.") == [
        "Impact stated without an amount: how many patients were affected, or what share, "
        "and for how long?"
    ]
    assert _messages(lint_text, "Our customers' orders were delayed.") == [
        "Impact stated without an amount: how many orders were affected, or what share, and "
        "for how long?"
    ]


def test_a_tools_behaviour_explained_states_no_impact(lint_text: LintFn) -> None:
    """A tool's behaviour explained: a step of the response that did not work ("the job
    cancel did not work", "Pausing the rollout did not help") because of how a tool
    behaves in general (the simple present, denied with "do", qualified by "only", or
    under a condition). Said of what users reach or have, in the present or the past, it
    stays harm; a gerund of what users did ("Ordering did not work") too."""
    clean = [
        "The job cancel did not work because the scheduler does not kill a running batch; "
        "it only skips the next one.",
        "Pausing the rollout did not help, because Terraform does not stop an apply "
        "midway; it only halts it at the next resource.",
        "The rollback did not work.",
    ]
    harm = [
        "The gateway drops failed payments without a retry.",
        "The load balancer stopped new connections during the drain.",
        "The app crashes on launch for everyone on Android.",
        "Ordering did not work.",
        "Symptom: Hermes fails to relay.",
    ]
    assert _reported(lint_text, clean + harm, heading="What happened") == harm


def test_a_part_that_could_not_read_a_format_is_the_mechanism(lint_text: LintFn) -> None:
    """A recovery step told with why it did not help: a part of the system users do not
    reach could not read a format ("the old code could not read the new table layout").
    What users reach, or people, unable to do something, stays harm."""
    clean = [
        "Ines reverted the web tier at 18:40, which removed the new build, but the "
        "backfill had already rewritten half the rows and the old build could not read the new "
        "row format either.",
        "The parser could not decode the new payload format.",
    ]
    harm = [
        "The app could not load notes.",
        "Customers could not read their statements.",
        "The portal could not handle the load.",
    ]
    assert _reported(lint_text, clean + harm) == harm


def test_a_hit_graded_by_a_word_of_size_is_still_a_vague_idiom(lint_text: LintFn) -> None:
    """ "took a real hit", "took a big hit": a word of size or force before "hit" measures
    nothing; with the figure beside it, or another noun ("took a real beating" is not the
    idiom this reads), it is clean."""
    flagged = [
        "Our reputation took a real hit on social media.",
        "Revenue took a big hit.",
        "Sales took a hit.",
    ]
    clean = [
        "Bookings took a big hit: 40% fewer than the week before.",
        "The batch job took a real beating at midnight.",
    ]
    assert _reported(lint_text, flagged + clean, heading="Impact") == flagged
    assert _messages(lint_text, "Revenue took a big hit.") == [
        "Vague impact: 'took a big hit'; give the measured change (e.g. from 12,000 to 3,000 "
        "a day, in its currency)"
    ]


def test_an_idiom_of_volume_is_an_amount_with_no_number(lint_text: LintFn) -> None:
    """ "Support got slammed with tickets": the passive of a verb of being overwhelmed with
    a plural tells an amount with no number, where impact is stated. With the number, of
    a mass ("flooded with water"), or of a part of the system in a root cause, it is
    clean."""
    flagged = ["Support got slammed with tickets.", "Our help line was swamped with calls."]
    clean = [
        "Support got slammed with 900 tickets, three times a normal Monday.",
        "The warehouse was flooded with water.",
    ]
    assert _reported(lint_text, flagged + clean, heading="Impact") == flagged
    assert (
        _reported(lint_text, ["The database was overwhelmed with connections."], "Root cause") == []
    )
    assert _messages(lint_text, "Support got slammed with tickets.") == [
        "Vague impact: 'slammed with' where a number belongs; say how many tickets (a count, "
        "or the rise over a normal day)"
    ]


def test_a_hedge_of_extent_asks_how_many(lint_text: LintFn) -> None:
    """ "The mobile apps were mostly fine": an adverb of extent on a state of working (or
    an effect) hedges how much of the whole was affected. A verdict ("mostly harmless from a
    compliance view"), "be" alone ("the cause was mostly a config error") or the figure
    beside it is clean."""
    flagged = ["The web app was mostly fine.", "Checkout was partially unavailable."]
    clean = [
        "The export was mostly harmless from a compliance view.",
        "The cause was mostly a config error.",
        "The web app was mostly fine: 3 of 2,000 sessions saw errors.",
    ]
    assert _reported(lint_text, flagged + clean, heading="Impact") == flagged
    assert _messages(lint_text, "The web app was mostly fine.") == [
        "Vague impact: 'mostly' where a share belongs; say how many were affected and how "
        "many were not (a count, or a share of the whole)"
    ]


def test_a_mechanism_told_in_a_root_cause_states_no_impact(lint_text: LintFn) -> None:
    """A root cause that tells how a part of the system failed: a part that could not act
    while people are named only in the clause of its reason ("because ... a storage
    device ..."), or an effect adjective on a part of the system ("restarted into an
    empty partition"), not on what people reach. People who could not act, the service,
    people named beside the part, and what people were shown stay reported."""
    clean = [
        "The standby database could not take over because its config pointed at a storage "
        "device that had been renamed.",
        "The replica could not catch up because the link to the customer region was saturated.",
        "The flasher does not check the image size before it writes, so the device restarted "
        "into an empty partition.",
        "The loader skips the checksum step, so each device booted from a blank slot.",
    ]
    harm = [
        "Customers could not log in because the session store was full.",
        "The website was down because the certificate had expired.",
        "The device restarted into an empty partition, and customers could not unlock their doors.",
        "The device restarted into an empty partition, so users saw an empty screen.",
        "Devices could not boot after the update.",
    ]
    assert _reported(lint_text, clean + harm, heading="Root cause") == harm


def test_a_title_that_names_a_section_makes_no_summary_of_the_parts(
    lint_text: LintFn,
) -> None:
    """A document's title that reads like a section name ("What happened to sign-ins on
    Tuesday") names the write-up: a timeline below it is a timeline, not a summary, so
    its entries are judged as a narrative. The text under the title itself is still read
    as its name says, and people in the timeline's prose are still reported (its entries
    with a clock time of their own are placed in time by the timeline)."""
    text = (
        "# What happened to sign-ins on Tuesday\n\n"
        "The booking page failed for visitors.\n\n"
        "## Timeline\n\n"
        "- **09:14**: Deploy starts. Checkout error rate jumps.\n"
        "- **09:16**: Search errors spike.\n"
        "- **09:20**: Customers could not sign in.\n\n"
        "Soon after, customers could not sign in.\n"
    )
    diags = lint_text(text, select=["PM401"]).diagnostics
    lines = sorted(text.count("\n", 0, d.start) + 1 for d in diags)
    assert lines == [3, 11]


def test_the_header_row_of_a_table_names_columns(lint_text: LintFn) -> None:
    """A header row names columns or categories ("| Minor store impact | Major store
    impact |" in a severity grid): no vague amount there, as no statement was before. A
    vague word in a body cell of the same table is still reported."""
    text = (
        "# Till outage\n\n## Impact\n\nTills in 12 of 40 stores failed for 35 minutes.\n\n"
        "## Severity grid\n\n"
        "| | Minor store impact | Major store impact | Huge store impact |\n"
        "|---|---|---|---|\n"
        "| Tills down | under 5 minutes | 5 to 30 minutes | many hours |\n"
    )
    diags = lint_text(text, select=["PM401"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == ["many hours"]


def test_a_size_of_money_is_an_amount_with_no_number(lint_text: LintFn) -> None:
    """ "Overtime cost was high": a size word said of money where impact is stated asks
    for the amount, as "significant" already did. With the figure, or outside the impact
    (a cost given as a reason in a root cause), it is clean."""
    flagged = ["Overtime cost was high.", "Refund costs were huge."]
    clean = ["Overtime cost was high: 310 extra hours at 45 EUR.", "We picked the low-cost option."]
    assert _reported(lint_text, flagged + clean, heading="Impact") == flagged
    because = "We chose this design because its running cost is low."
    assert (
        _reported(lint_text, [because, "Storage costs were high, so we moved logs."], "Root cause")
        == []
    )
    assert _messages(lint_text, "Overtime cost was high.") == [
        "Vague impact: 'high' where a number belongs; give the amount of money (currency and "
        "figure, an estimate if need be)"
    ]


def test_a_backlog_is_a_count_and_a_time_to_clear(lint_text: LintFn) -> None:
    """ "a significant backlog": work that waited is counted at its peak and timed to
    clear; the message asked only for a duration. A size of duration ("a long backlog")
    still asks for the duration, quoted as highlighted."""
    assert _messages(lint_text, "The help desk reported a significant backlog.") == [
        "Vague impact: 'significant' where a number belongs; say how many items waited (the "
        "peak count) and how long they took to clear"
    ]
    assert _messages(lint_text, "There was a long backlog.") == [
        "Vague impact: 'long backlog'; give the duration (start and end times, or minutes)"
    ]


def test_a_supplier_that_gave_us_a_broken_thing_is_not_affected(lint_text: LintFn) -> None:
    """ "Orbital sold us faulty disks": a named party that gave us a thing in an effect's
    state made or sent it; the message asked for how long the supplier was affected. A
    system of ours that served a broken thing, one that shipped it to devices, or one that
    suffered an outage stays reported."""
    clean = ["Orbital sold us faulty disks.", "Orbital shipped broken firmware to us."]
    harm = [
        "Kestrel served stale prices.",
        "Kestrel shipped broken firmware to the devices.",
        "Kestrel experienced a partial outage.",
    ]
    assert _reported(lint_text, clean + harm) == harm
