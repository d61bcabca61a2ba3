"""The per-sentence state the blame judges share and the grammatical tests they all ask.

:class:`_Ctx` carries one parsed sentence, the lexicon and the findings so far; the helpers
answer the questions every construction needs before it can be told from its look-alikes:
who the subject is and whether a person or an organisation of people (:func:`_person_subject`),
whether the act is past, negated, hypothetical, explained (local rationality), quoted or
asked. The judges live by rule: :mod:`.cause` (PM101), :mod:`.human_error` (PM102),
:mod:`.omission` (PM103), :mod:`.verdicts` (PM104), :mod:`.tone` (PM105-PM107) and
:mod:`.acts` (the act classes with no trigger adjective).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pm_lsp.nlp.lemmas import is_verb_base
from pm_lsp.nlp.pipeline import text_of
from pm_lsp.rules.blame import specs
from pm_lsp.rules.blame.extract import Sentence, group_member, person_name, subject_of
from pm_lsp.rules.blame.lexicon import FIRST_PERSON, BlameLexicon
from pm_lsp.rules.spec import Fix

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


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
    #: a further warning in a sentence that has one already: shown as info
    secondary: bool = False


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
        #: the sentence's text (:func:`~pm_lsp.nlp.pipeline.text_of`: not rebuilt from the
        #: tokens), which the judges read for every phrase search and every quotation check
        self.stext: str = text_of(sdoc)
        self.hits: list[BlameHit] = []
        #: capitalised words the document uses as a system (never a person)
        self.systems: frozenset[str] = frozenset()
        #: the sentence is a question that asks (answered right after it, or one of a run
        #: of questions): :func:`pm_lsp.rules.blame.questions.asking`
        self.asking = False

    @functools.cached_property
    def lowers(self) -> frozenset[str]:
        """The sentence's words in lower case, read once: a judge that walks the tokens for
        a word of one list asks this first and is done when none is there (a walk makes a
        token object per word, ~10 us a sentence, and a dozen judges walk them)."""
        return frozenset(t.lower_ for t in self.sdoc)

    @functools.cached_property
    def lemmas(self) -> frozenset[str]:
        """The sentence's lemmas in lower case, read once (see :attr:`lowers`)."""
        return frozenset(t.lemma_.lower() for t in self.sdoc)

    def off(self, tok: Token) -> int:
        return self.sent.base + tok.idx

    def end(self, tok: Token) -> int:
        """Where ``tok`` ends; a run of blanks (markup the masking blanked, such as a
        ``<br>`` in a table cell, which the parse hangs on the word before it as a
        ``right_edge``) ends a finding at the word before it."""
        while tok.is_space and tok.i > 0:
            tok = tok.doc[tok.i - 1]
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
        if "who" in flat:  # quoted mid-sentence: "the knowledge of the new contractors"
            flat["who"] = _SENTENCE_START_DETERMINER.sub(lambda m: m.group(0).lower(), flat["who"])
        self.hits.append(
            BlameHit(
                code, start, end, key, tuple(sorted(flat.items())), fix, person, self.sent.where
            )
        )

    def words(self, first: Token, last: Token) -> str:
        """The sentence's text from the start of ``first`` to the end of ``last``, as written
        (the phrase a message quotes for a finding over those tokens)."""
        return self.stext[first.idx : last.idx + len(last.text)]

    def add_omission(self, first: Token, last: Token, *, fix: Fix | None = None) -> None:
        """A person's omission (PM103, "negated-omission") from ``first`` (the left edge of
        whoever left it undone) to the end of ``last``; the message quotes the same words."""
        self.add(
            specs.counterfactual.code,
            self.off(first),
            self.end(last),
            "negated-omission",
            fix=fix,
            person=True,
            phrase=self.words(first, last),
        )


#: a determiner capitalised only because its phrase opened the sentence
_SENTENCE_START_DETERMINER = re.compile(r"^(?:The|A|An|Our|Their|Your|This|That|These|Those)(?= )")


