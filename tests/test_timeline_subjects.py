"""Who the subject of a recovery phrase is. "Worked again", "is working again" and their
kin tell the end of the impact when the system is their subject ("the export worked again
at 10:00"); with people as the subject they tell that someone was back at work ("Ana worked
again at 10:00", "the night shift worked again from 02:00"), which is no mitigation. People
are the pack's ``people`` words (pronouns, roles, crews) and given names, as the blame rules
read them (less the products named like people). Sentences are written for these tests.
"""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from pm_lsp.parse.markdown import parse
from pm_lsp.policy.config import Settings, resolve
from pm_lsp.policy.rulepack import builtin_pack
from pm_lsp.rules.timeline.model import timeline_of, words

HERE = FIXTURES / "timeline"


def _milestones(event: str) -> frozenset[str]:
    return words(builtin_pack()).classify(event)


# -- "worked again": the system's recovery, not people back at work ---------------------------


@pytest.mark.parametrize(
    "event",
    [
        "the export worked again at 10:00",
        "The badge readers worked normally again",
        "Moodle is working again for all students",
        "The print queue works again",
        "Worked again after the cache flush",
        "Ana's laptop worked again",  # a thing of hers
        "Staff logins worked again",
    ],
)
def test_a_system_that_works_again_is_mitigation(event: str) -> None:
    assert "mitigation" in _milestones(event)


@pytest.mark.parametrize(
    "event",
    [
        "Ana worked again at 10:00",
        "the night shift worked again from 02:00",
        "Priya Lindqvist worked again from the office",
        "The contractors worked again from 09:00",
        "we're working normally again after the drill",
        "Dr Mensah is working again in ward 4",
        "Tomasz works again from the backup site",
        "The ward nurses worked normally again",
    ],
)
def test_people_back_at_work_are_no_mitigation(event: str) -> None:
    assert "mitigation" not in _milestones(event)


def test_every_people_word_is_read_as_people() -> None:
    people = builtin_pack().family("timeline")["milestones"]["people"]
    assert people
    titles = {"dr", "mr", "mrs", "ms", "mx", "prof"}  # read before a surname
    for word in people:
        subject = f"{word.capitalize()} Mensah" if word in titles else word
        assert "mitigation" not in _milestones(f"{subject} worked again at 10:00"), word
    assert "mitigation" in _milestones("the scanner worked again at 10:00")


def test_only_the_system_ends_the_impact_in_a_timeline() -> None:
    cfg = resolve([Settings()])
    text = (HERE / "people-at-work.md").read_text(encoding="utf-8")
    tl = timeline_of(parse(text, cfg.template), cfg.pack, cfg.template)
    ended = [e.event for e in tl.entries if "mitigation" in e.milestones]
    assert ended == ["The badge readers worked normally again"]
    assert tl.metrics.time_to_mitigate is not None
    assert tl.metrics.time_to_mitigate.total_seconds() / 60 == 95  # 08:05 -> 09:40
