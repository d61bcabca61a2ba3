"""PM101 person as the cause: a person as the agent of a failure or causal verb ("Kevin
broke search", "the reviewer ignored the warning"), the possessor or "by"-agent of the change
that broke something ("Kevin's change took down ..."), or called responsible. Not negated,
not in a relative clause ("a sign we missed"), not explained by local rationality ("...
because it had fired falsely all week"), not a technical sense ("missed two blocks").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pm_lsp.rules.blame import specs
from pm_lsp.rules.blame.acts import _agent_person, _explained_act
from pm_lsp.rules.blame.denied import denied_party
from pm_lsp.rules.blame.extract import person_name, subject_of
from pm_lsp.rules.blame.grammar import (
    _Ctx,
    _denied,
    _dobj,
    _hypothetical,
    _in_lex,
    _lemma,
    _negated,
    _no_one,
    _past,
    _person_subject,
    _purpose,
    _question,
    _quoted,
    _rationale,
    benign_effect,
    harmless_cause,
    modal_word,
    not_asserted,
    other_actor,
)
from pm_lsp.rules.blame.lengthened import lengthened
from pm_lsp.rules.blame.lexicon import FIRST_PERSON, BlameLexicon
from pm_lsp.rules.blame.rewrite import passive_fix
from pm_lsp.rules.blame.verdicts import _report_frame
from pm_lsp.rules.spec import Edit, Fix

if TYPE_CHECKING:
    from spacy.tokens import Token


def _failure_verb(ctx: _Ctx, verb: Token) -> None:
    """A person (or pronoun, role, handle) as the agent of a failure or causal verb (PM101), and
    the failure-to-act forms of it.

    Kept in one piece: the agent, the verb's class and the clean look-alikes (explanations,
    negations, system subjects) are tested on one parse in the order that decides between them;
    an early return is the verdict."""
    lex = ctx.lex
    kept = verb.tag_ == "VBG" and verb.dep_ == "xcomp" and verb.head.lemma_ == "keep"
    if (verb.dep_ == "relcl" and not _fault_of_named(verb, lex)) or (
        verb.dep_ in ("amod", "aux", "auxpass")
        or (verb.tag_ in ("VBG",) and verb.dep_ != "ROOT" and not kept)
    ):
        return
    # a present act in an action list states the behaviour wanted: "Decoder skips ..." (bl40)
    narrated = (
        verb.tag_ == "VBZ"
        and _in_lex(verb, lex.mind_verbs, lex)
        and not ctx.sent.where & lex.spec_sections
    )
    defect = _defect_act(verb, lex)
    if (_in_lex(verb, lex.failure_verbs, lex) or defect) and (
        _past(verb) or narrated or _chosen(verb) or _habit_told(ctx, verb)
    ):
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
        if _object_denied(verb) or _splits(verb) or _purpose(verb, lex) or _routine_miss(verb, lex):
            return
        if _quoted(ctx, verb):
            return  # 'a customer wrote "Tomasz broke prod again"': someone else's claim, quoted
        got = _person_subject(ctx, verb)
        if got is not None and denied_party(got[0], lex):
            return  # "no reviewer ignored the warning": no one lapsed
        if got is not None and (got[0].dep_ == "nsubj" or got[0].i < verb.i):
            subj, who = got
            fix = (
                None
                if _chosen(verb)
                else passive_fix(  # no rewrite across "chose to"
                    subject=subj,
                    verb=verb,
                    obj=_dobj(verb),
                    negate=False,
                    base=ctx.sent.base,
                    text=ctx.text,
                    lex=lex,
                    title="Rewrite without the person (agentless passive)",
                )
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
    worsens = _worsens(verb, lex) or lengthened(verb, lex)  # "made longer by the desk"
    if defect or worsens or _in_lex(verb, lex.possessed_acts, lex):
        if _negated(verb) or _hypothetical(verb):
            return
        if _in_lex(verb, lex.work_harm_verbs, lex) and _explained_act(verb, lex):
            return  # "Lena's cleanup job removed the stale snapshots": routine, explained
        if not worsens and benign_effect(verb, lex):
            return  # "Kim's restart triggered the recovery", "... caused no impact"
        stranded = _stranded_work(verb)
        work = subject_of(verb) or stranded
        if (
            work is not None
            and (work.dep_ == "nsubj" or work is stranded)
            and (
                work.lemma_.lower() in lex.work_nouns
                or work.lower_ in lex.work_nouns
                or work.lemma_.lower() in lex.defect_nouns  # "a bug introduced by Kim took ..."
                # a response told as a noun ("Ana's restart"): a cause only of a harm named
                or (work.lemma_.lower() in lex.act_nouns and not harmless_cause(verb, lex))
            )
        ):
            if _possessor_blamed(ctx, work):
                return
            for c in work.children:
                if c.dep_ == "prep" and c.lower_ == "by" and _agent_person(ctx, c):
                    return
                if _made_by_person(ctx, c):
                    return  # "the change pushed by Tomasz broke the login queue"
        if _started_operation(verb, lex):
            return
        if _in_lex(verb, lex.destructive_verbs, lex) and _explained_act(verb, lex):
            return  # "the stale pods were deleted by Kim to free capacity"
        for c in verb.children:  # "the cluster was broken by Kevin", "... by Kim's change"
            if c.dep_ == "agent" and (_agent_person(ctx, c) or _possessed_agent(ctx, verb, c)):
                return


def _stranded_work(verb: Token) -> Token | None:
    """The possessed act under which the small model hung the sentence's own verb (bl34
    class 3): "the records office's refusal to renew the lease led to ..." parsed with "led"
    an "acl" of "lease". An "acl" of the object of an infinitive that a possessed noun
    governs, in the past tense (VBD, never a reduced relative's participle) or as a
    participle when that noun is left as the root (the sentence has no verb of its own)."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN"):
        return None
    obj = verb.head
    inf = obj.head
    if obj.dep_ != "dobj" or inf.dep_ != "acl" or inf.tag_ != "VB" or inf.i >= obj.i:
        return None
    work = inf.head
    if verb.tag_ == "VBN" and work.dep_ != "ROOT":
        return None  # "... to renew the lease signed by Kim caused ...": a participle
    return work if any(c.dep_ == "poss" for c in work.children) else None


#: adverbs that make a progressive a habit held against someone ("is always skipping")
_HABIT = frozenset({"always", "constantly", "forever", "continually", "perpetually"})


def _habit_told(ctx: _Ctx, verb: Token) -> bool:
    """A habit told as a finding: not supposed, not inside a quotation."""
    return _habitual(verb, ctx.lex) and not _supposed(verb) and not _quoted(ctx, verb)


