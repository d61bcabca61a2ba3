"""Hostile Markdown from a seeded random source: one grammar for the suite and the fuzz bench.

The property tests draw documents through hypothesis (``st.randoms`` feeds this generator, so
a failure is shrunk and replayed like any other example); ``bench/fuzz.py`` calls it with a
plain ``random.Random(seed)`` hundreds of thousands of times, which hypothesis's own
strategies are too slow for. Either way a document is a pure function of the random source.

What a careful tester throws at a postmortem linter: every block type (ATX and setext
headings, lists with checkboxes, nesting and lazy lines, tables with ragged rows, fences with
and without a close, indented code, nested quotes, HTML blocks and comments, link reference
definitions, thematic breaks, metadata lines, timelines), constructs left open (fences,
comments, ``<script>``, emphasis, code spans, links), suppression comments (valid, stale,
for unknown codes), front matter (good, broken, never closed), a BOM first or in the middle,
LF/CRLF/CR mixed line by line, text that is not prose at all (control characters other than
NUL, replacement characters, line and paragraph separators, NEL), and words in many scripts:
emoji and ZWJ sequences, CJK, right-to-left text with bidi overrides, stacked combining
marks. All of it is written for these tests.
"""

from __future__ import annotations

import random
from collections.abc import Callable

WORDS = [
    "the",
    "deploy",
    "failed",
    "users",
    "Kim",
    "many",
    "TODO",
    "Impact",
    "Summary",
    "SEV2",
    "2025-03-14",
    "10:04",
    "UTC",
    "47",
    "minutes",
    "should",
    "human",
    "error",
    "improve",
    "monitoring",
    "owner:",
    "@ana",
    "|",
    "\\",
    "*",
    "_",
    "**",
    "#",
    ">",
    "-",
    "1.",
    "[x]",
    "[",
    "](",
    "![",
    "<",
    "</",
    "&amp;",
    "&#0;",
    "---",
    "```",
    "`",
    "~~~",
    "<!--",
    "-->",
    "http://",
    "[^1]",
    "Timeline",
    "障害",
    "𝒳",
    "have",
]

#: words from other scripts and the corners of Unicode
EXOTIC = [
    "🔥",
    "👩‍💻",
    "👨‍👩‍👧",
    "🏳️‍🌈",
    "🇯🇵",
    "東京",
    "障害が発生した",
    "데이터베이스",
    "a\tb",
    "\u00e9",
    "e\u0301",  # e + combining acute
    "z̶̛̤̈́a̷̱͝l̴̰̏g̸͈̈o̵̺͐",
    "𝒳𝔂",
    "مرحبا بالعالم",
    "שלום",
    "\u202eevil\u202c",
    "\u200fRTL\u200e",
    "\u2066iso\u2069",
    "zero\u200bwidth",
    "soft\u00adhyphen",
    "nb\u00a0sp",
    "\ufffd",
    "\ufeff",
    "x\u0301\u0302\u0303\u0304",
    "ｆｕｌｌ",
]

#: text that is not prose: control characters (never NUL: a NUL makes the file binary, and
#: skipped), separators Python counts as line breaks but Markdown does not
BINARYISH = [
    "\x01",
    "\x02\x03",
    "\x07",
    "\x08",
    "\x0b",
    "\x0c",
    "\x1b[31m",
    "\x1b]8;;x\x07",
    "\x1f",
    "\x7f",
    "\x85",
    "\u2028",
    "\u2029",
    "\x9b",
    "\U0010ffff",
    "\ue000",
]

SENTENCES = [
    "Kim forgot to renew the certificate.",
    "The on-call engineer should have rolled back sooner.",
    "Many users saw errors for a while.",
    "Improve monitoring.",
    "Be more careful with deploys.",
    "It was human error.",
    "At 10:04 UTC the alert fired, and at 09:58 the deploy started.",
    "The outage lasted 47 minutes.",
    "In hindsight the risk was obvious!!!",
    "Add a disk alert at 80% (OPS-12, @ana, due 2025-04-01, P2).",
    "The health check failed because the cache node ran out of memory.",
    "Someone pushed a bad config and nobody caught it.",
    "We will look into better alerting going forward.",
    "Roughly half of the checkout requests timed out between 14:02 and 14:40 UTC.",
    "The SRE team didn't notice the dashboard for an hour.",
    "Investigate the issue.",
    "Because the replica that the nightly export job was pinned to had been drained for "
    "maintenance earlier that week without anyone updating the job's configuration, the "
    "export kept retrying against a host that no longer accepted connections until its "
    "queue filled the disk.",
]

