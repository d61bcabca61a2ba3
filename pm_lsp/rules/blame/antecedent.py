"""A change blamed in the sentence after the one that names who made it (PM101).

"Kim pushed a hotfix for the login page. This hotfix broke password resets." The second
sentence alone names no one (its subject is "this hotfix"), and the first alone blames no
one (pushing a hotfix is a neutral act of the timeline); together they pin the breakage on
Kim as surely as "Kim's hotfix broke password resets", which :mod:`.cause` flags. A
postmortem often splits the two, so the reference is followed one sentence back, within
the same paragraph, and only as far as the words allow:

* the later sentence's subject is a change noun (``work-nouns``) with a pointer ("this",
  "that", "the": ``change-pointers``), the subject of a harm verb in the past (a failure or
  causal verb; "resulted in" and "led to" only with a harm after them, ``neutral-causes``
  and ``harm-words``), not negated, hypothetical, asked or explained;
* the sentence before names a person (a listed given name, an @handle, a role, a
  third-person pronoun, a PERSON entity, or an unknown capitalised name that the document
  does not use as a system and that is not a bot's) as the subject of a verb that makes or
  applies a change (``change-verbs``), whose object is the same change noun ("pushed a
  hotfix ... this hotfix") or which the noun names ("deployed ... this deploy").

A change made by a tool, a bot or "we" (a first-person account names no culprit), a change
a person only reviewed or reverted, and a neutral effect ("this fix restored service") stay
clean. :func:`change_actor` reads the sentence before (on the units' side, once per
document and memoised by its text); :func:`inherited` judges the later sentence with it.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, NamedTuple

from pm_lsp.nlp.sentences import sentence_spans
from pm_lsp.rules.blame import specs
from pm_lsp.rules.blame.cause import _object_denied
from pm_lsp.rules.blame.extract import person_name, subject_of
from pm_lsp.rules.blame.grammar import (
    _Ctx,
    _hypothetical,
    _in_lex,
    _lemma,
    _negated,
    _past,
    _question,
    _rationale,
    _unknown_name,
    harmless_cause,
)
from pm_lsp.rules.blame.lexicon import FIRST_PERSON

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from pm_lsp.cache import Memo
    from pm_lsp.model.document import Block, PostmortemDoc
    from pm_lsp.nlp.pipeline import NLP
    from pm_lsp.rules.blame.lexicon import BlameLexicon


class Antecedent(NamedTuple):
    """Who made a change in the sentence before, and the nouns that can point back at it
    (part of a judgment's memo key)."""

    who: str
    nouns: frozenset[str]


_PROSE = ("paragraph", "list_item", "table_cell")


def previous_sentence(doc: PostmortemDoc, offset: int) -> str | None:
    """The text of the sentence before the one starting at ``offset``, in the same prose
    block (a paragraph, list item or table cell), else None."""
    blocks: list[Block] = [b for b in doc.blocks if b.kind in _PROSE]
    i = bisect.bisect_right([b.start for b in blocks], offset) - 1
    if i < 0 or not blocks[i].start <= offset < blocks[i].end:
        return None
    b = blocks[i]
    return sentence_before(b.text, offset - b.start)


def sentence_before(text: str, offset: int) -> str | None:
    """The sentence of the block text ``text`` that ends last at or before ``offset``
    (where a sentence of it starts), else None: :func:`previous_sentence` within one block."""
    before = [(a, e) for a, e in sentence_spans(text) if e <= offset]
    if not before:
        return None
    a, e = before[-1]
    return text[a:e]


def change_actor(
    nlp: NLP, lex: BlameLexicon, text: str, systems: frozenset[str]
) -> Antecedent | None:
    """The person ``text`` names as the maker of a change, with the change's nouns, else
    None. Parsed with entities (a PERSON entity counts); memoised by the text, the lexicon
    and the document's system words."""
    memo: Memo[tuple[Antecedent | None]] = nlp.memo("blame.change_actor")
    held = frozenset(w for w in systems if w in text)  # the key changes with these alone
    key = (lex, text, held)
    got = memo.get(key)
    if got is None:
        got = memo.put(key, (_actor(nlp.parse(text), lex, held),))
    return got[0]


def _actor(parsed: Doc, lex: BlameLexicon, systems: frozenset[str]) -> Antecedent | None:
    for verb in parsed:
        if verb.pos_ != "VERB" or _lemma(verb, lex) not in lex.change_verbs:
            continue
        nouns = _made(verb, lex)
        if not nouns or _negated(verb) or _hypothetical(verb):
            continue
        subj = _maker(verb)
        who = _person(subj, lex, systems) if subj is not None else None
        if who is not None:
            return Antecedent(who, frozenset(nouns))
    return None


def _made(verb: Token, lex: BlameLexicon) -> set[str]:
    """The change nouns that can point back at what ``verb`` made: its object and the
    objects joined to it when they are change nouns, the noun the verb itself names, and
    "change" for any change made or a verb that changes whatever its object."""
    out: set[str] = set()
    lemma = _lemma(verb, lex)
    if lemma in lex.work_nouns:
        out.add(lemma)  # "deployed" -> "this deploy"
    if lemma == "roll" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
        out.add("rollout")
    for c in verb.children:
        if c.dep_ != "dobj":
            continue
        for noun in (c, *(g for g in c.children if g.dep_ == "conj")):
            for form in (noun.lemma_.lower(), noun.lower_, _pull_request(noun)):
                if form in lex.work_nouns:
                    out.add(form)
    if out or lemma in lex.change_acts:
        out.add(_GENERIC)  # "this change" points back at any change made
    return out


#: the change noun that points back at any change ("landed a PR ... the change broke")
_GENERIC = "change"


def _pull_request(noun: Token) -> str:
    """ "pr" for "pull request" (a change noun written in two words)."""
    pull = any(c.dep_ == "compound" and c.lower_ == "pull" for c in noun.children)
    return "pr" if noun.lemma_.lower() == "request" and pull else ""


def _maker(verb: Token) -> Token | None:
    """The subject of ``verb``, or of the verb it is the infinitive of ("Kim jumped in to
    make a fix": "make" hangs under "jumped" as a clause of purpose)."""
    subj = subject_of(verb)
    if subj is None and verb.dep_ == "advcl" and any(c.lower_ == "to" for c in verb.children):
        subj = subject_of(verb.head)
    return subj


def _person(subj: Token, lex: BlameLexicon, systems: frozenset[str]) -> str | None:
    """How ``subj`` names a person who made a change: not a first person (a team narrating
    its own change), not a word the document uses as a system, not a bot by its name."""
    if subj.lower_ in FIRST_PERSON or subj.text in systems:
        return None
    if subj.lower_.endswith("bot") or subj.lower_ in ("it", "they"):
        return None
    who = person_name(subj, lex)
    if who is None and _unknown_name(subj, lex) and not subj.ent_type_.startswith(("ORG", "PR")):
        who = subj.text
    return who


def inherited(ctx: _Ctx, ante: Antecedent) -> None:
    """PM101 on a change noun with a pointer that is the subject of a harm verb, when the
    sentence before made that change (``ante``)."""
    lex = ctx.lex
    for noun in ctx.sdoc:
        if noun.dep_ != "nsubj" or not {noun.lemma_.lower(), noun.lower_} & ante.nouns:
            continue
        det = next((c for c in noun.children if c.dep_ == "det"), None)
        if det is None or det.lower_ not in lex.change_pointers:
            continue
        # the harm may be the noun's verb or one joined to it ("blocked ... and caused")
        joined = [noun.head, *(c for c in noun.head.children if c.dep_ == "conj")]
        verb = next((v for v in joined if _harm(ctx, v)), None)
        if verb is None:
            continue
        ctx.add(
            specs.person_as_cause.code,
            ctx.off(det),
            ctx.end(verb),
            "change-reference",
            person=True,
            who=ante.who,
            phrase=ctx.words(det, verb),
        )
        return


def relative_change(ctx: _Ctx, verb: Token) -> None:
    """The same pinning told in one sentence, the harm in a relative clause on the change:
    "Jonas pushed a change that broke the discount rules" (PM101). The change noun is the
    object of a change verb whose subject names a person (as :func:`_person` reads it), and
    the relative clause's subject is "that" or "which". "The bot pushed a change that
    broke the build", "we merged a patch that broke ..." and "Kim merged a patch that fixed
    the login" stay clean."""
    lex = ctx.lex
    if verb.dep_ not in ("relcl", "advcl") or not any(
        c.dep_ == "nsubj" and c.tag_ == "WDT" for c in verb.children
    ):
        return
    if verb.dep_ == "advcl":  # "merged a patch on Friday that broke ...": the model hangs the
        # clause on the verb; the change is that verb's object before it
        noun = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
        if noun is None:
            return
    else:
        noun = _change_before(verb.head)
    maker = noun.head
    if noun.dep_ != "dobj" or maker.pos_ != "VERB" or _lemma(maker, lex) not in lex.change_verbs:
        return
    if not {noun.lemma_.lower(), noun.lower_} & _made(maker, lex) or not _harm(ctx, verb):
        return
    if _negated(maker) or _hypothetical(maker) or _undone(maker):
        return
    subj = _maker(maker)
    who = _person(subj, lex, ctx.systems) if subj is not None else None
    if subj is None or who is None:
        return
    ctx.add(
        specs.person_as_cause.code,
        ctx.off(subj.left_edge),
        ctx.end(subj),
        "change-reference",
        person=True,
        who=who,
        phrase=ctx.words(noun, verb),
    )


def _change_before(head: Token) -> Token:
    """The noun a relative clause tells of: its head, or, when the small model hung the
    clause on the noun of a phrase right after the change ("pushed a hotfix in a panic that
    broke the login queue": "panic that broke"), the change object before that phrase."""
    prep = head.head
    if head.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.i == prep.i:
        return head
    obj = next((c for c in prep.head.children if c.dep_ == "dobj" and c.i < prep.i), None)
    return obj if obj is not None else head


def _undone(verb: Token) -> bool:
    """ "rolled back the deploy that broke ...", "backed out the patch": the change undone,
    by whoever undid it."""
    particles = {c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod")}
    if verb.lemma_.lower() == "roll":
        return "back" in particles  # "rolled out" makes the change
    return bool(particles & {"back", "out"})


def _harm(ctx: _Ctx, verb: Token) -> bool:
    """``verb`` states a harm done in the past: a failure or causal verb, not negated,
    hypothetical, asked or explained; a neutral cause ("resulted in") only with a harm
    word or a failure verb after it."""
    lex = ctx.lex
    if not _in_lex(verb, lex.harm_verbs, lex) or not _past(verb):
        return False
    if _negated(verb) or _hypothetical(verb) or _question(ctx):
        return False
    if _rationale(verb, lex, ctx.stext) or _object_denied(verb):
        return False
    return not harmless_cause(verb, lex)


__all__ = ["Antecedent", "change_actor", "inherited", "previous_sentence", "relative_change"]
