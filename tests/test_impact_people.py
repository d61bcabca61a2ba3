"""PM401 on sentences about people rather than impact (a class two blind rounds found):
a blame or a judgment of someone, the responders' own work slowed, an opinion the writer
rejects, the readers' hopes, a byline. Each beside look-alikes that state harm and stay
reported. Every sentence here is written for this file."""

from __future__ import annotations

from conftest import LintFn, lines_reported

from pm_lsp.policy.rulepack import builtin_pack

#: the lines PM401 reports when each stands as its own paragraph under a heading
_reported = lines_reported("PM401", "Kiosk incident")


def test_a_cause_or_blame_told_as_down_to_is_no_outage(lint_text: LintFn) -> None:
    """ "be down to X" is "be due to X": a cause or a blame, not a thing out of service."""
    clean = [
        "The leak was, honestly, down to the negligence of the landlord's plumbing firm.",
        "The corrupted backup is down to a careless shortcut by the storage vendor.",
        "The whole mess was down to one unreviewed firewall change.",
    ]
    harm = [
        "The booking portal was down.",
        "The payment page went down for shoppers in Spain.",
    ]
    assert _reported(lint_text, clean, "Root cause") == []
    assert _reported(lint_text, harm, "Summary") == harm


def test_the_response_slowed_is_no_harm(lint_text: LintFn) -> None:
    """The responders' work as what was slowed or delayed (``response-nouns``) tells how
    the response went; the people in the sentence were not reached by the incident."""
    clean = [
        "The response was slowed by the warehouse team's usual resistance to overtime.",
        "Our investigation was delayed by the vendor's reluctance to share its logs.",
        "Triage was held back by the night shift's habit of muting the pager.",
        "The escalation was slowed by the support desk's unwillingness to wake managers.",
    ]
    harm = [
        "Refunds were slowed by the backlog.",
        "Deliveries were delayed for shoppers in the north.",
    ]
    assert _reported(lint_text, clean, "Response") == []
    assert _reported(lint_text, harm, "Impact") == harm
    for noun in builtin_pack().words("impact", "response-nouns"):
        sentence = f"The {noun} was slowed by the ops group's reluctance to move staff."
        assert _reported(lint_text, [sentence], "Response") == [], noun


def test_a_person_judged_by_a_faculty_is_no_vague_amount(lint_text: LintFn) -> None:
    """A grade word after a person's faculty (``faculty-nouns``) judges the person; a
    grade word on what was affected stays vague."""
    clean = [
        "The rule was approved by a reviewer whose knowledge of IPv6 is, shall we say, limited.",
        "The runbook came from a contractor whose understanding of failover was minimal.",
        "The change was signed off by a manager whose grasp of databases is limited.",
    ]
    harm = [
        "A limited number of customers could not log in.",
        "Card payments worked in a limited number of stores.",
    ]
    assert _reported(lint_text, clean, "Root cause") == []
    assert _reported(lint_text, harm, "Impact") == harm
    for noun in builtin_pack().words("impact", "faculty-nouns"):
        sentence = f"The change was made by an engineer whose {noun} of DNS is limited."
        assert _reported(lint_text, [sentence], "Root cause") == [], noun


def test_a_staff_members_deed_is_no_harm_to_staff(lint_text: LintFn) -> None:
    """A staff role as the one who left something broken or hanging (``staff-roles``) is
    the doer, not the affected; staff who lost something stay reported."""
    clean = [
        "I should say the renewal was a job the former administrator left hanging for months.",
        "The upgrade was something the previous maintainer left broken, so it fell to me.",
        "The certificate was a chore the old contractor left stalled before he moved on.",
    ]
    harm = [
        "Administrators lost access to the console.",
        "The outage left shoppers stranded at the checkout.",
    ]
    assert _reported(lint_text, clean, "Root cause") == []
    assert _reported(lint_text, harm, "Impact") == harm
    for role in builtin_pack().words("impact", "staff-roles"):
        sentence = f"The migration was something the previous {role} left hanging."
        assert _reported(lint_text, [sentence], "Root cause") == [], role


