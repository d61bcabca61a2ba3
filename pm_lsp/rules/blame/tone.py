"""PM105 hindsight phrases, PM106 animated language (repeated marks, "yet again", words
shouted in capitals) and PM107 a root-cause statement whose subject is a named person or role.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pm_lsp.rules.blame import specs
from pm_lsp.rules.blame.credit import credited
from pm_lsp.rules.blame.extract import group_member, person_name, subject_of
from pm_lsp.rules.blame.findings import names_findings
from pm_lsp.rules.blame.grammar import (
    _COGNITION,
    BlameHit,
    _Ctx,
    _denied,
    _hypothetical,
    _person_subject,
    _quoted,
    _unknowing,
    quoted_span,
    unreal_condition,
)
from pm_lsp.rules.blame.lexicon import FIRST_PERSON
from pm_lsp.rules.spec import Edit, Fix

if TYPE_CHECKING:
    from spacy.tokens import Token

    from pm_lsp.rules.blame.lexicon import BlameLexicon


def _defended_then(ctx: _Ctx, after: int) -> bool:
    """Is the choice defended after a "but" with what was known when it was made
    (``foresight-defences``: "..., but with what we knew at 09:31 the careful order was
    reasonable")? Hindsight conceded and then answered is the foresight view."""
    turn = re.search(r"(?i)\bbut\b", ctx.stext[after:])
    if turn is None:
        return False
    return ctx.lex.foresight_defence.search(ctx.stext, after + turn.end()) is not None


def _hindsight(ctx: _Ctx) -> None:
    """Hindsight in the sentence (PM105), reported once: "Looking back, the warning signs
    were obvious" is one verdict told twice, and two findings on it read as noise."""
    lex = ctx.lex
    for m in lex.hindsight_search.finditer(ctx.stext):
        span = ctx.sdoc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and (_quoted(ctx, span[0]) or _reported(span.root)):
            continue
        if re.search(
            r"(?i)\bbut\b.*\b(?:no|not|never|without|nothing)\b|\bbut\b.*n't\b",
            ctx.stext[m.end() :],
        ) or _defended_then(ctx, m.end()):
            continue  # "the dashboard clearly showed it, but no alert fired": foresight view
        if _exposure(ctx, m) or not _expected_person(ctx, m):
            continue
        ctx.add(
            specs.hindsight.code,
            ctx.sent.base + m.start(),
            ctx.sent.base + m.end(),
            "hindsight",
            phrase=m.group(0),
        )
        return
    if ctx.lowers.isdisjoint(lex.hindsight_adjectives):
        return
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
            phrase=ctx.words(subj.left_edge, tok),
        )
        return


def _expected_person(ctx: _Ctx, m: re.Match[str]) -> bool:
    """The party a phrase expects a catch of (its group "expected") is a person, or the
    phrase has no such group."""
    if m.groupdict().get("expected") is None:
        return True
    a, e = m.span("expected")
    span = ctx.sdoc.char_span(a, e, alignment_mode="contract")
    return span is not None and len(span) > 0 and person_name(span.root, ctx.lex) is not None


def _exposure(ctx: _Ctx, m: re.Match[str]) -> bool:
    """ "Anyone opening the shared bucket could have seen the API key": who could
    read a secret while it was exposed (a security finding), not hindsight about people."""
    if "public" in m.group(0).lower():
        return True
    after = ctx.stext[m.end() : m.end() + 60].lower()
    nouns = ctx.lex.credential_nouns
    return any(w in nouns or w.rstrip("s") in nouns for w in re.findall(r"[a-z]+", after)[:5])


_SPEECH = frozenset(["say", "argue", "claim", "conclude", "suggest", "write"])