def _supposed(verb: Token) -> bool:
    """Under an "if" ("if the weekend crew kept muting the alarm, the audit log would
    show it"): a supposition, not a finding."""
    node = verb
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in node.children):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _habitual(verb: Token, lex: BlameLexicon) -> bool:
    """ "He's always skipping the review", "Kim always misses the handover call", "the night
    shift keeps ignoring the pager": a fault told as a habit, a verdict on the person as
    much as any past act."""
    if verb.tag_ == "VBG" and verb.dep_ == "xcomp" and verb.head.lemma_ == "keep":
        # only lapses of attention: "the node kept missing blocks" is a machine's failure
        kept = verb.lemma_.lower() in lex.kept_lapses
        return kept and not _negated(verb.head) and not _hypothetical(verb.head)
    if verb.tag_ == "VBG":
        progressive = any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)
        return progressive and any(c.lower_ in _HABIT for c in verb.children)
    return verb.tag_ in ("VBZ", "VBP") and any(c.lower_ in _HABIT for c in verb.children)


def _possessor_blamed(ctx: _Ctx, work: Token) -> bool:
    """Report the person whose work ``work`` is ("Kim's change", PM101); True when reported.
    Not a first person, "its" or "their" (a system's or a group's own), but "their" before
    a decision or a drive (:func:`_their_choice`)."""
    lex = ctx.lex
    for c in work.children:
        if c.dep_ != "poss" or c.lower_ in ("our", "its", "my", "your") or _no_one(c):
            continue  # "no single operator's typo took it down": a denial, no culprit
        owner = _their_choice(c, work, lex) if c.lower_ == "their" else person_name(c, lex)
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
            specs.person_as_cause.code, a, e, "possessive-blame", fix=fix, person=True, who=owner
        )
        return True
    return False


def _their_choice(their: Token, work: Token, lex: BlameLexicon) -> str | None:
    """ "Their decision to skip the canary", "their rush to launch": a decision or a drive
    (``costly-acts``, ``drive-nouns``) is a party's even under "their" (bl30 class 2); any
    other work under "their" may be a system's or a group's own ("their restart")."""
    word = work.lemma_.lower()
    return their.text if word in lex.costly_acts or word in lex.drive_nouns else None


def _work_or_act(noun: Token, lex: BlameLexicon) -> bool:
    """A person's work or act named by a noun: a change ("Kim's deploy"), a response ("her
    restart"), a paced act ("his late escalation")."""
    word = noun.lemma_.lower()
    return noun.pos_ == "NOUN" and (
        word in lex.work_nouns or word in lex.act_nouns or word in lex.paced_acts
    )


def _possessed_agent(ctx: _Ctx, verb: Token, by: Token) -> bool:
    """ "The outage was caused by Kim's change": a person's work as the agent of a harm told
    in the passive (PM101), as "Kim's change caused the outage" is in the active. Not what a
    recovery or an operation started on purpose owes to it ("the recovery was triggered by
    Ana's restart"), and a neutral cause ("triggered", "led to") only of a harm."""
    lex = ctx.lex
    work = next((g for g in by.children if g.dep_ == "pobj"), None)
    harmed = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if work is None or harmed is None or not _work_or_act(work, lex) or _quoted(ctx, work):
        return False
    done = harmed.lemma_.lower()
    if done in lex.recovery_outcomes or done in lex.triggered_operations:
        return False
    if _lemma(verb, lex) in lex.neutral_causes and not _harm_noun(harmed, lex):
        return False
    return _possessor_blamed(ctx, work)


def _harm_noun(noun: Token, lex: BlameLexicon) -> bool:
    word = noun.lemma_.lower()
    return word in lex.harm_words or word in lex.incident_nouns


def possessed_reason(ctx: _Ctx, noun: Token) -> None:
    """ "Kim's change was the cause of the outage", "Lena's rushed deploy is the reason the
    bug slipped through", "the reason the export failed was Marco's change": a person's work
    or act named as the cause or the reason of a harm by "be" (PM101). Clean: a good
    outcome ("Ana's rollback is the reason the outage was short"), denied, asked, supposed or
    only claimed ("we first thought Kim's change was the cause")."""
    lex = ctx.lex
    be = noun.head
    said = noun.lemma_.lower()
    trigger = said in lex.trigger_nouns
    if not (trigger or said in ("cause", "reason")) or noun.dep_ not in ("attr", "nsubj"):
        return
    if be.lemma_ != "be" or _negated(be) or _hypothetical(be) or _question(ctx):
        return
    other = "nsubj" if noun.dep_ == "attr" else "attr"
    work = next((c for c in be.children if c.dep_ == other), None)
    if work is None or not _cleft_noun(work, lex) or not_asserted(be, lex):
        return
    if _quoted(ctx, be):
        return  # 'a forum post said "Sam's deploy was the cause"': a claim quoted; scare
        # quotes round the work alone ('Lena's "small cleanup" is the reason ...') are not
    if any(c.lower_ in lex.paced_act_words for c in work.children if c.dep_ == "amod"):
        return  # "Kim's late escalation was the reason ...": PM104 judges the pace
    if _harm_told(noun, lex) or (trigger and _bare(noun)):
        _possessor_blamed(ctx, work)


def _bare(noun: Token) -> bool:
    """ "... was the real trigger": a trigger of nothing named, the incident's own (bl30)."""
    return not any(c.dep_ in ("prep", "relcl", "acl", "ccomp") for c in noun.children)


def _harm_told(noun: Token, lex: BlameLexicon) -> bool:
    """Does the cause or reason ``noun`` name a harm: "of the outage", "the root cause" (of
    the incident the document is about), "the reason the bug slipped through"?"""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "for", "behind"):
            return any(g.dep_ == "pobj" and _harm_noun(g, lex) for g in c.children)
        if c.dep_ in ("relcl", "acl", "ccomp") and c.pos_ in ("VERB", "AUX"):
            return _harm_clause(c, lex)
    return any(c.lower_ == "root" for c in noun.lefts)


def _harm_clause(verb: Token, lex: BlameLexicon) -> bool:
    """Does the clause of ``verb`` tell a harm: a harm event or a failure ("the database
    fell over", "the bug slipped through") or a catch denied ("it wasn't caught")?"""
    if any(t.lower_ in ("only", "briefly", "just") for t in verb.subtree):
        return False  # "is why checkout was down for only ten minutes": the harm kept small
    states = {f"{_lemma(verb, lex)} {g.lower_}" for g in verb.children if g.dep_ in _STATE_DEPS}
    if any(g.dep_ == "auxpass" for g in verb.children) and any(
        g.dep_ == "nsubjpass" and g.tag_ == "PRP" for g in verb.children
    ):
        states.add(f"be {verb.lower_}")  # "the reason we were exposed", not "the bug" (bl38)
    harm = lex.harm_events | lex.failure_verbs
    caught = _lemma(verb, lex) in lex.modal_verbs and _negated(verb)  # "wasn't caught"
    told = _in_lex(verb, harm, lex) or bool(states & lex.harm_events) or caught
    return told or _spread(verb, lex) or _unseen(verb, lex)


