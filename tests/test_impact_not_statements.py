"""PM401 on sentences near an impact statement that state none (the classes a blind test
found), each beside look-alikes in the same shape that state impact and stay reported.
Every sentence here is written for this file."""

from __future__ import annotations

from collections.abc import Sequence

from conftest import LintFn

from pm_lsp.nlp.pipeline import NLP
from pm_lsp.policy.rulepack import builtin_pack


def _reported(lint_text: LintFn, lines: Sequence[str], heading: str = "Summary") -> list[str]:
    """The lines PM401 reports when each stands as its own paragraph under ``heading``."""
    text = f"# Deploy incident\n\n## {heading}\n\n" + "\n\n".join(lines) + "\n"
    diags = lint_text(text, select=["PM401"]).diagnostics
    by_line = dict(enumerate(text.splitlines(), start=1))
    return sorted({by_line[text.count("\n", 0, d.start) + 1] for d in diags}, key=lines.index)


def test_the_wrong_thing_chosen_is_the_cause_not_the_harm(lint_text: LintFn) -> None:
    """A defect ("images built against the wrong OpenSSL") or a cause ("because the
    calendar listed the wrong week") names a mistaken choice with "the wrong X" as the
    object of a thing's act; harm is "the wrong X" handed to people."""
    clean = [
        "On Tuesday the 7.1.0 release published container images that were built against "
        "the wrong OpenSSL.",
        "It reached production on Tuesday night because the deploy calendar listed the "
        "wrong week, and the scheduler ran it.",
        "The hotfix went out early because the runbook named the incorrect cluster.",
        "The migration script pointed at the wrong schema.",
        "The migration began a day early because the calendar entry carried the wrong date.",
    ]
    harm = [
        "Customers were sent the wrong invoice.",
        "The checkout page showed shoppers the wrong price.",
        "The banner displayed the wrong delivery date to buyers.",
        "Members saw the wrong balance on their statements.",
        "The storefront showed the wrong balance.",
    ]
    assert _reported(lint_text, clean + harm) == harm


def test_things_sent_to_the_wrong_place_are_misdelivered(lint_text: LintFn) -> None:
    """Orders, parcels or letters sent to "the wrong X", or "the wrong X" put on them, is
    harm even with no people named; a build or a job sent to the wrong place is a cause."""
    clean = [
        "The release tool pushed the build to the wrong region.",
        "The cron entry started the job on the wrong host.",
    ]
    harm = [
        "The routing service sent parcels to the wrong depot.",
        "The mailer sent the renewal notifications to the wrong office.",
        "The packing station stuck the wrong labels on shipments.",
    ]
    assert _reported(lint_text, clean + harm, heading="Impact") == harm


def test_a_denied_effect_and_what_happened_instead_is_no_statement(
    lint_text: LintFn,
) -> None:
    """A mechanism told as a correction ("did not crash; it served expired keys, and the
    next step skipped those items") and a clarification among figures ("never went down;
    it was only unreachable") deny an effect and say what the same thing did instead.
    Harm told of others after the denial, or a real effect of the same thing, stays."""
    clean = [
        "The cache did not crash; it served expired keys, and the pricing step skipped "
        "those items.",
        "The lookup did not error; it returned empty strings and the next stage discarded "
        "those records.",
        "The report query joined on the renamed column, so it did not fail; it produced "
        "nulls for every foreign account, and the ledger join then dropped those rows.",
        "The brokers never went offline; they were only slow to accept writes.",
        "The file store never went down; it was only unreachable from the branch offices.",
    ]
    harm = [
        "The site did not go down, but customers could not check out.",
        "The queue never stalled, but it lost messages.",
        "The gateway did not crash; it rejected every card payment.",
    ]
    assert _reported(lint_text, clean + harm) == harm
    items = ["- 310 uploads failed between 09:10 and 09:55.", *(f"- {s}" for s in clean[3:])]
    assert _reported(lint_text, items, heading="Impact") == []


def test_harm_told_after_a_denied_effect_stays_a_statement(lint_text: LintFn) -> None:
    """After "did not crash; it ...", people reached ("handed blank receipts to
    members"), an act that is an effect even when "just" or "only" comes before it ("it
    just lost the uploads"), or a state that is an effect ("it stayed offline") is harm;
    "did not fail over" denies the recovery, not a failure. The mechanism told of the
    same thing with nothing reached ("it only paused between batches") stays clean."""
    clean = [
        "The indexer did not crash; it only paused between batches.",
        "The scheduler never went down; it was merely slow to pick up new jobs.",
        "The resolver did not error; it returned cached answers and the next hop ignored them.",
    ]
    harm = [
        "The till service did not crash; it handed blank receipts to members.",
        "The photo service never went offline; it just lost the uploads.",
        "The ticketing site did not go down; it simply showed every buyer a sold-out banner.",
        "The storefront never went down; instead it timed out for tablet shoppers.",
        "The primary did not fail over; it stayed offline for the whole region.",
        "The wallet app never crashed; it displayed stale scores to players.",
    ]
    assert _reported(lint_text, clean + harm, heading="Impact") == harm


