"""The stdin framer (:class:`pm_lsp.lsp.transport.Framer`) fed the way pipes deliver bytes.

A pipe hands the server whatever has been written so far: a message may come in many
fragments, with pauses. These tests feed the real framer one fragment at a time and ask for
frames after each, as :func:`pm_lsp.lsp.transport.serve` does, including the "quiet" call
it makes after :data:`~pm_lsp.lsp.transport.QUIET_S` of silence. The same situations go
through the real server in ``test_server_lifecycle.py``.
"""

from __future__ import annotations

import json

import pytest

from pm_lsp.lsp.transport import Frame, Framer

URI = "file:///tmp/pm-lsp-framing/report.md"


def _body(msg_id: int) -> bytes:
    # params first, so that a too-short length can end exactly after a closing brace
    return json.dumps(
        {
            "params": {"textDocument": {"uri": URI}},
            "jsonrpc": "2.0",
            "id": msg_id,
            "method": "textDocument/documentSymbol",
        }
    ).encode("utf-8")


def _framed(body: bytes, length: int | None = None) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % (len(body) if length is None else length) + body


def _feed_slowly(data: bytes, piece: int, quiet_every: int = 0) -> list[Frame]:
    """Frames found while ``data`` arrives ``piece`` bytes at a time; every
    ``quiet_every``-th fragment is followed by a silence (a ``quiet`` call)."""
    framer = Framer()
    frames: list[Frame] = []
    for n, at in enumerate(range(0, len(data), piece), start=1):
        framer.feed(data[at : at + piece])
        while (frame := framer.next()) is not None:
            frames.append(frame)
        if quiet_every and n % quiet_every == 0:
            while (frame := framer.next(quiet=True)) is not None:
                frames.append(frame)
    while (frame := framer.next(quiet=True, final=True)) is not None:
        frames.append(frame)
    return frames


def _ids(frames: list[Frame]) -> list[object]:
    return [json.loads(f.body)["id"] if f.kind == "body" else f.kind for f in frames]


@pytest.mark.parametrize("piece", [1, 3, 7, 64])
@pytest.mark.parametrize("quiet_every", [0, 1, 5])
@pytest.mark.parametrize("delta", [0, 10, -10, -1])
def test_wrong_or_right_length_under_a_slow_writer_yields_both_messages(
    piece: int, quiet_every: int, delta: int
) -> None:
    first = _body(2)
    data = _framed(first, len(first) + delta) + _framed(_body(3))
    assert _ids(_feed_slowly(data, piece, quiet_every)) == [2, 3]


def test_a_fragment_ending_in_a_brace_at_a_too_short_length_is_not_a_message() -> None:
    first = _body(2)
    short = first.index(b"}}") + 2  # the announced length ends right after ``params``
    data = _framed(first, short) + _framed(_body(3))
    framer = Framer()
    framer.feed(data[: data.index(first) + short])
    assert framer.next() is None
    assert framer.next(quiet=True) is None  # a silence does not make it a message either
    framer.feed(data[data.index(first) + short :])
    frames = [framer.next(), framer.next()]
    assert _ids([f for f in frames if f is not None]) == [2, 3]


def test_a_long_pause_inside_a_body_of_the_right_length_loses_nothing() -> None:
    data = _framed(_body(2)) + _framed(_body(3))
    half = len(data) // 3
    framer = Framer()
    framer.feed(data[:half])
    for _ in range(5):  # five silences of QUIET_S each
        assert framer.next(quiet=True) is None
    framer.feed(data[half:])
    frames = [framer.next(), framer.next()]
    assert _ids([f for f in frames if f is not None]) == [2, 3]


def test_a_broken_body_is_answered_when_the_next_header_or_the_end_shows_its_end() -> None:
    broken = _framed(b'{"jsonrpc": "2.0", "id": 2, "meth', 60)
    framer = Framer()
    framer.feed(broken)
    assert framer.next(quiet=True) is None  # it may still be coming
    framer.feed(_framed(_body(3)))
    assert _ids([framer.next(), framer.next()]) == ["error", 3]  # type: ignore[list-item]

    ended = Framer()
    ended.feed(broken)
    frame = ended.next(quiet=True, final=True)
    assert frame is not None and frame.kind == "error"


def test_a_body_with_bytes_that_are_not_utf8_is_measured_in_bytes() -> None:
    raw = b'{"jsonrpc": "2.0", "method": "x", "params": {"t": "caf\xe9"}}'
    data = _framed(raw, len(raw) + 7) + _framed(_body(3))
    frames = _feed_slowly(data, len(data))
    assert frames[0].body == raw
    assert _ids(frames[1:]) == [3]
