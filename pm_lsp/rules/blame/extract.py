"""Blame extraction: which sentences the judges read, where they sit, who is a person.

The blame rules (PM101-PM107) share one analysis per document (:func:`pm_lsp.rules.blame.
checks.analyse`), because they read the same sentences and their findings must not repeat
each other. This module supplies what the judges (:mod:`pm_lsp.rules.blame.judge`) read
besides the parse:

* the candidate sentences: prose sentences that the lexicon's prefilter passes
  (:meth:`pm_lsp.rules.blame.lexicon.BlameLexicon.candidate`, applied through
  :func:`pm_lsp.nlp.judge.select`), plus the root-cause statements PM107 reads whatever
  the prefilter says;
* each sentence's context: the canonical names of its section and of the label region it
  sits in ("**Root cause**: ..."), whether it is a root-cause statement, and the window of
  original text its judgment may read (:func:`judge_window`);
* person detection on the parse (:func:`person_name`, :func:`subject_of`): what separates
  "Kim forgot to renew the certificate" from "the health check failed" is whether the
  grammatical agent of the verb is a person (PERSON entity, @handle, ``name@``, a personal
  pronoun, a role noun) or a thing.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from pm_lsp.cache import lru
from pm_lsp.model.document import Block, PostmortemDoc, Section
from pm_lsp.nlp.judge import Judgment, needs_entities, select
from pm_lsp.nlp.sentences import sentence_spans
from pm_lsp.rules.actions.items import label_of, labelled_regions
from pm_lsp.rules.blame.lexicon import BlameLexicon, capitalises_nothing

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from pm_lsp.nlp.pipeline import NLP
    from pm_lsp.policy.templates import Template


@dataclass(frozen=True)
class Sentence:
    """A candidate sentence and where it sits (what a blame judgment reads besides the
    parse and the window of text around it)."""

    base: int  #: offset of the sentence text's first character (in the document or window)
    text: str
    where: frozenset[str]
    rca_statement: bool  #: the root-cause statement or the last 5-whys answer


# -- person detection ---------------------------------------------------------------------

#: CamelCase, digits or all capitals: a product ("PostHog") the NER took for a person
_PRODUCTISH = re.compile(r"^.+[A-Z]|\d|^[A-Z]{2,}$")
_HANDLE = re.compile(r"@[\w][\w.-]*|[a-z][\w.-]*@")
#: a word the parser masked (a code span, a URL: :mod:`pm_lsp.parse.markdown` writes each
#: as a run of "x" of its length): a command, a tool or an address, never a person, though
#: the model reads a run of "x" opening a sentence as a person's name
_MASKED = re.compile(r"x{3,}")


def _named_hazard(tok: Token, lex: BlameLexicon) -> bool:
    """Is ``tok`` part of a named weather or earth event: a capitalised word after one of
    ``hazard-titles`` in capitals ("Storm Oisin", "Hurricane Delia", "Winter Storm
    Petra"), or that title itself? Such a name is no person (bl42 class 4)."""
    if not tok.text[:1].isupper():
        return False
    doc = tok.doc
    titled = (t for t in doc[max(0, tok.i - 2) : tok.i + 1] if t.text[:1].isupper())
    if tok.lower_ in lex.hazard_titles:
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        return nxt is not None and nxt.text[:1].isupper()
    return any(t.lower_ in lex.hazard_titles and t.i < tok.i for t in titled) and all(
        t.text[:1].isupper() for t in doc[max(0, tok.i - 1) : tok.i]
    )


def person_name(tok: Token, lex: BlameLexicon) -> str | None:
    """How a person is named when ``tok`` refers to one, else None.

    A PERSON entity, an @handle or ``name@``, a personal pronoun, an indefinite person
    ("someone"), or a noun phrase headed by a role noun ("the on-call engineer").
    """
    if _speaker_label(tok) or _named_hazard(tok, lex) or _MASKED.fullmatch(tok.text):
        return None
    text = tok.text
    low = tok.lower_
    if _HANDLE.fullmatch(text):
        return text
    handle = split_handle(tok)
    if handle is not None:
        return handle
    if tok.tag_ in ("PRP", "PRP$") and low in lex.pronouns:
        return text
    if low in lex.indefinite:
        return text
    if lex.given_name(text):
        return _full_name(tok)
    if uncapitalised_name(tok, lex):
        return text  # "oskar ignored the alarm" in a post written all in lower case
    honoured = _honorific(tok, lex)
    if honoured is not None:
        return honoured
    if _initialled(tok):
        return f"{tok.doc[tok.i - 1].text} {text}"  # "J. Okafor", "A. Lindqvist"
    if tok.pos_ == "PROPN" and not _PRODUCTISH.search(text) and text not in lex.product_names:
        needs_entities()  # this answer depends on the named entities
        if tok.ent_type_ == "PERSON":
            ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
            if ent is not None and _tool_named(ent, lex):
                return None  # "Static Analyzer would have caught it": a tool (bl28b)
            return _named(tok, ent) if ent is not None else text
    joined = _hyphenated(tok)
    if joined is not None and joined.lower() in lex.roles:  # "on-call" split as on - call
        return tok.doc[tok.left_edge.i : tok.i + 3].text
    prefix = hyphen_prefix(tok)  # "The on-call missed the page": the subject is "call"
    if prefix is not None and f"{prefix.lower_}-{low}" in lex.roles:
        return tok.doc[min(tok.left_edge.i, prefix.i) : tok.i + 1].text
    if low in lex.departments:
        return tok.text if _department_acts(tok) else _org_unit(tok, lex)
    if text in lex.capital_departments and not _shouted(tok) and _department_acts(tok):
        return text  # "IT didn't bother to renew the certificate" (bl40)
    if low in lex.possessor_departments and _department_owns(tok):
        return tok.text  # "Support's decision to close the ticket" (bl26b)
    if _tiered_support(tok, lex):
        return tok.doc[tok.left_edge.i : tok.i + 1].text  # "the first-line support"
    unit = _org_unit(tok, lex)
    if unit is not None:
        return unit
    return _role_name(tok, lex)


def _named(tok: Token, ent: Span) -> str:
    """The PERSON entity's text, grown leftwards over the capitalised words compounded
    onto ``tok`` that the recogniser left out ("Tickets Gateway" recognised as "Gateway"
    alone, misc34): the message names the party the finding underlines, whole."""
    doc, i = tok.doc, ent.start
    while i > 0 and doc[i - 1].dep_ == "compound" and doc[i - 1].head.i == tok.i:
        if not (doc[i - 1].is_alpha and doc[i - 1].text[:1].isupper()):
            break
        i -= 1
    return doc[i : ent.end].text


def _tool_named(ent: Span, lex: BlameLexicon) -> bool:
    """Is a PERSON entity a tool named in capitals ("Address Sanitizer", "Query Plan
    Checker"): its last word one of ``tool-nouns``, its first no listed given name ("Marco
    Checker" stays a person)?"""
    return ent[-1].lower_ in lex.tool_nouns and not lex.given_name(ent[0].text)


def _department_owns(tok: Token) -> bool:
    """Is a department whose bare name is as often a thing (``possessor-departments``)
    written capitalised, bare, as a possessor with "'s" ("Support's decision")?"""
    if tok.dep_ != "poss" or not tok.text[:1].isupper() or tok.text.isupper():
        return False
    return all(c.dep_ == "case" for c in tok.children) and any(
        c.tag_ == "POS" for c in tok.children
    )


def uncapitalised_name(tok: Token, lex: BlameLexicon) -> bool:
    """Is ``tok`` a listed given name written in lower case by a writer who capitalises
    nothing ("lena wiped it", "ask oskar")? Only in a sentence with no capitalised word
    (acronyms aside), only where the tagger reads a proper noun or the recogniser a person,
    and never a date ("april"): a lower-case common noun that is also a name ("grace
    period", "will", "mark it") is tagged as what it is."""
    text = tok.text
    if not (text.isalpha() and text.islower()) or not lex.given_name(text.capitalize()):
        return False
    if tok.tag_ != "NNP":
        needs_entities()
        if tok.ent_type_ != "PERSON":
            return False
    elif tok.ent_type_ in ("DATE", "TIME"):
        return False
    return capitalises_nothing(tok.sent.text)


def _speaker_label(tok: Token) -> bool:
    """Is ``tok`` who speaks in minutes or a chat export ("Tomasz: fair, but the refresh has
    been broken for months", "- @sana: restarting now")? A name right before a colon that
    opens its sentence (after a list mark, a time or its own first name) labels the speaker
    of what follows; the small model may hang it on the utterance's verb as its subject."""
    doc = tok.doc
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].text != ":" or tok.i + 2 >= tok.sent.end:
        return False
    return all(not t.is_alpha or t.head.i == tok.i for t in doc[tok.sent.start : tok.i])


