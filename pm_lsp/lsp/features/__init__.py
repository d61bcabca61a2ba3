"""What the server answers: one module per group of LSP methods, each listing ``FEATURES``.

* :mod:`.lifecycle`: ``initialize``, ``initialized``, ``shutdown``
* :mod:`.documents`: document sync (open, change, save, close)
* :mod:`.diagnostics`: pull diagnostics (push goes out after each analysis)
* :mod:`.workspace`: settings, workspace folders, watched config files
* :mod:`.code_actions`: quick fixes, "Disable for this line/file", fix-all
* :mod:`.language`: hover, outline, completion

Handlers are module-level functions taking the server (``ls``, a
:class:`~pm_lsp.lsp.server_state.PmLanguageServer`) and the request's params.
"""

from __future__ import annotations

from pm_lsp.lsp.features import (
    code_actions,
    diagnostics,
    documents,
    language,
    lifecycle,
    workspace,
)
from pm_lsp.lsp.features.registration import Feature
from pm_lsp.lsp.protocol import INVALID_PARAMS, answer_unreadable

FEATURES: tuple[Feature, ...] = (
    *lifecycle.FEATURES,
    *documents.FEATURES,
    *diagnostics.FEATURES,
    *workspace.FEATURES,
    *code_actions.FEATURES,
    *language.FEATURES,
    Feature(INVALID_PARAMS, answer_unreadable),
)