def _reported(tok: Token) -> bool:
    """Under a hypothetical speech act: "it would be easy to say the engineer should have
    known" names the hindsight view in order to reject it. A modal's own verb is the act,
    not a speech act: "a competent developer would have written a test" (bl39 class 5)."""
    node = tok
    speech = False
    for _ in range(6):
        own = node.i == tok.head.i and tok.tag_ == "MD"
        speech = speech or (node.lemma_.lower() in _SPEECH and not own)
        if speech and (_hypothetical(node) or node.lemma_.lower() in ("easy", "tempting")):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _animated(ctx: _Ctx) -> None:
    """Idioms that say someone failed ("animated") and exasperation aimed at no one
    ("animated-tone", shown as info), then shouting in capitals."""
    lex = ctx.lex
    for key, idioms in (
        ("animated", lex.animated_search),
        ("animated-tone", lex.exasperation_search),
        # "was it so hard to ...?" unless it asks (answered next)
        *((("animated-tone", lex.exasperated_questions),) if not ctx.asking else ()),
    ):
        for m in idioms.finditer(ctx.stext):
            if quoted_span(ctx.stext, m.start(), m.end()):
                continue  # "a reporter wrote that 'someone fell asleep at the wheel'": mentioned
            a, e = ctx.sent.base + m.start(), ctx.sent.base + m.end()
            fix = None
            if re.fullmatch(r"!{2,}", m.group(0)):
                if lex.praise.search(ctx.stext) or _celebration(ctx):
                    continue  # "Great work from the whole bridge!!": warmth, not exasperation
                fix = Fix("Replace with a full stop", (Edit(a, e, "."),), safe=True)
            ctx.add(specs.animated.code, a, e, key, fix=fix, phrase=m.group(0))
    _blessing(ctx)
    _litotes(ctx)
    _party_idioms(ctx)
    _aimed_tone(ctx)
    _shouting(ctx)


def _celebration(ctx: _Ctx) -> bool:
    """Joy at news ("The new checkout is live!!"): exclamation marks that complain about no
    party and no harm. A sentence that also tells a harm, a negation or a repeat ("launched a
    broken build again!!"), or names a person or team other than the writers and those the
    news is shared with ("So happy the vendor took six hours to reply!!"), is still
    exasperation."""
    lex = ctx.lex
    if not lex.celebration.search(ctx.stext):
        return False
    harms = lex.harm_words | lex.harm_events | lex.failure_verbs | lex.celebration_spoilers
    for t in ctx.sdoc:
        if t.lower_ in harms or t.lemma_.lower() in harms:
            return False
        if t.lower_ not in lex.celebration_addressees and person_name(t, lex) is not None:
            return False
    return True


def _blessing(ctx: _Ctx) -> None:
    """A blessing aside ("..., bless them", ``blessing-asides``) is sarcasm (info,
    "animated-tone") only where the sentence talks down to its party with one of
    ``condescension-marks`` ("the night crew, bless them, still think the panel is
    decoration"); warmth for people who helped or suffered is clean ("the donors rang to
    tell us the form was broken, bless them"; bl31)."""
    lex = ctx.lex
    if lex.condescension_marks.isdisjoint(ctx.lemmas):
        return
    for m in lex.blessings.finditer(ctx.stext):
        if quoted_span(ctx.stext, m.start(), m.end()):
            continue
        a, e = ctx.sent.base + m.start(), ctx.sent.base + m.end()
        ctx.add(specs.animated.code, a, e, "animated-tone", phrase=m.group(0))


def _litotes(ctx: _Ctx) -> None:
    """Understatement aimed at a party (``litote-idioms``, bl31): "the vendor did not
    exactly do us any favours", "the release team hardly covered themselves in glory". The
    verb in the phrase's group "verb" must have a party as its subject (:func:`_party_subject`);
    the weather's or a machine's is clean."""
    for m in ctx.lex.litotes.finditer(ctx.stext):
        if quoted_span(ctx.stext, m.start(), m.end()):
            continue
        verb = next((t for t in ctx.sdoc if t.idx == m.start("verb")), None)
        if verb is None or not _party_subject(ctx, verb):
            continue
        a, e = ctx.sent.base + m.start(), ctx.sent.base + m.end()
        ctx.add(specs.animated.code, a, e, "animated", phrase=m.group(0))


def _party_subject(ctx: _Ctx, verb: Token) -> bool:
    """Is the subject of ``verb`` a person, a role or a team, or one of ``fault-parties``
    ("the old landlord who let the lease lapse did not exactly do us any favours")?"""
    lex = ctx.lex
    # a long subject with a relative clause the small model closed too late ("the landlord
    # who let the lease lapse did not ..." parsed with "did not" inside the clause): the
    # noun the clause belongs to is the subject ("the cache that the landlord installed")
    owner = next((a.head for a in (verb, *verb.ancestors) if a.dep_ == "relcl"), None)
    if owner is not None:
        return owner.lemma_.lower() in lex.fault_parties or person_name(owner, lex) is not None
    if _person_subject(ctx, verb) is not None:
        return True
    subj = subject_of(verb)
    return subj is not None and subj.lemma_.lower() in lex.fault_parties


