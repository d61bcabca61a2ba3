"""An action item's owner written in its wording rather than as an ``Owner:`` field.

Writers who do not follow a template name the owner in the sentence: "Dana will add a
deploy check …", "Omar to add backoff …", "By March 20, Priya will split …", "(owner Sato
Ken, due 2026-12-11)", "Owner - Lee", "Assigned to Priya", a bare name among an item's
details "(Dana, 2026-03-20, SPR-212, P1)", or a name in square brackets, as trackers tag an
assignee ("Add a heartbeat alert [Dana Ito] — due …"). Each says who drives the item as
plainly as an ``Owner:`` field does, and PM302 saying "no owner" there is false. The extraction in
:mod:`pm_lsp.rules.actions.items` asks :meth:`OwnerWords.find` once the ``Key: value`` pairs
and @handles have been read.

What counts as a person is stated positively, never guessed from capital letters alone: a
listed given name (the shipped list the blame rules use) with the capitalised name parts
after it, an @handle, a name in a script other than Latin, or a team or role the pack
lists ("the payments team", "SRE", "the on-call engineer"). A team noun needs a name of its
own ("the payments team", "Platform team"): "the team" and "our team" are the writers, like
"we", and neither they nor "someone" owns anything. After an explicit owner cue ("owner",
"assigned to", "owned by") any capitalised name is read, since the cue says a name follows.
Nothing here needs spaCy: a regular scan of the item's text, like the other fields.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from pm_lsp.policy.names import given_names, is_given_name

_HANDLE = re.compile(r"@[A-Za-z0-9][\w.-]*[\w]|@[A-Za-z0-9]")
#: a capitalised word, hyphenated parts included ("Ji-ho", "O'Neil")
_CAPITAL = re.compile(r"[^\W\d_a-z][\w'\u2019-]*")
_WORD = re.compile(r"[\w'\u2019-]+")
#: a short lead-in before the subject ("By March 20, ", "If the check fails, ")
_LEAD_IN = re.compile(r"[^,.;:\n]{1,48},\s+")
_ITEM_START = re.compile(r"\s*(?:\[[ xX]\]\s*)?")
_GAP = re.compile(r"\s+")
#: the colon between an owner's name and the task ("Priya: rotate …")
_PREFIX_COLON = re.compile(r"[ \t]*:[ \t]+")
_AND = re.compile(r",?\s+(?:and|&)\s+")
_NEXT_PART = re.compile(r"(?: |[ \t]*\r?\n[ \t]*)(?=[^\W\d_a-z])")
#: the word after a link "to" ("Grace to write …")
_TO_NEXT = re.compile(r"(?i)to\s+([\w'-]+)")
#: a person written by initials: two or three capitals, alone ("MK", "JF")
_INITIALS = re.compile(r"[A-Z]{2,3}(?![\w-])")
#: a bracket that is no link's text: not after "!" or "]", not before "(", "[" or ":"
_BRACKET = re.compile(r"(?<![!\]\\])\[([^\[\]\n]{1,60})\](?![(\[:])")
#: what joins two owners inside one bracket ("[Dana & Omar]", "[Dana, Omar]")
_BRACKET_PAIR = re.compile(r"\s*(?:,|/|&|\band\b)\s*")
#: a passive after the link ("MFA to be enforced …"): the subject is the thing done, no owner
_PASSIVE_LINK = re.compile(r"(?i)(?:will|to|shall)\s+be\b")
#: a person's team in brackets after the name ("Ines (Billing) will …"): no digit, no
#: nested bracket, a few words at most
_TEAM_AFTER_NAME = re.compile(r"\s*\((?=[^\W\d_])[^()\[\]\d\n,;:]{1,32}\)")
#: the comma or semicolon that ends a field after an item's last dash
_FIELD_COMMA = re.compile(r"[,;]")
#: a person written by initials and a surname: "L. Brandt", "J.R. Okafor", "H. Vasquez-Ortiz"
_INITIALLED = re.compile(r"[A-Z]\.(?:[ ]?[A-Z]\.)?[ ]?[A-Z][a-z][\w'\u2019-]*")


def item_label_re(labels: Iterable[str]) -> re.Pattern[str] | None:
    """The label that opens a meeting's action item, with the owner in parentheses when it
    is written there: "AI (JF): add …", "ACTION: MK to …", "TODO(ana) - write …". The
    abbreviation "AI" counts only in capitals (it is also the field of study). Labels of
    one length are in text order, so the pattern's text is the same in every process."""
    alts = sorted({w.lower() for w in labels}, key=lambda w: (-len(w), w))
    if not alts:
        return None
    words = "|".join(
        "AI" if w == "ai" else "(?i:" + re.escape(w).replace(r"\ ", r"\s+") + ")" for w in alts
    )
    return re.compile(
        r"\s*(?:\[[ xX]\]\s*)?(?:\*\*|__)?(?:" + words + r")(?![\w-])"
        r"(?:\s*\((?P<who>[^()\n]{1,40})\))?(?:\*\*|__)?\s*[:\u2013\u2014-](?:\*\*|__)?\s*"
    )


