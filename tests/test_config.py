"""Configuration: defaults, feedpub.toml, flags on top, one clear message for a bad value."""
from __future__ import annotations

from pathlib import Path

import pytest

from feedpub import ConfigError
from feedpub.config import Config, load_config


def test_defaults_build_the_sample_without_a_file():
    config = load_config(None, {})
    assert config.input_dir == Path("seeds") and config.output_dir == Path("output")
    assert config.timezone == "UTC"


def test_file_values_and_flag_overrides(tmp_path):
    path = tmp_path / "feedpub.toml"
    path.write_text('title = "From file"\ntimezone = "Europe/Berlin"\n'
                    'site_url = "https://example.org/news"\n', encoding="utf-8")
    config = load_config(path, {"title": "From flag", "timezone": None})
    assert config.title == "From flag"
    assert config.timezone == "Europe/Berlin"
    assert config.absolute("feed.atom") == "https://example.org/news/feed.atom"


@pytest.mark.parametrize("toml, message", [
    ('colour = "blue"\n', "unknown setting 'colour'"),
    ('timezone = "Mars/Olympus"\n', "timezone"),
    ('id_year = "soon"\n', "id_year"),
    ('title = \n', "feedpub.toml"),
    ('title = ""\n', "setting 'title' must not be empty"),
    ('author = "  "\n', "setting 'author' must not be empty"),
    ('id_authority = ""\n', "setting 'id_authority' must not be empty"),
])
def test_bad_settings_are_one_clear_config_error(tmp_path, toml, message):
    path = tmp_path / "feedpub.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path, {})
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_config_is_immutable():
    with pytest.raises(AttributeError):
        Config().title = "x"  # type: ignore[misc]
