"""The sentence splitter's pattern opens each alternative with the character it needs
(:data:`pm_lsp.nlp.sentences._SENT_END`); it must cut exactly where the pattern as first
written (with lookbehinds) cut, on every block of the fixtures and corpus and on random
texts of the characters that matter."""

from __future__ import annotations

import re

from conftest import document_paths
from hypothesis import given
from hypothesis import strategies as st
from test_properties import FAST

from pm_lsp.nlp.sentences import (
    _LETTER_STOP,
    EMOJI,
    _abbreviation_before_number,
    _label_letter_ends,
    _quotes_kept,
    _sentence_spans,
    after_clause_numbers,
    trimmed,
)
from pm_lsp.nlp.sentences import _SMALL_ABBREVIATIONS as SMALL
from pm_lsp.parse.markdown import parse

#: what may not stand before a full stop that ends a sentence (the splitter's lookbehinds)
_NOT_BEFORE = [
    r"[^.]\.\.",
    r"(?<![°º])\b[A-Z]\.",
    r"\bM[rs]\.",
    r"\bMrs\.",
    r"\bDr\.",
    r"\be\.g\.",
    r"\bi\.e\.",
]
_AFTER_MARK_AND_EMOJI = "|".join(
    f"(?:(?<=[.!?]{run})" + "".join(f"(?<!{nb}{run})" for nb in _NOT_BEFORE) + ")"
    for space in ("", " ")
    for k in (1, 2, 3)
    for run in [space + f"[{EMOJI}\u200d\ufe0f]" * k]
)

PLAIN = re.compile(
    r"(?<=[.!?])(?<![^.]\.\.)(?<!(?<![°º])\b[A-Z]\.)(?<!\bM[rs]\.)(?<!\bMrs\.)(?<!\bDr\.)"
    r"(?<!\be\.g\.)(?<!\bi\.e\.)"
    r"[\"')\]]*\s+(?=[\"'(\[]?(?:[A-Z0-9@#`]|[~≈∼<>≤≥+±$€£¥][ \t]?\d))"
    # the same after one to three emoji that follow the mark (a space before them or none):
    # each length written out, the mark's own conditions read before the emoji
    rf"|(?:{_AFTER_MARK_AND_EMOJI})"
    r"[\"')\]]*\s+(?=[\"'(\[]?(?:[A-Z0-9@#`]|[~≈∼<>≤≥+±$€£¥][ \t]?\d))"
    r"|(?<=[.!?])(?<!\.\w\.)\s+(?=\()"
    r"|(?<=[.!?])(?<!\.\w\.)(?<!\bvs\.)(?<!\bcf\.)(?<!\bapprox\.)(?<!\bincl\.)(?<!\betc\.)"
    r"(?<!\bno\.)(?<!\bca\.)(?<!\bviz\.)[\"')\]]*\s+(?=x{3,}(?![A-Za-wyz0-9]))"
    r"|(?<=[a-z0-9][a-z0-9][.!?])(?<!\.\w\.)(?<!\.\.)(?<![A-Z][a-z]\.)(?<![A-Z][a-z]{2}\.)"
    r"(?<![A-Z][a-z]{3}\.)"
    + "".join(rf"(?<!\b{w}\.)" for w in SMALL)
    + r"[ \t]*\n?[ \t]*(?<=\s)(?=[a-z])"
    r"|(?:(?<=\w[)\]\"'”’][.!?])|(?<=\w[)\]\"'”’]{2}[.!?])"
    rf"|(?<=[{EMOJI}][.!?])|(?<=[{EMOJI}]\ufe0f[.!?]))"
    r"[ \t]*\n?[ \t]*(?<=\s)(?=[a-z])"
    r"|\n\s*\n|(?<=:)\s*\n(?![ \t]*(?!x{3,})[a-z][\w'-]*(?: |[.,;!?]|$))"
    r"|\n[ \t]*(?=\[\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?\]"
    r"|\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?[ \t]+@\w)"
    rf"|(?:(?<=\w[{EMOJI}])|(?<=\w [{EMOJI}])|(?<=\w[{EMOJI}]\ufe0f)|(?<=\w [{EMOJI}]\ufe0f))"
    r"[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9@#`])"
)


