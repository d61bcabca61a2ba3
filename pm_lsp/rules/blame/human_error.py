"""PM102 human error: the phrase ("human error", "operator error") as a cause, unless it is
what an action prevents ("remove the risk of human error"), is denied, or is the topic of a
blameless statement about human error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pm_lsp.rules.blame import specs
from pm_lsp.rules.blame.extract import _hyphenated, person_name
from pm_lsp.rules.blame.grammar import _Ctx, _denied, _negated, _no_one, modal_word, quoted_span
from pm_lsp.rules.blame.lexicon import FIRST_PERSON
from pm_lsp.rules.blame.rewrite import replace_fix

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from pm_lsp.rules.blame.lexicon import BlameLexicon


def _human_error(ctx: _Ctx) -> None:
    lex = ctx.lex
    for m in lex.human_error_search.finditer(ctx.stext):
        span = ctx.sdoc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if _denied(root) or quoted_span(ctx.stext, m.start(), m.end()) or _topic(root, span, lex):
            continue
        if _disclaimed(root, lex):
            continue
        if _prevented(root, lex) or any(t.lower_ in lex.preventive for t in span[0].lefts):
            continue
        a, e = ctx.sent.base + m.start(), ctx.sent.base + m.end()
        fix = None
        if lex.human_error_nouns.fullmatch(m.group(0)) and lex.safeguard:
            det = ctx.sdoc[span.start - 1] if span.start > 0 else None
            new = lex.safeguard
            if det is not None and det.lower_ in ("a", "an", "the") and det.dep_ == "det":
                a2 = ctx.off(det)
                fix = replace_fix(a2, e, new, title="Ask for the missing safeguard", text=ctx.text)
            else:
                fix = replace_fix(a, e, new, title="Ask for the missing safeguard", text=ctx.text)
        ctx.add(specs.human_error.code, a, e, "human-error", fix=fix, phrase=m.group(0))
    _persons_error(ctx)


#: the links from the phrase up to the verb that labels the incident with it: the object,
#: the complement and the preposition of "attribute X to", "treat X as", "call X Y", "a
#: case of" ("consider the batch a case of ..." hangs the case on the verb as a clause)
_LABEL_PATH = frozenset({"pobj", "prep", "dobj", "attr", "oprd", "ccomp"})


def _disclaimed(root: Token, lex: BlameLexicon) -> bool:
    """Human error named only to be disclaimed as the incident's label, the blameless
    stance itself: "we do not put the outage down to operator error", "it was
    never a matter of human error" (a denied labelling verb, the phrase deeper than the
    three words :func:`_denied` reads), "we reject the label of human error" (a rejecting
    verb), "it is tempting to blame human error" (a verdict that sets the label aside). Up
    to the first verb through objects and complements only: a conjunct ("not the network
    but human error") is the contrast's other half and stays a finding."""
    node = root
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break
        if node.dep_ not in _LABEL_PATH:
            return False
        node = node.head
    if node.pos_ not in ("VERB", "AUX"):
        return False
    lemma = node.lemma_.lower()
    if lemma in lex.label_rejecting:
        return True
    if lemma not in lex.labelling_verbs:
        return False
    if _negated(node) or any(c.dep_ == "nsubj" and _no_one(c) for c in node.children):
        return True
    judge = node.head if node.dep_ in ("xcomp", "csubj") else None
    return judge is not None and (
        judge.lower_ in lex.label_set_asides
        or any(c.dep_ == "acomp" and c.lower_ in lex.label_set_asides for c in judge.children)
    )


#: possessives that name a person ("his typo"); the writers' own ("our mistake", "my
#: error") name no culprit, as for destructive acts
_PERSON_POSSESSIVES = frozenset({"his", "her", "their"})


def _persons_error(ctx: _Ctx) -> None:
    """A person's error as the cause: an error noun whose possessor is a person ("an
    engineer's typo removed the pool", "her mistake", "Kim's slip-up"). Not a thing's
    ("the parser's error handling": a compound, and no person), the writers' own, a denied
    one ("it was not the operator's mistake"), one the sentence prevents ("to stop the
    on-call's typo from ...") or a topic ("any engineer's mistake is a system's gap")."""
    lex = ctx.lex
    nouns = lex.error_nouns
    if (
        ctx.lowers.isdisjoint(nouns)
        and ctx.lemmas.isdisjoint(nouns)
        and ctx.lowers.isdisjoint(lex.error_noun_tails)
    ):
        return  # no error noun, nor the last part of a hyphenated one
    for tok in ctx.sdoc:
        if tok.dep_ == "compound" or tok.pos_ != "NOUN":
            continue
        low = tok.lower_
        if low not in lex.error_nouns and tok.lemma_.lower() not in lex.error_nouns:
            # "slip-up": the noun ends a hyphenated error noun (its last part asked first,
            # before the tokens before it are read, for every noun of the sentence)
            if low not in lex.error_noun_tails:
                continue
            joined = _hyphenated(tok.doc[tok.i - 2]) if tok.i >= 2 else None
            if joined is None or joined.lower() not in lex.error_nouns:
                continue
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is None or not _names_person(owner, ctx):
            continue
        if (
            _denied(tok)
            or _no_culprit(tok, owner, lex)
            or _prevented(tok, lex)
            or _topic(tok, ctx.sdoc[owner.left_edge.i : tok.i + 1], lex)
        ):
            continue
        a, e = ctx.off(owner.left_edge), ctx.end(tok)
        ctx.add(specs.human_error.code, a, e, "human-error", phrase=ctx.text[a:e])


#: the links from an error noun up to the verb that traces an outcome to it: "was down to
#: X's slip" (pobj, prep, advmod), "came down to" (prt), "was X's slip" (attr)
_TRACE_PATH = frozenset({"pobj", "prep", "advmod", "prt", "attr"})

#: subjects that name no outcome at all ("nothing here came down to ...")
_NO_OUTCOME = frozenset({"nothing", "none", "neither"})


def _no_culprit(tok: Token, owner: Token, lex: BlameLexicon) -> bool:
    """A denial that any one person's error was the cause, the blameless stance: the
    possessor names no one ("no single operator's typo caused it"), or the outcome traced to
    the error is denied ("none of this was down to one engineer's slip", "nothing came down
    to a single reviewer's error": a negative subject or a "not" on a tracing verb deeper
    than :func:`_denied` reads). Not "nobody spotted the engineer's slip": "spot" traces no
    outcome to the slip, which stays asserted, nor does "be" through "aware of"."""
    if _no_one(owner):
        return True
    node = tok
    for _ in range(5):
        if node.pos_ in ("VERB", "AUX"):
            break
        if node.dep_ not in _TRACE_PATH or node.head.i == node.i:
            return False
        node = node.head
    else:
        return False
    if node.lemma_.lower() not in lex.ascribing_verbs:
        return False
    return _negated(node) or any(
        c.dep_ in ("nsubj", "nsubjpass")
        and (
            c.lower_ in _NO_OUTCOME
            or _no_one(c)
            or any(g.dep_ == "det" and g.lower_ == "neither" for g in c.children)
        )
        for c in node.children
    )


def _names_person(owner: Token, ctx: _Ctx) -> bool:
    """Is the possessor ``owner`` a person: a third-person possessive pronoun, or a name, a
    handle or a role noun (not a system the document names as one)?"""
    if owner.tag_ == "PRP$":
        return owner.lower_ in _PERSON_POSSESSIVES
    if owner.text in ctx.systems:
        return False
    who = person_name(owner, ctx.lex)
    return who is not None and owner.lower_ not in FIRST_PERSON


def _prevented(tok: Token, lex: BlameLexicon) -> bool:
    """Is ``tok`` what a preventive word governs ("reduce the chance of the operator's
    error")? Followed up the heads until a subject (the subject side of a verb is not
    what the verb prevents)."""
    node = tok
    for _ in range(4):
        if node.lemma_.lower() in lex.preventive or node.lower_ in lex.preventive:
            return True
        if node.head.i == node.i or node.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return False
        node = node.head
    return False


#: nouns that, as what the phrase "is", make it this incident's cause
_CAUSE_NOUNS = frozenset({"cause", "reason", "culprit", "trigger"})


def _named_cause(verb: Token) -> bool:
    """ "Human error is the root cause of this outage": the copula names the cause (its
    attribute is a cause noun with "the"), a finding, not a generic claim."""
    return any(
        c.dep_ == "attr"
        and c.lemma_.lower() in _CAUSE_NOUNS
        and any(g.lower_ == "the" for g in c.children)
        for c in verb.children
    )


#: modals that conclude rather than suppose
_CONCLUDING = frozenset({"must"})


def _topic(root: Token, span: Span, lex: BlameLexicon) -> bool:
    """Human error as a topic, not as this incident's cause: a generic claim ("any operator
    error is a symptom", "human error is where the analysis starts": a quantifier or a
    present-tense verb), a hypothetical frame ("blaming human error would hide ...",
    "treating this as operator error would teach us nothing") or a modifier of another noun
    ("the user error page")."""
    if (
        root.pos_ == "NOUN"
        and root.dep_ in ("compound", "amod")
        and root.head.i > span.end - 1
        and root.head.lower_ not in lex.intensifier_tails  # "human error plain and simple"
    ):
        return True
    if (
        root.dep_ == "nsubj"
        and root.head.tag_ == "VB"
        and any(c.tag_ == "MD" for c in root.head.children)
    ):
        return True  # "treating this as operator error would teach us nothing"
    if any(c.dep_ == "det" and c.lower_ in ("any", "every", "all") for c in root.children):
        return True
    if root.dep_ == "nsubj" and root.head.tag_ in ("VBZ", "VBP") and not _named_cause(root.head):
        return True  # "human error is where the analysis starts"; not "... is the root cause"
    node = root
    for _ in range(5):
        if node.tag_ == "VBG" and node.dep_ in ("csubj", "nsubj"):
            return any(c.tag_ == "MD" for c in node.head.children)
        modals = [modal_word(c) for c in node.children if c.tag_ == "MD"]
        if node.pos_ in ("VERB", "AUX") and modals:
            # "it can be attributed to human error": a possibility, not a finding; "could
            # have been caused by human error" (a perfect) still asserts a past cause, and
            # so does a conclusion ("this event must be attributed to human error")
            return not any(c.lower_ in ("have", "'ve") for c in node.children) and not (
                set(modals) & _CONCLUDING
            )
        if node.head.i == node.i:
            return False
        node = node.head
    return False
