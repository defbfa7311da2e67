"""The site as a plan: every file, a key of everything it is rendered from, and how to render it.

publish.py renders a file only when its key differs from the one recorded with the bytes
that are served (the manifest), so a build in which nothing changed renders nothing. A key
covers the entries a file shows (their ids, pages, dates, links and content fingerprints),
the settings, and the code and templates that render it: change any and the file is
rendered again (and written only if its bytes changed).
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from collections.abc import Callable, Iterator, Sequence
from importlib import resources

from .archive import FeedDocument, archived_ids, plan_documents, render_document_within_budget
from .cache import library_version, parser_code
from .config import Config
from .model import Entry
from .pages import IndexPage, index_pages, render_article, render_index
from .publish import Rendered, SiteFile
from .sealing import Sealed
from .state import article_fingerprint

# Settings that never reach a published byte: where things are read and kept, how many
# processes parse and render. Every other setting is part of every key.
NOT_RENDERED = ("input_dir", "output_dir", "state_file", "cache_dir", "parse_workers",
                "render_workers")
# Libraries whose output is published as is: upgrading one renders everything again.
RENDERING_LIBRARIES = ("feedgen", "jinja2", "markupsafe", "lxml")

WithBody = Callable[[Entry], Entry]


def as_given(entry: Entry) -> Entry:
    """For entries that already carry their full articles."""
    return entry


def plan_site(entries: Sequence[Entry], config: Config, with_body: WithBody = as_given,
              sealed: Sealed = Sealed()) -> list[SiteFile]:
    """Every file of the site, `entries` in feed order; bodies fetched by `with_body`;
    `sealed` the archive pages sealed so far (none: pages cut by date).

    Each feed document comes with the pages of its entries right after it, so that an
    article read and rendered for one is reused for the other (articles.py, pages.py).
    """
    basis = render_basis(config)
    documents = plan_documents(entries, config, sealed)
    archived = archived_ids(documents)
    # Every entry is shown by its page, a feed document and an index page: its signature
    # is worked out and encoded once.
    signatures = {entry.id: Encoded(KEY_ENCODER.encode(signature(entry))) for entry in entries}
    keyed = (basis, signatures)
    # One maker for all the files of a kind, each file holding only its own entry or document.
    page = functools.partial(render_page, config=config, with_body=with_body)
    feed = functools.partial(render_feed_document, archived=archived, config=config,
                             with_body=with_body)
    files: list[SiteFile] = []
    planned: set[str] = set()
    for doc in documents:
        files.append(feed_file(doc, archived, keyed, feed))
        for entry in doc.entries:
            if entry.page not in planned:
                planned.add(entry.page)
                files.append(article_file(entry, keyed, page, follows=True))
    files += [article_file(e, keyed, page) for e in entries if e.page not in planned]
    return files + list(index_files(entries, config, keyed))


# What every key is made from besides the file's own parts: render_basis, and each entry's
# signature by id, encoded.
Basis = tuple[str, dict[str, "Encoded"]]


def article_file(entry: Entry, basis: Basis, make: Callable[[Entry], Rendered],
                 follows: bool = False) -> SiteFile:
    """The page of `entry`, rendered by `make`; `follows`: planned right after the feed
    document that shows it."""
    common, signatures = basis
    path = entry.page
    return SiteFile(path, make_key(common, path, encoded_list([signatures[entry.id]])), make,
                    entry, follows)


def render_page(entry: Entry, config: Config, with_body: WithBody) -> Rendered:
    return Rendered(render_article(with_body(entry), config))


def feed_file(doc: FeedDocument, archived: set[str], basis: Basis,
              make: Callable[[FeedDocument], Rendered]) -> SiteFile:
    common, signatures = basis
    # Whether an entry is archived decides what feed.atom sheds first to fit its budget.
    key = make_key(common, doc.path, [list(link) for link in doc.links], doc.archive,
                   encoded_list([signatures[e.id] for e in doc.entries]),
                   [e.id in archived for e in doc.entries])
    return SiteFile(doc.path, key, make, doc)


def render_feed_document(doc: FeedDocument, archived: set[str], config: Config,
                         with_body: WithBody) -> Rendered:
    full = dataclasses.replace(doc, entries=tuple(with_body(e) for e in doc.entries))
    data, notes = render_document_within_budget(full, archived, config)
    return Rendered(data, tuple(notes))


def index_files(entries: Sequence[Entry], config: Config, basis: Basis) -> Iterator[SiteFile]:
    """The index pages; they show no article body, so none is fetched."""
    common, signatures = basis
    make = functools.partial(render_listed, config=config)
    for page in index_pages(entries, config):
        key = make_key(common, page.path, page.newer, page.older,
                       encoded_list([signatures[e.id] for e in page.listed]))
        yield SiteFile(page.path, key, make, page)


def render_listed(page: IndexPage, config: Config) -> Rendered:
    return Rendered(render_index(page, config))


def signature(entry: Entry) -> list:
    """Everything about an entry that a file showing it may show."""
    fingerprint = entry.fingerprint or article_fingerprint(entry.article)
    return [entry.id, entry.page, entry.published.isoformat(), entry.updated.isoformat(),
            entry.link, fingerprint]


# One encoder for every key: json.dumps given any option makes a new encoder each call, a
# third of the cost of a key, and a build makes one per file of the site.
KEY_ENCODER = json.JSONEncoder(ensure_ascii=True, separators=(",", ":"))


class Encoded(str):
    """A value already encoded by KEY_ENCODER, to go into a key as it is: an entry's
    signature goes into the keys of three files (its page, a feed document, an index page),
    and encoding it once instead of three times took planning a site of 10,000 articles
    from 0.10-0.11 s to 0.09 s."""


def encoded_list(items: list[Encoded]) -> Encoded:
    return Encoded("[" + ",".join(items) + "]")


def make_key(*parts: object) -> str:
    """The SHA-256 of `parts` as a JSON array (an Encoded part as it is)."""
    text = "[" + ",".join(part if isinstance(part, Encoded) else KEY_ENCODER.encode(part)
                          for part in parts) + "]"
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def render_basis(config: Config) -> str:
    """What every file depends on besides its entries: settings, code, templates."""
    settings = {f.name: str(getattr(config, f.name)) for f in dataclasses.fields(config)
                if f.name not in NOT_RENDERED}
    return make_key(renderer_version(), settings)


@functools.cache
def renderer_version() -> str:
    """A hash of feedpub's code and templates and the rendering libraries' versions."""
    digest = hashlib.sha256(parser_code().encode())
    templates = resources.files("feedpub").joinpath("templates")
    for name in sorted(p.name for p in templates.iterdir() if p.name.endswith(".j2")):
        digest.update(name.encode() + b"\0" + templates.joinpath(name).read_bytes())
    for library in RENDERING_LIBRARIES:
        digest.update(f"{library} {library_version(library)}\0".encode())
    return digest.hexdigest()


