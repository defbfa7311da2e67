"""`feedpub serve` as a real process: the preview answers like the hosting README describes."""
from __future__ import annotations

import http.client
import re
import selectors
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import feedparser
import pytest

from .sites import built, write_articles

START_TIMEOUT_SECONDS = 30
SERVING = re.compile(r"serving .* at (http://127\.0\.0\.1:(\d+)/)")


def serve_command(output_dir: Path, port: int) -> list[str]:
    return [sys.executable, "-m", "feedpub", "serve", "--output", str(output_dir),
            "--port", str(port)]


def first_line(process: subprocess.Popen) -> str:
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        assert selector.select(START_TIMEOUT_SECONDS), "feedpub serve printed nothing"
    return process.stdout.readline()


def get(port: int, path: str, **headers: str) -> tuple[http.client.HTTPResponse, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", "/" + path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str, int]]:
    """A built site and `feedpub serve` on a port the OS chose; stopped with Ctrl-C after."""
    write_articles(tmp_path / "input", range(3))
    built(tmp_path / "input", tmp_path / "output")
    process = subprocess.Popen(serve_command(tmp_path / "output", 0), cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        found = SERVING.search(first_line(process))
        assert found, "feedpub serve did not say where it serves"
        yield tmp_path / "output", found[1], int(found[2])
    finally:
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=20)
    assert process.returncode == 0 and "Traceback" not in err, err


def test_serve_answers_with_the_feed_and_the_index(served) -> None:
    output_dir, url, port = served
    feed, body = get(port, "feed.atom")
    assert feed.status == 200
    assert feed.getheader("Content-Type") == "application/atom+xml; charset=utf-8"
    assert body == (output_dir / "feed.atom").read_bytes()
    index, _ = get(port, "index.html")
    assert index.status == 200 and index.getheader("Content-Type") == "text/html; charset=utf-8"
    parsed = feedparser.parse(url + "feed.atom")
    assert parsed.status == 200 and not parsed.bozo and len(parsed.entries) == 3
    again = feedparser.parse(url + "feed.atom", modified=parsed.modified)
    assert again.status == 304


def test_serve_without_a_built_site_says_so_in_one_line(tmp_path: Path) -> None:
    result = subprocess.run(serve_command(tmp_path / "missing", 0), cwd=tmp_path,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "run 'feedpub build' first" in result.stderr


def test_serve_on_a_busy_port_says_so_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "output").mkdir()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        result = subprocess.run(serve_command(tmp_path / "output", taken.getsockname()[1]),
                                cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "cannot listen" in result.stderr
