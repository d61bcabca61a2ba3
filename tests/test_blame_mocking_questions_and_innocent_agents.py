"""Questions that mock instead of asking (PM106, info), and two look-alikes of blame that
name people doing their work.

* Incredulity that anyone could do a thing and miss it ("how did somebody ... and never
  check ...?"), work put off to the end asked about ("why was X left until the last
  minute?"), and a bare "Who knew?" after a plain fact. A thing's question, a how-to, a
  question that asks who, and any of them answered next stay clean.
* A kind of worker set against the machine as the "by" agent of its job ("posts taken
  down by human moderators") is no person picked out as a cause (PM101); one of them
  picked out, or a harm, still is.
* An instruction reported to let people pass ("told the door staff to wave them through")
  is no verdict (PM104); waving work through, or being told to, still is.

One lint per test; each mocking question sits after a plain statement and before one, so
no neighbour makes it one of a list. Every sentence here is written for this file."""

from __future__ import annotations

from conftest import LintFn, findings_by_paragraph

_PLAIN = "The graphs stayed flat until the morning."

#: (paragraph, the PM106 span)
_MOCKING = [
    (
        "The rule reached all regions at 21:40. How does anyone push a firewall rule "
        "everywhere at once and not notice?",
        "How does anyone push a firewall rule everywhere at once and not notice",
    ),
    (
        "The share was renamed on Friday. How could somebody rename a live share and never "
        "check who mounts it?",
        "How could somebody rename a live share and never check",
    ),
    (
        "The licence was renewed on the day it lapsed. Why was the renewal left until the "
        "last minute?",
        "Why was the renewal left until the last minute",
    ),
    (
        "Why did the billing group leave the cutover to the very last day?",
        "Why did the billing group leave the cutover to the very last day",
    ),
    (
        "It turns out a token minted to last a year stops working after a year. Who knew?",
        "Who knew?",
    ),
    ("The disk filled at exactly the quota we configured. Who could have guessed?", None),
]

_ASKING = [
    "The scheduler chose a tainted node. How does the scheduler pick a node and not notice "
    "the taint?",
    "How do you ship a new build and not drop traffic? We switch between two pools.",
    "Why was the job left in the queue overnight?",
    "Why was the migration left until the last week? The driver only shipped on the 28th.",
    "Who knew about the expiry before Monday?",
    "Who knew? Only the vendor, whose notice went to a retired alias.",
]


def _between_plain(paragraphs: list[str]) -> list[str]:
    out = [_PLAIN]
    for p in paragraphs:
        out += [p, _PLAIN]
    return out


def test_mocking_questions_are_tone(lint_text: LintFn) -> None:
    found = findings_by_paragraph(
        lint_text, [("Root cause", _between_plain([p for p, _ in _MOCKING]))]
    )
    for paragraph, span in _MOCKING:
        codes = [f.split(" ", 1)[0] for f in found[paragraph]]
        assert codes == ["PM106"], (paragraph, found[paragraph])
        if span is not None:
            assert found[paragraph] == [f"PM106 {span}"], (paragraph, found[paragraph])


def test_questions_that_ask_stay_clean(lint_text: LintFn) -> None:
    found = findings_by_paragraph(lint_text, [("Root cause", _between_plain(_ASKING))])
    assert {p: f for p, f in found.items() if f} == {}


_WORKER_KINDS = [
    "- 1,870 of those posts were later removed by human moderators as spam.",
    "Of the flagged listings, 640 were deleted by human reviewers after the sweep.",
    "- 52 accounts were purged by human reviewers once the fraud was confirmed.",
]

_PICKED_OUT = [
    ("The customer table was deleted by a human operator.", "PM101 by a human operator"),
    (
        "The orders table was deleted by the human operators on shift.",
        "PM101 by the human operators",
    ),
    (
        "The routing config was broken by a human reviewer who skipped the diff.",
        "PM101 by a human reviewer who skipped the diff",
    ),
    ("The ledger table was removed by Tomasz.", "PM101 by Tomasz"),
]


def test_a_kind_of_worker_doing_its_job_is_no_cause(lint_text: LintFn) -> None:
    found = findings_by_paragraph(
        lint_text,
        [("Impact", _WORKER_KINDS), ("Root cause", [p for p, _ in _PICKED_OUT])],
    )
    assert {p: found[p] for p in _WORKER_KINDS if found[p]} == {}
    for paragraph, finding in _PICKED_OUT:
        assert finding in found[paragraph], (paragraph, found[paragraph])


_TOLD_TO_PASS = [
    "- 09:12 The shift lead tells the door staff to wave them through and note each badge.",
    "- 09:20 The duty manager asked the stewards to wave the fans through at gate C.",
]

_WAVED_WORK = [
    ("The release lead told the approvers to wave the migration through.", "PM104 wave"),
    ("The release lead told the approvers to wave it through before the freeze.", "PM104 wave"),
    ("Mirela read the change and waved it through.", "PM104 waved"),
]


def test_an_instruction_to_let_people_pass_is_no_verdict(lint_text: LintFn) -> None:
    found = findings_by_paragraph(
        lint_text,
        [("Timeline", _TOLD_TO_PASS), ("Contributing factors", [p for p, _ in _WAVED_WORK])],
    )
    assert {p: found[p] for p in _TOLD_TO_PASS if found[p]} == {}
    for paragraph, start in _WAVED_WORK:
        assert any(f.startswith(start) for f in found[paragraph]), (paragraph, found[paragraph])


def test_crlf_and_wide_text(lint_text: LintFn) -> None:
    text = (
        "# 証明書\n\n## Root cause\n\n🔐 The key expired on the date printed on it. Who knew?\n"
    ).replace("\n", "\r\n")
    diags = lint_text(text, select=["PM1"]).diagnostics
    assert [(d.code, text[d.start : d.end]) for d in diags] == [("PM106", "Who knew?")]