def _honorific(tok: Token, lex: BlameLexicon) -> str | None:
    """ "Watanabe-san" when ``tok`` is an honorific (``honorific-suffixes``) joined by a
    hyphen, with no space, to a capitalised word before it; the tokenizer splits it in three
    and the parse hangs the phrase on the honorific."""
    if tok.text not in lex.honorifics or tok.i < 2:
        return None  # written in lower case: "Primary-SAN" is a storage network
    doc = tok.doc
    hyphen, name = doc[tok.i - 1], doc[tok.i - 2]
    if hyphen.text != "-" or hyphen.whitespace_ or name.whitespace_:
        return None
    if not (name.is_alpha and name.text[:1].isupper()):
        return None
    return f"{name.text}-{tok.text}"


#: an initial written before a surname ("J." in "J. Okafor")
_INITIAL = re.compile(r"[A-Z]\.")


def _initialled(tok: Token) -> bool:
    """Is ``tok`` a surname after an initial ("approved by J. Okafor")? A capitalised word
    right after a capital letter and a full stop, which a list marker ("A. Restart") or a
    sentence's end ("... plan B. Then") is not: the initial does not open the text, and
    the word after it is not a verb."""
    doc = tok.doc
    if tok.i < 2 or tok.pos_ != "PROPN" or not tok.text[:1].isupper():
        return False
    initial = doc[tok.i - 1]
    return bool(_INITIAL.fullmatch(initial.text)) and not doc[tok.i - 2].is_punct


def _role_name(tok: Token, lex: BlameLexicon) -> str | None:
    """The noun phrase ``tok`` heads when ``tok`` is a role noun ("the on-call engineer")
    or a collective body ("ACME management"), else None."""
    low = tok.lower_.rstrip(".")  # "Inc." keeps its full stop
    lemma = tok.lemma_.lower()
    if (lemma in lex.shift_nouns or lemma in lex.duty_roles) and _after_shift_time(tok, lex):
        start = min(tok.left_edge.i, tok.i - 1)
        if start > 0 and tok.doc[start - 1].tag_ in ("DT", "PRP$"):
            start -= 1  # "The day dispatcher": the article hangs on "day"
        return tok.doc[start : tok.i + 1].text  # "the night shift"
    if lemma in lex.desk_nouns and _desk_kind(tok, lex):
        return tok.doc[tok.left_edge.i : tok.i + 1].text  # "the support desk"
    if low in lex.titled_bodies and _titled_body(tok, lex):
        return tok.doc[tok.left_edge.i : tok.i + 1].text  # "the Change Advisory Board"
    if _people_body(tok, lex) or _occupation(tok, lex):
        return tok.doc[tok.left_edge.i : tok.i + 1].text  # "the claims desk", "the caretaker"
    # a subject is a noun whatever the small model tags a word it does not know ("postdoc")
    nominal = tok.pos_ in ("NOUN", "PROPN") or tok.dep_ in ("nsubj", "nsubjpass")
    # a clipped or acronym role in the plural, which the lemmatiser leaves as it is
    # ("devs", "SREs", "ICs")
    plural = low.endswith("s") and low[:-1] in lex.roles and len(low) > 3
    if not nominal or not (tok.lemma_.lower() in lex.roles or low in lex.roles or plural):
        return None
    if low in lex.companies and not _after_a_name(tok):
        return None  # "The PLC dropped the heartbeat": a controller, not "Acme PLC"
    # a role written as an acronym ("SRE", "QA", "IC") is tagged a proper noun
    proper = (len(tok.text) > 1 and tok.text.isupper()) or low in lex.companies
    if tok.pos_ == "PROPN" and tok.text[:1].isupper() and not proper and not job_title(tok, lex):
        return None  # "Teams" the product, not a team
    if tok.lemma_.lower() in lex.singular_roles and tok.tag_ != "NN":
        return None  # "users missed notifications": the customers, not an operator
    if low in lex.collective and any(
        c.dep_ == "compound" and c.text.islower() for c in tok.children
    ):
        return None  # "change management", "key management": a process, not a body
    return tok.doc[tok.left_edge.i : tok.i + 1].text


