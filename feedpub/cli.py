"""The command line: options in, library calls, one line per problem, an exit code out."""
from __future__ import annotations

import argparse
import json
import signal
import sys
import traceback
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from . import stamp
from .articles import Articles
from .build import Loaded, Progress, load_inputs, make_entries, named_inputs, plan_site
from .cache import ParseCache
from .config import Config, load_config
from .entries import Resolved, future_dated, future_warning
from .errors import ConfigError, FeedpubError, InputError, LockedError, PublishError, Stopped
from .lock import output_lock
from .pool import collect_garbage_less_often
from .publish import publish_files
from .source import read_source
from .state import State, load_state, same_state, save_state

# Exit codes, documented in README.md.
EXIT_OK = 0        # everything published (skipped inputs are warned about)
EXIT_SKIPPED = 1   # --strict and some inputs were skipped (the rest is published)
EXIT_USAGE = 2     # bad command line or configuration
EXIT_FATAL = 3     # nothing published; what was served before stays as it was
EXIT_LOCKED = 4    # another build holds the lock

INTERRUPTED = "interrupted; what was served before stays whole, the next build finishes the job"


# The signals that stop a build: a service manager's SIGTERM and Ctrl-C's SIGINT.
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


class Stoppable:
    """Whether a stop signal still stops the build: from the moment main() takes the signals
    until the command's work has returned. One arriving later changes nothing, instead of
    killing a build that has finished (a signal Python meets outside its handlers ends the
    process "killed by a signal": systemd then reports a failed unit)."""

    now = False

    @classmethod
    def handle(cls, signum: int, frame: object) -> None:
        if cls.now:
            raise Stopped  # unwound by main(): one line, exit 3


def main(argv: Sequence[str] | None = None, *, program: bool = False) -> int:
    """Run the command line `argv`; `program`: this is the feedpub program, which ends when
    main() returns (else, as in tests, the caller's signal handlers are put back)."""
    parser = make_parser()
    args = parser.parse_args(argv)
    # Stopped by SIGTERM as by Ctrl-C: unwound with one line and exit 3, instead of dying
    # silently mid-write (what is served stays whole either way).
    previous = {stop: signal.signal(stop, Stoppable.handle) for stop in STOP_SIGNALS}
    Stoppable.now = True
    try:
        return run_until_done(args)
    except LockedError as exc:
        return fail(args, exc, EXIT_LOCKED)
    except ConfigError as exc:
        return fail(args, exc, EXIT_USAGE)
    except FeedpubError as exc:
        return fail(args, exc, EXIT_FATAL)
    except BaseException as exc:
        if stopped_within(exc):
            return fail(args, INTERRUPTED, EXIT_FATAL)
        raise
    finally:
        Stoppable.now = False
        if not program:
            for stop, handler in previous.items():
                signal.signal(stop, handler)


def stopped_within(error: BaseException) -> bool:
    """Whether `error` is a stop signal's Stopped or came from one: Python wraps an exception
    raised while a class is being created (a dataclass defined as a module is imported on first
    use) in a RuntimeError whose cause is the Stopped."""
    seen: set[int] = set()
    cause: BaseException | None = error
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, Stopped):
            return True
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return False


def run_until_done(args: argparse.Namespace) -> int:
    try:
        return args.run(args)
    finally:
        Stoppable.now = False  # the work is done: a stop signal from here on is ignored


def entry() -> None:
    """The `feedpub` program (and `python -m feedpub`): main(), then exit with its code."""
    collect_garbage_less_often()  # the program owns its process (pool.PARSE_GC_THRESHOLDS)
    code = main(program=True)
    # Stoppable ignores stop signals from here on; while Python shuts down its handlers may
    # not run, so the signals are ignored outright as well.
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.exit(code)


def fail(args: argparse.Namespace, error: object, code: int) -> int:
    if getattr(args, "debug", False):
        traceback.print_exc()
    print(f"feedpub: {error}", file=sys.stderr)
    return code


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="feedpub", description=__doc__)
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    commands = parser.add_subparsers(dest="command", required=True)
    add_build(commands.add_parser("build", help="parse seeds/ and publish output/"))
    add_parse(commands.add_parser("parse", help="show what the parser finds in files"))
    add_serve(commands.add_parser("serve", help="preview output/ on 127.0.0.1"))
    return parser


