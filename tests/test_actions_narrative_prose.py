"""PM301 on prose that tells the incident rather than the work to come: a deliberation the
responders report in a Response or Summary section ("we weighed a failover but kept the
primary") is the story of the response; the "could" of what a past state allowed ("the
patch was one line and could ship at once", "the image was cached, so it could be
restored") is no hedged wish; and a verb of regarding names its change by the role after
"as" ("treat the report as a paging signal"). Look-alikes that keep their PM301: the same
deliberation in Lessons, a hedged "we could add …", a wish in a Response section, roles
that rank or judge ("as a priority", "as a learning opportunity"). Every sentence is our
own."""

from __future__ import annotations

import pytest
from conftest import LintFn

_HEAD = (
    "# Ferry booking outage\n\n## Summary\n\n"
    "The booking site rejected card payments from 09:10 to 09:55 UTC; 340 bookings failed.\n\n"
)


def _pm301(lint_text: LintFn, section: str, sentence: str, *, bullet: bool = True) -> list[str]:
    body = f"- {sentence}\n" if bullet else f"{sentence}\n"
    text = f"{_HEAD}## {section}\n\n{body}"
    return [d.message for d in lint_text(text, select=["PM301", "PM306"]).diagnostics]


RESPONSE_DELIBERATIONS = [
    "We considered paging the gateway vendor's second line, but their first line answered"
    " within minutes.",
    "We considered flushing the payment workers' queues but dropped the idea once the"
    " backlog started to drain.",
    "The on-call discussed a failover to the secondary region and kept the primary.",
    "We explored restarting the card service, then saw the fault was upstream.",
]


@pytest.mark.parametrize("sentence", RESPONSE_DELIBERATIONS)
@pytest.mark.parametrize("section", ["Response", "Response and recovery", "What happened"])
def test_a_deliberation_told_as_the_response_is_no_action(
    lint_text: LintFn, section: str, sentence: str
) -> None:
    assert _pm301(lint_text, section, sentence) == []
    assert _pm301(lint_text, section, sentence, bullet=False) == []


@pytest.mark.parametrize(
    ("section", "sentence"),
    [
        ("Lessons learned", "We considered a read-only booking mode during gateway faults."),
        ("Next steps", "We considered a read-only booking mode during gateway faults."),
        ("Next steps", "We discussed a second card gateway but have not decided."),
    ],
)
def test_a_deliberation_among_lessons_or_next_steps_stays_vague(
    lint_text: LintFn, section: str, sentence: str
) -> None:
    [msg] = _pm301(lint_text, section, sentence)
    assert "has no end state" in msg


PAST_ABILITY = [
    "The patch was a two-line diff and could be deployed one region at a time.",
    "The previous image was still cached, so it could be restored in under a minute.",
    "The standby gateway had spare capacity and could be promoted without a restart.",
    "We had a tested restore script, so we could recover the table before the morning run.",
]


@pytest.mark.parametrize("sentence", PAST_ABILITY)
@pytest.mark.parametrize("section", ["What went well", "Lessons learned"])
def test_could_of_what_a_past_state_allowed_is_no_hedge(
    lint_text: LintFn, section: str, sentence: str
) -> None:
    assert _pm301(lint_text, section, sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "We could add a second gateway for card payments.",
        "The dashboards were fine, but we could add a panel for declined payments.",
        "We could perhaps add a second threshold to the card alert.",
    ],
)
def test_a_hedged_wish_after_a_past_clause_stays_hedged(lint_text: LintFn, sentence: str) -> None:
    [msg] = _pm301(lint_text, "Lessons learned", sentence)
    assert msg.startswith("Hedged commitment"), msg


@pytest.mark.parametrize(
    "sentence",
    [
        "The vendor's settlement report caught the gap first, and we should treat it as a"
        " paging signal rather than a morning email.",
        "We should count every manual failover as a change with its own ticket.",
        "We should classify a missed nightly backup as a sev-2 incident.",
    ],
)
def test_a_regarding_verb_names_its_change_by_the_role_after_as(
    lint_text: LintFn, sentence: str
) -> None:
    assert _pm301(lint_text, "Lessons learned", sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "We should treat this as a priority.",
        "We should treat incidents like this one as a learning opportunity.",
        "We should regard the outage as a wake-up call.",
    ],
)
def test_a_role_that_ranks_or_judges_names_no_change(lint_text: LintFn, sentence: str) -> None:
    [msg] = _pm301(lint_text, "Lessons learned", sentence)
    assert msg.startswith("Commitment with no named change"), msg


@pytest.mark.parametrize(
    ("section", "sentence", "message"),
    [
        ("Next steps", "We should improve our monitoring.", "'improve' has no end state"),
        ("Lessons learned", "We should do something about the gateway.", "no named change"),
        ("Response", "We will look into the gateway timeouts.", "'look into' has no end state"),
    ],
)
def test_commitments_in_follow_up_prose_keep_their_findings(
    lint_text: LintFn, section: str, sentence: str, message: str
) -> None:
    [msg] = _pm301(lint_text, section, sentence, bullet=False)
    assert message.lower() in msg.lower(), msg


#: the review's own focus, set against people, in prose that tells the incident: its
#: blameless stance, nothing left to do
REVIEW_FOCUS = [
    "As with all our reviews, we're looking at the gaps in the booking flow that the bad "
    "card rule slipped past, not at single people.",
    "We will look at what in our release process allowed this, rather than at who merged it.",
    "We are examining the safeguards that were missing instead of at anyone on shift.",
    "We will investigate why the fraud alert stayed silent, not who should have noticed it.",
]
#: the same verbs with a contrast that names no people, or with none: still vague
STILL_LOOKING = [
    "We're looking at how to make the payment failover faster, not at a rebuild.",
    "We will look into the paging gaps, not just the dashboards.",
    "We are looking at how the gateway lets unsigned callbacks through.",
]


def test_the_reviews_focus_set_against_people_is_no_action(lint_text: LintFn) -> None:
    item = "Look at the card rule process, not at single people."
    paras = "".join(f"{p}\n\n" for p in REVIEW_FOCUS + STILL_LOOKING)
    text = f"{_HEAD}{paras}## Action items\n\n- {item}\n"
    diags = lint_text(text, select=["PM301", "PM306"]).diagnostics

    def flagged(para: str) -> bool:
        a = text.index(para)
        return any(a <= d.start < a + len(para) and d.code == "PM301" for d in diags)

    assert [p for p in REVIEW_FOCUS + STILL_LOOKING if flagged(p)] == STILL_LOOKING
    assert flagged(item)  # an item in a follow-up list is work, whatever it contrasts
