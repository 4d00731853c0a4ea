"""The deployment the README describes, tried as written: the systemd unit, the env file
through the real config loader, the list syntax, and the exit code the unit relies on."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_cli import marsad

from bot.cli import _parser
from bot.config import ConfigError, load_config

REPO = Path(__file__).resolve().parent.parent
UNIT = REPO / "deploy" / "marsad.service"
ENV_EXAMPLE = REPO / "deploy" / "marsad.env.example"


def _env_file(text: str) -> dict[str, str]:
    """KEY=value lines as systemd's EnvironmentFile= reads them (comments and blanks skipped)."""
    out = {}
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith(("#", ";")):
            key, _, value = line.partition("=")
            assert key and key == key.strip() and "export" not in key, line
            out[key] = value
    return out


def _unit() -> dict[str, dict[str, str]]:
    sections: dict[str, dict[str, str]] = {}
    current = None
    for line in UNIT.read_text(encoding="utf-8").splitlines():
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], {})
        elif line and not line.startswith("#"):
            key, _, value = line.partition("=")
            assert current is not None, line
            current[key] = value
    return sections


def test_the_example_env_file_loads_through_the_real_config_loader():
    config = load_config(env=_env_file(ENV_EXAMPLE.read_text(encoding="utf-8")))
    assert config.telegram.token.startswith("123456789:")
    assert config.telegram.allowed_chats == [-1001234567890, 111111111]
    assert config.telegram.admins == [111111111]


def test_the_readme_list_syntax_is_what_the_loader_reads():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("Lists in environment variables"):]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    config = load_config(env=_env_file(block))
    assert config.telegram.allowed_chats == [-1001234567890, 111111111]
    assert config.telegram.admins == [111111111]


@pytest.mark.parametrize(("value", "expected"), [
    ("1,2,3", [1, 2, 3]), (" 1 , 2 ", [1, 2]), ("1;2", [1, 2]), ("-100123,7", [-100123, 7]),
    ("42", [42]), ("", []), ("1,,2,", [1, 2]),
])
def test_env_lists_are_comma_separated_numbers(value, expected):
    env = {"MARSAD_TELEGRAM_ALLOWED_CHATS": value, "MARSAD_TELEGRAM_ADMINS": value}
    config = load_config(env=env)
    assert config.telegram.allowed_chats == expected and config.telegram.admins == expected


@pytest.mark.parametrize("value", ["[1,2]", "1 2", "@someone", "1.5"])
def test_other_list_syntax_is_refused_with_the_keys_name(value):
    with pytest.raises(ConfigError, match=r"telegram\.admins"):
        load_config(env={"MARSAD_TELEGRAM_ADMINS": value})


def test_the_unit_runs_the_bot_as_its_own_user_and_restarts_it():
    unit = _unit()
    service = unit["Service"]
    assert service["User"] == "marsad" and service["Group"] == "marsad"
    assert service["EnvironmentFile"] == "/etc/marsad/marsad.env"
    assert service["Restart"] == "on-failure" and service["RestartSec"]
    assert service["StateDirectory"] == "marsad"
    assert service["WorkingDirectory"] == "/var/lib/marsad"
    command = shlex.split(service["ExecStart"])
    assert command[0].endswith("/bin/marsad")
    args = _parser().parse_args(command[1:])  # a command line the CLI accepts
    assert args.command == "telegram" and args.db == "/var/lib/marsad/marsad.db"
    assert unit["Install"]["WantedBy"] == "multi-user.target"
    assert "network-online.target" in unit["Unit"]["After"]


def test_the_unit_does_not_restart_on_what_exit_code_2_means(tmp_path):
    """RestartPreventExitStatus=2: a missing or rejected token exits 2, and restarting
    would not fix it."""
    assert _unit()["Service"]["RestartPreventExitStatus"] == "2"
    result = marsad("telegram", cwd=tmp_path)  # no token anywhere
    assert result.returncode == 2
    assert "MARSAD_TELEGRAM_TOKEN" in result.stderr


@pytest.mark.skipif(shutil.which("systemd-analyze") is None,
                    reason="systemd-analyze is not installed on this machine")
def test_systemd_analyze_verify_finds_nothing_to_say(tmp_path):
    """The unit as committed, its ExecStart pointed at this checkout's marsad (verify
    checks that the program exists)."""
    here = Path(sys.executable).parent / "marsad"
    if not here.exists():
        pytest.skip("no marsad script next to this Python")
    text = UNIT.read_text(encoding="utf-8").replace("/opt/marsad/venv/bin/marsad", str(here))
    unit = tmp_path / "marsad.service"
    unit.write_text(text, encoding="utf-8")
    result = subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "marsad.service" not in result.stdout + result.stderr, result.stdout + result.stderr