def add_site_options(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--config", type=Path, help="TOML file (default: ./feedpub.toml if present)")
    cmd.add_argument("--input", dest="input_dir", type=Path, help="directory of saved articles")
    cmd.add_argument("--output", dest="output_dir", type=Path, help="directory to publish into")
    cmd.add_argument("--base-url", "--site-url", dest="site_url",
                     help="public URL of the output directory (config: site_url)")
    cmd.add_argument("--title", help="feed and site title")
    cmd.add_argument("--timezone", help="time zone of dates written without one")


def add_build(cmd: argparse.ArgumentParser) -> None:
    add_site_options(cmd)
    cmd.add_argument("--strict", action="store_true", help="exit 1 if any input was skipped")
    cmd.add_argument("--quiet", action="store_true", help="print only warnings and errors")
    cmd.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                     help="wait this long for another build's lock (default: 0)")
    cmd.add_argument("--state", dest="state_file", type=Path, metavar="FILE",
                     help="entry history file (default: .OUTPUT.state.json beside the "
                          "output directory OUTPUT)")
    cmd.add_argument("--no-cache", action="store_true",
                     help="parse every input again, neither reading nor writing the cache")
    cmd.set_defaults(run=run_build)


def add_parse(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("files", nargs="+", type=Path, metavar="FILE")
    cmd.add_argument("--json", action="store_true", help="one JSON object per file")
    cmd.add_argument("--timezone", help="time zone of dates written without one")
    cmd.set_defaults(run=run_parse)


def add_serve(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--output", dest="output_dir", type=Path, default=Path("output"))
    cmd.add_argument("--port", type=port_number, default=8000)
    cmd.set_defaults(run=run_serve)


def port_number(text: str) -> int:
    """A TCP port for --port: 0 (any free one) to 65535."""
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (0-65535)")
    return port


def site_config(args: argparse.Namespace) -> Config:
    names = ("input_dir", "output_dir", "site_url", "title", "timezone", "state_file")
    return load_config(getattr(args, "config", None),
                       {name: getattr(args, name, None) for name in names})


def run_build(args: argparse.Namespace) -> int:
    config = site_config(args)
    # Locked before the inputs are read, not just around the writes: a build that waited
    # must publish the inputs as they are once it runs, never an older reading of them; and
    # the state it reads is the one the last build left.
    with output_lock(config.output_dir, args.wait, on_wait=lambda: note_waiting(args)):
        return build_locked(args, config)


def note_waiting(args: argparse.Namespace) -> None:
    if not args.quiet:
        print(f"feedpub: another build is running; waiting up to {args.wait:g} s",
              file=sys.stderr, flush=True)


def build_locked(args: argparse.Namespace, config: Config) -> int:
    now = datetime.now(timezone.utc)
    inputs = named_inputs(config.input_dir)
    seen = stamp.look(config, inputs)
    said = None if args.no_cache else stamp.unchanged(config, seen)
    if said is not None:  # nothing changed since the last build (stamp.py)
        lines = [*said.before, *future_lines(said.still_future(now)), *said.after]
        return summarise(args, config, lines, said.articles, said.skipped)
    stamp.forget(config)
    ready = read_entries(args, config, inputs, now)
    # Every input's name and path, 1.4 MB at 10,000 inputs: publishing needs neither.
    del inputs
    return publish_entries(args, config, ready, seen)


@dataclass(frozen=True)
class Ready:
    """A build's entries, worked out and reported, and what is left to decide once they are
    published: whether to save the state, and whether to stamp the build."""

    resolved: Resolved
    articles: Articles  # each entry's full article, read back when a file shows it
    said: stamp.Said
    state_warnings: list[str]
    state_changed: bool
    cache_warnings: list[str]


def read_entries(args: argparse.Namespace, config: Config, inputs: list[tuple[str, str]],
                 now: datetime) -> Ready:
    """Read every input (from the parse cache where it can), give each its entry and say
    what is wrong. What each input was read as (its Loaded) is let go on return: about
    1.2 MB at 10,000 inputs that publishing never reads."""
    cache = None if args.no_cache else ParseCache(config.cache_path, config.timezone)
    loaded, failures, articles = load_inputs(config, cache, progress_bar(args), inputs)
    resolved, state_warnings, state_changed = resolve(loaded, config)
    failures += resolved.failures
    if not resolved.entries:
        say(problem_lines(loaded, state_warnings, failures))
        raise PublishError(f"{config.input_dir}: no articles to publish; output left as it was")
    future = future_dated(resolved.entries, now)
    cache_warnings = cache.warnings() if cache else []
    said = stamp.Said(tuple(problem_lines(loaded, state_warnings + resolved.warnings, [])),
                      tuple(future), tuple(problem_lines([], cache_warnings, failures)),
                      len(resolved.entries), len(failures))
    say([*said.before, *problem_lines([], resolved.notes, []), *future_lines(future),
         *said.after])
    return Ready(resolved, articles, said, state_warnings, state_changed, cache_warnings)


def publish_entries(args: argparse.Namespace, config: Config, ready: Ready,
                    seen: stamp.Look) -> int:
    """Publish the site, save the state, stamp the build."""
    resolved = ready.resolved
    served = stamp.Served()
    report = publish_files(plan_site(resolved.entries, config, ready.articles.entry,
                                     resolved.state.sealed), config.output_dir,
                           config.render_workers, served.saw)
    notes = problem_lines([], list(report.notes), [])
    say(notes)
    if keep_state(resolved.state, ready.state_changed, ready.state_warnings, config) \
            and not ready.cache_warnings:
        # Only a build whose every message follows from its inputs is repeated from a stamp.
        stamp.save(config, seen, served, ready.said.then(notes))
    return summarise(args, config, [], ready.said.articles, ready.said.skipped,
                     len(report.written), len(report.removed))


def resolve(loaded: list[Loaded], config: Config) -> tuple[Resolved, list[str], bool]:
    """Each article's id, slug and dates, from the state the last build left (make_entries);
    the warnings about reading that state, and whether the new state differs from it. The
    state read is let go on return: at 10,000 articles it was 6 MB held through publishing."""
    state, warnings = load_state(config.state_path)
    resolved = make_entries(loaded, config, state)
    return resolved, warnings, not same_state(state, resolved.state)


def keep_state(new: State, changed: bool, warnings: list[str], config: Config) -> bool:
    """Save the state if it changed or was unreadable; whether it is now what was read."""
    if warnings or changed:
        return save_state_or_warn(new, config) and not warnings
    return True


def summarise(args: argparse.Namespace, config: Config, lines: list[str], articles: int,
              skipped: int, written: int = 0, removed: int = 0) -> int:
    """Say `lines` and the build's one-line summary; the exit code for what was skipped."""
    say(lines)
    if not args.quiet:
        print(f"feedpub: {counted(articles, 'article')}, {skipped} skipped, "
              f"{counted(written, 'file')} written, {removed} removed; "
              f"feed at {config.output_dir / 'feed.atom'}")
    return EXIT_SKIPPED if skipped and args.strict else EXIT_OK


def counted(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def progress_bar(args: argparse.Namespace) -> Progress:
    """A progress bar on stderr, only when it is a terminal and --quiet is not given."""
    if args.quiet or not sys.stderr.isatty():
        return iter
    from tqdm import tqdm  # only on a terminal: cron runs never need it

    return lambda paths: iter(tqdm(paths, desc="parsing", unit="file", file=sys.stderr,
                                   leave=False))


def problem_lines(loaded: list[Loaded], warnings: list[str],
                  failures: list[InputError]) -> list[str]:
    """The lines for stderr: each article's warnings, then `warnings`, then skipped inputs."""
    return ([f"feedpub: warning: {warning}" for item in loaded
             for warning in item.article.warnings]
            + [f"feedpub: warning: {warning}" for warning in warnings]
            + [f"feedpub: skipped {failure}" for failure in failures])


def future_lines(future: list[tuple[str, str]]) -> list[str]:
    return problem_lines([], [future_warning(*pair) for pair in future], [])


def say(lines: list[str]) -> None:
    for line in lines:
        print(line, file=sys.stderr)


def save_state_or_warn(state: State, config: Config) -> bool:
    """The site is out; a state file that cannot be written costs only future edit dates."""
    try:
        save_state(state, config.state_path)
    except OSError as exc:
        print(f"feedpub: warning: {config.state_path}: cannot write state: "
              f"{exc.strerror or exc}", file=sys.stderr)
        return False
    return True


def run_parse(args: argparse.Namespace) -> int:
    # Imported here, not above: `build` from the parse cache never loads the parser.
    from .jsonout import article_json
    from .parse import parse_source

    config = load_config(None, {"timezone": args.timezone})
    failed = 0
    for path in args.files:
        try:
            article = parse_source(read_source(path), config.tz)
        except InputError as error:
            print(f"feedpub: skipped {error}", file=sys.stderr)
            failed += 1
            continue
        print(json.dumps(article_json(article), ensure_ascii=False) if args.json
              else describe(article))
    return EXIT_SKIPPED if failed else EXIT_OK


def describe(article) -> str:
    from .jsonout import article_json

    data = article_json(article)
    lines = [f"{key}: {data[key]}" for key in ("source", "title", "published", "authors",
                                                "categories", "image", "related", "credit")]
    return "\n".join(lines + ["", data["content_text"], ""])


def run_serve(args: argparse.Namespace) -> int:
    from .serve import serve

    return serve(args.output_dir, args.port)
