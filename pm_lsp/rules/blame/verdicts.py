"""PM104 judgment: character words (careless, sloppy, negligent), person-only words (lazy,
stupid: "lazy loading" is fine), verdicts as predicates ("... is unacceptable", unless said
of the incident with an apology), judgment phrases ("a costly mistake") and minimisers in the
constructions that imply triviality ("all she had to do was").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pm_lsp.rules.blame import specs
from pm_lsp.rules.blame.extract import person_name, subject_of
from pm_lsp.rules.blame.grammar import (
    _COGNITION,
    _KNOWING,
    _Ctx,
    _denied,
    _hypothetical,
    _in_lex,
    _negated,
    _no_one,
    _person_subject,
    _question,
    _quoted,
    _unknowing,
    harmless_cause,
)
from pm_lsp.rules.blame.lexicon import FIRST_PERSON
from pm_lsp.rules.blame.rewrite import delete_word_fix

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from pm_lsp.rules.blame.lexicon import BlameLexicon


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


def _an_act(target: Token, word: Token, lex: BlameLexicon) -> bool:
    """Is ``word`` (a person-judgment word: "lazy", "dumb") said of someone's act rather
    than of a thing with a technical sense ("lazy loading")? A work or an act named ("a
    lazy fix", "a dumb decision"), an act done ("Skipping review was lazy"), or "it" with
    the act after it ("It was lazy to skip the dry run")."""
    if target.lemma_.lower() in _HUMAN_ACTS or target.lemma_.lower() in lex.work_nouns:
        return True
    if target.lower_ in lex.review_nouns or target.lemma_.lower() in lex.review_nouns:
        return True  # "the review was very lazy", "a lazy review of the change"
    if target.tag_ == "VBG" and target.dep_ in ("csubj", "nsubj"):
        return True
    if target.lower_ == "it" and word.dep_ in ("acomp", "attr"):
        return any(c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VB" for c in word.head.children)
    return False


#: the steps from a judgment word up to the verb that reports it: the word as a predicate
#: ("called the change reckless", "said ... had been negligent"), as a noun's modifier ("was a
#: careless choice") or after "as" ("described it as sloppy")
_REPORTED_STEPS = frozenset(
    {"amod", "acomp", "attr", "oprd", "ccomp", "xcomp", "pobj", "prep", "advmod"}
)


def _report_frame(word: Token, lex: BlameLexicon) -> str | None:
    """Is the judgment ``word`` only reported by a verb of judging (``verdict-report-verbs``:
    "the auditor called the change reckless") -- "reported" -- or reported by no one, the
    report itself denied ("nobody thought the slot was a careless choice", "we do not
    consider the order reckless") -- "denied"? ``None`` when the sentence judges by itself.
    "Nobody but Kim would make such a careless change" reports nothing: it judges."""
    node = word
    for _ in range(5):
        if node.dep_ not in _REPORTED_STEPS or node.head.i == node.i:
            return None
        if node.dep_ == "prep" and node.lower_ != "as":
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX") and node.lemma_.lower() in lex.verdict_report_verbs:
            subj = subject_of(node)
            nobody = subj is not None and _no_one_alone(subj)
            return "denied" if nobody or _negated(node) else "reported"
    return None


def _no_one_alone(subj: Token) -> bool:
    """ "nobody", "no one", "none of the reviewers"; not "nobody but Kim" (Kim)."""
    if any(c.lower_ in ("but", "except") for c in subj.children):
        return False
    return subj.lower_ in ("nobody", "none", "noone") or any(
        c.dep_ == "det" and c.lower_ == "no" for c in subj.children
    )


def _under_negation(word: Token) -> bool:
    """A "not" or "never" on a verb above ``word``: deleting the word turns the denial of a
    judgment into a denial of the fact ("it was not a careless choice" -> "not a choice")."""
    node = word
    for _ in range(6):
        if _negated(node) or any(c.lower_ in ("nobody", "none") for c in node.children):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


#: the links from a judgment word up through the clause that names a cause ("by one
#: engineer being sloppy", "because a reviewer was negligent", "a case of someone acting
#: recklessly") to the verb that traces the outcome to it
_CAUSE_PATH = frozenset(
    {"acomp", "advmod", "amod", "pobj", "pcomp", "prep", "agent", "advcl", "attr", "nsubj", "acl"}
)
#: outcomes denied by their subject alone ("none of this happened because ...")
_NO_OUTCOME = frozenset({"nothing", "none", "neither"})


def _cause_link(node: Token, lex: BlameLexicon) -> bool:
    """Does ``node`` tie a clause to what it causes: "by" or another of
    ``denied-cause-preps`` on the tracing verb, on one of ``denied-cause-nouns`` or after
    "down"/"back" ("down to"); "because"; or the cause noun itself? "Obvious to the careless
    reviewer" ties the reviewer to an adjective, not to a cause."""
    if node.dep_ in ("agent", "prep") and node.lower_ in lex.denied_cause_preps:
        head = node.head
        return (
            head.pos_ in ("VERB", "AUX")
            or head.lemma_.lower() in lex.denied_cause_nouns
            or head.lower_ in ("down", "back")
        )
    if node.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ == "because" for c in node.children)
    return node.dep_ == "attr" and node.lemma_.lower() in lex.denied_cause_nouns


def _cause_denied(word: Token, lex: BlameLexicon) -> bool:
    """Is the judgment ``word`` inside a cause that the sentence denies ("this was not
    caused by one engineer being sloppy", "it did not come from anyone acting recklessly",
    "none of it happened because a reviewer was negligent")? That denies individual fault,
    the blameless stance, deeper than :func:`_denied` reads. The word stays a finding as the
    reason for an outcome that did not come about ("the page was not acknowledged because
    the lead was careless"), after "but" or "rather" ("not the tooling but one engineer
    being careless") and under a narrowed denial ("not just one person being careless")."""
    node, linked = word, False
    for _ in range(8):
        if node.dep_ not in _CAUSE_PATH or node.head.i == node.i:
            return False
        linked = linked or _cause_link(node, lex)
        node = node.head
        if linked and node.pos_ in ("VERB", "AUX"):
            break
    else:
        return False
    lemma = node.lemma_.lower()
    if lemma not in lex.denied_cause_verbs:
        return False
    neg = next((c for c in node.children if c.dep_ == "neg" or c.lower_ == "never"), None)
    if neg is None or lemma in ("happen", "occur"):
        neg = next(
            (
                c
                for c in node.children
                if c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in _NO_OUTCOME or _no_one(c))
            ),
            None,
        )
    if neg is None:
        return False
    between = word.doc[min(neg.i, node.i) + 1 : word.i]
    return not any(
        t.lower_ in lex.denial_narrowers or t.lower_ in ("but", "rather", "instead")
        for t in between
    )


