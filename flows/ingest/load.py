"""Dispatch a file to the reader of its format."""

from __future__ import annotations

import hashlib
from pathlib import Path

from flows.ingest.loaded import IngestError, LoadedDocument
from flows.ingest.text import decode_text

SUFFIXES = (".txt", ".md", ".markdown")


def load(path: Path) -> LoadedDocument:
    """Read ``path`` and give its text; raise ``IngestError`` with a reason when it cannot."""
    data = path.read_bytes()
    if not data.strip():
        raise IngestError("empty file")
    text, warnings = decode_text(data)
    markdown = path.suffix.lower() in (".md", ".markdown")
    return LoadedDocument(
        text=text,
        format="txt",
        sha256=hashlib.sha256(data).hexdigest(),
        markdown=markdown,
        warnings=warnings,
    )
