"""The parser's equivalence yardstick: same outputs as a reference commit, and how much faster.

    .venv/bin/python bench/equivalence.py                  # against main
    .venv/bin/python bench/equivalence.py --against REF    # against any commit
    .venv/bin/python bench/equivalence.py --reuse          # keep the last reference run
    .venv/bin/python bench/equivalence.py --save DIR       # only parse with this checkout

Parses every input of five groups with the reference commit's feedpub (exported with
`git archive` and run in a child process) and with this checkout's, saves each file's
`feedpub parse --json` object (plus the Article's repr and warnings, so body kinds count too)
under --work, and prints every file whose output differs, then the CPU time
(`time.process_time`, best of --repeat runs in each of --rounds rounds, the two codes
taking turns) per group before and after. The groups:
the shared developer corpus, tests/cases, the seeds, --generated articles of
bench/generate.py, and one page of corpus pages concatenated to --big-bytes (5 MB), the
size issue 4 asks to parse in about a second. Exit status 1 if any output differs.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("FEEDPUB_SHARED", ROOT.parent / "shared"))
GENERATED_SEED = 7


def input_groups(work: Path, generated: int, big_bytes: int) -> dict[str, list[Path]]:
    """Every input file per group; generated and concatenated inputs are written under work."""
    sys.path.insert(0, str(ROOT / "bench"))
    from generate import make_story, render_text

    corpus = sorted((SHARED / "corpus").glob("*.txt"))
    made = work / "inputs"
    (made / "generated").mkdir(parents=True, exist_ok=True)
    generated_paths = []
    for index in range(generated):
        story = make_story(GENERATED_SEED, index)
        path = made / "generated" / f"{story.name}.txt"
        path.write_text(render_text(story), encoding="utf-8")
        generated_paths.append(path)
    big = made / "big.txt"
    big.write_bytes(concatenated(corpus, big_bytes))
    return {"corpus": corpus, "cases": sorted((ROOT / "tests" / "cases").glob("*.txt")),
            "seeds": sorted((ROOT / "seeds").glob("*.txt")), "generated": generated_paths,
            "5 MB page": [big]}


def concatenated(pages: list[Path], size: int) -> bytes:
    """Whole pages, in order and over again, until at least `size` bytes."""
    parts, total = [], 0
    while total < size and pages:
        for page in pages:
            parts.append(page.read_bytes())
            total += len(parts[-1])
            if total >= size:
                break
    return b"\n\n".join(parts)


def parse_outputs(groups: dict[str, list[Path]], repeat: int) -> tuple[dict, dict]:
    """Each file's output (keyed group/name) and each group's best CPU seconds."""
    from zoneinfo import ZoneInfo

    from feedpub.errors import InputError
    from feedpub.jsonout import article_json
    from feedpub.parse import parse_source
    from feedpub.source import read_source

    zone = ZoneInfo("UTC")
    outputs, seconds = {}, {}
    for group, paths in groups.items():
        best = float("inf")
        for _ in range(repeat):
            clear_caches()
            results, started = [], time.process_time()
            for path in paths:
                try:
                    results.append(parse_source(read_source(path), zone))
                except InputError as error:
                    results.append(error)
            best = min(best, time.process_time() - started)
        seconds[group] = best
        for path, result in zip(paths, results):
            outputs[f"{group}/{path.name}"] = (
                {"error": str(result)} if isinstance(result, InputError)
                else {**article_json(result), "warnings": list(result.warnings),
                      "repr": repr(result)})
    return outputs, seconds


def clear_caches() -> None:
    """Empty feedpub's memo caches (functools.lru_cache), so that every timed round starts
    cold, as a build's first parse does, rather than reading what the last round cached."""
    for name, module in list(sys.modules.items()):
        if name == "feedpub" or name.startswith("feedpub."):
            for value in vars(module).values():
                if hasattr(value, "cache_clear"):
                    value.cache_clear()


def save(groups: dict[str, list[Path]], repeat: int, out: Path) -> None:
    """Parse with the feedpub this interpreter imports; write outputs and timings to out."""
    outputs, seconds = parse_outputs(groups, repeat)
    out.mkdir(parents=True, exist_ok=True)
    (out / "outputs.json").write_text(json.dumps(outputs, ensure_ascii=False, indent=1,
                                                 sort_keys=True), encoding="utf-8")
    (out / "seconds.json").write_text(json.dumps(seconds, indent=1), encoding="utf-8")