FIELDS = ["Date", "Status", "Severity", "Authors", "Duration", "Owner", "Sev", "State", "Incident"]
VALUES = [
    "2025-03-14",
    "Draft",
    "SEV2",
    "@ana",
    "47 minutes",
    "TODO",
    "done-ish",
    "",
    "東京 🔥",
    "2025-02-30",
    "99:99",
]
HEADINGS = [
    "Summary",
    "Impact",
    "Timeline",
    "Root Cause",
    "Contributing Factors",
    "Detection",
    "Response",
    "Action Items",
    "Lessons Learned",
    "TL;DR",
    "5 Whys",
    "What went well",
    "Appendix",
    "影響 🔥",
    "Impact <!-- x -->",
    "Timeline `code`",
    "",
    "Overview",
]
DIRECTIVES = [
    "pm-lint-disable PM2",
    "pm-lint-enable PM2",
    "pm-lint-disable-next-line PM202",
    "pm-lint-disable-next-line PM001",
    "pm-lint-disable-next-line PM101, PM104",
    "pm-lint-disable-file PM203",
    "pm-lint-disable-file PM001",
    "pm-lint-disable",
    "pm-lint-enable",
    "pm-lint-disable-next-line bogus",
    "pm-lint-disable PM9",
    "pm-lint-disable-next-line",
    "pm-lint-disable-next-line PM5 PM6",
    "pm-lint-enable PM101",
]
FRONT_MATTER = [
    "---\ntitle: T\nstatus: Draft\n---\n",
    "---\nseverity: [unclosed\n---\n",
    "---\n- a list\n---\n",
    "---\nno end\n",
    "---\ndate: 2025-03-14\n...\n",
    "---\ndate: 2025-02-30\nn: 1e999999\n---\n",
    "+++\ntitle = 'toml'\n+++\n",
    '+++\ndate = 2025-03-14T10:00:00Z\n[taxonomies]\nauthor = ["Ana", "Kim"]\n+++\n',
    '+++\ntitle = "unclosed\nseverity = 2\n+++\n',
    "+++\nstatus = 'Draft'\n---\n",
    "---\n---\n",
    "---\n: : :\n\t- x\n---\n",
]
METADATA = ["Date", "Authors", "Status", "Severity", "Duration"]
SECTIONS = [
    "Executive Summary",
    "Impact",
    "Timeline",
    "Root Cause Analysis",
    "Detection",
    "Action Items",
    "Lessons Learned",
]
TIMES = ["09:58", "10:04 UTC", "23:55", "00:10", "2025-03-14 10:00 UTC", "10:04 PM", "25:61"]


