"""Verdicts on people that carry no listed judgment word, read in one document (PM104,
PM106).

Mock praise aimed at whoever made a call that skipped a safeguard, or skipped it ("Top marks
to whoever decided the load test was optional"); a decision called past belief, asked of
people ("how could anybody believe it was safe to ...?"); a change made and not checked,
asked of anyone at all ("who upgrades ... and then doesn't watch ...?"); unfamiliarity
asserted with a stance adverb ("was plainly not on top of ..."); a party written off whole
("the crew were hopeless"); knowledge held as a charge ("knew full well"); a better person
held up after the lapse ("..., which any competent DBA would have done"); a reminder of duty
as the outcome. Each look-alike beside it stays clean. Every sentence here is written for
this file."""

from __future__ import annotations

from conftest import LintFn, findings_by_paragraph

_JUDGED = {
    "Top marks to whoever decided the load test was optional this quarter.": (
        "PM106 Top marks to whoever decided the load test was optional"
    ),
    "Bravo to whoever forgot to renew the signing token.": ("PM106 Bravo to whoever forgot"),
    "How could the vendor possibly think that was acceptable for a payments API?": (
        "PM106 How could the vendor possibly think that was acceptable"
    ),
    "Who upgrades a driver on a Friday and then doesn't watch the graphs?": (
        "PM106 Who upgrades a driver on a Friday and then doesn't watch"
    ),
    "The approver was plainly not on top of the release calendar.": (
        "PM104 was plainly not on top of"
    ),
    "By the second day the relief crew were hopeless.": ("PM104 hopeless"),
    "The contractor knew full well that the importer does not lock rows.": ("PM104 knew full well"),
    "The shift lead restarted both nodes, which any competent DBA would have avoided.": (
        "PM104 which any competent DBA would have avoided"
    ),
    "The signer has now been reminded of her duties under the payments policy.": (
        "PM104 has now been reminded of her duties"
    ),
}

_CLEAN = [
    "Great job to whoever decided to add the canary; it saved us an hour.",
    "Kudos to whoever noticed the skipped migration step during the drill.",
    "Thanks to whoever wrote the restore runbook last spring.",
    "How could we have known that the vendor had changed the limit?",
    "The new approver was not on top of the release calendar yet, because nobody had shown "
    "it to her.",
    "The tooling was hopeless at showing replication lag.",
    "Retrying the upload was useless because the token had expired.",
    "We knew full well that the window was tight, and we chose to go ahead.",
    "A seasoned operator would have done likewise; the guide said to reboot.",
    "The shift lead rebooted the pair, which a seasoned operator would have done too.",
    "Customers were reminded of the new cut-off time by email.",
]


def test_verdicts_without_judgment_words(lint_text: LintFn) -> None:
    # one section per sentence: a run of questions in one section is read as asking
    found = findings_by_paragraph(
        lint_text,
        [(f"Note {i}", [s]) for i, s in enumerate([*_JUDGED, *_CLEAN])],
        ("PM104", "PM106"),
    )
    for sentence, finding in _JUDGED.items():
        assert found[sentence] == [finding], (sentence, found[sentence])
    assert {s: f for s, f in found.items() if s in _CLEAN and f} == {}
