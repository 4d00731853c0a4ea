"""The user's path, timed as users run it, beside bm25s and rank_bm25 in the same run.

    python -m benchmarks.userpath --sizes 100k,1M --out benchmarks/out
    python -m benchmarks.userpath --smoke        # a few hundred passages, seconds

For each size, on the synthetic corpus of benchmarks/corpus.py (written to a temp folder
first, not timed), one after the other on the same machine:

- `marsad ingest corpus.jsonl` and `marsad ingest pages/` (the same articles as .txt pages;
  only up to --txt-max passages): the CLI as a subprocess, wall time from start to exit,
  peak RSS of its process tree (the main process plus its ingest worker, summed, sampled
  from /proc every 20 ms);
- bm25s building its index from the same JSONL (read, json.loads, paragraphs, `tokenize`,
  `index`: its fastest path, no stemmer or stop words), as a subprocess, same measures;
- `marsad ask --json` with the questions on stdin (one per line), as a subprocess: each
  answer's time is the gap between two JSON lines arriving (the CLI flushes each), p50 and
  p95 over the questions after the first; peak RSS of the batch;
- bm25s `retrieve` (top 10) of the same questions, whitespace tokens, in the process that
  built its index; rank_bm25 `get_scores` + top 10 (only up to --rank-bm25-max passages: it
  walks every passage for every query word);
- restart to first answer: `marsad ask "QUESTION" --json` on the ingested database, wall
  time of the whole command (interpreter start, open, answer), median of 3;
- `Marsad.answer` in process, per stage when `answer` takes a `timings` dict (ms per stage),
  else whole; and the BM25 kernel alone (`BM25Index.top`, a labelled column, not an answer).

The load average is recorded before and after every step: the machine is shared.
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import contextlib
import datetime as dt
import importlib.util
import inspect
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.corpus import Vocabulary, generate, parse_size, queries, to_json
from benchmarks.speed import human, machine, percentiles, top_k
from retrieval.model import Article

ROOT = Path(__file__).resolve().parent.parent
K = 10  # hits per question, for every library
SAMPLE_S = 0.02


# -- running a command as a user does --------------------------------------------------------

def _tree(pid: int) -> list[int]:
    """pid and all its descendants (Linux /proc)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        with contextlib.suppress(OSError):
            todo += [int(c) for c in Path(f"/proc/{p}/task/{p}/children").read_text().split()]
    return out


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class Run:
    """A subprocess with its wall time, the peak RSS of its process tree, and the arrival
    time of each stdout line."""

    def __init__(self, cmd: Sequence[str], stdin_lines: Sequence[str] | None = None) -> None:
        # an installed Marsad runs from byte-compiled modules (main() compiles them): a shell
        # with PYTHONDONTWRITEBYTECODE would make every process compile the project again
        env = {k: v for k, v in os.environ.items()
               if not k.startswith("MARSAD_") and k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONIOENCODING"] = "utf-8"
        self.load_before = os.getloadavg()
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, text=True, encoding="utf-8",
                                stdin=subprocess.PIPE if stdin_lines is not None else None,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        peak = [0]
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], sum(_rss_kb(p) for p in _tree(proc.pid)))
                done.wait(SAMPLE_S)

        def feed() -> None:
            assert proc.stdin is not None
            proc.stdin.write("".join(q + "\n" for q in stdin_lines or ()))
            proc.stdin.close()

        threads = [threading.Thread(target=sample, daemon=True)]
        if stdin_lines is not None:
            threads.append(threading.Thread(target=feed, daemon=True))
        for t in threads:
            t.start()
        assert proc.stdout is not None
        self.lines: list[tuple[float, str]] = []
        for line in proc.stdout:
            self.lines.append((time.perf_counter() - start, line.rstrip("\n")))
        self.stderr = proc.stderr.read() if proc.stderr else ""
        proc.wait()
        self.wall_s = time.perf_counter() - start
        done.set()
        for t in threads:
            t.join()
        self.peak_rss_mb = peak[0] / 1024
        self.load_after = os.getloadavg()
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(map(str, cmd))} exited {proc.returncode}:\n"
                               f"{self.stderr[-2000:]}")

    def summary(self) -> dict[str, Any]:
        return {"wall_s": self.wall_s, "peak_rss_mb": self.peak_rss_mb,
                "load": [round(self.load_before[0], 2), round(self.load_after[0], 2)]}


