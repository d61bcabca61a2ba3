"""The judges of the act classes that need no trigger adjective (PM101, PM103, PM104).

A person as the agent of a destructive act ("Lukas deleted the production namespace"),
conduct judged in a negated frame ("did not use a reasonable procedure", "without being
thorough"), a person's verdict held up as the lapse ("deemed good enough by the
developer"), the review named as what failed to catch ("not caught by review"), omission
and inaction framing ("was never tested", "nothing was done for two hours"), fault owned by
a person ("the blame lies with ...") and the inverted conditional ("Had the engineer
escalated earlier, ..."). Each judge reads one parsed sentence through the shared state of
:mod:`pm_lsp.rules.blame.grammar` and checks the grammatical facts that separate the
construction from its look-alikes.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from pm_lsp.rules.blame import specs
from pm_lsp.rules.blame.duties import department_on_duty
from pm_lsp.rules.blame.extract import (
    group_member,
    hyphen_prefix,
    person_name,
    split_handle,
    subject_of,
    uncapitalised_name,
    word_end,
)
from pm_lsp.rules.blame.grammar import (
    _Ctx,
    _denied,
    _hypothetical,
    _in_lex,
    _lemma,
    _negated,
    _past,
    _past_passive,
    _person_subject,
    _purpose,
    _question,
    _quoted,
    _rationale,
    benign_effect,
    modal_word,
    not_asserted,
    opener_end,
    participle_after,
    unreal_condition,
    worse_otherwise,
)
from pm_lsp.rules.blame.lexicon import FIRST_PERSON, BlameLexicon
from pm_lsp.rules.spec import Edit, Fix

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.tokens import Span, Token

    from pm_lsp.nlp.patterns import GatedSearch


def destructive(ctx: _Ctx, verb: Token) -> None:
    """A person as the agent of a destructive or irreversible act (PM101): "Lukas deleted
    the production namespace", "the new hire accidentally dropped the index".

    "We"/"I" count only with an accident adverb ("we accidentally wiped"): a team narrating
    its own clean-up is not naming a culprit. The act is clean when it is explained (a
    purpose clause, "because", "as the policy requires"), undone in the same sentence ("...
    and restored it") or aimed at something disposable ("the stale pods"). Told in the
    passive, the person is its "by" agent ("the table was dropped by Ahmad")."""
    lex = ctx.lex
    # the verb's children are read only when the sentence holds an accident adverb or an
    # "instead" (asked of its words once, not of each verb)
    accident = (not ctx.lowers.isdisjoint(lex.accident_adverbs) or "instead" in ctx.lowers) and (
        any(c.lower_ in lex.accident_adverbs for c in verb.children) or _instead(verb)
    )
    passive = verb.tag_ == "VBN" and _past_passive(verb)
    faulted = passive and _faulted_manner(ctx, verb)
    if not (_in_lex(verb, lex.destructive_verbs, lex) or accident or faulted):
        return
    if not (_past(verb) or passive):
        return
    prefix = hyphen_prefix(verb)
    if prefix is not None and (
        _in_lex(verb, lex.destructive_verbs, lex)
        or f"{prefix.lower_}-{_lemma(verb, lex)}" in lex.destructive_verbs
    ):
        return  # "force-pushed", "mass-deleted": judged by :func:`.hyphenated.act`
    if verb.lemma_.lower() in ("discover", "find", "notice", "learn", "fix"):
        return  # "we accidentally found the bug": a lucky find, not a harmful act
    if verb.dep_ in ("relcl", "amod", "acl", "aux", "auxpass", "pcomp") or _question(ctx):
        return
    if _negated(verb) or _hypothetical(verb) or unreal_condition(verb):
        return  # "had Ravi truncated the table, ...": an act not done
    if _rationale(verb, lex, ctx.stext):
        return
    if any(m.start() <= verb.idx < m.end() for m in lex.animated_search.finditer(ctx.stext)):
        return  # "dropped the ball": an idiom of failing, the idiom's own finding (PM106)
    got = _person_subject(ctx, verb)
    if got is None or got[0].dep_ != "nsubj":
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None and (accident or faulted or not _explained_act(verb, lex)):
            _agent_person(ctx, agent)  # "the table was dropped by Ahmad"
        return
    if faulted and not accident and not _in_lex(verb, lex.destructive_verbs, lex):
        return  # the manner of fault is read on a passive's "by" agent only
    subj, who = got
    if subj.lower_ in ("we", "i", "us") or not _listed_agent(subj, lex):
        return  # a first-person account owns the act; it names no culprit
    if not accident and _explained_act(verb, lex):
        return
    ctx.add(
        specs.person_as_cause.code,
        ctx.off(subj.left_edge),
        ctx.end(verb),
        "person-as-cause",
        person=True,
        who=who,
        verb=verb.text,
    )


def _faulted_manner(ctx: _Ctx, verb: Token) -> bool:
    """A passive act told with a manner of fault (bl43 class 3): "the promo limit was set
    incorrectly by the campaign team", "the rates were keyed in wrong by the contractor".
    Its "by" agent, when a person or a team, is then named as the cause, as an accident
    adverb names it; "configured by the platform team" (no fault) and "configured
    incorrectly by the installer" (a tool, :func:`_agent_person` finds no person) are
    clean."""
    manners = ctx.lex.fault_manners
    if ctx.lowers.isdisjoint(manners):
        return False
    return any(
        c.lower_ in manners and c.dep_ in ("advmod", "acomp", "oprd") for c in verb.children
    ) or any(  # "keyed in wrong": the manner after the particle
        c.dep_ in ("prt", "prep") and any(g.lower_ in manners for g in c.children)
        for c in verb.children
    )


def _listed_agent(subj: Token, lex: BlameLexicon) -> bool:
    """The agent of a destructive act is named by a listed given name, an @handle, a role
    noun or a third-person pronoun (what the prefilter's agent cue can see without a parse;
    a name only the entity recogniser knows is not enough here)."""
    people = [subj, *(c for c in subj.children if c.dep_ in ("conj", "compound"))]
    member = group_member(subj)
    if member is not None:
        people.append(member)
    for t in people:
        hyphen = t.doc[t.i : t.i + 3].text.lower() if t.i + 2 < len(t.doc) else ""
        if (
            lex.given_name(t.text)
            or uncapitalised_name(t, lex)
            or t.text.startswith("@")
            or split_handle(t) is not None
            or t.text.endswith("@")
            or t.lower_.rstrip(".") in lex.roles
            or t.lemma_.lower() in lex.roles
            or hyphen in lex.roles
            or (t.lower_ in lex.pronouns and t.lower_ not in ("we", "i", "us"))
        ):
            return True
    return False


def _instead(verb: Token) -> bool:
    """ "restarted the primary instead of the replica": the wrong target, an act gone wrong
    (unless explained: "..., as the runbook says")."""
    return any(_instead_of(c) for c in verb.children) and not any(
        c.dep_ == "advcl" or c.lower_ == "as" for c in verb.children
    )


def _instead_of(tok: Token) -> bool:
    """ "instead of <the right target>": a bare "instead" ("the outage was reported by the
    dispatchers instead", that is, rather than by the monitoring) names no wrong target."""
    doc = tok.doc
    return tok.lower_ == "instead" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "of"


def _counted(obj: Token) -> Token:
    """What an amount counts: "80 GB of old heap dumps", "all of the stale pods", "two of
    the test volumes" name the things after "of"; any other object is itself."""
    if not (obj.pos_ in ("NUM", "DET", "PRON") or any(g.dep_ == "nummod" for g in obj.children)):
        return obj
    of = next((g for g in obj.children if g.dep_ == "prep" and g.lower_ == "of"), None)
    inner = None if of is None else next((g for g in of.children if g.dep_ == "pobj"), None)
    return obj if inner is None else inner


def _worker_kind(verb: Token, lex: BlameLexicon) -> bool:
    """ "Removed by human moderators": a kind of worker (``worker-kinds``, the hand set
    against the machine), a bare plural, as the "by" agent of an act such a worker does as
    its job (``worker-kind-acts``) tells how the work was done, not who caused a harm. One
    of them ("by a human operator", "by the human reviewers on shift") is picked out."""
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    if by is None or not _in_lex(verb, lex.worker_kind_acts, lex):
        return False
    pobj = next((g for g in by.children if g.dep_ == "pobj"), None)
    if pobj is None or pobj.tag_ != "NNS":
        return False
    kinds = [g for g in pobj.children if g.dep_ == "amod" and g.lower_ in lex.worker_kinds]
    return bool(kinds) and not any(g.dep_ in ("det", "poss") for g in pobj.children)


def _explained_act(verb: Token, lex: BlameLexicon) -> bool:
    """A purpose clause ("to free capacity"), a restoring verb joined to it ("and restored
    it"), a disposable object ("the stale pods", "the test volume", "the build cache"), or
    a kind of worker doing its job ("removed by human moderators")."""
    if _purpose(verb, lex) or _worker_kind(verb, lex):
        return True
    for c in verb.children:
        if c.dep_ == "conj" and c.lemma_.lower() in lex.restore_verbs:
            return True
        if c.dep_ not in ("dobj", "nsubjpass"):  # what the act was done to, told either way
            continue
        c = _counted(c)
        if c.tag_ == "CD" and any(t.lower_ in lex.disposable for t in c.doc[c.i + 1 : c.i + 4]):
            return True  # "removed 12 expired keys", a count the model takes for the
            # object and its adjective for a verb
        if any(  # "the stale pods", "snapshots older than a week"
            g.lower_ in lex.disposable or g.lemma_.lower() in lex.disposable for g in c.children
        ):
            return True
        if c.lemma_.lower() in lex.disposable_things:
            return True  # "wiped the runner caches": kept to be thrown away and rebuilt
        if any(g.lower_ == "own" for g in c.children):
            return True  # "deleted their own account": the agent's own things
    return False


def conduct(ctx: _Ctx) -> None:
    """A person's conduct judged through a diligence word in a negated frame (PM104): "did
    not use a reasonable procedure", "nor did he adequately test", "was not careful enough",
    "without being thorough", "failed to exercise reasonable care". Affirmed diligence ("we
    were careful to keep the old cluster") and possession ("we did not have adequate
    monitoring": a missing tool) are clean."""
    lex = ctx.lex
    if ctx.lowers.isdisjoint(lex.conduct):
        return
    for tok in ctx.sdoc:
        if tok.lower_ not in lex.conduct or _quoted(ctx, tok):
            continue
        verb = _conduct_verb(tok)
        if verb is None or verb.lemma_.lower() in ("have", "get", "find", "see", "receive"):
            continue
        if not _negated_frame(ctx, verb) or _hypothetical(verb):
            continue
        if _person_act(ctx, verb) is None:
            continue
        ctx.add(specs.judgment.code, ctx.off(tok), ctx.end(tok), "conduct", word=tok.text)
        return


def pace(ctx: _Ctx) -> None:
    """A person judged by how fast they acted (PM104): "the on-call engineer was too slow to
    escalate", "Priya was slow to answer the page", "the DBA was far too late in paging",
    "the vendor was not quick enough to reply" (:func:`_pace_word`). Said of a thing ("the
    database was slow to respond") it is a measurement; said of ourselves ("we were slow to
    update the status page") it is the team's own finding about its response, as the guides
    ask."""
    lex = ctx.lex
    if ctx.lowers.isdisjoint(lex.pace_triggers):
        return  # no word that any of the three forms starts from
    for tok in ctx.sdoc:
        if _paced_act(ctx, tok) or _took_too_long(ctx, tok):
            return
        if tok.dep_ != "acomp" or not _pace_word(tok, lex) or _quoted(ctx, tok):
            continue
        cop = tok.head
        if _rationale(cop, lex, ctx.stext):
            continue  # "slow to answer because the pager was set to an old number"
        act = _paced_clause(tok, cop)
        denied = _negated(cop) != (tok.lower_ in lex.enough_pace_words)
        if act is None or denied or _hypothetical(cop) or _supposing(cop):
            continue
        got = _person_subject(ctx, cop)
        if got is None or _writers(got[0]):
            continue
        # "were slow, to put it kindly": an aside after a comma is no act of theirs; the
        # judgment ends at the adjective
        aside = any(t.is_punct for t in ctx.sdoc[tok.i + 1 : act.left_edge.i])
        prt = next((c for c in act.children if c.dep_ == "prt" and c.i == act.i + 1), act)
        last = tok if aside else word_end(prt)  # "not fast enough to roll back"
        phrase = ctx.words(cop, last)
        ctx.add(specs.judgment.code, ctx.off(cop), ctx.end(last), "pace", phrase=phrase, who=got[1])
        return


def _pace_word(tok: Token, lex: BlameLexicon) -> bool:
    """One of ``pace-words`` ("slow"), one of ``too-pace-words`` under "too" ("far too
    late"), or one of ``enough-pace-words`` with "enough" ("not quick enough"; its denial
    is read by the caller)."""
    low = tok.lower_
    if low in lex.pace_words:
        return True
    if low in lex.too_pace_words:
        return any(c.lower_ == "too" for c in tok.children)
    return low in lex.enough_pace_words and any(c.lower_ == "enough" for c in tok.children)


def _supposing(cop: Token) -> bool:
    """ "If the on-call is too slow to page, the bot escalates": a supposition; "when the
    DBA is too slow to answer, the bot pages the lead": a standing rule (present tense)."""
    present = cop.tag_ in ("VBZ", "VBP")
    return any(
        c.dep_ in ("mark", "advmod")
        and (c.lower_ in _SUPPOSING or (present and c.lower_ in ("when", "whenever")))
        for c in cop.children
    )


def _paced_clause(tok: Token, cop: Token) -> Token | None:
    """The act a pace word is about: "to <act>" hung on the adjective or, as often, on the
    copula; or "in <act>ing" ("too late in paging")."""
    for c in itertools.chain(tok.children, cop.children):
        if c.i < tok.i:
            continue
        if c.dep_ in ("xcomp", "advcl") and any(g.lower_ == "to" for g in c.children):
            return c
        if c.dep_ == "prep" and c.lower_ == "in":
            act = next((g for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
            if act is not None:
                return act
    return None


def _took_too_long(ctx: _Ctx, tok: Token) -> bool:
    """ "Marco took far too long to roll back", "the on-call engineer took too long to
    escalate": the pace judgment told with "take too long to" and a person as subject (not
    "we": the team's own finding; not a thing: "the rollback took too long to complete").
    Reports it; True if so."""
    if tok.lower_ != "long" or tok.dep_ != "advmod":  # before the head is read: every token
        return False
    take = tok.head
    if take.lemma_ != "take":
        return False
    if not any(c.lower_ == "too" for c in tok.children):
        return False
    act = next((c for c in (*take.children, *tok.children) if c.dep_ == "xcomp"), None)
    if act is None or _negated(take) or _hypothetical(take) or _question(ctx):
        return False
    if _rationale(take, ctx.lex, ctx.stext):
        return False  # "took too long to escalate because the pager pointed at an old rota"
    got = _person_subject(ctx, take)
    if got is None or _writers(got[0]):
        return False
    last = word_end(act.right_edge if act.right_edge.dep_ == "prt" else act)
    phrase = ctx.words(take, last)
    ctx.add(specs.judgment.code, ctx.off(take), ctx.end(last), "pace", phrase=phrase, who=got[1])
    return True


def _paced_act(ctx: _Ctx, tok: Token) -> bool:
    """ "Kim's slow response delayed the failover", "because of his slow call": the pace
    judgment told as a person's act named by a noun (``paced-acts``) with its possessor
    (not "our"; not a thing's: "the database's slow response"). Reports it; True if so."""
    lex = ctx.lex
    if tok.lower_ not in lex.paced_act_words or tok.dep_ != "amod":  # before the head is read
        return False
    act = tok.head
    if act.i == tok.i:
        return False
    if act.lemma_.lower() not in lex.paced_acts or _quoted(ctx, tok) or _denied(tok):
        return False
    owner = next((c for c in act.children if c.dep_ == "poss"), None)
    if owner is None or owner.lower_ in FIRST_PERSON or owner.lower_ in ("its", "their"):
        return False
    if owner.lower_ in lex.indefinite or owner.lemma_.lower() in lex.paced_parties:
        return False  # "anyone's slow response", "the vendor's slow response"
    who = person_name(owner, lex)
    # "Omar's slow handover didn't help either": a denied help is harm understated
    litote = act.dep_ == "nsubj" and act.head.lemma_.lower() in lex.litote_verbs
    denied = not_asserted(act, lex) and not (litote and _negated(act.head))
    if who is None or denied or lex.rationale_re.search(ctx.stext, act.idx):
        return False  # "was not delayed by Kim's slow response", "is explained by ..."
    phrase = ctx.words(owner.left_edge, act)
    ctx.add(
        specs.judgment.code, ctx.off(owner.left_edge), ctx.end(act), "pace", phrase=phrase, who=who
    )
    return True


def _writers(subj: Token) -> bool:
    """Is ``subj`` the writers themselves: "we", "our team", or "the team" with no name
    before it ("the DB team" is another team)?"""
    if subj.lower_ in FIRST_PERSON:
        return True
    if subj.lemma_.lower() != "team":
        return False
    return not any(
        c.dep_ in ("compound", "amod", "poss") and c.lower_ != "our" for c in subj.children
    )


def _conduct_verb(tok: Token) -> Token | None:
    """The verb whose act a diligence word qualifies: its head for an adverb or a predicate
    adjective, the verb above the noun it modifies for an adjective ("use a reasonable
    procedure", "act with due care")."""
    if tok.dep_ in ("advmod", "acomp", "oprd"):
        return tok.head
    if tok.dep_ in ("amod", "compound"):
        node = tok.head
        for _ in range(3):
            if node.pos_ in ("VERB", "AUX"):
                return node
            if node.head.i == node.i:
                return None
            node = node.head
    return None


def _negated_frame(ctx: _Ctx, verb: Token) -> bool:
    """The act is denied: a negation on it, "nor" before it, "without" above it, or it is
    what a person "failed/neglected to" do."""
    if _negated(verb) or any(t.lower_ == "nor" for t in ctx.sdoc[max(0, verb.i - 4) : verb.i]):
        return True
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ctx.lex.omission_verbs:
        return True
    node = verb
    for _ in range(3):
        if node.lower_ == "without":
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return node.lower_ == "without"


def _person_act(ctx: _Ctx, verb: Token) -> str | None:
    """Who did ``verb``: its person subject, or the person subject above a "without"
    phrase or a "failed to" ("approved the change without being thorough")."""
    node = verb
    for _ in range(4):
        got = _person_subject(ctx, node)
        if got is not None:
            return got[1]
        agent = _person_agent(ctx, node)
        if agent is not None:
            return agent
        # climb only through the frames that keep the act the same person's
        climb = node.dep_ in ("pcomp", "pobj", "prep") or (
            node.dep_ == "xcomp" and node.head.lemma_.lower() in ctx.lex.omission_verbs
        )
        if not climb or node.head.i == node.i:
            return None
        node = node.head
    return None


def _person_agent(ctx: _Ctx, verb: Token) -> str | None:
    """The person in a passive verb's "by" phrase ("deemed good enough by the developer")."""
    for c in verb.subtree:
        if c.lower_ == "by" and c.dep_ in ("agent", "prep") and c.head.i >= verb.i:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and (who := person_name(obj, ctx.lex)) is not None:
                return who
    split = _split_agent(verb, ctx.lex)
    return None if split is None else person_name(split, ctx.lex)


def _split_agent(verb: Token, lex: BlameLexicon) -> Token | None:
    """The role noun of a "by" agent the small model splits off as a conjunct of the verb
    ("approved by the team lead without a review": "team" the agent, "lead" a conjunct that
    holds the "without"; class 3 of bl28a)."""
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    obj = None if by is None else next((g for g in by.children if g.dep_ == "pobj"), None)
    if obj is None or obj.i + 1 >= obj.sent.end:
        return None
    role = obj.doc[obj.i + 1]
    if role.dep_ != "conj" or role.head.i != verb.i or role.lemma_.lower() not in lex.roles:
        return None
    return role


def without_diligence(ctx: _Ctx, verb: Token) -> None:
    """A person's act done "without review/testing/a second look" (PM104), or with the step
    denied after a comma ("pushed straight to main, not waiting for the review", "approved
    the migration, not reading the diff")."""
    lex = ctx.lex
    words = ctx.lowers  # the sentence's words: neither form below without these
    if "without" not in words and ("not" not in words or words.isdisjoint(lex.diligence)):
        return
    split = _split_agent(verb, lex)
    heads = (verb,) if split is None else (verb, split)
    prep = next(
        (c for h in heads for c in h.children if c.lower_ == "without" and c.dep_ == "prep"), None
    )
    skipped = None if prep is not None else _skipped_after_comma(verb, lex)
    if skipped is not None:
        prep = verb.doc[skipped.i - 1]  # the "not": the finding starts there
    if prep is None or _negated(verb) or _hypothetical(verb) or verb.dep_ == "amod":
        return
    if verb.dep_ == "relcl" and not any(
        c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP$") and c.lower_ != "that"
        for c in verb.children
    ):
        return  # "the deploy that went out without testing" is the change's; "Kim, who ..." hers,
        # and "the agent, which the infra crew rolled out without ..." the crew's
    obj = skipped or next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None)
    obj = obj or _step_after_aside(prep, lex)
    obj = None if obj is None else _step_left(ctx, verb, obj)
    if obj is None:
        return
    if obj.lemma_.lower() == "wait" and (
        not _awaits_check(obj, lex) or _rationale(verb, lex, ctx.stext)
    ):
        return  # "without waiting for head office": initiative; "... for the job to finish";
        # "without waiting for the go-ahead, as the runbook instructs": the rule followed
    if _directed(verb, lex) or _reported_why(verb, lex):
        return  # "the runbook instructed staff to resubmit it without checking": the directive's;
        # "Kim asked why the team keeps merging without review": her question, reported
    if lex.endorsed.search(ctx.stext, prep.idx):
        return  # "..., and that was the right call": the act praised, not judged
    who = _person_subject(ctx, verb)
    asked = _who_asked(ctx, verb)
    unowned = who is None and _person_agent(ctx, verb) is None
    if unowned and not asked and not _nobody_did(ctx, verb, obj):
        return
    if who is not None and who[0].lower_ in ("we", "i"):
        return  # "we only test ... without testing on ...": a first-person process account
    if who is not None and any(
        c.dep_ == "amod" and _lemma(c, lex) in lex.directive_verbs for c in who[0].children
    ):
        return  # the same, when the small model reads "instructed staff" as a noun phrase
    ctx.add(
        specs.judgment.code,
        ctx.off(prep),
        ctx.end(obj.right_edge),
        "conduct",
        word=ctx.words(prep, obj.right_edge),
    )


#: a question labelled as one of a FAQ's ("Q: who approved ...?", "Q1. ...")
_FAQ_LABEL = re.compile(r"\W*Q\d*\s*[:.)]")


def _who_asked(ctx: _Ctx, verb: Token) -> bool:
    """ "Who approves a rollout without reading the test report?" asks only to blame, unless
    it is a FAQ's question that is answered ("Q: ...? A: the change board, on the Monday
    call", bl32). A run of such questions still blames, as before."""
    if not _question(ctx) or (ctx.asking and _FAQ_LABEL.match(ctx.stext)):
        return False
    return any(c.dep_ == "nsubj" and c.lower_ == "who" for c in verb.children)


def _directed(verb: Token, lex: BlameLexicon) -> bool:
    """Is the act done "without" a step one a directive asked for ("told staff to resubmit
    it without checking")? Also when the small model hangs the "without" on the directive
    itself, which has the act as its complement ("the claims desk was expected to re-send
    the batch without a confirmation": the procedure's expectation, bl32)."""
    if verb.dep_ == "xcomp" and _lemma(verb.head, lex) in lex.directive_verbs:
        return True
    if _let_by_thing(verb, lex):
        return True
    return _lemma(verb, lex) in lex.directive_verbs and any(
        c.dep_ == "xcomp" for c in verb.children
    )


def _let_by_thing(verb: Token, lex: BlameLexicon) -> bool:
    """Is the act a bare infinitive that a tool or document let or allowed someone do ("the
    installer lets you pick either node without any check", "the console allowed anyone to
    delete it without approval", which the small model reads as a clausal complement)? The
    missing safeguard is the system's. A person who let someone do it ("Kim let the intern
    push it without review") and reported speech ("told us she deployed without testing")
    do not count."""
    head = verb.head
    if verb.dep_ != "ccomp" or verb.tag_ != "VB" or _lemma(head, lex) not in lex.directive_verbs:
        return False
    subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and subj.pos_ != "PRON" and person_name(subj, lex) is None


def _step_after_aside(prep: Token, lex: BlameLexicon) -> Token | None:
    """The step of a "without" cut off by an aside between commas ("without, so far as the
    notes show, one glance at the load forecast", class 3 of bl28a), which the small model
    leaves with no object: the first diligence word a few words after the aside."""
    doc = prep.doc
    if prep.i + 1 >= prep.sent.end or doc[prep.i + 1].text != ",":
        return None
    close = next((t for t in doc[prep.i + 2 : prep.sent.end] if t.text == ","), None)
    if close is None or close.i - prep.i > 10:
        return None
    if any(
        _lemma(t, lex) in lex.directive_verbs
        and any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in t.children)
        for t in doc[prep.i + 2 : close.i]
    ):
        return None  # "without, as the policy allows for patches, a second review": a rule
        # kept ("as far as we can tell" is a hedge, not a rule)
    return next(
        (
            t
            for t in doc[close.i + 1 : min(close.i + 4, prep.sent.end)]
            if t.lower_ in lex.diligence
        ),
        None,
    )


def _reported_why(verb: Token, lex: BlameLexicon) -> bool:
    """Is ``verb`` inside a question someone is reported to have asked ("Kim asked why the
    team keeps merging without review", "the auditor wondered whether ...")? Its clause, or
    one of the two above it, opens with "why", "whether" or "if" under a verb of saying."""
    node = verb
    for _ in range(3):
        opens = any(c.lower_ in ("why", "whether", "if") for c in node.children)
        if opens and node.head.i != node.i and _lemma(node.head, lex) in lex.reporting_verbs:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _step_left(ctx: _Ctx, verb: Token, obj: Token) -> Token | None:
    """The step the "without" phrase ``obj`` says was left undone, or None: a skipped step
    (:func:`_skipped_step`); the gerund "bothering" with "anyone" as its subject and its
    step ("without anyone bothering to verify the backup": neglect); or a gerund of
    ``unnoticed-verbs`` with "anyone" as its subject, when a person is the act's "by"
    agent ("deployed by Chen without anyone noticing the typo"). "Expired without anyone
    noticing" names no party (a detection gap), and "moved by Ana without anyone noticing
    the switch" or "... any downtime" tells a smooth change (``unnoticed-smooth``): both
    stay clean."""
    lex = ctx.lex
    if obj.lemma_.lower() == "bother" and obj.tag_ == "VBG":
        # with "anyone" as its subject; a party's own "without bothering to" is PM103's
        kids = list(obj.children)
        anyone = any(c.dep_ == "nsubj" and c.lower_ in ("anyone", "anybody") for c in kids)
        return obj if anyone and any(c.dep_ == "xcomp" for c in kids) else None
    if _skipped_step(obj, verb, lex):
        return obj
    step = obj
    if obj.lower_ in ("anyone", "anybody") and obj.dep_ == "pobj":
        # the small model reads "anyone" as the object and the gerund as its modifier
        step = next((c for c in obj.children if c.dep_ == "acl" and c.tag_ == "VBG"), obj)
    elif not any(c.dep_ == "nsubj" and c.lower_ in ("anyone", "anybody") for c in obj.children):
        return None
    if step.tag_ != "VBG" or _question(ctx) or _rationale(verb, lex, ctx.stext):
        return None
    if _skipped_step(step, verb, lex):
        return step if _person_agent(ctx, verb) is not None else None
    if step.lemma_.lower() not in lex.unnoticed_verbs or _person_agent(ctx, verb) is None:
        return None
    what = next((c for c in step.children if c.dep_ == "dobj"), None)
    if what is None or what.lemma_.lower() in lex.unnoticed_smooth:
        return None
    return None if any(c.lower_ in ("any", "a", "an") for c in what.children) else step


def _skipped_step(obj: Token, verb: Token, lex: BlameLexicon) -> bool:
    """The step done "without": a diligence step ("without review") or a word to those it
    touched ("without telling anyone", ``uninformed-verbs``; not supposed under "if")."""
    low = obj.lemma_.lower()
    if low in lex.diligence or obj.lower_ in lex.diligence:
        return True
    if low in lex.trial_steps and (obj.pos_ == "NOUN" or obj.dep_ == "pobj"):
        # "without a dry run", "without the staging test run": a rehearsal of a kind (the
        # small model may tag the object "run" a verb)
        mods = (c for c in obj.children if c.dep_ in ("compound", "amod"))
        return any(m.lower_ in lex.trial_marks for m in mods)
    supposed = any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children)
    return obj.tag_ == "VBG" and low in lex.uninformed_verbs and not supposed


def _nobody_did(ctx: _Ctx, verb: Token, step: Token) -> bool:
    """ "The release was merged without anyone reading the changelog": the step's own
    subject is "anyone", so no one took it (as "nobody read the changelog"). Not asked
    ("Was the bump merged without anyone reading it?"), not a thing's act ("the update bot
    merged the bump without anyone reading its notes"), not explained ("..., because patch
    bumps merge on their own by policy")."""
    if not any(c.dep_ == "nsubj" and c.lower_ in ("anyone", "anybody") for c in step.children):
        return False
    if _question(ctx) or _rationale(verb, ctx.lex, ctx.stext):
        return False
    # a passive, or a change that "went out": not an agent's act ("the bot merged ...")
    return all(c.lemma_.lower() in ctx.lex.work_nouns for c in verb.children if c.dep_ == "nsubj")


def _skipped_after_comma(verb: Token, lex: BlameLexicon) -> Token | None:
    """The diligence step a participle after ", not" denies ("..., not waiting for the
    review"): the participle, hung on ``verb`` with the "not" right before it."""
    doc = verb.doc
    for c in verb.children:
        if (
            c.dep_ != "advcl"
            or c.tag_ != "VBG"
            or c.i < verb.i + 2
            or c.lower_ not in lex.diligence
        ):
            continue
        if doc[c.i - 1].lower_ == "not" and doc[c.i - 2].text == ",":
            return c
    return None


def _awaits_check(wait: Token, lex: BlameLexicon) -> bool:
    """Is the waiting skipped one for a check: for a job to finish ("without waiting for the
    backfill to finish"), or for a check's outcome ("without waiting for the shadow test
    results", "for sign-off", "for approval")? Waiting for someone ("for head office") is
    not: going ahead without them is initiative."""
    if any(t.dep_ == "aux" and t.lower_ == "to" for t in wait.subtree):
        return True
    for prep in wait.children:
        if prep.dep_ != "prep" or prep.lower_ != "for":
            continue
        for obj in prep.children:
            words = [obj, *(c for c in obj.children if c.dep_ in ("compound", "amod"))]
            names = {w.lemma_.lower() for w in words}
            if obj.i >= 2 and obj.doc[obj.i - 1].text == "-":
                names.add(obj.doc[obj.i - 2 : obj.i + 1].text.lower())  # "sign-off" in three
            if obj.dep_ == "pobj" and names & (lex.diligence | lex.awaited_outcomes):
                return True
    return False


def deemed(ctx: _Ctx, verb: Token) -> None:
    """ "The change was deemed good enough by the developer": a person's verdict held up as
    the lapse (PM104)."""
    lex = ctx.lex
    if verb.lemma_.lower() not in lex.deem_verbs or verb.tag_ != "VBN":
        return
    if not any(c.dep_ in ("oprd", "acomp", "xcomp", "ccomp") for c in verb.children):
        return
    if _negated(verb) or _rationale(verb, lex, ctx.stext):
        return
    who = _person_agent(ctx, verb)
    if who is None:
        return
    ctx.add(specs.judgment.code, ctx.off(verb), ctx.end(verb), "deemed", who=who)


def not_caught(ctx: _Ctx, verb: Token) -> None:
    """ "(Obviously) not caught by review", "never caught in code review" (PM103): the review,
    that is its people, named as what failed to catch the fault. Not when the sentence
    gives the reason for the miss ("... because the checklist had no line for it"): the
    miss is then laid on what the reviewers were given, not on them."""
    lex = ctx.lex
    if verb.lemma_.lower() not in lex.catch_verbs or verb.tag_ != "VBN":
        return
    if not _negated(verb) or not any(c.dep_ == "auxpass" for c in verb.children):
        return
    if _rationale(verb, lex, ctx.stext):
        return
    for c in verb.children:
        if c.dep_ not in ("agent", "prep") or c.lower_ not in ("by", "in", "during"):
            continue
        obj = next((g for g in c.children if g.dep_ == "pobj"), None)
        if obj is None:
            continue
        if obj.lemma_.lower() in lex.review_nouns or obj.lower_ in lex.review_nouns:
            ctx.add(
                specs.counterfactual.code,
                ctx.off(verb),
                ctx.end(obj),
                "not-caught",
                phrase=ctx.words(verb, obj),
            )
            return


def never_tested(ctx: _Ctx, verb: Token) -> None:
    """ "Omar's script was never tested" (PM103): an omission pinned on the person whose
    work it was, said with "never". A thing's gap told with no person in it ("the fallback
    had never been tested at this size") is how blameless reviews state a missing check, so
    it stays clean, as does plain negation ("was not load tested before launch")."""
    lex = ctx.lex
    if verb.lemma_.lower() not in lex.untested_verbs or verb.tag_ != "VBN":
        return
    never = verb.doc[verb.i - 2] if _never_modified(verb) else None
    if never is None:
        never = next((c for c in verb.children if c.lower_ == "never"), None)
        if never is None or verb.dep_ in ("relcl", "amod"):
            return
        # its own passive subject, or the one of the passive it is joined to ("was set in
        # 2024 and was never tested")
        shared = verb.dep_ == "conj" and any(c.dep_ == "auxpass" for c in verb.children)
        holder = verb.head if shared else verb
        if not any(c.dep_ == "nsubjpass" for c in holder.children):
            return
    if any(c.dep_ == "agent" for c in verb.children) or _rationale(verb, lex, ctx.stext):
        return
    if not _party_owned(ctx, verb):
        return
    ctx.add(
        specs.counterfactual.code,
        ctx.off(never),
        ctx.end(verb),
        "never-tested",
        phrase=verb.text,
    )


def _party_owned(ctx: _Ctx, verb: Token) -> bool:
    """Whether a person or team owns the thing left untested ("Omar's script", "the
    platform team's change"), read as a possessive before the verb: without one the
    sentence tells a gap in a thing, not a lapse of someone's."""
    for tok in verb.sent:
        if tok.i >= verb.i:
            return False
        if tok.dep_ != "poss" or tok.lower_ in FIRST_PERSON or _quoted(ctx, tok):
            continue
        if person_name(tok, ctx.lex) is not None:
            return True
    return False


def _never_modified(verb: Token) -> bool:
    """ "was never peer reviewed", "were never load tested": a modifier word between "never"
    and the participle, read in word order (the small model parses the phrase apart)."""
    doc, i = verb.doc, verb.i
    return (
        i >= 3
        and doc[i - 2].lower_ == "never"
        and doc[i - 1].pos_ in ("NOUN", "PROPN", "ADV")
        and doc[i - 3].lower_ in ("was", "were")
        and any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in doc[: i - 3])
    )


