"""Documents whose text is only in their attachment: the record comes from the file, the portal's
fields are its metadata, a disagreement is a warning; a page with neither text nor file fails, named."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from flows.crawl import crawl
from flows.crawl.source import MIN_DOCUMENT_LETTERS, NoDocumentText, check_has_source, document_text
from flows.portals import FIXTURE_SITE
from flows.store import open_store
from flows.store.catalogue import Catalogue
from flows.store.extraction import extract_batch, extraction_jobs, save_results

FILES = FIXTURE_SITE / "vbcd" / "files"
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
LONG = "Kế hoạch triển khai nhiệm vụ năm 2024 của các sở ngành. " * 20


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def crawl_and_extract(site, profile, data: Path) -> tuple[dict[str, dict], dict[str, str]]:
    """Crawl ``site`` into ``data`` and extract: the records and the failures, by detail page path."""
    store = open_store(data)
    summary = crawl(profile, store)
    _, failed = save_results(store, extract_batch(extraction_jobs(store)))
    records = {row["url"].removeprefix(site.base_url): json.loads(row["json"]) for row in store.catalogue.records()}
    store.close()
    failures = {url.removeprefix(site.base_url): reason for url, reason in {**summary.failed, **failed}.items()}
    return records, failures


def edited_site(root: Path, edits: dict[str, tuple[str, str]]) -> Path:
    """A copy of the fixture portal with ``{relative path: (old, new)}`` replaced once in each file."""
    shutil.copytree(FIXTURE_SITE, root)
    for name, (old, new) in edits.items():
        page = root / name
        text = page.read_text(encoding="utf-8")
        assert old in text, (name, old)
        page.write_text(text.replace(old, new, 1), encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("text", "attachments", "is_document"),
    [
        (f"UBND TỈNH X\n{QUOC_HIEU}\nSố: 1/KH-UBND", 1, True),  # the header: the page is the document
        ("Xem tệp đính kèm.", 1, False),
        (LONG, 1, False),  # a summary without the header, over a file: the file is the document
        (LONG, 0, True),  # ... and with no file, the page is all there is
        ("Kế hoạch cải cách hành chính năm 2026", 0, False),  # a title is not a document
        ("", 1, False),
        (None, 0, False),
    ],
)
def test_which_detail_text_is_the_document(text: str | None, attachments: int, is_document: bool) -> None:
    assert document_text(text, attachments) == (text if is_document else None)
    assert len([c for c in LONG if c.isalpha()]) >= MIN_DOCUMENT_LETTERS


def test_a_page_without_text_or_attachment_is_named() -> None:
    with pytest.raises(NoDocumentText, match=r"no document text \(13 letters, no quốc hiệu\) and no attachment"):
        check_has_source("Xem tệp đính kèm.", 0)
    check_has_source("Xem tệp đính kèm.", 1)


def test_attachment_only_documents_get_their_records_from_their_files(start_site, profile_for, tmp_path) -> None:
    site = start_site()
    records, failures = crawl_and_extract(site, profile_for(site), tmp_path)
    assert failures == {}
    assert len(records) == 7
    pdf, docx = records["/vbcd/chi-tiet/1006.html"], records["/vbcd/chi-tiet/1007.html"]
    assert (pdf["source"]["format"], pdf["source"]["sha256"]) == ("pdf", sha256(FILES / "1006.pdf"))
    assert (docx["source"]["format"], docx["source"]["sha256"]) == ("docx", sha256(FILES / "1007.docx"))
    assert pdf["id"] != docx["id"]
    assert len({r["source"]["sha256"] for r in records.values()}) == len({r["id"] for r in records.values()}) == 7
    assert (pdf["document"]["number"], pdf["document"]["issued_date"]) == ("254/QĐ-UBND", "2023-02-17")
    assert pdf["document"]["issuer"]["name"] == "Ủy ban nhân dân tỉnh Sơn La"
    assert pdf["plan"] is not None and docx["plan"] is not None
    assert docx["document"]["issuer"]["name"] == "Ủy ban nhân dân tỉnh Lâm Đồng"
    assert pdf["source"]["uri"] == site.base_url + "/vbcd/chi-tiet/1006.html"
    assert pdf["source"]["metadata"] == {
        "number": "254/QĐ-UBND",
        "issued_date": "17/02/2023",
        "title": "Quyết định ban hành Kế hoạch thực hiện công tác bảo vệ bí mật nhà nước năm 2023",
        "issuer": "UBND tỉnh Sơn La",
        "attachment": site.base_url + "/vbcd/files/1006.pdf",
    }
    assert docx["source"]["metadata"]["attachment"] == site.base_url + "/vbcd/files/1007.docx"
    assert pdf["warnings"] == docx["warnings"] == []  # the listing agrees with both files
    # a page whose text is the document keeps it, its stub PDF unread
    assert records["/vbcd/chi-tiet/1001.html"]["source"]["format"] == "txt"
    assert "attachment" not in records["/vbcd/chi-tiet/1001.html"]["source"]["metadata"]


def test_the_portal_fields_fill_and_contradict_the_attachment_with_warnings(start_site, profile_for, tmp_path) -> None:
    root = edited_site(
        tmp_path / "site",
        {
            "vbcd/index-2.html": ('<td class="so-ky-hieu">254/QĐ-UBND</td>', '<td class="so-ky-hieu">255/QĐ-UBND</td>'),
            "vbcd/chi-tiet/1007.html": ('<td class="so"></td>', '<td class="so">88/KH-UBND</td>'),
        },
    )
    site = start_site(root)
    records, _ = crawl_and_extract(site, profile_for(site), tmp_path / "data")
    pdf, docx = records["/vbcd/chi-tiet/1006.html"], records["/vbcd/chi-tiet/1007.html"]
    assert pdf["document"]["number"] == "254/QĐ-UBND"  # the text wins
    assert pdf["warnings"] == ["the site's metadata gives number '255/QĐ-UBND', the text '254/QĐ-UBND'"]
    assert docx["document"]["number"] == "88/KH-UBND"  # the detail page fills what the text leaves empty
    assert docx["warnings"] == ["number '88/KH-UBND' from the site's metadata: the text gives none"]
    assert docx["source"]["metadata"]["number"] == "88/KH-UBND"


def test_an_unreadable_attachment_gives_way_to_the_next_and_a_page_with_nothing_fails(
    start_site, profile_for, tmp_path
) -> None:
    docx_link = '<a href="/vbcd/files/1007.docx">'
    root = edited_site(
        tmp_path / "site",
        {
            # 1007 lists a broken PDF before its DOCX; 1006 loses its only attachment link
            "vbcd/chi-tiet/1007.html": (docx_link, '<a href="/vbcd/files/1004.pdf">x</a>' + docx_link),
            "vbcd/chi-tiet/1006.html": ('<a href="/vbcd/files/1006.pdf">254-QD-UBND.pdf</a>', ""),
        },
    )
    site = start_site(root)
    records, failures = crawl_and_extract(site, profile_for(site), tmp_path / "data")
    reason = "the detail page holds no document text (13 letters, no quốc hiệu) and no attachment"
    assert failures == {"/vbcd/chi-tiet/1006.html": reason}
    docx = records["/vbcd/chi-tiet/1007.html"]
    assert docx["source"]["format"] == "docx"
    assert docx["source"]["metadata"]["attachment"] == site.base_url + "/vbcd/files/1007.docx"
    store = open_store(tmp_path / "data")
    listed = [
        (a.url.removeprefix(site.base_url), a.position) for a in store.catalogue.attachments(docx["source"]["uri"])
    ]
    store.close()
    assert listed == [("/vbcd/files/1004.pdf", 0), ("/vbcd/files/1007.docx", 1)]  # in the page's order


def test_a_store_made_before_attachment_positions_opens_and_gains_them(tmp_path) -> None:
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute(
            "CREATE TABLE attachments (document_url TEXT NOT NULL, url TEXT NOT NULL, sha256 TEXT NOT NULL,"
            " suffix TEXT NOT NULL, fetched_at TEXT NOT NULL, PRIMARY KEY (document_url, url))"
        )
        conn.execute("INSERT INTO attachments VALUES ('d', 'a.pdf', 'x', '.pdf', 'now')")
    conn.close()
    catalogue = Catalogue(path)
    assert [(a.url, a.position) for a in catalogue.attachments("d")] == [("a.pdf", 0)]
    catalogue.close()


def test_every_document_gets_its_record_through_30_percent_faults(start_site, profile_for, tmp_path) -> None:
    site = start_site(fault_rate=0.3, seed=11)
    records, failures = crawl_and_extract(site, profile_for(site), tmp_path)
    assert {fault for _, fault in site.requests} >= {"500", "429", "hang", "reset"}
    assert failures == {}
    assert sorted(records) == [f"/vbcd/chi-tiet/100{i}.html" for i in range(1, 8)]
    assert records["/vbcd/chi-tiet/1006.html"]["source"]["sha256"] == sha256(FILES / "1006.pdf")
    assert records["/vbcd/chi-tiet/1007.html"]["source"]["sha256"] == sha256(FILES / "1007.docx")


def test_an_attachment_of_no_known_type_is_read_by_its_bytes(start_site, profile_for, tmp_path) -> None:
    """A download link such as ``tai-ve.ashx?id=7`` served as application/octet-stream is stored as
    ``.bin`` and still read: the reader tells a DOCX by its bytes."""
    root = edited_site(
        tmp_path / "site", {"vbcd/chi-tiet/1007.html": ("/vbcd/files/1007.docx", "/vbcd/files/tai-ve.ashx")}
    )
    shutil.copy(root / "vbcd" / "files" / "1007.docx", root / "vbcd" / "files" / "tai-ve.ashx")
    site = start_site(root)
    profile = profile_for(site)
    detail = profile.detail.model_copy(update={"attachment_suffixes": [".pdf", ".ashx"]})
    records, failures = crawl_and_extract(site, profile.model_copy(update={"detail": detail}), tmp_path / "data")
    assert failures == {}
    docx = records["/vbcd/chi-tiet/1007.html"]
    assert (docx["source"]["format"], docx["source"]["sha256"]) == ("docx", sha256(FILES / "1007.docx"))
