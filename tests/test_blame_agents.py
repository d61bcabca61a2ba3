"""Blame agents the entity recogniser does not know, the act classes that need no trigger
adjective, and their innocent look-alikes (sentences written for these tests)."""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.policy.names import FILE, given_names, is_given_name, plain, read_names
from pm_lsp.policy.rulepack import rules_dir
from pm_lsp.rules.blame.systems import system_words

CODES = ("PM101", "PM102", "PM103", "PM104", "PM105", "PM106", "PM107")


def _blame(lint_text: LintFn, sentence: str, section: str = "Contributing Factors") -> list[str]:
    text = f"# Incident\n\n## {section}\n\n{sentence}\n"
    return [d.code for d in lint_text(text, select=["PM1"]).diagnostics if d.code in CODES]


def test_name_list_states_provenance_and_licence() -> None:
    head = (rules_dir() / FILE).read_text(encoding="utf-8")[:6000]
    assert "Provenance" in head and "MIT" in head and "Permission is hereby granted" in head
    assert "public domain" in head and "added by the project team" in head


def test_name_list_covers_many_languages_and_leaves_out_words() -> None:
    names = given_names()
    assert len(names) > 10_000
    for name in ("Lucía", "Jürgen", "Zeynep", "Katarzyna", "Guðrún", "Xiuying", "Neema", "Aino"):
        assert name in names, name
    # names the first source lacked: South Asian, Yoruba, Japanese, Chinese, Zulu
    for name in ("Ananya", "Rohit", "Oluwaseun", "Haruto", "Haoran", "Sipho", "Siobhan"):
        assert name in names, name
    for word in ("Will", "Grant", "Page", "Mark", "June", "English", "Prisma", "Solana"):
        assert word not in names, word


def test_a_name_matches_with_or_without_its_diacritics() -> None:
    names = frozenset({"Siobhan", "Zoe"})
    assert plain("Siobhán") == "Siobhan" and plain("Zoë") == "Zoe" and plain("Ana") == "Ana"
    assert is_given_name("Siobhán", names) and is_given_name("Zoe", names)
    assert not is_given_name("Siobhàn-x", names)


def test_a_name_in_another_script_is_a_given_name() -> None:
    """A word written wholly in letters of another script than Latin is a name as its
    bearer writes it; Latin letters (with diacritics or not), digits, a mixed word or an
    emoji are not."""
    names = given_names()
    for word in ("王伟", "김민수", "Ольга", "Σοφία", "佐藤"):
        assert is_given_name(word, names), word
    for word in ("Zoë-x", "Wang王", "🙏", "ошибка1", "Qqzx"):
        assert not is_given_name(word, names), word


def test_read_names_skips_comments_and_blank_lines(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "names.txt"
    path.write_text("# a comment\n\nAna\n  Bence \n", encoding="utf-8")
    assert read_names(path) == frozenset({"Ana", "Bence"})


@pytest.mark.parametrize(
    "sentence",
    [
        "Zsófia ignored the disk-space alert for an hour.",
        "Wojciech deleted the production namespace.",
        "@ops_lena dropped the sessions table.",
        "The new hire unintentionally deleted the customer bucket.",
        "Several people saw the warning but did not respond.",
        "Nor did Amélie adequately test the new query.",
        "Bence rolled out the change without being thorough.",
        "The change was deemed good enough by the developer.",
        "The bug was obviously not caught by review.",
        "Oluwaseun's script was never tested.",
        "Nothing was done for another two hours.",
        "We should have been more careful.",
        "Had the on-call engineer escalated earlier, the outage would have been shorter.",
        "If the reviewer had looked closer, the bug would have been caught.",
        "The blame for the outage lies with the release manager.",
        "The vendor took full responsibility for the outage.",  # the writers' own: clean (misc30)
        "The outage was caused by user error.",
        "Minh's hotfix broke the login page.",
        "Sizwe force-deleted the persistent volume claim.",
        "The intern force-pushed over the main branch.",
    ],
)
def test_blame_construction_is_flagged(lint_text: LintFn, sentence: str) -> None:
    assert _blame(lint_text, sentence), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Zsófia deleted the stale pods to free capacity.",
        "Wojciech wiped the test volume and restored it from the snapshot.",
        "We accidentally found the bug while testing the restore.",
        "Cassandra dropped writes during compaction.",
        "We missed two blocks while the validator restarted.",
        "Any operator error is a symptom of a missing mechanism.",
        "Treating this as operator error would teach us nothing.",
        "It would be easy to say the engineer should have known, and it would be wrong.",
        "The user error page now shows a retry button.",
        "We would not have detected this bug if the synthetic check had not existed.",
        "The goal of this review is not to find whose fault it was.",
        "The regression was not caught by the unit tests.",
        "The script was never tested.",
        "The standby region had never been tested at this traffic level.",
        "Nothing was lost: the queue replayed every message.",
        "We did NOT receive the storage alerts in the chat channel.",
        "Bence did not notice the second alert: it was grouped under the first one.",
        "They skipped lunch to finish the failover.",
        "The reviewer forgot nothing: the checklist covered every step.",
        "The CI job force-pushed the release tag.",
        "Kevin force-pushed the branch to update the pull request.",
        "Oskar force-pushed his own feature branch after the rebase.",
    ],
)
def test_look_alike_is_clean(lint_text: LintFn, sentence: str) -> None:
    assert _blame(lint_text, sentence) == [], sentence


def test_destructive_act_in_a_timeline_is_info(lint_text: LintFn) -> None:
    """The timeline keeps its severity policy: who did what is recorded, at most info."""
    text = "# Incident\n\n## Timeline\n\n- 10:02 Wojciech deleted the production namespace.\n"
    found = [d for d in lint_text(text, select=["PM1"]).diagnostics if d.code in CODES]
    assert found and all(d.severity.label == "info" for d in found)


def test_system_words_read_code_versions_system_nouns_and_operations() -> None:
    text = (
        "We upgraded Quellbridge on Monday. The Brightvale proxy restarted. "
        "Marlowtech 2.4.1 shipped. Run `tessaline --check` first. Zentrova called us."
    )
    found = system_words(text)
    assert {"Quellbridge", "Brightvale", "Marlowtech", "Tessaline"} <= found
    assert "Zentrova" not in found


def test_unknown_proper_noun_is_an_agent_unless_the_document_uses_it_as_a_system(
    lint_text: LintFn,
) -> None:
    """ "Zentrova did not notice ..." names an agent (a partner organisation) in a document
    that never uses the word as software, and a product in one that upgrades it."""
    sentence = "Zentrova did not notice the expired token."
    alone = f"# Incident\n\n## Contributing Factors\n\n{sentence}\n"
    product = (
        "# Incident\n\n## Summary\n\nWe upgraded Zentrova to 3.2.0 on Monday.\n\n"
        f"## Contributing Factors\n\n{sentence}\n"
    )
    flagged = [d.code for d in lint_text(alone, select=["PM1"]).diagnostics if d.code in CODES]
    clean = [d.code for d in lint_text(product, select=["PM1"]).diagnostics if d.code in CODES]
    assert flagged and clean == []
