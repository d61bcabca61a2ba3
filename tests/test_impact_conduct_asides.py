"""PM401 reads three kinds of sentence that are no impact statements (found by blind round
26): a verdict on someone's conduct (a counterfactual about what a knowledgeable person
would not have done, a deed named as a noun with its doer: "the failure by the X team to
..."), the readers' memory or sympathy called on in an aside ("a loop many of you will
recognise"), and a vague quantity inside quoted words, a wording mentioned. Their look-alikes
that state harm stay findings. Every sentence here is written for this file."""

from __future__ import annotations

import pytest
from conftest import LintFn


def _pm401(lint_text: LintFn, sentence: str, heading: str) -> list[str]:
    text = (
        "# Print outage\n\n## Background\n\nThe print host serves the office.\n\n"
        f"## {heading}\n\nThe print queue on the office host misbehaved. {sentence}\n"
    )
    return [d.message for d in lint_text(text, select=["PM401"]).diagnostics]


CONDUCT = [
    "A reviewer who knew the schema would not have merged the migration.",
    "Someone familiar with the press line wouldn't have begun the purge mid-shift.",
    "An operator who had read the runbook would not have drained both racks at once.",
    "The failure by the storage team to warn the billing desk broke the agreement.",
    "The refusal of the contractor to roll back the firmware cost the clinic a morning.",
    "The failure of the duty technician to acknowledge the alarm broke the handover.",
]

ASIDES = [
    "Builds hung and were retried, a pattern many of you will recognise from release week.",
    "Many of you will relate to the feeling of watching a progress bar stall at 99%.",
    "Several of you will appreciate how long a full reindex takes.",
    "Some of you will have guessed the cause already.",
    "Tickets piled up in a rhythm that a few of us will remember from the last audit.",
]

MENTIONS = [
    'Our wiki said the broker "keeps up with plenty of producers", which gave nobody a limit.',
    'The vendor promised "many users" and gave no figure.',
    'Writing that "some customers" were hit hides the count.',
    'A cache that "copes with many keys" still has a ceiling, and we should write it down.',
    "The status page said \u201ca few regions\u201d were degraded, which nobody could act on.",
    'We used to write "several minutes" in these reports; write the minutes.',
]

STAY = [
    "Some of you could not log in for a while.",
    "Many of you were locked out of the portal.",
    "Many of our customers saw failed payments.",
    "Several of you lost work when the editor crashed.",
    "The page would not load for some users.",
    "Some merchants wouldn't accept cards during the outage.",
    'A customer wrote: "many of my orders vanished for hours".',
    'Many customers saw "payment declined" errors.',
    # a deed named with its doer that did harm: the harm is still a statement
    "The failure by our developers to test the patch took the kiosk app down.",
    "The decision by the admins to skip the dry run lost the archive.",
]


@pytest.mark.parametrize("heading", ["Summary", "Impact"])
@pytest.mark.parametrize("sentence", CONDUCT + ASIDES + MENTIONS)
def test_conduct_asides_and_mentions_are_no_impact(
    lint_text: LintFn, sentence: str, heading: str
) -> None:
    assert _pm401(lint_text, sentence, heading) == []


@pytest.mark.parametrize("heading", ["Summary", "Impact"])
@pytest.mark.parametrize("sentence", STAY)
def test_harm_to_readers_and_quoted_complaints_stay(
    lint_text: LintFn, sentence: str, heading: str
) -> None:
    assert _pm401(lint_text, sentence, heading), sentence


def test_a_lesson_item_that_quotes_a_wording_is_no_impact(lint_text: LintFn) -> None:
    text = (
        "# Print outage\n\n## Lessons\n\n"
        '- A spooler that "handles lots of jobs" has a limit, and we should know it.\n'
        '- Saying the pool "serves a lot of connections" tells nobody the limit.\n'
    )
    assert [d for d in lint_text(text, select=["PM401"]).diagnostics] == []
