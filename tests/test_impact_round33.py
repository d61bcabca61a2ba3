"""PM401, PM403 and PM603 on the classes blind round 33 found (fix helper imp33). Every
sentence here is written for this file.

2. PM403: the losses counted, or a zero of them, in the words of goods as well as data
   ("14 cases of jam were discarded", "0 refunds were duplicated or lost", the count in
   brackets after the verb, a counted subject whose second verb is the loss) count as the
   data-loss statement; time or work lost, people, jobs and a year before an article do not.
"""

from __future__ import annotations

from conftest import LintFn

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
