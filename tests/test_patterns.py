"""The prefilter machinery (:mod:`pm_lsp.nlp.patterns`) changes the work, never a verdict."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import CORPUS, challenge_texts

from pm_lsp.nlp import literals, patterns
from pm_lsp.nlp.literals import GateIndex, gate
from pm_lsp.nlp.patterns import AnyOf, folds_safely
from pm_lsp.nlp.sentences import sentence_spans
from pm_lsp.policy.config import Settings, resolve
from pm_lsp.rules.blame.lexicon import lexicon
from pm_lsp.rules.impact.checks import lexicon as impact_lexicon


@pytest.fixture(autouse=True)
def gated_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Gates read from the first sentence on, so every test here exercises them (a lint
    reads them after :data:`pm_lsp.nlp.patterns.GATE_AFTER` characters; before that the
    plain searches run: see the test below)."""
    monkeypatch.setattr(patterns, "GATE_AFTER", 0)


def test_before_its_gates_are_read_a_prefilter_decides_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(patterns, "GATE_AFTER", 5_000)
    alternatives = lexicon(resolve([Settings()]).pack).prefilter
    gate_later = AnyOf(alternatives)
    sentences = _sentences()[:400]
    for s in sentences:
        assert gate_later(s) == any(all(p.search(s) for p in alt) for alt in alternatives), s


