"""PM401 on what a sentence supposes, judges or tests rather than states (classes a blind
test found: a case planned for, a status a program took to be so, a leak that is a bug,
a statistical test's verdict), each beside look-alikes in the same shape that state impact
and stay reported. Every sentence here is written for this file."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from conftest import LintFn

from pm_lsp.policy.rulepack import builtin_pack


def _reported(lint_text: LintFn, lines: Sequence[str], heading: str = "Impact") -> list[str]:
    """The lines PM401 reports when each stands as its own paragraph under ``heading``."""
    text = f"# Portal incident\n\n## {heading}\n\n" + "\n\n".join(lines) + "\n"
    diags = lint_text(text, select=["PM401"]).diagnostics
    by_line = dict(enumerate(text.splitlines(), start=1))
    return sorted({by_line[text.count("\n", 0, d.start) + 1] for d in diags}, key=lines.index)


def test_a_case_supposed_under_if_is_no_harm(lint_text: LintFn) -> None:
    """An effect in a clause of condition is a case planned for or feared ("whom to call if
    the queue went down"); "when" tells a fact, and an "if" that asks whether (after
    ``whether-words``) is about harm that may have happened (PM402 asks about it)."""
    clean = [
        "We had no pager route to a person in the office, and we had never practised what "
        "to do if the booking portal failed during opening hours.",
        "Nobody on the rota knew whom to call if the ticket queue went down.",
        "The runbook tells the on-call engineer to page the database lead if replication stops.",
        "The checklist asks the clerk to switch to paper forms unless the records system is "
        "available again within ten minutes.",
    ]
    harm = [
        "Nobody on the rota could reach the ticket queue while it was down.",
        "The storefront went down for shoppers.",
        "Customers could not pay if they used a saved card.",
    ]
    assert _reported(lint_text, clean + harm) == harm


def test_a_status_a_program_took_to_be_so_is_mechanism(lint_text: LintFn) -> None:
    """An effect word after "as" under a verb of judging (``labelling-verbs``: "saw the
    cache as unavailable") is what a program took to be so: how the fault worked."""
    clean = [
        "During the failover the checkout service saw the cache as unavailable and switched "
        "to the slow path.",
        "After the certificate rotation the proxy regarded every replica as down.",
        "The health checker considered the whole pool as dead.",
        "The client library deems a reset socket as failed and retries it.",
    ]
    harm = [
        "During the failover the checkout service was unavailable to shoppers.",
        "After the certificate rotation every replica was down for customers.",
    ]
    assert _reported(lint_text, clean + harm) == harm


@pytest.mark.parametrize(
    "verb", ["see", "regard", "consider", "deem", "view", "perceive", "interpret"]
)
def test_each_judging_verb_is_listed(verb: str) -> None:
    assert verb in builtin_pack().words("impact", "labelling-verbs")


def test_a_leak_that_is_a_bug_is_mechanism(lint_text: LintFn) -> None:
    """A resource leaking (``leaked-resources``), a leak handled as a defect
    (``defect-verbs``) or placed in the code is how the fault worked; data let out is harm."""
    clean = [
        "The leak sat in the session cleanup code, so restarting the gateway would not have "
        "freed the memory that had already leaked.",
        "Code review let a leak through, and we are fixing the review checklist.",
        "A handle leak in the uploader exhausted the file descriptors.",
        "Connections leaked from the pool over the weekend.",
        "We traced the leak to the thumbnail cache.",
    ]
    harm = [
        "The leak exposed customer email addresses.",
        "Customer records leaked to a public bucket.",
        "Session tokens leaked into the access logs.",
        "Passwords leaked from the staging database.",
    ]
    assert _reported(lint_text, clean + harm) == harm


def test_a_tests_verdict_is_no_size(lint_text: LintFn) -> None:
    """A "significant" said of a test's finding in a sentence about a test
    (``statistical-nouns``, ``statistical-cues``) is the test's verdict; said of harm, or
    with no test in the sentence, it stays a vague size."""
    clean = [
        "The A/B test was not significant overall but hid a significant subgroup effect.",
        "The experiment found a significant difference between the two variants.",
        "In the holdout cohort the correlation was significant at the usual threshold.",
    ]
    harm = [
        "The outage had a significant effect on sales.",
        "There was a significant drop in orders.",
        "Click-through fell, and the drop was statistically significant for new users.",
    ]
    assert _reported(lint_text, clean + harm) == harm


def test_a_broken_part_acted_on_is_mechanism(lint_text: LintFn) -> None:
    """An effect adjective on an internal part that a clause acts on through a preposition
    ("waits forever on a dead socket") tells how the fault worked; on a part people reach
    ("sent customers to a broken page") it is harm."""
    clean = [
        "The billing worker uses a client library that waits forever on a dead socket.",
        "The router pinned the checkout service to a dead node.",
        "The sync job kept writing to a corrupted staging table.",
    ]
    harm = [
        "The checkout service sent customers to a broken page.",
        "Shoppers were stuck on a broken payment page.",
    ]
    assert _reported(lint_text, clean + harm, heading="Root cause") == harm
