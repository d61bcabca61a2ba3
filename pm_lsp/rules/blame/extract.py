"""Blame detection on the dependency parse: who is the agent, is it a person, what kind of claim.

The blame rules (PM101-PM107, :mod:`pm_lsp.rules.blame.checks`) share one analysis per document,
because they read the same sentences and their findings must not repeat each other (a
"forgot to" clause is a counterfactual, PM103, not also a person-as-cause, PM101).

Why the parse and not word lists alone: "the health check failed",
"the wrapper failing to pass the object" and "the configuration was being ignored" use the
same verbs as "Kim forgot to renew the certificate" and "we failed to verify the pods". What
separates them is the grammatical agent (nsubj / agent / possessor) of the causal or failure
verb: a person (PERSON entity, @handle, ``name@``, a personal pronoun, a role noun) or a thing.
Likewise "should" is blame only as modal + perfect ("should have run"), never as a forward
requirement ("the validator should reject empty ranges").

Cost (parse only what can matter): :class:`BlameLexicon` compiles a cheap
lexical prefilter from ``rules/blame.toml`` (surface forms of the trigger verbs, modal + have,
judgment and hindsight words); only sentences it marks, plus the root-cause statements PM107
reads, go through spaCy. They are parsed without named entities first; only the sentences
whose verdict could depend on them (a proper noun whose PERSON-ness was asked, or a finding,
whose rewrite checks for names) get them added. :func:`full_parse` switches the prefilter off
so a test and the throughput benchmark can prove it loses nothing.
"""

from __future__ import annotations

import bisect
import contextlib
import contextvars
import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from pm_lsp.model.document import Block, PostmortemDoc, Section
from pm_lsp.nlp.pipeline import NLP
from pm_lsp.nlp.sentences import sentence_spans
from pm_lsp.nlp.words import word_alternation
from pm_lsp.policy.rulepack import RulePack
from pm_lsp.rules.actions.items import label_of, labelled_regions
from pm_lsp.rules.spec import Edit, Fix

if TYPE_CHECKING:
    from spacy.tokens import Token

    from pm_lsp.policy.templates import Template

FAMILY = "blame"

_FULL_PARSE: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "blame_full_parse", default=False
)


@contextlib.contextmanager
def full_parse() -> Iterator[None]:
    """Within this block every prose sentence is parsed, not only prefilter candidates."""
    token = _FULL_PARSE.set(True)
    try:
        yield
    finally:
        _FULL_PARSE.reset(token)


def _alt(words: Sequence[str]) -> str:
    """Any of ``words`` (a trie: see :func:`pm_lsp.nlp.words.word_alternation`)."""
    return word_alternation(words)


def _stem(lemma: str) -> str:
    """A prefix that every regular inflection of ``lemma`` starts with."""
    if lemma.endswith("e") and len(lemma) > 3:
        return lemma[:-1]
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return lemma[:-1]
    return lemma


