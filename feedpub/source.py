"""The input edge: bytes of a saved article in, clean text and front matter out."""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

# Inputs larger than this are refused rather than read: a saved article is kilobytes, and
# the limit keeps one stray file (a video, a disk image) from exhausting memory.
MAX_INPUT_BYTES = 64 * 1024 * 1024

# Front matter keys feedpub understands; anything else draws a warning.
FRONT_MATTER_KEYS = ("title", "date", "updated", "url", "author", "category", "id", "summary")

FENCE = "---"

# Characters XML 1.0 cannot carry (C0 controls except TAB/LF/CR, surrogates, U+FFFE/U+FFFF).
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# Encodings tried in order after the byte-order marks: strict UTF-8, then cp1252 for
# legacy "save as text" files; latin-1 last because it accepts any byte.
FALLBACK_ENCODINGS = ("utf-8", "cp1252", "latin-1")

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True)
class Source:
    """One input file's decoded text with its front matter split off."""

    path: str
    text: str
    front: tuple[tuple[str, str], ...]
    warnings: tuple[str, ...]


def read_source(path: Path, display: str | None = None) -> Source:
    """Read one input file and split its front matter off."""
    name = display or str(path)
    return split_source(name, decode(read_input(path, name)))


def read_input(path: Path, name: str) -> bytes:
    """One input file's bytes; the only place feedpub reads article files."""
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(name, f"too large ({size} bytes; the limit is {MAX_INPUT_BYTES})")
        return path.read_bytes()
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from None


def decode(data: bytes) -> str:
    """Bytes to clean text: BOM-aware, UTF-8 first, LF newlines, no XML-illegal characters."""
    return clean_text(_decode_bytes(data))


def clean_text(text: str) -> str:
    """LF newlines only, and none of the characters XML cannot carry."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return XML_ILLEGAL.sub("", text)


def _decode_bytes(data: bytes) -> str:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace")
    for encoding in FALLBACK_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")  # unreachable: latin-1 takes any byte


def split_source(name: str, text: str) -> Source:
    """Split a leading `---` fenced block of `key: value` lines from the text."""
    front, body, warnings = split_front_matter(text)
    return Source(name, body, front, tuple(f"{name}: {w}" for w in warnings))


def split_front_matter(text: str) -> tuple[tuple[tuple[str, str], ...], str, list[str]]:
    lines = text.split("\n")
    if not lines or lines[0].strip() != FENCE:
        return (), text, []
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == FENCE)
    except StopIteration:
        return (), text, ["front matter has no closing '---'; read as article text"]
    pairs, warnings = _front_pairs(lines[1:end])
    return pairs, "\n".join(lines[end + 1:]), warnings


def _front_pairs(lines: list[str]) -> tuple[tuple[tuple[str, str], ...], list[str]]:
    pairs: list[tuple[str, str]] = []
    warnings: list[str] = []
    for number, line in enumerate(lines, start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if not sep:
            warnings.append(f"front matter line {number} is not 'key: value'; ignored")
        elif key not in FRONT_MATTER_KEYS:
            warnings.append(f"unknown front matter key {key!r} on line {number}; ignored")
        else:
            pairs.append((key, value.strip().strip("\"'")))
    return tuple(pairs), warnings
