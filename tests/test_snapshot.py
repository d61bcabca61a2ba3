"""Behaviour lock: every diagnostic on the fixtures, the examples and the corpus, as stored.

Refactors must not change what users see. This test lints every Markdown and text fixture
(with each built-in template), the bundled examples, and every document in
``../shared/corpus`` (LF and CRLF) and compares code, severity, range and a digest of the
message, fix and data with ``tests/data/diagnostics_snapshot.json``.

A change in findings that is meant (a rule made better on purpose) regenerates the file:
``python tests/test_snapshot.py`` (then review the diff of counts it prints, and say in the
commit message what changed and why). Corpus text is never stored: messages and fixes may
quote a document, so only their digest is kept.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = Path(__file__).resolve().parent / "data" / "diagnostics_snapshot.json"
CORPUS = ROOT.parent / "shared" / "corpus"
TEMPLATES = ("standard", "google-sre", "pagerduty", "atlassian")

Row = list[Any]


def _digest(d: Any) -> str:
    fix = None
    if d.fix is not None:
        fix = [d.fix.title, d.fix.safe, [[e.start, e.end, e.new_text] for e in d.fix.edits]]
    data = dict(d.data) if d.data else None
    blob = json.dumps([d.message, fix, data], sort_keys=True, ensure_ascii=False)
    return hashlib.sha1(blob.encode()).hexdigest()[:16]


def _inputs() -> Iterator[tuple[str, str, str]]:
    """(key, template, text) for every snapshot entry, in a stable order."""
    fixtures = sorted(
        p for p in (ROOT / "tests" / "fixtures").rglob("*") if p.suffix in (".md", ".txt")
    )
    for p in fixtures:
        text = p.read_text(encoding="utf-8")
        for template in TEMPLATES:
            yield f"{p.relative_to(ROOT).as_posix()}@{template}", template, text
    for p in sorted((ROOT / "examples").glob("*.md")):
        yield p.relative_to(ROOT).as_posix(), "standard", p.read_text(encoding="utf-8")
    if CORPUS.is_dir():
        for p in sorted(CORPUS.glob("*.md")):
            text = p.read_text(encoding="utf-8")
            yield f"corpus/{p.name}", "standard", text
            yield (
                f"corpus/{p.name}#crlf",
                "standard",
                text.replace("\r\n", "\n").replace("\n", "\r\n"),
            )


def collect(nlp: Any) -> dict[str, list[Row]]:
    from pm_lsp.engine import lint
    from pm_lsp.policy.config import Settings, resolve, validate

    configs = {
        t: resolve([Settings(), validate({"template": t}, "snapshot", None)]) for t in TEMPLATES
    }
    out: dict[str, list[Row]] = {}
    for key, template, text in _inputs():
        result = lint(text, configs[template], nlp=nlp)
        out[key] = [
            [d.code, d.severity.label, d.start, d.end, _digest(d)] for d in result.diagnostics
        ]
    return out


@pytest.mark.slow
def test_diagnostics_equal_the_stored_snapshot(nlp: Any) -> None:
    stored: dict[str, list[Row]] = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    now = collect(nlp)
    if not CORPUS.is_dir():
        stored = {k: v for k, v in stored.items() if not k.startswith("corpus/")}
    assert sorted(now) == sorted(stored), "the set of snapshot inputs changed"
    # every finding marks at least one character: an empty range shows nothing in an
    # editor (one vague amount named after its noun once ended before it started)
    empty = [(k, r) for k, rows in now.items() for r in rows if not r[2] < r[3]]
    assert empty == [], empty[:5]
    changed = {k: (stored[k], now[k]) for k in now if now[k] != stored[k]}
    report = []
    for key, (old, new) in sorted(changed.items())[:20]:
        gone = [r for r in old if r not in new]
        added = [r for r in new if r not in old]
        report.append(f"{key}: -{gone[:5]} +{added[:5]}")
    assert not changed, f"{len(changed)} inputs changed:\n" + "\n".join(report)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    from pm_lsp.nlp.pipeline import NLP

    snap = collect(NLP())
    old = json.loads(SNAPSHOT.read_text(encoding="utf-8")) if SNAPSHOT.exists() else {}
    SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(json.dumps(snap, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    diff = sum(1 for k in snap if snap[k] != old.get(k))
    total = sum(len(v) for v in snap.values())
    print(f"{len(snap)} inputs, {total} diagnostics; {diff} inputs differ from before")