class BlameLexicon:
    """The words of ``rules/blame.toml``, lower-cased and compiled once per pack."""

    def __init__(self, pack: RulePack) -> None:
        def ws(key: str) -> list[str]:
            return [w.lower() for w in pack.words(FAMILY, key)]

        def rx(key: str) -> re.Pattern[str]:
            pats = pack.words(FAMILY, key)
            return re.compile("|".join(f"(?:{p})" for p in pats) or r"(?!x)x", re.IGNORECASE)

        self.pronouns = set(ws("person-pronouns"))
        self.indefinite = set(ws("indefinite-people"))
        self.nobody = set(ws("nobody-words"))
        self.roles = set(ws("role-nouns"))
        self.failure_verbs = set(ws("failure-verbs"))
        self.work_nouns = set(ws("work-nouns"))
        self.causal_verbs = set(ws("causal-verbs"))
        self.responsibility = ws("responsibility-words")
        self.human_error = rx("human-error-phrases")
        self.human_error_nouns = rx("human-error-nouns")
        self.preventive = set(ws("preventive-words"))
        self.modal_verbs = set(ws("hindsight-modal-verbs"))
        self.omission_verbs = set(ws("omission-verbs"))
        self.human_actions = set(ws("human-actions"))
        self.negated_omissions = set(ws("negated-omissions"))
        self.procedures = set(ws("procedure-nouns"))
        self.rationale_marks = set(ws("rationale-marks"))
        self.rationale_re = re.compile(
            rf"(?i)(?<![\w-])(?:{_alt(ws('rationale-phrases'))})(?![\w-])"
        )
        self.system_adverbs = set(ws("system-adverbs"))
        self.judgment = set(ws("judgment-words"))
        self.person_judgment = set(ws("person-judgment-words"))
        self.verdicts = set(ws("verdict-words"))
        self.judgment_phrases = rx("judgment-phrases")
        self.minimisers = set(ws("minimisers"))
        self.minimiser_phrases = rx("minimiser-phrases")
        self.hindsight = rx("hindsight-phrases")
        self.hindsight_adjectives = set(ws("hindsight-adjectives"))
        self.outcome_nouns = set(ws("outcome-nouns"))
        self.animated = rx("animated-phrases")
        #: case-sensitive: only the capitalised forms ("NEVER", "DIDN'T")
        shouted = {w.upper() for w in ws("shouting-words")}
        shouted |= {w.replace("'", "’") for w in shouted}
        self.shouting = re.compile(rf"(?<![\w'’-])(?:{_alt(sorted(shouted))})(?![\w'’-])")
        self.analysis_sections = set(ws("analysis-sections"))
        self.narrative_sections = set(ws("narrative-sections"))
        self.root_cause_sections = set(ws("root-cause-sections"))
        irregular = pack.get(FAMILY, "irregular", {})
        self.participles: dict[str, str] = (
            {str(k).lower(): str(v) for k, v in irregular.items()}
            if isinstance(irregular, Mapping)
            else {}
        )
        past = pack.get(FAMILY, "irregular-past", {})
        self.past: dict[str, str] = (
            {str(k).lower(): str(v) for k, v in past.items()} if isinstance(past, Mapping) else {}
        )
        self.safeguard = str(pack.get(FAMILY, "rewrites", {}).get("safeguard", ""))
        self.prefilter = self._prefilter()

    def _forms(self, lemmas: set[str]) -> list[str]:
        """Surface prefixes for verb lemmas: the first word's stem and its irregular forms."""
        out: set[str] = set()
        for lemma in lemmas:
            head = lemma.split()[0]
            out.add(_stem(head))
            for table in (self.past, self.participles):
                if head in table:
                    out.add(table[head])
        return sorted(out)

    def _failure_forms(self) -> str:
        """A regex for the past forms of the failure verbs ("broke", "broken", "ignored",
        "missed") and, for a phrasal verb, its particle later in the sentence ("took ...
        down"). Stems and irregular forms are tries, grouped by particle: one pass over the
        sentence instead of one per verb."""
        groups: dict[str, tuple[set[str], set[str]]] = {}
        for lemma in self.failure_verbs:
            head, *rest = lemma.split()
            stems, literal = groups.setdefault(rest[0] if rest else "", (set(), set()))
            stems.add(_stem(head))
            literal.update({self.past.get(head, ""), self.participles.get(head, "")} - {""})
        out = []
        for particle, (stems, literal) in sorted(groups.items()):
            body = rf"(?:{word_alternation(stems)})\w*(?:ed|d)"
            if literal:
                body += f"|{word_alternation(literal)}"
            pat = rf"(?<!\w)(?:{body})(?!\w)"
            if particle:
                pat += rf".*\b{re.escape(particle)}\b"
            out.append(pat)
        return "|".join(out) or r"(?!x)x"

    def _prefilter(self) -> list[tuple[re.Pattern[str], ...]]:
        """Alternatives of conjunctions of cheap regexes: a sentence that satisfies none of
        them cannot be flagged, so it is never parsed. Each alternative mirrors a judge's
        necessary condition (a failure verb in the past tense, "failed to", modal + have, a
        causal verb with a possessor or "by", ...); the prefilter test proves the claim.
        Words are delimited by non-word characters only, not by hyphens: the judges read
        tokens, and the tokenizer splits "accidentally-ignored" and "super-careless".
        In each conjunction the pattern that fails most often comes first."""
        flags = re.IGNORECASE | re.DOTALL

        def r(p: str) -> re.Pattern[str]:
            return re.compile(p, flags)

        def words(ws: set[str] | list[str]) -> str:
            return rf"(?<!\w)(?:{_alt(sorted(ws))})(?!\w)"

        neg = r"(?:\bnot\b|\bnever\b|n['’]t\b|\bno[- ]one\b|\bnobody\b)"
        failure = self._failure_forms()
        causal = rf"(?<!\w)(?:{_alt(self._forms(self.causal_verbs | self.failure_verbs))})"
        omission = rf"(?<!\w)(?:{_alt(self._forms(self.omission_verbs))})\w*\s+to\b"
        negated = rf"(?<!\w)(?:{_alt(self._forms(self.negated_omissions))})\w*"
        judged = sorted(
            self.judgment
            | self.person_judgment
            | self.verdicts
            | self.hindsight_adjectives
            | {"obviously", "clearly"}
        )
        return [
            (r(failure),),
            (r(causal), r(r"['’]s\b|\b(?:his|her|by|did)\b")),
            (r(omission),),
            (
                r(
                    r"\b(?:should|could|would|might|ought)(?:n['’]?t|\s+not|\s+to)?"
                    r"(?:\s+\w+)?\s+(?:have|'ve|’ve)\b|\b(?:should|could|would|might)['’]ve\b"
                ),
            ),
            (r(r"\bif\b[^.;]*\bhad\b|(?:^|[,;:]\s*)had\b"),),
            (r(negated), r(neg)),
            (r(words(self.nobody)),),
            (r(r"\bfollowed\b"), r(neg)),
            (r(words(self.responsibility)),),
            (r(words(judged)),),
            (r(rf"(?<!\w)(?:{_alt(sorted(self.judgment | self.person_judgment))})\w*"),),
            (r(r"\b(?:just|simply)\s+(?:had|needed)\b"),),
            (self.human_error,),
            (self.judgment_phrases,),
            (self.minimiser_phrases,),
            (self.hindsight,),
            (self.animated,),
            (self.shouting,),
        ]

    def candidate(self, text: str) -> bool:
        """Can the blame judges flag anything in this sentence? (Cheap; no spaCy.)"""
        return any(all(p.search(text) for p in alt) for alt in self.prefilter)

    def participle(self, lemma: str) -> str | None:
        """Past participle of a verb lemma, or None when it cannot be sure."""
        low = lemma.lower()
        if low in self.participles:
            return self.participles[low]
        if not re.fullmatch(r"[a-z]+(?:-[a-z]+)*", low):
            return None
        if low.endswith("e"):
            return low + "d"
        if re.search(r"[^aeiou]y$", low):
            return low[:-1] + "ied"
        vowels = re.findall(r"[aeiouy]+", low)
        if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", low) and len(vowels) == 1:
            return low + low[-1] + "ed"  # stop -> stopped; one syllable only
        if (
            re.search(r"[^aeiou][aeiou][bdgmnprt]$", low)
            and len(vowels) > 1
            and not re.search(r"(?:en|er|on|or|it|et|al|ip|om|um|ar)$", low)
        ):
            return None  # stress unknown: "commit" doubles, "open" does not
        return low + "ed"


