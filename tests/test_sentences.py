"""The cheap sentence splitter (:mod:`pm_lsp.nlp.sentences`): where a unit a rule judges
begins and ends, so where a finding's span stops."""

from __future__ import annotations

import pytest
from conftest import LintFn

from pm_lsp.nlp.sentences import sentence_spans
from pm_lsp.parse.masking import mask_code_spans
from pm_lsp.rules.actions import specs as action_specs


def _split(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a note in parentheses after a full stop is a sentence of its own, in either case
        (
            "A shared pager would help. (added a rotation on 3 May)",
            ["A shared pager would help.", "(added a rotation on 3 May)"],
        ),
        ("Raise the limit. (Done in #481.)", ["Raise the limit.", "(Done in #481.)"]),
        ("Is a retry safe? (checked: yes)", ["Is a retry safe?", "(checked: yes)"]),
        # look-alikes: a parenthesis inside a sentence, or after an abbreviation
        (
            "We rolled the deploy back (see the timeline). Errors stopped.",
            ["We rolled the deploy back (see the timeline).", "Errors stopped."],
        ),
        (
            "Drain the pools, e.g. (a) ingest and (b) mail.",
            ["Drain the pools, e.g. (a) ingest and (b) mail."],
        ),
        (
            "Use one region, i.e. (in practice) eu-west-1.",
            ["Use one region, i.e. (in practice) eu-west-1."],
        ),
        (
            "The queue grew (to 40,000 jobs) overnight.",
            ["The queue grew (to 40,000 jobs) overnight."],
        ),
        # a range written with two dots is no sentence end; an ellipsis of three may be
        (
            "Partitions 2026-10-01 .. 2026-10-31 got duplicate rows. We paused.",
            ["Partitions 2026-10-01 .. 2026-10-31 got duplicate rows.", "We paused."],
        ),
        ("Ids 100 .. 200 were sent twice.", ["Ids 100 .. 200 were sent twice."]),
        ("We waited... Then it came back.", ["We waited...", "Then it came back."]),
        # an initial or a title of address ends no sentence
        (
            "Mr. T. Hale approved the change. Ms. Park rolled it back.",
            ["Mr. T. Hale approved the change.", "Ms. Park rolled it back."],
        ),
        ("Dr. Lee paged the team.", ["Dr. Lee paged the team."]),
        # an emoji right after a word ends a sentence before a capitalised word
        (
            "We broke the lobby for everyone 😅 The patch went out an hour later.",
            ["We broke the lobby for everyone 😅", "The patch went out an hour later."],
        ),
        (
            "Queues drained fast🎉 Then a second wave hit.",
            ["Queues drained fast🎉", "Then a second wave hit."],
        ),
        (
            "Servers are back ✅\ufe0f Thanks for waiting!",
            ["Servers are back ✅\ufe0f", "Thanks for waiting!"],
        ),
        # look-alikes: an emoji inside a sentence, after a label, opening a list item, after
        # a full stop
        ("The build is green ✅ and we shipped it.", ["The build is green ✅ and we shipped it."]),
        ("Status: ✅ Resolved", ["Status: ✅ Resolved"]),
        ("🚀 Launch the new build", ["🚀 Launch the new build"]),
        # an emoji (up to three) after the mark belongs to the sentence it closes, and the
        # next sentence starts after it
        (
            "Nobody lost items. ✅ Next we add a test.",
            ["Nobody lost items. ✅", "Next we add a test."],
        ),
        (
            "Who reboots the primary at noon? 🙃 The replica was already lagging.",
            ["Who reboots the primary at noon? 🙃", "The replica was already lagging."],
        ),
        ("It paged again!😤😤 We muted it.", ["It paged again!😤😤", "We muted it."]),
        (
            "The quota reset. 👍🏽 Then traffic came back.",
            ["The quota reset. 👍🏽", "Then traffic came back."],
        ),
        ("Ask Mr. 🙃 Osei first.", ["Ask Mr. 🙃 Osei first."]),
        # a sentence may open with a number led by a symbol: about, at most, more than,
        # an increase, an amount of money
        (
            "The import ran twice overnight. ~2,300 invoices were sent again.",
            ["The import ran twice overnight.", "~2,300 invoices were sent again."],
        ),
        (
            "Retries were capped. ≈ 4% of calls still timed out.",
            ["Retries were capped.", "≈ 4% of calls still timed out."],
        ),
        (
            "Most pages loaded. <2% of sessions saw an error. >150 tickets came in.",
            ["Most pages loaded.", "<2% of sessions saw an error.", ">150 tickets came in."],
        ),
        (
            "The cache was cold. +35 ms at p95 for an hour. $4,800 was refunded.",
            ["The cache was cold.", "+35 ms at p95 for an hour.", "$4,800 was refunded."],
        ),
        # look-alikes: a symbol number inside a sentence, a symbol with no number after it
        (
            "Latency rose to ~40 ms. Then it settled.",
            ["Latency rose to ~40 ms.", "Then it settled."],
        ),
        ("We saw ~ no change after the restart.", ["We saw ~ no change after the restart."]),
        # a clause number opening a line, as a formal report numbers its paragraphs, is no
        # word of its sentence (as a Markdown "1. " is none): the sentence starts after it
        (
            "2.4 Had the reviewer opened the diff, the typo would have been seen.",
            ["Had the reviewer opened the diff, the typo would have been seen."],
        ),
        (
            "Background.\n5.1.3 The vendor's gateway dropped the retries. 5.1.4 It then stopped.",
            ["Background.", "The vendor's gateway dropped the retries.", "5.1.4 It then stopped."],
        ),
        ("§7 Orbiton Freight Ltd paused the feed.", ["Orbiton Freight Ltd paused the feed."]),
        # a short word opening the sentence after the number ("On", "It", "In", "At")
        ("1.1 On 3 March the gateway failed.", ["On 3 March the gateway failed."]),
        ("4.2 It must be said that the board met.", ["It must be said that the board met."]),
        ("2.3 In total 40 files were lost.", ["In total 40 files were lost."]),
        # a colon at the end of a wrapped line: the sentence goes on when the next line does
        # in small letters; a list, a capital, inline code or a new record starts afresh
        (
            "The relay did what it does when the buffer is full:\nstop. Jobs then failed.",
            ["The relay did what it does when the buffer is full:\nstop.", "Jobs then failed."],
        ),
        (
            "The steps were:\n- drain the node\n- restart it",
            ["The steps were:", "- drain the node\n- restart it"],
        ),
        (
            "We saw this error:\nThe socket closed early.",
            ["We saw this error:", "The socket closed early."],
        ),
        ("It printed:\nxxxxxxxx and stopped.", ["It printed:", "xxxxxxxx and stopped."]),
        ("3.3 Dr Hale approved it.", ["Dr Hale approved it."]),
        ("  6.2   A rollback was started.", ["A rollback was started."]),
        # look-alikes: a quantity opening a sentence keeps its number (a small letter or a
        # unit follows it), and so does a whole number counting people
        ("2.4 million requests were dropped.", ["2.4 million requests were dropped."]),
        ("12.8 GB of traces were deleted.", ["12.8 GB of traces were deleted."]),
        (
            "1.5 Gbps of traffic was shed; 0.7 GiB stayed.",
            ["1.5 Gbps of traffic was shed; 0.7 GiB stayed."],
        ),
        ("4 Engineers joined the call.", ["4 Engineers joined the call."]),
        (
            "The flag was off. ~/deploy.sh was run by hand.",
            ["The flag was off. ~/deploy.sh was run by hand."],
        ),
        # writing in small letters: a full stop or question mark after a word ends the
        # sentence before a small letter too
        (
            "the cron box ran out of disk around noon. nobody got paged for it",
            ["the cron box ran out of disk around noon.", "nobody got paged for it"],
        ),
        (
            "why was the bucket public? no idea yet. we are still digging",
            ["why was the bucket public?", "no idea yet.", "we are still digging"],
        ),
        (
            "the vpn dropped at 08:10.\nmaria reconnected everyone by hand",
            ["the vpn dropped at 08:10.", "maria reconnected everyone by hand"],
        ),
        ("the fix went out in build 412. it held", ["the fix went out in build 412.", "it held"]),
        # look-alikes: an abbreviation, an initial, "e.g.", a version, an ellipsis or a
        # short capitalised abbreviation is followed by a small letter inside its sentence
        (
            "caches, queues etc. were drained first",
            ["caches, queues etc. were drained first"],
        ),
        ("use a flag, e.g. the one for beta users", ["use a flag, e.g. the one for beta users"]),
        ("we moved to v2.1. then it held", ["we moved to v2.1. then it held"]),
        ("we waited... and then it came back", ["we waited... and then it came back"]),
        (
            "Brightline Co. and Orbit Inc. both signed",
            ["Brightline Co. and Orbit Inc. both signed"],
        ),
        ("the study by Okoye et al. found the same", ["the study by Okoye et al. found the same"]),
        ("it paused for 5 min. and resumed", ["it paused for 5 min. and resumed"]),
        ("the batch ran at 6 a.m. and failed", ["the batch ran at 6 a.m. and failed"]),
        (
            "plan the capacity (and measure it!) before the launch",
            ["plan the capacity (and measure it!) before the launch"],
        ),
        ('she typed "stop." and waited', ['she typed "stop." and waited']),
        # a word closed by a bracket or a quote, or an emoji, before the full stop: the
        # small letter after it still opens a sentence
        (
            "the billing job hung on the old worker (node seven). it never timed out",
            ["the billing job hung on the old worker (node seven).", "it never timed out"],
        ),
        (
            "ops flipped the toggle to 'off'. after that the queue drained",
            ["ops flipped the toggle to 'off'.", "after that the queue drained"],
        ),
        (
            "the banner said “maintenance”. nobody read it",
            ["the banner said “maintenance”.", "nobody read it"],
        ),
        (
            "deploys are green again 🎉. next week we add the canary",
            ["deploys are green again 🎉.", "next week we add the canary"],
        ),
        ("are we back yet (really)? maybe", ["are we back yet (really)?", "maybe"]),
        # look-alikes: an abbreviation inside the brackets goes on in the same sentence
        (
            "the pause (approx. two min.) was fine",
            ["the pause (approx. two min.) was fine"],
        ),
        ("the old plan (vs. the new one) held", ["the old plan (vs. the new one) held"]),
        ("logs (etc.) were kept", ["logs (etc.) were kept"]),
        # misc34 class 1: a capital letter that labels a thing ends its sentence, told from
        # a person's initial by the word before it (a label noun or a word in small
        # letters) and the word after it (one that opens a sentence, not a surname)
        (
            "The scanners lost their link to depot F. Picking stopped for an hour.",
            ["The scanners lost their link to depot F.", "Picking stopped for an hour."],
        ),
        (
            "Half the buses were sent down route K. Then the bridge reopened.",
            ["Half the buses were sent down route K.", "Then the bridge reopened."],
        ),
        (
            "Nightly jobs were moved to Plan C. They finished by six.",
            ["Nightly jobs were moved to Plan C.", "They finished by six."],
        ),
        (
            "The kiosks fell back to printer E. We reset it at noon.",
            ["The kiosks fell back to printer E.", "We reset it at noon."],
        ),
        (
            "Queries went to replica B.\nLatency dropped to 40 ms.",
            ["Queries went to replica B.", "Latency dropped to 40 ms."],
        ),
        (
            "The board chose option D. Its cost was lowest.",
            ["The board chose option D.", "Its cost was lowest."],
        ),
        # look-alikes: initials in names, "U.S.", "e.g." before a capital
        (
            "The rollback was approved by R. Mendes and P. Lind.",
            ["The rollback was approved by R. Mendes and P. Lind."],
        ),
        ("Tomas W. Berg paged the network team.", ["Tomas W. Berg paged the network team."]),
        ("Grace L. Then took the call.", ["Grace L. Then took the call."]),
        ("Our U.S. Navy client saw nothing.", ["Our U.S. Navy client saw nothing."]),
        (
            "Pick a second resolver, e.g. Quad9 or Cloudflare.",
            ["Pick a second resolver, e.g. Quad9 or Cloudflare."],
        ),
        (
            "It was signed off by team lead J. K. Osei on Monday.",
            ["It was signed off by team lead J. K. Osei on Monday."],
        ),
    ],
)
def test_where_sentences_end(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


def test_a_status_note_after_a_proposal_is_not_part_of_its_finding(lint_text: LintFn) -> None:
    """A follow-up written as a proposal with a note of what was done after it: the
    proposal's hedge is reported on the proposal; the note, which names the concrete change
    made, is neither flagged nor covered by the proposal's span."""
    proposal = "It would be useful to have a pager rotation for the storage team."
    note = "(added a storage rotation to the on-call schedule on 3 May)"
    text = f"# Title\n\n## Follow-up\n\n{proposal} {note}\n\nThe disks should alert sooner.\n"
    diags = lint_text(text, select=["PM301"]).diagnostics
    assert [d.code for d in diags] == [action_specs.vague_action.code] * 2
    first = diags[0]
    assert text[first.start : first.end] == proposal
    assert all(d.end <= text.index(note) or d.start >= text.index(note) + len(note) for d in diags)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sentence that opens with inline code (the rules read it masked)
        (
            "Two hosts were flagged by the nightly scan. `/data` and `/srv` were untouched.",
            ["Two hosts were flagged by the nightly scan.", "`/data` and `/srv` were untouched."],
        ),
        (
            "The sources never reached the wheel. `auditwheel` said nothing about it.",
            ["The sources never reached the wheel.", "`auditwheel` said nothing about it."],
        ),
        (
            "The job was retried (see the log).\n`cron` ran it again at noon.",
            ["The job was retried (see the log).", "`cron` ran it again at noon."],
        ),
        # look-alikes: code inside a sentence, after an abbreviation or a version number
        ("See `cache.ttl` for the details.", ["See `cache.ttl` for the details."]),
        ("Pin a tool, e.g. `jq`, in the image.", ["Pin a tool, e.g. `jq`, in the image."]),
        ("Use one, i.e. `rg`, not both.", ["Use one, i.e. `rg`, not both."]),
        ("Compare `a` vs. `b` first.", ["Compare `a` vs. `b` first."]),
        ("Read it, cf. `man 5 crontab` for more.", ["Read it, cf. `man 5 crontab` for more."]),
        ("We moved to 2.4. `pip` came along.", ["We moved to 2.4. `pip` came along."]),
        ("The card ended in xxx. Then we looked.", ["The card ended in xxx.", "Then we looked."]),
    ],
)
def test_a_sentence_may_open_with_inline_code(text: str, expected: list[str]) -> None:
    masked = mask_code_spans(text)
    assert [text[a:b] for a, b in sentence_spans(masked)] == expected


