"""Prose that reads like follow-up work and is not (PM301/PM306): the writers' care over
their own account ("We want to be careful here, because …"), a rhetorical question in
Lessons or in narrative ("How many more exports have to stall before …?") and, in a
follow-up section's prose, a promise to follow the listed items ("I will review them
weekly until they close"). Look-alikes that stay findings: a behaviour asked of people
("We need to be more careful with schema changes", a listed "Be careful when …"), a
genuine open question ("How do we make sure the lock is released?") and an open-ended
review of a named thing ("We will review the paging policy")."""

from __future__ import annotations

import pytest
from conftest import LintFn, findings_by_paragraph

from pm_lsp.policy.rulepack import builtin_pack

_HEAD = (
    "# Postmortem: Ledger sync stalled\n\n## Summary\n\n"
    "The ledger sync stalled for 40 minutes on 3 March and 1,200 invoices were late.\n\n"
)

#: the writers' care over their own account, in a Root cause section
ACCOUNT_CARE = [
    "We want to be careful here, because it is tempting to point at one person.",
    "I want to be careful with this conclusion, since we only have one sample.",
    "I will try to be careful not to overstate what the traces show.",
    "We have tried to be careful in this section about what we know and what we guess.",
    "I'd like to be careful with the numbers, which come from a sampled log.",
]

#: rhetorical questions, in Lessons (``rhetorical-question-turns``: before, until)
RHETORICAL = [
    "I'll put it bluntly, since ops keeps asking me: how many more syncs have to stall"
    " before the finance team takes the lock seriously?",
    "We'll say it once more: how many more nights does the pager have to ring before"
    " somebody owns the scheduler?",
    "How many more nights will we spend restarting the cron before it gets an owner?",
    "How much longer will we keep patching the cron by hand before someone rewrites it?",
    "How long until we stop restarting the ledger sync by hand?",
    "How many times does the lock have to go stale before anyone treats it as a bug?",
]

#: promises to follow the listed items, in an Action items section's prose
FOLLOWING = [
    "Every item below has an owner and a date, and I will check them every Monday until"
    " they close.",
    "We will review these items at each stand-up until they are done.",
    "The incident lead will track progress weekly in the ops review.",
    "I will monitor them in the weekly staff meeting until every one is closed.",
    "We will review the list every Friday until it is empty.",
    "The director will check these at every weekly review.",
]


def _codes(lint_text: LintFn, text: str) -> list[str]:
    return [d.code for d in lint_text(text, select=["PM301", "PM306"]).diagnostics]


@pytest.mark.parametrize("sentence", ACCOUNT_CARE)
def test_care_over_the_account_is_no_behaviour_ask(lint_text: LintFn, sentence: str) -> None:
    text = _HEAD + f"## Root cause\n\n{sentence} The scheduler skipped the run.\n"
    assert _codes(lint_text, text) == []
    lessons = _HEAD + f"## Lessons learned\n\n{sentence}\n"
    assert _codes(lint_text, lessons) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "We need to be more careful with schema changes.",
        "Engineers should be careful when they edit the cron file.",
        "We must be careful to check the lock before every deploy.",
    ],
)
def test_careful_behaviour_asks_still_fire(lint_text: LintFn, sentence: str) -> None:
    assert _codes(lint_text, _HEAD + f"## Lessons learned\n\n{sentence}\n") == ["PM306"]


def test_listed_careful_items_still_fire(lint_text: LintFn) -> None:
    text = _HEAD + "## Action items\n\n- Be careful here when editing the cron file.\n"
    assert "PM306" in _codes(lint_text, text)


@pytest.mark.parametrize("sentence", RHETORICAL)
def test_rhetorical_questions_are_no_open_items(lint_text: LintFn, sentence: str) -> None:
    assert _codes(lint_text, _HEAD + f"## Lessons learned\n\n{sentence}\n") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "How do we make sure the lock is released on failure?",
        "Should we page on a stale lock?",
        "How many more replicas do we need to absorb the month-end peak?",
        "How long should we keep the old ledger readable?",
    ],
)
def test_genuine_questions_stay_open_items(lint_text: LintFn, sentence: str) -> None:
    assert _codes(lint_text, _HEAD + f"## Lessons learned\n\n{sentence}\n") == ["PM301"]


def test_a_listed_rhetorical_question_is_still_flagged(lint_text: LintFn) -> None:
    text = _HEAD + "## Action items\n\n- How many more times will the lock go stale?\n"
    assert _codes(lint_text, text) == ["PM301"]


@pytest.mark.parametrize("sentence", FOLLOWING)
def test_following_the_list_is_no_item(lint_text: LintFn, sentence: str) -> None:
    text = (
        _HEAD + f"## Action items\n\n{sentence}\n\n"
        "| Action | Owner | Due | Priority | Ticket |\n|---|---|---|---|---|\n"
        "| Add a stale-lock alarm to the scheduler | Ana | 2026-04-01 | P1 | OPS-12 |\n"
    )
    assert _codes(lint_text, text) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "We will review the paging policy.",
        "We will check the lock handling in the scheduler.",
    ],
)
def test_open_ended_reviews_of_named_things_still_fire(lint_text: LintFn, sentence: str) -> None:
    text = _HEAD + f"## Action items\n\n{sentence}\n"
    assert _codes(lint_text, text) == ["PM301"]


def test_every_new_entry_has_a_fixture_sentence() -> None:
    """Each word of the four pack keys is exercised by a sentence written above."""
    pack = builtin_pack()
    fixtures = {
        "account-care-tails": ACCOUNT_CARE,
        "rhetorical-question-openers": RHETORICAL,
        "rhetorical-question-turns": RHETORICAL,
        "listed-work-objects": FOLLOWING,
    }
    missing = []
    for key, sentences in fixtures.items():
        low = " ".join(sentences).lower()
        missing += [f"{key}: {w}" for w in pack.words("actions", key) if w.lower() not in low]
    assert missing == []


#: "we promise" pledging nothing after it vouches for the clause around it: no commitment
VOUCHED = [
    "The next review will be much shorter, we promise.",
    "Thanks for sticking with us (fewer dropped matches next month, we promise).",
    "We promise.",
]
#: look-alikes: the pledge governs what follows, or the clause vouched for is itself vague
PLEDGED = [
    "We promise to do better with the ledger sync.",
    "We promise better alerting on the ledger sync.",
    "We will look into the sync worker again, we promise.",
]


def test_a_promise_that_vouches_is_no_commitment_but_pledges_are(lint_text: LintFn) -> None:
    found = findings_by_paragraph(lint_text, [("Final words", VOUCHED + PLEDGED)], select=["PM301"])
    for sentence in VOUCHED:
        assert found[sentence] == [], (sentence, found[sentence])
    for sentence in PLEDGED:
        assert len(found[sentence]) == 1, (sentence, found[sentence])