def _party_idioms(ctx: _Ctx) -> None:
    """Idioms that fault a party only when one is their subject: "the analyst sat on it for
    an hour", "they have been sitting on that migration guide since spring"; not "the backup
    sat on the NAS for a week" (``party-idioms``)."""
    for m in ctx.lex.party_idioms_search.finditer(ctx.stext):
        if quoted_span(ctx.stext, m.start(), m.end()):
            continue
        verb = next((t for t in ctx.sdoc if t.idx == m.start()), None)
        if verb is None or not (_person_subject(ctx, verb) or _party_noun_subject(ctx, verb)):
            continue
        a, e = ctx.sent.base + m.start(), ctx.sent.base + m.end()
        ctx.add(specs.animated.code, a, e, "animated", phrase=m.group(0))


def _party_noun_subject(ctx: _Ctx, verb: Token) -> bool:
    """A subject that is one of ``fault-parties`` ("the network provider let us down";
    bl37 class 2), a party though no name or role."""
    subj = subject_of(verb)
    return subj is not None and subj.lemma_.lower() in ctx.lex.fault_parties


def _aimed_tone(ctx: _Ctx) -> None:
    """Tone markers that are exasperation only where aimed (info, "animated-tone"):
    sarcasm in a sentence that names a party other than the writer ("rushed in by a
    contractor before the freeze, and it shows", "the vendor never read it tbh";
    ``party-tone-phrases``), and "as usual" on a lapse the sentence tells ("as usual, the
    notice came two days late"; ``habit-phrases``, ``habit-lapses``). Once per sentence."""
    lex = ctx.lex
    found = [
        m
        for m in lex.party_tone.finditer(ctx.stext)
        if _aimed(ctx, m)
        and (lex.purpose_jibes.match(ctx.stext, m.start()) is None or _lapse_before(ctx, m))
    ]
    habits = list(lex.habits.finditer(ctx.stext))  # rare: the lapses are read after them
    if habits and lex.habit_lapses.search(ctx.stext):
        found += habits
    aimed = list(lex.aimed_habits.finditer(ctx.stext))  # rare too: the lapses after them
    if aimed and (lex.aimed_habit_lapses.search(ctx.stext) or lex.habit_lapses.search(ctx.stext)):
        found += [m for m in aimed if _aimed(ctx, m)]  # bl36 class 4: a party's failure
    for m in found:
        if quoted_span(ctx.stext, m.start(), m.end()):
            continue
        a, e = ctx.sent.base + m.start(), ctx.sent.base + m.end()
        ctx.add(specs.animated.code, a, e, "animated-tone", phrase=m.group(0).strip(" ,"))
        return


_PARTY_GROUPS = ("party", "party2", "party3")


def _aimed(ctx: _Ctx, m: re.Match[str]) -> bool:
    """Does the sentence name a party other than the writer, as a subject, a possessor or
    a "by" agent (or, when the phrase has a group "party", inside that group)?"""
    if m.groupdict().get("owner") is not None:
        return True  # "literally their job": the phrase names its party (bl26b)
    # the party's group: "party", or "party2"/"party3" in a later phrase of the joined
    # pattern (a group name is defined once per pattern; bl37 class 5)
    named = next((g for g in _PARTY_GROUPS if m.groupdict().get(g) is not None), None)
    grouped = named is not None
    lo, hi = m.span(named) if named is not None else (0, len(ctx.stext))
    for tok in ctx.sdoc:
        if not lo <= tok.idx < hi or tok.lower_ in FIRST_PERSON:
            continue
        if not grouped and _nobody_heeded(tok, ctx.lex):
            return True
        if not grouped and not (_party_position(tok) or _source_of(tok, m)):
            continue
        if person_name(tok, ctx.lex) is not None:
            return True
    return False


def _lapse_before(ctx: _Ctx, m: re.Match[str]) -> bool:
    """Does the sentence tell a lapse before ``m``: a negation, no one as the subject, a
    state of being left undone ("sat unacknowledged"), a failure or omission verb ("ignored
    the page", "forgot"), or one of ``habit-lapses``? What a role "is there for" rubs in a
    duty left undone, and only states one that was done ("..., which is exactly what she
    is there for")."""
    lex = ctx.lex
    if lex.habit_lapses.search(ctx.stext, 0, m.start()) is not None:
        return True
    lapses = lex.failure_verbs | lex.omission_verbs
    return any(
        tok.idx < m.start()
        and (
            tok.dep_ == "neg"
            or tok.lower_ in lex.nobody
            or _UNDONE.fullmatch(tok.lower_) is not None
            or (tok.pos_ == "VERB" and tok.lemma_.lower() in lapses)
        )
        for tok in ctx.sdoc
    )


