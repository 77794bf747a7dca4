"""One crawl of one portal: listing pages → document items → detail pages and attachments → the store.

Listing pages are always asked again (conditionally, so an unchanged page costs a 304);
a document already in the store is not asked again unless ``refresh`` is set, which makes
a re-run fetch only what is new. Each document is written to the store in one transaction
after its files (detail page, text, attachments) are on disk, so a run killed at any point
resumes without loss or duplicates.

The detail page's text is stored as the document's text only when it is the document
(``flows.crawl.source``); otherwise the attachments are, in the order the page lists them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

from flows.crawl.fetch import Fetched, Fetcher, FetchError
from flows.crawl.guard import Guard, Refused
from flows.crawl.parse import ListingItem, parse_detail, parse_listing
from flows.crawl.robots import Robots
from flows.crawl.source import NoDocumentText, check_has_source, document_text
from flows.crawl.summary import CrawlSummary, NothingListed, Outcome
from flows.portals.profile import Profile
from flows.store import AttachmentRow, DocumentRow, Page, Store, suffix_for
from flows.store.catalogue import now

log = logging.getLogger("kehoach.crawl")


class Crawler:
    def __init__(self, profile: Profile, store: Store, *, refresh: bool = False) -> None:
        self.profile = profile
        self.store = store
        self.refresh = refresh
        self.guard = Guard(profile.allowed_hosts, private_network=profile.private_network)
        self.fetcher = Fetcher(self.guard, profile.limits)
        self.robots = Robots(self.fetcher)

    def run(self, on_document: Callable[[Outcome], None] | None = None) -> CrawlSummary:
        """Crawl every start URL; ``on_document`` is told each document's outcome (for a progress bar).

        Raises ``NothingListed`` when the start URLs list no document at all."""
        summary = CrawlSummary(self.profile.name)
        try:
            items = self._list(summary)
            summary.documents = len(items)
            with ThreadPoolExecutor(max_workers=self.profile.limits.concurrency) as pool:
                for item, (outcome, reason) in zip(items, pool.map(self._document, items), strict=True):
                    summary.count(outcome, item.url, reason)
                    if on_document is not None:
                        on_document(outcome)
        finally:
            summary.requests = self.fetcher.requests
            self.fetcher.close()
        for line in summary.lines():
            log.info(line)
        if not summary.documents:
            raise NothingListed(summary.nothing_listed(self.profile.start_urls))
        return summary

    def _permit(self, url: str) -> str | None:
        """Why ``url`` may not be fetched (logged and kept in the catalogue), or None."""
        try:
            self.guard.check(url)
        except Refused as err:
            reason = err.reason
        else:
            reason = self.robots.refusal(url)
            if reason is None:
                return None
        log.warning("refused %s: %s", url, reason)
        self.store.catalogue.save_refusal(url, self.profile.name, reason)
        return reason

    def _list(self, summary: CrawlSummary) -> list[ListingItem]:
        """Every document item of every listing page, each URL once, in listing order."""
        items: dict[str, ListingItem] = {}
        for start in self.profile.start_urls:
            url: str | None = start
            seen: set[str] = set()
            while url is not None and url not in seen and len(seen) < self.profile.limits.max_pages:
                seen.add(url)
                reason = self._permit(url)
                if reason is not None:
                    summary.refused[url] = reason
                    break
                try:
                    body = self._listing_body(url)
                except (FetchError, Refused) as err:
                    summary.failed[url] = err.reason
                    break
                summary.listing_pages += 1
                page = parse_listing(body, url, self.profile.listing, self.profile.date_formats)
                for item in page.items:
                    items.setdefault(item.url, item)
                url = page.next_url
        return list(items.values())

    def _listing_body(self, url: str) -> bytes:
        """A listing page's bytes: fetched when changed, read from the store on a 304."""
        catalogue, files = self.store.catalogue, self.store.files
        known = catalogue.page(url)
        fetched = self.fetcher.get(
            url, etag=known.etag if known else None, last_modified=known.last_modified if known else None
        )
        if fetched.not_modified and known is not None:
            return files.path(known.sha256, known.suffix).read_bytes()
        suffix = suffix_for(urlsplit(fetched.url).path, fetched.content_type)
        sha256 = files.put(fetched.body, suffix)
        catalogue.save_page(url, self.profile.name, Page(url, sha256, suffix, fetched.etag, fetched.last_modified))
        return fetched.body

    def _document(self, item: ListingItem) -> tuple[Outcome, str]:
        """Fetch and store one document; never raises, so one bad document cannot stop the crawl."""
        reason = self._permit(item.url)
        if reason is not None:
            return Outcome.REFUSED, reason
        catalogue = self.store.catalogue
        known = catalogue.document(item.url)
        if known is not None and known["status"] == "fetched" and not self.refresh:
            return Outcome.UNCHANGED, ""
        base = DocumentRow(
            url=item.url,
            portal=self.profile.name,
            number=item.number,
            issued_date=item.date,
            title=item.title,
            issuer=item.issuer,
        )
        try:
            return self._fetch_document(base, known)
        except (FetchError, Refused) as err:
            reason = err.reason
        except NoDocumentText as err:
            reason = str(err)
        except Exception as err:  # a page that breaks the parser must not stop the crawl
            reason = f"{type(err).__name__}: {err}"
        log.warning("failed %s: %s", item.url, reason)
        catalogue.save_failure(base, reason)
        return Outcome.FAILED, reason

    def _fetch_document(self, base: DocumentRow, known) -> tuple[Outcome, str]:
        fresh = known is not None and known["sha256"] is not None
        fetched = self.fetcher.get(
            base.url,
            etag=known["etag"] if fresh else None,
            last_modified=known["last_modified"] if fresh else None,
        )
        if fetched.not_modified:
            return Outcome.UNCHANGED, ""
        files = self.store.files
        detail = parse_detail(fetched.body, fetched.url, self.profile.detail, self.profile.date_formats)
        permitted = [url for url in detail.attachments if self._permit(url) is None]
        if self.profile.detail.text is not None:
            check_has_source(detail.text, len(permitted))
        attachments = [self._attachment(url, position) for position, url in enumerate(permitted)]
        suffix = suffix_for(urlsplit(fetched.url).path, fetched.content_type)
        sha256 = files.put(fetched.body, suffix)
        text = document_text(detail.text, len(attachments))
        text_sha256 = files.put(text.encode("utf-8"), ".txt") if text else None
        fields = detail.fields
        row = DocumentRow(
            url=base.url,
            portal=base.portal,
            number=base.number or fields.get("number"),
            issued_date=base.issued_date or fields.get("date"),
            title=base.title or fields.get("title"),
            issuer=base.issuer or fields.get("issuer"),
            sha256=sha256,
            suffix=suffix,
            text_sha256=text_sha256,
            fetched_at=now(),
            etag=fetched.etag,
            last_modified=fetched.last_modified,
        )
        self.store.catalogue.save_document(row, attachments)
        if known is None or known["sha256"] is None:
            return Outcome.NEW, ""
        same = known["sha256"] == sha256 and known["text_sha256"] == text_sha256
        return (Outcome.UNCHANGED if same else Outcome.CHANGED), ""

    def _attachment(self, url: str, position: int) -> AttachmentRow:
        fetched: Fetched = self.fetcher.get(url)
        suffix = suffix_for(urlsplit(fetched.url).path, fetched.content_type)
        return AttachmentRow(url, self.store.files.put(fetched.body, suffix), suffix, position)


def crawl(profile: Profile, store: Store, *, refresh: bool = False, on_document=None) -> CrawlSummary:
    """Crawl ``profile``'s portal into ``store`` and say what happened."""
    return Crawler(profile, store, refresh=refresh).run(on_document)
