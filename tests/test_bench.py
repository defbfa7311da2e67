"""The benchmark's corpus generator: deterministic, extendable, and usable by every tool."""
from __future__ import annotations

import sys
from datetime import datetime, timezone

from feedpub import parse_article

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from generate import (EDIT_SENTENCE, STYLES, corpus_paths, make_story, render_hugo,  # noqa: E402
                      render_pelican, render_text, write_corpus)


def test_same_seed_same_bytes_and_a_bigger_corpus_extends_a_smaller(tmp_path):
    small = write_corpus(tmp_path / "a", 5, seed=11)
    big = write_corpus(tmp_path / "b", 6, seed=11)
    assert big[:5] == small
    for story in small:
        for kind, path in corpus_paths(tmp_path / "a", story.name).items():
            twin = corpus_paths(tmp_path / "b", story.name)[kind]
            assert path.read_bytes() == twin.read_bytes()


def test_every_date_of_a_large_corpus_is_in_the_past_and_later_articles_are_newer():
    # A date after the day of the run is warned about by feedpub and left out by Hugo: the
    # tools would no longer be doing the same work.
    dates = [make_story(7, index).published for index in (0, 1, 2, 9_999, 10_000, 99_999)]
    assert dates == sorted(dates)
    assert dates[-1] < datetime(2013, 1, 1, tzinfo=timezone.utc)


def test_every_site_style_occurs_and_parses():
    stories = [make_story(7, index) for index in range(60)]
    assert {story.style.name for story in stories} == {style.name for style in STYLES}
    for story in stories:
        article = parse_article(render_text(story), source=story.name)
        assert article.paragraphs, story.name


def test_markdown_twins_carry_the_same_title_date_and_text():
    story = make_story(7, 3)
    for markdown in (render_pelican(story), render_hugo(story)):
        assert story.title in markdown
        assert story.published.strftime("%Y-%m-%d") in markdown
        assert all(paragraph in markdown for paragraph in story.paragraphs)


def test_edit_changes_one_paragraph_only():
    story, edited = make_story(7, 9), make_story(7, 9, edited=True)
    changed = [(a, b) for a, b in zip(story.paragraphs, edited.paragraphs) if a != b]
    assert len(changed) == 1 and changed[0][1] == f"{changed[0][0]} {EDIT_SENTENCE}"
    assert edited.title == story.title and edited.published == story.published


def test_equivalence_yardstick_names_each_changed_file_and_field(tmp_path):
    from equivalence import concatenated, differences

    before = {"corpus/a.txt": {"title": "A", "published": None}, "corpus/b.txt": {"title": "B"}}
    after = {"corpus/a.txt": {"title": "A", "published": "2020-03-13"},
             "corpus/b.txt": {"title": "B"}, "cases/c.txt": {"error": "no title found"}}
    assert differences(before, before) == []
    assert differences(before, after) == ["  cases/c.txt: error", "  corpus/a.txt: published"]
    pages = []
    for name in ("one", "two"):
        pages.append(tmp_path / f"{name}.txt")
        pages[-1].write_bytes(name.encode() * 10)
    assert concatenated(pages, 70) == b"\n\n".join([b"one" * 10, b"two" * 10, b"one" * 10])


def test_the_scaling_check_runs_over_every_kind_of_line():
    """bench/scaling.py at a tiny size, so that it cannot rot; its figures are not checked."""
    import subprocess
    from scaling import LINES
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "scaling.py"), "--count", "3"],
                            capture_output=True, text=True, check=True)
    rows = result.stdout.splitlines()[1:]
    assert len(rows) == 2 * len(LINES)
