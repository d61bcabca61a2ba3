"""PM306 only where people are asked to behave differently. Three look-alikes that stay
clean: reminders that are a feature of the product, sent by a system ("Turn off automatic
reminders over the clock change", "page the rota lead if the reminders get switched off"); an
errand asked of a supplier, whose infinitive happens to name us or a team ("Ask the
vendor to send us the change list"); and a check of one fact the writers are about to
state ("I'd like billing to double-check that before we confirm it"). The true
positives beside them keep firing: reminders sent to staff, people asked to take care, a
check asked before a deploy. Every sentence is our own."""

from __future__ import annotations

from conftest import LintFn

_HEAD = "# Clinic text outage\n\n**Status:** Final\n\n"
_FIELDS = " - Owner: Lena, due 2026-03-01, P2, CLN-4"


def _flagged(
    lint_text: LintFn, section: str, lines: list[str], *, items: bool, codes: str = "PM306"
) -> list[str]:
    """The lines of ``lines`` (written as items or as one paragraph each) ``codes`` flag."""
    body = "".join(f"- {s}{_FIELDS}\n" if items else f"{s}\n\n" for s in lines)
    text = f"{_HEAD}## {section}\n\n{body}"
    diags = lint_text(text, select=codes.split(",")).diagnostics
    return [
        s for s in lines if any(text.index(s) <= d.start < text.index(s) + len(s) for d in diags)
    ]


_ITEM_FEATURES = [
    "Turn off automatic reminders over the clock-change weekend.",
    "Page the duty phone whenever the reminders are switched off.",
    "Disable the reminders for the two days after a daylight-saving change.",
    "Check that scheduled reminder emails go out in the clinic's own timezone.",
    "Add a test that SMS reminders carry the local appointment time.",
    "Ask the vendor to send us a change list before every upgrade.",
    "Ask Northgate Software to give our team two weeks' notice of schema changes.",
    "Ask the hosting provider to tell us about maintenance windows in advance.",
    "Double-check the refund figure before we confirm it in the customer letter.",
]

_ITEM_PEOPLE = [
    "Send reminders to staff about the new booking checklist.",
    "Remind reception staff to read the texts before each shift.",
    "Ask the nurses to be more careful with the reminder settings.",
    "Engineers to double-check the export config before every deploy.",
    "Refresher training for reception staff on the booking screen.",
]


def test_product_reminders_supplier_errands_and_claim_checks_are_clean(
    lint_text: LintFn,
) -> None:
    assert _flagged(lint_text, "Action items", _ITEM_FEATURES, items=True) == []


def test_people_reminded_or_asked_to_take_care_still_are_people_fixing(
    lint_text: LintFn,
) -> None:
    assert _flagged(lint_text, "Action items", _ITEM_PEOPLE, items=True) == _ITEM_PEOPLE


def test_a_check_before_a_statement_in_impact_prose_is_no_action(lint_text: LintFn) -> None:
    lines = [
        "No ledger rows seem lost, but I would like the billing team to double-check before "
        "we state that to customers.",
        "I'd want treasury to double-check the totals before publishing them.",
    ]
    # no action item at all: neither people-fixing nor a hedged commitment (PM301)
    assert _flagged(lint_text, "Impact", lines, items=False, codes="PM301,PM306") == []


def test_a_habit_of_checking_in_lessons_is_still_people_fixing(lint_text: LintFn) -> None:
    lines = ["Our developers should double-check the export config before we ship it."]
    assert _flagged(lint_text, "Lessons learned", lines, items=False) == lines


#: a party outside the organisation asked to change its own setup: a technical errand,
#: its end state a mechanism they run
_ASKED_CHANGES = [
    "Ask the mirror operators to switch their booking feeds to the signed endpoint.",
    "Request that downstream maintainers pin the calendar client to 3.1.",
    "Ask customer admins to enable single sign-on for their clinics.",
    "Ask third-party developers to migrate their integrations to the v2 booking API.",
    "Tell self-hosted operators to subscribe to the timetable webhook, not scrape the page.",
]
#: our own people asked for the same changes, the same verbs asking for care or a habit or
#: naming nothing changed, and people asked to check, follow or take care: still
#: people-fixing
_ASKED_BEHAVIOUR = [
    "Request that every developer enable hardware keys on their accounts.",
    "Ask the regional operators to rotate the shared SMS gateway key.",
    "Ask the mirror operators to upgrade more carefully.",
    "Ask engineers to always rotate their tokens on time.",
    "Ask the downstream maintainers to upgrade.",
    "Remind operators to switch to the backup gateway when the alert fires.",
    "Ask engineers to double-check the feed before deploying.",
    "Ask operators to follow the rollout checklist.",
    "Remind the reception team to be careful with the clock change.",
]


def test_a_party_asked_to_change_its_setup_is_no_people_fixing(lint_text: LintFn) -> None:
    lines = _ASKED_CHANGES + _ASKED_BEHAVIOUR
    assert _flagged(lint_text, "Action items", lines, items=True) == _ASKED_BEHAVIOUR


def test_retraining_the_authors_of_rules_is_people_fixing(lint_text: LintFn) -> None:
    # an author is a person: retraining or coaching them asks for better behaviour; a model
    # retrained, or authors asked for a release or credited, is no such item
    people = ["Retrain rule authors.", "Train the runbook authors on the booking template."]
    others = [
        "Retrain the no-show model on the March bookings.",
        "Ask the library authors to publish a patched release.",
        "Credit the authors of the fix in the release notes.",
    ]
    assert _flagged(lint_text, "Action items", people + others, items=True) == people
