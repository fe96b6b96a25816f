"""A static server for the page-weight benchmark that records what it sends: the truth about bytes.

Nine requests for one URL are one transfer when the browser answers eight from its cache, so bytes
are counted where they leave the server. The server sends no compression; "gzip" is each body
compressed at level 6, as a typical server sends it, except formats compressed already.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, AnyStr
from urllib.parse import unquote, urlsplit

if TYPE_CHECKING:  # typeshed's protocols, as http.server's copyfile is typed
    from _typeshed import SupportsRead, SupportsWrite

GZIP_LEVEL = 6
COMPRESSED_SUFFIXES = frozenset((".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".woff", ".woff2", ".gz"))


def gzip_size(data: bytes) -> int:
    """Bytes of `data` gzipped at level 6, what a server with default settings would send."""
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def sent_size(path: str, data: bytes) -> int:
    """What a server sends for `path`: gzipped, except formats compressed already (servers skip those)."""
    return len(data) if PurePosixPath(path).suffix.lower() in COMPRESSED_SUFFIXES else gzip_size(data)


@dataclass(frozen=True)
class Transfer:
    """One response the server sent: its path, status and body size (error bodies count as 0)."""

    path: str
    status: int
    raw_bytes: int
    gzip_bytes: int


class ServerLog:
    """What the server sent, in order; shared by the server's threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._transfers: list[Transfer] = []

    def add(self, transfer: Transfer) -> None:
        """Record one response."""
        with self._lock:
            self._transfers.append(transfer)

    def count(self) -> int:
        """How many responses so far (to see when the page has gone quiet)."""
        with self._lock:
            return len(self._transfers)

    def take(self) -> list[Transfer]:
        """The responses since the last call, so each page load gets its own."""
        with self._lock:
            transfers, self._transfers = self._transfers, []
            return transfers


class _RecordingHandler(http.server.SimpleHTTPRequestHandler):
    """http.server's static handler, recording each response in `server_log`."""

    server_log: ServerLog

    def log_message(self, format: str, *args: object) -> None:
        pass

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        if code != 200:  # redirects, 304s and errors have no body to speak of; 200s are logged with it
            self.server_log.add(Transfer(site_path(self.path), int(code), 0, 0))

    def copyfile(self, source: SupportsRead[AnyStr], outputfile: SupportsWrite[AnyStr]) -> None:
        data = source.read()
        outputfile.write(data)
        path = site_path(self.path)
        body = data if isinstance(data, bytes) else data.encode()  # http.server opens the file 'rb': bytes
        self.server_log.add(Transfer(path, 200, len(body), sent_size(path, body)))


@contextmanager
def serve(site_dir: Path) -> Iterator[tuple[str, ServerLog]]:
    """Serve `site_dir` on 127.0.0.1 (a free port); yields the base URL and the server's log."""
    log = ServerLog()
    handler_class = type("Handler", (_RecordingHandler,), {"server_log": log})
    handler = functools.partial(handler_class, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", log
    finally:
        server.shutdown()
        server.server_close()


def site_path(url: str) -> str:
    """The path of a URL (or request path) relative to the site root, without query or fragment."""
    return unquote(urlsplit(url).path).lstrip("/")
