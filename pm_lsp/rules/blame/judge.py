"""The judges: one parsed sentence in, blame findings out (PM101-PM107).

Each judge looks for one construction of blame-oriented writing and checks the
grammatical facts that separate it from its look-alikes:

* PM101 person-as-cause: a person is the subject of a failure verb (broke, ignored, missed),
  the possessor or "by"-agent of a change that broke something, or is called responsible.
  Not negated, not in a relative clause ("a sign we missed"), not explained by local
  rationality ("... because it had fired falsely all week").
* PM102 human error: the phrase, unless it is what an action prevents ("remove the risk of
  human error") or is denied.
* PM103 counterfactual: modal + perfect with a person subject ("should have run"; "could
  have" only with catch/prevent/notice...), "failed/neglected/forgot to" + a human action,
  "if we had ... we could have", a procedure that "was not followed", "nobody checked", and
  negated omissions ("we did not take into account").
* PM104 judgment: character words (careless, sloppy, negligent), person-only words (lazy,
  stupid: "lazy loading" is fine), verdicts as predicates ("... is unacceptable"), and
  minimisers in the constructions that imply triviality ("all she had to do was").
* PM105 hindsight phrases; PM106 animated language; PM107 a root-cause statement whose
  subject is a named person or role.

The act classes that need no trigger adjective (destructive acts, conduct in a negated
frame, review, inaction, fault, inverted conditionals) are judged in
:mod:`pm_lsp.rules.blame.acts` on the same per-sentence state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, NamedTuple

from pm_lsp.nlp.judge import Judgment
from pm_lsp.rules.blame import specs
from pm_lsp.rules.blame.extract import Sentence, group_member, person_name, subject_of
from pm_lsp.rules.blame.lexicon import BlameLexicon
from pm_lsp.rules.blame.rewrite import delete_word_fix, passive_fix, replace_fix
from pm_lsp.rules.spec import Edit, Fix

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


@dataclass(frozen=True)
class BlameHit:
    """One blame finding, before section weighting; offsets are in the document, or in the
    window of text the sentence was judged on (then :func:`shifted` moves them)."""

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


def shifted(hit: BlameHit, delta: int) -> BlameHit:
    """``hit`` with every offset (its span and its fix's edits) moved by ``delta``."""
    if not delta:
        return hit
    fix = hit.fix
    if fix is not None:
        fix = replace(
            fix, edits=tuple(Edit(e.start + delta, e.end + delta, e.new_text) for e in fix.edits)
        )
    return replace(hit, start=hit.start + delta, end=hit.end + delta, fix=fix)


class InWindow(NamedTuple):
    """What a blame judgment reads besides the parse (a tuple: part of a memo key, built
    for every candidate sentence on every lint)."""

    base: int  #: where the sentence starts in the window
    where: frozenset[str]  #: see :class:`pm_lsp.rules.blame.extract.Sentence`
    rca_statement: bool
    #: the window of original text around the sentence
    #: (:func:`pm_lsp.rules.blame.extract.judge_window`)
    window: str
    #: the sentence's capitalised words that the document uses as a system elsewhere
    systems: frozenset[str] = frozenset()


def blame_judgment(lex: BlameLexicon) -> Judgment[None, InWindow, BlameHit]:
    """PM101-PM107 as a sentence judgment (:mod:`pm_lsp.nlp.judge`) for one lexicon.

    The entities are read in two places: whether a proper noun is a PERSON
    (:func:`pm_lsp.rules.blame.extract.person_name`, which says so), and whether a
    rewrite's object names a PERSON (:func:`pm_lsp.rules.blame.rewrite.passive_fix`), which
    happens only while a finding is made: so a sentence that found something is judged
    again with its entities too."""

    def prefilter(text: str, _context: None) -> bool:
        return lex.candidate(text)

    def judge(parsed: Doc, at: InWindow) -> list[BlameHit]:
        sentence = Sentence(at.base, parsed.text, at.where, at.rca_statement)
        return judge_sentence(parsed, sentence, lex, at.window, at.systems)

    return Judgment("blame", lex, prefilter, judge, shifted, rejudge_findings=True)


#: CamelCase, digits or all capitals: a product or a code, not a person
_PRODUCTISH_NAME = re.compile(r"^.+[A-Z]|\d|^[A-Z]{2,}$")

#: irregular past forms the small model mis-tags ("overwrote"/VB, "forgot"/VBP): read as past
_IRREGULAR_PAST = frozenset({"overwrote", "forgot", "misread", "wrote", "broke", "took"})

#: a colon followed by a clause: the explanation of the act before it
_COLON_REASON = re.compile(r":\s+(?:it|this|the|they|there|that|he|she|we|no|nothing)\b", re.I)

_NEG_WORDS = {"not", "n't", "never", "no", "nobody", "nothing", "without"}
_COGNITION = {
    "believe",
    "think",
    "assume",
    "expect",
    "understand",
    "consider",
    "judge",
    "decide",
    "seem",
    "appear",
}


class _Ctx:
    """Per-sentence state shared by the judges."""

    def __init__(self, sdoc: Doc, sent: Sentence, lex: BlameLexicon, text: str) -> None:
        self.sdoc = sdoc
        self.sent = sent
        self.lex = lex
        self.text = text  # the whole original document, or the window around the sentence
        #: ``sdoc.text`` once: spaCy rebuilds it from the tokens on every access, and the
        #: judges read it for every phrase search and every quotation check
        self.stext: str = sdoc.text
        self.hits: list[BlameHit] = []
        #: capitalised words the document uses as a system (never a person)
        self.systems: frozenset[str] = frozenset()

    def off(self, tok: Token) -> int:
        return self.sent.base + tok.idx

    def end(self, tok: Token) -> int:
        return self.sent.base + tok.idx + len(tok.text)

    def add(
        self,
        code: str,
        start: int,
        end: int,
        key: str,
        *,
        fix: Fix | None = None,
        person: bool = False,
        **fields: str,
    ) -> None:
        flat = {k: " ".join(v.split()) for k, v in fields.items()}
        self.hits.append(
            BlameHit(
                code, start, end, key, tuple(sorted(flat.items())), fix, person, self.sent.where
            )
        )


def judge_sentence(
    sdoc: Doc,
    sent: Sentence,
    lex: BlameLexicon,
    text: str,
    systems: frozenset[str] = frozenset(),
) -> list[BlameHit]:
    """All blame findings in one parsed sentence; ``systems``: its words that the document
    uses as a system elsewhere, never a person here."""
    ctx = _Ctx(sdoc, sent, lex, text)
    ctx.systems = systems
    if not len(sdoc):
        return []
    _human_error(ctx)
    _hindsight(ctx)
    _animated(ctx)
    _judgment(ctx)
    acts.conduct(ctx)
    acts.inaction(ctx)
    acts.fault(ctx)
    acts.had_inverted(ctx)
    for tok in sdoc:
        if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") or tok.lower_ in lex.past_lemma:
            _failure_verb(ctx, tok)
            acts.destructive(ctx, tok)
            acts.without_diligence(ctx, tok)
            acts.deemed(ctx, tok)
            acts.not_caught(ctx, tok)
            acts.never_tested(ctx, tok)
            acts.delayed_response(ctx, tok)
            acts.consequence(ctx, tok)
            acts.credential_lapse(ctx, tok)
            _failed_to(ctx, tok)
            _negated_omission(ctx, tok)
            _not_followed(ctx, tok)
            _if_had(ctx, tok)
        if tok.tag_ == "MD":
            _modal_perfect(ctx, tok)
        _responsibility(ctx, tok)
    if sent.rca_statement:
        _rca(ctx)
    return _merge_judgments(ctx.hits)


def _merge_judgments(hits: list[BlameHit]) -> list[BlameHit]:
    """Several judgment words in one sentence are one judgment: one finding listing them,
    whose fix (offered only when every word can be deleted) deletes them all."""
    words = [h for h in hits if h.code == specs.judgment.code and h.key == "judgment"]
    if len(words) < 2:
        return hits
    words.sort(key=lambda h: h.start)
    edits = tuple(e for h in words if h.fix is not None for e in h.fix.edits)
    fix = (
        Fix("Delete the judgment words", tuple(sorted(edits, key=lambda e: e.start)), safe=True)
        if all(h.fix is not None for h in words)
        else None
    )
    listed = "', '".join(dict(h.fields)["word"] for h in words)
    merged = BlameHit(
        specs.judgment.code,
        words[0].start,
        words[-1].end,
        "judgment",
        (("word", listed),),
        fix,
        False,
        words[0].where,
    )
    return [h for h in hits if h not in words] + [merged]


# -- helpers -------------------------------------------------------------------------------


def _quoted(ctx: _Ctx, tok: Token) -> bool:
    """Inside quotation marks: a word mentioned, not used."""
    before = ctx.stext[: tok.idx]
    if before.count('"') % 2 == 1 or before.count("“") > before.count("”"):
        return True
    after = ctx.stext[tok.idx + len(tok.text) :]
    return bool(re.search(r"['‘]\s*$", before)) and bool(re.match(r"\s*['’]", after))


def _denied(tok: Token) -> bool:
    """The word is itself denied ("this was not carelessness", "nobody was careless", "no
    negligence"), as opposed to merely sitting in a negative sentence ("we cannot blame
    sloppy fixes" still calls the fixes sloppy)."""
    prev = [t.lower_ for t in tok.doc[max(0, tok.i - 3) : tok.i]]
    if (
        any(w in ("not", "n't", "no", "never") for w in prev)
        or ("rather" in prev and "than" in prev)
        or ("instead" in prev and "of" in prev)
    ):
        return True
    node = tok
    if tok.dep_ == "amod":  # judged through the noun it modifies, not the sentence's verb
        noun = tok.head
        if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
            return True
        return noun.dep_ == "attr" and _negated(noun.head)
    for _ in range(3):
        for c in node.children:
            if c.dep_ == "neg" or (c.dep_ == "nsubj" and c.lower_ in _NEG_WORDS):
                return True
            if c.lower_ == "without" and c.i < tok.i:
                return True
        if node.pos_ in ("VERB", "AUX") or node.head is node:
            break
        node = node.head
    return False


def _hypothetical(verb: Token) -> bool:
    return any(c.tag_ == "MD" for c in verb.children)


def _person_subject(ctx: _Ctx, verb: Token) -> tuple[Token, str] | None:
    subj = subject_of(verb) or _misparsed_subject(verb)
    if subj is None:
        return None
    lex = ctx.lex
    if subj.text in ctx.systems or _thing_pronoun(subj, lex):
        return None  # "the Hermes relayer ... Hermes ignored the packet": a product
    who = person_name(subj, lex)
    if who is None:
        for c in subj.children:  # "Kim and Lee", "the engineer and the reviewer"
            if c.dep_ == "conj" and person_name(c, lex):
                who = subj.text
    if who is None:
        member = group_member(subj)  # "several of us", "one of our developers"
        if member is not None and (
            person_name(member, lex) is not None or member.lower_ in ("us", "them")
        ):
            who = ctx.stext[subj.left_edge.idx : member.idx + len(member.text)]
    if (
        who is None
        and _needs_mind(verb, lex)
        and (_unknown_name(subj, lex) or _organisation_acronym(subj))
    ):
        who = subj.text  # "Pinkiebell ignored the warning": only a mind ignores
    return (subj, who) if who is not None else None


def _needs_mind(verb: Token, lex: BlameLexicon) -> bool:
    """A mind verb ("ignored", "did not notice"), or a failure to do one ("failed to notice",
    "neglected to consider"): only a person or an organisation of people is its subject."""
    if _in_lex(verb, lex.mind_verbs, lex) or _realised(verb, lex):
        return True
    return _lemma(verb, lex) in lex.omission_verbs and any(
        c.dep_ == "xcomp" and (_in_lex(c, lex.mind_verbs, lex) or _realised(c, lex))
        for c in verb.children
    )


def _realised(verb: Token, lex: BlameLexicon) -> bool:
    """ "catch that the patch was breaking": with a that-clause, catching is realising (a
    mind's act); with an object it is also a monitor's ("catch the exception")."""
    return _lemma(verb, lex) in lex.clause_mind_verbs and any(
        c.dep_ == "ccomp" for c in verb.children
    )


#: a bare acronym of two to six capitals: an organisation's short name ("ACME")
_ACRONYM = re.compile(r"[A-Z]{2,6}")


def _organisation_acronym(tok: Token) -> bool:
    """A bare acronym as the subject of a mind verb names an organisation ("ACME failed to
    notice the leak"); with a determiner it is a system ("the IDS did not notice ...")."""
    return (
        tok.pos_ in ("PROPN", "NOUN")
        and _ACRONYM.fullmatch(tok.text) is not None
        and not any(c.dep_ in ("det", "poss", "compound", "amod") for c in tok.children)
    )


def _thing_pronoun(tok: Token, lex: BlameLexicon) -> bool:
    """ "they" whose antecedent in the sentence is a plural thing ("these issues went
    unnoticed, and they caused breakdowns"): the pronoun has no human referent."""
    if tok.lower_ not in ("they", "them"):
        return False
    before = [
        t
        for t in tok.doc[: tok.i]
        if t.tag_ in ("NNS", "NNPS") and t.dep_ in ("nsubj", "nsubjpass", "dobj")
    ]
    return bool(before) and person_name(before[-1], lex) is None


def _misparsed_subject(verb: Token) -> Token | None:
    """The subject the small model lost: an @handle tagged as an adverb before the verb
    ("@j.nakamura missed ..."), or the head noun of a sentence parsed as a headline ("A
    contractor neglected to check ...": the verb hangs under the noun as ``acl``)."""
    for c in verb.lefts:
        if c.text.startswith("@") and len(c.text) > 1:
            return c
    if (
        verb.dep_ == "acl"
        and verb.head.dep_ == "ROOT"
        and verb.tag_ in ("VBD", "VBN")
        and verb.head.i < verb.i
        and verb.head.pos_ in ("NOUN", "PROPN")
    ):
        return verb.head
    return None


def _unknown_name(tok: Token, lex: BlameLexicon) -> bool:
    """A capitalised proper noun that could be a person or an organisation of people: not a
    product name, not CamelCase, digits or capitals (:data:`_PRODUCTISH_NAME`)."""
    return (
        tok.pos_ == "PROPN"
        and tok.text[:1].isupper()
        and tok.text not in lex.product_names
        and not _PRODUCTISH_NAME.search(tok.text)
    )


def _dobj(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


def _question(ctx: _Ctx) -> bool:
    return ctx.stext.rstrip().endswith("?")


# -- PM101 ---------------------------------------------------------------------------------


def _failure_verb(ctx: _Ctx, verb: Token) -> None:
    """A person (or pronoun, role, handle) as the agent of a failure or causal verb (PM101), and
    the failure-to-act forms of it.

    Kept in one piece: the agent, the verb's class and the clean look-alikes (explanations,
    negations, system subjects) are tested on one parse in the order that decides between them;
    an early return is the verdict."""
    lex = ctx.lex
    if verb.dep_ in ("relcl", "amod", "aux", "auxpass") or (
        verb.tag_ in ("VBG",) and verb.dep_ != "ROOT"
    ):
        return
    narrated = verb.tag_ == "VBZ" and _in_lex(verb, lex.mind_verbs, lex)
    if _in_lex(verb, lex.failure_verbs, lex) and (_past(verb) or narrated):
        if (
            any(c.dep_ == "xcomp" for c in verb.children)
            and verb.lemma_.lower() in lex.omission_verbs
        ):
            return  # "forgot to": PM103
        if (
            _negated(verb)
            or _hypothetical(verb)
            or _rationale(verb, lex, ctx.stext)
            or _question(ctx)
        ):
            return
        if _object_denied(verb) or _splits(verb) or _purpose(verb) or _routine_miss(verb, lex):
            return
        got = _person_subject(ctx, verb)
        if got is not None and (got[0].dep_ == "nsubj" or got[0].i < verb.i):
            subj, who = got
            fix = passive_fix(
                subject=subj,
                verb=verb,
                obj=_dobj(verb),
                negate=False,
                base=ctx.sent.base,
                text=ctx.text,
                lex=lex,
                title="Rewrite without the person (agentless passive)",
            )
            ctx.add(
                specs.person_as_cause.code,
                ctx.off(subj.left_edge),
                ctx.end(verb),
                "person-as-cause",
                fix=fix,
                person=True,
                who=who,
                verb=verb.text,
            )
            return
    if _in_lex(verb, lex.causal_verbs | lex.failure_verbs, lex):
        if _negated(verb) or _hypothetical(verb):
            return
        work = subject_of(verb)
        if (
            work is not None
            and work.dep_ == "nsubj"
            and (work.lemma_.lower() in lex.work_nouns or work.lower_ in lex.work_nouns)
        ):
            for c in work.children:
                if c.dep_ == "poss" and c.lower_ not in ("our", "its", "their", "my", "your"):
                    owner = person_name(c, lex)
                    if owner is None:
                        continue
                    edge = c.right_edge
                    end_tok = edge if edge.i > c.i else c
                    nxt = ctx.sdoc[end_tok.i + 1] if end_tok.i + 1 < len(ctx.sdoc) else None
                    stop = nxt if nxt is not None and nxt.tag_ == "POS" else end_tok
                    a, e = ctx.off(c.left_edge), ctx.end(stop)
                    det = "The" if c.left_edge.i == 0 else "the"
                    fix = (
                        Fix("Name the change, not its author", (Edit(a, e, det),), safe=False)
                        if (not any(t.tag_ == "DT" for t in work.lefts))
                        else None
                    )
                    ctx.add(
                        specs.person_as_cause.code,
                        a,
                        e,
                        "possessive-blame",
                        fix=fix,
                        person=True,
                        who=owner,
                    )
                    return
                if c.dep_ == "prep" and c.lower_ == "by" and _agent_person(ctx, c):
                    return
        if _started_operation(verb, lex):
            return
        for c in verb.children:  # "the cluster was broken by Kevin"
            if c.dep_ == "agent" and _agent_person(ctx, c):
                return


def _started_operation(verb: Token, lex: BlameLexicon) -> bool:
    """ "a failover was triggered by Kevin": an operation started on purpose, who started it
    is a fact of the timeline, not a cause of harm."""
    if verb.lemma_.lower() != "trigger":
        return False
    done = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return done is not None and done.lemma_.lower() in lex.triggered_operations


def _purpose(verb: Token) -> bool:
    """A purpose clause states the reasoning at the time ("skipped lunch to finish the
    failover", "deleted the stale pods to free capacity"): local rationality. The small
    model often hangs it on the object as a relative clause ("the release to keep ...")."""
    heads = [verb] + [c for c in verb.children if c.dep_ == "dobj"]
    return any(
        c.dep_ in ("advcl", "xcomp", "relcl", "acl")
        and (c.dep_ in ("advcl", "xcomp") or h is not verb)
        and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        for h in heads
        for c in h.children
    )


def _object_denied(verb: Token) -> bool:
    """ "forgot nothing", "missed none of the steps": the object denies the failure."""
    return any(c.dep_ == "dobj" and c.lower_ in ("nothing", "none") for c in verb.children)


def _routine_miss(verb: Token, lex: BlameLexicon) -> bool:
    """ "missed two blocks", "missed attestations": "miss" in its technical sense, a node or
    a monitor not producing or receiving a periodic unit."""
    if verb.lemma_.lower() != "miss" and verb.lower_ != "missed":
        return False
    obj = _dobj(verb)
    if obj is None:
        return False
    units = {obj.lemma_.lower(), obj.lower_}
    units |= {g.lower_ for g in obj.subtree if g.dep_ == "pobj"}  # "hours worth of blocks"
    return bool(units & lex.missed_units)


def _splits(verb: Token) -> bool:
    """ "broke the task into three changes": "break" in the sense of dividing."""
    return verb.lemma_.lower() == "break" and any(
        c.dep_ == "prep" and c.lower_ == "into" for c in verb.children
    )


#: role nouns that name an organisation: the subject of a lapse ("the supplier erroneously
#: revoked our certificate"), but as the "by" agent of an act they describe a company acting
#: under its terms, not a person as the cause
_ORGANISATIONS = frozenset({"vendor", "partner", "supplier"})


def _agent_person(ctx: _Ctx, by: Token) -> bool:
    """Report "by <person>" under ``by``; True when it did."""
    pobj = next((g for g in by.children if g.dep_ == "pobj"), None)
    agent = person_name(pobj, ctx.lex) if pobj is not None else None
    if pobj is None or agent is None or pobj.lemma_.lower() in _ORGANISATIONS:
        return False  # "deleted by the cloud vendor": a company's act under its terms
    _by_agent(ctx, by, pobj, agent)
    return True


def _past(verb: Token) -> bool:
    """A past action: "broke", "has broken", "did break". "We are missing alerts" (lacking)
    and "this breaks when ..." (a property) are not causal claims about an event."""
    if verb.tag_ == "VBD" or verb.lower_ in _IRREGULAR_PAST:
        return True
    if (
        verb.tag_ == "VBN"
        and verb.dep_ == "ROOT"
        and any(c.dep_ == "nsubj" for c in verb.children)
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    ):
        return True  # "The new hire unintentionally deleted/VBN ...": a mis-tagged past
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if verb.tag_ == "VBN":
        return bool(aux & {"has", "have", "had", "'ve", "'s"})
    return verb.tag_ == "VB" and bool(aux & {"did"})


def _lemma(tok: Token, lex: BlameLexicon) -> str:
    """The verb's lemma, with the irregular past forms the small model leaves as they are."""
    return lex.past_lemma.get(tok.lower_) or tok.lemma_.lower()


def _in_lex(verb: Token, words: set[str], lex: BlameLexicon | None = None) -> bool:
    prt = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    lemma = _lemma(verb, lex) if lex is not None else verb.lemma_.lower()
    return (prt is not None and f"{lemma} {prt}" in words) or lemma in words


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ == "never" for c in tok.children)


def _rationale(verb: Token, lex: BlameLexicon, stext: str) -> bool:
    """``stext``: the sentence's text (``verb.doc.text``, read once per sentence)."""
    for c in verb.subtree:
        if c.dep_ == "mark" and c.lower_ in lex.rationale_marks and c.head.dep_ == "advcl":
            return True
    after = stext[verb.idx :]
    # "X did not notice the alert: it was grouped under the first one" explains the miss
    return bool(lex.rationale_re.search(after)) or bool(_COLON_REASON.search(after))


def _by_agent(ctx: _Ctx, by: Token, obj: Token, who: str) -> None:
    a = ctx.off(by)
    e = ctx.end(obj.right_edge)
    start = a - 1 if a > 0 and ctx.text[a - 1] == " " else a
    fix = Fix("Remove the person from the cause", (Edit(start, e, ""),), safe=False)
    ctx.add(specs.person_as_cause.code, a, e, "person-agent", fix=fix, person=True, who=who)


def _responsibility(ctx: _Ctx, tok: Token) -> None:
    lex = ctx.lex
    low = tok.lower_
    words = lex.responsibility
    predicate = low in words and tok.dep_ in ("acomp", "attr")
    at_fault = low == "fault" and tok.head.lower_ == "at" and "at fault" in words
    to_blame = (
        low == "blame" and "to blame" in words and any(c.lower_ == "to" for c in tok.children)
    )
    if not (predicate or at_fault or to_blame):
        return
    hit = tok
    cop = hit.head
    for _ in range(2):
        if cop.lemma_ == "be":
            break
        cop = cop.head
    if cop.lemma_ != "be" or _negated(cop) or _hypothetical(cop) or _denied(hit):
        return
    if cop.dep_ in ("relcl", "acl") or any(c.tag_ in ("WP", "WDT") for c in cop.children):
        return  # "the members who are responsible for X" describes a role
    if any(
        c.dep_ == "aux" and c.lower_ in ("will", "would", "should", "shall") for c in cop.children
    ):
        return
    got = _person_subject(ctx, cop)
    if got is None:
        return
    subj, who = got
    ctx.add(
        specs.person_as_cause.code,
        ctx.off(subj.left_edge),
        ctx.end(hit),
        "responsibility",
        person=True,
        who=who,
    )


# -- PM102 ---------------------------------------------------------------------------------


def _human_error(ctx: _Ctx) -> None:
    lex = ctx.lex
    for m in lex.human_error.finditer(ctx.stext):
        span = ctx.sdoc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if _denied(root) or _quoted_span(ctx, m.start(), m.end()) or _topic(root, span):
            continue
        preventive = False
        node = root
        for _ in range(4):
            if node.lemma_.lower() in lex.preventive or node.lower_ in lex.preventive:
                preventive = True
                break
            if node.head is node or node.dep_ in ("nsubj", "nsubjpass", "csubj"):
                break  # the subject side of a verb is not what the verb prevents
            node = node.head
        if preventive or any(t.lower_ in lex.preventive for t in span[0].lefts):
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


def _quoted_span(ctx: _Ctx, start: int, end: int) -> bool:
    """The phrase is mentioned in quotation marks ("we reject 'user error' as ...")."""
    before, after = ctx.stext[:start], ctx.stext[end:]
    if before.count('"') % 2 == 1 or before.count("“") > before.count("”"):
        return True
    return bool(re.search(r"['‘]\s*$", before)) and bool(re.match(r"\s*['’]", after))


def _topic(root: Token, span: Span) -> bool:
    """Human error as a topic, not as this incident's cause: a generic claim ("any operator
    error is a symptom", "human error is where the analysis starts": a quantifier or a
    present-tense verb), a hypothetical frame ("blaming human error would hide ...",
    "treating this as operator error would teach us nothing") or a modifier of another noun
    ("the user error page")."""
    if root.pos_ == "NOUN" and root.dep_ in ("compound", "amod") and root.head.i > span.end - 1:
        return True
    if (
        root.dep_ == "nsubj"
        and root.head.tag_ == "VB"
        and any(c.tag_ == "MD" for c in root.head.children)
    ):
        return True  # "treating this as operator error would teach us nothing"
    if any(c.dep_ == "det" and c.lower_ in ("any", "every", "all") for c in root.children):
        return True
    if root.dep_ == "nsubj" and root.head.tag_ in ("VBZ", "VBP"):
        return True
    node = root
    for _ in range(5):
        if node.tag_ == "VBG" and node.dep_ in ("csubj", "nsubj"):
            return any(c.tag_ == "MD" for c in node.head.children)
        if node.pos_ in ("VERB", "AUX") and any(c.tag_ == "MD" for c in node.children):
            # "it can be attributed to human error": a possibility, not a finding; "could
            # have been caused by human error" (a perfect) still asserts a past cause
            return not any(c.lower_ in ("have", "'ve") for c in node.children)
        if node.head is node:
            return False
        node = node.head
    return False


# -- PM103 ---------------------------------------------------------------------------------


def _modal_perfect(ctx: _Ctx, md: Token) -> None:
    """should/could/would + have + participle.

    Kept in one piece: the subject, the modal and the participle's class are tested on one parse
    in the order that separates a counterfactual about a person from hindsight and from system
    counterfactuals."""
    lex = ctx.lex
    sdoc = ctx.sdoc
    i = md.i + 1
    negated = False
    prefix: list[Token] = []
    while (
        i < len(sdoc)
        and (sdoc[i].dep_ in ("neg", "advmod") or sdoc[i].lower_ in ("not", "n't", "never", "to"))
        and sdoc[i].lower_ not in ("have", "'ve")
    ):
        negated = negated or sdoc[i].dep_ == "neg" or sdoc[i].lower_ in ("not", "n't", "never")
        i += 1
    if i >= len(sdoc) or sdoc[i].lower_ not in ("have", "'ve", "’ve"):
        return
    have = sdoc[i]
    i += 1
    while i < len(sdoc) and sdoc[i].tag_ in ("RB", "HYPH"):
        if sdoc[i].lower_ in ("not", "n't", "never"):
            negated = True
        i += 1
    # "load tested": lower-case nouns before the participle belong to the verb
    while (
        i + 1 < len(sdoc)
        and sdoc[i].pos_ in ("NOUN", "ADJ")
        and sdoc[i].text.islower()
        and sdoc[i + 1].tag_ in ("VBN", "VBD")
    ):
        prefix.append(sdoc[i])
        i += 1
    if i >= len(sdoc):
        return
    verb = sdoc[i]
    modal = md.lower_
    if modal == "must" or _question(ctx) or _indirect_question(md) or _reported(md):
        return
    if verb.lower_ == "been":
        _passive_should(ctx, md, verb)
        return
    more = _wanting_diligence(verb, lex)  # "we could have had more testing"
    if verb.tag_ not in ("VBN", "VBD") or (
        verb.lemma_.lower() in ("have", "be", "get") and not more
    ):
        return
    if modal in ("should", "ought"):
        pass
    elif modal in ("could", "would", "might"):
        if verb.lemma_.lower() not in lex.modal_verbs and not more:
            return
        if any(t.lower_ == "if" for t in sdoc):
            return  # the if-had judge reads conditionals, before or after the main clause
    else:
        return
    subj = None
    for head in (verb, md.head, have):
        subj = next(
            (c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < md.i), None
        )
        if subj is not None:
            break
    if subj is None:
        subj = subject_of(verb)
    if subj is None:
        return
    if subj.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        subj = verb.head
    who = person_name(subj, lex)
    if who is None:
        return
    fix = None
    if modal in ("should", "ought") and not negated:
        fix = passive_fix(
            subject=subj,
            verb=verb,
            obj=_dobj(verb),
            negate=True,
            base=ctx.sent.base,
            text=ctx.text,
            lex=lex,
            prefix=prefix,
            title="Rewrite as what did not happen (agentless)",
        )
    phrase = ctx.stext[md.idx : verb.idx + len(verb.text)]
    ctx.add(
        specs.counterfactual.code,
        ctx.off(subj.left_edge),
        ctx.end(verb),
        "should-have",
        fix=fix,
        person=True,
        phrase=phrase,
    )


def _wanting_diligence(verb: Token, lex: BlameLexicon) -> bool:
    """ "(we could have) had more testing", "had better review": the diligence that people
    are said to have owed, not a resource the system lacked ("had more replicas")."""
    if verb.lemma_.lower() != "have":
        return False
    obj = _dobj(verb)
    if obj is None:
        return False
    # "more testing/validation": the small model makes "testing" a modifier of "validation"
    nouns = [obj, *(c for c in obj.children if c.dep_ in ("nmod", "compound", "conj"))]
    return any(n.lemma_.lower() in lex.diligence for n in nouns) and any(
        c.lower_ in lex.more_words for n in nouns for c in n.children
    )


def _indirect_question(tok: Token) -> bool:
    """Inside "if/whether ..." under a verb of asking ("Reflect if X should have been
    communicated"): a question to consider, not an assertion."""
    node = tok.head
    for _ in range(3):
        if (
            any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in node.children)
            and node.dep_ in ("ccomp", "advcl", "xcomp")
            and node.head.lemma_.lower()
            in (
                "reflect",
                "ask",
                "consider",
                "discuss",
                "review",
                "check",
                "decide",
                "evaluate",
                "assess",
                "investigate",
                "wonder",
                "question",
            )
        ):
            return True
        if node.head is node:
            break
        node = node.head
    return False


