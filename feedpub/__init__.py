"""feedpub: saved news articles in, an Atom feed and a static site out."""
from __future__ import annotations

__version__ = "0.1.0"

from .build import build_site, load_articles  # noqa: E402
from .config import Config, load_config  # noqa: E402
from .errors import ConfigError, FeedpubError, InputError, PublishError  # noqa: E402
from .model import Article, BodyPart, Entry, Image, Kind  # noqa: E402
from .publish import publish_site  # noqa: E402

__all__ = [
    "Article", "BodyPart", "Config", "ConfigError", "Entry", "FeedpubError", "Image",
    "InputError", "Kind", "PublishError", "__version__", "build_site", "load_articles",
    "load_config", "parse_article", "publish_site",
]


def __getattr__(name: str) -> object:
    # The parser (its tables, python-dateutil) is imported on first use: a build whose
    # inputs are all in the parse cache never needs it (PEP 562 module __getattr__).
    if name == "parse_article":
        from .parse import parse_article

        return parse_article
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
