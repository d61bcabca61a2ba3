"""Blameless rewrites built from the parse, or none.

Three kinds:

* agentless passive: "Kim forgot to renew the certificate" -> "The certificate was not
  renewed"; "The team should have load tested the endpoint" -> "The endpoint was not load
  tested"; "Nobody checked the dashboards" -> "The dashboards were not checked". The object
  becomes the subject, the person disappears, and the rest of the sentence stays. Built only
  when the clause is simple (subject, optional did/not/never, verb, particles, a contiguous
  object) and the participle is known (spaCy's lemma plus the irregular table in
  ``rules/blame.toml``); otherwise no fix, because a wrong rewrite costs more trust than none.
* deletion of a judgment or minimiser word ("carelessly deployed" -> "deployed"), with the
  spacing repaired and "a"/"an" agreeing with the word that now follows.
* replacement of "human error" by a prompt to name the missing safeguard.

All edits are offsets into the original text; replacement text is copied from the original
(not the masked) text so inline markup inside the object survives.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pm_lsp.rules.blame.grammar import imperative_opener
from pm_lsp.rules.spec import Edit, Fix

if TYPE_CHECKING:
    from spacy.tokens import Token

    from pm_lsp.rules.blame.lexicon import BlameLexicon

_ALLOWED_BETWEEN = {
    "did",
    "do",
    "does",
    "not",
    "n't",
    "never",
    "to",
    "have",
    "'ve",
    "should",
    "ought",
    "had",
    "has",
}
_OBJECT_PRONOUNS = {
    "it": "it",
    "them": "they",
    "this": "this",
    "that": "that",
    "these": "these",
    "those": "those",
}
_PLURAL_PRONOUNS = {"them", "these", "those"}


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _lower_det(s: str) -> str:
    m = re.match(r"(The|A|An|This|That|These|Those|Its)\b", s)
    return s[:1].lower() + s[1:] if m else s


def passive_fix(
    *,
    subject: Token,
    verb: Token,
    obj: Token | None,
    negate: bool,
    base: int,
    text: str,
    lex: BlameLexicon,
    title: str,
    prefix: list[Token] | None = None,
) -> Fix | None:
    """Rewrite ``subject ... verb obj`` as ``Obj was [not] <participle>``.

    ``verb`` is the action whose object becomes the subject; ``prefix`` are words that stay
    in front of the participle ("load" in "load tested"). Returns None when the clause is not
    simple enough to be sure of the result.

    Kept in one piece: the rewrite is a sequence of checks that bail out (return None) as soon
    as the clause is not simple enough, each reading what the previous ones established.
    """
    if obj is None or obj.dep_ != "dobj" or obj.head.i != verb.i:
        return None
    if imperative_opener(subject):
        return None  # "Audit skipped migrations": an action item's verb, never a person (bl31)
    sdoc = verb.doc
    subj_l = subject.left_edge.i
    if subject.right_edge.i >= verb.i:
        return None
    ob_l, ob_r = obj.left_edge.i, obj.right_edge.i
    if ob_l <= verb.i:
        return None
    prefix_ids = {t.i for t in prefix or []}
    # Between the subject and the verb: only auxiliaries, negation and modal-perfect words.
    for t in sdoc[subject.right_edge.i + 1 : verb.i]:
        if t.i in prefix_ids:
            continue
        if (
            t.lower_ not in _ALLOWED_BETWEEN
            and t.dep_ not in ("aux", "neg")
            and t.lemma_.lower() not in lex.omission_verbs
        ):
            return None
    # Between the verb and the object: particles and fixed prepositional phrases only
    # ("take into account the caching").
    middle = [t for t in sdoc[verb.i + 1 : ob_l]]
    for t in middle:
        if t.dep_ not in ("prt", "prep", "pobj") or t.head.i not in (
            verb.i,
            *(m.i for m in middle),
        ):
            return None
    if middle and any(
        c.i > ob_r and c.dep_ in ("prep", "advmod", "npadvmod", "dative") for c in verb.children
    ):
        # "take into account the retry storm from mobile clients", with "from ..." parsed
        # as the verb's: the moved "into account" would land in front of it and re-attach
        # it ("was not taken into account from mobile clients"). No sure rewrite.
        return None
    if obj.lower_ in ("him", "her", "me", "us", "you", "himself", "herself"):
        return None  # the person would stay in the sentence
    if any(t.lower_ == "which" and sdoc[t.i - 1].text == "," for t in sdoc[ob_l + 1 : ob_r + 1]):
        return None  # "..., which is why ...": a clause on the sentence, not on the object
    if any(t.ent_type_ == "PERSON" for t in obj.subtree):
        return None
    participle = lex.participle(verb.lemma_)
    if participle is None:
        return None
    start = base + sdoc[subj_l].idx
    end = base + sdoc[ob_r].idx + len(sdoc[ob_r].text)
    obj_start = base + sdoc[ob_l].idx
    obj_text = text[obj_start:end]
    if "\n" in obj_text and "\n\n" in obj_text:
        return None
    low = obj.lower_
    if low in _OBJECT_PRONOUNS and ob_l == ob_r:
        obj_text = _OBJECT_PRONOUNS[low]
    plural = (
        obj.tag_ in ("NNS", "NNPS")
        or low in _PLURAL_PRONOUNS
        or any(c.dep_ == "conj" for c in obj.children)
    )
    be = "were" if plural else "was"
    at_start = subj_l == 0 or not text[base:start].strip(" \t*_\"'“(")
    obj_text = _cap(obj_text) if at_start else _lower_det(obj_text)
    words = [obj_text, be]
    if negate:
        words.append("not")
    words += [text[base + t.idx : base + t.idx + len(t.text)] for t in prefix or []]
    words.append(participle)
    tail = (
        text[base + middle[0].idx : base + middle[-1].idx + len(middle[-1].text)] if middle else ""
    )
    if tail:
        words.append(tail)
    new = " ".join(words)
    if text[start:end] == new:
        return None
    return Fix(title=title, edits=(Edit(start, end, new),), safe=False)


def delete_word_fix(
    tok: Token, *, base: int, text: str, title: str, safe: bool = True
) -> Fix | None:
    """Delete ``tok`` and one neighbouring space; make a preceding "a"/"an" agree."""
    sdoc = tok.doc
    a = base + tok.idx
    b = a + len(tok.text)
    if any(c.dep_ in ("conj", "cc") for c in tok.children):
        return None  # "careless and sloppy": deleting one leaves "and sloppy"
    if b < len(text) and text[b] == " ":
        b += 1
    elif a > 0 and text[a - 1] == " ":
        a -= 1
    else:
        return None
    edits = [Edit(a, b, "")]
    if tok.i > 0 and tok.i + 1 < len(sdoc):
        det = sdoc[tok.i - 1]
        nxt = sdoc[tok.i + 1]
        if det.lower_ in ("a", "an"):
            want = (
                "an"
                if re.match(r"[aeiouAEIOU]", nxt.text)
                and not re.match(r"(?i)u[nr]i|use|eu|one", nxt.text)
                else "a"
            )
            if det.lower_ != want:
                want = _cap(want) if det.text[0].isupper() else want
                da = base + det.idx
                edits.append(Edit(da, da + len(det.text), want))
    return Fix(title=title, edits=tuple(sorted(edits, key=lambda e: e.start)), safe=safe)


def replace_fix(start: int, end: int, new: str, *, title: str, text: str) -> Fix:
    """Replace ``text[start:end]``, keeping a capital letter at the start of a sentence."""
    old = text[start:end]
    before = text[:start].rstrip(" \t*_\"'“(")
    if old[:1].isupper() and (not before or before[-1] in ".!?:\n|"):
        new = _cap(new)
    return Fix(title=title, edits=(Edit(start, end, new),), safe=False)