#: a state of being left undone: "unacknowledged", "unanswered", "unread", "unattended"
_UNDONE = re.compile(r"un(?:\w+ed|read|seen|done)")


def _nobody_heeded(tok: Token, lex: BlameLexicon) -> bool:
    """ "Nobody looked at the error panel ..." (bl26b): no one as the subject of one of
    ``unheeded-verbs``, a lapse of people that a tone marker is aimed at."""
    if tok.dep_ != "nsubj" or tok.head.lemma_.lower() not in lex.unheeded_verbs:
        return False
    if any(c.tag_ == "MD" for c in tok.head.children):
        return False  # "nobody could open the dashboard": not able, not a lapse
    return tok.lower_ in lex.nobody or (
        tok.lower_ == "one" and any(c.lower_ == "no" for c in tok.children)
    )


def _source_of(tok: Token, m: re.Match[str]) -> bool:
    """Is ``tok`` where the matched phrase comes "from" ("the usual nonsense from the folks
    who skip staging"; bl28b): the object of a "from" hung on a word of the match?"""
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ == "from" and m.start() <= prep.head.idx < m.end()


def _party_position(tok: Token) -> bool:
    """A subject, a possessor or the object of "by": where a party acts or owns. A
    contracted "'s" before a participle is read by the parser as a passive "is" ("he's done
    this sort of thing before", "she's pulled this stunt before"), though it is the "has"
    of an act: its subject acts."""
    if tok.dep_ == "pobj":
        return tok.head.lower_ == "by"
    if tok.dep_ == "nsubjpass":
        return any(c.dep_ == "auxpass" and c.lower_ in _HAS_CLITICS for c in tok.head.children)
    return tok.dep_ in ("nsubj", "poss")


#: the contracted "has" the parser reads as a passive "is" (:func:`_party_position`)
_HAS_CLITICS = frozenset({"'s", "’s"})


_CAPS_WORD = re.compile(r"[A-Z][A-Z'’]*[A-Z]\b")


#: where a stance adverb is set off: opening the sentence (after "and"/"but"/"so"), after a
#: comma, or after "but"/"though"/"although" (class 2 of bl33)
_SET_OFF = re.compile(
    r"(?i)(?:^\W*(?:(?:and|but|so|yet),?\s+)?|,\s*(?:(?:and|but|so|yet|though|although)\s+)?"
    r"|\b(?:but|though|although)\s+)(\w+)"
)


def stance_tone(ctx: _Ctx) -> None:
    """A stance adverb of exasperation (``exasperated-adverbs``) set off in a sentence that
    judges people or calls something a mess (class 2 of bl33): "Frankly, the vendor was far
    too late to answer", "..., honestly.", "though frankly the old pager is a relic"; info
    ("animated-tone"). Read after the other judges: the judgment is another finding of the
    sentence (:func:`_judging`) or one of ``mess-predicates``. Clean: manner ("we will report
    honestly"), an adverb on an adjective ("clearly visible"), a sentence that judges no
    one ("Clearly, the graph shows a step at 10:04"), a quoted remark."""
    lex = ctx.lex
    if ctx.lowers.isdisjoint(lex.exasperated_adverbs):
        return
    for m in _SET_OFF.finditer(ctx.stext):
        if m.group(1).lower() not in lex.exasperated_adverbs:
            continue
        a, e = ctx.sent.base + m.start(1), ctx.sent.base + m.end(1)
        tok = next((t for t in ctx.sdoc if t.idx == m.start(1)), None)
        if tok is None or tok.head.pos_ == "ADJ" or quoted_span(ctx.stext, m.start(1), m.end(1)):
            continue
        _stance_told(ctx, a, e, m.group(1))
        return
    tok = next((t for t in ctx.sdoc if _candid_verdict(t, lex)), None)
    if tok is not None and not quoted_span(ctx.stext, tok.idx, tok.idx + len(tok.text)):
        _stance_told(ctx, ctx.off(tok), ctx.end(tok), tok.text)  # "it is frankly baffling"


