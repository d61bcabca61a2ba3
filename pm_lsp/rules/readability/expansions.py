"""Acronyms spelled out by their initials, however the text lays the expansion out.

PM603 knows the usual forms of a definition ("Border Gateway Protocol (BGP)", "BGP stands
for ...", a glossary line). Writers also spell an acronym out with a colon, a dash, a comma
or a footnote: "we used the USE method: utilization, saturation and errors", "PITR,
point-in-time recovery, ...", "SLO - service level objective". What these share is the
expansion itself: words next to the acronym whose initials are its letters, in order. This
module finds those, after the acronym (within a few words: "the USE method: ...") or just
before it ("point-in-time recovery, PITR").

The words in parentheses right after an acronym ("ECE (calibration)", "AUC (offline)")
are a definition only when they plausibly spell it (:func:`glosses`): a note on what the
figure was measured on, or a unit, leaves the acronym as unexplained as before.

A coincidence ("the API serves requests" spells nothing; an acronym whose letters happen to
start the next words) can only make PM603 stay quiet, never report: the finder leans towards
"defined", as the rule leans towards silence.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Callable, Iterable

from pm_lsp.cache import lru

#: a word, split at hyphens and slashes ("point-in-time" is three words)
_WORD = re.compile(r"[^\W\d_][^\W_]*(?:['’][^\W\d_]+)?")
#: words an expansion may hold that its acronym leaves out ("Bank of England": BoE / BE)
_MINOR = frozenset(
    {"of", "and", "the", "for", "a", "an", "to", "in", "on", "at", "by", "with", "or"}
)
#: words that may stand between an acronym and its expansion ("SLO, which is our service
#: level objective", "PITR, or point-in-time recovery", "PO's ...": the "s" of a plural or
#: possessive); besides these, one word may (the acronym's head noun: "the USE method:
#: utilization ...", "the DBE team: Data, Billing and Exports")
_BRIDGE = frozenset(
    {
        "s",
        "is",
        "are",
        "was",
        "means",
        "stands",
        "for",
        "short",
        "the",
        "a",
        "an",
        "our",
        "which",
        "or",
        "aka",
        "ie",
        "i",
        "e",
        "called",
        "known",
        "as",
        "here",
    }
)
#: how many words after the acronym its expansion may start
_LEAD = 5
#: how many words may stand between an expansion and the acronym after it ("point-in-time
#: recovery, or PITR"), all of them bridge words
_GAP = 2


def spelled_out(text: str, acronyms: Iterable[tuple[int, str]]) -> frozenset[str]:
    """Which of ``acronyms`` (offset in ``text``, acronym), as PM603 found them in
    ``text``, have an expansion next to them (see the module doc)."""
    words = [(m.start(), m.group(0)) for m in _WORD.finditer(text)]
    starts = [a for a, _w in words]
    out: set[str] = set()
    for offset, acronym in acronyms:
        at = bisect.bisect_left(starts, offset)
        if at == len(starts) or starts[at] != offset:
            continue  # the acronym does not start a word
        after = [w for _a, w in words[at + 1 : at + 1 + _LEAD + 2 * len(acronym)]]
        before = [w for _a, w in words[max(0, at - _GAP - 2 * len(acronym)) : at]]
        if _expands_after(acronym, after) or _expands_before(acronym, before):
            out.add(acronym)
    return frozenset(out)


def _expands_after(acronym: str, words: list[str]) -> bool:
    """Do ``words`` (those after the acronym) spell it, after nothing but bridge words and
    at most one other word?"""
    head = False
    for k, word in enumerate(words[:_LEAD]):
        if _spells(acronym, words, k) is not None:
            return True
        if word.lower() in _BRIDGE:
            continue
        if head:
            return False
        head = True
    return False


def _expands_before(acronym: str, words: list[str]) -> bool:
    """Does a run of ``words`` (those before the acronym) spell it, with nothing but at
    most :data:`_GAP` bridge words after the run?"""
    n = len(words)
    for k in range(n):
        end = _spells(acronym, words, k)
        if end is not None and n - end <= _GAP and all(w.lower() in _BRIDGE for w in words[end:]):
            return True
    return False


def _spells(acronym: str, words: list[str], k: int) -> int | None:
    """The index after the run of ``words`` from ``k`` whose initials are the letters of
    ``acronym`` in order (a minor word may be skipped, a word that is not minor may not),
    or None. The run's first word gives the first letter."""
    letters = acronym.lower()
    i = 0
    j = k
    while i < len(letters) and j < len(words):
        word = words[j].lower()
        if word[0] == letters[i] and not (word in _MINOR and _skippable(letters, i, words, j)):
            i += 1
        elif word not in _MINOR or j == k:
            return None
        j += 1
    return j if i == len(letters) else None


