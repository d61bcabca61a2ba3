"""PM103 counterfactuals and omission framing: modal + perfect with a person subject
("should have run"; "could have" only with catch/prevent/notice... or owed diligence),
"failed/neglected/forgot to" + a human action, "if we had ... we could have", a procedure
that "was not followed", "nobody checked", negated omissions ("we did not take into
account", "saw the warning and did not think it mattered"), the omission as a noun
("Failure to follow the checklist") and a lapse a party let happen ("let the certificate
lapse").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pm_lsp.rules.blame import specs
from pm_lsp.rules.blame.abstained import marked_out, rightly_abstained
from pm_lsp.rules.blame.acts import _faulted_manner, _writers
from pm_lsp.rules.blame.awaited import deliberate_wait
from pm_lsp.rules.blame.denied import denied_party
from pm_lsp.rules.blame.duties import department_on_duty, set_off_name
from pm_lsp.rules.blame.extract import (
    hyphen_prefix,
    job_title,
    person_name,
    subject_of,
    word_end,
)
from pm_lsp.rules.blame.firms import firm_name
from pm_lsp.rules.blame.grammar import (
    _Ctx,
    _dobj,
    _hypothetical,
    _in_lex,
    _lemma,
    _misparsed_subject,
    _negated,
    _past,
    _past_passive,
    _person_subject,
    _question,
    _quoted,
    _rationale,
    _realised,
    _unknown_name,
    modal_word,
    other_actor,
    participle_after,
    worse_otherwise,
)
from pm_lsp.rules.blame.lexicon import FIRST_PERSON, BlameLexicon
from pm_lsp.rules.blame.rewrite import passive_fix
from pm_lsp.rules.blame.scorned import scorned_habit
from pm_lsp.rules.blame.seasoned import seasoned_doer
from pm_lsp.rules.blame.tone import _reported
from pm_lsp.rules.blame.unheeded import unheeded_signal

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _hyphened_participle(sdoc: Doc, i: int) -> bool:
    """A hyphen at ``i`` and a participle after it ("load-tested", "smoke-tested")."""
    return i + 1 < len(sdoc) and sdoc[i].tag_ == "HYPH" and sdoc[i + 1].tag_ in ("VBN", "VBD")


def _bettered(md: Token, lex: BlameLexicon) -> bool:
    """ "A more experienced operator would have failed over at once", "a better
    approver would have asked", "any competent DBA would have wanted a restore drill":
    the act measured against an imagined better person, a verdict on the real one whatever
    the act."""
    subj = next((c for c in md.head.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    if _negated(md.head) and (
        md.head.lemma_.lower() in lex.modal_verbs
        or any(t.lower_ in ("either", "even") for t in md.doc)
    ):
        return False  # "a sharper operator would not have noticed either": people cleared
    if any(t.lower_ == "same" for t in md.head.subtree):
        return False  # "a senior engineer would have needed the same access": the
        # substitution test, which clears the person
    if subj.left_edge.i > 0 and subj.doc[subj.left_edge.i - 1].lower_ == "than":
        return False  # "took no longer than a senior engineer would have needed": a
        # comparison, judged (or cleared) by its comparative in ``judgment-phrases``
    # (bl39 class 5) "a seasoned DBA would never have run that migration": the act done,
    # which the imagined better person would not have done
    return bettered_subject(subj, lex)


def _even_imagined(subj: Token, lex: BlameLexicon) -> bool:
    """ "Even a more experienced engineer would have missed it", "even someone more senior
    would have": an imagined person after "even" says anyone would have done the same, a
    defence of the real one."""
    some = any(c.dep_ == "det" and c.lower_ in ("a", "an", "any") for c in subj.children)
    if not some and subj.lower_ not in lex.indefinite:
        return False
    return any(t.lower_ == "even" for t in subj.doc[max(0, subj.left_edge.i - 1) : subj.i])


def bettered_subject(subj: Token, lex: BlameLexicon) -> bool:
    """Is ``subj`` an imagined better person: a noun with a comparative ("a sharper
    operator", "a more careful reviewer") or, after "a"/"any", one of ``competence-words``;
    not after "even"."""
    if any(t.lower_ == "even" for t in subj.doc[subj.left_edge.i - 1 : subj.i]):
        return False
    if subj.lower_ in lex.indefinite:  # "someone more experienced would have seen it"
        return any(
            c.dep_ == "amod" and any(g.lower_ == "more" for g in c.children) for c in subj.children
        )
    if subj.pos_ != "NOUN":
        return False
    some = any(c.dep_ == "det" and c.lower_ in ("a", "an", "any") for c in subj.children)
    return any(
        c.dep_ == "amod"
        and (
            c.tag_ == "JJR"
            or any(g.lower_ in ("more", "better") for g in c.children)
            or (some and c.lower_ in lex.competence_words)
        )
        for c in subj.children
    )


def care_from(ctx: _Ctx, md: Token) -> None:
    """ "A little more attention from the release lead would have caught the typo", "some
    care on the part of the DBA would have prevented this": a person's care, attention or
    diligence told as what was missing, with "would/could have" (PM103), a counterfactual
    on the person as "had the release lead paid attention" is. Clean: a thing's ("some
    attention from the garbage collector"), our own ("care from us"), denied, asked."""
    lex = ctx.lex
    verb = md.head
    if modal_word(md) not in ("would", "could", "might") or _negated(verb) or _question(ctx):
        return
    if not any(c.lower_ in ("have", "'ve", "’ve") and c.i > md.i for c in verb.children):
        return
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < md.i), None)
    if subj is None or _quoted(ctx, subj):
        return
    words = list(subj.subtree)
    if not any(t.lemma_.lower() in lex.care_nouns and t.pos_ == "NOUN" for t in words):
        return
    owner = next(
        (
            g
            for t in words
            if t.lower_ in ("from", "of") and t.dep_ == "prep"
            for g in t.children
            if g.dep_ == "pobj" and g.lower_ not in FIRST_PERSON and person_name(g, lex)
        ),
        None,
    )
    if owner is None:
        return
    last = word_end(verb)
    phrase = ctx.words(subj.left_edge, last)
    ctx.add(
        specs.counterfactual.code,
        ctx.off(subj.left_edge),
        ctx.end(last),
        "should-have",
        person=True,
        phrase=phrase,
    )


