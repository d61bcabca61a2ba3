"""The pre-commit hook (.pre-commit-hooks.yaml), run for real with ``pre-commit run``.

The hook's repository is this one with its uncommitted changes, made into a commit the way
``pre-commit try-repo`` makes it (its own ``_repo_ref``), and a throwaway git repository
lists it in its configuration. pre-commit clones it, builds the hook's virtualenv by
pip-installing the project, spaCy model included, and runs the hook, exactly as a user's
``pre-commit run`` would. Building the environment takes about 15 s here (pip resolves from
the configured package index and its caches); it is built once per test module, in the
module's own pre-commit home, and both runs use it (``try-repo`` itself would build it
again for every run: it keeps its store in a temporary folder).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent

# Written for these tests: a postmortem with problems of several kinds, and one that a
# reviewer would accept.
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ci"
BAD = (FIXTURES / "bad-postmortem.md").read_text(encoding="utf-8")
GOOD = (FIXTURES / "good-postmortem.md").read_text(encoding="utf-8")


def test_manifest_is_valid_and_documented() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for h in hooks if h["id"] == "pm-lint"]
    assert hook["language"] == "python"
    assert hook["types"] == ["markdown"]
    assert hook["entry"] == "pm-lint"
    assert hook.get("pass_filenames", True) is True
    files = re.compile(hook["files"])
    for path in (
        "postmortems/2025-01-01-db.md",
        "docs/incidents/db.md",
        "Post-Mortems/x.md",
        "docs/2025-01-01-postmortem.md",
        "INC-42-PostMortem.md",
    ):
        assert files.search(path), path
    for path in ("README.md", "docs/architecture.md", "CHANGELOG.md"):
        assert not files.search(path), path


def _precommit() -> list[str]:
    exe = Path(sys.executable).parent / "pre-commit"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("pre-commit")
    if found is None:
        pytest.fail("pre-commit is not installed; it is part of the test extra")
    return [found]


def test_validate_manifest() -> None:
    p = subprocess.run(
        [*_precommit(), "validate-manifest", ".pre-commit-hooks.yaml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert p.returncode == 0, p.stdout + p.stderr


@pytest.fixture(scope="module")
def user_repo(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, dict[str, str], Path]:
    """A user's repository with postmortems, an environment with a private pre-commit home,
    and a pre-commit configuration (outside the repository) that uses this repository's
    hook at a commit holding the working tree's uncommitted changes."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    from pre_commit.commands.try_repo import _repo_ref

    repo = tmp_path_factory.mktemp("user-repo")
    (repo / "postmortems").mkdir()
    (repo / "postmortems" / "2025-02-10-login.md").write_text(BAD, encoding="utf-8")
    (repo / "postmortems" / "2025-02-11-login.md").write_text(GOOD, encoding="utf-8")
    # Markdown that is not a postmortem, with the same problems: outside the files pattern.
    (repo / "NOTES.md").write_text(BAD, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env["PRE_COMMIT_HOME"] = str(tmp_path_factory.mktemp("pre-commit-home"))
    env["PRE_COMMIT_COLOR"] = "never"
    subprocess.run(["git", "init", "-q"], cwd=repo, env=env, check=True)
    subprocess.run(["git", "add", "."], cwd=repo, env=env, check=True)
    hook_repo, rev = _repo_ref(str(tmp_path_factory.mktemp("hook-repo")), str(ROOT), None)
    config = tmp_path_factory.mktemp("pre-commit-config") / ".pre-commit-config.yaml"
    config.write_text(
        yaml.safe_dump({"repos": [{"repo": hook_repo, "rev": rev, "hooks": [{"id": "pm-lint"}]}]}),
        encoding="utf-8",
    )
    return repo, env, config


def _run_hook(
    user: tuple[Path, dict[str, str], Path], *files: str
) -> subprocess.CompletedProcess[str]:
    repo, env, config = user
    return subprocess.run(
        [*_precommit(), "run", "--config", str(config), "--verbose", "--files", *files],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


@pytest.mark.slow
def test_hook_fails_on_a_postmortem_with_problems(
    user_repo: tuple[Path, dict[str, str], Path],
) -> None:
    p = _run_hook(user_repo, "postmortems/2025-02-10-login.md")
    out = p.stdout + p.stderr
    assert p.returncode == 1, out
    assert re.search(r"^pm-lint\.+Failed$", out, re.M), out
    # The linter's own findings, with the file name and positions.
    path = "postmortems/2025-02-10-login.md"
    assert f"{path}:3:11: PM204" in out, out  # 2025-02-30 is not a date
    assert f"{path}:8:15: PM401" in out, out  # "for a while"
    assert re.search(rf"{re.escape(path)}:10:4: PM202", out), out  # empty Detection
    assert re.search(rf"{re.escape(path)}:14:3: PM301", out), out  # "Improve monitoring"


@pytest.mark.slow
def test_hook_passes_a_good_postmortem_and_skips_other_markdown(
    user_repo: tuple[Path, dict[str, str], Path],
) -> None:
    """NOTES.md has the bad postmortem's problems but is outside the default ``files``
    pattern: the hook never sees it, so the run passes on the good postmortem alone."""
    p = _run_hook(user_repo, "postmortems/2025-02-11-login.md", "NOTES.md")
    out = p.stdout + p.stderr
    assert p.returncode == 0, out
    assert re.search(r"^pm-lint\.+Passed$", out, re.M), out
    # --verbose shows pm-lint's own summary: it was given the one postmortem only.
    assert re.search(r"\(1 file\)|in 1 file", out), out
