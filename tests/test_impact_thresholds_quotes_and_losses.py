"""PM401 and PM403 on writing that is no vague impact or that does answer the data-loss
question: a vague time that is an alerting rule's threshold or a responder's pace, a
quoted notice the writers cite, a comparison that carries its figure, a subsection of a
summary-titled parent that is the root cause, and a section that says which stored things
were lost or recovered. Each class stands beside look-alikes that stay reported. Every
sentence here is written for this file."""

from __future__ import annotations

from conftest import LintFn


def _pm401(lint_text: LintFn, body: str, heading: str) -> list[str]:
    text = f"# Tram ticketing outage\n\n## {heading}\n\n{body}\n"
    return [text[d.start : d.end] for d in lint_text(text, select=["PM401"]).diagnostics]


def test_an_alerting_threshold_is_no_duration_of_harm(lint_text: LintFn) -> None:
    body = (
        "The gateway does not alert when a fare sync has been broken for more than a few "
        "minutes.\n\nNothing pages anyone if the fare queue stays blocked for a while.\n\n"
        "Riders were stranded at the stops for a while."
    )
    assert _pm401(lint_text, body, "Root cause") == ["for a while"]


def test_a_responders_pace_is_no_duration_of_harm(lint_text: LintFn) -> None:
    body = (
        "To be fair to the on-call, she acknowledged inside a couple of minutes.\n\n"
        "Ticket machines rejected cards for a few hours."
    )
    assert _pm401(lint_text, body, "Response") == ["a few hours"]


def test_a_quoted_notice_is_not_the_writers_amount(lint_text: LintFn) -> None:
    body = (
        'The notice went up late and its wording ("a small number of riders may see '
        'delays") undersold the outage.\n\nA "handful" of riders were turned away, and many '
        "riders gave up."
    )
    got = _pm401(lint_text, body, "Communications")
    assert "a small number of riders" not in " ".join(got)
    assert any("many" in g.lower() for g in got), got


def test_a_comparison_with_its_figure_is_measured(lint_text: LintFn) -> None:
    body = (
        "Our busiest depot sent 45% less traffic than usual that morning.\n\n"
        "The east line carried 900 fewer riders than usual.\n\n"
        "The west line carried far fewer riders than usual."
    )
    assert _pm401(lint_text, body, "Impact") == ["than usual"]


def test_a_root_cause_under_a_summary_titled_parent_is_no_impact(lint_text: LintFn) -> None:
    text = (
        "# Tram ticketing outage\n\n## Description\n\n### Summary\n\n"
        "Card payments on trams failed for 3 hours for 12,000 riders.\n\n### Root cause\n\n"
        "On the night of the change the sync task pulled a key file in which the signing "
        "certificate was missing.\n"
    )
    diags = lint_text(text, select=["PM401"]).diagnostics
    assert not diags, [text[d.start : d.end] for d in diags]


def _pm403(lint_text: LintFn, impact: str) -> int:
    text = f"# Permit portal outage\n\n## Impact\n\n{impact}\n"
    return len(lint_text(text, select=["PM403"]).diagnostics)


def test_a_statement_of_what_was_lost_answers_pm403(lint_text: LintFn) -> None:
    answers = (
        "Applications that applicants had started but not sent before 09:12 were not saved.",
        "Half-finished permit forms could not be recovered after the restart.",
        "3,140 permit requests went to the holding queue and were replayed after the fix.",
    )
    for a in answers:
        assert _pm403(lint_text, f"The portal was down for 2 hours. {a}") == 0, a


def test_a_service_restored_is_no_answer_to_pm403(lint_text: LintFn) -> None:
    for body in (
        "The portal went down and could not be restored until noon.",
        "The portal could not be recovered for 40 minutes.",
    ):
        assert _pm403(lint_text, body) == 1, body
