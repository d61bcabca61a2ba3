"""Random edit sessions: a lint through warm caches always equals a lint from nothing.

The rule families reuse what they found in a part of the document (a block, a sentence, a
section's stretch) for as long as the part's key is unchanged; the key must hold everything
the answer reads, including what lies outside the part (the headings above it, acronyms
defined elsewhere, the words the document uses as system names, what precedes it, the
metadata). ``tests/test_memo.py`` walks one planned sequence of edits; this file walks
seeded random sequences over several postmortems, with the edits that change a part's
context from outside it: headings renamed or moved a level, paragraphs moved, copied and
deleted, acronyms defined and system names introduced elsewhere, metadata and timestamps
changed, blame sentences put before others, emoji, CRLF. After every edit the warm lint
(every cache kept since the session began) is compared with a lint after
:func:`pm_lsp.cache.clear_all` (what a fresh process computes), finding by finding.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from pm_lsp.cache import clear_all
from pm_lsp.engine import lint
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.parse.markdown import parse
from pm_lsp.policy.config import Settings, resolve

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"

#: own postmortems of different shapes (examples and fixtures written for the project)
DOCUMENTS = (
    ROOT / "examples" / "good-postmortem.md",
    ROOT / "examples" / "bad-postmortem.md",
    FIXTURES / "readability" / "acronyms.md",
    FIXTURES / "actions" / "table-trackers.md",
    FIXTURES / "structure" / "forms" / "standard-form.md",
    FIXTURES / "impact" / "not-impact.md",
)

EDITS_PER_SESSION = 14

#: heading titles an edit renames a heading to: parts of the template and other titles
TITLES = (
    "Impact",
    "Timeline",
    "Root cause",
    "Contributing factors",
    "Action items",
    "Lessons learned",
    "Detection",
    "Summary",
    "What went well",
    "Follow-up work",
    "Background",
    "Five whys",
    "Why",
    "Notes",
)

#: sentences an edit inserts (written for this test): blame, vague impact and actions,
#: a change pointed back at, timestamps, a system name, an emoji
SENTENCES = (
    "Dana broke the release by skipping the review.",
    "Some customers saw errors for a while.",
    "We should improve monitoring.",
    "Kofi pushed the new limits at 09:10. This change broke the importer.",
    "- 10:42 UTC - the queue drained and the alert cleared",
    "14:05 Paging stopped after the rollback finished.",
    "Orion restarted twice after the deploy.",
    "The team will look into better alerting. 🚀",
    "Human error caused the outage.",
    "Many users were affected.",
)

#: metadata lines an edit adds or swaps
METADATA = (
    "**Status**: Draft",
    "**Status**: Final",
    "**Date**: 2025-03-04",
    "**Severity**: SEV2",
    "**Authors**: Storage team",
)

_ACRONYM = re.compile(r"\b[A-Z]{2,5}\b")
_CAPITALISED = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]{3,}\b")

Edit = Callable[[str, random.Random], str]


def _blocks(text: str) -> list[tuple[int, int]]:
    """Line-aligned spans of the document's paragraphs and list items."""
    doc = parse(text)
    out = []
    for b in doc.blocks:
        if b.kind not in ("paragraph", "list_item"):
            continue
        start = text.rfind("\n", 0, b.start) + 1
        end = text.find("\n", b.end)
        out.append((start, len(text) if end < 0 else end + 1))
    return out


def _boundary(text: str, rng: random.Random) -> int:
    """The start of a random paragraph or list item (or the end of the text)."""
    spans = _blocks(text)
    return rng.choice(spans)[0] if spans else len(text)


def _rename_heading(text: str, rng: random.Random) -> str:
    heads = list(re.finditer(r"^(#{2,4})[ \t]+(.+)$", text, re.M))
    if not heads:
        return text
    m = rng.choice(heads)
    return text[: m.start(2)] + rng.choice(TITLES) + text[m.end(2) :]


def _relevel_heading(text: str, rng: random.Random) -> str:
    heads = list(re.finditer(r"^(#{2,4})[ \t]", text, re.M))
    if not heads:
        return text
    m = rng.choice(heads)
    marks = "###" if len(m.group(1)) == 2 else "##"
    return text[: m.start(1)] + marks + text[m.end(1) :]


def _move_block(text: str, rng: random.Random) -> str:
    spans = _blocks(text)
    if len(spans) < 2:
        return text
    a, e = rng.choice(spans)
    piece, rest = text[a:e], text[:a] + text[e:]
    at = _boundary(rest, rng)
    return rest[:at] + piece + ("\n" if not piece.endswith("\n\n") else "") + rest[at:]


