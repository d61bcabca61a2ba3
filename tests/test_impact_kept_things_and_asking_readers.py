"""PM401 on statements that nothing was lost and on readers counted by their questions, with
the look-alikes that still owe an amount. Every sentence here is written for this file.

1. Things made before or during the outage told as coming out right ("orders placed during
   the outage were processed normally"): the outage names a time, the sentence says nothing
   was lost. Lost, denied or failing things stay read.
2. After a data-loss answer in the same block, stored things told as kept where they are
   stored or written there correctly ("every invoice stayed in the ledger"; ``data-fate-
   forms``), with the harm confined to a derived copy: the answer is its amount. Not when
   the sentence goes on to an inability ("... but shoppers could not check out").
3. The readers addressed counted by what they asked, with the writers' own reason joined
   after it ("because many of you have asked and because I want it on the record"): a
   clause with a subject of its own is no part of what they said. People who wrote in
   and could not log in stay read.
4. Shapes told in a mechanism or a chart reading: a vague amount in the object of "instead
   of" / "rather than" (the usual shape replaced), or in a clause of state whose subject is
   a chart ("the error panel stayed near zero for most of the night"), outside the Impact
   and Summary. A clause the chart reports, or a page blank for most of the outage, stays.
5. A statement opening by pointing back at a moment ("From then on every refund failed",
   ``onset-anaphora``) with a time of day before it and one after it in its paragraph:
   the paragraph times it. Without the start or the end it still owes its window.
6. A fault told as what could not have happened ("the defect could not have surfaced in
   testing"): a gap in testing, not an inability of anyone reached. People ("riders could
   not have renewed"), a fault not fixed, or harm beside it stay read.
"""

from __future__ import annotations

import pytest
from conftest import LintFn


def _flagged(lint_text: LintFn, section: str, text: str) -> list[str]:
    doc = f"# Ferry ticket outage\n\n## {section}\n\n{text}\n"
    return [doc[d.start : d.end] for d in lint_text(doc, select=["PM401"]).diagnostics]


# -- class 1: things made around the outage told as coming out right -------------------------

_MADE_AND_RIGHT = (
    "Fares bought during the outage were settled normally.",
    "Season passes renewed before the outage were charged as usual.",
    "Miles earned on crossings that ended before the outage were added normally.",
    "Refunds requested after the outage were paid out correctly.",
    "Cabin upgrades booked during the outage were confirmed as expected once the queue drained.",
)

_MADE_AND_HARMED = (
    "Fares bought during the outage were lost.",
    "Fares bought during the outage were not settled normally.",
    "Season passes renewed during the outage failed to activate.",
    "Passengers who checked in before the outage were turned away at the gangway.",
    "Fares bought during the outage were refused, although the card readers worked normally.",
)


@pytest.mark.parametrize("sentence", _MADE_AND_RIGHT)
def test_things_made_around_the_outage_that_came_out_right_owe_nothing(
    lint_text: LintFn, sentence: str
) -> None:
    assert _flagged(lint_text, "Impact", sentence) == [], sentence


@pytest.mark.parametrize("sentence", _MADE_AND_HARMED)
def test_things_made_around_the_outage_that_came_to_harm_stay_read(
    lint_text: LintFn, sentence: str
) -> None:
    assert _flagged(lint_text, "Impact", sentence) == [sentence], sentence


# -- class 2: stored things kept in place after a data-loss answer -----------------------------

_KEPT_AFTER_ANSWER = (
    "No tickets were lost. Every ticket stayed in the booking database with its seat; only "
    "the seat map was out of date.",
    "- **Data:** nothing was deleted. Each manifest entry was written to storage correctly; "
    "only the search index was stale.",
    "No payment data was lost or corrupted. All card settlements remained in the ledger; "
    "only the daily report was wrong.",
    "Nothing was lost. The boarding scans were saved correctly; only the dashboard lagged.",
)

_KEPT_BUT_HARMED = (
    (
        "No tickets were lost. Tickets were saved correctly, but passengers could not board.",
        "Tickets were saved correctly, but passengers could not board.",
    ),
    (
        "Every ticket stayed in the booking database; only the seat map was wrong.",
        "Every ticket stayed in the booking database; only the seat map was wrong.",
    ),
    ("No tickets were lost. The seat map was wrong.", "The seat map was wrong."),
)


@pytest.mark.parametrize("block", _KEPT_AFTER_ANSWER)
def test_stored_things_kept_in_place_after_an_answer_owe_nothing(
    lint_text: LintFn, block: str
) -> None:
    assert _flagged(lint_text, "Impact", block) == [], block


@pytest.mark.parametrize(("block", "span"), _KEPT_BUT_HARMED)
def test_kept_things_beside_harm_or_without_an_answer_stay_read(
    lint_text: LintFn, block: str, span: str
) -> None:
    assert _flagged(lint_text, "Impact", block) == [span], block


# -- class 3: readers counted by what they asked, the writers' reason beside it -------------

_ASKED_WITH_OWN_REASON = (
    "A short account of the ferry outage, because a lot of you have asked and because we "
    "want it written down.",
    "This note covers Saturday's ticket outage, since many of you have asked and I think "
    "it deserves a proper answer.",
    "A word on the timetable mix-up, as several of you asked, and because the crews want "
    "it explained.",
)

