"""A config file that is readable as written, or refused in one line with exit 2.

A `config.toml` saved with a byte-order mark (Windows Notepad) was "not valid TOML: Invalid
statement (at line 1, column 1)" though every line was right; one saved as UTF-16 said
"'utf-8' codec can't decode byte 0xff"; one the user running Marsad may not read (the
service's user, a file only root reads) ended in an OSError traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ConfigError, load_config

SETTINGS = "[retrieval]\ntop_k = 2\n\n[telegram]\nrate_limit_per_minute = 7\n"


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_byte_order_mark_is_skipped(tmp_path, newline) -> None:
    file = tmp_path / "config.toml"
    file.write_bytes(b"\xef\xbb\xbf" + SETTINGS.replace("\n", newline).encode("utf-8"))
    config = load_config(file, env={})
    assert config.retrieval.top_k == 2 and config.telegram.rate_limit_per_minute == 7


def test_the_working_directory_config_with_a_bom_is_read_too(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "config.toml").write_bytes(b"\xef\xbb\xbf" + SETTINGS.encode("utf-8"))
    assert load_config(env={}).retrieval.top_k == 2


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "cp1256"])
def test_a_file_not_in_utf8_is_told_to_be_saved_as_utf8(tmp_path, encoding) -> None:
    file = tmp_path / "config.toml"
    file.write_bytes(("# إعدادات مرصد\n" + SETTINGS).encode(encoding))
    with pytest.raises(ConfigError, match="not UTF-8 text"):
        load_config(file, env={})


@pytest.mark.parametrize("error", [PermissionError(13, "Permission denied"),
                                   OSError(5, "Input/output error")])
def test_an_unreadable_file_is_a_config_error(tmp_path, monkeypatch, error) -> None:
    file = tmp_path / "config.toml"
    file.write_text(SETTINGS, encoding="utf-8")

    def refuse(self: Path, *args, **kwargs) -> str:
        raise error

    monkeypatch.setattr(Path, "read_text", refuse)
    with pytest.raises(ConfigError, match=f"cannot be read \\({error.strerror}\\)"):
        load_config(file, env={})


def test_an_unreadable_config_is_one_line_and_exit_2(in_process, tmp_path, capsys,
                                                     monkeypatch) -> None:
    file = tmp_path / "root-only.toml"
    file.write_text(SETTINGS, encoding="utf-8")
    real = Path.read_text

    def refuse(self: Path, *args, **kwargs) -> str:
        if self.name == "root-only.toml":
            raise PermissionError(13, "Permission denied")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", refuse)
    assert in_process(["sources", "--config", str(file)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "root-only.toml cannot be read (Permission denied)" in err


def test_invalid_toml_is_still_said_so(tmp_path) -> None:
    file = tmp_path / "config.toml"
    file.write_bytes(b"\xef\xbb\xbf[retrieval\ntop_k = 2\n")
    with pytest.raises(ConfigError, match="is not valid TOML"):
        load_config(file, env={})
