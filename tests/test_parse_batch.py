"""One parse batch per lint: every family's candidate sentences go through one ``nlp.pipe``
call, and the findings are the ones each rule gives on its own."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import LintFn

from pm_lsp.engine import LintInput, enabled_rules, lint, lint_many
from pm_lsp.nlp.pipeline import NLP, Deferred
from pm_lsp.policy.config import Settings, resolve

ROOT = Path(__file__).resolve().parent.parent

#: written for this test: blame, vague actions, vague impact and entities in one document
DOCUMENT = """# Incident: checkout errors after the cache migration

**Date**: 2024-03-09
**Authors**: Dana Reyes
**Status**: Draft
**Severity**: SEV2
**Duration**: 47 minutes

## Executive Summary

Marcus forgot to warm the new cache cluster before the cutover, so checkout requests timed
out for a while. Some customers were affected.

## Impact

Many users saw errors and the business lost some revenue.

## Root Cause Analysis

The migration script skipped the warm-up step because Priya misread the runbook. The
on-call engineer ignored the first alert.

## Action Items

- Improve monitoring.
- Be more careful with migrations.
- Add a warm-up check to the cutover script (owner: @dana, due 2024-04-01, OPS-412)
"""


#: written for this test: sentences that blame a change made in the sentence before them,
#: whose judgment needs that sentence parsed first (``pm_lsp.rules.blame.antecedent``)
POINTING_BACK = (
    DOCUMENT
    + """
## Contributing Factors

Our intern made a change to the DNS zone. That change led to hours of failed lookups.

