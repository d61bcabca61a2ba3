"""An object standing in a memo key by identity.

A template is a plain (unhashable) dataclass, never changed once built (:mod:`pm_lsp.cache`:
"a pack, a template ... stands in a key by identity"), and the blame rules' per-part memo
keys hold the one they read. The wrapper holds the object, so that its ``id`` cannot be
taken by another object while the key lives. (The per-document analyses have the same
wrapper in :mod:`pm_lsp.cache`, private there.)
"""

from __future__ import annotations


class Same:
    """``obj`` in a key, by identity."""

    __slots__ = ("obj",)

    def __init__(self, obj: object) -> None:
        self.obj = obj

    def __hash__(self) -> int:
        return id(self.obj)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Same) and other.obj is self.obj