def _informed(md: Token, lex: BlameLexicon) -> bool:
    """ "Anyone who had opened the sizing sheet would have paused the rollout", "nobody who
    had read the migration notes would have dropped that table on a Friday": an imagined
    person who had done what the real one did not, doing better; a verdict on the real
    one, as :func:`_bettered`. "would" only ("nobody who had read it could have known"
    clears people), and with "nobody" not a perception or a piece of knowledge ("nobody
    who had read the plan would have noticed the quota": no one could)."""
    if modal_word(md) != "would" or _negated(md.head):
        return False
    subj = next((c for c in md.head.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    who = next((c for c in subj.children if c.dep_ == "relcl"), None)
    if who is None or who.tag_ != "VBN" or not any(c.lower_ == "had" for c in who.children):
        return False
    if any(t.lower_ == "same" for t in md.head.subtree):
        return False  # "anyone who had been on call would have made the same call": the
        # substitution test, which clears the person
    anyone = subj.lower_ in ("anyone", "anybody")
    if anyone or any(c.dep_ == "det" and c.lower_ == "any" for c in subj.children):
        return anyone or person_name(subj, lex) is not None  # not "any cache that had ..."
    nobody = subj.lower_ in lex.nobody or (
        any(c.lower_ == "no" for c in subj.children)
        and (subj.lower_ == "one" or person_name(subj, lex) is not None)
    )  # "no one", "no engineer"; not "no server that had been patched would have crashed"
    seen = lex.perception_verbs | lex.knowledge_verbs | lex.modal_verbs | lex.catch_verbs
    return nobody and md.head.lemma_.lower() not in seen


def _rhetorical(md: Token) -> bool:
    """ "Shouldn't the on-call engineer have noticed the spike?": a question opened by a
    denied modal expects "yes", so it claims what "should have noticed" claims. "Should we
    have paused the rollout?" asks."""
    doc = md.doc
    return md.i == 0 and len(doc) > 1 and doc[1].lower_ in ("n't", "not", "n’t")


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
    while (  # a line break inside the sentence is a token too ("should have\nchecked")
        i < len(sdoc)
        and (
            sdoc[i].dep_ in ("neg", "advmod")
            or sdoc[i].lower_ in ("not", "n't", "never", "to")
            or sdoc[i].is_space
        )
        and sdoc[i].lower_ not in ("have", "'ve")
    ):
        negated = negated or sdoc[i].dep_ == "neg" or sdoc[i].lower_ in ("not", "n't", "never")
        i += 1
    rhetorical = _question(ctx) and _rhetorical(md)
    if rhetorical:  # "Shouldn't the reviewer have caught it?": past the subject to "have"
        i = next((t.i for t in sdoc[i:] if t.lower_ in ("have", "'ve") and t.head == md.head), i)
        negated = False
    # "should had tested": the perfect as a writer whose first language is not English
    # often writes it
    if i >= len(sdoc) or sdoc[i].lower_ not in ("have", "'ve", "’ve", "had"):
        return
    have = sdoc[i]
    i += 1
    while i < len(sdoc) and (sdoc[i].tag_ in ("RB", "HYPH") or sdoc[i].is_space):
        if sdoc[i].lower_ in ("not", "n't", "never"):
            negated = True
        i += 1
    # "load tested", "load-tested": lower-case nouns before the participle belong to the verb
    while (
        i + 1 < len(sdoc)
        and sdoc[i].pos_ in ("NOUN", "ADJ")
        and sdoc[i].text.islower()
        and (sdoc[i + 1].tag_ in ("VBN", "VBD") or _hyphened_participle(sdoc, i + 1))
    ):
        prefix.append(sdoc[i])
        i += 1
        if sdoc[i].tag_ == "HYPH":
            prefix.append(sdoc[i])
            i += 1
    if i >= len(sdoc):
        return
    verb = sdoc[i]
    modal = modal_word(md)
    if modal == "must" or (_question(ctx) and not rhetorical) or _indirect_question(md):
        return
    if _quoted(ctx, md):
        return  # '"Should have dry-run it" is a phrase we dropped': mentioned, not said
    if _reported(md):
        return
    if _exonerated(md.head):
        return  # "not a fault one operator could have caught": the claim denied
    if verb.lower_ == "been":
        _passive_should(ctx, md, verb)
        return
    if verb.dep_ == "amod" and verb.head.dep_ == "dobj" and verb.head.head == have:
        return  # "we should have soak-tested builds ready": a thing to possess, not an act
    more = _wanting_diligence(verb, lex)  # "we could have had more testing"
    if verb.tag_ not in ("VBN", "VBD") or (
        verb.lemma_.lower() in ("have", "be", "get") and not more
    ):
        return
    if modal in ("should", "ought"):
        pass
    elif modal in ("could", "would", "might"):
        informed = _informed(md, lex)
        if (
            verb.lemma_.lower() not in lex.modal_verbs
            and not more
            and not _bettered(md, lex)
            and not informed
        ):
            return
        if any(t.lower_ == "if" for t in sdoc):
            return  # the if-had judge reads conditionals, before or after the main clause
    else:
        return
    subj = None
    for head in (verb, md.head, have):
        subj = next(
            (
                c
                for c in head.children
                if c.dep_ in ("nsubj", "nsubjpass") and (c.i < md.i or rhetorical)
            ),
            None,
        )
        if subj is not None:
            break
    if subj is None:  # "Tom from the day shift should have ...": the model loses "Tom"
        subj = subject_of(verb) or _misparsed_subject(verb, lex) or _whoever_clause(verb)
    if subj is None:
        if not negated:  # "should not have noticed any change": an expectation
            _dropped_subject(ctx, md, verb, modal)
        return
    if subj.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        subj = verb.head
    informed = modal == "would" and _informed(md, lex)
    nobody = subj.lower_ in lex.nobody or any(c.lower_ == "no" for c in subj.children)
    if nobody and not informed:
        return  # "no reviewer could have spotted it": people cleared, not judged
    who = person_name(subj, lex)
    if who is not None and modal != "should" and _even_imagined(subj, lex):
        return  # "even a seasoned DBA would have missed it": no one would have caught it
    if who is None and modal in ("would", "could", "might"):
        who = seasoned_doer(subj, lex)  # "a more experienced dispatcher would have ..."
    if who is None and modal in ("should", "ought"):
        who = (
            firm_name(subj, verb, lex)  # "Harwick Logistics should have checked ..."
            or department_on_duty(subj, verb, lex)  # "Support should have chased ..."
            or set_off_name(subj, md, lex)  # "Our clerk in Leeds, Dana, should have ..."
        )
    if (who is None and not informed) or subj.lower_ == "you":
        return  # "you should have received an email": the reader, told what to expect
    fix = None
    if modal in ("should", "ought") and not negated and not rhetorical:
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
    last = word_end(verb)  # "should have re-closed": the quote ends with the word
    phrase = ctx.words(md, last)
    ctx.add(
        specs.counterfactual.code,
        ctx.off(md if rhetorical else subj.left_edge),
        ctx.end(last),
        "should-have",
        fix=fix,
        person=True,
        phrase=phrase,
    )


def _whoever_clause(verb: Token) -> Token | None:
    """The "whoever" of a clause the small model makes the subject of ``verb``: "whoever
    was on call that night should have escalated" (a clausal subject in the passive)."""
    for c in verb.children:
        if c.dep_ in ("csubj", "csubjpass"):
            who = next((g for g in c.children if g.dep_ == "nsubj"), None)
            if who is not None and who.lower_ == "whoever":
                return who
    return None


def _dropped_subject(ctx: _Ctx, md: Token, verb: Token, modal: str) -> None:
    """ "should have caught this in staging": a note written in fragments drops its subject,
    and the one dropped is whoever was to act (PM103, as "We should have caught this"). Only
    for the acts a note blames its writers for (``dropped-subject-acts``: catching, testing,
    escalating); "should have detected the full disk", "should have paged the on-call" and
    "should have read the new value" are what a system was expected to do."""
    lex = ctx.lex
    if modal not in ("should", "ought") or any(not t.is_punct for t in ctx.sdoc[: md.i]):
        return
    if verb.lemma_.lower() not in lex.dropped_subject_acts:
        return
    last = word_end(verb)
    ctx.add(
        specs.counterfactual.code,
        ctx.off(md),
        ctx.end(last),
        "should-have",
        person=True,
        phrase=ctx.words(md, last),
    )


def _exonerated(verb: Token) -> bool:
    """Is the counterfactual a relative clause of what the sentence denies: "not something a
    single person could have prevented", "there was nothing anyone could have done", "it
    was no bug a reviewer would have caught"? Then it clears people instead of judging
    them."""
    if verb.dep_ != "relcl":
        return False
    head = verb.head
    if head.lower_ in ("nothing", "none"):
        return True
    denied = any(c.lower_ == "no" for c in head.children)
    return denied or (head.dep_ in ("attr", "dobj") and _negated(head.head))


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
        if node.head.i == node.i:
            break
        node = node.head
    return False


def _handled_item(verb: Token, lex: BlameLexicon) -> bool:
    """The passive is a relative clause on an item a system handles (``handled-items``):
    "payments that ought to have been approved" names the items by the verdict they were
    due, not a lapse of anyone's."""
    node = verb.head if verb.dep_ == "xcomp" else verb  # "ought to have been approved"
    return node.dep_ == "relcl" and node.head.lemma_.lower() in lex.handled_items


def _passive_should(ctx: _Ctx, md: Token, been: Token) -> None:
    """ "should have been addressed": a lapse with the person left implicit."""
    lex = ctx.lex
    j = been.i + 1
    while (  # "should have been load-tested", "re-checked": the participle after its prefix
        j + 2 < len(ctx.sdoc)
        and ctx.sdoc[j + 1].text == "-"
        and not ctx.sdoc[j].whitespace_
        and not ctx.sdoc[j + 1].whitespace_
    ):
        j += 2
    nxt = ctx.sdoc[j : j + 2]
    verb = next((t for t in nxt if t.tag_ == "VBN"), None)
    hindsight = lex.modal_verbs | {"discover"}
    if md.lower_ not in ("should", "ought"):
        # the condition decides: "if" here, an inverted "had" in ``acts.had_inverted``
        # ("had the flag been off, the crash would have been avoided" is a thing's)
        if verb is not None and (
            any(t.lower_ == "if" for t in ctx.sdoc) or ctx.sdoc[0].lower_ == "had"
        ):
            _if_person_acted(ctx, md)
            return
        # "could have been avoided through more stringent checks": the hindsight passive
        if verb is None or verb.lemma_.lower() not in hindsight or _negated(verb):
            return
    elif (
        _careful_counterfactual(ctx, md, been)
        or _progressive_counterfactual(ctx, md, been)
        or _present_counterfactual(ctx, md, been)
    ):
        return
    if verb is None or any(c.dep_ == "nsubjpass" and c.lower_ == "you" for c in verb.children):
        return  # "you should have been migrated by now": the reader, told what to expect
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
    elif _handled_item(verb, lex):
        return  # "payments that ought to have been approved were declined": which items
    last = word_end(verb)
    phrase = ctx.words(md, last)
    ctx.add(specs.counterfactual.code, ctx.off(md), ctx.end(last), "passive-should", phrase=phrase)


#: states rather than acts: "if the disk was bigger", "if Kim had known"
_STATES = frozenset({"be", "have", "get", "know", "exist", "seem"})


def _if_person_acted(ctx: _Ctx, md: Token) -> None:
    """ "... could have been resolved if everyone was talking in one channel", "... would
    have been caught if the reviewer ran the tests": a passive counterfactual whose
    condition is a person's act in the simple or progressive past (the "if ... had ..."
    form is :func:`_if_had`'s); the outcome may be any, the condition makes the
    counterfactual. Clean when the condition's subject is a thing ("if the
    cache was warm"), a state ("if we knew"), or negated ("if Kim had not noticed")."""
    for mark in ctx.sdoc:
        if mark.lower_ != "if" or mark.dep_ != "mark":
            continue
        cond = mark.head
        if cond.tag_ not in ("VBD", "VBG") or cond.lemma_.lower() in _STATES:
            continue
        if any(c.lower_ in ("had", "'d") for c in cond.children) or _negated(cond):
            continue
        if _person_subject(ctx, cond) is None:
            continue
        ctx.add(
            specs.counterfactual.code,
            ctx.off(md),
            ctx.end(cond.right_edge),
            "if-acted",
            person=True,
            phrase=ctx.words(md, cond.right_edge),
        )
        return


def _progressive_counterfactual(ctx: _Ctx, md: Token, been: Token) -> bool:
    """ "Omar should have been watching the replication lag": the progressive form of the
    act a person is said to have owed, the same counterfactual as "should have watched"
    (PM103). Reported (True) only with a person as the subject: "the cache should have
    been warming up" is a system's expected state."""
    sdoc = ctx.sdoc
    j = been.i + 1
    while j < len(sdoc) and sdoc[j].tag_ == "RB":
        j += 1
    if j >= len(sdoc) or sdoc[j].tag_ != "VBG":
        return False
    verb = sdoc[j]
    got = _person_subject(ctx, verb) or _person_subject(ctx, been)
    if got is None or got[0].lower_ == "you":
        return False
    last = word_end(verb)
    ctx.add(
        specs.counterfactual.code,
        ctx.off(got[0].left_edge),
        ctx.end(last),
        "should-have",
        person=True,
        phrase=ctx.words(md, last),
    )
    return True


def _present_counterfactual(ctx: _Ctx, md: Token, been: Token) -> bool:
    """ "Somebody from the carrier should have been on the line", "the vendor ought to
    have been reachable" (bl39 class 1): the presence a person is said to have owed, on one
    of ``presence-places`` or one of ``presence-states``, the same counterfactual as "should
    have joined" (PM103). Reported (True) only with a person as the subject: "the replica
    should have been online" is a system's state."""
    lex = ctx.lex
    word = None
    for c in been.children:
        if c.dep_ in ("acomp", "advmod") and c.lower_ in lex.presence_states:
            word = c
        elif c.dep_ == "prep" and c.lower_ in ("on", "at", "in"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.lemma_.lower() in lex.presence_places:
                word = obj
        if word is not None:
            break
    if word is None:
        return False
    got = _person_subject(ctx, been)
    if got is None or got[0].lower_ == "you":
        return False
    ctx.add(
        specs.counterfactual.code,
        ctx.off(got[0].left_edge),
        ctx.end(word),
        "should-have",
        person=True,
        phrase=ctx.words(md, word),
    )
    return True


def _careful_counterfactual(ctx: _Ctx, md: Token, been: Token) -> bool:
    """ "We should have been more careful", "the lead should have been faster to roll
    back": the counterfactual asks for a virtue (``conduct-words``) or a pace
    (``owed-paces``) instead of a step. Reported (True) when such a word is the complement
    and a person the subject."""
    owed = ctx.lex.conduct | ctx.lex.owed_paces
    word = next((c for c in been.children if c.dep_ == "acomp" and c.lower_ in owed), None)
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
        phrase=ctx.words(md, word),
    )
    return True


def failure_to(ctx: _Ctx, noun: Token) -> None:
    """ "Failure to follow the deployment checklist": the omission as a noun (PM103), with
    no one or a person as its possessor. With no possessor, only an act of people
    (``failure-to-acts``: "failure to connect" is a system's); with a person as the
    possessor, any act ("Lukas's failure to renew the certificate": whatever he failed to
    do is pinned on him)."""
    lex = ctx.lex
    if noun.lower_ != "failure" or noun.pos_ != "NOUN":
        return
    act = next(
        (
            c
            for c in noun.children
            if c.dep_ == "acl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        ),
        None,
    )
    if act is None or _question(ctx):
        return
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    of_owner = _of_owner(noun, act)
    if owner is None and of_owner is not None:
        if person_name(of_owner, lex) is None:
            return  # "the failure of the health check to detect ...": a mechanism's
        owner = of_owner
    elif owner is not None and person_name(owner, lex) is None:
        return  # "the job's failure to check the lock": a mechanism's
    if act.lemma_.lower() not in lex.failure_to_acts and (
        owner is None or owner.lower_ in FIRST_PERSON or lex.rationale_re.search(ctx.stext)
    ):
        return  # "her failure to connect was due to the expired certificate": a cause given
    last = word_end(act)
    ctx.add(
        specs.counterfactual.code,
        ctx.off(noun if owner is None or owner is of_owner else owner.left_edge),
        ctx.end(last),
        "failed-to",
        person=owner is not None,
        phrase=ctx.words(noun, last),
    )


def _of_owner(noun: Token, act: Token) -> Token | None:
    """Whose failure an of-phrase, a by-phrase (bl26b) or "on the part of" between the noun
    and its act names ("the failure of the night engineer to renew ...", "the failure by
    the data team to warn ..." hang the phrase on "failure")."""
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.i > act.i or prep.lower_ not in ("of", "by", "on"):
            continue
        owner = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if prep.lower_ != "on":
            return owner
        if owner is not None and owner.lower_ == "part":  # "on the part of the DBA"
            return _of_owner(owner, act)
    return None


def let_lapse(ctx: _Ctx, verb: Token) -> None:
    """ "The contractor let the certificate lapse": a lapse a party allowed (PM103)."""
    lex = ctx.lex
    if verb.lower_ != "let" or _negated(verb) or _hypothetical(verb):
        return
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children) and not _past(verb):
        return  # "will let", "do not let": the bare form with no past
    lapse = next(  # the small model may read "lapse" as the object noun
        (
            c
            for c in verb.children
            if c.dep_ in ("ccomp", "xcomp", "dobj") and _in_lex(c, lex.let_lapses, lex)
        ),
        None,
    )
    if lapse is None:
        return
    got = other_actor(ctx, verb)
    if got is None:
        return
    subj, who = got
    ctx.add(
        specs.counterfactual.code,
        ctx.off(subj.left_edge),
        ctx.end(lapse),
        "let-lapse",
        person=True,
        who=who,
        phrase=ctx.words(verb, lapse),
    )


def _rule_if(verb: Token) -> bool:
    """A supposition in the present: "if the duty officer fails to confirm, the run is
    held" states a procedure's rule, not a lapse that happened."""
    return verb.tag_ in ("VBZ", "VBP") and any(
        c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in verb.children
    )


def _party_failing(ctx: _Ctx, verb: Token, act: Token) -> tuple[Token, str] | None:
    """A company named by its name that failed to do what only an organisation of people
    does ("Microsoft failed to communicate the degradation", ``party-acts``): the vendor's
    omission, as "the vendor failed to communicate ..." is; only a party does these, so a
    capitalised name is one (as only a mind "ignores": :func:`_needs_mind`). A product
    failing at its own job ("PagerDuty failed to notify the secondary") is a system's
    failure: notifying, sending and delivering are no party acts, and a CamelCase or
    system name is no party."""
    subj = subject_of(verb)
    if subj is None or subj.dep_ != "nsubj" or act.lemma_.lower() not in ctx.lex.party_acts:
        return None
    if subj.text in ctx.systems or not _unknown_name(subj, ctx.lex):
        return None
    obj = _dobj(act)
    names = {t.lemma_.lower() for t in ([obj, *obj.children] if obj is not None else [])}
    if obj is None or not names & ctx.lex.party_act_objects:
        return None  # "Redis failed to acknowledge the write": a system's act
    return subj, ctx.words(subj.left_edge, subj)


def _bother_lapse(ctx: _Ctx, verb: Token) -> bool:
    """ "didn't bother to check", "nobody bothered reading": denied, and not a decision
    explained ("... because it had recovered"), a plan ("we won't bother reading the whole
    manual") or a claim quoted ('"They didn't bother reading it," the vendor claimed')."""
    lex = ctx.lex
    denied = (
        _negated(verb)
        or any(
            c.lower_ == "never" or (c.dep_ == "nsubj" and c.lower_ in lex.nobody)
            for c in verb.children
        )
        or _denied_subject(verb, lex)
        or _nobody_above(verb, lex) is not None
    )
    if not denied or _rationale(verb, lex, ctx.stext) or _quoted(ctx, verb):
        return False
    # a plan or an instruction: "we won't bother", "you needn't bother filing a ticket"
    return not any(c.tag_ == "MD" or c.lower_ in _NEED for c in verb.children)


def _denied_subject(verb: Token, lex: BlameLexicon) -> bool:
    """The verb's subject is no one ("no one on the team", "not one of the operators"),
    which denies the verb: a lapse denied is none, care denied is an omission."""
    subj = subject_of(verb)
    return subj is not None and denied_party(subj, lex)


def _nobody_above(verb: Token, lex: BlameLexicon) -> Token | None:
    """The "nobody" whose relative clause the small model hung ``verb`` under, as a
    participle of the clause's object: "Nobody who signed off on the migration bothered to
    open the plan" (bl40). The clause describes the subject the verb lost."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN"):
        return None
    node = verb.head
    for _ in range(4):
        if node.dep_ == "relcl":
            who = node.head
            no_one = who.lower_ == "one" and any(c.lower_ == "no" for c in who.children)
            return who if who.lower_ in lex.nobody or no_one else None
        if node.head.i == node.i:
            return None
        node = node.head
    return None


#: "need" as a modal ("you needn't bother", "need not bother"): an instruction (bl28b)
_NEED = frozenset({"need", "needn't", "needn’t"})


def _without_bothering(ctx: _Ctx, verb: Token) -> None:
    """ "The vendor pushed the firmware without bothering to ask the plant operators": a
    step left out, pinned on whoever did the act "without" governs (PM103, class 2 of
    bl28b). A thing's act ("the updater replaced the binary without bothering to ask") has
    no person subject; a reason given ("... because the window was closing") excuses."""
    prep = verb.head
    if verb.lower_ != "bothering" or verb.dep_ != "pcomp" or prep.lower_ != "without":
        return
    step = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    if step is None or _quoted(ctx, verb) or _rationale(prep.head, ctx.lex, ctx.stext):
        return
    got = _person_subject(ctx, prep.head)
    if got is None or _question(ctx):
        return
    subj, _who = got
    ctx.add_omission(subj.left_edge, word_end(step))


def _failed_to(ctx: _Ctx, verb: Token) -> None:
    lex = ctx.lex
    lemma = _lemma(verb, lex)
    reflexive = lemma in lex.reflexive_omissions and _reflexive(verb)
    if reflexive:
        lemma = "bother"  # (bl29a) "did not trouble herself to open the report": "didn't bother to"
    elif lemma not in lex.omission_verbs:
        return
    x = next((c for c in verb.children if _to_verb(c, reflexive)), None)
    gerund = x is not None and lemma == "bother" and x.tag_ == "VBG"  # "didn't bother reading"
    if x is None or not (gerund or any(c.lower_ == "to" and c.dep_ == "aux" for c in x.children)):
        return
    party = _party_failing(ctx, verb, x) if lemma == "fail" else None
    unowed = lemma == "fail" and x.lemma_.lower() not in lex.human_actions and not _until(x)
    if unowed and party is None and not _any_act_failed(ctx, verb, x):
        return  # "failed to connect": an attempt; "failed to raise it until 15:40": a delay
    if lemma == "bother" and not _bother_lapse(ctx, verb):
        return
    if lemma != "bother" and (_negated(verb) or _hypothetical(verb) or _rule_if(verb)):
        return
    if lemma != "bother" and _denied_subject(verb, lex):
        return  # "nobody failed to follow the checklist": everyone followed it
    if _question(ctx):
        return
    got = _person_subject(ctx, verb) if party is None else party
    if got is None:
        nob = subject_of(verb) or _nobody_above(verb, lex)
        if nob is None or (nob.lower_ not in lex.nobody and nob.lower_ != "one"):
            return
        got = (nob, nob.text)
    subj, _who = got
    if lemma == "fail" and x.lemma_.lower() not in lex.human_actions and _writers(subj):
        return  # "we failed to restore service until 11:00": the writers' own timeline
    if _our_own_gap(ctx, subj, x):
        return  # "we failed to test the failover", under Lessons: our gap, owned
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
    last = word_end(x)  # "forgot to re-enable": the quote ends with the word
    ctx.add(
        specs.counterfactual.code,
        ctx.off(subj.left_edge),
        ctx.end(last),
        "failed-to",
        fix=fix,
        person=True,
        phrase=ctx.words(verb, last),
    )


def _any_act_failed(ctx: _Ctx, verb: Token, act: Token) -> bool:
    """ "Marisol failed to chase the carrier", "the release manager failed to hand over the
    checklist": a person's "failed to" is an omission whatever the act (bl36 class 1),
    unless the act is an outcome one tries for (``attempt-outcomes``: "Dana failed to
    reproduce the crash") or the failure ends an attempt (``attempt-verbs``: "tried to
    restart it but failed to reach the node"). Only a named person or a role: not the
    writers' own ("we failed to chase the vendor" keeps the duty list), not "nobody", not
    a thing ("the bot failed to label the pull request")."""
    lex = ctx.lex
    kids = {c.lower_ for c in act.children if c.i == act.i + 1}  # not "sign ... in time"
    tried = {_lemma(act, lex), act.lemma_.lower()}
    tried |= {f"{w} {k}" for w in tried for k in kids}  # "log in", "sign in"
    if tried & lex.attempt_outcomes:
        return False
    if verb.dep_ == "conj" and verb.head.lemma_.lower() in lex.attempt_verbs:
        return False
    if any(c.lower_ == "despite" or c.lemma_.lower() in lex.attempt_verbs for c in verb.children):
        return False  # "despite three retries", "after trying twice"
    if any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in verb.children):
        return False  # a supposition: "if Kim fails to chase the carrier, ..."
    got = _person_subject(ctx, verb)
    if got is None or got[0].dep_ != "nsubj" or _writers(got[0]):
        return False
    # a name the model calls a person may be a product ("Zendesk failed to disclose ..."):
    # only a known given name, a role noun or a pronoun
    subj = got[0]
    if job_title(subj, lex):
        return True  # "the Shift Payroll Officer failed to ...": a person's title in capitals
    if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in subj.children):
        return False  # "the Kubernetes operator failed to reconcile ...": software
    return subj.pos_ != "PROPN" or lex.given_name(subj.text)


def _reflexive(verb: Token) -> bool:
    """ "trouble herself": the verb's object is a reflexive pronoun."""
    return any(c.dep_ == "dobj" and c.lower_.endswith(("self", "selves")) for c in verb.children)


def _to_verb(x: Token, reflexive: bool) -> bool:
    """The act after the omission verb: a complement ("forgot to renew"), or after a
    reflexive an infinitive the small model hangs on it as an adverbial clause ("troubled
    herself to open")."""
    if x.dep_ == "xcomp":
        return True
    return reflexive and x.dep_ == "advcl" and any(c.lower_ == "to" for c in x.children)


def _omission_verb_ok(verb: Token, lex: BlameLexicon) -> bool:
    lemma = _lemma(verb, lex)  # "installed" -> "instal" in the small model's tables
    if lemma in lex.record_verbs and lemma not in lex.negated_omissions:
        return _record_left(verb, lex)
    if lemma not in lex.negated_omissions:
        return False
    kids = {c.lower_ for c in verb.children}
    if lemma in lex.duties and kids & {"anything", "nothing"}:
        return False  # "we did not install anything during the freeze": no duty left
    if lemma == "take":
        return "into" in kids and any(
            g.lower_ == "account" for c in verb.children for g in c.children
        )
    if lemma in ("pick", "set"):  # "nobody picked up the page", "never set up paging"
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
        # "nobody acted on the alert", "... was not acted upon by the desk"; "did not act
        # until ..." is timing
        return bool(kids & {"on", "upon"})
    if lemma == "tell":  # "did not tell anyone": not "did not tell customers until 10:00"
        return any(c.dep_ == "dobj" and c.lower_ in ("anyone", "anybody") for c in verb.children)
    if lemma == "ask":  # "nobody asked whether 01:30 was safe"; not "nobody asked for a refund"
        return "about" in kids or any(
            c.dep_ == "ccomp"
            and any(g.lower_ in ("whether", "if") or g.tag_ == "WRB" for g in c.children)
            for c in verb.children
        )
    return True


def _record_left(verb: Token, lex: BlameLexicon) -> bool:
    """A record left unwritten by a person or a role (bl37 class 6): "the contractor who
    built it never wrote any documentation", "the previous admin never left a runbook" (one
    of ``record-verbs`` with one of ``record-nouns`` as its object). Not the writers' own
    (first-person omissions keep their own judges) nor an organisation's practice ("the
    vendor never wrote release notes" tells how a company works)."""
    if not any(
        c.dep_ == "dobj" and (c.lower_ in lex.record_nouns or c.lemma_.lower() in lex.record_nouns)
        for c in verb.children
    ):
        return False
    subj = subject_of(verb)
    return (
        subj is not None
        and subj.lower_ not in FIRST_PERSON
        and subj.lemma_.lower() not in lex.paced_parties
    )


def _dismissed_signal(verb: Token, lex: BlameLexicon) -> bool:
    """ "saw the warning and did not think it mattered": a signal perceived, then judged
    unimportant, in one coordinated act; "I did not think the migration would take long" is
    a plain expectation."""
    return (
        verb.dep_ == "conj"
        and verb.head.lemma_.lower() in lex.perception_verbs
        and any(c.dep_ == "ccomp" for c in verb.children)
    )


def _left_untended(verb: Token, lex: BlameLexicon) -> bool:
    """Upkeep left undone over a stretch of time, in the perfect: "nobody has reviewed the
    alert rules since the migration", "no one had updated the runbook in two years", "the
    team has not tested the restore for months" (``neglect-verbs``, with "since" or "in" /
    "for" one of ``neglect-spans``). Not "nobody has reported errors since the fix" (no
    upkeep) or "nobody has checked in since Friday" (a particle verb)."""
    if verb.tag_ != "VBN" or verb.lemma_.lower() not in lex.neglect_verbs:
        return False
    if not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return False
    if any(
        c.dep_ == "prt"
        or (c.i == verb.i + 1 and (c.pos_ == "ADJ" or c.lower_ in ("out", "off", "in")))
        for c in verb.children
    ):
        return False  # "checked in", "tested positive", "rotated out of the on-call shift"
    if any(
        c.dep_ == "dobj"
        and any(d.dep_ == "det" and d.lower_ in ("a", "an", "any") for d in c.children)
        for c in verb.children
    ):
        return False  # "nobody has reviewed a false alarm since": an all-clear
    # the time frame hangs on the verb or, in the small model's parse, on its object
    frame = [*verb.children, *(g for c in verb.children if c.dep_ == "dobj" for g in c.children)]
    for c in frame:
        if c.lower_ == "since" and c.dep_ in ("prep", "mark", "advmod"):
            return True
        if (
            c.dep_ == "prep"
            and c.lower_ in ("in", "for")
            and any(g.dep_ == "pobj" and g.lemma_.lower() in lex.neglect_spans for g in c.children)
        ):
            return True
    return False


#: what makes the clause before ", which nobody noticed" a lapse: a lack or a negation
_LACK = frozenset({"no", "not", "n't", "never", "none", "without", "missing", "stale"})


def _lapse_nobody_saw(verb: Token, lex: BlameLexicon) -> bool:
    """ "The canary ring had almost no devices of the old board, which nobody noticed": a
    lapse (a lack, a negation or a harm in the clause before) that "nobody" saw is the
    omission framing a main clause's "nobody noticed" is. "Latency improved by 5%, which
    nobody noticed" tells of no lapse."""
    if not any(c.dep_ == "nsubj" and c.lower_ in lex.nobody for c in verb.children):
        return False
    before = verb.doc[verb.sent.start : verb.left_edge.i]
    return any(
        t.lower_ in _LACK or t.lemma_.lower() in lex.harm_events or t.lower_ in lex.wrong_words
        for t in before
    )


def _message_unheeded(verb: Token, lex: BlameLexicon) -> bool:
    """ "The handoff note, which nobody read, listed the route", "a reminder that no one
    actioned": a message or a warning "nobody" took in, told in a relative clause in the
    past, is the omission framing "nobody read the handoff note" is. "A channel that nobody
    reads" (a habit) and "a batch job nobody saw coming" (a surprise) are not messages
    left unread."""
    if verb.tag_ != "VBD" or verb.head.lemma_.lower() not in lex.heeded_messages:
        return False
    return any(c.dep_ == "nsubj" and _no_one(c, lex) for c in verb.children)


def _no_one(tok: Token, lex: BlameLexicon) -> bool:
    """ "nobody", "no-one", or "one" under a "no" ("no one")."""
    return tok.lower_ in lex.nobody or (
        tok.lower_ == "one" and any(c.lower_ == "no" for c in tok.children)
    )


def _who_lapsed(verb: Token) -> bool:
    """ "approved by someone who evidently did not think to check the old tablets": a
    relative clause on a person ("who") that denies their step is that person's omission,
    as a main clause would tell it; "a channel nobody reads" has no "who"."""
    return _negated(verb) and any(c.dep_ == "nsubj" and c.lower_ == "who" for c in verb.children)


def _own_omission(ctx: _Ctx, verb: Token, untended: bool) -> bool:
    """A person's own step denied: "Kim did not check the backup", "the team never tested
    the restore", and the habit "Kim never reads the handover notes"; not explained."""
    habit = verb.tag_ in ("VBZ", "VBP") and any(c.lower_ == "never" for c in verb.children)
    # "a contributor who clearly hadn't read the spec": the past perfect of a step denied
    perfect = (
        verb.tag_ == "VBN"
        and _who_lapsed(verb)
        and any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)
    )
    if not _negated(verb) or (
        verb.tag_ not in ("VB", "VBD") and not untended and not habit and not perfect
    ):
        return False
    if verb.tag_ == "VB" and not any(c.lower_ in ("did", "do") for c in verb.children):
        return False
    if _our_status_now(verb, untended):
        return False
    return _person_subject(ctx, verb) is not None and not _rationale(verb, ctx.lex, ctx.stext)


#: the tags of a finite verb
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: the auxiliaries of a present tense: "we do not ...", "we have not ... since"
_PRESENT_AUX = frozenset({"do", "does", "have", "has", "'ve", "’ve"})


def _our_status_now(verb: Token, untended: bool) -> bool:
    """The writers' own state now, not a lapse in the incident (bl43 class 2): "we have not
    revisited that rule since" or "we haven't rotated the key since the outage" (upkeep
    in the present perfect, framed by "since"), "we do not count the replay as a loss" (a
    stance in the present). Our step denied in the past ("we did not check the versions",
    "we had not tested the restore") and upkeep left for a stretch ("we have not audited
    the rules in three years") keep their finding; so does a state told with what it led to
    ("... since the move, and the restore failed") and anyone else's present."""
    subj = subject_of(verb)
    if subj is None or subj.lower_ not in FIRST_PERSON:
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if verb.tag_ == "VB":
        return bool(aux & {"do", "does"})
    if not (untended and aux & _PRESENT_AUX):
        return False
    frame = [*verb.children, *(g for c in verb.children if c.dep_ == "dobj" for g in c.children)]
    since = next((c for c in frame if c.lower_ == "since"), None)
    if since is None:
        return False
    # "... since the move, and the restore failed", "..., so the page never fired": a
    # finite verb after it (other than the one "since" itself opens) tells what it led to
    sent = verb.sent
    return not any(
        t.tag_ in _FINITE and t.i != since.head.i for t in sent if t.i > verb.i
    ) and not any(t.tag_ in _FINITE and t.i < verb.i and t.pos_ == "VERB" for t in sent)


def _our_own_gap(ctx: _Ctx, subj: Token, act: Token) -> bool:
    """The writers owning a gap where they take stock of their gaps (``own-gap-sections``,
    Lessons): "we never verified how the vendor handles duplicates" there names our own
    blind spot, not a person to blame. "Kim never verified it" and "the DBA team failed to
    test it" there, and a first-person omission told in the incident's story, keep PM103;
    a safeguard we never set up is ours anywhere (:func:`_owned_setup`)."""
    lex = ctx.lex
    if ctx.sent.where & lex.own_gap_sections and subj.lower_ in lex.own_gap_subjects:
        return True
    return _owned_setup(subj, act, lex)


def _owned_setup(subj: Token, act: Token, lex: BlameLexicon) -> bool:
    """ "Because we never set up a weekend rota, nobody was paged", "our team did not
    configure alerting on the expiry": the writers naming a safeguard they never put in
    place (``owned-setup-verbs`` with an object), which is the finding itself, not a person
    blamed. "Sam never set up the rota", "the platform team never configured it" (not ours)
    and "we never reviewed the quota" (a check, not a safeguard) keep PM103."""
    if _lemma(act, lex) not in lex.owned_setup_verbs:
        return False
    if _dobj(act) is None and not any(c.dep_ == "xcomp" and c.tag_ == "VBG" for c in act.children):
        return False  # "set up paging for the host": the safeguard named by a gerund
    if subj.lower_ in lex.own_gap_subjects:
        return True
    return subj.lemma_.lower() in lex.owning_groups and any(
        c.dep_ == "poss" and c.lower_ == "our" for c in subj.children
    )


def _negated_omission(ctx: _Ctx, verb: Token) -> None:
    lex = ctx.lex
    relative = verb.dep_ == "relcl" and not (
        _lapse_nobody_saw(verb, lex) or _message_unheeded(verb, lex) or _who_lapsed(verb)
    )
    if relative or verb.dep_ in ("amod", "acl", "aux", "pcomp") or _hypothetical(verb):
        return
    untended = _left_untended(verb, lex) and not _rationale(verb, lex, ctx.stext)
    if not (untended or _omission_verb_ok(verb, lex) or _stance_lapse(verb, lex)):
        return
    if _question(ctx) or rightly_abstained(verb, lex, ctx.stext):
        return
    subj = subject_of(verb) or _nobody_before_prefix(verb, lex)
    if subj is None or (subj.dep_ != "nsubj" and subj.i > verb.i) or _our_own_gap(ctx, subj, verb):
        return
    if subj.dep_ != "nsubj" and subj.lower_ not in lex.nobody and not _who_lapsed(verb):
        return
    nobody = _no_one(subj, lex)
    if any(c.lower_ in lex.decision_adverbs for c in verb.children):
        return  # "the team deliberately did not test the break-glass path": a decision
    if nobody:
        habit = scorned_habit(verb, subj, lex)  # "Obviously, nobody on that desk reads ..."
        if verb.tag_ != "VBD" and not untended and not _prefixed_past(verb) and not habit:
            return
        if not untended and _rationale(verb, lex, ctx.stext):
            return  # "Nobody documented the flag because the template had no field for it"
    elif not _own_omission(ctx, verb, untended):
        return
    obj = _dobj(verb)
    fix = (
        None  # the rewrite is a simple past; "has not been reviewed since" needs its perfect
        if untended
        else passive_fix(
            subject=subj,
            verb=verb,
            obj=obj,
            negate=True,
            base=ctx.sent.base,
            text=ctx.text,
            lex=lex,
            title="Rewrite as what did not happen (agentless)",
        )
    )
    end_tok = verb
    for c in verb.children:
        if c.dep_ in ("prt", "prep") and c.i > verb.i and (obj is None or c.i < obj.i):
            end_tok = c.right_edge
    ctx.add_omission(subj.left_edge, end_tok, fix=fix)


def _unowned_passive(ctx: _Ctx, verb: Token) -> None:
    """ "The expiry notice was not actioned by anyone", "the schema change was not reviewed
    by the search team": "nobody actioned it", "the team did not review it" told in the
    passive, the same omission framing. Only a past passive with a negation and "anyone" or
    a person as its "by" agent, not a delay ("... until 14:10"). "Read" only of a message
    meant to be read (``heeded-messages``: "the release notes were not read by the vendor's
    engineer"): "the data was not read by anyone" is a security all-clear."""
    lex = ctx.lex
    if verb.tag_ != "VBN" or not _negated(verb) or not _past_passive(verb):
        return
    if verb.lemma_ == "read" and not _unread_message(verb, lex, ctx.stext):
        return
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    anyone = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None
    if anyone is None or (
        anyone.lower_ not in ("anyone", "anybody") and not _pinned_person(anyone, lex)
    ):
        return
    if not _omission_verb_ok(verb, lex) or _question(ctx) or _rationale(verb, lex, ctx.stext):
        return
    if _until(verb):
        return  # "was not acknowledged by the on-call engineer until 14:10": a delay
    if _faulted_manner(ctx, verb):
        return  # "was not set up wrongly by the team": a fault denied, a clearing statement
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), verb)
    ctx.add_omission(subj.left_edge, anyone)


