"""A big parse batch shared with forked copies of the process gives the same parses, and
the same findings, as one process parsing it all (pm_lsp.nlp.forked)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, ROOT, challenge_texts
from spacy.tokens import Doc

from pm_lsp.engine import lint
from pm_lsp.nlp import forked, spacing
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.parse.markdown import parse
from pm_lsp.policy.config import Settings, resolve

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="copies are forked on Linux only")


def _prose() -> list[str]:
    template = resolve([Settings()]).template
    out: list[str] = []
    for p in sorted(FIXTURES.glob("*/*.md")) + sorted((ROOT / "examples").glob("*.md")):
        doc = parse(p.read_text(encoding="utf-8"), template)
        out += [b.text for b in doc.prose_blocks() if b.text.strip()]
    return list(dict.fromkeys(out))


def _signature(doc: Doc) -> tuple[object, ...]:
    tokens = tuple(
        (
            t.text,
            t.whitespace_,
            t.norm_,
            t.tag_,
            t.pos_,
            str(t.morph),
            t.lemma_,
            t.dep_,
            t.head.i,
            t.is_sent_start,
            t.ent_iob_,
            t.ent_type_,
        )
        for t in doc
    )
    flags = tuple(
        doc.has_annotation(a) for a in ("TAG", "POS", "MORPH", "LEMMA", "DEP", "SENT_START")
    )
    return tokens, flags, tuple((s.start, s.end) for s in doc.sents), doc.text


@pytest.fixture
def sharing() -> Iterator[None]:
    with forked.allowing(2):
        yield


def test_shared_batch_parses_equal_one_process_parses(nlp: NLP, sharing: None) -> None:
    texts = _prose()
    assert len(texts) >= forked.MIN_TEXTS
    assert forked._parts(len(texts)) == 2
    pipeline = nlp.load()
    shared = forked.pipe(pipeline, texts, disable=["ner"])
    alone = spacing.pipe(pipeline, texts, ["ner"])  # the same parses here, never shared
    assert [_signature(d) for d in shared] == [_signature(d) for d in alone]
    # the copy's half really came back through the pipe: its docs were made here from bytes
    assert all(d.tensor.size == 0 for d in shared[len(texts) // 2 + 1 :])


def test_small_batches_and_threaded_processes_never_fork(sharing: None) -> None:
    assert forked._parts(forked.MIN_TEXTS - 1) == 1
    assert forked._parts(forked.MIN_TEXTS * 10) == 2  # never more parts than allowed
    with forked.allowing(1):
        assert forked._parts(forked.MIN_TEXTS * 10) == 1
    assert forked._parts(forked.MIN_TEXTS * 10) == 2  # the setting before, back


def test_a_garbled_reply_is_refused(nlp: NLP) -> None:
    pipeline = nlp.load()
    assert forked.decode(b"not a DocBin", pipeline, 1) is None
    from spacy.tokens import DocBin

    data = DocBin(attrs=list(forked.ATTRS), docs=pipeline.pipe(["One.", "Two."])).to_bytes()
    assert forked.decode(data, pipeline, 3) is None  # a part missing
    got = forked.decode(data, pipeline, 2)
    assert got is not None and [d.text for d in got] == ["One.", "Two."]


@pytest.mark.slow
def test_one_long_file_has_the_same_findings_with_jobs(tmp_path: Path) -> None:
    """Every fixture postmortem joined into one long file, with the challenge sentences as
    paragraphs of its timeline, action items and impact: the diagnostics with the work
    shared (``--jobs 2``, even on one CPU: the rule families split with a forked copy,
    ``pm_lsp.shared``) equal those of one process."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*/*.md"))]
    sentences = challenge_texts()
    third = len(sentences) // 3
    texts += [
        "## Timeline\n\n" + "\n\n".join(sentences[:third]),
        "## Action items\n\n" + "\n".join(f"- {t}" for t in sentences[third : 2 * third]),
        "## Impact\n\n" + "\n\n".join(sentences[2 * third :]),
    ]
    long = tmp_path / "long.md"
    long.write_text("\n\n".join(texts), encoding="utf-8")

    own = NLP()
    lint(long.read_text(encoding="utf-8"), resolve([Settings()]), nlp=own)
    assert own.parsed_texts > 2 * forked.MIN_TEXTS  # the batch is big enough to be shared

    def run(jobs: str) -> dict[str, Any]:
        cmd = [sys.executable, "-m", "pm_lsp.cli", "--isolated", "--no-cache", "--format", "json"]
        p = subprocess.run(
            [*cmd, "--jobs", jobs, str(long)],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "NO_COLOR": "1"},
        )
        assert p.returncode in (0, 1), p.stderr
        found: dict[str, Any] = json.loads(p.stdout)
        return found

    alone = run("1")
    assert alone["summary"]["diagnostics"] > 100
    assert run("2") == alone


def test_a_talking_copy_and_its_parent_exchange_messages() -> None:
    def work(line: forked.Line) -> bytes:
        got = line.receive()
        assert got is not None
        line.send(got[::-1])
        line.send(b"x" * 300_000)  # more than a pipe holds by default
        return b"done" if line.receive() is None else b"heard more"

    copy = forked.talking(work)
    assert copy is not None
    assert copy.line.send(b"abc")
    assert copy.line.receive() == b"cba"
    assert copy.line.receive() == b"x" * 300_000
    assert forked.result(copy) == b"done"  # the parent's end closed: the copy heard None


def test_a_copy_gone_mid_talk_is_heard_as_none() -> None:
    def work(line: forked.Line) -> bytes:
        os._exit(3)

    copy = forked.talking(work)
    assert copy is not None
    assert copy.line.receive() is None
    assert forked.result(copy) is None
