"""A build killed at any moment leaves a site a web server can go on serving.

A real `python -m feedpub build` republishes 200 articles over an existing site and is killed
with SIGKILL at points spread over its run (timed from a first, unkilled run). After every
kill the served directory must hold a complete feed (the old or the new one), pages for every
link, and no temporary file; the next build must then produce exactly what a clean build does.
"""
from __future__ import annotations

import os
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import feedparser
import pytest
from lxml import etree

from feedpub import renderpool
from feedpub.pool import POOL_MIN_FILES

from .sites import (SITE_URL, build_command, built, copy_site, feedpub_build, linked_pages,
                    site_files, write_articles)

# New pages sort (and so are written) first, so that a kill part-way leaves some behind.
OLD_ARTICLES = range(20, 220)
NEW_ARTICLES = range(0, 200)    # 20 new articles, 20 gone
REVISED = range(20, 80)         # 60 articles whose text changed
KILLS_BEFORE_PUBLISHING = 4     # while reading and rendering
KILLS_WHILE_PUBLISHING = 14     # while files are being replaced
# The publishing window is taken from the median of a few unkilled runs and widened by these
# factors (its start times the first, its end times the second).
TIMING_RUNS = 3
# Further kills aimed at the middle of the writes, only if none of the planned ones hit them.
EXTRA_KILLS = 6
WINDOW_MARGIN = (0.85, 1.05)
# Enough articles that a fresh build parses them in worker processes.
POOL_ARTICLES = POOL_MIN_FILES + 100
# Enough articles that rendering every file again uses render worker processes.
RENDER_POOL_ARTICLES = renderpool.POOL_MIN_FILES + 50
# The builds' setting for that (feedpub.toml in their working directory), the default too,
# written out so that the test does not depend on it.
RENDER_ON_EVERY_CORE = "render_workers = 0\n"
# What share of the site's files must be staged before a stop signal is sent to a build
# whose workers render: some, so that they are at work, and far from all, so that the
# signal lands before the renames, which start only once every file is staged.
RENDER_STOP_AT = 0.1
# Workers check for their parent every ORPHAN_CHECK_SECONDS; this leaves room for a busy machine.
ORPHAN_GRACE_SECONDS = 15
SIDECARS = {".output.lock", ".output.manifest"}
STAGING = ".output.staging"


@dataclass(frozen=True)
class Versions:
    """The inputs and the cleanly built sites before and after the change."""

    old_input: Path
    new_input: Path
    old_site: Path
    old_files: dict[str, bytes]
    new_files: dict[str, bytes]


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> Versions:
    base = tmp_path_factory.mktemp("kill")
    old_input, new_input = base / "old-input", base / "new-input"
    write_articles(old_input, OLD_ARTICLES)
    write_articles(new_input, NEW_ARTICLES)
    write_articles(new_input, REVISED, revision=1)
    sites = {}
    for name, input_dir in (("old", old_input), ("new", new_input)):
        (base / name).mkdir()
        built(input_dir, base / name / "output")
        sites[name] = base / name / "output"
    return Versions(old_input, new_input, sites["old"], site_files(sites["old"]),
                    site_files(sites["new"]))


