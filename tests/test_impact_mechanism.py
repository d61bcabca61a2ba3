"""PM401 on the classes of writing a blind test found read as impact though they tell how
the incident worked or why the team chose as it did (session 26), each beside look-alikes
in the same shape that state impact and stay reported. Every sentence here is written for
this file."""

from __future__ import annotations

from collections.abc import Sequence

from conftest import LintFn

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
    ]
    assert _reported(lint_text, clean + harm) == harm
    assert _reported(lint_text, clean, heading="What happened") == []
    words = set(builtin_pack().words("impact", "refusal-verbs"))
    assert words == {"reject", "decline"}  # each is exercised above
