"""Fix safety: ``--fix`` never corrupts a document, and writing never harms the file.

Regression tests for each way ``--fix`` used to corrupt documents (issue 16): a setext title
split from its underline, insertions before a BOM, skeletons inserted again and again inside
an unclosed fence or comment, CRLF and CR files; the safety checks themselves on fixes built
to break each rule; the write path (symlink, hard link, owner and mode, read-only file,
read-only directory, a file deleted or changed during the run); and the invariant over the
corpus and hostile variants of it: the text outside the fixes is kept, a file grows by at
most the text its fixes insert, and fixing twice gives what fixing once gave.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT
from hostile import kept_outside_edits
from hypothesis import given, settings
from hypothesis import strategies as st
from test_properties import markdown

from pm_lsp.engine import lint
from pm_lsp.fixes import WriteError, fix_text, write_atomic
from pm_lsp.fixes.safety import problem
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.parse.markdown import parse
from pm_lsp.policy.config import Settings, resolve, validate
from pm_lsp.rules.spec import Diagnostic, Edit, Fix, Severity

_NO_MODEL = NLP()  # structure rules need no model
FAST = settings(max_examples=150, derandomize=True, deadline=None, database=None)
_BREAKS = re.compile(r"\r\n|\r|\n")


def _structure_lint(text: str) -> Sequence[Diagnostic]:
    config = resolve([Settings(), validate({"select": ["PM2"]}, "t", None)])
    return lint(text, config, nlp=_NO_MODEL).diagnostics


def _fixed(text: str) -> str:
    # the structure fixes insert placeholders: unsafe since fixes are honest (issue 11)
    result = fix_text(text, _structure_lint, unsafe=True)
    assert fix_text(result.text, _structure_lint, unsafe=True).text == result.text  # twice == once
    assert len(result.text) - len(text) <= result.inserted
    return result.text


# -- the corruptions of issue 16, through the real rules -------------------------------------


def test_a_setext_title_keeps_its_underline() -> None:
    text = "Checkout outage\n===============\n\nThe checkout service failed.\n"
    fixed = _fixed(text)
    assert fixed.startswith("Checkout outage\n===============\n\n**Date**: TODO\n")
    assert parse(fixed).title == "Checkout outage"
    assert fixed.count("===============") == 1


def test_insertions_never_go_before_a_bom() -> None:
    for text in ("\ufeffThe checkout service failed.\n", "\ufeff# Outage\n\nIt failed.\n"):
        fixed = _fixed(text)
        assert fixed.startswith("\ufeff") and fixed.count("\ufeff") == 1
        assert "**Date**: TODO" in fixed


@pytest.mark.parametrize(
    "tail", ["```\nprint('open')\n", "~~~~\nstill code\n", "<!-- a comment never closed\nmore\n"]
)
def test_nothing_is_inserted_into_an_unclosed_fence_or_comment(tail: str) -> None:
    """Each pass inserted the missing sections inside the construct, where they were never
    read, until the pass limit (a 7-line file grew to 414 lines). Sections that belong at
    the end now get no fix; the rest are inserted before the construct's section."""
    text = "# Checkout outage\n\n## Summary\n\nThe checkout failed.\n\n" + tail
    fixed = _fixed(text)
    assert fixed.endswith("\n\n" + tail)  # the construct and everything after it as it was
    assert len(fixed.splitlines()) < 20
    assert fixed.count("## Impact") <= 1


@pytest.mark.parametrize("nl", ["\r\n", "\r"])
def test_crlf_and_cr_files_keep_their_line_breaks(nl: str) -> None:
    text = nl.join(["Outage", "======", "", "## Impact", "", "## Detection", "", "Paged.", ""])
    fixed = _fixed(text)
    assert fixed != text
    assert set(_BREAKS.findall(fixed)) == {nl}
    assert fixed.startswith(nl.join(["Outage", "======", ""]))


# -- the checks, on fixes built to break each rule ------------------------------------------


def _offering(text: str, *edits: tuple[int, int, str]) -> Callable[[str], list[Diagnostic]]:
    """A lint that reports one finding on ``text`` and nothing once it changed."""
    fix = Fix("Insert it", tuple(Edit(*e) for e in edits), True)
    found = Diagnostic("PM203", "missing-metadata", "structure", Severity.WARNING, "m", 0, 0, fix)
    return lambda current: [found] if current == text else []


