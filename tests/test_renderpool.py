"""renderpool: rendering on several processes publishes exactly what one process publishes,
and a failure in any worker leaves the served site and no staged file behind."""
from __future__ import annotations

import dataclasses
import errno
import os
import sys
from pathlib import Path

import pytest

from feedpub import publish, renderpool
from feedpub.cli import main
from feedpub.errors import PublishError
from feedpub.manifest import parse_manifest
from feedpub.publish import Rendered, SiteFile

from .conftest import ROOT
from .sites import site_files

sys.path.insert(0, str(ROOT / "bench"))
from generate import write_corpus  # noqa: E402

ARTICLES = 120


@pytest.fixture
def pool_calls(monkeypatch) -> list[int]:
    """Files per pooled render; the pool is used from a few files on, in small chunks."""
    calls: list[int] = []
    real = renderpool.stage_in_pool

    def counted(work, chunks, workers, undo):
        calls.append(sum(len(chunk) for chunk in chunks))
        return real(work, chunks, workers, undo)

    monkeypatch.setattr(renderpool, "POOL_MIN_FILES", 10)
    monkeypatch.setattr(renderpool, "CHUNK_FILES", 7)
    monkeypatch.setattr(renderpool, "stage_in_pool", counted)
    return calls


def build(corpus: Path, name: str, workers: int | None, title: str) -> Path:
    """`feedpub build` in this process (workers forked from it) into corpus/name/output;
    `render_workers` as given, or the default for None."""
    where = corpus / name
    where.mkdir(exist_ok=True)
    setting = "" if workers is None else f"render_workers = {workers}\n"
    (where / "feedpub.toml").write_text(f'{setting}title = "{title}"\n'
                                        "feed_entries = 20\narchive_size = 15\n")
    assert main(["build", "--config", str(where / "feedpub.toml"), "--input",
                 str(corpus / "txt"), "--output", str(where / "output"), "--quiet"]) == 0
    return where / "output"


def records(output: Path) -> dict[str, tuple]:
    """The manifest's records without the modification times, which differ between runs."""
    text = (output.parent / ".output.manifest").read_text(encoding="utf-8")
    return {name: dataclasses.replace(record, mtime_ns=0)
            for name, record in parse_manifest(text).items()}


def test_pool_site_is_byte_identical_to_one_process(tmp_path, pool_calls):
    write_corpus(tmp_path, ARTICLES, seed=5)
    for title in ("First title", "Second title"):  # a full build, then everything rendered again
        single = build(tmp_path, "single", 1, title)
        assert pool_calls == []
        pooled = build(tmp_path, "pooled", 2, title)
        assert pool_calls and pool_calls[-1] > ARTICLES  # every page and feed document
        assert site_files(pooled) == site_files(single)
        assert records(pooled) == records(single)
        pool_calls.clear()


def test_by_default_a_build_renders_on_every_core(tmp_path, pool_calls, monkeypatch):
    monkeypatch.setattr(renderpool, "worker_count", lambda: 2)
    write_corpus(tmp_path, ARTICLES, seed=5)
    build(tmp_path, "default", None, "A title")
    assert pool_calls and pool_calls[-1] > ARTICLES
    pool_calls.clear()
    monkeypatch.setattr(renderpool, "worker_count", lambda: 1)  # one core: no worker
    build(tmp_path, "one-core", None, "A title")
    assert pool_calls == []


def planned_site(count: int, version: str, fail_at: int | None = None) -> list[SiteFile]:
    files = [SiteFile(f"articles/{n}.html", f"{version} {n}", Rendered,
                      f"<p>{version} {n}</p>".encode())
             for n in range(count)]
    if fail_at is not None:
        files[fail_at] = dataclasses.replace(files[fail_at], make=disk_full)
    return files


def disk_full(data: bytes) -> Rendered:
    raise OSError(errno.ENOSPC, "No space left on device", "articles/x.html")


@pytest.mark.parametrize("fail_at", [0, 33, 99])
def test_a_failing_worker_leaves_no_staged_file(tmp_path, pool_calls, monkeypatch, fail_at):
    """The worst case for leftovers: output on a file system of its own, where temporary
    files wait beside their targets (publish.temp_path); here forced for every file."""
    monkeypatch.setattr(publish, "temp_path",
                        lambda target, staging: target.parent / f".{target.name}.feedpub-new")
    output = tmp_path / "out"
    publish.publish_files(planned_site(100, "old"), output, 2)
    before = site_files(output)
    with pytest.raises(PublishError, match="articles/x.html: cannot write: No space left"):
        publish.publish_files(planned_site(100, "new", fail_at), output, 2)
    assert pool_calls == [100, 100]
    assert site_files(output) == before  # hidden temporary files would show here
    assert publish.publish_files(planned_site(100, "new"), output, 2).written
    assert site_files(output) == {f"articles/{n}.html": f"<p>new {n}</p>".encode()
                                  for n in range(100)}


def test_chunks_keep_a_file_with_the_one_it_follows(monkeypatch):
    monkeypatch.setattr(renderpool, "CHUNK_FILES", 3)
    monkeypatch.setattr(renderpool, "CHUNKS_PER_WORKER", 1)
    follows = [False, True, True, True, True, False, False, True, False, False, False]
    chunks = renderpool.chunked(follows, workers=1)
    assert chunks == [range(0, 5), range(5, 8), range(8, 11)]
    assert renderpool.chunked([False] * 3, workers=2) == [range(0, 1), range(1, 2), range(2, 3)]


def test_one_worker_or_few_files_render_in_this_process(tmp_path, monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("a render pool was started")

    monkeypatch.setattr(renderpool, "stage_in_pool", no_pool)
    publish.publish_files(planned_site(renderpool.POOL_MIN_FILES, "one"), tmp_path / "a", 1)
    publish.publish_files(planned_site(renderpool.POOL_MIN_FILES - 1, "few"), tmp_path / "b", 2)


def test_the_build_renders_beside_its_workers(tmp_path, pool_calls):
    # Two processes render: the build's own and one forked worker (each forked worker
    # counts the build's memory once more); the pages say which process rendered them.
    def rendered_by(n: int) -> Rendered:
        return Rendered(f"{n} {os.getpid()}".encode())

    files = [SiteFile(f"articles/{n}.html", None, rendered_by, n) for n in range(100)]
    publish.publish_files(files, tmp_path / "out", 2)
    pids = {int(data.split()[1]) for data in site_files(tmp_path / "out").values()}
    assert os.getpid() in pids and len(pids) == 2