def _passive_should(ctx: _Ctx, md: Token, been: Token) -> None:
    """ "should have been addressed": a lapse with the person left implicit."""
    lex = ctx.lex
    nxt = ctx.sdoc[been.i + 1 : been.i + 3]
    verb = next((t for t in nxt if t.tag_ == "VBN"), None)
    hindsight = lex.modal_verbs | {"discover"}
    if md.lower_ not in ("should", "ought"):
        # "could have been avoided through more stringent checks": the hindsight passive
        if (
            verb is None
            or verb.lemma_.lower() not in hindsight
            or any(t.lower_ == "if" for t in ctx.sdoc)
            or _negated(verb)
        ):
            return
    elif _careful_counterfactual(ctx, md, been):
        return
    if verb is None:
        return
    person = next((c for c in verb.children if c.dep_ == "nsubjpass" and person_name(c, lex)), None)
    if verb.lemma_.lower() not in lex.human_actions | hindsight and person is None:
        return  # a person as the subject: "the team should have been involved" is a lapse
    if any(t.lower_ in lex.system_adverbs for t in ctx.sdoc[md.i : verb.i + 3]):
        return
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is not None:
        obj = next((g for g in agent.children if g.dep_ == "pobj"), None)
        if obj is not None and person_name(obj, lex) is None:
            return  # "should have been caught by the validator": a mechanism's job
    phrase = ctx.stext[md.idx : verb.idx + len(verb.text)]
    ctx.add(specs.counterfactual.code, ctx.off(md), ctx.end(verb), "passive-should", phrase=phrase)


