-- pm-lsp for Neovim >= 0.11: the language server for incident postmortems in Markdown.
--
-- With this directory on 'runtimepath', enable it with:
--
--   vim.lsp.enable('pm_lsp')
--
-- and override any field with vim.lsp.config('pm_lsp', { ... }), for example a virtualenv's
-- server: cmd = { vim.fn.getcwd() .. '/.venv/bin/pm-lsp' }. The server reads the project's
-- .pm-lint.toml (or [tool.pm-lint] in pyproject.toml) itself, exactly as `pm-lint` does in
-- CI; `settings.pmLint` (the same keys in camelCase, e.g. { ignore = { 'PM6' } }) overrides
-- it for this editor only.

---@type vim.lsp.Config
return {
  cmd = { 'pm-lsp' },
  filetypes = { 'markdown' },
  -- Searched upwards from the file in this order: a pm-lint config file marks the project
  -- root before a pyproject.toml, and a pyproject.toml before the repository root.
  root_markers = { '.pm-lint.toml', 'pyproject.toml', '.git' },
}
