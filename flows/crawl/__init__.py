"""Crawling portals politely and safely into the store, driven by portal profiles."""

from flows.crawl.crawler import crawl
from flows.crawl.guard import Guard, Refused
from flows.crawl.summary import CrawlSummary, NothingListed, Outcome

__all__ = ["CrawlSummary", "Guard", "NothingListed", "Outcome", "Refused", "crawl"]