class OwnerWords:
    """The pack's owner words (``[fields]`` of ``rules/actions.toml``), compiled once."""

    def __init__(
        self,
        fields: Mapping[str, object],
        products: Iterable[str] = (),
        acronyms: Iterable[str] = (),
    ) -> None:
        def ws(key: str) -> list[str]:
            value = fields.get(key, [])
            return [str(v).lower() for v in value] if isinstance(value, list) else []

        cues = sorted(ws("owner-cues"), key=len, reverse=True)
        self.cue = (
            re.compile(
                rf"(?i)(?<![\w@-])(?:{'|'.join(map(re.escape, cues))})"
                r"(?:\s*[-\u2013\u2014]\s*|\s+)(?=\S)"
            )
            if cues
            else None
        )
        self.claims = _claims_re(ws("owner-claims"))
        self.pronoun_claims = _pronoun_claims_re(ws("owner-pronouns"), ws("owner-pronoun-claims"))
        self.holds = _claims_re(ws("owner-holds"))
        self.not_claimants = frozenset(ws("owner-claim-non-names"))
        self.field_non_names = frozenset(ws("owner-field-non-names"))
        links = sorted(ws("owner-links"), key=len, reverse=True)
        self.link = (
            re.compile(rf"(?i)(?:{'|'.join(map(re.escape, links))})\s+(?:[a-z]+ly\s+)?[a-z]")
            if links
            else None
        )
        self.roles = frozenset(ws("owner-roles"))
        self.units = frozenset(ws("owner-units"))
        self.role_head = _role_head_re(ws("owner-role-heads"))
        self.committee = _committee_re(ws("committee-openers"))
        self.collectives = frozenset(ws("owner-teams"))
        self.unnamed = frozenset(ws("owner-non-names"))
        self.pronouns = frozenset(ws("owner-pronouns"))
        self.word_names = frozenset(ws("owner-word-names"))
        self.team_non_names = frozenset(ws("owner-team-bracket-non-names"))
        self.products = frozenset(p.lower() for p in products)
        self.non_verbs = frozenset(ws("owner-link-non-verbs"))
        self.label = item_label_re(ws("item-labels"))
        #: placeholder words after an owner cue ("owner someone"): read, then reported
        self.placeholders = frozenset(w for w in ws("placeholders") if w.isalpha())
        self._no_one = _collective_owner_re(
            ws("collective-owners"),
            ws("owner-teams"),
            ws("collective-quantifiers"),
            ws("collective-groups"),
        )
        #: capitals every reader knows as a thing ("CI", "DNS"), never a person's initials
        self.acronyms = frozenset(a.upper() for a in acronyms)

        # software named after people ("Loki to retain logs …") is never an owner
        self.names = given_names() - frozenset(products)
        self.is_given_name = is_given_name

    def names_no_one(self, value: str) -> bool:
        """Does an owner value name no one in particular ("everyone", "all engineers",
        "the whole team", "@everyone", "the team")? See :func:`_collective_owner_re`."""
        return self._no_one is not None and self._no_one.match(value) is not None

    def find(self, text: str, details: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
        """The span of the owner named in ``text``, else None. ``details`` are the spans of
        the item's other fields already read (a date, a ticket, a priority): a bare name in a
        parenthesis is an owner only next to one of them."""
        return (
            self._labelled(text)
            or self._after_cue(text)
            or self._subject(text)
            or self._clause_subject(text)
            or self._prefixed(text)
            or self._claimed(text)
            or self._bracketed(text)
            or self._listed(text, details)
            or self._dash_field(text, details)
            or self._trailing(text, details)
        )

    # -- the three ways of writing it ------------------------------------------------------

    def _after_cue(self, text: str) -> tuple[int, int] | None:
        """ "owner Sato Ken", "Owner - Lee", "assigned to Priya", "owned by the SRE team"."""
        if self.cue is None:
            return None
        for m in self.cue.finditer(text):
            end = self.name_at(text, m.end(), loose=True)
            if end is None:  # "owner someone", "owner tbd": written, not filled in
                w = _WORD.match(text, m.end())
                end = w.end() if w is not None and w.group(0).lower() in self.placeholders else None
            if end is not None:
                return m.end(), end
        return None

    def _labelled(self, text: str) -> tuple[int, int] | None:
        """ "AI (JF): add …", "ACTION (Priya): …": the parentheses after a meeting's action
        label hold the owner, by name or by initials (the label says a name follows)."""
        m = self.label.match(text) if self.label is not None else None
        if m is None or m.group("who") is None:
            return None
        a, b = m.span("who")
        while a < b and text[a].isspace():
            a += 1
        end = self.name_at(text, a, loose=True)
        return (a, end) if end is not None and end <= b else None

    def _unit_at(self, text: str, i: int) -> int | None:
        """Where the name of a department or unit (``owner-units``: "Finance", "IT",
        "Head office IT", "Group Treasury") starting at ``i`` ends, else None: up to three
        words, the first capitalised, the last a listed unit written with a capital (a
        two-letter one in capitals: "IT", never the pronoun "It"). Read only as the subject
        of a link at the item's start ("Finance to reconcile …"), where a unit owns the
        work as a named team does."""
        end: int | None = None
        prev = i
        for k, w in enumerate(_WORD.finditer(text, i)):
            word = w.group(0)
            if k > 2 or text[prev : w.start()].strip() or (k == 0 and w.start() != i):
                break
            if k == 0 and not word[0].isupper():
                break
            prev = w.end()
            if word.lower() in self.units and (len(word) > 2 or word.isupper()):
                end = w.end()  # capitalised, as the first word's check above makes sure
        return end

    def _initials_at(self, text: str, i: int) -> int | None:
        """Where a person's initials starting at ``i`` end ("MK to rotate the keys"), else
        None: two or three capitals that are no acronym every reader knows ("CI", "DNS")
        and no listed role ("SRE")."""
        m = _INITIALS.match(text, i)
        if m is None:
            return None
        w = m.group(0)
        if w in self.acronyms or w.lower() in self.roles or w.lower() in self.unnamed:
            return None
        return m.end()

    def _subject(self, text: str) -> tuple[int, int] | None:
        """ "Dana will add …", "Omar to add …", "By March 20, Priya will split …": a person
        as the subject of "will"/"to" and a verb, at the start of the item. A team in
        brackets may follow a person's name ("Ines (Billing) will add …"), never initials
        or a unit's name, which may be a thing's ("API (v2) will …")."""
        if self.link is None:
            return None
        at = _ITEM_START.match(text)
        starts = [at.end() if at else 0]
        label = self.label.match(text) if self.label is not None else None
        if label is not None:  # "ACTION: MK to look into …"
            starts[0] = label.end()
        lead = _LEAD_IN.match(text, starts[0])
        if lead is not None:
            starts.append(lead.end())
        motion = self.committee.match(text, starts[0]) if self.committee else None
        if motion is not None:  # "That the Head of Operations route …": a committee's motion
            starts = [motion.end()]
        for s in starts:
            end = (
                self.name_at(text, s, loose=False)
                or self._pronoun_at(text, s)
                or self._word_name_at(text, s)
                or self._name_before_team(text, s)
            )
            thing = end is None  # initials or a unit's name may also be a thing's
            if thing:
                end = self._initials_at(text, s) or self._unit_at(text, s)
            if end is None:
                continue
            pair = _AND.match(text, end)  # "Dana and Omar will …"
            second = self.name_at(text, pair.end(), loose=False) if pair else None
            end = second if second is not None else end
            team = None if thing else _TEAM_AFTER_NAME.match(text, end)
            gap = _GAP.match(text, team.end() if team else end)
            if gap is None or not (
                self.link.match(text, gap.end())
                or (motion is not None and _BARE_VERB.match(text, gap.end()))
            ):
                continue
            if thing and _PASSIVE_LINK.match(text, gap.end()):
                continue  # "MFA to be enforced …": a thing, not someone's initials
            if self._to_no_verb(text, s, gap.end()):
                continue  # "Mark to the archive …", "Max to 3 pushes": a verb, not a name
            return s, end
        return None

    def _clause_subject(self, text: str) -> tuple[int, int] | None:
        """ "Get the vendor to alert on an empty batch – Dale to raise it with their account
        manager, by 31 May", "Add a lag alert; Tomasz will wire it into the pager": the item
        names its work first, then, after a dash, a semicolon or a sentence's end, who does
        it as the subject of "to"/"will" and a verb, as :meth:`_subject` reads at the
        item's start. Only a person (a listed given name, a given name that is also a word,
        a handle) or a named team or role: initials and a unit's name there are as often a
        thing's ("CI to run …", "Operations will resume …"), and a passive ("Dana to be
        told") or a link to no verb ("Max to 3 pages") names no one doing it."""
        if self.link is None:
            return None
        for cut in _CLAUSE_BREAK.finditer(text):
            s = cut.end()
            end = self.name_at(text, s, loose=False) or self._word_name_at(text, s)
            if end is None:
                continue
            pair = _AND.match(text, end)  # "… – Dana and Omar to pair on it"
            second = self.name_at(text, pair.end(), loose=False) if pair else None
            end = second if second is not None else end
            gap = _GAP.match(text, end)
            if (
                gap is None
                or not self.link.match(text, gap.end())
                or _PASSIVE_LINK.match(text, gap.end())
                or self._to_no_verb(text, s, gap.end())
            ):
                continue
            return s, end
        return None

    def _prefixed(self, text: str) -> tuple[int, int] | None:
        """ "[ ] Priya: rotate the signing key", "Tomasz Wirth: add a lag alert": a person
        named before a colon at the item's start, the task after it opening with a verb.
        Only a listed given name or an @handle: a component or a role before a colon
        ("Billing: add a retry", "SRE: …") labels what the item is about as often as
        who does it, and a word such as "Note:" or "May:" is no one."""
        at = _ITEM_START.match(text)
        s = at.end() if at else 0
        first = _HANDLE.match(text, s) or _CAPITAL.match(text, s)
        if first is None or not (
            first.group(0).startswith("@") or self.is_given_name(first.group(0), self.names)
        ):
            return None
        end = self.name_at(text, s, loose=False)
        colon = _PREFIX_COLON.match(text, end) if end is not None else None
        if end is None or colon is None:
            return None
        verb = _WORD.match(text, colon.end())
        if verb is None or not _BARE_VERB.fullmatch(verb.group(0).lower()):
            return None
        return s, end

    def _claimed(self, text: str) -> tuple[int, int] | None:
        return self._claimed_by_name(text) or self._claimed_by_writer(text)

    def _claimed_by_writer(self, text: str) -> tuple[int, int] | None:
        """ "The status page will check logins every minute. I'm doing this by …", "(I own
        this, due …)": the writer claims the item in the first person in a clause of its
        own (``owner-pronoun-claims`` after ``owner-pronouns``), as "I will add …" at the
        item's start does; the owner is the pronoun."""
        if self.pronoun_claims is None:
            return None
        for m in self.pronoun_claims.finditer(text):
            before = text[: m.start()].rstrip()
            if (
                not before
                or before[-1] in _CLAIM_OPENERS
                or _clause_start(text, m.start()) == m.start()
            ):
                return m.start(), m.end("who")
        return None

    def _claimed_by_name(self, text: str) -> tuple[int, int] | None:
        """ "…, Ana Ruiz owns it, due 18 December", "…; Priya is the owner", "(Dana has
        it)": a name that opens a clause of the item, and after it words that say it owns
        the item (``owner-claims``: any capitalised name, as after an owner cue) or holds
        it (``owner-holds``: a listed given name, a handle, a named team or role). A day,
        a month or a tool alone before the claim (``owner-claim-non-names``) is no owner."""
        for pattern, loose in ((self.claims, True), (self.holds, False)):
            for m in pattern.finditer(text) if pattern is not None else ():
                at = _clause_start(text, m.start())
                # read up to the claim: "Dana is owner" is no role phrase "… owner"
                if self.name_at(text[: m.start()], at, loose=loose) != m.start():
                    continue
                first = _WORD.match(text, at)
                alone = first is not None and not text[first.end() : m.start()].strip()
                if first is None or not alone or first.group(0).lower() not in self.not_claimants:
                    return at, m.start()  # never a day or a tool alone: "Friday owns it"
                    # ("May Chen owns it", "Kafka team is the owner" are owners)
        return None

    def _bracketed(self, text: str) -> tuple[int, int] | None:
        """ "Add a heartbeat alert [Ines Duarte] — due …", "[Billing team] Split the export",
        "… [@kwame]": square brackets that hold nothing but a person, a named team or a
        handle (one or two of them: "[Dana & Omar]") tag the item with its owner, as a
        tracker's assignee does. A link's text ("[Kofi Boateng](https://…)", "[the
        runbook][rb]", a reference definition "[rb]: …") names what the link points at, and
        a bracket holding anything else ("[OPS-88]", "[Kafka]", "[WIP]") names no one."""
        for m in _BRACKET.finditer(text):
            a, b = m.span(1)
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            end = self.name_at(text, a, loose=False)
            if end is not None and end < b:  # "[Dana & Omar]", "[Dana, Omar]"
                pair = _BRACKET_PAIR.match(text, end)
                end = self.name_at(text, pair.end(), loose=False) if pair else None
            if end == b:
                return a, b
        return None

    def _trailing(self, text: str, details: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
        """ "Fix the chart defaults — platform team", "Cap the retries – Dana Ito, P2": after
        the item's last dash, a person, a named team or a role and nothing else but the
        item's other fields already read (a date, a ticket, a priority) is its owner, as
        "— @dana" is. "— everyone" names no one, and "— the payments team asked for it"
        is a clause, not a field."""
        dashes = list(_TRAILING_DASH.finditer(text))
        if not dashes:
            return None
        a = dashes[-1].end()
        end = self.name_at(text, a, loose=False) or _initialled_at(text, a)
        field = self._field_before_details(text, a, details)
        if field is not None and (end is None or field > end):
            end = field  # "— Payments team and Platform team, by 3 March": both
        shared = self._shared_at(text, a)
        if shared is not None and (end is None or shared > end):
            return a, shared  # "— Box Office + IT", "— Payments team and Platform team"
        if end is None:
            return None
        team = _TEAM_AFTER_NAME.match(text, end)  # "— Dana Ito (Platform), by 3 March"
        rest = text[team.end() if team and self._team_bracket(team) else end :]
        rest = rest.rstrip().rstrip(".")
        if not rest.strip() or (
            rest.lstrip()[:1] in (",", ";") and any(x >= end for x, _ in details)
        ):
            return a, end
        return None

    def _field_before_details(
        self, text: str, a: int, details: Sequence[tuple[int, int]]
    ) -> int | None:
        """ "— Tom Reid (Vendor), by 15 May, ticket VN-12": after the last dash, a field
        up to a comma that a detail already read follows is the owner when it reads as
        one between dashes does (:meth:`_field_owner`), a name whose given name is also
        an English word ("Tom", "Mark") too. Where it ends, else None."""
        comma = _FIELD_COMMA.search(text, a)
        if comma is None or not any(x >= comma.end() for x, _ in details):
            return None
        seg = text[a : comma.start()].rstrip()
        return a + len(seg) if seg and self._field_owner(seg) else None

    def _dash_field(self, text: str, details: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
        """ "Lint spool configs in CI — k.moreau — P1 — due 2026-11-20 — SPL-310",
        "Alert on spool growth — Spool tooling — P2 — …": an item written as
        fields set apart by dashes. Read from the end, the fields of priority, date and
        ticket (one holding a detail already read, or a digit) come last; the field before
        them, after the text, is the owner when it is a person, a role, a handle with or
        without "@" or a short capitalised team name (:meth:`_field_owner`). A dash inside
        the text ("Add an alert — the old one is silent — Dana — P1") is the text's own."""
        cuts = list(_TRAILING_DASH.finditer(text))
        after = False
        for k in range(len(cuts) - 1, -1, -1):
            a = cuts[k].end()
            b = cuts[k + 1].start() if k + 1 < len(cuts) else len(text)
            seg = text[a:b].strip().rstrip(".").rstrip()
            if not seg:
                return None
            s = text.index(seg, a)
            e = s + len(seg)
            if any(ch.isdigit() for ch in seg) or any(s <= x < e for x, _ in details):
                after = True  # a priority, a date or a ticket
                continue
            return (s, e) if after and self._field_owner(seg) else None
        return None

    def _field_owner(self, seg: str) -> bool:
        """Is a field between dashes (:meth:`_dash_field`) an owner (:meth:`_one_owner`),
        or two or three of them sharing the item ("Payments / Platform", "Search and
        Infra", "Box Office + IT"): a team written beside another still owns its part."""
        parts = _FIELD_JOIN.split(seg)
        if 1 < len(parts) <= 3:
            return all(p and self._one_owner(p) for p in parts)
        return self._one_owner(seg)

    def _shared_at(self, text: str, a: int) -> int | None:
        """Where two or three owners sharing an item end after its last dash, with
        nothing but a full stop after them ("— Box Office + IT.", "— Payments team and
        Platform team"), else None. Each is an owner as a field between dashes is
        (:meth:`_one_owner`) and one at least is a person, a role or a unit the pack
        lists ("IT", "Platform"): two capitalised words joined there may be two
        components ("— Kafka + Zookeeper"), a listed unit or role says a team is meant."""
        seg = text[a:].rstrip().rstrip(".").rstrip()
        parts = _FIELD_JOIN.split(seg)
        if not 1 < len(parts) <= 3 or not all(p and self._one_owner(p) for p in parts):
            return None
        listed = any(
            self.name_at(p, 0, loose=False) == len(p) or self._unit_at(p, 0) == len(p)
            for p in parts
        )
        return a + len(seg) if listed else None

    def _one_owner(self, seg: str) -> bool:
        """Is one field between dashes (:meth:`_dash_field`) someone who owns the item: a
        name, a role or an @handle (:meth:`name_at`), a handle without "@" that is an
        initial or a given name, a dot or underscore, and a surname ("k.moreau"), or one
        to three words opening with a capital ("Spool tooling") that are no status, day or
        tool (``owner-field-non-names``, ``owner-claim-non-names``)? A placeholder ("TBD")
        is read too: PM302 reports it as not filled in."""
        team = _TEAM_AFTER_NAME.search(seg)  # "Dana Ito (Platform)", "L. Brandt (Ops)"
        if team is not None and team.end() == len(seg) and self._team_bracket(team):
            seg = seg[: team.start()]
        if self.name_at(seg, 0, loose=False) == len(seg) or seg.lower() in self.placeholders:
            return True
        if _initialled_at(seg, 0) == len(seg):
            return True
        handle = _BARE_HANDLE.fullmatch(seg)
        if handle is not None:
            first = handle.group(1)
            return len(first) <= 2 or self.is_given_name(first.capitalize(), self.names)
        words = seg.split()
        low = seg.lower()
        return (
            len(words) <= 3
            and seg[0].isupper()
            and all(_TEAM_WORD.fullmatch(w) for w in words)
            and low not in self.field_non_names
            and not any(
                w.lower() in self.not_claimants | self.unnamed and self._unit_at(w, 0) is None
                for w in words
            )  # "IT" is a unit there, the pronoun "It" or "it" no one
        )

    def _to_no_verb(self, text: str, start: int, link: int) -> bool:
        """After a word name at ``start`` ("Mark", "Max"), is the link "to" followed by no
        verb (a determiner, a number, a noun: ``owner-link-non-verbs``)? Then the word is
        the item's own verb or a label, not its owner ("Mark to the archive the old
        keys", "Max to 3 concurrent pushes"); "Grace to write …" is an owner."""
        w = _WORD.match(text, start)
        if w is None or w.group(0).lower() not in self.word_names:
            return False
        m = _TO_NEXT.match(text, link)
        if m is None:
            return False
        nxt = m.group(1)
        return nxt[0].isdigit() or nxt.lower() in self.non_verbs

    def _word_name_at(self, text: str, i: int) -> int | None:
        """Where a capitalised given name that is also an English word ("Mark", "Will",
        ``owner-word-names``) ends, with the capitalised name parts after it ("Grace
        Liu"), else None; read only as the subject of a link at the item's start."""
        m = _CAPITAL.match(text, i)
        if m is None or m.group(0).lower() not in self.word_names:
            return None
        end = m.end()
        nxt = _NEXT_PART.match(text, end)
        part = _CAPITAL.match(text, nxt.end()) if nxt else None
        if part is not None and part.group(0).lower() not in self.roles:
            end = part.end()
        return end

    def _name_before_team(self, text: str, i: int) -> int | None:
        """Where an unlisted name ends that a team in brackets follows ("Zofia (Billing)",
        "Ade Bello (Data Platform)"), else None: one or two capitalised words (no
        capitals-only word, no product, no ``owner-team-bracket-non-names`` such as "We"),
        then a bracket of a team's name (:meth:`_team_word`). The team after it says the word names
        a member of it; read only as the subject of a link at the item's start."""
        end: int | None = None
        for _ in range(2):
            m = _CAPITAL.match(text, i if end is None else end + 1)
            if m is None or (end is not None and text[end] != " "):
                break
            w = m.group(0)
            if w.isupper() or w.lower() in self.products or w.lower() in self.team_non_names:
                return None
            end = m.end()
            team = _TEAM_AFTER_NAME.match(text, end)
            if team is not None:
                inner = text[team.start() : team.end()].strip()[1:-1].split()
                return end if all(self._team_word(x) for x in inner) else None
        return None

    def _team_bracket(self, team: re.Match[str]) -> bool:
        """Does a bracket after a name (:data:`_TEAM_AFTER_NAME`) hold a team's name?"""
        inner = team.group(0).strip()[1:-1].split()
        return all(self._team_word(x) for x in inner)

    def _team_word(self, word: str) -> bool:
        """A word of a team's name in brackets: capitalised ("Billing", "Data Platform"); a
        word in capitals only when the pack lists it as a role or unit ("SRE", "IT"), so
        a region ("EU") or a version tag does not make the word before it a person."""
        if word.isupper():
            return word.lower() in self.roles or word.lower() in self.units
        return word[0].isupper()

    def _pronoun_at(self, text: str, i: int) -> int | None:
        """Where a pronoun that names one person ends ("I will fix the archive script":
        the writer, whom the postmortem's authors name), else None. "We" names no one."""
        w = _WORD.match(text, i)
        return w.end() if w is not None and w.group(0).lower() in self.pronouns else None

    def _listed(self, text: str, details: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
        """ "(Dana, 2026-03-20, SPR-212, P1)": one part of a parenthesised list of details
        is a name, and another part is a detail already read; or the parenthesis holds
        nothing but the name ("Add a key check (Dana)")."""
        for paren in re.finditer(r"\(([^()]*)\)", text):
            a, b = paren.span(1)
            alone = not re.search(r"[,;]", paren.group(1))
            if not alone and not any(a <= x and y <= b for x, y in details):
                continue
            for part in re.finditer(r"[^,;]+", text[a:b]):
                s = a + part.start() + (len(part.group(0)) - len(part.group(0).lstrip()))
                e = a + part.end() - (len(part.group(0)) - len(part.group(0).rstrip()))
                if s < e and self.name_at(text, s, loose=False) == e:
                    return s, e
        return None

    # -- who is a person -------------------------------------------------------------------

    def name_at(self, text: str, i: int, *, loose: bool) -> int | None:
        """Where a person's name starting at ``i`` ends, else None: an @handle, a name in
        another script, a team or role phrase, a listed given name with its capitalised
        name parts; with ``loose`` (after an owner cue) any capitalised name."""
        m = _HANDLE.match(text, i)
        if m is not None:
            return m.end()
        head = self.role_head.match(text, i) if self.role_head is not None else None
        if head is not None:  # "the Head of Service Operations": the office, its holder
            return self.name_at(text, head.end(), loose=True)
        role = self._role_at(text, i)
        if role is not None:
            return role
        m = _CAPITAL.match(text, i)
        if m is None or not (loose or self.is_given_name(m.group(0), self.names)):
            return None
        end = m.end()
        for _ in range(2):  # "Priya Raman", "Sato Ken Ito"
            nxt = _NEXT_PART.match(text, end)
            part = _CAPITAL.match(text, nxt.end()) if nxt else None
            if part is None or part.group(0).lower() in self.roles:
                break
            end = part.end()
        return end

    def _role_at(self, text: str, i: int) -> int | None:
        """ "the payments team", "Platform team", "SRE", "the on-call engineer": up to three
        words ending in a listed role (the longest such phrase); a team noun needs a word
        naming the team before it, and no other determiner than a leading "the"."""
        end: int | None = None
        prev_end = i
        named = False
        for k, w in enumerate(_WORD.finditer(text, i)):
            if k > 3 or text[prev_end : w.start()].strip() or (k == 0 and w.start() != i):
                break  # too long, or punctuation between the words: not one phrase
            low = w.group(0).lower()
            prev_end = w.end()
            if k == 0 and low == "the":
                continue
            if low in self.unnamed or low == "the":
                break
            if low in self.roles and (low not in self.collectives or named):
                end = w.end()
            named = True
        return end


#: a dash that sets a field apart at an item's end: "— platform team", " - Dana"
_TRAILING_DASH = re.compile(r"\s[-\u2013\u2014]\s+|[\u2013\u2014]\s*")
#: where a clause of an item opens after its text: a dash set apart, a semicolon, or a
#: sentence's end ("Add the alert – Dale to wire it", "…; Priya will …", "… . Tomasz to …")
_CLAUSE_BREAK = re.compile(r"\s[-\u2013\u2014]\s+|[\u2013\u2014]\s*|;\s+|[.!]\s+")
#: what joins two owners sharing a field: "Payments / Platform", "Search and Infra", "Box
#: Office + IT" ("R&D" is one name: "&" and "+" stand apart)
_FIELD_JOIN = re.compile(r"\s*/\s*|\s+(?:\+|&|and)\s+")
#: a handle written without "@" in an item's field: "k.moreau", "dana_ito"
_BARE_HANDLE = re.compile(r"([a-z]{1,12})[._]([a-z]{2,20})")
#: a word of a team's name written in a field: "NOC", "tooling", "Data", "R&D"
_TEAM_WORD = re.compile(r"[^\W\d_][\w&'\u2019-]*")
#: what opens a clause inside an item: a comma, semicolon, colon, bracket or dash
_CLAUSE_MARKS = re.compile(r"[,;:(\[\u2013\u2014]|\s-\s")
#: what may stand before a first-person claim: a sentence's or a clause's end
_CLAIM_OPENERS = frozenset(".!?;:,([\u2013\u2014-")


#: the bare verb of a committee's motion after its subject ("… Manager agree …"); a form
#: of "be" or "have" there makes it a report or a passive, not the work someone will do
_BARE_VERB = re.compile(r"(?!(?:is|are|was|were|be|been|has|have|had)\b)[a-z]+\b(?![-'])")


def _initialled_at(text: str, i: int) -> int | None:
    """Where a person written by initials and a surname ("L. Brandt") starting at ``i``
    ends, else None. Read only where a field stands (after an item's last dash, or as a
    field between dashes), never as a subject: "A. Add the alert" opens a lettered item."""
    m = _INITIALLED.match(text, i)
    return m.end() if m is not None else None


def _role_head_re(heads: list[str]) -> re.Pattern[str] | None:
    """The words that name an office by what it heads ("Head of", "Director of"), after an
    optional "the" and before the capitalised name of what it heads; None without any."""
    if not heads:
        return None
    alts = "|".join(
        re.escape(h).replace(r"\ ", r"\s+") for h in sorted(heads, key=len, reverse=True)
    )
    return re.compile(rf"(?i:the\s+)?(?i:{alts})\s+(?=[^\W\d_a-z])")


def _committee_re(openers: list[str]) -> re.Pattern[str] | None:
    """The word that opens a committee's numbered recommendation ("That the Procurement
    Manager agree …"), with the white space after it; None without any."""
    if not openers:
        return None
    alts = "|".join(map(re.escape, sorted(openers, key=len, reverse=True)))
    return re.compile(rf"(?i:{alts})\s+")


def _clause_start(text: str, end: int) -> int:
    """Where the clause that ends at ``end`` starts: after the last clause mark before it
    (or at the item's start, past a task box), over white space."""
    at = 0
    for m in _CLAUSE_MARKS.finditer(text, 0, end):
        at = m.end()
    if at == 0:
        box = _ITEM_START.match(text)
        at = box.end() if box else 0
    while at < end and text[at].isspace():
        at += 1
    return at


def _claims_re(claims: list[str]) -> re.Pattern[str] | None:
    """The words after a name that say it owns the item ("owns it", "is the owner"), each
    after white space and standing alone; None without any."""
    if not claims:
        return None
    alts = "|".join(
        re.escape(c).replace(r"\ ", r"\s+") for c in sorted(claims, key=len, reverse=True)
    )
    return re.compile(rf"(?i)\s+(?:{alts})(?![\w-])")


def _pronoun_claims_re(pronouns: list[str], claims: list[str]) -> re.Pattern[str] | None:
    """A pronoun that names one person, then words that claim the item ("I'm doing this",
    "I own this"), with either apostrophe; None without either list."""
    if not pronouns or not claims:
        return None
    who = "|".join(map(re.escape, sorted(pronouns, key=len, reverse=True)))
    alts = "|".join(
        re.escape(c).replace(r"\ ", r"\s+").replace("'", "['’]")
        for c in sorted(claims, key=len, reverse=True)
    )
    return re.compile(rf"(?i)(?<![\w'’-])(?P<who>{who})(?:\s+|(?=['’]))(?:{alts})(?![\w-])")


def _collective_owner_re(
    words: list[str], nouns: list[str], quantifiers: list[str], groups: list[str]
) -> re.Pattern[str] | None:
    """An owner value that names no one in particular: a word of ``collective-owners``
    first (after "the"/"our", markup and an "@": "@everyone"), a team noun of
    ``owner-teams`` alone ("the team"), or a word of ``collective-quantifiers`` alone or
    before a word of ``collective-groups`` ("all engineers", "the whole team", "all of
    us"; not "the whole SRE team", "all of Payments"), in any case."""
    if not (words or nouns or quantifiers):
        return None

    def alt(ws: list[str]) -> str:
        return "|".join(map(re.escape, sorted(ws, key=len, reverse=True))) or r"(?!x)x"

    group = rf"(?:of\s+)?(?:(?:the|our)\s+)?(?:{alt(groups)})(?![\w-])"
    return re.compile(
        rf"(?i)[\s*_`@]*(?:(?:the|our)\s+)?(?:(?:{alt(words)})(?![\w-])"
        rf"|(?:{alt(nouns)})[\s*_`.]*$"
        rf"|(?:{alt(quantifiers)})(?:[\s*_`.]*$|[\s*_`]+{group}))"
    )