def _org_unit(tok: Token, lex: BlameLexicon) -> str | None:
    """The name of an organisational unit written in title case acting as a party (bl34
    class 1): "Platform Engineering", "Field Support", "Corporate IT", its last word one of
    ``unit-words`` and every word before it capitalised, heading its phrase ("the Platform
    Engineering runbook" is a thing) as a subject, a possessor or the agent of a passive.
    The unit is a party when its verb agrees in the plural ("Field Support were slow") or,
    for a last word as often a product's (``unit-thing-words``: "Cost Management", "Cloud
    Security"), when its verb is one of ``unit-acts`` ("should have escalated")."""
    last = tok.lower_
    acronym = tok.text == "IT"  # tagged a pronoun; "it" is never a unit
    if last not in lex.unit_words or tok.dep_ in _MODIFIER_DEPS or (last == "it" and not acronym):
        return None
    if not ((tok.pos_ == "PROPN" and tok.text[:1].isupper()) or acronym):
        return None
    # an adjective only before the acronym: "Weak Security" opening a sentence is a quality
    deps = ("compound", "amod") if acronym else ("compound",)
    words = [c for c in tok.lefts if c.dep_ in deps]
    if not words or (tok.left_edge.i != words[0].i and tok.left_edge.tag_ != "DT"):
        return None  # one bare word is department-names' class; "our own Field Support"
    if not all(w.is_alpha and w.text[:1].isupper() for w in words):
        return None
    node = tok
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head  # "Field Support and Group Finance were ..."
    if node.dep_ == "poss" or (node.dep_ == "pobj" and node.head.lower_ == "by"):
        acts = node.dep_ == "poss" or last not in lex.unit_thing_words
    elif node.dep_ == "nsubj":
        acts = _plural_agreement(node.head) or (
            last not in lex.unit_thing_words or _unit_act(node.head, lex)
        )
    else:
        return None
    return tok.doc[words[0].i : tok.i + 1].text if acts else None


def _plural_agreement(verb: Token) -> bool:
    """Does ``verb`` (or its auxiliary) agree with a plural subject: "were", "are", "have"?"""
    forms = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    return any(t.tag_ == "VBP" or t.lower_ == "were" for t in forms)


def _unit_act(verb: Token, lex: BlameLexicon) -> bool:
    """Is ``verb``, or the verb an omission verb governs ("failed to escalate"), one of
    ``unit-acts``: an act only people do ("approve", "escalate", "reply")?"""
    acts = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    return any(t.lemma_.lower() in lex.unit_acts for t in acts)


#: the dependencies of a noun that modifies another: "office" in "the office printer"
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


def _heads_phrase(tok: Token) -> bool:
    """Is ``tok`` a common noun in lower case that heads its noun phrase, not a modifier of
    the noun after it ("unit" in "unit tests", "crew" in "the crew scheduling system")?"""
    return tok.pos_ == "NOUN" and tok.text.islower() and tok.dep_ not in _MODIFIER_DEPS


def _people_body(tok: Token, lex: BlameLexicon) -> bool:
    """Is ``tok`` a collective noun naming a body of people (bl32 class 1)? One of
    ``people-heads`` heading its phrase ("the records office"), or one of ``body-heads``
    heading its phrase after a word that names people's work (:func:`_names_work`: "the
    claims desk", "the IT group"), with no "of" after it ("a group of hosts")."""
    lemma = tok.lemma_.lower()
    if not (lemma in lex.people_heads or lemma in lex.body_heads) or not _heads_phrase(tok):
        return False
    if lemma in lex.people_heads:
        return True
    if tok.i < 1 or any(c.lower_ == "of" for c in tok.rights):
        return False
    before = tok.doc[tok.i - 1]
    return before.dep_ in _MODIFIER_DEPS and _names_work(before, lex)


def _names_work(word: Token, lex: BlameLexicon) -> bool:
    """Does a modifier name people's work: a department ("the procurement side"), a desk
    kind, a shift time ("the night unit"), one of ``body-kinds`` ("IT" in capitals), or a
    plural noun in lower case that is no role ("the payments desk")? A thing's word ("the
    side panel", "the power unit") and people ("the admins group") do not."""
    low = word.lower_
    if low == "it":
        return word.text == "IT"
    if low in lex.body_kinds or low in lex.departments or low in lex.desk_kinds:
        return True
    if low in lex.shift_times or _titled_unit(word, lex) or _tier(word, lex):
        return True
    # people before "group" name an access group ("the admins group", "the users group")
    plural = word.tag_ == "NNS" and word.text.islower() and not low.endswith("ss")
    return plural and word.lemma_.lower() not in lex.roles


def _tier(word: Token, lex: BlameLexicon) -> bool:
    """Is ``word`` the line of support a desk answers at (``support-tiers``: "the
    first-line desk", "the L2 group"), a hyphenated one split at its hyphen?"""
    prefix = hyphen_prefix(word)
    joined = f"{prefix.lower_}-{word.lower_}" if prefix is not None else word.lower_
    return joined in lex.support_tiers


def _tiered_support(tok: Token, lex: BlameLexicon) -> bool:
    """Is ``tok`` one of ``possessor-departments`` with its line of support right before
    it ("second-line support should have called the vendor"): the people of that line,
    where "support" alone is as often a feature?"""
    if tok.lower_ not in lex.possessor_departments or tok.i < 1 or tok.dep_ in _MODIFIER_DEPS:
        return False
    before = tok.doc[tok.i - 1]
    return before.head.i == tok.i and _tier(before, lex)


def _titled_unit(word: Token, lex: BlameLexicon) -> bool:
    """Is ``word`` a unit's name in title case of two words or more ("the Channel Pricing
    Operations group", bl34 class 1)? One word is as often a product's ("the Security
    Group" of a cloud network)."""
    if word.lower_ not in lex.unit_words or not word.text[:1].isupper():
        return False
    return any(c.dep_ == "compound" and c.text[:1].isupper() for c in word.lefts)


