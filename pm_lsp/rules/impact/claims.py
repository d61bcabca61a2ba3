"""Impact statements found by meaning: an affected entity and an effect on it.

"Users could not log in", "The help channel system was unavailable", "Hachyderm experienced
some flakiness", "Block production stalled": each names something that was affected (people,
a service, a request, a unit of the domain such as blocks or validators, or a named system)
and what happened to it (an effect verb, adjective or noun, or an inability, "could not",
"unable to"). Such a sentence is an impact statement wherever it is written, and it is
unquantified when neither it nor the sentence next to it states an amount
(:mod:`pm_lsp.rules.impact.amounts`).

What is not a statement of this incident's impact stays out: plans and conditions ("so that
users are never affected", "we will make sure the site stays up"), questions, and what the
responders did to a system ("we deleted the stale nodes", "we stopped the workers"): an
effect verb whose subject is the team is an action, unless it is one that happens to the
team ("we lost", "we missed") or harm done to people ("we annoyed our validators").
Nor are these, whose effect words or people nouns are no harm done: an attribution of the
incident to its cause ("the outage was caused by a worker retrying failed sends"), an
omission in catching the fault ("the test team failed to spot the regression", "reviewed, but not
properly"), the scenario a test or runbook covers, a cache missed as mechanism, the harm
ending after a responder's step ("we paused the rollout and the errors stopped"); and
who was told something, what a step of mitigation acted on, or who in hindsight could have
seen the fault is never the affected entity (:func:`_bystander`).

Outside the sections where impact is stated, a root-cause narrative is full of effects on
internals ("the pod crashed", "the query timed out"); there a statement counts only when it
faces the users (:attr:`Claim.facing`): people, something they reach (a service, a site, a
feature, a unit of the domain, a named system that is the subject of the effect, anything
said to be unavailable or exposed) and an effect on availability or on their work. In the
sections that narrate the response and analyse its causes (``narrative-sections``: timeline
prose, root cause, lessons) even that is too wide, and the sentence must name people or the
service as a whole (:mod:`pm_lsp.rules.impact.checks` asks it before this module is asked).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pm_lsp.nlp.reported import QUOTED
from pm_lsp.policy.names import is_given_name

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from pm_lsp.rules.impact.checks import Lexicon

#: the responders, as the subject of a verb: what they did is an action, not an impact
_TEAM = frozenset({"we", "i", "us", "our", "team", "they", "he", "she", "engineer", "operator"})
#: the responders one by one: what happens to them is no impact either ("the on-call
#: engineer missed the page" is a lapse, not "how many engineers were affected"), while
#: the organisation undergoes a loss ("we lost data", :data:`_UNDERGONE`)
_RESPONDERS = frozenset(
    {"i", "he", "she", "engineer", "operator", "responder", "sre", "oncall", "reviewer", "approver"}
)
#: effect verbs that happen to their subject ("we lost data", "we missed the window")
_UNDERGONE = frozenset({"lose", "miss", "suffer", "experience"})
#: the verbs "down" is an effect with ("was down", "went down"), not "shut down", "scaled down"
#: verbs whose subject bears the effect noun they take ("Kestrel experienced an outage",
#: "the API had two outages"); of any other ("the registrar regrets the disruption", "the deploy
#: caused errors") the subject is not what was affected
_BORNE = frozenset(
    {"lose", "miss", "suffer", "experience", "have", "see", "face", "hit", "endure", "undergo"}
    | {"sustain", "encounter", "get", "take", "incur", "show", "return", "throw", "report"}
)
_DOWN_HEADS = frozenset({"be", "go", "stay", "remain", "become", "come", "keep"})
#: the verbs that put their object down ("the bad config took the API down", "a flood of
#: retries knocked the portal down"): an effect on the object, unless a responder did it
_FELLING = frozenset({"take", "bring", "knock"})


@dataclass(frozen=True)
class Claim:
    """An impact statement: its affected entity (as written) and whether that entity is
    counted in individuals ("users", "validators") or is one system ("the site")."""

    noun: str
    countable: bool
    #: the entity faces the users (people, something they reach, anything said to be
    #: unavailable or exposed) and the effect is on availability or on their work
    facing: bool
    #: the entity is a named system that suffers the effect ("Hachyderm experienced an
    #: outage"): an impact statement where impact is stated, but elsewhere as often the
    #: narrative of a component ("Redis crashed")
    named: bool = False
    #: the entity as the question about its amount names it (:func:`counted`)
    counted: str = ""
    #: the entity is a mass noun written as a plural ("data"): measured, not counted
    mass: bool = False
    #: the entity is a word the rule knows (a unit, a claim subject, something users reach),
    #: a named system, or a plural subject of the effect: the message may name it
    known: bool = True


#: pronouns that stand for people ("Everyone could not …", "No one was able to …"): counted
#: as people
_PEOPLE_PRONOUNS = frozenset(
    {"everyone", "everybody", "anyone", "anybody", "someone", "somebody", "nobody", "one"}
)
#: plurals that no suffix rule gives
_IRREGULAR_PLURALS = {"person": "people", "child": "children", "man": "men", "woman": "women"}
#: nouns whose plural is the word itself
_UNCHANGED = frozenset({"staff", "personnel", "people", "crew", "police"})


def counted(entity: Token, *, plural: bool = True) -> str:
    """``entity`` as a question about its amount names it ("how many … were affected?",
    with ``plural``; "the share of …" without): in lower case and, with ``plural``, in the
    plural ("Users" -> "users", "Each merchant" -> "merchants"); "people" for a pronoun that
    stands for them ("Everyone", "Nobody", "a few of you"). An acronym keeps its capitals
    ("ISP" -> "ISPs").
    The tagger's proper-noun tag is no guide: a common noun opening a heading or a line
    ("Validator", "Team") is tagged as one. The message quotes the entity as written too,
    and asked "how many customer" or "how many Everyone" before."""
    text, low = entity.text, entity.lower_
    if low in _PEOPLE_PRONOUNS or entity.pos_ == "PRON":  # "a few of you": people
        return "people"
    acronym = sum(c.isupper() for c in text) > 1
    word = text if acronym else low
    if not plural or _written_plural(entity) or low in _UNCHANGED:
        return word
    if acronym:
        return word if word.endswith("s") else word + "s"
    return _plural(word)


def _written_plural(entity: Token) -> bool:
    """Is ``entity`` written as a plural: tagged so, and its form no singular that the
    small tagger took for a plural ("rotate the token" tagged NNS: the form is its own
    lemma and ends in no "s"; "data", "people" have lemmas of their own)?"""
    if entity.tag_ not in ("NNS", "NNPS"):
        return False
    low = entity.lower_
    return low.endswith("s") or low != entity.lemma_.lower()


def _plural(word: str) -> str:
    """The regular English plural of a singular noun ("customer" -> "customers", "company"
    -> "companies", "class" -> "classes"), or its listed irregular plural."""
    if word in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[word]
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def impact_claim(toks: Sequence[Token], text: str, lex: Lexicon) -> Claim | None:
    """The impact statement in a parsed sentence (its tokens and its text), or None (see
    the module docstring). Whether it is quantified is not decided here. Each effect is
    paired with its entity; the first pair that faces the users wins, else the first pair.
    The sentence's tokens are walked once for its effects and once for the nouns that may
    be its entity, whatever the number of effects. A safeguard doing its job or advice to
    the readers stands the claim down only when nothing else in the sentence states harm
    (:func:`_stood_down`). An effect told of how a tool behaves in general
    (:func:`_general`) is none, and so is a consequence for no one users reach told after a
    rule of how a kind of thing works (:func:`_a_kind_by_rule`), unless people or the
    service as a whole are a subject in it (:func:`_people_or_service_told`): the mechanism
    goes on."""
    claim = _found_claim(toks, text, lex)
    if claim is None or _stood_down(toks, text, lex, claim):
        return None
    if any(_a_kind_by_rule(t, lex) for t in toks) and not _people_or_service_told(toks, lex):
        return None  # "A CNAME cannot sit at the apex, so our servers sent bad answers"
    return claim


def _found_claim(toks: Sequence[Token], text: str, lex: Lexicon) -> Claim | None:
    """The claim of :func:`impact_claim`, before a safeguard or advice is weighed."""
    if _no_statement(toks, text, lex):
        return None
    effects: list[Token | None] = list(_harm_effects(toks, lex))
    later = _told_instead(toks, lex)
    if later is not None and later not in effects and not _general(later, lex):
        effects.append(later)  # "never went down; it served blank pages to visitors"
    quoted = _quoted(toks, text)
    down = _out_of_service(toks, text, lex)
    if down or _unable(toks, text, lex):
        effects.append(None)
    if not effects:
        return None
    idiomatic = _in_idioms(toks, text, lex)
    nouns = [
        t
        for t in toks
        if (
            t.pos_ in ("NOUN", "PROPN")
            or (_names_entity(t, lex) and t.pos_ not in ("VERB", "AUX"))  # not "built"
        )
        and not _is_effect_noun(t, lex)
        and t.i not in idiomatic  # "I want this on the record": no affected record
        and not t.text.startswith("@")  # a person's handle is who acted, not who was reached
        and not _hyphenated(t)  # "cart-pricing service": the service, not carts
        and not _own_tooling(t, lex)  # "the release job broke": nothing users reach
        and not _handled_by_machine(t, lex)  # "validators that check orders": its input
        and not _source_of_cause(t)  # "a late reply from the carrier delayed the fix"
        and not _set_against(t, lex)  # "tell an outage from an expired staff badge"
        and t.i not in quoted  # 'tells us "the depot staff forgot ...": words reported
    ]
    named_people = any(t.lower_ in lex.people or t.lemma_.lower() in lex.people for t in nouns)
    first: Claim | None = None
    for effect in effects:
        if effect is not None and effect.i in quoted:
            continue  # 'a "Service Unavailable" page': the words of a message, mentioned
        if effect is not None and any(
            c.dep_ == "dobj" and _own_tooling(c, lex) for c in effect.children
        ):
            continue  # "the force-push broke the publish pipeline": its subject is the cause
        entity = _entity(toks, nouns, lex, effect)
        if entity is None or _aside(entity, effect, lex) or _device(entity, lex):
            continue  # "the kiosks' radio clients could not pair": devices, no one reached
        if _anyone_seeing(entity, lex) or _in_agent(entity, effect):
            continue  # "anyone reading the log now can see that": an observer; "missed by
            # the branch IT team": who did it
        if _machine_sense(entity, lex):
            continue  # "the service account lost a right": a program, no one reached
        if scorned(entity, lex):
            continue  # "delayed by the usual antics of the folks who think ...": blamed
        if not named_people:  # else the people are named: "... unavailable to customers"
            while _names_tooling(entity, lex):
                entity = entity.head  # "hosted build pipelines": the pipelines, not "hosted"
            entity = _tooling_subject(entity, effect, lex) or entity
        claim = _claim(entity, effect, lex, down=down)
        if claim.facing or claim.named:
            return claim
        first = first or claim
    return first


def _in_agent(entity: Token, effect: Token | None) -> bool:
    """Is ``entity`` inside the agent ("by ...") of the passive effect verb ("the renewal
    was skipped by the branch IT team")? The agent is who did
    the deed, a team named by its place is no population reached; "customers were locked
    out by the update" names the reached as the subject."""
    agents = [] if effect is None else [c for c in effect.children if c.dep_ == "agent"]
    return any(a.left_edge.i <= entity.i <= a.right_edge.i for a in agents)


def _no_statement(toks: Sequence[Token], text: str, lex: Lexicon) -> bool:
    """Is the sentence, whatever its effects, no statement of impact: a plan or a
    condition, the cause, an onset, the write-up's contents, a fallback, a correction, a
    report of what people said, a fault denied?"""
    return bool(
        lex.not_statement.search(text)
        or _cause_statement(toks, lex)
        or _failure_explained(toks, lex)
        or _fault_located(toks, lex)
        or _attributed(toks, lex)
        or _onset(toks, lex)
        or _about_the_writeup(toks, lex)
        or _fell_back(toks, lex)
        or _clarified(toks, lex)
        or _report_of_people(toks, lex)
        or _rebuttal(toks, lex)
        or _partys_own_act(toks, text, lex)
        or _directive(toks)
        or _check_skipped(toks, lex)
        or _definition(toks)
        or _goal_wanted(toks, lex)
        or _scoped_by_only(toks, lex)
        or any(t.dep_ == "ROOT" and _ruled_kind(t, lex) for t in toks)
    )


def _goal_wanted(toks: Sequence[Token], lex: Lexicon) -> bool:
    """Is the sentence a goal the writers set: "we"/"I" as the subject of a verb of wanting
    (``wish-verbs``) in the present or under "would" ("We want the ticket system to warn us
    about a stall like this", "we would like the scanner to raise an alarm")? What the
    system should do, not what it did; "we needed riders to re-book" is told in the past,
    and harm told beside the goal ("we want to walk you through it, because your invoices
    were lost") stays a statement."""
    root = next((t for t in toks if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_.lower() not in lex.wish_verbs:
        return False
    kids = list(root.children)
    return (
        any(c.dep_ == "nsubj" and c.lower_ in ("we", "i") for c in kids)
        and (root.tag_ == "VBP" or any(c.dep_ == "aux" and c.lower_ == "would" for c in kids))
        and not any(c.dep_ in ("neg", "advcl", "conj") for c in kids)
    )


def _people_or_service_told(toks: Sequence[Token], lex: Lexicon) -> bool:
    """Is a subject of the sentence people or the service as a whole
    (``narrative-subjects``: "..., so customers could not reach their sites", "..., so the
    website went dark")? After a rule of how a thing works, that consequence is harm."""
    return any(
        t.dep_ in ("nsubj", "nsubjpass")
        and (_person(t, lex) or t.lemma_.lower() in lex.narrative_subjects)
        for t in toks
    )


def _ruled_kind(verb: Token, lex: Lexicon) -> bool:
    """Is ``verb`` said of a kind of thing under a present modal (:func:`_a_kind_by_rule`:
    "A lease cannot be renewed once its holder has lost quorum")? As the main verb, the
    whole sentence states the rule, unless a consequence is joined to it ("..., so the
    website was unreachable"); one told under a main verb of its own ("..., so the relays
    refused mail") is read as ever."""
    kids = list(verb.children)
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and _a_kind_by_rule(c, lex) for c in kids
    ) and not any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in kids)


def _a_kind_by_rule(entity: Token, lex: Lexicon) -> bool:
    """Is ``entity`` a kind of thing named with "a"/"an" as the subject of a clause under a
    present modal (``rule-modals``: "A CNAME cannot coexist with other records at the
    apex", "an alias may not point at another alias")? The sentence states a rule of how
    such a thing works, to explain the fault; nothing was reached. "A CNAME could not be
    served" is told in the past, and people are never a kind here ("a customer cannot pay"
    may be the harm still going on)."""
    if entity.dep_ not in ("nsubj", "nsubjpass") or _person(entity, lex):
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in entity.children):
        return False
    return any(c.dep_ == "aux" and c.lower_ in lex.rule_modals for c in entity.head.children)


def _anyone_seeing(entity: Token, lex: Lexicon) -> bool:
    """Is ``entity`` anyone at all (``anyone-words``) as the subject, or in the subject, of
    a verb of perception or knowledge ("anyone reading the log now can see that")? A
    generic observer, not people the incident reached. Not when what they see is a
    thing named ("anyone could see the booking details"): that tells an exposure."""
    if entity.lower_ not in lex.anyone_words:
        return False
    verb = entity.head
    while verb.dep_ in ("csubj", "acl", "relcl") and verb.head.i != verb.i:
        verb = verb.head  # "anyone reviewing it later can see": up to "see"
    return verb.lemma_.lower() in lex.perception_verbs | lex.knowledge_verbs and not any(
        c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children
    )  # "anyone could see other riders' bookings": an exposure, still a claim