def test_gates_kept_from_an_earlier_run_are_read_sooner(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """When every gate is in the table (:func:`literals.known`), a prefilter reads them
    after :data:`patterns.GATE_KNOWN_AFTER` characters instead of :data:`GATE_AFTER`; the
    verdicts are the plain test's either way."""
    monkeypatch.setattr(patterns, "GATE_AFTER", 20_000)
    monkeypatch.setattr(patterns, "GATE_KNOWN_AFTER", 300)
    alternatives = lexicon(resolve([Settings()]).pack).prefilter
    sentences = _sentences()[:200]
    for is_known in (False, True):
        monkeypatch.setattr(patterns, "known", lambda *_a, k=is_known, **_kw: k)
        prefilter = AnyOf(alternatives)
        asked = 0
        for s in sentences:
            plain = any(all(p.search(s) for p in alt) for alt in alternatives)
            assert prefilter(s) == plain, s
            asked += 0 if patterns._folds_oddly(s) else len(s)  # those are never gated
            assert (prefilter._index is not None) == (asked > (300 if is_known else 20_000))


@pytest.mark.parametrize(
    ("pattern", "flags", "safe"),
    [
        (r"\bhuman[- ]errors?\b", re.IGNORECASE, True),
        (r"(?<!\w)(?:forg[oe]t|skipp)\w*\W+\S", re.IGNORECASE, True),  # escapes are not letters
        (r"\b[A-Z][a-z]+ forgot\b", re.IGNORECASE, False),  # [A-Z] would miss the lowered text
        (r"(?-i:may) have", re.IGNORECASE, False),  # a case-sensitive group
        (r"\bhuman error\b", 0, False),  # case-sensitive already: nothing to gain
    ],
)
def test_which_patterns_read_the_lowered_copy(pattern: str, flags: int, safe: bool) -> None:
    assert folds_safely(re.compile(pattern, flags)) is safe


def test_verdicts_equal_the_plain_test_on_hostile_case() -> None:
    """Upper case, title case, a dotted capital I (lower-cases to two characters), a dotless
    i, a long s, a Kelvin sign (all three match ASCII letters case-insensitively) and the
    German sharp s: the gate decides as the plain test does."""
    alternatives = [
        (re.compile(r"\bkelvin\b|\bk\b", re.IGNORECASE),),
        (re.compile(r"stra(?:ss|ß)e", re.IGNORECASE), re.compile(r"\bclosed\b", re.IGNORECASE)),
        (re.compile(r"\b[A-Z]{3,}\b"),),  # case-sensitive: read on the original
        (re.compile(r"\bi\w*stanbul\b", re.IGNORECASE),),
        (re.compile(r"\bstop\b", re.IGNORECASE),),
    ]
    gate = AnyOf(alternatives)
    for text in [
        "KELVIN",
        "the \u212a unit",
        "STRASSE CLOSED",
        "Straße closed",
        "strasse open",
        "LOUD words",
        "quiet words",
        "\u0130stanbul",
        "ISTANBUL",
        "\u0131stanbul",  # dotless i
        "\u017ftop",  # long s
        "STOP",
        "",
    ]:
        plain = any(all(p.search(text) for p in alt) for alt in alternatives)
        assert gate(text) == plain, text


def _sentences() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.md"))]
    texts += challenge_texts()
    out = []
    for text in texts:
        for block in text.split("\n\n"):
            out += [block[a:e] for a, e in sentence_spans(block)]
    return list(dict.fromkeys(out))  # each distinct sentence once (repeats tell nothing new)


def test_the_blame_prefilter_decides_as_its_plain_form() -> None:
    """Every corpus sentence (read at run time, when present) and every challenge sentence."""
    alternatives = lexicon(resolve([Settings()]).pack).prefilter
    gate = AnyOf(alternatives)
    sentences = _sentences()
    assert len(sentences) > 1000
    for s in sentences:
        assert gate(s) == any(all(p.search(s) for p in alt) for alt in alternatives), s


# -- the literal gates (pm_lsp.nlp.literals) ------------------------------------------------

#: patterns of the shapes the prefilters are written in, each with texts it matches and
#: texts it does not; every gate must pass every text its pattern matches
_SHAPES = [
    (r"(?<!\w)(?:forg(?:et|ot(?:ten)?)|ignor)\w*", ["He forgot it", "IGNORING it"], ["reforgot"]),
    (
        r"\b(?:should|could)(?:n['’]?t|\s+not)?\s+have\b",
        ["We Should not have", "couldn’t have"],
        [],
    ),
    (r"(?<![\w-])(?:on\s+call|pager)(?![\w-])", ["the on   call rota", "a PAGER"], ["on-call"]),
    (
        r"(?:human[- ]errors?)|(?:rookie (?:mistake|error)s?)",
        ["a Human-Error", "rookie errors"],
        [],
    ),
    (r"\bno[- ]one\b|\bnobody\b", ["No-one saw", "nobody did"], ["nobodyx"]),
    (r"(?<![\w'’-])(?-i:NEVER|DIDN'T)(?![\w'’-])", ["we NEVER", "DIDN'T"], ["never", "NEVERMORE"]),
    (r"(?i)\bstra(?:ss|ß)e\b", ["STRASSE", "Straße"], ["strasser"]),
    (r"^\W*(?:skip|miss)\w*ing\b", ["Skipping it", "- missing"], ["the skipping"]),
    (r"until\b", ["wait until", "UNTIL"], ["untilx"]),
    (r"\bif\b[^.;]*\bhad\b|(?:^|[,;:]\s*)had\b", ["If she had", "Had we", "x; had"], []),
    (r"(?:x|y)?z{2,}", ["zz", "xzz"], ["z"]),
    (r"(?:!{2,})|(?:yet again)", ["no!!", "Yet Again"], ["yet"]),
]


@pytest.mark.parametrize(("pattern", "hits", "misses"), _SHAPES)
def test_a_gate_passes_every_text_its_pattern_matches(
    pattern: str, hits: list[str], misses: list[str]
) -> None:
    """And the gated test decides as the regex: the gate is a necessary condition only."""
    rx = re.compile(pattern, re.IGNORECASE)
    gated = AnyOf([(rx,)])
    for text in hits:
        assert rx.search(text), text  # the example is right
        assert gated(text), text
    for text in misses:
        assert not rx.search(text), text
        assert not gated(text), text


def test_gates_name_the_words_a_match_holds() -> None:
    """A gate is read from the pattern's syntax: whole words after a boundary and before a
    non-word character, stems where anything may follow, nothing it cannot be sure of."""
    g = gate(re.compile(r"(?<!\w)(?:forg(?:et|ot)|ignor)\w*|\bnever\b", re.IGNORECASE))
    assert g is not None
    assert g.words == {"never"}
    assert g.stems == {"forget", "forgot", "ignor"}
    assert gate(re.compile(r"(\w+) \1")) is None  # a back-reference: no gate
    assert gate(re.compile(r"\w+ing")) is not None  # a piece: "ing" somewhere
    assert gate(re.compile(r"[a-z]+")) is None


def test_every_blame_regex_gate_passes_where_the_regex_matches() -> None:
    """Stronger than the verdict test above: each regex of the blame prefilter, on every
    corpus and challenge sentence, is matched only where its gate passes."""
    lex = lexicon(resolve([Settings()]).pack)
    regexes = [p for alt in lex.prefilter for p in alt] + [lex.destructive_re, lex.agent_cue]
    gates = [(p, gate(p)) for p in regexes]
    index = GateIndex([g for _p, g in gates if g is not None])
    numbered = []
    n = 0
    for p, g in gates:
        if g is not None:
            numbered.append((p, n))
            n += 1
    assert n >= len(regexes) * 3 // 4  # most of them have a gate
    for s in _sentences():
        passed = index.passed(s.lower())
        for p, i in numbered:
            assert not p.search(s) or i in passed, (p.pattern[:60], s)


def test_the_blame_candidate_test_decides_as_its_plain_form() -> None:
    """The prefilter and the destructive-act test share one reading of the sentence's
    words (``AnyOf.first``); the verdict is the plain formula's on every sentence."""
    lex = lexicon(resolve([Settings()]).pack)
    capitalised = re.compile(r"\b[A-Z][^\W\d_]+")
    for s in _sentences():
        lowercase_names = re.search(r"\b[A-Z][a-z]", s) is None and any(
            lex.given_name(w.capitalize()) for w in re.findall(r"\b[a-z]{2,}\b", s)
        )  # a writer who capitalises no word (acronyms aside): "lena wiped the volume"
        plain = any(all(p.search(s) for p in alt) for alt in lex.prefilter) or bool(
            lex.destructive_re.search(s)
            and (
                lex.agent_cue.search(s)
                or any(lex.given_name(w) for w in capitalised.findall(s))
                or lowercase_names
            )
        )
        assert lex.candidate(s) == plain, s


def test_the_amount_reader_without_digits_decides_as_its_full_reading() -> None:
    """PM401's amount reader skips setting points, status codes and names aside in a text
    without a decimal digit (each of those patterns holds one); on every corpus and
    challenge sentence without one, and on digits the engine does not know, both agree."""
    amounts = impact_lexicon(resolve([Settings()]).pack).quantity
    texts = [*_sentences(), "Two² users were hit", "one of the most loved", "a whole day"]
    checked = 0
    for s in texts:
        s = " ".join(s.split())
        if re.search(r"\d", s) is None:
            assert amounts._counts_in_words(s) == amounts._counts(s), s
            checked += 1
    assert checked > 1000


def test_a_gated_reading_finds_what_each_regex_finds() -> None:
    """PM401's prefilter asks its regexes through one reading of the sentence
    (:class:`pm_lsp.nlp.patterns.Gated`); on every corpus and challenge sentence each of
    them answers as its plain search, so the prefilter decides as before."""
    lex = impact_lexicon(resolve([Settings()]).pack)
    regexes = [
        lex.free_trigger,
        lex.quantity_trigger,
        lex.size_trigger,
        lex.sized_form,
        lex.people_pronoun_context,
        lex.narrated_form,
        lex.effect_form,
        lex.facing_form,
        lex.availability_form,
    ]
    alternations = [lex.unknown_extent, lex.out_of_service, lex.inability]
    skipped = 0
    for s in [*_sentences(), "the \u212a unit failed", "\u0130STANBUL users"]:
        r = lex.gated.read(s)
        for p in regexes:
            plain = p.search(s) is not None
            assert (r.search(p) is not None) == plain, (p.pattern[:60], s)
            assert r.holds(p) == plain, (p.pattern[:60], s)
            skipped += r.search(p) is None and plain is False
        for a in alternations:
            assert r.matches(a) == a.search(s), s
    assert skipped > 0
    # the regexes were asked through their copies without the flag, on the lowered text
    lowered = lex.gated._lowered
    assert all(lowered[id(p)][2] and not lowered[id(p)][1].flags & re.IGNORECASE for p in regexes)


def test_a_gated_search_finds_what_its_joined_regex_finds() -> None:
    """The tone judge reads the blame idioms through :class:`pm_lsp.nlp.patterns.GatedSearch`;
    on every corpus and challenge sentence, and on the blame fixtures (which hold the
    idioms), its matches are the joined regex's, and most sentences skip the search."""
    lex = lexicon(resolve([Settings()]).pack)
    fixtures = Path(__file__).parent / "fixtures" / "blame" / "positives.txt"
    texts = [*_sentences(), *fixtures.read_text(encoding="utf-8").splitlines()]
    found = skipped = 0
    for searched in (lex.animated_search, lex.exasperation_search):
        for s in texts:
            got = [(m.start(), m.end()) for m in searched.finditer(s)]
            assert got == [(m.start(), m.end()) for m in searched.joined.finditer(s)], s
            found += bool(got)
            reading = searched._gated.read(s)
            skipped += reading.gated and not any(reading.search(p) for p in searched._each)
    assert found > 40  # the fixtures' idioms were found
    assert skipped > len(texts)  # and most sentences were never searched whole


@pytest.mark.parametrize(
    ("pattern", "pieces"),
    [
        (
            r"\bif\b[^.;]*\bhad\b|(?:^|[,;:]\s*)had\b",
            [r"\bif\b[^.;]*\bhad\b", r"(?:^|[,;:]\s*)had\b"],
        ),
        (r"[|]a|b\|c|[]|]d|[^]|]e", [r"[|]a", r"b\|c", r"[]|]d", r"[^]|]e"]),
        (r"(?:a|b)c|(?P<x>d|e)", [r"(?:a|b)c", r"(?P<x>d|e)"]),
        (r"(?i)never|\bnot\b", [r"(?i)never", r"\bnot\b"]),
        (r"(a)\1|b", [r"(a)\1|b"]),  # a back-reference: kept whole
        (r"(?:a|b)", [r"(?:a|b)"]),  # no top-level bar
    ],
)
def test_branches_are_read_at_the_top_level_only(pattern: str, pieces: list[str]) -> None:
    rx = re.compile(pattern, re.IGNORECASE)
    got = patterns.branches(rx)
    assert [p.pattern for p in got] == pieces
    assert all(p.flags == rx.flags for p in got)


def test_an_alternation_asked_branch_by_branch_decides_as_the_whole() -> None:
    """The blame prefilter's one-regex alternatives are asked branch by branch
    (:func:`pm_lsp.nlp.patterns.branches`): on every corpus and challenge sentence some
    branch matches exactly where the whole regex does."""
    lex = lexicon(resolve([Settings()]).pack)
    split = [
        (alt[0], patterns.branches(alt[0]))
        for alt in [*lex.prefilter, (lex.destructive_re,)]
        if len(alt) == 1
    ]
    assert sum(len(b) > 1 for _rx, b in split) >= 10  # the phrase lists are split
    for s in _sentences():
        for rx, parts in split:
            assert (rx.search(s) is not None) == any(p.search(s) for p in parts), (rx.pattern, s)


def test_every_gate_of_a_blame_regex_passes_where_the_regex_matches() -> None:
    """:func:`pm_lsp.nlp.literals.gates` gives several gates of one regex, each a necessary
    condition on its own: on every corpus and challenge sentence, each regex of the blame
    prefilter (split into its branches) and of the judges' phrase lists matches only
    where every one of its gates passes."""
    lex = lexicon(resolve([Settings()]).pack)
    whole = [p for alt in lex.prefilter for p in alt] + [lex.destructive_re, lex.agent_cue]
    whole += [lex.hindsight, lex.judgment_phrases, lex.fault, lex.human_error, lex.animated]
    regexes = [b for p in whole for b in patterns.branches(p)]
    numbered: list[tuple[re.Pattern[str], list[int]]] = []
    found = []
    for p in regexes:
        got = literals.gates(p)
        numbered.append((p, list(range(len(found), len(found) + len(got)))))
        found += got
    assert sum(len(n) > 1 for _p, n in numbered) >= 50  # many regexes have more than one
    index = GateIndex(found)
    for s in _sentences():
        passed = index.passed(s.lower())
        for p, numbers in numbered:
            assert not p.search(s) or all(i in passed for i in numbers), (p.pattern[:60], s)