def _careful_counterfactual(ctx: _Ctx, md: Token, been: Token) -> bool:
    """ "We should have been more careful": the counterfactual asks for a virtue instead of
    a step. Reported (True) when a diligence word is the complement and a person the
    subject."""
    word = next(
        (c for c in been.children if c.dep_ == "acomp" and c.lower_ in ctx.lex.conduct), None
    )
    if word is None:
        return False
    got = _person_subject(ctx, been)
    if got is None:
        return False
    subj = got[0]
    ctx.add(
        specs.counterfactual.code,
        ctx.off(subj.left_edge),
        ctx.end(word),
        "should-have",
        person=True,
        phrase=ctx.stext[md.idx : word.idx + len(word.text)],
    )
    return True


def _failed_to(ctx: _Ctx, verb: Token) -> None:
    lex = ctx.lex
    lemma = _lemma(verb, lex)
    if lemma not in lex.omission_verbs:
        return
    x = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    if x is None or not any(c.lower_ == "to" and c.dep_ == "aux" for c in x.children):
        return
    if lemma == "fail" and x.lemma_.lower() not in lex.human_actions:
        return
    if lemma == "bother" and not (
        _negated(verb)
        or any(
            c.lower_ in ("never",) or (c.dep_ == "nsubj" and c.lower_ in lex.nobody)
            for c in verb.children
        )
    ):
        return
    if lemma != "bother" and (_negated(verb) or _hypothetical(verb)):
        return
    if _question(ctx):
        return
    got = _person_subject(ctx, verb)
    if got is None:
        nob = subject_of(verb)
        if nob is None or nob.lower_ not in lex.nobody:
            return
        got = (nob, nob.text)
    subj, _who = got
    fix = passive_fix(
        subject=subj,
        verb=x,
        obj=_dobj(x),
        negate=True,
        base=ctx.sent.base,
        text=ctx.text,
        lex=lex,
        title="Rewrite as what did not happen (agentless)",
    )
    ctx.add(
        specs.counterfactual.code,
        ctx.off(subj.left_edge),
        ctx.end(x),
        "failed-to",
        fix=fix,
        person=True,
        phrase=ctx.stext[verb.idx : x.idx + len(x.text)],
    )


