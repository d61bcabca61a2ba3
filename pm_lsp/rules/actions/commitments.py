"""Commitments written as prose: which verb a sentence commits to, and how firmly.

Postmortems state much of their follow-up work in sentences rather than lists: "we will
expand the check to staging", "the monitor should alert us before the pool is full", "we
need backups for the databases", "we're considering a wrapper around rm", "ideally it
would page the channel". The commitment is a modal or a verb of intent governing another
verb, found anywhere in the sentence (after "Likewise," or a leading clause too), and its
strength is in the same words: "should"/"must"/"need" state a wish, "will" a plan, and
"could"/"might"/"ideally"/"likely" soften either into a hedge, which no named artefact
makes finishable.

Counterfactuals ("we should have paged earlier") look the same but are about the past: the
blame rules judge them, so they are no commitment here. Everything is read from the
dependency parse and the words of ``rules/actions.toml``; nothing here is cached (the
sentence judgment is, :mod:`pm_lsp.nlp.judge`). A sentence is read as its list of tokens,
made once by the judge (iterating a parsed text builds its tokens anew each time).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

_SUBJECTS = ("nsubj", "nsubjpass", "expl")
#: intent verbs that state a plan ("we plan to add"), like "will", not a wish
_PLANS = frozenset({"plan", "intend", "aim"})
#: pledges: a commitment to an aim, which names its mechanism or stays a wish
_PLEDGES = frozenset({"commit", "committed", "determined", "pledge", "promise"})
#: auxiliaries that put an intent verb in the past: the simple past with "did", the
#: perfect ("had"), and the past progressive ("was working on", "were considering")
_PAST_AUXILIARIES = frozenset({"did", "had", "'d", "was", "were"})
#: intent verbs followed to the verb they govern ("need to add", "plan on adding")
_GOVERNED = ("xcomp", "ccomp", "pcomp")


@dataclass(frozen=True)
class Commitment:
    """The committed verb, the words that commit to it as written (the message's
    ``opener``), the subject token's offset (where the committed clause starts) and the
    hedge that softens it, if any."""

    verb: Token
    opener: str
    start: int
    hedge: str | None
    writers: bool  #: the subject is the writers ("we", "our team")
    future: bool  #: "will"/"'ll"/"going to": a plan rather than a wish
    end_state: bool  #: "there will be no more X": a concrete end state
    #: the subject: "writers", "it" or "there" (expletive), "other", or "none"
    subject: str
    #: the commitment governs the sentence (not a "while …"/"that …" clause)
    main: bool
    negated: bool  #: "could not", "wouldn't": a statement about ability, not a plan
    modal: str  #: the modal or intent word, lower-case ("should", "need")
    #: the hedge as a message quotes it: a contracted hedging modal with its subject and
    #: an adverb after it ("We'd rather", :func:`_as_written`), any other hedge as it is
    quoted: str | None = None


@dataclass(frozen=True)
class CommitmentWords:
    """The words :func:`find_commitment` reads (from the pack's lexicon)."""

    modals: Collection[str]
    verbs: Collection[str]
    writers: Collection[str]
    hedges: Collection[str]
    negations: Collection[str]
    #: nouns that name a proposal: "the lesson is to …", "our goal is to …"
    proposals: Collection[str] = ()
    #: praise with a modal: "the team should be proud of …", "… should be commended"
    praise: Collection[str] = ()
    #: intent verbs that forecast when they govern no verb: "we expect a dip in sales"
    forecasts: Collection[str] = ()
    #: the nouns that make "our <noun>" the writers ("our engineers", "our on-call"); none:
    #: any noun after "our" ("our canaries must confirm ..." names a thing, not the writers)
    groups: Collection[str] = ()
    #: adverbs of preference after "would" ("would rather", "'d sooner"): see
    #: :func:`_reader_preference`
    preferences: Collection[str] = ()
    #: the readers as the subject of a preferred clause ("you", "our customers")
    audiences: Collection[str] = ()
    #: the reader addressed ("you"), as the one told in a preferred clause
    addressed: Collection[str] = ()
    #: verbs of saying or asking that a polite "would"/"'d" softens into the act itself
    #: ("I'd say that …", "we would ask the board to …"): see :func:`_polite_speech`
    speech_acts: Collection[str] = ()
    #: the rejected alternative of a preference that is a stance towards people ("I'd
    #: rather we fix the rota than blame anyone"): see :func:`_stance_preference`
    stances: Collection[str] = ()
    #: words that open a clause as the result of the one before it ("so", "therefore"):
    #: see :func:`_past_ability`
    results: Collection[str] = ()
    #: verbs of need or obligation that a negated modal turns into a statement of how the
    #: system ought to work ("we should not need to …", "nobody should have to …"): see
    #: :func:`_needless`
    needs: Collection[str] = ()
    #: subjects that deny anyone does it ("nobody", "no one"): see :func:`_needless`
    nobodies: Collection[str] = ()
    #: verbs of remarking that a writer's aside performs ("…, I should add", "I must
    #: say that …"): see :func:`_comment_aside`
    comments: Collection[str] = ()


def _subject(verb: Token) -> Token | None:
    node: Token | None = verb
    for _ in range(3):  # a conjoined verb shares its head's subject
        if node is None:
            return None
        subj = next((c for c in node.children if c.dep_ in _SUBJECTS), None)
        if subj is not None:
            return subj
        climbs = ("conj", "xcomp", "acomp")  # "we are committed to …": the subject of "are"
        node = node.head if node.dep_ in climbs and node.head.i != node.i else None
    return None


def subject_of(verb: Token) -> Token | None:
    """The subject of ``verb``, or of the verb it is conjoined to or governed by ("the
    team needs to start …": the subject of "needs")."""
    return _subject(verb)


def stated_verb(root: Token) -> Token:
    """The verb a sentence states, from its parse root. In "A, so B" spaCy's small model
    often takes B, the result (marked by "so"), as the root and A as its clausal
    complement: "the export now runs hourly, so finance can reconcile the same day" states
    that the export runs hourly; finance reconciling is what follows from it, not the
    change the sentence commits to or reports."""
    so = next(
        (c for c in root.children if c.dep_ in ("mark", "cc", "advmod") and c.lower_ == "so"), None
    )
    if so is None or so.i > root.i:
        return root
    stated = next(
        (
            c
            for c in root.children
            if c.dep_ in ("ccomp", "conj") and c.pos_ in ("VERB", "AUX") and c.i < so.i
        ),
        None,
    )
    return root if stated is None else stated


def is_praise(sent: Sequence[Token], words: CommitmentWords) -> bool:
    """Is the sentence's main verb praise governed by a modal ("We should be thankful the
    backups were tested", "The bridge should be thanked …")? Then no opener ("we should")
    makes it a wish for a change."""
    root = next((t for t in sent if t.dep_ == "ROOT"), None)
    return root is not None and any(c.tag_ == "MD" for c in root.children) and _praise(root, words)


def _praise(verb: Token, words: CommitmentWords) -> bool:
    """Praise written with a modal, no commitment: "be" with a praise adjective ("the
    firmware team should be proud of the fix") or a praise verb in the passive ("the
    on-call should be commended for …"); see ``praise-words``."""
    if verb.lemma_.lower() == "be":
        return any(
            c.dep_ in ("acomp", "attr") and c.lemma_.lower() in words.praise for c in verb.children
        )
    return verb.lower_ in words.praise and any(c.dep_ == "auxpass" for c in verb.children)


def _counterfactual(verb: Token) -> bool:
    """About the past: "should have paged", "could have caught", and the same with the
    participle written as the base form ("should have notice the number", common in
    writing by non-native speakers): "have" right before the verb is then its auxiliary."""
    if verb.lower_ in ("have", "'ve") and (
        not any(c.dep_ == "dobj" for c in verb.children) or _hyphenated_participle(verb)
    ):
        return True  # "it likely would have, if …", "I should have double-checked …"
    modal = any(c.tag_ == "MD" for c in verb.children)
    return any(
        c.dep_ == "aux"
        # "should had tested": the same perfect, as non-native writers often put it
        and (c.lower_ in ("have", "'ve") or (c.lower_ == "had" and modal))
        and (verb.tag_ in ("VBN", "VBD") or (verb.tag_ == "VB" and c.i == verb.i - 1))
        for c in verb.children
    )


def _hyphenated_participle(have: Token) -> bool:
    """ "have" followed by a participle written with a hyphen ("should have double-checked",
    "could have cross-checked", "should have re-run"): the small model splits the word and
    takes its pieces for an adverb and a modifier, so "have" looks like a verb of
    possession. Either piece is tagged as a past form, or the last ends in "-ed"."""
    doc = have.doc
    if have.i + 3 >= len(doc):
        return False
    first, dash, last = doc[have.i + 1], doc[have.i + 2], doc[have.i + 3]
    if dash.text != "-" or first.whitespace_ or dash.whitespace_:
        return False
    return (
        first.tag_ in ("VBN", "VBD")
        or last.tag_ in ("VBN", "VBD")
        or (last.lower_.endswith("ed") and len(last.text) > 3)
    )


def _governed(verb: Token, words: CommitmentWords) -> Token:
    """Follow intent verbs to the verb they govern: "need to add" -> add."""
    for _ in range(3):
        if verb.lemma_.lower() not in words.verbs and verb.lower_ not in (
            "going",
            "continue",
            "like",
            "love",
        ):
            break
        kids = [*verb.children]
        kids += [g for c in kids if c.dep_ == "prep" for g in c.children]
        # the verb governed comes after the intent verb: in "the reboot looked fine; we need
        # to add a check", "looked" is a clause of its own before it (act35)
        nxt = next(
            (c for c in kids if c.dep_ in _GOVERNED and c.pos_ in ("VERB", "AUX") and c.i > verb.i),
            None,
        )
        if nxt is None:
            break
        verb = nxt
    return verb


def _idea_subject(t: Token, words: CommitmentWords) -> bool:
    """A proposal held as a noun, "<an idea / a lesson / the fix> is to <verb>": the main
    verb is "be", its subject a hedge noun or a noun naming a proposal, and a verb follows."""
    return (
        t.dep_ == "ROOT"
        and t.lemma_ == "be"
        and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in (*words.hedges, *words.proposals)
            for c in t.children
        )
        and any(c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB" for c in t.children)
    )


def _forecast(t: Token, words: CommitmentWords) -> bool:
    """Is the intent verb ``t`` one that forecasts (``forecast-verbs``) with no verb of its
    own ("we expect a dip in the weekly figures", "we anticipate more calls")? It says what
    will happen, not what the writers will do; nor when the clause it governs has a subject
    of its own other than the writers ("we anticipate that resellers will ask for credits");
    nor with a perfect infinitive ("we expect the
    delay to have cost us a few renewals"); "we expect to add a relay" commits."""
    if t.lemma_.lower() not in words.forecasts:
        return False
    governed = _governed(t, words)
    if governed.i == t.i:
        return True
    if any(
        c.dep_ in ("nsubj", "nsubjpass") and not _is_writers(c, words) for c in governed.children
    ):
        return True  # "we expect refund requests once the statements go out", "we expect
        # that resellers will ask for credits": what others will do, no act of the writers'
    return any(  # "we expect the delay to have cost us a few renewals": a forecast;
        # "we expect to have finished the move by May" commits
        c.dep_ in ("ccomp", "xcomp")
        and any(a.dep_ == "aux" and a.lower_ == "have" for a in c.children)
        and any(a.dep_ == "nsubj" for a in c.children)
        for c in t.children
    )


def _is_pledge(t: Token) -> bool:
    """An intent verb in the passive, in the present: "we are committed to …"."""
    return t.lemma_.lower() in _PLANS | _PLEDGES and any(
        c.dep_ in ("auxpass", "aux") and c.lower_ in ("are", "'re", "am", "is") for c in t.children
    )


#: what a pledge verb pledges, after it: a verb, a clause, a thing, to whom, or "to …"
_PLEDGED = frozenset({"dobj", "dative", "xcomp", "ccomp", "prep", "attr", "oprd", "advcl"})


def _vouches(t: Token) -> bool:
    """Is the pledge verb ``t`` a comment on the clause around it, pledging nothing after
    it ("The next one will be shorter, we promise.", "See you soon (with less lag, we
    promise)", "We promise.")? Such a "we promise" vouches for what is said, as "honestly"
    does; the sentence's own commitment, if any, is judged without it. "We promise to
    publish the queue figures" and "we promise a weekly report" pledge what follows."""
    return t.lemma_.lower() in _PLEDGES and not any(
        c.i > t.i and c.dep_ in _PLEDGED for c in t.children
    )


def _is_writers(subj: Token | None, words: CommitmentWords) -> bool:
    if subj is None:
        return False
    if subj.lower_ in words.writers:
        return True
    if words.groups and subj.pos_ == "NOUN" and subj.lower_ not in words.groups:
        return False  # "our canaries must confirm the queue drains": a thing's duty
    return any(c.dep_ == "poss" and c.lower_ in words.writers for c in subj.children)


def by_writers(verb: Token, words: CommitmentWords) -> bool:
    """Is the subject of ``verb`` (or of the verb it is joined to) the writers ("we",
    "our team")?"""
    return _is_writers(_subject(verb), words)


def _hedge(sent: Sequence[Token], modal: Token, verb: Token, words: CommitmentWords) -> str | None:
    """The word that softens the commitment: a hedging adverb or adjective near it
    ("ideally", "likely", "would be useful") before the modal itself ("could", "might")."""
    if modal.head.lemma_ in ("like", "love") and modal.lower_ in ("would", "'d"):
        return None  # "we would like to …", "we'd love to …": intent
    # a modal's clause is its verb's; a verb of intent ("we expect", "we plan") is its own,
    # so a hedge in a clause before it ("some riders probably saw delays, and we expect
    # ...") softens a statement there, not the commitment
    head = modal.head if modal.tag_ == "MD" else modal
    subj = _subject(head)
    lo = subj.left_edge.i if subj is not None else modal.i
    near: list[Token] = [
        *sent[lo : verb.i + 4],
        *(c for c in head.children if c.dep_ == "advmod"),
    ]
    for t in near:
        if t.i != modal.i and (
            (t.pos_ in ("ADV", "ADJ", "NOUN") and t.lower_ in words.hedges)
            or (t.pos_ == "VERB" and t.lemma_.lower() in words.hedges)
        ):
            return t.text
    if modal.lower_ in words.hedges or modal.lemma_.lower() in words.hedges:
        return modal.text
    return None


def _as_written(sent: Sequence[Token], modal: Token) -> str:
    """A hedging modal written as a contraction, as the message quotes it: with its
    subject before it and an adverb right after it, as written ("I'd rather", "we'd
    probably"); the contraction alone ("'d") reads as a stray quote mark."""
    doc = modal.doc
    lo = modal.i - 1 if modal.i > sent[0].i and doc[modal.i - 1].dep_ in _SUBJECTS else modal.i
    hi = modal.i + 1
    if hi < len(doc) and hi <= sent[-1].i and doc[hi].tag_ in ("RB", "RBR"):
        hi += 1
    return doc[lo:hi].text


def has_counterfactual(sent: Sequence[Token]) -> bool:
    """A modal governing a perfect verb ("we should have paged", "I think we could have
    seen it")."""
    return any(t.tag_ == "MD" and t.head.i != t.i and _counterfactual(t.head) for t in sent)


def _unreal_condition(sent: Sequence[Token]) -> bool:
    """An "if … had …" clause: the sentence imagines another past."""
    return any(t.lower_ == "if" for t in sent) and any(
        t.lower_ == "had" and t.tag_ == "VBD" for t in sent
    )


def _reader_preference(modal: Token, words: CommitmentWords) -> bool:
    """Is ``modal`` a preference told to the readers, no commitment: "would"/"'d" with an
    adverb of preference (``preference-adverbs``: "I'd rather you heard it from us", "we
    would sooner tell you now than have you guess") whose clause has the readers as its
    subject (``reader-audiences``) or the reader addressed ("you") as whom it tells? "We
    would rather move the exporter to its own queue" and "I'd sooner we dropped the batch"
    prefer the writers' own work: a hedged commitment still."""
    if not words.preferences or not _preference_modal(modal, words):
        return False
    # "I'd rather you ...": the parse may make the modal a verb, the clause under it
    verb = next((c for c in modal.children if c.dep_ == "ccomp"), modal.head)
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and (
            c.lower_ in words.audiences or c.lemma_.lower() in words.audiences
        ):
            return True
        if c.dep_ in ("dative", "dobj") and c.lower_ in words.addressed:
            return True
    return False


def _preference_modal(modal: Token, words: CommitmentWords) -> bool:
    """Is ``modal`` a "would"/"'d" followed within two words by an adverb of preference
    (``preference-adverbs``: "would rather", "'d sooner")?"""
    if modal.lower_ not in ("would", "'d"):
        return False
    after = modal.doc[modal.i + 1 : min(len(modal.doc), modal.i + 3)]
    return any(t.lower_ in words.preferences for t in after)


def _stance_preference(modal: Token, words: CommitmentWords) -> bool:
    """Is ``modal`` a "would"/"'d" of preference (``preference-adverbs``) whose rejected
    alternative, after "than", is blaming or punishing people (``stance-alternatives``:
    "I'd rather we mend the rota than hunt for a culprit")? The sentence tells how the
    team means to treat its people, a stance with nothing to finish; "we'd sooner rebuild
    the cache than tune it" weighs two pieces of work and stays a hedged commitment."""
    if not words.stances or not _preference_modal(modal, words):
        return False
    doc = modal.doc
    end = modal.sent.end if doc.has_annotation("SENT_START") else len(doc)
    than = next((t for t in doc[modal.i : end] if t.lower_ == "than"), None)
    return than is not None and any(
        t.lower_ in words.stances or t.lemma_.lower() in words.stances for t in doc[than.i : end]
    )


def _polite_speech(modal: Token, verb: Token, words: CommitmentWords) -> bool:
    """Is ``modal`` a polite "would"/"'d" on a verb of saying or asking (``speech-acts``)
    that the sentence itself performs: an opinion with its clause ("I'd say that's not how
    we talk about colleagues", "we would argue the freeze paid off") or a request to
    another party with what it asks of them ("I would ask the board to fund the spare
    racks")? Nothing is left to finish once it is written; a clause it frames ("I'd say we
    should add a lock") is judged on its own. Without the clause, or asked of the writers
    themselves, it stays a hedged commitment ("we would ask for a refund")."""
    if modal.lower_ not in ("would", "'d") or verb.lemma_.lower() not in words.speech_acts:
        return False
    kids = list(verb.children)
    if any(c.dep_ == "ccomp" for c in kids):
        return True
    asked = next((c for c in kids if c.dep_ in ("dobj", "dative")), None)
    return (
        asked is not None
        and not _is_writers(asked, words)
        and any(_asked_act(c) for c in (*kids, *asked.children))
    )


def _asked_act(c: Token) -> bool:
    """The act a party is asked to do: a verb governed by the asking verb, or a "to …"
    clause the parse hangs on it as a clause of purpose ("I'd caution the depots to …")."""
    if c.pos_ != "VERB":
        return False
    return c.dep_ in ("xcomp", "ccomp") or (
        c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
    )


def _own_clause(modal: Token) -> bool:
    """A modal the parse makes the head of a clause of its own under another verb ("we had
    no guard that a retry burst should at most double …", with the verb it governs misread
    as an adjective), with no verb under it: its head is not its verb, and the commitment it
    seems to make would join the outer clause's subject to a modal it never governs. (One
    joined to a verb of its own, "… and honestly I'd rather we split it", still commits.)"""
    return (
        modal.dep_ not in ("aux", "auxpass", "ROOT")
        and modal.head.i != modal.i
        and not any(c.pos_ in ("VERB", "AUX") for c in modal.children)
    )


def _elliptical(modal: Token) -> bool:
    """A modal that is its own head with no verb under it: "I would.", "We will.", "Nobody
    else could." answer a question or echo a sentence before them, and commit to nothing
    that can be done. (A token is a new object each time it is read from a doc: compared
    by position, never by identity.)"""
    return modal.head.i == modal.i and not any(c.pos_ in ("VERB", "AUX") for c in modal.children)


#: past verbs of a state: "the patch was small and could ship at once" tells what it allowed
_PAST_STATES = frozenset({"be", "have"})


def _past_ability(modal: Token, verb: Token, words: CommitmentWords) -> bool:
    """Is ``modal`` the "could" of "can" in the past, no hedge: its verb joined, with no
    subject of its own, to a past state ("the standby had a warm cache and could take the
    load at once", "the patch was one line and could ship in minutes"), or the result of a
    past clause it follows after "so" ("the fix was small, so it could go out before
    noon")? Such a sentence reports what the situation allowed, in a Lessons or What went
    well section as anywhere. An event before the "and" ("the alert fired late and could
    be tuned …") or a hedging adverb ("so we could perhaps add …") leaves the "could" a
    hedged wish."""
    if modal.lower_ != "could":
        return False
    kids = list(verb.children)
    if any(c.dep_ == "advmod" and c.lower_ in words.hedges for c in kids):
        return False
    if verb.dep_ == "conj":
        head = verb.head
        if _past(head) and head.i < modal.i and _after_result_word(modal, verb, words):
            return True  # "the worker counted as busy, so its leases could be renewed"
        return (
            head.tag_ == "VBD"
            and head.lemma_.lower() in _PAST_STATES
            and not any(c.dep_ in _SUBJECTS for c in kids)
        )
    return any(c.lower_ == "so" and c.i < modal.i for c in kids) and any(
        c.dep_ in ("ccomp", "advcl") and c.i < modal.i and c.tag_ == "VBD" for c in kids
    )


def _past(verb: Token) -> bool:
    """Is ``verb`` in the simple past, or a participle whose auxiliary is ("was renewed",
    "had drained")?"""
    return verb.tag_ == "VBD" or (
        verb.tag_ == "VBN"
        and any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)
    )


