"""PM401 on the classes blind round 35 found (fix helper imp35). Every sentence here is
written for this file.

1. and 4. A failure or an inability said of one responder or party ("the duty analyst
   could not find the spare key", "Ottilie failed to restart the kiln", "the billing
   squad failed to rehearse the cutover"), or a party's act as the subject of "be" ("the
   data group's choice to skip the dry run is why ..."), is an attempt told or a party's
   act, not an impact claim (``responder-roles``, ``party-nouns``, ``act-nouns``);
   customers, students and drivers who could not do something stay read, and so does
   harm told in a clause of its own.
"""

from __future__ import annotations

from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack


def _flagged(lint_text: LintFn, section: str, sentence: str) -> list[str]:
    text = f"# Ferry ticketing halt\n\n## {section}\n\n{sentence}\n"
    return [text[d.start : d.end] for d in lint_text(text, select=["PM401"]).diagnostics]


# -- classes 1 and 4: a responder's attempt, a party's act -----------------------------------

_ATTEMPTS = (
    "Priya failed to reproduce the crash on a clean tablet.",
    "The on-call engineer failed to reach the carrier's support line.",
    "Marco failed to join the incident call because the meeting link had expired.",
    "The analyst failed to locate the backup volume on the first try.",
    "The duty operator could not get through to the depot by radio.",
    "The new hire failed to find the restart runbook.",
    "Ottilie tried to drain the kiln controller but failed to stop the fan.",
    "As ever, the duty analyst could not have been more helpful.",
    "The night dispatcher's failure to escalate the stuck loads was a serious gap.",
    "The billing squad failed to rehearse the cutover before enabling it.",
    "The data group's choice to skip the dry run is why we were caught out.",
    "The vendor failed to rotate the signing key before it lapsed.",
)

_HARM_BESIDE_ATTEMPTS = (
    "Students failed to submit their essays before the portal closed.",
    "Drivers could not open the route app all morning.",
    "Kim failed to restart the queue, which left orders stuck for hours.",
    "The analyst could not reach the vendor, and customers could not pay.",
    "The vendor's failure to renew the domain left shoppers unable to reach the store.",
    "The crane operators could not load the ships.",
)


def test_a_responders_attempt_or_a_partys_act_is_no_impact_claim(lint_text: LintFn) -> None:
    for sentence in _ATTEMPTS:
        assert _flagged(lint_text, "What happened", sentence) == [], sentence


def test_people_who_could_not_act_and_harm_beside_an_attempt_stay_read(
    lint_text: LintFn,
) -> None:
    for sentence in _HARM_BESIDE_ATTEMPTS:
        assert _flagged(lint_text, "What happened", sentence) != [], sentence
    for section, sentence in (
        ("Impact", "Several customers could not check out."),
        ("What happened", "Many patients could not refill their prescriptions."),
    ):
        assert _flagged(lint_text, section, sentence) != [], sentence


def test_every_party_word_has_a_sentence() -> None:
    """The pack's words for this class, each used in one of the sentences above or in the
    loop below (every role and party noun as the subject of a failed step)."""
    pack = builtin_pack()
    text = " ".join(_ATTEMPTS).lower()
    for key in ("responder-roles", "party-nouns", "act-nouns"):
        assert pack.words("impact", key), key
    for noun in ("failure", "choice"):
        assert noun in text
    assert {"failure", "decision", "choice"} <= set(pack.words("impact", "act-nouns"))


def test_each_role_and_party_failing_a_step_is_clean(lint_text: LintFn) -> None:
    pack = builtin_pack()
    for noun in (*pack.words("impact", "responder-roles"), *pack.words("impact", "party-nouns")):
        sentence = f"The {noun} failed to restart the ticket printer."
        assert _flagged(lint_text, "What happened", sentence) == [], sentence
    for noun in pack.words("impact", "act-nouns"):
        sentence = f"The harbour desk's {noun} to wait for the tide was the trigger."
        assert _flagged(lint_text, "What happened", sentence) == [], sentence


# -- class 5: an action asked for; a list of references ---------------------------------------

_ACTIONS = (
    ("Recommendation", "4. Look into a shared radio channel between the depots during outages."),
    ("Recommendation", "2. Review how the ward desks share news of an outage."),
    ("Recommendation", "5. Find out whether riders saw stale arrival boards during outages."),
    ("Follow-up", "1. Add a second pager for the booking desk during outages."),
    ("Resources", "- Graph: Ferry Gates – Scans and Failures (Kibana)"),
    ("Resources", "- Board of stuck sailings and delayed departures"),
    ("Links", "- Runbook: Restoring the ticket gates after an outage"),
    ("Useful links:", "- Status page history of the ticket outage"),
)

_FACTS_BESIDE_ACTIONS = (
    ("Impact", "Note that the booking site was down for customers."),
    ("Impact", "Confirm that passengers could not buy tickets."),
    ("Impact", "Ticket gates were down for commuters at the north pier."),
    ("Impact", "Links between the piers failed, so riders were stranded."),
)


def test_an_action_asked_for_or_a_reference_is_no_impact_claim(lint_text: LintFn) -> None:
    for section, sentence in _ACTIONS:
        assert _flagged(lint_text, section, sentence) == [], sentence
    refs = builtin_pack().words("impact", "reference-headings")
    assert {"resources", "links", "useful links"} <= set(refs)


def test_a_fact_told_or_noted_beside_them_stays_read(lint_text: LintFn) -> None:
    for section, sentence in _FACTS_BESIDE_ACTIONS:
        assert _flagged(lint_text, section, sentence) != [], sentence


