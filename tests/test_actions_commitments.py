"""PM301/PM306 on commitments written as prose, hedges, follow-up headings found by synonym,
lists found by their content, and the look-alikes that are not action items (courtesy,
discourse openers, modelling prose, records of work done). Real parser, real spaCy."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
from conftest import FIXTURES, ROOT, LintFn

from pm_lsp.policy.rulepack import builtin_pack

FIXTURE = FIXTURES / "actions" / "commitments.txt"
CHALLENGE = ROOT / "tests" / "data" / "actions_challenge.tsv"
CODES = ("PM301", "PM306")
#: the lists of rules/actions.toml that these fixtures and the challenge set cover
COVERED_KEYS = (
    "hedges",
    "value-hedges",
    "courtesy-verbs",
    "courtesy-adjectives",
    "framing-adjectives",
    "light-verbs",
    "weak-nouns",
    "discourse-openers",
    "modelling-objects",
    "commitment-verbs",
    "commitment-modals",
    "ability-modals",
    "writer-subjects",
    "end-state-negations",
    "irregular-past",
    "proposal-headings",
    "heading-cues",
    "proposal-nouns",
)
#: the vague items of tests/test_actions.py cover some of these words too


def _cases() -> list[tuple[str, str, str, str]]:
    out = []
    for ln in FIXTURE.read_text(encoding="utf-8").splitlines():
        if not ln.strip() or ln.startswith("#"):
            continue
        expected, where, text = ln.split("\t")
        form, heading = where.split(":", 1)
        out.append((expected, form, heading, text))
    return out


def _document(form: str, heading: str, text: str) -> str:
    head = "# Relay outage\n\n## Summary\n\nThe relays were unreachable for an hour.\n\n"
    if form == "list":
        others = "- Rotated the relay keys\n- Added the relays to the uptime monitor\n"
        return f"{head}## {heading}\n\n- {text}\n{others}"
    return f"{head}## {heading}\n\nThe relays came back at 10:12.\n\n{text}\n"


@pytest.mark.parametrize(
    ("expected", "form", "heading", "text"), _cases(), ids=[c[3][:50] for c in _cases()]
)
def test_commitment_cases(
    lint_text: LintFn, expected: str, form: str, heading: str, text: str
) -> None:
    doc = _document(form, heading, text)
    a = doc.index(text)
    b = a + len(text)
    diags = lint_text(doc, select=list(CODES)).diagnostics
    got = sorted({d.code for d in diags if d.start < b and a < d.end})
    assert got == ([] if expected == "none" else [expected])


def test_every_commitment_word_has_a_fixture_sentence() -> None:
    """Each word these judgments read is exercised by a sentence written for the tests."""
    pack = builtin_pack()
    text = "\n".join(
        p.read_text(encoding="utf-8").lower()
        for p in (FIXTURE, CHALLENGE, FIXTURES / "actions" / "vague.txt")
    )
    missing = [
        f"{key}: {word}"
        for key in COVERED_KEYS
        for word in pack.words("actions", key)
        if not re.search(_as_written(word.lower()), text)
    ]
    assert missing == []


def _as_written(word: str) -> str:
    """How a lexicon word appears in text: clitics ("'ll") follow a word, and "wo" is the
    tokenizer's half of "won't"."""
    if word.startswith("'"):
        return rf"{re.escape(word)}(?![\w-])"
    if word == "wo":
        return r"(?<![\w-])won't"
    return rf"(?<![\w-]){re.escape(word)}(?![\w-])"


def test_a_wish_with_no_named_change_has_one_wording(lint_text: LintFn) -> None:
    """ "We should add monitoring" as an item, in prose and in a Lessons list: one class,
    one message (it was "Action item phrased as …" for an item and "Commitment with no
    named change …" in prose)."""
    item = "# T\n\n## Action items\n\n- We should add monitoring\n"
    prose = _document("prose", "Why recovery was slow", "We should add monitoring.")
    lessons = _document("list", "Lessons learned", "We need to add monitoring")
    messages = {
        d.message
        for doc in (item, prose, lessons)
        for d in lint_text(doc, select=["PM301"]).diagnostics
    }
    assert messages == {
        "Commitment with no named change ('We should …'): name the artefact, check, alert or "
        "threshold that will exist when it is done",
        "Commitment with no named change ('We need to …'): name the artefact, check, alert or "
        "threshold that will exist when it is done",
    }


def test_commitment_messages_name_what_is_missing(lint_text: LintFn) -> None:
    doc = _document("prose", "Lessons learned", "We might add a cache in front of the API.")
    (d,) = lint_text(doc, select=["PM301"]).diagnostics
    assert "'might'" in d.message and "how to tell it is finished" in d.message
    doc = _document("prose", "Recommendations", "The gateway should be smarter about retries.")
    (d,) = lint_text(doc, select=["PM301"]).diagnostics
    assert "'smarter'" in d.message


def test_timeline_plans_are_not_follow_up_work(lint_text: LintFn) -> None:
    doc = (
        "# Outage\n\n## Timeline\n\n- 10:02 We will probably need to restart the relays.\n"
        "- 10:05 We should look into the relay logs.\n"
    )
    assert lint_text(doc, select=list(CODES)).diagnostics == []


def _challenge_bench() -> ModuleType:
    path = ROOT / "bench" / "eval_actions_challenge.py"
    spec = importlib.util.spec_from_file_location("eval_actions_challenge", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # its dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


def test_challenge_set_shape() -> None:
    """At least 200 vague and 200 specific items, both labels in every form."""
    bench = _challenge_bench()
    entries = bench.load(CHALLENGE)
    labels = [e.label for e in entries]
    assert labels.count("vague") >= 200 and labels.count("specific") >= 200
    for form in ("list", "task", "table", "numbered", "prose", "narrative"):
        assert {e.label for e in entries if e.form == form} == {"vague", "specific"}, form
    assert len({e.text for e in entries}) == len(entries)  # no entry twice


@pytest.mark.slow
def test_challenge_set_precision_and_recall(nlp: object) -> None:
    """PM301/PM306 on the challenge set: precision >= 0.9, recall >= 0.85 (the bench
    prints the figures per form and class)."""
    bench = _challenge_bench()
    entries = bench.load(CHALLENGE)
    score = bench.scores(entries, bench.flagged(entries, nlp))["all"]
    assert score.precision >= 0.9, score.wrong
    assert score.recall >= 0.85, score.wrong


def test_bench_builds_each_form_around_its_text() -> None:
    bench = _challenge_bench()
    for form in ("list", "task", "done", "table", "numbered", "prose", "narrative"):
        entry = bench.Entry("vague", form, "x", "Improve the relay health checks")
        doc = bench.document(entry, 3)
        assert doc.count(entry.text) == 1
    assert "- [x] Improve" in bench.document(bench.Entry("vague", "done", "x", "Improve it"), 0)


def test_fixture_and_challenge_are_our_own_files() -> None:
    assert Path(FIXTURE).is_file() and Path(CHALLENGE).is_file()