def inaction(ctx: _Ctx) -> None:
    """ "Nothing was done for two hours", "... and did nothing" (PM103): inaction over time
    pinned on the people present. The active form needs a person as the subject ("the retry
    ran and did nothing" is a mechanism). The phrases that open a sentence ("was nobody
    watching ...?") are read after its opener too ("Honestly, was nobody watching ...?"); such
    a question answered right after it asks (``ctx.asking``)."""
    k = opener_end(ctx.sdoc) if "?" in ctx.stext else 0  # the anchored phrases are questions
    skip = ctx.sdoc[k].idx if 0 < k < len(ctx.sdoc) else 0
    for m0, m in _after_opener(ctx.lex.inaction_search, ctx.stext, skip):
        span = ctx.sdoc.char_span(m0, m0 + len(m.group(0)), alignment_mode="expand")
        if span is None or _quoted(ctx, span[0]):
            continue
        if ctx.asking and m0 == skip and "?" in ctx.stext:
            continue  # "did nobody read the notice? It went to an old alias.": answered, asks
        if ctx.lex.rationale_re.search(ctx.stext[m0 + len(m.group(0)) :]) or re.search(
            r"\b(?:because|since)\b", ctx.stext[m0 + len(m.group(0)) :]
        ):
            continue  # "... for three hours because the pager service was down"
        if any(_beyond_asked(t) for t in span):
            continue  # "nobody did anything the runbook did not ask for": all did as asked
        did = next((t for t in span if t.lemma_ == "do" and t.dep_ != "auxpass"), None)
        if (
            did is not None
            and did.tag_ == "VBD"
            and span[0].lower_ in ("and", "but", "yet")
            and _person_subject(ctx, did) is None
        ):
            continue
        ctx.add(
            specs.counterfactual.code,
            ctx.sent.base + m0,
            ctx.sent.base + m0 + len(m.group(0)),
            "inaction",
            phrase=m.group(0),
        )


