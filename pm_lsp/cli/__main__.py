"""``python -m pm_lsp.cli``: the same as the ``pm-lint`` script."""

from pm_lsp.cli import main

raise SystemExit(main())
