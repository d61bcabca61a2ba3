"""PM401's messages name only what can be counted or was affected (the classes a blind
test found: "give the share of hit", "for how long was 'PR' affected", "how many token
were affected"). Every sentence here is written for this file."""

from __future__ import annotations

from conftest import LintFn

from pm_lsp.nlp.pipeline import NLP
from pm_lsp.policy.rulepack import builtin_pack
from pm_lsp.rules.impact.claims import counted


def _messages(lint_text: LintFn, sentence: str, heading: str = "Impact") -> list[str]:
    text = f"# Billing outage\n\n## {heading}\n\n{sentence}\n"
    return [d.message for d in lint_text(text, select=["PM401"]).diagnostics]


def test_a_bare_amount_word_is_named_by_what_it_measures(lint_text: LintFn) -> None:
    """A vague amount word that names no measure of its own ("hit", "impact") is named by
    what it is on or the noun before it, else by the generic words; a change of a measure
    ("spike", "increase") asks for the measured change."""
    (hit,) = _messages(lint_text, "The revenue hit was noticeable.")
    assert "give the share of revenue " in hit
    (on,) = _messages(lint_text, "The impact on tenants was negligible.")
    assert "give the share of tenants " in on
    (bare,) = _messages(lint_text, "It had a high impact.")
    assert "give the share of what was affected " in bare
    (spike,) = _messages(lint_text, "Checkout saw a massive spike in declines.")
    assert "give the measured change" in spike


def test_someones_work_acting_is_the_cause_not_the_affected(lint_text: LintFn) -> None:
    """The subject of an effect verb with an object that is someone's work ("Mira's PR
    broke the storefront", "their patch broke ...") did the harm: the message names the
    object, never the PR."""
    for sentence in ("Mira's PR broke the storefront.", "Their patch broke the storefront."):
        (message,) = _messages(lint_text, sentence, heading="Summary")
        assert "'storefront'" in message and "PR" not in message and "patch" not in message


def test_a_singular_the_tagger_calls_plural_is_put_in_the_plural(nlp: NLP) -> None:
    """The small tagger may tag a singular as a plural ("rotate the token"): the message's
    count names the plural all the same, and a real plural or a mass stays as written."""
    doc = nlp.parse("We could not rotate the token, and the partners lost data.")
    by = {t.lower_: t for t in doc}
    assert counted(by["token"]) == "tokens"
    assert counted(by["partners"]) == "partners"
    assert counted(by["data"], plural=False) == "data"


def test_an_extra_amount_asks_how_much_more(lint_text: LintFn) -> None:
    """ "some extra fuel use", "some additional cleanup work": the message asks how much
    more of the thing (named with its modifiers, not the word "extra") there was."""
    (fuel,) = _messages(lint_text, "There might have been some extra fuel use.")
    assert "say how much more fuel use there was than usual" in fuel
    (work,) = _messages(lint_text, "The clinic needed some additional cleanup work.")
    assert "say how much more cleanup work there was than usual" in work


def test_a_degree_of_harm_to_people_asks_how_many_not_a_latency(lint_text: LintFn) -> None:
    """A degree word grading harm done to people, or to things a passive counts
    ("departments were badly affected", "passengers were hit hard"), asks how many were
    reached and what they met (message key vague-reach), not for a latency percentile; a
    degree on a measure ("latency rose sharply", "checkout latency was severely
    degraded", "refund requests were greatly delayed": how late) keeps the measured
    change."""
    reach = {
        "A few wards were badly affected.": "how many wards were affected",
        "Passengers at the north pier were hit hard.": "how many passengers were affected",
        "Our rural branches were hit really hard by the closures.": "how many branches",
        "The pharmacy was seriously affected.": "how many pharmacies were affected",
    }
    for sentence, asked in reach.items():
        got = [m for m in _messages(lint_text, sentence) if "p99" in m or asked in m]
        assert got and all(asked in m for m in got), (sentence, got)
    for sentence in (
        "Latency rose sharply during the deploy.",
        "Checkout latency was severely degraded.",
        "Refund requests were greatly delayed.",
    ):
        got = _messages(lint_text, sentence)
        assert got and all("give the measured change" in m for m in got), (sentence, got)
    assert {"affect", "hit"} <= set(builtin_pack().words("impact", "reach-verbs"))


def test_the_data_loss_question_names_more_than_data(lint_text: LintFn) -> None:
    """PM403 asks whether anything was lost for good, naming the kinds of thing an
    incident may lose besides data (orders, payments), and each sentence it suggests
    answers it."""
    body = "# Misrouted calls\n\n## Impact\n\nCalls were sent to the wrong desk for 2 hours.\n"
    (d,) = lint_text(body, select=["PM403"]).diagnostics
    assert "anything was lost for good" in d.message and "orders" in d.message
    for answer in ("No data was lost.", "Nothing was lost."):
        assert lint_text(body + answer + "\n", select=["PM403"]).diagnostics == []


def test_a_message_quotes_code_as_written_never_its_stand_in(lint_text: LintFn) -> None:
    """Inline code is masked to a run of stand-in letters before parsing; a message that
    names the affected thing quotes the code the writer wrote, without its backticks,
    never the stand-in (a blind test's message showed the code stand-in in place of the path)."""
    cases = {
        "From Tuesday evening until Thursday morning, `/srv/ledger` was unavailable.": (
            "'/srv/ledger'"
        ),
        "The `quota-svc` service was down.": "'quota-svc service'",
        "`tiles.db` was unreachable.": "'tiles.db'",
        "Requests to `/v3/rates/quote` failed, and `/v3/fx` was unreachable.": (
            "'/v3/rates/quote'"
        ),
        "`orders_archive` was unavailable to the reporting team.": "'orders_archive'",
    }
    for sentence, quoted in cases.items():
        for heading in ("Summary", "Impact"):
            (message,) = _messages(lint_text, sentence, heading=heading)
            assert quoted in message and "xxx" not in message, (sentence, message)


def test_code_beside_a_vague_word_is_not_quoted_masked(lint_text: LintFn) -> None:
    """A vague word before a code-named thing counts the thing's noun, and the message
    never shows the stand-in, whatever it names."""
    for sentence in (
        "Several of the `etl_*` tables were corrupted.",
        "Some `pdf-render` jobs were dropped for a while.",
    ):
        messages = _messages(lint_text, sentence)
        assert messages and all("xxx" not in m for m in messages), (sentence, messages)


def test_a_section_title_is_quoted_as_written(lint_text: LintFn) -> None:
    """PM402 names the section it reads by its title: inline code in the title is quoted as
    written, markup left out, never the stand-in."""
    for heading, name in (
        ("Impact on `tile-cache`", "'Impact on tile-cache' section"),
        ("**Impact** on `orders_v2`", "'Impact on orders_v2' section"),
    ):
        text = f"# Map outage\n\n## {heading}\n\nSome map tiles were blank.\n"
        (message,) = [d.message for d in lint_text(text, select=["PM402"]).diagnostics]
        assert name in message and "xxx" not in message, message


def test_a_vague_duration_is_quoted_whole(lint_text: LintFn) -> None:
    """A quantifier with a time noun is a duration: the message quotes both words, since
    the quantifier alone ("'some'") names no time; a count keeps its quantifier alone,
    with the counted noun said after it (blind round 28)."""
    (duration,) = _messages(
        lint_text, "Reloading the tariff tables will take some time, and quotes fail until then."
    )
    assert duration.startswith("Vague impact: 'some time'; give the duration")
    (count,) = _messages(lint_text, "Several depots could not print waybills.")
    assert count.startswith("Vague impact: 'Several' where a number belongs")
