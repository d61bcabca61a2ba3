"""Cheap lexical tests run on every sentence, made cheaper once, below the rules.

Shapes: :class:`AnyOf`, a prefilter's alternatives (each a tuple of regexes that must all
match); :class:`Alternation`, any of a list of patterns from a rule pack, searched as one
regex; :class:`Standalone`, words or phrases standing alone; :class:`Gated`, regexes a
prefilter asks of the same sentences.

A family's prefilter is a list of alternatives, each a tuple of regexes that must all
match (:class:`AnyOf`); it runs on every prose sentence of a document, so its cost is paid
thousands of times per lint. Most of those regexes are case-insensitive, and Python's
regex engine folds case character by character as it matches: matching the same pattern
without the flag on a lower-cased copy of the sentence (made once per sentence, not once
per pattern) gives the same verdict about 1.5 times faster. A pattern whose source names
an upper-case letter outside an escape (``[A-Z]``, a capitalised word) or a letter outside
ASCII would not match the lower-cased copy as it matched the original, so it keeps running
on the original; so does every pattern on a text holding a letter that case-folds across
ASCII or changes length when lower-cased (the Kelvin sign, a dotless or dotted I, a long s).
"""

from __future__ import annotations

import itertools
import re
import weakref
from collections.abc import Iterator, Sequence

from pm_lsp import regex_cache
from pm_lsp.nlp.literals import Gate, GateIndex, gate, gates, known

#: an escape (``\\W``, ``\\S``, ``\\B``...) or an upper-case letter written in a pattern
_ESCAPE_OR_UPPER = re.compile(r"\\.|([A-Z])", re.DOTALL)


def folds_safely(pattern: re.Pattern[str]) -> bool:
    """Does ``pattern`` (case-insensitive) match a lower-cased text without the flag
    exactly where it matched the original? True when no upper-case letter is written in it
    outside an escape and no group turns the flag off."""
    source = pattern.pattern
    if not pattern.flags & re.IGNORECASE or "(?-" in source:
        return False  # a scoped case-sensitive group must see the original case
    if not source.isascii() and any(c.isalpha() and not c.isascii() for c in source):
        return False  # (isascii first: a lint asks this of ~1,000 sources, ~45,000 characters)
    return not any(m.group(1) for m in _ESCAPE_OR_UPPER.finditer(source))


def _folds_oddly(text: str) -> bool:
    """Does ``text`` hold a letter whose lower case is not one letter of its own kind (a
    letter outside ASCII that folds to or from ASCII, or lower-cases to two characters)?
    Then a case-insensitive match and a match on the lower-cased copy may differ."""
    return not text.isascii() and any(
        not c.isascii() and (len(c.lower()) != 1 or c.lower().isascii() or c.upper().isascii())
        for c in text
    )


def _lowered(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], bool]:
    """The pattern to run and whether it reads the lower-cased copy. A leading ``(?i)`` in
    the source is dropped with the flag (else the copy would still fold case)."""
    if folds_safely(pattern):
        source = pattern.pattern
        return re.compile(source.removeprefix("(?i)"), pattern.flags & ~re.IGNORECASE), True
    return pattern, False


#: characters of sentences a prefilter answers without gates before it reads them
#: (:meth:`AnyOf.first`, :meth:`Gated.read`): about 200 sentences of prose. Counted in
#: characters, not sentences, because the searches' cost is: one run-on "sentence" of a
#: megabyte (markup debris, a pasted data dump) reads the gates at once instead of paying
#: every search over all of it.
GATE_AFTER = 20_000
#: the same when every gate is kept in :mod:`pm_lsp.regex_cache`'s table from an earlier
#: run (as after any run of the command line or the server): reading them then costs a
#: look-up per regex and the index (~10 ms for all of a lint's prefilters), not a walk of
#: each regex (~0.25 s). The blame prefilter alone searched its first 20,000 characters at
#: ~6 us a character without gates; read after ~20 sentences, a 50,000-word document's
#: first lint costs ~0.3 s less CPU, a 700-word postmortem's ~0.02 s less, and a tiny
#: file (which never asks this many) the same.
GATE_KNOWN_AFTER = 2_000


