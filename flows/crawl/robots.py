"""robots.txt, read once per site and obeyed, Crawl-delay included.

As RFC 9309 says: a robots.txt that does not exist (4xx) allows everything; one that
cannot be read (5xx, network failure after retries) allows nothing, since the site may be
saying "not now".
"""

from __future__ import annotations

import logging
import threading
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from flows.crawl.fetch import Fetcher, FetchError

log = logging.getLogger("kehoach.crawl")

AGENT = "kehoach"


class Robots:
    def __init__(self, fetcher: Fetcher) -> None:
        self._fetcher = fetcher
        self._parsers: dict[str, RobotFileParser] = {}
        self._lock = threading.Lock()

    def allowed(self, url: str) -> bool:
        """Whether the site's robots.txt lets kehoach fetch ``url``."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            parser = self._parsers.get(origin)
            if parser is None:
                parser = self._parsers[origin] = self._read(origin, parts.hostname or "")
        return parser.can_fetch(AGENT, url)

    def _read(self, origin: str, host: str) -> RobotFileParser:
        parser = RobotFileParser(origin + "/robots.txt")
        try:
            fetched = self._fetcher.get(origin + "/robots.txt")
        except FetchError as err:
            if err.status is not None and 400 <= err.status < 500:
                parser.parse([])
            else:
                log.warning("robots.txt of %s unreadable (%s): fetching nothing there", origin, err.reason)
                parser.disallow_all = True
            return parser
        parser.parse(fetched.body.decode("utf-8", "replace").splitlines())
        delay = parser.crawl_delay(AGENT)
        if delay:
            self._fetcher.limiter.slow_down(host, float(delay))
        return parser
