"""The pipeline's attribute ruler, applied through dictionaries instead of a Matcher.

The small English pipeline ends its tagging with an ``attribute_ruler``: some 180 rules that
set POS, MORPH and LEMMA from the tagger's TAG, the parser's DEP and the word's lower case
("a VBZ token whose lower case is *is* is an AUX with lemma *be*"). spaCy applies them with
its general ``Matcher``, which tries every rule at every token: about a quarter of the parse
of a short sentence, more than the tagger's own arithmetic. Almost every one of those rules
is a test of one token for equality (or set membership), which a dictionary answers at once.

:func:`compile_rules` reads the loaded pipeline's own rules (never a copy of them) and files
each token test under one of its equality attributes; a rule it cannot read that way (a
regular expression, an operator, an extension attribute) goes to a ``Matcher`` holding just
those rules. :class:`FastAttributeRuler` then does what the stock component does, in the
same order:

* every rule is matched against the doc *before* any attribute is set (a rule that sets TAG
  does not change which other rules match);
* the matches are applied in rule order, later rules overriding earlier ones, through
  spaCy's own ``set_token_attrs``.

Because the attributes the rules set (TAG, POS, MORPH, LEMMA, DEP) are separate fields of a
token, applying a token's matched rules one after another leaves the same values as applying
their merged attributes once (later keys win), so each token is written once.

:func:`install` swaps the component into a loaded pipeline, under the same name, only when
every rule was understood or delegated; otherwise the stock component stays. Tests compare
every token attribute with the stock pipeline on the corpus and the fixtures.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.strings import StringStore
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

#: the component's factory name in spaCy's registry (the component keeps the stock name)
FACTORY = "pm_lsp_attribute_ruler"

#: token attributes a rule may test that ``Doc.to_array`` reads as the Matcher does
#: (plus the lexical flags, ``IS_*`` and ``LIKE_*``)
_READABLE = frozenset({"ORTH", "TEXT", "LOWER", "NORM", "SHAPE", "TAG", "POS", "DEP", "LEMMA"})

#: attributes a rule may set: separate token fields, so merging a token's rules is exact
_SETTABLE = frozenset({"TAG", "POS", "MORPH", "LEMMA", "DEP"})


@dataclass(frozen=True)
class TokenTest:
    """One token of a rule, as tests of attribute columns: equal to a value, inside or
    outside a set of values, or (by the attribute's text) found by a regular expression."""

    equal: tuple[tuple[int, int], ...]
    inside: tuple[tuple[int, frozenset[int]], ...]
    outside: tuple[tuple[int, frozenset[int]], ...]
    search: tuple[tuple[int, re.Pattern[str]], ...]

    def passes(self, row: Sequence[int], strings: StringStore) -> bool:
        return (
            all(row[c] == v for c, v in self.equal)
            and all(row[c] in s for c, s in self.inside)
            and all(row[c] not in s for c, s in self.outside)
            and all(p.search(strings[row[c]]) for c, p in self.search)
        )


@dataclass(frozen=True)
class Rule:
    """A fixed-length token pattern of rule number ``order``, writing token ``target``."""

    order: int
    tokens: tuple[TokenTest, ...]
    target: int  # offset of the written token within the match (already made positive)


@dataclass
class Plan:
    """What :class:`FastAttributeRuler` needs: the columns it reads, the one-token rules and
    the longer ones each filed by one (column, value) of their first token, the rules with no
    such value to file them under, the delegated Matcher (or None) with the written offset
    of each of its rules, and the normalised attributes of every rule."""

    columns: list[int]
    single: dict[tuple[int, int], list[Rule]] = field(default_factory=dict)
    single_everywhere: list[Rule] = field(default_factory=list)
    longer: dict[tuple[int, int], list[Rule]] = field(default_factory=dict)
    longer_everywhere: list[Rule] = field(default_factory=list)
    matcher: Any = None
    targets: dict[int, int] = field(default_factory=dict)
    attrs: list[dict[int, int]] = field(default_factory=list)


def _attr_id(name: str, *, text: bool = False) -> int | None:
    """The attribute id the Matcher reads for ``name``, if ``Doc.to_array`` reads it the
    same way (``text``: the attribute is a string, not a flag)."""
    from spacy.attrs import IDS

    upper = "ORTH" if name.upper() == "TEXT" else name.upper()
    flag = upper.startswith(("IS_", "LIKE_")) and upper != "IS_SENT_START"
    readable = upper in _READABLE or (flag and not text)
    return IDS.get(upper) if readable else None


def _value_id(value: object) -> int | None:
    """The Matcher's id for a pattern value (strings by hash, booleans as 0/1)."""
    from spacy.strings import get_string_id

    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (str, int)):
        return int(get_string_id(value))
    return None


