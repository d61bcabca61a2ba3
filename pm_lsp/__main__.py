"""``python -m pm_lsp``: run the language server (same as the ``pm-lsp`` script)."""

from pm_lsp.lsp.server import main

raise SystemExit(main())
