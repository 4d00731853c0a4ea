"""Crash safety: SIGKILL in the middle of an ingest, damaged or foreign database files, SIGTERM to
`marsad ask` (batch) and `marsad telegram`. All as subprocesses, the way they really die.

The full-size run (20,000 articles) is `python -m benchmarks.crash`; here the same code runs on
1,500 articles killed after two committed batches.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from botapi_server import BotAPIServer, private_chat, user
from conftest import build_seeded_db
from test_telegram import GIFT_QUESTION, TOKEN

from benchmarks import crash
from bot.cli import main

QUESTIONS = ["ماذا أهدى بوتين لكيم؟", "أين التقى بوتين وكيم؟", "من هو مدرب ريال مدريد؟",
             "ماذا قال كيم عن روسيا؟"]


def env() -> dict[str, str]:
    out = {k: v for k, v in os.environ.items() if not k.startswith("MARSAD_")}
    out["PYTHONIOENCODING"] = "utf-8"
    return out


def closed_cleanly(db: Path) -> bool:
    """SQLite removes the WAL and shared-memory files when the last connection closes."""
    return not Path(f"{db}-wal").exists() and not Path(f"{db}-shm").exists()


# -- SIGKILL during ingest -------------------------------------------------------------------------

def test_sigkill_during_ingest_then_the_same_ingest_gives_every_article_once(tmp_path) -> None:
    # ingest commits every 1,000 articles: 3,500 leave three commits after the first, so the
    # kill lands mid-ingest even on a loaded machine (1,500 once left one short window)
    result = crash.run(n=3500, kill_after=400, folder=tmp_path)
    assert 400 <= result["committed_at_kill"] < 3500
    assert result["workers_outliving_the_kill"] == 0  # none left orphaned, holding memory
    assert result["recovered"]["articles"] == 3500
    assert result["recovered"]["queries_compared"] == 60
    assert result["third_ingest"].startswith("added 0, replaced 0, unchanged 3500,")


# -- damaged and foreign files ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def pristine(tmp_path_factory, seeds_dir) -> bytes:
    db = tmp_path_factory.mktemp("pristine") / "marsad.db"
    return build_seeded_db(db, seeds_dir).read_bytes()


def damaged_variants(data: bytes) -> dict[str, bytes]:
    pages = len(data) // 4096
    out = {f"page {p} overwritten": data[:p * 4096] + b"\xa5" * 4096 + data[(p + 1) * 4096:]
           for p in range(1, pages)}
    out["truncated to half"] = data[: len(data) // 2]
    out["truncated mid-page"] = data[: len(data) // 2 + 1234]
    out["header only"] = data[:100]
    out["bad page size"] = data[:16] + b"\x00\x03" + data[18:]
    out["zeros after page 1"] = data[:4096] + bytes(len(data) - 4096)
    return out


def test_a_damaged_database_is_a_clear_error_and_stays_untouched(pristine, tmp_path,
                                                                capsys) -> None:
    """Every page of a real database overwritten in turn, and truncations: each command
    either works (the page held nothing it needs) or names the file; none crashes, none
    writes to the file."""
    refused = 0
    for name, data in damaged_variants(pristine).items():
        db = tmp_path / "damaged.db"
        db.write_bytes(data)
        for args in (["ask", "--json", QUESTIONS[0]], ["sources", "--json"]):
            code = main([*args, "--db", str(db)])
            err = capsys.readouterr().err
            assert code in (0, 2), (name, args, err)
            if code == 2:
                refused += 1
                assert str(db) in err and err.startswith("marsad: "), (name, err)
                assert "Traceback" not in err
        assert db.read_bytes() == data, f"{name}: the file was written to"
        for extra in (Path(f"{db}-wal"), Path(f"{db}-shm")):
            extra.unlink(missing_ok=True)
    assert refused >= 20


@pytest.mark.parametrize("kind", ["damaged", "foreign", "not sqlite"])
def test_marsad_refuses_a_bad_file_without_a_traceback(pristine, tmp_path, kind) -> None:
    db = tmp_path / "x.db"
    if kind == "damaged":  # its third page overwritten
        page = int.from_bytes(pristine[16:18], "big")
        db.write_bytes(pristine[:2 * page] + b"\xa5" * page + pristine[3 * page:])
    elif kind == "foreign":
        with sqlite3.connect(db) as conn:
            conn.execute("CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT)")
            conn.execute("INSERT INTO customers(name) VALUES ('ليلى')")
        conn.close()
    else:
        db.write_bytes("ملاحظات شخصية\n".encode() * 500)
    before = db.read_bytes()
    for args in (["ask", QUESTIONS[0]], ["ingest", str(tmp_path)], ["sources"]):
        result = subprocess.run([sys.executable, "-m", "bot", *args, "--db", str(db)],
                                cwd=tmp_path, env=env(), capture_output=True, text=True,
                                encoding="utf-8", timeout=60)
        assert result.returncode == 2, (args, result.stderr)
        assert result.stderr.startswith(f"marsad: {db}") or f" {db} " in result.stderr
        assert "Traceback" not in result.stderr
        assert db.read_bytes() == before


# -- SIGTERM to a long `marsad ask` batch ---------------------------------------------------------

async def test_sigterm_to_a_batch_finishes_the_answer_in_flight_and_closes(pristine,
                                                                          tmp_path) -> None:
    db = tmp_path / "marsad.db"
    db.write_bytes(pristine)
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "ask", "--db", str(db), cwd=tmp_path, env=env(),
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE)
    sent = [QUESTIONS[i % len(QUESTIONS)] for i in range(400)]
    proc.stdin.write("".join(q + "\n" for q in sent).encode())
    await proc.stdin.drain()  # stdin stays open: more could come
    lines = [await asyncio.wait_for(proc.stdout.readline(), 30) for _ in range(5)]
    proc.send_signal(signal.SIGTERM)
    rest, err = await asyncio.wait_for(proc.communicate(), 30)
    assert proc.returncode == 128 + signal.SIGTERM, err.decode()
    assert b"Traceback" not in err
    lines += rest.splitlines(keepends=True)
    assert all(line.endswith(b"\n") for line in lines)  # no half-written answer
    records = [json.loads(line) for line in lines]
    assert 5 <= len(records) < len(sent)
    assert [r["question"] for r in records] == sent[: len(records)]
    assert closed_cleanly(db)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


# -- SIGTERM to `marsad telegram` -----------------------------------------------------------------

async def test_sigterm_to_the_bot_lets_the_answer_in_flight_finish(pristine, tmp_path) -> None:
    db = tmp_path / "bot.db"
    db.write_bytes(pristine)
    async with BotAPIServer(TOKEN) as server:
        bot_env = {**env(), "MARSAD_TELEGRAM_TOKEN": TOKEN,
                   "MARSAD_TELEGRAM_BASE_URL": server.base_url, "MARSAD_STORAGE_DB": str(db)}
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "telegram", cwd=tmp_path, env=bot_env,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        try:
            await server.wait_for(lambda: server.calls_to("setMyCommands"), timeout=30)
            server.fail("sendMessage", 200, delay=1.0)  # the answer is in flight a while
            alice = user(1001, "Alice")
            msg = server.message(private_chat(alice), alice, GIFT_QUESTION)
            await server.wait_for(lambda: server.calls_to("sendMessage"), timeout=30)
            proc.send_signal(signal.SIGTERM)  # while sendMessage waits for its answer
            out, err = await asyncio.wait_for(proc.communicate(), 30)
        finally:
            if proc.returncode is None:
                proc.kill()
                await proc.wait()
        log = (out + err).decode()
        assert proc.returncode == 0, log
        assert "Traceback" not in log
        assert "question chat_type=private answered=True" in log  # the handler completed
        sent = server.sent(alice["id"])
        assert len(sent) == 1 and "— " in sent[0]["_result"]["text"]
        assert server.confirmed > msg["update_id"]  # confirmed: a restart will not repeat it
    assert closed_cleanly(db)
