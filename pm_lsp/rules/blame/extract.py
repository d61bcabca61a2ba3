"""Blame extraction: which sentences the judges read, where they sit, who is a person.

The blame rules (PM101-PM107) share one analysis per document (:func:`pm_lsp.rules.blame.
checks.analyse`), because they read the same sentences and their findings must not repeat
each other. This module supplies what the judges (:mod:`pm_lsp.rules.blame.judge`) read
besides the parse:

* the candidate sentences: prose sentences that the lexicon's prefilter passes
  (:meth:`pm_lsp.rules.blame.lexicon.BlameLexicon.candidate`, applied through
  :func:`pm_lsp.nlp.judge.select`), plus the root-cause statements PM107 reads whatever
  the prefilter says;
* each sentence's context: the canonical names of its section and of the label region it
  sits in ("**Root cause**: ..."), whether it is a root-cause statement, and the window of
  original text its judgment may read (:func:`judge_window`);
* person detection on the parse (:func:`person_name`, :func:`subject_of`): what separates
  "Kim forgot to renew the certificate" from "the health check failed" is whether the
  grammatical agent of the verb is a person (PERSON entity, @handle, ``name@``, a personal
  pronoun, a role noun) or a thing.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pm_lsp.cache import lru
from pm_lsp.model.document import Block, PostmortemDoc, Section
from pm_lsp.nlp.judge import Judgment, needs_entities, select
from pm_lsp.nlp.sentences import sentence_spans
from pm_lsp.rules.actions.items import label_of, labelled_regions
from pm_lsp.rules.blame.lexicon import BlameLexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

    from pm_lsp.nlp.pipeline import NLP
    from pm_lsp.policy.templates import Template


@dataclass(frozen=True)
class Sentence:
    """A candidate sentence and where it sits (what a blame judgment reads besides the
    parse and the window of text around it)."""

    base: int  #: offset of the sentence text's first character (in the document or window)
    text: str
    where: frozenset[str]
    rca_statement: bool  #: the root-cause statement or the last 5-whys answer


# -- person detection ---------------------------------------------------------------------

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
    handle = split_handle(tok)
    if handle is not None:
        return handle
    if tok.tag_ in ("PRP", "PRP$") and low in lex.pronouns:
        return text
    if low in lex.indefinite:
        return text
    if lex.given_name(text):
        return _full_name(tok)
    honoured = _honorific(tok, lex)
    if honoured is not None:
        return honoured
    if _initialled(tok):
        return f"{tok.doc[tok.i - 1].text} {text}"  # "J. Okafor", "A. Lindqvist"
    if tok.pos_ == "PROPN" and not _PRODUCTISH.search(text) and text not in lex.product_names:
        needs_entities()  # this answer depends on the named entities
        if tok.ent_type_ == "PERSON":
            ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
            return ent.text if ent is not None else text
    joined = _hyphenated(tok)
    if joined is not None and joined.lower() in lex.roles:  # "on-call" split as on - call
        return tok.doc[tok.left_edge.i : tok.i + 3].text
    prefix = hyphen_prefix(tok)  # "The on-call missed the page": the subject is "call"
    if prefix is not None and f"{prefix.lower_}-{low}" in lex.roles:
        return tok.doc[min(tok.left_edge.i, prefix.i) : tok.i + 1].text
    return _role_name(tok, lex)


def _honorific(tok: Token, lex: BlameLexicon) -> str | None:
    """ "Watanabe-san" when ``tok`` is an honorific (``honorific-suffixes``) joined by a
    hyphen, with no space, to a capitalised word before it; the tokenizer splits it in three
    and the parse hangs the phrase on the honorific."""
    if tok.text not in lex.honorifics or tok.i < 2:
        return None  # written in lower case: "Primary-SAN" is a storage network
    doc = tok.doc
    hyphen, name = doc[tok.i - 1], doc[tok.i - 2]
    if hyphen.text != "-" or hyphen.whitespace_ or name.whitespace_:
        return None
    if not (name.is_alpha and name.text[:1].isupper()):
        return None
    return f"{name.text}-{tok.text}"


#: an initial written before a surname ("J." in "J. Okafor")
_INITIAL = re.compile(r"[A-Z]\.")


def _initialled(tok: Token) -> bool:
    """Is ``tok`` a surname after an initial ("approved by J. Okafor")? A capitalised word
    right after a capital letter and a full stop, which a list marker ("A. Restart") or a
    sentence's end ("... plan B. Then") is not: the initial does not open the text, and
    the word after it is not a verb."""
    doc = tok.doc
    if tok.i < 2 or tok.pos_ != "PROPN" or not tok.text[:1].isupper():
        return False
    initial = doc[tok.i - 1]
    return bool(_INITIAL.fullmatch(initial.text)) and not doc[tok.i - 2].is_punct


def _role_name(tok: Token, lex: BlameLexicon) -> str | None:
    """The noun phrase ``tok`` heads when ``tok`` is a role noun ("the on-call engineer")
    or a collective body ("ACME management"), else None."""
    low = tok.lower_.rstrip(".")  # "Inc." keeps its full stop
    lemma = tok.lemma_.lower()
    if (lemma in lex.shift_nouns or lemma in lex.duty_roles) and _after_shift_time(tok, lex):
        start = min(tok.left_edge.i, tok.i - 1)
        if start > 0 and tok.doc[start - 1].tag_ in ("DT", "PRP$"):
            start -= 1  # "The day dispatcher": the article hangs on "day"
        return tok.doc[start : tok.i + 1].text  # "the night shift"
    if low in lex.titled_bodies and _titled_body(tok, lex):
        return tok.doc[tok.left_edge.i : tok.i + 1].text  # "the Change Advisory Board"
    # a subject is a noun whatever the small model tags a word it does not know ("postdoc")
    nominal = tok.pos_ in ("NOUN", "PROPN") or tok.dep_ in ("nsubj", "nsubjpass")
    # a clipped or acronym role in the plural, which the lemmatiser leaves as it is
    # ("devs", "SREs", "ICs")
    plural = low.endswith("s") and low[:-1] in lex.roles and len(low) > 3
    if not nominal or not (tok.lemma_.lower() in lex.roles or low in lex.roles or plural):
        return None
    # a role written as an acronym ("SRE", "QA", "IC") is tagged a proper noun
    proper = (len(tok.text) > 1 and tok.text.isupper()) or low in lex.companies
    if tok.pos_ == "PROPN" and tok.text[:1].isupper() and not proper:
        return None  # "Teams" the product, not a team
    if tok.lemma_.lower() in lex.singular_roles and tok.tag_ != "NN":
        return None  # "users missed notifications": the customers, not an operator
    if low in lex.collective and any(
        c.dep_ == "compound" and c.text.islower() for c in tok.children
    ):
        return None  # "change management", "key management": a process, not a body
    return tok.doc[tok.left_edge.i : tok.i + 1].text


def _after_shift_time(tok: Token, lex: BlameLexicon) -> bool:
    """Is a shift's time written right before ``tok`` ("the night shift", "the day
    dispatcher"), or before "duty" right before it ("the night duty controller", "the duty
    controller")? The words, not the parse: "day" before a noun is hung on the verb as often
    as on the noun. "The duty cycle controller", "the heavy duty driver" and "every day the
    controller" name machines."""
    doc, i = tok.doc, tok.i
    if i < 1:
        return False
    before = doc[i - 1].lower_
    if before != "duty":
        return before in lex.shift_times
    return i < 2 or doc[i - 2].lower_ in lex.shift_times or doc[i - 2].tag_ in ("DT", "PRP$")


