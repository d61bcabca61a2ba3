"""A configuration that cannot be looked up is one diagnostic on the document, through the
real server: never an analysis crash, never ``-32603`` to a pull request, and never a
failure for the other open documents.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lsp_fixtures.helpers import lsp_session
from lsprotocol import types as T

from pm_lsp.rules.meta import specs as meta_specs

pytestmark = [pytest.mark.filterwarnings("error::pytest_lsp.LspSpecificationWarning")]

TEXT = "# Disk full\n\n## Summary\n\nThe disk filled up and writes failed.\n"

PULL = T.ClientCapabilities(
    text_document=T.TextDocumentClientCapabilities(
        diagnostic=T.DiagnosticClientCapabilities(dynamic_registration=False)
    )
)


def _broken_configs(tmp_path: Path) -> dict[str, Path]:
    """name -> a document whose config lookup fails in that way."""
    cases: dict[str, Path] = {}
    not_utf8 = tmp_path / "not-utf8"
    not_utf8.mkdir()
    (not_utf8 / ".pm-lint.toml").write_bytes(b'ignore = ["PM2\xff"]\n')
    cases["not-utf8"] = not_utf8 / "incident.md"
    deep = tmp_path / "deep"
    deep.mkdir()
    (deep / ".pm-lint.toml").write_text("a = " + "[" * 5000 + "]" * 5000 + "\n")
    cases["deeply-nested"] = deep / "incident.md"
    cases["long-name"] = tmp_path / ("n" * 300) / "incident.md"
    cases["long-path"] = tmp_path.joinpath(*["d" * 200] * 25, "incident.md")
    return cases


async def test_each_broken_lookup_is_one_diagnostic_and_others_still_work(
    tmp_path: Path,
) -> None:
    cases = _broken_configs(tmp_path)
    good = (tmp_path / "fine" / "incident.md").as_uri()
    async with lsp_session(PULL) as s:
        for path in cases.values():
            s.open(path.as_uri(), TEXT)
        s.open(good, TEXT)
        for name, path in cases.items():
            report = await s.client.text_document_diagnostic_async(
                T.DocumentDiagnosticParams(
                    text_document=T.TextDocumentIdentifier(uri=path.as_uri())
                )
            )
            assert isinstance(report, T.RelatedFullDocumentDiagnosticReport), name
            assert [d.code for d in report.items] == [meta_specs.file_skipped.code], name
            assert "configuration" in report.items[0].message, name
        whole = await s.client.workspace_diagnostic_async(
            T.WorkspaceDiagnosticParams(previous_result_ids=[])
        )
        by_uri = {item.uri: item for item in whole.items}
        assert set(by_uri) == {p.as_uri() for p in cases.values()} | {good}
        fine = by_uri[good]
        assert isinstance(fine, T.WorkspaceFullDocumentDiagnosticReport)
        assert meta_specs.file_skipped.code not in {d.code for d in fine.items}