def lexicon(pack: RulePack) -> BlameLexicon:
    return pack.derived(BlameLexicon)


# -- findings ------------------------------------------------------------------------------


@dataclass(frozen=True)
class BlameHit:
    """One blame finding, in document offsets, before section weighting."""

    code: str
    start: int
    end: int
    key: str  #: message key in ``[blame.messages]``
    fields: tuple[tuple[str, str], ...] = ()
    fix: Fix | None = None
    #: a person is named as the agent (PM101 weighs these by section)
    person: bool = False
    #: canonical names of the enclosing section(s) and label region
    where: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class Sentence:
    """A candidate sentence: its parse and where it sits."""

    base: int  #: document offset of the sentence text's first character
    text: str
    where: frozenset[str]
    rca_statement: bool  #: the root-cause statement or the last 5-whys answer


# -- person detection ---------------------------------------------------------------------

#: While set, :func:`person_name` notes each token whose answer depends on named entities.
_ENTITY_PROBE: contextvars.ContextVar[list[int] | None] = contextvars.ContextVar(
    "blame_entity_probe", default=None
)

#: CamelCase, digits or all capitals: a product ("PostHog") the NER took for a person
_PRODUCTISH = re.compile(r"^.+[A-Z]|\d|^[A-Z]{2,}$")
_HANDLE = re.compile(r"@[\w][\w.-]*|[a-z][\w.-]*@")