def _titled_body(tok: Token, lex: BlameLexicon) -> bool:
    """ "Board" written as a title after a body word ("the Change Advisory Board", the
    ``body-words``), before "of" ("the Board of Directors") or alone after "the" ("the
    Board"); "the Main Board" and "the Jetson Board" are hardware."""
    doc, i = tok.doc, tok.i
    if not tok.text[:1].isupper() or tok.pos_ not in ("NOUN", "PROPN") or i < 1:
        return False
    if i + 1 < len(doc) and doc[i + 1].lower_ == "of":
        return True
    before = doc[i - 1]
    return before.lower_ == "the" or (before.text[:1].isupper() and before.lower_ in lex.body_words)


def split_handle(tok: Token) -> str | None:
    """The @handle that ``tok`` is the last piece of, when the tokenizer split it at a
    hyphen ("@priya-s" as "@priya", "-", "s"): the pieces touch, the first starts with @."""
    doc = tok.doc
    lo = tok.i
    while lo > 0 and not doc[lo - 1].whitespace_ and lo > tok.i - 4:
        lo -= 1
    if lo == tok.i or not doc[lo].text.startswith("@"):
        return None
    joined = doc[lo : tok.i + 1].text
    return joined if _HANDLE.fullmatch(joined) else None


def _hyphenated(tok: Token) -> str | None:
    """``tok`` joined to the next two tokens when they spell one hyphenated word."""
    doc = tok.doc
    if tok.i + 2 >= len(doc) or tok.whitespace_ or doc[tok.i + 1].text != "-":
        return None
    if doc[tok.i + 1].whitespace_:
        return None
    return f"{tok.text}-{doc[tok.i + 2].text}"


