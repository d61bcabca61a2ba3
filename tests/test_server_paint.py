"""What the editor sees first, and that one document cannot hold up the others (real server).

* The rules that need no model are published at once for the opened document; then the
  spaCy model loads, with ``$/progress`` "Loading language model", and the full
  diagnostics of the same version follow.
* A huge document occupies one analysis thread: a small document opened after it gets its
  full diagnostics first, and the huge one gets an "analysis is slow" notice meanwhile.
"""

from __future__ import annotations

import asyncio
import random

import pytest
from lsp_fixtures.helpers import lsp_session
from lsprotocol import types as T

from pm_lsp.lsp.scheduling import BUDGET_VARIABLE
from pm_lsp.rules.meta import specs as meta_specs
from pm_lsp.rules.registry import all_rules

pytestmark = [pytest.mark.filterwarnings("error::pytest_lsp.LspSpecificationWarning")]

NLP_CODES = {r.code for r in all_rules() if r.spec.uses_nlp}
MODEL_FREE_CODES = {r.code for r in all_rules() if not r.spec.uses_nlp}

#: no metadata (model-free findings) and a blaming sentence (a finding that needs spaCy)
TEXT = (
    "# Login outage\n\n## Summary\n\n"
    "Kim forgot to renew the certificate, so logins failed for an hour.\n"
)

PROGRESS = T.ClientCapabilities(window=T.WindowClientCapabilities(work_done_progress=True))


def _codes(p: T.PublishDiagnosticsParams) -> set[str]:
    return {str(d.code) for d in p.diagnostics}


async def test_model_free_diagnostics_come_first_with_progress_then_the_full_ones() -> None:
    uri = "file:///tmp/pm-lsp-paint/first.md"
    async with lsp_session(PROGRESS, warm_up=False) as s:
        s.open(uri, TEXT)
        first = await s.wait_published(uri, 1)
        assert _codes(first) & MODEL_FREE_CODES
        assert not _codes(first) & NLP_CODES
        # the model load (and its progress) waits for the first paint: importing spaCy
        # would otherwise share the interpreter with it
        assert s.progress_at_publish[0] == 0
        for _ in range(200):
            mine = [p for p in s.published if p.uri == uri and p.version == 1]
            if _codes(mine[-1]) & NLP_CODES:
                break
            s.changed.clear()
            await asyncio.wait_for(s.changed.wait(), 600)
        full = [p for p in s.published if p.uri == uri and p.version == 1][-1]
        assert _codes(full) & NLP_CODES
        assert _codes(first) <= _codes(full)
        reports = [r for rs in s.client.progress_reports.values() for r in rs]
        begins = [r for r in reports if isinstance(r, T.WorkDoneProgressBegin)]
        assert [b.title for b in begins] == ["Loading language model"]
        assert isinstance(reports[-1], T.WorkDoneProgressEnd)


def _huge_document(words: int) -> str:
    rng = random.Random(5)
    vocab = [
        *[
            "the",
            "queue",
            "worker",
            "cache",
            "node",
            "retried",
            "failed",
            "slowed",
            "backed",
            "up",
            "after",
            "deploy",
        ],
        *[
            "while",
            "operators",
            "watched",
            "graphs",
            "and",
            "paged",
            "database",
            "owners",
            "who",
            "rolled",
            "back",
        ],
    ]
    paras = []
    for i in range(words // 60):
        sentences = [
            " ".join(rng.choice(vocab) for _ in range(12)).capitalize()
            + f" in step {i}, since the operator forgot the runbook."
            for _ in range(5)
        ]
        paras.append(" ".join(sentences))
    return "# Huge review\n\n## Summary\n\n" + "\n\n".join(paras) + "\n"


@pytest.mark.slow
async def test_a_huge_document_does_not_hold_up_a_small_one() -> None:
    huge_uri = "file:///tmp/pm-lsp-paint/huge.md"
    small_uri = "file:///tmp/pm-lsp-paint/small.md"
    # the notice after 1 s instead of 5 (the server reads PM_LSP_SLOW_NOTICE_S), so that a
    # document a fifth as long runs past it on a fast machine: every sentence names a
    # person's omission, and all of them are parsed (the part of a lint that stays slow;
    # 20,000 such words take ~10 s on the 2-core test machine)
    async with lsp_session(env={BUDGET_VARIABLE: "1"}) as s:
        s.open(huge_uri, _huge_document(20_000))
        s.open(small_uri, TEXT)
        small = await s.wait_published(small_uri, 1, timeout=120)
        assert _codes(small) & NLP_CODES  # the full analysis, not a first paint
        huge_done = [p for p in s.published if p.uri == huge_uri and p.diagnostics]
        assert not any(_codes(p) - {meta_specs.file_skipped.code} for p in huge_done), (
            "the huge document finished first: it is not huge enough to show anything"
        )

        def slow_notice(p: T.PublishDiagnosticsParams) -> bool:
            return p.uri == huge_uri and any("Analysis is slow" in d.message for d in p.diagnostics)

        for _ in range(1000):
            if any(slow_notice(p) for p in s.published):
                break
            s.changed.clear()
            await asyncio.wait_for(s.changed.wait(), 600)
        assert any(slow_notice(p) for p in s.published)
        for _ in range(1000):  # and the real diagnostics replace the notice
            last = [p for p in s.published if p.uri == huge_uri][-1]
            if not slow_notice(last):
                break
            s.changed.clear()
            await asyncio.wait_for(s.changed.wait(), 600)
        assert _codes(last) & MODEL_FREE_CODES


@pytest.mark.parametrize(("raw", "seconds"), [(None, 5.0), ("1", 1.0), ("0.5", 0.5)])
def test_the_slow_notice_waits_as_the_environment_says(
    raw: str | None, seconds: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pm_lsp.lsp import scheduling

    if raw is None:
        monkeypatch.delenv(BUDGET_VARIABLE, raising=False)
    else:
        monkeypatch.setenv(BUDGET_VARIABLE, raw)
    assert scheduling._budget() == seconds


@pytest.mark.parametrize("raw", ["", "soon", "0", "-2", "inf", "nan"])
def test_a_wrong_slow_notice_setting_keeps_the_default(
    raw: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pm_lsp.lsp import scheduling

    monkeypatch.setenv(BUDGET_VARIABLE, raw)
    assert scheduling._budget() == 5.0
