"""Readability rules PM601 (long sentence) and PM602 (hard to read) on fixture postmortems:
true positives, hard negatives (metadata blocks, tables, quotes, inline code, short dense
paragraphs), options, positions, and proof that spaCy is not used."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import FIXTURES, ROOT, LintFn

from pm_lsp.rules.readability.checks import count_words, grade, sentence_words
from pm_lsp.rules.spec import Severity

HERE = FIXTURES / "readability"


def _read(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")


def test_count_words() -> None:
    assert count_words("Roll back v4.12 to v4.11, don't wait: 1,900 msgs/min on-call.") == 11
    assert count_words("") == 0
    # a clock time is one word (a round-34 writer counted 34 where PM601 said 36)
    assert count_words("From 10:06 to 12:20:15 UTC; step 2:done") == 8


def test_sentence_words_counts_a_defined_term_once_and_no_list_markers() -> None:
    """PM603 asks for an acronym's words at its first use; PM601 counts the term it defines
    as one word there, as everywhere after, and "(a)"/"(ii)" markers as none (a round-39
    writer's regulator report went over the limit only by a definition and its markers)."""
    text = "The burner management system (BMS) tripped (a) on the kiln and (ii) on the dryer."
    assert count_words(text) == 15
    assert sentence_words(text) == 10
    assert sentence_words("Two programmable logic controllers (PLCs) rebooted.") == 3
    # no definition: words before a parenthesis that do not spell it, or a gap before it
    assert sentence_words("Then the kiln stopped (BMS) again.") == 6
    assert sentence_words("The burner management system, in short (BMS), tripped.") == 8
    # a lone letter in parentheses that is no list marker stays a word: "f(x)", "(a)b"
    assert sentence_words("We plotted f(x) and (a)b.") == count_words("We plotted f(x) and (a)b.")


def test_a_defined_term_no_longer_tips_a_sentence_over_the_limit(lint_text: LintFn) -> None:
    term = "the heating ventilation and air conditioning (HVAC) controller"
    filler = " ".join(["the chillers on the roof kept cycling"] * 3)
    text = f"# Incident\n\n## Summary\n\nAt noon {term} restarted and {filler} until two pm.\n"
    assert count_words(text.split("\n")[-2]) > 35 >= sentence_words(text.split("\n")[-2])
    assert lint_text(text, select=["PM601"]).diagnostics == []
    longer = text.replace("until two pm.", "until two while we watched the pressure fall.")
    assert [d.code for d in lint_text(longer, select=["PM601"]).diagnostics] == ["PM601"]


def test_long_sentences(lint_text: LintFn) -> None:
    text = _read("long-sentences.md")
    diags = lint_text(text, select=["PM601"]).diagnostics
    got = [(text[d.start : d.end][:30], d.data["words"] if d.data else None) for d in diags]
    assert got == [("The scheduler queued every mon", 49), ("The batch size in the schedule", 38)]
    first = diags[0]
    assert text[first.end - 20 : first.end] == "most of the morning."
    assert all(d.severity == Severity.INFO for d in diags)


def test_long_sentence_hard_negatives(lint_text: LintFn) -> None:
    """Not flagged: the metadata block (over 35 words, but fields, not a sentence), the
    sentence just under the limit, the table cell, the vendor's quote, the inline command."""
    text = _read("long-sentences.md")
    flagged = [text[d.start : d.end] for d in lint_text(text, select=["PM601"]).diagnostics]
    for piece in (
        "**Authors**",
        "A sentence like this one",
        "The scheduler batch size of 500",
        "The vendor wrote",
        "Run `scheduler-admin",
    ):
        assert not any(piece in f for f in flagged), piece
    meta_words = count_words(text[text.index("**Date**") : text.index("## Summary")])
    assert meta_words > 35


def test_max_words_option(lint_text: LintFn) -> None:
    text = _read("long-sentences.md")
    diags = lint_text(text, select=["PM601"], rules={"PM601": {"max-words": 20}}).diagnostics
    flagged = [text[d.start : d.end] for d in diags]
    assert any(f.startswith("A sentence like this one") for f in flagged)
    assert not any("**Authors**" in f for f in flagged)


def test_an_emoji_between_two_sentences_ends_the_first(lint_text: LintFn) -> None:
    # 20 + 22 words: two sentences, neither over 35; joined by an emoji inside a
    # sentence they are one long sentence
    first = (
        "Our rollout script pushed the wrong lobby settings to every region at once"
        " and broke matchmaking for all of you"
    )
    second = (
        "The lobby service kept crashing and restarting for most of the evening"
        " because each restart met a full queue of players again"
    )
    for emoji in ("😅", "🙈", "✅\ufe0f"):
        text = f"# T\n\n## Summary\n\n{first} {emoji} {second}.\n"
        assert lint_text(text, select=["PM601"]).diagnostics == [], emoji
    joined = f"# T\n\n## Summary\n\n{first} 😅 and {second[0].lower()}{second[1:]}.\n"
    diags = lint_text(joined, select=["PM601"]).diagnostics
    assert [d.data["words"] if d.data else None for d in diags] == [43]


@pytest.mark.parametrize("lead", ["~1,900", "≈ 1,900", ">1,900", "<1,900", "+1,900"])
def test_a_sentence_opening_with_a_symbol_number_is_its_own(lint_text: LintFn, lead: str) -> None:
    # 21 + 19 words: the second sentence opens with "~1,900" (about), "≈", ">", "<" or
    # "+"; read as one sentence they would be 40 words
    first = (
        "The nightly export rewrote the loyalty balances of every member in the north region"
        " with the figures from the day before."
    )
    second = (
        "members saw a wrong balance in the app until the corrected export ran"
        " again at noon on Tuesday"
    )
    text = f"# T\n\n## Summary\n\n{first} {lead} {second}.\n"
    assert lint_text(text, select=["PM601"]).diagnostics == [], lead
    joined = f"# T\n\n## Summary\n\n{first[:-1]}, and {lead} {second}.\n"
    assert [d.code for d in lint_text(joined, select=["PM601"]).diagnostics] == ["PM601"]


@pytest.mark.parametrize("mark", [".", "?"])
def test_sentences_in_small_letters_are_split(lint_text: LintFn, mark: str) -> None:
    # 21 + 20 words written without capitals, as a chat or a hurried note has them: two
    # sentences, neither over 35; read as one they would be 41 words
    first = (
        "the nightly backup job on the old file server filled the last free gigabytes"
        " of the shared volume around two in the morning"
    )
    second = (
        "nobody got paged because the disk alert on that host had been muted"
        " during the migration three weeks earlier"
    )
    text = f"# t\n\n## summary\n\n{first}{mark} {second}\n"
    assert lint_text(text, select=["PM601"]).diagnostics == [], mark
    # look-alikes: an abbreviation before the small letter keeps one sentence
    for joint in (" etc.", ", e.g.", " et al."):
        joined = f"# t\n\n## summary\n\n{first}{joint} {second}\n"
        assert [d.code for d in lint_text(joined, select=["PM601"]).diagnostics] == ["PM601"]


def test_crlf_positions(lint_text: LintFn) -> None:
    text = "# 🔥 T\r\n\r\n## Summary\r\n\r\n" + " ".join(["Word"] * 40) + ".\r\n"
    diags = lint_text(text, select=["PM601"]).diagnostics
    assert [(text[d.start : d.end][:9], text[d.end - 5 : d.end]) for d in diags] == [
        ("Word Word", "Word.")
    ]


def test_hard_to_read(lint_text: LintFn) -> None:
    text = _read("dense.md")
    diags = lint_text(text, select=["PM602"]).diagnostics
    assert [text[d.start : d.start + 40] for d in diags] == [
        "Notwithstanding comprehensive preliminar"
    ]
    d = diags[0]
    assert d.data is not None and d.data["grade"] > 14
    assert text[d.end - 20 : d.end] == "timely intervention."
    assert d.severity == Severity.INFO


def test_hard_to_read_hard_negatives(lint_text: LintFn) -> None:
    """The two-sentence dense paragraph is too short to judge; the plain paragraph reads
    easily; the dense table cell is not prose."""
    text = _read("dense.md")
    short = text.index("Notwithstanding", text.index("Notwithstanding") + 1)
    plain = text.index("The scheduler sent")
    cell = text.index("| Capacity")
    flagged = {d.start for d in lint_text(text, select=["PM602"]).diagnostics}
    assert flagged.isdisjoint({short, plain}) and not any(s > cell for s in flagged)
    plain_text = text[plain : text.index("\n\n", plain)]
    assert grade(plain_text) < 14


_TICKET = (
    "# Login outage\n\n"
    "**Ticket:** INFRA-8812\n"
    "**Category:** Infrastructure communication\n"
    "**Reporter:** Wilhelmina Abernathy-Castellanos\n"
    "**Watchers:** Observability, Reliability, Authentication\n"
    "**Components:** Authorization, Identity federation, Organisational provisioning\n"
    "Environment: Production, Preproduction, Disaster recovery\n"
    "**Resolution:** Configuration rectification\n"
    "**Labels:** authentication, federation, provisioning, organisational-directory\n"
    "**Affected versions:** Identity-Gateway 4.12, Authorization-Service 2.7\n"
    "**Duration:** 2h 10m\n\n"
    "## Summary\n\nLogins failed for two hours.\n"
)


def test_a_block_of_field_lines_is_not_prose(lint_text: LintFn) -> None:
    """A record's header of "Field: value" lines (a ticket export) is not a paragraph: its
    run of field names and values has no grade to judge, however long its words."""
    head = _TICKET[_TICKET.index("**Ticket") : _TICKET.index("\n\n## Summary")]
    assert grade(head) > 14  # what PM602 used to report
    assert lint_text(_TICKET, select=["PM602"]).diagnostics == []


_DENSE = (
    "Consequently, the organisational authorization infrastructure remained "
    "comprehensively unavailable for institutional customers, notwithstanding considerable "
    "remediation. "
)


@pytest.mark.parametrize(
    "line",
    [
        # lines of prose among the fields
        _DENSE * 3 + "\n",
        # a field whose value is sentences of its own
        "**Summary:** " + _DENSE * 3 + "\n",
    ],
)
def test_field_lines_with_prose_among_them_are_still_judged(lint_text: LintFn, line: str) -> None:
    """Prose among the fields is judged, by its own sentences."""
    text = _TICKET.replace(
        "**Resolution:** Configuration rectification\n",
        line + "**Resolution:** Configuration rectification\n",
    )
    assert [d.code for d in lint_text(text, select=["PM602"]).diagnostics] == ["PM602"]


# -- misc32 class 1: label-value blocks are no prose (PM602, PM601) ---------------------------

_HEADER = (
    "# Warehouse scanners offline\n\n"
    "**Incident date:** 2031-04-02\n"
    "**Prepared by:** Oluwaseun Adeyemi-Carrington (distribution systems coordinator), "
    "Henrietta Vasquez-Lindqvist (identity platform engineering)\n"
    "**Document state:** Approved\n"
    "**Severity:** Level three, regional distribution centres\n"
    "**Reviewers:** Warehouse operations, identity engineering, procurement, "
    "regional logistics administration\n"
    "**Synopsis:** {summary}\n\n"
    "## Timeline\n\nScanners were down.\n"
)


@pytest.mark.parametrize(
    "summary",
    [
        # one dense sentence as the field's value: one sentence is too short to judge
        "Handheld inventory terminals intermittently disassociated from authentication "
        "infrastructure following certificate reconfiguration.",
        # no full stop anywhere: labels and values only
        "Terminals lost their wireless authentication after the certificate change",
    ],
)
def test_a_record_header_is_judged_by_its_sentences(lint_text: LintFn, summary: str) -> None:
    """Bold labels on consecutive lines are a record's header: the labels and the short
    values are left out of the grade, and what is left (one sentence) is not judged, as
    "--explain PM602" says of short paragraphs."""
    text = _HEADER.format(summary=summary)
    assert lint_text(text, select=["PM601", "PM602"]).diagnostics == []


@pytest.mark.parametrize(
    "block",
    [
        # plain labels, no bold
        "Reviewed on: 14 March 2030\nFacilitator: Bartholomew Featherstonehaugh-Whitcombe\n"
        "Participants: infrastructure, procurement, organisational communications\n"
        "Outcome: Accepted with amendments\n",
        # fields as list items
        "- Affected service: Telemetry aggregation infrastructure\n"
        "- Responsible organisation: Observability engineering directorate\n"
        "- Customer communication: Administrator notification dispatched\n"
        "- Regulatory notification: Unnecessary\n",
    ],
)
def test_label_value_lines_under_a_section_are_no_prose(lint_text: LintFn, block: str) -> None:
    text = "# Review\n\n## Details\n\n" + block
    assert lint_text(text, select=["PM601", "PM602"]).diagnostics == []


def test_a_label_value_block_is_not_run_into_one_sentence(lint_text: LintFn) -> None:
    """Field lines with no full stop are cut at each line, so their words are not counted
    as one long sentence (PM601)."""
    fields = "".join(
        f"{k}: {v}\n"
        for k, v in (
            ("Primary owner", "Magdalena Oyelaran-Fitzgerald from the payments gateway team"),
            ("Secondary owner", "Ruairi Thorvaldsen from the settlement reconciliation team"),
            ("Escalation path", "Duty manager of the merchant acquiring operations desk"),
            ("Review cadence", "Fortnightly during the quarterly freeze window"),
        )
    )
    assert lint_text("# Owners\n\n## Contacts\n\n" + fields, select=["PM601"]).diagnostics == []


@pytest.mark.parametrize(
    "block",
    [
        # one colon in a wrapped line of prose: no record
        _DENSE + "\nThe remaining problem: " + _DENSE + _DENSE,
        # two such lines in a longer wrapped paragraph: fewer than half its lines
        _DENSE + "\nOur first conclusion: " + _DENSE + "\nnevertheless\nThe second "
        "conclusion: " + _DENSE + "\nnotwithstanding\nwhatsoever",
        # labelled lines whose values are sentences: prose under labels
        "Cause: " + _DENSE + "\nEffect: " + _DENSE + "\nRepair: " + _DENSE,
    ],
)
def test_dense_prose_with_labels_is_still_judged(lint_text: LintFn, block: str) -> None:
    text = "# Review\n\n## Analysis\n\n" + block + "\n"
    assert [d.code for d in lint_text(text, select=["PM602"]).diagnostics] == ["PM602"]


def test_a_long_field_value_that_is_a_list_is_no_sentence(lint_text: LintFn) -> None:
    """A long value split by commas or semicolons lists names and roles (an authors line
    with a contact and a title): the block stays a record's header."""
    text = _TICKET.replace(
        "**Reporter:** Wilhelmina Abernathy-Castellanos\n",
        "**Authors:** Directorate of Identity Engineering (DIE), Federation group; contact: "
        "Dr. Wilhelmina Abernathy-Castellanos, Principal Administrator of Organisational "
        "Provisioning\n",
    )
    assert lint_text(text, select=["PM602"]).diagnostics == []


def test_grade_options(lint_text: LintFn) -> None:
    text = _read("dense.md")
    assert lint_text(text, select=["PM602"], rules={"PM602": {"max-grade": 40}}).diagnostics == []
    both = lint_text(
        text, select=["PM602"], rules={"PM602": {"min-sentences": 2, "min-words": 10}}
    ).diagnostics
    assert len(both) == 2  # the short dense paragraph is now judged too


def test_good_example_is_readable(lint_text: LintFn) -> None:
    good = (ROOT / "examples" / "good-postmortem.md").read_text(encoding="utf-8")
    assert lint_text(good, select=["PM6"]).diagnostics == []


def test_readability_never_loads_spacy() -> None:
    """PM601/PM602 use the cheap splitter and the syllable table: neither spaCy nor textstat
    (whose dictionary load costs a second) is imported."""
    code = (
        "import sys\n"
        "from pm_lsp.policy.config import Settings, resolve, validate\n"
        "from pm_lsp.engine import lint\n"
        f"text = open({str(HERE / 'dense.md')!r}, encoding='utf-8').read()\n"
        "cfg = resolve([Settings(), validate({'select': ['PM6']}, 't', None)])\n"
        "r = lint(text, cfg)\n"
        "assert [d.code for d in r.diagnostics] == ['PM602'], r.diagnostics\n"
        "assert 'spacy' not in sys.modules\n"
        "assert 'textstat' not in sys.modules\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=ROOT
    )
    assert out.returncode == 0, out.stderr


# -- misc34 class 1: a label letter ends its sentence (PM601) ---------------------------------
def test_a_label_letter_ends_a_sentence_for_pm601(lint_text: LintFn) -> None:
    # 22 + 19 words: a letter that labels a thing ("link C.") ends the first sentence;
    # read as an initial it would join them into one of 41 words
    first = (
        "Between 08:10 and 08:55 the card terminals in all eleven shops could not"
        " reach the payment switch over backup link C."
    )
    second = (
        "Cashiers took cash only until the provider restored the primary circuit"
        " and the terminals came back at 08:57."
    )
    for opener in ("Then c", "C"):
        text = f"# T\n\n## Summary\n\n{first} {opener}{second[1:]}\n"
        assert lint_text(text, select=["PM601"]).diagnostics == [], opener
    # look-alike: an initial in a name keeps one long sentence
    named = first.replace("backup link C.", "the engineer J.")
    text = f"# T\n\n## Summary\n\n{named} Okafor said that {second[0].lower()}{second[1:]}\n"
    assert [d.code for d in lint_text(text, select=["PM601"]).diagnostics] == ["PM601"]


# -- what is no word of a sentence: an emphasised label, an acronym's expansion (PM601) -------


def test_an_expansion_in_brackets_after_its_acronym_counts_with_it_as_one_word() -> None:
    """The expansion PM603 asks for, written after the acronym ("NOC (network operations
    centre)"), is one word with it, as the expansion before it is ("... centre (NOC)")."""
    assert sentence_words("We paged the NOC (network operations centre) twice.") == 5
    assert sentence_words("The SLOs (service level objectives) held.") == 3
    assert sentence_words("The OCPP-Gateway\n(Open Charge Point Protocol) dropped.") == 3
    assert sentence_words("The DB (database) filled up.") == 4
    assert sentence_words("We restored by PITR (point-in-time recovery) at noon.") == 6
    # a note after the expansion is words of the sentence: "behind the old ingress"
    assert sentence_words("The ALB (application load balancer behind the old ingress) fell.") == 7
    # no expansion: a note, a unit, a clause in brackets keep their words
    for text in (
        "We missed the RPO (15 minutes) by far.",
        "The API (which was down for an hour) failed.",
        "The EU (west) region served stale pages.",
        "The VPN (as usual) dropped.",
    ):
        assert sentence_words(text) == count_words(text), text


_CHARGERS = (
    "across the depot the charging posts reported full power while the buses on them"
    " gained no charge at all, so the morning rota started with eleven of the forty"
    " vehicles short of their range"
)


@pytest.mark.parametrize("label", ["**Range shortfall:**", "*Range shortfall*:"])
def test_an_emphasised_label_opening_a_sentence_is_no_word_of_it(
    lint_text: LintFn, label: str
) -> None:
    sentence = f"Overnight {_CHARGERS}."  # 35 words: at the limit
    assert count_words(sentence) == 35
    text = f"# T\n\n## Impact\n\n- {label} {sentence}\n- **Fleet:** forty buses.\n"
    assert lint_text(text, select=["PM601"]).diagnostics == []
    longer = f"Overnight and into the early morning {_CHARGERS}."
    text = f"# T\n\n## Impact\n\n- {label} {longer}\n- **Fleet:** forty buses.\n"
    (d,) = lint_text(text, select=["PM601"]).diagnostics
    assert text[d.start : d.end] == longer  # quoted from its first word, past the label
    assert d.data == {"words": 40}


def test_a_colon_in_plain_prose_leaves_every_word_counted(lint_text: LintFn) -> None:
    # the look-alikes: a plain clause before a colon, and a label without emphasis
    for lead in ("The cause was plain: overnight", "Range shortfall: overnight"):
        text = f"# T\n\n## Impact\n\n{lead} {_CHARGERS}.\n"
        (d,) = lint_text(text, select=["PM601"]).diagnostics
        assert text[d.start : d.end].startswith(lead.split()[0])
    # an acronym with its expansion after it, in a sentence long without the expansion
    text = (
        "# T\n\n## Impact\n\nThe BMS (battery management system) on each bus showed that"
        f" {_CHARGERS} and the depot manager cancelled the first four school runs.\n"
    )
    assert [d.code for d in lint_text(text, select=["PM601"]).diagnostics] == ["PM601"]