def hyphen_prefix(tok: Token) -> Token | None:
    """The first part of a hyphenated word that ``tok`` ends ("force" in "force-pushed",
    "on" in "the on-call"): the tokenizer splits the compound at its hyphen."""
    doc, i = tok.doc, tok.i
    if i < 2 or doc[i - 1].text != "-" or doc[i - 1].whitespace_ or doc[i - 2].whitespace_:
        return None
    return doc[i - 2] if doc[i - 2].is_alpha else None


def word_end(tok: Token) -> Token:
    """The last token of the hyphenated word ``tok`` opens ("enable" for "re" in
    "re-enable"), else ``tok``: a quote or a range ends with the word, not inside it."""
    doc, i = tok.doc, tok.i
    while (
        i + 2 < len(doc)
        and doc[i + 1].text == "-"
        and not doc[i].whitespace_
        and not doc[i + 1].whitespace_
        and doc[i + 2].is_alpha
    ):
        i += 2
    return doc[i]


def _full_name(tok: Token) -> str:
    """``tok`` with the capitalised name parts around it ("Ana Lima", "Lima, Ana" is not
    joined): the given name is enough to know a person, the full name is what is shown."""
    lo = tok.i
    while lo > 0 and tok.doc[lo - 1].dep_ == "compound" and tok.doc[lo - 1].text[:1].isupper():
        lo -= 1
    hi = tok.i
    while (
        hi + 1 < len(tok.doc)
        and tok.doc[hi + 1].pos_ == "PROPN"
        and tok.doc[hi + 1].text[:1].isupper()
        and tok.doc[hi].dep_ == "compound"
    ):
        hi += 1
    return tok.doc[lo : hi + 1].text


#: quantities that head a group of people ("several of us", "one of our developers")
_GROUP_HEADS = frozenset(
    [
        "one",
        "two",
        "three",
        "several",
        "some",
        "many",
        "few",
        "most",
        "plenty",
        "all",
        "any",
        "each",
        "none",
        "both",
        "others",
        "rest",
    ]
)