def _beyond_asked(thing: Token) -> bool:
    """ "anything the playbook did not call for", "anything that was not in the plan": what
    nobody did is narrowed by a denied relative clause, so the sentence denies only doing
    more than was asked, a double negation that tells of people keeping to the plan."""
    return any(c.dep_ == "relcl" and _negated(c) for c in thing.children)


def _after_opener(
    rx: re.Pattern[str] | GatedSearch, text: str, skip: int
) -> Iterator[tuple[int, re.Match[str]]]:
    """The matches of ``rx`` in ``text`` with where they start, read from the start or, when
    the sentence has an opener ending at ``skip``, from there ("^" then anchors after it)."""
    if not skip:
        yield from ((m.start(), m) for m in rx.finditer(text))
        return
    yield from ((skip + m.start(), m) for m in rx.finditer(text[skip:]))


def delayed_response(ctx: _Ctx, verb: Token) -> None:
    """A signal set against a late start (PM103): "the errors climbed at noon, yet the team
    didn't start looking into it until the evening". The contrast ("yet", "but", "despite",
    "although") holds the delay against what was there to see; a start that is only late
    ("we did not start the migration until Monday") or explained ("because nobody was
    paged") is a fact of the timeline."""
    lex = ctx.lex
    if _lemma(verb, lex) not in lex.start_verbs or not _negated(verb) or _hypothetical(verb):
        return
    work = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    if work is None or _lemma(work, lex) not in lex.investigation_verbs:
        return
    words = {t.lower_ for t in ctx.sdoc}
    if "until" not in words or not words & lex.contrast_marks:
        return
    if _question(ctx) or _rationale(verb, lex, ctx.stext):
        return
    got = _person_subject(ctx, verb)
    if got is None:
        return
    subj, _who = got
    ctx.add_omission(subj.left_edge, work)


