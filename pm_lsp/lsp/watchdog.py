"""Exit when the editor that started the server is gone (pygls has no such check).

``initialize`` names the client's process id; an editor that crashes never sends
``exit``, and a server left behind would keep its spaCy model in memory for nothing.
"""

from __future__ import annotations

import asyncio
import logging
import os

log = logging.getLogger("pm_lsp.lsp.server")

#: seconds between two looks at the parent process
INTERVAL_S = 5


def watch_parent(pid: int | None) -> asyncio.Task[None] | None:
    """Start watching ``pid`` on the running loop; None when there is nothing to watch."""
    if not pid or pid == os.getpid():
        return None
    return asyncio.get_running_loop().create_task(_watch(pid))


async def _watch(pid: int) -> None:
    while True:
        await asyncio.sleep(INTERVAL_S)
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            log.warning("parent process %d is gone; exiting", pid)
            os._exit(1)
        except PermissionError:
            pass
