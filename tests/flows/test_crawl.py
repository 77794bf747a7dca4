"""Crawling the fixture portal: every document once, a re-run fetches nothing, faults are survived."""

from __future__ import annotations

import re
from pathlib import Path

from flows.crawl import Outcome, crawl
from flows.store import open_store

DOCUMENTS = {f"/vbcd/chi-tiet/100{i}.html" for i in range(1, 8)}
ATTACHMENTS = {"/vbcd/files/1001.pdf", "/vbcd/files/1004.pdf", "/vbcd/files/1006.pdf", "/vbcd/files/1007.docx"}


def stored(data: Path) -> dict:
    """The store's content that must not depend on how the crawl went: documents, attachments, files."""
    store = open_store(data)
    conn = store.catalogue._conn
    documents = sorted(
        tuple(r)
        for r in conn.execute(
            "SELECT url, status, number, issued_date, title, issuer, sha256, suffix, text_sha256 FROM documents"
        )
    )
    attachments = sorted(
        tuple(r) for r in conn.execute("SELECT document_url, url, sha256, suffix, position FROM attachments")
    )
    files = sorted(p.name for p in (data / "raw").rglob("*") if p.is_file() and not p.name.startswith(".tmp-"))
    store.close()
    return {"documents": documents, "attachments": attachments, "files": files}


def paths(urls) -> set[str]:
    return {re.sub(r"^http://[^/]+", "", u) for u in urls}


def test_crawl_stores_every_document_once_and_rerun_fetches_nothing(start_site, profile_for, tmp_path):
    site = start_site()
    profile = profile_for(site)
    store = open_store(tmp_path)
    outcomes = []
    first = crawl(profile, store, on_document=outcomes.append)
    assert (first.listing_pages, first.documents, first.new, first.failed, first.refused) == (2, 7, 7, {}, {})
    assert outcomes == [Outcome.NEW] * 7
    counts = store.catalogue.counts()
    assert (counts["documents"], counts["documents_fetched"], counts["attachments"]) == (7, 7, 4)
    row = store.catalogue.document(site.base_url + "/vbcd/chi-tiet/1001.html")
    assert (row["number"], row["issued_date"], row["issuer"]) == ("313/QĐ-UBND", "2017-03-20", "UBND tỉnh Bắc Kạn")
    text = store.files.path(row["text_sha256"], ".txt").read_text(encoding="utf-8")
    assert "Kế hoạch thực hiện Chương trình bảo vệ trẻ em" in text and "<p>" not in text
    asked = len(site.requests)

    second = crawl(profile, store)
    assert (second.fetched, second.unchanged, second.failed) == (0, 7, {})
    again = [path for path, _ in site.requests[asked:]]
    assert again == ["/robots.txt", "/vbcd/index.html", "/vbcd/index-2.html"]  # listing pages answer 304
    assert store.catalogue.counts() == counts
    store.close()


def test_crawl_through_faults_gets_every_document_exactly_once(start_site, profile_for, tmp_path):
    site = start_site(fault_rate=0.3, seed=3)
    summary = crawl(profile_for(site), open_store(tmp_path))
    faults = {fault for _, fault in site.requests} - {"ok"}
    assert faults == {"500", "429", "hang", "reset"}  # every kind of fault happened
    assert (summary.new, summary.failed) == (7, {})
    content = stored(tmp_path)
    assert paths(d[0] for d in content["documents"]) == DOCUMENTS
    assert {d[1] for d in content["documents"]} == {"fetched"}
    assert paths(a[1] for a in content["attachments"]) == ATTACHMENTS
    served_ok = [path for path, fault in site.requests if fault == "ok"]
    assert sorted(p for p in served_ok if p in DOCUMENTS) == sorted(DOCUMENTS)  # each detail page fetched once

    clean = start_site()
    crawl(profile_for(clean), open_store(tmp_path / "clean"))
    reference = stored(tmp_path / "clean")
    assert [d[1:] for d in content["documents"]] == [d[1:] for d in reference["documents"]]
    assert content["files"] == reference["files"]
