"""One parse batch per lint: every family's candidate sentences go through one ``nlp.pipe``
call, and the findings are the ones each rule gives on its own."""

from __future__ import annotations

from pathlib import Path

import pytest

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


def test_one_batch_for_all_families(nlp: NLP) -> None:
    config = resolve([Settings()])
    fresh = nlp.sibling()
    result = lint(DOCUMENT, config, nlp=fresh)
    codes = {d.code[:3] for d in result.diagnostics}
    assert {"PM1", "PM3", "PM4"} <= codes  # blame, actions and impact all parsed something
    assert fresh.parsed_texts > 5
    # one pipeline batch; entities are added in passes of their own (ner_calls)
    assert fresh.pipe_calls == 1, fresh.pipe_calls


def test_the_batch_changes_no_finding(nlp: NLP) -> None:
    """The lint with the batch gives what each rule gives when it runs alone (with its own
    fresh caches, so it parses for itself)."""
    config = resolve([Settings()])
    together = lint(DOCUMENT, config, nlp=nlp.sibling()).diagnostics
    alone = []
    for r in enabled_rules(config, None):
        alone.extend(lint(DOCUMENT, config, nlp=nlp.sibling(), rules=[r]).diagnostics)
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