def test_an_opinion_the_writer_rejects_counts_no_one_harmed(lint_text: LintFn) -> None:
    """People counted as the ones who voiced an opinion (``opinion-verbs``) that the
    writer rejects in the same sentence (``rejection-forms``): a view answered. People
    who said they were harmed, with no rejection, stay reported."""
    clean = [
        'Some colleagues have argued that "the night shift ignored the alarm"; I disagree.',
        "A few people said the vendor was careless; we do not think that is fair.",
        "Several reviewers claimed the migration was rushed, but that is not what the "
        "timeline shows.",
        "Some people suggested the intern broke it; that's not true.",
    ]
    harm = [
        "Some customers said they could not log in.",
        "Several merchants claimed they were charged twice.",
    ]
    assert _reported(lint_text, clean, "Summary") == []
    assert _reported(lint_text, harm, "Impact") == harm
    for verb in ("say", "claim", "argue", "suggest", "insist", "allege", "speculate"):
        assert verb in builtin_pack().words("impact", "opinion-verbs")
    for rejection in (
        "I don't agree.",
        "we reject that.",
        "it was not the case.",
        "that's not accurate.",
    ):
        sentence = f"Some people said the team was careless; {rejection}"
        assert _reported(lint_text, [sentence], "Summary") == [], rejection


def test_an_opinion_answered_in_the_next_sentence_states_no_impact(lint_text: LintFn) -> None:
    """A view someone voiced (``opinion-verbs``, with ``irregular-opinion-forms``) that the
    writer rejects in the next sentence of the paragraph, or later in the same sentence in
    the third person (``rejection-forms``: "the board does not accept this framing"). Harm
    that people reported, followed by anything but a rejection, stays reported."""
    clean = [
        "A few drivers said the depot manager had ignored the warnings. That is not what "
        "the logs show.",
        "Some parents claimed the school office had lost their forms. We do not accept "
        "that reading of events.",
        'It was suggested at the board meeting that the outage was "the fault of a lazy '
        'night crew". The trust does not accept this characterisation.',
        "Several shoppers shouted that the cashiers were hopeless; that was not the case.",
        "Some tenants insisted the caretaker had switched the boilers off. This is not true.",
        "In the staff forum it was alleged that the contractor broke the lift. The council "
        "rejects that account.",
        "Many residents asserted that the parish office had misplaced their letters; the "
        "parish council does not share that view.",
    ]
    harm = [
        "Some customers said they could not pay at the gates. Staff handed out paper "
        "tickets instead.",
        "A few callers said they waited on hold for ages.",
        "Some riders said the app froze for a while. That is not unusual on Mondays.",
        "Several members claimed their renewals failed. We agree with them.",
        "Many passengers missed their trains. That is not what the timetable promised.",
    ]
    assert _reported(lint_text, clean, "Summary") == []
    assert _reported(lint_text, harm, "Impact") == harm
    words = builtin_pack().words("impact", "opinion-verbs")
    assert {"shout", "assert"} <= set(words)
    assert builtin_pack().words("impact", "irregular-opinion-forms") == ["said"]


def test_a_doers_conduct_is_no_impact_statement(lint_text: LintFn) -> None:
    """Blame told through a passive: the people, team or unnamed person as the agent of
    the deed ("dumped on us by managers"), an inability said of that agent ("by a
    contractor who couldn't test it"), or a change that touched something let through by
    someone (``doer-pronouns``). Harm done to others, whoever did it, stays reported."""
    clean = [
        "The config was pushed to production by a vendor team that could not be bothered to "
        "read the runbook.",
        "The whole mess was dumped on the night shift by managers who never answer a pager.",
        "The update was rushed out by a contractor who couldn't test it on real hardware.",
        "It is hard to see how a release affecting the payments database was waved through "
        "by someone in their first week.",
        "I still don't see how a patch affecting every ward could be signed off by somebody "
        "outside the clinical team.",
        "The migration was forced through by an administrator who could not wait for the review.",
    ]
    harm = [
        "An update affecting the booking portal locked customers out.",
        "The error page was seen by users in the north.",
        "A change affecting checkout was approved by the release manager, and shoppers "
        "could not pay.",
        "Users who could not log in were helped by the support team.",
        "Members could not renew, and the fix was delayed by a reviewer who was not on shift.",
        "The outage was felt by customers across Europe.",
        "The errors were experienced by shoppers on mobile.",
    ]
    assert _reported(lint_text, clean, "Summary") == []
    assert _reported(lint_text, harm, "Summary") == harm
    assert {"someone", "somebody"} <= set(builtin_pack().words("impact", "doer-pronouns"))


