"""`marsad COMMAND --help` as a newcomer reads it: what it takes, prints, exits with, and an
example that really parses; eval's file mistakes said in plain words."""

from __future__ import annotations

import json
import re
import shlex
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from test_cli import marsad

from bot.cli import _parser

COMMANDS = ("console", "ask", "ingest", "follow", "remove", "sources", "compare", "timeline",
            "feedback", "eval", "telegram")


@pytest.fixture(scope="module")
def helps(tmp_path_factory) -> dict[str, str]:
    """Every command's --help (and marsad --help under ""), through the real CLI."""
    cwd = tmp_path_factory.mktemp("help")
    with ThreadPoolExecutor(4) as pool:
        runs = dict(zip(("", *COMMANDS), pool.map(
            lambda c: marsad(*([c] if c else []), "--help", cwd=cwd), ("", *COMMANDS)),
            strict=True))
    for name, run in runs.items():
        assert run.returncode == 0, (name, run.stderr)
    return {name: run.stdout for name, run in runs.items()}


def _examples(text: str) -> list[str]:
    """The command lines under `example:` / `examples:` (comments dropped)."""
    block = re.split(r"^examples?:\n", text, flags=re.M)[1]
    lines = [line.split("  #")[0].strip() for line in block.splitlines() if line.strip()]
    return [line for line in lines if line.startswith(("marsad", "MARSAD_", "printf"))
            and "COMMAND" not in line]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_says_its_exit_codes_and_gives_an_example(helps, command):
    text = helps[command]
    assert re.search(r"^exit codes:\n  0 ", text, re.M), text
    assert re.search(r"^  2 +\S", text, re.M), "usage mistakes exit with 2"
    examples = _examples(text)
    assert examples, text
    for example in examples:
        words = shlex.split(example.split("|")[-1].strip())
        words = [w for w in words if not w.startswith("MARSAD_")]
        assert words[0] == "marsad" and words[1] == command, example
        _parser().parse_args(words[1:])  # the example is a valid command line


def test_every_option_and_argument_has_help_text(helps):
    for command in COMMANDS:
        text = helps[command]
        for line in text.splitlines():
            if re.match(r"^  (-\S+|[A-Z]+)", line):
                assert len(line.split(None, 1)) > 1 or line.strip().startswith("-h"), (
                    command, line)
    for command in ("ask", "sources", "compare", "timeline", "feedback", "eval"):
        assert re.search(r"^  --json +\S+", helps[command], re.M), command


def test_ingest_help_names_the_formats_and_the_jsonl_fields(helps):
    text = helps["ingest"]
    for kind in (".txt", ".jsonl", ".html", ".htm", ".xml", ".rss", ".atom", ".json",
                 "JSON Feed", "sitemap", "http(s)://"):
        assert kind in text, kind
    for field in ('"id"', '"title"', '"source"', '"date"', '"url"', '"text"'):
        assert field in text, field
    assert "YYYY-MM-DD" in text and "blank lines" in text
    assert "progress" in text and "stderr" in text  # what it prints, and where
    assert re.search(r"^  1 +some articles were skipped", text, re.M)


def test_follow_help_says_how_often_and_how_it_stops(helps):
    text = helps["follow"]
    assert "--every" in text and "15" in text and "SIGTERM" in text
    assert "RSS" in text and "Atom" in text and "JSON" in text  # follow reads JSON Feeds too


def test_eval_help_gives_both_file_formats(helps):
    text = helps["eval"]
    assert "SQuAD" in text and '"context"' in text and '"qas"' in text
    assert '"q"' in text and '"keys"' in text and '"abstain": true' in text
    for figure in ("P@1", "R@5", "MRR@10", "answer@1", "answer@3"):
        assert figure in text


def test_telegram_help_says_where_the_token_comes_from(helps):
    text = helps["telegram"]
    assert "MARSAD_TELEGRAM_TOKEN" in text and "config.toml" in text
    assert "@BotFather" in text and "chmod 600" in text
    assert "MARSAD_TELEGRAM_ADMINS=123,456" in text  # the list syntax, as config.py reads it


def test_the_main_help_lists_every_command_and_where_the_database_is(helps):
    text = helps[""]
    for command in COMMANDS:
        assert re.search(rf"^    {command} +\S", text, re.M), command
    assert "MARSAD_STORAGE_DB" in text and "~/.local/share/marsad/" in text
    for example in _examples(text):
        _parser().parse_args(shlex.split(example)[1:])


def test_an_unknown_command_is_refused_with_the_list(tmp_path):
    result = marsad("injest", "x.jsonl", cwd=tmp_path)
    assert result.returncode == 2
    assert "invalid choice" in result.stderr and "ingest" in result.stderr


# -- eval: what is wrong with the file, in plain words ------------------------------------

@pytest.mark.parametrize(("name", "content", "said"), [
    ("missing.json", None, "does not exist"),
    ("missing.jsonl", None, "does not exist"),
    ("folder.json", "DIR", "is a folder"),
    ("empty.jsonl", "", "is empty"),
    ("blank.json", "  \n\n", "is empty"),
    ("latin.jsonl", b'{"q": "\xe9t\xe9", "abstain": true}\n', "not UTF-8"),
    ("broken.json", "{not json", "not valid JSON (line 1"),
    ("shape.json", json.dumps({"data": [{"title": "t"}]}), "not a SQuAD-format file"),
    ("list.json", json.dumps([1, 2]), "not a SQuAD-format file"),
    ("noq.jsonl", '{"keys": ["x"]}\n', "noq.jsonl:1: needs a string field q"),
])
def test_eval_says_what_is_wrong_with_the_file(in_process, tmp_path, capsys, name, content,
                                               said):
    path = tmp_path / name
    if content == "DIR":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    assert in_process(["eval", str(path)]) == 2
    err = capsys.readouterr().err
    assert said in err and str(path) in err, err
    assert "Errno" not in err and "Traceback" not in err


def test_eval_on_a_missing_file_through_the_real_cli(tmp_path: Path):
    result = marsad("eval", "arcd.json", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == "marsad: arcd.json: the file does not exist"


def test_an_unreadable_eval_file_is_named_as_such(in_process, tmp_path, capsys):
    import os

    path = tmp_path / "secret.jsonl"
    path.write_text('{"q": "س", "abstain": true}\n', encoding="utf-8")
    path.chmod(0)
    if os.access(path, os.R_OK):  # root reads anything: nothing to see here
        pytest.skip("running as a user who can read a file with mode 000")
    assert in_process(["eval", str(path)]) == 2
    assert "not allowed to read it" in capsys.readouterr().err


def test_ask_help_names_every_field_ask_json_prints(helps, tmp_path):
    text = helps["ask"]
    line = marsad("ask", "--json", "ماذا أهدى بوتين لكيم؟", cwd=tmp_path).stdout
    record = json.loads(line)
    for field in [*record, *record["hits"][0]]:
        assert f'"{field}"' in text, field
