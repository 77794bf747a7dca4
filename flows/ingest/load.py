"""Dispatch a file to the reader of its format, found from its content, within the limits."""

from __future__ import annotations

import gzip
import hashlib
import io
from pathlib import Path

from flows.ingest.detect import detect_format
from flows.ingest.docx import read_doc, read_docx
from flows.ingest.html import read_html
from flows.ingest.limits import Limits, megabytes
from flows.ingest.loaded import IngestError, LoadedDocument
from flows.ingest.pdf import read_pdf
from flows.ingest.text import read_text

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx", ".doc", ".gz")


def load(path: Path, limits: Limits | None = None) -> LoadedDocument:
    """Read ``path`` and give its text; raise ``IngestError`` with a reason when it cannot."""
    limits = limits or Limits.from_env()
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise IngestError(f"file too large ({megabytes(size)}; the limit is {megabytes(limits.max_file_bytes)})")
    data = path.read_bytes()
    sha256 = hashlib.sha256(data).hexdigest()
    if not data:
        raise IngestError("empty file")
    fmt = detect_format(data, path.suffix.lower())
    if fmt == "gzip":
        data = _gunzip(data, limits)
        fmt = detect_format(data, Path(path.stem).suffix.lower())
    if fmt == "html" and len(data) > limits.max_html_bytes:
        raise IngestError(
            f"HTML page too large ({megabytes(len(data))}; the limit is {megabytes(limits.max_html_bytes)})"
        )
    signatures = ocr_pages = 0
    if fmt == "pdf":
        text, warnings, signatures, ocr_pages = read_pdf(data, limits)
    elif fmt == "docx":
        text, warnings = read_docx(data, limits)
    elif fmt == "doc":
        text, warnings = read_doc(data, limits)
    elif fmt == "html":
        text, warnings = read_html(data, limits)
    else:
        text, warnings = read_text(data)
    markdown = fmt == "txt" and path.suffix.lower() in (".md", ".markdown")
    return LoadedDocument(
        text=text,
        format=fmt,
        sha256=sha256,
        markdown=markdown,
        warnings=warnings,
        digital_signatures=signatures,
        ocr_pages=ocr_pages,
    )


def _gunzip(data: bytes, limits: Limits) -> bytes:
    """A gzip-compressed file inflated, never past the size limit (a gzip bomb stops there)."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            inflated = stream.read(limits.max_file_bytes + 1)
    except (OSError, EOFError) as err:
        raise IngestError(f"broken gzip data ({err})") from err
    if len(inflated) > limits.max_file_bytes:
        raise IngestError(f"gzip data inflates past {megabytes(limits.max_file_bytes)}")
    if not inflated.strip():
        raise IngestError("empty file (inside gzip)")
    return inflated
