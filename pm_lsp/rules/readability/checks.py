"""Readability rules (PM601-PM602): long sentences and hard-to-read paragraphs.

A postmortem is read by people outside the team that wrote it, so it must give
context to outsiders; long sentences and dense paragraphs are where they give up. Both
rules are ``info``: length and grade are signals, not errors.

* Sentences come from :func:`pm_lsp.nlp.sentences.sentence_spans`, the cheap splitter: spaCy
  is never loaded for these rules. Metadata lines ("**Status**: Draft") inside a paragraph are
  cut off as their own pieces, so a block of fields is not read as one long sentence.
* PM602 uses textstat's Flesch-Kincaid grade (textstat 0.7.8, pinned: later versions
  download NLTK data at run time), computed by :mod:`pm_lsp.rules.readability.grade` from a
  syllable table built from textstat's own dictionary, which gives the same floats without
  loading that dictionary; the table is read when a paragraph first qualifies. The grade of a
  short paragraph is noise (one long word moves it by several grades), so paragraphs with
  fewer than ``min-sentences`` sentences or ``min-words`` words are not judged; list items
  are judged like paragraphs when they are that long, table cells never (they are labels
  and fragments, not prose), and neither are quotes (someone else's words, often logs).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterator
from typing import TypeVar

from pm_lsp.cache import BLOCK_CHARS, Memo, identity, lru
from pm_lsp.model.document import Block, PostmortemDoc
from pm_lsp.model.parts import Part, parts
from pm_lsp.nlp.sentences import sentence_spans
from pm_lsp.policy.rulepack import RulePack
from pm_lsp.rules.readability.expansions import expansion_before, gloss_end
from pm_lsp.rules.readability.specs import hard_to_read, long_sentence
from pm_lsp.rules.spec import Finding, RuleContext, rule

FAMILY = "readability"
#: a clock time is one word ("10:06", "23:59:30"); a colon elsewhere ends one ("Note:Done")
_WORD = re.compile(r"[^\W_]+(?:(?:['’.,-]|(?<=\d):(?=\d))[^\W_]+)*")
_PLACEHOLDER_RUN = re.compile(r"x{2,}")  # masked inline code
#: a parenthesis holding only an acronym, plural or not ("(SCADA)", "(RTUs)")
_PAREN_ACRONYM = re.compile(r"\(([A-Z][A-Za-z0-9&]*[A-Z0-9]s?)\)")
#: an acronym with a parenthesis after it, a suffix joined by a hyphen optional ("AVL (",
#: "SLOs (", "GTFS-Realtime ("): the parenthesis may spell it out (:func:`gloss_end`)
_ACRONYM_PAREN = re.compile(r"(?<![\w-])([A-Z][A-Za-z0-9&]*[A-Z0-9])s?(?:-[A-Za-z]+)?\s*\(")
#: a label opening a sentence in emphasis ("**Wait time:** Using", "*Note*: the"), as the
#: masked text shows it: blank markup before the label, and beside its colon; up to five words
_MARKED_LABEL = re.compile(
    r"[^\W\d_][\w'’/&-]*(?:[ \t][\w'’/&-]+){0,4}?(?:[ \t]+:|:[ \t]{2,})[ \t]*(?=\S)"
)
#: a list marker inside a sentence: "(a)", "(ii)", "(3)" after a space or at its start
_LIST_MARKER = re.compile(r"(?:(?<=\s)|^)\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)(?=\s)")


def count_words(text: str) -> int:
    """Words as a reader counts them: "v4.12", "don't", "1,900", "on-call" and "10:06" are
    one."""
    return len(_WORD.findall(text))


def sentence_words(text: str) -> int:
    """A sentence's length as PM601 judges it: :func:`count_words`, but a term defined at
    its first use ("the burner management system (BMS)") is one word, as it is
    in every later sentence, and a list marker ("(a)", "(ii)", "(3)") is none. PM603 asks
    for the definition; PM601 should not then count it against the sentence that gives it."""
    n = count_words(text)
    n -= len(_LIST_MARKER.findall(text))
    for m in _PAREN_ACRONYM.finditer(text):
        begins = expansion_before(m.group(1).removesuffix("s"), text, m.start())
        if begins is not None:
            n -= count_words(text[begins : m.end()]) - 1
    for m in _ACRONYM_PAREN.finditer(text):
        spelled = gloss_end(m.group(1), text, m.end())
        if spelled is not None:
            n -= count_words(text[m.end() : spelled])
    return n


def prose_start(masked: str, a: int, e: int) -> int:
    """Where the prose of the sentence ``masked[a:e]`` starts: past a label in emphasis
    that opens it ("**Wait time:** Using ...", "*Root cause*: the ..."), which is a heading
    of the list item or paragraph, not words of the sentence, so PM601 neither counts it
    nor quotes it. The markup is masked, so such a label stands after blank markup and has
    blank markup beside its colon; a colon in plain prose ("The fix was simple: we ...")
    has neither."""
    if a == 0 or masked[a - 1] not in " \t" or (a > 1 and masked[a - 2] in ".!?"):
        return a  # one space after a full stop is the writer's, not masked markup
    m = _MARKED_LABEL.match(masked, a, e)
    return m.end() if m is not None else a


def _prose(doc: PostmortemDoc) -> list[Block]:
    return [b for b in doc.blocks if b.kind in ("paragraph", "list_item") and not b.in_quote]


def _field_keys(doc: PostmortemDoc) -> tuple[int, ...]:
    """Sorted start offsets of the metadata keys (computed once per document: PM601 and
    PM602 ask for every block)."""
    return doc.analysis(_sorted_field_keys)


def _sorted_field_keys(doc: PostmortemDoc) -> tuple[int, ...]:
    return tuple(sorted(f.key_span.start for f in doc.metadata))


def _cuts(doc: PostmortemDoc, b: Block) -> tuple[int, tuple[int, ...]]:
    """Where a block's text is cut before splitting it into sentences: its ends and the
    start of each metadata line inside it, as (origin, offsets relative to the origin)."""
    keys = _field_keys(doc)
    inside = keys[bisect.bisect_right(keys, b.start) : bisect.bisect_left(keys, b.end)]
    if not inside:
        return b.start, (0, b.end - b.start)
    cuts = sorted({b.start, b.end, *(doc.lines.starts[doc.lines.line_of(k)] for k in inside)})
    return cuts[0], tuple(c - cuts[0] for c in cuts)


def _split(masked: str, cuts: tuple[int, ...]) -> list[tuple[int, int]]:
    """Sentence spans of a block's text, cut at ``cuts`` and around each line of a
    label-value block (:func:`_field_lines`): a field line is never run into the next line."""
    lines = _field_lines(masked)
    if lines:
        bounds = (x for a, _v, e, _s in lines for x in (a, e + 1))
        inner = (x for x in bounds if cuts[0] < x < cuts[-1])
        cuts = tuple(sorted({*cuts, *inner}))
    out: list[tuple[int, int]] = []
    for lo, hi in itertools.pairwise(cuts):
        out.extend((lo + a, lo + e) for a, e in sentence_spans(masked[lo:hi]))
    return out


#: a line of a block: its start and its text (no line break)
_LINE = re.compile(r"[^\n]*")


def _field_lines(masked: str) -> tuple[tuple[int, int, int, bool], ...]:
    """The field lines of a label-value block ("**Date:** 3 May", "Owner: Ana"), as (start
    of the line, start of its value, its end, whether the value is a sentence of its own):
    the lines that match :data:`_FIELD_LINE` when two or more of the block's lines do, and
    at least half of them (a colon in a wrapped line of prose, or in a few lines of a long list of
    data, makes no record). Such lines are labels and values, not prose. Memoised: PM601
    and PM602 ask it of the same block text, PM602 twice."""
    if "\n" not in masked or masked.count(":") < 2:
        return ()
    return _field_lines_of(masked)


@lru(4096)
def _field_lines_of(masked: str) -> tuple[tuple[int, int, int, bool], ...]:
    found: list[tuple[int, int, int, bool]] = []
    written = 0
    for m in _LINE.finditer(masked):
        line = m.group().rstrip()
        written += bool(line.strip())
        f = _FIELD_LINE.fullmatch(line) if ":" in line else None
        if f is not None:
            a = m.start()
            found.append((a, a + f.start("value"), m.end(), _sentence(f.group("value"))))
    return tuple(found) if len(found) >= max(2, (written + 1) // 2) else ()


def sentences(doc: PostmortemDoc, b: Block) -> list[tuple[int, int]]:
    """Sentence spans of a block (document offsets), with metadata lines cut off."""
    origin, cuts = _cuts(doc, b)
    return [
        (origin + a, origin + e) for a, e in _split(doc.masked[origin : origin + cuts[-1]], cuts)
    ]


def _block_key(doc: PostmortemDoc, b: Block) -> tuple[int, tuple[str, tuple[int, ...]]]:
    """(origin, key): everything the readability verdicts on ``b`` read, relative to the
    origin: the masked text from the first cut to the block's end, and the cuts. Memo tables
    add the rule's options."""
    origin, cuts = _cuts(doc, b)
    if origin == b.start and cuts[-1] == len(b.text):
        return origin, (b.text, cuts)  # the same string as the slice (Block.text's contract)
    return origin, (doc.masked[origin : origin + cuts[-1]], cuts)