def _quoted(ctx: _Ctx, tok: Token) -> bool:
    """Inside quotation marks: a word mentioned, not used."""
    return quoted_span(ctx.stext, tok.idx, tok.idx + len(tok.text))


#: a phrase in single quotes: opened before a word, closed after one, no quote inside
#: (an apostrophe within a word, "don't", "the team's", opens nothing)
_SINGLE_QUOTED = re.compile(r"(?<!\w)['‘](?=\w)[^'‘’\n]{0,80}?(?<=[\w.!?])['’](?!\w)")


def quoted_span(stext: str, start: int, end: int) -> bool:
    """Is ``stext[start:end]`` inside quotation marks, double or single ("someone wrote
    'lazy engineers' in the channel")?"""
    before = stext[:start]
    if before.count('"') % 2 == 1 or before.count("“") > before.count("”"):
        return True
    if re.search(r"['‘]\s*$", before) and re.match(r"\s*['’]", stext[end:]):
        return True  # "we reject 'user error' as ...": the quotes right around it
    return any(m.start() < start and end < m.end() for m in _SINGLE_QUOTED.finditer(stext))


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
        if _affirmed_half(node):
            return False  # "it was not the scanner but operator error": the other half
        for c in node.children:
            if c.dep_ == "neg" and _contrast(c, tok):
                continue  # "that's on them, not us": a contrast, not a denial
            if c.dep_ == "neg" or (c.dep_ == "nsubj" and (c.lower_ in _NEG_WORDS or _no_one(c))):
                return True  # "none of the responders was negligent", "no one was careless"
            if c.lower_ == "without" and c.left_edge.i <= tok.i <= c.right_edge.i:
                return True  # "without any negligence"; not a later word of the sentence
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            # "the inquiry turned up no one who behaved recklessly": said of no one
            return _ruled_out(node) or (node.dep_ == "relcl" and _no_one(node.head))
        node = node.head
    return False


#: words that name no person at all as a subject ("none of the crew", "nobody who ...")
_NO_ONE = frozenset({"nobody", "none", "noone"})


def _no_one(t: Token) -> bool:
    """Does ``t`` name no one: "nobody", "none (of ...)", or a noun under "no" ("no one", "no
    responder")?"""
    return t.lower_ in _NO_ONE or any(c.dep_ == "det" and c.lower_ == "no" for c in t.children)


def _ruled_out(verb: Token) -> bool:
    """ "Operator error was ruled out after the audit": the claim set aside."""
    lemma = verb.lemma_.lower()
    if lemma == "rule":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    return lemma in ("exclude", "disprove", "discount")


def _hypothetical(verb: Token) -> bool:
    return any(c.tag_ == "MD" for c in verb.children)


def unreal_condition(verb: Token) -> bool:
    """Is ``verb`` the act of a past condition contrary to fact: "if Ravi had truncated the
    table, ...", "had Ravi truncated the table, ..."? The act was not done, so its doer is
    no agent of the harm; the counterfactual judges read the whole conditional."""
    had = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in ("had", "'d")), None)
    if had is None or verb.dep_ != "advcl":
        return False
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
        return True
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and had.i < subj.i  # inverted: "had Ravi truncated"


def _person_subject(ctx: _Ctx, verb: Token) -> tuple[Token, str] | None:
    subj = subject_of(verb) or _misparsed_subject(verb, ctx.lex)
    if subj is None:
        return None
    lex = ctx.lex
    if subj.text in ctx.systems or _thing_pronoun(subj, lex):
        return None  # "the Hermes relayer ... Hermes ignored the packet": a product
    who = person_name(subj, lex)
    if who is None and subj.pos_ != "NOUN":
        # "Kim and Lee", "Marta and the reviewer"; a common noun that names no one heads a
        # thing, whoever it is paired with ("Our kiosk and our courier partner swap keys")
        for c in subj.children:
            if c.dep_ == "conj" and person_name(c, lex):
                who = subj.text
    if who is None:
        # "the bank's card processor, Ridgeline Payments Ltd, failed to ...": a company named
        # in apposition to a noun that names none ("the scheduler, Chronos, ..." names a
        # system: only a legal form after the name makes it a party)
        named = next((c for c in subj.children if c.dep_ == "appos"), None)
        if named is not None and any(t.lower_.rstrip(".") in lex.companies for t in named.subtree):
            who = person_name(named, lex)
    if who is None:
        member = group_member(subj)  # "several of us", "one of our developers"
        if member is not None and (
            person_name(member, lex) is not None
            or member.lower_ == "us"
            or (member.lower_ == "them" and not _thing_pronoun(member, lex))
        ):
            who = ctx.words(subj.left_edge, member)
    if (
        who is None
        and _needs_mind(verb, lex)
        and (_unknown_name(subj, lex) or _organisation_acronym(subj))
    ):
        who = subj.text  # "Pinkiebell ignored the warning": only a mind ignores
    return (subj, who) if who is not None else None


