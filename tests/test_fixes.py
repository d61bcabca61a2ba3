"""Fix machinery: conflict selection, application, fixed-point passes, atomic writes, --fix.

``--fix`` must never change a byte outside its edits: the CLI tests compare the written file
byte for byte against the original with the edits spliced in, on CRLF and BOM files.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from conftest import ROOT

from pm_lsp.engine import lint
from pm_lsp.fixes import (
    MAX_PASSES,
    WriteError,
    apply_edits,
    fix_text,
    select_non_overlapping,
    write_atomic,
)
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.policy.config import Settings, resolve, validate
from pm_lsp.rules.spec import Diagnostic, Edit, Fix, Severity

_NO_MODEL = NLP()


def _fix(*edits: tuple[int, int, str], safe: bool = True) -> Fix:
    return Fix("t", tuple(Edit(a, b, t) for a, b, t in edits), safe)


def _diag(fix: Fix | None, message: str = "m", start: int = 0) -> Diagnostic:
    return Diagnostic(
        "PM202", "empty-section", "structure", Severity.WARNING, message, start, start, fix
    )


# -- selection and application -------------------------------------------------------------


def test_overlapping_fixes_are_left_for_a_later_pass() -> None:
    a = _fix((0, 5, "x"))
    b = _fix((3, 8, "y"))  # overlaps a
    c = _fix((8, 10, "z"))  # touches b's end, not a's
    d = _fix((5, 5, "i"))  # insertion at a's end: no clash
    e = _fix((2, 2, "j"))  # insertion inside a: clash
    f = _fix((5, 5, "k"))  # second insertion at the same point as d: clash
    assert select_non_overlapping([a, b, c, d, e, f]) == [a, c, d]


def test_a_fix_whose_own_edits_overlap_is_skipped() -> None:
    bad = _fix((0, 4, "a"), (2, 6, "b"))
    good = _fix((7, 8, "c"))
    assert select_non_overlapping([bad, good]) == [good]


def test_apply_edits_back_to_front() -> None:
    text = "alpha beta gamma"
    edits = [Edit(0, 5, "ALPHA"), Edit(11, 16, "G"), Edit(6, 6, "[")]
    assert apply_edits(text, edits) == "ALPHA [beta G"


def test_apply_edits_rejects_edits_outside_the_text() -> None:
    with pytest.raises(ValueError, match="outside the text"):
        apply_edits("abc", [Edit(2, 9, "")])
    with pytest.raises(ValueError):
        apply_edits("abc", [Edit(2, 1, "")])


def test_fix_text_runs_to_a_fixed_point() -> None:
    """A lint that reports every 'a' but offers to replace only the first one converges,
    one fix per pass, each pass seeing the text the previous one produced."""

    def lint_fn(text: str) -> Sequence[Diagnostic]:
        found = [i for i, ch in enumerate(text) if ch == "a"]
        return [
            _diag(_fix((i, i + 1, "b")) if n == 0 else None, start=i) for n, i in enumerate(found)
        ]

    result = fix_text("a-a-a", lint_fn)
    assert (result.text, result.applied, result.passes) == ("b-b-b", 3, 4)
    assert result.skipped == [] and result.inserted == 3


def test_a_fix_whose_finding_stays_is_dropped_not_repeated() -> None:
    """A fix that always offers another insertion (its finding never goes) was applied up to
    the pass limit: now the first lint of its result shows the finding still there, so it
    is dropped, reported, and the text is left as it was."""

    def lint_fn(text: str) -> Sequence[Diagnostic]:
        return [_diag(_fix((0, 0, "x")))]

    result = fix_text("", lint_fn)
    assert result.text == "" and result.applied == 0 and result.passes < MAX_PASSES
    assert [str(s) for s in result.skipped] == [
        "fix for PM202 skipped (t): its finding would remain (the edit lands where it is not read)"
    ]


def test_a_fix_offered_again_after_it_was_applied_is_dropped() -> None:
    """A finding that comes back after its fix was applied (a later fix undid it) does not
    get the same fix a second time: no skeleton is inserted twice."""

    def lint_fn(text: str) -> Sequence[Diagnostic]:
        if text == "":
            return [_diag(_fix((0, 0, "x")), "first")]
        return [_diag(_fix((0, 1, "")), "second")]

    result = fix_text("", lint_fn)
    assert result.applied == 2 and result.text == "" and result.passes == 3
    assert [str(s) for s in result.skipped] == [
        "fix for PM202 skipped (t): it was applied once already and its finding came back"
    ]


def test_fix_text_skips_unsafe_fixes_unless_asked() -> None:
    def lint_fn(text: str) -> Sequence[Diagnostic]:
        if text.startswith("rewritten"):
            return []
        return [_diag(_fix((0, 0, "rewritten "), safe=False))]

    assert fix_text("text", lint_fn).text == "text"
    assert fix_text("text", lint_fn, unsafe=True).text == "rewritten text"


def test_fixes_from_the_engine_leave_other_bytes_alone() -> None:
    """Every fix the structure rules offer on a messy CRLF+BOM document splices cleanly."""
    text = (
        "\ufeff# Köln 🔥 outage\r\n\r\n**Date**: 2025-01-02\r\n\r\n## Impact\r\n\r\n"
        "## Timeline\r\n\r\n| Time | Event |\r\n|---|---|\r\n| 10:00 | 東京 alert |\r\n"
    )
    config = resolve([Settings(), validate({"select": ["PM2"]}, "t", None)])
    diags = lint(text, config, nlp=_NO_MODEL).diagnostics
    fixes = [d.fix for d in diags if d.fix is not None]
    assert len(fixes) >= 3
    raw = text.encode("utf-8")
    for fix in fixes:
        (edit,) = fix.edits
        fixed = apply_edits(text, fix.edits).encode("utf-8")
        head = text[: edit.start].encode("utf-8")
        tail = text[edit.end :].encode("utf-8")
        assert fixed.startswith(head) and fixed.endswith(tail)
        assert fixed == head + edit.new_text.encode("utf-8") + tail
        assert raw.startswith(b"\xef\xbb\xbf") and fixed.startswith(b"\xef\xbb\xbf")
        assert b"\n" not in fixed.replace(b"\r\n", b"")


# -- atomic writes -------------------------------------------------------------------------


def test_write_atomic_replaces_content_and_keeps_mode(tmp_path: Path) -> None:
    path = tmp_path / "pm.md"
    path.write_bytes(b"old\r\n")
    path.chmod(0o640)
    write_atomic(path, "\ufeffnew\r\nline\r\n")
    assert path.read_bytes() == b"\xef\xbb\xbfnew\r\nline\r\n"  # no newline translation
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pm.md"]


def test_write_atomic_failure_leaves_the_original_and_no_temp_file(tmp_path: Path) -> None:
    path = tmp_path / "pm.md"
    path.write_bytes(b"original\n")
    with pytest.raises(UnicodeEncodeError):
        write_atomic(path, "lone surrogate \udcff")
    with pytest.raises(WriteError, match="deleted during the run; not recreated"):
        write_atomic(tmp_path / "missing-dir" / "pm.md", "x")
    assert path.read_bytes() == b"original\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pm.md"]


# -- the CLI -------------------------------------------------------------------------------


def _pm_lint(
    *args: str, cwd: Path, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "pm_lsp.cli", *args],
        cwd=cwd,
        env=env,
        input=stdin,
        capture_output=True,
        timeout=300,
        check=False,
    )


def _expected_after(text: str, select: list[str]) -> str:
    """The fixed text computed in-process, to compare with what the CLI wrote."""
    config = resolve([Settings(), validate({"select": select}, "t", None)])
    return fix_text(text, lambda t: lint(t, config, nlp=_NO_MODEL).diagnostics, unsafe=True).text


@pytest.mark.parametrize(
    "original",
    [
        b"# Ops \xf0\x9f\x94\xa5\r\n\r\n## Impact\r\n\r\n## Detection\r\n\r\nPaged.\r\n",
        b"\xef\xbb\xbf# T\n\n## Impact\n\n## Detection\n\nPaged at 10:00 \xe6\x9d\xb1\n",
        b"\xef\xbb\xbf# T\r\n\r\n## Impact\r\n\r\nNo trailing newline",
    ],
)
def test_cli_fix_changes_only_the_edited_bytes(tmp_path: Path, original: bytes) -> None:
    path = tmp_path / "pm.md"
    path.write_bytes(original)
    p = _pm_lint("--fix", "--unsafe-fixes", "--select", "PM201,PM202", "pm.md", cwd=tmp_path)
    assert p.returncode in (0, 1), p.stderr
    written = path.read_bytes()
    text = original.decode("utf-8")
    expected = _expected_after(text, ["PM201", "PM202"])
    assert written == expected.encode("utf-8")
    assert written != original
    # the original bytes survive as a subsequence, in order, with nothing between them
    # changed: every original line is still there, with its own line break
    lines = original.splitlines(keepends=True)
    pos = 0
    for line in lines:
        found = written.find(line, pos)
        assert found >= 0, line
        pos = found + len(line)
    assert written.startswith(original[:3])  # BOM (or first bytes) preserved
    if b"\r\n" in original:
        assert b"\n" not in written.replace(b"\r\n", b"")
    assert sorted(x.name for x in tmp_path.iterdir()) == ["pm.md"]


def test_cli_diff_and_stdin_fix(tmp_path: Path) -> None:
    original = b"# T\r\n\r\n## Impact\r\n"
    path = tmp_path / "pm.md"
    path.write_bytes(original)
    p = _pm_lint("--diff", "--unsafe-fixes", "--select", "PM202", "pm.md", cwd=tmp_path)
    assert p.returncode == 1 and path.read_bytes() == original
    assert b"+TODO: N of M" in p.stdout
    p = _pm_lint("--fix", "--unsafe-fixes", "--select", "PM202", "-", cwd=tmp_path, stdin=original)
    assert p.stdout == _expected_after(original.decode(), ["PM202"]).encode()
    assert path.read_bytes() == original


def test_cli_fix_with_nothing_to_fix_does_not_touch_the_file(tmp_path: Path) -> None:
    path = tmp_path / "pm.md"
    path.write_bytes(b"# T\n\n## Impact\n\nNo customer impact.\n")
    before = path.stat().st_mtime_ns
    p = _pm_lint("--fix", "--unsafe-fixes", "--select", "PM202", "pm.md", cwd=tmp_path)
    assert p.returncode == 0
    assert path.stat().st_mtime_ns == before
