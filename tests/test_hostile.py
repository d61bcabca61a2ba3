"""Hostile Markdown as a standing test: the engine, ``--fix`` and ``--add-noqa`` on it.

Documents come from ``tests/hostile.py`` (the generator ``bench/fuzz.py`` runs a hundred
thousand times), drawn here through hypothesis at a budget that fits the suite: every rule
with the real model, the structure rules alone on more documents. The properties are the
fuzz bench's: nothing raises and no rule crashes, every range lies inside the document,
``--fix`` keeps the BOM and the file's line-break kinds, grows the file by at most what its
fixes insert, and is a fixed point (a second ``--fix`` changes nothing), and ``--add-noqa``
run on its own output adds nothing.

Below them, one regression test per class of failure the fuzz bench found, on documents
written for the test.
"""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from conftest import ROOT
from hostile import hostile_document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pm_lsp.engine import LintResult, lint
from pm_lsp.fixes import fix_text
from pm_lsp.fixes.safety import problem
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.policy.config import Config, Settings, resolve, validate
from pm_lsp.rules.actions import specs as action_specs
from pm_lsp.rules.spec import Diagnostic, Edit, Severity
from pm_lsp.rules.structure import specs as structure_specs
from pm_lsp.suppression.baseline import add_noqa

_BREAKS = re.compile(r"\r\n|\r|\n")
_NO_MODEL = NLP()  # the structure and meta rules never load it

documents = st.randoms(use_true_random=False).map(lambda r: hostile_document(r))


def _settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.function_scoped_fixture,
        ],
    )


def _config(select: list[str]) -> Config:
    return resolve([Settings(), validate({"select": select}, "test settings", None)])


EVERY_RULE = _config(["PM"])
STRUCTURE = _config(["PM0", "PM2"])


def _checked(text: str, config: Config, nlp: NLP) -> LintResult:
    res = lint(text, config, nlp=nlp)
    assert res.errors == []
    for d in res.diagnostics:
        assert 0 <= d.start <= d.end <= len(text), d
        if d.fix is not None:
            assert all(0 <= e.start <= e.end <= len(text) for e in d.fix.edits), d
    return res


def _check_fix(text: str, config: Config, nlp: NLP) -> None:
    def run(t: str) -> Sequence[Diagnostic]:
        return _checked(t, config, nlp).diagnostics

    once = fix_text(text, run)
    fixed = once.text
    assert fix_text(fixed, run).text == fixed  # --fix twice == --fix once
    assert len(fixed) - len(text) <= once.inserted
    assert fixed.startswith("\ufeff") == text.startswith("\ufeff")
    have = set(_BREAKS.findall(text))
    assert set(_BREAKS.findall(fixed)) <= (have or {"\n", "\r\n", "\r"})


def _check_add_noqa(text: str, config: Config, nlp: NLP) -> None:
    def run(t: str) -> LintResult:
        return _checked(t, config, nlp)

    first = add_noqa(text, run, Severity.HINT)
    second = add_noqa(first.text, run, Severity.HINT)
    assert (second.text, second.added) == (first.text, 0)


# -- the properties -------------------------------------------------------------------------


@_settings(300)
@given(documents)
def test_structure_rules_and_their_fixes_on_hostile_documents(text: str) -> None:
    _checked(text, STRUCTURE, _NO_MODEL)
    _check_fix(text, STRUCTURE, _NO_MODEL)


@_settings(40)
@given(documents)
def test_every_rule_and_its_fixes_on_hostile_documents(nlp: NLP, text: str) -> None:
    _check_fix(text, EVERY_RULE, nlp)


@_settings(25)
@given(documents)
def test_add_noqa_twice_is_add_noqa_once_on_hostile_documents(nlp: NLP, text: str) -> None:
    _check_add_noqa(text, EVERY_RULE, nlp)


def test_the_generator_is_a_pure_function_of_its_seed() -> None:
    """``bench/fuzz.py --replay N`` must give back document N."""
    assert hostile_document(random.Random(7)) == hostile_document(random.Random(7))
    texts = {hostile_document(random.Random(n)) for n in range(50)}
    assert len(texts) > 45


# -- classes the fuzz bench found ------------------------------------------------------------


def _fix_twice(text: str, nlp: NLP) -> tuple[str, str]:
    """``--fix --unsafe-fixes`` once and twice: with the unsafe fixes too, so that the
    skeleton and placeholder fixes these cases need apply however they are rated."""

    def run(t: str) -> Sequence[Diagnostic]:
        return lint(t, EVERY_RULE, nlp=nlp).diagnostics

    once = fix_text(text, run, unsafe=True).text
    return once, fix_text(once, run, unsafe=True).text


def test_a_skeleton_that_adds_findings_of_a_kind_does_not_undo_a_fix_of_that_kind(
    nlp: NLP,
) -> None:
    """The Lessons Learned skeleton brings "- TODO" items with no owner while, in the same
    pass, an action item gets its owner: counting "no owner" findings said the owner fix
    had not worked, so it was dropped, and a second --fix applied it."""
    text = "# TODO\n## Action Items\n- Be more careful with deploys.\n~~~`x\n~~~\n"
    once, twice = _fix_twice(text, nlp)
    assert twice == once
    assert "- Be more careful with deploys. (Owner: @TBD)" in once