def _spread(verb: Token, lex: BlameLexicon) -> bool:
    """The incident itself reaching further or lasting longer (bl26b): one of
    ``spread-verbs`` with "this", "it" or an incident noun as its subject ("this reached
    every region", "let it run for another hour"). A fix or traffic reaching every region,
    or the outage that "stayed short", is no harm."""
    if not _in_lex(verb, lex.spread_verbs, lex) or _negated(verb):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    return subject.lower_ in ("this", "it") or _harm_noun(subject, lex)


def _unseen(verb: Token, lex: BlameLexicon) -> bool:
    """A warning no one saw (bl26b): one of ``unseen-verbs`` with "nobody" or "no one" as its
    subject ("the main reason nobody saw the alarm")."""
    if verb.lemma_.lower() not in lex.unseen_verbs:
        return False
    for c in verb.children:
        if c.dep_ == "nsubj" and (
            c.lower_ in lex.nobody or any(g.lower_ == "no" for g in c.children if g.i < c.i)
        ):
            return True
    return False


def possessed_why(ctx: _Ctx, why: Token) -> None:
    """ "Priya's migration is why the database fell over": the reason told with "is why",
    as :func:`possessed_reason` reads "is the reason" (PM101)."""
    lex = ctx.lex
    clause = why.head
    be = clause.head
    if why.lower_ != "why" or why.dep_ != "advmod" or clause.dep_ != "ccomp":
        return
    if be.lemma_ != "be" or _negated(be) or _hypothetical(be) or _question(ctx):
        return
    work = next((c for c in be.children if c.dep_ == "nsubj"), None)
    if work is None or not _cleft_noun(work, lex) or _quoted(ctx, work):
        return
    if not not_asserted(be, lex) and _harm_clause(clause, lex):
        _possessor_blamed(ctx, work)


def cleft_cause(ctx: _Ctx, verb: Token) -> None:
    """ "Kim's decision to restart first is what turned a short outage into a long one", "it
    was the DBA's oversight on the ticket that caused it", "what broke the export was Lena's
    script": a person's work or act told as the doer of a harm in a cleft (PM101). Clean: a
    good effect ("Ana's rollback is what brought the error rate down"), a system's own ("the
    scheduler's retry is what ..."), denied, asked, supposed or only claimed."""
    lex = ctx.lex
    if ctx.lowers.isdisjoint(_CLEFT_WORDS):  # asked of the sentence once, not of each verb
        return
    found = _cleft_parts(verb)
    if found is None:
        return
    be, work = found
    if _negated(be) or _hypothetical(be) or _negated(verb) or _question(ctx):
        return
    if not _cleft_noun(work, lex) or not_asserted(be, lex) or _quoted(ctx, work):
        return
    if _cleft_harm(verb, lex) or (_failing(work, lex) and _failing_effect(verb, lex)):
        _possessor_blamed(ctx, work)


def _failing(noun: Token, lex: BlameLexicon) -> bool:
    """A failing in itself named as a noun: "slowness", "indifference", a "lack of urgency"
    (a lack only of one of ``failing-lacks``: a lack of access is the system's gap)."""
    word = noun.lemma_.lower()
    if word in lex.failing_nouns:
        return True
    if word != "lack":
        return False
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    lacked = [g for g in of.children if g.dep_ == "pobj"] if of is not None else []
    return any(g.lemma_.lower() in lex.failing_lacks for g in lacked)


def _failing_effect(verb: Token, lex: BlameLexicon) -> bool:
    """What a failing did, besides the causal verbs: "cost us an hour", "delayed the fix" (a
    good thing delayed is the harm here, so no benign effect is asked about)."""
    return _lemma(verb, lex) in lex.failing_effects


def failing_cause(ctx: _Ctx, noun: Token) -> None:
    """ "The storage crew's slowness in paging the vendor cost us an hour", "Bogdan's
    indifference to the lag alarms led to the data loss": a person's or a team's failing as
    the subject of a harm (PM101), as :func:`cleft_cause` reads it in a cleft. Clean: a
    thing's ("the indexer's slowness under load"), our own, a good effect, denied, asked or
    supposed."""
    lex = ctx.lex
    verb = noun.head if noun.dep_ == "nsubj" else _verb_after_colon(noun)
    if verb is None or not _failing(noun, lex) or _quoted(ctx, noun):
        return
    if _negated(verb) or _hypothetical(verb) or _question(ctx) or not_asserted(verb, lex):
        return
    if _failing_effect(verb, lex) or (
        _in_lex(verb, lex.possessed_acts, lex)
        and not benign_effect(verb, lex)
        and not harmless_cause(verb, lex)
    ):
        _possessor_blamed(ctx, noun)


def costly_act(ctx: _Ctx, noun: Token) -> None:
    """ "The analyst's decision to call the dip seasonal cost us a full day", "the courier's
    slow drive out cost us most of the hour": a person's act or decision as what cost time or
    money (PM101). Clean: a cost of nothing, a thing's, no one's or our own, a judged
    trade-off ("... cost us an hour but saved the ledger"), denied, asked or supposed."""
    lex = ctx.lex
    paced = any(c.dep_ == "amod" and c.lower_ in lex.paced_act_words for c in noun.children)
    if not (paced or noun.lemma_.lower() in lex.costly_acts) or _quoted(ctx, noun):
        return
    cost = _cost_verb(noun)
    if cost is None or _negated(cost) or _hypothetical(cost) or _supposed(cost):
        return
    if _question(ctx) or not_asserted(cost, lex):
        return
    if any(c.dep_ == "cc" and c.lower_ == "but" for c in cost.children):
        return  # a trade-off judged: "... cost us ten minutes of writes but spared the ledger"
    measures = lex.cost_measures
    after = [t for t in cost.subtree if t.i > cost.i]
    if not any(t.lemma_.lower() in measures or t.lower_ in measures for t in after):
        return  # "Dana's restart cost nothing"
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None or (paced and owner.lemma_.lower() in lex.paced_parties):
        return  # "the vendor's slow reply cost us an hour": PM104 judges no firm's pace
    _possessor_blamed(ctx, noun)


