"""A lapse told at the end of a passive chain (``acts._step_left``): "deployed by Chen
without anyone noticing the typo" (a gerund of ``unnoticed-verbs`` with "anyone" as its
subject, a person as the act's "by" agent) and "without anybody bothering to read the diff"
(neglect told by "bother"; a party's own "without bothering to" is PM103's) are PM104, as
"without review" is. A neutral passive of process, a detection gap with no party
("expired without anyone noticing"), a system's silence ("without any alert firing"), a
smooth change ("without anyone noticing the switch") and a question stay clean. Each
group is one document, so one lint per test. Every sentence here is written for this
file."""

from __future__ import annotations

from conftest import LintFn, findings_by_paragraph

#: (sentence, the PM104 span)
_LAPSES = [
    (
        "The patch was approved by Nadia and shipped by Chen without anyone noticing the typo.",
        "without anyone noticing the typo",
    ),
    (
        "The pull request was merged by @ravi-k without anybody spotting the debug flag.",
        "without anybody spotting the debug flag",
    ),
    (
        "The refund file was released without anyone bothering to verify its totals.",
        "without anyone bothering to verify its totals",
    ),
]

_CLEAN = [
    "The patch was approved by the change board at 10:02.",
    "The patch was approved by Nadia and shipped by Chen at 10:40.",
    "The certificate expired without anyone noticing, because no alert existed for it.",
    "The disk filled without any alert firing.",
    "The database was moved by Ana without anyone noticing the switch.",
    "The traffic was drained by Ana without anyone noticing any downtime.",
    "The pods were restarted by the scheduler without anyone noticing the typo.",
    "Was the hotfix released by Chen without anybody noticing that toggle?",
]


def test_a_lapse_at_the_end_of_a_passive_chain(lint_text: LintFn) -> None:
    found = findings_by_paragraph(lint_text, [("What happened", [s for s, _ in _LAPSES])])
    for sentence, span in _LAPSES:
        assert f"PM104 {span}" in found[sentence], (sentence, found[sentence])


def test_process_passives_and_unnamed_gaps_stay_clean(lint_text: LintFn) -> None:
    found = findings_by_paragraph(lint_text, [("What happened", _CLEAN)])
    assert {s: f for s, f in found.items() if f} == {}


def test_crlf_and_wide_text(lint_text: LintFn) -> None:
    text = (
        "# 倉庫\n\n## What happened\n\n🚚 The patch was merged by Ravi without anyone "
        "noticing the typo.\n"
    ).replace("\n", "\r\n")
    diags = lint_text(text, select=["PM1"]).diagnostics
    assert [(d.code, text[d.start : d.end]) for d in diags] == [
        ("PM104", "without anyone noticing the typo")
    ]