def _candid_verdict(tok: Token, lex: BlameLexicon) -> bool:
    """An exasperated adverb of candour, not of evidence (not one of ``stance-adverbs``:
    "clearly visible" tells what was seen), on the adjective the sentence predicates: "it
    is frankly baffling that ...", "the handover was honestly absurd" (bl40)."""
    if tok.lower_ not in lex.exasperated_adverbs or tok.lower_ in lex.stance_adverbs:
        return False
    adj = tok.head  # the small model may read "is ... baffling" as a progressive
    felt = adj.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in adj.children)
    return tok.dep_ == "advmod" and (adj.pos_ == "ADJ" or felt) and adj.dep_ in ("acomp", "ROOT")


def _stance_told(ctx: _Ctx, a: int, e: int, word: str) -> None:
    """Report the adverb at ``a``-``e`` when the sentence judges and its tone is not told."""
    if any(_told(h, a, e) for h in ctx.hits):
        return  # "Obviously, ..." read as a minimiser; tone told once a sentence
    if any(_judging(ctx, h) for h in ctx.hits) or _mess(ctx):
        ctx.add(specs.animated.code, a, e, "animated-tone", phrase=word)


def _told(hit: BlameHit, a: int, e: int) -> bool:
    """Is the adverb at ``a``-``e`` told already: inside a finding or in a judgment's words
    ("tested, but clearly not thoroughly"), or is the sentence's tone reported already?"""
    inside = a <= hit.start and hit.end <= e
    judged = hit.code == specs.judgment.code and hit.start < e and a < hit.end
    return inside or judged or hit.code == specs.animated.code


def _mess(ctx: _Ctx) -> bool:
    """One of ``mess-predicates`` used, not quoted: "the whole rollout was a shambles"."""
    m = ctx.lex.mess_predicates.search(ctx.stext)
    return m is not None and not quoted_span(ctx.stext, m.start(), m.end())


_JUDGING = frozenset(
    s.code for s in (specs.person_as_cause, specs.judgment, specs.hindsight, specs.rca_person)
)


def _judging(ctx: _Ctx, hit: BlameHit) -> bool:
    """Does ``hit`` judge people: a cause, a verdict, hindsight or an idiom of failure, or a
    counterfactual about someone other than the writers ("Honestly, we should have checked
    the disk" is our own finding, told candidly)?"""
    if hit.code in _JUDGING or (hit.code == specs.animated.code and hit.key == "animated"):
        return True
    if hit.code != specs.counterfactual.code:
        return False
    first = ctx.text[hit.start : hit.end].split()[:1]
    return bool(first) and first[0].lower() not in FIRST_PERSON


def _shouting(ctx: _Ctx) -> None:
    """An emphasis word in capitals ("we NEVER tested it"). Not when the whole
    sentence is in capitals (a label or heading) or a neighbouring word is in capitals too
    ("IS NOT NULL", "READ ONLY", "NOT STARTED": code, modes and status labels)."""
    stext = ctx.stext
    found = list(ctx.lex.shouting.finditer(stext))
    if not found:  # most sentences: then the letters need not be counted (~50% of the idioms)
        return
    letters = [c for c in stext if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) > 0.6 * len(letters):
        return
    for m in found:
        before = stext[: m.start()].split()
        after = stext[m.end() :].split()
        neighbours = before[-1:] + after[:1]
        if any(_CAPS_WORD.fullmatch(w.strip('.,;:!?()"*_`')) for w in neighbours):
            continue
        if _clarifies(ctx, m.start()):
            continue
        if m.group(0) in _REQUIREMENT_WORDS and _requirement(ctx, m.start()):
            continue  # "The exporter MUST reject ...": RFC 2119 wording, not emphasis
        a, e = ctx.sent.base + m.start(), ctx.sent.base + m.end()
        word = ctx.text[a:e]
        if word != m.group(0):  # masked markup inside the word: no fix
            continue
        fix = Fix("Write it in lower case", (Edit(a, e, word.lower()),), safe=True)
        ctx.add(specs.animated.code, a, e, "animated-caps", fix=fix, phrase=word)


#: the requirement keywords of RFC 2119 among the shouting words
_REQUIREMENT_WORDS = frozenset({"MUST", "SHOULD"})


