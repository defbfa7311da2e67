"""A hostile input directory, generated at test time (nothing large is checked in).

Each generator writes one or a few files and says what a build must make of them: an entry
with a known title and text, a skip whose one warning line names the file and the reason, or
nothing at all (not an article file). The cases follow issue 6's list: encodings, controls,
markup in text, scripts, odd dates, odd names and file-system traps.
"""
from __future__ import annotations

import contextlib
import os
import random
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# Every dated good case is dated in the past in this zone unless it says otherwise.
ZONE = "Europe/Berlin"
# Files whose date cannot be read are dated by their mtime: this one, fixed for the test.
FALLBACK_MTIME = 1_600_000_000  # 2020-09-13T12:26:40Z


@dataclass(frozen=True)
class Case:
    """One input and what a build must do with it."""

    name: str                          # path inside the input directory, as the warning shows it
    expect: str                        # "entry", "skipped", "duplicate" or "nothing"
    title: str = ""                    # the entry's title (expect == "entry")
    fragments: tuple[str, ...] = ()    # text that must reach the entry's content, unchanged
    reason: str = ""                   # words its one warning must contain (skipped, duplicate)
    published: str | None = None       # the entry's published date, ISO 8601


# Good cases the parser still gets wrong, with what goes wrong. Kept here so the test fails
# both when a new case breaks and when one of these is fixed (then delete its line).
KNOWN_GAPS: dict[str, str] = {}


PROSE = ("Officials said on Friday that the works on the old bridge would take longer than "
         "planned, because the divers had found more damage below the waterline.",
         "Traffic will use the ferry until the autumn, and the council has promised to add "
         "evening crossings for people who work late shifts in the city centre.")


def article(title: str, paragraphs: tuple[str, ...] = PROSE, date: str = "March 13, 2020",
            newline: str = "\n") -> str:
    """A saved page: chrome, headline, date line, prose, footer."""
    parts = ("Skip to content", "Menu", title, date, *paragraphs, "Share", "Back to top")
    return newline.join(p + newline for p in parts)


def write(directory: Path, name: str, data: str | bytes, encoding: str = "utf-8") -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return path


def good(directory: Path, name: str, title: str, paragraphs: tuple[str, ...] = PROSE,
         data: str | bytes | None = None, encoding: str = "utf-8",
         published: str | None = "2020-03-13T00:00:00+01:00") -> Case:
    write(directory, name, article(title, paragraphs) if data is None else data, encoding)
    return Case(name, "entry", title=title, fragments=paragraphs, published=published)


# --- unusable files ------------------------------------------------------------------------

def empty_files(d: Path) -> list[Case]:
    write(d, "empty.txt", b"")
    write(d, "whitespace.txt", " \n\t\n   \r\n\n")
    write(d, "chrome-only.txt", "Skip to content\n\nMenu\n\nSearch\n\nShare\n\n© 2020 Example\n")
    return [Case("empty.txt", "skipped", reason="empty"),
            Case("whitespace.txt", "skipped", reason="empty"),
            Case("chrome-only.txt", "skipped", reason="no ")]


def binary_garbage(d: Path) -> list[Case]:
    noise = random.Random(6).randbytes(64 * 1024)
    write(d, "garbage.txt", noise)
    write(d, "image.txt", b"\x89PNG\r\n\x1a\n" + noise[:4096])
    return [Case("garbage.txt", "skipped", reason="binary"),
            Case("image.txt", "skipped", reason="binary")]


# --- good articles in hostile clothing -----------------------------------------------------

def controls(d: Path) -> list[Case]:
    title = "Harbour\x00 reopens\x0b after\x1b the\ufffe storm"
    text = article(title, (PROSE[0].replace("divers", "div\x00ers\x07"), PROSE[1]))
    case = good(d, "controls.txt", "Harbour reopens after the storm", data=text)
    return [case]


