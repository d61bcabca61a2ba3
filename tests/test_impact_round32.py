"""PM401 and PM403 on the classes blind round 32 found (fix helper imp32). Every sentence
here is written for this file.

1. How people found out: a verb of finding out with people as its subject and a clause of
   time ("the porters found out when the lifts stopped") tells how the incident was
   found; a thing failing in that clause is the sign they noticed, not a claim of whom the
   incident reached. People failing in it, a clause joined to it that shares its subject,
   and a clause of what they found ("noticed that their pay was wrong") are read as before.
2. A statement that introduces the numbers: a sentence that points at what follows it
   ("in the table below", "as follows", a closing colon), its paragraph followed directly
   by a table or list whose rows (at least half) state amounts, is given its numbers
   there. No pointer, no amounts in what follows, or something else between (a paragraph,
   a heading) and it is judged as before.
4. Vague harm in common phrasings: a grade word on standing with others ("considerable
   goodwill"), a vague count of feedback told with upset ("lots of angry posts",
   ``upset-adjectives``), an endless time ("took forever", "took ages"); "considerable
   effort went into the fix" (the responders' work), "lots of ideas", "lots of posts about
   the new icon" and "took 47 minutes" stay clean.
5. PM403: integrity denied outright counts as the data-loss statement ("nothing was
   compromised", "no records were affected", "no patient records were touched"); people or
   things that are not stored ("no customers were affected", "no alarms were affected")
   and a question still open ("whether nothing was compromised") do not.
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
        f"The porters {past.get(verb, verb.rstrip('e') + 'ed')} when the lifts stopped answering."
        for verb in pack.words("impact", "finding-out-verbs")
    ] + [
        f"The porters found out {moment} the lifts stopped answering."
        for moment in pack.words("impact", "finding-out-moments")
    ]
    for sentence in sentences:
        assert _flagged(lint_text, "Detection", sentence) == [], sentence


# -- class 2: a sentence that introduces a table or list of numbers --------------------------

_TABLE = "| Station | Minutes dark | Boardings |\n|---|---|---|\n| North | 30 | 1,200 |\n"
_BARE_TABLE = "| Station | Line |\n|---|---|\n| North | Red |\n| Quay Road | Blue |\n"


def _findings(lint_text: LintFn, body: str) -> list[str]:
    text = f"# Ferry outage\n\n## Impact\n\n{body}"
    return [text[d.start : d.end] for d in lint_text(text, select=["PM401"]).diagnostics]


def test_a_statement_whose_numbers_follow_in_a_table_or_list_is_quantified(
    lint_text: LintFn,
) -> None:
    for body in (
        "Commuters at the stations below could not see arrival times.\n\n" + _TABLE,
        "The table below lists the platforms where departure screens froze during the "
        "outage.\n\n" + _TABLE,
        "Riders who could not book, by district, follow:\n\n- Harbour: 412 riders\n"
        "- Old Town: 230 riders\n- Hillside: 95 riders\n",
        "The branches affected are listed below, with the members each turned away.\n\n"
        "1. Elm Street turned away 120 members.\n2. Canal Side turned away 64 members.\n",
        "Patients at these clinics could not check in:\n\n| Clinic | Turned away |\n"
        "|---|---|\n| Westgate | 88 |\n| Mill Lane | 41 |\n",
    ):
        assert _findings(lint_text, body) == [], body


def test_a_statement_with_no_numbers_right_after_it_is_still_judged(
    lint_text: LintFn,
) -> None:
    claim = "Commuters at the stations below could not see arrival times."
    for body in (
        claim + "\n",
        claim + "\n\n" + _BARE_TABLE,  # the table gives no amounts
        claim + "\n\nMost platforms stayed dark.\n\n" + _TABLE,  # not directly after
        claim + "\n\n## Timeline\n\n| Time | Event |\n|---|---|\n| 09:10 UTC | 3 dark |\n",
        "Commuters at these stations could not see arrival times:\n\n- North, by the coast"
        "\n- Quay Road, by the ferry\n",
        "Riders in the districts could not book a trip.\n\n" + _TABLE,  # points at nothing
    ):
        assert _findings(lint_text, body) != [], body


def test_every_pointer_below_is_read(lint_text: LintFn) -> None:
    frames = {
        "below": "Commuters at the stations below could not see arrival times.",
        "as follows": "The commuters who could not see arrival times were as follows.",
        "the following": "Commuters at the following stations could not see arrival times.",
        "follow": "The stations where commuters could not see arrival times follow.",
        "listed here": "Commuters could not see arrival times at the stations listed here.",
        "set out here": "Commuters could not see arrival times at the stations set out here.",
        "tabulated here": "Commuters could not see arrival times at the stations tabulated here.",
    }
    for pointer in builtin_pack().words("impact", "pointers-below"):
        sentence = frames[pointer]
        assert _findings(lint_text, sentence + "\n") != [], sentence
        assert _findings(lint_text, sentence + "\n\n" + _TABLE) == [], sentence


# -- class 4: vague harm in common phrasings -------------------------------------------------


def test_vague_harm_in_common_phrasings_is_flagged(lint_text: LintFn) -> None:
    for section, sentence, phrase in (
        ("Impact", "We lost considerable goodwill with our subscribers.", "considerable"),
        ("Impact", "We lost considerable goodwill among our oldest subscribers.", "considerable"),
        ("Impact", "There were lots of angry posts on the forum.", "lots of angry posts"),
        ("Impact", "Many furious replies piled up under the announcement.", "Many"),
        ("Impact", "Some scathing reviews appeared on the app store.", "Some"),
        ("Impact", "The clean-up took forever to sort out.", "took forever"),
        ("Discussion", "Frankly, the whole mess took ages to untangle.", "took ages"),
        ("Impact", "Support ended up with a mountain of tickets.", "a mountain of"),
        ("Impact", "We received heaps of complaints from tenants.", "heaps of"),
    ):
        got = _flagged(lint_text, section, sentence)
        assert len(got) == 1 and got[0].startswith(phrase), (sentence, got)


def test_look_alikes_of_vague_harm_stay_clean(lint_text: LintFn) -> None:
    for section, sentence in (
        ("Impact", "Lots of ideas were discussed at the review."),
        ("Impact", "Considerable effort went into the fix."),
        ("Impact", "The clean-up took 47 minutes to sort out."),
        ("Impact", "A mountain of logs had to be read before the cause was clear."),
        ("Impact", "Heaps of suggestions came out of the retrospective."),
        ("Impact", "We put considerable care into the migration plan."),
        ("Impact", "Lots of posts about the new icon appeared on the forum."),
        ("Impact", "Many helpful comments came in from members."),
        ("Discussion", "The import takes forever on large files, as designed."),
    ):
        assert _flagged(lint_text, section, sentence) == [], sentence


def test_every_upset_adjective_is_read(lint_text: LintFn) -> None:
    for word in builtin_pack().words("impact", "upset-adjectives"):
        sentence = f"Lots of {word} posts appeared on the forum."
        got = _flagged(lint_text, "Impact", sentence)
        assert got == [f"Lots of {word} posts"], (sentence, got)


# -- class 5: PM403, integrity denied outright -----------------------------------------------


def _data_loss_asked(lint_text: LintFn, sentence: str) -> bool:
    text = (
        "# Door outage\n\n## Impact\n\n63 staff could not open ward doors from 02:14 to "
        f"05:52 UTC. {sentence}\n"
    )
    return bool(lint_text(text, select=["PM403"]).diagnostics)


def test_integrity_denied_outright_says_nothing_was_lost(lint_text: LintFn) -> None:
    for sentence in (
        "In short: the archive contents were fine and nothing was compromised.",
        "Nothing in the vault was compromised.",
        "No records were affected.",
        "No patient records were touched.",
        "No badge data has been affected.",
    ):
        assert not _data_loss_asked(lint_text, sentence), sentence


def test_people_or_an_open_question_are_no_data_loss_statement(lint_text: LintFn) -> None:
    for sentence in (
        "No customers were affected after 05:52.",
        "No trains were affected.",
        "No alarms were affected.",
        "We do not yet know whether nothing was compromised.",
        "The door controller was compromised by a bad update.",
    ):
        assert _data_loss_asked(lint_text, sentence), sentence
