"""PM603 undefined-acronym on a fixture postmortem written for it: first uses of acronyms the
document never spells out are reported once each; definitions in every written form, known
acronyms, quotes, code, identifiers, phrases and lines in capitals stay clean."""

from __future__ import annotations

import random
import re

import pytest
from conftest import FIXTURES, LintFn

from pm_lsp.policy.rulepack import builtin_pack
from pm_lsp.rules.readability.acronyms import _CLOCK, _ZONE_AFTER_CLOCK
from pm_lsp.rules.readability.expansions import (
    _initial_pairs_by_run,
    initial_pairs,
    letter_pairs,
    written_out,
)
from pm_lsp.rules.spec import Severity

TEXT = (FIXTURES / "readability" / "acronyms.md").read_text(encoding="utf-8")


def _found(text: str, lint_text: LintFn, **settings: object) -> list[str]:
    diags = lint_text(text, select=["PM603"], **settings).diagnostics
    return [text[d.start : d.end] for d in diags]


def test_first_use_of_each_undefined_acronym(lint_text: LintFn) -> None:
    diags = lint_text(TEXT, select=["PM603"]).diagnostics
    assert [TEXT[d.start : d.end] for d in diags] == ["HSM", "PSP", "NVRAM", "QRS"]
    first = diags[0]
    assert first.start == TEXT.index("HSM")  # the first use, not a later one
    assert first.severity == Severity.INFO
    assert "'HSM' is never spelled out" in first.message
    assert first.fix is None


def test_every_written_definition_counts(lint_text: LintFn) -> None:
    forms = [
        "Our Web Application Firewall (WAF) was fine. The WAF logs are clean.",
        "Our WAF (web application firewall) was fine.",
        "The WAF was fine. WAF stands for web application firewall.",
        "The WAF was fine.\n\n- WAF: the web application firewall.",
        "The WAF was fine.\n\n| Term | Meaning |\n|---|---|\n| WAF | web application firewall |",
        "The WAFs were fine. Both web application firewalls (WAFs) passed.",
    ]
    for text in forms:
        assert _found(text, lint_text) == [], text


def test_a_parenthesis_that_is_not_the_expansion_defines_nothing(lint_text: LintFn) -> None:
    """Words in parentheses after an acronym define it only when they plausibly spell it:
    a note on how a figure was measured, a unit or a product name is no expansion, and
    the acronym is reported at its first use (here, that very one)."""
    notes = [
        ("The LCR (weekly) climbed to 4% before the freeze.", "LCR"),
        ("Our PTR (holdout set) barely moved, so the gate passed.", "PTR"),
        ("The RPO (4 hours) was missed by a wide margin.", "RPO"),
        ("Traffic moved to the KVX (Fastly) edge at noon.", "KVX"),
        ("The QBM (see the runbook) restarted twice.", "QBM"),
    ]
    for text, acronym in notes:
        assert _found(text, lint_text) == [acronym], text


def test_a_parenthesis_that_spells_the_acronym_defines_it(lint_text: LintFn) -> None:
    """Initials in order, small words allowed, hyphenated words split, leading "the"/"our"
    stepped over; or the letters in order inside the words, the first opening the first
    word (an abbreviation of one or two words: "PGQ (Postgres queue)")."""
    forms = [
        "The RPO (recovery point objective) was missed.",
        "The BoO (Bank of Oslo) feed stalled.",
        "The MFA (multi-factor authentication) prompt timed out.",
        "The ORT (the order routing tier) shed load.",
        "The PGQ (Postgres queue) backed up.",
        "The VIPX (virtual IP exchange) moved to the standby.",
        "The IDB (index database) was rebuilt overnight.",
    ]
    for text in forms:
        assert _found(text, lint_text) == [], text
    # a definition in parentheses placed after the first use still leaves that use reported
    later = "The LCR dipped at noon.\n\nThe LCR (loss coverage ratio) is computed weekly."
    assert _found(later, lint_text) == ["LCR"]


def test_hard_negatives(lint_text: LintFn) -> None:
    clean = [
        "At 14:05 UTC the API returned HTTP 502 and DNS kept resolving.",  # known
        "> The vendor wrote: RMA approved.",  # someone else's words
        "We ran `QQX --force` and read the ZZT_FLAG value.",  # code and identifiers
        "The report query checks IS NOT NULL.",  # a phrase in capitals
        "THE PAGER SAID QQX DOWN AGAIN.",  # a line in capitals
        "## QQX cluster\n\nThe cluster recovered.",  # headings are titles
        "# QIR: checkout queue stall\n\nThe queue stalled for an hour.",  # the title too
        "| Step | Owner |\n|---|---|\n| QQX restart | on-call |",  # table cells: shorthand
        "The path /QQX/data and the flag --QQX were unchanged; @QQX reviewed.",
        "We JUST missed the window, and the pager NEVER fired.",  # emphasis (PM106's words)
        "The copy ran before ATTACH, and TRUNCATE emptied the table.",  # SQL statements
        "The job wrote in MERGE mode, then an UPSERT with RETURNING ran.",
        # a currency code with its amount, before or after it
        "Refunds came to EUR 1.12M and USD 40,000; the fee was 3,000 GBP.",
        "Card holds of NOK 5,000 and 2.5k SEK were released.",
        "Revenue is reported in EUR, GBP and JPY; the carrier NAT and the ISO date stayed.",
        # process signals as the kernel names them (the six-letter ones: a longer word
        # of capitals is never read as an acronym)
        "The worker ignored SIGINT and died of SIGBUS 30 s later.",
        "A SIGILL on start on the old CPUs; SIGHUP reloads the config.",
    ]
    for text in clean:
        assert _found(text, lint_text) == [], text


def test_acronyms_in_table_cells_written_as_words(lint_text: LintFn) -> None:
    """A cell of three words or more (a timeline event, an action, a report's name) is read
    like prose, and a first use there is the first use: reported at the cell, not at a later
    paragraph. Header cells and short cells (labels, values, shorthand) are not read."""
    text = (
        "# T\n\n| Time | Event |\n|---|---|\n"
        "| 10:02 | The on-call QQD restarted the ingest queue |\n"
        "| 10:09 | QQW 4 |\n\n"
        "| QQH owner | Action |\n|---|---|\n| @li | Page the QQV when the backlog grows |\n\n"
        "Later the QQD confirmed the queue drained.\n"
    )
    diags = lint_text(text, select=["PM603"]).diagnostics
    assert [(text[d.start : d.end], d.start) for d in diags] == [
        ("QQD", text.index("QQD")),
        ("QQV", text.index("QQV")),
    ]


def test_a_row_label_of_a_word_and_an_acronym_is_a_use(lint_text: LintFn) -> None:
    """A body row's first cell of one word then an acronym names what the row measures
    ("Regional QQB", "Weekly QQM"), a use like an acronym alone there ("QQA"). Look-alikes
    that stay shorthand: the acronym first ("QQS rollback"), two acronyms ("EU QQT"), a
    value cell ("Paid QQU" in the second column), a header cell."""
    text = (
        "# T\n\n| Metric | Before | After |\n|---|---|---|\n"
        "| Regional QQB | 4.1 | 2.9 |\n| Weekly QQM | 80 | 64 |\n| QQA | 12 | 9 |\n"
        "| QQS rollback | 2 | 0 |\n| EU QQT | 3 | 3 |\n| Spend | Paid QQU | 5 |\n\n"
        "| Mobile QQH | Note |\n|---|---|\n| Tablets | none |\n"
    )
    assert _found(text, lint_text) == ["QQB", "QQM", "QQA"]