def marsad(*args: str, stdin_lines: Sequence[str] | None = None) -> Run:
    return Run([sys.executable, "-m", "bot", *args], stdin_lines)


def helper(*args: str) -> Run:
    """This module in a subprocess (bm25s, rank_bm25, stages): its own RSS, one JSON line."""
    return Run([sys.executable, "-m", "benchmarks.userpath", *args])


# -- the corpus as files ----------------------------------------------------------------------

def page(article: Article) -> str:
    """A saved news page: title, a dated header line, the paragraphs, the source line."""
    date = article.date.isoformat() if article.date else ""
    return "\n".join([article.title, f"تاريخ النشر: {date}", *article.paragraphs,
                      f"المصدر: {article.source}"]) + "\n"


def write_corpus(passages: int, folder: Path, txt: bool, seed: int = 0) -> tuple[Path, Path]:
    jsonl, pages = folder / "corpus.jsonl", folder / "pages"
    pages.mkdir()
    with jsonl.open("w", encoding="utf-8") as f:
        for n, article in enumerate(generate(passages, seed, Vocabulary.from_sources())):
            f.write(to_json(article) + "\n")
            if txt:
                sub = pages / f"{n // 1000:04d}"  # a thousand pages per folder
                sub.mkdir(exist_ok=True)
                (sub / f"{article.id}.txt").write_text(page(article), encoding="utf-8")
    return jsonl, pages


def indexed(run: Run) -> int:
    """Passages indexed, from `marsad ingest`'s report line."""
    last = run.lines[-1][1]
    return int(last.split(";")[1].split()[0])


# -- helpers run in their own process -----------------------------------------------------------

def jsonl_passages(path: Path) -> list[str]:
    """Each paragraph with its title in front, as Marsad indexes a passage."""
    texts = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            title = record.get("title") or ""
            texts += [f"{title} {p}" for p in record["text"].split("\n\n") if p.strip()]
    return texts


def bm25s_side(jsonl: Path, questions: list[str]) -> dict[str, Any]:
    import bm25s

    t = time.perf_counter()
    texts = jsonl_passages(jsonl)
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(texts, stopwords=None, show_progress=False),
                    show_progress=False)
    build_s = time.perf_counter() - t
    tokens = [q.lower().split() for q in questions]
    retriever.retrieve(tokens[:5], k=K, show_progress=False)  # warm
    times = []
    for q in tokens:
        t = time.perf_counter()
        retriever.retrieve([q], k=K, show_progress=False, n_threads=1)
        times.append(time.perf_counter() - t)
    return {"passages": len(texts), "build_s": build_s, "retrieve_ms": percentiles(times)}


def rank_bm25_side(jsonl: Path, questions: list[str]) -> dict[str, Any]:
    from rank_bm25 import BM25Okapi

    bm = BM25Okapi([t.lower().split() for t in jsonl_passages(jsonl)])
    times = []
    for q in questions:
        t = time.perf_counter()
        top_k(bm.get_scores(q.lower().split()))
        times.append(time.perf_counter() - t)
    return {"get_scores_ms": percentiles(times), "questions": len(questions)}


async def stages_side(db: Path, questions: list[str]) -> dict[str, Any]:
    from retrieval.engine import Marsad

    engine = await Marsad.open(db)
    try:
        per_stage = "timings" in inspect.signature(engine.answer).parameters
        for q in questions[:5]:
            await engine.answer(q, 3)  # answer-side structures built on first use
        whole: list[float] = []
        stages: dict[str, list[float]] = {}
        for q in questions:
            timings: dict[str, float] = {}
            t = time.perf_counter()
            if per_stage:
                await engine.answer(q, 3, timings=timings)
            else:
                await engine.answer(q, 3)
            whole.append(time.perf_counter() - t)
            for stage, ms in timings.items():
                stages.setdefault(stage, []).append(ms / 1000)
        kernel = []
        for q in questions:
            ids = engine._query_ids(q)
            t = time.perf_counter()
            engine.index.top(ids, K)
            kernel.append(time.perf_counter() - t)
        return {"answer_ms": percentiles(whole), "kernel_ms": percentiles(kernel),
                "stages_ms": {s: percentiles(v) for s, v in stages.items()},
                "per_stage": per_stage}
    finally:
        await engine.close()