def consequence(ctx: _Ctx, verb: Token) -> None:
    """A person's act joined to the harm it caused (PM101): "Jacob restarted the validator
    with the wrong binary, and this caused the chain to halt". The harm verb's subject is
    only "this"/"that", pointing back at the act; the person is the act's subject. A first
    person narrating its own act, a system's act, or a harm verb whose subject is a thing
    ("and the retry caused ...") is left to the other judges. The relative form ("Amara
    tested the flow with live cards, which caused three refunds to fail") hangs the harm on
    what the act touched."""
    lex = ctx.lex
    if verb.dep_ not in ("conj", "relcl", "advcl", "ccomp"):
        return
    if not _in_lex(verb, lex.harm_verbs, lex):
        return
    if _negated(verb) or _hypothetical(verb) or _question(ctx):
        return
    if verb.dep_ == "ccomp":
        _cleft_consequence(ctx, verb)
        return
    if verb.tag_ == "VBG" and verb.dep_ == "advcl":
        _participle_consequence(ctx, verb)
        return
    if not _past(verb):
        return
    back = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    # ", which led to ...": a sentential relative the small model hangs on the act itself
    act = verb.head if verb.dep_ != "relcl" else _acted_on(verb.head)
    pointers = ("this", "that") if verb.dep_ == "conj" else ("which",)
    if back is None or back.lower_ not in pointers or act is None or not _past(act):
        return
    if verb.dep_ != "conj" and (back.i == 0 or ctx.sdoc[back.i - 1].text != ","):
        return  # "reverted the change which caused the outage": which change, not a result
    if _lemma(act, lex) in lex.meeting_verbs:
        return  # "noticed the retry storm, which caused ...": the act met the harm
    # "rotated the key to close the leak, and this broke ...": a given reason keeps it clean
    _act_caused_harm(ctx, act, verb, back.idx)