def _gate_after(known: bool) -> int:
    """Characters a prefilter asks before it reads its gates: :data:`GATE_KNOWN_AFTER`
    when they are all kept from an earlier run, else :data:`GATE_AFTER`."""
    return min(GATE_AFTER, GATE_KNOWN_AFTER) if known else GATE_AFTER


#: what keeps patterns from being joined into one: group names and back-references, which
#: would clash or point at another pattern's groups
_REFERENCES = re.compile(r"\\[1-9]|\(\?P[<=]")

#: a back-reference (by number or by name): a branch that holds one may need another's group
_BACK_REFERENCE = re.compile(r"\\[1-9]|\(\?P=")


def _top_level_bars(source: str) -> list[int]:
    """Where ``source`` has a ``|`` outside every group and character class (unescaped)."""
    bars: list[int] = []
    depth = 0
    i, n = 0, len(source)
    while i < n:
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # a class: ']' right after '[' or '[^' is a member, not its end
            i += 2 if source.startswith("^", i + 1) else 1
            i += 1 if source.startswith("]", i) else 0
            while i < n and source[i] != "]":
                i += 2 if source[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            bars.append(i)
        i += 1
    return bars


def branches(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], ...]:
    """The top-level alternatives of ``pattern`` as regexes of their own (its flags), or
    ``(pattern,)`` when it has none or they cannot be read apart safely.

    ``pattern.search(text)`` matches exactly when one of them does: a match of an
    alternation at a position is a match of one of its branches there. A pack's phrase
    list joined into one regex (``(?:(?<!\\w)(?:phrase))|...``, a lookbehind opening each
    branch) is tried branch by branch at every position of a sentence: ~50-100 us a
    sentence for the longest (measured: ``animated-phrases``, 74 us; ``hindsight-phrases``,
    41 us), while its branches alone each have a gate that rules nearly every sentence out.
    Not split: verbose patterns (a ``|`` may sit in a comment), back-references (a branch
    may refer to another's group), conditionals."""
    source = pattern.pattern
    if pattern.flags & re.VERBOSE or _BACK_REFERENCE.search(source) or "(?(" in source:
        return (pattern,)
    bars = _top_level_bars(source)
    if not bars:
        return (pattern,)
    cuts = [-1, *bars, len(source)]
    pieces = [source[a + 1 : e] for a, e in itertools.pairwise(cuts)]
    try:
        return tuple(re.compile(p, pattern.flags) for p in pieces)
    except re.error:
        return (pattern,)