def _skippable(letters: str, i: int, words: list[str], j: int) -> bool:
    """Should the minor word ``words[j]``, whose initial is ``letters[i]``, be skipped
    rather than spell the letter? Only when the next word spells it instead ("Bank of
    Oslo": "BO")."""
    return j + 1 < len(words) and words[j + 1].lower()[0] == letters[i]


#: how far a parenthesis after an acronym is read for its expansion
_GLOSS_CHARS = 120


def glosses(acronym: str, text: str, start: int) -> bool:
    """Do the words in the parenthesis opening at ``text[start]`` (just after its "(")
    plausibly spell ``acronym``? Its initials in order (minor words allowed: "Bank of
    Oslo (BoO)"), or, beyond initials, its letters in order inside the words, the first
    letter opening the first word ("DB (database)", "PG (Postgres)", "VIP (virtual IP)").
    A note that is no expansion ("ECE (calibration)", "AUC (offline)", "RTO (4 hours)")
    spells nothing. Leading bridge words ("the", "our") are stepped over."""
    end = text.find(")", start, start + _GLOSS_CHARS)
    words = _WORD.findall(text, start, end if end >= 0 else start + _GLOSS_CHARS)
    while words and words[0].lower() in _BRIDGE:
        words.pop(0)
    if not words or len(words) > 2 * len(acronym) + 3:
        return False
    if _spells(acronym, words, 0) is not None:
        return True
    letters = acronym.lower()
    rest = iter("".join(words).lower()[1:])
    return words[0][0].lower() == letters[0] and all(c in rest for c in letters[1:])


def gloss_end(acronym: str, text: str, start: int) -> int | None:
    """Where the words in the parenthesis opening at ``text[start]`` that spell
    ``acronym`` (:func:`glosses`) end, or None when they spell nothing. A note after the
    expansion ("NLB (network load balancer behind the old ingress)") is not part of it:
    PM601 counts the acronym and its expansion as one word, the note as words of the
    sentence."""
    if not glosses(acronym, text, start):
        return None
    end = text.find(")", start, start + _GLOSS_CHARS)
    found = list(_WORD.finditer(text, start, end if end >= 0 else start + _GLOSS_CHARS))
    lead = 0
    while lead < len(found) and found[lead].group().lower() in _BRIDGE:
        lead += 1
    k = _spells(acronym, [m.group() for m in found[lead:]], 0)
    return found[lead + k - 1].end() if k else found[-1].end()