def _cleft_consequence(ctx: _Ctx, verb: Token) -> None:
    """ "Dave installed the certificate on the wrong server, and that is what caused the
    outage": the harm told in a cleft ("that is what caused"), its pointer joined to the
    person's act. The relative form too: "Nell rebooted both routers at once, which is what
    took the office offline" (the model hangs "is" on the act, as an adverbial clause, or on
    the last noun before it, as a relative one)."""
    cop = verb.head
    what = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    back = next((c for c in cop.children if c.dep_ == "nsubj"), None)
    if what is None or what.lower_ != "what" or cop.lemma_ != "be" or back is None:
        return
    if not _past(verb):
        return
    if cop.dep_ == "conj" and back.lower_ in ("this", "that"):
        act: Token | None = cop.head
    elif cop.dep_ in ("advcl", "relcl") and back.lower_ == "which" and back.i > 0:
        # "which is what" points back at the whole clause, with or without its comma (a
        # dictated note drops it): no single thing before it "is what" did the harm
        act = cop.head if cop.dep_ == "advcl" else _acted_on(cop.head)
    else:
        return
    if act is None or not _past(act) or _lemma(act, ctx.lex) in ctx.lex.meeting_verbs:
        return
    _act_caused_harm(ctx, act, verb, back.idx)