def _manner_of_work(word: Token, lex: BlameLexicon) -> Token | None:
    """The review whose doing ``word`` judges ("the code review was done lazily", and as
    non-native writers put it, "was done very lazy"): the passive subject of a verb of doing
    that ``word`` qualifies, when it is people's review work. "The cache is filled lazily"
    and "the migration was done lazily" (on demand) describe how things run."""
    verb = word.head
    if word.dep_ not in ("advmod", "acomp", "oprd", "xcomp") or verb.pos_ not in ("VERB", "AUX"):
        return None
    if verb.lemma_.lower() not in ("do", "perform", "carry", "conduct"):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return subj if subj is not None and subj.lower_ in lex.review_nouns else None


def _judgment(ctx: _Ctx) -> None:
    """Judgment words about people (PM104): character words, verdicts, minimisers, each only in
    the constructions where they judge a person.

    Kept in one piece: one loop over the sentence's tokens, one branch per word class, each with
    its own look-alike tests; the branches share the denial and quotation checks."""
    lex = ctx.lex
    sdoc = ctx.sdoc
    judged = lex.judged_words
    for tok in sdoc:
        low = tok.lower_
        if low not in judged:
            continue  # no branch below (asked first: the next token is read for each word)
        nxt = sdoc[tok.i + 1] if tok.i + 1 < len(sdoc) else None
        if nxt is not None and nxt.text == "-" and not tok.whitespace_:
            continue  # "reckless-looking": part of a compound
        frame = _report_frame(tok, lex)
        if frame == "denied":
            continue  # "nobody thought the slot was a careless choice" (bl37 class 1)
        if low in lex.judgment:
            if _denied(tok) or _cause_denied(tok, lex) or _quoted(ctx, tok) or _generic_kind(tok):
                continue
            fix = None
            before = sdoc[tok.i - 1] if tok.i > 0 else tok
            if tok.pos_ == "ADV" and {tok.head.lemma_.lower(), before.lemma_.lower()} & (
                lex.manner_verbs
            ):
                pass  # "(who) acted carelessly": "acted" alone says something else
            elif tok.pos_ == "ADV" or (tok.dep_ == "amod" and tok.head.i > tok.i):
                fix = delete_word_fix(
                    tok,
                    base=ctx.sent.base,
                    text=ctx.text,
                    title=f"Delete '{tok.text}'",
                    safe=frame is None and not _under_negation(tok),
                )
            ctx.add(
                specs.judgment.code, ctx.off(tok), ctx.end(tok), "judgment", fix=fix, word=tok.text
            )
        elif low in lex.person_judgment:
            if _denied(tok) or _cause_denied(tok, lex) or _quoted(ctx, tok):
                continue
            target = None
            if tok.dep_ == "amod":
                target = tok.head
            elif tok.dep_ in ("acomp", "attr"):
                target = subject_of(tok.head)
            manner = _manner_of_work(tok, lex)
            if manner is None and (
                target is None
                or _anyone(target)
                or (person_name(target, lex) is None and not _an_act(target, tok, lex))
            ):
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
            said_of: Token | None = None
            # the adjective read as a progressive verb ("which is kind of embarrassing"
            # with no full stop): its own copula, like a root
            progressive = tok.tag_ == "VBG" and any(
                c.dep_ == "aux" and c.lemma_ == "be" for c in tok.children
            )
            if (
                tok.dep_ in ("acomp", "attr", "ROOT")
                or progressive
                or (tok.dep_ == "conj" and tok.head.dep_ in ("acomp", "attr"))
            ):
                cop = tok.head if tok.dep_ != "ROOT" and not progressive else tok
                if any(c.tag_ == "MD" for c in cop.children):
                    continue  # "a four-hour delay would be unacceptable": a target
                if _owned_impact(ctx, cop):
                    continue  # "outages like this are unacceptable; we apologise"
                said_of = subject_of(cop)
            elif tok.dep_ == "amod":
                said_of = tok.head
                if person_name(said_of, lex) is None and said_of.lemma_.lower() not in _HUMAN_ACTS:
                    continue
            else:
                continue
            # said of a person or a person's act: a warning; of a delay or the incident: tone
            on_person = said_of is not None and (
                person_name(said_of, lex) is not None or said_of.lemma_.lower() in _HUMAN_ACTS
            )
            key = "verdict-on-person" if on_person else "verdict"
            ctx.add(
                specs.judgment.code,
                ctx.off(tok),
                ctx.end(tok),
                key,
                person=on_person,
                word=tok.text,
            )
        elif low in lex.minimisers:
            _minimiser(ctx, tok)
        elif low in lex.contempt_nouns:
            _contempt(ctx, tok)
    _judgment_phrases(ctx)
    for m in lex.minimiser_search.finditer(ctx.stext):
        ctx.add(
            specs.judgment.code,
            ctx.sent.base + m.start(),
            ctx.sent.base + m.end(),
            "minimiser",
            word=m.group(0).strip(),
        )


