"""Configuration: defaults, then `config.toml` (or `--config`), then `MARSAD_<SECTION>_<KEY>`.

Only frontends read configuration; `retrieval/` receives plain values.
"""

from __future__ import annotations

import logging
import math
import os
import stat
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import platformdirs

log = logging.getLogger(__name__)


class ConfigError(Exception):
    """A configuration mistake the user can fix; the message says how."""


@dataclass
class StorageConfig:
    db: str = ""  # empty: the user's data directory


@dataclass
class RetrievalConfig:
    k1: float = 1.5
    b: float = 0.75
    epsilon: float = 0.25
    top_k: int = 3


@dataclass
class TelegramConfig:
    token: str = field(default="", repr=False)
    base_url: str = ""  # e.g. http://127.0.0.1:8081/bot for a local Bot API server
    allowed_chats: list[int] = field(default_factory=list)  # empty: everyone
    admins: list[int] = field(default_factory=list)
    rate_limit_per_minute: int = 20
    webhook_url: str = ""  # empty: long polling
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443
    webhook_secret: str = field(default="", repr=False)


@dataclass
class FeedsConfig:
    urls: list[str] = field(default_factory=list)  # RSS/Atom feeds the bot follows
    every_minutes: float = 15.0  # between two passes over the feeds
    delay_seconds: float = 1.0  # between two requests to one site


@dataclass
class Config:
    storage: StorageConfig = field(default_factory=StorageConfig)
    retrieval: RetrievalConfig = field(default_factory=RetrievalConfig)
    telegram: TelegramConfig = field(default_factory=TelegramConfig)
    feeds: FeedsConfig = field(default_factory=FeedsConfig)

    @property
    def db_path(self) -> Path:
        if self.storage.db:
            return Path(self.storage.db).expanduser()
        return Path(platformdirs.user_data_dir("marsad")) / "marsad.db"


def _coerce(value: Any, default: Any, name: str, kind: str = "") -> Any:
    """Turn a TOML or environment value into the type of the default (`kind`: the
    field's annotation, which says what an empty list holds)."""
    try:
        if kind == "list[str]":
            if isinstance(value, str):
                value = value.replace(";", ",").replace(" ", ",").split(",")
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValueError(f"expected a list of text, got {value!r}")
            return [v.strip() for v in value if v.strip()]
        if isinstance(default, bool):
            if isinstance(value, str):
                return value.strip().lower() in {"1", "true", "yes", "on"}
            return bool(value)
        if isinstance(default, list):
            if isinstance(value, str):
                value = [v for v in value.replace(";", ",").split(",") if v.strip()]
            return [_whole(v) for v in value]
        if isinstance(default, int):
            return _whole(value)
        if isinstance(default, float):
            if isinstance(value, bool):
                raise ValueError(f"expected a number, got {value!r}")
            number = float(value)
            if not math.isfinite(number):  # TOML's nan and inf pass every range check
                raise ValueError(f"expected a finite number, got {value!r}")
            return number
        if not isinstance(value, str):
            raise ValueError(f"expected text, got {value!r}")
        return value
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"configuration value {name} is not valid: {exc}") from None


def check_feeds(feeds: FeedsConfig) -> None:
    """Feed URLs must be http(s) and the intervals positive: said before anything runs."""
    for url in feeds.urls:
        from retrieval.fetching import is_url  # httpx: loaded only when feeds are set

        if not is_url(url):
            raise ConfigError(f"feeds.urls: {url!r} is not an http:// or https:// URL")
    if feeds.every_minutes <= 0 or feeds.delay_seconds < 0:
        raise ConfigError("feeds.every_minutes must be above 0 and feeds.delay_seconds "
                          "0 or more")


# Each numeric setting's allowed range (low, high; None: no bound). Outside it a setting
# would not fail at once but quietly misbehave: top_k 0 shows nothing, b 5 inverts BM25's
# length normalisation, a negative k1 turns every match into a penalty.
RANGES: dict[tuple[str, str], tuple[float | None, float | None]] = {
    ("retrieval", "top_k"): (1, None),
    ("retrieval", "k1"): (0, None),
    ("retrieval", "b"): (0, 1),
    ("retrieval", "epsilon"): (0, None),
    ("telegram", "rate_limit_per_minute"): (0, None),  # 0: no limit
    ("telegram", "webhook_port"): (1, 65535),
}


