"""PM401 and PM403 on the classes blind round 36 found (fix helper imp36). Every sentence
here is written for this file.

1. PM403: nothing lost told in other words: money or records not taken twice, a zero of
   duplicates, the store of record left alone, and every stored thing affected made good
   with no count (records only: servers, people and dashboards restored say nothing).
2. PM401: vague durations told as an age or as "too long", a span of time "for some time
   afterwards", and a vague duration in one clause of a sentence whose other clause, joined
   by "and", gives another duration.
3. PM401: no claim in a past counterfactual (harm that did not happen), in a section that
   analyses the incident ("Assessment"), or on a failure kept out of sight ("the app hid the
   fault").
4. PM401: a "What happened" section is other prose when another section states the impact.
"""

from __future__ import annotations

from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack
from pm_lsp.rules.spec import Severity


def _flagged(lint_text: LintFn, section: str, sentence: str) -> list[str]:
    text = f"# Ferry ticketing halt\n\n## {section}\n\n{sentence}\n"
    return [text[d.start : d.end] for d in lint_text(text, select=["PM401"]).diagnostics]


def _loss_asked(lint_text: LintFn, sentence: str) -> bool:
    text = (
        "# Ferry ticketing halt\n\n## Impact\n\nTicket sales stopped from 06:05 to 07:40 UTC. "
        f"{sentence}\n"
    )
    return bool(lint_text(text, select=["PM403"]).diagnostics)


# -- class 1: nothing lost, in other words -------------------------------------------------

_NOTHING_LOST = (
    "No fare was debited twice; only the e-mails were doubled.",
    "Nobody was billed twice.",
    "Nothing was charged twice, because the card processor rejected the repeats.",
    "Reconciliation found zero duplicate refunds.",
    "There were no double bookings.",
    "0 duplicate transfers reached the bank.",
    "The general ledger stayed untouched throughout.",
    "Our balances were unaffected by the replay.",
    "All stranded submissions were later re-entered by the clerks.",
    "Every queued booking was replayed the next morning.",
    "Every delayed payment was later rebuilt from the outbox.",
)

_LOSS_STILL_OPEN = (
    "The ledger was slow for an hour.",
    "No alerts fired.",
    "All ticket machines were restored by noon.",
    "All affected riders were refunded.",
    "The booking database was affected.",
    "Every dashboard was restored.",
)


def test_nothing_lost_in_other_words_answers_the_data_question(lint_text: LintFn) -> None:
    for sentence in _NOTHING_LOST:
        assert not _loss_asked(lint_text, sentence), sentence


def test_slowness_alerts_machines_and_people_leave_the_question_open(lint_text: LintFn) -> None:
    for sentence in _LOSS_STILL_OPEN:
        assert _loss_asked(lint_text, sentence), sentence


# -- class 2: vague durations --------------------------------------------------------------

_VAGUE_TIMES = (
    ("I spent ages clicking through the fare console before pausing sales.", "spent ages"),
    ("The deck crew spent ages re-keying manifests.", "spent ages"),
    ("Refunds took far too long to reach riders.", "far too long"),
    ("The rollback took way too long.", "way too long"),
    ("Boarding ran much too long for the evening sailing.", "much too long"),
    ("The pier kiosks lagged for quite some time once the fix was out.", "some time"),
    ("The refund pages crawled for quite some time later on.", "some time"),
    (
        "Gates froze at 07:12, the app kept timing out for a while, and boarding was "
        "halted for 35 minutes overall.",
        "for a while",
    ),
)

_NOT_VAGUE_TIMES = (
    "The complaints came from riders aged 18-25.",
    "The survey covered ages 18-25.",
    "The booking rules date from the Middle Ages of the company.",
    "A long time ago we chose Postgres for the ledger.",
    "We spent ages debugging the proxy before spotting the expired key.",
    "The app showed errors for a while, from 07:12 to 07:40.",
    "A few minutes afterwards, Ana restarted the broker.",
)


def test_durations_told_as_an_age_or_too_long_are_vague(lint_text: LintFn) -> None:
    for sentence, phrase in _VAGUE_TIMES:
        assert phrase in _flagged(lint_text, "Impact", sentence), sentence
    assert "For a while" in _flagged(lint_text, "Impact", "For a while, checkout failed.")


