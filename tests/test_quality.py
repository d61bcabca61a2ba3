"""The codebase passes ruff and mypy --strict, as the style guide requires."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _tool(name: str) -> list[str]:
    exe = Path(sys.executable).parent / name
    if exe.exists():
        return [str(exe)]
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed; it is part of the test extra")
    return [found]


def test_ruff_clean() -> None:
    p = subprocess.run(
        [*_tool("ruff"), "check", "pm_lsp", "tests", "bench"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert p.returncode == 0, p.stdout + p.stderr


def test_ruff_format_clean() -> None:
    p = subprocess.run(
        [*_tool("ruff"), "format", "--check", "pm_lsp", "tests", "bench"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert p.returncode == 0, p.stdout + p.stderr


def test_mypy_strict_clean() -> None:
    p = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "pm_lsp"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert p.returncode == 0, p.stdout + p.stderr


def test_wheel_ships_rules_and_models(tmp_path: Path) -> None:
    p = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert p.returncode == 0, p.stdout + p.stderr
    (wheel,) = tmp_path.glob("pm_lsp-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for rel in (
        "rules/vocabulary.toml",
        "rules/structure.toml",
        "rules/templates/standard.toml",
        "models/README.md",
    ):
        assert f"pm_lsp/_data/{rel}" in names, rel
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "pm-lint = pm_lsp.cli:main" in text and "pm-lsp = pm_lsp.lsp.server:main" in text


#: the phrase that opens a long function's reason for staying in one piece
LONG_REASON = "Kept in one piece"


def _long_functions() -> list[tuple[str, str, int, str]]:
    import ast

    out = []
    for path in sorted((ROOT / "pm_lsp").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > 60:
                    doc = ast.get_docstring(node) or ""
                    out.append((str(path.relative_to(ROOT)), node.name, length, doc))
    return out


def test_long_functions_say_why() -> None:
    """A function over 60 lines either gets split or says in its docstring why it is one
    piece (a paragraph starting "Kept in one piece"), so length is a decision, not drift."""
    unexplained = [
        f"{path}:{name} ({length} lines)"
        for path, name, length, doc in _long_functions()
        if LONG_REASON not in doc
    ]
    assert not unexplained, "long functions without a reason: " + ", ".join(unexplained)