def _judgment_phrases(ctx: _Ctx) -> None:
    """The fixed judgment phrases ("poor judgment", "rookie mistake", "bad call"), each only
    where it is said of a party: not denied ("this was not a case of poor judgment",
    :func:`_phrase_denied`), not the writers' own ("we showed poor judgment in ...",
    :func:`_phrase_owned`), not quoted."""
    sdoc = ctx.sdoc
    for m in ctx.lex.judgment_search.finditer(ctx.stext):
        span = sdoc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or _quoted(ctx, span[0]):
            continue
        # a phrase that holds its own "not" ("can't be bothered") is not denied by it
        if (_denied(span[0]) or _phrase_denied(span)) and not any(t.dep_ == "neg" for t in span):
            continue
        if _phrase_owned(span):
            continue
        ctx.add(
            specs.judgment.code,
            ctx.sent.base + m.start(),
            ctx.sent.base + m.end(),
            "judgment",
            word=m.group(0),
        )


def _phrase_governor(span: Span) -> list[Token]:
    """The words a judgment phrase hangs from, nearest first, up to the first verb: "poor
    judgment" in "not a case of poor judgment" hangs from "of", "case", "was"; in "we showed
    poor judgment" from "showed"."""
    chain: list[Token] = []
    node = span.root
    for _ in range(5):
        if node.head.i == node.i:
            break
        node = node.head
        chain.append(node)
        if node.pos_ in ("VERB", "AUX"):
            break
    return chain


