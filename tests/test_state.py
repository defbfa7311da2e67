"""Entry history between builds: ids, `updated`, duplicates, renames, deletions, lost state.

Every case builds a real site in a temporary directory and reads the feed with feedparser.
"""
from __future__ import annotations

import gc
import json
import shutil
import weakref
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from feedpub.sealing import Sealed
from feedpub.state import Record, State, dump_state, load_state, save_state

from .conftest import run_feedpub
from .sitehelp import article_text, build, feed_entries, snapshot, write

CORRECTION = "\nA correction was added later to this story, with more facts from the ministry.\n"
# A fixed file time (2021-01-01 00:00 UTC) so `updated` values can be asserted exactly.
T0 = 1609459200.0


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no stray feedpub.toml is picked up
    for n, day in enumerate(("2020-03-11", "2020-03-12", "2020-03-13"), start=1):
        write(tmp_path / "in" / f"story-{n}.txt",
              article_text(f"Story number {n} makes news", date=f"{day} 09:30 +00:00"), T0)
    return tmp_path


def ids(site):
    return [entry_id for entry_id, _, _ in feed_entries(site)]


def updated_by_id(site):
    return {entry_id: updated for entry_id, _, updated in feed_entries(site)}


def test_same_input_twice_gives_same_bytes_and_writes_nothing(site, capsys):
    assert build(site) == 0
    first = snapshot(site / "out")
    state = (site / ".out.state.json").read_bytes()
    assert build(site, "--state", str(site / ".out.state.json")) == 0
    assert snapshot(site / "out") == first
    assert (site / ".out.state.json").read_bytes() == state
    assert capsys.readouterr().err == ""


def test_state_lives_outside_the_served_directory(site):
    build(site)
    assert (site / ".out.state.json").is_file()
    assert not any("state" in name or "cache" in name for name in snapshot(site / "out"))


def test_edit_changes_only_that_entry_updated_and_no_id(site):
    build(site)
    before = updated_by_id(site)
    edited = site / "in" / "story-2.txt"
    write(edited, article_text("Story number 2 makes news", date="2020-03-12 09:30 +00:00",
                               extra=CORRECTION), T0 + 86400)
    build(site)
    after = updated_by_id(site)
    assert list(after) == list(before)  # same ids, same order
    changed = [i for i in after if after[i] != before[i]]
    assert changed == ["tag:feedpub,2020:story-2"]
    # The edit is dated by the file's modification time, never by the clock.
    assert after[changed[0]] == "2021-01-02T00:00:00+00:00"
    build(site)
    assert updated_by_id(site) == after  # and it stays put


def test_change_that_publishes_nothing_new_keeps_updated(site):
    build(site)
    before = updated_by_id(site)
    path = site / "in" / "story-2.txt"
    write(path, path.read_text(encoding="utf-8").replace("\n\n", "\n\n\n") + "\n\n", T0 + 9)
    build(site)
    assert updated_by_id(site) == before


def test_edit_after_state_loss_keeps_ids_and_order(site):
    build(site)
    order = ids(site)
    (site / ".out.state.json").unlink()
    build(site)
    assert ids(site) == order


def test_updated_from_the_text_wins(site):
    write(site / "in" / "story-1.txt",
          article_text("Story number 1 makes news", date="2020-03-11 09:30 +00:00",
                       front="updated: 2020-04-01 10:00 +00:00\n"), T0)
    build(site)
    assert updated_by_id(site)["tag:feedpub,2020:story-1"] == "2020-04-01T10:00:00+00:00"


def test_rename_with_state_keeps_the_id(site, capsys):
    build(site)
    order = ids(site)
    (site / "in" / "story-3.txt").rename(site / "in" / "renamed.txt")
    build(site)
    assert ids(site) == order
    err = capsys.readouterr().err
    assert "renamed.txt: renamed from story-3; keeps its entry id" in err
    # Then an edit of the renamed file keeps it too: state knows which input carries the key.
    write(site / "in" / "renamed.txt",
          article_text("Story number 3 makes big news", date="2020-03-13 09:30 +00:00"), T0)
    build(site)
    assert ids(site) == order


def test_new_file_under_a_renamed_articles_old_name_gets_a_fresh_id(site, capsys):
    build(site)
    (site / "in" / "story-3.txt").rename(site / "in" / "renamed.txt")
    build(site)
    write(site / "in" / "story-3.txt",
          article_text("A different story altogether", date="2020-03-14 09:30 +00:00"), T0)
    build(site)
    found = ids(site)
    assert "tag:feedpub,2020:story-3" in found and "tag:feedpub,2020:story-3-2" in found
    assert "entry key 'story-3' is taken" in capsys.readouterr().err


