"""Edit sessions for the memo tests: a document, a list of named edits, the texts in turn.

Every ``tests/test_memo*.py`` walks such a session through warm caches and compares each
step with a lint after ``clear_all`` (what a fresh process computes); the edits are what
differ from family to family, so they stay in each test file and only the walking and the
lint are here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from pm_lsp.engine import lint
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.policy.config import Settings, resolve, validate
from pm_lsp.rules.spec import Diagnostic, Rule

Edit = Callable[[str], str]


def replace_once(old: str, new: str) -> Edit:
    """An edit that replaces the first ``old`` (which must be there: an edit that does
    nothing would make its step vacuous) by ``new``."""

    def edit(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)

    return edit


def session(doc: str, edits: Sequence[tuple[str, Edit]], newline: str) -> Iterator[tuple[str, str]]:
    """``("original", doc)``, then each edit's name and the text after it (edits apply in
    turn), every text written with ``newline`` line breaks."""
    text = doc
    yield "original", text.replace("\n", newline)
    for what, edit in edits:
        text = edit(text)
        yield what, text.replace("\n", newline)


def lint_clean(
    text: str,
    nlp: NLP,
    settings: dict[str, Any] | None = None,
    rules: Sequence[Rule] | None = None,
) -> list[Diagnostic]:
    """The diagnostics of ``text`` under the defaults plus ``settings`` (keys as a config
    file writes them), from ``nlp``'s caches; no rule may have crashed."""
    result = lint(
        text, resolve([Settings(), validate(settings or {}, "test", None)]), nlp=nlp, rules=rules
    )
    assert result.errors == []
    return result.diagnostics
