"""The parser's evaluation gate: score the corpora, print the table, fail below the floors.

    python eval/gate.py                    # score, print, exit 1 if a metric is below its floor
    python eval/gate.py --raise-floors     # ... and raise eval/floors.json to today's scores
    python eval/gate.py --raise-floors --allow-lower   # also lower floors (say why in the commit)

Scores the project's own tests/cases/ and, when it is found beside the checkout
(`../shared/corpus`, or $FEEDPUB_SHARED/corpus), the shared developer corpus, and that corpus
re-rendered: each of its pages' HTML through w3m, lynx, inscriptis and Chromium
(eval/rerender.py), so that a page is read every way people save it, not only the one way its
case has; rendered three ways the corpus does not use ("other renderers": elinks, lynx with
its list of links, and html2text's Markdown); and 22 pages of sites the parser was never
tuned on, every one of those ways ("held-out pages", eval/heldout.py, fetched from PyPI into
a cache). Parsing runs in this process, as `feedpub parse --json` does, and the metrics are
the corpus yardstick's (`../shared/tools/score.py`; tests/corpus_metrics.py normalises as it
does): title exact, date by calendar day, false dates on pages that show none, authors micro
precision/recall, bag-of-words body F1 and the share of pages at F1 >= 0.9, overall and per
renderer. Floors live in eval/floors.json, per corpus; "false_dates" and "errors" are
ceilings, every other one a floor. A corpus that is not there is said so and left out, never
failed (unless FEEDPUB_REQUIRE_TOOLS is set, as in CI, and what re-rendering needs is
missing).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.cases_runner import CASES, Outcome, case_names, run_case  # noqa: E402
from tests.corpus_metrics import matched_names  # noqa: E402
from eval import heldout, rerender  # noqa: E402

SHARED = Path(os.environ.get("FEEDPUB_SHARED", ROOT.parent / "shared"))
FLOORS = ROOT / "eval" / "floors.json"
CORPORA = {"developer corpus": SHARED / "corpus", "tests/cases": CASES}
RERENDERED = "re-rendered corpus"
OTHERS = "other renderers"
HELDOUT = "held-out pages"
# Each rendered corpus and the renderers that make it.
RENDERED = {RERENDERED: rerender.RENDERERS, OTHERS: rerender.OTHER_RENDERERS,
            HELDOUT: rerender.RENDERERS + rerender.OTHER_RENDERERS}
# Metrics where lower is better: their pinned value is a ceiling.
CEILINGS = ("false_dates", "errors")
# A page counts as well extracted from this body F1 up.
GOOD_BODY_F1 = 0.9


def score(corpus: Path) -> dict:
    """Every metric for `corpus`, overall and for each renderer's body."""
    outcomes = [run_case(name, corpus) for name in case_names(corpus)]
    metrics = aggregate(outcomes)
    renderers: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        renderers.setdefault(outcome.want.get("renderer") or "?", []).append(outcome)
    for name, group in sorted(renderers.items()):
        metrics[f"{name}.body_f1"] = statistics.fmean(o.body_f1 for o in group)
        metrics[f"{name}.body_f1_ge_0.9"] = good_share(group)
    return metrics


def aggregate(outcomes: list[Outcome]) -> dict:
    titled = [o for o in outcomes if o.want.get("title")]
    dated = [o for o in outcomes if o.want.get("published")]
    # A page that shows a day without its year is left out of both date counts.
    undated = [o for o in outcomes
               if not o.want.get("published") and not o.want.get("published_partial")]
    found = sum(matched_names(o.want.get("authors"), o.got["authors"]) for o in outcomes)
    named = sum(len(o.field("authors")[0]) for o in outcomes)
    guessed = sum(len(o.field("authors")[1]) for o in outcomes)
    return {
        "title_exact": share(titled, lambda o: o.field("title")[0] == o.field("title")[1]),
        "date_acc": share(dated, lambda o: o.field("date")[0] == o.field("date")[1]),
        "false_dates": sum(1 for o in undated if o.got["published"]),
        "author_precision": found / guessed if guessed else None,
        "author_recall": found / named if named else None,
        "body_f1": statistics.fmean(o.body_f1 for o in outcomes),
        "body_f1_ge_0.9": good_share(outcomes),
        "errors": sum(1 for o in outcomes if o.error),
    }


def share(outcomes: list[Outcome], right) -> float | None:
    return sum(1 for o in outcomes if right(o)) / len(outcomes) if outcomes else None


