"""A build over the hostile corpus (tests/hostile.py): every good article becomes a correct
entry, every unusable file gets one warning naming it and why, the feed stays valid and
nothing written as text turns into markup. Big inputs have their own tests below."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import feedparser
import pytest
from lxml import etree

from feedpub.source import MAX_INPUT_BYTES

from . import hostile
from .realtools import ROOT, SCHEMA, build


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    cases = hostile.write_corpus(root / "in")
    result = build(root / "in", root / "out")
    yield root, cases, result
    hostile.unlock(root / "in")


def warning_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("feedpub: ")]


def test_build_succeeds_without_a_traceback(corpus):
    _, _, result = corpus
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert all(line.startswith("feedpub: ") for line in result.stderr.splitlines())


def test_every_unusable_file_gets_exactly_one_line_naming_it_and_why(corpus):
    root, cases, result = corpus
    lines = [line for line in warning_lines(result) if line.startswith("feedpub: skipped ")]
    skipped = [case for case in cases if case.expect == "skipped"]
    for case in skipped:
        mine = [line for line in lines if f"{root / 'in' / case.name}: " in line]
        assert len(mine) == 1, (case.name, lines)
        assert re.search(case.reason, mine[0]), mine[0]
    assert len(lines) == len(skipped)


def test_every_duplicate_gets_one_warning_and_no_entry(corpus):
    root, cases, result = corpus
    lines = warning_lines(result)
    for case in (case for case in cases if case.expect == "duplicate"):
        mine = [line for line in lines if f"{root / 'in' / case.name}: " in line]
        assert len(mine) == 1 and re.search(case.reason, mine[0]), (case.name, lines)


def entries_by_title(root: Path) -> dict[str, list]:
    parsed = feedparser.parse(str(root / "out" / "feed.atom"))
    assert not parsed.bozo, parsed.get("bozo_exception")
    found: dict[str, list] = {}
    for entry in parsed.entries:
        found.setdefault(entry.title, []).append(entry)
    return found


def plain(html: str) -> str:
    """The text a reader shows for content HTML: tags dropped, entities decoded."""
    return " ".join(etree.fromstring(f"<div>{html}</div>", etree.HTMLParser()).itertext())


def entry_problems(case: hostile.Case, found: dict[str, list]) -> list[str]:
    """What is wrong with the entry a good case became; empty when it is right."""
    if case.title not in found:
        return [f"no entry titled {case.title!r}"]
    entry = found[case.title][0]
    text = " ".join(plain(entry.summary + "\n" + entry.content[0].value).split())
    problems = [f"text missing: {fragment[:40]!r}" for fragment in case.fragments
                if " ".join(fragment.split()) not in text]
    if case.published and entry.published != case.published:
        problems.append(f"published {entry.published}, expected {case.published}")
    return problems


def test_every_good_article_becomes_a_correct_entry(corpus):
    root, cases, _ = corpus
    found = entries_by_title(root)
    good = [case for case in cases if case.expect == "entry"]
    assert sum(len(v) for v in found.values()) == len(good)
    wrong = {case.name: entry_problems(case, found) for case in good}
    wrong = {name: problems for name, problems in wrong.items() if problems}
    # Known parser gaps are listed in hostile.KNOWN_GAPS; one that got fixed fails here too,
    # so the table is kept honest.
    assert sorted(wrong) == sorted(hostile.KNOWN_GAPS), wrong


def test_feed_is_valid_atom(corpus):
    root, _, _ = corpus
    schema = etree.RelaxNG(etree.parse(str(SCHEMA)))
    assert schema.validate(etree.parse(str(root / "out" / "feed.atom"))), schema.error_log


def test_text_never_becomes_markup_in_feed_or_pages(corpus):
    root, _, _ = corpus
    feed = etree.parse(str(root / "out" / "feed.atom"))
    # Inside the XML every element is Atom; in the escaped content HTML no script tag.
    assert {el.tag.split("}")[0] for el in feed.iter()} == {"{http://www.w3.org/2005/Atom"}
    for content in feed.iter("{http://www.w3.org/2005/Atom}content"):
        assert "<script" not in content.text and "<b>" not in content.text
    for page in (root / "out").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script" not in html and "<b>" not in html and "<!-- a comment" not in html


def test_hostile_title_and_body_survive_exactly(corpus):
    """Escaped exactly once: feedparser gives back the very characters of the saved text."""
    root, cases, _ = corpus
    case = next(case for case in cases if case.name == "markup.txt")
    entry = entries_by_title(root)[case.title][0]
    assert entry.title_detail.type == "text/plain"
    assert entry.summary == case.fragments[0]
    assert case.fragments[0] in plain(entry.content[0].value)


def test_every_entry_has_its_own_id_and_page(corpus):
    root, _, _ = corpus
    parsed = feedparser.parse(str(root / "out" / "feed.atom"))
    ids = [e.id for e in parsed.entries]
    links = [e.link for e in parsed.entries]
    assert len(set(ids)) == len(ids) and len(set(links)) == len(links)
    for link in links:
        page = root / "out" / link.split("/", 3)[-1]
        assert page.is_file() and len(page.name) < 100


# --- big inputs: each in its own directory -------------------------------------------------

def test_thousands_of_tiny_files(tmp_path):
    count = 2000
    hostile.write_tiny_files(tmp_path / "in", count)
    result = build(tmp_path / "in", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    ids: set[str] = set()
    for document in (tmp_path / "out").rglob("*.atom"):  # feed.atom and its RFC 5005 archives
        parsed = feedparser.parse(str(document))
        assert not parsed.bozo
        ids |= {entry.id for entry in parsed.entries}
    assert len(ids) == count
    assert len(list((tmp_path / "out" / "articles").iterdir())) == count


def test_a_single_five_megabyte_line(tmp_path):
    (tmp_path / "in").mkdir()
    hostile.write_long_line(tmp_path / "in" / "long-line.txt", 5 * 1024 * 1024)
    result = build(tmp_path / "in", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    parsed = feedparser.parse(str(tmp_path / "out" / "feed.atom"))
    assert not parsed.bozo
    assert [e.title for e in parsed.entries] == ["One very long line"]


# A small launcher runs the build as its child and reports that child's peak RSS
# (RUSAGE_CHILDREN; ru_maxrss is in KiB on Linux). Not RUSAGE_SELF in the child itself: Linux
# carries a process's high-water mark across exec, so a child of the big pytest process would
# report pytest's size.
PEAK_RSS_SCRIPT = textwrap.dedent("""
    import json, resource, subprocess, sys
    code = subprocess.call([sys.executable, "-m", "feedpub", *sys.argv[1:]])
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    print(json.dumps({"code": code, "peak_rss": peak}))
""")
# Peak memory allowed for a build over one input of n bytes: a fixed base plus a multiple of
# the input (the text, its blocks, the escaped HTML and the feed all hold a copy). Measured
# 358 MiB (about 7x) on the 50 MB case, see README; the bound catches a leap, not a drift.
RSS_BASE = 150 * 1024 * 1024
RSS_PER_INPUT_BYTE = 12


def peak_build(input_dir: Path, output_dir: Path) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", PEAK_RSS_SCRIPT, "build", "--quiet", "--input", str(input_dir),
         "--output", str(output_dir)],
        capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert "Traceback" not in result.stderr, result.stderr
    return {**json.loads(result.stdout.splitlines()[-1]), "stderr": result.stderr}


def test_fifty_megabyte_article_builds_in_bounded_memory(tmp_path):
    size = 50 * 1000 * 1000
    (tmp_path / "in").mkdir()
    hostile.write_huge_article(tmp_path / "in" / "huge.txt", size)
    report = peak_build(tmp_path / "in", tmp_path / "out")
    assert report["code"] == 0, report["stderr"]
    assert "feed.atom: its one entry makes" in report["stderr"]  # over the feed's byte budget
    assert report["peak_rss"] < RSS_BASE + RSS_PER_INPUT_BYTE * size, report
    print(f"peak RSS for a {size} byte input: {report['peak_rss'] / 2**20:.0f} MiB")


def test_input_past_the_size_limit_is_skipped_with_its_reason(tmp_path):
    (tmp_path / "in").mkdir()
    hostile.write(tmp_path / "in", "ok.txt", hostile.article("A small story"))
    with open(tmp_path / "in" / "too-big.txt", "wb") as handle:
        handle.truncate(MAX_INPUT_BYTES + 1)  # sparse: costs no disk
    report = peak_build(tmp_path / "in", tmp_path / "out")
    assert report["code"] == 0
    assert f"too-big.txt: too large ({MAX_INPUT_BYTES + 1} bytes" in report["stderr"]
    assert report["peak_rss"] < RSS_BASE  # the big file was never read