def _value_set(items: object) -> frozenset[int] | None:
    if not isinstance(items, list) or any(isinstance(v, bool) for v in items):
        return None
    ids = [_value_id(v) for v in items]
    return None if None in ids else frozenset(cast(list[int], ids))


def _token_test(spec: dict[str, Any], columns: dict[int, int]) -> TokenTest | None:
    """The test for one token of a pattern, or None when it is not made of equality, IN,
    NOT_IN and REGEX tests of readable attributes (the Matcher answers those)."""
    tests: dict[str, list[Any]] = {"equal": [], "IN": [], "NOT_IN": [], "REGEX": []}
    for name, value in spec.items():
        ops = value if isinstance(value, dict) else {"equal": value}
        attr = _attr_id(name, text="REGEX" in ops) if isinstance(name, str) else None
        if attr is None:
            return None
        col = columns.setdefault(attr, len(columns))
        for op, item in ops.items():
            if op == "REGEX" and isinstance(item, str):
                made: object = re.compile(item)
            else:
                made = _value_id(item) if op == "equal" else _value_set(item)
            if op not in tests or made is None:
                return None
            tests[op].append((col, made))
    return TokenTest(*(tuple(tests[k]) for k in ("equal", "IN", "NOT_IN", "REGEX")))


def _keys(test: TokenTest, words: frozenset[int]) -> list[tuple[int, int]] | None:
    """The (column, value) keys to file a rule under: an equality before a set, a word
    column (few rules share a word) before a tag; None when the token has neither."""
    for col, value in sorted(test.equal, key=lambda e: e[0] not in words):
        return [(col, value)]
    for col, values in sorted(test.inside, key=lambda e: e[0] not in words):
        return [(col, v) for v in values]
    return None


def compile_rules(ruler: Any, vocab: Vocab) -> Plan | None:
    """The plan for the stock ``ruler``'s rules, or None when one of them sets something
    that this module cannot apply exactly (an extension attribute, a lexical attribute)."""
    from spacy.attrs import IDS
    from spacy.matcher import Matcher

    settable = {IDS[n] for n in _SETTABLE}
    columns: dict[int, int] = {}
    plan = Plan(columns=[])
    delegated = Matcher(vocab)
    rules: list[Rule] = []
    for order, entry in enumerate(ruler.patterns):
        attrs = ruler.attrs[order]
        if not set(attrs) <= settable:
            return None
        plan.attrs.append(dict(attrs))
        for pattern in entry["patterns"]:
            tests = [_token_test(spec, columns) for spec in pattern]
            target = entry["index"] + (len(pattern) if entry["index"] < 0 else 0)
            if pattern and None not in tests and 0 <= target < len(pattern):
                rules.append(Rule(order, tuple(cast(list[TokenTest], tests)), target))
            else:
                delegated.add(str(order), [pattern])
                plan.targets[order] = entry["index"]
    words = frozenset(columns.get(IDS[n], -1) for n in ("ORTH", "LOWER", "NORM", "LEMMA"))
    for rule in rules:
        one = len(rule.tokens) == 1
        keys = _keys(rule.tokens[0], words)
        if keys is None:
            (plan.single_everywhere if one else plan.longer_everywhere).append(rule)
        for key in keys or ():
            (plan.single if one else plan.longer).setdefault(key, []).append(rule)
    plan.columns = sorted(columns, key=columns.__getitem__)
    plan.matcher = delegated if len(delegated) else None
    return plan


#: a row's one-token rule numbers, and the longer rules its token may start
Verdict = tuple[tuple[int, ...], tuple[Rule, ...]]

#: at most this many distinct token rows keep their one-token verdicts (then start afresh)
ROW_MEMO = 100_000


