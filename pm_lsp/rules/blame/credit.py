"""Credit read as a root cause (PM107).

PM107 reads the first sentence of a section the vocabulary names a root cause (a
"Conclusion" among them) and the last answer of a why-chain. Writers often close such a
section by crediting the people who found the problem or brought the service back
("Priya traced the fault and shipped the fix", "The support desk kept customers informed",
"Once Wei read the lock graphs, the rollback took six minutes"). The person there is where
the recovery came from, not where the chain of causes ends, so PM107 says nothing. The
words are the pack's (``credit-*`` in ``rules/blame.toml``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pm_lsp.rules.blame.grammar import _lemma, _negated

if TYPE_CHECKING:
    from spacy.tokens import Token

    from pm_lsp.rules.blame.lexicon import BlameLexicon


def credited(verb: Token, lex: BlameLexicon) -> bool:
    """Is the person whose act ``verb`` is credited with the recovery rather than named
    as its cause? Every verb they are the subject of (``verb`` and the verbs joined to it)
    must be an act of credit (:func:`_credit_act`), or ``verb`` the time the recovery
    began (:func:`_recovery_began`)."""
    if _recovery_began(verb, lex):
        return True
    if verb.dep_ in ("advcl", "xcomp") and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children
    ):  # "kept the trams moving": the clause's person is the head's
        return credited(verb.head, lex)
    acts = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    return all(_credit_act(v, lex) for v in acts)


def _credit_act(verb: Token, lex: BlameLexicon) -> bool:
    """Finding or putting right ("traced the fault", "restored service"), shipping a
    remedy ("shipped the fix"), or keeping something going ("kept the checkout running",
    not a change or a job: "kept the old cron job running" still ends at a person);
    not denied, and nothing it governs spoils it ("deployed the fix to the wrong cluster")."""
    lemma = _lemma(verb, lex)
    if _negated(verb):
        return False
    if lemma in lex.credit_finding_verbs:  # what was found may be described as bad
        return not any(c.dep_ in ("ccomp", "xcomp", "oprd", "acomp") for c in verb.children)
    if any(
        t.lower_ in lex.credit_spoilers or t.lemma_.lower() in lex.credit_spoilers
        for t in verb.subtree
        if t.i > verb.i
    ):
        return False
    if lemma in lex.credit_verbs:
        return not any(c.dep_ in ("ccomp", "xcomp", "oprd", "acomp") for c in verb.children)
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    if lemma in lex.credit_remedy_verbs:
        return any(o.lemma_.lower() in lex.credit_remedy_nouns for o in objects)
    if lemma in lex.credit_keeping_verbs:
        if any(o.lemma_.lower() in lex.work_nouns for o in objects):
            return False  # "kept the old job running": a change left in place
        return any(
            c.dep_ in ("ccomp", "xcomp", "oprd", "acomp", "advmod", "prt", "acl", "advcl")
            and (c.lower_ in lex.credit_keeping_states or c.lemma_ in lex.credit_keeping_states)
            for c in verb.subtree
            if c.i > verb.i
        )
    return False


def _recovery_began(verb: Token, lex: BlameLexicon) -> bool:
    """Is ``verb`` a clause of time ("once", "when", "after") in which the person found or
    looked into the problem (``credit-verbs``, ``credit-looking-verbs``), on a main clause
    that tells the recovery's outcome ("..., the rollback took six minutes"): its subject
    a remedy, its verb an outcome (``credit-outcome-verbs``), not denied? "Once Ana deleted
    the index, the recovery took two days" still ends at her."""
    if verb.dep_ != "advcl" or _lemma(verb, lex) not in (
        lex.credit_looking_verbs | lex.credit_finding_verbs | lex.credit_verbs
    ):
        return False
    marks = " ".join(c.lower_ for c in verb.children if c.dep_ in ("mark", "advmod"))
    if not any(m == marks or m in marks.split() for m in lex.credit_time_marks):
        return False
    head = verb.head
    subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (
        subj is not None
        and subj.lemma_.lower() in lex.credit_remedy_nouns
        and _lemma(head, lex) in lex.credit_outcome_verbs
        and not _negated(head)
    )