def check_ranges(config: Config) -> None:
    """Each numeric setting within RANGES, else a ConfigError that names the setting, its
    environment variable, the allowed range and the value given."""
    for (section, key), (low, high) in RANGES.items():
        value = getattr(getattr(config, section), key)
        if (low is not None and value < low) or (high is not None and value > high):
            allowed = (f"between {low} and {high}" if low is not None and high is not None
                       else f"at least {low}" if low is not None else f"at most {high}")
            raise ConfigError(f"configuration value {section}.{key} "
                              f"(MARSAD_{section.upper()}_{key.upper()}) must be {allowed}, "
                              f"not {value}")


def _whole(value: Any) -> int:
    """An integer setting: 20 or "20", never 2.5 or true."""
    if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
        raise ValueError(f"expected a whole number, got {value!r}")
    if isinstance(value, str):
        text = value.strip()
        if not text.lstrip("+-").isdigit():  # not int()'s own «invalid literal» wording
            raise ValueError(f"expected a whole number, got {value!r}")
        return int(text)
    return int(value)


def _apply(section: Any, values: dict[str, Any], where: str, from_env: bool = False) -> None:
    known = {f.name: f for f in fields(section)}
    for key, value in values.items():
        if key not in known and from_env:  # name what the user set, not our key for it
            raise ConfigError(f"unknown environment variable MARSAD_{where.upper()}_"
                              f"{key.upper()} (no configuration key {where}.{key})")
        if key not in known:
            raise ConfigError(f"unknown configuration key {where}.{key}")
        setattr(section, key, _coerce(value, getattr(section, key), f"{where}.{key}",
                                      str(known[key].type)))


def _warn_if_world_readable(path: Path, data: dict[str, Any]) -> None:
    if not data.get("telegram", {}).get("token"):
        return
    try:
        mode = path.stat().st_mode
    except OSError:
        return
    if mode & (stat.S_IRGRP | stat.S_IROTH):
        log.warning("%s holds a bot token and is readable by other users; run: chmod 600 %s",
                    path, path)


def _read_toml(file: Path) -> dict[str, Any]:
    """The file's TOML, or a ConfigError that says why not in one line: unreadable (a file
    only root may read, when the service runs as its own user), not UTF-8, not TOML. The
    byte-order mark Windows editors put first is no mistake and is skipped."""
    not_utf8 = ConfigError(f"{file} is not UTF-8 text (save it as UTF-8: TOML is UTF-8)")
    try:
        text = file.read_text(encoding="utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise not_utf8 from None
    except OSError as exc:
        raise ConfigError(f"{file} cannot be read ({exc.strerror or exc})") from None
    if "\x00" in text:  # UTF-16 without its mark decodes as UTF-8 with NULs between
        raise not_utf8
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{file} is not valid TOML: {exc}") from None


def load_config(path: str | Path | None = None, env: dict[str, str] | None = None) -> Config:
    """Defaults, then the file (explicit path, else ./config.toml if present), then env."""
    env = os.environ if env is None else env
    config = Config()
    explicit = path is not None
    file = Path(path) if explicit else Path("config.toml")
    if explicit and not file.exists():
        raise ConfigError(f"configuration file not found: {file}")
    if explicit and not file.is_file():
        raise ConfigError(f"{file} is not a configuration file (a TOML file is expected)")
    if file.is_file():
        data = _read_toml(file)
        for name, values in data.items():
            section = getattr(config, name, None)
            if section is None or not isinstance(values, dict):
                raise ConfigError(f"unknown configuration section [{name}] in {file}")
            _apply(section, values, name)
        _warn_if_world_readable(file, data)
    for f in fields(config):
        section = getattr(config, f.name)
        prefix = f"MARSAD_{f.name.upper()}_"
        overrides = {
            k[len(prefix):].lower(): v for k, v in env.items() if k.startswith(prefix)
        }
        if overrides:
            _apply(section, overrides, f.name, from_env=True)
    check_feeds(config.feeds)
    check_ranges(config)
    return config
