"""Blanks a writer left in a template to fill in, written in brackets: a note to fill in
("[insert the refund total]"), a mark of something still to come ("[TBC]", "(TBA)", "[to be
completed]") or a field's name in capitals standing for its value ("[NAME]", "[START
DATE]"). PM202 and PM203 report them as placeholders left, and PM603 reads the capitals of
a field's name as no acronym: they stand for a value, they abbreviate nothing.

The words are the pack's (``fill-in-verbs``, ``bracket-placeholders``, ``blank-fields`` and
``redaction-words`` in ``rules/structure.toml``); the pattern is compiled once per pack
(``pack.derived(placeholder_notes)``) so the structure and readability families share it.
"""

from __future__ import annotations

import re

from pm_lsp.policy.rulepack import RulePack


def _alternation(words: list[str]) -> str:
    """The words longest first, a space in one matching any run of blanks."""
    return "|".join(re.escape(v).replace(r"\ ", r"[ \t]+") for v in sorted(words, key=len)[::-1])


def _field_blank(fields: list[str], redactions: list[str]) -> str | None:
    """A field's name in capitals filling its brackets, up to three words in capitals before
    the name ("NAME", "INSERT DATE", "CUSTOMER TICKET NUMBER"): a value to write there. Not a
    log level ("[ERROR]", "[WARN]": no field's name) nor a redaction ("[REDACTED NAME]":
    the value was taken out on purpose, it is no blank to fill)."""
    if not fields:
        return None
    guard = rf"(?![^\[\]\n]*\b(?:{_alternation(redactions)})\b)" if redactions else ""
    return rf"{guard}(?:[A-Z][A-Z'’]*[ \t]+){{0,3}}(?:{_alternation(fields)})S?(?![\w'’])"


def placeholder_notes(pack: RulePack) -> re.Pattern[str] | None:
    """A blank in brackets in masked text (a link's brackets are masked away).

    In square brackets: one of ``fill-in-verbs`` opening it, then one word or more each
    starting with a small letter, a digit or a symbol ("[insert the refund total]", "[add
    graph here]"); after a verb in small letters, any words (a name among them: "[insert the
    count from Finance]"). Not "[Enter]" (a key: no word after the verb) nor "[Add User]",
    "[Add to Cart]" (a control's name in capitals), nor brackets followed by a link's parts
    or a reference's colon. Or a field's name in capitals (:func:`_field_blank`). In square
    or round brackets: one of ``bracket-placeholders`` ("TBC", "to be confirmed") alone or
    before a dash or a colon and a spaced note ("[TBC – figure from finance]", "(TBC)"):
    not a ticket key ("[TBC-12]"), nor a clause in parentheses ("(to be agreed with the
    vendor)": no dash or colon before the rest). Or such a mark, unbracketed, as the whole
    value after a label's colon at the end of a line ("Refund total: TBC"); not a name
    opening with the letters ("Bank: TBC Holdings")."""
    verbs = pack.words("structure", "fill-in-verbs")
    marks = pack.words("structure", "bracket-placeholders")
    word = r"[a-z0-9$€£¥#~<>%'’(-][^\s\[\]]*"
    square = []
    if verbs:
        square.append(rf"(?:{_alternation(verbs)})(?:[ \t]+[^\s\[\]]+){{1,16}}")
        square.append(rf"(?i:{_alternation(verbs)})(?:[ \t]+{word}){{1,16}}")
    field = _field_blank(
        pack.words("structure", "blank-fields"), pack.words("structure", "redaction-words")
    )
    if field is not None:
        square.append(field)
    found = []
    if marks:
        mark = rf"(?i:{_alternation(marks)})"
        square.append(rf"{mark}(?:[ \t]*[:–—-][ \t]+[^\s\[\]][^\[\]\n]{{0,120}}?)?")
        found.append(
            rf"(?<![\w(])\([ \t]*{mark}(?:[ \t]*[:–—-][ \t]+[^\s()][^()\n]{{0,120}}?)?[ \t]*\)"
        )
        # the whole value after a label's colon: "Refund total: TBC", "Owner: to follow."
        found.append(rf"(?:(?<=:)|(?<=:[ \t])){mark}(?=[ \t]*[.;]?[ \t]*(?:\r?\n|$))")
    if square:
        found.insert(0, rf"(?<![\]!\w])\[[ \t]*(?:{'|'.join(square)})[ \t]*\](?![(\[:])")
    if not found:
        return None
    return re.compile("|".join(found))