#: a name in a parenthesis: one to three capitalised words ("Leipzig", "San Francisco",
#: "Frankfurt am Main"), no word in capitals
#: ordinary words that open what an acronym stands for ("Recovery Point Objective",
#: "Key Performance Indicator"): a one-word gloss opening with one is the start of the
#: acronym's expansion, not the name of a place (:func:`names`)
_EXPANSION_OPENERS = frozenset(
    [
        "access",
        "annual",
        "application",
        "average",
        "back",
        "base",
        "batch",
        "build",
        "business",
        "central",
        "change",
        "cloud",
        "code",
        "common",
        "computer",
        "content",
        "continuous",
        "control",
        "cost",
        "critical",
        "cross",
        "customer",
        "daily",
        "data",
        "design",
        "direct",
        "disaster",
        "disk",
        "distributed",
        "document",
        "domain",
        "dynamic",
        "emergency",
        "end",
        "engineering",
        "enterprise",
        "error",
        "event",
        "external",
        "failure",
        "fault",
        "field",
        "file",
        "first",
        "free",
        "front",
        "full",
        "general",
        "global",
        "hardware",
        "high",
        "hot",
        "identity",
        "incident",
        "incremental",
        "information",
        "infrastructure",
        "interface",
        "internal",
        "internet",
        "issue",
        "just",
        "key",
        "language",
        "last",
        "least",
        "level",
        "line",
        "load",
        "local",
        "low",
        "machine",
        "major",
        "managed",
        "management",
        "manual",
        "master",
        "maximum",
        "mean",
        "media",
        "memory",
        "message",
        "minimum",
        "mobile",
        "monitoring",
        "monthly",
        "multi",
        "natural",
        "net",
        "network",
        "new",
        "next",
        "non",
        "object",
        "open",
        "operating",
        "operational",
        "order",
        "page",
        "partial",
        "payment",
        "peak",
        "performance",
        "personal",
        "physical",
        "plan",
        "platform",
        "point",
        "power",
        "primary",
        "private",
        "problem",
        "process",
        "product",
        "production",
        "program",
        "project",
        "protocol",
        "public",
        "quality",
        "quarterly",
        "query",
        "random",
        "rate",
        "real",
        "recovery",
        "recurring",
        "regional",
        "relational",
        "release",
        "remote",
        "replication",
        "request",
        "requests",
        "resource",
        "response",
        "restore",
        "return",
        "risk",
        "root",
        "secondary",
        "secure",
        "security",
        "server",
        "service",
        "services",
        "session",
        "shared",
        "short",
        "simple",
        "single",
        "site",
        "small",
        "software",
        "source",
        "standard",
        "state",
        "static",
        "storage",
        "stream",
        "structured",
        "support",
        "synthetic",
        "system",
        "target",
        "team",
        "technical",
        "test",
        "third",
        "time",
        "token",
        "total",
        "traffic",
        "transaction",
        "transfer",
        "transport",
        "trust",
        "unique",
        "unit",
        "universal",
        "update",
        "upper",
        "usage",
        "user",
        "value",
        "vendor",
        "version",
        "video",
        "virtual",
        "web",
        "weekly",
        "wide",
        "working",
        "yearly",
        "zero",
    ]
)

_NAME = re.compile(
    r"\s*([A-Z][a-z\u00e0-\u00ff'’.-]+(?: (?:[a-z]{2,3} )?[A-Z][a-z\u00e0-\u00ff'’.-]+){0,2})\)"
)


def names(acronym: str, text: str, start: int) -> bool:
    """Is the parenthesis opening at ``text[start]`` the proper name the code after it
    stands for ("LEJ (Leipzig)", "SFO (San Francisco)", a site or an airport's code)? A
    capitalised name, the code's first letter opening it: the reader is told what the code
    names, though its letters are no initials. A word in lower case ("ECE (calibration)")
    or a label of another letter ("SLA (Gold)") names nothing. A site code abbreviates its
    name: its letters come in the name's letters in order ("BRU" in Brussels, "SFO" in San
    Francisco); one word that only opens what the letters stand for ("QPO (Quarterly)",
    no P in it) is no name, unless the code is a place's three letters and the name no
    ordinary word (:data:`_EXPANSION_OPENERS`)."""
    m = _NAME.match(text, start)
    if m is None or m.group(1)[0] != acronym[0]:
        return False
    rest = iter(m.group(1).lower())
    if all(c in rest for c in acronym.lower()):
        return True
    # "PDX (Portland)", "LAX (Los Angeles)": a place's three-letter code often takes a
    # letter its name lacks. A name is a place's when its first word is no ordinary word
    # that opens what an acronym stands for ("RPO (Recovery)", "KPI (Key)").
    first = m.group(1).split(" ", 1)[0].lower()
    return len(acronym) == 3 and acronym.isupper() and first not in _EXPANSION_OPENERS