def _omission_verb_ok(verb: Token, lex: BlameLexicon) -> bool:
    lemma = verb.lemma_.lower()
    if lemma not in lex.negated_omissions:
        return False
    kids = {c.lower_ for c in verb.children}
    if lemma == "take":
        return "into" in kids and any(
            g.lower_ == "account" for c in verb.children for g in c.children
        )
    if lemma == "pick":
        return "up" in kids
    if lemma in lex.clause_mind_verbs:
        return _realised(verb, lex)  # "did not catch that ...", not "did not catch the error"
    if lemma == "account":
        return "for" in kids
    if lemma == "think":
        return (
            any(c.dep_ == "xcomp" for c in verb.children)
            or bool(kids & {"about", "of"})
            or _dismissed_signal(verb, lex)
        )
    if lemma == "look":
        return bool(kids & {"at", "into"})
    if lemma == "act":
        return "on" in kids  # "nobody acted on the alert"; "did not act until ..." is timing
    return True


def _dismissed_signal(verb: Token, lex: BlameLexicon) -> bool:
    """ "saw the warning and did not think it mattered": a signal perceived, then judged
    unimportant, in one coordinated act; "I did not think the migration would take long" is
    a plain expectation."""
    return (
        verb.dep_ == "conj"
        and verb.head.lemma_.lower() in lex.perception_verbs
        and any(c.dep_ == "ccomp" for c in verb.children)
    )


