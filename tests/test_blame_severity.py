"""The severity of blame findings: tone that names no one is info, one warning per sentence
(sentences written for these tests)."""

from __future__ import annotations

from conftest import LintFn

from pm_lsp.rules.spec import Severity

CODES = ("PM101", "PM102", "PM103", "PM104", "PM105", "PM106", "PM107")


def _found(lint_text: LintFn, body: str) -> list[tuple[str, Severity, str]]:
    text = f"# Incident\n\n## Contributing Factors\n\n{body}\n"
    return [
        (d.code, d.severity, text[d.start : d.end])
        for d in lint_text(text, select=["PM1"]).diagnostics
        if d.code in CODES
    ]


def test_exasperation_is_info_and_an_idiom_about_someone_a_warning(lint_text: LintFn) -> None:
    for body in ("Seriously, the cache fell over again.", "The queue filled up yet again."):
        found = _found(lint_text, body)
        assert found and all(sev == Severity.INFO for _c, sev, _t in found), (body, found)
    found = _found(lint_text, "The release crew dropped the ball on the certificate.")
    assert ("PM106", Severity.WARNING, "dropped the ball") in found


def test_a_verdict_on_people_is_a_warning_on_a_delay_info(lint_text: LintFn) -> None:
    assert _found(lint_text, "Four hours to detection is unacceptable.") == [
        ("PM104", Severity.INFO, "unacceptable")
    ]
    assert _found(lint_text, "The handling of the page was ridiculous.") == [
        ("PM104", Severity.WARNING, "ridiculous")
    ]


def test_one_warning_per_sentence(lint_text: LintFn) -> None:
    body = "Kim forgot to renew the certificate, and the careless rollout broke the login page."
    found = _found(lint_text, body)
    assert len(found) >= 2, found
    assert [sev for _c, sev, _t in found].count(Severity.WARNING) == 1, found
    # two sentences: a warning each
    two = "Kim forgot to renew the certificate. The careless rollout broke the login page."
    assert [sev for _c, sev, _t in _found(lint_text, two)].count(Severity.WARNING) == 2


def test_the_root_cause_ending_at_a_person_stands_apart(lint_text: LintFn) -> None:
    """PM107 judges where the analysis stops, not a claim inside the sentence: it neither
    takes nor leaves the sentence's one warning."""
    text = "# Incident\n\n## Root Cause\n\nMarco ignored the first page.\n"
    found = {
        (d.code, d.severity)
        for d in lint_text(text, select=["PM1"]).diagnostics
        if d.code in ("PM101", "PM107")
    }
    assert found == {("PM101", Severity.WARNING), ("PM107", Severity.WARNING)}


def _severities(lint_text: LintFn, text: str) -> list[tuple[str, Severity]]:
    return [
        (text[d.start : d.end], d.severity)
        for d in lint_text(text, select=["PM1"]).diagnostics
        if d.code == "PM101"
    ]


def test_the_opening_prose_is_the_summary_for_severity(lint_text: LintFn) -> None:
    """A cause pinned on someone before any section (an email-shaped write-up, or the lead
    paragraph under the title) is pinned in the summary: a warning. The same sentence in a
    section the template does not know stays info."""
    email = (
        "Subject: Payroll export failed on Friday\n\nHello everyone,\n\n"
        "The failed export was caused by Oskar when he renamed the shared folder.\n\n"
        "Regards,\nIlse\n"
    )
    assert _severities(lint_text, email) == [("by Oskar", Severity.WARNING)]
    titled = (
        "# Payroll export failure\n\n"
        "The failed export was caused by Oskar when he renamed the shared folder.\n\n"
        "## Notes\n\nThe failed export was caused by Oskar.\n"
    )
    assert _severities(lint_text, titled) == [
        ("by Oskar", Severity.WARNING),
        ("by Oskar", Severity.INFO),
    ]


def test_a_bare_why_heading_is_the_root_cause(lint_text: LintFn) -> None:
    """ "## Why" heads the cause in a terse write-up (a warning there, as under "Root
    cause"); "Why we write these" names no part."""
    text = "# Export failure\n\n## Why\n\nOskar's config change broke the export.\n"
    assert _severities(lint_text, text) == [("Oskar's", Severity.WARNING)]
    text = "# Export failure\n\n## Why we write these\n\nOskar's config change broke the export.\n"
    assert _severities(lint_text, text) == [("Oskar's", Severity.INFO)]
