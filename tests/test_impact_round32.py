"""PM401 and PM301 on the classes blind round 32 found (fix helper imp32). Every sentence
here is written for this file.

1. How people found out: a verb of finding out with people as its subject and a clause of
   time ("the porters found out when the lifts stopped") tells how the incident was
   found; a thing failing in that clause is the sign they noticed, not a claim of whom the
   incident reached. People failing in it, a clause joined to it that shares its subject,
   and a clause of what they found ("noticed that their pay was wrong") are read as before.
"""

from __future__ import annotations

from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack


def _doc(section: str, sentence: str) -> str:
    return f"# Depot outage\n\n## {section}\n\n{sentence}\n"


def _flagged(lint_text: LintFn, section: str, sentence: str, code: str = "PM401") -> list[str]:
    text = _doc(section, sentence)
    return [text[d.start : d.end] for d in lint_text(text, select=[code]).diagnostics]


# -- class 1: how people found out -----------------------------------------------------------


def test_the_moment_people_found_out_is_no_impact_claim(lint_text: LintFn) -> None:
    for section, sentence in (
        ("Detection", "The passengers first noticed when the platform screens were blank."),
        ("Detection", "Our riders noticed when the map would not refresh."),
        ("How we found out", "Commuters found out when the ticket gates didn't open."),
        ("Detection", "The tenants realised once the lobby door was broken."),
        ("Impact", "Teachers only realized after the gradebook was unavailable."),
        ("Detection", "Couriers discovered when their scanners were unavailable."),
        ("Detection", "Shoppers learned when the basket page was down."),
    ):
        assert _flagged(lint_text, section, sentence) == [], sentence


def test_harm_beside_the_moment_people_found_out_is_still_read(lint_text: LintFn) -> None:
    for section, sentence, phrase in (
        ("Impact", "Many porters could not get the trolleys to the wards.", "Many porters"),
        (
            "Impact",
            "Couriers found out when the depot gates jammed and could not load their vans.",
            "Couriers found out",
        ),
        ("Detection", "Guests found out when they could not unlock their rooms.", "Guests"),
        ("Impact", "Drivers noticed that their pay slips were wrong.", "Drivers noticed"),
        (
            "Impact",
            "Porters could not reach the wards when the goods lift didn't respond.",
            "Porters could not",
        ),
        (
            "Detection",
            "Shoppers found out when checkout failed, and many could not pay.",
            "many",
        ),
    ):
        got = _flagged(lint_text, section, sentence)
        assert len(got) == 1 and got[0].startswith(phrase), (sentence, got)


def test_every_finding_out_word_is_read(lint_text: LintFn) -> None:
    pack = builtin_pack()
    past = {"find out": "found out", "spot": "spotted"}
    sentences = [
        f"The nurses {past.get(verb, verb.rstrip('e') + 'ed')} when their badges didn't work."
        for verb in pack.words("impact", "finding-out-verbs")
    ] + [
        f"The nurses found out {moment} their badges didn't work."
        for moment in pack.words("impact", "finding-out-moments")
    ]
    for sentence in sentences:
        assert _flagged(lint_text, "Detection", sentence) == [], sentence