@pytest.mark.parametrize(
    ("text", "edit", "reason"),
    [
        ("Title\n=====\n\nBody.\n", (5, 5, "\n\n**Date**: TODO"), "it would change the title"),
        ("\ufeffBody.\n", (0, 0, "**Date**: TODO\n\n"), "it would move the byte order mark"),
        (
            "# T\r\n\r\nBody.\r\n",
            (3, 3, "\n\n**Date**: TODO"),
            "it would add line breaks other than the file's CRLF",
        ),
        (
            "# T\r\n\r\nBody.\r\n",
            (4, 4, "x"),
            "it would add line breaks other than the file's CRLF",
        ),
        ("# T\n\n- a\n- b\n", (9, 9, "## X\n\n"), "it would change the list on line 4"),
        ("# T\n\nOne.\n\nTwo.\n", (9, 10, ""), "it would change the paragraph on line 5"),
        ("# T\n\nText.\n\n## Impact\n", (11, 11, "```\n"), "it would change the heading on line 5"),
        ("# T\n\nA\n\n## Impact\n", (5, 5, "<!--\n"), "it would change the paragraph on line 3"),
    ],
)
def test_a_fix_that_breaks_the_document_is_skipped(
    text: str, edit: tuple[int, int, str], reason: str
) -> None:
    result = fix_text(text, _offering(text, edit))
    assert result.text == text and result.applied == 0
    assert [s.reason for s in result.skipped] == [reason]
    assert str(result.skipped[0]) == f"fix for PM203 skipped (Insert it): {reason}"


def test_a_fix_whose_finding_stays_is_skipped() -> None:
    """Inserted inside an unclosed fence, the section is never read: the finding stays."""
    text = "# T\n\n```\ncode\n"
    fix = Fix("Insert it", (Edit(len(text), len(text), "## Impact\n"),), True)
    found = Diagnostic("PM201", "missing-section", "structure", Severity.WARNING, "m", 0, 0, fix)
    result = fix_text(text, lambda current: [found])
    assert result.text == text
    assert [s.reason for s in result.skipped] == [
        "its finding would remain (the edit lands where it is not read)"
    ]


def test_a_fix_outside_the_text_or_changing_nothing_is_skipped() -> None:
    text = "# T\n\nBody.\n"
    for edit, reason in [
        ((0, 99, ""), "its edits fall outside the text"),
        ((0, 1, "#"), "it changes nothing"),
    ]:
        result = fix_text(text, _offering(text, edit))
        assert result.text == text and [s.reason for s in result.skipped] == [reason]


def test_the_check_sees_text_changed_outside_the_edits() -> None:
    edits = [Edit(2, 3, "X")]
    assert problem("abcdef", "abXdef", edits) is None
    assert problem("abcdef", "abXdeF", edits) == "it would change text outside its edit"
    assert problem("abcdef", "aBXdef", edits) == "it would change text outside its edit"


def test_a_safe_fix_next_to_blocks_passes() -> None:
    text = "# T\n\n**Date**: 2025-01-02\n\n## Impact\n\nNone.\n"
    at = text.index("\n\n## Impact")
    result = fix_text(text, _offering(text, (at, at, "\n**Status**: TODO")))
    assert result.applied == 1 and result.skipped == []
    assert "**Date**: 2025-01-02\n**Status**: TODO\n\n## Impact" in result.text


# -- writing files ----------------------------------------------------------------------------

_BARE = b"# Checkout outage\n\nThe checkout service failed for an hour.\n"