def _participle_consequence(ctx: _Ctx, verb: Token) -> None:
    """ "Dmitri restarted the primary during peak traffic, causing a failover storm": the
    harm as a participle after a comma, its subject the act's person."""
    lex = ctx.lex
    act = verb.head
    if verb.i == 0 or ctx.sdoc[verb.i - 1].text != "," or act.i > verb.i or not _past(act):
        return
    if _lemma(act, lex) in lex.meeting_verbs:
        return
    # "drained the node to free capacity, causing a pause": a given reason keeps it clean
    _act_caused_harm(ctx, act, verb, verb.idx)


def _act_caused_harm(ctx: _Ctx, act: Token, verb: Token, before: int) -> None:
    """PM101 on a person's ``act`` followed by the harm ``verb`` names (", and this
    caused", ", causing"): when the act's subject is a listed third-person agent and the
    text before ``before`` gives no rationale and the act no purpose."""
    lex = ctx.lex
    if benign_effect(verb, lex):
        return  # "Tove bounced the pods, which is what set off the recovery"
    got = _person_subject(ctx, act)
    if got is None or got[0].dep_ != "nsubj" or not _listed_agent(got[0], lex):
        return
    subj, who = got
    if subj.lower_ in ("we", "i", "us") or _rationale(act, lex, ctx.stext[:before]):
        return
    if _purpose(act, lex):
        return
    ctx.add(
        specs.person_as_cause.code,
        ctx.off(subj.left_edge),
        ctx.end(verb),
        "person-as-cause",
        person=True,
        who=who,
        verb=verb.text,
    )


def _acted_on(obj: Token) -> Token | None:
    """The verb whose object (directly or through a preposition) ``obj`` is: "tested the
    flow with live cards" -> "tested" for "cards", "ran the import without telling anyone"
    -> "ran" for "anyone" (past the gerund after the preposition)."""
    node = obj
    for _ in range(5):
        if node.dep_ not in ("dobj", "pobj", "prep", "pcomp"):
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX") and not (node.dep_ == "pcomp" and node.tag_ == "VBG"):
            return node  # past a gerund after a preposition: "ran it without telling anyone"
    return None


def credential_lapse(ctx: _Ctx, verb: Token) -> None:
    """A person who mishandled a secret (PM101): "the maintainer had reused their password on
    other sites", "Kenji committed the signing key to the public repository". The act is a
    lapse only with a credential as what was handled (close after the verb: the small model
    often tags "token" as a verb), a listed agent (a first-person account names no culprit),
    and nothing that explains or denies it."""
    lex = ctx.lex
    if not _in_lex(verb, lex.credential_lapse_verbs, lex):
        return  # asked first, of every verb; the passive test reads the verb's children
    passive = _past_passive(verb)
    if not (_past(verb) or passive):
        return
    if verb.dep_ in ("relcl", "amod", "acl", "aux", "pcomp") or _question(ctx):
        return
    if _negated(verb) or _hypothetical(verb) or _rationale(verb, lex, ctx.stext):
        return
    if passive:
        _passive_secret(ctx, verb)
        return
    near = ctx.sdoc[verb.i + 1 : verb.i + 6]
    secret = next((t for t in near if t.lemma_.lower() in lex.credential_nouns), None)
    if secret is None or any(t.dep_ == "punct" and t.i < secret.i for t in near):
        return
    got = _person_subject(ctx, verb)
    if got is None or got[0].dep_ != "nsubj" or not _listed_agent(got[0], lex):
        return
    subj, who = got
    if subj.lower_ in ("we", "i", "us") or _purpose(verb, lex):
        return
    ctx.add(
        specs.person_as_cause.code,
        ctx.off(subj.left_edge),
        ctx.end(verb),
        "person-as-cause",
        person=True,
        who=who,
        verb=verb.text,
    )


def _passive_secret(ctx: _Ctx, verb: Token) -> None:
    """The same lapse told in the passive: the secret as the subject, the person as the "by"
    agent ("the signing key was committed by Kenji", "the token was leaked by @dana").
    Without an agent ("the token was leaked") no one is named."""
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is None or subj.lemma_.lower() not in ctx.lex.credential_nouns:
        return
    for c in verb.children:
        if c.dep_ == "agent" and _agent_person(ctx, c):
            return


def poor_work(ctx: _Ctx, verb: Token) -> None:
    """A person's work judged by its quality (PM104): "a setup very poorly designed by Jacob",
    "the script was badly written by the contractor". The quality adverb alone is about the
    thing ("a poorly documented API", "poorly detected by our monitoring"); with a person as
    the "by" agent it is a verdict on that person's work."""
    lex = ctx.lex
    if verb.tag_ != "VBN" or _question(ctx) or ctx.lowers.isdisjoint(lex.poor_work_adverbs):
        return
    how = next(
        (c for c in verb.children if c.dep_ == "advmod" and c.lower_ in lex.poor_work_adverbs),
        None,
    )
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    if how is None or by is None or _denied(how) or _quoted(ctx, how):
        return
    if how.lower_ in lex.judgment:
        return  # "sloppily" is a judgment word on its own: judged once, by its class
    agent = next((g for g in by.children if g.dep_ == "pobj"), None)
    if agent is None or person_name(agent, lex) is None:
        return
    # "poorly designed" or "designed poorly": the range runs from the first to the last
    first, last = (how, verb) if how.i < verb.i else (verb, how)
    ctx.add(specs.judgment.code, ctx.off(first), ctx.end(last), "judgment", word=how.text)


def participial_lapse(ctx: _Ctx, verb: Token) -> None:
    """A lapse told as the manner of the act that followed (PM101): "Misreading the alert,
    the on-call engineer restarted the wrong node", "Misinterpreting the prompt, I believed
    the reset was safe". The participle's subject is the main clause's person; a first
    person owns a misreading as much as a third person is given one (the lapse verbs say so
    themselves). Not when explained ("..., because the legend was swapped")."""
    lex = ctx.lex
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or verb.i > verb.head.i:
        return
    if not _in_lex(verb, lex.failure_verbs & lex.mind_verbs, lex) or _negated(verb):
        return
    if _question(ctx) or _rationale(verb, lex, ctx.stext):
        return
    got = _person_subject(ctx, verb.head)
    if got is None:
        return
    _subj, who = got
    ctx.add(
        specs.person_as_cause.code,
        ctx.off(verb),
        ctx.end(verb),
        "person-as-cause",
        person=True,
        who=who,
        verb=verb.text,
    )


def passive_lapse(ctx: _Ctx, verb: Token) -> None:
    """A post or a signal left in a lapse by a person (PM101, bl37 class 3): "the queue was
    left unattended for forty minutes by the operator on duty", "the page was left
    unanswered by the duty engineer", "the backlog was neglected by the support desk" --
    "left" with one of ``left-lapse-states`` or one of ``passive-lapse-verbs``, passive,
    with a person or a role as the "by" agent (:func:`_agent_person` reports it), or a
    person as the subject of the active ("Marta left the pager unanswered"). Not a thing's
    doing ("left in read-only mode by the migration", "left unencrypted by the module") nor
    a state that is no lapse ("left open by the support desk")."""
    lex = ctx.lex
    state = None
    if verb.lemma_.lower() == "leave":
        state = next(
            (
                c
                for c in verb.children
                if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp")
                and c.lower_ in lex.left_lapse_states
            ),
            None,
        )
        if state is None:
            return
    elif verb.lemma_.lower() not in lex.passive_lapse_verbs:
        return
    if _negated(verb) or _hypothetical(verb) or _question(ctx) or _quoted(ctx, verb):
        return
    if _rationale(verb, lex, ctx.stext):
        return  # "... by the operator, who had been pulled onto the outage bridge"
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        _active_lapse(ctx, verb, state)
        return
    holders = (verb, state) if state is not None else (verb,)
    for c in (c for h in holders for c in h.children):
        if c.dep_ in ("agent", "prep") and c.lower_ == "by" and _agent_person(ctx, c):
            return


def _active_lapse(ctx: _Ctx, verb: Token, state: Token | None) -> None:
    """ "Marta left the pager unanswered overnight": a person as the subject of the lapse."""
    got = _person_subject(ctx, verb)
    if state is None or got is None or got[0].dep_ != "nsubj" or got[0].lower_ in FIRST_PERSON:
        return
    subj, who = got
    ctx.add(
        specs.person_as_cause.code,
        ctx.off(subj.left_edge),
        ctx.end(state),
        "person-as-cause",
        person=True,
        who=who,
        verb=verb.text,
    )