def _after_result_word(modal: Token, verb: Token, words: CommitmentWords) -> bool:
    """Does the clause of ``modal`` follow from the past clause it is joined to: a result
    word (``result-connectives``) between that clause's verb and the modal ("…, so its
    locks could be extended", however the parse hangs the "so") or modifying its verb
    ("sessions could therefore live for weeks")?"""
    between = modal.doc[verb.head.i + 1 : modal.i]
    return any(t.lower_ in words.results for t in between) or any(
        c.dep_ == "advmod" and c.lower_ in words.results for c in verb.children
    )


def _needless(modal: Token, verb: Token, words: CommitmentWords) -> bool:
    """Is ``modal`` a negated modal of need or obligation (``needless-verbs``: "we should
    not need her to", "operators shouldn't have to restart it", "nobody should need to
    remember the flag")? The sentence says what the system ought to spare people, a
    statement about how things should work, and commits no one to work; the change it
    implies is named elsewhere or not at all. "We should not rely on luck" (no verb of
    need) and "we need to stop …" (not negated) are still read."""
    if verb.lemma_.lower() not in words.needs:
        return False
    if verb.lemma_.lower() == "have" and not any(
        c.dep_ == "xcomp" and any(a.tag_ == "TO" for a in c.children) for c in verb.children
    ):
        return False  # "we should not have a second queue": a thing, not an obligation
    if any(c.dep_ == "neg" for c in (*verb.children, *modal.children)):
        return True
    subj = _subject(verb)
    return subj is not None and (
        subj.lower_ in words.nobodies
        or any(c.dep_ == "det" and c.lower_ in words.nobodies for c in subj.children)
    )


