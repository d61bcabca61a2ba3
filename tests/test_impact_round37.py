"""PM401 on the classes blind round 37 found (fix helper imp37). Every sentence here is
written for this file.

1. The readers addressed ("some of you", "many of you") counted by what they said to us,
   asked for or heard: feedback from the audience, no impact claim (``audience-verbs``,
   ``audience-hearing-verbs``). Readers counted by what they could not do stay read.
2. The people on the response counted by when they were there or by the other work they
   had (``presence-words``, ``workload-words``): no harm. Teams that could not work stay.
3. A person named who brings the problem to us ("... reports the leak through our form",
   ``informing-verbs``): detection, not harm. Customers who reported it stay read.
4. A vague duration told as most of a named day ("for most of Tuesday", ``day-periods``).
"""

from __future__ import annotations

from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack


def _flagged(lint_text: LintFn, section: str, sentence: str) -> list[str]:
    text = f"# Harbour booking outage\n\n## {section}\n\n{sentence}\n"
    return [text[d.start : d.end] for d in lint_text(text, select=["PM401"]).diagnostics]


# -- class 1: the readers counted by what they said or heard ---------------------------------

_AUDIENCE_FEEDBACK = (
    ("Background", "A few of you may have heard the clinic is closing; it is not."),
    ("Background", "Many of you told us that evening slots matter most to you."),
    ("Background", "Several of you asked for a reminder by e-mail."),
    ("What happened", "Some of you suggested a waiting list for cancelled slots."),
    ("Background", "Many of you requested a printed copy of the schedule."),
    ("Background", "A number of you replied to our survey last spring."),
    ("Background", "Some of you read on the forum that the clinic would move."),
    ("Background", "A few of you shared screenshots of the calendar with us."),
)

_AUDIENCE_HARMED = (
    ("Summary", "Many of you could not book online on Monday.", "Many of you"),
    ("Summary", "Some of you were charged twice for a single visit.", "Some of you"),
    ("Summary", "Many of you had to phone in to reschedule.", "Many of you"),
    ("Summary", "Many of you told us you could not log in.", "Many of you"),
    ("Summary", "Several customers could not check out.", "Several customers"),
)


def test_readers_counted_by_what_they_said_or_heard_are_no_claim(lint_text: LintFn) -> None:
    for section, sentence in _AUDIENCE_FEEDBACK:
        assert not _flagged(lint_text, section, sentence), sentence


def test_readers_who_could_not_act_stay_read(lint_text: LintFn) -> None:
    for section, sentence, phrase in _AUDIENCE_HARMED:
        assert any(phrase in f for f in _flagged(lint_text, section, sentence)), sentence


def test_every_audience_word_has_a_sentence() -> None:
    text = " ".join(s for _, s in _AUDIENCE_FEEDBACK).lower()
    pack = builtin_pack()
    used = {
        "audience-verbs": ["told", "requested", "replied", "shared"],
        "audience-hearing-verbs": ["heard", "read"],
    }
    for key, stems in used.items():
        assert pack.words("impact", key), key
        for stem in stems:
            assert stem in text, stem


# -- class 2: responders counted by when they came or what else they had -------------------

_ON_DUTY = (
    ("Response", "Many of the right engineers were on the call within 5 minutes."),
    ("Backlog check", "Several teams had other urgent work that week."),
    ("Backlog check", "A few engineers were busy with another migration that sprint."),
    ("Response", "Most responders were in the channel within 8 minutes."),
    ("Response", "Most of the people were in the channel by 10:20."),
    ("Response", "A few teams were already online when the page fired."),
    ("Triage", "Several people had a higher priority that evening."),
)

_TEAMS_HARMED = (
    ("Summary", "Several teams could not deploy for two hours.", "Several teams"),
    ("Summary", "Several teams had work blocked for two days.", "Several teams"),
    ("Summary", "Many engineers were locked out of the console for an hour.", "Many engineers"),
    ("Summary", "Several teams had no access to the dashboard.", "Several teams"),
    ("Summary", "Many engineers were unable to deploy during the freeze.", "Many engineers"),
    ("Summary", "Many customers were offline for 40 minutes.", "Many customers"),
)