def _copy_block(text: str, rng: random.Random) -> str:
    spans = _blocks(text)
    if not spans:
        return text
    a, e = rng.choice(spans)
    at = _boundary(text, rng)
    return text[:at] + text[a:e].rstrip("\n") + "\n\n" + text[at:]


def _delete_block(text: str, rng: random.Random) -> str:
    spans = _blocks(text)
    if len(spans) < 4:
        return text
    a, e = rng.choice(spans)
    return text[:a] + text[e:]


def _define_acronym(text: str, rng: random.Random) -> str:
    """Spell out an acronym the document uses, in a paragraph of its own somewhere."""
    found = sorted(set(_ACRONYM.findall(text)))
    if not found:
        return text
    acronym = rng.choice(found)
    words = " ".join(f"{c}{'ontrol' if i % 2 else 'ervice'}" for i, c in enumerate(acronym))
    at = _boundary(text, rng)
    return text[:at] + f"We run the {words} ({acronym}) for billing.\n\n" + text[at:]


def _system_name(text: str, rng: random.Random) -> str:
    """Use a capitalised word of the document as the name of a system somewhere else."""
    found = sorted(set(_CAPITALISED.findall(text)))
    if not found:
        return text
    name = rng.choice(found)
    at = _boundary(text, rng)
    return text[:at] + f"The {name} service restarted twice.\n\n" + text[at:]


def _insert_sentence(text: str, rng: random.Random) -> str:
    at = _boundary(text, rng)
    return text[:at] + rng.choice(SENTENCES) + "\n\n" + text[at:]


def _append_sentence(text: str, rng: random.Random) -> str:
    """Add a sentence at the end of a paragraph (what precedes the next one changes)."""
    spans = _blocks(text)
    if not spans:
        return text
    _a, e = rng.choice(spans)
    end = e - 1 if text[e - 1 : e] == "\n" else e
    return text[:end] + " " + rng.choice(SENTENCES).lstrip("- ") + text[end:]


def _metadata(text: str, rng: random.Random) -> str:
    present = [m for m in METADATA if m in text]
    if present and rng.random() < 0.5:
        return text.replace(rng.choice(present), rng.choice(METADATA), 1)
    first = text.find("\n## ")
    at = first + 1 if first >= 0 else 0
    return text[:at] + rng.choice(METADATA) + "\n\n" + text[at:]


def _emoji(text: str, rng: random.Random) -> str:
    at = _boundary(text, rng)
    return text[:at] + "👩\u200d💻 日本語 note. " + text[at:]


EDITS: tuple[Edit, ...] = (
    _rename_heading,
    _relevel_heading,
    _move_block,
    _copy_block,
    _delete_block,
    _define_acronym,
    _system_name,
    _insert_sentence,
    _append_sentence,
    _metadata,
    _emoji,
)


def _session(path: Path, seed: int) -> list[str]:
    """The texts of one random edit session on ``path`` (LF), the original first."""
    rng = random.Random(f"{path.name}:{seed}")
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    texts = [text]
    for _ in range(EDITS_PER_SESSION):
        text = rng.choice(EDITS)(text, rng)
        texts.append(text)
    return texts


def _rows(text: str, nlp: NLP) -> list[tuple[object, ...]]:
    result = lint(text, resolve([Settings()]), nlp=nlp)
    assert result.errors == []
    return [
        (d.code, d.start, d.end, d.severity, d.message, d.fix, repr(d.data))
        for d in result.diagnostics
    ]


@pytest.mark.slow
@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.stem for p in DOCUMENTS])
def test_warm_lints_equal_fresh_lints_through_a_random_session(path: Path, nlp: NLP) -> None:
    texts = _session(path, 1)
    crlf_at = len(texts) // 2  # the second half of the session in CRLF
    texts = [t if i < crlf_at else t.replace("\n", "\r\n") for i, t in enumerate(texts)]
    warm = nlp.sibling()
    warm_rows = [_rows(t, warm) for t in texts]
    assert len({tuple(r) for r in warm_rows}) > len(texts) // 2  # the edits changed findings
    for step, text in enumerate(texts):
        clear_all()
        assert warm_rows[step] == _rows(text, nlp.sibling()), f"step {step}"


def test_the_edits_change_what_they_say() -> None:
    """Each edit kind changes the text of a document it applies to (not vacuous)."""
    text = DOCUMENTS[0].read_text(encoding="utf-8")
    for edit in EDITS:
        changed = [edit(text, random.Random(k)) != text for k in range(5)]
        assert any(changed), edit.__name__
