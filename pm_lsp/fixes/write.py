"""Writing a fixed file back without harming it or what points at it.

``pm-lint --fix`` rewrites files people keep in git, behind symlinks, shared through hard
links, owned by someone else. The rules, in order:

- a symlink is followed and its target written (the link stays a link);
- a read-only file is refused, and so is a file that is gone or changed on disk since it
  was read (deleted mid-run: not recreated, up to the last step, where on Linux the
  temporary file and the target swap names atomically or not at all; edited mid-run: the
  edit is not overwritten);
- normally the new text goes to a temporary file in the target's own directory, gets the
  target's mode, owner and group, and replaces the target with ``os.replace``: an
  interrupted run leaves the old file or the new one, never half of each, and the temporary
  file is removed whatever happens: on an exception, on Ctrl-C, and on SIGTERM or SIGHUP
  (which would otherwise end the process without cleaning up). A run killed outright
  (SIGKILL) cannot clean up; its temporary file names its process, and the next run that
  writes the same file removes it once that process is gone;
- a file with several hard links, or whose owner or group this process cannot give a new
  file, is rewritten in place instead: a replacement would be a new file, splitting the
  links or changing the owner, and keeping the file's identity matters more there than
  atomicity.

Every failure is a :class:`WriteError` whose message is one line, for the CLI to print next
to the file's name; the run goes on with the other files.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import signal
import stat
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

#: ``.<name>.<pid>.<random>.pm-lint.tmp``: the pid says whether the run that made it is alive
_SUFFIX = ".pm-lint.tmp"


class WriteError(Exception):
    """A file was not written; ``str()`` is one line saying why."""


def write_atomic(
    path: Path, text: str, encoding: str = "utf-8", *, original: bytes | None = None
) -> None:
    """Replace the content of ``path`` (or of the file it links to) with ``text``.

    ``original``: the bytes the text was computed from; if the file no longer holds them,
    someone changed it during the run and it is not written.
    """
    data = text.encode(encoding)
    target = Path(os.path.realpath(path))
    try:
        st = target.stat()
    except FileNotFoundError:
        raise WriteError("the file was deleted during the run; not recreated") from None
    except OSError as exc:
        raise WriteError(f"cannot read the file's status: {exc.strerror or exc}") from None
    if not stat.S_ISREG(st.st_mode):
        raise WriteError("not a regular file; not written")
    if not st.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise WriteError("the file is read-only; not changed")
    if original is not None and _content(target) != original:
        raise WriteError("the file changed on disk during the run; not written")
    if st.st_nlink > 1 or not _can_give_owner(st):
        _write_in_place(target, data)
    else:
        _replace(target, data, st)


def _content(target: Path) -> bytes | None:
    try:
        return target.read_bytes()
    except OSError:
        return None


def _can_give_owner(st: os.stat_result) -> bool:
    """Whether a new file can get ``st``'s owner and group (root, or ours and our group)."""
    if os.geteuid() == 0:
        return True
    return st.st_uid == os.geteuid() and (st.st_gid == os.getegid() or st.st_gid in os.getgroups())


def _write_in_place(target: Path, data: bytes) -> None:
    try:
        with target.open("r+b") as fh:
            fh.write(data)
            fh.truncate()
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        raise WriteError(f"cannot write the file: {exc.strerror or exc}") from None


def _replace(target: Path, data: bytes, st: os.stat_result) -> None:
    directory = target.parent
    _remove_stale(directory, target.name)
    with _terminations_raise():
        prefix = f".{target.name}.{os.getpid()}."
        try:
            fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=_SUFFIX, dir=directory)
        except OSError as exc:
            raise WriteError(
                f"cannot create a file in {directory} ({exc.strerror or exc}); not written"
            ) from None
        except BaseException:  # a signal after the file was made, before its name came back
            _remove_own(directory, prefix)
            raise
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fchmod(fh.fileno(), stat.S_IMODE(st.st_mode))
                if (st.st_uid, st.st_gid) != (os.geteuid(), os.getegid()):
                    os.fchown(fh.fileno(), st.st_uid, st.st_gid)
                os.fsync(fh.fileno())
            _replace_existing(tmp, target)
        except BaseException as exc:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            if isinstance(exc, OSError):
                raise WriteError(f"cannot write the file: {exc.strerror or exc}") from None
            raise
    _sync_directory(directory)


#: ``renameat2(2)`` flag: swap two names atomically; fails if either is missing
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _replace_existing(tmp: str, target: Path) -> None:
    """Put ``tmp`` in ``target``'s place only if ``target`` still exists, so a file deleted
    during the run is never recreated. On Linux the names are exchanged atomically
    (``renameat2`` with ``RENAME_EXCHANGE``, which fails when the target is gone) and the
    old content, now under the temporary name, is removed; elsewhere, or where the file
    system cannot exchange, the check and the rename are two steps."""
    exchanged = _exchange(tmp, target)
    if exchanged is None:
        if not target.exists():
            raise WriteError("the file was deleted during the run; not recreated")
        os.replace(tmp, target)
    elif not exchanged:
        raise WriteError("the file was deleted during the run; not recreated")
    else:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _exchange(tmp: str, target: Path) -> bool | None:
    """True: exchanged; False: the target is gone; None: cannot exchange here."""
    rename = _renameat2()
    if rename is None:
        return None
    if rename(_AT_FDCWD, os.fsencode(tmp), _AT_FDCWD, os.fsencode(target), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err == errno.ENOENT:
        return False
    return None  # EINVAL, ENOSYS, EXDEV...: fall back


def _renameat2() -> Any:
    """libc's ``renameat2`` (glibc 2.28 and later), or None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return None
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    fn.restype = ctypes.c_int
    return fn


class Terminated(SystemExit):
    """SIGTERM or SIGHUP arrived while a temporary file existed: raised so that the file
    is removed, then the process exits as the signal would have it (128 + its number)."""

    def __init__(self, signum: int) -> None:
        super().__init__(128 + signum)


def _raise_terminated(signum: int, _frame: object) -> None:
    raise Terminated(signum)


@contextlib.contextmanager
def _terminations_raise() -> Iterator[None]:
    """While the block runs, SIGTERM and SIGHUP raise :class:`Terminated` instead of ending
    the process on the spot (handlers can only be set from the main thread; elsewhere the
    block runs as is)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    signums = [signal.SIGTERM, *([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])]
    previous = {n: signal.signal(n, _raise_terminated) for n in signums}
    try:
        yield
    finally:
        for n, handler in previous.items():
            signal.signal(n, handler)


def _remove_stale(directory: Path, name: str) -> None:
    """Remove temporary files for ``name`` left by runs killed outright (their process is
    gone); best effort, never an error."""
    prefix = f".{name}."
    with contextlib.suppress(OSError):
        for entry in os.scandir(directory):
            if not (entry.name.startswith(prefix) and entry.name.endswith(_SUFFIX)):
                continue
            pid = entry.name[len(prefix) :].split(".", 1)[0]
            if pid.isdigit() and not _alive(int(pid)):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _remove_own(directory: Path, prefix: str) -> None:
    """Remove this process's temporary files for one target (``prefix`` holds the pid), for
    when the name of the one just made never reached us."""
    with contextlib.suppress(OSError):
        for entry in os.scandir(directory):
            if entry.name.startswith(prefix) and entry.name.endswith(_SUFFIX):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process: alive
        return True
    return True


def _sync_directory(directory: Path) -> None:
    """Make the rename durable (best effort: not every platform can open a directory)."""
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