def initials_in_parenthesis(acronym: str, text: str, start: int) -> bool:
    """Do the first words of the parenthesis opening at ``text[start]`` have the acronym's
    letters as their initials ("QTL limits file (the quota tier limits ...)")?
    Stricter than :func:`glosses`: the parenthesis follows the noun phrase the acronym
    modifies, so only its initials, not letters inside words, spell it."""
    end = text.find(")", start, start + _GLOSS_CHARS)
    words = _WORD.findall(text, start, end if end >= 0 else start + _GLOSS_CHARS)
    while words and words[0].lower() in _BRIDGE:
        words.pop(0)
    return bool(words) and _spells(acronym, words, 0) is not None


def initials_before(acronym: str, text: str, at: int) -> bool:
    """Do the words just before ``text[at]`` (a parenthesis that lists the acronym after
    other content: "load tags (form 12, "LTs")") have its letters as their initials, the
    last of them right before the parenthesis? Nothing may stand between the run and the
    parenthesis: "the gate (about 40 minutes, GQ)" spells nothing."""
    words = _WORD.findall(text, max(0, at - _GLOSS_CHARS), at)[-2 * len(acronym) :]
    return any(_spells(acronym, words, k) == len(words) for k in range(len(words)))


def expansion_before(acronym: str, text: str, at: int) -> int | None:
    """Where the run of words right before the parenthesis at ``text[at]`` whose initials
    spell ``acronym`` begins ("the burner management system (BMS)": the offset
    of "supervisory"), or None. The shortest such run, so a sentence's earlier words are
    never taken for part of the term; nothing but white space may stand between its last
    word and the parenthesis."""
    found = list(_WORD.finditer(text, max(0, at - _GLOSS_CHARS), at))[-2 * len(acronym) :]
    if not found or text[found[-1].end() : at].strip():
        return None
    words = [m.group() for m in found]
    for k in range(len(words) - 1, -1, -1):
        if _spells(acronym, words, k) == len(words):
            return found[k].start()
    return None


# -- an expansion written out elsewhere, without the acronym beside it ----------------------

#: words that carry no meaning of their own: a run of lower-case words that spells an
#: acronym must open and close with a word that is none of these, and hold two words that
#: are none ("checked all backups" spells nothing; "time to live" spells TTL)
_FUNCTION = _MINOR | frozenset(
    {
        "all", "also", "am", "any", "are", "as", "be", "been", "but", "can", "could", "did",
        "do", "does", "each", "else", "even", "ever", "from", "get", "got", "had", "has",
        "have", "he", "her", "him", "his", "how", "i", "if", "into", "is", "it", "its",
        "just", "may", "me", "might", "more", "most", "much", "must", "my", "no", "nor",
        "not", "now", "off", "once", "only", "other", "our", "out", "over", "own", "put",
        "same", "she", "should", "so", "some", "such", "than", "that", "their", "them",
        "then", "there", "these", "they", "this", "those", "too", "up", "us", "very", "was",
        "we", "were", "what", "when", "where", "which", "while", "who", "why", "will",
        "would", "yet", "you", "your", "again", "still", "after", "before", "because",
        "about", "back", "down", "made", "make", "went", "go", "see", "saw", "said",
        "one", "two", "three", "four", "five", "six", "first", "second", "nobody",
        "someone", "something", "everyone", "everything", "anyone", "anything", "nothing",
        # verbs that take a verb in -ing after them: a clause ("the desk starts sending
        # refunds", "the job keeps retrying uploads"), no noun phrase; their bare forms
        # stay, as a name may hold one ("start of authority")
        "starts", "started", "stops", "keeps", "kept", "begins", "began", "continues",
        "finishes", "tries", "tried", "resumes", "quits", "avoids",
    }
)  # fmt: skip
#: the words that join two phrases: in lower case each word of a run gives a letter, and
#: one of these giving one joins two things ("the client and writes" spells no CAW; the
#: capitalised form skips them, "Search and Rescue" giving SR, never SAR)
_JOINING = frozenset({"and", "or", "nor"})
#: what may stand between the words of an expansion: spaces, one line break, a hyphen
_SEP = r"(?:[ \t]*\r?\n[ \t]*|[ \t]+|-)"
#: the small words an expansion may hold that its acronym leaves out ("Department of
#: Defense"; "&" too, which is no word)
_SKIPPED = ("of", "and", "for", "the")
_SKIP = r"(?:(?:" + "|".join(_SKIPPED) + r"|&)" + _SEP + r")?"
#: a run of letters, digits, apostrophes and hyphens opening with a letter: the most one
#: word of :func:`written_out`'s capitalised pattern can take in ("Point-in-Time")
_COMPOUND = re.compile(r"[^\W\d_][\w’'-]*")