def _phrase_denied(span: Span) -> bool:
    """A judgment phrase set aside through the words it hangs from ("this was not a case of
    poor judgment", "it was never a matter of bad calls", "nothing points to poor
    judgment"), which :func:`_denied` on its first word does not reach. Only through
    prepositions ("a case of", "points to"): "nobody noticed Kim's poor judgment" still
    calls it poor."""
    root = span.root
    if root.dep_ != "pobj":
        return False
    for node in _phrase_governor(span):
        if node.pos_ in ("NOUN", "PROPN", "VERB", "AUX", "PRON") and _denied(node):
            return True
    return False


def _phrase_owned(span: Span) -> bool:
    """A judgment phrase the writers say of themselves ("we showed poor judgment in
    rolling out on a Friday", "I made a bad call", "our poor judgment"): self-criticism, the
    ownership a postmortem asks for, not blame. Only "we", "I", "our", "my": "our engineer
    showed poor judgment" still judges the engineer."""
    root = span.root
    if any(c.dep_ == "poss" and c.lower_ in FIRST_PERSON for c in root.children):
        return True
    chain = [root] if root.pos_ in ("VERB", "AUX") else _phrase_governor(span)
    verb = chain[-1] if chain and chain[-1].pos_ in ("VERB", "AUX") else None
    if verb is None:
        return False
    subj = subject_of(verb)
    return subj is not None and subj.lower_ in FIRST_PERSON


def clumsy(ctx: _Ctx, verb: Token) -> None:
    """ "The responder was fumbling around in the router console", "the DBA bumbled through
    the runbook": clumsy handling (``clumsy-verbs``) told of a person or a role, a verdict
    on their skill (PM104). Not a thing's ("the parser floundered on the input"), not our
    own ("we fumbled with the console"), not denied, supposed or asked."""
    lex = ctx.lex
    if not _in_lex(verb, lex.clumsy_verbs, lex) or verb.dep_ in ("amod", "compound"):
        return
    if _negated(verb) or _hypothetical(verb) or _question(ctx) or _quoted(ctx, verb):
        return
    if _in_lex(verb, lex.paralysis_verbs, lex) and not _froze_up(verb, lex):
        return
    got = _person_subject(ctx, verb)
    if got is None or got[0].lower_ in FIRST_PERSON:
        return
    ctx.add(
        specs.judgment.code,
        ctx.off(verb),
        ctx.end(verb),
        "verdict-on-person",
        person=True,
        word=verb.text,
    )


def _froze_up(verb: Token, lex: BlameLexicon) -> bool:
    """Is ``verb`` (one of ``paralysis-verbs``) a person's freezing up: no object, no
    passive ("the lead froze the branch", "deploys were frozen": a change freeze) and one of
    ``paralysis-marks`` on it ("just froze", "froze up")?"""
    kids = list(verb.children)
    if any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in kids):
        return False
    return any(c.dep_ in ("advmod", "prt") and c.lower_ in lex.paralysis_marks for c in kids)


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


