"""Per-host politeness: at most N requests in flight and at most R request starts per second.

Every request, retries and redirects included, goes through a host's slot, so the rate
holds whatever the number of worker threads.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager


class HostLimiter:
    def __init__(
        self, rate: float, concurrency: int, *, clock: Callable[[], float] = time.monotonic, sleep=time.sleep
    ) -> None:
        self.rate = rate
        self.concurrency = concurrency
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._next_start: dict[str, float] = {}
        self._interval: dict[str, float] = {}

    def slow_down(self, host: str, seconds_between: float) -> None:
        """Space this host's requests at least ``seconds_between`` apart (robots.txt Crawl-delay)."""
        with self._lock:
            self._interval[host] = max(seconds_between, 1.0 / self.rate)

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        """Hold one of ``host``'s slots, started no sooner than the rate allows."""
        with self._lock:
            semaphore = self._slots.setdefault(host, threading.BoundedSemaphore(self.concurrency))
        with semaphore:
            with self._lock:
                now = self._clock()
                start = max(now, self._next_start.get(host, now))
                self._next_start[host] = start + self._interval.get(host, 1.0 / self.rate)
            if start > now:
                self._sleep(start - now)
            yield
