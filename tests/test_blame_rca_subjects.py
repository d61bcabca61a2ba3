"""Who the root-cause statement's subject is (PM107): a quantifier over the writers or an
unnamed group ("none of us", "all of them") names no person, and a name with an
appositive after a "Root cause:" label is still the subject past the label (the small model
hangs the label noun on the clause as a second subject). Every sentence here is written
for this file."""

from __future__ import annotations

import pytest
from conftest import LintFn, findings_by_paragraph


def _doc(sentence: str, section: str = "Root cause") -> str:
    return f"# Mixer outage\n\n## {section}\n\n{sentence}\n"


def _rca(lint_text: LintFn, text: str) -> list[str]:
    diags = lint_text(text, select=["PM107"]).diagnostics
    return [text[d.start : d.end] for d in diags]


@pytest.mark.parametrize(
    "sentence",
    [
        "None of us regard the spoiled batch as a lapse by anyone.",
        "All of us see the corrupted export as a process failure.",
        "All of us agree the scheduler skipped the run.",
        "Each of them considers the outage a shared lesson.",
        "Neither of them saw the failed import as a personal mistake.",
    ],
)
def test_a_quantifier_over_a_pronoun_names_no_one(lint_text: LintFn, sentence: str) -> None:
    assert _rca(lint_text, _doc(sentence)) == []


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("Two of our engineers skipped the review.", "Two"),
        ("He loaded the wrong recipe onto the mixer.", "He"),
        ("Anneke Visser, the contractor on site, cut the fibre cable.", "Anneke Visser"),
    ],
)
def test_a_person_still_ends_the_chain(lint_text: LintFn, sentence: str, who: str) -> None:
    assert _rca(lint_text, _doc(sentence)) == [who]


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        (
            "Root cause: Ilse Brandt, the night-shift technician, loaded the wrong recipe.",
            "Ilse Brandt",
        ),
        ("Root cause: Wen Li, our shift lead, approved the unreviewed schedule.", "Wen Li"),
        (
            "**Root cause:** Joaquim Ferreira, a duty operator, skipped the calibration.",
            "Joaquim Ferreira",
        ),
    ],
)
def test_a_named_subject_with_an_appositive_after_a_label(
    lint_text: LintFn, sentence: str, who: str
) -> None:
    assert _rca(lint_text, _doc(sentence, "Summary")) == [who]


@pytest.mark.parametrize(
    "sentence",
    [
        "Root cause: the scheduler, the service that runs nightly jobs, loaded the wrong recipe.",
        "Root cause: Harbor, the new deploy tool, pushed the untested build.",
        "Root cause: the mixer firmware, version 4.2, dropped the recipe change.",
    ],
)
def test_a_thing_with_an_appositive_after_a_label_stays_clean(
    lint_text: LintFn, sentence: str
) -> None:
    assert _rca(lint_text, _doc(sentence, "Summary")) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Officers have identified four contributing factors.",
        "The review panel found two causes of the delay.",
        "Our analysts have isolated three underlying conditions.",
        "The reviewers concluded that two conditions combined.",
        "Investigators determined that the paging threshold was set too high.",
    ],
)
def test_the_analysts_naming_causes_are_not_the_chains_end(
    lint_text: LintFn, sentence: str
) -> None:
    assert _rca(lint_text, _doc(sentence)) == []


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("The duty officer identified the wrong host and rebooted it.", "The duty officer"),
        ("The engineer found the cause and then deleted the volume.", "The engineer"),
        ("Officers deleted the backup without checking it.", "Officers"),
    ],
)
def test_a_finding_that_is_an_act_is_still_read(lint_text: LintFn, sentence: str, who: str) -> None:
    assert _rca(lint_text, _doc(sentence)) == [who]


# -- credit for the recovery is no root cause ----------------------------------------------

