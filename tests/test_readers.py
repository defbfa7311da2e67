"""Real feed readers subscribe to the feed served on 127.0.0.1: Newsboat (its SQLite cache
is what we check) and rss2email (one mail per new entry in a Maildir)."""
from __future__ import annotations

import contextlib
import email
import email.policy
import os
import sqlite3
import subprocess
from dataclasses import dataclass, replace
from pathlib import Path

import feedparser
import pytest

from . import hostile
from .realtools import STORIES, build, require_tool, serve_directory

TIMEOUT = 120


@dataclass(frozen=True)
class Newsboat:
    """One Newsboat profile in a temporary home: urls file, config and cache database."""

    home: Path
    binary: str

    @classmethod
    def subscribed(cls, home: Path, binary: str, feed_url: str) -> Newsboat:
        home.mkdir()
        (home / "urls").write_text(feed_url + "\n", encoding="utf-8")
        (home / "config").write_text("", encoding="utf-8")
        return cls(home, binary)

    def reload(self) -> str:
        """`newsboat -x reload print-unread`: fetch every feed, print the unread count."""
        result = subprocess.run(
            [self.binary, "-u", self.home / "urls", "-c", self.home / "cache.db",
             "-C", self.home / "config", "-x", "reload", "print-unread"],
            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=TIMEOUT,
            env={**os.environ, "HOME": str(self.home)})  # it writes ~/.newsboat
        assert result.returncode == 0, result.stderr
        return result.stdout

    def items(self) -> list[tuple[str, str, int]]:
        """(guid, title, unread) for every item in the cache, in insertion order."""
        with contextlib.closing(sqlite3.connect(self.home / "cache.db")) as db:
            return list(db.execute("select guid, title, unread from rss_item order by id"))

    def mark_all_read(self) -> None:
        # `-x` has no mark-read command; the cache is the reader's state.
        with contextlib.closing(sqlite3.connect(self.home / "cache.db")) as db:
            db.execute("update rss_item set unread = 0")
            db.commit()


@pytest.fixture
def two_stories(tmp_path) -> tuple[Path, Path]:
    inputs, output = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    for story in STORIES[:2]:
        story.write(inputs)
    assert build(inputs, output).returncode == 0
    return inputs, output


def test_newsboat_lists_every_entry_once_and_only_new_ones_later(tmp_path, two_stories):
    binary = require_tool("newsboat")
    inputs, output = two_stories
    with serve_directory(output) as url:
        reader = Newsboat.subscribed(tmp_path / "nb", binary, url + "feed.atom")
        assert "2 unread" in reader.reload()
        assert sorted(title for _, title, _ in reader.items()) == sorted(
            s.title for s in STORIES[:2])
        reader.mark_all_read()

        assert build(inputs, output).returncode == 0  # nothing changed: a no-op rebuild
        reader.reload()
        assert len(reader.items()) == 2
        assert not any(unread for *_, unread in reader.items())

        STORIES[2].write(inputs)
        assert build(inputs, output).returncode == 0
        reader.reload()
        unread = [title for _, title, flag in reader.items() if flag]
        assert unread == [STORIES[2].title]
        assert len(reader.items()) == 3
        guids = [guid for guid, *_ in reader.items()]
        assert len(set(guids)) == 3 and all(g.startswith("tag:") for g in guids)
        reader.mark_all_read()

        # An edited article keeps its id: updated in place, not a new item (R1, R3).
        edited = replace(STORIES[0], title=STORIES[0].title + " again")
        edited.write(inputs)
        assert build(inputs, output).returncode == 0
        reader.reload()
        assert len(reader.items()) == 3
        assert edited.title in [title for _, title, _ in reader.items()]
        assert not any(unread for *_, unread in reader.items())


class Rss2email:
    """rss2email delivering into a Maildir, configured through its own commands."""

    def __init__(self, home: Path, binary: str, feed_url: str) -> None:
        self.home, self.binary = home, binary
        self.maildir = home / "Maildir"
        for sub in ("cur", "new", "tmp"):
            (self.maildir / "INBOX" / sub).mkdir(parents=True)
        self.run("new", "reader@example.org")
        config = (home / "cfg").read_text(encoding="utf-8")
        config = config.replace("email-protocol = sendmail", "email-protocol = maildir")
        config = "\n".join(f"maildir-path = {self.maildir}" if line.startswith("maildir-path")
                           else line for line in config.splitlines()) + "\n"
        (home / "cfg").write_text(config, encoding="utf-8")
        self.run("add", "feedpub", feed_url)

    def run(self, *args: str) -> None:
        result = subprocess.run([self.binary, "-c", self.home / "cfg", "-d", self.home / "db.json",
                                 *args], stdin=subprocess.DEVNULL, capture_output=True, text=True,
                                timeout=TIMEOUT, env={**os.environ, "HOME": str(self.home)})
        assert result.returncode == 0, result.stderr

    def subjects(self) -> list[str]:
        """Every mail's Subject, MIME-decoded as a mail program shows it."""
        subjects = []
        for mail in sorted((self.maildir / "INBOX" / "new").iterdir()):
            with open(mail, "rb") as handle:
                subjects.append(str(email.message_from_binary_file(
                    handle, policy=email.policy.default)["Subject"]))
        return subjects


def test_rss2email_mails_each_entry_once(tmp_path, two_stories):
    binary = require_tool("r2e")
    inputs, output = two_stories
    (tmp_path / "r2e").mkdir()
    with serve_directory(output) as url:
        mailer = Rss2email(tmp_path / "r2e", binary, url + "feed.atom")
        mailer.run("run")
        assert sorted(mailer.subjects()) == sorted(s.title for s in STORIES[:2])
        assert build(inputs, output).returncode == 0
        mailer.run("run")
        assert len(mailer.subjects()) == 2
        STORIES[2].write(inputs)
        assert build(inputs, output).returncode == 0
        mailer.run("run")
        subjects = mailer.subjects()
        assert len(subjects) == 3 and STORIES[2].title in subjects


def built_hostile_titles(tmp_path) -> list[str]:
    """Build the hostile corpus into tmp_path/out; the titles feedparser reads from its feed."""
    hostile.write_corpus(tmp_path / "in")
    try:
        assert build(tmp_path / "in", tmp_path / "out").returncode == 0
    finally:
        hostile.unlock(tmp_path / "in")
    return [e.title for e in feedparser.parse(str(tmp_path / "out" / "feed.atom")).entries]


def test_newsboat_shows_hostile_titles_exactly(tmp_path):
    """Markup, quotes, RTL, CJK, emoji and zero-width characters: Newsboat's cache holds the
    very titles feedparser reads from the feed, one item per entry."""
    binary = require_tool("newsboat")
    expected = built_hostile_titles(tmp_path)
    with serve_directory(tmp_path / "out") as url:
        reader = Newsboat.subscribed(tmp_path / "nb", binary, url + "feed.atom")
        reader.reload()
    assert sorted(title for _, title, _ in reader.items()) == sorted(expected)


def test_rss2email_mails_hostile_titles_exactly(tmp_path):
    binary = require_tool("r2e")
    expected = built_hostile_titles(tmp_path)
    (tmp_path / "r2e").mkdir()
    with serve_directory(tmp_path / "out") as url:
        mailer = Rss2email(tmp_path / "r2e", binary, url + "feed.atom")
        mailer.run("run")
    assert sorted(mailer.subjects()) == sorted(expected)