#: (block, origin, key) of a prose block: see :func:`_block_key`
_ProseKey = tuple[Block, int, tuple[str, tuple[int, ...]]]


def _prose_keys(doc: PostmortemDoc) -> tuple[_ProseKey, ...]:
    """(block, origin, key) of every prose block (:func:`_block_key`): a function of the
    document alone, computed once per parsed document (PM601 and PM602 both walk it)."""
    return doc.analysis(_all_prose_keys)


def _all_prose_keys(doc: PostmortemDoc) -> tuple[_ProseKey, ...]:
    keys = _field_keys(doc)
    out: list[_ProseKey] = []
    for b in _prose(doc):
        i = bisect.bisect_right(keys, b.start)
        if i < len(keys) and keys[i] < b.end:  # a metadata line inside: cut there
            out.append((b, *_block_key(doc, b)))
        else:  # _block_key's answer without metadata lines, without the slice
            out.append((b, b.start, (b.text, (0, b.end - b.start))))
    return tuple(out)


# -- PM601 -------------------------------------------------------------------------------------

#: the metadata keys inside a part (:func:`_prose_parts`): (key, start of its line) pairs,
#: relative to the part
_Fields = tuple[tuple[int, int], ...]


def _prose_parts(doc: PostmortemDoc) -> tuple[tuple[Part, _Fields], ...]:
    """Each part of the document (:func:`~pm_lsp.model.parts.parts`) with what
    the readability verdicts on it read from outside its own text: where the metadata keys
    inside it are (which lines are fields is decided by the whole document), as the
    offsets of each key and of its line. Computed once per parsed document; a part without
    a key costs two bisections."""
    return doc.analysis(_all_prose_parts)


