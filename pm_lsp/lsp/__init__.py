"""The language server's implementation; :mod:`pm_lsp.lsp.server` is the entry point.

Kept apart from the entry point so ``pm-lsp --version`` answers without importing pygls or
spaCy.
"""