class AnyOf:
    """Does any alternative match, each alternative being regexes that must all match?

    The verdict is that of ``any(all(p.search(text) for p in alt) for alt in alternatives)``
    (a test proves it on every corpus sentence and the challenge sets); only the work differs:
    each regex runs only when the sentence holds one of the literal words it cannot match
    without (its :class:`~pm_lsp.nlp.literals.Gate`, read from the regex once), and reads the
    lower-cased copy where that is safe. An alternative of one regex that is itself an
    alternation is asked branch by branch (:func:`branches`), each branch gated on its own
    literals; and only the alternatives whose gates the sentence passed are visited (of
    ~400 branches and conjunctions in the blame prefilter, a sentence passes the gates of
    a few dozen).
    """

    __slots__ = (
        "__weakref__",
        "_alternatives",
        "_always",
        "_asked",
        "_by_gate",
        "_gates",
        "_index",
        "_known",
        "_originals",
        "_owners",
        "_split",
    )

    def __init__(self, alternatives: Sequence[Sequence[re.Pattern[str]]]) -> None:
        self._originals = tuple(tuple(alt) for alt in alternatives)
        split: list[tuple[re.Pattern[str], ...]] = []
        owners: list[int] = []
        for k, alt in enumerate(self._originals):
            for part in [(b,) for b in branches(alt[0])] if len(alt) == 1 else [alt]:
                split.append(part)
                owners.append(k)
        #: the alternatives as asked: each branch of a one-regex alternation on its own
        self._split = tuple(split)
        #: for each of :attr:`_split`, the position of the alternative it belongs to
        self._owners = tuple(owners)
        self._alternatives = tuple(tuple(_lowered(p) for p in alt) for alt in split)
        self._asked = 0
        #: are the gates kept from an earlier run? (asked once, with the first sentence)
        self._known: bool | None = None
        self._index: GateIndex | None = None  # read once enough sentences were asked
        #: per alternative, the numbers (in :attr:`_index`) of its regexes' gates
        self._gates: tuple[frozenset[int], ...] = ()
        #: the alternatives with no gate (asked of every sentence), and the others by one of
        #: their gates: a sentence that did not pass it cannot satisfy them
        self._always: tuple[int, ...] = ()
        self._by_gate: dict[int, tuple[int, ...]] = {}

    def _read_gates(self) -> GateIndex:
        """The gates, read from the regexes once :data:`GATE_AFTER` characters were asked:
        reading them costs about what a few hundred sentences' searches do, so a small
        document (one pre-commit file) never pays it. Each regex brings all its gates
        (:func:`~pm_lsp.nlp.literals.gates`): an alternative is asked only of a sentence
        that passed every one of them."""
        read = [[g for p in alt for g in gates(p)] for alt in self._split]
        found = [g for alt in read for g in alt]
        numbers = iter(range(len(found)))
        self._gates = tuple(frozenset(next(numbers) for _g in alt) for alt in read)
        by_gate: dict[int, list[int]] = {}
        for i, numbered in enumerate(self._gates):
            if numbered:
                by_gate.setdefault(min(numbered), []).append(i)
        self._always = tuple(i for i, numbered in enumerate(self._gates) if not numbered)
        self._by_gate = {g: tuple(alts) for g, alts in by_gate.items()}
        self._index = GateIndex(found)
        return self._index

    def __call__(self, text: str) -> bool:
        return self.first(text) is not None

    def first(self, text: str) -> int | None:
        """The position of the first alternative that matches, or None."""
        if _folds_oddly(text):
            return next(
                (
                    k
                    for k, alt in enumerate(self._originals)
                    if all(original.search(text) is not None for original in alt)
                ),
                None,
            )
        folded = text.lower()
        index = self._index
        if index is None:
            self._asked += len(text)
            if self._known is None:
                self._known = known((p for alt in self._split for p in alt), all_gates=True)
                if not self._known:
                    _unknown.add(self)
            if self._asked <= _gate_after(self._known):
                return next(
                    (
                        self._owners[i]
                        for i, alt in enumerate(self._alternatives)
                        if all(
                            (p.search(folded) if low else p.search(text)) is not None
                            for p, low in alt
                        )
                    ),
                    None,
                )
            index = self._read_gates()
        passed = index.passed(folded)
        by_gate = self._by_gate
        visit = list(self._always)
        for g in passed:
            got = by_gate.get(g)
            if got is not None:
                visit += got
        visit.sort()
        alternatives, gates = self._alternatives, self._gates
        for i in visit:
            if gates[i] <= passed and all(
                (p.search(folded) if low else p.search(text)) is not None
                for p, low in alternatives[i]
            ):
                return self._owners[i]
        return None

    def __len__(self) -> int:
        return len(self._originals)


class Alternation:
    """Does any of some case-insensitive patterns (a list from the rule pack) match a text?

    One search of their alternation instead of one search per pattern: the judges ask it of
    every sentence they read, and a search costs about the same whatever the alternation's
    size. Patterns that name groups or refer back to one are searched one by one."""

    __slots__ = ("_each", "_one")

    def __init__(self, patterns: Sequence[str]) -> None:
        self._each = [re.compile(p, re.IGNORECASE) for p in patterns]
        joinable = bool(patterns) and not any(_REFERENCES.search(p) for p in patterns)
        self._one = (
            re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if joinable else None
        )

    def search(self, text: str) -> bool:
        if self._one is not None:
            return self._one.search(text) is not None
        return any(p.search(text) for p in self._each)

    def first(self, text: str) -> int | None:
        """Where the earliest match in ``text`` starts, or None."""
        if self._one is not None:
            m = self._one.search(text)
            return m.start() if m is not None else None
        starts = [m.start() for m in (p.search(text) for p in self._each) if m is not None]
        return min(starts) if starts else None


