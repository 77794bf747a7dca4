"""What a crawler must refuse: other hosts, IP literals, private addresses, file: URLs, redirects away."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from flows.crawl import Guard, Refused, crawl
from flows.portals import FIXTURE_SITE
from flows.store import open_store
from flows.store.files import RawFiles

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
    assert summary.new == 5
    catalogue = store.catalogue._conn
    logged = {r[0] for r in catalogue.execute("SELECT url FROM refusals")}
    assert {"http://evil.example/x.pdf", "http://10.0.0.1/y.pdf", "file:///etc/passwd"} <= logged
    assert "http://evil.example/x.pdf" in caplog.text
    assert not [p for p, _ in site.requests if "quan-tri" in p or "evil" in p]
    # every file the crawl wrote is in the data folder and named by its digest, never by a URL or number
    written = [p for p in (tmp_path / "data").rglob("*") if p.is_file()]
    assert all(p.is_relative_to(tmp_path / "data") for p in written)
    raw = [p.name for p in written if "raw" in p.parts]
    assert raw and all(re.fullmatch(r"[0-9a-f]{64}\.(html|txt|pdf)", name) for name in raw)
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
    with pytest.raises(Refused, match="IP literal"):
        Guard(["::1"], resolver=public).check("http://[::1]/a")


def test_raw_file_names_are_digests_only(tmp_path):
    files = RawFiles(tmp_path)
    sha = files.put(b"313/QD-UBND", ".pdf")
    assert files.path(sha, ".pdf").parent.parent == tmp_path.resolve()
    for name, suffix in (("../../etc/passwd", ".txt"), ("313/QĐ-UBND", ".pdf"), (sha, "/../x")):
        with pytest.raises(ValueError):
            files.path(name, suffix)