def group_member(tok: Token) -> Token | None:
    """The people a quantity stands for ("several of us" -> "us", "others on the team" ->
    "team", "the rest of the reviewers" -> "reviewers"), else None."""
    if tok.lower_ not in _GROUP_HEADS:
        return None
    preps = ("of", "on", "in", "from") if tok.lower_ in ("others", "rest") else ("of",)
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def subject_of(verb: Token) -> Token | None:
    """The nominal subject of ``verb``, borrowed from the head for coordinated verbs, or
    found under its auxiliary where the small model hangs it ("ACME did/aux<-ACME n't
    catch")."""
    node: Token | None = verb
    for _ in range(3):
        if node is None:
            return None
        for c in node.children:
            if c.dep_ in ("nsubj", "nsubjpass", "expl"):
                if c.tag_ in ("WP", "WDT") and node.dep_ == "relcl":
                    return node.head
                return c
        for c in node.children:  # "Whoever approved it should have ...": the free relative's
            if c.dep_ == "csubj":  # own subject
                who = next((g for g in c.children if g.dep_ == "nsubj" and g.tag_ == "WP"), None)
                if who is not None:
                    return who
        for c in node.children:
            if c.dep_ == "aux" and c.i < node.i:
                under = next((g for g in c.children if g.dep_ == "nsubj"), None)
                if under is not None:
                    return under
        if node.dep_ in ("conj", "xcomp") and node.head.i != node.i:
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
    for b in doc.blocks:  # "- Root cause: the zone file ...", a plain label in a note list
        if ":" not in b.text[:48]:
            continue  # no label can end there (the cheap test, asked of every block)
        if b.kind in ("paragraph", "list_item") and (m := _INLINE_LABEL.match(b.text)):
            canon = template.canonical_section(m.group("label"))
            if canon:
                out.append((b.start + m.end(), b.end, canon))
    return out


#: a block opening with a plain section label and its text on the same line
_INLINE_LABEL = re.compile(r"[ \t*_]*(?P<label>[A-Za-z][A-Za-z '/&-]{2,40}?)[ \t*_]*:[ \t]+(?=\S)")


def _where(
    section: Section | None,
    offset: int,
    regions: Sequence[tuple[int, int, str]],
    sentence: str = "",
) -> frozenset[str]:
    names: set[str] = set()
    if section is not None and section.canonical:
        names.add(section.canonical)
    for a, e, canon in regions:
        if a <= offset < e:
            names.add(canon)
    if not names and section is not None:
        names.update(section.canonical_path()[:1])
    if not names and _opening(section, offset) and not _STAMPED.match(sentence):
        names.add("summary")
    return frozenset(names)


#: a sentence that opens with a clock time is a log line, narrative even before any heading
_STAMPED = re.compile(r"\W{0,4}\d{1,2}[:.h]\d{2}\b")


def _opening(section: Section | None, offset: int) -> bool:
    """Is ``offset`` in the opening prose: before any heading (an email-shaped write-up has
    none) or under the title before its first section? Writers put the summary there, and
    a cause pinned on someone there is pinned in the summary."""
    if section is None:
        return True
    if section.parent is not None or section.level != 1 or not section.children:
        return False
    return offset < section.children[0].heading.start


@lru(16_384)
def _asks_why(text: str) -> bool:
    """Does a block open with "why" (a 5-whys question)? Memoised: a pure function of the
    text, asked for every block of every root-cause section on every lint."""
    return text.lstrip().lower().startswith("why")


def _five_whys_answer(doc: PostmortemDoc, section: Section) -> Block | None:
    """The last answer of a 5-whys chain written as questions and answers in ``section``:
    the block that asks the last "why" when it answers it too ("5. Why was it not caught?
    Staging had no such data."), else the block right after it. What follows the chain (a
    closing remark, who wrote the analysis) is not its answer."""
    blocks = [
        b for b in doc.blocks_in(section, nested=False) if b.kind in ("paragraph", "list_item")
    ]
    asked = [i for i, b in enumerate(blocks) if _asks_why(b.text)]
    if not asked:
        return None
    last = asked[-1]
    if not blocks[last].text.rstrip().endswith("?"):
        return blocks[last]
    after = blocks[last + 1] if last + 1 < len(blocks) else None
    return after if after is not None and not after.text.rstrip().endswith("?") else None


def _stated_causes(doc: PostmortemDoc, section: Section, lex: BlameLexicon) -> list[int]:
    """Start offsets of the sentences of ``section`` that state the cause ("Ultimately, the
    real cause was ..."): root-cause statements wherever they stand in the section."""
    out: list[int] = []
    for b in doc.blocks_in(section, nested=False):
        if b.kind not in ("paragraph", "list_item") or not lex.cause_statement.search(b.text):
            continue
        for a, e in sentence_spans(b.text):
            if lex.cause_statement.search(b.text, a, e):
                out.append(b.start + a)
    return out