def damaging_act(ctx: _Ctx, noun: Token) -> None:
    """ "The payroll desk's choice to hold the batch derailed the close", "the night crew's
    handling of the page turned a stalled job into a day-long backlog", "the late refund run
    was down to the billing lead's decision to wait": a party's decision or handling told as
    the damage done (PM101, bl28a), beyond :func:`costly_act`'s cost. Clean: a system's, a
    good outcome ("turned a slow backfill into a quick one"), our own, denied, asked or
    supposed."""
    lex = ctx.lex
    word = noun.lemma_.lower()
    if (word not in lex.costly_acts and word not in lex.handled_acts) or _quoted(ctx, noun):
        return
    verb = _damage_verb(noun, lex) or _owed_to(noun, lex)
    if verb is None or _negated(verb) or _hypothetical(verb) or _supposed(verb):
        return
    if _question(ctx) or not_asserted(verb, lex):
        return
    _possessor_blamed(ctx, noun)


#: how the small model hangs a damage verb under the clause of the act that did it
_MISHUNG = frozenset({"advcl", "ccomp", "conj"})


def _damage_verb(noun: Token, lex: BlameLexicon) -> Token | None:
    """The verb whose subject ``noun`` is when it tells damage: one of ``damage-verbs`` with
    an object, or one of ``escalation-verbs`` whose "into" names a bigger harm."""
    told = lex.damage_verbs | lex.escalation_verbs
    verb: Token | None = noun.head if noun.dep_ == "nsubj" else None
    if verb is None:  # where the small model hangs it under the act's own clause ("...'s
        # choice to hold the batch derailed the close": "batch" its subject)
        verb = next(
            (t for t in noun.subtree if t.i > noun.i and t.dep_ in _MISHUNG and t.lemma_ in told),
            None,
        )
    if verb is None or verb.pos_ != "VERB":
        return None
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "npadvmod")), None)
    if obj is None:
        return None
    if _lemma(verb, lex) in lex.damage_verbs:
        return verb
    into = next(  # on the verb, or where the small model hangs it, on the object
        (c for c in (*verb.children, *obj.children) if c.dep_ == "prep" and c.lower_ == "into"),
        None,
    )
    if _lemma(verb, lex) not in lex.escalation_verbs or into is None:
        return None
    return verb if _grown(obj, into, lex) else None


def _grown(before: Token, into: Token, lex: BlameLexicon) -> bool:
    """Does the "into" phrase name a bigger harm than ``before``: a larger number when both
    have one ("a ten-minute stall into a two-hour one"), else a harm or a stretch of time
    ("into a regional outage", "into a week of cleanup")?"""
    was, now = _number_in(before, lex), _number_in(into, lex)
    if was is not None and now is not None:
        units = {_measure_in(before, lex), _measure_in(into, lex)}
        return now > was and len(units) == 1  # "two-hour ... twenty-minute": unknown
    grown = lex.cost_measures | lex.escalation_words
    return any(
        _harm_noun(t, lex) or t.lemma_.lower() in grown or t.lower_ in grown
        for t in into.subtree
        if t.i > into.i
    )


def _measure_in(phrase: Token, lex: BlameLexicon) -> str | None:
    """The first unit of time or money (``cost-measures``) in ``phrase``, if any."""
    return next(
        (t.lemma_.lower() for t in phrase.subtree if t.lemma_.lower() in lex.cost_measures),
        None,
    )


def _number_in(phrase: Token, lex: BlameLexicon) -> float | None:
    """The first number written in ``phrase`` (digits or ``spoken-numbers``), if any."""
    for t in phrase.subtree:
        if t.lower_ in lex.spoken_numbers:
            return lex.spoken_numbers[t.lower_]
        if t.like_num:
            try:
                return float(t.text.replace(",", ""))
            except ValueError:
                continue
    return None