def _unread_message(verb: Token, lex: BlameLexicon, stext: str) -> bool:
    """The passive "read" has a message meant to be read as its subject ("the handover
    note was not read by ..."), and the party was not keeping its hands off it."""
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is None or subj.lemma_.lower() not in lex.heeded_messages:
        return False
    return not (marked_out(subj, lex) or rightly_abstained(verb, lex, stext))


def _pinned_person(tok: Token, lex: BlameLexicon) -> bool:
    """A person or a body named as one ("Priya", "the search team", "our DBA"); not a
    bare plural of a role, which speaks of a kind of people ("was not noticed by
    administrators for 8 days" tells of a detection gap)."""
    if person_name(tok, lex) is None:
        return False
    bare = tok.tag_ == "NNS" and not any(c.dep_ in ("det", "poss") for c in tok.children)
    return not bare


def _not_followed(ctx: _Ctx, verb: Token) -> None:
    """A procedure not followed, or one of its steps skipped, told in the passive ("The
    runbook was not followed", "the safeguards were in place but were not followed", "That
    step was skipped", "the checklist was ignored"): a deviation framed as the cause. Not a
    step skipped by design ("is skipped when the flag is set": present tense), not a setting
    software ignored ("the retry policy was ignored": ``ignored-procedures``). A control or
    a check people apply (``followed-nouns``) deviates only by not being followed: "the
    schema check was skipped" is what software did."""
    lex = ctx.lex
    lemma = verb.lemma_.lower()
    if lemma not in ("follow", "skip", "ignore") or verb.tag_ != "VBN":
        return  # asked first, of every verb: the tests below read its children
    ignored = lemma == "ignore" and not _negated(verb) and _past_passive(verb)
    if verb.tag_ != "VBN" or not (
        (lemma == "follow" and _negated(verb))
        or (lemma == "skip" and not _negated(verb) and _past_passive(verb))
        or ignored
    ):
        return
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is None and verb.dep_ == "conj":  # "were in place but were not followed"
        subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    named = subj  # "... had the steps in order, and it was not followed": the steps
    if subj is not None and subj.lower_ in ("it", "they"):
        named = _told_before(subj, lex.procedures | lex.followed) or subj
    noun = named.lemma_.lower() if named is not None else ""
    if subj is None or not (noun in lex.procedures or (lemma == "follow" and noun in lex.followed)):
        return  # "the schema check was skipped for empty tables": the software's doing
    if ignored and not any(t.lemma_.lower() in lex.ignored_procedures for t in subj.subtree):
        return  # "the retry policy was ignored": software and a setting
    if _rationale(verb, lex, ctx.stext):
        return  # "... and it was not followed because it did not apply to two regions"
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        by = next((g for g in agent.children if g.dep_ == "pobj"), None)
        if by is None or person_name(by, lex) is None:
            return  # "was not followed by an update": sequence, not compliance
        # "was not followed by the on-call engineer": compliance, and a person named
    ctx.add(
        specs.counterfactual.code,
        ctx.off(subj.left_edge),
        ctx.end(verb),
        "not-followed",
        phrase=ctx.words(subj.left_edge, verb),
    )


