"""Does a sentence state an amount? Read from its text alone, no parse.

An impact statement is quantified by a number, a share, a duration, a bounded window, an
explicit zero or a count in a domain unit, in the sentence or the one next to it. The
numbers a postmortem writes that quantify nothing are set aside first: a time of day or a
date is a point, not an amount ("at 13:24 UTC the site went down" says when, not how long
or how many), and so are versions, addresses, status codes ("504 timeouts"), issue numbers
and names that carry digits ("seed1", "ds8"). Two points, or one after "until", "since",
"from" or "between", make a window, which bounds the impact in time. Explicit zeros and
stated bounds ("no funds were lost", "X remained functional", "only chat was affected")
come from ``bounds`` and ``zero-statements`` in ``rules/impact.toml``.

Because it reads no parse, the same answer serves the sentence being judged and its
neighbours, and no named entity is ever needed for it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pm_lsp.nlp.patterns import Alternation
from pm_lsp.nlp.words import word_alternation

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ZONE = r"(?-i:(?:\s?(?:[A-Z]{2,5}|Z)\b)?)"
#: a time of day: 14:03, 14:03:22, 2.30 AM, 1am, 12.15 PM, 0308 UTC, 2309Z
_TIME = (
    r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?\b)?"
    + _ZONE
    + r"|\b\d{1,2}(?:\.\d{2})?\s?[ap]\.?m\.?(?![a-z])"
    + _ZONE
    + r"|\b[0-2]\d[0-5]\d\s?(?-i:UTC|GMT|Z|[A-Z]{1,3}T)\b"
)
#: a date: 2025-03-05, 8/12, 03-26, 12 May 2024, May 12th, 2024, 2nd September
_DATE = (
    rf"\b\d{{4}}-\d{{1,2}}-\d{{1,2}}\b|\b\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\b"
    # a dotted date is three numbers, never four: "10.20.30.40" is an address (a name)
    rf"|\b\d{{2}}-\d{{2}}(?:-\d{{2,4}})?\b|(?<![\d.])\d{{1,2}}\.\d{{1,2}}\.\d{{2,4}}(?!\.?\d)"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH}(?:,?\s+\d{{4}})?(?![a-z])"
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}}(?:st|nd|rd|th)?)?"
    rf"(?:,?\s+\d{{4}})?(?![\d:])"
    rf"|\b(?:19|20)\d{{2}}\b(?!\s*(?:%|[a-z]))"
)
#: digits that name rather than count: versions, addresses, issue numbers, ids with letters,
#: a rating's class ("a few 1-star reviews")
_NAMES = re.compile(
    r"\bv\d[\w.]*|\b\d+(?:\.\d+){2,}\b|#\d+\b|\b[A-Za-z]+[-_]?\d[\w-]*|\b\d+[xX]{2}\b"
    r"|\b\d(?:\.\d)?-stars?\b",
)
#: "one" that is a pronoun or a manner of speaking, not a count ("a new one", "one of the
#: most reliable", "one particular user"), and "third" in "a third party"
_NOT_A_COUNT = re.compile(
    r"(?i)\b(?:a|an|the|this|that|new|old|no|any|every|each|which|another) one\b"
    r"|\bone (?:particular|another|day|way)\b|\bone of the (?:most|best|worst|main|few)\b"
    r"|\bthird[- ]part(?:y|ies)\b"
)
#: a number and a unit of time, in digits or in words ("40 minutes", "seven days", "24h")
_DURATION = re.compile(
    r"(?i)(?:\b\d[\d.,]*\s?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|"
    r"twenty|thirty|forty|fifty|sixty|ninety|several|a few|many)\s+)(?:ms|s|secs?|seconds?|m|"
    r"mins?|minutes?|h|hrs?|hours?|d|days?|weeks?|months?|years?)\b"
)
#: the vague counts :data:`_DURATION` also reads ("several hours", "a few days")
_VAGUE_COUNT = re.compile(r"(?i)(?:several|a few|many)\s")
#: a share ("31%", "four fifths", "half of")
_SHARE = re.compile(r"(?i)%|\bpercent\b|\b(?:half|thirds?|quarters?|fifths?|tenths?)\b")
#: a paragraph's outline number ("2.3 Many merchants were affected", "4) Customers ..."):
#: where the text sits in the document, not an amount
_OUTLINE = re.compile(r"^\s*\d+(?:\.\d+)+\.?(?=\s+[A-Z])|^\s*\d+[.)](?=\s+[A-Z])")
#: an ASCII digit, searched before the slower test for any digit str.isdigit knows
_DIGIT = re.compile(r"[0-9]")
#: any decimal digit the regex engine knows: without one, no point, status code or name
#: pattern above can match
_ANY_DIGIT = re.compile(r"\d")
#: a word that may count what follows it
_COUNT = re.compile(r"(?i)\b(?:\d[\d.,]*\+?|[a-z]+)\b")
#: a dash between two points: "14:03-14:50", "July 9 – July 16"
_RANGE_DASH = re.compile(r"[-–—]\s*(?:~\s?)?$")
#: what joins a date and a time of the same moment
#: a time of day alone: a hyphen after one and before another is a range ("01:50-03:10"),
#: after a date it joins the date's time ("2024-05-03 - 14:02")
_TIME_OF_DAY = re.compile(rf"(?i)(?:{_TIME})")
_SAME_MOMENT = re.compile(
    r"(?i)[\s,]*(?:at|@|-|on)?[\s,]*(?:approximately|about|around|roughly|~)?\s*"
)


class Amounts:
    """The amount reader for one rule pack's words (see the module docstring)."""

    def __init__(
        self,
        *,
        number_words: Sequence[str],
        window_words: Sequence[str],
        recovery_words: Sequence[str] = (),
        status_words: Sequence[str],
        bounds: Sequence[str],
        digit_names: Sequence[str] = (),
    ) -> None:
        #: names that open with a digit ("2FA", "4G"): set aside like the other names
        self.digit_names = re.compile(
            rf"(?i)(?<![\w-])(?:{word_alternation(digit_names) or '(?!)'})(?![\w-])"
        )
        self.points = re.compile(rf"(?i){_TIME}|{_DATE}")
        self.window_before = re.compile(
            rf"(?i)(?<![\w-])(?:{word_alternation(window_words)})\s+(?:about\s+|around\s+|"
            r"approximately\s+|roughly\s+|~\s?)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?$"
        )
        #: an outage's end told with its time ("restored at 15:40", "came back by 3 May"):
        #: with a point earlier in the sentence, the two bound the outage
        self.recovered_before = re.compile(
            rf"(?i)(?<![\w-])(?:{word_alternation(recovery_words) or '(?!)'})\s+"
            r"(?:(?:at|by|on|around|about|shortly after|just after|just before)\s+)?"
            r"(?:(?:approximately|about|around|roughly|~)\s?)?$"
        )
        self.status = re.compile(
            rf"(?i)\b[1-5]\d\d(?:s|\b)(?=\s*(?:{word_alternation(status_words)})\b|s\b)"
            r"|\b(?:http|status|code)\s+[1-5]\d\d\b"
        )
        self.number_words = re.compile(
            # a compound in words counts too ("twenty-six", "forty-five")
            rf"(?i)(?<![\w-])(?:{word_alternation(number_words)})"
            rf"(?:-(?:{word_alternation(number_words)}))?(?![\w-])"
        )
        self.spelled_duration = re.compile(
            r"(?i)\b(?:an?|one|half an?|a full|a whole)\s+(?:minute|hour|day|week|month|"
            r"night|weekend|afternoon|morning|evening)\b|\b(?:overnight|all day|all night)\b"
        )
        self.bounds = Alternation(bounds)

    def states(self, text: str) -> bool:
        """Does ``text`` state an amount, a bounded window or an explicit zero or bound?"""
        text = " ".join(text.split())  # masked markup leaves runs of spaces
        if self.bounds.search(text):
            return True
        if _ANY_DIGIT.search(text) is None:
            return self._counts_in_words(text)
        return self._counts(text)

    def times(self, text: str) -> bool:
        """Does ``text`` state a duration or a bounded window ("for 40 minutes", "from 14:03
        to 14:50")? A count of something else ("1,130 jobs") does not time it."""
        text = " ".join(text.split())
        _rest, windowed = self._without_points(text)
        return windowed or bool(_DURATION.search(text) or self.spelled_duration.search(text))

    def measures_time(self, text: str) -> bool:
        """:meth:`times` with a figure: a window, or a duration whose number is given
        ("about 35 minutes", "twenty minutes"), not a vague one ("several hours")."""
        text = " ".join(text.split())
        _rest, windowed = self._without_points(text)
        return windowed or any(not _VAGUE_COUNT.match(m.group(0)) for m in _DURATION.finditer(text))

    def measures_grade(self, text: str) -> bool:
        """Does ``text`` measure a harm a grade word named ("severe slowdown"): a duration
        or window in figures (:meth:`measures_time`: "each tap took 8 to 40 seconds"), or a
        share ("30% of top-ups failed")? A count of people paged or a vague duration
        ("several hours") measures no grade."""
        return self.measures_time(text) or _SHARE.search(" ".join(text.split())) is not None

    def _counts(self, text: str) -> bool:
        """A window, or a number once points, status codes and names are set aside."""
        rest, windowed = self._without_points(_OUTLINE.sub(" ", text))
        if windowed:
            return True
        rest = self.status.sub(" ", rest)
        rest = _NOT_A_COUNT.sub(" ", rest)
        rest = self.digit_names.sub(" ", _NAMES.sub(" ", rest))
        if _DIGIT.search(rest) or (not rest.isascii() and any(c.isdigit() for c in rest)):
            return True  # a count, a share, a duration ("24h", "~50 users", "80%")
        return bool(self.number_words.search(rest) or self.spelled_duration.search(rest))

    def _counts_in_words(self, text: str) -> bool:
        """:meth:`_counts` for a text without a decimal digit: every point, status code
        and name pattern holds one, so there is nothing to set aside but "one"s that count
        nothing (most sentences, and the cheap path)."""
        rest = _NOT_A_COUNT.sub(" ", text)
        if not rest.isascii() and any(c.isdigit() for c in rest):
            return True  # a digit the regex engine's \d does not know ("²")
        return bool(self.number_words.search(rest) or self.spelled_duration.search(rest))

    def lends(self, text: str, units: re.Pattern[str]) -> bool:
        """Does ``text``, the sentence next to an impact statement, give the statement its
        extent: a window, a duration, a share, or a count of something ``units`` names
        ("Two users reported it", "It came back 40 minutes later")? A number that counts
        something else (a cause: "the queue had reached 100 entries") or an explicit zero
        about something else ("No funds were lost.") lends nothing."""
        text = " ".join(text.split())
        rest, windowed = self._without_points(_OUTLINE.sub(" ", text))
        if windowed:
            return True
        rest = _NOT_A_COUNT.sub(" ", _NAMES.sub(" ", self.status.sub(" ", rest)))
        rest = self.digit_names.sub(" ", rest)
        if _DURATION.search(rest) or self.spelled_duration.search(rest) or _SHARE.search(rest):
            return True
        return any(
            (m.group(0)[0].isdigit() or self.number_words.fullmatch(m.group(0)))
            and units.search(rest[m.end() : m.end() + 40]) is not None
            for m in _COUNT.finditer(rest)
        )

    def _without_points(self, text: str) -> tuple[str, bool]:
        """``text`` with its times of day and dates blanked, and whether they make a
        window: a point right after a window word ("until 12:33", "since 2022-04-21",
        "between 09:12 and 09:40") or a later point after a dash ("~8:00-11:00"). Two
        points alone are not one ("at 11:05, after the release on 8/12, ..."), unless the later
        one is when the outage ended ("down at 11:26 and restored at 15:40")."""
        points: list[tuple[int, int]] = []
        for m in self.points.finditer(text):
            gap = text[points[-1][1] : m.start()] if points else ""
            if (
                points
                and _SAME_MOMENT.fullmatch(gap)
                and not ("-" in gap and _TIME_OF_DAY.fullmatch(text[points[-1][0] : points[-1][1]]))
            ):
                points[-1] = (points[-1][0], m.end())  # "May 3, 2024 at 14:02": one point
            else:
                points.append(m.span())
        for n, (a, _e) in enumerate(points):
            before = text[max(0, a - 24) : a]
            if self.window_before.search(before) or (
                n
                and (
                    _RANGE_DASH.search(before)
                    or self.recovered_before.search(text[max(0, a - 48) : a])
                )
            ):
                return text, True
        out = text
        for a, e in reversed(points):
            out = out[:a] + " " * (e - a) + out[e:]
        return out, False
