"""Rhetorical questions aimed at people (PM103): "Why did nobody check the backup logs?",
"Why does the platform team keep merging without a dry run?".

A question of that shape is also how a 5-whys chain asks its steps ("Why did nobody
notice? Because the alert went to a retired channel."), so whether it blames depends on
what stands around it: a question answered right after it, or one of a run of questions (a
list of open questions, a chain), asks. That context is read once per candidate question
while a part's sentences are selected (:func:`asking`), never by the judges, which see one
sentence: it reaches them as :attr:`pm_lsp.rules.blame.judge.InWindow.asking`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pm_lsp.nlp.sentences import sentence_spans
from pm_lsp.rules.blame import specs
from pm_lsp.rules.blame.extract import person_name
from pm_lsp.rules.blame.grammar import _Ctx, _lemma, _quoted, modal_word, opener_end
from pm_lsp.rules.blame.lexicon import FIRST_PERSON

if TYPE_CHECKING:
    from spacy.tokens import Token

    from pm_lsp.model.document import Block, PostmortemDoc
    from pm_lsp.rules.blame.lexicon import BlameLexicon

#: how an answer opens when it stands in a block of its own ("Because the alert ...",
#: "A: the alert ...", "Answer: ...")
_ANSWER = re.compile(r"\W*(?:because|since|due to|as a result of|answer\b|a:)", re.IGNORECASE)


def asking(
    doc: PostmortemDoc,
    block: Block,
    at: int,
    part: tuple[int, int],
    lex: BlameLexicon,
    *,
    listed: bool = False,
) -> bool:
    """Does the question at document offset ``at`` (a sentence of ``block``, in the part
    ``[lo, hi)``) ask rather than blame? It does when a statement that answers it follows
    it in its block (one that does not move on: :func:`moves_on`; any statement in a
    section of questions, ``listed``, or none: a question listed there is open), when the
    next block of the part opens with an answer ("Because ..."), or when the sentence
    before or after it is a question too (a list of questions or a chain). A last
    sentence that only exclaims ("Honestly.", an emoji) or only denies ("Almost certainly
    not.") is no answer (:func:`no_answer`).
    Reads only the part's text, so it may go in the part's memoised selection."""
    lo, hi = part
    spans = sentence_spans(block.text)
    mine = next((k for k, (a, _e) in enumerate(spans) if block.start + a == at), None)
    if mine is None:
        return False
    if listed and (_YES_NO.match(block.text[slice(*spans[mine])]) or mine + 1 == len(spans)):
        # "Did nobody at the vendor see the notice?" listed as still open (bl34); any
        # question that ends its block in a section of questions is listed too (bl42)
        return True
    before = block.text[slice(*spans[mine - 1])] if mine > 0 else ""
    if _asks(before) and _TAGGED.search(before) is None:
        return True  # not after a tag question, which asks nothing ("..., right?")
    if mine + 2 == len(spans) and no_answer(block.text[slice(*spans[mine + 1])], lex):
        return False  # "Why did nobody think to add a guard? Honestly."
    if mine + 1 < len(spans):  # a question, then a statement that answers it or a question
        reply = block.text[slice(*spans[mine + 1])]
        return listed or not moves_on(block.text[slice(*spans[mine])], reply, lex)
    prose = [b for b in doc.blocks_between(lo, hi) if b.kind in _PROSE]
    k = next((i for i, b in enumerate(prose) if b.start == block.start), None)
    if k is None:
        return False
    if mine == 0 and k > 0 and _asks(_last_sentence(prose[k - 1].text)):
        return True
    if k + 1 < len(prose):
        nxt = prose[k + 1].text
        if len(spans) == 1 and _YES_NO.match(block.text) and lex.short_answer.match(nxt):
            return True  # "**Was anyone at fault?**" then "Nobody. ..." (bl40)
        return bool(_ANSWER.match(nxt)) or _asks(_first_sentence(nxt))
    return False


_PROSE = ("paragraph", "list_item", "table_cell")

#: a yes/no question: it opens with its auxiliary ("Did nobody ...?", "Couldn't someone ...?")
_YES_NO = re.compile(
    r"[\W_]*(?:did|does|do|has|have|had|could|would|should|was|were|is|are|can|will)"
    r"(?:n['’]t)?\b",
    re.IGNORECASE,
)

#: a word that may carry a question's content (compared by its first four letters)
_CONTENT = re.compile(r"[^\W\d_]{4,}")


def moves_on(question: str, reply: str, lex: BlameLexicon) -> bool:
    """Does ``reply``, the statement after ``question``, leave it unanswered (bl32)? It
    shares no content word with the question, opens with no answer ("Because ..."), and
    only remarks on the question or changes the subject (``unanswering-replies``: "It is
    a fair question.", "Anyway, ..."), or makes a claim of its own that the blame
    prefilter passes and gives no reason ("... ? Marta's rollback then made it worse.")."""
    if _ANSWER.match(reply) or _asks(reply) or _content(question, lex) & _content(reply, lex):
        return False
    if lex.unanswering.search(reply):
        return True
    return _REASON.search(reply) is None and lex.candidate(reply)


def _content(text: str, lex: BlameLexicon) -> set[str]:
    """The content words of ``text`` by their first four letters: no stop word, no word
    of the asking itself (``asking-frame-words``: "decide", "explain"). spaCy is loaded
    by then: the question is a candidate the judges parse."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = (w.lower() for w in _CONTENT.findall(text))
    return {w[:4] for w in words if w not in STOP_WORDS and not w.startswith(lex.asking_frames)}


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def no_answer(sentence: str, lex: BlameLexicon) -> bool:
    """Is ``sentence`` no answer to the question before it: nothing but an interjection
    ("Seriously.", "Honestly!", an eye-roll emoji), a bare denial ("Almost certainly
    not.", "No.") or a rub-in (:func:`rubs_in`)?"""
    if _asks(sentence):
        return False
    if rubs_in(sentence, lex):
        return True
    words = [w.lower() for w in _WORD.findall(sentence)]
    if not words:
        return True  # an emoji or punctuation alone
    if all(w in lex.non_answers for w in words):
        return True
    return all(w in lex.denials | lex.denial_hedges for w in words) and any(
        w in lex.denials for w in words
    )


#: what makes a reply give a reason, not only rub the question in: a negation or a cause
#: ("It was in bold, but the page went to a muted channel.")
_REASON = re.compile(
    r"\b(?:not|never|no|nobody|because|since|but|though|although|due|so|until|without)\b|n['’]t\b",
    re.IGNORECASE,
)


def rubs_in(sentence: str, lex: BlameLexicon) -> bool:
    """Does ``sentence`` only say that what was missed was plain to see ("It sat in plain
    sight all morning.", ``rub-in-phrases``) and give no reason why it was missed? A 5-whys
    answer gives a cause, and the cause shows as a negation or a causal word ("The banner
    was in bold, but it only showed to admins."); a rub-in asserts availability alone."""
    return lex.rub_ins.search(sentence) is not None and _REASON.search(sentence) is None


#: a sentence that ends as a question, maybe with an emoji or markup after the mark
#: ("Why did no one think to ask? 🙄")
_ASKED = re.compile(r"\?[\W_]*$")


#: a tag question: a statement with "right?" after it, rhetorical, no list of questions
#: ("Oh wonderful, another cutover with no rehearsal, right? And why did nobody ...?")
_TAGGED = re.compile(r",\s*(?:right|no|eh|huh|surely)\s*\?[\W_]*$", re.IGNORECASE)


def _asks(sentence: str) -> bool:
    return _ASKED.search(sentence) is not None


def _first_sentence(text: str) -> str:
    spans = sentence_spans(text)
    return text[slice(*spans[0])] if spans else ""


def _last_sentence(text: str) -> str:
    spans = sentence_spans(text)
    return text[slice(*spans[-1])] if spans else ""


#: verbs whose step needs its particle after it ("look at", "think about", "pick up")
_PARTICLED = {"look": ("at", "into"), "think": ("about", "of", "to"), "pick": ("up",)}
#: verbs of the omission lists that need more than word order tells (read on the parse only)
_PARSED_ONLY = frozenset({"take", "set", "account", "act", "tell", "ask", "catch", "back"})


def _acted(tok: Token, ctx: _Ctx) -> bool:
    """Is ``tok`` a step people take or skip, read in word order (the small model parses
    "did no one on the platform rota look at" as a noun phrase): the omission verbs of the
    negated-omission judge ("check", "look at", "think about"), the human actions
    ("escalate", "read") and the failure-to-act verbs ("bother")."""
    lex = ctx.lex
    lemma = _lemma(tok, lex)
    if tok.dep_ in ("compound", "amod") or lemma in _PARSED_ONLY:
        return False  # "the test rota": a noun's modifier
    if lemma in _PARTICLED:
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        return nxt is not None and nxt.lower_ in _PARTICLED[lemma]
    return (
        lemma in lex.negated_omissions
        or lemma in lex.human_actions
        or (lemma in lex.omission_verbs)
        or (lemma in lex.asked_acts and _verb_here(tok))
    )


def _verb_here(tok: Token) -> bool:
    """Is ``tok`` used as a verb: parsed so, or followed by what opens its object ("flag
    the batch", "chase them", "mention that ...")? The small model reads "nobody on the
    payroll side flag the batch" as one noun phrase, so the tag alone misses it."""
    if tok.i > 0 and tok.doc[tok.i - 1].tag_ in ("DT", "PRP$", "POS"):
        return False  # "answer the phone that night": a noun after its determiner
    if tok.pos_ == "VERB":
        return True
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and (nxt.tag_ in ("DT", "PRP", "PRP$") or nxt.lower_ == "that")


def _nobody_at(ctx: _Ctx, i: int, negated: bool) -> int | None:
    """Where the subject that asks for nobody's act ends, when one starts at token ``i``:
    "nobody", "no one", "no-one", or after a negation "anyone" / "anybody"."""
    doc = ctx.sdoc
    if i >= len(doc):
        return None
    low = doc[i].lower_
    if i + 1 < len(doc) and doc[i + 1].lower_ in ("'s", "’s"):
        return None  # "why did nobody's pager ring?": the act is a thing's
    if low in ctx.lex.nobody:
        return i + 1
    if low == "none" and i + 1 < len(doc) and doc[i + 1].lower_ == "of":
        # "none of the reviewers" (bl26a); "none of the tests" is things
        noun = next((t for t in doc[i + 2 : i + 6] if t.pos_ in ("NOUN", "PROPN")), None)
        return noun.i + 1 if noun is not None and person_name(noun, ctx.lex) else None
    if low == "no" and i + 1 < len(doc) and doc[i + 1].lower_ == "one":
        return i + 2
    return i + 1 if negated and low in ("anyone", "anybody") else None


def _joins(tok: Token) -> bool:
    """Is ``tok`` a hyphen written inside a word ("on-call", "follow-the-sun"): no space
    on either side of it?"""
    return (
        tok.text in ("-", "‐")
        and not tok.whitespace_
        and tok.i > 0
        and not tok.doc[tok.i - 1].whitespace_
    )


#: words that open a clause of its own after the subject: the act asked about comes before
_SUBORDINATE = frozenset({"when", "whenever", "if", "because", "while", "unless"})


def _why_verb(ctx: _Ctx, k: int) -> Token | None:
    """The act asked about in "why did nobody (on the rota) <act>": after "why" at ``k``,
    an auxiliary, maybe a negation, the subject and up to six words of its modifiers."""
    return _asked_act(ctx, k + 1, frozenset())


#: who a negated question asks an act of besides nobody: "didn't anyone", "couldn't someone"
_SOMEONE = frozenset({"anyone", "anybody", "someone", "somebody"})


def _asked_act(ctx: _Ctx, i: int, someone: frozenset[str]) -> Token | None:
    """The act asked about after the auxiliary at ``i`` (maybe negated) and a subject that
    names nobody ("did nobody", "didn't anyone"; after a negation also one of ``someone``:
    "couldn't someone have"), within eight words of it."""
    doc = ctx.sdoc
    if i >= len(doc) or not (doc[i].lemma_ in ("do", "have") or doc[i].tag_ == "MD"):
        return None
    negated = i + 1 < len(doc) and doc[i + 1].lower_ in ("n't", "not", "n’t")
    at = i + 1 + negated
    j = _nobody_at(ctx, at, negated)
    if j is None and negated and at < len(doc) and doc[at].lower_ in someone:
        j = at + 1
    if j is None:
        return None
    for tok in doc[j : j + 8]:
        if _joins(tok):
            continue  # the hyphen inside "on-call" or "follow-the-sun": part of a word
        if someone and tok.tag_ == "DT" and doc[tok.i - 1].tag_ != "IN":
            return None  # "did nobody get the page?": an object, past the verb
        if tok.is_punct or tok.lower_ in _SUBORDINATE:
            return None  # "why does nobody get an email when the export fails?" (bl26a)
        if _acted(tok, ctx):
            return tok
    return None


def why_nobody(ctx: _Ctx) -> None:
    """ "Why did nobody check the backup logs?", "So why didn't anyone on the rota look at
    the dashboard?": an omission pinned on people, asked without waiting for an answer
    (PM103). Not a 5-whys step answered right after it, nor one of a list of questions
    (``ctx.asking``), nor a question about a thing ("Why did nothing page the on-call?") or
    about what happened to people ("Why did nobody get paged?"). "How" asks the same of an
    omission ("How did no one on the desk notice the backlog for three days?", bl42)."""
    if ctx.asking or not _asks(ctx.stext):
        return
    sdoc = ctx.sdoc
    k = opener_end(ctx.sdoc)
    if k >= len(sdoc) or sdoc[k].lower_ not in ("why", "how") or _quoted(ctx, sdoc[k]):
        return
    verb = _why_verb(ctx, k)
    if verb is None:
        return
    _report_omission_question(ctx, sdoc[k], verb)


def did_nobody(ctx: _Ctx) -> None:
    """ "Didn't anyone think to ring the depot?", "Did no one look at the backlog?",
    "Couldn't somebody have called the depot?": an omission pinned on people by a question
    that opens with its negated auxiliary (bl34 class 2, PM103), asked without waiting
    for an answer. Not one answered right after it or one of a list of questions
    (``ctx.asking``), not one about a thing ("Didn't the alarm sound?") or about what
    happened to people ("Did nobody get the page?"), not one asked of anyone without a
    negation ("Did anyone check the rota?"), not inside quotes."""
    if ctx.asking or not _asks(ctx.stext):
        return
    sdoc = ctx.sdoc
    k = opener_end(sdoc)
    if k >= len(sdoc) or _quoted(ctx, sdoc[k]):
        return
    verb = _asked_act(ctx, k, _SOMEONE)
    if verb is None:
        return
    _report_omission_question(ctx, sdoc[k], verb)


def _report_omission_question(ctx: _Ctx, first: Token, verb: Token) -> None:
    """The one finding both omission questions make: PM103 from the question's opening
    word to the act it asks about."""
    ctx.add(
        specs.counterfactual.code,
        ctx.off(first),
        ctx.end(verb),
        "rhetorical-question",
        person=True,
        phrase=ctx.words(first, verb),
    )


#: what happens to people, not what they do: "why does the team keep getting paged?"
_UNDERGONE = frozenset({"getting", "being", "receiving", "having", "seeing", "hearing"})


def _kept_habit(ctx: _Ctx, k: int) -> tuple[Token, Token] | None:
    """The habit and who keeps it in "why do(es) <who> keep <doing>", read in word order
    after "why" at ``k`` (the small model hangs "keep shipping" and "keep approving" on
    nouns): "do" or "does", a subject of up to five words ending at a person, "keep" and a
    word in "-ing"."""
    doc = ctx.sdoc
    if k + 1 >= len(doc) or doc[k + 1].lower_ not in ("do", "does"):
        return None
    keep = next((t for t in doc[k + 3 : k + 8] if t.lower_ == "keep"), None)
    if keep is None or keep.i + 1 >= len(doc):
        return None
    habit, who = doc[keep.i + 1], doc[keep.i - 1]
    if not habit.lower_.endswith("ing") or habit.lower_ in _UNDERGONE:
        return None
    if any(t.is_punct for t in doc[k + 2 : keep.i]):
        return None
    return (habit, who) if person_name(who, ctx.lex) is not None else None


def why_keep(ctx: _Ctx) -> None:
    """ "Why does the platform team keep merging schema changes without a dry run?": a habit
    held against a person or a team, asked without waiting for an answer (PM104). Not a
    thing's habit ("Why does the job keep retrying?"), what is kept ("Why does the team keep
    a staging cluster?"), nor a question that asks (``ctx.asking``)."""
    if ctx.asking or not _asks(ctx.stext):
        return
    sdoc = ctx.sdoc
    k = opener_end(sdoc)
    if k >= len(sdoc) or sdoc[k].lower_ != "why" or _quoted(ctx, sdoc[k]):
        return
    got = _kept_habit(ctx, k)
    if got is None:
        return
    habit, who = got
    if who.lower_ in ("we", "i", "you"):
        return  # "why do we keep paging two teams?": the writers asking of their own process
    ctx.add(
        specs.judgment.code,
        ctx.off(sdoc[k]),
        ctx.end(habit),
        "rhetorical-question",
        person=True,
        phrase=ctx.words(sdoc[k], habit),
    )


def _had_party(ctx: _Ctx, had: Token) -> tuple[str, Token] | None:
    """Who did what after the inverted "had" of "... had the storage team bothered to test
    it?": a party among up to five words, then a participle; None when the clause is
    denied or passive ("had the replica not lagged", "had the alert been routed")."""
    doc = ctx.sdoc
    who: str | None = None
    for tok in doc[had.i + 1 : had.i + 7]:
        if tok.is_punct or tok.lower_ in ("not", "n't", "been", "never"):
            return None
        if who is not None and tok.tag_ in ("VBN", "VBD", "VB"):
            return who, tok
        if who is None and tok.pos_ in ("NOUN", "PROPN", "PRON"):
            who = person_name(tok, ctx.lex)
    return None


def had_question(ctx: _Ctx) -> None:
    """ "Would the data loss have happened had the storage team bothered to test the
    restore?": a counterfactual about a party asked as a question that expects "no" (PM103),
    left unanswered or answered by a bare denial (``ctx.asking`` is False then). The
    question asks whether the harm would have happened, or says "bothered". Not a question
    about a thing ("had the replica been in sync"), nor one a statement answers."""
    if ctx.asking or not _asks(ctx.stext):
        return
    sdoc = ctx.sdoc
    k = opener_end(sdoc)
    if k >= len(sdoc) or modal_word(sdoc[k]) not in ("would", "could", "might"):
        return
    have = next((t for t in sdoc[k + 1 : k + 8] if t.lower_ in ("have", "'ve")), None)
    had = next((t for t in sdoc[k + 2 :] if t.lower_ == "had"), None)
    if have is None or had is None or had.i < have.i + 2 or _quoted(ctx, sdoc[k]):
        return
    main = sdoc[have.i + 1]
    got = _had_party(ctx, had)
    if got is None:
        return
    who, act = got
    if _lemma(main, ctx.lex) not in ctx.lex.occurrence_verbs and act.lemma_ != "bother":
        return
    ctx.add(
        specs.counterfactual.code,
        ctx.off(had),
        ctx.end(act),
        "if-had",
        person=True,
        who=who,
    )


def _if_party(ctx: _Ctx, k: int, had: Token) -> tuple[str, Token] | None:
    """Who did what in "if <party> had (just) <done>": the last noun before "had" names a
    person, not the writers, and an active participle follows within three words (not
    "had been", a state, nor "had not", a step taken)."""
    doc = ctx.sdoc
    head = next((t for t in reversed(doc[k + 1 : had.i]) if t.pos_ in _NOMINAL), None)
    who = person_name(head, ctx.lex) if head is not None else None
    if who is None or who.lower() in FIRST_PERSON or head is None or head.text in ctx.systems:
        return None
    for tok in doc[had.i + 1 : had.i + 4]:
        if tok.lower_ in ("not", "n't", "been", "never") or tok.is_punct:
            return None
        if tok.tag_ in ("VBN", "VBD"):
            return who, tok
    return None


_NOMINAL = ("NOUN", "PROPN", "PRON")


def if_had_question(ctx: _Ctx) -> None:
    """ "If the release desk had just waited for the canary, would any of this have
    happened?": a counterfactual about a party asked as a question that expects "no"
    (PM103, class 1 of bl28b), the same as :func:`had_question` with "if" in front. The
    main clause asks whether the harm would have happened (``occurrence-verbs``). Not a
    question about a thing ("if the replica had been in sync, would ..."), nor the
    writers' own ("if we had waited ...", asked of their own process), nor one that asks
    (``ctx.asking``)."""
    if ctx.asking or not _asks(ctx.stext):
        return
    sdoc = ctx.sdoc
    k = opener_end(sdoc)
    if k >= len(sdoc) or sdoc[k].lower_ != "if" or _quoted(ctx, sdoc[k]):
        return
    had = next((t for t in sdoc[k + 1 : k + 8] if t.lower_ in ("had", "'d", "’d")), None)
    got = _if_party(ctx, k, had) if had is not None else None
    if got is None:
        return
    who, act = got
    modal = next((t for t in sdoc[act.i :] if modal_word(t) in ("would", "could")), None)
    have = modal is not None and next(
        (t for t in sdoc[modal.i + 1 : modal.i + 7] if t.lower_ in ("have", "'ve")), None
    )
    if not have or have.i + 1 >= len(sdoc):
        return
    if _lemma(sdoc[have.i + 1], ctx.lex) not in ctx.lex.occurrence_verbs:
        return
    ctx.add(
        specs.counterfactual.code,
        ctx.off(sdoc[k]),
        ctx.end(act),
        "if-had",
        person=True,
        who=who,
    )


__all__ = [
    "asking",
    "did_nobody",
    "had_question",
    "if_had_question",
    "moves_on",
    "no_answer",
    "rubs_in",
    "why_keep",
    "why_nobody",
]
