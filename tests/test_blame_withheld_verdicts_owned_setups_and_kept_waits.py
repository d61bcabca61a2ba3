"""Blameless stances that looked like blame, and two group jabs that were missed.

A verdict verb that is denied, or whose judge is no one ("the review does not consider any
clerk to be at fault", "nobody on the panel thinks the courier was to blame"), is the
blameless conclusion itself; a verdict given ("the board considers the night operator to be
at fault") keeps PM101. The writers saying they never set up a safeguard ("we never set up
paging for the archive host") own the gap anywhere; a person or another team keeps PM103. A
wait ended by a condition met before acting safely, or praised after it, is kept on purpose;
a wait ended by a time, a prompt or a harm, and a response held back, stay a delay. A
group's habit of neglect opened by a scornful "Obviously," and warnings counted "before
someone" acts are jabs, and so is a lapse told as a person's trademark ("Classic
<Name> move"). Each group is one document, one lint. Every sentence here is
written for this file."""

from __future__ import annotations

from conftest import LintFn, findings_by_paragraph

_FILLER = "The depot printers were back at 07:15."

#: (sentence, "CODE span" it must give)
_FOUND = [
    # a verdict given, or its denial only of another clause
    (
        "The board considers the night operator to be at fault.",
        "PM101 the night operator to be at fault",
    ),
    (
        "The review found the depot supervisor to be at fault.",
        "PM101 the depot supervisor to be at fault",
    ),
    (
        "We do not consider the alarm noisy, and we consider Petra to be responsible.",
        "PM101 Petra to be responsible",
    ),
    # someone else's missing safeguard, or our own check left undone
    ("Because Sam never set up the rota, nobody was paged.", "PM103 Sam never set up"),
    ("The team never set up paging for the batch host.", "PM103 The team never set up"),
    ("We never reviewed the quota after the spring growth.", "PM103 We never reviewed"),
    # a wait ended by a prompt, a time or the harm; a response held back
    (
        "Hugo did not change the setting until the customer complained.",
        "PM103 Hugo did not change the setting until the customer complained",
    ),
    (
        "Aiko did not roll back until the error rate had doubled.",
        "PM103 Aiko did not roll back until the error rate had doubled",
    ),
    (
        "Ravi did not escalate until his shift had finished.",
        "PM103 Ravi did not escalate until his shift had finished",
    ),
    (
        "The operator did not acknowledge the page until the incident was confirmed by a client.",
        "PM103 The operator did not acknowledge the page until the incident was confirmed",
    ),
    # a group's habit held up as self-evident
    ("Obviously, nobody on that desk reads their queue.", "PM103 nobody on that desk reads"),
    ("Obviously, nobody on that desk reads their queue.", "PM106 Obviously"),
    (
        "Clearly, nobody on the billing team checks the dashboard.",
        "PM103 nobody on the billing team checks",
    ),
    # warnings counted until someone acts
    (
        "How many warnings does it take before anybody in dispatch reacts?",
        "PM106 How many warnings does it take before anybody",
    ),
    (
        "Honestly, how many pages will it take for anybody in support to look?",
        "PM106 Honestly, how many pages will it take for anybody",
    ),
    # a lapse told as a person's trademark
    ("Classic Marek move.", "PM106 Classic Marek move"),
    (
        "That was a typical Joss stunt: ship first, test later.",
        "PM106 That was a typical Joss stunt",
    ),
]

_CLEAN = [
    # a verdict withheld
    "The review does not consider any clerk at the depot or in IT to be at fault.",
    "The panel did not find any individual to be at fault.",
    "We do not consider any one engineer to be responsible for the loss.",
    "Nobody on the panel considers the operator to be at fault.",
    "We don't think anyone was at fault.",
    "We do not believe that any dispatcher was responsible for the delay.",
    # a safeguard we never set up, named as ours
    "Because we never set up a weekend rota, nobody was paged.",
    "Our team never configured alerting on the certificate expiry.",
    "We did not set up any paging for the batch host.",
    # a wait kept on purpose
    "Mirela did not switch the route until the endpoint was verified, which we consider correct.",
    "Dana did not touch the firewall until the change window opened, which was right.",
    "Kofi did not fail over the primary until the replica caught up, and that was the right call.",
    "The DBA did not drop the old table until the backup was verified.",
    "Mei did not promote the build until the canary checks had passed.",
    "Priya did not merge the patch until it had been approved.",
    "The fitter did not reopen the valve until the pressure test was complete.",
    # no scorn, a possibility, a state done to them, a fact acted on
    "Obviously, nobody could have seen the alert: it was muted by the upgrade.",
    "Nobody on that desk reads the digest.",
    "Obviously, nobody on the desk was told about the change.",
    "Clearly, nobody on the support desk reads the weekly digest, so we will stop sending it.",
    # a threshold asked, a thing counted
    "How many retries does it take before the job gives up?",
    "How many failed probes does it take before anyone is paged?",
    "How many alerts does it take before anybody on the roster gets paged?",
    "How many alerts does it take before the pager escalates?",
    # a thing's trademark
    "Classic load-balancer failure mode.",
    "Typical latency was 40 ms.",
    "A classic race condition between the two writers.",
]


def _spaced(sentences: list[str]) -> list[str]:
    """Each sentence followed by a statement paragraph of its own."""
    return [p for s in sentences for p in (s, _FILLER)]


def test_verdicts_others_gaps_late_acts_and_jabs_are_found(lint_text: LintFn) -> None:
    found = findings_by_paragraph(lint_text, [("Analysis", _spaced([s for s, _ in _FOUND]))])
    for sentence, finding in _FOUND:
        assert finding in found[sentence], (sentence, found[sentence])


def test_withheld_verdicts_owned_setups_and_kept_waits_stay_clean(lint_text: LintFn) -> None:
    found = findings_by_paragraph(lint_text, [("Analysis", _spaced(_CLEAN))])
    assert {s: f for s, f in found.items() if f and s != _FILLER} == {}


def test_crlf_and_wide_text(lint_text: LintFn) -> None:
    text = (
        "# 倉庫\n\n## Analysis\n\n🚚 The panel did not find any individual to be at fault.\n\n"
        "🚚 Obviously, nobody on that desk reads their queue.\n"
    ).replace("\n", "\r\n")
    diags = lint_text(text, select=["PM1"]).diagnostics
    assert sorted((d.code, text[d.start : d.end]) for d in diags) == [
        ("PM103", "nobody on that desk reads"),
        ("PM106", "Obviously"),
    ]