class Standalone:
    """Words or phrases of the pack standing alone in a text (no word character or hyphen
    on either side), case-insensitive: :meth:`search` gives the first match of
    :attr:`plain`, their alternation in the order given.

    A family asks these of every text it judges or prefilters (the action items' people
    phrases, vague expressions and condition words); the plain pattern opens with a
    lookbehind, so ``re`` would try it at every position. An ASCII text is searched in
    lower case for a character that is neither a word character nor a hyphen followed by
    a phrase (a pattern opening with a character set, which ``re`` skips ahead to: about
    one character in five), or for a phrase at its very start; the plain pattern is then
    matched where the first one starts, so the match is the plain pattern's (about twice
    as fast). Phrases that are not all lower-case ASCII keep the plain search
    (re.IGNORECASE matches some letters outside ASCII to ASCII ones)."""

    def __init__(self, phrases: list[str], *, spaces: bool) -> None:
        """``spaces``: a space in a phrase matches any run of white space."""
        escaped = [re.escape(p) for p in phrases]
        alternatives = (
            "|".join(e.replace(r"\ ", r"\s+") for e in escaped) if spaces else "|".join(escaped)
        )
        self.plain = re.compile(rf"(?i)(?<![\w-])(?:{alternatives})(?![\w-])") if phrases else None
        self._lower: tuple[re.Pattern[str], re.Pattern[str]] | None = None
        if phrases and all(p.isascii() and p == p.lower() for p in phrases):
            self._lower = (
                re.compile(rf"(?:{alternatives})(?![\w-])"),  # at the start
                re.compile(rf"[^\w-](?:{alternatives})(?![\w-])"),  # after one character
            )

    def search(self, text: str) -> re.Match[str] | None:
        if self.plain is None:
            return None
        if self._lower is None or not text.isascii():
            return self.plain.search(text)
        opening, after = self._lower
        low = text.lower()
        if opening.match(low) is not None:
            return self.plain.match(text)
        m = after.search(low)
        return None if m is None else self.plain.match(text, m.start() + 1)


#: a regex, the regex to run for it and whether that reads the lower-cased text
_Copy = tuple[re.Pattern[str], re.Pattern[str], bool]


