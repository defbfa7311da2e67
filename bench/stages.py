"""Where a feedpub build spends its time, stage by stage, under cProfile.

    .venv/bin/python bench/stages.py [--count 1000] [--work DIR] [--top 15]
                                     [--no-op | --recheck | --new]

Builds a fresh generated corpus once, in this process with one parse worker (so the parse
shows up in the profile instead of in worker processes), and prints each stage's cumulative
time and share, then the functions with the most time of their own. With --no-op the first
build is not profiled, and the same build run again (nothing changed) is; with --recheck
the same, its stamp removed first (the no-op the long way, stamp.py); with --new, one
article added before it.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import make_story, write_corpus, write_story  # noqa: E402

from feedpub.cache import RACY_NS  # noqa: E402
from feedpub.cli import main as feedpub_main  # noqa: E402
from feedpub.stamp import STAMP_SUFFIX  # noqa: E402

# Stage name -> (module file, function) whose cumulative time is that stage.
STAGES = (
    ("list inputs", "build.py", "named_inputs"),
    ("stamp: look", "stamp.py", "look"),
    ("stamp: check", "stamp.py", "unchanged"),
    ("read inputs (disk)", "source.py", "read_input"),
    ("parse", "parse.py", "parse_source_text"),
    ("cache index read", "cacheindex.py", "read_index"),
    ("cache lookups", "build.py", "check_one"),
    ("ids, slugs, dates", "entries.py", "make_entries"),
    ("plan and keys", "plan.py", "plan_site"),
    ("render pages", "pages.py", "render_article"),
    ("render index pages", "pages.py", "render_index"),
    ("render feeds", "archive.py", "render_document_within_budget"),
    ("publish (all)", "publish.py", "publish_files"),
    ("manifest", "publish.py", "write_manifest"),
    ("parse cache writes", "cache.py", "store"),
    ("state file", "state.py", "save_state"),
    ("stamp: save", "stamp.py", "save"),
)


def cumulative(stats: pstats.Stats, filename: str, function: str) -> float:
    return sum(row[3] for (path, _, name), row in stats.stats.items()  # type: ignore[attr-defined]
               if name == function and path.endswith(filename))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/feedpub-stages"))
    parser.add_argument("--top", type=int, default=15)
    rounds = parser.add_mutually_exclusive_group()
    rounds.add_argument("--no-op", action="store_true", help="profile a rebuild of the same")
    rounds.add_argument("--recheck", action="store_true",
                        help="profile a rebuild of the same without the stamp")
    rounds.add_argument("--new", action="store_true",
                        help="profile a rebuild with one article added")
    args = parser.parse_args(argv)
    shutil.rmtree(args.work, ignore_errors=True)
    write_corpus(args.work, args.count)
    # Inputs saved earlier, as a cron job's are (bench/run.py waits as long instead): inputs
    # changed within the parse cache's racy window are read again and their entries restamped.
    aged = time.time() - 2 * RACY_NS / 1e9
    for path in (args.work / "txt").rglob("*.txt"):
        os.utime(path, (aged, aged))
    (args.work / "feedpub.toml").write_text("feed_entries = 50\nparse_workers = 1\n"
                                            "render_workers = 1\n")
    command = ["build", "--config", str(args.work / "feedpub.toml"), "--input",
               str(args.work / "txt"), "--output", str(args.work / "out"), "--quiet"]
    if args.no_op or args.recheck or args.new:
        feedpub_main(command)
    if args.recheck:
        (args.work / f".out.{STAMP_SUFFIX}").unlink(missing_ok=True)
    if args.new:
        write_story(args.work, make_story(7, args.count))
    profiler = cProfile.Profile()
    profiler.runcall(feedpub_main, command)
    stats = pstats.Stats(profiler)
    total = stats.total_tt  # type: ignore[attr-defined]
    kind = ("no-op rebuild" if args.no_op else "rebuild without the stamp" if args.recheck
            else "rebuild with one new article" if args.new else "full build")
    print(f"{kind} of {args.count:,} articles: {total:.2f} s under cProfile")
    for label, filename, function in STAGES:
        spent = cumulative(stats, filename, function)
        print(f"  {label:20} {spent:7.2f} s {100 * spent / total:5.1f} %")
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(args.top)
    print(out.getvalue())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
