"""Hostile and broken files: each a clear reason naming the file, and the batch goes on."""

from __future__ import annotations

import gzip
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from flows.extract import Failure, extract_many, find_documents
from flows.ingest import IngestError, load
from flows.ingest.limits import Limits


def _fails(path: Path, match: str, limits: Limits | None = None) -> None:
    with pytest.raises(IngestError, match=match):
        load(path, limits)


def test_empty(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    _fails(tmp_path / "a.txt", "empty")


def test_blank(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b" \n\t\n  ")
    _fails(tmp_path / "a.txt", "blank")


def test_random_bytes(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(bytes(range(256)) * 40)
    _fails(tmp_path / "a.pdf", "binary|not text")


def test_truncated_pdf(tmp_path: Path, form_files) -> None:
    data = form_files["pdf"][1].read_bytes()
    (tmp_path / "a.pdf").write_bytes(data[: len(data) // 5])
    try:
        loaded = load(tmp_path / "a.pdf")
    except IngestError as err:
        assert "PDF" in str(err)
    else:  # pdfium repairs what it can: the pages it kept must still be text
        assert "ỦY BAN NHÂN DÂN" in loaded.text


def test_encrypted_pdf(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="secret plan")
    pdf.output(str(tmp_path / "a.pdf"))
    _fails(tmp_path / "a.pdf", "encrypted")


def _docx_with(document_xml: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_docx_zip_bomb(tmp_path: Path) -> None:
    bomb = b"<w:document " + _W.encode() + b"><w:body>" + b" " * (30 * 1024 * 1024) + b"</w:body></w:document>"
    (tmp_path / "a.docx").write_bytes(_docx_with(bomb))
    assert (tmp_path / "a.docx").stat().st_size < 1024 * 1024
    _fails(tmp_path / "a.docx", "ZIP bomb", Limits(max_unzipped_bytes=10 * 1024 * 1024))


def test_docx_external_entity_is_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        f"<w:document {_W}><w:body><w:p><w:r><w:t>Kế hoạch &xxe; số 1</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    (tmp_path / "a.docx").write_bytes(_docx_with(xml))
    loaded = load(tmp_path / "a.docx")
    assert "TOP SECRET" not in loaded.text
    assert "Kế hoạch" in loaded.text
    assert any("never resolved" in warning for warning in loaded.warnings)


def test_deeply_nested_html(tmp_path: Path) -> None:
    page = "<html><body>" + "<div>" * 1500 + "<p>Kế hoạch số 5/KH-UBND</p>" + "</div>" * 1500 + "</body></html>"
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    assert "Kế hoạch số 5/KH-UBND" in load(tmp_path / "a.html").text
    hostile = "<html><body>" + "<div>" * 200_000 + "x" + "</div>" * 200_000 + "</body></html>"
    (tmp_path / "b.html").write_text(hostile, encoding="utf-8")
    _fails(tmp_path / "b.html", "nested 200002 levels deep")


def test_html_depth_limit_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = "<html><body>" + "<div>" * 1500 + "<p>Kế hoạch số 5/KH-UBND</p>" + "</div>" * 1500 + "</body></html>"
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    monkeypatch.setenv("KEHOACH_MAX_HTML_DEPTH", "1000")
    assert Limits.from_env().max_html_depth == 1000
    _fails(tmp_path / "a.html", "nested 1503 levels deep; the limit is 1000")


def test_enormous_html_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_bytes(b"<html><body>" + b"<p>x</p>" * (3 * 1024 * 1024 // 8) + b"</body></html>")
    _fails(path, "too large", Limits(max_html_bytes=1024 * 1024))
    _fails(path, "too large", Limits(max_file_bytes=1024 * 1024))


def test_nul_and_control_characters(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("Kế hoạch\x00 số\x07 5/KH-UBND\n".encode())
    loaded = load(tmp_path / "a.txt")
    assert loaded.text == "Kế hoạch số 5/KH-UBND\n"
    assert loaded.warnings == ["2 control characters removed"]


def test_format_from_content_not_extension(tmp_path: Path, form_files) -> None:
    docx = tmp_path / "really_docx.pdf"
    docx.write_bytes(form_files["docx"][1].read_bytes())
    assert load(docx).format == "docx"
    page = tmp_path / "page.txt"
    page.write_bytes(gzip.compress(form_files["html"][1].read_bytes()))
    assert load(page).format == "html"
    pdf = tmp_path / "download"
    pdf.write_bytes(form_files["pdf"][1].read_bytes())
    assert pdf in list(find_documents([tmp_path]))


def test_doc_without_libreoffice_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shutil.which", lambda name: None)
    (tmp_path / "a.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    _fails(tmp_path / "a.doc", "LibreOffice")


def test_scanned_page_without_ocr_names_the_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, form_files) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 50, 50, style="F")
    pdf.output(str(tmp_path / "scan.pdf"))
    monkeypatch.setattr("flows.ingest.pdf.ocr_available", lambda: False)
    _fails(tmp_path / "scan.pdf", "page 1 has no text layer and OCR is not installed")


def test_batch_goes_on_past_every_bad_file(tmp_path: Path, form_files) -> None:
    good = tmp_path / "good.pdf"
    good.write_bytes(form_files["pdf"][1].read_bytes())
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "random.pdf").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04broken")
    results = list(extract_many(find_documents([tmp_path])))
    failures = {result.path.name: result.reason for result in results if isinstance(result, Failure)}
    assert set(failures) == {"empty.txt", "random.pdf", "broken.docx"}
    assert [r.source.format for r in results if not isinstance(r, Failure)] == ["pdf"]


def _sabotage(monkeypatch: pytest.MonkeyPatch, name: str, act: Callable[[], object]) -> None:
    """The reader does ``act`` (hang, die) before it reads the file called ``name``."""
    real_load = load

    def sabotaged(path, limits=None):
        if path.name == name:
            act()
        return real_load(path, limits)

    monkeypatch.setattr("flows.extract.load", sabotaged)


def test_time_limit_per_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    (tmp_path / "slow.txt").write_text("Kế hoạch\n", encoding="utf-8")
    (tmp_path / "fast.txt").write_text("Kế hoạch số 5/KH-UBND\n", encoding="utf-8")
    _sabotage(monkeypatch, "slow.txt", lambda: time.sleep(30))
    results = list(extract_many([tmp_path / "slow.txt", tmp_path / "fast.txt"], limits=Limits(seconds_per_document=2)))
    assert isinstance(results[0], Failure) and "time limit" in results[0].reason
    assert not isinstance(results[1], Failure)


def test_a_crash_costs_only_its_own_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker dying on one file (a parser's segfault) fails that file; the paths it held
    already go to its replacement and give their records, in order."""
    import os

    names = ["a.txt", "crash.txt", "b.txt", "c.txt"]
    for name in names:
        (tmp_path / name).write_text("Kế hoạch số 5/KH-UBND\n", encoding="utf-8")
    _sabotage(monkeypatch, "crash.txt", lambda: os._exit(3))
    results = list(extract_many([tmp_path / name for name in names]))
    assert [r.path.name if isinstance(r, Failure) else r.source.uri.rsplit("/", 1)[-1] for r in results] == names
    assert [isinstance(r, Failure) for r in results] == [False, True, False, False]
    assert "crashed" in results[1].reason and "exit code 3" in results[1].reason