def other_actor(ctx: _Ctx, verb: Token) -> tuple[Token, str] | None:
    """The active subject of ``verb`` and how it is named, when it is a person other than
    the writers: a third party's act, which the classes that leave "we" and "I" to the
    writers' own account report ("because Priya deployed", "the contractor let ...
    lapse", "Kim pushed the wrong value")."""
    got = _person_subject(ctx, verb)
    if got is None or got[0].dep_ != "nsubj" or got[0].lower_ in FIRST_PERSON:
        return None
    return got


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


def _misparsed_subject(verb: Token, lex: BlameLexicon) -> Token | None:
    """The subject the small model lost: an @handle tagged as an adverb before the verb
    ("@j.nakamura missed ..."), a listed given name it hung on the verb as a compound, an
    interjection, an adverbial noun or (opening the sentence) an adverb ("Margaux forgot to
    renew ...", "Raj ignored the alert": no ``nsubj`` at all),
    a role noun it hung there as a compound after a hyphenated word ("The on-call engineer
    forgot to renew ..."), or the head noun of a sentence parsed as a headline ("A
    contractor neglected to check ...": the verb hangs under the noun as ``acl``)."""
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    for c in verb.lefts:
        if c.text.startswith("@") and len(c.text) > 1:
            return c
        if c.dep_ in ("compound", "intj", "npadvmod") and lex.given_name(c.text):
            return c
        at_start = c.i == c.sent.start and not has_subject
        if c.dep_ == "npadvmod" and at_start and c.pos_ == "PROPN" and person_name(c, lex):
            return c  # "Tom from the day shift should have ...": a name the list lacks
        if c.dep_ == "advmod" and not has_subject and c.i == 0 and lex.given_name(c.text):
            return c  # "Raj/RB ignored the alert": a given name read as an adverb
        if (
            c.dep_ == "compound"
            and not has_subject
            and c.pos_ == "NOUN"
            and (c.lemma_.lower() in lex.roles or c.lower_ in lex.roles)
        ):
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
    product name, not CamelCase, digits or capitals (:data:`_PRODUCTISH_NAME`), nor a tool
    named in capitals ("Static Analyzer", one of ``tool-nouns``; bl28b)."""
    return (
        tok.pos_ == "PROPN"
        and tok.text[:1].isupper()
        and tok.text not in lex.product_names
        and tok.lower_ not in lex.tool_nouns
        and not _PRODUCTISH_NAME.search(tok.text)
        and not imperative_opener(tok)
    )


#: what opens a noun phrase of its own after a verb: "Dana skipped the review" has one, an
#: imperative's participle modifies the bare noun after it ("Audit skipped migrations")
_PHRASE_OPENERS = frozenset(["DT", "PDT", "PRP", "PRP$", "WDT", "WP$"])


def imperative_opener(tok: Token) -> bool:
    """Is ``tok`` the imperative verb that opens an action or list item, which the small
    model read as a proper-noun subject of the participle after it ("Audit skipped
    migrations weekly", "Graph ignored probes per region", bl31)? Its capital is the
    sentence's, not a name's: the word opens the sentence, is a verb's base form by the
    lemmatizer's index, the participle follows it at once, and a bare noun (no article or
    pronoun) follows the participle, which a name's act rarely has ("Chase ignored the
    page" stays a subject)."""
    doc = tok.doc
    if any(not (t.is_punct or t.is_space) for t in doc[tok.sent.start : tok.i]):
        return False
    if tok.i + 2 >= len(doc) or not is_verb_base(tok):
        return False
    verb, after = doc[tok.i + 1], doc[tok.i + 2]
    return verb.tag_ in ("VBD", "VBN") and after.is_alpha and after.tag_ not in _PHRASE_OPENERS