def _rca_targets(
    doc: PostmortemDoc, lex: BlameLexicon, regions: Sequence[tuple[int, int, str]]
) -> set[int]:
    """Start offsets of the sentences PM107 reads: the first sentence of each root-cause
    section or "Root cause:" entry, and the last answer of a 5-whys chain."""
    starts: set[int] = set()
    for s in doc.sections:
        if s.canonical not in lex.root_cause_sections:
            continue
        if s.parent is not None and s.parent.canonical == s.canonical and _asks_why(s.title):
            continue  # "### Why" as a step under "## Five whys": its chain is read below
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
        starts.update(_stated_causes(doc, s, lex))
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


# -- the sentences and the text they are judged on ------------------------------------------


def candidate_sentences(
    doc: PostmortemDoc,
    lex: BlameLexicon,
    template: Template,
    nlp: NLP,
    judgment: Judgment[None, Any, Any],
) -> list[Sentence]:
    """The prose sentences the judges read, in document order: those ``judgment``'s
    prefilter selects (every one inside :func:`pm_lsp.nlp.judge.full_parse`), and the
    root-cause statements, which are decided on the whole document on every lint.

    Headings are titles and block quotes quote someone else: only paragraphs, list items
    and table cells are read."""
    regions = _regions(doc, template)
    rca = sorted(_rca_targets(doc, lex, regions))
    blocks = [b for b in doc.blocks if b.kind in ("paragraph", "list_item", "table_cell")]
    picked = select(nlp, judgment, [(b.text, None) for b in blocks])
    out: list[Sentence] = []
    for b, spans in zip(blocks, picked, strict=True):
        first = bisect.bisect_left(rca, b.start)
        holds_rca = first < len(rca) and rca[first] < b.end
        if holds_rca:  # the statement joins the selected sentences, in their order
            chosen = set(spans)
            spans = tuple(
                (a, e)
                for a, e in sentence_spans(b.text)
                if (a, e) in chosen or _holds(rca, first, b.start + a, b.start + e)
            )
        if not spans:
            continue
        # the label regions that reach into this block (most blocks: none)
        near = [r for r in regions if r[0] < b.end and b.start < r[1]] if regions else regions
        for a, e in spans:
            base = b.start + a
            is_rca = holds_rca and _holds(rca, first, base, b.start + e)
            where = _where(b.section, base, near, b.text[a:e])
            out.append(Sentence(base, b.text[a:e], where, is_rca))
    return out


def _holds(starts: Sequence[int], lo: int, start: int, end: int) -> bool:
    """Does one of the sorted ``starts`` (from index ``lo`` on) lie in ``[start, end)``?"""
    i = bisect.bisect_left(starts, start, lo)
    return i < len(starts) and starts[i] < end


#: what :func:`pm_lsp.rules.blame.rewrite.replace_fix` skips when it looks back from a phrase for
#: the end of the previous sentence (to keep a capital letter)
_LOOK_BACK = frozenset(" \t*_\"'“(")


def judge_window(text: str, start: int, end: int) -> tuple[int, int]:
    """The slice of the original ``text`` that the judges and the rewrites may read for
    the sentence ``text[start:end]``: the sentence, the character after it (a deleted word's
    trailing space), and before it the run of quote, emphasis and space characters plus one
    character (a deleted word's leading space; the capitalisation check of a replacement).
    A judgment is a pure function of this slice, the sentence's masked text and its
    context, which is what lets the judgment be memoised (:func:`pm_lsp.rules.blame.checks.
    analyse`)."""
    k = start
    while k > 0 and text[k - 1] in _LOOK_BACK:
        k -= 1
    return max(0, k - 1), min(len(text), end + 1)


__all__ = [
    "Sentence",
    "candidate_sentences",
    "group_member",
    "hyphen_prefix",
    "judge_window",
    "person_name",
    "subject_of",
    "word_end",
]
