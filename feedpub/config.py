"""Config: one frozen options object, read from feedpub.toml and overridden by flags."""
from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import ConfigError
from .publish import sidecar

CONFIG_NAME = "feedpub.toml"
# Beside the output directory, named after it like its lock and manifest: `.output.state.json`.
STATE_SUFFIX = "state.json"
CACHE_SUFFIX = "cache"
# Settings that must be at least 1.
POSITIVE_SETTINGS = ("feed_entries", "archive_size", "feed_max_bytes", "index_page_size")
# Settings that must say something: the feed's title and author are required by RFC 4287
# (feedgen refuses a feed without a title), and the authority names every entry's tag URI.
NONEMPTY_SETTINGS = ("title", "author", "id_authority")


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
    # The subscription document (feed.atom) holds this many newest entries; older ones go to
    # RFC 5005 archive documents of `archive_size` entries each (archive/1.atom is the oldest).
    feed_entries: int = 50
    archive_size: int = 100
    # Past this many bytes feed.atom carries fewer entries, newest kept, and a warning says so:
    # well under the readers' limits (FeedBurner 1 MB, CommaFeed 5 MiB, Miniflux 15 MiB).
    feed_max_bytes: int = 1024 * 1024
    # Articles per older index page (index-1.html, ...; index.html holds up to twice that).
    index_page_size: int = 100
    # Kept between builds, outside the served directory; None: beside the output directory.
    state_file: Path | None = None
    cache_dir: Path | None = None
    # Processes that parse the inputs when many changed (pool.py): 0 means one per core,
    # 1 parses in the build's own process. On 2 cores the pool cut a 10,000-article full
    # build from 59 s to 40 s, but gained nothing while other work kept the cores busy
    # (README "Benchmark"): set 1 on a machine that is busy with other work.
    parse_workers: int = 0
    # Processes that render the files when many need it (renderpool.py), the build's own
    # included: 0 means one per core, 1 renders in the build's own process only. The others
    # are forked late in a build, so each shares its memory and adds its own, and each
    # counts it in its resident size: at 10,000 articles on 2 cores the full build took
    # 9.3-9.8 s instead of 10.8-11.3 s, its processes' memory summed 125 MB instead of 111
    # (README "Benchmark"). On many cores and little memory, set 1 or 2.
    render_workers: int = 0

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def base_url(self) -> str:
        return self.site_url if self.site_url.endswith("/") else self.site_url + "/"

    def absolute(self, path: str) -> str:
        """The public URL of a file inside the output directory."""
        return self.base_url + path

    @property
    def state_path(self) -> Path:
        """Where entry history is kept: never inside the directory that is served."""
        return self.state_file or sidecar(self.output_dir, STATE_SUFFIX)

    @property
    def cache_path(self) -> Path:
        """Where parsed articles are cached between builds, also outside what is served."""
        return self.cache_dir or sidecar(self.output_dir, CACHE_SUFFIX)


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
    for name in POSITIVE_SETTINGS:
        if getattr(config, name) < 1:
            raise ConfigError(f"{origin}: setting {name!r} must be at least 1")
    for name in NONEMPTY_SETTINGS:
        if not getattr(config, name).strip():
            raise ConfigError(f"{origin}: setting {name!r} must not be empty")
    for name in ("parse_workers", "render_workers"):
        if getattr(config, name) < 0:
            raise ConfigError(f"{origin}: {name} must be 0 (one per core) or more")
    if urlsplit(config.base_url).scheme not in ("http", "https"):
        raise ConfigError(f"{origin}: site_url must start with http:// or https://")
    return config


def _coerce(name: str, value: object, origin: str) -> object:
    kind = FIELD_TYPES[name]
    if kind in ("Path", "Path | None") and isinstance(value, (str, Path)):
        return Path(value)
    if kind == "int" and isinstance(value, int) and not isinstance(value, bool):
        return value
    if kind == "str" and isinstance(value, str):
        return value
    raise ConfigError(f"{origin}: setting {name!r} must be {kind_name(kind)}")


def kind_name(kind: str) -> str:
    names = {"Path": "a path", "Path | None": "a path", "int": "a whole number", "str": "text"}
    return names.get(kind, kind)