def _occupation(tok: Token, lex: BlameLexicon) -> bool:
    """Is ``tok`` a trade named by its ending (``occupation-suffixes``: "the caretaker",
    "the groundskeeper", "the electrician"), heading its phrase, and not a thing with the
    same ending (``occupation-things``: "zookeeper")?"""
    if not _heads_phrase(tok):
        return False
    word = tok.lemma_.lower()
    if word.endswith(lex.occupation_things):
        return False
    return any(word.endswith(s) and len(word) > len(s) + 1 for s in lex.occupation_suffixes)


#: what a department written bare may carry: "Ops, who owned the runbook," and "Finance's"
_BARE_DEPENDENTS = frozenset({"punct", "cc", "conj", "case", "relcl", "appos"})


def _shouted(tok: Token) -> bool:
    """Is ``tok`` written in capitals beside another word in capitals ("IT WAS DOWN")?"""
    doc = tok.doc
    near = [doc[i] for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(doc)]
    return any(t.is_alpha and len(t.text) > 1 and t.text.isupper() for t in near)


def _department_acts(tok: Token) -> bool:
    """Is a department name (``department-names``) written bare where people act: the
    subject of a verb ("Procurement sat on the renewal"), the agent of a passive ("ignored
    by Ops") or a possessor ("Finance's failure to renew"), or joined to one of these by
    "and"? With a word of its own before or after it, or as a noun's modifier, it names a
    thing: "the marketing site", "the ops dashboard", "write ops per second"."""
    if tok.pos_ not in ("NOUN", "PROPN") and tok.dep_ != "nsubj":
        return False  # "Accounting for retries broke the limit": a gerund
    if any(c.dep_ not in _BARE_DEPENDENTS for c in tok.children):
        return False
    node = tok
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head  # "Finance and Legal ignored it"
    if node.dep_ in ("nsubj", "poss"):
        return True
    return node.dep_ == "pobj" and node.head.lower_ == "by"


def job_title(tok: Token, lex: BlameLexicon) -> bool:
    """Is ``tok`` the last word of a job title written in title case after an article or a
    possessive ("the Network Lead", "our Release Manager"), which the small model tags a
    proper noun? Every word before it must be capitalised and none a thing a product is
    named after before a title products take (``titled-product-heads``: "the Secrets
    Manager" is a cloud service, "the Senior Network Engineer" a person)."""
    if tok.lower_ not in lex.titled_roles or tok.dep_ == "compound":
        return False
    words = [c for c in tok.lefts if c.dep_ == "compound"]
    if not words or (
        tok.lower_ in lex.titled_product_heads
        and any(w.lower_ in lex.titled_role_things for w in words)
    ):
        return False
    if not all(w.is_alpha and w.text[:1].isupper() and not w.text.isupper() for w in words):
        return False
    return any(c.dep_ in ("det", "poss") and c.tag_ in ("DT", "PRP$") for c in tok.lefts)


def _after_a_name(tok: Token) -> bool:
    """Is a legal form ("Ltd", "PLC") written after the name it completes ("Acme PLC",
    "Northgate Processing Ltd")? Alone, after an article, the same letters name a thing:
    "the PLC" on a factory floor is a programmable logic controller."""
    if tok.i < 1:
        return False
    before = tok.doc[tok.i - 1]
    return before.text[:1].isupper() and before.tag_ not in ("DT", "PRP$") and not before.is_punct


def _desk_kind(tok: Token, lex: BlameLexicon) -> bool:
    """Is one of ``desk-kinds`` written in lower case right before ``tok`` ("the support
    desk", "the help desk")? "Service Desk" written as a title names the ticketing product,
    and "the standing desk" a piece of furniture."""
    if tok.i < 1:
        return False
    before = tok.doc[tok.i - 1]
    return before.lower_ in lex.desk_kinds and before.text.islower() and tok.text.islower()


def _after_shift_time(tok: Token, lex: BlameLexicon) -> bool:
    """Is a shift's time written right before ``tok`` ("the night shift", "the day
    dispatcher"), or before "duty" right before it ("the night duty controller", "the duty
    controller")? The words, not the parse: "day" before a noun is hung on the verb as often
    as on the noun. "The duty cycle controller", "the heavy duty driver" and "every day the
    controller" name machines."""
    doc, i = tok.doc, tok.i
    if i < 1:
        return False
    before = doc[i - 1].lower_
    if before != "duty":
        return before in lex.shift_times
    return i < 2 or doc[i - 2].lower_ in lex.shift_times or doc[i - 2].tag_ in ("DT", "PRP$")


def _titled_body(tok: Token, lex: BlameLexicon) -> bool:
    """ "Board" written as a title after a body word ("the Change Advisory Board", the
    ``body-words``), before "of" ("the Board of Directors") or alone after "the" ("the
    Board"), or after a capitalised possessor ("the Admissions Office"); "the Main Board"
    and "the Jetson Board" are hardware."""
    doc, i = tok.doc, tok.i
    if not tok.text[:1].isupper() or tok.pos_ not in ("NOUN", "PROPN") or i < 1:
        return False
    if i + 1 < len(doc) and doc[i + 1].lower_ == "of":
        return True
    before = doc[i - 1]
    if before.tag_ == "POS" and i > 1 and doc[i - 2].text[:1].isupper():
        return True  # (bl29a) "the Admissions Office", "the Governor's Board"
    return before.lower_ == "the" or (before.text[:1].isupper() and before.lower_ in lex.body_words)


def split_handle(tok: Token) -> str | None:
    """The @handle that ``tok`` is the last piece of, when the tokenizer split it at a
    hyphen ("@priya-s" as "@priya", "-", "s"): the pieces touch, the first starts with @."""
    doc = tok.doc
    lo = tok.i
    while lo > 0 and not doc[lo - 1].whitespace_ and lo > tok.i - 4:
        lo -= 1
    if lo == tok.i or not doc[lo].text.startswith("@"):
        return None
    joined = doc[lo : tok.i + 1].text
    return joined if _HANDLE.fullmatch(joined) else None


def _hyphenated(tok: Token) -> str | None:
    """``tok`` joined to the next two tokens when they spell one hyphenated word."""
    doc = tok.doc
    if tok.i + 2 >= len(doc) or tok.whitespace_ or doc[tok.i + 1].text != "-":
        return None
    if doc[tok.i + 1].whitespace_:
        return None
    return f"{tok.text}-{doc[tok.i + 2].text}"