def test_a_safeguard_doing_its_job_states_no_impact(lint_text: LintFn) -> None:
    """A check that stopped a bad release did what it is for ("which is exactly what the
    gate is for", "as designed", "as it is meant to"); a fault said not to be what a thing
    is for, or harm that follows the stop, is still a statement."""
    clean = [
        "The release job stopped at the checksum gate, which is exactly what the gate is for.",
        "The nightly deploy was rejected by the schema check, as designed.",
        "The push to the registry failed on the signature check, which is what it is "
        "supposed to do.",
        "The mirror refused the unsigned upload, as it is meant to.",
    ]
    harm = [
        "Checkout failed for shoppers, which is not what it is supposed to do.",
        "The release job failed on the checksum gate, so customers could not install the update.",
        "The payment form broke, which isn't what the form is for.",
    ]
    assert _reported(lint_text, clean + harm) == harm


def test_a_safeguard_phrase_does_not_hide_harm_in_its_sentence(lint_text: LintFn) -> None:
    """ "As designed" or "what it is for" clears a sentence only when its statement is the
    safeguard's own stop: a denial governing the phrase ("did not fire as intended",
    "stopped responding as designed") or people and what they use reached in the same
    sentence ("so riders could not top up") stays a statement."""
    clean = [
        "The promotion step halted at the licence scan, exactly as intended.",
        "The schema migration was refused by the lint gate, which is what the gate is there for.",
        "The canary rollout paused at the error budget check, as it is built to.",
    ]
    harm = [
        "The backup link did not take over as intended, and riders could not top up.",
        "Patients could not book visits because the spam filter held their messages, as designed.",
        "The booking widget stopped responding as designed and guests could not reserve rooms.",
        "The load shedder never kicked in as it was supposed to, so the portal was down for "
        "tenants.",
        "Borrowers did not receive what they were meant to receive on the first of the month.",
        "Drivers were locked out of their accounts, which is what the throttle is for, yet "
        "it tripped on honest logins.",
    ]
    assert _reported(lint_text, clean + harm, heading="Impact") == harm


def test_the_teams_own_delivery_tooling_is_no_affected_thing(lint_text: LintFn) -> None:
    """A release, publish or deploy job, pipeline or workflow (and CI) that broke is how
    the incident went on inside, not harm to users; so is a person's act that broke it,
    which leaves that sentence to the blame rules (PM401 stands down because of what was
    reached, not because of who acted). A person's act that reached users, users who could
    not get the fix, and a job of the service itself stay statements."""
    clean = [
        "Second, the release job itself broke.",
        "Priya's rebase onto main removed the release branch and broke the release job.",
        "Tomek's force-push broke the publish pipeline.",
        "The deploy pipeline was down for the afternoon.",
        "CI was broken after the runner upgrade.",
    ]
    harm = [
        "Priya's rebase broke checkout for shoppers.",
        "The deploy pipeline broke, and customers could not download the update.",
        "The nightly export job failed.",
        "The billing workflow broke and merchants were not paid.",
    ]
    assert _reported(lint_text, clean + harm) == harm


def test_tooling_reached_is_named_by_its_head(lint_text: LintFn) -> None:
    """Tooling that users own or that is hosted for them is named by what it is
    ("pipelines", "workflows"), not by a word before it ("build", "hosted") or by where
    it was ("stuck in the dispatch queue")."""
    cases = {
        "Member build pipelines were down.": "how many pipelines",
        "The hosted deploy workflows were unavailable.": "how many workflows",
        "Managed release jobs got stuck in the dispatch queue.": "how many jobs",
    }
    # people named in the sentence are who is counted
    cases["Hosted test runners were unreachable for subscribers."] = "how many subscribers"
    for sentence, asked in cases.items():
        text = f"# CI outage\n\n## Impact\n\n{sentence}\n"
        diags = lint_text(text, select=["PM401"]).diagnostics
        assert [asked in d.message for d in diags] == [True], (sentence, diags)


