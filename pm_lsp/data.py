"""Where the package's data lives (the built-in ``rules/`` and ``models/``), and what its
files are now.

Its own module, with nothing but the standard library's ``os``, because the daemon's client
(:mod:`pm_lsp.cli.daemon.place`) fingerprints these folders on every run and must start in
milliseconds, before anything heavier is imported; the result cache
(:func:`pm_lsp.diskcache.code_fingerprint`) fingerprints the package the same way."""

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


def tree_stamps(root: str, suffixes: tuple[str, ...] | None = None) -> list[tuple[str, int, int]]:
    """``(name relative to root, size, mtime in ns)`` of every file below ``root`` (or of
    those whose names end with one of ``suffixes``), sorted by name. Compiled-code caches
    (``__pycache__``) are left out: they change with every interpreter that imports the
    package. Files that vanish or cannot be read while walked are left out too."""
    out: list[tuple[str, int, int]] = []
    stack = [root]
    while stack:
        top = stack.pop()
        try:
            entries = list(os.scandir(top))
        except OSError:
            continue
        for e in entries:
            if e.name == "__pycache__":
                continue
            try:
                if e.is_dir(follow_symlinks=False):
                    stack.append(e.path)
                    continue
                if suffixes is not None and not e.name.endswith(suffixes):
                    continue
                st = e.stat()
            except OSError:
                continue
            out.append((os.path.relpath(e.path, root), st.st_size, st.st_mtime_ns))
    return sorted(out)