# -- one size -----------------------------------------------------------------------------------

def measure(passages: int, n_questions: int, txt_max: int, rank_bm25_max: int,
            workdir: Path, log=print) -> dict[str, Any]:
    result: dict[str, Any] = {"passages": passages, "started": dt.datetime.now(
        dt.UTC).isoformat(timespec="seconds")}
    jsonl, pages = write_corpus(passages, workdir, txt=passages <= txt_max)
    questions = queries(n_questions + 5, seed=1)
    qfile = workdir / "questions.json"
    qfile.write_text(json.dumps(questions, ensure_ascii=False), encoding="utf-8")
    db = workdir / "marsad.db"

    log(f"{human(passages)}: marsad ingest corpus.jsonl")
    run = marsad("ingest", str(jsonl), "--db", str(db))
    result["ingest_jsonl"] = {**run.summary(), "indexed": indexed(run),
                              "per_s": indexed(run) / run.wall_s}
    if importlib.util.find_spec("bm25s") is not None:  # the `bench` extra
        log(f"{human(passages)}: bm25s (index from the JSONL, retrieve)")
        side = helper("--bm25s", str(jsonl), str(qfile))
        out = json.loads(side.lines[-1][1])
        result["bm25s"] = {**side.summary(), **out,
                           "build_per_s": out["passages"] / out["build_s"]}
    if passages <= txt_max:
        log(f"{human(passages)}: marsad ingest pages/")
        run = marsad("ingest", str(pages), "--db", str(workdir / "pages.db"))
        result["ingest_txt"] = {**run.summary(), "indexed": indexed(run),
                                "per_s": indexed(run) / run.wall_s}
    if passages <= rank_bm25_max:
        log(f"{human(passages)}: rank_bm25")
        side = helper("--rank-bm25", str(jsonl), json.dumps(questions[5:45],
                                                            ensure_ascii=False))
        result["rank_bm25"] = {**side.summary(), **json.loads(side.lines[-1][1])}

    log(f"{human(passages)}: restart to first answer")
    restarts = [marsad("ask", q, "--json", "--db", str(db)) for q in questions[:3]]
    result["restart_s"] = statistics.median(r.wall_s for r in restarts)
    result["restart_load"] = restarts[-1].summary()["load"]

    log(f"{human(passages)}: marsad ask --json, {n_questions} questions on stdin")
    run = marsad("ask", "--json", "--db", str(db), stdin_lines=questions[5:])
    arrivals = [t for t, _ in run.lines]
    gaps = np.diff(arrivals)
    result["ask_batch"] = {**run.summary(), "questions": len(arrivals),
                           "first_s": arrivals[0], "per_question_ms": percentiles(list(gaps))}

    log(f"{human(passages)}: answer() per stage")
    side = helper("--stages", str(db), str(qfile))
    result["answer"] = {**side.summary(), **json.loads(side.lines[-1][1])}
    result["db_mb"] = db.stat().st_size / 2**20
    return result


# -- tables -------------------------------------------------------------------------------------

def _ratio(x: float) -> str:
    """A ratio to two significant digits: 29, 3.4, 0.066 (a smoke run's 0.2 / 3.2 ms is no 0)."""
    return f"{x:.0f}" if x >= 10 else f"{x:.2g}"


def _ms(pair: Sequence[float] | None) -> str:
    return f"{pair[0]:.1f} / {pair[1]:.1f}" if pair else "—"