def _negated_omission(ctx: _Ctx, verb: Token) -> None:
    lex = ctx.lex
    if verb.dep_ in ("relcl", "amod", "acl", "aux", "pcomp") or _hypothetical(verb):
        return
    if not _omission_verb_ok(verb, lex) or _question(ctx):
        return
    subj = subject_of(verb)
    if subj is None or subj.dep_ != "nsubj":
        return
    nobody = subj.lower_ in lex.nobody or (
        subj.lower_ == "one" and any(c.lower_ == "no" for c in subj.children)
    )
    if nobody:
        if verb.tag_ != "VBD":
            return
    else:
        if not _negated(verb) or verb.tag_ not in ("VB", "VBD"):
            return
        if verb.tag_ == "VB" and not any(c.lower_ in ("did", "do") for c in verb.children):
            return
        if _person_subject(ctx, verb) is None or _rationale(verb, lex, ctx.stext):
            return
    obj = _dobj(verb)
    fix = passive_fix(
        subject=subj,
        verb=verb,
        obj=obj,
        negate=True,
        base=ctx.sent.base,
        text=ctx.text,
        lex=lex,
        title="Rewrite as what did not happen (agentless)",
    )
    end_tok = verb
    for c in verb.children:
        if c.dep_ in ("prt", "prep") and c.i > verb.i and (obj is None or c.i < obj.i):
            end_tok = c.right_edge
    ctx.add(
        specs.counterfactual.code,
        ctx.off(subj.left_edge),
        ctx.end(end_tok),
        "negated-omission",
        fix=fix,
        person=True,
        phrase=ctx.stext[subj.left_edge.idx : end_tok.idx + len(end_tok.text)],
    )


