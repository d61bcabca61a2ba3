"""PM103 for a duty a party is held to have left undone (bl28a): "the storage team was
supposed to rotate the keys" in a statement, a relative clause ("the certificate that the
security desk was supposed to renew", "Ravi, who was meant to check the report, ...") or a
negative question that asks nothing ("Weren't the DBAs supposed to test the restore?").

A thing that was supposed to happen ("the backup job was supposed to run at midnight"), a
duty done to a party ("the on-call engineer was supposed to be paged"), a state ("was
supposed to be on leave"), the present ("who is supposed to own it going forward?"), a
question that asks, a supposition and a quotation stay clean. A first person is read as
"we should have" is (a PM103 warning, the policy for first-person omissions).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pm_lsp.rules.blame import specs
from pm_lsp.rules.blame.cause import _supposed
from pm_lsp.rules.blame.extract import person_name, word_end
from pm_lsp.rules.blame.grammar import (
    _Ctx,
    _hypothetical,
    _lemma,
    _negated,
    _question,
    _quoted,
    _rationale,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from pm_lsp.rules.blame.lexicon import BlameLexicon


def owed_undone(ctx: _Ctx, verb: Token) -> None:
    """``verb``: the participle of one of ``owed-verbs`` ("supposed", "meant") in the past,
    with a party held to it and an act of theirs after "to" (PM103)."""
    lex = ctx.lex
    if verb.tag_ != "VBN" or _lemma(verb, lex) not in lex.owed_verbs:
        return
    act = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    if act is None or not _own_act(act, lex):
        return
    held = _held(verb)
    if held is None:
        return
    party, be = held
    if _done_after(verb, party, act) or _duty_met(verb, act, lex):
        return  # (bl29a) "Theo, who was supposed to join the call, joined at 02:14"
    asked = _question(ctx)
    if asked and (ctx.asking or not _negated(be)):
        return  # "Was the DBA supposed to rotate the keys?": asks, or is answered next
    if not asked and (_negated(be) or _negated(verb)):
        return  # "Kim was not supposed to deploy on Friday": a rule, not a duty undone
    if _hypothetical(verb) or _hypothetical(be) or _supposed(verb) or _quoted(ctx, verb):
        return
    who = person_name(party, lex)
    if who is None or party.text in ctx.systems or _rationale(act, lex, ctx.stext):
        return
    first = be if asked else party.left_edge
    last = word_end(act)
    ctx.add(
        specs.counterfactual.code,
        ctx.off(first),
        ctx.end(last),
        "owed-undone",
        person=True,
        who=who,
        phrase=ctx.words(first, last),
    )


def _held(verb: Token) -> tuple[Token, Token] | None:
    """The party held to the duty and the past "be" that holds them: "<party> was supposed
    to" (a statement or a relative clause), or "wasn't <party> supposed to" (a question the
    small model reads as "be" with the party as its attribute and the participle on it)."""
    be = next((c for c in verb.children if c.dep_ == "auxpass" and c.lemma_ == "be"), None)
    party = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if be is None and verb.dep_ == "acl" and verb.head.dep_ in ("attr", "nsubj"):
        party, be = verb.head, verb.head.head
    if party is not None and party.lower_ == "who" and verb.dep_ == "relcl":
        party = verb.head  # (bl29a) "Ravi, who was supposed to watch the lag, ...": Ravi
    if be is None or party is None or be.lemma_ != "be" or be.tag_ != "VBD":
        return None  # "is supposed to": a rule or a plan, not a duty left undone
    return party, be


def _done_after(verb: Token, party: Token, act: Token) -> bool:
    """A relative clause on the party whose main clause tells the act done: "Theo, who was
    supposed to join the call, was paged and joined at 02:14"."""
    if verb.dep_ != "relcl" or verb.head.i != party.i:
        return False
    main = party.head
    clause = [main, *(c for c in main.children if c.dep_ == "conj")]
    return any(v.lemma_ == act.lemma_ and not _negated(v) for v in clause)