def test_the_readers_hopes_are_no_harm(lint_text: LintFn) -> None:
    """Some of the readers said to look forward to or count on something
    (``anticipation-phrases``): an empathy sentence. Readers who missed it stay reported."""
    clean = [
        "We know a few of you were really looking forward to the concert.",
        "We understand many of you were counting on the export before the audit.",
        "Plenty of you had been banking on the new map for the tournament.",
        "A lot of you were hoping for the bonus round this weekend.",
    ]
    harm = [
        "Some of you missed the winter sale.",
        "Many of you could not download the export before the audit.",
    ]
    assert _reported(lint_text, clean, "Summary") == []
    assert _reported(lint_text, harm, "Summary") == harm
    told = {
        "look forward": "were looking forward to",
        "count on": "were counting on",
        "plan on": "were planning on",
        "bank on": "were banking on",
        "hope for": "hope for",
        "hoping for": "were hoping for",
        "hoped for": "had hoped for",
    }
    assert set(told) == set(builtin_pack().words("impact", "anticipation-phrases"))
    for phrase, verb in told.items():
        sentence = f"We know some of you {verb} the launch party."
        assert _reported(lint_text, [sentence], "Summary") == [], phrase


def test_a_block_of_metadata_states_no_impact(lint_text: LintFn) -> None:
    """A block of header fields (a byline, a date, a status, a severity) states impact
    only when one of its fields is labelled as impact."""
    byline = (
        "Written by: Ines Moreau, part-time site administrator, Larkfield Parish Council\n"
        "Date: 4 May 2024\n"
        "Status: Final\n"
        "Severity: High (touched every branch office)"
    )
    labelled = "Impact: the booking portal was unavailable to residents\nDate: 4 May 2024"
    text = f"# Portal outage\n\n{byline}\n\n{labelled}\n"
    diags = lint_text(text, select=["PM401"]).diagnostics
    assert [text.count("\n", 0, d.start) + 1 for d in diags] == [8]


def test_a_quoted_description_the_writer_rejects_states_no_impact(lint_text: LintFn) -> None:
    """A view voiced as a description, often quoted (``opinion-verbs``: describe, call,
    characterise, label, brand, portray), rejected by finding no evidence for it or by
    calling it unfounded (``rejection-forms``). The same verbs with no rejection, or with
    the harm confirmed, stay reported."""
    clean = [
        'A few bloggers described the outage as "proof that the council cannot keep a '
        'website up"; the inquiry found no evidence for this claim.',
        'Some forum posters called the release "a disaster for every user"; that '
        "characterisation is unfounded.",
        'One newspaper characterised the incident as "weeks of chaos for taxpayers". The '
        "review saw no basis for that description.",
        'Several commentators labelled the migration "a botched job that locked out '
        'thousands"; this description is inaccurate.',
        'Critics portrayed the delay as "a failure that cost families their benefits"; the '
        "panel found no evidence supporting this allegation.",
        'Some users branded the new portal "unusable for anyone over sixty"; the audit has '
        "no evidence of this claim.",
    ]
    harm = [
        "Many customers described the checkout as unusable.",
        "Several merchants described missing payouts; the review found evidence of this in "
        "the ledger.",
        'Some shoppers called the store "broken" after their payments failed.',
    ]
    assert _reported(lint_text, clean, "Summary") == []
    assert _reported(lint_text, clean, "Impact") == []
    assert _reported(lint_text, harm, "Impact") == harm
    words = set(builtin_pack().words("impact", "opinion-verbs"))
    assert {"describe", "call", "characterise", "characterize", "label", "brand"} <= words
    assert "portray" in words


def test_people_counted_in_what_the_writer_wishes_of_them_are_not_harmed(
    lint_text: LintFn,
) -> None:
    """People counted as the subject or object of what "I" or "we" wish, want, need or ask
    of them (``wish-verbs``) are asked for conduct, not reached by the incident. People
    harmed in a sentence that also wishes or asks something stay reported."""
    clean = [
        "Fix the tooling, yes, but I'd like some people to own their part in this.",
        "I want a few teams to take their alerts more seriously.",
        "We need several engineers to learn the failover drill.",
        "I wish some reviewers would read the contracts before approving.",
        "I would ask some of you to read the runbook before your next shift.",
        "I'd love for more people to join the review meetings.",
        "We would encourage many of the on-call engineers to practise the restore.",
        "I hope a few managers will attend the next review.",
        "We urge several squads to rehearse the rollback.",
    ]
    harm = [
        "I'd like to note that some users could not log in.",
        "Several merchants asked us why their payouts failed.",
        "We need to tell the several shoppers whose orders were lost.",
        "We asked some customers to retry, and several of them still could not pay.",
    ]
    for heading in ("Summary", "Impact", "Lessons learned"):
        assert _reported(lint_text, clean + harm, heading) == harm, heading
    words = builtin_pack().words("impact", "wish-verbs")
    assert set(words) == {
        "like",
        "love",
        "want",
        "wish",
        "need",
        "ask",
        "urge",
        "encourage",
        "hope",
    }
