"""A portal profile: everything the crawler needs to know about one portal, as data.

A new portal of a known kind is a new TOML file in this folder, never new code: the
selectors say where the document items, their fields, the next page, the full text and
the attachments are; the limits say how hard the portal may be asked.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Pick(_Model):
    """Where one value is on a page: a CSS selector, the attribute or text, an optional regex.

    ``css`` is relative to the item (empty: the item itself). ``regex`` keeps its first
    group, or the whole match. ``template`` turns the value into a URL (``{}`` is the value),
    for portals whose links are JavaScript calls rather than URLs.
    """

    css: str = ""
    attr: str | None = None
    regex: str | None = None
    template: str | None = None


class Listing(_Model):
    """A listing page: one element per document, with the fields the listing shows."""

    item: str
    link: Pick
    number: Pick | None = None
    date: Pick | None = None
    title: Pick | None = None
    issuer: Pick | None = None
    next: Pick | None = Field(None, description="the link to the next listing page")


class Detail(_Model):
    """A document's own page: its full text, its attachments, and fields the listing lacks."""

    text: Pick | None = None
    attachments: Pick | None = None
    attachment_suffixes: list[str] = [".pdf", ".doc", ".docx"]
    number: Pick | None = None
    date: Pick | None = None
    title: Pick | None = None
    issuer: Pick | None = None


class Limits(_Model):
    """How politely to fetch: the portal is a public service, not ours to load."""

    rate: float = Field(1.0, gt=0, description="requests per second per host")
    concurrency: int = Field(2, ge=1, description="requests in flight per host")
    timeout: float = Field(30.0, gt=0, description="seconds for connect and for each read")
    retries: int = Field(4, ge=0)
    backoff: float = Field(1.0, ge=0, description="first retry delay in seconds, doubled each retry, with jitter")
    retry_after_max: float = Field(120.0, ge=0, description="longest Retry-After honoured, in seconds")
    max_redirects: int = Field(5, ge=0)
    max_bytes: int = Field(50_000_000, gt=0, description="largest body downloaded")
    max_pages: int = Field(20, ge=1, description="listing pages followed per start URL")


class Profile(_Model):
    name: str
    title: str
    kind: str
    start_urls: list[str]
    allowed_hosts: list[str]
    private_network: bool = Field(
        False, description="allow hosts that resolve to loopback/private addresses (the local fixture portal only)"
    )
    date_formats: list[str] = ["%d/%m/%Y"]
    cron: str = "0 6 * * *"
    listing: Listing
    detail: Detail = Detail()
    limits: Limits = Limits()


def read_profile(path: Path) -> Profile:
    """The profile in a TOML file; pydantic names any field that is wrong or unknown."""
    with path.open("rb") as fh:
        return Profile.model_validate(tomllib.load(fh))


def rebased(profile: Profile, base_url: str) -> Profile:
    """The profile pointed at another origin (scheme, host, port), e.g. a local copy of the portal.

    The start URLs keep their paths; the allowed hosts become the new host only.
    """
    base = urlsplit(base_url)
    if base.scheme not in ("http", "https") or not base.hostname:
        raise ValueError(f"not an http(s) base URL: {base_url!r}")
    starts = [urlunsplit((base.scheme, base.netloc, *urlsplit(u)[2:])) for u in profile.start_urls]
    return profile.model_copy(update={"start_urls": starts, "allowed_hosts": [base.hostname]})
