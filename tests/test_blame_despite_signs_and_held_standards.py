"""A person's act of going ahead held against a warning sign, an act held short of what is
expected of a role (PM104), and exasperated faces as tone (PM106), read in one document.

"The build was pushed to every store by the release lead despite a spike in checkout
errors" judges the lead's conduct as "without testing" does: the act (going ahead), its
doer (a person, a role, a team) and the sign (a warning, an alarm, a failed or red run, a
rise in a harm or a measure). "Skipping the handover check is not what we expect from a
shift lead" holds an act short of the role's standard; a "Frankly," before it is then
tone too. An angry or eye-rolling face is tone, as the upside-down face is. Every sentence
here is written for this file."""

from __future__ import annotations

from conftest import LintFn, findings_by_paragraph

_HELD = {
    "The patch went out to every store, pushed by the release lead despite a spike in "
    "checkout errors on the sales board.": [
        "PM104 despite a spike in checkout errors on the sales board"
    ],
    "The table migration was approved by the change manager despite two failed dry runs.": [
        "PM104 despite two failed dry runs"
    ],
    "Kim merged the branch despite an objection from the database team.": [
        "PM104 despite an objection from the database team"
    ],
    "The rollout was resumed by the platform squad despite the latency alarm.": [
        "PM104 despite the latency alarm"
    ],
    "Skipping the handover check is not what we expect from a shift lead.": [
        "PM104 not what we expect from a shift lead"
    ],
    "Frankly, restarting both replicas blind is not what you would expect of a senior engineer.": [
        "PM106 Frankly",
        "PM104 not what you would expect of a senior engineer",
    ],
    "The carrier took five hours to answer our ticket 😤.": ["PM106 😤"],
    "The supplier changed the file layout with no notice 😡.": ["PM106 😡"],
}

_CLEAN = [
    "The release was promoted despite the rise because the rollback path was broken.",
    "The release was promoted by the pipeline despite a rise in declines.",
    "Despite the storm the line crews kept working through the night.",
    "The hotfix was deployed by Ana despite the alarm.",
    "The rollback was pushed by the on-call engineer despite the alert.",
    "We promoted the build despite the warning, since the old build was corrupting writes.",
    "The release was shipped by the team despite an increase in sign-ups.",
    "The incident was handled by the on-call engineer despite the late hour.",
    "The release manager did not promote the build despite the pressure.",
    "Was the build promoted by the lead despite the alarm?",
    "That response time is not what we expect from the new cluster.",
    "A two percent decline rate is not what shoppers expect from a checkout page.",
    "This outage is not what our customers expect from us.",
    "Reading every alarm is what we expect from the duty desk.",
    "Frankly, we were lucky the backup was recent.",
    "The deploy finished in four minutes 🎉.",
    "The build passed on the first try 😄.",
]


def test_going_ahead_despite_a_sign_and_standards_held_short(lint_text: LintFn) -> None:
    found = findings_by_paragraph(lint_text, [("Contributing factors", [*_HELD, *_CLEAN])])
    for sentence, findings in _HELD.items():
        assert found[sentence] == findings, (sentence, found[sentence])
    assert {s: f for s, f in found.items() if s in _CLEAN and f} == {}
