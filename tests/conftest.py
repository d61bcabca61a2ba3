"""Shared fixtures: one real spaCy pipeline per test session, and a lint helper."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from pm_lsp.engine import LintResult, lint
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.policy.config import Settings, resolve, validate
from pm_lsp.rules.spec import Diagnostic

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"

_NLP = NLP()

#: the challenge sets written for the project: one entry per line, its text in the last
#: tab-separated column
CHALLENGE_SETS = ("blame_challenge.tsv", "actions_challenge.tsv", "impact_challenge.tsv")


def document_paths() -> list[Path]:
    """Every fixture postmortem, then every corpus document (read at run time, when the
    corpus is next to the repository)."""
    paths = sorted(FIXTURES.rglob("*.md"))
    if CORPUS.is_dir():
        paths += sorted(CORPUS.rglob("*.md"))
    return paths


def challenge_texts() -> list[str]:
    """Every sentence of the challenge sets, in file order."""
    out: list[str] = []
    for name in CHALLENGE_SETS:
        path = ROOT / "tests" / "data" / name
        out += [ln.split("\t")[-1] for ln in path.read_text(encoding="utf-8").splitlines()]
    return out


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Test files holding a slow test first, each file's tests still together and in order.

    Under pytest-xdist (``--dist loadfile --no-loadscope-reorder``, pyproject.toml) whole
    files are handed out in this order to whichever process is free: the long files start
    early and the short ones fill in after them, so the processes finish at about the same
    time. (xdist's own order, most tests first, left the one-test whole-corpus files for the
    end, and one process ran the last of them while the other waited.)"""
    slow = {item.path for item in items if item.get_closest_marker("slow") is not None}
    items.sort(key=lambda item: item.path not in slow)


@pytest.fixture(autouse=True)
def _own_result_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every test gets its own on-disk result cache (``pm-lint`` runs in this process and
    in subprocesses alike): a result stored by one test, maybe with a rule patched, must
    never answer another, and the working tree gets no cache folder."""
    monkeypatch.setenv("PM_LINT_CACHE_DIR", str(tmp_path_factory.mktemp("pm-lint-cache")))


@pytest.fixture(autouse=True)
def _own_regex_table(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The compiled-pattern table (:mod:`pm_lsp.regex_cache`) of the test session, not the
    user's: one file for all tests, as one user's runs share one."""
    table = tmp_path_factory.getbasetemp() / "regex-table.marshal"
    monkeypatch.setenv("PM_LSP_REGEX_CACHE", str(table))


@pytest.fixture(scope="session")
def nlp() -> NLP:
    """The real English pipeline, loaded once per session."""
    _NLP.load()
    return _NLP


LintFn = Callable[..., LintResult]


def lines_reported(code: str, title: str) -> Callable[[LintFn, Sequence[str], str], list[str]]:
    """A test's reader of which lines ``code`` reports when each stands as its own
    paragraph under a heading, in a document titled ``title``: many sentences judged in
    one lint, each read on its own line."""

    def reported(lint_text: LintFn, lines: Sequence[str], heading: str) -> list[str]:
        text = f"# {title}\n\n## {heading}\n\n" + "\n\n".join(lines) + "\n"
        diags = lint_text(text, select=[code]).diagnostics
        by_line = dict(enumerate(text.splitlines(), start=1))
        return sorted({by_line[text.count("\n", 0, d.start) + 1] for d in diags}, key=lines.index)

    return reported


def diagnostics_by_paragraph(
    lint_text: LintFn,
    sections: Sequence[tuple[str, Sequence[str]]],
    select: Sequence[str] = ("PM1",),
) -> tuple[str, dict[str, list[Diagnostic]]]:
    """Lint one document made of ``sections`` (a heading, its paragraphs): the document's
    text and each paragraph's diagnostics of the ``select``ed codes. Many sentences judged
    in one lint (one parse batch), each read on its own."""
    text = "# Outage review\n\n"
    where: list[tuple[int, int, str]] = []
    for heading, paragraphs in sections:
        text += f"## {heading}\n\n"
        for p in paragraphs:
            where.append((len(text), len(text) + len(p), p))
            text += p + "\n\n"
    found: dict[str, list[Diagnostic]] = {p: [] for _, _, p in where}
    for d in lint_text(text, select=list(select)).diagnostics:
        para = next(p for a, e, p in where if a <= d.start < e)
        found[para].append(d)
    return text, found


def findings_by_paragraph(
    lint_text: LintFn,
    sections: Sequence[tuple[str, Sequence[str]]],
    select: Sequence[str] = ("PM1",),
) -> dict[str, list[str]]:
    """Each paragraph's findings (:func:`diagnostics_by_paragraph`) as "CODE text"."""
    text, found = diagnostics_by_paragraph(lint_text, sections, select)
    return {p: [f"{d.code} {text[d.start : d.end]}" for d in ds] for p, ds in found.items()}


@pytest.fixture(scope="session")
def lint_text(nlp: NLP) -> LintFn:
    """``lint_text(text, select=["PM1"], **settings)`` -> LintResult, with the shared model.

    Keyword arguments are ``.pm-lint.toml`` keys with underscores for dashes.
    """

    def run(text: str, **settings: Any) -> LintResult:
        raw = {k.replace("_", "-"): v for k, v in settings.items()}
        config = resolve([Settings(), validate(raw, "test settings", None)])
        return lint(text, config, nlp=nlp)

    return run
