"""PM401 on the classes of writing a blind test found read as impact though they tell how
the incident worked or why the team chose as it did (session 26), each beside look-alikes
in the same shape that state impact and stay reported. Every sentence here is written for
this file."""

from __future__ import annotations

from collections.abc import Sequence

from conftest import LintFn

from pm_lsp.nlp.pipeline import NLP
from pm_lsp.policy.rulepack import builtin_pack


def _reported(lint_text: LintFn, lines: Sequence[str], heading: str = "Impact") -> list[str]:
    """The lines PM401 reports when each stands as its own paragraph under ``heading``."""
    text = f"# Settlement incident\n\n## {heading}\n\n" + "\n\n".join(lines) + "\n"
    diags = lint_text(text, select=["PM401"]).diagnostics
    by_line = dict(enumerate(text.splitlines(), start=1))
    return sorted({by_line[text.count("\n", 0, d.start) + 1] for d in diags}, key=lines.index)


def test_a_gatekeeper_refusing_something_of_ours_is_the_mechanism(lint_text: LintFn) -> None:
    """A system that declines or rejects an identifier, a certificate or a file we sent
    tells how the fault worked (``refusal-verbs``); a word that qualifies the refused
    thing ("merchant identifier") does not make it people. Refusing people, what users
    have or send, or whose owner is people stays harm."""
    clean = [
        "The card network declined the merchant identifier.",
        "The acquirer declined the merchant identifier we had sent since the upgrade.",
        "The processor declined the new terminal ID.",
        "The partner's SFTP server rejected our uploads after the key rotation.",
        "The partner's gateway rejected our requests after 06:10.",
        "The registry declined the publisher key we had rotated that morning.",
        "The issuer's servers rejected the renewed client certificate.",
    ]
    harm = [
        "The gateway rejected card payments.",
        "The processor declined customers' orders.",
        "The portal rejected our customers.",
        "The bank declined payments from shoppers.",
        "The API rejected logins from several tenants.",
        "The bank declined customer cards.",
        "The issuer rejected member cards after the migration.",
    ]
    assert _reported(lint_text, clean + harm) == harm
    assert _reported(lint_text, clean, heading="What happened") == []
    words = set(builtin_pack().words("impact", "refusal-verbs"))
    assert words == {"reject", "decline"}  # each is exercised above


def test_the_attack_vector_told_in_a_security_incident_is_no_impact(
    lint_text: LintFn, nlp: NLP
) -> None:
    """A word of exposure on the way an attacker came in or on what the attack was sent
    from (``vector-preps`` under ``entry-verbs``), on what an attacker exploited
    (``exploit-verbs``), or "broke in": the attack vector. Data or accounts exposed,
    leaked or taken, and exposed things the attacker reached, stay harm."""
    clean = [
        "The invoice arrived from a supplier's compromised mailbox.",
        "The attacker got in through a leaked deploy token.",
        "The attacker sent a forged invoice from a compromised vendor account.",
        "The attacker exploited an exposed debug endpoint.",
        "The malware reached the build host via a compromised dependency.",
        "The phishing messages came from a compromised partner mailbox.",
        "The intruders broke in using a leaked service credential.",
        "The worm spread through an exposed management port.",
        "The attacker abused a leaked signing key to publish the update.",
        "The malicious release was published with a compromised maintainer token.",
        "The attacker logged in with a leaked admin password.",
        "The ransomware entered the network through a compromised VPN appliance.",
        "The attacker gained access through an exposed admin panel.",
        "The fake update was delivered via a compromised mirror.",
        "The intruder signed in with a leaked support password.",
        "The scanner connected through an exposed database port.",
        "The intruder authenticated with a leaked session token.",
        "The backdoor was pushed from a compromised developer laptop.",
        "The first probe originated from a compromised cloud host.",
        "The lure landed via a compromised newsletter account.",
        "The crew leveraged an exposed metadata service.",
        "The attacker hijacked a compromised OAuth app.",
    ]
    harm = [
        "Data from compromised accounts was sold.",
        "The attacker downloaded exposed customer records.",
        "Customer records leaked through a misconfigured bucket.",
        "Customer data was exposed via the public API.",
        "The attacker used the portal to reach exposed patient files.",
        "Several accounts were compromised through a leaked password list.",
        "Customers got fake invoices from a compromised billing mailbox.",
    ]
    assert _reported(lint_text, clean + harm, heading="Summary") == harm
    assert _reported(lint_text, clean) == []
    pack = builtin_pack()
    told = {t.lemma_.lower() for s in clean for t in nlp.parse(s, entities=False)}
    missing = [
        f"{key}: {word}"
        for key in ("entry-verbs", "vector-preps", "exploit-verbs")
        for word in pack.words("impact", key)
        if word not in told
    ]
    assert missing == []  # each word is exercised above, in one of its forms


