"""Cheap, spaCy-free sentence splitting: what the rules use to choose what to parse."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pm_lsp.cache import lru

#: pictographs and symbols written as emoji (the variation selector that may follow one is
#: allowed after it): misc symbols and dingbats ("✅", "❌"), stars, and the pictograph planes
EMOJI = "\u2600-\u27bf\u2b50\u2b55\U0001f000-\U0001faff"

#: a number led by a symbol, as a sentence may open with one ("~18,400 players", "≈ 3%
#: of requests", "<1% of calls", ">200 tickets", "+40 ms at p99", "$1,200 refunded"):
#: the symbol then a digit, with at most one space between
_SYMBOL_NUMBER = r"[~≈∼<>≤≥+±$€£¥][ \t]?\d"

#: a clock time as a chat export or a log stamps a line ("14:03", "09:12:40", "2:05 PM")
_STAMP = r"\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?"

#: short abbreviations written in small letters, after which a full stop ends no sentence
#: before inline code ("`a` vs. `b`", "cf. `man 5 crontab`", "ticket no. `4411`"): one
#: lookbehind each (a lookbehind has one width)
_NOT_AFTER_SMALL_ABBREVIATION = "".join(
    rf"(?<!\b{w}\.)" for w in ("vs", "cf", "approx", "incl", "etc", "no", "ca", "viz")
)

#: abbreviations written in small letters after which a small letter goes on the same
#: sentence ("logs, traces etc. were kept", "at 5 min. past", "Lee et al. found"): one
#: lookbehind each
_SMALL_ABBREVIATIONS = (
    "vs",
    "cf",
    "approx",
    "incl",
    "etc",
    "no",
    "ca",
    "viz",
    "al",
    "fig",
    "figs",
    "eq",
    "min",
    "mins",
    "sec",
    "secs",
    "hr",
    "hrs",
    "max",
    "avg",
    "est",
    "esp",
    "ref",
    "resp",
    "ver",
    "vol",
    "pp",
    "ch",
    "ft",
    "lb",
    "lbs",
    "oz",
    "pt",
    "sq",
    "st",
    "dept",
    "misc",
    "ex",
    "eg",
    "ie",
    "aka",
    "ed",
    "op",
    "cit",
    "nr",
    "tel",
    "ext",
    "excl",
    "ibid",
    "et",
    "mr",
    "mrs",
    "ms",
    "dr",
)
_NOT_AFTER_SMALL_ABBREVIATIONS = "".join(rf"(?<!\b{w}\.)" for w in _SMALL_ABBREVIATIONS)

#: where a sentence ends: the text between two sentences is each match's one group (the
#: sentence before ends where it starts). Each alternative opens with the character it
#: needs (a full stop, question or exclamation mark, a line break, a colon), so the regex
#: engine skips ahead to one; written with a lookbehind ("after a full stop"), it was tried
#: at every position of every block, most of the splitter's cost.
_SENT_END = re.compile(
    # not the second dot of a range written with two ("2026-10-01 .. 2026-10-31", "ids
    # 100 .. 200"), an ellipsis of three may end one; not after an initial or a title of
    # address ("Mr. T. Hale approved it", "Dr. Lee"), nor after "e.g." or "i.e." before a
    # capital ("a mirror, e.g. Fastly or Akamai"); a capital after a degree sign is a unit
    # of temperature, no initial ("the hall reached 31°C. The spare ...")
    r"[.!?](?<![^.]\.\.)(?<!(?<![°º])\b[A-Z]\.)(?<!\bM[rs]\.)(?<!\bMrs\.)(?<!\bDr\.)"
    r"(?<!\be\.g\.)(?<!\bi\.e\.)"
    # up to three emoji after the mark (one space before them or none) are the sentence's
    # own tone ("Who merges on a Friday? 🙃 The parser ..."): they end it, and the next
    # sentence starts after them
    rf"(?: ?[{EMOJI}\u200d\ufe0f]{{1,3}})?"
    # a dash between two sentences is neither's ("5. Why? — Mira turned it off.")
    rf"([\"')\]]*\s+(?:(?:[—–]|--)\s+)?(?=[\"'(\[]?(?:[A-Z0-9@#`]|{_SYMBOL_NUMBER})))"
    # a parenthesis opening after a full stop is a sentence of its own whatever its case
    # ("Add a pager rotation. (added on 3 May)"); not after "e.g." or "i.e."
    r"|[.!?](?<!\.\w\.)(\s+(?=\())"
    # a sentence may open with inline code, masked to a run of the placeholder letter
    # (:data:`~pm_lsp.parse.masking.CODE_PLACEHOLDER`, three at least: two backticks and
    # a character) ("... by the check. `/home` was not affected"); not after "e.g.", "i.e."
    # or a short abbreviation written in small letters ("`a` vs. `b`", "cf. `man 5 x`")
    rf"|[.!?](?<!\.\w\.){_NOT_AFTER_SMALL_ABBREVIATION}"
    r"([\"')\]]*\s+(?=x{3,}(?![A-Za-wyz0-9])))"
    # a sentence written in small letters, as a chat or a hurried note has it ("... than we
    # planned for. then the queue ..."): the mark follows a word of two characters or more in
    # small letters or digits, not a short capitalised abbreviation ("Acme Inc. and ..."),
    # "e.g.", an ellipsis or a small-letter abbreviation (:data:`_SMALL_ABBREVIATIONS`); a
    # mark closed by a bracket or a quote is inside them ("(and test it!) before ...")
    rf"|[.!?](?<=[a-z0-9][a-z0-9][.!?])(?<!\.\w\.)(?<!\.\.)(?<![A-Z][a-z]\.)"
    rf"(?<![A-Z][a-z]{{2}}\.)(?<![A-Z][a-z]{{3}}\.){_NOT_AFTER_SMALL_ABBREVIATIONS}"
    r"([ \t]*\n?[ \t]*(?<=\s)(?=[a-z]))"
    # the same in small letters when the word before the mark is closed by a bracket or a
    # quote, or the mark follows an emoji ("... on the spare box (rack two). we ...", "...
    # set to 'off'. then ...", "... all good 🎉. next ..."): no abbreviation ends that way
    rf"|[.!?](?:(?<=\w[)\]\"'”’][.!?])|(?<=\w[)\]\"'”’]{{2}}[.!?])|(?<=[{EMOJI}][.!?])"
    rf"|(?<=[{EMOJI}]\ufe0f[.!?]))"
    r"([ \t]*\n?[ \t]*(?<=\s)(?=[a-z]))"
    # a colon that ends a line ends the sentence ("... as follows:\n- item"), unless the
    # wrapped line goes on in small letters ("... does when the journal is full:\nstop."),
    # not inline code (masked to the placeholder letter) nor a tab-separated record
    r"|(\n\s*\n)|:(\s*\n)(?![ \t]*(?!x{3,})[a-z][\w'-]*(?: |[.,;!?]|$))"
    # a line of a chat export or a log opens with its time stamp in brackets ("[14:03]
    # @mira: rolling back", "[09:12:40 PM] ..."), or with a bare time before a handle
    # ("14:03 @mira: ..."): each such line is a message of its own, ended or not. A line
    # that opens with a bare time in wrapped prose ("deployed at\n14:02 and ...") goes on
    rf"|(\n[ \t]*(?=\[{_STAMP}\]|{_STAMP}[ \t]+@\w))"
    # an emoji right after a word (with one space or none) ends a sentence when the next
    # word is capitalised, as a chat or blog post writes it ("broke it for everyone 😅 The
    # update ..."); an emoji that opens a line or follows a label or a full stop ("Status: ✅
    # Resolved", "- 🚀 Launch", "done. ✅ Next") cuts nothing new
    rf"|[{EMOJI}](?:(?<=\w\S)|(?<=\w \S))\ufe0f?"
    r"([\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9@#`]))"
)


#: a capital letter with a full stop after a word, then white space and a capitalised
#: word: the letter is a person's initial ("by J. Smith", "Ana K. Obi") or a label that
#: ends a sentence ("... failed over to rack C. Then ..."); :func:`_label_letter_ends`
#: tells which. Led by the capital, so the engine skips ahead to one
_LETTER_STOP = re.compile(
    r"[A-Z](?<=\w[ \t][A-Z])\.(?![\w.])([\"')\]]*\s+)(?=[\"'(\[]?([A-Z][A-Za-z']*)(\.?))"
)

#: nouns that take a letter as a label ("plan B", "zone C", "building A"): after one, a
#: letter and a full stop end a sentence before a capitalised word, in small letters
_LABEL_NOUNS = frozenset(
    [
        "plan",
        "zone",
        "region",
        "carrier",
        "option",
        "site",
        "building",
        "phase",
        "tier",
        "step",
        "gateway",
        "server",
        "node",
        "rack",
        "cluster",
        "shard",
        "replica",
        "host",
        "hall",
        "floor",
        "wing",
        "block",
        "room",
        "gate",
        "terminal",
        "pier",
        "platform",
        "line",
        "route",
        "track",
        "lane",
        "bay",
        "dock",
        "unit",
        "team",
        "group",
        "shift",
        "crew",
        "squad",
        "vendor",
        "supplier",
        "provider",
        "variant",
        "version",
        "model",
        "type",
        "class",
        "grade",
        "level",
        "stage",
        "scenario",
        "case",
        "appendix",
        "annex",
        "exhibit",
        "figure",
        "table",
        "section",
        "part",
        "item",
        "column",
        "row",
        "path",
        "link",
        "circuit",
        "feed",
        "pool",
        "queue",
        "bucket",
        "tenant",
        "customer",
        "store",
        "branch",
        "office",
        "warehouse",
        "depot",
        "campus",
        "lab",
        "ward",
        "array",
        "disk",
        "drive",
        "volume",
        "partition",
        "subnet",
        "switch",
        "router",
        "port",
        "channel",
        "band",
        "tower",
        "cell",
        "sector",
        "area",
        "district",
        "pod",
        "runway",
        "plant",
        "batch",
        "cohort",
        "wave",
        "ring",
        "lot",
        "schedule",
        "category",
    ]
)

#: words that open a sentence and are nobody's surname: determiners, pronouns and linking
#: adverbs ("... moved to zone C. Then ...", "... reached the vendor's site D. We ...")
_SENTENCE_OPENERS = frozenset(
    [
        "The",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "Its",
        "We",
        "Our",
        "Us",
        "They",
        "Their",
        "Them",
        "He",
        "His",
        "She",
        "Her",
        "You",
        "Your",
        "There",
        "Then",
        "Now",
        "After",
        "Afterwards",
        "Before",
        "Once",
        "When",
        "While",
        "Since",
        "Both",
        "Each",
        "Every",
        "All",
        "Most",
        "Some",
        "No",
        "None",
        "Nothing",
        "Nobody",
        "Everything",
        "Everyone",
        "Later",
        "Next",
        "Meanwhile",
        "Within",
        "By",
        "From",
        "At",
        "On",
        "In",
        "If",
        "So",
        "But",
        "And",
        "Also",
        "However",
        "Still",
        "Because",
        "Until",
        "Only",
        "Even",
        "Further",
        "Finally",
        "Eventually",
        "Instead",
        "Otherwise",
        "Here",
        "Neither",
        "Either",
        "Many",
        "Several",
    ]
)


def _label_letter_ends(text: str, m: re.Match[str]) -> bool:
    """Whether the capital letter matched by :data:`_LETTER_STOP` is a label that ends its
    sentence: after a label noun (:data:`_LABEL_NOUNS`) written in small letters, before
    any capitalised word but another initial ("by group A. B. Ng" is none); after another
    word in small letters, or a capitalised label noun ("Plan B. It held."), before a word
    that opens a sentence (:data:`_SENTENCE_OPENERS`); the same after a number, the letter
    being a unit or a label ("the bus held 11 V. Then ...", "bay 4 C. The ..."), as a
    surname after an initial is no such word ("group 2 A. Patel"); never after a
    capitalised name ("Ana K. Obi") or a word in small letters before a surname ("by J.
    Smith")."""
    if m.group(3) and len(m.group(2)) == 1:
        return False
    b = m.start() - 1
    while b > 0 and text[b - 1] in " \t":
        b -= 1
    if b > 0 and text[b - 1].isdigit():
        return m.group(2) in _SENTENCE_OPENERS
    a = b
    while a > 0 and text[a - 1].isalpha():
        a -= 1
    if (a > 0 and text[a - 1] in ".'’-_/") or b - a < 2:
        return False
    word = text[a:b]
    if word.islower() and word in _LABEL_NOUNS:
        return True
    opener = m.group(2) in _SENTENCE_OPENERS
    return opener and (word.islower() or word.lower() in _LABEL_NOUNS)


#: a clause number opening a line, as a formal report numbers its paragraphs ("3.7 Had the
#: analyst checked ...", "4.1.2. The job ...", "§3 The firm ..."): no word of the sentence,
#: as a Markdown list marker is none ("1. Had ..." reaches the rules as "Had ..."), so the
#: sentence starts after it and patterns read at a sentence's start still find their word.
#: A decimal is a clause number only before a word written as a sentence opens (a capital,
#: then small letters with a vowel among them; "A" or "I" before a word; a title of address
#: before a name, "4.3 Mr Okafor ..."; a short word that opens a sentence, before a small
#: letter or a digit: "1.1 On 3 March ...", "4.2 It must be noted ..."): a quantity keeps
#: its number, as it is written before a small letter or a unit ("3.5 million users were
#: affected", "10.4 GB of logs", "2.5 Gbps", "1.2 GiB"); a whole number is a clause number
#: only after a section sign ("§3"), as "3 Engineers joined" counts people
_CLAUSE_NUMBER = re.compile(
    r"(?:§[ \t]?\d{1,3}(?:\.\d{1,3})*|\d{1,3}(?:\.\d{1,3})+)\.?[ \t]+"
    r"(?=[A-Z][a-z]*[aeiouy][a-z]*(?!\w)|[AI][ \t]+[a-z]|(?:Mrs?|Ms|Dr)\.?[ \t]+[A-Z]"
    r"|(?:On|In|It|At|As|By|If|Of|To|No|So|We|An|Or|Up|My)[ \t]+[a-z0-9])"
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Cheap sentence boundaries in ``text`` as ``(start, end)`` offsets, trimmed.

    Good enough to choose what to parse and to hand spaCy one sentence at a time; it errs
    towards longer spans (abbreviations like "e.g. Foo" may merge two sentences), which only
    costs a little parsing. Four rule families split every block on every lint, so the
    spans (relative to the text, a pure function of it) are memoised per text.
    """
    return list(_sentence_spans(text))


#: short abbreviations that a number follows in the same sentence ("approx. 30 minutes",
#: "pump No. 4", "ca. 40 users", "Fig. 3"), in either case of their first letter: a full
#: stop after one, before a digit, ends no sentence. "etc." is not one: it closes a list,
#: and often its sentence
_NUMBERED_ABBREVIATIONS = "|".join(w for w in _SMALL_ABBREVIATIONS if w != "etc")
_BEFORE_A_NUMBER = re.compile(rf"(?<![\w.])(?i:{_NUMBERED_ABBREVIATIONS})\.$")


def _abbreviation_before_number(text: str, start: int, end: int) -> bool:
    """Is the cut ``start:end`` (after a full stop) an abbreviation's stop before a digit
    (:data:`_BEFORE_A_NUMBER`)?"""
    nxt = text[end : end + 2].lstrip("\"'([")
    if not nxt[:1].isdigit() or start < 1 or text[start - 1] != ".":
        return False
    return _BEFORE_A_NUMBER.search(text, max(0, start - 8), start) is not None


@lru(16_384)
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    cuts = [
        (m.start(m.lastindex or 0), m.end())
        for m in _SENT_END.finditer(text)
        if not _abbreviation_before_number(text, m.start(m.lastindex or 0), m.end())
    ]
    labels = [m for m in _LETTER_STOP.finditer(text) if _label_letter_ends(text, m)]
    if labels:
        cuts = sorted(cuts + [(m.start(1), m.end(1)) for m in labels])
    spans: list[tuple[int, int]] = []
    pos = 0
    for start, end in cuts:
        spans.append((pos, start))
        pos = end
    spans.append((pos, len(text)))
    return after_clause_numbers(text, trimmed(text, _quotes_kept(text, spans)))


def _quotes_kept(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with a quotation of two sentences kept in one: a span that opens a
    double quote it does not close, followed by one that closes it, inside or right after
    it (a message quoted in full: ... shows "Card declined. Use another card." to the
    buyer), is one sentence."""
    if '"' not in text:
        return spans
    out: list[tuple[int, int]] = []
    for i, (a, b) in enumerate(spans):
        after = spans[i + 1][0] if i + 1 < len(spans) else len(text)
        closes = text.count('"', a, b) % 2 == 1 or '"' in text[b:after]
        if out and closes and text.count('"', *out[-1]) % 2 == 1:
            out[-1] = (out[-1][0], b)  # the closing mark after a full stop stays out
        else:
            out.append((a, b))
    return out


def after_clause_numbers(
    text: str, spans: Iterable[tuple[int, int]]
) -> tuple[tuple[int, int], ...]:
    """``spans`` of ``text``, each sentence that opens a line with a clause number
    (:data:`_CLAUSE_NUMBER`) starting after it: the number stays in the text, at its
    offsets, and out of the sentence."""
    out: list[tuple[int, int]] = []
    for a, e in spans:
        j = a
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        m = _CLAUSE_NUMBER.match(text, a, e) if j == 0 or text[j - 1] in "\r\n" else None
        out.append((m.end(), e) if m is not None and m.end() < e else (a, e))
    return tuple(out)


def trimmed(text: str, spans: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """``spans`` of ``text`` without the white space at their ends, the empty ones left
    out."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return tuple(out)


def iter_sentences(text: str) -> Iterable[tuple[int, int, str]]:
    for a, b in sentence_spans(text):
        yield a, b, text[a:b]