def _owed_to(noun: Token, lex: BlameLexicon) -> Token | None:
    """The "be" of "<harm> was down to <noun>" (``owed-adverbs``), when its subject (or the
    noun a "which" stands for) names a harm."""
    to = noun.head
    adverb = to.head
    be = adverb.head
    if noun.dep_ != "pobj" or to.lower_ != "to" or adverb.lower_ not in lex.owed_adverbs:
        return None
    if be.lemma_ != "be":
        return None
    subject = next((c for c in be.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.tag_ == "WDT" and be.dep_ == "relcl":
        subject = be.head
    if subject is None:
        return None
    harm = _harm_noun(subject, lex) or subject.lemma_.lower() in lex.owed_harms
    return be if harm else None


def owed_to_party(ctx: _Ctx, party: Token) -> None:
    """ "The outage was down to the night operator", "the two-hour delay was entirely down to
    Marek": a harm (``harm-words``, ``incident-nouns``, ``owed-harms``) owed to a person or a
    team themselves (PM101, bl30 class 1), as :func:`damaging_act` reads it owed to their
    decision. Clean: a thing ("the delay was down to a full disk"), a choice left to someone
    ("which region to use is down to the platform team"), a count ("the backlog was down to
    forty orders"), our own, denied, asked, supposed or quoted."""
    lex = ctx.lex
    if party.dep_ != "pobj" or party.head.lower_ != "to" or party.i < 2:
        return
    be = _owed_to(party, lex)
    if be is None or any(c.dep_ == "poss" for c in party.children):
        return  # "... down to the lead's decision": the act's own judge (damaging_act)
    if _negated(be) or _hypothetical(be) or _supposed(be) or _question(ctx):
        return
    if party.lower_ in FIRST_PERSON or party.text in ctx.systems or _quoted(ctx, party):
        return
    who = person_name(party, lex)
    if who is None or not_asserted(be, lex):
        return
    ctx.add(
        specs.person_as_cause.code,
        ctx.off(party.left_edge),
        ctx.end(party),
        "responsibility",
        person=True,
        who=who,
    )


def _cost_verb(noun: Token) -> Token | None:
    """The "cost" whose subject ``noun`` is; also where the small model hangs it under the
    act's own clause ("Marek's decision to wait for the vendor cost us ...")."""
    if noun.dep_ == "nsubj" and noun.head.lower_ in ("cost", "costs"):
        return noun.head
    for t in noun.subtree:
        if t.i > noun.i and t.lower_ in ("cost", "costs") and t.dep_ == "advcl":
            return t
    return None


def _verb_after_colon(noun: Token) -> Token | None:
    """The verb of the clause a noun phrase opens after a colon or a semicolon ("the delay
    is hard to excuse: the desk's indifference to the page cost us an hour"), which the
    small model hangs on the clause before it: a finite verb right after the phrase."""
    doc = noun.doc
    start, after = noun.left_edge.i, noun.right_edge.i + 1
    if start < 1 or doc[start - 1].text not in (":", ";") or after >= noun.sent.end:
        return None
    verb = doc[after]
    return verb if verb.tag_ in ("VBD", "VBZ", "VBP") else None


#: the words every cleft :func:`_cleft_parts` reads holds ("what", "that", "who")
_CLEFT_WORDS = frozenset({"what", "that", "who"})


def _cleft_parts(verb: Token) -> tuple[Token, Token] | None:
    """The "be" and the work of a cleft whose clause ``verb`` heads: "<work> is what
    <verb>", "what <verb> was <work>", "it was <work> (on ...) that <verb>"."""
    what = any(c.dep_ == "nsubj" and c.lower_ == "what" for c in verb.children)
    be = verb.head
    if what and verb.dep_ == "ccomp" and be.lemma_ == "be":
        work = next((c for c in be.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        return (be, work) if work is not None else None
    if what and verb.dep_ == "csubj" and be.lemma_ == "be":
        work = next((c for c in be.children if c.dep_ == "attr"), None)
        return (be, work) if work is not None else None
    if verb.dep_ != "relcl" or not any(
        c.dep_ == "nsubj" and c.lower_ in ("that", "who") for c in verb.children
    ):
        return None
    node = verb.head  # the work itself, or a noun of its "on ..." phrase or of its "to"
    # clause ("the desk's rush to launch before the show that caused this", bl30)
    for _ in range(5):
        if node.dep_ == "attr" and node.head.lemma_ == "be":
            if any(c.dep_ == "nsubj" and c.lower_ == "it" for c in node.head.children):
                return node.head, node
            return None
        node = node.head
    return None


def _cleft_noun(work: Token, lex: BlameLexicon) -> bool:
    word = work.lemma_.lower()
    return work.pos_ == "NOUN" and (
        _work_or_act(work, lex)
        or word in lex.cleft_cause_nouns
        or word in lex.error_nouns
        or word in lex.disposition_nouns
        or _failing(work, lex)
    )


def _cleft_harm(verb: Token, lex: BlameLexicon) -> bool:
    """Does the cleft's clause tell a harm: a causal, failure or work-harm verb with no good
    effect ("brought the error rate down"), made worse, or set up a harm ("set the stage
    for the outage", "turned a short outage into a long one")?"""
    if _worsens(verb, lex) or _lets_through(verb, lex):
        return True
    if _lemma(verb, lex) in lex.damage_verbs and any(c.dep_ == "dobj" for c in verb.children):
        return True  # "... is what really sank us" (bl28a)
    if verb.lemma_.lower() in lex.let_through_verbs and any(
        c.dep_ in ("ccomp", "xcomp") and _spread(c, lex) for c in verb.children
    ):
        return True  # "... is what let this run for another hour" (bl26b)
    if _in_lex(verb, lex.possessed_acts, lex):
        return not benign_effect(verb, lex) and not harmless_cause(verb, lex)
    after = [t.lower_ for t in verb.doc[verb.i + 1 : verb.i + 4]]
    setup = any(_lemma(verb, lex) == w[0] and after[: len(w) - 1] == w[1:] for w in lex.harm_setups)
    return setup and any(_harm_noun(t, lex) for t in verb.subtree if t.i > verb.i)


def let_through(ctx: _Ctx, verb: Token) -> None:
    """ "The reviewer's misreading of the diff allowed it through without a test run": a
    person's work or error as the subject of letting a harm through (PM101), as
    :func:`cleft_cause` reads "... is what let this through". Clean: a good thing or
    traffic let through, a system's or our own, denied, asked or supposed."""
    lex = ctx.lex
    if verb.dep_ not in ("ROOT", "conj") or not _lets_through(verb, lex):
        return
    if _negated(verb) or _hypothetical(verb) or _question(ctx) or not_asserted(verb, lex):
        return
    work = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if work is not None and _cleft_noun(work, lex) and not _quoted(ctx, work):
        _possessor_blamed(ctx, work)


def unfit_relative(ctx: _Ctx, verb: Token) -> None:
    """ "The relief pharmacist, who clearly wasn't familiar with the manual log, skipped
    two entries": a person's or a role's competence judged in a negated relative clause with a
    stance adverb ("clearly", "evidently") on one of ``unfit-predicates`` (PM104), or with
    inexperience insinuated (bl27, :func:`_unpractised`: "who apparently had never run a
    restore"). Told as a fact ("who had not been trained on it"), of a first person or of a
    system: clean."""
    lex = ctx.lex
    if "who" not in ctx.lowers:  # the sentence's words, asked before the verb's children
        return
    if verb.dep_ != "relcl" or _hypothetical(verb) or _question(ctx):
        return
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "who" for c in verb.children):
        return
    if not any(c.lower_ in lex.stance_adverbs for c in verb.children):
        return
    told = [verb, *(c for c in verb.children if c.dep_ in ("acomp", "attr", "xcomp"))]
    unfit = lex.unfit_predicates | lex.unforeseeing_verbs  # skill, or foresight
    unfit_told = _negated(verb) and any(
        t.lemma_.lower() in unfit or t.lower_ in unfit for t in told
    )
    if not unfit_told and not _unpractised(verb, lex):
        return
    person = verb.head
    who = person_name(person, lex)
    if who is None and person.tag_ == "NNS" and person.lemma_.lower() in lex.roles:
        who = person.text  # "the operators, who ...": a role's members
    if who is None or person.lower_ in FIRST_PERSON or _quoted(ctx, verb):
        return
    last = verb.right_edge
    phrase = ctx.words(person.left_edge, last)
    ctx.add(
        specs.judgment.code,
        ctx.off(person.left_edge),
        ctx.end(last),
        "unfit",
        phrase=phrase,
        who=who,
    )


def _unpractised(verb: Token, lex: BlameLexicon) -> bool:
    """ "who apparently had never run a restore": one of ``unpractised-verbs`` in the
    active perfect with "never"; "who clearly had no idea how it worked": "had no" with
    one of ``unpractised-objects``."""
    kids = list(verb.children)
    if verb.lemma_.lower() == "have" and not _negated(verb):
        return any(
            c.dep_ == "dobj"
            and c.lemma_.lower() in lex.unpractised_objects
            and any(d.lower_ == "no" for d in c.children)
            for c in kids
        )
    if verb.tag_ != "VBN" or verb.lemma_.lower() not in lex.unpractised_verbs:
        return False
    perfect = any(c.dep_ == "aux" and c.lower_ in ("had", "has", "have", "'d") for c in kids)
    passive = any(c.dep_ == "auxpass" for c in kids)
    return perfect and not passive and any(c.lower_ == "never" for c in kids)


def deferred_by(ctx: _Ctx, verb: Token) -> None:
    """ "The soak test was deprioritised by the programme director in two rounds": a person or
    a role as the agent of shelving the work (PM101). Clean: a deferral explained or planned
    ("postponed by the release manager until the freeze ended"), a tool's, denied, supposed
    or asked."""
    lex = ctx.lex
    if _lemma(verb, lex) not in lex.deferral_verbs or verb.tag_ != "VBN":
        return
    if not any(c.dep_ == "nsubjpass" for c in verb.children):
        return
    if _negated(verb) or _hypothetical(verb) or _question(ctx) or not_asserted(verb, lex):
        return
    if _rationale(verb, lex, ctx.stext) or lex.deferral_reasons.search(ctx.stext[verb.idx :]):
        return
    for c in verb.children:
        if c.dep_ == "agent" and _agent_person(ctx, c):
            return


def withheld_by(ctx: _Ctx, verb: Token) -> None:
    """ "We were not given the access keys by the Security team until 11:40": what was
    owed to the writers, denied in the passive with a person or a team as its "by" agent and
    a time it came at last (PM101), which pins the wait on them. Clean: given at a time
    ("we were handed the keys by the Security team at 11:40"), a thing's ("by the mailing
    list"), ours, supposed or asked."""
    lex = ctx.lex
    if "until" not in ctx.lowers:  # asked of the sentence's words first
        return
    if _lemma(verb, lex) not in lex.withheld_verbs or verb.tag_ != "VBN" or not _negated(verb):
        return
    if not any(c.dep_ == "nsubjpass" for c in verb.children):
        return
    if _hypothetical(verb) or _question(ctx) or not_asserted(verb, lex):
        return
    if not any(t.lower_ == "until" for t in verb.subtree if t.i > verb.i):
        return
    # the small model may hang "by the Security team" on what was given ("the keys by ...")
    owed = [g for c in verb.children if c.dep_ in ("dobj", "prep") for g in (c, *c.children)]
    bys = [c for c in verb.children if c.dep_ == "agent"] + [
        b for g in owed if g.dep_ in ("dobj", "pobj") for b in g.children if b.lower_ == "by"
    ]
    for by in bys:
        if _agent_person(ctx, by):
            return


def _lets_through(verb: Token, lex: BlameLexicon) -> bool:
    """Does ``verb`` let a harm "through" or "past": "it", "this", a harm word, one of
    ``let-through-things`` or a thing with one of ``let-through-flaws`` ("the broken build")?
    Traffic, a request or a fix let through is no harm."""
    if verb.lemma_.lower() not in lex.let_through_verbs:
        return False
    passage = [t for t in verb.subtree if t.lower_ in ("through", "past") and t.i > verb.i]
    if not passage or passage[0].head not in (verb, *verb.children):
        return False
    for t in verb.doc[verb.i + 1 : passage[0].i]:
        if t.dep_ not in ("dobj", "nsubj", "ccomp") or t.head not in (verb, passage[0]):
            continue
        word = t.lemma_.lower()
        if t.lower_ in ("it", "this", "that", "them", "these") or word in lex.harm_words:
            return True
        flawed = any(c.lower_ in lex.let_through_flaws for c in t.children if c.dep_ == "amod")
        if word in lex.let_through_things or flawed:
            return True
    return False


def _made_by_person(ctx: _Ctx, acl: Token) -> bool:
    """Report the maker when ``acl`` says who made the harmful work ("the change pushed by
    Tomasz", "a bug introduced by Kim"): a participle of making a change or a defect with a
    "by" agent naming someone (not "approved by", "reviewed by")."""
    lex = ctx.lex
    if acl.dep_ != "acl" or acl.tag_ != "VBN":
        return False
    if _lemma(acl, lex) not in lex.change_verbs | lex.defect_acts:
        return False
    agent = next((g for g in acl.children if g.dep_ == "agent"), None)
    return agent is not None and _agent_person(ctx, agent)


def _worsens(verb: Token, lex: BlameLexicon) -> bool:
    """ "made things much worse", "made the recovery harder": a harm told as a change for
    the worse (``worse-words``) that an act brought about."""
    return verb.lemma_.lower() == "make" and any(
        c.dep_ in ("ccomp", "oprd", "acomp", "xcomp", "advmod")
        and c.lower_ in lex.worse_words
        # "made rollbacks harder to trigger by mistake": a safeguard, not a harm
        and not any(g.dep_ in ("xcomp", "advcl") for g in c.children)
        for c in verb.children
    )


#: states, not acts: "because Sam was on leave", "because Kim had no access"
_STATES = frozenset({"be", "have", "know", "seem", "feel", "need", "want", "think", "believe"})


def harm_because(ctx: _Ctx, act: Token) -> None:
    """ "The checkout went down because Priya deployed the new tables": a harm told with a
    person's act as its reason (PM101). ``act`` is the because-clause's verb: past, done
    (not a state, not negated: "because Mara did not check" is an omission, read by its
    own judge), with a person as its active subject (not "we" or "I", who own the act).
    Its head is the harm: a harm event, or an incident noun's onset, not negated or
    hypothetical. A recovery ("recovered because Priya rolled back") and a person's act
    explained ("Ana restarted the node because it had stopped") do not qualify."""
    lex = ctx.lex
    if "because" not in ctx.lowers:  # asked of the sentence's words first
        return
    if act.dep_ != "advcl" or not any(
        c.dep_ == "mark" and c.lower_ == "because" for c in act.children
    ):
        return
    if not _past(act) or _lemma(act, lex) in _STATES or _negated(act) or _hypothetical(act):
        return
    harm = act.head
    onset = _lemma(harm, lex) in lex.harm_onsets and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in lex.incident_nouns
        for c in harm.children
    )
    state = next((c.lower_ for c in harm.children if c.dep_ == "acomp"), None)  # "went offline"
    event = _in_lex(harm, lex.harm_events, lex) or f"{_lemma(harm, lex)} {state}" in lex.harm_events
    if not (event or onset):
        return
    if _negated(harm) or _hypothetical(harm) or _question(ctx):
        return
    got = other_actor(ctx, act)
    if got is None:
        return
    subj, who = got
    ctx.add(
        specs.person_as_cause.code,
        ctx.off(subj.left_edge),
        ctx.end(act),
        "harm-because",
        person=True,
        who=who,
        verb=act.text,
    )


#: the words that open a causal phrase before its noun ("because of", "due to")
_CAUSAL_PREPS = frozenset({"because", "due", "owing", "result"})
#: how the small model hangs the second word of a harm ("went down", "went offline")
_STATE_DEPS = frozenset({"acomp", "prt", "advmod"})


def harm_because_of(ctx: _Ctx, work: Token) -> None:
    """ "Because of Priya's deploy, checkout failed", "the queue stalled due to Jonas's
    change": a person's work or act named, by its possessor, as the reason for a harm in a
    causal phrase: :func:`harm_because` told with a noun (PM101), as "Jonas's change broke
    the queue" is with a verb. The harm is past and named as :func:`harm_because` asks; a
    recovery ("because of Priya's quick rollback, checkout recovered") names none."""
    lex = ctx.lex
    noun = work.lemma_.lower()
    if work.dep_ != "pobj" or not (noun in lex.work_nouns or noun in lex.act_nouns):
        return
    opener = work.head if work.head.lower_ in _CAUSAL_PREPS else work.head.head
    if opener.lower_ not in _CAUSAL_PREPS or opener.i >= work.i:
        return
    owner = next((c for c in work.children if c.dep_ == "poss"), None)
    if owner is None or owner.lower_ in FIRST_PERSON or owner.lower_ in ("its", "their", "your"):
        return
    if owner.pos_ == "PROPN" and not lex.given_name(owner.text):
        return  # "due to Stripe's API change": a company's, not a person's
    if not_asserted(work, lex):
        return  # "we suspected that checkout failed because of Priya's deploy"
    who = person_name(owner, lex)
    harm = opener.head  # "as a result of" hangs on "as", which hangs on the harm
    harm = harm.head if harm.pos_ == "ADP" else harm
    if who is None or harm.pos_ not in ("VERB", "AUX") or not _past(harm):
        return
    states = {f"{_lemma(harm, lex)} {c.lower_}" for c in harm.children if c.dep_ in _STATE_DEPS}
    event = _in_lex(harm, lex.harm_events, lex) or bool(states & lex.harm_events)
    if not event or _negated(harm) or _hypothetical(harm) or _question(ctx):
        return
    ctx.add(
        specs.person_as_cause.code,
        ctx.off(owner.left_edge),
        ctx.end(work),
        "possessive-blame",
        person=True,
        who=who,
    )


def wrong_object(ctx: _Ctx, verb: Token) -> None:
    """ "Tomasz pushed the wrong timeout value", "Kim ran the script on the wrong host": a
    person's act told by its wrong object, a person as the cause (PM101). The object, or
    what a preposition after the verb names, is called wrong; the act is past, not negated,
    not one that finds or rights the wrong thing ("Lee spotted the wrong value", "Kim fixed
    the wrong entry"), and its subject a person other than "we" or "I"."""
    lex = ctx.lex
    if ctx.lowers.isdisjoint(lex.wrong_words):  # no wrong target can be found (below)
        return
    if verb.dep_ in ("relcl", "amod", "acl", "aux", "auxpass", "pcomp") or not _past(verb):
        return
    if _negated(verb) or _hypothetical(verb) or _question(ctx) or _purpose(verb, lex):
        return
    if _rationale(verb, lex, ctx.stext) or _explained_act(verb, lex):
        return  # "Misreading the legend because the colours were swapped, Farah restarted
        # the wrong node": the reasoning at the time, told
    if ctx.sent.rca_statement:
        return  # a root-cause statement that ends at the person: PM107 says it
    wrong = _wrong_target(verb, lex)
    if wrong is None:
        return
    got = other_actor(ctx, verb)
    if got is None:
        return
    subj, who = got
    ctx.add(
        specs.person_as_cause.code,
        ctx.off(subj.left_edge),
        ctx.end(wrong),
        "person-as-cause",
        person=True,
        who=who,
        verb=ctx.words(verb, wrong),
    )


#: prepositions of the place an act was done in ("ran the script on the wrong cluster")
_PLACES = frozenset({"in", "on", "to", "into", "onto", "at", "against"})
#: ... and of where a thing was taken away from ("moved the pod off the wrong node")
_AWAY = frozenset({"off", "from", "out", "away"})


def _wrong_target(verb: Token, lex: BlameLexicon) -> Token | None:
    """What the act was done to or in that is called wrong: its object ("pushed the wrong
    timeout value") or the place a preposition names after the verb or its object ("ran the
    script on the wrong cluster"; not "moved the pod off the wrong node", away from it).
    An act that finds or rights a thing is no slip wherever the thing was ("Kim fixed the
    wrong entry", "found the config in the wrong environment"), except an edit done in a
    wrong place (``place-slips``: "changed the connection limit in the wrong environment")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    righting = _in_lex(verb, lex.righting_verbs | lex.meeting_verbs, lex)
    if righting and not _in_lex(verb, lex.place_slips, lex):
        return None
    things = [] if righting else list(objects)
    for h in (verb, *objects):
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ not in _AWAY and (not righting or c.lower_ in _PLACES):
                things += [g for g in c.children if g.dep_ == "pobj"]
    return next(  # "the wrong timeout value": the word may modify a compound before it
        (t for t in things if any(a.lower_ in lex.wrong_words for a in t.doc[t.left_edge.i : t.i])),
        None,
    )


def _fault_of_named(verb: Token, lex: BlameLexicon) -> bool:
    """A relative clause telling the failure of whoever made the harmful change ("the key
    was pushed to an open mirror by a contractor who ignored the key-handling policy"):
    "who" is its subject, and the noun it describes names someone who is the "by" agent of
    a change, causal or destructive verb. Not a generic "anyone who missed the review", a
    thing ("the node that missed three heartbeats"), thanks ("Thanks to Dana, who ignored
    the noisy alerts"), a recovery ("resolved by an engineer who ignored the outdated
    step") or a rule ("revoked for any user who ignored the banner")."""
    if not any(c.dep_ == "nsubj" and c.lower_ == "who" for c in verb.children):
        return False
    head = verb.head
    by = head.head
    if head.dep_ != "pobj" or by.lower_ != "by" or by.dep_ not in ("agent", "prep"):
        return False
    done = by.head  # "pushed to a public repository by ...": the model may hang "by" lower
    for _ in range(3):
        if done.pos_ in ("VERB", "AUX") or done.dep_ not in ("pobj", "prep"):
            break
        done = done.head
    made = lex.change_verbs | lex.causal_verbs | lex.destructive_verbs
    if not _past_passive_verb(done) or not _in_lex(done, made, lex):
        return False
    return head.lower_ not in lex.indefinite and person_name(head, lex) is not None


def _past_passive_verb(verb: Token) -> bool:
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children)


def _defect_act(verb: Token, lex: BlameLexicon) -> bool:
    """Is ``verb`` a defect put into the work ("introduced the bug", "the regression was
    introduced by ...")? Its object, or its passive subject, is a defect noun."""
    return _in_lex(verb, lex.defect_acts, lex) and any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in lex.defect_nouns
        for c in verb.children
    )


#: verbs of choosing: "chose to ignore", "decided to skip" tell a failure act as a decision
_CHOICE = frozenset({"choose", "decide", "opt", "elect"})


def _chosen(verb: Token) -> bool:
    """The failure act as the infinitive of a past choice ("the engineers chose to ignore
    it", "Kim decided to skip the canary"): as much an act as "ignored", told as a decision.
    Not when the choice is itself negated or hypothetical ("would choose to skip")."""
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and verb.tag_ == "VB"
        and head.lemma_.lower() in _CHOICE
        and _past(head)
        and not _negated(head)
        and not _hypothetical(head)
    )


def _started_operation(verb: Token, lex: BlameLexicon) -> bool:
    """ "a failover was triggered by Kevin": an operation started on purpose, who started it
    is a fact of the timeline, not a cause of harm."""
    if verb.lemma_.lower() != "trigger":
        return False
    done = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if done is None and verb.dep_ == "acl":  # a timeline's note: "Release pipeline triggered
        done = verb.head  # by @omar", the participle on the operation's noun, or on the
        while done.dep_ == "pobj" and done.head.dep_ == "prep":  # object of its "for v4.2"
            done = done.head.head
    return done is not None and done.lemma_.lower() in lex.triggered_operations


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


#: a yes/no question that opens with its "be" ("Was anyone at fault?", "Is someone to
#: blame?"): its answer, not the question, says whether blame is placed
_ASKED_BE = re.compile(r"[\W_]*(?:was|were|is|are)\b", re.IGNORECASE)


def _responsibility(ctx: _Ctx, tok: Token) -> None:
    lex = ctx.lex
    low = tok.lower_
    words = lex.responsibility
    predicate = low in words and tok.dep_ in ("acomp", "attr")
    at_fault = low == "fault" and tok.head.lower_ == "at" and "at fault" in words
    to_blame = (
        low == "blame" and "to blame" in words and any(c.lower_ == "to" for c in tok.children)
    )
    if not (predicate or at_fault or to_blame) or (predicate and _owns_work(tok, lex)):
        return
    hit = tok
    cop = hit.head
    for _ in range(2):
        if cop.lemma_ == "be":
            break
        cop = cop.head
    if cop.lemma_ != "be" or _negated(cop) or _hypothetical(cop) or _denied(hit):
        return
    if _report_frame(cop, lex) == "denied":
        return  # "the panel does not consider anyone to be at fault": the verdict withheld
    if ctx.asking and _question(ctx) and _ASKED_BE.match(ctx.stext):
        return  # "Was anyone at fault?" answered after it ("Nobody. ..."): asked (bl40)
    if cop.dep_ in ("relcl", "acl") or any(c.tag_ in ("WP", "WDT") for c in cop.children):
        return  # "the members who are responsible for X" describes a role
    if any(
        c.dep_ == "aux" and modal_word(c) in ("will", "would", "should", "shall")
        for c in cop.children
    ):
        return
    got = _person_subject(ctx, cop)
    if got is None:
        return
    subj, who = got
    if subj.lower_ in ("i", "we") and low in lex.accountability_words:
        return  # misc30: "we are responsible for the delay": the writers' own account
    ctx.add(
        specs.person_as_cause.code,
        ctx.off(subj.left_edge),
        ctx.end(hit),
        "responsibility",
        person=True,
        who=who,
    )


def _owns_work(word: Token, lex: BlameLexicon) -> bool:
    """ "responsible for the cluster", "responsible for updating the runbook": work owned
    (``owned-work-nouns``, or a gerund not of failure, destructive or causal verbs), not a
    harm pinned on the party; not when stressed (``stressed-duty-adverbs``)."""
    harm = lex.failure_verbs | lex.destructive_verbs | lex.causal_verbs
    stressed = (*word.children, *word.head.children)
    if any(c.dep_ == "advmod" and c.lower_ in lex.stressed_duty_adverbs for c in stressed):
        return False  # "every squad is always responsible for watching ...": a reproach
    for prep in word.children:
        if prep.dep_ != "prep" or prep.lower_ != "for":
            continue
        for obj in prep.children:
            if obj.tag_ == "VBG" and obj.dep_ in ("pcomp", "pobj"):
                return not _in_lex(obj, harm, lex)
            if obj.dep_ == "pobj" and obj.lemma_.lower() in lex.owned_work_nouns:
                return True
    return False


def guilt_named(ctx: _Ctx, tok: Token) -> None:
    """ "The real culprit was Anika", "the vendor is the culprit here": guilt named by a noun
    (``guilt-nouns``, PM101) with a person or an organisation on the other side of "be".
    "The culprit was a missing fence token" names a cause, and "Priya found the culprit"
    names nobody."""
    lex = ctx.lex
    if tok.lower_ not in lex.guilt_nouns or tok.dep_ not in ("attr", "nsubj"):
        return
    cop = tok.head
    if cop.lemma_ == "be" and cop.dep_ == "aux" and tok.dep_ == "nsubj":
        _guilt_misparsed(ctx, tok, cop.head)
        return
    if cop.lemma_ != "be" or _negated(cop) or _hypothetical(cop) or _question(ctx):
        return
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in cop.children) or _denied(tok):
        return
    if tok.dep_ == "attr":
        got = _person_subject(ctx, cop)
        if got is None:
            return
        party, who = got
    else:
        attr = next((c for c in cop.children if c.dep_ == "attr"), None)
        name = person_name(attr, lex) if attr is not None else None
        if attr is None or name is None or attr.text in ctx.systems:
            return
        party, who = attr, name
    first, last = sorted((party, tok), key=lambda t: t.i)
    ctx.add(
        specs.person_as_cause.code,
        ctx.off(first.left_edge),
        ctx.end(last),
        "responsibility",
        person=True,
        who=who,
    )


def _guilt_misparsed(ctx: _Ctx, tok: Token, verb: Token) -> None:
    """ "The real culprit was Mireille pushing the flag to production": the small model reads
    "was ... pushing" as a progressive, with the guilt noun the subject of its auxiliary and
    the person the subject of the verb; the person after the noun is the one named."""
    lex = ctx.lex
    if verb.tag_ != "VBG" or not any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children):
        return
    if _negated(verb) or _question(ctx):
        return
    party = next((c for c in verb.children if c.dep_ == "nsubj" and c.i > tok.i), None)
    who = person_name(party, lex) if party is not None else None
    if party is None or who is None or party.text in ctx.systems:
        return
    ctx.add(
        specs.person_as_cause.code,
        ctx.off(tok.left_edge),
        ctx.end(party),
        "responsibility",
        person=True,
        who=who,
    )
