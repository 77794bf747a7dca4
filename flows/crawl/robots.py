"""robots.txt, read once per site and obeyed as RFC 9309 says, Crawl-delay included.

The rules are matched by protego, which reads them as the RFC does: ``*`` matches any
characters and a final ``$`` anchors the end, the longest matching rule wins, and Allow wins
over Disallow at equal length. (The standard library's parser ignores the wildcards and takes
the first matching rule, so ``Disallow: /*.pdf$`` lets ``/a.pdf`` through there.)

A robots.txt that does not exist (4xx) allows everything; one that cannot be read (5xx,
network failure after retries) allows nothing, since the site may be saying "not now".
"""

from __future__ import annotations

import logging
import threading
from urllib.parse import urlsplit

from protego import Protego

from flows.crawl.fetch import Fetcher, FetchError

log = logging.getLogger("kehoach.crawl")

AGENT = "kehoach"


class Rules:
    """One site's rules: protego's reading of its robots.txt, or a blanket answer when there is none
    (``unreadable``: why nothing may be fetched; None: everything may)."""

    def __init__(self, parsed: Protego | None = None, *, unreadable: str | None = None) -> None:
        self._parsed = parsed
        self._unreadable = unreadable

    @classmethod
    def parse(cls, body: str) -> Rules:
        return cls(Protego.parse(body))

    def refusal(self, url: str) -> str | None:
        """Why ``url`` may not be fetched, or None."""
        if self._parsed is None:
            return self._unreadable
        return None if self._parsed.can_fetch(url, AGENT) else "disallowed by robots.txt"

    def allowed(self, url: str) -> bool:
        return self.refusal(url) is None

    def crawl_delay(self) -> float | None:
        return self._parsed.crawl_delay(AGENT) if self._parsed is not None else None


class Robots:
    def __init__(self, fetcher: Fetcher) -> None:
        self._fetcher = fetcher
        self._rules: dict[str, Rules] = {}
        self._lock = threading.Lock()

    def refusal(self, url: str) -> str | None:
        """Why the site's robots.txt keeps kehoach from ``url`` (disallowed, or unreadable), or None."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            rules = self._rules.get(origin)
            if rules is None:
                rules = self._rules[origin] = self._read(origin, parts.hostname or "")
        return rules.refusal(url)

    def allowed(self, url: str) -> bool:
        """Whether the site's robots.txt lets kehoach fetch ``url``."""
        return self.refusal(url) is None

    def _read(self, origin: str, host: str) -> Rules:
        try:
            fetched = self._fetcher.get(origin + "/robots.txt")
        except FetchError as err:
            if err.status is not None and 400 <= err.status < 500:
                return Rules()
            log.warning("robots.txt of %s unreadable (%s): fetching nothing there", origin, err.reason)
            return Rules(unreadable=f"robots.txt unreadable ({err.reason})")
        rules = Rules.parse(fetched.body.decode("utf-8", "replace"))
        delay = rules.crawl_delay()
        if delay:
            self._fetcher.limiter.slow_down(host, float(delay))
        return rules
