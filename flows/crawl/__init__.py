"""Crawling portals politely and safely into the store, driven by portal profiles.

The names are loaded when first asked for (PEP 562): ``kehoach extract`` imports the crawl's
error type through this package and should not pay for the HTTP client it never uses.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flows.crawl.crawler import crawl
    from flows.crawl.guard import Guard, Refused
    from flows.crawl.summary import CrawlSummary, NothingListed, Outcome

_MODULE_OF = {
    "crawl": "flows.crawl.crawler",
    "Guard": "flows.crawl.guard",
    "Refused": "flows.crawl.guard",
    "CrawlSummary": "flows.crawl.summary",
    "NothingListed": "flows.crawl.summary",
    "Outcome": "flows.crawl.summary",
}

__all__ = ["CrawlSummary", "Guard", "NothingListed", "Outcome", "Refused", "crawl"]


def __getattr__(name: str) -> Any:
    if name not in _MODULE_OF:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_MODULE_OF[name]), name)
