"""Config: one frozen options object, read from feedpub.toml and overridden by flags."""
from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import ConfigError

CONFIG_NAME = "feedpub.toml"


@dataclass(frozen=True)
class Config:
    """Everything a build depends on besides the input files themselves."""

    title: str = "feedpub"
    subtitle: str = "Saved articles"
    site_url: str = "http://localhost:8000/"
    author: str = "feedpub"
    timezone: str = "UTC"
    language: str = "en"
    input_dir: Path = Path("seeds")
    output_dir: Path = Path("output")
    # The authority inside every entry id (a tag URI, RFC 4151): a domain or e-mail address
    # of yours. Set it once and never change it; it is deliberately not taken from site_url,
    # so that moving the site to another host or to https changes no entry id.
    id_authority: str = "feedpub"
    id_year: int = 2020
    # How many of the newest entries the subscription feed holds; 0 means every entry.
    # Index and article pages always cover every article.
    feed_entries: int = 0
    # Processes that parse the inputs when there are many: 0 means one per core, 1 means
    # parse in the build's own process (for a machine busy with other work).
    parse_workers: int = 0

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def base_url(self) -> str:
        return self.site_url if self.site_url.endswith("/") else self.site_url + "/"

    def absolute(self, path: str) -> str:
        """The public URL of a file inside the output directory."""
        return self.base_url + path


FIELD_TYPES = {f.name: f.type for f in dataclasses.fields(Config)}


def load_config(path: Path | None, overrides: dict[str, object]) -> Config:
    """Read `path` (if given, or feedpub.toml if present) and apply `overrides` on top."""
    values: dict[str, object] = {}
    if path is None and Path(CONFIG_NAME).is_file():
        path = Path(CONFIG_NAME)
    if path is not None:
        values.update(_read_toml(path))
    values.update({k: v for k, v in overrides.items() if v is not None})
    return validate(values, str(path or "options"))


def _read_toml(path: Path) -> dict[str, object]:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def validate(values: dict[str, object], origin: str) -> Config:
    """Turn raw values into a Config, with one clear message for the first bad one."""
    unknown = sorted(set(values) - set(FIELD_TYPES))
    if unknown:
        raise ConfigError(f"{origin}: unknown setting {unknown[0]!r}")
    clean: dict[str, object] = {}
    for name, value in values.items():
        clean[name] = _coerce(name, value, origin)
    config = Config(**clean)
    try:
        config.tz
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"{origin}: unknown timezone {config.timezone!r}") from None
    if config.feed_entries < 0:
        raise ConfigError(f"{origin}: feed_entries must be 0 (all) or more")
    if config.parse_workers < 0:
        raise ConfigError(f"{origin}: parse_workers must be 0 (one per core) or more")
    if urlsplit(config.base_url).scheme not in ("http", "https"):
        raise ConfigError(f"{origin}: site_url must start with http:// or https://")
    return config


def _coerce(name: str, value: object, origin: str) -> object:
    kind = FIELD_TYPES[name]
    if kind == "Path" and isinstance(value, (str, Path)):
        return Path(value)
    if kind == "int" and isinstance(value, int) and not isinstance(value, bool):
        return value
    if kind == "str" and isinstance(value, str):
        return value
    raise ConfigError(f"{origin}: setting {name!r} must be {kind_name(kind)}")


def kind_name(kind: str) -> str:
    return {"Path": "a path", "int": "a whole number", "str": "text"}.get(kind, kind)