def save_reference(ref: str, args: argparse.Namespace) -> Path:
    """Run --save in a child process whose feedpub is the package as committed at `ref`
    (with --reuse, only when the last reference run was not of that very commit)."""
    out = args.work / "reference"
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", ref], check=True,
                            capture_output=True, text=True).stdout.strip()
    made_from = out / "commit.txt"
    if args.reuse and made_from.exists() and made_from.read_text() == commit:
        return out
    code = args.work / "reference-code"
    shutil.rmtree(code, ignore_errors=True)
    code.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "feedpub"],
                             check=True, capture_output=True).stdout
    with tempfile.TemporaryFile() as handle:
        handle.write(archive)
        handle.seek(0)
        archive_file = tarfile.open(fileobj=handle)
        # Extraction filters came with Python 3.11.4; the archive is our own commit anyway.
        if hasattr(tarfile, "data_filter"):
            archive_file.extractall(code, filter="data")
        else:
            archive_file.extractall(code)
    env = {**os.environ, "PYTHONPATH": str(code)}
    subprocess.run([sys.executable, __file__, "--save", str(out), "--work", str(args.work),
                    "--repeat", str(args.repeat), "--generated", str(args.generated),
                    "--big-bytes", str(args.big_bytes), "--expect-package", str(code)],
                   check=True, env=env)
    made_from.write_text(commit)
    return out


def differences(before: dict, after: dict) -> list[str]:
    """One line per file whose output changed, naming the fields that did."""
    lines = []
    for key in sorted(before.keys() | after.keys()):
        old, new = before.get(key), after.get(key)
        if old != new:
            fields = sorted(k for k in (old or {}).keys() | (new or {}).keys()
                            if (old or {}).get(k) != (new or {}).get(k))
            lines.append(f"  {key}: {', '.join(fields)}")
    return lines


def timing_table(groups: dict[str, list[Path]], before: dict, after: dict) -> list[str]:
    lines = [f"  {'group':10} {'files':>5} {'before s':>9} {'after s':>9} "
             f"{'ms/file before':>15} {'ms/file after':>14} {'speed-up':>8}"]
    for group, paths in groups.items():
        count = max(1, len(paths))
        lines.append(f"  {group:10} {len(paths):5} {before[group]:9.3f} {after[group]:9.3f} "
                     f"{1000 * before[group] / count:15.2f} {1000 * after[group] / count:14.2f} "
                     f"{before[group] / max(after[group], 1e-9):7.2f}x")
    return lines


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", default="main", help="reference commit (default: main)")
    parser.add_argument("--save", type=Path, help="only parse with this checkout into DIR")
    parser.add_argument("--work", type=Path, default=Path("/tmp/feedpub-equivalence"))
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per group")
    parser.add_argument("--rounds", type=int, default=2,
                        help="times both codes are run in turn (best time kept)")
    parser.add_argument("--generated", type=int, default=300)
    parser.add_argument("--big-bytes", type=int, default=5_000_000)
    parser.add_argument("--reuse", action="store_true",
                        help="reuse the last reference run of the same commit (its timings too)")
    parser.add_argument("--expect-package", type=Path, help=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    groups = input_groups(args.work, args.generated, args.big_bytes)
    if args.save:
        import feedpub

        if args.expect_package and not Path(feedpub.__file__).is_relative_to(args.expect_package):
            sys.exit(f"equivalence: imported {feedpub.__file__}, not the reference code")
        save(groups, args.repeat, args.save)
        return 0
    sys.path.insert(0, str(ROOT))
    current = args.work / "current"
    best: list[dict[str, float]] = [{}, {}]
    # Rounds alternate the two codes, so that a machine busier for a while slows both.
    for _ in range(args.rounds):
        reference = save_reference(args.against, args)
        save(groups, args.repeat, current)
        for kept, folder in zip(best, (reference, current)):
            for group, spent in json.loads((folder / "seconds.json").read_text()).items():
                kept[group] = min(spent, kept.get(group, spent))
    before = json.loads((reference / "outputs.json").read_text(encoding="utf-8"))
    after = json.loads((current / "outputs.json").read_text(encoding="utf-8"))
    changed = differences(before, after)
    print(f"outputs: {len(after)} files, {len(changed)} differ from {args.against}")
    print("\n".join(changed))
    print(f"CPU seconds (time.process_time, best of {args.repeat} x {args.rounds} rounds), "
          f"{args.against} -> this checkout:")
    print("\n".join(timing_table(groups, *best)))
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
