"""Rhetorical who and why aimed at a person (PM104), found by blind round 25.

* "Who signs off on a leak like that the week before launch?", "who approves a schema change
  on a Friday without a rollback plan?": a "who" question in the present about an act, made
  damning by "like that" or "without" (one of ``damning-marks``);
* "Why is the engineer who built the importer never reachable when it fails?", "why are
  the DBAs always unreachable?": a "why" question about a person's state or act held as a
  habit (one of ``habit-marks``);
* "Why the on-call DBA could not be reached during his own window remains a mystery to us":
  a lapse of a person told as a wonder (``wonder-phrases``), a statement, not a question.

Found by blind round 26 (bl26a):

* "Why was a hotfix allowed to go out during the sales peak at all?": a piece of work (one
  of ``work-nouns``) let through, asked with one of ``reproach-tails`` ("at all", "in the
  first place"): the people who let it through are the target;
* "It's fair to ask why a shift lead who did the course last week still had to phone the
  desk": a "why" clause after one of ``asking-frames``, a person as its subject and a lapse
  in it (a negation, one of ``failure-verbs``, or "still").

Found by blind round 29 (bl29b):

* "Why on earth did Priya let the registration lapse?": an exasperated why (one of
  ``exasperated-whys``) with a party as its subject, blame as well as exasperation;
* "How did the release committee approve a schema change without a dry run?": a party as
  the subject of one of ``gate-verbs``, with one of ``damning-marks`` after it;
* "Would a more attentive operator not have double-checked the host?": an imagined better
  person asked about (PM103, as the statement is).

Found by blind round 35 (bl38): "Why did the engineer who approved the change not run the
check?": a "why" about a person picked out by a past act in a relative clause, with a lapse.

A question that asks (answered next, one of a list: ``ctx.asking``), a thing's ("why is the
queue never drained on Sundays?", "why was the pod allowed to schedule there at all?"),
something done to people ("why are the DBAs never told?") and an unknown told plainly ("why
the job stopped remains unclear") stay clean.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pm_lsp.rules.blame import specs
from pm_lsp.rules.blame.extract import person_name, word_end
from pm_lsp.rules.blame.grammar import _Ctx, _in_lex, _quoted, modal_word, opener_end
from pm_lsp.rules.blame.lexicon import FIRST_PERSON
from pm_lsp.rules.blame.omission import bettered_subject
from pm_lsp.rules.blame.questions import _asks, _joins

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Token

_BE = frozenset({"is", "are", "was", "were", "'s"})
_DO = frozenset({"does", "do", "did"})
_NEVER = frozenset({"not", "n't", "n’t", "never"})


def judge(ctx: _Ctx) -> None:
    """The three constructions; one finding at most."""
    sdoc = ctx.sdoc
    framed = _framed_why(ctx)
    if framed is not None and not (ctx.asking and _asks(ctx.stext)):
        # (bl30) "can somebody explain why ...?" asked and answered next is a question
        _report(ctx, *framed, "rhetorical-wonder")
        return
    k = opener_end(sdoc)
    if k >= len(sdoc) or _quoted(ctx, sdoc[k]):
        return
    if sdoc[k].tag_ == "MD" and _asks(ctx.stext) and not ctx.asking:
        end = _bettered_question(ctx, k)
        if end is not None:
            _report(ctx, sdoc[k], end, "rhetorical-question", specs.counterfactual.code)
        return
    if sdoc[k].lower_ in _BE | _DO:
        if _asks(ctx.stext) and not ctx.asking:
            end = _doubted_awareness(ctx, k)
            if end is not None:
                _report(ctx, sdoc[k], end, "rhetorical-question")
        return
    if sdoc[k].lower_ not in ("who", "why", "how"):
        return
    if _asks(ctx.stext):
        if not ctx.asking:
            end = (
                _who_damning(ctx, sdoc[k])
                or _why_habit(ctx, k)
                or _why_allowed(ctx, k)
                or _on_earth(ctx, k)
                or _gate_waved(ctx, k)
                or _why_author(ctx, k)
                or _how_could(ctx, k)
                or _how_generic_miss(ctx, k)
            )
            if end is not None:
                _report(ctx, sdoc[k], end, "rhetorical-question")
    else:
        end = _wondered(ctx, k)
        if end is not None:
            _report(ctx, sdoc[k], end, "rhetorical-wonder")


def _report(ctx: _Ctx, first: Token, last: Token, key: str, code: str = "") -> None:
    phrase = ctx.words(first, last)
    code = code or specs.judgment.code
    ctx.add(code, ctx.off(first), ctx.end(last), key, person=True, phrase=phrase)


def _party_subject(ctx: _Ctx, tokens: Iterable[Token]) -> Token | None:
    """The active subject among ``tokens`` when it names a party other than the writers
    (a person, a role, a team, a board) and no system; else None."""
    subj = next((t for t in tokens if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.dep_ == "nsubjpass" or subj.lower_ in FIRST_PERSON | {"you"}:
        return None
    if person_name(subj, ctx.lex) is None or subj.text in ctx.systems:
        return None
    return subj


def _on_earth(ctx: _Ctx, k: int) -> Token | None:
    """ "Why on earth did Priya let the registration lapse?", "how in the world could the
    night operator restart the primary?": "why"/"how", one of ``exasperated-whys``, an
    auxiliary and a party as its subject (blind round 29: only the exasperation, at info,
    was told before); the party's verb, or None. A thing's ("why on earth does the job
    run at noon?") is no party's."""
    sdoc = ctx.sdoc
    rest = ctx.stext[sdoc[k].idx + len(sdoc[k].text) :]
    words = rest.lstrip().lower()
    said = next((w for w in ctx.lex.exasperated_whys if words.startswith(f"{w} ")), None)
    if said is None:
        return None
    at = sdoc[k].idx + len(sdoc[k].text) + len(rest) - len(words) + len(said)
    aux = next((t for t in sdoc[k + 1 :] if t.idx >= at and not t.is_space), None)
    if aux is None or not (aux.lower_ in _BE | _DO or aux.tag_ == "MD"):
        return None
    subj = _party_subject(ctx, sdoc[aux.i + 1 : aux.i + 9])
    if subj is None:
        return None
    verb = subj.head
    return verb if verb.i > subj.i else subj


def _gate_waved(ctx: _Ctx, k: int) -> Token | None:
    """ "How did the release committee approve a schema change without a dry run?": "how"
    or "why", "did"/"could", a party as the subject of one of ``gate-verbs`` (a board, a
    reviewer, a team letting work through) and one of ``damning-marks`` after the verb;
    the verb, or None. Answered next it asks (``ctx.asking``); a thing's gate ("how did
    the load balancer accept a config with no health check?") is no party's."""
    sdoc = ctx.sdoc
    if k + 1 >= len(sdoc) or not (sdoc[k + 1].lower_ in _DO or sdoc[k + 1].tag_ == "MD"):
        return None
    subj = _party_subject(ctx, sdoc[k + 2 : k + 10])
    if subj is None:
        return None
    gates = ctx.lex.gate_verbs
    # the verb, or in word order the word after the subject (the small model may read
    # "authorise" after a subject as an adverb)
    verb = next((t for t in (subj.head, subj.nbor()) if t.lemma_.lower() in gates), None)
    if verb is None:
        return None
    marks = ctx.lex.damning_marks
    after = [t for t in sdoc[verb.i + 1 :] if not t.is_space]
    if any(t.lower_ in marks or f"{t.lower_} {t.nbor().lower_}" in marks for t in after[:-1]):
        return verb
    return None


def _bettered_question(ctx: _Ctx, k: int) -> Token | None:
    """ "Would a more attentive operator not have double-checked the host?", "wouldn't a
    more careful reviewer have asked?": the act asked of an imagined better person (a
    counterfactual on the real one, PM103, as the statement "a sharper operator would
    have spotted it" is); the verb, or None. A practice ("would a longer soak have caught
    it?") or a second person ("would a second reviewer have spotted it?") is no verdict."""
    md = ctx.sdoc[k]
    if modal_word(md) not in ("would", "could", "might"):
        return None
    verb = md.head
    between = ctx.sdoc[md.i + 1 : verb.i]
    if not any(t.lower_ in ("have", "'ve", "’ve") for t in between):
        return None
    subj = next((t for t in between if t.dep_ == "nsubj"), None)
    if subj is None or person_name(subj, ctx.lex) is None:
        return None
    return word_end(verb) if bettered_subject(subj, ctx.lex) else None


def _who_damning(ctx: _Ctx, who: Token) -> Token | None:
    """ "Who signs off on a leak like that ...?": "who" as the subject of a verb in the
    present, with one of ``damning-marks`` in its clause, or a change (one of
    ``timed-acts``) at a time held against it ("who deploys on a Friday night?",
    :func:`_damning_time`); the verb, or None."""
    verb = who.head
    if who.lower_ != "who" or who.dep_ != "nsubj":
        return None
    decided = verb.tag_ == "VBD" and verb.lemma_.lower() in ctx.lex.deciding_verbs
    if verb.tag_ not in ("VBZ", "VBP") and not decided:  # (bl30) "who decided ... without"
        return None
    marks = ctx.lex.damning_marks
    words = [t for t in verb.subtree if t.i > verb.i]
    if any(t.lower_ in marks or f"{t.lower_} {t.nbor().lower_}" in marks for t in words[:-1]):
        return verb
    if verb.lemma_.lower() not in ctx.lex.timed_acts or any(
        c.dep_ == "conj" for c in verb.children
    ):
        return None  # "who upgrades ... on a Friday and then doesn't watch ...?": a whole
        # chain, which the animated phrase of a change left unwatched judges
    return verb if any(_damning_time(t, ctx.lex.damning_times) for t in words[:-1]) else None


def _damning_time(tok: Token, times: set[str]) -> bool:
    """A time held against a change made at it: one of ``damning-times`` said of any such
    time ("on a Friday", "over a holiday weekend", "these days") or a year as the present
    ("in 2024"). "On Friday" is one day and "on weekends" a rota, which a question may ask
    about ("who covers the pager on weekends?")."""
    if f"{tok.lower_} {tok.nbor().lower_}" in times or (tok.lower_ in times and tok.pos_ == "ADV"):
        return True  # "these days", "nowadays"
    if tok.lower_ == "in" and re.fullmatch(r"(?:19|20)\d\d", tok.nbor().text):
        return True
    before = tok.nbor(-1) if tok.i > 0 else tok
    return tok.lower_ in times and before.lower_ in ("a", "an", "any")


def _doubted_awareness(ctx: _Ctx, k: int) -> Token | None:
    """ "Was the courier really unaware that the lane was shut?", "did the contractor
    honestly not know the key was shared?": a party's lack of awareness asked with one of
    ``incredulity-adverbs``, which doubts it (a charge that they should have known); the
    awareness word, or None. Without the adverb the question may ask ("Was the engineer
    aware of the change?"); a thing's ("was the alert really firing?") is no party's."""
    sdoc, lex = ctx.sdoc, ctx.lex
    subj = _party_subject(ctx, sdoc[k + 1 : k + 9])
    if subj is None:
        return None
    words = [t for t in sdoc[subj.i + 1 :] if not t.is_space]
    at = next((i for i, t in enumerate(words[:4]) if t.lower_ in lex.incredulity_adverbs), None)
    if at is None:
        return None
    told = words[at + 1 : at + 4]
    lacking = bool(told) and told[0].lower_ in _NEVER
    known = next(
        (
            t
            for t in told[int(lacking) : int(lacking) + 1]
            if t.lower_ in lex.awareness_words or _in_lex(t, lex.knowledge_verbs, lex)
        ),
        None,
    )
    if known is None or (sdoc[k].lower_ in _DO and known.lower_ in lex.awareness_words):
        return None
    return known if lacking or known.lower_.startswith("un") else None


def _why_habit(ctx: _Ctx, k: int) -> Token | None:
    """ "Why is the person who wrote it never around ...?", "why does the lead always skip
    the review?": "why", a form of "be" or "do", a person as the active subject, then one of
    ``habit-marks`` and the state or the act; the last, or None."""
    sdoc = ctx.sdoc
    if sdoc[k].lower_ != "why" or k + 1 >= len(sdoc) or sdoc[k + 1].lower_ not in _BE | _DO:
        return None
    subj = next((t for t in sdoc[k + 2 : k + 9] if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.dep_ == "nsubjpass" or subj.lower_ in FIRST_PERSON | {"you"}:
        return None
    if person_name(subj, ctx.lex) is None or subj.text in ctx.systems:
        return None
    adverb = next((t for t in sdoc[subj.i + 1 :] if t.lower_ in ctx.lex.habit_marks), None)
    if adverb is None or adverb.i + 1 >= len(sdoc):
        return None
    if any(t.is_punct and not _joins(t) for t in sdoc[k : adverb.i]):
        return None
    told = sdoc[adverb.i + 1]
    if sdoc[k + 1].lower_ in _BE and told.pos_ in ("ADJ", "ADV"):
        return told  # a state: "never around", "always unreachable"
    if sdoc[k + 1].lower_ in _DO and told.pos_ == "VERB" and told.lemma_ not in ("get", "be"):
        return told  # an act: "always skip"
    return None


#: the auxiliaries of a "why" question about a past act: "why did", "why would", "why'd"
_WHY_AUX = _DO | frozenset({"would", "could", "'d", "’d"})


def _why_author(ctx: _Ctx, k: int) -> Token | None:
    """ "Why did the engineer who approved the change not run the check?", "why'd the
    person who wrote the runbook leave the owner field blank?" (bl38 class 4): "why", an
    auxiliary, a person picked out by a past act in a relative clause ("the person who
    wrote ...") and, in the same clause, a lapse (a negated act, one of ``failure-verbs``,
    or "leave" with one of ``left-blank-words``); the last word, or None. Read in word
    order: the small model loses the main verb after such a subject."""
    sdoc = ctx.sdoc
    if sdoc[k].lower_ != "why" or k + 1 >= len(sdoc) or sdoc[k + 1].lower_ not in _WHY_AUX:
        return None
    who = next((t for t in sdoc[k + 3 : k + 9] if t.lower_ in ("who", "that")), None)
    if who is None or who.i + 2 >= len(sdoc) or sdoc[who.i + 1].tag_ != "VBD":
        return None  # "the person who wrote ...", not "the person who is on call"
    person = sdoc[who.i - 1]
    if person.lower_ in FIRST_PERSON or person.text in ctx.systems:
        return None
    if person_name(person, ctx.lex) is None:
        return None
    rest = [t for t in sdoc[who.i + 2 :] if not t.is_space]
    words = [t for t in rest if not t.is_punct]
    if not words or any(t.is_punct and not _joins(t) for t in rest[: rest.index(words[-1])]):
        return None  # one clause up to the question mark
    early = any(t.lower_ in _NEVER for t in sdoc[k + 1 : who.i])  # "why didn't the lead who"
    return words[-1] if early or _lapse_in(ctx, words) else None


def _how_could(ctx: _Ctx, k: int) -> Token | None:
    """ "How could the reviewers overlook a default this plain?", "how could the night desk
    not notice the alarm?" (bl42): "how could", a party as the active subject, and a lapse
    as its verb (one of ``failure-verbs``, or one of ``unheeded-verbs`` denied); the verb,
    or None. "How did ... miss" may ask how it happened and is left alone; a thing's ("how
    could the monitor miss the spike?") is no party's; answered next it asks."""
    sdoc = ctx.sdoc
    if sdoc[k].lower_ != "how" or k + 1 >= len(sdoc) or modal_word(sdoc[k + 1]) != "could":
        return None
    subj = _party_subject(ctx, sdoc[k + 2 : k + 9])
    if subj is None or subj.head.i < subj.i:
        return None
    verb = subj.head
    if any(t.is_punct and not _joins(t) for t in sdoc[k : verb.i]):
        return None
    lex = ctx.lex
    if _in_lex(verb, lex.failure_verbs, lex):
        return verb
    denied = any(t.lower_ in _NEVER for t in sdoc[k + 1 : verb.i])
    return verb if denied and verb.lemma_.lower() in lex.unheeded_verbs else None


def _how_generic_miss(ctx: _Ctx, k: int) -> Token | None:
    """ "How do you miss a full disk for three hours?", "how does anyone ignore a red board
    for a whole shift?": a miss wondered at in the generic present (one of ``wondered-auxes``
    after "how"), a generic asker (``wondered-askees``) or a party as the subject, one of
    ``wondered-misses`` (or one of ``unheeded-verbs`` denied) and how long it went on ("for"
    one of ``wondered-spans``); the span's noun, or None. A how-to names no span, ours is no
    jab, and "how did ... miss" may ask what happened."""
    sdoc, lex = ctx.sdoc, ctx.lex
    if sdoc[k].lower_ != "how" or k + 1 >= len(sdoc):
        return None
    if sdoc[k + 1].lower_ not in lex.wondered_auxes:
        return None
    subj = next((t for t in sdoc[k + 2 : k + 9] if t.dep_ == "nsubj"), None)
    if subj is None or subj.head.i < subj.i:
        return None
    if subj.lower_ not in lex.wondered_askees and _party_subject(ctx, [subj]) is None:
        return None
    verb = subj.head
    denied = any(t.lower_ in _NEVER for t in sdoc[subj.i : verb.i])
    lemma = verb.lemma_.lower()
    if lemma not in lex.wondered_misses and not (denied and lemma in lex.unheeded_verbs):
        return None
    if denied and lemma in lex.wondered_misses:
        return None  # "how do you not miss ...": wonder at a catch
    # "for <span>" on the verb, or on its object as the small model may read it
    held = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    for prep in (c for h in held for c in h.children if c.dep_ == "prep" and c.lower_ == "for"):
        span = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if span is None or span.lemma_.lower() not in lex.wondered_spans:
            continue
        rest = [t for t in sdoc[span.right_edge.i + 1 :] if not t.is_space]
        # the span closes the question: "... for a day while the fix ships?" sets a case
        return span if rest and rest[0].text.startswith("?") else None
    return None


def _lapse_in(ctx: _Ctx, words: list[Token]) -> bool:
    """A lapse among ``words``: "not"/"never" before a verb, one of ``failure-verbs``, or
    "leave" then one of ``left-blank-words``."""
    lex = ctx.lex
    for i, t in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        if t.lower_ in _NEVER and nxt is not None and nxt.tag_ in ("VB", "VBP", "NN"):
            return True
        if _in_lex(t, lex.failure_verbs, lex):
            return True
        if t.lemma_.lower() == "leave" and any(w.lower_ in lex.left_blank_words for w in words[i:]):
            return True
    return False


def _wondered(ctx: _Ctx, k: int) -> Token | None:
    """ "Why the on-call DBA could not be reached ... remains a mystery to us": a clause on
    a person's lapse (negated, or a failure verb) before one of ``wonder-phrases``."""
    lex = ctx.lex
    sdoc = ctx.sdoc
    m = lex.wonder_re.search(ctx.stext)
    if m is None:
        return None
    clause = [t for t in sdoc[k + 1 :] if t.idx < m.start()]
    subj = next((t for t in clause if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ in FIRST_PERSON or person_name(subj, lex) is None:
        return None
    if not any(t.lower_ in _NEVER or _in_lex(t, lex.failure_verbs, lex) for t in clause):
        return None
    return next((t for t in reversed(sdoc) if t.idx < m.end() and not t.is_punct), None)


#: the words a permission is given in: "allowed to ship", "permitted to go out"
_ALLOWED = frozenset({"allowed", "permitted"})


def _why_allowed(ctx: _Ctx, k: int) -> Token | None:
    """ "Why was a hotfix allowed to go out during the peak at all?": "why", a form of
    "be", a piece of work (``work-nouns``) as the subject, "allowed"/"permitted", and one
    of ``reproach-tails`` before the question mark; the participle, or None."""
    sdoc = ctx.sdoc
    if sdoc[k].lower_ != "why" or k + 1 >= len(sdoc) or sdoc[k + 1].lower_ not in _BE:
        return None
    allowed = next((t for t in sdoc[k + 2 : k + 9] if t.lower_ in _ALLOWED), None)
    if allowed is None:
        return None
    subj = [t for t in sdoc[k + 2 : allowed.i] if t.pos_ in ("NOUN", "PROPN")]
    if not subj or subj[-1].lemma_.lower() not in ctx.lex.work_nouns:
        return None  # "why was the pod allowed to schedule there at all?": a thing's
    tail = ctx.stext[allowed.idx :].lower()
    return allowed if any(f" {m}" in tail for m in ctx.lex.reproach_tails) else None


def _framed_why(ctx: _Ctx) -> tuple[Token, Token] | None:
    """ "It's fair to ask why a shift lead ... still had to phone the desk": the "why"
    after one of ``asking-frames``, and in its clause (up to a colon, a semicolon or a
    dash) a person as the subject and a lapse; the frame's first word and the clause's
    last, or None."""
    lex = ctx.lex
    m = lex.asking_frames_re.search(ctx.stext)
    if m is None:
        return None
    sdoc = ctx.sdoc
    why = next((t for t in sdoc if t.idx >= m.start() and t.lower_ == "why"), None)
    first = next((t for t in sdoc if t.idx >= m.start()), None)
    if why is None or first is None or _quoted(ctx, why):
        return None
    clause = []
    for t in sdoc[why.i + 1 :]:
        if t.text in (":", ";", "—", "–") or (t.text == "-" and not _joins(t)):
            break
        clause.append(t)
    words = [t for t in clause if not t.is_punct and not t.is_space]
    if not words:
        return None
    if _passed_by(ctx, clause, len(clause) == len(sdoc) - why.i - 1):
        return first, words[-1]
    subj = next((t for t in clause if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.dep_ == "nsubjpass" or subj.lower_ in FIRST_PERSON:
        return None
    if person_name(subj, lex) is None or subj.text in ctx.systems:
        return None
    lapse = (
        t.lower_ in _NEVER | {"still"} | lex.damning_marks or _in_lex(t, lex.failure_verbs, lex)
        for t in clause
    )
    return (first, words[-1]) if any(lapse) else None


def _passed_by(ctx: _Ctx, clause: list[Token], whole: bool) -> bool:
    """ "You could fairly ask why the purge was signed off by the data board a week
    before the audit" (bl29b): in a framed why's clause, a passive of one of ``gate-verbs``
    with a party as its "by" agent, the clause running to the sentence's end (``whole``;
    "...: the form hid the risk" answers it)."""
    if not whole:
        return False
    gate = next(
        (t for t in clause if t.tag_ == "VBN" and t.lemma_.lower() in ctx.lex.gate_verbs), None
    )
    if gate is None or not any(c.dep_ == "nsubjpass" for c in gate.children):
        return False
    agent = next((c for c in gate.children if c.dep_ == "agent"), None)
    party = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    if party is None or party.lower_ in FIRST_PERSON:
        return False
    return person_name(party, ctx.lex) is not None and party.text not in ctx.systems


__all__ = ["judge"]