class Reading:
    """One sentence as :class:`Gated` read it: a regex of the set is searched only when the
    sentence passed its gate (see :meth:`Gated.read`)."""

    __slots__ = ("_folded", "_lowered", "_numbers", "_passed", "text")

    def __init__(
        self,
        text: str,
        passed: set[int] | None,
        numbers: dict[int, int],
        folded: str | None = None,
        lowered: dict[int, _Copy] | None = None,
    ) -> None:
        self.text = text
        self._passed = passed  #: None: every regex runs (a text that folds oddly)
        self._numbers = numbers
        #: the lower-cased text, when the copies in ``lowered`` may read it
        self._folded = folded
        self._lowered = lowered

    @property
    def gated(self) -> bool:
        """Were the gates read for this text? (Not before :data:`GATE_AFTER` characters,
        nor for a text that folds oddly: then every regex is searched.)"""
        return self._passed is not None

    def may_match(self, pattern: re.Pattern[str]) -> bool:
        """False when ``pattern``'s gate rules the text out: no search of it can match."""
        if self._passed is None:
            return True
        n = self._numbers.get(id(pattern))
        return n is None or n in self._passed

    def search(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        """``pattern.search(text)``, or None at once when its gate rules the text out (the
        test of :meth:`may_match` written out: this runs thousands of times per lint)."""
        if self._passed is not None:
            n = self._numbers.get(id(pattern))
            if n is not None and n not in self._passed:
                return None
        return pattern.search(self.text)

    def holds(self, pattern: re.Pattern[str]) -> bool:
        """``pattern.search(text) is not None``, the way a prefilter asks it: through the
        gate, and on the lower-cased text without the case-insensitive flag where that gives
        the same verdict (see the module doc), about twice as fast. A caller that reads the
        match itself asks :meth:`search`."""
        n = self._numbers.get(id(pattern))
        if self._passed is not None and n is not None and n not in self._passed:
            return False
        lowered, folded = self._lowered, self._folded
        if lowered is None or folded is None:
            return pattern.search(self.text) is not None
        copy = lowered.get(id(pattern))
        if copy is None or copy[0] is not pattern:
            copy = lowered[id(pattern)] = (pattern, *_lowered(pattern))
        return (copy[1].search(folded) if copy[2] else pattern.search(self.text)) is not None

    def matches(self, alternation: Alternation) -> bool:
        """``alternation.search(text)``, through the gate of its joined regex."""
        one = alternation._one
        if one is None:
            return alternation.search(self.text)
        return self.holds(one)


class Gated:
    """Regexes that a prefilter asks of the same sentences, each searched only when the
    sentence holds a literal word it cannot match without (its
    :class:`~pm_lsp.nlp.literals.Gate`): the sentence's words are read once for all of them
    (:meth:`read`), which costs about one regex search, and most searches are then skipped.
    A regex given here keeps its identity: the prefilter passes the same objects to
    :meth:`Reading.search`; any other regex is simply searched."""

    __slots__ = (
        "__weakref__",
        "_asked",
        "_index",
        "_keep",
        "_known",
        "_last",
        "_lowered",
        "_numbers",
    )

    def __init__(self, patterns: Sequence[re.Pattern[str] | Alternation]) -> None:
        regexes = [p._one if isinstance(p, Alternation) else p for p in patterns]
        self._keep = [p for p in regexes if p is not None]  # the ids below stay theirs
        self._numbers: dict[int, int] = {}
        #: by a regex's id, the regex and what :func:`_lowered` makes of it, made as the
        #: regexes are asked (:meth:`Reading.holds`); the regex is kept so that its id
        #: stays its own
        self._lowered: dict[int, _Copy] = {}
        self._index: GateIndex | None = None  # read once enough sentences were asked
        self._asked = 0
        #: are the gates kept from an earlier run? (asked once, with the first sentence)
        self._known: bool | None = None
        #: the last text read: a caller asking about one block for several things in a
        #: row (the parts a block may tell) reads its words once
        self._last: Reading | None = None

    def _read_gates(self) -> GateIndex:
        gates: list[Gate] = []
        numbers: dict[int, int] = {}
        for p in self._keep:
            g = gate(p)
            if g is not None:
                numbers[id(p)] = len(gates)
                gates.append(g)
        self._numbers = numbers
        self._index = GateIndex(gates)
        return self._index

    def read(self, text: str) -> Reading:
        """The sentence, its gates read (once :data:`GATE_AFTER` characters were asked:
        before that every regex is searched, as a small document costs less that way)."""
        last = self._last
        if last is not None and last.text is text:
            return last
        reading = self._read(text)
        self._last = reading
        return reading

    def _read(self, text: str) -> Reading:
        index = self._index
        if index is None:
            self._asked += len(text)
            if self._known is None:
                self._known = known(self._keep)
                if not self._known:
                    _unknown.add(self)
            if self._asked <= _gate_after(self._known):
                return Reading(text, None, self._numbers)
            index = self._read_gates()
        if _folds_oddly(text):
            return Reading(text, None, self._numbers)
        folded = text.lower()
        return Reading(text, index.passed(folded), self._numbers, folded, self._lowered)


#: the sets asked in this run whose gates the table did not hold (each reads them only
#: after :data:`GATE_AFTER` characters, so a set asked of short texts never does)
_unknown: weakref.WeakSet[AnyOf | Gated] = weakref.WeakSet()


def _derive_unknown_gates() -> None:
    """Derive, for the table, the gates of every set this run asked without having them:
    the next run then reads them after :data:`GATE_KNOWN_AFTER` characters, as it does
    for the sets a long document's lint reads (see
    :func:`pm_lsp.regex_cache.before_save`). Deriving them is a walk of each regex once
    per pattern set and machine, at the end of the run that first met it."""
    for found in list(_unknown):
        if isinstance(found, Gated):
            for p in found._keep:
                gate(p)
        else:
            for alt in found._split:
                for p in alt:
                    gates(p)
    _unknown.clear()


regex_cache.before_save(_derive_unknown_gates)


#: a :class:`GatedSearch`'s patterns as its shared gates number them: those with no gate,
#: the others by gate, and the gates' numbers
_Plan = tuple[tuple[re.Pattern[str], ...], dict[int, tuple[re.Pattern[str], ...]], frozenset[int]]


class GatedSearch:
    """A pack's patterns joined into one regex whose matches a judge reads (``finditer``),
    its search skipped when no pattern can match the text.

    A judge that reads an idiom list's matches on every sentence it judges pays one search
    of the whole alternation per sentence, about 0.1 ms for some thirty idioms with
    lookarounds, and nearly every sentence holds none of them. Each pattern alone has a gate
    (the literal words it cannot match without, :class:`Gated`): when the sentence's gates
    rule every pattern out, or the few they let through do not match alone, the joined
    regex cannot match either, and :meth:`finditer` returns nothing without searching it;
    otherwise it returns the joined regex's own matches, so the findings are the ones a
    plain ``joined.finditer`` gives (a test compares them on every corpus sentence).

    The patterns are the joined regex's branches (:func:`branches`) unless given. Searches
    made by :func:`gated_searches` share one :class:`Gated`: the judges of one sentence
    read its words once for all of them."""

    __slots__ = ("_each", "_gated", "_plan", "joined")

    def __init__(
        self,
        joined: re.Pattern[str],
        patterns: Sequence[re.Pattern[str]] | None = None,
        gated: Gated | None = None,
    ) -> None:
        self.joined = joined
        self._each = tuple(patterns) if patterns is not None else branches(joined)
        self._gated = gated if gated is not None else Gated(self._each)
        #: once the gates are read: the patterns with no gate, the others by their gate's
        #: number, and those numbers (:meth:`_plan_for`)
        self._plan: _Plan | None = None

    def _plan_for(self, numbers: dict[int, int]) -> _Plan:
        """The patterns by gate, from the shared :class:`Gated`'s numbering."""
        always: list[re.Pattern[str]] = []
        by_gate: dict[int, list[re.Pattern[str]]] = {}
        for p in self._each:
            n = numbers.get(id(p))
            if n is None:
                always.append(p)
            else:
                by_gate.setdefault(n, []).append(p)
        self._plan = (
            tuple(always),
            {n: tuple(ps) for n, ps in by_gate.items()},
            frozenset(by_gate),
        )
        return self._plan

    def _ruled_out(self, text: str) -> bool:
        """Can no match of the joined regex be in ``text``? (Its gates read, and none of the
        patterns they let through matches alone.) Only the patterns whose gates the text
        passed are asked: a sentence passes a few of the ~300 gates of the blame phrase
        lists, and asking each pattern's gate in turn cost ~10 us a sentence."""
        reading = self._gated.read(text)
        passed = reading._passed
        if passed is None:
            return False
        plan = self._plan if self._plan is not None else self._plan_for(reading._numbers)
        always, by_gate, numbers = plan
        if any(reading.holds(p) for p in always):
            return False
        return not any(reading.holds(p) for n in numbers & passed for p in by_gate[n])

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self._ruled_out(text):
            return iter(())
        return self.joined.finditer(text)

    def search(self, text: str) -> re.Match[str] | None:
        """``joined.search(text)``, skipped where no pattern can match."""
        return None if self._ruled_out(text) else self.joined.search(text)


def gated_searches(joined: Sequence[re.Pattern[str]]) -> tuple[GatedSearch, ...]:
    """A :class:`GatedSearch` for each of ``joined``, all of them gated by one
    :class:`Gated` over their branches: a judge that asks several phrase lists of each
    sentence it reads reads the sentence's words once (:meth:`Gated.read` keeps the last
    text read) instead of once per list."""
    each = [branches(j) for j in joined]
    shared = Gated([p for parts in each for p in parts])
    return tuple(GatedSearch(j, parts, shared) for j, parts in zip(joined, each, strict=True))
