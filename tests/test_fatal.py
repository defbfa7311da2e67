"""Fatal conditions, each with a real `feedpub build` process: one clear line, a non-zero exit
code (cli.py: 2 usage/config, 3 fatal), no traceback, and the earlier output left as it was.
Read-only and full file systems are real tmpfs mounts where this machine allows mounting."""
from __future__ import annotations

import contextlib
import os
import re
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from feedpub import renderpool

from .realtools import STORIES, build
from .sites import write_articles

EXIT_USAGE, EXIT_FATAL = 2, 3


def snapshot(directory: Path) -> dict[str, bytes]:
    return {p.relative_to(directory).as_posix(): p.read_bytes()
            for p in sorted(directory.rglob("*")) if p.is_file()}


def one_clear_line(result: subprocess.CompletedProcess[str], *words: str) -> str:
    lines = result.stderr.splitlines()
    assert "Traceback" not in result.stderr
    assert len(lines) == 1 and lines[0].startswith("feedpub: "), lines
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def inputs(tmp_path) -> Path:
    directory = tmp_path / "in"
    directory.mkdir()
    STORIES[0].write(directory)
    return directory


def test_missing_input_directory(tmp_path):
    output = tmp_path / "out"
    result = build(tmp_path / "nowhere", output)
    assert result.returncode == EXIT_USAGE
    one_clear_line(result, str(tmp_path / "nowhere"), "does not exist")
    assert not output.exists()


def test_output_path_that_is_a_file(tmp_path, inputs):
    output = tmp_path / "out"
    output.write_bytes(b"not a directory")
    result = build(inputs, output)
    assert result.returncode == EXIT_FATAL
    one_clear_line(result, str(output), "not a directory")
    assert output.read_bytes() == b"not a directory"


@contextlib.contextmanager
def tmpfs(path: Path, size: str) -> Iterator[Path]:
    """A tmpfs of `size` at `path`, or skip where this machine does not allow mounting."""
    path.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def test_output_directory_on_its_own_file_system(tmp_path, inputs):
    """An output directory that is a mount point (a volume of its own) still publishes."""
    with tmpfs(tmp_path / "out", "4m") as output:
        result = build(inputs, output)
        assert result.returncode == 0, result.stderr
        assert (output / "feed.atom").is_file()
        STORIES[1].write(inputs)
        assert build(inputs, output).returncode == 0
        assert STORIES[1].title.encode() in (output / "feed.atom").read_bytes()
        assert not [p for p in output.rglob(".*")]  # no temporary file left behind


def test_temporary_files_a_killed_build_left_in_its_own_file_system_are_removed(
        tmp_path, inputs):
    """Output on a volume of its own: temporary files wait beside their targets, so a build
    killed (SIGKILL) while writing leaves them where a web server would serve them; the next
    build removes them, whether or not it rewrites those files."""
    with tmpfs(tmp_path / "out", "4m") as output:
        assert build(inputs, output).returncode == 0
        before = snapshot(output)
        strays = [output / ".feed.atom.feedpub-new", output / "articles" / ".gone.html.feedpub-new"]
        for stray in strays:
            stray.write_bytes(b"half a page")
        assert build(inputs, output).returncode == 0
        assert snapshot(output) == before


@contextlib.contextmanager
def lockable_directory(path: Path) -> Iterator[Callable[[], None]]:
    """A directory at `path` and the means to make it read-only for this process: root
    ignores file modes, so for root it is a tmpfs remounted read-only, else chmod 555."""
    if os.geteuid() != 0:
        path.mkdir()
        try:
            yield lambda: path.chmod(0o555)
        finally:
            path.chmod(0o755)
        return
    with tmpfs(path, "4m"):
        yield lambda: subprocess.run(["mount", "-o", "remount,ro", str(path)], check=True)


def test_read_only_output_directory(tmp_path, inputs):
    output = tmp_path / "out"
    with lockable_directory(output) as make_read_only:
        assert build(inputs, output).returncode == 0
        before = snapshot(output)
        make_read_only()
        STORIES[1].write(inputs)
        result = build(inputs, output)
        assert result.returncode == EXIT_FATAL
        one_clear_line(result, str(output))
        assert re.search("Read-only file system|Permission denied", result.stderr)
        assert snapshot(output) == before


@pytest.mark.parametrize("inside", [False, True], ids=["output-is-the-mount", "output-inside"])
def test_full_disk(tmp_path, inputs, inside):
    with tmpfs(tmp_path / "vol", "256k") as volume:
        output = volume / "out" if inside else volume
        assert build(inputs, output).returncode == 0
        before = snapshot(output)
        big = STORIES[1].paragraphs[0] + " "
        (inputs / "big.txt").write_text(
            STORIES[1].text().replace(STORIES[1].paragraphs[1], big * 1500), encoding="utf-8")
        result = build(inputs, output)
        assert result.returncode == EXIT_FATAL
        one_clear_line(result, "No space left on device")
        after = snapshot(output)
        # What readers fetch is untouched, and no half-written file is in what is served.
        assert after["feed.atom"] == before["feed.atom"]
        assert after["index.html"] == before["index.html"]
        assert set(after) <= set(before) | {"articles/big.html"}
        assert all(data == before.get(name, data) for name, data in after.items())


def used_bytes(path: Path) -> int:
    stat = os.statvfs(path)
    return (stat.f_blocks - stat.f_bfree) * stat.f_frsize


def test_full_disk_while_render_workers_stage(tmp_path):
    """A title change renders every file again, on several processes when there are cores
    for them (renderpool.py). The disk fills while the workers stage the new files beside
    the old ones (the output directory is a file system of its own): the build stops with
    one line, and what is served is as it was, with no staged file left in it."""
    inputs = tmp_path / "in"
    write_articles(inputs, range(renderpool.POOL_MIN_FILES + 20))
    settings = tmp_path / "feedpub.toml"
    settings.write_text("render_workers = 0\n")  # one per core; off by default
    with tmpfs(tmp_path / "out", "64m") as output:
        assert build(inputs, output, "--config", str(settings)).returncode == 0
        before = snapshot(output)  # hidden files too: pathlib's "*" matches them
        # Room for a quarter of the site again, not for the whole of it.
        used = used_bytes(output)
        subprocess.run(["mount", "-o", f"remount,size={used + used // 4}", str(output)],
                       check=True)
        result = build(inputs, output, "--config", str(settings),
                       "--title", "A title of another length")
        assert result.returncode == EXIT_FATAL, result.stderr
        one_clear_line(result, "No space left on device")
        assert snapshot(output) == before
