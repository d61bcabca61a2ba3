"""PM401, PM403 and PM603 on the classes blind round 33 found (fix helper imp33). Every
sentence here is written for this file.

1. PM401: a people noun that names a program or a machine identity (``machine-senses``),
   by a compound of a kind of software ("the SQL client", "the service account",
   ``machine-kinds``) or by a relative clause of what a program does ("the validator that
   parses the manifests", ``machine-acts``), is a part of the system in a cause sentence,
   not people reached; nor is what that clause names ("orders" in "validators that check
   incoming orders"). An effect noun set aside by "not a" ("a gap in the rota, not a failure
   of one engineer") states no harm, nor does an inability only in a quoted message
   ('saw the screen "We could not load your recipe'). People compounds ("customer accounts"), people
   themselves and vague amounts stay read.
2. PM403: the losses counted, or a zero of them, in the words of goods as well as data
   ("14 cases of jam were discarded", "0 refunds were duplicated or lost", the count in
   brackets after the verb, a counted subject whose second verb is the loss) count as the
   data-loss statement; time or work lost, people, jobs and a year before an article do not.
"""

from __future__ import annotations

from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack

# -- class 1: PM401, programs named by people nouns; harm set aside -------------------------


def _flagged(lint_text: LintFn, section: str, sentence: str) -> list[str]:
    text = f"# Bakery line stop\n\n## {section}\n\n{sentence}\n"
    return [text[d.start : d.end] for d in lint_text(text, select=["PM401"]).diagnostics]


def test_programs_named_by_people_nouns_are_no_people_reached(lint_text: LintFn) -> None:
    for section, sentence in (
        ("Root cause", "The build robot's service account lost its write permission."),
        (
            "Contributing factors",
            "The SQL client has no connect timeout, so stuck calls held every worker thread "
            "until the queue was full.",
        ),
        (
            "Root cause",
            "The schema validator that parses the manifests ignored the missing field "
            "because it only checks the types.",
        ),
        (
            "Contributing factors",
            "Validators that check incoming orders skipped the missing field.",
        ),
        (
            "Root cause",
            "The lapse came from a rota nobody owned, not a failure of any single baker.",
        ),
        ("Why it happened", "It was a gap in our checklist, not a failure by one person."),
        ("Timeline", 'Bakers get the screen "We could not load your recipe.'),
    ):
        assert _flagged(lint_text, section, sentence) == [], sentence


def test_people_and_vague_amounts_beside_programs_stay_read(lint_text: LintFn) -> None:
    for section, sentence, phrase in (
        (
            "Root cause",
            "Customer accounts lost their saved cards when the migration ran.",
            "Customer",
        ),
        (
            "Root cause",
            "The customers could not log in because the token expired.",
            "The customers",
        ),
        (
            "Contributing factors",
            "Many users lost their drafts when the editor crashed.",
            "Many users",
        ),
        ("Root cause", "Some client accounts were locked when the policy changed.", "Some client"),
        (
            "Root cause",
            "This was a failure of the rota, and many users could not pay.",
            "many users",
        ),
        ("Root cause", "Validators missed several blocks after the upgrade.", "several blocks"),
        ("Timeline", 'Customers could not log in and saw "Try again".', ""),
    ):
        got = _flagged(lint_text, section, sentence)
        assert len(got) == 1 and got[0].startswith(phrase), (sentence, got)


def _as_written(kind: str) -> str:
    if kind in ("sql", "ldap", "api", "http", "grpc", "dns", "ssh", "smtp", "db"):
        return kind.upper()
    return kind.capitalize() if kind in ("kafka", "redis", "kubernetes") else kind


def _third_person(verb: str) -> str:
    if verb.endswith("y"):
        return verb[:-1] + "ies"
    return verb + ("es" if verb.endswith(("s", "h", "x")) else "s")


def test_machine_words_are_read(lint_text: LintFn) -> None:
    pack = builtin_pack()
    for kind in pack.words("impact", "machine-kinds"):
        sentence = f"The {_as_written(kind)} account lost its write permission."
        assert _flagged(lint_text, "Root cause", sentence) == [], kind
    for act in pack.words("impact", "machine-acts"):
        sentence = f"The agent that {_third_person(act)} the files lost its write permission."
        assert _flagged(lint_text, "Root cause", sentence) == [], act
    for sense in pack.words("impact", "machine-senses"):
        sentence = f"The service {sense} lost its write permission."
        assert _flagged(lint_text, "Root cause", sentence) == [], sense


# -- class 2: PM403, losses counted in the domain's own words ---------------------------------


def _data_loss_asked(lint_text: LintFn, sentence: str) -> bool:
    text = (
        "# Bakery line stop\n\n## Impact\n\nThe proofing line stood still from 06:05 to "
        f"07:40 UTC. {sentence}\n"
    )
    return bool(lint_text(text, select=["PM403"]).diagnostics)


def test_counted_losses_of_goods_or_a_zero_say_what_was_lost(lint_text: LintFn) -> None:
    for sentence in (
        "In all, 640 loaves were scrapped.",
        "14 cases of jam were discarded at the end of the shift.",
        "0 refunds were duplicated or lost.",
        "EUR 900 in flour was written off.",
        "Zero trays of dough were thrown away.",
        "No stock was scrapped.",
        "Three racks cooled too far and were binned (420 rolls).",
        "2 trolleys of croissants passed their hold time and were discarded.",
    ):
        assert not _data_loss_asked(lint_text, sentence), sentence


def test_time_people_or_a_date_are_no_loss_statement(lint_text: LintFn) -> None:
    for sentence in (
        "45 minutes were lost to the restart.",
        "3 hours of baking were lost.",
        "2 customers were lost to a rival bakery.",
        "In 2023 the old ovens were scrapped.",
        "The first batch plan was discarded.",
        "12 jobs were lost in the queue.",
    ):
        assert _data_loss_asked(lint_text, sentence), sentence