def fault(ctx: _Ctx) -> None:
    """Blame or fault owned by a person (PM101): "the blame lies with", "whose fault", "the
    operator's fault", "I take full responsibility", "this one's on Jake" (a given name).
    Not when the sentence asks or denies it ("the goal is not to find whose fault it
    was")."""
    lex = ctx.lex
    named = (m for m in lex.fault_on_names_search.finditer(ctx.stext) if lex.given_name(m["name"]))
    for m in (*lex.fault_search.finditer(ctx.stext), *named):
        span = ctx.sdoc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or _quoted(ctx, span[0]):
            continue
        if span[0].lower_ in _NOBODY or ctx.stext[: m.start()].lower().endswith("no "):
            continue  # "it was nobody's fault", "none of this is anyone's fault": cleared
        if _own_accountability(span, lex) or _placed_on_no_one(ctx, span):
            continue  # "as site lead I take responsibility for the delay": the writers' own account
        if _thing_at_fault(ctx, span):
            continue  # "the scheduler's fault", "the fault of the retry loop": no person
        # "Isn't it the author's job to ...?" asks for "yes": its "not" denies nothing
        asked = _question(ctx) and re.match(r"(?:is|was)(?:n['’]t| not)\b", m.group(0), re.I)
        if not asked and (_denied(span.root) or _meta_frame(span.root)):
            continue
        ctx.add(
            specs.person_as_cause.code,
            ctx.sent.base + m.start(),
            ctx.sent.base + m.end(),
            "fault",
            person=True,
            phrase=m.group(0),
        )


#: the words that place blame on a party at the end of a ``fault-phrases`` match ("the
#: blame lies with", "responsibility for the outage rests on")
_PLACING = frozenset({"with", "on", "by"})
#: what makes a clause a supposition ("if the fault lies with the vendor, ...")
_SUPPOSING = frozenset({"if", "unless", "whether"})


def _placed_on_no_one(ctx: _Ctx, span: Span) -> bool:
    """Blame or responsibility placed (a match ending in "with", "on" or "by") on no party
    (bl30, class 1): on a thing ("the blame lies with the missing alert"), on the writers'
    own account ("responsibility for the slip rests with us"), or supposed ("if the fault
    lies with the vendor, ...")."""
    prep = span[-1]
    if prep.lower_ not in _PLACING:
        return False
    node = prep
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in _SUPPOSING for c in node.children):
            return True
        node = node.head
    party = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if party is None:
        return False
    if party.lower_ in FIRST_PERSON:
        return any(t.lower_ in ctx.lex.accountability_words for t in span)
    if party.text in ctx.systems:
        return True
    return person_name(party, ctx.lex) is None and not any(
        person_name(c, ctx.lex) for c in party.children if c.dep_ in ("poss", "conj")
    )


def _own_accountability(span: Span, lex: BlameLexicon) -> bool:
    """The writers take responsibility themselves (misc30): "I take responsibility for the slip",
    "we take full responsibility for the delay". A verb of taking whose subject is "I" or
    "we" and whose object is one of ``accountability-words``: accountability, not blame
    placed on a person. "I take the blame" (self-blame) and "the vendor took full
    responsibility" are still reported."""
    verb = span[0]
    if verb.lemma_.lower() != "take" or not any(t.lower_ in lex.accountability_words for t in span):
        return False
    subj = subject_of(verb)
    return subj is not None and subj.lower_ in ("i", "we")


def _thing_at_fault(ctx: _Ctx, span: Span) -> bool:
    """Is the fault a thing's, not a party's (bl31)? "that was the importer's fault, not
    the disk's", "the fault of the retry loop": the possessor of "fault" (or the noun after
    "fault of") is a common noun that names no person, role or team, or a name the document
    uses for a system. "the operator's fault", "Kim's fault", "the vendor's fault" and an
    organisation's name ("Acme's fault"), one of ``fault-parties`` ("the landlord's fault")
    and a noun with a person's ending ("the electrician's fault") stay blame."""
    lex = ctx.lex
    # "fault", and a lapse owned the same way ("the DHCP server's oversight", bl36 class 3)
    fault = next((t for t in span if t.lower_ in lex.placed_lapses and t.lower_ != "blame"), None)
    if fault is None:
        return False
    owner = next((c for c in fault.children if c.dep_ == "poss"), None)
    if owner is None:
        of = next((c for c in fault.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
    if owner is None or owner.i < span.start - 1 or person_name(owner, lex) is not None:
        return False
    if owner.text in ctx.systems or owner.text in lex.product_names:
        return True
    if owner.lemma_.lower() in lex.fault_parties or owner.lower_.endswith(_PERSON_ENDINGS):
        return False
    return owner.pos_ == "NOUN" and owner.tag_ in ("NN", "NNS") and owner.text.islower()


#: endings of nouns for people ("the electrician", "the dentist", "the trainee")
_PERSON_ENDINGS = ("ist", "ists", "ian", "ians", "ee", "ees")


#: whose fault is no one's: a sentence that clears people, not one that blames them
_NOBODY = frozenset({"nobody", "anybody", "anyone", "everybody", "everyone", "noone"})

#: verbs that talk about blame instead of assigning it ("avoid asking who is to blame")
_META_VERBS = frozenset(
    [
        "find",
        "ask",
        "determine",
        "establish",
        "assign",
        "seek",
        "avoid",
        "look",
        "say",
        "argue",
        "claim",
        "focus",
    ]
)


def _meta_frame(tok: Token) -> bool:
    """Under a negated or hypothetical verb, or a verb that talks about blame rather than
    placing it ("the goal is not to find whose fault it was")."""
    node = tok
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") and (
            _negated(node) or _hypothetical(node) or node.lemma_.lower() in _META_VERBS
        ):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def had_inverted(ctx: _Ctx) -> None:
    """ "Had the on-call engineer escalated earlier, the outage would have been shorter"
    (PM103), read on the words: the small model often parses the inverted "had" as the
    main verb. The clause before the comma has a person and a participle; the clause after
    it a "would/could/might have"."""
    sdoc = ctx.sdoc
    if len(sdoc) < 6 or sdoc[0].lower_ != "had" or (ctx.asking and _question(ctx)):
        return  # "Had the desk escalated, would we have had the carrier sooner? No: ..."
    comma = next((t.i for t in sdoc if t.text == ","), None)
    if comma is None or comma < 3:
        return
    clause = sdoc[1:comma]
    # "Had Ravi been watching the queue" is an act (progressive); "had the alert been
    # routed" a passive, and "had we not ..." a denial
    act = _been_act(clause, ctx.lex)
    quality = _been_quality(clause, ctx.lex)
    if not (
        act
        or quality
        or any(
            t.tag_ in ("VBN", "VBD") or (sdoc[0].head == t and participle_after(sdoc[0], t))
            for t in clause[1:]
        )
    ) or any(
        t.lower_ in ("not", "n't") or (t.lower_ == "been" and not (act or quality)) for t in clause
    ):
        return
    # a quality is the subject's own: "had the console been more familiar to the new hires"
    # judges no one
    said_of = (
        clause[: next(t.i for t in clause if t.lower_ == "been") - clause.start]
        if quality
        else clause
    )
    people = [t for t in said_of if t.pos_ in ("PROPN", "NOUN", "PRON")]
    who = next((w for t in people if (w := person_name(t, ctx.lex)) is not None), None)
    if who is None and act != "heeded" and not _body_acts(clause, ctx.lex):
        return
    rest = [modal_word(t) for t in sdoc[comma + 1 :]]
    if "same" in rest:
        return  # "Had Jun been the one paged, he would have hit the same gap": the
        # substitution test, which clears the person
    main = next((t for t in sdoc[comma + 1 :] if t.dep_ == "ROOT"), None)
    if main is not None and worse_otherwise(main, ctx.lex):
        return  # "Had Kim set a lower timeout, retries would have flooded the queue": the
        # other path was worse, which defends what was done
    # "would have", and with words between: "would almost certainly have been quicker"
    if not any(
        w in ("would", "could", "might")
        and any(x in ("have", "'ve", "not", "n't", "never") for x in rest[k + 1 : k + 6])
        for k, w in enumerate(rest)
    ):
        return
    ctx.add(
        specs.counterfactual.code, ctx.off(sdoc[0]), ctx.end(sdoc[comma - 1]), "if-had", person=True
    )


#: what opens the subject of an inverted "had" placed after its main clause
_SUBJECT_OPENERS = frozenset({"the", "a", "an", "our", "their", "his", "her", "its", "that"})


def had_trailing(ctx: _Ctx) -> None:
    """ "A canary would have caught this had the payments squad run it" (PM103, class 3 of
    bl33): the inverted conditional of :func:`had_inverted` placed after its main clause.
    Read on the words: a "would/could/might have" before a "had" that opens a clause with a
    subject and a participle naming a person or a team. Clean: a thing's act ("had the
    monitor fired", "had it covered the endpoint"), a denial ("had the cache not absorbed
    the load") and a passive state ("had the alert been routed")."""
    sdoc = ctx.sdoc
    h = next((t.i for t in sdoc if t.lower_ == "had" and t.i > 3), None)
    if h is None or h + 2 >= len(sdoc) or _question(ctx):
        return  # "would this have happened had Wen read it?": the question judges read it
    opener = sdoc[h + 1]
    if any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i < h and c.tag_ != "DT" and c.lower_ != "it"
        for c in sdoc[h].children
    ):
        return  # "..., but they had the wrong branch checked out": a plain "had" (the small
        # model reads the main verb's object as its subject: "caught this had the team ...")
    if opener.lower_ not in _SUBJECT_OPENERS and opener.pos_ not in ("PROPN", "PRON"):
        return  # "we had run it": an auxiliary; "had to": an obligation
    rest = [modal_word(t) for t in sdoc[:h]]
    if not any(
        w in ("would", "could", "might") and any(x in ("have", "'ve") for x in rest[k + 1 : k + 6])
        for k, w in enumerate(rest)
    ):
        return
    end = next((t.i for t in sdoc[h + 1 :] if t.is_punct and t.text != "-"), len(sdoc))
    clause = sdoc[h + 1 : end]
    act = _been_act(clause, ctx.lex)
    if any(t.lower_ in ("not", "n't", "never") for t in clause) or (
        any(t.lower_ == "been" for t in clause) and not act
    ):
        return
    verb = next((t for t in clause if t.tag_ == "VBD" or participle_after(sdoc[h], t)), None)
    if verb is None or verb.i == clause.start:
        return
    said_of = sdoc[clause.start : verb.i]
    who = next(
        (
            w
            for t in said_of
            if t.pos_ in ("PROPN", "NOUN", "PRON") and (w := person_name(t, ctx.lex))
        ),
        None,
    )
    if who is None and not _function_body_acts(clause, ctx.lex):
        return
    main = next((t for t in sdoc[:h] if t.dep_ == "ROOT"), None)
    if main is not None and worse_otherwise(main, ctx.lex):
        return
    last = sdoc[end - 1]
    ctx.add(specs.counterfactual.code, ctx.off(sdoc[h]), ctx.end(last), "if-had", person=True)