def hyphen_prefix(tok: Token) -> Token | None:
    """The first part of a hyphenated word that ``tok`` ends ("force" in "force-pushed",
    "on" in "the on-call"): the tokenizer splits the compound at its hyphen."""
    doc, i = tok.doc, tok.i
    if i < 2 or doc[i - 1].text != "-" or doc[i - 1].whitespace_ or doc[i - 2].whitespace_:
        return None
    return doc[i - 2] if doc[i - 2].is_alpha else None


def word_end(tok: Token) -> Token:
    """The last token of the hyphenated word ``tok`` opens ("enable" for "re" in
    "re-enable"), else ``tok``: a quote or a range ends with the word, not inside it."""
    doc, i = tok.doc, tok.i
    while (
        i + 2 < len(doc)
        and doc[i + 1].text == "-"
        and not doc[i].whitespace_
        and not doc[i + 1].whitespace_
        and doc[i + 2].is_alpha
    ):
        i += 2
    return doc[i]


def _full_name(tok: Token) -> str:
    """``tok`` with the capitalised name parts around it ("Ana Lima", "Lima, Ana" is not
    joined): the given name is enough to know a person, the full name is what is shown."""
    lo = tok.i
    while lo > 0 and tok.doc[lo - 1].dep_ == "compound" and tok.doc[lo - 1].text[:1].isupper():
        lo -= 1
    hi = tok.i
    while (
        hi + 1 < len(tok.doc)
        and tok.doc[hi + 1].pos_ == "PROPN"
        and tok.doc[hi + 1].text[:1].isupper()
        and tok.doc[hi].dep_ == "compound"
    ):
        hi += 1
    return tok.doc[lo : hi + 1].text


#: quantities that head a group of people ("several of us", "one of our developers")
_GROUP_HEADS = frozenset(
    [
        "one",
        "two",
        "three",
        "several",
        "some",
        "many",
        "few",
        "most",
        "plenty",
        "all",
        "any",
        "each",
        "none",
        "both",
        "others",
        "rest",
    ]
)


def group_member(tok: Token) -> Token | None:
    """The people a quantity stands for ("several of us" -> "us", "others on the team" ->
    "team", "the rest of the reviewers" -> "reviewers"), else None."""
    if tok.lower_ not in _GROUP_HEADS:
        return None
    preps = ("of", "on", "in", "from") if tok.lower_ in ("others", "rest") else ("of",)
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _after_disclaimer(gerund: Token) -> Token | None:
    """The noun after "but" that the small model joined to a negated gerund's object and
    so lost as the subject of the verb after it ("Not blaming anyone but the duty
    engineer should've ...": "blaming" read as the clausal subject, "engineer" as a
    conjunct of "anyone"); a disclaimer does not take the blame that follows it back (bl38)."""
    if gerund.tag_ != "VBG" or not any(c.dep_ == "neg" for c in gerund.children):
        return None
    for t in gerund.subtree:
        joined = t.dep_ == "conj" and t.pos_ in ("NOUN", "PROPN") and t.head.i != gerund.i
        if joined and any(
            c.dep_ == "cc" and c.lower_ == "but" and c.i < t.i for c in t.head.children
        ):
            return t
    return None


def _label_noun(tok: Token) -> bool:
    """Is ``tok`` a label's noun ending in a colon ("Root cause: ..."), which the small model
    hangs on the clause after it as a second subject when the real subject carries an
    appositive ("Root cause: Wen Li, our shift lead, approved ...")?"""
    return any(c.dep_ == "punct" and c.text == ":" and c.i > tok.i for c in tok.children)


def subject_of(verb: Token) -> Token | None:
    """The nominal subject of ``verb``, borrowed from the head for coordinated verbs, or
    found under its auxiliary where the small model hangs it ("ACME did/aux<-ACME n't
    catch")."""
    node: Token | None = verb
    for _ in range(3):
        if node is None:
            return None
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
        if len(subjects) > 1 and _label_noun(subjects[0]):
            subjects = subjects[1:]  # "Root cause: Ilse Brandt, the ..., loaded": past the label
        for c in subjects:
            if c.tag_ in ("WP", "WDT") and node.dep_ == "relcl":
                return node.head
            return c
        for c in node.children:  # "Whoever approved it should have ...": the free relative's
            if c.dep_ == "csubj":  # own subject
                who = next((g for g in c.children if g.dep_ == "nsubj" and g.tag_ == "WP"), None)
                if who is None:
                    who = _after_disclaimer(c)
                if who is not None:
                    return who
        for c in node.children:
            if c.dep_ == "aux" and c.i < node.i:
                under = next((g for g in c.children if g.dep_ == "nsubj"), None)
                if under is not None:
                    return under
        if node.dep_ in ("conj", "xcomp") and node.head.i != node.i:
            node = node.head
        else:
            return None
    return None


# -- section context -------------------------------------------------------------------------
#
# The document is read in parts: the opening prose (before the first heading) and each
# section's own content (its heading's end up to the next heading of any level). What a
# sentence's selection and context read lies in its part (its blocks, label lines, the
# section's root-cause statements), except for a few facts decided on the whole document,
# which :func:`document_parts` hands each part as its own small projection: the label
# regions and metadata fields that reach into it, and the root-cause statements that a
# label elsewhere points at. So a part's selection is a function of its text and of its
# :class:`Part` (``checks.py`` memoises it per part).


class PartContext(NamedTuple):
    """What a part's sentences read of the section the part is the own content of (a
    tuple: part of a memo key, made for every part on every lint)."""

    canonical: str | None  #: the section's canonical name
    inherited: str | None  #: its own, else the nearest canonical name above it
    #: opening prose: before any heading, or under the title before its first section
    opening: bool
    #: a root-cause section whose statements PM107 reads (not a "### Why" step of a chain)
    rca_section: bool
    #: a section of questions ("Five Whys", "Open questions", "FAQ"): a statement after
    #: a question answers it (bl32, :func:`pm_lsp.rules.blame.questions.asking`)
    questions: bool = False


#: the part before the first heading
_OPENING = PartContext(None, None, True, False)


