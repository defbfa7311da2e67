"""Errors feedpub reports: each carries what went wrong and, for inputs, which file."""
from __future__ import annotations


class FeedpubError(Exception):
    """Base class of every error the library raises on purpose."""


class InputError(FeedpubError):
    """One input file could not become an article; the others go on."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self):
        # Rebuilt from its two fields when it comes back from a worker process (pool.py).
        return (type(self), (self.path, self.reason))


class ConfigError(FeedpubError):
    """The configuration file or the command-line options are wrong."""


class PublishError(FeedpubError):
    """Writing the output failed; what was published before is left intact."""


class LockedError(PublishError):
    """Another feedpub build holds the output directory's lock."""


class Stopped(BaseException):
    """A stop signal (SIGTERM, Ctrl-C) arrived while a command was working: raised by the
    command line's handler and unwound to one line and exit 3.

    Not KeyboardInterrupt: CPython marks a KeyboardInterrupt that leaves code it runs from a
    string (a dataclass being defined while a module is imported on first use) as unhandled
    even when it is caught further up, and the interpreter then ends by SIGINT instead of the
    exit code the command returned. A BaseException, like KeyboardInterrupt, so that no
    `except Exception` swallows it.
    """
