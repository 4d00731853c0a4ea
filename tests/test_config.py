"""Configuration: defaults, then config.toml / --config, then MARSAD_<SECTION>_<KEY>."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from test_cli import marsad

from bot.config import ConfigError, load_config

TOKEN = "123456789:AAH-very-secret-token-value"


@pytest.fixture(autouse=True)
def _no_config_around(tmp_path, monkeypatch):
    """No ./config.toml from the checkout and no MARSAD_ variables from the shell."""
    monkeypatch.chdir(tmp_path)
    for name in [k for k in os.environ if k.startswith("MARSAD_")]:
        monkeypatch.delenv(name)


def write(path: Path, text: str, mode: int = 0o600) -> Path:
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)
    return path


def test_defaults_need_no_file_and_no_environment():
    config = load_config(env={})
    assert config.retrieval.top_k == 3
    assert (config.retrieval.k1, config.retrieval.b, config.retrieval.epsilon) == (
        1.5, 0.75, 0.25)
    assert config.telegram.token == ""
    assert config.db_path.name == "marsad.db"


def test_environment_overrides_with_types():
    config = load_config(env={
        "MARSAD_RETRIEVAL_TOP_K": "5",
        "MARSAD_RETRIEVAL_K1": "1.2",
        "MARSAD_TELEGRAM_ALLOWED_CHATS": "1,2",
        "MARSAD_TELEGRAM_ADMINS": "-1001234567890, 42",
        "MARSAD_TELEGRAM_TOKEN": TOKEN,
        "MARSAD_TELEGRAM_BASE_URL": "http://127.0.0.1:8081/bot",
        "MARSAD_STORAGE_DB": "~/news/marsad.db",
        "UNRELATED_VARIABLE": "x",
    })
    assert config.retrieval.top_k == 5 and isinstance(config.retrieval.top_k, int)
    assert config.retrieval.k1 == 1.2 and isinstance(config.retrieval.k1, float)
    assert config.telegram.allowed_chats == [1, 2]
    assert config.telegram.admins == [-1001234567890, 42]
    assert config.telegram.token == TOKEN
    assert config.telegram.base_url == "http://127.0.0.1:8081/bot"
    assert config.db_path == Path("~/news/marsad.db").expanduser()


@pytest.mark.parametrize(("name", "value"), [("MARSAD_TELEGRAM_ADMINS", "abc"),
                                           ("MARSAD_TELEGRAM_ALLOWED_CHATS", "12,x1"),
                                           ("MARSAD_RETRIEVAL_TOP_K", "five")])
def test_a_number_setting_given_words_says_a_whole_number_is_needed(name, value):
    """Newcomer pass: Python's «invalid literal for int() with base 10» reached the user."""
    with pytest.raises(ConfigError) as caught:
        load_config(env={name: value})
    said = str(caught.value)
    assert "whole number" in said and "literal" not in said and "base 10" not in said


def test_the_file_then_the_environment(tmp_path):
    path = write(tmp_path / "marsad.toml", """
[storage]
db = "/srv/marsad/news.db"

[retrieval]
k1 = 2
b = 0.5
top_k = 4

[telegram]
allowed_chats = [10, -20]
""")
    config = load_config(path, env={"MARSAD_RETRIEVAL_TOP_K": "7"})
    assert config.storage.db == "/srv/marsad/news.db"
    assert config.retrieval.k1 == 2.0 and isinstance(config.retrieval.k1, float)
    assert config.retrieval.b == 0.5
    assert config.retrieval.top_k == 7  # the environment wins
    assert config.telegram.allowed_chats == [10, -20]


def test_config_toml_in_the_working_folder_is_read_without_asking(tmp_path):
    write(tmp_path / "config.toml", "[retrieval]\ntop_k = 9\n")
    assert load_config(env={}).retrieval.top_k == 9


def test_the_example_config_is_valid():
    example = Path(__file__).resolve().parent.parent / "config.example.toml"
    if not example.is_file():
        pytest.skip("config.example.toml is not written yet")
    load_config(example, env={})


@pytest.mark.parametrize(("text", "named"), [
    ("[retrieval]\ntopk = 5\n", "retrieval.topk"),
    ("[search]\nk1 = 1\n", "[search]"),
    ("storage = 5\n", "[storage]"),
    ("[retrieval]\ntop_k = \"many\"\n", "retrieval.top_k"),
    ("[telegram]\nallowed_chats = [\"me\"]\n", "telegram.allowed_chats"),
    ("[retrieval\n", "not valid TOML"),
])
def test_mistakes_in_the_file_are_named(tmp_path, text, named):
    path = write(tmp_path / "mine.toml", text)
    with pytest.raises(ConfigError) as caught:
        load_config(path, env={})
    assert named in str(caught.value)


@pytest.mark.parametrize(("env", "named"), [
    ({"MARSAD_RETRIEVAL_TOPK": "5"}, "retrieval.topk"),
    ({"MARSAD_RETRIEVAL_TOP_K": "five"}, "retrieval.top_k"),
    ({"MARSAD_RETRIEVAL_K1": "1,5"}, "retrieval.k1"),
    ({"MARSAD_TELEGRAM_ADMINS": "42,bob"}, "telegram.admins"),
])
def test_mistakes_in_the_environment_are_named(env, named):
    with pytest.raises(ConfigError) as caught:
        load_config(env=env)
    assert named in str(caught.value)


