"""From an input directory to entries: which files count, ids, slugs, date fallback."""
from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

import pytest

from feedpub.build import find_inputs, load_articles, make_entries, named_inputs
from feedpub.config import validate
from feedpub.entries import slugify
from feedpub.errors import ConfigError

from .conftest import FIXED_MTIME, PARAGRAPHS, make_config, write_article


def entries_of(input_dir, output_dir, **overrides):
    config = make_config(input_dir, output_dir, **overrides)
    loaded, failures = load_articles(config)
    resolved = make_entries(loaded, config)
    entries, duplicates = resolved.entries, resolved.failures
    return entries, failures + duplicates


def test_only_visible_text_and_markdown_files_are_inputs(site_dirs):
    input_dir, _ = site_dirs
    for name in ("a.txt", "sub/b.TXT", "c.text", "notes.md", "d.markdown", "e.html",
                 ".hidden.txt", ".git/d.txt", "README.md", "sub/LICENSE.md", "README.txt"):
        write_article(input_dir, name, "Title")
    found = [p.relative_to(input_dir).as_posix() for p in find_inputs(input_dir)]
    # A folder's README.md is not an article; a README.txt always was one, and stays one.
    assert found == ["README.txt", "a.txt", "c.text", "d.markdown", "notes.md", "sub/b.TXT"]


@pytest.mark.parametrize("given", [".", "./", "seeds", "./seeds/", "seeds//"])
def test_inputs_are_named_as_messages_have_always_shown_them(tmp_path, monkeypatch, given):
    # Input paths are kept as strings, not Paths; they must still read as pathlib spells
    # them ("a.txt", not "./a.txt"), since messages and each article's source show them.
    write_article(tmp_path / "seeds", "a.txt", "Title")
    write_article(tmp_path / "seeds", "sub/b.txt", "Title")
    monkeypatch.chdir(tmp_path / "seeds" if given in (".", "./") else tmp_path)
    named = named_inputs(Path(given))
    assert named == [(name, str(Path(given, inside))) for name, inside in
                     (("a", "a.txt"), ("sub/b", "sub/b.txt"))]
    assert [path for _, path in named][0] in ("a.txt", "seeds/a.txt")


def test_two_articles_that_differ_only_in_suffix_are_both_published(site_dirs):
    # A page saved as text and another clipped as Markdown under the same name: two
    # articles, each with its own entry and page; the first by path keeps the plain name.
    input_dir, output_dir = site_dirs
    write_article(input_dir, "story.md", "Trams return to the old town", "May 2, 2021",
                  paragraphs=tuple(p.replace("night bus", "tram") for p in PARAGRAPHS))
    write_article(input_dir, "story.txt", "Night buses reach the outer districts",
                  "May 1, 2021")
    entries, failures = entries_of(input_dir, output_dir, id_authority="example.org")
    assert not failures
    assert sorted((e.slug, e.article.title) for e in entries) == [
        ("story", "Trams return to the old town"),
        ("story-txt", "Night buses reach the outer districts")]


def test_id_is_the_path_or_the_front_matter_id(site_dirs):
    input_dir, output_dir = site_dirs
    write_article(input_dir, "2021/Café story.txt", "The café that never closes", "May 1, 2021")
    write_article(input_dir, "moved.txt", "A story that moved house", "May 2, 2021", front={"id": "original-name"})
    entries, failures = entries_of(input_dir, output_dir, id_authority="example.org")
    assert not failures
    assert [e.id for e in entries] == ["tag:example.org,2020:original-name",
                                       "tag:example.org,2020:2021/Caf%C3%A9%20story"]
    # The page is named after the id too, so its URL survives renaming the file.
    assert [e.slug for e in entries] == ["original-name", "2021-cafe-story"]


def test_two_files_claiming_one_id_keep_the_first_and_report_the_second(site_dirs):
    input_dir, output_dir = site_dirs
    write_article(input_dir, "a.txt", "The first of two stories", "May 1, 2021", front={"id": "same"})
    write_article(input_dir, "b.txt", "The second of two stories", "May 2, 2021", front={"id": "same"})
    entries, failures = entries_of(input_dir, output_dir)
    assert [e.article.title for e in entries] == ["The first of two stories"]
    assert "b.txt" in str(failures[0]) and "duplicate entry id" in str(failures[0])


def test_the_same_page_saved_twice_is_published_once(site_dirs):
    input_dir, output_dir = site_dirs
    write_article(input_dir, "story.txt", "A story saved twice", "May 1, 2021")
    write_article(input_dir, "story (1).txt", "A story saved twice", "May 1, 2021")
    config = make_config(input_dir, output_dir)
    resolved = make_entries(load_articles(config)[0], config)
    assert [e.slug for e in resolved.entries] == ["story"]
    (warning,) = resolved.warnings
    assert warning.startswith(str(input_dir / "story (1).txt") + ": same article as ")
    assert warning.endswith("story.txt; published once")


def test_slugs_are_unique_and_portable(site_dirs):
    input_dir, output_dir = site_dirs
    write_article(input_dir, "A b.txt", "The first story of the day", "May 1, 2021")
    write_article(input_dir, "a-B.txt", "The second story of the day", "May 1, 2021")
    write_article(input_dir, "日本.txt", "The third story of the day", "May 1, 2021")
    entries, _ = entries_of(input_dir, output_dir)
    assert sorted(e.slug for e in entries) == ["a-b", "a-b-2", "article"]
    assert slugify("x" * 300) == "x" * 80


def test_undated_article_takes_the_file_time_not_the_clock(site_dirs):
    input_dir, output_dir = site_dirs
    path = write_article(input_dir, "undated.txt", "No date here")
    entries, _ = entries_of(input_dir, output_dir)
    assert entries[0].published == datetime.fromtimestamp(FIXED_MTIME, timezone.utc)
    os.utime(path, (FIXED_MTIME + 86400, FIXED_MTIME + 86400))
    assert entries_of(input_dir, output_dir)[0][0].published.day == 14


def test_front_matter_date_wins_and_date_only_is_midnight_in_the_zone(site_dirs):
    input_dir, output_dir = site_dirs
    write_article(input_dir, "a.txt", "A story dated twice", "May 1, 2021",
                  front={"date": "2022-02-03"})
    entries, _ = entries_of(input_dir, output_dir, timezone="America/New_York")
    assert entries[0].published.isoformat() == "2022-02-03T00:00:00-05:00"


def test_unusable_file_is_reported_and_the_rest_built(site_dirs):
    input_dir, output_dir = site_dirs
    write_article(input_dir, "good.txt", "A good story", "May 1, 2021")
    (input_dir / "empty.txt").write_bytes(b"")
    entries, failures = entries_of(input_dir, output_dir)
    assert [e.article.title for e in entries] == ["A good story"]
    assert len(failures) == 1 and "empty.txt" in str(failures[0])


@pytest.mark.parametrize("name", ["parse_workers", "render_workers"])
def test_negative_worker_counts_are_a_config_error(name):
    with pytest.raises(ConfigError, match=name):
        validate({name: -1}, "feedpub.toml")
