"""A real nginx, configured with README's server block, serves what feedpub builds correctly.

Content types, ETag / Last-Modified that hold across no-op rebuilds (304) and change with the
content (200), and feedparser reading the result over HTTP. Skips when nginx is absent, fails
instead under FEEDPUB_REQUIRE_TOOLS=1 (CI installs it).
"""
from __future__ import annotations

import http.client
import os
import re
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import feedparser
import pytest

from feedpub.publish import publish_site

from .realtools import ROOT, require_tool
from .sites import built, free_port, site_files, write_articles

START_TIMEOUT_SECONDS = 20
START_ATTEMPTS = 3
# The parts of README's block that name the example host's port and directory.
LISTEN = re.compile(r"^(\s*)listen\s+[^;]+;", re.MULTILINE)
ROOT_DIRECTIVE = re.compile(r"^(\s*)root\s+[^;]+;", re.MULTILINE)
NGINX_CONF = """\
daemon off;
{user}
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
events {{ worker_connections 64; }}
http {{
    access_log {tmp}/access.log;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    default_type application/octet-stream;
{server}
}}
"""


def readme_server_block() -> str:
    """The ```nginx block of README.md's hosting section."""
    found = re.search(r"```nginx\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"),
                      re.DOTALL)
    assert found, "README.md has no ```nginx block (section 'Hosting and cron')"
    return found[1]


def nginx_conf(tmp: Path, port: int, root: Path) -> str:
    server = LISTEN.sub(rf"\g<1>listen 127.0.0.1:{port};", readme_server_block(), count=1)
    server = ROOT_DIRECTIVE.sub(rf"\g<1>root {root};", server, count=1)
    # As root, nginx's workers would switch to an unprivileged user that cannot enter the
    # private temporary directories tests use; keep them as the user running the test.
    user = "user root;" if os.geteuid() == 0 else ""
    return NGINX_CONF.format(tmp=tmp, user=user, server=server)


@dataclass(frozen=True)
class Site:
    """A published output directory behind a running nginx."""

    input_dir: Path
    output_dir: Path
    port: int

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def get(self, path: str, **headers: str) -> http.client.HTTPResponse:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        connection.request("GET", "/" + path, headers=headers)
        response = connection.getresponse()
        response.body = response.read()
        connection.close()
        return response

    def rebuild(self) -> None:
        built(self.input_dir, self.output_dir)


def started(process: subprocess.Popen, pid_file: Path) -> bool:
    """Whether nginx came up: it writes its pid file only once it listens."""
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if pid_file.exists():
            return True
        if process.poll() is not None:
            return False
        time.sleep(0.05)
    pytest.fail("nginx neither started nor exited")


def start_nginx(nginx: str, run_dir: Path, root: Path) -> tuple[subprocess.Popen, int]:
    """nginx serving `root` on a free port; another port if one is taken meanwhile."""
    conf, log = run_dir / "nginx.conf", run_dir / "error.log"
    for _ in range(START_ATTEMPTS):
        port = free_port()
        conf.write_text(nginx_conf(run_dir, port, root), encoding="utf-8")
        with open(log, "ab") as stderr:
            process = subprocess.Popen([nginx, "-p", str(run_dir), "-c", str(conf), "-e", str(log)],
                                       stdin=subprocess.DEVNULL, stdout=stderr, stderr=stderr)
        if started(process, run_dir / "nginx.pid"):
            return process, port
        if "Address already in use" not in log.read_text():
            break
    pytest.fail(f"nginx did not start: {log.read_text()}")


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    nginx = require_tool("nginx")
    input_dir, output_dir, run_dir = tmp_path / "input", tmp_path / "output", tmp_path / "nginx"
    write_articles(input_dir, range(3))
    built(input_dir, output_dir)
    run_dir.mkdir()
    process, port = start_nginx(nginx, run_dir, output_dir)
    try:
        yield Site(input_dir, output_dir, port)
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_feed_and_pages_are_served_with_their_types(site: Site) -> None:
    feed = site.get("feed.atom")
    assert feed.status == 200
    assert feed.getheader("Content-Type") == "application/atom+xml; charset=utf-8"
    assert feed.getheader("Cache-Control") == "public, max-age=900"
    assert feed.getheader("ETag") and feed.getheader("Last-Modified")
    assert feed.body == (site.output_dir / "feed.atom").read_bytes()
    index = site.get("index.html")
    assert index.getheader("Content-Type") == "text/html; charset=utf-8"
    assert index.getheader("Cache-Control") == "public, max-age=3600"


def test_a_no_op_rebuild_keeps_conditional_gets_at_304(site: Site) -> None:
    first = feedparser.parse(site.url("feed.atom"))
    assert first.status == 200 and not first.bozo and len(first.entries) == 3
    site.rebuild()
    again = feedparser.parse(site.url("feed.atom"), etag=first.etag, modified=first.modified)
    assert again.status == 304 and not again.entries
    assert site.get("feed.atom", **{"If-None-Match": first.etag}).status == 304
    assert site.get("feed.atom", **{"If-Modified-Since": first.modified}).status == 304


def test_a_new_article_gets_200_and_feedparser_sees_it(site: Site) -> None:
    first = feedparser.parse(site.url("feed.atom"))
    write_articles(site.input_dir, [3])
    site.rebuild()  # most likely within the same second as the first build
    again = feedparser.parse(site.url("feed.atom"), etag=first.etag, modified=first.modified)
    assert again.status == 200 and not again.bozo
    new_ids = {e.id for e in again.entries} - {e.id for e in first.entries}
    assert len(again.entries) == 4 and len(new_ids) == 1 and new_ids.pop().endswith(":item-0003")


def test_a_same_size_change_in_the_same_second_still_changes_the_etag(site: Site) -> None:
    files = site_files(site.output_dir)
    old = files["feed.atom"]
    before = site.get("feed.atom")
    # Same length, other bytes, published at once: the same size and, without feedpub's
    # mtime step, the same second, which is all an nginx ETag and Last-Modified are made of.
    changed = old.replace(b"<title>feedpub</title>", b"<title>FEEDPUB</title>", 1)
    assert len(changed) == len(old) and changed != old
    publish_site({**files, "feed.atom": changed}, site.output_dir)
    after = site.get("feed.atom", **{"If-None-Match": before.getheader("ETag")})
    assert after.status == 200 and after.body == changed
    assert after.getheader("ETag") != before.getheader("ETag")
