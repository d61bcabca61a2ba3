"""The chunk-local placement check equals the whole-document one.

:mod:`pm_lsp.suppression.placement` tests whether a comment placement keeps the Markdown's block
structure on the heading-delimited chunk that holds it (see ``_Checker``), instead of
re-reading the whole document. Here every kind of placement the planner tries (a comment
above a line, with the quote or list prefix, a bracket around a table or a top-level block,
a file-level directive) is tried at many lines of the fixtures and corpus documents, in LF
and CRLF, and the local verdict must equal the whole-document verdict every time.
"""

from __future__ import annotations

import random

import pytest
from conftest import CORPUS, FIXTURES

from pm_lsp.parse.markdown import parse
from pm_lsp.rules.spec import Edit
from pm_lsp.suppression.placement import (
    _ITEM_PREFIX,
    _QUOTE_PREFIX,
    _Checker,
    _checker,
    bracket,
    comment_above,
    disable_file,
)


def _documents() -> list[str]:
    paths = sorted(FIXTURES.rglob("*.md"))
    if CORPUS.is_dir():
        paths += sorted(CORPUS.glob("*.md"))[:20]
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    return texts + [t.replace("\n", "\r\n") for t in texts[:10]]


@pytest.mark.slow  # random edits of every fixture and 20 corpus documents: ~10 s
def test_local_check_equals_whole_check(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(9)
    compared = differ = locals_ = comment_checks = 0
    fallbacks: list[int] = []
    whole = _Checker._whole_keeps

    def counted(self: _Checker, edits: list[Edit]) -> bool:
        fallbacks.append(1)
        return whole(self, edits)

    monkeypatch.setattr(_Checker, "_whole_keeps", counted)
    for text in _documents():
        doc = parse(text)
        check = _checker(doc)
        idx = doc.lines
        lines = list(range(idx.line_count))
        for line in rng.sample(lines, min(25, len(lines))):
            lt = idx.line_text(line)
            prefixes = [None, _QUOTE_PREFIX.match(lt).group(0)]  # type: ignore[union-attr]
            item = _ITEM_PREFIX.match(lt)
            if item is not None:
                prefixes.append("".join(ch if ch in ">\t" else " " for ch in item.group(0)))
            for prefix in prefixes:
                edits = [comment_above(text, idx, line, ["PM401"], prefix)]
                before = len(fallbacks)
                local = check.keeps_structure(edits)
                local_only = len(fallbacks) == before
                assert local == whole(check, edits), (line, prefix, text[:60])
                locals_ += local_only
                compared += 1
                comment_checks += 1
                differ += not local
        for first, last in check.top[:15]:
            for prefix in (None, ""):
                edits = bracket(text, doc, first, last, ["PM301"], prefix)
                assert check.keeps_structure(edits) == whole(check, edits)
                compared += 1
        edits = disable_file(text, doc, ["PM201"])
        assert check.keeps_structure(edits) == whole(check, edits)
    # both verdicts occur, and most were reached on the chunk alone: not vacuous
    assert compared > 1000 and 0 < differ < compared
    assert locals_ > 0.8 * comment_checks
