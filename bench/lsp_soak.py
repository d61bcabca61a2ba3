"""Language-server soak: memory and latency over thousands of edits and open/close cycles.

Drives the real ``pm-lsp`` over stdio (pygls' client), like an editor left open all day:

1. **Edits.** The real postmortems of the corpus (read at run time, never copied) joined to
   about 10,000 words are opened as one document, then edited ``--edits`` times at random
   places with ranged (incremental) changes: a word inserted, a few characters deleted, a
   word replaced, now and then a line split; while the text is longer than at the start,
   an insertion becomes a deletion (left alone, this mix grows the document by 27% over
   10,000 edits, and memory would be compared on a bigger document; ``--drift`` allows
   it). The client keeps its own copy of the text.
   Every ``--sample``-th edit waits for that version's diagnostics (the latency sample);
   the others follow each other without waiting, as keystrokes do. The server's RSS
   (``/proc/<pid>/status``) is printed every ``--every`` edits, after ``--settle``
   seconds of idleness (retained memory, not the garbage of the analysis just done).
2. **Same answer as a fresh open.** The final text is opened again under another URI: its
   diagnostics must equal those of the edited document.
3. **Open/close cycles.** ``--cycles`` times, ``--docs`` distinct documents (corpus
   postmortems, each with a line of its own) are opened, analysed and closed; RSS is printed
   after each opening and each closing.

Verdicts printed: RSS after warm-up (the first fifth of the edits) stays within 10% of its
level, the latency median/p95 of the first and last samples, equality with a fresh open,
and RSS after the last cycle within 10% of after the first. Warm-up is the time the
bounded caches take to fill with the churn of an editing session (``--probe`` shows them):
over the default 10,000 edits, the parse cache reaches its bound by edit ~1,500 and the
memo tables of the prefilters theirs by ~2,000, so edit 2,000 on is compared; the judges'
memo tables keep filling slowly after that (~2 MB in all).

Run: ``python bench/lsp_soak.py [--edits 10000] [--corpus ../shared/corpus]``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from lsprotocol import types as T
from pygls.lsp.client import LanguageClient

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lsp_latency import corpus_document, nlp_codes

#: the memory probe's switch and request (:mod:`pm_lsp.lsp.memory_probe`; spelt here so
#: that the bench also runs against a tree without the probe, for before/after figures)
ENV = "PM_LSP_DEBUG_MEMORY"
METHOD = "$/pm-lsp/memory"

WORDS = [
    "retry",
    "queue",
    "cache",
    "quickly",
    "the",
    "database",
    "failover",
    "minutes",
    "🔥",
    "東京",
    "latency",
    "rollback",
]


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def u16(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


class Soak:
    def __init__(self) -> None:
        self.client = LanguageClient("pm-lsp-soak", "1")
        self.latest: dict[str, T.PublishDiagnosticsParams] = {}
        self.waiters: dict[tuple[str, int | None], asyncio.Future[T.PublishDiagnosticsParams]]
        self.waiters = {}

        @self.client.feature(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_publish(params: T.PublishDiagnosticsParams) -> None:
            self.latest[params.uri] = params
            fut = self.waiters.pop((params.uri, params.version), None)
            if fut is not None and not fut.done():
                fut.set_result(params)

    def expect(self, uri: str, version: int | None) -> asyncio.Future[T.PublishDiagnosticsParams]:
        fut: asyncio.Future[T.PublishDiagnosticsParams]
        fut = asyncio.get_running_loop().create_future()
        self.waiters[(uri, version)] = fut
        return fut

    async def probe(self) -> str:
        """One line from the server's memory probe (``--probe``; see
        :mod:`pm_lsp.lsp.memory_probe`)."""
        m = json.loads(await self.client.protocol.send_request_async(METHOD, None))
        parts = [f"RSS {m['rss_mib']:.0f} MiB, after malloc_trim {m['rss_after_trim_mib']} MiB"]
        parts.append(
            f"objects {m['gc_objects']:,}, pymalloc blocks {m['pymalloc_blocks']:,}, "
            f"spaCy docs alive {m['spacy_docs']:,}"
        )
        heap, small = m.get("heap") or {}, m.get("pymalloc") or {}
        if heap:
            parts.append(
                "C heap: " + ", ".join(f"{k} {v / 2**20:.1f}" for k, v in heap.items()) + " MiB"
            )
        if small:
            parts.append(
                f"pymalloc: {small.get('arenas', 0)} arenas, "
                f"{small.get('in_use', 0) / 2**20:.1f} MiB in use, "
                f"{small.get('free_blocks', 0) / 2**20:.1f} MiB free in them"
            )
        grown = ", ".join(f"{k} {v:+,}" for k, v in list(m["types_grown"].items())[:4])
        parts.append(f"grown: {grown or '-'}")
        for model, n in m["nlp"].items():
            memo = n.get("memo", {})
            tables = sorted(memo.items(), key=lambda kv: -kv[1][1])
            parts.append("memo: " + ", ".join(f"{name} {e:,}/{c:,}ch" for name, (e, c) in tables))
            parts.append(
                f"nlp[{model}]: strings {n.get('strings', 0):,} lexemes {n.get('lexemes', 0):,} "
                f"parses {n['parses']:,} ({n['parse_chars']:,} ch) memo {len(memo)} tables "
                f"{sum(e for e, _ in memo.values()):,} entries "
                f"{sum(c for _, c in memo.values()):,} ch"
            )
        srv = m["server"]
        parts.append("server: " + " ".join(f"{k} {v}" for k, v in srv.items()))
        caches = sorted(((v, k) for k, v in m["caches"].items() if v), reverse=True)
        top = ", ".join(f"{k.rsplit('.', 1)[-1]} {v:,}" for v, k in caches[:5])
        parts.append(f"caches: {sum(v for v, _ in caches):,} entries ({top})")
        traced = m.get("traced") or {}
        if traced:
            parts.append(f"traced {traced['current_mib']:.0f} MiB")
            for g in traced.get("grown", [])[:4]:
                parts.append(f"  {g['kib']:+9.0f} KiB {g['count']:+7d} at {' < '.join(g['where'])}")
        return "\n      ".join(parts)

    def open(self, uri: str, text: str) -> None:
        self.client.text_document_did_open(
            T.DidOpenTextDocumentParams(
                T.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
            )
        )

    def close(self, uri: str) -> None:
        self.client.text_document_did_close(
            T.DidCloseTextDocumentParams(text_document=T.TextDocumentIdentifier(uri=uri))
        )

    @property
    def pid(self) -> int:
        server = self.client._server
        assert server is not None
        return int(server.pid)


def random_edit(
    rng: random.Random, lines: list[str], grow: bool = True, splits: float = 0.03
) -> tuple[T.TextDocumentContentChangePartial, int]:
    """One random ranged change, applied to ``lines`` as well, and how many characters it
    adds. ``grow=False``: the change is not an insertion (the caller keeps the document's
    size level). ``splits``: the share of changes that split a line."""
    n = rng.randrange(len(lines))
    line = lines[n]
    col = rng.randint(0, len(line))
    kind = rng.random()
    if not grow and line and kind < 0.45:
        kind = 0.45 + 0.3 * rng.random()  # a deletion instead
    if kind < 0.45 or not line:  # insert a word
        new = " " + rng.choice(WORDS)
        end = col
    elif kind < 0.75:  # delete a few characters
        new, end = "", min(len(line), col + rng.randint(1, 6))
    elif kind < 1 - splits:  # replace a few characters by a word
        new, end = rng.choice(WORDS), min(len(line), col + rng.randint(1, 8))
    else:  # split the line
        new, end = "\n", col
    rng_ = T.Range(T.Position(n, u16(line[:col])), T.Position(n, u16(line[:end])))
    lines[n : n + 1] = (line[:col] + new + line[end:]).split("\n")
    return T.TextDocumentContentChangePartial(range=rng_, text=new), len(new) - (end - col)


def summary(xs: list[float]) -> str:
    xs = sorted(xs)
    p95 = xs[max(0, round(0.95 * len(xs)) - 1)]
    return f"median {statistics.median(xs):.1f} ms, p95 {p95:.1f} ms"


def key(d: T.Diagnostic) -> tuple[Any, ...]:
    r = d.range
    return (r.start.line, r.start.character, r.end.line, r.end.character, d.code, d.message)


async def edits_phase(s: Soak, text: str, args: argparse.Namespace) -> str:
    uri = Path("/tmp/pm-lsp-soak/edited.md").as_uri()
    lines = text.split("\n")
    fut = s.expect(uri, 1)
    s.open(uri, text)
    await asyncio.wait_for(fut, 600)
    codes = nlp_codes()
    while not {str(d.code) for d in s.latest[uri].diagnostics} & codes:
        await asyncio.sleep(0.1)  # the first paint came; wait for the full analysis
    rng = random.Random(args.seed)
    latencies: list[float] = []
    rss: list[tuple[int, float]] = [(0, rss_mib(s.pid))]
    t_start = time.perf_counter()
    print(f"edits: {len(text.split())} words; RSS after open {rss[0][1]:.0f} MiB", flush=True)
    size = start_size = len(text)
    for k in range(1, args.edits + 1):
        change, added = random_edit(
            rng, lines, grow=args.drift or size <= start_size, splits=args.splits
        )
        size += added
        sample = k % args.sample == 0 or k == args.edits
        fut = s.expect(uri, k + 1) if sample else None
        t0 = time.perf_counter()
        s.client.text_document_did_change(
            T.DidChangeTextDocumentParams(
                text_document=T.VersionedTextDocumentIdentifier(uri=uri, version=k + 1),
                content_changes=[change],
            )
        )
        if fut is not None:
            await asyncio.wait_for(fut, 600)
            latencies.append(1000 * (time.perf_counter() - t0))
        else:
            await asyncio.sleep(args.pause)
        if k % args.every == 0:
            await asyncio.sleep(args.settle)  # the server is idle: let it settle
            rss.append((k, rss_mib(s.pid)))
            print(
                f"  {k:6d} edits  RSS {rss[-1][1]:7.1f} MiB  "
                f"({time.perf_counter() - t_start:.0f} s)",
                flush=True,
            )
            if args.probe:
                print(f"      {await s.probe()}", flush=True)
    final = "\n".join(lines)
    print(
        f"document after the edits: {len(final.split())} words, {len(final):,} characters "
        f"({100 * (len(final) - len(text)) / len(text):+.1f}%), "
        f"{final.count(chr(10)) + 1} lines (at the start {text.count(chr(10)) + 1})"
    )
    report_edits(rss, latencies, args)
    await compare_with_fresh_open(s, uri, final)
    return final


def report_edits(rss: list[tuple[int, float]], lat: list[float], args: argparse.Namespace) -> None:
    warm = [m for k, m in rss if k >= args.edits // 5]
    if warm:
        lo, hi = min(warm), max(warm)
        verdict = "plateau" if hi <= 1.10 * lo else "NOT flat"
        print(
            f"RSS after warm-up (edit {args.edits // 5} on): {lo:.0f}..{hi:.0f} MiB "
            f"(+{100 * (hi - lo) / lo:.1f}%: {verdict}, limit 10%)"
        )
    n = max(1, len(lat) // 10)
    print(f"latency, first {n} samples: {summary(lat[:n])}; last {n}: {summary(lat[-n:])}")


async def compare_with_fresh_open(s: Soak, uri: str, final: str) -> None:
    edited = s.latest[uri]
    fresh_uri = Path("/tmp/pm-lsp-soak/fresh.md").as_uri()
    fut = s.expect(fresh_uri, 1)
    s.open(fresh_uri, final)
    fresh = await asyncio.wait_for(fut, 600)
    a = sorted(key(d) for d in edited.diagnostics)
    b = sorted(key(d) for d in fresh.diagnostics)
    same = "EQUAL" if a == b else f"DIFFERENT ({len(set(a) ^ set(b))} differ)"
    print(f"final diagnostics vs a fresh didOpen of the same text: {same} ({len(a)} diagnostics)")
    s.close(fresh_uri)
    s.close(uri)


def cycle_documents(corpus: Path, count: int) -> list[str]:
    files = sorted(p for p in corpus.glob("*.md") if p.name[:1].isdigit())
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    return [
        texts[i % len(texts)] + f"\n\nThe soak added this line to copy {i}.\n" for i in range(count)
    ]


async def cycles_phase(s: Soak, corpus: Path, args: argparse.Namespace) -> None:
    docs = cycle_documents(corpus, args.docs)
    await asyncio.sleep(1)
    before = rss_mib(s.pid)
    print(f"open/close cycles of {len(docs)} documents; RSS before {before:.0f} MiB", flush=True)
    after_close: list[float] = []
    for c in range(1, args.cycles + 1):
        uris = [Path(f"/tmp/pm-lsp-soak/cycle/doc-{i}.md").as_uri() for i in range(len(docs))]
        for start in range(0, len(docs), 20):
            futs = []
            for uri, text in zip(uris[start : start + 20], docs[start : start + 20], strict=True):
                futs.append(s.expect(uri, 1))
                s.open(uri, text)
            await asyncio.wait_for(asyncio.gather(*futs), 900)
        opened = rss_mib(s.pid)
        closes = [s.expect(uri, None) for uri in uris]
        for uri in uris:
            s.close(uri)
        await asyncio.wait_for(asyncio.gather(*closes), 300)
        await asyncio.sleep(1)
        after_close.append(rss_mib(s.pid))
        print(f"  cycle {c}: RSS {opened:.0f} MiB open, {after_close[-1]:.0f} MiB closed")
        if args.probe:
            print(f"      {await s.probe()}", flush=True)
    if not after_close:
        return  # --cycles 0: the edits alone
    first, last = after_close[0], after_close[-1]
    verdict = "within 10%" if last <= 1.10 * first else "NOT within 10%"
    print(
        f"RSS after the last cycle vs the first: {last:.0f} vs {first:.0f} MiB "
        f"({100 * (last - first) / first:+.1f}%: {verdict}); vs before the cycles: "
        f"{100 * (last - before) / before:+.1f}%"
    )


async def run(args: argparse.Namespace) -> None:
    text, _ = corpus_document(args.corpus, args.words)
    s = Soak()
    env = dict(os.environ)
    if args.probe:
        env[ENV] = args.probe
    await s.client.start_io(sys.executable, "-m", "pm_lsp", env=env)
    await s.client.initialize_async(
        T.InitializeParams(
            capabilities=T.ClientCapabilities(),
            initialization_options={"pmLint": {"debounceMs": 0}},
        )
    )
    s.client.initialized(T.InitializedParams())
    t0 = time.perf_counter()
    await edits_phase(s, text, args)
    await cycles_phase(s, args.corpus, args)
    print(f"total {time.perf_counter() - t0:.0f} s")
    await s.client.shutdown_async(None)
    s.client.exit(None)
    await asyncio.sleep(0.5)
    await s.client.stop()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = Path(__file__).resolve().parent
    ap.add_argument("--corpus", type=Path, default=here.parent.parent / "shared" / "corpus")
    ap.add_argument("--words", type=int, default=10_000)
    ap.add_argument("--edits", type=int, default=10_000)
    ap.add_argument("--every", type=int, default=500, help="print RSS every N edits")
    ap.add_argument("--sample", type=int, default=20, help="wait for diagnostics every N edits")
    ap.add_argument("--pause", type=float, default=0.002, help="seconds between keystrokes")
    ap.add_argument(
        "--settle",
        type=float,
        default=1.5,
        help="seconds the server is left idle before each RSS sample (it returns freed "
        "heap pages at most once a second after an analysis), so that samples compare "
        "retained memory rather than the garbage of the analysis just finished",
    )
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--cycles", type=int, default=3)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument(
        "--drift",
        action="store_true",
        help="let the document grow as random edits make it (+27%% over 10,000 edits); by "
        "default an insertion becomes a deletion while the text is longer than at the start, "
        "so that memory is compared on a document of the same size",
    )
    ap.add_argument(
        "--splits",
        type=float,
        default=0.03,
        help="share of edits that split a line (Enter); no edit joins lines, so splits add "
        "lines for good. 0 keeps the line count (the document's structure still drifts: "
        "deleted pipes, backticks and markers merge its 858 blocks to ~430 by edit 6,000)",
    )
    ap.add_argument(
        "--probe",
        choices=["1", "trace"],
        help="print the server's memory probe at each RSS sample (trace: with tracemalloc; "
        "slow, for finding what grows, not for the figures)",
    )
    args = ap.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"no corpus at {args.corpus} (use --corpus DIR)")
    asyncio.run(run(args))


if __name__ == "__main__":
    main()