def _pm_lint(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "pm_lsp.cli", "--template", "standard", "--select", "PM203", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _only(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def test_a_symlink_stays_a_link_and_its_target_is_fixed(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "pm.md"
    target.write_bytes(_BARE)
    (tmp_path / "link.md").symlink_to("real/pm.md")
    p = _pm_lint("--fix", "--unsafe-fixes", "link.md", cwd=tmp_path)
    assert p.returncode == 1, p.stderr
    assert (tmp_path / "link.md").is_symlink()
    assert b"**Date**: TODO" in target.read_bytes()
    assert _only(tmp_path / "real") == ["pm.md"] and _only(tmp_path) == ["link.md", "real"]


def test_a_hard_link_is_kept(tmp_path: Path) -> None:
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_bytes(_BARE)
    os.link(a, b)
    p = _pm_lint("--fix", "--unsafe-fixes", "a.md", cwd=tmp_path)
    assert p.returncode == 1, p.stderr
    assert a.stat().st_ino == b.stat().st_ino and a.stat().st_nlink == 2
    assert b"**Date**: TODO" in b.read_bytes()
    assert _only(tmp_path) == ["a.md", "b.md"]


def test_mode_owner_and_group_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "pm.md"
    path.write_bytes(_BARE)
    path.chmod(0o640)
    other = 65534 if os.geteuid() == 0 else os.geteuid()  # nobody, when we may chown
    gid = 65534 if os.geteuid() == 0 else os.getegid()
    os.chown(path, other, gid)
    before = path.stat()
    p = _pm_lint("--fix", "--unsafe-fixes", "pm.md", cwd=tmp_path)
    assert p.returncode == 1, p.stderr
    after = path.stat()
    assert (after.st_uid, after.st_gid) == (other, gid)
    assert stat.S_IMODE(after.st_mode) == 0o640
    assert after.st_size > before.st_size
    assert _only(tmp_path) == ["pm.md"]


def test_a_read_only_file_is_refused_and_the_run_goes_on(tmp_path: Path) -> None:
    ro, ok = tmp_path / "ro.md", tmp_path / "ok.md"
    ro.write_bytes(_BARE)
    ok.write_bytes(_BARE)
    ro.chmod(0o444)
    p = _pm_lint("--fix", "--unsafe-fixes", "ro.md", "ok.md", cwd=tmp_path)
    assert p.returncode == 2
    assert "pm-lint: error: ro.md: the file is read-only; not changed\n" in p.stderr
    assert "Traceback" not in p.stderr
    assert ro.read_bytes() == _BARE
    assert b"**Date**: TODO" in ok.read_bytes()
    assert _only(tmp_path) == ["ok.md", "ro.md"]


def test_a_read_only_directory_is_one_message(tmp_path: Path) -> None:
    """As an unprivileged user (root writes anywhere, so as root a forked child becomes the
    user 'nobody', in a directory it can read but not write, on a file it owns)."""
    root = Path(tempfile.mkdtemp(prefix="pm-lint-rodir-")) if os.geteuid() == 0 else tmp_path
    root.chmod(0o755)
    directory = root / "postmortems"
    directory.mkdir()
    path = directory / "pm.md"
    path.write_bytes(_BARE)
    if os.geteuid() == 0:
        os.chown(path, 65534, 65534)
    directory.chmod(0o555)
    try:
        message = _write_unprivileged(path, "fixed\n")
        assert message == f"cannot create a file in {directory} (Permission denied); not written"
        assert path.read_bytes() == _BARE and _only(directory) == ["pm.md"]
    finally:
        directory.chmod(0o755)
        if root != tmp_path:
            shutil.rmtree(root)


def _write_unprivileged(path: Path, text: str) -> str:
    """``write_atomic`` in a child process that is not root; its WriteError message."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 0
        try:
            os.close(read)
            if os.geteuid() == 0:
                os.setgroups([])
                os.setgid(65534)
                os.setuid(65534)
            write_atomic(path, text, original=_BARE)
            os.write(write, b"written")
        except WriteError as exc:
            os.write(write, str(exc).encode())
        except BaseException as exc:
            os.write(write, f"unexpected {exc!r}".encode())
            code = 1
        finally:
            os._exit(code)
    os.close(write)
    with os.fdopen(read, "rb") as fh:
        out = fh.read().decode()
    os.waitpid(pid, 0)
    return out


def test_a_file_deleted_during_the_run_is_not_recreated(tmp_path: Path) -> None:
    path = tmp_path / "pm.md"
    path.write_bytes(_BARE)
    path.unlink()
    with pytest.raises(WriteError, match="deleted during the run; not recreated"):
        write_atomic(path, "new text\n", original=_BARE)
    assert _only(tmp_path) == []


def test_a_file_changed_during_the_run_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "pm.md"
    path.write_bytes(b"edited by someone else\n")
    with pytest.raises(WriteError, match="changed on disk during the run"):
        write_atomic(path, "fixed\n", original=_BARE)
    assert path.read_bytes() == b"edited by someone else\n"
    assert _only(tmp_path) == ["pm.md"]


def test_a_skipped_fix_is_reported_on_stderr(tmp_path: Path) -> None:
    """PM202's skeleton after a heading inside a list item would end the list: skipped."""
    path = tmp_path / "pm.md"
    original = b"# Checkout outage\n\n- ## Impact\n- ## Detection\n\nPaged.\n"
    path.write_bytes(original)
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    p = subprocess.run(
        [
            sys.executable,
            "-m",
            "pm_lsp.cli",
            "--select",
            "PM202",
            "--fix",
            "--unsafe-fixes",
            "pm.md",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert p.returncode == 1
    assert path.read_bytes() == original
    assert (
        "pm-lint: pm.md: fix for PM202 skipped (Insert section skeleton: Impact): "
        "it would change the list on line 4\n"
    ) in p.stderr


# -- the invariant over the corpus and hostile variants of it ----------------------------------

_VARIANTS: dict[str, Callable[[str], str]] = {
    "as is": lambda t: t,
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "cr": lambda t: t.replace("\n", "\r"),
    "bom": lambda t: "\ufeff" + t,
    "unclosed fence": lambda t: t + "\n```\nnever closed\n",
    "unclosed comment": lambda t: t + "\n<!-- never closed\n",
}


@pytest.mark.slow
def test_fixing_the_corpus_keeps_the_invariant(nlp: NLP) -> None:
    """Every corpus file as is, and every tenth one in each hostile variant, with every rule:
    the result keeps the BOM and the line-break kinds, grows by at most the inserted text,
    keeps the text outside the fixes, and a second --fix changes nothing."""
    config = resolve([Settings()])

    def run(text: str) -> Sequence[Diagnostic]:
        return lint(text, config, nlp=nlp).diagnostics

    files = sorted(CORPUS.glob("*.md"))
    if not files:
        pytest.skip("no corpus next to the repository")
    failures: list[str] = []
    for name, variant in _VARIANTS.items():
        for path in files if name == "as is" else files[::10]:
            text = variant(path.read_text(encoding="utf-8"))
            once = fix_text(text, run)
            twice = fix_text(once.text, run)
            checks = {
                "twice != once": twice.text != once.text,
                "grew more than inserted": len(once.text) - len(text) > once.inserted,
                "BOM": once.text.startswith("\ufeff") != text.startswith("\ufeff"),
                "line breaks": not set(_BREAKS.findall(once.text)) <= set(_BREAKS.findall(text)),
                "text outside edits": not kept_outside_edits(text, once.text),
            }
            failures += [f"{path.name} ({name}): {k}" for k, bad in checks.items() if bad]
    assert failures == []


# -- generated hostile documents ----------------------------------------------------------------

_TAILS = ["", "\n```\nnever closed\n", "\n~~~\n", "\n<!-- never closed\n", "\n<script>\n", "x"]


@st.composite
def _hostile(draw: st.DrawFn) -> str:
    """A document from the property tests' Markdown grammar (LF, CRLF or CR), maybe with a
    BOM, maybe ending in a construct that never closes."""
    text = draw(markdown())
    if draw(st.booleans()):
        text = "\ufeff" + text
    return text + draw(st.sampled_from(_TAILS))


@FAST
@given(_hostile())
def test_fixing_generated_documents_keeps_the_invariant(text: str) -> None:
    result = fix_text(text, _structure_lint, unsafe=True)
    fixed = result.text
    assert fix_text(fixed, _structure_lint, unsafe=True).text == fixed
    assert len(fixed) - len(text) <= result.inserted
    assert fixed.startswith("\ufeff") == text.startswith("\ufeff")
    have = set(_BREAKS.findall(text))
    assert set(_BREAKS.findall(fixed)) <= (have or {"\n", "\r\n", "\r"})
    assert kept_outside_edits(text, fixed)


@pytest.mark.parametrize(
    ("old", "start", "end", "new", "reason"),
    [
        # found by bench/fuzz.py: a sentence rewrite whose span held a vertical tab (a line
        # break for str.splitlines) and a link the judge saw masked
        (
            "Ops ran `x \x0b [a](https://e.com/) Kim forgot to renew it.",
            8,
            56,
            "it was not renewed.",
            "it would join lines",
        ),
        (
            "See [docs](https://e.com/) Kim forgot it.",
            4,
            41,
            "It was forgotten.",
            "it would remove a link",
        ),
        ("Kim `ran` the job.", 0, 18, "The job ran.", "it would remove inline code"),
        ("Kim <!-- x --> forgot.", 0, 22, "It was forgotten.", "it would remove a comment"),
        ("Line one\nKim forgot.", 5, 20, "one. It was forgotten.", "it would join lines"),
    ],
)
def test_an_edit_may_not_take_markup_or_a_line_with_it(
    old: str, start: int, end: int, new: str, reason: str
) -> None:
    from pm_lsp.fixes.safety import problem
    from pm_lsp.rules.spec import Edit

    edit = Edit(start, end, new)
    result = old[:start] + new + old[end:]
    assert problem(old, result, [edit]) == reason
    # the same edit kept inside the prose is fine
    plain = "Kim forgot to renew it."
    assert (
        problem(plain, "It was not renewed.", [Edit(0, len(plain), "It was not renewed.")]) is None
    )