def _told_before(pronoun: Token, nouns: set[str]) -> Token | None:
    """The noun of ``nouns`` a pronoun stands for: the nearest one before it in its sentence
    that heads a noun phrase ("The runbook had the steps in order, and it was not followed")."""
    before = pronoun.doc[pronoun.sent.start : pronoun.i]
    return next(
        (t for t in reversed(before) if t.pos_ == "NOUN" and t.lemma_.lower() in nouns), None
    )


def _if_had(ctx: _Ctx, tok: Token) -> None:
    """ "If we had noticed ..., we could have ...", "Had they checked ..., they would have";
    and a thing people had not ("If we had a renewal reminder, we would have caught the expiry")."""
    verb = _had_clause(tok)
    if verb is None and tok.lower_ in _HAD and not _question(ctx):
        _if_had_unparsed(ctx, tok)
    if verb is None or _question(ctx):
        return  # "If we had a canary, would we have caught it?": asked, not claimed
    main = _main_clause(verb)
    if any(t.lower_ == "same" for t in main.subtree if t.i > verb.i):
        return  # "had Omar been on call, he would have faced the same gap": the substitution test
    if worse_otherwise(main, ctx.lex) or _conceded(verb):
        return  # "had we cut the retry delay, the clients would have amplified the surge",
        # "even if Priya had reviewed the toggle, the release would have failed": the other
        # path was no better, which defends what was done
    if any(c.dep_ == "mark" and c.lower_ == "whether" for c in main.children):
        return  # "one reader asked whether, if we had a canary stage, we would have caught the bug"
    if verb is tok and _lemma(main, ctx.lex) not in ctx.lex.modal_verbs:
        return  # a thing lacked counts with a missed catch: "we would have caught it", not
        # "if we had more disks, we would have survived" (the system)
    if not _would_have(main):
        return
    heeded = _heeded_passive(ctx, verb)
    if _person_subject(ctx, verb) is None and not heeded and not _department_had(ctx, verb):
        return
    main_person = _person_subject(ctx, main) is not None
    # a passive is a state ("if the alert had been routed"), except "had been bothered to",
    # an act told in the passive ("if the desk had been bothered to call back"; not "been
    # bothered by the noise", annoyed), and one done by people (``_heeded_passive``)
    bothered_to = verb.lemma_.lower() == "bother" and any(c.dep_ == "xcomp" for c in verb.children)
    passive = any(c.lower_ == "been" for c in verb.children) and not (bothered_to or heeded)
    negated = _negated(verb) or passive
    # any act of a person ("if the reviewer had looked closer"), but not a state ("if we had
    # had more disks", "if Kim had known")
    action = verb.lemma_.lower() not in ("be", "have", "get", "know", "exist")
    # a step not taken counts when the main clause denies the harm ("if management hadn't cut
    # the budget, the queue would never have filled"); not a rescue ("if Ana hadn't stopped
    # the job, the corruption would have spread": praise)
    undone = action and _negated(verb) and not passive and _harm_denied(main, ctx)
    present = not any(c.lower_ in ("have", "'ve") for c in main.children)
    if present and not action:
        return  # "if we hadn't had the backup, we'd not be here": a thing held, not an act
    if not (main_person or (action and not negated) or undone):
        return
    start = min(t.i for t in verb.subtree)
    ctx.add(
        specs.counterfactual.code,
        ctx.off(ctx.sdoc[start]),
        ctx.end(verb.right_edge),
        "if-had",
        person=True,
    )