def person_name(tok: Token, lex: BlameLexicon) -> str | None:
    """How a person is named when ``tok`` refers to one, else None.

    A PERSON entity, an @handle or ``name@``, a personal pronoun, an indefinite person
    ("someone"), or a noun phrase headed by a role noun ("the on-call engineer").
    """
    text = tok.text
    low = tok.lower_
    if _HANDLE.fullmatch(text):
        return text
    if tok.tag_ in ("PRP", "PRP$") and low in lex.pronouns:
        return text
    if low in lex.indefinite:
        return text
    if tok.pos_ == "PROPN" and not _PRODUCTISH.search(text):
        probe = _ENTITY_PROBE.get()
        if probe is not None:
            probe.append(tok.i)  # this answer depends on the named entities
        if tok.ent_type_ == "PERSON":
            ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
            return ent.text if ent is not None else text
    if tok.pos_ in ("NOUN", "PROPN") and (tok.lemma_.lower() in lex.roles or low in lex.roles):
        if tok.pos_ == "PROPN" and text[:1].isupper() and low not in ("sre", "qa", "dba"):
            return None  # "Teams" the product, not a team
        span = tok.doc[tok.left_edge.i : tok.i + 1]
        return span.text
    return None


def subject_of(verb: Token) -> Token | None:
    """The nominal subject of ``verb``, borrowed from the head for coordinated verbs."""
    node: Token | None = verb
    for _ in range(3):
        if node is None:
            return None
        for c in node.children:
            if c.dep_ in ("nsubj", "nsubjpass", "expl"):
                if c.tag_ in ("WP", "WDT") and node.dep_ == "relcl":
                    return node.head
                return c
        if node.dep_ in ("conj", "xcomp") and node.head is not node:
            node = node.head
        else:
            return None
    return None


# -- section context -------------------------------------------------------------------------


def _regions(doc: PostmortemDoc, template: Template) -> list[tuple[int, int, str]]:
    """Label regions and bold fields ("**Root cause**: ...") with their canonical section."""
    out: list[tuple[int, int, str]] = []
    for label, span, _sec in labelled_regions(doc):
        canon = template.canonical_section(label)
        if canon:
            out.append((span.start, span.end, canon))
    for f in doc.metadata:
        canon = template.canonical_section(f.key)
        if canon and f.source != "front-matter":
            out.append((f.value_span.start, f.value_span.end, canon))
    return out


def _where(
    section: Section | None, offset: int, regions: Sequence[tuple[int, int, str]]
) -> frozenset[str]:
    names: set[str] = set()
    if section is not None and section.canonical:
        names.add(section.canonical)
    for a, e, canon in regions:
        if a <= offset < e:
            names.add(canon)
    if not names and section is not None:
        names.update(section.canonical_path()[:1])
    return frozenset(names)


@functools.lru_cache(maxsize=16_384)
def _asks_why(text: str) -> bool:
    """Does a block open with "why" (a 5-whys question)? Memoised: a pure function of the
    text, asked for every block of every root-cause section on every lint."""
    return text.lstrip().lower().startswith("why")


def _five_whys_answer(doc: PostmortemDoc, section: Section) -> Block | None:
    """The last answer of a 5-whys chain written as questions and answers in ``section``."""
    blocks = [
        b for b in doc.blocks_in(section, nested=False) if b.kind in ("paragraph", "list_item")
    ]
    if not any(_asks_why(b.text) for b in blocks):
        return None
    answers = [b for b in blocks if not b.text.rstrip().endswith("?")]
    return answers[-1] if answers else None


def _rca_targets(
    doc: PostmortemDoc, lex: BlameLexicon, regions: Sequence[tuple[int, int, str]]
) -> set[int]:
    """Start offsets of the sentences PM107 reads: the first sentence of each root-cause
    section or "Root cause:" entry, and the last answer of a 5-whys chain."""
    starts: set[int] = set()
    for s in doc.sections:
        if s.canonical not in lex.root_cause_sections:
            continue
        opening = next(
            (
                b
                for b in doc.blocks_in(s, nested=False)
                if b.kind in ("paragraph", "list_item") and label_of(doc, b) is None
            ),
            None,
        )
        if opening is not None:
            spans = sentence_spans(opening.text)
            if spans:
                starts.add(opening.start + spans[0][0])
        answer = _five_whys_answer(doc, s)
        if answer is not None:
            spans = sentence_spans(answer.text)
            if spans:
                starts.add(answer.start + spans[-1][0])
    prose: list[Block] | None = None
    prose_starts: list[int] = []
    for a, _e, canon in regions:
        if canon not in lex.root_cause_sections:
            continue
        if prose is None:  # once, not once per region
            prose = [b for b in doc.blocks if b.kind in ("paragraph", "list_item")]
            prose_starts = [b.start for b in prose]
        nxt = _block_at(prose, prose_starts, a)
        if nxt is None:
            continue
        rel = max(0, a - nxt.start)
        while rel < len(nxt.text) and nxt.text[rel] in " \t*_:":
            rel += 1
        for x, _y in sentence_spans(nxt.text[rel:]):
            starts.add(nxt.start + rel + x)
            break
    return starts


