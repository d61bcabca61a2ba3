"""Sarcasm and rhetorical jabs with no judgment word (PM106): a duty mocked as optional now
("apparently testing restores is optional these days"), praise that mocks a lapse ("nice
work, team: ... and nobody batted an eye"), incredulity at whether anyone did the work
("did anybody actually open the error log ...?", an exasperated question: info, and not
when it asks). Sincere thanks, a product's optional setting, a plain question, a quoted
question and a question left open in a section of questions stay clean. Each group is one
document, so one lint per test. Every sentence here is written for this file."""

from __future__ import annotations

from conftest import LintFn, findings_by_paragraph

#: (sentence, the PM106 span)
_JABS = [
    (
        "There is a checklist for that. Apparently testing restores is optional these days.",
        "Apparently testing restores is optional these days",
    ),
    ("Apparently reading the handover notes is optional now.", None),
    (
        "Nice work, team: two days of lost orders and nobody batted an eye.",
        "Nice work, team: two days of lost orders and nobody batted an eye",
    ),
    ("Great job, everyone; the feed was dead since Tuesday and nobody blinked.", None),
    (
        "Did anybody actually open the error log before Friday?",
        "Did anybody actually open the error log before Friday?",
    ),
]

_SINCERE = [
    "Apparently the region field is optional in the v2 schema.",
    "Apparently caching is optional now in the new client, so we turned it off.",
    "Great job, everyone: nobody was paged after hours and the fix held.",
    "Thanks to everyone on the bridge; great work from the whole team.",
    "Did anyone check the error log before Friday? Yes, Ines did at 09:10.",
    'The vendor asked "did anyone actually read the notice?" in their reply.',
]


def test_jabs_without_trigger_words(lint_text: LintFn) -> None:
    found = findings_by_paragraph(lint_text, [("What happened", [s for s, _ in _JABS])])
    for sentence, span in _JABS:
        codes = [f.split(" ", 1) for f in found[sentence]]
        assert any(c == "PM106" for c, _ in codes), (sentence, found[sentence])
        if span is not None:
            assert f"PM106 {span}" in found[sentence], (sentence, found[sentence])


def test_sincere_words_and_open_questions_stay_clean(lint_text: LintFn) -> None:
    open_question = "Did anyone actually test the standby path before the cutover?"
    found = findings_by_paragraph(
        lint_text, [("What happened", _SINCERE), ("Open questions", [open_question])]
    )
    assert {s: f for s, f in found.items() if f} == {}


def test_crlf_and_wide_text(lint_text: LintFn) -> None:
    text = (
        "# 倉庫\n\n## What happened\n\n🚚 Apparently reading the pager is optional now.\n"
    ).replace("\n", "\r\n")
    diags = lint_text(text, select=["PM1"]).diagnostics
    assert [(d.code, text[d.start : d.end]) for d in diags] == [
        ("PM106", "Apparently reading the pager is optional now")
    ]
