"""The compiled-pattern table (:mod:`pm_lsp.regex_cache`): a pattern it serves is the one
``re`` compiles, a run with it reports what a run without it reports, and nothing a user
can do to the file (damage it, switch it off, put it where nothing can be written) breaks
a run."""

from __future__ import annotations

import json
import marshal
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pm_lsp import regex_cache
from pm_lsp.nlp import literals, patterns

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def lint_json(path: Path, table: str) -> tuple[int, list[dict[str, object]]]:
    env = {**os.environ, "PM_LSP_REGEX_CACHE": table}
    proc = subprocess.run(
        [sys.executable, "-m", "pm_lsp.cli", "--no-cache", "--format", "json", str(path)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=300,
    )
    assert proc.returncode in (0, 1), proc.stderr
    return proc.returncode, json.loads(proc.stdout)


def read_table(path: Path) -> dict[tuple[Any, ...], Any]:
    """The table's entries, each unmarshalled (the file keeps each one marshalled alone)."""
    stamp, entries = marshal.loads(path.read_bytes())
    assert stamp[0] == 2
    assert isinstance(entries, dict)
    return {key: marshal.loads(value) for key, value in entries.items()}


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A short postmortem of our own that reaches every family (a vague action, blame,
    unquantified impact, a timeline), so the run compiles the rules' patterns."""
    doc = tmp_path_factory.mktemp("sample") / "sample.md"
    doc.write_text(
        "# Checkout errors on 3 March\n\n## Summary\n\nSome customers saw errors for a while.\n\n"
        "## Timeline\n\n- 09:02 UTC: the deploy started\n- 09:40 UTC: errors stopped\n\n"
        "## Root cause\n\nDana pushed a bad config because she was careless.\n\n"
        "## Action items\n\n- Improve monitoring\n",
        encoding="utf-8",
    )
    return doc


@pytest.fixture(scope="module")
def without(sample: Path) -> tuple[int, list[dict[str, object]]]:
    """What a run with the table switched off reports on the sample: what every run with a
    table, whatever state it is in, must report."""
    return lint_json(sample, "off")


@pytest.mark.slow
def test_a_table_made_by_a_run_holds_what_re_compiles_and_changes_no_finding(
    tmp_path: Path, sample: Path, without: tuple[int, list[dict[str, object]]]
) -> None:
    table = tmp_path / "table.marshal"
    first = lint_json(sample, str(table))
    entries = read_table(table)
    assert len(entries) > 300  # the rule packs' patterns, the timeline's, the parser's
    compiler = re._compiler  # type: ignore[attr-defined]
    for key, entry in entries.items():
        if len(key) != 2:
            continue  # a value derived from a pattern (a literal gate), tested below
        pattern, flags = key
        served = compiler._sre.compile(pattern, *entry)
        ordinary = compiler.compile(pattern, flags)
        assert served == ordinary, pattern
        assert (served.groups, served.groupindex) == (ordinary.groups, ordinary.groupindex)
    second = lint_json(sample, str(table))  # served from the table this time
    assert first == second == without
    assert first[1], "the sample draws findings"


def test_switched_off_nothing_is_written(
    tmp_path: Path, sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PM_LSP_REGEX_CACHE", "off")
    assert regex_cache.table_path() is None
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    lint_json(sample, "off")
    assert not any(tmp_path.rglob("regex-table*"))


def test_the_default_place_is_the_users_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PM_LSP_REGEX_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = regex_cache.table_path()
    assert path is not None and path.parent == tmp_path / "pm-lsp"
    assert sys.implementation.cache_tag in path.name


@pytest.mark.parametrize(
    "damage",
    [b"", b"not a table at all", marshal.dumps([1, 2, 3]), marshal.dumps(((9, "x", 0, 0), {}))],
    ids=["empty", "garbage", "wrong-shape", "foreign-stamp"],
)
def test_a_damaged_or_foreign_table_is_replaced(
    tmp_path: Path, sample: Path, damage: bytes, without: tuple[int, list[dict[str, object]]]
) -> None:
    table = tmp_path / "table.marshal"
    table.write_bytes(damage)
    assert lint_json(sample, str(table)) == without
    assert len(read_table(table)) > 300


def test_a_folder_that_cannot_be_written_costs_nothing(
    tmp_path: Path, sample: Path, without: tuple[int, list[dict[str, object]]]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where a folder should be")
    assert lint_json(sample, str(blocker / "sub" / "table.marshal")) == without


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The table installed in this process over a file of the test's own."""
    table = tmp_path / "table.marshal"
    monkeypatch.setenv("PM_LSP_REGEX_CACHE", str(table))
    regex_cache.uninstall()
    regex_cache.install()
    try:
        yield table
    finally:
        regex_cache.uninstall()


def _novel(tag: str) -> tuple[str, str]:
    """A pattern no earlier test compiled (``re`` keeps its own per-process cache), and a
    word it matches before "alpha"."""
    word = f"{tag}-{os.getpid()}-{id(object())}"
    return rf"(?P<word>{word})\s+(?:alpha|beta)\b", word


def test_an_entry_sre_rejects_is_compiled_the_ordinary_way(installed: Path) -> None:
    pattern, word = _novel("tampered")
    regex_cache._table[(pattern, 0)] = marshal.dumps((0, [1, 2, 3], 0, {}, (None,)))
    made = re.compile(pattern)
    regex_cache.uninstall()
    assert made == re._compiler.compile(pattern, 0)  # type: ignore[attr-defined]
    found = made.match(f"{word} alpha")
    assert found is not None and found["word"] == word


def test_a_new_pattern_is_saved_and_served_next_time(installed: Path) -> None:
    pattern, _ = _novel("fresh")
    first = re.compile(pattern, re.IGNORECASE)
    regex_cache.save()
    entries = read_table(installed)
    assert (pattern, int(re.IGNORECASE)) in entries
    regex_cache.uninstall()
    regex_cache.install()  # a new run: reads the file
    assert (pattern, int(re.IGNORECASE)) in regex_cache._table
    again = re._compiler.compile(pattern, int(re.IGNORECASE))  # type: ignore[attr-defined]
    regex_cache.uninstall()
    assert again == first == re._compiler.compile(pattern, int(re.IGNORECASE))  # type: ignore[attr-defined]
    assert again.groupindex == {"word": 1}


def test_nothing_new_writes_nothing(installed: Path) -> None:
    re.compile(_novel("once")[0])
    regex_cache.save()
    stamp = installed.stat().st_mtime_ns
    os.utime(installed, ns=(stamp - 10**9, stamp - 10**9))
    regex_cache.save()  # nothing compiled since
    assert installed.stat().st_mtime_ns == stamp - 10**9


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_a_set_of_characters_in_any_order_is_one_entry(installed: Path, flags: int) -> None:
    """A set built from a Python set changes order between processes (string hashing):
    every order is served by one entry, and the pattern served is the one ``re`` compiles
    for that order (its text included)."""
    members = [*"!#$%&*+-:<=>@[]^_`{}~\\\n", f"{os.getpid() % 10}"]
    orders = [members, members[::-1], members[1::2] + members[::2]]
    texts = ["[" + re.escape("".join(order)) + "]" for order in orders]
    compiler = re._compiler  # type: ignore[attr-defined]
    keys = {regex_cache._key(compiler, t, int(flags)) for t in texts}
    assert len(keys) == 1 and len(set(texts)) == 3
    served = [compiler.compile(t, flags) for t in texts]  # the table's compiler: installed
    held = [k for k in regex_cache._table if k in keys]
    assert len(held) == 1
    regex_cache.uninstall()
    for text, made in zip(texts, served, strict=True):
        assert made == compiler.compile(text, flags) and made.pattern == text
        assert all(made.match(c) for c in members)
        assert not made.match("a")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("[zyxba]", "[abxyz]"),
        ("[\\]\\!a,;.]", "[,.;\\!\\]a]"),
        ('["\\\\]', '["\\\\]'),  # two members that ``re`` codes in their written order
        ("[a-z]", "[a-z]"),
        ("[^ab]", "[^ab]"),
        ("[ab]+", "[ab]+"),
        ("x[ba]", "x[ba]"),
        ("[[:alpha:]]", "[[:alpha:]]"),
        ("[z\\d]", "[z\\d]"),
        ("[\\u00a0\\t ]", "[\\u00a0\\t ]"),
        ("[中é]", "[中é]"),
    ],
)
def test_only_a_set_coded_in_any_order_is_reordered(text: str, key: str) -> None:
    """Ranges, negations, repeats, class and code escapes, anything around the set, and a
    set whose code follows its written order keep their own text; a reordered set is
    coded as it was."""
    compiler = re._compiler  # type: ignore[attr-defined]
    assert regex_cache._key(compiler, text, 0) == (key, 0)
    assert regex_cache._entry(compiler, key, 0) == regex_cache._entry(compiler, text, 0)


@pytest.mark.slow
def test_the_patterns_of_a_run_do_not_depend_on_string_hashing(
    tmp_path: Path, sample: Path
) -> None:
    """Two runs with different string hashing compile the same pattern texts. A pattern
    built from a Python set in its iteration order (words of one length, longest first)
    had another text in every process: the table missed it and was rewritten on every
    run. Lint the fixture postmortems, which reach every family's patterns."""
    keys = []
    for seed in ("1", "2"):
        table = tmp_path / f"table-{seed}.marshal"
        env = {**os.environ, "PM_LSP_REGEX_CACHE": str(table), "PYTHONHASHSEED": seed}
        proc = subprocess.run(
            [sys.executable, "-m", "pm_lsp.cli", "--no-cache", str(sample), str(FIXTURES)],
            capture_output=True,
            text=True,
            env=env,
            check=False,
            timeout=600,
        )
        assert proc.returncode in (0, 1), proc.stderr
        keys.append(set(read_table(table)))
    assert len(keys[0]) > 1000
    assert keys[0] ^ keys[1] == set()


@pytest.mark.skipif(sys.platform != "linux", reason="copies are forked on Linux only")
def test_what_a_forked_copy_compiles_comes_back_to_be_saved(installed: Path) -> None:
    """A copy (a ``--jobs`` worker, a shared lint's copy) never saves the table: what it
    compiles and what it reads comes back with its reply and is saved by this process."""
    from pm_lsp.nlp import forked

    known, _ = _novel("known")
    re.compile(known)
    regex_cache.save()
    regex_cache.uninstall()
    regex_cache.install()  # a new run holding ``known``, not using it yet
    fresh, word = _novel("copy")

    def work() -> bytes:
        compile_here = re._compiler.compile  # type: ignore[attr-defined]
        compile_here(known, 0)  # read from the table (``re.compile`` keeps its own cache)
        return b"done" if compile_here(fresh, 0).match(f"{word} beta") else b"no match"

    assert forked.result(forked.start(work)) == b"done"
    assert (fresh, 0) in regex_cache._table and (fresh, 0) in regex_cache._used
    assert (known, 0) in regex_cache._used
    regex_cache.save()
    assert {(fresh, 0), (known, 0)} <= set(read_table(installed))


def test_a_garbled_handoff_is_ignored(installed: Path) -> None:
    before = dict(regex_cache._table)
    for junk in (b"", b"junk", marshal.dumps(([1], {2: b"x"})), marshal.dumps((["k"], []))):
        regex_cache.adopt(junk)
    assert regex_cache._table == before


@pytest.mark.slow
def test_a_long_documents_gates_are_kept_and_change_no_finding(tmp_path: Path) -> None:
    """A long document reads its prefilters' literal gates; the table keeps them, the next
    run is served them, and neither run differs from one without the table."""
    long = tmp_path / "long.md"
    fixtures = sorted((ROOT / "tests" / "fixtures").glob("*/*.md"))
    long.write_text("\n\n".join(p.read_text(encoding="utf-8") for p in fixtures), encoding="utf-8")
    table = tmp_path / "table.marshal"
    first = lint_json(long, str(table))
    derived = {k: v for k, v in read_table(table).items() if len(k) == 3}
    gates = {k: v for k, v in derived.items() if k[0].startswith("gate ")}
    assert len(gates) > 100
    _check_derived({k: v for k, v in derived.items() if k not in gates})
    for (kind, pattern, flags), data in gates.items():
        compiled = re.compile(pattern, flags)
        if kind.endswith(" all"):  # :func:`literals.gates`: the strongest gate and more
            assert list(map(literals._from_data, data)) == literals._read_gates(compiled)
        else:
            assert literals._from_data(data) == literals._read_gate(compiled), pattern
    second = lint_json(long, str(table))
    assert first == second == lint_json(long, "off")


def _check_derived(entries: dict[tuple[Any, ...], Any]) -> None:
    """The values other than gates that a lint kept (word lists' sources, phrases made to
    start a word, Pyphen's counts, the syllable table) are what a fresh computation gives."""
    from pm_lsp.nlp import words
    from pm_lsp.rules.readability import grade

    kinds = {kind for kind, _text, _flags in entries}
    syllables = grade.syllable_table_kind()
    assert kinds == {
        words._ALTERNATION,
        words._BOUNDED,
        words._SOFT,
        grade._hyphenation_kind(),
        syllables,
    }
    for (kind, text, _flags), data in entries.items():
        if kind == words._ALTERNATION:
            assert data == words._trie(text.split("\0")), text[:80]
        elif kind == words._BOUNDED:
            assert data == words._bounded_by_parse(text), text
        elif kind == words._SOFT:
            assert data == words._softened(text), text
        elif kind == syllables:
            assert data == grade._read_table()
        else:
            assert kind == grade._hyphenation_kind(), kind
            assert data == grade._hyphenated(text), text


def test_a_gate_is_served_next_time_and_a_damaged_one_is_no_gate(installed: Path) -> None:
    pattern = re.compile(rf"\b(?:{_novel('gate')[1]}|omega) should\b")
    derived = literals.gate(pattern)
    assert derived is not None and derived.words
    regex_cache.save()
    regex_cache.uninstall()
    regex_cache.install()  # a new run: reads the file
    key = (literals._kind(), pattern.pattern, pattern.flags)
    assert key in regex_cache._table
    assert literals.gate(pattern) == derived
    regex_cache._table[key] = marshal.dumps(("not", "a", "gate"))
    assert literals.gate(pattern) is None  # no gate: the regex runs on every sentence
    regex_cache._table[key] = b"\x00garbage"
    assert literals.gate(pattern) == derived  # unreadable: read from the pattern again


def test_gates_kept_in_the_table_are_known(installed: Path) -> None:
    """:func:`literals.known` says whether every gate of some patterns is in the table (a
    prefilter then reads its gates sooner, :data:`patterns.GATE_KNOWN_AFTER`); reading
    them is what makes them known, for :func:`literals.gate` and :func:`literals.gates`
    apart."""
    ours = re.compile(rf"\b(?:{_novel('known')[1]}|omega) must\b")
    other = re.compile(rf"\b(?:{_novel('unknown')[1]}|sigma) may\b")
    assert not literals.known([ours]) and not literals.known([ours], all_gates=True)
    literals.gate(ours)
    assert literals.known([ours]) and not literals.known([ours], all_gates=True)
    literals.gates(ours)
    assert literals.known([ours], all_gates=True)
    assert not literals.known([ours, other])
    assert literals.known([])
    regex_cache.uninstall()
    assert not literals.known([ours])  # no table: nothing is kept


def test_gates_a_run_put_off_are_derived_when_it_saves(installed: Path) -> None:
    """Sets asked of too little text to read their gates (a short document, a timeline's
    entries) have them derived when the run saves its table: the next run knows them, and
    reads them after :data:`patterns.GATE_KNOWN_AFTER` characters. A set whose gates were
    not asked about, and a run without the table, derive nothing."""
    ours = [re.compile(rf"\b(?:{_novel('short')[1]}|omega) (?:failed|stalled)\b", re.I)]
    pair = [(re.compile(rf"\b{_novel('pair')[1]} restarted\b"),)]
    idle = [re.compile(rf"\b{_novel('idle')[1]} recovered\b")]
    gated, any_of, untouched = patterns.Gated(ours), patterns.AnyOf(pair), patterns.Gated(idle)
    assert gated.read("Omega failed at noon.").gated is False  # too little text asked
    assert any_of("The omega cluster restarted.") is False
    assert not literals.known(ours) and not literals.known(pair[0], all_gates=True)
    regex_cache.save()
    assert literals.known(ours) and literals.known(pair[0], all_gates=True)
    assert not literals.known(idle) and untouched._known is None
    regex_cache.uninstall()
    regex_cache.install()  # the next run: they come from the file
    assert literals.known(ours) and literals.known(pair[0], all_gates=True)
    assert patterns.Gated(ours).read("Omega failed at noon.").gated is False
    later = patterns.Gated(ours)
    for _ in range(patterns.GATE_KNOWN_AFTER // 20 + 1):
        later.read("Omega failed at noon.")
        later._last = None
    assert later.read("The omega queue stalled.").gated  # read sooner, as kept gates are


def test_pyphens_counts_are_kept_and_served_as_computed(installed: Path) -> None:
    """Words the syllable table lacks are counted by Pyphen; the counts are kept in the
    table, served to the next run equal to Pyphen's own, and a damaged or foreign entry is
    counted again."""
    from pm_lsp.rules.readability import grade

    words = ["webhook", "oncall", "v412", "20250314", f"zorblax{os.getpid()}"]
    assert not any(w in grade.table() for w in words)
    first = [grade._hyphenation(w) for w in words]
    assert first == [grade._hyphenated(w) for w in words]
    kind = grade._hyphenation_kind()
    assert kind is not None and kind == grade._kind[0]
    regex_cache.save()
    regex_cache.uninstall()
    regex_cache.install()  # a new run: reads the file
    assert all(regex_cache.holds(kind, w, 0) for w in words)
    assert [grade._hyphenation(w) for w in words] == first
    for damaged in (marshal.dumps("three"), marshal.dumps(0), b"\x00garbage"):
        regex_cache._table[(kind, words[0], 0)] = damaged
        assert grade._hyphenation(words[0]) == first[0]
    regex_cache.uninstall()
    assert [grade._hyphenation(w) for w in words] == first  # no table: Pyphen asked


def test_the_syllable_table_is_kept_and_served_as_shipped(installed: Path) -> None:
    """The grade's word -> syllables table is kept in the table after the run that read
    the shipped file, served to the next run equal to it, and read from the file again
    when the kept copy is damaged or not a table."""
    from pm_lsp.rules.readability import grade

    shipped = grade._read_table()
    assert grade._kept_table() == shipped
    regex_cache.save()
    regex_cache.uninstall()
    regex_cache.install()  # a new run: reads the file
    keys = [k for k in regex_cache._table if str(k[0]).startswith("syllable table")]
    assert len(keys) == 1
    assert grade._kept_table() == shipped
    for damaged in (marshal.dumps({}), marshal.dumps(("a", 1)), b"\x00garbage"):
        regex_cache._table[keys[0]] = damaged
        assert grade._kept_table() == shipped


def test_word_lists_sources_are_kept_and_served_as_built(installed: Path) -> None:
    """:func:`words.word_alternation` (kept by the set of its words) and
    :func:`words.word_bounded` (for the phrases it parses) serve the next run what they
    build, whatever the order of the words; a damaged entry is built again."""
    from pm_lsp.nlp import words

    tag = f"w{os.getpid()}x"
    listed = [f"{tag}a", f"{tag}ab", "time out", f"{tag}b", f"{tag}a", ""]
    phrases = [f"(?:{tag}|again)\\b", f",\\s*{tag}", f"!{{2,}}{tag}", f"{tag} fault"]
    built = (words._trie(listed), [words._bounded_by_parse(p) for p in phrases[:3]])
    assert words.word_alternation(listed) == built[0]
    assert [words.word_bounded(p) for p in phrases[:3]] == built[1]
    regex_cache.save()
    regex_cache.uninstall()
    regex_cache.install()  # a new run: reads the file
    key = (words._ALTERNATION, "\0".join(sorted({w for w in listed if w})), 0)
    assert key in regex_cache._table
    assert words.word_alternation(reversed(listed)) == built[0]
    assert [words.word_bounded(p) for p in phrases[:3]] == built[1]
    assert words.word_bounded(phrases[3]) == rf"(?<!\w)(?:{phrases[3]})"
    soft = f"{tag} did  it[ -]again (?<=a b)"
    assert words.soft_spaces(soft) == words._softened(soft) != soft
    regex_cache.save()
    regex_cache.uninstall()
    regex_cache.install()
    assert (words._SOFT, soft, 0) in regex_cache._table
    assert words.soft_spaces(soft) == words._softened(soft)
    regex_cache._table[key] = marshal.dumps(0)
    assert words.word_alternation(listed) == built[0]
    regex_cache._table[key] = b"\x00garbage"
    assert words.word_alternation(listed) == built[0]