def _all_prose_parts(doc: PostmortemDoc) -> tuple[tuple[Part, _Fields], ...]:
    keys = _field_keys(doc)
    lines = doc.lines
    out: list[tuple[Part, _Fields]] = []
    hi = 0
    for part in parts(doc):
        a = part.start
        lo, hi = hi, bisect.bisect_left(keys, part.end, hi)  # the parts are in order
        if lo == hi:
            out.append((part, ()))
            continue
        # a part opens at a line's start, so a key's line starts in it
        fields = tuple((k - a, lines.starts[lines.line_of(k)] - a) for k in keys[lo:hi])
        out.append((part, fields))
    return tuple(out)


def _is_prose(b: Block) -> bool:
    return b.kind in ("paragraph", "list_item") and not b.in_quote


def _part_blocks(
    doc: PostmortemDoc, part: Part, fields: _Fields
) -> Iterator[tuple[Block, int, tuple[str, tuple[int, ...]]]]:
    """(block, origin relative to the part, key) of each prose block of ``part``, as
    :func:`_block_key` gives them, read from the part's masked text and ``fields``."""
    a = part.start
    masked = part.key[1]
    for b in part.blocks(doc):
        if not _is_prose(b):
            continue
        lo, hi = b.start - a, b.end - a
        inside = [line for k, line in fields if lo < k < hi] if fields else None
        if not inside:
            yield b, lo, (b.text, (0, hi - lo))
            continue
        cuts = sorted({lo, hi, *inside})
        origin = cuts[0]
        yield b, origin, (masked[origin : cuts[-1]], tuple(c - origin for c in cuts))


