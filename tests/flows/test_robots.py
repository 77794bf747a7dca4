"""robots.txt read as RFC 9309 says: wildcards, end anchors, longest match, Allow at a tie; and what
an absent (4xx) or unreadable (5xx) robots.txt means."""

from __future__ import annotations

import pytest

from flows.crawl.fetch import Fetched, FetchError
from flows.crawl.robots import Robots, Rules

ROBOTS = """
User-agent: *
Disallow: /*.pdf$
Disallow: /vbcd/
Allow: /vbcd/chi-tiet/
Disallow: /vbcd/chi-tiet/nhap-
Allow: /tin/
Disallow: /tin/
Disallow: /*?print=
Crawl-delay: 3

User-agent: kehoach
Disallow: /noi-bo/
Allow: /*.pdf$
Disallow: /*.pdf$
Disallow: /*?print=
"""

CASES = [
    # the kehoach group applies, not the * group: /vbcd/ is open to kehoach, /noi-bo/ is not
    ("/vbcd/index.html", True),
    ("/noi-bo/a.html", False),
    # Allow and Disallow of the same length: Allow wins
    ("/a.pdf", True),
    # wildcard in the middle
    ("/tin/1?print=1", False),
    ("/tin/1?page=2", True),
]
STAR_CASES = [
    ("/a.pdf", False),  # `/*.pdf$`: any path ending in .pdf
    ("/files/2024/a.pdf", False),
    ("/a.pdf?x=1", True),  # ... the query is part of what is matched, so it no longer ends in .pdf
    ("/a.pdfx", True),
    ("/vbcd/index.html", False),  # `/vbcd/`
    ("/vbcd/chi-tiet/1.html", True),  # the longer `Allow: /vbcd/chi-tiet/` wins
    ("/vbcd/chi-tiet/nhap-1.html", False),  # and the still longer Disallow wins over it
    ("/tin/a.html", True),  # equal length: Allow wins
    ("/tin/a.html?print=1", False),  # `/*?print=` is longer than `/tin/`
    ("/gioi-thieu", True),
]


@pytest.mark.parametrize(("path", "allowed"), CASES)
def test_the_kehoach_group_is_read_as_rfc_9309_says(path: str, allowed: bool) -> None:
    assert Rules.parse(ROBOTS).allowed("https://portal.gov.vn" + path) is allowed


@pytest.mark.parametrize(("path", "allowed"), STAR_CASES)
def test_wildcards_anchors_and_longest_match(path: str, allowed: bool) -> None:
    star_only = ROBOTS.split("User-agent: kehoach")[0]
    assert Rules.parse(star_only).allowed("https://portal.gov.vn" + path) is allowed


class _Limiter:
    def __init__(self) -> None:
        self.delays: dict[str, float] = {}

    def slow_down(self, host: str, seconds: float) -> None:
        self.delays[host] = seconds


class _Fetcher:
    """Answers robots.txt with a body or an HTTP error."""

    def __init__(self, body: str | None = None, status: int | None = None) -> None:
        self.body, self.status = body, status
        self.limiter = _Limiter()
        self.asked: list[str] = []

    def get(self, url: str) -> Fetched:
        self.asked.append(url)
        if self.status is not None:
            raise FetchError(url, f"HTTP {self.status}", self.status)
        return Fetched(url, 200, (self.body or "").encode())


def test_missing_robots_allows_all_unreadable_disallows_all_and_crawl_delay_slows_the_host() -> None:
    missing = Robots(_Fetcher(status=404))
    assert missing.allowed("https://portal.gov.vn/a.pdf") and missing.allowed("https://portal.gov.vn/x")
    broken = Robots(_Fetcher(status=503))
    assert not broken.allowed("https://portal.gov.vn/") and not broken.allowed("https://portal.gov.vn/x")
    assert broken.refusal("https://portal.gov.vn/x") == "robots.txt unreadable (HTTP 503)"
    star = _Fetcher(ROBOTS.split("User-agent: kehoach")[0])
    robots = Robots(star)
    assert robots.allowed("https://portal.gov.vn/vbcd/chi-tiet/1.html")
    assert robots.refusal("https://portal.gov.vn/a.pdf") == "disallowed by robots.txt"
    assert star.limiter.delays == {"portal.gov.vn": 3.0}
    assert star.asked == ["https://portal.gov.vn/robots.txt"]  # read once per site
