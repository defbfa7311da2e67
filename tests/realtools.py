"""Real parts for tests: sample stories on disk, the feedpub CLI as a process, a local server,
and external tools that skip when absent (fail instead under FEEDPUB_REQUIRE_TOOLS=1, as CI sets)."""
from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from feedpub.serve import PreviewHandler

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = Path(__file__).resolve().parent / "schemas" / "atom.rng"
# CI installs every tool these tests drive and sets this, so a missing tool fails there.
REQUIRE_TOOLS = os.environ.get("FEEDPUB_REQUIRE_TOOLS") == "1"
SITE_URL = "https://news.example.org/"


def require_tool(*names: str) -> str:
    """The path of the first of `names` on PATH; skip the test (fail under CI) if none is."""
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    message = f"needs {' or '.join(names)} (installed by .ci/run)"
    if REQUIRE_TOOLS:
        pytest.fail(message)
    pytest.skip(message)


def feedpub(*args: str | Path, cwd: Path | None = None,
            timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run the real command line in a child process."""
    return subprocess.run([sys.executable, "-m", "feedpub", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def build(input_dir: Path, output_dir: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """`feedpub build` of `input_dir` into `output_dir` with a fixed site URL and zone."""
    return feedpub("build", "--input", input_dir, "--output", output_dir,
                   "--site-url", SITE_URL, "--timezone", "Europe/Berlin", *extra)


@contextlib.contextmanager
def serve_directory(directory: Path) -> Iterator[str]:
    """Serve `directory` over HTTP on 127.0.0.1 (a free port) with feedpub's preview handler."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(PreviewHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass


@dataclass(frozen=True)
class Story:
    """A saved article written the way a browser's "save as text" leaves it."""

    name: str
    section: str
    title: str
    date: str
    byline: str
    paragraphs: tuple[str, ...]
    front: tuple[tuple[str, str], ...] = ()

    def text(self) -> str:
        head = ""
        if self.front:
            head = "---\n" + "".join(f"{k}: {v}\n" for k, v in self.front) + "---\n"
        parts = ("Skip to content", "Menu", self.section, self.title, self.date, self.byline,
                 *self.paragraphs, "Share this article", "© 2020 Example News")
        return head + "\n\n".join(parts) + "\n"

    def write(self, directory: Path) -> Path:
        path = directory / f"{self.name}.txt"
        path.write_text(self.text(), encoding="utf-8")
        return path


STORIES = (
    Story("storm-harbour", "World", "Storm closes the harbour for two days",
          "March 14, 2020 09:30 +01:00", "By Ana Lima and Bo Chen", (
              "Harbour officials closed the port on Saturday after a storm brought waves of six "
              "metres to the coast, and the ferries stayed in dock.",
              "The closure is expected to last until Monday morning, when the wind is forecast "
              "to drop. Fishermen said they had never seen such a storm in March.",
              "\"We moved every boat we could,\" one skipper said. \"The rest we tied down.\"")),
    Story("library-reopens", "Culture", "City library reopens after repairs",
          "2020-03-12T18:00:00Z", "By Carla Diaz", (
              "The city library opened its doors again on Thursday evening after eighteen "
              "months of repairs to the roof and the reading rooms.",
              "Readers queued along the square before the doors opened, and the first books "
              "were lent within minutes of the ribbon being cut.")),
    Story("rail-strike", "Business", "Rail workers vote to strike over pay",
          "11.03.2020", "By Dev Patel", (
              "Rail workers have voted by a large majority to strike next month unless the "
              "operators improve their offer on pay and working hours.",
              "The union said the vote showed how angry its members were, while the operators "
              "said they were still open to talks before the first strike day."),
          front=(("url", "https://example.org/news/rail-strike"), ("id", "rail-2020-03"))),
)