def test_without_state_the_id_comes_from_the_path(site):
    build(site, "--no-cache")
    (site / ".out.state.json").unlink()
    (site / "in" / "story-3.txt").rename(site / "in" / "renamed.txt")
    build(site)
    assert "tag:feedpub,2020:renamed" in ids(site)  # the documented cost of losing state


def test_other_machine_without_state_gives_the_same_ids(site, tmp_path_factory):
    build(site)
    other = tmp_path_factory.mktemp("elsewhere")
    shutil.copytree(site / "in", other / "in")  # new paths, new file times
    build(other)
    assert ids(other) == ids(site)
    assert not (other / ".out.state.json").samefile(site / ".out.state.json")


def test_duplicate_text_is_one_entry_with_a_warning(site, capsys):
    shutil.copy(site / "in" / "story-1.txt", site / "in" / "zz-copy.txt")
    assert build(site, "--strict") == 0  # a duplicate is not a skipped input
    assert len(ids(site)) == 3 and "tag:feedpub,2020:story-1" in ids(site)
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "zz-copy.txt: same article as" in err and "story-1.txt" in err


def test_duplicate_sorting_first_does_not_steal_a_published_id(site):
    build(site)
    shutil.copy(site / "in" / "story-2.txt", site / "in" / "a-copy.txt")
    build(site)
    assert "tag:feedpub,2020:story-2" in ids(site) and len(ids(site)) == 3


def test_deleted_article_leaves_feed_and_its_page_is_removed(site):
    build(site)
    page = site / "out" / "articles" / "story-2.html"
    assert page.is_file()
    (site / "in" / "story-2.txt").unlink()
    build(site)
    assert "tag:feedpub,2020:story-2" not in ids(site)
    assert not page.exists()
    assert "story-2" not in (site / "out" / "index.html").read_text()


def test_front_matter_id_wins_and_changing_it_changes_the_id(site):
    write(site / "in" / "story-1.txt",
          article_text("Story number 1 makes news", date="2020-03-11 09:30 +00:00",
                       front="id: first-story\n"), T0)
    build(site)
    assert "tag:feedpub,2020:first-story" in ids(site)
    assert (site / "out" / "articles" / "first-story.html").is_file()


def test_corrupt_state_is_one_warning_and_treated_as_absent(site, capsys):
    build(site)
    order = ids(site)
    (site / ".out.state.json").write_text("{not json", encoding="utf-8")
    assert build(site) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "state file unreadable" in err[0] and "Traceback" not in err[0]
    assert ids(site) == order
    assert json.loads((site / ".out.state.json").read_text())["format"] == 1


# A state file's sealed archive pages, with {} for the pages.
ARCHIVES = '{{"format": 1, "entries": {{}}, "archives": {{"archive_size": 2, "feed_entries": 3, ' \
    '"pages": {}}}}}'


@pytest.mark.parametrize("content", ['{"format": 1, "entries": {"k": {"name": 3}}}', "[]",
                                     '{"format": 99, "entries": {}}',
                                     '{"format": 1, "entries": {"k": {"name": "a", '
                                     '"fingerprint": "f", "first_seen": "2020-01-01", '
                                     '"last_changed": "2020-01-01"}}}',
                                     ARCHIVES.format('[["a", "b"], ["b"]]'),
                                     ARCHIVES.format('"ab"'), ARCHIVES.format("[[1]]"),
                                     ARCHIVES.replace('"archive_size": 2', '"archive_size": 0'),
                                     ARCHIVES.replace('"feed_entries": 3', '"feed_entries": true')])
def test_malformed_state_files_load_as_empty(tmp_path, content):
    path = tmp_path / "state.json"
    path.write_text(content, encoding="utf-8")
    state, warnings = load_state(path)
    assert state == State() and len(warnings) == 1


def test_state_path_option_and_config_key(site):
    build(site, "--state", str(site / "elsewhere.json"))
    assert (site / "elsewhere.json").is_file() and not (site / ".out.state.json").exists()
    build(site, config=f'state_file = "{site / "from-config.json"}"\n')
    assert (site / "from-config.json").is_file()


def test_first_seen_is_the_file_time_when_first_published(site):
    build(site)
    state, _ = load_state(site / ".out.state.json")
    assert state.records["story-1"].first_seen == datetime.fromtimestamp(T0, timezone.utc)


def test_when_the_original_of_a_duplicate_goes_its_copy_keeps_the_id(site, capsys):
    shutil.copy(site / "in" / "story-1.txt", site / "in" / "zz-copy.txt")
    build(site)
    order = ids(site)
    (site / "in" / "story-1.txt").unlink()
    build(site)
    assert ids(site) == order
    assert "zz-copy.txt: renamed from story-1" in capsys.readouterr().err