def _department_had(ctx: _Ctx, verb: Token) -> bool:
    """ "If Security had followed the change process, ...", "if support had escalated the
    ticket on Monday, ...": a department written bare, supposed to have done a duty only
    people do (:func:`pm_lsp.rules.blame.duties.department_on_duty`)."""
    subj = subject_of(verb)
    return subj is not None and department_on_duty(subj, verb, ctx.lex) is not None


#: the perfect's auxiliary and its contractions ("had", "she'd", "we'd have")
_HAD = frozenset({"had", "'d", "’d"})
_HAVE = frozenset({"have", "'ve", "’ve"})
#: a condition's state, not an act ("if Kim had known", "if she'd been there")
_STATES = frozenset({"be", "have", "get", "know", "exist", "been"})


def _if_had_unparsed(ctx: _Ctx, had: Token) -> None:
    """ "If Gwen had read the runbook she would have caught the typo", "if he'd opened the
    changelog he'd have seen it": one person's act supposed otherwise, which the small model
    misparses when no comma parts the clauses or when "'d" stands for "had" (bl36 class 2), read off
    the words: "if", a person (a name, a role, "he", "she", "we"; not "they" nor "you"),
    "had" or "'d", an act (not a state: "if she'd known"), then a later "would/could/might
    have" with a participle. A thing ("if the job had retried it would have recovered"),
    a future supposition ("if Kim reads it tomorrow she will know"), "even if", a denial
    and the substitution test ("... the same gap") stay clean."""
    doc, lex = ctx.sdoc, ctx.lex
    if had.lower_ not in _HAD or had.i + 1 >= len(doc):
        return
    start = next((t.i for t in doc[max(0, had.i - 7) : had.i] if t.lower_ == "if"), None)
    if start is None or start + 1 >= had.i or (start and doc[start - 1].lower_ == "even"):
        return
    subj = doc[had.i - 1]
    if subj.lower_ in ("they", "you", "it") or person_name(subj, lex) is None:
        return
    act = doc[had.i + 1]
    if act.lower_ in _HAVE or act.dep_ == "neg" or act.lemma_.lower() in _STATES:
        return  # "if she'd have", "if he'd not", "if Kim had known"
    if act.tag_ not in ("VBN", "VBD", "VB"):
        return
    rest = doc[act.i + 1 :]
    main = next(
        (
            rest[j + 2]
            for j in range(len(rest) - 2)
            if (modal_word(rest[j]) in ("would", "could", "might") or rest[j].lower_ in _HAD)
            and rest[j + 1].lower_ in _HAVE
            and rest[j + 2].tag_ in ("VBN", "VBD")
        ),
        None,
    )
    if main is None or any(t.lower_ == "same" for t in doc[main.i :]):
        return
    obj = _dobj(act)  # the span ends at the act's object, short of the main clause
    last = obj.right_edge if obj is not None and obj.right_edge.i < main.i - 3 else act
    ctx.add(specs.counterfactual.code, ctx.off(doc[start]), ctx.end(last), "if-had", person=True)


