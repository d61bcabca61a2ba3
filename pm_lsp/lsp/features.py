"""Editor features beyond diagnostics: code actions, hover, symbols, completion."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pm_lsp.lsp.app import PmLanguageServer


def register(server: PmLanguageServer) -> None:
    """Register the feature handlers on ``server``."""
