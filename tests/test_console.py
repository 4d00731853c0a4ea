"""The console's commands as a newcomer types them: quit and exit without the colon, in
English or Arabic, and the counts it greets with."""

from __future__ import annotations

import io

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
