"""Two blameless stances that looked like blame. A judgment word inside a cause the sentence
denies (``verdicts._cause_denied``: "the stall was not caused by any one engineer being
sloppy") denies individual fault; the word asserted as the cause, as the reason for an
outcome that did not come about, after "but" or under "not just" keeps PM104. "We" as the
subject of an omission in Lessons (``omission._our_own_gap``) is the organisation owning
its gap; a person or another team there, and our omission told in the incident's story,
keep PM103. Each group is one document, so one lint (one parse batch) per test. Every
sentence here is written for this file."""

from __future__ import annotations

from conftest import LintFn, findings_by_paragraph

_DENIED_CAUSES = [
    "The stall was not caused by any one engineer being sloppy; the form invited the slip.",
    "The double charge did not come from a single clerk being careless.",
    "None of the delay happened because one dispatcher was negligent.",
    "It was not a case of one operator behaving recklessly.",
    "The lost batch was not the result of a careless technician.",
    "No, the outage was not about anybody being lazy; the warning was hidden.",
    "The slow rollback wasn't down to a sloppy responder.",
]

#: (sentence, the judgment word that stays a finding)
_ASSERTED_CAUSES = [
    ("The stall was caused by one engineer being sloppy.", "sloppy"),
    ("The ticket was not picked up because the night lead was careless.", "careless"),
    ("The gap was not clear to the careless approver.", "careless"),
    ("It was not caused by the form but by one clerk being careless.", "careless"),
    ("It wasn't only one operator being reckless; the alarms were noisy too.", "reckless"),
    ("The failover did not happen because the duty engineer was sloppy.", "sloppy"),
]

_OWNED_GAPS = [
    "The importer trusted the carrier to drop repeats. It does not, and we never confirmed it.",
    "We never rehearsed the restore, so we did not know the archive was unreadable.",
    "We failed to test the standby link before the cutover.",
    "We never reviewed the quota after the growth in March.",
]

#: (sentence, the PM103 span that stays)
_OTHERS_GAPS = [
    ("Tomasz never checked the carrier's behaviour.", "Tomasz never checked"),
    ("The billing team failed to test the standby link.", "The billing team failed to test"),
]


def test_a_judgment_word_in_a_denied_cause_is_clean(lint_text: LintFn) -> None:
    found = findings_by_paragraph(lint_text, [("What happened", _DENIED_CAUSES)])
    assert {p: f for p, f in found.items() if f} == {}


def test_a_judgment_word_asserted_as_a_cause_stays(lint_text: LintFn) -> None:
    found = findings_by_paragraph(lint_text, [("What happened", [s for s, _ in _ASSERTED_CAUSES])])
    for sentence, word in _ASSERTED_CAUSES:
        assert f"PM104 {word}" in found[sentence], (sentence, found[sentence])


def test_our_own_gap_in_lessons_is_clean_and_others_stay(lint_text: LintFn) -> None:
    found = findings_by_paragraph(
        lint_text, [("Lessons learned", _OWNED_GAPS + [s for s, _ in _OTHERS_GAPS])]
    )
    assert {s: found[s] for s in _OWNED_GAPS if found[s]} == {}
    for sentence, span in _OTHERS_GAPS:
        assert f"PM103 {span}" in found[sentence], (sentence, found[sentence])


def test_our_omission_in_the_story_keeps_its_finding(lint_text: LintFn) -> None:
    story = _OWNED_GAPS[2:]
    found = findings_by_paragraph(lint_text, [("What happened", story)])
    assert found[story[0]] == ["PM103 We failed to test"]
    assert found[story[1]] == ["PM103 We never reviewed"]


def test_crlf_and_wide_text(lint_text: LintFn) -> None:
    text = (
        "# 倉庫\n\n## Lessons\n\n🚚 We never rehearsed the restore.\n\n"
        "## What happened\n\n🚚 The stall was not caused by a sloppy clerk.\n\n"
        "🚚 The stall was caused by a sloppy clerk.\n"
    ).replace("\n", "\r\n")
    diags = lint_text(text, select=["PM1"]).diagnostics
    assert [(d.code, text[d.start : d.end]) for d in diags] == [
        ("PM101", "by a sloppy clerk"),
        ("PM104", "sloppy"),
    ]
    assert diags[1].start == text.rindex("sloppy")
