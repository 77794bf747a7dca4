"""Serve a folder of saved portal pages over HTTP on loopback: the fixture portal of the demo and tests.

Answers with Last-Modified and ETag and honours If-None-Match / If-Modified-Since, as real
portals do, so that a re-run's conditional GETs come back 304. It binds 127.0.0.1 only.
"""

from __future__ import annotations

import hashlib
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class SiteHandler(SimpleHTTPRequestHandler):
    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_file():
            etag = '"' + hashlib.sha256(path.read_bytes()).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return None
            self._etag = etag
        return super().send_head()

    def end_headers(self) -> None:
        etag = getattr(self, "_etag", None)
        if etag is not None:
            self.send_header("ETag", etag)
            self._etag = None
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the crawler logs what matters."""


def serve_site(root: Path, port: int = 0, handler: type[SiteHandler] = SiteHandler) -> ThreadingHTTPServer:
    """Start serving ``root`` on 127.0.0.1:``port`` (0: any free port) in a daemon thread."""
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(handler, directory=str(root)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="kehoach-site", daemon=True).start()
    return server


def base_url(server: ThreadingHTTPServer) -> str:
    """The server's address under the host name the fixture profile allows."""
    return f"http://localhost:{server.server_address[1]}"
