"""Document URIs through the real server: whatever the spelling, one document, and answers
that name it as the client did.

Clients percent-encode differently (VS Code encodes ``:`` of a drive letter, spaces, ``#``,
``%`` and every non-ASCII byte); the server must find the document under any spelling and
publish diagnostics, outline and edits under the client's own.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from lsp_fixtures.helpers import lsp_session
from lsprotocol import types as T

from pm_lsp.lsp.uris import canonical, to_path

pytestmark = [pytest.mark.filterwarnings("error::pytest_lsp.LspSpecificationWarning")]

TEXT = "# Queue backlog\n\n## Summary\n\nThe queue backed up for a while.\n"


def _file_uri(path: str) -> str:
    """A ``file:`` URI encoded the way VS Code writes one."""
    return "file://" + quote(path, safe="/")


def _uris(tmp_path: Path) -> list[str]:
    odd = tmp_path / "post mortems" / "#12 100% été 東京"
    odd.mkdir(parents=True)
    long_dir = "/".join(["segment-of-a-very-long-path"] * 12)
    return [
        _file_uri(str(odd / "incident review.md")),  # space, #, %, non-ASCII, CJK
        "file:///C%3A/Users/Ana/Post%20Mortems/outage.md",  # VS Code on Windows
        "file:///D:/Notes/second%20outage.md",  # another client on Windows
        _file_uri(f"{tmp_path}/{long_dir}/{'x' * 200}.md"),  # a very long path
        "untitled:Untitled-1",
    ]


def test_canonical_keys_agree_across_spellings() -> None:
    same = [
        "file:///c%3A/Users/Ana/a%20b.md",
        "file:///C:/Users/Ana/a b.md",
        "file:///C%3a/Users/Ana/a%20b.md",
        "file://localhost/c:/Users/Ana/a%20b.md",
    ]
    assert len({canonical(u) for u in same}) == 1
    # "#" and "%" in a file name stay part of the name, distinct from each other
    assert canonical("file:///a/%23b.md") != canonical("file:///a/%25b.md")
    assert to_path("file:///a/%23b%20c%25.md") == Path("/a/#b c%.md")
    assert to_path("untitled:Untitled-1") is None


async def test_every_spelling_gets_diagnostics_outline_and_code_actions(tmp_path: Path) -> None:
    uris = _uris(tmp_path)
    async with lsp_session() as s:
        for uri in uris:
            s.open(uri, TEXT)
        for uri in uris:
            published = await s.wait_published(uri, 1)
            assert published.diagnostics, uri
            symbols = await s.client.text_document_document_symbol_async(
                T.DocumentSymbolParams(text_document=T.TextDocumentIdentifier(uri=uri))
            )
            assert symbols, uri
            assert all(
                getattr(sym, "location", None) is None or sym.location.uri == uri for sym in symbols
            )
            hover = await s.client.text_document_hover_async(
                T.HoverParams(
                    text_document=T.TextDocumentIdentifier(uri=uri),
                    position=published.diagnostics[0].range.start,
                )
            )
            assert hover is not None, uri
        # nothing was ever published under another spelling
        assert {p.uri for p in s.published} == set(uris)


async def test_a_differently_spelt_request_finds_the_open_document() -> None:
    async with lsp_session() as s:
        s.open("file:///C%3A/Users/Ana/Post%20Mortems/outage.md", TEXT)
        await s.wait_published("file:///C%3A/Users/Ana/Post%20Mortems/outage.md", 1)
        symbols = await s.client.text_document_document_symbol_async(
            T.DocumentSymbolParams(
                text_document=T.TextDocumentIdentifier(
                    uri="file:///c:/Users/Ana/Post Mortems/outage.md"
                )
            )
        )
        assert symbols


async def test_after_a_configuration_change_diagnostics_go_to_the_clients_uri(
    tmp_path: Path,
) -> None:
    uri = _uris(tmp_path)[0]
    async with lsp_session(init_options={"pmLint": {}}) as s:
        s.open(uri, TEXT)
        first = await s.wait_published(uri, 1)
        codes = {d.code for d in first.diagnostics}
        ignored = sorted(str(c) for c in codes)[0]
        count = len(s.published)
        s.client.workspace_did_change_configuration(
            T.DidChangeConfigurationParams(settings={"pmLint": {"ignore": [ignored]}})
        )
        for _ in range(100):
            if len(s.published) > count:
                break
            await s.changed.wait()
            s.changed.clear()
        after = s.published[count:]
        assert after and all(p.uri == uri for p in after)
        assert ignored not in {d.code for d in after[-1].diagnostics}