def _not_followed(ctx: _Ctx, verb: Token) -> None:
    lex = ctx.lex
    if verb.lemma_.lower() != "follow" or verb.tag_ != "VBN" or not _negated(verb):
        return
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is None or subj.lemma_.lower() not in lex.procedures:
        return
    if any(c.dep_ == "agent" for c in verb.children):
        return  # "was not followed by an update": sequence, not compliance
    ctx.add(
        specs.counterfactual.code,
        ctx.off(subj.left_edge),
        ctx.end(verb),
        "not-followed",
        phrase=ctx.stext[subj.left_edge.idx : verb.idx + len(verb.text)],
    )


def _if_had(ctx: _Ctx, tok: Token) -> None:
    """ "If we had noticed ..., we could have ...", "Had they checked ..., they would have"."""
    if tok.lower_ != "had" or tok.dep_ != "aux":
        return
    verb = tok.head
    if verb.tag_ != "VBN" or verb.dep_ != "advcl":
        return
    inverted = tok.i < verb.i and any(c.dep_ == "nsubj" and c.i > tok.i for c in verb.children)
    if not (any(c.lower_ == "if" and c.dep_ == "mark" for c in verb.children) or inverted):
        return
    main = verb.head
    if not any(
        c.tag_ == "MD" and c.lower_ in ("would", "could", "might") for c in main.children
    ) or not any(c.lower_ in ("have", "'ve") for c in main.children):
        return
    got = _person_subject(ctx, verb)
    if got is None:
        return
    main_person = _person_subject(ctx, main) is not None
    negated = _negated(verb) or any(c.lower_ == "been" for c in verb.children)
    # any act of a person ("if the reviewer had looked closer"), but not a state ("if we had
    # had more disks", "if Kim had known")
    action = verb.lemma_.lower() not in ("be", "have", "get", "know", "exist")
    if not (main_person or (action and not negated)):
        return
    start = min(t.i for t in verb.subtree)
    ctx.add(
        specs.counterfactual.code,
        ctx.off(ctx.sdoc[start]),
        ctx.end(verb.right_edge),
        "if-had",
        person=True,
    )