def _anyone(person: Token) -> bool:
    """ "A clueless user could not break this form": an indefinite person in a claim about
    what could happen (a modal), no one in this incident."""
    verb = person.head
    return any(c.dep_ == "det" and c.lower_ in ("a", "an", "any") for c in person.children) and any(
        c.tag_ == "MD" for c in verb.children
    )


def _lacked(verb: Token) -> bool:
    """ "had no way to see", "had no access", "did not have the credentials": what the
    person lacked. An "obviously" on a lack says the person could not have acted, the
    opposite of a trivial act left undone."""
    if verb.lemma_.lower() != "have":
        return False
    if _negated(verb):
        return True
    return any(
        c.dep_ == "dobj" and (c.lower_ == "nothing" or any(d.lower_ == "no" for d in c.children))
        for c in verb.children
    )


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
        if head.lemma_.lower() in _COGNITION | {"be", "show", "see"} and not _unknowing(head):
            return  # "clearly believed it was safe" is local rationality; "clearly did not
            # understand" a verdict on the person
        if _lacked(head):
            return  # "who obviously had no way to see the dashboard": a lack, which clears
    else:
        return
    fix = delete_word_fix(tok, base=ctx.sent.base, text=ctx.text, title=f"Delete '{tok.text}'")
    ctx.add(specs.judgment.code, ctx.off(tok), ctx.end(tok), "minimiser", fix=fix, word=tok.text)


#: the writers' own work ("our runbook was a disgrace") is self-criticism, not contempt for a
#: party
FIRST_PERSON_POSSESSIVES = frozenset({"our", "my"})


def _contempt(ctx: _Ctx, tok: Token) -> None:
    """ "The vendor's release notes were garbage", "the contractor's plan was a disgrace":
    contempt for a party's work as the predicate of "be" (``contempt-nouns``, PM104), when the work
    is a person's or an organisation's: its possessor names one, or the subject is the party
    itself ("the contractor was a disgrace"). "The payload was garbage" describes corrupted
    data, and "garbage collection" is a mechanism."""
    lex = ctx.lex
    if tok.dep_ not in ("attr", "acomp") or _denied(tok) or _quoted(ctx, tok):
        return
    cop = tok.head
    if cop.lemma_ != "be" or any(c.tag_ == "MD" for c in cop.children):
        return
    said_of = subject_of(cop)
    if said_of is None or said_of.text in ctx.systems:
        return
    owner = next((c for c in said_of.children if c.dep_ == "poss"), None)
    party = said_of if person_name(said_of, lex) is not None else owner
    if party is None or party.lower_ in FIRST_PERSON_POSSESSIVES or person_name(party, lex) is None:
        return
    ctx.add(
        specs.judgment.code,
        ctx.off(tok),
        ctx.end(tok),
        "verdict-on-person",
        person=True,
        word=tok.text,
    )


def concept_gap(ctx: _Ctx, verb: Token) -> None:
    """ "Marco clearly doesn't know what an export policy is", "a reviewer who does not
    understand how DNS works": a person said, in the present, not to know a concept of
    their trade (PM104): a verdict on their competence, not a finding. Clean: information
    not yet had ("the vendor doesn't know when the fix ships", "Kim doesn't know what the
    limit is"), the writers' own ("we don't know what a ROA is yet"), asked or supposed."""
    if verb.tag_ not in ("VB", "VBP", "VBZ") or _hypothetical(verb) or _question(ctx):
        return
    no_idea = _no_idea(ctx, verb)
    if no_idea is not None:
        clause: Token | None = no_idea
    elif verb.lemma_.lower() in _KNOWING and _negated(verb):
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and _concept(c)), None)
    else:
        return
    if clause is None:
        return
    subj = subject_of(verb)
    if subj is not None and subj.tag_ == "WP" and verb.dep_ == "relcl":
        subj = verb.head  # "a reviewer who doesn't know ..."
    if subj is None or subj.lower_ in FIRST_PERSON or subj.lower_ == "you" or _generic(subj, verb):
        return
    who = person_name(subj, ctx.lex)
    if who is None:
        return
    ctx.add(
        specs.judgment.code,
        ctx.off(_gap_start(verb)),
        ctx.end(clause.right_edge),
        "knowledge-gap",
        who=who,
        phrase=ctx.stext[
            _gap_start(verb).idx : clause.right_edge.idx + len(clause.right_edge.text)
        ],
    )