def encodings(d: Path) -> list[Case]:
    accents = ("Zürich café owners said the “new rules” were unfair, and that they would "
               "appeal to the court before the end of the month.",)
    latin = ("Zürich café owners said the new rules were unfair, and that they would appeal "
             "to the court before the end of the month, déjà vu.",)
    return [
        good(d, "bom-utf8.txt", "Café owners appeal", accents,
             data="\ufeff" + article("Café owners appeal", accents)),
        good(d, "bom-utf16.txt", "Café owners appeal again", accents,
             data=article("Café owners appeal again", accents), encoding="utf-16"),
        good(d, "cp1252.txt", "Café owners’ appeal fails", accents,
             data=article("Café owners’ appeal fails", accents), encoding="cp1252"),
        # One byte cp1252 leaves undefined (0x81) sends decoding to latin-1: the curly quotes
        # must still come out as curly quotes, not as C1 controls.
        good(d, "cp1252-stray-byte.txt", "Café owners’ second appeal", accents,
             data=article("Café owners’ second appeal", accents).encode("cp1252") + b"\x81\n"),
        good(d, "latin1.txt", "Café owners lose in Zürich", latin,
             data=article("Café owners lose in Zürich", latin), encoding="latin-1"),
    ]


def newlines(d: Path) -> list[Case]:
    return [
        good(d, "crlf.txt", "Windows newlines story",
             data=article("Windows newlines story", newline="\r\n")),
        good(d, "cr.txt", "Old Mac newlines story",
             data=article("Old Mac newlines story", newline="\r")),
    ]


def hard_wrapped(d: Path) -> list[Case]:
    paragraphs = tuple(p * 3 for p in PROSE)
    wrapped = tuple(textwrap.fill(p, 80) for p in paragraphs)
    return [good(d, "wrapped.txt", "Hard wrapped bridge story", paragraphs,
                 data=article("Hard wrapped bridge story", wrapped))]


def markup_in_text(d: Path) -> list[Case]:
    title = 'Mayor\'s "plan" <script>alert(1)</script> & more ]]> here'
    body = ("The mayor wrote <script>alert('body')</script> & <b>bold</b> words on the board, "
            "then ]]> and <!-- a comment --> and &amp; appeared in the minutes that day.",
            PROSE[1])
    return [good(d, "markup.txt", title, body)]


def scripts(d: Path) -> list[Case]:
    arabic = ("قال مسؤولون يوم الجمعة إن أعمال الجسر القديم ستستغرق وقتا أطول مما كان مخططا له "
              "لأن الغواصين وجدوا أضرارا أكبر تحت خط الماء.",)
    chinese = ("官员周五表示，旧桥的工程将比计划的时间更长，因为潜水员在水线以下发现了更多的损坏。"
               "在秋季之前，交通将改用渡轮，市议会承诺为上晚班的人增加晚间班次。",)
    return [
        good(d, "rtl.txt", "أعمال الجسر القديم تتأخر", arabic),
        good(d, "cjk.txt", "旧桥工程将推迟到秋季完成", chinese,
             data=article("旧桥工程将推迟到秋季完成", chinese, date="2020年3月13日")),
    ]


def emoji_zero_width(d: Path) -> list[Case]:
    title = "Bridge\u200b fans 👷🏽‍♀️ celebrate \u2060the reopening"
    body = ("Crowds 🎉 gathered on both banks\u200d of the river to watch the first tram cross "
            "the repaired bridge on Friday afternoon.", PROSE[1])
    return [good(d, "emoji.txt", title, body)]


def odd_dates(d: Path) -> list[Case]:
    cases = []
    for name, line in (("weekday-only", "Tuesday"), ("impossible-date", "32/13/2020"),
                       ("year-99999", "March 13, 99999")):
        path = write(d, f"{name}.txt", article(f"Story dated {name}", date=line))
        os.utime(path, (FALLBACK_MTIME, FALLBACK_MTIME))
        cases.append(Case(path.name, "entry", title=f"Story dated {name}", fragments=PROSE,
                          published="2020-09-13T14:26:40+02:00"))  # the mtime, in ZONE
    cases.append(good(d, "zoned.txt", "Story with a zone",
                      data=article("Story with a zone", date="March 13, 2020 10:00 EST"),
                      published="2020-03-13T10:00:00-05:00"))
    cases.append(good(d, "future.txt", "Story from the future",
                      data=article("Story from the future", date="March 13, 2099"),
                      published="2099-03-13T00:00:00+01:00"))
    return cases


def same_article_twice(d: Path) -> list[Case]:
    """The first by name is published; the copy is skipped, naming the first."""
    text = article("The same story saved twice")
    write(d, "twice (copy).txt", text)
    # One entry, from the first name by path; the copy draws a warning naming both.
    return [good(d, "twice.txt", "The same story saved twice", data=text),
            Case("twice (copy).txt", "duplicate", reason=r"same article as .*twice\.txt")]


