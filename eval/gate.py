"""The parser's evaluation gate: score the corpora, print the table, fail below the floors.

    python eval/gate.py                    # score, print, exit 1 if a metric is below its floor
    python eval/gate.py --raise-floors     # ... and raise eval/floors.json to today's scores
    python eval/gate.py --raise-floors --allow-lower   # also lower floors (say why in the commit)

Scores with the corpus yardstick (`../shared/tools/score.py`, run on `feedpub parse --json`
exactly as a user would) on the shared developer corpus and on the project's own
tests/cases/. Floors live in eval/floors.json: for each corpus, its overall metrics and the
body metrics of each renderer. "false_dates" and "errors" are ceilings, every other one a floor.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("FEEDPUB_SHARED", ROOT.parent / "shared"))
SCORER = SHARED / "tools" / "score.py"
FLOORS = ROOT / "eval" / "floors.json"
CORPORA = {"developer corpus": SHARED / "corpus", "tests/cases": ROOT / "tests" / "cases"}
# Metrics where lower is better: their pinned value is a ceiling.
CEILINGS = ("false_dates", "errors")
OVERALL = ("title_exact", "date_acc", "false_dates", "author_precision", "author_recall",
           "body_f1", "body_f1_ge_0.9", "errors")
PER_RENDERER = ("body_f1", "body_f1_ge_0.9")


def score(corpus: Path, jobs: int) -> dict:
    """score.py's JSON for `corpus`, plus each renderer's share of cases at body F1 >= 0.9."""
    cmd = f"{shlex.quote(sys.executable)} -m feedpub parse {{}} --json"
    out = subprocess.run([sys.executable, str(SCORER), str(corpus), "--cmd", cmd, "--jobs",
                          str(jobs), "--json"], capture_output=True, text=True, check=True,
                         cwd=ROOT).stdout
    result = json.loads(out)
    metrics = {k: result["aggregate"][k] for k in OVERALL}
    renderers: dict[str, list[float]] = {}
    for case in result["cases"]:
        renderers.setdefault(case["renderer"] or "?", []).append(case["body_f1"])
    for name, f1s in sorted(renderers.items()):
        metrics[f"{name}.body_f1"] = sum(f1s) / len(f1s)
        metrics[f"{name}.body_f1_ge_0.9"] = sum(f >= 0.9 for f in f1s) / len(f1s)
    return metrics


def is_ceiling(metric: str) -> bool:
    return metric.rsplit(".", 1)[-1] in CEILINGS


def below(metric: str, value: float | None, pinned: float) -> bool:
    if value is None:
        return False
    return value > pinned if is_ceiling(metric) else value < pinned - 1e-9


def pin(metric: str, value: float) -> float:
    """The floor to pin for a score: rounded toward passing, so reruns stay green."""
    if is_ceiling(metric):
        return value
    return math.floor(value * 1000) / 1000


def report(name: str, metrics: dict, floors: dict) -> list[str]:
    print(f"\n{name}\n{'metric':34} {'score':>8} {'floor':>8}")
    failed = []
    for metric, value in metrics.items():
        pinned = floors.get(metric)
        bad = pinned is not None and below(metric, value, pinned)
        shown = "-" if value is None else f"{value:.3f}"
        limit = "-" if pinned is None else f"{pinned:.3f}"
        print(f"{metric:34} {shown:>8} {limit:>8}{'  BELOW' if bad else ''}")
        if bad:
            failed.append(f"{name}: {metric} {shown} is past its pinned {limit}")
    return failed


def raised(old: dict, metrics: dict, allow_lower: bool) -> tuple[dict, list[str]]:
    new, refused = dict(old), []
    for metric, value in metrics.items():
        if value is None:
            continue
        candidate = pin(metric, value)
        if metric not in old or below(metric, old[metric], candidate) or allow_lower:
            new[metric] = candidate
        elif below(metric, candidate, old[metric]):
            refused.append(metric)
    return new, refused


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--raise-floors", action="store_true", help="pin today's better scores")
    ap.add_argument("--allow-lower", action="store_true", help="let --raise-floors lower them")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    if not SCORER.is_file():
        print(f"gate: {SCORER} not found; cannot score", file=sys.stderr)
        return 2
    floors = json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.exists() else {}
    failures: list[str] = []
    for name, corpus in CORPORA.items():
        metrics = score(corpus, args.jobs)
        failures += report(name, metrics, floors.get(name, {}))
        if args.raise_floors:
            floors[name], refused = raised(floors.get(name, {}), metrics, args.allow_lower)
            failures += [f"{name}: {m} would be lowered; pass --allow-lower" for m in refused]
    if args.raise_floors:
        FLOORS.write_text(json.dumps(floors, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"\nwrote {FLOORS}")
    for failure in failures:
        print(f"gate: {failure}", file=sys.stderr)
    print("\ngate: " + ("FAILED" if failures else "passed"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
