"""The one cache policy (:mod:`pm_lsp.cache`): one call empties every cache in the process,
and per-document analyses are keyed by everything they are given.

The proof that cached answers are never stale is in tests/test_memo.py (a lint through warm
caches equals a lint after :func:`~pm_lsp.cache.clear_all`); these tests prove that the
clear reaches every cache, that no cache escapes the registry, and how the per-document
analyses key and guard their values.
"""

from __future__ import annotations

import ast
import pickle
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

from pm_lsp.cache import Memo, clear_all, entries
from pm_lsp.engine import lint
from pm_lsp.model.document import PostmortemDoc
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.parse.markdown import parse
from pm_lsp.policy.config import Settings, resolve
from pm_lsp.policy.rulepack import builtin_pack
from pm_lsp.policy.templates import Template, load_template
from pm_lsp.rules.timeline.model import words as timeline_words

PACKAGE = ROOT / "pm_lsp"

#: ``functools.lru_cache`` left unregistered on purpose: loaders and registries, not caches
#: of derived data (a pack, a template or the rule list is loaded once and reloaded by the
#: language server when its configuration changes; see pm_lsp.cache), and the rule
#: documentation links (one per rule code: bounded by the rule list, never stale)
LOADERS = {
    ("lsp/convert.py", "_code_description"),
    ("lsp/convert.py", "_doc_href"),
    ("lsp/convert.py", "_lsprotocol_converter"),
    ("policy/rulepack.py", "builtin_shape"),
    ("policy/rulepack.py", "builtin_pack"),
    ("policy/rulepack.py", "_load_pack"),  # a user pack by path and file stamp
    ("policy/templates.py", "_builtin_names"),
    ("policy/templates.py", "_load_template"),  # a template by path and file stamp
    ("rules/registry.py", "all_rules"),
    ("rules/registry.py", "rules_by_code"),
    ("rules/registry.py", "rules_by_name"),
    ("policy/names.py", "given_names"),  # the shipped given-name list, read once
}
#: none left: every cache of derived data is registered
PENDING: set[tuple[str, str]] = set()


def _lint_documents(nlp: NLP) -> int:
    """Lint documents that reach every kind of cache (front matter, timeline, action items,
    blame, impact, readability); returns how many texts ``nlp`` parsed."""
    config = resolve([Settings()])
    before = nlp.parsed_texts
    for path in (
        FIXTURES / "document" / "full.md",
        ROOT / "examples" / "bad-postmortem.md",
        ROOT / "examples" / "good-postmortem.md",
    ):
        result = lint(path.read_text(encoding="utf-8"), config, nlp=nlp)
        assert result.errors == []
    return nlp.parsed_texts - before


def test_one_clear_empties_every_registered_cache(nlp: NLP) -> None:
    warm = nlp.sibling()
    parsed = _lint_documents(warm)
    held = entries()
    filled = {name for name, n in held.items() if n}
    # the lint filled the chunk cache, the memo tables and most lru functions
    assert {"pm_lsp.parse.markdown.chunks", "memo tables"} <= filled
    assert {
        "pm_lsp.parse.masking.mask_inline",
        "pm_lsp.parse.frontmatter._front_matter_error",
        "pm_lsp.policy.templates.normalise_heading",
        "pm_lsp.nlp.sentences._sentence_spans",
        "pm_lsp.rules.timeline.model._date_at",
        "pm_lsp.rules.actions.items._masked_label",
        "pm_lsp.rules.structure.concepts._label_of",
    } <= filled
    assert parsed > 10 and _lint_documents(warm) == 0  # everything served from the caches

    clear_all()

    assert {name: n for name, n in entries().items() if n} == {}
    assert all(n == 0 for n, _hits, _misses in warm.memos.stats().values())
    assert len(timeline_words(builtin_pack()).zones.stamps) == 0  # a pack's memo table
    assert len(load_template("standard")._section_memo) == 0  # a template's
    # the spaCy parse cache was emptied too: the same lint parses everything again
    assert _lint_documents(warm) == parsed