#: adverbs that make a statement about people in general, not about one person
_GENERAL = frozenset(
    {"often", "usually", "sometimes", "generally", "typically", "rarely", "seldom"}
)


def _generic(subj: Token, verb: Token) -> bool:
    """ "New starters often do not know what a retention rule is": people in general (a plural
    with no determiner, or a frequency adverb), an onboarding fact, not a verdict on one."""
    bare_plural = subj.tag_ in ("NNS", "NNPS") and not any(
        c.dep_ in ("det", "poss") for c in subj.children
    )
    return bare_plural or any(c.lower_ in _GENERAL for c in verb.children)


#: "has no idea how X works", "has no clue what a ROA is": the concept, read on the words
#: (the small model parses the clause after "idea" poorly)
_NO_IDEA_CONCEPT = re.compile(
    r"\s+(?:how (?:[\w'’-]+ ){1,4}works?|what an? (?:[\w'’-]+ ){1,3}(?:is|means|does))\b"
)


def _no_idea(ctx: _Ctx, verb: Token) -> Token | None:
    """The last word of the concept in "<someone> has no idea how DNS caching works"."""
    if verb.lemma_.lower() != "have":
        return None
    idea = next(
        (c for c in verb.children if c.dep_ == "dobj" and c.lower_ in ("idea", "clue")), None
    )
    if idea is None or not any(c.lower_ == "no" for c in idea.children):
        return None
    m = _NO_IDEA_CONCEPT.match(ctx.stext, idea.idx + len(idea.text))
    if m is None:
        return None
    span = ctx.sdoc.char_span(idea.idx, m.end(), alignment_mode="contract")
    return span[-1] if span is not None and len(span) else None


#: dispositions that are a fault in themselves; the others only with a lapse after them
_FAULT_IN_ITSELF = frozenset({"reluctance", "unwillingness"})


def disposition(ctx: _Ctx, noun: Token) -> None:
    """ "the night crew's usual reluctance to call the vendor", "Kim's tendency to ignore low
    alerts", "the build team's habit of merging schema changes without a dry run": a
    disposition of a person or a team held against them (PM104). A habit or a tendency
    only with a lapse (a failure verb, or a step done "without"). Clean: a thing's ("the
    scheduler's reluctance to place pods"), our own, explained ("... was required by the
    freeze policy", "... came from its backoff setting"), quoted."""
    lex = ctx.lex
    kind = noun.lemma_.lower()
    if kind not in lex.disposition_nouns and kind not in lex.habit_cause_nouns:
        return
    if _quoted(ctx, noun) or _denied(noun):
        return
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    # "their penchant for ...": a taste only people have (habit-cause-nouns); "their
    # tendency" may be the pods'
    theirs = owner is not None and owner.lower_ == "their" and kind in lex.habit_cause_nouns
    if (
        owner is None
        or owner.lower_ in FIRST_PERSON
        or (owner.lower_ in ("its", "their") and not theirs)
    ):
        return
    who = "their" if theirs else person_name(_whose_party(owner, noun), lex)
    if who is None or _explained(noun):
        return
    if kind not in _FAULT_IN_ITSELF and not (_lapse_after(noun, lex) or _cause_of(noun, lex)):
        return  # a habit, a tendency, a custom: only of a lapse, or told as the cause
    ctx.add(
        specs.judgment.code,
        ctx.off(owner.left_edge),
        ctx.end(noun),
        "disposition",
        phrase=ctx.words(owner.left_edge, noun),
    )