def _heeded_passive(ctx: _Ctx, verb: Token) -> bool:
    """Is the passive "if ... had been <verb>" an act of people, not a state: a person or a
    team as its "by" agent ("if the patch had been tested by the release manager"), or a
    reading of what people read (``heeded-reads``) or a setting-up people do
    (``heeded-setups``, bl43 class 4: "had the discount been configured properly", "if the
    limits had been set correctly") told with how heedfully (``heedful-manners``: "had the
    checklist been followed closely")? "If the alert had been routed", "had the payload
    been validated properly" (code's work) and a tool as the agent stay states."""
    if not any(c.lower_ == "been" for c in verb.children):
        return False
    lex = ctx.lex
    for c in verb.children:
        if c.dep_ == "agent":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            # "had the limits been set correctly by the installer": a tool's doing
            return obj is not None and person_name(obj, lex) is not None
    return _lemma(verb, lex) in lex.heeded_reads | lex.heeded_setups and any(
        c.dep_ == "advmod" and c.lower_ in lex.heedful_manners for c in verb.children
    )


def _main_clause(verb: Token) -> Token:
    """The main clause of the "if ... had" clause ``verb``: its head, or, when the small
    model hangs it elsewhere ("if Tom had kept the spare like he said he would, we'd have
    seen it" parses "said" as the root), the first verb after the next comma that carries
    a "would/could/might have"."""
    main = verb.head
    if _would_have(main):
        return main
    doc = verb.doc
    comma = next((t.i for t in doc[verb.right_edge.i :] if t.text == ","), None)
    if comma is None:
        return main
    later = (t for t in doc[comma + 1 :] if t.pos_ in ("VERB", "AUX") and _would_have(t))
    return next(later, main)