@lru(4096)
def written_out(acronym: str) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """Patterns for the acronym's words written out with no acronym beside them: its
    letters as the initials of consecutive capitalised words ("the Change Advisory Board
    rejected ..." for CAB), a small word between them allowed; and, for three letters or
    more, of words in lower case ("a change advisory board", "point-in-time recovery"),
    each word giving a letter (a small word too: "time to live"). Whitespace, one line
    break or a hyphen between the words; no punctuation, so no run crosses a sentence or a
    list. Which matches count is :func:`plausible_expansion`'s."""
    # each pattern opens with its letter, the lookbehind after it: ``re`` then skips to the
    # next place the letter stands instead of trying a lookbehind at every position
    upper = (_SEP + _SKIP).join(rf"{c}[a-z][\w’'-]*" for c in acronym)
    capitalised = re.compile(rf"[{upper[0]}](?<![\w’'-].){upper[1:]}(?![\w’'-])")
    if len(acronym) < 3:
        return capitalised, None
    lower = _SEP.join(rf"{c.lower()}[a-z]+" for c in acronym)
    return capitalised, re.compile(rf"[{lower[0]}](?<![\w’'-].){lower[1:]}(?![\w’'-])")


def plausible_expansion(text: str, lower: bool, is_name: Callable[[str], bool]) -> bool:
    """Do the words of ``text`` (a match of :func:`written_out`, small skipped words in it) read as
    an expansion rather than a coincidence? Capitalised: none a person's given name
    (``is_name``: "Carla Anders Brooks" spells no CAB). In lower case, a noun phrase: the
    first and the last a word of meaning, two such words at least, no other small word
    than a preposition between them (a conjunction giving a letter joins two things: "the
    client and writes" spells no CAW), no verb in the past or adverb after the first
    ("checked all backups", "noticed any slowdown", "script saturated the office" and
    "habit of silently retrying" are none)."""
    words = _WORD.findall(text)
    if not words:
        return False
    if not lower:
        return not any(is_name(w) for w in words)
    content = [w for w in words if w.lower() not in _FUNCTION]
    return (
        len(content) >= 2
        and words[0].lower() not in _FUNCTION
        and words[-1].lower() not in _FUNCTION
        and not any(w.endswith(("ed", "ly")) for w in words[1:])
        and all(w.lower() in _MINOR or w.lower() not in _FUNCTION for w in words)
        and not any(w.lower() in _JOINING for w in words)
    )


@lru(4096)
def letter_pairs(acronym: str) -> frozenset[str] | None:
    """The acronym's neighbouring letters, lower-cased ("CAB": "ca", "ab"), which a text
    must hold as :func:`initial_pairs` for :func:`written_out` to match in it; None when the
    acronym holds a character other than a letter (no gate then). Memoised: asked for every
    part of the document for each acronym about to be reported (~30,000 times, ~0.1 s, on
    the 50,000-word file's lint)."""
    if not acronym.isalpha():
        return None
    low = acronym.lower()
    return frozenset(low[i : i + 2] for i in range(len(low) - 1))


