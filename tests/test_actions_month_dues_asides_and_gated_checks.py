"""Action items and prose that PM301/PM303 misread, and their look-alikes.

- A deadline at the end (or middle) of a named month, after a due word or as a field of
  its own ("(by end of November)", ", by the end of March", "Due: end of September"): a
  date in the postmortem's year, as "by end of Q1" is. "By end of day" is a deadline
  relative to a day never named (reported as no date); "the end of November reports"
  and a bracketed month after an event ("the audit we ran (end of March)") are none.
- A writer's aside of remarking ("…, I should add.", "The gates, I must stress, failed
  closed.") and talking about a topic to the reader ("I want to talk plainly about
  Friday"): the text performs them. Something added somewhere, a wish in the clause an
  aside frames, a meeting to hold and a talk with someone else are still judged.
- A check of one named thing at every occurrence of an event ("Review the driver
  compatibility table before every firmware push"), and an open-ended verb whose concrete
  step follows after a semicolon or a dash ("…; document the decision"): each ends.
- "proper" on a thing whose own clause says what it does ("a proper smoke test that loads
  the checkout page from three regions"): the clause is the end state.

Every sentence is our own; the document is judged in one lint."""

from __future__ import annotations

import pytest
from conftest import LintFn

_FIELDS = " Owner: Noor Haddad, P2, TIX-{n}, due 2026-09-01."

MONTH_DUES = [
    "Omar to ask the lock supplier whether one badge can open both wings (by end of November).",
    "Ines to rewrite the import retry loop for the scanners, by the end of March.",
    "Omar to move the ledger exports to the new bucket (before mid-June).",
    "Retire the old scanner image (Omar, end of January).",
    "Ines to cap the relay retries at three. Due: end of September.",
]
RELATIVE_DUE = "Ines to patch the webhook handler for duplicate scans (by end of day)."
NO_DUES = [
    "Ines to publish the end of November reports for the scanner fleet.",
    "Omar to repeat the access audit we ran (end of March).",
]

CLEAN_ASIDES = [
    "No card numbers were exposed, I should add.",
    "The turnstiles, I must stress, failed closed.",
    "Nothing was charged twice, we should point out, and every refund cleared.",
    "I should say that the vendor answered within the hour.",
]
CLEAN_OPENING = [
    "I want to talk plainly about Friday, because the forum threads have run ahead of the facts.",
    "We'd like to speak openly about what went wrong.",
]
VAGUE_OPENING = ["We want to talk about rota load at the next review."]
VAGUE_LESSONS = [
    "I should add more checks to the gate import job.",
    "I should add that we need better alerting.",
    "We need to talk about how pages are routed.",
    "We should mention the gate fallback somewhere in the FAQ.",
]

CLEAN_CHECKS = [
    "Review the driver compatibility table before every firmware push",
    "Check the certificate expiry list after each quarterly rotation",
    "Review the refund cap for gift cards with Finance; document the decision.",
    "Audit the kiosk allow-list with Security - write the outcome into the wiki.",
]
VAGUE_CHECKS = [
    "Review the firmware process",
    "Review alerting",
    "Review monitoring before every deploy",
    "Review the alerting setup before every release",
    "Review the timeout with the vendor",
    "Review the refund cap; discuss it with Finance.",
]

CLEAN_PROPER = [
    "Write a proper smoke test that loads the checkout page from three regions.",
    "Build a proper importer that validates every row before it writes.",
    "Write a proper soak test running a week of recorded orders through the staging cluster.",
]
VAGUE_PROPER = [
    "Set up proper monitoring.",
    "Write a proper runbook.",
    "Write a proper guide that engineers read.",
    "Write a comprehensive test suite that replays last week's orders.",
]


def _document() -> str:
    dues = [*MONTH_DUES, RELATIVE_DUE, *NO_DUES]
    items = CLEAN_PROPER + VAGUE_PROPER
    return (
        "# Gate outage at the depot\n\nHello everyone. "
        + " ".join(CLEAN_OPENING + VAGUE_OPENING)
        + "\n\n## Impact\n\nThe depot gates stayed shut for 50 minutes on 3 October. "
        + " ".join(CLEAN_ASIDES)
        + "\n\n## Action items\n\n"
        + "".join(f"- {t} P2, TIX-{n}.\n" for n, t in enumerate(dues))
        + "".join(f"- {t}{_FIELDS.format(n=50 + n)}\n" for n, t in enumerate(items))
        + "\n| Action | Owner | Due | Priority | Ticket |\n|---|---|---|---|---|\n"
        + "".join(
            f"| {c} | Noor Haddad | 2026-09-01 | P2 | TIX-9{n} |\n"
            for n, c in enumerate(CLEAN_CHECKS + VAGUE_CHECKS)
        )
        + "\n## Lessons learned\n\n"
        + "".join(f"- {t}\n" for t in VAGUE_LESSONS)
    )


#: the document and its findings: code, start, end, message
Linted = tuple[str, list[tuple[str, int, int, str]]]


@pytest.fixture(scope="module")
def linted(lint_text: LintFn) -> Linted:
    text = _document()
    diags = lint_text(text, select=["PM301", "PM303", "PM306"]).diagnostics
    return text, [(d.code, d.start, d.end, d.message) for d in diags]


def _codes(linted: Linted, part: str) -> set[str]:
    text, diags = linted
    a = text.index(part)
    return {code for code, start, _, _ in diags if a <= start < a + len(part)}


def test_a_month_part_after_a_due_word_or_as_a_field_is_a_due_date(linted: Linted) -> None:
    for item in MONTH_DUES:
        assert "PM303" not in _codes(linted, item), item
    for item in NO_DUES:
        assert "PM303" in _codes(linted, item), item


def test_end_of_day_is_a_deadline_but_no_date(linted: Linted) -> None:
    text, diags = linted
    a = text.index(RELATIVE_DUE)
    hits = [d for d in diags if d[0] == "PM303" and a <= d[1] < a + len(RELATIVE_DUE)]
    assert len(hits) == 1
    assert text[hits[0][1] : hits[0][2]] == "end of day"
    assert "not a date" in hits[0][3]


def test_asides_and_talk_to_the_reader_commit_to_nothing(linted: Linted) -> None:
    for part in CLEAN_ASIDES + CLEAN_OPENING:
        assert _codes(linted, part) == set(), part
    for part in VAGUE_OPENING + VAGUE_LESSONS:
        assert _codes(linted, part) == {"PM301"}, part


def test_gated_checks_and_stepped_reviews_are_bounded(linted: Linted) -> None:
    for part in CLEAN_CHECKS:
        assert _codes(linted, part) == set(), part
    for part in VAGUE_CHECKS:
        assert _codes(linted, part) == {"PM301"}, part


def test_proper_on_a_thing_its_clause_defines(linted: Linted) -> None:
    for part in CLEAN_PROPER:
        assert _codes(linted, part) == set(), part
    for part in VAGUE_PROPER:
        assert _codes(linted, part) == {"PM301"}, part