def _requirement(ctx: _Ctx, at: int) -> bool:
    """Is the keyword at ``at`` a requirement's modal said of a thing ("The exporter MUST
    reject rows without a key", "Dashboards SHOULD show the flag"), as RFC 2119 writes
    requirements? Said of people ("We MUST do better", "you SHOULD have known") it is
    emphasis."""
    tok = next((t for t in ctx.sdoc if t.idx == at), None)
    if tok is None or tok.tag_ != "MD":
        return False
    verb = tok.head
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and _person_subject(ctx, verb) is None


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
    verb = tok.head if tok.head.i != tok.i else tok
    if verb.pos_ not in ("VERB", "AUX"):
        return False  # a mis-parse ("The team DIDN'T/appos look"): keep the emphasis reading
    if verb.lemma_.lower() in _FACT_VERBS or any(c.dep_ == "auxpass" for c in verb.children):
        return True
    if any(c.tag_ == "MD" and c.lower_ in ("could", "can", "couldn't") for c in verb.children):
        return True
    return _person_subject(ctx, verb) is None


def _copula_person(ctx: _Ctx, root: Token) -> bool:
    """A root-cause copula that ends at a person (PM107), reported here; True when it did:
    the person as what the cause was ("The root cause was the engineer who ..."), or as
    whose error it was ("human error by the contractor"), or a person given a trait as
    the answer ("Because the upgrade engineer was sloppy", "... was in a hurry")."""
    lex = ctx.lex
    attr = next((c for c in root.children if c.dep_ == "attr"), None)
    if attr is not None:
        return _cause_names_person(ctx, attr, root)
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    trait = any(c.dep_ == "acomp" or (c.dep_ == "prep" and c.lower_ == "in") for c in root.children)
    if subj is None or not trait or subj.lower_ in lex.indefinite:
        return False
    if subj.lower_ in lex.pronouns and subj.lower_ not in ("he", "she"):
        return False  # "we were in a hurry": the team narrating; "he is careless" ends at him
    who = person_name(subj, lex)
    if who is None:
        return False
    ctx.add(specs.rca_person.code, ctx.off(subj.left_edge), ctx.end(subj), "rca-person", who=who)
    return True


def _cause_names_person(ctx: _Ctx, cause: Token, copula: Token | None = None) -> bool:
    """The noun phrase headed by ``cause`` is what the root cause was (the copula's
    attribute, or, with no ``copula``, a statement written as a noun phrase after a label:
    "Root cause: the analyst's decision to resend the batch"); report it (PM107) and say
    True when it names a person: as the cause itself, as whose error it was ("human error
    by the contractor"), whose act it was ("Lukas's failure to renew the certificate") or
    who made the change ("a cache change pushed by Tomasz"). Without a copula, a possessor
    counts only before an act (:func:`_an_act`): "the vendor's expired certificate" is a
    thing the vendor had."""
    lex = ctx.lex
    by = next(  # "human error by the contractor": on the noun or on the copula
        (
            g
            for c in (*cause.children, *(copula.children if copula is not None else ()))
            if c.dep_ == "prep" and c.lower_ == "by"
            for g in c.children
            if g.dep_ == "pobj"
        ),
        None,
    )
    owner = next((c for c in cause.children if c.dep_ == "poss"), None)
    if copula is None and not _an_act(cause, lex):
        owner = None
    maker = next(
        (
            g
            for a in cause.children
            if a.dep_ == "acl" and a.tag_ == "VBN" and a.lemma_.lower() in lex.change_verbs
            for b in a.children
            if b.dep_ == "agent"
            for g in b.children
            if g.dep_ == "pobj"
        ),
        None,
    )
    for cand in (cause, by, owner, maker):
        who = person_name(cand, lex) if cand is not None else None
        if cand is not None and who is not None and cand.lower_ not in lex.pronouns:
            ctx.add(
                specs.rca_person.code, ctx.off(cand.left_edge), ctx.end(cand), "rca-person", who=who
            )
            return True
    return False


def _an_act(noun: Token, lex: BlameLexicon) -> bool:
    """Does ``noun`` name an act: a change or an error ("change", "commit", "mistake":
    ``work-nouns``, ``error-nouns``) or a choice told with what was chosen ("decision to
    resend", "choice to skip": an infinitive hung on it)?"""
    low = noun.lemma_.lower()
    return (
        low in lex.work_nouns
        or low in lex.error_nouns
        or any(
            c.dep_ == "acl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
            for c in noun.children
        )
    )


