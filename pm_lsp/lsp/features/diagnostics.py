"""Pull diagnostics: ``textDocument/diagnostic`` and ``workspace/diagnostic``.

Clients with pull support (``textDocument.diagnostic``) ask instead of being told: each
answer waits for a pending analysis so it is fresh, and says "unchanged" when the client
already has this result. After each analysis such clients get a
``workspace/diagnostic/refresh`` (see :meth:`~pm_lsp.lsp.server_state.PmLanguageServer.deliver`);
other clients get ``publishDiagnostics``.
"""

from __future__ import annotations

from lsprotocol import types as T

from pm_lsp.lsp.features.registration import Feature
from pm_lsp.lsp.server_state import PmLanguageServer


async def document_diagnostic(
    ls: PmLanguageServer, params: T.DocumentDiagnosticParams
) -> T.DocumentDiagnosticReport:
    res = await ls.scheduler.fresh(params.text_document.uri)
    if res is None:
        return T.RelatedFullDocumentDiagnosticReport(items=[])
    if params.previous_result_id == res.result_id:
        return T.RelatedUnchangedDocumentDiagnosticReport(result_id=res.result_id)
    return T.RelatedFullDocumentDiagnosticReport(items=res.lsp, result_id=res.result_id)


async def workspace_diagnostic(
    ls: PmLanguageServer, params: T.WorkspaceDiagnosticParams
) -> T.WorkspaceDiagnosticReport:
    previous = {p.uri: p.value for p in params.previous_result_ids or []}
    items: list[T.WorkspaceDocumentDiagnosticReport] = []
    for uri in ls.open_uris():
        res = await ls.scheduler.fresh(uri)
        if res is None:
            continue
        if previous.get(uri) == res.result_id:
            items.append(
                T.WorkspaceUnchangedDocumentDiagnosticReport(
                    uri=ls.client_uri(uri), version=res.version, result_id=res.result_id
                )
            )
        else:
            items.append(
                T.WorkspaceFullDocumentDiagnosticReport(
                    uri=ls.client_uri(uri),
                    version=res.version,
                    items=res.lsp,
                    result_id=res.result_id,
                )
            )
    return T.WorkspaceDiagnosticReport(items=items)


FEATURES = (
    Feature(
        T.TEXT_DOCUMENT_DIAGNOSTIC,
        document_diagnostic,
        T.DiagnosticOptions(
            identifier="pm-lint", inter_file_dependencies=False, workspace_diagnostics=True
        ),
    ),
    Feature(T.WORKSPACE_DIAGNOSTIC, workspace_diagnostic),
)