def test_a_fix_refused_early_is_tried_again_once_other_fixes_made_room(nlp: NLP) -> None:
    """The Action Items table cannot go between its heading and a setext heading right
    under it (the table would swallow the heading's text); once a skeleton section is
    inserted there the table fits, and the same --fix run must see that, not the next."""
    text = "# Disk outage\r\n###### Action Items\r\nImpact\r\n===\r\nText.\r\n"
    once, twice = _fix_twice(text, nlp)
    assert twice == once
    assert "| Action | Owner |" in once


@pytest.mark.parametrize("nl", ["\n", "\r\n", "\r"])
def test_no_skeleton_is_offered_after_a_comment_left_open_whatever_the_line_breaks(
    nl: str,
) -> None:
    """A comment opened on the last line of a file with lone-CR line breaks was not seen
    as open (the cheap test for an opener only knew LF), so skeletons were inserted after
    it, where the skeleton's own hint comment closed it and hid the heading."""
    text = f"# Paged at night{nl}{nl}Summary line.{nl}<!-- draft notes"
    diags = lint(text, STRUCTURE, nlp=_NO_MODEL).diagnostics
    missing = [d for d in diags if d.code == structure_specs.missing_section.code]
    assert missing and all(d.fix is None for d in missing)


def test_an_edit_that_closes_a_comment_left_open_is_refused() -> None:
    old = "Summary line.\n<!-- draft notes\n"
    edit = Edit(len(old), len(old), "\n## Impact\n\n<!-- hint -->\nTODO\n")
    new = old + edit.new_text
    assert problem(old, new, [edit]) == "it would close the HTML comment left open on line 2"


def test_one_action_items_refused_fix_leaves_the_others_alone() -> None:
    """Fixes are dropped per finding (kind and place), not per kind: the fix for the item
    whose edit breaks the text is refused, the same fix for every other item is applied."""
    from pm_lsp.rules.spec import Fix

    def run(text: str) -> Sequence[Diagnostic]:
        out = []
        for m in re.finditer(r"^- (\w+)$", text, re.MULTILINE):
            # the first item's edit would replace the text outside it: unsafe
            edit = Edit(m.end(), m.end(), " (Owner: @TBD)")
            if m.start() == 0:
                edit = Edit(0, m.end(), "")
            fix = Fix("Add owner", (edit,), True)
            out.append(
                Diagnostic(
                    action_specs.missing_owner.code,
                    action_specs.missing_owner.name,
                    "actions",
                    Severity.WARNING,
                    "Action item has no owner",
                    m.start(),
                    m.end(),
                    fix,
                )
            )
        return out

    result = fix_text("- one\n- two\n- three\n", run)
    assert result.text == "- one\n- two (Owner: @TBD)\n- three (Owner: @TBD)\n"


# -- --add-noqa on stale directives, through the real CLI ------------------------------------


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "pm_lsp.cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_add_noqa_on_a_stale_pm001_directive_converges(tmp_path: Path) -> None:
    """A ``disable-next-line PM001`` above a line with nothing to silence is itself reported
    (PM001); that report could not be silenced, so every --add-noqa run stacked one more
    directive on it. Now the first run silences it and the second changes nothing."""
    path = tmp_path / "pm.md"
    path.write_text(
        "# Queue outage\n\n<!-- pm-lint-disable-next-line PM001 -->\nThe queue filled up.\n\n"
        "<!-- pm-lint-disable-next-line PM101 -->\nNothing to hide here.\n",
        encoding="utf-8",
    )
    first = _cli("--add-noqa", "pm.md", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    after_first = path.read_bytes()
    second = _cli("--add-noqa", "pm.md", cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert "Added 0 suppressions in 0 files" in second.stderr
    assert path.read_bytes() == after_first
    check = _cli("pm.md", cwd=tmp_path)
    assert check.returncode == 0, check.stdout


def test_add_noqa_falls_back_to_a_file_directive_when_a_line_comment_is_not_read(
    tmp_path: Path,
) -> None:
    """A nested list item that opens a fence ("+ ~~~ notes") swallows the comment placed
    above the next item, so the finding stayed and every --add-noqa run added the same
    comment again; a comment that is not read now gives way to a file-level directive."""
    path = tmp_path / "pm.md"
    path.write_text(
        "# Outage\n\n## Detection\n\n+ The alert fired late.\n    + ~~~ notes\n"
        "  + The on-call engineer should have rolled back sooner.\n",
        encoding="utf-8",
    )
    first = _cli("--add-noqa", "--fail-on", "hint", "pm.md", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    after_first = path.read_bytes()
    assert after_first.count(b"pm-lint-disable") == 1  # one file-level directive
    second = _cli("--add-noqa", "--fail-on", "hint", "pm.md", cwd=tmp_path)
    assert second.returncode == 0 and path.read_bytes() == after_first