#: a part's finding of one rule (offsets relative to the part), and the rule's options
_T = TypeVar("_T")
_O = TypeVar("_O")


class _PartTables:
    """The readability findings of each part, messages made (one table per rule, on the
    pack's compiled words: the messages are the pack's). Keyed by the part's own text
    (:attr:`Part.key`), its metadata keys, the template and the rule's options; offsets
    relative to the part. Bounded like the structure rules' block facts: a key holds a
    part's text twice."""

    def __init__(self, _pack: RulePack) -> None:
        self.long: Memo[tuple[tuple[int, int, str, int], ...]] = Memo(chars=BLOCK_CHARS)
        self.grade: Memo[tuple[tuple[int, int, str, float], ...]] = Memo(chars=BLOCK_CHARS)


def _prose_spans(masked: str, cuts: tuple[int, ...]) -> Iterator[tuple[int, int]]:
    """The sentence spans PM601 judges: past an emphasised label opening one
    (:func:`prose_start`)."""
    for a, e in _split(masked, cuts):
        yield prose_start(masked, a, e), e


def _long_in_part(
    ctx: RuleContext, part: Part, fields: _Fields, limit: int
) -> tuple[tuple[int, int, str, int], ...]:
    """The long sentences of one part, relative to its start, with their messages."""
    memo = ctx.nlp.memo("readability.long")  # per block: its long sentences, relative
    out: list[tuple[int, int, str, int]] = []
    for _b, origin, key in _part_blocks(ctx.doc, part, fields):
        got: tuple[tuple[int, int, int], ...] | None = memo.get((key, limit))
        if got is None:
            masked, cuts = key
            got = memo.put(
                (key, limit),
                tuple(
                    (p, e, n)
                    for p, e in _prose_spans(masked, cuts)
                    if (n := sentence_words(masked[p:e])) > limit
                ),
            )
        for a, e, n in got:
            message = ctx.pack.message(FAMILY, "long-sentence", words=n, limit=limit)
            out.append((origin + a, origin + e, message, n))
    return tuple(out)


@rule(long_sentence)
def check_long_sentence(ctx: RuleContext) -> Iterator[Finding]:
    """Per part (:mod:`~pm_lsp.model.parts`): an unchanged part costs one
    lookup, a changed one asks the per-block table for each of its prose blocks."""
    limit = int(ctx.option("max-words"))
    memo = ctx.pack.derived(_PartTables).long
    for at, (a, e, message, n) in _by_part(ctx, memo, limit, _long_in_part):
        yield Finding(at + a, at + e, message, data={"words": n})


# -- PM602 -------------------------------------------------------------------------------------


def grade(text: str) -> float:
    """Flesch-Kincaid grade of ``text``, as textstat gives it; masked inline code counts as
    the word "code"."""
    from pm_lsp.rules.readability.grade import flesch_kincaid_grade

    return flesch_kincaid_grade(_PLACEHOLDER_RUN.sub("code", text))


def _grade_of(
    masked: str, cuts: tuple[int, ...], *, min_words: int, min_sents: int
) -> tuple[float, ...]:
    """The grade of a block's prose, or () when it is too short to be judged. The lines of a
    label-value block are no prose: a field's label is left out, and so is its value unless
    it is a sentence of its own ("**Summary:** ..."), so a record's header is judged by the
    sentences in it, like any paragraph ("--explain": fewer than three are not judged)."""
    sents = _prose_pieces(masked, _split(masked, cuts))
    if len(sents) < min_sents:
        return ()
    text = " ".join(sents)
    if count_words(text) < min_words:
        return ()
    return (grade(text),)


