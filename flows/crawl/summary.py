"""What a crawl did, counted as it goes, for the end-of-run summary and the tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class NothingListed(Exception):
    """A crawl whose start URLs listed no document at all: a wrong selector, a moved portal or a refused
    start URL. Never a quiet success, since a scheduled run would go on "succeeding" with nothing."""


class Outcome(StrEnum):
    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    FAILED = "failed"
    REFUSED = "refused"


@dataclass
class CrawlSummary:
    portal: str
    listing_pages: int = 0
    documents: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    requests: int = 0
    failed: dict[str, str] = field(default_factory=dict)
    refused: dict[str, str] = field(default_factory=dict)

    @property
    def fetched(self) -> int:
        """Documents whose content was downloaded and stored in this run."""
        return self.new + self.changed

    def count(self, outcome: Outcome, url: str, reason: str = "") -> None:
        if outcome is Outcome.FAILED:
            self.failed[url] = reason
        elif outcome is Outcome.REFUSED:
            self.refused[url] = reason
        else:
            setattr(self, outcome.value, getattr(self, outcome.value) + 1)

    def nothing_listed(self, start_urls: list[str]) -> str:
        """What to tell when the start URLs listed nothing: each start URL and what became of it."""
        why = []
        for url in start_urls:
            reason = self.refused.get(url) or self.failed.get(url)
            why.append(f"{url} ({reason or 'no item matched the listing selectors'})")
        return f"crawl {self.portal}: no document listed from its start URLs: {'; '.join(why)}"

    def lines(self) -> list[str]:
        """The summary as a person reads it: totals, then each failure and refusal with its reason."""
        out = [
            f"crawl {self.portal}: {self.listing_pages} listing pages, {self.documents} documents listed,"
            f" {self.fetched} fetched ({self.new} new, {self.changed} changed), {self.unchanged} unchanged,"
            f" {len(self.failed)} failed, {len(self.refused)} refused; {self.requests} HTTP requests"
        ]
        out += [f"  failed   {url}: {reason}" for url, reason in sorted(self.failed.items())]
        out += [f"  refused  {url}: {reason}" for url, reason in sorted(self.refused.items())]
        return out