def _plain_spans(text: str) -> tuple[tuple[int, int], ...]:
    cuts = [(m.start(), m.end()) for m in PLAIN.finditer(text)]
    # an abbreviation's stop before a number ("approx. 30") is a step of its own too
    cuts = [c for c in cuts if not _abbreviation_before_number(text, *c)]
    # a label letter's cut (misc34) is a step of its own, the same in both
    labels = [m for m in _LETTER_STOP.finditer(text) if _label_letter_ends(text, m)]
    cuts = sorted(cuts + [(m.start(1), m.end(1)) for m in labels])
    bounds = [0] + [x for cut in cuts for x in cut] + [len(text)]
    cut = list(zip(bounds[::2], bounds[1::2], strict=True))
    spans = trimmed(text, _quotes_kept(text, cut))
    return after_clause_numbers(text, spans)  # the steps after the cut, the same in both


def test_fixtures_and_corpus_split_as_before() -> None:
    paths = document_paths()
    assert len(paths) > 20
    blocks = 0
    for p in paths:
        for b in parse(p.read_text(encoding="utf-8", errors="replace")).blocks:
            assert _sentence_spans.__wrapped__(b.text) == _plain_spans(b.text), b.text
            blocks += 1
    assert blocks > 500  # 957 in the fixtures and examples alone (CI has no corpus)


EDGES = [
    "Done. (See below.)",
    "Drain the pools, e.g. (a) ingest and (b) mail.",
    "One region, i.e. (in practice) eu-west-1.",
    "Is it safe? Yes. Really?! Then go.",
    'He said "Stop." Then we did.',
    "Status:\nresolved",
    "First part\n\n  second part.",
    "A pager would help. (added on 3 May) Next.",
    "Ends with dots... And then more.",
    "Rows 10 .. 20 moved. Then .. Next.",
    "Mr. T. Hale approved it. Ms. Park and Mrs. Ode agreed. Dr. Lee. Plan B. Next.",
    "Abbrev. etc. (see notes) 2 items.",
    "",
    " . ",
    "Broke it for everyone 😅 The update. Fast🎉 Then. Back ✅\ufe0f Thanks. Status: ✅ Done",
    "- 🚀 Launch. Items. ✅ Next 😅 and more 😅😅 Then (😅 Aside) 👩\u200d💻 Dev",
    "Why? 🙃 Then. Ok!😤😤 Next. Mr. 🙃 Lee. e.g. ✅ A. Fine. 👍🏽 Yes. Wow!🎉🎉🎉🎉 No.",
    "[14:03] @mira: rolling back\n[14:05] @ole: ok\n14:06 @mira: done\nat\n14:07 it ran [2:05 PM]",
    "Scan done. xxxx ran. vs. xxx cf. xxx e.g. xxx. xxxa. xxx1 No. xxx no. xxx",
    "Window. ~18 rows. ≈ 3% more. <1% then. >2 ok. +4 ms. $5 back. e.g. ~5 ms. ~ x. A~1.",
]


def test_edge_texts_split_as_before() -> None:
    for text in EDGES:
        assert _sentence_spans.__wrapped__(text) == _plain_spans(text), text


@given(
    st.lists(
        st.sampled_from(
            [
                ".",
                "!",
                "?",
                '"',
                "'",
                ")",
                "]",
                "(",
                "[",
                ":",
                "\n",
                " ",
                "\t",
                "A",
                "a",
                "1",
                "@",
                "#",
                "`",
                "e",
                "g",
                "i",
                "e.g.",
                "i.e.",
                "xxx",
                "x",
                "[14:03]",
                "14:03",
                "9:05 PM",
                "vs.",
                "\n\n",
                "\u00a0",
                "\u2028",
                "😅",
                "✅",
                "\ufe0f",
            ]
        ),
        max_size=40,
    )
)
@FAST
def test_random_texts_split_as_before(parts: list[str]) -> None:
    text = "".join(parts)
    assert _sentence_spans.__wrapped__(text) == _plain_spans(text)