def _block_at(prose: Sequence[Block], starts: Sequence[int], offset: int) -> Block | None:
    """The block holding ``offset``, else the first block after it.

    Paragraphs and list-item paragraphs are leaf blocks, disjoint and in document order,
    so the one that may hold ``offset`` is the last to start at or before it, and the next
    is the first to start at or after it: two bisections instead of two scans per label
    region."""
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and offset < prose[i].end:
        return prose[i]
    j = bisect.bisect_left(starts, offset)
    return prose[j] if j < len(prose) else None


def candidate_sentences(
    doc: PostmortemDoc,
    pack: RulePack,
    template: Template,
    *,
    full: bool = False,
    nlp: NLP | None = None,
) -> list[Sentence]:
    """Prose sentences worth parsing (every sentence when ``full``).

    With ``nlp``, the prefilter's verdict on each sentence is memoised in its
    ``blame.prefilter`` table: it is a pure function of the sentence text and the pack.
    So are a block's verdicts (its sentence split is a function of its text): they are
    memoised in ``blame.prefilter.block`` under the lexicon and the block's masked text,
    as the spans (relative to the block) of the sentences that pass, so an unchanged block
    costs one lookup and a changed one filters only its changed sentences. A block
    holding a root-cause statement (read whatever the prefilter says, and decided on the
    whole document) is split afresh on every lint.
    """
    lex = lexicon(pack)
    regions = _regions(doc, template)
    rca = sorted(_rca_targets(doc, lex, regions))
    memo = nlp.memo("blame.prefilter") if nlp is not None else None
    block_memo = nlp.memo("blame.prefilter.block") if nlp is not None else None

    def passes(text: str) -> bool:
        key = (lex, text)
        verdict: bool | None = memo.get(key) if memo is not None else None
        if verdict is None:
            verdict = lex.candidate(text)
            if memo is not None:
                memo.put(key, verdict)
        return verdict

    out: list[Sentence] = []
    for b in doc.blocks:
        if b.kind not in ("paragraph", "list_item", "table_cell"):
            continue  # headings are titles; block quotes quote someone else
        first = bisect.bisect_left(rca, b.start)
        btext = b.text
        if full or (first < len(rca) and rca[first] < b.end):
            spans: Sequence[tuple[int, int]] = sentence_spans(btext)
            checked = full
        else:
            key = (lex, btext)
            got: tuple[tuple[int, int], ...] | None = (
                block_memo.get(key) if block_memo is not None else None
            )
            if got is None:
                got = tuple((a, e) for a, e in sentence_spans(btext) if passes(btext[a:e]))
                if block_memo is not None:
                    block_memo.put(key, got)
            if not got:
                continue
            spans, checked = got, True
        # the label regions that reach into this block (most blocks: none)
        near = [r for r in regions if r[0] < b.end and b.start < r[1]] if regions else regions
        for a, e in spans:
            text = btext[a:e]
            base = b.start + a
            i = bisect.bisect_left(rca, base, first)
            is_rca = i < len(rca) and rca[i] < base + len(text)
            if not (checked or is_rca or passes(text)):
                continue
            out.append(Sentence(base, text, _where(b.section, base, near), is_rca))
    return out


#: what :func:`pm_lsp.rules.blame.rewrite.replace_fix` skips when it looks back from a phrase for
#: the end of the previous sentence (to keep a capital letter)
_LOOK_BACK = frozenset(" \t*_\"'“(")


def judge_window(text: str, start: int, end: int) -> tuple[int, int]:
    """The slice of the original ``text`` that the judges and the rewrites may read for
    the sentence ``text[start:end]``: the sentence, the character after it (a deleted word's
    trailing space), and before it the run of quote, emphasis and space characters plus one
    character (a deleted word's leading space; the capitalisation check of a replacement).
    A judgment is a pure function of this slice, the sentence's masked text and its
    context, which is what lets :func:`analyse` memoise it."""
    k = start
    while k > 0 and text[k - 1] in _LOOK_BACK:
        k -= 1
    return max(0, k - 1), min(len(text), end + 1)


def _shift(hit: BlameHit, delta: int) -> BlameHit:
    """``hit`` with every offset (its span and its fix's edits) moved by ``delta``."""
    if not delta:
        return hit
    fix = hit.fix
    if fix is not None:
        fix = replace(
            fix, edits=tuple(Edit(e.start + delta, e.end + delta, e.new_text) for e in fix.edits)
        )
    return replace(hit, start=hit.start + delta, end=hit.end + delta, fix=fix)