def _dobj(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


def opener_end(sdoc: Doc) -> int:
    """Index of the first token after the sentence's opener: interjections, adverbs and
    conjunctions with their commas ("Honestly,", "So", "And frankly,"), which leave a
    rhetorical question what it is."""
    i = 0
    for tok in sdoc:
        if tok.is_space or tok.is_punct or tok.pos_ in ("INTJ", "ADV", "CCONJ"):
            if tok.lower_ in ("why", "how", "when", "where"):
                return tok.i
            i = tok.i + 1
            continue
        return tok.i
    return i


def _question(ctx: _Ctx) -> bool:
    return ctx.stext.rstrip().endswith("?")


def _purpose(verb: Token, lex: BlameLexicon) -> bool:
    """A purpose clause states the reasoning at the time ("skipped lunch to finish the
    failover", "deleted the stale pods to free capacity"): local rationality. The small
    model often hangs it on the object as a relative clause ("the release to keep ...").
    After a directive noun the clause is what was asked, not why ("ignored the advice to
    keep paper copies", "skipped the instruction to drain the node"), wherever the model
    hangs it."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    # (unless the act removes the directive itself: "deleted the warning to reduce noise")
    if any(_directive(o, lex) for o in objects) and _lemma(verb, lex) not in lex.destructive_verbs:
        return False
    return any(
        c.dep_ in ("advcl", "xcomp", "relcl", "acl")
        and (c.dep_ in ("advcl", "xcomp") or h is not verb)
        and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        for h in [verb, *objects]
        for c in h.children
    )


def _directive(obj: Token, lex: BlameLexicon) -> bool:
    """Is ``obj`` a directive noun (``directive-nouns``) with "to" right after it?"""
    doc = obj.doc
    return (
        obj.lemma_.lower() in lex.directive_nouns
        and obj.i + 1 < len(doc)
        and doc[obj.i + 1].lower_ == "to"
    )


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


def _past_passive(verb: Token) -> bool:
    """A past passive told with "was"/"were" ("the table was dropped", "were skipped"): an
    act or a lapse reported as done; "is skipped" states a practice, not an event."""
    return any(c.dep_ == "auxpass" and c.lower_ in ("was", "were") for c in verb.children)


def not_asserted(tok: Token, lex: BlameLexicon) -> bool:
    """Is the phrase headed by ``tok`` denied or only reported: a "not" just before it
    ("not because of Priya's deploy", ", not by Kim's slow response"), a negated verb above
    it ("was not delayed by ..."), or a claim above it (``claim-verbs``: "we suspected that
    ..."; a ``claim-nouns`` subject or complement: "the theory was that ...", "... was a
    myth")?"""
    doc = tok.doc
    start = tok.left_edge.i
    if any(t.lower_ == "not" for t in doc[max(tok.sent.start, start - 3) : start]):
        return True
    node = tok
    for _ in range(8):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.pos_ not in ("VERB", "AUX"):
            continue
        if _negated(node) or node.lemma_.lower() in lex.claim_verbs:
            return True
        if any(
            c.dep_ in ("nsubj", "nsubjpass", "attr") and c.lemma_.lower() in lex.claim_nouns
            for c in node.children
        ):
            return True  # "the theory was that ...", "Kim's slow response was a myth'
    return False


def _lemma(tok: Token, lex: BlameLexicon) -> str:
    """The verb's lemma, with the irregular past forms the small model leaves as they are."""
    return lex.past_lemma.get(tok.lower_) or tok.lemma_.lower()


def harmless_cause(verb: Token, lex: BlameLexicon) -> bool:
    """Is ``verb`` a neutral cause ("led to", "resulted in", "triggered") with no harm after
    it (a harm word, a failure verb or an incident noun)? "Kim's restart triggered the
    recovery" blames no one; "... triggered the outage" does."""
    if _lemma(verb, lex) not in lex.neutral_causes:
        return False
    harm = lex.harm_words | lex.failure_verbs | lex.incident_nouns
    return not any(
        g.lemma_.lower() in harm or g.lower_ in harm for g in verb.subtree if g.i > verb.i
    )


def benign_effect(verb: Token, lex: BlameLexicon) -> bool:
    """Does the harm verb ``verb`` name no harm after all: its effect a recovery ("which
    is what triggered the recovery", "caused the fix to land", ``recovery-outcomes``) or
    denied ("caused no impact") or a measure brought down ("brought the error rate down",
    ``lowered-measures``)?"""
    effects = [c for c in verb.children if c.dep_ in ("dobj", "nsubj") and c.i > verb.i]
    if any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children) and any(
        e.lemma_.lower() in lex.lowered_measures for e in effects
    ):
        return True
    effects += [
        g
        for c in verb.children
        if c.dep_ in ("prep", "ccomp", "xcomp")
        for g in c.children
        if g.dep_ in ("pobj", "nsubj")
    ]
    return any(
        e.lemma_.lower() in lex.recovery_outcomes
        or any(d.dep_ == "det" and d.lower_ in ("no", "zero") for d in e.children)
        for e in effects
    )


def _in_lex(verb: Token, words: set[str], lex: BlameLexicon | None = None) -> bool:
    """Is ``verb`` one of ``words``: its phrasal ("take down") when listed, else its lemma,
    unless its particle makes it another verb (``other-sense-phrasals``: "broke down the
    cages" sorted them)."""
    prt = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    lemma = _lemma(verb, lex) if lex is not None else verb.lemma_.lower()
    if prt is not None and f"{lemma} {prt}" in words:
        return True
    if lemma not in words:  # asked first: most verbs are in no list, and the other sense
        return False  # reads the next token (~5 lists asked of each verb of a sentence)
    return lex is None or not _other_sense(verb, lemma, prt, lex)


def _other_sense(verb: Token, lemma: str, prt: str | None, lex: BlameLexicon) -> bool:
    """Does the particle after ``verb`` make it another verb? The small model reads it as a
    particle or, before a noun, as a preposition ("dropped off the bridge call")."""
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    after = nxt.lower_ if nxt is not None and nxt.head.i == verb.i and nxt.dep_ == "prep" else None
    return any(p is not None and f"{lemma} {p}" in lex.other_senses for p in (prt, after))


#: the contracted modal: "he'd have seen it" (the tagger reads "'d" before a bare verb as MD,
#: before a participle as the past "had", which stays as written)
_CONTRACTED_MODAL = frozenset({"'d", "’d"})


def modal_word(tok: Token) -> str:
    """The modal ``tok`` spells, lower case: "'d" tagged as a modal is "would"."""
    if tok.tag_ == "MD" and tok.lower_ in _CONTRACTED_MODAL:
        return "would"
    return tok.lower_


def _negated(tok: Token) -> bool:
    """Denied by a "not" or "never" of its own; not by the contrast a "not" after it and a
    comma draws ("that's on them, not us", "restarted the primary, not the replica")."""
    return any(
        (c.dep_ == "neg" or c.lower_ == "never") and not _contrast(c, tok) for c in tok.children
    )


def _affirmed_half(node: Token) -> bool:
    """Is ``node`` the half after "but" of "not X but Y", which the negation does not reach:
    "it was not the scanner but operator error" asserts the error (while "not human error
    but a tooling gap" denies it: the phrase is then X, no conjunct)?"""
    if node.dep_ != "conj":
        return False
    head = node.head
    return any(c.dep_ == "cc" and c.lower_ == "but" and c.i < node.i for c in head.children) and (
        any(c.dep_ == "neg" and c.i < head.i for c in head.head.children)
        or any(c.dep_ == "neg" and c.i < head.i for c in head.children)
    )


def _contrast(neg: Token, tok: Token) -> bool:
    return neg.i > tok.i and neg.doc[neg.i - 1].text == ","


#: cognition verbs whose denial is a gap in a person's knowledge
_KNOWING = frozenset({"understand", "know", "realise", "realize", "grasp"})


def _unknowing(verb: Token) -> bool:
    """ "Marco did not understand how the key worked": a person's knowledge gap, a verdict
    on the person (the last why-answer that ends at them, "clearly did not understand");
    what someone believed or assumed at the time (local rationality) is not one."""
    return verb.lemma_.lower() in _KNOWING and _negated(verb)


def _incident_frame(mark: Token) -> bool:
    """Does the ``mark`` ("because") follow "this/that/it is": a frame that gives the
    incident's reason, so the clause after it is the reason, not an act's rationale? Read
    on the words: the small model may hang such a clause on the verb after it."""
    doc, i = mark.doc, mark.i
    return (
        i >= 2
        and doc[i - 1].lemma_ == "be"
        and doc[i - 1].tag_ != "VBG"
        and doc[i - 2].lower_ in ("this", "that", "it")
    )


def _rationale(verb: Token, lex: BlameLexicon, stext: str) -> bool:
    """``stext``: the sentence's text (``verb.doc.text``, read once per sentence)."""
    for c in verb.subtree:
        if c.dep_ == "mark" and c.lower_ in lex.rationale_marks and c.head.dep_ == "advcl":
            if c.head.i == verb.i or _incident_frame(c) or _compared(c):
                continue  # "failed because Mara did not check", "This is because Deepak
                # skipped it": the act is the reason given, not explained by one
            return True
    after = stext[verb.idx :]
    # "X did not notice the alert: it was grouped under the first one" explains the miss
    reasons = (
        m for m in lex.rationale_re.finditer(after) if not _AS_COMPARED.search(after, 0, m.start())
    )
    return any(True for _ in reasons) or bool(_COLON_REASON.search(after))


#: the first half of a comparison, "as long / as badly" before "as it did": no reason given
_AS_COMPARED = re.compile(r"(?i)\bas\s+\w+\s+$")


def _compared(mark: Token) -> bool:
    """Is ``mark`` the second "as" of a comparison ("ran as long as it did", "spread as far
    as it could"), which measures, not the "as" of a reason ("as the policy requires")?"""
    return mark.lower_ == "as" and mark.i >= 2 and mark.doc[mark.i - 2].lower_ == "as"


def participle_after(had: Token, verb: Token) -> bool:
    """Is ``verb`` the participle of a perfect with ``had``? Tagged so, or tagged as a base
    form: the small model tags a participle that is spelled like its base form as one ("had
    the operator read the gauge", "if they had put it back", "had Kim cut over"). "had
    better check" is advice, not a perfect."""
    if verb.tag_ == "VBN":
        return True
    if verb.tag_ not in ("VB", "VBP") or verb.i < had.i:
        return False
    return not any(t.lower_ in ("better", "best", "rather") for t in had.doc[had.i + 1 : verb.i])


def worse_otherwise(main: Token, lex: BlameLexicon) -> bool:
    """Does the main clause of a counterfactual tell a harm that the other path would have
    brought ("..., retries would have amplified the load", "..., the deploy would have
    failed anyway")? Then the counterfactual defends what was done instead of judging it.
    Not when the harm is denied or made smaller ("would not have failed", "none of the
    requests would have failed", "we would have lost less data": the path not taken was
    better)."""
    if _negated(main) or any(c.dep_ == "neg" for c in main.children):
        return False
    if not _in_lex(main, lex.worse_outcomes, lex):
        return False
    told = (c for c in main.children if c.dep_ in ("nsubj", "nsubjpass", "dobj"))
    return not any(t.lower_ in lex.lessened_harms for c in told for t in c.subtree)