_ASKED_AND_HARMED = (
    ("Several of you wrote in and could not log in on Friday.", "Several of you"),
    ("Many of you asked about it and could not board the morning ferry.", "Many of you"),
)


@pytest.mark.parametrize("sentence", _ASKED_WITH_OWN_REASON)
def test_readers_who_asked_beside_the_writers_reason_are_no_claim(
    lint_text: LintFn, sentence: str
) -> None:
    assert _flagged(lint_text, "Background", sentence) == [], sentence


@pytest.mark.parametrize(("sentence", "phrase"), _ASKED_AND_HARMED)
def test_readers_who_could_not_act_stay_counted(
    lint_text: LintFn, sentence: str, phrase: str
) -> None:
    assert phrase in _flagged(lint_text, "Background", sentence), sentence


# -- class 4: the shape of traffic or of a chart ------------------------------------------

_SHAPES = (
    (
        "Root cause",
        "Instead of several long sessions, each kiosk opened a new one every few seconds.",
    ),
    (
        "Root cause",
        "Rather than a handful of big manifests, the feed now sent thousands of tiny ones.",
    ),
    ("What the dashboards showed", "The error panel stayed near zero for most of the night."),
    (
        "What the dashboards showed",
        "The latency chart sat at its ceiling for most of the incident.",
    ),
    (
        "Analysis",
        "The queue graph is flat for most of the outage, because it only counts "
        "tickets that were sold.",
    ),
)

_SHAPES_THAT_COUNT_HARM = (
    (
        "What the dashboards showed",
        "The error graph shows that most bookings failed.",
        "most bookings",
    ),
    (
        "What the dashboards showed",
        "Most bookings failed while the graph stayed flat.",
        "Most bookings",
    ),
    ("Root cause", "Many passengers queued instead of boarding.", "Many passengers"),
    ("Timeline", "The booking page was blank for most of the outage.", "most of the outage"),
    ("Impact", "The sales graph was flat for most of the outage.", "most of the outage"),
)


@pytest.mark.parametrize(("section", "sentence"), _SHAPES)
def test_the_shape_of_traffic_or_a_chart_is_no_amount(
    lint_text: LintFn, section: str, sentence: str
) -> None:
    assert _flagged(lint_text, section, sentence) == [], sentence


@pytest.mark.parametrize(("section", "sentence", "phrase"), _SHAPES_THAT_COUNT_HARM)
def test_harm_beside_a_chart_or_a_shape_stays_counted(
    lint_text: LintFn, section: str, sentence: str, phrase: str
) -> None:
    assert _flagged(lint_text, section, sentence) == [phrase], sentence


# -- class 5: a statement timed by the times of day around it --------------------------------

_TIMED_AROUND = (
    "At 06:20 the fare table was replaced by an empty one. From then on every ticket sale "
    "failed at the kiosk. We restored the old table at 07:05.",
    "The pier card reader lost its certificate at 13:40. From that point on, boarding "
    "passes were refused at the gate. A new certificate was installed at 14:15 and boarding "
    "went on.",
    "At 22:10 the night crossing list was cleared. Since then, the ferry app showed no "
    "sailings, until we reloaded the list at 23:30.",
)

_TIMED_ON_ONE_SIDE = (
    "At 06:20 the fare table was replaced by an empty one. From then on every ticket sale "
    "failed at the kiosk.",
    "The fare table was replaced by an empty one. From then on every ticket sale failed at "
    "the kiosk. We restored the old table later.",
    "From then on every ticket sale failed at the kiosk. We restored the old table at 07:05.",
)


@pytest.mark.parametrize("paragraph", _TIMED_AROUND)
def test_a_statement_timed_by_the_times_around_it_owes_nothing(
    lint_text: LintFn, paragraph: str
) -> None:
    assert _flagged(lint_text, "Summary", paragraph) == [], paragraph


@pytest.mark.parametrize("paragraph", _TIMED_ON_ONE_SIDE)
def test_a_statement_timed_on_one_side_still_owes_its_window(
    lint_text: LintFn, paragraph: str
) -> None:
    assert _flagged(lint_text, "Summary", paragraph) == [
        "From then on every ticket sale failed at the kiosk."
    ], paragraph


# -- class 6: a fault that could not have been seen ----------------------------------------

_FAULT_COULD_NOT_HAVE = (
    "The staging data held no travellers with lapsed cards, so the defect could not have "
    "surfaced in testing.",
    "The bug could not have been caught by our load tests.",
    "Our replay set never included night sailings, so the fault couldn't have shown up there.",
)

_INABILITY_OF_PEOPLE_OR_FIX = (
    "Travellers could not have renewed their cards that morning.",
    "The bug could not be fixed before the morning rush, so travellers could not renew cards.",
    "The defect could not have surfaced in testing, and travellers could not renew cards.",
)


@pytest.mark.parametrize("sentence", _FAULT_COULD_NOT_HAVE)
def test_a_fault_that_could_not_have_been_seen_is_no_claim(
    lint_text: LintFn, sentence: str
) -> None:
    assert _flagged(lint_text, "Summary", sentence) == [], sentence


@pytest.mark.parametrize("sentence", _INABILITY_OF_PEOPLE_OR_FIX)
def test_people_unable_or_a_fault_not_fixed_stay_read(lint_text: LintFn, sentence: str) -> None:
    assert _flagged(lint_text, "Summary", sentence) == [sentence], sentence
