"""Reading input files: encodings, line endings, XML-illegal characters, front matter."""
from __future__ import annotations

import codecs
import os
import stat

import pytest

from feedpub import InputError
from feedpub import source
from feedpub.source import decode, read_source

ACCENTED = "Café “Zürich” – naïve façade"


@pytest.mark.parametrize("data", [
    ACCENTED.encode("utf-8"),
    codecs.BOM_UTF8 + ACCENTED.encode("utf-8"),
    codecs.BOM_UTF16_LE + ACCENTED.encode("utf-16-le"),
    codecs.BOM_UTF16_BE + ACCENTED.encode("utf-16-be"),
    ACCENTED.encode("cp1252"),
], ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "cp1252"])
def test_common_encodings_decode_to_the_same_text(data):
    assert decode(data) == ACCENTED


def test_latin1_bytes_outside_cp1252_still_decode():
    # 0x81 is undefined in cp1252: decoding falls back to latin-1, the C1 control is dropped
    # and the other bytes keep their cp1252 meaning (0x93/0x94 curly quotes).
    data = "Ångström".encode("latin-1") + b" \x93q\x94 \x81"
    assert decode(data) == "Ångström “q” "


def test_line_endings_become_lf():
    assert decode(b"one\r\ntwo\rthree\n") == "one\ntwo\nthree\n"


def test_xml_illegal_characters_are_removed_and_legal_ones_kept():
    assert decode("a\x00b\x07c\x1bd\tz\ufffe😀".encode("utf-8", "surrogatepass")) == "abcd\tz😀"


def test_front_matter_is_split_off_and_unknown_keys_warn(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("---\ntitle: 'Quoted title'\nDate: 2021-05-06\nmood: happy\n---\nBody\n",
                    encoding="utf-8")
    source = read_source(path)
    assert source.front == (("title", "Quoted title"), ("date", "2021-05-06"))
    assert source.text == "Body\n"
    assert source.warnings == (f"{path}: unknown front matter key 'mood' on line 4; ignored",)


@pytest.mark.parametrize("written, value", [
    ('"Quoted title"', "Quoted title"),
    ('Ends with "word"', 'Ends with "word"'),
    ("It's 'single'", "It's 'single'"),
    ('"Neutral" at the start', '"Neutral" at the start'),
])
def test_only_a_matching_pair_of_quotes_is_taken_off_a_value(tmp_path, written, value):
    path = tmp_path / "a.txt"
    path.write_text(f"---\ntitle: {written}\n---\nBody\n", encoding="utf-8")
    assert read_source(path).front == (("title", value),)


# The front matter an article clipper writes for a page it saves as Markdown.
CLIPPED = """---
title: "Night buses reach the outer districts"
source: "https://example.org/news/night-buses"
author:
  - "[[Ann Lee]]"
  - "[[bo-chen|Bo Chen]]"
published: 2021-03-03
created: 2021-03-04
description: "The council extends the night bus service."
tags:
  - "clippings"
mood: happy
---
Body
"""


def test_a_clippers_front_matter_is_read_by_its_own_names(tmp_path):
    path = tmp_path / "clipped.md"
    path.write_text(CLIPPED, encoding="utf-8")
    source = read_source(path)
    assert source.front == (
        ("title", "Night buses reach the outer districts"),
        ("url", "https://example.org/news/night-buses"), ("author", "Ann Lee, Bo Chen"),
        ("date", "2021-03-03"), ("summary", "The council extends the night bus service."))
    # When the page was clipped and the clipper's tags are no use and no news: only the
    # key no clipper writes draws a warning, on its own line.
    assert source.warnings == (f"{path}: unknown front matter key 'mood' on line 12; ignored",)


def test_unclosed_front_matter_is_read_as_text_with_a_warning(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("---\ntitle: x\nBody\n", encoding="utf-8")
    source = read_source(path)
    assert source.front == () and source.text.startswith("---")
    assert "no closing '---'" in source.warnings[0]


def test_unreadable_input_is_an_input_error_naming_the_file(tmp_path):
    with pytest.raises(InputError) as caught:
        read_source(tmp_path / "missing.txt")
    assert str(caught.value).startswith(str(tmp_path / "missing.txt"))
    assert "cannot read" in str(caught.value)


class GrowsAfterStat:
    """os.fstat as if the file had been `shrink` bytes shorter when it was looked at."""

    def __init__(self, shrink: int) -> None:
        self.shrink = shrink
        self.real = os.fstat

    def __call__(self, fd):
        info = self.real(fd)
        fields = list(info)
        fields[stat.ST_SIZE] = max(0, info.st_size - self.shrink)
        return os.stat_result(fields)


def test_a_file_that_grows_while_read_is_read_whole_up_to_the_limit(tmp_path, monkeypatch):
    path = tmp_path / "growing.txt"
    path.write_bytes(b"x" * 100)
    monkeypatch.setattr(source.os, "fstat", GrowsAfterStat(90))
    assert source.read_bounded(path, "growing.txt") == b"x" * 100
    monkeypatch.setattr(source, "MAX_INPUT_BYTES", 50)
    with pytest.raises(InputError, match="growing.txt: too large \\(over 50 bytes\\)"):
        source.read_bounded(path, "growing.txt")