def _would_have(main: Token) -> bool:
    """Does ``main`` carry a counterfactual modal: "would/could/might have", or a present
    state denied ("we'd not be here", "we wouldn't be writing this")?"""
    kids = list(main.children)
    if not any(c.tag_ == "MD" and modal_word(c) in ("would", "could", "might") for c in kids):
        return False
    if any(c.lower_ in ("have", "'ve") for c in kids):
        return True
    be = main.lemma_.lower() == "be" or any(c.lower_ == "be" for c in kids)
    return be and any(c.dep_ == "neg" for c in kids)


def _harm_denied(main: Token, ctx: _Ctx) -> bool:
    """Does the main clause deny the harm or tell it averted: "would not have happened",
    "none of this would have mattered", "would have been avoided / caught"?"""
    if any(c.dep_ == "neg" for c in main.children):
        return True
    subj = subject_of(main)
    if subj is not None and subj.lower_ in ("none", "nothing", "neither"):
        return True
    return _lemma(main, ctx.lex) in ctx.lex.modal_verbs


def _conceded(verb: Token) -> bool:
    """Is the "if" of this clause an "even if" (a concession: the outcome stands either
    way)?"""
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "if"), None)
    return mark is not None and mark.i > 0 and verb.doc[mark.i - 1].lower_ == "even"


def _had_clause(tok: Token) -> Token | None:
    """The verb of the "if ... had" clause ``tok`` opens: the participle after "had" or its
    contraction ("if we had noticed", "had they checked", "if she'd read it", which the
    small model tags as a simple past after "'d"), or "had" itself, a possession ("if we had a
    reminder"), which states what was lacking and counts only with a person in the main
    clause (see :func:`_if_had`)."""
    contracted = tok.lower_ in ("'d", "’d") and tok.tag_ == "VBD"  # "if he'd picked up"
    if tok.lower_ != "had" and not contracted:
        return None
    if_mark = any(
        c.lower_ == "if" and c.dep_ == "mark"
        for c in (tok if tok.dep_ == "advcl" else tok.head).children
    )
    if tok.dep_ == "advcl" and tok.tag_ == "VBD":
        return tok if if_mark else None
    verb = tok.head
    if contracted and verb.tag_ == "VBD":
        return verb if if_mark and tok.dep_ == "aux" and verb.dep_ == "advcl" else None
    if tok.dep_ != "aux" or not participle_after(tok, verb):
        return None
    # "Had the voucher been set up properly, the job would have stopped at 500": the
    # model may hang an inverted clause that opens the sentence on the main verb as a ccomp
    opening = verb.dep_ == "ccomp" and tok.i == tok.sent.start and verb.i < verb.head.i
    if verb.dep_ != "advcl" and not opening:
        return None
    inverted = tok.i < verb.i and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i > tok.i for c in verb.children
    )
    return verb if if_mark or inverted else None