def test_each_reference_heading_is_skipped(lint_text: LintFn) -> None:
    for heading in builtin_pack().words("impact", "reference-headings"):
        sentence = "- Board: Ticket Gates – Errors per Hour"
        assert _flagged(lint_text, heading.title(), sentence) == [], heading


# -- class 2: a standing distribution of things; programs at work in the mechanism -----------

_MECHANISMS = (
    ("What happened", "The nightly check passed because most requests carry fewer than 3 headers."),
    ("What happened", "The guard let it through because many orders hold less than 3 items."),
    ("Summary", "Most jobs use under 1 GB, so the memory cap looked safe."),
    (
        "Root cause",
        "Most queries touch fewer than 10 partitions, which is why the limit never tripped.",
    ),
    ("Summary", "Several builds pull more than 40 packages, which the mirror throttles."),
    (
        "Root cause",
        "The fare cache had no defence against many clients fetching one record at once.",
    ),
    (
        "Root cause",
        "The queue had no guard against many consumers claiming the same message together.",
    ),
)

_HARM_BESIDE_MECHANISMS = (
    ("Impact", "Most tenants keep under 2 GB, so the quota rarely bites.", "Most tenants"),
    ("Summary", "Most passengers lose about 20 minutes when a gate fails.", "Most passengers"),
    ("Summary", "Many requests fail with a 503 error.", "Many requests"),
    ("Summary", "Most requests timed out for over 30 seconds.", "Most requests"),
    ("Root cause", "Many clients could not connect.", "Many clients"),
    ("Root cause", "Many clients lost their sessions.", "Many clients"),
    ("Root cause", "Several clients received stale prices.", "Several clients"),
    ("Impact", "Many clients rebuilt the same cache key at once.", "Many clients"),
)


def test_a_standing_distribution_or_programs_at_work_owe_no_count(lint_text: LintFn) -> None:
    for section, sentence in _MECHANISMS:
        assert _flagged(lint_text, section, sentence) == [], sentence


def test_harm_to_people_or_programs_beside_them_stays_read(lint_text: LintFn) -> None:
    for section, sentence, phrase in _HARM_BESIDE_MECHANISMS:
        assert any(phrase in f for f in _flagged(lint_text, section, sentence)), sentence


# -- class 3: a check left undone, told plainly -------------------------------------------------

_CHECKS_SKIPPED = (
    "The patch was not tried against the ledger bridge before release, since the staging "
    "bridge has been offline since March.",
    "The failover was never rehearsed, as the spare site had been down for a refit.",
    "The new fare table was not reviewed by finance, because the reviewer was on leave.",
    "The kiosk build was not tested on the older card readers.",
)

_HARM_BESIDE_CHECKS = (
    "The fix was not tested because riders could not reach the app.",
    "The update was not tested, and the ticket site was down for riders.",
    "The checkout was down for shoppers.",
    "Customers could not check out during the failover.",
    "Riders could not test the new app.",
)


def test_a_check_left_undone_is_no_impact_claim(lint_text: LintFn) -> None:
    for sentence in _CHECKS_SKIPPED:
        assert _flagged(lint_text, "Assessment", sentence) == [], sentence
    verbs = set(builtin_pack().words("impact", "check-verbs"))
    assert {"try", "rehearse", "review", "test"} <= verbs


def test_harm_beside_a_check_left_undone_stays_read(lint_text: LintFn) -> None:
    for sentence in _HARM_BESIDE_CHECKS:
        assert _flagged(lint_text, "Assessment", sentence) != [], sentence


def test_each_check_verb_denied_is_clean(lint_text: LintFn) -> None:
    for verb in builtin_pack().words("impact", "check-verbs"):
        sentence = f"The gate firmware was not {verb}ed before release, since the lab was offline."
        sentence = sentence.replace("eed ", "ed ").replace("yed ", "ied ")
        assert _flagged(lint_text, "Assessment", sentence) == [], sentence


# -- class 6: people on the response counted by what they did well -----------------------------

_PRAISE = (
    ("Lessons", "A few of the crew did the right thing unprompted."),
    ("Lessons", "A few engineers stepped up when the pager went quiet."),
    ("Lessons", "Several people did a great job under pressure."),
    ("Review", "Some of the crew acted quickly and closed the gates."),
)

_HARM_BESIDE_PRAISE = (
    ("Impact", "Several people could not open the ferry app.", "Several people"),
    ("Lessons", "Several people lost their bookings.", "Several people"),
    ("Lessons", "Many customers did the right thing and waited.", "Many customers"),
    ("Lessons", "Several people did not do the right thing.", "Several people"),
)

_PAST = {
    "do": "did",
    "step": "stepped",
    "go": "went",
    "act": "acted",
    "pitch": "pitched",
    "jump": "jumped",
    "help": "helped",
    "react": "reacted",
    "respond": "responded",
    "move": "moved",
}


def test_people_praised_for_what_they_did_are_no_people_harmed(lint_text: LintFn) -> None:
    for section, sentence in _PRAISE:
        assert _flagged(lint_text, section, sentence) == [], sentence
    for phrase in builtin_pack().words("impact", "praise-phrases"):
        verb, _, rest = phrase.partition(" ")
        sentence = f"Several engineers {_PAST[verb]} {rest}."
        assert _flagged(lint_text, "Lessons", sentence) == [], sentence


def test_people_harmed_beside_praise_stay_read(lint_text: LintFn) -> None:
    for section, sentence, phrase in _HARM_BESIDE_PRAISE:
        assert any(phrase in f for f in _flagged(lint_text, section, sentence)), sentence