class Part(NamedTuple):
    """One part of the document and the document-wide facts projected onto it."""

    lo: int  #: where the part starts in the document
    hi: int
    section: Section | None  #: the section it is the own content of (None: the opening)
    context: PartContext
    #: label regions and metadata fields that reach into the part, clipped to it and
    #: relative to its start
    regions: tuple[tuple[int, int, str], ...]
    #: starts (relative, sorted) of root-cause statements that a label region points at
    rca: tuple[int, ...]


def document_parts(doc: PostmortemDoc, lex: BlameLexicon, template: Template) -> list[Part]:
    """The parts of ``doc`` in order, each with its context: the cheap pass made on every
    lint, one step per section (no block or sentence is read here, except the prose after
    a root-cause label)."""
    secs = doc.sections
    bounds: list[tuple[Section | None, int, int]] = [
        (None, 0, secs[0].heading.start if secs else len(doc.text))
    ]
    bounds += [(s, s.content.start, s.content.end) for s in secs]
    regions = _regions(doc, template)
    reach = _reach(regions, bounds) if regions else {}
    rca = _points(_region_targets(doc, lex, regions), bounds) if regions else {}
    return [
        Part(lo, hi, s, part_context(s, lex), reach.get(i, ()), rca.get(i, ()))
        for i, (s, lo, hi) in enumerate(bounds)
        if lo < hi
    ]


def _points(
    starts: set[int], bounds: Sequence[tuple[Section | None, int, int]]
) -> dict[int, tuple[int, ...]]:
    """For each part (by index) that holds some of ``starts``, those starts, sorted and
    relative to the part's start (a handful in a document: asked by them, not by part)."""
    los = [lo for _s, lo, _hi in bounds]
    got: dict[int, list[int]] = {}
    for x in sorted(starts):
        i = bisect.bisect_right(los, x) - 1
        if i >= 0 and x < bounds[i][2]:
            got.setdefault(i, []).append(x - los[i])
    return {i: tuple(v) for i, v in got.items()}


def part_context(section: Section | None, lex: BlameLexicon) -> PartContext:
    """What the sentences in ``section``'s own content read of it (:class:`PartContext`)."""
    if section is None:
        return _OPENING
    canonical = section.canonical
    inherited = canonical
    parent = section.parent
    if inherited is None:
        node = parent
        while node is not None and node.canonical is None:
            node = node.parent
        inherited = node.canonical if node is not None else None
    # a level-1 section with subsections: its own content ends at the first of them
    opening = parent is None and section.level == 1 and bool(section.children)
    rca = canonical in lex.root_cause_sections and not (
        parent is not None and parent.canonical == canonical and _asks_why(section.title)
    )
    listed = lex.lists_questions(section.title) or any(
        lex.lists_questions(n.title) for n in section.ancestors()
    )
    return PartContext(canonical, inherited, opening, rca, listed)


def _reach(
    regions: Sequence[tuple[int, int, str]], bounds: Sequence[tuple[Section | None, int, int]]
) -> dict[int, tuple[tuple[int, int, str], ...]]:
    """For each part (by index) that regions reach into, those regions clipped to it and
    relative to its start. A label line before the first heading opens a region that may
    run far into the document, so a region is given to every part it overlaps."""
    los = [lo for _s, lo, _hi in bounds]
    got: dict[int, list[tuple[int, int, str]]] = {}
    for a, e, canon in regions:
        i = max(0, bisect.bisect_right(los, a) - 1)
        while i < len(bounds) and bounds[i][1] < e:
            _s, lo, hi = bounds[i]
            if a < hi and lo < e:
                got.setdefault(i, []).append((max(a, lo) - lo, min(e, hi) - lo, canon))
            i += 1
    return {i: tuple(v) for i, v in got.items()}


def _regions(doc: PostmortemDoc, template: Template) -> list[tuple[int, int, str]]:
    """Label regions and bold fields ("**Root cause**: ...") with their canonical section:
    the ones decided on the whole document (a plain label inside a block is its part's:
    :func:`_inline_labels`)."""
    out: list[tuple[int, int, str]] = []
    for label, span, _sec in labelled_regions(doc):
        canon = template.canonical_section(label)
        if canon:
            out.append((span.start, span.end, canon))
    for f in doc.metadata:
        canon = template.canonical_section(f.key)
        if canon and f.source != "front-matter":
            out.append((f.value_span.start, f.value_span.end, canon))
    return out


def _inline_labels(
    blocks: Sequence[Block], template: Template, causes: Collection[str]
) -> list[tuple[Block, int, str]]:
    """ "- Root cause: the zone file ...": a plain or bold label in a note list or a
    paragraph, as its block, where the text after the label starts (its region runs to the
    block's end) and its canonical section. A label opens the block's first sentence (after
    a clause number too: "4.2 **Root cause:** ..."); a root-cause label (its canonical
    section one of ``causes``) may also open a later sentence of the block ("The export ran
    twice. **Root cause:** the operator's decision ..."), where a report gives its finding
    in the paragraph that tells the story."""
    out: list[tuple[Block, int, str]] = []
    for b in blocks:
        if b.kind not in ("paragraph", "list_item") or ":" not in b.text:
            continue  # no label can end there (the cheap test, asked of every block)
        for n, (a, _e) in enumerate(sentence_spans(b.text)):
            if ":" not in b.text[a : a + 48] or (m := _INLINE_LABEL.match(b.text, a)) is None:
                continue
            canon = template.canonical_section(m.group("label"))
            if canon and (n == 0 or canon in causes):
                out.append((b, b.start + m.end(), canon))
    return out


#: a block opening with a plain section label and its text on the same line
_INLINE_LABEL = re.compile(r"[ \t*_]*(?P<label>[A-Za-z][A-Za-z '/&-]{2,40}?)[ \t*_]*:[ \t]+(?=\S)")


def _where(
    context: PartContext,
    offset: int,
    regions: Sequence[tuple[int, int, str]],
    sentence: str = "",
) -> frozenset[str]:
    names: set[str] = set()
    if context.canonical:
        names.add(context.canonical)
    for a, e, canon in regions:
        if a <= offset < e:
            names.add(canon)
    if not names and context.inherited:
        names.add(context.inherited)
    if not names and context.opening and not _STAMPED.match(sentence):
        names.add("summary")  # a cause pinned on someone in the opening prose is a summary's
    return frozenset(names)


#: a sentence that opens with a clock time is a log line, narrative even before any heading
_STAMPED = re.compile(r"\W{0,4}\d{1,2}[:.h]\d{2}\b")