class FastAttributeRuler:
    """Drop-in for spaCy's ``attribute_ruler`` in a loaded pipeline (see the module doc)."""

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler") -> None:
        self.vocab = vocab
        self.name = name
        self.plan: Plan | None = None
        #: a token's attribute row -> the one-token rules that match it (a pure function of
        #: the row, so shared by every doc)
        self._rows: dict[tuple[int, ...], Verdict] = {}
        self._merged: dict[tuple[int, ...], dict[int, int]] = {}

    def _verdict(self, plan: Plan, row: tuple[int, ...]) -> Verdict:
        """The one-token rules that match a token with this row, and the longer rules whose
        first token it matches (a pure function of the row, so memoised for every doc)."""
        strings = self.vocab.strings

        def passing(index: dict[tuple[int, int], list[Rule]], rest: list[Rule]) -> list[Rule]:
            found = [r for c, v in enumerate(row) for r in index.get((c, v), ())]
            return [r for r in [*found, *rest] if r.tokens[0].passes(row, strings)]

        orders = tuple(r.order for r in passing(plan.single, plan.single_everywhere))
        verdict = (orders, tuple(passing(plan.longer, plan.longer_everywhere)))
        if len(self._rows) >= ROW_MEMO:
            self._rows.clear()
        self._rows[row] = verdict
        return verdict

    def matched(self, doc: Doc) -> dict[int, tuple[int, ...]]:
        """Token position -> numbers of the rules that write it, every rule matched against
        the doc as it is now (nothing is written yet)."""
        plan = self.plan
        if plan is None:
            raise RuntimeError("attribute rules not compiled")
        out: dict[int, tuple[int, ...]] = {}
        if not len(doc):
            return out
        rows: list[tuple[int, ...]] = [()] * len(doc)
        if plan.columns:
            array = doc.to_array(cast(list[int | str], plan.columns))
            rows = [tuple(r) for r in cast(list[list[int]], array.reshape(len(doc), -1).tolist())]
        strings, n, memo = self.vocab.strings, len(rows), self._rows
        for i, row in enumerate(rows):
            verdict = memo.get(row) or self._verdict(plan, row)
            if verdict[0]:  # a longer rule may have written this token already
                out[i] = (*out.get(i, ()), *verdict[0])
            for rule in verdict[1]:
                end = i + len(rule.tokens)
                if end <= n and all(
                    t.passes(rows[i + k], strings) for k, t in enumerate(rule.tokens[1:], 1)
                ):
                    out[i + rule.target] = (*out.get(i + rule.target, ()), rule.order)
        if plan.matcher is not None:
            self._delegated(plan, doc, out)
        return out

    @staticmethod
    def _delegated(plan: Plan, doc: Doc, out: dict[int, tuple[int, ...]]) -> None:
        for match_id, start, end in plan.matcher(doc, allow_missing=True):
            order = int(doc.vocab.strings[match_id])
            index = plan.targets[order]
            if not -(end - start) <= index < end - start:
                raise ValueError(f"attribute rule {order}: index {index} outside its match")
            at = start + index + (end - start if index < 0 else 0)
            out[at] = (*out.get(at, ()), order)

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens._retokenize import set_token_attrs

        plan = cast(Plan, self.plan)
        for i, orders in self.matched(doc).items():
            key = tuple(sorted(orders))
            merged = self._merged.get(key)
            if merged is None:
                merged = {}
                for order in key:
                    merged.update(plan.attrs[order])
                self._merged[key] = merged
            set_token_attrs(doc[i], merged)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def _factory(nlp: Language, name: str) -> FastAttributeRuler:
    return FastAttributeRuler(nlp.vocab, name)


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory(FACTORY):
        Language.factory(FACTORY, func=cast(Callable[..., Any], _factory))


def install(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Replace the pipeline's stock attribute ruler ``name`` by a :class:`FastAttributeRuler`
    with the same rules. False (and nothing changed) when there is no such component or one
    of its rules cannot be applied exactly."""
    from spacy.pipeline import AttributeRuler

    if name not in nlp.pipe_names:  # absent or disabled: leave the pipeline alone
        return False
    stock = nlp.get_pipe(name)
    if type(stock) is not AttributeRuler:
        return False
    plan = compile_rules(stock, nlp.vocab)
    if plan is None:
        return False
    _register()
    fast = cast(FastAttributeRuler, nlp.replace_pipe(name, FACTORY))
    fast.plan = plan
    return True
