"""PM401 on sentences that sit in or beside an impact statement but state none, each class
beside look-alikes that do state impact and stay reported (the classes of fix helper
imp38). Every sentence here is written for this file.

1. In a lessons section, a vague count of the writers' own things ("Q of our <noun>")
   tells how our systems or practice work: the lesson's mechanism, in any tense.
2. A section that lists what the writers do not know yet (``open-question-headings``):
   its lines ask or hedge, they state no impact.
3. A calendar span told as what the people in it went through ("it was a long day for
   the desk", ``felt-periods``): how the time felt, not how long the incident lasted.
4. No report of harm, told as a definite absence ("nobody has complained about a
   refund", a ``bounds`` entry): a zero of reports, no harm owing a number.
5. Outside the sections where impact is stated, a vague time said of the alerting or of a
   responder, and a vague count of pages sent to responders: the response, not the harm.
"""

from __future__ import annotations

from conftest import LintFn


def _flagged(lint_text: LintFn, section: str, sentence: str) -> list[str]:
    """The text of each PM401 finding when ``sentence`` stands alone under ``section``."""
    text = f"# Ferry ticketing outage\n\n## {section}\n\n{sentence}\n"
    return [text[d.start : d.end] for d in lint_text(text, select=["PM401"]).diagnostics]


# -- class 1: the writers' own things counted in a lesson ------------------------------------

_OWN_THINGS = (
    ("What we learned", "Some of our nightly tasks assumed the wall clock only moves forward."),
    ("Lessons learned", "Many of our services retried without jitter."),
    ("Lessons learned", "Many of our services retry without any jitter."),
    ("Lessons learned", "Some of our batch jobs took the host time as the truth."),
    ("Lessons", "Many of our cron jobs run on hosts that drift."),
    ("Key takeaways", "A few of our older services still read the time from the local host."),
    ("Lessons learned", "Several of our runbooks pointed at the retired cluster."),
    ("Lessons learned", "A few of my cleanup jobs assumed every host kept UTC."),
)

_OWN_PEOPLE_OR_HARM = (
    ("Lessons learned", "Many of our customers could not check out.", "Many of our customers"),
    ("Lessons learned", "Some of our riders were charged twice.", "Some of our riders"),
    ("Lessons learned", "Several merchants lost a day of sales.", "Several merchants"),
    ("Lessons learned", "Many requests failed during the failover.", "Many requests"),
    ("Lessons learned", "Some of our services were down for a long time.", "long time"),
    ("Root cause", "Many of our customers were logged out twice.", "Many of our customers"),
)


def test_a_lesson_counting_our_own_things_states_no_impact(lint_text: LintFn) -> None:
    for section, sentence in _OWN_THINGS:
        assert not _flagged(lint_text, section, sentence), sentence


def test_people_and_harm_counted_in_a_lesson_stay_read(lint_text: LintFn) -> None:
    for section, sentence, phrase in _OWN_PEOPLE_OR_HARM:
        assert phrase in _flagged(lint_text, section, sentence), sentence


def test_our_things_counted_where_impact_is_stated_stay_read(lint_text: LintFn) -> None:
    sentence = "Many of our services were unavailable to shoppers."
    assert _flagged(lint_text, "Impact", sentence) == ["Many of our services"]


# -- class 2: a list of what is still unknown --------------------------------------------------

_STILL_UNKNOWN = (
    ("Open questions", "Some riders may have been billed twice without noticing."),
    ("Open questions", "It is not clear whether many refunds went out late."),
    ("What we are still unsure about", "A few depots might have printed stale manifests."),
    ("Unknowns", "Whether several partners replayed the batch is still open."),
    ("Remaining questions", "Did many shoppers give up on their baskets?"),
    ("Things we still don't know", "Several kiosks may have shown yesterday's fares."),
    ("Impact: open questions", "Some clinics may have lost their bookings."),
)


def test_a_list_of_open_questions_states_no_impact(lint_text: LintFn) -> None:
    for section, sentence in _STILL_UNKNOWN:
        assert not _flagged(lint_text, section, sentence), sentence


def test_the_same_hedges_elsewhere_stay_read(lint_text: LintFn) -> None:
    sentence = "Some riders may have been billed twice without noticing."
    assert _flagged(lint_text, "Impact", sentence) == ["Some riders"]
    assert _flagged(lint_text, "Questions", sentence) == ["Some riders"]


