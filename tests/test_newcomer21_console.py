"""The console as a newcomer meets it: commands typed with invisible marks (a BOM opening a
file piped in, an RLM an Arabic keyboard adds, bidi isolates from a copied line), in any
case, or without the colon; and Ctrl-C at the prompt, which must leave at once."""

from __future__ import annotations

import fcntl
import io
import os
import re
import select
import subprocess
import sys
import termios
import time

import pytest
from test_cli import GIFT

from bot.console import run_console

TIMELINE = "المقالات بترتيب تاريخ النشر:"
SOURCES = "000_3709f080d7caa3b5"  # the first seed article's id, listed by :sources
ENGLISH = "Marsad's coverage is in Arabic"


async def _session(engine, lines: str, monkeypatch, capsys) -> str:
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    assert await run_console(engine, interactive=False) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("mark", ["\u200f", "\u200e", "\ufeff", "\u2067", "\u202b", "\u200b"])
async def test_a_quit_word_behind_an_invisible_mark_still_quits(engine, monkeypatch, capsys,
                                                                mark):
    out = await _session(engine, f"{mark}خروج\n{GIFT}\n", monkeypatch, capsys)
    assert "بندقية" not in out  # the question after it is never read
    assert "لا تجيب التغطية" not in out  # and «خروج» was not asked of the coverage


async def test_a_file_piped_in_with_a_bom_opens_with_its_command(engine, monkeypatch, capsys):
    out = await _session(engine, "\ufeff:timeline\n", monkeypatch, capsys)
    assert TIMELINE in out and ENGLISH not in out


async def test_bidi_isolates_around_a_command(engine, monkeypatch, capsys):
    out = await _session(engine, "\u2066:sources\u2069\n", monkeypatch, capsys)
    assert SOURCES in out and ENGLISH not in out


@pytest.mark.parametrize("line", [":Timeline", ":TIMELINE", "timeline", "Timeline"])
async def test_timeline_in_any_case_with_or_without_the_colon(engine, monkeypatch, capsys,
                                                              line):
    out = await _session(engine, f"{line}\n", monkeypatch, capsys)
    assert TIMELINE in out
    assert ENGLISH not in out and "أمر غير معروف" not in out


@pytest.mark.parametrize("line", [":Sources", ":SOURCES", "sources", " Sources "])
async def test_sources_in_any_case_with_or_without_the_colon(engine, monkeypatch, capsys, line):
    out = await _session(engine, f"{line}\n", monkeypatch, capsys)
    assert SOURCES in out
    assert ENGLISH not in out and "أمر غير معروف" not in out


@pytest.mark.parametrize("line", [":Compare الهدايا", ":COMPARE\tالهدايا",
                                  "\u200f:compare الهدايا"])
async def test_compare_in_any_case(engine, monkeypatch, capsys, line):
    out = await _session(engine, f"{line}\n", monkeypatch, capsys)
    assert "كيف غطّت المصادر «الهدايا»" in out and "أمر غير معروف" not in out


async def test_a_question_with_a_mark_inside_is_still_asked(engine, monkeypatch, capsys):
    """Only commands are read without the marks; a question goes to the engine as typed."""
    out = await _session(engine, f"\u200f{GIFT}\n", monkeypatch, capsys)
    assert "بندقية" in out


async def test_a_line_of_marks_alone_is_an_empty_line(engine, monkeypatch, capsys):
    out = await _session(engine, "\u200f\u200e\n", monkeypatch, capsys)
    assert out.strip().count("\n") == 0  # the greeting and nothing else


async def test_a_command_word_inside_a_question_is_no_command(engine, monkeypatch, capsys):
    out = await _session(engine, "sources of the gifts\n", monkeypatch, capsys)
    assert SOURCES not in out


def _read_until(fd: int, pattern: str, seconds: float) -> tuple[str, bool]:
    """What the terminal printed until `pattern` showed or it closed; and whether it closed."""
    out, end = b"", time.monotonic() + seconds
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 1 << 16)
        except OSError:  # the console ended and closed the terminal
            return out.decode("utf-8", "replace"), True
        if not chunk:
            return out.decode("utf-8", "replace"), True
        out += chunk
        if pattern and pattern in out.decode("utf-8", "replace"):
            return out.decode("utf-8", "replace"), False
    return out.decode("utf-8", "replace"), False


def test_ctrl_c_at_the_prompt_leaves_at_once(tmp_path):
    """On a terminal, Ctrl-C at the prompt ends the console there and then (it used to do
    nothing until Enter, then drop the question typed and exit 130)."""
    main, side = os.openpty()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MARSAD_")}
    env.update(HOME=str(tmp_path), PYTHONIOENCODING="utf-8", TERM="dumb",
               MARSAD_STORAGE_DB=str(tmp_path / "m.db"))
    # the terminal is the console's controlling one, so Ctrl-C there is a SIGINT
    process = subprocess.Popen([sys.executable, "-m", "bot"], stdin=side, stdout=side,
                               stderr=side, cwd=tmp_path, env=env, start_new_session=True,
                               preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0))
    os.close(side)
    try:
        greeting, closed = _read_until(main, "مرصد> ", 90)
        assert "مرصد> " in greeting and not closed
        time.sleep(0.5)  # the prompt is printed just before input() waits
        os.write(main, b"\x03")
        out, closed = _read_until(main, "", 20)
        assert closed, f"still running after Ctrl-C: {out!r}"
        assert process.wait(timeout=10) == 0
        assert "Traceback" not in re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", greeting + out)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(main)


async def test_a_pasted_paragraph_as_a_topic_is_not_echoed_whole(engine, monkeypatch, capsys):
    """The heading echoes the topic compared, cut with «…», as the bot's /compare clips it."""
    pasted = "الهدايا التي تبادلها الزعيمان خلال الزيارة " * 400
    out = await _session(engine, f":compare {pasted}\n", monkeypatch, capsys)
    [heading] = [line for line in out.splitlines() if line.startswith("كيف غطّت المصادر")]
    assert len(heading) < 120 and "…»" in heading


async def test_a_short_topic_is_echoed_as_typed(engine, monkeypatch, capsys):
    out = await _session(engine, ":compare  الهدايا  \n", monkeypatch, capsys)
    assert "كيف غطّت المصادر «الهدايا»:" in out
