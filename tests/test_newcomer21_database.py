"""A --db the user cannot use, as a newcomer mistypes it: a path under a file, a place
SQLite cannot open. Every command says so in one line, exits 2, and prints no traceback
(filelock's PermissionError, pathlib's FileExistsError, aiosqlite's thread outliving the
event loop) — and `follow` says it at once instead of logging a traceback every pass."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli import GIFT, marsad

STORY = ("أعلنت بلدية المدينة الساحلية إغلاق السوق القديم أسبوعين لترميم سقفه، وقال رئيس "
         "البلدية إن التجار سينقلون إلى ساحة مؤقتة قرب الميناء.")


@pytest.fixture
def under_a_file(tmp_path) -> Path:
    """A database path whose folder is a file (a typo: `--db notes.txt/news.db`)."""
    (tmp_path / "notes.txt").write_text("ملاحظات", encoding="utf-8")
    return tmp_path / "notes.txt" / "news.db"


def _one_polite_line(result, returncode: int = 2) -> str:
    assert result.returncode == returncode, result.stderr
    assert "Traceback" not in result.stderr and "Exception in thread" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("marsad: ")
    return line


@pytest.mark.parametrize("command", [("sources",), ("timeline",), ("ask", GIFT)])
def test_a_reader_under_a_file(tmp_path, under_a_file, command):
    line = _one_polite_line(marsad(*command, cwd=tmp_path, db=under_a_file))
    assert "notes.txt is a file, not a folder" in line and "--db" in line


def test_ingest_under_a_file(tmp_path, under_a_file):
    article = tmp_path / "market.txt"
    article.write_text(f"السوق القديم يغلق للترميم\n\n{STORY}\n", encoding="utf-8")
    line = _one_polite_line(marsad("ingest", str(article), cwd=tmp_path, db=under_a_file))
    assert "notes.txt is a file, not a folder" in line
    assert not under_a_file.parent.is_dir()  # nothing made in its place


def test_follow_under_a_file_stops_at_once(tmp_path, under_a_file):
    """Before: "following 1 feed(s)…", then a traceback logged each pass until Ctrl-C. The
    feed is never fetched: the database is checked first."""
    result = marsad("follow", "http://127.0.0.1:9/rss.xml", cwd=tmp_path, db=under_a_file)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "notes.txt is a file, not a folder" in result.stderr


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs Linux's /proc")
def test_a_database_sqlite_cannot_open_prints_no_thread_traceback(tmp_path):
    """SQLite cannot make a file in /proc: the message, and not aiosqlite's worker thread
    failing on the closed event loop after it."""
    line = _one_polite_line(marsad("sources", cwd=tmp_path, db=Path("/proc/marsad-nc21.db")))
    assert "cannot open database /proc/marsad-nc21.db" in line