def denies_need(sent: Sequence[Token], words: CommitmentWords) -> bool:
    """Does the sentence's main verb stand under a denied need ("We should never need a
    second person to …", :func:`_needless`)? An opener such as "we should" then opens a
    statement of how things ought to work, no proposal."""
    return any(
        t.tag_ == "MD" and t.head.dep_ == "ROOT" and _needless(t, t.head, words) for t in sent
    )


#: the writers as the subject of an aside ("…, I should add", "…, we must admit")
_FIRST_PERSON = frozenset({"i", "we"})
#: what an aside of remarking never has: something it adds or says to someone, somewhere
_ASIDE_FORBIDS = frozenset(
    {"dobj", "dative", "iobj", "prep", "xcomp", "oprd", "attr", "agent", "npadvmod", "advcl"}
)


def _comment_aside(verb: Token, words: CommitmentWords) -> bool:
    """Is ``verb`` a verb of remarking (``comment-verbs``) that the sentence performs as it
    is written: set off beside the statement it comments on ("No card data was exposed, I
    should add.", "The gates, I should stress, failed closed.") or over a "that" clause
    ("I must say that the vendor answered within the hour")? Its subject is "I" or "we",
    and it has nothing of its own to add or to say to anyone anywhere: "I should add a
    check to the import job" and "we should note the new port in the runbook" are work,
    and a clause it frames that plans or wishes ("I should add that we need better
    alerting", a modal or an intent verb in it) keeps the sentence read as before."""
    if verb.lemma_.lower() not in words.comments:
        return False
    kids = list(verb.children)
    subj = next((c for c in kids if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ not in _FIRST_PERSON:
        return False
    if any(c.dep_ in _ASIDE_FORBIDS for c in kids):
        return False
    said: Token | None
    if verb.dep_ == "parataxis" and verb.head.i < subj.i:
        said = verb.head  # "The gates, I should stress, failed closed."
    else:
        said = next(
            (
                c
                for c in kids
                if c.dep_ == "ccomp"
                and (
                    c.i < subj.i  # "No card data was exposed, I should add."
                    or any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
                )
            ),
            None,
        )
    if said is None:
        return False
    own = {t.i for t in verb.subtree} if said.i == verb.head.i else set()
    return not any(
        t.tag_ == "MD" or t.lemma_.lower() in words.verbs
        for t in said.subtree
        if t.i not in own  # the aside's own modal, when it stands inside the clause
    )


def _commits_nothing(modal: Token, verb: Token, words: CommitmentWords) -> bool:
    """Is the modal ``modal`` over ``verb`` no commitment: elliptical, heading a clause of
    its own, a preference told to the readers or one that rejects blame, a polite act of
    saying or asking, a writer's aside of remarking (:func:`_comment_aside`), over no
    verb, about the past (a counterfactual, or the "could" of what a past state allowed),
    praise, or a need denied (:func:`_needless`)?"""
    return (
        _needless(modal, verb, words)
        or _elliptical(modal)
        or _past_ability(modal, verb, words)
        or _own_clause(modal)
        or _reader_preference(modal, words)
        or _stance_preference(modal, words)
        or _polite_speech(modal, verb, words)
        or _comment_aside(verb, words)
        or verb.pos_ not in ("VERB", "AUX")
        or _counterfactual(verb)
        or _praise(verb, words)
    )


def find_commitment(sent: Sequence[Token], words: CommitmentWords) -> Commitment | None:
    """The commitment of ``sent``: a modal auxiliary of a verb ("we should add"), or a verb
    of intent with the writers as subject ("we need backups", "we plan to add", "we're
    considering a wrapper"). One that governs the sentence wins over one in a subordinate
    clause ("while we should ideally …, we will add …")."""
    found: Commitment | None = None
    for t in sent:
        low = t.lower_
        if t.tag_ == "MD" and (low in words.modals or t.lemma_.lower() in words.modals):
            verb = t.head
            if _commits_nothing(t, verb, words):
                continue
        elif (
            t.pos_ in ("VERB", "ADJ")
            and t.lemma_.lower() in words.verbs
            and (t.tag_ not in ("VBN", "VBD") or _is_pledge(t))
            and not _forecast(t, words)
            and not _vouches(t)
            # "we should not need him to": the modal's need, denied, is none of the writers'
            and not any(m.tag_ == "MD" and _needless(m, t, words) for m in t.children)
        ):
            verb = t
            fragment = t.i == sent[0].i or all(not x.is_alpha for x in sent[: t.i])
            subj = _subject(t)
            if not (_is_writers(subj, words) or (subj is None and fragment)) or any(
                c.dep_ == "aux" and c.lower_ in _PAST_AUXILIARIES for c in t.children
            ):
                # not the writers', or in the past: "we did not consider …", and the past
                # progressive that tells the story ("I was working on a change to …", "we
                # were considering a rollback when …"), no plan of the writers' now
                continue
        elif _idea_subject(t, words):
            # "an idea we floated is to monitor …": a proposal held as an idea
            verb = next(c for c in t.children if c.dep_ in ("xcomp", "ccomp"))
            subj = next(c for c in t.children if c.dep_ == "nsubj")
            hedged = subj.lemma_.lower() in words.hedges
            return Commitment(
                verb,
                f"{subj.text} is to",
                subj.left_edge.idx - sent[0].idx,
                subj.text if hedged else None,
                False,
                not hedged,  # "the fix is to reject …" states the plan
                False,
                "it",
                True,
                False,
                "be",
            )
        else:
            continue
        if t.tag_ == "MD" and low in words.hedges and _unreal_condition(sent):
            continue  # "if it had spread, we would …": about the past
        c = _commitment(sent, t, verb, words)
        if c.main:
            return c
        found = found or c
    return found


def _commitment(
    sent: Sequence[Token], modal: Token, verb: Token, words: CommitmentWords
) -> Commitment:
    """The commitment that ``modal`` (a modal or an intent verb) makes about ``verb``."""
    subj = _subject(verb)
    target = _governed(verb, words)
    end_state = (
        subj is not None
        and subj.lower_ == "there"
        and any(x.lower_ in words.negations for x in sent[max(0, target.i - 2) : target.i + 4])
    )
    start = min(subj.left_edge.idx if subj is not None else modal.idx, modal.idx)
    writers = _is_writers(subj, words)
    head = verb.head if verb.dep_ in ("conj", "acomp") else verb
    if subj is None:
        subject = "none"
    elif writers:
        subject = "writers"
    elif subj.lower_ in ("it", "there", "this"):
        subject = subj.lower_
    else:
        subject = "other"
    low = modal.lower_
    hedge = _hedge(sent, modal, target, words)
    return Commitment(
        target,
        f"{subj.text} {modal.text}" if subj is not None else modal.text,
        start - sent[0].idx,
        hedge,
        writers,
        low in ("will", "'ll", "wo")
        or (low == "going" and modal.dep_ != "ROOT")
        or modal.lemma_.lower() in _PLANS,
        end_state,
        subject,
        (head.dep_ == "ROOT" and stated_verb(head) is head)
        or (head.dep_ == "ccomp" and head.head.dep_ == "ROOT" and stated_verb(head.head) is head)
        # "We will add the alarm, we promise": the clause vouched for is the one stated
        or (head.dep_ in ("ccomp", "advcl") and head.head.dep_ == "ROOT" and _vouches(head.head)),
        any(c.dep_ == "neg" for c in (*verb.children, *modal.children)),
        modal.lemma_.lower() if modal.tag_ != "MD" else low,
        _as_written(sent, modal) if hedge == modal.text and hedge.startswith(("'", "’")) else hedge,
    )
