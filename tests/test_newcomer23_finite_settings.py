"""A number setting that is not finite (`nan`, `inf`: TOML writes both) is refused by name.

`nan` passed every range check (`nan < 0` is false): `k1 = nan` declined every question
with no hits, `epsilon = nan` printed `"score": NaN` (not JSON), `marsad follow --every nan`
polled its feeds without a pause.
"""

from __future__ import annotations

import pytest

from bot.config import ConfigError, load_config

NOT_FINITE = ["nan", "inf", "-inf", "+inf", "-nan"]
FLOAT_KEYS = [("retrieval", "k1"), ("retrieval", "b"), ("retrieval", "epsilon"),
              ("feeds", "every_minutes"), ("feeds", "delay_seconds")]


@pytest.mark.parametrize("section,key", FLOAT_KEYS)
@pytest.mark.parametrize("value", NOT_FINITE)
def test_a_toml_file_with_a_non_finite_number_is_refused(tmp_path, section, key,
                                                         value) -> None:
    file = tmp_path / "config.toml"
    file.write_text(f"[{section}]\n{key} = {value}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=f"{section}.{key}.*finite"):
        load_config(file, env={})


@pytest.mark.parametrize("section,key", FLOAT_KEYS)
@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "Infinity", "-inf"])
def test_an_environment_variable_with_a_non_finite_number_is_refused(section, key,
                                                                     value) -> None:
    with pytest.raises(ConfigError, match=f"{section}.{key}.*finite"):
        load_config(env={f"MARSAD_{section.upper()}_{key.upper()}": value})


@pytest.mark.parametrize("section,key,value", [
    ("retrieval", "k1", "1.2"), ("retrieval", "b", "0"), ("feeds", "every_minutes", "0.5"),
    ("feeds", "delay_seconds", "0")])
def test_finite_numbers_still_read(section, key, value) -> None:
    config = load_config(env={f"MARSAD_{section.upper()}_{key.upper()}": value})
    assert getattr(getattr(config, section), key) == float(value)


@pytest.mark.parametrize("every", ["nan", "inf", "-inf", "NaN", "Infinity"])
def test_follow_every_that_is_not_finite_is_a_usage_mistake(in_process, capsys,
                                                            every) -> None:
    assert in_process(["follow", "https://a.example/rss.xml", f"--every={every}"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("marsad: --every must be") and err.count("\n") == 1


def test_non_finite_k1_in_a_config_file_stops_ask_with_exit_2(in_process, tmp_path,
                                                               capsys) -> None:
    (tmp_path / "config.toml").write_text("[retrieval]\nk1 = nan\n", encoding="utf-8")
    assert in_process(["ask", "--json", "ماذا أهدى بوتين لكيم؟"]) == 2
    captured = capsys.readouterr()
    assert "NaN" not in captured.out and "retrieval.k1" in captured.err