@lru(16_384)
def _asks_why(text: str) -> bool:
    """Does a block open with "why" (a 5-whys question)? Memoised: a pure function of the
    text, asked for every block of every root-cause section on every lint."""
    return text.lstrip().lower().startswith("why")


def _five_whys_answer(doc: PostmortemDoc, section: Section) -> Block | None:
    """The last answer of a 5-whys chain written as questions and answers in ``section``:
    the block that asks the last "why" when it answers it too ("5. Why was it not caught?
    Staging had no such data."), else the block right after it. What follows the chain (a
    closing remark, who wrote the analysis) is not its answer."""
    blocks = [
        b for b in doc.blocks_in(section, nested=False) if b.kind in ("paragraph", "list_item")
    ]
    asked = [i for i, b in enumerate(blocks) if _asks_why(b.text)]
    if not asked:
        return None
    last = asked[-1]
    if not blocks[last].text.rstrip().endswith("?"):
        return blocks[last]
    after = blocks[last + 1] if last + 1 < len(blocks) else None
    return after if after is not None and not after.text.rstrip().endswith("?") else None


def _stated_causes(doc: PostmortemDoc, section: Section, lex: BlameLexicon) -> list[int]:
    """Start offsets of the sentences of ``section`` that state the cause ("Ultimately, the
    real cause was ..."): root-cause statements wherever they stand in the section."""
    out: list[int] = []
    for b in doc.blocks_in(section, nested=False):
        if b.kind not in ("paragraph", "list_item") or not lex.cause_statement.search(b.text):
            continue
        for a, e in sentence_spans(b.text):
            if lex.cause_statement.search(b.text, a, e):
                out.append(b.start + a)
    return out


def _field_lines(
    doc: PostmortemDoc, lex: BlameLexicon, template: Template, lo: int, hi: int
) -> list[tuple[int, int]]:
    """The lines between ``lo`` and ``hi`` that are metadata fields ("**Company:** Acme
    Ltd.", "Team: Payments"), from the line's start to the value's end: a record of who or
    what, not prose that states a cause, so no root-cause statement starts there. A field
    whose key is a root-cause label ("**Root cause:** ...") is the statement itself and
    stays."""
    out: list[tuple[int, int]] = []
    for f in doc.metadata:
        if f.source not in ("bold", "plain") or not lo <= f.key_span.start < hi:
            continue
        if template.canonical_section(f.key) in lex.root_cause_sections:
            continue
        out.append((doc.text.rfind("\n", 0, f.key_span.start) + 1, f.value_span.end))
    return out


def _in_fields(fields: Sequence[tuple[int, int]], offset: int) -> bool:
    """Does ``offset`` lie on one of the metadata field lines ``fields``?"""
    return any(a <= offset < e for a, e in fields)


def _all_fields(b: Block, fields: Sequence[tuple[int, int]]) -> bool:
    """Is every sentence of block ``b`` on a metadata field line (a block of
    "**Key:** value" lines under a heading)?"""
    spans = sentence_spans(b.text) if fields else []
    return bool(spans) and all(_in_fields(fields, b.start + a) for a, _e in spans)


def _section_targets(
    doc: PostmortemDoc, s: Section, lex: BlameLexicon, fields: Sequence[tuple[int, int]]
) -> set[int]:
    """Start offsets of the sentences PM107 reads in root-cause section ``s``'s own content:
    the first sentence of its first prose block that is neither a label nor a block of
    metadata fields (``fields``), the sentences that state the cause, and the last answer
    of a 5-whys chain."""
    starts: set[int] = set()
    opening = next(
        (
            b
            for b in doc.blocks_in(s, nested=False)
            if b.kind in ("paragraph", "list_item")
            and label_of(doc, b) is None
            and not _all_fields(b, fields)
        ),
        None,
    )
    if opening is not None:
        spans = sentence_spans(opening.text)
        if spans:
            starts.add(opening.start + spans[0][0])
    starts.update(_stated_causes(doc, s, lex))
    answer = _five_whys_answer(doc, s)
    if answer is not None:
        spans = sentence_spans(answer.text)
        if spans:
            starts.add(answer.start + spans[-1][0])
    return starts


def _region_targets(
    doc: PostmortemDoc, lex: BlameLexicon, regions: Sequence[tuple[int, int, str]]
) -> set[int]:
    """Start offsets of the first sentence after each root-cause label region's start (the
    prose block holding it, else the next one, wherever it is)."""
    starts: set[int] = set()
    for a, _e, canon in regions:
        if canon in lex.root_cause_sections:
            nxt = _prose_at(doc, a)
            if nxt is not None and (at := _first_after(nxt, a)) is not None:
                starts.add(at)
    return starts


def _prose_at(doc: PostmortemDoc, offset: int) -> Block | None:
    """:func:`_block_at` over the paragraphs and list items of ``doc``, found from the
    document's own index of its blocks: asked on every lint, where a list of the prose
    blocks and their starts cost a walk of the document each time."""
    before = doc.blocks_between(0, offset + 1)
    for b in reversed(before):
        if b.kind in ("paragraph", "list_item"):
            if offset < b.end:
                return b
            break
    after = doc.blocks_between(offset, len(doc.text) + 1)
    return next((b for b in after if b.kind in ("paragraph", "list_item")), None)


def _first_after(block: Block, offset: int) -> int | None:
    """Where the first sentence of ``block`` after ``offset`` (and after the label's
    emphasis, colon and spaces) starts."""
    rel = max(0, offset - block.start)
    while rel < len(block.text) and block.text[rel] in " \t*_:":
        rel += 1
    for x, _y in sentence_spans(block.text[rel:]):
        return block.start + rel + x
    return None


def _block_at(prose: Sequence[Block], starts: Sequence[int], offset: int) -> Block | None:
    """The block holding ``offset``, else the first block after it.

    Paragraphs and list-item paragraphs are leaf blocks, disjoint and in document order,
    so the one that may hold ``offset`` is the last to start at or before it, and the next
    is the first to start at or after it: two bisections instead of two scans per label
    region."""
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and offset < prose[i].end:
        return prose[i]
    j = bisect.bisect_left(starts, offset)
    return prose[j] if j < len(prose) else None


# -- the sentences and the text they are judged on ------------------------------------------