def _until(verb: Token) -> Token | None:
    """The "until" that bounds ``verb`` ("did not page anyone until 02:10", "until the
    second alert"), as a preposition or as the mark of a clause under it; also under an
    open complement, where the small model hangs it when it misreads a noun as a verb
    ("did not switch the ward to paper charts until 02:10")."""
    kids = [*verb.children]
    kids += [g for c in kids if c.dep_ == "xcomp" for g in c.children]
    for c in kids:
        if c.lower_ == "until" and c.dep_ == "prep":
            return c
        if c.dep_ == "advcl" and any(g.lower_ == "until" and g.dep_ == "mark" for g in c.children):
            return c
    return None


def late_act(ctx: _Ctx, verb: Token) -> None:
    """ "Ulla did not fail over the primary until 04:15": the delay told as what
    a named person did not do until then (PM103). A timeline says when it happened and what
    held it up; the negation makes the wait hers. Not the writers' own ("we did not start
    the migration until Monday", "the team did not start the rollout until ..." are facts of
    the plan), not a thing ("the replica did not
    catch up until 03:00"), not what reached a person or what they perceived or learned
    (``late-exempt-verbs``: "Kim did not get the page until 02:10"), not with a reason
    given ("... because the pager had the old number")."""
    lex = ctx.lex
    if "until" not in ctx.lowers:  # asked of the sentence's words first
        return
    if not _negated(verb) or _hypothetical(verb) or verb.tag_ not in ("VB", "VBD", "VBN"):
        return
    until = _until(verb)
    if until is None or _lemma(verb, lex) in lex.late_exempt_verbs:
        return
    if _question(ctx) or _rationale(verb, lex, ctx.stext):
        return
    if deliberate_wait(verb, until, lex, ctx.stext):
        return  # "... until the backup was verified", "..., which was right": waited on purpose
    got = other_actor(ctx, verb)
    if got is None or _writers(got[0]):
        return  # "the team didn't start the rollout until the freeze ended": the writers' plan
    subj, who = got
    told = min([verb, *(c for c in verb.children if c.dep_ in ("aux", "neg"))], key=lambda t: t.i)
    ctx.add(
        specs.counterfactual.code,
        ctx.off(subj.left_edge),
        ctx.end(until),
        "late-act",
        person=True,
        who=who,
        phrase=ctx.words(told, until),
    )


def _nobody_before_prefix(verb: Token, lex: BlameLexicon) -> Token | None:
    """ "Nobody load-tested the cart path": the tokenizer splits "load-tested" at its hyphen
    and the small model makes "Nobody" a compound of "load", so the verb has no subject.
    The word right before the prefix is the subject when it is "nobody" or "no one"."""
    prefix = hyphen_prefix(verb)
    if prefix is None or prefix.i == 0:
        return None
    before = verb.doc[prefix.i - 1]
    return before if before.lower_ in lex.nobody else None


def _prefixed_past(verb: Token) -> bool:
    """ "load-tested", "smoke-tested" with no auxiliary: the past tense of a hyphenated verb,
    which the tagger often calls a participle once its prefix is read as a noun."""
    return (
        verb.tag_ == "VBN"
        and hyphen_prefix(verb) is not None
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def _duty_undone(ctx: _Ctx, verb: Token) -> None:
    """ "It is the duty officer's job to walk the handover list, and this time it was not
    done": a person's or a role's duty (``duty-nouns``) stated, then a clause joined to it
    says it was not done (``undone-verbs``, negated, "it/this/that" as subject) (PM103).
    Clean: a system's or our own duty, a duty done, explained, asked or quoted."""
    lex = ctx.lex
    if verb.dep_ != "conj" or _lemma(verb, lex) not in lex.undone_verbs:
        return  # asked before the head is read, of every verb
    be = verb.head
    if be.lemma_ != "be":
        return
    if not _negated(verb) or _negated(be) or _hypothetical(be) or _question(ctx):
        return
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    duty = next((c for c in be.children if c.dep_ == "attr"), None)
    if subj is None or subj.lower_ not in ("it", "this", "that") or duty is None:
        return
    owner = next((c for c in duty.children if c.dep_ == "poss"), None)
    if duty.lemma_.lower() not in lex.duty_nouns or owner is None:
        return
    who = None if owner.lower_ in FIRST_PERSON | {"its", "their"} else person_name(owner, lex)
    if who is None or _rationale(verb, lex, ctx.stext) or _quoted(ctx, verb):
        return
    last = next((c for c in verb.children if c.dep_ == "prt"), verb)  # "carried out"
    ctx.add(
        specs.counterfactual.code,
        ctx.off(owner.left_edge),
        ctx.end(last),
        "let-lapse",
        person=True,
        who=who,
        phrase=ctx.words(owner.left_edge, last),
    )


def omissions(ctx: _Ctx, verb: Token) -> None:
    """Every PM103 judge that reads a verb as a failure to act: "failed to", a delay pinned
    on a person, a negated omission, a procedure not followed, "if ... had", a lapse let
    happen (one entry for the sentence judge's walk over the verbs)."""
    _failed_to(ctx, verb)
    _without_bothering(ctx, verb)
    late_act(ctx, verb)
    _negated_omission(ctx, verb)
    _unowned_passive(ctx, verb)
    _not_followed(ctx, verb)
    unheeded_signal(ctx, verb)
    _if_had(ctx, verb)
    let_lapse(ctx, verb)
    _duty_undone(ctx, verb)
    _seems_undone(ctx, verb)


def _seems_undone(ctx: _Ctx, verb: Token) -> None:
    """ "Nobody who approved the purge seems to have checked the row count", "none of
    the reviewers appears to have run the tests" (bl26b): "nobody read it" told with a hedge
    that insinuates the lapse (PM103, as the plain omission). ``verb`` is the active perfect
    under "seem" or "appear", one of ``negated-omissions`` or ``seeming-lapses``; its
    subject no one, or none of a group of people. Clean: the passive ("no customer seems to
    have been charged twice"), a reason given, asked, supposed, quoted."""
    lex = ctx.lex
    seem = verb.head
    if verb.dep_ != "xcomp" or verb.tag_ != "VBN" or seem.lemma_ not in ("seem", "appear"):
        return
    kids = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if [c.lower_ for c in kids] != ["to", "have"]:
        return  # "seems to have been charged": done to them, not left undone by them
    subj = next((c for c in seem.children if c.dep_ == "nsubj"), None)
    if subj is None or not (_no_one(subj, lex) or _none_of_people(subj, lex)):
        return
    if not (_omission_verb_ok(verb, lex) or _lemma(verb, lex) in lex.seeming_lapses):
        return
    if _negated(seem) or _hypothetical(seem) or _question(ctx) or _quoted(ctx, verb):
        return
    if _rationale(verb, lex, ctx.stext) or _rationale(seem, lex, ctx.stext):
        return  # "nobody seems to have noticed, because the canary stayed green"
    if rightly_abstained(verb, lex, ctx.stext):
        return  # "no one seems to have opened the misdirected file"
    ctx.add_omission(subj.left_edge, word_end(verb))


def _none_of_people(tok: Token, lex: BlameLexicon) -> bool:
    """ "none of the reviewers", "none of the approvers": none of a group of people."""
    if tok.lower_ != "none":
        return False
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    group = next((g for g in of.children if g.dep_ == "pobj"), None) if of else None
    return (
        group is not None
        and group.lower_ not in FIRST_PERSON
        and (person_name(group, lex) is not None or group.lemma_.lower() in lex.roles)
    )


def _stance_lapse(verb: Token, lex: BlameLexicon) -> bool:
    """ "scheduled by an analyst who plainly hadn't opened the retention policy" (bl26b): one of
    ``seeming-lapses`` denied in a relative clause on a person with a stance adverb, the
    insinuated lapse that a ``negated-omissions`` verb tells there without the adverb."""
    return (
        _lemma(verb, lex) in lex.seeming_lapses
        and _who_lapsed(verb)
        and any(c.lower_ in lex.stance_adverbs for c in verb.children)
    )