def test_a_trade_off_argued_for_a_decision_is_no_impact(lint_text: LintFn) -> None:
    """A clause that weighs one course against another, a comparative or a word of
    preference (``preference-words``) with "than" or "to" and a gerund on one side, sizes
    a hypothetical; and what the team chose to do to a system is its action. A vague
    amount outside the weighing clause, and comparisons of no courses, stay."""
    clean = [
        "Missing a few hours of rewards costs far less than being slashed.",
        "A short outage is cheaper than corrupting the ledger.",
        "We chose to stop the validators because losing some rewards is better than a double sign.",
        "Losing a few minutes of writes is preferable to serving corrupted balances.",
        "Taking the site down for a while was safer than letting bad prices through.",
        "A brief pause in payouts costs us less than paying the wrong accounts.",
        "Delaying some orders was superior to shipping them to the wrong depot.",
        "Holding back several releases is cheaper than shipping a broken installer.",
    ]
    harm = [
        "Latency was higher than usual for several hours.",
        "Many users waited longer than usual.",
        "Checkout failed for some customers, which was worse than losing the cart contents.",
        "Errors were far higher than during the last outage.",
        "Loading the dashboard took longer than usual for many customers.",
        "Sending invoices was worse than usual for many merchants.",
        "Checking out took more time than before for several shoppers.",
    ]
    assert _reported(lint_text, clean + harm, heading="Summary") == harm
    words = builtin_pack().words("impact", "preference-words")
    weighed = [
        f"Losing some orders is {w} than corrupting the ledger."
        for w in words
        if w not in ("preferable", "superior", "inferior", "cost")
    ]
    weighed += [
        f"Losing some orders is {w} to corrupting the ledger."
        for w in ("preferable", "superior", "inferior")
    ]
    weighed.append("Losing some orders costs less than corrupting the ledger.")
    assert len(weighed) == len(words)  # each word is read
    assert _reported(lint_text, weighed) == []


def test_the_track_record_in_a_background_section_is_no_impact(lint_text: LintFn) -> None:
    """Under a heading of background (``history-headings``), a sentence whose main verb is
    in the perfect or is marked as earlier or long-standing (``history-marks``) tells the
    process's history before the incident. The incident told there in the simple past
    stays. Anywhere, an effect after "without" is denied."""
    clean = [
        "The migration had been run many times before without trouble.",
        "The same script had been used several times in staging without failures.",
        "This failover had worked a few times in earlier drills.",
        "The job has run nightly for years without failing.",
        "Over the years, the export broke a few times, always for minor reasons.",
        "The runbook had been followed several times by different engineers.",
        "The cache was flushed many times before.",
        "The relay previously dropped a few messages during upgrades.",
        "The nightly sync was historically slow for some tenants.",
        "The scheduler formerly skipped a few jobs on busy nights.",
        "For decades the mainframe batch lost some records each quarter.",
        "For a decade the batch lost some records each quarter.",
    ]
    harm = [
        "On Monday, the locator had a brief outage.",
        "Before the fix, many users could not pay.",
        "Earlier that morning, several customers reported failed transfers.",
        "Many users could not log in on Monday.",
        "During the incident, some customers were charged twice.",
    ]
    for heading in ("Background", "Context", "History of the sync job"):
        assert _reported(lint_text, clean + harm, heading=heading) == harm
    assert _reported(lint_text, ["The import ran without errors."], heading="Summary") == []
    assert set(builtin_pack().words("impact", "history-marks")) == {
        "before",
        "previously",
        "years",
        "decade",
        "decades",
        "always",
        "historically",
        "formerly",
    }  # each is exercised above