def _body_acts(clause: Span, lex: BlameLexicon) -> bool:
    """A team named by its function (:func:`_function_body_acts`) or a department written
    bare with a duty only people do ("Had Security followed the change process, ...":
    :func:`pm_lsp.rules.blame.duties.department_on_duty`) as the subject of the act."""
    if _function_body_acts(clause, lex):
        return True
    return any(department_on_duty(t, t.head, lex) for t in clause)


def _function_body_acts(clause: Span, lex: BlameLexicon) -> bool:
    """ "Had the network desk escalated at 03:10", "had the change owner exercised
    reasonable care": a team or a duty named by its function (one of ``function-bodies``)
    as the subject of a person's act (``human-actions``, ``investigation-verbs``), or of an
    act of care (one of ``care-nouns`` as its object). A function noun may also name a
    thing ("had the lock owner released the lease"), so the act must be a person's."""
    for t in clause:
        if t.dep_ != "nsubj" or t.lemma_.lower() not in lex.function_bodies:
            continue
        verb = t.head
        lemma = verb.lemma_.lower()
        if lemma in lex.human_actions or lemma in lex.investigation_verbs:
            return True
        if any(c.dep_ == "dobj" and c.lemma_.lower() in lex.care_nouns for c in verb.children):
            return True
    return False


def _been_act(clause: Span, lex: BlameLexicon) -> str | None:
    """What makes "been" in the inverted clause an act, not a state: a progressive ("had
    Ravi been watching the queue"), a person as the "by" agent ("had the diff been read by
    the reviewer") or a heedful reading of what people read ("had the checklist been
    followed closely": ``heeded-reads`` with ``heedful-manners``, "heeded"); None for a
    passive state ("had the alert been routed")."""
    been = next((t for t in clause if t.lower_ == "been"), None)
    if been is None or been.i + 1 >= clause.end:
        return None
    after = clause[been.i - clause.start + 1 :]
    if after[0].tag_ == "VBG":
        return "progressive"
    if any(t.lower_ == "by" for t in after) and any(person_name(t, lex) for t in after):
        return "by"
    read = _lemma(after[0], lex) in lex.heeded_reads
    return "heeded" if read and any(t.lower_ in lex.heedful_manners for t in after) else None


def _been_quality(clause: Span, lex: BlameLexicon) -> bool:
    """ "Had the relief operator been more careful with the manifest": a quality the person
    lacked (one of ``competence-words`` or ``unfit-predicates``) after "been", with a
    comparative ("more", "better") or as an adjective; "had the team been trained" without
    one is a passive (training not given), and "had the replica been more up to date" a
    thing's state, which the person test after it clears anyway."""
    been = next((t for t in clause if t.lower_ == "been"), None)
    if been is None:
        return False
    words = [t for t in clause[been.i - clause.start + 1 :] if not t.is_space]
    more = [t for t in words[:3] if t.lower_ in ("more", "better", "bit", "a", "little")]
    quality = words[len(more)] if len(words) > len(more) else None
    if quality is None:
        return False
    told = quality.lower_ in lex.competence_words or quality.lower_ in lex.unfit_predicates
    return told and (bool(more) or quality.tag_ == "JJ")


#: role nouns that name an organisation: the subject of a lapse ("the supplier erroneously
#: revoked our certificate"), but as the "by" agent of an act they describe a company acting
#: under its terms, not a person as the cause
_ORGANISATIONS = frozenset({"vendor", "partner", "supplier"})


def _agent_person(ctx: _Ctx, by: Token) -> bool:
    """Report "by <person>" under ``by``; True when it did."""
    pobj = next((g for g in by.children if g.dep_ == "pobj"), None)
    if pobj is None:
        return _gerund_agent(ctx, by)
    lex = ctx.lex
    agent = person_name(pobj, lex)
    made = lex.work_nouns | lex.defect_nouns | lex.error_nouns
    if agent is None and pobj.lemma_.lower() in made:
        # "caused by a cache change pushed by Tomasz", "by an error made by the client's IT
        # contact", "by a bug introduced by Kim": the person made the work or the fault named
        inner = next(
            (
                g
                for a in pobj.children
                if a.dep_ == "acl"
                and a.tag_ == "VBN"
                and _lemma(a, lex) in lex.change_verbs | lex.defect_acts
                for g in a.children
                if g.dep_ == "agent"
            ),
            None,
        )  # who made it, not who "approved" or "reviewed" it
        return inner is not None and _agent_person(ctx, inner)
    if agent is None:
        return False
    if pobj.lemma_.lower() in _ORGANISATIONS and (
        not _in_lex(by.head, lex.causal_verbs) or _in_lex(by.head, lex.destructive_verbs)
    ):
        # "deleted by the cloud vendor": a company's act under its terms; "caused by the
        # vendor" names it the cause, as "the vendor caused the outage" does
        return False
    _by_agent(ctx, by, pobj, agent)
    return True


def _gerund_agent(ctx: _Ctx, by: Token) -> bool:
    """ "caused by Oskar running the cleanup script": the person is the subject of the act
    after "by"; the fix keeps the act and drops the person ("caused by running the cleanup
    script"). True when it reported."""
    act = next((g for g in by.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
    if act is None:
        return False
    subj = next((g for g in act.children if g.dep_ in ("nsubj", "poss") and g.i < act.i), None)
    who = person_name(subj, ctx.lex) if subj is not None else None
    if subj is None or who is None or subj.lemma_.lower() in _ORGANISATIONS:
        return False
    a, e = ctx.off(subj.left_edge), ctx.off(act)
    fix = Fix("Remove the person from the cause", (Edit(a, e, ""),), safe=False)
    ctx.add(
        specs.person_as_cause.code,
        ctx.off(by),
        ctx.end(subj),
        "person-agent",
        fix=fix,
        person=True,
        who=who,
    )
    return True


def _by_agent(ctx: _Ctx, by: Token, obj: Token, who: str) -> None:
    a = ctx.off(by)
    e = ctx.end(obj.right_edge)
    start = a - 1 if a > 0 and ctx.text[a - 1] == " " else a
    fix = Fix("Remove the person from the cause", (Edit(start, e, ""),), safe=False)
    ctx.add(specs.person_as_cause.code, a, e, "person-agent", fix=fix, person=True, who=who)
