"""Crash safety of `marsad ingest`: SIGKILL in the middle of a big ingest, then the same ingest.

    python -m benchmarks.crash                       # 20,000 articles, killed after 4,000
    python -m benchmarks.crash -n 3000 --kill-after 600 --json

What it does: writes N small synthetic articles as JSONL, runs `marsad ingest` on them as a
subprocess, watches the database (read-only) until at least --kill-after articles are
committed, and SIGKILLs it. Then it checks the database as the kill left it, runs the very same
ingest again, and checks that:

- every article is there exactly once, with exactly the passages it should have (ordinals
  0..n-1, as `split_passages` cuts it), and the terms table has no duplicate;
- the index Marsad loads (its snapshot plus the catch-up from the passages) equals an index
  built afresh from the stored passages: same documents, same top-10 for many queries;
- a third, identical ingest adds nothing.

tests/test_crash_safety.py runs the same code on a smaller N.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from retrieval.analysis import analyze
from retrieval.articles import iter_articles
from retrieval.engine import Marsad
from retrieval.index import BM25Index
from retrieval.model import Article
from retrieval.passages import split_passages

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def write_articles(path: Path, n: int, seed: int = 7) -> None:
    """N distinct small articles (1-3 paragraphs of pseudo-Arabic words) as JSONL."""
    rng = random.Random(seed)
    vocab = ["".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 7)))
             for _ in range(6000)]
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            paragraphs = [" ".join(rng.choice(vocab) for _ in range(rng.randint(12, 30))) + "."
                          for _ in range(rng.randint(1, 3))]
            f.write(json.dumps({
                "id": f"a{i:06d}", "title": " ".join(rng.choice(vocab) for _ in range(5)),
                "source": f"صحيفة {i % 17}", "date": "2024-01-01",
                "text": "\n\n".join(paragraphs)}, ensure_ascii=False) + "\n")


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MARSAD_")}
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def ingest_cmd(source: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "bot", "ingest", str(source), "--db", str(db)]


def committed(db: Path) -> int:
    """Articles committed so far, read as another process would (read-only)."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2) as conn:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def kill_midway(source: Path, db: Path, kill_after: int, timeout: float = 300) -> int:
    """Run the ingest and SIGKILL it once `kill_after` articles are committed; returns how
    many were committed when it died (raises if it finished first)."""
    proc = subprocess.Popen(ingest_cmd(source, db), env=_env(), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    deadline = time.monotonic() + timeout
    try:
        while committed(db) < kill_after:
            if proc.poll() is not None:
                raise RuntimeError(f"the ingest ended before the kill: {proc.stderr.read()!r}")
            if time.monotonic() > deadline:
                raise TimeoutError("the ingest never got far enough")
            time.sleep(0.02)
        workers = children(proc.pid)
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    finally:
        if proc.poll() is None:
            proc.kill()
        if proc.stderr is not None:
            proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL, proc.returncode
    return committed(db), outliving(workers)


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (its parsing and analysis workers), from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # gone meanwhile
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def outliving(pids: list[int], patience: float = 30) -> int:
    """How many of `pids` are still running after `patience` seconds (0 as soon as none)."""
    def running(pid: int) -> bool:
        try:
            return "(zombie)" not in Path(f"/proc/{pid}/status").read_text(errors="replace")
        except OSError:  # gone
            return False

    deadline = time.monotonic() + patience
    while True:
        alive = [p for p in pids if running(p)]
        if not alive or time.monotonic() > deadline:
            return len(alive)
        time.sleep(0.1)


def run_ingest(source: Path, db: Path) -> str:
    result = subprocess.run(ingest_cmd(source, db), env=_env(), capture_output=True, text=True,
                            encoding="utf-8", timeout=900)
    if result.returncode != 0 or "Traceback" in result.stderr:
        raise RuntimeError(f"ingest failed ({result.returncode}): {result.stderr}")
    return result.stdout.strip()


async def check_database(db: Path, source: Path | None, queries: int = 60) -> dict[str, Any]:
    """Every stored article once, with its passages; the loaded index equal to a fresh one."""
    expected: dict[str, int] = {}
    if source is not None:
        for item in iter_articles([source]):
            assert isinstance(item, Article), item
            expected[item.id] = len(split_passages(item.paragraphs))
    with sqlite3.connect(db) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM articles")]
        per_article = dict(conn.execute(
            "SELECT article_id, COUNT(*) FROM passages GROUP BY article_id"))
        bad_ordinals = conn.execute(
            "SELECT COUNT(*) FROM (SELECT article_id FROM passages GROUP BY article_id "
            "HAVING COUNT(DISTINCT ordinal) != COUNT(*) OR MIN(ordinal) != 0 "
            "OR MAX(ordinal) != COUNT(*) - 1)").fetchone()[0]
        orphans = conn.execute("SELECT COUNT(*) FROM passages WHERE article_id NOT IN "
                               "(SELECT id FROM articles)").fetchone()[0]
        terms = conn.execute("SELECT COUNT(*), COUNT(DISTINCT term) FROM terms").fetchone()
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    assert integrity == "ok", integrity
    assert len(ids) == len(set(ids))
    assert bad_ordinals == 0 and orphans == 0 and terms[0] == terms[1]
    if source is not None:
        assert set(ids) == set(expected), (len(ids), len(expected))
        wrong = {a: (per_article.get(a, 0), n) for a, n in expected.items()
                 if per_article.get(a, 0) != n}
        assert not wrong, list(wrong.items())[:5]
    async with await Marsad.open(db) as engine:
        slots, docs = await engine.store.all_terms()
        fresh = BM25Index(engine.index.params)
        fresh.add(slots, docs)
        assert engine.index.n_docs == fresh.n_docs == len(slots) == sum(per_article.values())
        rng = random.Random(1)
        sample = rng.sample(ids, min(queries, len(ids)))
        compared = 0
        for article_id in sample:
            article = await engine.article(article_id)
            words = article.title.split()[:3] + rng.sample(article.text.split(), 2)
            query = [engine.vocab.get(t, -1) for t in analyze(" ".join(words))]
            mine, theirs = engine.index.top(query, 10), fresh.top(query, 10)
            assert [s for s, _ in mine] == [s for s, _ in theirs], article_id
            assert all(abs(a - b) < 1e-9 for (_, a), (_, b) in zip(mine, theirs, strict=True))
            passages = await engine.search(" ".join(words), 10)
            assert any(p.article_id == article_id for p, _ in passages), article_id
            compared += 1
    return {"articles": len(ids), "passages": sum(per_article.values()),
            "queries_compared": compared}


def run(n: int, kill_after: int, folder: Path) -> dict[str, Any]:
    source, db = folder / "articles.jsonl", folder / "marsad.db"
    write_articles(source, n)
    started = time.perf_counter()
    at_kill, outlived = kill_midway(source, db, kill_after)
    killed_after = time.perf_counter() - started
    after_kill = asyncio.run(check_database(db, None))
    assert after_kill["articles"] == at_kill
    started = time.perf_counter()
    second = run_ingest(source, db)
    second_time = time.perf_counter() - started
    recovered = asyncio.run(check_database(db, source))
    third = run_ingest(source, db)
    assert third.startswith(f"added 0, replaced 0, unchanged {n},"), third
    assert second.startswith(f"added {n - at_kill}, replaced 0, unchanged {at_kill},"), second
    return {"articles": n, "committed_at_kill": at_kill, "killed_after_s": round(killed_after, 1),
            "workers_outliving_the_kill": outlived,
            "second_ingest": second, "second_ingest_s": round(second_time, 1),
            "third_ingest": third, "recovered": recovered}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=20_000, help="articles (default 20,000)")
    parser.add_argument("--kill-after", type=int, default=None,
                        help="SIGKILL once this many articles are committed (default: a fifth)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        result = run(args.n, args.kill_after or max(args.n // 5, 1), Path(tmp))
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        for key, value in result.items():
            print(f"{key:20} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
