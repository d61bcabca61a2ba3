"""Where the package's data lives: the built-in ``rules/`` and ``models/``.

Its own module, with nothing but the standard library's ``os``, because the daemon's client
(:mod:`pm_lsp.cli.daemon.place`) fingerprints these folders on every run and must start in
milliseconds, before anything heavier is imported."""

from __future__ import annotations

import os
from pathlib import Path


def data_root() -> str:
    """The folder holding ``rules/`` and ``models/``: inside the wheel (``pm_lsp/_data``) or
    the checkout's root."""
    here = os.path.dirname(os.path.abspath(__file__))  # the pm_lsp package
    bundled = os.path.join(here, "_data")
    if os.path.isdir(os.path.join(bundled, "rules")):
        return bundled
    return os.path.dirname(here)


def data_dir() -> Path:
    """:func:`data_root` as a path."""
    return Path(data_root()).resolve()
