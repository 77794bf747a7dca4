"""Pages → facts, as a profile's selectors say: the items of a listing page, the parts of a detail page.

Pure functions of the page bytes and its URL, so each profile can be tested on saved pages.
Links come back absolute but unchecked: the guard decides what may be fetched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urljoin

from bs4 import BeautifulSoup, Tag

from flows.portals.profile import Detail, Listing, Pick


@dataclass(frozen=True)
class ListingItem:
    url: str
    number: str | None = None
    date: str | None = None
    title: str | None = None
    issuer: str | None = None


@dataclass(frozen=True)
class ListingPage:
    items: list[ListingItem]
    next_url: str | None


@dataclass(frozen=True)
class DetailPage:
    text: str | None
    attachments: list[str]
    fields: dict[str, str] = field(default_factory=dict)


def soup(data: bytes) -> BeautifulSoup:
    """The parsed page; bs4 reads the charset from the bytes and the meta tag."""
    return BeautifulSoup(data, "lxml")


def _clean(value: str) -> str:
    return " ".join(value.split())


def _value(element: Tag, pick: Pick) -> str | None:
    if pick.attr is None:
        raw = element.get_text(" ")
    else:
        attr = element.get(pick.attr)
        raw = " ".join(attr) if isinstance(attr, list) else attr
    if raw is None:
        return None
    value = _clean(raw)
    if pick.regex is not None:
        match = re.search(pick.regex, value)
        if match is None:
            return None
        value = next((g for g in match.groups() if g is not None), match.group(0))
    if pick.template is not None:
        value = pick.template.format(value)
    return value or None


def pick_one(scope: Tag, pick: Pick) -> str | None:
    """The first value the pick finds in ``scope`` (the scope itself when ``css`` is empty)."""
    elements = [scope] if not pick.css else scope.select(pick.css)
    for element in elements:
        value = _value(element, pick)
        if value is not None:
            return value
    return None


def pick_all(scope: Tag, pick: Pick) -> list[str]:
    """Every value the pick finds, in page order, without repeats."""
    elements = [scope] if not pick.css else scope.select(pick.css)
    values = (_value(element, pick) for element in elements)
    return list(dict.fromkeys(v for v in values if v is not None))


def parse_date(value: str | None, formats: list[str]) -> str | None:
    """ISO date of a portal's date text, or None when no format fits (never a guess)."""
    if not value:
        return None
    for fmt in formats:
        try:
            return datetime.strptime(value.strip(), fmt).date().isoformat()
        except ValueError:
            continue
    return None


def parse_listing(data: bytes, page_url: str, listing: Listing, date_formats: list[str]) -> ListingPage:
    """The document items of one listing page and the URL of the next page."""
    page = soup(data)
    items = []
    for element in page.select(listing.item):
        link = pick_one(element, listing.link)
        if link is None:
            continue
        items.append(
            ListingItem(
                url=urljoin(page_url, link),
                number=pick_one(element, listing.number) if listing.number else None,
                date=parse_date(pick_one(element, listing.date), date_formats) if listing.date else None,
                title=pick_one(element, listing.title) if listing.title else None,
                issuer=pick_one(element, listing.issuer) if listing.issuer else None,
            )
        )
    next_link = pick_one(page, listing.next) if listing.next else None
    return ListingPage(items=items, next_url=urljoin(page_url, next_link) if next_link else None)


def _text(element: Tag) -> str:
    lines = (_clean(line) for line in element.get_text("\n").splitlines())
    return "\n".join(line for line in lines if line)


def parse_detail(data: bytes, page_url: str, detail: Detail, date_formats: list[str]) -> DetailPage:
    """A detail page's full text, attachment URLs (by suffix) and the fields the profile names."""
    page = soup(data)
    text = None
    if detail.text is not None:
        blocks = page.select(detail.text.css) if detail.text.css else [page]
        text = "\n".join(_text(b) for b in blocks).strip() or None
    attachments: list[str] = []
    if detail.attachments is not None:
        suffixes = tuple(s.lower() for s in detail.attachment_suffixes)
        for link in pick_all(page, detail.attachments):
            url = urljoin(page_url, link)
            if url.split("?", 1)[0].lower().endswith(suffixes) and url not in attachments:
                attachments.append(url)
    fields = {}
    for name in ("number", "date", "title", "issuer"):
        pick = getattr(detail, name)
        value = pick_one(page, pick) if pick is not None else None
        if name == "date":
            value = parse_date(value, date_formats)
        if value is not None:
            fields[name] = value
    return DetailPage(text=text, attachments=attachments, fields=fields)