def _definition(toks: Sequence[Token]) -> bool:
    """Is the sentence a definition: a thing named with "a"/"an" said in the present to
    be a noun with a clause that tells what it does ("A fare fence is the rule that stops
    people on a concession ticket from boarding peak sailings")? It explains a term for
    the reader; it tells nothing that happened. Not when the clause is told in the past or
    under a modal ("a bad key is what stopped riders from signing in"): a cause."""
    root = next((t for t in toks if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_.lower() != "be" or root.tag_ not in ("VBZ", "VBP"):
        return False
    kids = list(root.children)
    subj = next((c for c in kids if c.dep_ == "nsubj"), None)
    attr = next((c for c in kids if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
    if subj is None or attr is None or any(c.dep_ == "neg" for c in kids):
        return False
    return (
        any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subj.children)
        and any(c.dep_ in ("relcl", "acl") for c in attr.children)
        and not any(t.tag_ in ("VBD", "MD") for t in attr.subtree)
    )


def _scoped_by_only(toks: Sequence[Token], lex: Lexicon) -> bool:
    """Is what the sentence tells of marked "only" and bounded by a clause that says which
    ones ("the flaw reached only sailings that had been moved to the new format", "only
    bookings made through the partner portal were affected")? An exact scope, the set
    defined by a property, not a vague reach; a vague count in it ("only some sailings
    that ...") is still read by the quantifier checks."""
    return any(
        t.lower_ == "only"
        and t.dep_ in ("advmod", "amod")
        and t.head.pos_ in ("NOUN", "PROPN")
        and t.head.dep_ in ("dobj", "nsubj", "nsubjpass")  # of the main clause
        and t.head.head.dep_ == "ROOT"
        and any(c.dep_ in ("relcl", "acl") for c in t.head.children)
        and not any(c.lower_ in lex.quantifiers for c in t.head.subtree if c.i < t.head.i)
        for t in toks
    )


def _check_skipped(toks: Sequence[Token], lex: Lexicon) -> bool:
    """Is the sentence a check left undone, told plainly: its main verb one of
    ``check-verbs``, denied ("the patch was not tried against the ledger bridge"), and
    every harm it tells only the reason, naming no people ("since the staging bridge has
    been offline since March")? A gap in the process, not an effect on anyone; "the fix
    was not tested because riders could not reach the app" keeps its riders."""
    root = next((t for t in toks if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_.lower() not in lex.check_verbs:
        return False
    kids = list(root.children)
    if not any(c.dep_ == "neg" for c in kids) or any(
        c.dep_ == "prt"  # "could not check out": an inability of those who check out
        or (c.dep_ == "aux" and c.tag_ == "MD")
        or (c.dep_ in ("nsubj", "nsubjpass") and _person(c, lex))
        for c in kids
    ):
        return False
    effects = {e.i for e in _effects(toks, lex)}
    for t in toks:
        clause = next((a for a in (t, *t.ancestors) if a.dep_ == "advcl"), None)
        in_reason = clause is not None and any(
            c.dep_ == "mark" and c.lower_ in lex.reason_marks for c in clause.children
        )
        if in_reason and _person(t, lex):
            return False  # riders who could not reach the app: harm, given as the reason
        if not in_reason and t.i != root.i and t.i in effects:
            return False
    return True


def _directive(toks: Sequence[Token]) -> bool:
    """Does the sentence open with a verb in the imperative, no subject and no clause it
    reports ("Look into a shared channel between the depots during outages", "Rethink
    paging so outages reach the right desk")? An action asked for states no fact;
    "Note that the booking site was down for customers" tells one. The verb must act on
    something (an object, a particle, a preposition, a question): a fragment the small
    model reads as an imperative ("Refund tooling unavailable") does not."""
    first = next((t for t in toks if not (t.is_punct or t.is_space or t.like_num)), None)
    if first is None or first.dep_ != "ROOT" or first.tag_ != "VB":
        return False
    kids = list(first.children)
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in kids) or not any(
        c.dep_ in ("dobj", "prt", "prep", "ccomp") for c in kids
    ):
        return False
    reported = [c for c in kids if c.dep_ == "ccomp"]
    # "Review how the desks share news", "find out whether riders saw it": a question to
    # answer, no fact (the small model may split the clause in two)
    return not reported or any(
        c.left_edge.tag_ in ("WRB", "WP", "WDT") or c.left_edge.lower_ in ("whether", "if")
        for c in reported
    )


def _partys_own_act(toks: Sequence[Token], text: str, lex: Lexicon) -> bool:
    """Is the sentence a party's own act: every failure it tells (a verb of failing with
    the act failed at, "failed to restart the kiln"; an inability, "could not reach the
    depot") said of a responder or a party (:func:`_a_party`), with no harm told in a
    clause of its own (:func:`_outside_attempts`); or a party's act (``act-nouns``) as the
    subject of "be" ("the desk's decision to skip the drill was why ...")? An attempt told
    or a party's failure as the cause is narrative or blame, no effect on anyone;
    customers or students who could not do something stay read."""
    root = next((t for t in toks if t.dep_ == "ROOT"), None)
    if root is None:
        return False
    act = _subject_of(root)
    if (
        root.lemma_.lower() == "be"
        and act is not None
        and act.lemma_.lower() in lex.act_nouns
        and any(c.dep_ == "poss" and _a_party(c, lex, failed=True) for c in act.children)
    ):
        return True
    verbs = _failures(toks, text, lex)
    if not verbs:
        return False
    for verb, failed in verbs:
        subj = _subject_of(verb) if verb is not None else None
        if subj is None or not _a_party(subj, lex, failed=failed):
            return False
    return not _outside_attempts(toks, [v for v, _ in verbs if v is not None], lex)


def _failures(toks: Sequence[Token], text: str, lex: Lexicon) -> list[tuple[Token | None, bool]]:
    """The verbs the sentence's failures are said of, each with whether it is "fail" with
    the act it failed at ("failed to restart": True) or the verb of an inability (False;
    None when a match starts inside a token)."""
    out: list[tuple[Token | None, bool]] = [
        (t, True)
        for t in toks
        if t.lemma_.lower() == "fail" and any(c.dep_ == "xcomp" for c in t.children)
    ]
    for _m, tok in _inabilities(toks, text, lex):
        verb = None if tok is None else verb_above(tok.head if tok.dep_ in ("aux", "neg") else tok)
        if not any(verb is v for v, _ in out):  # "failed to" is an inability too
            out.append((verb, False))
    return out


def _subject_of(verb: Token) -> Token | None:
    """The subject of ``verb``, or of the verb it is joined to or depends on ("tried to
    drain the node but failed to cordon it"), at most four steps up."""
    for _ in range(4):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
        if verb.dep_ not in ("conj", "xcomp") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _a_party(subj: Token, lex: Lexicon, *, failed: bool) -> bool:
    """Is ``subj`` one person or party acting: a responder (:func:`_responder`), a given
    name, one of ``responder-roles`` in the singular ("the duty analyst", "the new
    hire"), or, of a verb of failing (``failed``) or an act, one of ``party-nouns`` in the
    singular ("the billing squad failed to rehearse")? A party that could not do
    something may be one the outage reached ("the QA team could not reach the staging
    site")."""
    if subj.lower_ in ("they", "we", "you"):
        return False
    if _responder(subj) or is_given_name(subj.text, lex.person_names):
        return True
    lem = subj.lemma_.lower()
    return subj.tag_ in ("NN", "NNP") and (
        lem in lex.responder_roles or (failed and lem in lex.party_nouns)
    )


def _outside_attempts(toks: Sequence[Token], verbs: Sequence[Token], lex: Lexicon) -> bool:
    """Does a harm effect of the sentence stand in a clause of its own, not in the act a
    party failed at nor in the reason given for it ("Kim failed to restart the queue,
    which left orders stuck")?"""
    spans = [(v.left_edge.i, v.right_edge.i) for v in verbs]
    for e in _harm_effects(toks, lex):
        if e in verbs or e.lemma_.lower() == "fail":
            continue
        up, told_apart = e, False
        while up.head.i != up.i and up not in verbs:
            told_apart = (
                told_apart
                or up.dep_ in ("relcl", "ccomp")
                or (up.dep_ == "advcl" and not _a_reason(up, lex))
            )
            up = up.head
        if told_apart or not any(a <= e.i <= b for a, b in spans):
            return True
    return False


#: the subjects that deny a fault ("Nobody forgot anything", "No one skipped the review")
_NO_ONE = frozenset({"nobody", "noone"})
#: what sets the explanation after a rebuttal apart from it
_REBUTTAL_TURNS = frozenset({":", ";", "—", "–"})


def _rebuttal(toks: Sequence[Token], lex: Lexicon) -> bool:
    """Does the sentence open by denying a fault and go on, after a colon, a semicolon or a
    dash, to explain what happened ("Nobody overlooked the alarm: it went to a retired
    channel", "No one skipped the review; ...")? It answers a charge with the mechanism
    and reaches no one. A fault verb told in the past (``rebuttal-verbs``) without a modal:
    "Nobody could log in: ..." is an inability."""
    for t in toks[:4]:
        no_one = t.lower_ in _NO_ONE or (
            t.lower_ == "one" and any(c.lower_ == "no" for c in t.children)
        )
        if not no_one or t.dep_ != "nsubj":
            continue
        verb = t.head
        if verb.lemma_.lower() not in lex.rebuttal_verbs or verb.tag_ != "VBD":
            return False
        return any(u.text in _REBUTTAL_TURNS and u.i > verb.i for u in toks)
    return False


def scorned(noun: Token, lex: Lexicon) -> bool:
    """Is ``noun`` people characterised by what they believe ("the folks who think they can
    patch everything live", "people who reckon review is optional")? A sentence of blame or
    contempt names them as the ones at fault, not as the ones affected."""
    if noun.dep_ in ("nsubj", "nsubjpass"):
        return False  # "some folks who think it is broken could not log in": reached
    return noun.lemma_.lower() in lex.people and any(
        c.dep_ == "relcl" and c.lemma_.lower() in lex.belief_verbs for c in noun.children
    )


def _source_of_cause(t: Token) -> bool:
    """Is ``t`` where the subject of an effect on an object came from ("a late reply from
    the carrier delayed the fix", "a bad file from the supplier broke the import")? It is
    part of the cause; the object is what was affected."""
    prep = t.head
    return (
        t.dep_ == "pobj"
        and prep.lower_ == "from"
        and prep.head.pos_ == "NOUN"
        and prep.head.dep_ == "nsubj"
        and any(c.dep_ == "dobj" for c in prep.head.head.children)
    )  # "remote control from the phone app stopped working": the app's feature failed


def _set_against(t: Token, lex: Lexicon) -> bool:
    """Is ``t`` in what something is compared with or told apart from ("slower than the old
    site", "could not tell a kiosk outage from an expired badge", ``telling-apart-verbs``)?
    That is the baseline, not what was affected."""
    for a in (t, *t.ancestors):
        if a.dep_ != "pobj":
            continue
        prep = a.head
        if prep.lower_ == "than" or (
            prep.lower_ == "from" and prep.head.lemma_.lower() in lex.telling_apart_verbs
        ):
            return True
    return False


def _harm_effects(toks: Sequence[Token], lex: Lexicon) -> Iterator[Token]:
    """The effects of the sentence that may tell harm: not how a tool behaves in general,
    nor what an alert watches for, a status a tool recorded, harm told as what a cause
    explains, the cause given in a clause of reason, what a message to people said
    (:func:`_in_a_message`), a course weighed against another (:func:`weighing_clauses`),
    or a case supposed (:func:`_supposed`)."""
    weighed: list[Token] | None = None
    for e in _effects(toks, lex):
        if weighed is None:
            weighed = weighing_clauses(toks, lex)
        if not (
            _general(e, lex)
            or _watched(e, lex)
            or _recorded(e, lex)
            or _explained(e)
            or _a_reason(e, lex)
            or _in_a_message(e, lex)
            or _our_gap(e)
            or _a_course_taken(e, lex)
            or _supposed(e, lex)
            or _might_have_been(e)
            or _defect_leak(e, lex)
            or _sign_noticed(e, lex)
            or _not_a(e)
            or _kind_of_none(e)
            or _by_design(e, lex)
            or _class_framed(e, lex)
            or _harm_denied(e, lex)
            or _free_of(e, lex)
            or _weighed_in_general(e, lex)
            or _wrong_thing_denied(e, lex)
            or _doubted(e, lex)
            or _made_for(e, lex)
            or _excepted_from_normal(e, lex)
            or _when_things_were_made(e, lex)
            or any(v.left_edge.i <= e.i <= v.right_edge.i for v in weighed)
        ):
            yield e


def _made_for(effect: Token, lex: Lexicon) -> bool:
    """Is the effect noun the failure a safeguard was made for: the object of "for" under a
    verb of making (``made-for-verbs``: "a paper fallback, drawn up for just this sort of
    outage, kept the wards safe", "a rota designed for a long outage")? The scenario it was
    written for, as :func:`_covered` reads a test's; "riders waited for the outage to end"
    tells harm."""
    if effect.dep_ == "pobj" and effect.head.lower_ == "of":
        if effect.head.head.lemma_.lower() not in ("kind", "sort", "type"):
            return False
        effect = effect.head.head  # "for just this sort of outage"
    prep = effect.head
    return (
        effect.dep_ == "pobj"
        and prep.lower_ == "for"
        and prep.head.pos_ == "VERB"
        and prep.head.lemma_.lower() in lex.made_for_verbs
    )


def _excepted_from_normal(effect: Token, lex: Lexicon) -> bool:
    """Is the effect inside an exception ("save for the stale logos", "except for the
    swapped totals", ``exception-words``) told of a harm with "the", on a clause that says
    its subject worked as usual (``normal-working-words``: "The portal opened fine, aside
    from the stale logos")? The sentence says nothing else was hit; the excepted harm
    points back at one told and counted elsewhere. Harm in the main clause ("search kept
    failing, aside from the cached queries") is not excepted."""
    noun = effect if effect.pos_ in ("NOUN", "PROPN") else effect.head
    prep = noun.head
    if noun.dep_ != "pobj" or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return False
    opener = prep if prep.lower_ in lex.exception_words else prep.doc[prep.i - 1]
    if prep.i == 0 or opener.lower_ not in lex.exception_words:
        return False
    verb = prep.head
    if verb.lower_ in lex.exception_words:
        verb = verb.head  # "other than ...": "other" is read under the verb
    return any(
        t.lower_ in lex.normal_working_words
        for c in verb.children
        if c.dep_ in ("advmod", "acomp", "prep") and c.i <= opener.i
        for t in c.subtree
    )


#: the prepositions that place a thing made in time against the outage ("placed during the
#: outage", "earned before the outage")
_WHEN_MADE = frozenset({"before", "during", "after", "until", "since", "throughout"})


def _when_things_were_made(effect: Token, lex: Lexicon) -> bool:
    """Is the effect noun only the time the subject's things were made, in a phrase of time
    after the participle that made them ("orders placed during the outage", "points earned
    in trips that ended before the outage"), and the main verb told as working as usual,
    not denied (``normal-working-words``: "... were processed normally", "... credited as
    usual")? The sentence says those things came out right: a statement that nothing was
    lost, not an amount owed. The small model may read "before the outage were paid" as a
    clause, the effect its subject: the verb is then the effect's head. "Orders placed
    during the outage were lost" or "... were not processed normally" stay read."""
    if effect.pos_ not in ("NOUN", "PROPN"):
        return False
    at = effect.left_edge.i
    if at - 2 < effect.sent.start:
        return False
    prep, made = effect.doc[at - 1], effect.doc[at - 2]
    if prep.lower_ not in _WHEN_MADE or made.tag_ not in ("VBN", "VBD"):
        return False
    if effect.dep_ in ("nsubj", "nsubjpass"):
        verb = effect.head
    else:
        subj = next((a for a in effect.ancestors if a.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            return False
        verb = subj.head
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ == "neg" for c in verb.children):
        return False
    return any(
        t.lower_ in lex.normal_working_words
        for c in verb.children
        if c.i > effect.i and (c.dep_ in ("advmod", "acomp", "prep") or _as_clause(c))
        for t in c.subtree
    )


def _as_clause(clause: Token) -> bool:
    """Is ``clause`` a clause opened by "as" ("as expected", which the small model may
    read as a clause of its own)?"""
    return clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in clause.children
    )


#: the marks of a clause of time that a stop-gap may be told within
_WHILE_MARKS = frozenset({"while", "whilst", "until", "till"})


def response_step(toks: Sequence[Token], text: str, lex: Lexicon) -> bool:
    """Is the sentence a step the responders took and nothing more: every harm it tells is
    a service the responders put out of service on purpose (:func:`_taken_down`: "we took
    the booking site offline and put up a notice"), or a fault told only as the time of a
    stop-gap (:func:`_while_stopgap`: "a few branches handed out paper vouchers while the
    tills were down")? Outside the Impact and Summary such a sentence is a containment
    step; people unable to do something ("riders could not buy tickets once the portal
    was taken offline") or a service said not to work is harm and stays."""
    effects = list(_harm_effects(toks, lex))
    if not effects or _unable(toks, text, lex) or _out_of_service(toks, text, lex):
        return False
    stopgap = any(t.pos_ == "VERB" and stopgap_act(t, lex) for t in toks)
    return all(_taken_down(e, lex, stopgap) or _while_stopgap(e, lex) for e in effects)


def turned_worse(toks: Sequence[Token], text: str, lex: Lexicon) -> bool:
    """Is every harm the sentence tells what a cause turned a lesser fault into, the object
    of "into" under one of ``turning-verbs`` ("the fail-closed default turned a format slip
    into an outage for every region", "the retries made a slow disk into a full outage")?
    Outside the Impact and Summary that tells how the fault grew, a mechanism; the outage is
    stated and counted where impact is. People unable to do something beside it ("..., and
    shoppers could not pay") or any other harm in the sentence stays read."""
    effects = list(_harm_effects(toks, lex))
    if not effects or _unable(toks, text, lex):
        return False
    return all(_turned_into(e, lex) for e in effects)


def _turned_into(effect: Token, lex: Lexicon) -> bool:
    """Is ``effect`` (or the noun it qualifies) the object of "into" on a verb of
    ``turning-verbs``, or on the fault that verb turned (the small model may hang "into" on
    its object, or read "a config slip" as a second verb)?"""
    noun = effect if effect.pos_ in ("NOUN", "PROPN") else effect.head
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "into":
        return False
    above = prep.head
    if above.dep_ in ("dobj", "conj", "ccomp") and above.lemma_.lower() not in lex.turning_verbs:
        above = above.head
    return above.pos_ == "VERB" and above.lemma_.lower() in lex.turning_verbs


def seen_too_late(toks: Sequence[Token], text: str, lex: Lexicon) -> bool:
    """Is every harm the sentence tells either what no one could know or see (a clause
    after one of ``unseen-verbs`` that is denied: "we had no way to know that orders were
    being dropped", "nobody could tell the feed was stale") or only that "something" was
    wrong ("as soon as they had a sign something was off")? Outside the Impact and Summary
    that is a gap in detection told as a lesson, the harm counted where impact is stated.
    People unable to do something beside it ("..., and riders could not buy tickets")
    stay read."""
    effects = list(_harm_effects(toks, lex))
    if not effects or _unable(toks, text, lex):
        return False
    return all(_unknown_then(e, lex) or _something_amiss(e) for e in effects)


def _unknown_then(effect: Token, lex: Lexicon) -> bool:
    """Is ``effect`` in the clause after a verb of ``unseen-verbs`` that is denied
    (:func:`_denied_knowing`)?"""
    below = effect
    for a in effect.ancestors:
        if below.dep_ == "ccomp" and a.lemma_.lower() in lex.unseen_verbs:
            return _denied_knowing(a)
        below = a
    return False


def _denied_knowing(verb: Token) -> bool:
    """Is the verb of knowing denied: negated, "nobody"/"no one" its subject, or an
    infinitive on a "way" or "means" that was not had ("no way to know", "did not have a
    way to tell")?"""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    if any(c.dep_ == "nsubj" and c.lower_ in ("nobody", "noone") for c in verb.children):
        return True
    if verb.dep_ not in ("relcl", "acl"):
        return False
    means = verb.head
    return any(c.dep_ == "det" and c.lower_ == "no" for c in means.children) or (
        means.dep_ == "dobj" and any(c.dep_ == "neg" for c in means.head.children)
    )


def _something_amiss(effect: Token) -> bool:
    """Is ``effect`` said only of "something" or "anything" ("something was wrong"), with
    nothing named it was wrong with? No entity, no harm told."""
    verb = effect.head if effect.dep_ == "acomp" else None
    if verb is None or any(c.dep_ == "prep" for c in (*verb.children, *effect.children)):
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in ("something", "anything") for c in verb.children)


def _taken_down(effect: Token, lex: Lexicon, stopgap: bool) -> bool:
    """Is ``effect`` ("offline", "down") the state a verb of taking out of service
    (``takedown-verbs``) put something in, done by the responders, or by no one named (a
    passive without an agent) in a sentence that also tells the stop-gap put in its place
    (``stopgap``: "the portal was taken offline and a notice published")? "The surge took
    the site down" is the fault acting; "the relays were taken offline for upgrades" and
    "at noon the portal was taken offline" tell the outage itself."""
    verb = effect.head
    if effect.dep_ not in ("advmod", "acomp", "oprd", "prt", "xcomp"):
        return False
    if verb.lemma_.lower() not in lex.takedown_verbs:
        return False
    kids = list(verb.children)
    if any(c.dep_ in ("neg", "agent") for c in kids):
        return False
    subj = next((c for c in kids if c.dep_ == "nsubj"), None)
    if subj is None:
        return stopgap
    return is_responder_or_alerting(subj, lex) or subj.lower_ in ("we", "i")


def _while_stopgap(effect: Token, lex: Lexicon) -> bool:
    """Is ``effect`` inside a clause of time ("while ...", "until ...") that hangs on a
    stop-gap (:func:`stopgap_act`) whose doer is no people users are ("a few branches
    handed out paper vouchers while the tills were down")? The fault is told as the
    time of the step; "customers queued at the branches while the tills were down" is
    harm."""
    clause = effect if effect.pos_ in ("VERB", "AUX") else effect.head
    for _ in range(3):
        if clause.dep_ == "advcl" or clause.head.i == clause.i:
            break
        clause = clause.head
    if clause.dep_ != "advcl" or not any(
        c.dep_ == "mark" and c.lower_ in ("while", "until", "till", "whilst")
        for c in clause.children
    ):
        return False
    main = clause.head
    subj = next((c for c in main.children if c.dep_ == "nsubj"), None)
    return subj is not None and not _people_users_are(subj, lex) and stopgap_act(main, lex)


def stopgap_act(verb: Token, lex: Lexicon) -> bool:
    """Is ``verb`` a stop-gap put in place (``stopgap-verbs``, alone or with its particle or
    preposition: "handed out vouchers", "switched to paper"), not denied, with no person
    as its direct object ("sent the drivers home" is done to people, and stays read; who
    got the stop-gap, "handed vouchers to riders", is no harm)?"""
    lem = verb.lemma_.lower()
    kids = list(verb.children)
    if lem not in lex.stopgap_verbs and not any(
        c.dep_ in ("prt", "prep") and f"{lem} {c.lower_}" in lex.stopgap_verbs for c in kids
    ):
        return False
    return not any(
        c.dep_ == "neg" or (c.dep_ == "dobj" and _people_users_are(c, lex)) for c in kids
    )


def _people_users_are(t: Token, lex: Lexicon) -> bool:
    """Is ``t`` people (``people``) other than those who work at a site (``site-staff``:
    "staff at a few depots handed out paper tickets" tells the response)?"""
    forms = {t.lemma_.lower(), t.lower_}
    return bool(forms & lex.people) and not forms & lex.site_staff


def _harm_denied(effect: Token, lex: Lexicon) -> bool:
    """Is ``effect`` a word that marks a noun as the affected set ("the affected trips",
    "the failed runs") inside a clause whose verb denies a taking or a charge
    (``denied-harm-verbs`` with "not", "n't" or "never": "bonuses for the affected runs
    were not clawed back")? The clause states an explicit absence of that harm; the
    marked noun points back at a set counted elsewhere. A remedy denied ("the affected
    riders were not refunded") is harm and stays read. Class 4 of fix helper imp40."""
    if effect.dep_ != "amod":
        return False
    verb = next((a for a in effect.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return (
        verb is not None
        and verb.lemma_.lower() in lex.denied_harm_verbs
        and any(c.dep_ == "neg" for c in verb.children)
    )


def _free_of(effect: Token, lex: Lexicon) -> bool:
    """Is ``effect`` said to be absent, the object of "of" after a word of being without
    (``freedom-words``: "running and free of errors", "clear of failures") or joined to one
    by a hyphen ("error-free")? The sentence tells a thing was healthy, no harm; a health
    check that trusted it is how the fault hid, not what users met."""
    head = effect.head
    if effect.dep_ == "pobj" and head.lower_ == "of":
        return head.head.lower_ in lex.freedom_words
    return (
        effect.dep_ in ("npadvmod", "compound", "amod")
        and head.lower_ in lex.freedom_words
        and effect.i + 2 == head.i
        and effect.nbor(1).text == "-"
    )


def _weighed_in_general(effect: Token, lex: Lexicon) -> bool:
    """Is ``effect`` an outage of no particular time weighed ("the one week when an outage
    matters most", "downtime hurts most on match days"), or the verb weighing it: a verb of
    ``weight-verbs`` in the present, its subject the effect noun with "a", "an", "any" or
    no determiner, and no object but a superlative ("costs the most")? A kind of event is
    weighed, as a reason a plan fell short; "the outage hurt riders most" (definite, with
    an object) is harm told."""
    noun = effect if effect.dep_ == "nsubj" else None
    if noun is None and effect.pos_ in ("VERB", "AUX"):
        noun = next((c for c in effect.children if c.dep_ == "nsubj"), None)
    if noun is None or noun.pos_ != "NOUN":
        return False
    verb = noun.head
    return (
        verb.lemma_.lower() in lex.weight_verbs
        and verb.tag_ in ("VBZ", "VBP")
        and not any(
            c.dep_ in ("dobj", "dative", "iobj") and c.tag_ not in ("JJS", "RBS")
            for c in verb.children
        )  # "costs the most": a degree, no one it reaches
        and all(c.lower_ in ("a", "an", "any") for c in noun.children if c.dep_ in ("det", "poss"))
    )


def _wrong_thing_denied(effect: Token, lex: Lexicon) -> bool:
    """Is ``effect`` a wrong thing (``wrong-thing-adjectives``) on the object of a denied
    verb of handing something to people (``handing-verbs``: "the desk did not quote
    incorrect fares to anyone", "the nurses never dispensed the wrong tablets")? The
    sentence denies the harm, often to clear the people who did the handing; a remedy
    denied ("the incorrect charges were not refunded") is no handing and stays read."""
    if effect.dep_ != "amod" or effect.lower_ not in lex.wrong_thing_adjectives:
        return False
    thing, verb = effect.head, effect.head.head
    return (
        thing.dep_ in ("dobj", "dative")
        and verb.pos_ in ("VERB", "AUX")
        and verb.lemma_.lower() in lex.handing_verbs
        and any(c.dep_ == "neg" for c in verb.children)
    )


def _doubted(effect: Token, lex: Lexicon) -> bool:
    """Is ``effect`` told only as what no evidence points to: inside a clause under an
    evidence noun with "no" (``evidence-nouns``: "we have no indication that any parcels
    were misrouted"), under a denied verb of belief (``doubt-verbs``: "we do not think any
    refunds were lost"), or under "nothing" that suggests it ("nothing indicates that
    ...")? The sentence states the absence of that harm; "we found no alert, so orders
    were lost" tells the harm outside the clause and stays read."""
    for a in effect.ancestors:
        lem = a.lemma_.lower()
        if lem in lex.evidence_nouns and any(
            c.dep_ == "det" and c.lower_ == "no" for c in a.children
        ):
            return True
        if lem in lex.doubt_verbs and a.pos_ in ("VERB", "AUX"):
            subj = next((c for c in a.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if any(c.dep_ == "neg" for c in a.children) or (
                subj is not None and subj.lower_ == "nothing"
            ):
                return True
    return False


def _by_design(effect: Token, lex: Lexicon) -> bool:
    """Is ``effect`` told inside what a part is built to do (``design-verbs`` in the
    passive with a clause after "to": "the player is built to switch to a lower bitrate
    when the stream stalls", "the queue is meant to drop stale jobs")? The sentence describes
    the design, a case planned for, not harm that happened."""
    for a in effect.ancestors:
        if (
            a.lemma_.lower() in lex.design_verbs
            and any(c.dep_ == "auxpass" for c in a.children)
            and any(c.dep_ == "xcomp" for c in a.children)
        ):
            return True
    return False


def _class_framed(effect: Token, lex: Lexicon) -> bool:
    """Is ``effect`` a clause on a class term that a rule or a threshold frames ("met
    our bar for a major incident affecting a critical system", "rated as an incident
    affecting a regulated service": ``class-frame-words`` above the preposition)? It names
    the class the incident falls in, not whom it reached."""
    if effect.dep_ == "nsubj" and any(
        c.dep_ in ("dobj", "attr") and c.lemma_.lower() in lex.class_frame_words
        for c in effect.head.children
    ):
        return True  # "the breach crossed our bar for a notifiable incident"
    noun = effect.head
    if effect.dep_ != "acl" or noun.lemma_.lower() not in lex.class_terms:
        return False
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("for", "of", "as"):
        return False
    return _frames(prep.head, lex)  # "the threshold for ...", or "met the threshold | for"


def _frames(t: Token, lex: Lexicon) -> bool:
    """Is ``t``, or its object, one of ``class-frame-words``?"""
    return any(
        w.lemma_.lower() in lex.class_frame_words
        for w in (t, *(c for c in t.children if c.dep_ in ("dobj", "attr")))
    )


def _not_a(effect: Token) -> bool:
    """Is the effect a noun denied by "not a", "not an" or "not any" before it ("a gap in
    the handover, not a failure by one person", "not an outage of the store"), words that
    say which kind it is standing between ("it was not a cashier error", "not a driver
    mistake")? It is named to be set aside, not told as harm."""
    if effect.pos_ != "NOUN":
        return False
    det = next((c for c in effect.children if c.dep_ == "det" and c.i < effect.i), None)
    if det is None or det.lower_ not in ("a", "an", "any") or det.i < 1:
        return False
    doc = effect.doc
    between = doc[det.i + 1 : effect.i]
    return doc[det.i - 1].lower_ == "not" and all(
        w.dep_ in ("compound", "amod") and w.head.i == effect.i for w in between
    )


def _kind_of_none(effect: Token) -> bool:
    """Is ``effect`` a word inside the examples given for a noun counted with "no" (in
    brackets, an apposition or after "such as": "no dosing errors (wrong tablet, wrong
    ward) were found in the audit")? The examples say what kind of thing was found
    absent; the sentence denies them all, it tells no harm."""
    path: list[Token] = []
    tok = effect
    while tok.head.i != tok.i and tok.pos_ not in ("VERB", "AUX"):
        path.append(tok)
        tok = tok.head
        if tok.pos_ in ("NOUN", "PROPN") and any(
            c.dep_ == "det" and c.lower_ == "no" for c in tok.children
        ):
            return any(
                w.dep_ == "appos" or (w.dep_ == "pobj" and w.head.lower_ in ("as", "like"))
                for w in path
            )
    return False


#: what makes a clause a case supposed, not one that happened
_SUPPOSING = frozenset({"if", "unless"})


def _supposed(effect: Token, lex: Lexicon) -> bool:
    """Is ``effect`` told in a clause of condition ("nobody knew whom to call if the ticket
    queue went down", "the runbook says to page the lead if replication stops"): a case
    planned for or feared, not harm that happened? A clause under "when" is told as fact
    ("when the portal failed, patients could not book") and stays; so does an "if" that
    asks whether, after one of ``whether-words`` ("we do not know if exports were lost")."""
    verb = effect.head if effect.dep_ in _MODIFIERS else effect
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return (
        verb.dep_ in ("advcl", "ccomp")
        and any(c.dep_ == "mark" and c.lower_ in _SUPPOSING for c in verb.children)
        and not (verb.dep_ == "ccomp" and verb.head.lemma_.lower() in lex.whether_words)
    )


#: the words that open a condition told by inversion ("Had the courier rung ahead, ...",
#: "Were the liaison quicker, ...")
_INVERTED = frozenset({"had", "were"})
#: the modals of what would have been ("would have ended", "could have been avoided")
_MIGHT = frozenset({"would", "could", "might"})


def _inverted_condition(verb: Token) -> bool:
    """Is ``verb`` a clause of condition told by inversion: an adverbial clause whose first
    word is "had" or "were" (its auxiliary or itself) before its subject?"""
    if verb.dep_ != "advcl":
        return False
    first = verb.left_edge
    return first.lower_ in _INVERTED and (first.i == verb.i or first.head.i == verb.i)


def _might_have_been(effect: Token) -> bool:
    """Is ``effect`` harm that did not happen: told in a condition by inversion ("Had the
    outage run on, ..."), or in the modal perfect of the clause such a condition (or an
    "if") governs ("Had the supplier's desk answered the first page, the outage would have
    ended sooner", "the stall could have been avoided if the agent had phoned")? A
    counterfactual, often one that lays blame; what happened is told elsewhere (blind
    round 29). "Customers would have seen errors until 10:20", with no condition, stays."""
    verb = effect.head if effect.dep_ in _MODIFIERS else effect
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if _inverted_condition(verb):
        return True
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if "have" not in auxes or not auxes & _MIGHT:
        return False
    return any(
        _inverted_condition(c)
        or (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "if" for m in c.children))
        for c in verb.children
    )


def _defect_leak(effect: Token, lex: Lexicon) -> bool:
    """Is ``effect`` a leak that is a defect of the program (see ``leaked-resources`` and
    ``defect-verbs`` in the pack): a resource leaking, a leak handled as a bug, or a leak
    placed in the code? Such a leak is how the fault worked; data let out is harm."""
    if effect.lemma_.lower() != "leak":
        return False
    if effect.pos_ in ("VERB", "AUX"):  # "connections leaked", "the memory that had leaked"
        leaked = [c for c in effect.children if c.dep_ in ("nsubj", "nsubjpass")]
        if effect.dep_ in ("relcl", "acl"):  # "the memory that had leaked"; a fragment
            leaked.append(effect.head)
        return any(_resource(t, lex) for t in leaked)
    if any(c.dep_ in ("compound", "amod", "nmod") and _resource(c, lex) for c in effect.children):
        return True  # "a handle leak"
    if effect.dep_ in ("dobj", "nsubjpass") and effect.head.lemma_.lower() in lex.defect_verbs:
        return True  # "review let a leak through", "the leak was traced to the cache"
    placed = effect.head if effect.dep_ == "nsubj" else effect  # "the leak sat in the cache"
    if placed is not effect and placed.lemma_.lower() not in lex.leak_place_verbs:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "in" for c in placed.children)


def _resource(t: Token, lex: Lexicon) -> bool:
    return t.lemma_.lower() in lex.leaked_resources or t.lower_ in lex.leaked_resources


def _our_gap(effect: Token) -> bool:
    """Is ``effect`` inside what the organisation says it lacked ("We had no plan for
    reaching students during an outage", "we had no runbook for a failed restore"): a gap
    in its own preparation, owned, not harm? The effect is in the object of "have",
    negated by "no", whose subject is the team."""
    below = effect
    for a in effect.ancestors:
        if a.dep_ == "dobj" and any(c.dep_ == "det" and c.lower_ == "no" for c in a.children):
            verb = a.head  # what the plan was for, not "no choice but to block customers"
            return (
                below.dep_ == "prep"
                and verb.lemma_.lower() == "have"
                and any(c.dep_ == "nsubj" and c.lower_ in _TEAM for c in verb.children)
            )
        below = a
    return False


def _a_course_taken(effect: Token, lex: Lexicon) -> bool:
    """Is ``effect`` a course of action the responders turned to, named by a gerund after
    "to" or "from" under a word of switching (``course-words``: "changed tactics from
    rebooting hosts to throttling callers", "moved on to throttling tenants")? A step
    of the response, not harm; "switching regions took us from serving pages to failing
    every checkout" tells what the switch did."""
    return (
        effect.tag_ == "VBG"
        and effect.dep_ == "pcomp"
        and effect.head.lower_ in ("to", "from")
        and any(a.lemma_.lower() in lex.course_words for a in effect.ancestors)
    )


def _out_of_service(toks: Sequence[Token], text: str, lex: Lexicon) -> bool:
    """Does the sentence say something was out of service (``out-of-service``), not as a
    message's content ("a notice informing members that renewals were not working") nor as
    a case supposed ("whom to call if the queue went down")?"""
    at = lex.out_of_service.first(text)
    if at is None:
        return False
    word = _word_at(toks, at)
    return word is None or not (
        _in_a_message(word, lex) or _supposed(word, lex) or _sign_noticed(word, lex)
    )


def _word_at(toks: Sequence[Token], at: int) -> Token | None:
    """The word at or after ``at``, an offset in the sentence's text (where a text search
    found an out-of-service phrase)."""
    base = toks[0].idx if toks else 0
    return next((t for t in toks if t.idx - base >= at), None)


def _in_a_message(effect: Token, lex: Lexicon) -> bool:
    """Is ``effect`` told as what a message said (a clause under a verb of
    ``message-verbs``: "principals sent a robocall explaining that email was down", "a
    notice told families the portal was unavailable")? That is a step of the response,
    keeping people informed; the outage is stated where it happened. People who told us
    ("customers told us checkout was down") and news that reached us ("we were notified
    that the resources were deleted") tell harm, and stay."""
    for a in (effect, *effect.ancestors):
        if a.dep_ != "ccomp" and not (
            a.dep_ in ("acl", "advcl") and any(c.dep_ == "mark" for c in a.children)
        ):
            continue  # the small model may hang "that the portal was down" on the person told
        verb = a.head if a.head.pos_ in ("VERB", "AUX") else a.head.head
        if verb.lemma_.lower() not in lex.message_verbs:
            return False
        return not any(
            c.dep_ == "nsubjpass"
            or (c.dep_ == "nsubj" and (c.lemma_.lower() in lex.people or c.lower_ in lex.people))
            for c in verb.children
        )  # "we were notified that the resources were deleted": news of harm reaching us
    return False


def _quoted_inability(text: str, lex: Lexicon) -> bool:
    """Does every inability of the sentence stand inside quotation marks (the words of a
    message shown: 'people saw "We could not verify you"', a quotation open to the
    sentence's end too)? It is mentioned, not told of anyone."""
    if '"' not in text and "“" not in text:
        return False
    out, at = [], 0
    for m in QUOTED.finditer(text):
        out.append(text[at : m.start()])
        at = m.end()
    out.append(text[at:])
    return not lex.inability.search(" ... ".join(out))


def _unable(toks: Sequence[Token], text: str, lex: Lexicon) -> bool:
    """Does the sentence tell an inability ("could not log in") of those it reached: not
    of the watchers, not an omission, not people who did not reply to us?"""
    return bool(
        lex.inability.search(text)
        and not _quoted_inability(text, lex)
        and not _watcher_first(toks, lex)
        and not _omission(toks, text, lex)
        and not _unanswered(toks, lex)
        and not _step_failed(toks, text, lex)
        and not _no_one_noticed(toks, text, lex)
        and not _signs_only(toks, text, lex)
        and not _fault_could_not_have(toks, text, lex)
    )


def _fault_could_not_have(toks: Sequence[Token], text: str, lex: Lexicon) -> bool:
    """Is every inability of the sentence a fault (``located-faults``) told as what could
    not have happened, a modal perfect ("the defect could not have surfaced in staging",
    "the bug couldn't have shown up in our load tests")? A counterfactual about where the
    fault could be seen: a gap in testing, not harm. People ("riders could not have
    boarded") and a fault not fixed ("the bug could not be fixed for hours") stay read."""
    found = False
    for _m, tok in _inabilities(toks, text, lex):
        if tok is None:
            return False
        verb = verb_above(tok.head if tok.dep_ in ("aux", "auxpass", "neg") else tok)
        if verb.tag_ != "VBN" or not any(
            c.dep_ == "aux" and c.lower_ == "have" for c in verb.children
        ):
            return False
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.lemma_.lower() not in lex.located_faults:
            return False
        found = True
    return found


def _signs_only(toks: Sequence[Token], text: str, lex: Lexicon) -> bool:
    """Is every inability of the sentence the sign by which people found out
    (:func:`_sign_noticed`: "The porters found out when the lifts stopped answering")?"""
    found = False
    for _m, tok in _inabilities(toks, text, lex):
        if tok is None or not _sign_noticed(tok, lex):
            return False
        found = True
    return found


def _sign_noticed(tok: Token, lex: Lexicon) -> bool:
    """Is ``tok`` in a clause of time under a verb of finding out whose subject is people
    (``finding-out-verbs``, ``finding-out-moments``: "The porters found out when the lifts
    stopped answering", "the cashiers realised once the tills would not open"), the clause's own
    subject a thing? The thing that failed is the sign they noticed by: how the incident
    was found (blind round 32), not whom it reached. People failing in the clause ("...
    when they could not log in") and a verb joined to it that shares its subject ("... and
    could not start their shifts") are still read."""
    clause = tok
    while clause.dep_ != "advcl":
        if clause.dep_ == "conj" or clause.head.i == clause.i:
            return False
        clause = clause.head
    if not any(
        c.dep_ in ("mark", "advmod") and c.lower_ in lex.finding_out_moments
        for c in clause.children
    ):
        return False
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN") or _person(subj, lex):
        return False
    verb = clause.head
    particle = " ".join(c.lower_ for c in verb.children if c.dep_ == "prt")
    if (verb.lemma_.lower(), particle) not in lex.finding_out_verbs:
        return False
    finder = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return finder is not None and finder.tag_ in ("NNS", "NNPS") and _person(finder, lex)


def _no_one_noticed(toks: Sequence[Token], text: str, lex: Lexicon) -> bool:
    """Is the sentence's only inability that no one could notice or catch the fault
    (``oversight-verbs``, ``perception-verbs``), said outright ("nobody could spot the
    spike") or with the verb left out after one earlier in the sentence ("Our process
    relies on staff noticing, and at peak hours nobody can")? A gap in detection, not harm;
    "nobody could log in" stays, and so does another inability beside it."""
    watch = lex.oversight_verbs | lex.perception_verbs
    base = toks[0].idx if toks else 0
    for t in toks:
        if t.dep_ != "nsubj" or not (
            t.lower_ == "nobody"
            or (t.lower_ == "one" and any(c.lower_ == "no" for c in t.children))
        ):
            continue
        verb = t.head
        if any(c.dep_ == "prt" for c in verb.children):
            continue  # "nobody could check out": a phrasal verb of what users do
        noticing = verb.lemma_.lower() in watch or (
            verb.pos_ == "AUX" and any(_form_of(u, watch) for u in toks if u.i < t.i)
        )
        if noticing:
            a, b = t.left_edge.idx - base, verb.idx - base + len(verb.text)
            return not lex.inability.search(text[:a] + " " * (b - a) + text[b:])
    return False


def _form_of(tok: Token, lemmas: set[str]) -> bool:
    """Is ``tok`` a form of one of ``lemmas``, read from its text too (the small model may
    tag "noticing" after "on agents" as a noun, its lemma the word itself)?"""
    if tok.lemma_.lower() in lemmas:
        return True
    low = tok.lower_
    for suffix in ("ing", "ed", "es", "s"):
        if low.endswith(suffix):
            stem = low[: -len(suffix)]
            if {stem, stem + "e", stem[:-1]} & lemmas:
                return True  # "noticing", "spotting"
    return False


def _a_step(subj: Token, lex: Lexicon) -> bool:
    """Is ``subj`` a step of the response: one of ``response-steps`` or
    ``mitigation-verbs`` as a noun ("the rollback") or a gerund ("Retrying", "Pausing the
    rollout"; the small model may tag a gerund opening a sentence as a noun)? A gerund of
    anything else may be what users did ("Checking out did not work")."""
    steps = lex.response_steps | lex.mitigation_verbs
    low = subj.lower_
    forms = {low, subj.lemma_.lower()}
    if low.endswith("ing"):  # "retrying" -> "retry", "cancelling" -> "cancel"
        stem = low[:-3]
        forms |= {stem, stem + "e", stem[:-1] if stem[-2:-1] == stem[-1:] else stem}
    return bool(forms & steps)


def _a_reader(verb: Token, subj: Token, lex: Lexicon) -> bool:
    """Is ``verb`` a verb of reading a format (``reading-verbs``) said of a part of the
    system that users do not reach ("the old code could not read the new table layout",
    "the parser could not decode the payload")? It tells how the fault worked; "the app
    could not load notes" (a thing users reach) is harm."""
    if subj.pos_ not in ("NOUN", "PROPN"):
        return False
    lem = verb.lemma_.lower()
    if _software_sense(subj, lex) and lem in lex.reading_verbs | lex.locating_verbs:
        return True  # "the barcode reader could not find the label": one part of it
    if lem not in lex.reading_verbs:
        return False
    forms = {subj.lower_, subj.lemma_.lower()}
    return not forms & (lex.facing | lex.people) and not _is_effect_noun(subj, lex)


def _step_failed(toks: Sequence[Token], text: str, lex: Lexicon) -> bool:
    """Is every inability of the sentence said of a step of the response ("Retrying did
    not work because ...", "Cancelling the upgrade did not help", "the rollback did not
    work": a gerund, or one of ``response-steps``), or of a part of the system reading a
    format (:func:`_a_reader`) or failing on a part of the mechanism ("the sync service
    failed to acquire the lock", :func:`_mechanism`)? The step failed to mend the harm, the
    part tells how the fault worked; neither is harm itself. "Checkout did not work" and
    "customers could not pay" stay."""
    if not toks:
        return False
    found = False
    for _m, tok in _inabilities(toks, text, lex):
        if tok is None:
            return False
        verb = verb_above(tok.head if tok.dep_ in ("aux", "auxpass", "neg") else tok)
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
        if subj is None:
            return False
        if subj.tag_ == "WDT" and verb.dep_ == "relcl":
            subj = verb.head  # "the scanner, which could not read the label": the scanner
            # ... and of a name, the common noun set beside it ("the ... (OCR) reader")
            subj = next((c for c in subj.children if c.dep_ == "appos" and c.pos_ == "NOUN"), subj)
        head = subj
        while head.dep_ == "compound" and head.head.i != head.i:
            head = head.head
        if not (_a_step(head, lex) or _a_reader(verb, head, lex) or _mechanism(verb, lex)):
            return False
        found = True
    return found


def _inabilities(
    toks: Sequence[Token], text: str, lex: Lexicon
) -> Iterator[tuple[re.Match[str], Token | None]]:
    """Each inability the pack's patterns find in the sentence ``text`` (whose tokens are
    ``toks``), with the token it starts at (None when a match starts inside a token)."""
    base = toks[0].idx
    at = {t.idx - base: t for t in toks}
    for pat in lex.inability_res:
        for m in pat.finditer(text):
            yield m, at.get(m.start())


#: the parts of speech of a subject that counts people named before ("they", "several of
#: them", "none")
_COUNTING = frozenset({"PRON", "ADJ", "DET", "NUM"})


def _unanswered(toks: Sequence[Token], lex: Lexicon) -> bool:
    """Is the sentence's only denial people not replying to us, by choice ("we emailed
    the tenants; several of them did not respond")? Not "could not respond" (an
    inability) nor "the API did not respond" (a system)."""
    if any(t.lower_ in ("can", "could", "cannot", "unable", "able") for t in toks):
        return False
    denied = [t.head for t in toks if t.dep_ == "neg"]
    return bool(denied) and all(
        v.lemma_.lower() in lex.reply_verbs
        and any(
            c.dep_ == "nsubj"
            and (_person(c, lex) or (c.pos_ in _COUNTING and c.lower_ not in ("it", "this")))
            for c in v.children
        )
        for v in denied
    )


def _stood_down(toks: Sequence[Token], text: str, lex: Lexicon, claim: Claim) -> bool:
    """Is the sentence's only statement a safeguard doing its job ("the deploy was rejected
    by the schema check, as designed") or advice to the readers ("We recommend that
    customers retry")? Not when the claim reaches people or what they use ("customers
    could not pay because the filter blocked their cards, as designed"), when a denial
    governs the phrase ("the failover did not work as designed"), or when another clause
    tells of harm done ("..., which were corrupted")."""
    if not toks:
        return False
    guard = lex.safeguard.search(text)
    if (
        guard is not None
        and not _reaches(toks, lex, claim)
        and not _denial_above(toks, guard.start())
    ):
        return True
    return lex.advice.search(text) is not None and not _harm_set_off(toks, lex)


def _reaches(toks: Sequence[Token], lex: Lexicon, claim: Claim) -> bool:
    """Does the sentence name people ("so merchants could not pay"), or is its claim's
    entity something users reach and the subject of its clause ("checkout was
    unavailable")? Not "the push to the registry failed on the check": the registry is
    only where the push went."""
    head = claim.noun.split()[-1].lower() if claim.noun else ""
    return any(
        t.lower_ in lex.people
        or t.lemma_.lower() in lex.people
        or (
            claim.facing
            and t.lower_ == head
            and t.dep_ in ("nsubj", "nsubjpass")
            and not _under_condition(t)
        )
        for t in toks
    )


def _under_condition(subj: Token) -> bool:
    """Is ``subj`` the subject of a condition ("the check failed like it is supposed to
    when the token is wrong"): the case the safeguard is for, not a thing harmed?"""
    verb = subj.head  # its clause is under the main one (an advcl, or misread as a pcomp)
    return verb.dep_ != "ROOT" and any(
        m.dep_ in ("mark", "advmod") and m.lower_ in _CONDITIONS for m in verb.children
    )


def apologised_for(toks: Sequence[Token], lex: Lexicon) -> bool:
    """Is the sentence an apology or a regret whose object is an effect noun ("Acme regrets
    the disruption this caused to merchants", "we are sorry for the outage") and that tells
    no harm in a clause of its own? Not "we are sorry that checkout failed" (the clause
    states harm), "checkout failed, and we apologise for that", "Sorry, the app was
    down"."""
    root = next((t for t in toks if t.dep_ == "ROOT"), None)
    if root is None:
        return False
    word = next(
        (
            t
            for t in (root, *root.children)
            if t.lemma_.lower() in lex.regret_words or t.lower_ in lex.regret_words
        ),
        None,
    )
    if word is None or (word is not root and word.dep_ not in ("acomp", "dobj", "attr")):
        return False
    if any(
        c.dep_ in ("conj", "parataxis", "ccomp", "advcl", "intj")
        and any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)
        for c in root.children
    ):
        return False  # "we apologise for the outage, and customers could not pay"
    objects = [c for c in word.children if c.dep_ == "dobj"] + [
        g
        for c in word.children
        if c.dep_ == "prep" and c.lower_ in ("for", "about")
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return any(_is_effect_noun(o, lex) for o in objects)


#: verbs whose complement is what stopped working ("stopped working as intended")
_CEASING = frozenset({"stop", "fail", "cease", "quit"})


def _denial_above(toks: Sequence[Token], offset: int) -> bool:
    """Does a negation or a verb of ceasing govern the word at ``offset`` (relative to the
    sentence): "did not work as designed", "never tripped as it was meant to", "stopped
    working as intended", "did not get what they were supposed to get"?"""
    base = toks[0].idx
    tok = next((t for t in toks if t.idx - base >= offset), None)
    below: Token | None = None
    for _ in range(12):
        if tok is None:
            return False
        if any(c.dep_ == "neg" or c.lower_ == "never" for c in tok.children):
            return True
        if below is not None and below.dep_ == "xcomp" and tok.lemma_.lower() in _CEASING:
            return True
        if tok.head.i == tok.i:
            return False
        below, tok = tok, tok.head
    return False


#: the auxiliaries of a clause told in the past ("were corrupted", "had failed")
_PAST_AUX = frozenset({"was", "were", "had", "has", "have"})


def _harm_set_off(toks: Sequence[Token], lex: Lexicon) -> bool:
    """Beside advice, does a clause set off by a comma or a semicolon tell of harm done
    ("We recommend that customers re-run their exports, which were corrupted", "..., as
    many were duplicated", "...; some were duplicated")? A restrictive clause ("retry
    uploads that failed") names what the advice is about."""
    doc = toks[0].doc
    for e in _effects(toks, lex):
        past = e.tag_ == "VBD" or any(
            c.dep_ in ("aux", "auxpass") and c.lower_ in _PAST_AUX for c in e.children
        )
        first = min(t.i for t in e.subtree)
        if past and first > toks[0].i and doc[first - 1].text in (",", ";"):
            return True
    return _told_after_semicolon(toks)


def _told_after_semicolon(toks: Sequence[Token]) -> bool:
    """Is the advice only the first of two sentences joined by a semicolon, the second
    telling in the past what happened to something other than the responders ("We advise
    riders to re-check bookings; some were duplicated", "...; the outage cancelled their
    trips")? Not "...; we will publish a guide" (a plan) nor "...; we refunded the fees"."""
    root = next((t for t in toks if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return False
    semi = next((c for c in root.children if c.text == ";" and toks[0].i < c.i < root.i), None)
    if semi is None:
        return False
    if not any(c.dep_ in ("ccomp", "advcl") and c.i < semi.i for c in root.children):
        return False
    past = root.tag_ == "VBD" or any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in _PAST_AUX for c in root.children
    )
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return past and (subj is None or (subj.lower_ not in _TEAM and not _responder(subj)))


#: nouns that name a cause or who answers for it: a sentence about one of them says why,
#: not whom it reached
_CAUSE_NOUNS = frozenset({"cause", "reason", "trigger", "culprit", "responsibility", "blame"})
#: predicates that say who or what answers for the harm ("the storage team is responsible
#: for the outage")
_ANSWERING = frozenset({"responsible", "attributable", "culpable"})


#: what stands between a denied effect and the clause that tells what happened instead
_TURNS = frozenset({";", ":", ",", "—", "–", "-", "but", "instead", "rather"})
#: the thing the denial was about, taken up again as the subject of that clause
_TAKEN_UP = frozenset({"it", "they"})


def _denied(t: Token, lex: Lexicon) -> bool:
    """Is ``t`` an effect said not to have happened ("did not crash", "never went down",
    "was never unavailable", "did not error")?"""
    low, lem = t.lower_, t.lemma_.lower()
    effect = (
        lem in lex.effect_verbs
        or low in lex.irregular_effects
        or _is_effect_noun(t, lex)
        or any(
            c.lower_ in ("down", "offline") or c.lower_ in lex.effect_adjectives for c in t.children
        )
    )
    # "did not fail over": failing over is the recovery, not a denied failure
    return effect and any(c.dep_ == "neg" for c in t.children) and not _failed_over(t)


def _clarified(toks: Sequence[Token], lex: Lexicon) -> bool:
    """Does the sentence deny an effect and then say, of the same thing, what happened
    instead ("The cache did not crash; it served expired keys", "the brokers never went
    offline, they were only slow")? It corrects a reading of the mechanism, in a list of
    figures or a narrative; "The site did not go down, but customers could not check out"
    tells of others and is read as before."""
    later = _told_instead(toks, lex)
    return later is not None and not _states_harm(later, lex)


def _told_instead(toks: Sequence[Token], lex: Lexicon) -> Token | None:
    """After a denied effect, the verb of the clause that tells, of the same thing, what
    happened instead ("did not crash; it served ..."), or None."""
    denied = next((n.head for n in toks if n.dep_ == "neg" and _denied(n.head, lex)), None)
    if denied is None:
        return None
    doc = denied.doc
    for t in toks:
        if t.i <= denied.i or t.lower_ not in _TAKEN_UP or t.dep_ not in ("nsubj", "nsubjpass"):
            continue
        k = t.i - 1
        while k > denied.i and doc[k].lower_ in ("but", "instead", "rather", "and"):
            k -= 1
        if k > denied.i and doc[k].lower_ in _TURNS:
            return t.head
    return None


#: words that make the state told after a denial the lesser one ("it was only slow")
_LESSER = frozenset({"only", "just", "merely", "simply"})
#: people nouns that name a thing reached, not a person ("nulls for every foreign account")
_NOT_PERSONS = frozenset({"account", "accounts", "device", "devices"})


def _states_harm(verb: Token, lex: Lexicon) -> bool:
    """Does the clause of ``verb``, told after a denied effect, state harm of its own: an
    effect verb ("it lost messages", "it just dropped payments": "just" does not soften an
    act), people reached ("returned empty results to users", "showed every customer an
    empty cart"), an object in an effect's state ("it served empty carts"), or a state
    that is an effect ("it stayed down") that no lesser word
    softens ("they were only unreachable")? Another clause with its own subject ("and the
    next stage discarded those rows") is not part of it."""
    clause = _clause_tokens(verb)
    if any(_person(t, lex) for t in clause):
        return True
    acts = [verb, *(c for c in verb.children if c.dep_ in ("conj", "xcomp") and c in clause)]
    if any(
        a.lemma_.lower() in lex.effect_verbs or a.lower_ in lex.irregular_effects or _timed_out(a)
        for a in acts
    ):
        return True
    near = [verb, *(c for c in verb.children if c.dep_ in ("acomp", "advmod", "prt"))]
    if any(t.lower_ in _LESSER for n in near for t in (n, *n.children)):
        return False
    if (
        verb.lemma_.lower() in lex.shown_verbs
        and _faced(verb, lex)
        and any(
            a.dep_ == "amod" and a.lower_ in lex.effect_adjectives
            for o in verb.children
            if o.dep_ == "dobj"
            for a in o.children
        )
    ):
        return True  # "the store did not go down; it served empty carts"
    return any(
        t is not verb and (t.lower_ in ("down", "offline") or t.lower_ in lex.effect_adjectives)
        for t in near
    )


def _faced(verb: Token, lex: Lexicon) -> bool:
    """Is the thing denied an effect before ``verb`` one the users face ("the store did
    not go down; it ...", not "the job did not fail; it ...": a job is the team's
    tooling, ``tooling-heads``)?"""
    return any(
        t.dep_ in ("nsubj", "nsubjpass")
        and t.head.i < verb.i
        and (t.lower_ in lex.facing or t.lemma_.lower() in lex.facing)
        and t.lemma_.lower() not in lex.tooling_heads
        for t in verb.sent
        if t.i < verb.i
    )


def _person(t: Token, lex: Lexicon) -> bool:
    """A people noun that names people ("users", "account holders", "every customer"), not
    a device (:func:`_device`)."""
    return (
        t.pos_ in ("NOUN", "PROPN")
        and t.lower_ not in _NOT_PERSONS
        and (t.lower_ in lex.people or t.lemma_.lower() in lex.people)
        and not _device(t, lex)
    )


def _device(t: Token, lex: Lexicon) -> bool:
    """Is the program noun ``t`` ("clients", "agents") named by the technology it speaks
    (``program-kinds``: "the printers' radio clients", "VPN clients") or owned by a thing
    ("the kiosks' clients": a plural thing)? A device or a program, not a person."""
    if t.lemma_.lower() not in lex.program_nouns:
        return False
    if named_process(t, lex):
        return True
    lefts = [w for c in t.lefts for w in c.subtree]
    if any(
        w.dep_ == "poss"
        and w.tag_ == "NNS"  # "the kiosks'"; not a firm's clients ("Northwind's")
        and w.lemma_.lower() not in lex.people
        for w in lefts
    ):
        return True
    return bool(lefts) and lex.program_kinds.search(t.doc[lefts[0].i : t.i].text) is not None


def named_process(t: Token, lex: Lexicon) -> bool:
    """Is the program noun ``t`` one process named by what it does ("the ledger sync
    consumer", "the outbox message workers"): a singular one after "the" with a noun before
    it, or one with a noun of ``program-modifiers`` before it? Not "consumers of the API"."""
    if t.lemma_.lower() not in lex.program_nouns:
        return False
    nouns = [c for c in t.children if c.dep_ == "compound"]
    if not nouns:
        return False
    if any(w.lower_ in lex.program_modifiers for c in nouns for w in c.subtree):
        return True
    return t.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)


def _clause_tokens(verb: Token) -> list[Token]:
    """The tokens of ``verb``'s clause: its subtree without the clauses under it that have
    a subject of their own."""
    out: list[Token] = []
    stack = [verb]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.pos_ in ("VERB", "AUX") and any(
                g.dep_ in ("nsubj", "nsubjpass") for g in c.children
            ):
                continue
            stack.append(c)
    return out


def _cause_statement(toks: Sequence[Token], lex: Lexicon) -> bool:
    """Is the sentence a statement of the cause or of who answers for it ("The root cause
    was an operator error during the rotation", "the trigger was a config push",
    "responsibility for the outage lies with the storage team", "the vendor is responsible
    for the delay", the subject of "be" one of ``cause-copula-subjects``: "the root of it
    was a lookup table that never got the new prices")? Its effect words name the cause."""
    return any(
        (t.dep_ in ("nsubj", "nsubjpass") and t.lemma_.lower() in _CAUSE_NOUNS)
        or (t.dep_ == "acomp" and t.lower_ in _ANSWERING)
        or (
            t.dep_ == "nsubj"
            and t.lemma_.lower() in lex.cause_copula_subjects
            and t.head.lemma_ == "be"
        )
        for t in toks
    )


#: what a bare failure may carry besides its reason and stay bare
_BARE_FAILURE = frozenset({"nsubj", "aux", "neg", "advcl", "punct", "xcomp"})


def _failure_explained(toks: Sequence[Token], lex: Lexicon) -> bool:
    """Is the sentence a failure already named, told again with its reason: the main verb
    with only a subject of "the" (no people), no object, place or time of its own, and a
    clause of ``explanation-marks`` ("The scanners failed because their key had lapsed",
    class 1 of fix helper imp42)? It explains how the fault worked; the harm is stated
    where the failure is first told. "Checkout failed for many shoppers because ..." and
    "Our customers could not pay because ..." stay statements."""
    root = next((t for t in toks if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ != "VERB":
        return False
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if (
        subj is None
        or subj.lemma_.lower() in lex.people
        or not any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children)
        or any(c.dep_ not in ("det", "compound", "amod") for c in subj.children)
    ):
        return False
    if any(c.dep_ not in _BARE_FAILURE for c in root.children):
        return False
    if any(c.dep_ == "xcomp" and list(c.children) for c in root.children):
        return False
    return any(
        c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in lex.explanation_marks for m in c.children)
        for c in root.children
    )


def _fault_located(toks: Sequence[Token], lex: Lexicon) -> bool:
    """Does the sentence open by telling where the fault lay, a fault noun
    (``located-faults``) as the subject of "be" or "lie" with a place (``fault-places``: "The
    fault was in the relay firmware", "the weakness lay between the broker and the
    archive"), and go on after a colon, a semicolon or a dash to the mechanism ("...: the
    relay silently discarded new polling requests")? That tells how the fault worked, not
    whom it reached; an elaboration about people ("...: riders could not pay") is harm."""
    turn = next((t.i for t in toks if t.text in _REBUTTAL_TURNS), None)
    if turn is None or not any(
        t.i < turn
        and t.lemma_.lower() in ("be", "lie")
        and any(c.dep_ == "nsubj" and c.lemma_.lower() in lex.located_faults for c in t.children)
        and any(c.dep_ == "prep" and c.lower_ in lex.fault_places for c in t.children)
        for t in toks
    ):
        return False
    return not any(
        t.i > turn and t.dep_ in ("nsubj", "nsubjpass") and _person_noun(t, lex) for t in toks
    )


def _person_noun(t: Token, lex: Lexicon) -> bool:
    return t.lemma_.lower() in lex.people or t.lower_ in lex.people


#: words of a clause that tell of the speakers themselves ("told us they could not sign
#: in", "asked why their payouts failed"): the report is of their own harm
_SPEAKERS = frozenset({"they", "we", "i", "them", "us", "their", "your", "you", "my"})


def passed_on(verb: Token, lex: Lexicon) -> bool:
    """Is ``verb`` a verb of telling us something (``report-verbs``) whose content is a
    clause about something else ("told us the app showed the wrong reading", "wrote to
    ask whether the timetable had changed")? A report passed on. A clause that tells of
    the speakers ("told us they could not sign in", "asked why their payouts failed") or
    that itself says something was out of service or could not be used ("told us that the
    portal was down") tells harm and is none."""
    lem = verb.lemma_.lower()
    if lem not in lex.report_verbs and lem not in lex.opinion_verbs:
        return False
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "advcl")]
    clauses += [g for c in clauses if c.dep_ == "xcomp" for g in c.children if g.dep_ == "ccomp"]
    said = [c for c in clauses if c.dep_ == "ccomp"]
    for c in said:
        if _a_view(c, lex):
            continue  # "said they did not know which form ...", "said the guide was
            # confusing": what they knew or thought, passed on (blind round 29)
        if lem not in lex.report_verbs:
            return False  # "some riders said the app froze": harm they voiced
        words = list(c.subtree)
        if any(t.lower_ in _SPEAKERS for t in words):
            return False
        if any(t.lower_ in lex.availability and t.pos_ != "NOUN" for t in words):
            return False  # "told us that the portal was down": not "said the outage was ..."
        # the clause's own text ("wouldn't load"), not its tokens joined ("would n't load")
        told = c.doc.text[c.left_edge.idx : c.right_edge.idx + len(c.right_edge.text)]
        if lex.out_of_service.search(told) or lex.inability.search(told):
            return False
    return bool(said)


def _a_view(clause: Token, lex: Lexicon) -> bool:
    """Is the reported ``clause`` what its speakers knew or thought, not harm: a state of
    mind (``knowledge-adjectives``, ``knowledge-verbs``: "they were unsure who could
    declare a stop", "they did not know which board to trust") or a verdict on a thing
    (``view-words``: "the guide was confusing")? No effect and no inability in it."""
    told = clause.doc.text[
        clause.left_edge.idx : clause.right_edge.idx + len(clause.right_edge.text)
    ]
    if lex.out_of_service.search(told) or lex.inability.search(told):
        return False
    if clause.lemma_.lower() in lex.knowledge_verbs:
        return True
    return any(
        c.dep_ in ("acomp", "oprd")
        and (c.lower_ in lex.view_words or c.lower_ in lex.knowledge_adjectives)
        for c in clause.children
    )


def _report_of_people(toks: Sequence[Token], lex: Lexicon) -> bool:
    """Is the sentence people telling us something about something else (:func:`passed_on`:
    "Some of you told us an agent said the outage was our fault")? Its effects are the
    content of a report, told as one."""
    root = next((t for t in toks if t.dep_ == "ROOT"), None)
    if root is None:
        return False
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    people = subj.lower_ in ("you", "they") or subj.lemma_.lower() in lex.people
    of_you = any(
        c.lower_ == "of" and any(g.lower_ == "you" for g in c.children) for c in subj.children
    )
    return (people or of_you) and passed_on(root, lex)


#: the incident itself, as the subject of a statement of its cause
_INCIDENT = frozenset({"incident", "outage", "problem", "issue", "bug", "failure", "event"})


def _attributed(toks: Sequence[Token], lex: Lexicon) -> bool:
    """Is the sentence an attribution of the incident to its cause? Its main verb is a verb
    of causing in the passive, said of the incident or of an effect noun ("The outage was
    caused by a worker retrying failed sends"); or in the active, with the incident already
    told as its object ("Lena's schema change caused the outage", "a stale flag triggered
    this incident": not "caused an outage for every customer", which tells whom it
    reached); or a verb of coming from said of the harm ("The duplicate refunds resulted
    from a manual replay by a member of the billing team"). The effects and the people
    after "by" or "from" are the cause, and the harm is told elsewhere."""
    root = next((t for t in toks if t.dep_ == "ROOT"), None)
    if root is None or any(_own_clause(c) for c in root.children):
        return False  # "... was caused by a bad deploy, and users were locked out": more
    lem = root.lemma_.lower()
    kids = list(root.children)
    if lem in _COMING_FROM:
        return any(c.dep_ == "prep" and c.lower_ == "from" for c in kids) and any(
            c.dep_ == "nsubj" and _harm_told(c, lex) for c in kids
        )
    if lem not in _CAUSING:
        return False
    if any(c.dep_ == "nsubj" for c in kids):
        return any(c.dep_ == "dobj" and _the_incident(c) for c in kids)
    return any(
        c.dep_ == "nsubjpass" and (c.lemma_.lower() in _INCIDENT or _is_effect_noun(c, lex))
        for c in kids
    ) and any(c.dep_ == "agent" for c in kids)


#: determiners that point back at what the document already told ("the outage", "this
#: incident")
_TOLD = frozenset({"the", "this", "that"})


def _the_incident(noun: Token) -> bool:
    """Is ``noun`` the incident as already told ("the outage", "this incident", "our
    outage"), with nothing after it that names whom or what it reached ("the outage of
    the EU API", "the outage for merchants")?"""
    return (
        noun.lemma_.lower() in _INCIDENT
        and any((c.dep_ == "det" and c.lower_ in _TOLD) or c.dep_ == "poss" for c in noun.children)
        and not any(c.dep_ in ("prep", "acl", "relcl") for c in noun.children)
    )


def _harm_told(noun: Token, lex: Lexicon) -> bool:
    """Is ``noun`` the incident or harm named as already known: an effect noun, or a thing
    an effect word qualifies ("the delayed shipments", "the rejected transfers")?"""
    return (
        noun.lemma_.lower() in _INCIDENT
        or _is_effect_noun(noun, lex)
        or any(
            c.dep_ == "amod"
            and (c.lower_ in lex.effect_adjectives or c.lemma_.lower() in lex.effect_verbs)
            for c in noun.children
        )
    )


#: the inabilities that may be an omission: "failed to ...", "not ... properly"
_OMISSION_SHAPE = re.compile(r"(?i)^(?:failed to|not\b.*\b(?:properly|correctly|accurately))$")


def _omission(toks: Sequence[Token], text: str, lex: Lexicon) -> bool:
    """Is every inability of the sentence an omission in the work of catching the fault
    ("The test team failed to spot the regression", "the change was reviewed, but not properly"),
    or a scenario a safeguard covers (:func:`_covered`)? Then its subject is who missed it,
    or who would be reached in that scenario, not whom the incident reached
    (``oversight-verbs``)."""
    if not toks:
        return False
    found = False
    for m, tok in _inabilities(toks, text, lex):
        if tok is not None and _covered(tok, lex):
            found = True  # "no runbook covered the case where customers cannot pay"
            continue
        if tok is None:
            return False
        if tok.dep_ in ("aux", "auxpass", "neg"):
            tok = tok.head
        verb = verb_above(tok)
        if _characterises(verb, lex):
            found = True  # "dates in a layout the scanner could not read"
            continue
        if not _OMISSION_SHAPE.match(m.group(0)):
            return False
        done = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
        if not any(_overlooked(v, lex) for v in done):
            return False
        found = True
    return found


def _overlooked(verb: Token, lex: Lexicon) -> bool:
    """Is ``verb`` work whose lapse is an omission: catching the fault
    (``oversight-verbs``), or upkeep owed (``upkeep-verbs``: "failed to renew the
    certificate") of nothing that is people's own ("failed to renew customer sessions" is
    harm)?"""
    lemma = verb.lemma_.lower()
    if lemma in lex.oversight_verbs:
        return True
    return lemma in lex.upkeep_verbs and not any(_owned_by_people(o, lex) for o in _objects(verb))


def _owned_by_people(obj: Token, lex: Lexicon) -> bool:
    """Is ``obj`` people, their requests, or something a people noun qualifies ("member
    sessions", "customer orders")? A credential or a certificate is the team's own."""
    return any(
        {t.lemma_.lower(), t.lower_} & (lex.people | lex.requests)
        for t in (obj, *(c for c in obj.children if c.dep_ in ("compound", "poss", "amod")))
    )


def _characterises(verb: Token, lex: Lexicon) -> bool:
    """Is the inability at ``verb`` in a relative clause that tells what a thing is like
    ("dates in a layout the scanner could not read", "a token the proxy cannot verify"),
    said of a part of the system, not of people, about a thing users do not reach? It
    describes the thing, a cause; "customers who could not pay called" is harm."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ != "relcl":
        return False
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    thing = verb.head
    return not any(
        t is not None
        and (t.pos_ == "PRON" or t.lemma_.lower() in lex.facing or t.lower_ in lex.facing)
        for t in (subj, thing)
    )


def _claim(entity: Token, effect: Token | None, lex: Lexicon, *, down: bool) -> Claim:
    """The claim of one entity and one effect (None: an inability, "could not"); ``down``:
    the sentence says something is out of service ("was not working")."""
    forms = {entity.lemma_.lower(), entity.lower_}
    people = bool(forms & lex.people) and not named_process(entity, lex)
    # a mass noun the tagger reads as a plural ("data") is measured, not counted; a
    # singular one ("the network was down") is one system, timed like any other
    plural = entity.tag_ in ("NNS", "NNPS") or _plural_by_verb(entity)
    mass = plural and not people and bool(forms & lex.mass)
    countable = (plural and not mass) or people
    # a named system that suffers an effect ("Hachyderm experienced an outage"); a named
    # subject of an inability is as often a responder ("Ana could not find the job")
    named = effect is not None and entity.pos_ == "PROPN" and entity.dep_ in ("nsubj", "nsubjpass")
    harm = (
        effect is None
        or people
        or effect.lemma_.lower() in lex.facing_effects
        or effect.lower_ in lex.facing_effects
    )
    available = effect is not None and _availability(effect, lex)
    on_users = (people or available or down or bool(forms & lex.facing)) and not _on_a_part(
        entity, effect, lex
    )
    known = (
        bool(forms & (lex.entities | lex.facing))
        or (
            entity.pos_ == "PROPN"
            and entity.dep_ in ("nsubj", "nsubjpass")
            and not _failed_to_act(entity)
        )
        or (plural and entity.dep_ in ("nsubj", "nsubjpass"))
    ) and not (_unnameable(entity, lex) or _spelled_out(entity))
    return Claim(
        _named(entity, lex),
        countable,
        on_users and harm,
        named and harm,
        entity.lower_ if _plural_by_verb(entity) else counted(entity, plural=not mass),
        mass,
        known,
    )


def _failed_to_act(subj: Token) -> bool:
    """Is the named ``subj`` the one who failed to do something ("Lindqvist failed to chase
    the alerts")? A doer, perhaps a person by surname: never quoted as what was affected. A
    failure with no object ("Hermes fails to relay") is the named system's own."""
    verb = subj.head
    return verb.lemma_.lower() == "fail" and any(
        c.dep_ == "xcomp" and any(g.dep_ == "dobj" for g in c.children) for c in verb.children
    )


def _spelled_out(entity: Token) -> bool:
    """Is ``entity`` a word of a name spelled out before its acronym ("telemetry, tracking
    and command (TT&C) contact", "the customer data platform (CDP) was down")? Its letter
    opens a word of the acronym, which follows within a few words in brackets, and the
    word before the bracket opens the acronym's last: the word alone is no thing that was
    affected, and the message must not name it."""
    doc = entity.doc
    for t in doc[entity.i + 1 : entity.i + 4]:
        if t.text == "(" and t.i + 1 < len(doc):
            capitals = [c for c in doc[t.i + 1].text if c.isupper()]
            return (
                len(capitals) > 1
                and entity.text[:1].upper() in capitals
                and doc[t.i - 1].text[:1].upper() == capitals[-1]  # the name's last word
            )
        if not t.is_alpha:
            break
    return _spelled_after(entity)


def _spelled_after(entity: Token) -> bool:
    """Is ``entity`` a word of a name spelled out in brackets after its acronym ("MMS
    (Multimedia Message Service) traffic")? The acronym before the bracket holds the
    word's letter, and the bracket's first word opens the acronym."""
    doc = entity.doc
    for t in reversed(doc[max(0, entity.i - 4) : entity.i]):
        if t.text == "(" and t.i > 0 and t.i + 1 < len(doc):
            capitals = [c for c in doc[t.i - 1].text if c.isupper()]
            return (
                len(capitals) > 1
                and entity.text[:1].upper() in capitals
                and doc[t.i + 1].text[:1].upper() == capitals[0]
            )
        if not t.is_alpha:
            return False
    return False


def _on_a_part(entity: Token, effect: Token | None, lex: Lexicon) -> bool:
    """Is ``effect`` a word of effect qualifying a thing inside the system that is not
    ``entity`` ("so the device restarted into an empty partition", "booted from a blank
    slot")? The adjective tells the state of that part, the mechanism; it says nothing of
    what reached the people named beside it. A thing users reach ("an empty cart"), one
    people got ("users saw an empty screen"), an entity or an effect noun keeps the
    statement."""
    if effect is None or effect.dep_ != "amod" or effect.head.i in (entity.i, entity.i - 1):
        return False  # "the leaked deploy token", misread: the word before is of its name
    part = effect.head
    forms = {part.lemma_.lower(), part.lower_}
    shown = part.dep_ == "dobj" and any(
        c.dep_ == "nsubj" and _person(c, lex) for c in part.head.children
    )  # "users saw an empty screen": what people got
    return (
        part.pos_ == "NOUN"
        and not shown
        and not forms & (lex.facing | lex.entities | lex.people)
        and not _is_effect_noun(part, lex)
    )


#: an incident's id ("INC-2231", "SEV1-88"): the incident itself, never what it reached
_INCIDENT_ID = re.compile(r"^[A-Z][A-Z0-9]*-\d+$")


def _unnameable(entity: Token, lex: Lexicon) -> bool:
    """May the message not name ``entity`` as what was affected: an activity told as a
    gerund ("Rendering failed": nothing to time by that name), the incident itself by its
    id or its name ("INC-2231 broke the booking flow", "the incident was disruptive"), or a
    person by name ("Priya Raman could not sign in": one person asked about in system
    terms)? The message then asks for the amounts without naming anything."""
    low = entity.lower_
    if entity.tag_ == "VBG" or (
        low.endswith("ing")
        and (entity.pos_ != "PROPN" or entity.is_sent_start)
        and low not in lex.entities
        and low not in lex.facing
        and not any(c.dep_ == "det" for c in entity.children)
    ):
        return True
    if _INCIDENT_ID.match(entity.text) or entity.lemma_.lower() in _INCIDENT:
        return True
    if _fault_of(entity, lex):  # "an operator error took the primary offline": the cause
        return True
    return _a_person(entity, lex) or any(
        c.dep_ == "compound" and _a_person(c, lex) for c in entity.children
    )


def _plural_by_verb(entity: Token) -> bool:
    """Is the subject ``entity`` a plural the tagger took for a name, as a capitalised word
    opening a line is ("Builds were broken"): it ends in "s" and its verb agrees in the
    plural ("were", "are")?"""
    if entity.dep_ not in ("nsubj", "nsubjpass") or not entity.lower_.endswith("s"):
        return False
    verb = entity.head
    return any(
        t.lower_ in ("were", "are", "have")
        for t in (verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass")))
    )


def _named(entity: Token, lex: Lexicon) -> str:
    """``entity`` as the message names it: with the nouns before it that make one name with
    it ("the status dashboard" -> "status dashboard", "the EU billing API" -> "EU billing
    API"), so half a compound is never named as what was affected. A word opening the
    sentence loses the capital the sentence gave it ("Checkout went down" -> "checkout"),
    unless it is an acronym or a name the rule does not know ("Kestrel"). A name written
    with hyphens ("EU-North", "AP-South-1 gateway") is quoted whole: the tokenizer splits it
    at its hyphens, and its last part alone names nothing."""
    first = entity.i
    doc = entity.doc
    while first > 0 and _part_of_name(doc[first - 1], entity):
        first -= 1
    while first >= 2 and _joined(doc[first - 2], doc[first - 1]) and doc[first - 1].text == "-":
        first -= 2  # "EU" "-" "North": the name's first parts
    words = [t for t in doc[first : entity.i + 1] if not t.is_space]
    return "".join(
        _as_written(t, lex) + ("" if _joined(t, doc[t.i + 1]) else " ") for t in words[:-1]
    ) + _as_written(words[-1], lex)


def _joined(a: Token, b: Token) -> bool:
    """Are ``a`` and the token after it, ``b``, written with nothing between them (parts
    of one hyphenated word)?"""
    return not a.whitespace_ and not a.is_space and not b.is_space


#: a time zone written after a clock time ("04:52 PM UTC", "09:10 CEST")
_TIME_ZONE = re.compile(r"^(?:UTC|GMT|[A-Z]{2,3}T)$")


def _part_of_name(t: Token, entity: Token) -> bool:
    """Is ``t``, just before ``entity``, a noun that makes one name with it ("status" of
    "status dashboard")? Not a time zone after a clock time ("at 14:05 UTC Site was down")
    nor an adjective ("a lying CI system")."""
    if t.head.i != entity.i or not t.text.replace("-", "").isalnum():
        return False  # "PM104 | Incompetence": the bar ends the name
    if not (t.dep_ == "compound" or (t.dep_ == "amod" and t.tag_ in ("NN", "NNP"))):
        return False
    before = t.doc[t.i - 1] if t.i > 0 else None
    after_clock = before is not None and any(c.isdigit() for c in before.text)
    return not (_TIME_ZONE.match(t.text) or (t.text.isupper() and after_clock))


def _as_written(t: Token, lex: Lexicon) -> str:
    """A word of a name as the message quotes it (:func:`_named`)."""
    if not t.is_sent_start or sum(c.isupper() for c in t.text) > 1:
        return t.text
    low = t.lower_
    known = lex.entities | lex.facing | lex.units
    return low if (low in known or t.lemma_.lower() in known or t.pos_ != "PROPN") else t.text


def _availability(effect: Token, lex: Lexicon) -> bool:
    """Is ``effect`` a word of availability ("unavailable", "down", "offline")? Whatever
    it is said of is something users reach."""
    return effect.lower_ in lex.availability or effect.lemma_.lower() in lex.availability


def _effects(toks: Sequence[Token], lex: Lexicon) -> Iterator[Token]:
    """The effect words of a sentence that state harm (not negated, not an action the
    responders took, not something done to an object)."""
    for t in toks:
        lem = t.lemma_.lower()
        low = t.lower_
        if _attack_route(t, lex) or _without(t):
            continue  # "arrived from a compromised mailbox", "ran without failing"
        if t.pos_ == "VERB" and lem in lex.harm_to_people and _object_is_people(t, lex):
            yield t  # "we annoyed our validators"
        elif t.pos_ in ("VERB", "AUX") and (
            lem in lex.effect_verbs or low in lex.irregular_effects or _timed_out(t)
        ):
            if (
                any(c.dep_ == "neg" for c in t.children)
                or _failed_over(t)
                or _missed(t, lex)
                or _totalled(t)
            ):
                continue
            if _done_by_us(t, lem, lex) or _our_change_stopped(t, lex):
                continue  # who acted, or the alerting that did not fire: not the harm
            if lem in lex.refusal_verbs and _refused_ours(t, lex):
                continue  # "the card network declined the merchant identifier": how the
                # fault worked, not what users lost
            if lem in lex.transitive_actions and any(
                c.dep_ == "dobj" and (not _reaches_users(c, lex) or _by_mechanism(t, lex))
                for c in t.children
            ):
                continue  # "the script deleted the index": an action on an object; "a lock
                # that stopped new rows from being written": how the fault worked
            if _mechanism(t, lex) or _ended(t, lex) or _covered(t, lex) or _wondered(t, lex):
                continue
            if _redone(t, lex):
                continue  # "we replayed the failed receipts": the repair, told of what it mended
            yield t
        elif low == "down" or lem == "down":
            if (t.head.lemma_.lower() in _DOWN_HEADS or _felled(t)) and not (
                _hyphenated(t) or _down_to(t) or any(c.dep_ == "neg" for c in t.head.children)
            ):
                yield t
        elif low in lex.effect_adjectives and not _hyphenated(t):  # whatever the tag: the
            if (t.dep_ == "amod" and low in lex.kind_adjectives) or _totalled(t):
                continue  # "offline edits", "an offline eval": a kind of thing
            if (
                _staff_deed(t, lex)  # "the previous maintainer left it broken"
                or _covered(t, lex)
                or _wondered(t, lex)
                or (t.dep_ == "amod" and t.head.dep_ == "nsubj" and _ended(t.head.head, lex))
                or _source(t, lex)
                or _mistaken_choice(t, lex)
                or _part_acted_on(t, lex)
                or _redone(t, lex)
            ):
                continue  # "the duplicate emails stopped": the harm ending
            if not any(c.dep_ == "neg" for c in t.head.children):  # small model reads
                yield t  # fragments as nouns
        elif t.pos_ in ("NOUN", "PROPN") and _is_effect_noun(t, lex) and _harm_noun(t, lex):
            yield t


def _part_acted_on(adj: Token, lex: Lexicon) -> bool:
    """Is the effect adjective ``adj`` an attribute of an internal part that a clause's
    subject acts on through a preposition ("waits forever on a dead socket", "pinned the
    service to a dead node", "kept retrying against a broken replica")? It tells how the
    fault worked; a part people reach ("sent customers to a broken page") is harm. "The
    wrong X" is :func:`_mistaken_choice`'s ("sent parcels to the wrong depot" is harm)."""
    part = adj.head
    return (
        adj.dep_ == "amod"
        and adj.lower_ not in lex.choice_adjectives
        and part.dep_ == "pobj"
        and part.lemma_.lower() not in lex.facing
        and part.lower_ not in lex.facing
    )


def _redone(word: Token, lex: Lexicon) -> bool:
    """Is the effect ``word`` an attribute of what a step of recovery acted on: the object
    (or the passive subject) of a verb of repair or of running things again (``repair-verbs``,
    ``redo-verbs``: "the on-call re-queued the stuck invoices", "the rejected uploads were
    reprocessed overnight")? The sentence tells the repair; the harm it names is stated, and
    counted, where the impact is. Not when people did it ("drivers resubmitted the failed
    forms": their extra work is harm) or received it ("we resent the lost codes to
    members")."""
    noun = word.head
    if word.dep_ != "amod" or noun.dep_ not in ("dobj", "nsubjpass"):
        return False
    verb = noun.head
    lem = verb.lemma_.lower()
    if verb.pos_ != "VERB" or (lem not in lex.redo_verbs and lem not in lex.repair_verbs):
        return False
    doer = verb.head if verb.dep_ == "conj" and noun.dep_ == "dobj" else verb
    parties = [c for c in doer.children if c.dep_ == "nsubj"] + list(_objects(verb))
    return not any(
        {t.lemma_.lower(), t.lower_} & (lex.people | lex.facing)
        for t in parties
        if t.i != noun.i and not _responder(t)
    )


def _done_by_us(verb: Token, lem: str, lex: Lexicon) -> bool:
    """Is the effect ``verb`` (its lemma ``lem``) told of who acted, not of who was
    reached: a responder or the team ("we chose to stop the validators"), the alerting
    that did not fire, a member of staff's deed ("the previous administrator left it
    hanging", :func:`_staff_deed`), or the response's own pace ("the response was slowed
    by the team's reluctance", :func:`_the_response_slowed`)? What the organisation
    undergoes ("we lost data") stays an effect."""
    doer = verb.head if verb.dep_ == "xcomp" else verb  # "we chose to stop the validators"
    subj = next((c for c in doer.children if c.dep_ == "nsubj"), None)
    if subj is not None and (
        _responder(subj)
        or (subj.lower_ in _TEAM and lem not in _UNDERGONE)
        or subj.lemma_.lower() in lex.detection_nouns
    ):
        return True
    return (lem not in _UNDERGONE and _staff_deed(verb, lex)) or _the_response_slowed(doer, lex)


def _our_change_stopped(verb: Token, lex: Lexicon) -> bool:
    """Is ``verb`` a step of mitigation told in the passive of the team's own change
    (``mitigation-verbs`` said of one of ``harm-bringers``: "The rollout was halted",
    "the upgrade was paused and the old build restored")? A step of the response, told in
    the past; "card payments were stopped at the gateway" stays harm."""
    lem = verb.lemma_.lower()
    prt = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    if lem not in lex.mitigation_verbs and f"{lem} {prt}" not in lex.mitigation_verbs:
        return False
    return any(
        c.dep_ == "nsubjpass" and c.lemma_.lower() in lex.harm_bringers for c in verb.children
    )


def programs_acting(toks: Sequence[Token], lex: Lexicon) -> frozenset[int]:
    """The positions of plural nouns of ``program-nouns`` that are the subject of a
    program's behaviour (``program-verbs``, on their verb or a verb joined to it with no
    subject of its own: "players fell back to a lower bitrate and then stalled", "clients
    retried and timed out"): programs, not people."""
    found = set()
    for t in toks:
        if t.dep_ != "nsubj" or t.tag_ not in ("NNS", "NNPS"):
            continue
        if not {t.lemma_.lower(), t.lower_[:-1]} & lex.program_nouns:
            continue  # "Peers" opening a sentence may be read as a name
        verbs = [t.head] + [
            v for v in t.head.conjuncts if not any(c.dep_ == "nsubj" for c in v.children)
        ]
        if any(_program_verb(v, lex) for v in verbs):
            found.add(t.i)
    return frozenset(found)


def _program_verb(verb: Token, lex: Lexicon) -> bool:
    """Is ``verb`` one of ``program-verbs``, alone or with its particle ("fell back")?"""
    lem = verb.lemma_.lower()
    return lem in lex.program_verbs or any(
        c.dep_ in ("prt", "advmod") and f"{lem} {c.lower_}" in lex.program_verbs
        for c in verb.children
    )


def _staff_deed(effect: Token, lex: Lexicon) -> bool:
    """Is ``effect`` what a member of staff (``staff-roles``) did or left ("the previous
    administrator left the renewal hanging", "something the old maintainer left broken"):
    the role is the subject of the effect or of the verb it completes, or the noun that
    verb describes? A person's deed, not harm done to administrators."""
    doer = effect.head if effect.dep_ in ("xcomp", "oprd", "acomp", "dobj") else effect
    return any(
        c.dep_ == "nsubj" and c.lemma_.lower() in lex.staff_roles for c in doer.children
    ) or (doer.dep_ in ("acl", "relcl") and doer.head.lemma_.lower() in lex.staff_roles)


def _the_response_slowed(verb: Token, lex: Lexicon) -> bool:
    """Is the subject of ``verb`` the responders' own work (``response-nouns``: "the
    response was slowed by the ops team's reluctance", "our investigation was delayed by
    missing logs")? That tells how the response went, and the people in the sentence are
    responders or blamed, not reached by the incident."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in lex.response_nouns
        for c in verb.children
    )


#: the auxiliaries of a clause in the simple present ("does not abort", "do not retry")
_PRESENT_DO = frozenset({"does", "do"})


def _watched(effect: Token, lex: Lexicon) -> bool:
    """Is ``effect`` a word of what an alert or a monitor watches for ("our alert for
    failed logins fired", "the monitor on rejected payments paged us")? It names the alert
    (``detection-nouns``): the sentence tells how the incident was detected, not whom it
    reached ("Customers saw failed logins" stays)."""
    if _looked_at(effect, lex):
        return True
    if effect.dep_ not in ("amod", "compound") or effect.head.dep_ != "pobj":
        return False
    prep = effect.head.head
    return prep.dep_ == "prep" and prep.head.lemma_.lower() in lex.detection_nouns


def _looked_at(effect: Token, lex: Lexicon) -> bool:
    """Is the effect noun what the monitoring looks at (the object of a verb whose subject
    is one of ``detection-nouns``, directly or after a preposition: "our monitoring looks
    at latency and errors", "the probe checks for timeouts")? It tells what is watched,
    class 1 of fix helper imp39, not harm that happened."""
    t = effect
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ == "pobj" and t.head.dep_ == "prep":
        t = t.head
    elif t.dep_ != "dobj":
        return False
    verb = t.head
    return verb.pos_ == "VERB" and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in lex.detection_nouns for c in verb.children
    )


def _recorded(effect: Token, lex: Lexicon) -> bool:
    """Is ``effect`` a status a tool recorded ("the scheduler marked the job as skipped",
    "the balancer flagged every backend as failed": after "as", under one of
    ``labelling-verbs``)? The sentence tells the mechanism, not harm."""
    if any(c.dep_ in ("mark", "advmod") and c.lower_ == "as" for c in effect.children):
        verb = effect.head  # "marked the job as skipped": an adverbial clause
    elif effect.head.lower_ == "as" and effect.head.dep_ == "prep":
        verb = effect.head.head  # "marked the job as failed": the object of "as"
        if verb.dep_ == "dobj":
            verb = verb.head  # "considered the pool as dead": "as" read under the object
    else:
        return False
    return verb.i != effect.i and verb.lemma_.lower() in lex.labelling_verbs


#: a clause that tells what a cause explains ("..., and that is why the page broke")
_EXPLAINING = frozenset({"why", "how"})
_POINTING_BACK = frozenset({"that", "this", "which", "it"})


def _explained(effect: Token) -> bool:
    """Is ``effect`` told as what the cause before it explains ("Kevin forgot to push the
    certificate, and that is why the login page broke", "..., which is how the checkout
    page broke")? The harm is told as known, the sentence gives its cause (the reader is
    pointed back at it); harm told in its own clause stays."""
    verb = effect if effect.pos_ in ("VERB", "AUX") else effect.head
    if not any(c.dep_ == "advmod" and c.lower_ in _EXPLAINING for c in verb.children):
        return False
    be = verb.head
    return (
        verb.dep_ in ("advcl", "ccomp", "attr")
        and be.lemma_.lower() == "be"
        and any(c.dep_ == "nsubj" and c.lower_ in _POINTING_BACK for c in be.children)
    )


def _a_reason(effect: Token, lex: Lexicon) -> bool:
    """Is ``effect`` told in a clause that gives a reason ("... as skipped because the
    upstream partition arrived late", ``reason-marks``) and said of a part of the system
    that users do not reach? It is the cause of what the sentence tells; "because the app
    was down for shoppers" or "because checkout was failing" stays harm."""
    clause = next(
        (
            a
            for a in (effect, *effect.ancestors)
            if a.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ in lex.reason_marks for c in a.children)
        ),
        None,
    )
    if clause is None:
        return False
    return not any(
        {t.lemma_.lower(), t.lower_} & (lex.facing | lex.people | lex.entities)
        and not _one_named_job(t, lex)
        and not _in_time_phrase(t, clause)
        for t in clause.subtree
        if t.pos_ in ("NOUN", "PROPN", "PRON")
    )


#: prepositions that place a clause in time ("failing since a password change at noon")
_TIME_PREPOSITIONS = frozenset({"since", "after", "before", "until", "following"})


def _in_time_phrase(t: Token, clause: Token) -> bool:
    """Is ``t`` inside a phrase of time of ``clause`` ("since a key rotation that morning")?
    It says when the cause began, not whom it reached."""
    for a in t.ancestors:
        if a.i == clause.i:
            return False
        if a.dep_ == "prep" and a.lower_ in _TIME_PREPOSITIONS:
            return True
    return False


def _one_named_job(t: Token, lex: Lexicon) -> bool:
    """Is ``t`` one background program named by what it works on, or a word of its name: a
    singular of ``tooling-heads`` after "the" with a compound before it ("the feed job",
    "the schedule sync job")? In a clause of reason it is a part of the system; "customer
    jobs" and "the booking site" are still reached."""
    head = t
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    return (
        head.tag_ == "NN"
        and head.lemma_.lower() in lex.tooling_heads
        and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
        and any(c.dep_ == "compound" for c in head.children)
        and not any({c.lemma_.lower(), c.lower_} & lex.people for c in head.subtree if c.i < head.i)
    )


def _onset(toks: Sequence[Token], lex: Lexicon) -> bool:
    """Does the sentence tell when or during what the incident began ("The outage began
    during a scheduled storage migration", ``onset-verbs``), said of the incident as told
    (:func:`_the_incident`), with no clause of its own after ("..., and customers could
    not check out" states harm)? It names the trigger, not whom the incident reached."""
    root = next((t for t in toks if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_.lower() not in lex.onset_verbs:
        return False
    if any(_own_clause(c) for c in root.children):
        return False
    return any(c.dep_ == "nsubj" and _the_incident(c) for c in root.children)


def _general(effect: Token, lex: Lexicon) -> bool:
    """Is ``effect`` told of how a tool behaves in general: its clause is in the simple
    present, with a subject that is a tool users do not reach (no word of
    ``facing-nouns``, no people: "the scheduler does not kill a running batch",
    "Terraform does not stop an apply midway"), or "it" after such a clause ("...; it
    only halts it at the next resource"), and no people in the clause nor an object that
    users have or reach ("the gateway drops failed payments" stays)? That explains the
    mechanism (:func:`_present_verb`); the incident is told in the past, and what users
    reach stays harm in the present ("the app crashes on launch")."""
    # "a failed upload": the clause of the noun the effect word qualifies
    verb = _present_verb(effect.head if effect.dep_ in ("amod", "compound") else effect, lex)
    if verb is None:
        return False
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    clause = _clause_tokens(verb)
    if subj is None or any(
        _person(t, lex)
        or t.lower_ in _READERS
        or (t.dep_ in ("dobj", "pobj") and _reaches_users(t, lex))
        for t in clause
    ):
        return False  # "the gateway drops failed payments": what users have is reached
    if subj.lower_ == "it":  # "...; it only halts it": the tool named before
        return any(
            _tool(t, lex)
            for t in effect.sent
            if t.i < subj.i and t.dep_ == "nsubj" and _present_verb(t.head, lex) is not None
        )
    return _tool(subj, lex)


def _present_verb(tok: Token, lex: Lexicon) -> Token | None:
    """The verb of ``tok``'s clause when it tells how a thing behaves: in the simple
    present ("stops", "does not abort"), no form of "be" or "have", and denied with "do"
    ("does not cancel a running upgrade"), qualified by one of ``behaviour-adverbs`` ("it
    only stops it after the current batch") or told under a condition ("when the queue
    fills"); else None. A bare present ("Symptom: the relay fails") is as often a
    symptom told in a note's present."""
    verb = verb_above(tok)
    while verb.dep_ in ("aux", "auxpass") and verb.head.i != verb.i:
        verb = verb.head
    kids = list(verb.children)
    aux = [c for c in kids if c.dep_ in ("aux", "auxpass")]
    present = (verb.tag_ in ("VBZ", "VBP") and not aux) or (
        verb.tag_ == "VB" and any(c.lower_ in _PRESENT_DO for c in aux)
    )
    if not present or verb.lemma_.lower() in ("be", "have"):
        return None
    general = (
        (any(c.lower_ in _PRESENT_DO for c in aux) and any(c.dep_ == "neg" for c in kids))
        or any(c.dep_ in ("advmod", "neg") and c.lower_ in lex.behaviour_adverbs for c in kids)
        or any(c.dep_ == "advcl" and any(m.lower_ in _CONDITIONS for m in c.children) for c in kids)
    )
    return verb if general else None


#: what opens a condition under which a tool behaves so ("when the queue fills")
_CONDITIONS = frozenset({"when", "whenever", "if", "once", "until", "unless"})


def _tool(subj: Token, lex: Lexicon) -> bool:
    """Is ``subj`` a thing users do not reach: a noun or name, no people, no word of
    ``facing-nouns`` (as written, as lemma, or the head of its compound)?"""
    if subj.pos_ not in ("NOUN", "PROPN") or _is_effect_noun(subj, lex):
        return False  # "failure to retrieve logs means that ...": the harm itself
    forms = {subj.lower_, subj.lemma_.lower()}
    return not forms & (lex.facing | lex.people)


#: people a mistaken choice may have been handed to: anyone, or the readers
_READERS = _PEOPLE_PRONOUNS | {"you"}


def _own_tooling(entity: Token, lex: Lexicon) -> bool:
    """Is ``entity`` the team's own delivery tooling ("the release job itself broke",
    "Priya's rebase broke the publish pipeline", "CI was down")? Its failure is how the
    incident went on inside, not harm to users; a blame sentence about it is PM101's alone.
    (A person's act that reached users, "her rebase took checkout down", is still
    impact.)"""
    if entity.dep_ == "compound" and entity.head.i != entity.i:
        entity = entity.head  # "release" in "the release job"
    lem = entity.lemma_.lower()
    if lem == "ci":
        return True
    if any(
        c.dep_ in ("compound", "poss", "amod") and {c.lemma_.lower(), c.lower_} & lex.people
        for c in entity.subtree
        if c.i < entity.i
    ):
        return False  # "customer (deploy) pipelines": the customers' own, reached by it
    return lem in lex.tooling_heads and any(
        c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in lex.tooling_kinds
        for c in entity.children
    )


def _machine_sense(noun: Token, lex: Lexicon) -> bool:
    """Is ``noun`` a people noun that names a program or a machine identity here
    (``machine-senses``): a compound of a kind of software before it (``machine-kinds``:
    "the database client", "the service account") or a relative clause of what a program
    does after it (``machine-acts``: "the validator that checks the pushes")? A people
    compound ("customer accounts") or a person's act ("users who read the notice") keeps
    the people. Its compound ("service" in "the service account") names no more."""
    if noun.dep_ == "compound" and noun.head.i != noun.i:
        noun = noun.head
    if noun.lemma_.lower() not in lex.machine_senses:
        return False
    if any(c.dep_ == "compound" and c.lemma_.lower() in lex.machine_kinds for c in noun.children):
        return True
    if _one_program_acting(noun, lex) or _program_at_fault(noun, lex):
        return True
    return any(
        c.dep_ == "relcl"
        and c.lemma_.lower() in lex.machine_acts
        and any(s.dep_ == "nsubj" and s.lower_ in ("that", "which") for s in c.children)
        for c in noun.children
    )


def _program_at_fault(noun: Token, lex: Lexicon) -> bool:
    """Is ``noun`` (a singular of ``program-nouns``) one process with a program's fault
    before it (``program-faults``: "a stuck consumer", "the hung subscriber"), in a
    sentence that names what programs work on (``program-modifiers``, ``program-contexts``:
    "restarted the ledger queue to clear a stuck consumer")? A process in the story of the
    cause; "a consumer could not top up their card" and "some consumers could not pay"
    keep the people."""
    if noun.tag_ != "NN" or noun.lemma_.lower() not in lex.program_nouns:
        return False
    if not any(  # the small model may read "hung" as a name in a compound
        c.dep_ in ("amod", "compound") and c.lower_ in lex.program_faults for c in noun.children
    ):
        return False
    words = lex.program_modifiers | lex.program_contexts
    return any(t.lemma_.lower() in words or t.lower_ in words for t in noun.doc)


def _one_program_acting(noun: Token, lex: Lexicon) -> bool:
    """Is ``noun`` one program doing a program's work: a singular after "the", the subject
    of one of ``machine-acts`` or of a verb joined to one ("the validator loaded the new
    bundle and then rejected every token", "the consumer parsed the event and failed")?
    One named process in the story of the cause, not a population to count; "validators
    were locked out of the portal" keeps the people."""
    if noun.tag_ != "NN" or noun.dep_ != "nsubj":
        return False
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return False
    verb = noun.head
    return any(v.lemma_.lower() in lex.machine_acts for v in (verb, *verb.conjuncts))


def _handled_by_machine(noun: Token, lex: Lexicon) -> bool:
    """Does ``noun`` stand in the relative clause that names a program by what it does
    (:func:`_machine_sense`: "orders" in "validators that check incoming orders")? It is
    what the program handles, not what the incident reached."""
    return any(
        a.dep_ == "relcl"
        and a.head.lemma_.lower() in lex.machine_senses
        and _machine_sense(a.head, lex)
        for a in noun.ancestors
    )


def _tooling_subject(entity: Token, effect: Token | None, lex: Lexicon) -> Token | None:
    """The plural tooling that is the subject of the effect's clause when the entity is
    only where it was ("hosted deploy jobs were stuck in the queue": the jobs, not the
    queue), or None."""
    if effect is None or entity.dep_ != "pobj":
        return None
    verb = verb_above(effect)
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.tag_ not in ("NNS", "NNPS") or not _own_tooling(subj, lex):
        return None
    return subj


def _names_tooling(entity: Token, lex: Lexicon) -> bool:
    """Is ``entity`` a modifier of plural tooling that the claim is really about ("hosted"
    or "build" in "the hosted build pipelines were down")? The message then names the
    pipelines."""
    head = entity.head
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head  # "hosted" on "deploy" in "hosted deploy workflows"
    return (
        entity.dep_ in ("compound", "amod")
        and head.i != entity.i
        and head.tag_ in ("NNS", "NNPS")
        and _own_tooling(head, lex)
    )


def _mistaken_choice(adj: Token, lex: Lexicon) -> bool:
    """Is ``adj`` "the wrong X" as the object of a thing's act ("the release shipped
    images linked against the wrong library", "the ticket listed the incorrect date")? It
    names the mistake that caused the incident, not a state the users met: no people are
    the subject, an object or a ``to``/``for`` of that act ("customers were sent the wrong
    invoice", "the page showed shoppers the wrong price" state harm), and its subject is
    nothing that faces the users ("the storefront showed the wrong balance"); a request or
    a ticket ("the change ticket showed the wrong date") is the team's own."""
    noun = adj.head
    if (
        adj.dep_ != "amod"
        or adj.lower_ not in lex.choice_adjectives
        or noun.dep_ not in ("dobj", "pobj")
        or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
    ):
        return False
    verb = verb_above(noun)
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    staff = subj is not None and subj.dep_ == "nsubj" and _staff(subj, lex)
    if (
        not staff
        and subj is not None
        and ({subj.lemma_.lower(), subj.lower_} & (lex.people | lex.facing))
    ):
        return False  # "the storefront showed the wrong balance": what users read
    if any(_delivered(o, lex) for o in _objects(verb) if o is not noun):
        return False  # "the router sent orders to the wrong depot": misdelivered
    return not any(
        t.lemma_.lower() in lex.people or t.lower_ in lex.people or t.lower_ in _READERS
        for t in verb.subtree
        if not _in_clause_below(t, verb)
        and t.lower_ not in _NO_ONE  # "nobody caught it": no one reached
        and not (
            staff and subj is not None and t.i == subj.i
        )  # "the engineer copied the wrong file": who erred
    )


def _staff(t: Token, lex: Lexicon) -> bool:
    """Is ``t`` one of the responders, the team or a member of staff (``staff-roles``)? As
    the one who picked "the wrong X" they made the mistake; they were not reached by it."""
    return is_responder_or_alerting(t, lex) or t.lemma_.lower() in lex.staff_roles


#: dependencies that open a clause of its own below a verb
_CLAUSES = frozenset({"relcl", "advcl", "acl", "ccomp", "pcomp", "csubj"})


def _in_clause_below(t: Token, verb: Token) -> bool:
    """Does ``t`` stand in a clause of its own under ``verb`` (a relative clause, a comment
    on it, "which says a lot about this team")? Its people are not whom the verb's act
    reached: "the engineer copied the wrong file, which says a lot about the team" names a
    mistake, while "the page showed shoppers the wrong price" names them as reached."""
    return any(a.dep_ in _CLAUSES for a in t.ancestors if a.i != verb.i and verb in a.ancestors)


def _objects(verb: Token) -> Iterator[Token]:
    """The direct objects of ``verb`` and the objects of its prepositions."""
    for c in verb.children:
        if c.dep_ in ("dobj", "dative"):
            yield c
        elif c.dep_ == "prep":
            yield from (g for g in c.children if g.dep_ == "pobj")


def _delivered(obj: Token, lex: Lexicon) -> bool:
    """Is ``obj`` something handed or sent to users (``delivered-nouns``: "orders",
    "parcels")?"""
    return obj.lemma_.lower() in lex.delivered or obj.lower_ in lex.delivered


def _harm_noun(t: Token, lex: Lexicon) -> bool:
    """Does the effect noun ``t`` state harm: not a kind of thing ("the outage runbook"),
    news of it, what the responders looked into, its cause, a teller, a scenario covered,
    the harm ending ("the errors stopped"), the topic of an account to the readers, or
    denied ("raised no error"), or kept out of sight ("the app hid the fault":
    ``concealment-verbs``)?"""
    return not (
        _kind_of_thing(t, lex)
        or _learned_of(t, lex)
        or (t.dep_ == "dobj" and t.head.lemma_.lower() in lex.investigation_verbs)
        or (t.dep_ in ("dobj", "nsubjpass") and t.head.lemma_.lower() in lex.concealment_verbs)
        or _caused(t)
        or _ascribed(t, lex)
        or _teller(t, lex)
        or _covered(t, lex)
        or (t.dep_ in ("nsubj", "nsubjpass") and _ended(t.head, lex))
        or (t.dep_ == "dobj" and t.head.lemma_.lower() in lex.ending_verbs)  # "we resolved
        # the outage at 10:40": the harm ending, told of when
        or _topic_of_account(t, lex)
        or _fault_of(t, lex)
        or _link_loss(t, lex)
        or _handled(t, lex)
        or _spotted_by_responder(t, lex)
        or any(c.dep_ == "det" and c.lower_ == "no" for c in t.children)
        or (t.dep_ == "dobj" and any(c.dep_ == "neg" for c in t.head.children))
    )  # "the task threw no exception", "did not raise an error": an effect denied


def _spotted_by_responder(noun: Token, lex: Lexicon) -> bool:
    """Is the effect noun what a responder saw as one step of a series of steps (the
    object of one of ``perception-verbs`` joined to another verb, whose subject is one of
    the responders or a person's name: "Ravi checked the graphs and saw the error spike",
    "she paged the lead, saw the spike and paused the sender")? How the response went,
    often told to praise it. "Customers saw errors" is harm, and so is a person noticing
    a fault alone ("Nina noticed timeouts on her phone": she may have met it)."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in lex.perception_verbs:
        return False
    if not any(
        v.i != verb.i and v.lemma_.lower() not in lex.perception_verbs for v in verb.conjuncts
    ):
        return False
    while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head  # "he paged the lead and saw the spike": the subject of "paged"
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and (
        _responder(subj) or _a_persons_name(subj, lex) or is_given_name(subj.text, lex.person_names)
    )


def _handled(noun: Token, lex: Lexicon) -> bool:
    """Is the effect noun a modifier of what a step of the response acted on: the object
    of a verb of repair ("the support writer corrected the error page at 11:40",
    ``repair-verbs``), or a message about the harm that a responder received ("Priya got
    the first failure email at 02:15", ``receiving-verbs``, ``message-nouns``)? It names the
    thing repaired or the news of the harm. Not when people are the subject ("customers got
    an error page" is harm)."""
    if noun.dep_ != "compound":
        return False
    head = noun.head
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    verb = head.head
    if head.dep_ != "dobj" or verb.pos_ != "VERB":
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or {subj.lemma_.lower(), subj.lower_} & lex.people:
        return False
    lem = verb.lemma_.lower()
    if lem in lex.repair_verbs:
        return True
    return (
        lem in lex.receiving_verbs
        and head.lemma_.lower() in lex.message_nouns
        and (subj.lower_ in _TEAM or _responder(subj) or _a_person(subj, lex))
    )


def _link_loss(noun: Token, lex: Lexicon) -> bool:
    """Is the effect noun the loss of a link between parts ("the controller faulted on
    comms loss", "a heartbeat loss made the standby take over": ``link-nouns``), not said
    of people ("operators saw connection loss on every screen" is harm)? It tells how the
    fault worked, as a part losing its link does (:func:`_link_lost`)."""
    if noun.lemma_.lower() != "loss" or not any(
        c.dep_ in ("compound", "amod") and c.lemma_.lower() in lex.link_nouns for c in noun.children
    ):
        return False
    verb = verb_above(noun)
    return not any(
        c.dep_ in ("nsubj", "nsubjpass")
        and (c.pos_ == "PRON" or c.lemma_.lower() in lex.people or c.lower_ in lex.people)
        for c in verb.children
    )


def _fault_of(noun: Token, lex: Lexicon) -> bool:
    """Is the effect noun a fault named after who made it ("a case of user error",
    "operator error", "human error")? In the singular, with a people noun or one of
    ``fault-makers`` before it, it names the cause; "user errors spiked" (errors users
    got) stays an effect."""
    if noun.tag_ != "NN" or noun.lemma_.lower() not in lex.fault_nouns:
        return False
    return any(
        c.dep_ in ("compound", "amod")
        and c.i == noun.i - 1
        and (c.lower_ in lex.fault_makers or c.lower_ in lex.people)
        for c in noun.children
    )


def _felled(down: Token) -> bool:
    """Is ``down`` the particle of a verb that put its object down ("operator error took
    the payments API down", "the retry storm brought the portal down", ``_FELLING``),
    said of a subject that is no responder ("we took the API down to patch it", "resolved
    by taking down the database" are steps of the response)?"""
    verb = down.head
    if down.dep_ != "prt" or verb.lemma_.lower() not in _FELLING or verb.tag_ == "VBG":
        return False  # "resolved by taking down Postgres": a step of the response
    if not any(c.dep_ == "dobj" for c in verb.children):
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and not (
        subj.pos_ == "PRON" or subj.lower_ in _TEAM or _responder(subj)
    )


def _down_to(down: Token) -> bool:
    """ "It all came down to a missing index": "come down to" is "amount to", no outage;
    "the crack is, honestly, down to the yard's neglect": "be down to" a thing is
    "be due to" it (a cause or a blame). "Capacity was down to two nodes" keeps its number
    and is no cause."""
    doc = down.doc
    if down.i + 1 >= len(doc) or doc[down.i + 1].lower_ != "to":
        return False
    head = down.head.lemma_.lower()
    if head == "come":
        return True
    obj = next((c for c in doc[down.i + 1].children if c.dep_ == "pobj"), None)
    return (
        head == "be"
        and obj is not None
        and obj.pos_ in ("NOUN", "PROPN")
        and not any(t.like_num for t in obj.subtree)
    )


def _in_idioms(toks: Sequence[Token], text: str, lex: Lexicon) -> set[int]:
    """The indices of the tokens inside a fixed phrase (``idioms``: "on the record")."""
    if not toks:
        return set()
    spans = [m.span() for m in lex.idioms.finditer(text)]
    if not spans:
        return set()
    base = toks[0].idx
    return {t.i for t in toks if any(a <= t.idx - base < b for a, b in spans)}


#: people words that are a whole group by themselves
_EVERYONE = frozenset({"everyone", "everybody"})


def _fell_back(toks: Sequence[Token], lex: Lexicon) -> bool:
    """Is the sentence a whole group moving to a fallback ("All depots switched to manual
    dispatch during the outage", "everyone went back to paper forms until the system
    recovered")? Its main verb is a verb of moving (``fallback-verbs``) with "to" after it
    (or after "back"), its subject a whole: a step of the response, not harm."""
    root = next((t for t in toks if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_.lower() not in lex.fallback_verbs:
        return False
    kids = [*root.children, *(g for c in root.children if c.lower_ == "back" for g in c.children)]
    if not any(c.dep_ == "prep" and c.lower_ == "to" for c in kids):
        return False
    return any(
        c.dep_ == "nsubj"
        and (
            c.lower_ in _EVERYONE
            or any(d.dep_ in ("det", "predet") and d.lower_ in _WHOLE for d in c.children)
        )
        for c in root.children
    )


#: determiners that point at the text itself ("this note", "this post")
_POINTING = frozenset({"this", "these"})


def _about_the_writeup(toks: Sequence[Token], lex: Lexicon) -> bool:
    """Is the subject of the sentence's main verb the write-up itself, pointed at ("Hello
    everyone, this note explains the slowdown many of you noticed"), or is the sentence a
    greeting or a thanks ("Thanks to everyone who wrote in about the outage")? It says
    what the document is about or whom it thanks; the impact is stated elsewhere in it."""
    if any(t.dep_ == "ROOT" and t.lemma_.lower() in lex.greetings for t in toks):
        return True  # "Thanks to everyone who wrote in about the outage": a thanks
    return any(
        t.dep_ == "nsubj"
        and t.head.dep_ == "ROOT"
        and (t.lemma_.lower() in lex.writeup_nouns or _hyphened_word(t) in lex.writeup_nouns)
        and (
            any(c.dep_ == "det" and c.lower_ in _POINTING for c in t.children)
            or _map_of_contents(t.head, lex)
        )
        for t in toks
    )


def _map_of_contents(verb: Token, lex: Lexicon) -> bool:
    """Is ``verb``, said of the write-up, one of what a document holds (``contents-verbs``:
    "The report sets out the cause, its impact on customers and the fixes") with no clause
    of its own ("the vendor's report says customers lost data")?"""
    lem = verb.lemma_.lower()
    prt = next((c.lower_ for c in verb.children if c.dep_ in ("prt", "prep")), None)
    if lem not in lex.contents_verbs and f"{lem} {prt}" not in lex.contents_verbs:
        return False
    return not any(c.dep_ in ("ccomp", "conj") for c in verb.children)


#: prepositions that name the topic of an account ("the write-up of", "our notes on")
_TOPIC = frozenset({"of", "for", "on", "about", "behind", "into", "through"})
#: the writers, as the subject of a verb of telling
_WRITERS = frozenset({"we", "i"})


def _topic_of_account(noun: Token, lex: Lexicon) -> bool:
    """Is the effect noun the topic of an account given to the readers ("here is the
    write-up of Tuesday's upload outage", "a clearer picture of the billing disruption",
    "we want to walk you through the payment failures")? It is what is told, after a noun
    of an account (``account-nouns``), or the object of a verb of telling
    (``telling-verbs``) whose subject is the writers or that addresses the readers; the
    sentence states no harm of its own."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in _TOPIC:
        head = head.head
    elif noun.dep_ != "dobj":
        return False
    if head.pos_ in ("NOUN", "PROPN"):
        return noun.dep_ == "pobj" and _hyphened_word(head) in lex.account_nouns
    if head.lemma_.lower() not in lex.telling_verbs:
        return False
    return any(
        (c.dep_ == "nsubj" and c.lower_ in _WRITERS)
        or (c.dep_ in ("dative", "dobj") and c.lower_ == "you")
        or (c.dep_ == "prep" and any(g.lower_ == "you" for g in c.children))
        for c in (*head.children, *(head.head.children if head.dep_ == "xcomp" else ()))
    )


def _hyphened_word(tok: Token) -> str:
    """The lower-cased word ``tok`` ends, with the parts the tokenizer split off at its
    hyphens ("write-up" from the token "up")."""
    doc, i, word = tok.doc, tok.i, tok.lower_
    while i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_:
        if doc[i - 2].whitespace_:
            break
        word = f"{doc[i - 2].lower_}-{word}"
        i -= 2
    return word


#: determiners of a whole: an effect word on a noun they determine names the set
_WHOLE = frozenset({"every", "all", "each"})


def _totalled(effect: Token) -> bool:
    """Is the effect word a modifier of a noun determined as a whole ("Every delayed
    invoice was sent once the queue drained", "all stuck orders were replayed")? The
    sentence tells what became of the whole set (its total is "every"), not the harm;
    "every checkout failed" says the effect of its own."""
    if effect.dep_ != "amod":
        return False
    noun = effect.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":  # "all of the delayed invoices",
        noun = noun.head.head  # "every one of the stuck orders"
        if noun.lower_ in _WHOLE:
            return True
    return any(c.dep_ in ("det", "predet") and c.lower_ in _WHOLE for c in noun.children)


def _kind_of_thing(noun: Token, lex: Lexicon) -> bool:
    """Is the effect noun a modifier that names a kind of thing ("the paper downtime
    procedures", "the outage runbook", "the timeout value")? Not when what the compound
    names is an entity, an effect or money ("error pages", "login failures", "a higher
    error tracking bill")."""
    if noun.dep_ != "compound" or noun.head.pos_ not in ("NOUN", "PROPN"):
        return False
    head = noun.head
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head  # "error tracking bill": the bill
    forms = {head.lemma_.lower(), head.lower_}
    return not (_is_effect_noun(head, lex) or _names_entity(head, lex) or forms & lex.facing) and (
        head.pos_ in ("NOUN", "PROPN") and not forms & lex.money
    )


def _by_mechanism(verb: Token, lex: Lexicon) -> bool:
    """Is the action's subject a part of the mechanism (``mechanism-objects``: "the
    migration held a lock that blocked new orders from being saved")? The sentence
    tells how the fault worked."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lower_ in ("that", "which") and verb.dep_ == "relcl":
        subj = verb.head
    return subj is not None and subj.lemma_.lower() in lex.mechanism_objects


def _missed(verb: Token, lex: Lexicon) -> bool:
    """ "The release engineers failed to spot the regression", "the vendor failed to renew
    the certificate": failing to do the work of catching the fault or upkeep owed
    (:func:`_overlooked`) is an omission, not a failure that harmed."""
    return verb.lemma_.lower() == "fail" and any(
        c.dep_ == "xcomp" and _overlooked(c, lex) for c in verb.children
    )


#: the verbs a request uses of a cache, an index or a lock: it misses or hits it
_MISSING_OR_HITTING = frozenset({"miss", "hit", "bypass", "skip"})


def _mechanism(verb: Token, lex: Lexicon) -> bool:
    """ "each cold request missed the cache": a verb whose object is a part of the mechanism
    (``mechanism-objects``) tells how the fault worked, not what anyone lost. Only a verb
    of missing or hitting such a part ("customers lost their branch" is harm), or a part
    that is no people losing its link (:func:`_link_lost`)."""
    if _link_lost(verb, lex):
        return True
    if verb.lemma_.lower() == "fail" and any(  # "failed to acquire the lock": the mechanism
        c.dep_ == "xcomp" and _mechanism_object(c, lex) for c in verb.children
    ):
        return True
    if verb.lemma_.lower() not in _MISSING_OR_HITTING:
        return False
    return _mechanism_object(verb, lex)


def _mechanism_object(verb: Token, lex: Lexicon) -> bool:
    """Is the object of ``verb`` (or a compound on it) a part of the mechanism?"""
    return any(
        c.dep_ == "dobj" and t.lemma_.lower() in lex.mechanism_objects
        for c in verb.children
        for t in (c, *(g for g in c.children if g.dep_ == "compound"))
    )


def _link_lost(verb: Token, lex: Lexicon) -> bool:
    """ "the PLC gateway lost its link to the controllers", "the replica lost quorum": a
    part of the system, no people, no pronoun and nothing affected as a whole (a claim
    subject: "the app lost its connection" is harm) and no device people use
    (``user-devices``: "the kiosks lost their link" is harm), losing one of ``link-nouns``
    tells how the fault worked; "operators lost their connection to the HMI" is harm."""
    if verb.lemma_.lower() != "lose" or not any(
        c.dep_ == "dobj" and c.lemma_.lower() in lex.link_nouns for c in verb.children
    ):
        return False
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return False
    forms = {subj.lemma_.lower(), subj.lower_}
    # people, what is affected as a whole ("the app lost its connection") and the devices
    # people use ("the kiosks lost their link": nobody could use them) suffer it
    return not (
        subj.pos_ == "PRON"
        or forms & lex.people
        or forms & lex.claim_subjects
        or forms & lex.user_devices
    )


def _source(adj: Token, lex: Lexicon) -> bool:
    """Is the effect adjective on the source something was made from ("the validation set
    was built from a broken snapshot", ``making-verbs``)? It tells where the fault came
    from, not harm."""
    noun = adj.head
    if adj.dep_ != "amod" or noun.dep_ != "pobj" or noun.head.lower_ != "from":
        return False
    return noun.head.head.lemma_.lower() in lex.making_verbs


def _watcher_missed(tok: Token, lex: Lexicon) -> bool:
    """Is ``tok`` a safeguard (a test, a check, a monitor: ``coverage-subjects``,
    ``detection-nouns``, or a compound of one: "the loader's self-test") as the subject of
    a verb of catching the fault ("could not catch this", "did not detect the bad
    encoding")? It missed the fault; it is not what the incident reached."""
    if tok.dep_ != "nsubj" or tok.head.lemma_.lower() not in lex.oversight_verbs:
        return False
    watchers = lex.coverage_subjects | lex.detection_nouns
    return tok.lemma_.lower() in watchers


def _ended(verb: Token, lex: Lexicon) -> bool:
    """Is ``verb`` the harm ending ("the errors stopped", "Farid halted the canary and the
    duplicate charges ceased")? An ending verb with no object whose subject is an effect
    noun, or that comes with a responder's step of mitigation (``mitigation-verbs``) and
    is said of no thing of the users ("we paused the rollout, but payments stopped" is
    harm)."""
    if verb.lemma_.lower() not in lex.ending_verbs or any(c.dep_ == "dobj" for c in verb.children):
        return False
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and (
        _is_effect_noun(subj, lex)
        or any(c.dep_ == "amod" and c.lower_ in lex.effect_adjectives for c in subj.children)
    ):
        return True  # "the errors stopped", "the duplicate emails stopped": the harm itself
    if subj is not None and _reaches_users(subj, lex):
        return False  # "Ilse paused the rollout, but payments stopped": the harm itself
    linked = [c for c in verb.children if c.dep_ in ("conj", "advcl")]
    if verb.dep_ in ("conj", "advcl"):
        linked.append(verb.head)
    return any(_mitigates(v, lex) for v in linked)


def _mitigates(verb: Token, lex: Lexicon) -> bool:
    """Is ``verb`` a step of mitigation taken by a responder ("Farid paused the rollout",
    "we rolled back the release", "the on-call engineer drained the node")?"""
    lem = verb.lemma_.lower()
    prt = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    if lem not in lex.mitigation_verbs and f"{lem} {prt}" not in lex.mitigation_verbs:
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and (subj.lower_ in _TEAM or _responder(subj) or _a_person(subj, lex))


def _teller(noun: Token, lex: Lexicon) -> bool:
    """Is the effect noun part of the name of what tells users something ("The error page
    did not tell users what to do next")? That sentence is about the telling, a gap in
    what a system says to its users, not an amount of harm."""
    tok = noun
    while tok.dep_ in ("compound", "amod") and tok.head.i != tok.i:
        tok = tok.head
    head = tok.head
    return tok.dep_ == "nsubj" and head.lemma_.lower() in lex.communication_verbs


#: wh-words that open an indirect question ("which consumers were stuck")
_WH = frozenset({"which", "what", "whether", "whose", "where"})


def _wondered(effect: Token, lex: Lexicon) -> bool:
    """Is the effect in an indirect question that the responders had to answer ("we had to
    guess which consumers were stuck", "we investigated whether the replicas were
    stale")? The sentence tells the responders' work, not harm that happened. The verb
    above the question is one of looking for the cause or of knowing
    (``investigation-verbs``, ``knowledge-verbs``), its subject (or that of the verb it
    completes) the responders."""
    clause = verb_above(effect)
    if not any(t.lower_ in _WH for t in clause.subtree if t.i < effect.i):
        return False
    verb = clause.head
    lem = verb.lemma_.lower()
    if clause.dep_ != "ccomp" or (
        lem not in lex.investigation_verbs
        and lem not in lex.knowledge_verbs
        and lem not in _LEARNING
    ):
        return False
    while True:
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None:  # "you deserve to hear what went wrong": the readers, told
            # what this write-up is for (blind round 29)
            return subj.lower_ in _TEAM or _responder(subj) or subj.lower_ == "you"
        if verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            return False
        verb = verb.head


def _own_clause(tok: Token) -> bool:
    """Is ``tok`` a clause joined by "and" or "but" with a subject of its own ("..., and
    customers could not pay")? It states something of its own: what the clause it is
    joined to says (a cause, a safeguard's scope) is not said of it."""
    return (
        tok.dep_ == "conj"
        and tok.pos_ in ("VERB", "AUX")
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    )


def _covered(effect: Token, lex: Lexicon) -> bool:
    """Is the effect a scenario that a test or a runbook is said to cover ("The test suite
    did not cover recovery after a worker dies mid-write", "no runbook covered the case where the
    primary dies")? It is what the safeguard was written for, not harm that happened. A
    clause of its own joined to the covering verb is not in its scope."""
    below = effect
    for verb in effect.ancestors:
        if verb.pos_ == "VERB" and verb.lemma_.lower() in lex.coverage_verbs:
            if _own_clause(below):
                return False  # "... did not cover checkout, and customers could not pay"
            return any(
                c.dep_ in ("nsubj", "nsubjpass")
                and (
                    c.lemma_.lower() in lex.coverage_subjects
                    or any(
                        g.lemma_.lower() in lex.coverage_subjects
                        for g in c.children
                        if g.dep_ == "compound"
                    )
                )
                for c in verb.children
            )
        below = verb
    return False


#: verbs of causing: an effect noun as what they bring about is the topic of a cause
_CAUSING = frozenset({"cause", "trigger", "precipitate", "introduce", "create", "drive"})
#: verbs of coming from: "the outage stemmed from ..."
_COMING_FROM = frozenset({"result", "stem", "originate", "arise"})


#: "due to", "because of", "owing to": what follows is a cause
_CAUSE_PREPOSITION = re.compile(r"^(?:due to|because of|owing to|thanks to)$")


def _caused(noun: Token) -> bool:
    """Is the effect noun the subject of a statement of its cause ("The outage was
    precipitated by a rebuild", "the outage stemmed from a stale cache")? That sentence
    says what caused the harm, not whom it reached. So does one that is the cause itself
    ("caused by human error", "due to a disk failure")."""
    head = noun.head
    lem = head.lemma_.lower()
    if noun.dep_ == "nsubjpass" and lem in _CAUSING:
        return True
    if (
        noun.dep_ == "pobj"
        and (
            (head.lower_ == "by" and head.head.lemma_.lower() in _CAUSING)  # "caused by an error"
            or _CAUSE_PREPOSITION.search(noun.doc[max(0, head.i - 1) : head.i + 1].text.lower())
        )
    ):
        return True  # the effect noun names the cause: "caused by human error", "due to a crash"
    return (
        noun.dep_ == "nsubj"
        # "the outage came from the approval step": said of the incident as told
        and (lem in _COMING_FROM or (lem == "come" and _the_incident(noun)))
        and any(c.dep_ == "prep" and c.lower_ == "from" for c in head.children)
    )


def _failed_over(verb: Token) -> bool:
    """ "clients started failing over to the restored records": failing over (or back) is
    the recovery, not a failure."""
    return verb.lemma_.lower() == "fail" and any(
        c.lower_ in ("over", "back") and c.dep_ in ("prt", "advmod", "prep") for c in verb.children
    )


#: verbs of learning of something: what they are told about is news of the effect, not it
_LEARNING = frozenset({"learn", "hear", "read"})


def _learned_of(noun: Token, lex: Lexicon) -> bool:
    """Is the effect noun what someone learned or heard about ("I learned about the outage
    from a streamer", "we heard of the errors from a customer"), or the news itself as
    the subject of a verb of finding out in the passive, or its object when the writers,
    the responders or a person named found out or told us (``news-verbs``,
    ``informing-verbs``: "the stall was first discovered through calls to the front
    desk", "we detected the failure from an e-mail", "Priya Nair reports the leak")?
    That tells how the incident was detected, not whom it reached: the callers are the
    route of the news (blind round 29)."""
    prep = noun.head
    lem = prep.lemma_.lower()
    if lem in lex.news_verbs and noun.dep_ == "nsubjpass" and not _seen_by_people(prep, lex):
        return True
    if (lem in lex.news_verbs or lem in lex.informing_verbs) and noun.dep_ == "dobj":
        told = lem in lex.informing_verbs  # "Nova noticed timeouts": she met them
        return any(  # "we discovered the stall": not "shoppers discovered errors"
            c.dep_ == "nsubj"
            and (c.lower_ in ("we", "i") or _responder(c) or (told and _a_persons_name(c, lex)))
            for c in prep.children
        )
    return (
        noun.dep_ == "pobj"
        and prep.lower_ in ("about", "of")
        and prep.head.lemma_.lower() in _LEARNING
    )


def _a_persons_name(subj: Token, lex: Lexicon) -> bool:
    """Is ``subj`` a person's name ("Priya Nair", "Sam": a proper noun in title case, with
    only proper nouns before it, and no people noun)? One person who told us, not a party
    reached."""
    return (
        subj.pos_ == "PROPN"
        and subj.is_alpha
        and subj.text.istitle()  # not a code or an acronym the tagger calls a name
        and subj.lemma_.lower() not in lex.people
        and all(c.pos_ == "PROPN" for c in subj.children if c.dep_ == "compound")
        and not any(c.dep_ in ("det", "amod", "nummod") for c in subj.children)
    )


def _seen_by_people(verb: Token, lex: Lexicon) -> bool:
    """Has the passive ``verb`` people as its agent ("the slowdown was noticed by many
    players")? Those who noticed it met it: harm, not news."""
    return any(
        g.lemma_.lower() in lex.people or g.lower_ in lex.people
        for c in verb.children
        if c.dep_ == "agent"
        for g in c.children
        if g.dep_ == "pobj"
    )


def _ascribed(noun: Token, lex: Lexicon) -> bool:
    """Is the effect noun what a cause is put down to, or what someone is (not) blamed for
    (``attribution-verbs``: "the failure is attributed to the rota design", "the delay was
    traced to a stale token", "we do not blame any crew for the stall")? A sentence of
    cause or blame, not of whom the harm reached (blind round 29)."""
    head = noun.head
    if noun.dep_ == "nsubjpass":
        return head.lemma_.lower() in lex.attribution_verbs
    return (
        noun.dep_ == "pobj"
        and head.lower_ == "for"
        and head.head.lemma_.lower() in lex.attribution_verbs
    )


def _responder(subj: Token) -> bool:
    """Is ``subj`` one of the responders ("the engineer", "she", "the on-call", which the
    tokenizer splits as on - call, "the team" or "our team" unqualified: "the team had to
    improvise" is what the response was like, not a team the incident reached)?"""
    if subj.lower_ in _RESPONDERS:
        return True
    doc, i = subj.doc, subj.i
    if subj.lower_ == "team":  # "the team", "our team", "the on-call team"
        on_call = i >= 3 and _responder(doc[i - 1])
        kids = [c for c in subj.children if not (on_call and c.i in (i - 3, i - 1))]
        return any(c.lower_ in ("the", "our") for c in kids) and all(
            c.dep_ in ("det", "poss") for c in kids
        )
    return subj.lower_ == "call" and i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ == "on"


def is_responder_or_alerting(noun: Token, lex: Lexicon) -> bool:
    """Is ``noun`` one of the responders, the team, or the alerting (``detection-nouns``:
    "several monitors reported the outage")? None of them is reached by the incident."""
    lemma = noun.lemma_.lower()
    return (
        _responder(noun) or lemma in _RESPONDERS or lemma in _TEAM or lemma in lex.detection_nouns
    )


def _reaches_users(obj: Token, lex: Lexicon) -> bool:
    """Is the object of an action something users have or reach ("card payments",
    "customer attachments", "client sessions", "the storefront")? Then the action is harm
    done to them, not work done on a system."""
    for t in (obj, *(c for c in obj.children if c.dep_ in ("compound", "poss", "amod"))):
        forms = {t.lemma_.lower(), t.lower_}
        if forms & (lex.people | lex.facing | lex.requests):
            return True
    return False


#: the words that open the other side of a comparison ("cheaper than", "preferable to")
_THAN = frozenset({"than", "to"})


def weighing_clauses(toks: Sequence[Token], lex: Lexicon) -> list[Token]:
    """The clauses of a sentence that weigh one course against another: a word of worth
    (``preference-words``: "cheaper", "safer", "preferable", or "less"/"more" with
    "cost") with "than" or "to", where one side is a course of action told as a gerund
    ("Missing a few hours of rewards costs far less than being slashed", "A short outage
    is cheaper than corrupting the ledger", "losing some rewards is better than a double
    sign"). Such a clause argues a decision; what it sizes is a hypothetical, not the
    incident's impact. A comparison of a measure ("Loading the page took longer than an
    hour") or with the usual ("Sending invoices was worse than usual for many merchants")
    weighs no courses and stays. Each clause is given by its verb; its subtree is what it
    weighs."""
    found: list[Token] = []
    for t in toks:
        low = t.lower_
        if low not in lex.preference_words and not (
            low in ("less", "more") and t.head.lemma_.lower() in lex.preference_words
        ):
            continue
        verb = t.head if t.dep_ in ("acomp", "advmod", "amod", "dobj") else t
        if (verb.pos_ not in ("VERB", "AUX") and verb.dep_ != "ROOT") or verb in found:
            continue  # the small model may tag "costs" a noun, as the root
        others = [
            g
            for p in (*t.children, *verb.children)
            if p.dep_ == "prep" and p.lower_ in _THAN
            for g in p.children
            if g.dep_ in ("pcomp", "pobj")
        ]
        if any(g.lower_ in _BASELINES for g in others):
            continue  # "worse than usual": the incident against a normal day
        if others and any(_a_course(g) for g in (*others, *verb.children) if g.dep_ != "prep"):
            found.append(verb)
    return found


#: what "than" compares the incident with when it sizes it ("worse than usual")
_BASELINES = frozenset({"usual", "normal", "expected", "before", "ever", "planned"})


def _a_course(side: Token) -> bool:
    """Is ``side`` of a comparison a course of action told as a gerund ("being slashed",
    "corrupting the ledger"), or the gerund subject of its clause ("Missing a few hours
    ...")?"""
    if side.dep_ not in ("pcomp", "pobj", "csubj"):
        return False
    return side.tag_ == "VBG" or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBG" for c in side.children
    )


def _without(word: Token) -> bool:
    """Is the effect ``word`` denied by "without" ("the job has run nightly without
    failing", "the import ran without errors", "perform these changes without downtime")?"""
    return word.dep_ in ("pcomp", "pobj") and word.head.lower_ == "without"


def _attack_route(word: Token, lex: Lexicon) -> bool:
    """Is ``word`` a word of exposure (``exposure``: "compromised", "leaked", "exposed")
    qualifying the way an attacker came in or what the attack was sent from: the object
    of a path preposition (``vector-preps``) under a verb of getting in or sending
    (``entry-verbs``: "the invoice arrived from a supplier's compromised mailbox", "the
    attacker got in through a leaked deploy token"), or the object of a verb of exploiting
    (``exploit-verbs``: "exploited an exposed debug endpoint")? It tells the attack
    vector, not harm: "data from compromised accounts was sold" (a noun's preposition)
    and "the attacker downloaded exposed records" stay. A verb of getting in with the
    particle "in" ("the intruders broke in") is the way in too."""
    if word.pos_ == "VERB" and word.lemma_.lower() in lex.entry_verbs:
        return any(c.dep_ == "prt" and c.lower_ == "in" for c in word.children)
    if word.dep_ != "amod" or not {word.lower_, word.lemma_.lower()} & lex.exposure:
        return False
    noun = word.head
    while noun.dep_ == "compound" and noun.head.i != noun.i:
        noun = noun.head  # "a compromised maintainer token", "maintainer" read as its head
    if noun.dep_ == "dobj":
        return noun.head.lemma_.lower() in lex.exploit_verbs
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and prep.lower_ in lex.vector_preps
        and prep.head.pos_ in ("VERB", "AUX")
        and prep.head.lemma_.lower() in lex.entry_verbs
        and not any(c.dep_ == "nsubj" and _person(c, lex) for c in prep.head.children)
    )  # "customers got invoices from a compromised mailbox": what reached them


#: the possessives that make a refused thing the organisation's own ("rejected our uploads")
_OURS = frozenset({"our", "my"})


def _refused_ours(verb: Token, lex: Lexicon) -> bool:
    """Is ``verb`` (``refusal-verbs``) a gatekeeper turning down something of ours: an
    identifier, a certificate, a file we sent ("the card network declined the merchant
    identifier", "the partner's server rejected our uploads")? That tells how the fault
    worked. The refused thing is judged by its own noun and its owner, not by a word that
    qualifies it (a "merchant identifier" is no merchant); refusing people, what users
    have or send ("the gateway rejected card payments", "declined customers' orders",
    "declined customer cards": a plural named after people) or a refusal by people stays
    harm. The small model may read the object as a clause
    ("declined the merchant identifier" with "identifier" a ``ccomp``)."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    obj = next(
        (c for c in verb.children if c.dep_ in ("dobj", "ccomp") and c.pos_ not in ("VERB", "AUX")),
        None,
    )
    if subj is None or obj is None or _person(subj, lex) or subj.lower_ in _TEAM:
        return False
    forms = {obj.lemma_.lower(), obj.lower_}
    if forms & lex.people:
        return False  # "the portal rejected our customers": people turned away
    owners = [c for c in obj.children if c.dep_ == "poss"]
    if any(o.lower_ in _OURS for o in owners):
        return True  # "rejected our requests": what the organisation sent
    if forms & (lex.facing | lex.requests) or any(_person(o, lex) for o in owners):
        return False  # "declined customers' orders"
    # "declined customer cards": many things of the people named before them; "the
    # merchant identifier" is one credential
    return not (
        obj.tag_ in ("NNS", "NNPS")
        and any(c.dep_ == "compound" and _person(c, lex) for c in obj.children)
    )


def _object_is_people(t: Token, lex: Lexicon) -> bool:
    return any(
        c.dep_ == "dobj" and (c.lemma_.lower() in lex.people or c.lower_ in lex.people)
        for c in t.children
    )


def _hyphenated(t: Token) -> bool:
    """Is ``t`` part of a hyphenated word ("empty-results alert", "slow-down")? Then it
    names a kind of thing, not a state of the thing."""
    doc = t.doc
    before = t.i > 0 and doc[t.i - 1].text == "-" and not doc[t.i - 1].whitespace_
    after = t.i + 1 < len(doc) and doc[t.i + 1].text == "-" and not t.whitespace_
    return before or after


def _timed_out(t: Token) -> bool:
    return t.lemma_.lower() == "time" and any(c.lower_ == "out" for c in t.children)


def _quoted(toks: Sequence[Token], text: str) -> set[int]:
    """The indices of the tokens inside quotation marks in the sentence ``text`` (what
    stands between a pair is mentioned, not said); a quotation that ends the sentence is
    open to its end (:data:`pm_lsp.nlp.reported.QUOTED`)."""
    if not toks or ('"' not in text and "“" not in text):
        return set()
    base = toks[0].idx
    spans = [m.span() for m in QUOTED.finditer(text)]
    return {t.i for t in toks if any(a < t.idx - base < b for a, b in spans)}


def verb_above(tok: Token) -> Token:
    """The nearest verb at or above ``tok``, at most four steps up (else where the walk
    stopped): the clause a word of a sentence stands in."""
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok


def _none_of(entity: Token, effect: Token | None) -> bool:
    """ "no external report used the wrong figures": the entity, or the subject of the
    clause the effect stands in, is counted as none, so the sentence says nothing was
    affected. A verb joined to another with no subject of its own ("no invoice was lost,
    leaked or altered") shares the first one's: the walk climbs the conjuncts to it."""
    counted = [entity]
    if effect is not None:
        verb = verb_above(effect)
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        while not subjects and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head  # "... was lost, leaked or altered": the first verb's subject
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        counted += subjects
    return any(c.dep_ == "det" and c.lower_ == "no" for t in counted for c in t.children)


def _watcher_first(toks: Sequence[Token], lex: Lexicon) -> bool:
    """Is the sentence's first subject one of the parts that watch for problems ("The alert
    failed to page anyone")? Then an inability in it is the detection's, not the harm."""
    subj = next((t for t in toks if t.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and subj.lemma_.lower() in lex.detection_nouns


def _away(entity: Token, effect: Token | None, lex: Lexicon) -> bool:
    """Is the effect an absence said of people ("some of our release engineers were
    unavailable")? Then it tells who was away, not whom something failed."""
    if effect is None or effect.lower_ not in lex.absence_words:
        return False
    if not (entity.lemma_.lower() in lex.people or entity.lower_ in lex.people):
        return False
    said_of = entity
    if entity.dep_ == "pobj" and entity.head.lower_ == "of":  # "some of our engineers were"
        said_of = entity.head.head
    return effect.i in (said_of.head.i, *(c.i for c in said_of.head.children))


def _aside(entity: Token, effect: Token | None, lex: Lexicon) -> bool:
    """Is the pair no harm to the entity: people away, none of them, or a doer's conduct
    ("dropped on us by people": blame, not harm)?"""
    return _away(entity, effect, lex) or _none_of(entity, effect) or _conduct(entity, effect, lex)


def _doer(t: Token, lex: Lexicon) -> bool:
    """Does ``t`` name who did something: a people noun, a staff role or a pronoun of an
    unnamed person (``doer-pronouns``: "someone")?"""
    low, lem = t.lower_, t.lemma_.lower()
    return _person(t, lex) or bool({low, lem} & (lex.staff_roles | lex.doer_pronouns))


def _conduct(entity: Token, effect: Token | None, lex: Lexicon) -> bool:
    """Does the pair tell a person's or a team's conduct, not harm: the entity is who did
    the effect ("the whole mess was dropped on us by people who never work a till"), or
    who failed to act (an inability said in a clause of the agent: "pushed by a team that
    couldn't be bothered to test it"); or the effect only says what a change touched, and
    the change is what a person let through ("how a change affecting a critical system
    could be approved by someone with no lab background")? Harm done by a person to
    others ("customers were turned away by staff") names the others, and stays."""
    if entity.dep_ == "pobj" and entity.head.dep_ == "agent" and _doer(entity, lex):
        # "dropped on us by people"; not what was done to the effect ("the outage was felt
        # by customers": those who felt it were reached)
        return effect is None or effect == entity.head.head
    if effect is None:
        return _doers_failing(entity.sent, lex)
    if _deed_named(effect, lex) or _wrong_done(effect, lex):
        return True
    if effect.dep_ != "acl" or effect.head.dep_ != "nsubjpass":
        return False
    if effect.head.lemma_.lower() not in lex.harm_bringers:
        return False
    return any(
        c.dep_ == "agent" and any(_doer(g, lex) for g in c.children if g.dep_ == "pobj")
        for c in effect.head.head.children
    )


def _wrong_done(effect: Token, lex: Lexicon) -> bool:
    """Is the effect a judgment of what someone did (``wrongdoing-words`` on a verb of
    doing, ``deed-verbs``: "nobody on the desk did anything wrong", "the team did nothing
    wrong", "the reviewers did it wrongly")? Conduct, and often the review saying no one is
    to blame; no party was reached. "Something went wrong for riders" is no deed, and
    stays."""
    if effect.lower_ not in lex.wrongdoing_words:
        return False
    verb = effect.head
    if effect.dep_ == "amod" and verb.dep_ == "dobj":  # "did anything wrong"
        verb = verb.head
    elif effect.dep_ not in ("advmod", "acomp", "oprd", "dobj", "ccomp", "xcomp"):
        return False
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in lex.deed_verbs


def _deed_named(effect: Token, lex: Lexicon) -> bool:
    """Is the effect a noun that names a deed with its doer and what they did or did not
    do ("the failure by the billing team to tell the desk ...", "the refusal of the
    contractor to roll back ..."): an infinitive hung on the noun, and a doer after its
    "by" or "of"? That is someone's conduct (blame, the PM1xx rules' business), not harm
    to a party; "the failure of the disk to spin up" (a thing) stays. Nor is the doer
    whom a harm told after it reached (:func:`_may_be_reached`: "the failure of the
    billing engineers to page anyone delayed the refunds": the refunds)."""
    if effect.pos_ != "NOUN" or not any(
        c.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in effect.children
    ):
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("by", "of")
        and any(g.dep_ == "pobj" and _doer(g, lex) for g in c.children)
        for c in effect.children
    )


def _doers_failing(sent: Span, lex: Lexicon) -> bool:
    """Is every negation of the sentence inside a relative clause of a passive's agent
    that names a doer ("rushed out by a contractor who couldn't test it")? Then the
    inability is the doer's conduct; "users could not log in" elsewhere in it stays."""
    negs = [t for t in sent if t.dep_ == "neg"]
    if not negs:
        return False
    inside = {
        t.i
        for a in sent
        if a.dep_ == "pobj" and a.head.dep_ == "agent" and _doer(a, lex)
        for r in a.children
        if r.dep_ == "relcl"
        for t in r.subtree
    }
    return all(t.i in inside for t in negs)


def _entity(
    toks: Sequence[Token], candidates: Sequence[Token], lex: Lexicon, effect: Token | None
) -> Token | None:
    """The affected entity: the effect's subject (an inability's: the sentence's) when it
    names one or is a named system; else the first noun of the sentence naming people or
    something that faces them; else the first noun naming a service, a request or a domain
    unit; else the effect's subject whatever it is ("Video playback was degraded"); else a
    named system that is a subject or an owner; for a word of availability, else the first
    noun. The effect itself ("the outage") is none. What a verb put down is its object
    (:func:`_felled`), never its subject."""
    subject: Token | None = None  # the effect's subject, whatever it names
    if effect is not None and _felled(effect):  # "operator error took the API down"
        return next((c for c in effect.head.children if c.dep_ == "dobj"), None)
    if effect is not None and (lost := _what_we_lost(effect)) is not None:
        return lost  # "we lost heaps of pledges from folks who left": the pledges
    if effect is not None:
        head = effect if effect.pos_ in ("VERB", "AUX") else effect.head
        subjects = [c for c in head.children if c.i != effect.i]
        if effect.dep_ == "dobj" and head.lemma_.lower() not in _BORNE:
            subjects = []  # "the registrar regrets the upheaval this caused": not the registrar
        if effect.dep_ in ("acomp", "xcomp", "attr", "oprd"):  # "exports were missing"
            subjects += list(effect.head.children)
    else:  # an inability: the sentence's subjects ("Your statistics may not display")
        subjects = list(toks)
    for c in subjects:
        if (
            c.dep_ in ("nsubj", "nsubjpass")
            and not c.text.startswith("@")
            and not _bystander(c, lex, effect)
            and not _software_sense(c, lex)
            and not _the_cause_acting(c, effect, lex)
            and not _own_tooling(c, lex)
            and not _a_kind_by_rule(c, lex)
        ):
            if _names_entity(c, lex) or (c.pos_ == "PROPN" and not _a_person(c, lex)):
                return c
            if c.pos_ == "NOUN" and subject is None:
                subject = c
    # ``candidates``: the sentence's nouns and entity words that are no effect nouns, and no
    # responder ("the alert was dropped by the on-call engineer": not whom it reached), nor
    # anyone in a part that no harm reaches (:func:`_bystander`)
    near = _clause_of(effect) if effect is not None else frozenset()
    nouns = [t for t in candidates if _may_be_reached(t, lex, effect, near)]
    for pool in (lex.facing, lex.entities):
        for t in nouns:
            if t.lemma_.lower() in pool or t.lower_ in pool:
                return subject if _names_kind_of(t, subject, lex) else t
    if subject is not None:
        return subject  # "Video playback was degraded"
    for t in nouns:
        if _named_system(t, effect, lex):
            return t
    if effect is not None and _availability(effect, lex):
        # "Refund tooling unavailable": what is unavailable is reached by users, whatever
        # the small model tags it
        before = [t for t in toks[: effect.i] if not t.is_punct and t.pos_ != "DET"]
        if before and _own_tooling(before[0], lex):
            return None  # "the deploy pipeline was down": the team's own tooling
        return nouns[0] if nouns else (before[0] if before else None)
    return None


def _names_kind_of(t: Token, subject: Token | None, lex: Lexicon) -> bool:
    """Is ``t`` a word of a compound name whose head is the effect's own ``subject``
    ("Android app tokens were rejected", "Partner portal uploads kept failing")? It tells
    which kind of thing the subject is; what the effect reached is the subject, and the
    question about its amount names that, never the word that qualifies it."""
    if subject is None or t.dep_ != "compound" or {t.lemma_.lower(), t.lower_} & lex.people:
        return False  # "customer carts were empty": the customers are whom it reached
    head = t.head
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    return head.i == subject.i


def _what_we_lost(effect: Token) -> Token | None:
    """What the writers say they lost ("we lost heaps of pledges from folks who left"): the
    object of the effect verb whose subject is "we" or "I", or what its amount word is of.
    Theirs is the loss; whoever else the sentence names is where it came from."""
    if effect.pos_ != "VERB" or not any(
        c.dep_ == "nsubj" and c.lower_ in ("we", "i") for c in effect.children
    ):
        return None
    obj = next((c for c in effect.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
    if obj is None:
        return None
    of = next((g for c in obj.children if c.lower_ == "of" for g in c.children), None)
    return of if of is not None and of.pos_ == "NOUN" else obj


def _named_system(t: Token, effect: Token | None, lex: Lexicon) -> bool:
    """Is ``t`` a named system that is a subject or an owner: no person, no supplier
    (:func:`_maker_of`)?"""
    return (
        t.pos_ == "PROPN"
        and t.dep_ in ("nsubj", "nsubjpass", "poss")
        and not _a_person(t, lex)
        and not _maker_of(t, effect)
    )


def _maker_of(subj: Token, effect: Token | None) -> bool:
    """Is the named ``subj`` a supplier: the subject of a verb that gave us the thing the
    effect qualifies ("Acme shipped us broken firmware", "Acme sold us faulty disks": the
    object carries the effect word, "us" receives it)? It made or sent the thing; it is no
    system that was affected, and the message must not ask for how long it was. A system
    that served a broken thing to users ("Kestrel served stale prices") is not one."""
    if effect is None or effect.dep_ != "amod" or subj.dep_ != "nsubj":
        return False
    thing, verb = effect.head, subj.head
    to_us = any(
        (c.dep_ == "dative" and c.lower_ == "us")
        or (c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "us" for g in c.children))
        for c in verb.children
    )
    return thing.dep_ == "dobj" and thing.head.i == verb.i and to_us


def _may_be_reached(t: Token, lex: Lexicon, effect: Token | None, near: frozenset[int]) -> bool:
    """May the noun ``t`` be whom or what the ``effect`` reached: not the effect itself, no
    responder, no "nobody", a pronoun for people only in the effect's clause (``near``),
    nobody told or greeted, no qualifier of a thing, no program named like people, and
    not the incident acting on an object (:func:`_entity`)?"""
    return (
        (effect is None or t.i != effect.i)
        and not _responder(t)
        and t.lower_ not in _NO_ONE
        and (t.lower_ not in _PEOPLE_PRONOUNS or t.i in near)
        and not _bystander(t, lex, effect)
        and not _qualifies_thing(t, lex)
        and not _greeted(t, lex)
        and not _software_sense(t, lex)
        and not _the_cause_acting(t, effect, lex)
        and not _one_owner(t)
        and not _named_unit(t)
        and not (t.dep_ == "pobj" and t.head.dep_ == "prep" and _deed_named(t.head.head, lex))
        and not _anyone_set_against(t)
        and not _one_informant(t, effect, lex)
        and not readers_relying(t, lex)
        and not _maker_of_thing(t, effect, lex)
        and not _where_logic_moved(t, lex)
    )


def _where_logic_moved(t: Token, lex: Lexicon) -> bool:
    """Is ``t`` where a thing was moved from or to, by a verb of moving something between
    places (``relocation-verbs``: "shifting the pricing rules from devices to the server",
    "putting the check on the terminals")? The devices are where the logic ran, a step of
    the design told in a lesson or a mechanism; no one was reached there."""
    prep = t.head
    if t.dep_ != "pobj" or prep.lower_ not in _PLACE_PREPS or prep.dep_ != "prep":
        return False
    verb = prep.head
    return (
        verb.pos_ == "VERB"
        and verb.lemma_.lower() in lex.relocation_verbs
        and any(c.dep_ == "dobj" and not _person(c, lex) for c in verb.children)
    )


#: prepositions that name where a thing was moved from or to
_PLACE_PREPS = frozenset({"from", "to", "onto", "into", "on", "off"})


def _maker_of_thing(t: Token, effect: Token | None, lex: Lexicon) -> bool:
    """Is ``t`` who made a thing, named in the agent of a participle of making
    (``entering-verbs``) that qualifies it ("bookings made by guests were never changed; only
    the cached totals were wrong", "forms as filled in by patients")? It says whose the
    thing is; whom the effect reached is the thing or whatever the effect is said of,
    unless the effect stands in that participle's own clause."""
    agent, part = t.head, t.head.head
    if t.dep_ != "pobj" or agent.dep_ != "agent" or part.tag_ != "VBN":
        return False
    if part.lemma_.lower() not in lex.entering_verbs:
        return False  # "timeouts reported by users": those who met them
    if part.dep_ != "acl" and not (part.dep_ == "advcl" and part.head.pos_ == "NOUN"):
        return False  # "as entered by guests" may hang on the noun as a clause
    return effect is None or not part.left_edge.i <= effect.i <= part.right_edge.i


def relying(verb: Token, lex: Lexicon) -> bool:
    """Is ``verb`` a verb of relying or using (``reliance-verbs``) in the present ("many of
    you rely on the checksum step", "most of you use the bulk upload")? It tells why the
    readers care, not what the incident did to them (blind round 29); "many of you relied
    on the export and missed the deadline" is told in the past, and stays."""
    return verb.lemma_.lower() in lex.reliance_verbs and verb.tag_ in ("VBP", "VBZ")


def readers_relying(t: Token, lex: Lexicon) -> bool:
    """Is ``t`` "you", the readers, as the subject (or "of you" in the subject) of a verb of
    relying in the present ("plenty of you lean on the mirror, so here is what broke")?
    Why they read on, not whom the harm reached."""
    if t.lower_ != "you":
        return False
    subj = t.head.head if t.dep_ == "pobj" and t.head.lower_ == "of" else t
    return subj.dep_ == "nsubj" and relying(subj.head, lex)


def _one_informant(t: Token, effect: Token | None, lex: Lexicon) -> bool:
    """Is ``t`` one person (a singular) who told us what the ``effect`` says ("a courier
    tells us the scanners were offline", "one ward clerk said the printer was down"): the
    subject of a verb of telling (``report-verbs``, ``opinion-verbs``) whose reported
    clause holds the effect? A source, not a population to count (blind round 29); many
    who tell of a thing they use ("customers told us the portal was down") are still
    the ones reached."""
    if effect is None or t.dep_ != "nsubj" or t.tag_ != "NN":
        return False
    verb = t.head
    lem = verb.lemma_.lower()
    if lem not in lex.report_verbs and lem not in lex.opinion_verbs:
        return False
    return any(
        c.dep_ == "ccomp" and c.left_edge.i <= effect.i <= c.right_edge.i for c in verb.children
    )


#: the words before a preposition that set its object against what the sentence says
#: ("rather than to any crew", "not from any one person")
_CONTRAST = frozenset({"than", "not", "instead"})


def _anyone_set_against(t: Token) -> bool:
    """Is ``t`` (or the noun it is joined to) "any" party the sentence sets aside: after a
    preposition that "rather than" or "not" sets against the cause ("the delay came from
    the approval step rather than from any person or team")? Nobody in particular, and
    nobody the harm reached (blind round 29). "any customer on the old app" stays."""
    head = t.head if t.dep_ == "conj" else t
    if not any(c.dep_ == "det" and c.lower_ == "any" for c in head.children):
        return False
    if head.dep_ != "pobj":
        return False
    prep = head.head
    if prep.lower_ == "than":
        return True
    return prep.i > 0 and prep.doc[prep.i - 1].lower_ in _CONTRAST


def _named_unit(t: Token) -> bool:
    """Is ``t`` one unit named in a list that sets the scope ("unavailable to all wards,
    the front desk and the pharmacy"): a singular after "the", in a coordination? The list
    names whom it reached; "how many pharmacies" would ask for a count it gives."""
    return (
        t.tag_ == "NN"
        and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
        and (t.dep_ == "conj" or any(c.dep_ == "conj" for c in t.children))
    )


def _one_owner(t: Token) -> bool:
    """Is ``t`` one owner, in the singular, of what it qualifies ("the hospital's health
    record", "the school's grading portal")? It names whose thing was affected, not a
    population to count; owners in the plural ("our customers' orders") may be one."""
    return t.dep_ == "poss" and t.tag_ in ("NN", "NNP")


#: possessive pronouns that make a thing someone's work ("her change", "their PR")
_OWNERS = frozenset({"his", "her", "their", "my", "our", "your"})


def _the_cause_acting(subj: Token, effect: Token | None, lex: Lexicon) -> bool:
    """Is ``subj`` the cause as the subject of an effect verb that has an object: the
    incident itself ("This event affected the billing pipeline", "the incident disrupted
    payments") or someone's work ("Jordan's PR broke the pipeline", "her patch broke
    sign-in")? It is what did the harm; what was affected is the object."""
    if not (
        effect is not None
        and subj.dep_ == "nsubj"
        and subj.head.i == effect.i
        and any(c.dep_ == "dobj" for c in effect.children)
    ):
        return False
    lemma = subj.lemma_.lower()
    return lemma in _INCIDENT or any(
        c.dep_ == "poss" and (c.pos_ == "PROPN" or c.lower_ in _OWNERS) for c in subj.children
    )


#: dependents of a word that stand for the noun they modify: an effect said of a noun
#: ("affected customers", "payments that failed") is in the clause of that noun
_MODIFIERS = frozenset({"amod", "acl", "relcl", "compound", "appos", "nmod"})


def _clause_of(effect: Token) -> frozenset[int]:
    """The indices of the tokens of the clause ``effect`` stands in: the subtree of the
    nearest verb above it (above the noun it modifies, for a modifier), with the subject
    it shares with a verb it is conjoined to. A pronoun for people ("anyone") is whom an
    effect reached only there, never in another clause of the sentence ("the schedule was
    changed without letting anyone know, and the reconciliation stalled")."""
    tok = effect.head if effect.dep_ in _MODIFIERS else effect
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ in ("aux", "auxpass") and tok.head.i != tok.i:
        tok = tok.head
    near = {t.i for t in tok.subtree}
    while tok.dep_ in ("conj", "xcomp") and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in tok.children
    ):
        tok = tok.head
        near.update(
            t.i for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree
        )
    return frozenset(near)


#: prepositions that tie an owner or a place to a thing ("the rate limit on our account",
#: "the config of the consumer"); not "for"/"to", which name whom a thing served
_OWNING = frozenset({"on", "of", "in", "at", "inside", "within", "per"})


def _qualifies_thing(tok: Token, lex: Lexicon) -> bool:
    """Is the noun ``tok`` a qualifier of another noun that names a thing, no entity, no
    effect and no amount ("the consumer config", "the rate limit on our account", "the
    client library")? It names what the thing belongs to, not who was affected."""
    if tok.dep_ == "compound":
        head = tok.head
    elif tok.dep_ == "pobj" and tok.head.lower_ in _OWNING and tok.head.dep_ == "prep":
        head = tok.head.head
    else:
        return False
    if _software_sense(head, lex):
        return True  # "the quota on our partner account": our own account
    return (
        head.pos_ in ("NOUN", "PROPN")
        and not _names_entity(head, lex)
        and head.lower_ not in lex.facing
        and head.lemma_.lower() not in lex.facing
        and not _is_effect_noun(head, lex)
        and not lex.is_amount(head)
        and head.lemma_.lower() not in lex.time
    )


def _software_sense(tok: Token, lex: Lexicon) -> bool:
    """Is ``tok`` a people noun in the singular that names a program after "the" or "our"
    ("the client didn't crash", ``software-senses``) or the company's own thing after
    "our" ("the rate limit on our account", ``own-senses``)?"""
    if tok.tag_ != "NN":
        return False
    low = tok.lower_
    if any(c.dep_ == "poss" and c.lower_ == "our" for c in tok.children):
        return low in lex.own_senses or low in lex.software_senses  # "our account"
    if low not in lex.software_senses:
        return False
    if any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return True
    # the small model may hang "the" on a name before the noun ("the Optical Character
    # Recognition (OCR) reader": "reader" set beside "Recognition", or under it)
    named = tok.head if tok.dep_ == "appos" and tok.head.pos_ == "PROPN" else tok
    first = named.left_edge
    return (
        first.lower_ == "the"
        and first.i < tok.i
        and not any(w.dep_ == "poss" for w in tok.doc[first.i : tok.i])
        and all(w.pos_ == "PROPN" or not w.is_alpha for w in tok.doc[first.i + 1 : tok.i])
    )


def _greeted(tok: Token, lex: Lexicon) -> bool:
    """Is ``tok`` the readers, greeted ("Hello everyone") or said to have noticed what the
    post explains ("the slowdown many of you noticed", "the errors you saw on Monday")?
    They are addressed, not counted."""
    doc, i = tok.doc, tok.i
    if i > 0 and (
        doc[i - 1].lower_ in lex.greetings
        or (i > 1 and doc[i - 1].lower_ == "to" and doc[i - 2].lower_ in lex.greetings)
    ):
        return True  # "Hello everyone, ...", "Thanks to everyone who ...": greeted
    if tok.lower_ != "you":
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        tok = tok.head.head  # "many of you": the quantifier is the subject
    return (tok.dep_ == "nsubj" and tok.head.lemma_.lower() in lex.perception_verbs) or any(
        c.dep_ in ("acl", "relcl") and c.lemma_.lower() in lex.perception_verbs
        for c in tok.children
    )  # the small model may hang "noticed" on "many" itself


def _bystander(tok: Token, lex: Lexicon, effect: Token | None = None) -> bool:
    """Is ``tok`` in a part of the sentence that no harm reaches: who was told something
    (:func:`_told`), what a responder's step of mitigation acted on ("Farid halted the
    canary and the duplicate charges ceased"), or whoever is said in hindsight to have
    been able to see the fault ("Anyone could have spotted that the lookup was stale")?"""
    while tok.dep_ == "compound" and tok.head.i != tok.i:  # "the feature flag"
        tok = tok.head
    head = tok.head
    if tok.dep_ == "dobj" and head.pos_ == "VERB" and _mitigates(head, lex):
        return True
    return _told(tok, lex, effect) or _hindsight(tok, lex) or _watcher_missed(tok, lex)


def _hindsight(tok: Token, lex: Lexicon) -> bool:
    """ "Anyone could have spotted that the lookup was stale", "anybody reading the diff could have
    spotted it": the subject of a verb of noticing or knowing in the modal perfect is a
    verdict on the fault, not someone it reached."""
    verb = tok.head
    if tok.dep_ != "nsubj" or verb.pos_ != "VERB":
        return False
    lem = verb.lemma_.lower()
    if lem not in lex.oversight_verbs and lem not in lex.knowledge_verbs and lem not in _SEEING:
        return False
    kids = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    return "have" in kids and any(k in _COUNTERFACTUAL for k in kids)


#: verbs of seeing, for :func:`_hindsight` (not oversight verbs: "users could not see their
#: balances" is an inability)
_SEEING = frozenset({"see", "tell", "guess", "find", "know"})
#: modals of what might have been
_COUNTERFACTUAL = frozenset({"could", "should", "would", "might", "may", "must"})


def _told(tok: Token, lex: Lexicon, effect: Token | None = None) -> bool:
    """Is ``tok`` (people) who was told, or not told, something ("without telling anyone",
    "nobody was told", "the failure screen did not tell shoppers how to retry")? Who is informed is
    no affected party: the sentence is about the telling (``communication-verbs``). Not
    for an ``effect`` joined to the telling verb, which shares its subject ("users were
    warned too late and lost their drafts": the users lost them)."""
    if not (tok.lemma_.lower() in lex.people or tok.lower_ in lex.people):
        return False
    head = tok.head
    if effect is not None and effect.dep_ == "conj" and effect.head.i == head.i:
        return False
    if tok.dep_ == "pobj" and head.lower_ == "to":  # "explained to customers"
        tok, head = head, head.head
    if (
        tok.dep_ == "dative"
        and head.pos_ == "VERB"
        and any(
            c.dep_ == "dobj" and c.lemma_.lower() in lex.information_nouns for c in head.children
        )
    ):
        return True  # "gave customers no hint"
    return (
        tok.dep_ in ("dobj", "dative", "nsubjpass", "prep")
        and head.pos_ == "VERB"
        and head.lemma_.lower() in lex.communication_verbs
    )


def _a_person(tok: Token, lex: Lexicon) -> bool:
    """A person's given name ("Aiyana noticed it at 10:40"): who acted or noticed, never a
    named system that suffered the effect (software named like people, "Hermes fails to
    relay", is a system: :attr:`Lexicon.person_names`)."""
    return is_given_name(tok.text, lex.person_names)


#: "nobody" is whom an effect reached only as its subject ("nobody could log in"), not as
#: a word elsewhere in the sentence ("nobody bothered to test it", "which helped nobody")
_NO_ONE = frozenset({"nobody", "noone"})


def _is_effect_noun(t: Token, lex: Lexicon) -> bool:
    """An effect noun, also when tagged a proper noun ("Timeouts", whose lemma is itself)."""
    low = t.lower_
    return (
        t.lemma_.lower() in lex.effect_nouns
        or low in lex.effect_nouns
        or (low.endswith("s") and low[:-1] in lex.effect_nouns)
    )


def _names_entity(t: Token, lex: Lexicon) -> bool:
    lem = t.lemma_.lower()
    return lem in lex.entities or t.lower_ in lex.entities
