"""The server's hand-written diagnostic JSON equals lsprotocol's converter output.

``publishDiagnostics`` skips the converter (see :func:`pm_lsp.lsp.convert.diagnostic_json`),
so this holds the two together on every diagnostic the fixture postmortems produce, in each
position encoding, with and without fixes and rule data, plus the fields pm-lint never sets.
"""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES, LintFn
from lsprotocol import types as T
from lsprotocol.converters import get_converter

from pm_lsp.lsp.convert import Positions, diagnostic_json, to_lsp_all
from pm_lsp.model.positions import Encoding

CONVERTER = get_converter()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-32"])
def test_equal_to_the_converter_on_every_fixture(lint_text: LintFn, encoding: Encoding) -> None:
    seen = 0
    kinds: set[str] = set()
    for path in sorted(FIXTURES.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        result = lint_text(text)
        for ld in to_lsp_all(result.diagnostics, Positions(result.doc.lines, encoding), 7):
            mine = diagnostic_json(ld)
            assert mine == CONVERTER.unstructure(ld, T.Diagnostic)
            # and it is JSON the way pygls writes it
            assert json.loads(json.dumps(mine)) == mine
            seen += 1
            if isinstance(ld.data, dict):
                kinds.update(k for k in ("fix", "rule") if k in ld.data)
    assert seen > 100 and kinds == {"fix", "rule"}


def test_fields_pm_lint_never_sets_go_through_the_converter() -> None:
    rng = T.Range(start=T.Position(line=0, character=1), end=T.Position(line=2, character=0))
    d = T.Diagnostic(
        range=rng,
        message="m",
        tags=[T.DiagnosticTag.Unnecessary],
        related_information=[
            T.DiagnosticRelatedInformation(
                location=T.Location(uri="file:///x.md", range=rng), message="r"
            )
        ],
    )
    assert diagnostic_json(d) == CONVERTER.unstructure(d, T.Diagnostic)
    bare = T.Diagnostic(range=rng, message="only a message")
    assert diagnostic_json(bare) == CONVERTER.unstructure(bare, T.Diagnostic)
