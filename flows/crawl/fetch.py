"""HTTP GET done politely and defensively: guard every hop, limit per host, retry what is transient.

Redirects are followed by hand so that each hop passes the guard; bodies are streamed so
that a download stops at the size cap; ETag and Last-Modified make a re-fetch cheap.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import version
from urllib.parse import urljoin, urlsplit

import httpx

from flows.crawl.guard import Guard
from flows.crawl.limits import HostLimiter
from flows.crawl.retry import RETRY_STATUSES, backoff_delay, retry_after_seconds
from flows.portals.profile import Limits

log = logging.getLogger("kehoach.crawl")

USER_AGENT = f"kehoach/{version('kehoach')} (document crawler; plan records from published official documents)"
REDIRECTS = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class Fetched:
    url: str
    status: int
    body: bytes
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchError(Exception):
    """A URL that could not be fetched; ``status`` is the last HTTP status, if any."""

    def __init__(self, url: str, reason: str, status: int | None = None) -> None:
        super().__init__(f"{reason}: {url}")
        self.url = url
        self.reason = reason
        self.status = status


class _Transient(Exception):
    def __init__(self, reason: str, wait: float | None = None, status: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.wait = wait
        self.status = status


class Fetcher:
    def __init__(
        self,
        guard: Guard,
        limits: Limits,
        *,
        limiter: HostLimiter | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.guard = guard
        self.limits = limits
        self.limiter = limiter or HostLimiter(limits.rate, limits.concurrency)
        self._sleep = sleep
        self.requests = 0
        self._client = httpx.Client(
            headers={"User-Agent": USER_AGENT},
            timeout=httpx.Timeout(limits.timeout),
            follow_redirects=False,
            trust_env=False,
        )

    def close(self) -> None:
        self._client.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """The response to GET ``url`` (304 when the validators still hold).

        Raises ``Refused`` for a URL or redirect the guard refuses and ``FetchError`` when
        the server keeps failing or answers with an error that retrying cannot fix.
        """
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        for attempt in range(self.limits.retries + 1):
            try:
                return self._follow(url, headers)
            except _Transient as err:
                if attempt == self.limits.retries:
                    raise FetchError(url, f"{err.reason} after {attempt + 1} tries", err.status) from None
                delay = backoff_delay(attempt, self.limits.backoff)
                if err.wait is not None:
                    delay = max(delay, min(err.wait, self.limits.retry_after_max))
                log.info("retry %s in %.1fs: %s", url, delay, err.reason)
                self._sleep(delay)
        raise AssertionError("unreachable")  # the loop returns or raises

    def _follow(self, url: str, headers: dict[str, str]) -> Fetched:
        current = self.guard.check(url)
        for _ in range(self.limits.max_redirects + 1):
            fetched, location = self._once(current, headers)
            if location is None:
                return fetched
            current = self.guard.check(urljoin(current, location))
        raise FetchError(url, f"more than {self.limits.max_redirects} redirects")

    def _once(self, url: str, headers: dict[str, str]) -> tuple[Fetched, str | None]:
        host = urlsplit(url).hostname or ""
        with self.limiter.slot(host):
            self.requests += 1
            try:
                with self._client.stream("GET", url, headers=headers) as response:
                    status = response.status_code
                    if status in REDIRECTS and "location" in response.headers:
                        return Fetched(url, status, b""), response.headers["location"]
                    if status in RETRY_STATUSES:
                        wait = retry_after_seconds(response.headers.get("retry-after"))
                        raise _Transient(f"HTTP {status}", wait, status)
                    if status >= 400:
                        raise FetchError(url, f"HTTP {status}", status)
                    body = self._read_capped(url, response)
                    return (
                        Fetched(
                            url,
                            status,
                            body,
                            content_type=response.headers.get("content-type"),
                            etag=response.headers.get("etag"),
                            last_modified=response.headers.get("last-modified"),
                        ),
                        None,
                    )
            except httpx.TimeoutException:
                raise _Transient("timed out") from None
            except httpx.TransportError as err:
                raise _Transient(f"connection failed ({type(err).__name__})") from None

    def _read_capped(self, url: str, response: httpx.Response) -> bytes:
        cap = self.limits.max_bytes
        declared = response.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > cap:
            raise FetchError(url, f"body of {declared} bytes exceeds the {cap}-byte cap")
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > cap:
                raise FetchError(url, f"body exceeds the {cap}-byte cap")
            chunks.append(chunk)
        return b"".join(chunks)