class Hostile:
    """One document's worth of random choices (``rng`` is any :class:`random.Random`)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def pick(self, items: list[str]) -> str:
        return items[self.rng.randrange(len(items))]

    def word(self) -> str:
        roll = self.rng.random()
        if roll < 0.70:
            return self.pick(WORDS)
        if roll < 0.93:
            return self.pick(EXOTIC)
        return self.pick(BINARYISH)

    def inline(self, most: int = 8) -> str:
        out: list[str] = []
        for _ in range(self.rng.randint(1, most)):
            w = self.word()
            style = self.rng.randrange(14)
            wrap: dict[int, Callable[[str], str]] = {
                1: lambda p: f"**{p}**",
                2: lambda p: f"*{p}*",
                3: lambda p: f"`{p}`",
                4: lambda p: f"[{p}](https://example.com/{self.pick(['a', 'b_(c)', '東', '<x'])})",
                5: lambda p: f"<!-- {p} -->",
                6: lambda p: f"https://example.org/{p}",
                7: lambda p: f"~~{p}~~",
                8: lambda p: f"![{p}](img.png)",
                9: lambda p: f"**{p}",  # never closed
                10: lambda p: f"`{p}",
                11: lambda p: f"[{p}][ref]",
            }
            out.append(wrap[style](w) if style in wrap else w)
        return " ".join(out)

    def prose(self, least: int = 1, most: int = 3) -> str:
        n = self.rng.randint(least, most)
        return " ".join(
            self.pick(SENTENCES) if self.rng.random() < 0.7 else self.inline() for _ in range(n)
        )

    def block(self) -> str:
        kind = self.rng.randrange(22)
        return _BLOCKS[kind](self) if kind < len(_BLOCKS) else self.prose()

    def document(self) -> str:
        rng = self.rng
        if rng.random() < 0.5:
            blocks = self._scaffolded()
        else:
            blocks = [self.block() for _ in range(rng.randint(0, 8))]
            if rng.random() < 0.5:  # most postmortems start with a title
                blocks.insert(0, "# " + self.inline(4))
        sep = self.pick(["\n\n", "\n", "\n\n\n", "\n \n"])
        text = sep.join(blocks)
        if rng.random() < 0.3:
            text = self.pick(FRONT_MATTER) + text
        text += self.pick(["", "\n", "\n\n", " ", "\n```\nnever closed", "\n<!-- open", "\\"])
        text = self._line_breaks(text)
        roll = rng.random()
        if roll < 0.15:
            text = "\ufeff" + text
        elif roll < 0.18:
            at = rng.randint(0, len(text))
            text = text[:at] + "\ufeff" + text[at:]
        return text

    def _scaffolded(self) -> list[str]:
        """A postmortem with most of its metadata and sections, hostile blocks inside them
        (and now and then a part missing or a section out of place)."""
        rng = self.rng
        blocks = ["# " + self.inline(4)]
        blocks += [f"**{k}**: {self.pick(VALUES)}" for k in METADATA if rng.random() < 0.85]
        for title in SECTIONS:
            if rng.random() < 0.1:
                continue
            blocks.append(f"{self.pick(['##', '##', '##', '###', '#'])} {title}")
            blocks += [self.block() for _ in range(rng.randint(0, 2))]
        return blocks

    def _line_breaks(self, text: str) -> str:
        rng = self.rng
        style = rng.random()
        if style < 0.55:
            return text
        if style < 0.75:
            return text.replace("\n", "\r\n")
        if style < 0.85:
            return text.replace("\n", "\r")
        lines = text.split("\n")  # mixed, line by line
        out = [lines[0]]
        for line in lines[1:]:
            out.append(self.pick(["\n", "\r\n", "\r"]) + line)
        return "".join(out)


def _atx(h: Hostile) -> str:
    title = h.pick(HEADINGS) if h.rng.random() < 0.6 else h.inline(4)
    closing = h.pick(["", "", " ##", " #"])
    return f"{'#' * h.rng.randint(1, 7)} {title}{closing}"


def _setext(h: Hostile) -> str:
    title = h.pick(HEADINGS) or h.inline(3)
    return f"{title}\n{h.pick(['===', '---', '=', '- - -'])}"


def _list(h: Hostile) -> str:
    marker = h.pick(["-", "*", "+", "1.", "2)", "- [ ]", "- [x]", "* [X]"])
    lines = []
    for n in range(h.rng.randint(1, 5)):
        indent = " " * h.rng.choice([0, 2, 3, 4, 6]) if n else ""
        item = h.prose(1, 1) if h.rng.random() < 0.5 else h.inline()
        lines.append(f"{indent}{marker} {item}")
        if h.rng.random() < 0.15:
            lines.append(h.inline(3))  # a lazy continuation line
    return "\n".join(lines)


def _table(h: Hostile) -> str:
    cols = h.rng.randint(1, 4)
    header = "| " + " | ".join(h.word() for _ in range(cols)) + " |"
    sep = "|" + "|".join(h.pick(["---", ":--", "--:", ":-:"]) for _ in range(cols)) + "|"
    rows = []
    for _ in range(h.rng.randint(0, 3)):
        n = max(1, cols + h.rng.randint(-1, 1))  # ragged rows
        cells = [h.pick(TIMES) + " " + h.prose(1, 1) if h.rng.random() < 0.3 else h.inline(3)]
        cells += [h.inline(3) for _ in range(n - 1)]
        rows.append("| " + " | ".join(cells) + h.pick([" |", ""]))
    return "\n".join([header, sep, *rows])


def _fence(h: Hostile) -> str:
    fence = h.pick(["```", "~~~", "````", "  ```"])
    body = [h.inline() for _ in range(h.rng.randint(0, 3))]
    closed = h.rng.random() < 0.7
    info = h.pick(["", "text", "yaml", "mermaid", "`bad"])
    return "\n".join([fence + info, *body, *([fence.strip()] if closed else [])])


def _quote(h: Hostile) -> str:
    depth = h.pick([">", "> >", ">>"])
    tail = h.pick(["", "\n> more", "\n>\n> - item", "\nlazy line", "\n> ## Impact"])
    return f"{depth} {h.prose(1, 2)}{tail}"


def _comment(h: Hostile) -> str:
    roll = h.rng.random()
    if roll < 0.6:
        return f"<!-- {h.pick(DIRECTIVES)} -->"
    if roll < 0.8:
        return f"<!-- {h.pick(DIRECTIVES)}\n{h.inline(3)} -->"
    if roll < 0.9:
        return f"<!-- {h.inline(3)}"  # never closed
    return f"<!-- {h.pick(DIRECTIVES)} --> {h.prose(1, 1)}"


def _meta(h: Hostile) -> str:
    style = h.pick(["**{k}**: {v}", "**{k}:** {v}", "{k}: {v}", "- **{k}**: {v}", "| {k} | {v} |"])
    return style.format(k=h.pick(FIELDS), v=h.pick(VALUES))


def _html(h: Hostile) -> str:
    return h.pick(
        [
            f"<details>\n{h.inline()}\n</details>",
            f"<script>\n{h.inline()}",
            f"<div>\n\n{h.prose(1, 1)}\n\n</div>",
            "<br/>",
            f"<pre>\n{h.inline()}\n",
        ]
    )


def _section(h: Hostile) -> str:
    heading = h.pick(["Timeline", "Action Items", "Impact", "Root Cause", "Summary"])
    items = []
    for _ in range(h.rng.randint(1, 5)):
        item = h.pick(SENTENCES)
        items.append(f"- {h.pick(TIMES)} {item}" if heading == "Timeline" else f"- {item}")
    return f"{h.pick(['##', '###'])} {heading}\n\n" + "\n".join(items)


_BLOCKS: list[Callable[[Hostile], str]] = [
    _atx,
    _atx,
    _setext,
    _list,
    _list,
    _table,
    _fence,
    lambda h: "    " + h.inline(),
    _quote,
    _comment,
    _comment,
    _meta,
    _meta,
    _html,
    lambda h: f"[ref]: https://example.net/{h.pick(['x', '東京', ' '])}",
    lambda h: h.pick(["", " ", "\t", "***", "- ", ">", "___", "* * *", "1.", "|"]),
    lambda h: h.inline(),
    _section,
    _section,
    lambda h: h.prose(4, 12),
]


def hostile_document(rng: random.Random) -> str:
    """One hostile Markdown document (module doc), a pure function of ``rng``'s state."""
    return Hostile(rng).document()


def document_for_seed(seed: int) -> str:
    """The document ``bench/fuzz.py`` generates as number ``seed`` (to replay a failure)."""
    return hostile_document(random.Random(seed))


# -- the fix-safety check from outside (the corpus test and bench/fuzz.py) -------------


def kept_outside_edits(old: str, new: str) -> bool:
    """Every line of ``old`` is in ``new`` in order, except lines the fixes rewrote: at most
    as many as ``new`` has lines that ``old`` does not (a fix that deletes text, such as the
    redundant AM/PM marker, rewrites the line it is on)."""
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    pos = missing = 0
    for line in old_lines:
        found = next((i for i in range(pos, len(new_lines)) if new_lines[i] == line), None)
        if found is None:
            missing += 1
        else:
            pos = found + 1
    return missing <= len(new_lines) - (len(old_lines) - missing)
