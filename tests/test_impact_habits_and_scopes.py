"""PM401 on sentences that state no impact although they count people or things or name an
effect, each class beside look-alikes that state harm and stay reported (the classes of fix
helper imp41). Every sentence and row here is written for this file.

1. How people or things go on an ordinary day, told in the simple present: a verb of
   routine ("many growers plan their week around the outlook"), an adverb of habit ("feeds
   sometimes land a few minutes late"), or a relative clause on something that is no effect
   ("the outlook, which most growers read on the app"). Harm still felt in the present
   ("many riders still cannot sign in") stays.
2. A definition ("A fare fence is the rule that stops people ... from boarding"), an exact
   scope ("affected only sailings that had been moved to the new format"), and, outside the
   Impact and Summary, things counted by how they were built or set up ("a few older kiosk
   images still pinned the retired certificate").
3. Rows of a table whose every row opens with a time of day, wherever it stands: events,
   not impact statements; a goal the writers set ("We want the ticket system to warn us");
   anyone at all as an observer ("anyone reading the log now can see that").
"""

from __future__ import annotations

from conftest import LintFn


def _found(lint_text: LintFn, section: str, body: str) -> list[str]:
    """The text of each PM401 finding when ``body`` stands under ``section``."""
    text = f"# Ferry timetable outage\n\n## {section}\n\n{body}\n"
    return [text[d.start : d.end] for d in lint_text(text, select=["PM401"]).diagnostics]


# -- class 1: habits and ordinary days ------------------------------------------------------

_HABITS = (
    ("Summary", "The 07:00 timetable, which most riders read on the ferry app, was 2 hours late."),
    ("Summary", "The fare table, which many agents consult each morning, showed old prices."),
    ("Summary", "The timetable, which most travellers see on our website, was two hours late."),
    ("Summary", "We are sorry. Most passengers rely on the departure board, and it was blank."),
    ("Summary", "Most islanders usually book their crossing the evening before."),
    ("Impact", "Many hauliers check the sailing list before they leave the depot."),
    ("Summary", "We apologise. Many commuters plan their morning around the first sailing."),
    (
        "Why it happened",
        "The loader retries when a feed is missing, because feeds sometimes "
        "arrive a few minutes late.",
    ),
    ("Why it happened", "Upstream manifests often land several minutes after the hour."),
    (
        "Timeline",
        "| Time | Event |\n|---|---|\n| 09:20 | The scanner raises a drift warning, "
        "which it usually raises twice a week and which normally goes away. |\n"
        "| 09:40 | Scanner stops. |",
    ),
)

_STILL_FELT = (
    ("Impact", "Many riders still cannot log in to the app.", "Many riders"),
    ("Impact", "Some passengers still see an empty booking page.", "Some passengers"),
    ("Summary", "Several commuters are still waiting for refunds.", "Several commuters"),
    ("Impact", "Most users get a blank page when they open the app.", "Most users"),
    ("Impact", "Some riders sometimes got charged twice during the outage.", "Some riders"),
    ("Impact", "During the outage, refunds sometimes took a long time.", "long time"),
    ("Summary", "The error, which many riders hit at the gate, lasted all morning.", "many riders"),
    ("Impact", "Many travellers missed the first sailing.", "Many travellers"),
)


def test_habits_and_ordinary_days_state_no_impact(lint_text: LintFn) -> None:
    for section, body in _HABITS:
        assert not _found(lint_text, section, body), body


def test_harm_still_felt_in_the_present_stays_reported(lint_text: LintFn) -> None:
    for section, body, phrase in _STILL_FELT:
        assert phrase in _found(lint_text, section, body), body


# -- class 2: definitions, exact scopes, how things were set up ------------------------------

_NOT_CLAIMS = (
    (
        "Summary",
        "A fare fence is the rule that stops people on a concession ticket from "
        "boarding peak sailings.",
    ),
    (
        "Summary",
        "A berth hold is the flag that keeps agents in one port from selling cabins "
        "held in another.",
    ),
    ("Summary", "The flaw affected only sailings that had been moved to the new timetable format."),
    ("Impact", "The flaw affected only sailings that had been moved to the new timetable format."),
    ("Summary", "Only bookings made through the partner portal were affected."),
    ("Why it happened", "A few popular kiosk images still pinned the retired certificate."),
    (
        "Why it happened",
        "Our depot images pin the scanner package to the version present when "
        "they were built, and several of those images date from before March.",
    ),
)

_CLAIMS = (
    ("Summary", "The fault affected only some sailings.", "The fault affected only some sailings."),
    (
        "Summary",
        "A few popular kiosk images still pinned the retired certificate.",
        "A few popular kiosk images",
    ),
    ("Why it happened", "Some riders still ran the old app version.", "Some riders"),
    ("Impact", "A few older kiosks could not print boarding passes.", "A few older kiosks"),
    ("Summary", "A bad certificate is what stopped many riders from signing in.", "many riders"),
)


