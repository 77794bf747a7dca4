"""The fetcher's limits: Retry-After honoured, size and redirect caps."""

from __future__ import annotations

import pytest

from flows.crawl.fetch import Fetcher, FetchError
from flows.crawl.guard import Guard
from flows.crawl.retry import backoff_delay, retry_after_seconds


def fetcher(profile, **limits) -> tuple[Fetcher, list[float]]:
    waits: list[float] = []
    guard = Guard(profile.allowed_hosts, private_network=True)
    return Fetcher(guard, profile.limits.model_copy(update=limits), sleep=waits.append), waits


def test_retry_after_is_honoured(start_site, profile_for):
    site = start_site(fault_rate=1.0)  # faults in turn: 500, 429, then the path is served (at most 2 in a row)
    f, waits = fetcher(profile_for(site))
    assert f.get(site.base_url + "/robots.txt").status == 200
    assert [fault for _, fault in site.requests] == ["500", "429", "ok"]
    assert waits[1] >= 1.0  # the 429 said Retry-After: 1
    assert waits[0] < 1.0


def test_size_cap_and_redirect_cap(start_site, profile_for):
    site = start_site()
    f, _ = fetcher(profile_for(site), max_bytes=100)
    with pytest.raises(FetchError, match="cap"):
        f.get(site.base_url + "/vbcd/index.html")
    f, _ = fetcher(profile_for(site), max_redirects=0)
    with pytest.raises(FetchError, match="more than 0 redirects"):
        f.get(site.base_url + "/vbcd")  # the server redirects a folder to its slash form


def test_backoff_grows_with_jitter_and_retry_after_reads_dates():
    delays = [backoff_delay(n, 1.0) for n in range(4)]
    assert all(2**n / 2 <= d <= 2**n for n, d in enumerate(delays))
    assert retry_after_seconds("7") == 7.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0
    assert retry_after_seconds("soon") is None