def test_amounts_in_crypto_and_currency_units_are_money(lint_text: LintFn) -> None:
    """A figure before a ticker or an ISO code ("3.9 ETH", "2,000 EUR") is an amount; a
    vague word on one (``currency-units``) asks for the amount of money, whatever the
    unit; a code before a noun counts that noun ("Some EUR payouts")."""
    clean = [
        "The drained wallet held 3.9 ETH.",
        "Users lost 12.5 BTC in total.",
        "About 40,000 USDC was stolen from the bridge.",
        "Refunds of 2,000 EUR were issued to affected merchants.",
        "The exploit drained 250 SOL from the pool.",
        "No ETH was lost.",
        "A few dots appeared on the chart.",
    ]
    vague = [
        "Some ETH was lost.",
        "Users lost a lot of BTC.",
        "A significant amount of USDC was drained.",
        "The exploit drained some SOL from the pool.",
        "Customers were refunded some GBP.",
    ]
    assert _reported(lint_text, clean + vague) == vague
    counted = lint_text("# T\n\n## Impact\n\nSome EUR payouts were delayed.\n", select=["PM401"])
    assert ["payouts" in d.message for d in counted.diagnostics] == [True]
    quantified = lint_text("# T\n\n## Impact\n\nUsers lost 12.5 BTC.\n", select=["PM402"])
    assert quantified.diagnostics == []
    for unit in builtin_pack().words("impact", "currency-units"):
        text = f"# T\n\n## Impact\n\nThe drain took some {unit.upper()} from users.\n"
        diags = lint_text(text, select=["PM401"]).diagnostics
        assert ["amount of money" in d.message for d in diags] == [True], unit
        figure = f"# T\n\n## Impact\n\nThe drain took 41.5 {unit.upper()} from users.\n"
        assert lint_text(figure, select=["PM401"]).diagnostics == [], unit


def test_vague_counts_of_staff_made_to_work_around_the_incident(lint_text: LintFn) -> None:
    """Where impact is stated, a vague count of staff in any role is the impact when they
    could not work, were shut out (harm to people, in the passive) or had to work around
    the incident ("had to" with an act of their own). Staff who were away, knew
    something, did nothing forced, or the responders' own work stay clean."""
    vague = [
        "Several account managers could not log in.",
        "A handful of nurses could not open patient charts.",
        "Many of our support agents were locked out of the console.",
        "Some cashiers had to take payments by hand.",
        "Several pharmacists had to re-enter prescriptions.",
        "Numerous tellers had to turn customers away.",
        "Some clerks were frustrated by the retries.",
    ]
    clean = [
        "Several account managers were on leave that week.",
        "A few nurses knew about the workaround.",
        "Some of our agents joined the incident call.",
        "Many reviewers had to approve the rollback.",
        "Several cashiers did not have to do anything.",
    ]
    assert _reported(lint_text, vague + clean) == vague


def test_vague_reach_of_readers_and_data(lint_text: LintFn) -> None:
    """Where impact is stated: a vague amount of material that may have been reached
    (``access-verbs``, in the passive, hedged or by someone not of the team), a vague
    count of feedback (``feedback-nouns``) that mentions the incident or an effect
    (``mention-verbs``), and a number hyphened into a kind ("1-star") is no amount.
    Material the team handled, feedback about something else, stay clean."""
    vague = [
        "Few people read the notice.",
        "A lot of sensitive material may have been viewed.",
        "A lot of private correspondence may have been read.",
        "Plenty of internal correspondence was downloaded by the intruder.",
        "A few 1-star reviews mention it.",
        "A handful of app store reviews cite the crash.",
        "Some forum posts describe lost progress.",
        "Several angry tweets reference the outage.",
        "A few comments blame the broken update.",
        "Some support tickets report missing invoices.",
    ]
    clean = [
        "A few reviews mention the new icon.",
        "Some of the material was published on purpose.",
        "Several reviews praise the support team.",
        "A lot of material was reviewed during the audit.",
        "A lot of material was read by us during the review.",
        "A lot of the logs were copied by the on-call engineer.",
    ]
    assert _reported(lint_text, vague + clean) == vague


def test_every_reach_word_is_read(lint_text: LintFn) -> None:
    """Each word of ``access-verbs``, ``feedback-nouns`` and ``mention-verbs`` makes a
    vague count where impact is stated."""
    pack = builtin_pack()
    participles = {
        "view": "viewed",
        "read": "read",
        "access": "accessed",
        "download": "downloaded",
        "open": "opened",
        "copy": "copied",
        "see": "seen",
        "browse": "browsed",
        "exfiltrate": "exfiltrated",
    }
    assert set(pack.words("impact", "access-verbs")) == set(participles)
    plurals = {"reply": "replies"}
    lines = [f"A lot of patient material may have been {p}." for p in participles.values()]
    lines += [
        f"Several {plurals.get(n, n + 's')} mention the outage."
        for n in pack.words("impact", "feedback-nouns")
    ]
    lines += [
        f"Several reviews {v} the broken checkout." for v in pack.words("impact", "mention-verbs")
    ]
    assert _reported(lint_text, lines) == lines
