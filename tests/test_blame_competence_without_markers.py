"""Competence and attitude judged without the usual markers: knowing better than to do
something (``shortfall._compared`` no longer takes "better than to <verb>" for a
comparison), a lack of experience "needed to" act, an attitude of not taking something
seriously, freezing up (``paralysis-verbs``), a generic better person who "would never have
let" it happen, certainty after the fact ("was obviously going to fail"). Staffing and
training facts, a thing that froze, a change freeze, our own stance and plans, and a
mechanism that was going to fail stay clean. Each group is one document, so one lint per
test. Every sentence here is written for this file."""

from __future__ import annotations

from conftest import LintFn, findings_by_paragraph

#: (sentence, "CODE span" it must give)
_JUDGED = [
    (
        "A maintainer with ten years on the codebase should know better than to merge red builds.",
        "PM104 A maintainer with ten years on the codebase should know better",
    ),
    ("The vendor's engineers ought to know better than to skip the canary.", None),
    ("The hired fitter lacked the experience required to diagnose the signal relay.", None),
    (
        "The duty manager lacks the expertise required to run a failover.",
        "PM104 lacks the expertise required to",
    ),
    (
        "Some depot leads clearly don't take the paper fallback seriously.",
        "PM104 don't take the paper fallback seriously",
    ),
    ("The night desk plainly didn't take the first page seriously.", None),
    ("The contractor never takes our change calendar seriously.", None),
    ("The evening supervisors just froze instead of switching to manual tickets.", "PM104 froze"),
    ("When the siren went off, the shift operator simply froze.", "PM104 froze"),
    (
        "Anyone with real Postgres knowledge would never have let the standby drift that far.",
        "PM104 Anyone with real Postgres knowledge would never have let",
    ),
    ("Somebody with actual routing knowledge wouldn't have shipped that filter.", None),
    (
        "That patched-together job runner was obviously going to collapse at some point.",
        "PM105 was obviously going to collapse",
    ),
    ("The cutover plan was clearly bound to break sooner or later.", None),
]

_CLEAN = [
    "We should know better than to release on a holiday weekend.",
    "Our on-call engineers should know the pager tool better than the vendor does.",
    "We lacked the experience to judge the risk, and the training plan now covers it.",
    "The rota lacked the cover needed to staff the weekend.",
    "The new hire lacked the permissions needed to restart the job.",
    "We don't take flaky alerts seriously enough, and that has to change.",
    "We will take the fallback drill seriously from now on.",
    "The duty engineer did not take the page seriously because it had fired forty times that week.",
    "The label printer froze at 09:14 and the belt stopped.",
    "The dashboard just froze when the query ran.",
    "The release lead froze the branch at 18:00.",
    "Deploys were frozen by the release manager until Monday.",
    "Even someone with real Kafka experience would have missed this interaction.",
    "Anyone with admin access would have been able to restart the job.",
    "The retry was going to fail eventually because the token expired at midnight.",
    "Without backpressure the queue was inevitably going to fall over under that load.",
    "She had joined the depot two weeks earlier.",
    "The night shift had two operators instead of the usual three.",
]


def test_competence_and_attitude_judged_without_markers(lint_text: LintFn) -> None:
    found = findings_by_paragraph(lint_text, [("What happened", [s for s, _ in _JUDGED])])
    for sentence, finding in _JUDGED:
        assert found[sentence], sentence
        if finding is not None:
            assert finding in found[sentence], (sentence, found[sentence])


def test_facts_things_and_our_own_stay_clean(lint_text: LintFn) -> None:
    found = findings_by_paragraph(lint_text, [("What happened", _CLEAN)])
    assert {s: f for s, f in found.items() if f} == {}


def test_crlf_and_wide_text(lint_text: LintFn) -> None:
    text = "# 倉庫\n\n## What happened\n\n🚚 The night supervisor just froze.\n".replace(
        "\n", "\r\n"
    )
    diags = lint_text(text, select=["PM1"]).diagnostics
    assert [(d.code, text[d.start : d.end]) for d in diags] == [("PM104", "froze")]
