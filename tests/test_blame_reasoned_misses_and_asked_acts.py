"""Two classes of the blame family, each read in one document (one lint per test).

A miss that review did not catch, told with its reason in the same sentence ("... was not
caught in code review because the template had no line for config values"), lays it on
what the reviewers were given, so PM103 stays clean; told bare, it still pins the miss on
the reviewers.
Every sentence here is written for this file."""

from __future__ import annotations

from conftest import LintFn, findings_by_paragraph

_REASONED = [
    "The wrong timeout was not caught in code review because the review template had no "
    "line for config values.",
    "The swapped region codes were not caught by the reviewers, since the checklist they "
    "were given did not cover data files.",
    "A one-character change to the quota was never caught in review, as the diff tool hid "
    "whitespace-only lines.",
]

_BARE = {
    "The wrong timeout was not caught in code review.": "PM103 caught in code review",
    "The typo in the quota was not spotted by review.": "PM103 spotted by review",
}


def test_a_miss_told_with_its_reason_stays_clean(lint_text: LintFn) -> None:
    found = findings_by_paragraph(lint_text, [("What went wrong", [*_REASONED, *_BARE])])
    assert {s: f for s, f in found.items() if s in _REASONED and f} == {}
    for sentence, finding in _BARE.items():
        assert finding in found[sentence], (sentence, found[sentence])
