"""A counterfactual carried over to another party by ellipsis (bl39 class 2, PM103).

"Tariq should have flagged the drift, and so should the release manager", "the vendor
ought to have warned us; so should whoever owns that account", "..., as should the
facilities contractor": "so/as should" with a person, a role, a team or "whoever ..." as
its subject repeats the "should have" of the clause before on that party. Only after a
perfect "should/ought ... have" in the same sentence: a present "should" states a plan
("Product should sign off the copy, and so should legal"). Clean: a thing as the subject
("the cache should have expired, and so should the tokens"), a question, quoted words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pm_lsp.rules.blame import specs
from pm_lsp.rules.blame.extract import person_name
from pm_lsp.rules.blame.grammar import _Ctx, _question, _quoted

if TYPE_CHECKING:
    from spacy.tokens import Token

_HAVE = frozenset({"have", "'ve", "’ve"})
_FREE = frozenset({"whoever", "whomever"})


def so_should(ctx: _Ctx, md: Token) -> None:
    """``md``: a "should" after "so"/"as"; the finding from "so" to the party's last word."""
    sdoc = ctx.sdoc
    if md.lower_ != "should" or md.i < 4 or md.i + 1 >= len(sdoc):
        return
    so = sdoc[md.i - 1]
    if so.lower_ not in ("so", "as") or _question(ctx) or _quoted(ctx, md):
        return
    if not any(_perfect(t) for t in sdoc[: so.i]):
        return  # "Product should sign off the copy, and so should legal": a plan
    party = _party(ctx, md)
    if party is None:
        return
    ctx.add(
        specs.counterfactual.code,
        ctx.off(so),
        ctx.end(party),
        "should-have",
        person=True,
        phrase=ctx.words(so, party),
    )


def _perfect(tok: Token) -> bool:
    """A "should"/"ought" with "have" a few words after it, before "so"/"as"."""
    if tok.lower_ not in ("should", "ought"):
        return False
    return any(t.lower_ in _HAVE for t in tok.doc[tok.i + 1 : tok.i + 4])


def _party(ctx: _Ctx, md: Token) -> Token | None:
    """The last word of the subject after ``md`` when it names a party ("whoever owns that
    account", "the release manager", "Imogen"), else None."""
    sdoc = ctx.sdoc
    end = md.i + 1
    while end < len(sdoc) and not (sdoc[end].is_punct or sdoc[end].lower_ in _HAVE):
        end += 1
    words = sdoc[md.i + 1 : end]
    if not len(words):
        return None
    last = words[-1]
    if words[0].lower_ in _FREE:
        return last
    # the subject's head: the last word of a noun phrase ("the facilities contractor"),
    # not its possessor ("the on-call's checks" is a thing)
    head = next((t for t in reversed(words) if t.pos_ in ("NOUN", "PROPN", "PRON")), None)
    if head is None or head.i != last.i or head.lower_ in ("it", "they", "them"):
        return None
    return last if person_name(head, ctx.lex) is not None else None
