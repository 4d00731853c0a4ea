"""Ctrl-C in the middle of `marsad ingest`: the batches committed stay, the reader is told how
many and that running the same ingest again adds the rest, and it does.

Break pass: Ctrl-C after 8,000 of 10,000 articles exited 130 without a word; the reader
could not tell whether anything had gone in, or whether to start over.
"""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from test_cli import marsad

ARTICLES = 3500  # more than three ingest batches (BATCH_ARTICLES = 1000)


def stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as con:
            return con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.Error:  # not created yet
        return 0


def test_ctrl_c_mid_ingest_says_what_stays_and_the_rerun_adds_the_rest(tmp_path: Path) -> None:
    feed = tmp_path / "wire.jsonl"
    with feed.open("w", encoding="utf-8") as out:
        for i in range(ARTICLES):
            out.write(json.dumps({
                "id": f"wire-{i}", "title": f"نشرة رقم {i}", "source": f"وكالة {i % 5}",
                "date": f"2024-0{1 + i % 9}-1{i % 9}",
                "text": f"أعلنت الوزارة اليوم القرار رقم {i} بشأن الموانئ والمطارات. "
                        f"وقال المتحدث إن القرار {i} يسري فوراً على جميع المنافذ."},
                ensure_ascii=False) + "\n")
    db = tmp_path / "wire.db"
    env = {k: v for k, v in os.environ.items() if not k.startswith("MARSAD_")}
    env.update(PYTHONIOENCODING="utf-8", MARSAD_STORAGE_DB=str(db))
    run = subprocess.Popen([sys.executable, "-m", "bot", "ingest", str(feed)], cwd=tmp_path,
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True, encoding="utf-8")
    deadline = time.monotonic() + 120
    while stored(db) == 0 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)  # the first batch is committed: stop in the middle
    run.send_signal(signal.SIGINT)
    out, err = run.communicate(timeout=120)
    kept = stored(db)
    if run.returncode == 0:  # the machine finished first: nothing was interrupted
        assert kept == ARTICLES
        return
    assert run.returncode == 130, err
    said = re.search(r"interrupted; ([\d,]+) new articles were stored", err)
    assert said, err
    assert int(said[1].replace(",", "")) == kept and 0 < kept < ARTICLES
    assert "run the same ingest again" in err and "Traceback" not in err
    again = marsad("ingest", str(feed), cwd=tmp_path, db=db)
    assert again.returncode == 0, again.stderr
    assert f"added {ARTICLES - kept}," in again.stdout
    assert f"unchanged {kept}," in again.stdout
    assert stored(db) == ARTICLES
