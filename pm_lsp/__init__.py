"""pm-lsp: a writing linter and language server for incident postmortems."""

__version__ = "0.1.0"