def test_definitions_scopes_and_set_up_things_state_no_impact(lint_text: LintFn) -> None:
    for section, body in _NOT_CLAIMS:
        assert not _found(lint_text, section, body), body


def test_vague_reach_and_harm_beside_them_stay_reported(lint_text: LintFn) -> None:
    for section, body, phrase in _CLAIMS:
        assert phrase in _found(lint_text, section, body), body


# -- class 3: time tables, goals, observers ---------------------------------------------------

_TIME_TABLE = """| Time (UTC) | What happened |
|---|---|
| 12 May 05:06 | The deckhand notices the sailing list is missing and phones the engineer. |
| 12 May 05:19 | The engineer connects and sees the ticket service restarting over and over. |
| 12 May 05:40 | Many riders cannot buy tickets at the pier. |"""


def test_a_time_table_under_a_story_heading_is_read_as_a_timeline(lint_text: LintFn) -> None:
    found = _found(lint_text, "What happened, step by step", _TIME_TABLE)
    assert found == ["Many riders"]  # its vague words are still judged


_NOT_IMPACT = (
    (
        "How we found it",
        "We want the ticket system to tell us about a fault like this, rather "
        "than relying on a deckhand noticing that a list is missing.",
    ),
    (
        "How we found it",
        "We would like the booking system to raise an alarm when the sailing list is missing.",
    ),
    (
        "Contributing factors",
        "In hindsight the first gate error was clearly the signal to stop "
        "boarding, and anyone reviewing it later can see that.",
    ),
)


def test_goals_and_observers_state_no_impact(lint_text: LintFn) -> None:
    for section, body in _NOT_IMPACT:
        assert not _found(lint_text, section, body), body


def test_harm_beside_a_goal_or_an_observer_stays_reported(lint_text: LintFn) -> None:
    exposed = "Anyone could see other riders' booking details during the outage."
    assert _found(lint_text, "Impact", exposed) == [exposed]
    forced = (
        "Riders were forced to delete the app to book if they did not notice that only the "
        "saved cards needed to be removed."
    )
    assert _found(lint_text, "Summary", forced) == [forced]  # "only" deep in a clause
    assert _found(
        lint_text,
        "How we found it",
        "The gate system went down for many riders before anyone noticed.",
    ) == ["many riders"]
    assert _found(
        lint_text, "Summary", "We needed the gate readers to work, and many riders could not board."
    ) == ["many riders"]


# -- a miss: a vague count beside figures that are only labels ------------------------------


def test_a_small_number_beside_a_label_figure_is_still_reported(lint_text: LintFn) -> None:
    """A figure right after its noun ("pier 4", "gate 12") names a thing; it measures
    nothing, so "a small number of riders" beside it still owes a count. A real count in
    the sentence still answers it."""
    body = (
        "A small number of riders on the northern route may have noticed short waits while "
        "pier 4 was closed for checks."
    )
    assert "small number of riders" in _found(lint_text, "Impact", body)
    body = "A small number of riders at gate 12 were charged twice."
    assert "small number of riders" in _found(lint_text, "Impact", body)
    body = "A small number of riders, 14 in all, saw a blank page while pier 4 was closed."
    assert not _found(lint_text, "Impact", body)
    body = "A small number of riders, 14 of 2,310, were charged twice."
    assert not _found(lint_text, "Impact", body)


# -- PM403: nothing lost, told as what was kept or is whole ---------------------------------

_KEPT = (
    "The tap ledger is complete and every tap record was retained.",
    "No readings are missing from the gate archive.",
    "All of the sensor readings were kept.",
    "Every event was preserved in the journal.",
    "The gate journal remained intact.",
    "Nothing is missing from the fare history.",
)

_NOT_KEPT = (
    "All riders were kept waiting at the gates.",
    "The migration is complete.",
    "All gates were kept closed until 08:05.",
    "The fare history page was slow.",
)


def _asks_about_loss(lint_text: LintFn, sentence: str) -> bool:
    text = (
        "# Gate outage\n\n## Summary\n\nRiders at 14 gates could not tap in between 07:12 "
        f"and 08:05.\n\n## Impact\n\n1,204 riders were turned away. {sentence}\n"
    )
    return bool(lint_text(text, select=["PM403"]).diagnostics)


def test_nothing_lost_told_as_kept_or_whole_answers_the_data_question(lint_text: LintFn) -> None:
    for sentence in _KEPT:
        assert not _asks_about_loss(lint_text, sentence), sentence


def test_people_kept_waiting_or_a_step_complete_is_no_answer(lint_text: LintFn) -> None:
    for sentence in _NOT_KEPT:
        assert _asks_about_loss(lint_text, sentence), sentence