def initial_pairs(text: str) -> frozenset[str]:
    """Every pair of lower-cased initials that two neighbouring words of a match of
    :func:`written_out` in ``text`` can have: a gate that may let a text through, never keep
    one out. A word of the capitalised pattern may take in hyphens ("Point-in-Time
    Recovery" spells PR), so any piece of a hyphenated run pairs with a later piece of it
    and with the first piece of the next run, or of the one after a small skipped word;
    runs across punctuation count as neighbours too.

    Asked of every part of a document (~24 ms for an 11,900-word document, ~100 ms for a
    50,000-word file, word by word in Python): now the neighbouring runs' first initials are
    paired in C, over one string of them, and only hyphenated runs and the runs around a
    skipped word are read one by one (~5 times faster; :func:`_initial_pairs_by_run`, the
    reference, answers a text whose initials do not lower-case one by one)."""
    runs = _COMPOUND.findall(text)
    firsts = "".join([w[0] for w in runs])
    low = firsts.lower()
    # every run then keeps its first piece, and the initials lower-case one by one (no
    # final sigma, no letter that lower-cases to two)
    if not firsts.isalpha() or len(low) != len(firsts) or "\u03a3" in firsts:
        return _initial_pairs_by_run(text)
    pairs = set(map(operator.add, low, low[1:]))
    n = len(runs)
    heads: dict[int, list[str]] = {}  #: the initials of each run of more than one piece
    skips = list(itertools.compress(itertools.count(), map(_SKIPPED_FORMS.__contains__, runs)))
    if "-" in text:
        for k in itertools.compress(
            itertools.count(), map(operator.contains, runs, itertools.repeat("-"))
        ):
            pieces = [w for w in runs[k].split("-") if w[:1].isalpha()]
            if len(pieces) > 1:
                heads[k] = [w[0].lower() for w in pieces]
            elif pieces[0].lower() in _SKIPPED:
                skips.append(k)  # "of-2": one piece, a skipped word
    for k, hs in heads.items():
        pairs.update(a + b for i, a in enumerate(hs) for b in hs[i + 1 :])
        if k + 1 < n:
            pairs.update(a + low[k + 1] for a in hs)
    for s in skips:
        if 0 < s < n - 1:
            pairs.update(a + low[s + 1] for a in heads.get(s - 1, (low[s - 1],)))
    return frozenset(pairs)


#: every spelling of a skipped word as a whole run ("of", "Of", "OF", ...): no character
#: outside ASCII lower-cases to one of their letters
_SKIPPED_FORMS = frozenset(
    "".join(c.upper() if bit == "1" else c for c, bit in zip(w, f"{m:0{len(w)}b}", strict=True))
    for w in _SKIPPED
    for m in range(2 ** len(w))
)


def _initial_pairs_by_run(text: str) -> frozenset[str]:
    """:func:`initial_pairs` run by run: the reference it must equal (tests), and its answer
    for a text whose initials do not lower-case one by one."""
    runs = [[w for w in run.split("-") if w[:1].isalpha()] for run in _COMPOUND.findall(text)]
    runs = [r for r in runs if r]
    pairs: set[str] = set()
    for k, run in enumerate(runs):
        heads = [w[0].lower() for w in run]
        for i, a in enumerate(heads):
            pairs.update(a + b for b in heads[i + 1 :])
        nexts = runs[k + 1 : k + 2]
        if len(runs) > k + 2 and len(runs[k + 1]) == 1 and runs[k + 1][0].lower() in _SKIPPED:
            nexts.append(runs[k + 2])
        for nxt in nexts:
            pairs.update(a + nxt[0][0].lower() for a in heads)
    return frozenset(pairs)