def test_ages_of_people_history_and_bounded_times_stay_clean(lint_text: LintFn) -> None:
    for sentence in _NOT_VAGUE_TIMES:
        assert _flagged(lint_text, "Impact", sentence) == [], sentence


def test_every_duration_word_has_a_sentence() -> None:
    pack = builtin_pack()
    text = " ".join(s for s, _p in _VAGUE_TIMES).lower()
    spent = pack.words("impact", "spent-hyperboles")
    assert spent and set(spent) <= set(pack.words("impact", "phrases"))
    for phrase in ("spent ages", "far too long", "way too long", "much too long"):
        assert phrase in text


# -- class 3: no claim in a counterfactual, an assessment or a failure hidden ----------------

_NO_CLAIM = (
    (
        "Where we got lucky",
        "If the signing key had also lapsed, drivers would have been locked out and some "
        "deliveries would have stalled.",
    ),
    (
        "Where we got lucky",
        "Had the second ferry been booked, many riders could have missed the crossing.",
    ),
    (
        "Contributing factors",
        "Were the vendor to have shipped the patch on Friday, a substantially longer outage "
        "would have followed.",
    ),
    (
        "Assessment",
        "The depot server only answers with low-level pings, so every order sat waiting "
        "until a timeout.",
    ),
    (
        "Technical analysis",
        "The bridge never reported a fault because, as far as it could tell, the jobs were "
        "merely queued.",
    ),
    ("Root cause", "The kiosk app hid the fault and fell back quietly to a cached timetable."),
    ("Root cause", "The wrapper masked the error from the health check."),
    ("Lessons", "Our crew frankly never linked the alarm to the expired badge."),
)

_CLAIMS_KEPT = (
    ("Impact", "Several customers could not check out."),
    ("Assessment", "Many patients waited for their doses."),
    ("Assessment", "Riders could not buy tickets at the pier."),
    ("Impact assessment", "Many riders could not board."),
    (
        "Where we got lucky",
        "Many riders waited, and had we paged sooner it would have been shorter.",
    ),
    ("Impact", "For a while, checkout returned errors."),
)


def test_counterfactuals_assessments_and_hidden_faults_are_no_claim(lint_text: LintFn) -> None:
    for section, sentence in _NO_CLAIM:
        assert _flagged(lint_text, section, sentence) == [], sentence


def test_harm_told_there_stays_read(lint_text: LintFn) -> None:
    for section, sentence in _CLAIMS_KEPT:
        assert _flagged(lint_text, section, sentence) != [], sentence


def test_every_concealment_and_analysis_word_is_in_the_pack() -> None:
    pack = builtin_pack()
    assert {"hide", "mask"} <= set(pack.words("impact", "concealment-verbs"))
    assert {"assessment", "analysis"} <= set(pack.words("impact", "analysis-headings"))


# -- class 4: "What happened" beside an Impact section --------------------------------------


def _severities(lint_text: LintFn, text: str) -> list[tuple[str, Severity]]:
    return [
        (text[d.start : d.end], d.severity) for d in lint_text(text, select=["PM401"]).diagnostics
    ]


def test_a_story_beside_an_impact_section_is_other_prose(lint_text: LintFn) -> None:
    text = (
        "# Ferry ticketing halt\n\n## Impact\n\n1,200 riders could not buy tickets from 06:05 "
        "to 07:40 UTC.\n\n## What happened\n\nThe fare table was copied from several old "
        "spreadsheets.\n\nThen many riders queued at the pier.\n"
    )
    got = _severities(lint_text, text)
    assert got and all(sev == Severity.INFO for _w, sev in got), got


def test_a_story_alone_or_in_one_paragraph_stays_the_summary(lint_text: LintFn) -> None:
    text = (
        "# Ferry ticketing halt\n\n## What happened\n\nMany riders queued at the pier.\n\n"
        "Then the fare table was reloaded.\n\n## Root cause\n\nThe fare table was stale.\n"
    )
    assert _severities(lint_text, text) == [("Many riders", Severity.WARNING)]
    text = (
        "# Ferry ticketing halt\n\n## What happened?\n\nMany riders queued at the pier.\n\n"
        "## Impact\n\n1,200 riders could not buy tickets from 06:05 to 07:40 UTC.\n"
    )
    assert _severities(lint_text, text) == [("Many riders", Severity.WARNING)]