def test_each_line_of_a_chat_export_is_a_message_of_its_own() -> None:
    chat = (
        "[09:41] @mira: checkout is throwing 502s\n"
        "[09:42] @ole: looking, the new pods never got ready\n"
        "[09:44:10] @mira: rolling back now"
    )
    assert _split(chat) == chat.split("\n")
    bare = "09:41 @mira: checkout is throwing 502s\n09:42 @ole: looking"
    assert _split(bare) == bare.split("\n")
    # look-alikes: a wrapped sentence whose next line opens with a time goes on, and a time
    # in brackets inside a line cuts nothing
    wrapped = "The deploy went out at\n09:40 and the errors began."
    assert _split(wrapped) == [wrapped]
    inline = "The bot posted [09:41] in the channel and stopped."
    assert _split(inline) == [inline]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # class 3 of bl35: a message of two sentences quoted in full is one sentence
        (
            'At 07:40 the till showed "Card declined. Use another card." to each buyer. '
            "Then Sofia called the bank.",
            [
                'At 07:40 the till showed "Card declined. Use another card." to each buyer.',
                "Then Sofia called the bank.",
            ],
        ),
        # the closing mark right after the full stop belongs to no sentence
        (
            'The banner read "Stand by. Boarding resumes soon." Nobody boarded.',
            ['The banner read "Stand by. Boarding resumes soon.', "Nobody boarded."],
        ),
        # a stray mark never closed joins nothing
        (
            'A lone " mark sits here. The next line is plain. So is this.',
            ['A lone " mark sits here.', "The next line is plain.", "So is this."],
        ),
    ],
)
def test_a_quotation_of_two_sentences_is_one(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a reading with a unit symbol ends its sentence: a degree sign before the letter
        (
            "The cold aisle climbed to 29°C. The second fan tray was swapped.",
            ["The cold aisle climbed to 29°C.", "The second fan tray was swapped."],
        ),
        (
            "Supply water sat at 61 °F. 14 chillers were still idle.",
            ["Supply water sat at 61 °F.", "14 chillers were still idle."],
        ),
        (
            "Disk use stood at 93%. Then the compaction job started.",
            ["Disk use stood at 93%.", "Then the compaction job started."],
        ),
        (
            "Each feed drew 7.2 kW. Engineers moved two blades.",
            ["Each feed drew 7.2 kW.", "Engineers moved two blades."],
        ),
        # a single capital after a number (a unit or a label) before a sentence opener
        (
            "The rail sagged to 10.8 V. The controller rebooted twice.",
            ["The rail sagged to 10.8 V.", "The controller rebooted twice."],
        ),
        (
            "We moved the load to bay 4 C. Then we waited.",
            ["We moved the load to bay 4 C.", "Then we waited."],
        ),
        # look-alikes: an initial after a number, decimals, versions, abbreviations
        ("Paged crew 3 B. Okoro, who answered.", ["Paged crew 3 B. Okoro, who answered."]),
        (
            "Release v3.10.2 shipped. It held 2.75 hours.",
            ["Release v3.10.2 shipped.", "It held 2.75 hours."],
        ),
        ("We waited approx. 25 minutes for power.", ["We waited approx. 25 minutes for power."]),
        ("Valve No. 6 stuck open overnight.", ["Valve No. 6 stuck open overnight."]),
        ("Fans ran at ca. 70 percent all day.", ["Fans ran at ca. 70 percent all day."]),
        ("See Fig. 2 for the trend.", ["See Fig. 2 for the trend."]),
        ("Use a spare, e.g. 3 of the old units.", ["Use a spare, e.g. 3 of the old units."]),
        (
            "We drained queues, caches etc. 40 workers came back.",
            ["We drained queues, caches etc.", "40 workers came back."],
        ),
        ("Reviewed by Ana K. Obi on Friday.", ["Reviewed by Ana K. Obi on Friday."]),
    ],
)
def test_a_reading_with_a_unit_ends_its_sentence(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


def test_a_temperature_before_the_full_stop_no_longer_merges_a_long_sentence(
    lint_text: LintFn,
) -> None:
    first = (
        "The vendor sheet gives an operating band for these switches of 10 to 35°C, and the "
        "warranty holds while the intake air stays under 40°C."
    )
    text = (
        f"# Incident\n\n## Impact\n\n{first} Nine cabinets in the west row passed 35°C. "
        "The three nearest the door passed 38°C, and one of them reached 41°C.\n"
    )
    assert lint_text(text, select=["PM601"]).diagnostics == []
