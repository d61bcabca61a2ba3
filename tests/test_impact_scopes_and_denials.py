"""PM401 on lines that answer the impact question rather than leave it open, each class
beside look-alikes that are vague and stay reported (the classes of fix helper imp43).
Every sentence here is written for this file.

1. An item of an impact list that limits where the harm fell to one named part ("only
   the AP-North relay pool was hit"), beside items that give the window and the counts:
   a scope, owing no amount. A name written with hyphens is quoted whole, and a finding on
   a labelled line ("**Zones:** ...") starts at the value, never inside the bold label.
2. A loss denied for every verb of a list ("no invoice was lost, leaked or altered").
3. A grade of harm said not to have happened ("no rider came to serious harm").
4. A timeline entry stamped with "pm"/"am" is a timeline entry; a vague count of who asked
   a question quoted after it is no amount of harm.
"""

from __future__ import annotations

from conftest import LintFn


def _found(lint_text: LintFn, section: str, body: str) -> list[str]:
    """The text of each PM401 finding when ``body`` stands under ``section``."""
    text = f"# Mail relay delay\n\n## {section}\n\n{body}\n"
    return [text[d.start : d.end] for d in lint_text(text, select=["PM401"]).diagnostics]


def _messages(lint_text: LintFn, section: str, body: str) -> list[str]:
    text = f"# Mail relay delay\n\n## {section}\n\n{body}\n"
    return [d.message for d in lint_text(text, select=["PM401"]).diagnostics]


_WINDOW = "- **Window:** 10:05 to 11:40 UTC, 95 minutes.\n"
_COUNTS = "- **Messages delayed:** 41,200 of 310,000.\n"

# -- class 1: scopes in a list of amounts ----------------------------------------------------

_SCOPES = (
    "- **Zones:** only the AP-North relay pool was affected. Other zones ran normally.",
    "- **Tenants:** the slowdown was confined to the EU-Central shard, which was degraded.",
    "- Only the SA-East-1 mail gateway was unavailable.",
    "- **Regions:** solely the Lisbon tenants saw errors.",
)


def test_a_scope_beside_the_window_is_no_unquantified_claim(lint_text: LintFn) -> None:
    for item in _SCOPES:
        assert _found(lint_text, "Impact", _WINDOW + item + "\n" + _COUNTS) == [], item


def test_only_later_in_the_item_is_no_scope(lint_text: LintFn) -> None:
    for item in (
        "- Every export job stalled, the read-only archive exports too.",
        "- Tenants were forced to delete the add-on to get mail flowing again.",
    ):
        assert _found(lint_text, "Impact", _WINDOW + item + "\n" + _COUNTS) == [item[2:]], item


def test_a_scope_with_no_amount_in_its_list_still_owes_one(lint_text: LintFn) -> None:
    body = "- **Zones:** only the AP-North relay pool was down.\n- Tenants were told by mail."
    assert _found(lint_text, "Impact", body) == ["only the AP-North relay pool was down."]


def test_an_unscoped_outage_beside_the_window_is_still_read(lint_text: LintFn) -> None:
    body = _WINDOW + "- **Zones:** the SA-East-1 gateway was unavailable to customers.\n"
    assert _found(lint_text, "Impact", body) == [
        "the SA-East-1 gateway was unavailable to customers."
    ]


def test_a_vague_count_inside_a_scope_is_still_read(lint_text: LintFn) -> None:
    body = _WINDOW + "- Only some tenants on the EU-Central shard could log in.\n"
    assert _found(lint_text, "Impact", body) == ["some tenants"]


def test_a_hyphenated_name_is_quoted_whole(lint_text: LintFn) -> None:
    got = _messages(
        lint_text, "Impact", "- **Sites:** only the AP-South mail cluster was affected."
    )
    assert len(got) == 1 and "'South" not in got[0], got
    got = _messages(lint_text, "Impact", "Kestrel-Two was unavailable for users.")
    assert len(got) == 1 and "'Kestrel-Two'" in got[0], got


def test_a_labelled_claim_starts_after_its_bold_label(lint_text: LintFn) -> None:
    body = "- **Sites:** only the AP-South outbound cluster went down."
    assert _found(lint_text, "Impact", body) == ["only the AP-South outbound cluster went down."]


# -- class 2: a loss denied for a list of verbs ----------------------------------------------

_DENIED_LOSS = (
    "- **Data:** no mailbox item or contact entry was lost, leaked or rewritten.",
    "- **Storage:** no invoice record was lost, exposed or edited.",
    "No customer file was deleted, copied or corrupted.",
)


def test_a_loss_denied_for_every_verb_is_no_claim(lint_text: LintFn) -> None:
    for line in _DENIED_LOSS:
        assert _found(lint_text, "Impact", line) == [], line


def test_harm_beside_a_denied_verb_is_still_read(lint_text: LintFn) -> None:
    got = _found(lint_text, "Impact", "No refunds were issued and customers were locked out.")
    assert got == [] or got == ["No refunds were issued and customers were locked out."]
    assert _found(lint_text, "Impact", "Card details were leaked or altered.") == [
        "Card details were leaked or altered."
    ]


# -- class 3: a grade of harm denied ---------------------------------------------------------

_DENIED_GRADES = (
    "We saw no indication that any rider came to serious harm.",
    "The review found no sign that any tenant was caused severe harm.",
    "No rider came to significant harm.",
    "We found no sign that any customer suffered serious loss.",
    "The patients did not come to serious harm.",
)


def test_a_denied_grade_of_harm_is_no_vague_amount(lint_text: LintFn) -> None:
    for line in _DENIED_GRADES:
        for section in ("Impact", "Clinical outcome"):
            assert _found(lint_text, section, line) == [], (section, line)


def test_a_grade_of_harm_that_happened_is_still_read(lint_text: LintFn) -> None:
    assert "significant harm" in _found(
        lint_text, "Impact", "Several patients suffered significant harm."
    )
    got = _found(lint_text, "Impact", "A significant number of tenants did not get their mail.")
    assert got == ["significant number of tenants"], got


# -- class 4: timeline entries in the afternoon, questions asked -----------------------------


def test_a_pm_stamped_timeline_entry_states_no_claim(lint_text: LintFn) -> None:
    body = (
        "- 10:05pm — queue depth alarm fires\n"
        "- 11:40pm — all green once more, replaying the batches people missed\n"
        "- 11:55 pm — on-call hands over"
    )
    assert _found(lint_text, "Timeline", body) == []


def test_a_vague_word_in_a_pm_stamped_entry_is_still_read(lint_text: LintFn) -> None:
    body = "- 10:05pm — alarm fires\n- 10:20pm — many viewers dropped off the stream"
    assert _found(lint_text, "Timeline", body) == ["many viewers"]


def test_who_asked_a_quoted_question_is_no_amount(lint_text: LintFn) -> None:
    for line in (
        'Several tenants asked the help desk: "Will my invoices be sent again?" We replied.',
        'Some tenants asked support: "Will the invoices be resent?"',
    ):
        assert _found(lint_text, "Communication", line) == [], line


def test_who_complained_of_harm_is_still_counted(lint_text: LintFn) -> None:
    assert _found(
        lint_text, "Impact", "Several customers complained that they were charged twice."
    ) == ["Several customers"]
    assert _found(lint_text, "Impact", "Several customers asked for refunds after the outage.") == [
        "Several customers"
    ]
