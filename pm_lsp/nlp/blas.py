"""Where the model's matrix products run: numpy's BLAS, one thread.

Most of a parse with the small English pipeline is matrix products: the shared
token-to-vector layer multiplies every token's window by 288 x 288 weights four times, and the
parser precomputes its features the same way. thinc does these products with the BLIS
library it ships; numpy's wheels ship OpenBLAS, which picks its kernels for the processor it
finds at run time (``threadpoolctl`` reports "SkylakeX" kernels on this project's 2-core
machine). There OpenBLAS does the same products in half the time. The
token-to-vector layer over a 50,000-word document's ~1,100 candidate sentences took 1.01 s
with BLIS and 0.49 s with OpenBLAS; the whole pipeline took 1.61 s and 0.93 s. The parses were
identical (tags, heads and labels of every token).

* :func:`model_ops` is where the pipeline is built: thinc gives every layer the backend that
  is current when the layer is made, so building it inside this block is enough. thinc's
  own switch does it (``NumpyOps(use_blis=False)``).
* :func:`one_thread` holds OpenBLAS to one thread for one batch. The matrices are small
  (a batch of sentences is ~1,000 rows). With a second thread the same batch took almost
  twice as long when the other core was busy: with a second ``--jobs`` worker, a test run,
  or the editor the language server serves. The host process's own setting is put back
  after the batch (``threadpoolctl``), so an application that imports the engine keeps its
  BLAS as it set it.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from typing import Any

_lock = threading.Lock()
_controller: Any = None


@contextlib.contextmanager
def model_ops() -> Iterator[None]:
    """Within this block, thinc layers are made with numpy's matrix products."""
    from thinc.api import use_ops

    with use_ops("numpy", use_blis=False):
        yield


def _blas() -> Any:
    """The BLAS libraries loaded in this process (found once, after numpy is imported)."""
    global _controller
    with _lock:
        if _controller is None:
            from threadpoolctl import ThreadpoolController  # type: ignore[import-untyped]

            _controller = ThreadpoolController()
        return _controller


@contextlib.contextmanager
def one_thread() -> Iterator[None]:
    """Within this block, BLAS runs on one thread; its previous setting comes back after."""
    with _blas().limit(limits=1, user_api="blas"):
        yield
