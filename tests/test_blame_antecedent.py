"""A change blamed in the sentence after the one naming who made it ("Kim pushed a hotfix.
This hotfix broke ..."), and its look-alikes (sentences written for these tests)."""

from __future__ import annotations

from conftest import LintFn

from pm_lsp.parse.markdown import parse
from pm_lsp.rules.blame.antecedent import previous_sentence

CODES = ("PM101", "PM102", "PM103", "PM104", "PM105", "PM106", "PM107")


def _doc(body: str) -> str:
    return f"# Incident\n\n## Contributing Factors\n\n{body}\n"


def _blame(lint_text: LintFn, body: str) -> list[tuple[str, str]]:
    text = _doc(body)
    return [
        (d.code, text[d.start : d.end])
        for d in lint_text(text, select=["PM1"]).diagnostics
        if d.code in CODES
    ]


def test_the_later_sentence_inherits_the_maker_of_the_change(lint_text: LintFn) -> None:
    found = _blame(
        lint_text, "Priya rushed out a hotfix for the login page. This hotfix broke resets."
    )
    assert found == [("PM101", "This hotfix broke")]
    text = _doc("Priya rushed out a hotfix for the login page. This hotfix broke resets.")
    diag = next(d for d in lint_text(text, select=["PM101"]).diagnostics)
    assert "Priya" in diag.message


def test_only_within_one_paragraph(lint_text: LintFn) -> None:
    body = "Priya rushed out a hotfix for the login page.\n\nThis hotfix broke resets."
    assert _blame(lint_text, body) == []


def test_only_the_sentence_right_before(lint_text: LintFn) -> None:
    body = (
        "Priya rushed out a hotfix for the login page. The dashboards stayed green. "
        "This hotfix broke resets."
    )
    assert _blame(lint_text, body) == []


def test_a_system_word_of_the_document_is_not_the_maker(lint_text: LintFn) -> None:
    body = (
        "Renovate pushed a patch to the lockfile. The patch broke the build.\n\n"
        "We run `renovate` on every repository."
    )
    assert _blame(lint_text, body) == []
    alone = "Renovate pushed a patch to the lockfile. The patch broke the build."
    assert [c for c, _ in _blame(lint_text, alone)] == ["PM101"]


def test_first_person_and_bots_name_no_culprit(lint_text: LintFn) -> None:
    for body in (
        "We pushed a config change on Friday. This change took down the gateway.",
        "The merge bot pushed a config change on Friday. This change took down the gateway.",
        "Dependabot merged a version bump. The change broke the build.",
    ):
        assert _blame(lint_text, body) == [], body


def test_previous_sentence_stays_in_its_block() -> None:
    text = _doc("First one. Second one.\n\n- Third one. Fourth one.")
    doc = parse(text)
    assert previous_sentence(doc, text.index("Second")) == "First one."
    assert previous_sentence(doc, text.index("First")) is None
    assert previous_sentence(doc, text.index("Third")) is None
    assert previous_sentence(doc, text.index("Fourth")) == "Third one."
