"""How a timeline entry that tells the harmed work resuming, a corrected output going out,
or a decision to act is read (PM503, PM504).

The harmed work resuming in full, told of the work or of the unit that does it ("Press 4
resumes", "the depot resumed dispatch", "trams run on schedule again", "kiln 2 back in
production"), ends the impact: a resolution, so a stated duration is measured to it. A
partial resumption ("at half rate", "for EU cards only", "at 40%") eases the harm: a
mitigation only. The harm, the responders' work or the risky rollout resuming, and a
resumption planned for later, are neither.

A corrected or amended version of the wrong output published, sent or pushed is a
mitigation; the faulty one going out, a correction drafted or still to come, and a corrected
statement about the incident are not.

A decision or an intent to act ("Decision to fail over", "agreed to roll the flag back") is
not the act: the later entry that does it is the mitigation. Sentences are written for these
tests.
"""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack
from pm_lsp.rules.timeline.model import words


def _milestones(event: str) -> frozenset[str]:
    return words(builtin_pack()).classify(event)


@pytest.mark.parametrize(
    "event",
    [
        "Press 4 resumes",
        "Bottling line 7 resumes at 03:50",
        "Card sales resume at 11:05.",
        "The depot resumed dispatch",
        "Store 12 resumes normal trading",
        "The ledger resumed block production after the patch",
        "Mixing line B back in production after the clean-down",
        "Kiln 2 is back in full production",
        "The trams run on schedule again",
        "Ferries back on the normal timetable",
        "Night buses running to timetable again after the depot fix",
    ],
)
def test_the_harmed_work_resuming_in_full_is_resolution(event: str) -> None:
    assert "resolution" in _milestones(event)


@pytest.mark.parametrize(
    "event",
    [
        "Press 4 resumes at half rate",
        "Payouts resumed for EU cards only",
        "Bottling line 7 resumes at 40% of its usual rate",
        "Dispatch partially resumed from the north depot",
    ],
)
def test_a_partial_resumption_is_a_mitigation_only(event: str) -> None:
    assert _milestones(event) == {"mitigation"}


@pytest.mark.parametrize(
    "event",
    [
        "Press 4 resumes failing after ten minutes",
        "Retries resume against the old host",
        "The credential-stuffing attack resumed",
        "Card sales resume on Thursday",
        "Payouts resume tomorrow once the bank confirms",
        "Card sales will resume at 11:00",
        "Trams running late again",
        "Ferries running to a reduced timetable",
        "The parsing bug is back in production",
        "Investigation resumes with the vendor",
        "The firmware rollout resumed",
    ],
)
def test_harm_planned_or_responders_work_resuming_ends_nothing(event: str) -> None:
    assert not _milestones(event) & {"mitigation", "resolution"}


@pytest.mark.parametrize(
    "event",
    [
        "Corrected standings table published",
        "Amended payslips emailed to staff",
        "Correct tariffs pushed to the ticket machines",
        "The revised price list was pushed to the tills",
        "Reissued boarding passes sent to affected travellers",
    ],
)
def test_a_corrected_output_going_out_is_mitigation(event: str) -> None:
    assert "mitigation" in _milestones(event)


@pytest.mark.parametrize(
    "event",
    [
        "Standings table published with two clubs swapped",
        "Correction drafted for review",
        "Corrected standings table to be published after sign-off",
        "Corrected payslips pending approval",
        "Corrected statement posted on the website",
        "Amended status page update posted",
        "No corrected payslips were sent that night",
    ],
)
def test_the_faulty_output_or_a_correction_not_yet_out_is_no_mitigation(event: str) -> None:
    assert "mitigation" not in _milestones(event)


@pytest.mark.parametrize(
    "event",
    [
        "Decision to roll the pricing release back",
        "Agreed to fail over to the standby region",
        "A decision was made to revert the schema change",
        "Team opted to roll back the flag",
        "Planning to fail over once the replica catches up",
    ],
)
def test_a_decision_to_act_is_not_the_act(event: str) -> None:
    assert "mitigation" not in _milestones(event)


@pytest.mark.parametrize(
    "event",
    [
        "Pricing release rolled back",
        "Failed over to the standby region",
        "A release went out undoing the last two commits",
        "Decided to declare an incident",
    ],
)
def test_the_act_itself_and_other_milestones_of_a_decision_stay_read(event: str) -> None:
    assert _milestones(event)


def test_a_restore_the_entry_says_did_not_help_is_no_mitigation() -> None:
    assert "mitigation" not in _milestones("Previous signing key restored; sync still failing")
    assert "mitigation" in _milestones("Previous signing key restored to the gateway")


_PLANT = """# Filling lines stopped

## Summary

The filling lines were down for about {stated} in total.

## Timeline

All times CET.

- 21:50 Label checks start failing on both lines
- 21:55 Shift lead calls the controls desk: labels rejected on both lines
- 22:30 Controls engineer finds the label templates were overwritten
- 23:10 {first}
- 01:40 {last}
"""


def test_a_stated_duration_is_measured_to_the_work_resuming(lint_text: LintFn) -> None:
    text = _PLANT.format(
        stated="two hours", first="Filling line 1 resumes", last="Filling line 3 resumes"
    )
    (d,) = lint_text(text, select=["PM503"]).diagnostics
    assert text[d.start : d.end] == "two hours"
    assert d.data["timeline_minutes"] == 80  # 21:50 to the first line resuming at 23:10


def test_a_duration_that_agrees_or_a_partial_resumption_stays_quiet(lint_text: LintFn) -> None:
    agrees = _PLANT.format(
        stated="four hours", first="Filling line 1 resumes", last="Filling line 3 resumes"
    )
    assert lint_text(agrees, select=["PM503"]).diagnostics == []
    partial = _PLANT.format(
        stated="two hours",
        first="Filling line 1 resumes at half rate",
        last="Filling line 3 resumes at half rate",
    )
    assert lint_text(partial, select=["PM503"]).diagnostics == []


def test_a_corrected_output_published_is_the_timeline_mitigation(lint_text: LintFn) -> None:
    text = """# Wrong standings published

## Timeline

All times UTC.

- 18:02 Standings table published with two clubs swapped
- 18:20 Club secretary phones the desk: the table is wrong
- 18:31 Corrected standings table published
"""
    assert lint_text(text, select=["PM504"]).diagnostics == []
    drafted = text.replace("Corrected standings table published", "Correction drafted")
    (d,) = lint_text(drafted, select=["PM504"]).diagnostics
    assert d.data["missing"] == ["mitigation|resolution"]