def test_message_shows_the_acronyms_own_form(lint_text: LintFn) -> None:
    """The message shows where the acronym goes after its words, with the acronym itself:
    no example acronym the document does not hold."""
    (d,) = lint_text("The QQX node failed.", select=["PM603"]).diagnostics
    assert "followed by '(QQX)'" in d.message and "BGP" not in d.message


def test_three_capitals_without_an_amount_are_still_acronyms(lint_text: LintFn) -> None:
    """Only an amount next to them makes three capitals a currency: "the QQZ queue" and
    "QQZ handled 40 requests" (a word between) are still reported."""
    assert _found("The QQZ queue handled 40 requests.", lint_text) == ["QQZ"]


def test_emphasis_words_come_from_the_blame_pack(lint_text: LintFn) -> None:
    """The shouted words are the blame family's list: a word it does not list is still an
    acronym ("JUMP" is reported where "JUST" is not)."""
    assert _found("We JUST missed it and the JUMP host failed.", lint_text) == ["JUMP"]


def test_known_option_and_positions(lint_text: LintFn) -> None:
    text = "Le 🚒 service QQX a redémarré. 火事 QQZ too."
    assert _found(text, lint_text) == ["QQX", "QQZ"]
    assert _found(text, lint_text, rules={"PM603": {"known": ["QQX"]}}) == ["QQZ"]
    crlf = "# T\r\n\r\nThe QQX node failed.\r\n"
    assert _found(crlf, lint_text) == ["QQX"]


def test_format_placeholders_are_not_acronyms(lint_text: LintFn) -> None:
    """The letters of a date or time format joined by separators stand for a value."""
    clean = [
        "Each test call is logged as HH:MM with the result.",
        "The export writes YYYY-MM-DD dates; the old report used DD.MM.YYYY.",
        "Operators type the start as hh:mm:ss in the form.",
        "Cut-off dates are entered as MM/DD without the year.",
    ]
    for text in clean:
        assert _found(text, lint_text) == [], text
    # the same letters alone, or beside a real time, are still initials
    assert _found("The HH team paged us at 10:40.", lint_text) == ["HH"]
    assert _found("The DD export ran at 09:15 UTC.", lint_text) == ["DD"]