def analyse(doc: PostmortemDoc, pack: RulePack, template: Template, nlp: NLP) -> list[BlameHit]:
    """Every blame finding in ``doc``, computed once per document, pack and parse mode.

    Each candidate sentence is judged on its window of the original text (see
    :func:`judge_window`) with offsets relative to that window, and the result is memoised
    in ``nlp``'s ``blame.judge`` table under everything it reads: the pack, the sentence's
    masked text, the window, the sentence's place in the window, its sections and whether it
    is a root-cause statement. Whether it is a root-cause statement, and its sections, are
    decided on the whole document each time; an unchanged sentence in an unchanged context
    is then neither parsed nor judged again, wherever it moved.
    """
    from pm_lsp.rules.blame.judge import judge_sentence  # the judges import this module

    full = _FULL_PARSE.get()
    key = f"blame:{id(pack)}:{full}"
    cached = doc.extras.get(key)
    if isinstance(cached, list):
        return cached
    lex = lexicon(pack)
    sents = candidate_sentences(doc, pack, template, full=full, nlp=nlp)
    memo = nlp.memo("blame.judge")
    hits: list[BlameHit] = []
    #: sentences to judge: (the sentence in window offsets, its window, window start, key)
    todo: list[tuple[Sentence, str, int, tuple[object, ...]]] = []
    for s in sents:
        lo, hi = judge_window(doc.text, s.base, s.base + len(s.text))
        window = doc.text[lo:hi]
        mkey: tuple[object, ...] = (lex, s.text, window, s.base - lo, s.where, s.rca_statement)
        got: tuple[BlameHit, ...] | None = memo.get(mkey)
        if got is not None:
            hits.extend(_shift(h, lo) for h in got)
            continue
        todo.append((Sentence(s.base - lo, s.text, s.where, s.rca_statement), window, lo, mkey))
    if todo:
        # Named entities (half the cost of a parse) are read in two places only: whether a
        # proper noun is a PERSON (person_name, which notes each such question in
        # _ENTITY_PROBE), and whether a rewrite's object names a PERSON (blame_rewrite), which
        # happens only while a finding is being made. So a sentence judged without entities
        # that asked no such question and yielded no finding is done; every other one gets
        # its entities (added to the cached parse) and is judged again on the full parse.
        texts = [t[0].text for t in todo]
        parses = nlp.parse_many(texts, entities=False)
        again: list[int] = []
        for i, ((local, window, _lo, mkey), parsed) in enumerate(zip(todo, parses, strict=True)):
            probe: list[int] = []
            token = _ENTITY_PROBE.set(probe)
            try:
                found = judge_sentence(parsed, local, lex, window)
            finally:
                _ENTITY_PROBE.reset(token)
            if found or probe:
                again.append(i)
            else:
                memo.put(mkey, ())
        if again:
            full_parses = nlp.parse_many([texts[i] for i in again], entities=True)
            for i, parsed in zip(again, full_parses, strict=True):
                local, window, lo, mkey = todo[i]
                found = memo.put(mkey, tuple(judge_sentence(parsed, local, lex, window)))
                hits.extend(_shift(h, lo) for h in found)
    hits = _dedupe(hits)
    doc.extras[key] = hits
    return hits


_PRIORITY = {"PM107": 0, "PM102": 1, "PM105": 2, "PM103": 3, "PM101": 4, "PM104": 5, "PM106": 6}


def _dedupe(hits: list[BlameHit]) -> list[BlameHit]:
    """One finding per claim: a counterfactual is not also a person-as-cause, hindsight
    ("should have known") is not also a counterfactual."""
    out: list[BlameHit] = []
    for h in sorted(hits, key=lambda h: (_PRIORITY.get(h.code, 9), h.start)):
        clash = any(
            o.start < h.end
            and h.start < o.end
            and ({o.code, h.code} <= {"PM101", "PM103", "PM105"} or o.code == h.code)
            for o in out
        )
        if not clash:
            out.append(h)
    return sorted(out, key=lambda h: (h.start, h.end, h.code))


def sentence_doc_offset(sent: Sentence, tok: Token) -> int:
    return sent.base + tok.idx


__all__ = [
    "BlameHit",
    "BlameLexicon",
    "Sentence",
    "analyse",
    "full_parse",
    "lexicon",
    "person_name",
    "subject_of",
]
