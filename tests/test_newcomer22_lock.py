"""A writer (`ingest`, `remove`, `follow`) whose database's lock file cannot be made, as a
newcomer mistypes `--db`: it fails at once in one line and exits 2. Before, filelock reported
a lock file it could not create (`/proc/x.db.lock`: no file can be made in /proc; a folder
where the lock file goes) as held by another process, and `marsad ingest --db /proc/x.db`
said "another marsad process is writing…; waiting" and waited forever. And `follow`,
waiting its turn behind a real writer, now stops on Ctrl-C or SIGTERM, as the README says
it does: it set its stop flag and went on waiting."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from filelock import FileLock

STORY = ("أعلنت بلدية المدينة الساحلية إغلاق السوق القديم أسبوعين لترميم سقفه، وقال رئيس "
         "البلدية إن التجار سينقلون إلى ساحة مؤقتة قرب الميناء.")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`marsad ARGS` with a deadline far above a failure's second: a wait fails the test."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MARSAD_")}
    env |= {"PYTHONIOENCODING": "utf-8", "MARSAD_STORAGE_DB": str(cwd / "default-unused.db")}
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=40)


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "waiting" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("marsad: cannot write to the database ") and "--db" in line
    return line


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "market.txt"
    path.write_text(f"السوق القديم يغلق للترميم\n\n{STORY}\n", encoding="utf-8")
    return path


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
@pytest.mark.parametrize("db", ["/proc/nc22.db", "/proc/self/nc22.db"])
def test_ingest_into_proc_fails_at_once(tmp_path, article, db):
    line = one_line(run("ingest", str(article), "--db", str(db), cwd=tmp_path))
    assert str(db) in line


def test_a_folder_where_the_lock_file_goes(tmp_path, article):
    """`news.db.lock` is a folder (a copy gone wrong): named, not waited for."""
    (tmp_path / "news.db.lock").mkdir()
    line = one_line(run("ingest", str(article), "--db", "news.db", cwd=tmp_path))
    assert "news.db.lock is a folder" in line
    assert not (tmp_path / "news.db").exists()


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
def test_follow_into_proc_fails_at_once(tmp_path):
    """The feed is never fetched (port 9 would refuse): the database is checked first."""
    line = one_line(run("follow", "http://127.0.0.1:9/rss.xml", "--db", "/proc/nc22.db",
                        cwd=tmp_path))
    assert "no file can be made in /proc" in line


def test_remove_on_a_database_whose_lock_is_a_folder(tmp_path, article):
    assert run("ingest", str(article), "--db", "news.db", cwd=tmp_path).returncode == 0
    (tmp_path / "news.db.lock").unlink()
    (tmp_path / "news.db.lock").mkdir()
    one_line(run("remove", "market", "--db", "news.db", cwd=tmp_path))


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_follow_waiting_for_another_writer_stops_on_a_signal(tmp_path, signum):
    db = tmp_path / "news.db"
    held = FileLock(str(db) + ".lock")
    held.acquire()  # another writer holds the database for as long as the test runs
    try:
        env = {k: v for k, v in os.environ.items() if not k.startswith("MARSAD_")}
        env["PYTHONIOENCODING"] = "utf-8"
        follow = subprocess.Popen([sys.executable, "-m", "bot", "follow",
                                   "http://127.0.0.1:9/rss.xml", "--db", str(db)],
                                  cwd=tmp_path, env=env, stderr=subprocess.PIPE, text=True,
                                  encoding="utf-8")
        assert follow.stderr is not None
        line = follow.stderr.readline()  # it says it waits, then waits
        assert "another marsad process is writing" in line
        time.sleep(0.5)  # well inside its wait (it polls every 0.2 s)
        follow.send_signal(signum)
        try:
            code = follow.wait(timeout=20)
        finally:
            follow.kill()
        rest = follow.stderr.read()
        assert code == 0, rest
        assert "stopped following" in rest and "Traceback" not in rest
    finally:
        held.release()