def test_an_apology_defers_to_the_impact_the_document_quantifies(lint_text: LintFn) -> None:
    """An apology or a word of regret in the Summary ("regrets the disruption this caused
    to merchants") apologises for the impact the Impact section quantifies; with no amount
    there it is read as a statement, and a plain statement beside it always is."""
    apologies = [
        "Acme Cloud regrets the disruption this caused to merchants and their shoppers "
        "during the sale.",
        "The platform team apologises for the downtime this brought to the clinics.",
        "We are deeply sorry for the outage and the trouble it caused our readers.",
    ]
    plain = "Checkout failed for merchants during the sale."
    figures = "\n\n## Impact\n\n- 1,840 merchants could not pay between 12:05 and 13:20 UTC."
    text = "# Sale outage\n\n## Summary\n\n" + "\n\n".join([*apologies, plain]) + figures + "\n"
    diags = lint_text(text, select=["PM401"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == [plain]
    assert _reported(lint_text, [*apologies, plain]) == [*apologies, plain]


def test_an_apology_defers_only_for_what_it_is_for(lint_text: LintFn) -> None:
    """Only an apology or regret whose object is the incident ("regret the interruption",
    "sorry for the downtime") defers to the amount the Impact section gives; harm in a
    clause after it or beside it ("sorry that ...", "..., and we regret it", "Apologies:
    ...") stays a statement, and a data-loss sentence's zero is no amount to defer to."""
    owned = [
        "The hosting team regrets the interruption this brought to the libraries.",
        "We are truly sorry for the downtime and the stress it caused our tenants.",
    ]
    harm = [
        "We are sorry that invoicing stopped for landlords.",
        "We regret that the booking site was unreachable for travellers.",
        "The renewal page was broken for members over the weekend, and we regret it.",
        "Tenants could not open the portal, and we apologise.",
        "Apologies: the kiosk app was offline for riders.",
    ]
    lines = [*owned, *harm]
    figures = (
        "- 2,150 tenants could not pay rent between 08:00 and 09:40 UTC.\n\n- No data was lost."
    )
    text = "# Portal outage\n\n## Impact\n\n" + figures + "\n\n" + "\n\n".join(lines) + "\n"
    diags = lint_text(text, select=["PM401"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == harm
    # the data-loss zero alone gives no amount: every line is read as a statement
    text = "# Portal outage\n\n## Impact\n\n- No data was lost.\n\n" + "\n\n".join(lines) + "\n"
    diags = lint_text(text, select=["PM401"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == lines


def test_regret_outside_the_impact_sections_is_no_apology(lint_text: LintFn) -> None:
    """ "We regret to report that ..." in the narrative tells the harm it regrets; only
    an apology word ("sorry", "apologise") owns the impact outside the impact sections."""
    harm = ["We regret to report that the booking site was down for travellers."]
    clean = ["We are sorry to everyone whose bookings were held up."]
    assert _reported(lint_text, clean + harm, heading="Timeline") == harm


def test_advice_to_the_readers_states_no_impact(lint_text: LintFn) -> None:
    """Advice on limiting a future impact ("We recommend that customers take these steps
    to limit the impact of future outages") tells what to do; a past recommendation beside
    harm, or harm followed by someone's advice, is still a statement."""
    clean = [
        "We recommend that customers take these steps to limit the impact of future outages:",
        "We strongly advise that tenants keep a second route so a failed trunk does not cut "
        "off their calls.",
        "We would encourage customers to retry uploads that failed.",
    ]
    harm = [
        "We recommended a restart, but customers could not place calls until the evening.",
        "Customers could not place calls until the evening, and support advised them to use "
        "mobiles.",
    ]
    assert _reported(lint_text, clean + harm) == harm


def test_advice_clears_only_a_sentence_it_opens_with_no_harm_beside(lint_text: LintFn) -> None:
    """Advice clears the sentence only when it opens it and no clause set off beside it
    tells of harm done: harm before the advice ("..., and we urge them to ...") or in a
    clause after a comma ("..., which had been wiped") stays a statement."""
    clean = [
        "We suggest that tenants export their keys before each upgrade.",
        "I would advise members to re-sync notes that failed.",
    ]
    harm = [
        "Tenants could not open their vaults, and we urge them to rotate their keys.",
        "Receipts were lost for cafes; we suggest they download them again.",
        "We advise that sellers re-import their catalogues, which had been wiped.",
        "We would encourage drivers to check their payslips, as several were corrupted.",
    ]
    assert _reported(lint_text, clean + harm, heading="Impact") == harm


def test_a_grade_word_in_a_term_of_art_is_no_magnitude(lint_text: LintFn) -> None:
    """ "Major" in a process named after the incident class ("a major incident bridge",
    "the major incident call") or a release ("the next major version") names the term of
    art; on the outage itself it is a size with no figure."""
    clean = [
        "The team opened a major incident bridge at 10:05.",
        "The duty manager joined the major incident call within minutes.",
        "We moved the fix into the next major version.",
    ]
    harm = ["A major outage hit the trunk network.", "Checkout suffered a major disruption."]
    assert _reported(lint_text, clean + harm, heading="Impact") == harm


def test_readers_addressed_as_having_been_with_us_are_not_counted(lint_text: LintFn) -> None:
    """A friendly address ("Many of you lived through the Monday rush with us") greets the
    readers; readers who could not do something, or who were stuck, are counted."""
    clean = [
        "Many of you spent Wednesday afternoon on the phone with us, and we are grateful.",
        "Many of you lived through the Monday rush with us.",
    ]
    harm = [
        "Many of you could not log in on Monday.",
        "Many of you were stuck on hold with us for the whole morning.",
    ]
    assert _reported(lint_text, clean + harm) == harm


def test_with_us_greets_only_readers_who_went_through_it(lint_text: LintFn) -> None:
    """ "With us" is a greeting only after a verb of going through ("stayed with us",
    "weathered the storm with us"); readers who cancelled, rebooked, phoned or waited
    "with us" are the affected, counted."""
    clean = [
        "Many of you stayed with us through the long Friday night.",
        "Several of you weathered the whole storm with us.",
    ]
    harm = [
        "Many of you postponed your bookings with us.",
        "A lot of you waited in the queue with us until noon.",
        "Several of you abandoned your baskets with us.",
    ]
    assert _reported(lint_text, clean + harm, heading="Impact") == harm


def test_a_quantifier_over_what_the_writers_said_counts_no_people(lint_text: LintFn) -> None:
    """Meta prose about the write-up ("Some of what we said in the channel was not fair")
    counts a clause, the writers' words, not people; a share of what users had that was
    lost is still a statement, and "some of them could not pay" still counts them."""
    clean = [
        "Some of what we said in the channel was not fair.",
        "Some of what we wrote that night was not kind.",
        "Much of what we posted in the heat of it was not blameless.",
    ]
    harm = ["Some of what customers uploaded on Monday was lost."]
    assert _reported(lint_text, clean + harm) == harm


def test_the_subject_of_an_effect_noun_is_affected_only_if_it_bore_it(
    lint_text: LintFn,
) -> None:
    """The message names what was affected: the subject of a verb that takes the effect
    noun only when it bore it ("Kestrel experienced an outage"), not when it regrets,
    caused or could have prevented it ("the registrar's office regrets the disruption it
    caused for students" asks how many students)."""
    text = (
        "# Outage\n\n## Impact\n\n"
        "The registrar's office regrets the disruption it caused for students and invigilators.\n\n"
        "Kestrel experienced an outage.\n\n"
        "The on-call engineer could have prevented the outage.\n"
    )
    messages = [d.message for d in lint_text(text, select=["PM401"]).diagnostics]
    assert "how many students were affected" in messages[0]
    assert "'Kestrel'" in messages[1]
    assert all("registrar" not in m and "engineer" not in m for m in messages)


def test_an_apology_finds_the_figure_beside_a_data_loss_zero(lint_text: LintFn) -> None:
    """Only the data-loss clause's zero is set aside: a figure in the same sentence ("No
    files were lost, but 640 of 7,900 tutors ...") is the amount the apology defers to; a
    zero in the data-loss clause itself ("0 of 3,100 patients lost records") is none."""
    apology = "We apologise for the scheduling outage."
    for figures in (
        "No files were lost, but 640 of 7,900 tutors (8.1%) could not plan lessons "
        "from 14:05 to 14:55 UTC.",
        "Between 14:05 and 14:55 UTC, 640 tutors could not plan lessons; no data was lost.",
    ):
        text = f"# Planner outage\n\n## Impact\n\n{figures}\n\n{apology}\n"
        assert lint_text(text, select=["PM401"]).diagnostics == [], figures
    figures = "No lessons were lost, and 0 of 3,100 patients lost records."
    text = f"# Planner outage\n\n## Impact\n\n{figures}\n\n{apology}\n"
    diags = lint_text(text, select=["PM401"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == [apology]


def test_harm_told_after_advice_and_a_semicolon_counts(lint_text: LintFn) -> None:
    """Advice joined by a semicolon to a second sentence that tells in the past what
    happened ("...; their lesson plans were corrupted") is harm; a plan or the team's own act
    after the semicolon is not."""
    harm = [
        "We recommend that tutors re-upload; their lesson plans were corrupted.",
        "We suggest that guests rebook; the outage cancelled their reservations.",
    ]
    clean = [
        "We recommend that landlords rotate their keys; we will publish a guide.",
        "We advise tutors to update the app; the old build stops working in June.",
    ]
    text = "# Billing outage\n\n## Impact\n\n" + "\n\n".join([*harm, *clean]) + "\n"
    diags = lint_text(text, select=["PM401"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == harm


def test_a_denial_then_a_broken_thing_shown_to_users_counts(lint_text: LintFn) -> None:
    """After a denied effect of what users face, showing or serving them something in an
    effect's state ("it displayed stale balances") is harm even with no people named; a
    mechanism ("it returned empty strings") or the team's tooling stays clean."""
    harm = [
        "The portal never went down; it displayed stale balances.",
        "The checkout never crashed; it served empty baskets.",
    ]
    clean = [
        "The lookup did not error; it returned empty strings.",
        "The pipeline did not crash; it produced empty artifacts.",
    ]
    text = "# Portal fault\n\n## Impact\n\n" + "\n\n".join([*harm, *clean]) + "\n"
    diags = lint_text(text, select=["PM401"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == harm


def test_time_spent_waiting_with_us_counts_the_readers(lint_text: LintFn) -> None:
    """A verb of going through with a wait in it ("stayed on the line with us", "spent
    minutes on hold with us") is time the readers lost, counted; a greeting over a span
    of the day ("spent the evening with us on the forum") is not."""
    clean = [
        "Many of you spent the evening with us on the forum.",
        "Several of you stayed with us all through the beta.",
    ]
    harm = [
        "Many of you stayed on the line with us until the rota changed.",
        "Several of you spent minutes on hold with us.",
    ]
    assert _reported(lint_text, clean + harm, heading="Impact") == harm


def test_tooling_owned_by_users_through_a_compound_chain_is_reached(lint_text: LintFn) -> None:
    """A people word anywhere left of the tooling head ("Subscriber release workflows",
    "Partner test runners") makes it the users' own, reached by the incident; the team's
    own chain ("our nightly release workflows") stays the team's."""
    cases = {
        "Subscriber release workflows were stuck.": "how many workflows",
        "Partner deploy jobs were stuck after the upgrade.": "how many jobs",
    }
    for sentence, asked in cases.items():
        text = f"# CI outage\n\n## Impact\n\n{sentence}\n"
        diags = lint_text(text, select=["PM401"]).diagnostics
        assert [asked in d.message for d in diags] == [True], (sentence, diags)
    text = "# CI outage\n\n## Impact\n\nOur nightly release workflows were stuck.\n"
    assert lint_text(text, select=["PM401"]).diagnostics == []


def test_an_entry_with_its_own_clock_time_is_placed_by_the_timeline(lint_text: LintFn) -> None:
    """A list entry that opens with its time of day is a timeline's entry wherever the list
    stands (under a bold "Timeline." label too): its clock and the entries around it bound
    it, as a timeline table's row is bounded. Only its vague words are judged; prose
    without a clock of its own still states impact."""
    text = (
        "# Billing outage\n\n## Incident 2\n\n**Timeline.**\n\n"
        "- 01:40 invoice export skipped: ledger snapshot missing\n"
        "- **07:15** The billing portal went down for all tenants.\n"
        "- 07:20 Many tenants could not download invoices.\n"
        "- 07:31 a few minutes later, Ines restarted the exporter\n\n"
        "The billing portal went down for all tenants.\n"
    )
    diags = lint_text(text, select=["PM401"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == [
        "Many tenants",
        "The billing portal went down for all tenants.",
    ]


def test_what_an_alert_watches_for_is_no_harm_told(lint_text: LintFn) -> None:
    """An effect word naming what an alert or monitor watches ("the alert for failed
    logins fired") tells how the incident was detected; people who saw the failures, or
    failures that set off the alert, are still harm told."""
    clean = [
        "Our paging alert for failed sign-ins fired and the on-call engineer was paged.",
        "The monitor on rejected card payments went off shortly after the deploy.",
    ]
    harm = [
        "Members saw failed sign-ins, and the alert fired.",
        "Failed logins set off an alert and the on-call engineer was paged.",
    ]
    assert _reported(lint_text, clean + harm) == harm


def test_the_onset_or_trigger_of_the_incident_is_no_harm_told(lint_text: LintFn) -> None:
    """A sentence that tells when or during what the incident began ("The outage began
    during ..."), a status a tool recorded ("marked the job as skipped"), an effect in a
    clause that gives the reason and is said of a part users do not reach ("because the
    ledger snapshot landed late"), or harm told as what a cause explains ("..., and that is
    why the portal broke") names the cause. Harm in a clause of its own, or a reason said
    of what users reach, stays reported."""
    clean = [
        "The outage started during a planned network cutover run by our colocation provider.",
        "This incident began when the session cache lost quorum.",
        "The dispatcher flagged the nightly sync as failed because the ledger snapshot "
        "landed late.",
        "Omar did not upload the new signing key, and that is why the partner portal broke.",
        "The contractor bypassed the staging step, which is why the kiosk app broke.",
    ]
    harm = [
        "The outage started during the network cutover, and members could not pay.",
        "Members phoned the branch because the mobile app was down.",
        "The partner portal broke for resellers after the key expired.",
    ]
    assert _reported(lint_text, clean + harm) == harm


def test_a_lapse_in_upkeep_owed_is_the_cause_not_harm(lint_text: LintFn) -> None:
    """ "Failed to" with a verb of upkeep (renew, rotate, patch ...) said by whoever owed
    it, a person, a team or a supplier, is a lapse: blame's business, not harm done to its
    subject. A system failing to serve what users have or reach stays harm."""
    clean = [
        "The Supplier failed to renew the signing certificate despite its contract.",
        "Our hosting partner failed to patch the edge proxies before the holiday.",
        "The platform team failed to rotate the API key.",
    ]
    harm = [
        "The card gateway failed to process member payments.",
        "The gateway failed to renew member sessions, and members were logged out.",
    ]
    assert _reported(lint_text, clean + harm) == harm


def test_how_long_a_recovery_attempt_held_is_no_impact_duration(lint_text: LintFn) -> None:
    """A span a system worked after a recovery attempt before it stopped or failed again
    ("each time the press ran for a few minutes and stopped again") measures the attempt;
    the same words said of harm, or of a job whose long run was the harm, stay vague."""
    clean = [
        "The fitter power-cycled the press twice; each time it ran for a few minutes and "
        "halted again.",
        "The patched image held for a few minutes before the workers crashed again.",
        "A few minutes later, Priya restarted the broker.",
    ]
    vague = [
        "The nightly backup ran for several hours and blocked writes.",
        "Scanners stopped for a few minutes and then recovered.",
        "Members could not log in for a few minutes.",
    ]
    assert _reported(lint_text, clean + vague, heading="Response") == vague


def test_exasperation_outside_the_impact_sections_is_tone(lint_text: LintFn) -> None:
    """Mock praise or a sigh in a root-cause section ("Lovely work, all, yet again the
    proxy tier falls over on patch night!!!") is a complaint: tone for PM106, not a
    statement of impact. The same harm told plainly there, or in an Impact section with
    the sigh, stays reported."""
    text = (
        "# Proxy outage\n\n## Root cause\n\n"
        "Lovely work, all, yet again the proxy tier falls over on patch night!!!\n\n"
        "Shoppers were logged out when the proxy tier fell over.\n\n"
        "## Impact\n\nThe storefront went down for shoppers yet again!!\n"
    )
    diags = lint_text(text, select=["PM401"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == [
        "Shoppers were logged out when the proxy tier fell over.",
        "The storefront went down for shoppers yet again!!",
    ]


def test_system_behaviour_and_mechanism_is_no_statement(lint_text: LintFn) -> None:
    """How the system behaved, told outside the impact (a class two blind rounds found):
    an effect denied with "no" ("threw no exception, it simply hung"), a line labelled as the
    cause, trigger or fix (``cause-label``), a period of recurrence ("every few minutes")
    and what a message to people said (``message-verbs``). Harm in the same shapes stays."""
    clean = [
        "The sync task threw no exception, it simply hung.",
        "The batch job reported no failure and simply waited for the lock.",
        "The worker threw no exception; it simply sat on the lock.",
        "The dashboard showed the queue depth climbing every few minutes as batches arrived.",
        "The memory graph rose in steps every several hours until the node was recycled.",
        "The school office sent a text to all parents explaining that the portal was down.",
        "A banner told visitors that the booking site was unavailable and gave a phone number.",
        "We posted a notice informing members that renewals were not working.",
    ]
    harm = [
        "Customers told us that the portal was down.",
        "The booking site was down for some hours.",
        "No error page was shown, but some shoppers could not pay.",
        "The worker threw errors at several merchants.",
    ]
    assert _reported(lint_text, clean + harm, heading="Discussion") == harm
    labelled = [
        "- Cause: the storage node was down after a kernel update.",
        "- Root cause: the replica set was unreachable from the new subnet.",
        "- Trigger: a config push that left the broker offline.",
        "- Fix: the gateway, down since the push, was restarted.",
        "- Detection: customers could not log in, and a support agent noticed.",
    ]
    impact = ["- Impact: the portal was down.", "- Customers could not log in."]
    assert _reported(lint_text, labelled + impact) == impact
    for verb, told in (
        ("explain", "a recorded call explaining that"),
        ("announce", "a post announcing that"),
        ("tell", "a note telling parents that"),
        ("inform", "a letter informing members that"),
        ("notify", "an email notifying tenants that"),
        ("warn", "a notice that warned visitors"),
        ("advise", "a text advising families that"),
    ):
        assert verb in builtin_pack().words("impact", "message-verbs")
        sentence = f"The front office sent {told} the portal was down."
        assert _reported(lint_text, [sentence], heading="Discussion") == [], verb


def test_lessons_resolutions_and_stated_periods_are_no_statements(lint_text: LintFn) -> None:
    """General lessons told out of time (``lesson-sections``), the harm told as resolved
    (``ending-verbs``: "resolve", "mitigate", "subside") and a duration told as the same as
    one stated before (``same-window``) state no unquantified impact. A lesson told of
    this incident, another reason than a period ("for the same reason"), and harm still
    going on stay reported."""
    lessons = [
        "- A canary only protects you if its error budget is measured per region.",
        "- Tiny settings that nobody reviews can take down a whole platform.",
        "- A staged launch only helps if the health signal is cut by device model.",
        "- Alerts that nobody reads do not protect customers.",
    ]
    told = [
        "- The outage hurt our most loyal members.",
        "- Customers could not check out, and that has cost us trust.",
    ]
    assert _reported(lint_text, lessons + told, heading="Lessons learned") == told
    resolved = [
        "The outage was fully resolved at 10:40 UTC after the queues drained.",
        "The errors were mitigated at 10:03.",
        "We resolved the outage at 10:40.",
        "The disruption subsided by noon.",
    ]
    ongoing = ["The outage was resolved, but many users had already left."]
    assert _reported(lint_text, resolved + ongoing) == ongoing
    same = [
        "- Members could not book classes from 09:12 until 10:03, about 51 minutes.",
        "- The mobile app was unavailable for the same window.",
        "- Renewals failed throughout the same window.",
        "- The kiosk was unavailable during the same hours.",
        "- Bookings failed over the very same stretch.",
    ]
    other = ["- The website was down for the same reason.", "- The kiosks went offline."]
    assert _reported(lint_text, same + other, heading="Impact") == other


def test_a_gap_we_own_and_a_course_taken_state_no_impact(lint_text: LintFn) -> None:
    """A gap in the team's own preparation ("we had no plan for ... during an outage"):
    the effect is in what the plan was for. A course of action the responders switched to
    (``course-words``): a gerund after "to" or "from" under the word of switching. Harm
    said with "had no", and a switch that led to harm, stay reported."""
    gaps = [
        "We had no plan for keeping in touch with patients during an outage; that is ours to fix.",
        "We had no arrangement for talking to parents during an outage, which is on us.",
        "Our team had no procedure for dealing with customers during a payment outage.",
        "We had no process for looking after passengers during a check-in outage.",
    ]
    courses = [
        "The duty engineer switched tactics at 16:10 from restarting pods to slowing down clients.",
        "We moved from restarting the brokers to throttling clients.",
    ]
    harm = [
        "Customers had no access to their invoices during the outage.",
        "Students had no way to enrol during the outage.",
        "We had no warning before the outage locked customers out.",
        "Switching regions took us from serving pages to failing every checkout.",
        "The bug led to slowing down clients across the region.",
    ]
    assert _reported(lint_text, gaps, "Lessons") == []
    assert _reported(lint_text, courses, "Response") == []
    assert _reported(lint_text, harm) == harm
    assert {"switch", "tactic", "move"} <= set(builtin_pack().words("impact", "course-words"))


def test_our_change_stopped_in_the_passive_is_a_step_of_the_response(
    lint_text: LintFn,
) -> None:
    """A step of mitigation told in the past, in the passive, of the team's own change
    ("the rollout was halted") is the response, not an impact without an amount; the same
    verbs said of what users reach stay reported."""
    clean = [
        "The rollout was halted and a corrected build shipped the following morning.",
        "The deploy was stopped an hour in, and the previous build went back out.",
        "The upgrade was paused while we checked the replicas.",
        "Our migration was suspended on Tuesday and resumed on Thursday.",
        "The change was rolled back before lunch.",
    ]
    harm = [
        "Card payments were stopped at the gateway.",
        "Outbound receipts were halted and shoppers got no confirmation.",
        "The release stopped card payments for shoppers.",
    ]
    for heading in ("Summary", "Impact"):
        assert _reported(lint_text, clean + harm, heading) == harm


#: own sentences of programs named by a people noun, acting as programs (program-nouns,
#: program-verbs); each word of both lists appears in one
_PROGRAMS_ACTING = [
    "Once the edge cache filled, players fell back to the lowest bitrate and then froze.",
    "When the token endpoint slowed, clients retried every second and then crashed.",
    "Browsers cached the broken bundle and then hung on every reload.",
    "The agents polled the collector in a tight loop and then froze.",
    "Workers polled the empty queue, backed off and then stalled.",
    "Consumers fetched the same offset again and again and then crashed.",
    "Subscribers timed out, resubscribed and then failed on the stale topic.",
    "The peers buffered the blocks in memory and then crashed.",
]


def test_programs_named_by_people_nouns_in_a_narrative_reach_no_one(
    lint_text: LintFn,
) -> None:
    """In a narrative section, a plural noun that names programs as well as people
    ("players", "clients", "workers") as the subject of a program's behaviour ("fell back
    to the lowest bitrate", "retried") tells how the fault worked; the same nouns as
    people, or people doing such things, stay reported."""
    harm = [
        "Players could not join matches.",
        "Clients could not sign in to the portal.",
        "Customers retried their payments and then could not pay at all.",
        "Players fell back to the lowest bitrate, and viewers could not watch the match.",
    ]
    assert _reported(lint_text, _PROGRAMS_ACTING + harm, "Root cause") == harm


def test_every_program_word_has_a_fixture_sentence(nlp: NLP) -> None:
    """Every word of ``program-nouns`` and ``program-verbs`` is in a sentence above."""
    pack = builtin_pack()
    seen = set()
    for doc in nlp.parse_many(_PROGRAMS_ACTING, entities=False):
        for t in doc:
            seen |= {t.lemma_.lower()} | {f"{t.lemma_.lower()} {c.lower_}" for c in t.children}
    words = [*pack.words("impact", "program-nouns"), *pack.words("impact", "program-verbs")]
    assert [w for w in words if w not in seen] == []


def test_what_no_one_could_see_in_time_is_a_gap_in_detection(lint_text: LintFn) -> None:
    """A lesson about visibility: no way to tell *that* something was going on, or no
    one able to notice or catch it (``oversight-verbs``, ``perception-verbs``, the verb
    said outright or left out after one earlier in the sentence). An unknown amount of
    harm ("no way to tell how many"), people unable to use the service, and another
    inability beside the lesson stay reported."""
    clean = [
        "We had no way to tell from the help desk that one complaint was part of a wider pattern.",
        "There was no way to know that the queue had been growing all night.",
        "We rely on the on-call engineer noticing the spike, and at three in the morning "
        "nobody can.",
        "We count on reviewers catching a bad flag, and during a release freeze no one does.",
        "Nobody could spot the drift from the dashboards we had.",
        "No one could have noticed the bad certificate before it expired.",
        "We depend on cashiers spotting odd refunds, and on a busy Saturday no one can.",
    ]
    harm = [
        "We had no way to tell how many accounts were read.",
        "There is no way to know whether any receipts were lost.",
        "Nobody could log in to the portal.",
        "Nobody noticed the alert, and customers could not pay.",
        "We rely on shoppers noticing, and nobody could check out at all.",
    ]
    for heading in ("Summary", "Impact", "Lessons learned"):
        assert _reported(lint_text, clean + harm, heading) == harm, heading


def test_a_metadata_field_glossed_with_harm_is_no_statement(lint_text: LintFn) -> None:
    """A single-line field of the document's metadata (``field-label``: severity,
    priority, status, classification) glossed with what it means is a classification;
    the same words outside such a field stay reported."""
    clean = [
        "- **Severity:** SEV-1 (checkout unavailable)",
        "- Priority: P2 (payments delayed)",
        "- Sev: 3 (search degraded for shoppers)",
        "- Status: resolved (orders delayed, none lost)",
        "- Incident level: major (customer funds affected)",
        "- Classification: availability (customers could not log in)",
    ]
    harm = [
        "- Customer money was affected.",
        "- Severity aside, card payments failed at the gateway.",
        "- Note: card payments failed at the gateway.",
    ]
    for heading in ("Summary", "Impact"):
        assert _reported(lint_text, clean + harm, heading) == harm, heading
    assert builtin_pack().get("impact", "field-label")
