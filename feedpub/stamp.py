"""The nothing-changed stamp: a cron build that finds nothing changed skips the whole build.

After a build, a stamp beside the output directory records what the build was made from and
what it left: the settings and working directory, feedpub's code and templates and the
libraries' versions, every input's identity (inode, size, modification and change times),
the identities of the state file and the manifest, and every served file's identity. A
later build that finds all of these as they were would read, render and write nothing: it
repeats what the last build said, with the warnings about future dates worked out against
today's clock, and stops without reading the state, the parse cache or the manifest.

A stat is trusted as make and git trust it, with their rule for "racy" files: a stamp is
not written when an input was changed so shortly before the build looked at it that a
second change within the file system's timestamp granularity could go unseen. Every build
that does the work removes the stamp before it writes anything, so a build that fails or is
killed leaves none behind. `--no-cache` never takes the shortcut.
"""
from __future__ import annotations

import hashlib
import json
import os
import platform
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from . import diskio
from .cache import RACY_NS
from .config import Config
from .entries import FUTURE_TOLERANCE
from .plan import renderer_version
from .publish import sidecar

STAMP_SUFFIX = "feedpub-stamp"
STAMP_FORMAT = 2


@dataclass(frozen=True)
class Said:
    """What a build told its user on stderr, to be told again when it is skipped.

    The warnings about dates in the future sit between `before` and `after`, as the build
    printed them; they are kept as (source, published) pairs, because the clock decides
    which of them still apply.
    """

    before: tuple[str, ...]
    future: tuple[tuple[str, str], ...]
    after: tuple[str, ...]
    articles: int
    skipped: int

    def then(self, lines: Sequence[str]) -> Said:
        """What was said, with `lines` said after it."""
        return replace(self, after=(*self.after, *lines))

    def still_future(self, now: datetime) -> list[tuple[str, str]]:
        """The (source, published) of entries that are still dated in the future at `now`."""
        return [(source, when) for source, when in self.future
                if datetime.fromisoformat(when) > now + FUTURE_TOLERANCE]


@dataclass(frozen=True)
class Look:
    """What a build saw of its inputs before reading any, and when."""

    inputs: str     # the digest of every input's name and identity
    racy: bool      # an input changed too shortly before `taken_ns` to be vouched for
    taken_ns: int


def stamp_path(config: Config) -> Path:
    return sidecar(config.output_dir, STAMP_SUFFIX)


def look(config: Config, paths: Iterable[tuple[str, str]]) -> Look:
    """The identities of the inputs `paths` (build.named_inputs) as they are now."""
    taken_ns = time.time_ns()
    digest, newest = identities(paths)
    return Look(digest, newest + RACY_NS >= taken_ns, taken_ns)


def identities(named: Iterable[tuple[str, Path | str]]) -> tuple[str, int]:
    """A digest of each file's name and identity, and the latest time any of them changed."""
    digest = hashlib.sha256()
    newest = 0
    for name, path in named:
        identity = file_identity(path)
        digest.update(identity_line(name, identity))
        newest = max([newest, *identity[2:]])
    return digest.hexdigest(), newest


def identity_line(name: str, identity: tuple[int, ...]) -> bytes:
    return f"{name}\0{identity}\n".encode("utf-8", "surrogateescape")


def file_identity(path: Path | str) -> tuple[int, ...]:
    """Inode, size, modification and change times (a chmod changes the last), or the error
    number alone."""
    try:
        return identity_of(os.stat(path))
    except OSError as exc:
        return (exc.errno or 0,)


def identity_of(stat: os.stat_result) -> tuple[int, ...]:
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


class Served:
    """The files a build left served, each with its identity as publishing stat'ed it
    (publish_files' `on_served`), digested in that order as served_digest digests them: the
    stamp costs no second stat of each file (at 10,000 articles its save took 0.033 s of CPU
    with them, 0.002 s without)."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self._digest = hashlib.sha256()

    def saw(self, name: str, stat: os.stat_result) -> None:
        self.names.append(name)
        self._digest.update(identity_line(name, identity_of(stat)))

    def digest(self) -> str:
        return self._digest.hexdigest()


def basis(config: Config) -> str:
    """Everything besides the files that decides what a build publishes and says."""
    # renderer_version covers feedpub's code and templates and its libraries' versions.
    parts = [str(STAMP_FORMAT), repr(config), os.getcwd(), platform.python_version(),
             renderer_version()]
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def sidecar_identities(config: Config) -> dict[str, list[int]]:
    """The state file's and the manifest's identities: a build that reads either differently
    might publish differently."""
    return {"state": list(file_identity(config.state_path)),
            "manifest": list(file_identity(sidecar(config.output_dir, "manifest")))}


def served_digest(output_dir: Path, names: Sequence[str]) -> str:
    base = os.path.join(output_dir, "")
    return identities((name, base + name) for name in names)[0]


def unchanged(config: Config, seen: Look) -> Said | None:
    """What the last build said, if its stamp shows that nothing has changed since."""
    try:
        stamp = json.loads(stamp_path(config).read_bytes())
        if (stamp["format"] != STAMP_FORMAT or stamp["inputs"] != seen.inputs
                or stamp["taken_ns"] > seen.taken_ns  # the clock went back: trust nothing
                or stamp["sidecars"] != sidecar_identities(config)
                or stamp["basis"] != basis(config)
                or stamp["served"] != served_digest(config.output_dir, stamp["names"])):
            return None
        said = stamp["said"]
        return Said(tuple(said["before"]), tuple(tuple(pair) for pair in said["future"]),
                    tuple(said["after"]), said["articles"], said["skipped"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # no stamp, or not one this feedpub can read: the build does the work


def forget(config: Config) -> None:
    """Remove the stamp before a build changes anything; it is written again at the end."""
    try:
        stamp_path(config).unlink(missing_ok=True)
    except OSError:
        pass  # then the next build finds it out of date: every identity it holds moved on


def save(config: Config, seen: Look, served: Served, said: Said) -> None:
    """Stamp a finished build; not when an input was too recently changed to trust."""
    if seen.racy:
        return
    stamp = {"format": STAMP_FORMAT, "basis": basis(config), "inputs": seen.inputs,
             "taken_ns": seen.taken_ns, "sidecars": sidecar_identities(config),
             "names": served.names, "served": served.digest(),
             "said": {"before": said.before, "future": said.future, "after": said.after,
                      "articles": said.articles, "skipped": said.skipped}}
    try:
        diskio.write_file_atomic(stamp_path(config), json.dumps(stamp).encode("utf-8"))
    except OSError:
        pass  # a missing stamp costs the next build its shortcut, nothing else
