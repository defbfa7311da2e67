"""`feedpub serve`: a local preview of the output directory on 127.0.0.1."""
from __future__ import annotations

import functools
import http.server
from pathlib import Path

from .errors import ConfigError, Stopped

# Types the preview server sends for feedpub's files (the standard table lacks .atom on some
# systems, and readers expect the Atom type), with the charset, as README asks of any server.
CONTENT_TYPES = {".atom": "application/atom+xml; charset=utf-8",
                 ".html": "text/html; charset=utf-8"}


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **CONTENT_TYPES}


def serve(output_dir: Path, port: int) -> int:
    """Serve `output_dir` until interrupted."""
    if not output_dir.is_dir():
        raise ConfigError(f"{output_dir}: no output directory; run 'feedpub build' first")
    handler = functools.partial(PreviewHandler, directory=str(output_dir))
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as exc:
        raise ConfigError(f"127.0.0.1:{port}: cannot listen: {exc.strerror}") from None
    print(f"feedpub: serving {output_dir} at http://127.0.0.1:{server.server_port}/ "
          "(Ctrl-C stops)", flush=True)
    with server:
        try:
            server.serve_forever()
        except (Stopped, KeyboardInterrupt):  # the command line's stop, or Python's Ctrl-C
            pass
    return 0