def _unnamed(subj: Token, lex: BlameLexicon) -> bool:
    """Does the subject of a root-cause sentence name no one: "we" narrating (common, and
    no person-as-root-cause claim), an indefinite person, or a quantifier over such a
    pronoun ("None of us regard ...", "all of them agree", "each of us saw"): the writers
    or an unnamed group, not a person the chain ends at. "He"/"she" still point at one."""
    member = group_member(subj)
    if member is not None and member.tag_ == "PRP":
        subj = member  # read by its case-free lemma: "us" -> "we", "them" -> "they"
    low = subj.lemma_.lower() if subj is member else subj.lower_
    if low in lex.pronouns and low not in ("he", "she"):
        return True
    return low in lex.indefinite


#: the markers of strong emphasis in Markdown
_STRONG = ("**", "__")
#: strong emphasis opened right before a sentence, a clause number between ("**5.1 ",
#: "**B. ", "__2) ")
_STRONG_OPENING = re.compile(r"(?:\*\*|__)(?:[0-9A-Za-z]{1,3}(?:\.[0-9]{1,3})*[.)]?[ \t]+)?$")


def _bold_label(ctx: _Ctx) -> bool:
    """Is the sentence one run of strong emphasis ("**3.1 Change management.**", "**Release
    management**."), the run-in sub-heading of a numbered or listed factor? Such a label
    names the topic of the prose after it: a noun phrase there states no one as the end of
    the chain ("Change management" is no body of managers); the prose after it is read as
    written, and a bold clause with a verb is still a statement."""
    words = [t for t in ctx.sdoc if not t.is_space]
    if not words:
        return False
    a, e = ctx.off(words[0]), ctx.end(words[-1])
    if not _STRONG_OPENING.search(ctx.text, max(0, a - 16), a):
        return False
    if ctx.text[e : e + 2] in _STRONG:
        return True
    return words[-1].is_punct and ctx.text[e - 3 : e - 1] in _STRONG


def _rca(ctx: _Ctx) -> None:
    """The root-cause statement (or last why-answer) names a person or a trait as the cause."""
    lex = ctx.lex
    sdoc = ctx.sdoc
    m = lex.lacked_trait.search(ctx.stext)
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
        if root.lemma_ == "be" and _copula_person(ctx, root):
            return
        if root.pos_ in ("NOUN", "PROPN") and _bold_label(ctx):
            return  # "**4.2 Vendor management.** The contract had no notice period": a
            # sub-heading naming the topic of the prose after it, no actor
        if root.pos_ in ("NOUN", "PROPN") and any(
            _cause_names_person(ctx, n)
            for n in (root, *(c for c in root.children if c.dep_ == "appos"))
        ):
            return  # a noun phrase, after a label ("Root cause: X's decision") or not
        # "Root cause: dylanfour@ ignored ..." parses the clause under the label noun; "the
        # root cause is that the night engineer didn't follow ..." under the copula
        kinds = (
            ("acl", "appos", "advcl", "ccomp") if root.lemma_ == "be" else ("acl", "appos", "advcl")
        )
        cands = [verb] + [c for c in root.children if c.dep_ in kinds]
        for v in cands:
            if v.lemma_.lower() in _COGNITION | {"be", "have"} and not _unknowing(v):
                continue
            if names_findings(v, lex) or unreal_condition(v):
                continue  # "the panel named four factors that fed in": the analysts; "if
                # the operator had restarted the primary, ...": an act not done
            if any(
                c.dep_ == "advcl"
                and c.tag_ in ("VBN", "VBD")
                and any(g.dep_ == "mark" and g.lower_ == "as" for g in c.children)
                and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                for c in v.children
            ):
                # "rotated it as scheduled", "as agreed with the vendor, Tomas upgraded": an
                # act done as planned is where the plan comes in, not where the chain ends
                # ("as soon as it was merged" has a subject of its own: no such mark)
                continue
            got = _person_subject(ctx, v)
            if got is None or got[0].dep_ != "nsubj":
                continue  # "the employee was converted": the person is not the agent
            subj, who = got
            if _unnamed(subj, lex) or credited(v, lex):
                continue  # credited with the recovery: "Priya traced the fault and fixed it"
            ctx.add(
                specs.rca_person.code, ctx.off(subj.left_edge), ctx.end(subj), "rca-person", who=who
            )
            return
