"""One handler registration: the LSP method, the handler, and the options it advertises.

Each module of :mod:`pm_lsp.lsp.features` lists its handlers in a ``FEATURES`` tuple, as a
rule family lists its rules in ``RULES``: what the server answers is read in one place, and
:func:`pm_lsp.lsp.app.build_server` registers the lot on a fresh server.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Feature:
    """``handler`` answers ``method``; ``options`` go into the server's capabilities."""

    method: str
    #: a module-level function ``(ls, params)``: pygls passes the server as ``ls``
    handler: Callable[..., Any]
    options: Any = None