def tables(results: list[dict[str, Any]]) -> str:
    ingest = [
        "| passages | `marsad ingest` JSONL: passages/s (s) | peak RSS MB | bm25s index from "
        "the JSONL: passages/s (s) | peak RSS MB | Marsad ÷ bm25s | `marsad ingest` .txt pages: "
        "passages/s | load avg |",
        "|---|---|---|---|---|---|---|---|"]
    answers = [
        "| passages | `ask --json` batch p50 / p95 ms | bm25s retrieve p50 / p95 ms "
        "| ask ÷ bm25s (p50) | rank_bm25 p50 / p95 ms | rank_bm25 ÷ ask (p50) | `answer()` "
        "in process p50 / p95 ms | BM25 kernel only p50 / p95 ms | restart to first answer s "
        "(÷ ingest) | batch peak RSS MB |",
        "|---|---|---|---|---|---|---|---|---|---|"]
    stages = []
    for r in results:
        size = human(r["passages"])
        ij, bs, txt = r["ingest_jsonl"], r.get("bm25s"), r.get("ingest_txt")
        ask, rb = r["ask_batch"], r.get("rank_bm25")
        p50 = ask["per_question_ms"][0]
        txt_rate = f"{txt['per_s']:,.0f}" if txt else "—"
        bm25s_build = (f"{bs['build_per_s']:,.0f} ({bs['build_s']:.1f}) | "
                       f"{bs['peak_rss_mb']:,.0f} | {ij['per_s'] / bs['build_per_s']:.2f}×"
                       if bs else "— | — | —")
        bm25s_retrieve = (f"{_ms(bs['retrieve_ms'])} | {p50 / bs['retrieve_ms'][0]:.2f}"
                          if bs else "— | —")
        rank_bm25 = (f"{_ms(rb['get_scores_ms'])} | {_ratio(rb['get_scores_ms'][0] / p50)}×"
                     if rb else "— | —")
        ingest.append(
            f"| {size} | {ij['per_s']:,.0f} ({ij['wall_s']:.1f}) | {ij['peak_rss_mb']:,.0f} "
            f"| {bm25s_build} | {txt_rate} "
            f"| {ij['load'][0]}–{ij['load'][1]} |")
        answers.append(
            f"| {size} | {_ms(ask['per_question_ms'])} | {bm25s_retrieve} | {rank_bm25} "
            f"| {_ms(r['answer']['answer_ms'])} | {_ms(r['answer']['kernel_ms'])} "
            f"| {r['restart_s']:.2f} ({r['restart_s'] / ij['wall_s']:.1%}) "
            f"| {ask['peak_rss_mb']:,.0f} |")
        if r["answer"]["stages_ms"]:
            stages.append(f"`answer()` per stage at {size}, p50 / p95 ms: " + "; ".join(
                f"{s} {_ms(v)}" for s, v in r["answer"]["stages_ms"].items()))
    return "\n".join([*ingest, "", *answers, "", *stages])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100k")
    parser.add_argument("--questions", type=int, default=300)
    parser.add_argument("--txt-max", default="100k", help="no .txt pages above this size")
    parser.add_argument("--rank-bm25-max", default="100k")
    parser.add_argument("--smoke", action="store_true", help="a tiny run, in seconds")
    parser.add_argument("--out", type=Path, help="write <size>.json and tables.md here")
    # internal: one side of the comparison in its own process, one JSON line out
    parser.add_argument("--bm25s", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--rank-bm25", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--stages", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.bm25s:
        qs = json.loads(Path(args.bm25s[1]).read_text(encoding="utf-8"))[5:]
        print(json.dumps(bm25s_side(Path(args.bm25s[0]), qs)))
        return 0
    if args.rank_bm25:
        print(json.dumps(rank_bm25_side(Path(args.rank_bm25[0]), json.loads(args.rank_bm25[1]))))
        return 0
    if args.stages:
        qs = json.loads(Path(args.stages[1]).read_text(encoding="utf-8"))[5:]
        print(json.dumps(asyncio.run(stages_side(Path(args.stages[0]), qs))))
        return 0
    for package in ("retrieval", "bot"):  # as pip leaves an install: compiled, not compiling
        compileall.compile_dir(ROOT / package, quiet=1)
    sizes = [400] if args.smoke else [parse_size(s) for s in args.sizes.split(",")]
    n_questions = 20 if args.smoke else args.questions
    results = []
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="marsad-userpath-") as tmp:
            result = measure(size, n_questions, parse_size(args.txt_max),
                             parse_size(args.rank_bm25_max), Path(tmp),
                             log=lambda m: print(m, file=sys.stderr, flush=True))
        result["machine"] = machine()
        results.append(result)
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / f"userpath-{human(size)}.json").write_text(json.dumps(result, indent=1))
    text = tables(results)
    if args.out:
        (args.out / f"userpath-{'-'.join(human(s) for s in sizes)}.md").write_text(text + "\n")
    print(f"Machine: {machine()}\n\n{text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
