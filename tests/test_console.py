"""The console's commands as a newcomer types them: quit and exit without the colon, in
English or Arabic, and the counts it greets with."""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import sys

import pytest
from test_cli import GIFT, marsad

from bot.console import HELP, run_console


async def _session(engine, lines: str, monkeypatch, capsys) -> str:
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    assert await run_console(engine, interactive=False) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("word", ["quit", "exit", "QUIT", " Exit ", ":quit", ":exit", ":q",
                                  "خروج", ":خروج", "اخرج", "إنهاء"])
async def test_quit_words_end_the_console_before_the_next_line(engine, monkeypatch, capsys,
                                                               word):
    out = await _session(engine, f"{word}\n{GIFT}\n", monkeypatch, capsys)
    assert "بندقية" not in out and "قفاز" not in out  # the question after it is never read
    assert "لا تجيب التغطية" not in out  # and the word itself was not taken as a question


async def test_a_question_that_mentions_exit_is_still_a_question(engine, monkeypatch, capsys):
    out = await _session(engine, "exit strategy\nquit\n", monkeypatch, capsys)
    assert "للخروج" in out.splitlines()[0]
    assert len(out.strip().splitlines()) > 1  # something was said about "exit strategy"


async def test_help_without_the_colon_and_it_names_the_quit_words(engine, monkeypatch, capsys):
    out = await _session(engine, "help\nمساعدة\n", monkeypatch, capsys)
    assert out.count(HELP) == 2
    for word in ("quit", "exit", "خروج", "Ctrl-D"):
        assert word in HELP


async def test_the_greeting_counts_articles_and_known_outlets(engine, monkeypatch, capsys):
    out = await _session(engine, "", monkeypatch, capsys)
    # five seeds, four named outlets: the fifth names none and is not counted as one
    assert out.startswith("مرصد — 5 مقالات نشرها 4 مصادر.")


def test_exit_through_the_real_cli(tmp_path):
    result = marsad(cwd=tmp_path, db=tmp_path / "m.db", stdin=f"exit\n{GIFT}\n")
    assert result.returncode == 0, result.stderr
    assert "بندقية" not in result.stdout and "Traceback" not in result.stderr


def _in_terminal(tmp_path, columns: int, lines: str) -> str:
    """What the real console prints on a terminal (a pseudo-terminal) `columns` wide, its
    escape sequences (bold, line editing) taken out."""
    main, side = os.openpty()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MARSAD_")}
    env.update(COLUMNS=str(columns), HOME=str(tmp_path), PYTHONIOENCODING="utf-8",
               MARSAD_STORAGE_DB=str(tmp_path / "m.db"), TERM="dumb")
    process = subprocess.Popen([sys.executable, "-m", "bot"], stdin=side, stdout=side,
                               stderr=side, cwd=tmp_path, env=env)
    os.close(side)
    os.write(main, lines.encode("utf-8"))
    out = b""
    with contextlib.suppress(OSError):  # the terminal closes when the console ends
        while chunk := os.read(main, 1 << 16):
            out += chunk
    os.close(main)
    assert process.wait(timeout=60) == 0
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out.decode("utf-8", "replace"))


def _passage_lines(out: str) -> list[str]:
    lines = [line.rstrip("\r") for line in out.splitlines()]
    return [line for line in lines if re.match(r"\[\d\] |    \S", line)]


@pytest.mark.parametrize("columns", [60, 160])
def test_passages_wrap_at_the_terminal_width(tmp_path, columns):
    """On a terminal a passage is wrapped at its width (one column spare), so a narrow one
    never breaks a line again and loses its indent; piped, lines stay at 100 columns."""
    lines = _passage_lines(_in_terminal(tmp_path, columns, f"{GIFT}\nexit\n"))
    assert lines
    assert max(map(len, lines)) <= columns - 1
    assert max(map(len, lines)) > min(columns - 1, 100) - 15  # the width is used


def test_piped_passages_wrap_at_100_columns_whatever_the_terminal(tmp_path):
    result = marsad(cwd=tmp_path, db=tmp_path / "m.db", stdin=f"{GIFT}\n")
    lines = _passage_lines(result.stdout)
    assert lines and max(map(len, lines)) <= 100