def test_a_camel_case_name_spells_its_acronym(lint_text: LintFn) -> None:
    """A CamelCase word whose capitals spell the acronym defines it ("PodDisruptionBudget"
    for "PDB"); one whose capitals spell something else does not, and one written after
    the first use defines it there (the message says where)."""
    clean = [
        "The HorizontalPodAutoscaler added pods. Later the HPA reached its ceiling.",
        "A PodDisruptionBudget blocked the drain.\n\nThe PDB allowed one eviction.",
        "We moved the job to a CronWorker queue; each CW retried twice.",
    ]
    for text in clean:
        assert _found(text, lint_text) == [], text
    assert _found("The HorizontalPodAutoscaler stalled and the HPS lagged.", lint_text) == ["HPS"]
    assert _found("The PostgreSQL primary failed; the PSQL shell hung.", lint_text) == ["PSQL"]
    text = "The PDB blocked the drain.\n\nA PodDisruptionBudget allows one eviction."
    diags = lint_text(text, select=["PM603"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == ["PDB"]
    assert "before it is spelled out (line 3)" in diags[0].message


def test_product_names_in_capitals_are_not_acronyms(lint_text: LintFn) -> None:
    """Products named in capitals (rules/readability.toml product-names) are names; an
    unknown word in capitals beside them is still reported."""
    assert _found("BIND served the zone until NGINX took over.", lint_text) == []
    assert _found("BIND served the QQX zone.", lint_text) == ["QQX"]


def test_languages_formats_and_common_protocols_are_known(lint_text: LintFn) -> None:
    """A programming language, a file or media format or a feed or mail protocol named in
    capitals is its everyday name, never spelled out; a protocol only its field knows, and
    unknown initials beside them, still are."""
    clean = [
        "The upload form, written in PHP, rejected every PNG and JPEG over 2 MB.",
        "Invoices went out as DOCX files and the ledger export as XLSX; the GIFs stayed.",
        "The COBOL batch fed the REST gateway, which the podcast RSS feed also read.",
        "Mail clients lost IMAP sessions, and partners could not reach the SFTP drop.",
    ]
    for text in clean:
        assert _found(text, lint_text) == [], text
    assert _found("The PHP workers lost their LDAP binds.", lint_text) == ["LDAP"]
    assert _found("Thumbnails in SVG and QQX format failed.", lint_text) == ["QQX"]


def test_computing_basics_and_everyday_codes_are_known(lint_text: LintFn) -> None:
    """Computing's own names for its basic ideas (a field, an eviction order, an
    identifier's standard) and initials everyday English uses as the thing's name (a QR
    code) are read without their words; a product's or a trade's initials beside them
    still are spelled out."""
    clean = [
        "The ML ranking job filled the LRU cache with cold keys.",
        "Each order got a UUID, and the FIFO queue replayed them in ASCII order.",
        "Volunteers taped a QR code to each kiosk, and the LLM summaries were paused.",
        "The LFU eviction kept the CRUD endpoints warm; a GUID clash broke one LIFO stack.",
    ]
    for text in clean:
        assert _found(text, lint_text) == [], text
    assert _found("The ML job read from the QVS mount over NFS.", lint_text) == ["QVS", "NFS"]


def test_conformance_levels_are_not_acronyms(lint_text: LintFn) -> None:
    """A grade in letters ("WCAG 2.2 AA") is a level, not initials to spell out; the
    standard's own initials still are."""
    assert _found("The new form meets WCAG 2.2 AA, and the old one met AAA.", lint_text) == ["WCAG"]


def test_a_companys_legal_form_after_its_name_is_no_acronym(lint_text: LintFn) -> None:
    """ "AS", "AB", "LLC" after a company's name are its legal form, part of the name, even
    with a parenthesis after them; alone, or after a determiner, the same letters are read
    as usual (the BGP "AS 64500")."""
    clean = [
        "Prepared for Nordvik Fiskeprodukter AS (contract 7781).",
        "The carrier, Brightline Freight, LLC, confirmed the delay.",
        "Invoices from Solberg Metall AB were held for a day.",
    ]
    for text in clean:
        assert _found(text, lint_text) == [], text
    assert _found("Our AS announced the wrong prefix.", lint_text) == ["AS"]
    assert _found("Routes from AS 64500 were dropped.", lint_text) == ["AS"]


def test_a_numbered_as_after_a_name_is_an_autonomous_system(lint_text: LintFn) -> None:
    """A number after "AS" makes it an autonomous system's number, also after a carrier's
    name: the legal-form reading needs the letters to end the name."""
    for text in [
        "Sessions with Telia AS 1299 dropped at 03:10.",
        "Traffic through Zayo AS 6461 was shifted away.",
        "The route via Lumen AS 3356 was preferred.",
    ]:
        assert _found(text, lint_text) == ["AS"], text
    # a legal form before a number that is not the AS's own stays a legal form
    assert _found("Invoices from Solberg Metall AB (2 of them) were held.", lint_text) == []


def test_identifiers_with_a_course_number_are_no_acronyms(lint_text: LintFn) -> None:
    """A department's letters with a course number ("PHYS 210", "CS 101") name a course;
    the same letters used alone are still a use, and a version after one space ("QVL
    1.4") or a number glued to a unit is no course."""
    assert _found("Students in PHYS 210 and ECON 1020B lost their drafts.", lint_text) == []
    assert _found("Labs for BIOL 110 moved; the BIOL office was told.", lint_text) == ["BIOL"]
    assert _found("We pinned QVLX 1.4 on the gateways.", lint_text) == ["QVLX"]
    assert _found("The QVLX held 120% of its quota.", lint_text) == ["QVLX"]


def test_letters_before_a_number_are_a_use_without_a_course(lint_text: LintFn) -> None:
    """A standard's, a form's or a message type's number after the letters ("the QPX 8102
    feed") is no course number without a word of teaching beside it: the letters are used
    there, so that first use is where the finding lands, not a later bare use. Letters
    every reader knows stay clean with their number ("ISO 8601", "RFC 2328")."""
    text = "Each QPX 8102 frame was dropped at the edge.\n\nLater the QPX gateway was restarted."
    diags = lint_text(text, select=["PM603"]).diagnostics
    assert [(d.start, text[d.start : d.end]) for d in diags] == [(5, "QPX")]
    assert _found("Our carrier rejected every TRF 4410 notice for a day.", lint_text) == ["TRF"]
    for clean in [
        "Timestamps in ISO 8601 form were parsed as local time.",
        "The routers keep the timers RFC 2328 gives, and those timers were off.",
        "Students in ZOOL 3120 lost their lab notes.",
    ]:
        assert _found(clean, lint_text) == [], clean


def test_an_acronym_listed_in_the_parenthesis_after_its_words(lint_text: LintFn) -> None:
    """The parenthesis after the words may hold other content first, the acronym one of
    its items, quoted or not, plural or not. Words that do not spell it, or other words
    between them and the parenthesis, define nothing."""
    for text in [
        'The depot prints load tags (form 12, "LTs") for each pallet. Each LT was blank.',
        "The dock keeps seal logs (binder 3; SLs, blue) for audits. One SL was missing.",
        "The yard books trailer slots (via portal, “TS”) each morning. The TS list was empty.",
    ]:
        assert _found(text, lint_text) == [], text
    for text, acronym in [
        ("Trucks wait at the gate (about 40 minutes, GQ) before loading. The GQ grew.", "GQ"),
        ("Orders from two retailers (Northgate, BR) were held. BR complained first.", "BR"),
        ("Load tags were printed twice (form 12, LTs). Each LT was blank.", "LT"),
    ]:
        assert _found(text, lint_text) == [acronym], text


def test_protocol_methods_and_record_types_in_capitals(lint_text: LintFn) -> None:
    """SIP and SMTP methods as the protocols write them, and DNS record types, are no
    initials to spell out; a record type that is also other initials ("CAA", "NS") is one
    only before "record" or "lookup"."""
    text = (
        "The proxy rejected each REGISTER and INVITE, and no BYE or ACK came back. "
        "The relay refused RCPT after EHLO. The SRV records and PTR entries were stale, the CAA "
        "records missing and every NS lookup slow."
    )
    assert _found(text, lint_text) == []
    assert _found("The CAA approved the new roster rules.", lint_text) == ["CAA"]


def test_every_circulating_currency_code_is_known(lint_text: LintFn) -> None:
    """ISO 4217 codes of circulating currencies, written as currencies somewhere in the
    document (a list of codes, an amount), are currencies wherever it uses them; a code
    written only otherwise ("MVR=2" as a metric's name) is still an acronym."""
    assert _found("Invoices in NOK, DKK, PLN and HUF were rounded twice.", lint_text) == []
    assert _found("Payouts in ZAR and KES stalled at the QQB step.", lint_text) == ["QQB"]
    text = "The SEK totals read zero for a week.\n\nOrders in EUR/SEK were both dropped."
    assert _found(text, lint_text) == []
    assert _found("The HUF tier was capped at SEK 40,000 per day.", lint_text) == ["HUF"]
    assert _found("The pager fires when MVR=2 for a session.", lint_text) == ["MVR"]


def test_a_list_of_codes_is_currencies_only_beside_money(lint_text: LintFn) -> None:
    """Two codes in a row are currencies only with a major currency among them, an amount
    or a money word in the paragraph; codes that are also initials, listed alone, are
    still acronyms."""
    for text in [
        "Rates for LKR, NPR and BDT were stale at checkout.",
        "Settlement in PEN/CLP failed for two days.",
        "The MDL, RON and GBP totals diverged.",
    ]:
        assert _found(text, lint_text) == [], text
    assert _found("The LAK and GEL runs stalled on the build farm.", lint_text) == ["LAK", "GEL"]
    assert _found("Both PEN and CUP test rigs lost power.", lint_text) == ["PEN", "CUP"]


def test_money_elsewhere_in_the_paragraph_says_nothing_of_a_list(lint_text: LintFn) -> None:
    """The money word must stand beside the list, in its sentence ("refunds in X and Y",
    "X and Y invoices"): one further off or in another sentence leaves codes that are also
    initials as acronyms."""
    for text, codes in [
        (
            "The LAK and GEL probes timed out twice while the billing export kept running.",
            ["LAK", "GEL"],
        ),
        ("Both PEN and CUP racks lost power. Payroll ran late that week.", ["PEN", "CUP"]),
        ("Our TOP and MAD dashboards froze; the invoice backlog grew.", ["TOP", "MAD"]),
    ]:
        assert _found(text, lint_text) == codes, text
    for text in [
        "LAK and GEL invoices were issued twice.",
        "We could not settle balances in PEN and CUP for a day.",
    ]:
        assert _found(text, lint_text) == [], text


def test_a_course_number_needs_the_shape_of_a_course(lint_text: LintFn) -> None:
    """Letters before a number are a course only in a course's shape: no year, no model or
    status noun after the number, and a number that may be an HTTP status only beside a
    word of teaching."""
    for text in [
        "Grades for MATH 310 vanished from the portal.",
        "Enrolment for HIST 1150 closed a day early.",
        "The CS 101 lab section lost its submissions.",
    ]:
        assert _found(text, lint_text) == [], text
    for text, code in [
        ("The GWLB 502 replies spiked after the deploy.", "GWLB"),
        ("The BMCU 4100 controller rebooted twice overnight.", "BMCU"),
        ("Finance shared the APAC 2026 targets with us.", "APAC"),
        ("The NGFW 403 rate climbed all morning.", "NGFW"),
    ]:
        assert _found(text, lint_text) == [code], text


def test_major_currency_codes_alone_are_known(lint_text: LintFn) -> None:
    """The major currencies need no list or amount beside them ("booked in JPY"); CAD is
    left out of them (computer-aided dispatch), a lone use of it is still reported."""
    for text in [
        "Every chargeback was booked in JPY instead of the local currency.",
        "The CHF ledger lagged the others by a day.",
        "Card fees shown in AUD doubled after the deploy.",
        "Partner reports grouped by EUR and by region went blank.",
    ]:
        assert _found(text, lint_text) == [], text
    assert _found("The CAD console froze on two dispatch desks.", lint_text) == ["CAD"]


def test_a_code_glossed_by_the_name_it_stands_for(lint_text: LintFn) -> None:
    """A capitalised name in parentheses that the code's first letter opens ("BRU
    (Brussels)", an airport or site code) says what the code names; a label of another
    letter ("QRS (Gold)") or words in lower case that do not spell it stay notes."""
    assert _found("Traffic from depot BRU (Brussels) and WQY (West Quay) fell.", lint_text) == []
    assert _found("The OSL (Oslo) and CPH (Copenhagen) sites failed over.", lint_text) == []
    # one word that merely opens what the letters stand for names nothing
    for text, code in [
        ("The SLX (Service) queue stalled for an hour.", "SLX"),
        ("Our MTBF (Mean) figure dropped after the swap.", "MTBF"),
        ("The QPV (Quarterly) review slipped again.", "QPV"),
    ]:
        assert _found(text, lint_text) == [code], text
    assert _found("The tier QRS (Gold) was breached.", lint_text) == ["QRS"]


def test_a_place_code_glossed_by_a_name_that_lacks_one_of_its_letters(lint_text: LintFn) -> None:
    """A place's three-letter code often takes a letter its name lacks ("LAX (Los Angeles)"):
    a capitalised name that is no ordinary word opening an expansion names the place; one
    that is ("SRX (Storage)", "TPX (Traffic)") is where the letters' words would start."""
    for text in [
        "Calls through the DXB (Dubai) edge timed out for ten minutes.",
        "We drained the KIX (Kansai) racks before the swap.",
        "Half of SJC (San Jose) went dark when the breaker tripped.",
    ]:
        assert _found(text, lint_text) == [], text
    for text, code in [
        ("The SRX (Storage) tier filled up overnight.", "SRX"),
        ("Our TPX (Traffic) dashboard froze twice.", "TPX"),
        ("The DRX (Disaster) drill was skipped.", "DRX"),
        ("The KPX (Key) figures went stale.", "KPX"),
    ]:
        assert _found(text, lint_text) == [code], text
    assert _found("The QEC (calibration) rose.", lint_text) == ["QEC"]


def test_a_parenthesis_after_the_noun_phrase_spells_the_acronym(lint_text: LintFn) -> None:
    """ "The QTL limits file (the quota tier limits, set by finance)": the parenthesis
    follows the noun the acronym modifies; its initials spell it. Used before that, the
    message says where it is spelled out, not that it never is."""
    assert _found("The QTL limits file (the quota tier limits) was empty.", lint_text) == []
    assert _found("The QTL review queue (owned by finance) grew.", lint_text) == ["QTL"]
    text = "No QTL limit was crossed.\n\nWe read the QTL limits file (the quota tier limits)."
    diags = lint_text(text, select=["PM603"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == ["QTL"]
    assert "line 3" in diags[0].message and "never" not in diags[0].message


def test_an_element_of_a_hyphenated_compound_is_a_use(lint_text: LintFn) -> None:
    """Capitals joined by a hyphen to a number or to a word in small letters are initials
    the reader must know ("a 300k-QMU peak", "the multi-QZ layout", "a QPU-bound job");
    joined to other capitals or to a number after them they are a code or a place's
    name."""
    assert _found("Logins peaked at 300k-QMU on the second night.", lint_text) == ["QMU"]
    assert _found("We moved to a multi-QZ layout last spring.", lint_text) == ["QZ"]
    assert _found("The resize is a QPU-bound job.", lint_text) == ["QPU"]
    # a currency's letters too, with no amount beside them
    assert _found("We deployed an IRR-based filter on the edge routers.", lint_text) == ["IRR"]
    assert _found("Ticket GDS-QRT-2031 tracks the eu-QZW-2 move.", lint_text) == []
    assert _found("The ORA-01652 error filled the log; UPS-2B held.", lint_text) == ["UPS"]


def test_a_variant_letter_after_a_hyphen_leaves_the_acronym_a_use(lint_text: LintFn) -> None:
    """Initials with a variant's capital after a hyphen ("QSM-R", "QTE-M") are a use of
    the initials, and the same forms define them; a capital joined to more capitals or
    hyphens, or digits after the hyphen, are a code ("QQA-B-C", "OPS-88")."""
    uses = [
        ("The QSM-R radios on the northern line lost their uplink.", ["QSM"]),
        ("Our QTE-M modems stopped reporting after the firmware push.", ["QTE"]),
        ("We checked the QDU-A feed before the second site.", ["QDU"]),
        ("The QSM-R's handover table was stale.", ["QSM"]),
    ]
    for text, expected in uses:
        assert _found(text, lint_text) == expected, text
    defined = [
        "The Quad Signal Mesh for Railways (QSM-R) radios lost their uplink.",
        "The QSM-R (Quad Signal Mesh for Railways) radios lost their uplink.",
        "The QSM-R radios failed.\n\n- QSM-R: the railway variant of the signal mesh.",
        "The QSM-R radios failed; QSM stands for quad signal mesh.",
        "Ticket QPS-88 and GDS-INC-7 track it; eu-WEST-2 and QQA-B-C stayed up.",
    ]
    for text in defined:
        assert _found(text, lint_text) == [], text


def test_a_label_with_a_value_is_no_glossary_line(lint_text: LintFn) -> None:
    """A list item opened by an acronym and a colon defines it when words follow ("QTD:
    time to detect"); a number after the mark makes it a label and its value ("QTD: 11
    min from ..."), the acronym used there, not spelled out."""
    values = [
        "- QTD: 11 min from the first alert to the page.\n- The queue drained.",
        "- **QTTR:** 42 minutes over the quarter.",
        "- QRPO = 4 hours of orders, restored from the replica.",
        "- QRT - 90 s at the 99th percentile.",
    ]
    for text in values:
        assert _found(text, lint_text) == [text.split()[1].strip("*:")], text
    glossary = [
        "- QTD: time to detect, from the first alert to the page.\n- The QTD was long.",
        "- QRPO = four hours of orders we can afford to lose.\n- The QRPO held.",
    ]
    for text in glossary:
        assert _found(text, lint_text) == [], text


def test_capitals_before_a_reference_number_are_a_use(lint_text: LintFn) -> None:
    """Three capitals next to an amount are a currency only when they are a currency's
    code: a register's or a reference's letters before a number ("QRN 55120") are
    initials, in a metadata table's value cell too."""
    table = (
        "# Report\n\n| Field | Value |\n|---|---|\n"
        "| Organisation | Harbour Lane Bank plc (QRN 55120) |\n| Status | Final |\n\n"
        "## Summary\n\nThe nightly import ran twice.\n"
    )
    assert _found(table, lint_text) == ["QRN"]
    assert _found("Refunds of NOK 5,000 and 40,000 USD were sent.", lint_text) == []


def test_a_zone_the_document_writes_its_times_in_is_no_acronym(lint_text: LintFn) -> None:
    """A time zone's abbreviation (the timeline family's ``[zones]``) that the document
    writes as its clock's zone, after a time or in a declaration, is read like "UTC"; the
    same letters used otherwise are still initials ("the MSK cluster")."""
    assert _found("At 09:12 WEST the batch was sent twice.", lint_text) == []
    assert _found("All of this is in Porto time, WEST. Backups ran.", lint_text) == []
    assert _found("The dashboards showed 21:40 NZDT when it paged.", lint_text) == []
    assert _found("We resized the MSK cluster at 10:05 UTC.", lint_text) == ["MSK"]


def test_capitals_next_to_a_clock_time_are_part_of_it(lint_text: LintFn) -> None:
    """Capitals written against a clock time are its zone or its day, whatever zone list
    holds them ("closed at 15:22 QZT", "SUN 09:10 failover"); a reference number is no
    clock ("QRN 55120") and the advisory id's prefix ("GHSA-4f8x-...") is a code's."""
    assert _found("The ticket was closed at 15:22 QZT on the 26th.", lint_text) == []
    assert _found("- SUN 09:10 failover to the second site", lint_text) == []
    assert _found("- 14:05 QOC pages the storage lead", lint_text) == ["QOC"]
    text = "The job stalled at 2:10am QAST.\n\nBy 1AM QAST the next night it was fine."
    assert _found(text, lint_text) == []
    assert _found("See GHSA-4f8x-w2q1-77ab for the advisory.", lint_text) == []


def test_an_acronym_joined_by_a_slash_to_a_word_is_a_use(lint_text: LintFn) -> None:
    """Capitals joined by a slash to one word ("QPA/Gatekeeper", "hostname/QQX") are a use;
    between two slashes, or before a file's name or a number, they are part of a path or a
    ratio."""
    assert _found("Enforce it with QPA/Gatekeeper policies.", lint_text) == ["QPA"]
    assert _found("The hostname/QQX lookups failed.", lint_text) == ["QQX"]
    assert _found("It reads docs/QQX/notes and QQZ/v2.txt at 1/QQW.", lint_text) == []


def test_a_count_shouted_in_capitals_is_emphasis_no_acronym(lint_text: LintFn) -> None:
    shouts = [
        "The cache fell over for the FOURTH time since March!!",
        "Checkout broke AGAIN and the rollback paged ZERO people.",
        "It retried ONCE and then gave up.",
    ]
    for text in shouts:
        assert _found(text, lint_text) == [], text
        codes = {d.code for d in lint_text(text, select=["PM106"]).diagnostics}
        assert codes == {"PM106"}, text
    # look-alikes: initials next to a count in small letters, and a heading-like line
    assert _found("The third QRX node failed.", lint_text) == ["QRX"]
    assert _found("FIRST RESPONDER CHECKLIST FOR THE QRX", lint_text) == []


def test_an_ordinary_word_in_capitals_is_emphasis_no_acronym(lint_text: LintFn) -> None:
    """A function word or a number written in capitals in running prose is a shout, not
    initials ("Come ON", "FOUR hours"), after an article too when it is a quantifier or a
    number ("a FEW hours", "the ONE number")."""
    shouts = [
        "Come ON. The fix was in the runbook the whole time.",
        "We were ONE command away from deleting the production bucket.",
        "Rotating the signing keys is NOT optional for the storage team.",
        "The restore took FOUR hours because every snapshot was cold.",
        "We had the answer IN the dashboard while we searched the logs.",
        "Honestly it WAS the cache all along, not the network.",
        "It took a FEW hours, and the SAME host failed the next night.",
        "The breaker opened after TEN retries; that is the ONE number we never tuned.",
        "| Time | Event |\n|---|---|\n| 10:02 | We were SO close to the cutover |",
    ]
    for text in shouts:
        assert _found(text, lint_text) == [], text


def test_a_content_word_shouted_in_capitals_is_no_acronym(lint_text: LintFn) -> None:
    """Quantities, lengths of time, degrees and verdicts written in capitals for emphasis
    (``emphasis-content-words``), after an article too ("a HUGE backlog"), are a shout, as
    chat-style notes write them; initials that are English words too (CAB, VAT) and
    capitals that spell no word are still reported."""
    shouts = [
        "we pushed LOADS of retries at the broker and it just sat there",
        "Rebuilding the index took HOURS, and the search page was EMPTY meanwhile.",
        "The patch itself was TINY; finding the line was the hard part.",
        "the canary graph looked FINE right up to the moment it went WRONG",
        "Support logged a HUGE spike in refund requests after the cutover.",
        "honestly the old runbook was WAY out of date and the alerts were BROKEN",
        "the replica lag got BAD enough that reads timed out",
    ]
    for text in shouts:
        assert _found(text, lint_text) == [], text
    acronyms = [
        ("The CAB signed the change off on Tuesday.", ["CAB"]),
        ("Refunds for the VAT portion were delayed.", ["VAT"]),
        ("Our QZB link dropped a TON of packets.", ["QZB"]),
    ]
    for text, expected in acronyms:
        assert _found(text, lint_text) == expected, text


def test_an_ordinary_word_written_as_an_acronym_is_still_one(lint_text: LintFn) -> None:
    """The same letters marked as an acronym are reported: after an article or a
    possessive ("our AS"), before a number ("AS 64512"), joined by a hyphen ("IF-stage");
    words that are no function words stay initials ("KVM", "SAT"). A document that writes
    a word as an acronym anywhere has it reported there, not at a shout elsewhere."""
    acronyms = [
        ("Our AS announced the new prefixes to both carriers.", ["AS"]),
        ("The CAN bus on the forklift dropped frames.", ["CAN"]),
        ("Peering with AS 64512 was cut at noon.", ["AS"]),
        ("The IF-stage filter on the receiver drifted.", ["IF"]),
        ("The KVM switch froze and the SAT scores were late.", ["KVM", "SAT"]),
    ]
    for text, expected in acronyms:
        assert _found(text, lint_text) == expected, text
    text = "# Log\n\nCome ON, we said.\n\n## Panel\n\nThe ON state of the panel was wrong."
    (d,) = lint_text(text, select=["PM603"]).diagnostics
    assert d.start == text.index("ON state")
    text = "Traffic took AS paths through the second carrier.\n\nOur AS peers saw it."
    (d,) = lint_text(text, select=["PM603"]).diagnostics
    assert d.start == text.index("AS peers")


def test_every_emphasis_word_of_the_pack_is_read(lint_text: LintFn) -> None:
    """Each of ``emphasis-words``, ``emphasis-modifiers`` and the impact family's
    ``number-words`` in capitals is a shout in running prose; each emphasis word after each
    of ``noun-markers`` is a noun, an acronym (words the pack knows anyway left out)."""
    pack = builtin_pack()
    known = {w.upper() for w in pack.words("readability", "known-acronyms")}
    known |= {w.upper() for w in pack.words("blame", "shouting-words")}
    words = [
        *pack.words("readability", "emphasis-words"),
        *pack.words("readability", "emphasis-modifiers"),
        *pack.words("readability", "emphasis-content-words"),
        *pack.words("impact", "number-words"),
    ]
    shouted = [w.upper() for w in words if 2 <= len(w) <= 6 and w.upper() not in known]
    text = "\n\n".join(f"The lead said it was {w} the plan, and left." for w in shouted)
    assert _found(text, lint_text) == []
    for marker in pack.words("readability", "noun-markers"):
        nouns = [w.upper() for w in pack.words("readability", "emphasis-words")]
        # (a word of four letters the prose also writes in lower case is that word)
        nouns = [w for w in nouns if 2 <= len(w) <= 6 and w not in known | {marker.upper()}]
        text = "\n\n".join(f"Later {marker} {w} was moved to the rack." for w in nouns)
        assert _found(text, lint_text) == nouns, marker


def test_a_state_value_in_capitals_is_no_acronym(lint_text: LintFn) -> None:
    states = [
        "The batch partitions were set to HOLD, stopping new work.",
        "Each worker was marked as IDLE by the scheduler.",
        "Jobs stayed in state PENDING for an hour.",
    ]
    for text in states:
        assert _found(text, lint_text) == [], text
    # look-alikes: capitals that spell no word, short ones, and a word not set as a state
    assert _found("The bond was set to LACP on both ports.", lint_text) == ["LACP"]
    assert _found("The rule was marked as PII by the scanner.", lint_text) == ["PII"]
    assert _found("The DRAIN script ran before the upgrade.", lint_text) == ["DRAIN"]


def test_job_titles_every_reader_knows(lint_text: LintFn) -> None:
    text = "The VP Customer Ops and the CFO signed off; the SDM was told."
    assert _found(text, lint_text) == ["SDM"]


def test_credentials_after_a_name_in_a_byline_are_no_acronyms(lint_text: LintFn) -> None:
    """Post-nominal letters after a person's name that opens a byline, a metadata line, a
    sign-off or a signature say who the writer is; a reader needs no expansion of them."""
    body = "\n\nThe drug library on the ward pumps failed to load overnight.\n"
    for head in [
        "**Prepared by:** Ingrid Solberg, RN, BSN, Ward Systems Lead",
        "Author: Dr. Omar Haddad, MD",
        "Written by K. Mensah, PE, structural lead",
        "— Ana de Souza, CISSP",
        "| Author | Ingrid Solberg, RN |\n|---|---|\n| Reviewer | Kwame Mensah, PMP |",
    ]:
        assert _found(f"# Pump library{body}\n{head}\n", lint_text) == [], head


def test_the_same_letters_elsewhere_are_still_acronyms(lint_text: LintFn) -> None:
    """Not after a person's name at a byline's place: the letters are read as usual."""
    cases = [
        ("The RN on the night shift paused the pumps.", "RN"),
        ("We paged Ingrid Solberg, RN, who paused the pumps.", "RN"),
        ("**Service:** Pump Library, PE", "PE"),
        ("Owner: ward systems, MSN", "MSN"),
    ]
    for line, acronym in cases:
        assert _found(f"# Pump library\n\n{line}\n", lint_text) == [acronym], line


def test_words_written_out_earlier_spell_the_acronym(lint_text: LintFn) -> None:
    """The acronym's words written out before it, with no "(CAB)" after them: capitalised
    words whose initials are its letters, or a noun phrase in lower case."""
    texts = [
        "The Change Advisory Board met on Monday.\n\nOn Friday CAB rejected the rollback.",
        "Our shards keep point-in-time recovery for a week. PITR brought the table back.",
        "A change advisory board reviews each release. The CAB approved this one.",
        "The Dispatch Routing Service was slow.\n\n- 10:02 DRS queue at 4,000 jobs",
    ]
    for text in texts:
        assert _found(text, lint_text) == [], text


def test_words_written_out_only_later_are_named(lint_text: LintFn) -> None:
    text = "The QRB paused the release.\n\nThe Quarterly Release Board met again on Friday."
    diags = lint_text(text, select=["PM603"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == ["QRB"]
    assert "before it is spelled out (line 3)" in diags[0].message


def test_initials_that_match_by_accident_spell_nothing(lint_text: LintFn) -> None:
    """Initials across a sentence's end, of people's names, of words that are no noun
    phrase, or of a heading in title case: the acronym is reported as before."""
    cases = [
        ("Traffic moved to the Carrier. Advisory Board members were told. CAB met.", "CAB"),
        ("Carla Anders Brooks approved the change. Then CAB rejected the rollback.", "CAB"),
        ("The job checked all backups before CAB met.", "CAB"),
        ("Nobody noticed any slowdown until the NAS filled up.", "NAS"),
        ("The script saturated the office link before the SSO login failed.", "SSO"),
        ("## Queue Validation\n\nThe QV board met at noon.", "QV"),
    ]
    for text, acronym in cases:
        assert _found(text, lint_text) == [acronym], text


def test_initials_across_a_joining_word_spell_nothing(lint_text: LintFn) -> None:
    """Words in lower case whose initials spell an acronym only through "and" or "or"
    (each word of such a run gives a letter) join two things, no expansion: the acronym is
    reported. An expansion with a preposition or an article inside still spells it."""
    cases = [
        "The cache hands pages to the caller and writes a log. Later the CAW flag was set.",
        "Each relay forwards the frame to the router and logs it; the RAL flag stayed off.",
        "The agent fetches the manifest or retries twice before the MOR check runs.",
    ]
    acronyms = ["CAW", "RAL", "MOR"]
    for text, acronym in zip(cases, acronyms, strict=True):
        assert _found(text, lint_text) == [acronym], text
    clean = [
        "A man in the middle attack was ruled out, and no MITM proxy was found.",
        "Our store keeps a write ahead log per shard. The WAL filled the disk.",
    ]
    for text in clean:
        assert _found(text, lint_text) == [], text


def test_several_acronyms_defined_together_in_a_glossary(lint_text: LintFn) -> None:
    """A glossary row or line may define several acronyms together ("ANI/ALI", "RPO,
    RTO", "SLI and SLO"), under a glossary heading with an outline number or filed under an
    appendix ("8. Glossary", "Appendix B: Abbreviations"): each is defined for the whole
    document. The same line under another heading, or a table of another kind, defines
    nothing."""
    head = (
        "# Dispatch slowdown\n\n## Summary\n\n"
        "The QNI and QLI feeds lagged; QPO and QTO were missed.\n\n"
    )
    glossaries = [
        "## Glossary\n\n| Term | Meaning |\n|---|---|\n"
        "| QNI/QLI | queue number index / queue location index |\n"
        "| QPO, QTO | queue point objective, queue time objective |\n",
        "## 8. Glossary\n\n- QNI / QLI: queue number index and queue location index\n"
        "- QPO and QTO: the queue point and time objectives\n",
        "## Appendix B: Abbreviations\n\nQNI/QLI = the two queue indexes\n\n"
        "QPO or QTO - the two queue objectives\n",
    ]
    for glossary in glossaries:
        assert _found(head + glossary, lint_text) == [], glossary
    others = [
        "## Appendix B: Timeline\n\n- QNI / QLI: both restarted at 10:02\n"
        "- QPO and QTO: breached at 10:05\n",
        "## 8. Impact\n\n| Feed | p99 |\n|---|---|\n| QNI/QLI | 40 ms |\n| QPO, QTO | 9 min |\n",
    ]
    for other in others:
        assert _found(head + other, lint_text) == ["QNI", "QLI", "QPO", "QTO"], other


def test_a_numbered_glossary_section_defines_for_the_whole_document(lint_text: LintFn) -> None:
    """A definition in running text under "8. Glossary" counts wherever the glossary
    stands; under "8. Impact" the acronym is used before it is spelled out."""
    body = "\n\nQueue Sync Worker (QSW), the job that copies the rows.\n"
    text = "# Late refunds\n\n## Summary\n\nThe QSW job stalled.\n\n## 8. Glossary" + body
    assert _found(text, lint_text) == []
    text = "# Late refunds\n\n## Summary\n\nThe QSW job stalled.\n\n## 8. Impact" + body
    assert _found(text, lint_text) == ["QSW"]


def test_words_written_out_in_a_title_or_heading_spell_the_acronym(lint_text: LintFn) -> None:
    """A title that writes the words out spells the acronym for the text under it, however
    short; a lower heading, for three letters or more (two capitals of a section's name
    in title case spell initials by accident)."""
    texts = [
        "# Batch Window overrun on the night of 4 May\n\nThe BW closed before the export ended.",
        "# Cold Storage Migration stall\n\n## Summary\n\nThe CSM job paused at 40%.",
        "# Late refunds\n\n## Ledger Sync Worker\n\nThe LSW retried each row three times.",
        "# Late refunds\r\n\r\n## Ledger Sync Worker\r\n\r\nThe LSW retried each row.",
    ]
    for text in texts:
        assert _found(text, lint_text) == [], text
    cases = [
        ("# Late refunds\n\n## Build Pipeline\n\nThe BP job failed twice.", ["BP"]),
        ("# Notes from Carla Anders Brooks\n\nThen CAB rejected the rollback.", ["CAB"]),
        ("# Late refunds\n\nThe QSW job stalled.\n\n## Queue Sync Worker\n\nIt was slow.", ["QSW"]),
    ]
    for text, expected in cases:
        assert _found(text, lint_text) == expected, text
    text = "# Late refunds\n\nThe QSW job stalled.\n\n## Queue Sync Worker\n\nIt was slow."
    (d,) = lint_text(text, select=["PM603"]).diagnostics
    assert "before it is spelled out (line 5)" in d.message


def test_words_written_out_across_a_crlf_line_break(lint_text: LintFn) -> None:
    text = "The Change Advisory\r\nBoard met on Monday.\r\n\r\nOn Friday CAB rejected the rollback."
    assert _found(text, lint_text) == []
    split = "The Change Advisory\r\n\r\nBoard met on Monday. On Friday CAB rejected the rollback."
    assert _found(split, lint_text) == ["CAB"]  # a blank line ends the paragraph


# -- the gate before the written-out search: it may let a text through, never keep one out --


@pytest.mark.parametrize(
    ("acronym", "text"),
    [
        ("PR", "The team ran the Point-in-Time Recovery drill twice."),
        ("PITR", "We restored from a point-in-time recovery snapshot."),
        ("DD", "A letter from the Department of Defense arrived."),
        ("RD", "Research & Development owns the lab cluster."),
        ("CAB", "The Change Advisory Board met on Tuesday."),
        ("TTL", "Each record has a time to live of an hour."),
        ("SSB", "The Shared-Services Board signed it off."),
    ],
)
def test_the_initials_gate_lets_every_written_out_match_through(acronym: str, text: str) -> None:
    patterns = [p for p in written_out(acronym) if p is not None]
    assert any(p.search(text) for p in patterns)  # the case is a match
    need = letter_pairs(acronym)
    assert need is not None and need <= initial_pairs(text)


def test_the_initials_gate_never_keeps_out_a_match_in_random_texts() -> None:
    rng = random.Random(603)
    words = [
        "Point",
        "in",
        "Time",
        "Recovery",
        "of",
        "the",
        "and",
        "Board",
        "change",
        "advisory",
        "board",
        "Data-Loss",
        "Prevention",
        "to",
        "live",
        "x-ray",
        "&",
    ]
    seps = [" ", "-", "\n", ", ", " "]
    for _ in range(3000):
        text = "".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randint(2, 7)))
        letters = "".join(rng.choice("PTRBCADLXIO") for _ in range(rng.randint(2, 4)))
        pairs = initial_pairs(text)
        need = letter_pairs(letters)
        assert need is not None
        if any(p is not None and p.search(text) for p in written_out(letters)):
            assert need <= pairs, (letters, text)


def test_the_clock_written_digit_first_finds_what_the_lookbehind_first_form_finds() -> None:
    """``_CLOCK`` opens with its digit (a fast scan) and checks the character before it
    after: the same matches, and the same zones after them, as ``(?<![\\d:])\\d{1,2}...``."""
    rest = _CLOCK.removeprefix(r"\d(?<![\d:]\d)\d?")
    plain = re.compile(rf"(?<![\d:])\d{{1,2}}{rest}[ \t]?\(?([A-Z]{{1,4}}T)(?![\w-])")
    rng = random.Random(6031)
    pieces = [*"0123456789:  \taApPmM.()TSECW", "12:30", "1:2", "::", "\u0661\u0662", "9am"]
    pieces += ["10:00:00", " PST", "AST", "(WEST)", "x1", "123"]
    for _ in range(30000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        got = [(m.span(), m.groups()) for m in _ZONE_AFTER_CLOCK.finditer(text)]
        assert got == [(m.span(), m.groups()) for m in plain.finditer(text)], text


def test_the_initials_in_c_equal_the_initials_run_by_run() -> None:
    """:func:`initial_pairs` pairs the runs' first initials over one string of them; its
    reference reads run by run. Random texts of hyphenated runs, skipped words in every
    case, digits after a hyphen ("of-2"), and letters that do not lower-case one by one
    (a final sigma, a dotted capital I) or are no letters ("²")."""
    rng = random.Random(6030)
    words = ["of", "OF", "Of", "the", "And", "for", "x", "a-b", "of-2", "2-of", "co-op", "-of"]
    words += ["of-", "Point-in-Time", "ΣΑΣ", "Σ", "İstanbul", "²x", "Kelvin", "é", "x2", "_a"]
    seps = ["", " ", "-", " of ", ", ", "\n", " the "]
    for _ in range(20000):
        text = "".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randint(0, 12)))
        assert initial_pairs(text) == _initial_pairs_by_run(text), text


@pytest.mark.parametrize("prefix", builtin_pack().words("readability", "mail-prefixes"))
def test_every_mail_prefix_opening_a_subject_is_no_acronym(lint_text: LintFn, prefix: str) -> None:
    """An e-mail subject's reply or forward marker before its colon, at the start of a
    line or heading or after other labels, is no initials to spell out; the same letters
    mid-sentence, or without the colon, are read as usual."""
    lines = (
        f"# {prefix}: relay outage review\n\n## Summary\n\n"
        f"Subject: {prefix}: Nightly batch overran on the relay\n\n"
        f"**Subject:** Fwd: {prefix}: {prefix}: Billing relay incident\n\n"
        f"{prefix}: the queue drained by noon, and the pager stayed quiet.\n"
    )
    assert _found(lines, lint_text) == []
    for text in (
        f"# T\n\n## Summary\n\nWe asked {prefix}: see below.\n",
        f"# T\n\n## Summary\n\nThe {prefix} queue filled up at noon.\n",
    ):
        assert _found(text, lint_text) == [prefix]


@pytest.mark.parametrize(
    "text",
    [
        "The telemetry, tracking and command (TT&C) uplink dropped. TT&C passes resumed at 09:40.",
        "The research and development (R&D) cluster and its QA&T rig were idle.",
        "Calls over the AT&T circuit failed; the O&M crew swapped the card.",
        "The PB&J test harness and the SR&ED claim export were paused.",
    ],
)
def test_capitals_joined_by_an_ampersand_are_one_abbreviation(lint_text: LintFn, text: str) -> None:
    """ "TT&C", "QA&T": the capitals on either side of an ampersand written without spaces
    are parts of one abbreviation, no acronym of their own ("TT" is not reported)."""
    assert _found(text, lint_text) == []


def test_capitals_beside_a_spaced_ampersand_are_acronyms(lint_text: LintFn) -> None:
    text = "The GSX team & FTR crew helped; the QRV & the BTM desk were told."
    assert _found(text, lint_text) == ["GSX", "FTR", "QRV", "BTM"]


@pytest.mark.parametrize(
    "noun", [str(w) for w in builtin_pack().words("readability", "command-nouns")]
)
def test_a_command_name_in_capitals_is_no_acronym(lint_text: LintFn, noun: str) -> None:
    """An English word in capitals right before a noun naming a command or a control is
    the command's name as the device writes it ("remote CLOSE commands", "the RESET
    button"), no initials to spell out."""
    text = f"The operator sent the PAUSE {noun} to every pump at noon."
    assert _found(text, lint_text) == [], noun


def test_command_names_and_their_look_alikes(lint_text: LintFn) -> None:
    for text in [
        "At 10:30 the desk began sending remote SHUT commands over the radio link.",
        "Nobody pressed the RESET button until the second alarm.",
        "The firmware hit a HALT instruction in the boot loader.",
    ]:
        assert _found(text, lint_text) == [], text
    # look-alikes: capitals that spell no word, a short word, the same word before another
    # noun, and a command word before its name
    assert _found("The switch rejected the LACP command twice.", lint_text) == ["LACP"]
    assert _found("The DRAIN script ran before the upgrade.", lint_text) == ["DRAIN"]
    assert _found("Each PDU command timed out.", lint_text) == ["PDU"]


def test_a_clause_whose_initials_spell_an_acronym_does_not_spell_it_out(
    lint_text: LintFn,
) -> None:
    """Words of a clause ("the desk starts sending refunds") whose initials happen to
    spell an acronym used earlier are no expansion of it: the message says the acronym is
    never spelled out, not that it is spelled out later. A noun phrase later still is."""
    text = "The SSR relays stuck.\n\nThen the desk starts sending refunds by hand."
    diags = lint_text(text, select=["PM603"]).diagnostics
    assert [text[d.start : d.end] for d in diags] == ["SSR"]
    assert "never spelled out" in diags[0].message
    for code, clause in (("KGQ", "keeps growing queues"), ("TCR", "tries calling regulars")):
        text = f"The {code} path failed.\n\nAfter that support {clause} for an hour."
        assert _found(text, lint_text) == [code]
        diags = lint_text(text, select=["PM603"]).diagnostics
        assert "never spelled out" in diags[0].message, clause
    text = "The SSR outputs stuck.\n\nA solid state relay is a switch with no moving parts."
    diags = lint_text(text, select=["PM603"]).diagnostics
    assert "before it is spelled out (line 3)" in diags[0].message


# -- misc32 class 3: initials everyday English uses as the word itself ------------------------

_EVERYDAY = [
    "The lobby TV kept showing the old departure board until noon.",
    "Tellers at two branches could not reset a customer's PIN for an hour.",
    "Three ATM terminals in the mall returned blank receipts.",
    "Delivery vans lost their GPS fix while the map tiles were stale.",
    "The night nurse on the ICU saw the infusion pump list go empty.",
    "Every shop PC rebooted into the login screen at 03:00.",
    "Replacement SIM cards were posted to the 40 drivers affected.",
    "The CCTV recorder in the depot stopped writing at midnight.",
    "A red LED on each LCD panel at the gates blinked for the whole outage.",
    "Staff at HQ read the notice; the DIY store chain and its DVD kiosks were spared.",
    "The MRI bookings and the IQ test sessions were moved to Thursday.",
    "Searching the store finder by ZIP code returned nothing until 09:40.",
    "Subscribers on one ISP in the north could not reach the login page.",
    "The HD channel went black while the SD simulcast kept running; QC signed off at six.",
    "Phones fell back from LTE to 3G on the two masts by the river.",
    "The sorter's controller sat in STOP until the fitter set it to RUN and AUTO again.",
    "The advisory gives the flaw a CVSS score of 7.1.",
    "The fix owner is TBC and the review date TBA; both go in the tracker on Monday.",
]


@pytest.mark.parametrize("text", _EVERYDAY)
def test_initials_everyday_english_uses_as_a_word_are_known(lint_text: LintFn, text: str) -> None:
    assert _found(text, lint_text) == [], text


@pytest.mark.parametrize(
    ("text", "acronym"),
    [
        ("The RTU at the pumping station stopped reporting.", "RTU"),
        ("Our BGP session with the second carrier flapped twice.", "BGP"),
        ("The replica fell behind by one LSN range after the restart.", "LSN"),
        ("The lobby TV showed that the PLC had tripped.", "PLC"),
        ("Drivers could not log in to the ELD in each van.", "ELD"),
    ],
)
def test_trade_initials_beside_everyday_ones_are_still_reported(
    lint_text: LintFn, text: str, acronym: str
) -> None:
    assert _found(text, lint_text) == [acronym], text


def test_every_everyday_initial_is_in_the_pack() -> None:
    """The misc32 block of ``known-acronyms``: each of them is a known acronym of the pack."""
    known = set(builtin_pack().words("readability", "known-acronyms"))
    everyday = {"TV", "CCTV", "PC", "PIN", "ATM", "GPS", "SIM", "LED", "LCD", "DVD", "HQ"}
    later = {"ISP", "HD", "SD", "QC", "LTE", "TBC", "TBA"}
    assert everyday | {"DIY", "IQ", "ICU", "MRI", "ZIP"} | later <= known