def _lru_functions(path: Path) -> list[str]:
    """Functions in ``path`` decorated with ``functools.lru_cache``/``cache`` (any
    spelling), or wrapped by it in an assignment."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            for dec in node.decorator_list:
                target = dec.func if isinstance(dec, ast.Call) else dec
                name = (
                    target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
                )
                if name in ("lru_cache", "cache"):
                    out.append(node.name)
        elif isinstance(node, ast.Call):
            f = node.func
            if isinstance(f, ast.Call):  # lru_cache(maxsize=...)(fn)
                f = f.func
            name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
            if name == "lru_cache" and node.args and isinstance(node.args[0], ast.Name):
                out.append(node.args[0].id)
    return out


def test_no_cache_escapes_the_registry() -> None:
    """Every ``functools.lru_cache`` in the package is a loader (listed above); caches of
    derived data use ``pm_lsp.cache.lru``, which registers them with clear_all."""
    found = {
        (str(p.relative_to(PACKAGE)), fn)
        for p in sorted(PACKAGE.rglob("*.py"))
        if p != PACKAGE / "cache.py"  # lru itself
        for fn in _lru_functions(p)
    }
    assert found - PENDING == LOADERS


def test_the_registry_scan_sees_every_spelling(tmp_path: Path) -> None:
    """The scan above is not vacuous: it finds each way of writing an lru_cache."""
    src = tmp_path / "m.py"
    src.write_text(
        "import functools\nfrom functools import lru_cache, cache\n"
        "@functools.lru_cache(maxsize=2)\ndef a(x): return x\n"
        "@lru_cache\ndef b(x): return x\n"
        "@cache\ndef c(x): return x\n"
        "def d(x): return x\n"
        "e = functools.lru_cache(maxsize=3)(d)\n",
        encoding="utf-8",
    )
    assert sorted(_lru_functions(src)) == ["a", "b", "c", "d"]


# -- per-document analyses ---------------------------------------------------------------------

_CALLS: list[tuple[object, ...]] = []


def _count_sections(doc: PostmortemDoc, template: Template, minimum: int = 0) -> tuple[str, ...]:
    _CALLS.append((template.name, minimum))
    return tuple(s.title for s in doc.sections if len(s.title) >= minimum)


def test_an_analysis_runs_once_per_document_and_inputs() -> None:
    _CALLS.clear()
    text = (FIXTURES / "document" / "full.md").read_text(encoding="utf-8")
    standard, other = load_template("standard"), load_template("pagerduty")
    doc = parse(text, standard)
    first = doc.analysis(_count_sections, standard)
    assert doc.analysis(_count_sections, standard) is first
    assert len(_CALLS) == 1
    # another input is another key (a template is unhashable: it stands by identity)
    doc.analysis(_count_sections, other)
    doc.analysis(_count_sections, standard, minimum=8)
    doc.analysis(_count_sections, standard, 8)
    assert _CALLS == [("standard", 0), ("pagerduty", 0), ("standard", 8), ("standard", 8)]
    assert doc.analysis(_count_sections, standard, minimum=8) == tuple(
        t for t in first if len(t) >= 8
    )
    # another parse of the same text is another document: computed again
    parse(text, standard).analysis(_count_sections, standard)
    assert len(_CALLS) == 5


def _mutable(doc: PostmortemDoc) -> list[str]:
    return [s.title for s in doc.sections]


def test_an_analysis_must_be_immutable() -> None:
    """Every caller receives the stored object, so a list (or a plain dataclass) would let
    one rule change what the next one reads."""
    doc = parse("# T\n\n## Summary\n\nText.\n")
    with pytest.raises(TypeError, match="immutable"):
        doc.analysis(_mutable)


def test_a_memo_pickles_empty_and_stays_registered() -> None:
    """Templates carry a memo table to ``pm-lint --jobs`` workers: it arrives empty, with
    its size, and clear_all reaches it there too."""
    memo: Memo[int] = Memo(size=7)
    memo.put("a", 1)
    copy = pickle.loads(pickle.dumps(memo))
    assert len(copy) == 0 and copy._size == 7
    copy.put("b", 2)
    clear_all()
    assert len(copy) == 0 and len(memo) == 0


def test_a_fold_step_runs_once_per_key() -> None:
    """``Memo.each``: a fold's per-part step runs for the keys the table lacks, and the
    answers come back in the keys' order, stored ones included."""
    table: Memo[int] = Memo()
    calls: list[str] = []

    def step(key: str) -> int:
        calls.append(key)
        return len(key)

    assert table.each(["ab", "abc", "ab"], step) == (2, 3, 2)
    assert calls == ["ab", "abc"]  # the second "ab" was stored by the first
    assert table.each(["abcd", "abc", "ab"], step) == (4, 3, 2)
    assert calls == ["ab", "abc", "abcd"]  # an edit: only the new part is computed
    clear_all()
    assert table.each(["ab"], step) == (2,) and calls[-1] == "ab"


def test_block_facts_follow_an_edit() -> None:
    """The structure rules' per-block facts after an edit through a warm table are the
    facts a cold table gives, block for block (the edited block's included)."""
    from pm_lsp.rules.structure.concepts import block_facts

    config = resolve([Settings()])
    text = (FIXTURES / "structure" / "google-sre-clean.md").read_text(encoding="utf-8")
    warm = block_facts(parse(text, config.template), config.pack)
    edited = text.replace("\n\n", "\n\n**Impact**: TODO\n\n", 3)
    after = block_facts(parse(edited, config.template), config.pack)
    clear_all()
    cold = block_facts(parse(edited, config.template), config.pack)
    assert after == cold and after != warm
    assert any(f.label is not None and not f.label_filled for f in after.facts)


def test_a_table_may_hold_more_text_than_the_default() -> None:
    """``Memo(chars=...)``: a table keyed by whole blocks' source and masked text holds a
    long document's current keys, where the default bound would evict them."""
    from pm_lsp.cache import BLOCK_CHARS, MEMO_CHARS

    keys = [f"{n:06d}" + "x" * 9_994 for n in range(2 * MEMO_CHARS // 10_000)]
    small: Memo[int] = Memo()
    large: Memo[int] = Memo(chars=BLOCK_CHARS)
    for n, k in enumerate(keys):
        small.put(k, n)
        large.put(k, n)
    assert len(large) == len(keys)
    assert len(small) <= MEMO_CHARS // 10_000 and small.get(keys[0]) is None
    assert pickle.loads(pickle.dumps(large))._limit == BLOCK_CHARS