def test_responders_counted_by_time_or_workload_are_no_claim(lint_text: LintFn) -> None:
    for section, sentence in _ON_DUTY:
        assert not _flagged(lint_text, section, sentence), sentence


def test_teams_kept_from_working_stay_read(lint_text: LintFn) -> None:
    for section, sentence, phrase in _TEAMS_HARMED:
        assert any(phrase in f for f in _flagged(lint_text, section, sentence)), sentence


def test_every_duty_word_has_a_sentence() -> None:
    text = " ".join(s for _, s in _ON_DUTY).lower()
    pack = builtin_pack()
    used = {"presence-words": ["online"], "workload-words": ["work", "busy", "priority"]}
    for key, stems in used.items():
        assert pack.words("impact", key), key
        for stem in stems:
            assert stem in text, stem


# -- class 3: a person named reporting the problem -------------------------------------------


def _row(event: str) -> str:
    return (
        "| When | What |\n|---|---|\n"
        f"| 2026-03-02 09:15 | {event} |\n| 2026-03-02 09:40 | Sam confirms the report. |"
    )


_NAMED_REPORTERS = (
    ("Disclosure timeline", _row("Priya Nair reports the leak through our disclosure form.")),
    (
        "Disclosure timeline",
        _row("Tomas Berg reports the exposure via our confidential intake page."),
    ),
    ("Disclosure timeline", _row("Lena Ortiz flags the leaked key in our security inbox.")),
    ("Response", "Lena Ortiz disclosed the exposure to us by e-mail on Friday."),
    ("Response", "Omar Haddad reported the breach on the public tracker."),
    ("Response", "Kofi escalated the outage to the vendor at 09:20."),
)

_REPORTS_OF_HARM = (
    ("Response", "Customers reported the outage all morning.", "Customers"),
    ("Response", "Several users reported the exposure of their addresses.", "Several users"),
    ("Disclosure timeline", _row("The exposure affects several customers."), "several customers"),
)


def test_a_person_named_reporting_the_problem_is_detection(lint_text: LintFn) -> None:
    for section, sentence in _NAMED_REPORTERS:
        assert not _flagged(lint_text, section, sentence), sentence


def test_customers_reporting_harm_stay_read(lint_text: LintFn) -> None:
    for section, sentence, phrase in _REPORTS_OF_HARM:
        assert any(phrase in f for f in _flagged(lint_text, section, sentence)), sentence


def test_every_informing_verb_has_a_sentence() -> None:
    text = " ".join(s for _, s in _NAMED_REPORTERS).lower()
    assert builtin_pack().words("impact", "informing-verbs")
    for stem in ("report", "flag", "disclose", "escalate"):
        assert stem in text, stem


# -- class 4: most of a named day -------------------------------------------------------------

_MOST_OF_A_DAY = (
    ("Summary", "For most of Tuesday the checkout let every shopper skip payment.", "Tuesday"),
    ("Summary", "Through most of Friday the kiosks printed blank tickets.", "most of Friday"),
    ("Summary", "For most of Monday the clinic could not take bookings.", "most of Monday"),
    ("Impact", "Most of Saturday the ferry app showed no sailings.", "Most of Saturday"),
    ("Impact", "The portal was down for most of the afternoon.", "most of the afternoon"),
)

_A_DAY_NAMED_ONLY = (
    ("Summary", "From 06:10 to 21:45 on Tuesday the paywall let everyone in."),
    ("Summary", "On Friday the kiosks printed blank tickets from 09:00 to 17:30."),
    ("Root cause", "Most of Wednesday was spent on the migration plan."),
    ("Response", "We spent most of Thursday testing the fix."),
)


def test_most_of_a_named_day_is_a_vague_duration(lint_text: LintFn) -> None:
    for section, sentence, phrase in _MOST_OF_A_DAY:
        assert any(phrase in f for f in _flagged(lint_text, section, sentence)), sentence


def test_a_day_named_beside_times_or_the_response_stays_clean(lint_text: LintFn) -> None:
    for section, sentence in _A_DAY_NAMED_ONLY:
        assert not _flagged(lint_text, section, sentence), sentence
