"""Format detection by content: portals and browsers get extensions wrong.

A DOCX saved as .pdf, a gzip-compressed page saved as .html, an HTML page saved as .doc:
the first bytes decide, the extension only breaks a tie between plain text and HTML.
"""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from typing import Literal

from flows.ingest.loaded import IngestError

Format = Literal["txt", "html", "pdf", "docx", "doc", "gzip"]

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_OOXML = "EncryptedPackage".encode("utf-16-le")
_HTML_START = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<body|<meta|<title|<div|<table|<p[\s>]|<!--)", re.I)
_HTML_TAGS = re.compile(rb"<(?:html|body|div|p|table|br)[\s>/]", re.I)
_SNIFF = 4096


def detect_format(data: bytes, suffix: str) -> Format:
    """The format of a file's bytes; ``IngestError`` for a known format we do not read."""
    head = data[:_SNIFF]
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_format(data)
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith(_OLE):
        if _ENCRYPTED_OOXML in data[:65536]:
            raise IngestError("encrypted (password-protected) Office document")
        return "doc"
    if head.startswith(b"{\\rtf"):
        raise IngestError("RTF documents are not supported: save it as DOCX or PDF")
    ascii_head = _ascii_view(head)
    if suffix in (".md", ".markdown", ".txt"):
        # Markdown carries <br> tags in its tables: only a page that starts as HTML is HTML.
        return "html" if _HTML_START.match(ascii_head) else "txt"
    if _HTML_START.match(ascii_head) or (suffix in (".html", ".htm") and _HTML_TAGS.search(ascii_head)):
        return "html"
    if _HTML_TAGS.search(ascii_head) and ascii_head.lower().count(b"<") > 5:
        return "html"
    return "txt"


def _ascii_view(head: bytes) -> bytes:
    """The sniffed bytes with a BOM and UTF-16 zero bytes removed, so tags match in any encoding."""
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        if head.startswith(bom):
            head = head[len(bom) :]
            break
    if head[:200].count(0) > 50:
        head = head.replace(b"\x00", b"")
    return head


def _zip_format(data: bytes) -> Format:
    try:
        names = set(zipfile.ZipFile(BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError) as err:
        raise IngestError(f"broken ZIP container ({err})") from err
    if "word/document.xml" in names:
        return "docx"
    if any(name.startswith(("xl/", "ppt/")) for name in names):
        raise IngestError("a spreadsheet or presentation, not a document (only DOCX is read from Office files)")
    raise IngestError("a ZIP archive, not a document: unpack it first")


def looks_like_document(head: bytes) -> bool:
    """Whether a file without a known extension holds a document, from its first bytes."""
    if head.startswith((b"%PDF-", b"PK\x03\x04", b"\x1f\x8b", _OLE)):
        return True
    return bool(_HTML_START.match(_ascii_view(head)))
