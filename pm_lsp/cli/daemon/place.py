"""Where a daemon listens, and which daemon a client may talk to.

The socket lives in a folder only this user can enter (``$XDG_RUNTIME_DIR/pm-lint``, else
``/tmp/pm-lint-<uid>``); a folder that anyone else owns or can write to is refused, and
the command line then runs in-process. The socket's name holds a fingerprint of what the
daemon would run: the interpreter, and the name, size and modification time of every file
of the package and its data (rules, templates). A client of an upgraded or edited install
computes another name and never reaches a daemon running the old code; the old one exits
when it has been idle long enough.

Only the standard library's ``os`` and ``hashlib`` are used: this runs before every
``pm-lint --daemon`` call, and the whole point is a quick start.
"""

from __future__ import annotations

import hashlib
import os
import socket
import stat
import sys

from pm_lsp.data import data_root, tree_stamps

#: the folders of the data whose files the fingerprint covers (beside the package itself)
_DATA_FOLDERS = ("rules",)


def supported() -> bool:
    """Can a daemon run here? Unix sockets and process groups (not on Windows)."""
    return hasattr(socket, "AF_UNIX") and hasattr(os, "getuid") and sys.platform != "win32"


def folder() -> str | None:
    """The private folder for this user's sockets, created when missing; None when it is
    not private (owned by someone else, or open to others) or cannot be made."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isdir(runtime):
        path = os.path.join(runtime, "pm-lint")
    else:
        base = os.environ.get("TMPDIR") or "/tmp"
        path = os.path.join(base, f"pm-lint-{os.getuid()}")
    try:
        os.mkdir(path, 0o700)
    except FileExistsError:
        pass
    except OSError:
        return None
    try:
        st = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid() or st.st_mode & 0o077:
        return None
    return path


def fingerprint(roots: tuple[str, ...] | None = None) -> str:
    """A digest of the interpreter and of every file under ``roots`` (default: the package
    and its data folders): name, size and modification time, not contents."""
    digest = hashlib.sha256()
    digest.update(f"{sys.executable}\0{sys.version}\0".encode())
    for root in roots if roots is not None else _roots():
        for name, size, mtime in tree_stamps(root):
            digest.update(f"{name}\0{size}\0{mtime}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()[:20]


def socket_path(where: str, print_: str) -> str:
    return os.path.join(where, f"d-{print_}.sock")


def _roots() -> tuple[str, ...]:
    package = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    data = data_root()
    return (package, *(os.path.join(data, f) for f in _DATA_FOLDERS))