Kwame edited the load balancer rules on Friday. This edit caused the health checks to fail.
"""
)


@pytest.mark.parametrize("text", [DOCUMENT, POINTING_BACK], ids=["plain", "pointing-back"])
def test_one_batch_for_all_families(nlp: NLP, text: str) -> None:
    config = resolve([Settings()])
    fresh = nlp.sibling()
    result = lint(text, config, nlp=fresh)
    codes = {d.code[:3] for d in result.diagnostics}
    assert {"PM1", "PM3", "PM4"} <= codes  # blame, actions and impact all parsed something
    assert fresh.parsed_texts > 5
    # one pipeline batch; entities are added in passes of their own (ner_calls)
    assert fresh.pipe_calls == 1, fresh.pipe_calls


def test_a_change_pointed_back_at_is_judged_from_the_one_batch(nlp: NLP) -> None:
    """Blame stops for the sentence before "That change ..." (its maker is the agent): the
    sentences it judges afterwards are noted with it, not parsed in a second batch, and
    the pointing-back sentences are still found."""
    config = resolve([Settings()])
    fresh = nlp.sibling()
    found = lint(POINTING_BACK, config, nlp=fresh).diagnostics
    blamed = {POINTING_BACK[d.start : d.end] for d in found if d.code.startswith("PM1")}
    assert any("That change" in t for t in blamed), blamed
    assert any("This edit" in t for t in blamed), blamed
    assert fresh.pipe_calls == 1, fresh.pipe_calls


@pytest.mark.parametrize("text", [DOCUMENT, POINTING_BACK], ids=["plain", "pointing-back"])
def test_the_batch_changes_no_finding(nlp: NLP, text: str) -> None:
    """The lint with the batch gives what each rule gives when it runs alone (with its own
    fresh caches, so it parses for itself)."""
    config = resolve([Settings()])
    together = lint(text, config, nlp=nlp.sibling()).diagnostics
    alone = []
    for r in enabled_rules(config, None):
        alone.extend(lint(text, config, nlp=nlp.sibling(), rules=[r]).diagnostics)
    key = lambda d: (d.start, d.end, d.code, d.message)  # noqa: E731
    assert sorted(together, key=key) == sorted(alone, key=key)


def test_documents_linted_together_share_one_batch(nlp: NLP) -> None:
    """``lint_many`` (the command line's groups of files) parses what all the documents
    need in one batch, and each result is that document's own lint."""
    config = resolve([Settings()])
    other = DOCUMENT.replace("Marcus", "Keiko").replace("Priya", "Omar")
    other += "\nThe on-call engineer missed the page because the pager app crashed.\n"
    fresh = nlp.sibling()
    together = lint_many([LintInput(DOCUMENT, config), LintInput(other, config)], nlp=fresh)
    assert fresh.pipe_calls == 1, fresh.pipe_calls
    alone = [lint(t, config, nlp=nlp.sibling()).diagnostics for t in (DOCUMENT, other)]
    assert [r.diagnostics for r in together] == alone


def test_collecting_defers_only_what_is_not_cached(nlp: NLP) -> None:
    fresh = nlp.sibling()
    fresh.parse("The deploy failed.", entities=False)
    with fresh.collecting() as pending:
        assert fresh.parse("The deploy failed.", entities=False).text == "The deploy failed."
        with pytest.raises(Deferred):
            fresh.parse_many(["The deploy failed.", "Dana rolled it back."], entities=False)
        with pytest.raises(Deferred):
            fresh.parse("The deploy failed.", entities=True)  # cached, but no entities yet
    assert list(pending.plain) == ["Dana rolled it back."]
    assert list(pending.with_entities) == ["The deploy failed."]
    before = fresh.pipe_calls, fresh.ner_calls
    fresh.parse_pending(pending)
    assert (fresh.pipe_calls, fresh.ner_calls) == (before[0] + 1, before[1] + 1)
    assert fresh.parse("The deploy failed.", entities=True).has_annotation("ENT_IOB")
    fresh.parse("Dana rolled it back.", entities=False)
    assert (fresh.pipe_calls, fresh.ner_calls) == (before[0] + 1, before[1] + 1)  # all cached


def test_a_shared_analysis_is_built_once_while_its_parse_waits(nlp: NLP) -> None:
    """The seven blame rules share one analysis. In the collecting pass only the first
    asker builds it (it stops at the parse; the others stop at once, without redoing its
    selection), it is built once more after the batch, and its selection of candidate
    sentences is made only once."""
    from pm_lsp.rules.blame import checks as blame_checks

    calls: list[str] = []
    real_hits, real_units = blame_checks._hits, blame_checks._units

    def hits(*args: object) -> object:
        calls.append("hits")
        return real_hits(*args)  # type: ignore[arg-type]

    def units(*args: object) -> object:
        calls.append("units")
        return real_units(*args)  # type: ignore[arg-type]

    fresh = nlp.sibling()
    blame_checks._hits, blame_checks._units = hits, units  # type: ignore[assignment]
    try:
        result = lint(DOCUMENT, resolve([Settings()]), nlp=fresh)
    finally:
        blame_checks._hits, blame_checks._units = real_hits, real_units
    assert any(d.code.startswith("PM1") for d in result.diagnostics)
    assert calls == ["hits", "units", "hits"], calls


@pytest.mark.slow  # 2,500 paragraphs linted: ~5 s
def test_a_big_document_keeps_its_first_pass_entries(nlp: NLP) -> None:
    """A document whose sentences hold more text than a memo table's bound: the second pass
    of the lint finds the first pass's prefilter verdicts (no prefilter runs twice), and
    the tables are trimmed back to their bounds when the lint ends."""
    from pm_lsp import cache
    from pm_lsp.rules.impact import checks as impact_checks

    paragraphs = [
        f"Paragraph {i} says the queue number {i} drained slowly while workers restarted "
        f"and the backlog of batch {i * 7} grew for a while before it recovered."
        for i in range(2500)
    ]
    big = DOCUMENT + "\n## Timeline notes\n\n" + "\n\n".join(paragraphs) + "\n"
    assert len(big) > 1.4 * cache.MEMO_CHARS  # most tables' bound is passed, and well
    calls: list[tuple[str, str]] = []
    real = impact_checks.may_be_vague

    def counted(text: str, lex: object, *, where: str) -> bool:
        calls.append((text, where))
        return real(text, lex, where=where)  # type: ignore[arg-type]

    fresh = nlp.sibling()
    impact_checks.may_be_vague = counted  # type: ignore[assignment]
    try:
        lint(big, resolve([Settings()]), nlp=fresh)
    finally:
        impact_checks.may_be_vague = real
    assert len(calls) > 2500
    assert len(calls) == len(set(calls)), "a sentence went through the prefilter twice"
    assert not cache.held()
    for name, (size, _hits, _misses) in fresh.memos.stats().items():
        table = fresh.memo(name)
        assert table._chars <= table._limit or size == 1, name  # each table its own bound


def test_expect_notes_without_stopping(nlp: NLP) -> None:
    """``expect`` notes what is not parsed yet for the batch and lets the caller go on;
    outside a collecting pass it parses nothing."""
    fresh = nlp.sibling()
    fresh.parse("The deploy failed.", entities=False)
    fresh.expect(["The pager stayed silent."], entities=False)
    assert fresh.parsed_texts == 1
    with fresh.collecting() as pending:
        fresh.expect(["The deploy failed.", "The pager stayed silent."], entities=False)
        fresh.expect(["Ines paged the database team."], entities=True)
    assert list(pending.plain) == ["The pager stayed silent."]
    assert list(pending.with_entities) == ["Ines paged the database team."]


def test_a_parse_keeps_the_text_it_was_made_from(nlp: NLP) -> None:
    """``text_of`` answers with the parsed string itself (spaCy rebuilds ``Doc.text`` from
    the tokens on each read): the same text, for batches, single parses and docs made
    elsewhere, emoji, tabs and trailing spaces included."""
    from pm_lsp.nlp.pipeline import text_of

    fresh = nlp.sibling()
    texts = ["Kim rolled back the deploy. ", "Latency\trose 😀 for 12 minutes.", "x"]
    for text, parsed in zip(texts, fresh.parse_many(texts, entities=False), strict=True):
        assert text_of(parsed) == parsed.text == text
        assert text_of(parsed) is text  # kept, not rebuilt
    elsewhere = nlp.load()("Made directly.")
    assert text_of(elsewhere) == "Made directly."


def test_a_text_too_long_to_be_a_sentence_is_parsed_as_empty(nlp: NLP) -> None:
    """A "sentence" longer than MAX_PARSE_CHARS (a paragraph run on without a full stop, or
    hostile input) gets the empty parse: spaCy refuses a million characters and needs about
    a gigabyte per 100,000, and no rule can read such a text anyway."""
    from pm_lsp.nlp.pipeline import MAX_PARSE_CHARS, parseable

    long = "the job failed and the outage went on " * (MAX_PARSE_CHARS // 30)
    assert len(long) > MAX_PARSE_CHARS
    assert parseable(["short one", long]) == ["short one", ""]
    docs = nlp.parse_many(["The disk filled.", long, "x " * 600_000])
    assert [len(d) for d in docs[1:]] == [0, 0] and len(docs[0]) == 4


@pytest.mark.slow
def test_a_megabyte_run_on_impact_sentence_is_linted_without_a_crash(lint_text: LintFn) -> None:
    """The run-on sentence reaches the impact family's judge (it names an outage in a
    Summary); it is reported as a long sentence and crashes no rule (it was PM003)."""
    text = "# T\n\n## Summary\n\n" + "the job failed and the outage happened then " * 23_000
    codes = {d.code for d in lint_text(text).diagnostics}
    assert "PM003" not in codes and "PM601" in codes
