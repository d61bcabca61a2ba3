"""Who the subject of a recovery phrase is.

* "Worked again", "is working again" and their kin tell the end of the impact when the
  system is their subject ("the export worked again at 10:00"); with people as the subject
  they tell that someone was back at work ("Ana worked again at 10:00", "the night shift
  worked again from 02:00"), which is no mitigation. People are the pack's ``people`` words
  (pronouns, roles, crews) and given names, as the blame rules read them (less the products
  named like people).
* "Was back" told of a product by its name ("Moodle was back", "Jira back at 16:30") or of
  a part users reach ("the wiki was back for all staff") is the resolution; a problem back
  ("the errors were back", "Timeouts back at 14:50") or a person back ("Sam was back at
  14:30") is none.

Sentences are written for these tests.
"""

from __future__ import annotations

import pytest
from conftest import FIXTURES, LintFn

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


# -- "was back": a product or a service back, not a problem or a person -----------------------


@pytest.mark.parametrize(
    "event",
    [
        "Moodle was back",
        "At 14:20 Moodle was back for all students",
        "Jira back at 16:30",
        "Grafana is back up and serving dashboards",
        "Zendesk came back at 09:12",
        "The wiki was back for all staff at 11:05",
        "the intranet is back",
        "Checkout is back for everyone",
        "Ana's Moodle was back after the cache flush",
    ],
)
def test_a_product_back_is_resolution(event: str) -> None:
    assert "resolution" in _milestones(event)


@pytest.mark.parametrize(
    "event",
    [
        "the error was back",
        "the alerts were back",
        "Errors were back at 14:40",
        "Timeouts back at 14:50",
        "The DDoS was back at 15:10",
        "It was back at 14:30",
        "Sam was back at 14:30",
        "Dr Mensah was back at 09:10",
        "Ana Lindqvist back at 09:00",
        "Staff were back at 09:00",
        "Moodle was back briefly",
        "Moodle was back, but slow",
        "CPU was back at 95%",
        "Called Ana back at 14:30",
        "Scaled DB back to 3 replicas",
    ],
)
def test_a_problem_or_a_person_back_is_no_resolution(event: str) -> None:
    assert "resolution" not in _milestones(event)


def test_a_product_back_ends_the_impact(lint_text: LintFn) -> None:
    text = (HERE / "product-back.md").read_text(encoding="utf-8")
    cfg = resolve([Settings()])
    tl = timeline_of(parse(text, cfg.template), cfg.pack, cfg.template)
    resolved = [e.event for e in tl.entries if "resolution" in e.milestones]
    assert resolved == ["Moodle was back for all students", "Incident closed"]
    assert lint_text(text, select=["PM5"]).diagnostics == []  # 75 minutes agrees
    short = text.replace("**Duration:** 75 minutes", "**Duration:** 20 minutes")
    (d,) = lint_text(short, select=["PM5"]).diagnostics
    assert d.code == "PM503" and "to resolution 14:20" in d.message
