"""The input edge: bytes of a saved article in, clean text and front matter out."""
from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

# Inputs larger than this are refused rather than read: a saved article is kilobytes, and
# the limit keeps one stray file (a video, a disk image) from exhausting memory.
MAX_INPUT_BYTES = 64 * 1024 * 1024

# Front matter keys feedpub understands; anything else draws a warning.
FRONT_MATTER_KEYS = ("title", "date", "updated", "url", "author", "category", "id", "summary")
# Keys article clippers write (the front matter of a page saved as Markdown) for what feedpub
# calls by another name: read as that key.
FRONT_MATTER_ALIASES = {"source": "url", "published": "date", "modified": "updated",
                        "description": "summary", "authors": "author"}
# Keys clippers write that feedpub has no use for (when the page was clipped, the clipper's
# own tags): left out without a warning, which each clipped file would draw on every build.
FRONT_MATTER_UNUSED = ("created", "tags")
# A value written as a list, one item a line under its key ("author:" / "  - Ann Lee"), and a
# note-taking app's link around a name ("[[Ann Lee]]", "[[ann-lee|Ann Lee]]").
FRONT_MATTER_ITEM = re.compile(r"^\s*-\s+(?P<item>.*)$")
WIKI_LINK = re.compile(r"\[\[(?:[^\]|]*\|)?(?P<shown>[^\]|]*)\]\]")

FENCE = "---"

# Bytes that plain text does not contain: C0 controls other than TAB, LF, FF, CR and ESC
# (form feeds and terminal colour codes do occur in saved dumps). Random bytes are about 10%
# of these; a saved page with a stray NUL is far below the share at which a file is called
# binary (hostile corpus: garbage.txt, image.txt against controls.txt).
BINARY_BYTES = re.compile(b"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")
BINARY_SHARE = 0.03
# Only the start of a file is looked at: enough to tell text from a picture or an archive.
BINARY_SAMPLE = 64 * 1024

# Characters XML 1.0 cannot carry (C0 controls except TAB/LF/CR, surrogates, U+FFFE/U+FFFF).
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# C1 controls (U+0080-U+009F) in text are cp1252 bytes that were read as latin-1 (a cp1252
# file with one byte cp1252 leaves undefined falls back to latin-1): give them back cp1252's
# characters ("\x93" -> a curly quote) and drop the five it leaves undefined. Readers differ
# on these otherwise: feedparser shows cp1252's glyph, browsers an invisible control.
C1_AS_CP1252 = {code: bytes([code]).decode("cp1252", errors="ignore") or None
                for code in range(0x80, 0xA0)}
# Whether there is any C1 control to translate: str.translate with a mapping looks up every
# character of the text (a quarter of a second per 5 MB), and most texts have none.
C1_CONTROL = re.compile("[\x80-\x9f]")
# Any character clean_text changes, XML_ILLEGAL or C1_CONTROL: a text without (most texts) is
# looked through once, not once for each.
UNCLEAN_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x80-\x9f\ud800-\udfff\ufffe\uffff]")

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


# Control characters in a file name would break a message's one line (newline) or drive the
# terminal (escape sequences): messages show them as \xNN.
NAME_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")


def display_name(path: str | Path) -> str:
    """The path as messages show it: undecodable bytes and control characters as \\xNN."""
    if isinstance(path, str) and path.isascii() and path.isprintable():
        return path  # most names, kept as they are: not a second string per input
    text = os.fsencode(path).decode("utf-8", errors="backslashreplace")
    if text.isascii() and text.isprintable():  # most names: nothing to show otherwise
        return text
    return NAME_CONTROLS.sub(lambda m: f"\\x{ord(m[0]):02x}", text)


def read_source(path: str | Path, display: str | None = None) -> Source:
    """Read one input file and split its front matter off."""
    name = display or display_name(path)
    return split_source(name, decode(read_input(path, name)))


def read_input(path: str | Path, name: str) -> bytes:
    """One input file's bytes, refused if binary; the only place feedpub reads article files."""
    try:
        data = read_bounded(path, name)
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from None
    if looks_binary(data):
        raise InputError(name, "binary data, not text (or UTF-16/32 without a byte-order mark)")
    return data


def read_bounded(path: str | Path, name: str) -> bytes:
    """A regular file's bytes, never more than MAX_INPUT_BYTES of them.

    Opened without blocking and checked before reading: a named pipe would hang the build and
    a link to a device such as /dev/zero would never end; a file that grows while it is read
    is cut off by the bounded read, not by its size at the time of stat.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(name, "not a regular file (a pipe, socket or device)")
        if info.st_size > MAX_INPUT_BYTES:
            raise InputError(name, f"too large ({info.st_size} bytes; the limit is "
                                   f"{MAX_INPUT_BYTES})")
        # As many bytes as stat promised and one more: read(MAX_INPUT_BYTES) would allocate
        # 64 MB for every input, however small. Only a file that grew reads on, still bounded.
        wanted = info.st_size + 1
        data = handle.read(wanted)
        if len(data) == wanted:
            data += handle.read(MAX_INPUT_BYTES + 1 - wanted)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(name, f"too large (over {MAX_INPUT_BYTES} bytes)")
    return data


def looks_binary(data: bytes) -> bool:
    """Whether `data` is not text at all: too many control bytes, and no BOM explaining them."""
    if any(data.startswith(bom) for bom, _ in BOMS):
        return False
    sample = data[:BINARY_SAMPLE]
    return len(BINARY_BYTES.findall(sample)) > BINARY_SHARE * len(sample)


def decode(data: bytes) -> str:
    """Bytes to clean text: BOM-aware, UTF-8 first, LF newlines, no XML-illegal characters."""
    return clean_text(_decode_bytes(data))


def clean_text(text: str) -> str:
    """LF newlines only, no C1 controls, and none of the characters XML cannot carry."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not UNCLEAN_CHAR.search(text):
        return text
    text = XML_ILLEGAL.sub("", text)
    return text.translate(C1_AS_CP1252) if C1_CONTROL.search(text) else text


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
    index = 0
    while index < len(lines):
        line, number = lines[index], index + 2
        index += 1
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        key = FRONT_MATTER_ALIASES.get(key, key)
        items = []
        while not value.strip() and index < len(lines) \
                and (item := FRONT_MATTER_ITEM.match(lines[index])) is not None:
            items.append(front_value(item["item"]))  # a list: its items, one a line
            index += 1
        if not sep:
            warnings.append(f"front matter line {number} is not 'key: value'; ignored")
        elif key in FRONT_MATTER_UNUSED:
            continue
        elif key not in FRONT_MATTER_KEYS:
            warnings.append(f"unknown front matter key {key!r} on line {number}; ignored")
        else:
            pairs.append((key, ", ".join(items) if items else front_value(value)))
    return tuple(pairs), warnings


def front_value(value: str) -> str:
    """A front matter value without its quotes and without a wiki link's brackets."""
    return WIKI_LINK.sub(r"\g<shown>", unquoted(value.strip()))


def unquoted(value: str) -> str:
    """The value inside one pair of matching quotes, as YAML reads a quoted scalar; a quote
    that only opens or closes the text is part of it ('Ends with "word"')."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value