def _duty_met(verb: Token, act: Token, lex: BlameLexicon) -> bool:
    """The owed clause names what the main clause says was done: "the crews did exactly
    what they were meant to do" (a free "what"), "did everything it was supposed to do"
    (one of ``complied-wholes``), "handled it just as she was supposed to handle it" (an
    "as" clause). Praise of a duty met, not a duty held against anyone; the main verb must
    be one of ``complied-verbs``, affirmed, not under another verb ("failed to do what
    ...") and not done by "nobody"."""
    if verb.dep_ == "ccomp":
        main = verb.head
        if not any(c.lower_ == "what" and c.tag_ == "WP" for c in act.children):
            return False
    elif verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        main = verb.head
    elif verb.dep_ == "relcl" and verb.head.lower_ in lex.complied_wholes:
        main = verb.head.head
    else:
        return False
    if main.pos_ not in ("VERB", "AUX") or main.lemma_.lower() not in lex.complied_verbs:
        return False
    if main.dep_ not in ("ROOT", "conj") or _negated(main):
        return False
    subj = next((c for c in main.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return True
    denied = subj.lower_ in lex.nobody or subj.lower_ in ("none", "neither")
    return not denied and not any(c.lower_ == "no" for c in subj.children)


def _own_act(act: Token, lex: BlameLexicon) -> bool:
    """An act the party does ("to rotate the keys", "to be watching the queue"), not one
    done to it ("to be paged"), one that befalls it or a state (``undergone-verbs``: "to
    get an alert", "to be on leave")."""
    if any(c.dep_ == "auxpass" for c in act.children):
        return False
    return act.pos_ == "VERB" and act.lemma_.lower() not in lex.undergone_verbs


def skipped_relative(ctx: _Ctx, verb: Token) -> None:
    """ "The load test, which the release captain skipped this sprint, would have shown the
    leak" (PM103, class 3 of bl28a): a party's omission told in a relative clause (one of
    ``skipped-verbs``, past, a person, role or team its subject) on a step that the main
    clause says "would have" done its work. Clean: a thing's ("the canary stage, which the
    deploy tool skips for config changes"), a reason given, denied, asked, quoted."""
    lex = ctx.lex
    if verb.dep_ != "relcl" or verb.tag_ not in ("VBD", "VBN"):
        return  # past ("skipped", "had skipped"; the small model may tag it VBN)
    if _lemma(verb, lex) not in lex.skipped_verbs or any(
        c.dep_ == "auxpass" for c in verb.children
    ):
        return
    if not any(c.tag_ == "WDT" or c.lower_ == "that" for c in verb.children):
        return  # the step is what was skipped: "which", "that"
    party = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    step = verb.head
    if party is None or step.dep_ not in ("nsubj", "nsubjpass") or _negated(verb):
        return
    modals = [c.lower_ for c in step.head.children if c.dep_ == "aux"]
    if len(modals) < 2 or modals[-1] != "have" or modals[0] not in lex.consequence_modals:
        return  # "... would have shown it": the step's work, missed
    if _question(ctx) or _quoted(ctx, verb) or _rationale(verb, lex, ctx.stext):
        return
    if party.text in ctx.systems or person_name(party, lex) is None:
        return
    ctx.add_omission(party.left_edge, word_end(verb))


def role_unheeded(ctx: _Ctx, verb: Token) -> None:
    """ "Nobody on the night desk was watching the queue depth, which is exactly what the
    night desk is for" (PM103, class 4 of bl28a): no one doing the step a role, rota or desk
    exists for, told with one of ``purpose-tails`` after the lapse. ``verb``: one of
    ``unheeded-verbs`` or ``negated-omissions`` in the past or the past progressive, with
    "nobody" or "no one" as its subject. Clean: no such tail, a reason given, asked, quoted."""
    lex = ctx.lex
    if verb.tag_ not in ("VBD", "VBG") or verb.dep_ not in ("ROOT", "conj", "ccomp"):
        return
    if verb.tag_ == "VBG" and not any(
        c.dep_ == "aux" and c.lower_ in ("was", "were") for c in verb.children
    ):
        return
    lemma = _lemma(verb, lex)
    if lemma not in lex.unheeded_verbs and lemma not in lex.negated_omissions:
        return
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or not (
        subj.lower_ in lex.nobody
        or (subj.lower_ == "one" and subj.i > 0 and subj.nbor(-1).lower_ == "no")
    ):
        return
    if _negated(verb) or _hypothetical(verb) or _question(ctx) or _quoted(ctx, verb):
        return
    tail = lex.purpose_tails.search(ctx.stext, verb.idx)
    if tail is None or not _names_a_party(verb, tail.start(), tail.end(), lex):
        return
    if _rationale(verb, lex, ctx.stext):
        return
    first = subj.left_edge if subj.lower_ != "one" else subj.nbor(-1)
    ctx.add_omission(first, word_end(verb))


def _names_a_party(verb: Token, start: int, end: int, lex: BlameLexicon) -> bool:
    """Does the tail between ``start`` and ``end`` (offsets in the sentence) name whom the
    step falls to: a role or a team (``role-nouns``), a rota or a shift (``shift-nouns``), a
    desk (``desk-nouns``, ``function-bodies``), being on call? "Which is exactly what the
    weekend pause is for" names a thing."""
    party = lex.roles | lex.shift_nouns | lex.desk_nouns | lex.function_bodies
    words = [t for t in verb.doc if start <= t.idx < end]
    if any(t.lemma_.lower() in party or t.lower_ in party for t in words):
        return True
    return any(t.lower_ == "call" and t.i > 0 and t.nbor(-1).lower_ in ("on", "-") for t in words)