@pytest.mark.parametrize(("setting", "value", "allowed"), [
    ("retrieval.top_k", "0", "at least 1"),
    ("retrieval.top_k", "-3", "at least 1"),
    ("retrieval.b", "5", "between 0 and 1"),
    ("retrieval.b", "-0.1", "between 0 and 1"),
    ("retrieval.k1", "-1", "at least 0"),
    ("retrieval.epsilon", "-0.5", "at least 0"),
    ("telegram.rate_limit_per_minute", "-1", "at least 0"),
    ("telegram.webhook_port", "70000", "between 1 and 65535"),
    ("telegram.webhook_port", "0", "between 1 and 65535"),
])
def test_a_setting_out_of_its_range_is_named_in_file_and_environment(tmp_path, setting, value,
                                                                       allowed):
    """Break pass: top_k = 0 in config.toml made `marsad ask` say «-k must be at least 1»
    (no -k was given) and the console answer every question with nothing."""
    section, key = setting.split(".")
    variable = f"MARSAD_{section.upper()}_{key.upper()}"
    path = write(tmp_path / "mine.toml", f"[{section}]\n{key} = {value}\n")
    for source in ({"path": path, "env": {}}, {"env": {variable: value}}):
        with pytest.raises(ConfigError) as caught:
            load_config(**source)
        said = str(caught.value)
        assert setting in said and variable in said and allowed in said and value in said


@pytest.mark.parametrize(("setting", "value"), [
    ("retrieval.top_k", "1"), ("retrieval.b", "0"), ("retrieval.b", "1"),
    ("retrieval.k1", "0"), ("telegram.rate_limit_per_minute", "0"),
    ("telegram.webhook_port", "65535"),
])
def test_settings_at_the_ends_of_their_range_are_taken(setting, value):
    section, key = setting.split(".")
    config = load_config(env={f"MARSAD_{section.upper()}_{key.upper()}": value})
    assert float(getattr(getattr(config, section), key)) == pytest.approx(float(value))


def test_top_k_zero_in_the_config_file_is_said_by_every_command(tmp_path):
    (tmp_path / "config.toml").write_text("[retrieval]\ntop_k = 0\n", encoding="utf-8")
    for args in (["ask", "أين التقى بوتين وكيم؟"], ["console"], ["sources"]):
        done = marsad(*args, cwd=tmp_path, db=tmp_path / "m.db")
        assert done.returncode == 2 and "retrieval.top_k" in done.stderr
        assert "-k must" not in done.stderr


def test_a_missing_config_file_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match=r"nowhere\.toml"):
        load_config(tmp_path / "nowhere.toml", env={})


def test_a_world_readable_file_with_a_token_is_warned_about_without_the_token(
        tmp_path, caplog):
    path = write(tmp_path / "config.toml", f'[telegram]\ntoken = "{TOKEN}"\n', mode=0o644)
    with caplog.at_level(logging.WARNING):
        config = load_config(path, env={})
    assert config.telegram.token == TOKEN
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert warnings, "no warning about a readable token file"
    assert str(path) in warnings[0].getMessage()
    assert TOKEN not in caplog.text
    assert all(TOKEN not in r.getMessage() for r in caplog.records)


def test_a_private_file_with_a_token_is_not_warned_about(tmp_path, caplog):
    path = write(tmp_path / "config.toml", f'[telegram]\ntoken = "{TOKEN}"\n', mode=0o600)
    with caplog.at_level(logging.WARNING):
        load_config(path, env={})
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_a_readable_file_without_a_token_is_fine(tmp_path, caplog):
    path = write(tmp_path / "config.toml", "[retrieval]\ntop_k = 2\n", mode=0o644)
    with caplog.at_level(logging.WARNING):
        load_config(path, env={})
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_the_token_never_shows_in_the_configs_repr():
    config = load_config(env={"MARSAD_TELEGRAM_TOKEN": TOKEN,
                              "MARSAD_TELEGRAM_WEBHOOK_SECRET": "s3cr3t-hook"})
    assert TOKEN not in repr(config)
    assert "s3cr3t-hook" not in repr(config)


def test_a_config_path_that_is_a_folder_is_named_as_such_not_as_missing(tmp_path) -> None:
    """`--config /tmp` exists: the reader is told it is no configuration file, not that it
    was not found (the newcomer's check); a path that does not exist is still "not found"."""
    folder = tmp_path / "settings"
    folder.mkdir()
    with pytest.raises(ConfigError) as caught:
        load_config(folder, env={})
    assert "not a configuration file" in str(caught.value) and "not found" not in str(
        caught.value)
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path / "nowhere.toml", env={})
    assert "not found" in str(caught.value)


@pytest.mark.parametrize("name", ["MARSAD_TELEGRAM_ADMIN", "MARSAD_RETRIEVAL_TOPK",
                                  "MARSAD_STORAGE_DATABASE"])
def test_a_misspelt_environment_variable_is_named_as_the_user_typed_it(name):
    """The user set an environment variable: the refusal names that variable, not only
    the configuration key it would have been."""
    with pytest.raises(ConfigError) as caught:
        load_config(env={name: "1"})
    assert name in str(caught.value)
