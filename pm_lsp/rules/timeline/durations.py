"""The incident's duration as the document states it, for PM503.

Three places state it, read in this order: a Duration-type metadata field ("Duration: 47
minutes", "Time to resolve: 2h"), a labelled total on a line of the body ("Total portal
downtime: 47 minutes", "Outage duration - 3 hours"), and a sentence of the prose ("Card
payments failed for about three hours", "The outage lasted roughly 90 minutes", "a six-hour
outage").

Prose states durations of many things, so a sentence counts only when it clearly gives the
incident's own length: in the Summary, a sentence that names the outage (the pack's
``[duration] context`` words) with the duration after "for", "lasted", "over"...; in the
Impact section, where sub-periods are common ("for about 40 minutes some pages were slow"),
only the forms that name the incident itself ("the outage lasted two hours", "a 47-minute
outage", "90 minutes of downtime"). A duration right after a step's name ("the rollback took
20 minutes", "the failover ran for 5 minutes") or before a noun it measures ("a 30-day
baseline") is no statement of the incident's length. Writers also close the timeline with the
total ("The outage lasted about 50 minutes.") or give it in Root cause or Response, so every
other section is read too, but only a sentence whose subject is the incident as a whole, at the
start of a clause and linked straight to the duration ("in total, the disruption ran for five
hours", "the exposure window was 6 hours long"): never another incident, a part of this one,
a phase ("detection of the incident took 12 minutes", "lasted 9 minutes before anyone was
paged") or a hypothetical.

A stated value also tells how exact it is: "about two hours" and "six hours" are estimates
and rounded values, so they get a wider tolerance than "1 hour and 47 minutes"; "more than
two hours" and "under an hour" are bounds, contradicted only from one side.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from pm_lsp.model.document import MetaField, PostmortemDoc
from pm_lsp.nlp.sentences import sentence_spans
from pm_lsp.parse.values import parse_duration
from pm_lsp.policy.rulepack import RulePack
from pm_lsp.rules.timeline.model import FAMILY, words

_UNIT = r"(?:wks?|weeks?|d|days?|h|hrs?|hours?|m|mins?|minutes?)"


class Stated(NamedTuple):
    """A stated duration: its value, where it is written, and how exactly it was said."""

    duration: dt.timedelta
    start: int
    end: int
    text: str
    #: a "Time to resolve" field: measured to the resolution only
    to_resolution: bool
    #: "" (exact), "hedged" ("about 40 minutes") or "round" (whole hours: "two hours")
    loose: str = ""
    #: "" or "at-least" ("more than two hours") or "at-most" ("under an hour")
    bound: str = ""
    #: the clock range written beside the figure ("(14:02-15:45 UTC)") and its length: the
    #: figure is measured against it instead of the timeline (:func:`own_range`)
    own: dt.timedelta | None = None
    own_text: str = ""
    #: the range's two clock times as minutes of the day, and the zone written on it (""
    #: when none): where the range starts and ends on the timeline's clock
    own_from: int | None = None
    own_to: int | None = None
    own_zone: str = ""


def _alt(items: list[str]) -> str:
    """A regex alternation of pack words, longest first, a space matching any white space.
    Words of one length are in text order: the pattern's text is the same in every
    process (its compiled form is kept by text, :mod:`pm_lsp.regex_cache`)."""
    ordered = sorted({i.lower() for i in items if i}, key=lambda i: (-len(i), i))
    return "|".join(re.escape(i).replace(r"\ ", r"\s+") for i in ordered) or "(?!)"


class DurationWords:
    """The ``[duration]`` table of ``rules/timeline.toml``, compiled once per pack."""

    def __init__(self, pack: RulePack) -> None:
        raw = pack.family(FAMILY).get("duration", {})
        dur: Mapping[str, Any] = raw if isinstance(raw, Mapping) else {}

        def ws(key: str) -> list[str]:
            value = dur.get(key, [])
            return [str(v) for v in value] if isinstance(value, list) else []

        nums = dur.get("numbers", {})
        self.numbers: dict[str, float] = (
            {str(k).lower(): float(v) for k, v in nums.items()} if isinstance(nums, Mapping) else {}
        )
        self.hedges = re.compile(rf"(?i)^(?:{_alt(ws('hedges'))})$")
        self.at_least = re.compile(rf"(?i)^(?:{_alt(ws('at-least'))})$")
        self.at_most = re.compile(rf"(?i)^(?:{_alt(ws('at-most'))})$")
        qual = _alt(ws("hedges") + ws("at-least") + ws("at-most"))
        # a number word ends where its word does: "and" is no "an" before a "d"
        num = rf"(?:\d+(?:[.,]\d+)?|(?:{_alt(list(self.numbers))})(?!\w))"
        half = r"(?:\s+and\s+a\s+half)?"
        one = rf"{num}{half}[\s-]*{_UNIT}{half}"
        dur_re = rf"(?:half\s+an\s+hour|{one}(?:[\s,]*(?:and\s+)?{num}[\s-]*{_UNIT})*)"
        q = rf"(?:(?P<q>{qual})\s+|~\s*)?"
        self.lead = re.compile(
            rf"(?i)(?:\b(?P<lead>{_alt(ws('leads'))})\s+)?(?<![\w.,-])(?:(?P<q0>{qual})\s+)?{q}"
            rf"(?P<d>{dur_re})(?![\w-])"
        )
        nouns = _alt(ws("incident-nouns"))
        #: "a 47-minute outage", "a roughly six-hour partial outage"
        self.adjective = re.compile(
            rf"(?i)(?<![\w-]){q}(?P<d>{num}-(?:minute|hour|day|week))s?\s+"
            rf"(?:[\w-]+\s+){{0,2}}?(?:{nouns})\b"
        )
        #: "90 minutes of downtime", "the outage lasted", "lasting outage" around a match
        self.of_incident = re.compile(rf"(?i)\s+of\s+(?:(?:the|an?)\s+)?(?:{nouns})\b")
        self.incident_before = re.compile(rf"(?i)\b(?:{nouns})\b(?:\s+[\w-]+){{0,3}}\s*$")
        self.step_before = re.compile(
            rf"(?i)\b(?:{_alt(ws('other-steps'))})\b(?:[\s,]+[\w-]+){{0,3}}[\s,]*$"
        )
        self.whole_leads = {w.lower() for w in ws("whole-leads")}
        self.sections = set(ws("sections")) or {"summary"}
        self.total_sections = set(ws("total-sections"))
        self.total_after = re.compile(rf"(?i)\s*(?:{_alt(ws('total-after'))})\b")
        self.skip_sections = set(ws("skip-sections"))
        self._whole_subject(ws, q, dur_re)
        self._labels(ws, q, dur_re)
        self._own_ranges(ws)
        self.part_scope = re.compile(rf"(?i)\b(?:{_alt(ws('part-scopes'))})\b")
        self.whole_scope = re.compile(
            rf"(?i)\b(?:{_alt(ws('whole-scopes'))})\s+(?:[\w-]+\s+){{0,2}}$"
        )
        self.tolerances: dict[str, tuple[float, float]] = {}
        for loose in ("hedged", "round", "own-range"):
            t = dur.get(f"{loose}-tolerance", {})
            if isinstance(t, Mapping):
                self.tolerances[loose] = (float(t.get("minutes", 0)), float(t.get("percent", 0)))

    def _whole_subject(self, ws: Callable[[str], list[str]], q: str, dur_re: str) -> None:
        """The reading of any section's sentence whose subject is the incident as a whole,
        at the start of a clause and linked straight to the duration ("In total, the
        outage lasted about three hours", "the abuse window was roughly 90 minutes")."""
        anchor = r"(?:^|(?<=[,;:(\u2013\u2014])|\b(?:and|but|so|that|then|total|all)\b)\s*"
        stops = _alt(ws("not-this-incident") + ws("subject-stops") + ["the", "this", "our"])
        mods = rf"(?:(?!(?:{stops})\b)[\w-]+\s+){{0,2}}?"
        kinds, windows = _alt(ws("window-kinds")), _alt(ws("window-nouns"))
        head = rf"(?:{_alt(ws('whole-subjects'))}|(?:{kinds})\s+(?:{windows}))"
        fill = rf"(?:(?:{_alt(ws('subject-fillers'))})\s+)?"
        # a general word for the incident is the whole only bare ("the issue persisted for
        # 36 hours"; "the cache issue" or "the issue with the cache" is a part of it)
        bare = rf"(?:the|this)\s+(?:{_alt(ws('bare-whole-subjects'))})"
        self.subject = re.compile(
            rf"(?i){anchor}(?:(?:(?:the|this|our|its)\s+)?{mods}{head}|{bare})\s+{fill}"
            rf"(?P<link>{_alt(ws('subject-links'))})\s+{fill}{q}(?P<d>{dur_re})(?![\w-])"
        )
        nouns = _alt(ws("whole-subjects") + ws("window-nouns") + ws("bare-whole-subjects"))
        self.subject_words = re.compile(rf"(?i)\b(?:{nouns})\b")
        self.not_sentence = re.compile(rf"(?i)\b(?:{_alt(ws('not-this-sentence'))})\b")
        self.not_after = re.compile(rf"(?i)\s*(?:{_alt(ws('not-after'))})\b")
        self.bare_links = {" ".join(x.lower().split()) for x in ws("bare-links")}
        self.closing = re.compile(
            rf"(?i)\s*(?:$|[.;:,!?)\u2013\u2014]|(?:{_alt(ws('closing'))})\b)"
        )

    def _labels(self, ws: Callable[[str], list[str]], q: str, dur_re: str) -> None:
        """The reading of a labelled total on a line of its own ("Total portal downtime: 47
        minutes", "Outage duration - 3 hours", "Time to resolve: 2h 10m") or as a sentence
        of a paragraph ("Loop B carried nothing. Total outage: 95 minutes."); see the
        pack's ``label-*`` words."""
        stops = _alt(ws("not-this-incident") + ws("subject-stops"))
        mods = rf"(?:(?!(?:{stops})\b)[\w-]+\s+){{0,2}}?"
        kinds, windows = _alt(ws("window-kinds")), _alt(ws("window-nouns"))
        subject = rf"(?:{_alt(ws('whole-subjects'))}|(?:{kinds})\s+(?:{windows}))"
        span = r"(?:\s+from\s+(?P<start>[^:=\n]{1,80}?)\s+(?:to|until|till)\s+[^:=\n]{1,80}?)?"
        label = (
            rf"(?P<tot>(?:{_alt(ws('label-totals'))})\s+)?(?:"
            rf"{mods}{subject}(?:\s+(?:{_alt(ws('label-heads'))}))?"
            rf"|(?P<res>{_alt(ws('label-to-resolution'))})|(?P<alone>{_alt(ws('label-alone'))})"
            rf"|(?P<time>{_alt(ws('label-times'))}))"
        )
        # on a line of its own, or opening a sentence that closes a paragraph's others
        # ("... Several stores were hit. Total outage: 95 minutes.")
        self.label = re.compile(
            rf"(?im)(?:^|(?<=[.!?])[ \t]+)[\s*_>-]*{label}{span}"
            rf"(?:\s*[:=\u2013\u2014]\s*|\s+-\s+){q}(?P<d>{dur_re})(?![\w-])"
        )
        self.phase_start = re.compile(rf"(?i)\b(?:{_alt(ws('phase-starts'))})\b")
        self.total_word = re.compile(rf"(?i)\b(?:{_alt(ws('label-totals'))})\b")
        self.second_period = re.compile(rf"(?i)\b(?:{_alt(ws('second-period'))})\b")

    def _own_ranges(self, ws: Callable[[str], list[str]]) -> None:
        """The reading of a clock range written beside a stated figure, after it ("52
        minutes of failed logins (08:14-09:06 UTC)") or before it ("from 13:20 to 15:05,
        an hour and 45 minutes"); see the pack's ``range-*`` words."""
        clock = r"(?P<{0}>\d{{1,2}})[:.](?P<{0}m>\d{{2}})(?::\d{{2}})?(?:\s*(?P<{0}s>[ap])\.?m\.?)?"
        zone = r"(?-i:(?:\s+(?P<{0}z>[A-Z]{{2,5}}|UTC[+-]\d{{1,2}}(?::?\d{{2}})?))?)"
        opens = rf"(?:(?:{_alt(ws('range-opens'))})\s+)?"
        joins = rf"\s*(?:{_alt(ws('range-joins'))})\s*"
        a, b = clock.format("a") + zone.format("a"), clock.format("b") + zone.format("b")
        rng = rf"{opens}(?P<range>{a}{joins}{b})(?![\w:.]?\d)"
        self.range_after = re.compile(
            rf"(?i)(?:\s+of\s+(?:[\w'-]+\s+){{0,4}}?[\w'-]+)?[\s,;:]*[(\u2013\u2014-]?\s*{rng}"
        )
        gap = _alt(ws("leads") + ws("hedges"))
        self.range_before = re.compile(
            rf"(?i){rng}[\s,;:(\u2013\u2014-]*(?:(?:{gap})\s+)*(?:~\s*)?$"
        )
        # a second range listed with the first: the figure may be the windows' sum
        lists = rf"[\s,;&+]*(?:(?:{_alt(ws('range-lists'))})\s+)?"
        self.range_next = re.compile(rf"(?i){lists}{rng}")
        self.range_prev = re.compile(rf"(?i){rng}{lists}$")

    def value(self, text: str) -> dt.timedelta | None:
        """``text`` (a matched duration) as a timedelta: number words read as numbers,
        "half an hour" and "an hour and a half" as the halves they are."""
        low = " ".join(text.lower().replace("-", " ").split())
        if low == "half an hour":
            return dt.timedelta(minutes=30)
        # the half is set aside first: its "a" is no number ("a day and a half" is 36 hours)
        low = re.sub(r" and a half\b", " +half", low)
        low = re.sub(r"\b(\w+)\b", lambda m: _num(self.numbers, m.group(1)), low)
        low = re.sub(r"(\d+) \+half (\w+)", r"\1.5 \2", low)
        low = re.sub(r"(\d+) (\w+) \+half", r"\1.5 \2", low)
        return parse_duration(low)


def _num(numbers: dict[str, float], word: str) -> str:
    got = numbers.get(word)
    return word if got is None else f"{got:g}"


def duration_words(pack: RulePack) -> DurationWords:
    return pack.derived(DurationWords)


def stated_duration(doc: PostmortemDoc, pack: RulePack) -> Stated | None:
    """The duration the document states (:func:`_stated_duration`), with the clock range
    written beside its figure when there is one (:func:`own_range`)."""
    got = _stated_duration(doc, pack)
    return None if got is None else own_range(doc.text, duration_words(pack), got)


def own_range(text: str, w: DurationWords, st: Stated) -> Stated:
    """``st`` with the clock range its writer put beside the figure ("1 hour 5 minutes
    (09:40-10:45 UTC)", "from 13:20 to 15:05, an hour and 45 minutes"): the figure was
    read off that range, so it is checked against it, not against entries of the timeline
    it may not have been measured between. A range whose times are ambiguous (AM/PM on one
    of them only, and the end before the start) is none, and so are several ranges listed
    together: the figure may be their sum."""
    head = text.rfind("\n", 0, st.start) + 1
    tail = text.find("\n", st.end)
    line_end = len(text) if tail < 0 else tail
    m = w.range_after.match(text, st.end, line_end)
    if m is not None and w.range_next.match(text, m.end(), line_end):
        return st  # "60 minutes (10:00-10:40 and 11:00-11:20)": a sum of windows
    if m is None:
        m = w.range_before.search(text, head, st.start)
        if m is not None and w.range_prev.search(text, head, m.start()):
            return st
    if m is None:
        return st
    clocks = _range_clocks(m)
    if clocks is None:
        return st
    first, last = clocks
    zones = {z for z in (m.group("az"), m.group("bz")) if z}
    return st._replace(
        own=dt.timedelta(minutes=(last - first) % (24 * 60)),
        own_text=" ".join(m.group("range").split()),
        own_from=first,
        own_to=last,
        own_zone=zones.pop() if len(zones) == 1 else "",
    )


def _range_clocks(m: re.Match[str]) -> tuple[int, int] | None:
    """The two clock times of a matched range as minutes of the day (the end may be the
    smaller: the range runs across midnight), or None when they are no clock times or the
    AM/PM written on one of them leaves the other's half of the day to a guess that puts
    the end before the start."""
    sa, sb = (m.group(k) or "" for k in ("as", "bs"))
    if bool(sa) != bool(sb):
        sa = sb = sa or sb
        guessed = True
    else:
        guessed = False
    minutes = []
    for k, suffix in (("a", sa), ("b", sb)):
        hour, minute = int(m.group(k)), int(m.group(f"{k}m"))
        if minute > 59 or hour > (12 if suffix else 24):
            return None
        if suffix:
            hour = hour % 12 + (12 if suffix.lower() == "p" else 0)
        minutes.append(hour * 60 + minute)
    if minutes[1] < minutes[0] and guessed:
        return None
    return minutes[0], minutes[1]


def _stated_duration(doc: PostmortemDoc, pack: RulePack) -> Stated | None:
    """The duration the document states: a Duration-type metadata field (only when all such
    fields agree), else the one duration its Summary and Impact sentences give the incident
    (none when they give several different ones)."""
    fields: list[tuple[MetaField, dt.timedelta]] = []
    for f in doc.metadata:
        if f.canonical == "duration":
            d = parse_duration(f.value)
            if d is not None:
                fields.append((f, d))
    if fields:
        if len({d for _, d in fields}) > 1:
            return None  # several incidents or several clocks: ambiguous
        f, d = fields[0]
        value = f.value.strip()
        w = duration_words(pack)
        if not w.total_word.search(f.key) and _two_periods(w, _sentence_from(doc, f)):
            return None  # "Duration: 40 minutes of full outage, then 2 hours degraded"
        a, e, text = _figure_in(doc, f, w, d)
        return Stated(
            d, a, e, text, "resol" in f.key.lower(), _looseness(w, value, d)
        )  # fmt: skip
    labelled = _labelled(doc, duration_words(pack))
    if labelled:
        return labelled[0] if len({x.duration for x in labelled}) == 1 else None
    return _prose_duration(doc, pack)


def _labelled(doc: PostmortemDoc, w: DurationWords) -> list[Stated]:
    """The labelled totals of the document's body ("Total downtime: 47 minutes"): as plain
    a statement of the incident's length as the Duration field, so they come before prose.
    "Time to resolve" is measured to the resolution; a phase's label ("Time to detect",
    "Total time from detection to mitigation") is none of them."""
    out: list[Stated] = []
    for b in doc.blocks:
        if b.kind not in ("paragraph", "list_item"):
            continue
        if b.section is not None and any(p in w.skip_sections for p in b.section.canonical_path()):
            continue
        for m in w.label.finditer(b.text):
            if (m.group("alone") or m.group("time")) and not m.group("tot"):
                continue  # "Rollback duration", "Time: 14:05"
            if m.group("start") and w.phase_start.search(m.group("start")):
                continue  # "Total time from detection to mitigation"
            if _names_a_part(w, m.group(0)[: m.start("d") - m.start()]):
                continue  # "EU region downtime: 40 minutes"
            if w.not_after.match(b.text, m.end()) and not w.closing.match(b.text, m.end()):
                continue  # "Total downtime: 40 minutes of credit"
            if not m.group("tot") and _two_periods(w, _sentence_at(b.text, m.start("d"))):
                continue  # "Outage duration: 2h of failed uploads; refunds ran until Friday"
            found = _stated(w, m, b.text, b.start)
            out.extend(x._replace(to_resolution=bool(m.group("res"))) for x in found)
    return out


def _sentence_at(text: str, at: int) -> str:
    """``text`` from ``at`` to the end of its sentence (a list item's wrapped lines
    included), by the sentence spans every family reads (memoised per text)."""
    end = next((e for a, e in sentence_spans(text) if a <= at < e), len(text))
    return text[at:end]


def _sentence_from(doc: PostmortemDoc, f: MetaField) -> str:
    """A Duration field's value to the end of its sentence: a field in a list item or a
    paragraph ("- Duration: 2h of ...; customer effects ran until Friday") may go on past
    the line the field's value was read from."""
    at = f.value_span.start
    for b in doc.blocks:
        if b.start <= at < b.end and b.kind in ("paragraph", "list_item"):
            return _sentence_at(b.text, at - b.start)
    return f.value


def _figure_in(
    doc: PostmortemDoc, f: MetaField, w: DurationWords, d: dt.timedelta
) -> tuple[int, int, str]:
    """Where a Duration field's figure is written, and its text: the figure alone when the
    value goes on ("2 hours 10 minutes of failed payments (09:05 to 11:15)"), so the
    finding points at the duration, not at the words about what it measured."""
    a, e = f.value_span.start, f.value_span.end
    raw = doc.text[a:e]
    m = w.lead.search(raw)
    if m is None or w.value(m.group("d")) != d:
        return a, e, f.value.strip()
    return a + m.start("d"), a + m.end("d"), m.group("d")


def _two_periods(w: DurationWords, rest: str) -> bool:
    """Does ``rest`` (a stated duration to the end of its sentence) state a second period: a
    second, different figure, or a period told by its end ("refunds ran until Friday")?
    Then the first may be a part or a phase, not the whole incident's length."""
    figures = [m for m in w.lead.finditer(rest) if w.value(m.group("d")) is not None]
    if len({w.value(m.group("d")) for m in figures}) > 1:
        return True
    after = figures[0].end() if figures else 0
    return w.second_period.search(rest, after) is not None


def _looseness(w: DurationWords, qualifier: str, d: dt.timedelta) -> str:
    """How exactly a duration was said: "round" for whole hours ("two hours"), "hedged"
    for an estimate ("about 40 minutes"), "" for an exact figure."""
    if d >= dt.timedelta(hours=1) and d.total_seconds() % 3600 == 0:
        return "round"
    head = qualifier.strip().split(" ")[0] if qualifier else ""
    if head.startswith("~") or w.hedges.match(qualifier.strip()) or w.hedges.match(head):
        return "hedged"
    return ""


def _prose_duration(doc: PostmortemDoc, pack: RulePack) -> Stated | None:
    """The one duration the prose gives the incident: in the Summary and the Impact section
    as :func:`_in_sentence` reads them, and in any section (the line after the timeline's
    table, Root cause, Response...) a sentence whose subject is the whole incident
    (:func:`_whole_subject`); none when the document gives several different ones."""
    from pm_lsp.nlp.sentences import sentence_spans

    w = duration_words(pack)
    context = words(pack).duration_context
    found: list[Stated] = []
    for b in doc.blocks:
        if b.kind not in ("paragraph", "list_item"):
            continue
        path = b.section.canonical_path() if b.section is not None else []
        if any(p in w.skip_sections for p in path):
            continue
        role = next((p for p in path if p in w.sections), None)
        totals = role is None and any(p in w.total_sections for p in path)
        if role is None and not totals and not w.subject_words.search(b.text):
            continue
        for a, e in sentence_spans(b.text):
            sent = b.text[a:e]
            if _names_a_part(w, sent):
                continue  # "the EU region was down for 40 minutes"
            if (role is not None or totals) and context is not None and context.search(sent):
                got = _in_sentence(w, sent, b.start + a, role not in (None, "summary"))
                found.extend(_closing_totals(w, got, b.text, b.start) if totals else got)
            found.extend(_whole_subject(w, sent, b.start + a))
    if len({f.duration for f in found}) != 1:
        return None  # none, or several different durations
    return found[0]


def _closing_totals(w: DurationWords, got: list[Stated], text: str, base: int) -> list[Stated]:
    """The figures of a sentence in the timeline's own section that the writer marks as the
    total right after them ("the kiosks were out of service for a little over two hours
    all told"): the line that sums up the timeline above it. Any other figure there is a
    step's or a part's ("the card readers were down for ten minutes after the reboot")."""
    return [s for s in got if w.total_after.match(text, s.end - base)]


def _names_a_part(w: DurationWords, sent: str) -> bool:
    """Does ``sent`` name a part of the incident's footprint (a region, a cluster, a
    country: the pack's ``part-scopes``) that it does not say is all of them ("in every
    region")? A duration it states may then be that part's, shorter than the whole."""
    return any(not w.whole_scope.search(sent, 0, m.start()) for m in w.part_scope.finditer(sent))


def _whole_subject(w: DurationWords, sent: str, base: int) -> list[Stated]:
    """The durations ``sent`` gives with the whole incident as their subject; none in a
    hypothetical, a comparison with another incident or a rate (the pack's
    ``not-this-sentence``), nor when the duration is followed by a comparison or a phase
    ("lasted 40 minutes before anyone noticed")."""
    if w.not_sentence.search(sent):
        return []
    out: list[Stated] = []
    for m in w.subject.finditer(sent):
        if w.not_after.match(sent, m.end()) and not w.closing.match(sent, m.end()):
            continue
        link = " ".join(m.group("link").lower().split())
        if link in w.bare_links and not w.closing.match(sent, m.end()):
            continue  # "the outage was 40 minutes old when ..."
        out.extend(_stated(w, m, sent, base))
    return out


def _in_sentence(w: DurationWords, sent: str, base: int, whole_only: bool) -> list[Stated]:
    """The durations ``sent`` states for the whole incident (see the module's docstring)."""
    out: list[Stated] = []
    for m in w.lead.finditer(sent):
        before = sent[: m.start()]
        lead = (m.group("lead") or "").lower()
        of_incident = bool(w.of_incident.match(sent, m.end()))
        if (not lead and not of_incident) or w.step_before.search(before):
            continue  # a figure of something else; "the rollback took 20 minutes"
        whole = of_incident or (lead in w.whole_leads and bool(w.incident_before.search(before)))
        if whole_only and not whole:
            continue
        out.extend(_stated(w, m, sent, base))
    for m in w.adjective.finditer(sent):
        out.extend(_stated(w, m, sent, base))
    return out


def _stated(w: DurationWords, m: re.Match[str], sent: str, base: int) -> list[Stated]:
    d = w.value(m.group("d"))
    if d is None or d <= dt.timedelta(0):
        return []
    quals = [q for q in (m.groupdict().get("q0"), m.group("q")) if q]
    qual = " ".join(quals)
    if sent[m.start("d") - 1 : m.start("d")] == "~" or "~" in sent[m.start() : m.start("d")]:
        qual = qual or "~"
    bound = (
        "at-least"
        if any(w.at_least.match(q) for q in quals)
        else "at-most"
        if any(w.at_most.match(q) for q in quals)
        else ""
    )
    st = base + m.start("d")
    text = m.group("d")
    return [Stated(d, st, st + len(text), text, False, _looseness(w, qual, d), bound)]


def consistent(
    stated: Stated,
    measured: dt.timedelta,
    base: tuple[float, float],
    start_kind: str | None,
    w: DurationWords,
    ceiling: dt.timedelta | None = None,
) -> bool:
    """Does ``measured`` agree with ``stated``, within the tolerance (``base``: minutes and
    percent of the longer of the two), widened for an estimate or a rounded value, and from
    one side only for a bound?

    From the first detection, a longer stated duration is fine: impact may have begun
    before anyone noticed. But not before the change the timeline puts out ahead of that
    detection (``ceiling``: the span from that change to the same end), so a stated
    duration beyond it, tolerance included, contradicts the timeline too."""
    s = stated.duration
    tol = _tolerance(stated, max(s, measured), base, w)
    if stated.bound == "at-least" and measured >= s - tol:
        return True
    if stated.bound == "at-most" and measured <= s + tol:
        return True
    if abs(s - measured) <= tol:
        return True
    if start_kind != "detection" or s <= measured:
        return False
    if ceiling is None or stated.bound == "at-most":
        return True
    return s <= ceiling + _tolerance(stated, max(s, ceiling), base, w)


def _tolerance(
    stated: Stated, longer: dt.timedelta, base: tuple[float, float], w: DurationWords
) -> dt.timedelta:
    """The difference accepted between ``stated`` and a span, ``longer`` being the longer
    of the two: the rule's own (minutes, percent), widened for an estimate or a value in
    whole hours."""
    minutes, percent = base
    loose = w.tolerances.get(stated.loose)
    if loose is not None:
        minutes, percent = max(minutes, loose[0]), max(percent, loose[1])
    return max(dt.timedelta(minutes=minutes), longer * (percent / 100))