def start_update(versions: Versions, where: Path) -> subprocess.Popen:
    """The old site copied to `where`, and a build of the new input over it, started."""
    where.mkdir()
    copy_site(versions.old_site, where / "output")
    return subprocess.Popen(build_command(versions.new_input, where / "output", "--quiet"),
                            cwd=where, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def timeline(versions: Versions, where: Path) -> tuple[float, float]:
    """Seconds from start until an unkilled update starts replacing files, and until it ends."""
    start = time.monotonic()
    process = start_update(versions, where)
    publishing = None
    while process.poll() is None:
        if publishing is None and (where / STAGING).exists():
            publishing = time.monotonic() - start
        time.sleep(0.0005)
    total = time.monotonic() - start
    assert process.returncode == 0
    assert site_files(where / "output") == versions.new_files
    return (publishing if publishing is not None else total / 2), total


def median_timeline(versions: Versions, where: Path) -> tuple[float, float]:
    runs = sorted(timeline(versions, where / f"timing-{i}") for i in range(TIMING_RUNS))
    return runs[len(runs) // 2]


def kill_delays(publishing: float, total: float) -> list[float]:
    """A few kills while inputs are read; the rest spread over the writes, with a margin on
    each side so that a run a little faster or slower than the timed one is still hit."""
    before = [publishing * i / KILLS_BEFORE_PUBLISHING for i in range(KILLS_BEFORE_PUBLISHING)]
    first, last = publishing * WINDOW_MARGIN[0], total * WINDOW_MARGIN[1]
    during = [first + (last - first) * (i + 0.5) / KILLS_WHILE_PUBLISHING
              for i in range(KILLS_WHILE_PUBLISHING)]
    return before + during


def check_served(output: Path, versions: Versions) -> str:
    """What a web server would serve from `output` now must be whole; returns which feed."""
    files = site_files(output)
    stray = set(files) - set(versions.old_files) - set(versions.new_files)
    assert not stray, f"files no build publishes are in output: {sorted(stray)}"
    feed = files["feed.atom"]
    assert feed in (versions.old_files["feed.atom"], versions.new_files["feed.atom"])
    etree.fromstring(feed)  # raises on incomplete XML
    parsed = feedparser.parse(feed)
    assert not parsed.bozo, parsed.get("bozo_exception")
    for entry in parsed.entries:
        assert entry.link.removeprefix(SITE_URL) in files, f"feed links to missing {entry.link}"
    index = files["index.html"]
    assert index in (versions.old_files["index.html"], versions.new_files["index.html"])
    for page in linked_pages(index):
        assert files.get(page) in (versions.old_files.get(page), versions.new_files.get(page)), \
            f"index.html links to missing or torn {page}"
    return "new" if feed == versions.new_files["feed.atom"] else "old"


def kill_at(versions: Versions, where: Path, delay: float) -> bool:
    """Start an update, SIGKILL it after `delay` s; whether it died while replacing files."""
    process = start_update(versions, where)
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()
    return (where / STAGING).exists()


def rebuild_after_kill(input_dir: Path, expected: dict[str, bytes], where: Path) -> None:
    # The expected sites were built without history; going back to the old input after the
    # new one was (maybe) published would rightly date the reverted entries as edits. The
    # parse cache the killed build left is kept: it must give the very same bytes.
    (where / ".output.state.json").unlink(missing_ok=True)
    result = feedpub_build(input_dir, where / "output", "--quiet")
    assert result.returncode == 0, f"{where.name}: {result.stderr}"
    assert site_files(where / "output") == expected, f"{where.name}: rebuilt site differs"
    beside = {p.name for p in where.iterdir()} - {"output"}
    assert SIDECARS <= beside and STAGING not in beside
    assert all(name.startswith(".output.") for name in beside), beside


def test_killed_builds_leave_a_servable_site(versions: Versions, tmp_path: Path) -> None:
    publishing, total = median_timeline(versions, tmp_path)
    outcomes: dict[str, int] = {"old": 0, "new": 0}
    killed_while_publishing = 0
    for i, delay in enumerate(kill_delays(publishing, total)):
        where = tmp_path / f"kill-{i}"
        killed_while_publishing += kill_at(versions, where, delay)
        outcomes[check_served(where / "output", versions)] += 1
        # Then either carry on with the new input or go back to the old one.
        if i % 2:
            rebuild_after_kill(versions.new_input, versions.new_files, where)
        else:
            rebuild_after_kill(versions.old_input, versions.old_files, where)
    # On a loaded machine the timed window can drift: aim again, from freshly timed runs.
    for retry in range(EXTRA_KILLS):
        if killed_while_publishing:
            break
        publishing, total = timeline(versions, tmp_path / f"retime-{retry}")
        where = tmp_path / f"extra-{retry}"
        killed_while_publishing += kill_at(versions, where, (publishing + total) / 2)
        outcomes[check_served(where / "output", versions)] += 1
        rebuild_after_kill(versions.new_input, versions.new_files, where)
    print(f"\nkill test: update takes {total:.3f} s, publishing from {publishing:.3f} s; "
          f"{sum(outcomes.values())} kills, feed left old {outcomes['old']}, new {outcomes['new']}, "
          f"{killed_while_publishing} killed while replacing files")
    assert killed_while_publishing > 0, "no kill landed while files were being replaced"


def test_sidecars_stay_outside_the_served_directory(versions: Versions, tmp_path: Path) -> None:
    site = tmp_path / "www"
    site.mkdir()
    result = subprocess.run(build_command(versions.old_input, Path("."), "--quiet"), cwd=site,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert site_files(site) == versions.old_files
    assert (tmp_path / ".www.lock").is_file() and (tmp_path / ".www.manifest").is_file()


def sleep_once_running(where: Path, delay: float) -> None:
    """Sleep until `delay` s after start, but at least until the build has taken its lock:
    a signal that lands while Python is still starting meets Python's defaults, not
    feedpub's handling (the lock file is made only after feedpub's handlers are set)."""
    start = time.monotonic()
    while not (where / ".output.lock").exists() and time.monotonic() - start < 60:
        time.sleep(0.001)
    time.sleep(max(0.0, delay - (time.monotonic() - start)))


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_stopped_build_says_so_in_one_line(versions: Versions, tmp_path: Path,
                                            stop: signal.Signals) -> None:
    """What a service manager (SIGTERM) or Ctrl-C (SIGINT) does to a build: it stops with
    one line and exit code 3, never a traceback, and leaves a servable site."""
    publishing, total = timeline(versions, tmp_path / "timing")
    stopped = 0
    # Into the reading and into the writes; then, only if both came too late (the timed
    # run was slower than these), earlier and earlier.
    delays = (publishing / 2, (publishing + total) / 2, publishing / 4, publishing / 8)
    for i, delay in enumerate(delays):
        if stopped and i >= 2:
            break
        where = tmp_path / f"stop-{i}"
        where.mkdir()
        copy_site(versions.old_site, where / "output")
        process = subprocess.Popen(build_command(versions.new_input, where / "output", "--quiet"),
                                   cwd=where, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                   text=True)
        sleep_once_running(where, delay)
        process.send_signal(stop)
        _, stderr = process.communicate(timeout=120)
        if process.returncode != 0:  # a fast run may have finished before the signal
            assert process.returncode == 3, stderr
            assert stderr.startswith("feedpub: interrupted") and stderr.count("\n") == 1, stderr
            stopped += 1
        check_served(where / "output", versions)
        rebuild_after_kill(versions.new_input, versions.new_files, where)
    assert stopped, "no signal landed while the build was running"


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_stopping_a_build_and_its_parse_workers_prints_one_line(
        tmp_path: Path, stop: signal.Signals) -> None:
    """Ctrl-C on a terminal, or a service manager stopping the whole control group, signals
    the parse workers too: still one line from the build, none from the workers."""
    input_dir = tmp_path / "input"
    write_articles(input_dir, range(POOL_ARTICLES))
    (tmp_path / "timed").mkdir()
    start = time.monotonic()
    built(input_dir, tmp_path / "timed" / "output")
    parse_time = (time.monotonic() - start) * 0.3  # well inside the parse of a fresh build
    where = tmp_path / "stopped"
    where.mkdir()
    process = subprocess.Popen(build_command(input_dir, where / "output", "--quiet"),
                               cwd=where, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True, start_new_session=True)
    sleep_once_running(where, parse_time)
    os.killpg(process.pid, stop)
    _, stderr = process.communicate(timeout=120)
    if process.returncode == 0:
        pytest.skip("the build finished before the signal; machine faster than timed")
    assert process.returncode == 3, stderr
    assert stderr.count("\n") == 1 and stderr.startswith(
        ("feedpub: interrupted", "feedpub: a parse worker process died")), stderr
    assert not (where / "output" / "feed.atom").exists()


def test_parse_workers_of_a_killed_build_exit(tmp_path: Path) -> None:
    """SIGKILL gives the build no chance to stop its workers: they notice and exit."""
    input_dir = tmp_path / "input"
    write_articles(input_dir, range(POOL_ARTICLES))
    process = subprocess.Popen(build_command(input_dir, tmp_path / "output", "--quiet"),
                               cwd=tmp_path, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    sleep_once_running(tmp_path, 0.5)
    process.kill()
    process.wait()
    deadline = time.monotonic() + ORPHAN_GRACE_SECONDS
    while group_alive(process.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    survivors = group_alive(process.pid)
    if survivors:
        os.killpg(process.pid, signal.SIGKILL)
    assert not survivors, "parse workers outlived their killed build"


def group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True


def rerendered(input_dir: Path, where: Path) -> dict[str, bytes]:
    """Build, then build again with another title (every file rendered again): the site
    that second build leaves."""
    where.mkdir()
    (where / "feedpub.toml").write_text(RENDER_ON_EVERY_CORE)
    built(input_dir, where / "output")
    result = feedpub_build(input_dir, where / "output", "--quiet", "--title", "Another title")
    assert result.returncode == 0, result.stderr
    return site_files(where / "output")


def staged_count(staging: Path) -> int:
    try:
        return len(os.listdir(staging))
    except FileNotFoundError:
        return 0


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL],
                         ids=["SIGTERM", "SIGINT", "SIGKILL"])
def test_stopping_a_build_while_its_workers_render(tmp_path: Path, stop: signal.Signals) -> None:
    """A title change renders every file again, on several processes (renderpool.py). Stopped
    while they render (SIGTERM, SIGINT to the whole process group; SIGKILL to the build
    alone, its workers orphaned): one line and exit 3 for a stop, the served site exactly
    as it was and nothing staged left in it, and the next build finishes the job."""
    input_dir = tmp_path / "input"
    write_articles(input_dir, range(RENDER_POOL_ARTICLES))
    renamed = rerendered(input_dir, tmp_path / "clean")
    where = tmp_path / "stopped"
    where.mkdir()
    (where / "feedpub.toml").write_text(RENDER_ON_EVERY_CORE)
    built(input_dir, where / "output")
    before = site_files(where / "output")  # hidden files too: pathlib's "*" matches them
    process = subprocess.Popen(build_command(input_dir, where / "output", "--quiet", "--title",
                                             "Another title"), cwd=where,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    # Watched, not timed: a run timed beforehand may be much slower than this one on a
    # machine shared with other work, and a signal sent after the last file is staged
    # would land among the renames, which no build can undo.
    wanted = max(1, int(len(renamed) * RENDER_STOP_AT))
    while staged_count(where / STAGING) < wanted and process.poll() is None:
        time.sleep(0.0005)
    if stop == signal.SIGKILL:
        process.kill()
    else:
        os.killpg(process.pid, stop)
    _, stderr = process.communicate(timeout=120)
    if process.returncode == 0:
        pytest.skip("the build finished before the signal; machine faster than timed")
    deadline = time.monotonic() + ORPHAN_GRACE_SECONDS
    while group_alive(process.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not group_alive(process.pid), "render workers outlived their build"
    if stop != signal.SIGKILL:
        assert process.returncode == 3, stderr
        assert stderr.startswith("feedpub: interrupted") and stderr.count("\n") == 1, stderr
    assert site_files(where / "output") == before
    result = feedpub_build(input_dir, where / "output", "--quiet", "--title", "Another title")
    assert result.returncode == 0, result.stderr
    assert site_files(where / "output") == renamed