def good_share(outcomes: list[Outcome]) -> float:
    return sum(o.body_f1 >= GOOD_BODY_F1 for o in outcomes) / len(outcomes)


def is_ceiling(metric: str) -> bool:
    return metric.rsplit(".", 1)[-1] in CEILINGS


def below(metric: str, value: float | None, pinned: float) -> bool:
    if value is None:
        return False
    return value > pinned if is_ceiling(metric) else value < pinned - 1e-9


# The rendered corpora's texts come from programs outside the project (Debian's w3m, lynx,
# elinks and Chromium, PyPI's inscriptis and html2text), whose updates may change a page or
# two: their floors sit this far under their scores (a page of 88 is 0.011; of the 22
# held-out pages, 0.045), their ceilings this many pages over.
SLACK = {**{name: (0.02, 2) for name in RENDERED}, HELDOUT: (0.05, 2)}


def pin(metric: str, value: float, slack: tuple[float, int] = (0.0, 0)) -> float:
    """The floor to pin for a score: rounded toward passing, so reruns stay green."""
    if is_ceiling(metric):
        return value + slack[1] if metric.endswith("false_dates") else value
    return max(0.0, math.floor((value - slack[0]) * 1000) / 1000)


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


def raised(old: dict, metrics: dict, allow_lower: bool,
           slack: tuple[float, int] = (0.0, 0)) -> tuple[dict, list[str]]:
    new, refused = dict(old), []
    for metric, value in metrics.items():
        if value is None:
            continue
        candidate = pin(metric, value, slack)
        if metric not in old or below(metric, old[metric], candidate) or allow_lower:
            new[metric] = candidate
        elif below(metric, candidate, old[metric]):
            refused.append(metric)
    return new, refused


def rendered(name: str, work: Path, failures: list[str]) -> Path | None:
    """The corpus `name` (the developer corpus, or the held-out pages) rendered the ways
    RENDERED[name] says into `work`; None, said why, if it cannot be."""
    lacking = rerender.missing(RENDERED[name])
    if lacking:
        print(f"\n{name}: this machine lacks {', '.join(lacking)}; not scored")
        if os.environ.get("FEEDPUB_REQUIRE_TOOLS"):
            failures.append(f"{name}: {', '.join(lacking)} missing")
        return None
    source = pages_of(name, work.with_name(work.name + "-pages"), failures)
    if source is None:
        return None
    work.mkdir()
    rerender.write_cases(source, work, RENDERED[name])
    return work


def pages_of(name: str, work: Path, failures: list[str]) -> Path | None:
    """The corpus of pages with their HTML that `name` renders: the developer corpus, or the
    held-out pages fetched (eval/heldout.py); None, said why, if it is not to be had."""
    if name != HELDOUT:
        pages = SHARED / "corpus"
        if not (pages / "html").is_dir():
            print(f"\n{name}: no pages in {pages / 'html'}; not scored")
            return None
        return pages
    try:
        data = heldout.fetch()
    except (OSError, subprocess.CalledProcessError) as error:
        print(f"\n{name}: could not fetch {heldout.SOURCE} ({error}); not scored")
        if os.environ.get("FEEDPUB_REQUIRE_TOOLS"):
            failures.append(f"{name}: {heldout.SOURCE} not fetched")
        return None
    heldout.write_corpus(data, work)
    return work


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--raise-floors", action="store_true", help="pin today's better scores")
    ap.add_argument("--allow-lower", action="store_true", help="let --raise-floors lower them")
    args = ap.parse_args()
    floors = json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.exists() else {}
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="feedpub-gate-") as work:
        corpora = {**CORPORA, **{name: rendered(name, Path(work, str(number)), failures)
                                 for number, name in enumerate(RENDERED)}}
        for name, corpus in corpora.items():
            if corpus is None:
                continue
            if not case_names(corpus):
                print(f"\n{name}: no cases in {corpus}; not scored")
                continue
            metrics = score(corpus)
            failures += report(name, metrics, floors.get(name, {}))
            if args.raise_floors:
                floors[name], refused = raised(floors.get(name, {}), metrics, args.allow_lower,
                                               SLACK.get(name, (0.0, 0)))
                failures += [f"{name}: {m} would be lowered; pass --allow-lower"
                             for m in refused]
    if args.raise_floors:
        FLOORS.write_text(json.dumps(floors, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"\nwrote {FLOORS}")
    for failure in failures:
        print(f"gate: {failure}", file=sys.stderr)
    print("\ngate: " + ("FAILED" if failures else "passed"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
