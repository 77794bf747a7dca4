"""What a crawler must refuse: other hosts, IP literals, private addresses, file: URLs, redirects away."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from flows.crawl import Guard, Refused, crawl
from flows.portals import FIXTURE_SITE
from flows.portals.profile import rebased
from flows.store import open_store
from flows.store.files import RawFiles

DOCUMENTS = 7

TRAPS = """<tr><td class="so-ky-hieu">1/X</td><td class="trich-yeu"><a href="{bad}">bẫy</a></td></tr>"""


def trap_site(root: Path, port: int) -> None:
    """The fixture portal whose first listing page also links to places the crawler must not go."""
    shutil.copytree(FIXTURE_SITE, root)
    bad = [
        "http://evil.example/vbcd/1.html",
        f"http://127.0.0.1:{port}/vbcd/chi-tiet/1002.html",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "/redirect-out/1.html",
        "/quan-tri/an.html",
    ]
    listing = root / "vbcd" / "index.html"
    rows = "".join(TRAPS.format(bad=b) for b in bad)
    listing.write_text(listing.read_text(encoding="utf-8").replace("</tbody>", rows + "</tbody>"), encoding="utf-8")
    detail = root / "vbcd" / "chi-tiet" / "1001.html"
    extra = '<a href="http://evil.example/x.pdf">x</a><a href="http://10.0.0.1/y.pdf">y</a>'
    detail.write_text(detail.read_text(encoding="utf-8").replace("</div>\n<div class", extra + "</div>\n<div class", 1))


def test_crawl_refuses_and_logs_every_unsafe_link(start_site, profile_for, tmp_path, caplog):
    site = start_site(tmp_path / "empty")  # only to learn a free port for the IP-literal link
    port = site.server.server_address[1]
    trap_site(tmp_path / "site", port)
    site = start_site(tmp_path / "site")
    store = open_store(tmp_path / "data")
    with caplog.at_level("WARNING", logger="kehoach.crawl"):
        summary = crawl(profile_for(site), store)
    refused = {re.sub(rf"{site.base_url}", "", url): reason for url, reason in summary.refused.items()}
    assert refused["http://evil.example/vbcd/1.html"].startswith("host 'evil.example' not in")
    assert refused[f"http://127.0.0.1:{port}/vbcd/chi-tiet/1002.html"] == "IP literal host"
    assert refused["file:///etc/passwd"] == "scheme 'file' not allowed"
    assert refused["javascript:alert(1)"] == "scheme 'javascript' not allowed"
    assert refused["/quan-tri/an.html"] == "disallowed by robots.txt"
    assert summary.failed[site.base_url + "/redirect-out/1.html"].startswith("host 'evil.example' not in")
    assert summary.new == DOCUMENTS
    catalogue = store.catalogue._conn
    logged = {r[0] for r in catalogue.execute("SELECT url FROM refusals")}
    assert {"http://evil.example/x.pdf", "http://10.0.0.1/y.pdf", "file:///etc/passwd"} <= logged
    assert "http://evil.example/x.pdf" in caplog.text
    assert not [p for p, _ in site.requests if "quan-tri" in p or "evil" in p]
    # every file the crawl wrote is in the data folder and named by its digest, never by a URL or number
    written = [p for p in (tmp_path / "data").rglob("*") if p.is_file()]
    assert all(p.is_relative_to(tmp_path / "data") for p in written)
    raw = [p.name for p in written if "raw" in p.parts]
    assert raw and all(re.fullmatch(r"[0-9a-f]{64}\.(html|txt|pdf|docx)", name) for name in raw)
    store.close()


def test_guard_refuses_private_addresses_unless_the_profile_allows_them():
    def private(host: str) -> list[str]:
        return ["10.1.2.3"]

    def public(host: str) -> list[str]:
        return ["1.1.1.1"]

    with pytest.raises(Refused, match=r"non-public address 10\.1\.2\.3"):
        Guard(["portal.gov.vn"], resolver=private).check("https://portal.gov.vn/a")
    assert Guard(["portal.gov.vn"], private_network=True, resolver=private).check("https://portal.gov.vn/a")
    assert Guard(["portal.gov.vn"], resolver=public).check("https://portal.gov.vn/a")
    with pytest.raises(Refused, match="credentials"):
        Guard(["portal.gov.vn"], resolver=public).check("https://user:pw@portal.gov.vn/a")


@pytest.mark.parametrize(
    ("allowed", "url", "refusal"),
    [
        (["127.0.0.1"], "http://127.0.0.1:8731/a", None),
        (["::1"], "http://[::1]:8731/a", None),
        (["[::1]"], "http://[::1]/a", None),
        (["localhost"], "http://localhost:8731/a", None),
        (["127.0.0.1"], "http://127.0.0.2/a", "IP literal host"),  # loopback, but not the one listed
        (["localhost"], "http://127.0.0.1/a", "IP literal host"),  # listed by name only
        (["10.0.0.1"], "http://10.0.0.1/a", "IP literal host"),  # a private literal, even when listed
        (["203.0.113.7"], "http://203.0.113.7/a", "IP literal host"),  # any other literal
        (["127.0.0.1"], "file://127.0.0.1/etc/passwd", "scheme 'file' not allowed"),
        (["portal.gov.vn"], "http://portal.gov.vn/a", "non-public address 127.0.0.1"),  # a name that points home
    ],
)
def test_only_an_explicitly_listed_loopback_host_is_fetched(allowed: list[str], url: str, refusal: str | None) -> None:
    def loopback(host: str) -> list[str]:
        return ["::1"] if ":" in host else ["127.0.0.1"]

    guard = Guard(allowed, resolver=loopback)
    if refusal is None:
        assert guard.check(url) == url
    else:
        with pytest.raises(Refused, match=re.escape(refusal)):
            guard.check(url)


def test_a_listed_loopback_name_that_resolves_elsewhere_is_refused() -> None:
    with pytest.raises(Refused, match="'localhost' resolves to non-public address"):
        Guard(["localhost"], resolver=lambda host: ["127.0.0.1", "10.9.8.7"]).check("http://localhost/a")


def test_crawl_of_a_profile_that_allows_127_0_0_1(start_site, profile_for, tmp_path) -> None:
    """The profile names the loopback address itself, without ``private_network``: it is crawled."""
    site = start_site()
    port = site.server.server_address[1]
    profile = profile_for(site).model_copy(update={"private_network": False})
    profile = rebased(profile, f"http://127.0.0.1:{port}")
    assert profile.allowed_hosts == ["127.0.0.1"]
    store = open_store(tmp_path)
    summary = crawl(profile, store)
    assert (summary.listing_pages, summary.new, summary.refused, summary.failed) == (2, DOCUMENTS, {}, {})
    store.close()


def test_raw_file_names_are_digests_only(tmp_path):
    files = RawFiles(tmp_path)
    sha = files.put(b"313/QD-UBND", ".pdf")
    assert files.path(sha, ".pdf").parent.parent == tmp_path.resolve()
    for name, suffix in (("../../etc/passwd", ".txt"), ("313/QĐ-UBND", ".pdf"), (sha, "/../x")):
        with pytest.raises(ValueError):
            files.path(name, suffix)