def odd_names(d: Path) -> list[Case]:
    long_name = "a-very-long-name-" * 14 + "end.txt"  # 245 bytes: just under NAME_MAX
    return [good(d, name, f"Story from an odd file name {i}")
            for i, name in enumerate(("with some spaces.txt", "ünïcödé 記事.txt",
                                      "-leading-dash.txt", long_name, "index.txt",
                                      "feed.txt"))]


def control_names(d: Path) -> list[Case]:
    """A newline and a terminal escape in file names: the warning stays one plain line."""
    write(d, "empty\nname.txt", b"")
    write(d, "\x1b[2Jclear.txt", b"")
    return [Case("empty\\x0aname.txt", "skipped", reason="empty"),
            Case("\\x1b[2Jclear.txt", "skipped", reason="empty")]


def undecodable_name(d: Path) -> list[Case]:
    """A file name that is not UTF-8 (Linux allows any bytes but / and NUL)."""
    raw = os.fsencode(d) + b"/latin1-caf\xe9.txt"
    with open(raw, "wb") as handle:
        handle.write(article("Story with a Latin-1 file name").encode())
    return [Case(os.fsdecode(raw)[len(str(d)) + 1:], "entry",
                 title="Story with a Latin-1 file name", fragments=PROSE)]


def file_system_traps(d: Path) -> list[Case]:
    write(d, "folder.txt/inside.txt", article("Story inside a folder named like a file"))
    (d / "loop.txt").symlink_to("loop.txt")
    os.mkfifo(d / "pipe.txt")  # reading it would wait for a writer forever
    (d / "zeros.txt").symlink_to("/dev/zero")  # size 0, and no end
    (d / "sub").mkdir()
    (d / "sub" / "up").symlink_to("..", target_is_directory=True)
    return [Case("folder.txt/inside.txt", "entry",
                 title="Story inside a folder named like a file", fragments=PROSE),
            Case("loop.txt", "skipped", reason="symbolic links"),
            Case("pipe.txt", "skipped", reason="not a regular file"),
            Case("zeros.txt", "skipped", reason="not a regular file")]


def unreadable(d: Path) -> list[Case]:
    """chmod 000; as root the file stays readable, so then it is a good article."""
    path = write(d, "unreadable.txt", article("Story nobody may read"))
    path.chmod(0)
    if can_read(path):
        return [Case("unreadable.txt", "entry", title="Story nobody may read", fragments=PROSE)]
    return [Case("unreadable.txt", "skipped", reason="Permission denied")]


def unlock(directory: Path) -> None:
    """Give the unreadable file its mode back, so that the test's tmp_path can be removed."""
    with contextlib.suppress(FileNotFoundError):
        (directory / "unreadable.txt").chmod(0o644)


def can_read(path: Path) -> bool:
    try:
        with open(path, "rb"):
            return True
    except PermissionError:
        return False


GENERATORS: tuple[Callable[[Path], list[Case]], ...] = (
    empty_files, binary_garbage, controls, encodings, newlines, hard_wrapped, markup_in_text,
    scripts, emoji_zero_width, odd_dates, same_article_twice, odd_names, control_names,
    undecodable_name, file_system_traps, unreadable,
)


def write_corpus(directory: Path) -> tuple[Case, ...]:
    """Write every hostile case into `directory`; what a build must make of each."""
    directory.mkdir(parents=True, exist_ok=True)
    return tuple(case for generate in GENERATORS for case in generate(directory))


# --- big inputs, each written only by the test that needs it -------------------------------

def write_tiny_files(directory: Path, count: int) -> None:
    """`count` tiny but complete articles."""
    directory.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        write(directory, f"tiny-{n:05d}.txt",
              f"Tiny note number {n}\n\nMarch 13, 2020\n\nThis is tiny note {n}, and it has "
              f"just enough words to read as a sentence.\n")


def write_long_line(path: Path, size: int) -> None:
    """A headline, then one paragraph of `size` bytes on a single line."""
    words = " ".join(PROSE) + " "
    line = (words * (size // len(words) + 1))[:size]
    write(path.parent, path.name, f"One very long line\n\nMarch 13, 2020\n\n{line}\n")


def write_huge_article(path: Path, size: int) -> None:
    """A real article whose body runs on for `size` bytes of ordinary paragraphs."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("A report that never ends\n\nMarch 13, 2020\n\n")
        paragraph = " ".join(PROSE) + "\n\n"
        for _ in range(size // len(paragraph)):
            handle.write(paragraph)
