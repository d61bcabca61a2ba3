"""PM401 on people who pass on a report and on a readers' FAQ (round 22): the sentences are
written for these tests."""

from __future__ import annotations

import re

from conftest import FIXTURES, LintFn

from pm_lsp.nlp.pipeline import NLP
from pm_lsp.policy.rulepack import builtin_pack

HERE = FIXTURES / "impact"


def _lines(name: str, after: str) -> list[str]:
    """The sentences of the block whose comment holds ``after``, up to the next comment."""
    lines = (HERE / name).read_text(encoding="utf-8").split(after, 1)[1].splitlines()[1:]
    out: list[str] = []
    for ln in lines:
        if ln.startswith("#"):
            if out:
                break
            continue
        if ln.strip():
            out.append(ln)
    return out


def test_every_report_verb_has_a_clean_fixture_sentence(nlp: NLP) -> None:
    """Each verb of ``report-verbs`` tells a report passed on in a sentence of clean.txt
    (linted in an Impact section by test_impact.py)."""
    sentences = _lines("clean.txt", "class 2: people counted")
    lemmas = {t.lemma_.lower() for doc in nlp.parse_many(sentences, entities=False) for t in doc}
    assert sorted(set(builtin_pack().words("impact", "report-verbs")) - lemmas) == []


_DOC = "# Heating app outage\n\n## Who was affected\n\n- {impact}\n\n## {heading}\n\n{answer}\n"
_QUANTIFIED = "312 homes (8% of all homes) could not reach the app for 2 hours."
_ANSWERS = [
    "What you lost was the option to adjust it from your phone.",
    "Customers could not change the schedule from the app.",
    "Your orders were delayed and the tracking page was unavailable.",
    "Remote control from the phone app stopped working.",
]


def test_an_faq_answer_restates_impact_quantified_elsewhere(lint_text: LintFn) -> None:
    """Under a heading of questions and answers (``faq-headings``), or one that asks a
    question, a statement of what the readers could no longer do stands only when no
    Impact region gives amounts; anywhere else it stands; a vague quantity always does."""
    faq = builtin_pack().words("impact", "faq-headings")
    headings = ["Frequently asked questions", "FAQ", "Your questions answered", "Q&A"]
    headings += ["Questions and answers", "Common questions", "FAQs", "Was my home cold?"]
    assert all(any(w in h.lower() for w in faq) or h.endswith("?") for h in headings)
    assert all(any(w in " ".join(headings).lower() for w in [f]) for f in faq)
    for heading in headings:
        for answer in _ANSWERS:
            text = _DOC.format(impact=_QUANTIFIED, heading=heading, answer=answer)
            assert lint_text(text, select=["PM401"]).diagnostics == [], (heading, answer)
            vague = _DOC.format(
                impact="Homes could not reach the app.", heading=heading, answer=answer
            )
            got = {vague[d.start : d.end] for d in lint_text(vague, select=["PM401"]).diagnostics}
            assert answer in got, (heading, answer)
    for heading in ["What happened", "Response", "Customer experience"]:
        text = _DOC.format(impact=_QUANTIFIED, heading=heading, answer=_ANSWERS[1])
        assert lint_text(text, select=["PM401"]).diagnostics, heading
    text = _DOC.format(impact=_QUANTIFIED, heading="FAQ", answer="Some customers could not log in.")
    assert [text[d.start : d.end] for d in lint_text(text, select=["PM401"]).diagnostics] == [
        "Some customers"
    ]


def test_every_figure_word_and_referring_word_has_a_clean_fixture_sentence() -> None:
    """Each word of ``figure-before`` stands right before "a blip" or "a while", each of
    ``figure-after`` right after one, and each of ``referring-back`` right before a
    quantifier, in a sentence of clean.txt (linted in an Impact section by test_impact.py)."""
    pack = builtin_pack()
    text = " ".join(_lines("clean.txt", "class 3: a phrase of duration")).lower()
    missing = [w for w in pack.words("impact", "figure-before") if f"{w} a blip" not in text]
    missing += [w for w in pack.words("impact", "figure-after") if f"a blip {w} " not in text]
    missing += [
        w
        for w in pack.words("impact", "referring-back")
        if not any(f"{w} {q} " in text for q in pack.words("impact", "quantifiers"))
    ]
    assert missing == []