# -- PM104 ---------------------------------------------------------------------------------


_HUMAN_ACTS = {
    "decision",
    "response",
    "behaviour",
    "behavior",
    "handling",
    "mistake",
    "work",
    "attitude",
    "choice",
    "call",
    "approach",
}


def _judgment(ctx: _Ctx) -> None:
    """Judgment words about people (PM104): character words, verdicts, minimisers, each only in
    the constructions where they judge a person.

    Kept in one piece: one loop over the sentence's tokens, one branch per word class, each with
    its own look-alike tests; the branches share the denial and quotation checks."""
    lex = ctx.lex
    sdoc = ctx.sdoc
    for tok in sdoc:
        low = tok.lower_
        nxt = sdoc[tok.i + 1] if tok.i + 1 < len(sdoc) else None
        if nxt is not None and nxt.text == "-" and not tok.whitespace_:
            continue  # "reckless-looking": part of a compound
        if low in lex.judgment:
            if _denied(tok) or _quoted(ctx, tok) or _generic_kind(tok):
                continue
            fix = None
            if tok.pos_ == "ADV" or (tok.dep_ == "amod" and tok.head.i > tok.i):
                fix = delete_word_fix(
                    tok, base=ctx.sent.base, text=ctx.text, title=f"Delete '{tok.text}'"
                )
            ctx.add(
                specs.judgment.code, ctx.off(tok), ctx.end(tok), "judgment", fix=fix, word=tok.text
            )
        elif low in lex.person_judgment:
            if _denied(tok) or _quoted(ctx, tok):
                continue
            target = None
            if tok.dep_ == "amod":
                target = tok.head
            elif tok.dep_ in ("acomp", "attr"):
                target = subject_of(tok.head)
            if target is None or person_name(target, lex) is None:
                continue
            fix = (
                delete_word_fix(
                    tok, base=ctx.sent.base, text=ctx.text, title=f"Delete '{tok.text}'"
                )
                if tok.dep_ == "amod"
                else None
            )
            ctx.add(
                specs.judgment.code, ctx.off(tok), ctx.end(tok), "judgment", fix=fix, word=tok.text
            )
        elif low in lex.verdicts:
            if _denied(tok) or _quoted(ctx, tok):
                continue
            if tok.dep_ in ("acomp", "attr", "ROOT") or (
                tok.dep_ == "conj" and tok.head.dep_ in ("acomp", "attr")
            ):
                cop = tok.head if tok.dep_ != "ROOT" else tok
                if any(c.tag_ == "MD" for c in cop.children):
                    continue  # "a four-hour delay would be unacceptable": a target
                if _owned_impact(ctx, cop):
                    continue  # "outages like this are unacceptable; we apologise"
            elif tok.dep_ == "amod":
                head = tok.head
                if person_name(head, lex) is None and head.lemma_.lower() not in _HUMAN_ACTS:
                    continue
            else:
                continue
            ctx.add(specs.judgment.code, ctx.off(tok), ctx.end(tok), "verdict", word=tok.text)
        elif low in lex.minimisers:
            _minimiser(ctx, tok)
    for m in lex.judgment_phrases.finditer(ctx.stext):
        span = sdoc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or _denied(span[0]) or _quoted(ctx, span[0]):
            continue
        ctx.add(
            specs.judgment.code,
            ctx.sent.base + m.start(),
            ctx.sent.base + m.end(),
            "judgment",
            word=m.group(0),
        )
    for m in lex.minimiser_phrases.finditer(ctx.stext):
        ctx.add(
            specs.judgment.code,
            ctx.sent.base + m.start(),
            ctx.sent.base + m.end(),
            "minimiser",
            word=m.group(0).strip(),
        )


def _owned_impact(ctx: _Ctx, cop: Token) -> bool:
    """A verdict on the incident itself with an apology in the same sentence ("outages like
    this are unacceptable, and we apologise to everyone affected"): the authors own the
    impact; no one's conduct is judged. Without the apology ("this outage is embarrassing")
    the verdict stands in for a finding."""
    said_of = subject_of(cop)
    if said_of is None or said_of.lemma_.lower() not in ctx.lex.incident_nouns:
        return False
    return any(t.lemma_.lower() in ctx.lex.apology_words for t in ctx.sdoc)


def _generic_kind(tok: Token) -> bool:
    """A judgment adverb on a participle that describes a kind of thing in a generic claim
    ("carelessly written regexes can backtrack"): a truism about artefacts, not a verdict on
    someone in this incident."""
    part = tok.head
    if not tok.lower_.endswith("ly") or part.tag_ != "VBN" or part.dep_ != "amod":
        return False
    clause = part.head.head
    return any(
        c.tag_ == "MD" and c.lower_ in ("can", "may", "might", "will") for c in clause.children
    ) or clause.tag_ in ("VBZ", "VBP")


def _minimiser(ctx: _Ctx, tok: Token) -> None:
    """ "just/simply had to", "obviously ignored": the right act presented as trivial."""
    head = tok.head
    if tok.dep_ != "advmod" or _quoted(ctx, tok):
        return
    low = tok.lower_
    person = _person_subject(ctx, head)
    if person is None:
        return
    if low in ("just", "simply"):
        lemma = head.lemma_.lower()
        if not (
            lemma in ("have", "need")
            and head.tag_ in ("VBD", "VBN")
            and any(c.dep_ == "xcomp" for c in head.children)
        ):
            return
    elif low in ("obviously", "clearly"):
        if head.tag_ not in ("VBD",) and not any(c.lower_ == "did" for c in head.children):
            return
        if head.lemma_.lower() in _COGNITION | {"be", "show", "see"}:
            return
    else:
        return
    fix = delete_word_fix(tok, base=ctx.sent.base, text=ctx.text, title=f"Delete '{tok.text}'")
    ctx.add(specs.judgment.code, ctx.off(tok), ctx.end(tok), "minimiser", fix=fix, word=tok.text)


# -- PM105 / PM106 ---------------------------------------------------------------------------