def _cause_of(noun: Token, lex: BlameLexicon) -> bool:
    """Is the habit told as the cause of a harm (bl37 class 4): the subject of a causal verb
    ("the night shift's habit of restarting the router caused the drift") or of one that
    made things worse ("... made the outage worse")? "Led to" and "resulted in" only with
    a harm after them (:func:`harmless_cause`: "... led to a tidier runbook" is praise)."""
    verb = noun.head
    if noun.dep_ != "nsubj" or _negated(verb) or _hypothetical(verb):
        return False
    if _in_lex(verb, lex.causal_verbs, lex):
        return not harmless_cause(verb, lex)
    return verb.lemma_.lower() == "make" and any(
        c.dep_ in ("ccomp", "oprd", "acomp", "xcomp") and c.lower_ in lex.worse_words
        for c in verb.children
    )


def _whose_party(owner: Token, noun: Token) -> Token:
    """Who a possessor stands for: for "whose" the noun its relative clause is on ("the
    billing team, whose habit of skipping reviews ...": class 3 of bl33; "the cron job,
    whose habit of ..." is a thing's), else the possessor itself."""
    if owner.lower_ != "whose":
        return owner
    clause = noun.head
    return clause.head if clause.dep_ == "relcl" and clause.head.i < owner.i else owner


def _lapse_after(noun: Token, lex: BlameLexicon) -> bool:
    """What the habit or tendency is of: a failure ("to ignore", "of skipping") or a step
    left out ("of merging ... without a dry run")."""
    acts = [t for t in noun.subtree if t.i > noun.i and t.pos_ == "VERB"]
    if any(
        _in_lex(t, lex.failure_verbs, lex) or any(c.lower_ == "without" for c in t.children)
        for t in acts
    ):
        return True
    # "the mobile squad's habit of raising quotas without review": the small model may read
    # the gerund as a noun and the plural as the verb, so "without" is not under the habit;
    # read it in the words of the "of" phrase up to the next punctuation
    if not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return False
    for t in noun.doc[noun.i + 2 : noun.i + 10]:
        if t.is_punct:
            return False
        if t.lower_ == "without" or _gerund_of(t.lower_, lex.failure_verbs):
            return True  # "of skipping reviews" with "skipping" read as a noun (bl33)
    return False


def _gerund_of(word: str, verbs: set[str]) -> bool:
    """Is ``word`` the "-ing" form of one of ``verbs``: "skipping", "ignoring", "missing"?"""
    if not word.endswith("ing") or len(word) < 6:
        return False
    stem = word[:-3]
    doubled = stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem
    return bool({stem, stem + "e", doubled} & verbs)


def _explained(noun: Token) -> bool:
    """The disposition given a cause: "came from its backoff setting", "was required by
    the policy", "because ..."."""
    verb = noun.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.lemma_.lower() in ("come", "stem", "require"):
        return True
    return any(  # a "because" of its own, not the one the disposition is the reason in
        t.lower_ == "because" and not (t.left_edge.i <= noun.i <= t.right_edge.i)
        for t in verb.subtree
    )


def _did(verb: Token) -> bool:
    return (
        verb.i >= 2 and verb.doc[verb.i - 1].dep_ == "neg" and verb.doc[verb.i - 2].lemma_ == "do"
    )


def _gap_start(verb: Token) -> Token:
    """Where the denial starts: "doesn't know ...", "does not understand ..."."""
    return verb.doc[verb.i - 2] if _did(verb) else verb


def _concept(clause: Token) -> bool:
    """ "what an export policy is", "what a ROA means", "how DNS works": a kind of thing
    (an indefinite or bare noun), not one thing's state ("what the limit is")."""
    wh = {c.lower_ for c in clause.children if c.tag_ in ("WP", "WRB")}
    lemma = clause.lemma_.lower()
    if not (("what" in wh and lemma in ("be", "mean", "do")) or ("how" in wh and lemma == "work")):
        return False
    thing = next((c for c in clause.children if c.dep_ == "nsubj" and c.tag_ != "WP"), None)
    if thing is None:
        return False
    dets = {c.lower_ for c in thing.children if c.dep_ in ("det", "poss")}
    return not dets or dets <= {"a", "an"}