_CREDITED = [
    "Priya traced the fault to a stale cache entry and shipped the fix within the hour.",
    "Marta found the bug in the retry loop and rolled out a fix the same evening.",
    "The platform team kept the checkout running on the standby region throughout the outage.",
    "Our support staff kept customers informed while the queue drained.",
    "Once Chen Wei looked at the lock metrics, the rollback took six minutes.",
    "Jonas spotted the expired certificate and restored the gateway before the morning peak.",
    "The night operators restored service by failing over to the second site.",
    "Tomás identified the cause as a reused connection and fixed the pool settings.",
]

#: the look-alikes: the person's act is where the chain ends, with the same verbs
_BLAMED = {
    "Dev shipped the change without running the integration tests.": "Dev",
    "Priya pushed a hotfix that skipped the review queue.": "Priya",
    "Once Chen Wei restarted the primary, the replica fell out of sync.": "Chen Wei",
    "The operator kept the old cron job running after the migration.": "The operator",
    "Marta deployed the patch to the wrong cluster.": "Marta",
    "Sven did not notice the disk alarm.": "Sven",
    "Sven noticed the disk alarm but muted it.": "Sven",
    "Ana found the runbook confusing and skipped step four.": "Ana",
    "Once Ana deleted the index, the recovery took two days.": "Ana",
    "Lena renewed the signing key on a whim.": "Lena",
    "The operator restored the backup without checking it and overwrote the new orders.": (
        "The operator"
    ),
}


def test_credit_for_finding_or_restoring_is_no_root_cause(lint_text: LintFn) -> None:
    """A root-cause section (or a Conclusion) that credits people with finding the problem,
    shipping the remedy or keeping the service going ends at no one's fault; the same verbs
    on an act that caused the harm still do. One document, one parse batch."""
    sections = [("Root cause", [s]) for s in _CREDITED]
    sections += [("Conclusion", ["The depot crews kept the trams moving during the outage."])]
    sections += [("Root cause", [s]) for s in _BLAMED]
    found = findings_by_paragraph(lint_text, sections, select=["PM107"])
    assert {p: f for p, f in found.items() if f and p not in _BLAMED} == {}
    assert {p: found[p] for p in _BLAMED} == {p: [f"PM107 {w}"] for p, w in _BLAMED.items()}


@pytest.mark.parametrize(
    "sentence",
    [
        "`sieve` does not reload its routes after a failed parse.",
        "Why did the rollback take an hour? `relay` drains one shard at a time.",
        "`tally` dropped the retry header when the queue filled.",
    ],
)
def test_a_command_in_code_is_no_person(lint_text: LintFn, sentence: str) -> None:
    """A tool, command or job named in a code span (which the parser hands the model as a
    run of "x", read as a person's name) is a thing: the chain may end at it."""
    assert _rca(lint_text, _doc(sentence)) == []


def test_a_person_running_a_command_still_ends_the_chain(lint_text: LintFn) -> None:
    text = _doc("Marek ran `splicer --force` against the live routes.")
    assert _rca(lint_text, text) == ["Marek"]


# A bold run-in sub-heading opening a root-cause paragraph names the factor's topic ("Vendor
# management", "Release management"): no body of managers the chain ends at. A bold clause
# with a verb is still a statement, and a person after a plain label is still read.
_RUN_IN = """# Kiln outage

## Root cause

The panel listed these factors:

**4.2 Supplier management.** The supply contract set no notice period for format changes.

## Contributing factors

**B. Release management**: The rollout plan had no canary stage for settings changes.

## Root cause analysis

__Capacity management.__ The cluster had no room for a second region.

## Root cause (second look)

**The night operator skipped the pressure test.** Nothing on the job card asked for it.

## Root cause

Root cause: the shift manager's decision to leave the kiln unattended.
"""


def test_a_bold_run_in_heading_is_no_actor(lint_text: LintFn) -> None:
    assert _rca(lint_text, _RUN_IN) == ["The night operator", "the shift manager"]