def test_a_word_of_a_spelled_out_acronym_is_not_named_as_affected(lint_text: LintFn) -> None:
    """A statement whose entity is one word of a name spelled out before its acronym
    ("operations and maintenance (O&M) console") asks for the kinds of amount and names no
    word; a name with no acronym after it, or a bracket that is no acronym, is named."""
    unnamed = [
        "The relay mast failed to sync and no operations and maintenance (O&M) console came up.",
        "The customer data platform (CDP) was unavailable during the migration.",
        "The point of sale (POS) terminals were down at every branch.",
    ]
    named = {
        "The order management system failed after the deploy.": "order management system",
        "The OMS failed after the deploy.": "OMS",
        "The IAM service (the token issuer) stopped issuing tokens.": "IAM service",
    }
    for sentence in unnamed:
        diags = lint_text(f"# T\n\n## Impact\n\n{sentence}\n", select=["PM401"]).diagnostics
        assert diags and all("'" not in d.message for d in diags), (sentence, diags)
    for sentence, noun in named.items():
        diags = lint_text(f"# T\n\n## Impact\n\n{sentence}\n", select=["PM401"]).diagnostics
        assert any(f"'{noun}'" in d.message for d in diags), (sentence, diags)


def test_a_report_of_a_failure_in_a_contraction_is_still_impact(lint_text: LintFn) -> None:
    """The content of a report is read as written: "wouldn't load" is an inability as "would
    not load" is (the tokens joined read "would n't load", which no inability phrase
    matches), so people counted in such a report are still an unquantified impact."""
    for sentence in (
        "Some shoppers told us the basket page wouldn't load.",
        "Some shoppers told us the basket page would not load.",
        "Several drivers told us the route screen couldn't refresh.",
    ):
        diags = lint_text(f"# T\n\n## Impact\n\n{sentence}\n", select=["PM401"]).diagnostics
        assert diags, sentence
    clean = "A few shoppers wrote to say the receipts looked odd."
    assert not lint_text(f"# T\n\n## Impact\n\n{clean}\n", select=["PM401"]).diagnostics


def test_every_ratio_multiplier_has_a_clean_fixture_sentence() -> None:
    """Each word of ``ratio-multipliers`` stands before "as many" or "as much" in a
    sentence of clean.txt (linted in an Impact section by test_impact.py)."""
    pack = builtin_pack()
    text = " ".join(_lines("clean.txt", "class 1: an amount told as a ratio")).lower()
    missing = [
        w
        for w in pack.words("impact", "ratio-multipliers")
        if f"{w} as many " not in text and f"{w} as much " not in text
    ]
    assert missing == []


def test_every_program_kind_has_a_clean_fixture_sentence() -> None:
    """Each word of ``program-kinds`` names a program noun's technology in a sentence of
    clean.txt (a device, not people: linted in an Impact section by test_impact.py)."""
    pack = builtin_pack()
    text = " ".join(_lines("clean.txt", "class 2: a program noun named")).lower()
    missing = [w for w in pack.words("impact", "program-kinds") if f"{w} clients" not in text]
    assert missing == []


def test_every_counterfactual_form_has_a_clean_fixture_sentence() -> None:
    """Each pattern of ``counterfactual-forms`` matches a sentence of clean.txt (a past
    counterfactual states no impact: linted in an Impact section by test_impact.py)."""
    pack = builtin_pack()
    sentences = _lines("clean.txt", "class 3: a past counterfactual")
    forms = [re.compile(p, re.IGNORECASE) for p in pack.words("impact", "counterfactual-forms")]
    assert [p.pattern for p in forms if not any(p.search(s) for s in sentences)] == []


def test_a_word_of_an_expansion_after_its_acronym_is_not_named(lint_text: LintFn) -> None:
    """The other order (fix helper imp23, class 2): a name spelled out in brackets after
    its acronym ("MMS (Multimedia Message Service)") gives no word to name as affected;
    a bracket that is no expansion of the word before it leaves the name alone."""
    sentences = [
        "Outbound MMS (Multimedia Message Service) went down across the east region.",
        "The IVR (Interactive Voice Response) tree was unavailable all morning to callers.",
        "Our EHR (Electronic Health Record) viewer was down for clinic staff.",
        "The POS (Point Of Sale) tills stopped taking cards.",
    ]
    for sentence in sentences:
        diags = lint_text(f"# T\n\n## Impact\n\n{sentence}\n", select=["PM401"]).diagnostics
        for d in diags:
            assert not any(w in d.message for w in ("'Message", "'Voice", "'Record", "'Sale")), (
                sentence,
                d.message,
            )
    named = "The IAM service (the token issuer) stopped issuing tokens."
    diags = lint_text(f"# T\n\n## Impact\n\n{named}\n", select=["PM401"]).diagnostics
    assert any("'IAM service'" in d.message for d in diags), diags
