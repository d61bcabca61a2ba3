"""Two classes of the blame family, each read in one document (one lint per test).

A miss that review did not catch, told with its reason in the same sentence ("... was not
caught in code review because the template had no line for config values"), lays it on
what the reviewers were given, so PM103 stays clean; told bare, it still pins the miss on
the reviewers.

A "why did nobody ...?" question (and "didn't anyone ...?") that asks a group for a step of
telling or chasing ("flag", "mention", "chase", "question") blames as the ones asking for a
check do (PM103). A thing's act ("why did no alert flag it?", "nobody's pager"), a question
answered next, listed among open questions or quoted, and a system's question stay clean.
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

#: (question, the PM103 span); each in a section of its own, so no question stands next to
#: another (a run of questions asks)
_ASKED = [
    (
        "Why did nobody at the carrier mention that the cut-off had moved?",
        "Why did nobody at the carrier mention",
    ),
    (
        "Why did nobody on the payroll side flag the duplicate batch before it went out?",
        "Why did nobody on the payroll side flag",
    ),
    (
        "Why didn't anyone on the night desk chase the supplier for the new codes?",
        "Why didn't anyone on the night desk chase",
    ),
    (
        "So why did no one in finance question a refund run three times the usual size?",
        "why did no one in finance question",
    ),
    (
        "Didn't anyone on the support rota flag the spike in tickets?",
        "Didn't anyone on the support rota flag",
    ),
]

_HEADINGS = ["What went wrong", "Contributing factors", "Analysis", "Detection", "Discussion"]

_CLEAN_QUESTIONS = [
    "Why did nobody's pager ring during the failover?",
    "Why did no alert flag the duplicate batch?",
    "Why did the scanner not flag the expired key?",
    'The shift lead asked, "why did nobody flag this earlier?"',
    "Why did nobody flag the duplicate batch? Because the batch monitor only compared "
    "totals, and the totals matched.",
    "Why did the check not fire? Its threshold was set for another region.",
]


def test_a_miss_told_with_its_reason_stays_clean(lint_text: LintFn) -> None:
    found = findings_by_paragraph(lint_text, [("What went wrong", [*_REASONED, *_BARE])])
    assert {s: f for s, f in found.items() if s in _REASONED and f} == {}
    for sentence, finding in _BARE.items():
        assert finding in found[sentence], (sentence, found[sentence])


def test_why_nobody_asks_a_group_to_have_told(lint_text: LintFn) -> None:
    sections = [
        (heading, [question, "The batch ran at 02:00 on the Tuesday."])
        for heading, (question, _) in zip(_HEADINGS, _ASKED, strict=True)
    ]
    found = findings_by_paragraph(lint_text, sections)
    for question, span in _ASKED:
        assert found[question] == [f"PM103 {span}"], (question, found[question])


def test_things_answered_listed_and_quoted_questions_stay_clean(lint_text: LintFn) -> None:
    sections = [
        (heading, [question, "The batch ran at 02:00 on the Tuesday."])
        for heading, question in zip([*_HEADINGS, "Timeline notes"], _CLEAN_QUESTIONS, strict=True)
    ]
    listed = "Why did nobody at the carrier mention that the cut-off had moved?"
    found = findings_by_paragraph(lint_text, [*sections, ("Open questions", [listed])])
    assert {s: f for s, f in found.items() if f} == {}


#: a rehearsal of a kind skipped by a named party (PM104, from "without")
_UNREHEARSED = {
    "The schema change was approved by Tomasz without a dry run against production data.": (
        "PM104 without a dry run against production data"
    ),
    "Tomasz approved the schema change without a dry run.": "PM104 without a dry run",
    "The firewall rule was merged by the shift lead without the staging test run.": (
        "PM104 without the staging test run"
    ),
    "The payroll export was pushed by Ines without a smoke pass.": "PM104 without a smoke pass",
}

_REHEARSAL_LOOKALIKES = [
    "The config was restored by Maya without a test failure.",
    "The job was restarted by Ana without a second run.",
    "The batch was replayed by the scheduler without a dry run.",
    "We shipped the schema change without a dry run.",
    "Rosa asked why the data team keeps pushing exports without a dry run.",
    "The auditor wondered whether the vendor had patched the hosts without review.",
    "The rollback was approved by Grace after a dry run had passed.",
    "The schema change was approved without a dry run because the freeze rules allowed "
    "emergency fixes.",
]


def test_a_rehearsal_skipped_by_a_party_judges_conduct(lint_text: LintFn) -> None:
    found = findings_by_paragraph(
        lint_text, [("What went wrong", [*_UNREHEARSED, *_REHEARSAL_LOOKALIKES])]
    )
    for sentence, finding in _UNREHEARSED.items():
        assert found[sentence] == [finding], (sentence, found[sentence])
    assert {s: f for s, f in found.items() if s in _REHEARSAL_LOOKALIKES and f} == {}


#: a party's judgment rated as a finding (PM104)
_RATED = {
    "The duty manager's judgement during the cutover was poor.": (
        "PM104 manager's judgement during the cutover was poor"
    ),
    "Priya's decision-making proved flawed.": "PM104 Priya's decision-making proved flawed",
    "On the night, her judgment was frankly poor.": "PM104 her judgment was frankly poor",
}

_RATED_LOOKALIKES = [
    "The duty manager's judgment was sound.",
    "Our judgment was poor, and we own that.",
    "Nobody's judgment was poor; the dashboard was wrong.",
    "The cache's hit rate was poor.",
    "The duty manager's judgment was not poor; the runbook sent her the wrong way.",
    "Network performance during the cutover was poor.",
]


def test_a_partys_judgment_rated_poor_judges_them(lint_text: LintFn) -> None:
    found = findings_by_paragraph(lint_text, [("Findings", [*_RATED, *_RATED_LOOKALIKES])])
    for sentence, finding in _RATED.items():
        assert found[sentence] == [finding], (sentence, found[sentence])
    assert {s: f for s, f in found.items() if s in _RATED_LOOKALIKES and f} == {}
