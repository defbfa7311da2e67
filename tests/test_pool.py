"""pool: parsing on several processes gives exactly what parsing in one process gives."""
from __future__ import annotations

import dataclasses
import gc
import sys

import pytest

from feedpub import parse_article, pool
from feedpub.build import build_site, load_articles, make_entries
from feedpub.config import Config
from feedpub.errors import InputError

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from generate import write_corpus  # noqa: E402


def build(config):
    loaded, failures = load_articles(config)
    resolved = make_entries(loaded, config)
    return build_site(resolved.entries, config), [str(f) for f in failures + resolved.failures]


@pytest.fixture
def corpus(tmp_path):
    write_corpus(tmp_path, 120, seed=3)
    (tmp_path / "txt" / "empty.txt").write_text("", encoding="utf-8")
    return dataclasses.replace(Config(), input_dir=tmp_path / "txt")


def test_pool_site_is_byte_identical_to_one_process(corpus, monkeypatch):
    single = build(dataclasses.replace(corpus, parse_workers=1))
    monkeypatch.setattr(pool, "POOL_MIN_FILES", 1)
    monkeypatch.setattr(pool, "CHUNK_FILES", 7)
    pooled = build(dataclasses.replace(corpus, parse_workers=2))
    assert pooled[1] == single[1] == [f"{corpus.input_dir / 'empty.txt'}: empty file: no article text"]
    assert sorted(pooled[0]) == sorted(single[0])
    assert pooled[0] == single[0]


def test_few_files_stay_in_this_process(tmp_path, monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started for a handful of files")

    monkeypatch.setattr(pool, "parse_in_pool", no_pool)
    results = pool.parse_files([tmp_path / "missing.txt"], Config(), lambda p, c: p)
    assert results == [tmp_path / "missing.txt"]


def test_one_parse_worker_means_no_pool(corpus, monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started with parse_workers = 1")

    monkeypatch.setattr(pool, "POOL_MIN_FILES", 1)
    monkeypatch.setattr(pool, "parse_in_pool", no_pool)
    assert len(load_articles(dataclasses.replace(corpus, parse_workers=1))[0]) == 120


def test_input_error_survives_the_trip_from_a_worker():
    import pickle

    error = pickle.loads(pickle.dumps(InputError("seeds/x.txt", "no title found")))
    assert (error.path, error.reason, str(error)) == ("seeds/x.txt", "no title found",
                                                     "seeds/x.txt: no title found")


def test_parse_workers_collect_garbage_less_often_and_the_library_never_does():
    """pool.PARSE_GC_THRESHOLDS is set where feedpub owns the process (the command, its
    workers: start_parse_worker), never by parse_article, which runs in its caller's."""
    before = gc.get_threshold()
    parse_article("A headline\n\n" + "Words of an article that runs on for a while. " * 5)
    assert gc.get_threshold() == before
    try:
        pool.collect_garbage_less_often()
        assert gc.get_threshold() == pool.PARSE_GC_THRESHOLDS
    finally:
        gc.set_threshold(*before)