def _hindsight(ctx: _Ctx) -> None:
    lex = ctx.lex
    for m in lex.hindsight.finditer(ctx.stext):
        span = ctx.sdoc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and (_quoted(ctx, span[0]) or _reported(span.root)):
            continue
        if re.search(
            r"(?i)\bbut\b.*\b(?:no|not|never|without|nothing)\b|\bbut\b.*n't\b",
            ctx.stext[m.end() :],
        ):
            continue  # "the dashboard clearly showed it, but no alert fired": foresight view
        ctx.add(
            specs.hindsight.code,
            ctx.sent.base + m.start(),
            ctx.sent.base + m.end(),
            "hindsight",
            phrase=m.group(0),
        )
    for tok in ctx.sdoc:
        if tok.lower_ not in lex.hindsight_adjectives or tok.dep_ != "acomp":
            continue
        cop = tok.head
        if cop.lemma_ != "be" or cop.tag_ not in ("VBD",) or _denied(tok) or _hypothetical(cop):
            continue
        subj = subject_of(cop)
        if subj is None or subj.lemma_.lower() not in lex.outcome_nouns:
            continue
        ctx.add(
            specs.hindsight.code,
            ctx.off(subj.left_edge),
            ctx.end(tok),
            "hindsight",
            phrase=ctx.stext[subj.left_edge.idx : tok.idx + len(tok.text)],
        )


_SPEECH = frozenset(["say", "argue", "claim", "conclude", "suggest", "write"])


def _reported(tok: Token) -> bool:
    """Under a hypothetical speech act: "it would be easy to say the engineer should have
    known" names the hindsight view in order to reject it."""
    node = tok
    speech = False
    for _ in range(6):
        speech = speech or node.lemma_.lower() in _SPEECH
        if speech and (_hypothetical(node) or node.lemma_.lower() in ("easy", "tempting")):
            return True
        if node.head is node:
            return False
        node = node.head
    return False


def _animated(ctx: _Ctx) -> None:
    for m in ctx.lex.animated.finditer(ctx.stext):
        a, e = ctx.sent.base + m.start(), ctx.sent.base + m.end()
        fix = None
        if re.fullmatch(r"!{2,}", m.group(0)):
            fix = Fix("Replace with a full stop", (Edit(a, e, "."),), safe=True)
        ctx.add(specs.animated.code, a, e, "animated", fix=fix, phrase=m.group(0))
    _shouting(ctx)


_CAPS_WORD = re.compile(r"[A-Z][A-Z'’]*[A-Z]\b")


def _shouting(ctx: _Ctx) -> None:
    """An emphasis word in capitals ("we NEVER tested it"). Not when the whole
    sentence is in capitals (a label or heading) or a neighbouring word is in capitals too
    ("IS NOT NULL", "READ ONLY", "NOT STARTED": code, modes and status labels)."""
    stext = ctx.stext
    letters = [c for c in stext if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) > 0.6 * len(letters):
        return
    for m in ctx.lex.shouting.finditer(stext):
        before = stext[: m.start()].split()
        after = stext[m.end() :].split()
        neighbours = before[-1:] + after[:1]
        if any(_CAPS_WORD.fullmatch(w.strip('.,;:!?()"*_`')) for w in neighbours):
            continue
        if _clarifies(ctx, m.start()):
            continue
        a, e = ctx.sent.base + m.start(), ctx.sent.base + m.end()
        word = ctx.text[a:e]
        if word != m.group(0):  # masked markup inside the word: no fix
            continue
        fix = Fix("Write it in lower case", (Edit(a, e, word.lower()),), safe=True)
        ctx.add(specs.animated.code, a, e, "animated-caps", fix=fix, phrase=word)


#: negations in capitals and the verbs after which they clarify a fact ("we did NOT receive
#: the alerts", "the data was NOT exposed") instead of venting about an omission
_CAPS_NEGATIONS = frozenset({"not", "never", "didn't", "wasn't", "isn't", "don't", "won't"})
_FACT_VERBS = frozenset(
    {"be", "have", "receive", "get", "find", "see", "know", "affect", "expose", "reach", "lose"}
)


def _clarifies(ctx: _Ctx, at: int) -> bool:
    """A negation in capitals that stresses a fact: on a passive, a state or receipt verb,
    an inability ("could NOT find") or with no person as the subject. "We NEVER tested it"
    (a person's omission) is still emphasis."""
    tok = next((t for t in ctx.sdoc if t.idx <= at < t.idx + len(t.text)), None)
    if tok is None or tok.lower_.replace("’", "'") not in _CAPS_NEGATIONS:
        return False
    verb = tok.head if tok.head is not tok else tok
    if verb.pos_ not in ("VERB", "AUX"):
        return False  # a mis-parse ("The team DIDN'T/appos look"): keep the emphasis reading
    if verb.lemma_.lower() in _FACT_VERBS or any(c.dep_ == "auxpass" for c in verb.children):
        return True
    if any(c.tag_ == "MD" and c.lower_ in ("could", "can", "couldn't") for c in verb.children):
        return True
    return _person_subject(ctx, verb) is None


# -- PM107 ---------------------------------------------------------------------------------


def _rca(ctx: _Ctx) -> None:
    """The root-cause statement (or last why-answer) names a person or a trait as the cause."""
    lex = ctx.lex
    sdoc = ctx.sdoc
    m = re.search(
        r"(?i)\black of (?:care|attention|diligence|experience|training|knowledge)\b", sdoc.text
    )
    if m:
        ctx.add(
            specs.rca_person.code,
            ctx.sent.base + m.start(),
            ctx.sent.base + m.end(),
            "rca-trait",
            phrase=m.group(0),
        )
        return
    roots = [t for t in sdoc if t.dep_ == "ROOT"]
    for root in roots[:1]:
        verb = root
        if root.lemma_ == "be":  # "The root cause was the engineer who ..."
            attr = next((c for c in root.children if c.dep_ == "attr"), None)
            if attr is not None:
                who = person_name(attr, lex)
                if who is not None and attr.lower_ not in lex.pronouns:
                    ctx.add(
                        specs.rca_person.code,
                        ctx.off(attr.left_edge),
                        ctx.end(attr),
                        "rca-person",
                        who=who,
                    )
                    return
        # "Root cause: dylanfour@ ignored ..." parses the clause under the label noun
        cands = [verb] + [c for c in root.children if c.dep_ in ("acl", "appos", "advcl")]
        for v in cands:
            if v.lemma_.lower() in _COGNITION | {"be", "have"}:
                continue
            got = _person_subject(ctx, v)
            if got is None or got[0].dep_ != "nsubj":
                continue  # "the employee was converted": the person is not the agent
            subj, who = got
            if subj.lower_ in lex.pronouns and subj.lower_ not in ("he", "she"):
                continue  # "we" narrating is common and not a person-as-root-cause claim
            if subj.lower_ in lex.indefinite:
                continue
            ctx.add(
                specs.rca_person.code, ctx.off(subj.left_edge), ctx.end(subj), "rca-person", who=who
            )
            return


# the judges of the act classes live in their own module; imported last because they
# build on the helpers above
from pm_lsp.rules.blame import acts  # noqa: E402