# -- class 3: the day the responders had -----------------------------------------------------

_FELT = (
    ("A note on the response", "It was a very long day for the ledger team."),
    ("Response", "It had been a long day for everyone on the rota, and a long week after it."),
    ("Summary", "The on-call pair had a long week."),
    ("Thanks", "For the clerks it was a long month, and we are grateful."),
    ("Timeline", "It was a long day for the responders, who handed over at nine."),
)

_LASTED = (
    ("Impact", "Ticket machines were down for a long day.", "long day"),
    ("Impact", "The outage lasted a long day.", "long day"),
    ("Impact", "Drivers waited a long week for their payouts.", "long week"),
    ("Impact", "Passengers had a long day of failed top-ups.", "long day"),
    ("Impact", "It was a long week of rejected refunds for the kiosks.", "long week"),
)


def test_the_day_the_team_had_is_no_duration(lint_text: LintFn) -> None:
    for section, sentence in _FELT:
        assert not _flagged(lint_text, section, sentence), sentence


def test_a_span_the_harm_lasted_stays_a_vague_duration(lint_text: LintFn) -> None:
    for section, sentence, phrase in _LASTED:
        assert phrase in _flagged(lint_text, section, sentence), sentence


# -- class 4: no report of harm ----------------------------------------------------------------

_NO_REPORTS = (
    "Nobody has reported losing money.",
    "No one has told us their payout went missing.",
    "No merchant has written in about a failed settlement so far.",
    "No rider has complained about a missing refund.",
    "None of our partners has reported lost orders.",
    "No single passenger has contacted support about the double fare.",
)

_SOME_REPORTS = (
    ("Some riders reported losing money.", "Some riders"),
    ("Not many passengers reported the double fare.", "many passengers"),
    ("Few merchants have complained about a failed settlement.", "Few merchants"),
    ("No single rider has complained, but many riders gave up on the app.", "many riders"),
    ("Nobody could top up for a while, and nobody has reported it since.", "for a while"),
)


def test_no_report_of_harm_is_a_definite_absence(lint_text: LintFn) -> None:
    for sentence in _NO_REPORTS:
        assert not _flagged(lint_text, "Impact", sentence), sentence


def test_reports_counted_vaguely_stay_read(lint_text: LintFn) -> None:
    for sentence, phrase in _SOME_REPORTS:
        assert phrase in _flagged(lint_text, "Impact", sentence), sentence


def test_no_report_lends_no_amount_to_the_harm_beside_it(lint_text: LintFn) -> None:
    text = "Riders saw duplicate fares on their cards. Nobody has reported losing money."
    assert _flagged(lint_text, "Impact", text) == ["Riders saw duplicate fares on their cards."]


# -- class 5: the response timed and the pages counted -----------------------------------------

_RESPONSE = (
    ("Detection", "Several alarms went off within a few minutes of the release."),
    ("Detection", "The first alert fired after a while."),
    ("Detection", "Multiple monitors turned red within a couple of minutes."),
    ("Detection", "Lots of pages arrived at once, and the on-call engineer muted most."),
    ("Detection", "Many pages woke the responders before midnight."),
    ("Response", "The on-call engineer answered after a while."),
)

_HARM_IN_DETECTION = (
    ("Detection", "Many riders could not top up for a while.", "for a while"),
    ("Detection", "Some riders saw errors for a long time before the alarm.", "long time"),
    ("Detection", "Several merchants called to say the tills were failing.", "Several merchants"),
    ("Detection", "Many pages failed to load for shoppers.", "Many pages"),
    ("Response", "We were down for a while after the failover.", "for a while"),
    ("Impact", "Ticket sales stopped within a few minutes of the release.", "a few minutes"),
)


def test_the_alerting_and_the_responders_timed_are_no_impact(lint_text: LintFn) -> None:
    for section, sentence in _RESPONSE:
        assert not _flagged(lint_text, section, sentence), sentence


def test_harm_told_in_detection_stays_read(lint_text: LintFn) -> None:
    for section, sentence, phrase in _HARM_IN_DETECTION:
        assert phrase in _flagged(lint_text, section, sentence), sentence
