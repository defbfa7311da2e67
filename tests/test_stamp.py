"""The nothing-changed stamp (stamp.py): a build that finds nothing changed does no work and
says what the last build said; any change to what a build reads makes the next build do the
work, and a build that fails leaves no stamp."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from feedpub import cli, stamp
from feedpub.errors import PublishError

from .sitehelp import article_text, build, snapshot, write
from .sites import build_command, feedpub_build, site_files, write_articles

T0 = 1_600_000_000
BROKEN = "\n\n\n"  # no article in it: skipped with a message


def add(site: Path, name: str, n: int, date: str | None = None) -> Path:
    date = date or f"2020-03-{n:02d} 09:30 +00:00"
    return write(site / "in" / f"{name}.txt", article_text(f"Story {name} number {n}", date),
                 T0 + n)


@pytest.fixture
def site(tmp_path, monkeypatch):
    """Three articles and one broken input; stats trusted at once (no racy window)."""
    monkeypatch.chdir(tmp_path)
    # A stamp is not written while an input is younger than RACY_NS; these tests write their
    # inputs a moment before building, and the window itself is tested on its own below.
    monkeypatch.setattr(stamp, "RACY_NS", 0)
    for n in range(1, 4):
        add(tmp_path, f"a{n}", n)
    write(tmp_path / "in" / "broken.txt", BROKEN, T0)
    return tmp_path


@pytest.fixture
def work(monkeypatch):
    """How many builds read their inputs (the shortcut reads none)."""
    calls: list[int] = []
    real = cli.load_inputs

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(cli, "load_inputs", counting)
    return calls


def run(site: Path, capsys, *options: str) -> tuple[int, str, str]:
    args = ["build", "--input", str(site / "in"), "--output", str(site / "out"), *options]
    code = cli.main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def served_stats(site: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in sorted((site / "out").rglob("*")) if p.is_file()}


def test_a_build_with_nothing_changed_does_no_work_and_says_the_same(site, work, capsys):
    run(site, capsys)
    stamp.forget(cli.load_config(None, {"output_dir": site / "out"}))
    slow = run(site, capsys, "--strict")   # nothing changed, found out the long way
    before = served_stats(site)
    assert len(work) == 2
    fast = run(site, capsys, "--strict")
    assert len(work) == 2, "the second unchanged build read its inputs"
    assert fast == slow
    assert fast[0] == cli.EXIT_SKIPPED and "skipped" in fast[2] and "broken.txt" in fast[2]
    assert "0 files written, 0 removed" in fast[1]
    assert served_stats(site) == before
    assert run(site, capsys)[0] == cli.EXIT_OK  # --strict decides the code, not the stamp


def test_the_stamp_holds_every_served_file_as_it_is(site, work, capsys):
    # Publishing tells the stamp each file's stat as it leaves it: after a build that wrote
    # every file, and after one that left every file alone.
    config = cli.load_config(None, {"output_dir": site / "out"})
    for _ in range(2):
        run(site, capsys)
        saved = json.loads(stamp.stamp_path(config).read_bytes())
        served = [p.relative_to(site / "out").as_posix()
                  for p in (site / "out").rglob("*") if p.is_file()]
        assert sorted(saved["names"]) == sorted(served)
        assert saved["served"] == stamp.served_digest(site / "out", saved["names"])
        stamp.forget(config)
    assert len(work) == 2


def test_no_cache_always_does_the_work(site, work, capsys):
    run(site, capsys)
    run(site, capsys, "--no-cache")
    assert len(work) == 2


def edit_same_size_same_mtime(site: Path) -> None:
    path = site / "in" / "a1.txt"
    text = path.read_text()
    write(path, text.replace("Story a1", "Story b1"), T0 + 1)  # only the change time tells


def chmod_input(site: Path) -> None:
    os.chmod(site / "in" / "a2.txt", 0o600)


def rewrite_served_page(site: Path) -> None:
    page = next((site / "out").rglob("*.html"))
    page.write_bytes(page.read_bytes().replace(b"Story", b"Stroy"))


CHANGES = {
    "an input edited, size and mtime kept": edit_same_size_same_mtime,
    "an input added": lambda site: add(site, "a9", 9),
    "an input removed": lambda site: (site / "in" / "a3.txt").unlink(),
    "an input renamed": lambda site: (site / "in" / "a3.txt").rename(site / "in" / "c3.txt"),
    "an input's permissions": chmod_input,
    "a broken input fixed": lambda site: add(site, "broken", 5),
    "a served page deleted": lambda site: (site / "out" / "index.html").unlink(),
    "a served page rewritten": rewrite_served_page,
    "the state file deleted": lambda site: next(site.glob(".out.state*")).unlink(),
    "the manifest touched": lambda site: os.utime(next(site.glob(".out.manifest"))),
    "a setting": lambda site: write(site / "feedpub.toml", 'title = "Another title"\n'),
}


@pytest.mark.parametrize("change", CHANGES)
def test_any_change_makes_the_next_build_do_the_work(site, work, capsys, change):
    twin = site / "twin"  # the same site, its stamp removed before each build
    shutil.copytree(site / "in", twin / "in")
    said = []
    for where in (site, twin):
        with pytest.MonkeyPatch.context() as patch:
            patch.chdir(where)
            run(where, capsys)
            CHANGES[change](where)
            stamp.forget(cli.load_config(None, {"output_dir": twin / "out"}))
            code, out, err = run(where, capsys)
        assert len(work) == (2 if where == site else 4)
        said.append((code, out.replace(str(where), "SITE"), err.replace(str(where), "SITE")))
    assert said[0] == said[1]
    assert snapshot(site / "out") == snapshot(twin / "out")


def test_a_new_feedpub_does_the_work(site, work, capsys, monkeypatch):
    run(site, capsys)
    monkeypatch.setattr(stamp, "renderer_version", lambda: "another version of feedpub")
    run(site, capsys)
    assert len(work) == 2


def test_inputs_changed_just_before_a_build_are_not_vouched_for(site, work, capsys,
                                                                monkeypatch):
    monkeypatch.setattr(stamp, "RACY_NS", 60 * 10**9)  # the inputs are seconds old
    run(site, capsys)
    assert not stamp.stamp_path(cli.load_config(None, {"output_dir": site / "out"})).exists()
    run(site, capsys)
    assert len(work) == 2


def test_a_failed_build_leaves_no_stamp(site, work, capsys, monkeypatch):
    run(site, capsys)
    config = cli.load_config(None, {"output_dir": site / "out"})
    assert stamp.stamp_path(config).exists()
    add(site, "a9", 9)

    def full_disk(*args, **kwargs):
        raise PublishError("out: cannot write: No space left on device")

    monkeypatch.setattr(cli, "publish_files", full_disk)
    assert run(site, capsys)[0] == cli.EXIT_FATAL
    assert not stamp.stamp_path(config).exists()


def test_a_build_killed_mid_write_leaves_no_stamp(tmp_path):
    """Real processes: a stamped site, a changed input, a build SIGKILLed while it replaces
    files; the next build must publish the change, not trust the old stamp."""
    inputs, output = tmp_path / "in", tmp_path / "output"
    write_articles(inputs, range(300))
    time.sleep(stamp.RACY_NS / 1e9 + 0.2)  # old enough to be vouched for
    assert feedpub_build(inputs, output, "--quiet").returncode == 0
    assert (tmp_path / f".output.{stamp.STAMP_SUFFIX}").exists()
    write_articles(inputs, range(300), revision=1)
    build = subprocess.Popen(build_command(inputs, output, "--quiet"), cwd=tmp_path)
    while build.poll() is None and not (tmp_path / ".output.staging").exists():
        time.sleep(0.0005)
    build.send_signal(signal.SIGKILL)
    build.wait()
    assert not (tmp_path / f".output.{stamp.STAMP_SUFFIX}").exists()
    assert feedpub_build(inputs, output, "--quiet").returncode == 0
    assert b"Update 1:" in site_files(output)["articles/item-0007.html"]


def test_a_build_that_warns_about_its_state_is_not_stamped(site, work, capsys):
    run(site, capsys)
    next(site.glob(".out.state*")).write_text("{not json")
    assert "warning" in run(site, capsys)[2]
    run(site, capsys)
    assert len(work) == 3


def test_warnings_about_future_dates_follow_the_clock(site, work, capsys, monkeypatch):
    add(site, "ahead", 4, date="2090-01-01 09:30 +00:00")
    first = run(site, capsys)[2]
    assert "in the future" in first
    assert "in the future" in run(site, capsys)[2]
    assert len(work) == 1

    class Later(datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime(2090, 6, 1, tzinfo=timezone.utc)

    monkeypatch.setattr(cli, "datetime", Later)
    said = run(site, capsys)[2]
    assert len(work) == 1 and "in the future" not in said
    assert said.splitlines() == [line for line in first.splitlines() if "in the future" not in line]


def test_a_note_said_once_is_not_repeated(site, work, capsys):
    run(site, capsys)
    (site / "in" / "a3.txt").rename(site / "in" / "c3.txt")
    assert "renamed from a3" in run(site, capsys)[2]
    assert "renamed from" not in run(site, capsys)[2]  # from the stamp
    stamp.forget(cli.load_config(None, {"output_dir": site / "out"}))
    assert "renamed from" not in run(site, capsys)[2]  # the long way
    assert len(work) == 3


# What a random sequence of changes can do, each applied to two copies of one site: one
# built with stamps, the other with its stamp removed before every build.
OPERATIONS = st.lists(st.tuples(st.sampled_from(["add", "edit", "touch", "delete", "rename",
                                                 "unserve", "nothing"]),
                                st.integers(1, 6)), min_size=1, max_size=6)


def apply(site: Path, operation: str, n: int) -> None:
    path = site / "in" / f"a{n}.txt"
    if operation == "add" or (operation == "edit" and path.exists()):
        write(path, article_text(f"Story a{n} told {operation}", f"2020-03-{n:02d} 09:30 +00:00"),
              T0 + n)
    elif operation == "touch" and path.exists():
        os.utime(path, (T0 + 99, T0 + 99))
    elif operation == "delete" and path.exists() and len(list(path.parent.iterdir())) > 2:
        path.unlink()
    elif operation == "rename" and path.exists():
        path.rename(path.with_name(f"a{n % 6 + 1}.txt"))
    elif operation == "unserve":
        pages = sorted((site / "out").rglob("*.html"))
        pages[n % len(pages)].unlink()


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=OPERATIONS)
def test_a_stamped_site_is_the_site_built_without_stamps(tmp_path_factory, monkeypatch, capsys,
                                                         operations):
    monkeypatch.setattr(stamp, "RACY_NS", 0)
    root = tmp_path_factory.mktemp("twins")
    stamped, plain = root / "stamped", root / "plain"
    for site in (stamped, plain):
        for n in range(1, 4):
            add(site, f"a{n}", n)
        write(site / "in" / "broken.txt", BROKEN, T0)
        build(site)
    capsys.readouterr()
    for operation, n in operations:
        said = []
        for site in (stamped, plain):
            apply(site, operation, n)
            if site == plain:
                stamp.forget(cli.load_config(None, {"output_dir": plain / "out"}))
            code = build(site)
            said.append((code, capsys.readouterr().err.replace(str(site), "SITE")))
        assert said[0] == said[1]
        assert snapshot(stamped / "out") == snapshot(plain / "out")
