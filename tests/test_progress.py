"""Ingest progress: on a terminal, articles done out of the articles given, from the first
frame; into a pipe, nothing at all."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path

from test_cli import marsad

from bot.progress import count_articles

REPO = Path(__file__).resolve().parent.parent


def _jsonl(path: Path, n: int, start: int = 0, trailing_newline: bool = True) -> Path:
    lines = [json.dumps({"id": f"a{i}", "title": f"عنوان الخبر {i}", "source": "مصدر",
                         "date": "2023-09-14",
                         "text": f"فقرة أولى عن الموضوع {i}\n\nفقرة ثانية رقم {i * 7}"},
                        ensure_ascii=False) for i in range(start, start + n)]
    path.write_text("\n".join(lines) + ("\n" if trailing_newline else ""), encoding="utf-8")
    return path


def _ingest_on_a_terminal(args: list[str], cwd: Path) -> tuple[str, str, int]:
    """Run `marsad ingest` with stderr on a pseudo-terminal (stdout a pipe): what the
    terminal showed, stdout, the exit code."""
    main, child = pty.openpty()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MARSAD_")}
    env["PYTHONIOENCODING"] = "utf-8"
    proc = subprocess.Popen([sys.executable, "-m", "bot", "ingest", *args], cwd=cwd, env=env,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=child)
    os.close(child)
    shown = b""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([main], [], [], 1.0)
        if not ready:
            if proc.poll() is not None:
                break
            continue
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    out, _ = proc.communicate(timeout=60)
    os.close(main)
    return shown.decode("utf-8", "replace"), out.decode("utf-8"), proc.returncode


def test_a_terminal_sees_the_total_from_the_first_frame(tmp_path):
    articles = _jsonl(tmp_path / "news.jsonl", 1500)
    (tmp_path / "pages").mkdir()
    for i in range(3):
        (tmp_path / "pages" / f"p{i}.txt").write_text(
            f"عنوان الصفحة {i}\nالمصدر: صحيفة\n\nنص الصفحة رقم {i} عن الموضوع.",
            encoding="utf-8")
    shown, out, code = _ingest_on_a_terminal(
        [str(articles), "pages", "--db", str(tmp_path / "m.db")], tmp_path)
    assert code == 0, shown
    frames = [f for f in re.split(r"[\r\n]+", shown) if f.strip()]
    assert frames, shown
    assert re.search(r"\b0/1503\b", frames[0]), frames[0]  # the total, before any work
    assert "0%" in frames[0]
    assert re.search(r"\b1503/1503\b", frames[-1]) and "100%" in frames[-1], frames[-1]
    assert "passages" in frames[-1]
    assert "added 1503" in out  # the summary stays on stdout


def test_re_ingesting_unchanged_articles_still_moves_the_bar(tmp_path):
    articles = _jsonl(tmp_path / "news.jsonl", 2500)
    db = str(tmp_path / "m.db")
    assert marsad("ingest", str(articles), "--db", db, cwd=tmp_path).returncode == 0
    shown, out, code = _ingest_on_a_terminal([str(articles), "--db", db], tmp_path)
    assert code == 0 and "unchanged 2500" in out
    counts = [int(n) for n in re.findall(r"\b(\d+)/2500\b", shown)]
    assert counts[0] == 0 and counts[-1] == 2500, counts
    assert any(0 < c < 2500 for c in counts), counts  # batches done are shown as they go


def test_nothing_is_printed_to_a_pipe(tmp_path):
    articles = _jsonl(tmp_path / "news.jsonl", 1200)
    result = marsad("ingest", str(articles), cwd=tmp_path, db=tmp_path / "m.db")
    assert result.returncode == 0
    assert result.stderr == ""
    assert result.stdout.startswith("added 1200,") and "%" not in result.stdout


def test_the_total_counts_articles_as_ingest_walks_them(tmp_path):
    _jsonl(tmp_path / "a.jsonl", 7)
    _jsonl(tmp_path / "b.jsonl", 5, start=7, trailing_newline=False)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "one.txt").write_text("عنوان\n\nنص", encoding="utf-8")
    (tmp_path / "sub" / "notes.md").write_text("not an article", encoding="utf-8")
    (tmp_path / "empty.jsonl").write_text("", encoding="utf-8")
    assert count_articles([tmp_path / "a.jsonl"]) == 7
    assert count_articles([tmp_path / "b.jsonl"]) == 5
    assert count_articles([tmp_path]) == 13  # folders recursively, only article files
    assert count_articles([tmp_path / "missing.jsonl"]) == 1  # reported as one failure


def test_a_huge_file_is_estimated_from_its_first_bytes(tmp_path, monkeypatch):
    from bot import progress

    _jsonl(tmp_path / "big.jsonl", 4000)
    exact = count_articles([tmp_path / "big.jsonl"])
    monkeypatch.setattr(progress, "COUNT_LIMIT", 1000)  # "huge" for this test
    monkeypatch.setattr(progress, "SAMPLE", 64 << 10)
    monkeypatch.setattr(progress, "CHUNK", 16 << 10)
    estimate = count_articles([tmp_path / "big.jsonl"])
    assert exact == 4000
    assert 3600 <= estimate <= 4400  # within 10%: lines here are of similar length