def _prose_pieces(masked: str, sents: list[tuple[int, int]]) -> list[str]:
    """The text of each sentence span, field labels and fields that are no sentence
    (:func:`_field_lines`) left out; spans left with no word dropped."""
    lines = _field_lines(masked)
    if not lines:
        return [masked[a:e] for a, e in sents]
    starts = [a for a, _v, _e, _s in lines]
    out: list[str] = []
    for a, e in sents:
        i = bisect.bisect_right(starts, a) - 1
        if i >= 0 and a < lines[i][2]:  # a span of a field line
            _line, value, _end, sentence = lines[i]
            if not sentence:
                continue
            a = max(a, value)
        if count_words(masked[a:e]):
            out.append(masked[a:e])
    return out


#: a field line: a key of up to four words, a colon and white space, a value
_FIELD_LINE = re.compile(
    r"[ \t]*(?:[-*+][ \t]+)?[^\W\d_][\w'()/&.-]*(?:[ \t]+[\w'()/&.-]+){0,3}"
    r"[ \t]*:[ \t]+(?P<value>\S.*)"
)

#: a field's value is a name, a date, a list of names: a longer one is prose
_FIELD_VALUE_WORDS = 12


def _sentence(value: str) -> bool:
    """A field value that is a sentence: a clause closed by a full stop, or long and not a
    list (a long value split by commas or semicolons is a list of names and roles: "Office
    of IT (OIT), Messaging group; contact: Dr. Lund, Director of Infrastructure")."""
    words = count_words(value)
    listed = value.count(",") + value.count(";") >= 2
    return (words > _FIELD_VALUE_WORDS and not listed) or (
        words > 3 and value.endswith((".", "!", "?"))
    )


def _hard_in_part(
    ctx: RuleContext, part: Part, fields: _Fields, options: tuple[float, int, int]
) -> tuple[tuple[int, int, str, float], ...]:
    """The hard-to-read blocks of one part, relative to its start, with their messages."""
    ceiling, min_words, min_sents = options
    memo = ctx.nlp.memo("readability.grade")  # per block: (grade,) or () if not judged
    out: list[tuple[int, int, str, float]] = []
    for b, _origin, key in _part_blocks(ctx.doc, part, fields):
        mkey = (key, min_words, min_sents)
        got: tuple[float, ...] | None = memo.get(mkey)
        if got is None:
            got = memo.put(mkey, _grade_of(*key, min_words=min_words, min_sents=min_sents))
        if got and (g := got[0]) > ceiling:
            message = ctx.pack.message(FAMILY, "hard-to-read", grade=g, limit=f"{ceiling:g}")
            out.append((b.start - part.start, b.end - part.start, message, g))
    return tuple(out)


@rule(hard_to_read)
def check_hard_to_read(ctx: RuleContext) -> Iterator[Finding]:
    """Per part, as :func:`check_long_sentence`."""
    options = (
        float(ctx.option("max-grade")),
        int(ctx.option("min-words")),
        int(ctx.option("min-sentences")),
    )
    memo = ctx.pack.derived(_PartTables).grade
    for at, (a, e, message, g) in _by_part(ctx, memo, options, _hard_in_part):
        yield Finding(at + a, at + e, message, data={"grade": g})


def _by_part(
    ctx: RuleContext,
    memo: Memo[tuple[_T, ...]],
    options: _O,
    step: Callable[[RuleContext, Part, _Fields, _O], tuple[_T, ...]],
) -> Iterator[tuple[int, _T]]:
    """Each part's findings of one rule (offsets relative to the part) with the part's
    start: from ``memo`` under the part's key, the metadata keys inside it, the template
    and the rule's ``options``, else from ``step`` (PM601 and PM602 alike)."""
    template = identity(ctx.template)
    for part, fields in _prose_parts(ctx.doc):
        key = (part.key, fields, template, options)
        got = memo.get(key)
        if got is None:
            got = memo.put(key, step(ctx, part, fields, options))
        for found in got:
            yield part.start, found


RULES = (check_long_sentence, check_hard_to_read)