def test_two_files_with_one_front_matter_id_skip_the_second(site, capsys):
    for name in ("a.txt", "b.txt"):
        write(site / "in" / name, article_text(f"Story in file {name} makes news",
                                               front="id: shared\n"), T0)
    assert build(site, "--strict") == 1
    assert "b.txt: duplicate entry id 'shared'" in capsys.readouterr().err


def test_corrupt_state_in_a_real_process_is_one_line_and_exit_0(site):
    state = site / "state.json"
    state.write_bytes(b"\x00\xff not json")
    done = run_feedpub("build", "--input", "in", "--output", "out", "--state", str(state),
                       "--quiet", cwd=site)
    assert done.returncode == 0
    assert done.stderr.count("\n") == 1 and "state.json: state file unreadable" in done.stderr
    assert json.loads(state.read_text())["entries"]["story-1"]["name"] == "story-1"


SMALL = "feed_entries = 1\narchive_size = 1\n"


def test_sealed_pages_are_kept_in_the_state_file_and_read_back(site):
    build(site, config=SMALL)
    state, warnings = load_state(site / ".out.state.json")
    assert warnings == [] and state.sealed == Sealed(1, 1, (("story-1",), ("story-2",)))
    assert save_state(state, site / ".out.state.json") is False  # the very bytes


def test_a_state_file_from_before_sealing_is_read_and_gains_the_seals(site, capsys):
    build(site, config=SMALL)
    served = snapshot(site / "out")
    path = site / ".out.state.json"
    data = json.loads(path.read_text())
    del data["archives"]
    path.write_text(json.dumps(data), encoding="utf-8")
    assert build(site, config=SMALL) == 0 and capsys.readouterr().err == ""
    assert snapshot(site / "out") == served and "archives" in json.loads(path.read_text())


def test_the_state_read_is_let_go_before_publishing(site, monkeypatch):
    # At 10,000 articles the state read is 6 MB; the new state holds what a build needs.
    from feedpub import cli

    build(site)
    write(site / "in" / "story-4.txt", article_text("Story number 4 makes news"), T0)
    read, alive = [], []
    real_load, real_publish = cli.load_state, cli.publish_files

    def loading(path):
        state, warnings = real_load(path)
        read.append(weakref.ref(state))
        return state, warnings

    def publishing(*args, **kwargs):
        gc.collect()
        alive.append(read[0]() is not None)
        return real_publish(*args, **kwargs)

    monkeypatch.setattr(cli, "load_state", loading)
    monkeypatch.setattr(cli, "publish_files", publishing)
    assert build(site) == 0
    assert alive == [False]
    assert sorted(json.loads((site / ".out.state.json").read_text())["entries"]) == \
        ["story-1", "story-2", "story-3", "story-4"]


RECORD_TEXT = st.text(st.characters(blacklist_categories=["Cs"]), max_size=12) | st.just("a\udcff")
AWARE = st.datetimes(timezones=st.sampled_from([timezone.utc, timezone(timedelta(hours=5,
                                                                                  minutes=30))]))


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(RECORD_TEXT, st.builds(Record, RECORD_TEXT, RECORD_TEXT, AWARE, AWARE),
                       max_size=5))
def test_the_state_file_is_json_that_reads_back_as_written(records):
    # Names and keys of any characters, file names that are not UTF-8 among them.
    data = dump_state(State(records))
    assert data.isascii()
    entries = json.loads(data)["entries"]
    assert list(entries) == sorted(records)
    for key, record in records.items():
        assert entries[key] == {"fingerprint": record.fingerprint, "name": record.name,
                                "first_seen": record.first_seen.isoformat(),
                                "last_changed": record.last_changed.isoformat()}


def test_the_state_file_is_replaced_whole_only_when_it_changes(tmp_path, monkeypatch):
    # Written in chunks (state.RECORDS_PER_CHUNK), each compared with the file as it goes:
    # the same bytes leave the file alone; any other bytes, longer, shorter or the same
    # length, replace it whole, and no temporary file is left behind.
    monkeypatch.setattr("feedpub.state.RECORDS_PER_CHUNK", 2)
    when = datetime(2021, 1, 1, tzinfo=timezone.utc)
    records = {f"story-{n}": Record(f"story-{n}", f"{n:064x}", when, when) for n in range(7)}
    path = tmp_path / "state.json"
    assert save_state(State(records), path) is True
    before = path.stat()
    assert save_state(State(records), path) is False
    assert path.stat().st_ino == before.st_ino and path.stat().st_mtime_ns == before.st_mtime_ns
    fewer = dict(list(records.items())[:5])
    edited = {**records, "story-6": Record("story-6", "f" * 64, when, when)}
    for changed in (fewer, records, edited, {}, records):
        assert save_state(State(changed), path) is True
        assert path.read_bytes() == dump_state(State(changed))
        assert load_state(path) == (State(changed), [])
    assert [p.name for p in tmp_path.iterdir()] == ["state.json"]