_PROSE = ("paragraph", "list_item", "table_cell")


def candidate_sentences(
    doc: PostmortemDoc,
    lex: BlameLexicon,
    template: Template,
    nlp: NLP,
    judgment: Judgment[None, Any, Any],
) -> list[Sentence]:
    """The prose sentences the judges read in ``doc``, in document order (offsets in the
    document): :func:`part_sentences` of every part."""
    out: list[Sentence] = []
    for part in document_parts(doc, lex, template):
        for _b, s in part_sentences(doc, part, lex, template, nlp, judgment)[0]:
            out.append(Sentence(part.lo + s.base, s.text, s.where, s.rca_statement))
    return out


def part_sentences(
    doc: PostmortemDoc,
    part: Part,
    lex: BlameLexicon,
    template: Template,
    nlp: NLP,
    judgment: Judgment[None, Any, Any],
) -> tuple[list[tuple[Block, Sentence]], bool]:
    """The prose sentences the judges read in ``part``, in order, each with its block,
    offsets relative to the part's start: those ``judgment``'s prefilter selects (every one inside
    :func:`pm_lsp.nlp.judge.full_parse`), and the root-cause statements.

    Headings are titles and block quotes quote someone else: only paragraphs, list items
    and table cells are read. Also says whether the answer is a function of the part's
    text and :class:`Part` alone: False when a block of the part is not where the part
    says (it reaches out of the part, or the parser put it under another section), so
    that its answer is not memoised."""
    lo, hi = part.lo, part.hi
    blocks = [b for b in doc.blocks_between(lo, hi) if b.kind in _PROSE]
    keyed = all(b.end <= hi and b.section is part.section for b in blocks)
    labels = _inline_labels(blocks, template, lex.root_cause_sections)
    regions = [(lo + a, lo + e, c) for a, e, c in part.regions]
    regions += [(a, b.end, c) for b, a, c in labels]
    rca = sorted(_part_targets(doc, part, lex, template, labels))
    picked = select(nlp, judgment, [(b.text, None) for b in blocks])
    out: list[tuple[Block, Sentence]] = []
    for b, spans in zip(blocks, picked, strict=True):
        first = bisect.bisect_left(rca, b.start)
        holds_rca = first < len(rca) and rca[first] < b.end
        if holds_rca:  # the statement joins the selected sentences, in their order
            chosen = set(spans)
            spans = tuple(
                (a, e)
                for a, e in sentence_spans(b.text)
                if (a, e) in chosen or _holds(rca, first, b.start + a, b.start + e)
            )
        if not spans:
            continue
        # the label regions that reach into this block (most blocks: none)
        near = [r for r in regions if r[0] < b.end and b.start < r[1]] if regions else regions
        context = part.context if b.section is part.section else part_context(b.section, lex)
        for a, e in spans:
            base = b.start + a
            is_rca = holds_rca and _holds(rca, first, base, b.start + e)
            where = _where(context, base, near, b.text[a:e])
            out.append((b, Sentence(base - lo, b.text[a:e], where, is_rca)))
    return out, keyed


def _part_targets(
    doc: PostmortemDoc,
    part: Part,
    lex: BlameLexicon,
    template: Template,
    labels: Sequence[tuple[Block, int, str]],
) -> set[int]:
    """Start offsets (in the document) of the root-cause statements in ``part``: its
    section's when it is a root-cause section, the first sentence after a plain root-cause
    label in one of its blocks, and those that a label region elsewhere points at; none on
    a metadata field line (:func:`_field_lines`)."""
    fields = _field_lines(doc, lex, template, part.lo, part.hi)
    starts = {part.lo + x for x in part.rca}
    if part.section is not None and part.context.rca_section:
        starts |= _section_targets(doc, part.section, lex, fields)
    for b, a, canon in labels:  # the label's own block holds the text after it
        if canon in lex.root_cause_sections and (at := _first_after(b, a)) is not None:
            starts.add(at)
    return {x for x in starts if not _in_fields(fields, x)} if fields else starts


def _holds(starts: Sequence[int], lo: int, start: int, end: int) -> bool:
    """Does one of the sorted ``starts`` (from index ``lo`` on) lie in ``[start, end)``?"""
    i = bisect.bisect_left(starts, start, lo)
    return i < len(starts) and starts[i] < end


#: what :func:`pm_lsp.rules.blame.rewrite.replace_fix` skips when it looks back from a phrase for
#: the end of the previous sentence (to keep a capital letter)
_LOOK_BACK = frozenset(" \t*_\"'“(")


def judge_window(text: str, start: int, end: int) -> tuple[int, int]:
    """The slice of the original ``text`` that the judges and the rewrites may read for
    the sentence ``text[start:end]``: the sentence, the character after it (a deleted word's
    trailing space), and before it the run of quote, emphasis and space characters plus one
    character (a deleted word's leading space; the capitalisation check of a replacement),
    back over a clause number inside emphasis too, and on over the emphasis closed right
    after the sentence (whether the sentence is a bold run-in sub-heading). A judgment is a
    pure function of this slice, the sentence's masked text and its context, which is what
    lets the judgment be memoised (:func:`pm_lsp.rules.blame.checks.analyse`)."""
    k = _looked_back(text, start)
    m = _CLAUSE_NUMBER.search(text, max(0, start - 16), start)
    if m is not None and m.start() > 0 and text[m.start() - 1] in "*_":
        k = _looked_back(text, m.start())  # "**5.1 Change management.**": the emphasis
        # opens before the clause number
    e = end
    while e < len(text) and text[e] in "*_":
        e += 1  # and closes after the sentence: a run-in sub-heading (tone._bold_label)
    return max(0, k - 1), min(len(text), e + 1)


#: a clause number right before a sentence ("5.1 ", "B. ", "2) ")
_CLAUSE_NUMBER = re.compile(r"[0-9A-Za-z]{1,3}(?:\.[0-9]{1,3})*[.)]?[ \t]+$")


def _looked_back(text: str, k: int) -> int:
    """Where the run of quote, emphasis and space characters before ``k`` starts."""
    while k > 0 and text[k - 1] in _LOOK_BACK:
        k -= 1
    return k


__all__ = [
    "Sentence",
    "candidate_sentences",
    "group_member",
    "hyphen_prefix",
    "judge_window",
    "person_name",
    "subject_of",
    "word_end",
]
